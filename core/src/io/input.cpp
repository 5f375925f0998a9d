// open_input and the corpus reader: the inputs one after the other, each a
// JSON Lines stream, a folder of text files or one text file; shard selection
// by record ordinal before any parsing.
#include <tagwerk/core/input.hpp>

#include <tagwerk/core/error.hpp>
#include <tagwerk/core/utf8.hpp>

#include "io/byte_source.hpp"
#include "io/jsonl_record.hpp"
#include "io/line_reader.hpp"

#include <fmt/format.h>

#include <fcntl.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace tagwerk::core {

RecordReader::~RecordReader() = default;

namespace {

namespace fs = std::filesystem;

enum class Kind { jsonl, text_folder, text_file };

struct TextFile {
  std::string path;  // as opened
  std::string id;    // relative path without extension
  std::uint64_t size = 0;
};

struct Input {
  std::string path;
  Kind kind = Kind::jsonl;
  std::vector<TextFile> files;  // text_folder and text_file
};

bool is_stdin(const std::string& path) {
  return path == "-";
}

io::SourceName source_name(const std::string& path) {
  if (is_stdin(path)) return {"<stdin>", "stdin", "standard input"};
  return {path, path, path};
}

/// The extension a text file's id drops, or empty when the name is not a text file's.
std::string_view text_extension(std::string_view name) {
  for (std::string_view ext : {".txt", ".txt.gz", ".txt.zst"})
    if (name.size() > ext.size() && name.substr(name.size() - ext.size()) == ext) return ext;
  return {};
}

[[noreturn]] void cannot_read(const std::string& path, const std::string& why) {
  throw SetupError(
      fmt::format("cannot read input '{}': {} — check the path (relative paths are resolved against "
                  "the chain file's folder), or give - for standard input",
                  path, why));
}

void check_readable(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) cannot_read(path, std::strerror(errno));
  ::close(fd);
}

std::vector<TextFile> list_folder(const std::string& folder) {
  std::vector<TextFile> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, fs::directory_options::none, ec), end;
  if (ec) cannot_read(folder, ec.message());
  for (; it != end; it.increment(ec)) {
    if (ec) cannot_read(folder, fmt::format("listing it failed: {}", ec.message()));
    const fs::path& p = it->path();
    const std::string name = p.filename().string();
    const std::string_view ext = text_extension(name);
    if (ext.empty() || !it->is_regular_file(ec)) continue;
    std::string rel = p.lexically_relative(folder).generic_string();
    rel.resize(rel.size() - ext.size());
    files.push_back(TextFile{p.string(), std::move(rel), static_cast<std::uint64_t>(it->file_size(ec))});
  }
  if (ec) cannot_read(folder, fmt::format("listing it failed: {}", ec.message()));
  std::sort(files.begin(), files.end(), [](const TextFile& a, const TextFile& b) { return a.id < b.id; });
  if (files.empty())
    throw SetupError(
        fmt::format("input folder '{}' holds no text files (*.txt, *.txt.gz, *.txt.zst); give the "
                    "folder that holds the articles, or JSON Lines files",
                    folder));
  return files;
}

class CorpusReader final : public RecordReader {
 public:
  CorpusReader(std::vector<Input> inputs, const InputOptions& options, std::optional<std::uint64_t> total)
      : inputs_(std::move(inputs)),
        options_(options),
        parser_(options.fields, options.max_text_bytes),
        total_(total) {
    const std::size_t m = options.max_text_bytes;
    max_line_ = m > (SIZE_MAX - (1u << 20)) / 4 ? SIZE_MAX / 2 : 4 * m + (1u << 20);
  }

  bool next(Document& out) override {
    for (;;) {
      if (current_ == inputs_.size()) return false;
      const Input& in = inputs_[current_];
      const bool got = in.kind == Kind::jsonl ? next_jsonl(in, out) : next_text(in, out);
      if (got) return true;
      finish_input();
    }
  }

  std::uint64_t bytes_consumed() const override {
    return finished_bytes_ + (source_ ? source_->consumed() : 0) + text_bytes_;
  }
  std::optional<std::uint64_t> total_bytes() const override { return total_; }

 private:
  /// Counts one record; true when it belongs to this reader's shard.
  bool take() { return ordinal_++ % options_.shard.count == options_.shard.index - 1; }

  void finish_input() {
    if (source_) finished_bytes_ += source_->consumed();
    finished_bytes_ += text_bytes_;
    text_bytes_ = 0;
    lines_.reset();
    source_.reset();
    file_index_ = 0;
    ++current_;
  }

  std::unique_ptr<io::ByteSource> open_source(const std::string& path) {
    try {
      return io::open_byte_source(path);
    } catch (const io::SourceError& e) {
      throw SetupError(fmt::format(
          "input '{}' could no longer be opened ({}); was it moved while tagwerk ran?", path, e.what()));
    }
  }

  /// The next record of a JSON Lines input; false at its end.
  bool next_jsonl(const Input& in, Document& out) {
    if (broken_) {
      broken_ = false;
      return false;
    }
    if (!source_) {
      name_ = source_name(in.path);
      source_ = open_source(in.path);
      lines_ = std::make_unique<io::LineReader>(*source_, max_line_);
    }
    std::string_view line;
    for (;;) {
      io::LineReader::Status status;
      try {
        status = lines_->next(line);
      } catch (const io::SourceError& e) {
        // The rest of this input is lost; say so in one record, then go on.
        const std::uint64_t n = lines_->line_number() + 1;
        if (!take()) return false;
        parser_.unreadable(
            {}, name_, n,
            fmt::format("reading {} stopped before line {}: {}; the rest of this input is skipped — "
                        "check the file (gzip -t, zstd -t) and rerun",
                        name_.display, n, e.what()),
            out);
        broken_ = true;
        return true;
      }
      if (status == io::LineReader::Status::end) return false;
      if (status == io::LineReader::Status::too_long) {
        if (lines_->skipped_blank()) continue;  // blank, however long: not a record
        if (!take()) continue;
        parser_.unreadable(
            line, name_, lines_->line_number(),
            fmt::format("line {} of {} is {} bytes long, more than the limit of {} bytes (4 × "
                        "max_text_mb + 1 MiB); it was skipped unread — split the record or "
                        "raise max_text_mb in the chain's [input] table",
                        lines_->line_number(), name_.display, lines_->skipped_length(), max_line_),
            out);
        return true;
      }
      // A byte order mark (as Windows editors write) opens the first line, not a record.
      if (lines_->line_number() == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;  // blank: not a record
      if (!take()) continue;
      parser_.parse(line, name_, lines_->line_number(), out);
      return true;
    }
  }

  /// The next text file of a folder (or the one text file); false at its end.
  bool next_text(const Input& in, Document& out) {
    while (file_index_ < in.files.size()) {
      const TextFile& file = in.files[file_index_++];
      if (!take()) {
        text_bytes_ += file.size;
        continue;
      }
      read_text_file(file, file_index_, out);
      return true;
    }
    return false;
  }

  void read_text_file(const TextFile& file, std::uint64_t ordinal, Document& out) {
    const FieldMap& names = options_.fields;
    const std::size_t max = options_.max_text_bytes;
    out = Document{};
    out.origin = RecordOrigin{is_stdin(file.path) ? "<stdin>" : file.path, ordinal};
    out.field_names = renamed_fields(names);
    out.id = file.id;
    out.fields.push_back(Field{names.id, io::json_string(file.id), file.id});
    const std::string display = is_stdin(file.path) ? "standard input" : file.path;

    std::string text;
    std::uint64_t size = 0;
    bool too_big = false;
    bool size_known = true;
    try {
      io::Compression kind = io::Compression::none;
      auto source = io::open_byte_source(file.path, &kind);
      if (kind == io::Compression::none && !is_stdin(file.path) && file.size > max) {
        too_big = true;
        size = file.size;
        text_bytes_ += file.size;
      } else {
        // Read up to one byte more than allowed: enough to know it is too long.
        std::size_t have = 0;
        for (;;) {
          if (text.size() - have < (64u << 10))
            text.resize(std::min<std::size_t>(have + (1u << 20), max + 1));
          if (have == text.size()) {
            too_big = true;
            size_known = false;
            break;
          }
          const std::size_t got = source->read(text.data() + have, text.size() - have);
          if (got == 0) break;
          have += got;
        }
        text.resize(have);
        size = have;
        text_bytes_ += source->consumed();
      }
    } catch (const io::SourceError& e) {
      out.unreadable = true;
      out.fields.clear();
      out.add_error("input",
                    fmt::format("text file {} could not be read: {}; fix or remove the file and rerun",
                                display, e.what()));
      text_bytes_ += file.size;
      return;
    }

    const std::string record = fmt::format("record '{}' (text file {})", file.id, display);
    if (too_big) {
      out.add_error(
          "input",
          fmt::format("{} has {}{} bytes of text, more than the limit of {} bytes; it is passed "
                      "through unanalysed — raise max_text_mb in the chain's [input] table to analyse it",
                      record, size_known ? "" : "more than ", size_known ? size : max, max));
      return;
    }
    if (text.size() >= 3 && std::string_view(text).substr(0, 3) == "\xEF\xBB\xBF") text.erase(0, 3);
    if (!is_valid_utf8(text)) {
      const std::size_t first = find_invalid_utf8(text);
      std::size_t repairs = 0;
      text = repair_utf8(text, &repairs);
      out.add_warning("input",
                      fmt::format("{} has invalid UTF-8 (byte {}; {} sequence{}); replaced by U+FFFD, "
                                  "offsets refer to the repaired text",
                                  record, first, repairs, repairs == 1 ? "" : "s"));
    }
    if (text.empty()) out.add_error("input", fmt::format("{} is empty; there is nothing to analyse", record));
    out.fields.push_back(Field{names.text, io::json_string(text), std::nullopt});
    out.text = std::move(text);
  }

  std::vector<Input> inputs_;
  InputOptions options_;
  io::JsonlRecordParser parser_;
  std::optional<std::uint64_t> total_;
  std::size_t max_line_ = 0;

  std::size_t current_ = 0;  // index into inputs_
  io::SourceName name_;
  std::unique_ptr<io::ByteSource> source_;
  std::unique_ptr<io::LineReader> lines_;
  std::size_t file_index_ = 0;
  bool broken_ = false;  // the current input failed; it ends after its error record

  std::uint64_t ordinal_ = 0;
  std::uint64_t finished_bytes_ = 0;
  std::uint64_t text_bytes_ = 0;  // of the current text input
};

}  // namespace

std::unique_ptr<RecordReader> open_input(const InputOptions& options) {
  if (options.paths.empty())
    throw SetupError(
        "no input given: name JSON Lines files or folders of text files, or - for standard input");
  if (options.shard.count == 0 || options.shard.index == 0 || options.shard.index > options.shard.count)
    throw SetupError(fmt::format("shard {}/{} is invalid: write K/N with 1 <= K <= N, e.g. 3/8",
                                 options.shard.index, options.shard.count));

  std::vector<Input> inputs;
  std::optional<std::uint64_t> total = 0;
  for (const std::string& path : options.paths) {
    Input in{path, Kind::jsonl, {}};
    if (is_stdin(path)) {
      total.reset();
      if (options.format == InputFormat::text) {
        in.kind = Kind::text_file;
        in.files.push_back(TextFile{path, "stdin", 0});
      }
      inputs.push_back(std::move(in));
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (ec || !fs::exists(st)) cannot_read(path, ec ? ec.message() : "no such file or folder");
    if (fs::is_directory(st)) {
      if (options.format == InputFormat::jsonl)
        throw SetupError(
            fmt::format("input '{}' is a folder, but the input format is jsonl; give the JSON Lines "
                        "files, or set the format to text (or automatic) to read its .txt files",
                        path));
      in.kind = Kind::text_folder;
      in.files = list_folder(path);
      for (const auto& f : in.files)
        if (total) *total += f.size;
    } else {
      check_readable(path);
      const std::uint64_t size = fs::is_regular_file(st) ? fs::file_size(path, ec) : 0;
      if (!fs::is_regular_file(st))
        total.reset();
      else if (total)
        *total += size;
      const std::string name = fs::path(path).filename().string();
      const bool text = options.format == InputFormat::text ||
                        (options.format == InputFormat::automatic && !text_extension(name).empty());
      if (text) {
        in.kind = Kind::text_file;
        const std::string_view ext = text_extension(name);
        std::string id =
            ext.empty() ? fs::path(name).stem().string() : name.substr(0, name.size() - ext.size());
        in.files.push_back(TextFile{path, std::move(id), size});
      }
    }
    inputs.push_back(std::move(in));
  }
  return std::make_unique<CorpusReader>(std::move(inputs), options, total);
}

}  // namespace tagwerk::core
