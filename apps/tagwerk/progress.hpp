// The progress line on stderr: records, records/s, MB/s, errors and the ETA
// when the input's size is known; redrawn at most a few times a second.
#pragma once

#include <tagwerk/core/pipeline.hpp>

#include <chrono>
#include <string>

namespace tagwerk::cli {

/// Formats the progress line for `stats` (no newline); pure, for tests.
std::string format_progress(const core::RunStats& stats);

class ProgressLine {
 public:
  /// enabled: draw at all (stderr is a terminal and not --quiet).
  explicit ProgressLine(bool enabled) : enabled_(enabled) {}
  /// Redraws when the last drawing is old enough. Called from the writing stage.
  void update(const core::RunStats& stats);
  /// Draws the final state and ends the line.
  void finish(const core::RunStats& stats);

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace tagwerk::cli
