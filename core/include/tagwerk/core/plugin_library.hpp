// tagwerk/core/plugin_library.hpp -- one loaded plugin library: opened with
// Boost.DLL, its entry point resolved and its descriptor checked against the
// host's ABI before anything else in it is touched.
//
// Keep the shared_ptr alive as long as anything that came from the library
// (instances, scratch, strings) lives: the library is unloaded with the last one.
#pragma once

#include <tagwerk/abi.h>
#include <tagwerk/core/plugin_info.hpp>

#include <filesystem>
#include <memory>

namespace tagwerk::core {

class PluginLibrary {
 public:
  /// Loads the library at `path`, resolves tagwerk_plugin_v2 and checks the
  /// descriptor. Throws SetupError naming the file when it cannot be loaded,
  /// has no entry point, speaks another ABI major version (both versions are
  /// named), or its descriptor is malformed. Main thread only.
  static std::shared_ptr<PluginLibrary> open(const std::filesystem::path& path);

  ~PluginLibrary();
  PluginLibrary(const PluginLibrary&) = delete;
  PluginLibrary& operator=(const PluginLibrary&) = delete;

  const PluginInfo& info() const noexcept { return info_; }
  const tw_plugin_v2& descriptor() const noexcept { return *descriptor_; }
  const std::filesystem::path& path() const noexcept { return info_.library; }

 private:
  struct Handle;
  PluginLibrary(std::unique_ptr<Handle> handle, const tw_plugin_v2* descriptor, PluginInfo info);
  std::unique_ptr<Handle> handle_;
  const tw_plugin_v2* descriptor_;
  PluginInfo info_;
};

/// Where a plugin's shipped data lives, given its library and name: `<lib dir>/<name>/`
/// beside the library (an out-of-tree build), else `<prefix>/share/tagwerk/plugins/<name>/`
/// for a library in `<prefix>/lib/tagwerk/plugins/`. Empty when neither exists.
std::filesystem::path find_plugin_data_dir(const std::filesystem::path& library, const std::string& name);

}  // namespace tagwerk::core
