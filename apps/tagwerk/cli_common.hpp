// What every tagwerk subcommand shares: the exit codes, logging set-up, plugin
// discovery from the command line, and where the default chain lives.
#pragma once

#include <tagwerk/core/chain.hpp>
#include <tagwerk/core/io_options.hpp>
#include <tagwerk/core/plugin_registry.hpp>

#include <boost/program_options.hpp>

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace tagwerk::cli {

/// Exit codes: no record carries an error (warnings do not count); some records carry
/// errors; usage, chain or I/O error; the run stopped past its error budget
/// (--max-errors); and 128 + the signal (130 SIGINT, 143 SIGTERM) when it was interrupted.
inline constexpr int kExitClean = 0;
inline constexpr int kExitRecordErrors = 1;
inline constexpr int kExitSetupError = 2;
inline constexpr int kExitErrorBudget = 3;
inline constexpr int kExitSignalBase = 128;

/// Options every subcommand takes: --plugin-path, --allow-insecure-plugins, --log-level, --quiet.
boost::program_options::options_description common_options();

/// The value of an --offsets option (codepoints, bytes or utf16); throws UsageError
/// naming the option for anything else.
core::OffsetUnit parse_offsets(const std::string& text);

/// Sets up the stderr logger from --log-level and --quiet.
void setup_logging(const boost::program_options::variables_map& vm);

/// Scans the search path (with --plugin-path first), logs skipped files at debug level
/// and refused ones (writable by others) at error level. Throws UsageError when a
/// --plugin-path folder does not exist.
core::PluginRegistry discover_plugins(const boost::program_options::variables_map& vm);

/// The chain `tagwerk run` uses without --chain: share/tagwerk/chains/default.toml
/// beside the executable's prefix, else the installed one. Empty when none exists.
std::filesystem::path default_chain_path();

/// "a, b, c"; `empty` when there are no items.
std::string join_list(const std::vector<std::string>& items, const char* empty = "-");

/// Writes the chain's warnings to `out`, one "file:line:col: warning: ..."
/// per line; nothing when it has none.
void print_chain_warnings(const core::Chain& chain, std::ostream& out);

/// Parses a subcommand's arguments; prints the error with a hint to --help and
/// throws UsageError on bad usage.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
boost::program_options::variables_map parse(
    const std::vector<std::string>& args, const boost::program_options::options_description& visible,
    const boost::program_options::positional_options_description* positional, const std::string& command);

}  // namespace tagwerk::cli
