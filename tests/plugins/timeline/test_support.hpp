// test_support.hpp -- helpers shared by the timeline tests: one engine over the
// shipped rules, its input made by the segment engine (as the default chain makes
// it) and a lookup of the timex covering a phrase.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include <tagwerk/timeline/engine.hpp>
#include <tagwerk/timeline/segmented_input.hpp>

namespace tltest {

inline const tagwerk::timeline::Engine& engine() {
  static const tagwerk::timeline::Engine e(TAGWERK_SOURCE_DIR "/plugins/timeline/data", {"de", "en"});
  return e;
}

/// The engine's input for `text`: segment's tokens and sentences with their language.
/// Borrows text, dct and lang (string views: a literal lives as long as the input).
inline tagwerk::timeline::Input segmented(const std::string& text, std::string_view dct,
                                          std::string_view lang) {
  static const tagwerk::segment::Segmenter segmenter =
      tagwerk::timeline::make_segmenter(TAGWERK_SOURCE_DIR "/plugins/segment/data");
  tagwerk::segment::Segmentation seg;
  return tagwerk::timeline::segmented_input(segmenter, text, dct, lang, seg);
}

inline tagwerk::timeline::Result run(const std::string& text, const std::string& dct,
                                     const std::string& lang) {
  return engine().analyze(segmented(text, dct, lang));
}

/// The timex whose text is exactly `phrase` (first occurrence), or nullptr.
inline const tagwerk::timeline::Timex* find(const tagwerk::timeline::Result& r, const std::string& text,
                                            const std::string& phrase) {
  for (const auto& t : r.timexes)
    if (text.substr(t.begin, t.end - t.begin) == phrase) return &t;
  return nullptr;
}

/// Value of the timex whose text is exactly `phrase`; "<no timex>" when there is none.
inline std::string value_at(const tagwerk::timeline::Result& r, const std::string& text,
                            const std::string& phrase) {
  const auto* t = find(r, text, phrase);
  return t ? t->value : std::string("<no timex>");
}

/// The timexes overlapping the first occurrence of `phrase`.
inline int overlapping(const tagwerk::timeline::Result& r, const std::string& text,
                       const std::string& phrase) {
  auto pos = text.find(phrase);
  if (pos == std::string::npos) return -1;
  int n = 0;
  for (const auto& t : r.timexes)
    if (t.begin < pos + phrase.size() && pos < t.end) ++n;
  return n;
}

/// Value of the only timex in a one-expression text; "" when there is not exactly one.
inline std::string value_of(const std::string& text, const std::string& dct, const std::string& lang) {
  auto r = run(text, dct, lang);
  return r.timexes.size() == 1 ? r.timexes[0].value : std::string("#") + std::to_string(r.timexes.size());
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace tltest
