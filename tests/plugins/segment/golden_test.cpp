// Compares the sentences of the seed article with tests/plugins/segment/data/
// seed.golden.tsv. The file is reviewed by eye; after an intended change,
// regenerate it with TAGWERK_UPDATE_GOLDEN=1 and review the diff.
//
// Format (easy to produce from the sentence layer too): a header line, then
// one sentence a line: begin <TAB> end <TAB> lang <TAB> text, with UTF-8 byte
// offsets and the text's backslash, tab, CR and LF written as \\ \t \r \n.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "segment_test_support.hpp"

namespace tagwerk::segment {
namespace {

std::string escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string sentences_tsv(std::string_view text, const Segmentation& seg) {
  std::string out = "begin\tend\tlang\ttext\n";
  for (const auto& s : seg.sentences)
    out += std::to_string(s.begin) + "\t" + std::to_string(s.end) + "\t" + seg.paragraphs[s.paragraph].lang +
           "\t" + escape(text.substr(s.begin, s.end - s.begin)) + "\n";
  return out;
}

TEST(Golden, SeedSentences) {
  const std::string text = test::read_file(test::test_data("seed.txt"));
  const std::string golden_path = test::test_data("seed.golden.tsv");
  const std::string actual = sentences_tsv(text, test::segmenter().segment(text));
  if (const char* update = std::getenv("TAGWERK_UPDATE_GOLDEN");
      update != nullptr && std::string(update) == "1") {
    std::ofstream(golden_path, std::ios::binary) << actual;
    GTEST_SKIP() << "rewrote " << golden_path;
  }
  const std::string expected = test::read_file(golden_path);
  // Line by line, so a failure names the first sentence that differs.
  std::size_t a = 0, e = 0;
  int line = 1;
  while (a < actual.size() && e < expected.size()) {
    std::size_t an = actual.find('\n', a), en = expected.find('\n', e);
    ASSERT_EQ(actual.substr(a, an - a), expected.substr(e, en - e)) << "seed.golden.tsv line " << line;
    a = an + 1;
    e = en + 1;
    ++line;
  }
  EXPECT_EQ(actual.size(), expected.size()) << "different number of sentences than seed.golden.tsv";
}

}  // namespace
}  // namespace tagwerk::segment
