// segmenter.hpp -- the segment engine's entry point: splits a document into
// paragraphs (with their language), sentences and tokens. Plain inputs, plain
// vectors out, so it runs and is tested without the tagwerk host.
#ifndef TAGWERK_SEGMENT_SEGMENTER_HPP
#define TAGWERK_SEGMENT_SEGMENTER_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "language_detector.hpp"
#include "lexicon.hpp"
#include "paragraph_splitter.hpp"
#include "sentence_splitter.hpp"
#include "token.hpp"
#include "tokenizer.hpp"

namespace tagwerk::segment {

struct Paragraph {
  std::uint32_t begin = 0;  // first byte of its first token
  std::uint32_t end = 0;    // end of its last token
  std::string lang;         // ISO 639-1
  std::uint32_t first_sentence = 0, sentence_count = 0;
};

struct Sentence {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t paragraph = 0;  // index into Segmentation::paragraphs
  std::uint32_t first_token = 0, token_count = 0;
};

/// The result for one document; all offsets are UTF-8 byte offsets into its text.
/// Reuse one per thread to keep its buffers' capacity.
struct Segmentation {
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  void clear();
};

struct SegmentOptions {
  bool detect_language = true;      // CLD2 per paragraph; else every paragraph gets the fallback
  std::string default_lang = "de";  // when neither metadata nor detection decides
};

class Segmenter {
 public:
  /// Takes the lexicon (see Lexicon::from_data_dir).
  Segmenter(Lexicon lexicon, SegmentOptions options);

  /// Segments `text`. `doc_lang` is the document's `lang` metadata (may be
  /// empty; a region such as "de-DE" is dropped): paragraphs whose language
  /// CLD2 cannot tell reliably get it, else
  /// the language of most reliably detected text, else options.default_lang.
  /// A paragraph whose opening is reliably in the `doc_lang` language keeps it
  /// without the rest being read (LanguageDetector::kQuickSampleBytes).
  /// Fills `out` (cleared first). Throws std::length_error for a text of
  /// 4 GiB or more. Thread-safe: const, no shared mutable state.
  void segment(std::string_view text, std::string_view doc_lang, Segmentation& out) const;
  Segmentation segment(std::string_view text, std::string_view doc_lang = {}) const;

  const SegmentOptions& options() const noexcept { return options_; }

 private:
  Lexicon lexicon_;
  SegmentOptions options_;
  Tokenizer tokenizer_;
  SentenceSplitter sentence_splitter_;
  LanguageDetector detector_;
};

}  // namespace tagwerk::segment

#endif  // TAGWERK_SEGMENT_SEGMENTER_HPP
