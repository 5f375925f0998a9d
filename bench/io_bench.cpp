// Corpus I/O speed: reading JSON Lines, formatting output records (the cost
// that grows with the number of spans), and byte -> code point offset mapping.
#include <tagwerk/core/document.hpp>
#include <tagwerk/core/input.hpp>
#include <tagwerk/core/json_text.hpp>
#include <tagwerk/core/output.hpp>
#include <tagwerk/core/utf8.hpp>

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace {

using namespace tagwerk::core;

// German news-like text: umlauts, quotes, numbers; about `bytes` long.
std::string article(std::size_t bytes) {
  static const char* kWords[] = {"Die",      "Bundesregierung", "hat",    "am",      "Dienstag", "über",
                                 "die",      "Maßnahmen",       "gegen",  "Corona",  "beraten",  "„Wir",
                                 "müssen",   "handeln“,",       "sagte",  "Merkel.", "Über",     "2.000",
                                 "Menschen", "größere",         "Städte."};
  std::mt19937 rng(42);
  std::string text;
  while (text.size() < bytes) {
    text += kWords[rng() % (sizeof kWords / sizeof kWords[0])];
    text += (rng() % 12 == 0) ? "\n" : " ";
  }
  return text;
}

Document tokenized(std::size_t bytes) {
  Document doc;
  doc.id = "bench";
  doc.text = article(bytes);
  Layer& tokens = doc.layer("token");
  std::uint32_t begin = 0;
  for (std::uint32_t i = 0; i <= doc.text.size(); ++i) {
    if (i == doc.text.size() || doc.text[i] == ' ' || doc.text[i] == '\n') {
      if (i > begin) tokens.add(begin, i, "word");
      begin = i + 1;
    }
  }
  return doc;
}

void BM_ReadJsonl(benchmark::State& state) {
  const auto path = std::filesystem::temp_directory_path() / "tagwerk_io_bench.jsonl";
  {
    std::ofstream out(path, std::ios::binary);
    for (int i = 0; i < 2000; ++i) {
      std::string line =
          "{\"id\":\"a" + std::to_string(i) + "\",\"title\":\"Titel\",\"date\":\"2020-04-01\",\"text\":";
      append_json_string(line, article(4000));
      out << line << ",\"source\":\"zeit.de\",\"meta\":{\"n\":" << i << "}}\n";
    }
  }
  const auto size = std::filesystem::file_size(path);
  for (auto _ : state) {
    InputOptions options;
    options.paths = {path.string()};
    auto reader = open_input(options);
    Document doc;
    std::size_t n = 0;
    while (reader->next(doc)) ++n;
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * size));
  std::filesystem::remove(path);
}
BENCHMARK(BM_ReadJsonl)->Unit(benchmark::kMillisecond);

void BM_FormatRecord(benchmark::State& state) {
  const Document doc = tokenized(static_cast<std::size_t>(state.range(0)));
  const auto unit = static_cast<OffsetUnit>(state.range(1));
  std::string out;
  for (auto _ : state) {
    out.clear();
    append_json_record(out, doc, unit);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc.text.size()));
  state.counters["spans/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * doc.find_layer("token")->size()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_FormatRecord)
    ->Args({5000, static_cast<int>(OffsetUnit::codepoints)})
    ->Args({5000, static_cast<int>(OffsetUnit::bytes)})
    ->Args({5000, static_cast<int>(OffsetUnit::utf16)});

void BM_OffsetMapperSequential(benchmark::State& state) {
  const Document doc = tokenized(50000);
  const Layer& tokens = *doc.find_layer("token");
  for (auto _ : state) {
    OffsetMapper mapper(doc.text, OffsetUnit::codepoints);
    OffsetMapper::Cursor cursor;
    std::uint64_t sum = 0;
    for (const tw_span& s : tokens.spans()) sum += mapper.map(s.begin, cursor) + mapper.map(s.end, cursor);
    benchmark::DoNotOptimize(sum);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * doc.text.size()));
}
BENCHMARK(BM_OffsetMapperSequential);

}  // namespace

BENCHMARK_MAIN();
