#include <tagwerk/entities/engine.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>

#include "clusterer.hpp"
#include "gazetteer.hpp"
#include "model.hpp"
#include "word_form.hpp"

namespace tagwerk::entities {

TokenKind token_kind(std::string_view label) noexcept {
  static constexpr std::pair<std::string_view, TokenKind> kinds[] = {
      {"num", TokenKind::num}, {"punct", TokenKind::punct},     {"sym", TokenKind::sym},
      {"url", TokenKind::url}, {"mention", TokenKind::mention}, {"hashtag", TokenKind::hashtag}};
  for (const auto& [name, kind] : kinds)
    if (name == label) return kind;
  return TokenKind::word;
}

struct Scratch {
  FeatureScratch features;
  SentenceFeatures sentence;
  DecodeScratch decode;
  std::vector<std::string_view> words;
  std::vector<TokenKind> kinds;
  std::vector<std::uint16_t> tags;
  std::vector<float> margins;
  std::vector<std::int32_t> covered;  // token -> mention index, -1 when none
};

void ScratchDeleter::operator()(Scratch* s) const noexcept {
  delete s;
}

ScratchPtr Engine::make_scratch() {
  return ScratchPtr(new Scratch());
}

void Engine::read_words(const std::string& path, const char* what, bool lower, Words& into) {
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error(path + ": cannot read the " + what + "; reinstall the entities plugin's data");
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty() && line[0] != '#') into.insert(lower ? lower_case(line) : line);
  }
  files_.push_back(path);
}

Engine::Engine(const std::string& model_dir, const std::vector<std::string>& langs,
               const std::map<std::string, std::string>& model_paths,
               const std::vector<std::string>& gazetteers, Options options)
    : options_(options) {
  for (const auto& lang : langs) {
    const auto it = model_paths.find(lang);
    const std::string path =
        it != model_paths.end() && !it->second.empty() ? it->second : model_dir + "/" + lang + ".model";
    models_[lang] = Model::load(path);
    files_.push_back(path);
    read_words(model_dir + "/titles_" + lang + ".txt", "title words", false, titles_);
    read_words(model_dir + "/org_nouns_" + lang + ".txt", "organisation nouns", true, org_nouns_);
    read_words(model_dir + "/determiners_" + lang + ".txt", "determiners", false, determiners_);
    read_words(model_dir + "/honorifics_" + lang + ".txt", "honorifics", false, honorifics_);
    read_words(model_dir + "/groups_" + lang + ".txt", "nationality and party words", false, groups_);
  }
  Gazetteer common;
  for (const auto& path : gazetteers) {
    common.load(path);
    files_.push_back(path);
  }
  // Each language matches the gazetteer files and the names its model was trained with.
  for (const auto& [lang, model] : models_) {
    auto g = std::make_shared<Gazetteer>(common);
    g->merge(model->names);
    gazetteers_[lang] = std::move(g);
  }
}

Engine::~Engine() = default;
Engine::Engine(Engine&&) noexcept = default;

std::vector<std::string> Engine::languages() const {
  std::vector<std::string> out;
  for (const auto& [lang, model] : models_) out.push_back(lang);
  return out;
}

namespace {

// The label and subtype of a model's type ("LOCderiv": LOC, deriv; the
// other names, kOtherNameType, are MISC); false for a type of no label.
bool split_type(const std::string& type, Mention& m) {
  for (int l = 0; l < 4; ++l)
    if (type.compare(0, kLabels[l].size(), kLabels[l]) == 0) {
      m.label = std::string(kLabels[l]);
      m.subtype = type.substr(kLabels[l].size());
      return true;
    }
  if (type != kOtherNameType) return false;
  m.label = std::string(kLabels[static_cast<int>(Label::MISC)]);
  m.subtype.clear();
  return true;
}

bool upper_initial(std::string_view w) {
  return first_char_form(w).upper_initial;
}

// A mention is cut at a social handle, link or hashtag inside it ("Donald J.
// Trump @realDonaldTrump"): the name before it stays, a handle becomes a
// mention of its own with the name's label.
void cut_at_handles(const Input& in, Result& r) {
  std::vector<Mention> out;
  out.reserve(r.mentions.size());
  for (const Mention& m : r.mentions) {
    std::uint32_t start = m.first_token;
    const std::uint32_t end = m.first_token + m.token_count;
    const auto emit = [&](std::uint32_t from, std::uint32_t to) {
      if (from < to) out.push_back(sub_mention(in, m, from, to - from));
    };
    for (std::uint32_t t = m.first_token; t < end; ++t) {
      const TokenKind k = in.tokens[t].kind;
      if (m.token_count == 1 || (k != TokenKind::mention && k != TokenKind::url && k != TokenKind::hashtag))
        continue;
      emit(start, t);
      if (k == TokenKind::mention) emit(t, t + 1);
      start = t + 1;
    }
    emit(start, end);
  }
  r.mentions.swap(out);
}

// Mentions at least this certain are copied by the document pass (the score of
// a typical training-data margin is 0.5; unseen text scores lower).
constexpr float kPropagateScore = 0.3f;

// The document pass: a name the tagger found once (with its words, its
// genitive, a person's surname) is tagged wherever else it stands untagged.
void propagate(const Input& in, const Titles& titles, Result& r, std::vector<std::int32_t>& covered) {
  struct Known {
    std::string label;
    float score;
  };
  std::map<std::vector<std::string_view>, Known> names;
  std::size_t longest = 1;
  for (const Mention& m : r.mentions) {
    if (!m.subtype.empty() || m.score < kPropagateScore) continue;
    std::vector<std::string_view> words;
    for (std::uint32_t t = m.first_token; t < m.first_token + m.token_count; ++t)
      words.push_back(word_of(in, t));
    if (!upper_initial(words.front())) continue;
    const auto add = [&](std::vector<std::string_view> w) {
      auto it = names.find(w);
      if (it == names.end() || it->second.score < m.score) names[w] = {m.label, m.score};
      longest = std::max(longest, w.size());
    };
    add(words);
    if (m.label == "PER") {
      const auto name = name_words(words, true, false, titles);
      if (name.size() >= 2 && upper_initial(name.back())) add({strip_genitive(name.back())});
    }
  }
  if (names.empty()) return;
  covered.assign(in.tokens.size(), -1);
  for (std::size_t k = 0; k < r.mentions.size(); ++k)
    for (std::uint32_t t = r.mentions[k].first_token;
         t < r.mentions[k].first_token + r.mentions[k].token_count; ++t)
      covered[t] = static_cast<std::int32_t>(k);
  std::vector<Mention> added;
  std::vector<std::string_view> key;
  for (const Sentence& s : in.sentences) {
    const std::uint32_t end = s.first_token + s.token_count;
    for (std::uint32_t t = s.first_token; t < end; ++t) {
      if (covered[t] >= 0 || in.tokens[t].kind != TokenKind::word || !upper_initial(word_of(in, t))) continue;
      for (std::size_t len = std::min<std::size_t>(longest, end - t); len >= 1; --len) {
        bool free = true;
        key.clear();
        for (std::size_t k = 0; k < len; ++k) {
          free = free && covered[t + k] < 0;
          key.push_back(word_of(in, static_cast<std::uint32_t>(t + k)));
        }
        if (!free) continue;
        auto it = names.find(key);
        if (it == names.end() && len == 1) {
          const std::string_view stem = strip_genitive(key[0]);
          if (stem != key[0]) it = names.find({stem});
        }
        if (it == names.end()) continue;
        Mention m;
        m.label = it->second.label;
        m.score = it->second.score * 0.9f;
        m.propagated = true;
        added.push_back(sub_mention(in, m, t, static_cast<std::uint32_t>(len)));
        for (std::size_t k = 0; k < len; ++k) covered[t + k] = 0;
        t += static_cast<std::uint32_t>(len - 1);
        break;
      }
    }
  }
  // A handle right after a person's name ("Donald J. Trump @realDonaldTrump").
  for (const Mention& m : r.mentions) {
    if (m.label != "PER" || !m.subtype.empty()) continue;
    const std::uint32_t after = m.first_token + m.token_count;
    if (after < in.tokens.size() && in.tokens[after].kind == TokenKind::mention && covered[after] < 0) {
      Mention h;
      h.label = "PER";
      h.score = m.score * 0.9f;
      h.propagated = true;
      added.push_back(sub_mention(in, h, after, 1));
      covered[after] = 0;
    }
  }
  if (added.empty()) return;
  r.mentions.insert(r.mentions.end(), added.begin(), added.end());
  std::sort(r.mentions.begin(), r.mentions.end(),
            [](const Mention& a, const Mention& b) { return a.first_token < b.first_token; });
}

}  // namespace

void Engine::analyze(const Input& in, Scratch& s, Result& out) const {
  out.clear();
  for (const Sentence& sentence : in.sentences) {
    const auto it = models_.find(sentence.lang);
    if (it == models_.end() || sentence.token_count == 0) continue;
    const Model& model = *it->second;
    s.words.clear();
    s.kinds.clear();
    for (std::uint32_t t = sentence.first_token; t < sentence.first_token + sentence.token_count; ++t) {
      s.words.push_back(word_of(in, t));
      s.kinds.push_back(in.tokens[t].kind);
    }
    const Gazetteer* gazetteer = gazetteers_.at(sentence.lang).get();
    extract_features(s.words, s.kinds, model.clusters, gazetteer, model.feature_version, s.features,
                     s.sentence);
    emissions(model, s.sentence, s.decode);
    viterbi(s.decode.emissions.data(), s.words.size(), model.graph, model.transitions.data(), s.decode,
            s.tags, &s.margins);
    for (std::size_t i = 0; i < s.tags.size();) {
      if (!is_begin(s.tags[i])) {
        ++i;
        continue;
      }
      std::size_t j = i + 1;
      while (j < s.tags.size() && is_inside(s.tags[j]) && type_of(s.tags[j]) == type_of(s.tags[i])) ++j;
      float margin = s.margins[i];
      for (std::size_t k = i + 1; k < j; ++k) margin = std::min(margin, s.margins[k]);
      Mention m = sub_mention(in, Mention(), sentence.first_token + static_cast<std::uint32_t>(i),
                              static_cast<std::uint32_t>(j - i));
      m.score = margin / (margin + model.margin_scale);
      // A run of punctuation ("!", "...?") names nothing, whatever the tagger says.
      const bool punct = std::all_of(s.kinds.begin() + static_cast<std::ptrdiff_t>(i),
                                     s.kinds.begin() + static_cast<std::ptrdiff_t>(j),
                                     [](TokenKind k) { return k == TokenKind::punct; });
      if (!punct && split_type(model.types[type_of(s.tags[i])], m) && m.score >= options_.min_score)
        out.mentions.push_back(std::move(m));
      i = j;
    }
  }
  // The document-level steps match the gazetteer of the first sentence's language.
  const auto first = in.sentences.empty() ? gazetteers_.end() : gazetteers_.find(in.sentences.front().lang);
  const Gazetteer* doc_gazetteer = first == gazetteers_.end() ? nullptr : first->second.get();
  cut_at_handles(in, out);
  join_cut_compounds(in, doc_gazetteer, out);
  split_coordinated_persons(in, titles_, out);
  start_at_honorifics(in, titles_, honorifics_, out);
  prefer_gazetteer(in, doc_gazetteer, out);
  org_heads(in, doc_gazetteer, out);
  drop_common_nouns(in, titles_, determiners_, doc_gazetteer, out);
  split_place_before_person(in, doc_gazetteer, out);
  org_after_nouns(in, titles_, org_nouns_, doc_gazetteer, out);
  person_after_titles(in, titles_, doc_gazetteer, out);
  no_person_groups(in, groups_, out);
  label_from_coordinated(in, titles_, doc_gazetteer, out);
  if (options_.document_pass) {
    settle_adjacent_names(in, doc_gazetteer, out);
    propagate(in, titles_, out, s.covered);
    // A surname the pass tagged right after the rest of its name ("Senator
    // Lindsey" + "Graham", which stands alone later) joins it.
    settle_adjacent_names(in, doc_gazetteer, out);
  }
  cluster_mentions(in, titles_, doc_gazetteer, out);
}

}  // namespace tagwerk::entities
