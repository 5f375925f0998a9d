// Resume's pieces: trimming a partial output to its complete records,
// fingerprinting the inputs, reading a saved state.
#include <tagwerk/core/error.hpp>
#include <tagwerk/core/resume.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

namespace fs = std::filesystem;
using namespace tagwerk::core;

namespace {
struct Scratch {
  Scratch() : dir(fs::temp_directory_path() / ("tagwerk-resume-" + std::to_string(std::random_device()()))) {
    fs::create_directories(dir);
  }
  ~Scratch() { fs::remove_all(dir); }
  fs::path write(const std::string& name, const std::string& content) const {
    std::ofstream(dir / name, std::ios::binary) << content;
    return dir / name;
  }
  fs::path dir;
};
std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TEST(TrimPartialOutput, CountsCompleteRecordsAndCutsATornLastLine) {
  Scratch s;
  const std::string complete =
      "{\"id\":\"a\",\"errors\":[],\"warnings\":[]}\n"
      "{\"id\":\"b\",\"errors\":[{\"plugin\":\"x\",\"message\":\"\\\"errors\\\":[]\"}],\"warnings\":[]}\n"
      "{\"id\":\"c\",\"meta\":{\"errors\":[1]},\"errors\":[],\"warnings\":[{\"plugin\":\"input\",\"message\":"
      "\"m\"}]}\n";
  const fs::path p = s.write("out.partial", complete + "{\"id\":\"d\",\"err");
  const PartialOutput out = trim_partial_output(p);
  EXPECT_EQ(out.records, 3u);
  EXPECT_EQ(out.records_with_errors, 1u);
  EXPECT_EQ(out.records_with_warnings, 1u);
  EXPECT_EQ(out.torn_bytes, 14u);
  EXPECT_EQ(slurp(p), complete);
  EXPECT_EQ(trim_partial_output(p).torn_bytes, 0u) << "nothing more to cut";
  EXPECT_THROW(trim_partial_output(s.dir / "missing"), SetupError);
}

TEST(InputIdentity, ChangesWithTheInputAndIsEmptyForStandardInput) {
  Scratch s;
  InputOptions in;
  in.paths = {s.write("a.jsonl", "{}\n").string()};
  const std::string before = input_identity(in);
  EXPECT_NE(before.find("a.jsonl 3 bytes"), std::string::npos) << before;
  EXPECT_EQ(input_identity(in), before);
  s.write("a.jsonl", "{}\n{}\n");
  EXPECT_NE(input_identity(in), before);
  in.paths.push_back("-");
  EXPECT_EQ(input_identity(in), "");
}

TEST(ResumeState, ReadsTheFieldsOfAManifestAndRefusesOtherFiles) {
  Scratch s;
  const fs::path m = s.write(
      "m.json", R"({"status": "interrupted", "chain_hash": "abc", "input": {"identity": "x 1 bytes 2"}})");
  const ResumeState st = read_resume_state(m);
  EXPECT_EQ(st.status, "interrupted");
  EXPECT_EQ(st.chain_hash, "abc");
  EXPECT_EQ(st.input_identity, "x 1 bytes 2");
  EXPECT_THROW(read_resume_state(s.write("bad.json", "{\"status\": 1}")), SetupError);
  EXPECT_THROW(read_resume_state(s.dir / "none.json"), SetupError);
}
