// The segment plugin through the real loader on the seed article: the
// sentences and their languages match the golden file checked by eye, and the
// English tweets inside the German article are marked `en`.
#include "chain_harness.hpp"

#include <gtest/gtest.h>

#include <sstream>

using tagwerk::test::ChainHarness;
using tagwerk::test::read_file;
using tagwerk::test::span_text;

namespace {
const std::string kData = std::string(TAGWERK_SOURCE_DIR) + "/tests/plugins/segment/data/";

struct GoldenSentence {
  std::uint32_t begin, end;
  std::string lang;
};

std::vector<GoldenSentence> golden() {
  std::istringstream in(read_file(kData + "seed.golden.tsv"));
  std::string line;
  std::getline(in, line);  // header
  std::vector<GoldenSentence> out;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    GoldenSentence g;
    fields >> g.begin >> g.end >> g.lang;
    out.push_back(g);
  }
  return out;
}
}  // namespace

TEST(SegmentPlugin, SeedSentencesMatchTheGoldenFileThroughTheRealLoader) {
  ChainHarness chain("[[step]]\nuse = \"segment\"\n");
  auto doc = chain.run(read_file(kData + "seed.txt"), {{"id", "seed-000"}, {"lang", "de"}});
  ASSERT_TRUE(doc.errors.empty()) << doc.errors[0].message;
  const auto* sentences = doc.find_layer("sentence");
  ASSERT_NE(sentences, nullptr);
  auto gold = golden();
  ASSERT_EQ(sentences->size(), gold.size());
  for (std::size_t i = 0; i < gold.size(); ++i) {
    EXPECT_EQ(sentences->spans()[i].begin, gold[i].begin)
        << "sentence " << i << ": " << span_text(doc, *sentences, i);
    EXPECT_EQ(sentences->spans()[i].end, gold[i].end) << "sentence " << i;
    EXPECT_EQ(sentences->column("lang")->string_at(i), gold[i].lang) << "sentence " << i;
  }
}

TEST(SegmentPlugin, TweetParagraphsAreEnglishTheRestGerman) {
  ChainHarness chain("[[step]]\nuse = \"segment\"\n");
  auto doc = chain.run(read_file(kData + "seed.txt"));
  const auto* paragraphs = doc.find_layer("paragraph");
  ASSERT_NE(paragraphs, nullptr);
  int english = 0;
  for (std::size_t i = 0; i < paragraphs->size(); ++i) {
    const std::string text = span_text(doc, *paragraphs, i);
    const std::string lang(paragraphs->column("lang")->string_at(i));
    const bool tweet = text.find("Putin & I discussed") != std::string::npos ||
                       text.find("I strongly pressed") != std::string::npos ||
                       text.find("Partnering with Putin") != std::string::npos;
    EXPECT_EQ(lang, tweet ? "en" : "de") << text;
    english += tweet;
  }
  EXPECT_EQ(english, 3);
}

TEST(SegmentPlugin, DatesOrdinalsAndAbbreviationsStayInOneTokenAndSentence) {
  ChainHarness chain("[[step]]\nuse = \"segment\"\n");
  auto doc =
      chain.run("Dr. Müller kam am 07. Juli 2017 um 20:06 Uhr, z. B. mit dem US-Präsident. Dann ging er.");
  const auto* sentences = doc.find_layer("sentence");
  ASSERT_EQ(sentences->size(), 2u);
  EXPECT_EQ(span_text(doc, *sentences, 1), "Dann ging er.");
  const auto* tokens = doc.find_layer("token");
  std::vector<std::string> words;
  for (std::size_t i = 0; i < tokens->size(); ++i) words.push_back(span_text(doc, *tokens, i));
  EXPECT_NE(std::find(words.begin(), words.end(), "07."), words.end());
  EXPECT_NE(std::find(words.begin(), words.end(), "20:06"), words.end());
  EXPECT_NE(std::find(words.begin(), words.end(), "US-Präsident"), words.end());
  EXPECT_NE(std::find(words.begin(), words.end(), "Dr."), words.end());
}
