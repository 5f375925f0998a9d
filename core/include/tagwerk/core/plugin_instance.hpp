// tagwerk/core/plugin_instance.hpp -- one chain step's live plugin: created
// from its library with the step's resolved parameters, run on documents from
// any number of worker threads, with per-thread scratch, serialization of
// plugins that are not thread-safe, the time spent, and the error firewall.
#pragma once

#include <tagwerk/core/chain.hpp>
#include <tagwerk/core/document.hpp>
#include <tagwerk/core/plugin_library.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

namespace tagwerk::core {

class PluginInstance {
 public:
  /// Creates the plugin (its create() runs here: data is loaded). Main thread.
  /// Throws SetupError "<where>: step N (name): <the plugin's reason>" when the
  /// plugin refuses the configuration.
  PluginInstance(std::shared_ptr<PluginLibrary> library, std::vector<StepParam> params, std::string where);
  /// Destroys every scratch, then the instance. Main thread, after the run.
  ~PluginInstance();
  PluginInstance(const PluginInstance&) = delete;
  PluginInstance& operator=(const PluginInstance&) = delete;

  /// Runs the plugin on `doc`. Returns true on success; on failure the reason
  /// is in doc.errors (tagged with the plugin's name). A misuse of the host
  /// (a denied write, a bad index) puts an error on the record but is no
  /// failure of the step when the plugin still returns OK. Never throws. Safe to
  /// call from several threads at once with different documents.
  bool process(Document& doc);

  const PluginInfo& info() const noexcept;
  std::uint64_t nanoseconds() const noexcept;  // time spent in process(), all threads
  std::uint64_t documents() const noexcept;
  std::uint64_t failures() const noexcept;
  /// The data files the plugin reported loading (data_file_loaded), in the
  /// order reported, each once. Main thread, after construction.
  const std::vector<std::filesystem::path>& data_files() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tagwerk::core
