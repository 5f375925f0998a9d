#include "tense.hpp"

#include <string_view>
#include <utility>

#include "resolver.hpp"

namespace tagwerk::timeline {

TenseCues::TenseCues(const RuleSet& rules)
    : past(rules.lexicon("past")),
      future(rules.lexicon("future")),
      not_past(rules.lexicon("not_past")),
      deadline(rules.lexicon("deadline")),
      month(rules.lexicon("month")),
      month_abbr(rules.lexicon("month_abbr")),
      future_to(rules.lexicon("future_to")),
      since(rules.lexicon("since")),
      since_skip(rules.lexicon("since_skip")),
      determiner(rules.lexicon("determiner")),
      perfect_aux(rules.lexicon("perfect_aux")) {
  const std::pair<int, Cue> lexicons[] = {{past, kPast},
                                          {future, kFuture},
                                          {not_past, kNotPast},
                                          {deadline, kDeadline},
                                          {month, kMonth},
                                          {month_abbr, kMonthAbbr},
                                          {future_to, kFutureTo},
                                          {since, kSince},
                                          {since_skip, kSinceSkip},
                                          {determiner, kDeterminer},
                                          {perfect_aux, kPerfectAux}};
  bits.assign(rules.word_count(), 0);
  for (std::size_t id = 0; id < bits.size(); ++id)
    for (const auto& [lex, bit] : lexicons)
      if (rules.lex_value(static_cast<int>(id), lex)) bits[id] = static_cast<std::uint16_t>(bits[id] | bit);
}

namespace {

bool is_future(const TenseCues& cues, const Tokens& tokens, const std::vector<int>& word_ids,
               std::uint32_t j) {
  return j < tokens.tokens.size() && tokens.tokens[j].kind == TokenKind::Word &&
         cues.is(word_ids[j], TenseCues::kFuture);
}

// A quotation mark: `"`, typographic quotes, and the `` '' of news wires.
bool is_quote(const Tokens& tokens, std::uint32_t j) {
  const Token& t = tokens.tokens[j];
  if (t.kind != TokenKind::Punct) return false;
  const auto w = tokens.fold(t);
  if (w == "\"" || w == "``" || w == "''" || w == "`" || w == "\xE2\x80\x9C" || w == "\xE2\x80\x9D")
    return true;
  if (w != "'") return false;  // an apostrophe, unless doubled
  const bool prev = j > 0 && t.glued && tokens.fold(tokens.tokens[j - 1]) == "'";
  const bool next =
      j + 1 < tokens.tokens.size() && tokens.tokens[j + 1].glued && tokens.fold(tokens.tokens[j + 1]) == "'";
  return prev || next;
}

// A word of the rules' `determiner` lexicon ("the", "its", "die", "einen").
bool is_determiner(const TenseCues& cues, const std::vector<int>& word_ids, std::uint32_t j) {
  return cues.is(word_ids[j], TenseCues::kDeterminer);
}

// "to" followed by a verb-like word: lower-case and no determiner ("agreed to a meeting"
// is no plan).
bool to_infinitive(const TenseCues& cues, const Tokens& tokens, const std::vector<int>& word_ids,
                   std::uint32_t j) {
  if (j + 1 >= tokens.tokens.size() || tokens.fold(tokens.tokens[j]) != "to") return false;
  const Token& v = tokens.tokens[j + 1];
  if (v.kind != TokenKind::Word || v.upper_initial) return false;
  const auto w = tokens.fold(v);
  return !is_determiner(cues, word_ids, j + 1) && w != "this" && w != "that";
}

bool after_be(const Tokens& tokens, std::uint32_t j) {
  return j > 0 && tokens.fold(tokens.tokens[j - 1]) == "be";
}

// A participle used as an adjective: right after a determiner, or after a determiner and
// one adverb ("the proposed merger", "a still unspecified date", "the newly elected";
// German "die erste Welle", "im letzten Jahr").
bool attributive(const TenseCues& cues, const Tokens& tokens, const std::vector<int>& word_ids,
                 std::uint32_t j) {
  if (j == 0) return false;
  if (is_determiner(cues, word_ids, j - 1)) return true;
  if (j < 2 || !is_determiner(cues, word_ids, j - 2)) return false;
  const auto adv = tokens.fold(tokens.tokens[j - 1]);
  return adv == "still" || (adv.size() > 3 && adv.substr(adv.size() - 2) == "ly");
}

// A German past participle ("gesagt", "angekündigt", "gekommen", "informiert", "verkauft"):
// "ge" in its first six bytes (after a separable prefix), ending in -t or -en; -iert; or an
// inseparable prefix (be-, ver-, er-, ent-, zer-) and -t or -en ("beschlossen").
bool participle(std::string_view w) {
  if (w.size() < 6) return false;
  if (w.substr(w.size() - 4) == "iert") return true;
  if (w.size() >= 7 && (w.back() == 't' || w.substr(w.size() - 2) == "en"))
    for (std::string_view prefix : {"be", "ver", "er", "ent", "zer"})
      if (w.substr(0, prefix.size()) == prefix) return true;
  const bool ending = w.back() == 't' || w.substr(w.size() - 2) == "en";
  const auto ge = w.find("ge");
  return ending && ge != std::string_view::npos && ge <= 6 && w.size() > ge + 4;
}

// Whether a Perfekt auxiliary at j ("hat", "ist") has a participle in its clause: the
// tokens up to a comma, colon, semicolon, quotation mark or sentence end on either side.
bool perfect_at(const Tokens& tokens, std::uint32_t first, std::uint32_t last, std::uint32_t j) {
  constexpr std::uint32_t kReach = 12;
  auto clause_end = [&](std::uint32_t k) {
    const Token& t = tokens.tokens[k];
    if (t.kind != TokenKind::Punct) return false;
    const auto w = tokens.fold(t);
    return w == "," || w == ":" || w == ";" || w == "." || is_quote(tokens, k);
  };
  auto check = [&](std::uint32_t k) {
    const Token& t = tokens.tokens[k];
    return t.kind == TokenKind::Word && !t.upper_initial && participle(tokens.fold(t));
  };
  for (std::uint32_t k = j + 1; k < last && k <= j + kReach && !clause_end(k); ++k)
    if (check(k)) return true;
  for (std::uint32_t k = j; k-- > first && k + kReach >= j && !clause_end(k);)
    if (check(k)) return true;
  return false;
}

int cue(const RuleSet& rules, const TenseCues& cues, const Tokens& tokens, const std::vector<int>& word_ids,
        std::uint32_t first, std::uint32_t last, std::uint32_t j) {
  const Token& t = tokens.tokens[j];
  if (t.kind != TokenKind::Word) return 0;
  const int id = word_ids[j];
  // Capitalised inside a clause, a cue word is a noun or a name ("Stand heute", "Will Smith").
  if (t.upper_initial && j > first) {
    const Token& prev = tokens.tokens[j - 1];
    const auto p = tokens.fold(prev);
    if (prev.kind != TokenKind::Punct || p == "," || p == "(") return 0;
  }
  // A Perfekt auxiliary ("hat", "ist") is past only with a participle in its clause:
  // "hat am Sonntag angekündigt", not "könnte im Herbst ein Ende haben".
  if (cues.is(id, TenseCues::kPerfectAux)) return perfect_at(tokens, first, last, j) ? -1 : 0;
  if (id >= 0) {
    if (cues.is(id, TenseCues::kFuture)) {
      // "had been due/scheduled to expire Friday": the plan is over, the day is past.
      const bool pluperfect =
          j >= 2 && tokens.fold(tokens.tokens[j - 1]) == "been" && tokens.fold(tokens.tokens[j - 2]) == "had";
      return pluperfect ? -1 : 1;
    }
    // A head that looks ahead to an infinitive: "plans to leave", "set to resume Monday",
    // "agreed to purchase ... in February", "is to resume trading Tuesday"; without
    // "to + verb" it is an ordinary word ("vacation plans", "agreed Tuesday": past).
    if (cues.is(id, TenseCues::kFutureTo) && to_infinitive(cues, tokens, word_ids, j + 1)) return 1;
    // After "be" a past participle is a passive, tenseless ("would be paid in January").
    if (after_be(tokens, j)) return 0;
    if (cues.is(id, TenseCues::kPast)) return is_future(cues, tokens, word_ids, j + 1) ? 1 : -1;
    if (cues.is(id, TenseCues::kNotPast)) return 0;
  }
  // A regular past form ("announced", German preterites "meldete", "sagten", "trat" from
  // the lexicon); names ("United", "Ahmed") and German nouns start upper-case.
  // After "be" it is a passive participle, tenseless ("will be redeemed").
  // After a determiner it is an adjective ("a still unspecified date in January", "die
  // erste Welle"). An ending of `not_past_suffix` is no past ("besten", "auftreten").
  // (The ending first: most words have none, and it is the cheaper test.)
  if (t.fold_size >= 5 && !t.upper_initial && rules.past_ending(tokens.fold(t)) && !after_be(tokens, j) &&
      !attributive(cues, tokens, word_ids, j))
    return -1;
  return 0;
}

// Whether token first + i is a stop (a cue or a quotation mark), tested once per sentence.
bool is_stop(const RuleSet& rules, const TenseCues& cues, const Tokens& tokens,
             const std::vector<int>& word_ids, TenseScan& scan, std::uint32_t i) {
  std::int8_t& c = scan.cue[i];
  if (c == TenseScan::kUnknown) {
    const std::uint32_t j = scan.first + i;
    const Token& t = tokens.tokens[j];
    if (t.kind == TokenKind::Punct) {
      c = is_quote(tokens, j) ? 0 : TenseScan::kNoStop;
    } else if (t.kind != TokenKind::Word ||
               (!cues.cue_word(word_ids[j]) && (t.fold_size < 5 || t.upper_initial))) {
      // Most words of a walk: in no cue lexicon, and too short or capitalised for a past
      // ending, they are no cue whatever their neighbours (cue() would walk its tests to 0).
      c = TenseScan::kNoStop;
    } else {
      const int v = cue(rules, cues, tokens, word_ids, scan.first, scan.last, j);
      c = v != 0 ? static_cast<std::int8_t>(v) : TenseScan::kNoStop;
    }
  }
  return c != TenseScan::kNoStop;
}

// The nearest stop at or before token first + i (dir -1, in scan.left) or at or after it
// (dir +1, scan.right), or kNone. The tokens walked remember the answer: no token is walked
// twice on one side.
std::uint32_t nearest_stop(const RuleSet& rules, const TenseCues& cues, const Tokens& tokens,
                           const std::vector<int>& word_ids, TenseScan& scan, std::uint32_t i, int dir) {
  std::vector<std::uint32_t>& memo = dir < 0 ? scan.left : scan.right;
  const std::uint32_t n = scan.last - scan.first;
  std::uint32_t k = i, found = TenseScan::kNone;
  for (;;) {
    if (memo[k] != TenseScan::kUnset) {
      found = memo[k];
      break;
    }
    if (is_stop(rules, cues, tokens, word_ids, scan, k)) {
      found = scan.first + k;
      break;
    }
    if (dir < 0 ? k == 0 : k + 1 == n) break;
    k = dir < 0 ? k - 1 : k + 1;
  }
  for (std::uint32_t m = i;; m = dir < 0 ? m - 1 : m + 1) {
    memo[m] = found;
    if (m == k) break;
  }
  return found;
}

}  // namespace

int tense_at(const RuleSet& rules, const TenseCues& cues, const Tokens& tokens,
             const std::vector<int>& word_ids, std::uint32_t first, std::uint32_t last, std::uint32_t begin,
             std::uint32_t end, TenseScan& scan) {
  // The cue nearest to the expression wins; on equal distance the left cue (usually
  // the verb governing a following adverbial).
  // A quotation mark ends the search on its side: the speaker's verb outside a
  // quote does not date what the quote says ("... leave at 4 a.m. Thursday,'' he said),
  // nor the other way round.
  // A deadline ("postponed until Tuesday", "extended its deadline until 9 a.m. Tuesday",
  // "pay down the loan by February") lies ahead; not "Up until Thursday, they had ...",
  // "not until Tuesday", a sentence-initial "Until", a range "from March through June".
  // Lexicon `deadline`: the value `month` limits a signal to month names ("had filed
  // reports by Wednesday" looks back).
  // A possessive names an event that has taken place, whatever the verbs around it say
  // ("Wednesday's ruling", "Friday's close": all 17 in the TempEval-3 train gold).
  if (end + 1 < last && tokens.tokens[end].glued && tokens.fold(tokens.tokens[end]) == "'" &&
      tokens.tokens[end + 1].glued && tokens.fold(tokens.tokens[end + 1]) == "s")
    return -1;
  // "seit März", "seit dem 3. März", "since Monday": past, this month or day included.
  if (cues.since >= 0 && begin > first) {
    std::uint32_t j = begin - 1;
    if (j > first && cues.is(word_ids[j], TenseCues::kSinceSkip)) --j;
    if (cues.is(word_ids[j], TenseCues::kSince)) return kSincePast;
  }
  // (The signal's bit first: its lexicon value and the word before are read only for one.)
  if (cues.deadline >= 0 && begin >= first + 2 && cues.is(word_ids[begin - 1], TenseCues::kDeadline)) {
    const Token& before = tokens.tokens[begin - 2];
    const auto b = tokens.fold(before);
    const std::string* kind = rules.lex_value(word_ids[begin - 1], cues.deadline);
    // A month before the signal makes a range ("from March through June"), no deadline.
    const bool range = cues.is(word_ids[begin - 2], TenseCues::kMonth);
    if (kind && before.kind == TokenKind::Word && b != "up" && b != "not" && !range) {
      const int w = word_ids[begin];
      if (*kind != "month" || cues.is(w, TenseCues::kMonth) || cues.is(w, TenseCues::kMonthAbbr)) return 1;
    }
  }
  // The nearest stop on each side; a quotation mark yields no cue, and the left cue
  // wins at equal distance.
  if (!scan.built) {
    const std::uint32_t n = scan.last - scan.first;
    scan.left.assign(n, TenseScan::kUnset);
    scan.right.assign(n, TenseScan::kUnset);
    scan.cue.assign(n, TenseScan::kUnknown);
    scan.built = true;
  }
  const std::uint32_t l = begin > first
                              ? nearest_stop(rules, cues, tokens, word_ids, scan, begin - 1 - first, -1)
                              : TenseScan::kNone;
  const std::uint32_t r =
      end < last ? nearest_stop(rules, cues, tokens, word_ids, scan, end - first, +1) : TenseScan::kNone;
  const int left = l != TenseScan::kNone ? scan.cue[l - first] : 0;
  const int right = r != TenseScan::kNone ? scan.cue[r - first] : 0;
  return left != 0 && (right == 0 || begin - l <= r - end + 1) ? left : right;
}

}  // namespace tagwerk::timeline
