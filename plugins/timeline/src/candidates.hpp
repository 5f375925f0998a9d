// candidates.hpp -- the pattern variants a token may start, narrowed by the token that
// follows it: of the 83 English variants starting with "the", only those whose second
// element can be the next word ("the" + "end", "the" + a season word), those whose second
// element is a number class when a number follows, and those whose second element checks
// nothing of the rules' words are tried. Built once with the rules; read-only after,
// thread-safe to read.
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
    Word,    // one of a list of the rules' words
    Number,  // a number (a digit class: <DAY>, <YEAR4>, ...)
    Any,     // anything: no check, or one the index does not know
  };

  void add(std::uint32_t variant) { all_.push_back(variant); }
  /// Every variant, in the order added (the rules' order).
  const std::vector<std::uint32_t>& all() const noexcept { return all_; }

  /// Indexes the variants by the next token. needs(v) gives what v's second element needs
  /// and, for Next::Word, a pointer to the sorted word ids it accepts. Short lists stay
  /// unindexed: trying them is as cheap.
  template <typename Needs>
  void index(const Needs& needs) {
    by_next_.clear();
    any_.clear();
    number_.clear();
    if (all_.size() <= kIndexFrom) return;
    for (auto v : all_) {
      const auto [next, words] = needs(v);
      if (next == Next::Word) {
        for (auto w : *words) by_next_.try_emplace(w);
        continue;
      }
      number_.push_back(v);
      if (next == Next::Any) any_.push_back(v);
    }
    // A word of the rules may be a number too ("24" in "24 Stunden"): its list keeps the
    // number variants.
    for (auto& [w, list] : by_next_)
      for (auto v : all_) {
        const auto [next, words] = needs(v);
        if (next != Next::Word || std::binary_search(words->begin(), words->end(), w)) list.push_back(v);
      }
  }

  /// The variants to try when the next token has word id next_word (-1: none of the rules'
  /// words, or no token) and is a number or not, in the order added: a subsequence of all()
  /// that holds every variant whose second element can match that token.
  const std::vector<std::uint32_t>& for_next(int next_word, bool next_is_number) const noexcept {
    if (all_.size() <= kIndexFrom) return all_;
    if (next_word >= 0) {
      auto it = by_next_.find(static_cast<std::uint32_t>(next_word));
      if (it != by_next_.end()) return it->second;
    }
    return next_is_number ? number_ : any_;
  }

 private:
  static constexpr std::size_t kIndexFrom = 4;
  std::vector<std::uint32_t> all_;
  std::vector<std::uint32_t> any_;     // tried whatever follows
  std::vector<std::uint32_t> number_;  // tried when a number follows (any_ among them)
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> by_next_;
};

}  // namespace tagwerk::timeline
