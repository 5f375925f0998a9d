// tagwerk/core/plugin_registry.hpp -- plugin discovery: which folders are
// searched, in which order, and the catalogue of plugins found there. Finding
// and listing plugins reads descriptors only; no plugin object is created.
#pragma once

#include <tagwerk/core/plugin_info.hpp>
#include <tagwerk/core/plugin_library.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace tagwerk::core {

/// The folders searched for plugins, earliest first: `explicit_dirs` (from
/// --plugin-path), then each entry of TAGWERK_PLUGIN_PATH (':'-separated),
/// then `<exe dir>/../lib/tagwerk/plugins` (the build tree and a relocated
/// install), then the compiled-in install folder. Duplicates are dropped.
std::vector<std::filesystem::path> plugin_search_path(const std::vector<std::filesystem::path>& explicit_dirs,
                                                      const std::filesystem::path& executable);

/// The running program's own path (/proc/self/exe), empty when unknown.
std::filesystem::path current_executable();

class PluginRegistry {
 public:
  /// Refuses (the default) or accepts plugin libraries and plugin folders that
  /// users other than their owner and root may write to. A refused one is not
  /// loaded; it is listed in refused() with the fix.
  void allow_insecure(bool allow) noexcept { allow_insecure_ = allow; }

  /// Loads the descriptor of every `*.so` in each folder (not recursive).
  /// A plugin name found again in a later folder is shadowed by the first one.
  /// Files that are not loadable plugins are remembered as problems, not thrown:
  /// one broken file must not keep the other plugins from working.
  void scan(const std::vector<std::filesystem::path>& dirs);
  /// Loads one library file explicitly; throws SetupError when it is no plugin.
  void add_library(const std::filesystem::path& path);

  /// Every plugin found, sorted by name.
  std::vector<PluginInfo> plugins() const;
  /// The library of plugin `name`, or nullptr.
  std::shared_ptr<PluginLibrary> find(const std::string& name) const;
  /// "file: reason" lines for files skipped during scan() and shadowed duplicates.
  const std::vector<std::string>& problems() const noexcept { return problems_; }
  const std::vector<std::filesystem::path>& searched() const noexcept { return searched_; }
  /// "file: refused ... fix" lines for libraries and folders others may write to.
  const std::vector<std::string>& refused() const noexcept { return refused_; }

 private:
  void add(std::shared_ptr<PluginLibrary> lib);
  std::vector<std::shared_ptr<PluginLibrary>> libraries_;
  std::vector<std::string> problems_;
  std::vector<std::filesystem::path> searched_;
  std::vector<std::string> refused_;
  bool allow_insecure_ = false;
};

}  // namespace tagwerk::core
