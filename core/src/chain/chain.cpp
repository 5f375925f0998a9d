// Chain's own members and its error type: positions, diagnostics, the resolved
// TOML text and its hash.
#include <tagwerk/core/chain.hpp>

#include "chain/sha256.hpp"
#include "chain/toml_text.hpp"

#include <algorithm>
#include <sstream>

namespace tagwerk::core {
namespace {

using detail::toml_float;
using detail::toml_key;
using detail::toml_quote;

constexpr std::size_t kMiB = std::size_t{1} << 20;

std::string join_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    if (i) out += '\n';
    out += diagnostics[i].str();
  }
  return out;
}

std::string value_text(const ParamValue& value) {
  struct Visitor {
    std::string operator()(const std::string& s) const { return toml_quote(s); }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(double d) const { return toml_float(d); }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(const std::vector<std::string>& items) const {
      std::string out = "[";
      for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + toml_quote(items[i]);
      return out + "]";
    }
  };
  return std::visit(Visitor{}, value);
}

}  // namespace

std::string SourcePos::str() const {
  if (line <= 0) return file;
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

std::string Diagnostic::str() const {
  return where.str() + (severity == Severity::warning ? ": warning: " : ": error: ") + message;
}

ChainError::ChainError(std::vector<Diagnostic> diagnostics)
    : SetupError(join_diagnostics(diagnostics)), diagnostics_(std::move(diagnostics)) {}

const StepParam* ChainStep::find_param(std::string_view name) const {
  for (const auto& p : params)
    if (p.name == name) return &p;
  return nullptr;
}

std::string Chain::to_toml() const {
  std::ostringstream out;
  out << "# Resolved tagwerk chain: every setting written out, paths absolute.\n"
         "# A parameter left at its plugin's default is commented out and marked (default).\n"
         "\n[input]\n"
      << "format = " << toml_quote(to_string(input.format)) << '\n'
      << "paths = [";
  for (std::size_t i = 0; i < input.paths.size(); ++i) out << (i ? ", " : "") << toml_quote(input.paths[i]);
  out << "]\n";
  if (input.max_text_bytes % kMiB == 0)
    out << "max_text_mb = " << input.max_text_bytes / kMiB << '\n';
  else
    out << "max_text_mb = "
        << toml_float(static_cast<double>(input.max_text_bytes) / static_cast<double>(kMiB)) << '\n';

  const FieldMap& f = input.fields;
  out << "\n[input.fields]\n"
      << "id = " << toml_quote(f.id) << '\n'
      << "text = " << toml_quote(f.text) << '\n'
      << "title = " << toml_quote(f.title) << '\n'
      << "date = " << toml_quote(f.date) << '\n'
      << "lang = " << toml_quote(f.lang) << '\n'
      << "source = " << toml_quote(f.source) << '\n'
      << "url = " << toml_quote(f.url) << '\n';

  out << "\n[output]\n"
      << "path = " << toml_quote(output.path) << '\n'
      << "offsets = " << toml_quote(to_string(output.offsets)) << '\n';
  // Only when set, so that the hash of a chain that writes every layer stays what it was.
  const auto list = [&out](const char* key, const std::vector<std::string>& names) {
    if (names.empty()) return;
    out << key << " = [";
    for (std::size_t i = 0; i < names.size(); ++i) out << (i ? ", " : "") << toml_quote(names[i]);
    out << "]\n";
  };
  list("layers", output.layers.only);
  list("exclude", output.layers.exclude);
  // Only when set, so that the hash of a chain without [run] stays what it was.
  if (doc_timeout) out << "\n[run]\ndoc_timeout = " << detail::toml_float(*doc_timeout) << '\n';

  for (const auto& step : steps) {
    out << "\n[[step]]\nuse = " << toml_quote(step.plugin) << '\n';
    for (const auto& param : step.params) {
      // Commented out rather than written: a default path is relative to the
      // plugin, not to the chain, and reading the text back must not change it.
      if (param.from_default) out << "# ";
      out << toml_key(param.name) << " = " << value_text(param.value);
      if (param.from_default) out << "  (default)";
      out << '\n';
    }
  }
  return out.str();
}

std::vector<std::string> Chain::provided_layers() const {
  std::vector<std::string> names;
  for (const auto& step : steps)
    if (step.info)
      for (const auto& layer : step.info->provides) names.push_back(layer.name);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::string Chain::hash() const {
  return detail::sha256_hex(to_toml());
}

}  // namespace tagwerk::core
