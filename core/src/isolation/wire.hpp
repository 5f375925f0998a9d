// The messages between the supervisor and its worker processes: a record to
// analyse (the document as read) and the result (the formatted output record,
// its counts and the time each step took). Length-prefixed, host byte order:
// both ends are the same binary.
#pragma once

#include <tagwerk/core/document.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tagwerk::core::wire {

/// One step's share of a record: what the worker adds to the step's totals.
struct StepDelta {
  std::uint64_t nanoseconds = 0;
  std::uint64_t documents = 0;
  std::uint64_t failures = 0;
};

struct Result {
  std::uint64_t seq = 0;
  bool errors = false;
  bool warnings = false;
  bool unreadable = false;
  std::uint64_t text_bytes = 0;
  std::vector<StepDelta> steps;
  std::string formatted;
};

/// Appends a request (record number and the document as read) to `out`, length prefix included.
void put_request(std::string& out, std::uint64_t seq, const Document& doc);
/// Reads a request's payload (without the prefix). False when it is malformed.
bool get_request(std::string_view in, std::uint64_t& seq, Document& doc);

void put_result(std::string& out, const Result& r);
bool get_result(std::string_view in, Result& r);

/// Writes all of `data` to `fd` (retrying on EINTR). False on any error (EPIPE: the peer is gone).
bool write_all(int fd, std::string_view data);
/// Reads one length-prefixed message's payload into `out`. False at end of
/// file or on an error (the peer is gone or broke the protocol).
bool read_message(int fd, std::string& out);

}  // namespace tagwerk::core::wire
