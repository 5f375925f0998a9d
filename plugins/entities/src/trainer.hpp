// trainer.hpp -- trains a Model: an averaged structured perceptron over the
// features of features.hpp with first-order tag transitions (Collins 2002).
// Used by tagwerk-train-entities and by the tests; deterministic for a seed.
#ifndef TAGWERK_ENTITIES_TRAINER_HPP
#define TAGWERK_ENTITIES_TRAINER_HPP

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "gazetteer.hpp"
#include "model.hpp"

namespace tagwerk::entities {

struct TrainingSentence {
  std::vector<std::string> words;
  std::vector<TokenKind> kinds;
  std::vector<std::string> tags;  // "O", "B-PER", "I-LOCderiv", ... one per word
  std::uint8_t gazetteer = 0;     // which of train()'s gazetteers its features see
};

struct TrainOptions {
  std::string lang;
  int epochs = 10;
  int min_count = 2;  // features seen fewer times in the training data get no weights
  unsigned seed = 1;  // the order sentences are visited in each epoch
  /// Runs of the perceptron, run k visiting the sentences in the order of seed
  /// + k; the model's weights are the mean of the runs' (averaged) weights.
  int runs = 1;
  std::uint32_t feature_version = kFeatureVersion;  // an older one trains a model without the newer features
  std::string provenance;                           // stored in the model as it is
};

struct EpochReport {
  int run = 1;  // 1 to TrainOptions::runs
  int epoch = 0;
  double train_word_accuracy = 0;
  double dev_f1 = -1;  // exact-chunk F1 on the dev sentences; -1 without them
};

/// Trains a model on `sentences`, each seeing gazetteers[its gazetteer] (so names
/// taken from the training data can be jackknifed: a sentence sees only the names
/// of the other fold); with `dev`, reports its F1 after every epoch, `dev_gazetteer`
/// (the one tagging will use) matched (the F1 of the run so far, alone). With
/// options.runs > 1 the runs' weights are averaged: steadier than one run, a
/// larger model (the union of the runs' weights). Throws std::invalid_argument
/// naming the sentence of a malformed tag or gazetteer index, or for runs < 1.
std::shared_ptr<Model> train(const std::vector<TrainingSentence>& sentences,
                             const std::vector<TrainingSentence>* dev, WordClusters clusters,
                             const std::vector<const Gazetteer*>& gazetteers, const Gazetteer* dev_gazetteer,
                             const TrainOptions& options,
                             const std::function<void(const EpochReport&)>& progress);

/// Tags the words of `s` with the model alone (no document pass): tag names.
std::vector<std::string> tag_sentence(const Model& m, const Gazetteer* gazetteer, const TrainingSentence& s);

/// Exact-chunk micro F1 of the model's tags against the sentences' tags.
double chunk_f1(const Model& m, const Gazetteer* gazetteer, const std::vector<TrainingSentence>& sentences);

}  // namespace tagwerk::entities

#endif  // TAGWERK_ENTITIES_TRAINER_HPP
