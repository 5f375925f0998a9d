#include <tagwerk/text/char_class.hpp>

namespace tagwerk::text {

namespace detail {

CharClass classify_icu(CodePoint c) noexcept {
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
      return CharClass::letter;
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
      return CharClass::mark;
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return CharClass::digit;
    case U_SPACE_SEPARATOR:
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
    case U_CONTROL_CHAR:
      return CharClass::space;
    case U_FORMAT_CHAR:
      return CharClass::format;
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
      return CharClass::punct;
    default:
      return CharClass::sym;
  }
}

const std::array<CharClass, 128>& build_ascii_classes() noexcept {
  static const std::array<CharClass, 128> table = [] {
    std::array<CharClass, 128> t{};
    for (CodePoint c = 0; c < 128; ++c) t[static_cast<std::size_t>(c)] = classify_icu(c);
    return t;
  }();
  return table;
}

}  // namespace detail

bool is_closing(CodePoint c) noexcept {
  if (c == u'"' || c == u'\'') return true;
  if (c < 0) return false;
  auto t = u_charType(c);
  return t == U_END_PUNCTUATION || t == U_INITIAL_PUNCTUATION || t == U_FINAL_PUNCTUATION;
}

int detail::encode_utf8_multibyte(CodePoint c, char* out) noexcept {
  std::int32_t n = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<std::uint8_t*>(out), n, 4, c, error);
  return error ? 0 : n;
}

std::size_t code_point_start(std::string_view s, std::size_t i) noexcept {
  if (i >= s.size()) return s.size();
  auto k = static_cast<std::int32_t>(i);
  U8_SET_CP_START(reinterpret_cast<const std::uint8_t*>(s.data()), 0, k);
  return static_cast<std::size_t>(k);
}

}  // namespace tagwerk::text
