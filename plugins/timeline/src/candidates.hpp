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

/// Values by word id, for the lookups of the token after a function word and the one after
/// that: an open-addressing table at most half full, ids spread by a multiply (Fibonacci
/// hashing), so that a lookup costs a multiply, a shift and a probe or two; std::unordered_map's
/// find cost a division and a walk of a node list, about 27 instructions, on a quarter of the
/// English tokens. Any id may be asked (one of another language's rule set too): a key it does
/// not hold is a miss. Built once; read-only after.
template <typename V>
class IdMap {
 public:
  /// Replaces the contents with the pairs of `from` (a map of std::uint32_t to V; no key is
  /// UINT32_MAX), whose values it moves.
  template <typename Map>
  void assign(Map&& from) {
    std::size_t capacity = 2;
    unsigned bits = 1;
    for (; capacity < 2 * from.size(); capacity *= 2) ++bits;
    shift_ = 64 - bits;
    keys_.assign(from.empty() ? 0 : capacity, kEmpty);
    values_.clear();
    values_.resize(keys_.size());
    for (auto& [key, value] : from) {
      std::size_t i = slot(key);
      while (keys_[i] != kEmpty) i = (i + 1) & (capacity - 1);
      keys_[i] = key;
      values_[i] = std::move(value);
    }
  }
  /// The value of key, or nullptr.
  const V* find(std::uint32_t key) const noexcept {
    if (keys_.empty()) return nullptr;
    for (std::size_t i = slot(key);; i = (i + 1) & (keys_.size() - 1)) {
      if (keys_[i] == kEmpty) return nullptr;  // first: UINT32_MAX is no key either
      if (keys_[i] == key) return &values_[i];
    }
  }
  bool empty() const noexcept { return keys_.empty(); }
  void clear() noexcept {
    keys_.clear();
    values_.clear();
  }

 private:
  static constexpr std::uint32_t kEmpty = UINT32_MAX;
  std::size_t slot(std::uint32_t key) const noexcept {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_);
  }
  std::vector<std::uint32_t> keys_;
  std::vector<V> values_;
  unsigned shift_ = 63;
};

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
    next_words_ = 0;
    any_ = Narrowed{};
    number_ = Narrowed{};
    if (all_.empty()) return;
    std::unordered_map<std::uint32_t, ByNext> by_next;
    std::vector<std::uint32_t> any, number;
    for (auto v : all_) {
      const auto [next, words] = needs(v).first;
      if (next == Next::Word || next == Next::NumberOrWord)
        for (auto w : *words) by_next.try_emplace(w);
      if (next != Next::Word) number.push_back(v);
      if (next == Next::Any) any.push_back(v);
    }
    auto third = [&](std::uint32_t v) { return needs(v).second; };
    any_.build(std::move(any), third);
    number_.build(std::move(number), third);
    // A word of the rules may be a number too ("24" in "24 Stunden"): its list for a number
    // keeps the number variants.
    for (auto& [w, lists] : by_next) {
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
    next_words_ = 0;
    for (const auto& entry : by_next) next_words_ |= std::uint64_t{1} << (entry.first & 63);
    by_next_.assign(by_next);
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

  /// A list of variants allowed by the next token (`all`), narrowed once more by the token
  /// after it (for_third).
  struct Narrowed {
    std::vector<std::uint32_t> all;     // allowed by the next token
    bool by_third = false;              // some variant's third element is tested
    std::vector<std::uint32_t> other;   // ... the token after is none of the rules' words, no number
    std::vector<std::uint32_t> number;  // ... it is a number, none of the rules' words
    struct ByThird {
      std::vector<std::uint32_t> word;    // it is this word
      std::vector<std::uint32_t> number;  // ... and a number
    };
    IdMap<ByThird> by_word;

    template <typename Third>
    void build(std::vector<std::uint32_t> list, const Third& third) {
      all = std::move(list);
      std::unordered_map<std::uint32_t, ByThird> words_after;
      for (auto v : all) {
        const auto [need, words] = third(v);
        if (need != Next::Any) by_third = true;
        if (need == Next::Word || need == Next::NumberOrWord)
          for (auto w : *words) words_after.try_emplace(w);
        if (need == Next::Any) other.push_back(v);
        if (need != Next::Word) number.push_back(v);
      }
      if (!by_third) {
        other.clear();
        number.clear();
        return;
      }
      for (auto& [w, lists] : words_after)
        for (auto v : all) {
          const auto [need, words] = third(v);
          const bool named = (need == Next::Word || need == Next::NumberOrWord) &&
                             std::binary_search(words->begin(), words->end(), w);
          if (named || need == Next::Any) lists.word.push_back(v);
          if (named || need != Next::Word) lists.number.push_back(v);
        }
      by_word.assign(words_after);
    }

    const std::vector<std::uint32_t>& for_third(int third_word, bool third_is_number) const noexcept {
      if (!by_third) return all;
      if (third_word >= 0)
        if (const ByThird* lists = by_word.find(static_cast<std::uint32_t>(third_word)))
          return third_is_number ? lists->number : lists->word;
      return third_is_number ? number : other;
    }
  };

  /// What for_next() narrows: the lists for a next token with word id next_word (-1: none of
  /// the rules' words) that is a number or not, found once for both of its forms.
  const Narrowed& narrowed(int next_word, bool next_is_number) const noexcept {
    if (next_word >= 0)
      if (const ByNext* lists = by_next_.find(static_cast<std::uint32_t>(next_word)))
        return next_is_number ? lists->number : lists->word;
    return unnamed(next_is_number);
  }
  /// The same for a next token that no variant names (none of the rules' words, or one whose
  /// bit in next_words() is clear): no lookup.
  const Narrowed& unnamed(bool next_is_number) const noexcept { return next_is_number ? number_ : any_; }
  /// A bit per (word id mod 64) of the words a variant's second element names: a next word
  /// whose bit is clear selects unnamed(), so that the lookup is not needed ("of" + "the",
  /// "in" + "the": a third of the English tokens after a function word are rule words).
  std::uint64_t next_words() const noexcept { return next_words_; }

 private:
  std::vector<std::uint32_t> all_;
  Narrowed any_;     // tried whatever follows
  Narrowed number_;  // tried when a number follows (any_ among them)
  struct ByNext {
    Narrowed word;    // the next token is this word
    Narrowed number;  // ... and a number ("24")
  };
  IdMap<ByNext> by_next_;
  std::uint64_t next_words_ = 0;
};

}  // namespace tagwerk::timeline
