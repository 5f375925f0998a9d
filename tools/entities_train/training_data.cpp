#include "training_data.hpp"

#include <simdjson.h>

#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include <tagwerk/core/input.hpp>

namespace tagwerk::tools {

namespace en = tagwerk::entities;

TrainingFile parse_training_file(const std::string& spec) {
  const std::size_t colon = spec.find(':');
  const std::string format = colon == std::string::npos ? "" : spec.substr(0, colon);
  if (format != "germeval" && format != "gum" && format != "smartdata")
    throw std::invalid_argument("--train " + spec +
                                ": write FORMAT:PATH with FORMAT germeval, gum or smartdata");
  return {format, spec.substr(colon + 1)};
}

namespace {

// The corpus's type -> ours ("" = not an entity for the tagger).
std::string map_type(const std::string& format, const std::string& type) {
  if (format == "germeval") {
    if (type.compare(0, 3, "OTH") == 0) return "MISC" + type.substr(3);
    return type;
  }
  if (format == "gum") {
    static const std::string U(en::kOtherNameType);
    static const std::map<std::string, std::string> gum = {
        {"person", "PER"}, {"place", "LOC"}, {"organization", "ORG"}, {"event", "MISC"}, {"abstract", U},
        {"object", U},     {"substance", U}, {"animal", U},           {"plant", U}};
    const auto it = gum.find(type);
    return it == gum.end() ? "" : it->second;
  }
  // SmartData: people, places and organisations; dates, numbers and triggers are not names.
  if (type == "PERSON") return "PER";
  if (type.compare(0, 8, "LOCATION") == 0) return "LOC";
  if (type.compare(0, 12, "ORGANIZATION") == 0) return "ORG";
  return "";
}

// GUM marks whole noun phrases ("Mary Chaworth , whom he met while at
// school", "Vrije Universiteit Amsterdam , the Netherlands"); the tagger learns
// names. A span ends before its first comma, bracket or lower-case word that is
// not one of the small words names are made with ("Bank of England", "the
// United States"). Returns the new end.
std::size_t trim_gum_span(const std::vector<std::string>& tokens, std::size_t begin, std::size_t end) {
  static const std::set<std::string> inner = {"of",  "and", "the", "for", "de", "du", "des",
                                              "von", "van", "der", "la",  "le", "di", "da",
                                              "&",   "'s",  "on",  "in",  "at", "-"};
  for (std::size_t k = begin + 1; k < end; ++k) {
    const std::string& t = tokens[k];
    const unsigned char c = t.empty() ? ' ' : static_cast<unsigned char>(t[0]);
    const bool lower_word = c >= 'a' && c <= 'z';
    if (t == "," || t == "(" || t == "[" || t == ";" || (lower_word && !inner.count(t))) {
      std::size_t e = k;
      while (e > begin + 1 && inner.count(tokens[e - 1]) && tokens[e - 1] != "'s") --e;  // no dangling "of"
      return e;
    }
  }
  return end;
}

std::string_view kind_label(segment::TokenKind k) {
  return segment::to_string(k);
}

}  // namespace

void count_names(const en::TrainingSentence& s, NameCounts& out) {
  for (std::size_t i = 0; i < s.tags.size();) {
    if (s.tags[i].size() < 3 || s.tags[i][0] != 'B') {
      ++i;
      continue;
    }
    const std::string type = s.tags[i].substr(2);
    std::size_t j = i + 1;
    while (j < s.tags.size() && s.tags[j] == "I-" + type) ++j;
    if (entities::label_index(type) >= 0) {
      std::string name;
      for (std::size_t k = i; k < j; ++k) name += (k > i ? " " : "") + s.words[k];
      ++out[name][type];
    }
    i = j;
  }
}

namespace {
const std::string& top_label(const std::map<std::string, int>& labels) {
  auto best = labels.begin();
  for (auto it = labels.begin(); it != labels.end(); ++it)
    if (it->second > best->second) best = it;
  return best->first;
}
}  // namespace

void add_names(const NameCounts& names, entities::Gazetteer& g) {
  for (const auto& [name, labels] : names) g.add(top_label(labels), name);
}

std::size_t write_names(const NameCounts& names, const std::string& path, const std::string& header) {
  std::ofstream out(path, std::ios::trunc);
  if (!out) throw std::runtime_error(path + ": cannot write the names gazetteer");
  std::istringstream lines(header);
  for (std::string line; std::getline(lines, line);) out << "# " << line << '\n';
  for (const auto& [name, labels] : names) out << top_label(labels) << '\t' << name << '\n';
  return names.size();
}

std::set<std::string> read_ids(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read the id list");
  std::set<std::string> ids;
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty() && line[0] != '#') ids.insert(line);
  }
  return ids;
}

std::vector<en::TrainingSentence> load_sentences(const TrainingFile& file, const segment::Segmenter& seg,
                                                 const std::set<std::string>* ids, bool keep,
                                                 LoadStats& stats) {
  std::ifstream in(file.path);
  if (!in) throw std::runtime_error(file.path + ": cannot read the training file");
  simdjson::ondemand::parser parser;
  std::vector<en::TrainingSentence> out;
  std::string line;
  std::size_t number = 0;
  segment::Segmentation segmentation;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    const std::string where = file.path + ":" + std::to_string(number);
    std::string id;
    std::vector<std::string> tokens, tags;
    try {
      simdjson::padded_string padded(line);
      auto doc = parser.iterate(padded);
      for (auto field : doc.get_object()) {
        const std::string_view key = field.unescaped_key().value();
        if (key == "id") {
          auto v = field.value();
          id = v.type() == simdjson::ondemand::json_type::string
                   ? std::string(v.get_string().value())
                   : std::string(simdjson::to_json_string(v).value());
        } else if (key == "tokens" || key == "tags") {
          auto& list = key == "tokens" ? tokens : tags;
          for (auto item : field.value().get_array()) list.emplace_back(item.get_string().value());
        }
      }
    } catch (const simdjson::simdjson_error& e) {
      throw std::runtime_error(where + ": not a {\"id\",\"tokens\",\"tags\"} record (" + e.what() + ")");
    }
    if (tokens.size() != tags.size())
      throw std::runtime_error(where + ": " + std::to_string(tokens.size()) + " tokens but " +
                               std::to_string(tags.size()) + " tags");
    if (ids && (ids->count(id) != 0) != keep) continue;
    // The text as the evaluation builds it (tokens joined by spaces), then
    // segment's tokens, so the tagger learns on the tokens it will see.
    std::string text;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
    std::vector<std::string> span_types;
    std::vector<std::uint32_t> token_begin;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (i) text += ' ';
      token_begin.push_back(static_cast<std::uint32_t>(text.size()));
      text += tokens[i];
    }
    for (std::size_t i = 0; i < tags.size();) {
      if (tags[i].size() < 3 || (tags[i][0] != 'B' && tags[i][0] != 'I')) {
        ++i;
        continue;
      }
      const std::string type = tags[i].substr(2);
      std::size_t j = i + 1;
      while (j < tags.size() && tags[j] == "I-" + type) ++j;
      const std::string mapped = map_type(file.format, type);
      // The words a trimmed GUM span leaves out are no names of their own.
      const std::size_t name_end = file.format == "gum" ? trim_gum_span(tokens, i, j) : j;
      if (!mapped.empty()) {
        spans.emplace_back(token_begin[i], token_begin[name_end - 1] +
                                               static_cast<std::uint32_t>(tokens[name_end - 1].size()));
        span_types.push_back(mapped);
      }
      i = j;
    }
    seg.segment(text, {}, segmentation);
    en::TrainingSentence s;
    for (const auto& t : segmentation.tokens) {
      s.words.push_back(text.substr(t.begin, t.end - t.begin));
      s.kinds.push_back(en::token_kind(kind_label(t.kind)));
      s.tags.push_back("O");
    }
    for (std::size_t k = 0; k < spans.size(); ++k) {
      bool first = true, aligned_begin = false, aligned_end = false;
      for (std::size_t t = 0; t < segmentation.tokens.size(); ++t) {
        const auto& tok = segmentation.tokens[t];
        if (tok.end <= spans[k].first || tok.begin >= spans[k].second) continue;
        aligned_begin |= tok.begin == spans[k].first;
        aligned_end |= tok.end == spans[k].second;
        s.tags[t] = (first ? "B-" : "I-") + span_types[k];
        first = false;
      }
      ++stats.entities;
      if (!aligned_begin || !aligned_end) ++stats.misaligned;
    }
    ++stats.sentences;
    out.push_back(std::move(s));
  }
  return out;
}

void for_each_text(const std::vector<std::string>& paths, const std::function<void(const std::string&)>& f) {
  core::InputOptions options;
  options.paths = paths;
  auto reader = core::open_input(options);
  core::Document doc;
  simdjson::ondemand::parser parser;
  while (reader->next(doc)) {
    if (!doc.text.empty()) {
      f(doc.text);
      continue;
    }
    for (const auto& field : doc.fields) {
      if (field.key != "tokens") continue;
      std::string text;
      simdjson::padded_string padded(field.raw_json);
      auto value = parser.iterate(padded);
      for (auto item : value.get_array()) {
        if (!text.empty()) text += ' ';
        text += std::string_view(item.get_string().value());
      }
      f(text);
    }
  }
}

}  // namespace tagwerk::tools
