// segment_test_support.hpp -- shared helpers of the segment engine tests: the
// shipped lexicon, and results as lists of strings so that assertions read
// like the text they check.
#ifndef TAGWERK_TESTS_SEGMENT_TEST_SUPPORT_HPP
#define TAGWERK_TESTS_SEGMENT_TEST_SUPPORT_HPP

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "segmenter.hpp"

namespace tagwerk::segment::test {

inline std::string data_dir() {
  return std::string(TAGWERK_SOURCE_DIR) + "/plugins/segment/data";
}
inline std::string test_data(std::string_view name) {
  return std::string(TAGWERK_SOURCE_DIR) + "/tests/plugins/segment/data/" + std::string(name);
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline const Segmenter& segmenter() {
  static const Segmenter s(Lexicon::from_data_dir(data_dir()), SegmentOptions{});
  return s;
}

inline std::vector<std::string> token_texts(std::string_view text, std::string_view lang = "de") {
  auto seg = segmenter().segment(text, lang);
  std::vector<std::string> out;
  for (const auto& t : seg.tokens) out.emplace_back(text.substr(t.begin, t.end - t.begin));
  return out;
}

inline std::vector<std::string> token_kinds(std::string_view text, std::string_view lang = "de") {
  auto seg = segmenter().segment(text, lang);
  std::vector<std::string> out;
  for (const auto& t : seg.tokens) out.emplace_back(to_string(t.kind));
  return out;
}

inline std::vector<std::string> sentence_texts(std::string_view text, std::string_view lang = "de") {
  auto seg = segmenter().segment(text, lang);
  std::vector<std::string> out;
  for (const auto& s : seg.sentences) out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

}  // namespace tagwerk::segment::test

#endif  // TAGWERK_TESTS_SEGMENT_TEST_SUPPORT_HPP
