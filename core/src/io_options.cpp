// Names of input formats and offset units, shared by chains, the command line and
// manifests, and the field renames of a FieldMap.
#include <tagwerk/core/io_options.hpp>

#include <algorithm>

namespace tagwerk::core {

bool LayerSelection::keeps(std::string_view name) const noexcept {
  const auto in = [name](const std::vector<std::string>& list) {
    return std::find(list.begin(), list.end(), name) != list.end();
  };
  return (only.empty() || in(only)) && !in(exclude);
}

std::vector<std::pair<std::string, std::string>> renamed_fields(const FieldMap& f) {
  std::vector<std::pair<std::string, std::string>> out;
  const std::pair<const char*, const std::string*> all[] = {
      {"id", &f.id},     {"text", &f.text},     {"title", &f.title}, {"date", &f.date},
      {"lang", &f.lang}, {"source", &f.source}, {"url", &f.url}};
  for (const auto& [canonical, key] : all)
    if (*key != canonical) out.emplace_back(canonical, *key);
  return out;
}

const char* to_string(InputFormat format) noexcept {
  switch (format) {
    case InputFormat::automatic:
      return "auto";
    case InputFormat::jsonl:
      return "jsonl";
    case InputFormat::text:
      return "text";
  }
  return "auto";
}

const char* to_string(OffsetUnit unit) noexcept {
  switch (unit) {
    case OffsetUnit::codepoints:
      return "codepoints";
    case OffsetUnit::bytes:
      return "bytes";
    case OffsetUnit::utf16:
      return "utf16";
  }
  return "codepoints";
}

std::optional<InputFormat> parse_input_format(std::string_view name) noexcept {
  for (auto f : {InputFormat::automatic, InputFormat::jsonl, InputFormat::text})
    if (name == to_string(f)) return f;
  return std::nullopt;
}

std::optional<OffsetUnit> parse_offset_unit(std::string_view name) noexcept {
  for (auto u : {OffsetUnit::codepoints, OffsetUnit::bytes, OffsetUnit::utf16})
    if (name == to_string(u)) return u;
  return std::nullopt;
}

const std::vector<std::string>& input_format_names() {
  static const std::vector<std::string> kNames = {"auto", "jsonl", "text"};
  return kNames;
}

const std::vector<std::string>& offset_unit_names() {
  static const std::vector<std::string> kNames = {"codepoints", "bytes", "utf16"};
  return kNames;
}

}  // namespace tagwerk::core
