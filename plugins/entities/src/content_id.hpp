// content_id.hpp -- a number that names what a table holds: a new one each
// time the table is made or changed, the same one in its copies, so a cache
// of what was computed from a table can tell whether it still holds.
#ifndef TAGWERK_ENTITIES_CONTENT_ID_HPP
#define TAGWERK_ENTITIES_CONTENT_ID_HPP

#include <atomic>
#include <cstdint>

namespace tagwerk::entities {

/// A number never returned before in this process. Thread-safe.
inline std::uint64_t new_content_id() noexcept {
  static std::atomic<std::uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

}  // namespace tagwerk::entities

#endif  // TAGWERK_ENTITIES_CONTENT_ID_HPP
