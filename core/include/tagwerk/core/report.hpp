// tagwerk/core/report.hpp -- corpus-level reports over annotated records as a
// reduce step: map each record into a partial state, merge partial states,
// finish into tables (entity index, who-said-what, timeline, sentiment per
// entity over time). One file or the shards of a `--shard K/N` run give the
// same tables: merge is commutative and associative and finish sorts.
//
// Memory: a state holds aggregates per entity (canonical name + label, with
// at most ReportOptions::kept_names surface forms), per period (the entities
// and speakers counted in it) and per (entity, period), plus one packed row
// per attributed quote (its text cut to ReportOptions::quote_chars), at most
// ReportOptions::quote_memory bytes of them: the rest wait in a temporary file
// as sorted runs. Never whole records. Sentiment sums are kept in integer
// micro-units, so the order in which records and shards are added cannot
// change a mean by a rounding bit.
#pragma once

#include <tagwerk/core/document.hpp>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace tagwerk::core {

/// How the timeline and the sentiment-over-time table group dates.
enum class ReportPeriod { day, week, month };

/// "day", "week", "month" and back; nullopt for any other name.
const char* to_string(ReportPeriod period) noexcept;
std::optional<ReportPeriod> parse_report_period(std::string_view name) noexcept;

/// The period key of a date or TIMEX3 value that starts with YYYY-MM-DD (or
/// YYYY-MM for months): "2017-07-09", ISO week "2017-W27", "2017-07". Empty
/// when the value is too coarse or not a date ("2016", "PAST_REF").
std::string period_key(std::string_view value, ReportPeriod period);

struct ReportOptions {
  ReportPeriod period = ReportPeriod::month;
  /// Names (entities, speakers) listed per timeline period.
  std::size_t top_names = 10;
  /// Surface forms listed per entity, the most frequent first.
  std::size_t top_variants = 20;
  /// A quote's text is cut to this many code points (and "…" appended).
  std::size_t quote_chars = 300;
  /// Surface forms kept per entity. An entity whose list grows past it keeps
  /// its kept_names / 2 most frequent forms (ties by name) and adds the
  /// mentions of the rest to an `others` count, written as "others (N)" at
  /// the end of its variants. Until a list reaches it every count is exact and
  /// independent of how records are split into shards; past it the listed
  /// counts are lower bounds. (A period's entity and speaker counts are kept
  /// exact: pruning them changed the top-10 counts of busy months.)
  std::size_t kept_names = 256;
  /// Bytes of quote rows a state holds; past it they go to a temporary file
  /// (in TMPDIR) as a sorted run, merged back by finish(). The result is the
  /// same for any value.
  std::size_t quote_memory = 64u << 20;
};

/// One span of a record as ReportState::map() reads it. The views point into
/// what the record was read from and need to live only for the map() call.
struct ReportSpan {
  std::int64_t begin = -1, end = -1;  ///< code point offsets, -1 when absent
  std::string_view label;
  std::string_view name;     ///< entity: the canonical name
  std::string_view subtype;  ///< entity: deriv ("russische") or part ("US-Präsident"); no entity of its own
  std::string_view kind, cue, speaker;  ///< quote
  std::string_view scope;               ///< sentiment: document, sentence, entity
  std::string_view time;                ///< event: its TIMEX3 value
  std::optional<std::int64_t> ref;      ///< quote: speaker_entity; sentiment: target (entity index)
  std::optional<double> score;          ///< sentiment
};

/// What map() needs of one annotated record, whatever it was read from (a
/// JSON Lines line, the rows of an SQLite database).
struct ReportRecord {
  std::string_view id, title, text;
  std::string_view date;  ///< the document date: `doc.dct`, else the input's `date`
  std::vector<ReportSpan> entity, quote, sentiment, event;
  void clear() {
    id = title = text = date = {};
    entity.clear();
    quote.clear();
    sentiment.clear();
    event.clear();
  }
};

/// One cell of a table: empty (JSON null, an empty CSV field), text, an
/// integer or a number (written with 4 decimals).
struct ReportCell {
  enum class Kind { empty, text, integer, number };
  Kind kind = Kind::empty;
  std::string text;
  std::int64_t integer = 0;
  double number = 0;

  static ReportCell of(std::string s) { return {Kind::text, std::move(s), 0, 0}; }
  static ReportCell of_int(std::int64_t v) { return {Kind::integer, {}, v, 0}; }
  static ReportCell of_number(double v) { return {Kind::number, {}, 0, v}; }
};

struct ReportTable {
  std::string name;  ///< file stem: "entities", "quotes", "timeline", "sentiment"
  std::vector<std::string> columns;
  std::vector<std::vector<ReportCell>> rows;
  /// A table too large to hold as cells as well (who-said-what) makes its
  /// rows on demand instead of `rows`: `generated` rows, row i made by
  /// generate(i, cells), cheapest for i = 0, 1, 2, ... in turn. Owns what it
  /// reads; not thread-safe.
  std::size_t generated = 0;
  std::function<void(std::size_t, std::vector<ReportCell>&)> generate = {};

  std::size_t size() const { return generate ? generated : rows.size(); }
  /// Row i: a reference into `rows`, or `scratch` filled by generate().
  const std::vector<ReportCell>& row(std::size_t i, std::vector<ReportCell>& scratch) const {
    if (!generate) return rows[i];
    generate(i, scratch);
    return scratch;
  }
};

struct QuoteSpill;

/// A partial reduce state. map() and merge() are cheap to call in any order;
/// finish() gives the same tables for the same set of records. Not
/// thread-safe: one state per thread, merged at the end.
class ReportState {
 public:
  explicit ReportState(ReportOptions options = {});

  /// Adds one annotated record (as open_input() reads a `tagwerk run` output
  /// line). Records that are unreadable or carry no annotations count as
  /// skipped and add nothing else. Returns false when the record's `doc` or
  /// `annotations` field is not valid JSON of the documented shape; the state
  /// is then unchanged and `why` (when given) says what is wrong.
  bool map(const Document& record, std::string* why = nullptr);

  /// Adds one record read by other means (see report_sqlite.hpp). Spans index
  /// their layers as the JSON Lines arrays do.
  void map(const ReportRecord& record);

  /// Adds everything of `other` (made with the same options) to this state.
  void merge(ReportState&& other);

  /// The four tables, in the order entities, quotes, timeline, sentiment,
  /// rows sorted so that the result depends only on the records added. The
  /// quotes table makes its rows on demand (ReportTable::generate) from the
  /// state's packed rows: the rvalue form moves them into it, the const form
  /// copies them.
  std::vector<ReportTable> finish() const&;
  std::vector<ReportTable> finish() &&;

  /// Counts one record without annotations (one `tagwerk run` could not
  /// read), as map() of such a record does.
  void add_skipped() noexcept {
    ++records_;
    ++skipped_;
  }

  const ReportOptions& options() const noexcept { return options_; }
  std::uint64_t records() const noexcept { return records_; }
  std::uint64_t skipped() const noexcept { return skipped_; }

  // The aggregates, public so that tests and writers may inspect them.
  using NameCounts = std::map<std::string, std::uint64_t, std::less<>>;
  struct Entity {
    std::uint64_t mentions = 0;
    std::uint64_t documents = 0;
    NameCounts variants;
    std::uint64_t other_variants = 0;   ///< mentions of forms dropped past kept_names
    std::string first_seen, last_seen;  ///< document dates, YYYY-MM-DD...
  };
  /// A who-said-what row, its text fields packed into one string (one
  /// allocation instead of nine): field k is packed[ends[k-1], ends[k]).
  struct Quote {
    enum Field { date, doc_id, text, kind, speaker, speaker_entity, cue, title, sentiment_label, kFields };
    std::string packed;
    std::uint32_t ends[kFields] = {};
    std::int64_t begin = 0;
    std::optional<double> sentiment_score;
    std::string_view get(Field f) const {
      const std::uint32_t b = f == 0 ? 0 : ends[f - 1];
      return std::string_view(packed).substr(b, ends[f] - b);
    }
  };
  struct Period {
    std::uint64_t documents = 0, statements = 0, quotes = 0;
    NameCounts entities, speakers;
  };
  struct Sentiment {
    std::int64_t micro_sum = 0;
    std::uint64_t count = 0;
  };
  using EntityKey = std::pair<std::string, std::string>;  ///< canonical name, label

 private:
  ReportOptions options_;
  std::uint64_t records_ = 0, skipped_ = 0;
  std::map<EntityKey, Entity> entities_;
  std::deque<Quote> quotes_;  ///< no reallocation of one large block as it grows
  std::size_t quote_bytes_ = 0;
  std::shared_ptr<QuoteSpill> spill_;  ///< the runs past quote_memory; shared by copies
  void spill_if_full();
  /// finish()'s first step: one name in several spellings, an acronym that
  /// documents joined to a longer name, and a person's surname that documents
  /// joined to one full name, name that entity everywhere. Returns the names moved (acronym or surname ->
  /// name), for the quotes' speakers.
  std::map<std::string, std::string, std::less<>> merge_short_names();
  std::map<EntityKey, EntityKey> acronym_aliases() const;
  std::map<EntityKey, EntityKey> surname_aliases() const;
  std::map<EntityKey, EntityKey> spelling_aliases() const;
  std::map<std::string, Period> periods_;
  std::map<std::tuple<std::string, std::string, std::string>, Sentiment> sentiment_;  ///< name, label, period
};

}  // namespace tagwerk::core
