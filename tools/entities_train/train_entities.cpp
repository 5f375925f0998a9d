// tagwerk-train-entities -- the project's own reproducible command for the
// entities plugin's data:
//   gazetteer --out FILE                      place names from ICU (de, en)
//   clusters  --text FILE... --out FILE       word clusters from unlabelled text
//   model     --lang L --train FORMAT:PATH... --out FILE [--clusters FILE]
//             [--gazetteer FILE]... [--epochs N] [--min-count N] [--seed N] [--runs N]
//             [--dev FORMAT:PATH [--dev-ids FILE]] [--names FORMAT:PATH]...
//             [--names-out FILE] [--no-names] [--feature-version N]
//             The model carries the names of its training data (jackknifed while
//             training: a sentence sees the other half's) and of --names files;
//             --names-out lists them, --no-names leaves them out.
//             --feature-version 2 trains without the name heads (features.hpp).
//             --runs N averages the weights of N runs (seeds --seed, --seed + 1, ...).
//   evaluate  --model FILE --dev FORMAT:PATH [--dev-ids FILE] [--gazetteer FILE]...
//             [--print]                  the tagger alone on gold sentences
// See docs/quality.md ("Entities") for the commands that made the shipped files.
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "place_names.hpp"
#include "training_data.hpp"
#include "word_clusters.hpp"

namespace en = tagwerk::entities;
namespace tt = tagwerk::tools;

namespace {

const char* kUsage =
    "usage: tagwerk-train-entities gazetteer --out FILE\n"
    "       tagwerk-train-entities clusters --text FILE... --out FILE [--dim 100] [--epochs 5]\n"
    "              [--min-count 3] [--levels 64,256,1024] [--seed 1] [--work-dir DIR]\n"
    "       tagwerk-train-entities model --lang de|en --train FORMAT:PATH... --out FILE\n"
    "              [--clusters FILE] [--gazetteer FILE]... [--epochs 10] [--min-count 2] [--seed 1]\n"
    "              [--runs 1] [--dev FORMAT:PATH [--dev-ids FILE]] [--names FORMAT:PATH]...\n"
    "              [--names-out FILE] [--no-names] [--feature-version 2|3]\n"
    "       tagwerk-train-entities evaluate --model FILE --dev FORMAT:PATH [--dev-ids FILE]\n"
    "              [--gazetteer FILE]... [--print]   (the tagger alone, exact-chunk F1)\n"
    "FORMAT is germeval, gum or smartdata (JSON Lines {\"id\",\"tokens\",\"tags\"}); --text takes any\n"
    "JSON Lines (.zst, .gz) with \"text\" or \"tokens\".\n";

struct Args {
  std::string command;
  std::map<std::string, std::vector<std::string>> values;
  std::string one(const std::string& k, const std::string& fallback = "") const {
    const auto it = values.find(k);
    return it == values.end() || it->second.empty() ? fallback : it->second.back();
  }
  const std::vector<std::string>& all(const std::string& k) const {
    static const std::vector<std::string> none;
    const auto it = values.find(k);
    return it == values.end() ? none : it->second;
  }
  std::string line;  // the command line, for the model's provenance
};

Args parse(int argc, char** argv) {
  Args a;
  if (argc < 2) throw std::invalid_argument("no command");
  a.command = argv[1];
  a.line = std::string("tagwerk-train-entities ") + argv[1];
  std::string key;
  for (int i = 2; i < argc; ++i) {
    const std::string s = argv[i];
    if (s.rfind("--", 0) == 0) {
      key = s.substr(2);
      a.values[key];
      a.line += " " + s;
    } else if (key.empty()) {
      throw std::invalid_argument("'" + s + "' is not after an option");
    } else {
      a.values[key].push_back(s);
      a.line += " " + s.substr(s.find_last_of('/') +
                               1);  // file names without the folder: the same on every machine
    }
  }
  return a;
}

int to_int(const Args& a, const std::string& key, int fallback) {
  const std::string v = a.one(key);
  if (v.empty()) return fallback;
  try {
    return std::stoi(v);
  } catch (const std::exception&) {
    throw std::invalid_argument("--" + key + " " + v + ": not a number");
  }
}

std::string require(const Args& a, const std::string& key) {
  const std::string v = a.one(key);
  if (v.empty()) throw std::invalid_argument("--" + key + " is required");
  return v;
}

tagwerk::segment::Segmenter make_segmenter(const Args& a) {
  tagwerk::segment::SegmentOptions options;
  options.detect_language = false;
  return tagwerk::segment::Segmenter(
      tagwerk::segment::Lexicon::from_data_dir(a.one("segment-data", TAGWERK_SEGMENT_DATA)), options);
}

en::WordClusters read_clusters(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot read the word clusters (--clusters)");
  en::WordClusters c;
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string word;
    en::WordClusters::Ids ids;
    std::getline(fields, word, '\t');
    for (auto& id : ids) {
      std::string v;
      if (!std::getline(fields, v, '\t'))
        throw std::runtime_error(path + ":" + std::to_string(number) +
                                 ": expected word and three cluster ids");
      id = static_cast<std::uint16_t>(std::stoi(v));
    }
    c.add(word, ids);
  }
  return c;
}

// The --dev sentences, only those listed in --dev-ids when given.
std::vector<en::TrainingSentence> load_dev(const Args& a, const tagwerk::segment::Segmenter& seg) {
  std::set<std::string> ids;
  if (!a.one("dev-ids").empty()) ids = tt::read_ids(a.one("dev-ids"));
  tt::LoadStats stats;
  return tt::load_sentences(tt::parse_training_file(require(a, "dev")), seg, ids.empty() ? nullptr : &ids,
                            true, stats);
}

int run_model(const Args& a) {
  const std::string lang = require(a, "lang"), out = require(a, "out");
  if (a.all("train").empty()) throw std::invalid_argument("--train FORMAT:PATH is required");
  const auto seg = make_segmenter(a);
  std::vector<en::TrainingSentence> sentences;
  std::ostringstream provenance;
  provenance << a.line << "\n";
  for (const auto& spec : a.all("train")) {
    tt::LoadStats stats;
    auto part = tt::load_sentences(tt::parse_training_file(spec), seg, nullptr, true, stats);
    std::cerr << "model: " << spec << ": " << stats.sentences << " sentences, " << stats.entities
              << " names (" << stats.misaligned << " not on segment's token boundaries)\n";
    provenance << spec.substr(spec.find_last_of('/') + 1) << ": " << stats.sentences << " sentences, "
               << stats.entities << " names\n";
    sentences.insert(sentences.end(), std::make_move_iterator(part.begin()),
                     std::make_move_iterator(part.end()));
  }
  std::vector<en::TrainingSentence> dev;
  if (!a.one("dev").empty()) {
    dev = load_dev(a, seg);
    std::cerr << "model: dev " << dev.size() << " sentences\n";
  }
  en::WordClusters clusters;
  if (!a.one("clusters").empty()) clusters = read_clusters(a.one("clusters"));
  en::Gazetteer gazetteer;
  for (const auto& g : a.all("gazetteer")) gazetteer.load(g);
  // Names seen in the data: each training sentence sees the places, the --names
  // files and the names of the other half of the training sentences, so the
  // tagger learns how far a known name goes, not to copy its own answers.
  std::vector<const en::Gazetteer*> gazetteers;
  en::Gazetteer folds[2] = {gazetteer, gazetteer};
  en::Gazetteer names_only;  // stored in the model: tagging matches them as training did
  const bool with_names = a.values.count("no-names") == 0;
  if (with_names) {
    tt::NameCounts names, extra;
    for (const auto& spec : a.all("names")) {
      tt::LoadStats stats;
      for (const auto& s : tt::load_sentences(tt::parse_training_file(spec), seg, nullptr, true, stats))
        tt::count_names(s, extra);
      provenance << "names from " << spec.substr(spec.find_last_of('/') + 1) << "\n";
    }
    tt::NameCounts fold_names[2];
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      sentences[i].gazetteer = static_cast<std::uint8_t>(i % 2);
      tt::count_names(sentences[i], fold_names[i % 2]);
      tt::count_names(sentences[i], names);
    }
    for (int f = 0; f < 2; ++f) {
      tt::add_names(extra, folds[f]);
      tt::add_names(fold_names[1 - f], folds[f]);
    }
    for (const auto& [name, labels] : extra)
      for (const auto& [label, count] : labels) names[name][label] += count;
    if (!a.one("names-out").empty()) tt::write_names(names, a.one("names-out"), provenance.str());
    std::cerr << "model: " << names.size() << " names from the data\n";
    tt::add_names(names, gazetteer);
    tt::add_names(names, names_only);
    gazetteers = {&folds[0], &folds[1]};
  } else if (!a.all("gazetteer").empty()) {
    gazetteers = {&gazetteer};
  }
  en::TrainOptions options;
  options.lang = lang;
  options.epochs = to_int(a, "epochs", 10);
  options.min_count = to_int(a, "min-count", 2);
  options.seed = static_cast<unsigned>(to_int(a, "seed", 1));
  options.runs = to_int(a, "runs", 1);
  options.feature_version =
      static_cast<std::uint32_t>(to_int(a, "feature-version", static_cast<int>(en::kFeatureVersion)));
  options.provenance = provenance.str();
  const auto start = std::chrono::steady_clock::now();
  auto model = en::train(sentences, dev.empty() ? nullptr : &dev, std::move(clusters), gazetteers,
                         gazetteers.empty() ? nullptr : &gazetteer, options, [&](const en::EpochReport& r) {
                           std::cerr << "model: ";
                           if (options.runs > 1) std::cerr << "run " << r.run << " ";
                           std::cerr << "epoch " << r.epoch << " train word accuracy " << std::fixed
                                     << std::setprecision(4) << r.train_word_accuracy;
                           if (r.dev_f1 >= 0) std::cerr << ", dev F1 " << r.dev_f1;
                           std::cerr << " ("
                                     << std::chrono::duration_cast<std::chrono::seconds>(
                                            std::chrono::steady_clock::now() - start)
                                            .count()
                                     << " s)\n";
                         });
  model->names = std::move(names_only);
  model->save(out);
  std::cerr << "model: " << model->rows.size() << " features, " << model->types.size() << " types -> " << out
            << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Args a = parse(argc, argv);
    if (a.command == "gazetteer") {
      const std::size_t n = tt::write_place_names(require(a, "out"));
      std::cerr << "gazetteer: " << n << " place names -> " << a.one("out") << "\n";
      return 0;
    }
    if (a.command == "clusters") {
      tt::ClusterOptions options;
      options.dim = to_int(a, "dim", options.dim);
      options.epochs = to_int(a, "epochs", options.epochs);
      options.min_count = to_int(a, "min-count", options.min_count);
      options.seed = static_cast<unsigned>(to_int(a, "seed", 1));
      options.work_dir = a.one("work-dir", ".");
      if (!a.one("levels").empty()) {
        options.levels.clear();
        std::istringstream in(a.one("levels"));
        for (std::string v; std::getline(in, v, ',');) options.levels.push_back(std::stoi(v));
      }
      if (a.all("text").empty()) throw std::invalid_argument("--text FILE... is required");
      tt::make_word_clusters(a.all("text"), make_segmenter(a), options, require(a, "out"));
      return 0;
    }
    if (a.command == "model") return run_model(a);
    if (a.command == "evaluate") {  // the tagger alone (no document pass) on gold sentences: exact-chunk F1
      const auto dev = load_dev(a, make_segmenter(a));
      en::Gazetteer gazetteer;
      for (const auto& g : a.all("gazetteer")) gazetteer.load(g);
      const auto model = en::Model::load(require(a, "model"));
      gazetteer.merge(model->names);
      if (!a.one("print").empty() || a.values.count("print"))
        for (const auto& s : dev) {
          const auto tags = en::tag_sentence(*model, a.all("gazetteer").empty() ? nullptr : &gazetteer, s);
          for (std::size_t i = 0; i < s.words.size(); ++i) std::cout << s.words[i] << '/' << tags[i] << ' ';
          std::cout << '\n';
        }
      std::cout << "F1 " << en::chunk_f1(*model, a.all("gazetteer").empty() ? nullptr : &gazetteer, dev)
                << " on " << dev.size() << " sentences\n";
      return 0;
    }
    if (a.command == "--help" || a.command == "help") {
      std::cout << kUsage;
      return 0;
    }
    throw std::invalid_argument("unknown command '" + a.command + "'");
  } catch (const std::invalid_argument& e) {
    std::cerr << "tagwerk-train-entities: " << e.what() << "\n" << kUsage;
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "tagwerk-train-entities: " << e.what() << "\n";
    return 1;
  }
}
