// The sentiment plugin after segment, through the real loader on the plugin
// test harness: the seed article as a user sees it in the output.
#include <tagwerk/testing.hpp>

#include <gtest/gtest.h>

#include <map>
#include <set>

#include <cmath>
#include <string>

using tagwerk::testing::Harness;
using tagwerk::testing::plugins_under_test;
using tagwerk::testing::read_file;
using tagwerk::testing::Result;
using tagwerk::testing::Span;

namespace {

const char* kChain =
    "[[step]]\nuse = \"segment\"\n\n[[step]]\nuse = \"sentiment\"\ntargets = [\"Treffen\", "
    "\"Cyberkriminalität\"]\n";

Result seed() {
  static const Harness chain(plugins_under_test(), kChain);
  return chain.run(read_file(std::string(TAGWERK_SOURCE_DIR) + "/tests/plugins/sentiment/data/seed_000.txt"),
                   {{"id", "seed-000"}, {"lang", "de"}});
}

// The sentence-scope record whose text contains `phrase`.
const Span& sentence_with(const Result& r, const std::string& phrase) {
  for (const auto& s : r.layer("sentiment"))
    if (s.string("scope") == "sentence" && s.text.find(phrase) != std::string::npos) return s;
  throw std::runtime_error("no sentence record contains: " + phrase);
}

// The first target-scope record, or nullptr.
const Span* first_target(const Result& r) {
  for (const auto& s : r.layer("sentiment"))
    if (s.string("scope") == "target") return &s;
  return nullptr;
}

}  // namespace

TEST(SentimentPlugin, SeedQuotesAndStatements) {
  const Result r = seed();
  ASSERT_TRUE(r.ok()) << r.messages();
  // Graham: "not the dumbest idea ... but pretty close".
  EXPECT_EQ(sentence_with(r, "nicht die dümmste Idee").label, "neg");
  // Rubio, in German and in his tweet: partnering with Putin is like partnering with Assad.
  EXPECT_EQ(sentence_with(r, "Baschar al-Assad bei Chemiewaffen").label, "neg");
  EXPECT_EQ(sentence_with(r, "is akin to partnering with Assad").label, "neg");
  EXPECT_EQ(sentence_with(r, "welch ein gutes Treffen").label, "pos");
  EXPECT_EQ(sentence_with(r, "Schließlich standen die Gespräche unter keinem so guten Stern").label, "neg");
}

TEST(SentimentPlugin, SeedTweetsAreScoredAsEnglishTheRestAsGerman) {
  const Result r = seed();
  ASSERT_TRUE(r.ok()) << r.messages();
  EXPECT_EQ(sentence_with(r, "I strongly pressed President Putin").string("lang"), "en");
  EXPECT_EQ(sentence_with(r, "He vehemently denied it").string("lang"), "en");
  EXPECT_EQ(sentence_with(r, "Putin & I discussed").string("lang"), "en");
  EXPECT_EQ(sentence_with(r, "Cyberkriminalität den Kampf ansagen").string("lang"), "de");
  EXPECT_EQ(sentence_with(r, "He vehemently denied it").label, "neg");
}

TEST(SentimentPlugin, TheGermanArticleDieIsNeverToDie) {
  const Result r = seed();
  ASSERT_TRUE(r.ok()) << r.messages();
  // "die" five times over and nothing else with a polarity.
  const Span& s = sentence_with(r, "schüttelt US-Präsident Trump die Hand");
  EXPECT_EQ(s.real("score"), 0.0);
  EXPECT_EQ(s.label, "neu");
  for (const auto& x : r.layer("sentiment"))
    if (x.string("scope") == "sentence" && x.string("lang") == "de") {
      EXPECT_GT(x.real("score"), -0.9) << x.text;  // AFINN read the seed at -43
    }
}

TEST(SentimentPlugin, DocumentAndTargetRecords) {
  const Result r = seed();
  ASSERT_TRUE(r.ok()) << r.messages();
  const auto& layer = r.layer("sentiment");
  ASSERT_FALSE(layer.empty());
  EXPECT_EQ(layer[0].string("scope"), "document");
  EXPECT_EQ(layer[0].begin, 0u);
  EXPECT_EQ(layer[0].end, r.text.size());
  int targets = 0;
  for (const auto& s : layer) {
    EXPECT_GE(s.real("score"), -1.0);
    EXPECT_LE(s.real("score"), 1.0);
    EXPECT_TRUE(s.label == "pos" || s.label == "neg" || s.label == "neu") << s.label;
    if (s.string("scope") != "target") continue;
    ++targets;
    if (s.text == "Cyberkriminalität") {
      EXPECT_EQ(s.label, "neg");  // crime, scored through the compound's head
    }
  }
  EXPECT_EQ(targets, 2 + 5);  // Treffen twice, Cyberkriminalität five times
  EXPECT_NE(r.record.find("\"scope\":\"document\""), std::string::npos);
}

TEST(SentimentPlugin, TargetSpansFromTheInputRecord) {
  const Harness chain(plugins_under_test(), "[[step]]\nuse = \"segment\"\n\n[[step]]\nuse = \"sentiment\"\n");
  const Result r = chain.run("Die Maskenpflicht ist eine gute Idee.",
                             {{"id", "t1"}, {"lang", "de"}, {"targets", "[{\"begin\": 4, \"end\": 17}]"}});
  ASSERT_TRUE(r.ok()) << r.messages();
  const Span* target = first_target(r);
  ASSERT_NE(target, nullptr);
  EXPECT_EQ(target->text, "Maskenpflicht");
  EXPECT_EQ(target->label, "pos");
}

TEST(SentimentPlugin, EnglishTargetsAreScoredByTheLearnedClassifier) {
  const Harness chain(plugins_under_test(), "[[step]]\nuse = \"segment\"\n\n[[step]]\nuse = \"sentiment\"\n");
  const std::string text = "Critics accused Johnson of lying to the public about the failed policy.";
  const Result r = chain.run(text, {{"id", "t2"}, {"lang", "en"}, {"targets", "16-23"}});
  ASSERT_TRUE(r.ok()) << r.messages();
  const Span* target = first_target(r);
  ASSERT_NE(target, nullptr);
  EXPECT_EQ(target->text, "Johnson");
  EXPECT_EQ(target->label, "neg");
  // The classifier's score is P(pos) - P(neg), not the rules' normalized sum.
  EXPECT_LT(target->real("score"), 0.0);
}

TEST(SentimentPlugin, EnglishDocumentsBlendTheShippedModelWithTheRules) {
  const std::string text = "The senator's plan was praised by some, but critics called it a costly failure.";
  const Harness blended(plugins_under_test(),
                        "[[step]]\nuse = \"segment\"\n\n[[step]]\nuse = \"sentiment\"\n");
  const Harness rules(
      plugins_under_test(),
      "[[step]]\nuse = \"segment\"\n\n[[step]]\nuse = \"sentiment\"\ndocument_model_en = \"\"\n");
  const Result b = blended.run(text, {{"id", "e1"}, {"lang", "en"}});
  const Result r = rules.run(text, {{"id", "e1"}, {"lang", "en"}});
  ASSERT_TRUE(b.ok()) << b.messages();
  const Span with_model = b.layer("sentiment")[0];
  const Span without = r.layer("sentiment")[0];
  ASSERT_EQ(with_model.string("scope"), "document");
  EXPECT_EQ(with_model.label, "neg");
  EXPECT_EQ(without.label, "neg");
  // The model moves the score, but the rules keep three quarters of it.
  EXPECT_NE(with_model.real("score"), without.real("score"));
  EXPECT_LT(std::abs(with_model.real("score") - 0.75 * without.real("score")), 0.25 + 1e-9);
}

TEST(SentimentPlugin, AGermanTweetSharingALinkIsNeutralByDefault) {
  const Harness chain(plugins_under_test(), "[[step]]\nuse = \"segment\"\n\n[[step]]\nuse = \"sentiment\"\n");
  const Harness full(plugins_under_test(),
                     "[[step]]\nuse = \"segment\"\n\n[[step]]\nuse = \"sentiment\"\nlink_share_de = 1.0\n");
  const std::string text = "Günstiger Anbieter für Online-Darlehen in Deutschland http://t.co/G84qcIGk7k";
  const Result r = chain.run(text, {{"id", "l1"}, {"lang", "de"}});
  const Result f = full.run(text, {{"id", "l1"}, {"lang", "de"}});
  ASSERT_TRUE(r.ok()) << r.messages();
  EXPECT_EQ(f.layer("sentiment")[0].label, "pos");
  EXPECT_EQ(r.layer("sentiment")[0].label, "neu");
  EXPECT_GT(r.layer("sentiment")[0].real("score"), 0.0);
}

TEST(SentimentPlugin, ABadBandNamesTheParameterAndTheRange) {
  try {
    Harness chain(plugins_under_test(),
                  "[[step]]\nuse = \"segment\"\n\n[[step]]\nuse = \"sentiment\"\nneutral_band_de = 2.0\n");
    FAIL() << "a band of 2 was accepted";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("'neutral_band_de' must be in [0, 1)"), std::string::npos)
        << e.what();
  }
}

TEST(SentimentPlugin, TargetsAreAListNotASeparatedString) {
  try {
    Harness chain(plugins_under_test(),
                  "[[step]]\nuse = \"segment\"\n\n[[step]]\nuse = \"sentiment\"\ntargets = "
                  "\"Maskenpflicht|Impfpflicht\"\n");
    FAIL() << "a string was accepted for the list parameter targets";
  } catch (const std::exception& e) {
    EXPECT_NE(
        std::string(e.what()).find("parameter 'targets' of sentiment must be an array of strings, got a "
                                   "string (\"Maskenpflicht|Impfpflicht\"); write targets = "
                                   "[\"Maskenpflicht|Impfpflicht\"]"),
        std::string::npos)
        << e.what();
  }
}

TEST(SentimentPlugin, AnEmptyTargetIsRefusedWithTheFix) {
  try {
    Harness chain(plugins_under_test(),
                  "[[step]]\nuse = \"segment\"\n\n[[step]]\nuse = \"sentiment\"\ntargets = "
                  "[\"Maskenpflicht\", \"\"]\n");
    FAIL() << "an empty target term was accepted";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("parameter 'targets' has an empty item"), std::string::npos)
        << e.what();
  }
}

TEST(SentimentPlugin, ABadLexiconParameterNamesTheFile) {
  try {
    Harness chain(
        plugins_under_test(),
        "[[step]]\nuse = \"segment\"\n\n[[step]]\nuse = \"sentiment\"\nlexicon_de = [\"nosuch.tsv\"]\n");
    FAIL() << "a missing lexicon was accepted";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("nosuch.tsv"), std::string::npos) << e.what();
  }
}

TEST(SentimentPlugin, EntityRecordsAndQuotesFromEarlierSteps) {
  const std::string chain =
      "[[step]]\nuse = \"segment\"\n\n[[step]]\nuse = \"tw-entity-stub\"\nnames = \"Putin|Graham|Rubio\"\n\n"
      "[[step]]\nuse = \"sentiment\"\n";
  const std::string text =
      read_file(std::string(TAGWERK_SOURCE_DIR) + "/tests/plugins/sentiment/data/seed_000.txt");
  const Result r = Harness(plugins_under_test(), chain).run(text, {{"id", "seed-000"}, {"lang", "de"}});
  ASSERT_TRUE(r.ok()) << r.messages();
  const auto& entity = r.layer("entity");
  std::vector<std::string> names;
  for (const auto& s : r.layer("sentiment")) {
    if (s.string("scope") != "entity") continue;
    EXPECT_FALSE(s.anchored());  // one record per cluster, no extent
    EXPECT_EQ(s.at("target").ref.layer, "entity");
    const auto& first = entity[s.ref("target")];
    EXPECT_EQ(first.ref("cluster"), s.ref("target"));  // the cluster's first mention
    names.push_back(first.text);
    if (first.text == "Putin") {
      EXPECT_GT(s.integer("evidence"), 0);
    }
  }
  EXPECT_EQ(names, (std::vector<std::string>{"Putin", "Graham", "Rubio"}));
  // Quotes speak for their speakers: with the quote layer the document score changes.
  const Result plain = Harness(plugins_under_test(), chain + "quote_aware = false\n")
                           .run(text, {{"id", "seed-000"}, {"lang", "de"}});
  ASSERT_TRUE(plain.ok()) << plain.messages();
  EXPECT_NE(r.layer("sentiment")[0].real("score"), plain.layer("sentiment")[0].real("score"));
}

TEST(SentimentPlugin, EntityRecordsFromTheEntitiesAndQuotesPlugins) {
  const std::string chain =
      "[[step]]\nuse = \"segment\"\n\n[[step]]\nuse = \"entities\"\n\n[[step]]\nuse = \"quotes\"\n\n"
      "[[step]]\nuse = \"sentiment\"\n";
  const std::string text =
      read_file(std::string(TAGWERK_SOURCE_DIR) + "/tests/plugins/sentiment/data/seed_000.txt");
  const Result r = Harness(plugins_under_test(), chain).run(text, {{"id", "seed-000"}, {"lang", "de"}});
  ASSERT_TRUE(r.ok()) << r.messages();
  const auto& entity = r.layer("entity");
  std::map<std::string, double> score_of;  // canonical name -> entity score
  std::size_t records = 0;
  for (const auto& s : r.layer("sentiment")) {
    if (s.string("scope") != "entity") continue;
    ++records;
    const auto& first = entity[s.ref("target")];
    EXPECT_EQ(first.ref("cluster"), s.ref("target"));
    EXPECT_EQ(first.string("subtype"), "") << "no record for the derived word '" << first.text << "'";
    score_of[first.string("name")] = s.real("score");
  }
  std::set<std::size_t> clusters;
  for (const auto& e : entity)
    if (e.string("subtype").empty()) clusters.insert(e.ref("cluster"));
  EXPECT_EQ(records, clusters.size()) << "one record per entity cluster";
  ASSERT_TRUE(score_of.count("Donald J. Trump"));
  ASSERT_TRUE(score_of.count("Wladimir Putin"));
  // The article is about doubts over the Trump-Putin cyber unit.
  EXPECT_LT(score_of["Wladimir Putin"], 0.0);
  EXPECT_LT(score_of["Donald J. Trump"], 0.0);
}
