// Pieces of the JSON Lines record that the SQLite writer stores as JSON text
// too (document attributes, errors, list attributes), so both writers spell
// them the same way. Defined in jsonl_writer.cpp; thread-safe.
#pragma once

#include <tagwerk/core/document.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace tagwerk::core::detail {

/// Item i of `column` as JSON (a string, number, boolean or array).
void append_json_item(std::string& out, const AttrColumn& column, std::size_t i);
/// The document's attributes as one JSON object.
void append_json_doc_attrs(std::string& out, const Document& doc);
/// [{"plugin": ..., "message": ...}, ...]
void append_json_messages(std::string& out, const std::vector<RecordError>& messages);
/// `s` as a JSON string, repaired to valid UTF-8 first when it is not.
void append_json_text(std::string& out, std::string_view s);

}  // namespace tagwerk::core::detail
