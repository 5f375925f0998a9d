// The plugin test harness as a plugin author uses it: plugins built by
// tagwerk_add_plugin_test's PLUGINS, one alone or a chain of them, run on a
// text; every kind of value, document attributes, errors, warnings and the
// record as `tagwerk run` writes it come back as plain data.
#include <tagwerk/testing.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

using tagwerk::testing::Harness;
using tagwerk::testing::Missing;
using tagwerk::testing::Ref;
using tagwerk::testing::SetupError;
using tagwerk::testing::Value;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

namespace {

// The library of one plugin under test, by name.
std::string lib(const std::string& name) {
  for (const auto& path : tagwerk::testing::plugins_under_test())
    if (path.size() > name.size() + 4 &&
        path.compare(path.size() - name.size() - 4, std::string::npos, "/" + name + ".so") == 0)
      return path;
  ADD_FAILURE() << name << " is not among the plugins under test";
  return {};
}

const char* const kWordsAndLists = R"([[step]]
use = "tw-words"
[[step]]
use = "tw-lists"
)";

}  // namespace

TEST(Harness, TellsTheTestWhereItsPluginsWereBuilt) {
  EXPECT_EQ(tagwerk::testing::plugins_under_test().size(), 3u);
  EXPECT_FALSE(tagwerk::testing::shipped_plugin_dirs().empty());
}

TEST(Harness, RunsOnePluginAloneWithParameters) {
  const Harness words = Harness::single(lib("tw-words"), "min_length = 2\nweight = 1.0");
  EXPECT_THAT(words.steps(), ElementsAre("tw-words"));
  const auto r = words.run("Ein schönes Bild", {{"id", "w1"}});
  ASSERT_TRUE(r.ok()) << r.messages();
  EXPECT_EQ(r.id, "w1");
  const auto& layer = r.layer("word");
  EXPECT_THAT(layer.texts(), ElementsAre("Ein", "schönes", "Bild"));
  EXPECT_THAT(layer.labels(), ElementsAre("word", "word", "word"));
  EXPECT_THAT(layer.strings("text"), ElementsAre("Ein", "schönes", "Bild"));
  const auto& second = layer[1];
  EXPECT_EQ(second.begin, 4u);  // byte offsets, as the plugin wrote them
  EXPECT_EQ(second.end, 12u);
  EXPECT_TRUE(second.anchored());
  EXPECT_EQ(second.integer("length"), 8);
  EXPECT_DOUBLE_EQ(second.real("weight"), 8.0);
  EXPECT_FALSE(second.boolean("upper"));
  EXPECT_TRUE(layer[2].boolean("upper"));
  EXPECT_EQ(second.ref("previous"), 0u);
  EXPECT_EQ(second.at("previous").ref, (Ref{"word", 0}));
  EXPECT_FALSE(layer[0].has("previous"));
}

TEST(Harness, RunsAChainWithListsDocumentAttributesAndWarnings) {
  const Harness chain({lib("tw-words"), lib("tw-lists")}, kWordsAndLists);
  const auto r = chain.run("eins zwei drei vier");
  ASSERT_TRUE(r.ok()) << r.messages();
  const auto& summary = r.layer("summary");
  ASSERT_EQ(summary.size(), 2u);
  EXPECT_THAT(summary[0].strings("names"), ElementsAre("eins", "zwei", "drei", "vier"));
  EXPECT_THAT(summary[0].integers("lengths"), ElementsAre(4, 4, 4, 4));
  EXPECT_THAT(summary[0].reals("halves"), ElementsAre(2.0, 2.0, 2.0, 2.0));
  EXPECT_THAT(summary[0].refs("words"),
              ElementsAre(Ref{"word", 0}, Ref{"word", 1}, Ref{"word", 2}, Ref{"word", 3}));
  EXPECT_EQ(summary[0].at("words").type_name(), "list<ref>");
  EXPECT_EQ(summary[0].at("names").json(), R"(["eins","zwei","drei","vier"])");
  EXPECT_FALSE(summary[1].anchored());
  EXPECT_EQ(summary[1].label, "none");
  EXPECT_EQ(r.doc_attr("count").integer, 4);
  EXPECT_THAT(r.doc_attr("names").strings, ElementsAre("eins", "zwei", "drei", "vier"));
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].plugin, "tw-lists");
  EXPECT_EQ(r.warnings[0].message, "more than three words");
  EXPECT_THAT(r.record, HasSubstr(R"("doc":{"count":4,"names":["eins","zwei","drei","vier"]})"));
  EXPECT_THAT(r.record, HasSubstr(R"({"label":"none"})"));
  EXPECT_THAT(
      r.record,
      HasSubstr(R"("errors":[],"warnings":[{"plugin":"tw-lists","message":"more than three words"}]})"));
}

TEST(Harness, TheRecordIsTheInputFieldsThenTheAnnotationsInTheChainsOffsetUnit) {
  const Harness words({lib("tw-words")}, "[output]\noffsets = \"bytes\"\n[[step]]\nuse = \"tw-words\"\n");
  const auto r = words.run("Grüße dich", {{"id", "g1"}, {"lang", "de"}});
  EXPECT_THAT(
      r.record,
      ::testing::StartsWith(
          R"({"id":"g1","lang":"de","text":"Grüße dich","doc":{},"annotations":{"word":[{"begin":0,"end":7,"label":"word")"));
  const Harness codepoints({lib("tw-words")}, "[[step]]\nuse = \"tw-words\"\n");
  EXPECT_THAT(codepoints.run("Grüße dich").record,
              HasSubstr(R"("word":[{"begin":0,"end":5,"label":"word","length":7,)"));
}

TEST(Harness, APluginThatThrowsFailsTheRecordNotTheTest) {
  const Harness chain({lib("tw-words"), lib("tw-throws")},
                      "[[step]]\nuse = \"tw-words\"\n[[step]]\nuse = \"tw-throws\"\n");
  const auto r = chain.run("it goes BOOM here", {{"id", "b1"}});
  EXPECT_FALSE(r.ok());
  ASSERT_EQ(r.errors.size(), 1u) << r.messages();
  EXPECT_EQ(r.errors[0].plugin, "tw-throws");
  EXPECT_THAT(r.errors[0].message, HasSubstr("found the trigger 'BOOM' in document b1"));
  EXPECT_TRUE(r.has_layer("word"));
  EXPECT_FALSE(r.has_layer("checked"));
  EXPECT_THAT(r.record, HasSubstr(R"("errors":[{"plugin":"tw-throws")"));
  EXPECT_TRUE(chain.run("calm").ok());
}

TEST(Harness, AnEmptyTextIsAnInputErrorAndNoPluginRuns) {
  const Harness words = Harness::single(lib("tw-words"));
  const auto r = words.run("");
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].plugin, "input");
  EXPECT_TRUE(r.layers.empty());
}

TEST(Harness, SetupProblemsAreThrownAsTagwerkRunReportsThem) {
  EXPECT_THROW(Harness({lib("tw-words")}, "[[step]]\nuse = \"no-such-plugin\"\n"), SetupError);
  try {
    Harness({lib("tw-words")}, "[[step]]\nuse = \"tw-words\"\nmin_lenght = 2\n");
    FAIL() << "an unknown parameter was accepted";
  } catch (const SetupError& e) {
    EXPECT_THAT(e.what(), HasSubstr("test-chain.toml:3:"));
    EXPECT_THAT(e.what(), HasSubstr("min_length"));  // the nearest name
  }
  try {
    Harness({lib("tw-words")}, "[[step]]\nuse = \"tw-lists\"\n", {{}, "my.toml"});
    FAIL() << "a step without its input layer was accepted";
  } catch (const SetupError& e) {
    EXPECT_THAT(e.what(), HasSubstr("my.toml"));
  }
  EXPECT_THROW(Harness::single(lib("tw-throws"), "fail_create = true"), SetupError);
  EXPECT_THROW(Harness({"/no/such/plugin.so"}, "[[step]]\nuse = \"x\"\n"), SetupError);
}

TEST(Harness, AskingForWhatIsNotThereSaysWhatIs) {
  const Harness words = Harness::single(lib("tw-words"));
  const auto r = words.run("Hallo Welt");
  try {
    (void)r.layer("token");
    FAIL();
  } catch (const Missing& e) {
    EXPECT_THAT(e.what(), HasSubstr("no layer 'token'; the record has: word"));
  }
  try {
    (void)r.layer("word")[0].string("length");
    FAIL();
  } catch (const Missing& e) {
    EXPECT_THAT(e.what(), HasSubstr("'length' is int (5), not string"));
  }
  EXPECT_THROW((void)r.layer("word")[0].at("lemma"), Missing);
  EXPECT_THROW((void)r.layer("word")[2], Missing);
  EXPECT_THROW((void)r.doc_attr("count"), Missing);
}
