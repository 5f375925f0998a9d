// Cutting segment's tokens into the rule tokens: kinds, folded text, glue and case.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rule_tokens.hpp"

using namespace tagwerk::timeline;

namespace {
// The spans of `text` at the given byte ranges, all of kind "word".
std::vector<TokenSpan> spans_of(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& ranges) {
  std::vector<TokenSpan> spans;
  for (const auto& [b, e] : ranges) spans.push_back(TokenSpan{b, e, "word"});
  return spans;
}
}  // namespace

TEST(RuleTokens, AsciiWordsPunctuationAndMixedTokens) {
  const std::string text = "The US-Pr\xC3\xA4sident, am 09.07.2017 sagte:";
  // "The" "US-Präsident" "," "am" "09.07.2017" "sagte" ":"
  Tokens t;
  split_tokens(text, spans_of({{0, 3}, {4, 17}, {17, 18}, {19, 21}, {22, 32}, {33, 38}, {38, 39}}), t);
  std::vector<std::string> folded;
  for (const auto& tok : t.tokens) folded.emplace_back(t.fold(tok));
  EXPECT_EQ(folded, (std::vector<std::string>{"the", "us", "-", "pr\xC3\xA4sident", ",", "am", "09", ".",
                                              "07", ".", "2017", "sagte", ":"}));
  ASSERT_EQ(t.tokens.size(), 13u);
  EXPECT_EQ(t.tokens[0].kind, TokenKind::Word);
  EXPECT_TRUE(t.tokens[0].upper_initial);
  EXPECT_FALSE(t.tokens[0].glued);
  EXPECT_TRUE(t.tokens[3].upper_initial);  // "Präsident"
  EXPECT_EQ(t.tokens[4].kind, TokenKind::Punct);
  EXPECT_TRUE(t.tokens[4].glued);  // "," right after the word
  EXPECT_FALSE(t.tokens[5].glued);
  EXPECT_FALSE(t.tokens[5].upper_initial);
  EXPECT_EQ(t.tokens[10].kind, TokenKind::Number);
  EXPECT_EQ(t.tokens[10].number, 2017);
  EXPECT_EQ(t.tokens[10].digits, 4);
  EXPECT_TRUE(t.tokens[12].glued);
  EXPECT_EQ(t.tokens[12].begin, 38u);
  EXPECT_EQ(t.tokens[12].end, 39u);
}

// ASCII words are folded eight bytes at a time: every length, every byte next to a letter
// that is none ('@' '[' '`' '{' are A-Z and a-z's neighbours), a non-ASCII letter past the
// eighth byte, and words that end less than eight bytes before the text does.
TEST(RuleTokens, TokensAreGluedAcrossFormatCharactersOnly) {
  // The gap between two segment tokens: nothing or only format characters (a soft hyphen, a
  // zero-width space) glue them; a space, a line break, a no-break space or a format character
  // before a space do not. The first byte of the gap decides most of them.
  const std::vector<std::pair<std::string, bool>> gaps = {
      {"", true},           {" ", false},           {"\n", false},
      {"\xC2\xAD", true},   {"\xE2\x80\x8B", true}, {"\xC2\xAD\xC2\xAD", true},
      {"\xC2\xAD ", false}, {"\xC2\xA0", false},    {"\t", false}};
  for (const auto& [gap, glued] : gaps) {
    const std::string text = "am" + gap + "Montag";
    const auto second = static_cast<std::uint32_t>(2 + gap.size());
    Tokens t;
    split_tokens(text, spans_of({{0, 2}, {second, static_cast<std::uint32_t>(text.size())}}), t);
    ASSERT_EQ(t.tokens.size(), 2u) << gap;
    EXPECT_EQ(t.tokens[1].glued, glued) << gap;
    EXPECT_EQ(t.fold(t.tokens[1]), "montag");
  }
}

TEST(RuleTokens, AsciiWordsOfEveryLengthAndTheirNeighbours) {
  const std::string letters = "AbCdEfGhIjKlMnOpQrStUvWxYz";
  std::vector<std::string> words;
  for (std::size_t n = 1; n <= letters.size(); ++n) words.push_back(letters.substr(0, n));
  for (const char* odd : {"@", "[", "`", "{", "1", "-", "'"})
    for (std::size_t at = 0; at <= 10; ++at) {
      words.push_back(letters.substr(0, at) + odd + letters.substr(at, 4));
      words.push_back(letters.substr(0, at + 1) + odd);
    }
  words.push_back(
      "Stra\xC3\x9F"
      "enbahnen");  // ß
  words.push_back("Donaudampfschifffahrt");
  words.push_back("Abc");  // the last two end less than eight bytes before the text's end
  words.push_back("Z");
  std::string text;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges;
  for (const auto& w : words) {
    if (!text.empty()) text += ' ';
    ranges.emplace_back(static_cast<std::uint32_t>(text.size()),
                        static_cast<std::uint32_t>(text.size() + w.size()));
    text += w;
  }
  Tokens t;
  split_tokens(text, spans_of(ranges), t);
  std::size_t k = 0;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    const std::uint32_t end = ranges[i].second;
    std::string folded;
    std::size_t pieces = 0;
    for (; k < t.tokens.size() && t.tokens[k].begin < end; ++k, ++pieces) folded += t.fold(t.tokens[k]);
    EXPECT_EQ(folded, fold_case(w)) << w;
    const bool letters_only = w.find_first_of("@[`{1-'") == std::string::npos;
    if (letters_only) {
      EXPECT_EQ(pieces, 1u) << w;
      EXPECT_EQ(t.tokens[k - 1].kind, TokenKind::Word) << w;
      EXPECT_EQ(t.tokens[k - 1].upper_initial, w[0] >= 'A' && w[0] <= 'Z') << w;
    } else {
      EXPECT_GT(pieces, 1u) << w;
    }
  }
  EXPECT_EQ(k, t.tokens.size());
}
