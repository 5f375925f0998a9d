// End-to-end: what `tagwerk check`, `run`, `inspect` and `plugins` tell a user
// about declared inputs, layer schemas, path parameters and data files, with
// two purpose-built plugins (tests/apps/schema-plugins) and the shipped ones.
#include "cli_runner.hpp"

#include <simdjson.h>

#include <gtest/gtest.h>

#include <string>
#include <string_view>

using tagwerk::test::CliResult;
using tagwerk::test::CliRunner;
using tagwerk::test::quote;

namespace {

/// `tagwerk COMMAND REST` with the schema plugins on the plugin path (a
/// command's option, so it goes after the command's name).
CliResult run_tagwerk(const CliRunner& cli, const std::string& args,
                      const std::string& stdin_file = "/dev/null") {
  const auto space = args.find(' ');
  const std::string command = args.substr(0, space);
  const std::string rest = space == std::string::npos ? "" : args.substr(space);
  return cli.run(command + " -P " + quote(TAGWERK_SCHEMA_PLUGIN_DIR) + rest, stdin_file);
}

// A parsed JSON document; keeps its padded buffer alive.
struct Json {
  explicit Json(const std::string& text) : json(text) { doc = parser.parse(json); }
  simdjson::padded_string json;
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
};

/// The element of `array` whose "name" is `name`; fails the test when none is.
simdjson::dom::element named(simdjson::dom::array array, std::string_view name) {
  for (simdjson::dom::element e : array)
    if (std::string_view(e["name"]) == name) return e;
  ADD_FAILURE() << "nothing named '" << name << "'";
  return {};
}

}  // namespace

TEST(SchemaChecks, ARequiredAttributeNoEarlierStepProvidesIsRefusedNamingTheProvider) {
  CliRunner cli;
  cli.write("chain.toml", "[[step]]\nuse = \"tw-quotes\"\n");
  CliResult r = run_tagwerk(cli, "check chain.toml");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_EQ(r.err,
            "chain.toml:1:1: error: step 1 (tw-quotes) requires 'entity.cluster', which no earlier step "
            "provides; add a step with plugin 'entities' or 'tw-clusters' before it\n");
}

TEST(SchemaChecks, ARequiredAttributeProvidedLaterSaysWhichStepToMove) {
  CliRunner cli;
  cli.write("chain.toml", "[[step]]\nuse = \"tw-quotes\"\n\n[[step]]\nuse = \"tw-clusters\"\n");
  CliResult r = run_tagwerk(cli, "check chain.toml");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "chain.toml:1:1: error: step 1 (tw-quotes) requires 'entity.cluster', which no earlier step "
            "provides; move step 2 (tw-clusters) before it\n");
}

TEST(SchemaChecks, AnOptionalInputOnlyALaterStepProvidesIsAWarningThatLetsTheChainRun) {
  CliRunner cli;
  cli.write("chain.toml", "[[step]]\nuse = \"tw-clusters\"\n\n[[step]]\nuse = \"tw-quotes\"\n");
  const std::string warning =
      "chain.toml:1:1: warning: step 1 (tw-clusters) can use 'quote.kind', but only step 2 (tw-quotes), "
      "after "
      "it, provides it, so tw-clusters runs without it; move step 2 (tw-quotes) before it to use it\n";
  CliResult check = run_tagwerk(cli, "check chain.toml");
  EXPECT_EQ(check.exit_code, 0) << check.err;
  EXPECT_EQ(check.err, warning);
  EXPECT_NE(check.out.find("chain.toml: valid, 2 steps"), std::string::npos) << check.out;

  auto in = cli.write("in.jsonl", "{\"id\":\"a\",\"text\":\"Ein Text\"}\n");
  CliResult run = run_tagwerk(cli, "run -c chain.toml " + quote(in.string()));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err.rfind(warning, 0), 0u) << run.err;  // first, before the run's own log
  CliResult quiet = run_tagwerk(cli, "run -q -c chain.toml " + quote(in.string()));
  EXPECT_EQ(quiet.exit_code, 0) << quiet.err;
  EXPECT_EQ(quiet.err.find("warning:"), std::string::npos) << quiet.err;
}

TEST(SchemaChecks, AMissingPathParameterIsAnErrorAtTheKeyNamingTheFileLookedFor) {
  CliRunner cli;
  cli.write("chains/chain.toml", "[[step]]\nuse = \"tw-clusters\"\nnames = \"lists/names.txt\"\n");
  const std::string dir = cli.dir().string() + "/chains";
  CliResult r = run_tagwerk(cli, "check chains/chain.toml");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "chains/chain.toml:3:1: error: step 1 (tw-clusters): parameter 'names' names "
            "\"lists/names.txt\", but " +
                dir + "/lists/names.txt does not exist (a relative path starts at the chain file's folder, " +
                dir + "); fix the path or create the file\n");

  cli.write("chains/lists/names.txt", "Angela Merkel\n");
  CliResult fixed = run_tagwerk(cli, "check chains/chain.toml");
  EXPECT_EQ(fixed.exit_code, 0) << fixed.err;
  EXPECT_NE(fixed.out.find("names = \"" + dir + "/lists/names.txt\""), std::string::npos) << fixed.out;
}

// A data file the plugin reported loading (Config::loaded) reaches the manifest.
TEST(SchemaChecks, TheManifestListsTheDataFilesAPluginLoadedWithTheirSha256) {
  CliRunner cli;
  auto names = cli.write("names.txt", "abc");
  cli.write("chain.toml", "[[step]]\nuse = \"tw-clusters\"\nnames = \"names.txt\"\n");
  auto in = cli.write("in.jsonl", "{\"id\":\"a\",\"text\":\"Ein Text\"}\n");
  CliResult r = run_tagwerk(cli, "run -q -c chain.toml --manifest run.json " + quote(in.string()));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  simdjson::dom::parser parser;
  simdjson::dom::element m = parser.load((cli.dir() / "run.json").string());
  simdjson::dom::array files = m["plugins"].at(0)["data_files"];
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(std::string_view(files.at(0)["path"]), names.string());
  EXPECT_EQ(std::string_view(files.at(0)["sha256"]),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(uint64_t(files.at(0)["bytes"]), 3u);
}

TEST(SchemaChecks, InspectShowsInputsAndOutputsWithAttributeTypes) {
  CliRunner cli;
  CliResult text = run_tagwerk(cli, "inspect tw-quotes");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("Inputs (from earlier steps):\n"
                          "  required     entity.cluster\n"
                          "  optional     -\n"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("Outputs:\n"
                          "  layer quote        A quotation\n"
                          "      kind             string         direct or indirect\n"
                          "      speaker          ref -> entity  the speaker's mention\n"),
            std::string::npos)
      << text.out;

  CliResult clusters = run_tagwerk(cli, "inspect tw-clusters");
  ASSERT_EQ(clusters.exit_code, 0) << clusters.err;
  EXPECT_NE(clusters.out.find("  optional     quote.kind\n"), std::string::npos) << clusters.out;
  EXPECT_NE(clusters.out.find("  document attributes\n"
                              "      entity_count     int           entities found\n"),
            std::string::npos)
      << clusters.out;

  CliResult json = run_tagwerk(cli, "inspect tw-quotes --json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  Json j(json.out);
  EXPECT_EQ(std::string_view(j.doc["inputs"]["required"].at(0)), "entity.cluster");
  EXPECT_EQ(simdjson::dom::array(j.doc["inputs"]["optional"]).size(), 0u);
  simdjson::dom::element quote_layer = named(j.doc["outputs"]["layers"], "quote");
  EXPECT_EQ(std::string_view(quote_layer["help"]), "A quotation");
  simdjson::dom::element speaker = named(quote_layer["attributes"], "speaker");
  EXPECT_EQ(std::string_view(speaker["type"]), "ref");
  EXPECT_EQ(std::string_view(speaker["target"]), "entity");
  EXPECT_EQ(std::string_view(speaker["help"]), "the speaker's mention");
  EXPECT_TRUE(named(quote_layer["attributes"], "kind")["target"].error());  // only references have one
}

TEST(SchemaChecks, PluginsJsonListsEveryPluginWithItsSchemas) {
  CliRunner cli;
  CliResult r = run_tagwerk(cli, "plugins --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Json j(r.out);
  simdjson::dom::element clusters = named(j.doc, "tw-clusters");
  EXPECT_EQ(std::string_view(clusters["inputs"]["optional"].at(0)), "quote.kind");
  simdjson::dom::element entity = named(clusters["outputs"]["layers"], "entity");
  EXPECT_EQ(std::string_view(named(entity["attributes"], "cluster")["type"]), "int");
  EXPECT_EQ(std::string_view(named(clusters["outputs"]["doc_attributes"], "entity_count")["type"]), "int");
  EXPECT_EQ(std::string_view(named(clusters["parameters"], "names")["type"]), "path");
  named(j.doc, "tw-quotes");
  named(j.doc, "segment");  // the shipped plugins, found beside the executable
}

TEST(SchemaChecks, InspectTimelineJsonListsTimexWithTypeValueAndMod) {
  CliResult r = CliRunner().run("inspect timeline --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Json j(r.out);
  simdjson::dom::element timex = named(j.doc["outputs"]["layers"], "timex");
  for (const char* attr : {"type", "value", "mod"})
    EXPECT_EQ(std::string_view(named(timex["attributes"], attr)["type"]), "string") << attr;
}
