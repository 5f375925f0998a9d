// The quotes plugin after segment, through the real loader on the plugin test
// harness, on the seed article: its statements, their kinds and speakers, as a
// user reads them in the output; then with timeline after it.
#include <tagwerk/testing.hpp>

#include <gtest/gtest.h>

#include <string>

using tagwerk::testing::Harness;
using tagwerk::testing::plugins_under_test;
using tagwerk::testing::read_file;
using tagwerk::testing::Result;

namespace {

const char* kChain = "[[step]]\nuse = \"segment\"\n\n[[step]]\nuse = \"quotes\"\n";

std::string seed() {
  return read_file(std::string(TAGWERK_SOURCE_DIR) + "/tests/plugins/quotes/data/seed_000.txt");
}

const Result& seed_result() {
  static const Result r =
      Harness(plugins_under_test(), kChain).run(seed(), {{"id", "seed-000"}, {"lang", "de"}});
  return r;
}

// The smallest quote overlapping the first occurrence of `phrase` (a partial quote
// rather than the indirect statement around it), as "kind | speaker | mention";
// "(none)" when there is none.
std::string quote_of(const Result& r, const std::string& phrase) {
  const auto at = r.text.find(phrase);
  if (at == std::string::npos) return "(phrase not in text)";
  const auto& speakers = r.layer("quote_speaker");
  const tagwerk::testing::Span* best = nullptr;
  for (const auto& q : r.layer("quote"))
    if (q.begin < at + phrase.size() && at < q.end && (!best || q.end - q.begin < best->end - best->begin))
      best = &q;
  if (!best) return "(none)";
  return best->string("kind") + " | " + best->string("speaker") + " | " +
         (best->has("speaker_span") ? speakers[best->ref("speaker_span")].text : std::string("-"));
}

}  // namespace

TEST(QuotesPlugin, SeedDirectPartialAndEmbeddedQuotesWithTheirSpeakers) {
  const Result& r = seed_result();
  ASSERT_TRUE(r.ok()) << r.messages();
  // Trump five times: a direct quote, one after a colon, two tweets and a partial quote.
  EXPECT_EQ(quote_of(r, "Es ist an der Zeit"), "direct | Donald Trump | Trump");
  EXPECT_EQ(quote_of(r, "Putin und ich haben"), "direct | Donald Trump | er");
  EXPECT_EQ(quote_of(r, "Putin & I discussed"), "embedded | Donald J. Trump | Donald J. Trump");
  EXPECT_EQ(quote_of(r, "\"zweimal starken Druck\""), "partial | Donald Trump | Er");
  EXPECT_EQ(quote_of(r, "I strongly pressed"), "embedded | Donald J. Trump | Donald J. Trump");
  EXPECT_EQ(quote_of(r, "Der Präsident hat das Dementi"), "direct | Reince Priebus | Reince Priebus");
  EXPECT_EQ(quote_of(r, "Das ist nicht die dümmste Idee"),
            "direct | Lindsey Graham | Der Senator Lindsey Graham");
  EXPECT_EQ(quote_of(r, "Partnering with Putin"), "embedded | Marco Rubio | Marco Rubio");
  // The Russian leader's words, never Trump's though Trump is named in the same sentence.
  EXPECT_EQ(quote_of(r, "\"zufrieden mit meinen Antworten\""),
            "partial | Putin | der russische Regierungschef");
}

TEST(QuotesPlugin, SeedIndirectStatements) {
  const Result& r = seed_result();
  ASSERT_TRUE(r.ok()) << r.messages();
  EXPECT_EQ(quote_of(r, "nichts anderes als ein Dementi erwartet"), "indirect | Rex Tillerson | Er");
  EXPECT_EQ(quote_of(r, "Man müsse sich wohl damit abfinden"), "indirect | Rex Tillerson | Er");
  EXPECT_EQ(quote_of(r, "Putins Zusicherungen akzeptiert"),
            "indirect | Sergej Lawrow | Der russische Außenminister Sergej Lawrow");
  EXPECT_EQ(quote_of(r, "eine Partnerschaft mit Putin bei der Cybersicherheit"),
            "indirect | Marco Rubio | Marco Rubio");
  EXPECT_EQ(quote_of(r, "über Pläne für eine gemeinsame Sondereinheit"),
            "indirect | Donald Trump | der US-Präsident");
  EXPECT_EQ(quote_of(r, "vehement abgestritten"), "indirect | Putin | der russische Präsident");
  EXPECT_EQ(quote_of(r, "welch ein gutes Treffen"), "indirect | Trump und Putin | Trump und Putin");
}

TEST(QuotesPlugin, SeedNoQuotesOnWordsQuotedInsideATweetOrOnHeadlines) {
  const Result& r = seed_result();
  ASSERT_TRUE(r.ok()) << r.messages();
  const auto at = r.text.find("Cyber Security Unit\"");
  for (const auto& q : r.layer("quote")) {
    if (q.begin <= at && at < q.end) {
      EXPECT_EQ(q.label, "embedded") << q.text;
    }
    EXPECT_EQ(q.label, q.string("kind"));
    if (q.label == "direct" || q.label == "partial") {  // with their quotation marks
      EXPECT_EQ(q.text.front(), '"') << q.text;
      EXPECT_EQ(q.text.back(), '"') << q.text;
    }
    EXPECT_FALSE(q.has("speaker_entity")) << "no entity layer in this chain: " << q.text;
  }
  EXPECT_EQ(quote_of(r, "Cyberkriminalität gemeinsam bekämpfen"), "(none)");
  EXPECT_EQ(quote_of(r, "Stand: 09.07.2017"), "(none)");
  // Speaker spans come out in code points, as every span does.
  EXPECT_NE(r.record.find("\"quote_speaker\":[{"), std::string::npos);
}

TEST(QuotesPlugin, TimelineAfterQuotesDatesEachQuote) {
  const Harness chain(plugins_under_test(), std::string(kChain) + "\n[[step]]\nuse = \"timeline\"\n");
  const Result r = chain.run(seed(), {{"id", "seed-000"}, {"lang", "de"}});
  ASSERT_TRUE(r.ok()) << r.messages();
  std::size_t quote_events = 0;
  for (const auto& e : r.layer("event")) quote_events += e.label == "quote" ? 1 : 0;
  EXPECT_EQ(quote_events, r.layer("quote").size());
  EXPECT_GT(quote_events, 10u);
}

TEST(QuotesPlugin, SpeakersResolvedToTheEntitiesPluginsClusters) {
  const Harness chain(
      plugins_under_test(),
      "[[step]]\nuse = \"segment\"\n\n[[step]]\nuse = \"entities\"\n\n[[step]]\nuse = \"quotes\"\n");
  const Result r = chain.run(seed(), {{"id", "seed-000"}, {"lang", "de"}});
  ASSERT_TRUE(r.ok()) << r.messages();
  const auto& entity = r.layer("entity");
  // The cluster a quote's speaker_entity points at, by its canonical name, and
  // the quote's speaker; "-" when unset.
  auto entity_of = [&](const std::string& phrase) {
    const auto at = r.text.find(phrase);
    const tagwerk::testing::Span* best = nullptr;
    for (const auto& q : r.layer("quote"))
      if (q.begin < at + phrase.size() && at < q.end && (!best || q.end - q.begin < best->end - best->begin))
        best = &q;
    if (!best || !best->has("speaker_entity")) return std::string("-");
    EXPECT_EQ(best->at("speaker_entity").ref.layer, "entity");
    const auto& e = entity[best->ref("speaker_entity")];
    EXPECT_EQ(e.ref("cluster"), best->ref("speaker_entity")) << "the cluster's first mention";
    return e.string("name") + " / " + best->string("speaker");
  };
  EXPECT_EQ(entity_of("Es ist an der Zeit"), "Donald J. Trump / Donald J. Trump");
  EXPECT_EQ(entity_of("Putin & I discussed"), "Donald J. Trump / Donald J. Trump");
  EXPECT_EQ(entity_of("I strongly pressed"), "Donald J. Trump / Donald J. Trump");
  EXPECT_EQ(entity_of("\"zweimal starken Druck\""), "Donald J. Trump / Donald J. Trump");
  EXPECT_EQ(entity_of("Der Präsident hat das Dementi"), "Reince Priebus / Reince Priebus");
  EXPECT_EQ(entity_of("Das ist nicht die dümmste Idee"), "Lindsey Graham / Lindsey Graham");
  EXPECT_EQ(entity_of("Partnering with Putin"), "Marco Rubio / Marco Rubio");
  EXPECT_EQ(entity_of("nichts anderes als ein Dementi erwartet"), "Rex Tillerson / Rex Tillerson");
  EXPECT_EQ(entity_of("Putins Zusicherungen akzeptiert"), "Sergej Lawrow / Sergej Lawrow");
  // "der russische Regierungschef": Putin, never Trump named in the same sentence.
  EXPECT_EQ(entity_of("\"zufrieden mit meinen Antworten\""), "Wladimir Putin / Wladimir Putin");
}

TEST(QuotesPlugin, ABadLanguageListIsRefusedNamingTheParameter) {
  try {
    const Harness chain(plugins_under_test(),
                        "[[step]]\nuse = \"segment\"\n\n[[step]]\nuse = \"quotes\"\nlanguages = \"de,xx\"\n");
    FAIL() << "a language without word lists was accepted";
  } catch (const tagwerk::testing::SetupError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("xx.cues"), std::string::npos) << what;
  }
}
