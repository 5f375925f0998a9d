// tagwerk/quotes/segmented_input.hpp -- the quotes engine's input made the way the
// default chain makes it (the segment engine: tokens, sentences and paragraphs
// with their language), for the tools, tests and benchmark that run the engine
// without the host. Not part of the plugin.
#pragma once

#include <string>
#include <string_view>

#include <tagwerk/quotes/engine.hpp>

#include "segmenter.hpp"

namespace tagwerk::quotes {

/// A segmenter configured as the segment plugin's defaults. Throws
/// std::runtime_error naming a missing word list in `segment_data_dir`.
inline segment::Segmenter make_segmenter(const std::string& segment_data_dir) {
  return segment::Segmenter(segment::Lexicon::from_data_dir(segment_data_dir), segment::SegmentOptions{});
}

/// Segments `text` into `seg` (reused across calls) and returns the engine's
/// input over it. The input borrows `text`, `lang` and `seg`; they must outlive it.
inline Input segmented_input(const segment::Segmenter& segmenter, std::string_view text,
                             std::string_view lang, segment::Segmentation& seg) {
  segmenter.segment(text, lang, seg);
  Input in;
  in.text = text;
  in.lang = lang;
  in.tokens.reserve(seg.tokens.size());
  for (const auto& t : seg.tokens) in.tokens.push_back({t.begin, t.end, segment::to_string(t.kind)});
  for (const auto& s : seg.sentences)
    in.sentences.push_back({s.begin, s.end, seg.paragraphs[s.paragraph].lang});
  for (const auto& p : seg.paragraphs) in.paragraphs.push_back({p.begin, p.end, p.lang});
  return in;
}

}  // namespace tagwerk::quotes
