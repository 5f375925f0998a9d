// tagwerk/core/plugin_info.hpp -- what the host knows of a plugin from its
// descriptor alone: a plain C++ copy, read without running any analysis code.
#pragma once

#include <tagwerk/abi.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tagwerk::core {

struct ParamSpec {
  std::string name;
  tw_param_type type = TW_PARAM_STRING;
  std::optional<std::string> default_value;  // textual, as declared
  std::string help;
  bool required = false;
};

/// "string", "int", "float", "bool" or "path".
const char* param_type_name(tw_param_type type) noexcept;

/// One declared attribute of a provided layer or of the document.
struct AttrSpec {
  std::string name;
  tw_value_type type = TW_VALUE_STRING;
  std::string help;
  std::string target;  // the referenced layer, for ref and list<ref>
};

/// "string", "int", "float", "bool", "ref", "list<string>", "list<int>",
/// "list<float>", "list<ref>"; "unknown" for anything else.
const char* value_type_name(tw_value_type type) noexcept;

/// A layer a plugin provides, with the attributes its spans carry.
struct LayerSpec {
  std::string name;
  std::string help;
  std::vector<AttrSpec> attrs;

  const AttrSpec* find_attr(std::string_view attr_name) const;
};

/// One entry of requires_inputs / optional_inputs: "layer" or "layer.attr".
struct InputRef {
  std::string layer;
  std::string attr;  // empty: the layer itself

  /// "layer" or "layer.attr"
  std::string str() const;
  /// Splits at the first '.'.
  static InputRef parse(std::string_view text);
};

struct PluginInfo {
  std::string name;
  std::string version;
  std::string summary;
  std::string license;
  std::vector<std::string> languages;
  std::vector<InputRef> requires_inputs;  // must be provided by an earlier step
  std::vector<InputRef> optional_inputs;  // used when an earlier step provides it
  std::vector<LayerSpec> provides;        // layers created or extended, with schemas
  std::vector<AttrSpec> doc_attrs;        // document attributes set
  std::vector<ParamSpec> params;
  bool thread_safe = true;
  std::uint32_t abi_major = 0;
  std::uint32_t abi_minor = 0;
  std::filesystem::path library;   // the shared library it came from
  std::filesystem::path data_dir;  // its shipped data; empty when none

  const ParamSpec* find_param(std::string_view param_name) const;
  /// The schema of a layer this plugin provides, or nullptr.
  const LayerSpec* find_provided(std::string_view layer) const;
  const AttrSpec* find_doc_attr(std::string_view attr_name) const;
  /// True when this plugin provides `in` (the layer, and the attribute if named).
  bool provides_input(const InputRef& in) const;
};

}  // namespace tagwerk::core
