// `tagwerk report` end to end: the files a user gets, and what it says on bad input.
#include "cli_runner.hpp"

#include <gtest/gtest.h>

#include <filesystem>

using tagwerk::test::CliRunner;
using tagwerk::test::quote;
using tagwerk::test::slurp;

namespace {

const std::filesystem::path kData = std::filesystem::path(TAGWERK_TEST_DATA_DIR) / "report";

std::string shards() {
  return quote((kData / "shard-1.jsonl").string()) + " " + quote((kData / "shard-2.jsonl").string());
}

}  // namespace

TEST(ReportCli, WritesTheTablesAndThePage) {
  CliRunner cli;
  const auto chart = cli.write("chart.js", "window.Chart = undefined; /* stand-in */");
  const auto out = cli.dir() / "out";
  const auto r =
      cli.run("report " + shards() + " -o " + quote(out.string()) + " --chart-js " + quote(chart.string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("5 records (1 without annotations, 0 unreadable)"), std::string::npos) << r.err;
  for (const char* name : {"entities", "quotes", "timeline", "sentiment"}) {
    EXPECT_FALSE(slurp(out / (std::string(name) + ".json")).empty()) << name;
    EXPECT_FALSE(slurp(out / (std::string(name) + ".csv")).empty()) << name;
  }
  const std::string page = slurp(out / "index.html");
  EXPECT_NE(page.find("window.Chart = undefined; /* stand-in */"), std::string::npos)
      << "the library is inlined";
  EXPECT_EQ(page.find("<img"), std::string::npos);
  EXPECT_EQ(slurp(out / "entities.csv").substr(0, 33), "name,label,mentions,documents,fir");
  EXPECT_NE(
      slurp(out / "entities.json").find("\"name\": \"Donald Trump\", \"label\": \"PER\", \"mentions\": 4"),
      std::string::npos);
}

TEST(ReportCli, ByWeekWithoutPage) {
  CliRunner cli;
  const auto out = cli.dir() / "out";
  const auto r = cli.run("report " + shards() + " -o " + quote(out.string()) + " --period week --no-html");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out / "index.html"));
  EXPECT_NE(slurp(out / "timeline.csv").find("\r\n2017-W27,"), std::string::npos)
      << slurp(out / "timeline.csv");
}

TEST(ReportCli, BadLinesAreNamedAndSkipped) {
  CliRunner cli;
  const auto bad = cli.write(
      "bad.jsonl", "{\"id\": \"a\", \"text\": \"x\", \"annotations\": {\"entity\": 3}}\nnot json\n");
  const auto r =
      cli.run("report " + quote(bad.string()) + " -o " + quote((cli.dir() / "o").string()) + " --no-html");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("bad.jsonl:1 (record a): skipped, annotations.entity is not an array"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("bad.jsonl:2: skipped"), std::string::npos) << r.err;
}

TEST(ReportCli, UsageErrorsSayTheFix) {
  CliRunner cli;
  auto r = cli.run("report " + shards());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("pass -o DIR"), std::string::npos) << r.err;
  r = cli.run("report " + shards() + " -o x --period year");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--period must be day, week or month"), std::string::npos) << r.err;
}

// Many chunks of records (ids made distinct per copy), mapped on one thread
// and on three: the same bytes in every file.
TEST(ReportCli, AnyNumberOfThreadsGivesTheSameFiles) {
  CliRunner cli;
  std::string corpus;
  const std::string records = slurp(kData / "shard-1.jsonl") + slurp(kData / "shard-2.jsonl");
  for (int copy = 0; copy < 120; ++copy) {
    std::string part = records;
    for (std::size_t at = 0; (at = part.find("{\"id\": \"", at)) != std::string::npos; at += 8)
      part.insert(at + 8, "c" + std::to_string(copy) + "-");
    corpus += part;
  }
  const auto in = cli.write("corpus.jsonl", corpus);
  const auto one = cli.dir() / "one", three = cli.dir() / "three";
  const auto chart = cli.write("chart.js", "/* stand-in */");
  const std::string args = " --chart-js " + quote(chart.string()) + " " + quote(in.string());
  ASSERT_EQ(cli.run("report -j 1 -o " + quote(one.string()) + args).exit_code, 0);
  const auto r = cli.run("report -j 3 -o " + quote(three.string()) + args);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("600 records (120 without annotations"), std::string::npos) << r.err;
  for (const char* name : {"entities.json", "entities.csv", "quotes.json", "quotes.csv", "timeline.json",
                           "timeline.csv", "sentiment.json", "sentiment.csv", "index.html"})
    EXPECT_EQ(slurp(one / name), slurp(three / name)) << name;
  EXPECT_NE(
      slurp(one / "entities.json").find("\"name\": \"Donald Trump\", \"label\": \"PER\", \"mentions\": 480"),
      std::string::npos)
      << "every copy counted once";
}
