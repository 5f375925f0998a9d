// tense.hpp -- a cheap guess of a sentence's tense from cue words of the rules
// file (lexicons `past`, `future`, `past_suffix`), used to pick the direction
// of "am Freitag" / "on Friday" and of month names without a year.
#pragma once

#include <cstdint>
#include <vector>

#include "rule_set.hpp"
#include "tokenizer.hpp"

namespace tagwerk::timeline {

/// -1 past, +1 future, 0 unknown, for tokens [first, last).
int sentence_tense(const RuleSet& rules, const Tokens& tokens, const std::vector<int>& word_ids, std::uint32_t first,
                   std::uint32_t last);

}  // namespace tagwerk::timeline
