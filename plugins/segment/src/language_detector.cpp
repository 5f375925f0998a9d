#include "language_detector.hpp"

#include <compact_lang_det.h>
#include <encodings.h>
#include <cstdio>  // compact_lang_det.h uses FILE without including it

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

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

bool is_ascii_letter(unsigned char c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

}  // namespace

LanguageDetector::LanguageDetector(std::vector<FunctionWords> lists) : function_words_(std::move(lists)) {}

bool LanguageDetector::opens_in(std::string_view text, std::string_view lang) const {
  const WordList* expected = nullptr;
  for (const auto& list : function_words_)
    if (list.lang == lang) expected = &list.words;
  if (expected == nullptr) return false;

  int words = 0, hits = 0;
  std::array<char, 16> lower{};
  std::size_t i = 0;
  while (i < text.size() && words < kFunctionWordSample) {
    // A word: a run of ASCII letters and non-ASCII bytes (UTF-8 letters, but
    // also typographic quotes, which are stripped from its ends below).
    while (i < text.size() && !is_ascii_letter(static_cast<unsigned char>(text[i])) &&
           static_cast<unsigned char>(text[i]) < 0x80)
      ++i;
    std::size_t begin = i;
    while (i < text.size() && (is_ascii_letter(static_cast<unsigned char>(text[i])) ||
                               static_cast<unsigned char>(text[i]) >= 0x80))
      ++i;
    std::size_t end = i;
    while (begin < end && static_cast<unsigned char>(text[begin]) >= 0x80) ++begin;
    while (end > begin && static_cast<unsigned char>(text[end - 1]) >= 0x80) --end;
    if (begin == end) continue;  // punctuation alone ("—", "„")
    ++words;
    if (end - begin > lower.size()) continue;  // no function word is that long
    bool ascii = true;
    for (std::size_t k = begin; k < end; ++k) {
      auto c = static_cast<unsigned char>(text[k]);
      ascii = ascii && c < 0x80;
      lower[k - begin] = static_cast<char>(c | 0x20);
    }
    if (!ascii) continue;  // "für", "Präsident": listed words are ASCII
    const std::string_view word(lower.data(), end - begin);
    if (expected->contains(word)) {
      ++hits;
      continue;
    }
    for (const auto& list : function_words_)
      if (&list.words != expected && list.words.contains(word)) return false;
  }
  return hits >= kMinFunctionWords && hits * kFunctionWordShare >= words;
}

LanguageGuess LanguageDetector::detect(std::string_view text) const {
  return detect_prefix(text, kMaxSampleBytes);
}

LanguageGuess LanguageDetector::detect(std::string_view text, std::string_view expected) const {
  // CLD2's cost grows with the bytes it reads (about 20-40 ns a byte) far more
  // than with the number of calls, so the opening is cheap to look at first.
  if (expected.empty()) return detect(text);
  if (opens_in(text, expected)) {
    LanguageGuess guess;
    guess.lang = expected;
    guess.letter_bytes = static_cast<int>(std::min(text.size(), kMaxSampleBytes));
    guess.reliable = true;
    return guess;
  }
  if (text.size() <= kQuickSampleBytes) return detect(text);
  LanguageGuess quick = detect_prefix(text, kQuickSampleBytes);
  if (quick.reliable && quick.lang == expected) return quick;
  return detect(text);
}

}  // namespace tagwerk::segment
