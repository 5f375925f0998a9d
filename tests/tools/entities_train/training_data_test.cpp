// The gold NER sets as the tagger learns them (tools/entities_train): labels
// mapped, spans on segment's tokens, and GUM's noun-phrase spans trimmed to
// the names in them, the rest of the phrase left outside any name.
#include "training_data.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using tagwerk::tools::LoadStats;
using tagwerk::tools::TrainingFile;

tagwerk::segment::Segmenter segmenter() {
  tagwerk::segment::SegmentOptions options;
  options.detect_language = false;
  return tagwerk::segment::Segmenter(tagwerk::segment::Lexicon::from_data_dir(TAGWERK_SEGMENT_DATA), options);
}

std::vector<tagwerk::entities::TrainingSentence> load(const std::string& format, const std::string& jsonl) {
  // One file per test: ctest runs the tests of this binary at once.
  const fs::path path =
      fs::path(testing::TempDir()) /
      (std::string(testing::UnitTest::GetInstance()->current_test_info()->name()) + "_" + format + ".jsonl");
  std::ofstream(path) << jsonl;
  LoadStats stats;
  return tagwerk::tools::load_sentences(TrainingFile{format, path.string()}, segmenter(), nullptr, false,
                                        stats);
}

std::vector<std::string> pairs(const tagwerk::entities::TrainingSentence& s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.words.size(); ++i) out.push_back(s.words[i] + "/" + s.tags[i]);
  return out;
}

TEST(TrainingData, AGumPhraseIsTrimmedToItsNameAndTheRestIsNoName) {
  const auto sentences = load(
      "gum",
      R"({"id":"g1","tokens":["Takashi","Nishioka",",","who","took","over",",","met","the","Bank","of","England",",","the","central","bank","."],)"
      R"("tags":["B-person","I-person","I-person","I-person","I-person","I-person","O","O","B-organization","I-organization","I-organization","I-organization","I-organization","I-organization","I-organization","I-organization","O"]})"
      "\n");
  ASSERT_EQ(sentences.size(), 1u);
  const std::vector<std::string> want = {
      "Takashi/B-PER", "Nishioka/I-PER", ",/O",       "who/O",      "took/O",   "over/O",
      ",/O",           "met/O",          "the/B-ORG", "Bank/I-ORG", "of/I-ORG", "England/I-ORG",
      ",/O",           "the/O",          "central/O", "bank/O",     "./O"};
  EXPECT_EQ(pairs(sentences[0]), want);
}

TEST(TrainingData, GumEventsAreMiscAndItsOtherNamedKindsANameOfNoLabel) {
  // GUM's abstract names ("Figure 1", hashtags, languages) are no CoNLL
  // MISC: the tagger learns them as names of no reported label.
  const auto sentences =
      load("gum", R"({"id":"g2","tokens":["See","Figure","1","on","the","Olympics","in","English","."],)"
                  R"("tags":["O","B-abstract","I-abstract","O","B-event","I-event","O","B-abstract","O"]})"
                  "\n");
  ASSERT_EQ(sentences.size(), 1u);
  const std::vector<std::string> want = {"See/O", "Figure/B-NAME",  "1/I-NAME",
                                         "on/O",  "the/B-MISC",     "Olympics/I-MISC",
                                         "in/O",  "English/B-NAME", "./O"};
  EXPECT_EQ(pairs(sentences[0]), want);
}

TEST(TrainingData, GermEvalLabelsAreKeptWithOtherAsMisc) {
  const auto sentences = load(
      "germeval",
      R"({"id":"d1","tokens":["Die","russische","Regierung","in","Moskau","kritisierte","den","Tatort","."],)"
      R"("tags":["O","B-LOCderiv","O","O","B-LOC","O","O","B-OTH","O"]})"
      "\n");
  ASSERT_EQ(sentences.size(), 1u);
  const std::vector<std::string> want = {"Die/O", "russische/B-LOCderiv", "Regierung/O",
                                         "in/O",  "Moskau/B-LOC",         "kritisierte/O",
                                         "den/O", "Tatort/B-MISC",        "./O"};
  EXPECT_EQ(pairs(sentences[0]), want);
}

}  // namespace
