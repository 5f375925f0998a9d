// Resuming a stopped run: input fingerprints, partial output, saved state.
#include <tagwerk/core/resume.hpp>

#include <tagwerk/core/error.hpp>

#include <fmt/format.h>
#include <simdjson.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>
#include <system_error>

namespace tagwerk::core {
namespace fs = std::filesystem;

namespace {
std::int64_t mtime_ns(const struct stat& st) {
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}
}  // namespace

std::string input_identity(const InputOptions& input) {
  std::string out;
  for (const auto& path : input.paths) {
    if (path == "-") return {};
    struct stat st {};
    if (!out.empty()) out += "; ";
    if (::stat(path.c_str(), &st) != 0) {
      out += fmt::format("{} missing", path);
    } else if (S_ISDIR(st.st_mode)) {
      std::uint64_t files = 0, bytes = 0;
      std::int64_t newest = 0;
      std::error_code ec;
      for (auto it = fs::recursive_directory_iterator(path, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        struct stat f {};
        if (::stat(it->path().c_str(), &f) != 0 || !S_ISREG(f.st_mode)) continue;
        ++files;
        bytes += static_cast<std::uint64_t>(f.st_size);
        newest = std::max(newest, mtime_ns(f));
      }
      out += fmt::format("{} folder {} files {} bytes {}", path, files, bytes, newest);
    } else {
      out += fmt::format("{} {} bytes {}", path, st.st_size, mtime_ns(st));
    }
  }
  return out;
}

PartialOutput trim_partial_output(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0)
    throw SetupError(fmt::format("{}: cannot open the partial output to resume it: {}", path.string(),
                                 std::strerror(errno)));
  PartialOutput out;
  std::string line;  // the current line, up to the point that decides what it counts as
  std::uint64_t offset = 0, line_start = 0;
  char buf[1 << 16];
  auto count = [&](std::string_view l) {
    ++out.records;
    // The writer puts "errors" and "warnings" after every field and annotation, and a string
    // can hold `"errors":[` only escaped: the last unescaped occurrence is the record's own.
    auto errors = l.rfind("\"errors\":[");
    if (errors != std::string_view::npos && errors + 10 < l.size() && l[errors + 10] != ']')
      ++out.records_with_errors;
    auto warnings = l.rfind("\"warnings\":[");
    if (warnings != std::string_view::npos && warnings + 12 < l.size() && l[warnings + 12] != ']')
      ++out.records_with_warnings;
  };
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      throw SetupError(
          fmt::format("{}: cannot read the partial output: {}", path.string(), std::strerror(err)));
    }
    if (n == 0) break;
    std::string_view chunk(buf, static_cast<std::size_t>(n));
    while (!chunk.empty()) {
      const auto nl = chunk.find('\n');
      line.append(chunk.substr(0, nl));
      if (nl == std::string_view::npos) break;
      count(line);
      line.clear();
      chunk.remove_prefix(nl + 1);
      line_start = offset + static_cast<std::uint64_t>(chunk.data() - buf);
    }
    offset += static_cast<std::uint64_t>(n);
  }
  out.torn_bytes = offset - line_start;
  if (out.torn_bytes > 0 && ::ftruncate(fd, static_cast<off_t>(line_start)) != 0) {
    const int err = errno;
    ::close(fd);
    throw SetupError(
        fmt::format("{}: cannot cut off its torn last line: {}", path.string(), std::strerror(err)));
  }
  ::close(fd);
  return out;
}

ResumeState read_resume_state(const fs::path& path) {
  simdjson::dom::parser parser;
  simdjson::padded_string json;
  if (simdjson::padded_string::load(path.string()).get(json) != simdjson::SUCCESS)
    throw SetupError(
        fmt::format("{}: cannot read the state of the run to resume; without it tagwerk cannot "
                    "tell whether the chain and the input are the same — run again without --resume",
                    path.string()));
  simdjson::dom::element doc;
  ResumeState s;
  std::string_view status, hash, identity;
  if (parser.parse(json).get(doc) != simdjson::SUCCESS || doc["status"].get(status) != simdjson::SUCCESS ||
      doc["chain_hash"].get(hash) != simdjson::SUCCESS ||
      doc["input"]["identity"].get(identity) != simdjson::SUCCESS)
    throw SetupError(
        fmt::format("{}: is not the manifest of a run that can be resumed (no status, chain_hash or "
                    "input identity); run again without --resume",
                    path.string()));
  s.status = status;
  s.chain_hash = hash;
  s.input_identity = identity;
  return s;
}

}  // namespace tagwerk::core
