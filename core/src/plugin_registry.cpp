// Plugin discovery over the search path.
#include <tagwerk/core/plugin_registry.hpp>

#include <tagwerk/core/error.hpp>

#include <fmt/format.h>

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <system_error>

#ifndef TAGWERK_INSTALL_PLUGIN_DIR
#define TAGWERK_INSTALL_PLUGIN_DIR "/usr/local/lib/tagwerk/plugins"
#endif

namespace tagwerk::core {
namespace fs = std::filesystem;

fs::path current_executable() {
  std::error_code ec;
  fs::path p = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : p;
}

std::vector<fs::path> plugin_search_path(const std::vector<fs::path>& explicit_dirs,
                                         const fs::path& executable) {
  std::vector<fs::path> out;
  auto push = [&](const fs::path& p) {
    if (p.empty()) return;
    std::error_code ec;
    fs::path norm = fs::weakly_canonical(p, ec);
    if (ec) norm = p.lexically_normal();
    if (std::find(out.begin(), out.end(), norm) == out.end()) out.push_back(norm);
  };
  for (const auto& d : explicit_dirs) push(d);
  if (const char* env = std::getenv("TAGWERK_PLUGIN_PATH"); env != nullptr) {
    std::string_view rest(env);
    while (!rest.empty()) {
      auto colon = rest.find(':');
      push(fs::path(std::string(rest.substr(0, colon))));
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  if (!executable.empty()) push(executable.parent_path().parent_path() / "lib" / "tagwerk" / "plugins");
  push(fs::path(TAGWERK_INSTALL_PLUGIN_DIR));
  return out;
}

namespace {

// True when group `gid` is `uid`'s own private group: its primary group, with no other member.
bool private_group(gid_t gid, uid_t uid) {
  const passwd* pw = ::getpwuid(uid);
  if (pw == nullptr || pw->pw_gid != gid) return false;
  const group* gr = ::getgrgid(gid);
  if (gr == nullptr) return false;
  for (char** m = gr->gr_mem; *m != nullptr; ++m)
    if (std::strcmp(*m, pw->pw_name) != 0) return false;
  return true;
}

// Why others than the owner and root can change what `path` loads, or nullopt when they cannot
// (as ssh judges a key file: group- or world-writable, unless the group is the owner's own).
std::optional<std::string> insecure(const fs::path& path, const char* what) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  const bool others = (st.st_mode & S_IWOTH) != 0;
  const bool group = (st.st_mode & S_IWGRP) != 0 && !private_group(st.st_gid, st.st_uid);
  if (!others && !group) return std::nullopt;
  return fmt::format(
      "{}: refused: this plugin {} can be written by {} (mode {:04o}), who could make tagwerk run their "
      "code; fix it with 'chmod go-w {}', or pass --allow-insecure-plugins",
      path.string(), what, others ? "every user" : "other members of its group", st.st_mode & 07777,
      path.string());
}

}  // namespace

void PluginRegistry::add(std::shared_ptr<PluginLibrary> lib) {
  for (const auto& existing : libraries_) {
    if (existing->info().name == lib->info().name) {
      if (existing->path() != lib->path())
        problems_.push_back(fmt::format("{}: plugin '{}' is shadowed by {}, found earlier in the search path",
                                        lib->path().string(), lib->info().name, existing->path().string()));
      return;
    }
  }
  libraries_.push_back(std::move(lib));
}

void PluginRegistry::add_library(const fs::path& path) {
  if (!allow_insecure_)
    if (auto why = insecure(path, "library")) throw SetupError(*why);
  add(PluginLibrary::open(path));
}

void PluginRegistry::scan(const std::vector<fs::path>& dirs) {
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) continue;
    searched_.push_back(dir);
    if (!allow_insecure_)
      if (auto why = insecure(dir, "folder")) {
        refused_.push_back(*why);
        continue;
      }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec))
      if (entry.path().extension() == ".so" && entry.is_regular_file(ec)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      if (!allow_insecure_)
        if (auto why = insecure(f, "library")) {
          refused_.push_back(*why);
          continue;
        }
      try {
        add(PluginLibrary::open(f));
      } catch (const SetupError& e) {
        problems_.emplace_back(e.what());
      }
    }
  }
}

std::vector<PluginInfo> PluginRegistry::plugins() const {
  std::vector<PluginInfo> out;
  for (const auto& l : libraries_) out.push_back(l->info());
  std::sort(out.begin(), out.end(), [](const PluginInfo& a, const PluginInfo& b) { return a.name < b.name; });
  return out;
}

std::shared_ptr<PluginLibrary> PluginRegistry::find(const std::string& name) const {
  for (const auto& l : libraries_)
    if (l->info().name == name) return l;
  return nullptr;
}

}  // namespace tagwerk::core
