// tagwerk/core/utf8.hpp -- UTF-8 checks and repair for input text, and the
// conversion of the host's byte offsets into the units a user asked for
// (code points, what Python's text[begin:end] expects, or UTF-16 code units).
//
// All functions are pure and may be called from several threads at once.
#pragma once

#include <tagwerk/core/io_options.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tagwerk::core {

/// True when `text` is well-formed UTF-8 (no overlong forms, surrogates or
/// code points above U+10FFFF).
bool is_valid_utf8(std::string_view text) noexcept;

/// The byte offset of the first ill-formed sequence in `text`, or
/// std::string_view::npos when the text is well-formed.
std::size_t find_invalid_utf8(std::string_view text) noexcept;

/// `text` with every maximal ill-formed subpart replaced by U+FFFD (the
/// Unicode / WHATWG "best practice", as ICU's U8_NEXT implements it); well-
/// formed text comes back unchanged. `replacements`, when given, receives the
/// number of U+FFFD inserted.
std::string repair_utf8(std::string_view text, std::size_t* replacements = nullptr);

/// Converts byte offsets into `text` (which must be well-formed UTF-8) into
/// offsets in `unit`. Setup is one O(n) pass that keeps a checkpoint every 64
/// bytes (n/16 bytes of memory: 3 MB for a 50 MB text; nothing for ASCII-only
/// text or for bytes); a lookup is O(1): a checkpoint plus at most 63 bytes.
///
/// The mapper keeps a view of `text`: the text must outlive it and stay
/// unchanged. map() is const and may be called from several threads.
class OffsetMapper {
 public:
  OffsetMapper(std::string_view text, OffsetUnit unit);

  /// The offset in the mapper's unit of the character boundary at
  /// `byte_offset`. An offset inside a multi-byte character counts the
  /// characters that begin before it; an offset past the end maps to the end.
  std::uint64_t map(std::uint32_t byte_offset) const noexcept;

  /// Where the last lookup of one caller ended, so that a run of nearby,
  /// mostly increasing offsets (a layer's spans) costs only the bytes between
  /// them. One per thread; starts at the beginning of the text.
  struct Cursor {
    std::size_t byte = 0;
    std::uint64_t units = 0;
  };
  /// As map(), continuing from `cursor` when the offset lies shortly after it.
  std::uint64_t map(std::uint32_t byte_offset, Cursor& cursor) const noexcept;

 private:
  static constexpr std::size_t kStride = 64;

  std::string_view text_;
  OffsetUnit unit_;
  bool identity_ = true;                    // bytes, or ASCII-only text
  std::vector<std::uint32_t> checkpoints_;  // units before byte k * kStride
};

/// The other way: offsets in `unit` as an output record carries them, back into
/// byte offsets of `text` (well-formed UTF-8), for the tools that read records
/// (`tagwerk show`, `tagwerk report`). One O(n) setup pass that stores a byte
/// offset per unit (nothing for bytes or ASCII-only text); lookups are O(1).
/// Offsets are clamped to the text; an offset inside a character (the second
/// UTF-16 unit of a surrogate pair) gives that character's start.
class OffsetReader {
 public:
  OffsetReader(std::string_view text, OffsetUnit unit);

  /// The byte offset of `offset` (in the reader's unit).
  std::size_t byte(std::int64_t offset) const noexcept;
  /// The text between two offsets; empty when `end` is not after `begin`.
  std::string_view slice(std::int64_t begin, std::int64_t end) const noexcept;

 private:
  std::string_view text_;
  std::vector<std::uint32_t> starts_;  // byte offset of each unit; empty: identity
};

}  // namespace tagwerk::core
