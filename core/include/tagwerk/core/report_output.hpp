// tagwerk/core/report_output.hpp -- writing the tables of a report (see
// report.hpp) as JSON (an array of objects), CSV (RFC 4180) and one
// self-contained HTML page. Pure functions; may be called from several threads.
#pragma once

#include <tagwerk/core/report.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace tagwerk::core {

/// The table as a JSON array with one object per row, keys in column order,
/// one row per line; empty cells are null.
std::string report_json(const ReportTable& table);

/// The table as CSV: a header row, CRLF line ends, a field quoted (with
/// doubled quotes) when it holds a comma, a quote, CR or LF.
std::string report_csv(const ReportTable& table);

/// Every table as a JSON object {"entities": [...], ...} with '<', '>' and '&'
/// written as \u003c, \u003e, \u0026 (and U+2028/9 escaped), safe inside an
/// HTML <script type="application/json"> element.
std::string report_json_for_html(const std::vector<ReportTable>& tables);

/// The page: `chart_js` (the Chart.js UMD build's source, may be empty: then
/// the page has no charts) inlined, the data as report_json_for_html(), the
/// rendering script writing only through textContent. No network access.
std::string report_html(const std::vector<ReportTable>& tables, const std::string& chart_js);

/// Writes DIR/<table>.json and DIR/<table>.csv for each table and, when
/// `html` is set, DIR/index.html, creating DIR. Each file is written to a
/// temporary name and renamed, so it appears only when complete. Throws
/// SetupError naming the file when a write fails.
void write_report(const std::filesystem::path& dir, const std::vector<ReportTable>& tables, bool html,
                  const std::string& chart_js);

}  // namespace tagwerk::core
