// UTF-8 checks, repair and the offset mapper on arbitrary bytes, each against
// a plain reference built on ICU's U8_NEXT: validation agrees with it, repair
// gives well-formed text with one U+FFFD per ill-formed subpart and leaves
// good text alone, a repaired text survives JSON string writing, and every
// byte offset maps to the code points / UTF-16 units of the characters that
// begin before it, with and without a cursor, in any order of lookups.
#include <tagwerk/core/json_text.hpp>
#include <tagwerk/core/utf8.hpp>

#include "fuzz_check.hpp"

#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace tagwerk;
using fuzz::check;

struct Reference {
  std::size_t first_invalid = std::string_view::npos;
  std::size_t subparts = 0;  // ill-formed subparts, each one U+FFFD after repair
};

Reference scan(std::string_view text) {
  Reference r;
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  for (std::int32_t i = 0; i < length;) {
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      if (r.first_invalid == std::string_view::npos) r.first_invalid = static_cast<std::size_t>(start);
      ++r.subparts;
    }
  }
  return r;
}

/// units[k]: the units of the characters of well-formed `text` that begin before byte k.
std::vector<std::uint64_t> prefix_units(std::string_view text, core::OffsetUnit unit) {
  std::vector<std::uint64_t> units(text.size() + 1, 0);
  if (unit == core::OffsetUnit::bytes) {  // bytes map to themselves, inside a character too
    std::iota(units.begin(), units.end(), 0);
    return units;
  }
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  std::uint64_t total = 0;
  for (std::int32_t i = 0; i < length;) {
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    check(c >= 0, "repaired text is ill-formed for ICU");
    total += unit == core::OffsetUnit::utf16 ? U16_LENGTH(c) : 1;
    for (std::int32_t k = start + 1; k <= i; ++k) units[static_cast<std::size_t>(k)] = total;
  }
  return units;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  const Reference ref = scan(input);
  const bool valid = core::is_valid_utf8(input);
  check(valid == (ref.first_invalid == std::string_view::npos), "is_valid_utf8 disagrees with ICU");
  check(core::find_invalid_utf8(input) == ref.first_invalid, "find_invalid_utf8 disagrees with ICU");

  std::size_t replacements = 0;
  const std::string text = core::repair_utf8(input, &replacements);
  check(core::is_valid_utf8(text), "repair_utf8 left ill-formed text");
  check(replacements == ref.subparts, "repair_utf8 counted replacements wrongly");
  check(!valid || text == input, "repair_utf8 changed well-formed text");

  std::string json;
  core::append_json_string(json, text);
  static simdjson::dom::parser parser;
  const simdjson::padded_string padded(json);
  std::string_view decoded;
  check(!parser.parse(padded).get(decoded) && decoded == text, "a JSON string does not read back as written");

  // Lookups in an order the input picks: its own bytes, read as offsets.
  for (auto unit : {core::OffsetUnit::codepoints, core::OffsetUnit::utf16, core::OffsetUnit::bytes}) {
    const std::vector<std::uint64_t> expected = prefix_units(text, unit);
    const core::OffsetMapper mapper(text, unit);
    core::OffsetMapper::Cursor cursor;
    for (std::size_t k = 0; k <= text.size(); ++k)
      check(mapper.map(static_cast<std::uint32_t>(k)) == expected[k], "map() of an offset is wrong");
    for (std::size_t k = 0; k + 1 < size; k += 2) {
      const std::uint32_t offset = (std::uint32_t{data[k]} << 8 | data[k + 1]) % (text.size() + 8);
      const std::uint64_t want = expected[std::min<std::size_t>(offset, text.size())];
      check(mapper.map(offset, cursor) == want, "map() with a cursor is wrong");
    }
    check(mapper.map(UINT32_MAX) == expected.back(), "an offset past the end does not map to the end");
  }
  return 0;
}
