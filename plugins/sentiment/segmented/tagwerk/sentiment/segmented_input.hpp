// tagwerk/sentiment/segmented_input.hpp -- the sentiment engine's input made the
// way the default chain makes it (the segment engine's tokens, and its sentences
// with their paragraph's language), for the tools and tests that run the engine
// without the host. Not part of the plugin.
#pragma once

#include <tagwerk/sentiment/engine.hpp>

#include <string>
#include <string_view>

#include "segmenter.hpp"

namespace tagwerk::sentiment {

/// A segmenter configured as the segment plugin's defaults. Throws
/// std::runtime_error naming a missing word list in `segment_data_dir`.
inline segment::Segmenter make_segmenter(const std::string& segment_data_dir) {
  return segment::Segmenter(segment::Lexicon::from_data_dir(segment_data_dir), segment::SegmentOptions{});
}

/// Segments `text` into `seg` (reused across calls) and returns the engine's
/// input over it; `lang` is the document's. The input borrows `text`.
inline Input segmented_input(const segment::Segmenter& segmenter, std::string_view text,
                             std::string_view lang, segment::Segmentation& seg) {
  segmenter.segment(text, lang, seg);
  Input in;
  in.text = text;
  in.tokens.reserve(seg.tokens.size());
  for (const auto& t : seg.tokens) in.tokens.push_back({t.begin, t.end, segment::to_string(t.kind)});
  for (const auto& s : seg.sentences)
    in.sentences.push_back({s.begin, s.end, seg.paragraphs[s.paragraph].lang});
  return in;
}

/// The shipped data files of each language in `data_dir` (the plugin's defaults).
inline std::vector<LanguageFiles> shipped_languages(const std::string& data_dir) {
  const std::string d = data_dir + "/";
  return {{"de", {d + "de.tsv", d + "emoji.tsv"}, d + "de.rules.tsv", true, "", ""},
          {"en", {d + "en.tsv", d + "emoji.tsv"}, d + "en.rules.tsv", false, "", ""}};
}

}  // namespace tagwerk::sentiment
