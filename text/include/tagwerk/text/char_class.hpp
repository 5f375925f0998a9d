// tagwerk/text/char_class.hpp -- the character classes the shipped plugins
// tokenize by (ICU general categories folded into seven classes), ICU case
// properties, and a cursor that decodes UTF-8 through ICU only.
//
// Everything here is pure and may be called from several threads at once.
// Ill-formed UTF-8 is never an error: a cursor returns a negative code point
// for it (and still advances), which classifies as `sym`.
#ifndef TAGWERK_TEXT_CHAR_CLASS_HPP
#define TAGWERK_TEXT_CHAR_CLASS_HPP

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace tagwerk::text {

/// A Unicode scalar value, or a negative value for an ill-formed UTF-8 sequence
/// (ICU's UChar32 convention).
using CodePoint = std::int32_t;

enum class CharClass : std::uint8_t {
  space,   // Zs, Zl, Zp and controls (Cc): separates tokens
  format,  // Cf: soft hyphen, zero-width joiners; invisible inside a word
  letter,  // L*
  mark,    // M*: combining marks, part of the letter before them
  digit,   // Nd, Nl, No
  punct,   // P*
  sym,     // everything else (S*, unassigned, private use), and ill-formed bytes
};

namespace detail {
CharClass classify_icu(CodePoint c) noexcept;
const std::array<CharClass, 128>& build_ascii_classes() noexcept;
// ICU's answers for ASCII, asked on first use (safe during static initialization too).
inline const std::array<CharClass, 128>& ascii_classes() noexcept {
  static const std::array<CharClass, 128>& table = build_ascii_classes();
  return table;
}
}  // namespace detail

/// The class of a code point; `sym` for a negative (ill-formed) one.
inline CharClass classify(CodePoint c) noexcept {
  if (c >= 0 && c < 0x80) return detail::ascii_classes()[static_cast<std::size_t>(c)];
  return c < 0 ? CharClass::sym : detail::classify_icu(c);
}

/// Letters, marks and digits: what words and numbers are made of.
inline bool is_alnum(CharClass k) noexcept {
  return k == CharClass::letter || k == CharClass::digit || k == CharClass::mark;
}

/// '0'..'9' only: the digits whose value the plugins compute.
inline bool is_ascii_digit(CodePoint c) noexcept {
  return c >= '0' && c <= '9';
}

/// Line feed, vertical tab, form feed, carriage return, NEL, U+2028, U+2029.
inline bool is_line_break(CodePoint c) noexcept {
  return c == 0x0A || c == 0x0B || c == 0x0C || c == 0x0D || c == 0x85 || c == 0x2028 || c == 0x2029;
}

/// The Unicode White_Space property (what a blank line is made of).
inline bool is_white_space(CodePoint c) noexcept {
  return c >= 0 && u_isUWhiteSpace(c) != 0;
}

/// Upper-case letter (the Uppercase property).
inline bool is_upper(CodePoint c) noexcept {
  return c >= 0 && u_isupper(c) != 0;
}
/// Upper-case or title-case letter (an initial capital).
inline bool is_upper_or_title(CodePoint c) noexcept {
  return c >= 0 && (u_isupper(c) || u_istitle(c));
}
inline bool is_lower(CodePoint c) noexcept {
  return c >= 0 && u_islower(c) != 0;
}

/// Quotes and closing brackets: '"', '\'', and the categories Pe, Pi, Pf.
bool is_closing(CodePoint c) noexcept;

/// ICU's simple lower-case mapping (one code point to one).
inline CodePoint to_lower(CodePoint c) noexcept {
  if (c >= 'A' && c <= 'Z') return c + 32;
  return c < 0x80 ? c : u_tolower(c);
}

namespace detail {
int encode_utf8_multibyte(CodePoint c, char* out) noexcept;
}  // namespace detail

/// Writes the UTF-8 form of a valid code point to out[0, 4) and returns its
/// length in bytes; 0 (nothing written) for an invalid code point.
inline int encode_utf8(CodePoint c, char* out) noexcept {
  if (c >= 0 && c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  return detail::encode_utf8_multibyte(c, out);
}

/// Appends the UTF-8 form of a valid code point; appends nothing for an invalid one.
inline void append_utf8(std::string& out, CodePoint c) {
  char buf[4];
  out.append(buf, static_cast<std::size_t>(encode_utf8(c, buf)));
}

/// A cursor over UTF-8 text[.., end). Borrows the text.
class Utf8Cursor {
 public:
  Utf8Cursor(std::string_view text, std::int32_t end) noexcept
      : s_(reinterpret_cast<const std::uint8_t*>(text.data())), end_(end) {}

  /// The code point at byte offset i (< end) and the offset after it in *next;
  /// negative for an ill-formed sequence, which still advances.
  CodePoint at(std::int32_t i, std::int32_t* next) const noexcept {
    CodePoint c;
    if (s_[i] < 0x80) {
      c = s_[i];
      ++i;
    } else {
      U8_NEXT(s_, i, end_, c);
    }
    *next = i;
    return c;
  }
  /// The code point at i; U_SENTINEL (-1) at or past the end.
  CodePoint at(std::int32_t i) const noexcept {
    if (i >= end_) return U_SENTINEL;
    std::int32_t n;
    return at(i, &n);
  }
  CharClass class_at(std::int32_t i) const noexcept { return classify(at(i)); }
  std::int32_t end() const noexcept { return end_; }

 private:
  const std::uint8_t* s_;
  std::int32_t end_;
};

/// The start of the code point holding byte offset i of s (i itself when it
/// starts one): where to cut a text without splitting a character.
std::size_t code_point_start(std::string_view s, std::size_t i) noexcept;

}  // namespace tagwerk::text

#endif  // TAGWERK_TEXT_CHAR_CLASS_HPP
