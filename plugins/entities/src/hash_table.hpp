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
    std::vector<std::uint64_t> old_keys;
    std::vector<std::uint32_t> old_values;
    old_keys.swap(keys_);
    old_values.swap(values_);
    keys_.assign(cap, 0);
    values_.assign(cap, kAbsent);
    size_ = 0;
    for (std::size_t i = 0; i < old_keys.size(); ++i)
      if (old_keys[i] != 0) insert(old_keys[i], old_values[i]);
  }
  /// Sets the value of `key` (non-zero), growing as needed.
  void insert(std::uint64_t key, std::uint32_t value) {
    if (2 * (size_ + 1) > keys_.size()) reserve(size_ + 1 > 8 ? 2 * (size_ + 1) : 16);
    std::size_t i = key & (keys_.size() - 1);
    while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & (keys_.size() - 1);
    if (keys_[i] == 0) ++size_;
    keys_[i] = key;
    values_[i] = value;
  }
  /// The value of `key`, or kAbsent.
  std::uint32_t find(std::uint64_t key) const noexcept {
    if (keys_.empty()) return kAbsent;
    std::size_t i = key & (keys_.size() - 1);
    while (keys_[i] != 0) {
      if (keys_[i] == key) return values_[i];
      i = (i + 1) & (keys_.size() - 1);
    }
    return kAbsent;
  }
  std::size_t size() const noexcept { return size_; }
  /// Calls f(key, value) for every entry, in slot order.
  template <class F>
  void for_each(F&& f) const {
    for (std::size_t i = 0; i < keys_.size(); ++i)
      if (keys_[i] != 0) f(keys_[i], values_[i]);
  }

 private:
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> values_;
  std::size_t size_ = 0;
};

}  // namespace tagwerk::entities

#endif  // TAGWERK_ENTITIES_HASH_TABLE_HPP
