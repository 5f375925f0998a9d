// test_support.hpp -- the sentiment engine over the shipped data files, fed
// with text segmented by the segment engine as the default chain segments it.
#pragma once

#include <tagwerk/sentiment/engine.hpp>

#include <string>
#include <string_view>

#include <tagwerk/sentiment/segmented_input.hpp>

namespace sttest {

namespace st = tagwerk::sentiment;

inline const st::Engine& engine() {
  static const st::Engine e(st::shipped_languages(TAGWERK_SOURCE_DIR "/plugins/sentiment/data"),
                            st::Options{});
  return e;
}

/// Tokens and sentences of `text` (borrowed: it must outlive the input), each
/// sentence with its paragraph's language; `lang` is the document's.
inline st::Input segmented(const std::string& text, std::string_view lang) {
  static const tagwerk::segment::Segmenter segmenter =
      st::make_segmenter(TAGWERK_SOURCE_DIR "/plugins/segment/data");
  static thread_local tagwerk::segment::Segmentation seg;
  return st::segmented_input(segmenter, text, lang, seg);
}

/// The score of `text` as one document (its document record).
inline double score(const std::string& text, std::string_view lang) {
  auto scratch = st::Engine::make_scratch();
  return engine().analyze(segmented(text, lang), *scratch).front().score;
}

/// Byte span of the first `needle` in `text`.
inline std::pair<std::uint32_t, std::uint32_t> span_of(const std::string& text, const std::string& needle) {
  const auto at = static_cast<std::uint32_t>(text.find(needle));
  return {at, static_cast<std::uint32_t>(at + needle.size())};
}

}  // namespace sttest
