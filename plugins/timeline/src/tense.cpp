#include "tense.hpp"

namespace tagwerk::timeline {

int sentence_tense(const RuleSet& rules, const Tokens& tokens, const std::vector<int>& word_ids, std::uint32_t first,
                   std::uint32_t last) {
  const int past = rules.lexicon("past");
  const int future = rules.lexicon("future");
  bool saw_past = false;
  for (std::uint32_t j = first; j < last; ++j) {
    const Token& t = tokens.tokens[j];
    if (t.kind != TokenKind::Word) continue;
    const int id = word_ids[j];
    if (id >= 0) {
      if (rules.lex_value(id, future)) return 1;
      if (rules.lex_value(id, past)) saw_past = true;
    }
    if (!saw_past && t.fold_size >= 5) {
      auto w = tokens.fold(t);
      for (const auto& suffix : rules.past_suffixes())
        if (w.size() > suffix.size() && w.substr(w.size() - suffix.size()) == suffix) saw_past = true;
    }
  }
  return saw_past ? -1 : 0;
}

}  // namespace tagwerk::timeline
