// The parallel pipeline: every record comes out once, in input order, with a
// bounded number in flight, and a failing plugin fails only its record.
#include <tagwerk/core/chain.hpp>
#include <tagwerk/core/input.hpp>
#include <tagwerk/core/pipeline.hpp>
#include <tagwerk/core/plugin_registry.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>

namespace fs = std::filesystem;
using namespace tagwerk::core;

namespace {

// Generates `count` records; every `unreadable_every`-th is a broken line.
class GeneratedReader : public RecordReader {
 public:
  GeneratedReader(std::size_t count, std::size_t unreadable_every = 0)
      : count_(count), unreadable_every_(unreadable_every) {}
  bool next(Document& out) override {
    if (read_ == count_) return false;
    out = Document();
    out.id = "doc" + std::to_string(read_);
    const bool broken = unreadable_every_ != 0 && read_ % unreadable_every_ == unreadable_every_ - 1;
    if (broken) {
      out.unreadable = true;
      out.add_error("input", "broken line");
    } else {
      out.text = (read_ % 3 == 2 ? "BOOM " : "") + std::string("ein zwei drei ") + std::to_string(read_);
    }
    ++read_;
    return true;
  }
  std::uint64_t bytes_consumed() const override { return read_; }
  std::optional<std::uint64_t> total_bytes() const override { return count_; }
  std::size_t read() const { return read_; }

 private:
  std::size_t count_;
  std::size_t unreadable_every_;
  std::atomic<std::size_t> read_{0};
};

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    registry_.scan({fs::path(TAGWERK_BINARY_DIR) / "tests" / "fixture-plugins"});
    available_ = registry_.plugins();
  }
  Chain chain(const std::string& toml) { return parse_chain(toml, "pipeline.toml", available_); }

  PluginRegistry registry_;
  std::vector<PluginInfo> available_;
};

}  // namespace

TEST_F(PipelineTest, EveryRecordOnceInInputOrderWithBoundedRecordsInFlight) {
  const Chain c = chain("[[step]]\nuse = \"tw-words\"\n");
  Pipeline pipeline(c, registry_);
  GeneratedReader reader(5000);
  std::vector<std::string> ids;
  std::size_t most_in_flight = 0;
  RunOptions options;
  options.threads = 4;
  RunStats stats = pipeline.run(
      reader, nullptr,
      [&](const Document& doc, std::string_view) {
        ids.push_back(doc.id);
        most_in_flight = std::max(most_in_flight, reader.read() - ids.size());
        EXPECT_EQ(doc.find_layer("word")->size(), doc.text.starts_with("BOOM") ? 5u : 4u) << doc.id;
      },
      options);
  ASSERT_EQ(ids.size(), 5000u);
  for (std::size_t i = 0; i < ids.size(); ++i) ASSERT_EQ(ids[i], "doc" + std::to_string(i));
  EXPECT_EQ(stats.records, 5000u);
  EXPECT_EQ(stats.records_with_errors, 0u);
  EXPECT_EQ(stats.threads, 4u);
  // Four records per thread at most between reading and writing: memory does
  // not depend on the length of the input.
  EXPECT_LE(most_in_flight, 16u);
}

TEST_F(PipelineTest, AFailingStepFailsItsRecordAndSkipsTheLaterSteps) {
  const Chain c =
      chain("[[step]]\nuse = \"tw-words\"\n\n[[step]]\nuse = \"tw-throws\"\n\n[[step]]\nuse = \"tw-c\"\n");
  Pipeline pipeline(c, registry_);
  GeneratedReader reader(30, 10);
  std::vector<Document> out;
  RunOptions options;
  options.threads = 2;
  RunStats stats = pipeline.run(
      reader, [](const Document& doc, std::string& formatted) { formatted = doc.id + "!"; },
      [&](const Document& doc, std::string_view formatted) {
        EXPECT_EQ(formatted, doc.id + "!");  // formatted on a worker, handed over intact
        Document copy;
        copy.id = doc.id;
        copy.errors = doc.errors;
        copy.unreadable = doc.unreadable;
        if (doc.find_layer("line") != nullptr) copy.layer("line");
        out.push_back(std::move(copy));
      },
      options);
  ASSERT_EQ(out.size(), 30u);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const Document& d = out[i];
    if (i % 10 == 9) {  // unreadable: no plugin ran
      EXPECT_TRUE(d.unreadable);
      ASSERT_EQ(d.errors.size(), 1u);
      EXPECT_EQ(d.errors[0].plugin, "input");
    } else if (i % 3 == 2) {  // "BOOM": tw-throws failed, tw-c skipped
      ASSERT_EQ(d.errors.size(), 2u) << d.id;
      EXPECT_EQ(d.errors[0].plugin, "tw-throws");
      EXPECT_EQ(d.errors[1].plugin, "host");
      EXPECT_EQ(d.errors[1].message,
                "step 2 (tw-throws) failed, so the later steps did not run on this record: tw-c");
      EXPECT_EQ(d.find_layer("line"), nullptr);
    } else {
      EXPECT_TRUE(d.errors.empty()) << d.id;
      EXPECT_NE(d.find_layer("line"), nullptr);
    }
  }
  EXPECT_EQ(stats.unreadable, 3u);
  const auto steps = pipeline.step_stats();
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps[1].plugin, "tw-throws");
  EXPECT_EQ(steps[1].failures, 9u);  // records 2, 5, 8, 11, 14, 17, 20, 23, 26 (29 is unreadable)
  EXPECT_EQ(steps[2].documents, 27u - 9u);
}
