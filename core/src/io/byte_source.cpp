// File and standard-input reading, with streaming gzip (zlib) and zstd
// decompression chosen by the data's magic bytes.
#include "io/byte_source.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace tagwerk::core::io {
namespace {

constexpr std::size_t kCompressedChunk = 256u << 10;

/// Plain bytes of a file descriptor, with a few bytes peeked ahead (for the
/// magic number) served first.
class FdSource final : public ByteSource {
 public:
  FdSource(int fd, bool owned, std::string name) : fd_(fd), owned_(owned), name_(std::move(name)) {}
  ~FdSource() override {
    if (owned_) ::close(fd_);
  }

  std::size_t read(char* dst, std::size_t size) override {
    if (size == 0) return 0;
    if (peek_pos_ < peek_.size()) {
      const std::size_t n = std::min(size, peek_.size() - peek_pos_);
      std::memcpy(dst, peek_.data() + peek_pos_, n);
      peek_pos_ += n;
      return n;
    }
    return raw_read(dst, size);
  }

  std::uint64_t consumed() const override { return consumed_; }

  /// Reads up to n bytes ahead, to be returned again by read().
  std::string_view peek(std::size_t n) {
    peek_.resize(n);
    std::size_t have = 0;
    while (have < n) {
      const std::size_t got = raw_read(peek_.data() + have, n - have);
      if (got == 0) break;
      have += got;
    }
    peek_.resize(have);
    return std::string_view(peek_.data(), have);
  }

  const std::string& name() const { return name_; }

 private:
  std::size_t raw_read(char* dst, std::size_t size) {
    for (;;) {
      const ssize_t got = ::read(fd_, dst, size);
      if (got >= 0) {
        consumed_ += static_cast<std::uint64_t>(got);
        return static_cast<std::size_t>(got);
      }
      if (errno == EINTR) continue;
      throw SourceError("reading " + name_ + " failed: " + std::strerror(errno));
    }
  }

  int fd_;
  bool owned_;
  std::string name_;
  std::vector<char> peek_;
  std::size_t peek_pos_ = 0;
  std::uint64_t consumed_ = 0;
};

class GzipSource final : public ByteSource {
 public:
  explicit GzipSource(std::unique_ptr<FdSource> raw) : raw_(std::move(raw)), in_(kCompressedChunk) {
    std::memset(&zs_, 0, sizeof zs_);
    // 15 + 32: gzip or zlib header, detected automatically.
    if (inflateInit2(&zs_, 15 + 32) != Z_OK)
      throw SourceError("zlib could not be initialised for " + raw_->name());
  }
  ~GzipSource() override { inflateEnd(&zs_); }

  std::size_t read(char* dst, std::size_t size) override {
    if (!deferred_.empty()) throw SourceError(deferred_);
    if (done_ || size == 0) return 0;
    try {
      return inflate_into(dst, size);
    } catch (const SourceError& e) {
      // Hand out what was decompressed before the failure first.
      const auto produced = static_cast<std::size_t>(reinterpret_cast<char*>(zs_.next_out) - dst);
      if (produced == 0) throw;
      deferred_ = e.what();
      return produced;
    }
  }

  std::uint64_t consumed() const override { return raw_->consumed(); }

 private:
  std::size_t inflate_into(char* dst, std::size_t size) {
    zs_.next_out = reinterpret_cast<Bytef*>(dst);
    zs_.avail_out = static_cast<uInt>(std::min<std::size_t>(size, 1u << 30));
    while (zs_.avail_out > 0) {
      if (zs_.avail_in == 0 && !refill()) {
        // The end of the file is fine between members, truncation inside one.
        if (in_member_)
          throw SourceError(raw_->name() + " ends in the middle of its gzip data (truncated file?)");
        done_ = true;
        break;
      }
      if (!in_member_) {  // more data after a member: the next member (as `cat a.gz b.gz` makes)
        inflateReset(&zs_);
        in_member_ = true;
      }
      const int rc = inflate(&zs_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        in_member_ = false;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        throw SourceError(raw_->name() + " is not valid gzip data (zlib: " +
                          (zs_.msg ? std::string(zs_.msg) : "error " + std::to_string(rc)) + ")");
      }
    }
    return static_cast<std::size_t>(reinterpret_cast<char*>(zs_.next_out) - dst);
  }

  bool refill() {
    const std::size_t got = raw_->read(in_.data(), in_.size());
    zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
    zs_.avail_in = static_cast<uInt>(got);
    return got > 0;
  }

  std::unique_ptr<FdSource> raw_;
  std::vector<char> in_;
  z_stream zs_;
  bool in_member_ = true;
  bool done_ = false;
  std::string deferred_;  // an error to throw once the bytes before it are out
};

class ZstdSource final : public ByteSource {
 public:
  explicit ZstdSource(std::unique_ptr<FdSource> raw)
      : raw_(std::move(raw)), in_(ZSTD_DStreamInSize()), ds_(ZSTD_createDStream()) {
    if (!ds_) throw SourceError("zstd could not be initialised for " + raw_->name());
    ZSTD_initDStream(ds_);
  }
  ~ZstdSource() override { ZSTD_freeDStream(ds_); }

  std::size_t read(char* dst, std::size_t size) override {
    if (!deferred_.empty()) throw SourceError(deferred_);
    if (done_ || size == 0) return 0;
    ZSTD_outBuffer out{dst, size, 0};
    try {
      decompress_into(out);
    } catch (const SourceError& e) {
      // Hand out what was decompressed before the failure first.
      if (out.pos == 0) throw;
      deferred_ = e.what();
    }
    return out.pos;
  }

  std::uint64_t consumed() const override { return raw_->consumed(); }

 private:
  void decompress_into(ZSTD_outBuffer& out) {
    while (out.pos < out.size) {
      if (input_.pos == input_.size && !eof_) {
        const std::size_t got = raw_->read(in_.data(), in_.size());
        if (got == 0)
          eof_ = true;
        else
          input_ = ZSTD_inBuffer{in_.data(), got, 0};
      }
      const bool drained = eof_ && input_.pos == input_.size;
      if (drained && pending_ == 0) {
        done_ = true;
        break;
      }
      const std::size_t before = out.pos;
      pending_ = ZSTD_decompressStream(ds_, &out, &input_);
      if (ZSTD_isError(pending_))
        throw SourceError(raw_->name() + " is not valid zstd data (zstd: " + ZSTD_getErrorName(pending_) +
                          ")");
      // Without input left, the decoder can only flush what it holds; no progress = truncated frame.
      if (drained && out.pos == before && pending_ != 0)
        throw SourceError(raw_->name() + " ends in the middle of its zstd data (truncated file?)");
    }
  }

  std::unique_ptr<FdSource> raw_;
  std::vector<char> in_;
  ZSTD_DStream* ds_;
  ZSTD_inBuffer input_{nullptr, 0, 0};
  std::size_t pending_ = 0;
  bool eof_ = false;
  bool done_ = false;
  std::string deferred_;
};

}  // namespace

std::unique_ptr<ByteSource> open_byte_source(const std::string& path, Compression* detected) {
  std::unique_ptr<FdSource> raw;
  if (path == "-") {
    raw = std::make_unique<FdSource>(STDIN_FILENO, false, "standard input");
  } else {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw SourceError("cannot open " + path + ": " + std::strerror(errno));
#ifdef POSIX_FADV_SEQUENTIAL
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
    raw = std::make_unique<FdSource>(fd, true, path);
  }
  const std::string_view magic = raw->peek(4);
  Compression kind = Compression::none;
  if (magic.size() >= 2 && magic[0] == '\x1f' && magic[1] == '\x8b')
    kind = Compression::gzip;
  else if (magic.size() == 4 && magic == std::string_view("\x28\xb5\x2f\xfd", 4))
    kind = Compression::zstd;
  if (detected) *detected = kind;
  switch (kind) {
    case Compression::gzip:
      return std::make_unique<GzipSource>(std::move(raw));
    case Compression::zstd:
      return std::make_unique<ZstdSource>(std::move(raw));
    case Compression::none:
      break;
  }
  return raw;
}

}  // namespace tagwerk::core::io
