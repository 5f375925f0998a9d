// Describing a plugin from its descriptor, as text and as JSON.
#include "plugin_description.hpp"

#include "cli_common.hpp"

#include <tagwerk/abi.h>
#include <tagwerk/core/json_text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace tagwerk::cli {
namespace {

using core::append_json_string;

std::vector<std::string> input_names(const std::vector<core::InputRef>& inputs) {
  std::vector<std::string> out;
  for (const auto& in : inputs) out.push_back(in.str());
  return out;
}

bool is_ref(tw_value_type type) {
  return type == TW_VALUE_REF || type == TW_VALUE_REF_LIST;
}

// Writes pretty-printed JSON: every new line starts at the current depth.
class JsonOut {
 public:
  explicit JsonOut(int indent) : indent_(indent) {}

  void newline(int depth) {
    out_ += '\n';
    out_.append(static_cast<std::size_t>(indent_ + 2 * depth), ' ');
  }
  void key(std::string_view k) {
    append_json_string(out_, k);
    out_ += ": ";
  }
  void string(std::string_view s) { append_json_string(out_, s); }
  void raw(std::string_view s) { out_ += s; }
  void strings(const std::vector<std::string>& items) {
    out_ += '[';
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i) out_ += ", ";
      append_json_string(out_, items[i]);
    }
    out_ += ']';
  }
  // One attribute on one line: {"name": ..., "type": ..., "help": ..., "target": ...}.
  void attr(const core::AttrSpec& a) {
    raw("{");
    key("name");
    string(a.name);
    raw(", ");
    key("type");
    string(core::value_type_name(a.type));
    raw(", ");
    key("help");
    string(a.help);
    if (is_ref(a.type)) {
      raw(", ");
      key("target");
      string(a.target);
    }
    raw("}");
  }
  // An array of one-line items at `depth`, its closing bracket at depth - 1.
  template <class T, class Write>
  void array(const std::vector<T>& items, int depth, Write write) {
    raw("[");
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i) raw(",");
      newline(depth);
      write(items[i]);
    }
    if (!items.empty()) newline(depth - 1);
    raw("]");
  }
  std::string take() { return std::move(out_); }

 private:
  int indent_;
  std::string out_;
};

std::string attr_type_text(const core::AttrSpec& a) {
  std::string type = core::value_type_name(a.type);
  if (is_ref(a.type)) type += " -> " + a.target;
  return type;
}

// The width of the type column: the longest type of any attribute, at least 12.
std::size_t type_width(const core::PluginInfo& p) {
  std::size_t width = 12;
  for (const auto& layer : p.provides)
    for (const auto& a : layer.attrs) width = std::max(width, attr_type_text(a).size());
  for (const auto& a : p.doc_attrs) width = std::max(width, attr_type_text(a).size());
  return width;
}

void attrs_text(std::string& o, const std::vector<core::AttrSpec>& attrs, std::size_t width) {
  if (attrs.empty()) o += "      (no attributes)\n";
  for (const auto& a : attrs) {
    std::string line = fmt::format("      {:<16} {:<{}}  {}", a.name, attr_type_text(a), width, a.help);
    line.erase(line.find_last_not_of(' ') + 1);
    o += line + '\n';
  }
}

}  // namespace

std::string plugin_json(const core::PluginInfo& p, int indent) {
  JsonOut j(indent);
  j.raw("{");
  const std::pair<const char*, std::string> scalars[] = {
      {"name", p.name},
      {"version", p.version},
      {"summary", p.summary},
      {"license", p.license},
      {"abi", fmt::format("{}.{}", p.abi_major, p.abi_minor)},
      {"library", p.library.string()},
      {"data_dir", p.data_dir.string()}};
  for (const auto& [name, value] : scalars) {
    j.newline(1);
    j.key(name);
    j.string(value);
    j.raw(",");
  }
  j.newline(1);
  j.key("thread_safe");
  j.raw(p.thread_safe ? "true," : "false,");
  j.newline(1);
  j.key("languages");
  j.strings(p.languages);
  j.raw(",");

  j.newline(1);
  j.key("inputs");
  j.raw("{");
  j.newline(2);
  j.key("required");
  j.strings(input_names(p.requires_inputs));
  j.raw(",");
  j.newline(2);
  j.key("optional");
  j.strings(input_names(p.optional_inputs));
  j.newline(1);
  j.raw("},");

  j.newline(1);
  j.key("outputs");
  j.raw("{");
  j.newline(2);
  j.key("layers");
  j.array(p.provides, 3, [&](const core::LayerSpec& layer) {
    j.raw("{");
    j.newline(4);
    j.key("name");
    j.string(layer.name);
    j.raw(",");
    j.newline(4);
    j.key("help");
    j.string(layer.help);
    j.raw(",");
    j.newline(4);
    j.key("attributes");
    j.array(layer.attrs, 5, [&](const core::AttrSpec& a) { j.attr(a); });
    j.newline(3);
    j.raw("}");
  });
  j.raw(",");
  j.newline(2);
  j.key("doc_attributes");
  j.array(p.doc_attrs, 3, [&](const core::AttrSpec& a) { j.attr(a); });
  j.newline(1);
  j.raw("},");

  j.newline(1);
  j.key("parameters");
  j.array(p.params, 2, [&](const core::ParamSpec& q) {
    j.raw("{");
    j.key("name");
    j.string(q.name);
    j.raw(", ");
    j.key("type");
    j.string(core::param_type_name(q.type));
    j.raw(", ");
    j.key("default");
    if (q.default_value)
      j.string(*q.default_value);
    else
      j.raw("null");
    j.raw(", ");
    j.key("required");
    j.raw(q.required ? "true" : "false");
    j.raw(", ");
    j.key("help");
    j.string(q.help);
    j.raw("}");
  });
  j.newline(0);
  j.raw("}");
  return j.take();
}

std::string plugins_json(const std::vector<core::PluginInfo>& plugins) {
  std::string o = "[";
  for (std::size_t i = 0; i < plugins.size(); ++i) {
    o += i ? ",\n  " : "\n  ";
    o += plugin_json(plugins[i], 2);
  }
  o += plugins.empty() ? "]\n" : "\n]\n";
  return o;
}

std::string plugin_text(const core::PluginInfo& p) {
  std::string o = fmt::format("{} {}\n  {}\n\n", p.name, p.version, p.summary);
  o += fmt::format("  ABI          {}.{} (host {}.{})\n", p.abi_major, p.abi_minor, TW_ABI_MAJOR,
                   TW_ABI_MINOR);
  o += fmt::format("  licence      {}\n", p.license);
  o += fmt::format("  languages    {}\n", join_list(p.languages));
  o += fmt::format("  threads      {}\n", p.thread_safe ? "thread-safe: documents run in parallel"
                                                        : "not thread-safe: the host serializes its calls");
  o += fmt::format("  library      {}\n", p.library.string());
  o += fmt::format("  data         {}\n", p.data_dir.empty() ? "-" : p.data_dir.string());

  o += "\nInputs (from earlier steps):\n";
  o += fmt::format("  required     {}\n", join_list(input_names(p.requires_inputs)));
  o += fmt::format("  optional     {}\n", join_list(input_names(p.optional_inputs)));

  o += "\nOutputs:\n";
  if (p.provides.empty() && p.doc_attrs.empty()) o += "  (none)\n";
  const std::size_t width = type_width(p);
  for (const auto& layer : p.provides) {
    o += layer.help.empty() ? fmt::format("  layer {}\n", layer.name)
                            : fmt::format("  layer {:<12} {}\n", layer.name, layer.help);
    attrs_text(o, layer.attrs, width);
  }
  if (!p.doc_attrs.empty()) {
    o += "  document attributes\n";
    attrs_text(o, p.doc_attrs, width);
  }

  o += "\nParameters:\n";
  if (p.params.empty()) o += "  (none)\n";
  for (const auto& q : p.params) {
    std::string def =
        q.default_value ? "default " + *q.default_value : (q.required ? "required" : "no default");
    o += fmt::format("  {:<22} {:<7} {}\n      {}\n", q.name, core::param_type_name(q.type), def, q.help);
  }
  return o;
}

}  // namespace tagwerk::cli
