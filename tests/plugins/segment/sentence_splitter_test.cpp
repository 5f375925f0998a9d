#include "sentence_splitter.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "segment_test_support.hpp"

namespace tagwerk::segment {
namespace {

using test::sentence_texts;
using ::testing::ElementsAre;

TEST(SentenceSplitter, GermanDatesAndTimesDoNotEndSentences) {
  EXPECT_THAT(
      sentence_texts("Über dieses Thema berichteten die tagesthemen am 07. Juli 2017 um 22:10 Uhr. Danach "
                     "kam der Wetterbericht."),
      ElementsAre("Über dieses Thema berichteten die tagesthemen am 07. Juli 2017 um 22:10 Uhr.",
                  "Danach kam der Wetterbericht."));
  EXPECT_THAT(sentence_texts("Stand: 09.07.2017 20:06 Uhr"), ElementsAre("Stand: 09.07.2017 20:06 Uhr"));
}

TEST(SentenceSplitter, GermanAbbreviationsDoNotEndSentences) {
  EXPECT_THAT(sentence_texts("Dr. Müller kam z. B. mit Nr. 170/39 an. Er blieb."),
              ElementsAre("Dr. Müller kam z. B. mit Nr. 170/39 an.", "Er blieb."));
  EXPECT_THAT(sentence_texts("Das kostet 3,5 Mio. Euro und mehr."),
              ElementsAre("Das kostet 3,5 Mio. Euro und mehr."));
}

TEST(SentenceSplitter, AbbreviationEndsSentenceBeforeATypicalOpener) {
  EXPECT_THAT(sentence_texts("Er kaufte Äpfel, Birnen usw. Die Kasse war zu."),
              ElementsAre("Er kaufte Äpfel, Birnen usw.", "Die Kasse war zu."));
}

TEST(SentenceSplitter, NumberBeforeATypicalOpenerEndsTheSentence) {
  EXPECT_THAT(sentence_texts("Die Zahl stieg auf 12. Im Juli sank sie."),
              ElementsAre("Die Zahl stieg auf 12.", "Im Juli sank sie."));
  EXPECT_THAT(sentence_texts("Er wurde am 3. Oktober Dritter."),
              ElementsAre("Er wurde am 3. Oktober Dritter."));
}

TEST(SentenceSplitter, EnglishAbbreviations) {
  EXPECT_THAT(
      sentence_texts("Mr. Smith went to Washington on Jan. 5 with the U.S. delegation. The U.S. Senate met "
                     "at 5 p.m. yesterday.",
                     "en"),
      ElementsAre("Mr. Smith went to Washington on Jan. 5 with the U.S. delegation.",
                  "The U.S. Senate met at 5 p.m. yesterday."));
  EXPECT_THAT(sentence_texts("The score was 21. Trump left.", "en"),
              ElementsAre("The score was 21.", "Trump left."));
}

TEST(SentenceSplitter, ClosingQuotesAndBracketsStayWithTheirSentence) {
  EXPECT_THAT(sentence_texts("„Das ist gut.“ Dann ging er. (Siehe oben.) Danach kam sie."),
              ElementsAre("„Das ist gut.“", "Dann ging er.", "(Siehe oben.)", "Danach kam sie."));
  EXPECT_THAT(sentence_texts("sagte er: \"Das ist nicht die dümmste Idee.\" Danach ging er."),
              ElementsAre("sagte er: \"Das ist nicht die dümmste Idee.\"", "Danach ging er."));
}

TEST(SentenceSplitter, QuestionInsideAQuoteFollowedByCommaContinues) {
  EXPECT_THAT(sentence_texts("\"Kommst du?\", fragte er. Sie nickte."),
              ElementsAre("\"Kommst du?\", fragte er.", "Sie nickte."));
  EXPECT_THAT(sentence_texts("Er zögerte... dann ging er."), ElementsAre("Er zögerte... dann ging er."));
}

TEST(SentenceSplitter, MissingSpaceAfterQuestionMark) {
  EXPECT_THAT(sentence_texts("Wie geht es euch damit?Mal dazu ein Bild!"),
              ElementsAre("Wie geht es euch damit?", "Mal dazu ein Bild!"));
}

TEST(SentenceSplitter, SingleLineBreakInsideAParagraphIsJustSpace) {
  EXPECT_THAT(sentence_texts("Autos bauen: Die\nMobilitätsbranche ist eine Männerdomäne."),
              ElementsAre("Autos bauen: Die\nMobilitätsbranche ist eine Männerdomäne."));
}

TEST(SentenceSplitter, TweetBylineIsItsOwnSentence) {
  EXPECT_THAT(sentence_texts("Donald J. Trump @realDonaldTrump\nPutin & I discussed forming a unit..", "en"),
              ElementsAre("Donald J. Trump @realDonaldTrump", "Putin & I discussed forming a unit.."));
}

TEST(SentenceSplitter, SentencesNeverCrossParagraphs) {
  std::string text = "Ein Satz ohne Punkt\n\nnoch einer ohne Punkt\n \nDer dritte.";
  auto seg = test::segmenter().segment(text, "de");
  EXPECT_THAT(sentence_texts(text),
              ElementsAre("Ein Satz ohne Punkt", "noch einer ohne Punkt", "Der dritte."));
  ASSERT_EQ(seg.paragraphs.size(), 3u);
  for (const auto& s : seg.sentences) {
    const auto& p = seg.paragraphs[s.paragraph];
    EXPECT_GE(s.begin, p.begin);
    EXPECT_LE(s.end, p.end);
  }
}

TEST(SentenceSplitter, EveryTokenIsInExactlyOneSentence) {
  std::string text = test::read_file(test::test_data("seed.txt"));
  auto seg = test::segmenter().segment(text);
  std::uint32_t next = 0;
  for (const auto& s : seg.sentences) {
    EXPECT_EQ(s.first_token, next);
    ASSERT_GT(s.token_count, 0u);
    EXPECT_EQ(s.begin, seg.tokens[s.first_token].begin);
    EXPECT_EQ(s.end, seg.tokens[s.first_token + s.token_count - 1].end);
    next = s.first_token + s.token_count;
  }
  EXPECT_EQ(next, seg.tokens.size());
}

}  // namespace
}  // namespace tagwerk::segment
