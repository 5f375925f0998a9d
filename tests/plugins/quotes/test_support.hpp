// test_support.hpp -- helpers shared by the quotes engine tests: one engine over
// the shipped word lists, its input made by the segment engine (as the default
// chain makes it), and lookups of the quote covering a phrase.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include <tagwerk/quotes/engine.hpp>
#include <tagwerk/quotes/segmented_input.hpp>

namespace qtest {

inline const tagwerk::quotes::Engine& engine() {
  static const tagwerk::quotes::Engine e(TAGWERK_SOURCE_DIR "/plugins/quotes/data", {"de", "en"});
  return e;
}

/// Runs the engine on `text` segmented as the chain does, with `entities` added.
inline tagwerk::quotes::Result run(const std::string& text, std::string_view lang,
                                   const std::vector<tagwerk::quotes::Mention>& entities = {}) {
  static const tagwerk::segment::Segmenter segmenter =
      tagwerk::quotes::make_segmenter(TAGWERK_SOURCE_DIR "/plugins/segment/data");
  tagwerk::segment::Segmentation seg;
  tagwerk::quotes::Input in = tagwerk::quotes::segmented_input(segmenter, text, lang, seg);
  in.entities = entities;
  return engine().analyze(in);
}

/// What a user reads of the quote overlapping the first occurrence of `phrase`:
/// "kind | speaker | speaker mention | cue"; "(none)" when no quote overlaps it.
inline std::string quote_at(const tagwerk::quotes::Result& r, const std::string& text,
                            const std::string& phrase) {
  const auto at = text.find(phrase);
  if (at == std::string::npos) return "(phrase not in text)";
  for (const auto& q : r.quotes)
    if (q.begin < at + phrase.size() && at < q.end) {
      std::string mention;
      if (q.speaker >= 0) {
        const auto& s = r.speakers[static_cast<std::size_t>(q.speaker)];
        mention = text.substr(s.begin, s.end - s.begin);
      }
      return std::string(tagwerk::quotes::to_string(q.kind)) + " | " + q.speaker_name + " | " + mention +
             " | " + q.cue;
    }
  return "(none)";
}

/// The quote overlapping `phrase`, or nullptr.
inline const tagwerk::quotes::Quote* find(const tagwerk::quotes::Result& r, const std::string& text,
                                          const std::string& phrase) {
  const auto at = text.find(phrase);
  for (const auto& q : r.quotes)
    if (at != std::string::npos && q.begin < at + phrase.size() && at < q.end) return &q;
  return nullptr;
}

}  // namespace qtest
