// The streaming run of a chain: the analysis of one document, the error
// budget, and the run on threads of this process (Isolation::none). The run in
// worker processes is in isolation/supervisor.cpp.
#include <tagwerk/core/pipeline.hpp>

#include "run_tally.hpp"

#include <tagwerk/core/error.hpp>
#include <tagwerk/core/input.hpp>

#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <charconv>
#include <chrono>
#include <cmath>

namespace tagwerk::core {

Pipeline::Pipeline(const Chain& chain, const PluginRegistry& registry) : chain_(chain) {
  for (std::size_t i = 0; i < chain.steps.size(); ++i) {
    const ChainStep& step = chain.steps[i];
    auto library = registry.find(step.plugin);
    if (!library) {
      throw SetupError(
          fmt::format("{}: step {} uses plugin '{}', which is not loaded; run 'tagwerk plugins' "
                      "to see what is installed, or add its folder with --plugin-path",
                      step.where.str(), i + 1, step.plugin));
    }
    steps_.push_back(std::make_unique<PluginInstance>(
        std::move(library), step.params,
        fmt::format("{}: step {} ({})", step.where.str(), i + 1, step.plugin)));
  }
}

Pipeline::~Pipeline() = default;

void Pipeline::analyse(Document& doc) {
  if (doc.unreadable || doc.text.empty()) return;
  for (std::size_t i = 0; i < steps_.size(); ++i) {
    if (step_marker_ != nullptr) step_marker_->store(static_cast<std::int32_t>(i), std::memory_order_relaxed);
    const bool ok = steps_[i]->process(doc);
    if (step_marker_ != nullptr) step_marker_->store(-1, std::memory_order_relaxed);
    if (ok) continue;
    if (i + 1 < steps_.size()) {
      std::string skipped;
      for (std::size_t j = i + 1; j < steps_.size(); ++j) {
        if (!skipped.empty()) skipped += ", ";
        skipped += steps_[j]->info().name;
      }
      doc.add_error(
          "host", fmt::format("step {} ({}) failed, so the later steps did not run on this record: {}", i + 1,
                              steps_[i]->info().name, skipped));
    }
    return;
  }
}

std::vector<std::vector<std::filesystem::path>> Pipeline::data_files() const {
  std::vector<std::vector<std::filesystem::path>> out;
  for (const auto& s : steps_) out.push_back(s->data_files());
  return out;
}

std::vector<StepStats> Pipeline::step_stats() const {
  std::vector<StepStats> out;
  for (const auto& s : steps_) {
    const PluginInfo& info = s->info();
    out.push_back(StepStats{info.name, info.version, info.abi_major, info.abi_minor, info.library.string(),
                            static_cast<double>(s->nanoseconds()) / 1e9, s->documents(), s->failures()});
  }
  return out;
}

std::optional<ErrorBudget> ErrorBudget::parse(std::string_view text) {
  ErrorBudget b;
  const bool percent = !text.empty() && text.back() == '%';
  if (percent) text.remove_suffix(1);
  if (text.empty()) return std::nullopt;
  if (percent) {
    double p = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), p);
    if (ec != std::errc() || end != text.data() + text.size() || !(p >= 0 && p <= 100)) return std::nullopt;
    b.percent = p;
  } else {
    std::uint64_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    b.count = n;
  }
  return b;
}

bool ErrorBudget::exceeded(std::uint64_t errors, std::uint64_t records, bool final) const {
  if (count && errors > *count) return true;
  // A percentage of a handful of records says little: judged from 100 on, and at the end.
  if (percent && records > 0 && (final || records >= 100))
    return static_cast<double>(errors) * 100.0 > *percent * static_cast<double>(records);
  return false;
}

std::string ErrorBudget::describe() const {
  if (count) return std::to_string(*count);
  if (percent) return fmt::format("{}%", *percent);
  return "none";
}

RunStats Pipeline::run(RecordReader& reader, const Formatter& format, const Sink& sink,
                       const RunOptions& options) {
  return options.isolation == Isolation::process ? run_processes(reader, format, sink, options)
                                                 : run_threads(reader, format, sink, options);
}

namespace {
// One record on its way through the pipeline.
struct InFlight {
  Document doc;
  std::string formatted;
};
}  // namespace

RunStats Pipeline::run_threads(RecordReader& reader, const Formatter& format, const Sink& sink,
                               const RunOptions& options) {
  RunStats stats;
  const int cores = tbb::info::default_concurrency();
  stats.threads = options.threads == 0 ? static_cast<unsigned>(cores) : options.threads;
  stats.input_total = reader.total_bytes();
  const auto start = std::chrono::steady_clock::now();
  for (Document skipped; stats.skipped < options.skip_records && reader.next(skipped);) ++stats.skipped;
  // Records in flight: enough to keep every thread busy while the writer waits
  // for the slowest; bounded, so memory does not grow with the corpus.
  const std::size_t tokens = std::size_t{stats.threads} * 4;

  std::atomic<bool> budget_hit{false};  // set by the writing stage, read by the reading one
  tbb::task_arena arena(static_cast<int>(stats.threads));
  arena.execute([&] {
    tbb::parallel_pipeline(
        tokens,
        tbb::make_filter<void, InFlight*>(tbb::filter_mode::serial_in_order,
                                          [&](tbb::flow_control& fc) -> InFlight* {
                                            auto item = std::make_unique<InFlight>();
                                            if (budget_hit.load(std::memory_order_acquire) ||
                                                (options.stop != nullptr && *options.stop != 0) ||
                                                !reader.next(item->doc)) {
                                              fc.stop();
                                              return nullptr;
                                            }
                                            return item.release();
                                          }) &
            tbb::make_filter<InFlight*, InFlight*>(tbb::filter_mode::parallel,
                                                   [&](InFlight* item) {
                                                     analyse(item->doc);
                                                     if (format) format(item->doc, item->formatted);
                                                     return item;
                                                   }) &
            tbb::make_filter<InFlight*, void>(tbb::filter_mode::serial_in_order, [&](InFlight* raw) {
              std::unique_ptr<InFlight> item(raw);
              const Document& doc = item->doc;
              // Past the error budget the records still in flight are not written:
              // the output stays a prefix of the input, as --resume expects.
              if (stats.end == RunStats::End::error_budget) return;
              sink(doc, item->formatted);
              if (detail::count_written(
                      stats, {!doc.errors.empty(), !doc.warnings.empty(), doc.unreadable, doc.text.size()},
                      options.max_errors))
                budget_hit.store(true, std::memory_order_release);
              stats.input_bytes = reader.bytes_consumed();
              if (options.on_progress) {
                stats.seconds =
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                options.on_progress(stats);
              }
            }));
  });
  stats.input_bytes = reader.bytes_consumed();
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  stats.steps = step_stats();
  if (stats.end == RunStats::End::complete) detail::stop_requested(stats, options);
  detail::check_final_budget(stats, options.max_errors);
  return stats;
}

}  // namespace tagwerk::core
