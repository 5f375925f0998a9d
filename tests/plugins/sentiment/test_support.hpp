// test_support.hpp -- the sentiment engine over the shipped data files, fed
// with text segmented by the segment engine as the default chain segments it.
#pragma once

#include <tagwerk/sentiment/engine.hpp>

#include <string>
#include <string_view>

#include "segmenter.hpp"

namespace sttest {

namespace st = tagwerk::sentiment;

inline std::string data(const char* name) {
  return std::string(TAGWERK_SOURCE_DIR "/plugins/sentiment/data/") + name;
}

inline std::vector<st::LanguageFiles> shipped_languages() {
  return {{"de", {data("de.tsv"), data("emoji.tsv")}, data("de.rules.tsv"), true},
          {"en", {data("en.tsv"), data("emoji.tsv")}, data("en.rules.tsv"), false}};
}

inline const st::Engine& engine() {
  static const st::Engine e(shipped_languages(), st::Options{});
  return e;
}

/// Tokens and sentences of `text` (borrowed: it must outlive the input), each
/// sentence with its paragraph's language; `lang` is the document's.
inline st::Input segmented(const std::string& text, std::string_view lang) {
  static const tagwerk::segment::Segmenter segmenter(
      tagwerk::segment::Lexicon::from_data_dir(TAGWERK_SOURCE_DIR "/plugins/segment/data"),
      tagwerk::segment::SegmentOptions{});
  static thread_local tagwerk::segment::Segmentation seg;
  segmenter.segment(text, lang, seg);
  st::Input in;
  in.text = text;
  for (const auto& t : seg.tokens) in.tokens.push_back({t.begin, t.end, tagwerk::segment::to_string(t.kind)});
  for (const auto& s : seg.sentences)
    in.sentences.push_back({s.begin, s.end, seg.paragraphs[s.paragraph].lang});
  return in;
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
