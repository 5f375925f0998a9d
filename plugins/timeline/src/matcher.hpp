// matcher.hpp -- finds the temporal expressions of one sentence: walks its
// tokens once, tries only the rule variants indexed under each token, keeps the
// longest match (ties: the earlier rule) and never lets matches overlap.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "rule_set.hpp"
#include "rule_tokens.hpp"

namespace tagwerk::timeline {

/// A captured value: a lexicon value or a number written with a width.
struct Capture {
  std::int32_t value = -1;  // index into RuleSet::values(), or -1 for a number
  std::int64_t number = 0;
  std::uint8_t width = 0;  // zero-padding of the number
};

struct Match {
  std::uint32_t rule = 0;
  std::uint32_t first = 0;  // token range [first, last)
  std::uint32_t last = 0;
  std::array<Capture, 8> captures{};
};

/// Word ids of tokens under one rule set (-1: unknown word, or not a word).
void lookup_words(const RuleSet& rules, const Tokens& tokens, std::uint32_t first, std::uint32_t last,
                  std::vector<int>& word_ids);

/// What find_matches works in, kept by a caller that matches many sentences (zeroed for
/// each, it cost 69 instructions a sentence: 2.5 M per pass over 2,000 English articles).
/// Its contents between calls mean nothing.
struct MatchScratch {
  std::array<Capture, 8> caps{};
  Match best;
};

/// Appends the matches in tokens [first, last) to out, working in `scratch` (one per
/// thread). word_ids are indexed like tokens.tokens. Thread-safe (reads the rule set only).
void find_matches(const RuleSet& rules, const Tokens& tokens, const std::vector<int>& word_ids,
                  std::uint32_t first, std::uint32_t last, std::vector<Match>& out, MatchScratch& scratch);

/// Appends a capture as text ("07", "2017", "P"...) to out: in place, as a value is built
/// (a string returned cost a construction, a copy and a destruction per capture).
void append_capture(const RuleSet& rules, const Capture& c, std::string& out);

}  // namespace tagwerk::timeline
