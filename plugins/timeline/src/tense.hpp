// tense.hpp -- a cheap guess of the tense a temporal expression is used in, from
// cue words of the rules file (lexicons `past`, `future`, `past_suffix`, and
// `not_past` for words that merely end like a past form; `deadline` for signals that
// look ahead, "until Tuesday", "by February"; `future_to` for heads before "to" + verb, "set
// to resume Monday"; a possessive weekday, "Friday's close", is past): the cue nearest to the
// expression inside its sentence wins, so "He said Friday that he will ..." reads
// "Friday" as past and "Saddam said he will withdraw on Friday" as future. Picks
// the direction of "am Freitag" / "on Friday" and of month names without a year.
#pragma once

#include <cstdint>
#include <vector>

#include "rule_set.hpp"
#include "tokenizer.hpp"

namespace tagwerk::timeline {

/// The cue lexicons of one rule set, looked up once.
struct TenseCues {
  explicit TenseCues(const RuleSet& rules);
  int past = -1, future = -1, not_past = -1;
  int deadline = -1, month = -1, month_abbr = -1;
  int future_to = -1;  // future only before "to": "plans to leave", not "vacation plans"
};

/// -1 past, +1 future, 0 unknown, for the expression at tokens [begin, end)
/// inside the sentence [first, last). Thread-safe.
int tense_at(const RuleSet& rules, const TenseCues& cues, const Tokens& tokens,
             const std::vector<int>& word_ids, std::uint32_t first, std::uint32_t last, std::uint32_t begin,
             std::uint32_t end);

}  // namespace tagwerk::timeline
