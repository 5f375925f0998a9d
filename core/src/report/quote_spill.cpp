// Sorted runs of quote rows in a temporary file (see quote_spill.hpp).
#include "report/quote_spill.hpp"

#include <tagwerk/core/error.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <tuple>

namespace tagwerk::core {

namespace {

auto key(const Quote& q) {
  using Q = Quote;
  return std::make_tuple(q.get(Q::date), q.get(Q::doc_id), q.begin, q.get(Q::text), q.get(Q::kind),
                         q.get(Q::speaker), q.get(Q::speaker_entity), q.get(Q::cue), q.get(Q::title),
                         q.get(Q::sentiment_label), q.sentiment_score);
}

// A row on disk: the packed size, the field ends, begin, whether there is a
// score, the score, the packed fields.
constexpr std::size_t kEndsAt = 4;
constexpr std::size_t kBeginAt = kEndsAt + sizeof(Quote::ends);
constexpr std::size_t kHasScoreAt = kBeginAt + 8;
constexpr std::size_t kScoreAt = kHasScoreAt + 1;
constexpr std::size_t kHeader = kScoreAt + 8;

// The heap of QuoteMerger keeps its largest element first, so "larger" is the
// cursor whose row sorts first.
template <typename Cursor>
bool sorts_later(const Cursor* a, const Cursor* b) {
  return quote_less(b->row, a->row);
}

}  // namespace

bool quote_less(const Quote& a, const Quote& b) {
  return key(a) < key(b);
}

class SpillFile {
 public:
  SpillFile() {
    const std::filesystem::path dir = std::filesystem::temp_directory_path();
    std::string name = (dir / "tagwerk-report-XXXXXX").string();
    fd_ = ::mkstemp(name.data());
    if (fd_ < 0)
      throw SetupError("cannot make a temporary file for the quotes in " + dir.string() + " (" +
                       std::strerror(errno) + "); set TMPDIR to a writable folder");
    ::unlink(name.c_str());
    dir_ = dir.string();
  }
  ~SpillFile() { ::close(fd_); }
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  std::uint64_t size() const noexcept { return size_; }
  void append(const std::string& bytes) {
    std::size_t at = 0;
    while (at < bytes.size()) {
      const ssize_t n = ::pwrite(fd_, bytes.data() + at, bytes.size() - at, static_cast<off_t>(size_ + at));
      if (n <= 0) fail("write");
      at += static_cast<std::size_t>(n);
    }
    size_ += bytes.size();
  }
  /// Reads up to `n` bytes at `offset`; returns how many.
  std::size_t read(char* out, std::size_t n, std::uint64_t offset) const {
    const ssize_t got = ::pread(fd_, out, n, static_cast<off_t>(offset));
    if (got < 0) fail("read");
    return static_cast<std::size_t>(got);
  }

 private:
  [[noreturn]] void fail(const char* what) const {
    throw SetupError(std::string("cannot ") + what + " the temporary file of the quotes in " + dir_ + " (" +
                     std::strerror(errno) + "); give TMPDIR a folder with room");
  }
  int fd_ = -1;
  std::uint64_t size_ = 0;
  std::string dir_;
};

void spill_quotes(std::deque<Quote>& quotes, QuoteSpill& spill) {
  if (quotes.empty()) return;
  std::sort(quotes.begin(), quotes.end(), quote_less);
  if (!spill.file) spill.file = std::make_shared<SpillFile>();
  QuoteRun run{spill.file, spill.file->size(), quotes.size()};
  std::string buf;
  for (const Quote& q : quotes) {
    const auto size = static_cast<std::uint32_t>(q.packed.size());
    const char has_score = q.sentiment_score ? 1 : 0;
    const double score = q.sentiment_score.value_or(0);
    buf.append(reinterpret_cast<const char*>(&size), 4);
    buf.append(reinterpret_cast<const char*>(q.ends), sizeof q.ends);
    buf.append(reinterpret_cast<const char*>(&q.begin), 8);
    buf.push_back(has_score);
    buf.append(reinterpret_cast<const char*>(&score), 8);
    buf.append(q.packed);
    if (buf.size() >= (1u << 20)) {
      spill.file->append(buf);
      buf.clear();
    }
  }
  spill.file->append(buf);
  spill.runs.push_back(std::move(run));
  quotes.clear();
}

// One run (or the rows in memory) read in order, a buffer at a time.
struct QuoteMerger::Cursor {
  const QuoteRun* run = nullptr;  // null: the rows in memory
  const std::deque<Quote>* sorted = nullptr;
  std::uint64_t left = 0, offset = 0;
  std::string buf;
  std::size_t at = 0;
  Quote row;

  void start() {
    left = run ? run->count : sorted->size();
    offset = run ? run->offset : 0;
    buf.clear();
    at = 0;
  }
  // Makes `n` bytes readable at buf[at].
  void need(std::size_t n) {
    if (buf.size() - at >= n) return;
    buf.erase(0, at);
    at = 0;
    const std::size_t have = buf.size();
    const std::size_t want = std::max<std::size_t>(n - have, 1u << 16);
    buf.resize(have + want);
    const std::size_t got = run->file->read(buf.data() + have, want, offset);
    offset += got;
    buf.resize(have + got);
    if (buf.size() < n)
      throw SetupError("the temporary file of the quotes ended early; run the report again");
  }
  // The next row into `row`; false at the end.
  bool next() {
    if (left == 0) return false;
    if (!run) {
      row = (*sorted)[sorted->size() - left--];
      return true;
    }
    --left;
    need(kHeader);
    const char* p = buf.data() + at;
    std::uint32_t size;
    std::memcpy(&size, p, 4);
    std::memcpy(row.ends, p + kEndsAt, sizeof row.ends);
    std::memcpy(&row.begin, p + kBeginAt, 8);
    const bool has_score = p[kHasScoreAt] != 0;
    double score;
    std::memcpy(&score, p + kScoreAt, 8);
    row.sentiment_score = has_score ? std::optional<double>(score) : std::nullopt;
    at += kHeader;
    need(size);
    row.packed.assign(buf.data() + at, size);
    at += size;
    return true;
  }
};

QuoteMerger::QuoteMerger(std::vector<QuoteRun> runs, std::deque<Quote> sorted)
    : runs_(std::move(runs)), sorted_(std::move(sorted)) {
  size_ = sorted_.size();
  for (const QuoteRun& r : runs_) size_ += r.count;
  for (const QuoteRun& r : runs_) {
    auto c = std::make_unique<Cursor>();
    c->run = &r;
    cursors_.push_back(std::move(c));
  }
  auto c = std::make_unique<Cursor>();
  c->sorted = &sorted_;
  cursors_.push_back(std::move(c));
  restart();
}

QuoteMerger::~QuoteMerger() = default;

void QuoteMerger::restart() {
  heap_.clear();
  for (auto& c : cursors_) {
    c->start();
    if (c->next()) heap_.push_back(c.get());
  }
  std::make_heap(heap_.begin(), heap_.end(), sorts_later<Cursor>);
  next_ = 0;
}

void QuoteMerger::advance() {
  std::pop_heap(heap_.begin(), heap_.end(), sorts_later<Cursor>);
  Cursor* c = heap_.back();
  std::swap(current_, c->row);
  if (c->next())
    std::push_heap(heap_.begin(), heap_.end(), sorts_later<Cursor>);
  else
    heap_.pop_back();
  ++next_;
}

const Quote& QuoteMerger::at(std::size_t i) {
  if (i + 1 < next_) restart();
  while (next_ < i + 1) advance();
  return current_;
}

}  // namespace tagwerk::core
