// Throughput of the segment engine (paragraphs, language, sentences, tokens)
// on German news. Target: >= 20 MB/s per thread for the whole engine.
//
//   TAGWERK_BENCH_CORPUS=../shared/corpora/de-news-fangcovid.jsonl.zst build/release/bench/segment_bench
//
// Without TAGWERK_BENCH_CORPUS a built-in German paragraph, repeated, is used.
// CLD2 allocates ~175 KB per call: on such short repeated texts glibc's trim
// threshold makes every call pay for page faults; on real articles the cost
// is a few percent (measured with LD_PRELOAD=libtbbmalloc_proxy.so.2).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "bench_corpus.hpp"
#include "language_detector.hpp"
#include "paragraph_splitter.hpp"
#include "segmenter.hpp"

namespace {

using namespace tagwerk::segment;

constexpr const char* kBuiltinParagraph =
    "Noch immer ist die Frage ungeklärt, ob Russland den US-Wahlkampf 2016 manipuliert hat - doch diese "
    "stellt "
    "US-Präsident Trump erst einmal hinten an. Im Gegenteil will er nun ausgerechnet gemeinsam mit Putin der "
    "Cyberkriminalität den Kampf ansagen. Über dieses Thema berichteten die tagesthemen am 07. Juli 2017 um "
    "22:10 "
    "Uhr. Dr. Müller sagte z. B., die Nr. 170/39 sei am 09.07.2017 um 20:06 Uhr eingegangen.\n\n";

const std::vector<std::string>& corpus() {
  static const std::vector<std::string> docs = [] {
    std::string fallback;
    for (int i = 0; i < 20; ++i) fallback += kBuiltinParagraph;
    return tagwerk::bench::corpus_texts(fallback);
  }();
  return docs;
}

const Segmenter& segmenter(bool detect_language) {
  static const Segmenter with(Lexicon::from_data_dir(TAGWERK_SOURCE_DIR "/plugins/segment/data"),
                              {true, "de"});
  static const Segmenter without(Lexicon::from_data_dir(TAGWERK_SOURCE_DIR "/plugins/segment/data"),
                                 {false, "de"});
  return detect_language ? with : without;
}

template <class F>
void run(benchmark::State& state, F&& f) {
  const auto& docs = corpus();
  std::int64_t bytes = 0;
  std::size_t i = 0;
  for (auto _ : state) {
    const std::string& doc = docs[i++ % docs.size()];
    f(doc);
    bytes += static_cast<std::int64_t>(doc.size());
  }
  state.SetBytesProcessed(bytes);
  state.counters["docs"] = static_cast<double>(docs.size());
}

// The whole engine, as the plugin runs it (one Segmentation reused per thread).
void BM_Segment(benchmark::State& state) {
  Segmentation seg;
  run(state, [&](const std::string& doc) {
    segmenter(true).segment(doc, "", seg);
    benchmark::DoNotOptimize(seg.tokens.data());
  });
}
BENCHMARK(BM_Segment)->ThreadRange(1, 2)->UseRealTime();

void BM_SegmentNoLanguageDetection(benchmark::State& state) {
  Segmentation seg;
  run(state, [&](const std::string& doc) {
    segmenter(false).segment(doc, "de", seg);
    benchmark::DoNotOptimize(seg.tokens.data());
  });
}
BENCHMARK(BM_SegmentNoLanguageDetection);

void BM_LanguageDetectionOnly(benchmark::State& state) {
  LanguageDetector detector;
  std::vector<TextRange> paragraphs;
  run(state, [&](const std::string& doc) {
    paragraphs.clear();
    split_paragraphs(doc, paragraphs);
    for (const auto& p : paragraphs)
      benchmark::DoNotOptimize(
          detector.detect(std::string_view(doc).substr(p.begin, p.end - p.begin)).reliable);
  });
}
BENCHMARK(BM_LanguageDetectionOnly);

}  // namespace

BENCHMARK_MAIN();
