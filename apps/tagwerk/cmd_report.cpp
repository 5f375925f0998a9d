// tagwerk report: corpus-level tables over annotated JSON Lines (the reduce step).
#include "cli_common.hpp"
#include "commands.hpp"

#include <tagwerk/core/error.hpp>
#include <tagwerk/core/report.hpp>
#include <tagwerk/core/report_input.hpp>
#include <tagwerk/core/report_output.hpp>

#include <fstream>
#include <iostream>
#include <sstream>

namespace po = boost::program_options;

namespace tagwerk::cli {

namespace {

constexpr const char* kDefaultChartJs = "/usr/share/javascript/chart.js/chart.min.js";

std::string read_chart_js(const std::string& path, bool explicit_path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (explicit_path) throw UsageError("cannot read --chart-js " + path + "; give the path of chart.min.js");
    std::cerr
        << "tagwerk report: warning: " << path
        << " not found, the page has no charts; install Debian's libjs-chart.js or pass --chart-js FILE\n";
    return {};
  }
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

int cmd_report(const std::vector<std::string>& args) {
  po::options_description report("Options of report");
  report.add_options()("input", po::value<std::vector<std::string>>()->composing(),
                       "annotated JSON Lines (`tagwerk run` output, .gz/.zst too) or an SQLite database "
                       "`tagwerk run` wrote; several shard files give the same report as one file")(
      "output,o", po::value<std::string>(), "the folder to write the tables and index.html into")(
      "period", po::value<std::string>()->default_value("month"),
      "timeline and sentiment periods: day, week, month")("top", po::value<std::size_t>()->default_value(10),
                                                          "names listed per timeline period")(
      "quote-chars", po::value<std::size_t>()->default_value(300),
      "a quote's text is cut to this many characters")("no-html", po::bool_switch(),
                                                       "write only the JSON and CSV tables")(
      "threads,j", po::value<unsigned>()->default_value(0),
      "threads mapping JSON Lines records; 0 = all cores (the report is the same for any number)")(
      "chart-js", po::value<std::string>(),
      "Chart.js to inline into index.html; default: Debian's libjs-chart.js");
  po::options_description all;
  all.add(report).add(common_options());
  po::positional_options_description positional;
  positional.add("input", -1);
  auto vm = parse(args, all, &positional, "report");
  if (vm["help"].as<bool>()) {
    std::cout << "Usage: tagwerk report INPUT... -o DIR\n\n"
                 "Reduces annotated records into DIR/entities, quotes (who said what), timeline and\n"
                 "sentiment (per entity over time), each as .json and .csv, and DIR/index.html.\n"
                 "See docs/reports.md. Exit status 0, 1 when some records could not be read, 2 on\n"
                 "usage or I/O errors.\n\n"
              << all;
    return kExitClean;
  }
  setup_logging(vm);
  if (!vm.count("input"))
    throw UsageError("no input given; pass the annotated .jsonl (or .sqlite) files of `tagwerk run`");
  if (!vm.count("output")) throw UsageError("no output folder given; pass -o DIR");
  core::ReportOptions options;
  const auto period = core::parse_report_period(vm["period"].as<std::string>());
  if (!period)
    throw UsageError("--period must be day, week or month, not '" + vm["period"].as<std::string>() + "'");
  options.period = *period;
  options.top_names = vm["top"].as<std::size_t>();
  options.quote_chars = vm["quote-chars"].as<std::size_t>();
  const unsigned threads = vm["threads"].as<unsigned>();
  const bool html = !vm["no-html"].as<bool>();
  std::string chart_js;
  if (html)
    chart_js = vm.count("chart-js") ? read_chart_js(vm["chart-js"].as<std::string>(), true)
                                    : read_chart_js(kDefaultChartJs, false);

  // One partial state per input, merged: the same code path as shards
  // reduced on other machines.
  core::ReportState total(options);
  std::uint64_t bad = 0;
  for (const auto& path : vm["input"].as<std::vector<std::string>>()) {
    core::ReportState part(options);
    bad += core::map_report_input(path, part, threads,
                                  [](const std::string& m) { std::cerr << "tagwerk report: " << m << "\n"; });
    total.merge(std::move(part));
  }
  const std::uint64_t records = total.records(), skipped = total.skipped();
  core::write_report(vm["output"].as<std::string>(), std::move(total).finish(), html, chart_js);
  if (!vm["quiet"].as<bool>())
    std::cerr << "tagwerk report: " << records << " records (" << skipped << " without annotations, " << bad
              << " unreadable) -> " << vm["output"].as<std::string>() << "\n";
  return bad ? kExitRecordErrors : kExitClean;
}

}  // namespace tagwerk::cli
