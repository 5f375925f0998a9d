// The JSON Lines writer: records are appended to one string buffer with
// std::to_chars for numbers, and the buffer goes to the stream in large writes.
#include <tagwerk/core/output.hpp>

#include <tagwerk/core/error.hpp>
#include <tagwerk/core/utf8.hpp>

#include <tagwerk/core/json_text.hpp>

#include "io/json_parts.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <ostream>

namespace tagwerk::core {
namespace {

constexpr std::size_t kFlushBytes = 1u << 20;

/// Strings from plugins are not checked on the way in: repair here, so the
/// output stays valid UTF-8 (and valid JSON) whatever a plugin set.
void append_string(std::string& out, std::string_view s) {
  if (is_valid_utf8(s)) {
    append_json_string(out, s);
  } else {
    append_json_string(out, repair_utf8(s));
  }
}

void append_key(std::string& out, std::string_view key) {
  append_string(out, key);
  out.push_back(':');
}

template <typename Int>
void append_int(std::string& out, Int v) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

void append_double(std::string& out, double v) {
  if (!std::isfinite(v)) {
    out.append("null");
    return;
  }
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::general, 6);
  const std::string_view s(buf, static_cast<std::size_t>(r.ptr - buf));
  out.append(s);
  // Keep a float a float for typed readers: 0 -> 0.0.
  if (s.find_first_of(".e") == std::string_view::npos) out.append(".0");
}

void append_item(std::string& out, const AttrColumn& column, std::size_t i) {
  switch (column.type()) {
    case TW_VALUE_STRING:
      append_string(out, column.string_at(i));
      return;
    case TW_VALUE_INT:
      append_int(out, column.int_at(i));
      return;
    case TW_VALUE_FLOAT:
      append_double(out, column.float_at(i));
      return;
    case TW_VALUE_BOOL:
      out.append(column.bool_at(i) ? "true" : "false");
      return;
    case TW_VALUE_REF:
      append_int(out, column.ref_at(i));
      return;
    default:
      break;
  }
  const tw_list list = column.list_at(i);
  out.push_back('[');
  for (std::size_t k = 0; k < list.count; ++k) {
    if (k) out.push_back(',');
    switch (column.type()) {
      case TW_VALUE_STRING_LIST: {
        const tw_str& s = static_cast<const tw_str*>(list.items)[k];
        append_string(out, std::string_view(s.data, s.size));
        break;
      }
      case TW_VALUE_INT_LIST:
        append_int(out, static_cast<const std::int64_t*>(list.items)[k]);
        break;
      case TW_VALUE_FLOAT_LIST:
        append_double(out, static_cast<const double*>(list.items)[k]);
        break;
      default:  // list<ref>
        append_int(out, static_cast<const std::uint64_t*>(list.items)[k]);
        break;
    }
  }
  out.push_back(']');
}

void append_offset(std::string& out, std::uint32_t offset, const OffsetMapper& mapper,
                   OffsetMapper::Cursor& cursor) {
  if (offset == TW_NO_OFFSET)
    out.append("null");
  else
    append_int(out, mapper.map(offset, cursor));
}

void append_layer(std::string& out, const Layer& layer, const std::optional<OffsetMapper>& mapper) {
  // Keys and labels repeat on every span: escape them once per layer.
  std::vector<std::string> labels;
  labels.reserve(layer.labels().size());
  for (const tw_str& label : layer.labels()) {
    labels.emplace_back();
    if (label.size > 0) {
      labels.back() = "\"label\":";
      append_string(labels.back(), std::string_view(label.data, label.size));
    }
  }
  const auto& columns = layer.attrs().columns();
  std::vector<std::string> keys;
  keys.reserve(columns.size());
  for (const AttrColumn& column : columns) {
    keys.emplace_back();
    append_key(keys.back(), column.key());
  }
  out.push_back('[');
  const auto& spans = layer.spans();
  OffsetMapper::Cursor cursor;  // spans mostly come in text order: map each from the last
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (i) out.push_back(',');
    out.push_back('{');
    bool first = true;
    auto separate = [&] {
      if (!first) out.push_back(',');
      first = false;
    };
    const tw_span& span = spans[i];
    if (span.begin != TW_NO_OFFSET || span.end != TW_NO_OFFSET) {
      out.append("\"begin\":");
      append_offset(out, span.begin, *mapper, cursor);
      out.append(",\"end\":");
      append_offset(out, span.end, *mapper, cursor);
      first = false;
    }
    if (const std::string& label = labels[span.label]; !label.empty()) {
      separate();
      out.append(label);
    }
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const AttrColumn& column = columns[c];
      if (!column.has(i)) continue;
      separate();
      out.append(keys[c]);
      append_item(out, column, i);
    }
    out.push_back('}');
  }
  out.push_back(']');
}

void append_message_array(std::string& out, const std::vector<RecordError>& messages) {
  out.push_back('[');
  for (std::size_t i = 0; i < messages.size(); ++i) {
    if (i) out.push_back(',');
    out.push_back('{');
    append_key(out, "plugin");
    append_string(out, messages[i].plugin);
    out.push_back(',');
    append_key(out, "message");
    append_string(out, messages[i].message);
    out.push_back('}');
  }
  out.push_back(']');
}

void append_messages(std::string& out, std::string_view key, const std::vector<RecordError>& messages) {
  append_key(out, key);
  append_message_array(out, messages);
}

void append_errors(std::string& out, const Document& doc) {
  append_messages(out, "errors", doc.errors);
  out.push_back(',');
  append_messages(out, "warnings", doc.warnings);
}

void append_doc_object(std::string& out, const Document& doc) {
  out.push_back('{');
  bool first = true;
  for (const AttrColumn& column : doc.attrs().columns()) {
    if (!column.has(0)) continue;
    if (!first) out.push_back(',');
    first = false;
    append_key(out, column.key());
    append_item(out, column, 0);
  }
  out.push_back('}');
}

void append_doc_attrs(std::string& out, const Document& doc) {
  append_key(out, "doc");
  append_doc_object(out, doc);
}

bool is_output_key(std::string_view key) {
  return key == "annotations" || key == "errors" || key == "warnings" || key == "doc";
}

std::string_view id_key(const Document& doc) {
  for (const auto& [canonical, key] : doc.field_names)
    if (canonical == "id") return key;
  return "id";
}

}  // namespace

namespace detail {

void append_json_item(std::string& out, const AttrColumn& column, std::size_t i) {
  append_item(out, column, i);
}

void append_json_doc_attrs(std::string& out, const Document& doc) {
  append_doc_object(out, doc);
}

void append_json_messages(std::string& out, const std::vector<RecordError>& messages) {
  append_message_array(out, messages);
}

void append_json_text(std::string& out, std::string_view s) {
  append_string(out, s);
}

}  // namespace detail

void append_json_record(std::string& out, const Document& doc, OffsetUnit unit) {
  append_json_record(out, doc, unit, LayerSelection{});
}

void append_json_record(std::string& out, const Document& doc, OffsetUnit unit,
                        const LayerSelection& layers) {
  out.push_back('{');
  if (doc.unreadable) {
    append_key(out, id_key(doc));
    append_string(out, doc.id);
    out.push_back(',');
    append_errors(out, doc);
    out.push_back('}');
    return;
  }
  // A record without an id gets the one the reader made ("<file>:<line>"), so
  // every output record can be traced back to its input.
  const std::string_view idk = id_key(doc);
  if (std::none_of(doc.fields.begin(), doc.fields.end(), [&](const Field& f) { return f.key == idk; }) &&
      !doc.id.empty()) {
    append_key(out, idk);
    append_string(out, doc.id);
    out.push_back(',');
  }
  for (const Field& field : doc.fields) {
    if (is_output_key(field.key)) continue;
    append_key(out, field.key);
    out.append(field.raw_json);
    out.push_back(',');
  }
  append_doc_attrs(out, doc);
  out.push_back(',');
  append_key(out, "annotations");
  out.push_back('{');
  std::optional<OffsetMapper> mapper;  // built once, and only when a layer has spans
  bool first = true;
  for (const auto& layer : doc.layers()) {
    if (!layers.keeps(layer->name())) continue;
    if (!first) out.push_back(',');
    first = false;
    if (!mapper && layer->size() > 0) mapper.emplace(doc.text, unit);
    append_key(out, layer->name());
    append_layer(out, *layer, mapper);
  }
  out.append("},");
  append_errors(out, doc);
  out.push_back('}');
}

std::string to_json_line(const Document& doc, OffsetUnit unit) {
  std::string out;
  append_json_record(out, doc, unit);
  return out;
}

JsonlWriter::JsonlWriter(std::ostream& out, OffsetUnit unit) : out_(out), unit_(unit) {
  buffer_.reserve(kFlushBytes + (64u << 10));
}

JsonlWriter::~JsonlWriter() {
  try {
    flush();
  } catch (...) {
    // Destructors must not throw; flush() reports the failure to those who ask.
  }
}

void JsonlWriter::write(const Document& doc) {
  append_json_record(buffer_, doc, unit_);
  buffer_.push_back('\n');
  if (buffer_.size() >= kFlushBytes) drain();
}

void JsonlWriter::write_formatted(std::string_view record) {
  buffer_.append(record);
  buffer_.push_back('\n');
  if (buffer_.size() >= kFlushBytes) drain();
}

void JsonlWriter::flush() {
  drain();
  out_.flush();
  if (!out_) throw SetupError("writing the output failed (disk full, or the reading end of a pipe closed?)");
}

void JsonlWriter::drain() {
  if (buffer_.empty()) return;
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
  if (!out_) throw SetupError("writing the output failed (disk full, or the reading end of a pipe closed?)");
}

}  // namespace tagwerk::core
