// Writing TOML values by hand, for Chain::to_toml and for quoting values in
// diagnostics. Private to core.
#pragma once

#include <string>
#include <string_view>

namespace tagwerk::core::detail {

/// A TOML basic string: quoted, with ", \ and control characters escaped.
std::string toml_quote(std::string_view text);

/// A bare key when `key` allows it ([A-Za-z0-9_-]+), else a quoted one.
std::string toml_key(std::string_view key);

/// The shortest text that reads back as exactly `value`, always recognisable
/// as a TOML float ("1.0", "0.25", "1e+20", "inf", "nan").
std::string toml_float(double value);

}  // namespace tagwerk::core::detail
