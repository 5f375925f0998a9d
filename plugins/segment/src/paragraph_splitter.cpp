#include "paragraph_splitter.hpp"

#include <tagwerk/text/char_class.hpp>

#include <cstring>

namespace tagwerk::segment {

namespace {
// True when text[b, e) holds nothing but white space and format characters.
bool is_blank(const text::Utf8Cursor& cursor, std::int32_t b, std::int32_t e) {
  std::int32_t i = b;
  while (i < e) {
    text::CodePoint c = cursor.at(i, &i);
    if (c < 0) return false;
    if (!text::is_white_space(c) && text::classify(c) != text::CharClass::format) return false;
  }
  return true;
}
}  // namespace

void split_paragraphs(std::string_view str, std::vector<TextRange>& out) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(str.data());
  const auto n = static_cast<std::int32_t>(str.size());
  const text::Utf8Cursor cursor(str, n);
  bool open = false;
  TextRange current;
  std::int32_t line = 0;
  while (line <= n) {
    // Lines end at '\n' ("\r\n" leaves a '\r', which is white space).
    const void* nl = line < n ? std::memchr(s + line, '\n', static_cast<std::size_t>(n - line)) : nullptr;
    std::int32_t line_end = nl ? static_cast<std::int32_t>(static_cast<const std::uint8_t*>(nl) - s) : n;
    if (is_blank(cursor, line, line_end)) {
      if (open) out.push_back(current);
      open = false;
    } else {
      if (!open) current.begin = static_cast<std::uint32_t>(line);
      current.end = static_cast<std::uint32_t>(line_end);
      open = true;
    }
    line = line_end + 1;
  }
  if (open) out.push_back(current);
}

}  // namespace tagwerk::segment
