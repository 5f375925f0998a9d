// The map / merge / finish steps of `tagwerk report` (see report.hpp).
#include <tagwerk/core/report.hpp>
#include <tagwerk/core/utf8.hpp>

#include "report/quote_spill.hpp"

#include <simdjson.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <deque>
#include <iterator>
#include <memory>
#include <set>
#include <unordered_map>
#include <vector>

namespace tagwerk::core {

const char* to_string(ReportPeriod period) noexcept {
  switch (period) {
    case ReportPeriod::day:
      return "day";
    case ReportPeriod::week:
      return "week";
    case ReportPeriod::month:
      return "month";
  }
  return "month";
}

std::optional<ReportPeriod> parse_report_period(std::string_view name) noexcept {
  if (name == "day") return ReportPeriod::day;
  if (name == "week") return ReportPeriod::week;
  if (name == "month") return ReportPeriod::month;
  return std::nullopt;
}

namespace {

bool digits(std::string_view s, std::size_t from, std::size_t n) {
  if (s.size() < from + n) return false;
  for (std::size_t i = from; i < from + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

int number_at(std::string_view s, std::size_t from, std::size_t n) {
  int v = 0;
  for (std::size_t i = from; i < from + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

}  // namespace

std::string period_key(std::string_view value, ReportPeriod period) {
  const bool has_month = digits(value, 0, 4) && value.size() >= 7 && value[4] == '-' && digits(value, 5, 2);
  if (!has_month) return {};
  if (period == ReportPeriod::month) return std::string(value.substr(0, 7));
  if (!(value.size() >= 10 && value[7] == '-' && digits(value, 8, 2))) return {};
  using namespace std::chrono;
  const year_month_day ymd{year{number_at(value, 0, 4)}, month{static_cast<unsigned>(number_at(value, 5, 2))},
                           day{static_cast<unsigned>(number_at(value, 8, 2))}};
  if (!ymd.ok()) return {};
  if (period == ReportPeriod::day) return std::string(value.substr(0, 10));
  // ISO 8601 week: the week belongs to the year of its Thursday.
  const sys_days d{ymd};
  const weekday wd{d};
  const int iso_wd = wd.iso_encoding();  // Monday 1 .. Sunday 7
  const sys_days thursday = d + days{4 - iso_wd};
  const year_month_day thu{thursday};
  const sys_days jan1{thu.year() / January / 1};
  const int week = static_cast<int>((thursday - jan1).count() / 7 + 1);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", static_cast<int>(thu.year()), week);
  return buf;
}

namespace {

// A name as one line: a surface form broken across lines ("ZEIT\nONLINE") or
// spaced twice is the same variant as the one written on one line.
std::string one_line(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (const char c : s) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// A span of `text` (code point offsets, what the output carries) cut to `limit`
// code points, with "…" when it was longer.
std::string cut_span(const OffsetReader& text, std::int64_t b, std::int64_t e, std::size_t limit) {
  if (e - b > static_cast<std::int64_t>(limit))
    return std::string(text.slice(b, b + static_cast<std::int64_t>(limit))) + "\xE2\x80\xA6";
  return std::string(text.slice(b, e));
}

std::string_view str(simdjson::dom::object o, const char* key) {
  std::string_view v;
  if (o[key].get(v) != simdjson::SUCCESS) return {};
  return v;
}
std::optional<std::int64_t> integer(simdjson::dom::object o, const char* key) {
  std::int64_t v;
  if (o[key].get(v) != simdjson::SUCCESS) return std::nullopt;
  return v;
}
std::optional<double> number(simdjson::dom::object o, const char* key) {
  double v;
  if (o[key].get(v) != simdjson::SUCCESS) return std::nullopt;
  return v;
}

// The spans of one layer; empty when the record has no such layer. `fill`
// reads the attributes the report uses into each span.
template <typename Fill>
bool read_layer(simdjson::dom::object annotations, const char* name, std::vector<ReportSpan>& out,
                std::string* why, Fill fill) {
  out.clear();
  simdjson::dom::element layer;
  if (annotations[name].get(layer) != simdjson::SUCCESS) return true;
  simdjson::dom::array spans;
  if (layer.get(spans) != simdjson::SUCCESS) {
    if (why) *why = std::string("annotations.") + name + " is not an array";
    return false;
  }
  for (simdjson::dom::element e : spans) {
    simdjson::dom::object o;
    if (e.get(o) != simdjson::SUCCESS) {
      if (why) *why = std::string("a span of annotations.") + name + " is not an object";
      return false;
    }
    ReportSpan& s = out.emplace_back();
    s.begin = integer(o, "begin").value_or(-1);
    s.end = integer(o, "end").value_or(-1);
    s.label = str(o, "label");
    fill(o, s);
  }
  return true;
}

std::string_view field(const Document& d, std::string_view key) {
  for (const auto& f : d.fields)
    if (f.key == key) return f.raw_json;
  return {};
}

std::string_view string_field(const Document& d, std::string_view key) {
  for (const auto& f : d.fields)
    if (f.key == key) return f.string_value ? std::string_view(*f.string_value) : std::string_view();
  return {};
}

// Adds `n` to `key` of a counted-name list, keeping it within `kept` names
// (see ReportOptions::kept_names): past it, the kept / 2 highest counts stay
// and the rest go to `others`.
// The count of `key`, made (0) when it is new: one lookup, and a string made only for a new key.
std::uint64_t& count_of(ReportState::NameCounts& counts, std::string_view key) {
  auto it = counts.find(key);
  if (it == counts.end()) it = counts.emplace(std::string(key), 0).first;
  return it->second;
}

void count_name(ReportState::NameCounts& counts, std::uint64_t& others, std::string_view key, std::uint64_t n,
                std::size_t kept) {
  count_of(counts, key) += n;
  if (counts.size() <= std::max<std::size_t>(kept, 2)) return;
  std::vector<std::pair<std::uint64_t, const std::string*>> order;
  order.reserve(counts.size());
  for (const auto& [k, v] : counts) order.emplace_back(v, &k);
  // Highest count first; the map's order (by name) breaks ties.
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  ReportState::NameCounts top;
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (i < std::max<std::size_t>(kept, 2) / 2)
      top.emplace(*order[i].second, order[i].first);
    else
      others += order[i].first;
  }
  counts = std::move(top);
}

void add_counts(ReportState::NameCounts& into, std::uint64_t& others, ReportState::NameCounts&& from,
                std::size_t kept) {
  for (auto& [k, v] : from) count_name(into, others, k, v, kept);
}

void keep_min(std::string& a, std::string_view b) {
  if (!b.empty() && (a.empty() || b < a)) a = b;
}
void keep_max(std::string& a, std::string_view b) {
  if (!b.empty() && b > a) a = b;
}

// "a (3); b (1)": the `n` highest counts, ties by name; "others (N)" last for
// the counts dropped past kept_names.
std::string top_list(const ReportState::NameCounts& counts, std::uint64_t others, std::size_t n) {
  std::vector<std::pair<std::string_view, std::uint64_t>> v(counts.begin(), counts.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string out;
  for (std::size_t i = 0; i < v.size() && i < n; ++i) {
    if (!out.empty()) out += "; ";
    out.append(v[i].first);
    out += " (" + std::to_string(v[i].second) + ")";
  }
  if (others > 0) out += (out.empty() ? "" : "; ") + std::string("others (") + std::to_string(others) + ")";
  return out;
}

ReportCell text_or_empty(std::string_view s) {
  return s.empty() ? ReportCell{} : ReportCell::of(std::string(s));
}

}  // namespace

ReportState::ReportState(ReportOptions options) : options_(options) {}

bool ReportState::map(const Document& record, std::string* why) {
  const std::string_view annotations_json = field(record, "annotations");
  if (record.unreadable || annotations_json.empty()) {
    ++records_;
    ++skipped_;
    return true;
  }
  thread_local simdjson::dom::parser parser;
  thread_local simdjson::dom::parser doc_parser;
  thread_local ReportRecord r;
  r.clear();
  simdjson::dom::object annotations;
  if (parser.parse(annotations_json.data(), annotations_json.size()).get(annotations) != simdjson::SUCCESS) {
    if (why) *why = "its annotations field is not a JSON object; give `tagwerk run` output";
    return false;
  }
  if (const std::string_view doc_json = field(record, "doc"); !doc_json.empty()) {
    simdjson::dom::object doc;
    if (doc_parser.parse(doc_json.data(), doc_json.size()).get(doc) != simdjson::SUCCESS) {
      if (why) *why = "its doc field is not a JSON object; give `tagwerk run` output";
      return false;
    }
    r.date = str(doc, "dct");
  }
  if (r.date.empty()) r.date = string_field(record, "date");
  const bool ok = read_layer(annotations, "entity", r.entity, why,
                             [](simdjson::dom::object o, ReportSpan& s) {
                               s.name = str(o, "name");
                               s.subtype = str(o, "subtype");
                             }) &&
                  read_layer(annotations, "quote", r.quote, why,
                             [](simdjson::dom::object o, ReportSpan& s) {
                               s.kind = str(o, "kind");
                               s.cue = str(o, "cue");
                               s.speaker = str(o, "speaker");
                               s.ref = integer(o, "speaker_entity");
                             }) &&
                  read_layer(annotations, "sentiment", r.sentiment, why,
                             [](simdjson::dom::object o, ReportSpan& s) {
                               s.scope = str(o, "scope");
                               s.score = number(o, "score");
                               s.ref = integer(o, "target");
                             }) &&
                  read_layer(annotations, "event", r.event, why,
                             [](simdjson::dom::object o, ReportSpan& s) { s.time = str(o, "time"); });
  if (!ok) return false;
  r.id = record.id;
  r.title = string_field(record, "title");
  r.text = record.text;
  map(r);
  return true;
}

void ReportState::map(const ReportRecord& r) {
  // Only dates that start with a calendar date order the entity index.
  const std::string day = period_key(r.date, ReportPeriod::day);
  const std::string doc_period = period_key(r.date, options_.period);
  const OffsetReader text(r.text, OffsetUnit::codepoints);
  const std::size_t kept = options_.kept_names;

  // Entities: the key of each mention, its cluster's canonical name. A derived
  // word ("russische", "Berliner") or a part ("US-Präsident") names no entity
  // of its own: no key, so it is in no table.
  std::vector<EntityKey> keys(r.entity.size());
  for (std::size_t i = 0; i < r.entity.size(); ++i) {
    if (!r.entity[i].subtype.empty()) continue;
    const std::string_view name = r.entity[i].name;
    keys[i] = {one_line(name.empty() ? text.slice(r.entity[i].begin, r.entity[i].end) : name),
               std::string(r.entity[i].label)};
  }
  std::set<EntityKey> in_doc;
  for (std::size_t i = 0; i < r.entity.size(); ++i) {
    if (keys[i].first.empty()) continue;
    Entity& e = entities_[keys[i]];
    ++e.mentions;
    count_name(e.variants, e.other_variants, one_line(text.slice(r.entity[i].begin, r.entity[i].end)), 1,
               kept);
    if (in_doc.insert(keys[i]).second) {
      ++e.documents;
      keep_min(e.first_seen, day);
      keep_max(e.last_seen, day);
    }
  }
  auto entity_key = [&](std::optional<std::int64_t> ref) -> const EntityKey* {
    if (!ref || *ref < 0 || static_cast<std::size_t>(*ref) >= keys.size()) return nullptr;
    return &keys[static_cast<std::size_t>(*ref)];
  };

  // Timeline: sentence events by their own time; quotes by their quote event.
  std::unordered_map<std::int64_t, std::string_view> quote_time;
  std::set<std::string> periods_in_doc;
  std::vector<std::pair<std::int64_t, std::size_t>> by_begin;  // entity mentions in text order
  for (std::size_t i = 0; i < r.entity.size(); ++i) by_begin.emplace_back(r.entity[i].begin, i);
  std::sort(by_begin.begin(), by_begin.end());
  for (const ReportSpan& ev : r.event) {
    if (ev.label == "quote") {
      quote_time[ev.begin] = ev.time;
      continue;
    }
    const std::string key = period_key(ev.time, options_.period);
    if (key.empty()) continue;
    Period& p = periods_[key];
    ++p.statements;
    if (periods_in_doc.insert(key).second) ++p.documents;
    auto it =
        std::lower_bound(by_begin.begin(), by_begin.end(), std::pair<std::int64_t, std::size_t>{ev.begin, 0});
    for (; it != by_begin.end() && it->first < ev.end; ++it)
      if (!keys[it->second].first.empty()) ++p.entities[keys[it->second].first];
  }

  // Who said what, with the smallest sentence sentiment that covers the quote.
  for (const ReportSpan& q : r.quote) {
    const std::string_view kind = q.kind.empty() ? q.label : q.kind;
    const EntityKey* k = entity_key(q.ref);
    const std::string_view speaker_entity = k ? std::string_view(k->first) : std::string_view();
    const std::string_view speaker = q.speaker.empty() ? speaker_entity : q.speaker;
    const std::string cut = cut_span(text, q.begin, q.end, options_.quote_chars);
    const ReportSpan* best = nullptr;
    for (const ReportSpan& s : r.sentiment) {
      if (s.scope != "sentence" || s.begin > q.begin || s.end < q.end) continue;
      if (!best || s.end - s.begin < best->end - best->begin) best = &s;
    }
    Quote row;
    row.begin = q.begin;
    const std::string_view values[Quote::kFields] = {
        r.date, r.id,    cut,
        kind,   speaker, speaker_entity,
        q.cue,  r.title, best ? best->label : std::string_view()};
    std::size_t size = 0;
    for (const std::string_view v : values) size += v.size();
    row.packed.reserve(size);
    for (int f = 0; f < Quote::kFields; ++f) {
      row.packed.append(values[f]);
      row.ends[f] = static_cast<std::uint32_t>(row.packed.size());
    }
    if (best) row.sentiment_score = best->score;
    const auto t = quote_time.find(q.begin);
    std::string key = period_key(t != quote_time.end() ? t->second : std::string_view(), options_.period);
    if (key.empty()) key = doc_period;
    if (!key.empty()) {
      Period& p = periods_[key];
      ++p.quotes;
      if (periods_in_doc.insert(key).second) ++p.documents;
      const std::string_view who = speaker_entity.empty() ? speaker : speaker_entity;
      if (!who.empty()) ++count_of(p.speakers, who);
    }
    quote_bytes_ += sizeof(Quote) + row.packed.size();
    quotes_.push_back(std::move(row));
  }

  // Sentiment towards entities, by the document's period.
  if (!doc_period.empty()) {
    for (const ReportSpan& s : r.sentiment) {
      if (s.scope != "entity") continue;
      const EntityKey* ek = entity_key(s.ref);
      if (!ek || ek->first.empty() || !s.score || !std::isfinite(*s.score)) continue;
      Sentiment& agg = sentiment_[{ek->first, ek->second, doc_period}];
      agg.micro_sum += std::llround(*s.score * 1e6);
      ++agg.count;
    }
  }
  spill_if_full();
  ++records_;
}

void ReportState::spill_if_full() {
  if (quote_bytes_ <= options_.quote_memory) return;
  if (!spill_) spill_ = std::make_shared<QuoteSpill>();
  spill_quotes(quotes_, *spill_);
  quote_bytes_ = 0;
}

namespace {

// Moves the entries of `from` into `into`: a key `into` lacks moves over with
// its node (nothing allocated or freed, so merging many small states does not
// fragment the heap); one it has is combined by `add`.
template <typename Map, typename Add>
void merge_map(Map& into, Map& from, Add add) {
  for (auto it = from.begin(); it != from.end();) {
    const auto next = std::next(it);
    // One search: the place found is the hint for the insert.
    const auto at = into.lower_bound(it->first);
    if (at != into.end() && !into.key_comp()(it->first, at->first))
      add(at->second, it->second);
    else
      into.insert(at, from.extract(it));
    it = next;
  }
}

void add_entity(ReportState::Entity& e, ReportState::Entity& o, std::size_t kept) {
  e.mentions += o.mentions;
  e.documents += o.documents;
  e.other_variants += o.other_variants;
  add_counts(e.variants, e.other_variants, std::move(o.variants), kept);
  keep_min(e.first_seen, o.first_seen);
  keep_max(e.last_seen, o.last_seen);
}

// Calls f(c) for each code point of s (c < 0 for an ill-formed sequence) until f
// returns false; whether it went through.
template <typename F>
bool each_code_point(std::string_view s, F f) {
  const auto* p = reinterpret_cast<const std::uint8_t*>(s.data());
  const auto length = static_cast<std::int32_t>(s.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(p, i, length, c);
    if (!f(c)) return false;
  }
  return true;
}

// The words of a name, split at spaces.
std::vector<std::string_view> words_of(std::string_view name) {
  std::vector<std::string_view> w;
  for (std::size_t at = 0; at < name.size();) {
    const std::size_t end = std::min(name.find(' ', at), name.size());
    if (end > at) w.push_back(name.substr(at, end - at));
    at = end + 1;
  }
  return w;
}

// "RKI", "EU", "ÖVP": two to six capital letters.
bool acronym(std::string_view s) {
  std::int32_t letters = 0;
  const bool capitals = each_code_point(s, [&](UChar32 c) {
    if (c < 0 || !u_isupper(c)) return false;
    ++letters;
    return true;
  });
  return capitals && letters >= 2 && letters <= 6;
}

// Whether `acronym` can abbreviate `name`: its first letter begins the name and
// the rest follow in order, case-insensitively ("RKI" in "Robert Koch-Institut",
// "WHO" in "Weltgesundheitsorganisation"), and it is not a word of the name
// ("UK" of "Amnesty International UK", which a document clustered with "the UK").
bool abbreviates(std::string_view acronym, std::string_view name) {
  const auto letters = [](std::string_view s) {
    std::vector<UChar32> out;
    each_code_point(s, [&](UChar32 c) {
      out.push_back(c < 0 ? c : u_foldCase(c, U_FOLD_CASE_DEFAULT));
      return true;
    });
    return out;
  };
  const auto words = words_of(name);
  if (std::find(words.begin(), words.end(), acronym) != words.end()) return false;
  const auto a = letters(acronym), n = letters(name);
  if (a.empty() || n.empty() || a.front() != n.front()) return false;
  std::size_t k = 1;
  for (std::size_t i = 1; i < n.size() && k < a.size(); ++i)
    if (n[i] == a[k]) ++k;
  return k == a.size();
}

}  // namespace

std::map<ReportState::EntityKey, ReportState::EntityKey> ReportState::acronym_aliases() const {
  // Evidence: the acronym is a variant, twice or more, of a longer name of
  // the same label that it can abbreviate (documents that define it clustered
  // them: "Robert Koch-Institut (RKI)"). The longer name with the most such
  // mentions wins.
  std::map<EntityKey, std::pair<std::uint64_t, const EntityKey*>> best;
  for (const auto& [key, e] : entities_) {
    if (acronym(key.first)) continue;
    for (const auto& [variant, n] : e.variants) {
      if (n < 2 || !acronym(variant) || !abbreviates(variant, key.first)) continue;
      EntityKey from{variant, key.second};
      if (!entities_.count(from)) continue;
      auto& b = best[from];
      if (n > b.first) b = {n, &key};
    }
  }
  // And the longer name must be more than a passing expansion: at least one
  // mention for 50 of the acronym's own ("U. S. Army (USA)" in two articles does
  // not rename the 8,970 mentions of the USA; "United States" 81 takes "US" 1,212).
  std::map<EntityKey, EntityKey> alias;
  for (const auto& [from, b] : best)
    if (50 * entities_.at(*b.second).mentions >= entities_.at(from).mentions) alias.emplace(from, *b.second);
  return alias;
}

std::map<ReportState::EntityKey, ReportState::EntityKey> ReportState::surname_aliases() const {
  // A person named by one word in some documents ("Merkel", where the article
  // never writes her first name) is the full name that documents clustered that
  // word with ("Angela Merkel" with the variant "Merkel"), when: the word is a
  // variant of that full name twice or more and in at least 4 of 5 cases where
  // it is a variant of a full name; the full name is all capitalised words; it
  // has at least half as many mentions as the word alone (not "Former Tory" for
  // "Tory"); and the word is no given name of the corpus (it ends the corpus's
  // person names of two or more words more often than it begins them: "Thomas",
  // "Clemens" stay).
  const std::string per = "PER";
  std::map<std::string_view, std::uint64_t> begins, ends;  // mentions of full names by their first, last word
  for (const auto& [key, e] : entities_) {
    if (key.second != per) continue;
    const auto w = words_of(key.first);
    if (w.size() < 2) continue;
    begins[w.front()] += e.mentions;
    ends[w.back()] += e.mentions;
  }
  struct Best {
    std::uint64_t n = 0, all = 0;
    const EntityKey* key = nullptr;
  };
  std::map<std::string_view, Best> best;
  for (const auto& [key, e] : entities_) {
    if (key.second != per) continue;
    const auto w = words_of(key.first);
    if (w.size() < 2) continue;
    const auto v = e.variants.find(w.back());
    if (v == e.variants.end()) continue;
    Best& b = best[w.back()];
    b.all += v->second;
    const bool proper = std::all_of(w.begin(), w.end(), [](std::string_view x) {
      bool upper = false;  // of the first code point
      each_code_point(x, [&](UChar32 c) {
        upper = c >= 0 && u_isupper(c);
        return false;
      });
      return upper;
    });
    if (proper && v->second > b.n) b = {v->second, b.all, &key};
  }
  std::map<EntityKey, EntityKey> alias;
  for (const auto& [word, b] : best) {
    const auto alone = entities_.find(EntityKey{std::string(word), per});
    if (!b.key || alone == entities_.end() || b.n < 2 || 5 * b.n < 4 * b.all) continue;
    if (2 * entities_.at(*b.key).mentions < alone->second.mentions) continue;
    if (begins[word] >= ends[word]) continue;
    alias.emplace(alone->first, *b.key);
  }
  return alias;
}

std::map<ReportState::EntityKey, ReportState::EntityKey> ReportState::spelling_aliases() const {
  // One name in several spellings -- "Robert-Koch-Institut" beside "Robert
  // Koch-Institut", "Nordrhein Westfalen" beside "Nordrhein-Westfalen": the same
  // letters and digits in the same order, case aside. The most frequent spelling names it.
  const auto folded = [](std::string_view name) {
    std::string out;
    each_code_point(name, [&](UChar32 c) {
      if (c < 0 || !u_isalnum(c)) return true;
      std::uint8_t buf[U8_MAX_LENGTH];
      std::int32_t n = 0;
      U8_APPEND_UNSAFE(buf, n, u_foldCase(c, U_FOLD_CASE_DEFAULT));
      out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
      return true;
    });
    return out;
  };
  std::map<std::pair<std::string, std::string>, std::vector<const EntityKey*>> spellings;  // (folded, label)
  for (const auto& [key, e] : entities_) {
    std::string f = folded(key.first);
    if (!f.empty()) spellings[{std::move(f), key.second}].push_back(&key);
  }
  std::map<EntityKey, EntityKey> alias;
  for (const auto& [f, keys] : spellings) {
    if (keys.size() < 2) continue;
    const EntityKey* top =
        *std::max_element(keys.begin(), keys.end(), [&](const EntityKey* a, const EntityKey* b) {
          return entities_.at(*a).mentions < entities_.at(*b).mentions;
        });
    for (const EntityKey* k : keys)
      if (k != top) alias.emplace(*k, *top);
  }
  return alias;
}

std::map<std::string, std::string, std::less<>> ReportState::merge_short_names() {
  // Spellings first; an acronym or surname then joins the spelling its name has.
  std::map<EntityKey, EntityKey> alias = spelling_aliases();
  const auto spelled = [&](const EntityKey& k) {
    const auto it = alias.find(k);
    return it == alias.end() ? k : it->second;
  };
  const auto add = [&](const std::map<EntityKey, EntityKey>& other) {
    for (const auto& [from, to] : other)
      if (!alias.count(from) && spelled(to) != from) alias.emplace(from, spelled(to));
  };
  add(acronym_aliases());
  add(surname_aliases());
  // The names alone, for the tables that key by name: only where no label
  // sends the acronym elsewhere.
  std::map<std::string, std::string, std::less<>> by_name;
  std::set<std::string> ambiguous;
  for (const auto& [from, to] : alias) {
    auto [it, fresh] = by_name.emplace(from.first, to.first);
    if (!fresh && it->second != to.first) ambiguous.insert(from.first);
  }
  for (const auto& a : ambiguous) by_name.erase(a);

  for (const auto& [from, to] : alias) {
    auto it = entities_.find(from);
    add_entity(entities_[to], it->second, options_.kept_names);
    entities_.erase(it);
  }
  for (auto it = sentiment_.begin(); it != sentiment_.end();) {
    const auto a = alias.find({std::get<0>(it->first), std::get<1>(it->first)});
    if (a == alias.end()) {
      ++it;
      continue;
    }
    Sentiment& s = sentiment_[{a->second.first, std::get<1>(it->first), std::get<2>(it->first)}];
    s.micro_sum += it->second.micro_sum;
    s.count += it->second.count;
    it = sentiment_.erase(it);
  }
  const auto rename = [&](NameCounts& counts) {
    for (const auto& [from, to] : by_name) {
      auto it = counts.find(from);
      if (it == counts.end()) continue;
      const std::uint64_t n = it->second;
      counts.erase(it);
      counts[to] += n;
    }
  };
  for (auto& [key, p] : periods_) {
    rename(p.entities);
    rename(p.speakers);
  }
  return by_name;
}

void ReportState::merge(ReportState&& other) {
  const std::size_t kept = options_.kept_names;
  records_ += other.records_;
  skipped_ += other.skipped_;
  merge_map(entities_, other.entities_, [&](Entity& e, Entity& o) { add_entity(e, o, kept); });
  std::move(other.quotes_.begin(), other.quotes_.end(), std::back_inserter(quotes_));
  quote_bytes_ += other.quote_bytes_;
  if (other.spill_) {
    if (!spill_) spill_ = std::make_shared<QuoteSpill>();
    spill_->runs.insert(spill_->runs.end(), other.spill_->runs.begin(), other.spill_->runs.end());
  }
  spill_if_full();
  const auto add_count = [](std::uint64_t& a, std::uint64_t b) { a += b; };
  merge_map(periods_, other.periods_, [&](Period& p, Period& o) {
    p.documents += o.documents;
    p.statements += o.statements;
    p.quotes += o.quotes;
    merge_map(p.entities, o.entities, add_count);
    merge_map(p.speakers, o.speakers, add_count);
  });
  merge_map(sentiment_, other.sentiment_, [](Sentiment& s, const Sentiment& o) {
    s.micro_sum += o.micro_sum;
    s.count += o.count;
  });
  other = ReportState(options_);
}

std::vector<ReportTable> ReportState::finish() const& {
  ReportState copy = *this;
  return std::move(copy).finish();
}

std::vector<ReportTable> ReportState::finish() && {
  std::vector<ReportTable> tables;
  auto renamed = std::make_shared<std::map<std::string, std::string, std::less<>>>(merge_short_names());

  ReportTable ent{
      "entities", {"name", "label", "mentions", "documents", "first_seen", "last_seen", "variants"}, {}};
  // Like the quotes below, the entity and sentiment tables make their cells
  // one row at a time from the aggregates moved into them.
  auto entities = std::make_shared<std::map<EntityKey, Entity>>(std::move(entities_));
  entities_.clear();
  auto order = std::make_shared<std::vector<const std::pair<const EntityKey, Entity>*>>();
  order->reserve(entities->size());
  for (const auto& kv : *entities) order->push_back(&kv);
  std::stable_sort(order->begin(), order->end(),
                   [](const auto* a, const auto* b) { return a->second.mentions > b->second.mentions; });
  ent.generated = order->size();
  ent.generate = [entities, order, top = options_.top_variants](std::size_t i, std::vector<ReportCell>& row) {
    const auto* kv = (*order)[i];
    const Entity& e = kv->second;
    row = {ReportCell::of(kv->first.first),
           ReportCell::of(kv->first.second),
           ReportCell::of_int(static_cast<std::int64_t>(e.mentions)),
           ReportCell::of_int(static_cast<std::int64_t>(e.documents)),
           text_or_empty(e.first_seen),
           text_or_empty(e.last_seen),
           ReportCell::of(top_list(e.variants, e.other_variants, top))};
  };
  tables.push_back(std::move(ent));

  ReportTable quotes{"quotes",
                     {"date", "doc_id", "title", "speaker", "speaker_entity", "kind", "cue", "quote",
                      "sentiment_label", "sentiment_score"},
                     {}};
  // The packed rows move into the table, sorted (and merged with the runs
  // spilled to disk); each row becomes cells only while it is written.
  std::sort(quotes_.begin(), quotes_.end(), quote_less);
  auto qs =
      std::make_shared<QuoteMerger>(spill_ ? spill_->runs : std::vector<QuoteRun>{}, std::move(quotes_));
  quotes_.clear();
  quotes.generated = qs->size();
  quotes.generate = [qs, renamed](std::size_t i, std::vector<ReportCell>& row) {
    const Quote& q = qs->at(i);
    // A speaker named by an acronym merged into a longer name takes that name.
    const auto name = [&](Quote::Field f) {
      const auto it = renamed->find(q.get(f));
      return it == renamed->end() ? text_or_empty(q.get(f)) : ReportCell::of(it->second);
    };
    row = {text_or_empty(q.get(Quote::date)),
           ReportCell::of(std::string(q.get(Quote::doc_id))),
           text_or_empty(q.get(Quote::title)),
           name(Quote::speaker),
           name(Quote::speaker_entity),
           text_or_empty(q.get(Quote::kind)),
           text_or_empty(q.get(Quote::cue)),
           ReportCell::of(std::string(q.get(Quote::text))),
           text_or_empty(q.get(Quote::sentiment_label)),
           q.sentiment_score ? ReportCell::of_number(*q.sentiment_score) : ReportCell{}};
  };
  tables.push_back(std::move(quotes));

  ReportTable timeline{
      "timeline", {"period", "documents", "statements", "quotes", "entities", "speakers"}, {}};
  for (const auto& [key, p] : periods_)
    timeline.rows.push_back({ReportCell::of(key), ReportCell::of_int(static_cast<std::int64_t>(p.documents)),
                             ReportCell::of_int(static_cast<std::int64_t>(p.statements)),
                             ReportCell::of_int(static_cast<std::int64_t>(p.quotes)),
                             ReportCell::of(top_list(p.entities, 0, options_.top_names)),
                             ReportCell::of(top_list(p.speakers, 0, options_.top_names))});
  tables.push_back(std::move(timeline));

  ReportTable sent{"sentiment", {"name", "label", "period", "mean_score", "count"}, {}};
  using SentimentMap = decltype(sentiment_);
  auto sentiment = std::make_shared<SentimentMap>(std::move(sentiment_));
  sentiment_.clear();
  auto rows = std::make_shared<std::vector<const SentimentMap::value_type*>>();
  rows->reserve(sentiment->size());
  for (const auto& kv : *sentiment) rows->push_back(&kv);
  sent.generated = rows->size();
  sent.generate = [sentiment, rows](std::size_t i, std::vector<ReportCell>& row) {
    const auto& [key, s] = *(*rows)[i];
    const double mean = static_cast<double>(s.micro_sum) / static_cast<double>(s.count) / 1e6;
    row = {ReportCell::of(std::get<0>(key)), ReportCell::of(std::get<1>(key)),
           ReportCell::of(std::get<2>(key)), ReportCell::of_number(mean),
           ReportCell::of_int(static_cast<std::int64_t>(s.count))};
  };
  tables.push_back(std::move(sent));
  return tables;
}

}  // namespace tagwerk::core
