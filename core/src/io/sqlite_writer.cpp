// The SQLite writer (docs/sqlite.md). format() turns a record into compact
// runs of rows (statement number, values per row, rows, then typed values) on
// the workers; write() binds those values where they lie to prepared
// statements of many rows, so no SQL is ever built from a record's text and
// the serial stage does little besides SQLite's own work. Rows go in one
// transaction per batch of records.
#include <tagwerk/core/record_writer.hpp>

#include <tagwerk/core/error.hpp>
#include <tagwerk/core/utf8.hpp>

#include "io/json_parts.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <system_error>
#include <unordered_map>

namespace tagwerk::core {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kBatchRecords = 2000;
constexpr std::size_t kMaxColumns = 200;
constexpr std::size_t kRowCounts = 7;  // statements for 1, 2, 4, ... 64 rows at once

// Value tags of the row encoding between format() and write().
constexpr char kNull = 'n';
constexpr char kInt = 'i';
constexpr char kReal = 'd';
constexpr char kText = 't';

// Statements 0-4; a shipped layer's table is 5 + its index in the plan.
// format() names a generic span's layer and attribute; write() turns the
// names into the small integer keys of `layers` and `attributes`, so the two
// generic tables compare integers, not strings, on every insert.
constexpr unsigned char kDocumentRow = 0;
constexpr unsigned char kSpanRow = 1;       // layer name, idx, begin, end, label
constexpr unsigned char kAttributeRow = 2;  // layer name, idx, attribute name, type name, value
constexpr unsigned char kLayerStatement = 3;
constexpr unsigned char kAttributeStatement = 4;
constexpr unsigned char kFirstTableRow = 5;

/// The shipped layers that get a table of their own, with their attributes as columns.
constexpr std::pair<const char*, const char*> kShippedTables[] = {
    {"paragraph", "paragraphs"}, {"sentence", "sentences"}, {"token", "tokens"},
    {"entity", "entities"},      {"quote", "quotes"},       {"timex", "timexes"},
    {"sentiment", "sentiment"},  {"event", "events"}};

struct Column {
  std::string name;
  tw_value_type type = TW_VALUE_STRING;
};

/// The segmentation layers: a record's spans of one of them are one row of
/// `<table>_packed`, a JSON array of [begin, end, label, columns...], and
/// `<table>` is a view that expands it (docs/sqlite.md). A token row per token
/// made the writer a quarter as fast as JSON Lines; analysts query entities,
/// quotes and the others, which keep a row per span.
constexpr const char* kPackedLayers[] = {"paragraph", "sentence", "token"};

bool is_packed(std::string_view layer) {
  return std::find(std::begin(kPackedLayers), std::end(kPackedLayers), layer) != std::end(kPackedLayers);
}

struct Table {
  std::string layer;
  std::string name;
  std::vector<Column> columns;  // the declared attributes, after doc, idx, begin, end, label
  bool packed = false;          // one row per record in `<name>_packed`, `<name>` a view
};

/// Only plain names become columns (they are quoted as well); anything else,
/// and a name the fixed columns use, stays in span_attributes alone.
bool usable_column(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) return false;
  if (std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  for (const char* fixed : {"doc", "idx", "begin", "end", "label"})
    if (name == fixed) return false;
  return true;
}

const char* sql_type(tw_value_type type) {
  switch (type) {
    case TW_VALUE_INT:
    case TW_VALUE_BOOL:
    case TW_VALUE_REF:
      return "INTEGER";
    case TW_VALUE_FLOAT:
      return "REAL";
    default:
      return "TEXT";  // strings, and lists as JSON arrays
  }
}

/// A record's rows as format() encodes them for write(): runs of rows of one
/// statement, each a statement number, the values per row and the number of
/// rows, then the rows' values one after the other.
class Rows {
 public:
  explicit Rows(std::string& out) : out_(out) {}
  /// Starts a run; its number of rows is 0 until end_run().
  void run(unsigned char statement, std::size_t values) {
    out_.push_back(static_cast<char>(statement));
    out_.push_back(static_cast<char>(values));
    run_at_ = out_.size();
    out_.append(sizeof(std::uint32_t), '\0');
  }
  void end_run(std::size_t rows) {
    const auto n = static_cast<std::uint32_t>(rows);
    std::memcpy(out_.data() + run_at_, &n, sizeof n);
  }
  void null() { out_.push_back(kNull); }
  void integer(std::int64_t v) { tagged(kInt, v); }
  void real(double v) {
    if (!std::isfinite(v)) return null();
    tagged(kReal, v);
  }
  void text(std::string_view s) {
    if (!is_valid_utf8(s)) return text_owned(repair_utf8(s));
    text_owned(s);
  }
  void offset(std::uint32_t byte, const OffsetMapper& mapper, OffsetMapper::Cursor& cursor) {
    if (byte == TW_NO_OFFSET) return null();
    integer(static_cast<std::int64_t>(mapper.map(byte, cursor)));
  }
  /// Item i of `column` as the value of a typed column.
  void item(const AttrColumn& column, std::size_t i) {
    switch (column.type()) {
      case TW_VALUE_STRING:
        return text(column.string_at(i));
      case TW_VALUE_INT:
        return integer(column.int_at(i));
      case TW_VALUE_FLOAT:
        return real(column.float_at(i));
      case TW_VALUE_BOOL:
        return integer(column.bool_at(i) ? 1 : 0);
      case TW_VALUE_REF:
        return integer(static_cast<std::int64_t>(column.ref_at(i)));
      default: {
        scratch_.clear();
        detail::append_json_item(scratch_, column, i);
        return text_owned(scratch_);
      }
    }
  }
  std::string& scratch() { return scratch_; }
  void text_owned(std::string_view s) {
    tagged(kText, static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }

 private:
  /// The tag and the bytes of v, in one append.
  template <typename T>
  void tagged(char tag, T v) {
    char bytes[1 + sizeof v];
    bytes[0] = tag;
    std::memcpy(bytes + 1, &v, sizeof v);
    out_.append(bytes, sizeof bytes);
  }

  std::string& out_;
  std::string scratch_;
  std::size_t run_at_ = 0;
};

class SqliteWriter final : public RecordWriter {
 public:
  SqliteWriter(fs::path file, const Chain& chain, OffsetUnit unit, LayerSelection layers)
      : file_(std::move(file)), unit_(unit), layers_(std::move(layers)) {
    for (const auto& [layer, table] : kShippedTables) {
      Table t{layer, table, {}, is_packed(layer)};
      for (const auto& step : chain.steps) {
        if (!step.info) continue;
        const LayerSpec* spec = step.info->find_provided(layer);
        if (!spec) continue;
        for (const AttrSpec& a : spec->attrs) {
          if (!usable_column(a.name)) continue;
          // A row's value count is one byte; past that an attribute lives in span_attributes only.
          if (t.columns.size() >= kMaxColumns) break;
          if (std::none_of(t.columns.begin(), t.columns.end(),
                           [&](const Column& c) { return c.name == a.name; }))
            t.columns.push_back(Column{a.name, a.type});
        }
      }
      tables_.push_back(std::move(t));
    }
    std::error_code ec;
    fs::remove(file_, ec);
    if (ec)
      throw SetupError(fmt::format("{}: cannot replace the file ({}); remove it or choose another -o",
                                   file_.string(), ec.message()));
  }

  ~SqliteWriter() override {
    finalize();
    if (db_) sqlite3_close(db_);
  }

  void format(const Document& doc, std::string& out) const override {
    Rows rows(out);
    rows.run(kDocumentRow, 12);
    rows.end_run(1);
    rows.text(doc.id);
    if (doc.unreadable) {
      for (int i = 0; i < 8; ++i) rows.null();
    } else {
      for (const char* key : {"title", "date", "lang", "source", "url"}) {
        const std::string_view v = doc.meta(key);
        v.empty() ? rows.null() : rows.text(v);
      }
      rows.text(doc.text);
      std::string& json = rows.scratch();
      json.assign("{");
      const std::string_view text_key = input_key(doc, "text");
      for (const Field& f : doc.fields) {
        if (f.key == text_key || f.key == "annotations" || f.key == "doc" || f.key == "errors" ||
            f.key == "warnings")
          continue;
        if (json.size() > 1) json.push_back(',');
        detail::append_json_text(json, f.key);
        json.push_back(':');
        json.append(f.raw_json);
      }
      json.push_back('}');
      rows.text_owned(json);
      json.clear();
      detail::append_json_doc_attrs(json, doc);
      rows.text_owned(json);
    }
    std::string& json = rows.scratch();
    json.clear();
    detail::append_json_messages(json, doc.errors);
    rows.text_owned(json);
    json.clear();
    detail::append_json_messages(json, doc.warnings);
    rows.text_owned(json);
    rows.integer(doc.unreadable ? 1 : 0);
    if (doc.unreadable) return;

    std::optional<OffsetMapper> mapper;
    for (const auto& layer : doc.layers()) {
      if (!layers_.keeps(layer->name()) || layer->size() == 0) continue;
      if (!mapper) mapper.emplace(doc.text, unit_);
      format_layer(*layer, *mapper, rows);
    }
  }

  void write(std::string_view formatted) override {
    if (!db_) open();
    ++doc_;
    std::size_t at = 0;
    while (at + 6 <= formatted.size()) {
      const auto statement = static_cast<unsigned char>(formatted[at]);
      const auto values = static_cast<unsigned char>(formatted[at + 1]);
      std::uint32_t rows;
      std::memcpy(&rows, formatted.data() + at + 2, sizeof rows);
      at += 6;
      Target& t = targets_.at(statement);
      if (statement != kSpanRow && statement != kAttributeRow) {
        // The values as format() made them, bound where they lie.
        insert(t, rows, [&](std::size_t) { return decode(formatted, at); });
        continue;
      }
      // The generic layers' rows name their layer and attribute: those become keys.
      std::vector<Value>& row = t.pending;
      for (std::uint32_t r = 0; r < rows; ++r) {
        const std::size_t first = row.size();
        for (unsigned char k = 0; k < values; ++k) row.push_back(decode(formatted, at));
        if (statement == kSpanRow) {
          row[first] = Value::of(layer_id(row[first].text));
        } else {
          const std::int64_t layer = layer_id(row[first].text);
          row[first + 2] = Value::of(attribute_id(layer, row[first + 2].text, row[first + 3].text));
          row[first] = Value::of(layer);
          row.erase(row.begin() + static_cast<std::ptrdiff_t>(first + 3));  // the type is in `attributes`
        }
      }
    }
    // The text values point into `formatted`: every row is in before it goes.
    // (Rows of 32 records kept and inserted together: 20 % slower.) A new
    // layer or attribute first, so that every row follows what it refers to.
    insert_pending(targets_[kLayerStatement]);
    insert_pending(targets_[kAttributeStatement]);
    for (Target& t : targets_) insert_pending(t);
    if (++in_batch_ >= kBatchRecords) commit(true);
  }

  void flush() override {
    if (db_ && in_batch_ > 0) commit(true);
  }

  void finish() override {
    if (!db_) open();
    commit(false);
    for (const std::string& sql : index_sql()) exec(sql, "creating the indexes");
    // Statistics for the query planner (sampled, so it takes milliseconds):
    // without them a lookup through the views scans instead of seeking.
    exec("PRAGMA analysis_limit=400; ANALYZE", "gathering statistics for the query planner");
    finalize();
    if (sqlite3_close(db_) != SQLITE_OK) fail("closing the database");
    db_ = nullptr;
  }

 private:
  static std::string_view input_key(const Document& doc, std::string_view canonical) {
    for (const auto& [c, key] : doc.field_names)
      if (c == canonical) return key;
    return canonical;
  }

  void format_layer(const Layer& layer, const OffsetMapper& mapper, Rows& rows) const {
    const Table* table = nullptr;
    for (const Table& t : tables_)
      if (t.layer == layer.name()) table = &t;
    std::vector<const AttrColumn*> typed;
    if (table)
      for (const Column& c : table->columns) typed.push_back(layer.column(c.name));
    const auto& columns = layer.attrs().columns();
    // An attribute without a column of its layer's table (a name SQL cannot take,
    // past kMaxColumns) goes to attribute_values, so nothing is left out.
    std::vector<char> generic(columns.size(), 1);
    for (std::size_t c = 0; table && c < columns.size(); ++c)
      for (const Column& col : table->columns)
        if (col.name == columns[c].key()) generic[c] = 0;
    const unsigned char table_row =
        table ? static_cast<unsigned char>(kFirstTableRow + (table - tables_.data())) : 0;
    const auto& spans = layer.spans();
    if (std::find(generic.begin(), generic.end(), 1) != generic.end()) {
      rows.run(kAttributeRow, 5);
      std::size_t count = 0;
      for (std::size_t i = 0; i < spans.size(); ++i)
        for (std::size_t c = 0; c < columns.size(); ++c) {
          const AttrColumn& column = columns[c];
          if (!generic[c] || !column.has(i)) continue;
          rows.text(layer.name());
          rows.integer(static_cast<std::int64_t>(i));
          rows.text(column.key());
          rows.text_owned(value_type_name(column.type()));
          rows.item(column, i);
          ++count;
        }
      rows.end_run(count);
    }

    OffsetMapper::Cursor cursor;
    std::string packed;
    if (table && table->packed) {
      packed.reserve(spans.size() * 16);
      packed.push_back('[');
    } else {
      rows.run(table ? table_row : kSpanRow, table ? 4 + typed.size() : 5);
      rows.end_run(spans.size());
    }
    for (std::size_t i = 0; i < spans.size(); ++i) {
      const tw_span& span = spans[i];
      const std::string_view label = layer.label(i);
      std::int64_t begin = -1, end = -1;
      if (span.begin != TW_NO_OFFSET) begin = static_cast<std::int64_t>(mapper.map(span.begin, cursor));
      if (span.end != TW_NO_OFFSET) end = static_cast<std::int64_t>(mapper.map(span.end, cursor));
      const auto offsets = [&] {
        begin < 0 ? rows.null() : rows.integer(begin);
        end < 0 ? rows.null() : rows.integer(end);
        label.empty() ? rows.null() : rows.text(label);
      };
      // A layer with a table of its own has its span and the attributes with a
      // column there only (the view `spans` shows it with the others): in
      // layer_spans and span_attributes as well they would double the rows to write.
      if (!table) {
        rows.text(layer.name());
        rows.integer(static_cast<std::int64_t>(i));
        offsets();
        continue;
      }
      if (table->packed) {
        append_packed(packed, i, begin, end, label, typed);
        continue;
      }
      rows.integer(static_cast<std::int64_t>(i));
      offsets();
      for (const AttrColumn* column : typed) column && column->has(i) ? rows.item(*column, i) : rows.null();
    }
    if (packed.empty()) return;
    packed.push_back(']');
    rows.run(table_row, 1);
    rows.text_owned(packed);
    rows.end_run(1);
  }

  /// Span i of a packed layer as the JSON array [begin, end, label, columns...].
  static void append_packed(std::string& out, std::size_t i, std::int64_t begin, std::int64_t end,
                            std::string_view label, const std::vector<const AttrColumn*>& typed) {
    // "[begin,end," in one append.
    char head[2 + 2 * 21];
    char* p = head;
    if (i) *p++ = ',';
    *p++ = '[';
    for (const std::int64_t v : {begin, end}) {
      p = v < 0 ? std::copy_n("null", 4, p) : std::to_chars(p, head + sizeof head, v).ptr;
      *p++ = ',';
    }
    out.append(head, p);
    if (label.empty())
      out.append("null");
    else
      detail::append_json_text(out, label);
    for (const AttrColumn* column : typed) {
      out.push_back(',');
      if (!column || !column->has(i)) {
        out.append("null");
      } else if (column->type() == TW_VALUE_FLOAT) {
        // Every digit, as the REAL column of a table keeps it (JSON Lines writes six).
        const double v = column->float_at(i);
        char buf[32];
        std::isfinite(v) ? out.append(buf, std::to_chars(buf, buf + sizeof buf, v).ptr) : out.append("null");
      } else {
        detail::append_json_item(out, *column, i);
      }
    }
    out.push_back(']');
  }

  /// One value of a row as format() encoded it; text points into the row.
  struct Value {
    char tag = kNull;
    std::int64_t integer = 0;
    double real = 0;
    std::string_view text;
    static Value of(std::int64_t v) { return Value{kInt, v, 0, {}}; }
  };

  static Value decode(std::string_view row, std::size_t& at) {
    Value v;
    v.tag = row[at++];
    if (v.tag == kInt) {
      std::memcpy(&v.integer, row.data() + at, sizeof v.integer);
      at += sizeof v.integer;
    } else if (v.tag == kReal) {
      std::memcpy(&v.real, row.data() + at, sizeof v.real);
      at += sizeof v.real;
    } else if (v.tag == kText) {
      std::uint32_t n;
      std::memcpy(&n, row.data() + at, sizeof n);
      at += sizeof n;
      v.text = row.substr(at, n);
      at += n;
    }
    return v;
  }

  /// One table's INSERT: the rows waiting for it, and the statement for 1,
  /// 2, 4, ... 64 rows at once, each prepared on first use. One statement of
  /// many rows costs SQLite much less per row than a statement per row. In a
  /// table of a record's rows, `doc` is parameter 1 of every row, bound once.
  struct Target {
    std::string head;         // INSERT INTO table(columns) VALUES
    bool doc = true;          // the first column is doc, the record's number
    std::size_t per_row = 0;  // the parameters of each row besides doc
    std::array<sqlite3_stmt*, kRowCounts> statements{};
    std::vector<Value> pending;  // whole rows of per_row values
  };

  void add_target(const std::string& table, const std::vector<std::string>& columns) {
    Target& t = targets_.emplace_back();
    t.head = "INSERT INTO " + table + "(";
    for (std::size_t k = 0; k < columns.size(); ++k) t.head += (k ? ", \"" : "\"") + columns[k] + "\"";
    t.head += ") VALUES";
    t.doc = columns.front() == "doc";
    t.per_row = columns.size() - (t.doc ? 1 : 0);
  }

  sqlite3_stmt* statement(Target& t, std::size_t power) {
    sqlite3_stmt*& s = t.statements[power];
    if (s) return s;
    std::string sql = t.head;
    std::size_t p = t.doc ? 1 : 0;
    for (std::size_t r = 0; r < (std::size_t{1} << power); ++r) {
      sql += r ? ",(" : "(";
      if (t.doc) sql += "?1";
      for (std::size_t c = 0; c < t.per_row; ++c) sql += (c || t.doc ? ",?" : "?") + std::to_string(++p);
      sql += ')';
    }
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) fail("preparing a statement");
    return s;
  }

  /// Writes `rows` rows to t, as many at once as the statements and SQLite's
  /// limit on parameters allow; value(k) is the next value (k counts them).
  template <typename NextValue>
  void insert(Target& t, std::size_t rows, NextValue value) {
    const std::size_t first = t.doc ? 1 : 0;
    std::size_t k = 0;
    while (rows > 0) {
      std::size_t power = 0;
      while (power + 1 < kRowCounts && (std::size_t{2} << power) <= rows &&
             first + (std::size_t{2} << power) * t.per_row <= max_parameters_)
        ++power;
      sqlite3_stmt* s = statement(t, power);
      if (t.doc) sqlite3_bind_int64(s, 1, doc_);
      const std::size_t n = (std::size_t{1} << power) * t.per_row;
      for (std::size_t p = 0; p < n; ++p) bind(s, static_cast<int>(first + p + 1), value(k++));
      const int rc = sqlite3_step(s);
      sqlite3_reset(s);
      if (rc != SQLITE_DONE) fail("writing a row");
      rows -= std::size_t{1} << power;
    }
  }

  void insert_pending(Target& t) {
    if (t.pending.empty()) return;
    insert(t, t.pending.size() / t.per_row, [&](std::size_t k) { return t.pending[k]; });
    t.pending.clear();
  }

  static void bind(sqlite3_stmt* s, int p, const Value& v) {
    if (v.tag == kInt)
      sqlite3_bind_int64(s, p, v.integer);
    else if (v.tag == kReal)
      sqlite3_bind_double(s, p, v.real);
    else if (v.tag == kText)
      sqlite3_bind_text(s, p, v.text.data(), static_cast<int>(v.text.size()), SQLITE_STATIC);
    else
      sqlite3_bind_null(s, p);
  }

  void finalize() {
    for (Target& t : targets_)
      for (sqlite3_stmt*& s : t.statements) {
        sqlite3_finalize(s);
        s = nullptr;
      }
  }

  /// The key of layer `name` in `layers`, added on first sight.
  std::int64_t layer_id(std::string_view name) {
    if (name == last_layer_) return last_layer_id_;
    auto it = layer_ids_.find(std::string(name));
    if (it == layer_ids_.end()) {
      const auto id = static_cast<std::int64_t>(layer_ids_.size() + 1);
      auto& row = targets_.at(kLayerStatement).pending;
      row.push_back(Value::of(id));
      row.push_back(Value{kText, 0, 0, name});
      it = layer_ids_.emplace(std::string(name), id).first;
    }
    last_layer_ = it->first;
    last_layer_id_ = it->second;
    return it->second;
  }

  /// The key of attribute `name` of type `type` in layer `layer`, added on first sight.
  std::int64_t attribute_id(std::int64_t layer, std::string_view name, std::string_view type) {
    std::string& key = attribute_key_;
    key.assign(reinterpret_cast<const char*>(&layer), sizeof layer);
    key.append(name);
    key.push_back('\0');
    key.append(type);
    auto it = attribute_ids_.find(key);
    if (it == attribute_ids_.end()) {
      const auto id = static_cast<std::int64_t>(attribute_ids_.size() + 1);
      auto& row = targets_.at(kAttributeStatement).pending;
      for (const Value& v :
           {Value::of(id), Value::of(layer), Value{kText, 0, 0, name}, Value{kText, 0, 0, type}})
        row.push_back(v);
      it = attribute_ids_.emplace(key, id).first;
    }
    return it->second;
  }

  [[noreturn]] void fail(const char* what) {
    throw SetupError(fmt::format("{}: {} failed: {}; check the disk has room and the folder is writable",
                                 file_.string(), what, db_ ? sqlite3_errmsg(db_) : "cannot open"));
  }

  void exec(const std::string& sql, const char* what) {
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail(what);
  }

  void commit(bool begin_next) {
    exec("COMMIT", "committing a batch");
    in_batch_ = 0;
    if (begin_next) exec("BEGIN", "starting a batch");
  }

  void open() {
    // SQLite counts every allocation under a mutex for sqlite3_memory_used()
    // and the heap limits, which tagwerk never uses: 7 % of the writer's time.
    // The switch works only before SQLite starts; after, it is refused and
    // changes nothing.
    static const int kNoMemoryStatistics = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    static_cast<void>(kNoMemoryStatistics);
    // One thread writes: SQLite's own mutexes would only cost time.
    if (sqlite3_open_v2(file_.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        nullptr) != SQLITE_OK)
      fail("opening the database");
    // The file is OUTPUT.partial until the run completes, and a stopped run is
    // started over: a journal would only slow the writing down.
    exec(
        "PRAGMA page_size=16384; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA "
        "locking_mode=EXCLUSIVE; PRAGMA cache_size=-65536; PRAGMA foreign_keys=OFF",
        "setting up the database");
    std::string schema =
        "CREATE TABLE documents(doc INTEGER PRIMARY KEY, id TEXT, title TEXT, date TEXT, lang TEXT, "
        "source TEXT, url TEXT, text TEXT, fields TEXT, attributes TEXT, errors TEXT NOT NULL, "
        "warnings TEXT NOT NULL, unreadable INTEGER NOT NULL);\n"
        "CREATE TABLE layers(layer INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);\n"
        "CREATE TABLE attributes(attr INTEGER PRIMARY KEY, layer INTEGER NOT NULL REFERENCES layers(layer), "
        "name TEXT NOT NULL, type TEXT NOT NULL, UNIQUE(layer, name, type));\n"
        "CREATE TABLE layer_spans(doc INTEGER NOT NULL REFERENCES documents(doc), layer INTEGER NOT NULL "
        "REFERENCES layers(layer), idx INTEGER NOT NULL, \"begin\" INTEGER, \"end\" INTEGER, label TEXT, "
        "PRIMARY KEY(doc, layer, idx)) WITHOUT ROWID;\n"
        "CREATE TABLE attribute_values(doc INTEGER NOT NULL REFERENCES documents(doc), layer INTEGER NOT "
        "NULL "
        "REFERENCES layers(layer), idx INTEGER NOT NULL, attr INTEGER NOT NULL REFERENCES attributes(attr), "
        "value, PRIMARY KEY(doc, layer, idx, attr)) WITHOUT ROWID;\n"
        "CREATE VIEW span_attributes(doc, layer, idx, name, type, value) AS SELECT v.doc, l.name, v.idx, "
        "a.name, a.type, v.value FROM attribute_values v JOIN attributes a ON a.attr = v.attr JOIN layers l "
        "ON l.layer = v.layer;\n";
    for (const Table& t : tables_) {
      if (t.packed) {
        schema += "CREATE TABLE " + t.name +
                  "_packed(doc INTEGER PRIMARY KEY REFERENCES documents(doc), spans TEXT NOT NULL);\n";
        schema += "CREATE VIEW " + t.name + "(doc, idx, \"begin\", \"end\", label";
        for (const Column& c : t.columns) schema += ", \"" + c.name + "\"";
        schema += ") AS SELECT p.doc, j.key, j.value ->> 0, j.value ->> 1, j.value ->> 2";
        for (std::size_t k = 0; k < t.columns.size(); ++k) {
          const std::string v = "j.value ->> " + std::to_string(k + 3);
          const std::string type = sql_type(t.columns[k].type);
          schema += ", " + (type == "TEXT" ? v : "CAST(" + v + " AS " + type + ")");
        }
        schema += " FROM " + t.name + "_packed p, json_each(p.spans) j;\n";
        continue;
      }
      schema += "CREATE TABLE " + t.name +
                "(doc INTEGER NOT NULL REFERENCES documents(doc), idx INTEGER NOT NULL, \"begin\" INTEGER, "
                "\"end\" INTEGER, label TEXT";
      for (const Column& c : t.columns) schema += ", \"" + c.name + "\" " + sql_type(c.type);
      schema += ", PRIMARY KEY(doc, idx)) WITHOUT ROWID;\n";
    }
    // Every span of every layer, as one relation: the layers with a table of
    // their own are not stored twice.
    schema +=
        "CREATE VIEW spans(doc, layer, idx, \"begin\", \"end\", label) AS SELECT s.doc, l.name, s.idx, "
        "s.\"begin\", s.\"end\", s.label FROM layer_spans s JOIN layers l ON l.layer = s.layer";
    for (const Table& t : tables_)
      schema += " UNION ALL SELECT doc, '" + t.layer + "', idx, \"begin\", \"end\", label FROM " + t.name;
    schema += ";\n";
    exec(schema, "creating the tables");
    max_parameters_ = static_cast<std::size_t>(sqlite3_limit(db_, SQLITE_LIMIT_VARIABLE_NUMBER, -1));
    // In the order of the statement numbers.
    add_target("documents", {"doc", "id", "title", "date", "lang", "source", "url", "text", "fields",
                             "attributes", "errors", "warnings", "unreadable"});
    add_target("layer_spans", {"doc", "layer", "idx", "begin", "end", "label"});
    add_target("attribute_values", {"doc", "layer", "idx", "attr", "value"});
    add_target("layers", {"layer", "name"});
    add_target("attributes", {"attr", "layer", "name", "type"});
    for (const Table& t : tables_) {
      if (t.packed) {
        add_target(t.name + "_packed", {"doc", "spans"});
        continue;
      }
      std::vector<std::string> columns = {"doc", "idx", "begin", "end", "label"};
      for (const Column& c : t.columns) columns.push_back(c.name);
      add_target(t.name, columns);
    }
    exec("BEGIN", "starting a batch");
  }

  std::vector<std::string> index_sql() const {
    std::vector<std::string> out = {"CREATE INDEX layer_spans_layer ON layer_spans(layer, label)",
                                    "CREATE INDEX attribute_values_attr ON attribute_values(attr, value)",
                                    "CREATE INDEX documents_id ON documents(id)",
                                    "CREATE INDEX documents_date ON documents(date)"};
    // No index on a label: PER / LOC / ORG / MISC, sentence / quote are too few
    // values for a lookup to beat a scan, and they were a third of the index build.
    for (const Table& t : tables_) {
      if (t.packed) continue;  // a view over a table keyed by doc
      for (const Column& c : t.columns)
        if (c.name == "name" || c.name == "speaker" || c.name == "value" || c.name == "target")
          out.push_back("CREATE INDEX " + t.name + "_" + c.name + " ON " + t.name + "(\"" + c.name + "\")");
    }
    return out;
  }

  fs::path file_;
  OffsetUnit unit_;
  LayerSelection layers_;
  std::vector<Table> tables_;
  sqlite3* db_ = nullptr;
  std::vector<Target> targets_;  // by statement number
  std::size_t max_parameters_ = 999;
  std::int64_t doc_ = 0;  // the record number in input order, from 1
  std::unordered_map<std::string, std::int64_t> layer_ids_;
  std::unordered_map<std::string, std::int64_t> attribute_ids_;  // layer key, name, NUL, type
  std::string attribute_key_;
  std::string_view last_layer_;  // a key of layer_ids_
  std::int64_t last_layer_id_ = 0;
  std::size_t in_batch_ = 0;
};

}  // namespace

std::unique_ptr<RecordWriter> make_sqlite_writer(const fs::path& file, const Chain& chain, OffsetUnit unit,
                                                 LayerSelection layers) {
  return std::make_unique<SqliteWriter>(file, chain, unit, std::move(layers));
}

}  // namespace tagwerk::core
