// tagwerk: run analysis chains of plugins over news corpora.
#include "cli_common.hpp"
#include "commands.hpp"

#include <tagwerk/abi.h>
#include <tagwerk/core/error.hpp>

#include <malloc.h>
#include <cstdio>
#include <exception>
#include <iostream>

#ifndef TAGWERK_VERSION
#define TAGWERK_VERSION "0.0.0"
#endif

namespace {

constexpr const char* kUsage = R"(tagwerk - plugin-based text analytics for news corpora

Usage:
  tagwerk run [options] [INPUT...]     run a chain over JSON Lines, .txt folders or stdin
  tagwerk check [--chain FILE]         validate a chain and print it with every default filled in
  tagwerk plugins                      list the plugins found
  tagwerk inspect NAME [--json]        describe one plugin: version, ABI, layers, parameters
  tagwerk new-plugin NAME [--lang c]   write a folder with a plugin to start from, its test and a chain
  tagwerk show [FILE] [--id ID]        one annotated record made readable (--html OUT.html for a page)
  tagwerk report INPUT... -o DIR       entity index, who said what, timeline, sentiment over time
  tagwerk --version | --help
  tagwerk COMMAND --help               the options of one command

Examples:
  tagwerk run examples/seed.jsonl > seed.out.jsonl
  tagwerk show seed.out.jsonl
  tagwerk run --chain chains/default.toml -j 8 corpus.jsonl.zst -o annotated.jsonl --manifest run.json
  zstd -dc corpus.jsonl.zst | tagwerk run --shard 3/16 > part-3.jsonl
  tagwerk check --chain my-chain.toml
  tagwerk inspect segment
  tagwerk new-plugin my-plugin
  tagwerk report part-*.jsonl -o report/ --period week

Exit status: 0 no record carries an error (warnings allowed), 1 some records carry errors,
2 usage, chain or I/O error, 3 `run` stopped past --max-errors, 130/143 interrupted.
Plugins are searched in --plugin-path, TAGWERK_PLUGIN_PATH, then beside the installation.
)";

// Plugins allocate and free large buffers for every paragraph or document
// (CLD2 ~175 KB per call). With glibc's defaults each such block is an mmap /
// munmap or a heap trim, and page faults dominate: segment + timeline on
// short English articles ran at 4 MB/s instead of 8. Keep freed memory for
// reuse instead; it is bounded by what the records in flight need.
void tune_allocator() {
  mallopt(M_MMAP_THRESHOLD, 4 << 20);
  mallopt(M_TRIM_THRESHOLD, 64 << 20);
  mallopt(M_TOP_PAD, 1 << 20);
}

}  // namespace

int main(int argc, char** argv) {
  tune_allocator();
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << kUsage;
    return args.empty() ? tagwerk::cli::kExitSetupError : tagwerk::cli::kExitClean;
  }
  if (args[0] == "--version" || args[0] == "-V") {
    std::cout << "tagwerk " << TAGWERK_VERSION << " (plugin ABI " << TW_ABI_MAJOR << "." << TW_ABI_MINOR
              << ")\n";
    return tagwerk::cli::kExitClean;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  try {
    if (command == "run") return tagwerk::cli::cmd_run(args);
    if (command == "check") return tagwerk::cli::cmd_check(args);
    if (command == "plugins") return tagwerk::cli::cmd_plugins(args);
    if (command == "inspect") return tagwerk::cli::cmd_inspect(args);
    if (command == "new-plugin") return tagwerk::cli::cmd_new_plugin(args);
    if (command == "show") return tagwerk::cli::cmd_show(args);
    if (command == "report") return tagwerk::cli::cmd_report(args);
    std::cerr
        << "tagwerk: unknown command '" << command
        << "'; the commands are run, check, plugins, inspect, new-plugin, show and report (see 'tagwerk "
           "--help')\n";
    return tagwerk::cli::kExitSetupError;
  } catch (const tagwerk::cli::UsageError& e) {
    std::cerr << "tagwerk " << command << ": " << e.what() << "\n";
  } catch (const tagwerk::core::SetupError& e) {
    std::cerr << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "tagwerk " << command << ": " << e.what() << "\n";
  }
  return tagwerk::cli::kExitSetupError;
}
