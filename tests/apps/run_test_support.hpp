// What the end-to-end tests of `tagwerk run` share: generated corpora, output
// split into records, and starting the real executable in the background (to
// send it a signal).
#pragma once

#include "cli_runner.hpp"

#include <simdjson.h>

#include <sys/types.h>

#include <set>
#include <string>
#include <vector>

namespace tagwerk::test {

/// True in an AddressSanitizer build, where worker deaths look different
/// (ASan reports a SIGSEGV and exits 1) and RLIMIT_AS sits beside its huge reservation.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAsan = true;
#else
inline constexpr bool kAsan = false;
#endif

/// `n` JSON Lines records with ids r0..r{n-1}; record i's text holds `triggers[i]` when there is one.
std::string corpus(std::size_t n, const std::vector<std::pair<std::size_t, std::string>>& triggers = {});

/// The lines of `text` (without their '\n').
std::vector<std::string> lines(const std::string& text);

/// One output record, parsed.
struct Record {
  explicit Record(const std::string& line);
  simdjson::padded_string json;
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  std::string id() const;
  std::size_t errors() const;
  std::string error_plugin(std::size_t i = 0) const;
  std::string error_message(std::size_t i = 0) const;
};

/// Starts `tagwerk ARGS` in `dir` with the fixture plugins on the path, its
/// standard output and error going to dir/stdout.txt and dir/stderr.txt.
pid_t start_tagwerk(const std::filesystem::path& dir, const std::vector<std::string>& args);
/// Waits for it and returns its exit code (-1 when a signal ended it).
int wait_tagwerk(pid_t pid);

}  // namespace tagwerk::test
