// Shared pieces of the corpus I/O tests: a fixture with a scratch folder, and
// reading every record of an input.
#pragma once

#include <tagwerk/core/document.hpp>
#include <tagwerk/core/input.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace tagwerk::core::test {

/// A test with its own scratch folder, removed afterwards.
class TempDirTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string tmpl = (std::filesystem::temp_directory_path() / "tw-io-XXXXXX").string();
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  /// Writes `bytes` to `name` inside the scratch folder (creating folders) and returns its path.
  std::string write(const std::string& name, const std::string& bytes) {
    const std::filesystem::path path = dir_ / name;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
  }

  std::filesystem::path dir_;
};

inline std::vector<Document> read_all(const InputOptions& options) {
  auto reader = open_input(options);
  std::vector<Document> docs;
  Document doc;
  while (reader->next(doc)) docs.push_back(std::move(doc));
  return docs;
}

inline InputOptions options_for(std::vector<std::string> paths) {
  InputOptions o;
  o.paths = std::move(paths);
  return o;
}

}  // namespace tagwerk::core::test
