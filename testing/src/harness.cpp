// The test harness: the host's registry, chain parser, pipeline and JSON
// writer on one in-memory document, and the document copied out as plain data.
#include <tagwerk/testing.hpp>

#include "runner.hpp"

#include <tagwerk/core/document.hpp>
#include <tagwerk/core/error.hpp>
#include <tagwerk/core/json_text.hpp>
#include <tagwerk/core/output.hpp>

namespace tagwerk::testing {

// ------------------------------------------------------------------ values

std::string Value::type_name() const {
  switch (type) {
    case Type::String:
      return "string";
    case Type::Int:
      return "int";
    case Type::Float:
      return "float";
    case Type::Bool:
      return "bool";
    case Type::Ref:
      return "ref";
    case Type::StringList:
      return "list<string>";
    case Type::IntList:
      return "list<int>";
    case Type::FloatList:
      return "list<float>";
    case Type::RefList:
      return "list<ref>";
  }
  return "unknown";
}

std::string Value::json() const {
  std::string out;
  auto list = [&out](const auto& items, auto&& item) {
    out += '[';
    for (std::size_t k = 0; k < items.size(); ++k) {
      if (k) out += ',';
      item(items[k]);
    }
    out += ']';
  };
  switch (type) {
    case Type::String:
      core::append_json_string(out, string);
      break;
    case Type::Int:
      out = std::to_string(integer);
      break;
    case Type::Float:
      core::append_json_number(out, real);
      break;
    case Type::Bool:
      out = boolean ? "true" : "false";
      break;
    case Type::Ref:
      out = std::to_string(ref.index);
      break;
    case Type::StringList:
      list(strings, [&out](const std::string& s) { core::append_json_string(out, s); });
      break;
    case Type::IntList:
      list(integers, [&out](std::int64_t i) { out += std::to_string(i); });
      break;
    case Type::FloatList:
      list(reals, [&out](double f) { core::append_json_number(out, f); });
      break;
    case Type::RefList:
      list(refs, [&out](const Ref& r) { out += std::to_string(r.index); });
      break;
  }
  return out;
}

// ------------------------------------------------------------------- spans

namespace {

template <class Pairs>
const Value* find_in(const Pairs& pairs, std::string_view key) {
  for (const auto& [k, v] : pairs)
    if (k == key) return &v;
  return nullptr;
}

template <class Pairs>
std::string keys_of(const Pairs& pairs) {
  std::string out;
  for (const auto& p : pairs) out += (out.empty() ? "" : ", ") + p.first;
  return out.empty() ? "none" : out;
}

const Value& typed(const Span& span, std::string_view key, Value::Type type) {
  const Value& v = span.at(key);
  if (v.type != type) {
    Value wanted;
    wanted.type = type;
    throw Missing("attribute '" + std::string(key) + "' is " + v.type_name() + " (" + v.json() + "), not " +
                  wanted.type_name());
  }
  return v;
}

}  // namespace

const Value* Span::find(std::string_view key) const {
  return find_in(attrs, key);
}

const Value& Span::at(std::string_view key) const {
  if (const Value* v = find(key)) return *v;
  throw Missing("span [" + std::to_string(begin) + ", " + std::to_string(end) + ") '" + text +
                "' has no attribute '" + std::string(key) + "'; it has: " + keys_of(attrs));
}

const std::string& Span::string(std::string_view key) const {
  return typed(*this, key, Value::Type::String).string;
}
std::int64_t Span::integer(std::string_view key) const {
  return typed(*this, key, Value::Type::Int).integer;
}
double Span::real(std::string_view key) const {
  return typed(*this, key, Value::Type::Float).real;
}
bool Span::boolean(std::string_view key) const {
  return typed(*this, key, Value::Type::Bool).boolean;
}
std::size_t Span::ref(std::string_view key) const {
  return typed(*this, key, Value::Type::Ref).ref.index;
}
const std::vector<std::string>& Span::strings(std::string_view key) const {
  return typed(*this, key, Value::Type::StringList).strings;
}
const std::vector<std::int64_t>& Span::integers(std::string_view key) const {
  return typed(*this, key, Value::Type::IntList).integers;
}
const std::vector<double>& Span::reals(std::string_view key) const {
  return typed(*this, key, Value::Type::FloatList).reals;
}
const std::vector<Ref>& Span::refs(std::string_view key) const {
  return typed(*this, key, Value::Type::RefList).refs;
}

const Span& Layer::operator[](std::size_t i) const {
  if (i >= spans.size())
    throw Missing("layer '" + name + "' has " + std::to_string(spans.size()) + " spans, no span " +
                  std::to_string(i));
  return spans[i];
}

std::vector<std::string> Layer::texts() const {
  std::vector<std::string> out;
  for (const auto& s : spans) out.push_back(s.text);
  return out;
}

std::vector<std::string> Layer::labels() const {
  std::vector<std::string> out;
  for (const auto& s : spans) out.push_back(s.label);
  return out;
}

std::vector<std::string> Layer::strings(std::string_view key) const {
  std::vector<std::string> out;
  for (const auto& s : spans) out.push_back(s.string(key));
  return out;
}

// ------------------------------------------------------------------ result

std::string Result::messages() const {
  std::string out;
  for (const auto& e : errors) out += "error " + e.plugin + ": " + e.message + "\n";
  for (const auto& w : warnings) out += "warning " + w.plugin + ": " + w.message + "\n";
  return out.empty() ? "no errors or warnings\n" : out;
}

const Layer* Result::find_layer(std::string_view name) const {
  for (const auto& l : layers)
    if (l.name == name) return &l;
  return nullptr;
}

const Layer& Result::layer(std::string_view name) const {
  if (const Layer* l = find_layer(name)) return *l;
  std::string names;
  for (const auto& l : layers) names += (names.empty() ? "" : ", ") + l.name;
  throw Missing("no layer '" + std::string(name) + "'; the record has: " + (names.empty() ? "none" : names) +
                (errors.empty() ? "" : "\n" + messages()));
}

const Value* Result::find_doc(std::string_view key) const {
  return find_in(doc, key);
}

const Value& Result::doc_attr(std::string_view key) const {
  if (const Value* v = find_doc(key)) return *v;
  throw Missing("no document attribute '" + std::string(key) + "'; the record has: " + keys_of(doc));
}

// ----------------------------------------------------------------- harness

namespace {

std::vector<Message> copy_messages(const std::vector<core::RecordError>& in) {
  std::vector<Message> out;
  for (const auto& e : in) out.push_back(Message{e.plugin, e.message});
  return out;
}

// Item i of a column as a Value.
Value value_of(const core::AttrColumn& c, std::size_t i) {
  Value v;
  const std::string target = c.target() ? c.target()->name() : std::string();
  auto list = [&c, i](auto* items) {
    const tw_list l = c.list_at(i);
    using T = std::remove_const_t<std::remove_pointer_t<decltype(items)>>;
    const T* p = static_cast<const T*>(l.items);
    return std::vector<T>(p, p + l.count);
  };
  switch (c.type()) {
    case TW_VALUE_STRING:
      v.type = Value::Type::String;
      v.string = std::string(c.string_at(i));
      break;
    case TW_VALUE_INT:
      v.type = Value::Type::Int;
      v.integer = c.int_at(i);
      break;
    case TW_VALUE_FLOAT:
      v.type = Value::Type::Float;
      v.real = c.float_at(i);
      break;
    case TW_VALUE_BOOL:
      v.type = Value::Type::Bool;
      v.boolean = c.bool_at(i);
      break;
    case TW_VALUE_REF:
      v.type = Value::Type::Ref;
      v.ref = Ref{target, static_cast<std::size_t>(c.ref_at(i))};
      break;
    case TW_VALUE_STRING_LIST:
      v.type = Value::Type::StringList;
      for (const tw_str& s : list(static_cast<const tw_str*>(nullptr)))
        v.strings.emplace_back(s.size ? std::string(s.data, s.size) : std::string());
      break;
    case TW_VALUE_INT_LIST:
      v.type = Value::Type::IntList;
      v.integers = list(static_cast<const std::int64_t*>(nullptr));
      break;
    case TW_VALUE_FLOAT_LIST:
      v.type = Value::Type::FloatList;
      v.reals = list(static_cast<const double*>(nullptr));
      break;
    case TW_VALUE_REF_LIST:
      v.type = Value::Type::RefList;
      for (std::uint64_t r : list(static_cast<const std::uint64_t*>(nullptr)))
        v.refs.push_back(Ref{target, static_cast<std::size_t>(r)});
      break;
    default:
      break;
  }
  return v;
}

std::vector<std::pair<std::string, Value>> attrs_of(const core::AttrTable& table, std::size_t i) {
  std::vector<std::pair<std::string, Value>> out;
  for (const auto& c : table.columns())
    if (c.has(i)) out.emplace_back(c.key(), value_of(c, i));
  return out;
}

Result result_of(const core::Document& doc, core::OffsetUnit unit) {
  Result r;
  r.id = doc.id;
  r.text = doc.text;
  for (const auto& layer : doc.layers()) {
    Layer l;
    l.name = layer->name();
    l.spans.reserve(layer->size());
    for (std::size_t i = 0; i < layer->size(); ++i) {
      const tw_span& s = layer->spans()[i];
      Span span;
      span.begin = s.begin;
      span.end = s.end;
      span.label = std::string(layer->label(i));
      if (s.begin != TW_NO_OFFSET && s.end <= doc.text.size() && s.begin <= s.end)
        span.text = doc.text.substr(s.begin, s.end - s.begin);
      span.attrs = attrs_of(layer->attrs(), i);
      l.spans.push_back(std::move(span));
    }
    r.layers.push_back(std::move(l));
  }
  r.doc = attrs_of(doc.attrs(), 0);
  r.errors = copy_messages(doc.errors);
  r.warnings = copy_messages(doc.warnings);
  r.record = core::to_json_line(doc, unit);
  return r;
}

}  // namespace

struct Harness::Impl {
  detail::Runner runner;
};

Harness::~Harness() = default;
Harness::Harness(Harness&&) noexcept = default;
Harness& Harness::operator=(Harness&&) noexcept = default;

Harness::Harness(const std::vector<std::string>& plugins, std::string_view chain_toml, Options options) try
    : impl_(new Impl{detail::Runner(plugins, options.search_path, chain_toml, options.chain_file)}) {
} catch (const core::SetupError& e) {
  throw SetupError(e.what());
}

Harness Harness::single(const std::string& library, std::string_view params, Options options) {
  std::string name;
  try {
    name = detail::Runner::plugin_name(library);
  } catch (const core::SetupError& e) {
    throw SetupError(e.what());
  }
  std::string toml = "[[step]]\nuse = \"" + name + "\"\n" + std::string(params);
  if (!params.empty() && params.back() != '\n') toml += '\n';
  return Harness({library}, toml, std::move(options));
}

Result Harness::run(std::string_view text, const Meta& meta) const {
  return result_of(impl_->runner.run(text, meta), impl_->runner.chain().output.offsets);
}

std::vector<std::string> Harness::steps() const {
  std::vector<std::string> out;
  for (const auto& s : impl_->runner.chain().steps) out.push_back(s.plugin);
  return out;
}

std::string Harness::resolved_chain() const {
  return impl_->runner.chain().to_toml();
}

}  // namespace tagwerk::testing
