// entities_bench -- throughput of the entities engine alone (one thread) over
// German news: the corpus named by TAGWERK_BENCH_CORPUS (see bench_corpus.hpp),
// else the seed article; tokens/s and bytes/s per thread with the shipped
// models. The input (segment's tokens and sentences with their language) is
// made by the segment engine before the clock starts. Also the models' load time.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include <tagwerk/entities/engine.hpp>

#include "bench_corpus.hpp"
#include "segmenter.hpp"

namespace {

namespace en = tagwerk::entities;
namespace sg = tagwerk::segment;

const char* kData = TAGWERK_SOURCE_DIR "/plugins/entities/data";

std::vector<std::string> gazetteers() {
  return {std::string(kData) + "/gazetteer_places.tsv"};
}

en::Input entities_input(const std::string& text, const sg::Segmentation& seg) {
  en::Input in;
  in.text = text;
  for (const auto& t : seg.tokens)
    in.tokens.push_back({t.begin, t.end, en::token_kind(sg::to_string(t.kind))});
  for (const auto& s : seg.sentences)
    in.sentences.push_back({s.first_token, s.token_count, seg.paragraphs[s.paragraph].lang});
  return in;
}

void BM_EntitiesGerman(benchmark::State& state) {
  static const en::Engine engine(kData, {"de", "en"}, {}, gazetteers(), en::Options());
  static const std::vector<std::string> docs = tagwerk::bench::corpus_texts(
      tagwerk::bench::read_text_file(TAGWERK_SOURCE_DIR "/tests/plugins/entities/data/seed_000.txt"));
  const sg::Segmenter segmenter(sg::Lexicon::from_data_dir(TAGWERK_SOURCE_DIR "/plugins/segment/data"),
                                sg::SegmentOptions{});
  std::vector<en::Input> inputs;
  std::size_t bytes = 0, tokens = 0;
  sg::Segmentation seg;
  for (const auto& d : docs) {
    segmenter.segment(d, "de", seg);
    inputs.push_back(entities_input(d, seg));
    bytes += d.size();
    tokens += seg.tokens.size();
  }
  auto scratch = en::Engine::make_scratch();
  en::Result r;
  std::size_t mentions = 0;
  for (auto _ : state) {
    for (const auto& in : inputs) {
      engine.analyze(in, *scratch, r);
      mentions += r.mentions.size();
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["mentions/iter"] = benchmark::Counter(static_cast<double>(mentions) / state.iterations());
}
BENCHMARK(BM_EntitiesGerman)->Unit(benchmark::kMillisecond);

void BM_EntitiesLoad(benchmark::State& state) {
  for (auto _ : state) {
    en::Engine engine(kData, {"de", "en"}, {}, gazetteers(), en::Options());
    benchmark::DoNotOptimize(engine);
  }
}
BENCHMARK(BM_EntitiesLoad)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
