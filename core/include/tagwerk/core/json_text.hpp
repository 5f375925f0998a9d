// tagwerk/core/json_text.hpp -- the small pieces of JSON writing that every
// writer of core shares (records, manifests, plugin descriptions).
#pragma once

#include <string>
#include <string_view>

namespace tagwerk::core {

/// Appends `s` (UTF-8) as a quoted JSON string: '"' and '\' escaped, control
/// characters as \n, \t, ... or \u00XX, everything else as it is.
void append_json_string(std::string& out, std::string_view s);

/// Appends a finite double in the shortest form that reads back the same; NaN
/// and infinities as null (JSON has no such numbers).
void append_json_number(std::string& out, double value);

}  // namespace tagwerk::core
