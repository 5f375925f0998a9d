// testing/runner.hpp -- the host side of the harness: plugins loaded through the
// real registry, a chain parsed and checked as `tagwerk run` does, and one
// in-memory record run through the pipeline. Private to the tagwerk tree: the
// public face is <tagwerk/testing.hpp>; the in-tree chain_harness uses this
// directly to hand core::Document to tests that assert on core types.
#pragma once

#include <tagwerk/core/chain.hpp>
#include <tagwerk/core/document.hpp>
#include <tagwerk/core/pipeline.hpp>
#include <tagwerk/core/plugin_info.hpp>
#include <tagwerk/core/plugin_registry.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tagwerk::testing::detail {

class Runner {
 public:
  /// Loads `plugins` (library files or folders) first, then `search_path` and
  /// the host's search path; parses `chain_toml` as the file `chain_file`.
  /// Throws core::SetupError (core::ChainError for the chain) as `tagwerk run`.
  Runner(const std::vector<std::string>& plugins, const std::vector<std::string>& search_path,
         std::string_view chain_toml, const std::string& chain_file);
  Runner(const Runner&) = delete;
  Runner& operator=(const Runner&) = delete;

  /// The name of the plugin in `library`; throws core::SetupError when it is none.
  static std::string plugin_name(const std::string& library);

  /// The record the reader would make of {meta..., "text": text}, analysed.
  /// Thread-safe.
  core::Document run(std::string_view text,
                     const std::vector<std::pair<std::string, std::string>>& meta) const;

  const core::Chain& chain() const noexcept { return *chain_; }

 private:
  core::PluginRegistry registry_;
  std::vector<core::PluginInfo> available_;
  std::unique_ptr<core::Chain> chain_;
  std::unique_ptr<core::Pipeline> pipeline_;
};

}  // namespace tagwerk::testing::detail
