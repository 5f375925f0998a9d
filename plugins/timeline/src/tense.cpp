#include "tense.hpp"

namespace tagwerk::timeline {

TenseCues::TenseCues(const RuleSet& rules)
    : past(rules.lexicon("past")), future(rules.lexicon("future")), not_past(rules.lexicon("not_past")) {}

namespace {

int cue(const RuleSet& rules, const TenseCues& cues, const Tokens& tokens, const std::vector<int>& word_ids,
        std::uint32_t j) {
  const Token& t = tokens.tokens[j];
  if (t.kind != TokenKind::Word) return 0;
  const int id = word_ids[j];
  if (id >= 0) {
    if (rules.lex_value(id, cues.future)) return 1;
    if (rules.lex_value(id, cues.past)) return -1;
    if (rules.lex_value(id, cues.not_past)) return 0;
  }
  // A regular past form ("announced"); names ("United", "Ahmed") start upper-case.
  if (t.fold_size >= 5 && !t.upper_initial) {
    auto w = tokens.fold(t);
    for (const auto& suffix : rules.past_suffixes())
      if (w.size() > suffix.size() && w.substr(w.size() - suffix.size()) == suffix) return -1;
  }
  return 0;
}

}  // namespace

int tense_at(const RuleSet& rules, const TenseCues& cues, const Tokens& tokens,
             const std::vector<int>& word_ids, std::uint32_t first, std::uint32_t last, std::uint32_t begin,
             std::uint32_t end) {
  // Walk outwards from the expression; on equal distance the left cue (usually
  // the verb governing a following adverbial) wins.
  for (std::uint32_t d = 1;; ++d) {
    const bool left = begin >= first + d;
    const bool right = end + d - 1 < last;
    if (!left && !right) return 0;
    if (left)
      if (int c = cue(rules, cues, tokens, word_ids, begin - d)) return c;
    if (right)
      if (int c = cue(rules, cues, tokens, word_ids, end + d - 1)) return c;
  }
}

}  // namespace tagwerk::timeline
