// SHA-256 (FIPS 180-4) of a byte string, for the chain hash, and of a file
// streamed in pieces, for the data files the manifest records. Private to core.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace tagwerk::core::detail {

/// An incremental SHA-256: update() with the bytes in any number of pieces,
/// then hex() once. Not thread-safe; one object per stream.
class Sha256 {
 public:
  void update(std::string_view bytes);
  /// The digest of everything updated so far as 64 lowercase hex digits.
  /// Ends the stream: call update() no more afterwards.
  std::string hex();

 private:
  std::array<std::uint32_t, 8> h_ = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                     0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::array<unsigned char, 64> block_{};
  std::size_t used_ = 0;     // bytes waiting in block_
  std::uint64_t total_ = 0;  // bytes updated
};

/// The digest of `bytes` as 64 lowercase hex digits. Pure; thread-safe.
std::string sha256_hex(std::string_view bytes);

}  // namespace tagwerk::core::detail
