// The word lists: what a line means, and the errors a bad file gives.
#include "lexicon.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using tagwerk::quotes::Lexicon;

struct DataDir {
  fs::path dir = fs::temp_directory_path() / ("quotes_lexicon_test_" + std::to_string(::getpid()));
  DataDir() { fs::create_directories(dir); }
  ~DataDir() { fs::remove_all(dir); }
  void write(const std::string& name, const std::string& content) const {
    std::ofstream(dir / name) << content;
  }
};

std::string load_error(const DataDir& d) {
  std::vector<std::string> files;
  try {
    Lexicon::load(d.dir.string(), "xx", files);
  } catch (const std::exception& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST(QuotesLexicon, ShippedListsKnowCuesFormsAndRoles) {
  std::vector<std::string> files;
  const Lexicon de = Lexicon::load(TAGWERK_SOURCE_DIR "/plugins/quotes/data", "de", files);
  EXPECT_EQ(files.size(), 4u);  // .cues, .konjunktiv, .speakers, .lowercase
  EXPECT_TRUE(de.flags("sagte") & tagwerk::quotes::kCueVerb);
  ASSERT_NE(de.find("zwar"), nullptr);
  EXPECT_TRUE(de.find("zwar")->lowercase);
  ASSERT_NE(de.find("sprecher"), nullptr);  // a role noun: German writes it with a capital
  EXPECT_FALSE(de.find("sprecher")->lowercase);
  EXPECT_TRUE(de.flags("habe") & tagwerk::quotes::kKonj1);
  EXPECT_TRUE(de.flags("hätte") & tagwerk::quotes::kKonj2);
  EXPECT_TRUE(de.is_role("us-präsident"));
  EXPECT_TRUE(de.is_role("regierungssprecher"));
  EXPECT_FALSE(de.is_role("haus"));
  ASSERT_NE(de.find("hieß"), nullptr);
  EXPECT_FALSE(de.find("hieß")->phrases.empty());
}

TEST(QuotesLexicon, AMissingFileIsNamed) {
  DataDir d;
  const std::string e = load_error(d);
  EXPECT_NE(e.find("xx.cues"), std::string::npos) << e;
  EXPECT_NE(e.find("data folder"), std::string::npos) << e;
}

TEST(QuotesLexicon, ABadLineNamesFileLineAndTheTypes) {
  DataDir d;
  d.write("xx.cues", "# comment\nverb\tsagte\nverbs sagte\n");
  d.write("xx.konjunktiv", "");
  d.write("xx.speakers", "");
  const std::string e = load_error(d);
  EXPECT_NE(e.find("xx.cues:3"), std::string::npos) << e;
  EXPECT_NE(e.find("verb, source, after, so"), std::string::npos) << e;
}
