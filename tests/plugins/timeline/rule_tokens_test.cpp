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
