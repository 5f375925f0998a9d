// Pairing quotation marks: styles, apostrophes, nesting and repair.
#include "quote_marks.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using tagwerk::quotes::classify_mark;
using tagwerk::quotes::MarkInfo;
using tagwerk::quotes::MarkPair;
using tagwerk::quotes::pair_marks;

// Each space-separated piece of `text` as a token; the pairs as "open-close" token indices.
std::string pairs_of(const std::string& text) {
  std::vector<MarkInfo> marks;
  std::vector<bool> breaks;
  std::size_t b = 0;
  while (b < text.size()) {
    std::size_t e = text.find_first_of(" \n", b);
    if (e == std::string::npos) e = text.size();
    marks.push_back(classify_mark(text, static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)));
    breaks.push_back(e < text.size() && text[e] == '\n');
    b = e + 1;
  }
  std::vector<MarkPair> out;
  pair_marks(marks, breaks, 0, out);
  std::string s;
  for (const auto& p : out)
    s += (s.empty() ? "" : " ") + std::to_string(p.open) + "-" +
         (p.close >= 0 ? std::to_string(p.close) : "repaired:" + std::to_string(p.repair_end));
  return s;
}

}  // namespace

TEST(QuoteMarks, PairsEachStyle) {
  EXPECT_EQ(pairs_of("„ a “ b"), "0-2");
  EXPECT_EQ(pairs_of("» a « b « c »"), "0-2 4-6");
  EXPECT_EQ(pairs_of("\" a \" b"), "0-2");
  EXPECT_EQ(pairs_of("“ a ” b"), "0-2");
}

TEST(QuoteMarks, SingleMarksInsideDoubleOnesAreNested) {
  EXPECT_EQ(pairs_of("„ a ‚ b ‘ c “"), "0-6");
}

TEST(QuoteMarks, AnApostropheIsNoMark) {
  const std::string t = "Clinton’s";
  EXPECT_FALSE(classify_mark(t, 7, 10).is_mark);
}

TEST(QuoteMarks, UnclosedQuotationsAreRepairedAtALineBreakOrBeforeTheNextOpening) {
  EXPECT_EQ(pairs_of("„ a b\nc d"), "0-repaired:3");
  EXPECT_EQ(pairs_of("„ a „ b “"), "0-repaired:2 2-4");
}
