// A three-class (pos, neg, neu) linear model over sparse named features: what
// the learned layer adds to the rules for target sentiment. Read from and
// written to a TSV file; trained by tools/sentiment_train.
#pragma once

#include <array>
#include <string>
#include <utility>
#include <vector>

#include <tagwerk/sentiment/engine.hpp>

#include "valence_lexicon.hpp"

namespace tagwerk::sentiment {

class LinearModel {
 public:
  static constexpr int kPos = 0, kNeg = 1, kNeu = 2;
  using Weights = std::array<float, 3>;

  /// Reads `feature<TAB>w_pos<TAB>w_neg<TAB>w_neu` lines ('#' comments).
  /// Throws std::runtime_error naming the file and line.
  static LinearModel load(const std::string& path);
  /// Writes the model with `header` as comment lines. Throws when the file cannot be written.
  void save(const std::string& path, const std::vector<std::string>& header) const;

  /// Class probabilities (softmax of the weighted sums).
  std::array<double, 3> predict(const Features& x) const;
  /// Multinomial logistic regression by AdaGrad with L2, `epochs` passes in
  /// the given order (deterministic). labels[i] in {kPos, kNeg, kNeu}.
  static LinearModel train(const std::vector<Features>& xs, const std::vector<int>& labels, int epochs,
                           double learning_rate, double l2);

  bool empty() const noexcept { return weights_.empty(); }
  std::size_t size() const noexcept { return weights_.size(); }

 private:
  StringMap<Weights> weights_;
};

}  // namespace tagwerk::sentiment
