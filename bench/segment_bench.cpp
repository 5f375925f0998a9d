// Throughput of the segment engine (paragraphs, language, sentences, tokens)
// on German news. Target: >= 20 MB/s per thread for the whole engine.
//
//   zstd -dc de-news-fangcovid.jsonl.zst | head -2000 > /tmp/de.jsonl
//   TAGWERK_BENCH_CORPUS=/tmp/de.jsonl ./segment_bench
//
// Without TAGWERK_BENCH_CORPUS a built-in German paragraph, repeated, is used.
//
// CLD2 allocates ~175 KB per call and frees it again; with glibc's default
// (dynamic) trim threshold every call then pays for brk() and page faults,
// ~100-200 us, whatever the text's length. Compare with
// LD_PRELOAD=libtbbmalloc_proxy.so.2 or MALLOC_TRIM_THRESHOLD_=67108864: the
// built-in text runs ~7x faster. The host should pick its allocator accordingly.
#include <benchmark/benchmark.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

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

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The value of the JSON string field "text" of one JSON Lines record; empty
// when absent. Enough JSON for the benchmark corpora, not a general parser.
std::string json_text_field(const std::string& line) {
  auto key = line.find("\"text\"");
  if (key == std::string::npos) return {};
  auto i = line.find('"', line.find(':', key + 6));
  if (i == std::string::npos) return {};
  std::string out;
  for (++i; i < line.size() && line[i] != '"'; ++i) {
    if (line[i] != '\\') {
      out += line[i];
      continue;
    }
    char e = line[++i];
    switch (e) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'u': {
        auto unit = [&](std::size_t at) {
          int v = 0;
          for (std::size_t k = at; k < at + 4 && k < line.size(); ++k) v = v * 16 + hex_value(line[k]);
          return static_cast<UChar32>(v);
        };
        UChar32 c = unit(i + 1);
        i += 4;
        if (U16_IS_LEAD(c) && i + 6 < line.size() && line[i + 1] == '\\' && line[i + 2] == 'u') {
          UChar32 trail = unit(i + 3);
          if (U16_IS_TRAIL(trail)) {
            c = U16_GET_SUPPLEMENTARY(c, trail);
            i += 6;
          }
        }
        uint8_t buf[U8_MAX_LENGTH];
        int32_t len = 0;
        UBool error = false;
        U8_APPEND(buf, len, U8_MAX_LENGTH, c, error);
        if (!error) out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(len));
        break;
      }
      default:
        out += e;  // \" \\ \/
    }
  }
  return out;
}

const std::vector<std::string>& corpus() {
  static const std::vector<std::string> docs = [] {
    std::vector<std::string> out;
    if (const char* path = std::getenv("TAGWERK_BENCH_CORPUS")) {
      std::ifstream in(path);
      std::string line;
      while (std::getline(in, line))
        if (auto text = json_text_field(line); !text.empty()) out.push_back(std::move(text));
    }
    if (out.empty()) {
      std::string doc;
      for (int i = 0; i < 20; ++i) doc += kBuiltinParagraph;
      out.assign(50, doc);
    }
    return out;
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
