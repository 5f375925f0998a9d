// tagwerk/core/document.hpp -- the host's document model: UTF-8 text, the
// record's metadata, named layers of spans with typed attributes, and the
// errors the record collected on its way through the chain.
//
// A Document is owned by the one pipeline stage working on it; nothing here is
// synchronized. Offsets are byte offsets into text(); writers convert them.
#pragma once

#include <tagwerk/abi.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

namespace tagwerk::core {

class Layer;

/// A reference to span `index` of `layer` (same document).
struct SpanRef {
  const Layer* layer = nullptr;
  std::size_t index = 0;
  bool operator==(const SpanRef&) const = default;
};

/// A typed attribute value; monostate = not set for this span.
using AttrValue = std::variant<std::monostate, std::string, std::int64_t, double, bool, SpanRef>;

/// One attribute of a layer, stored as a column: values[i] belongs to span i
/// (shorter than the layer when the last spans have no value).
struct AttrColumn {
  std::string key;
  std::vector<AttrValue> values;
};

/// A named list of spans. Spans keep insertion order: their index is their
/// identity (references and the output's arrays use it).
class Layer {
 public:
  explicit Layer(std::string name) : name_(std::move(name)) {}

  const std::string& name() const noexcept { return name_; }
  std::size_t size() const noexcept { return spans_.size(); }
  /// Contiguous spans; the reference is invalidated by add().
  const std::vector<tw_span>& spans() const noexcept { return spans_; }
  std::string_view label(std::size_t i) const { return label_names_[label_ids_.at(i)]; }
  /// Labels are interned: a layer has few distinct ones (PER, LOC, word, ...).
  /// label_id(i) indexes label_names(); id 0 is the empty label.
  std::uint32_t label_id(std::size_t i) const { return label_ids_.at(i); }
  const std::vector<std::string>& label_names() const noexcept { return label_names_; }

  /// Appends a span without checking it against any text (Document::add_span checks).
  std::size_t add(std::uint32_t begin, std::uint32_t end, std::string_view label);

  /// Sets attribute `key` of span i. Returns false when i is out of range.
  bool set(std::size_t i, std::string_view key, AttrValue value);
  /// The attribute, or nullptr when span i has none of that name.
  const AttrValue* get(std::size_t i, std::string_view key) const;
  /// All attribute columns, in the order their keys were first set.
  const std::vector<AttrColumn>& columns() const noexcept { return columns_; }

  /// The document this layer belongs to (kept current when the document moves).
  class Document* owner() const noexcept {
    return owner_;
  }

 private:
  friend class Document;
  class Document* owner_ = nullptr;
  std::string name_;
  std::uint32_t intern(std::string_view label);

  std::vector<tw_span> spans_;
  std::vector<std::uint32_t> label_ids_;
  std::vector<std::string> label_names_{std::string()};
  std::uint32_t last_label_ = 0;  // the label of the previous add(): usually the next one's too
  // Beyond a few dozen distinct labels (a plugin labelling spans with free
  // text), a hash index keeps add() O(1).
  std::unordered_map<std::string, std::uint32_t> label_index_;
  std::vector<AttrColumn> columns_;
};

/// One input field as it was: its key and its raw JSON text, written back
/// unchanged. Fields that are strings also keep their decoded value.
struct Field {
  std::string key;
  std::string raw_json;
  std::optional<std::string> string_value;
};

/// Something that went wrong with a record: who (a plugin's name, "input",
/// "host") and what, in words a user can act on.
struct RecordError {
  std::string plugin;
  std::string message;
};

/// Where a record came from: the input's name (file path or "<stdin>") and
/// its 1-based record number there (JSON Lines: the line number).
struct RecordOrigin {
  std::string source;
  std::uint64_t number = 0;
};

class Document {
 public:
  Document() = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  Document(Document&& other) noexcept;
  Document& operator=(Document&& other) noexcept;

  /// Canonical metadata, already mapped from the input's field names.
  std::string id;
  std::string text;
  /// The record's fields in input order (including the text field), for the writer.
  std::vector<Field> fields;
  /// Canonical name -> input key, where the input renamed a field (text -> "body").
  std::vector<std::pair<std::string, std::string>> field_names;
  RecordOrigin origin;
  std::vector<RecordError> errors;
  /// True when the record could not be read at all (broken JSON): it is written
  /// with its id (or origin) and errors only, and no plugin runs on it.
  bool unreadable = false;

  /// A metadata value by canonical name (id, title, date, lang, source, url)
  /// or by any input key holding a string; empty when absent.
  std::string_view meta(std::string_view key) const;

  Layer* find_layer(std::string_view name) noexcept;
  const Layer* find_layer(std::string_view name) const noexcept;
  /// The layer of that name, created empty at the end if absent. Pointers to
  /// layers stay valid for the document's lifetime.
  Layer& layer(std::string_view name);
  const std::vector<std::unique_ptr<Layer>>& layers() const noexcept { return layers_; }

  /// Adds a span after checking it: inside the text and on UTF-8 boundaries,
  /// or TW_NO_OFFSET for both. Returns its index, or nullopt when invalid.
  std::optional<std::size_t> add_span(Layer& layer, std::uint32_t begin, std::uint32_t end,
                                      std::string_view label);

  void add_error(std::string plugin, std::string message) {
    errors.push_back(RecordError{std::move(plugin), std::move(message)});
  }

 private:
  std::vector<std::unique_ptr<Layer>> layers_;
};

}  // namespace tagwerk::core
