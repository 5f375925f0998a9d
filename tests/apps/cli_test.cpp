// End-to-end: the tagwerk command as a user runs it, including broken input.
#include "cli_runner.hpp"

#include <simdjson.h>

#include <gtest/gtest.h>

#include <string>
#include <vector>

using tagwerk::test::CliResult;
using tagwerk::test::CliRunner;
using tagwerk::test::quote;

namespace {

constexpr const char* kWordsChain = R"([[step]]
use = "tw-words"
min_length = 2

[[step]]
use = "tw-throws"
)";

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

// A parsed output record; keeps its padded buffer alive.
struct Record {
  explicit Record(const std::string& line) : json(line) { doc = parser.parse(json); }
  simdjson::padded_string json;
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  std::string str(const char* key) const { return std::string(std::string_view(doc[key])); }
  std::size_t errors() const { return simdjson::dom::array(doc["errors"]).size(); }
  std::string error_message(std::size_t i = 0) const {
    return std::string(std::string_view(simdjson::dom::array(doc["errors"]).at(i)["message"]));
  }
  std::string error_plugin(std::size_t i = 0) const {
    return std::string(std::string_view(simdjson::dom::array(doc["errors"]).at(i)["plugin"]));
  }
  std::size_t warnings() const { return simdjson::dom::array(doc["warnings"]).size(); }
  std::string warning_message(std::size_t i = 0) const {
    return std::string(std::string_view(simdjson::dom::array(doc["warnings"]).at(i)["message"]));
  }
};

}  // namespace

TEST(Cli, VersionNamesTheAbi) {
  CliRunner cli;
  CliResult r = cli.run("--version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "tagwerk " TAGWERK_TEST_VERSION " (plugin ABI 2.1)\n");
}

TEST(Cli, HelpShowsTheCommandsAndExamples) {
  CliResult r = CliRunner().run("--help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("tagwerk run [options] [INPUT...]"), std::string::npos);
  EXPECT_NE(r.out.find("Examples:"), std::string::npos);
  CliResult run_help = CliRunner().run("run --help");
  EXPECT_EQ(run_help.exit_code, 0);
  EXPECT_NE(run_help.out.find("--shard"), std::string::npos);
}

TEST(Cli, UnknownCommandIsAUsageError) {
  CliResult r = CliRunner().run("rnu");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown command 'rnu'"), std::string::npos) << r.err;
}

TEST(Cli, RunWritesOneAnnotatedRecordPerInputInOrder) {
  CliRunner cli;
  auto chain = cli.write("chain.toml", kWordsChain);
  std::string input;
  for (int i = 0; i < 200; ++i)
    input += "{\"id\":\"doc" + std::to_string(i) + "\",\"text\":\"Ein Text Nummer " + std::to_string(i) +
             "\",\"meta\":{\"n\":" + std::to_string(i) + "}}\n";
  auto in = cli.write("in.jsonl", input);
  CliResult r = cli.run("run -q -j 2 -c " + quote(chain) + " " + quote(in));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto out = lines(r.out);
  ASSERT_EQ(out.size(), 200u);
  for (int i = 0; i < 200; ++i) {
    Record rec(out[static_cast<std::size_t>(i)]);
    EXPECT_EQ(rec.str("id"), "doc" + std::to_string(i));
    EXPECT_EQ(int64_t(rec.doc["meta"]["n"]), i);  // passed through as it was
    EXPECT_EQ(rec.errors(), 0u);
    // min_length = 2 drops the one-digit numbers
    EXPECT_EQ(simdjson::dom::array(rec.doc["annotations"]["word"]).size(), i < 10 ? 3u : 4u);
  }
}

TEST(Cli, EveryBrokenRecordStillYieldsOneRecordWithItsReason) {
  CliRunner cli;
  auto chain = cli.write("chain.toml", std::string(kWordsChain) + "\n[input]\nmax_text_mb = 1\n");
  std::string big(2 * 1024 * 1024, 'a');
  std::string input = "{\"id\":\"ok\",\"text\":\"alles gut\"}\n";
  input += "{\"id\":\"broken\",\"text\":\"no closing quote}\n";
  input +=
      "{\"id\":\"latin1\",\"text\":\"Gr\xfc\xdf"
      "e aus K\xf6ln\"}\n";
  input += "{\"id\":\"empty\",\"text\":\"\"}\n";
  input += "{\"id\":\"huge\",\"text\":\"" + big + "\"}\n";
  input += "{\"id\":\"boom\",\"text\":\"it goes BOOM\"}\n";
  input += "{\"id\":\"last\",\"text\":\"noch einer\"}\n";
  auto in = cli.write("in.jsonl", input);
  CliResult r = cli.run("run -q -c " + quote(chain) + " " + quote(in));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  // Quiet, yet a batch job's log says why the status is 1.
  EXPECT_NE(r.err.find("4 of 7 records have errors"), std::string::npos) << r.err;
  auto out = lines(r.out);
  ASSERT_EQ(out.size(), 7u);

  EXPECT_EQ(Record(out[0]).errors(), 0u);

  Record broken(out[1]);
  EXPECT_EQ(broken.error_plugin(), "input");
  EXPECT_NE(broken.error_message().find("line 2 of"), std::string::npos) << broken.error_message();

  Record latin1(out[2]);
  EXPECT_EQ(latin1.str("text"),
            "Gr\xEF\xBF\xBD\xEF\xBF\xBD"
            "e aus K\xEF\xBF\xBDln");  // U+FFFD each
  EXPECT_EQ(latin1.errors(), 0u);      // repaired: a warning, the record is not failed
  ASSERT_GE(latin1.warnings(), 1u);
  EXPECT_NE(latin1.warning_message().find("UTF-8"), std::string::npos) << latin1.warning_message();
  EXPECT_TRUE(latin1.doc["annotations"]["word"].is_array());  // repaired, then analysed

  Record empty(out[3]);
  EXPECT_EQ(empty.str("id"), "empty");
  EXPECT_NE(empty.error_message().find("empty text"), std::string::npos) << empty.error_message();

  Record huge(out[4]);
  EXPECT_EQ(huge.str("id"), "huge");
  EXPECT_NE(huge.error_message().find("max_text_mb"), std::string::npos) << huge.error_message();

  Record boom(out[5]);
  EXPECT_EQ(boom.error_plugin(), "tw-throws");
  EXPECT_EQ(boom.error_message(), "found the trigger 'BOOM' in document boom");

  EXPECT_EQ(Record(out[6]).errors(), 0u);
  EXPECT_EQ(Record(out[6]).str("id"), "last");
}

TEST(Cli, AFiftyMegabyteTextIsPassedThroughUnanalysedWithTheDefaultLimit) {
  CliRunner cli;
  auto chain = cli.write("chain.toml", "[[step]]\nuse = \"tw-words\"\n");
  std::string input = "{\"id\":\"huge\",\"text\":\"";
  input.append(50u << 20, 'x');
  input += "\"}\n{\"id\":\"small\",\"text\":\"klein\"}\n";
  auto in = cli.write("in.jsonl", input);
  input.clear();
  input.shrink_to_fit();
  CliResult r = cli.run("run -q -c " + quote(chain) + " " + quote(in));
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto out = lines(r.out);
  ASSERT_EQ(out.size(), 2u);
  Record huge(out[0]);
  EXPECT_EQ(huge.str("id"), "huge");
  EXPECT_EQ(huge.str("text").size(), 50u << 20);  // written back as it was
  EXPECT_NE(huge.error_message().find("52428800 bytes"), std::string::npos) << huge.error_message();
  EXPECT_NE(huge.error_message().find("max_text_mb"), std::string::npos) << huge.error_message();
  EXPECT_EQ(Record(out[1]).errors(), 0u);
}

TEST(Cli, ShardsPartitionTheInputDeterministically) {
  CliRunner cli;
  auto chain = cli.write("chain.toml", kWordsChain);
  std::string input;
  for (int i = 0; i < 10; ++i) input += "{\"id\":\"d" + std::to_string(i) + "\",\"text\":\"x y\"}\n";
  auto in = cli.write("in.jsonl", input);
  CliResult a = cli.run("run -q --shard 1/3 -c " + quote(chain) + " " + quote(in));
  CliResult b = cli.run("run -q --shard 2/3 -c " + quote(chain) + " " + quote(in));
  CliResult c = cli.run("run -q --shard 3/3 -c " + quote(chain) + " " + quote(in));
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(lines(a.out).size() + lines(b.out).size() + lines(c.out).size(), 10u);
  EXPECT_EQ(Record(lines(a.out)[0]).str("id"), "d0");
  EXPECT_EQ(Record(lines(a.out)[1]).str("id"), "d3");
  EXPECT_EQ(Record(lines(b.out)[0]).str("id"), "d1");
  EXPECT_EQ(Record(lines(c.out)[0]).str("id"), "d2");
  CliResult bad = cli.run("run -q --shard 4/3 -c " + quote(chain) + " " + quote(in));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--shard '4/3' must be K/N with 1 <= K <= N"), std::string::npos) << bad.err;
}

TEST(Cli, OffsetsAreCodePointsByDefaultAndBytesOrUtf16OnRequest) {
  CliRunner cli;
  auto chain = cli.write("chain.toml", "[[step]]\nuse = \"tw-words\"\n");
  auto in =
      cli.write("in.jsonl", "{\"id\":\"u\",\"text\":\"\xC3\xA4\xF0\x9F\x98\x80 Welt\"}\n");  // "ä😀 Welt"
  auto second_word_begin = [&](const std::string& extra) {
    CliResult r = cli.run("run -q -c " + quote(chain) + " " + extra + " " + quote(in));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    Record rec(lines(r.out).at(0));
    return int64_t(simdjson::dom::array(rec.doc["annotations"]["word"]).at(1)["begin"]);
  };
  EXPECT_EQ(second_word_begin(""), 3);  // ä, 😀, space
  EXPECT_EQ(second_word_begin("--offsets bytes"), 7);
  EXPECT_EQ(second_word_begin("--offsets utf16"), 4);  // 😀 is a surrogate pair
}

TEST(Cli, ReadsStandardInputAndFoldersOfTextFiles) {
  CliRunner cli;
  auto chain = cli.write("chain.toml", "[[step]]\nuse = \"tw-words\"\n");
  auto in = cli.write("in.jsonl", "{\"id\":\"s\",\"text\":\"von stdin\"}\n");
  CliResult r = cli.run("run -q -c " + quote(chain), in.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Record(lines(r.out).at(0)).str("id"), "s");

  cli.write("articles/b.txt", "zweiter Artikel");
  cli.write("articles/a.txt", "erster Artikel");
  CliResult f = cli.run("run -q -c " + quote(chain) + " articles");
  ASSERT_EQ(f.exit_code, 0) << f.err;
  auto out = lines(f.out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(Record(out[0]).str("id"), "a");
  EXPECT_EQ(Record(out[0]).str("text"), "erster Artikel");
}

TEST(Cli, AMissingInputIsASetupErrorNamingThePath) {
  CliRunner cli;
  auto chain = cli.write("chain.toml", kWordsChain);
  CliResult r = cli.run("run -q -c " + quote(chain) + " nowhere.jsonl");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nowhere.jsonl"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(Cli, AnInvalidChainStopsBeforeAnyDocumentWithFileLineAndColumn) {
  CliRunner cli;
  auto chain = cli.write("bad.toml", "[[step]]\nuse = \"tw-wrods\"\n");
  auto in = cli.write("in.jsonl", "{\"id\":\"x\",\"text\":\"y\"}\n");
  CliResult r = cli.run("run -q -c bad.toml " + quote(in));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty());
  EXPECT_NE(r.err.find("bad.toml:2:7: error: step 1: unknown plugin 'tw-wrods'; did you mean 'tw-words'?"),
            std::string::npos)
      << r.err;
}

TEST(Cli, AMissingLayerNamesThePluginThatProvidesIt) {
  CliRunner cli;
  cli.write("order.toml", "[[step]]\nuse = \"tw-throws\"\n\n[[step]]\nuse = \"tw-words\"\n");
  CliResult r = cli.run("check order.toml");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("requires layer 'word', which no earlier step provides"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("order.toml:1:1: error: step 1 (tw-throws)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("move step 2 (tw-words) before it"), std::string::npos) << r.err;
}

TEST(Cli, CheckPrintsTheResolvedChainWithDefaults) {
  CliRunner cli;
  cli.write("chain.toml", kWordsChain);
  CliResult r = cli.run("check chain.toml");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("chain.toml: valid, 2 steps, hash "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("min_length = 2\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("# weight = 0.5  (default)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("# trigger = \"BOOM\"  (default)"), std::string::npos) << r.out;
}

TEST(Cli, PluginsListsWhatIsFoundAndWarnsAboutBrokenFiles) {
  CliResult r = CliRunner().run("plugins");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("tw-words     1.2.3"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("tw-c "), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("tw-future-abi.so: plugin was built for tagwerk ABI 3.0"), std::string::npos) << r.err;
}

TEST(Cli, InspectDescribesParametersInTextAndJson) {
  CliRunner cli;
  CliResult text = cli.run("inspect tw-words");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("tw-words 1.2.3"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("min_length             int     default 1"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("shortest word kept"), std::string::npos);

  CliResult json = cli.run("inspect tw-words --json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  Record rec(json.out);
  EXPECT_EQ(rec.str("abi"), "2.1");
  simdjson::dom::array params = rec.doc["parameters"];
  ASSERT_EQ(params.size(), 4u);
  EXPECT_EQ(std::string_view(params.at(2)["type"]), "float");

  CliResult missing = cli.run("inspect nope");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no plugin named 'nope'; available plugins:"), std::string::npos) << missing.err;
}

TEST(Cli, ListParametersInInspectCheckAndPluginsJson) {
  CliRunner cli;
  const std::string lists = std::string("-P ") + quote(TAGWERK_FIXTURE_PLUGIN_DIR "/list-param") + " ";
  CliResult text = cli.run("inspect " + lists + "tw-list-param");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("keep                   list<string> default [\"b\"]"), std::string::npos)
      << text.out;

  CliResult json = cli.run("plugins " + lists + "--json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_NE(json.out.find("{\"name\": \"keep\", \"type\": \"list<string>\", \"default\": \"[\\\"b\\\"]\""),
            std::string::npos)
      << json.out;

  cli.write("lists.toml", "[[step]]\nuse = \"tw-list-param\"\nkeep = [\"a\", \"b c\"]\n");
  CliResult check = cli.run("check " + lists + "lists.toml");
  ASSERT_EQ(check.exit_code, 0) << check.err;
  EXPECT_NE(check.out.find("keep = [\"a\", \"b c\"]\n"), std::string::npos) << check.out;

  cli.write("bad.toml", "[[step]]\nuse = \"tw-list-param\"\nkeep = [\"a\", 7]\n");
  CliResult bad = cli.run("check " + lists + "bad.toml");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(
      bad.err.find(
          "bad.toml:3:14: error: step 1 (tw-list-param): item 2 of parameter 'keep' of tw-list-param must be "
          "a string, got an integer (7); write it in quotes"),
      std::string::npos)
      << bad.err;
}

TEST(Cli, ManifestRecordsVersionsChainCountsAndTimes) {
  CliRunner cli;
  auto chain = cli.write("chain.toml", kWordsChain);
  auto in =
      cli.write("in.jsonl", "{\"id\":\"a\",\"text\":\"eins zwei\"}\n{\"id\":\"b\",\"text\":\"BOOM\"}\n");
  CliResult r = cli.run("run -q -c " + quote(chain) + " --manifest run.json " + quote(in));
  EXPECT_EQ(r.exit_code, 1);
  simdjson::dom::parser parser;
  simdjson::dom::element m = parser.load((cli.dir() / "run.json").string());
  EXPECT_EQ(std::string_view(m["tagwerk_version"]), TAGWERK_TEST_VERSION);
  EXPECT_EQ(std::string_view(m["chain_hash"]).size(), 64u);
  EXPECT_EQ(uint64_t(m["counts"]["records"]), 2u);
  EXPECT_EQ(uint64_t(m["counts"]["records_with_errors"]), 1u);
  simdjson::dom::array plugins = m["plugins"];
  ASSERT_EQ(plugins.size(), 2u);
  EXPECT_EQ(std::string_view(plugins.at(0)["name"]), "tw-words");
  EXPECT_EQ(std::string_view(plugins.at(0)["version"]), "1.2.3");
  EXPECT_EQ(uint64_t(plugins.at(1)["failures"]), 1u);
  EXPECT_GE(double(plugins.at(0)["seconds"]), 0.0);
}

// The layers of the first output record, in the order written.
std::vector<std::string> layers_written(const CliResult& r) {
  std::vector<std::string> names;
  Record rec(lines(r.out).at(0));
  for (auto [key, value] : simdjson::dom::object(rec.doc["annotations"])) names.emplace_back(key);
  return names;
}

TEST(Cli, LayersAreSelectedByTheChainAndTheCommandLineWins) {
  CliRunner cli;
  const std::string steps = "[[step]]\nuse = \"tw-words\"\n[[step]]\nuse = \"tw-c\"\n";
  auto all = cli.write("all.toml", steps);
  auto no_lines = cli.write("no-lines.toml", "[output]\nexclude = [\"line\"]\n" + steps);
  auto in = cli.write("in.jsonl", "{\"id\":\"a\",\"text\":\"Ein Text\\nzwei Zeilen\"}\n");
  const auto run = [&](const std::filesystem::path& chain, const std::string& extra) {
    CliResult r = cli.run("run -q -c " + quote(chain) + " " + extra + " " + quote(in));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return layers_written(r);
  };
  using Names = std::vector<std::string>;
  EXPECT_EQ(run(all, ""), (Names{"word", "line"}));
  EXPECT_EQ(run(all, "--exclude word"), (Names{"line"}));
  EXPECT_EQ(run(all, "--layers line,word"), (Names{"word", "line"}));
  EXPECT_EQ(run(all, "--layers word,line --exclude line"), (Names{"word"}));
  EXPECT_EQ(run(no_lines, ""), (Names{"word"}));
  EXPECT_EQ(run(no_lines, "--layers line"), (Names{"line"}));  // replaces the chain's exclude
  EXPECT_EQ(run(no_lines, "--exclude ''"), (Names{"word", "line"}));
}

TEST(Cli, AnUnknownLayerToSelectIsAUsageErrorListingTheLayersOfTheChain) {
  CliRunner cli;
  auto chain = cli.write("chain.toml", "[[step]]\nuse = \"tw-words\"\n[[step]]\nuse = \"tw-c\"\n");
  CliResult r = cli.run("run -q -c " + quote(chain) + " --exclude wrod -", "/dev/null");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--exclude names layer 'wrod', which no step of the chain " + chain.string() +
                       " provides; layers the steps provide: line, word"),
            std::string::npos)
      << r.err;

  auto bad = cli.write("bad.toml", "[output]\nlayers = [\"lines\"]\n[[step]]\nuse = \"tw-c\"\n");
  CliResult b = cli.run("run -q -c " + quote(bad) + " -", "/dev/null");
  EXPECT_EQ(b.exit_code, 2);
  EXPECT_NE(b.err.find(bad.string() +
                       ":2:11: error: [output] names layer 'lines', which no step of the chain provides; did "
                       "you mean 'line'? layers the steps provide: line"),
            std::string::npos)
      << b.err;
}
