// report/quote_spill.hpp -- who-said-what rows past ReportOptions::quote_memory
// leave the state as sorted runs in a temporary file; finish() merges the runs
// and the rows still in memory back into one order. So a report's memory for
// quotes is bounded whatever the corpus's size. Not thread-safe.
#pragma once

#include <tagwerk/core/report.hpp>

#include <cstdint>
#include <deque>
#include <memory>
#include <vector>

namespace tagwerk::core {

using Quote = ReportState::Quote;

/// The order of the quotes table: every field takes part, so equal keys (one
/// span quoted twice, a duplicate record) cannot leave the order to the input's.
bool quote_less(const Quote& a, const Quote& b);

/// A temporary file (already unlinked), closed when the last run in it goes.
class SpillFile;

struct QuoteRun {
  std::shared_ptr<SpillFile> file;
  std::uint64_t offset = 0;  ///< of the run's first row
  std::uint64_t count = 0;
};

/// The runs a state has spilled, and the file it spills into next.
struct QuoteSpill {
  std::shared_ptr<SpillFile> file;
  std::vector<QuoteRun> runs;
};

/// Sorts `quotes`, appends them to `spill.file` (made in the temporary folder
/// on first use) as one run and empties `quotes`. Throws SetupError naming the
/// folder and the fix when the file cannot be made or written.
void spill_quotes(std::deque<Quote>& quotes, QuoteSpill& spill);

/// Sorted runs and sorted rows in memory, read back as one sorted sequence.
class QuoteMerger {
 public:
  QuoteMerger(std::vector<QuoteRun> runs, std::deque<Quote> sorted);
  ~QuoteMerger();
  std::size_t size() const noexcept { return size_; }
  /// Row i (i < size()): cheap when called for 0, 1, 2, ... in turn; any other
  /// order starts over from the first row. Valid until the next call.
  const Quote& at(std::size_t i);

 private:
  struct Cursor;
  void restart();
  void advance();

  std::vector<QuoteRun> runs_;
  std::deque<Quote> sorted_;
  std::size_t size_ = 0;
  std::vector<std::unique_ptr<Cursor>> cursors_;
  std::vector<Cursor*> heap_;
  std::size_t next_ = 0;  // the index of the row `current_` holds, plus one
  Quote current_;
};

}  // namespace tagwerk::core
