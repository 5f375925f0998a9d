// Chains: every validation message exactly as the user sees it, resolution
// (defaults, paths, input and output options), to_toml round trips and the hash.
#include <tagwerk/core/chain.hpp>

#include "chain/sha256.hpp"
#include "chain/suggest.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace tagwerk::core {
namespace {

namespace fs = std::filesystem;

ParamSpec param(std::string name, tw_param_type type, std::optional<std::string> default_value,
                std::string help = "", bool required = false) {
  return ParamSpec{std::move(name), type, std::move(default_value), std::move(help), required};
}

AttrSpec attr(std::string name, tw_value_type type = TW_VALUE_STRING, std::string target = "") {
  return AttrSpec{std::move(name), type, "", std::move(target)};
}

LayerSpec layer(std::string name, std::vector<AttrSpec> attrs = {}) {
  return LayerSpec{std::move(name), "", std::move(attrs)};
}

std::vector<InputRef> inputs(const std::vector<std::string>& texts) {
  std::vector<InputRef> out;
  for (const auto& t : texts) out.push_back(InputRef::parse(t));
  return out;
}

PluginInfo plugin(std::string name, std::vector<std::string> requires_inputs, std::vector<LayerSpec> provides,
                  std::vector<ParamSpec> params, std::vector<std::string> optional_inputs = {}) {
  PluginInfo info;
  info.name = std::move(name);
  info.version = "1.0.0";
  info.requires_inputs = inputs(requires_inputs);
  info.optional_inputs = inputs(optional_inputs);
  info.provides = std::move(provides);
  info.params = std::move(params);
  return info;
}

// Plugins with parameters of every type: segment provides `sentence`,
// timeline and entities require it; entities provides `entity.cluster`.
const std::vector<PluginInfo>& available() {
  static const std::vector<PluginInfo> plugins = {
      plugin("segment", {},
             {layer("paragraph", {attr("lang")}), layer("sentence", {attr("lang")}), layer("token")},
             {param("language", TW_PARAM_STRING, "de", "language of the text"),
              param("threshold", TW_PARAM_FLOAT, "0.5", "boundary confidence"),
              param("max_sentence", TW_PARAM_INT, "200", "longest sentence in tokens"),
              param("abbreviations", TW_PARAM_PATH, "abbrev.txt", "abbreviation list"),
              param("paragraphs", TW_PARAM_BOOL, "true", "detect paragraphs")}),
      plugin(
          "timeline", {"sentence"},
          {layer("timex", {attr("type"), attr("value"), attr("mod")}),
           layer("event", {attr("time"), attr("timex", TW_VALUE_REF, "timex")})},
          {param("language", TW_PARAM_STRING, "de"), param("reference_date", TW_PARAM_STRING, std::nullopt),
           param("strict", TW_PARAM_BOOL, "false")},
          {"quote"}),
      plugin("entities", {"sentence", "token"},
             {layer("entity", {attr("cluster", TW_VALUE_INT), attr("name")})},
             {param("model", TW_PARAM_PATH, std::nullopt, "gazetteer file", true),
              param("min_score", TW_PARAM_FLOAT, "0.3")}),
  };
  return plugins;
}

/// what() of the ChainError parse_chain throws for `text`, as the user sees it.
std::string errors_of(std::string_view text, const std::vector<PluginInfo>& plugins = available()) {
  try {
    parse_chain(text, "news.toml", plugins);
  } catch (const ChainError& e) {
    return e.what();
  }
  return "(no error)";
}

std::string data_dir() {
  return TAGWERK_TEST_DATA_DIR "/chains";
}

// ------------------------------------------------------------ validation

TEST(ChainValidation, TomlSyntaxErrorGivesTomlPositionAndDescription) {
  EXPECT_EQ(
      errors_of("[input]\nformat = \n"),
      "news.toml:2:10: error: invalid TOML: Error while parsing key-value pair: expected value, saw '\\n'");
}

TEST(ChainValidation, UnknownPluginSuggestsNearestAndListsAll) {
  EXPECT_EQ(errors_of("[[step]]\nuse = \"segmnet\"\n"),
            "news.toml:2:7: error: step 1: unknown plugin 'segmnet'; did you mean 'segment'? "
            "available plugins: entities, segment, timeline");
}

TEST(ChainValidation, UnknownPluginFarFromAllListsAllWithoutGuess) {
  EXPECT_EQ(errors_of("[[step]]\nuse = \"sentiment\"\n"),
            "news.toml:2:7: error: step 1: unknown plugin 'sentiment'; available plugins: entities, segment, "
            "timeline");
}

TEST(ChainValidation, UnknownParameterSuggestsNearestAndListsAll) {
  EXPECT_EQ(errors_of("[[step]]\nuse = \"segment\"\n[[step]]\nuse = \"timeline\"\nlangauge = \"en\"\n"),
            "news.toml:5:1: error: step 2 (timeline): unknown parameter 'langauge'; did you mean 'language'? "
            "parameters of timeline: language, reference_date, strict");
}

TEST(ChainValidation, UnknownParameterFarFromAllOnlyLists) {
  EXPECT_EQ(errors_of("[[step]]\nuse = \"segment\"\n  colour = \"red\"\n"),
            "news.toml:3:3: error: step 1 (segment): unknown parameter 'colour'; "
            "parameters of segment: language, threshold, max_sentence, abbreviations, paragraphs");
}

TEST(ChainValidation, WrongTypeNamesExpectedAndActualValue) {
  EXPECT_EQ(errors_of("[[step]]\nuse = \"segment\"\nthreshold = \"high\"\n"),
            "news.toml:3:13: error: step 1 (segment): parameter 'threshold' of segment must be a float, "
            "got a string (\"high\")");
}

TEST(ChainValidation, WrongTypeOfQuotedNumberShowsUnquotedForm) {
  EXPECT_EQ(
      errors_of("[[step]]\nuse = \"segment\"\nmax_sentence = \"150\"\n"),
      "news.toml:3:16: error: step 1 (segment): parameter 'max_sentence' of segment must be an integer, "
      "got a string (\"150\"); write max_sentence = 150 without quotes");
}

TEST(ChainValidation, WrongTypeForBoolIntAndPath) {
  EXPECT_EQ(
      errors_of("[[step]]\nuse = \"segment\"\nparagraphs = 1\nmax_sentence = 2.5\nabbreviations = 3\n"),
      "news.toml:3:14: error: step 1 (segment): parameter 'paragraphs' of segment must be true or false, "
      "got an integer (1)\n"
      "news.toml:4:16: error: step 1 (segment): parameter 'max_sentence' of segment must be an integer, "
      "got a float (2.5)\n"
      "news.toml:5:17: error: step 1 (segment): parameter 'abbreviations' of segment must be a path "
      "(a string), got an integer (3)");
}

TEST(ChainValidation, MissingRequiredParameter) {
  EXPECT_EQ(errors_of("[[step]]\nuse = \"segment\"\n\n[[step]]\nuse = \"entities\"\nmin_score = 0.5\n"),
            "news.toml:4:1: error: step 2 (entities): missing required parameter 'model' "
            "(path: gazetteer file); add model = \"path/to/file\" to this step");
}

TEST(ChainValidation, RequiredLayerNamesTheProvidingPlugin) {
  EXPECT_EQ(
      errors_of("[[step]]\nuse = \"timeline\"\n"),
      "news.toml:1:1: error: step 1 (timeline) requires layer 'sentence', which no earlier step provides; "
      "add a step with plugin 'segment' before it");
}

TEST(ChainValidation, RequiredLayerProvidedTooLateSaysWhatToMove) {
  EXPECT_EQ(
      errors_of("[[step]]\nuse = \"timeline\"\n[[step]]\nuse = \"segment\"\n"),
      "news.toml:1:1: error: step 1 (timeline) requires layer 'sentence', which no earlier step provides; "
      "move step 2 (segment) before it");
}

/// what() of the ChainError for `text` with `extra` plugins besides available(); "(no error)" when valid.
std::string errors_with(const std::vector<PluginInfo>& extra, std::string_view text) {
  std::vector<PluginInfo> plugins = available();
  plugins.insert(plugins.end(), extra.begin(), extra.end());
  try {
    parse_chain(text, "news.toml", plugins);
  } catch (const ChainError& e) {
    return e.what();
  }
  return "(no error)";
}

// quotes needs entity mentions clustered, as the shipped quotes plugin will.
const PluginInfo kQuotes =
    plugin("quotes", {"sentence", "entity.cluster"}, {layer("quote", {attr("kind")})}, {});
// ner finds entities but does not cluster them.
const PluginInfo kNer = plugin("ner", {"token"}, {layer("entity", {attr("label")})}, {});

TEST(ChainValidation, RequiredLayerThatNoPluginProvides) {
  EXPECT_EQ(
      errors_with({plugin("speech", {"sentence", "utterance"}, {}, {})},
                  "[[step]]\nuse = \"segment\"\n[[step]]\nuse = \"speech\"\n"),
      "news.toml:3:1: error: step 2 (speech) requires layer 'utterance', which no earlier step provides; "
      "no available plugin provides it; install a plugin that provides 'utterance' or remove this step");
}

TEST(ChainValidation, RequiredAttributeNamesThePluginThatProvidesIt) {
  EXPECT_EQ(
      errors_with({kQuotes}, "[[step]]\nuse = \"segment\"\n[[step]]\nuse = \"quotes\"\n"),
      "news.toml:3:1: error: step 2 (quotes) requires 'entity.cluster', which no earlier step provides; "
      "add a step with plugin 'entities' before it");
}

TEST(ChainValidation, RequiredAttributeMissingFromAProvidedLayerSaysWhoProvidesTheLayer) {
  EXPECT_EQ(errors_with({kQuotes, kNer},
                        "[[step]]\nuse = \"segment\"\n[[step]]\nuse = \"ner\"\n[[step]]\nuse = \"quotes\"\n"),
            "news.toml:5:1: error: step 3 (quotes) requires 'entity.cluster', which no earlier step provides "
            "(layer 'entity' comes from step 2 (ner), without 'cluster'); add a step with plugin 'entities' "
            "before it");
}

TEST(ChainValidation, ALayerAndItsAttributeBothMissingAreOneError) {
  const PluginInfo langs = plugin("langs", {"sentence", "sentence.lang"}, {}, {});
  EXPECT_EQ(errors_with({langs}, "[[step]]\nuse = \"langs\"\n"),
            "news.toml:1:1: error: step 1 (langs) requires 'sentence.lang', which no earlier step provides; "
            "add a step with plugin 'segment' before it");
  const PluginInfo splitter = plugin("splitter", {}, {layer("sentence")}, {});
  EXPECT_EQ(
      errors_with({langs, splitter}, "[[step]]\nuse = \"splitter\"\n[[step]]\nuse = \"langs\"\n"),
      "news.toml:3:1: error: step 2 (langs) requires 'sentence.lang', which no earlier step provides "
      "(layer 'sentence' comes from step 1 (splitter), without 'lang'); add a step with plugin 'segment' "
      "before it");
}

TEST(ChainValidation, RequiredAttributeProvidedLaterSaysWhatToMove) {
  EXPECT_EQ(
      errors_with({kQuotes},
                  "[[step]]\nuse = \"segment\"\n[[step]]\nuse = \"quotes\"\n"
                  "[[step]]\nuse = \"entities\"\nmodel = \"" TAGWERK_TEST_DATA_DIR "/chains/news.toml\"\n"),
      "news.toml:3:1: error: step 2 (quotes) requires 'entity.cluster', which no earlier step provides; "
      "move step 3 (entities) before it");
}

TEST(ChainValidation, RequiredAttributeMayComeFromAStepThatExtendsTheLayer) {
  const PluginInfo cluster =
      plugin("cluster", {"entity"}, {layer("entity", {attr("cluster", TW_VALUE_INT)})}, {});
  EXPECT_EQ(errors_with({kQuotes, kNer, cluster},
                        "[[step]]\nuse = \"segment\"\n[[step]]\nuse = \"ner\"\n"
                        "[[step]]\nuse = \"cluster\"\n[[step]]\nuse = \"quotes\"\n"),
            "(no error)");
}

TEST(ChainValidation, AStepIsNotSuggestedAsTheProviderOfWhatItRequiresItself) {
  // merge extends `entity`, so it provides the layer it requires.
  const PluginInfo merge =
      plugin("merge", {"entity"}, {layer("entity", {attr("merged", TW_VALUE_BOOL)})}, {});
  EXPECT_EQ(errors_with({merge}, "[[step]]\nuse = \"segment\"\n[[step]]\nuse = \"merge\"\n"),
            "news.toml:3:1: error: step 2 (merge) requires layer 'entity', which no earlier step provides; "
            "add a step with plugin 'entities' before it");
}

TEST(ChainValidation, SeveralProvidersAreAllNamed) {
  EXPECT_EQ(
      errors_with({kQuotes, plugin("entities-lite", {}, {layer("entity", {attr("cluster")})}, {})},
                  "[[step]]\nuse = \"segment\"\n[[step]]\nuse = \"quotes\"\n"),
      "news.toml:3:1: error: step 2 (quotes) requires 'entity.cluster', which no earlier step provides; "
      "add a step with plugin 'entities' or 'entities-lite' before it");
}

TEST(ChainWarnings, OptionalInputProvidedOnlyByALaterStepIsAWarning) {
  std::vector<PluginInfo> plugins = available();
  plugins.push_back(plugin("quotes", {"sentence"}, {layer("quote")}, {}));
  const Chain chain =
      parse_chain("[[step]]\nuse = \"segment\"\n[[step]]\nuse = \"timeline\"\n[[step]]\nuse = \"quotes\"\n",
                  "news.toml", plugins);
  ASSERT_EQ(chain.steps.size(), 3u);
  ASSERT_EQ(chain.warnings.size(), 1u);
  EXPECT_EQ(chain.warnings[0].severity, Severity::warning);
  EXPECT_EQ(chain.warnings[0].where.str(), "news.toml:3:1");
  EXPECT_EQ(
      chain.warnings[0].str(),
      "news.toml:3:1: warning: step 2 (timeline) can use layer 'quote', but only step 3 (quotes), after "
      "it, provides it, so timeline runs without it; move step 3 (quotes) before it to use it");

  const Chain ordered =
      parse_chain("[[step]]\nuse = \"segment\"\n[[step]]\nuse = \"quotes\"\n[[step]]\nuse = \"timeline\"\n",
                  "news.toml", plugins);
  EXPECT_TRUE(ordered.warnings.empty());
}

TEST(ChainWarnings, OptionalInputThatNothingProvidesIsFine) {
  const Chain chain =
      parse_chain("[[step]]\nuse = \"segment\"\n[[step]]\nuse = \"timeline\"\n", "news.toml", available());
  EXPECT_TRUE(chain.warnings.empty());
}

TEST(ChainWarnings, AnInvalidChainListsItsWarningsAmongTheErrorsInFileOrder) {
  EXPECT_EQ(
      errors_with({plugin("quotes", {"sentence"}, {layer("quote")}, {})},
                  "[[step]]\nuse = \"segment\"\n[[step]]\nuse = \"timeline\"\n[[step]]\nuse = \"quotes\"\n"
                  "colour = 1\n"),
      "news.toml:3:1: warning: step 2 (timeline) can use layer 'quote', but only step 3 (quotes), after it, "
      "provides it, so timeline runs without it; move step 3 (quotes) before it to use it\n"
      "news.toml:7:1: error: step 3 (quotes): unknown parameter 'colour'; quotes takes no parameters");
}

TEST(ChainPaths, AMissingRelativePathIsAnErrorAtTheKeyNamingTheFileLookedFor) {
  const std::string file = data_dir() + "/news.toml";
  const std::string dir = fs::absolute(file).lexically_normal().parent_path().string();
  try {
    parse_chain("[[step]]\nuse = \"segment\"\n  abbreviations = \"lexicons/abbrev-xx.txt\"\n", file,
                available());
    FAIL() << "no error";
  } catch (const ChainError& e) {
    EXPECT_EQ(
        std::string(e.what()),
        file +
            ":3:3: error: step 1 (segment): parameter 'abbreviations' names \"lexicons/abbrev-xx.txt\", "
            "but " +
            dir +
            "/lexicons/abbrev-xx.txt does not exist (a relative path starts at the chain file's folder, " +
            dir + "); fix the path or create the file");
  }
}

TEST(ChainPaths, AMissingAbsolutePathIsAnError) {
  EXPECT_EQ(
      errors_of(
          "[[step]]\nuse = \"segment\"\n[[step]]\nuse = \"entities\"\nmodel = \"/no/such/model.bin\"\n"),
      "news.toml:5:1: error: step 2 (entities): parameter 'model' names \"/no/such/model.bin\", which does "
      "not "
      "exist; fix the path or create the file");
}

TEST(ChainPaths, ExistingFilesAndFoldersAreAcceptedAndDefaultsAreNotChecked) {
  const fs::path file = data_dir() + "/news.toml";
  const Chain chain = parse_chain(
      "[[step]]\nuse = \"segment\"\nabbreviations = \"lexicons/abbrev-de.txt\"\n"
      "[[step]]\nuse = \"entities\"\nmodel = \"lexicons\"\n",
      file, available());
  EXPECT_TRUE(chain.warnings.empty());
  // segment's default "abbrev.txt" exists nowhere: it is the plugin's to resolve.
  const Chain defaults = parse_chain("[[step]]\nuse = \"segment\"\n", file, available());
  EXPECT_EQ(defaults.steps[0].find_param("abbreviations")->value, ParamValue{std::string("abbrev.txt")});
}

TEST(ChainValidation, UnknownInputKeySuggestsNearest) {
  EXPECT_EQ(errors_of("[input]\nfromat = \"jsonl\"\n[[step]]\nuse = \"segment\"\n"),
            "news.toml:2:1: error: [input] unknown key 'fromat'; did you mean 'format'? "
            "keys of [input]: fields, format, max_text_mb, paths");
}

TEST(ChainValidation, UnknownInputFieldKeySuggestsNearest) {
  EXPECT_EQ(errors_of("[input.fields]\ntitel = \"headline\"\n[[step]]\nuse = \"segment\"\n"),
            "news.toml:2:1: error: [input.fields] unknown key 'titel'; did you mean 'title'? "
            "keys of [input.fields]: date, id, lang, source, text, title, url");
}

TEST(ChainValidation, ShardInInputPointsToCommandLine) {
  EXPECT_EQ(
      errors_of("[input]\nshard = \"1/4\"\n[[step]]\nuse = \"segment\"\n"),
      "news.toml:2:1: error: [input] cannot set 'shard': the shard of a run is chosen on the command line "
      "(--shard K/N); remove it from the chain");
}

TEST(ChainValidation, UnknownOutputKeySuggestsNearest) {
  EXPECT_EQ(errors_of("[output]\nofsets = \"bytes\"\n[[step]]\nuse = \"segment\"\n"),
            "news.toml:2:1: error: [output] unknown key 'ofsets'; did you mean 'offsets'? "
            "keys of [output]: exclude, layers, offsets, path");
}

TEST(ChainOutputLayers, LayersAndExcludeAreReadAndKeptOrDropped) {
  const Chain chain = parse_chain(
      "[output]\nlayers = [\"sentence\", \"token\"]\nexclude = [\"token\"]\n[[step]]\nuse = \"segment\"\n",
      "news.toml", available());
  EXPECT_EQ(chain.output.layers.only, (std::vector<std::string>{"sentence", "token"}));
  EXPECT_EQ(chain.output.layers.exclude, (std::vector<std::string>{"token"}));
  EXPECT_TRUE(chain.output.layers.keeps("sentence"));
  EXPECT_FALSE(chain.output.layers.keeps("token"));
  EXPECT_FALSE(chain.output.layers.keeps("paragraph"));
}

TEST(ChainOutputLayers, AnUnknownLayerIsAnErrorAtItsPlaceListingTheProvidedOnes) {
  EXPECT_EQ(errors_of("[output]\nexclude = [\"tokens\"]\n[[step]]\nuse = \"segment\"\n"),
            "news.toml:2:12: error: [output] names layer 'tokens', which no step of the chain provides; did "
            "you mean 'token'? layers the steps provide: paragraph, sentence, token");
  // A layer an available plugin provides, but no step of this chain.
  EXPECT_EQ(errors_of("[output]\nlayers = [\"sentence\", \"entity\"]\n[[step]]\nuse = \"segment\"\n"),
            "news.toml:2:23: error: [output] names layer 'entity', which no step of the chain provides; "
            "layers the steps provide: paragraph, sentence, token");
}

TEST(ChainOutputLayers, LayersMustBeAnArrayOfNames) {
  EXPECT_EQ(errors_of("[output]\nexclude = \"token\"\n[[step]]\nuse = \"segment\"\n"),
            "news.toml:2:11: error: [output] exclude must be an array of layer names, got a string "
            "(\"token\"); write [\"token\"]");
}

TEST(ChainOutputLayers, TheSelectionIsPartOfTheResolvedChainAndItsHash) {
  const std::string steps = "[[step]]\nuse = \"segment\"\n";
  const Chain all = parse_chain(steps, "news.toml", available());
  const Chain some = parse_chain("[output]\nexclude = [\"token\"]\n" + steps, "news.toml", available());
  EXPECT_EQ(all.to_toml().find("exclude"), std::string::npos);
  EXPECT_NE(some.to_toml().find("exclude = [\"token\"]\n"), std::string::npos);
  EXPECT_NE(all.hash(), some.hash());
  const Chain again = parse_chain(some.to_toml(), "news.toml", available());
  EXPECT_EQ(again.output.layers.exclude, some.output.layers.exclude);
  EXPECT_EQ(again.hash(), some.hash());
}

TEST(ChainValidation, UnknownTopLevelKeySuggestsNearest) {
  EXPECT_EQ(errors_of("[[steps]]\nuse = \"segment\"\n[[step]]\nuse = \"segment\"\n"),
            "news.toml:1:3: error: unknown top-level key 'steps'; did you mean 'step'? "
            "a chain has [input], [output] and [[step]] tables");
}

TEST(ChainValidation, BadInputFormatListsAllowedValues) {
  EXPECT_EQ(
      errors_of("[input]\nformat = \"json\"\n[[step]]\nuse = \"segment\"\n"),
      "news.toml:2:10: error: [input] format must be one of auto, jsonl, text, got a string (\"json\"); "
      "did you mean 'jsonl'?");
}

TEST(ChainValidation, BadOffsetsListsAllowedValues) {
  EXPECT_EQ(errors_of("[output]\noffsets = \"chars\"\n[[step]]\nuse = \"segment\"\n"),
            "news.toml:2:11: error: [output] offsets must be one of codepoints, bytes, utf16, got a string "
            "(\"chars\")");
}

TEST(ChainValidation, BadMaxTextMb) {
  EXPECT_EQ(
      errors_of("[input]\nmax_text_mb = 0\n[[step]]\nuse = \"segment\"\n"),
      "news.toml:2:15: error: [input] max_text_mb must be a number of megabytes (MiB) above 0 and at most "
      "4095, got an integer (0)");
}

TEST(ChainValidation, PathsMustBeAnArray) {
  EXPECT_EQ(errors_of("[input]\npaths = \"seed.jsonl\"\n[[step]]\nuse = \"segment\"\n"),
            "news.toml:2:9: error: [input] paths must be an array of strings, got a string (\"seed.jsonl\"); "
            "write paths = [\"seed.jsonl\"]");
}

TEST(ChainValidation, StepWithoutUse) {
  EXPECT_EQ(errors_of("[[step]]\nuse = \"segment\"\n\n[[step]]\nlanguage = \"de\"\n"),
            "news.toml:4:1: error: step 2 has no 'use' key naming its plugin; add use = \"<plugin>\" "
            "(available plugins: entities, segment, timeline)");
}

TEST(ChainValidation, StepAsSingleTableMustBeDoubleBracketed) {
  EXPECT_EQ(errors_of("[step]\nuse = \"segment\"\n"),
            "news.toml:1:1: error: 'step' must be an array of tables: write each step as a [[step]] section "
            "(double brackets) with use = \"<plugin>\"");
}

TEST(ChainValidation, EmptyChain) {
  EXPECT_EQ(errors_of("[input]\nformat = \"jsonl\"\n"),
            "news.toml:1:1: error: the chain has no steps; add a [[step]] table with use = \"<plugin>\" "
            "(available plugins: entities, segment, timeline)");
}

TEST(ChainValidation, BadDeclaredDefaultBlamesThePlugin) {
  std::vector<PluginInfo> plugins = {plugin("broken", {}, {}, {param("size", TW_PARAM_INT, "large")})};
  try {
    parse_chain("[[step]]\nuse = \"broken\"\n", "news.toml", plugins);
    FAIL() << "no error";
  } catch (const ChainError& e) {
    EXPECT_EQ(std::string(e.what()),
              "news.toml:1:1: error: step 1 (broken): plugin broken declares default \"large\" for parameter "
              "'size', which is not an integer; set size in this step (and report the bug to the plugin's "
              "authors)");
  }
}

TEST(ChainValidation, ReportsEveryErrorInFileOrder) {
  // The unknown plugin in step 1 hides what it would provide, so step 2's
  // missing `sentence` is not reported as a second, misleading error.
  try {
    load_chain(data_dir() + "/misspelled.toml", available());
    FAIL() << "no error";
  } catch (const ChainError& e) {
    const std::string file = data_dir() + "/misspelled.toml";
    ASSERT_EQ(e.diagnostics().size(), 3u);
    EXPECT_EQ(std::string(e.what()),
              file +
                  ":2:1: error: [input] unknown key 'fromat'; did you mean 'format'? "
                  "keys of [input]: fields, format, max_text_mb, paths\n" +
                  file +
                  ":5:7: error: step 1: unknown plugin 'segmnet'; did you mean 'segment'? "
                  "available plugins: entities, segment, timeline\n" +
                  file +
                  ":9:1: error: step 2 (timeline): unknown parameter 'langauge'; did you mean "
                  "'language'? parameters of timeline: language, reference_date, strict");
    EXPECT_EQ(e.diagnostics()[1].where.line, 5);
    EXPECT_EQ(e.diagnostics()[1].where.column, 7);
  }
}

TEST(ChainValidation, ErrorsInStepsBeforeInputAreStillInFileOrder) {
  EXPECT_EQ(
      errors_of("[[step]]\nuse = \"segment\"\nthreshold = true\n[output]\noffsets = 16\n"),
      "news.toml:3:13: error: step 1 (segment): parameter 'threshold' of segment must be a float, got a "
      "boolean (true)\n"
      "news.toml:5:11: error: [output] offsets must be one of codepoints, bytes, utf16, got an integer (16)");
}

TEST(ChainLoad, UnreadableFileNamesThePath) {
  const std::string path = data_dir() + "/no-such-chain.toml";
  try {
    load_chain(path, available());
    FAIL() << "no error";
  } catch (const ChainError&) {
    FAIL() << "a missing file is not a chain error";
  } catch (const SetupError& e) {
    EXPECT_EQ(std::string(e.what()),
              "cannot read chain file '" + path +
                  "': no such file; check the path (it is relative to the current folder)");
  }
}

// ------------------------------------------------------------ resolution

TEST(ChainResolve, DefaultsFilledInDeclarationOrder) {
  const Chain chain = parse_chain("[[step]]\nuse = \"segment\"\nmax_sentence = 80\nthreshold = 1\n",
                                  "news.toml", available());
  ASSERT_EQ(chain.steps.size(), 1u);
  const ChainStep& step = chain.steps[0];
  EXPECT_EQ(step.plugin, "segment");
  EXPECT_EQ(step.info, &available()[0]);
  EXPECT_EQ(step.where.str(), "news.toml:1:1");
  ASSERT_EQ(step.params.size(), 5u);

  EXPECT_EQ(step.params[0].name, "language");
  EXPECT_EQ(step.params[0].value, ParamValue{std::string("de")});
  EXPECT_TRUE(step.params[0].from_default);
  EXPECT_EQ(step.params[0].where.str(), "news.toml:1:1");

  EXPECT_EQ(step.params[1].name, "threshold");  // an integer is accepted for a float
  EXPECT_EQ(step.params[1].value, ParamValue{1.0});
  EXPECT_EQ(step.params[1].type, TW_PARAM_FLOAT);
  EXPECT_FALSE(step.params[1].from_default);
  EXPECT_EQ(step.params[1].where.str(), "news.toml:4:1");

  EXPECT_EQ(step.params[2].name, "max_sentence");
  EXPECT_EQ(step.params[2].value, ParamValue{std::int64_t{80}});
  EXPECT_FALSE(step.params[2].from_default);

  EXPECT_EQ(step.params[3].name, "abbreviations");  // a default path stays as declared
  EXPECT_EQ(step.params[3].value, ParamValue{std::string("abbrev.txt")});
  EXPECT_TRUE(step.params[3].from_default);

  EXPECT_EQ(step.params[4].name, "paragraphs");
  EXPECT_EQ(step.params[4].value, ParamValue{true});
  EXPECT_TRUE(step.params[4].from_default);
}

TEST(ChainResolve, ParameterWithoutDefaultAndNotSetIsAbsent) {
  const Chain chain =
      parse_chain("[[step]]\nuse = \"segment\"\n[[step]]\nuse = \"timeline\"\n", "news.toml", available());
  const ChainStep& timeline = chain.steps[1];
  EXPECT_EQ(timeline.find_param("reference_date"), nullptr);
  ASSERT_NE(timeline.find_param("strict"), nullptr);
  EXPECT_EQ(timeline.find_param("strict")->value, ParamValue{false});
}

TEST(ChainResolve, InputAndOutputDefaultsWhenTablesAreAbsent) {
  const Chain chain = parse_chain("[[step]]\nuse = \"segment\"\n", "news.toml", available());
  EXPECT_TRUE(chain.input.paths.empty());
  EXPECT_EQ(chain.input.format, InputFormat::automatic);
  EXPECT_EQ(chain.input.max_text_bytes, std::size_t{32} << 20);
  EXPECT_EQ(chain.input.fields.text, "text");
  EXPECT_EQ(chain.output.path, "-");
  EXPECT_EQ(chain.output.offsets, OffsetUnit::codepoints);
}

TEST(ChainResolve, LoadsFileAndResolvesPathsAgainstItsFolder) {
  const fs::path file = data_dir() + "/news.toml";
  const Chain chain = load_chain(file, available());
  const fs::path dir = fs::absolute(file).lexically_normal().parent_path();

  EXPECT_EQ(chain.file, file);
  EXPECT_EQ(chain.input.format, InputFormat::jsonl);
  ASSERT_EQ(chain.input.paths.size(), 3u);
  EXPECT_EQ(chain.input.paths[0], (dir.parent_path() / "corpus/seed.jsonl").string());
  EXPECT_EQ(chain.input.paths[1], "-");
  EXPECT_EQ(chain.input.paths[2], "/srv/news/2017.jsonl.zst");
  EXPECT_EQ(chain.input.max_text_bytes, std::size_t{8} << 20);
  EXPECT_EQ(chain.input.fields.text, "body");
  EXPECT_EQ(chain.input.fields.date, "published");
  EXPECT_EQ(chain.input.fields.id, "id");
  EXPECT_EQ(chain.input.shard.count, 1u);
  EXPECT_EQ(chain.output.path, (dir / "out/annotated.jsonl").string());
  EXPECT_EQ(chain.output.offsets, OffsetUnit::utf16);

  ASSERT_EQ(chain.steps.size(), 2u);
  const StepParam* abbreviations = chain.steps[0].find_param("abbreviations");
  ASSERT_NE(abbreviations, nullptr);
  EXPECT_EQ(abbreviations->value, ParamValue{(dir / "lexicons/abbrev-de.txt").string()});
  EXPECT_FALSE(abbreviations->from_default);
  EXPECT_EQ(abbreviations->where.str(), file.string() + ":17:1");
  EXPECT_EQ(chain.steps[1].find_param("reference_date")->value, ParamValue{std::string("2017-07-09")});
}

TEST(ChainResolve, AbsoluteAndStdinPathsStayAsTheyAre) {
  const Chain chain = parse_chain(
      "[input]\npaths = [\"/abs/a.jsonl\", \"-\", \"rel/b.jsonl\"]\n[output]\npath = \"-\"\n"
      "[[step]]\nuse = \"segment\"\nabbreviations = \"" TAGWERK_TEST_DATA_DIR
      "/chains/lexicons/abbrev-de.txt\"\n",
      "/work/chains/news.toml", available());
  EXPECT_EQ(chain.input.paths, (std::vector<std::string>{"/abs/a.jsonl", "-", "/work/chains/rel/b.jsonl"}));
  EXPECT_EQ(chain.output.path, "-");
  EXPECT_EQ(chain.steps[0].find_param("abbreviations")->value,
            ParamValue{std::string(TAGWERK_TEST_DATA_DIR "/chains/lexicons/abbrev-de.txt")});
}

TEST(ChainResolve, FractionalMaxTextMb) {
  const Chain chain =
      parse_chain("[input]\nmax_text_mb = 0.5\n[[step]]\nuse = \"segment\"\n", "news.toml", available());
  EXPECT_EQ(chain.input.max_text_bytes, std::size_t{512} << 10);
}

// --------------------------------------------------------- to_toml and hash

void expect_same_resolution(const Chain& a, const Chain& b) {
  EXPECT_EQ(a.input.paths, b.input.paths);
  EXPECT_EQ(a.input.format, b.input.format);
  EXPECT_EQ(a.input.max_text_bytes, b.input.max_text_bytes);
  const auto fields = [](const FieldMap& f) {
    return std::vector<std::string>{f.id, f.text, f.title, f.date, f.lang, f.source, f.url};
  };
  EXPECT_EQ(fields(a.input.fields), fields(b.input.fields));
  EXPECT_EQ(a.output.path, b.output.path);
  EXPECT_EQ(a.output.offsets, b.output.offsets);
  ASSERT_EQ(a.steps.size(), b.steps.size());
  for (std::size_t s = 0; s < a.steps.size(); ++s) {
    EXPECT_EQ(a.steps[s].plugin, b.steps[s].plugin);
    EXPECT_EQ(a.steps[s].info, b.steps[s].info);
    ASSERT_EQ(a.steps[s].params.size(), b.steps[s].params.size());
    for (std::size_t p = 0; p < a.steps[s].params.size(); ++p) {
      const StepParam& x = a.steps[s].params[p];
      const StepParam& y = b.steps[s].params[p];
      EXPECT_EQ(x.name, y.name);
      EXPECT_EQ(x.value, y.value) << x.name;
      EXPECT_EQ(x.type, y.type);
      EXPECT_EQ(x.from_default, y.from_default) << x.name;
    }
  }
}

TEST(ChainToml, WritesEverySettingAndCommentsDefaults) {
  const Chain chain = parse_chain(
      "[input]\npaths = [\"seed.jsonl\"]\n[[step]]\nuse = \"segment\"\nlanguage = \"en\"\nthreshold = 0.25\n"
      "[[step]]\nuse = \"timeline\"\nreference_date = \"2017-07-09\"\n",
      "/work/chains/news.toml", available());
  EXPECT_EQ(chain.to_toml(),
            "# Resolved tagwerk chain: every setting written out, paths absolute.\n"
            "# A parameter left at its plugin's default is commented out and marked (default).\n"
            "\n"
            "[input]\n"
            "format = \"auto\"\n"
            "paths = [\"/work/chains/seed.jsonl\"]\n"
            "max_text_mb = 32\n"
            "\n"
            "[input.fields]\n"
            "id = \"id\"\n"
            "text = \"text\"\n"
            "title = \"title\"\n"
            "date = \"date\"\n"
            "lang = \"lang\"\n"
            "source = \"source\"\n"
            "url = \"url\"\n"
            "\n"
            "[output]\n"
            "path = \"-\"\n"
            "offsets = \"codepoints\"\n"
            "\n"
            "[[step]]\n"
            "use = \"segment\"\n"
            "language = \"en\"\n"
            "threshold = 0.25\n"
            "# max_sentence = 200  (default)\n"
            "# abbreviations = \"abbrev.txt\"  (default)\n"
            "# paragraphs = true  (default)\n"
            "\n"
            "[[step]]\n"
            "use = \"timeline\"\n"
            "# language = \"de\"  (default)\n"
            "reference_date = \"2017-07-09\"\n"
            "# strict = false  (default)\n");
}

TEST(ChainToml, RoundTripsToAnEqualChainAndHash) {
  const fs::path file = data_dir() + "/news.toml";
  const Chain chain = load_chain(file, available());
  const Chain again = parse_chain(chain.to_toml(), file, available());
  expect_same_resolution(chain, again);
  EXPECT_EQ(again.to_toml(), chain.to_toml());
  EXPECT_EQ(again.hash(), chain.hash());

  // Read back from another folder: resolved paths are absolute, so nothing moves.
  const Chain elsewhere = parse_chain(chain.to_toml(), "/somewhere/else/chain.toml", available());
  expect_same_resolution(chain, elsewhere);
  EXPECT_EQ(elsewhere.hash(), chain.hash());
}

TEST(ChainToml, RoundTripsAwkwardValues) {
  const Chain chain = parse_chain(
      "[input]\nmax_text_mb = 1.75\n[input.fields]\ntitle = \"Ti\\\"tel\\\\\"\n"
      "[[step]]\nuse = \"segment\"\nlanguage = \"de\\nen\\u0001 ü\"\nthreshold = 1e-7\nmax_sentence = -9\n",
      "/c/news.toml", available());
  const Chain again = parse_chain(chain.to_toml(), "/c/news.toml", available());
  expect_same_resolution(chain, again);
  EXPECT_EQ(again.hash(), chain.hash());
  EXPECT_EQ(chain.input.fields.title, "Ti\"tel\\");
  EXPECT_EQ(again.steps[0].find_param("threshold")->value, ParamValue{1e-7});
}

TEST(ChainToml, HashIsSha256HexOfTheText) {
  const Chain chain = parse_chain("[[step]]\nuse = \"segment\"\n", "news.toml", available());
  EXPECT_EQ(chain.hash(), detail::sha256_hex(chain.to_toml()));
  EXPECT_EQ(chain.hash().size(), 64u);
}

TEST(ChainToml, HashChangesWhenAParameterChanges) {
  const auto hash_of = [](std::string_view text) {
    return parse_chain(text, "news.toml", available()).hash();
  };
  const std::string base = hash_of("[[step]]\nuse = \"segment\"\n");
  EXPECT_EQ(hash_of("# only a comment differs\n[[step]]\nuse    = \"segment\"\n"), base);
  // Pinning a value, even the current default, survives a plugin changing its default.
  EXPECT_NE(hash_of("[[step]]\nuse = \"segment\"\nthreshold = 0.5\n"), base);
  EXPECT_NE(hash_of("[[step]]\nuse = \"segment\"\nthreshold = 0.6\n"), base);
  EXPECT_NE(hash_of("[[step]]\nuse = \"segment\"\nparagraphs = false\n"), base);
  EXPECT_NE(hash_of("[output]\noffsets = \"bytes\"\n[[step]]\nuse = \"segment\"\n"), base);
}

// -------------------------------------------------------------- helpers

TEST(ChainSha256, KnownVectors) {
  EXPECT_EQ(detail::sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(detail::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(detail::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(detail::sha256_hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(ChainSha256, PiecesOfAnySizeGiveTheDigestOfTheWhole) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += static_cast<char>('a' + i % 26);
  for (std::size_t piece : {1u, 7u, 63u, 64u, 65u, 128u, 999u}) {
    detail::Sha256 hash;
    for (std::size_t at = 0; at < text.size(); at += piece)
      hash.update(std::string_view(text).substr(at, piece));
    EXPECT_EQ(hash.hex(), detail::sha256_hex(text)) << "pieces of " << piece;
  }
  detail::Sha256 empty;
  empty.update("");
  EXPECT_EQ(empty.hex(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(ChainSuggest, EditDistanceCountsSwapsAsOne) {
  EXPECT_EQ(detail::edit_distance("segmnet", "segment"), 1u);
  EXPECT_EQ(detail::edit_distance("langauge", "language"), 1u);
  EXPECT_EQ(detail::edit_distance("Format", "format"), 0u);
  EXPECT_EQ(detail::edit_distance("", "abc"), 3u);
  EXPECT_EQ(detail::nearest_name("id", {"url"}), std::nullopt);
  EXPECT_EQ(detail::nearest_name("ofset", {"offsets", "path"}), "offsets");
}

// ------------------------------------------------------- list parameters

using Strings = std::vector<std::string>;

// A plugin with string-list parameters: one with a default, one without.
const std::vector<PluginInfo>& list_plugins() {
  static const std::vector<PluginInfo> plugins = {
      plugin("quotes", {}, {layer("quote")},
             {param("cues", TW_PARAM_STRING_LIST, "[\"sagte\", \"so\"]", "cue verbs"),
              param("speakers", TW_PARAM_STRING_LIST, std::nullopt, "speakers to keep"),
              param("min_words", TW_PARAM_INT, "3")}),
  };
  return plugins;
}

TEST(ChainListParams, AnArrayOfStringsKeepsItsItemsInOrder) {
  const Chain chain =
      parse_chain("[[step]]\nuse = \"quotes\"\nspeakers = [\"Merkel\", \"Putin\", \"Merkel\"]\n", "news.toml",
                  list_plugins());
  const StepParam* speakers = chain.steps[0].find_param("speakers");
  ASSERT_NE(speakers, nullptr);
  EXPECT_EQ(speakers->type, TW_PARAM_STRING_LIST);
  EXPECT_FALSE(speakers->from_default);
  EXPECT_EQ(speakers->value, (ParamValue{Strings{"Merkel", "Putin", "Merkel"}}));
}

TEST(ChainListParams, AnEmptyArrayIsAnEmptyList) {
  const Chain chain = parse_chain("[[step]]\nuse = \"quotes\"\ncues = []\n", "news.toml", list_plugins());
  EXPECT_EQ(chain.steps[0].find_param("cues")->value, (ParamValue{Strings{}}));
}

TEST(ChainListParams, TheDeclaredDefaultIsReadAsATomlArray) {
  const Chain chain = parse_chain("[[step]]\nuse = \"quotes\"\n", "news.toml", list_plugins());
  const StepParam* cues = chain.steps[0].find_param("cues");
  ASSERT_NE(cues, nullptr);
  EXPECT_TRUE(cues->from_default);
  EXPECT_EQ(cues->value, (ParamValue{Strings{"sagte", "so"}}));
  EXPECT_EQ(chain.steps[0].find_param("speakers"), nullptr);  // no default, not set
}

TEST(ChainListParams, EachItemThatIsNoStringIsAnErrorAtItsOwnPosition) {
  EXPECT_EQ(
      errors_of("[[step]]\nuse = \"quotes\"\nspeakers = [\"Merkel\", 2021, [\"x\"]]\n", list_plugins()),
      "news.toml:3:23: error: step 1 (quotes): item 2 of parameter 'speakers' of quotes must be a string, "
      "got an integer (2021); write it in quotes\n"
      "news.toml:3:29: error: step 1 (quotes): item 3 of parameter 'speakers' of quotes must be a string, "
      "got an array; write speakers = [\"...\", \"...\"] with strings only");
}

TEST(ChainListParams, AStringIsNotTakenAsAListOfOne) {
  EXPECT_EQ(
      errors_of("[[step]]\nuse = \"quotes\"\ncues = \"sagte|so\"\n", list_plugins()),
      "news.toml:3:8: error: step 1 (quotes): parameter 'cues' of quotes must be an array of strings, got "
      "a string (\"sagte|so\"); write cues = [\"sagte|so\"] (one string per item, in brackets)");
}

TEST(ChainListParams, AnArrayForAScalarParameterIsAWrongType) {
  EXPECT_EQ(
      errors_of("[[step]]\nuse = \"quotes\"\nmin_words = [3]\n", list_plugins()),
      "news.toml:3:13: error: step 1 (quotes): parameter 'min_words' of quotes must be an integer, got an "
      "array");
}

TEST(ChainListParams, AMissingRequiredListShowsAnArrayToAdd) {
  std::vector<PluginInfo> plugins = {
      plugin("quotes", {}, {}, {param("cues", TW_PARAM_STRING_LIST, std::nullopt, "cue verbs", true)})};
  try {
    parse_chain("[[step]]\nuse = \"quotes\"\n", "news.toml", plugins);
    FAIL() << "no error";
  } catch (const ChainError& e) {
    EXPECT_EQ(std::string(e.what()),
              "news.toml:1:1: error: step 1 (quotes): missing required parameter 'cues' (list<string>: cue "
              "verbs); add cues = [\"...\", \"...\"] to this step");
  }
}

TEST(ChainListParams, ADefaultThatIsNoArrayOfStringsBlamesThePlugin) {
  std::vector<PluginInfo> plugins = {
      plugin("quotes", {}, {}, {param("cues", TW_PARAM_STRING_LIST, "sagte|so")})};
  try {
    parse_chain("[[step]]\nuse = \"quotes\"\n", "news.toml", plugins);
    FAIL() << "no error";
  } catch (const ChainError& e) {
    EXPECT_EQ(
        std::string(e.what()),
        "news.toml:1:1: error: step 1 (quotes): plugin quotes declares default \"sagte|so\" for parameter "
        "'cues', which is not an array of strings; set cues in this step (and report the bug to the "
        "plugin's authors)");
  }
}

TEST(ChainListParams, ToTomlWritesArraysThatReadBackTheSame) {
  const Chain chain =
      parse_chain("[[step]]\nuse = \"quotes\"\nspeakers = [\"Ti\\\"tel\\\\\", \"ü\\n\", \"\"]\n",
                  "/c/news.toml", list_plugins());
  const std::string text = chain.to_toml();
  EXPECT_NE(text.find("speakers = [\"Ti\\\"tel\\\\\", \"ü\\n\", \"\"]\n"), std::string::npos) << text;
  EXPECT_NE(text.find("# cues = [\"sagte\", \"so\"]  (default)\n"), std::string::npos) << text;
  const Chain again = parse_chain(text, "/c/news.toml", list_plugins());
  EXPECT_EQ(again.steps[0].find_param("speakers")->value, (ParamValue{Strings{"Ti\"tel\\", "ü\n", ""}}));
  EXPECT_EQ(again.hash(), chain.hash());
}

}  // namespace
}  // namespace tagwerk::core
