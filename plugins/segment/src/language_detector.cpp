#include "language_detector.hpp"

#include <compact_lang_det.h>
#include <encodings.h>
#include <cstdio>  // compact_lang_det.h uses FILE without including it

#include <cstring>

#include <tagwerk/text/char_class.hpp>

namespace tagwerk::segment {

namespace {

// CLD2's guess on the first `max_bytes` of `text`, cut at a character boundary.
LanguageGuess detect_prefix(std::string_view text, std::size_t max_bytes) {
  LanguageGuess guess;
  // Too short to ever be reliable: spare the CLD2 call, which costs far more per
  // call on short text than on long (see the segment benchmark).
  if (text.size() < static_cast<std::size_t>(LanguageDetector::kMinLetterBytes)) return guess;
  auto n = static_cast<std::int32_t>(text.size());
  if (text.size() > max_bytes)  // do not cut a character in two
    n = static_cast<std::int32_t>(tagwerk::text::code_point_start(text, max_bytes));
  if (n <= 0) return guess;

  CLD2::CLDHints hints{nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
  CLD2::Language language3[3];
  int percent3[3];
  double scores3[3];
  int text_bytes = 0;
  bool reliable = false;
  int valid_prefix = 0;
  CLD2::Language lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      text.data(), n, /*is_plain_text=*/true, &hints, /*flags=*/0, language3, percent3, scores3,
      /*resultchunkvector=*/nullptr, &text_bytes, &reliable, &valid_prefix);
  if (lang == CLD2::UNKNOWN_LANGUAGE || valid_prefix < n) return guess;
  const char* code = CLD2::LanguageCode(lang);
  if (code == nullptr || std::strcmp(code, "un") == 0) return guess;
  guess.lang = code;
  guess.letter_bytes = text_bytes;
  guess.reliable = reliable && text_bytes >= LanguageDetector::kMinLetterBytes;
  return guess;
}

}  // namespace

LanguageGuess LanguageDetector::detect(std::string_view text) const {
  return detect_prefix(text, kMaxSampleBytes);
}

LanguageGuess LanguageDetector::detect(std::string_view text, std::string_view expected) const {
  // CLD2's cost grows with the bytes it reads (about 20-40 ns a byte) far more
  // than with the number of calls, so the opening is cheap to look at first.
  if (expected.empty() || text.size() <= kQuickSampleBytes) return detect(text);
  LanguageGuess quick = detect_prefix(text, kQuickSampleBytes);
  if (quick.reliable && quick.lang == expected) return quick;
  return detect(text);
}

}  // namespace tagwerk::segment
