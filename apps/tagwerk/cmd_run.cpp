// tagwerk run: a chain over a corpus, streamed, in parallel, in input order.
#include "cli_common.hpp"
#include "commands.hpp"
#include "progress.hpp"

#include <tagwerk/core/chain.hpp>
#include <tagwerk/core/error.hpp>
#include <tagwerk/core/input.hpp>
#include <tagwerk/core/manifest.hpp>
#include <tagwerk/core/output.hpp>
#include <tagwerk/core/pipeline.hpp>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <unistd.h>
#include <charconv>
#include <fstream>
#include <iostream>

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace tagwerk::cli {
namespace {

constexpr const char* kRunUsage = R"(Usage: tagwerk run [options] [INPUT...]

Runs a chain over every record of the INPUTs (JSON Lines files, .gz and .zst
read transparently, folders of .txt files, or '-' for standard input; none
given: the chain's [input] paths, else standard input) and writes one JSON
line per record, in input order, to standard output or --output.

Examples:
  tagwerk run examples/seed.jsonl > seed.out.jsonl
  tagwerk run -c chains/default.toml -j 4 corpus.jsonl.zst -o out.jsonl --manifest run.json
  tagwerk run --format text articles/ --offsets utf16
  cat part.jsonl | tagwerk run --shard 2/8 -q > part-2.jsonl
)";

core::Shard parse_shard(const std::string& text) {
  auto slash = text.find('/');
  core::Shard shard;
  auto parse = [](std::string_view s, std::uint32_t& out) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
  };
  if (slash == std::string::npos || !parse(std::string_view(text).substr(0, slash), shard.index) ||
      !parse(std::string_view(text).substr(slash + 1), shard.count) || shard.count == 0 || shard.index == 0 ||
      shard.index > shard.count)
    throw UsageError("--shard '" + text + "' must be K/N with 1 <= K <= N, e.g. --shard 3/16");
  return shard;
}

core::OffsetUnit parse_offsets(const std::string& text) {
  if (auto unit = core::parse_offset_unit(text)) return *unit;
  throw UsageError("--offsets '" + text + "' must be codepoints, bytes or utf16");
}

core::InputFormat parse_format(const std::string& text) {
  if (auto format = core::parse_input_format(text)) return *format;
  throw UsageError("--format '" + text + "' must be auto, jsonl or text");
}

}  // namespace

int cmd_run(const std::vector<std::string>& args) {
  po::options_description run("Options of run");
  run.add_options()("chain,c", po::value<std::string>(),
                    "the chain (TOML); default: the installed chains/default.toml")(
      "output,o", po::value<std::string>(),
      "write here instead of the chain's [output] path or stdout ('-')")(
      "threads,j", po::value<unsigned>()->default_value(0), "worker threads; 0 = all cores")(
      "shard", po::value<std::string>(), "K/N: only the records whose ordinal modulo N is K-1")(
      "offsets", po::value<std::string>(), "codepoints (default), bytes or utf16")(
      "format", po::value<std::string>(), "input format: auto (default), jsonl or text")(
      "manifest", po::value<std::string>(),
      "write the run's provenance (versions, chain, counts, times) here")(
      "input", po::value<std::vector<std::string>>(), "input files or folders; also positional");
  po::options_description all;
  all.add(run).add(common_options());
  po::positional_options_description positional;
  positional.add("input", -1);
  auto vm = parse(args, all, &positional, "run");
  if (vm["help"].as<bool>()) {
    std::cout << kRunUsage << "\n" << all;
    return kExitClean;
  }
  setup_logging(vm);
  auto registry = discover_plugins(vm);
  const auto available = registry.plugins();

  fs::path chain_path = vm.count("chain") ? fs::path(vm["chain"].as<std::string>()) : default_chain_path();
  if (chain_path.empty())
    throw UsageError(
        "no --chain given and no default chain installed; pass --chain FILE (see chains/ in the sources)");
  core::Chain chain = core::load_chain(chain_path, available);
  if (!vm["quiet"].as<bool>()) print_chain_warnings(chain, std::cerr);

  if (vm.count("input")) chain.input.paths = vm["input"].as<std::vector<std::string>>();
  if (chain.input.paths.empty()) chain.input.paths.push_back("-");
  if (vm.count("format")) chain.input.format = parse_format(vm["format"].as<std::string>());
  if (vm.count("shard")) chain.input.shard = parse_shard(vm["shard"].as<std::string>());
  if (vm.count("offsets")) chain.output.offsets = parse_offsets(vm["offsets"].as<std::string>());
  if (vm.count("output")) chain.output.path = vm["output"].as<std::string>();
  for (const auto& p : chain.input.paths)
    if (p == "-" && isatty(STDIN_FILENO))
      spdlog::warn(
          "reading JSON Lines from standard input, which is a terminal; give INPUT files or pipe records in");

  auto reader = core::open_input(chain.input);
  core::Pipeline pipeline(chain, registry);  // plugins load their data here

  std::ofstream file;
  std::ostream* out = &std::cout;
  if (chain.output.path != "-") {
    file.open(chain.output.path, std::ios::binary | std::ios::trunc);
    if (!file)
      throw core::SetupError(
          fmt::format("{}: cannot open the output file for writing; check the folder exists "
                      "and is writable",
                      chain.output.path));
    out = &file;
  } else {
    std::ios::sync_with_stdio(false);
  }
  core::JsonlWriter writer(*out, chain.output.offsets);

  const bool quiet = vm["quiet"].as<bool>();
  ProgressLine progress(!quiet && isatty(STDERR_FILENO));
  core::RunOptions options;
  options.threads = vm["threads"].as<unsigned>();
  options.on_progress = [&](const core::RunStats& s) { progress.update(s); };
  const core::OffsetUnit offsets = chain.output.offsets;
  core::RunStats stats = pipeline.run(
      *reader,
      [offsets](const core::Document& d, std::string& out) { core::append_json_record(out, d, offsets); },
      [&](const core::Document&, std::string_view record) { writer.write_formatted(record); }, options);
  writer.flush();
  progress.finish(stats);

  if (vm.count("manifest")) {
    core::ManifestContext context;
    context.tagwerk_version = TAGWERK_VERSION;
    context.command_line = args;
    context.data_files = pipeline.data_files();
    core::write_manifest(vm["manifest"].as<std::string>(), chain, stats, context);
  }
  spdlog::info(
      "{} records, {} with errors ({} unreadable), {} with warnings, {:.2f} s on {} threads, {:.1f} "
      "records/s, "
      "{:.2f} MB/s",
      stats.records, stats.records_with_errors, stats.unreadable, stats.records_with_warnings, stats.seconds,
      stats.threads, stats.seconds > 0 ? static_cast<double>(stats.records) / stats.seconds : 0.0,
      stats.seconds > 0 ? static_cast<double>(stats.text_bytes) / 1e6 / stats.seconds : 0.0);
  return stats.records_with_errors == 0 ? kExitClean : kExitRecordErrors;
}

}  // namespace tagwerk::cli
