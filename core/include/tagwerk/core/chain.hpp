// tagwerk/core/chain.hpp -- chains: a TOML file naming the input, the output
// and an ordered list of plugin steps with their parameters. Loading a chain
// validates all of it against the available plugins before any document is
// read, and resolves it: defaults filled in, paths made relative to the chain
// file. The reference for users is docs/chains.md.
#pragma once

#include <tagwerk/abi.h>
#include <tagwerk/core/error.hpp>
#include <tagwerk/core/io_options.hpp>
#include <tagwerk/core/plugin_info.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace tagwerk::core {

/// A place in a chain file; line and column are 1-based, 0 when unknown.
struct SourcePos {
  std::string file;
  int line = 0;
  int column = 0;

  /// "file:line:col"; "file" alone when the line is unknown.
  std::string str() const;
};

/// A parameter value, typed as the plugin declared it: string and path
/// parameters hold a std::string, int an int64, float a double, bool a bool,
/// string-list parameters a vector of strings (in the chain's order).
using ParamValue = std::variant<std::string, std::int64_t, double, bool, std::vector<std::string>>;

struct StepParam {
  std::string name;
  ParamValue value;  // path values set by the chain are already resolved
  tw_param_type type = TW_PARAM_STRING;
  bool from_default = false;  // the chain did not set it; the plugin's default applies
  SourcePos where;            // the key in the chain; the step's header when from_default
};

struct ChainStep {
  std::string plugin;
  /// Points into the `available` list given to load_chain / parse_chain, which
  /// must outlive the Chain.
  const PluginInfo* info = nullptr;
  /// Every declared parameter that has a value (set or default), in the order
  /// the plugin declares them. A parameter without default that the chain
  /// does not set is absent.
  std::vector<StepParam> params;
  SourcePos where;  // the step's [[step]] header

  /// The parameter named so, or nullptr when it has no value.
  const StepParam* find_param(std::string_view name) const;
};

/// How bad a Diagnostic is: an error refuses the chain; a warning lets it run
/// and is shown to the user (an optional input that only a later step provides).
enum class Severity { error, warning };

struct Diagnostic {
  SourcePos where;
  std::string message;  // says what is wrong and how to fix it
  Severity severity = Severity::error;

  /// "file:line:col: error: message" or "file:line:col: warning: message"
  std::string str() const;
};

struct Chain {
  std::filesystem::path file;  // as given to load_chain / parse_chain
  InputOptions input;          // shard is left at {1, 1}: it comes from the command line
  OutputOptions output;
  /// [run] doc_timeout: seconds per record in process isolation (the command line's
  /// --doc-timeout wins); unset: the default.
  std::optional<double> doc_timeout;
  std::vector<ChainStep> steps;
  /// What is doubtful but runs, in file order (Severity::warning each);
  /// `tagwerk check` and `tagwerk run` print them. Not part of to_toml().
  std::vector<Diagnostic> warnings;

  /// The resolved chain as TOML: every [input] and [output] key written out,
  /// paths absolute, each step with every parameter that has a value. A
  /// parameter the chain left at its default is written as a commented-out
  /// line ending in "(default)", so that parsing the text again gives the
  /// same chain, defaults included. Deterministic: the same resolution gives
  /// the same bytes wherever the chain file lives. Does not name the file.
  std::string to_toml() const;

  /// The names of the layers the steps provide, sorted, each once: what
  /// [output] layers / exclude and --layers / --exclude may name.
  std::vector<std::string> provided_layers() const;
  /// The SHA-256 of to_toml() as 64 lowercase hex digits: two chains with
  /// the same hash run the same steps with the same settings.
  std::string hash() const;
};

/// Everything wrong with a chain, in file order: its errors and, between
/// them, the warnings the chain would also have had. what() is one
/// Diagnostic::str() per line, without a trailing newline.
class ChainError : public SetupError {
 public:
  explicit ChainError(std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const noexcept { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

/// Reads, validates and resolves the chain in `file` against the plugins in
/// `available` (whose entries must outlive the returned Chain: steps point
/// into it). Relative paths in the chain are resolved against the folder of
/// `file` made absolute. Throws SetupError naming the path when the file
/// cannot be read, and ChainError with every problem found (not just the
/// first) when the chain is invalid. Reads no document and runs no plugin
/// code; safe to call from several threads at once.
///
/// Besides names and types it checks, against the plugins' schemas:
///  - every entry of a step's requires_inputs ("layer" or "layer.attr") is
///    provided by an earlier step (an error naming a later step to move, or
///    the available plugins that provide it);
///  - an entry of optional_inputs that only a later step provides is a
///    warning (Chain::warnings): the step runs without it;
///  - every path parameter the chain sets names an existing file or folder
///    (checked on the file system; defaults are the plugin's and are not).
Chain load_chain(const std::filesystem::path& file, const std::vector<PluginInfo>& available);

/// As load_chain, for a chain already in memory. `file` names the chain in
/// diagnostics and its folder anchors relative paths; it need not exist (the
/// files its path parameters name must). Throws ChainError only.
Chain parse_chain(std::string_view toml_text, const std::filesystem::path& file,
                  const std::vector<PluginInfo>& available);

}  // namespace tagwerk::core
