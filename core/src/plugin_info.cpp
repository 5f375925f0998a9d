// PluginInfo helpers.
#include <tagwerk/core/plugin_info.hpp>

namespace tagwerk::core {

const char* param_type_name(tw_param_type type) noexcept {
  switch (type) {
    case TW_PARAM_STRING:
      return "string";
    case TW_PARAM_INT:
      return "int";
    case TW_PARAM_FLOAT:
      return "float";
    case TW_PARAM_BOOL:
      return "bool";
    case TW_PARAM_PATH:
      return "path";
  }
  return "unknown";
}

const ParamSpec* PluginInfo::find_param(std::string_view param_name) const {
  for (const auto& p : params)
    if (p.name == param_name) return &p;
  return nullptr;
}

}  // namespace tagwerk::core
