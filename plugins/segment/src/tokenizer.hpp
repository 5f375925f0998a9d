// tokenizer.hpp -- splits a stretch of UTF-8 text into tokens over ICU
// character properties: words (with inner hyphens, abbreviation periods),
// numbers (dates, times, ordinals), punctuation, symbols, URLs, @mentions and
// #hashtags. Whitespace is never a token.
#ifndef TAGWERK_SEGMENT_TOKENIZER_HPP
#define TAGWERK_SEGMENT_TOKENIZER_HPP

#include <cstdint>
#include <string_view>
#include <vector>

#include "lexicon.hpp"
#include "token.hpp"

namespace tagwerk::segment {

struct TokenizerOptions {
  /// Whether "07." / "3." before a word is an ordinal (German and most other
  /// European languages) rather than a number ending a sentence (English).
  bool dot_ordinals = true;
};

class Tokenizer {
 public:
  /// `lexicon` is borrowed and must outlive the tokenizer.
  explicit Tokenizer(const Lexicon& lexicon) noexcept : lexicon_(&lexicon) {}

  /// Appends the tokens of text[begin, end) to `out`, offsets relative to the
  /// start of `text`. Precondition: begin <= end <= text.size() < 4 GiB.
  /// Ill-formed UTF-8 bytes become `sym` tokens. Thread-safe (const, no state).
  void tokenize(std::string_view text, std::uint32_t begin, std::uint32_t end,
                const TokenizerOptions& options, std::vector<Token>& out) const;

  /// True when `word` (exact text) typically opens a sentence ("Die", "The").
  bool is_sentence_starter(std::string_view word) const;

 private:
  void merge_periods(std::string_view text, std::size_t first, const TokenizerOptions& options,
                     std::vector<Token>& tokens) const;
  const Lexicon* lexicon_;
};

}  // namespace tagwerk::segment

#endif  // TAGWERK_SEGMENT_TOKENIZER_HPP
