// candidates.hpp -- the pattern variants a token may start, narrowed by the word that
// follows it: of the 83 English variants starting with "the", only those whose second
// element can be the next word ("the" + "end", "the" + a season word) and those whose
// second element is no word of the rules (a number class, a negation) are tried.
// Built once with the rules; read-only after, thread-safe to read.
#pragma once

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace tagwerk::timeline {

class CandidateList {
 public:
  void add(std::uint32_t variant) { all_.push_back(variant); }
  /// Every variant, in the order added (the rules' order).
  const std::vector<std::uint32_t>& all() const noexcept { return all_; }

  /// Indexes the variants by the next word. keys(v) is the sorted list of word ids v's
  /// second element needs, or nullptr when v's second element is no word (v is tried
  /// whatever follows). Short lists stay unindexed: trying them is as cheap.
  template <typename Keys>
  void index(const Keys& keys) {
    by_next_.clear();
    unkeyed_.clear();
    if (all_.size() <= kIndexFrom) return;
    for (auto v : all_)
      if (const std::vector<std::uint32_t>* k = keys(v))
        for (auto w : *k) by_next_.try_emplace(w);
      else
        unkeyed_.push_back(v);
    for (auto& [w, list] : by_next_)
      for (auto v : all_) {
        const std::vector<std::uint32_t>* k = keys(v);
        if (!k || std::binary_search(k->begin(), k->end(), w)) list.push_back(v);
      }
  }

  /// The variants to try when next_word (-1: none of the rules' words, or no token) follows,
  /// in the order added: a subsequence of all() that holds every variant that can match.
  const std::vector<std::uint32_t>& for_next(int next_word) const noexcept {
    if (all_.size() <= kIndexFrom) return all_;
    if (next_word >= 0) {
      auto it = by_next_.find(static_cast<std::uint32_t>(next_word));
      if (it != by_next_.end()) return it->second;
    }
    return unkeyed_;
  }

 private:
  static constexpr std::size_t kIndexFrom = 4;
  std::vector<std::uint32_t> all_;
  std::vector<std::uint32_t> unkeyed_;  // the variants tried whatever word follows
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> by_next_;
};

}  // namespace tagwerk::timeline
