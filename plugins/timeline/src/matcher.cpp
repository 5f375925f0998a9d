#include "matcher.hpp"

#include <algorithm>

#include "calendar.hpp"

namespace tagwerk::timeline {

namespace {

struct Cursor {
  const RuleSet& rules;
  const Tokens& tokens;
  const std::vector<int>& ids;
  std::uint32_t first;
  std::uint32_t last;
  int numword;

  const Token& tok(std::uint32_t j) const { return tokens.tokens[j]; }

  bool in_lexicon(std::uint32_t j, std::uint32_t lex, std::int32_t* value) const {
    int id = ids[j];
    if (id < 0) return false;
    for (const auto& h : rules.word(static_cast<std::uint32_t>(id)).lexicons)
      if (h.lexicon == lex) {
        if (value) *value = static_cast<std::int32_t>(h.value);
        return true;
      }
    return false;
  }

  int numword_value(std::uint32_t j) const {
    std::int32_t v = -1;
    if (numword < 0 || !in_lexicon(j, static_cast<std::uint32_t>(numword), &v)) return -1;
    return std::atoi(rules.values()[static_cast<std::size_t>(v)].c_str());
  }

  // Tokens consumed by e at j (0 = no match); fills cap.
  std::uint32_t consume(const Element& e, std::uint32_t j, Capture& cap) const {
    const Token& t = tok(j);
    if (e.capital && !t.upper_initial) return 0;
    if (e.lower && t.upper_initial) return 0;
    auto number_in = [&](int min_digits, int max_digits, std::int64_t lo, std::int64_t hi,
                         int width) -> std::uint32_t {
      if (t.kind != TokenKind::Number || t.digits < min_digits || t.digits > max_digits) return 0;
      if (t.number < lo || t.number > hi) return 0;
      cap.number = t.number;
      cap.width = static_cast<std::uint8_t>(width);
      return 1;
    };
    switch (e.kind) {
      case ElemKind::Literal: {
        int id = ids[j];
        if (id < 0) return 0;
        for (auto w : e.words)
          if (static_cast<int>(w) == id) return 1;
        return 0;
      }
      case ElemKind::Lexicon:
        return in_lexicon(j, e.lexicon, &cap.value) ? 1 : 0;
      case ElemKind::Day:
        return number_in(1, 2, 1, 31, 2);
      case ElemKind::MonthNum:
        return number_in(1, 2, 1, 12, 2);
      case ElemKind::Year4:
        return number_in(4, 4, 1000, 2199, 4);
      case ElemKind::Year2:
        return number_in(2, 2, 0, 99, 2);
      case ElemKind::Hour:
        return number_in(1, 2, 0, 24, 2);
      case ElemKind::Minute:
        return number_in(2, 2, 0, 59, 2);
      case ElemKind::Clock:  // "1700", "0930": hours 00-24, minutes 00-59 ("1999" is none)
        return t.number % 100 < 60 ? number_in(4, 4, 0, 2400, 4) : 0;
      case ElemKind::Int:
        return number_in(1, 12, 0, INT64_MAX, 0);
      case ElemKind::Word:
        return t.kind == TokenKind::Word ? 1 : 0;
      case ElemKind::Num: {
        if (t.kind == TokenKind::Number) return number_in(1, 9, 0, INT64_MAX, 0);
        int v = numword_value(j);
        if (v < 0) return 0;
        cap.number = v;
        cap.width = 0;
        // "twenty-four", "twenty four"
        if (v >= 20 && v <= 90 && v % 10 == 0) {
          if (j + 2 < last && tok(j + 1).kind == TokenKind::Punct && tokens.fold(tok(j + 1)) == "-" &&
              tok(j + 1).glued && tok(j + 2).glued) {
            int u = numword_value(j + 2);
            if (u >= 1 && u <= 9) {
              cap.number = v + u;
              return 3;
            }
          } else if (j + 1 < last) {
            int u = numword_value(j + 1);
            if (u >= 1 && u <= 9) {
              cap.number = v + u;
              return 2;
            }
          }
        }
        return 1;
      }
    }
    return 0;
  }

  // Token end of the variant matched at i, or 0; fills captures. *context_end
  // is where the lookahead context (elements &x) ends; the timex ends before it.
  std::uint32_t match(const Variant& v, std::uint32_t i, std::array<Capture, 8>& caps,
                      std::uint32_t* context_end) const {
    Capture scratch;
    // Lookbehind sees through an abbreviation's period ("Nr. 2017").
    for (const auto& e : v.lookbehind) {
      if (i > first && consume(e, i - 1, scratch) > 0) return 0;
      if (i > first + 1 && tokens.fold(tok(i - 1)) == "." && tok(i - 1).glued &&
          consume(e, i - 2, scratch) > 0)
        return 0;
    }
    // Leading context: the tokens right before the match, in order ("1200 Euro im Monat").
    // It may lie inside an earlier timex ("24 Stunden am Tag").
    if (v.before.size() > i - first) return 0;
    for (std::size_t k = 0; k < v.before.size(); ++k) {
      const std::uint32_t at = i - static_cast<std::uint32_t>(v.before.size() - k);
      if (consume(v.before[k], at, scratch) != 1) return 0;
    }
    std::uint32_t j = i;
    std::uint32_t span_end = 0;
    for (std::size_t k = 0; k < v.elements.size(); ++k) {
      const Element& e = v.elements[k];
      if (e.lookahead && span_end == 0) span_end = j;
      if (e.negated) {
        if (j < last && (!e.glued || tok(j).glued) && consume(e, j, scratch) > 0) return 0;
        continue;
      }
      if (j >= last) return 0;
      if (k > 0 && e.glued && !tok(j).glued) return 0;
      Capture cap;
      std::uint32_t n = consume(e, j, cap);
      if (n == 0) return 0;
      if (e.capture >= 0) caps[static_cast<std::size_t>(e.capture)] = cap;
      j += n;
    }
    // A match starts and ends on word boundaries: "G20", "2016er" are no dates.
    const Token& lt = tok(j - 1);
    if (lt.kind != TokenKind::Punct && j < last && tok(j).glued && tok(j).kind != TokenKind::Punct) return 0;
    const Token& ft = tok(i);
    if (ft.kind != TokenKind::Punct && i > first && ft.glued && tok(i - 1).kind != TokenKind::Punct) return 0;
    *context_end = j;
    return span_end == 0 ? j : span_end;
  }
};

// Whether token i + 2 may be the third element of v (see Variant::third), v's first two
// elements having matched tokens i and i + 1.
bool third_fits(const Variant& v, const Tokens& tokens, const std::vector<int>& word_ids, std::uint32_t i,
                std::uint32_t last) {
  if (v.third == CandidateList::Next::Any) return true;
  if (i + 2 >= last) return false;
  const int id = word_ids[i + 2];
  const bool number = tokens.tokens[i + 2].kind == TokenKind::Number;
  const bool listed = id >= 0 && (v.third_words >> (static_cast<std::uint32_t>(id) & 63) & 1) != 0;
  switch (v.third) {
    case CandidateList::Next::Word:
      return listed;
    case CandidateList::Next::Number:
      return number;
    case CandidateList::Next::NumberOrWord:
      return number || listed;
    case CandidateList::Next::Any:
      break;
  }
  return true;
}

// The token after i: its word id (-1: none of the rules' words, or no token before last) and
// whether it is a number.
struct NextToken {
  int word;
  bool number;
};
NextToken next_token(const Tokens& tokens, const std::vector<int>& word_ids, std::uint32_t i,
                     std::uint32_t last) {
  if (i + 1 >= last) return {-1, false};
  return {word_ids[i + 1], tokens.tokens[i + 1].kind == TokenKind::Number};
}

// The variants to try at token i of those its next token allows (`after`, not empty):
// narrowed by the one after the next unless the next is a tens word (which <NUM> may take
// with the one after it: "twenty four").
const std::vector<std::uint32_t>& narrowed(const CandidateList::Narrowed& after, const RuleSet& rules,
                                           const Tokens& tokens, const std::vector<int>& word_ids,
                                           std::uint32_t i, std::uint32_t last, NextToken next) {
  if (next.word >= 0 && rules.word(static_cast<std::uint32_t>(next.word)).tens()) return after.all;
  const NextToken third = next_token(tokens, word_ids, i + 1, last);
  return after.for_third(third.word, third.number);
}

}  // namespace

void lookup_words(const RuleSet& rules, const Tokens& tokens, std::uint32_t first, std::uint32_t last,
                  std::vector<int>& word_ids) {
  if (word_ids.size() < tokens.tokens.size()) word_ids.resize(tokens.tokens.size(), -1);
  for (std::uint32_t j = first; j < last; ++j) word_ids[j] = rules.word_id(tokens.fold(tokens.tokens[j]));
}

void find_matches(const RuleSet& rules, const Tokens& tokens, const std::vector<int>& word_ids,
                  std::uint32_t first, std::uint32_t last, std::vector<Match>& out, MatchScratch& state) {
  Cursor cur{rules, tokens, word_ids, first, last, rules.numword_lexicon()};
  const auto& variants = rules.variants();
  std::uint32_t i = first;
  // The captures of the try and the best match so far, kept from sentence to sentence: zeroed
  // per token they cost a fifth of this function, per sentence 69 instructions. Only a
  // rule's own captures are read, and each try clears them.
  auto& caps = state.caps;
  Match& best = state.best;
  Capture scratch;
  const bool any_word = !rules.any_word_candidates().empty();
  std::uint32_t best_end = 0, best_context = 0;
  // The variants of list tried at token i. Defined outside the loop: inside, its closure (a
  // dozen references) was built for every token, 19 instructions each.
  // tens: the token is a tens word ("twenty"), which <NUM> may join with the next.
  auto try_list = [&](const std::vector<std::uint32_t>& list, NextToken next, bool tens) {
    for (auto vi : list) {
      const Variant& v = variants[vi];
      // Cheap tests first: "am" + weekday fails on "am Ende" without trying the variant,
      // a digit class fails on a word without a call.
      if (v.check_second && !(tens && v.num_first) &&
          (i + 1 >= last || !CandidateList::may_follow(v.second, next.word, next.number) ||
           cur.consume(v.elements[1], i + 1, scratch) == 0 || !third_fits(v, tokens, word_ids, i, last)))
        continue;
      // Only the rule's captures are read (resolver.cpp), so only they are cleared.
      std::fill_n(caps.begin(), v.captures, Capture{});
      std::uint32_t context = 0;
      std::uint32_t end = cur.match(v, i, caps, &context);
      if (end == 0) continue;
      // Longest span; then the most context seen; then the earlier rule.
      if (end > best_end ||
          (end == best_end && (context > best_context || (context == best_context && v.rule < best.rule)))) {
        best_end = end;
        best_context = context;
        best.rule = v.rule;
        std::copy_n(caps.begin(), v.captures, best.captures.begin());
      }
    }
  };
  // The token loop twice, with and without the variants that any word starts (neither shipped
  // rule set has one): the loop without them runs six instructions a token fewer than one
  // loop that tested for them at every token.
  const auto scan = [&]<bool kAnyWord>() {
    while (i < last) {
      const Token& t = tokens.tokens[i];
      best_end = 0;
      best_context = 0;
      // What follows is read only for a token that starts a variant (most tokens start none).
      // The list the next token selects is asked in line first: most often empty (a function
      // word before an ordinary word: 200 k of 220 k English word tokens with candidates), and
      // then so is its narrowing by the token after, which is not called.
      if (t.kind == TokenKind::Number) {
        const NextToken next = next_token(tokens, word_ids, i, last);
        const auto& after = rules.number_candidates(t.digits).narrowed(next.word, next.number);
        if (!after.all.empty()) {
          const auto& list = narrowed(after, rules, tokens, word_ids, i, last, next);
          if (!list.empty()) try_list(list, next, false);
        }
      } else if (word_ids[i] >= 0) {
        const WordInfo& info = rules.word(static_cast<std::uint32_t>(word_ids[i]));
        if (const std::uint8_t start = info.start; (start & WordInfo::kCandidates) != 0) {
          // The next token's word id first: whether it is a number is asked only where a
          // list may follow ("of" + an ordinary word asks nothing more).
          const int next_word = i + 1 < last ? word_ids[i + 1] : -1;
          if ((start & WordInfo::kTens) != 0) {
            try_list(info.candidates.all(), next_token(tokens, word_ids, i, last), true);
          } else if (next_word >= 0 &&
                     (info.next_words >> (static_cast<std::uint32_t>(next_word) & 63) & 1) != 0) {
            // A word a variant may name next (so token i + 1 is before last): its lists, found once.
            const NextToken next{next_word, tokens.tokens[i + 1].kind == TokenKind::Number};
            const auto& after = info.candidates.narrowed(next.word, next.number);
            if (!after.all.empty()) {
              const auto& list = narrowed(after, rules, tokens, word_ids, i, last, next);
              if (!list.empty()) try_list(list, next, false);
            }
          } else if ((start & (WordInfo::kBeforeNumber | WordInfo::kBeforeOrdinary)) != 0) {
            // An ordinary word, a number, or a rule word no variant names: the lists for those.
            // The flag is tested before a NextToken is made ("the", "in", "at" + a word: most
            // of these words take a number only; 73 k English tokens per pass).
            const bool next_number = i + 1 < last && tokens.tokens[i + 1].kind == TokenKind::Number;
            if ((start & (next_number ? WordInfo::kBeforeNumber : WordInfo::kBeforeOrdinary)) != 0) {
              const NextToken next{next_word, next_number};
              const auto& list =
                  narrowed(info.candidates.unnamed(next.number), rules, tokens, word_ids, i, last, next);
              if (!list.empty()) try_list(list, next, false);
            }
          }
        }
      }
      if constexpr (kAnyWord)
        if (t.kind == TokenKind::Word)
          try_list(rules.any_word_candidates(), next_token(tokens, word_ids, i, last), false);
      if (best_end > 0) {
        best.first = i;
        best.last = best_end;
        out.push_back(best);
        i = best_end;
      } else {
        ++i;
      }
    }
  };
  if (any_word)
    scan.template operator()<true>();
  else
    scan.template operator()<false>();
}

void append_capture(const RuleSet& rules, const Capture& c, std::string& out) {
  if (c.value >= 0)
    out += rules.values()[static_cast<std::size_t>(c.value)];
  else
    append_padded(out, c.number, c.width);
}

}  // namespace tagwerk::timeline
