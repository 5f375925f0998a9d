// Streaming gzip / zstd decompression of inputs, recognised by magic bytes;
// and the chunked line splitter on top of it.
#include "io/byte_source.hpp"
#include "io/line_reader.hpp"

#include <gtest/gtest.h>

#include <zlib.h>
#include <zstd.h>
#include "io_test_support.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace tagwerk::core::io {
namespace {

namespace fs = std::filesystem;

class Decompress : public test::TempDirTest {
 protected:
  static std::string gzip(const std::string& data) {
    z_stream zs{};
    EXPECT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
    std::string out(deflateBound(&zs, data.size()) + 64, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
  }

  static std::string zstd(const std::string& data) {
    std::string out(ZSTD_compressBound(data.size()), '\0');
    const std::size_t n = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3);
    EXPECT_FALSE(ZSTD_isError(n));
    out.resize(n);
    return out;
  }

  static std::string read_all(ByteSource& src, std::size_t step) {
    std::string out, buf(step, '\0');
    while (std::size_t n = src.read(buf.data(), buf.size())) out.append(buf.data(), n);
    return out;
  }

  static std::string sample(std::size_t size) {
    std::mt19937 rng(42);
    std::string s;
    const char* words[] = {"Putin ", "Trump ",           "G20 ", "Hamburg ", "Gipfel\xC3\xA4 ",
                           "\n",     "\xF0\x9F\x98\x80 "};
    while (s.size() < size) s += words[rng() % 7];
    return s;
  }
};

TEST_F(Decompress, PlainGzipAndZstdGiveTheSameBytes) {
  const std::string data = sample(3u << 20);
  for (const auto& [name, bytes, kind] : {std::tuple{"a.jsonl", data, Compression::none},
                                          std::tuple{"a.jsonl.gz", gzip(data), Compression::gzip},
                                          std::tuple{"a.jsonl.zst", zstd(data), Compression::zstd}}) {
    const std::string path = write(name, bytes);
    Compression detected{};
    auto src = open_byte_source(path, &detected);
    EXPECT_EQ(detected, kind) << name;
    EXPECT_EQ(read_all(*src, 7777), data) << name;
    EXPECT_EQ(src->consumed(), bytes.size()) << name << ": all compressed bytes counted";
  }
}

TEST_F(Decompress, MagicBytesNotTheNameDecide) {
  const std::string path = write("noext", zstd("hello\n"));
  auto src = open_byte_source(path);
  EXPECT_EQ(read_all(*src, 3), "hello\n");
}

TEST_F(Decompress, ConcatenatedMembersAndFramesAreOneStream) {
  const std::string path_gz = write("m.gz", gzip("one\n") + gzip("two\n"));
  EXPECT_EQ(read_all(*open_byte_source(path_gz), 64), "one\ntwo\n");
  const std::string path_zst = write("m.zst", zstd("one\n") + zstd("two\n"));
  EXPECT_EQ(read_all(*open_byte_source(path_zst), 64), "one\ntwo\n");
}

TEST_F(Decompress, TruncatedDataIsReportedNotSilentlyShort) {
  const std::string data = sample(1u << 20);
  const std::string gz = gzip(data), zst = zstd(data);
  auto gz_src = open_byte_source(write("t.gz", gz.substr(0, gz.size() / 2)));
  EXPECT_THROW(read_all(*gz_src, 4096), SourceError);
  auto zst_src = open_byte_source(write("t.zst", zst.substr(0, zst.size() / 2)));
  EXPECT_THROW(read_all(*zst_src, 4096), SourceError);
  std::string corrupt = gz;
  for (std::size_t i = 100; i < 200; ++i) corrupt[i] = 'x';
  auto bad = open_byte_source(write("c.gz", corrupt));
  try {
    read_all(*bad, 4096);
    FAIL() << "corrupt gzip read without error";
  } catch (const SourceError& e) {
    EXPECT_NE(std::string(e.what()).find("c.gz"), std::string::npos) << e.what();
  }
}

TEST_F(Decompress, MissingFileThrows) {
  EXPECT_THROW(open_byte_source((dir_ / "nope.jsonl").string()), SourceError);
}

TEST_F(Decompress, LineReaderSplitsAcrossChunksAndGrowsForLongLines) {
  std::string data = "short\r\n\n" + std::string(100, 'L') + "\nlast-without-newline";
  auto src = open_byte_source(write("l.txt", gzip(data)));
  LineReader lines(*src, 1000, /*chunk=*/16);
  std::string_view line;
  ASSERT_EQ(lines.next(line), LineReader::Status::line);
  EXPECT_EQ(line, "short");
  ASSERT_EQ(lines.next(line), LineReader::Status::line);
  EXPECT_EQ(line, "");
  ASSERT_EQ(lines.next(line), LineReader::Status::line);
  EXPECT_EQ(line, std::string(100, 'L'));
  EXPECT_EQ(lines.line_number(), 3u);
  ASSERT_EQ(lines.next(line), LineReader::Status::line);
  EXPECT_EQ(line, "last-without-newline");
  EXPECT_EQ(lines.next(line), LineReader::Status::end);
}

TEST_F(Decompress, LineReaderSkipsALineOverTheLimitAndGoesOn) {
  const std::string data = "a\n{\"id\":\"big\"," + std::string(5000, 'x') + "\nb\n";
  auto src = open_byte_source(write("big.jsonl", data));
  LineReader lines(*src, 1000, 64);
  std::string_view line;
  ASSERT_EQ(lines.next(line), LineReader::Status::line);
  EXPECT_EQ(line, "a");
  ASSERT_EQ(lines.next(line), LineReader::Status::too_long);
  EXPECT_EQ(line.substr(0, 13), "{\"id\":\"big\",x");
  EXPECT_EQ(lines.skipped_length(), 5012u);  // 12 bytes of {"id":"big", + 5000
  EXPECT_EQ(lines.line_number(), 2u);
  ASSERT_EQ(lines.next(line), LineReader::Status::line);
  EXPECT_EQ(line, "b");
  EXPECT_EQ(lines.line_number(), 3u);
  EXPECT_EQ(lines.next(line), LineReader::Status::end);
}

}  // namespace
}  // namespace tagwerk::core::io
