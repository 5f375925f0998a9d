// The map / merge / finish steps of `tagwerk report` (see report.hpp).
#include <tagwerk/core/report.hpp>

#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <set>
#include <unordered_map>

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

// Code point offsets (what the output carries) into byte offsets of `text`.
class CodepointIndex {
 public:
  explicit CodepointIndex(std::string_view text) : text_(text) {
    starts_.reserve(text.size() + 1);
    for (std::size_t i = 0; i < text.size(); ++i)
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
        starts_.push_back(static_cast<std::uint32_t>(i));
    starts_.push_back(static_cast<std::uint32_t>(text.size()));
  }
  std::size_t byte(std::int64_t cp) const {
    if (cp <= 0) return 0;
    const auto i = static_cast<std::size_t>(cp);
    return i < starts_.size() ? starts_[i] : text_.size();
  }
  std::string_view slice(std::int64_t b, std::int64_t e) const {
    const std::size_t bb = byte(b), be = std::max(bb, byte(e));
    return text_.substr(bb, be - bb);
  }
  // The span cut to `limit` code points, with "…" when it was longer.
  std::string cut(std::int64_t b, std::int64_t e, std::size_t limit) const {
    if (e - b > static_cast<std::int64_t>(limit))
      return std::string(slice(b, b + static_cast<std::int64_t>(limit))) + "\xE2\x80\xA6";
    return std::string(slice(b, e));
  }

 private:
  std::string_view text_;
  std::vector<std::uint32_t> starts_;
};

struct Span {
  std::int64_t begin = -1, end = -1;
  simdjson::dom::object object;
  std::string_view str(const char* key) const {
    std::string_view v;
    if (object[key].get(v) != simdjson::SUCCESS) return {};
    return v;
  }
  std::optional<std::int64_t> integer(const char* key) const {
    std::int64_t v;
    if (object[key].get(v) != simdjson::SUCCESS) return std::nullopt;
    return v;
  }
  std::optional<double> number(const char* key) const {
    double v;
    if (object[key].get(v) != simdjson::SUCCESS) return std::nullopt;
    return v;
  }
};

// The spans of one layer; empty when the record has no such layer.
bool read_layer(simdjson::dom::object annotations, const char* name, std::vector<Span>& out,
                std::string* why) {
  out.clear();
  simdjson::dom::element layer;
  if (annotations[name].get(layer) != simdjson::SUCCESS) return true;
  simdjson::dom::array spans;
  if (layer.get(spans) != simdjson::SUCCESS) {
    if (why) *why = std::string("annotations.") + name + " is not an array";
    return false;
  }
  for (simdjson::dom::element e : spans) {
    Span s;
    if (e.get(s.object) != simdjson::SUCCESS) {
      if (why) *why = std::string("a span of annotations.") + name + " is not an object";
      return false;
    }
    s.begin = s.integer("begin").value_or(-1);
    s.end = s.integer("end").value_or(-1);
    out.push_back(s);
  }
  return true;
}

std::string_view field(const Document& d, std::string_view key) {
  for (const auto& f : d.fields)
    if (f.key == key) return f.raw_json;
  return {};
}

std::string string_field(const Document& d, std::string_view key) {
  for (const auto& f : d.fields)
    if (f.key == key) return f.string_value ? *f.string_value : std::string();
  return {};
}

template <typename Map>
void add_counts(Map& into, Map&& from) {
  for (auto& [k, v] : from) into[k] += v;
}

void keep_min(std::string& a, const std::string& b) {
  if (!b.empty() && (a.empty() || b < a)) a = b;
}
void keep_max(std::string& a, const std::string& b) {
  if (!b.empty() && b > a) a = b;
}

// "a (3); b (1)": the `n` highest counts, ties by name.
std::string top_list(const std::map<std::string, std::uint64_t>& counts, std::size_t n) {
  std::vector<std::pair<std::string, std::uint64_t>> v(counts.begin(), counts.end());
  std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string out;
  for (std::size_t i = 0; i < v.size() && i < n; ++i) {
    if (!out.empty()) out += "; ";
    out += v[i].first + " (" + std::to_string(v[i].second) + ")";
  }
  return out;
}

ReportCell text_or_empty(const std::string& s) {
  return s.empty() ? ReportCell{} : ReportCell::of(s);
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
  simdjson::dom::object annotations;
  if (parser.parse(annotations_json.data(), annotations_json.size()).get(annotations) != simdjson::SUCCESS) {
    if (why) *why = "its annotations field is not a JSON object; give `tagwerk run` output";
    return false;
  }
  std::string date;
  if (const std::string_view doc_json = field(record, "doc"); !doc_json.empty()) {
    simdjson::dom::object doc;
    if (doc_parser.parse(doc_json.data(), doc_json.size()).get(doc) != simdjson::SUCCESS) {
      if (why) *why = "its doc field is not a JSON object; give `tagwerk run` output";
      return false;
    }
    std::string_view dct;
    if (doc["dct"].get(dct) == simdjson::SUCCESS) date = std::string(dct);
  }
  if (date.empty()) date = string_field(record, "date");
  // Only dates that start with a calendar date order the entity index.
  const std::string day = period_key(date, ReportPeriod::day);
  const std::string doc_period = period_key(date, options_.period);

  std::vector<Span> entity, quote, sentiment, event;
  if (!read_layer(annotations, "entity", entity, why) || !read_layer(annotations, "quote", quote, why) ||
      !read_layer(annotations, "sentiment", sentiment, why) || !read_layer(annotations, "event", event, why))
    return false;

  const CodepointIndex text(record.text);
  const std::string title = string_field(record, "title");

  // Entities: the key of each mention, its cluster's canonical name.
  std::vector<EntityKey> keys(entity.size());
  for (std::size_t i = 0; i < entity.size(); ++i) {
    const std::string_view surface = text.slice(entity[i].begin, entity[i].end);
    std::string_view name = entity[i].str("name");
    if (name.empty()) name = surface;
    keys[i] = {std::string(name), std::string(entity[i].str("label"))};
  }
  std::set<EntityKey> in_doc;
  for (std::size_t i = 0; i < entity.size(); ++i) {
    if (keys[i].first.empty()) continue;
    Entity& e = entities_[keys[i]];
    ++e.mentions;
    ++e.variants[std::string(text.slice(entity[i].begin, entity[i].end))];
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
  std::unordered_map<std::int64_t, std::string> quote_time;
  std::set<std::string> periods_in_doc;
  std::vector<std::pair<std::int64_t, std::size_t>> by_begin;  // entity mentions in text order
  for (std::size_t i = 0; i < entity.size(); ++i) by_begin.emplace_back(entity[i].begin, i);
  std::sort(by_begin.begin(), by_begin.end());
  for (const Span& ev : event) {
    const std::string_view time = ev.str("time");
    if (ev.object["label"].is_string() && ev.str("label") == "quote") {
      quote_time[ev.begin] = std::string(time);
      continue;
    }
    const std::string key = period_key(time, options_.period);
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
  for (const Span& q : quote) {
    Quote row;
    row.date = date;
    row.doc_id = record.id;
    row.title = title;
    row.begin = q.begin;
    row.kind = std::string(q.str("kind"));
    if (row.kind.empty()) row.kind = std::string(q.str("label"));
    row.cue = std::string(q.str("cue"));
    if (const EntityKey* k = entity_key(q.integer("speaker_entity"))) row.speaker_entity = k->first;
    row.speaker = std::string(q.str("speaker"));
    if (row.speaker.empty()) row.speaker = row.speaker_entity;
    row.text = text.cut(q.begin, q.end, options_.quote_chars);
    const Span* best = nullptr;
    for (const Span& s : sentiment) {
      if (s.str("scope") != "sentence" || s.begin > q.begin || s.end < q.end) continue;
      if (!best || s.end - s.begin < best->end - best->begin) best = &s;
    }
    if (best) {
      row.sentiment_label = std::string(best->str("label"));
      row.sentiment_score = best->number("score");
    }
    const auto t = quote_time.find(q.begin);
    std::string key = period_key(t != quote_time.end() ? t->second : std::string(), options_.period);
    if (key.empty()) key = doc_period;
    if (!key.empty()) {
      Period& p = periods_[key];
      ++p.quotes;
      if (periods_in_doc.insert(key).second) ++p.documents;
      const std::string& who = row.speaker_entity.empty() ? row.speaker : row.speaker_entity;
      if (!who.empty()) ++p.speakers[who];
    }
    quotes_.push_back(std::move(row));
  }

  // Sentiment towards entities, by the document's period.
  if (!doc_period.empty()) {
    for (const Span& s : sentiment) {
      if (s.str("scope") != "entity") continue;
      const EntityKey* k = entity_key(s.integer("target"));
      const auto score = s.number("score");
      if (!k || k->first.empty() || !score || !std::isfinite(*score)) continue;
      Sentiment& agg = sentiment_[{k->first, k->second, doc_period}];
      agg.micro_sum += std::llround(*score * 1e6);
      ++agg.count;
    }
  }
  ++records_;
  return true;
}

void ReportState::merge(ReportState&& other) {
  records_ += other.records_;
  skipped_ += other.skipped_;
  for (auto& [k, o] : other.entities_) {
    Entity& e = entities_[k];
    e.mentions += o.mentions;
    e.documents += o.documents;
    add_counts(e.variants, std::move(o.variants));
    keep_min(e.first_seen, o.first_seen);
    keep_max(e.last_seen, o.last_seen);
  }
  quotes_.insert(quotes_.end(), std::make_move_iterator(other.quotes_.begin()),
                 std::make_move_iterator(other.quotes_.end()));
  for (auto& [k, o] : other.periods_) {
    Period& p = periods_[k];
    p.documents += o.documents;
    p.statements += o.statements;
    p.quotes += o.quotes;
    add_counts(p.entities, std::move(o.entities));
    add_counts(p.speakers, std::move(o.speakers));
  }
  for (auto& [k, o] : other.sentiment_) {
    Sentiment& s = sentiment_[k];
    s.micro_sum += o.micro_sum;
    s.count += o.count;
  }
  other = ReportState(options_);
}

std::vector<ReportTable> ReportState::finish() const {
  std::vector<ReportTable> tables;

  ReportTable ent{
      "entities", {"name", "label", "mentions", "documents", "first_seen", "last_seen", "variants"}, {}};
  std::vector<const std::pair<const EntityKey, Entity>*> order;
  for (const auto& kv : entities_) order.push_back(&kv);
  std::stable_sort(order.begin(), order.end(),
                   [](const auto* a, const auto* b) { return a->second.mentions > b->second.mentions; });
  for (const auto* kv : order) {
    const Entity& e = kv->second;
    ent.rows.push_back({ReportCell::of(kv->first.first), ReportCell::of(kv->first.second),
                        ReportCell::of_int(static_cast<std::int64_t>(e.mentions)),
                        ReportCell::of_int(static_cast<std::int64_t>(e.documents)),
                        text_or_empty(e.first_seen), text_or_empty(e.last_seen),
                        ReportCell::of(top_list(e.variants, options_.top_variants))});
  }
  tables.push_back(std::move(ent));

  ReportTable quotes{"quotes",
                     {"date", "doc_id", "title", "speaker", "speaker_entity", "kind", "cue", "quote",
                      "sentiment_label", "sentiment_score"},
                     {}};
  std::vector<const Quote*> qs;
  for (const Quote& q : quotes_) qs.push_back(&q);
  // Every field takes part, so equal keys (one span quoted twice, a
  // duplicate record) cannot leave the order to the input's.
  auto key = [](const Quote* q) {
    return std::tie(q->date, q->doc_id, q->begin, q->text, q->kind, q->speaker, q->speaker_entity, q->cue,
                    q->title, q->sentiment_label, q->sentiment_score);
  };
  std::sort(qs.begin(), qs.end(), [&](const Quote* a, const Quote* b) { return key(a) < key(b); });
  for (const Quote* q : qs)
    quotes.rows.push_back({text_or_empty(q->date), ReportCell::of(q->doc_id), text_or_empty(q->title),
                           text_or_empty(q->speaker), text_or_empty(q->speaker_entity),
                           text_or_empty(q->kind), text_or_empty(q->cue), ReportCell::of(q->text),
                           text_or_empty(q->sentiment_label),
                           q->sentiment_score ? ReportCell::of_number(*q->sentiment_score) : ReportCell{}});
  tables.push_back(std::move(quotes));

  ReportTable timeline{
      "timeline", {"period", "documents", "statements", "quotes", "entities", "speakers"}, {}};
  for (const auto& [key, p] : periods_)
    timeline.rows.push_back({ReportCell::of(key), ReportCell::of_int(static_cast<std::int64_t>(p.documents)),
                             ReportCell::of_int(static_cast<std::int64_t>(p.statements)),
                             ReportCell::of_int(static_cast<std::int64_t>(p.quotes)),
                             ReportCell::of(top_list(p.entities, options_.top_names)),
                             ReportCell::of(top_list(p.speakers, options_.top_names))});
  tables.push_back(std::move(timeline));

  ReportTable sent{"sentiment", {"name", "label", "period", "mean_score", "count"}, {}};
  for (const auto& [key, s] : sentiment_) {
    const double mean = static_cast<double>(s.micro_sum) / static_cast<double>(s.count) / 1e6;
    sent.rows.push_back({ReportCell::of(std::get<0>(key)), ReportCell::of(std::get<1>(key)),
                         ReportCell::of(std::get<2>(key)), ReportCell::of_number(mean),
                         ReportCell::of_int(static_cast<std::int64_t>(s.count))});
  }
  tables.push_back(std::move(sent));
  return tables;
}

}  // namespace tagwerk::core
