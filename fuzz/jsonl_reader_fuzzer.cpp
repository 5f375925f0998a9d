// The corpus reader on one JSON Lines input of arbitrary bytes, opened by path
// as a user's file is (plain, gzip or zstd), then the same bytes through the
// line splitter with tiny buffers. Checked: every non-blank line gives exactly
// one record, a record's text is well-formed UTF-8, an unreadable record says
// why, and the writer makes one JSON object of each record in every offset unit.
//
// The first byte of the input picks the setup, the rest is the file:
//   bits 0-1  1: gzip-compressed here, 2: zstd-compressed here, else the bytes
//             as stored (which may start with a compressor's magic bytes)
//   bit 2     the compressed stream is cut short (a truncated download)
//   bits 3-7  n: max_text_bytes is 4 * n, or the default when n is 0
#include <tagwerk/core/document.hpp>
#include <tagwerk/core/input.hpp>
#include <tagwerk/core/output.hpp>
#include <tagwerk/core/utf8.hpp>

#include "fuzz_check.hpp"
#include "io/byte_source.hpp"
#include "io/jsonl_record.hpp"
#include "io/line_reader.hpp"

#include <sys/mman.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace {

using namespace tagwerk;
using fuzz::check;

std::string gzip(std::string_view data) {
  z_stream zs{};
  deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  check(deflate(&zs, Z_FINISH) == Z_STREAM_END, "gzip compression of the input failed");
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::string zstd(std::string_view data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  const std::size_t n = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 1);
  check(!ZSTD_isError(n), "zstd compression of the input failed");
  out.resize(n);
  return out;
}

/// An in-memory file that open_input() opens by path, like any other.
class MemFile {
 public:
  explicit MemFile(std::string_view bytes) : fd_(::memfd_create("tagwerk-fuzz", MFD_CLOEXEC)) {
    check(fd_ >= 0, "memfd_create failed");
    while (!bytes.empty()) {
      const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
      check(n > 0, "writing the memfd failed");
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
  }
  ~MemFile() { ::close(fd_); }
  MemFile(const MemFile&) = delete;
  MemFile& operator=(const MemFile&) = delete;
  std::string path() const { return "/proc/self/fd/" + std::to_string(fd_); }

 private:
  int fd_;
};

/// Uncompressed bytes handed out a few at a time, so that every line crosses reads.
class SmallReads final : public core::io::ByteSource {
 public:
  explicit SmallReads(std::string_view bytes) : bytes_(bytes) {}
  std::size_t read(char* dst, std::size_t size) override {
    const std::size_t n = std::min({size, bytes_.size() - pos_, std::size_t{7}});
    std::memcpy(dst, bytes_.data() + pos_, n);
    pos_ += n;
    return n;
  }
  std::uint64_t consumed() const override { return pos_; }

 private:
  std::string_view bytes_;
  std::size_t pos_ = 0;
};

/// The records the error policy promises: one per line that is not blank.
std::size_t expected_records(std::string_view bytes) {
  std::size_t n = 0;
  while (!bytes.empty()) {
    const std::size_t nl = bytes.find('\n');
    const std::string_view line = bytes.substr(0, nl);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) ++n;
    bytes.remove_prefix(nl == std::string_view::npos ? bytes.size() : nl + 1);
  }
  return n;
}

bool starts_compressed(std::string_view bytes) {
  return bytes.starts_with("\x1f\x8b") || bytes.starts_with(std::string_view("\x28\xb5\x2f\xfd", 4));
}

void check_record(const core::Document& doc) {
  check(core::is_valid_utf8(doc.text), "a record's text is not UTF-8", doc.id);
  check(!doc.unreadable || (doc.fields.empty() && doc.text.empty() && !doc.errors.empty()),
        "an unreadable record keeps fields or text, or says nothing", doc.id);
  for (auto unit : {core::OffsetUnit::codepoints, core::OffsetUnit::bytes, core::OffsetUnit::utf16})
    fuzz::check_json(core::to_json_line(doc, unit));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned setup = data[0];
  const std::string_view payload(reinterpret_cast<const char*>(data) + 1, size - 1);
  const unsigned compression = setup & 3;
  const bool truncated = (setup & 4) != 0 && compression != 0 && compression != 3;
  const std::size_t max_text = (setup >> 3) == 0 ? core::InputOptions{}.max_text_bytes : 4 * (setup >> 3);

  std::string stored = compression == 1   ? gzip(payload)
                       : compression == 2 ? zstd(payload)
                                          : std::string(payload);
  if (truncated) stored.resize(stored.size() / 2 + 1);

  // 1. Through open_input(), as `tagwerk run FILE` reads it.
  const MemFile file(stored);
  core::InputOptions options;
  options.paths = {file.path()};
  options.max_text_bytes = max_text;
  auto reader = core::open_input(options);
  core::Document doc;
  std::size_t records = 0;
  while (reader->next(doc)) {
    check_record(doc);
    ++records;
  }
  const bool plain = (compression == 0 || compression == 3) && !starts_compressed(payload);
  if (plain || (compression != 0 && compression != 3 && !truncated)) {
    // The reader drops a byte-order mark opening the file: a file of a BOM alone has no record.
    const std::string_view content = payload.starts_with("\xEF\xBB\xBF") ? payload.substr(3) : payload;
    check(records == expected_records(content), "the reader did not give one record per non-blank line",
          std::to_string(records) + " records, " + std::to_string(expected_records(content)) + " lines");
  }

  // 2. The line splitter with buffers a few bytes long, so lines grow, cross
  // reads and exceed the line limit (skipped as too long, yet still a record
  // unless blank).
  SmallReads source(payload);
  constexpr std::size_t kMaxLine = 48;
  core::io::LineReader lines(source, kMaxLine, 16);
  core::io::JsonlRecordParser parser(core::FieldMap{}, max_text);
  const core::io::SourceName name{"<fuzz>", "fuzz", "the fuzz input"};
  std::string_view line;
  std::size_t split = 0;
  for (;;) {
    const auto status = lines.next(line);
    if (status == core::io::LineReader::Status::end) break;
    if (status == core::io::LineReader::Status::too_long) {
      if (lines.skipped_blank()) continue;
      parser.unreadable(line, name, lines.line_number(), "too long", doc);
    } else {
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      parser.parse(line, name, lines.line_number(), doc);
    }
    check_record(doc);
    ++split;
  }
  check(split == expected_records(payload), "the line splitter lost or invented a line",
        std::to_string(split) + " records, " + std::to_string(expected_records(payload)) + " lines");
  return 0;
}
