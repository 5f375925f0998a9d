// candidates.hpp -- the pattern variants a token may start, narrowed by the token that
// follows it: of the 83 English variants starting with "the", only those whose second
// element can be the next word ("the" + "end", "the" + a season word), those whose second
// element is a number class when a number follows, and those whose second element checks
// nothing of the rules' words are tried; a digit class is not tried before a word, nor
// <NUM> before a word that is no number word ("the" + "government"). Every list is indexed,
// one of a single variant too: "of", "is", "was" + an ordinary word (the rules' function
// words start a quarter of English tokens) then try nothing. Each such list is narrowed once
// more by the token after the next, where a variant's third element is known to be that
// token: "the" + "first" + "time" tries neither "the @ord quarter" nor "the @ord <YEAR4>".
// Built once with the rules; read-only after, thread-safe to read.
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

  /// What a variant needs of one token: a kind and, for Next::Word and Next::NumberOrWord, a
  /// pointer to the sorted word ids it accepts.
  using Need = std::pair<Next, const std::vector<std::uint32_t>*>;

  /// Indexes the variants by the next token and the one after it. needs(v) gives what v's
  /// second element needs of the next token and what its third needs of the token after
  /// (Next::Any where the third is not known to be that token), as a pair of Need.
  template <typename Needs>
  void index(const Needs& needs) {
    by_next_.clear();
    any_ = Narrowed{};
    number_ = Narrowed{};
    if (all_.empty()) return;
    std::vector<std::uint32_t> any, number;
    for (auto v : all_) {
      const auto [next, words] = needs(v).first;
      if (next == Next::Word || next == Next::NumberOrWord)
        for (auto w : *words) by_next_.try_emplace(w);
      if (next != Next::Word) number.push_back(v);
      if (next == Next::Any) any.push_back(v);
    }
    auto third = [&](std::uint32_t v) { return needs(v).second; };
    any_.build(std::move(any), third);
    number_.build(std::move(number), third);
    // A word of the rules may be a number too ("24" in "24 Stunden"): its list for a number
    // keeps the number variants.
    for (auto& [w, lists] : by_next_) {
      std::vector<std::uint32_t> word, num;
      for (auto v : all_) {
        const auto [next, words] = needs(v).first;
        const bool named = (next == Next::Word || next == Next::NumberOrWord) &&
                           std::binary_search(words->begin(), words->end(), w);
        if (named || next == Next::Any) word.push_back(v);
        if (named || next != Next::Word) num.push_back(v);
      }
      lists.word.build(std::move(word), third);
      lists.number.build(std::move(num), third);
    }
  }

  /// The variants to try when the next token has word id next_word (-1: none of the rules'
  /// words, or no token) and is a number or not, in the order added: a subsequence of all()
  /// that holds every variant whose second element can match that token.
  const std::vector<std::uint32_t>& for_next(int next_word, bool next_is_number) const noexcept {
    return narrowed(next_word, next_is_number).all;
  }

  /// The same, narrowed by the token after the next too (third_word -1: none of the rules'
  /// words, or no token): every variant whose second element can match the next token and
  /// whose third element, where it is known to be the token after, can match that one. That
  /// assumes the first two elements take a token each: not for <NUM> on a tens word ("twenty
  /// four"), where the caller asks the two-argument form (matcher.cpp: narrowed).
  const std::vector<std::uint32_t>& for_next(int next_word, bool next_is_number, int third_word,
                                             bool third_is_number) const noexcept {
    return narrowed(next_word, next_is_number).for_third(third_word, third_is_number);
  }

 private:
  // A list of variants allowed by the next token, narrowed once more by the token after it.
  struct Narrowed {
    std::vector<std::uint32_t> all;     // allowed by the next token
    bool by_third = false;              // some variant's third element is tested
    std::vector<std::uint32_t> other;   // ... the token after is none of the rules' words, no number
    std::vector<std::uint32_t> number;  // ... it is a number, none of the rules' words
    struct ByThird {
      std::vector<std::uint32_t> word;    // it is this word
      std::vector<std::uint32_t> number;  // ... and a number
    };
    std::unordered_map<std::uint32_t, ByThird> by_word;

    template <typename Third>
    void build(std::vector<std::uint32_t> list, const Third& third) {
      all = std::move(list);
      for (auto v : all) {
        const auto [need, words] = third(v);
        if (need != Next::Any) by_third = true;
        if (need == Next::Word || need == Next::NumberOrWord)
          for (auto w : *words) by_word.try_emplace(w);
        if (need == Next::Any) other.push_back(v);
        if (need != Next::Word) number.push_back(v);
      }
      if (!by_third) {
        other.clear();
        number.clear();
        return;
      }
      for (auto& [w, lists] : by_word)
        for (auto v : all) {
          const auto [need, words] = third(v);
          const bool named = (need == Next::Word || need == Next::NumberOrWord) &&
                             std::binary_search(words->begin(), words->end(), w);
          if (named || need == Next::Any) lists.word.push_back(v);
          if (named || need != Next::Word) lists.number.push_back(v);
        }
    }

    const std::vector<std::uint32_t>& for_third(int third_word, bool third_is_number) const noexcept {
      if (!by_third) return all;
      if (third_word >= 0 && !by_word.empty()) {
        auto it = by_word.find(static_cast<std::uint32_t>(third_word));
        if (it != by_word.end()) return third_is_number ? it->second.number : it->second.word;
      }
      return third_is_number ? number : other;
    }
  };

  const Narrowed& narrowed(int next_word, bool next_is_number) const noexcept {
    if (next_word >= 0 && !by_next_.empty()) {
      auto it = by_next_.find(static_cast<std::uint32_t>(next_word));
      if (it != by_next_.end()) return next_is_number ? it->second.number : it->second.word;
    }
    return next_is_number ? number_ : any_;
  }

  std::vector<std::uint32_t> all_;
  Narrowed any_;     // tried whatever follows
  Narrowed number_;  // tried when a number follows (any_ among them)
  struct ByNext {
    Narrowed word;    // the next token is this word
    Narrowed number;  // ... and a number ("24")
  };
  std::unordered_map<std::uint32_t, ByNext> by_next_;
};

}  // namespace tagwerk::timeline
