// language_detector.hpp -- guesses the language of a paragraph with CLD2 and
// says whether the guess is trustworthy; short or mixed paragraphs are left to
// the caller's fallback (document metadata or the document's majority). With
// an expected language, the paragraph's function words may settle it first.
#ifndef TAGWERK_SEGMENT_LANGUAGE_DETECTOR_HPP
#define TAGWERK_SEGMENT_LANGUAGE_DETECTOR_HPP

#include <string>
#include <string_view>
#include <vector>

#include "word_list.hpp"

namespace tagwerk::segment {

struct LanguageGuess {
  std::string lang;       // ISO 639-1 ("de", "en"); empty when unknown
  int letter_bytes = 0;   // bytes of letters CLD2 looked at (its evidence)
  bool reliable = false;  // CLD2 thinks so and there was enough evidence
};

/// The function words of one language (function_words_<lang>.txt): short,
/// frequent words that text in other languages hardly uses. Lower case, ASCII.
struct FunctionWords {
  std::string lang;  // ISO 639-1, as CLD2 names it
  WordList words;
};

class LanguageDetector {
 public:
  LanguageDetector() = default;
  /// Takes the function-word lists that detect(text, expected) consults.
  explicit LanguageDetector(std::vector<FunctionWords> lists);

  /// Paragraphs with fewer letter bytes than this are never reliable: CLD2
  /// guesses wildly on headlines such as "Darstellung:".
  static constexpr int kMinLetterBytes = 40;
  /// Only this many leading bytes are examined: a paragraph's language shows
  /// in its first sentences, and CLD2 is then cheap on long paragraphs.
  static constexpr std::size_t kMaxSampleBytes = 1024;

  /// With an expected language, a paragraph is first judged on this many
  /// leading bytes (about ten words); the full sample is read only when that
  /// opening is not reliably in the expected language. CLD2's cost grows with
  /// the bytes it reads, and English news has short paragraphs that it used to
  /// read whole. 64 to 128 bytes gave the same labels on the German and BBC
  /// corpora (docs/performance.md); below 64, too few openings are reliable.
  static constexpr std::size_t kQuickSampleBytes = 64;

  /// The function-word check reads this many leading words of a paragraph ...
  static constexpr int kFunctionWordSample = 24;
  /// ... and settles on the expected language when at least this many of them,
  /// and at least one in kFunctionWordShare, are its function words and none is
  /// a function word of another listed language. Running text has 30-50 %.
  static constexpr int kMinFunctionWords = 3;
  static constexpr int kFunctionWordShare = 5;

  /// Guesses the language of `text` (UTF-8; ill-formed input yields an
  /// unreliable, empty guess). Never throws. Thread-safe.
  LanguageGuess detect(std::string_view text) const;
  /// As detect(text), except that when `expected` (ISO 639-1, as CLD2 names
  /// it) is not empty, the paragraph's opening may settle it without reading
  /// further: first its function words (when `expected` has a list; no CLD2
  /// call at all), then CLD2 on the first kQuickSampleBytes. A caller that
  /// labels unreliable paragraphs with `expected` anyway loses nothing but the
  /// rare paragraph that opens in `expected` and continues in another language.
  LanguageGuess detect(std::string_view text, std::string_view expected) const;

  /// True when the opening of `text` has enough function words of `lang` and
  /// none of another listed language (see kMinFunctionWords). False when
  /// `lang` has no list.
  bool opens_in(std::string_view text, std::string_view lang) const;

 private:
  std::vector<FunctionWords> function_words_;
};

}  // namespace tagwerk::segment

#endif  // TAGWERK_SEGMENT_LANGUAGE_DETECTOR_HPP
