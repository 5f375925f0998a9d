// io/line_reader.hpp -- splits a ByteSource into lines, reading it in chunks:
// memory is one chunk plus the longest line (up to a limit), whatever the
// input's size. Every line handed out is followed by at least kLinePadding
// readable bytes, as simdjson needs to parse it in place.
#pragma once

#include "io/byte_source.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

namespace tagwerk::core::io {

inline constexpr std::size_t kLinePadding = 64;

class LineReader {
 public:
  enum class Status {
    line,      ///< `line` holds the next line, without "\n" or "\r\n"
    too_long,  ///< the line exceeded max_line and was skipped; `line` holds its first bytes
    end,       ///< no more lines
  };

  /// Reads from `source` (not owned; must outlive the reader).
  LineReader(ByteSource& source, std::size_t max_line, std::size_t chunk = 1u << 20);

  /// The next line; the view is valid until the next call. Throws SourceError
  /// from the source.
  Status next(std::string_view& line);

  /// The 1-based number of the line last returned.
  std::uint64_t line_number() const noexcept { return line_number_; }
  /// For Status::too_long: the line's full length in bytes.
  std::uint64_t skipped_length() const noexcept { return skipped_length_; }
  /// For Status::too_long: whether the whole line was blank (spaces, tabs, '\r').
  bool skipped_blank() const noexcept { return skipped_blank_; }

 private:
  bool fill();  // reads more after end_; false at the end of the source
  void reserve(std::size_t capacity);

  ByteSource& source_;
  std::size_t max_line_;
  std::size_t chunk_;
  std::unique_ptr<char[]> buf_;
  std::size_t capacity_ = 0;  // usable bytes; kLinePadding more are allocated
  std::size_t begin_ = 0;     // first unconsumed byte
  std::size_t end_ = 0;       // end of the data read
  std::size_t scanned_ = 0;   // [begin_, scanned_) holds no '\n'
  bool eof_ = false;
  std::uint64_t line_number_ = 0;
  std::uint64_t skipped_length_ = 0;
  bool skipped_blank_ = false;
};

}  // namespace tagwerk::core::io
