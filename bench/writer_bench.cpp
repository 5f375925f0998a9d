// The writers side by side: the same annotated records (sentences, entities
// with their attributes, as the default chain writes them without tokens)
// formatted and written to a file as JSON Lines and as SQLite.
#include <tagwerk/core/chain.hpp>
#include <tagwerk/core/document.hpp>
#include <tagwerk/core/record_writer.hpp>

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace {

using namespace tagwerk::core;
namespace fs = std::filesystem;

constexpr int kRecords = 500;

std::string article(std::size_t bytes, std::mt19937& rng) {
  static const char* kWords[] = {"Die",      "Bundesregierung", "hat",   "am",      "Dienstag", "über",
                                 "die",      "Maßnahmen",       "gegen", "Corona",  "beraten",  "„Wir",
                                 "müssen",   "handeln“,",       "sagte", "Merkel.", "Über",     "2.000",
                                 "Menschen", "Städte."};
  std::string text;
  while (text.size() < bytes) {
    text += kWords[rng() % (sizeof kWords / sizeof kWords[0])];
    text += ' ';
  }
  return text;
}

// About 4 kB of text with a sentence per 120 bytes and an entity per 200.
std::vector<Document> records() {
  std::mt19937 rng(42);
  std::vector<Document> docs(kRecords);
  for (int d = 0; d < kRecords; ++d) {
    Document& doc = docs[static_cast<std::size_t>(d)];
    doc.id = "bench-" + std::to_string(d);
    doc.text = article(4000, rng);
    Layer& sentences = doc.layer("sentence");
    Layer& entities = doc.layer("entity");
    for (std::uint32_t b = 0; b + 120 <= doc.text.size(); b += 120) {
      const std::size_t i = sentences.add(b, b + 100, "");
      sentences.set_string(i, "lang", "de");
    }
    for (std::uint32_t b = 0; b + 200 <= doc.text.size(); b += 200) {
      const std::size_t i = entities.add(b, b + 10, "PER");
      entities.set_string(i, "name", "Angela Merkel");
      entities.set_ref(i, "cluster", entities, i / 2);
      entities.set_float(i, "score", 0.73);
    }
    doc.set_attr_string("dct", "2020-04-01");
  }
  return docs;
}

Chain chain_with_entities() {
  static PluginInfo info = [] {
    PluginInfo p;
    p.name = "entities";
    p.provides.push_back(LayerSpec{"sentence", "", {{"lang", TW_VALUE_STRING, "", ""}}});
    p.provides.push_back(LayerSpec{"entity",
                                   "",
                                   {{"name", TW_VALUE_STRING, "", ""},
                                    {"cluster", TW_VALUE_REF, "", "entity"},
                                    {"score", TW_VALUE_FLOAT, "", ""}}});
    return p;
  }();
  Chain chain;
  ChainStep step;
  step.plugin = "entities";
  step.info = &info;
  chain.steps.push_back(step);
  return chain;
}

void write_all(RecordWriter& writer, const std::vector<Document>& docs) {
  std::string formatted;
  for (const Document& doc : docs) {
    formatted.clear();
    writer.format(doc, formatted);
    writer.write(formatted);
  }
  writer.finish();
}

void report(benchmark::State& state, const std::vector<Document>& docs) {
  state.counters["records/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * docs.size()), benchmark::Counter::kIsRate);
}

void BM_WriteJsonl(benchmark::State& state) {
  const auto docs = records();
  const fs::path path = fs::temp_directory_path() / "tagwerk_writer_bench.jsonl";
  for (auto _ : state) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    auto writer = make_jsonl_writer(out, OffsetUnit::codepoints, {});
    write_all(*writer, docs);
  }
  report(state, docs);
  fs::remove(path);
}
BENCHMARK(BM_WriteJsonl)->Unit(benchmark::kMillisecond);

void BM_WriteSqlite(benchmark::State& state) {
  const auto docs = records();
  const Chain chain = chain_with_entities();
  const fs::path path = fs::temp_directory_path() / "tagwerk_writer_bench.sqlite";
  for (auto _ : state) {
    auto writer = make_sqlite_writer(path, chain, OffsetUnit::codepoints, {});
    write_all(*writer, docs);
  }
  report(state, docs);
  fs::remove(path);
}
BENCHMARK(BM_WriteSqlite)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
