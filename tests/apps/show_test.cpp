// End-to-end: `tagwerk show` on annotated records, as a user sees it in a pipe,
// a terminal (forced colours) and a browser (the HTML page, fed hostile text).
#include "cli_runner.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

using tagwerk::test::CliResult;
using tagwerk::test::CliRunner;
using tagwerk::test::quote;

namespace {

bool has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// A record like the default chain's output on a short German article (offsets in code points).
constexpr const char* kRecord =
    R"({"id": "fix-1", "title": "Merkel trifft Müller", "date": "2019-05-03", "lang": "de", )"
    R"("text": "Jürgen Müller von Siemens traf Angela Merkel in Berlin.\n\n„Wir sind uns einig“, sagte Merkel am 3. Mai 2019.", )"
    R"("doc": {"dct": "2019-05-03"}, "annotations": {)"
    R"("paragraph": [{"begin": 0, "end": 55, "lang": "de"}, {"begin": 57, "end": 107, "lang": "de"}], )"
    R"("entity": [{"begin": 0, "end": 13, "label": "PER", "subtype": "", "name": "Jürgen Müller", "score": 0.5, "cluster": 0}, )"
    R"({"begin": 18, "end": 25, "label": "ORG", "subtype": "", "name": "Siemens AG", "score": 0.5, "cluster": 1}, )"
    R"({"begin": 31, "end": 44, "label": "PER", "subtype": "", "name": "Angela Merkel", "score": 0.5, "cluster": 2}, )"
    R"({"begin": 48, "end": 54, "label": "LOC", "subtype": "", "name": "Berlin", "score": 0.5, "cluster": 3}, )"
    R"({"begin": 85, "end": 91, "label": "PER", "subtype": "", "name": "Angela Merkel", "score": 0.5, "cluster": 2}], )"
    R"("quote_speaker": [{"begin": 85, "end": 91, "label": "name"}], )"
    R"("quote": [{"begin": 58, "end": 76, "label": "direct", "kind": "direct", "speaker": "Angela Merkel", "cue": "sagte", "speaker_span": 0, "speaker_entity": 4}], )"
    R"("sentiment": [{"begin": 0, "end": 107, "label": "pos", "scope": "document", "score": 0.4}, )"
    R"({"begin": 0, "end": 55, "label": "neu", "scope": "sentence", "score": 0.0}, )"
    R"({"begin": 57, "end": 107, "label": "pos", "scope": "sentence", "score": 0.6}, )"
    R"({"label": "pos", "scope": "entity", "score": 0.5, "target": 2, "evidence": 1}], )"
    R"("timex": [{"begin": 95, "end": 106, "type": "DATE", "value": "2019-05-03"}]}, )"
    R"("errors": [], "warnings": [{"plugin": "input", "message": "repaired 1 invalid UTF-8 sequence"}]})"
    "\n";

// A second record from a chain with segment only: no entities, quotes, times or sentiment.
constexpr const char* kSegmentOnly =
    R"({"id": "fix-2", "title": "Kurz", "text": "Nur ein Satz.", "doc": {}, )"
    R"("annotations": {"paragraph": [{"begin": 0, "end": 13, "lang": "de"}]}, "errors": [], "warnings": []})"
    "\n";

TEST(Show, PlainOutputMarksEntitiesAndListsQuotesTimesAndSentiment) {
  CliRunner cli;
  const auto file = cli.write("out.jsonl", std::string(kRecord) + kSegmentOnly);
  CliResult r = cli.run("show " + quote(file.string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "Merkel trifft Müller")) << r.out;
  EXPECT_TRUE(has(r.out, "id fix-1 · date 2019-05-03 · lang de · sentiment pos (+0.40)")) << r.out;
  // Offsets are code points: the umlauts before an entity do not shift its marker.
  EXPECT_TRUE(has(r.out, "[Jürgen Müller|PER] von [Siemens|ORG] traf [Angela Merkel|PER] in [Berlin|LOC]."))
      << r.out;
  EXPECT_TRUE(has(r.out, "sagte [Merkel|PER] am 3. Mai 2019.")) << r.out;
  // Entities by cluster, most mentioned first, with their canonical name and tone.
  EXPECT_TRUE(has(r.out, "Entities (5 mentions of 4)")) << r.out;
  EXPECT_LT(r.out.find("Angela Merkel  PER     2x  sentiment pos (+0.50)"), r.out.find("Siemens AG"))
      << r.out;
  EXPECT_TRUE(has(r.out, "Angela Merkel · direct · cue \"sagte\"")) << r.out;
  EXPECT_TRUE(has(r.out, "\n    Wir sind uns einig\n")) << r.out;
  EXPECT_TRUE(has(r.out, "3. Mai 2019  →  2019-05-03  DATE")) << r.out;
  EXPECT_TRUE(has(r.out, "+0.60 pos   „Wir sind uns einig“, sagte Merkel am 3. Mai 2019.")) << r.out;
  EXPECT_TRUE(has(r.out, "Warnings (1)\n  input: repaired 1 invalid UTF-8 sequence")) << r.out;
  EXPECT_FALSE(has(r.out, "\x1b[")) << "colours in a pipe";
  EXPECT_FALSE(has(r.out, "fix-2")) << "only the first record is shown";
}

TEST(Show, WordsMadeFromNamesAreMarkedWithTheirSubtypeButAreNoEntities) {
  // "russische" (LOCderiv) and "US-Präsident" (LOCpart) are no places: the text
  // marks them with the subtype, the entity list leaves them out and a line of
  // their own counts them.
  const std::string record =
      R"({"id": "fix-3", "text": "Die russische Regierung und US-Präsident Trump trafen sich in Berlin, russische Medien auch.", )"
      R"("annotations": {"paragraph": [{"begin": 0, "end": 92}], "entity": [)"
      R"({"begin": 4, "end": 13, "label": "LOC", "subtype": "deriv", "name": "russische", "cluster": 0}, )"
      R"({"begin": 28, "end": 40, "label": "LOC", "subtype": "part", "name": "US-Präsident", "cluster": 1}, )"
      R"({"begin": 41, "end": 46, "label": "PER", "subtype": "", "name": "Donald Trump", "cluster": 2}, )"
      R"({"begin": 62, "end": 68, "label": "LOC", "subtype": "", "name": "Berlin", "cluster": 3}, )"
      R"({"begin": 70, "end": 79, "label": "LOC", "subtype": "deriv", "name": "russische", "cluster": 4}]}, )"
      R"("errors": [], "warnings": []})"
      "\n";
  CliRunner cli;
  const auto file = cli.write("out.jsonl", record);
  CliResult r = cli.run("show " + quote(file.string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "Die [russische|LOCderiv] Regierung und [US-Präsident|LOCpart] [Trump|PER]"))
      << r.out;
  EXPECT_TRUE(has(r.out, "Entities (2 mentions of 2)")) << r.out;
  EXPECT_FALSE(has(r.out, "US-Präsident  ")) << "no row of the entity list: " << r.out;
  EXPECT_TRUE(has(
      r.out, "Words made from names, no entities (2)\n  russische LOCderiv 2x, US-Präsident LOCpart 1x\n"))
      << r.out;

  const auto page = cli.dir() / "page.html";
  r = cli.run("show " + quote(file.string()) + " --html " + quote(page.string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = tagwerk::test::slurp(page);
  EXPECT_TRUE(has(html, "<h2>Entities (2 mentions of 2)</h2>")) << html;
  EXPECT_TRUE(has(html, "US-Präsident<sup>LOCpart</sup></mark>")) << html;
  EXPECT_TRUE(has(html, "russische <sup>LOCderiv</sup> 2×, US-Präsident <sup>LOCpart</sup> 1×")) << html;
}

TEST(Show, OffsetsWrittenInUtf16OrBytesAreReadAsSuch) {
  CliRunner cli;
  // "😀 Merkel" — the emoji is 1 code point, 2 UTF-16 units, 4 bytes.
  auto record = [](int begin, int end) {
    return "{\"id\": \"e\", \"text\": \"\xF0\x9F\x98\x80 Merkel spricht.\", \"annotations\": {\"entity\": "
           "[{\"begin\": " +
           std::to_string(begin) + ", \"end\": " + std::to_string(end) +
           ", \"label\": \"PER\", \"name\": \"Merkel\", \"cluster\": 0}]}, \"errors\": [], \"warnings\": "
           "[]}\n";
  };
  const std::pair<const char*, std::pair<int, int>> units[] = {
      {"codepoints", {2, 8}}, {"utf16", {3, 9}}, {"bytes", {5, 11}}};
  for (const auto& [unit, span] : units) {
    const auto file = cli.write(std::string(unit) + ".jsonl", record(span.first, span.second));
    CliResult r = cli.run("show --offsets " + std::string(unit) + " " + quote(file.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(has(r.out, "\xF0\x9F\x98\x80 [Merkel|PER] spricht.")) << unit << "\n" << r.out;
  }
  CliResult bad = cli.run("show --offsets chars " + quote(cli.write("x.jsonl", record(2, 8)).string()));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_TRUE(has(bad.err, "--offsets 'chars' must be codepoints, bytes or utf16")) << bad.err;
}

TEST(Show, ColorAlwaysUsesAnsiEscapesAndNeverDoesNot) {
  CliRunner cli;
  const auto file = cli.write("out.jsonl", kRecord);
  CliResult always = cli.run("show --color always " + quote(file.string()));
  ASSERT_EQ(always.exit_code, 0) << always.err;
  EXPECT_TRUE(has(always.out, "\x1b[1;35mAngela Merkel\x1b[0m")) << always.out;
  EXPECT_FALSE(has(always.out, "[Angela Merkel|PER]"));
  CliResult never = cli.run("show --color never " + quote(file.string()));
  ASSERT_EQ(never.exit_code, 0) << never.err;
  EXPECT_FALSE(has(never.out, "\x1b")) << never.out;
  EXPECT_TRUE(has(never.out, "[Angela Merkel|PER]"));
  CliResult bad = cli.run("show --color sometimes " + quote(file.string()));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_TRUE(has(bad.err, "--color must be auto, always or never")) << bad.err;
}

TEST(Show, IdAndRecordSelectAndMissingLayersAreLeftOut) {
  CliRunner cli;
  const auto file = cli.write("out.jsonl", std::string(kRecord) + kSegmentOnly);
  for (const std::string select : {"--id fix-2", "--record 2"}) {
    CliResult r = cli.run("show " + select + " " + quote(file.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(has(r.out, "Kurz\nid fix-2\n\nNur ein Satz.\n")) << r.out;
    for (const char* section : {"Entities", "Quotes", "Times", "Sentiment", "Errors", "Warnings"}) {
      EXPECT_FALSE(has(r.out, section)) << section << " in\n" << r.out;
    }
  }
  CliResult from_stdin = cli.run("show --id fix-2 -", file.string());
  EXPECT_EQ(from_stdin.exit_code, 0) << from_stdin.err;
  EXPECT_TRUE(has(from_stdin.out, "Nur ein Satz.")) << from_stdin.out;
}

TEST(Show, UnknownIdOrRecordNamesTheFileAndExits2) {
  CliRunner cli;
  const auto file = cli.write("out.jsonl", std::string(kRecord) + kSegmentOnly);
  CliResult r = cli.run("show --id nope " + quote(file.string()));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(has(r.err, file.string() + ": no record with id 'nope' among its 2 records")) << r.err;
  CliResult past = cli.run("show --record 3 " + quote(file.string()));
  EXPECT_EQ(past.exit_code, 2);
  EXPECT_TRUE(has(past.err, file.string() + ": no record 3, it has 2 records")) << past.err;
  CliResult empty = cli.run("show " + quote(cli.write("empty.jsonl", "").string()));
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_TRUE(has(empty.err, "empty.jsonl: no records in it")) << empty.err;
  CliResult missing = cli.run("show " + quote((cli.dir() / "absent.jsonl").string()));
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(has(missing.err, "absent.jsonl")) << missing.err;
}

// Every '<' of the page must open one of the tags the page is made of, and no
// tag may carry an event handler: what the article brings stays text.
void expect_only_own_tags(const std::string& html) {
  const std::set<std::string> allowed = {
      "!DOCTYPE", "html", "head",  "meta", "title", "style", "body", "h1", "h2",         "p",  "span",
      "mark",     "sup",  "table", "tr",   "th",    "td",    "b",    "i",  "blockquote", "ul", "li"};
  for (std::size_t lt = html.find('<'); lt != std::string::npos; lt = html.find('<', lt + 1)) {
    std::size_t name_begin = lt + 1 + (html[lt + 1] == '/' ? 1 : 0);
    std::size_t name_end = html.find_first_of(" >", name_begin);
    ASSERT_NE(name_end, std::string::npos);
    const std::string name = html.substr(name_begin, name_end - name_begin);
    EXPECT_TRUE(allowed.count(name)) << "unexpected tag <" << name << "> at " << lt;
    // Attribute values are quoted and cannot hold a raw '"'; what is left are the attributes.
    std::string attributes;
    bool in_value = false;
    for (std::size_t i = lt; i < html.size() && (in_value || html[i] != '>'); ++i) {
      if (html[i] == '"') in_value = !in_value;
      if (!in_value && html[i] != '"') attributes += html[i];
    }
    EXPECT_FALSE(has(attributes, "onerror")) << attributes;
  }
}

TEST(Show, HtmlEscapesWhatTheArticleBrings) {
  // The payloads through the title, an entity's name and surface, a quote and the text.
  const std::string record =
      R"j({"id": "x<script>", "title": "<script>alert('t')</script>", "text": "Evil\"><img src=x onerror=alert(1)> sagte <script>alert(1)</script> heute.", )j"
      R"j("annotations": {"entity": [{"begin": 0, "end": 34, "label": "PER\" onerror=\"alert(2)", "name": "\"><img src=x onerror=alert(1)>", "cluster": 0}], )j"
      R"j("quote": [{"begin": 41, "end": 66, "kind": "direct", "speaker": "<b onerror=alert(3)>", "cue": "<script>"}]}, )j"
      R"j("errors": [{"plugin": "x", "message": "<script>alert(4)</script>"}], "warnings": []})j"
      "\n";
  CliRunner cli;
  const auto file = cli.write("evil.jsonl", record);
  const auto page = cli.dir() / "page.html";
  CliResult r = cli.run("show " + quote(file.string()) + " --html " + quote(page.string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = tagwerk::test::slurp(page);
  ASSERT_FALSE(html.empty());
  EXPECT_FALSE(has(html, "<script"));
  EXPECT_FALSE(has(html, "<img"));
  EXPECT_TRUE(has(html, "<title>&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;</title>")) << html;
  EXPECT_TRUE(has(html, "Evil&quot;&gt;&lt;img src=x onerror=alert(1)&gt;<sup>")) << html;
  EXPECT_TRUE(
      has(html, "title=\"PER&quot; onerror=&quot;alert(2): &quot;&gt;&lt;img src=x onerror=alert(1)&gt;\""))
      << html;
  EXPECT_TRUE(has(html, "<blockquote>&lt;script&gt;alert(1)&lt;/script&gt;</blockquote>")) << html;
  EXPECT_TRUE(has(html, "<b>&lt;b onerror=alert(3)&gt;</b>")) << html;
  EXPECT_TRUE(has(html, "x: &lt;script&gt;alert(4)&lt;/script&gt;")) << html;
  expect_only_own_tags(html);
}

TEST(Show, HtmlIsOneSelfContainedPage) {
  CliRunner cli;
  const auto file = cli.write("out.jsonl", kRecord);
  std::filesystem::create_directory(cli.dir() / "page");
  const auto page = cli.dir() / "page" / "fix-1.html";
  CliResult r = cli.run("show --html " + quote(page.string()) + " " + quote(file.string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(cli.dir() / "page"))
    files += entry.is_regular_file();
  EXPECT_EQ(files, 1u) << "the page and nothing beside it";
  const std::string html = tagwerk::test::slurp(page);
  EXPECT_TRUE(
      has(html, "<mark class=\"PER\" title=\"PER: Angela Merkel\">Angela Merkel<sup>PER</sup></mark>"))
      << html;
  EXPECT_TRUE(has(html, "<b>Angela Merkel</b> · direct · cue “sagte”")) << html;
  EXPECT_TRUE(has(html, "<b>2019-05-03</b>")) << html;
  EXPECT_TRUE(has(html, "<style>"));
  for (const char* external : {"http:", "https:", "src=", "href=", "<link", "<script", "url(", "@import"}) {
    EXPECT_FALSE(has(html, external)) << external;
  }
  expect_only_own_tags(html);
  CliResult unwritable = cli.run("show --html " + quote((cli.dir() / "no/such/dir/p.html").string()) + " " +
                                 quote(file.string()));
  EXPECT_EQ(unwritable.exit_code, 2);
  EXPECT_TRUE(has(unwritable.err, "no/such/dir/p.html: cannot write the HTML page")) << unwritable.err;
}

}  // namespace
