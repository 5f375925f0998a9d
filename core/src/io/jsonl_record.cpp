// JSON Lines records with simdjson On-Demand: each field's raw JSON is kept as
// it was (raw tokens point into the line), strings are decoded once, nested
// objects and arrays are validated with the DOM parser so that a broken line
// is never taken for a good one.
#include "io/jsonl_record.hpp"

#include <tagwerk/core/utf8.hpp>

#include <tagwerk/core/json_text.hpp>
#include "io/line_reader.hpp"

#include <fmt/format.h>

namespace tagwerk::core::io {

static_assert(kLinePadding >= simdjson::SIMDJSON_PADDING, "lines must be padded for simdjson");

namespace {

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::string_view type_name(simdjson::ondemand::json_type t) {
  using simdjson::ondemand::json_type;
  switch (t) {
    case json_type::array:
      return "an array";
    case json_type::object:
      return "an object";
    case json_type::number:
      return "a number";
    case json_type::string:
      return "a string";
    case json_type::boolean:
      return "a boolean";
    case json_type::null:
      return "null";
  }
  return "of unknown type";
}

/// RFC 8259: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool is_json_number(std::string_view s) {
  std::size_t i = 0;
  auto digits = [&] {
    const std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > start;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

/// Replaces each \uXXXX escape of a UTF-16 surrogate that is not part of a
/// pair with \uFFFD, in place (same length). Such escapes are valid JSON
/// syntax (truncated tweets are full of them) but name no character; simdjson
/// refuses them. Returns how many were replaced.
std::size_t replace_lone_surrogates(std::string& s) {
  auto code_unit = [&](std::size_t i) -> int {  // the unit of an escape at i, or -1
    if (i + 6 > s.size() || s[i] != '\\' || s[i + 1] != 'u') return -1;
    int v = 0;
    for (std::size_t k = i + 2; k < i + 6; ++k) {
      const char c = s[k];
      const int d = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : -1;
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    return v;
  };
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\\') continue;
    const int unit = code_unit(i);
    if (unit < 0) {
      ++i;  // skip the escaped character (it may be a backslash)
      continue;
    }
    const bool high = unit >= 0xD800 && unit <= 0xDBFF, low = unit >= 0xDC00 && unit <= 0xDFFF;
    if (high) {
      const int next = code_unit(i + 6);
      if (next >= 0xDC00 && next <= 0xDFFF) {
        i += 11;  // a proper pair
        continue;
      }
    }
    if (high || low) {
      s.replace(i, 6, "\\uFFFD");
      ++count;
    }
    i += 5;
  }
  return count;
}

/// Finds "key": "value" in the first bytes of a line that could not be
/// parsed, for a record id that a user can recognise. Only simple strings.
std::optional<std::string> salvage_id(std::string_view line, std::string_view key) {
  const std::string needle = json_string(key);
  std::size_t pos = 0;
  while ((pos = line.find(needle, pos)) != std::string_view::npos) {
    std::size_t i = pos + needle.size();
    pos = i;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size() || line[i] != ':') continue;
    ++i;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i >= line.size() || line[i] != '"') continue;
    const std::size_t start = ++i;
    const std::size_t end = line.find('"', start);
    if (end == std::string_view::npos || end - start > 256) return std::nullopt;
    const std::string_view value = line.substr(start, end - start);
    if (value.find('\\') != std::string_view::npos || !is_valid_utf8(value)) return std::nullopt;
    return std::string(value);
  }
  return std::nullopt;
}

}  // namespace

std::string json_string(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  append_json_string(out, s);
  return out;
}

JsonlRecordParser::JsonlRecordParser(const FieldMap& fields, std::size_t max_text_bytes)
    : fields_(fields), max_text_bytes_(max_text_bytes), field_names_(renamed_fields(fields)) {}

JsonlRecordParser::Outcome JsonlRecordParser::parse_fields(std::string_view json, std::size_t capacity,
                                                           Document& out) {
  using namespace simdjson;
  Outcome r;
  value_ends_.clear();
  auto fail = [&](error_code e) {
    r.error = e;
    return r;
  };
  ondemand::document doc;
  if (auto e = parser_.iterate(json.data(), json.size(), capacity).get(doc)) return fail(e);
  ondemand::object object;
  if (auto e = doc.get_object().get(object)) {
    if (e == INCORRECT_TYPE) r.reason = "it is not a JSON object; every line must be one {...} record";
    return fail(e);
  }
  for (auto member : object) {
    ondemand::field field;
    if (auto e = std::move(member).get(field)) return fail(e);
    std::string_view key;
    if (auto e = field.unescaped_key().get(key)) return fail(e);
    ondemand::value value = field.value();
    ondemand::json_type type;
    if (auto e = value.type().get(type)) return fail(e);

    Field f;
    f.key.assign(key);
    const bool is_text = key == fields_.text && !r.has_text;
    const bool is_id = key == fields_.id && !r.has_id;
    std::string_view raw;
    switch (type) {
      case ondemand::json_type::string: {
        raw = value.raw_json_token();
        raw = trim_right(raw);
        std::string_view s;
        if (auto e = value.get_string().get(s)) return fail(e);
        if (is_text) {
          r.text_size = s.size();
          if (s.size() <= max_text_bytes_) out.text.assign(s);
        } else {
          f.string_value.emplace(s);
        }
        if (is_id) r.id.assign(s);
        break;
      }
      case ondemand::json_type::number: {
        raw = value.raw_json_token();
        raw = trim_right(raw);
        // Checked against the grammar, not parsed: numbers beyond 64 bits are valid JSON, kept raw.
        if (!is_json_number(raw)) return fail(NUMBER_ERROR);
        if (is_id) r.id.assign(raw);
        break;
      }
      case ondemand::json_type::boolean: {
        raw = value.raw_json_token();
        raw = trim_right(raw);
        bool b;
        if (auto e = value.get_bool().get(b)) return fail(e);
        break;
      }
      case ondemand::json_type::null: {
        raw = value.raw_json_token();
        raw = trim_right(raw);
        bool null = false;
        if (auto e = value.is_null().get(null)) return fail(e);
        if (!null) return fail(INCORRECT_TYPE);
        break;
      }
      case ondemand::json_type::object: {
        ondemand::object nested;
        if (auto e = value.get_object().get(nested)) return fail(e);
        if (auto e = nested.raw_json().get(raw)) return fail(e);
        raw = trim_right(raw);
        // The slice lies inside the padded line, so the DOM parser may read past it.
        if (auto e = validator_.parse(raw.data(), raw.size(), false).error()) return fail(e);
        break;
      }
      case ondemand::json_type::array: {
        ondemand::array nested;
        if (auto e = value.get_array().get(nested)) return fail(e);
        if (auto e = nested.raw_json().get(raw)) return fail(e);
        raw = trim_right(raw);
        if (auto e = validator_.parse(raw.data(), raw.size(), false).error()) return fail(e);
        break;
      }
    }
    if (is_text) {
      r.has_text = true;
      if (type != ondemand::json_type::string) r.text_type = type_name(type);
    }
    if (is_id && (type == ondemand::json_type::string || type == ondemand::json_type::number))
      r.has_id = true;
    f.raw_json.assign(raw);
    value_ends_.push_back(static_cast<std::size_t>(raw.data() + raw.size() - json.data()));
    out.fields.push_back(std::move(f));
  }
  // Anything after the object's closing brace means this is not one record.
  if (!doc.current_location().error()) {
    r.reason = "there is more after the JSON object; put exactly one record on each line";
    return fail(TAPE_ERROR);
  }
  return r;
}

std::string JsonlRecordParser::describe(const Document& doc, const SourceName& source,
                                        std::uint64_t line_number) const {
  return fmt::format("record '{}' (line {} of {})", doc.id, line_number, source.display);
}

void JsonlRecordParser::parse(std::string_view line, const SourceName& source, std::uint64_t line_number,
                              Document& out) {
  out = Document{};
  out.origin = RecordOrigin{source.origin, line_number};
  out.field_names = field_names_;

  Outcome r = parse_fields(line, line.size() + kLinePadding, out);
  std::size_t repairs = 0;
  std::size_t first_bad = std::string_view::npos;
  if (r.error == simdjson::UTF8_ERROR) {
    // Invalid UTF-8 can only sit inside strings of a well-formed line: repair
    // the whole line, then parse it again.
    first_bad = find_invalid_utf8(line);
    repaired_ = repair_utf8(line, &repairs);
    repaired_.reserve(repaired_.size() + kLinePadding);
    out.fields.clear();
    out.text.clear();
    r = parse_fields(repaired_, repaired_.capacity(), out);
  }
  std::size_t surrogates = 0;
  if (r.error == simdjson::STRING_ERROR) {
    if (first_bad == std::string_view::npos) repaired_.assign(line);
    surrogates = replace_lone_surrogates(repaired_);
    if (surrogates > 0) {
      if (first_bad == std::string_view::npos) first_bad = 0;  // marks repaired_ as the parsed text
      repaired_.reserve(repaired_.size() + kLinePadding);
      out.fields.clear();
      out.text.clear();
      r = parse_fields(repaired_, repaired_.capacity(), out);
    }
  }

  if (r.error) {
    out.fields.clear();
    out.text.clear();
    std::string reason =
        r.reason.empty() ? fmt::format("simdjson: {}", simdjson::error_message(r.error)) : r.reason;
    std::optional<std::string> id;
    if (r.has_id)
      id = std::move(r.id);
    else
      id = salvage_id(
          repaired_.empty() || first_bad == std::string_view::npos ? line : std::string_view(repaired_),
          fields_.id);
    unreadable(
        std::string_view(), source, line_number,
        fmt::format("line {} of {} is not valid JSON ({}); the record is passed through with its id and "
                    "this error only — fix the line to have it analysed",
                    line_number, source.display, reason),
        out);
    if (id) out.id = std::move(*id);
    return;
  }

  out.id = r.has_id ? std::move(r.id) : fmt::format("{}:{}", source.id_prefix, line_number);

  if (surrogates > 0) {
    out.add_warning("input",
                    fmt::format("{} has {} \\u escape{} of a lone UTF-16 surrogate, which names no "
                                "character; replaced by U+FFFD",
                                describe(out, source, line_number), surrogates, surrogates == 1 ? "" : "s"));
  }
  if (repairs > 0) {
    std::string where = "a field name";
    for (std::size_t i = 0; i < value_ends_.size(); ++i) {
      if (value_ends_[i] > first_bad) {
        where = fmt::format("field '{}'", out.fields[i].key);
        break;
      }
    }
    out.add_warning("input", fmt::format("{} has invalid UTF-8 in {} (byte {} of the line; {} sequence{}); "
                                         "replaced by U+FFFD, offsets refer to the repaired text",
                                         describe(out, source, line_number), where, first_bad, repairs,
                                         repairs == 1 ? "" : "s"));
  }

  if (!r.has_text) {
    std::string keys;
    for (const auto& f : out.fields) keys += (keys.empty() ? "" : ", ") + f.key;
    out.add_error(
        "input", fmt::format("{} has no text field '{}' (its fields: {}); set the input's fields.text "
                             "to the field that holds the text",
                             describe(out, source, line_number), fields_.text, keys.empty() ? "none" : keys));
  } else if (!r.text_type.empty()) {
    out.add_error("input",
                  fmt::format("{} has a text field '{}' that is {}, not a string; there is nothing to "
                              "analyse",
                              describe(out, source, line_number), fields_.text, r.text_type));
  } else if (r.text_size > max_text_bytes_) {
    out.text.clear();
    out.add_error(
        "input",
        fmt::format("{} has a text of {} bytes, more than the limit of {} bytes; it is passed "
                    "through unanalysed — raise max_text_mb in the chain's [input] table to analyse it",
                    describe(out, source, line_number), r.text_size, max_text_bytes_));
  } else if (r.text_size == 0) {
    out.add_error("input", fmt::format("{} has an empty text field '{}'; there is nothing to analyse",
                                       describe(out, source, line_number), fields_.text));
  }
}

void JsonlRecordParser::unreadable(std::string_view prefix, const SourceName& source,
                                   std::uint64_t line_number, std::string message, Document& out) const {
  out = Document{};
  out.origin = RecordOrigin{source.origin, line_number};
  out.field_names = field_names_;
  out.unreadable = true;
  std::optional<std::string> id = prefix.empty() ? std::nullopt : salvage_id(prefix, fields_.id);
  out.id = id ? std::move(*id) : fmt::format("{}:{}", source.id_prefix, line_number);
  out.add_error("input", std::move(message));
}

}  // namespace tagwerk::core::io
