// model.hpp -- a trained tagger for one language: BIO tags over the entity
// types, a weight row per hashed feature, tag transitions and the word
// clusters, read from and written to one zstd-compressed file.
#ifndef TAGWERK_ENTITIES_MODEL_HPP
#define TAGWERK_ENTITIES_MODEL_HPP

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "features.hpp"
#include "gazetteer.hpp"
#include "hash_table.hpp"

namespace tagwerk::entities {

/// BILOU tags: tag 0 is O; type k has B(egin) = 1 + 4k, I(nside) = 2 + 4k,
/// L(ast) = 3 + 4k and U(nit, a one-word name) = 4 + 4k.
inline constexpr std::uint16_t kOutside = 0;
inline constexpr std::size_t kTagsPerType = 4;
inline std::uint16_t begin_tag(std::size_t type) {
  return static_cast<std::uint16_t>(1 + kTagsPerType * type);
}
inline std::uint16_t inside_tag(std::size_t type) {
  return static_cast<std::uint16_t>(2 + kTagsPerType * type);
}
inline std::uint16_t last_tag(std::size_t type) {
  return static_cast<std::uint16_t>(3 + kTagsPerType * type);
}
inline std::uint16_t unit_tag(std::size_t type) {
  return static_cast<std::uint16_t>(4 + kTagsPerType * type);
}
/// Starts a name: B or U.
inline bool is_begin(std::uint16_t tag) {
  return tag != kOutside && ((tag - 1) % 4 == 0 || (tag - 1) % 4 == 3);
}
/// Continues a name: I or L.
inline bool is_inside(std::uint16_t tag) {
  return tag != kOutside && ((tag - 1) % 4 == 1 || (tag - 1) % 4 == 2);
}
/// Leaves a name open for the next word: B or I.
inline bool is_open(std::uint16_t tag) {
  return tag != kOutside && (tag - 1) % 4 <= 1;
}
inline std::size_t type_of(std::uint16_t tag) {
  return static_cast<std::size_t>((tag - 1) / kTagsPerType);
}

/// Which tag may follow which, as lists: Viterbi visits only allowed pairs
/// (with BILOU about a quarter of them). Most of those pairs form one block:
/// the tags that close a name (O, L, U) are followed by exactly the tags that
/// may come after a closed name (O, B, U), and those follow exactly the
/// closing ones, so Viterbi takes the block as a dense matrix, kLanes tags at
/// a time, and the other pairs (I and L after B and I, and the tags left over
/// from whole lanes) from the lists.
struct TagGraph {
  static constexpr std::size_t kLanes = 8;
  std::vector<std::vector<std::uint16_t>> preds;      // to -> the tags that may precede it (not the start)
  std::vector<std::vector<std::uint16_t>> succs;      // from -> the tags that may follow it
  std::vector<std::uint8_t> may_start;                // tag -> may begin a sentence
  std::vector<std::uint16_t> closing;                 // the tags that may precede O
  std::vector<std::uint16_t> opening;                 // the tags that may follow O
  std::vector<std::uint16_t> block_to;                // tags whose preds are `closing`, whole lanes of them
  std::vector<std::uint16_t> block_from;              // tags whose succs are `opening`, whole lanes of them
  std::vector<std::uint16_t> listed_to, listed_from;  // the other tags
  explicit TagGraph(std::size_t tag_count = 0);
  std::size_t size() const noexcept { return may_start.size(); }
};

struct Model {
  std::string lang;
  std::uint32_t feature_version = kFeatureVersion;  // the features it was trained with
  std::vector<std::string> types;                   // "PER", "PERderiv", "LOCpart", ...
  WordClusters clusters;
  Gazetteer names;  // names seen in the training data, matched with the gazetteers
  /// A feature's weights, sparse: a perceptron only ever updates the tags it
  /// confused, so most features have a handful (and a dense row would be 49
  /// floats of a table too large for the caches). A feature's weights are
  /// consecutive; the last one says so.
  struct Weight {
    float w;
    std::uint16_t tag;
    std::uint16_t last;  // 1 on a feature's last weight
  };
  /// Feature hash -> its first Weight: one lookup, then the weights themselves
  /// (a feature with no weight is not in the table). A feature with many
  /// weights (the frequent ones: the bias, shapes, common words and affixes,
  /// which most words have) is a dense row instead, kDense | its index in
  /// dense_weights: one vector add per four tags, where adding a zero changes
  /// no sum, so the scores are the same.
  HashTable rows;
  std::vector<Weight> row_weights;
  std::vector<float> dense_weights;  // dense_stride() floats per dense row, zeros after tag_count()
  static constexpr std::uint32_t kDense = 0x80000000u;
  static constexpr std::size_t kDenseFrom = 12;  // weights of a feature stored dense
  std::vector<float> transitions;                // (tag_count() + 1) x tag_count(); the last row is the start
  float margin_scale = 1;                        // the median margin of a tagged word on the training data
  std::string provenance;                        // the training command's account of data, settings, figures

  TagGraph graph;  // from tag_count(), set by load() and the trainer

  std::size_t tag_count() const noexcept { return 1 + kTagsPerType * types.size(); }
  /// tag_count() rounded up to whole vectors of four floats.
  std::size_t dense_stride() const noexcept { return (tag_count() + 3) / 4 * 4; }
  /// Adds feature `key` with `count` weights (of distinct tags, ascending, `last` set on the
  /// final one), as a dense row when they are many; none leaves it out.
  void add_row(std::uint64_t key, const Weight* weights, std::size_t count);
  /// Sets the weights from a dense keys.size() x tag_count() array, row r
  /// being feature keys[r]'s (zeros dropped).
  void set_weights(const std::vector<std::uint64_t>& keys, const std::vector<float>& dense);

  /// Reads a model file. Throws std::runtime_error naming the file: cannot be
  /// read, not a tagwerk entities model, or trained with other features
  /// (retrain it with tagwerk-train-entities).
  static std::shared_ptr<const Model> load(const std::string& path);
  /// Writes the model (rows whose weights are all zero are left out). Throws
  /// std::runtime_error naming the file when it cannot be written.
  void save(const std::string& path) const;
};

/// Whether tag `to` may follow tag `from` (from == tag_count: the sentence start).
bool allowed(std::size_t tag_count, std::size_t from, std::size_t to) noexcept;

/// Best tag sequence for `n` words given their emission scores (n x T) and the
/// transitions ((T + 1) x T). With `margins`, also the margin of each word the
/// best sequence tags as part of a name: how much that sequence scores above the
/// best one giving the word another tag (0 for words tagged O).
struct DecodeScratch {
  std::vector<float> emissions, alpha, beta;
  std::vector<float> to_block, from_block;  // the block's transitions, by closing / opening tag
  std::vector<std::uint32_t> rows;          // the first weight of each feature of the sentence
  std::vector<float> sum;                   // a word's scores as they add up, Model::dense_stride() floats
};
void viterbi(const float* emissions, std::size_t n, const TagGraph& graph, const float* transitions,
             DecodeScratch& s, std::vector<std::uint16_t>& out, std::vector<float>* margins);

/// Emission scores of a sentence's words under the model (into s.emissions).
void emissions(const Model& m, const SentenceFeatures& f, DecodeScratch& s);

}  // namespace tagwerk::entities

#endif  // TAGWERK_ENTITIES_MODEL_HPP
