// The map step over one input file (see report_input.hpp): JSON Lines in
// parallel chunks, SQLite read back into ReportRecords.
#include <tagwerk/core/report_input.hpp>

#include <tagwerk/core/error.hpp>
#include <tagwerk/core/input.hpp>

#include <simdjson.h>
#include <sqlite3.h>
#include <tbb/info.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <charconv>
#include <cstring>
#include <deque>
#include <fstream>
#include <memory>
#include <mutex>
#include <set>
#include <string_view>
#include <vector>

namespace tagwerk::core {

namespace fs = std::filesystem;

bool is_sqlite_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  char head[16] = {};
  if (!in.read(head, sizeof head)) return false;
  return std::memcmp(head, "SQLite format 3", 16) == 0;
}

namespace {

// Records per chunk: a fixed count, so the chunks (and what is merged in
// which order) do not depend on the number of threads.
constexpr std::size_t kChunkRecords = 64;

struct Chunk {
  explicit Chunk(const ReportOptions& o) : docs(kChunkRecords), state(o) {}
  std::vector<Document> docs;
  std::size_t size = 0;
  ReportState state;
  std::vector<std::string> skipped;
};

std::uint64_t map_jsonl(const fs::path& path, ReportState& into, unsigned threads, const ReportSkip& skip) {
  InputOptions in;
  in.paths = {path.string()};
  in.format = InputFormat::jsonl;
  auto reader = open_input(in);
  if (threads == 0) threads = static_cast<unsigned>(tbb::info::default_concurrency());
  const std::size_t tokens = 2 * static_cast<std::size_t>(threads);
  std::vector<std::unique_ptr<Chunk>> all;
  std::vector<Chunk*> free;
  for (std::size_t i = 0; i < tokens; ++i)
    free.push_back(all.emplace_back(std::make_unique<Chunk>(into.options())).get());
  std::mutex free_mutex;  // the first and the last stage run at the same time
  bool done = false;
  std::uint64_t bad = 0;

  // Stage 1 (serial): the next chunk of records, in input order.
  const auto read_chunk = [&](tbb::flow_control& fc) -> Chunk* {
    Chunk* c = nullptr;
    {
      std::lock_guard lock(free_mutex);
      c = free.back();
      free.pop_back();
    }
    c->size = 0;
    while (!done && c->size < kChunkRecords) {
      if (reader->next(c->docs[c->size]))
        ++c->size;
      else
        done = true;
    }
    if (c->size == 0) {
      std::lock_guard lock(free_mutex);
      free.push_back(c);
      fc.stop();
      return nullptr;
    }
    return c;
  };
  // Stage 2 (parallel): the chunk's records into the chunk's own state.
  const auto map_chunk = [](Chunk* c) {
    c->skipped.clear();
    for (std::size_t i = 0; i < c->size; ++i) {
      const Document& d = c->docs[i];
      const auto where = [&] { return d.origin.source + ":" + std::to_string(d.origin.number); };
      if (d.unreadable) {
        c->skipped.push_back(where() + ": skipped, not a JSON object" +
                             (d.errors.empty() ? "" : ": " + d.errors.front().message));
        continue;
      }
      std::string why;
      if (!c->state.map(d, &why)) c->skipped.push_back(where() + " (record " + d.id + "): skipped, " + why);
    }
    return c;
  };
  // Stage 3 (serial, in input order): the chunk's state into the total.
  const auto merge_chunk = [&](Chunk* c) {
    into.merge(std::move(c->state));
    for (const std::string& m : c->skipped) skip(m);
    bad += c->skipped.size();
    std::lock_guard lock(free_mutex);
    free.push_back(c);
  };
  tbb::task_arena arena(static_cast<int>(threads));
  arena.execute([&] {
    tbb::parallel_pipeline(
        tokens, tbb::make_filter<void, Chunk*>(tbb::filter_mode::serial_in_order, read_chunk) &
                    tbb::make_filter<Chunk*, Chunk*>(tbb::filter_mode::parallel, map_chunk) &
                    tbb::make_filter<Chunk*, void>(tbb::filter_mode::serial_in_order, merge_chunk));
  });
  return bad;
}

// --- SQLite ---------------------------------------------------------------

class Database {
 public:
  explicit Database(const fs::path& path) : path_(path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
      fail("cannot open it");
  }
  ~Database() { sqlite3_close(db_); }
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  /// Throws SetupError: `what`, SQLite's own message when `sqlite_error`.
  [[noreturn]] void fail(const std::string& what, bool sqlite_error = true) const {
    const std::string detail =
        sqlite_error ? std::string(" (") + (db_ ? sqlite3_errmsg(db_) : "out of memory") + ")" : "";
    throw SetupError(path_.string() + ": " + what + detail +
                     "; give a database that `tagwerk run -o FILE.sqlite` wrote");
  }
  sqlite3_stmt* prepare(const std::string& sql) const {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) fail("cannot read it");
    return s;
  }
  /// The column names of `table`; empty when there is no such table.
  std::set<std::string> columns(const std::string& table) const {
    std::set<std::string> out;
    sqlite3_stmt* s = prepare("SELECT name FROM pragma_table_info(?1)");
    sqlite3_bind_text(s, 1, table.c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(s) == SQLITE_ROW)
      out.emplace(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
    sqlite3_finalize(s);
    return out;
  }

 private:
  fs::path path_;
  sqlite3* db_ = nullptr;
};

// The values of one record's rows, alive until the next record.
class Arena {
 public:
  void clear() { used_ = 0; }
  std::string_view keep(sqlite3_stmt* s, int column) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, column));
    if (!p) return {};
    if (used_ == pool_.size()) pool_.emplace_back();
    std::string& v = pool_[used_++];
    v.assign(p, static_cast<std::size_t>(sqlite3_column_bytes(s, column)));
    return v;
  }

 private:
  std::deque<std::string> pool_;
  std::size_t used_ = 0;
};

std::optional<std::int64_t> int_column(sqlite3_stmt* s, int column) {
  if (sqlite3_column_type(s, column) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_int64(s, column);
}

// A REAL as the JSON Lines writer spells it (6 significant digits) and a
// reader parses it back.
std::optional<double> score_column(sqlite3_stmt* s, int column) {
  if (sqlite3_column_type(s, column) == SQLITE_NULL) return std::nullopt;
  const double v = sqlite3_column_double(s, column);
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 6);
  double back = v;
  std::from_chars(buf, r.ptr, back);
  return back;
}

// A shipped layer's table: the attributes the report reads (columns 4, 5, ...
// of the cursor's query, NULL where the table lacks one), the member of
// ReportSpan each fills, and the ReportRecord list its spans go to.
struct LayerQuery {
  const char* table;
  std::vector<const char*> attributes;
  void (*fill)(sqlite3_stmt*, Arena&, ReportSpan&);
  std::vector<ReportSpan> ReportRecord::*spans;
};
const LayerQuery kLayers[] = {{"entities",
                               {"name", "subtype"},
                               [](sqlite3_stmt* s, Arena& a, ReportSpan& r) {
                                 r.name = a.keep(s, 4);
                                 r.subtype = a.keep(s, 5);
                               },
                               &ReportRecord::entity},
                              {"quotes",
                               {"kind", "cue", "speaker", "speaker_entity"},
                               [](sqlite3_stmt* s, Arena& a, ReportSpan& r) {
                                 r.kind = a.keep(s, 4);
                                 r.cue = a.keep(s, 5);
                                 r.speaker = a.keep(s, 6);
                                 r.ref = int_column(s, 7);
                               },
                               &ReportRecord::quote},
                              {"sentiment",
                               {"scope", "score", "target"},
                               [](sqlite3_stmt* s, Arena& a, ReportSpan& r) {
                                 r.scope = a.keep(s, 4);
                                 r.score = score_column(s, 5);
                                 r.ref = int_column(s, 6);
                               },
                               &ReportRecord::sentiment},
                              {"events",
                               {"time"},
                               [](sqlite3_stmt* s, Arena& a, ReportSpan& r) { r.time = a.keep(s, 4); },
                               &ReportRecord::event}};

// One layer table read in (doc, idx) order beside the documents.
class LayerCursor {
 public:
  LayerCursor(const Database& db, const LayerQuery& q) : query_(q) {
    const auto have = db.columns(q.table);
    if (have.empty()) return;  // a database without the layer: no spans
    std::string sql = "SELECT doc, \"begin\", \"end\", label";
    for (const char* a : q.attributes) sql += have.count(a) ? std::string(", \"") + a + "\"" : ", NULL";
    stmt_ = db.prepare(sql + " FROM " + q.table + " ORDER BY doc, idx");
    step();
  }
  ~LayerCursor() { sqlite3_finalize(stmt_); }
  LayerCursor(const LayerCursor&) = delete;
  LayerCursor& operator=(const LayerCursor&) = delete;

  /// Appends the spans of record `doc` to its list in `r`; rows of records
  /// before it (there are none in a database tagwerk wrote) are passed over.
  void read(std::int64_t doc, ReportRecord& r, Arena& arena) {
    std::vector<ReportSpan>& out = r.*query_.spans;
    while (row_ && sqlite3_column_int64(stmt_, 0) < doc) step();
    while (row_ && sqlite3_column_int64(stmt_, 0) == doc) {
      ReportSpan& s = out.emplace_back();
      s.begin = int_column(stmt_, 1).value_or(-1);
      s.end = int_column(stmt_, 2).value_or(-1);
      s.label = arena.keep(stmt_, 3);
      query_.fill(stmt_, arena, s);
      step();
    }
  }

 private:
  void step() { row_ = stmt_ && sqlite3_step(stmt_) == SQLITE_ROW; }
  const LayerQuery& query_;
  sqlite3_stmt* stmt_ = nullptr;
  bool row_ = false;
};

std::uint64_t map_sqlite(const fs::path& path, ReportState& into, const ReportSkip& skip) {
  const Database db(path);
  const auto doc_columns = db.columns("documents");
  for (const char* c : {"doc", "id", "title", "date", "text", "attributes", "unreadable"})
    if (!doc_columns.count(c)) db.fail(std::string("no column documents.") + c, false);
  sqlite3_stmt* docs =
      db.prepare("SELECT doc, id, title, date, text, attributes, unreadable FROM documents ORDER BY doc");
  std::vector<std::unique_ptr<LayerCursor>> layers;
  for (const LayerQuery& q : kLayers) layers.push_back(std::make_unique<LayerCursor>(db, q));
  simdjson::dom::parser parser;
  Arena arena;
  ReportRecord r;
  std::uint64_t bad = 0;
  int rc;
  while ((rc = sqlite3_step(docs)) == SQLITE_ROW) {
    const std::int64_t doc = sqlite3_column_int64(docs, 0);
    arena.clear();
    r.clear();
    r.id = arena.keep(docs, 1);
    if (sqlite3_column_int64(docs, 6) != 0) {  // unreadable in the run: no annotations, as in JSON Lines
      into.add_skipped();
      continue;
    }
    r.title = arena.keep(docs, 2);
    const std::string_view date = arena.keep(docs, 3);
    r.text = arena.keep(docs, 4);
    if (const std::string_view attrs = arena.keep(docs, 5); !attrs.empty()) {
      simdjson::dom::object o;
      if (parser.parse(attrs.data(), attrs.size()).get(o) != simdjson::SUCCESS) {
        skip(path.string() + ": doc " + std::to_string(doc) + " (record " + std::string(r.id) +
             "): skipped, its attributes column is not a JSON object");
        ++bad;
        continue;
      }
      std::string_view dct;
      if (o["dct"].get(dct) == simdjson::SUCCESS) r.date = dct;
    }
    if (r.date.empty()) r.date = date;
    for (const auto& layer : layers) layer->read(doc, r, arena);
    into.map(r);
  }
  sqlite3_finalize(docs);
  if (rc != SQLITE_DONE) db.fail("reading the documents failed");
  return bad;
}

}  // namespace

std::uint64_t map_report_input(const fs::path& path, ReportState& state, unsigned threads,
                               const ReportSkip& skip) {
  if (is_sqlite_file(path)) return map_sqlite(path, state, skip);
  return map_jsonl(path, state, threads, skip);
}

}  // namespace tagwerk::core
