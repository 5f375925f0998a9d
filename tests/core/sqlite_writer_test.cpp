// The SQLite writer on a record made by hand: a shipped layer with a table of
// its own keeps every attribute, those SQL cannot name as a column in
// span_attributes.
#include <tagwerk/core/chain.hpp>
#include <tagwerk/core/document.hpp>
#include <tagwerk/core/record_writer.hpp>

#include <sqlite3.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace tagwerk::core;

std::string one(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) return sqlite3_errmsg(db);
  std::string out = "(no row)";
  if (sqlite3_step(s) == SQLITE_ROW) {
    const auto* t = sqlite3_column_text(s, 0);
    out = t ? reinterpret_cast<const char*>(t) : "NULL";
  }
  sqlite3_finalize(s);
  return out;
}

/// A chain of one plugin, "segmenter", that provides `layers`.
Chain segmenter_chain(std::vector<LayerSpec> layers) {
  static std::vector<std::unique_ptr<PluginInfo>> infos;  // the chain points at its plugin's info
  auto& info = *infos.emplace_back(std::make_unique<PluginInfo>());
  info.name = "segmenter";
  info.provides = std::move(layers);
  Chain chain;
  ChainStep step;
  step.plugin = info.name;
  step.info = &info;
  chain.steps.push_back(step);
  return chain;
}

/// `docs` written to a new database; its path.
fs::path write_database(const std::string& name, const Chain& chain, const std::vector<Document>& docs) {
  const fs::path path = fs::temp_directory_path() / (name + "_" + std::to_string(::getpid()) + ".sqlite");
  auto writer = make_sqlite_writer(path, chain, OffsetUnit::codepoints, {});
  std::string formatted;
  for (const Document& doc : docs) {
    formatted.clear();
    writer->format(doc, formatted);
    writer->write(formatted);
  }
  writer->finish();
  return path;
}

TEST(SqliteWriter, AnAttributeWithoutAColumnOfItsTableIsInSpanAttributes) {
  // "end" is a fixed column and "x-y" no SQL name: neither can be a column of `sentences`.
  const Chain chain = segmenter_chain({LayerSpec{
      "sentence",
      "",
      {{"lang", TW_VALUE_STRING, "", ""}, {"end", TW_VALUE_INT, "", ""}, {"x-y", TW_VALUE_STRING, "", ""}}}});
  std::vector<Document> docs(1);
  Document& doc = docs[0];
  doc.id = "d1";
  doc.text = "Eins. Zwei.";
  Layer& sentences = doc.layer("sentence");
  for (std::uint32_t b : {0u, 6u}) {
    const std::size_t i = sentences.add(b, b + 5, "");
    sentences.set_string(i, "lang", "de");
    sentences.set_int(i, "end", 42);
    if (b == 0) sentences.set_string(i, "x-y", "first");
  }
  const fs::path path = write_database("sqlite_writer_test", chain, docs);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  EXPECT_EQ(one(db, "SELECT group_concat(lang || ' ' || \"end\", '|') FROM sentences"), "de 5|de 11");
  EXPECT_EQ(one(db, "SELECT count(*) FROM span_attributes WHERE layer = 'sentence' AND name = 'lang'"), "0");
  EXPECT_EQ(one(db,
                "SELECT group_concat(idx || ':' || value, '|') FROM (SELECT idx, value FROM span_attributes "
                "WHERE layer = 'sentence' AND name = 'end' ORDER BY idx)"),
            "0:42|1:42");
  EXPECT_EQ(
      one(db, "SELECT type || ' ' || value FROM span_attributes WHERE layer = 'sentence' AND name = 'x-y'"),
      "string first");
  EXPECT_EQ(one(db, "SELECT count(*) FROM spans WHERE layer = 'sentence'"), "2")
      << "the spans once, in sentences";
  sqlite3_close(db);
  fs::remove(path);
}

// Tokens and sentences are one JSON row per record beneath views that give
// the columns a table of a row per span would: values, their SQL types, a
// label that needs escaping, a span without offsets, every digit of a float.
TEST(SqliteWriter, ThePackedSegmentationLayersReadAsTables) {
  const Chain chain = segmenter_chain({LayerSpec{"sentence",
                                                 "",
                                                 {{"lang", TW_VALUE_STRING, "", ""},
                                                  {"weight", TW_VALUE_FLOAT, "", ""},
                                                  {"question", TW_VALUE_BOOL, "", ""}}},
                                       LayerSpec{"token", "", {}}});

  std::vector<Document> docs(2);
  docs[0].id = "d1";
  docs[0].text = "Süß? Ja.";  // offsets in code points: ß and ü are two bytes each
  Layer& sentences = docs[0].layer("sentence");
  const std::size_t first = sentences.add(0, 6, "");
  sentences.set_string(first, "lang", "de");
  sentences.set_float(first, "weight", 0.1234567890123);
  sentences.set_bool(first, "question", true);
  const std::size_t second = sentences.add(7, 10, "");
  sentences.set_bool(second, "question", false);
  Layer& tokens = docs[0].layer("token");
  tokens.add(0, 5, "word");
  tokens.add(5, 6, "p\"unct\\");
  tokens.add(7, 9, "wört");
  tokens.add(TW_NO_OFFSET, TW_NO_OFFSET, "");
  docs[1].id = "d2";
  docs[1].text = "Nichts.";  // no layers: no packed rows
  const fs::path path = write_database("sqlite_writer_test_packed", chain, docs);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  EXPECT_EQ(one(db,
                "SELECT group_concat(doc || ' ' || idx || ' ' || ifnull(\"begin\", '-') || ' ' || "
                "ifnull(\"end\", '-') || ' ' || ifnull(label, '-'), '|') FROM tokens"),
            "1 0 0 3 word|1 1 3 4 p\"unct\\|1 2 5 7 wört|1 3 - - -");
  EXPECT_EQ(one(db,
                "SELECT group_concat(typeof(\"begin\") || typeof(label), ' ') FROM tokens WHERE doc = 1 "
                "AND idx < 2"),
            "integertext integertext");
  EXPECT_EQ(one(db,
                "SELECT group_concat(\"begin\" || '-' || \"end\" || ' ' || ifnull(lang, '-') || ' ' || "
                "question, '|') FROM sentences"),
            "0-4 de 1|5-8 - 0");
  EXPECT_EQ(
      one(db, "SELECT weight = 0.1234567890123 AND typeof(weight) = 'real' FROM sentences WHERE idx = 0"),
      "1");
  EXPECT_EQ(one(db, "SELECT typeof(question) FROM sentences WHERE idx = 0"), "integer");
  EXPECT_EQ(one(db, "SELECT count(*) FROM tokens_packed"), "1") << "one row per record with tokens";
  EXPECT_EQ(one(db, "SELECT count(*) FROM spans WHERE layer = 'token'"), "4");
  EXPECT_EQ(one(db, "SELECT count(*) FROM span_attributes"), "0") << "every attribute has its column";
  sqlite3_close(db);
  fs::remove(path);
}

}  // namespace
