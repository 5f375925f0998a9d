// The tagger's scoring and decoding on made-up weights: a word's scores are
// the sums of its features' weights however a feature's weights are stored,
// and Viterbi's best tag sequence and its margins are those of an exhaustive
// search over every allowed sequence.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <limits>
#include <random>
#include <vector>

#include "model.hpp"

namespace en = tagwerk::entities;

namespace {

struct Best {
  float score = -std::numeric_limits<float>::infinity();
  std::vector<std::uint16_t> tags;
};

// The best allowed sequence of `n` words over `tags` tags, and for each word
// and tag the best score of a sequence giving the word that tag. Scores add up
// in the order Viterbi adds them: start, then per word the transition into it
// and its emission.
Best search(const std::vector<float>& em, const std::vector<float>& trans, std::size_t n, std::size_t tags,
            std::vector<float>& best_with) {
  Best best;
  best_with.assign(n * tags, -std::numeric_limits<float>::infinity());
  std::vector<std::uint16_t> seq(n, 0);
  for (;;) {
    bool ok = true;
    for (std::size_t i = 0; i < n && ok; ++i) ok = en::allowed(tags, i == 0 ? tags : seq[i - 1], seq[i]);
    if (ok) {
      float score = em[seq[0]] + trans[tags * tags + seq[0]];
      for (std::size_t i = 1; i < n; ++i)
        score = score + trans[seq[i - 1] * tags + seq[i]] + em[i * tags + seq[i]];
      if (score > best.score) best = {score, seq};
      for (std::size_t i = 0; i < n; ++i)
        best_with[i * tags + seq[i]] = std::max(best_with[i * tags + seq[i]], score);
    }
    std::size_t i = 0;
    while (i < n && ++seq[i] == tags) seq[i++] = 0;
    if (i == n) return best;
  }
}

}  // namespace

TEST(Viterbi, FindsTheBestAllowedSequenceAndItsMarginsAsAnExhaustiveSearch) {
  constexpr std::size_t kTypes = 4, kTags = 1 + en::kTagsPerType * kTypes, kWords = 4;
  const en::TagGraph graph(kTags);
  // Four types: the block of O, L, U before O, B, U is one lane of tags and one left over.
  ASSERT_EQ(graph.block_to.size(), en::TagGraph::kLanes);
  ASSERT_EQ(graph.opening.size(), en::TagGraph::kLanes + 1);
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> score(-2.0f, 2.0f);
  en::DecodeScratch scratch;
  std::vector<std::uint16_t> tags;
  std::vector<float> margins, best_with;
  for (int round = 0; round < 50; ++round) {
    std::vector<float> em(kWords * kTags), trans((kTags + 1) * kTags);
    for (float& v : em) v = score(rng);
    for (float& v : trans) v = score(rng);
    const Best best = search(em, trans, kWords, kTags, best_with);
    en::viterbi(em.data(), kWords, graph, trans.data(), scratch, tags, &margins);
    EXPECT_EQ(tags, best.tags) << "round " << round;
    for (std::size_t i = 0; i < kWords; ++i) {
      if (tags[i] == en::kOutside) {
        EXPECT_EQ(margins[i], 0.0f) << "round " << round << ", word " << i;
        continue;
      }
      float second = -std::numeric_limits<float>::infinity();
      for (std::size_t t = 0; t < kTags; ++t)
        if (t != tags[i]) second = std::max(second, best_with[i * kTags + t]);
      // Viterbi adds the pieces of a sequence in another order than the search.
      EXPECT_NEAR(margins[i], best.score - second, 1e-4f) << "round " << round << ", word " << i;
    }
  }
}

TEST(Model, AFeatureOfManyWeightsScoresAsOneOfFewAndIsSavedAsItWasRead) {
  auto m = std::make_shared<en::Model>();
  m->lang = "de";
  m->types = {"PER", "LOC", "ORG"};
  const std::size_t tags = m->tag_count();
  m->graph = en::TagGraph(tags);
  m->transitions.assign((tags + 1) * tags, 0.0f);
  // Feature 11 has a weight for every tag (a dense row), feature 22 two.
  std::vector<float> weights(2 * tags, 0.0f);
  for (std::size_t t = 0; t < tags; ++t) weights[t] = 0.25f + static_cast<float>(t);
  weights[tags + 2] = -1.5f;
  weights[tags + 7] = 3.0f;
  m->set_weights({11, 22}, weights);
  ASSERT_GE(tags, en::Model::kDenseFrom);

  en::SentenceFeatures f;
  f.hashes = {11, 22, 33, 22};  // 33 has no weights
  f.offsets = {0, 3, 4};
  const auto scores = [&](const en::Model& model) {
    en::DecodeScratch s;
    en::emissions(model, f, s);
    return s.emissions;
  };
  const std::vector<float> got = scores(*m);
  ASSERT_EQ(got.size(), 2 * tags);
  for (std::size_t t = 0; t < tags; ++t) {
    EXPECT_EQ(got[t], weights[t] + weights[tags + t]) << "tag " << t;
    EXPECT_EQ(got[tags + t], weights[tags + t]) << "tag " << t;
  }

  const std::string path = testing::TempDir() + "/rows.model",
                    again = testing::TempDir() + "/rows_again.model";
  m->save(path);
  const auto loaded = en::Model::load(path);
  EXPECT_EQ(scores(*loaded), got);
  loaded->save(again);
  auto bytes = [](const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  EXPECT_EQ(bytes(again), bytes(path));
}
