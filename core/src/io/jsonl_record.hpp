// io/jsonl_record.hpp -- one JSON Lines line into one Document, following the
// error policy of <tagwerk/core/input.hpp>: a broken line still gives a record.
#pragma once

#include <tagwerk/core/document.hpp>
#include <tagwerk/core/io_options.hpp>

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tagwerk::core::io {

/// Where records come from, for origins, generated ids and messages.
struct SourceName {
  std::string origin;     ///< RecordOrigin::source: the path, or "<stdin>"
  std::string id_prefix;  ///< generated ids are "<id_prefix>:<line>": the path, or "stdin"
  std::string display;    ///< in messages: the path, or "standard input"
};

/// `s` as a quoted JSON string (a Field's raw_json for a string made here).
std::string json_string(std::string_view s);

/// Parses lines with one reused simdjson parser. Not thread-safe.
class JsonlRecordParser {
 public:
  JsonlRecordParser(const FieldMap& fields, std::size_t max_text_bytes);

  /// Fills `out` (replacing it) from `line`. `line` must be followed by at
  /// least simdjson::SIMDJSON_PADDING readable bytes.
  void parse(std::string_view line, const SourceName& source, std::uint64_t line_number, Document& out);

  /// Fills `out` as an unreadable record carrying `message`; the id is salvaged
  /// from `prefix` (the line's first bytes) when possible.
  void unreadable(std::string_view prefix, const SourceName& source, std::uint64_t line_number,
                  std::string message, Document& out) const;

 private:
  struct Outcome {
    simdjson::error_code error = simdjson::SUCCESS;
    std::string reason;  // when not a simdjson error
    std::string id;      // the id, when it was read before any error
    bool has_id = false;
    bool has_text = false;
    std::string_view text_type;  // JSON type of the text field when not a string
    std::size_t text_size = 0;
  };
  Outcome parse_fields(std::string_view json, std::size_t capacity, Document& out);
  std::string describe(const Document& doc, const SourceName& source, std::uint64_t line_number) const;

  FieldMap fields_;
  std::size_t max_text_bytes_;
  std::vector<std::pair<std::string, std::string>> field_names_;
  simdjson::ondemand::parser parser_;
  simdjson::dom::parser validator_;      // checks nested objects and arrays fully
  std::string repaired_;                 // the line after UTF-8 repair, padded
  std::vector<std::size_t> value_ends_;  // end offset of each field's value in the parsed line
};

}  // namespace tagwerk::core::io
