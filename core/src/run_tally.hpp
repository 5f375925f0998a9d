// What both ways of running (threads, worker processes) do for every record
// written: count it, and check the error budget and the stop flag.
#pragma once

#include <tagwerk/core/pipeline.hpp>

#include <fmt/format.h>

#include <cstdint>

namespace tagwerk::core::detail {

struct RecordTally {
  bool errors = false;
  bool warnings = false;
  bool unreadable = false;
  std::uint64_t text_bytes = 0;
};

/// Counts one written record. Returns true (and sets stats.end and
/// stop_reason) when the error budget is now exceeded.
inline bool count_written(RunStats& stats, const RecordTally& r, const ErrorBudget& budget) {
  ++stats.records;
  if (r.errors) ++stats.records_with_errors;
  if (r.warnings) ++stats.records_with_warnings;
  if (r.unreadable) ++stats.unreadable;
  stats.text_bytes += r.text_bytes;
  if (stats.end == RunStats::End::complete &&
      budget.exceeded(stats.records_with_errors, stats.records, false)) {
    stats.end = RunStats::End::error_budget;
    stats.stop_reason =
        fmt::format("stopped after {} records: {} carry errors, more than --max-errors {} allows",
                    stats.records, stats.records_with_errors, budget.describe());
    return true;
  }
  return false;
}

/// Checks the stop flag; on a signal sets stats.end, signal and stop_reason and returns true.
inline bool stop_requested(RunStats& stats, const RunOptions& options) {
  if (options.stop == nullptr || *options.stop == 0) return false;
  stats.end = RunStats::End::interrupted;
  stats.signal = static_cast<int>(*options.stop);
  stats.stop_reason = fmt::format("interrupted by {}: the records read so far were finished and written",
                                  stats.signal == SIGINT    ? "SIGINT"
                                  : stats.signal == SIGTERM ? "SIGTERM"
                                                            : fmt::format("signal {}", stats.signal));
  return true;
}

/// Applies the percentage budget to the finished run (small runs too).
inline void check_final_budget(RunStats& stats, const ErrorBudget& budget) {
  if (stats.end == RunStats::End::complete &&
      budget.exceeded(stats.records_with_errors, stats.records, true)) {
    stats.end = RunStats::End::error_budget;
    stats.stop_reason = fmt::format("{} of {} records carry errors, more than --max-errors {} allows",
                                    stats.records_with_errors, stats.records, budget.describe());
  }
}

}  // namespace tagwerk::core::detail
