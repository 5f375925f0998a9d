// The timeline plugin after segment, through the real loader, on the seed
// article and on a short English report: what a user sees in the output.
#include "chain_harness.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

using tagwerk::core::Document;
using tagwerk::core::Layer;
using tagwerk::test::ChainHarness;
using tagwerk::test::read_file;
using tagwerk::test::span_text;

namespace {

const char* kChain = "[[step]]\nuse = \"segment\"\n\n[[step]]\nuse = \"timeline\"\n";

std::string attr(const Layer& layer, std::size_t i, const char* key) {
  const auto* c = layer.column(key);
  return c != nullptr && c->has(i) ? std::string(c->string_at(i)) : std::string("(none)");
}

std::string doc_attr(const Document& doc, const char* key) {
  const auto* c = doc.attrs().find(key);
  return c != nullptr && c->has(0) ? std::string(c->string_at(0)) : std::string("(none)");
}

// The timex whose text is exactly `text`, as "TYPE value"; "(none)" when there is none.
std::string timex_of(const Document& doc, const std::string& text) {
  const Layer* timexes = doc.find_layer("timex");
  for (std::size_t i = 0; timexes != nullptr && i < timexes->size(); ++i)
    if (span_text(doc, *timexes, i) == text)
      return attr(*timexes, i, "type") + " " + attr(*timexes, i, "value");
  return "(none)";
}

bool any_timex_overlaps(const Document& doc, const std::string& text) {
  const auto at = doc.text.find(text);
  const Layer* timexes = doc.find_layer("timex");
  for (const tw_span& s : timexes->spans())
    if (s.begin < at + text.size() && at < s.end) return true;
  return false;
}

}  // namespace

TEST(TimelinePlugin, SeedArticleThroughTheRealLoader) {
  ChainHarness chain(kChain);
  Document doc =
      chain.run(read_file(std::string(TAGWERK_SOURCE_DIR) + "/tests/plugins/timeline/data/seed_000.txt"),
                {{"id", "seed-000"}, {"lang", "de"}});
  ASSERT_TRUE(doc.errors.empty()) << doc.errors[0].message;

  EXPECT_EQ(doc.find_layer("timeline"), nullptr);  // the summary is on the document now
  EXPECT_EQ(doc_attr(doc, "dct"), "2017-07-09T20:06");
  EXPECT_EQ(doc_attr(doc, "dct_source"), "text");
  const auto* times = doc.attrs().find("times");
  ASSERT_NE(times, nullptr);
  ASSERT_EQ(times->type(), TW_VALUE_STRING_LIST);
  const tw_list list = times->list_at(0);
  std::vector<std::string> values;
  for (std::size_t k = 0; k < list.count; ++k) {
    const tw_str& v = static_cast<const tw_str*>(list.items)[k];
    values.emplace_back(v.data, v.size);
  }
  EXPECT_NE(std::find(values.begin(), values.end(), "2016"), values.end());
  EXPECT_NE(std::find(values.begin(), values.end(), "2017-07-07T22:10"), values.end());
  EXPECT_TRUE(std::is_sorted(values.begin(), values.end()));

  EXPECT_EQ(timex_of(doc, "09.07.2017 20:06 Uhr"), "TIME 2017-07-09T20:06");
  EXPECT_EQ(timex_of(doc, "2016"), "DATE 2016");
  EXPECT_EQ(timex_of(doc, "vergangenen Jahr"), "DATE 2016");
  EXPECT_EQ(timex_of(doc, "07. Juli 2017 um 22:10 Uhr"), "TIME 2017-07-07T22:10");
  EXPECT_FALSE(any_timex_overlaps(doc, "Putin & I"));
  EXPECT_FALSE(any_timex_overlaps(doc, "2/3"));

  // Every sentence is dated: by its own timex, the narrative or the DCT.
  const Layer* sentences = doc.find_layer("sentence");
  const Layer* events = doc.find_layer("event");
  ASSERT_NE(events, nullptr);
  EXPECT_EQ(events->size(), sentences->size());
  bool dated_by_timex = false;
  for (std::size_t i = 0; i < events->size(); ++i) {
    EXPECT_NE(attr(*events, i, "time"), "(none)") << span_text(doc, *events, i);
    if (attr(*events, i, "source") == "timex") {
      const auto* ref = events->column("timex");
      ASSERT_NE(ref, nullptr);
      ASSERT_TRUE(ref->has(i));
      EXPECT_EQ(ref->target(), doc.find_layer("timex"));
      EXPECT_LT(ref->ref_at(i), doc.find_layer("timex")->size());
      dated_by_timex = true;
    }
  }
  EXPECT_TRUE(dated_by_timex);
}

TEST(TimelinePlugin, EnglishReportResolvedAgainstTheDateMetadata) {
  ChainHarness chain(kChain);
  Document doc = chain.run(
      "The minister resigned on Friday. Two years ago she had promised reforms. The vote is expected next "
      "month.",
      {{"id", "en-1"}, {"lang", "en"}, {"date", "2019-03-13"}});
  ASSERT_TRUE(doc.errors.empty()) << doc.errors[0].message;
  EXPECT_EQ(doc_attr(doc, "dct_source"), "metadata");
  EXPECT_EQ(timex_of(doc, "Friday"), "DATE 2019-03-08");
  EXPECT_EQ(timex_of(doc, "Two years ago"), "DATE 2017");
  EXPECT_EQ(timex_of(doc, "next month"), "DATE 2019-04");
}
