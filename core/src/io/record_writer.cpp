// The writer interface's JSON Lines side and the names of the output formats.
#include <tagwerk/core/record_writer.hpp>

#include <tagwerk/core/output.hpp>

#include <algorithm>
#include <cctype>

namespace tagwerk::core {
namespace {

class JsonlRecordWriter final : public RecordWriter {
 public:
  JsonlRecordWriter(std::ostream& out, OffsetUnit unit, LayerSelection layers)
      : writer_(out, unit), unit_(unit), layers_(std::move(layers)) {}
  void format(const Document& doc, std::string& out) const override {
    append_json_record(out, doc, unit_, layers_);
  }
  void write(std::string_view formatted) override { writer_.write_formatted(formatted); }
  void flush() override { writer_.flush(); }
  void finish() override { writer_.flush(); }

 private:
  JsonlWriter writer_;
  OffsetUnit unit_;
  LayerSelection layers_;
};

}  // namespace

const char* to_string(OutputFormat format) noexcept {
  return format == OutputFormat::sqlite ? "sqlite" : "jsonl";
}

std::optional<OutputFormat> parse_output_format(std::string_view name) noexcept {
  if (name == "jsonl") return OutputFormat::jsonl;
  if (name == "sqlite") return OutputFormat::sqlite;
  return std::nullopt;
}

const std::vector<std::string>& output_format_names() {
  static const std::vector<std::string> kNames = {"jsonl", "sqlite"};
  return kNames;
}

OutputFormat output_format_for(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  if (ext == ".sqlite" || ext == ".sqlite3" || ext == ".db") return OutputFormat::sqlite;
  return OutputFormat::jsonl;
}

std::unique_ptr<RecordWriter> make_jsonl_writer(std::ostream& out, OffsetUnit unit, LayerSelection layers) {
  return std::make_unique<JsonlRecordWriter>(out, unit, std::move(layers));
}

}  // namespace tagwerk::core
