#include "event_assigner.hpp"

#include "calendar.hpp"

namespace tagwerk::timeline {

bool is_calendar_time(const Timex& t) {
  return (t.type == "DATE" || t.type == "TIME") && parse_value(t.value).has_value();
}

void assign_events(const std::vector<TextRange>& ranges, bool quotes, const std::vector<Timex>& timexes,
                   const std::vector<bool>& calendar, const std::string& dct, int dct_timex,
                   std::vector<Event>& out) {
  std::size_t next = 0;  // first timex not yet before the current range
  int narrative = -1;    // last calendar timex before the current range
  for (const auto& r : ranges) {
    while (next < timexes.size() && timexes[next].end <= r.begin) {
      if (static_cast<int>(next) != dct_timex && calendar[next]) narrative = static_cast<int>(next);
      ++next;
    }
    Event e;
    e.begin = r.begin;
    e.end = r.end;
    e.quote = quotes;
    for (std::size_t k = next; k < timexes.size() && timexes[k].begin < r.end; ++k) {
      if (timexes[k].begin >= r.begin && calendar[k]) {
        e.timex = static_cast<int>(k);
        e.time = timexes[k].value;
        e.source = TimeSource::Timex;
        break;
      }
    }
    if (e.source == TimeSource::None && narrative >= 0) {
      e.time = timexes[static_cast<std::size_t>(narrative)].value;
      e.source = TimeSource::Narrative;
    }
    if (e.source == TimeSource::None && !dct.empty()) {
      e.time = dct;
      e.source = TimeSource::Dct;
    }
    out.push_back(std::move(e));
  }
}

}  // namespace tagwerk::timeline
