#include "rule_tokens.hpp"

#include <tagwerk/text/char_class.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

namespace tagwerk::timeline {

namespace {

using text::CharClass;
using text::CodePoint;
using text::Utf8Cursor;

// What a code point is to the rules: digits are ASCII digits (their value is
// read), letters and marks form words, format characters are invisible.
enum class Piece : std::uint8_t { Space, Invisible, Letter, Digit, Other };

Piece piece_of_class(CodePoint c) {
  if (text::is_ascii_digit(c)) return Piece::Digit;
  switch (text::classify(c)) {
    case CharClass::space:
      return Piece::Space;
    case CharClass::format:
      return Piece::Invisible;
    case CharClass::letter:
    case CharClass::mark:
      return Piece::Letter;
    default:
      return Piece::Other;
  }
}

// The ASCII pieces, from the same classification, looked up (most text is ASCII).
// Built at load time; split_tokens() is never called during static initialization.
const std::array<Piece, 128> kAsciiPiece = [] {
  std::array<Piece, 128> table{};
  for (CodePoint c = 0; c < 128; ++c) table[static_cast<std::size_t>(c)] = piece_of_class(c);
  return table;
}();

// An ASCII letter's folded byte by the byte; 0 for every other byte (non-ASCII included).
const std::array<char, 256> kAsciiLetterFold = [] {
  std::array<char, 256> table{};
  for (CodePoint c = 0; c < 128; ++c)
    if (kAsciiPiece[static_cast<std::size_t>(c)] == Piece::Letter)
      table[static_cast<std::size_t>(c)] = static_cast<char>(text::to_lower(c));
  return table;
}();

inline Piece piece_of(CodePoint c) {
  return c >= 0 && c < 0x80 ? kAsciiPiece[static_cast<std::size_t>(c)] : piece_of_class(c);
}

// Punctuation variants folded to their ASCII form, so rules write "-" and "'".
CodePoint fold_punct(CodePoint c) {
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

// True when text[begin, end) between two segment tokens holds only format
// characters: the tokens are written together.
bool only_invisible(const Utf8Cursor& cursor, const char* bytes, std::int32_t begin, std::int32_t end) {
  for (std::int32_t i = begin; i < end;) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) {  // a space, nearly always: no decoding
      if (kAsciiPiece[b] != Piece::Invisible) return false;
      ++i;
    } else if (piece_of(cursor.at(i, &i)) != Piece::Invisible) {
      return false;
    }
  }
  return true;
}

// Writes folded text straight into Tokens::folded, which it keeps longer than
// needed while it works (a push_back per character cost a tenth of the engine);
// finish() cuts it to what was written.
class FoldWriter {
 public:
  explicit FoldWriter(std::string& out) : out_(out), used_(out.size()) {}

  /// Room for the folded form of `bytes` bytes of text (a code point of n bytes
  /// folds to at most 4).
  void reserve_for(std::size_t bytes) {
    if (out_.size() < used_ + 4 * bytes) out_.resize(std::max(2 * out_.size(), used_ + 4 * bytes));
  }
  void put(CodePoint c) noexcept {
    used_ += static_cast<std::size_t>(text::encode_utf8(c, out_.data() + used_));
  }
  /// Where the next byte goes, for a loop that writes bytes itself (a store through a char*
  /// may alias used_, so put() in a loop reloads it every time) and then calls set_tail().
  char* tail() noexcept { return out_.data() + used_; }
  void set_tail(const char* p) noexcept { used_ = static_cast<std::size_t>(p - out_.data()); }
  std::size_t size() const noexcept { return used_; }
  void finish() { out_.resize(used_); }

 private:
  std::string& out_;
  std::size_t used_;
};

// Kinds of segment tokens that are names, not text: a date inside
// "tagesschau.de/2017/07/09/" or "#G20" is none of the text's times.
bool is_opaque(std::string_view kind) {
  return kind == "url" || kind == "mention" || kind == "hashtag";
}

// Appends a segment token whole, as one token that no rule element matches.
void keep_whole(const Utf8Cursor& cursor, std::int32_t begin, std::int32_t end, bool glued, Tokens& out,
                FoldWriter& fold) {
  fold.reserve_for(static_cast<std::size_t>(end - begin));
  Token t;
  t.begin = static_cast<std::uint32_t>(begin);
  t.end = static_cast<std::uint32_t>(end);
  t.kind = TokenKind::Opaque;
  t.glued = glued && !out.tokens.empty();
  t.fold_begin = static_cast<std::uint32_t>(fold.size());
  for (std::int32_t i = begin; i < end;) {
    const CodePoint c = cursor.at(i, &i);
    if (c >= 0) fold.put(text::to_lower(c));
  }
  t.fold_size = static_cast<std::uint32_t>(fold.size()) - t.fold_begin;
  out.tokens.push_back(t);
}

// Whether bytes[begin, end) (not empty) are all ASCII letters; if so their folded forms are
// written at w, which is left past them. Eight bytes at a time while the text (`size` bytes)
// has eight from there: one load, a test of the eight bytes at once (those past `end` shifted
// out) and one store, where the table cost eight instructions a letter. Writes up to seven
// bytes past the folded letters (the caller has the room) and, on false, leaves any bytes at w.
bool fold_ascii_letters(const char* bytes, std::int32_t size, std::int32_t begin, std::int32_t end,
                        char*& w) {
  std::int32_t j = begin;
  if constexpr (std::endian::native == std::endian::little) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    // The top bit of each byte that is no letter. y: each byte lower-cased (bit 5 set) with its
    // top bit cleared, so that the sums carry into no other byte; a letter is a byte of x below
    // 0x80 whose y lies from 'a' to 'z'.
    const auto non_letters = [](std::uint64_t x, std::uint64_t y) {
      return (x | ~(y + (0x80 - 'a') * kOnes) | (y + (0x80 - 'z' - 1) * kOnes)) & (0x80 * kOnes);
    };
    std::uint64_t x, y;
    for (; end - j > 8 && j + 8 <= size; j += 8, w += 8) {  // words longer than eight letters
      std::memcpy(&x, bytes + j, 8);
      y = (x | 0x20 * kOnes) & (0x7F * kOnes);
      if (non_letters(x, y) != 0) return false;
      std::memcpy(w, &y, 8);
    }
    if (j + 8 <= size) {  // the last one to eight letters; the bytes after them shifted out
      const auto n = static_cast<unsigned>(end - j);
      std::memcpy(&x, bytes + j, 8);
      y = (x | 0x20 * kOnes) & (0x7F * kOnes);
      if (non_letters(x, y) << (64 - 8 * n) != 0) return false;
      std::memcpy(w, &y, 8);
      w += n;
      return true;
    }
  }
  for (char f; j < end && (f = kAsciiLetterFold[static_cast<unsigned char>(bytes[j])]) != 0; ++j) *w++ = f;
  return j == end;
}

// The usual segment token, ASCII letters only ("the") or one ASCII punctuation byte, as one
// rule token without the general loop (its fixed cost per token weighed most on English,
// whose words are short). False, with nothing appended, for any other token. The fold
// buffer has room for seven bytes more than the token's folded form (fold_ascii_letters).
bool cut_ascii(const char* bytes, std::int32_t size, std::int32_t begin, std::int32_t end, bool glued,
               Tokens& out, FoldWriter& fold) {
  const auto first = static_cast<unsigned char>(bytes[begin]);
  char* w = fold.tail();
  TokenKind kind;
  if (kAsciiLetterFold[first] != 0) {
    if (!fold_ascii_letters(bytes, size, begin, end, w)) return false;
    kind = TokenKind::Word;
  } else if (end == begin + 1 && first < 0x80 && kAsciiPiece[first] == Piece::Other) {
    *w++ = static_cast<char>(first);
    kind = TokenKind::Punct;
  } else {
    return false;
  }
  const bool token_glued = glued && !out.tokens.empty();
  Token& t = out.tokens.emplace_back();
  t.begin = static_cast<std::uint32_t>(begin);
  t.end = static_cast<std::uint32_t>(end);
  t.kind = kind;
  t.glued = token_glued;
  t.upper_initial = first >= 'A' && first <= 'Z';
  t.fold_begin = static_cast<std::uint32_t>(fold.size());
  t.fold_size = static_cast<std::uint32_t>(end - begin);
  fold.set_tail(w);
  return true;
}

// Appends the rule tokens of one segment token text[begin, end); bytes is the text's.
void split_one(const Utf8Cursor& cursor, const char* bytes, std::int32_t begin, std::int32_t end, bool glued,
               Tokens& out, FoldWriter& fold) {
  // Two bytes more: cut_ascii writes up to seven bytes past a folded word (4 x 2 >= 7).
  fold.reserve_for(static_cast<std::size_t>(end - begin) + 2);
  if (cut_ascii(bytes, cursor.end(), begin, end, glued, out, fold)) return;
  std::int32_t i = begin;
  bool space_before = !glued;
  while (i < end) {
    const std::int32_t start = i;
    CodePoint c = cursor.at(i, &i);
    const Piece piece = piece_of(c);
    if (piece == Piece::Space) {
      space_before = true;
      continue;
    }
    if (piece == Piece::Invisible) continue;
    const bool token_glued = !space_before && !out.tokens.empty();
    Token& t = out.tokens.emplace_back();  // filled in place (a copy per token cost 4 % of the step)
    t.begin = static_cast<std::uint32_t>(start);
    t.glued = token_glued;
    t.fold_begin = static_cast<std::uint32_t>(fold.size());
    space_before = false;
    if (piece == Piece::Digit) {
      t.kind = TokenKind::Number;
      std::int64_t v = c - '0';
      int digits = 1;
      fold.put(c);
      std::int32_t next;
      while (i < end && text::is_ascii_digit(c = cursor.at(i, &next))) {
        if (v < 1000000000000LL) v = v * 10 + (c - '0');
        fold.put(c);
        ++digits;
        i = next;
      }
      t.number = v;
      t.digits = static_cast<std::uint8_t>(digits > 255 ? 255 : digits);
    } else if (piece == Piece::Letter) {
      t.kind = TokenKind::Word;
      t.upper_initial = c < 0x80 ? (c >= 'A' && c <= 'Z') : text::is_upper(c);  // ICU for the rest
      fold.put(text::to_lower(c));
      std::int32_t next;
      while (i < end) {
        // ASCII, most of the text: no decoding, no ICU; locals only (a char store may alias
        // anything in memory, i included, whose address the cursor takes).
        char* w = fold.tail();
        std::int32_t j = i;
        for (char f; j < end && (f = kAsciiLetterFold[static_cast<unsigned char>(bytes[j])]) != 0; ++j)
          *w++ = f;
        i = j;
        fold.set_tail(w);
        if (i >= end) break;
        if (static_cast<unsigned char>(bytes[i]) < 0x80) {  // no letter: invisible, or the word ends
          if (kAsciiPiece[static_cast<unsigned char>(bytes[i])] != Piece::Invisible) break;
          ++i;
          continue;
        }
        const CodePoint d = cursor.at(i, &next);
        const Piece p = piece_of(d);
        if (p == Piece::Letter)
          fold.put(text::to_lower(d));
        else if (p != Piece::Invisible)
          break;
        i = next;
      }
    } else {
      t.kind = TokenKind::Punct;
      fold.put(c < 0 ? '?' : fold_punct(c));
    }
    t.end = static_cast<std::uint32_t>(i);
    t.fold_size = static_cast<std::uint32_t>(fold.size()) - t.fold_begin;
  }
}

}  // namespace

std::string fold_case(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const Utf8Cursor cursor(s, static_cast<std::int32_t>(s.size()));
  for (std::int32_t i = 0; i < cursor.end();) {
    const CodePoint c = cursor.at(i, &i);
    if (c >= 0) text::append_utf8(out, text::to_lower(fold_punct(c)));
  }
  return out;
}

void split_tokens(std::string_view text, const std::vector<TokenSpan>& spans, Tokens& out) {
  const auto size = static_cast<std::uint32_t>(text.size());
  out.tokens.reserve(out.tokens.size() + spans.size() + spans.size() / 4);
  const Utf8Cursor cursor(text, static_cast<std::int32_t>(size));
  std::uint32_t prev_end = 0;
  bool first = true;
  FoldWriter fold(out.folded);
  for (const TokenSpan& s : spans) {
    if (s.begin >= s.end || s.end > size || (!first && s.begin < prev_end)) continue;
    const auto begin = static_cast<std::int32_t>(s.begin), end = static_cast<std::int32_t>(s.end);
    // Most gaps are one space (an ASCII byte that is no format character): decided on their
    // first byte here, without the loop's call (a cost per token, which English has more of).
    bool glued = false;
    if (!first) {
      if (prev_end == s.begin) {
        glued = true;
      } else {
        const auto gap = static_cast<unsigned char>(text[prev_end]);  // prev_end < s.begin < size
        glued = (gap >= 0x80 || kAsciiPiece[gap] == Piece::Invisible) &&
                only_invisible(cursor, text.data(), static_cast<std::int32_t>(prev_end), begin);
      }
    }
    if (is_opaque(s.kind))
      keep_whole(cursor, begin, end, glued, out, fold);
    else
      split_one(cursor, text.data(), begin, end, glued, out, fold);
    prev_end = s.end;
    first = false;
  }
  fold.finish();
}

}  // namespace tagwerk::timeline
