// The German lookup behind the rules: inflected forms and compound heads of
// the shipped lexicon, and the errors a broken data file gives.
#include "valence_lexicon.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace st = tagwerk::sentiment;

namespace {

const st::Lexicon& german() {
  static const st::Lexicon lex = [] {
    st::Lexicon l;
    l.load(TAGWERK_SOURCE_DIR "/plugins/sentiment/data/de.tsv");
    return l;
  }();
  return lex;
}

std::string write_temp(const std::string& name, const std::string& content) {
  const std::string path = ::testing::TempDir() + name;
  std::ofstream(path) << content;
  return path;
}

}  // namespace

TEST(ValenceLexicon, InflectedFormsFindTheirBaseForm) {
  const float gut = *german().exact("gut");
  EXPECT_GT(gut, 0.f);
  EXPECT_EQ(german().decompound("gutes"), gut);
  EXPECT_EQ(german().decompound("guten"), gut);
  EXPECT_EQ(german().decompound("manipulationen"), *german().exact("manipulation"));
}

TEST(ValenceLexicon, CompoundsAreScoredThroughTheirHead) {
  const float head = *german().exact("manipulation");
  EXPECT_FLOAT_EQ(german().decompound("wahlmanipulationen"), st::Lexicon::kCompoundWeight * head);
  EXPECT_LT(german().decompound("hackerangriffe"), 0.f);
  EXPECT_LT(german().decompound("russland-affäre"), 0.f);
  // No sentiment in the words a compound is made of: nothing is invented.
  EXPECT_EQ(german().decompound("sondereinheit"), 0.f);
  EXPECT_EQ(german().decompound("bundesregierung"), 0.f);
}

TEST(ValenceLexicon, WithoutHeadsOnlyTheHyphenSplitsAWord) {
  EXPECT_LT(german().decompound("bekleidet"), 0.f);  // read as a compound noun: "leidet"
  EXPECT_EQ(german().decompound("bekleidet", false), 0.f);
  EXPECT_LT(german().decompound("corona-krise", false), 0.f);
  EXPECT_GT(german().decompound("umweltfreundlich", false), 0.f);
}

TEST(ValenceLexicon, ANeutralWordEndingInASentimentWordIsTheLongerHead) {
  EXPECT_EQ(german().decompound("einkommensteuer"), 0.f);  // Steuer, not teuer
  EXPECT_EQ(german().decompound("jugendlichen"), 0.f);     // not endlich
  EXPECT_EQ(german().decompound("auslandsflüge"), 0.f);    // not Lüge
  EXPECT_EQ(german().decompound("selfies"), 0.f);          // not fies
  EXPECT_LT(german().decompound("fies"), 0.f);
  EXPECT_LT(german().decompound("steuerbetrug"), 0.f);  // the head still counts
}

TEST(ValenceLexicon, GermanHasNoEnglishFalseFriends) {
  // "die" is the German article, never "to die" (-2.9 in VADER).
  EXPECT_FALSE(german().exact("die").has_value());
  EXPECT_EQ(german().decompound("die"), 0.f);
  EXPECT_EQ(german().decompound("gift"), 0.f);  // poison, not a present
}

TEST(ValenceLexicon, CaseIsFoldedOnLoadIncludingUmlauts) {
  st::Lexicon l;
  l.load(write_temp("upper.tsv", "# comment\nÄRGER\t-2\nGut\t1.5\n"));
  EXPECT_EQ(l.exact("ärger").value_or(0), -2.f);
  EXPECT_EQ(l.exact("gut").value_or(0), 1.5f);
  std::string lower;
  st::to_lower("ÜBEL Straße", lower);
  EXPECT_EQ(lower, "übel straße");
}

TEST(ValenceLexicon, EveryLoadedFileFeedsTheCompoundLookup) {
  // Heads are looked up only where some term starts: a term of a later file, inflected or
  // as the head of a compound, is found as well as one of the first.
  st::Lexicon l;
  l.load(write_temp("heads_a.tsv", "gut\t1.9\n"));
  l.load(write_temp("heads_b.tsv", "Ärger\t-1.6\nzoff\t-1.2\n"));
  EXPECT_FLOAT_EQ(l.decompound("gutes"), 1.9f);
  EXPECT_FLOAT_EQ(l.decompound("ärgers"), -1.6f);
  EXPECT_FLOAT_EQ(l.decompound("koalitionszoff"), st::Lexicon::kCompoundWeight * -1.2f);
  EXPECT_FLOAT_EQ(l.decompound("nachbarschaftsärger"), st::Lexicon::kCompoundWeight * -1.6f);
  EXPECT_EQ(l.decompound("zollamt"), 0.f);
}

TEST(ValenceLexicon, ErrorsNameTheFileAndLine) {
  st::Lexicon l;
  try {
    l.load(write_temp("bad.tsv", "gut\t1\nschlecht\tminus zwei\n"));
    FAIL() << "a score that is no number was accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("bad.tsv:2:"), std::string::npos) << e.what();
  }
  try {
    l.load("/nonexistent/de.tsv");
    FAIL() << "a missing file was accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/de.tsv"), std::string::npos) << e.what();
  }
  try {
    l.load_rules(write_temp("bad.rules.tsv", "negate\tnicht\nmaybe\tvielleicht\n"));
    FAIL() << "an unknown modifier kind was accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("bad.rules.tsv:2:"), std::string::npos) << e.what();
  }
}

TEST(ValenceLexicon, RulesFilesCarrySalutationsGreetingsAndSettings) {
  st::Lexicon l;
  EXPECT_EQ(l.emoticon_weight(), 1.f);
  EXPECT_FALSE(l.boost_valence());
  l.load_rules(write_temp("de_like.rules.tsv",
                          "salutation\tLiebe\ngreeting\tgrüß\nsetting\temoticon_weight\t3\n"
                          "setting\tboost_valence\t1\n"));
  EXPECT_TRUE(l.salutation("liebe"));
  EXPECT_FALSE(l.salutation("lieb"));
  EXPECT_TRUE(l.greeting("grüße"));
  EXPECT_FALSE(l.greeting("kolleginnen"));
  EXPECT_EQ(l.emoticon_weight(), 3.f);
  EXPECT_TRUE(l.boost_valence());
  try {
    l.load_rules(write_temp("bad_setting.rules.tsv", "setting\temoji_weight\t2\n"));
    FAIL() << "an unknown setting was accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("bad_setting.rules.tsv:1:"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("emoticon_weight"), std::string::npos) << e.what();
  }
}
