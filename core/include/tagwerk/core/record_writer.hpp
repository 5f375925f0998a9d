// tagwerk/core/record_writer.hpp -- the writers of a run's output behind one
// interface: JSON Lines (docs/output-format.md) and SQLite (docs/sqlite.md).
// A record is formatted on the pipeline's workers (format(), possibly in
// worker processes) and written in input order on one thread (write()).
#pragma once

#include <tagwerk/core/chain.hpp>
#include <tagwerk/core/document.hpp>
#include <tagwerk/core/io_options.hpp>

#include <filesystem>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tagwerk::core {

enum class OutputFormat { jsonl, sqlite };

/// "jsonl" / "sqlite" and back; nullopt for any other name.
const char* to_string(OutputFormat format) noexcept;
std::optional<OutputFormat> parse_output_format(std::string_view name) noexcept;
/// Every name parse_output_format accepts.
const std::vector<std::string>& output_format_names();
/// The format an output path asks for by its extension: sqlite for .sqlite,
/// .sqlite3 and .db, jsonl for anything else (standard output included).
OutputFormat output_format_for(const std::filesystem::path& path);

/// One writer of annotated records. Lifecycle:
///  1. created on the main thread, before the pipeline starts its workers;
///  2. format() on the workers, several at once (and in forked worker
///     processes: it touches nothing but its arguments and the writer's
///     immutable settings);
///  3. write() with each formatted record, in input order, on one thread;
///     flush() now and then from that thread (a point a killed run keeps);
///  4. finish() once after the last record, then destruction.
/// write(), flush() and finish() throw SetupError when the output cannot be
/// written: the run cannot go on without it.
class RecordWriter {
 public:
  virtual ~RecordWriter() = default;
  /// Appends `doc`, formatted for write(), to `out`. Thread-safe.
  virtual void format(const Document& doc, std::string& out) const = 0;
  /// Writes one record made by format().
  virtual void write(std::string_view formatted) = 0;
  virtual void flush() = 0;
  virtual void finish() = 0;
};

/// JSON Lines to `out` (not owned; it must outlive the writer), with the
/// layers `layers` keeps, offsets in `unit`.
std::unique_ptr<RecordWriter> make_jsonl_writer(std::ostream& out, OffsetUnit unit, LayerSelection layers);

/// An SQLite database at `file` (created; an existing file is replaced). The
/// tables of the shipped layers take their columns from the schemas the
/// chain's steps declare; `chain` is read here only. The database is opened
/// on the first write(), so that worker processes forked before never
/// inherit an open connection. Throws SetupError when `file` cannot be
/// removed; opening errors come from write() and name the file and the fix.
std::unique_ptr<RecordWriter> make_sqlite_writer(const std::filesystem::path& file, const Chain& chain,
                                                 OffsetUnit unit, LayerSelection layers);

}  // namespace tagwerk::core
