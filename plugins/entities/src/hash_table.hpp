// hash_table.hpp -- an open-addressing map from 64-bit keys (hashed features,
// hashed words) to 32-bit values: what the tagger looks up once per feature,
// so it is a flat array probed linearly, not a node-based map.
#ifndef TAGWERK_ENTITIES_HASH_TABLE_HPP
#define TAGWERK_ENTITIES_HASH_TABLE_HPP

#include <cstdint>
#include <string_view>
#include <vector>

namespace tagwerk::entities {

/// FNV-1a over the bytes, seeded, then a final mix: stable across builds and
/// machines (models store these hashes). Never returns 0 (the empty slot).
inline std::uint64_t hash_bytes(std::string_view s, std::uint64_t seed) noexcept {
  std::uint64_t h = 0xcbf29ce484222325ull ^ (seed * 0x9E3779B97F4A7C15ull);
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h == 0 ? 1 : h;
}

class HashTable {
 public:
  static constexpr std::uint32_t kAbsent = 0xFFFFFFFFu;

  /// Room for `n` keys at a load of at most one half.
  void reserve(std::size_t n) {
    std::size_t cap = 16;
    while (cap < 2 * n) cap <<= 1;
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(cap, Slot{});
    size_ = 0;
    for (const Slot& s : old)
      if (s.key != 0) insert(s.key, s.value);
  }
  /// Sets the value of `key` (non-zero), growing as needed.
  void insert(std::uint64_t key, std::uint32_t value) {
    if (2 * (size_ + 1) > slots_.size()) reserve(size_ + 1 > 8 ? 2 * (size_ + 1) : 16);
    std::size_t i = key & (slots_.size() - 1);
    while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & (slots_.size() - 1);
    if (slots_[i].key == 0) ++size_;
    slots_[i] = {key, value};
  }
  /// The value of `key`, or kAbsent.
  std::uint32_t find(std::uint64_t key) const noexcept {
    if (slots_.empty()) return kAbsent;
    std::size_t i = key & (slots_.size() - 1);
    while (slots_[i].key != 0) {
      if (slots_[i].key == key) return slots_[i].value;
      i = (i + 1) & (slots_.size() - 1);
    }
    return kAbsent;
  }
  /// Asks the CPU to fetch the slot of `key` ahead of a find().
  void prefetch(std::uint64_t key) const noexcept {
    if (!slots_.empty()) __builtin_prefetch(&slots_[key & (slots_.size() - 1)]);
  }
  std::size_t size() const noexcept { return size_; }
  /// Calls f(key, value) for every entry, in slot order.
  template <class F>
  void for_each(F&& f) const {
    for (const Slot& s : slots_)
      if (s.key != 0) f(s.key, s.value);
  }

 private:
  struct Slot {  // key and value side by side: one cache line per probe
    std::uint64_t key = 0;
    std::uint32_t value = kAbsent;
  };
  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace tagwerk::entities

#endif  // TAGWERK_ENTITIES_HASH_TABLE_HPP
