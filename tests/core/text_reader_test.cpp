// Reading folders of text files (and single text files) through open_input.
#include <tagwerk/core/error.hpp>
#include <tagwerk/core/input.hpp>

#include <gtest/gtest.h>

#include <unistd.h>
#include <zlib.h>
#include "io_test_support.hpp"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace tagwerk::core {
namespace {

namespace fs = std::filesystem;
using test::read_all;

const std::string kArticles = TAGWERK_TEST_DATA_DIR "/io/articles";

InputOptions options(std::vector<std::string> paths) {
  InputOptions o;
  o.paths = std::move(paths);
  return o;
}

class TextReader : public test::TempDirTest {
 protected:
};

TEST_F(TextReader, AFolderGivesOneDocumentPerTextFileSortedByPath) {
  const auto docs = read_all(options({kArticles}));
  ASSERT_EQ(docs.size(), 3u) << "notes.md is not a text file";
  EXPECT_EQ(docs[0].id, "2017/07/abschluss");
  EXPECT_EQ(docs[1].id, "2017/07/g20-treffen");
  EXPECT_EQ(docs[2].id, "intro");
  EXPECT_EQ(docs[0].text, "Die Gipfelerkl\xC3\xA4rung ist fertig.");
  EXPECT_EQ(docs[1].text, "Putin und Trump treffen sich in Hamburg.\n");
  EXPECT_EQ(docs[1].origin.source, kArticles + "/2017/07/g20-treffen.txt");
  EXPECT_EQ(docs[1].origin.number, 2u);
  for (const auto& d : docs) {
    EXPECT_FALSE(d.unreadable);
    EXPECT_TRUE(d.errors.empty());
    ASSERT_EQ(d.fields.size(), 2u);
    EXPECT_EQ(d.fields[0].key, "id");
    EXPECT_EQ(d.fields[0].raw_json, "\"" + d.id + "\"");
    EXPECT_EQ(d.fields[1].key, "text");
  }
  EXPECT_EQ(docs[1].fields[1].raw_json, "\"Putin und Trump treffen sich in Hamburg.\\n\"");
}

TEST_F(TextReader, TotalBytesAndProgressCoverTheFolder) {
  auto reader = open_input(options({kArticles}));
  std::uint64_t expected = 0;
  for (const char* f : {"/2017/07/abschluss.txt", "/2017/07/g20-treffen.txt", "/intro.txt"})
    expected += fs::file_size(kArticles + f);
  EXPECT_EQ(reader->total_bytes(), expected);
  Document d;
  while (reader->next(d)) {
  }
  EXPECT_EQ(reader->bytes_consumed(), expected);
}

TEST_F(TextReader, BadFilesAreReportedNotDropped) {
  write("a-empty.txt", "");
  write("b-bom.txt", "\xEF\xBB\xBFMit BOM");
  write("c-latin1.txt", "Gipfelerkl\xE4rung");
  write("d-big.txt", std::string(100, 'x'));
  InputOptions o = options({dir_.string()});
  o.max_text_bytes = 50;
  const auto docs = read_all(o);
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_TRUE(docs[0].text.empty());
  ASSERT_EQ(docs[0].errors.size(), 1u);
  EXPECT_NE(docs[0].errors[0].message.find("a-empty.txt"), std::string::npos) << docs[0].errors[0].message;
  EXPECT_EQ(docs[1].text, "Mit BOM");
  EXPECT_TRUE(docs[1].errors.empty());
  EXPECT_EQ(docs[2].text, "Gipfelerkl\xEF\xBF\xBDrung");
  EXPECT_TRUE(docs[2].errors.empty());  // repaired: a warning
  ASSERT_EQ(docs[2].warnings.size(), 1u);
  EXPECT_NE(docs[2].warnings[0].message.find("invalid UTF-8"), std::string::npos);
  EXPECT_TRUE(docs[3].text.empty());
  ASSERT_EQ(docs[3].errors.size(), 1u);
  EXPECT_NE(docs[3].errors[0].message.find("100 bytes of text, more than the limit of 50 bytes"),
            std::string::npos)
      << docs[3].errors[0].message;
}

TEST_F(TextReader, CompressedTextFilesAndSingleFiles) {
  const std::string plain = "Ein Text \xC3\xA4.\n";
  const std::string path = (dir_ / "sub" / "z.txt.gz").string();
  fs::create_directories(dir_ / "sub");
  gzFile gz = gzopen(path.c_str(), "wb");
  gzwrite(gz, plain.data(), static_cast<unsigned>(plain.size()));
  gzclose(gz);
  const auto docs = read_all(options({dir_.string()}));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "sub/z");
  EXPECT_EQ(docs[0].text, plain);

  // A single .txt path is one document in automatic format.
  const std::string single = write("one.txt", "Allein.");
  const auto one = read_all(options({single}));
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].id, "one");
  EXPECT_EQ(one[0].text, "Allein.");
}

TEST_F(TextReader, ShardsSplitTheFilesOfAFolder) {
  std::vector<std::string> ids;
  for (std::uint32_t k = 1; k <= 2; ++k) {
    InputOptions o = options({kArticles});
    o.shard = Shard{k, 2};
    for (const auto& d : read_all(o)) ids.push_back(d.id);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"2017/07/abschluss", "intro", "2017/07/g20-treffen"}));
}

TEST_F(TextReader, AFolderWithoutTextFilesIsASetupError) {
  write("readme.md", "nothing");
  try {
    open_input(options({dir_.string()}));
    FAIL() << "an empty folder was accepted";
  } catch (const SetupError& e) {
    EXPECT_NE(std::string(e.what()).find(dir_.string()), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace tagwerk::core
