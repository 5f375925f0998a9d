// tagwerk/core/manifest.hpp -- a run's provenance: tagwerk's version, each
// plugin's name, version, ABI and library, the resolved chain and its hash,
// the inputs, record and error counts, the time spent in each plugin and the
// data files each plugin loaded with their SHA-256.
#pragma once

#include <tagwerk/core/chain.hpp>
#include <tagwerk/core/pipeline.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace tagwerk::core {

/// One data file a plugin loaded, as the manifest records it.
struct DataFileRecord {
  std::filesystem::path path;
  std::string sha256;       // 64 lowercase hex digits; empty when the file could not be read
  std::uint64_t bytes = 0;  // its size
  std::string error;        // why it could not be read; empty when it was
};

/// Reads the file at `path` in pieces and hashes it. Never throws: a file
/// that cannot be read comes back with `error` set. Thread-safe.
DataFileRecord describe_data_file(const std::filesystem::path& path);

struct ManifestContext {
  std::string tagwerk_version;
  std::vector<std::string> command_line;  // the arguments of the run, for the record
  /// Per step of the chain, in step order: the data files its plugin loaded
  /// (PluginInstance::data_files()). A step without an entry loaded none.
  std::vector<std::vector<std::filesystem::path>> data_files;
  /// "complete"; "running" while the run goes on, "interrupted" (a signal) or
  /// "stopped" (the error budget) when it ended early, with `stop_reason`.
  std::string status = "complete";
  std::string stop_reason;
  std::string input_identity;  // input_identity() (resume.hpp): what --resume checks
};

/// The manifest as a JSON document (pretty-printed, one trailing newline).
/// Each plugin entry lists its data files as {"path", "sha256", "bytes"}
/// (hashed here, when the manifest is made), or {"path", "sha256": null,
/// "bytes": null, "error"} for a file that can no longer be read.
std::string manifest_json(const Chain& chain, const RunStats& stats, const ManifestContext& context);

/// Writes manifest_json() to `path`. Throws SetupError naming the path when it cannot.
void write_manifest(const std::filesystem::path& path, const Chain& chain, const RunStats& stats,
                    const ManifestContext& context);

}  // namespace tagwerk::core
