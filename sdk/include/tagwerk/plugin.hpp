// tagwerk/plugin.hpp -- what a plugin author writes against: a C++17 header-only
// wrapper over the C ABI in <tagwerk/abi.h>. A complete plugin is one class and
// one TAGWERK_PLUGIN(...) line; the macro makes the C entry point and keeps every
// exception on the plugin's side of the boundary.
//
// The plugin lifecycle, as the host drives it:
//   1. The host calls the entry point to read the descriptor (name, version,
//      parameters, the layers it needs and provides with their schemas).
//      Listing and inspecting stop here: no plugin object is constructed, no
//      data is loaded.
//   2. Construction: `YourPlugin(const tagwerk::Config&)`, once per chain step,
//      on the main thread. Read parameters and load data here; throw
//      tagwerk::Error (or any std::exception) to refuse the configuration.
//   3. Scratch: if the class declares `using Scratch = T;`, one T is made per
//      worker thread, on that thread, before its first document -- as
//      `T(const YourPlugin&)` when T has that constructor (to size buffers
//      from the loaded model), else `T()`. All are destroyed after the run, on
//      the main thread.
//   4. process(Document&) or process(Document&, Scratch&): once per document.
//      Called from several threads at once unless the descriptor says
//      .thread_safe(false); keep the object itself read-only in process().
//      Throwing fails this document only: its record carries the message.
//   5. Destruction, on the main thread, after every scratch is gone.
//
// Reading is cheap: Layer::spans() and Layer::column() are snapshots of the
// host's storage (one call, then plain memory reads per item). Writing goes
// through the host, which checks every write against the descriptor.
#ifndef TAGWERK_PLUGIN_HPP
#define TAGWERK_PLUGIN_HPP

#include <tagwerk/abi.h>

#include <cstddef>
#include <cstdint>
#include <exception>
#include <initializer_list>
#include <iterator>
#include <memory>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace tagwerk {

/// Throw it to fail a document or a configuration with a message. The
/// wrapper throws it when the host refuses a call.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

namespace detail {
inline tw_str to_tw(std::string_view s) noexcept {
  return tw_str{s.data(), s.size()};
}
inline std::string_view from_tw(tw_str s) noexcept {
  return s.size ? std::string_view(s.data, s.size) : std::string_view();
}
inline tw_value make_value(tw_value_type type) noexcept {
  tw_value v{};
  v.struct_size = sizeof(tw_value);
  v.type = type;
  return v;
}
// The host refused a call and has already put the reason on the record: the
// adapter fails the document without adding a second error.
class HostRefused : public Error {
 public:
  using Error::Error;
};
inline const char* status_text(tw_status s) noexcept {
  switch (s) {
    case TW_OK:
      return "ok";
    case TW_INVALID:
      return "invalid argument";
    case TW_NOT_FOUND:
      return "not found";
    case TW_TYPE_MISMATCH:
      return "type mismatch";
    case TW_DENIED:
      return "not declared by this plugin";
    case TW_NO_MEMORY:
      return "host out of memory";
    case TW_ERROR:
      break;
  }
  return "error";
}
}  // namespace detail

/// One span: byte offsets into the text (end exclusive) and its label's index.
using Span = tw_span;
inline constexpr std::uint32_t kNoOffset = TW_NO_OFFSET;

/// Value types of attributes, as declared in a schema.
enum class Type : std::uint32_t {
  String = TW_VALUE_STRING,
  Int = TW_VALUE_INT,
  Float = TW_VALUE_FLOAT,
  Bool = TW_VALUE_BOOL,
  Ref = TW_VALUE_REF,
  StringList = TW_VALUE_STRING_LIST,
  IntList = TW_VALUE_INT_LIST,
  FloatList = TW_VALUE_FLOAT_LIST,
  RefList = TW_VALUE_REF_LIST
};

/// A snapshot of a layer's spans and label table: one host call, then plain
/// memory. Valid until a span is added to that layer (labels: until the
/// document is released). Walk it with a range-for or by index.
class Spans {
 public:
  class iterator {
   public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = Span;
    using difference_type = std::ptrdiff_t;
    using pointer = const Span*;
    using reference = const Span&;
    iterator() = default;
    iterator(const unsigned char* p, std::size_t stride) noexcept : p_(p), stride_(stride) {}
    reference operator*() const noexcept { return *reinterpret_cast<const Span*>(p_); }
    pointer operator->() const noexcept { return reinterpret_cast<const Span*>(p_); }
    iterator& operator++() noexcept {
      p_ += stride_;
      return *this;
    }
    iterator operator++(int) noexcept {
      iterator t = *this;
      p_ += stride_;
      return t;
    }
    iterator& operator--() noexcept {
      p_ -= stride_;
      return *this;
    }
    iterator& operator+=(difference_type n) noexcept {
      p_ += n * static_cast<difference_type>(stride_);
      return *this;
    }
    iterator operator+(difference_type n) const noexcept { return iterator(*this) += n; }
    difference_type operator-(const iterator& o) const noexcept {
      return stride_ ? (p_ - o.p_) / static_cast<difference_type>(stride_) : 0;
    }
    reference operator[](difference_type n) const noexcept { return *(*this + n); }
    bool operator==(const iterator& o) const noexcept { return p_ == o.p_; }
    bool operator!=(const iterator& o) const noexcept { return p_ != o.p_; }
    bool operator<(const iterator& o) const noexcept { return p_ < o.p_; }

   private:
    const unsigned char* p_ = nullptr;
    std::size_t stride_ = sizeof(Span);
  };

  Spans() = default;
  explicit Spans(const tw_span_view& v) noexcept : v_(v) {}

  std::size_t size() const noexcept { return v_.count; }
  bool empty() const noexcept { return v_.count == 0; }
  iterator begin() const noexcept { return iterator(bytes(), v_.item_size); }
  iterator end() const noexcept { return iterator(bytes() + v_.count * v_.item_size, v_.item_size); }
  /// Span i; i < size() is the caller's to check.
  const Span& operator[](std::size_t i) const noexcept {
    return *reinterpret_cast<const Span*>(bytes() + i * v_.item_size);
  }
  /// The label of span i (empty when it has none).
  std::string_view label(std::size_t i) const noexcept { return label_name((*this)[i].label); }
  /// The text of a label index (Span::label).
  std::string_view label_name(std::uint32_t id) const noexcept {
    return id < v_.label_count ? detail::from_tw(v_.labels[id]) : std::string_view();
  }

 private:
  const unsigned char* bytes() const noexcept { return reinterpret_cast<const unsigned char*>(v_.spans); }
  tw_span_view v_{sizeof(tw_span_view), nullptr, 0, sizeof(Span), nullptr, 0};
};

/// A snapshot of one attribute over all spans of a layer (one host call).
/// Valid until that attribute is set again on any span of the layer.
class Column {
 public:
  Column() = default;
  explicit Column(const tw_column_view& v) noexcept : v_(v) {}

  /// False when no span has the attribute.
  explicit operator bool() const noexcept { return v_.type != TW_VALUE_NONE; }
  Type type() const noexcept { return static_cast<Type>(v_.type); }
  /// Whether span i has a value.
  bool has(std::size_t i) const noexcept {
    return i < v_.count && (v_.present == nullptr || v_.present[i] != 0);
  }
  /// The value of span i, or `fallback` when it has none or is of another type.
  std::string_view string(std::size_t i, std::string_view fallback = {}) const noexcept {
    return is(i, TW_VALUE_STRING) ? detail::from_tw(item<tw_str>(i)) : fallback;
  }
  std::int64_t integer(std::size_t i, std::int64_t fallback = 0) const noexcept {
    return is(i, TW_VALUE_INT) ? item<std::int64_t>(i) : fallback;
  }
  double real(std::size_t i, double fallback = 0) const noexcept {
    return is(i, TW_VALUE_FLOAT) ? item<double>(i) : fallback;
  }
  bool boolean(std::size_t i, bool fallback = false) const noexcept {
    return is(i, TW_VALUE_BOOL) ? item<std::uint8_t>(i) != 0 : fallback;
  }
  /// The index a reference points at in the column's target layer.
  std::optional<std::size_t> ref(std::size_t i) const noexcept {
    if (!is(i, TW_VALUE_REF)) return std::nullopt;
    return static_cast<std::size_t>(item<std::uint64_t>(i));
  }

 private:
  bool is(std::size_t i, std::uint32_t type) const noexcept { return v_.type == type && has(i); }
  template <class T>
  const T& item(std::size_t i) const noexcept {
    return *reinterpret_cast<const T*>(static_cast<const unsigned char*>(v_.items) + i * v_.item_size);
  }
  tw_column_view v_{sizeof(tw_column_view), TW_VALUE_NONE, nullptr, 0, 0, nullptr, nullptr};
};

class Layer;

/// A reference value: span `index` of layer `target`.
struct Ref {
  const Layer& target;
  std::size_t index;
};

/// Shared by Layer (span attributes) and Document (document attributes):
/// turns C++ values into tw_value for the host and back.
namespace detail {
struct ValueIn {
  tw_value v = make_value(TW_VALUE_NONE);
  std::vector<tw_str> strs;  // keeps a string list's slices alive for the call
  std::vector<std::uint64_t> idx;
};
inline ValueIn value_in(std::string_view s) {
  ValueIn in;
  in.v.type = TW_VALUE_STRING;
  in.v.s = to_tw(s);
  return in;
}
inline ValueIn value_in(bool b) {
  ValueIn in;
  in.v.type = TW_VALUE_BOOL;
  in.v.i = b ? 1 : 0;
  return in;
}
inline ValueIn value_in(double f) {
  ValueIn in;
  in.v.type = TW_VALUE_FLOAT;
  in.v.f = f;
  return in;
}
inline ValueIn value_in_int(std::int64_t i) {
  ValueIn in;
  in.v.type = TW_VALUE_INT;
  in.v.i = i;
  return in;
}
template <class S>
ValueIn value_in_strings(const std::vector<S>& list) {
  ValueIn in;
  in.v.type = TW_VALUE_STRING_LIST;
  in.strs.reserve(list.size());
  for (const auto& s : list) in.strs.push_back(to_tw(s));
  in.v.items = in.strs.data();
  in.v.count = in.strs.size();
  return in;
}
inline ValueIn value_in(const std::vector<std::int64_t>& list) {
  ValueIn in;
  in.v.type = TW_VALUE_INT_LIST;
  in.v.items = list.data();
  in.v.count = list.size();
  return in;
}
inline ValueIn value_in(const std::vector<double>& list) {
  ValueIn in;
  in.v.type = TW_VALUE_FLOAT_LIST;
  in.v.items = list.data();
  in.v.count = list.size();
  return in;
}

// The typed readers of a tw_value a getter filled.
inline std::optional<std::string_view> as_string(const tw_value& v) {
  if (v.type != TW_VALUE_STRING) return std::nullopt;
  return from_tw(v.s);
}
inline std::vector<std::string_view> as_strings(const tw_value& v) {
  std::vector<std::string_view> out;
  if (v.type != TW_VALUE_STRING_LIST) return out;
  const auto* items = static_cast<const tw_str*>(v.items);
  for (std::size_t k = 0; k < v.count; ++k) out.push_back(from_tw(items[k]));
  return out;
}
template <class T>
std::vector<T> as_list(const tw_value& v, std::uint32_t type) {
  if (v.type != type || v.count == 0) return {};
  const auto* items = static_cast<const T*>(v.items);
  return std::vector<T>(items, items + v.count);
}
}  // namespace detail

/// A layer of one document. A cheap handle; valid while the document is
/// processed. An empty Layer (a layer find() did not find) is false in a bool
/// context, reads as empty, and refuses writes.
class Layer {
 public:
  Layer() = default;
  Layer(const tw_host_api* host, tw_layer* layer) noexcept : host_(host), layer_(layer) {}

  explicit operator bool() const noexcept { return layer_ != nullptr; }
  std::string_view name() const {
    return layer_ ? detail::from_tw(host_->layer_name(layer_)) : std::string_view();
  }

  /// The spans and labels as a snapshot (see Spans): take it once per loop.
  Spans spans() const noexcept {
    tw_span_view v{};
    v.struct_size = sizeof(v);
    if (layer_ == nullptr || host_->layer_view(layer_, &v) != TW_OK) return Spans();
    if (v.item_size < sizeof(Span)) return Spans();  // a host older than this header's span
    return Spans(v);
  }
  /// Range-for over the spans (one snapshot for the whole loop).
  Spans::iterator begin() const noexcept { return spans().begin(); }
  Spans::iterator end() const noexcept { return spans().end(); }
  std::size_t size() const noexcept { return spans().size(); }
  bool empty() const noexcept { return size() == 0; }

  /// One attribute for all spans (see Column); empty when no span has it.
  Column column(std::string_view key) const noexcept {
    tw_column_view v{};
    v.struct_size = sizeof(v);
    if (layer_ == nullptr || host_->layer_column(layer_, detail::to_tw(key), &v) != TW_OK) return Column();
    return Column(v);
  }

  /// Appends a span (byte offsets, end exclusive) and returns its index.
  /// Throws when the host refuses it (offsets off the text or a character
  /// boundary, a layer this plugin does not provide); the record says why.
  std::size_t add(std::uint32_t begin, std::uint32_t end, std::string_view label = {}) {
    std::size_t index = 0;
    check(host_->span_add(layer_, begin, end, detail::to_tw(label), &index));
    return index;
  }
  /// Appends a span with no extent in the text (it points at other spans).
  std::size_t add_unanchored(std::string_view label = {}) { return add(kNoOffset, kNoOffset, label); }

  /// Sets attribute `key` of span i; the key must be in this layer's schema
  /// with this type. Throws when the host refuses (the record says why).
  void set(std::size_t i, std::string_view key, std::string_view v) { put(i, key, detail::value_in(v)); }
  void set(std::size_t i, std::string_view key, const char* v) { set(i, key, std::string_view(v)); }
  void set(std::size_t i, std::string_view key, const std::string& v) { set(i, key, std::string_view(v)); }
  void set(std::size_t i, std::string_view key, bool v) { put(i, key, detail::value_in(v)); }
  void set(std::size_t i, std::string_view key, double v) { put(i, key, detail::value_in(v)); }
  template <class I, class = std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool>>>
  void set(std::size_t i, std::string_view key, I v) {
    put(i, key, detail::value_in_int(static_cast<std::int64_t>(v)));
  }
  void set(std::size_t i, std::string_view key, const std::vector<std::string>& v) {
    put(i, key, detail::value_in_strings(v));
  }
  void set(std::size_t i, std::string_view key, const std::vector<std::string_view>& v) {
    put(i, key, detail::value_in_strings(v));
  }
  void set(std::size_t i, std::string_view key, const std::vector<std::int64_t>& v) {
    put(i, key, detail::value_in(v));
  }
  void set(std::size_t i, std::string_view key, const std::vector<double>& v) {
    put(i, key, detail::value_in(v));
  }
  /// Sets a reference to span `r.index` of `r.target` (written as that index).
  void set(std::size_t i, std::string_view key, Ref r) {
    detail::ValueIn in;
    in.v.type = TW_VALUE_REF;
    in.v.target = r.target.layer_;
    in.v.ref = r.index;
    put(i, key, in);
  }
  void set_ref(std::size_t i, std::string_view key, const Layer& target, std::size_t index) {
    set(i, key, Ref{target, index});
  }
  /// Sets a list of references into `target`.
  void set_refs(std::size_t i, std::string_view key, const Layer& target,
                const std::vector<std::size_t>& indices) {
    detail::ValueIn in;
    in.v.type = TW_VALUE_REF_LIST;
    in.v.target = target.layer_;
    in.idx.assign(indices.begin(), indices.end());
    in.v.items = in.idx.data();
    in.v.count = in.idx.size();
    put(i, key, in);
  }

  /// One attribute of one span; nullopt when it has none or another type.
  /// For many spans, column() is one call instead of one per span.
  std::optional<std::string_view> get_string(std::size_t i, std::string_view key) const {
    return detail::as_string(get(i, key));
  }
  std::optional<std::int64_t> get_int(std::size_t i, std::string_view key) const {
    tw_value v = get(i, key);
    return v.type == TW_VALUE_INT ? std::optional<std::int64_t>(v.i) : std::nullopt;
  }
  std::optional<double> get_float(std::size_t i, std::string_view key) const {
    tw_value v = get(i, key);
    return v.type == TW_VALUE_FLOAT ? std::optional<double>(v.f) : std::nullopt;
  }
  std::optional<bool> get_bool(std::size_t i, std::string_view key) const {
    tw_value v = get(i, key);
    return v.type == TW_VALUE_BOOL ? std::optional<bool>(v.i != 0) : std::nullopt;
  }
  std::optional<std::size_t> get_ref(std::size_t i, std::string_view key) const {
    tw_value v = get(i, key);
    return v.type == TW_VALUE_REF ? std::optional<std::size_t>(static_cast<std::size_t>(v.ref))
                                  : std::nullopt;
  }
  std::vector<std::string_view> get_strings(std::size_t i, std::string_view key) const {
    return detail::as_strings(get(i, key));
  }
  std::vector<std::int64_t> get_ints(std::size_t i, std::string_view key) const {
    return detail::as_list<std::int64_t>(get(i, key), TW_VALUE_INT_LIST);
  }
  std::vector<double> get_floats(std::size_t i, std::string_view key) const {
    return detail::as_list<double>(get(i, key), TW_VALUE_FLOAT_LIST);
  }
  std::vector<std::size_t> get_refs(std::size_t i, std::string_view key) const {
    auto raw = detail::as_list<std::uint64_t>(get(i, key), TW_VALUE_REF_LIST);
    return std::vector<std::size_t>(raw.begin(), raw.end());
  }

  tw_layer* raw() const noexcept { return layer_; }

 private:
  tw_value get(std::size_t i, std::string_view key) const {
    tw_value v = detail::make_value(TW_VALUE_NONE);
    if (layer_ == nullptr || host_->attr_get(layer_, i, detail::to_tw(key), &v) != TW_OK)
      v = detail::make_value(TW_VALUE_NONE);
    return v;
  }
  void put(std::size_t i, std::string_view key, const detail::ValueIn& in) {
    check(host_->attr_set(layer_, i, detail::to_tw(key), &in.v));
  }
  static void check(tw_status s) {
    if (s != TW_OK)
      throw detail::HostRefused(std::string("the host refused a write: ") + detail::status_text(s));
  }
  const tw_host_api* host_ = nullptr;
  tw_layer* layer_ = nullptr;
};

/// The document being processed. Only the thread processing it touches it.
class Document {
 public:
  Document(const tw_host_api* host, tw_doc* doc) noexcept : host_(host), doc_(doc) {}

  /// The whole UTF-8 text; offsets everywhere are byte offsets into it.
  std::string_view text() const { return detail::from_tw(host_->doc_text(doc_)); }
  /// A metadata field (id, title, date, lang, source, url, ...); empty when absent.
  std::string_view meta(std::string_view key) const {
    return detail::from_tw(host_->doc_meta(doc_, detail::to_tw(key)));
  }
  std::string_view id() const { return meta("id"); }

  /// The layer of that name, or an empty Layer (false in a bool context).
  Layer layer(std::string_view name) const {
    return Layer(host_, host_->layer_find(doc_, detail::to_tw(name)));
  }
  /// The layer of that name, created empty if it does not exist yet. Throws
  /// when this plugin does not declare it in provides.
  Layer create_layer(std::string_view name) {
    tw_layer* l = host_->layer_create(doc_, detail::to_tw(name));
    if (l == nullptr)
      throw detail::HostRefused("the host refused to create layer '" + std::string(name) + "'");
    return Layer(host_, l);
  }

  /// Sets a document attribute (written under the record's "doc" key); the
  /// key must be declared with Info::doc_attr. Throws when the host refuses.
  template <class V>
  void set(std::string_view key, const V& value) {
    auto in = input(value);
    tw_status s = host_->doc_attr_set(doc_, detail::to_tw(key), &in.v);
    if (s != TW_OK)
      throw detail::HostRefused(std::string("the host refused document attribute '") + std::string(key) +
                                "': " + detail::status_text(s));
  }
  std::optional<std::string_view> get_string(std::string_view key) const {
    return detail::as_string(get(key));
  }
  std::vector<std::string_view> get_strings(std::string_view key) const {
    return detail::as_strings(get(key));
  }

  /// A warning on this record (its warnings list); processing goes on.
  void warn(std::string_view message) { host_->doc_warning(doc_, detail::to_tw(message)); }

 private:
  static detail::ValueIn input(std::string_view v) { return detail::value_in(v); }
  static detail::ValueIn input(const std::string& v) { return detail::value_in(std::string_view(v)); }
  static detail::ValueIn input(const char* v) { return detail::value_in(std::string_view(v)); }
  static detail::ValueIn input(bool v) { return detail::value_in(v); }
  static detail::ValueIn input(double v) { return detail::value_in(v); }
  template <class I, class = std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool>>>
  static detail::ValueIn input(I v) {
    return detail::value_in_int(static_cast<std::int64_t>(v));
  }
  static detail::ValueIn input(const std::vector<std::string>& v) { return detail::value_in_strings(v); }
  static detail::ValueIn input(const std::vector<std::string_view>& v) { return detail::value_in_strings(v); }
  static detail::ValueIn input(const std::vector<std::int64_t>& v) { return detail::value_in(v); }
  static detail::ValueIn input(const std::vector<double>& v) { return detail::value_in(v); }
  tw_value get(std::string_view key) const {
    tw_value v = detail::make_value(TW_VALUE_NONE);
    if (host_->doc_attr_get(doc_, detail::to_tw(key), &v) != TW_OK) v = detail::make_value(TW_VALUE_NONE);
    return v;
  }
  const tw_host_api* host_;
  tw_doc* doc_;
};

enum class LogLevel {
  trace = TW_LOG_TRACE,
  debug = TW_LOG_DEBUG,
  info = TW_LOG_INFO,
  warn = TW_LOG_WARN,
  error = TW_LOG_ERROR
};

/// What a plugin is given at construction: its parameters, its data folder and
/// the host's logger. Valid during construction; the logger and data_dir()
/// for the instance's lifetime.
class Config {
 public:
  Config(const tw_host_api* host, tw_context* ctx, const tw_params* params) noexcept
      : host_(host), ctx_(ctx), params_(params) {}

  /// Parameters by declared type. Throw Error when unset or of another type.
  std::string get_string(std::string_view name) const {
    return std::string(detail::from_tw(fetch(name, TW_VALUE_STRING).s));
  }
  /// A TW_PARAM_PATH parameter, resolved relative to the chain file.
  std::string get_path(std::string_view name) const { return get_string(name); }
  std::int64_t get_int(std::string_view name) const { return fetch(name, TW_VALUE_INT).i; }
  double get_float(std::string_view name) const {
    tw_value v = raw(name);
    if (v.type == TW_VALUE_INT) return static_cast<double>(v.i);
    return fetch(name, TW_VALUE_FLOAT).f;
  }
  bool get_bool(std::string_view name) const { return fetch(name, TW_VALUE_BOOL).i != 0; }
  /// A ParamType::StringList parameter: its items in the chain's order
  /// (empty for an empty array). Needs a host of ABI minor 1 or later; an
  /// older host refuses the plugin when it is loaded.
  std::vector<std::string> get_strings(std::string_view name) const {
    const tw_value v = fetch(name, TW_VALUE_STRING_LIST);
    std::vector<std::string> out;
    out.reserve(v.count);
    for (std::size_t i = 0; i < v.count; ++i) out.emplace_back(detail::from_tw(tw_value_str_item(&v, i)));
    return out;
  }
  /// True when the parameter has a value (set by the chain or by its default).
  bool has(std::string_view name) const { return raw(name).type != TW_VALUE_NONE; }

  /// The folder holding the data the plugin ships; empty when it has none.
  std::string data_dir() const { return std::string(detail::from_tw(host_->data_dir(ctx_))); }
  /// `data_dir() + "/" + relative`, for a file the plugin ships.
  std::string data_file(std::string_view relative) const { return data_dir() + "/" + std::string(relative); }
  /// Tells the host this file was loaded (the manifest lists it with its
  /// SHA-256); returns `path`. Call it for every data file you read.
  const std::string& loaded(const std::string& path) const {
    host_->data_file_loaded(ctx_, detail::to_tw(path));
    return path;
  }

  void log(LogLevel level, std::string_view message) const {
    host_->log(ctx_, static_cast<tw_log_level>(level), detail::to_tw(message));
  }
  const tw_host_api* host() const noexcept { return host_; }
  tw_context* context() const noexcept { return ctx_; }

 private:
  tw_value raw(std::string_view name) const {
    tw_value v = detail::make_value(TW_VALUE_NONE);
    if (host_->param_get(params_, detail::to_tw(name), &v) != TW_OK) v = detail::make_value(TW_VALUE_NONE);
    return v;
  }
  tw_value fetch(std::string_view name, std::uint32_t type) const {
    tw_value v = raw(name);
    if (v.type == TW_VALUE_NONE) throw Error("parameter '" + std::string(name) + "' is not set");
    if (v.type != type) throw Error("parameter '" + std::string(name) + "' has another type");
    return v;
  }
  const tw_host_api* host_;
  tw_context* ctx_;
  const tw_params* params_;
};

enum class ParamType {
  String = TW_PARAM_STRING,
  Int = TW_PARAM_INT,
  Float = TW_PARAM_FLOAT,
  Bool = TW_PARAM_BOOL,
  Path = TW_PARAM_PATH,
  /// A TOML array of strings; its default is written as one too ("[]").
  StringList = TW_PARAM_STRING_LIST
};

/// One attribute in a schema: Info::provides and Info::doc_attr take these.
struct Attr {
  std::string name;
  Type type;
  std::string help;
  std::string target;  // Ref / RefList: the layer referenced
};
/// A reference attribute to spans of `target`.
inline Attr ref_attr(std::string name, std::string target, std::string help) {
  return Attr{std::move(name), Type::Ref, std::move(help), std::move(target)};
}

/// The plugin's metadata, written as a chain of setters inside TAGWERK_PLUGIN.
/// Owns its strings; the macro keeps one static instance per library.
class Info {
 public:
  Info& name(std::string v) {
    name_ = std::move(v);
    return *this;
  }
  Info& version(std::string v) {
    version_ = std::move(v);
    return *this;
  }
  Info& summary(std::string v) {
    summary_ = std::move(v);
    return *this;
  }
  Info& license(std::string v) {
    license_ = std::move(v);
    return *this;
  }
  Info& languages(std::initializer_list<const char*> v) {
    languages_.assign(v.begin(), v.end());
    return *this;
  }
  /// What must exist before this step: layers ("token") or attributes ("entity.cluster").
  Info& requires_inputs(std::initializer_list<const char*> v) {
    requires_.assign(v.begin(), v.end());
    return *this;
  }
  /// What this step uses when an earlier step provides it.
  Info& optional_inputs(std::initializer_list<const char*> v) {
    optional_.assign(v.begin(), v.end());
    return *this;
  }
  /// A layer this step creates or extends, with the attributes its spans carry.
  Info& provides(std::string layer, std::string help, std::initializer_list<Attr> attrs = {}) {
    layers_.push_back(LayerDecl{std::move(layer), std::move(help), std::vector<Attr>(attrs)});
    return *this;
  }
  /// A document attribute this step sets (Document::set).
  Info& doc_attr(std::string name, Type type, std::string help) {
    doc_attrs_.push_back(Attr{std::move(name), type, std::move(help), {}});
    return *this;
  }
  Info& thread_safe(bool v) {
    thread_safe_ = v;
    return *this;
  }
  /// Declares a parameter. default_value is its text ("0.5", "true"); nullptr
  /// means no default. required: the chain must set it.
  Info& param(std::string name, ParamType type, const char* default_value, std::string help,
              bool required = false) {
    params_.push_back(Param{std::move(name), type, default_value != nullptr,
                            default_value ? std::string(default_value) : std::string(), std::move(help),
                            required});
    return *this;
  }

  /// Builds the C descriptor; `this` must outlive it (it points into this object).
  void fill(tw_plugin_v2& d) {
    auto c_list = [](const std::vector<std::string>& in, std::vector<const char*>& out) {
      out.clear();
      for (const auto& s : in) out.push_back(s.c_str());
      out.push_back(nullptr);
      return out.data();
    };
    auto c_attrs = [](const std::vector<Attr>& in, std::vector<tw_attr_spec>& out) {
      out.clear();
      for (const auto& a : in)
        out.push_back(tw_attr_spec{a.name.c_str(), static_cast<std::uint32_t>(a.type), a.help.c_str(),
                                   a.target.empty() ? nullptr : a.target.c_str()});
    };
    c_layer_attrs_.resize(layers_.size());
    c_layers_.clear();
    for (std::size_t k = 0; k < layers_.size(); ++k) {
      c_attrs(layers_[k].attrs, c_layer_attrs_[k]);
      c_layers_.push_back(tw_layer_spec{layers_[k].name.c_str(), layers_[k].help.c_str(),
                                        c_layer_attrs_[k].empty() ? nullptr : c_layer_attrs_[k].data(),
                                        c_layer_attrs_[k].size(), sizeof(tw_attr_spec)});
    }
    c_attrs(doc_attrs_, c_doc_attrs_);
    specs_.clear();
    for (const auto& p : params_)
      specs_.push_back(tw_param_spec{p.name.c_str(), static_cast<std::uint32_t>(p.type),
                                     p.has_default ? p.default_value.c_str() : nullptr, p.help.c_str(),
                                     p.required ? 1 : 0});
    d.abi_major = TW_ABI_MAJOR;
    d.abi_minor = TW_ABI_MINOR;
    d.struct_size = sizeof(tw_plugin_v2);
    d.name = name_.c_str();
    d.version = version_.c_str();
    d.summary = summary_.c_str();
    d.license = license_.c_str();
    d.languages = c_list(languages_, c_languages_);
    d.requires_inputs = c_list(requires_, c_requires_);
    d.optional_inputs = c_list(optional_, c_optional_);
    d.provides = c_layers_.empty() ? nullptr : c_layers_.data();
    d.provides_count = c_layers_.size();
    d.provides_size = sizeof(tw_layer_spec);
    d.doc_attrs = c_doc_attrs_.empty() ? nullptr : c_doc_attrs_.data();
    d.doc_attr_count = c_doc_attrs_.size();
    d.doc_attr_size = sizeof(tw_attr_spec);
    d.params = specs_.empty() ? nullptr : specs_.data();
    d.param_count = specs_.size();
    d.param_size = sizeof(tw_param_spec);
    d.flags = thread_safe_ ? TW_PLUGIN_THREAD_SAFE : 0u;
  }

 private:
  struct Param {
    std::string name;
    ParamType type;
    bool has_default;
    std::string default_value;
    std::string help;
    bool required;
  };
  struct LayerDecl {
    std::string name;
    std::string help;
    std::vector<Attr> attrs;
  };
  std::string name_, version_ = "0.0.0", summary_, license_ = "NOASSERTION";
  std::vector<std::string> languages_{"*"}, requires_, optional_;
  std::vector<LayerDecl> layers_;
  std::vector<Attr> doc_attrs_;
  std::vector<Param> params_;
  bool thread_safe_ = true;
  std::vector<const char*> c_languages_, c_requires_, c_optional_;
  std::vector<std::vector<tw_attr_spec>> c_layer_attrs_;
  std::vector<tw_layer_spec> c_layers_;
  std::vector<tw_attr_spec> c_doc_attrs_;
  std::vector<tw_param_spec> specs_;
};

namespace detail {

template <class P, class = void>
struct scratch_of {
  using type = void;
};
template <class P>
struct scratch_of<P, std::void_t<typename P::Scratch>> {
  using type = typename P::Scratch;
};

// The last host function this header calls: a host table that ends before it
// is too old for this plugin (rule 5 of abi.h).
inline bool host_is_complete(const tw_host_api* host) noexcept {
  return host != nullptr && host->abi_major == TW_ABI_MAJOR && TW_HOST_HAS(host, attr_get);
}

template <class P>
struct Instance {
  const tw_host_api* host;
  std::unique_ptr<P> plugin;
};

// Runs f, turning any exception into an error message for the host. Sets
// *reported when the host has already put the reason on the record.
template <class F>
tw_status guarded(F&& f, std::string& message, bool* reported = nullptr) noexcept {
  try {
    f();
    return TW_OK;
  } catch (const HostRefused& e) {
    if (reported != nullptr) *reported = true;
    message = e.what();
  } catch (const std::exception& e) {
    message = e.what();
  } catch (...) {
    message = "unknown exception";
  }
  if (message.empty()) message = "plugin failed without a message";
  return TW_ERROR;
}

template <class P>
struct Adapter {
  using Scratch = typename scratch_of<P>::type;

  static void* create(const tw_host_api* host, tw_context* ctx, const tw_params* params) noexcept {
    if (host == nullptr) return nullptr;
    if (!host_is_complete(host)) {
      // context_error is in every 2.x table; the rest may not be.
      if (host->abi_major == TW_ABI_MAJOR && TW_HOST_HAS(host, context_error))
        host->context_error(ctx,
                            to_tw("the host's function table is older than this plugin's SDK "
                                  "(ABI 2.x with fewer functions); update tagwerk or rebuild the plugin"));
      return nullptr;
    }
    std::string message;
    Instance<P>* instance = nullptr;
    tw_status s = guarded(
        [&] {
          Config config(host, ctx, params);
          instance = new Instance<P>{host, std::make_unique<P>(config)};
        },
        message);
    if (s != TW_OK) {
      delete instance;
      host->context_error(ctx, to_tw(message));
      return nullptr;
    }
    return instance;
  }
  static void* scratch_create(void* inst) noexcept {
    if constexpr (std::is_void_v<Scratch>) {
      (void)inst;
      return nullptr;
    } else {
      try {
        if constexpr (std::is_constructible_v<Scratch, const P&>) {
          return new Scratch(static_cast<const P&>(*static_cast<Instance<P>*>(inst)->plugin));
        } else {
          return new Scratch();
        }
      } catch (...) {
        return nullptr;  // the host fails this thread's documents with an error
      }
    }
  }
  static void scratch_destroy(void*, void* scratch) noexcept {
    if constexpr (!std::is_void_v<Scratch>) delete static_cast<Scratch*>(scratch);
  }
  static tw_status process(void* inst, void* scratch, tw_doc* doc) noexcept {
    auto* instance = static_cast<Instance<P>*>(inst);
    std::string message;
    bool reported = false;
    tw_status s = guarded(
        [&] {
          Document d(instance->host, doc);
          if constexpr (std::is_void_v<Scratch>) {
            (void)scratch;
            instance->plugin->process(d);
          } else {
            if (scratch == nullptr) throw Error("no per-thread scratch state (its constructor failed)");
            instance->plugin->process(d, *static_cast<Scratch*>(scratch));
          }
        },
        message, &reported);
    if (s != TW_OK && !reported) instance->host->doc_error(doc, to_tw(message));
    return s;
  }
  static void destroy(void* inst) noexcept { delete static_cast<Instance<P>*>(inst); }

  static const tw_plugin_v2* descriptor(Info (*make_info)()) noexcept {
    // A function-local static: built on the first call, destroyed when the
    // library is unloaded (its destructor is registered with this library).
    static Info info;
    static tw_plugin_v2 d = [&] {
      tw_plugin_v2 out{};
      try {
        info = make_info();
        info.fill(out);
      } catch (...) {
        // An empty name makes the host refuse the plugin with a clear message.
        out = tw_plugin_v2{};
        out.abi_major = TW_ABI_MAJOR;
        out.abi_minor = TW_ABI_MINOR;
        out.struct_size = sizeof(tw_plugin_v2);
        out.name = "";
      }
      out.create = &create;
      // No Scratch type: no scratch functions (the host passes NULL scratch).
      out.scratch_create = std::is_void_v<Scratch> ? nullptr : &scratch_create;
      out.scratch_destroy = std::is_void_v<Scratch> ? nullptr : &scratch_destroy;
      out.process = &process;
      out.destroy = &destroy;
      return out;
    }();
    return &d;
  }
};

}  // namespace detail
}  // namespace tagwerk

/// Registers PluginClass as this library's plugin. INFO is a tagwerk::Info
/// expression: tagwerk::Info().name("x").version("1.0.0")... Use once per library.
#define TAGWERK_PLUGIN(PluginClass, INFO)                                                                 \
  extern "C" TW_EXPORT const tw_plugin_v2* tagwerk_plugin_v2(void) {                                      \
    return ::tagwerk::detail::Adapter<PluginClass>::descriptor([]() -> ::tagwerk::Info { return INFO; }); \
  }

#endif  // TAGWERK_PLUGIN_HPP
