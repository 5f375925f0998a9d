#include "word_clusters.hpp"

#include <fasttext/fasttext.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <stdexcept>

#include "training_data.hpp"

namespace tagwerk::tools {

namespace {

// Lloyd's k-means on unit vectors (cosine), seeded by k distinct points.
std::vector<int> kmeans(const std::vector<float>& x, std::size_t n, std::size_t dim, std::size_t k,
                        int iterations, unsigned seed) {
  k = std::min(k, n);
  std::mt19937 rng(seed);
  std::vector<std::size_t> pick(n);
  for (std::size_t i = 0; i < n; ++i) pick[i] = i;
  std::shuffle(pick.begin(), pick.end(), rng);
  std::vector<float> centres(k * dim);
  for (std::size_t c = 0; c < k; ++c) std::copy_n(&x[pick[c] * dim], dim, &centres[c * dim]);
  std::vector<int> assign(n, 0);
  for (int it = 0; it < iterations; ++it) {
    for (std::size_t i = 0; i < n; ++i) {
      const float* v = &x[i * dim];
      float best = -1e30f;
      int arg = 0;
      for (std::size_t c = 0; c < k; ++c) {
        const float* m = &centres[c * dim];
        float dot = 0;
        for (std::size_t d = 0; d < dim; ++d) dot += v[d] * m[d];
        if (dot > best) {
          best = dot;
          arg = static_cast<int>(c);
        }
      }
      assign[i] = arg;
    }
    std::fill(centres.begin(), centres.end(), 0.0f);
    std::vector<std::size_t> count(k, 0);
    for (std::size_t i = 0; i < n; ++i) {
      ++count[static_cast<std::size_t>(assign[i])];
      for (std::size_t d = 0; d < dim; ++d)
        centres[static_cast<std::size_t>(assign[i]) * dim + d] += x[i * dim + d];
    }
    for (std::size_t c = 0; c < k; ++c) {
      float norm = 0;
      for (std::size_t d = 0; d < dim; ++d) norm += centres[c * dim + d] * centres[c * dim + d];
      if (count[c] == 0 || norm == 0) {  // an empty cluster restarts at a random point
        std::copy_n(&x[pick[(c + static_cast<std::size_t>(it) * k) % n] * dim], dim, &centres[c * dim]);
        continue;
      }
      norm = std::sqrt(norm);
      for (std::size_t d = 0; d < dim; ++d) centres[c * dim + d] /= norm;
    }
  }
  return assign;
}

}  // namespace

void make_word_clusters(const std::vector<std::string>& inputs, const segment::Segmenter& seg,
                        const ClusterOptions& options, const std::string& out) {
  if (options.levels.size() != 3)
    throw std::runtime_error("--levels: give three cluster counts, e.g. 64,256,1024");
  const std::string tokenized = options.work_dir + "/clusters-input.txt";
  {
    std::ofstream text(tokenized, std::ios::trunc);
    if (!text) throw std::runtime_error(tokenized + ": cannot write the tokenized text; check --work-dir");
    segment::Segmentation s;
    std::size_t docs = 0, tokens = 0;
    for_each_text(inputs, [&](const std::string& t) {
      seg.segment(t, {}, s);
      for (const auto& sentence : s.sentences) {
        for (std::uint32_t k = sentence.first_token; k < sentence.first_token + sentence.token_count; ++k) {
          text.write(t.data() + s.tokens[k].begin, s.tokens[k].end - s.tokens[k].begin);
          text.put(' ');
        }
        text.put('\n');
        tokens += sentence.token_count;
      }
      if (++docs % 5000 == 0) std::cerr << "clusters: tokenized " << docs << " documents\n";
    });
    std::cerr << "clusters: " << docs << " documents, " << tokens << " tokens\n";
  }
  fasttext::Args args;
  args.input = tokenized;
  args.output = options.work_dir + "/clusters-vectors";
  args.model = fasttext::model_name::sg;
  args.dim = options.dim;
  args.epoch = options.epochs;
  args.minCount = options.min_count;
  args.thread = 1;  // one thread: the same vectors on every run
  args.seed = static_cast<int>(options.seed);
  args.verbose = 0;
  // Whole words only: clusters are looked up by word, and character n-gram
  // vectors make training several times slower.
  args.maxn = 0;
  fasttext::FastText ft;
  std::cerr << "clusters: training " << options.dim << "-dimensional skip-gram vectors\n";
  ft.train(args);
  const auto dict = ft.getDictionary();
  const std::size_t n = static_cast<std::size_t>(dict->nwords());
  const std::size_t dim = static_cast<std::size_t>(options.dim);
  std::vector<float> x(n * dim);
  fasttext::Vector v(options.dim);
  for (std::size_t i = 0; i < n; ++i) {
    ft.getWordVector(v, dict->getWord(static_cast<std::int32_t>(i)));
    float norm = 0;
    for (std::size_t d = 0; d < dim; ++d)
      norm += v[static_cast<std::int64_t>(d)] * v[static_cast<std::int64_t>(d)];
    norm = norm > 0 ? std::sqrt(norm) : 1;
    for (std::size_t d = 0; d < dim; ++d) x[i * dim + d] = v[static_cast<std::int64_t>(d)] / norm;
  }
  std::vector<std::vector<int>> ids;
  for (int k : options.levels) {
    std::cerr << "clusters: k-means, " << k << " clusters over " << n << " words\n";
    ids.push_back(kmeans(x, n, dim, static_cast<std::size_t>(k), options.iterations, options.seed));
  }
  std::ofstream file(out, std::ios::trunc);
  if (!file) throw std::runtime_error(out + ": cannot write the clusters");
  file << "# tagwerk word clusters: fastText skip-gram dim " << options.dim << ", " << options.epochs
       << " epochs, min count " << options.min_count << ", no subwords"
       << ", k-means " << options.levels[0] << "/" << options.levels[1] << "/" << options.levels[2]
       << ", seed " << options.seed << "\n# from:";
  for (const auto& p : inputs) file << ' ' << p.substr(p.find_last_of('/') + 1);
  file << '\n';
  for (std::size_t i = 0; i < n; ++i)
    file << dict->getWord(static_cast<std::int32_t>(i)) << '\t' << ids[0][i] << '\t' << ids[1][i] << '\t'
         << ids[2][i] << '\n';
  std::remove(tokenized.c_str());
  std::remove((args.output + ".bin").c_str());
  std::remove((args.output + ".vec").c_str());
}

}  // namespace tagwerk::tools
