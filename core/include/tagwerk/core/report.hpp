// tagwerk/core/report.hpp -- corpus-level reports over annotated records as a
// reduce step: map each record into a partial state, merge partial states,
// finish into tables (entity index, who-said-what, timeline, sentiment per
// entity over time). One file or the shards of a `--shard K/N` run give the
// same tables: merge is commutative and associative and finish sorts.
//
// Memory: a state holds aggregates per entity (canonical name + label, with
// its surface forms), per period and per (entity, period), plus one row per
// attributed quote (its text cut to ReportOptions::quote_chars); never whole
// records. Sentiment sums are kept in integer micro-units, so the order in
// which records and shards are added cannot change a mean by a rounding bit.
#pragma once

#include <tagwerk/core/document.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
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
};

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

  /// Adds everything of `other` (made with the same options) to this state.
  void merge(ReportState&& other);

  /// The four tables, in the order entities, quotes, timeline, sentiment,
  /// rows sorted so that the result depends only on the records added.
  std::vector<ReportTable> finish() const;

  std::uint64_t records() const noexcept { return records_; }
  std::uint64_t skipped() const noexcept { return skipped_; }

  // The aggregates, public so that tests and writers may inspect them.
  struct Entity {
    std::uint64_t mentions = 0;
    std::uint64_t documents = 0;
    std::map<std::string, std::uint64_t> variants;
    std::string first_seen, last_seen;  ///< document dates, YYYY-MM-DD...
  };
  struct Quote {
    std::string date, doc_id, title, speaker, speaker_entity, kind, cue, text, sentiment_label;
    std::optional<double> sentiment_score;
    std::int64_t begin = 0;
  };
  struct Period {
    std::uint64_t documents = 0, statements = 0, quotes = 0;
    std::map<std::string, std::uint64_t> entities, speakers;
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
  std::vector<Quote> quotes_;
  std::map<std::string, Period> periods_;
  std::map<std::tuple<std::string, std::string, std::string>, Sentiment> sentiment_;  ///< name, label, period
};

}  // namespace tagwerk::core
