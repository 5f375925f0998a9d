#include "quote_marks.hpp"

#include <tagwerk/text/char_class.hpp>

namespace tagwerk::quotes {
namespace {

bool is_letter_at(std::string_view text, std::int32_t i) {
  if (i < 0 || i >= static_cast<std::int32_t>(text.size())) return false;
  const text::Utf8Cursor cur(text, static_cast<std::int32_t>(text.size()));
  return text::is_alnum(cur.class_at(i));
}

// The start of the code point before byte offset i.
std::int32_t prev_start(std::string_view text, std::uint32_t i) {
  if (i == 0) return -1;
  return static_cast<std::int32_t>(text::code_point_start(text, i - 1));
}

// Which closing marks end a quotation opened by `open`.
bool closes(char32_t open, char32_t close) {
  switch (open) {
    case U'\u201E':
      return close == U'\u201C' || close == U'\u201D' || close == U'"';
    case U'\u201C':
      return close == U'\u201D' || close == U'"' || close == U'\u201C';
    case U'\u201D':
      return close == U'\u201D';
    case U'"':
      return close == U'"' || close == U'\u201D' || close == U'\u201C';
    case U'\u00BB':
      return close == U'\u00AB';
    case U'\u00AB':
      return close == U'\u00BB';
    case U'\u201A':
      return close == U'\u2018' || close == U'\u2019';
    case U'\u2018':
      return close == U'\u2019' || close == U'\u2018';
    case U'\u203A':
      return close == U'\u2039';
    case U'\u2039':
      return close == U'\u203A';
    case U'\'':
      return close == U'\'' || close == U'\u2019';
    default:
      return false;
  }
}

}  // namespace

MarkInfo classify_mark(std::string_view text, std::uint32_t begin, std::uint32_t end) {
  MarkInfo m;
  const text::Utf8Cursor cur(text, static_cast<std::int32_t>(end));
  std::int32_t next = 0;
  const text::CodePoint c = cur.at(static_cast<std::int32_t>(begin), &next);
  if (static_cast<std::uint32_t>(next) != end || c < 0) return m;
  const bool letter_before = is_letter_at(text, prev_start(text, begin));
  const bool letter_after = is_letter_at(text, static_cast<std::int32_t>(end));
  m.self = static_cast<char32_t>(c);
  switch (c) {
    case 0x201E:
    case 0x00BB:
    case 0x00AB:
    case 0x201C:
    case 0x201D:
    case '"':
      m.is_mark = true;
      m.can_open = c != 0x201D || !letter_before;
      m.can_close = c != 0x201E;
      break;
    case 0x201A:
    case 0x2018:
    case 0x203A:
    case 0x2039:
      m.is_mark = true;
      m.single = true;
      m.can_open = !letter_before;
      m.can_close = c != 0x201A && !letter_after;
      break;
    case 0x2019:
    case '\'':
      // An apostrophe between letters ("Clinton’s") or after one ("Jones’") is no mark.
      if (letter_before && letter_after) return m;
      m.is_mark = true;
      m.single = true;
      m.can_open = c == '\'' && !letter_before && letter_after;
      m.can_close = !letter_after;
      break;
    default:
      break;
  }
  return m;
}

void pair_marks(const std::vector<MarkInfo>& marks, const std::vector<bool>& line_break_after, int first,
                std::vector<MarkPair>& out) {
  const int n = static_cast<int>(marks.size());
  int open = -1;  // index into marks of the open double quotation
  int open_single = -1;
  auto repair = [&](int& at, int end) {
    // The quotation runs to the first line break after it, or to `end`.
    int stop = end;
    for (int k = at; k < end; ++k)
      if (line_break_after[k]) {
        stop = k + 1;
        break;
      }
    out.push_back({first + at, -1, first + stop});
    at = -1;
  };
  for (int i = 0; i < n; ++i) {
    const MarkInfo& m = marks[i];
    if (!m.is_mark) continue;
    if (!m.single) {
      if (open >= 0 && m.can_close && closes(marks[open].self, m.self)) {
        if (open_single >= 0) open_single = -1;  // a nested single quotation left open
        out.push_back({first + open, first + i, 0});
        open = -1;
        continue;
      }
      if (open >= 0 && m.can_open && m.self == marks[open].self) repair(open, i);  // a new one of its kind
      if (open < 0 && open_single < 0 && m.can_open) open = i;
      continue;
    }
    if (open >= 0) continue;  // nested inside a double quotation
    if (open_single >= 0 && m.can_close && closes(marks[open_single].self, m.self)) {
      out.push_back({first + open_single, first + i, 0});
      open_single = -1;
    } else if (open_single < 0 && m.can_open) {
      open_single = i;
    }
  }
  if (open >= 0) repair(open, n);
  // An unclosed single mark is more often an apostrophe than a quotation: dropped.
}

}  // namespace tagwerk::quotes
