// The SQLite writer end to end: the default chain over a few records written
// once as JSON Lines and once as SQLite, the database read back with the
// sqlite3 API and compared with the JSON Lines, as a user would query it.
#include "cli_runner.hpp"
#include "run_test_support.hpp"

#include <simdjson.h>
#include <sqlite3.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

using tagwerk::test::CliResult;
using tagwerk::test::CliRunner;
using tagwerk::test::lines;
using tagwerk::test::quote;
using tagwerk::test::slurp;

namespace {

namespace fs = std::filesystem;

const fs::path kDefaultChain = fs::path(TAGWERK_SOURCE_DIR) / "chains" / "default.toml";

const char* const kHostile = "Das ist's: '); DROP TABLE documents; -- und \\\"Anführungszeichen\\\" ‚so‘.";

std::string input_records() {
  return std::string(
             "{\"id\":\"q1\",\"title\":\"Merkel's \\\"Plan\\\"'); DROP TABLE "
             "entities;--\",\"date\":\"2017-07-10\","
             "\"lang\":\"de\",\"text\":\"„Wir werden das sorgfältig prüfen“, sagte Angela Merkel am Montag "
             "in "
             "Berlin. Donald Trump widersprach am 7. Juli 2017 in Hamburg.\"}\n"
             "{\"id\":\"broken\",\"text\":\n"
             "{\"id\":\"h1\",\"date\":\"2017-07-11\",\"text\":\"") +
         kHostile + "\"}\n";
}

class Db {
 public:
  explicit Db(const fs::path& file) {
    if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << "cannot open " << file << ": " << sqlite3_errmsg(db_);
    }
  }
  ~Db() { sqlite3_close(db_); }
  /// Every row of `sql`, each column as text ("NULL" for null).
  std::vector<std::vector<std::string>> rows(const std::string& sql) const {
    std::vector<std::vector<std::string>> out;
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db_);
      return out;
    }
    while (sqlite3_step(s) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int c = 0; c < sqlite3_column_count(s); ++c) {
        const auto* text = sqlite3_column_text(s, c);
        row.emplace_back(text ? reinterpret_cast<const char*>(text) : "NULL");
      }
      out.push_back(std::move(row));
    }
    sqlite3_finalize(s);
    return out;
  }
  std::string one(const std::string& sql) const {
    auto r = rows(sql);
    return r.empty() || r[0].empty() ? std::string("(no row)") : r[0][0];
  }

 private:
  sqlite3* db_ = nullptr;
};

class SqliteOutput : public ::testing::Test {
 protected:
  void SetUp() override {
    in_ = cli_.write("in.jsonl", input_records());
    jsonl_ = cli_.dir() / "out.jsonl";
    sqlite_ = cli_.dir() / "out.sqlite";
    const CliResult j = cli_.run("run -q -j 2 -c " + quote(kDefaultChain.string()) + " -o " + quote(jsonl_) +
                                 " " + quote(in_));
    const CliResult s = cli_.run("run -q -j 2 -c " + quote(kDefaultChain.string()) + " -o " + quote(sqlite_) +
                                 " " + quote(in_));
    // The broken record carries an error: exit status 1 for both.
    EXPECT_EQ(j.exit_code, 1) << j.err;
    EXPECT_EQ(s.exit_code, 1) << s.err;
    EXPECT_FALSE(fs::exists(sqlite_.string() + ".partial"));
    for (const std::string& line : lines(slurp(jsonl_))) records_.push_back(line);
  }

  CliRunner cli_;
  fs::path in_, jsonl_, sqlite_;
  std::vector<std::string> records_;
};

TEST_F(SqliteOutput, EveryLayerAndRecordOfTheJsonLinesIsInTheDatabase) {
  ASSERT_EQ(records_.size(), 3u);
  Db db(sqlite_);
  EXPECT_EQ(db.one("SELECT count(*) FROM documents"), "3");

  std::map<std::string, std::size_t> spans;  // per layer, over all records
  std::set<std::string> names, speakers;
  std::string first_entity;  // "begin end" of record 1's first entity
  simdjson::dom::parser parser;
  for (const std::string& line : records_) {
    simdjson::dom::element r = parser.parse(line);
    simdjson::dom::object annotations;
    if (r["annotations"].get(annotations)) continue;  // the unreadable record
    for (auto [layer, array] : annotations) {
      for (simdjson::dom::element span : simdjson::dom::array(array)) {
        ++spans[std::string(layer)];
        std::string_view value;
        if (layer == "entity" && !span["name"].get(value)) names.emplace(value);
        if (layer == "quote" && !span["speaker"].get(value)) speakers.emplace(value);
        if (layer == "entity" && first_entity.empty())
          first_entity = std::to_string(int64_t(span["begin"])) + " " + std::to_string(int64_t(span["end"]));
      }
    }
  }
  std::map<std::string, std::size_t> in_db;
  for (const auto& row : db.rows("SELECT layer, count(*) FROM spans GROUP BY layer"))
    in_db[row[0]] = std::stoul(row[1]);
  EXPECT_EQ(in_db, spans);
  EXPECT_EQ(spans.count("token"), 0u) << "the default chain leaves tokens out";
  ASSERT_GT(spans["entity"], 0u);
  ASSERT_GT(spans["quote"], 0u);
  ASSERT_GT(spans["timex"], 0u);
  const std::map<std::string, std::string> tables = {
      {"paragraph", "paragraphs"}, {"sentence", "sentences"},  {"entity", "entities"}, {"quote", "quotes"},
      {"timex", "timexes"},        {"sentiment", "sentiment"}, {"event", "events"}};
  for (const auto& [layer, table] : tables)
    EXPECT_EQ(db.one("SELECT count(*) FROM " + table), std::to_string(spans[layer])) << table;

  std::set<std::string> db_names, db_speakers;
  for (const auto& row : db.rows("SELECT name FROM entities WHERE name IS NOT NULL")) db_names.insert(row[0]);
  for (const auto& row : db.rows("SELECT speaker FROM quotes WHERE speaker IS NOT NULL"))
    db_speakers.insert(row[0]);
  EXPECT_EQ(db_names, names);
  EXPECT_EQ(db_speakers, speakers);
  EXPECT_TRUE(db_names.count("Angela Merkel")) << ::testing::PrintToString(db_names);
  EXPECT_TRUE(db_speakers.count("Angela Merkel")) << ::testing::PrintToString(db_speakers);
  // Offsets in the run's unit (code points), as in the JSON Lines.
  EXPECT_EQ(db.one("SELECT \"begin\" || ' ' || \"end\" FROM entities WHERE doc = 1 AND idx = 0"),
            first_entity);
  // A layer without a table of its own has its spans in layer_spans and its
  // attributes in attribute_values (keyed by the small numbers of `layers`
  // and `attributes`; the views name them); one with a table has both there only.
  EXPECT_EQ(db.one("SELECT count(*) FROM layers WHERE name IN ('entity', 'sentence')"), "0");
  EXPECT_EQ(db.one("SELECT count(*) FROM sentences WHERE lang = 'de'"), std::to_string(spans["sentence"]));
  ASSERT_GT(spans["quote_speaker"], 0u);
  EXPECT_EQ(db.one("SELECT count(*) FROM layer_spans JOIN layers USING (layer) WHERE name = 'quote_speaker'"),
            std::to_string(spans["quote_speaker"]));
  EXPECT_EQ(db.one("SELECT count(*) FROM span_attributes WHERE layer = 'entity'"), "0");
}

TEST_F(SqliteOutput, AnUnreadableRecordIsKeptWithItsError) {
  ASSERT_EQ(records_.size(), 3u);
  Db db(sqlite_);
  const auto rows = db.rows("SELECT doc, id, unreadable, errors FROM documents WHERE unreadable = 1");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "2");  // in input order
  simdjson::dom::parser parser;
  simdjson::dom::element broken = parser.parse(records_[1]);
  std::string_view id;
  for (auto [key, value] : simdjson::dom::object(broken))
    if (value.get(id) == simdjson::SUCCESS) break;
  EXPECT_EQ(rows[0][1], std::string(id));  // the id the JSON Lines record has
  // Spelled as the JSON Lines record spells its errors.
  EXPECT_NE(records_[1].find("\"errors\":" + rows[0][3]), std::string::npos) << records_[1] << "\n"
                                                                             << rows[0][3];
  EXPECT_NE(rows[0][3].find("\"message\":"), std::string::npos);
}

TEST_F(SqliteOutput, HostileTextAndTitlesAreStoredAsTheyWere) {
  Db db(sqlite_);
  EXPECT_EQ(db.one("SELECT title FROM documents WHERE id = 'q1'"),
            "Merkel's \"Plan\"'); DROP TABLE entities;--");
  EXPECT_EQ(db.one("SELECT text FROM documents WHERE id = 'h1'"),
            "Das ist's: '); DROP TABLE documents; -- und \"Anführungszeichen\" ‚so‘.");
  EXPECT_EQ(
      db.one("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('documents', 'entities', "
             "'quotes', 'timexes', 'sentiment', 'events', 'layers', 'attributes', 'layer_spans', "
             "'attribute_values')"),
      "10");
  EXPECT_EQ(db.one("SELECT type FROM sqlite_master WHERE name = 'spans'"), "view");
  EXPECT_EQ(db.one("SELECT type FROM sqlite_master WHERE name = 'span_attributes'"), "view");
  EXPECT_EQ(db.one("SELECT date FROM documents WHERE id = 'h1'"), "2017-07-11");
}

TEST_F(SqliteOutput, TheDocumentedExampleQueriesRun) {
  Db db(sqlite_);
  // docs/sqlite.md: every quote with its speaker, date and article.
  const auto quotes = db.rows(
      "SELECT d.date, d.title, q.speaker, substr(d.text, q.\"begin\" + 1, q.\"end\" - q.\"begin\") "
      "FROM quotes q JOIN documents d USING (doc) WHERE q.speaker = 'Angela Merkel'");
  ASSERT_FALSE(quotes.empty());
  EXPECT_EQ(quotes[0][0], "2017-07-10");
  EXPECT_NE(quotes[0][3].find("sorgfältig prüfen"), std::string::npos) << quotes[0][3];
  // docs/sqlite.md: sentences per language from the packed rows, as the view counts them.
  const auto languages = db.rows(
      "SELECT j.value ->> 3 AS lang, count(*) FROM sentences_packed, json_each(spans) j GROUP BY lang");
  ASSERT_FALSE(languages.empty());
  EXPECT_EQ(languages, db.rows("SELECT lang, count(*) FROM sentences GROUP BY lang"));
}

// A third-party layer (tests/apps/schema-plugins/marks_plugin.cpp) needs no
// change to tagwerk: its spans are in `spans`, and every attribute it set is
// in `span_attributes` with its declared type and the value the JSON Lines
// record has; an attribute it left unset has no row.
TEST(SqliteGenericLayers, EveryAttributeOfAThirdPartyLayerIsInSpanAttributes) {
  CliRunner cli;
  const auto in = cli.write("in.jsonl",
                            "{\"id\":\"a\",\"text\":\"Wer kommt? Wir. Die Sitzung beginnt um acht Uhr.\"}\n"
                            "{\"id\":\"b\",\"text\":\"Nein. Das ist \\\"neu\\\".\"}\n");
  const auto chain = cli.write("marks.toml", "[[step]]\nuse = \"segment\"\n[[step]]\nuse = \"tw-marks\"\n");
  const fs::path jsonl = cli.dir() / "out.jsonl", db_file = cli.dir() / "out.sqlite";
  const std::string run = "run -q -P " + quote(TAGWERK_SCHEMA_PLUGIN_DIR) + " -c " + quote(chain) + " " +
                          quote(in) + " --exclude token -o ";
  const CliResult j = cli.run(run + quote(jsonl));
  const CliResult s = cli.run(run + quote(db_file));
  ASSERT_EQ(j.exit_code, 0) << j.err;
  ASSERT_EQ(s.exit_code, 0) << s.err;

  // (record number, idx, name) -> (type, value as SQLite prints it)
  using Key = std::tuple<std::string, std::string, std::string>;
  std::map<Key, std::pair<std::string, std::string>> expected, stored;
  std::map<std::string, std::string> expected_spans, stored_spans;
  simdjson::dom::parser parser;
  int record = 0;
  for (const std::string& line : lines(slurp(jsonl))) {
    const std::string doc = std::to_string(++record);
    simdjson::dom::array marks = parser.parse(line)["annotations"]["mark"];
    std::size_t idx = 0;
    for (simdjson::dom::object mark : marks) {
      const std::string i = std::to_string(idx++);
      expected_spans[doc + "/" + i] = std::to_string(int64_t(mark["begin"])) + " " +
                                      std::to_string(int64_t(mark["end"])) + " " +
                                      std::string(std::string_view(mark["label"]));
      for (auto [key, value] : mark) {
        const std::string name(key);
        if (name == "begin" || name == "end" || name == "label") continue;
        std::string v;
        std::string type;
        if (name == "words") type = "int", v = std::to_string(int64_t(value));
        if (name == "sentence") type = "ref", v = std::to_string(int64_t(value));
        if (name == "question") type = "bool", v = bool(value) ? "1" : "0";
        if (name == "first") type = "string", v = std::string(std::string_view(value));
        if (name == "tokens") type = "list<string>", v = simdjson::minify(value);
        if (name == "share") {
          // A REAL as SQLite prints it: compared as numbers below.
          type = "float";
          v = std::to_string(double(value));
        }
        ASSERT_FALSE(type.empty()) << "attribute " << name << " not in the plugin's schema";
        expected[{doc, i, name}] = {type, v};
      }
    }
  }
  Db db(db_file);
  for (const auto& row : db.rows("SELECT doc, idx, \"begin\" || ' ' || \"end\" || ' ' || label FROM spans "
                                 "WHERE layer = 'mark'"))
    stored_spans[row[0] + "/" + row[1]] = row[2];
  EXPECT_EQ(stored_spans, expected_spans);
  ASSERT_EQ(expected_spans.size(), 5u) << "three sentences and two";
  for (const auto& row :
       db.rows("SELECT doc, idx, name, type, value FROM span_attributes WHERE layer = 'mark'"))
    stored[{row[0], row[1], row[2]}] = {row[3], row[4]};
  ASSERT_EQ(stored.size(), expected.size());
  for (const auto& [key, want] : expected) {
    const auto got = stored.find(key);
    ASSERT_NE(got, stored.end()) << std::get<0>(key) << "/" << std::get<1>(key) << " " << std::get<2>(key);
    EXPECT_EQ(got->second.first, want.first) << std::get<2>(key);
    if (want.first == "float")
      EXPECT_NEAR(std::stod(got->second.second), std::stod(want.second), 1e-5);
    else
      EXPECT_EQ(got->second.second, want.second) << std::get<2>(key);
  }
  // "Wir." has two tokens: no `first`; the four other sentences have one.
  EXPECT_EQ(db.one("SELECT count(*) FROM span_attributes WHERE layer = 'mark' AND name = 'first'"), "3");
  EXPECT_EQ(db.one("SELECT group_concat(value, '|') FROM (SELECT value FROM span_attributes WHERE layer = "
                   "'mark' AND name = 'first' AND doc = 1 ORDER BY idx)"),
            "Wer|Die");
  EXPECT_TRUE(db.rows("PRAGMA foreign_key_check").empty()) << "every row refers to rows that exist";
  // The schema rows: one layer, each attribute once with its declared type.
  EXPECT_EQ(db.one("SELECT group_concat(x, ' ') FROM (SELECT a.name || ':' || a.type AS x FROM attributes a "
                   "JOIN layers l USING (layer) WHERE l.name = 'mark' ORDER BY a.name)"),
            "first:string question:bool sentence:ref share:float tokens:list<string> words:int");
}

// `tagwerk report` over the database gives the same files as over the JSON
// Lines the same run writes: the round trip JSONL -> SQLite -> report.
TEST(SqliteReport, TheDatabaseGivesTheSameReportAsTheJsonLines) {
  CliRunner cli;
  const auto in = cli.write(
      "in.jsonl",
      input_records() +
          "{\"id\":\"t2\",\"title\":\"Gipfel in "
          "Hamburg\",\"date\":\"2017-07-08\",\"lang\":\"de\",\"text\":\"„Das "
          "war ein guter Tag für die Welt“, sagte Donald Trump in Hamburg. Wladimir Putin sagte, die "
          "Gespräche seien sehr konstruktiv gewesen. Angela Merkel lobte am 8. Juli 2017 die gute "
          "Zusammenarbeit.\"}\n"
          "{\"id\":\"t3\",\"date\":\"2017-08-02T09:30\",\"lang\":\"de\",\"text\":\"Emmanuel Macron "
          "kritisierte "
          "die schlechte Politik scharf. „Wir werden nicht nachgeben“, erklärte Macron am Dienstag in "
          "Paris.\"}\n");
  const fs::path jsonl = cli.dir() / "out.jsonl", db = cli.dir() / "out.sqlite";
  const std::string run = "run -q -j 2 -c " + quote(kDefaultChain.string()) + " " + quote(in) + " -o ";
  ASSERT_EQ(cli.run(run + quote(jsonl)).exit_code, 1);  // the broken record
  ASSERT_EQ(cli.run(run + quote(db)).exit_code, 1);
  const auto chart = cli.write("chart.js", "/* stand-in */");
  const fs::path from_jsonl = cli.dir() / "a", from_db = cli.dir() / "b";
  const std::string report = "report --period day --chart-js " + quote(chart) + " -o ";
  const CliResult a = cli.run(report + quote(from_jsonl) + " " + quote(jsonl));
  const CliResult b = cli.run(report + quote(from_db) + " " + quote(db));
  ASSERT_EQ(a.exit_code, 0) << a.err;
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_NE(b.err.find("5 records (1 without annotations, 0 unreadable)"), std::string::npos) << b.err;
  for (const char* name : {"entities.json", "entities.csv", "quotes.json", "quotes.csv", "timeline.json",
                           "timeline.csv", "sentiment.json", "sentiment.csv", "index.html"})
    EXPECT_EQ(slurp(from_db / name), slurp(from_jsonl / name)) << name;
  // Not two empty reports: names, speakers, quotes and their dates came through.
  const std::string quotes = slurp(from_db / "quotes.csv");
  EXPECT_NE(quotes.find("Angela Merkel"), std::string::npos) << quotes;
  EXPECT_NE(quotes.find("sorgfältig prüfen"), std::string::npos) << quotes;
  EXPECT_NE(quotes.find("2017-07-08"), std::string::npos) << quotes;
  EXPECT_NE(slurp(from_db / "entities.csv").find("Donald Trump,PER,"), std::string::npos);
  EXPECT_GT(lines(slurp(from_db / "sentiment.csv")).size(), 1u) << slurp(from_db / "sentiment.csv");
  EXPECT_GT(lines(slurp(from_db / "timeline.csv")).size(), 2u) << slurp(from_db / "timeline.csv");

  // A database and JSON Lines together: every record counted twice.
  const CliResult mixed =
      cli.run("report --no-html -o " + quote(cli.dir() / "m") + " " + quote(db) + " " + quote(jsonl));
  ASSERT_EQ(mixed.exit_code, 0) << mixed.err;
  EXPECT_NE(mixed.err.find("10 records (2 without annotations"), std::string::npos) << mixed.err;
}

TEST(SqliteReport, ADatabaseThatIsNotTagwerkOutputIsRefusedNamingTheFile) {
  CliRunner cli;
  const fs::path file = cli.dir() / "other.sqlite";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES(1)", nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  const CliResult r = cli.run("report --no-html -o " + quote(cli.dir() / "o") + " " + quote(file));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(file.string() + ": no column documents.doc"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("give a database that `tagwerk run -o FILE.sqlite` wrote"), std::string::npos)
      << r.err;
}

TEST(SqliteOutputRefusals, StandardOutputAndResumeAreRefusedNamingTheFix) {
  CliRunner cli;
  auto in = cli.write("in.jsonl", "{\"id\":\"a\",\"text\":\"Ein Text.\"}\n");
  const std::string run = "run -q -c " + quote(kDefaultChain.string()) + " ";
  CliResult out = cli.run(run + "--output-format sqlite " + quote(in));
  EXPECT_EQ(out.exit_code, 2);
  EXPECT_NE(out.err.find("--output-format sqlite writes a database file, not standard output: give -o "
                         "FILE.sqlite"),
            std::string::npos)
      << out.err;
  const fs::path db = cli.dir() / "c.db";
  CliResult resume = cli.run(run + "--resume -o " + quote(db) + " " + quote(in));
  EXPECT_EQ(resume.exit_code, 2);
  EXPECT_NE(resume.err.find("--resume cannot continue an SQLite output (" + db.string() +
                            "): run again without --resume"),
            std::string::npos)
      << resume.err;
  // .db chooses SQLite too; --output-format jsonl overrides the extension.
  ASSERT_EQ(cli.run(run + "-o " + quote(db) + " " + quote(in)).exit_code, 0);
  EXPECT_EQ(slurp(db).rfind("SQLite format 3", 0), 0u);
  const fs::path plain = cli.dir() / "plain.db";
  ASSERT_EQ(cli.run(run + "--output-format jsonl -o " + quote(plain) + " " + quote(in)).exit_code, 0);
  EXPECT_EQ(slurp(plain).rfind("{\"id\":\"a\"", 0), 0u);
}

}  // namespace
