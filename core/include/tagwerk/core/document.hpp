// tagwerk/core/document.hpp -- the host's document model: UTF-8 text, the
// record's metadata, document attributes, named layers of spans with typed
// attribute columns, and the errors and warnings the record collected.
//
// A Document is owned by the one pipeline stage working on it; nothing here is
// synchronized. Offsets are byte offsets into text(); writers convert them.
// Every string stored in a document (labels, attribute values, list items)
// lives in the document's arena: a view handed out stays valid until the
// document is destroyed, whatever is added meanwhile.
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
#include <vector>

namespace tagwerk::core {

/// Monotonic storage for one document's strings and lists. Never moves what
/// it handed out; freed as a whole with the document.
class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  Arena(Arena&&) noexcept = default;
  Arena& operator=(Arena&&) noexcept = default;

  /// A copy of s that lives as long as the arena. Throws std::bad_alloc.
  tw_str copy(std::string_view s);
  /// `bytes` bytes aligned for any scalar. Throws std::bad_alloc.
  void* allocate(std::size_t bytes);
  std::size_t bytes_used() const noexcept { return used_total_; }

 private:
  std::vector<std::unique_ptr<unsigned char[]>> blocks_;
  unsigned char* next_ = nullptr;
  std::size_t left_ = 0;
  std::size_t block_size_ = 4096;
  std::size_t used_total_ = 0;
};

class Layer;

/// One attribute stored as a column: item i belongs to span i (or, for
/// document attributes, to the document as item 0). The type is fixed by the
/// first value set; items use the ABI's item types (tw_str, int64_t, double,
/// uint8_t, uint64_t, tw_list), strings and lists in the document's arena.
class AttrColumn {
 public:
  AttrColumn(std::string key, tw_value_type type, const Layer* target);

  const std::string& key() const noexcept { return key_; }
  tw_value_type type() const noexcept { return type_; }
  /// The referenced layer (ref and list<ref> columns), else nullptr.
  const Layer* target() const noexcept { return target_; }
  /// Items stored: spans past it have no value.
  std::size_t size() const noexcept { return present_.size(); }
  bool has(std::size_t i) const noexcept { return i < present_.size() && present_[i] != 0; }

  /// Typed reads of item i; the caller checks has(i) and type().
  std::string_view string_at(std::size_t i) const noexcept;
  std::int64_t int_at(std::size_t i) const noexcept;
  double float_at(std::size_t i) const noexcept;
  bool bool_at(std::size_t i) const noexcept;
  std::uint64_t ref_at(std::size_t i) const noexcept;
  tw_list list_at(std::size_t i) const noexcept;

  /// The column as the ABI's view (items, count, item size, present flags).
  tw_column_view view() const noexcept;

 private:
  friend class AttrTable;
  std::string key_;
  tw_value_type type_;
  const Layer* target_;
  std::size_t item_size_;
  std::vector<unsigned char> items_;  // size() * item_size_ bytes
  std::vector<std::uint8_t> present_;
};

/// What setting a value can come to.
enum class SetStatus { ok, bad_index, type_mismatch, bad_target, bad_value };

/// A set of attribute columns over `n` items: a layer's span attributes, or
/// the document's attributes (one item).
class AttrTable {
 public:
  /// Sets item i of column `key` to `value` (a tw_value as the ABI defines
  /// it; strings and lists are copied into `arena`). `items` is how many
  /// items exist (the layer's span count). Reference targets are checked
  /// against `owner` (the document the table belongs to). Throws bad_alloc.
  SetStatus set(std::size_t i, std::size_t items, std::string_view key, const tw_value& value, Arena& arena,
                const class Document* owner);
  const AttrColumn* find(std::string_view key) const noexcept;
  /// Columns in the order their keys were first set.
  const std::vector<AttrColumn>& columns() const noexcept { return columns_; }
  /// Fills out (a tw_value with struct_size set) with item i of `key`;
  /// false when it has none.
  bool get(std::size_t i, std::string_view key, tw_value& out) const noexcept;

 private:
  std::vector<AttrColumn> columns_;
};

/// A named list of spans. Spans keep insertion order: their index is their
/// identity (references and the output's arrays use it).
class Layer {
 public:
  Layer(std::string name, class Document* owner) : name_(std::move(name)), owner_(owner) {}

  const std::string& name() const noexcept { return name_; }
  std::size_t size() const noexcept { return spans_.size(); }
  /// Contiguous spans (label = index into labels()); invalidated by add().
  const std::vector<tw_span>& spans() const noexcept { return spans_; }
  std::string_view label(std::size_t i) const noexcept;
  /// The label table spans index; [0] is the empty label. Strings are stable.
  const std::vector<tw_str>& labels() const noexcept { return labels_; }

  /// Appends a span without checking it against the text (Document::add_span
  /// checks). Throws bad_alloc.
  std::size_t add(std::uint32_t begin, std::uint32_t end, std::string_view label);

  SetStatus set(std::size_t i, std::string_view key, const tw_value& value);
  /// Typed setters for host code and tests.
  SetStatus set_string(std::size_t i, std::string_view key, std::string_view v);
  SetStatus set_int(std::size_t i, std::string_view key, std::int64_t v);
  SetStatus set_float(std::size_t i, std::string_view key, double v);
  SetStatus set_bool(std::size_t i, std::string_view key, bool v);
  SetStatus set_ref(std::size_t i, std::string_view key, const Layer& target, std::size_t index);

  const AttrTable& attrs() const noexcept { return attrs_; }
  const AttrColumn* column(std::string_view key) const noexcept { return attrs_.find(key); }

  /// The document this layer belongs to.
  class Document* owner() const noexcept {
    return owner_;
  }

 private:
  friend class Document;
  std::uint32_t intern(std::string_view label);

  std::string name_;
  class Document* owner_;
  std::vector<tw_span> spans_;
  std::vector<tw_str> labels_{tw_str{"", 0}};
  std::uint32_t last_label_ = 0;  // the label of the previous add(): usually the next one's too
  // Beyond a few dozen distinct labels (a plugin labelling spans with free
  // text), a hash index keeps add() O(1).
  std::unordered_map<std::string_view, std::uint32_t> label_index_;
  AttrTable attrs_;
};

/// One input field as it was: its key and its raw JSON text, written back
/// unchanged. Fields that are strings also keep their decoded value.
struct Field {
  std::string key;
  std::string raw_json;
  std::optional<std::string> string_value;
};

/// Something that went wrong with a record (an error) or was repaired or
/// doubtful (a warning): who (a plugin's name, "input", "host") and what, in
/// words a user can act on.
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
  /// Failures: a record with any is counted as failed (exit status 1).
  std::vector<RecordError> errors;
  /// Repairs and doubts that did not fail the record.
  std::vector<RecordError> warnings;
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
  /// True when `l` is one of this document's layers.
  bool owns(const Layer* l) const noexcept;

  /// Adds a span after checking it: inside the text and on UTF-8 boundaries,
  /// or TW_NO_OFFSET for both. Returns its index, or nullopt when invalid.
  std::optional<std::size_t> add_span(Layer& layer, std::uint32_t begin, std::uint32_t end,
                                      std::string_view label);

  /// Document attributes (the record's "doc" object): one item each.
  SetStatus set_attr(std::string_view key, const tw_value& value);
  SetStatus set_attr_string(std::string_view key, std::string_view v);
  const AttrTable& attrs() const noexcept { return attrs_; }

  void add_error(std::string plugin, std::string message) {
    errors.push_back(RecordError{std::move(plugin), std::move(message)});
  }
  void add_warning(std::string plugin, std::string message) {
    warnings.push_back(RecordError{std::move(plugin), std::move(message)});
  }

  /// The arena holding this document's strings. Throws bad_alloc only when
  /// a moved-from document is reused.
  Arena& arena();

 private:
  std::vector<std::unique_ptr<Layer>> layers_;
  AttrTable attrs_;
  std::unique_ptr<Arena> arena_ = std::make_unique<Arena>();
};

}  // namespace tagwerk::core
