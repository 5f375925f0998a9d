// tagwerk/core/manifest.hpp -- a run's provenance: tagwerk's version, each
// plugin's name, version, ABI and library, the resolved chain and its hash,
// the inputs, record and error counts, and the time spent in each plugin.
#pragma once

#include <tagwerk/core/chain.hpp>
#include <tagwerk/core/pipeline.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace tagwerk::core {

struct ManifestContext {
  std::string tagwerk_version;
  std::vector<std::string> command_line;  // the arguments of the run, for the record
  /// "complete"; "running" while the run goes on, "interrupted" (a signal) or
  /// "stopped" (the error budget) when it ended early, with `stop_reason`.
  std::string status = "complete";
  std::string stop_reason;
  std::string input_identity;  // input_identity() (resume.hpp): what --resume checks
};

/// The manifest as a JSON document (pretty-printed, one trailing newline).
std::string manifest_json(const Chain& chain, const RunStats& stats, const ManifestContext& context);

/// Writes manifest_json() to `path`. Throws SetupError naming the path when it cannot.
void write_manifest(const std::filesystem::path& path, const Chain& chain, const RunStats& stats,
                    const ManifestContext& context);

}  // namespace tagwerk::core
