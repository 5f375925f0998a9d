// candidates.hpp -- the pattern variants a token may start, narrowed by the token that
// follows it: of the 83 English variants starting with "the", only those whose second
// element can be the next word ("the" + "end", "the" + a season word), those whose second
// element is a number class when a number follows, and those whose second element checks
// nothing of the rules' words are tried; a digit class is not tried before a word, nor
// <NUM> before a word that is no number word ("the" + "government"). Every list is indexed,
// one of a single variant too: "of", "is", "was" + an ordinary word (the rules' function
// words start a quarter of English tokens) then try nothing. Built once with the rules;
// read-only after, thread-safe to read.
#pragma once

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tagwerk::timeline {

class CandidateList {
 public:
  /// What a variant's second element needs of the next token.
  enum class Next : std::uint8_t {
    Word,          // one of a list of the rules' words
    Number,        // a number (a digit class: <DAY>, <YEAR4>, ...)
    NumberOrWord,  // a number or one of a list of words (<NUM>: digits or a number word)
    Any,           // anything: no check, or one the index does not know
  };

  /// Whether a second element needing `need` may match a next token with word id next_word
  /// (-1: none of the rules' words) that is a number or not: the cheap test before the element's.
  static bool may_follow(Next need, int next_word, bool next_is_number) noexcept {
    switch (need) {
      case Next::Word:
        return next_word >= 0;
      case Next::Number:
        return next_is_number;
      case Next::NumberOrWord:
        return next_is_number || next_word >= 0;
      case Next::Any:
        break;
    }
    return true;
  }

  void add(std::uint32_t variant) { all_.push_back(variant); }
  /// Every variant, in the order added (the rules' order).
  const std::vector<std::uint32_t>& all() const noexcept { return all_; }

  /// Indexes the variants by the next token. needs(v) gives what v's second element needs
  /// and, for Next::Word and Next::NumberOrWord, a pointer to the sorted word ids it accepts.
  template <typename Needs>
  void index(const Needs& needs) {
    by_next_.clear();
    any_.clear();
    number_.clear();
    if (all_.empty()) return;
    for (auto v : all_) {
      const auto [next, words] = needs(v);
      if (next == Next::Word || next == Next::NumberOrWord)
        for (auto w : *words) by_next_.try_emplace(w);
      if (next != Next::Word) number_.push_back(v);
      if (next == Next::Any) any_.push_back(v);
    }
    // A word of the rules may be a number too ("24" in "24 Stunden"): its list for a number
    // keeps the number variants.
    for (auto& [w, lists] : by_next_)
      for (auto v : all_) {
        const auto [next, words] = needs(v);
        const bool named = (next == Next::Word || next == Next::NumberOrWord) &&
                           std::binary_search(words->begin(), words->end(), w);
        if (named || next == Next::Any) lists.word.push_back(v);
        if (named || next != Next::Word) lists.number.push_back(v);
      }
  }

  /// The variants to try when the next token has word id next_word (-1: none of the rules'
  /// words, or no token) and is a number or not, in the order added: a subsequence of all()
  /// that holds every variant whose second element can match that token.
  const std::vector<std::uint32_t>& for_next(int next_word, bool next_is_number) const noexcept {
    if (all_.empty()) return all_;
    if (next_word >= 0 && !by_next_.empty()) {
      auto it = by_next_.find(static_cast<std::uint32_t>(next_word));
      if (it != by_next_.end()) return next_is_number ? it->second.number : it->second.word;
    }
    return next_is_number ? number_ : any_;
  }

 private:
  std::vector<std::uint32_t> all_;
  std::vector<std::uint32_t> any_;     // tried whatever follows
  std::vector<std::uint32_t> number_;  // tried when a number follows (any_ among them)
  struct ByNext {
    std::vector<std::uint32_t> word;    // the next token is this word
    std::vector<std::uint32_t> number;  // ... and a number ("24")
  };
  std::unordered_map<std::uint32_t, ByNext> by_next_;
};

}  // namespace tagwerk::timeline
