#include "rule_set.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <utility>

#include <tagwerk/text/char_class.hpp>

#include "rule_tokens.hpp"

namespace tagwerk::timeline {

namespace {

constexpr std::size_t kMaxCaptures = 8;
constexpr int kMaxOptionals = 10;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split_ws(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

using text::CodePoint;
using text::is_ascii_digit;
using text::Utf8Cursor;

// A letter or mark: what the words of a literal are made of, as in the text.
bool is_word_char(CodePoint c) {
  const text::CharClass k = text::classify(c);
  return k == text::CharClass::letter || k == text::CharClass::mark;
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || is_digit(c) || c == '_';
}

struct ParseError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

ElemKind class_kind(std::string_view name) {
  static const std::pair<std::string_view, ElemKind> kClasses[] = {
      {"DAY", ElemKind::Day},     {"MONTHNUM", ElemKind::MonthNum}, {"YEAR4", ElemKind::Year4},
      {"YEAR2", ElemKind::Year2}, {"HOUR", ElemKind::Hour},         {"MIN", ElemKind::Minute},
      {"CLOCK", ElemKind::Clock}, {"INT", ElemKind::Int},           {"NUM", ElemKind::Num},
      {"WORD", ElemKind::Word}};
  for (const auto& [n, k] : kClasses)
    if (n == name) return k;
  throw ParseError("unknown class <" + std::string(name) +
                   ">; known: <DAY> <MONTHNUM> <YEAR4> <YEAR2> <HOUR> <MIN> <CLOCK> <INT> <NUM> <WORD>");
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

}  // namespace

std::uint32_t RuleSet::intern(const std::string& folded) {
  auto [it, inserted] = words_.try_emplace(folded, static_cast<std::uint32_t>(infos_.size()));
  if (inserted) infos_.emplace_back();
  return it->second;
}

int RuleSet::lexicon(std::string_view name) const {
  for (std::size_t i = 0; i < lexicon_names_.size(); ++i)
    if (lexicon_names_[i] == name) return static_cast<int>(i);
  return -1;
}

namespace {
// The last three bytes of a word (size >= 3) mixed into a bit index: a cheap filter.
std::uint32_t tail_bits(std::string_view w) {
  std::uint32_t h = 0;
  for (std::size_t k = w.size() - 3; k < w.size(); ++k) h = h * 131 + static_cast<unsigned char>(w[k]);
  return h & 0xFFFF;
}
}  // namespace

void RuleSet::add_ending(const std::string& suffix, bool past) {
  if (suffix.size() > 2) {
    const std::uint32_t b = tail_bits(suffix);
    ending_tails_[b >> 6] |= std::uint64_t{1} << (b & 63);
  }
  auto& list = suffix.size() == 2 ? short_endings_ : endings_[suffix.substr(suffix.size() - 3)];
  // Not-past endings are tried first: "besten" is no past though it ends in "-ten".
  list.insert(past ? list.end() : list.begin(), Ending{suffix, past});
}

bool RuleSet::past_ending(std::string_view w) const {
  auto tail = [&](const std::vector<Ending>& list, bool& found) {
    for (const auto& e : list) {
      const std::string_view s = e.suffix;
      // Compared byte by byte from the end: endings are a few bytes, a memcmp call costs more.
      if (w.size() >= s.size() && std::equal(s.rbegin(), s.rend(), w.rbegin()) &&
          (w.size() > s.size() || !e.past)) {
        found = true;
        return e.past;
      }
    }
    return false;
  };
  bool found = false;
  // English has no ending of three bytes or more ("-ed" only): no filter to ask.
  const std::uint32_t bit = w.size() >= 3 && !endings_.empty() ? tail_bits(w) : 0;
  if (w.size() >= 3 && !endings_.empty() && (ending_tails_[bit >> 6] >> (bit & 63) & 1)) {
    auto it = endings_.find(w.substr(w.size() - 3));
    if (it != endings_.end()) {
      const bool past = tail(it->second, found);
      if (found) return past;
    }
  }
  return tail(short_endings_, found);
}

RuleSet RuleSet::load_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error("cannot open rules file '" + path +
                             "' (is the plugin's data folder installed?)");
  std::stringstream ss;
  ss << in.rdbuf();
  return parse(ss.str(), path);
}

RuleSet RuleSet::parse(std::string_view text, const std::string& origin) {
  RuleSet rs;
  int line_no = 0;
  std::size_t pos = 0;

  auto lexicon_id = [&](std::string_view name, bool create) -> std::uint32_t {
    int id = rs.lexicon(name);
    if (id >= 0) return static_cast<std::uint32_t>(id);
    if (!create)
      throw ParseError("unknown lexicon @" + std::string(name) + " (define it with `lex " +
                       std::string(name) + ": ...` above)");
    rs.lexicon_names_.emplace_back(name);
    return static_cast<std::uint32_t>(rs.lexicon_names_.size() - 1);
  };
  auto add_lex_word = [&](std::uint32_t lex, const std::string& word, const std::string& value) {
    std::uint32_t id = rs.intern(fold_case(word));
    auto& hits = rs.infos_[id].lexicons;
    for (const auto& h : hits)
      if (h.lexicon == lex) return;  // first definition wins
    rs.values_.push_back(value);
    hits.push_back(LexHit{lex, static_cast<std::uint32_t>(rs.values_.size() - 1)});
  };

  // Parses one whitespace-free pattern chunk into elements.
  auto parse_chunk = [&](std::string_view chunk, Rule& rule, std::vector<Element>& out) {
    std::size_t i = 0;
    bool first_in_chunk = true;
    while (i < chunk.size()) {
      Element e;
      e.glued = !first_in_chunk;
      first_in_chunk = false;
      std::string cap_name;
      if (chunk[i] == '!') {
        e.negated = true;
        ++i;
      } else if (chunk[i] == '&') {
        e.lookahead = true;
        ++i;
      }
      if (i < chunk.size() && chunk[i] == '^') {
        e.capital = true;
        ++i;
      } else if (i < chunk.size() && chunk[i] == '~') {
        e.lower = true;
        ++i;
      }
      // name=<CLASS> or name=@lex
      std::size_t k = i;
      while (k < chunk.size() && is_name_char(chunk[k])) ++k;
      if (k > i && k + 1 < chunk.size() && chunk[k] == '=' && (chunk[k + 1] == '<' || chunk[k + 1] == '@')) {
        cap_name = std::string(chunk.substr(i, k - i));
        i = k + 1;
      }
      if (i >= chunk.size()) throw ParseError("pattern element missing in '" + std::string(chunk) + "'");
      char c = chunk[i];
      if (c == '<') {
        std::size_t close = chunk.find('>', i);
        if (close == std::string_view::npos) throw ParseError("unclosed '<' in '" + std::string(chunk) + "'");
        std::string_view name = chunk.substr(i + 1, close - i - 1);
        e.kind = class_kind(name);
        if (cap_name.empty()) cap_name = lower_ascii(name);
        i = close + 1;
      } else if (c == '@') {
        std::size_t j = i + 1;
        while (j < chunk.size() && is_name_char(chunk[j])) ++j;
        std::string_view name = chunk.substr(i + 1, j - i - 1);
        e.kind = ElemKind::Lexicon;
        e.lexicon = lexicon_id(name, false);
        if (cap_name.empty()) cap_name = std::string(name);
        i = j;
      } else {
        // Literal alternatives of one token each: a word, a digit run or one
        // (escapable) punctuation character: "und|bis|/|-".
        e.kind = ElemKind::Literal;
        for (;;) {
          const Utf8Cursor cursor(chunk, static_cast<std::int32_t>(chunk.size()));
          std::int32_t next = 0;
          const CodePoint first = cursor.at(static_cast<std::int32_t>(i), &next);
          std::size_t j = static_cast<std::size_t>(next);
          if (is_word_char(first) || is_digit(chunk[i])) {
            const bool digits = is_digit(chunk[i]);
            while (j < chunk.size()) {
              const CodePoint d = cursor.at(static_cast<std::int32_t>(j), &next);
              if (digits ? !is_ascii_digit(d) : !is_word_char(d)) break;
              j = static_cast<std::size_t>(next);
            }
          } else if (chunk[i] == '\\' && i + 1 < chunk.size()) {
            ++i;  // an escaped character: the one after the backslash
            cursor.at(static_cast<std::int32_t>(i), &next);
            j = static_cast<std::size_t>(next);
          }
          e.words.push_back(rs.intern(fold_case(chunk.substr(i, j - i))));
          i = j;
          if (i + 1 < chunk.size() && chunk[i] == '|') {
            ++i;
            continue;
          }
          break;
        }
      }
      if (i < chunk.size() && chunk[i] == '?') {
        e.optional = true;
        ++i;
      }
      if (!cap_name.empty() && !e.negated && e.kind != ElemKind::Literal) {
        auto it = std::find(rule.captures.begin(), rule.captures.end(), cap_name);
        if (it != rule.captures.end()) {
          e.capture = static_cast<std::int16_t>(it - rule.captures.begin());
        } else {
          if (rule.captures.size() >= kMaxCaptures) throw ParseError("more than 8 captures in one rule");
          rule.captures.push_back(cap_name);
          e.capture = static_cast<std::int16_t>(rule.captures.size() - 1);
        }
      }
      out.push_back(std::move(e));
    }
  };

  // Parses a value template: text, {capture}, @func(arg,arg).
  std::function<std::vector<TemplateOp>(std::string_view, const Rule&)> parse_template;
  parse_template = [&](std::string_view s, const Rule& rule) {
    std::vector<TemplateOp> ops;
    std::size_t i = 0;
    auto add_text = [&](char c) {
      if (ops.empty() || ops.back().kind != TemplateOp::Kind::Text) ops.emplace_back();
      ops.back().text.push_back(c);
    };
    while (i < s.size()) {
      if (s[i] == '{') {
        std::size_t close = s.find('}', i);
        if (close == std::string_view::npos)
          throw ParseError("unclosed '{' in value '" + std::string(s) + "'");
        std::string name(s.substr(i + 1, close - i - 1));
        auto it = std::find(rule.captures.begin(), rule.captures.end(), name);
        if (it == rule.captures.end())
          throw ParseError("value uses {" + name + "} but the pattern captures no such name");
        TemplateOp op;
        op.kind = TemplateOp::Kind::Capture;
        op.capture = static_cast<int>(it - rule.captures.begin());
        ops.push_back(std::move(op));
        i = close + 1;
      } else if (s[i] == '@' && i + 1 < s.size() && is_name_char(s[i + 1])) {
        std::size_t j = i + 1;
        while (j < s.size() && is_name_char(s[j])) ++j;
        TemplateOp op;
        op.kind = TemplateOp::Kind::Call;
        op.text = std::string(s.substr(i + 1, j - i - 1));
        if (j >= s.size() || s[j] != '(')
          throw ParseError("function @" + op.text + " needs an argument list '(...)'");
        int depth = 0;
        std::size_t arg_start = j + 1, k = j;
        for (; k < s.size(); ++k) {
          if (s[k] == '(')
            ++depth;
          else if (s[k] == ')' && --depth == 0)
            break;
          else if (s[k] == ',' && depth == 1) {
            op.args.push_back(parse_template(s.substr(arg_start, k - arg_start), rule));
            arg_start = k + 1;
          }
        }
        if (k >= s.size()) throw ParseError("unclosed '(' in value '" + std::string(s) + "'");
        if (k > arg_start) op.args.push_back(parse_template(s.substr(arg_start, k - arg_start), rule));
        ops.push_back(std::move(op));
        i = k + 1;
      } else {
        add_text(s[i++]);
      }
    }
    return ops;
  };

  try {
    while (pos < text.size()) {
      std::size_t nl = text.find('\n', pos);
      if (nl == std::string_view::npos) nl = text.size();
      std::string_view line = trim(text.substr(pos, nl - pos));
      pos = nl + 1;
      ++line_no;
      if (line.empty() || line[0] == '#') continue;
      auto words = split_ws(line);
      if (words[0] == "lang") {
        if (words.size() != 2) throw ParseError("expected `lang <code>`");
        rs.lang_ = std::string(words[1]);
      } else if (words[0] == "lex") {
        if (words.size() < 2 || words[1].back() != ':')
          throw ParseError("expected `lex <name>: word=value word ...`");
        std::uint32_t lex = lexicon_id(words[1].substr(0, words[1].size() - 1), true);
        for (std::size_t w = 2; w < words.size(); ++w) {
          std::string_view item = words[w];
          std::size_t eq = item.find('=');
          std::string word(eq == std::string_view::npos ? item : item.substr(0, eq));
          std::string value(eq == std::string_view::npos ? item : item.substr(eq + 1));
          std::replace(word.begin(), word.end(), '_', ' ');
          add_lex_word(lex, word, value);
          const bool ending =
              rs.lexicon_names_[lex] == "past_suffix" || rs.lexicon_names_[lex] == "not_past_suffix";
          if (ending && word.size() < 2)
            throw ParseError("an ending of " + rs.lexicon_names_[lex] + " needs two letters at least, not '" +
                             word + "'");
          if (rs.lexicon_names_[lex] == "past_suffix") rs.add_ending(fold_case(word), true);
          if (rs.lexicon_names_[lex] == "not_past_suffix") rs.add_ending(fold_case(word), false);
        }
      } else if (words[0] == "compound") {
        // compound <lexicon> <joiner>: unit + joiner + ten ("dreiundzwanzig" = 23)
        if (words.size() != 3) throw ParseError("expected `compound <lexicon> <joiner>`");
        std::uint32_t lex = lexicon_id(words[1], false);
        std::vector<std::pair<std::string, int>> units, tens;
        for (const auto& [w, id] : rs.words_) {
          for (const auto& h : rs.infos_[id].lexicons) {
            if (h.lexicon != lex) continue;
            int v = std::atoi(rs.values_[h.value].c_str());
            if (v >= 1 && v <= 9) units.emplace_back(w, v);
            if (v >= 20 && v <= 90 && v % 10 == 0) tens.emplace_back(w, v);
          }
        }
        for (const auto& [u, uv] : units)
          for (const auto& [t, tv] : tens)
            add_lex_word(lex, u + std::string(words[2]) + t, std::to_string(uv + tv));
      } else {
        std::size_t arrow = line.find("=>");
        if (arrow == std::string_view::npos)
          throw ParseError("expected `lang`, `lex`, `compound` or a rule `PATTERN => TYPE VALUE [mod=M]`");
        Rule rule;
        rule.line = line_no;
        std::vector<Element> elems;
        for (auto chunk : split_ws(line.substr(0, arrow))) parse_chunk(chunk, rule, elems);
        // Leading &x elements are context before the timex ("&euro im monat"); any later
        // &x is context after it and may only be followed by context or negated elements.
        std::size_t lead = 0;
        while (lead < elems.size() && elems[lead].lookahead && !elems[lead].optional) ++lead;
        if (lead == elems.size()) throw ParseError("a pattern needs an element outside the context (&x)");
        for (std::size_t k = lead + 1; k < elems.size(); ++k)
          if (elems[k - 1].lookahead && !elems[k].lookahead && !elems[k].negated)
            throw ParseError(
                "a lookahead element (&x) may only be followed by lookahead or negated elements");
        auto action = split_ws(line.substr(arrow + 2));
        if (action.size() < 2) throw ParseError("a rule needs `=> TYPE VALUE`");
        rule.type = std::string(action[0]);
        static constexpr std::pair<std::string_view, RuleType> kTypes[] = {{"DATE", RuleType::Date},
                                                                           {"TIME", RuleType::Time},
                                                                           {"DURATION", RuleType::Duration},
                                                                           {"SET", RuleType::Set},
                                                                           {"NONE", RuleType::None}};
        const auto* type = std::find_if(std::begin(kTypes), std::end(kTypes),
                                        [&](const auto& t) { return t.first == rule.type; });
        if (type == std::end(kTypes))
          throw ParseError("type must be DATE, TIME, DURATION, SET or NONE, not '" + rule.type + "'");
        rule.kind = type->second;
        rule.value_source = std::string(action[1]);
        rule.value = parse_template(action[1], rule);
        for (std::size_t a = 2; a < action.size(); ++a) {
          std::string_view opt = action[a];
          if (opt.substr(0, 4) == "mod=")
            rule.mod = parse_template(opt.substr(4), rule);
          else if (opt.substr(0, 7) == "anchor=") {
            rule.anchor = std::string(opt.substr(7));
            rule.anchors = rule.anchor != "no";
          } else if (opt == "narrative=no")
            rule.not_in_narrative = true;
          else
            throw ParseError("unknown option '" + std::string(opt) +
                             "' (known: mod=, anchor=, narrative=no)");
        }
        // Expand optional elements into optional-free variants.
        std::vector<std::size_t> optionals;
        for (std::size_t k = 0; k < elems.size(); ++k)
          if (elems[k].optional) optionals.push_back(k);
        if (optionals.size() > kMaxOptionals) throw ParseError("too many optional elements in one rule");
        const auto rule_index = static_cast<std::uint32_t>(rs.rules_.size());
        rs.rules_.push_back(std::move(rule));
        for (std::uint32_t mask = 0; mask < (1u << optionals.size()); ++mask) {
          Variant v;
          v.rule = rule_index;
          bool leading = true;
          for (std::size_t k = 0; k < elems.size(); ++k) {
            auto it = std::find(optionals.begin(), optionals.end(), k);
            if (it != optionals.end() && !(mask & (1u << (it - optionals.begin())))) continue;
            Element e = elems[k];
            e.optional = false;
            if (leading && e.negated) {
              v.lookbehind.push_back(std::move(e));
              continue;
            }
            if (k < lead) {  // context before the timex, checked like the lookbehind
              e.lookahead = false;
              v.before.push_back(std::move(e));
              continue;
            }
            leading = false;
            v.elements.push_back(std::move(e));
          }
          if (v.elements.empty() || v.elements.front().negated || v.elements.front().lookahead) continue;
          v.elements.front().glued = false;
          rs.variants_.push_back(std::move(v));
        }
      }
    }
  } catch (const ParseError& e) {
    throw std::runtime_error(origin + ":" + std::to_string(line_no) + ": " + e.what());
  }
  if (rs.lang_.empty()) throw std::runtime_error(origin + ": no `lang <code>` line");
  rs.index_variants();
  return rs;
}

void RuleSet::index_variants() {
  std::vector<std::pair<std::string_view, std::uint32_t>> words(words_.begin(), words_.end());
  word_table_.build(words);
  const int numword = numword_ = lexicon("numword");
  for (std::uint32_t v = 0; v < variants_.size(); ++v) {
    auto& elems = variants_[v].elements;
    variants_[v].check_second = elems.size() >= 2 && !elems[0].negated && !elems[1].negated;
    variants_[v].num_first = elems.front().kind == ElemKind::Num;
    variants_[v].captures = static_cast<std::uint8_t>(rules_[variants_[v].rule].captures.size());
    const Element& e = variants_[v].elements.front();
    switch (e.kind) {
      case ElemKind::Literal:
        for (auto w : e.words) infos_[w].candidates.add(v);
        break;
      case ElemKind::Lexicon:
        for (auto& info : infos_)
          for (const auto& h : info.lexicons)
            if (h.lexicon == e.lexicon) {
              info.candidates.add(v);
              break;
            }
        break;
      case ElemKind::Word:
        any_word_first_.push_back(v);
        break;
      case ElemKind::Num:
        number_first_.push_back(v);
        if (numword >= 0)
          for (auto& info : infos_)
            for (const auto& h : info.lexicons)
              if (h.lexicon == static_cast<std::uint32_t>(numword)) {
                info.candidates.add(v);
                break;
              }
        break;
      default:
        number_first_.push_back(v);
        break;
    }
  }
  // The digits each number class takes (matcher.cpp: Cursor::consume).
  auto digit_range = [](ElemKind k) -> std::pair<std::uint32_t, std::uint32_t> {
    switch (k) {
      case ElemKind::Day:
      case ElemKind::MonthNum:
      case ElemKind::Hour:
        return {1, 2};
      case ElemKind::Year2:
      case ElemKind::Minute:
        return {2, 2};
      case ElemKind::Year4:
      case ElemKind::Clock:
        return {4, 4};
      case ElemKind::Num:
        return {1, 9};
      case ElemKind::Int:
        return {1, 12};
      default:
        return {1, 0};  // none
    }
  };
  number_first_by_digits_.assign(13, {});
  for (auto v : number_first_) {
    const auto [lo, hi] = digit_range(variants_[v].elements.front().kind);
    for (std::uint32_t d = lo; d <= hi; ++d) number_first_by_digits_[d].add(v);
  }
  // What each variant's second element needs of the next token: one of these words (sorted),
  // a number, or anything (a word class, <NUM>, no check).
  std::vector<std::vector<std::uint32_t>> lexicon_words(lexicon_names_.size());
  for (std::uint32_t w = 0; w < infos_.size(); ++w)
    for (const auto& h : infos_[w].lexicons) lexicon_words[h.lexicon].push_back(w);
  std::vector<std::vector<std::uint32_t>> second(variants_.size());
  std::vector<CandidateList::Next> next(variants_.size(), CandidateList::Next::Any);
  for (std::uint32_t v = 0; v < variants_.size(); ++v) {
    if (!variants_[v].check_second) continue;
    const Element& e = variants_[v].elements[1];
    switch (e.kind) {
      case ElemKind::Literal:
      case ElemKind::Lexicon:
        second[v] = e.kind == ElemKind::Literal ? e.words : lexicon_words[e.lexicon];
        next[v] = CandidateList::Next::Word;
        break;
      case ElemKind::Num:  // digits or a word of `numword`
        if (numword < 0) {
          next[v] = CandidateList::Next::Number;
          break;
        }
        second[v] = lexicon_words[static_cast<std::size_t>(numword)];
        next[v] = CandidateList::Next::NumberOrWord;
        break;
      case ElemKind::Word:
        break;
      default:  // the digit classes
        next[v] = CandidateList::Next::Number;
        break;
    }
    std::sort(second[v].begin(), second[v].end());
    second[v].erase(std::unique(second[v].begin(), second[v].end()), second[v].end());
    variants_[v].second = next[v];
  }
  // The third element, where it is the third token: no element before it is negated, and it
  // is no negation itself. <NUM> may take two or three tokens on a tens word ("twenty four"),
  // so a variant with <NUM> first or second gets no Variant::third (the matcher's test), and
  // the candidate index by the token after the next (third_need) is not asked when the token
  // or the next one is a tens word (matcher.cpp).
  std::vector<CandidateList::Next> third_need(variants_.size(), CandidateList::Next::Any);
  std::vector<std::vector<std::uint32_t>> third(variants_.size());
  for (std::uint32_t v = 0; v < variants_.size(); ++v) {
    auto& variant = variants_[v];
    const auto& elems = variant.elements;
    if (!variant.check_second || elems.size() < 3 || elems[2].negated) continue;
    const Element& e = elems[2];
    const std::vector<std::uint32_t>* words = nullptr;
    if (e.kind == ElemKind::Literal || e.kind == ElemKind::Lexicon) {
      words = e.kind == ElemKind::Literal ? &e.words : &lexicon_words[e.lexicon];
      third_need[v] = CandidateList::Next::Word;
    } else if (e.kind == ElemKind::Num) {
      if (numword >= 0) words = &lexicon_words[static_cast<std::size_t>(numword)];
      third_need[v] = numword >= 0 ? CandidateList::Next::NumberOrWord : CandidateList::Next::Number;
    } else if (e.kind != ElemKind::Word) {
      third_need[v] = CandidateList::Next::Number;  // a digit class
    }
    if (words) {
      third[v] = *words;
      std::sort(third[v].begin(), third[v].end());
      third[v].erase(std::unique(third[v].begin(), third[v].end()), third[v].end());
    }
    if (elems[0].kind == ElemKind::Num || elems[1].kind == ElemKind::Num) continue;
    variant.third = third_need[v];
    if (words) {
      variant.third_words = 0;
      for (auto w : *words) variant.third_words |= std::uint64_t{1} << (w & 63);
    }
  }
  auto needs = [&](std::uint32_t v) {
    return std::make_pair(CandidateList::Need{next[v], &second[v]},
                          CandidateList::Need{third_need[v], &third[v]});
  };
  for (auto& info : infos_) info.candidates.index(needs);
  for (auto& list : number_first_by_digits_) list.index(needs);
  // Tens words: <NUM> takes "twenty four" whole, so the second element need not be next.
  if (numword >= 0)
    for (auto& info : infos_)
      for (const auto& h : info.lexicons)
        if (h.lexicon == static_cast<std::uint32_t>(numword)) {
          const int n = std::atoi(values_[h.value].c_str());
          if (n >= 20 && n <= 90 && n % 10 == 0) info.start |= WordInfo::kTens;
        }
  for (auto& info : infos_) {
    if (info.candidates.all().empty()) continue;
    info.start |= WordInfo::kCandidates;
    if (!info.candidates.for_next(-1, false).empty()) info.start |= WordInfo::kBeforeOrdinary;
    if (!info.candidates.for_next(-1, true).empty()) info.start |= WordInfo::kBeforeNumber;
    info.next_words = info.candidates.next_words();
  }
}

}  // namespace tagwerk::timeline
