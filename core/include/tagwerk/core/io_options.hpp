// tagwerk/core/io_options.hpp -- the settings of a run's input and output, as a
// chain's [input] / [output] tables and the command line set them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tagwerk::core {

/// Which input field holds each canonical metadata value.
struct FieldMap {
  std::string id = "id";
  std::string text = "text";
  std::string title = "title";
  std::string date = "date";
  std::string lang = "lang";
  std::string source = "source";
  std::string url = "url";
};

/// The canonical names `fields` renames, as (canonical, input key) pairs in
/// the order of FieldMap: what Document::field_names lists for a record.
std::vector<std::pair<std::string, std::string>> renamed_fields(const FieldMap& fields);

enum class InputFormat { automatic, jsonl, text };

/// Deterministic part K of N of the input: the records whose 0-based ordinal
/// modulo N is K-1. {1, 1} is the whole input.
struct Shard {
  std::uint32_t index = 1;  // K, 1-based
  std::uint32_t count = 1;  // N
};

struct InputOptions {
  /// Files (.jsonl, .jsonl.gz, .jsonl.zst), folders of .txt files, or "-" for
  /// standard input. Relative paths are resolved by whoever fills this in.
  std::vector<std::string> paths;
  InputFormat format = InputFormat::automatic;
  FieldMap fields;
  /// A text longer than this is not analysed; its record carries an error.
  std::size_t max_text_bytes = 32u << 20;
  Shard shard;
};

enum class OffsetUnit { codepoints, bytes, utf16 };

/// Which layers a writer writes: those in `only` (every layer when it is
/// empty) that are not in `exclude`. A reference into a layer left out keeps
/// its index; the layer it points into is simply not written.
struct LayerSelection {
  std::vector<std::string> only;
  std::vector<std::string> exclude;
  /// True when layer `name` is written.
  bool keeps(std::string_view name) const noexcept;
  /// True when every layer is written.
  bool all() const noexcept { return only.empty() && exclude.empty(); }
};

struct OutputOptions {
  /// A file path, or "-" for standard output.
  std::string path = "-";
  OffsetUnit offsets = OffsetUnit::codepoints;
  LayerSelection layers;
};

/// The names chains and the command line use: "auto", "jsonl", "text" and
/// "codepoints", "bytes", "utf16". parse_* give nullopt for any other text.
const char* to_string(InputFormat format) noexcept;
const char* to_string(OffsetUnit unit) noexcept;
std::optional<InputFormat> parse_input_format(std::string_view name) noexcept;
std::optional<OffsetUnit> parse_offset_unit(std::string_view name) noexcept;
/// Every name parse_* accepts, in documentation order.
const std::vector<std::string>& input_format_names();
const std::vector<std::string>& offset_unit_names();

}  // namespace tagwerk::core
