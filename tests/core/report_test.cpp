// The report reducer (map / merge / finish) and its JSON, CSV and HTML output,
// on the hand-made annotated corpus in tests/data/report/ (see make_fixture.py).
#include <tagwerk/core/input.hpp>
#include <tagwerk/core/report.hpp>
#include <tagwerk/core/report_output.hpp>

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace tc = tagwerk::core;

namespace {

const std::filesystem::path kData = std::filesystem::path(TAGWERK_TEST_DATA_DIR) / "report";

void map_file(tc::ReportState& state, const std::filesystem::path& path) {
  tc::InputOptions in;
  in.paths = {path.string()};
  in.format = tc::InputFormat::jsonl;
  auto reader = tc::open_input(in);
  tc::Document d;
  while (reader->next(d)) {
    std::string why;
    ASSERT_TRUE(state.map(d, &why)) << path << ": " << why;
  }
}

std::vector<tc::ReportTable> reduce(const std::vector<std::filesystem::path>& files,
                                    tc::ReportOptions o = {}) {
  tc::ReportState total(o);
  for (const auto& f : files) {
    tc::ReportState part(o);
    map_file(part, f);
    total.merge(std::move(part));
  }
  return total.finish();
}

const tc::ReportTable& table(const std::vector<tc::ReportTable>& ts, const std::string& name) {
  for (const auto& t : ts)
    if (t.name == name) return t;
  throw std::runtime_error("no table " + name);
}

// The cell of `column` in row `row` as the CSV writes it.
std::string cell(const tc::ReportTable& t, std::size_t row, const std::string& column) {
  for (std::size_t i = 0; i < t.columns.size(); ++i) {
    if (t.columns[i] != column) continue;
    std::vector<tc::ReportCell> scratch;
    const auto c = t.row(row, scratch).at(i);
    tc::ReportTable one{"x", {"v"}, {{c}}};
    std::string csv = tc::report_csv(one);
    csv = csv.substr(3, csv.size() - 5);  // drop the header "v\r\n" and the final "\r\n"
    return csv;
  }
  throw std::runtime_error("no column " + column);
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::filesystem::path> shards() {
  return {kData / "shard-1.jsonl", kData / "shard-2.jsonl"};
}

std::filesystem::path one_file() {
  auto p =
      std::filesystem::temp_directory_path() / ("report_test_all_" + std::to_string(::getpid()) + ".jsonl");
  std::ofstream out(p, std::ios::binary);
  out << slurp(kData / "shard-2.jsonl") << slurp(kData / "shard-1.jsonl");
  return p;
}

// An entity mention of a hand-made record (code point offsets).
tc::ReportSpan entity_span(std::int64_t begin, std::int64_t end, std::string_view label,
                           std::string_view name = {}, std::string_view subtype = {}) {
  tc::ReportSpan m;
  m.begin = begin;
  m.end = end;
  m.label = label;
  m.name = name;
  m.subtype = subtype;
  return m;
}

// The tables of hand-made records (their views must outlive the call).
std::vector<tc::ReportTable> reduce_records(const std::vector<tc::ReportRecord>& records) {
  tc::ReportState s;
  for (const auto& r : records) s.map(r);
  return s.finish();
}

}  // namespace

TEST(ReportPeriod, KeysOfDatesAndTimexValues) {
  EXPECT_EQ(tc::period_key("2017-07-09T20:06", tc::ReportPeriod::day), "2017-07-09");
  EXPECT_EQ(tc::period_key("2017-07-09", tc::ReportPeriod::month), "2017-07");
  EXPECT_EQ(tc::period_key("2017-07-09", tc::ReportPeriod::week), "2017-W27");
  EXPECT_EQ(tc::period_key("2021-01-01", tc::ReportPeriod::week), "2020-W53");  // a Friday
  EXPECT_EQ(tc::period_key("2019-12-30", tc::ReportPeriod::week), "2020-W01");  // a Monday
  EXPECT_EQ(tc::period_key("2017-07", tc::ReportPeriod::month), "2017-07");
  EXPECT_EQ(tc::period_key("2017-07", tc::ReportPeriod::day), "");
  EXPECT_EQ(tc::period_key("2016", tc::ReportPeriod::month), "");
  EXPECT_EQ(tc::period_key("PAST_REF", tc::ReportPeriod::month), "");
  EXPECT_EQ(tc::period_key("2017-02-30", tc::ReportPeriod::day), "");
}

TEST(Report, EntityIndexMergesMentionsAcrossDocuments) {
  const auto ts = reduce(shards());
  const auto& e = table(ts, "entities");
  ASSERT_EQ(e.size(), 6u);
  EXPECT_EQ(cell(e, 0, "name"), "Donald Trump");
  EXPECT_EQ(cell(e, 0, "label"), "PER");
  EXPECT_EQ(cell(e, 0, "mentions"), "4");
  EXPECT_EQ(cell(e, 0, "documents"), "3");
  EXPECT_EQ(cell(e, 0, "first_seen"), "2017-07-07");
  EXPECT_EQ(cell(e, 0, "last_seen"), "2017-08-01");
  EXPECT_EQ(cell(e, 0, "variants"), "Trump (2); Donald Trump (1); Trumps (1)");
  EXPECT_EQ(cell(e, 1, "name"), "Wladimir Putin");
  EXPECT_EQ(cell(e, 1, "variants"), "Putin (1); Wladimir Putin (1)");
  EXPECT_EQ(cell(e, 3, "name"), "Angela Merkel");
}

// An acronym that a document clustered with a longer name, twice or more,
// names that entity in every document: its mentions, quotes and sentiment
// join the longer name's. Seen once, it stays apart.
TEST(Report, AnAcronymJoinedToALongerNameJoinsItAcrossDocuments) {
  std::vector<tc::ReportRecord> records(4);
  const std::string defines = "Robert Koch-Institut RKI RKI", alone = "RKI sagt",
                    once = "Europäische Union EU", eu = "EU";
  const auto entity = [](std::int64_t begin, std::int64_t end, std::string_view name) {
    return entity_span(begin, end, "ORG", name);
  };
  records[0].text = defines;
  records[0].date = "2020-03-01";
  records[0].entity = {entity(0, 20, "Robert Koch-Institut"), entity(21, 24, "Robert Koch-Institut"),
                       entity(25, 28, "Robert Koch-Institut")};
  records[1].text = alone;
  records[1].date = "2020-04-01";
  records[1].entity = {entity(0, 3, "RKI")};
  tc::ReportSpan quote;
  quote.begin = 4;
  quote.end = 8;
  quote.kind = "indirect";
  quote.ref = 0;
  records[1].quote = {quote};
  tc::ReportSpan tone;
  tone.scope = "entity";
  tone.ref = 0;
  tone.score = -0.5;
  records[1].sentiment = {tone};
  records[2].text = once;
  records[2].entity = {entity(0, 17, "Europäische Union"), entity(18, 20, "Europäische Union")};
  records[3].text = eu;
  records[3].entity = {entity(0, 2, "EU")};
  const std::string ids[] = {"d0", "d1", "d2", "d3"};  // the records' views point into them
  for (std::size_t i = 0; i < records.size(); ++i) records[i].id = ids[i];

  const auto ts = reduce_records(records);
  const auto& e = table(ts, "entities");
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(cell(e, 0, "name"), "Robert Koch-Institut");
  EXPECT_EQ(cell(e, 0, "mentions"), "4");
  EXPECT_EQ(cell(e, 0, "documents"), "2");
  EXPECT_EQ(cell(e, 0, "last_seen"), "2020-04-01");
  EXPECT_EQ(cell(e, 0, "variants"), "RKI (3); Robert Koch-Institut (1)");
  for (std::size_t row = 1; row < 3; ++row) EXPECT_NE(cell(e, row, "name"), "RKI");
  const auto& q = table(ts, "quotes");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(cell(q, 0, "speaker"), "Robert Koch-Institut");
  EXPECT_EQ(cell(q, 0, "speaker_entity"), "Robert Koch-Institut");
  const auto& tone_table = table(ts, "sentiment");
  ASSERT_EQ(tone_table.size(), 1u);
  EXPECT_EQ(cell(tone_table, 0, "name"), "Robert Koch-Institut");
  const auto& timeline = table(ts, "timeline");
  for (std::size_t row = 0; row < timeline.size(); ++row)
    EXPECT_EQ(cell(timeline, row, "entities").find("RKI"), std::string::npos);
}

// An entity with more surface forms than kept_names keeps the most frequent
// half and counts the mentions of the rest, so its list stays bounded.
TEST(Report, VariantListsAreBoundedWithTheRestCounted) {
  tc::ReportOptions o;
  o.kept_names = 4;
  tc::ReportState s(o);
  const std::string text = "Aa Bb Cc Dd Ee Ff";
  // "Aa" three times, "Bb" twice, the other four once each: 9 mentions.
  for (const std::string forms : {"0 0 0 1 1 2", "3 4 5"}) {
    tc::ReportRecord r;
    r.id = "d";
    r.text = text;
    r.date = "2020-03-01";
    for (const char c : forms) {
      if (c == ' ') continue;
      tc::ReportSpan e;
      e.begin = 3 * (c - '0');
      e.end = e.begin + 2;
      e.label = "PER";
      e.name = "Someone";
      r.entity.push_back(e);
    }
    s.map(r);
  }
  const auto ts = s.finish();
  const auto& e = table(ts, "entities");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(cell(e, 0, "mentions"), "9");
  const std::string variants = cell(e, 0, "variants");
  EXPECT_EQ(variants.rfind("Aa (3); Bb (2)", 0), 0u) << variants;
  EXPECT_NE(variants.find("others ("), std::string::npos) << variants;
  // What is listed and what is counted as others add up to the mentions.
  std::uint64_t sum = 0;
  for (std::size_t at = 0; (at = variants.find('(', at)) != std::string::npos; ++at)
    sum += std::stoul(variants.substr(at + 1));
  EXPECT_EQ(sum, 9u) << variants;
}

// The entity index of one record with `text` and these mentions.
std::vector<tc::ReportTable> index_of(std::string_view text, std::vector<tc::ReportSpan> mentions) {
  std::vector<tc::ReportRecord> records(1);
  records[0].id = "d";
  records[0].text = text;
  records[0].date = "2020-07-02";
  records[0].entity = std::move(mentions);
  return reduce_records(records);
}

// "russische" and "US-Präsident" (subtypes deriv and part) are words about
// an entity, not mentions of one: the index lists Russland and Trump alone.
TEST(Report, DerivedWordsAndPartsAreNoEntities) {
  const auto ts =
      index_of("Die russische Regierung und Russland; US-Präsident Trump.",
               {entity_span(4, 13, "LOC", "russische", "deriv"), entity_span(28, 36, "LOC", "Russland"),
                entity_span(38, 50, "LOC", "US-Präsident", "part"), entity_span(51, 56, "PER", "Trump")});
  const auto& e = table(ts, "entities");
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(cell(e, 0, "name"), "Russland");
  EXPECT_EQ(cell(e, 1, "name"), "Trump");
}

// A name broken across lines in the article is the variant written on one line
// (no canonical name: the key is the surface form too).
TEST(Report, ANameBrokenAcrossLinesIsOneVariant) {
  const auto ts =
      index_of("ZEIT ONLINE fragt. ZEIT\nONLINE: Warum?  ZEIT \r\n ONLINE:",
               {entity_span(0, 11, "ORG"), entity_span(19, 30, "ORG"), entity_span(40, 54, "ORG")});
  const auto& e = table(ts, "entities");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(cell(e, 0, "name"), "ZEIT ONLINE");
  EXPECT_EQ(cell(e, 0, "variants"), "ZEIT ONLINE (3)");
}

TEST(Report, WhoSaidWhatWithTheCoveringSentiment) {
  const auto ts = reduce(shards());
  const auto& q = table(ts, "quotes");
  ASSERT_EQ(q.size(), 4u);
  EXPECT_EQ(cell(q, 0, "doc_id"), "d1");
  EXPECT_EQ(cell(q, 0, "speaker"), "Trump");
  EXPECT_EQ(cell(q, 0, "speaker_entity"), "Donald Trump");
  EXPECT_EQ(cell(q, 0, "kind"), "direct");
  EXPECT_EQ(cell(q, 0, "cue"), "sagte");
  EXPECT_EQ(cell(q, 0, "quote"), "\"„Wir reden über alles, auch über Syrien“\"");
  EXPECT_EQ(cell(q, 0, "sentiment_label"), "pos");
  EXPECT_EQ(cell(q, 0, "sentiment_score"), "0.5000");
  EXPECT_EQ(cell(q, 1, "speaker_entity"), "Angela Merkel");
  EXPECT_EQ(cell(q, 1, "kind"), "indirect");
  EXPECT_EQ(cell(q, 1, "title"), "\"Merkel: \"\"Gipfel, schwierig\"\"\"");
  EXPECT_EQ(cell(q, 1, "sentiment_score"), "-0.5000");
  EXPECT_EQ(cell(q, 2, "speaker"), "Ein Sprecher");
  EXPECT_EQ(cell(q, 2, "speaker_entity"), "");
}

TEST(Report, QuoteTextIsCutToTheLimit) {
  tc::ReportOptions o;
  o.quote_chars = 5;
  const auto ts = reduce(shards(), o);
  EXPECT_EQ(cell(table(ts, "quotes"), 0, "quote"), "„Wir …");
}

TEST(Report, TimelineByMonthAndDay) {
  auto ts = reduce(shards());
  const auto& t = table(ts, "timeline");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(cell(t, 0, "period"), "2017-07");
  EXPECT_EQ(cell(t, 0, "documents"), "2");
  EXPECT_EQ(cell(t, 0, "statements"), "5");
  EXPECT_EQ(cell(t, 0, "quotes"), "2");
  EXPECT_EQ(cell(t, 0, "entities"),
            "Donald Trump (3); Wladimir Putin (2); Angela Merkel (1); Hamburg (1); Syrien (1)");
  EXPECT_EQ(cell(t, 0, "speakers"), "Angela Merkel (1); Donald Trump (1)");
  EXPECT_EQ(cell(t, 1, "period"), "2017-08");

  tc::ReportOptions o;
  o.period = tc::ReportPeriod::day;
  o.top_names = 1;
  ts = reduce(shards(), o);
  const auto& d = table(ts, "timeline");
  ASSERT_EQ(d.size(), 4u);
  EXPECT_EQ(cell(d, 0, "period"), "2017-07-07");
  EXPECT_EQ(cell(d, 0, "entities"), "Donald Trump (2)") << "top 1 only";
}

TEST(Report, SentimentPerEntityAndPeriod) {
  const auto ts = reduce(shards());
  const auto& s = table(ts, "sentiment");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(cell(s, 0, "name"), "Donald Trump");
  EXPECT_EQ(cell(s, 0, "period"), "2017-07");
  EXPECT_EQ(cell(s, 0, "mean_score"), "-0.1250");
  EXPECT_EQ(cell(s, 0, "count"), "2");
  EXPECT_EQ(cell(s, 1, "period"), "2017-08");
  EXPECT_EQ(cell(s, 1, "mean_score"), "0.2500");
  EXPECT_EQ(cell(s, 2, "name"), "Wladimir Putin");
  EXPECT_EQ(cell(s, 2, "mean_score"), "-0.2500");
}

TEST(Report, ShardsGiveTheSameBytesAsOneFile) {
  const auto all = one_file();
  const auto a = reduce(shards());
  const auto b = reduce({all});
  const auto c = reduce({shards()[1], shards()[0]});
  std::filesystem::remove(all);
  ASSERT_EQ(a.size(), 4u);
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(tc::report_json(a[i]), tc::report_json(b[i])) << a[i].name;
    EXPECT_EQ(tc::report_csv(a[i]), tc::report_csv(b[i])) << a[i].name;
    EXPECT_EQ(tc::report_csv(a[i]), tc::report_csv(c[i])) << a[i].name;
  }
  EXPECT_EQ(tc::report_html(a, ""), tc::report_html(b, ""));
}

// Quotes past quote_memory go to a temporary file as sorted runs (here every
// record's, and the shards' runs merged): the same bytes as all in memory.
TEST(Report, QuotesSpilledToDiskGiveTheSameBytes) {
  tc::ReportOptions tiny;
  tiny.quote_memory = 1;
  const auto in_memory = reduce(shards());
  const auto spilled = reduce(shards(), tiny);
  const auto reversed = reduce({shards()[1], shards()[0]}, tiny);
  ASSERT_GE(table(in_memory, "quotes").size(), 4u);
  for (std::size_t i = 0; i < in_memory.size(); ++i) {
    EXPECT_EQ(tc::report_csv(spilled[i]), tc::report_csv(in_memory[i])) << in_memory[i].name;
    EXPECT_EQ(tc::report_json(reversed[i]), tc::report_json(in_memory[i])) << in_memory[i].name;
  }
  // Rows read out of order start over and still give the row asked for.
  const auto& q = table(spilled, "quotes");
  EXPECT_EQ(cell(q, 3, "quote"), cell(table(in_memory, "quotes"), 3, "quote"));
  EXPECT_EQ(cell(q, 0, "quote"), cell(table(in_memory, "quotes"), 0, "quote"));
}

TEST(Report, RecordsWithoutAnnotationsAreCountedAndSkipped) {
  tc::ReportState s;
  map_file(s, kData / "shard-1.jsonl");
  EXPECT_EQ(s.records(), 3u);
  EXPECT_EQ(s.skipped(), 1u);
}

TEST(Report, BadAnnotationsAreRefusedWithTheReason) {
  tc::ReportState s;
  tc::Document d;
  d.id = "x";
  d.fields.push_back({"annotations", "[1, 2]", std::nullopt});
  std::string why;
  EXPECT_FALSE(s.map(d, &why));
  EXPECT_NE(why.find("annotations"), std::string::npos) << why;
  d.fields[0].raw_json = R"({"entity": {"begin": 0}})";
  EXPECT_FALSE(s.map(d, &why));
  EXPECT_NE(why.find("annotations.entity is not an array"), std::string::npos) << why;
  EXPECT_EQ(s.records(), 0u);
}

TEST(ReportCsv, QuotesCommasQuotesAndNewlines) {
  tc::ReportTable t{"t", {"a", "b,c"}, {}};
  t.rows.push_back({tc::ReportCell::of("x, y"), tc::ReportCell::of("say \"hi\"")});
  t.rows.push_back({tc::ReportCell::of("line\nbreak"), tc::ReportCell{}});
  t.rows.push_back({tc::ReportCell::of_int(-3), tc::ReportCell::of_number(0.12345)});
  EXPECT_EQ(tc::report_csv(t),
            "a,\"b,c\"\r\n"
            "\"x, y\",\"say \"\"hi\"\"\"\r\n"
            "\"line\nbreak\",\r\n"
            "-3,0.1235\r\n");
  EXPECT_EQ(tc::report_json(t),
            "[\n{\"a\": \"x, y\", \"b,c\": \"say \\\"hi\\\"\"},\n"
            "{\"a\": \"line\\nbreak\", \"b,c\": null},\n"
            "{\"a\": -3, \"b,c\": 0.1235}\n]\n");
}

TEST(ReportHtml, ArticleTextReachesThePageOnlyEscaped) {
  const auto ts = reduce(shards());
  const std::string page = tc::report_html(ts, "");
  // The hostile title, entity name and quote are in the data, escaped.
  EXPECT_NE(page.find(R"(\u003cscript\u003ealert(1)\u003c/script\u003e)"), std::string::npos);
  EXPECT_NE(page.find(R"(\"\u003e\u003cimg src=x onerror=alert(1)\u003e)"), std::string::npos);
  EXPECT_EQ(page.find("<script>alert"), std::string::npos);
  EXPECT_EQ(page.find("<img"), std::string::npos);
  EXPECT_EQ(page.find("innerHTML"), std::string::npos);
  EXPECT_EQ(page.find("http://"), std::string::npos) << "the page loads nothing";
  EXPECT_EQ(page.find("https://"), std::string::npos);
  // Exactly the page's own script elements end: data, the renderer.
  std::size_t ends = 0;
  for (std::size_t at = 0; (at = page.find("</script", at)) != std::string::npos; ++at) ++ends;
  EXPECT_EQ(ends, 2u);
}

TEST(ReportHtml, InlinedLibraryCannotEndItsElement) {
  const std::string page = tc::report_html({}, "var s = '</script><b>';");
  EXPECT_NE(page.find(R"(var s = '<\/script><b>';)"), std::string::npos);
}

TEST(ReportWrite, WritesEveryTableAsJsonAndCsvAndThePage) {
  const auto dir = std::filesystem::temp_directory_path() / ("report_test_out_" + std::to_string(::getpid()));
  tc::write_report(dir, reduce(shards()), true, "");
  for (const char* name : {"entities", "quotes", "timeline", "sentiment"}) {
    EXPECT_TRUE(std::filesystem::exists(dir / (std::string(name) + ".json"))) << name;
    EXPECT_TRUE(std::filesystem::exists(dir / (std::string(name) + ".csv"))) << name;
  }
  EXPECT_TRUE(std::filesystem::exists(dir / "index.html"));
  EXPECT_EQ(slurp(dir / "timeline.csv").substr(0, 50), "period,documents,statements,quotes,entities,speake");
  std::filesystem::remove_all(dir);
}

// A longer name with fewer than one mention for 50 of the acronym's own is a passing
// expansion: "U. S. Army (USA)" once does not rename every "USA".
TEST(Report, AnAcronymFarMoreFrequentThanItsExpansionStaysApart) {
  std::vector<tc::ReportRecord> records(2);
  const std::string army = "U. S. Army USA USA", ids[] = {"d0", "d1"};
  std::string usa;
  for (int k = 0; k < 160; ++k) usa += "USA ";
  records[0].text = army;
  records[0].entity = {entity_span(0, 10, "LOC", "U. S. Army"), entity_span(11, 14, "LOC", "U. S. Army"),
                       entity_span(15, 18, "LOC", "U. S. Army")};
  records[1].text = usa;
  for (std::int64_t k = 0; k < 160; ++k)
    records[1].entity.push_back(entity_span(4 * k, 4 * k + 3, "LOC", "USA"));
  for (std::size_t i = 0; i < records.size(); ++i) records[i].id = ids[i];
  const auto ts = reduce_records(records);
  const auto& e = table(ts, "entities");
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(cell(e, 0, "name"), "USA");
  EXPECT_EQ(cell(e, 0, "mentions"), "160");
  // With the expansion written more often it names the acronym again.
  for (int copy = 0; copy < 4; ++copy) records.push_back(records[0]);
  const std::string more[] = {"d2", "d3", "d4", "d5"};
  for (std::size_t i = 2; i < records.size(); ++i) records[i].id = more[i - 2];
  const auto joined = reduce_records(records);
  ASSERT_EQ(table(joined, "entities").size(), 1u);
  EXPECT_EQ(cell(table(joined, "entities"), 0, "name"), "U. S. Army");
}

// Only an acronym that can abbreviate the longer name joins it: a document that
// clustered "the UK" with "Amnesty International UK" does not rename the UK.
TEST(Report, AnAcronymThatIsAWordOfTheLongerNameStaysApart) {
  const std::string joined = "Amnesty International UK UK UK", alone = "UK", ids[] = {"d0", "d1"};
  std::vector<tc::ReportRecord> records(2);
  const auto place = [](std::int64_t begin, std::int64_t end, std::string_view name) {
    return entity_span(begin, end, "LOC", name);
  };
  records[0].text = joined;
  records[0].entity = {place(0, 24, "Amnesty International UK"), place(25, 27, "Amnesty International UK"),
                       place(28, 30, "Amnesty International UK")};
  records[1].text = alone;
  records[1].entity = {place(0, 2, "UK")};
  for (std::size_t i = 0; i < records.size(); ++i) records[i].id = ids[i];

  const auto ts = reduce_records(records);
  const auto& e = table(ts, "entities");
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(cell(e, 0, "name"), "Amnesty International UK");
  EXPECT_EQ(cell(e, 0, "mentions"), "3");
  EXPECT_EQ(cell(e, 1, "name"), "UK");
  EXPECT_EQ(cell(e, 1, "mentions"), "1");
}

// A person named by the surname alone in one document is the full name that
// other documents joined it with, twice or more; a word that begins more of the
// corpus's full names than it ends is a given name and stays apart.
TEST(Report, ASurnameAloneJoinsTheFullNameDocumentsGaveIt) {
  const std::string full = "Angela Merkel , Merkel , Merkel", alone = "Merkel sagt",
                    given = "Eira Thomas , Thomas , Thomas ; Thomas Müller , Thomas Müller , Thomas Müller",
                    first = "Thomas lacht", ids[] = {"d0", "d1", "d2", "d3"};
  std::vector<tc::ReportRecord> records(4);
  records[0].text = full;
  records[0].entity = {entity_span(0, 13, "PER", "Angela Merkel"),
                       entity_span(16, 22, "PER", "Angela Merkel"),
                       entity_span(25, 31, "PER", "Angela Merkel")};
  records[1].text = alone;
  records[1].entity = {entity_span(0, 6, "PER", "Merkel")};
  records[2].text = given;
  records[2].entity = {
      entity_span(0, 11, "PER", "Eira Thomas"),    entity_span(14, 20, "PER", "Eira Thomas"),
      entity_span(23, 29, "PER", "Eira Thomas"),   entity_span(32, 45, "PER", "Thomas Müller"),
      entity_span(48, 61, "PER", "Thomas Müller"), entity_span(64, 77, "PER", "Thomas Müller")};
  records[3].text = first;
  records[3].entity = {entity_span(0, 6, "PER", "Thomas")};
  for (std::size_t i = 0; i < records.size(); ++i) records[i].id = ids[i];

  const auto ts = reduce_records(records);
  const auto& e = table(ts, "entities");
  std::map<std::string, std::string> mentions;
  for (std::size_t row = 0; row < e.size(); ++row) mentions[cell(e, row, "name")] = cell(e, row, "mentions");
  EXPECT_EQ(mentions,
            (std::map<std::string, std::string>{
                {"Angela Merkel", "4"}, {"Eira Thomas", "3"}, {"Thomas Müller", "3"}, {"Thomas", "1"}}));
}

// One name in several spellings (hyphens, spaces, case) is one row, named by the most
// frequent spelling; an acronym defined with a rarer spelling joins that row too.
TEST(Report, SpellingsOfOneNameAreOneRow) {
  const std::string a = "Robert Koch-Institut , Robert Koch-Institut , RKI , RKI", b = "Robert-Koch-Institut",
                    c = "RKI", ids[] = {"d0", "d1", "d2"};
  std::vector<tc::ReportRecord> records(3);
  records[0].text = a;
  records[0].entity = {
      entity_span(0, 20, "ORG", "Robert Koch-Institut"), entity_span(23, 43, "ORG", "Robert Koch-Institut"),
      entity_span(46, 49, "ORG", "Robert Koch-Institut"), entity_span(52, 55, "ORG", "Robert Koch-Institut")};
  records[1].text = b;
  records[1].entity = {entity_span(0, 20, "ORG", "Robert-Koch-Institut")};
  records[2].text = c;
  records[2].entity = {entity_span(0, 3, "ORG", "RKI")};
  for (std::size_t i = 0; i < records.size(); ++i) records[i].id = ids[i];
  const auto ts = reduce_records(records);
  const auto& e = table(ts, "entities");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(cell(e, 0, "name"), "Robert Koch-Institut");
  EXPECT_EQ(cell(e, 0, "mentions"), "6");
  EXPECT_EQ(cell(e, 0, "variants"), "RKI (3); Robert Koch-Institut (2); Robert-Koch-Institut (1)");
}
