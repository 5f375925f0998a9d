// Encoding and decoding the supervisor's messages.
#include "isolation/wire.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace tagwerk::core::wire {
namespace {

// Messages larger than this are a broken peer, not a record (texts are capped far below).
constexpr std::uint64_t kMaxMessage = std::uint64_t{1} << 34;

void put_u64(std::string& out, std::uint64_t v) {
  out.append(reinterpret_cast<const char*>(&v), sizeof v);
}
void put_str(std::string& out, std::string_view s) {
  put_u64(out, s.size());
  out.append(s);
}

class Cursor {
 public:
  explicit Cursor(std::string_view in) : in_(in) {}
  bool u64(std::uint64_t& v) {
    if (in_.size() < sizeof v) return false;
    std::memcpy(&v, in_.data(), sizeof v);
    in_.remove_prefix(sizeof v);
    return true;
  }
  bool str(std::string& s) {
    std::uint64_t n = 0;
    if (!u64(n) || n > in_.size()) return false;
    s.assign(in_.substr(0, n));
    in_.remove_prefix(n);
    return true;
  }
  bool flag(bool& b) {
    std::uint64_t v = 0;
    if (!u64(v)) return false;
    b = v != 0;
    return true;
  }
  std::string_view rest() const { return in_; }

 private:
  std::string_view in_;
};

void put_errors(std::string& out, const std::vector<RecordError>& errors) {
  put_u64(out, errors.size());
  for (const auto& e : errors) {
    put_str(out, e.plugin);
    put_str(out, e.message);
  }
}
bool get_errors(Cursor& c, std::vector<RecordError>& errors) {
  std::uint64_t n = 0;
  if (!c.u64(n)) return false;
  errors.resize(n);
  for (auto& e : errors)
    if (!c.str(e.plugin) || !c.str(e.message)) return false;
  return true;
}

// Reserves the length prefix; close_message() fills it in.
std::size_t open_message(std::string& out) {
  const std::size_t at = out.size();
  put_u64(out, 0);
  return at;
}
void close_message(std::string& out, std::size_t at) {
  const std::uint64_t n = out.size() - at - sizeof(std::uint64_t);
  std::memcpy(out.data() + at, &n, sizeof n);
}

}  // namespace

void put_request(std::string& out, std::uint64_t seq, const Document& doc) {
  const std::size_t at = open_message(out);
  put_u64(out, seq);
  put_str(out, doc.id);
  put_str(out, doc.text);
  put_u64(out, doc.fields.size());
  for (const auto& f : doc.fields) {
    put_str(out, f.key);
    put_str(out, f.raw_json);
    put_u64(out, f.string_value.has_value());
    if (f.string_value) put_str(out, *f.string_value);
  }
  put_u64(out, doc.field_names.size());
  for (const auto& [canonical, key] : doc.field_names) {
    put_str(out, canonical);
    put_str(out, key);
  }
  put_str(out, doc.origin.source);
  put_u64(out, doc.origin.number);
  put_errors(out, doc.errors);
  put_errors(out, doc.warnings);
  put_u64(out, doc.unreadable);
  close_message(out, at);
}

bool get_request(std::string_view in, std::uint64_t& seq, Document& doc) {
  Cursor c(in);
  std::uint64_t n = 0;
  if (!c.u64(seq) || !c.str(doc.id) || !c.str(doc.text) || !c.u64(n)) return false;
  doc.fields.resize(n);
  for (auto& f : doc.fields) {
    bool has = false;
    if (!c.str(f.key) || !c.str(f.raw_json) || !c.flag(has)) return false;
    if (has && !c.str(f.string_value.emplace())) return false;
  }
  if (!c.u64(n)) return false;
  doc.field_names.resize(n);
  for (auto& [canonical, key] : doc.field_names)
    if (!c.str(canonical) || !c.str(key)) return false;
  return c.str(doc.origin.source) && c.u64(doc.origin.number) && get_errors(c, doc.errors) &&
         get_errors(c, doc.warnings) && c.flag(doc.unreadable) && c.rest().empty();
}

void put_result(std::string& out, const Result& r) {
  const std::size_t at = open_message(out);
  put_u64(out, r.seq);
  put_u64(out, (r.errors ? 1u : 0u) | (r.warnings ? 2u : 0u) | (r.unreadable ? 4u : 0u));
  put_u64(out, r.text_bytes);
  put_u64(out, r.steps.size());
  for (const auto& s : r.steps) {
    put_u64(out, s.nanoseconds);
    put_u64(out, s.documents);
    put_u64(out, s.failures);
  }
  put_str(out, r.formatted);
  close_message(out, at);
}

bool get_result(std::string_view in, Result& r) {
  Cursor c(in);
  std::uint64_t flags = 0, n = 0;
  if (!c.u64(r.seq) || !c.u64(flags) || !c.u64(r.text_bytes) || !c.u64(n) || n > in.size()) return false;
  r.errors = (flags & 1u) != 0;
  r.warnings = (flags & 2u) != 0;
  r.unreadable = (flags & 4u) != 0;
  r.steps.resize(n);
  for (auto& s : r.steps)
    if (!c.u64(s.nanoseconds) || !c.u64(s.documents) || !c.u64(s.failures)) return false;
  return c.str(r.formatted) && c.rest().empty();
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

namespace {
bool read_exact(int fd, char* p, std::size_t n) {
  while (n > 0) {
    const ssize_t got = ::read(fd, p, n);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    p += got;
    n -= static_cast<std::size_t>(got);
  }
  return true;
}
}  // namespace

bool read_message(int fd, std::string& out) {
  std::uint64_t n = 0;
  if (!read_exact(fd, reinterpret_cast<char*>(&n), sizeof n) || n > kMaxMessage) return false;
  out.resize(n);
  return read_exact(fd, out.data(), n);
}

}  // namespace tagwerk::core::wire
