// sentiment_train -- trains the learned target classifier of the sentiment
// plugin: a pos/neg/neu logistic regression over the rules' scores and the
// words around each target, from target-dependent gold JSON Lines
// ({"id", "text", "target_begin", "target_end", "label"}, code point offsets).
//
//   sentiment_train --lang de --ids scripts/splits/sentiment_gerntsa.tuning.txt
//                   --out plugins/sentiment/data/de.target.model GOLD.jsonl [GOLD.jsonl ...]
//
// Only records whose id is in --ids (when given) are used; the model file's
// header names the files, the id list and the settings, so every shipped model
// says which data it saw. Deterministic: same input, same model.
#include <simdjson.h>
#include <tagwerk/sentiment/engine.hpp>
#include <tagwerk/sentiment/segmented_input.hpp>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "linear_model.hpp"

namespace st = tagwerk::sentiment;

namespace {

struct Options {
  std::string lang = "de", out, segment_data = "plugins/segment/data",
              sentiment_data = "plugins/sentiment/data";
  bool document = false;    // --scope document: the document record, not targets
  bool rules_only = false;  // only the rules' scores (rule:...), no words: for small or noisy sets
  int epochs = 8;
  double learning_rate = 0.1, l2 = 1e-4;
  std::vector<std::string> gold, ids;  // --ids may repeat: the union
};

[[noreturn]] void usage(const std::string& why) {
  std::cerr << "sentiment_train: " << why
            << "\nusage: sentiment_train --lang de|en --out MODEL [--ids IDS.txt]... [--epochs 8] [--lr 0.1] "
               "[--l2 1e-4] [--scope target|document] [--rules-only] [--segment-data DIR] [--sentiment-data "
               "DIR] GOLD.jsonl...\n";
  std::exit(2);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) usage(a + " needs a value");
      return argv[++i];
    };
    if (a == "--lang")
      o.lang = value();
    else if (a == "--ids")
      o.ids.push_back(value());
    else if (a == "--out")
      o.out = value();
    else if (a == "--epochs")
      o.epochs = std::stoi(value());
    else if (a == "--lr")
      o.learning_rate = std::stod(value());
    else if (a == "--l2")
      o.l2 = std::stod(value());
    else if (a == "--scope")
      o.document = value() == "document";
    else if (a == "--rules-only")
      o.rules_only = true;
    else if (a == "--segment-data")
      o.segment_data = value();
    else if (a == "--sentiment-data")
      o.sentiment_data = value();
    else if (!a.empty() && a[0] == '-')
      usage("unknown option " + a);
    else
      o.gold.push_back(a);
  }
  if (o.out.empty()) usage("--out MODEL is needed");
  if (o.gold.empty()) usage("no gold file given");
  return o;
}

int label_index(std::string_view label) {
  if (label == "pos") return st::LinearModel::kPos;
  if (label == "neg") return st::LinearModel::kNeg;
  if (label == "neu") return st::LinearModel::kNeu;
  return -1;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  try {
    std::set<std::string> keep;
    std::string id_files;
    for (const std::string& path : o.ids) {
      std::ifstream in(path);
      if (!in) usage("cannot read the id list " + path);
      for (std::string line; std::getline(in, line);)
        if (!line.empty()) keep.insert(line);
      id_files += (id_files.empty() ? "" : ", ") + path.substr(path.find_last_of('/') + 1);
    }
    const st::Engine engine(st::shipped_languages(o.sentiment_data), st::Options{});
    const auto segmenter = st::make_segmenter(o.segment_data);
    tagwerk::segment::Segmentation seg;
    auto scratch = st::Engine::make_scratch();
    std::vector<st::Features> xs;
    std::vector<int> labels;
    std::size_t seen = 0;
    for (const std::string& path : o.gold) {
      simdjson::padded_string json = simdjson::padded_string::load(path);
      simdjson::ondemand::parser parser;
      simdjson::ondemand::document_stream docs = parser.iterate_many(json, 1 << 26);
      for (auto doc : docs) {
        std::string id, text, label;
        std::int64_t begin = -1, end = -1;
        for (auto field : doc.get_object()) {
          const std::string_view key = field.unescaped_key().value();
          auto v = field.value();
          if (key == "id")
            id = std::string(v.get_string().value());
          else if (key == "text")
            text = std::string(v.get_string().value());
          else if (key == "label")
            label = std::string(v.get_string().value());
          else if (key == "target_begin")
            begin = v.get_int64().value();
          else if (key == "target_end")
            end = v.get_int64().value();
        }
        ++seen;
        // Ids repeat in some sets; the id lists name the second one "X#2" (eval_sentiment.py).
        if (!keep.empty() && !keep.count(id)) continue;
        const int y = label_index(label);
        if (y < 0 || (!o.document && (begin < 0 || end <= begin))) continue;
        st::Input in = st::segmented_input(segmenter, text, o.lang, seg);
        std::vector<st::Features> f;
        if (o.document) {
          f.push_back(engine.document_features(in, *scratch));
        } else {
          in.targets = st::parse_target_spans(std::to_string(begin) + "-" + std::to_string(end), text);
          if (in.targets.empty()) continue;
          f = engine.target_features(in, *scratch);
        }
        if (f.empty() || f.front().empty()) continue;
        if (o.rules_only)
          std::erase_if(f.front(), [](const auto& feature) { return feature.first.rfind("rule:", 0) != 0; });
        xs.push_back(std::move(f.front()));
        labels.push_back(y);
      }
    }
    const st::LinearModel model = st::LinearModel::train(xs, labels, o.epochs, o.learning_rate, o.l2);
    std::string files;
    for (const std::string& g : o.gold)
      files += (files.empty() ? "" : ", ") + g.substr(g.find_last_of('/') + 1);
    model.save(o.out, {std::string("tagwerk sentiment ") + (o.document ? "document" : "target") +
                           " classifier (" + o.lang + "): pos, neg, neu weights per feature",
                       "trained by tools/sentiment_train on: " + files,
                       "records: " + std::to_string(xs.size()) + " of " + std::to_string(seen) +
                           (id_files.empty() ? "" : " (ids in " + id_files + ")"),
                       std::string("settings: ") + (o.rules_only ? "the rules' scores only, " : "") +
                           "epochs " + std::to_string(o.epochs) + ", lr " + std::to_string(o.learning_rate) +
                           ", l2 " + std::to_string(o.l2)});
    std::cerr << "sentiment_train: " << xs.size() << " examples, " << model.size() << " features -> " << o.out
              << "\n";
  } catch (const std::exception& e) {
    std::cerr << "sentiment_train: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
