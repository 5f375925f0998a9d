#include "paragraph_splitter.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "segment_test_support.hpp"

namespace tagwerk::segment {
namespace {

std::vector<std::string> paragraphs_of(std::string_view text) {
  std::vector<TextRange> ranges;
  split_paragraphs(text, ranges);
  std::vector<std::string> out;
  for (const auto& r : ranges) out.emplace_back(text.substr(r.begin, r.end - r.begin));
  return out;
}

TEST(ParagraphSplitter, BlankLinesSeparateParagraphs) {
  EXPECT_EQ(paragraphs_of("eins\nzwei\n\ndrei\n\n\n\nvier"),
            (std::vector<std::string>{"eins\nzwei", "drei", "vier"}));
}

TEST(ParagraphSplitter, WhitespaceOnlyLinesAreBlank) {
  EXPECT_EQ(paragraphs_of("eins\n \t \ndrei\n\u00a0\u3000\nvier"),
            (std::vector<std::string>{"eins", "drei", "vier"}));
}

TEST(ParagraphSplitter, WindowsLineEnds) {
  EXPECT_EQ(paragraphs_of("eins\r\nzwei\r\n\r\ndrei\r\n"),
            (std::vector<std::string>{"eins\r\nzwei\r", "drei\r"}));
}

TEST(ParagraphSplitter, LeadingAndTrailingBlankLinesAndEmptyText) {
  EXPECT_EQ(paragraphs_of("\n\n  eins\n\n"), (std::vector<std::string>{"  eins"}));
  EXPECT_TRUE(paragraphs_of("").empty());
  EXPECT_TRUE(paragraphs_of("\n \n\t\n").empty());
}

TEST(ParagraphSplitter, SegmenterTrimsParagraphsToTheirTokens) {
  std::string text = "\n\n  eins zwei. \r\n\n drei\n";
  auto seg = test::segmenter().segment(text, "de");
  ASSERT_EQ(seg.paragraphs.size(), 2u);
  EXPECT_EQ(text.substr(seg.paragraphs[0].begin, seg.paragraphs[0].end - seg.paragraphs[0].begin),
            "eins zwei.");
  EXPECT_EQ(text.substr(seg.paragraphs[1].begin, seg.paragraphs[1].end - seg.paragraphs[1].begin), "drei");
}

TEST(ParagraphSplitter, SeedArticleHasItsTwentyOneParagraphs) {
  std::string text = test::read_file(test::test_data("seed.txt"));
  EXPECT_EQ(paragraphs_of(text).size(), 21u);
}

}  // namespace
}  // namespace tagwerk::segment
