// SHA-256 (FIPS 180-4) of a byte string, for the chain hash. Private to core.
#pragma once

#include <string>
#include <string_view>

namespace tagwerk::core::detail {

/// The digest of `bytes` as 64 lowercase hex digits. Pure; thread-safe.
std::string sha256_hex(std::string_view bytes);

}  // namespace tagwerk::core::detail
