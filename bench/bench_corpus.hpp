// Texts the benchmarks run on: the first records of the corpus named by
// TAGWERK_BENCH_CORPUS (JSON Lines, .gz or .zst, read with tagwerk's own
// reader; a benchmark of a second language names its own variable, such as
// TAGWERK_BENCH_CORPUS_EN), else a fallback text cut into ~4 KB documents at
// line ends.
//
//   TAGWERK_BENCH_CORPUS=../shared/corpora/de-news-fangcovid.jsonl.zst build/release/bench/segment_bench
#pragma once

#include <tagwerk/core/input.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace tagwerk::bench {

inline std::vector<std::string> corpus_texts(const std::string& fallback_text, std::size_t max_records = 2000,
                                             const char* variable = "TAGWERK_BENCH_CORPUS") {
  std::vector<std::string> docs;
  if (const char* path = std::getenv(variable)) {
    core::InputOptions options;
    options.paths = {path};
    auto reader = core::open_input(options);
    core::Document doc;
    while (docs.size() < max_records && reader->next(doc))
      if (!doc.text.empty()) docs.push_back(std::move(doc.text));
    if (!docs.empty()) return docs;
  }
  std::size_t pos = 0;
  while (pos < fallback_text.size()) {
    std::size_t end = fallback_text.find('\n', std::min(fallback_text.size(), pos + 4096));
    if (end == std::string::npos) end = fallback_text.size();
    docs.push_back(fallback_text.substr(pos, end - pos));
    pos = end + 1;
  }
  return docs;
}

inline std::string read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace tagwerk::bench
