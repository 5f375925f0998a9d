// rule_tokens.hpp -- the tokens the rule matcher works on, cut from the segment
// plugin's tokens: letter runs, ASCII digit runs and single other characters
// ("09.07.2017" -> 09 . 07 . 2017, "US-Präsident" -> us - präsident), each with
// its byte span, case-folded text (ICU) and whether whitespace precedes it.
// URLs, @mentions and #hashtags stay whole: no date is read out of them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <tagwerk/timeline/engine.hpp>

namespace tagwerk::timeline {

enum class TokenKind : std::uint8_t {
  Word,    // a letter run
  Number,  // an ASCII digit run
  Punct,   // one other character
  Opaque,  // a whole URL, @mention or #hashtag: matches no rule element
};

struct Token {
  std::uint32_t begin = 0;  // byte offsets into the text, end exclusive
  std::uint32_t end = 0;
  std::uint32_t fold_begin = 0;  // folded text: Tokens::folded.substr(fold_begin, fold_size)
  std::uint32_t fold_size = 0;
  TokenKind kind = TokenKind::Word;
  bool glued = false;          // no whitespace between the previous token and this one
  bool upper_initial = false;  // first letter is upper case in the text
  std::uint8_t digits = 0;     // Number: count of digits
  std::int64_t number = 0;     // Number: its value (saturated)
};

/// Tokens of one text plus the buffer holding their case-folded forms.
struct Tokens {
  std::vector<Token> tokens;
  std::string folded;
  /// The folded text of t, a token of `tokens` (no bounds check: the lookup of every token).
  std::string_view fold(const Token& t) const {
    return std::string_view(folded.data() + t.fold_begin, t.fold_size);
  }
  void clear() {
    tokens.clear();
    folded.clear();
  }
};

/// Cuts the segment tokens `spans` of `text` into rule tokens, appended to
/// `out` in text order. Spans that are empty, lie outside the text or overlap
/// an earlier span are skipped; text between spans is read only to tell
/// whether whitespace separates them (format characters such as a soft hyphen
/// do not). Never throws on bad UTF-8: an ill-formed byte becomes a one-byte
/// punctuation token.
void split_tokens(std::string_view text, const std::vector<TokenSpan>& spans, Tokens& out);

/// Lower-cases a UTF-8 string with ICU's simple case mapping and folds
/// punctuation variants to ASCII (for the words of the rules).
std::string fold_case(std::string_view s);

}  // namespace tagwerk::timeline
