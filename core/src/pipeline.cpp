// The parallel streaming run of a chain.
#include <tagwerk/core/pipeline.hpp>

#include <tagwerk/core/error.hpp>
#include <tagwerk/core/input.hpp>

#include <fmt/format.h>
#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <chrono>

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
    if (steps_[i]->process(doc)) continue;
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

namespace {
// One record on its way through the pipeline.
struct InFlight {
  Document doc;
  std::string formatted;
};
}  // namespace

RunStats Pipeline::run(RecordReader& reader, const Formatter& format, const Sink& sink,
                       const RunOptions& options) {
  RunStats stats;
  const int cores = tbb::info::default_concurrency();
  stats.threads = options.threads == 0 ? static_cast<unsigned>(cores) : options.threads;
  stats.input_total = reader.total_bytes();
  const auto start = std::chrono::steady_clock::now();
  // Records in flight: enough to keep every thread busy while the writer waits
  // for the slowest; bounded, so memory does not grow with the corpus.
  const std::size_t tokens = std::size_t{stats.threads} * 4;

  tbb::task_arena arena(static_cast<int>(stats.threads));
  arena.execute([&] {
    tbb::parallel_pipeline(
        tokens, tbb::make_filter<void, InFlight*>(tbb::filter_mode::serial_in_order,
                                                  [&](tbb::flow_control& fc) -> InFlight* {
                                                    auto item = std::make_unique<InFlight>();
                                                    if (!reader.next(item->doc)) {
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
                      sink(doc, item->formatted);
                      ++stats.records;
                      if (!doc.errors.empty()) ++stats.records_with_errors;
                      if (!doc.warnings.empty()) ++stats.records_with_warnings;
                      if (doc.unreadable) ++stats.unreadable;
                      stats.text_bytes += doc.text.size();
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
  return stats;
}

}  // namespace tagwerk::core
