// Reading an output record back: the layers `tagwerk show` renders, from their JSON.
#include "show_record.hpp"

#include <simdjson.h>
#include <tagwerk/core/utf8.hpp>

#include <algorithm>
#include <cstdint>
#include <map>
#include <utility>

namespace tagwerk::cli {
namespace {

namespace dom = simdjson::dom;

std::string str_of(dom::element e, const char* key) {
  std::string_view s;
  if (e[key].get(s) == simdjson::SUCCESS) return std::string(s);
  return {};
}

std::optional<double> number_of(dom::element e, const char* key) {
  dom::element v;
  if (e[key].get(v) != simdjson::SUCCESS) return std::nullopt;
  double d = 0;
  if (v.get(d) == simdjson::SUCCESS) return d;
  std::int64_t i = 0;
  if (v.get(i) == simdjson::SUCCESS) return static_cast<double>(i);
  return std::nullopt;
}

std::optional<std::int64_t> int_of(dom::element e, const char* key) {
  std::int64_t i = 0;
  if (e[key].get(i) == simdjson::SUCCESS) return i;
  return std::nullopt;
}

class RangeMapper {
 public:
  RangeMapper(std::string_view text, core::OffsetUnit unit) : reader_(text, unit) {}
  // nullopt for a span without offsets.
  std::optional<TextRange> range(dom::element span) const {
    auto b = int_of(span, "begin");
    auto e = int_of(span, "end");
    if (!b || !e) return std::nullopt;
    const std::size_t begin = reader_.byte(*b);
    return TextRange{begin, std::max(begin, reader_.byte(*e))};
  }

 private:
  core::OffsetReader reader_;
};

std::vector<core::RecordError> messages_of(dom::element list) {
  std::vector<core::RecordError> out;
  dom::array items;
  if (list.get(items) != simdjson::SUCCESS) return out;
  for (dom::element item : items) out.push_back({str_of(item, "plugin"), str_of(item, "message")});
  return out;
}

// Paragraphs from the text itself when the record has no paragraph layer:
// blocks between blank lines.
std::vector<TextRange> blank_line_blocks(std::string_view text) {
  std::vector<TextRange> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find("\n\n", pos);
    if (end == std::string_view::npos) end = text.size();
    if (end > pos) out.push_back({pos, end});
    pos = end + 2;
  }
  return out;
}

void read_layers(dom::element annotations, const RangeMapper& map, ShowRecord& r) {
  // An absent layer iterates as empty (a default dom::array must not be iterated).
  const auto layer = [&](const char* name) {
    std::vector<dom::element> spans;
    dom::array array;
    if (annotations[name].get(array) == simdjson::SUCCESS) {
      for (dom::element s : array) spans.push_back(s);
    }
    return spans;
  };
  for (dom::element s : layer("paragraph")) {
    if (auto range = map.range(s)) r.paragraphs.push_back(*range);
  }
  // Entities by index, as clusters and sentiment targets refer to them.
  std::vector<ShowEntity> all;
  for (dom::element s : layer("entity")) {
    ShowEntity e;
    e.range = map.range(s).value_or(TextRange{});
    e.label = str_of(s, "label");
    e.subtype = str_of(s, "subtype");
    e.name = str_of(s, "name");
    if (e.name.empty()) e.name = std::string(r.slice(e.range));
    const auto cluster = int_of(s, "cluster");
    e.cluster = cluster && *cluster >= 0 ? static_cast<std::size_t>(*cluster) : all.size();
    all.push_back(std::move(e));
  }
  // One row per canonical name and label: the tagger clusters "US-Präsident" and
  // "Präsident" apart, a reader sees one entity.
  std::map<std::size_t, std::size_t> cluster_slot;  // first mention -> index in r.clusters
  std::map<std::pair<std::string, std::string>, std::size_t> by_name;
  // A word made from a name ("russische", "US-Präsident") is marked in the text
  // but is no entity (as in the report's entity index): counted apart by text.
  std::map<std::pair<std::string, std::string>, std::size_t> by_word;
  for (const auto& e : all) {
    if (!e.subtype.empty()) {
      auto [word, fresh] = by_word.try_emplace({std::string(r.slice(e.range)), e.tag()}, r.name_words.size());
      if (fresh) r.name_words.push_back({word->first.first, e.tag(), 0, std::nullopt, {}});
      ++r.name_words[word->second].mentions;
      continue;
    }
    const ShowEntity& first = e.cluster < all.size() ? all[e.cluster] : e;
    auto [named, fresh] = by_name.try_emplace({first.name, first.label}, r.clusters.size());
    if (fresh) r.clusters.push_back({first.name, first.label, 0, std::nullopt, {}});
    cluster_slot.emplace(e.cluster, named->second);
    ++r.clusters[named->second].mentions;
  }
  for (dom::element s : layer("sentiment")) {
    const std::string scope = str_of(s, "scope");
    ShowSentiment value{map.range(s).value_or(TextRange{}), str_of(s, "label"),
                        number_of(s, "score").value_or(0)};
    if (scope == "document") {
      r.document_sentiment = value;
    } else if (scope == "sentence") {
      r.sentences.push_back(value);
    } else if (scope == "entity") {
      const auto target = int_of(s, "target");
      if (!target || *target < 0 || static_cast<std::size_t>(*target) >= all.size()) continue;
      auto it = cluster_slot.find(all[static_cast<std::size_t>(*target)].cluster);
      if (it == cluster_slot.end()) continue;
      if (r.clusters[it->second].sentiment) continue;  // the first cluster of that name speaks for it
      r.clusters[it->second].sentiment = value.score;
      r.clusters[it->second].sentiment_label = value.label;
    }
  }
  for (auto* list : {&r.clusters, &r.name_words})
    std::stable_sort(list->begin(), list->end(),
                     [](const ShowCluster& a, const ShowCluster& b) { return a.mentions > b.mentions; });
  std::sort(all.begin(), all.end(),
            [](const ShowEntity& a, const ShowEntity& b) { return a.range.begin < b.range.begin; });
  std::size_t last_end = 0;
  for (auto& e : all) {
    if (e.range.end <= e.range.begin || e.range.begin < last_end) continue;  // nested or empty: shown once
    last_end = e.range.end;
    r.entities.push_back(std::move(e));
  }
  for (dom::element s : layer("quote")) {
    std::string kind = str_of(s, "kind");
    if (kind.empty()) kind = str_of(s, "label");
    r.quotes.push_back({map.range(s).value_or(TextRange{}), kind, str_of(s, "speaker"), str_of(s, "cue")});
  }
  for (dom::element s : layer("timex")) {
    r.timexes.push_back(
        {map.range(s).value_or(TextRange{}), str_of(s, "type"), str_of(s, "value"), str_of(s, "mod")});
  }
}

}  // namespace

ShowRecord make_show_record(const core::Document& doc, core::OffsetUnit offsets) {
  ShowRecord r;
  r.id = doc.id;
  r.title = std::string(doc.meta("title"));
  r.date = std::string(doc.meta("date"));
  r.lang = std::string(doc.meta("lang"));
  if (doc.unreadable) {
    r.errors = doc.errors;
    return r;
  }
  r.text = doc.text;
  const RangeMapper map(r.text, offsets);
  dom::parser parser;
  for (const auto& field : doc.fields) {
    if (field.key != "annotations" && field.key != "errors" && field.key != "warnings" &&
        field.key != "doc") {
      continue;
    }
    dom::element value;
    if (parser.parse(field.raw_json).get(value) != simdjson::SUCCESS) continue;
    if (field.key == "annotations") {
      read_layers(value, map, r);
    } else if (field.key == "errors") {
      r.errors = messages_of(value);
    } else if (field.key == "warnings") {
      r.warnings = messages_of(value);
    } else if (r.date.empty()) {
      r.date = str_of(value, "dct");  // the time the timeline resolved against
    }
  }
  if (r.paragraphs.empty()) r.paragraphs = blank_line_blocks(r.text);
  return r;
}

}  // namespace tagwerk::cli
