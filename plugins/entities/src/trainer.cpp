#include "trainer.hpp"

#include <algorithm>
#include <numeric>
#include <random>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

namespace tagwerk::entities {

namespace {

// Types in a fixed order: the four labels, each followed by its subtypes.
std::vector<std::string> collect_types(const std::vector<TrainingSentence>& sentences) {
  std::set<std::string> seen;
  for (std::size_t s = 0; s < sentences.size(); ++s)
    for (const auto& t : sentences[s].tags) {
      if (t == "O") continue;
      if (t.size() < 3 || (t[0] != 'B' && t[0] != 'I') || t[1] != '-')
        throw std::invalid_argument("sentence " + std::to_string(s + 1) + ": tag '" + t +
                                    "' is not O, B-TYPE or I-TYPE");
      seen.insert(t.substr(2));
    }
  std::vector<std::string> types(seen.begin(), seen.end());
  const auto rank = [](const std::string& t) {
    int base = 4;
    for (int l = 0; l < 4; ++l)
      if (t.compare(0, kLabels[l].size(), kLabels[l]) == 0) base = l;
    return std::make_tuple(base, t.size(), t);
  };
  std::sort(types.begin(), types.end(), [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
  return types;
}

// BIO tag names -> BILOU tags; an I- without its B- (as some corpora have) starts the chunk.
std::vector<std::uint16_t> encode(const std::vector<std::string>& tags,
                                  const std::vector<std::string>& types) {
  const std::size_t n = tags.size();
  std::vector<std::uint16_t> out(n, kOutside);
  const auto type_index = [&](const std::string& t) -> std::ptrdiff_t {
    if (t == "O" || t.size() < 3) return -1;
    const auto it = std::find(types.begin(), types.end(), t.substr(2));
    return it == types.end() ? -1 : it - types.begin();
  };
  for (std::size_t i = 0; i < n;) {
    const std::ptrdiff_t k = type_index(tags[i]);
    if (k < 0) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < n && tags[j][0] == 'I' && type_index(tags[j]) == k) ++j;
    const auto type = static_cast<std::size_t>(k);
    if (j == i + 1) {
      out[i] = unit_tag(type);
    } else {
      out[i] = begin_tag(type);
      for (std::size_t m = i + 1; m + 1 < j; ++m) out[m] = inside_tag(type);
      out[j - 1] = last_tag(type);
    }
    i = j;
  }
  return out;
}

// BILOU tags -> BIO tag names.
std::string tag_name(std::uint16_t tag, const std::vector<std::string>& types) {
  if (tag == kOutside) return "O";
  return (is_begin(tag) ? "B-" : "I-") + types[type_of(tag)];
}

std::vector<std::string_view> views(const std::vector<std::string>& words) {
  return {words.begin(), words.end()};
}

// Chunks as (begin, end, type) from encoded tags.
std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> chunks(
    const std::vector<std::uint16_t>& tags) {
  std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> out;
  for (std::size_t i = 0; i < tags.size();) {
    if (!is_begin(tags[i])) {
      ++i;
      continue;
    }
    std::size_t j = i + 1;
    while (j < tags.size() && is_inside(tags[j]) && type_of(tags[j]) == type_of(tags[i])) ++j;
    out.emplace_back(i, j, type_of(tags[i]));
    i = j;
  }
  return out;
}

}  // namespace

std::vector<std::string> tag_sentence(const Model& m, const Gazetteer* gazetteer, const TrainingSentence& s) {
  FeatureScratch fs;
  SentenceFeatures f;
  DecodeScratch ds;
  std::vector<std::uint16_t> tags;
  extract_features(views(s.words), s.kinds, m.clusters, gazetteer, m.feature_version, fs, f);
  emissions(m, f, ds);
  viterbi(ds.emissions.data(), f.size(), m.graph, m.transitions.data(), ds, tags, nullptr);
  std::vector<std::string> out;
  for (auto t : tags) out.push_back(tag_name(t, m.types));
  return out;
}

double chunk_f1(const Model& m, const Gazetteer* gazetteer, const std::vector<TrainingSentence>& sentences) {
  std::size_t tp = 0, gold = 0, pred = 0;
  for (const auto& s : sentences) {
    const std::vector<std::string> names = tag_sentence(m, gazetteer, s);
    const std::vector<std::uint16_t> p = encode(names, m.types), g = encode(s.tags, m.types);
    const auto pc = chunks(p), gc = chunks(g);
    pred += pc.size();
    gold += gc.size();
    for (const auto& c : pc) tp += std::find(gc.begin(), gc.end(), c) != gc.end();
  }
  return tp == 0 ? 0.0 : 2.0 * static_cast<double>(tp) / static_cast<double>(gold + pred);
}

std::shared_ptr<Model> train(const std::vector<TrainingSentence>& sentences,
                             const std::vector<TrainingSentence>* dev, WordClusters clusters,
                             const std::vector<const Gazetteer*>& gazetteers, const Gazetteer* dev_gazetteer,
                             const TrainOptions& options,
                             const std::function<void(const EpochReport&)>& progress) {
  auto model = std::make_shared<Model>();
  if (!supported_feature_version(options.feature_version))
    throw std::invalid_argument("feature version " + std::to_string(options.feature_version) +
                                ": not one of " + std::to_string(kOldestFeatureVersion) + " to " +
                                std::to_string(kFeatureVersion));
  if (options.runs < 1)
    throw std::invalid_argument("runs " + std::to_string(options.runs) + ": at least one run is needed");
  model->lang = options.lang;
  model->feature_version = options.feature_version;
  model->provenance = options.provenance;
  model->types = collect_types(sentences);
  model->clusters = std::move(clusters);
  const std::size_t tags = model->tag_count();
  model->graph = TagGraph(tags);

  // Features of every sentence once; rows for those seen min_count times.
  std::vector<std::vector<std::uint16_t>> gold(sentences.size());
  std::vector<SentenceFeatures> feats(sentences.size());
  std::unordered_map<std::uint64_t, std::uint32_t> counts;
  FeatureScratch fs;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    if (sentences[s].words.size() != sentences[s].tags.size() ||
        sentences[s].words.size() != sentences[s].kinds.size())
      throw std::invalid_argument("sentence " + std::to_string(s + 1) +
                                  ": words, kinds and tags differ in number");
    gold[s] = encode(sentences[s].tags, model->types);
    const Gazetteer* gazetteer = nullptr;
    if (!gazetteers.empty()) {
      if (sentences[s].gazetteer >= gazetteers.size())
        throw std::invalid_argument("sentence " + std::to_string(s + 1) + ": no gazetteer " +
                                    std::to_string(sentences[s].gazetteer));
      gazetteer = gazetteers[sentences[s].gazetteer];
    }
    extract_features(views(sentences[s].words), sentences[s].kinds, model->clusters, gazetteer,
                     model->feature_version, fs, feats[s]);
    for (auto h : feats[s].hashes) ++counts[h];
  }
  std::vector<std::uint64_t> keys;
  for (const auto& [h, c] : counts)
    if (c >= static_cast<std::uint32_t>(options.min_count)) keys.push_back(h);
  std::sort(keys.begin(), keys.end());
  counts.clear();
  HashTable row_of;  // feature hash -> its row of the dense weights
  row_of.reserve(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) row_of.insert(keys[i], static_cast<std::uint32_t>(i));
  // Per sentence, the rows of each word's features (flat, with offsets).
  std::vector<std::vector<std::uint32_t>> rows(sentences.size()), row_offsets(sentences.size());
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const SentenceFeatures& f = feats[s];
    for (std::size_t i = 0; i < f.size(); ++i) {
      row_offsets[s].push_back(static_cast<std::uint32_t>(rows[s].size()));
      for (std::uint32_t k = f.offsets[i]; k < f.offsets[i + 1]; ++k) {
        const std::uint32_t r = row_of.find(f.hashes[k]);
        if (r != HashTable::kAbsent) rows[s].push_back(r);
      }
    }
    row_offsets[s].push_back(static_cast<std::uint32_t>(rows[s].size()));
    feats[s] = SentenceFeatures();
  }

  std::vector<float> w, u, tw, tu;
  float c = 1;
  std::vector<std::size_t> order(sentences.size());
  DecodeScratch ds;
  std::vector<std::uint16_t> pred;
  const auto averaged = [&](const std::vector<float>& v, const std::vector<float>& acc) {
    std::vector<float> out(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) out[i] = v[i] - acc[i] / c;
    return out;
  };
  const auto update = [&](std::size_t s, std::size_t i, std::uint16_t tag, float d) {
    for (std::uint32_t k = row_offsets[s][i]; k < row_offsets[s][i + 1]; ++k) {
      const std::size_t at = static_cast<std::size_t>(rows[s][k]) * tags + tag;
      w[at] += d;
      u[at] += c * d;
    }
  };
  const auto update_transition = [&](std::size_t from, std::size_t to, float d) {
    tw[from * tags + to] += d;
    tu[from * tags + to] += c * d;
  };
  // The mean of the runs' averaged weights and transitions.
  std::vector<float> final_weights(keys.size() * tags, 0.0f), final_transitions((tags + 1) * tags, 0.0f);
  for (int run = 1; run <= options.runs; ++run) {
    w.assign(keys.size() * tags, 0.0f);
    u.assign(keys.size() * tags, 0.0f);
    tw.assign((tags + 1) * tags, 0.0f);
    tu.assign((tags + 1) * tags, 0.0f);
    c = 1;
    std::iota(order.begin(), order.end(), 0);
    std::mt19937 rng(options.seed + static_cast<unsigned>(run - 1));
    for (int epoch = 1; epoch <= options.epochs; ++epoch) {
      std::shuffle(order.begin(), order.end(), rng);
      std::size_t right = 0, total = 0;
      for (std::size_t s : order) {
        const std::size_t n = gold[s].size();
        ds.emissions.assign(n * tags, 0.0f);
        for (std::size_t i = 0; i < n; ++i)
          for (std::uint32_t k = row_offsets[s][i]; k < row_offsets[s][i + 1]; ++k) {
            const float* row = &w[static_cast<std::size_t>(rows[s][k]) * tags];
            float* e = &ds.emissions[i * tags];
            for (std::size_t t = 0; t < tags; ++t) e[t] += row[t];
          }
        viterbi(ds.emissions.data(), n, model->graph, tw.data(), ds, pred, nullptr);
        const std::vector<std::uint16_t>& g = gold[s];
        for (std::size_t i = 0; i < n; ++i) {
          ++total;
          if (pred[i] == g[i]) {
            ++right;
          } else {
            update(s, i, g[i], 1.0f);
            update(s, i, pred[i], -1.0f);
          }
          const std::size_t gp = i == 0 ? tags : g[i - 1], pp = i == 0 ? tags : pred[i - 1];
          if (gp != pp || g[i] != pred[i]) {
            update_transition(gp, g[i], 1.0f);
            update_transition(pp, pred[i], -1.0f);
          }
        }
        c += 1;
      }
      EpochReport report;
      report.run = run;
      report.epoch = epoch;
      report.train_word_accuracy = total ? static_cast<double>(right) / static_cast<double>(total) : 0;
      if (dev) {
        model->set_weights(keys, averaged(w, u));
        model->transitions = averaged(tw, tu);
        report.dev_f1 = chunk_f1(*model, dev_gazetteer, *dev);
      }
      if (progress) progress(report);
    }
    const float share = 1.0f / static_cast<float>(options.runs);
    const std::vector<float> run_weights = averaged(w, u), run_transitions = averaged(tw, tu);
    for (std::size_t i = 0; i < run_weights.size(); ++i) final_weights[i] += share * run_weights[i];
    for (std::size_t i = 0; i < run_transitions.size(); ++i)
      final_transitions[i] += share * run_transitions[i];
  }
  std::vector<float>().swap(w);
  std::vector<float>().swap(u);
  model->set_weights(keys, final_weights);
  model->transitions = final_transitions;

  // The margin scale: the median margin of a word tagged as part of a name.
  std::vector<float> margins, all;
  for (std::size_t s = 0; s < sentences.size() && all.size() < 20000; ++s) {
    const std::size_t n = gold[s].size();
    ds.emissions.assign(n * tags, 0.0f);
    for (std::size_t i = 0; i < n; ++i)
      for (std::uint32_t k = row_offsets[s][i]; k < row_offsets[s][i + 1]; ++k) {
        const float* row = &final_weights[static_cast<std::size_t>(rows[s][k]) * tags];
        for (std::size_t t = 0; t < tags; ++t) ds.emissions[i * tags + t] += row[t];
      }
    viterbi(ds.emissions.data(), n, model->graph, model->transitions.data(), ds, pred, &margins);
    for (std::size_t i = 0; i < n; ++i)
      if (pred[i] != kOutside) all.push_back(margins[i]);
  }
  if (!all.empty()) {
    std::nth_element(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(all.size() / 2), all.end());
    model->margin_scale = std::max(1e-3f, all[all.size() / 2]);
  }
  return model;
}

}  // namespace tagwerk::entities
