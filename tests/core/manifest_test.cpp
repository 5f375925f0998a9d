// The run manifest: the data files each plugin loaded, with size and SHA-256,
// as a user reads them in the JSON.
#include <tagwerk/core/manifest.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace tagwerk::core {
namespace {

namespace fs = std::filesystem;

// A scratch folder that is removed with the object.
class ScratchDir {
 public:
  ScratchDir()
      : path_(fs::temp_directory_path() / ("tagwerk-manifest-" + std::to_string(std::random_device{}()))) {
    fs::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  fs::path write(const std::string& name, const std::string& content) const {
    std::ofstream(path_ / name, std::ios::binary) << content;
    return path_ / name;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

PluginInfo plugin(std::string name) {
  PluginInfo info;
  info.name = std::move(name);
  info.version = "1.0.0";
  return info;
}

StepStats step_stats(std::string name) {
  StepStats s;
  s.plugin = std::move(name);
  s.version = "1.0.0";
  s.abi_major = 2;
  return s;
}

TEST(DataFileRecord, HasSizeAndSha256OfTheContent) {
  ScratchDir dir;
  const DataFileRecord r = describe_data_file(dir.write("abc.txt", "abc"));
  EXPECT_EQ(r.path, dir.path() / "abc.txt");
  EXPECT_EQ(r.bytes, 3u);
  EXPECT_EQ(r.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(r.error.empty());
}

TEST(DataFileRecord, ALargeFileIsHashedWhole) {
  ScratchDir dir;
  const DataFileRecord r = describe_data_file(dir.write("a.bin", std::string(1000000, 'a')));
  EXPECT_EQ(r.bytes, 1000000u);
  EXPECT_EQ(r.sha256, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(DataFileRecord, AMissingFileSaysSo) {
  ScratchDir dir;
  const DataFileRecord r = describe_data_file(dir.path() / "gone.txt");
  EXPECT_TRUE(r.sha256.empty());
  EXPECT_EQ(r.error, "no longer exists");
}

TEST(Manifest, ListsEachPluginsDataFilesWithPathSha256AndBytes) {
  ScratchDir dir;
  const std::vector<PluginInfo> plugins = {plugin("segment"), plugin("timeline")};
  const Chain chain = parse_chain("[[step]]\nuse = \"segment\"\n[[step]]\nuse = \"timeline\"\n",
                                  dir.path() / "chain.toml", plugins);
  RunStats stats;
  stats.steps = {step_stats("segment"), step_stats("timeline")};
  ManifestContext context;
  const fs::path abc = dir.write("abbrev.txt", "abc");
  const fs::path empty = dir.write("empty.txt", "");
  context.data_files = {{abc, empty}, {}};

  const std::string json = manifest_json(chain, stats, context);
  EXPECT_NE(json.find("\"name\": \"segment\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"data_files\": [{\"path\": \"" + abc.string() +
                      "\", \"sha256\": \"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\", "
                      "\"bytes\": 3}, {\"path\": \"" +
                      empty.string() +
                      "\", \"sha256\": \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\", "
                      "\"bytes\": 0}]}"),
            std::string::npos)
      << json;
  // timeline loaded nothing: an empty list, not a missing key.
  const auto timeline = json.find("\"name\": \"timeline\"");
  ASSERT_NE(timeline, std::string::npos);
  EXPECT_NE(json.find("\"data_files\": []}", timeline), std::string::npos) << json;
}

TEST(Manifest, AFileGoneSinceTheRunStartedIsRecordedWithTheReason) {
  ScratchDir dir;
  const std::vector<PluginInfo> plugins = {plugin("segment")};
  const Chain chain = parse_chain("[[step]]\nuse = \"segment\"\n", dir.path() / "chain.toml", plugins);
  RunStats stats;
  stats.steps = {step_stats("segment")};
  ManifestContext context;
  context.data_files = {{dir.path() / "gone.txt"}};
  const std::string json = manifest_json(chain, stats, context);
  EXPECT_NE(json.find("\"data_files\": [{\"path\": \"" + (dir.path() / "gone.txt").string() +
                      "\", \"sha256\": null, \"bytes\": null, \"error\": \"no longer exists\"}]}"),
            std::string::npos)
      << json;
}

}  // namespace
}  // namespace tagwerk::core
