// Golden test on the seed article (tagesschau.de, 9 July 2017) and the engine's
// document-level outputs: DCT, events, timeline summary.
#include <algorithm>
#include <set>

#include "event_assigner.hpp"
#include "test_support.hpp"

using namespace tltest;
using tagwerk::timeline::TimeSource;

namespace {
const std::string kSeedPath = TAGWERK_SOURCE_DIR "/tests/plugins/timeline/data/seed_000.txt";
}

TEST(TimelineSeed, DctFromStandLine) {
  const std::string text = read_file(kSeedPath);
  ASSERT_FALSE(text.empty());
  auto r = run(text, "", "de");
  EXPECT_EQ(r.dct, "2017-07-09T20:06");
  EXPECT_EQ(r.dct_source, "text");
  EXPECT_EQ(text.substr(r.dct_begin, r.dct_end - r.dct_begin), "09.07.2017 20:06 Uhr");
  EXPECT_FALSE(r.narrative);
}

TEST(TimelineSeed, GoldenValues) {
  const std::string text = read_file(kSeedPath);
  auto r = run(text, "", "de");
  const auto* stand = find(r, text, "09.07.2017 20:06 Uhr");
  ASSERT_NE(stand, nullptr);
  EXPECT_EQ(stand->type, "TIME");
  EXPECT_EQ(stand->value, "2017-07-09T20:06");
  const auto* y2016 = find(r, text, "2016");
  ASSERT_NE(y2016, nullptr);
  EXPECT_EQ(y2016->value, "2016");
  EXPECT_EQ(y2016->type, "DATE");
  const auto* last_year = find(r, text, "vergangenen Jahr");
  ASSERT_NE(last_year, nullptr);
  EXPECT_EQ(last_year->value, "2016");
  const auto* broadcast = find(r, text, "07. Juli 2017 um 22:10 Uhr");
  ASSERT_NE(broadcast, nullptr);
  EXPECT_EQ(broadcast->type, "TIME");
  EXPECT_EQ(broadcast->value, "2017-07-07T22:10");
  const auto* future = find(r, text, "künftig");
  ASSERT_NE(future, nullptr);
  EXPECT_EQ(future->value, "FUTURE_REF");
}

TEST(TimelineSeed, NoFalseFriends) {
  const std::string text = read_file(kSeedPath);
  auto r = run(text, "", "de");
  EXPECT_EQ(overlapping(r, text, "Putin & I"), 0);
  EXPECT_EQ(overlapping(r, text, "2/3"), 0);
  EXPECT_EQ(overlapping(r, text, "mit so großer Spannung"), 0);
  EXPECT_EQ(overlapping(r, text, "G20-Gipfel"), 0);
  EXPECT_EQ(overlapping(r, text, "zweimal starken Druck"), 0);
}

TEST(TimelineSeed, MetadataDctWins) {
  const std::string text = read_file(kSeedPath);
  auto r = run(text, "2017-07-10", "de");
  EXPECT_EQ(r.dct, "2017-07-10");
  EXPECT_EQ(r.dct_source, "metadata");
  EXPECT_EQ(value_at(r, text, "vergangenen Jahr"), "2016");
}

TEST(TimelineSeed, EventsAndSummary) {
  const std::string text = read_file(kSeedPath);
  auto r = run(text, "", "de");
  ASSERT_EQ(r.events.size(), segmented(text, "", "de").sentences.size());
  // The sentence with the broadcast time is dated by that timex.
  const tagwerk::timeline::Event* broadcast = nullptr;
  for (const auto& e : r.events)
    if (text.substr(e.begin, e.end - e.begin).find("tagesthemen") != std::string::npos) broadcast = &e;
  ASSERT_NE(broadcast, nullptr);
  EXPECT_EQ(broadcast->source, TimeSource::Timex);
  EXPECT_EQ(broadcast->time, "2017-07-07T22:10");
  ASSERT_GE(broadcast->timex, 0);
  EXPECT_EQ(text.substr(r.timexes[static_cast<std::size_t>(broadcast->timex)].begin, 26),
            "07. Juli 2017 um 22:10 Uhr");
  // A later sentence without a timex keeps the narrative time.
  EXPECT_EQ(r.events.back().source, TimeSource::Narrative);
  EXPECT_EQ(r.events.back().time, "2017-07-07T22:10");
  EXPECT_EQ(r.events.front().source, TimeSource::Dct);
  EXPECT_EQ(r.events.front().time, "2017-07-09T20:06");
  EXPECT_EQ(r.earliest, "2016");
  EXPECT_EQ(r.latest, "2017-07-09T20:06");
  EXPECT_EQ(r.times, (std::vector<std::string>{"2016", "2017-07-07T22:10", "2017-07-09T20:06"}));
}

TEST(TimelineEvents, NarrativeTimeCarriesOver) {
  const std::string text = "Am 3. März 2015 begann der Prozess. Der Richter sprach lange. Das Urteil fiel.";
  auto r = run(text, "2017-01-01", "de");
  ASSERT_EQ(r.events.size(), 3u);
  EXPECT_EQ(r.events[0].source, TimeSource::Timex);
  EXPECT_EQ(r.events[1].source, TimeSource::Narrative);
  EXPECT_EQ(r.events[1].time, "2015-03-03");
}

TEST(TimelineEvents, QuotesAreDated) {
  const std::string text = "Gestern sagte er: \"Wir kommen wieder.\"";
  tagwerk::timeline::Input in = segmented(text, "2017-07-09", "de");
  in.sentences = {{0, static_cast<std::uint32_t>(text.size()), "de"}};
  in.quotes = {{18, static_cast<std::uint32_t>(text.size()), "de"}};
  auto r = engine().analyze(in);
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_TRUE(r.events[1].quote);
  EXPECT_EQ(r.events[1].source, TimeSource::Narrative);
  EXPECT_EQ(r.events[1].time, "2017-07-08");
}

TEST(TimelineEngine, MixedLanguagesPerSentence) {
  const std::string text = "Am Freitag wurde verhandelt. He met him last Friday.";
  tagwerk::timeline::Input in = segmented(text, "2017-07-09", "de");
  in.sentences = {{0, 28, "de"}, {29, static_cast<std::uint32_t>(text.size()), "en"}};
  auto r = engine().analyze(in);
  ASSERT_EQ(r.timexes.size(), 2u);
  EXPECT_EQ(r.timexes[0].value, "2017-07-07");
  EXPECT_EQ(r.timexes[1].value, "2017-07-07");
  EXPECT_EQ(r.timexes[1].lang, "en");
}

TEST(TimelineEngine, EachSentenceReadWithTheRulesOfItsLanguageAfterOthers) {
  // The engine keeps the rules of the last sentence's language: a run of sentences in one
  // language, a change, a sentence of the document's language (no code), an unknown code.
  const std::string text =
      "He met him last Friday. Am Freitag wurde verhandelt. Am Montag auch. He left on Monday. "
      "Am Montag auch. Am Montag auch.";
  tagwerk::timeline::Input in = segmented(text, "2017-07-09", "de");
  std::vector<std::string> langs = {"en", "de", "de", "en", "", "xx"};
  ASSERT_EQ(in.sentences.size(), langs.size());
  for (std::size_t i = 0; i < langs.size(); ++i) in.sentences[i].lang = langs[i];
  auto r = engine().analyze(in);
  ASSERT_EQ(r.timexes.size(), 6u);
  const std::vector<std::string> expected = {"en", "de", "de", "en", "de", "de"};
  for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(r.timexes[i].lang, expected[i]) << i;
}

TEST(TimelineEngine, TheTimesAreTheTimexesThatAreCalendarTimes) {
  // The engine flags each timex as it is made (a DATE or TIME whose value parses); the
  // document's times are exactly those timexes' values that is_calendar_time() accepts.
  const std::string text =
      "On Friday at 3 pm the talks ended. They will meet again in two weeks, every Monday, "
      "and on 12 March 2021. Last year was hard.";
  const auto r = run(text, "2021-03-01", "en");
  std::set<std::string> expected;
  std::size_t durations = 0;
  for (const auto& t : r.timexes) {
    if (tagwerk::timeline::is_calendar_time(t)) expected.insert(t.value);
    durations += t.type == "DURATION" || t.type == "SET";
  }
  EXPECT_GE(expected.size(), 3u);
  EXPECT_GE(durations, 1u);
  EXPECT_EQ(r.times, std::vector<std::string>(expected.begin(), expected.end()));
}

TEST(TimelineEngine, SurvivesBadUtf8AndEmptyText) {
  EXPECT_TRUE(run("", "", "de").timexes.empty());
  const std::string bad = "am 9. Juli 2017 \xff\xfe kam er";
  auto r = run(bad, "", "de");
  ASSERT_EQ(r.timexes.size(), 1u);
  EXPECT_EQ(r.timexes[0].value, "2017-07-09");
}

namespace {
struct DctCase {
  std::string text, lang, dct, source, announced, yesterday;
};
}  // namespace

TEST(TimelineDct, FromTheTextWhenTheRecordHasNoDate) {
  const std::vector<DctCase> cases = {
      {"Veröffentlicht am 12. März 2021, 14:30 Uhr\n\nDie Regierung hat gestern beschlossen.", "de",
       "2021-03-12T14:30", "text", "12. März 2021, 14:30 Uhr", "2021-03-11"},
      {"Zuletzt aktualisiert: 12.03.2021 14:30\nDie Regierung hat gestern beschlossen.", "de",
       "2021-03-12T14:30", "text", "12.03.2021 14:30", "2021-03-11"},
      {"Updated March 12, 2021 2:30 PM ET\n\nThe government decided yesterday to extend the measures.", "en",
       "2021-03-12T14:30", "text", "March 12, 2021 2:30 PM", "2021-03-11"},
      {"Published: 12 March 2021 14:30\nThe government decided yesterday to extend the measures.", "en",
       "2021-03-12T14:30", "text", "12 March 2021 14:30", "2021-03-11"},
      // Datelines: no cue word, the first full date at the top of the text.
      {"LONDON (AP) — Jan. 5, 2020 — The government decided yesterday to extend the measures.", "en",
       "2020-01-05", "text-first-date", "Jan. 5, 2020", "2020-01-04"},
      {"Berlin, 12.03.2021 – Die Regierung hat gestern beschlossen, die Maßnahmen zu verlängern.", "de",
       "2021-03-12", "text-first-date", "12.03.2021", "2021-03-11"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    auto r = run(c.text, "", c.lang);
    EXPECT_EQ(r.dct, c.dct);
    EXPECT_EQ(r.dct_source, c.source);
    EXPECT_EQ(c.text.substr(r.dct_begin, r.dct_end - r.dct_begin), c.announced);
    // "gestern" / "yesterday" is resolved against the DCT found in the text.
    ASSERT_FALSE(r.timexes.empty());
    EXPECT_EQ(r.timexes.back().value, c.yesterday);
  }
}

TEST(TimelineDct, TheCueWordMayEndTheSentenceBeforeTheDateButNotLieFarBeforeIt) {
  const std::string near =
      "Updated.\nMarch 12, 2021 - The government decided yesterday to extend the measures.";
  auto r = run(near, "", "en");
  EXPECT_EQ(r.dct, "2021-03-12");
  EXPECT_EQ(r.dct_source, "text");
  EXPECT_EQ(value_at(r, near, "yesterday"), "2021-03-11");
  // More than 24 bytes between the cue word and the date: the date is not announced by it.
  const std::string far =
      "Updated by the reporters of our desk in the capital, March 12, 2021. The government decided "
      "yesterday.";
  EXPECT_NE(run(far, "", "en").dct_source, "text");
}

TEST(TimelineDct, OneScratchForManyTextsAndSentencesOutOfOrderFindTheSameCue) {
  // The engine keeps its sentences and DCT candidates in the scratch from text to text; the
  // cue search stops at the first sentence after the date only when the sentences come in
  // text order: listed backwards, the cue sentence is still found.
  using tagwerk::timeline::Engine;
  const std::string near =
      "Updated.\nMarch 12, 2021 - The government decided yesterday to extend the measures. Schools "
      "stay closed.";
  const std::string far =
      "Updated by the reporters of our desk in the capital, March 12, 2021. The government decided "
      "yesterday.";
  auto scratch = Engine::make_scratch();
  const tagwerk::timeline::Input in_order = tltest::segmented(near, "", "en");
  ASSERT_EQ(in_order.sentences.size(), 3u);
  auto backwards = in_order;
  std::reverse(backwards.sentences.begin(), backwards.sentences.end());
  const tagwerk::timeline::Input* const inputs[] = {&in_order, &backwards};
  for (const auto* input : inputs) {
    const auto r = tltest::engine().analyze(*input, *scratch);
    EXPECT_EQ(r.dct, "2021-03-12");
    EXPECT_EQ(r.dct_source, "text");
    // The date's value from the DCT search (it reads no context) is the timex's.
    EXPECT_EQ(value_at(r, near, "March 12, 2021"), "2021-03-12");
    EXPECT_EQ(value_at(r, near, "yesterday"), "2021-03-11");
  }
  const auto r = tltest::engine().analyze(tltest::segmented(far, "", "en"), *scratch);
  EXPECT_NE(r.dct_source, "text");
  EXPECT_EQ(r.timexes.size(), run(far, "", "en").timexes.size());
}

TEST(TimelineDct, ADatelineBelowAnEarlierDateIsReadFromItsOwnLine) {
  // The first date is inside a sentence; the dateline's head is the start of its own line.
  const std::string text =
      "Born on March 3, 1990 in Luton, she was the youngest.\n"
      "LONDON (AP) — Jan. 5, 2020 — The government decided yesterday to extend the measures.";
  auto r = run(text, "", "en");
  EXPECT_EQ(r.dct, "2020-01-05");
  EXPECT_EQ(r.dct_source, "text-first-date");
  EXPECT_EQ(value_at(r, text, "yesterday"), "2020-01-04");
}

TEST(TimelineDct, NoneWhenTheTextGivesNoFullDate) {
  // A dateline without a year leaves the DCT open; relative expressions stay underspecified.
  const std::string text = "WASHINGTON, March 12 (Reuters) - The government decided yesterday.";
  auto r = run(text, "", "en");
  EXPECT_EQ(r.dct, "");
  EXPECT_EQ(value_at(r, text, "yesterday"), "XXXX-XX-XX");
}

TEST(TimelineEngine, ALongSentenceOfDatesIsDatedWhole) {
  // Found by fuzzing: 4,000 dates in one sentence (120 KB) had been walked once per date.
  std::string text;
  for (int i = 0; i < 4000; ++i) text += "am 7. Juli 2017 um 20:06 Uhr, ";
  auto r = run(text, "2017-07-09", "de");
  ASSERT_EQ(r.timexes.size(), 4000u);
  EXPECT_EQ(r.timexes.front().value, "2017-07-07T20:06");
  EXPECT_EQ(r.timexes.back().value, "2017-07-07T20:06");
}

TEST(TimelineEngine, TenseCueFarAwayInALongSentenceAndQuotesBoundIt) {
  // Sunday 2017-07-09. Over 64 tokens between the cue and "Freitag": the nearest cue
  // still decides, and a quotation mark closes its side.
  std::string filler;
  for (int i = 0; i < 40; ++i) filler += "und noch ";
  const std::string past = "Er sagte " + filler + "am Freitag etwas.";
  EXPECT_EQ(value_at(run(past, "2017-07-09", "de"), past, "am Freitag"), "2017-07-07");
  const std::string future = "Er wird " + filler + "am Freitag kommen.";
  EXPECT_EQ(value_at(run(future, "2017-07-09", "de"), future, "am Freitag"), "2017-07-14");
  // The quotation mark keeps "wird" from dating the quoted "Freitag": untensed, the last one.
  const std::string quoted = "Er wird sagen: \"" + filler + "am Freitag\".";
  EXPECT_EQ(value_at(run(quoted, "2017-07-09", "de"), quoted, "am Freitag"), "2017-07-07");
}

TEST(TimelineTokens, SegmentTokensAreCutWhereTheRulesNeedPieces) {
  // segment keeps "09.07.2017", "20:06" and "US-Präsident" whole; the rules read their pieces.
  const std::string text = "Der US-Präsident sprach am 09.07.2017 um 20:06 Uhr.";
  const auto in = segmented(text, "2017-07-10", "de");
  bool whole_date = false;
  for (const auto& t : in.tokens) whole_date |= text.substr(t.begin, t.end - t.begin) == "09.07.2017";
  ASSERT_TRUE(whole_date);
  const auto r = engine().analyze(in);
  EXPECT_EQ(value_at(r, text, "09.07.2017 um 20:06 Uhr"), "2017-07-09T20:06");
}

TEST(TimelineTokens, NoDateIsReadOutOfAUrlOrHashtag) {
  const std::string text =
      "Mehr unter https://www.tagesschau.de/ausland/g20-2017-07-09.html und #G20 am 9. Juli 2017.";
  const auto r = run(text, "2017-07-10", "de");
  ASSERT_EQ(r.timexes.size(), 1u);
  EXPECT_EQ(text.substr(r.timexes[0].begin, r.timexes[0].end - r.timexes[0].begin), "9. Juli 2017");
}

TEST(TimelineTokens, ASoftHyphenInsideAWordIsInvisible) {
  // U+00AD, as hyphenating CMSs leave it: segment keeps "Ju\u00ADli" one word.
  const std::string text = "Am 9. Ju\xC2\xADli 2017 kam er.";
  EXPECT_EQ(value_at(run(text, "2017-07-10", "de"), text, "9. Ju\xC2\xADli 2017"), "2017-07-09");
}

TEST(TimelineTokens, OverlappingAndOutOfRangeTokensAreSkipped) {
  const std::string text = "Am 9. Juli 2017 kam er.";
  auto in = segmented(text, "2017-07-10", "de");
  const auto expected = engine().analyze(in);
  const std::size_t n = in.tokens.size();
  for (std::size_t i = 0; i < n; ++i) in.tokens.push_back(in.tokens[i]);  // each again, overlapping
  const auto size = static_cast<std::uint32_t>(text.size());
  in.tokens.push_back({size, size + 5, "word"});
  in.tokens.push_back({3, 3, "num"});
  const auto r = engine().analyze(in);
  ASSERT_EQ(r.timexes.size(), expected.timexes.size());
  EXPECT_EQ(r.timexes[0].value, "2017-07-09");
  EXPECT_TRUE(engine().analyze(segmented("", "", "de")).timexes.empty());
}
