#include "tokenizer.hpp"

#include <tagwerk/text/char_class.hpp>

#include <array>

namespace tagwerk::segment {

std::string_view to_string(TokenKind kind) noexcept {
  switch (kind) {
    case TokenKind::word:
      return "word";
    case TokenKind::num:
      return "num";
    case TokenKind::punct:
      return "punct";
    case TokenKind::sym:
      return "sym";
    case TokenKind::url:
      return "url";
    case TokenKind::mention:
      return "mention";
    case TokenKind::hashtag:
      return "hashtag";
  }
  return "word";
}

namespace {

using text::CharClass;
using text::classify;
using text::CodePoint;
using text::is_alnum;
using text::is_closing;
using text::is_line_break;
using text::is_lower;
using text::is_upper_or_title;
using text::Utf8Cursor;
using Scanner = text::Utf8Cursor;

bool is_word_hyphen(CodePoint c) {
  return c == u'-' || c == 0x2010 || c == 0x2011;
}
bool is_apostrophe(CodePoint c) {
  return c == u'\'' || c == 0x2019;
}
// Marks that may end a sentence; a run of them ("...", "?!") is one token.
bool is_terminal(CodePoint c) {
  return c == u'.' || c == u'!' || c == u'?' || c == 0x2026 || c == 0x203C || c == 0x2047 || c == 0x2048 ||
         c == 0x2049 || c == 0x3002 || c == 0xFF01 || c == 0xFF0E || c == 0xFF1F;
}
// Top-level domains that make "tagesschau.de" one url token without a scheme.
constexpr std::array<std::string_view, 20> kBareDomainTlds = {"de", "com", "org", "net", "at",   "ch", "eu",
                                                              "uk", "io",  "gov", "edu", "info", "fr", "it",
                                                              "nl", "ru",  "tv",  "es",  "pl",   "us"};

bool starts_with_ascii_nocase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char a = s[i];
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
    if (a != prefix[i]) return false;
  }
  return true;
}

// Scans "z.B.", "U.S.", "i.d.R.", "Ph.D.": at least two runs of 1-3 letters,
// each followed by a period, and no letter right after the last period.
// Returns the end offset, or -1 when the pattern does not start at i.
std::int32_t scan_dotted_abbreviation(const Scanner& sc, std::int32_t i) {
  int parts = 0;
  std::int32_t pos = i;
  while (pos < sc.end()) {
    int letters = 0;
    std::int32_t next;
    while (pos < sc.end()) {
      CodePoint c = sc.at(pos, &next);
      if (c < 0 || classify(c) != CharClass::letter) break;
      ++letters;
      pos = next;
    }
    if (letters == 0 || letters > 3) break;
    if (sc.at(pos) != u'.') break;
    ++parts;
    pos += 1;
    i = pos;
    if (sc.class_at(pos) != CharClass::letter) break;
  }
  return parts >= 2 ? i : -1;
}

// Scans a URL with a scheme or "www." up to whitespace, minus trailing punctuation.
std::int32_t scan_url(const Scanner& sc, std::int32_t i) {
  std::int32_t pos = i, last_kept = i;
  while (pos < sc.end()) {
    std::int32_t next;
    CodePoint c = sc.at(pos, &next);
    if (c < 0) break;
    CharClass k = classify(c);
    if (k == CharClass::space || c == u'<' || c == u'>' || c == u'"' || c == 0x201C || c == 0x201D ||
        c == 0x00AB || c == 0x00BB)
      break;
    // Trailing sentence punctuation and closing brackets are not part of the URL.
    if (!(c == u'.' || c == u',' || c == u';' || c == u':' || c == u'!' || c == u'?' || c == u')' ||
          c == u']' || c == u'\'' || c == 0x2019))
      last_kept = next;
    pos = next;
  }
  return last_kept;
}

// Scans "tagesschau.de" or "news.bbc.co.uk" (labels of letters, digits and
// hyphens ending in a known TLD, followed by no letter or digit). Returns the
// end offset or -1.
std::int32_t scan_bare_domain(std::string_view text, const Scanner& sc, std::int32_t i) {
  std::int32_t pos = i;
  std::int32_t label_begin = i;
  int labels = 0;
  std::int32_t result = -1;
  while (pos < sc.end()) {
    std::int32_t next;
    CodePoint c = sc.at(pos, &next);
    if (c >= 0 && (is_alnum(classify(c)) || c == u'-')) {
      pos = next;
      continue;
    }
    if (pos == label_begin) break;
    ++labels;
    if (labels >= 2) {
      auto label =
          text.substr(static_cast<std::size_t>(label_begin), static_cast<std::size_t>(pos - label_begin));
      for (auto tld : kBareDomainTlds)
        if (label == tld) result = pos;
    }
    if (c != u'.' || !is_alnum(sc.class_at(next))) break;
    pos = next;
    label_begin = pos;
  }
  if (pos >= sc.end() && pos > label_begin) {
    ++labels;
    auto label =
        text.substr(static_cast<std::size_t>(label_begin), static_cast<std::size_t>(pos - label_begin));
    if (labels >= 2)
      for (auto tld : kBareDomainTlds)
        if (label == tld) result = pos;
  }
  return result;
}

// Scans the part of an e-mail address from its '@' on; returns its end.
std::int32_t scan_email_tail(const Scanner& sc, std::int32_t at) {
  std::int32_t pos = at, kept = at;
  std::int32_t next;
  sc.at(pos, &next);  // the '@'
  pos = next;
  while (pos < sc.end()) {
    CodePoint x = sc.at(pos, &next);
    if (x < 0) break;
    if (is_alnum(classify(x)) || x == u'_' || x == u'-' || x == u'+')
      kept = next;
    else if (x != u'.')
      break;
    pos = next;
  }
  return kept;
}

}  // namespace

bool Tokenizer::is_sentence_starter(std::string_view word) const {
  return lexicon_->sentence_starters.contains(word);
}

void Tokenizer::tokenize(std::string_view text, std::uint32_t begin, std::uint32_t end,
                         const TokenizerOptions& options, std::vector<Token>& out) const {
  const std::size_t first = out.size();
  Scanner sc(text, static_cast<std::int32_t>(end));
  std::int32_t i = static_cast<std::int32_t>(begin);
  bool line_break = false;

  auto emit = [&](std::int32_t b, std::int32_t e, TokenKind kind, std::uint8_t flags) {
    if (line_break) flags |= kLineBreakBefore;
    line_break = false;
    out.push_back(Token{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), kind, flags});
  };

  while (i < sc.end()) {
    const std::int32_t start = i;
    std::int32_t next;
    CodePoint c = sc.at(i, &next);
    if (c < 0) {
      emit(start, next, TokenKind::sym, 0);
      i = next;
      continue;
    }
    CharClass k = classify(c);
    if (k == CharClass::space) {
      if (is_line_break(c)) line_break = true;
      i = next;
      continue;
    }
    if (k == CharClass::format) {
      i = next;
      continue;
    }

    // URLs with a scheme or www.
    if (c == u'h' || c == u'H' || c == u'w' || c == u'W') {
      auto rest = text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(sc.end() - start));
      if (starts_with_ascii_nocase(rest, "http://") || starts_with_ascii_nocase(rest, "https://") ||
          starts_with_ascii_nocase(rest, "www.")) {
        std::int32_t e = scan_url(sc, start);
        emit(start, e, TokenKind::url, 0);
        i = e;
        continue;
      }
    }

    // @mentions and #hashtags.
    if ((c == u'@' || c == u'#') && next < sc.end()) {
      std::int32_t pos = next;
      while (pos < sc.end()) {
        std::int32_t n2;
        CodePoint d = sc.at(pos, &n2);
        if (d < 0 || !(is_alnum(classify(d)) || d == u'_')) break;
        pos = n2;
      }
      if (pos > next) {
        emit(start, pos, c == u'@' ? TokenKind::mention : TokenKind::hashtag, 0);
        i = pos;
        continue;
      }
    }

    if (is_alnum(k)) {
      std::uint8_t flags = 0;
      if (is_upper_or_title(c))
        flags |= kUpperInitial;
      else if (is_lower(c))
        flags |= kLowerInitial;

      bool has_letter = (k == CharClass::letter);
      bool dot_before_letter = false;  // stopped at "x.y": maybe "z.B." or "tagesschau.de"
      bool email = false;
      CharClass prev = k;
      std::int32_t pos = next;
      while (pos < sc.end()) {
        std::int32_t n2;
        CodePoint d = sc.at(pos, &n2);
        if (d < 0) break;
        CharClass dk = classify(d);
        if (is_alnum(dk)) {
          has_letter |= (dk == CharClass::letter);
          prev = dk;
          pos = n2;
          continue;
        }
        if (dk == CharClass::format) {  // soft hyphen, zero-width joiner inside a word
          pos = n2;
          continue;
        }
        // Joiners count only between two word characters.
        std::int32_t n3;
        CodePoint after = n2 < sc.end() ? sc.at(n2, &n3) : U_SENTINEL;
        CharClass ak = after < 0 ? CharClass::space : classify(after);
        if (is_word_hyphen(d) && is_alnum(ak)) {
          pos = n2;
          continue;
        }
        if (is_apostrophe(d) && prev == CharClass::letter && ak == CharClass::letter) {
          pos = n2;
          continue;
        }
        if ((d == u'.' || d == u',' || d == u':' || d == u'/') && prev == CharClass::digit &&
            ak == CharClass::digit) {
          pos = n2;
          continue;
        }
        if (d == u'.' && ak == CharClass::letter) dot_before_letter = true;
        if (d == u'@' && is_alnum(ak)) email = true;
        // "Nord- und Süd-": a hyphen right after letters, before a space or comma.
        if (is_word_hyphen(d) && prev == CharClass::letter &&
            (ak == CharClass::space || after == u',' || after == U_SENTINEL)) {
          pos = n2;
        }
        break;
      }
      if (dot_before_letter) {
        std::int32_t e = k == CharClass::letter ? scan_dotted_abbreviation(sc, start) : -1;
        if (e > 0) {
          emit(start, e, TokenKind::word, static_cast<std::uint8_t>(flags | kAbbreviation));
          i = e;
          continue;
        }
        e = scan_bare_domain(text, sc, start);
        if (e > 0) {
          emit(start, e, TokenKind::url, 0);
          i = e;
          continue;
        }
      }
      if (email) {
        std::int32_t e = scan_email_tail(sc, pos);
        emit(start, e, TokenKind::url, 0);
        i = e;
        continue;
      }
      emit(start, pos, has_letter ? TokenKind::word : TokenKind::num, has_letter ? flags : 0);
      i = pos;
      continue;
    }

    if (k == CharClass::punct) {
      if (is_terminal(c)) {
        std::int32_t pos = next;
        while (pos < sc.end()) {
          std::int32_t n2;
          CodePoint d = sc.at(pos, &n2);
          if (d < 0 || !is_terminal(d)) break;
          pos = n2;
        }
        emit(start, pos, TokenKind::punct, kTerminal);
        i = pos;
        continue;
      }
      emit(start, next, TokenKind::punct, is_closing(c) ? kClosing : 0);
      i = next;
      continue;
    }

    // A symbol, with the marks and joiners that modify it (emoji presentation,
    // skin tones are symbols of their own).
    std::int32_t pos = next;
    while (pos < sc.end()) {
      CharClass dk = sc.class_at(pos);
      if (dk != CharClass::mark && dk != CharClass::format) break;
      std::int32_t n2;
      sc.at(pos, &n2);
      pos = n2;
    }
    emit(start, pos, TokenKind::sym, 0);
    i = pos;
  }
  merge_periods(text, first, options, out);
}

// Second pass: a period right after a word or number joins it when the word is
// an abbreviation ("Dr.", "Jan.", single letters like "J." or "z.") or the
// number is an ordinal ("am 07. Juli", "der 3. Platz").
void Tokenizer::merge_periods(std::string_view text, std::size_t first, const TokenizerOptions& options,
                              std::vector<Token>& tokens) const {
  auto slice = [&](std::uint32_t b, std::uint32_t e) { return text.substr(b, e - b); };
  auto is_period = [&](const Token& t) { return t.end - t.begin == 1 && text[t.begin] == '.'; };

  std::size_t w = first;
  const std::size_t n = tokens.size();
  for (std::size_t r = first; r < n; ++r) {
    Token t = tokens[r];
    if (r + 1 < n && is_period(tokens[r + 1]) && tokens[r + 1].begin == t.end) {
      const Token& dot = tokens[r + 1];
      if (t.kind == TokenKind::word && !t.has(kAbbreviation)) {
        auto word = slice(t.begin, t.end);
        Utf8Cursor cursor(word, static_cast<std::int32_t>(word.size()));
        std::int32_t one = 0;
        CodePoint c = word.empty() ? U_SENTINEL : cursor.at(0, &one);
        bool single_letter = c >= 0 && static_cast<std::size_t>(one) == word.size();
        if (single_letter || lexicon_->abbreviations.contains_any_initial_case(slice(t.begin, dot.end))) {
          t.end = dot.end;
          t.flags |= kAbbreviation;
          tokens[w++] = t;
          ++r;
          continue;
        }
      } else if (t.kind == TokenKind::num && options.dot_ordinals && r + 2 < n) {
        // 1-3 digits ("3.", "07.", "100.") or a day and month ("09.07.").
        auto num = slice(t.begin, t.end);
        bool digits_only = num.find_first_not_of("0123456789") == std::string_view::npos;
        bool ordinal_shape = (digits_only && num.size() <= 3) ||
                             (num.size() == 5 && num[2] == '.' &&
                              num.find_first_not_of("0123456789", 3) == std::string_view::npos &&
                              num.find_first_not_of("0123456789") == 2);
        const Token& after = tokens[r + 2];
        bool next_fits =
            !after.has(kLineBreakBefore) &&
            ((after.kind == TokenKind::word && !is_sentence_starter(slice(after.begin, after.end))) ||
             (after.kind == TokenKind::num && digits_only && num.size() <= 2));
        if (ordinal_shape && next_fits) {
          t.end = dot.end;
          t.flags |= kOrdinal;
          tokens[w++] = t;
          ++r;
          continue;
        }
      }
    }
    tokens[w++] = t;
  }
  tokens.resize(w);
}

}  // namespace tagwerk::segment
