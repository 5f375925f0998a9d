// JSON, CSV and HTML output of report tables (see report_output.hpp).
#include <tagwerk/core/error.hpp>
#include <tagwerk/core/json_text.hpp>
#include <tagwerk/core/report_output.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <functional>
#include <system_error>

namespace tagwerk::core {

namespace {

std::string number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  std::string s = buf;
  if (s == "-0.0000") s = "0.0000";
  return s;
}

void append_csv_field(std::string& out, std::string_view s);

// A cell in JSON or CSV: the two differ only in how they write text and nothing.
void append_cell(std::string& out, const ReportCell& c, bool json) {
  switch (c.kind) {
    case ReportCell::Kind::empty:
      if (json) out += "null";
      break;
    case ReportCell::Kind::text:
      json ? append_json_string(out, c.text) : append_csv_field(out, c.text);
      break;
    case ReportCell::Kind::integer:
      out += std::to_string(c.integer);
      break;
    case ReportCell::Kind::number:
      out += number_text(c.number);
      break;
  }
}

// Hands `out` to `sink` (and empties it) when it holds more than this, so a
// table of any size is written through a buffer of about this size.
constexpr std::size_t kSinkBytes = 1u << 20;
using Sink = std::function<void(std::string&)>;

void maybe_sink(std::string& out, const Sink& sink) {
  if (sink && out.size() >= kSinkBytes) {
    sink(out);
    out.clear();
  }
}

void append_rows_json(std::string& out, const ReportTable& table, std::size_t limit, const Sink& sink = {}) {
  out += "[";
  std::vector<ReportCell> scratch;
  const std::size_t n = std::min(table.size(), limit);
  for (std::size_t r = 0; r < n; ++r) {
    const auto& row = table.row(r, scratch);
    out += r ? ",\n{" : "\n{";
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      if (i) out += ", ";
      append_json_string(out, table.columns[i]);
      out += ": ";
      append_cell(out, i < row.size() ? row[i] : ReportCell{}, true);
    }
    out += "}";
    maybe_sink(out, sink);
  }
  out += n == 0 ? "]" : "\n]";
}

void append_rows_csv(std::string& out, const ReportTable& table, const Sink& sink = {}) {
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (i) out += ',';
    append_csv_field(out, table.columns[i]);
  }
  out += "\r\n";
  std::vector<ReportCell> scratch;
  for (std::size_t r = 0; r < table.size(); ++r) {
    const auto& row = table.row(r, scratch);
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      if (i) out += ',';
      if (i >= row.size()) continue;
      append_cell(out, row[i], false);
    }
    out += "\r\n";
    maybe_sink(out, sink);
  }
}

void append_csv_field(std::string& out, std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += s;
    return;
  }
  out += '"';
  for (char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
}

// '<', '>', '&' and the JavaScript line separators as \u escapes: the JSON
// means the same, and no "</script>" or "<!--" can end the element early.
std::string html_safe(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 16);
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char ch = json[i];
    if (ch == '<') {
      out += "\\u003c";
    } else if (ch == '>') {
      out += "\\u003e";
    } else if (ch == '&') {
      out += "\\u0026";
    } else if (ch == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
               (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += ch;
    }
  }
  return out;
}

// The page carries at most this many rows of each table; the files carry all.
constexpr std::size_t kHtmlRows = 5000;

constexpr const char* kPageHead = R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>tagwerk report</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 2em; }
table { border-collapse: collapse; font-size: 0.85em; }
th, td { border-bottom: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; position: sticky; top: 0; }
.scroll { max-height: 28em; overflow: auto; border: 1px solid #ddd; }
.chart { max-width: 900px; height: 260px; }
input { font-size: 1em; padding: 3px; margin-bottom: 6px; width: 20em; }
.note { color: #666; font-size: 0.85em; }
</style>
</head>
<body>
<h1>tagwerk report</h1>
<p class="note" id="summary"></p>
<h2>Entities</h2>
<input id="entity-search" type="search" placeholder="search names and variants">
<div class="scroll"><table id="entities"></table></div>
<h2>Timeline</h2>
<div class="chart"><canvas id="timeline-chart"></canvas></div>
<ol id="timeline-list"></ol>
<h2>Sentiment per entity over time</h2>
<div id="sentiment-charts"></div>
<h2>Who said what</h2>
<input id="quote-search" type="search" placeholder="search speakers and quotes">
<div class="scroll"><table id="quotes"></table></div>
)";

constexpr const char* kPageScript = R"js(<script>
"use strict";
const data = JSON.parse(document.getElementById("report-data").textContent);
function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}
function fillTable(table, rows, columns, filter) {
  table.replaceChildren();
  const head = el("tr");
  for (const c of columns) head.appendChild(el("th", c));
  table.appendChild(head);
  for (const r of rows) {
    if (filter && !filter(r)) continue;
    const tr = el("tr");
    for (const c of columns) tr.appendChild(el("td", r[c] === null ? "" : r[c]));
    table.appendChild(tr);
  }
}
function searchable(input, table, rows, columns, keys) {
  const run = () => {
    const q = input.value.toLowerCase();
    fillTable(table, rows, columns, q ? (r => keys.some(k => String(r[k] ?? "").toLowerCase().includes(q))) : null);
  };
  input.addEventListener("input", run);
  run();
}
document.getElementById("summary").textContent =
  data.entities.length + " entities, " + data.quotes.length + " quotes, " + data.timeline.length +
  " periods (the page shows at most " + data.limit + " rows of each table; the CSV and JSON files have all)";
searchable(document.getElementById("entity-search"), document.getElementById("entities"), data.entities,
           ["name", "label", "mentions", "documents", "first_seen", "last_seen", "variants"], ["name", "variants"]);
searchable(document.getElementById("quote-search"), document.getElementById("quotes"), data.quotes,
           ["date", "speaker", "kind", "cue", "quote", "sentiment_label", "sentiment_score", "title", "doc_id"],
           ["speaker", "speaker_entity", "quote", "title"]);
const list = document.getElementById("timeline-list");
for (const p of data.timeline) {
  const li = el("li", null, "timeline-item");
  li.appendChild(el("strong", p.period));
  li.appendChild(el("span", ": " + p.documents + " documents, " + p.statements + " statements, " + p.quotes + " quotes"));
  if (p.entities) li.appendChild(el("div", "entities: " + p.entities, "note"));
  if (p.speakers) li.appendChild(el("div", "speakers: " + p.speakers, "note"));
  list.appendChild(li);
}
if (typeof Chart !== "undefined") {
  Chart.defaults.animation = false;
  new Chart(document.getElementById("timeline-chart"), {
    type: "bar",
    data: { labels: data.timeline.map(p => p.period),
            datasets: [{ label: "statements", data: data.timeline.map(p => p.statements), backgroundColor: "#4e79a7" },
                       { label: "quotes", data: data.timeline.map(p => p.quotes), backgroundColor: "#f28e2b" }] },
    options: { maintainAspectRatio: false }
  });
  const top = [];
  for (const e of data.entities) {
    if (top.length >= 6) break;
    if (data.sentiment.some(s => s.name === e.name && s.label === e.label)) top.push(e);
  }
  const holder = document.getElementById("sentiment-charts");
  for (const e of top) {
    const rows = data.sentiment.filter(s => s.name === e.name && s.label === e.label);
    holder.appendChild(el("h3", e.name + " (" + e.label + ")"));
    const box = el("div", null, "chart");
    const canvas = el("canvas");
    box.appendChild(canvas);
    holder.appendChild(box);
    new Chart(canvas, {
      type: "line",
      data: { labels: rows.map(s => s.period),
              datasets: [{ label: "mean sentiment", data: rows.map(s => s.mean_score), borderColor: "#e15759",
                          backgroundColor: "#e15759" }] },
      options: { maintainAspectRatio: false, scales: { y: { min: -1, max: 1 } } }
    });
  }
}
</script>
</body>
</html>
)js";

// Writes what `fill` appends (through a sink of about kSinkBytes) to `path`,
// by way of PATH.tmp renamed when complete.
void write_file(const std::filesystem::path& path,
                const std::function<void(std::string&, const Sink&)>& fill) {
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    const Sink sink = [&](std::string& chunk) {
      out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    };
    std::string buffer;
    fill(buffer, sink);
    sink(buffer);
    out.close();
    if (!out)
      throw SetupError("cannot write " + tmp.string() +
                       "; check that the folder is writable and the disk not full");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) throw SetupError("cannot rename " + tmp.string() + " to " + path.string() + ": " + ec.message());
}

}  // namespace

std::string report_json(const ReportTable& table) {
  std::string out;
  append_rows_json(out, table, table.size());
  out += "\n";
  return out;
}

std::string report_csv(const ReportTable& table) {
  std::string out;
  append_rows_csv(out, table);
  return out;
}

std::string report_json_for_html(const std::vector<ReportTable>& tables) {
  std::string json = "{\"limit\": " + std::to_string(kHtmlRows);
  for (const auto& t : tables) {
    json += ",\n";
    append_json_string(json, t.name);
    json += ": ";
    append_rows_json(json, t, kHtmlRows);
  }
  json += "}";
  return html_safe(json);
}

std::string report_html(const std::vector<ReportTable>& tables, const std::string& chart_js) {
  std::string page = kPageHead;
  page += "<script type=\"application/json\" id=\"report-data\">";
  page += report_json_for_html(tables);
  page += "</script>\n";
  if (!chart_js.empty()) {
    page += "<script>\n";
    // Ends the element only where the library's text would.
    std::string js = chart_js;
    for (std::size_t at = 0; (at = js.find("</", at)) != std::string::npos; at += 3)
      js.replace(at, 2, "<\\/");
    page += js;
    page += "\n</script>\n";
  }
  page += kPageScript;
  return page;
}

void write_report(const std::filesystem::path& dir, const std::vector<ReportTable>& tables, bool html,
                  const std::string& chart_js) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) throw SetupError("cannot create the report folder " + dir.string() + ": " + ec.message());
  for (const auto& t : tables) {
    write_file(dir / (t.name + ".json"), [&](std::string& out, const Sink& sink) {
      append_rows_json(out, t, t.size(), sink);
      out += "\n";
    });
    write_file(dir / (t.name + ".csv"),
               [&](std::string& out, const Sink& sink) { append_rows_csv(out, t, sink); });
  }
  if (html)
    write_file(dir / "index.html",
               [&](std::string& out, const Sink&) { out = report_html(tables, chart_js); });
}

}  // namespace tagwerk::core
