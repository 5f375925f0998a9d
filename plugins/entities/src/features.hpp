// features.hpp -- the tagger's features of each word of a sentence, hashed:
// the word and its context, shape, affixes, case, hyphen parts, gazetteer
// matches and the word clusters the training command computed from unlabelled
// text. Training and tagging call the same extract(), so they never disagree.
#ifndef TAGWERK_ENTITIES_FEATURES_HPP
#define TAGWERK_ENTITIES_FEATURES_HPP

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <tagwerk/entities/engine.hpp>

#include "gazetteer.hpp"
#include "hash_table.hpp"
#include "word_form.hpp"

namespace tagwerk::entities {

/// Word -> cluster ids at three granularities (coarse to fine), from k-means
/// over word vectors. Looked up by the exact form, then the lower-case form.
class WordClusters {
 public:
  static constexpr int kLevels = 3;
  using Ids = std::array<std::uint16_t, kLevels>;
  static constexpr std::uint16_t kNone = 0xFFFF;

  void add(std::string_view word, const Ids& ids);
  /// The ids of `word`, or of `lower` when `word` has none; all kNone when neither is known.
  Ids find(std::string_view word, std::string_view lower) const noexcept;
  /// Whether `word` itself (not its lower-case form) has clusters: was seen in the text.
  bool contains(std::string_view word) const noexcept;
  std::size_t size() const noexcept { return ids_.size(); }

  // For the model file: the hashed words and their ids, in insertion order.
  const std::vector<std::uint64_t>& hashes() const noexcept { return hashes_; }
  const std::vector<Ids>& ids() const noexcept { return ids_; }
  void add_hashed(std::uint64_t hash, const Ids& ids);

 private:
  HashTable table_;
  std::vector<std::uint64_t> hashes_;
  std::vector<Ids> ids_;
};

/// Per-thread buffers of extract().
struct FeatureScratch {
  std::vector<WordForm> forms;
  std::vector<WordClusters::Ids> clusters;
  std::vector<std::uint8_t> gazetteer;
  std::vector<std::uint8_t> roles;  // Gazetteer::roles_of() of each word
  std::string key;
};

/// The features of one sentence: for word i, hashes[offsets[i], offsets[i+1]).
struct SentenceFeatures {
  std::vector<std::uint64_t> hashes;
  std::vector<std::uint32_t> offsets;
  std::size_t size() const noexcept { return offsets.empty() ? 0 : offsets.size() - 1; }
};

/// Changes whenever a feature or the tag scheme is added, removed or changes
/// its meaning: a model records the version it was trained with, and loading
/// refuses versions before kOldestFeatureVersion. Version 3 adds the name
/// heads (Gazetteer::roles_of); extracting for a version 2 model leaves them
/// out, so its features are what it was trained with.
inline constexpr std::uint32_t kFeatureVersion = 3;        // 2: BILOU tags, 3: name heads
inline constexpr std::uint32_t kOldestFeatureVersion = 2;  // the oldest extract_features() still computes

/// Whether extract_features() computes feature version `version`.
inline constexpr bool supported_feature_version(std::uint32_t version) {
  return version >= kOldestFeatureVersion && version <= kFeatureVersion;
}

/// Extracts the features of `words` (one sentence; `kinds` as segment labels
/// them) of feature version `version` (the model's). `gazetteer` may be null.
/// Thread-safe with one scratch per thread.
void extract_features(const std::vector<std::string_view>& words, const std::vector<TokenKind>& kinds,
                      const WordClusters& clusters, const Gazetteer* gazetteer, std::uint32_t version,
                      FeatureScratch& scratch, SentenceFeatures& out);

}  // namespace tagwerk::entities

#endif  // TAGWERK_ENTITIES_FEATURES_HPP
