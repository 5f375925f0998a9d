// "Did you mean ...?": the nearest of a set of names by edit distance, for the
// chain's diagnostics. Private to core.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tagwerk::core::detail {

/// Optimal-string-alignment (restricted Damerau-Levenshtein) distance,
/// ignoring ASCII case: insertions, deletions, substitutions and swaps of two
/// adjacent characters each cost 1. Works on bytes.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, when it is close enough to be a likely
/// typo (about a quarter of the longer name's length: 1 to 3 edits); the
/// first of equally close ones. nullopt when none is.
std::optional<std::string> nearest_name(std::string_view word, const std::vector<std::string>& candidates);

/// "a, b, c"
std::string join(const std::vector<std::string>& items, std::string_view separator = ", ");

}  // namespace tagwerk::core::detail
