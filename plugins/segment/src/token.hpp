// token.hpp -- the token the segment engine produces: a byte span of the text
// with a coarse kind (word, num, punct, ...) that downstream plugins (entities,
// timex) use as the `token` layer's label.
#ifndef TAGWERK_SEGMENT_TOKEN_HPP
#define TAGWERK_SEGMENT_TOKEN_HPP

#include <cstdint>
#include <string_view>

namespace tagwerk::segment {

enum class TokenKind : std::uint8_t {
  word,     // letters, possibly with digits, inner hyphens/apostrophes, or an abbreviation's period
  num,      // digits with inner separators: 2017, 09.07.2017, 20:06, 170/39, 3,5; ordinals keep their period
  punct,    // Unicode punctuation; runs of terminal marks ("...", "?!") form one token
  sym,      // Unicode symbols: currency, math, emoji, "|"
  url,      // http(s)://..., www...., bare domains with a common TLD, e-mail addresses
  mention,  // @name
  hashtag,  // #topic
};

/// The label written to the token layer ("word", "num", ...). Static storage.
std::string_view to_string(TokenKind kind) noexcept;

/// Bit flags on a token, set by the tokenizer for the sentence splitter.
enum TokenFlag : std::uint8_t {
  kAbbreviation = 1u << 0,     // a word whose final period belongs to it ("Dr.", "z.B.", "J.")
  kOrdinal = 1u << 1,          // a number whose final period belongs to it ("07.", "3.")
  kTerminal = 1u << 2,         // punctuation that may end a sentence (". ! ? …" and runs of them)
  kClosing = 1u << 3,          // a quote or bracket that may close a sentence ('"' » “ ” ) ])
  kLineBreakBefore = 1u << 4,  // a line break lies between this token and the one before
  kUpperInitial = 1u << 5,     // a word beginning with an uppercase or titlecase letter
  kLowerInitial = 1u << 6,     // a word beginning with a lowercase letter
};

/// A token: UTF-8 byte offsets [begin, end) into the document text.
struct Token {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  TokenKind kind = TokenKind::word;
  std::uint8_t flags = 0;

  bool has(TokenFlag f) const noexcept { return (flags & f) != 0; }
};

}  // namespace tagwerk::segment

#endif  // TAGWERK_SEGMENT_TOKEN_HPP
