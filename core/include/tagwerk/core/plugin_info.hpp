// tagwerk/core/plugin_info.hpp -- what the host knows of a plugin from its
// descriptor alone: a plain C++ copy, read without running any analysis code.
#pragma once

#include <tagwerk/abi.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
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

struct PluginInfo {
  std::string name;
  std::string version;
  std::string summary;
  std::string license;
  std::vector<std::string> languages;
  std::vector<std::string> requires_layers;
  std::vector<std::string> provides_layers;
  std::vector<ParamSpec> params;
  bool thread_safe = true;
  std::uint32_t abi_major = 0;
  std::uint32_t abi_minor = 0;
  std::filesystem::path library;   // the shared library it came from
  std::filesystem::path data_dir;  // its shipped data; empty when none

  const ParamSpec* find_param(std::string_view param_name) const;
};

}  // namespace tagwerk::core
