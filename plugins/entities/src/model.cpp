#include "model.hpp"

#include <zstd.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <sstream>
#include <stdexcept>

namespace tagwerk::entities {

namespace {

constexpr char kMagic[8] = {'T', 'W', 'E', 'N', 'T', 'M', 'D', '1'};

class Writer {
 public:
  template <class T>
  void pod(const T& v) {
    const char* p = reinterpret_cast<const char*>(&v);
    buf_.append(p, sizeof(T));
  }
  void str(const std::string& s) {
    pod(static_cast<std::uint32_t>(s.size()));
    buf_ += s;
  }
  template <class T>
  void array(const T* p, std::size_t n) {
    buf_.append(reinterpret_cast<const char*>(p), n * sizeof(T));
  }
  std::string& bytes() { return buf_; }

 private:
  std::string buf_;
};

class Reader {
 public:
  Reader(const std::string& data, const std::string& path) : data_(data), path_(path) {}
  template <class T>
  T pod() {
    T v;
    need(sizeof(T));
    std::memcpy(&v, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return v;
  }
  std::string str() {
    const auto n = pod<std::uint32_t>();
    need(n);
    std::string s = data_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  template <class T>
  void array(T* p, std::size_t n) {
    need(n * sizeof(T));
    std::memcpy(p, data_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
  }

 private:
  void need(std::size_t n) const {
    if (data_.size() - pos_ < n)
      throw std::runtime_error(path_ + ": the entities model is cut short; copy it again or retrain it");
  }
  const std::string& data_;
  const std::string& path_;
  std::size_t pos_ = 0;
};

}  // namespace

std::shared_ptr<const Model> Model::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error(
        path +
        ": cannot read the entities model; check the path (parameter 'model_de' / 'model_en' or 'models')");
  const std::string packed((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const unsigned long long size = ZSTD_getFrameContentSize(packed.data(), packed.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1ull << 32))
    throw std::runtime_error(
        path + ": not a tagwerk entities model (no zstd frame); train one with tagwerk-train-entities");
  std::string data(size, '\0');
  const std::size_t got = ZSTD_decompress(data.data(), data.size(), packed.data(), packed.size());
  if (ZSTD_isError(got) || got != size)
    throw std::runtime_error(path + ": the entities model is damaged (" +
                             std::string(ZSTD_getErrorName(got)) + "); copy it again or retrain it");
  Reader r(data, path);
  char magic[8];
  r.array(magic, 8);
  if (std::memcmp(magic, kMagic, 8) != 0)
    throw std::runtime_error(path + ": not a tagwerk entities model; train one with tagwerk-train-entities");
  const auto version = r.pod<std::uint32_t>();
  if (!supported_feature_version(version))
    throw std::runtime_error(path + ": the model was trained with features of version " +
                             std::to_string(version) + ", this plugin computes versions " +
                             std::to_string(kOldestFeatureVersion) + " to " +
                             std::to_string(kFeatureVersion) + "; retrain it with tagwerk-train-entities");
  auto m = std::make_shared<Model>();
  m->feature_version = version;
  m->lang = r.str();
  m->provenance = r.str();
  m->margin_scale = r.pod<float>();
  const auto ntypes = r.pod<std::uint32_t>();
  for (std::uint32_t i = 0; i < ntypes; ++i) m->types.push_back(r.str());
  const std::size_t tags = m->tag_count();
  const auto nclusters = r.pod<std::uint64_t>();
  for (std::uint64_t i = 0; i < nclusters; ++i) {
    const auto h = r.pod<std::uint64_t>();
    WordClusters::Ids ids;
    r.array(ids.data(), ids.size());
    m->clusters.add_hashed(h, ids);
  }
  const auto nnames = r.pod<std::uint64_t>();
  for (std::uint64_t i = 0; i < nnames; ++i) {
    const auto bits = r.pod<std::uint8_t>();
    const std::string name = r.str();
    for (int l = 0; l < 4; ++l)
      if (bits & (1u << l)) m->names.add(kLabels[l], name);
  }
  const auto nrows = r.pod<std::uint64_t>();
  m->rows.reserve(nrows);
  Model::Weight row[256];
  for (std::uint64_t i = 0; i < nrows; ++i) {
    const auto key = r.pod<std::uint64_t>();
    const auto nonzero = r.pod<std::uint8_t>();
    for (std::uint8_t k = 0; k < nonzero; ++k) {
      const auto tag = r.pod<std::uint8_t>();
      const auto w = r.pod<float>();
      if (tag >= tags || (k > 0 && tag <= row[k - 1].tag))
        throw std::runtime_error(path +
                                 ": the entities model is damaged (a tag out of range or order); retrain it");
      row[k] = {w, tag, static_cast<std::uint16_t>(k + 1 == nonzero ? 1 : 0)};
    }
    m->add_row(key, row, nonzero);
  }
  m->graph = TagGraph(tags);
  m->transitions.resize((tags + 1) * tags);
  r.array(m->transitions.data(), m->transitions.size());
  return m;
}

void Model::save(const std::string& path) const {
  const std::size_t tags = tag_count();
  if (tags > 255) throw std::runtime_error(path + ": too many entity types for the model file");
  Writer w;
  w.array(kMagic, 8);
  w.pod(feature_version);
  w.str(lang);
  w.str(provenance);
  w.pod(margin_scale);
  w.pod(static_cast<std::uint32_t>(types.size()));
  for (const auto& t : types) w.str(t);
  w.pod(static_cast<std::uint64_t>(clusters.size()));
  for (std::size_t i = 0; i < clusters.size(); ++i) {
    w.pod(clusters.hashes()[i]);
    w.array(clusters.ids()[i].data(), clusters.ids()[i].size());
  }
  std::vector<std::pair<std::string, std::uint8_t>> sorted_names;
  names.for_each([&](const std::string& name, std::uint8_t bits) { sorted_names.emplace_back(name, bits); });
  std::sort(sorted_names.begin(), sorted_names.end());
  w.pod(static_cast<std::uint64_t>(sorted_names.size()));
  for (const auto& [name, bits] : sorted_names) {
    w.pod(bits);
    w.str(name);
  }
  // Features by their hash, so the file does not depend on the table's layout.
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed;
  rows.for_each([&](std::uint64_t key, std::uint32_t first) { keyed.emplace_back(key, first); });
  std::sort(keyed.begin(), keyed.end());
  w.pod(static_cast<std::uint64_t>(keyed.size()));
  for (const auto& [key, first] : keyed) {
    w.pod(key);
    if (first & kDense) {
      const float* row = &dense_weights[(first & ~kDense) * dense_stride()];
      w.pod(static_cast<std::uint8_t>(std::count_if(row, row + tags, [](float v) { return v != 0.0f; })));
      for (std::size_t t = 0; t < tags; ++t)
        if (row[t] != 0.0f) {
          w.pod(static_cast<std::uint8_t>(t));
          w.pod(row[t]);
        }
      continue;
    }
    std::uint32_t end = first;
    while (!row_weights[end++].last) {
    }
    w.pod(static_cast<std::uint8_t>(end - first));
    for (std::uint32_t k = first; k < end; ++k) {
      w.pod(static_cast<std::uint8_t>(row_weights[k].tag));
      w.pod(row_weights[k].w);
    }
  }
  w.array(transitions.data(), transitions.size());
  std::string packed(ZSTD_compressBound(w.bytes().size()), '\0');
  const std::size_t n = ZSTD_compress(packed.data(), packed.size(), w.bytes().data(), w.bytes().size(), 19);
  if (ZSTD_isError(n))
    throw std::runtime_error(path + ": cannot compress the model: " + ZSTD_getErrorName(n));
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(packed.data(), static_cast<std::streamsize>(n));
  if (!out)
    throw std::runtime_error(path + ": cannot write the model; check the folder exists and is writable");
}

bool allowed(std::size_t tag_count, std::size_t from, std::size_t to) noexcept {
  const bool open = from != tag_count && is_open(static_cast<std::uint16_t>(from));
  if (!is_inside(static_cast<std::uint16_t>(to))) return !open;  // O, B or U only after a closed name
  return open && type_of(static_cast<std::uint16_t>(from)) == type_of(static_cast<std::uint16_t>(to));
}

void Model::add_row(std::uint64_t key, const Weight* weights, std::size_t count) {
  if (count == 0) return;
  if (count < kDenseFrom) {
    rows.insert(key, static_cast<std::uint32_t>(row_weights.size()));
    row_weights.insert(row_weights.end(), weights, weights + count);
    return;
  }
  const std::size_t stride = dense_stride();
  rows.insert(key, kDense | static_cast<std::uint32_t>(dense_weights.size() / stride));
  dense_weights.resize(dense_weights.size() + stride, 0.0f);
  float* row = &dense_weights[dense_weights.size() - stride];
  for (std::size_t k = 0; k < count; ++k) row[weights[k].tag] = weights[k].w;
}

void Model::set_weights(const std::vector<std::uint64_t>& keys, const std::vector<float>& dense) {
  const std::size_t tags = tag_count();
  rows = HashTable();
  rows.reserve(keys.size());
  row_weights.clear();
  dense_weights.clear();
  std::vector<Weight> row;
  for (std::size_t r = 0; r < keys.size(); ++r) {
    row.clear();
    for (std::size_t t = 0; t < tags; ++t)
      if (dense[r * tags + t] != 0.0f) row.push_back({dense[r * tags + t], static_cast<std::uint16_t>(t), 0});
    if (row.empty()) continue;
    row.back().last = 1;
    add_row(keys[r], row.data(), row.size());
  }
}

namespace {

// Vectors of four floats at a time (the rows do not overlap the sum).
void add_dense(float* __restrict sum, const float* __restrict row, std::size_t stride) {
  for (std::size_t t = 0; t < stride; t += 4)
    for (std::size_t l = 0; l < 4; ++l) sum[t + l] += row[t + l];
}

}  // namespace

void emissions(const Model& m, const SentenceFeatures& f, DecodeScratch& s) {
  const std::size_t tags = m.tag_count();
  const std::size_t n = f.size();
  s.emissions.resize(n * tags);
  // The tables are larger than the caches and every feature lands somewhere
  // else: look the rows up a sentence at a time, fetching ahead, then add.
  const std::size_t count = f.hashes.size();
  constexpr std::size_t kAhead = 16;
  s.rows.resize(count);
  for (std::size_t k = 0; k < std::min(kAhead, count); ++k) m.rows.prefetch(f.hashes[k]);
  for (std::size_t k = 0; k < count; ++k) {
    if (k + kAhead < count) m.rows.prefetch(f.hashes[k + kAhead]);
    const std::uint32_t first = m.rows.find(f.hashes[k]);
    s.rows[k] = first;
    if (first == HashTable::kAbsent) continue;
    if (first & Model::kDense)
      __builtin_prefetch(&m.dense_weights[(first & ~Model::kDense) * m.dense_stride()]);
    else
      __builtin_prefetch(&m.row_weights[first]);
  }
  const std::size_t stride = m.dense_stride();
  s.sum.resize(stride);
  float* sum = s.sum.data();
  for (std::size_t i = 0; i < n; ++i) {
    std::fill(sum, sum + stride, 0.0f);
    for (std::uint32_t k = f.offsets[i]; k < f.offsets[i + 1]; ++k) {
      const std::uint32_t row = s.rows[k];
      if (row == HashTable::kAbsent) continue;
      if (row & Model::kDense) {
        const float* d = &m.dense_weights[(row & ~Model::kDense) * stride];
        add_dense(sum, d, stride);
        continue;
      }
      for (const Model::Weight* w = &m.row_weights[row];; ++w) {
        sum[w->tag] += w->w;
        if (w->last) break;
      }
    }
    std::copy(sum, sum + tags, &s.emissions[i * tags]);
  }
}

TagGraph::TagGraph(std::size_t tag_count) : preds(tag_count), succs(tag_count), may_start(tag_count, 0) {
  for (std::size_t to = 0; to < tag_count; ++to) {
    may_start[to] = allowed(tag_count, tag_count, to) ? 1 : 0;
    for (std::size_t from = 0; from < tag_count; ++from)
      if (allowed(tag_count, from, to)) {
        preds[to].push_back(static_cast<std::uint16_t>(from));
        succs[from].push_back(static_cast<std::uint16_t>(to));
      }
  }
  if (tag_count == 0) return;
  closing = preds[kOutside];
  opening = succs[kOutside];
  std::vector<std::uint8_t> in_to(tag_count, 0), in_from(tag_count, 0);
  for (const std::uint16_t t : opening)
    if (preds[t] == closing) block_to.push_back(t);
  for (const std::uint16_t p : closing)
    if (succs[p] == opening) block_from.push_back(p);
  block_to.resize(block_to.size() / kLanes * kLanes);
  block_from.resize(block_from.size() / kLanes * kLanes);
  for (const std::uint16_t t : block_to) in_to[t] = 1;
  for (const std::uint16_t p : block_from) in_from[p] = 1;
  for (std::size_t t = 0; t < tag_count; ++t) {
    if (!in_to[t]) listed_to.push_back(static_cast<std::uint16_t>(t));
    if (!in_from[t]) listed_from.push_back(static_cast<std::uint16_t>(t));
  }
}

void viterbi(const float* em, std::size_t n, const TagGraph& graph, const float* trans, DecodeScratch& s,
             std::vector<std::uint16_t>& out, std::vector<float>* margins) {
  const std::size_t tags = graph.size();
  out.assign(n, kOutside);
  if (n == 0) return;
  constexpr float kNo = -std::numeric_limits<float>::infinity();
  constexpr std::size_t kLanes = TagGraph::kLanes;
  const std::vector<std::uint16_t>& closing = graph.closing;
  const std::vector<std::uint16_t>& opening = graph.opening;
  const std::vector<std::uint16_t>& block_to = graph.block_to;
  const std::vector<std::uint16_t>& block_from = graph.block_from;
  // The block's transitions, contiguous for the lanes: closing tag -> the
  // block's tags for alpha, opening tag -> the block's tags for beta.
  s.to_block.resize(closing.size() * block_to.size());
  for (std::size_t c = 0; c < closing.size(); ++c)
    for (std::size_t o = 0; o < block_to.size(); ++o)
      s.to_block[c * block_to.size() + o] = trans[closing[c] * tags + block_to[o]];
  // Every score of the words after the first is set below.
  s.alpha.resize(n * tags);
  std::fill(s.alpha.begin(), s.alpha.begin() + static_cast<std::ptrdiff_t>(tags), kNo);
  for (std::size_t t = 0; t < tags; ++t)
    if (graph.may_start[t]) s.alpha[t] = em[t] + trans[tags * tags + t];
  // The best score only, without a branch per pair (a compare-and-keep, no
  // argmax): the best predecessor is found again for the best path alone.
  // Every pair adds and compares as the lists would; only the order of the
  // comparisons differs, which a maximum does not depend on.
  for (std::size_t i = 1; i < n; ++i) {
    const float* prev = &s.alpha[(i - 1) * tags];
    float* cur = &s.alpha[i * tags];
    for (std::size_t o0 = 0; o0 < block_to.size(); o0 += kLanes) {
      float best[kLanes];
      for (float& b : best) b = kNo;
      for (std::size_t c = 0; c < closing.size(); ++c) {
        const float from = prev[closing[c]];
        const float* row = &s.to_block[c * block_to.size() + o0];
        for (std::size_t l = 0; l < kLanes; ++l) {
          const float v = from + row[l];
          best[l] = v > best[l] ? v : best[l];
        }
      }
      for (std::size_t l = 0; l < kLanes; ++l) {
        const std::size_t t = block_to[o0 + l];
        cur[t] = best[l] == kNo ? kNo : best[l] + em[i * tags + t];
      }
    }
    for (const std::uint16_t t : graph.listed_to) {
      float best = kNo;
      for (const std::uint16_t p : graph.preds[t]) {
        const float v = prev[p] + trans[p * tags + t];
        best = v > best ? v : best;
      }
      cur[t] = best == kNo ? kNo : best + em[i * tags + t];
    }
  }
  const float* last = &s.alpha[(n - 1) * tags];
  std::size_t best_t = 0;
  for (std::size_t t = 1; t < tags; ++t)
    if (last[t] > last[best_t]) best_t = t;
  out[n - 1] = static_cast<std::uint16_t>(best_t);
  for (std::size_t i = n - 1; i > 0; --i) {
    // The first predecessor with the best score, as a kept argmax would give.
    const float* prev = &s.alpha[(i - 1) * tags];
    const std::size_t t = out[i];
    float best = kNo;
    std::uint16_t arg = 0;
    for (const std::uint16_t p : graph.preds[t]) {
      const float v = prev[p] + trans[p * tags + t];
      if (v > best) best = v, arg = p;
    }
    out[i - 1] = arg;
  }
  if (!margins) return;
  margins->assign(n, 0.0f);
  // Only the words of a name are scored, so beta is needed from the first of them on.
  std::size_t first = 0;
  while (first < n && out[first] == kOutside) ++first;
  if (first == n) return;
  s.from_block.resize(opening.size() * block_from.size());
  for (std::size_t o = 0; o < opening.size(); ++o)
    for (std::size_t c = 0; c < block_from.size(); ++c)
      s.from_block[o * block_from.size() + c] = trans[block_from[c] * tags + opening[o]];
  // Max-marginals: beta[i][t] is the best score of words i+1.. given tag t at i.
  // Every score of the words from `first` on is set below; those before it are never read.
  s.beta.resize(n * tags);
  for (std::size_t t = 0; t < tags; ++t) s.beta[(n - 1) * tags + t] = 0;
  for (std::size_t i = n - 1; i > first; --i) {
    const float* next_em = &em[i * tags];
    const float* next = &s.beta[i * tags];
    float* cur = &s.beta[(i - 1) * tags];
    for (std::size_t c0 = 0; c0 < block_from.size(); c0 += kLanes) {
      float best[kLanes];
      for (float& b : best) b = kNo;
      for (std::size_t o = 0; o < opening.size(); ++o) {
        const float e = next_em[opening[o]], b = next[opening[o]];
        const float* row = &s.from_block[o * block_from.size() + c0];
        for (std::size_t l = 0; l < kLanes; ++l) {
          const float v = row[l] + e + b;
          best[l] = v > best[l] ? v : best[l];
        }
      }
      for (std::size_t l = 0; l < kLanes; ++l) cur[block_from[c0 + l]] = best[l];
    }
    for (const std::uint16_t p : graph.listed_from) {
      float best = kNo;
      for (const std::uint16_t t : graph.succs[p]) {
        const float v = trans[p * tags + t] + next_em[t] + next[t];
        best = v > best ? v : best;
      }
      cur[p] = best;
    }
  }
  const float total = last[best_t];
  for (std::size_t i = first; i < n; ++i) {
    if (out[i] == kOutside) continue;
    float second = kNo;
    for (std::size_t t = 0; t < tags; ++t) {
      if (t == out[i] || s.alpha[i * tags + t] == kNo || s.beta[i * tags + t] == kNo) continue;
      const float v = s.alpha[i * tags + t] + s.beta[i * tags + t];
      if (v > second) second = v;
    }
    (*margins)[i] = second == kNo ? 1e6f : total - second;
  }
}

}  // namespace tagwerk::entities
