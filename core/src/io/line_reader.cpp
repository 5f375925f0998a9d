// Chunked line splitting with a bounded, padded buffer.
#include "io/line_reader.hpp"

#include <algorithm>
#include <cstring>
#include <string_view>

namespace tagwerk::core::io {
namespace {

bool blank(const char* p, std::size_t n) {
  return std::string_view(p, n).find_first_not_of(" \t\r") == std::string_view::npos;
}

}  // namespace

LineReader::LineReader(ByteSource& source, std::size_t max_line, std::size_t chunk)
    : source_(source),
      max_line_(std::max<std::size_t>(max_line, 1)),
      chunk_(std::max<std::size_t>(chunk, 16)) {
  reserve(chunk_);
}

void LineReader::reserve(std::size_t capacity) {
  auto fresh = std::make_unique<char[]>(capacity + kLinePadding);
  if (end_ > begin_) std::memcpy(fresh.get(), buf_.get() + begin_, end_ - begin_);
  std::memset(fresh.get() + capacity, ' ', kLinePadding);
  end_ -= begin_;
  scanned_ -= begin_;
  begin_ = 0;
  buf_ = std::move(fresh);
  capacity_ = capacity;
}

bool LineReader::fill() {
  if (eof_) return false;
  if (end_ == capacity_) {
    // Make room: move the partial line to the front, or grow for a long line.
    if (begin_ > 0) {
      std::memmove(buf_.get(), buf_.get() + begin_, end_ - begin_);
      end_ -= begin_;
      scanned_ -= begin_;
      begin_ = 0;
    } else {
      reserve(std::min(capacity_ * 2, max_line_ + 1));
    }
  }
  const std::size_t got = source_.read(buf_.get() + end_, capacity_ - end_);
  if (got == 0) {
    eof_ = true;
    return false;
  }
  end_ += got;
  return true;
}

LineReader::Status LineReader::next(std::string_view& line) {
  // After a long line, give the memory back.
  if (capacity_ > 4 * chunk_ && end_ - begin_ < chunk_) reserve(chunk_);
  for (;;) {
    const char* nl = static_cast<const char*>(std::memchr(buf_.get() + scanned_, '\n', end_ - scanned_));
    if (nl) {
      std::size_t stop = static_cast<std::size_t>(nl - buf_.get());
      const std::size_t start = begin_;
      begin_ = scanned_ = stop + 1;
      if (stop > start && buf_[stop - 1] == '\r') --stop;
      ++line_number_;
      line = std::string_view(buf_.get() + start, stop - start);
      return Status::line;
    }
    scanned_ = end_;
    if (end_ - begin_ > max_line_) break;
    if (!fill()) {
      if (begin_ == end_) return Status::end;
      std::size_t stop = end_;
      const std::size_t start = begin_;
      begin_ = scanned_ = end_;
      if (stop > start && buf_[stop - 1] == '\r') --stop;
      ++line_number_;
      line = std::string_view(buf_.get() + start, stop - start);
      return Status::line;
    }
  }
  // Too long: keep the first chunk for messages, skip the rest up to the newline.
  ++line_number_;
  skipped_length_ = end_ - begin_;
  skipped_blank_ = blank(buf_.get() + begin_, end_ - begin_);
  const std::size_t keep = std::min({chunk_, end_ - begin_, capacity_ / 2});
  std::memmove(buf_.get(), buf_.get() + begin_, keep);
  line = std::string_view(buf_.get(), keep);
  std::size_t tail_begin = keep;  // bytes after the kept prefix are scratch
  for (;;) {
    const std::size_t got = eof_ ? 0 : source_.read(buf_.get() + tail_begin, capacity_ - tail_begin);
    if (got == 0) {
      eof_ = true;
      begin_ = end_ = scanned_ = tail_begin;
      break;
    }
    const char* nl = static_cast<const char*>(std::memchr(buf_.get() + tail_begin, '\n', got));
    const std::size_t stop = nl ? static_cast<std::size_t>(nl - buf_.get()) : tail_begin + got;
    skipped_blank_ = skipped_blank_ && blank(buf_.get() + tail_begin, stop - tail_begin);
    if (nl) {
      skipped_length_ += stop - tail_begin;
      begin_ = scanned_ = stop + 1;
      end_ = tail_begin + got;
      break;
    }
    skipped_length_ += got;
  }
  return Status::too_long;
}

}  // namespace tagwerk::core::io
