// word_table.hpp -- the ids of the rules' words by their folded text, for the one
// lookup per token of the matcher: an open-addressing table with a cheap hash, at
// most a quarter full, so that a word no rule knows (most words of a text) costs a
// hash and one probe. Built once, read-only after; thread-safe to read.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tagwerk::timeline {

class WordTable {
 public:
  /// Replaces the contents with `words` (folded text, id); ids are non-negative.
  void build(const std::vector<std::pair<std::string_view, std::uint32_t>>& words);

  /// The id of folded word w, or -1.
  int find(std::string_view w) const noexcept {
    // One byte (punctuation, most of it; "a"): a seventh of the tokens, looked up directly.
    if (w.size() == 1) return single_[static_cast<unsigned char>(w[0])];
    // Two bytes ("of", "to", "in", "is": English has many), looked up directly too. Both tables
    // have their full size from construction on (an empty one answers -1), so that a lookup
    // tests neither for emptiness (a test per token).
    if (w.size() == 2) return double_[pair_index(w.data())];
    if (w.size() > max_size_) return -1;
    const std::uint64_t h = hash(w);
    const auto tag = static_cast<std::uint32_t>(h >> 32);
    for (std::uint64_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot s = slots_[i];
      if (s.id < 0) return -1;
      if (s.tag == tag) {
        const Key& k = keys_[static_cast<std::size_t>(s.id)];
        if (k.size == w.size() && same(text_.data() + k.begin, w.data(), w.size())) return s.id;
      }
    }
  }

 private:
  // The slot of a two-byte word in double_.
  static std::size_t pair_index(const char* p) noexcept {
    return static_cast<unsigned char>(p[0]) | static_cast<std::size_t>(static_cast<unsigned char>(p[1])) << 8;
  }
  static std::uint64_t load(const char* p, std::size_t n) noexcept {
    std::uint64_t v = 0;
    std::memcpy(&v, p, n);
    return v;
  }
  // Whether a[0, n) == b[0, n); words of up to 8 bytes by the same fixed-width loads as the hash.
  static bool same(const char* a, const char* b, std::size_t n) noexcept {
    if (n > 8) return std::memcmp(a, b, n) == 0;
    if (n >= 4) return load(a, 4) == load(b, 4) && load(a + n - 4, 4) == load(b + n - 4, 4);
    return n == 0 || (a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1]);
  }
  // 8 bytes at a time, each mixed by a multiply and a shift (splitmix64's constants); the
  // last 1-7 bytes read as two overlapping loads of fixed width (wyhash's way), not a loop.
  static std::uint64_t hash(std::string_view w) noexcept {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ w.size();
    const char* p = w.data();
    std::size_t n = w.size();
    auto mix = [&h](std::uint64_t v) {
      h = (h ^ v) * 0xBF58476D1CE4E5B9ull;
      h ^= h >> 29;
    };
    for (; n > 8; n -= 8, p += 8) mix(load(p, 8));
    if (n >= 4)
      mix(load(p, 4) << 32 | load(p + n - 4, 4));
    else if (n > 0)
      mix(static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) << 16 |
          static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
          static_cast<unsigned char>(p[n - 1]));
    h *= 0x94D049BB133111EBull;
    return h ^ (h >> 31);
  }

  struct Slot {             // 8 bytes: a miss reads one, from a table small enough for the L1/L2 cache
    std::uint32_t tag = 0;  // the hash's upper half
    std::int32_t id = -1;   // -1: empty
  };
  struct Key {
    std::uint32_t begin = 0;  // into text_
    std::uint32_t size = 0;
  };
  std::array<std::int32_t, 256> single_ = filled(-1);  // the ids of one-byte words
  static constexpr std::array<std::int32_t, 256> filled(std::int32_t v) {
    std::array<std::int32_t, 256> a{};
    a.fill(v);
    return a;
  }
  // the ids of two-byte words, by their bytes (65,536; -1: none)
  std::vector<std::int32_t> double_ = std::vector<std::int32_t>(65536, -1);
  std::vector<Slot> slots_ = std::vector<Slot>(16);  // empty slots: every word a miss
  std::vector<Key> keys_;                            // by id
  std::string text_;
  std::uint64_t mask_ = 15;
  std::size_t max_size_ = 0;  // the longest word: longer tokens are no rule's
};

}  // namespace tagwerk::timeline
