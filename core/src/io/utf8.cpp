// UTF-8 validation (simdjson's SIMD validator: the same definition as ICU's,
// at memory speed), repair and offset conversion (ICU's UTF-8 macros).
#include <tagwerk/core/utf8.hpp>

#include <simdjson.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <bit>
#include <cstring>

namespace tagwerk::core {

bool is_valid_utf8(std::string_view text) noexcept {
  // Most names, keys and labels are short and ASCII: skip the validator's dispatch for them.
  if (text.size() <= 64 && std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; }))
    return true;
  return simdjson::validate_utf8(text.data(), text.size());
}

std::size_t find_invalid_utf8(std::string_view text) noexcept {
  if (is_valid_utf8(text)) return std::string_view::npos;
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  std::int32_t i = 0;
  while (i < length) {
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::string_view::npos;
}

std::string repair_utf8(std::string_view text, std::size_t* replacements) {
  std::size_t count = 0;
  std::string out;
  if (is_valid_utf8(text)) {
    out.assign(text);
  } else {
    // Texts are below 4 GiB (offsets are 32-bit), so int32 indexes need chunks
    // only in theory; process in slices that end on a well-formed boundary.
    out.reserve(text.size() + 16);
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    std::size_t base = 0;
    while (base < text.size()) {
      const std::size_t rest = text.size() - base;
      auto length = static_cast<std::int32_t>(rest > (1u << 30) ? (1u << 30) : rest);
      std::int32_t i = 0;
      std::int32_t run = 0;  // start of the current run of well-formed bytes
      while (i < length) {
        const std::int32_t start = i;
        UChar32 c;
        U8_NEXT(s + base, i, length, c);
        if (c < 0) {
          out.append(text.data() + base + run, static_cast<std::size_t>(start - run));
          out.append("\xEF\xBF\xBD");
          ++count;
          run = i;
        }
      }
      out.append(text.data() + base + run, static_cast<std::size_t>(length - run));
      base += static_cast<std::size_t>(length);
    }
  }
  if (replacements) *replacements = count;
  return out;
}

OffsetMapper::OffsetMapper(std::string_view text, OffsetUnit unit) : text_(text), unit_(unit) {
  if (unit_ == OffsetUnit::bytes) return;
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  checkpoints_.reserve(text.size() / kStride + 1);
  std::uint32_t units = 0;
  bool ascii = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i % kStride == 0) checkpoints_.push_back(units);
    const std::uint8_t b = s[i];
    if (b < 0x80) {
      ++units;
    } else {
      ascii = false;
      if (!U8_IS_TRAIL(b)) units += (unit_ == OffsetUnit::utf16 && U8_COUNT_TRAIL_BYTES(b) == 3) ? 2 : 1;
    }
  }
  identity_ = ascii;
  if (identity_) {
    checkpoints_.clear();
    checkpoints_.shrink_to_fit();
  }
}

namespace {

constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

/// How many bytes of `w` have their high bit set, given that no other bit is:
/// the multiplication sums the eight bits into the top byte. Portable code that
/// needs no POPCNT instruction (std::popcount becomes a libgcc call without it).
int high_bits(std::uint64_t w) noexcept {
  return static_cast<int>(((w >> 7) * 0x0101010101010101ull) >> 56);
}

/// Units in 8 bytes of well-formed UTF-8, counted eight at a time: every byte
/// that is not a trail byte (10xxxxxx) starts a code point, and a lead byte of
/// a four-byte sequence (11110xxx) is the one code point UTF-16 needs two units
/// for. The same classification as U8_IS_TRAIL / U8_COUNT_TRAIL_BYTES below,
/// done on a word because the writer maps every span's offsets.
int units_in_word(const std::uint8_t* p, bool utf16) noexcept {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  // Bit 7 of each byte, shifted copies bring bits 6..4 of the same byte there.
  const std::uint64_t trail = w & ~(w << 1) & kHighBits;
  int units = 8 - high_bits(trail);
  if (utf16) units += high_bits(w & (w << 1) & (w << 2) & (w << 3) & kHighBits);
  return units;
}

}  // namespace

std::uint64_t OffsetMapper::map(std::uint32_t byte_offset) const noexcept {
  Cursor fresh;
  return map(byte_offset, fresh);
}

std::uint64_t OffsetMapper::map(std::uint32_t byte_offset, Cursor& cursor) const noexcept {
  const std::size_t target = byte_offset < text_.size() ? byte_offset : text_.size();
  if (identity_) return target;
  std::size_t i;
  std::uint64_t units;
  if (cursor.byte <= target && target - cursor.byte < kStride) {
    i = cursor.byte;  // shortly after the last lookup: count on from there
    units = cursor.units;
  } else {
    // checkpoints_ has one entry per started stride; the end maps via the last one.
    std::size_t block = target / kStride;
    if (block >= checkpoints_.size()) block = checkpoints_.size() - 1;
    i = block * kStride;
    units = checkpoints_[block];
  }
  const auto* s = reinterpret_cast<const std::uint8_t*>(text_.data());
  const bool utf16 = unit_ == OffsetUnit::utf16;
  for (; i + 8 <= target; i += 8) units += static_cast<std::uint64_t>(units_in_word(s + i, utf16));
  for (; i < target; ++i) {
    const std::uint8_t b = s[i];
    if (U8_IS_TRAIL(b)) continue;
    units += (unit_ == OffsetUnit::utf16 && U8_COUNT_TRAIL_BYTES(b) == 3) ? 2 : 1;
  }
  cursor.byte = target;
  cursor.units = units;
  return units;
}

OffsetReader::OffsetReader(std::string_view text, OffsetUnit unit) : text_(text) {
  if (unit == OffsetUnit::bytes) return;
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  starts_.reserve(text.size() + 1);
  bool ascii = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::uint8_t b = s[i];
    if (b >= 0x80) ascii = false;
    if (U8_IS_TRAIL(b)) continue;
    starts_.push_back(static_cast<std::uint32_t>(i));
    // A code point of four bytes is two UTF-16 units (a surrogate pair).
    if (unit == OffsetUnit::utf16 && b >= 0x80 && U8_COUNT_TRAIL_BYTES(b) == 3)
      starts_.push_back(static_cast<std::uint32_t>(i));
  }
  starts_.push_back(static_cast<std::uint32_t>(text.size()));
  if (ascii) {  // the identity: no table
    starts_.clear();
    starts_.shrink_to_fit();
  }
}

std::size_t OffsetReader::byte(std::int64_t offset) const noexcept {
  if (offset <= 0) return 0;
  const auto i = static_cast<std::size_t>(offset);
  if (starts_.empty()) return std::min(i, text_.size());
  return i < starts_.size() ? starts_[i] : text_.size();
}

std::string_view OffsetReader::slice(std::int64_t begin, std::int64_t end) const noexcept {
  const std::size_t b = byte(begin);
  const std::size_t e = std::max(b, byte(end));
  return text_.substr(b, e - b);
}

}  // namespace tagwerk::core
