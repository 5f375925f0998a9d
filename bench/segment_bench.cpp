// Throughput of the segment engine (paragraphs, language, sentences, tokens)
// on German news and, in the *English benchmarks, on English news. Target:
// >= 20 MB/s per thread for the whole engine, English no slower than German.
//
//   TAGWERK_BENCH_CORPUS=../shared/corpora/de-news-fangcovid.jsonl.zst
//   TAGWERK_BENCH_CORPUS_EN=../shared/corpora/en-news-bbc.jsonl.zst build/release/bench/segment_bench
//
// Without these variables a built-in paragraph of the language, repeated, is used.
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

// Short paragraphs, as in the BBC corpus: there language detection sees
// almost every byte, where German articles' long paragraphs are sampled.
constexpr const char* kBuiltinEnglishParagraphs =
    "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m) for the three months "
    "to December, from $639m year-earlier.\n\n"
    "The firm, which is now one of the biggest investors in Google, benefited from sales of high-speed "
    "internet connections and higher advert sales. Mr. Parsons said on 3 Jan. it was a good year.\n\n";

enum class Corpus { german, english };

const std::vector<std::string>& corpus(Corpus which = Corpus::german) {
  static const std::vector<std::string> german = [] {
    std::string fallback;
    for (int i = 0; i < 20; ++i) fallback += kBuiltinParagraph;
    return tagwerk::bench::corpus_texts(fallback);
  }();
  static const std::vector<std::string> english = [] {
    std::string fallback;
    for (int i = 0; i < 20; ++i) fallback += kBuiltinEnglishParagraphs;
    return tagwerk::bench::corpus_texts(fallback, 2000, "TAGWERK_BENCH_CORPUS_EN");
  }();
  return which == Corpus::german ? german : english;
}

const Segmenter& segmenter(bool detect_language) {
  static const Segmenter with(Lexicon::from_data_dir(TAGWERK_SOURCE_DIR "/plugins/segment/data"),
                              {true, "de"});
  static const Segmenter without(Lexicon::from_data_dir(TAGWERK_SOURCE_DIR "/plugins/segment/data"),
                                 {false, "de"});
  return detect_language ? with : without;
}

template <class F>
void run(benchmark::State& state, F&& f, Corpus which = Corpus::german) {
  const auto& docs = corpus(which);
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

const char* metadata_lang(Corpus which) {
  return which == Corpus::german ? "de" : "en";
}

// The whole engine, as the plugin runs it (one Segmentation reused per thread),
// on records whose `lang` metadata names the corpus language, as both corpora's do.
void segment_corpus(benchmark::State& state, Corpus which) {
  Segmentation seg;
  run(
      state,
      [&](const std::string& doc) {
        segmenter(true).segment(doc, metadata_lang(which), seg);
        benchmark::DoNotOptimize(seg.tokens.data());
      },
      which);
}

void segment_corpus_without_detection(benchmark::State& state, Corpus which) {
  Segmentation seg;
  run(
      state,
      [&](const std::string& doc) {
        segmenter(false).segment(doc, metadata_lang(which), seg);
        benchmark::DoNotOptimize(seg.tokens.data());
      },
      which);
}

void detect_corpus_languages(benchmark::State& state, Corpus which) {
  static const LanguageDetector detector(
      Lexicon::from_data_dir(TAGWERK_SOURCE_DIR "/plugins/segment/data").function_words);
  std::vector<TextRange> paragraphs;
  run(
      state,
      [&](const std::string& doc) {
        paragraphs.clear();
        split_paragraphs(doc, paragraphs);
        for (const auto& p : paragraphs)
          benchmark::DoNotOptimize(
              detector.detect(std::string_view(doc).substr(p.begin, p.end - p.begin), metadata_lang(which))
                  .reliable);
      },
      which);
}

void BM_Segment(benchmark::State& state) {
  segment_corpus(state, Corpus::german);
}
BENCHMARK(BM_Segment)->ThreadRange(1, 2)->UseRealTime();
void BM_SegmentNoLanguageDetection(benchmark::State& state) {
  segment_corpus_without_detection(state, Corpus::german);
}
BENCHMARK(BM_SegmentNoLanguageDetection);
void BM_LanguageDetectionOnly(benchmark::State& state) {
  detect_corpus_languages(state, Corpus::german);
}
BENCHMARK(BM_LanguageDetectionOnly);

void BM_SegmentEnglish(benchmark::State& state) {
  segment_corpus(state, Corpus::english);
}
BENCHMARK(BM_SegmentEnglish);
void BM_SegmentNoLanguageDetectionEnglish(benchmark::State& state) {
  segment_corpus_without_detection(state, Corpus::english);
}
BENCHMARK(BM_SegmentNoLanguageDetectionEnglish);
void BM_LanguageDetectionOnlyEnglish(benchmark::State& state) {
  detect_corpus_languages(state, Corpus::english);
}
BENCHMARK(BM_LanguageDetectionOnlyEnglish);

}  // namespace

BENCHMARK_MAIN();
