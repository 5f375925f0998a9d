// tokenizer.hpp -- splits UTF-8 text into the tokens the rule matcher works on:
// letter runs, ASCII digit runs and single punctuation characters, each with its
// byte span, case-folded text (ICU) and whether whitespace precedes it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tagwerk::timeline {

enum class TokenKind : std::uint8_t { Word, Number, Punct };

struct Token {
  std::uint32_t begin = 0;  // byte offsets into the text, end exclusive
  std::uint32_t end = 0;
  std::uint32_t fold_begin = 0;  // folded text: Tokens::folded.substr(fold_begin, fold_size)
  std::uint32_t fold_size = 0;
  TokenKind kind = TokenKind::Word;
  bool glued = false;          // no whitespace between the previous token and this one
  bool upper_initial = false;  // first letter is upper case in the text
  bool line_start = false;     // first token after a line break (or of the text)
  std::uint8_t digits = 0;     // Number: count of digits
  std::int64_t number = 0;     // Number: its value (saturated)
};

/// Tokens of one text plus the buffer holding their case-folded forms.
struct Tokens {
  std::vector<Token> tokens;
  std::string folded;
  std::string_view fold(const Token& t) const {
    return std::string_view(folded).substr(t.fold_begin, t.fold_size);
  }
  void clear() {
    tokens.clear();
    folded.clear();
  }
};

/// Tokenizes text[begin, end) and appends to out. Never throws on bad UTF-8:
/// an ill-formed byte becomes a one-byte punctuation token.
void tokenize(std::string_view text, std::uint32_t begin, std::uint32_t end, Tokens& out);

/// Lower-cases a UTF-8 string with ICU's simple case mapping (for rule words).
std::string fold_case(std::string_view s);

}  // namespace tagwerk::timeline
