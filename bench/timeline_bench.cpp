// timeline_bench -- throughput of the timeline engine alone (one thread), over
// German news: the corpus named by TAGWERK_BENCH_CORPUS (see bench_corpus.hpp),
// else the seed article; and over English news named by TAGWERK_BENCH_CORPUS_EN. Reports bytes/s (MB/s) per
// thread. The input (segment's tokens and sentences) is made by the segment engine before the clock starts.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <tagwerk/timeline/engine.hpp>
#include <tagwerk/timeline/segmented_input.hpp>

#include "bench_corpus.hpp"

namespace {

std::vector<std::string> load_documents() {
  return tagwerk::bench::corpus_texts(
      tagwerk::bench::read_text_file(TAGWERK_SOURCE_DIR "/tests/plugins/timeline/data/seed_000.txt"));
}

// Engine::analyze over docs, with segment's input made before the clock starts.
void run_engine(benchmark::State& state, const std::vector<std::string>& docs, const char* dct,
                const char* lang) {
  static const tagwerk::timeline::Engine engine(TAGWERK_SOURCE_DIR "/plugins/timeline/data", {"de", "en"});
  static const tagwerk::segment::Segmenter segmenter =
      tagwerk::timeline::make_segmenter(TAGWERK_SOURCE_DIR "/plugins/segment/data");
  std::vector<tagwerk::timeline::Input> inputs;
  std::size_t bytes = 0;
  tagwerk::segment::Segmentation seg;
  for (const auto& d : docs) {
    inputs.push_back(tagwerk::timeline::segmented_input(segmenter, d, dct, lang, seg));
    bytes += d.size();
  }
  auto scratch = tagwerk::timeline::Engine::make_scratch();
  std::size_t timexes = 0;
  for (auto _ : state) {
    for (const auto& in : inputs) {
      auto r = engine.analyze(in, *scratch);
      timexes += r.timexes.size();
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["timexes/iter"] = benchmark::Counter(static_cast<double>(timexes) / state.iterations());
}

void BM_TimelineGerman(benchmark::State& state) {
  static const std::vector<std::string> docs = load_documents();
  run_engine(state, docs, "2020-04-01", "de");
}
BENCHMARK(BM_TimelineGerman)->Unit(benchmark::kMillisecond);

// English news without a document date (the BBC corpus): TAGWERK_BENCH_CORPUS_EN.
void BM_TimelineEnglish(benchmark::State& state) {
  static const std::vector<std::string> docs =
      tagwerk::bench::corpus_texts(std::string(), 2000, "TAGWERK_BENCH_CORPUS_EN");
  if (docs.empty()) {
    state.SkipWithError("TAGWERK_BENCH_CORPUS_EN names no corpus");
    return;
  }
  run_engine(state, docs, "", "en");
}
BENCHMARK(BM_TimelineEnglish)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
