// tagwerk/core/pipeline.hpp -- running a chain over a stream of records:
// serial read, analysis, serial in-order write, with a bounded number of
// records in flight so memory does not grow with the corpus. The analysis runs
// either in supervised worker processes (Isolation::process, the default: a
// plugin that crashes, hangs or eats memory fails only the record it was
// working on) or on threads of this process (Isolation::none, oneTBB
// parallel_pipeline). Every record read is handed to the sink exactly once,
// annotated or carrying its errors, unless the run is stopped (see RunOptions).
#pragma once

#include <tagwerk/core/chain.hpp>
#include <tagwerk/core/document.hpp>
#include <tagwerk/core/plugin_instance.hpp>
#include <tagwerk/core/plugin_registry.hpp>

#include <atomic>
#include <csignal>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tagwerk::core {

class RecordReader;

struct StepStats {
  std::string plugin;
  std::string version;
  std::uint32_t abi_major = 0;
  std::uint32_t abi_minor = 0;
  std::string library;
  double seconds = 0;  // time inside process(), summed over threads
  std::uint64_t documents = 0;
  std::uint64_t failures = 0;
};

struct RunStats {
  std::uint64_t records = 0;                 // written
  std::uint64_t records_with_errors = 0;     // of which carry at least one error
  std::uint64_t records_with_warnings = 0;   // of which carry at least one warning
  std::uint64_t unreadable = 0;              // of which could not be read at all
  std::uint64_t text_bytes = 0;              // UTF-8 bytes of the texts analysed
  std::uint64_t input_bytes = 0;             // of the input consumed (compressed size)
  std::optional<std::uint64_t> input_total;  // when the input's size is known
  double seconds = 0;                        // wall time of the run
  unsigned threads = 0;
  std::vector<StepStats> steps;
  /// How the run ended. Anything but `complete` means records after the last
  /// one written were not read (or not written): the output is a prefix.
  enum class End { complete, interrupted, error_budget } end = End::complete;
  int signal = 0;                     // the signal that interrupted the run, if any
  std::string stop_reason;            // one sentence for the user when end != complete
  std::uint64_t skipped = 0;          // records read and dropped (RunOptions::skip_records)
  std::uint64_t worker_restarts = 0;  // worker processes started again after one died
};

/// Where the chain runs. `process`: in worker processes forked from this one
/// after the plugins are created; `none`: on threads of this process.
enum class Isolation { process, none };

/// The error budget: the run stops (RunStats::End::error_budget) as soon as
/// more records carry errors than `count`, or more than `percent` % of the
/// records written (checked once 100 are written, and at the end). Unset: no limit.
struct ErrorBudget {
  std::optional<std::uint64_t> count;
  std::optional<double> percent;
  /// Parses "N" or "P%"; nullopt when it is neither.
  static std::optional<ErrorBudget> parse(std::string_view text);
  /// True when `errors` records with errors out of `records` exceed the budget;
  /// `final` is true at the end of the run (the percentage counts from any size).
  bool exceeded(std::uint64_t errors, std::uint64_t records, bool final) const;
  std::string describe() const;
};

struct RunOptions {
  unsigned threads = 0;  // 0 = all cores; with Isolation::process the number of workers
  /// Threads by default for a library caller, who may have started threads of
  /// its own; `tagwerk run` defaults to process isolation.
  Isolation isolation = Isolation::none;
  /// Process isolation only: a record whose analysis takes longer fails with
  /// an error naming the step, and its worker is replaced. 0 = no limit.
  double doc_timeout_seconds = 60;
  /// Process isolation only: a worker that grows past this (resident memory,
  /// and address space beyond what it had when it started) fails its record
  /// and is replaced. 0 = no limit.
  std::uint64_t worker_memory_mb = 0;
  ErrorBudget max_errors;
  /// Records to read and drop before the first one analysed (resume).
  std::uint64_t skip_records = 0;
  /// When it becomes non-zero (a signal handler sets it to the signal), the
  /// run stops reading, finishes the records in flight, writes them and
  /// returns with End::interrupted. May be null.
  const volatile std::sig_atomic_t* stop = nullptr;
  /// Called from the writing stage after each record (cheap: keep it so).
  std::function<void(const RunStats&)> on_progress;
};

class Pipeline {
 public:
  /// Creates one instance of each step's plugin (their data loads here).
  /// Throws SetupError when a plugin is missing or refuses its configuration.
  /// Main thread. `chain` and `registry` must outlive the Pipeline.
  Pipeline(const Chain& chain, const PluginRegistry& registry);
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  /// Runs every step on one document, in order. A step that fails ends the
  /// document's analysis (its reason and the skipped steps are in doc.errors).
  /// Documents that are unreadable or have no text are not analysed. Thread-safe.
  void analyse(Document& doc);

  /// Formats an analysed record for output; called on the worker threads,
  /// several at once, so the serial writing stage only copies bytes.
  using Formatter = std::function<void(const Document& doc, std::string& out)>;
  /// Writes one record; called in input order, on one thread at a time, with
  /// what the Formatter made of it (empty when there is no Formatter). With
  /// Isolation::process `doc` is the record as read: its annotations stayed
  /// in the worker that formatted it.
  using Sink = std::function<void(const Document& doc, std::string_view formatted)>;

  /// Reads every record from `reader`, analyses (and formats) them on
  /// `options.threads` workers and hands each to `sink` in input order.
  /// Exceptions from reader, formatter or sink (I/O failures) end the run and
  /// propagate; per-document failures never do, nor (process isolation) a
  /// worker that crashes, exits, hangs or runs out of memory: its record gets
  /// an error naming the step and the cause. Main thread only. With
  /// Isolation::process no thread may have been started in this process
  /// before (workers are forked); the formatter then runs in the workers.
  RunStats run(RecordReader& reader, const Formatter& format, const Sink& sink, const RunOptions& options);

  /// Per-step statistics so far.
  std::vector<StepStats> step_stats() const;

  /// The data files each step's plugin reported loading, one list per step in
  /// chain order. Main thread.
  std::vector<std::vector<std::filesystem::path>> data_files() const;

 private:
  RunStats run_threads(RecordReader& reader, const Formatter& format, const Sink& sink,
                       const RunOptions& options);
  RunStats run_processes(RecordReader& reader, const Formatter& format, const Sink& sink,
                         const RunOptions& options);

  const Chain& chain_;
  std::vector<std::unique_ptr<PluginInstance>> steps_;
  // In a worker process: where analyse() says which step it is in, for the
  // supervisor to name it when the worker dies.
  std::atomic<std::int32_t>* step_marker_ = nullptr;
};

}  // namespace tagwerk::core
