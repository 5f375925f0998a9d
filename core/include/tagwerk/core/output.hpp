// tagwerk/core/output.hpp -- the JSON Lines writer: one JSON object per
// record, one line each, in the layout DESIGN.md fixes ("The output record").
//
// A readable record is written as its input fields as they were (raw JSON, in
// input order; input fields named "doc", "annotations", "errors" or
// "warnings" are left out, since this run's replace them), then
//   "doc": {key: value, ...}                   document attributes
//   "annotations": {layer: [span, ...], ...}   layers in document order
//   "errors": [{"plugin": ..., "message": ...}, ...]
//   "warnings": [{"plugin": ..., "message": ...}, ...]
// A span is {"begin", "end" (in the writer's OffsetUnit; both omitted for a span
// without extent), "label" (when non-empty), then each attribute set on it, in
// column order}: strings, integers, booleans, floats with up to 6 significant
// digits (always with a '.' or exponent; NaN and infinities as null), a
// reference to another span as that span's index in its layer, and lists as
// JSON arrays of those.
// An unreadable record is written as {"<id key>": id, "errors": [...],
// "warnings": [...]}.
// Output is compact (no spaces), valid UTF-8 (strings that are not are
// repaired), with control characters escaped as \u00XX.
#pragma once

#include <tagwerk/core/document.hpp>
#include <tagwerk/core/io_options.hpp>

#include <iosfwd>
#include <string>
#include <string_view>

namespace tagwerk::core {

/// Appends `doc` as one JSON object (without a newline) to `out`, with every
/// layer. Thread-safe for different `out` strings.
void append_json_record(std::string& out, const Document& doc, OffsetUnit unit);

/// As above, with only the layers `layers` keeps under "annotations"; a
/// reference into a layer left out is still written as its index.
void append_json_record(std::string& out, const Document& doc, OffsetUnit unit, const LayerSelection& layers);

/// `doc` as one JSON object, without the trailing newline.
std::string to_json_line(const Document& doc, OffsetUnit unit);

/// Writes records to a stream it does not own, buffering about 1 MiB between
/// writes to it. Not thread-safe: one thread (the pipeline's serial write
/// stage) calls it.
class JsonlWriter {
 public:
  JsonlWriter(std::ostream& out, OffsetUnit unit);
  /// Flushes; errors are swallowed here (call flush() to see them).
  ~JsonlWriter();
  JsonlWriter(const JsonlWriter&) = delete;
  JsonlWriter& operator=(const JsonlWriter&) = delete;

  /// Appends one record and '\n'. Throws SetupError when the stream fails
  /// (disk full, closed pipe): the run cannot go on without its output.
  void write(const Document& doc);

  /// Appends a record already formatted by append_json_record (without its
  /// '\n'): lets the pipeline format records on its worker threads and keep
  /// only the writing serial. Throws SetupError as write().
  void write_formatted(std::string_view record);

  /// Writes the buffer to the stream and flushes it. Throws SetupError as write().
  void flush();

 private:
  void drain();

  std::ostream& out_;
  OffsetUnit unit_;
  std::string buffer_;
};

}  // namespace tagwerk::core
