// quotes_bench -- throughput of the quotes engine alone (one thread) over the
// first N records of a corpus: segment's engine makes the input first (not
// timed), then the quotes engine runs over all of it R times; prints the best
// pass in MB/s of text and the statements found.
//
//   build/release/tools/quotes_eval/quotes_bench ../shared/corpora/de-news-fangcovid.jsonl.zst [N] [R]
#include <tagwerk/core/input.hpp>
#include <tagwerk/quotes/engine.hpp>
#include <tagwerk/quotes/segmented_input.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: quotes_bench CORPUS.jsonl[.zst|.gz] [records=2000] [passes=3]\n");
    return 2;
  }
  const std::size_t max_records = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 2000;
  const int passes = argc > 3 ? std::atoi(argv[3]) : 3;
  tagwerk::core::InputOptions options;
  options.paths = {argv[1]};
  auto reader = tagwerk::core::open_input(options);
  std::vector<std::string> texts;
  tagwerk::core::Document doc;
  while (texts.size() < max_records && reader->next(doc))
    if (!doc.text.empty()) texts.push_back(std::move(doc.text));
  if (texts.empty()) {
    std::fprintf(stderr, "%s: no records with text; pass a JSON Lines corpus with a \"text\" field\n",
                 argv[1]);
    return 1;
  }
  const auto segmenter = tagwerk::quotes::make_segmenter(TAGWERK_SOURCE_DIR "/plugins/segment/data");
  const tagwerk::quotes::Engine engine(TAGWERK_SOURCE_DIR "/plugins/quotes/data", {"de", "en"});
  std::vector<tagwerk::segment::Segmentation> segs(texts.size());
  std::vector<tagwerk::quotes::Input> inputs;
  std::size_t bytes = 0;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    inputs.push_back(tagwerk::quotes::segmented_input(segmenter, texts[i], "", segs[i]));
    bytes += texts[i].size();
  }
  auto scratch = tagwerk::quotes::Engine::make_scratch();
  double best = 1e30;
  std::size_t quotes = 0;
  for (int p = 0; p < passes; ++p) {
    quotes = 0;
    const auto t0 = std::chrono::steady_clock::now();
    for (const auto& in : inputs) quotes += engine.analyze(in, *scratch).quotes.size();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::printf("records=%zu text_MB=%.2f best_s=%.3f MB/s=%.1f quotes=%zu\n", texts.size(), bytes / 1e6, best,
              bytes / 1e6 / best, quotes);
  return 0;
}
