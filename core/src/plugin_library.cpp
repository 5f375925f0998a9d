// Loading a plugin library and copying its descriptor into a PluginInfo.
#define BOOST_DLL_USE_STD_FS
#include <tagwerk/core/plugin_library.hpp>

#include <tagwerk/core/error.hpp>

#include <fmt/format.h>
#include <boost/dll/shared_library.hpp>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <regex>
#include <system_error>

namespace tagwerk::core {

struct PluginLibrary::Handle {
  boost::dll::shared_library lib;
};

namespace {

std::vector<std::string> c_list(const char* const* list) {
  std::vector<std::string> out;
  for (; list != nullptr && *list != nullptr; ++list) out.emplace_back(*list);
  return out;
}

std::string str_or_empty(const char* s) {
  return s != nullptr ? std::string(s) : std::string();
}

// The fields every ABI 2.x descriptor has, up to and including destroy.
constexpr std::size_t kMinDescriptorSize = offsetof(tw_plugin_v2, destroy) + sizeof(tw_plugin_v2::destroy);

// The ABI 1 entry point: found alone, the library is refused by name.
constexpr const char* kAbi1EntryPoint = "tagwerk_plugin_v1";

bool matches(const std::string& s, const char* pattern) {
  const std::regex re(pattern);  // setup only, never per document
  return std::regex_match(s, re);
}

// The element at index i of an array of `size`-byte elements; fields beyond
// the plugin's element size read as zero (abi.h rule 2).
template <class T>
T element(const void* base, std::size_t size, std::size_t i) {
  T out{};
  std::memcpy(&out, static_cast<const unsigned char*>(base) + i * size, std::min(size, sizeof(T)));
  return out;
}

bool known_value_type(std::uint32_t t) {
  switch (t) {
    case TW_VALUE_STRING:
    case TW_VALUE_INT:
    case TW_VALUE_FLOAT:
    case TW_VALUE_BOOL:
    case TW_VALUE_REF:
    case TW_VALUE_STRING_LIST:
    case TW_VALUE_INT_LIST:
    case TW_VALUE_FLOAT_LIST:
    case TW_VALUE_REF_LIST:
      return true;
    default:
      return false;
  }
}

class DescriptorReader {
 public:
  DescriptorReader(const std::filesystem::path& path, std::string plugin)
      : path_(path), plugin_(std::move(plugin)) {}

  [[noreturn]] void fail(const std::string& what) const {
    throw SetupError(
        fmt::format("{}: plugin '{}' has a broken descriptor: {}; fix the plugin's "
                    "TAGWERK_PLUGIN declaration and rebuild it",
                    path_.string(), plugin_, what));
  }

  void check_array(const void* base, std::size_t count, std::size_t size, std::size_t min_size,
                   const char* what) const {
    if (count == 0) return;
    if (base == nullptr) fail(fmt::format("{} has {} entries but no array", what, count));
    if (size < min_size)
      fail(fmt::format("{} entries are {} bytes, fewer than ABI 2.0's {}", what, size, min_size));
  }

  std::vector<AttrSpec> attrs(const tw_attr_spec* base, std::size_t count, std::size_t size,
                              const std::string& owner) const {
    check_array(base, count, size, sizeof(tw_attr_spec), "attribute specs");
    std::vector<AttrSpec> out;
    for (std::size_t i = 0; i < count; ++i) {
      auto a = element<tw_attr_spec>(base, size, i);
      AttrSpec spec;
      spec.name = str_or_empty(a.name);
      if (!matches(spec.name, "[a-z][a-z0-9_]*"))
        fail(fmt::format("{} declares attribute '{}': use lower-case letters, digits and '_'", owner,
                         spec.name));
      if (!known_value_type(a.type))
        fail(fmt::format("{} declares attribute '{}' of unknown type {}", owner, spec.name, a.type));
      spec.type = static_cast<tw_value_type>(a.type);
      spec.help = str_or_empty(a.help);
      spec.target = str_or_empty(a.target);
      const bool is_ref = spec.type == TW_VALUE_REF || spec.type == TW_VALUE_REF_LIST;
      if (is_ref && spec.target.empty())
        fail(fmt::format("{} declares reference attribute '{}' without a target layer", owner, spec.name));
      for (const auto& seen : out)
        if (seen.name == spec.name) fail(fmt::format("{} declares attribute '{}' twice", owner, spec.name));
      out.push_back(std::move(spec));
    }
    return out;
  }

  std::vector<InputRef> inputs(const char* const* list, const char* what) const {
    std::vector<InputRef> out;
    for (const auto& text : c_list(list)) {
      InputRef in = InputRef::parse(text);
      if (!matches(in.layer, "[a-z][a-z0-9_]*") || (!in.attr.empty() && !matches(in.attr, "[a-z][a-z0-9_]*")))
        fail(fmt::format("{} entry '{}' is not 'layer' or 'layer.attribute'", what, text));
      for (const auto& seen : out)
        if (seen.str() == in.str()) fail(fmt::format("{} names '{}' twice", what, text));
      out.push_back(std::move(in));
    }
    return out;
  }

 private:
  const std::filesystem::path& path_;
  std::string plugin_;
};

PluginInfo read_descriptor(const std::filesystem::path& path, const tw_plugin_v2* d) {
  PluginInfo info;
  info.name = str_or_empty(d->name);
  if (!matches(info.name, "[a-z][a-z0-9_-]*")) {
    throw SetupError(
        fmt::format("{}: plugin name '{}' is not valid: use lower-case letters, digits, '-' "
                    "and '_', starting with a letter",
                    path.string(), info.name));
  }
  if (d->create == nullptr || d->process == nullptr || d->destroy == nullptr) {
    throw SetupError(fmt::format("{}: plugin '{}' lacks create, process or destroy in its descriptor",
                                 path.string(), info.name));
  }
  DescriptorReader r(path, info.name);
  info.version = str_or_empty(d->version);
  info.summary = str_or_empty(d->summary);
  info.license = str_or_empty(d->license);
  info.languages = c_list(d->languages);
  info.requires_inputs = r.inputs(d->requires_inputs, "requires_inputs");
  info.optional_inputs = r.inputs(d->optional_inputs, "optional_inputs");
  for (const auto& opt : info.optional_inputs)
    for (const auto& req : info.requires_inputs)
      if (opt.str() == req.str()) r.fail(fmt::format("'{}' is both required and optional", opt.str()));

  r.check_array(d->provides, d->provides_count, d->provides_size, sizeof(tw_layer_spec), "provides");
  for (std::size_t i = 0; i < d->provides_count; ++i) {
    auto l = element<tw_layer_spec>(d->provides, d->provides_size, i);
    LayerSpec spec;
    spec.name = str_or_empty(l.name);
    if (!matches(spec.name, "[a-z][a-z0-9_]*"))
      r.fail(fmt::format("provided layer '{}' is not a valid name: use lower-case letters, digits and '_'",
                         spec.name));
    if (info.find_provided(spec.name) != nullptr)
      r.fail(fmt::format("layer '{}' is declared twice in provides", spec.name));
    spec.help = str_or_empty(l.help);
    spec.attrs = r.attrs(l.attrs, l.attr_count, l.attr_size, "layer '" + spec.name + "'");
    info.provides.push_back(std::move(spec));
  }
  info.doc_attrs = r.attrs(d->doc_attrs, d->doc_attr_count, d->doc_attr_size, "doc_attrs");

  r.check_array(d->params, d->param_count, d->param_size, sizeof(tw_param_spec), "params");
  for (std::size_t i = 0; i < d->param_count; ++i) {
    auto p = element<tw_param_spec>(d->params, d->param_size, i);
    ParamSpec spec;
    spec.name = str_or_empty(p.name);
    if (spec.name.empty()) r.fail(fmt::format("parameter {} has no name", i + 1));
    if (info.find_param(spec.name) != nullptr)
      r.fail(fmt::format("parameter '{}' is declared twice", spec.name));
    if (p.type < TW_PARAM_STRING || p.type > TW_PARAM_STRING_LIST)
      r.fail(
          fmt::format("parameter '{}' has unknown type {} (this host, ABI {}.{}, knows types 1 to {}); "
                      "update tagwerk or rebuild the plugin against this SDK",
                      spec.name, p.type, TW_ABI_MAJOR, TW_ABI_MINOR, static_cast<int>(TW_PARAM_STRING_LIST)));
    spec.type = static_cast<tw_param_type>(p.type);
    if (p.default_value != nullptr) spec.default_value = p.default_value;
    spec.help = str_or_empty(p.help);
    spec.required = p.required != 0;
    info.params.push_back(std::move(spec));
  }
  info.thread_safe = (d->flags & TW_PLUGIN_THREAD_SAFE) != 0;
  info.abi_major = d->abi_major;
  info.abi_minor = d->abi_minor;
  return info;
}

}  // namespace

PluginLibrary::PluginLibrary(std::unique_ptr<Handle> handle, const tw_plugin_v2* descriptor, PluginInfo info)
    : handle_(std::move(handle)), descriptor_(descriptor), info_(std::move(info)) {}

PluginLibrary::~PluginLibrary() = default;

std::shared_ptr<PluginLibrary> PluginLibrary::open(const std::filesystem::path& path) {
  auto handle = std::make_unique<Handle>();
  boost::dll::fs::error_code ec;
  handle->lib.load(path, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local, ec);
  if (ec) {
    throw SetupError(
        fmt::format("{}: cannot load plugin library: {}; check that the file is a shared "
                    "library built for this machine and that its dependencies are installed",
                    path.string(), ec.message()));
  }
  if (!handle->lib.has(TW_ENTRY_POINT_NAME)) {
    if (handle->lib.has(kAbi1EntryPoint)) {
      throw SetupError(
          fmt::format("{}: plugin was built for tagwerk ABI 1 (it exports '{}'), but this host speaks "
                      "ABI {}.{}; rebuild the plugin against the tagwerk {} SDK",
                      path.string(), kAbi1EntryPoint, TW_ABI_MAJOR, TW_ABI_MINOR, TW_ABI_MAJOR));
    }
    throw SetupError(
        fmt::format("{}: not a tagwerk plugin: it does not export '{}'; build it with "
                    "tagwerk_add_plugin() and the TAGWERK_PLUGIN macro (or export the symbol from C)",
                    path.string(), TW_ENTRY_POINT_NAME));
  }
  auto entry = handle->lib.get<const tw_plugin_v2*()>(TW_ENTRY_POINT_NAME);
  const tw_plugin_v2* d = entry();
  if (d == nullptr) {
    throw SetupError(
        fmt::format("{}: its entry point '{}' returned no descriptor", path.string(), TW_ENTRY_POINT_NAME));
  }
  if (d->abi_major != TW_ABI_MAJOR) {
    throw SetupError(
        fmt::format("{}: plugin was built for tagwerk ABI {}.{}, but this host speaks ABI {}.{}; "
                    "rebuild the plugin against the tagwerk {} SDK",
                    path.string(), d->abi_major, d->abi_minor, TW_ABI_MAJOR, TW_ABI_MINOR, TW_ABI_MAJOR));
  }
  if (d->struct_size < kMinDescriptorSize) {
    throw SetupError(
        fmt::format("{}: plugin descriptor is {} bytes, smaller than ABI {}.0 requires ({}); "
                    "the plugin is broken, rebuild it",
                    path.string(), d->struct_size, TW_ABI_MAJOR, kMinDescriptorSize));
  }
  PluginInfo info = read_descriptor(path, d);
  std::error_code fs_ec;
  auto canonical = std::filesystem::weakly_canonical(path, fs_ec);
  info.library = fs_ec ? path : canonical;
  info.data_dir = find_plugin_data_dir(info.library, info.name);
  return std::shared_ptr<PluginLibrary>(new PluginLibrary(std::move(handle), d, std::move(info)));
}

std::filesystem::path find_plugin_data_dir(const std::filesystem::path& library, const std::string& name) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path dir = library.parent_path();
  const fs::path beside = dir / name;
  if (fs::is_directory(beside, ec)) return beside;
  // <prefix>/lib/tagwerk/plugins/x.so -> <prefix>/share/tagwerk/plugins/<name>
  const fs::path shared =
      dir.parent_path().parent_path().parent_path() / "share" / "tagwerk" / "plugins" / name;
  if (fs::is_directory(shared, ec)) return shared;
  return {};
}

}  // namespace tagwerk::core
