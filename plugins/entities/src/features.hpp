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
#include <unordered_map>
#include <vector>

#include <tagwerk/entities/engine.hpp>

#include "content_id.hpp"
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
  /// Changes whenever a word is added (see content_id.hpp).
  std::uint64_t content_id() const noexcept { return content_id_; }

 private:
  HashTable table_;
  std::vector<std::uint64_t> hashes_;
  std::vector<Ids> ids_;
  std::uint64_t content_id_ = new_content_id();
};

/// What extract_features() makes of one word (with its token kind) by itself:
/// its forms, clusters and gazetteer facts, and the hashes of the features
/// that depend on it alone, as the word itself or as a neighbour at a fixed
/// offset. Only the features of several words are hashed per word of a sentence.
struct WordFeatures {
  WordForm form;
  WordClusters::Ids clusters{};
  std::uint8_t roles = 0;          // Gazetteer::roles_of(), 0 before feature version 3
  std::uint8_t longest_name = 0;   // Gazetteer::longest_from()
  std::uint8_t lower_variant = 0;  // kLowerVariant's bits of the unlabelled text (1, 4)
  std::uint64_t word = 0, lower = 0, shape = 0, kind = 0, length = 0, name_role = 0, gazetteer_stem = 0;
  std::uint64_t cluster[WordClusters::kLevels] = {};
  std::uint64_t affixes[12] = {};  // prefixes, suffixes, then the hyphen features
  std::uint8_t affix_count = 0;
  // As the neighbour: lower[-1], lower[+1], lower[-2], lower[+2], shape[-1],
  // shape[+1], kind[-1], kind[+1], cluster[-1] and [+1] at levels 0 and 1, the
  // previous word's suffix, name roles[-1], [+1].
  std::uint64_t lower_prev = 0, lower_next = 0, lower_prev2 = 0, lower_next2 = 0;
  std::uint64_t shape_prev = 0, shape_next = 0, kind_prev = 0, kind_next = 0;
  std::uint64_t cluster_prev[2] = {}, cluster_next[2] = {};
  std::uint64_t prev_suffix = 0, name_role_prev = 0, name_role_next = 0;
};

/// Per-thread buffers of extract(), and the WordFeatures of the words seen,
/// for the clusters, gazetteer and feature version they were made with
/// (a few of them, each cleared when it grows past kWordCacheSize words).
struct FeatureScratch {
  static constexpr std::size_t kWordCacheSize = 1 << 13;
  struct WordCache {
    std::uint64_t clusters = 0, gazetteer = 0;  // content ids (0: no gazetteer)
    std::uint32_t version = 0;
    std::unordered_map<std::string, WordFeatures, StringHash, std::equal_to<>> words;
  };
  std::vector<WordCache> caches;
  std::vector<const WordFeatures*> words;   // of the sentence
  std::vector<std::uint8_t> longest_names;  // of the sentence's words
  std::vector<std::uint8_t> gazetteer;
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
