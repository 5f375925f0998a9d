// The host table's contract as plugins meet it: misuse is a status and one
// error on the record (never a crash), writes are checked against the
// descriptor's schemas, strings stay valid while the document grows, scratch
// is built from the instance, document and list attributes reach the record.
#include <tagwerk/core/io_options.hpp>
#include <tagwerk/core/output.hpp>
#include <tagwerk/core/plugin_instance.hpp>
#include <tagwerk/core/plugin_library.hpp>

#include "host_api.hpp"
#include "step_params.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace fs = std::filesystem;
using namespace tagwerk::core;

namespace {

const fs::path kFixtures = fs::path(TAGWERK_BINARY_DIR) / "tests" / "fixture-plugins";

std::vector<StepParam> words_params() {
  return {param("layer", std::string("word"), TW_PARAM_STRING),
          param("min_length", std::int64_t{1}, TW_PARAM_INT), param("weight", 0.5, TW_PARAM_FLOAT),
          param("mark_upper", true, TW_PARAM_BOOL)};
}

Document make_doc(std::string text) {
  Document d;
  d.id = "d1";
  d.text = std::move(text);
  return d;
}

// Runs tw-words, then tw-misuse committing `which`, on one document.
Document run_misuse(const std::string& which, bool* misuse_ok = nullptr) {
  PluginInstance words(PluginLibrary::open(kFixtures / "tw-words.so"), words_params(), "step 1");
  PluginInstance misuse(PluginLibrary::open(kFixtures / "tw-misuse.so"),
                        {param("misuse", which, TW_PARAM_STRING)}, "step 2");
  Document doc = make_doc(
      "\xC3\xBC"
      "ber alles");  // "über alles": byte 1 is inside the ü
  EXPECT_TRUE(words.process(doc));
  const bool ok = misuse.process(doc);
  if (misuse_ok != nullptr) *misuse_ok = ok;
  return doc;
}

struct MisuseCase {
  const char* which;
  const char* message;  // a part of the one error the record must carry
};

class Misuse : public ::testing::TestWithParam<MisuseCase> {};

TEST_P(Misuse, IsOneErrorNamingThePluginAndWhatItDidAndTheRunGoesOn) {
  bool ok = false;
  const Document doc = run_misuse(GetParam().which, &ok);
  EXPECT_TRUE(ok) << "the plugin returned OK, so its step counts as run";
  ASSERT_EQ(doc.errors.size(), 1u);
  EXPECT_EQ(doc.errors[0].plugin, "tw-misuse");
  EXPECT_NE(doc.errors[0].message.find("misused the host: "), std::string::npos) << doc.errors[0].message;
  EXPECT_NE(doc.errors[0].message.find(GetParam().message), std::string::npos) << doc.errors[0].message;
  // What it wrote correctly stands.
  const Layer* checked = doc.find_layer("checked");
  ASSERT_NE(checked, nullptr);
  ASSERT_EQ(checked->size(), 1u);
  EXPECT_EQ(checked->column("n")->int_at(0), 7);
  // A layer it does not provide is untouched.
  EXPECT_EQ(doc.find_layer("word")->size(), 2u);
  EXPECT_EQ(doc.find_layer("token"), nullptr);
}

INSTANTIATE_TEST_SUITE_P(
    EveryMisuse, Misuse,
    ::testing::Values(
        MisuseCase{"null-layer", "span_add on a NULL layer"},
        MisuseCase{"null-name", "layer_name on a NULL layer"},
        MisuseCase{"undeclared-layer", "does not declare layer 'token' in provides"},
        MisuseCase{"foreign-write", "span_add to layer 'word', which this step does not provide"},
        MisuseCase{"off-text", "outside the text (11 bytes)"},
        MisuseCase{"off-boundary", "of [1, 2): outside the text (11 bytes) or not on a UTF-8"},
        MisuseCase{"bad-index", "'n' of span 999, which does not exist"},
        MisuseCase{"undeclared-attr", "'nope', which its descriptor does not declare"},
        MisuseCase{"wrong-type", "'n' as string, but its descriptor declares int"},
        MisuseCase{"missing-span", "'word' to a reference to a span that does not exist"},
        MisuseCase{"read-out-of-range", "attr_get of span 100000 of layer 'word', which has 2 spans"},
        MisuseCase{"undeclared-doc-attr", "document attribute 'nope', which its descriptor"}),
    [](const ::testing::TestParamInfo<MisuseCase>& info) {
      std::string name = info.param.which;
      for (char& c : name)
        if (c == '-') c = '_';
      return name;
    });

TEST(HostContract, EveryMisuseAtOnceIsListedAndTheRecordIsStillWritten) {
  bool ok = false;
  const Document doc = run_misuse("all", &ok);
  EXPECT_TRUE(ok);
  EXPECT_EQ(doc.errors.size(), 12u);
  const std::string line = to_json_line(doc, OffsetUnit::codepoints);
  EXPECT_NE(line.find("\"checked\":[{\"begin\":0,\"end\":0,\"label\":\"good\",\"n\":7}]"), std::string::npos)
      << line;
}

TEST(HostContract, StringsStayValidWhileTheDocumentGrowsAndScratchSeesTheInstance) {
  PluginInstance stable(PluginLibrary::open(kFixtures / "tw-stable.so"),
                        {param("prefix", std::string("x-"), TW_PARAM_STRING)}, "step 1");
  Document doc = make_doc("text");
  ASSERT_TRUE(stable.process(doc)) << (doc.errors.empty() ? "" : doc.errors[0].message);
  EXPECT_TRUE(doc.errors.empty());
  const Layer* items = doc.find_layer("item");
  ASSERT_NE(items, nullptr);
  EXPECT_EQ(items->size(), 10001u);
  EXPECT_EQ(items->labels().size(), 1001u);  // the empty label and x-label-0 ... x-label-999
  EXPECT_EQ(items->label(0), "x-label-0");   // the scratch's prefix, copied from the instance
  ASSERT_NE(doc.attrs().find("first"), nullptr);
  EXPECT_EQ(doc.attrs().find("first")->string_at(0), "x-first name, long enough to live on the heap");
}

TEST(HostContract, ASpanOutsideTheTextIsRefusedByTheDocumentItself) {
  Document doc = make_doc("ab");
  Layer& l = doc.layer("x");
  EXPECT_FALSE(doc.add_span(l, 1, 3, ""));
  EXPECT_FALSE(doc.add_span(l, 2, 1, ""));
  EXPECT_TRUE(doc.add_span(l, TW_NO_OFFSET, TW_NO_OFFSET, ""));
  EXPECT_EQ(l.size(), 1u);
}

TEST(HostContract, AttributeColumnsKeepTheirTypeAndReferencesStayInTheDocument) {
  Document doc = make_doc("abc");
  Document other = make_doc("abc");
  Layer& a = doc.layer("a");
  Layer& b = other.layer("b");
  doc.add_span(a, 0, 1, "");
  other.add_span(b, 0, 1, "");
  EXPECT_EQ(a.set_int(0, "n", 1), SetStatus::ok);
  EXPECT_EQ(a.set_string(0, "n", "one"), SetStatus::type_mismatch);
  EXPECT_EQ(a.set_int(1, "n", 1), SetStatus::bad_index);
  EXPECT_EQ(a.set_ref(0, "r", b, 0), SetStatus::bad_target);  // another document's layer
  EXPECT_EQ(a.set_ref(0, "r", a, 5), SetStatus::bad_target);  // no such span
  EXPECT_EQ(a.set_ref(0, "r", a, 0), SetStatus::ok);
}

}  // namespace

TEST(HostContract, AStringListParameterComesAsItemsAndNeedsATwValueThatHoldsThem) {
  const std::vector<StepParam> steps = {
      param("keep", std::vector<std::string>{"a", "bc"}, TW_PARAM_STRING_LIST),
      param("layer", std::string("word"), TW_PARAM_STRING)};
  const std::vector<std::string>& items = std::get<std::vector<std::string>>(steps[0].value);
  tw_params params{
      &steps, {{tw_str{items[0].data(), items[0].size()}, tw_str{items[1].data(), items[1].size()}}, {}}};
  const tw_host_api* host = host_api();

  tw_value v{};
  v.struct_size = sizeof(tw_value);
  ASSERT_EQ(host->param_get(&params, tw_str{"keep", 4}, &v), TW_OK);
  EXPECT_EQ(v.type, static_cast<std::uint32_t>(TW_VALUE_STRING_LIST));
  ASSERT_EQ(v.count, 2u);
  const tw_str second = tw_value_str_item(&v, 1);
  EXPECT_EQ(std::string(second.data, second.size), "bc");
  EXPECT_EQ(tw_value_str_item(&v, 2).size, 0u);  // past the end: the empty slice
  EXPECT_EQ(tw_value_str_item(nullptr, 0).size, 0u);

  // A caller whose tw_value ends before items/count cannot take a list (rule 3):
  // a status, and nothing written past what it handed over.
  tw_value small{};
  small.struct_size = static_cast<std::uint32_t>(offsetof(tw_value, items));
  EXPECT_EQ(host->param_get(&params, tw_str{"keep", 4}, &small), TW_TYPE_MISMATCH);
  EXPECT_EQ(host->param_get(&params, tw_str{"layer", 5}, &small), TW_OK);  // scalars still fit
  EXPECT_EQ(small.type, static_cast<std::uint32_t>(TW_VALUE_STRING));
  EXPECT_EQ(small.items, nullptr);
}
