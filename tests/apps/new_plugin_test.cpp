// `tagwerk new-plugin` as a user runs it: the folder it writes, with every
// placeholder filled, and what it refuses. That the generated plugins build
// against the installed SDK, pass their tests and run after segment is
// checked end to end in .ci/run.
#include "cli_runner.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using tagwerk::test::CliRunner;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {
std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TEST(NewPlugin, WritesACppPluginItsTestCMakeListsAndAChain) {
  CliRunner cli;
  auto r = cli.run("new-plugin my-words");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("cmake -S my-words -B my-words/build -DCMAKE_PREFIX_PATH="));
  const fs::path dir = cli.dir() / "my-words";
  for (const char* file :
       {"my_words.cpp", "my_words_test.cpp", "CMakeLists.txt", "my-words.toml", "README.md"}) {
    ASSERT_TRUE(fs::is_regular_file(dir / file)) << file;
    EXPECT_THAT(slurp(dir / file), Not(HasSubstr("@"))) << file << " has a placeholder left";
  }
  const std::string source = slurp(dir / "my_words.cpp");
  EXPECT_THAT(source, HasSubstr("class MyWords {"));
  EXPECT_THAT(source, HasSubstr(".name(\"my-words\")"));
  EXPECT_THAT(source, HasSubstr("doc.layer(\"token\").spans()"));
  EXPECT_THAT(source, HasSubstr(".provides(\"my_words\""));
  const std::string cmake = slurp(dir / "CMakeLists.txt");
  EXPECT_THAT(cmake, HasSubstr("find_package(tagwerk"));
  EXPECT_THAT(cmake, HasSubstr("set(CMAKE_BUILD_TYPE Release"));
  EXPECT_THAT(cmake, HasSubstr("tagwerk_add_plugin(my-words SOURCES my_words.cpp)"));
  EXPECT_THAT(cmake, HasSubstr("enable_testing()"));
  EXPECT_THAT(cmake,
              HasSubstr("tagwerk_add_plugin_test(my_words_test SOURCES my_words_test.cpp PLUGINS my-words)"));
  EXPECT_THAT(slurp(dir / "my_words_test.cpp"), HasSubstr("#include <tagwerk/testing.hpp>"));
  const std::string chain = slurp(dir / "my-words.toml");
  EXPECT_LT(chain.find("use = \"segment\""), chain.find("use = \"my-words\""));
}

TEST(NewPlugin, WritesAPluginInPlainC) {
  CliRunner cli;
  auto r = cli.run("new-plugin cwords --lang c --dir sub/folder");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const fs::path dir = cli.dir() / "sub" / "folder" / "cwords";
  const std::string source = slurp(dir / "cwords.c");
  EXPECT_THAT(source, HasSubstr("#include <tagwerk/abi.h>"));
  EXPECT_THAT(source, Not(HasSubstr("plugin.hpp")));
  EXPECT_THAT(source, HasSubstr("TW_EXPORT const tw_plugin_v2* tagwerk_plugin_v2(void)"));
  const std::string cmake = slurp(dir / "CMakeLists.txt");
  EXPECT_THAT(cmake, HasSubstr("LANGUAGES C CXX"));
  EXPECT_THAT(cmake, HasSubstr("tagwerk_add_plugin(cwords SOURCES cwords.c)"));
  EXPECT_THAT(cmake, HasSubstr("C_STANDARD 99"));
  EXPECT_FALSE(fs::exists(dir / "cwords.cpp"));
}

TEST(NewPlugin, RefusesAnExistingFolderAndLeavesItAlone) {
  CliRunner cli;
  cli.write("taken/notes.txt", "mine");
  auto r = cli.run("new-plugin taken");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("taken exists already"));
  EXPECT_EQ(slurp(cli.dir() / "taken" / "notes.txt"), "mine");
  EXPECT_FALSE(fs::exists(cli.dir() / "taken" / "CMakeLists.txt"));
}

TEST(NewPlugin, RefusesBadNamesSayingWhy) {
  CliRunner cli;
  const std::pair<const char*, const char*> cases[] = {
      {"MyPlugin", "must begin with a lowercase letter"},
      {"2fast", "must begin with a lowercase letter"},
      {"my.plugin", "has '.'"},
      {"trailing-", "must not end in"},
  };
  for (const auto& [name, why] : cases) {
    auto r = cli.run(std::string("new-plugin ") + tagwerk::test::quote(name));
    EXPECT_EQ(r.exit_code, 2) << name;
    EXPECT_THAT(r.err, HasSubstr(why)) << name;
    EXPECT_FALSE(fs::exists(cli.dir() / name)) << name;
  }
  auto r = cli.run("new-plugin");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("give the plugin's NAME"));
  r = cli.run("new-plugin ok --lang rust");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--lang 'rust' must be cpp or c"));
}

TEST(NewPlugin, RefusesTheNameOrLayerOfAPluginThatExists) {
  CliRunner cli;
  auto r = cli.run("new-plugin tw-words");  // a fixture plugin on the plugin path
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("a plugin named 'tw-words' exists already"));
  r = cli.run("new-plugin word");  // tw-words provides the layer `word`
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("already provides a layer 'word'"));
}
