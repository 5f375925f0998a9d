// io/byte_source.hpp -- the bytes of one input (a file or standard input),
// decompressed on the fly when they are gzip or zstd: streamed in chunks, so
// memory stays bounded whatever the file's size.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

namespace tagwerk::core::io {

/// A read failure in the middle of an input (I/O error, corrupt or truncated
/// compressed data). The message names the input and the reason.
class SourceError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class Compression { none, gzip, zstd };

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  /// Reads up to `size` bytes into `dst`; returns how many, 0 only at the end.
  /// Throws SourceError on failure.
  virtual std::size_t read(char* dst, std::size_t size) = 0;
  /// Bytes taken from the underlying file so far (compressed bytes).
  virtual std::uint64_t consumed() const = 0;
};

/// Opens `path` ("-" = standard input, which is not closed) and recognises
/// gzip (1f 8b) and zstd (28 b5 2f fd) by their first bytes. `name` is used in
/// messages. Throws SourceError when the file cannot be opened.
std::unique_ptr<ByteSource> open_byte_source(const std::string& path, Compression* detected = nullptr);

}  // namespace tagwerk::core::io
