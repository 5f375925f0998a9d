// The entities engine without the host: word forms, the gazetteer, and a tiny
// model trained here on made-up sentences (so the test depends on no shipped
// model) -- trained, saved, loaded and run as the plugin runs it.
#include <tagwerk/entities/engine.hpp>

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

#include "gazetteer.hpp"
#include "model.hpp"
#include "test_support.hpp"
#include "trainer.hpp"
#include "word_form.hpp"

using namespace entities_test;

namespace {

// The word lists the engine reads beside a model: titles as given, no
// organisation nouns, determiners, honorifics or group words.
void write_word_lists(const std::filesystem::path& dir, const std::string& lang, const std::string& titles) {
  std::ofstream(dir / ("titles_" + lang + ".txt")) << titles;
  std::ofstream(dir / ("org_nouns_" + lang + ".txt")) << "# none\n";
  std::ofstream(dir / ("determiners_" + lang + ".txt")) << "# none\n";
  std::ofstream(dir / ("honorifics_" + lang + ".txt")) << "# none\n";
  std::ofstream(dir / ("groups_" + lang + ".txt")) << "# none\n";
}

}  // namespace

TEST(WordForm, LowerCaseShapeAndGenitive) {
  en::WordForm f;
  en::make_word_form("ÄRGER-Zone2", f);
  EXPECT_EQ(f.lower, "ärger-zone2");
  EXPECT_EQ(f.shape, "XX-Xxxd");
  EXPECT_EQ(f.short_shape, "X-Xxd");
  EXPECT_TRUE(f.upper_initial);
  EXPECT_TRUE(f.has_hyphen);
  EXPECT_TRUE(f.has_digit);
  EXPECT_FALSE(f.all_upper);
  EXPECT_EQ(f.length, 11u);
  EXPECT_EQ(en::strip_genitive("Putins"), "Putin");
  EXPECT_EQ(en::strip_genitive("Trump's"), "Trump");
  EXPECT_EQ(en::strip_genitive("Trump\xE2\x80\x99s"), "Trump");
  EXPECT_EQ(en::strip_genitive("Boss"), "Boss");
  EXPECT_EQ(en::strip_genitive("Bus"), "Bus");
}

TEST(Gazetteer, LongestNameWinsAndLinesAreChecked) {
  en::Gazetteer g;
  ASSERT_TRUE(g.add("LOC", "New York"));
  ASSERT_TRUE(g.add("ORG", "New York Times"));
  EXPECT_FALSE(g.add("CITY", "Paris"));
  std::vector<std::uint8_t> codes;
  g.match({"die", "New", "York", "Times", "in", "New", "York"}, codes);
  const std::uint8_t org_begin = 1u << 4, org_inside = 1u << 5, loc_begin = 1u << 2, loc_inside = 1u << 3;
  EXPECT_EQ(codes,
            (std::vector<std::uint8_t>{0, org_begin, org_inside, org_inside, 0, loc_begin, loc_inside}));

  const std::string path = testing::TempDir() + "/bad_gazetteer.tsv";
  std::ofstream(path) << "# places\nLOC\tBerlin\nBerlin\n";
  en::Gazetteer bad;
  try {
    bad.load(path);
    FAIL() << "a line without a label was accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(path + ":3:"), std::string::npos) << e.what();
  }
}

TEST(Gazetteer, WordsThatEndOrBeginNamesOfALabel) {
  en::Gazetteer g;
  ASSERT_TRUE(g.add("ORG", "Deutsche Bank"));
  ASSERT_TRUE(g.add("ORG", "Deutscher Fußball-Bund"));
  ASSERT_TRUE(g.add("LOC", "Deutsche Bucht"));
  ASSERT_TRUE(g.add("ORG", "Siemens"));  // one word: neither begins nor ends a longer name
  const auto ends = [](en::Label l) { return static_cast<std::uint8_t>(1u << static_cast<int>(l)); };
  const auto begins = [](en::Label l) { return static_cast<std::uint8_t>(1u << (4 + static_cast<int>(l))); };
  EXPECT_EQ(g.roles_of("Bank"), ends(en::Label::ORG));
  EXPECT_EQ(g.roles_of("Fußball-Bund"), ends(en::Label::ORG));
  EXPECT_EQ(g.roles_of("Bucht"), ends(en::Label::LOC));
  EXPECT_EQ(g.roles_of("Deutsche"), begins(en::Label::ORG) | begins(en::Label::LOC));
  EXPECT_EQ(g.roles_of("Siemens"), 0);
  EXPECT_EQ(g.roles_of("bank"), 0);  // case-sensitive, as names are matched
  en::Gazetteer merged;
  merged.merge(g);
  EXPECT_EQ(merged.roles_of("Bank"), ends(en::Label::ORG));
}

namespace {

// Made-up sentences: people, places and companies in a few frames.
std::vector<en::TrainingSentence> sentences(const std::vector<std::pair<std::string, std::string>>& people,
                                            const std::vector<std::string>& places,
                                            const std::vector<std::string>& companies) {
  std::vector<en::TrainingSentence> out;
  const auto add = [&](std::vector<std::pair<std::string, std::string>> words) {
    en::TrainingSentence s;
    for (auto& [w, t] : words) {
      s.words.push_back(w);
      s.kinds.push_back(w == "." || w == "," ? en::TokenKind::punct : en::TokenKind::word);
      s.tags.push_back(t);
    }
    out.push_back(std::move(s));
  };
  for (std::size_t i = 0; i < people.size(); ++i) {
    const auto& [first, last] = people[i];
    const std::string& place = places[i % places.size()];
    const std::string& company = companies[i % companies.size()];
    add({{first, "B-PER"},
         {last, "I-PER"},
         {"besuchte", "O"},
         {"gestern", "O"},
         {place, "B-LOC"},
         {".", "O"}});
    add({{"Der", "O"},
         {"Konzern", "O"},
         {company, "B-ORG"},
         {"baut", "O"},
         {"in", "O"},
         {place, "B-LOC"},
         {".", "O"}});
    add({{last, "B-PER"},
         {"sagte", "O"},
         {",", "O"},
         {company, "B-ORG"},
         {"habe", "O"},
         {"investiert", "O"},
         {".", "O"}});
    add({{"Die", "O"}, {"Stadt", "O"}, {"wächst", "O"}, {"schnell", "O"}, {".", "O"}});
  }
  return out;
}

const std::vector<std::pair<std::string, std::string>> kPeople = {
    {"Anna", "Berger"},  {"Karl", "Huber"}, {"Eva", "Lang"},  {"Otto", "Wolf"},  {"Lena", "Koch"},
    {"Paul", "Richter"}, {"Ida", "Vogel"},  {"Max", "Braun"}, {"Ute", "Keller"}, {"Jan", "Franke"},
    {"Ina", "Roth"},     {"Tom", "Beck"},   {"Mia", "Hahn"},  {"Leo", "Krause"}, {"Uwe", "Lorenz"}};
const std::vector<std::string> kPlaces = {"Berlin", "Hamburg", "Köln", "Bremen", "Essen", "Kiel", "Ulm"};
const std::vector<std::string> kCompanies = {"Siemens", "Bayer", "Henkel", "Bosch", "Merck"};

// A German model of the made-up sentences (or `training`): 8 epochs, every feature kept.
std::shared_ptr<en::Model> tiny_model(
    const std::vector<en::TrainingSentence>& training = sentences(kPeople, kPlaces, kCompanies)) {
  en::TrainOptions options;
  options.lang = "de";
  options.epochs = 8;
  options.min_count = 1;
  options.provenance = "engine_test";
  return en::train(training, nullptr, en::WordClusters(), {}, nullptr, options, nullptr);
}

// An engine of `model` alone (German), from a directory of its own with no titles.
en::Engine engine_of(const en::Model& model, const std::string& dir_name) {
  const std::filesystem::path dir = std::filesystem::path(testing::TempDir()) / dir_name;
  std::filesystem::create_directories(dir);
  model.save((dir / "de.model").string());
  write_word_lists(dir, "de", "# titles\n");
  return en::Engine(dir.string(), {"de"}, {}, {}, en::Options());
}

}  // namespace

TEST(Trainer, LearnsTheFramesAndTagsNamesItNeverSaw) {
  const auto model = tiny_model();
  EXPECT_EQ(model->types, (std::vector<std::string>{"PER", "LOC", "ORG"}));
  EXPECT_DOUBLE_EQ(en::chunk_f1(*model, nullptr, sentences(kPeople, kPlaces, kCompanies)), 1.0);
  const auto unseen =
      sentences({{"Maria", "Schulz"}, {"Rolf", "Dietrich"}}, {"Dresden", "Passau"}, {"Zeiss"});
  EXPECT_GT(en::chunk_f1(*model, nullptr, unseen), 0.8);
}

TEST(Trainer, SeveralRunsAverageTheWeightsOfRunsWithSuccessiveSeeds) {
  const auto training = sentences(kPeople, kPlaces, kCompanies);
  const auto train = [&](unsigned seed, int runs) {
    en::TrainOptions options;
    options.lang = "de";
    options.epochs = 3;  // few epochs: the runs still differ
    options.min_count = 1;
    options.seed = seed;
    options.runs = runs;
    return en::train(training, nullptr, en::WordClusters(), {}, nullptr, options, nullptr);
  };
  const auto mean = train(1, 3);
  const std::shared_ptr<const en::Model> single[3] = {train(1, 1), train(2, 1), train(3, 1)};
  // Every word's score of every tag is the mean of the three runs' scores.
  const auto scores = [](const en::Model& m, const en::TrainingSentence& s) {
    en::FeatureScratch fs;
    en::SentenceFeatures f;
    en::DecodeScratch ds;
    const std::vector<std::string_view> words(s.words.begin(), s.words.end());
    en::extract_features(words, s.kinds, m.clusters, nullptr, m.feature_version, fs, f);
    en::emissions(m, f, ds);
    return ds.emissions;
  };
  bool runs_differ = false;
  for (const auto& s : sentences({{"Maria", "Schulz"}}, {"Dresden"}, {"Zeiss"})) {
    const auto m = scores(*mean, s);
    std::vector<float> expected(m.size(), 0.0f);
    for (const auto& model : single) {
      const auto e = scores(*model, s);
      ASSERT_EQ(e.size(), m.size());
      for (std::size_t i = 0; i < e.size(); ++i) expected[i] += e[i] / 3;
      runs_differ = runs_differ || e != scores(*single[0], s);
    }
    for (std::size_t i = 0; i < m.size(); ++i) EXPECT_NEAR(m[i], expected[i], 1e-4f) << "score " << i;
  }
  EXPECT_TRUE(runs_differ) << "the seeds gave one model: the test shows nothing";
  EXPECT_DOUBLE_EQ(en::chunk_f1(*mean, nullptr, training), 1.0);
  EXPECT_THROW(train(1, 0), std::invalid_argument);
}

TEST(Model, SavedAndLoadedItTagsTheSameAndABrokenFileIsNamed) {
  const auto model = tiny_model();
  const std::string path = testing::TempDir() + "/tiny.model";
  model->save(path);
  const auto loaded = en::Model::load(path);
  EXPECT_EQ(loaded->types, model->types);
  EXPECT_EQ(loaded->provenance, "engine_test");
  const auto check = sentences({{"Maria", "Schulz"}}, {"Dresden"}, {"Zeiss"});
  for (const auto& s : check)
    EXPECT_EQ(en::tag_sentence(*loaded, nullptr, s), en::tag_sentence(*model, nullptr, s));
  // Saved again, the loaded model is the same file byte for byte.
  const std::string again = testing::TempDir() + "/tiny_again.model";
  loaded->save(again);
  auto bytes = [](const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  EXPECT_GT(bytes(path).size(), 100u);
  EXPECT_EQ(bytes(again), bytes(path));

  // A model of the older feature version (no name heads) stays one when saved
  // and loaded, so it is tagged with the features it was trained with.
  en::TrainOptions old_features;
  old_features.lang = "de";
  old_features.min_count = 1;
  old_features.feature_version = 2;
  const auto old_model = en::train(sentences(kPeople, kPlaces, kCompanies), nullptr, en::WordClusters(), {},
                                   nullptr, old_features, nullptr);
  const std::string old_path = testing::TempDir() + "/tiny_v2.model";
  old_model->save(old_path);
  EXPECT_EQ(en::Model::load(old_path)->feature_version, 2u);
  EXPECT_EQ(loaded->feature_version, en::kFeatureVersion);
  old_features.feature_version = 1;
  EXPECT_THROW(en::train(sentences(kPeople, kPlaces, kCompanies), nullptr, en::WordClusters(), {}, nullptr,
                         old_features, nullptr),
               std::invalid_argument);

  const std::string broken = testing::TempDir() + "/broken.model";
  std::ofstream(broken) << "not a model";
  try {
    en::Model::load(broken);
    FAIL() << "a broken model was loaded";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(broken), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("tagwerk-train-entities"), std::string::npos) << e.what();
  }
}

TEST(Engine, OtherNamesAreLearntApartAndReportedAsMisc) {
  // Companies trained as other names (as GUM's abstract and object names
  // are): the tagger delimits them, the engine reports them as MISC.
  auto training = sentences(kPeople, kPlaces, kCompanies);
  for (auto& s : training)
    for (std::size_t i = 0; i < s.tags.size(); ++i)
      if (s.tags[i] == "B-ORG") s.tags[i] = "B-" + std::string(en::kOtherNameType);
  const en::Engine engine = engine_of(*tiny_model(training), "entities_other_names_test");
  const std::string text = "Maria Schulz besuchte gestern Dresden .\nSchulz sagte , Zeiss habe investiert .";
  const en::Input in = tokenize(text);
  auto scratch = en::Engine::make_scratch();
  en::Result r;
  engine.analyze(in, *scratch, r);
  std::map<std::string, std::string> label;
  for (const auto& m : r.mentions) label[text.substr(m.begin, m.end - m.begin)] = m.label;
  EXPECT_EQ(label["Maria Schulz"], "PER");
  EXPECT_EQ(label["Dresden"], "LOC");
  EXPECT_EQ(label["Zeiss"], "MISC");
}

TEST(Engine, PunctuationAloneIsNoMentionWhateverTheTaggerSays) {
  // A model that learnt the comma after "sagte" as a name of its own.
  auto training = sentences(kPeople, kPlaces, kCompanies);
  for (auto& s : training)
    for (std::size_t i = 1; i < s.words.size(); ++i)
      if (s.words[i] == "," && s.words[i - 1] == "sagte") s.tags[i] = "B-ORG";
  const auto model = tiny_model(training);
  ASSERT_DOUBLE_EQ(en::chunk_f1(*model, nullptr, training), 1.0) << "the model tags the comma";
  const en::Engine engine = engine_of(*model, "entities_punct_test");
  const std::string text = "Maria Schulz besuchte gestern Dresden .\nSchulz sagte , Zeiss habe investiert .";
  const en::Input in = tokenize(text);
  auto scratch = en::Engine::make_scratch();
  en::Result r;
  engine.analyze(in, *scratch, r);
  std::vector<std::string> spans;
  for (const auto& m : r.mentions) spans.push_back(text.substr(m.begin, m.end - m.begin) + "/" + m.label);
  EXPECT_EQ(spans, (std::vector<std::string>{"Maria Schulz/PER", "Dresden/LOC", "Schulz/PER", "Zeiss/ORG"}));
}

TEST(Engine, TagsClustersAndNamesADocument) {
  const std::filesystem::path dir = std::filesystem::path(testing::TempDir()) / "entities_engine_test";
  std::filesystem::create_directories(dir);
  tiny_model()->save((dir / "de.model").string());
  write_word_lists(dir, "de", "# titles\nFrau\n");
  const en::Engine engine(dir.string(), {"de"}, {}, {}, en::Options());
  EXPECT_EQ(engine.languages(), std::vector<std::string>{"de"});
  EXPECT_EQ(engine.files().size(), 6u) << "the model and five word lists";

  const std::string text =
      "Maria Schulz besuchte gestern Dresden .\nSchulz sagte , Zeiss habe investiert .\nDie Stadt wächst .";
  en::Input in = tokenize(text);
  in.sentences.back().lang = "fr";  // no model: left untagged
  auto scratch = en::Engine::make_scratch();
  en::Result r;
  engine.analyze(in, *scratch, r);
  std::map<std::string, std::string> label, name;
  for (const auto& m : r.mentions) {
    const std::string t = text.substr(m.begin, m.end - m.begin);
    label[t] = m.label;
    name[t] = r.clusters[m.cluster].name;
    EXPECT_GT(m.score, 0.0f);
    EXPECT_LT(m.score, 1.0f);
  }
  EXPECT_EQ(label["Maria Schulz"], "PER");
  EXPECT_EQ(label["Dresden"], "LOC");
  EXPECT_EQ(label["Zeiss"], "ORG");
  EXPECT_EQ(name["Schulz"], "Maria Schulz");
  EXPECT_EQ(label.count("Stadt"), 0u);

  en::Options strict;
  strict.min_score = 0.999f;
  const en::Engine picky(dir.string(), {"de"}, {}, {}, strict);
  picky.analyze(in, *scratch, r);
  EXPECT_LT(r.mentions.size(), label.size()) << "min_score drops the less certain mentions";

  EXPECT_THROW(en::Engine(dir.string(), {"en"}, {}, {}, en::Options()), std::runtime_error);
  std::filesystem::remove(dir / "determiners_de.txt");
  try {
    en::Engine(dir.string(), {"de"}, {}, {}, en::Options());
    ADD_FAILURE() << "a missing word list is an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("determiners_de.txt: cannot read the determiners"),
              std::string::npos)
        << e.what();
  }
}
