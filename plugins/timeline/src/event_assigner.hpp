// event_assigner.hpp -- dates statements: each sentence (and quote) gets the
// time of the first timex it contains, else the narrative time (the last such
// time before it), else the document creation time.
#pragma once

#include <string>
#include <vector>

#include <tagwerk/timeline/engine.hpp>

namespace tagwerk::timeline {

/// Appends one Event per range to out (ranges in text order). timexes are in
/// text order with resolved values, calendar[i] is is_calendar_time(timexes[i]);
/// dct may be empty; dct_timex (or -1) is the timex the DCT was read from, which
/// dates its own sentence but no narrative.
void assign_events(const std::vector<TextRange>& ranges, bool quotes, const std::vector<Timex>& timexes,
                   const std::vector<bool>& calendar, const std::string& dct, int dct_timex,
                   std::vector<Event>& out);

/// True when a timex can date a statement (a DATE/TIME with a calendar value).
bool is_calendar_time(const Timex& t);

}  // namespace tagwerk::timeline
