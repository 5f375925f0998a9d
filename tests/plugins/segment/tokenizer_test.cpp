#include "tokenizer.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "segment_test_support.hpp"

namespace tagwerk::segment {
namespace {

using test::token_kinds;
using test::token_texts;
using ::testing::ElementsAre;

TEST(Tokenizer, GermanDateWithOrdinalDayIsOneNumberPerPart) {
  EXPECT_THAT(token_texts("am 07. Juli 2017"), ElementsAre("am", "07.", "Juli", "2017"));
  EXPECT_THAT(token_kinds("am 07. Juli 2017"), ElementsAre("word", "num", "word", "num"));
}

TEST(Tokenizer, NumericDateAndTimeStayWhole) {
  EXPECT_THAT(token_texts("Stand: 09.07.2017 20:06 Uhr"),
              ElementsAre("Stand", ":", "09.07.2017", "20:06", "Uhr"));
  EXPECT_THAT(token_kinds("09.07.2017 20:06 Uhr"), ElementsAre("num", "num", "word"));
}

TEST(Tokenizer, GermanAbbreviationsKeepTheirPeriod) {
  EXPECT_THAT(token_texts("Dr. Müller"), ElementsAre("Dr.", "Müller"));
  EXPECT_THAT(token_texts("z. B. heute"), ElementsAre("z.", "B.", "heute"));
  EXPECT_THAT(token_texts("z.B. heute"), ElementsAre("z.B.", "heute"));
  EXPECT_THAT(token_texts("Nr. 170/39"), ElementsAre("Nr.", "170/39"));
  EXPECT_THAT(token_kinds("Nr. 170/39"), ElementsAre("word", "num"));
  EXPECT_THAT(token_texts("3,5 Mio. Euro bzw. mehr"), ElementsAre("3,5", "Mio.", "Euro", "bzw.", "mehr"));
}

TEST(Tokenizer, SentenceInitialCapitalisedAbbreviationIsFound) {
  EXPECT_THAT(token_texts("Vgl. oben"), ElementsAre("Vgl.", "oben"));
}

TEST(Tokenizer, HyphenatedCompoundIsOneWord) {
  EXPECT_THAT(token_texts("US-Präsident Trump"), ElementsAre("US-Präsident", "Trump"));
  EXPECT_THAT(token_texts("G20-Gipfel"), ElementsAre("G20-Gipfel"));
  EXPECT_THAT(token_texts("Tête-à-Tête"), ElementsAre("Tête-à-Tête"));
}

TEST(Tokenizer, SpacedDashIsPunctuation) {
  EXPECT_THAT(token_texts("Trump - ein Team"), ElementsAre("Trump", "-", "ein", "Team"));
  EXPECT_THAT(token_kinds("Trump - ein Team"), ElementsAre("word", "punct", "word", "word"));
}

TEST(Tokenizer, TruncatedCompoundKeepsItsHyphen) {
  EXPECT_THAT(token_texts("Nord- und Südkorea"), ElementsAre("Nord-", "und", "Südkorea"));
}

TEST(Tokenizer, GermanOrdinalBeforeNounButNotAtSentenceEnd) {
  EXPECT_THAT(token_texts("Der 3. Platz"), ElementsAre("Der", "3.", "Platz"));
  EXPECT_THAT(token_texts("stieg auf 12. Im Juli"), ElementsAre("stieg", "auf", "12", ".", "Im", "Juli"));
  EXPECT_THAT(token_texts("im Jahr 2017. Trump"), ElementsAre("im", "Jahr", "2017", ".", "Trump"));
}

TEST(Tokenizer, EnglishAbbreviations) {
  EXPECT_THAT(token_texts("Mr. Smith met the U.S. team on Jan. 5", "en"),
              ElementsAre("Mr.", "Smith", "met", "the", "U.S.", "team", "on", "Jan.", "5"));
  EXPECT_THAT(token_texts("at 5 p.m. today", "en"), ElementsAre("at", "5", "p.m.", "today"));
  EXPECT_THAT(token_texts("Donald J. Trump", "en"), ElementsAre("Donald", "J.", "Trump"));
}

TEST(Tokenizer, EnglishHasNoDotOrdinals) {
  EXPECT_THAT(token_texts("The score was 21. Trump left.", "en"),
              ElementsAre("The", "score", "was", "21", ".", "Trump", "left", "."));
}

TEST(Tokenizer, EnglishContractionIsOneWord) {
  EXPECT_THAT(token_texts("I've already", "en"), ElementsAre("I've", "already"));
}

TEST(Tokenizer, NumbersWithSeparators) {
  EXPECT_THAT(token_texts("2.000,50 € und 3,5 % oder $5.50"),
              ElementsAre("2.000,50", "€", "und", "3,5", "%", "oder", "$", "5.50"));
  EXPECT_THAT(token_kinds("2.000,50 €"), ElementsAre("num", "sym"));
}

TEST(Tokenizer, SocialMediaAndWebTokens) {
  EXPECT_THAT(token_texts("Donald J. Trump @realDonaldTrump #G20"),
              ElementsAre("Donald", "J.", "Trump", "@realDonaldTrump", "#G20"));
  EXPECT_THAT(token_kinds("@realDonaldTrump #G20"), ElementsAre("mention", "hashtag"));
  EXPECT_THAT(
      token_texts("Siehe https://www.tagesschau.de/a/g20.html. Oder tagesschau.de, info@example.org!"),
      ElementsAre("Siehe", "https://www.tagesschau.de/a/g20.html", ".", "Oder", "tagesschau.de", ",",
                  "info@example.org", "!"));
  EXPECT_THAT(token_kinds("https://x.org/a tagesschau.de info@example.org www.bbc.co.uk"),
              ElementsAre("url", "url", "url", "url"));
}

TEST(Tokenizer, RunsOfTerminalMarksAreOneToken) {
  EXPECT_THAT(token_texts("guarded.. opinion..... ja?! nein…"),
              ElementsAre("guarded", "..", "opinion", ".....", "ja", "?!", "nein", "…"));
}

TEST(Tokenizer, QuotesAndBracketsAreSeparatePunctuation) {
  EXPECT_THAT(token_texts("„Das ist gut.“ (oben)"),
              ElementsAre("„", "Das", "ist", "gut", ".", "“", "(", "oben", ")"));
}

TEST(Tokenizer, OffsetsAreUtf8BytesAndWhitespaceIsNeverAToken) {
  std::string text = "Über\u00a0 Größe\t\n  Ärger";
  auto seg = test::segmenter().segment(text, "de");
  ASSERT_EQ(seg.tokens.size(), 3u);
  EXPECT_EQ(seg.tokens[0].begin, 0u);
  EXPECT_EQ(seg.tokens[0].end, 5u);  // "Ü" is two bytes
  EXPECT_EQ(text.substr(seg.tokens[1].begin, seg.tokens[1].end - seg.tokens[1].begin), "Größe");
  EXPECT_EQ(text.substr(seg.tokens[2].begin, seg.tokens[2].end - seg.tokens[2].begin), "Ärger");
}

TEST(Tokenizer, NoTokenOfTheSeedIsEmptyOrHoldsWhitespace) {
  std::string text = test::read_file(test::test_data("seed.txt"));
  auto seg = test::segmenter().segment(text);
  ASSERT_GT(seg.tokens.size(), 600u);
  std::uint32_t last_end = 0;
  for (const auto& t : seg.tokens) {
    ASSERT_LT(t.begin, t.end);
    ASSERT_GE(t.begin, last_end);
    auto s = std::string_view(text).substr(t.begin, t.end - t.begin);
    EXPECT_EQ(s.find_first_of(" \t\r\n"), std::string_view::npos) << s;
    last_end = t.end;
  }
}

TEST(Tokenizer, IllFormedUtf8BecomesSymbolTokensWithinBounds) {
  std::string text =
      "ab\xff"
      "cd \xc3";
  auto seg = test::segmenter().segment(text, "de");
  ASSERT_FALSE(seg.tokens.empty());
  for (const auto& t : seg.tokens) EXPECT_LE(t.end, text.size());
  EXPECT_THAT(test::token_kinds(text), ElementsAre("word", "sym", "word", "sym"));
}

}  // namespace
}  // namespace tagwerk::segment
