// The segment plugin through the real loader, on the plugin test harness as a
// third-party plugin's tests run: on the seed article the sentences and their
// languages match the golden file checked by eye, and the English tweets
// inside the German article are marked `en`.
#include <tagwerk/testing.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

using tagwerk::testing::Harness;
using tagwerk::testing::plugins_under_test;
using tagwerk::testing::read_file;

namespace {
const std::string kData = std::string(TAGWERK_SOURCE_DIR) + "/tests/plugins/segment/data/";
const char* const kChain = "[[step]]\nuse = \"segment\"\n";

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
  const Harness segment(plugins_under_test(), kChain);
  const auto r = segment.run(read_file(kData + "seed.txt"), {{"id", "seed-000"}, {"lang", "de"}});
  ASSERT_TRUE(r.ok()) << r.messages();
  EXPECT_TRUE(r.warnings.empty()) << r.messages();
  const auto& sentences = r.layer("sentence");
  auto gold = golden();
  ASSERT_EQ(sentences.size(), gold.size());
  for (std::size_t i = 0; i < gold.size(); ++i) {
    EXPECT_EQ(sentences[i].begin, gold[i].begin) << "sentence " << i << ": " << sentences[i].text;
    EXPECT_EQ(sentences[i].end, gold[i].end) << "sentence " << i;
    EXPECT_EQ(sentences[i].string("lang"), gold[i].lang) << "sentence " << i;
  }
}

TEST(SegmentPlugin, TweetParagraphsAreEnglishTheRestGerman) {
  const Harness segment(plugins_under_test(), kChain);
  const auto r = segment.run(read_file(kData + "seed.txt"));
  int english = 0;
  for (const auto& paragraph : r.layer("paragraph")) {
    const bool tweet = paragraph.text.find("Putin & I discussed") != std::string::npos ||
                       paragraph.text.find("I strongly pressed") != std::string::npos ||
                       paragraph.text.find("Partnering with Putin") != std::string::npos;
    EXPECT_EQ(paragraph.string("lang"), tweet ? "en" : "de") << paragraph.text;
    english += tweet;
  }
  EXPECT_EQ(english, 3);
}

TEST(SegmentPlugin, DatesOrdinalsAndAbbreviationsStayInOneTokenAndSentence) {
  const Harness segment(plugins_under_test(), kChain);
  const auto r =
      segment.run("Dr. Müller kam am 07. Juli 2017 um 20:06 Uhr, z. B. mit dem US-Präsident. Dann ging er.");
  const auto& sentences = r.layer("sentence");
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[1].text, "Dann ging er.");
  EXPECT_THAT(r.layer("token").texts(), testing::IsSupersetOf({"07.", "20:06", "US-Präsident", "Dr."}));
}

TEST(SegmentPlugin, TheRecordIsWhatTagwerkRunWrites) {
  const Harness segment(plugins_under_test(), kChain);
  const auto r = segment.run("Grüße aus Berlin.", {{"id", "a1"}, {"lang", "de"}});
  ASSERT_TRUE(r.ok()) << r.messages();
  // The harness gives byte offsets, as the plugin wrote them; the record code
  // points, as `tagwerk run` writes it: "Grüße" is 7 bytes, 5 characters.
  EXPECT_EQ(r.layer("token")[0].end, 7u);
  // What `tagwerk run --chain segment.toml` writes for {"id":"a1","lang":"de","text":"Grüße aus Berlin."}.
  EXPECT_EQ(r.record,
            R"({"id":"a1","lang":"de","text":"Grüße aus Berlin.","doc":{},"annotations":{)"
            R"("paragraph":[{"begin":0,"end":17,"lang":"de"}],"sentence":[{"begin":0,"end":17,"lang":"de"}],)"
            R"("token":[{"begin":0,"end":5,"label":"word"},{"begin":6,"end":9,"label":"word"},)"
            R"({"begin":10,"end":16,"label":"word"},{"begin":16,"end":17,"label":"punct"}]},)"
            R"("errors":[],"warnings":[]})");
}

TEST(SegmentPlugin, InvalidUtf8IsRepairedWithAWarningNotAnError) {
  const Harness segment(plugins_under_test(), kChain);
  const auto r = segment.run("Ein kaputtes \xC3 Zeichen.");
  EXPECT_TRUE(r.ok()) << r.messages();
  ASSERT_EQ(r.warnings.size(), 1u) << r.messages();
  EXPECT_EQ(r.warnings[0].plugin, "input");
  EXPECT_EQ(r.text, "Ein kaputtes \xEF\xBF\xBD Zeichen.");
}
