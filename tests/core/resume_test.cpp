// Resume's pieces: trimming a partial output to its complete records,
// fingerprinting the inputs, reading a saved state.
#include <tagwerk/core/error.hpp>
#include <tagwerk/core/resume.hpp>

#include "io_test_support.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

namespace fs = std::filesystem;
using namespace tagwerk::core;

namespace {
using ResumeTest = tagwerk::core::test::TempDirTest;
std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}
}  // namespace

TEST_F(ResumeTest, TrimmingCountsCompleteRecordsAndCutsATornLastLine) {
  const std::string complete =
      "{\"id\":\"a\",\"errors\":[],\"warnings\":[]}\n"
      "{\"id\":\"b\",\"errors\":[{\"plugin\":\"x\",\"message\":\"\\\"errors\\\":[]\"}],\"warnings\":[]}\n"
      "{\"id\":\"c\",\"meta\":{\"errors\":[1]},\"errors\":[],\"warnings\":[{\"plugin\":\"input\",\"message\":"
      "\"m\"}]}\n";
  const fs::path p = write("out.partial", complete + "{\"id\":\"d\",\"err");
  const PartialOutput out = trim_partial_output(p);
  EXPECT_EQ(out.records, 3u);
  EXPECT_EQ(out.records_with_errors, 1u);
  EXPECT_EQ(out.records_with_warnings, 1u);
  EXPECT_EQ(out.torn_bytes, 14u);
  EXPECT_EQ(slurp(p), complete);
  EXPECT_EQ(trim_partial_output(p).torn_bytes, 0u) << "nothing more to cut";
  EXPECT_THROW(trim_partial_output(dir_ / "missing"), SetupError);
}

TEST_F(ResumeTest, InputIdentityChangesWithTheInputAndIsEmptyForStandardInput) {
  InputOptions in;
  in.paths = {write("a.jsonl", "{}\n")};
  const std::string before = input_identity(in);
  EXPECT_NE(before.find("a.jsonl 3 bytes"), std::string::npos) << before;
  EXPECT_EQ(input_identity(in), before);
  write("a.jsonl", "{}\n{}\n");
  EXPECT_NE(input_identity(in), before);
  in.paths.push_back("-");
  EXPECT_EQ(input_identity(in), "");
}

TEST_F(ResumeTest, ReadsTheStateFieldsOfAManifestAndRefusesOtherFiles) {
  const fs::path m = write(
      "m.json", R"({"status": "interrupted", "chain_hash": "abc", "input": {"identity": "x 1 bytes 2"}})");
  const ResumeState st = read_resume_state(m);
  EXPECT_EQ(st.status, "interrupted");
  EXPECT_EQ(st.chain_hash, "abc");
  EXPECT_EQ(st.input_identity, "x 1 bytes 2");
  EXPECT_THROW(read_resume_state(write("bad.json", "{\"status\": 1}")), SetupError);
  EXPECT_THROW(read_resume_state(dir_ / "none.json"), SetupError);
}
