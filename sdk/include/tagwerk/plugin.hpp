// tagwerk/plugin.hpp -- what a plugin author writes against: a C++17 header-only
// wrapper over the C ABI in <tagwerk/abi.h>. A complete plugin is one class and
// one TAGWERK_PLUGIN(...) line; the macro makes the C entry point and keeps every
// exception on the plugin's side of the boundary.
//
// The plugin lifecycle, as the host drives it:
//   1. The host calls the entry point to read the descriptor (name, version,
//      parameters, layers). Listing and inspecting stop here: no plugin object
//      is constructed, no data is loaded.
//   2. Construction: `YourPlugin(const tagwerk::Config&)`, once per chain step,
//      on the main thread. Read parameters and load data here; throw
//      tagwerk::Error (or any std::exception) to refuse the configuration.
//   3. Scratch: if the class declares `using Scratch = T;`, one T is
//      default-constructed per worker thread, on that thread, before its first
//      document; all are destroyed after the run, on the main thread.
//   4. process(Document&) or process(Document&, Scratch&): once per document.
//      Called from several threads at once unless the descriptor says
//      .thread_safe(false); keep the object itself read-only in process().
//      Throwing fails this document only: its record carries the message.
//   5. Destruction, on the main thread, after every scratch is gone.
#ifndef TAGWERK_PLUGIN_HPP
#define TAGWERK_PLUGIN_HPP

#include <tagwerk/abi.h>

#include <cstdint>
#include <cstring>
#include <exception>
#include <initializer_list>
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

/// Thrown by the wrapper when the host refuses a call; throw it yourself to
/// fail a document or a configuration with a message.
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
}  // namespace detail

using Span = tw_span;
inline constexpr std::uint32_t kNoOffset = TW_NO_OFFSET;

/// A layer of one document. Cheap to copy; valid while the document is processed.
class Layer {
 public:
  Layer() = default;
  Layer(const tw_host_api* host, tw_layer* layer) noexcept : host_(host), layer_(layer) {}

  explicit operator bool() const noexcept { return layer_ != nullptr; }
  std::string_view name() const { return detail::from_tw(host_->layer_name(layer_)); }

  /// Contiguous spans in insertion order; the pointer stays valid until a span
  /// is added to this layer. Walk it without a call per span.
  const Span* begin() const noexcept { return view().data; }
  const Span* end() const noexcept {
    auto v = view();
    return v.data + v.count;
  }
  std::size_t size() const noexcept { return view().count; }
  bool empty() const noexcept { return size() == 0; }
  const Span& operator[](std::size_t i) const noexcept { return view().data[i]; }

  std::string_view label(std::size_t i) const { return detail::from_tw(host_->span_label(layer_, i)); }

  /// Appends a span (byte offsets, end exclusive) and returns its index.
  /// Throws Error when the offsets are outside the text or split a character.
  std::size_t add(std::uint32_t begin, std::uint32_t end, std::string_view label = {}) {
    std::size_t i = host_->span_add(layer_, begin, end, detail::to_tw(label));
    if (i == static_cast<std::size_t>(-1))
      throw Error("span [" + std::to_string(begin) + ", " + std::to_string(end) + ") of layer '" +
                  std::string(name()) + "' is outside the text or not on a character boundary");
    return i;
  }
  /// Appends a span with no extent in the text (it points at other spans).
  std::size_t add_unanchored(std::string_view label = {}) { return add(kNoOffset, kNoOffset, label); }

  void set(std::size_t i, std::string_view key, std::string_view v) {
    check(host_->attr_set_string(layer_, i, detail::to_tw(key), detail::to_tw(v)), i, key);
  }
  void set(std::size_t i, std::string_view key, const char* v) { set(i, key, std::string_view(v)); }
  void set(std::size_t i, std::string_view key, const std::string& v) { set(i, key, std::string_view(v)); }
  void set(std::size_t i, std::string_view key, bool v) {
    check(host_->attr_set_bool(layer_, i, detail::to_tw(key), v ? 1 : 0), i, key);
  }
  void set(std::size_t i, std::string_view key, double v) {
    check(host_->attr_set_float(layer_, i, detail::to_tw(key), v), i, key);
  }
  template <class I, class = std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool>>>
  void set(std::size_t i, std::string_view key, I v) {
    check(host_->attr_set_int(layer_, i, detail::to_tw(key), static_cast<std::int64_t>(v)), i, key);
  }
  /// Sets a reference to span `target_index` of `target` (written as that index).
  void set_ref(std::size_t i, std::string_view key, const Layer& target, std::size_t target_index) {
    check(host_->attr_set_ref(layer_, i, detail::to_tw(key), target.layer_, target_index), i, key);
  }

  std::optional<std::string_view> get_string(std::size_t i, std::string_view key) const {
    tw_value v{};
    if (host_->attr_get(layer_, i, detail::to_tw(key), &v) != TW_OK || v.type != TW_VALUE_STRING) return {};
    return detail::from_tw(v.s);
  }
  std::optional<std::int64_t> get_int(std::size_t i, std::string_view key) const {
    tw_value v{};
    if (host_->attr_get(layer_, i, detail::to_tw(key), &v) != TW_OK || v.type != TW_VALUE_INT) return {};
    return v.i;
  }
  std::optional<double> get_float(std::size_t i, std::string_view key) const {
    tw_value v{};
    if (host_->attr_get(layer_, i, detail::to_tw(key), &v) != TW_OK || v.type != TW_VALUE_FLOAT) return {};
    return v.f;
  }
  std::optional<bool> get_bool(std::size_t i, std::string_view key) const {
    tw_value v{};
    if (host_->attr_get(layer_, i, detail::to_tw(key), &v) != TW_OK || v.type != TW_VALUE_BOOL) return {};
    return v.b != 0;
  }
  /// The index a reference attribute points at (in whichever layer it names).
  std::optional<std::size_t> get_ref(std::size_t i, std::string_view key) const {
    tw_value v{};
    if (host_->attr_get(layer_, i, detail::to_tw(key), &v) != TW_OK || v.type != TW_VALUE_REF) return {};
    return v.ref_index;
  }

  tw_layer* raw() const noexcept { return layer_; }

 private:
  tw_span_view view() const noexcept {
    return layer_ ? host_->layer_spans(layer_) : tw_span_view{nullptr, 0};
  }
  void check(tw_status s, std::size_t i, std::string_view key) const {
    if (s != TW_OK)
      throw Error("cannot set attribute '" + std::string(key) + "' of span " + std::to_string(i) +
                  " in layer '" + std::string(name()) + "'");
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
  /// The layer of that name, created empty if it does not exist yet.
  Layer create_layer(std::string_view name) {
    return Layer(host_, host_->layer_create(doc_, detail::to_tw(name)));
  }
  /// A warning on this record (its errors list); processing goes on.
  void warn(std::string_view message) { host_->doc_error(doc_, detail::to_tw(message)); }

 private:
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

  std::string get_string(std::string_view name) const {
    tw_str out{};
    fetch(host_->param_string(params_, detail::to_tw(name), &out), name);
    return std::string(detail::from_tw(out));
  }
  /// A TW_PARAM_PATH parameter, already resolved relative to the chain file.
  std::string get_path(std::string_view name) const { return get_string(name); }
  std::int64_t get_int(std::string_view name) const {
    std::int64_t out = 0;
    fetch(host_->param_int(params_, detail::to_tw(name), &out), name);
    return out;
  }
  double get_float(std::string_view name) const {
    double out = 0;
    fetch(host_->param_float(params_, detail::to_tw(name), &out), name);
    return out;
  }
  bool get_bool(std::string_view name) const {
    int out = 0;
    fetch(host_->param_bool(params_, detail::to_tw(name), &out), name);
    return out != 0;
  }
  /// True when the parameter has a value (set by the chain or by its default).
  bool has(std::string_view name) const {
    tw_str out{};
    std::int64_t i = 0;
    double f = 0;
    int b = 0;
    auto n = detail::to_tw(name);
    return host_->param_string(params_, n, &out) == TW_OK || host_->param_int(params_, n, &i) == TW_OK ||
           host_->param_float(params_, n, &f) == TW_OK || host_->param_bool(params_, n, &b) == TW_OK;
  }

  /// The folder holding the data the plugin ships; empty when it has none.
  std::string data_dir() const { return std::string(detail::from_tw(host_->data_dir(ctx_))); }
  /// `data_dir() + "/" + relative`, for a file the plugin ships.
  std::string data_file(std::string_view relative) const { return data_dir() + "/" + std::string(relative); }

  void log(LogLevel level, std::string_view message) const {
    host_->log(ctx_, static_cast<tw_log_level>(level), detail::to_tw(message));
  }
  const tw_host_api* host() const noexcept { return host_; }
  tw_context* context() const noexcept { return ctx_; }

 private:
  void fetch(tw_status s, std::string_view name) const {
    if (s == TW_NOT_FOUND) throw Error("parameter '" + std::string(name) + "' is not set");
    if (s == TW_TYPE_MISMATCH) throw Error("parameter '" + std::string(name) + "' has another type");
    if (s != TW_OK) throw Error("parameter '" + std::string(name) + "' cannot be read");
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
  Path = TW_PARAM_PATH
};

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
  Info& requires_layers(std::initializer_list<const char*> v) {
    requires_.assign(v.begin(), v.end());
    return *this;
  }
  Info& provides(std::initializer_list<const char*> v) {
    provides_.assign(v.begin(), v.end());
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
  void fill(tw_plugin_v1& d) {
    auto c_list = [](const std::vector<std::string>& in, std::vector<const char*>& out) {
      out.clear();
      for (const auto& s : in) out.push_back(s.c_str());
      out.push_back(nullptr);
      return out.data();
    };
    specs_.clear();
    for (const auto& p : params_)
      specs_.push_back(tw_param_spec{p.name.c_str(), static_cast<tw_param_type>(p.type),
                                     p.has_default ? p.default_value.c_str() : nullptr, p.help.c_str(),
                                     p.required ? 1 : 0});
    d.abi_major = TW_ABI_MAJOR;
    d.abi_minor = TW_ABI_MINOR;
    d.struct_size = sizeof(tw_plugin_v1);
    d.name = name_.c_str();
    d.version = version_.c_str();
    d.summary = summary_.c_str();
    d.license = license_.c_str();
    d.languages = c_list(languages_, c_languages_);
    d.requires_layers = c_list(requires_, c_requires_);
    d.provides_layers = c_list(provides_, c_provides_);
    d.params = specs_.empty() ? nullptr : specs_.data();
    d.param_count = specs_.size();
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
  std::string name_, version_ = "0.0.0", summary_, license_ = "NOASSERTION";
  std::vector<std::string> languages_{"*"}, requires_, provides_;
  std::vector<Param> params_;
  bool thread_safe_ = true;
  std::vector<const char*> c_languages_, c_requires_, c_provides_;
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

template <class P>
struct Instance {
  const tw_host_api* host;
  std::unique_ptr<P> plugin;
};

// Runs f, turning any exception into an error message for the host.
template <class F>
tw_status guarded(F&& f, std::string& message) noexcept {
  try {
    f();
    return TW_OK;
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
      if (host != nullptr) host->context_error(ctx, to_tw(message));
      return nullptr;
    }
    return instance;
  }
  static void* scratch_create(void*) noexcept {
    if constexpr (std::is_void_v<Scratch>) {
      return nullptr;
    } else {
      return new (std::nothrow) Scratch();
    }
  }
  static void scratch_destroy(void*, void* scratch) noexcept {
    if constexpr (!std::is_void_v<Scratch>) delete static_cast<Scratch*>(scratch);
  }
  static tw_status process(void* inst, void* scratch, tw_doc* doc) noexcept {
    auto* instance = static_cast<Instance<P>*>(inst);
    std::string message;
    tw_status s = guarded(
        [&] {
          Document d(instance->host, doc);
          if constexpr (std::is_void_v<Scratch>) {
            instance->plugin->process(d);
          } else {
            if (scratch == nullptr) throw Error("no per-thread scratch state (out of memory?)");
            instance->plugin->process(d, *static_cast<Scratch*>(scratch));
          }
        },
        message);
    if (s != TW_OK) instance->host->doc_error(doc, to_tw(message));
    return s;
  }
  static void destroy(void* inst) noexcept { delete static_cast<Instance<P>*>(inst); }

  static const tw_plugin_v1* descriptor(Info (*make_info)()) noexcept {
    // Built once; the Info lives as long as the library (the descriptor points into it).
    // A function-local static: built on the first call, destroyed when the
    // library is unloaded (its destructor is registered with this library).
    static Info info;
    static tw_plugin_v1 d = [&] {
      tw_plugin_v1 out{};
      try {
        info = make_info();
        info.fill(out);
      } catch (...) {
        // An empty name makes the host refuse the plugin with a clear message.
        out.abi_major = TW_ABI_MAJOR;
        out.abi_minor = TW_ABI_MINOR;
        out.struct_size = sizeof(tw_plugin_v1);
        out.name = "";
      }
      out.create = &create;
      out.scratch_create = &scratch_create;
      out.scratch_destroy = &scratch_destroy;
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
  extern "C" TW_EXPORT const tw_plugin_v1* tagwerk_plugin_v1(void) {                                      \
    return ::tagwerk::detail::Adapter<PluginClass>::descriptor([]() -> ::tagwerk::Info { return INFO; }); \
  }

#endif  // TAGWERK_PLUGIN_HPP
