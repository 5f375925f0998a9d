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
#include <tagwerk/core/record_writer.hpp>
#include <tagwerk/core/resume.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/spdlog.h>

#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstring>
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
  tagwerk run corpus.jsonl.zst -o out.jsonl --doc-timeout 10 --max-errors 1%
  tagwerk run corpus.jsonl.zst -o out.jsonl --resume    # after Ctrl-C or a crash
  tagwerk run corpus.jsonl.zst -o corpus.sqlite --exclude token,sentence

An output file is written as OUTPUT.partial and renamed to OUTPUT when the run
is complete; a stopped run leaves OUTPUT.partial and its state in
OUTPUT.partial.manifest.json, which --resume continues from.
Exit status: 0 no record carries an error (warnings allowed), 1 some records carry errors,
2 usage/setup error,
3 stopped past --max-errors, 130/143 interrupted by SIGINT/SIGTERM.
)";

volatile std::sig_atomic_t g_stop_signal = 0;

extern "C" void on_stop_signal(int sig) {
  g_stop_signal = sig;
}

void install_stop_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sa.sa_flags = SA_RESTART;  // reads of the input go on; poll() in the supervisor still wakes
  sigemptyset(&sa.sa_mask);
  ::sigaction(SIGINT, &sa, nullptr);
  ::sigaction(SIGTERM, &sa, nullptr);
}

core::Isolation parse_isolation(const std::string& text) {
  if (text == "process") return core::Isolation::process;
  if (text == "none") return core::Isolation::none;
  throw UsageError("--isolation '" + text + "' must be process (the default) or none");
}

// Refuses an output (or its partial file) that is one of the inputs: it would be emptied before it is read.
void refuse_output_over_input(const fs::path& output, const fs::path& partial,
                              const std::vector<std::string>& inputs) {
  for (const auto& in : inputs) {
    if (in == "-") continue;
    std::error_code ec;
    for (const fs::path& out : {output, partial})
      if (fs::equivalent(in, out, ec) && !ec)
        throw core::SetupError(
            fmt::format("the output '{}' is the input '{}': writing it would destroy the "
                        "input before it is read; choose another -o",
                        output.string(), in));
  }
}

// Refuses a --manifest path that cannot be written, before the run rather than after it.
void check_manifest_path(const fs::path& path, const std::vector<std::string>& inputs) {
  std::error_code ec;
  const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
  std::string why;
  if (fs::is_directory(path, ec))
    why = "it is a folder; give a file name";
  else if (!fs::is_directory(folder, ec))
    why = fmt::format("its folder '{}' does not exist; create it first", folder.string());
  else if (::access(folder.c_str(), W_OK) != 0)
    why = fmt::format("its folder '{}' is not writable ({})", folder.string(), std::strerror(errno));
  else if (fs::exists(path, ec) && ::access(path.c_str(), W_OK) != 0)
    why = fmt::format("the file is not writable ({})", std::strerror(errno));
  for (const auto& in : inputs)
    if (in != "-" && fs::equivalent(in, path, ec) && !ec) why = "it is one of the inputs";
  if (!why.empty())
    throw UsageError(fmt::format("--manifest '{}' cannot be written: {}", path.string(), why));
}

// Command-line input paths are relative to the current folder (the chain's [input] paths to its file).
void check_command_line_inputs(const std::vector<std::string>& paths) {
  for (const auto& p : paths) {
    if (p == "-") continue;
    std::error_code ec;
    if (fs::exists(p, ec)) continue;
    throw core::SetupError(fmt::format(
        "cannot read input '{}': {} — check the path (relative paths on the command line are resolved "
        "against the current folder, {}), or give - for standard input",
        p, std::strerror(ENOENT), fs::current_path(ec).string()));
  }
}

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

core::InputFormat parse_format(const std::string& text) {
  if (auto format = core::parse_input_format(text)) return *format;
  throw UsageError("--format '" + text + "' must be auto, jsonl or text");
}

// "a,b" as {"a", "b"}; "" as {}. Refuses a name the chain's steps do not provide.
std::vector<std::string> parse_layer_list(const std::string& option, const std::string& text,
                                          const core::Chain& chain) {
  std::vector<std::string> names;
  const std::vector<std::string> provided = chain.provided_layers();
  std::string_view rest = text;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    std::string name(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    if (name.empty()) continue;
    if (std::find(provided.begin(), provided.end(), name) == provided.end())
      throw UsageError(
          fmt::format("--{} names layer '{}', which no step of the chain {} provides; layers "
                      "the steps provide: {}",
                      option, name, chain.file.string(),
                      provided.empty() ? std::string("none") : fmt::format("{}", fmt::join(provided, ", "))));
    names.push_back(std::move(name));
  }
  return names;
}

}  // namespace

int cmd_run(const std::vector<std::string>& args) {
  po::options_description run("Options of run");
  run.add_options()("chain,c", po::value<std::string>(),
                    "the chain (TOML); default: the installed chains/default.toml")(
      "output,o", po::value<std::string>(),
      "write here instead of the chain's [output] path or stdout ('-')")(
      "threads,j", po::value<unsigned>()->default_value(0), "worker processes (or threads); 0 = all cores")(
      "shard", po::value<std::string>(), "K/N: only the records whose ordinal modulo N is K-1")(
      "offsets", po::value<std::string>(), "codepoints (default), bytes or utf16")(
      "format", po::value<std::string>(), "input format: auto (default), jsonl or text")(
      "output-format", po::value<std::string>(),
      "jsonl or sqlite; default: sqlite for an -o ending in .sqlite, .sqlite3 or .db, else jsonl")(
      "layers", po::value<std::string>(),
      "a,b,...: write only these layers (with --exclude too: these less those); replaces the chain's "
      "[output] layers and exclude")(
      "exclude", po::value<std::string>(),
      "a,b,...: leave these layers out (e.g. token); --exclude '' writes every layer; replaces the "
      "chain's [output] layers and exclude")(
      "manifest", po::value<std::string>(),
      "write the run's provenance (versions, chain, counts, times) here")(
      "isolation", po::value<std::string>()->default_value("process"),
      "process: the chain runs in supervised worker processes, so a plugin that crashes, hangs or eats "
      "memory fails one record; none: threads in this process (for debugging)")(
      "doc-timeout", po::value<double>()->default_value(60),
      "seconds one record may take before it fails and its worker is replaced; 0 = no limit (process "
      "isolation)")(
      "worker-memory", po::value<std::uint64_t>()->default_value(0),
      "MB one worker process may use (resident, the loaded chain included) before its record fails and "
      "the worker is replaced; 0 = no limit (process isolation)")(
      "max-errors", po::value<std::string>(),
      "N or P%: stop (exit 3) once more than N records, or P % of them, carry errors")(
      "resume", po::bool_switch(),
      "continue a stopped or crashed run into the same -o FILE (from FILE.partial)")(
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
  core::RunOptions options;
  options.threads = vm["threads"].as<unsigned>();
  options.isolation = parse_isolation(vm["isolation"].as<std::string>());
  options.worker_memory_mb = vm["worker-memory"].as<std::uint64_t>();
  if (vm.count("max-errors")) {
    auto budget = core::ErrorBudget::parse(vm["max-errors"].as<std::string>());
    if (!budget)
      throw UsageError("--max-errors '" + vm["max-errors"].as<std::string>() +
                       "' must be a count (e.g. 100) or a percentage (e.g. 2.5%)");
    options.max_errors = *budget;
  }
  auto registry = discover_plugins(vm);
  const auto available = registry.plugins();

  fs::path chain_path = vm.count("chain") ? fs::path(vm["chain"].as<std::string>()) : default_chain_path();
  if (chain_path.empty())
    throw UsageError(
        "no --chain given and no default chain installed; pass --chain FILE (see chains/ in the sources)");
  core::Chain chain = core::load_chain(chain_path, available);
  if (!vm["quiet"].as<bool>()) print_chain_warnings(chain, std::cerr);

  if (vm.count("input")) {
    chain.input.paths = vm["input"].as<std::vector<std::string>>();
    check_command_line_inputs(chain.input.paths);
  }
  if (chain.input.paths.empty()) chain.input.paths.push_back("-");
  if (vm.count("format")) chain.input.format = parse_format(vm["format"].as<std::string>());
  if (vm.count("shard")) chain.input.shard = parse_shard(vm["shard"].as<std::string>());
  if (vm.count("offsets")) chain.output.offsets = parse_offsets(vm["offsets"].as<std::string>());
  if (vm.count("output")) chain.output.path = vm["output"].as<std::string>();
  if (vm.count("layers") || vm.count("exclude")) {
    chain.output.layers = {};
    if (vm.count("layers"))
      chain.output.layers.only = parse_layer_list("layers", vm["layers"].as<std::string>(), chain);
    if (vm.count("exclude"))
      chain.output.layers.exclude = parse_layer_list("exclude", vm["exclude"].as<std::string>(), chain);
  }

  options.doc_timeout_seconds = vm["doc-timeout"].defaulted() && chain.doc_timeout
                                    ? *chain.doc_timeout
                                    : vm["doc-timeout"].as<double>();
  if (!(options.doc_timeout_seconds >= 0))
    throw UsageError("--doc-timeout must be a number of seconds >= 0 (0: no limit)");
  const bool resume = vm["resume"].as<bool>();
  const bool to_file = chain.output.path != "-";
  core::OutputFormat output_format = core::output_format_for(chain.output.path);
  if (vm.count("output-format")) {
    const auto named = core::parse_output_format(vm["output-format"].as<std::string>());
    if (!named)
      throw UsageError("--output-format '" + vm["output-format"].as<std::string>() +
                       "' must be jsonl or sqlite");
    output_format = *named;
  }
  const bool sqlite = output_format == core::OutputFormat::sqlite;
  if (sqlite && !to_file)
    throw UsageError(
        "--output-format sqlite writes a database file, not standard output: give -o FILE.sqlite");
  if (sqlite && resume)
    throw UsageError(
        fmt::format("--resume cannot continue an SQLite output ({}): run again without --resume to start it "
                    "over, or write "
                    "JSON Lines (-o FILE.jsonl), which --resume continues",
                    chain.output.path));
  const fs::path output = chain.output.path;
  const fs::path partial = output.string() + ".partial";
  const fs::path state = output.string() + ".partial.manifest.json";
  if (to_file) refuse_output_over_input(output, partial, chain.input.paths);
  if (vm.count("manifest")) check_manifest_path(vm["manifest"].as<std::string>(), chain.input.paths);
  if (resume && !to_file)
    throw UsageError("--resume continues into an output file: give the -o FILE of the run to continue");

  const std::string identity = core::input_identity(chain.input);
  if (resume && identity.empty())
    throw UsageError("--resume cannot continue a run over standard input, which cannot be read again");
  core::PartialOutput previous;
  if (resume) {
    const core::ResumeState saved = core::read_resume_state(state);
    if (saved.chain_hash != chain.hash())
      throw core::SetupError(
          fmt::format("{}: the run to resume used another chain (hash {}, now {}); resuming would mix two "
                      "analyses in one "
                      "output — run again without --resume",
                      state.string(), saved.chain_hash, chain.hash()));
    if (saved.input_identity != identity)
      throw core::SetupError(fmt::format(
          "{}: the input changed since the run to resume (then: {}; now: {}); run again without --resume",
          state.string(), saved.input_identity, identity));
    previous = core::trim_partial_output(partial);
    options.skip_records = previous.records;
    spdlog::info("resuming {}: {} complete records kept{}, going on from record {}", partial.string(),
                 previous.records,
                 previous.torn_bytes
                     ? fmt::format(", a torn last line of {} bytes dropped", previous.torn_bytes)
                     : std::string(),
                 previous.records + 1);
  }

  for (const auto& p : chain.input.paths)
    if (p == "-" && isatty(STDIN_FILENO))
      spdlog::warn(
          "reading JSON Lines from standard input, which is a terminal; give INPUT files or pipe records in");

  auto reader = core::open_input(chain.input);
  core::Pipeline pipeline(chain, registry);  // plugins load their data here

  core::ManifestContext context;
  context.tagwerk_version = TAGWERK_VERSION;
  context.command_line = args;
  context.input_identity = identity;
  context.data_files = pipeline.data_files();

  std::ofstream file;
  std::ostream* out = &std::cout;
  if (to_file && !sqlite) {
    if (!resume && fs::exists(partial))
      spdlog::warn("{} is left from a stopped run; starting over (--resume would continue it)",
                   partial.string());
    file.open(partial, std::ios::binary | (resume ? std::ios::app : std::ios::trunc));
    if (!file)
      throw core::SetupError(
          fmt::format("{}: cannot open the output file for writing; check the folder exists "
                      "and is writable",
                      partial.string()));
    out = &file;
    // Written first, so that a run killed outright can be resumed too.
    context.status = "running";
    core::write_manifest(state, chain, core::RunStats{}, context);
  } else if (!to_file) {
    std::ios::sync_with_stdio(false);
  } else if (fs::exists(partial)) {
    spdlog::warn("{} is left from a stopped run; starting over", partial.string());
  }
  const std::unique_ptr<core::RecordWriter> writer =
      sqlite ? core::make_sqlite_writer(partial, chain, chain.output.offsets, chain.output.layers)
             : core::make_jsonl_writer(*out, chain.output.offsets, chain.output.layers);

  const bool quiet = vm["quiet"].as<bool>();
  ProgressLine progress(!quiet && isatty(STDERR_FILENO));
  // The partial output reaches the disk now and then, so that a run killed outright loses
  // at most a fraction of a second of work to --resume.
  auto last_flush = std::chrono::steady_clock::now();
  options.on_progress = [&](const core::RunStats& s) {
    progress.update(s);
    if (!to_file) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_flush < std::chrono::milliseconds(200)) return;
    last_flush = now;
    writer->flush();
  };
  options.stop = &g_stop_signal;
  install_stop_handlers();
  const core::RecordWriter& format = *writer;
  core::RunStats stats = pipeline.run(
      *reader, [&format](const core::Document& d, std::string& out) { format.format(d, out); },
      [&](const core::Document&, std::string_view record) { writer->write(record); }, options);
  writer->finish();
  progress.finish(stats);
  stats.records += previous.records;
  stats.records_with_errors += previous.records_with_errors;
  stats.records_with_warnings += previous.records_with_warnings;

  const bool complete = stats.end == core::RunStats::End::complete;
  context.status = complete                                        ? "complete"
                   : stats.end == core::RunStats::End::interrupted ? "interrupted"
                                                                   : "stopped";
  context.stop_reason = stats.stop_reason;
  if (to_file) {
    if (!sqlite) file.close();
    if (!sqlite && !file)
      throw core::SetupError(fmt::format("{}: writing the output failed; check the disk", partial.string()));
    std::error_code ec;
    if (complete) {
      fs::rename(partial, output, ec);
      if (ec)
        throw core::SetupError(
            fmt::format("cannot rename {} to {}: {}; the output is complete under the first name",
                        partial.string(), output.string(), ec.message()));
      fs::remove(state, ec);
    } else if (!sqlite) {
      core::write_manifest(state, chain, stats, context);
    }
  }
  if (vm.count("manifest")) core::write_manifest(vm["manifest"].as<std::string>(), chain, stats, context);
  spdlog::info(
      "{} records, {} with errors ({} unreadable), {} with warnings, {:.2f} s on {} {}, {:.1f} "
      "records/s, "
      "{:.2f} MB/s",
      stats.records, stats.records_with_errors, stats.unreadable, stats.records_with_warnings, stats.seconds,
      stats.threads, options.isolation == core::Isolation::process ? "worker processes" : "threads",
      stats.seconds > 0 ? static_cast<double>(stats.records - previous.records) / stats.seconds : 0.0,
      stats.seconds > 0 ? static_cast<double>(stats.text_bytes) / 1e6 / stats.seconds : 0.0);
  // Quiet runs (batch jobs) still say why their exit status is 1.
  if (quiet && complete && stats.records_with_errors > 0)
    spdlog::error("{} of {} records have errors; they are in the output with their `errors` field",
                  stats.records_with_errors, stats.records);
  if (stats.worker_restarts > 0)
    spdlog::warn("{} worker process{} died or were stopped and replaced; their records carry the reason",
                 stats.worker_restarts, stats.worker_restarts == 1 ? "" : "es");
  if (!complete) {
    spdlog::error(
        "{}{}", stats.stop_reason,
        !to_file ? std::string()
        : sqlite
            ? fmt::format("; the records written so far are in {}; run again to start over", partial.string())
            : fmt::format("; the output so far is in {}: continue with --resume", partial.string()));
    return stats.end == core::RunStats::End::error_budget ? kExitErrorBudget : kExitSignalBase + stats.signal;
  }
  return stats.records_with_errors == 0 ? kExitClean : kExitRecordErrors;
}

}  // namespace tagwerk::cli
