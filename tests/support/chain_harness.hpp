// Runs a chain of the shipped plugins, loaded from the build tree through the
// real loader, on single documents, and hands out the core::Document -- for
// in-tree tests that assert on core types. A thin user of the plugin test
// harness's runner; plugin tests use <tagwerk/testing.hpp> instead.
#pragma once

#include <tagwerk/core/document.hpp>
#include <tagwerk/core/io_options.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace tagwerk::testing::detail {
class Runner;
}

namespace tagwerk::test {

class ChainHarness {
 public:
  /// Loads the plugins the build staged and the chain given as TOML text.
  /// Throws SetupError / ChainError as `tagwerk run` would report them.
  explicit ChainHarness(const std::string& chain_toml);
  ~ChainHarness();

  /// Runs the chain on one document with these metadata fields (key, string value).
  core::Document run(std::string text, const std::vector<std::pair<std::string, std::string>>& meta = {});

  /// The record as `tagwerk run` writes it (without the trailing newline).
  std::string json(const core::Document& doc, core::OffsetUnit unit = core::OffsetUnit::codepoints) const;

 private:
  std::unique_ptr<testing::detail::Runner> runner_;
};

/// The file's bytes; fails the test (throws) when it cannot be read.
std::string read_file(const std::filesystem::path& path);

/// The text of span i of `layer` in `doc` (byte offsets).
std::string span_text(const core::Document& doc, const core::Layer& layer, std::size_t i);

}  // namespace tagwerk::test
