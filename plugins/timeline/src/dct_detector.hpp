// dct_detector.hpp -- chooses the document creation time: the record's date
// metadata when it parses, else a date the text announces ("Stand: 09.07.2017
// 20:06 Uhr", "Updated ..."), else a dateline's full date at the top of the text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "calendar.hpp"

namespace tagwerk::timeline {

/// A timex found before the DCT is known, with its absolute value (if any).
struct DctCandidate {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string value;
  bool after_cue = false;  // preceded closely by a DCT cue word ("Stand", "Updated")
  bool dateline = false;   // at the head of its line ("LONDON (AP) — Jan. 5, 2020 —"), not in a sentence
};

/// Whether `head`, the text of a line before a date, is a dateline's head: short, and no
/// word in it starts with a lower-case letter ("Berlin, ", "LONDON (AP) — "; not "Born in
/// Luton, on "): a date inside a sentence is what the text tells about, not when it was written.
bool is_dateline_head(std::string_view head);

struct DctChoice {
  Date date;
  std::string value;
  std::string source;  // "metadata", "text", "text-first-date"
  std::uint32_t begin = 0, end = 0;
};

/// Parses a metadata date: "2017-07-09", "2017-07-09T20:06[:00][Z|+02:00]",
/// "2017-07-09 20:06". nullopt when it is not one.
std::optional<Date> parse_metadata_date(std::string_view s);

/// Picks the DCT; candidates are in text order: the metadata date, else a full date after a
/// cue word, else the first full date at the head of a line near the top. A bare year never
/// becomes the DCT. Returns nullopt when nothing fits.
std::optional<DctChoice> choose_dct(std::string_view metadata, const std::vector<DctCandidate>& candidates);

/// Bytes at the top of a text in which a DCT is looked for.
inline constexpr std::uint32_t kDctWindow = 1500;
/// Bytes of a line a dateline's date may follow.
inline constexpr std::size_t kDatelineHead = 48;
/// Bytes a DCT may follow its cue word.
inline constexpr std::uint32_t kDctCueDistance = 24;

}  // namespace tagwerk::timeline
