// tense.hpp -- a cheap guess of the tense a temporal expression is used in, from
// cue words of the rules file (lexicons `past`, `future`, `past_suffix`, and
// `not_past` for words that merely end like a past form; `deadline` for signals that
// look ahead, "until Tuesday", "by February"; `since` for signals that never look ahead,
// "seit März", "seit dem 3. März" (a word of `since_skip` may come between); `future_to` for heads before
// "to" + verb, "set to resume Monday"; a possessive weekday, "Friday's close", is past): the cue nearest to
// the expression inside its sentence wins, so "He said Friday that he will ..." reads "Friday" as past and
// "Saddam said he will withdraw on Friday" as future. Picks the direction of "am Freitag" / "on Friday" and
// of month names without a year.
#pragma once

#include <cstdint>
#include <vector>

#include "rule_set.hpp"
#include "rule_tokens.hpp"

namespace tagwerk::timeline {

/// The cue lexicons of one rule set, looked up once.
struct TenseCues {
  explicit TenseCues(const RuleSet& rules);
  int past = -1, future = -1, not_past = -1;
  int deadline = -1, month = -1, month_abbr = -1;
  int future_to = -1;               // future only before "to": "plans to leave", not "vacation plans"
  int since = -1, since_skip = -1;  // "seit (dem) ...": never ahead of the DCT
  int determiner = -1;   // a past form right after one is an adjective ("the proposed", "die erste")
  int perfect_aux = -1;  // "hat", "ist": past only with a participle in the clause

  /// The lexicons above, one bit each in `bits`.
  enum Cue : std::uint16_t {
    kPast = 1 << 0,
    kFuture = 1 << 1,
    kNotPast = 1 << 2,
    kDeadline = 1 << 3,
    kMonth = 1 << 4,
    kMonthAbbr = 1 << 5,
    kFutureTo = 1 << 6,
    kSince = 1 << 7,
    kSinceSkip = 1 << 8,
    kDeterminer = 1 << 9,
    kPerfectAux = 1 << 10,
  };
  /// By word id, the cue lexicons the word is in: the scan asks up to seven of them for
  /// every word of a sentence holding an expression, one load instead of a lexicon walk each.
  std::vector<std::uint16_t> bits;
  /// Whether word `id` (-1: none) is in the cue lexicon c. An id past the rule set's words
  /// (a token of a sentence that another language's rules read: the scan looks one or two
  /// tokens before a sentence's start) is in none.
  bool is(int id, Cue c) const noexcept {
    return id >= 0 && static_cast<std::size_t>(id) < bits.size() &&
           (bits[static_cast<std::size_t>(id)] & c) != 0;
  }
  /// The lexicons that make a word a cue by themselves (the others only qualify one).
  static constexpr std::uint16_t kCueWord = kPast | kFuture | kFutureTo | kPerfectAux;
  /// Whether word `id` (-1: none; an id past the rule set's words: none) is in a lexicon of
  /// kCueWord: without, only a past ending makes a word a cue.
  bool cue_word(int id) const noexcept {
    return id >= 0 && static_cast<std::size_t>(id) < bits.size() &&
           (bits[static_cast<std::size_t>(id)] & kCueWord) != 0;
  }
};

/// Where the search for a cue stops around the expressions of one sentence, found on
/// need and kept: the scan walks from an expression to the nearest stop (a cue or a
/// quotation mark) on each side, not over the whole sentence (most words of a sentence are
/// beyond the cues next to its expression), and remembers each token's stop and the nearest
/// stops it found, so that a sentence holding many expressions (a list of dates without a
/// full stop) is still dated in time linear in its length. Reuse one per thread; reset() it
/// for each sentence.
struct TenseScan {
  static constexpr std::uint32_t kNone = UINT32_MAX - 1;  // no stop on that side
  // Not looked for yet: all bits set, so that left and right are set for a sentence as one
  // memset each (a fill of another value was a loop: 0.25 instructions per byte of English)
  static constexpr std::uint32_t kUnset = UINT32_MAX;
  static constexpr std::int8_t kUnknown = -128;  // cue[]: not tested yet
  static constexpr std::int8_t kNoStop = -127;   // cue[]: the token is no stop

  /// Forgets the previous sentence; tense_at() then looks at [first, last) on need.
  void reset(std::uint32_t first_token, std::uint32_t last_token) noexcept {
    first = first_token;
    last = last_token;
    built = false;
  }

  std::uint32_t first = 0, last = 0;
  bool built = false;  // left, right and cue sized for the sentence and unset
  // For token first + i: the nearest stop at or before it (left[i]) and at or after it
  // (right[i]), as a token index, kNone or kUnset; cue[i]: kUnknown, kNoStop, or the tense
  // the stop there gives (0 for a quotation mark).
  std::vector<std::uint32_t> left, right;
  std::vector<std::int8_t> cue;
};

/// -1 past, +1 future, 0 unknown, for the expression at tokens [begin, end)
/// inside the sentence [first, last) that `scan` was last reset() to.
/// Thread-safe with one scan per thread.
int tense_at(const RuleSet& rules, const TenseCues& cues, const Tokens& tokens,
             const std::vector<int>& word_ids, std::uint32_t first, std::uint32_t last, std::uint32_t begin,
             std::uint32_t end, TenseScan& scan);

}  // namespace tagwerk::timeline
