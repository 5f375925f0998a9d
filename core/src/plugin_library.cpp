// Loading a plugin library and copying its descriptor into a PluginInfo.
#define BOOST_DLL_USE_STD_FS
#include <tagwerk/core/plugin_library.hpp>

#include <tagwerk/core/error.hpp>

#include <fmt/format.h>
#include <boost/dll/shared_library.hpp>

#include <cstddef>
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

// The fields every ABI 1.x descriptor has, up to and including destroy.
constexpr std::size_t kMinDescriptorSize = offsetof(tw_plugin_v1, destroy) + sizeof(tw_plugin_v1::destroy);

bool valid_name(const std::string& name) {
  static const std::regex kName("[a-z][a-z0-9_-]*");  // setup only, never per document
  return std::regex_match(name, kName);
}

}  // namespace

PluginLibrary::PluginLibrary(std::unique_ptr<Handle> handle, const tw_plugin_v1* descriptor, PluginInfo info)
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
    throw SetupError(
        fmt::format("{}: not a tagwerk plugin: it does not export '{}'; build it with "
                    "tagwerk_add_plugin() and the TAGWERK_PLUGIN macro (or export the symbol from C)",
                    path.string(), TW_ENTRY_POINT_NAME));
  }
  auto entry = handle->lib.get<const tw_plugin_v1*()>(TW_ENTRY_POINT_NAME);
  const tw_plugin_v1* d = entry();
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
  PluginInfo info;
  info.name = str_or_empty(d->name);
  if (!valid_name(info.name)) {
    throw SetupError(
        fmt::format("{}: plugin name '{}' is not valid: use lower-case letters, digits, '-' "
                    "and '_', starting with a letter",
                    path.string(), info.name));
  }
  if (d->create == nullptr || d->process == nullptr || d->destroy == nullptr) {
    throw SetupError(fmt::format("{}: plugin '{}' lacks create, process or destroy in its descriptor",
                                 path.string(), info.name));
  }
  info.version = str_or_empty(d->version);
  info.summary = str_or_empty(d->summary);
  info.license = str_or_empty(d->license);
  info.languages = c_list(d->languages);
  info.requires_layers = c_list(d->requires_layers);
  info.provides_layers = c_list(d->provides_layers);
  for (std::size_t i = 0; i < d->param_count && d->params != nullptr; ++i) {
    const tw_param_spec& p = d->params[i];
    ParamSpec spec;
    spec.name = str_or_empty(p.name);
    spec.type = p.type;
    if (p.default_value != nullptr) spec.default_value = p.default_value;
    spec.help = str_or_empty(p.help);
    spec.required = p.required != 0;
    info.params.push_back(std::move(spec));
  }
  info.thread_safe = (d->flags & TW_PLUGIN_THREAD_SAFE) != 0;
  info.abi_major = d->abi_major;
  info.abi_minor = d->abi_minor;
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
