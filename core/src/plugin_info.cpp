// PluginInfo helpers: type names, schema look-ups.
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
    case TW_PARAM_STRING_LIST:
      return "list<string>";
  }
  return "unknown";
}

const char* value_type_name(tw_value_type type) noexcept {
  switch (type) {
    case TW_VALUE_STRING:
      return "string";
    case TW_VALUE_INT:
      return "int";
    case TW_VALUE_FLOAT:
      return "float";
    case TW_VALUE_BOOL:
      return "bool";
    case TW_VALUE_REF:
      return "ref";
    case TW_VALUE_STRING_LIST:
      return "list<string>";
    case TW_VALUE_INT_LIST:
      return "list<int>";
    case TW_VALUE_FLOAT_LIST:
      return "list<float>";
    case TW_VALUE_REF_LIST:
      return "list<ref>";
    case TW_VALUE_NONE:
    case TW_VALUE_LIST:
      break;
  }
  return "unknown";
}

const AttrSpec* LayerSpec::find_attr(std::string_view attr_name) const {
  for (const auto& a : attrs)
    if (a.name == attr_name) return &a;
  return nullptr;
}

std::string InputRef::str() const {
  return attr.empty() ? layer : layer + "." + attr;
}

InputRef InputRef::parse(std::string_view text) {
  const auto dot = text.find('.');
  if (dot == std::string_view::npos) return InputRef{std::string(text), {}};
  return InputRef{std::string(text.substr(0, dot)), std::string(text.substr(dot + 1))};
}

const ParamSpec* PluginInfo::find_param(std::string_view param_name) const {
  for (const auto& p : params)
    if (p.name == param_name) return &p;
  return nullptr;
}

const LayerSpec* PluginInfo::find_provided(std::string_view layer) const {
  for (const auto& l : provides)
    if (l.name == layer) return &l;
  return nullptr;
}

const AttrSpec* PluginInfo::find_doc_attr(std::string_view attr_name) const {
  for (const auto& a : doc_attrs)
    if (a.name == attr_name) return &a;
  return nullptr;
}

bool PluginInfo::provides_input(const InputRef& in) const {
  const LayerSpec* l = find_provided(in.layer);
  return l != nullptr && (in.attr.empty() || l->find_attr(in.attr) != nullptr);
}

}  // namespace tagwerk::core
