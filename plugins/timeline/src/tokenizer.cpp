#include "tokenizer.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace tagwerk::timeline {

namespace {

enum class CharClass : std::uint8_t { Space, Letter, Digit, Punct };

CharClass classify(UChar32 c) {
  if (c < 0x80) {
    if (c >= 'a' && c <= 'z') return CharClass::Letter;
    if (c >= 'A' && c <= 'Z') return CharClass::Letter;
    if (c >= '0' && c <= '9') return CharClass::Digit;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return CharClass::Space;
    return CharClass::Punct;
  }
  if (c < 0) return CharClass::Punct;
  if (u_isUWhiteSpace(c)) return CharClass::Space;
  if (u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0) return CharClass::Letter;
  return CharClass::Punct;
}

// Punctuation variants folded to their ASCII form, so rules write "-" and "'".
UChar32 fold_punct(UChar32 c) {
  switch (c) {
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2212:
      return '-';
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x2032:
      return '\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x00AB:
    case 0x00BB:
      return '"';
    default:
      return c;
  }
}

void append_cp(std::string& out, UChar32 c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
    return;
  }
  char buf[4];
  int32_t n = 0;
  UBool err = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), n, 4, c, err);
  if (!err) out.append(buf, static_cast<size_t>(n));
}

}  // namespace

std::string fold_case(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t i = 0;
  const auto n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) continue;
    append_cp(out, u_tolower(fold_punct(c)));
  }
  return out;
}

void tokenize(std::string_view text, std::uint32_t begin, std::uint32_t end, Tokens& out) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  auto i = static_cast<int32_t>(begin);
  const auto n = static_cast<int32_t>(end);
  bool space_before = true;
  bool newline_before = true;
  while (i < n) {
    const int32_t start = i;
    UChar32 c;
    if (p[i] < 0x80) {
      c = p[i++];
    } else {
      U8_NEXT(p, i, n, c);
    }
    const CharClass cls = classify(c);
    if (cls == CharClass::Space) {
      space_before = true;
      if (c == '\n' || c == 0x2028 || c == 0x2029) newline_before = true;
      continue;
    }
    Token t;
    t.begin = static_cast<std::uint32_t>(start);
    t.glued = !space_before && !out.tokens.empty();
    t.line_start = newline_before;
    t.fold_begin = static_cast<std::uint32_t>(out.folded.size());
    space_before = false;
    newline_before = false;
    if (cls == CharClass::Digit) {
      t.kind = TokenKind::Number;
      std::int64_t v = c - '0';
      int digits = 1;
      out.folded.push_back(static_cast<char>(c));
      while (i < n && p[i] >= '0' && p[i] <= '9') {
        if (v < 1000000000000LL) v = v * 10 + (p[i] - '0');
        out.folded.push_back(static_cast<char>(p[i]));
        ++digits;
        ++i;
      }
      t.number = v;
      t.digits = static_cast<std::uint8_t>(digits > 255 ? 255 : digits);
    } else if (cls == CharClass::Letter) {
      t.kind = TokenKind::Word;
      t.upper_initial = u_isupper(c) != 0;
      for (;;) {
        if (c < 0x80) {
          out.folded.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
        } else {
          append_cp(out.folded, u_tolower(c));
        }
        if (i >= n) break;
        int32_t next = i;
        UChar32 d;
        if (p[next] < 0x80) {
          d = p[next++];
        } else {
          U8_NEXT(p, next, n, d);
        }
        if (classify(d) != CharClass::Letter) break;
        c = d;
        i = next;
      }
    } else {
      t.kind = TokenKind::Punct;
      if (c < 0) {
        out.folded.push_back('?');
      } else {
        append_cp(out.folded, fold_punct(c));
      }
    }
    t.end = static_cast<std::uint32_t>(i);
    t.fold_size = static_cast<std::uint32_t>(out.folded.size()) - t.fold_begin;
    out.tokens.push_back(t);
  }
}

}  // namespace tagwerk::timeline
