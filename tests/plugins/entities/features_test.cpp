// The tagger's features: a thread's scratch, which keeps what it computed of
// each word, gives the features a fresh one gives, also after the gazetteer or
// the word clusters it was filled with have changed.
#include <gtest/gtest.h>

#include <string_view>
#include <vector>

#include "features.hpp"

namespace en = tagwerk::entities;

namespace {

en::SentenceFeatures features(const std::vector<std::string_view>& words, const en::WordClusters& clusters,
                              const en::Gazetteer& gazetteer, en::FeatureScratch& scratch) {
  std::vector<en::TokenKind> kinds(words.size(), en::TokenKind::word);
  kinds[6] = en::TokenKind::punct;
  en::SentenceFeatures out;
  en::extract_features(words, kinds, clusters, &gazetteer, en::kFeatureVersion, scratch, out);
  return out;
}

en::SentenceFeatures fresh(const std::vector<std::string_view>& words, const en::WordClusters& clusters,
                           const en::Gazetteer& gazetteer) {
  en::FeatureScratch scratch;
  return features(words, clusters, gazetteer, scratch);
}

}  // namespace

TEST(Features, AReusedScratchGivesTheFeaturesOfAFreshOne) {
  const std::vector<std::string_view> words = {"Die",       "Deutsche", "Bank", "AG",     "in",
                                               "Frankfurt", ",",        "Bank", "Kanadas"};
  en::Gazetteer gazetteer;
  gazetteer.add("ORG", "Deutsche Bank");
  gazetteer.add("LOC", "Kanada");
  en::WordClusters clusters;
  clusters.add("Bank", {1, 2, 3});
  en::FeatureScratch scratch;

  const en::SentenceFeatures first = features(words, clusters, gazetteer, scratch);
  EXPECT_EQ(first.size(), words.size());
  const en::SentenceFeatures again = features(words, clusters, gazetteer, scratch);
  EXPECT_EQ(again.hashes, first.hashes);
  EXPECT_EQ(again.offsets, first.offsets);
  // The same word in two places has the same features of its own, not the same context.
  EXPECT_NE(std::vector<std::uint64_t>(first.hashes.begin() + first.offsets[2],
                                       first.hashes.begin() + first.offsets[3]),
            std::vector<std::uint64_t>(first.hashes.begin() + first.offsets[7],
                                       first.hashes.begin() + first.offsets[8]));

  gazetteer.add("ORG", "Bank AG");  // "Bank" now begins a name, "AG" ends one
  const en::SentenceFeatures named = features(words, clusters, gazetteer, scratch);
  EXPECT_NE(named.hashes, first.hashes);
  EXPECT_EQ(named.hashes, fresh(words, clusters, gazetteer).hashes);

  clusters.add("Frankfurt", {4, 5, 6});
  const en::SentenceFeatures clustered = features(words, clusters, gazetteer, scratch);
  EXPECT_NE(clustered.hashes, named.hashes);
  EXPECT_EQ(clustered.hashes, fresh(words, clusters, gazetteer).hashes);
}
