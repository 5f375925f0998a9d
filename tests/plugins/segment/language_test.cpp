#include "language_detector.hpp"

#include <gtest/gtest.h>

#include <string>

#include "lexicon.hpp"
#include "segment_test_support.hpp"

namespace tagwerk::segment {
namespace {

bool contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

TEST(LanguageDetector, TellsGermanFromEnglish) {
  LanguageDetector d;
  auto de =
      d.detect("Noch immer ist die Frage ungeklärt, ob Russland den US-Wahlkampf 2016 manipuliert hat.");
  EXPECT_EQ(de.lang, "de");
  EXPECT_TRUE(de.reliable);
  auto en = d.detect("I strongly pressed President Putin twice about Russian meddling in our election.");
  EXPECT_EQ(en.lang, "en");
  EXPECT_TRUE(en.reliable);
}

TEST(LanguageDetector, ShortTextIsNotReliable) {
  EXPECT_FALSE(LanguageDetector().detect("Darstellung:").reliable);
  EXPECT_FALSE(LanguageDetector().detect("").reliable);
}

// A German opening longer than the quick sample, then three times as much English.
std::string german_then_english() {
  std::string text =
      "Noch immer ist die Frage ungeklärt, ob Russland den US-Wahlkampf 2016 manipuliert hat - doch "
      "diese stellt der Präsident erst einmal hinten an. ";
  const std::string english =
      "I strongly pressed President Putin twice about Russian meddling in our election, and he "
      "vehemently denied it, which I have already given my opinion on in the past. ";
  for (int i = 0; i < 6; ++i) text += english;
  return text;
}

TEST(LanguageDetector, AnOpeningInTheExpectedLanguageDecides) {
  const std::string text = german_then_english();
  ASSERT_GT(text.find("I strongly"), LanguageDetector::kQuickSampleBytes);
  LanguageDetector d;
  EXPECT_EQ(d.detect(text).lang, "en");  // the whole sample: mostly English
  auto guess = d.detect(text, "de");     // the German opening is enough
  EXPECT_EQ(guess.lang, "de");
  EXPECT_TRUE(guess.reliable);
}

TEST(LanguageDetector, AnOpeningInAnotherLanguageIsReadInFull) {
  LanguageDetector d;
  auto guess = d.detect(german_then_english(), "en");
  EXPECT_EQ(guess.lang, "en");
  EXPECT_TRUE(guess.reliable);
  std::string english = german_then_english().substr(german_then_english().find("I strongly"));
  ASSERT_GT(english.size(), LanguageDetector::kQuickSampleBytes);
  EXPECT_EQ(d.detect(english, "de").lang, "en");
}

// The detector as the segmenter builds it, with the shipped function words.
const LanguageDetector& shipped_detector() {
  static const LanguageDetector d(Lexicon::from_data_dir(test::data_dir()).function_words);
  return d;
}

TEST(LanguageDetector, FunctionWordsOfTheExpectedLanguageSettleAnOpening) {
  const auto& d = shipped_detector();
  const std::string german =
      "Noch immer ist die Frage ungeklärt, ob Russland den US-Wahlkampf 2016 manipuliert hat.";
  const std::string english =
      "The president said that he had pressed Putin twice about Russian meddling in the election.";
  EXPECT_TRUE(d.opens_in(german, "de"));
  EXPECT_TRUE(d.opens_in(english, "en"));
  EXPECT_FALSE(d.opens_in(german, "en"));
  EXPECT_FALSE(d.opens_in(english, "de"));
  EXPECT_FALSE(d.opens_in(german, "fr"));  // no list: CLD2 decides
  EXPECT_FALSE(LanguageDetector().opens_in(german, "de"));
}

TEST(LanguageDetector, AFunctionWordOfAnotherLanguageSendsTheOpeningToCld2) {
  const auto& d = shipped_detector();
  // German with an English clause in its first words: not settled as either.
  const std::string mixed = "Der Präsident schrieb, er sei mit der Lage zufrieden: the meeting went well.";
  EXPECT_FALSE(d.opens_in(mixed, "de"));
  EXPECT_FALSE(d.opens_in(mixed, "en"));
}

TEST(LanguageDetector, NamesWithoutFunctionWordsAreLeftToCld2) {
  // A BBC-style lead of names and numbers: one function word in ten is too few.
  EXPECT_FALSE(shipped_detector().opens_in(
      "Chelsea manager Jose Mourinho, Arsenal boss Arsene Wenger and Liverpool's Rafael Benitez "
      "met FA chief executive Brian Barwick.",
      "en"));
}

TEST(LanguageDetector, OtherLanguagesAreNotTakenForTheExpectedOne) {
  const auto& d = shipped_detector();
  const std::string dutch =
      "Het kabinet wil dat de huren in de vrije sector minder snel stijgen dan nu het geval is, "
      "schrijft de minister aan de Tweede Kamer.";
  const std::string french =
      "Le gouvernement a présenté mercredi son projet de loi sur les retraites, qui doit être voté "
      "avant la fin de l'année par le Parlement.";
  for (const std::string* text : {&dutch, &french}) {
    EXPECT_FALSE(d.opens_in(*text, "de")) << *text;
    EXPECT_FALSE(d.opens_in(*text, "en")) << *text;
  }
  EXPECT_EQ(d.detect(dutch, "de").lang, "nl");
  EXPECT_EQ(d.detect(french, "en").lang, "fr");
}

TEST(LanguageDetector, ASettledOpeningIsReliableInTheExpectedLanguage) {
  const std::string text = german_then_english();
  auto guess = shipped_detector().detect(text, "de");
  EXPECT_EQ(guess.lang, "de");
  EXPECT_TRUE(guess.reliable);
  EXPECT_EQ(shipped_detector().detect(text, "en").lang, "en");  // opens in German: read in full
}

TEST(Language, SeedTweetsAreEnglishUnderGermanMetadata) {
  std::string text = test::read_file(test::test_data("seed.txt"));
  auto seg = test::segmenter().segment(text, "de");
  int english = 0;
  for (const auto& p : seg.paragraphs) english += p.lang == "en";
  EXPECT_EQ(english, 3);
}

TEST(Language, LongParagraphsOpeningInTheMetadataLanguageKeepIt) {
  const std::string text = german_then_english();
  EXPECT_EQ(test::segmenter().segment(text, "de").paragraphs.at(0).lang, "de");
  EXPECT_EQ(test::segmenter().segment(text, "en").paragraphs.at(0).lang, "en");
  EXPECT_EQ(test::segmenter().segment(text).paragraphs.at(0).lang, "en");  // no metadata: the full sample
}

TEST(Language, SeedTweetsAreEnglishAndEverythingElseGerman) {
  std::string text = test::read_file(test::test_data("seed.txt"));
  auto seg = test::segmenter().segment(text);  // no lang metadata: the majority decides short paragraphs
  ASSERT_EQ(seg.paragraphs.size(), 21u);
  int english = 0;
  for (const auto& p : seg.paragraphs) {
    auto body = std::string_view(text).substr(p.begin, p.end - p.begin);
    bool tweet = contains(body, "Putin & I discussed") || contains(body, "I strongly pressed") ||
                 contains(body, "Partnering with Putin");
    EXPECT_EQ(p.lang, tweet ? "en" : "de") << body;
    english += tweet;
  }
  EXPECT_EQ(english, 3);
}

TEST(Language, ShortParagraphsFollowTheDocumentMetadata) {
  std::string text =
      "Darstellung:\n\nI strongly pressed President Putin twice about Russian meddling in our election.";
  auto seg = test::segmenter().segment(text, "de");
  ASSERT_EQ(seg.paragraphs.size(), 2u);
  EXPECT_EQ(seg.paragraphs[0].lang, "de");
  EXPECT_EQ(seg.paragraphs[1].lang, "en");
}

TEST(Language, MetadataRegionIsDropped) {
  auto seg = test::segmenter().segment("Darstellung:", "de-DE");
  ASSERT_EQ(seg.paragraphs.size(), 1u);
  EXPECT_EQ(seg.paragraphs[0].lang, "de");
}

TEST(Language, ShortParagraphsFollowTheMajorityWithoutMetadata) {
  // default_lang is "de", but the document is English.
  std::string text =
      "Graphic:\n\nI strongly pressed President Putin twice about Russian meddling in our election.";
  auto seg = test::segmenter().segment(text, "");
  ASSERT_EQ(seg.paragraphs.size(), 2u);
  EXPECT_EQ(seg.paragraphs[0].lang, "en");
  EXPECT_EQ(seg.paragraphs[1].lang, "en");
}

TEST(Language, DefaultLanguageWhenNothingDecides) {
  Segmenter s(Lexicon::from_data_dir(test::data_dir()), SegmentOptions{true, "fr"});
  auto seg = s.segment("Stand: 09.07.2017 20:06 Uhr");
  ASSERT_EQ(seg.paragraphs.size(), 1u);
  EXPECT_EQ(seg.paragraphs[0].lang, "fr");
}

TEST(Language, DetectionOffUsesMetadataThenDefault) {
  Segmenter s(Lexicon::from_data_dir(test::data_dir()), SegmentOptions{false, "de"});
  std::string text = "I strongly pressed President Putin twice about Russian meddling in our election.";
  EXPECT_EQ(s.segment(text, "").paragraphs.at(0).lang, "de");
  EXPECT_EQ(s.segment(text, "xx").paragraphs.at(0).lang, "xx");
}

TEST(Language, SentencesKnowTheirParagraph) {
  std::string text =
      "Das ist ein deutscher Absatz, der lang genug für die Erkennung ist. Noch ein Satz.\n\n"
      "This is an English paragraph that is long enough to be detected. Another one.";
  auto seg = test::segmenter().segment(text);
  ASSERT_EQ(seg.sentences.size(), 4u);
  EXPECT_EQ(seg.paragraphs[seg.sentences[1].paragraph].lang, "de");
  EXPECT_EQ(seg.paragraphs[seg.sentences[2].paragraph].lang, "en");
}

}  // namespace
}  // namespace tagwerk::segment
