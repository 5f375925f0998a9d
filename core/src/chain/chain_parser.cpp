// load_chain / parse_chain: TOML to a validated, resolved Chain. Every check
// adds a Diagnostic and goes on, so one run shows the user all that is wrong;
// only a TOML syntax error stops early (toml++ stops at the first).
#include <tagwerk/core/chain.hpp>

#include "chain/suggest.hpp"
#include "chain/toml_text.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <system_error>
#include <tuple>
#include <variant>

namespace tagwerk::core {
namespace {

namespace fs = std::filesystem;
using detail::join;
using detail::nearest_name;
using detail::toml_quote;

constexpr std::size_t kMiB = std::size_t{1} << 20;
// Span offsets are 32-bit (tw_span), so no text may reach 4 GiB.
constexpr double kMaxTextMb = 4095;

const std::vector<std::string> kTopKeys = {"input", "output", "run", "step"};
const std::vector<std::string> kInputKeys = {"fields", "format", "max_text_mb", "paths"};
const std::vector<std::string> kFieldKeys = {"date", "id", "lang", "source", "text", "title", "url"};
const std::vector<std::string> kOutputKeys = {"exclude", "layers", "offsets", "path"};

/// "; did you mean 'x'?" when a candidate is close to `word`, else "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  if (auto near = nearest_name(word, candidates)) return "; did you mean '" + *near + "'?";
  return "";
}

/// As did_you_mean, ending so that more text can follow: "; did you mean 'x'? " or "; ".
std::string did_you_mean_then(std::string_view word, const std::vector<std::string>& candidates) {
  if (auto near = nearest_name(word, candidates)) return "; did you mean '" + *near + "'? ";
  return "; ";
}

/// How a value reads in a message: its kind and, for scalars, the value itself.
std::string describe(const toml::node& node) {
  if (auto s = node.as_string()) {
    std::string text = s->get();
    if (text.size() > 60) text = text.substr(0, 57) + "...";
    return "a string (" + toml_quote(text) + ")";
  }
  if (auto i = node.as_integer()) return "an integer (" + std::to_string(i->get()) + ")";
  if (auto f = node.as_floating_point()) return "a float (" + detail::toml_float(f->get()) + ")";
  if (auto b = node.as_boolean()) return std::string("a boolean (") + (b->get() ? "true" : "false") + ")";
  if (node.is_array()) return "an array";
  if (node.is_table()) return "a table";
  if (node.is_date()) return "a date";
  if (node.is_time()) return "a time";
  if (node.is_date_time()) return "a date-time";
  return "a value of another type";
}

const char* type_phrase(tw_param_type type) {
  switch (type) {
    case TW_PARAM_STRING:
      return "a string";
    case TW_PARAM_INT:
      return "an integer";
    case TW_PARAM_FLOAT:
      return "a float";
    case TW_PARAM_BOOL:
      return "true or false";
    case TW_PARAM_PATH:
      return "a path (a string)";
    case TW_PARAM_STRING_LIST:
      return "an array of strings";
  }
  return "a value";
}

/// A placeholder value of `type` for "add name = ..." hints.
const char* example_value(tw_param_type type) {
  switch (type) {
    case TW_PARAM_STRING:
      return "\"...\"";
    case TW_PARAM_INT:
      return "0";
    case TW_PARAM_FLOAT:
      return "0.0";
    case TW_PARAM_BOOL:
      return "true";
    case TW_PARAM_PATH:
      return "\"path/to/file\"";
    case TW_PARAM_STRING_LIST:
      return "[\"...\", \"...\"]";
  }
  return "...";
}

std::optional<std::int64_t> parse_int(std::string_view text) {
  std::int64_t v = 0;
  const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
  if (r.ec != std::errc() || r.ptr != text.data() + text.size() || text.empty()) return std::nullopt;
  return v;
}

std::optional<double> parse_float(std::string_view text) {
  if (text.empty()) return std::nullopt;
  if (text.front() == '+') text.remove_prefix(1);
  double v = 0;
  const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
  if (r.ec != std::errc() || r.ptr != text.data() + text.size()) return std::nullopt;
  return v;
}

std::optional<bool> parse_bool(std::string_view text) {
  if (text == "true" || text == "1") return true;
  if (text == "false" || text == "0") return false;
  return std::nullopt;
}

/// A string-list default written as a TOML array of strings ("[]", "[\"a\"]").
std::optional<ParamValue> parse_string_list(const std::string& text) {
  try {
    const toml::table t = toml::parse("v = " + text);
    const toml::array* array = t["v"].as_array();
    if (!array) return std::nullopt;
    std::vector<std::string> items;
    for (const auto& item : *array) {
      const auto* s = item.as_string();
      if (!s) return std::nullopt;
      items.push_back(s->get());
    }
    return ParamValue{std::move(items)};
  } catch (const toml::parse_error&) {
    return std::nullopt;
  }
}

/// A declared textual default as a typed value; nullopt when it does not read as its type.
std::optional<ParamValue> typed_default(const ParamSpec& spec) {
  const std::string& text = *spec.default_value;
  switch (spec.type) {
    case TW_PARAM_STRING:
    case TW_PARAM_PATH:
      return ParamValue{text};
    case TW_PARAM_INT:
      if (auto v = parse_int(text)) return ParamValue{*v};
      return std::nullopt;
    case TW_PARAM_FLOAT:
      if (auto v = parse_float(text)) return ParamValue{*v};
      return std::nullopt;
    case TW_PARAM_BOOL:
      if (auto v = parse_bool(text)) return ParamValue{*v};
      return std::nullopt;
    case TW_PARAM_STRING_LIST:
      return parse_string_list(text);
  }
  return std::nullopt;
}

class ChainParser {
 public:
  ChainParser(const fs::path& file, const std::vector<PluginInfo>& available) : available_(available) {
    label_ = file.empty() ? std::string("<chain>") : file.string();
    std::error_code ec;
    fs::path absolute = file.empty() ? fs::current_path(ec) / "chain.toml" : fs::absolute(file, ec);
    if (ec) absolute = file;
    base_dir_ = absolute.lexically_normal().parent_path();
    for (const auto& info : available_) plugin_names_.push_back(info.name);
    std::sort(plugin_names_.begin(), plugin_names_.end());
    plugin_names_.erase(std::unique(plugin_names_.begin(), plugin_names_.end()), plugin_names_.end());
    chain_.file = file;
  }

  Chain parse(std::string_view text) {
    toml::table root;
    try {
      root = toml::parse(text, std::string_view(label_));
    } catch (const toml::parse_error& e) {
      error(e.source(), "invalid TOML: " + std::string(e.description()));
      throw ChainError(std::move(diagnostics_));
    }

    for (auto&& [key, node] : root) {
      const std::string name(key.str());
      if (name == "input") {
        read_input(node);
      } else if (name == "output") {
        read_output(node);
      } else if (name == "run") {
        read_run(node);
      } else if (name == "step") {
        read_steps(node);
      } else {
        error(key.source(), "unknown top-level key '" + name + "'" + did_you_mean_then(name, kTopKeys) +
                                "a chain has [input], [output] and [[step]] tables");
      }
    }
    if (!root.contains("step"))
      error(
          SourcePos{label_, 1, 1},
          "the chain has no steps; add a [[step]] table with use = \"<plugin>\" (" + plugins_listing() + ")");
    check_inputs();
    check_output_layers();

    if (!diagnostics_.empty()) {
      diagnostics_.insert(diagnostics_.end(), warnings_.begin(), warnings_.end());
      in_file_order(diagnostics_);
      throw ChainError(std::move(diagnostics_));
    }
    in_file_order(warnings_);
    chain_.warnings = std::move(warnings_);
    return std::move(chain_);
  }

 private:
  SourcePos pos(const toml::source_region& region) const {
    return SourcePos{label_, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
  }
  void error(const toml::source_region& region, std::string message) {
    error(pos(region), std::move(message));
  }
  void error(SourcePos where, std::string message) {
    diagnostics_.push_back(Diagnostic{std::move(where), std::move(message), Severity::error});
  }
  void warning(SourcePos where, std::string message) {
    warnings_.push_back(Diagnostic{std::move(where), std::move(message), Severity::warning});
  }
  static void in_file_order(std::vector<Diagnostic>& list) {
    std::stable_sort(list.begin(), list.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
    });
  }

  std::string plugins_listing() const {
    if (plugin_names_.empty()) return "no plugins were found";
    return "available plugins: " + join(plugin_names_);
  }

  /// `value` relative to the chain's folder; absolute paths and "-" as they are.
  std::string resolve(const std::string& value) const {
    if (value == "-") return value;
    const fs::path path(value);
    if (path.is_absolute()) return value;
    return (base_dir_ / path).lexically_normal().string();
  }

  // ---------------------------------------------------------------- [input]

  void read_input(const toml::node& node) {
    const toml::table* table = node.as_table();
    if (!table) {
      error(node.source(), "'input' must be a table: write an [input] section, got " + describe(node));
      return;
    }
    InputOptions& in = chain_.input;
    for (auto&& [key, value] : *table) {
      const std::string name(key.str());
      if (name == "format") {
        if (auto format = one_of(value, "[input] format", input_format_names())) {
          in.format = *parse_input_format(*format);
        }
      } else if (name == "paths") {
        read_input_paths(value);
      } else if (name == "max_text_mb") {
        read_max_text(value);
      } else if (name == "fields") {
        read_fields(value);
      } else if (name == "shard") {
        error(key.source(),
              "[input] cannot set 'shard': the shard of a run is chosen on the command line "
              "(--shard K/N); remove it from the chain");
      } else {
        error(key.source(), "[input] unknown key '" + name + "'" + did_you_mean_then(name, kInputKeys) +
                                "keys of [input]: " + join(kInputKeys));
      }
    }
  }

  /// The string value of `node` when it is one of `allowed`, else a diagnostic.
  std::optional<std::string> one_of(const toml::node& node, const std::string& what,
                                    const std::vector<std::string>& allowed) {
    const auto* s = node.as_string();
    if (s && std::find(allowed.begin(), allowed.end(), s->get()) != allowed.end()) return s->get();
    std::string message = what + " must be one of " + join(allowed) + ", got " + describe(node);
    if (s) message += did_you_mean(s->get(), allowed);
    error(node.source(), std::move(message));
    return std::nullopt;
  }

  void read_input_paths(const toml::node& node) {
    const toml::array* array = node.as_array();
    if (!array) {
      std::string message = "[input] paths must be an array of strings, got " + describe(node);
      if (node.is_string()) message += "; write paths = [" + toml_quote(node.as_string()->get()) + "]";
      error(node.source(), std::move(message));
      return;
    }
    std::vector<std::string> paths;
    for (std::size_t i = 0; i < array->size(); ++i) {
      const toml::node& item = *array->get(i);
      const auto* s = item.as_string();
      if (!s) {
        error(item.source(), "[input] paths[" + std::to_string(i) +
                                 "] must be a string (a file, a folder or \"-\"), got " + describe(item));
      } else if (s->get().empty()) {
        error(item.source(), "[input] paths[" + std::to_string(i) +
                                 "] is empty; name a file, a folder or \"-\" for standard input");
      } else {
        paths.push_back(resolve(s->get()));
      }
    }
    chain_.input.paths = std::move(paths);
  }

  void read_max_text(const toml::node& node) {
    std::optional<double> mb;
    if (auto i = node.as_integer()) mb = static_cast<double>(i->get());
    if (auto f = node.as_floating_point()) mb = f->get();
    if (!mb || !(*mb > 0) || *mb > kMaxTextMb) {
      error(node.source(),
            "[input] max_text_mb must be a number of megabytes (MiB) above 0 and at most 4095, got " +
                describe(node));
      return;
    }
    chain_.input.max_text_bytes = static_cast<std::size_t>(std::llround(*mb * static_cast<double>(kMiB)));
  }

  void read_fields(const toml::node& node) {
    const toml::table* table = node.as_table();
    if (!table) {
      error(node.source(),
            "[input] fields must be a table: write an [input.fields] section, got " + describe(node));
      return;
    }
    FieldMap& fields = chain_.input.fields;
    std::map<std::string, std::string*> slots = {
        {"id", &fields.id},     {"text", &fields.text},     {"title", &fields.title}, {"date", &fields.date},
        {"lang", &fields.lang}, {"source", &fields.source}, {"url", &fields.url}};
    for (auto&& [key, value] : *table) {
      const std::string name(key.str());
      auto slot = slots.find(name);
      if (slot == slots.end()) {
        error(key.source(), "[input.fields] unknown key '" + name + "'" +
                                did_you_mean_then(name, kFieldKeys) +
                                "keys of [input.fields]: " + join(kFieldKeys));
        continue;
      }
      const auto* s = value.as_string();
      if (!s || s->get().empty()) {
        error(value.source(), "[input.fields] " + name +
                                  " must be the name of an input field (a non-empty string), got " +
                                  describe(value));
        continue;
      }
      *slot->second = s->get();
    }
  }

  // --------------------------------------------------------------- [output]

  void read_output(const toml::node& node) {
    const toml::table* table = node.as_table();
    if (!table) {
      error(node.source(), "'output' must be a table: write an [output] section, got " + describe(node));
      return;
    }
    OutputOptions& out = chain_.output;
    for (auto&& [key, value] : *table) {
      const std::string name(key.str());
      if (name == "offsets") {
        if (auto unit = one_of(value, "[output] offsets", offset_unit_names())) {
          out.offsets = *parse_offset_unit(*unit);
        }
      } else if (name == "path") {
        const auto* s = value.as_string();
        if (!s || s->get().empty())
          error(value.source(),
                "[output] path must be a file path or \"-\" for standard output, got " + describe(value));
        else
          out.path = resolve(s->get());
      } else if (name == "layers") {
        out.layers.only = read_layer_list(value, "[output] layers", layer_refs_);
      } else if (name == "exclude") {
        out.layers.exclude = read_layer_list(value, "[output] exclude", layer_refs_);
      } else {
        error(key.source(), "[output] unknown key '" + name + "'" + did_you_mean_then(name, kOutputKeys) +
                                "keys of [output]: " + join(kOutputKeys));
      }
    }
  }

  /// The layer names of an [output] layers / exclude array; each name's place
  /// goes to `refs`, checked against the steps once they are all read.
  std::vector<std::string> read_layer_list(const toml::node& node, const std::string& what,
                                           std::vector<std::pair<std::string, SourcePos>>& refs) {
    std::vector<std::string> names;
    const toml::array* array = node.as_array();
    if (!array) {
      std::string message = what + " must be an array of layer names, got " + describe(node);
      if (node.is_string()) message += "; write [" + toml_quote(node.as_string()->get()) + "]";
      error(node.source(), std::move(message));
      return names;
    }
    for (std::size_t i = 0; i < array->size(); ++i) {
      const toml::node& item = *array->get(i);
      const auto* s = item.as_string();
      if (!s || s->get().empty()) {
        error(item.source(), what + "[" + std::to_string(i) +
                                 "] must be a layer name (a non-empty string), got " + describe(item));
        continue;
      }
      names.push_back(s->get());
      refs.emplace_back(s->get(), pos(item.source()));
    }
    return names;
  }

  /// Every layer [output] layers / exclude names must come from a step.
  void check_output_layers() {
    if (!unresolved_.empty()) return;  // what the unknown plugin provides is unknown
    const std::vector<std::string> provided = chain_.provided_layers();
    for (const auto& [name, where] : layer_refs_) {
      if (std::find(provided.begin(), provided.end(), name) != provided.end()) continue;
      error(where, "[output] names layer '" + name + "', which no step of the chain provides" +
                       did_you_mean_then(name, provided) + "layers the steps provide: " +
                       (provided.empty() ? std::string("none") : join(provided)));
    }
  }

  // ------------------------------------------------------------------ [run]

  void read_run(const toml::node& node) {
    const toml::table* table = node.as_table();
    if (!table) {
      error(node.source(), "'run' must be a table: write a [run] section, got " + describe(node));
      return;
    }
    for (auto&& [key, value] : *table) {
      const std::string name(key.str());
      if (name != "doc_timeout") {
        error(key.source(), "[run] unknown key '" + name + "'" + did_you_mean_then(name, {"doc_timeout"}) +
                                "keys of [run]: doc_timeout");
        continue;
      }
      std::optional<double> seconds;
      if (auto i = value.as_integer()) seconds = static_cast<double>(i->get());
      if (auto f = value.as_floating_point()) seconds = f->get();
      if (!seconds || !(*seconds >= 0))
        error(value.source(),
              "[run] doc_timeout must be a number of seconds >= 0 (0: no limit), got " + describe(value));
      else
        chain_.doc_timeout = seconds;
    }
  }

  // ---------------------------------------------------------------- [[step]]

  void read_steps(const toml::node& node) {
    const toml::array* array = node.as_array();
    if (array && array->empty()) {
      error(node.source(), "the chain has no steps; add a [[step]] table with use = \"<plugin>\" (" +
                               plugins_listing() + ")");
      return;
    }
    if (!array || !array->is_array_of_tables()) {
      error(node.source(),
            "'step' must be an array of tables: write each step as a [[step]] section "
            "(double brackets) with use = \"<plugin>\"");
      return;
    }
    for (std::size_t i = 0; i < array->size(); ++i) read_step(i + 1, *array->get(i)->as_table());
  }

  const PluginInfo* find_plugin(std::string_view name) const {
    for (const auto& info : available_)
      if (info.name == name) return &info;
    return nullptr;
  }

  void read_step(std::size_t number, const toml::table& table) {
    const std::string step = "step " + std::to_string(number);
    ChainStep out;
    out.where = pos(table.source());

    const toml::node* use = table.get("use");
    if (!use) {
      error(out.where,
            step + " has no 'use' key naming its plugin; add use = \"<plugin>\" (" + plugins_listing() + ")");
      unresolved_.push_back(number);
      return;
    }
    const auto* use_name = use->as_string();
    if (!use_name) {
      error(use->source(), step + ": 'use' must be a string naming a plugin, got " + describe(*use) + " (" +
                               plugins_listing() + ")");
      unresolved_.push_back(number);
      return;
    }
    out.plugin = use_name->get();
    out.info = find_plugin(out.plugin);
    if (!out.info) {
      error(use->source(), step + ": unknown plugin '" + out.plugin + "'" +
                               did_you_mean_then(out.plugin, plugin_names_) + plugins_listing());
      unresolved_.push_back(number);
      return;
    }

    const PluginInfo& info = *out.info;
    const std::string prefix = step + " (" + info.name + "): ";
    std::vector<std::string> param_names;
    for (const auto& spec : info.params) param_names.push_back(spec.name);

    std::map<std::string, StepParam> set;
    for (auto&& [key, value] : table) {
      const std::string name(key.str());
      if (name == "use") continue;
      const ParamSpec* spec = info.find_param(name);
      if (!spec) {
        std::string message =
            prefix + "unknown parameter '" + name + "'" + did_you_mean_then(name, param_names);
        message += param_names.empty() ? info.name + " takes no parameters"
                                       : "parameters of " + info.name + ": " + join(param_names);
        error(key.source(), std::move(message));
        continue;
      }
      if (auto param = typed_param(prefix, info, *spec, value)) {
        param->where = pos(key.source());
        if (param->type == TW_PARAM_PATH) check_path(prefix, *param, value.as_string()->get());
        set.emplace(name, std::move(*param));
      }
    }

    for (const auto& spec : info.params) {
      if (auto it = set.find(spec.name); it != set.end()) {
        out.params.push_back(std::move(it->second));
      } else if (spec.default_value) {
        auto value = typed_default(spec);
        if (!value) {
          error(out.where, prefix + "plugin " + info.name + " declares default " +
                               toml_quote(*spec.default_value) + " for parameter '" + spec.name +
                               "', which is not " + type_phrase(spec.type) + "; set " + spec.name +
                               " in this step (and report the bug to the plugin's authors)");
          continue;
        }
        out.params.push_back(StepParam{spec.name, std::move(*value), spec.type, true, out.where});
      } else if (spec.required) {
        std::string message =
            prefix + "missing required parameter '" + spec.name + "' (" + param_type_name(spec.type);
        if (!spec.help.empty()) message += ": " + spec.help;
        message +=
            "); add " + detail::toml_key(spec.name) + " = " + example_value(spec.type) + " to this step";
        error(out.where, std::move(message));
      }
    }
    chain_.steps.push_back(std::move(out));
    step_numbers_.push_back(number);
  }

  /// The value of `node` as parameter `spec`, or nullopt after a diagnostic.
  std::optional<StepParam> typed_param(const std::string& prefix, const PluginInfo& info,
                                       const ParamSpec& spec, const toml::node& node) {
    StepParam param{spec.name, ParamValue{}, spec.type, false, {}};
    switch (spec.type) {
      case TW_PARAM_STRING:
        if (auto s = node.as_string()) {
          param.value = s->get();
          return param;
        }
        break;
      case TW_PARAM_PATH:
        if (auto s = node.as_string()) {
          if (s->get().empty()) {
            error(node.source(), prefix + "parameter '" + spec.name + "' of " + info.name +
                                     " is an empty path; name a file or folder (relative to the chain file)");
            return std::nullopt;
          }
          param.value = resolve(s->get());
          return param;
        }
        break;
      case TW_PARAM_INT:
        if (auto i = node.as_integer()) {
          param.value = i->get();
          return param;
        }
        break;
      case TW_PARAM_FLOAT:
        if (auto f = node.as_floating_point()) {
          param.value = f->get();
          return param;
        }
        if (auto i = node.as_integer()) {
          param.value = static_cast<double>(i->get());
          return param;
        }
        break;
      case TW_PARAM_BOOL:
        if (auto b = node.as_boolean()) {
          param.value = b->get();
          return param;
        }
        break;
      case TW_PARAM_STRING_LIST:
        if (auto array = node.as_array()) return string_list(prefix, info, spec, *array, std::move(param));
        break;
    }
    std::string message = prefix + "parameter '" + spec.name + "' of " + info.name + " must be " +
                          type_phrase(spec.type) + ", got " + describe(node);
    // A number or boolean written in quotes: show the unquoted form.
    if (auto s = node.as_string()) {
      const std::string& text = s->get();
      const bool fits = (spec.type == TW_PARAM_INT && parse_int(text)) ||
                        (spec.type == TW_PARAM_FLOAT && parse_float(text)) ||
                        (spec.type == TW_PARAM_BOOL && (text == "true" || text == "false"));
      if (fits) message += "; write " + detail::toml_key(spec.name) + " = " + text + " without quotes";
      if (spec.type == TW_PARAM_STRING_LIST)
        message += "; write " + detail::toml_key(spec.name) + " = [" + toml_quote(text) +
                   "] (one string per item, in brackets)";
    }
    error(node.source(), std::move(message));
    return std::nullopt;
  }

  /// An array parameter item by item: each item that is no string gets its
  /// own diagnostic at its own position.
  std::optional<StepParam> string_list(const std::string& prefix, const PluginInfo& info,
                                       const ParamSpec& spec, const toml::array& array, StepParam param) {
    std::vector<std::string> items;
    bool ok = true;
    for (std::size_t i = 0; i < array.size(); ++i) {
      const toml::node& item = *array.get(i);
      if (auto s = item.as_string()) {
        items.push_back(s->get());
        continue;
      }
      std::string message = prefix + "item " + std::to_string(i + 1) + " of parameter '" + spec.name +
                            "' of " + info.name + " must be a string, got " + describe(item);
      if (item.is_integer() || item.is_floating_point() || item.is_boolean())
        message += "; write it in quotes";
      else
        message += "; write " + detail::toml_key(spec.name) + " = [\"...\", \"...\"] with strings only";
      error(item.source(), std::move(message));
      ok = false;
    }
    if (!ok) return std::nullopt;
    param.value = std::move(items);
    return param;
  }

  // ------------------------------------------------------------------ inputs

  /// "layer 'sentence'" or "'entity.cluster'", as the messages name an input.
  static std::string input_phrase(const InputRef& in) {
    return in.attr.empty() ? "layer '" + in.layer + "'" : "'" + in.str() + "'";
  }

  /// "step 3 (entities)"
  std::string step_name(std::size_t index) const {
    return "step " + std::to_string(step_numbers_[index]) + " (" + chain_.steps[index].plugin + ")";
  }

  /// The first step in [from, to) that provides `in`, or `to`.
  std::size_t first_provider(const InputRef& in, std::size_t from, std::size_t to) const {
    for (std::size_t s = from; s < to; ++s)
      if (chain_.steps[s].info->provides_input(in)) return s;
    return to;
  }

  void check_inputs() {
    const std::size_t count = chain_.steps.size();
    for (std::size_t s = 0; s < count; ++s) {
      const ChainStep& step = chain_.steps[s];
      const std::size_t number = step_numbers_[s];
      // After a step whose plugin is unknown nothing can be said of what is provided.
      const bool blind =
          std::any_of(unresolved_.begin(), unresolved_.end(), [&](std::size_t u) { return u < number; });
      if (blind) continue;
      std::vector<InputRef> missing;
      for (const auto& in : step.info->requires_inputs)
        if (first_provider(in, 0, s) == s) missing.push_back(in);
      for (const auto& in : missing) {
        // A step that requires `sentence` and `sentence.lang` hears of the
        // attribute only: whoever provides it provides the layer too.
        const bool said_by_attr =
            in.attr.empty() && std::any_of(missing.begin(), missing.end(), [&](const InputRef& m) {
              return m.layer == in.layer && !m.attr.empty();
            });
        if (said_by_attr) continue;
        error(step.where, step_name(s) + " requires " + input_phrase(in) +
                              ", which no earlier step provides" + missing_attr_note(in, s) + "; " +
                              input_fix(in, s));
      }
      for (const auto& in : step.info->optional_inputs) {
        if (first_provider(in, 0, s) < s) continue;
        const std::size_t later = first_provider(in, s + 1, count);
        if (later == count) continue;  // nothing provides it: the step runs without, as designed
        warning(step.where, step_name(s) + " can use " + input_phrase(in) + ", but only " + step_name(later) +
                                ", after it, provides it, so " + step.plugin + " runs without it; move " +
                                step_name(later) + " before it to use it");
      }
    }
  }

  /// " (layer 'entity' comes from step 1 (ner), without 'cluster')" when
  /// earlier steps provide the layer of an attribute input but not the
  /// attribute; else "".
  std::string missing_attr_note(const InputRef& in, std::size_t step_index) const {
    if (in.attr.empty()) return "";
    std::vector<std::string> from;
    for (std::size_t s = 0; s < step_index; ++s)
      if (chain_.steps[s].info->find_provided(in.layer)) from.push_back(step_name(s));
    if (from.empty()) return "";
    return " (layer '" + in.layer + "' comes from " + join(from, " and ") + ", without '" + in.attr + "')";
  }

  std::string input_fix(const InputRef& in, std::size_t step_index) const {
    const std::size_t count = chain_.steps.size();
    if (const std::size_t later = first_provider(in, step_index + 1, count); later < count)
      return "move " + step_name(later) + " before it";
    std::vector<std::string> providers;
    for (const auto& info : available_)
      if (info.name != chain_.steps[step_index].plugin && info.provides_input(in))
        providers.push_back("'" + info.name + "'");
    std::sort(providers.begin(), providers.end());
    providers.erase(std::unique(providers.begin(), providers.end()), providers.end());
    if (providers.empty())
      return "no available plugin provides it; install a plugin that provides '" + in.str() +
             "' or remove this step";
    return "add a step with plugin " + join(providers, " or ") + " before it";
  }

  // ------------------------------------------------------------------- paths

  /// A path parameter the chain sets must name something that exists: the
  /// plugin would otherwise fail in create(), after the input is opened.
  void check_path(const std::string& prefix, const StepParam& param, const std::string& written) {
    const fs::path path(std::get<std::string>(param.value));
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (fs::exists(status)) return;
    std::string message = prefix + "parameter '" + param.name + "' names " + toml_quote(written);
    const bool relative = !fs::path(written).is_absolute();
    message += relative ? ", but " + path.string() : std::string(", which");
    message += ec && ec != std::errc::no_such_file_or_directory ? " cannot be checked (" + ec.message() + ")"
                                                                : " does not exist";
    if (relative)
      message += " (a relative path starts at the chain file's folder, " + base_dir_.string() + ")";
    message += "; fix the path or create the file";
    error(param.where, std::move(message));
  }

  const std::vector<PluginInfo>& available_;
  std::vector<std::string> plugin_names_;  // sorted, unique
  std::string label_;
  fs::path base_dir_;
  Chain chain_;
  std::vector<std::size_t> step_numbers_;  // 1-based step number of each chain_.steps entry
  std::vector<std::size_t> unresolved_;    // steps whose plugin is unknown
  std::vector<std::pair<std::string, SourcePos>> layer_refs_;  // [output] layers / exclude items
  std::vector<Diagnostic> diagnostics_;
  std::vector<Diagnostic> warnings_;
};

}  // namespace

Chain parse_chain(std::string_view toml_text, const std::filesystem::path& file,
                  const std::vector<PluginInfo>& available) {
  return ChainParser(file, available).parse(toml_text);
}

Chain load_chain(const std::filesystem::path& file, const std::vector<PluginInfo>& available) {
  std::error_code dir_ec;
  if (std::filesystem::is_directory(file, dir_ec))
    throw SetupError("cannot read chain file '" + file.string() +
                     "': it is a folder; name the .toml file inside it");
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::error_code ec;
    const bool exists = std::filesystem::exists(file, ec);
    throw SetupError("cannot read chain file '" + file.string() +
                     "': " + (exists ? std::string(std::strerror(errno)) : std::string("no such file")) +
                     "; check the path (it is relative to the current folder)");
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw SetupError("cannot read chain file '" + file.string() + "': read error");
  return parse_chain(text.str(), file, available);
}

}  // namespace tagwerk::core
