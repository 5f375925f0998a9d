// The SQLite writer on a record made by hand: a shipped layer with a table of
// its own keeps every attribute, those SQL cannot name as a column in
// span_attributes.
#include <tagwerk/core/chain.hpp>
#include <tagwerk/core/document.hpp>
#include <tagwerk/core/record_writer.hpp>

#include <sqlite3.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

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

TEST(SqliteWriter, AnAttributeWithoutAColumnOfItsTableIsInSpanAttributes) {
  static PluginInfo info = [] {
    PluginInfo p;
    p.name = "segmenter";
    // "end" is a fixed column and "x-y" no SQL name: neither can be a column of `sentences`.
    p.provides.push_back(LayerSpec{"sentence",
                                   "",
                                   {{"lang", TW_VALUE_STRING, "", ""},
                                    {"end", TW_VALUE_INT, "", ""},
                                    {"x-y", TW_VALUE_STRING, "", ""}}});
    return p;
  }();
  Chain chain;
  ChainStep step;
  step.plugin = "segmenter";
  step.info = &info;
  chain.steps.push_back(step);

  Document doc;
  doc.id = "d1";
  doc.text = "Eins. Zwei.";
  Layer& sentences = doc.layer("sentence");
  for (std::uint32_t b : {0u, 6u}) {
    const std::size_t i = sentences.add(b, b + 5, "");
    sentences.set_string(i, "lang", "de");
    sentences.set_int(i, "end", 42);
    if (b == 0) sentences.set_string(i, "x-y", "first");
  }
  const fs::path path =
      fs::temp_directory_path() / ("sqlite_writer_test_" + std::to_string(::getpid()) + ".sqlite");
  {
    auto writer = make_sqlite_writer(path, chain, OffsetUnit::codepoints, {});
    std::string formatted;
    writer->format(doc, formatted);
    writer->write(formatted);
    writer->finish();
  }
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

}  // namespace
