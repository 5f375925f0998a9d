// tagwerk/core/report_input.hpp -- the map step of `tagwerk report` over one
// input file: annotated JSON Lines (plain, .gz, .zst) mapped on several
// threads, or an SQLite database that `tagwerk run -o FILE.sqlite` wrote
// (docs/sqlite.md), read back into the same ReportRecord, so both give the
// same report.
#pragma once

#include <tagwerk/core/report.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace tagwerk::core {

/// True when `path` starts with the SQLite file header ("SQLite format 3").
/// False for anything else, a missing or unreadable file included.
bool is_sqlite_file(const std::filesystem::path& path);

/// Told about each record that cannot be used: "FILE:LINE (record ID):
/// skipped, why" (or "FILE: doc N (record ID): ..." for SQLite).
using ReportSkip = std::function<void(const std::string& message)>;

/// Maps every record of `path` into `state` and returns how many records
/// were skipped as unusable (each reported to `skip` in input order).
///
/// JSON Lines is read on one thread and mapped on `threads` threads (0: one
/// per core), in chunks of a fixed number of records that are merged into
/// `state` in input order, so any thread count gives the same state. An
/// SQLite database (found by its header, whatever its name) is read on one
/// thread; its scores are rounded to the 6 significant digits the JSON Lines
/// writer keeps, so the two give byte-identical tables.
///
/// Throws SetupError naming the file and the fix when it cannot be opened or
/// an SQLite file is not `tagwerk run` output. `state` may be shared by no
/// other thread meanwhile; calls of `skip` never overlap (they may come from
/// a worker thread).
std::uint64_t map_report_input(const std::filesystem::path& path, ReportState& state, unsigned threads,
                               const ReportSkip& skip);

}  // namespace tagwerk::core
