// End-to-end: a run stopped by SIGTERM, or past its error budget, leaves its
// partial output and state; --resume continues it into the same output as an
// uninterrupted run; outputs that would destroy an input, plugins others may
// write to and small input mistakes are refused or handled.
#include "run_test_support.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <chrono>
#include <csignal>
#include <fstream>
#include <string>
#include <thread>

using namespace tagwerk::test;
namespace fs = std::filesystem;

namespace {

constexpr const char* kSlowChain = R"([[step]]
use = "tw-words"

[[step]]
use = "faulty"
slow_ms = 3
)";

class StopResume : public ::testing::TestWithParam<const char*> {};

TEST_P(StopResume, SigtermMidRunThenResumeGivesTheOutputOfAnUninterruptedRun) {
  const std::string isolation = GetParam();
  CliRunner cli;
  cli.write("in.jsonl", corpus(1000, {{5, "BOOM"}}));
  cli.write("slow.toml", kSlowChain);
  CliResult whole = cli.run("run -c slow.toml in.jsonl -o whole.jsonl -j 2 --isolation " + isolation);
  ASSERT_EQ(whole.exit_code, 0) << whole.err;
  const std::string expected = slurp(cli.dir() / "whole.jsonl");
  ASSERT_EQ(lines(expected).size(), 1000u);

  const pid_t pid = start_tagwerk(cli.dir(), {"run", "-c", "slow.toml", "in.jsonl", "-o", "out.jsonl", "-j",
                                              "2", "--isolation", isolation});
  const fs::path partial = cli.dir() / "out.jsonl.partial";
  for (int i = 0; i < 2000 && lines(slurp(partial)).size() < 100; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ::kill(pid, SIGTERM);
  EXPECT_EQ(wait_tagwerk(pid), 143) << slurp(cli.dir() / "stderr.txt");
  EXPECT_FALSE(fs::exists(cli.dir() / "out.jsonl"));
  const std::string part = slurp(partial);
  const auto kept = lines(part);
  ASSERT_GE(kept.size(), 100u);
  ASSERT_LT(kept.size(), 1000u);
  EXPECT_EQ(part, expected.substr(0, part.size())) << "the partial output is a prefix of the whole";
  const std::string state = slurp(cli.dir() / "out.jsonl.partial.manifest.json");
  EXPECT_NE(state.find("\"status\": \"interrupted\""), std::string::npos) << state;
  EXPECT_NE(slurp(cli.dir() / "stderr.txt").find("continue with --resume"), std::string::npos);

  // A run killed while writing leaves a torn last line: resume drops it.
  std::ofstream(partial, std::ios::app) << "{\"id\":\"torn";
  CliResult resumed =
      cli.run("run -c slow.toml in.jsonl -o out.jsonl -j 2 --resume --isolation " + isolation);
  EXPECT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_NE(resumed.err.find("a torn last line of 11 bytes dropped"), std::string::npos) << resumed.err;
  EXPECT_EQ(slurp(cli.dir() / "out.jsonl"), expected);
  EXPECT_FALSE(fs::exists(partial));
  EXPECT_FALSE(fs::exists(cli.dir() / "out.jsonl.partial.manifest.json"));
}

INSTANTIATE_TEST_SUITE_P(Isolation, StopResume, ::testing::Values("process", "none"));

TEST(Resume, ARunKilledOutrightIsResumedFromItsPartialOutput) {
  CliRunner cli;
  cli.write("in.jsonl", corpus(600));
  cli.write("slow.toml", kSlowChain);
  CliResult nothing = cli.run("run -c slow.toml in.jsonl -o out.jsonl --resume");
  EXPECT_EQ(nothing.exit_code, 2);
  EXPECT_NE(nothing.err.find("run again without --resume"), std::string::npos) << nothing.err;

  CliResult whole = cli.run("run -c slow.toml in.jsonl -o whole.jsonl -j 2");
  ASSERT_EQ(whole.exit_code, 0) << whole.err;
  const pid_t pid =
      start_tagwerk(cli.dir(), {"run", "-c", "slow.toml", "in.jsonl", "-o", "out.jsonl", "-j", "2"});
  const fs::path partial = cli.dir() / "out.jsonl.partial";
  for (int i = 0; i < 2000 && lines(slurp(partial)).size() < 50; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ::kill(pid, SIGKILL);  // no chance to write anything more: the state still says "running"
  wait_tagwerk(pid);
  EXPECT_NE(slurp(cli.dir() / "out.jsonl.partial.manifest.json").find("\"status\": \"running\""),
            std::string::npos);
  CliResult resumed = cli.run("run -c slow.toml in.jsonl -o out.jsonl -j 2 --resume");
  EXPECT_EQ(resumed.exit_code, 0) << resumed.err;
  EXPECT_EQ(slurp(cli.dir() / "out.jsonl"), slurp(cli.dir() / "whole.jsonl"));

  CliResult stdin_resume = cli.run("run -c slow.toml - -o again.jsonl --resume");
  EXPECT_EQ(stdin_resume.exit_code, 2);
  EXPECT_NE(stdin_resume.err.find("cannot continue a run over standard input"), std::string::npos)
      << stdin_resume.err;
}

TEST(Resume, RefusesWhenTheChainOrInputDiffersFromTheStoppedRun) {
  CliRunner cli;
  cli.write("in.jsonl", corpus(300, {{2, "BOOM"}, {3, "BOOM"}}));
  cli.write("chain.toml", "[[step]]\nuse = \"tw-words\"\n\n[[step]]\nuse = \"tw-throws\"\n");
  cli.write("other.toml", "[[step]]\nuse = \"tw-words\"\nmin_length = 4\n\n[[step]]\nuse = \"tw-throws\"\n");
  CliResult stopped = cli.run("run -c chain.toml in.jsonl -o out.jsonl --max-errors 1");
  EXPECT_EQ(stopped.exit_code, 3) << stopped.err;
  EXPECT_NE(stopped.err.find("more than --max-errors 1 allows"), std::string::npos) << stopped.err;
  EXPECT_EQ(lines(slurp(cli.dir() / "out.jsonl.partial")).size(), 4u);
  EXPECT_NE(slurp(cli.dir() / "out.jsonl.partial.manifest.json").find("\"status\": \"stopped\""),
            std::string::npos);

  CliResult other = cli.run("run -c other.toml in.jsonl -o out.jsonl --resume");
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_NE(other.err.find("used another chain"), std::string::npos) << other.err;

  cli.write("in.jsonl", corpus(301));
  CliResult changed = cli.run("run -c chain.toml in.jsonl -o out.jsonl --resume");
  EXPECT_EQ(changed.exit_code, 2);
  EXPECT_NE(changed.err.find("the input changed"), std::string::npos) << changed.err;
}

TEST(ErrorBudget, APercentageStopsTheRunWithExit3) {
  CliRunner cli;
  std::vector<std::pair<std::size_t, std::string>> booms;
  // Every tenth record, the tenth of each ten: never more than 10 % of those written so far.
  for (std::size_t i = 9; i < 1000; i += 10) booms.emplace_back(i, "BOOM");
  cli.write("in.jsonl", corpus(1000, booms));
  cli.write("chain.toml", "[[step]]\nuse = \"tw-words\"\n\n[[step]]\nuse = \"tw-throws\"\n");
  CliResult ok = cli.run("run -c chain.toml in.jsonl --max-errors 10% -q");
  EXPECT_EQ(ok.exit_code, 1) << "10 % of the records fail: within the budget; " << ok.err;
  EXPECT_EQ(lines(ok.out).size(), 1000u);
  CliResult over = cli.run("run -c chain.toml in.jsonl --max-errors 5%");
  EXPECT_EQ(over.exit_code, 3) << over.err;
  EXPECT_EQ(lines(over.out).size(), 100u) << "judged once 100 records are written";
  CliResult bad = cli.run("run -c chain.toml in.jsonl --max-errors lots");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("must be a count (e.g. 100) or a percentage"), std::string::npos) << bad.err;
}

TEST(SafeOutput, AnOutputNamingAnInputIsRefusedAndTheInputKept) {
  CliRunner cli;
  const std::string input = corpus(5);
  cli.write("in.jsonl", input);
  cli.write("chain.toml", "[[step]]\nuse = \"tw-words\"\n");
  CliResult r = cli.run("run -c chain.toml in.jsonl -o ./in.jsonl");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("would destroy the input before it is read"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(cli.dir() / "in.jsonl"), input);
}

TEST(SafeOutput, ABadManifestPathIsRefusedBeforeTheRun) {
  CliRunner cli;
  cli.write("in.jsonl", corpus(5));
  cli.write("chain.toml", "[[step]]\nuse = \"tw-words\"\n");
  CliResult r = cli.run("run -c chain.toml in.jsonl -o out.jsonl --manifest no/such/folder/m.json");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(
      r.err.find("--manifest 'no/such/folder/m.json' cannot be written: its folder 'no/such/folder' does "
                 "not exist"),
      std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(cli.dir() / "out.jsonl.partial"));
  EXPECT_FALSE(fs::exists(cli.dir() / "out.jsonl"));
}

TEST(PluginSafety, AFolderOthersMayWriteToIsRefusedWithTheFix) {
  CliRunner cli;
  const fs::path open_dir = cli.dir() / "open";
  fs::create_directories(open_dir);
  fs::copy_file(fs::path(TAGWERK_FIXTURE_PLUGIN_DIR) / "tw-words.so", open_dir / "tw-words.so");
  ::chmod(open_dir.c_str(), 0777);
  CliResult r = cli.run("plugins -P open");
  EXPECT_NE(r.err.find("open: refused: this plugin folder can be written by every user (mode 0777)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("chmod go-w " + open_dir.string()), std::string::npos) << r.err;
  ::chmod(open_dir.c_str(), 0755);
  ::chmod((open_dir / "tw-words.so").c_str(), 0666);
  CliResult lib = cli.run("plugins -P open");
  EXPECT_NE(lib.err.find("tw-words.so: refused: this plugin library can be written by every user"),
            std::string::npos)
      << lib.err;
  CliResult allowed = cli.run("plugins -P open --allow-insecure-plugins");
  EXPECT_EQ(allowed.err.find("refused"), std::string::npos) << allowed.err;
}

TEST(InputFixes, AByteOrderMarkAndAMissingIdAreHandled) {
  CliRunner cli;
  cli.write("in.jsonl", "\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"Hallo Welt\"}\n{\"text\":\"no id here\"}\n");
  cli.write("chain.toml", "[[step]]\nuse = \"tw-words\"\n");
  CliResult r = cli.run("run -c chain.toml in.jsonl");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto out = lines(r.out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(Record(out[0]).id(), "a");
  EXPECT_EQ(Record(out[0]).errors(), 0u) << out[0];
  EXPECT_EQ(Record(out[1]).id(), "in.jsonl:2") << out[1];
}

TEST(InputFixes, AMissingPluginFolderAndAMissingInputAreClearErrors) {
  CliRunner cli;
  CliResult p = cli.run("run -P no-such-folder x.jsonl");
  EXPECT_EQ(p.exit_code, 2);
  EXPECT_NE(p.err.find("--plugin-path 'no-such-folder' is not a folder (it does not exist)"),
            std::string::npos)
      << p.err;
  cli.write("chain.toml", "[[step]]\nuse = \"tw-words\"\n");
  CliResult i = cli.run("run -c chain.toml missing.jsonl");
  EXPECT_EQ(i.exit_code, 2);
  EXPECT_NE(i.err.find("relative paths on the command line are resolved against the current folder"),
            std::string::npos)
      << i.err;
}

}  // namespace
