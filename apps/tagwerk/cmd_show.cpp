// tagwerk show: one annotated record made readable, in the terminal or as an HTML page.
#include "cli_common.hpp"
#include "commands.hpp"
#include "show_html.hpp"
#include "show_record.hpp"
#include "show_text.hpp"

#include <tagwerk/core/error.hpp>
#include <tagwerk/core/input.hpp>

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

namespace po = boost::program_options;

namespace tagwerk::cli {
namespace {

std::size_t terminal_width() {
  winsize size{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    return size.ws_col;
  if (const char* env = std::getenv("COLUMNS")) {
    const long n = std::strtol(env, nullptr, 10);
    if (n > 0) return static_cast<std::size_t>(n);
  }
  return 80;
}

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  if (mode != "auto") throw UsageError("--color must be auto, always or never, not '" + mode + "'");
  const char* term = std::getenv("TERM");
  return isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr &&
         !(term != nullptr && std::string(term) == "dumb");
}

}  // namespace

int cmd_show(const std::vector<std::string>& args) {
  po::options_description show("Options of show");
  show.add_options()("input", po::value<std::string>()->default_value("-"),
                     "annotated JSON Lines (.gz, .zst read too); - or nothing for standard input")(
      "id", po::value<std::string>(), "the record with this id")(
      "record,n", po::value<std::size_t>(), "the N-th record of the file (1-based); default: the first")(
      "html", po::value<std::string>(),
      "write the record as one self-contained HTML page to this file instead")(
      "color", po::value<std::string>()->default_value("auto"),
      "auto (when standard output is a terminal), always or never")(
      "offsets", po::value<std::string>()->default_value("codepoints"),
      "the offsets the record was written with (tagwerk run --offsets): codepoints, bytes or utf16");
  po::options_description all;
  all.add(show).add(common_options());
  po::positional_options_description positional;
  positional.add("input", 1);
  auto vm = parse(args, all, &positional, "show");
  if (vm["help"].as<bool>()) {
    std::cout
        << "Usage: tagwerk show [FILE|-] [--id ID | --record N] [--html OUT.html] [--color WHEN] [--offsets "
           "U]\n\n"
           "Shows one record of `tagwerk run`'s output readable: title, id, date and language, the\n"
           "text by paragraph with its entities marked by label (coloured in a terminal, else\n"
           "[text|LABEL]), the entities by cluster, quotes with speaker and cue, times with their\n"
           "values, sentence and document sentiment, errors and warnings. Layers the record does\n"
           "not have are left out. Exit status 0 when shown, 2 when the record or file is not found.\n\n"
        << all;
    return kExitClean;
  }
  setup_logging(vm);
  if (vm.count("id") && vm.count("record")) throw UsageError("give --id or --record, not both");
  const bool color = use_color(vm["color"].as<std::string>());
  const core::OffsetUnit offsets = parse_offsets(vm["offsets"].as<std::string>());
  const std::string input = vm["input"].as<std::string>();
  const std::string source = input == "-" ? "<stdin>" : input;
  std::size_t wanted = vm.count("record") ? vm["record"].as<std::size_t>() : 1;
  if (wanted == 0) throw UsageError("--record counts from 1");

  core::InputOptions options;
  options.paths = {input};
  options.format = core::InputFormat::jsonl;
  auto reader = core::open_input(options);
  core::Document doc;
  std::size_t seen = 0;
  bool found = false;
  while (reader->next(doc)) {
    ++seen;
    if (vm.count("id") ? doc.id == vm["id"].as<std::string>() : seen == wanted) {
      found = true;
      break;
    }
  }
  if (!found) {
    if (vm.count("id")) {
      std::cerr << "tagwerk show: " << source << ": no record with id '" << vm["id"].as<std::string>()
                << "' among its " << seen << " records; pass an id from its \"id\" field, or --record N\n";
    } else if (seen == 0) {
      std::cerr << "tagwerk show: " << source << ": no records in it; pass a file `tagwerk run` wrote\n";
    } else {
      std::cerr << "tagwerk show: " << source << ": no record " << wanted << ", it has " << seen
                << " records; pass --record 1 to " << seen << "\n";
    }
    return kExitSetupError;
  }
  const ShowRecord record = make_show_record(doc, offsets);
  if (vm.count("html")) {
    const std::string out_path = vm["html"].as<std::string>();
    std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
    out << render_html(record, source);
    out.close();
    if (!out) {
      std::cerr << "tagwerk show: " << out_path
                << ": cannot write the HTML page; check that its folder exists and "
                << "is writable\n";
      return kExitSetupError;
    }
    std::cerr << "tagwerk show: wrote " << out_path << " (record " << record.id << ")\n";
    return kExitClean;
  }
  render_text(record, TextStyle{color, terminal_width()}, std::cout);
  return kExitClean;
}

}  // namespace tagwerk::cli
