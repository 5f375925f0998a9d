// language_detector.hpp -- guesses the language of a paragraph with CLD2 and
// says whether the guess is trustworthy; short or mixed paragraphs are left to
// the caller's fallback (document metadata or the document's majority).
#ifndef TAGWERK_SEGMENT_LANGUAGE_DETECTOR_HPP
#define TAGWERK_SEGMENT_LANGUAGE_DETECTOR_HPP

#include <string>
#include <string_view>

namespace tagwerk::segment {

struct LanguageGuess {
  std::string lang;       // ISO 639-1 ("de", "en"); empty when unknown
  int letter_bytes = 0;   // bytes of letters CLD2 looked at (its evidence)
  bool reliable = false;  // CLD2 thinks so and there was enough evidence
};

class LanguageDetector {
 public:
  /// Paragraphs with fewer letter bytes than this are never reliable: CLD2
  /// guesses wildly on headlines such as "Darstellung:".
  static constexpr int kMinLetterBytes = 40;
  /// Only this many leading bytes are examined: a paragraph's language shows
  /// in its first sentences, and CLD2 is then cheap on long paragraphs.
  static constexpr std::size_t kMaxSampleBytes = 1024;

  /// Guesses the language of `text` (UTF-8; ill-formed input yields an
  /// unreliable, empty guess). Never throws. Thread-safe.
  LanguageGuess detect(std::string_view text) const;
};

}  // namespace tagwerk::segment

#endif  // TAGWERK_SEGMENT_LANGUAGE_DETECTOR_HPP
