// Reading JSON Lines corpora through open_input: field mapping, pass-through
// of unknown fields, the error policy (no record dropped), compression,
// standard input and shards.
#include <tagwerk/core/error.hpp>
#include <tagwerk/core/input.hpp>

#include <gtest/gtest.h>

#include <unistd.h>
#include <zlib.h>
#include <zstd.h>
#include "io_test_support.hpp"

#include <fcntl.h>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace tagwerk::core {
namespace {

namespace fs = std::filesystem;
using test::read_all;

const std::string kData = TAGWERK_TEST_DATA_DIR "/io";

const Field* field(const Document& doc, std::string_view key) {
  for (const auto& f : doc.fields)
    if (f.key == key) return &f;
  return nullptr;
}

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

class JsonlReader : public test::TempDirTest {
 protected:
  InputOptions options(std::vector<std::string> paths) {
    InputOptions o;
    o.paths = std::move(paths);
    return o;
  }
};

TEST_F(JsonlReader, MapsRenamedFieldsAndKeepsEveryFieldRaw) {
  InputOptions o = options({kData + "/renamed.jsonl"});
  o.fields.id = "doc_id";
  o.fields.text = "body";
  o.fields.title = "headline";
  const auto docs = read_all(o);
  ASSERT_EQ(docs.size(), 2u) << "the blank line is not a record";

  const Document& a = docs[0];
  EXPECT_FALSE(a.unreadable);
  EXPECT_EQ(a.id, "a1");
  EXPECT_EQ(a.text, "Putin trifft Trump.");
  EXPECT_EQ(a.meta("title"), "G20 in Hamburg");
  EXPECT_TRUE(a.errors.empty()) << a.errors[0].message;
  EXPECT_EQ(a.origin.source, kData + "/renamed.jsonl");
  EXPECT_EQ(a.origin.number, 1u);
  std::vector<std::string> keys;
  for (const auto& f : a.fields) keys.push_back(f.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"doc_id", "headline", "body", "score", "n", "meta", "empty"}));
  // Unknown fields come back exactly as written: number spelling, big integers, nesting, null.
  EXPECT_EQ(field(a, "score")->raw_json, "1.50");
  EXPECT_EQ(field(a, "n")->raw_json, "12345678901234567890123");
  EXPECT_EQ(field(a, "meta")->raw_json, R"({"tags": ["g20", "x"], "ok": true})");
  EXPECT_EQ(field(a, "empty")->raw_json, "null");
  EXPECT_EQ(field(a, "headline")->raw_json, R"("G20 in Hamburg")");
  EXPECT_EQ(field(a, "headline")->string_value, "G20 in Hamburg");
  EXPECT_FALSE(field(a, "body")->string_value.has_value()) << "the text lives in Document::text only";

  const Document& b = docs[1];
  EXPECT_EQ(b.id, "7") << "a numeric id is taken as written";
  EXPECT_EQ(b.origin.number, 3u) << "origin counts physical lines";
  EXPECT_EQ(b.text, "Zweiter Artikel mit \"Zitat\" und \\u00e4 = \xC3\xA4.");
  EXPECT_EQ(field(b, "flags")->raw_json, "[1, 2.0e3, false]");
  const std::pair<std::string, std::string> renamed_text{"text", "body"};
  EXPECT_NE(std::find(b.field_names.begin(), b.field_names.end(), renamed_text), b.field_names.end());
}

TEST_F(JsonlReader, ABrokenLineIsKeptAsAnUnreadableRecord) {
  const std::string path = write("broken.jsonl",
                                 "{\"id\": \"one\", \"text\": \"Erster.\"}\n"
                                 "{\"id\": \"two\", \"text\": \"kaputt\", \"x\": [1, 2}\n"
                                 "{\"id\": \"three\", \"text\": \"Dritter.\"}\n");
  const auto docs = read_all(options({path}));
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_FALSE(docs[0].unreadable);
  EXPECT_FALSE(docs[2].unreadable);
  EXPECT_EQ(docs[2].text, "Dritter.");
  const Document& bad = docs[1];
  EXPECT_TRUE(bad.unreadable);
  EXPECT_EQ(bad.id, "two") << "the id read before the break is salvaged";
  EXPECT_TRUE(bad.fields.empty());
  EXPECT_TRUE(bad.text.empty());
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].plugin, "input");
  EXPECT_TRUE(contains(bad.errors[0].message, "line 2 of " + path)) << bad.errors[0].message;
  EXPECT_TRUE(contains(bad.errors[0].message, "not valid JSON")) << bad.errors[0].message;
}

TEST_F(JsonlReader, EveryKindOfBrokenLineGivesOneRecord) {
  const std::vector<std::string> lines = {
      R"({"text": "no closing brace")",
      R"({"text": "a", "n": 12x})",
      R"({"text": "a", "b": tru})",
      R"({"text": "a", "nested": {"k": [1, , 2]}})",
      R"({"text": "a"} {"text": "b"})",
      R"(["an", "array"])",
      R"("just a string")",
      R"({"text": "bad escape \q"})",
      R"({"text": "a",})",
  };
  std::string all;
  for (const auto& l : lines) all += l + "\n";
  const std::string path = write("many.jsonl", all);
  const auto docs = read_all(options({path}));
  ASSERT_EQ(docs.size(), lines.size());
  for (std::size_t i = 0; i < docs.size(); ++i) {
    EXPECT_TRUE(docs[i].unreadable) << lines[i];
    EXPECT_EQ(docs[i].id, path + ":" + std::to_string(i + 1)) << lines[i];
    ASSERT_EQ(docs[i].errors.size(), 1u) << lines[i];
  }
}

TEST_F(JsonlReader, InvalidUtf8IsRepairedWithAWarning) {
  const std::string path =
      write("utf8.jsonl", "{\"id\": \"u\", \"title\": \"ok\", \"text\": \"Gipfel\xFF und \xC3\"}\n");
  const auto docs = read_all(options({path}));
  ASSERT_EQ(docs.size(), 1u);
  const Document& d = docs[0];
  EXPECT_FALSE(d.unreadable);
  EXPECT_EQ(d.text, "Gipfel\xEF\xBF\xBD und \xEF\xBF\xBD");
  EXPECT_EQ(field(d, "text")->raw_json, "\"Gipfel\xEF\xBF\xBD und \xEF\xBF\xBD\"");
  EXPECT_TRUE(d.errors.empty());  // repaired: a warning, not a failed record
  ASSERT_EQ(d.warnings.size(), 1u);
  EXPECT_TRUE(contains(d.warnings[0].message, "invalid UTF-8 in field 'text'")) << d.warnings[0].message;
  EXPECT_TRUE(contains(d.warnings[0].message, "record 'u' (line 1 of " + path)) << d.warnings[0].message;
}

TEST_F(JsonlReader, LoneSurrogateEscapesAreRepairedWithAWarning) {
  // A cut-off emoji (\ud83d alone), a proper pair, and an escaped backslash before "ud800" (plain text).
  const std::string path = write("sur.jsonl", R"({"id": "t", "text": "a \ud83d b \ud83d\ude00 \\ud800"})"
                                              "\n");
  const auto docs = read_all(options({path}));
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_FALSE(docs[0].unreadable);
  EXPECT_EQ(docs[0].text, "a \xEF\xBF\xBD b \xF0\x9F\x98\x80 \\ud800");
  EXPECT_TRUE(docs[0].errors.empty());
  ASSERT_EQ(docs[0].warnings.size(), 1u);
  EXPECT_TRUE(contains(docs[0].warnings[0].message, "lone UTF-16 surrogate")) << docs[0].warnings[0].message;
}

TEST_F(JsonlReader, EmptyMissingAndNonStringTextAreReportedNotDropped) {
  const std::string path = write("empty.jsonl",
                                 "{\"id\": \"e\", \"text\": \"\"}\n"
                                 "{\"id\": \"m\", \"body\": \"wrong field\"}\n"
                                 "{\"id\": \"n\", \"text\": 42}\n");
  const auto docs = read_all(options({path}));
  ASSERT_EQ(docs.size(), 3u);
  for (const auto& d : docs) {
    EXPECT_FALSE(d.unreadable);
    EXPECT_TRUE(d.text.empty());
    ASSERT_EQ(d.errors.size(), 1u);
    EXPECT_EQ(d.errors[0].plugin, "input");
  }
  EXPECT_TRUE(contains(docs[0].errors[0].message,
                       "record 'e' (line 1 of " + path + ") has an empty text field 'text'"))
      << docs[0].errors[0].message;
  EXPECT_TRUE(contains(docs[1].errors[0].message, "no text field 'text' (its fields: id, body)"))
      << docs[1].errors[0].message;
  EXPECT_TRUE(contains(docs[2].errors[0].message, "is a number, not a string")) << docs[2].errors[0].message;
  EXPECT_EQ(field(docs[2], "text")->raw_json, "42");
}

TEST_F(JsonlReader, OversizedTextIsPassedThroughUnanalysed) {
  const std::string big(2000, 'a');
  const std::string path =
      write("big.jsonl", "{\"id\": \"big\", \"text\": \"" + big + "\"}\n{\"id\": \"s\", \"text\": \"ok\"}\n");
  InputOptions o = options({path});
  o.max_text_bytes = 1000;
  const auto docs = read_all(o);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_FALSE(docs[0].unreadable);
  EXPECT_TRUE(docs[0].text.empty());
  EXPECT_EQ(field(docs[0], "text")->raw_json, "\"" + big + "\"") << "written back as it was";
  ASSERT_EQ(docs[0].errors.size(), 1u);
  EXPECT_TRUE(contains(docs[0].errors[0].message, "2000 bytes, more than the limit of 1000 bytes"))
      << docs[0].errors[0].message;
  EXPECT_EQ(docs[1].text, "ok");
}

TEST_F(JsonlReader, ALineBeyondTheLineLimitIsSkippedButCounted) {
  // The line limit is 4 * max_text_bytes + 1 MiB.
  const std::string huge(1200u << 10, 'x');
  const std::string path = write(
      "huge.jsonl", "{\"id\": \"h\", \"text\": \"" + huge + "\"}\n{\"id\": \"after\", \"text\": \"t\"}\n");
  InputOptions o = options({path});
  o.max_text_bytes = 10;
  const auto docs = read_all(o);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_TRUE(docs[0].unreadable);
  EXPECT_EQ(docs[0].id, "h");
  EXPECT_TRUE(contains(docs[0].errors[0].message, "line 1 of " + path)) << docs[0].errors[0].message;
  EXPECT_EQ(docs[1].id, "after");
  EXPECT_EQ(docs[1].origin.number, 2u);
}

TEST_F(JsonlReader, ABlankLineBeyondTheLineLimitIsNoRecord) {
  // Found by fuzz_jsonl_reader: a blank line longer than the limit came out as an unreadable record.
  std::string blank(1200u << 10, ' ');
  blank[1000] = '\t';
  blank[(1100u << 10)] = '\r';
  const std::string path = write("blank.jsonl", "{\"id\": \"before\", \"text\": \"t\"}\n" + blank +
                                                    "\n{\"id\": \"after\", \"text\": \"t\"}\n" + blank);
  InputOptions o = options({path});
  o.max_text_bytes = 10;
  const auto docs = read_all(o);
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "before");
  EXPECT_EQ(docs[1].id, "after");
  EXPECT_EQ(docs[1].origin.number, 3u);
  EXPECT_TRUE(docs[1].errors.empty());
}

TEST_F(JsonlReader, MissingIdsAreMadeFromSourceAndLine) {
  const std::string path = write("noid.jsonl", "\n{\"text\": \"a\"}\r\n  \n{\"text\": \"b\"}");
  const auto docs = read_all(options({path}));
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, path + ":2");
  EXPECT_EQ(docs[1].id, path + ":4");
  EXPECT_EQ(docs[1].text, "b") << "a last line without newline is read";
}

std::string gzip(const std::string& data) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string zstd(const std::string& data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3));
  return out;
}

std::string corpus(int n) {
  std::string s;
  for (int i = 0; i < n; ++i)
    s += "{\"id\": \"d" + std::to_string(i) + "\", \"text\": \"Artikel Nummer " + std::to_string(i) +
         " \xC3\xA4 " + std::string(static_cast<std::size_t>(i % 50), 'z') +
         "\", \"n\": " + std::to_string(i) + "}\n";
  return s;
}

void expect_same(const std::vector<Document>& a, const std::vector<Document>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].id, b[i].id);
    EXPECT_EQ(a[i].text, b[i].text);
    ASSERT_EQ(a[i].fields.size(), b[i].fields.size());
    for (std::size_t j = 0; j < a[i].fields.size(); ++j)
      EXPECT_EQ(a[i].fields[j].raw_json, b[i].fields[j].raw_json);
  }
}

TEST_F(JsonlReader, GzipAndZstdReadLikePlain) {
  const std::string data = corpus(30000);  // a few MB: several read chunks
  const auto plain = read_all(options({write("c.jsonl", data)}));
  ASSERT_EQ(plain.size(), 30000u);
  expect_same(read_all(options({write("c.jsonl.gz", gzip(data))})), plain);
  expect_same(read_all(options({write("c.jsonl.zst", zstd(data))})), plain);
}

TEST_F(JsonlReader, SeveralPathsAreReadInOrderWithProgress) {
  const std::string a = write("a.jsonl", corpus(3)), b = write("b.jsonl.zst", zstd(corpus(2)));
  auto reader = open_input(options({a, b}));
  ASSERT_TRUE(reader->total_bytes().has_value());
  EXPECT_EQ(*reader->total_bytes(), fs::file_size(a) + fs::file_size(b));
  std::vector<std::string> ids;
  Document d;
  while (reader->next(d)) ids.push_back(d.origin.source + "#" + d.id);
  EXPECT_EQ(ids, (std::vector<std::string>{a + "#d0", a + "#d1", a + "#d2", b + "#d0", b + "#d1"}));
  EXPECT_EQ(reader->bytes_consumed(), *reader->total_bytes());
}

TEST_F(JsonlReader, ATruncatedCompressedFileEndsWithOneErrorRecord) {
  const std::string z = gzip(corpus(20000));
  const std::string path = write("t.jsonl.gz", z.substr(0, z.size() / 2));
  const std::string next = write("next.jsonl", corpus(1));
  const auto docs = read_all(options({path, next}));
  ASSERT_GE(docs.size(), 3u);
  const Document& err = docs[docs.size() - 2];
  EXPECT_TRUE(err.unreadable);
  EXPECT_TRUE(contains(err.errors.at(0).message, "reading " + path + " stopped before line"))
      << err.errors.at(0).message;
  EXPECT_EQ(docs.back().origin.source, next) << "the next input is still read";
}

TEST_F(JsonlReader, ShardsPartitionTheInputExactly) {
  const std::string data = corpus(11) + "\n{broken\n";  // 12 records, a blank line is none
  const std::string a = write("s.jsonl", data), b = write("s2.jsonl", corpus(4));
  std::vector<std::string> all;
  for (const auto& d : read_all(options({a, b})))
    all.push_back(d.origin.source + ":" + std::to_string(d.origin.number));
  ASSERT_EQ(all.size(), 16u);
  for (std::uint32_t n : {1u, 2u, 3u}) {
    std::vector<std::string> merged;
    for (std::uint32_t k = 1; k <= n; ++k) {
      InputOptions o = options({a, b});
      o.shard = Shard{k, n};
      const auto part = read_all(o);
      for (std::size_t i = 0; i < part.size(); ++i) {
        merged.push_back(part[i].origin.source + ":" + std::to_string(part[i].origin.number));
      }
    }
    std::sort(merged.begin(), merged.end());
    std::vector<std::string> expected = all;
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(merged, expected) << "shards of " << n;
  }
  InputOptions first = options({a, b});
  first.shard = Shard{1, 2};
  const auto half = read_all(first);
  ASSERT_EQ(half.size(), 8u);
  EXPECT_EQ(half[1].id, "d2") << "ordinals 0, 2, 4, ...";
}

TEST_F(JsonlReader, ReadsStandardInput) {
  const std::string path = write("in.jsonl.gz", gzip("{\"text\": \"von stdin\"}\n{\"text\": \"zwei\"}\n"));
  const int saved = ::dup(STDIN_FILENO);
  const int fd = ::open(path.c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  ::dup2(fd, STDIN_FILENO);
  ::close(fd);
  std::vector<Document> docs;
  std::optional<std::uint64_t> total = 0;
  {
    auto reader = open_input(options({"-"}));
    total = reader->total_bytes();
    Document d;
    while (reader->next(d)) docs.push_back(std::move(d));
  }
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  EXPECT_FALSE(total.has_value());
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].id, "stdin:2");
  EXPECT_EQ(docs[1].origin.source, "<stdin>");
  EXPECT_EQ(docs[0].text, "von stdin");
}

TEST_F(JsonlReader, SetupErrorsNameThePathAndTheFix) {
  try {
    open_input(options({(dir_ / "missing.jsonl").string()}));
    FAIL() << "a missing input was accepted";
  } catch (const SetupError& e) {
    EXPECT_TRUE(contains(e.what(), "missing.jsonl")) << e.what();
    EXPECT_TRUE(contains(e.what(), "check the path")) << e.what();
  }
  EXPECT_THROW(open_input(options({})), SetupError);
  InputOptions bad_shard = options({write("x.jsonl", "")});
  bad_shard.shard = Shard{3, 2};
  EXPECT_THROW(open_input(bad_shard), SetupError);
  InputOptions folder_as_jsonl = options({dir_.string()});
  folder_as_jsonl.format = InputFormat::jsonl;
  EXPECT_THROW(open_input(folder_as_jsonl), SetupError);
}

}  // namespace
}  // namespace tagwerk::core
