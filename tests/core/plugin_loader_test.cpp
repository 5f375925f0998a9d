// The loader contract, with tiny purpose-built plugins: a good one (C++
// wrapper), one in plain C, one of another ABI major, one built for ABI 1,
// one without the entry point, one that throws, one that declares a parameter
// twice, one that misuses the host table, and one library found twice.
#include <tagwerk/core/error.hpp>
#include <tagwerk/core/plugin_instance.hpp>
#include <tagwerk/core/plugin_library.hpp>
#include <tagwerk/core/plugin_registry.hpp>

#include "step_params.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <thread>

namespace fs = std::filesystem;
using namespace tagwerk::core;

namespace {

const fs::path kFixtures = fs::path(TAGWERK_BINARY_DIR) / "tests" / "fixture-plugins";

std::string setup_error(const fs::path& path) {
  try {
    PluginLibrary::open(path);
  } catch (const SetupError& e) {
    return e.what();
  }
  return "(no error)";
}

std::vector<StepParam> words_params(std::int64_t min_length = 1) {
  return {param("layer", std::string("word"), TW_PARAM_STRING), param("min_length", min_length, TW_PARAM_INT),
          param("weight", 0.5, TW_PARAM_FLOAT), param("mark_upper", true, TW_PARAM_BOOL)};
}

Document make_doc(std::string text, std::string id = "d1") {
  Document d;
  d.id = std::move(id);
  d.text = std::move(text);
  return d;
}

}  // namespace

TEST(PluginLibrary, ReadsTheDescriptorOfAWrapperPlugin) {
  auto lib = PluginLibrary::open(kFixtures / "tw-words.so");
  const PluginInfo& info = lib->info();
  EXPECT_EQ(info.name, "tw-words");
  EXPECT_EQ(info.version, "1.2.3");
  EXPECT_EQ(info.license, "Apache-2.0");
  EXPECT_EQ(info.abi_major, TW_ABI_MAJOR);
  EXPECT_TRUE(info.thread_safe);
  ASSERT_EQ(info.provides.size(), 1u);
  EXPECT_EQ(info.provides[0].name, "word");
  ASSERT_EQ(info.provides[0].attrs.size(), 5u);
  EXPECT_EQ(info.provides[0].attrs[0].name, "length");
  EXPECT_EQ(info.provides[0].attrs[0].type, TW_VALUE_INT);
  const AttrSpec* previous = info.provides[0].find_attr("previous");
  ASSERT_NE(previous, nullptr);
  EXPECT_EQ(previous->type, TW_VALUE_REF);
  EXPECT_EQ(previous->target, "word");
  ASSERT_EQ(info.params.size(), 4u);
  EXPECT_EQ(info.params[1].name, "min_length");
  EXPECT_EQ(info.params[1].type, TW_PARAM_INT);
  EXPECT_EQ(info.params[1].default_value, "1");
  EXPECT_EQ(info.params[1].help, "shortest word kept");
}

TEST(PluginLibrary, LoadsAndRunsAPluginWrittenInPlainC) {
  auto lib = PluginLibrary::open(kFixtures / "tw-c.so");
  EXPECT_EQ(lib->info().name, "tw-c");
  EXPECT_EQ(lib->info().version, "0.4.0");
  EXPECT_EQ(lib->info().abi_minor, 0u);  // built before minor 1: still loads
  PluginInstance step(lib, {param("min_length", std::int64_t{2}, TW_PARAM_INT)}, "test");
  Document doc = make_doc("first line\nx\nthird one");
  ASSERT_TRUE(step.process(doc));
  const Layer* lines = doc.find_layer("line");
  ASSERT_NE(lines, nullptr);
  ASSERT_EQ(lines->size(), 2u);  // "x" is shorter than min_length
  EXPECT_EQ(lines->spans()[1].begin, 13u);
  EXPECT_EQ(lines->spans()[1].end, 22u);
  EXPECT_EQ(lines->label(1), "2");
  ASSERT_NE(lines->column("length"), nullptr);
  EXPECT_EQ(lines->column("length")->int_at(1), 9);
  const AttrColumn* words = lines->column("words");
  ASSERT_NE(words, nullptr);
  ASSERT_EQ(words->type(), TW_VALUE_INT_LIST);
  const tw_list list = words->list_at(1);
  ASSERT_EQ(list.count, 2u);  // "third one"
  EXPECT_EQ(static_cast<const std::int64_t*>(list.items)[0], 5);
  EXPECT_EQ(static_cast<const std::int64_t*>(list.items)[1], 3);
  const AttrColumn* count = doc.attrs().find("lines");
  ASSERT_NE(count, nullptr);
  EXPECT_EQ(count->int_at(0), 2);
}

TEST(PluginLibrary, AStringListParameterReachesAPluginInPlainC) {
  auto lib = PluginLibrary::open(kFixtures / "list-param" / "tw-list-param.so");
  ASSERT_EQ(lib->info().params.size(), 1u);
  EXPECT_EQ(lib->info().params[0].type, TW_PARAM_STRING_LIST);
  EXPECT_EQ(lib->info().params[0].default_value, "[\"b\"]");
  PluginInstance step(lib, {param("keep", std::vector<std::string>{"b", "dd", ""}, TW_PARAM_STRING_LIST)},
                      "test");
  Document doc = make_doc("a b cc dd b");
  ASSERT_TRUE(step.process(doc));
  const Layer* kept = doc.find_layer("kept");
  ASSERT_NE(kept, nullptr);
  ASSERT_EQ(kept->size(), 3u);
  EXPECT_EQ(kept->spans()[0].begin, 2u);
  EXPECT_EQ(kept->label(0), "0");
  EXPECT_EQ(kept->spans()[1].begin, 7u);
  EXPECT_EQ(kept->label(1), "1");
  EXPECT_EQ(kept->spans()[2].begin, 10u);
  const AttrColumn* keep = doc.attrs().find("keep");
  ASSERT_NE(keep, nullptr);
  ASSERT_EQ(keep->type(), TW_VALUE_STRING_LIST);
  const tw_list list = keep->list_at(0);
  ASSERT_EQ(list.count, 3u);
  const auto* items = static_cast<const tw_str*>(list.items);
  EXPECT_EQ(std::string(items[1].data, items[1].size), "dd");
  EXPECT_EQ(items[2].size, 0u);  // an empty item is an item
}

TEST(PluginLibrary, AnEmptyStringListHasNoItems) {
  auto lib = PluginLibrary::open(kFixtures / "list-param" / "tw-list-param.so");
  PluginInstance step(lib, {param("keep", std::vector<std::string>{}, TW_PARAM_STRING_LIST)}, "test");
  Document doc = make_doc("a b");
  ASSERT_TRUE(step.process(doc));
  EXPECT_EQ(doc.find_layer("kept")->size(), 0u);
  EXPECT_EQ(doc.attrs().find("keep")->list_at(0).count, 0u);
}

TEST(PluginLibrary, RefusesAnAbi1PluginNamingBothVersionsAndTheFile) {
  const std::string message = setup_error(kFixtures / "abi1" / "tw-abi1.so");
  EXPECT_NE(message.find("tw-abi1.so"), std::string::npos) << message;
  EXPECT_NE(message.find("ABI 1"), std::string::npos) << message;
  EXPECT_NE(message.find("ABI 2.1"), std::string::npos) << message;
  EXPECT_NE(message.find("rebuild the plugin"), std::string::npos) << message;
}

TEST(PluginLibrary, RefusesADescriptorThatDeclaresAParameterTwice) {
  const std::string message = setup_error(kFixtures / "dup" / "tw-dup.so");
  EXPECT_NE(
      message.find("tw-dup.so: plugin 'tw-dup' has a broken descriptor: parameter 'n' is declared twice"),
      std::string::npos)
      << message;
}

TEST(PluginLibrary, RefusesAnotherAbiMajorNamingBothVersionsAndTheFile) {
  const std::string message = setup_error(kFixtures / "tw-future-abi.so");
  EXPECT_NE(message.find("tw-future-abi.so"), std::string::npos) << message;
  EXPECT_NE(message.find("ABI 3.0"), std::string::npos) << message;
  EXPECT_NE(message.find("ABI 2.1"), std::string::npos) << message;
  EXPECT_NE(message.find("rebuild the plugin"), std::string::npos) << message;
}

TEST(PluginLibrary, RefusesALibraryWithoutTheEntryPoint) {
  const std::string message = setup_error(kFixtures / "not-a-plugin.so");
  EXPECT_NE(message.find("not-a-plugin.so: not a tagwerk plugin"), std::string::npos) << message;
  EXPECT_NE(message.find("tagwerk_plugin_v2"), std::string::npos) << message;
}

TEST(PluginLibrary, ReportsAFileThatIsNoLibrary) {
  const std::string message = setup_error(fs::path(TAGWERK_SOURCE_DIR) / "README.md");
  EXPECT_NE(message.find("README.md: cannot load plugin library"), std::string::npos) << message;
}

TEST(PluginInstance, RunsTheWrapperPluginWithTypedAttributesAndReferences) {
  PluginInstance step(PluginLibrary::open(kFixtures / "tw-words.so"), words_params(), "test");
  Document doc = make_doc("Ein kleiner Test");
  ASSERT_TRUE(step.process(doc));
  const Layer* words = doc.find_layer("word");
  ASSERT_NE(words, nullptr);
  ASSERT_EQ(words->size(), 3u);
  EXPECT_EQ(words->spans()[1].begin, 4u);
  EXPECT_EQ(words->spans()[1].end, 11u);
  EXPECT_EQ(words->label(1), "word");
  EXPECT_EQ(words->column("length")->int_at(1), 7);
  EXPECT_DOUBLE_EQ(words->column("weight")->float_at(1), 3.5);
  EXPECT_TRUE(words->column("upper")->bool_at(0));
  EXPECT_FALSE(words->column("upper")->bool_at(1));
  EXPECT_EQ(words->column("text")->string_at(2), "Test");
  EXPECT_FALSE(words->column("previous")->has(0));
  EXPECT_EQ(words->column("previous")->ref_at(2), 1u);
  EXPECT_EQ(words->column("previous")->target(), words);
}

TEST(PluginInstance, AThrowingPluginFailsThatDocumentOnly) {
  PluginInstance step(
      PluginLibrary::open(kFixtures / "tw-throws.so"),
      {param("trigger", std::string("BOOM"), TW_PARAM_STRING), param("fail_create", false, TW_PARAM_BOOL)},
      "test");
  Document bad = make_doc("it goes BOOM here", "bad");
  Document good = make_doc("all quiet", "good");
  EXPECT_FALSE(step.process(bad));
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].plugin, "tw-throws");
  EXPECT_EQ(bad.errors[0].message, "found the trigger 'BOOM' in document bad");
  EXPECT_TRUE(step.process(good));
  EXPECT_TRUE(good.errors.empty());
  EXPECT_EQ(step.failures(), 1u);
  EXPECT_EQ(step.documents(), 2u);
}

TEST(PluginInstance, AConfigurationTheConstructorRefusesIsASetupErrorWithItsReason) {
  try {
    PluginInstance step(
        PluginLibrary::open(kFixtures / "tw-throws.so"),
        {param("trigger", std::string("x"), TW_PARAM_STRING), param("fail_create", true, TW_PARAM_BOOL)},
        "chain.toml:4:1: step 2 (tw-throws)");
    FAIL() << "no error";
  } catch (const SetupError& e) {
    EXPECT_STREQ(e.what(),
                 "chain.toml:4:1: step 2 (tw-throws): plugin 'tw-throws' refused its configuration: "
                 "fail_create is set, so I refuse to start");
  }
}

TEST(PluginInstance, OneLibraryServesTwoIndependentInstances) {
  auto lib = PluginLibrary::open(kFixtures / "tw-words.so");
  auto again = PluginLibrary::open(kFixtures / "tw-words.so");  // loaded twice: the OS shares it
  {
    PluginInstance all(lib, words_params(1), "step 1");
    PluginInstance long_only(again, words_params(5), "step 2");
    Document a = make_doc("a bb cccccc");
    Document b = make_doc("a bb cccccc");
    ASSERT_TRUE(all.process(a));
    ASSERT_TRUE(long_only.process(b));
    EXPECT_EQ(a.find_layer("word")->size(), 3u);
    EXPECT_EQ(b.find_layer("word")->size(), 1u);
    lib.reset();  // the instance keeps its library loaded
    Document c = make_doc("still works");
    ASSERT_TRUE(all.process(c));
    EXPECT_EQ(c.find_layer("word")->size(), 2u);
  }
}

TEST(PluginInstance, ProcessesFromSeveralThreadsAtOnce) {
  PluginInstance step(PluginLibrary::open(kFixtures / "tw-words.so"), words_params(), "test");
  std::vector<std::thread> threads;
  std::vector<int> words(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        Document d = make_doc("one two three four");
        if (step.process(d)) words[t] += static_cast<int>(d.find_layer("word")->size());
      }
    });
  }
  for (auto& t : threads) t.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(words[t], 800);
  EXPECT_EQ(step.documents(), 800u);
}

TEST(PluginRegistry, ScansAFolderAndReportsWhatItSkipped) {
  PluginRegistry registry;
  registry.scan({kFixtures, kFixtures / "second"});
  std::vector<std::string> names;
  for (const auto& p : registry.plugins()) names.push_back(p.name);
  EXPECT_EQ(names,
            (std::vector<std::string>{"faulty", "tw-c", "tw-misuse", "tw-stable", "tw-throws", "tw-words"}));
  const auto& problems = registry.problems();
  auto has = [&](const std::string& needle) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const std::string& p) { return p.find(needle) != std::string::npos; });
  };
  EXPECT_TRUE(has("tw-future-abi.so: plugin was built for tagwerk ABI 3.0"));
  EXPECT_TRUE(has("not-a-plugin.so: not a tagwerk plugin"));
  EXPECT_TRUE(has("tw-words-copy.so: plugin 'tw-words' is shadowed by"));
  // The first folder wins.
  EXPECT_EQ(registry.find("tw-words")->path().parent_path(), fs::weakly_canonical(kFixtures));
}

TEST(PluginRegistry, SearchPathPutsExplicitFoldersThenTheEnvironmentThenTheInstallation) {
  ::setenv("TAGWERK_PLUGIN_PATH", "/env/one:/env/two", 1);
  auto path = plugin_search_path({"/explicit"}, "/opt/tw/bin/tagwerk");
  ::unsetenv("TAGWERK_PLUGIN_PATH");
  ASSERT_GE(path.size(), 4u);
  EXPECT_EQ(path[0], fs::path("/explicit"));
  EXPECT_EQ(path[1], fs::path("/env/one"));
  EXPECT_EQ(path[2], fs::path("/env/two"));
  EXPECT_EQ(path[3], fs::path("/opt/tw/lib/tagwerk/plugins"));
}
