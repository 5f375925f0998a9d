// The timeline plugin after segment, through the real loader on the plugin
// test harness, on the seed article and on a short English report: what a
// user sees in the output.
#include <tagwerk/testing.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using tagwerk::testing::Harness;
using tagwerk::testing::plugins_under_test;
using tagwerk::testing::read_file;
using tagwerk::testing::Result;

namespace {

const char* kChain = "[[step]]\nuse = \"segment\"\n\n[[step]]\nuse = \"timeline\"\n";

// The timex whose text is exactly `text`, as "TYPE value"; "(none)" when there is none.
std::string timex_of(const Result& r, const std::string& text) {
  for (const auto& t : r.layer("timex"))
    if (t.text == text) return t.string("type") + " " + t.string("value");
  return "(none)";
}

bool any_timex_overlaps(const Result& r, const std::string& text) {
  const auto at = r.text.find(text);
  for (const auto& t : r.layer("timex"))
    if (t.begin < at + text.size() && at < t.end) return true;
  return false;
}

}  // namespace

TEST(TimelinePlugin, SeedArticleThroughTheRealLoader) {
  const Harness chain(plugins_under_test(), kChain);
  const Result r =
      chain.run(read_file(std::string(TAGWERK_SOURCE_DIR) + "/tests/plugins/timeline/data/seed_000.txt"),
                {{"id", "seed-000"}, {"lang", "de"}});
  ASSERT_TRUE(r.ok()) << r.messages();

  EXPECT_FALSE(r.has_layer("timeline"));  // the summary is on the document
  EXPECT_EQ(r.doc_attr("dct").string, "2017-07-09T20:06");
  EXPECT_EQ(r.doc_attr("dct_source").string, "text");
  const std::vector<std::string>& times = r.doc_attr("times").strings;
  EXPECT_NE(std::find(times.begin(), times.end(), "2016"), times.end());
  EXPECT_NE(std::find(times.begin(), times.end(), "2017-07-07T22:10"), times.end());
  EXPECT_TRUE(std::is_sorted(times.begin(), times.end()));
  EXPECT_NE(r.record.find("\"doc\":{\"dct\":\"2017-07-09T20:06\",\"dct_source\":\"text\""), std::string::npos)
      << r.record.substr(0, 400);

  EXPECT_EQ(timex_of(r, "09.07.2017 20:06 Uhr"), "TIME 2017-07-09T20:06");
  EXPECT_EQ(timex_of(r, "2016"), "DATE 2016");
  EXPECT_EQ(timex_of(r, "vergangenen Jahr"), "DATE 2016");
  EXPECT_EQ(timex_of(r, "07. Juli 2017 um 22:10 Uhr"), "TIME 2017-07-07T22:10");
  EXPECT_FALSE(any_timex_overlaps(r, "Putin & I"));
  EXPECT_FALSE(any_timex_overlaps(r, "2/3"));

  // Every sentence is dated: by its own timex, the narrative or the DCT.
  const auto& events = r.layer("event");
  EXPECT_EQ(events.size(), r.layer("sentence").size());
  bool dated_by_timex = false;
  for (const auto& e : events) {
    EXPECT_FALSE(e.string("time").empty()) << e.text;
    if (e.string("source") == "timex") {
      EXPECT_EQ(e.at("timex").ref.layer, "timex");
      EXPECT_LT(e.ref("timex"), r.layer("timex").size());
      dated_by_timex = true;
    }
  }
  EXPECT_TRUE(dated_by_timex);
}

TEST(TimelinePlugin, EnglishReportResolvedAgainstTheDateMetadata) {
  const Harness chain(plugins_under_test(), kChain);
  const Result r = chain.run(
      "The minister resigned on Friday. Two years ago she had promised reforms. The vote is expected next "
      "month.",
      {{"id", "en-1"}, {"lang", "en"}, {"date", "2019-03-13"}});
  ASSERT_TRUE(r.ok()) << r.messages();
  EXPECT_EQ(r.doc_attr("dct_source").string, "metadata");
  EXPECT_EQ(timex_of(r, "Friday"), "DATE 2019-03-08");
  EXPECT_EQ(timex_of(r, "Two years ago"), "DATE 2017");
  EXPECT_EQ(timex_of(r, "next month"), "DATE 2019-04");
}

TEST(TimelinePlugin, EnglishWithoutADateLeavesDeixisOpen) {
  // A BBC article (the corpus has no date): the narrative's years and a date inside a
  // sentence are no document date, and "1700 GMT" is a time, not the year 1700.
  const Harness chain(plugins_under_test(), kChain);
  const Result r = chain.run(
      "Voters must register by 1700 GMT.\n\nThe rules date from 1695, and were changed on 5 May 2004. "
      "Those who filled in forms last autumn are registered, the council said on Friday.",
      {{"id", "bbc-1"}, {"lang", "en"}});
  ASSERT_TRUE(r.ok()) << r.messages();
  EXPECT_EQ(r.doc_attr("dct").string, "");
  EXPECT_EQ(r.doc_attr("dct_source").string, "none");
  EXPECT_EQ(timex_of(r, "1700 GMT"), "TIME XXXX-XX-XXT17:00");
  EXPECT_EQ(timex_of(r, "1695"), "DATE 1695");
  EXPECT_EQ(timex_of(r, "5 May 2004"), "DATE 2004-05-05");
  EXPECT_EQ(timex_of(r, "last autumn"), "DATE XXXX-FA");
  EXPECT_EQ(timex_of(r, "Friday"), "DATE XXXX-WXX-5");
  const std::vector<std::string>& times = r.doc_attr("times").strings;
  EXPECT_EQ(times, (std::vector<std::string>{"1695", "2004-05-05"}));
}
