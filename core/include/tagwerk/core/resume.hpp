// tagwerk/core/resume.hpp -- what `tagwerk run --resume` needs to continue a
// stopped run into the same output: a fingerprint of the inputs, the state a
// run leaves beside its partial output, and trimming that output to its
// complete records.
#pragma once

#include <tagwerk/core/io_options.hpp>

#include <cstdint>
#include <filesystem>
#include <string>

namespace tagwerk::core {

/// A fingerprint of the inputs: every path as given with its size and
/// modification time (a folder: its text files' count, total size and newest
/// time). Empty when standard input is among them (it cannot be read twice).
/// Throws nothing; a path that cannot be examined is fingerprinted as missing.
std::string input_identity(const InputOptions& input);

/// The complete records of a partial output file, after trimming.
struct PartialOutput {
  std::uint64_t records = 0;
  std::uint64_t records_with_errors = 0;
  std::uint64_t records_with_warnings = 0;
  std::uint64_t torn_bytes = 0;  // of a last line without its newline, removed
};

/// Cuts a torn last line (one without '\n', from a run that was killed while
/// writing) off the JSON Lines file `path` and counts the complete records.
/// Throws SetupError naming the file when it cannot be read or truncated.
PartialOutput trim_partial_output(const std::filesystem::path& path);

/// The fields of a run's manifest that decide whether it can be resumed.
struct ResumeState {
  std::string status;  // "running" (the run was killed), "interrupted", "stopped" or "complete"
  std::string chain_hash;
  std::string input_identity;
};

/// Reads them from the manifest at `path`. Throws SetupError naming the file
/// when it is missing or is not a tagwerk manifest.
ResumeState read_resume_state(const std::filesystem::path& path);

}  // namespace tagwerk::core
