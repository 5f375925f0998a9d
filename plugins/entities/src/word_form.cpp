#include "word_form.hpp"

#include <tagwerk/text/char_class.hpp>

namespace tagwerk::entities {

namespace txt = tagwerk::text;

namespace {

void push_shape(std::string& shape, char c, int& run, char& last, int max_run) {
  if (c == last) {
    if (run >= max_run) return;
    ++run;
  } else {
    last = c;
    run = 1;
  }
  shape += c;
}

}  // namespace

void make_word_form(std::string_view w, WordForm& out) {
  out.lower.clear();
  out.shape.clear();
  out.short_shape.clear();
  out.upper_initial = out.all_upper = out.has_digit = out.has_hyphen = false;
  out.length = 0;
  const txt::Utf8Cursor cur(w, static_cast<std::int32_t>(w.size()));
  int run = 0, short_run = 0;
  char last = 0, short_last = 0;
  int letters = 0, lowers = 0;
  bool prev_alnum = false;
  for (std::int32_t i = 0; i < static_cast<std::int32_t>(w.size());) {
    std::int32_t next;
    const txt::CodePoint c = cur.at(i, &next);
    const txt::CharClass k = txt::classify(c);
    char s;
    if (k == txt::CharClass::letter) {
      ++letters;
      if (txt::is_upper_or_title(c)) {
        s = 'X';
        if (out.length == 0) out.upper_initial = true;
      } else {
        s = 'x';
        ++lowers;
      }
    } else if (k == txt::CharClass::digit) {
      s = 'd';
      out.has_digit = true;
    } else if (k == txt::CharClass::mark) {
      s = 'x';
    } else {
      s = c >= 0 && c < 0x80 ? static_cast<char>(c) : '*';
      if (c == '-' && prev_alnum && next < static_cast<std::int32_t>(w.size())) out.has_hyphen = true;
    }
    prev_alnum = txt::is_alnum(k);
    txt::append_utf8(out.lower, txt::to_lower(c));
    if (c < 0) out.lower += '?';
    push_shape(out.shape, s, run, last, 2);
    push_shape(out.short_shape, s, short_run, short_last, 1);
    ++out.length;
    i = next;
  }
  out.all_upper = letters >= 2 && lowers == 0;
}

std::string lower_case(std::string_view w) {
  std::string out;
  out.reserve(w.size());
  const txt::Utf8Cursor cur(w, static_cast<std::int32_t>(w.size()));
  for (std::int32_t i = 0; i < static_cast<std::int32_t>(w.size());) {
    std::int32_t next;
    const txt::CodePoint c = cur.at(i, &next);
    if (c < 0)
      out += '?';
    else
      txt::append_utf8(out, txt::to_lower(c));
    i = next;
  }
  return out;
}

std::string_view strip_genitive(std::string_view w, bool bare_s) noexcept {
  for (std::string_view apo : {"'s", "\xE2\x80\x99s"}) {
    if (w.size() > apo.size() + 1 && w.substr(w.size() - apo.size()) == apo)
      return w.substr(0, w.size() - apo.size());
  }
  for (std::string_view apo : {"'", "\xE2\x80\x99"}) {
    if (w.size() > apo.size() + 2 && w.substr(w.size() - apo.size()) == apo) {
      const char before = w[w.size() - apo.size() - 1];
      if (before == 's' || before == 'x' || before == 'z') return w.substr(0, w.size() - apo.size());
    }
  }
  if (bare_s && w.size() >= 4 && w.back() == 's') {
    // at least three letters before it, the last of them not itself an 's' ("Boss")
    const char before = w[w.size() - 2];
    if (before != 's' && before != '\'' && before != '-') return w.substr(0, w.size() - 1);
  }
  return w;
}

std::string_view strip_genitive_es(std::string_view w) noexcept {
  return w.size() > 5 && w.substr(w.size() - 2) == "es" ? w.substr(0, w.size() - 2) : w;
}

WordForm first_char_form(std::string_view w) {
  WordForm f;
  make_word_form(w.substr(0, first_char_bytes(w)), f);
  return f;
}

std::size_t first_char_bytes(std::string_view w) noexcept {
  if (w.empty()) return 0;
  std::int32_t next;
  txt::Utf8Cursor(w, static_cast<std::int32_t>(w.size())).at(0, &next);
  return static_cast<std::size_t>(next);
}

}  // namespace tagwerk::entities
