// tagwerk/core/pipeline.hpp -- running a chain over a stream of records:
// serial read, parallel analysis, serial in-order write (oneTBB
// parallel_pipeline), with a bounded number of records in flight so memory
// does not grow with the corpus. Every record read is handed to the sink
// exactly once, annotated or carrying its errors.
#pragma once

#include <tagwerk/core/chain.hpp>
#include <tagwerk/core/document.hpp>
#include <tagwerk/core/plugin_instance.hpp>
#include <tagwerk/core/plugin_registry.hpp>

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
};

struct RunOptions {
  unsigned threads = 0;  // 0 = all cores
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
  /// what the Formatter made of it (empty when there is no Formatter).
  using Sink = std::function<void(const Document& doc, std::string_view formatted)>;

  /// Reads every record from `reader`, analyses (and formats) them on
  /// `options.threads` threads and hands each to `sink` in input order.
  /// Exceptions from reader, formatter or sink (I/O failures) end the run and
  /// propagate; per-document failures never do.
  RunStats run(RecordReader& reader, const Formatter& format, const Sink& sink, const RunOptions& options);

  /// Per-step statistics so far.
  std::vector<StepStats> step_stats() const;

  /// The data files each step's plugin reported loading, one list per step in
  /// chain order. Main thread.
  std::vector<std::vector<std::filesystem::path>> data_files() const;

 private:
  const Chain& chain_;
  std::vector<std::unique_ptr<PluginInstance>> steps_;
};

}  // namespace tagwerk::core
