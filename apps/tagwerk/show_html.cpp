// HTML rendering of a record; everything from the record goes through html_escape().
#include "show_html.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace tagwerk::cli {
namespace {

constexpr const char* kStyle = R"(
body{font:16px/1.55 system-ui,sans-serif;max-width:48em;margin:2em auto;padding:0 1em;color:#222}
h1{font-size:1.5em;margin-bottom:.2em}
h2{font-size:1.1em;margin-top:2em;border-bottom:1px solid #ddd}
.meta,.dim{color:#666;font-size:.9em}
mark{border-radius:3px;padding:0 2px}
mark sup{font-size:.65em;margin-left:2px;color:#444}
.PER{background:#f6d5f5}.LOC{background:#d5f5dc}.ORG{background:#d5e3f7}.MISC{background:#f7efc8}
table{border-collapse:collapse}td,th{padding:2px 8px;text-align:left;vertical-align:top}
tr:nth-child(even){background:#f6f6f6}
blockquote{margin:.3em 0 1em 1em;padding-left:.8em;border-left:3px solid #ccc}
.pos{color:#17702f}.neg{color:#a3221a}
.error{color:#a3221a}
)";

std::string known_label(std::string_view label) {
  // Only the four labels become class names; anything else is MISC.
  if (label == "PER" || label == "LOC" || label == "ORG") return std::string(label);
  return "MISC";
}

std::string sentiment_class(std::string_view label) {
  return label == "pos" ? "pos" : label == "neg" ? "neg" : "neu";
}

}  // namespace

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string render_html(const ShowRecord& r, std::string_view source) {
  const auto e = [](std::string_view s) { return html_escape(s); };
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"" + e(r.lang.empty() ? "und" : r.lang) +
       "\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
       "'unsafe-inline'\">\n";
  h += "<title>" + e(r.title.empty() ? r.id : r.title) + "</title>\n<style>" + kStyle +
       "</style>\n</head>\n<body>\n";
  h += "<h1>" + e(r.title.empty() ? "(untitled)" : r.title) + "</h1>\n<p class=\"meta\">id " + e(r.id);
  if (!r.date.empty()) h += " · date " + e(r.date);
  if (!r.lang.empty()) h += " · lang " + e(r.lang);
  if (r.document_sentiment) {
    h += fmt::format(" · sentiment <span class=\"{}\">{} ({:+.2f})</span>",
                     sentiment_class(r.document_sentiment->label), e(r.document_sentiment->label),
                     r.document_sentiment->score);
  }
  h += "</p>\n";

  std::size_t next = 0;
  for (const auto& p : r.paragraphs) {
    h += "<p>";
    std::size_t pos = p.begin;
    while (next < r.entities.size() && r.entities[next].range.begin < p.begin) ++next;
    for (; next < r.entities.size() && r.entities[next].range.end <= p.end; ++next) {
      const auto& ent = r.entities[next];
      h += e(r.text.substr(pos, ent.range.begin - pos));
      h += "<mark class=\"" + known_label(ent.label) + "\" title=\"" + e(ent.tag()) + ": " + e(ent.name) +
           "\">" + e(r.slice(ent.range)) + "<sup>" + e(ent.tag()) + "</sup></mark>";
      pos = ent.range.end;
    }
    h += e(r.text.substr(pos, p.end - std::min(pos, p.end))) + "</p>\n";
  }

  if (!r.clusters.empty()) {
    h += fmt::format(
        "<h2>Entities ({} mentions of {})</h2>\n<table>\n<tr><th>name</th><th>label</th><th>mentions</th>"
        "<th>sentiment</th></tr>\n",
        r.entity_mentions(), r.clusters.size());
    for (const auto& c : r.clusters) {
      h += "<tr><td>" + e(c.name) + "</td><td><mark class=\"" + known_label(c.label) + "\">" + e(c.label) +
           "</mark></td><td>" + std::to_string(c.mentions) + "</td><td>";
      if (c.sentiment) {
        h += fmt::format("<span class=\"{}\">{} ({:+.2f})</span>", sentiment_class(c.sentiment_label),
                         e(c.sentiment_label), *c.sentiment);
      }
      h += "</td></tr>\n";
    }
    h += "</table>\n";
  }

  if (!r.name_words.empty()) {
    h += fmt::format("<h2>Words made from names, no entities ({})</h2>\n<p class=\"dim\">",
                     r.name_words.size());
    for (std::size_t i = 0; i < r.name_words.size(); ++i) {
      const auto& c = r.name_words[i];
      h += fmt::format("{}{} <sup>{}</sup> {}×", i ? ", " : "", e(c.name), e(c.label), c.mentions);
    }
    h += "</p>\n";
  }

  if (!r.quotes.empty()) {
    h += fmt::format("<h2>Quotes ({})</h2>\n", r.quotes.size());
    for (const auto& q : r.quotes) {
      h += "<p><b>" + e(q.speaker.empty() ? "(no speaker)" : q.speaker) + "</b> · " + e(q.kind);
      if (!q.cue.empty()) h += " · cue “" + e(q.cue) + "”";
      h += "</p>\n<blockquote>" + e(r.slice(q.range)) + "</blockquote>\n";
    }
  }

  if (!r.timexes.empty()) {
    h += fmt::format("<h2>Times ({})</h2>\n<table>\n<tr><th>text</th><th>value</th><th>type</th></tr>\n",
                     r.timexes.size());
    for (const auto& t : r.timexes) {
      h += "<tr><td>" + e(r.slice(t.range)) + "</td><td><b>" + e(t.value) + "</b></td><td class=\"dim\">" +
           e(t.type) + (t.mod.empty() ? "" : " " + e(t.mod)) + "</td></tr>\n";
    }
    h += "</table>\n";
  }

  if (!r.sentences.empty() || r.document_sentiment) {
    h += "<h2>Sentiment</h2>\n<table>\n";
    if (r.document_sentiment) {
      h += fmt::format("<tr><td class=\"{}\">{:+.2f}</td><td>{}</td><td><i>document</i></td></tr>\n",
                       sentiment_class(r.document_sentiment->label), r.document_sentiment->score,
                       e(r.document_sentiment->label));
    }
    for (const auto& s : r.sentences) {
      h += fmt::format("<tr><td class=\"{}\">{:+.2f}</td><td>{}</td><td>{}</td></tr>\n",
                       sentiment_class(s.label), s.score, e(s.label), e(r.slice(s.range)));
    }
    h += "</table>\n";
  }

  for (const auto& [title, items] : {std::pair{"Errors", &r.errors}, std::pair{"Warnings", &r.warnings}}) {
    if (items->empty()) continue;
    h += fmt::format("<h2>{} ({})</h2>\n<ul>\n", title, items->size());
    for (const auto& m : *items) {
      h += std::string("<li") + (title[0] == 'E' ? " class=\"error\"" : "") + ">" + e(m.plugin) + ": " +
           e(m.message) + "</li>\n";
    }
    h += "</ul>\n";
  }
  h += "<p class=\"dim\">tagwerk show · " + e(source) + "</p>\n</body>\n</html>\n";
  return h;
}

}  // namespace tagwerk::cli
