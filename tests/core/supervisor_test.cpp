// The run in supervised worker processes, through the library: the same
// records, counts and output as the threaded run, per-step times that reach
// the caller, a crashing plugin contained, a stop flag, an error budget and
// skipped records for resume.
#include <tagwerk/core/chain.hpp>
#include <tagwerk/core/input.hpp>
#include <tagwerk/core/output.hpp>
#include <tagwerk/core/pipeline.hpp>
#include <tagwerk/core/plugin_registry.hpp>

#include <gtest/gtest.h>

#include <csignal>

namespace fs = std::filesystem;
using namespace tagwerk::core;

namespace {

// `count` records "doc<i>"; the texts of those in `crash` hold the faulty plugin's trigger.
class Generated : public RecordReader {
 public:
  explicit Generated(std::size_t count, std::vector<std::size_t> crash = {}) : count_(count), crash_(crash) {}
  bool next(Document& out) override {
    if (read_ == count_) return false;
    out = Document();
    out.id = "doc" + std::to_string(read_);
    out.text = "eins zwei drei " + std::to_string(read_);
    if (std::find(crash_.begin(), crash_.end(), read_) != crash_.end()) out.text += " CRASHME";
    if (read_ % 7 == 6) out.text += " BOOM";
    ++read_;
    return true;
  }
  std::uint64_t bytes_consumed() const override { return read_; }
  std::optional<std::uint64_t> total_bytes() const override { return std::nullopt; }

 private:
  std::size_t count_, read_ = 0;
  std::vector<std::size_t> crash_;
};

struct Collected {
  std::vector<std::string> ids, lines;
  RunStats stats;
};

class SupervisorTest : public ::testing::Test {
 protected:
  void SetUp() override { registry_.scan({fs::path(TAGWERK_BINARY_DIR) / "tests" / "fixture-plugins"}); }
  Collected run(const std::string& toml, RecordReader& reader, RunOptions options) {
    const Chain c = parse_chain(toml, "supervisor.toml", registry_.plugins());
    Pipeline pipeline(c, registry_);
    Collected out;
    out.stats = pipeline.run(
        reader, [](const Document& d, std::string& s) { append_json_record(s, d, OffsetUnit::codepoints); },
        [&](const Document& d, std::string_view line) {
          out.ids.push_back(d.id);
          out.lines.emplace_back(line);
        },
        options);
    return out;
  }
  PluginRegistry registry_;
};

constexpr const char* kChain = "[[step]]\nuse = \"tw-words\"\n\n[[step]]\nuse = \"tw-throws\"\n";
constexpr const char* kFaultyChain =
    "[[step]]\nuse = \"tw-words\"\n\n[[step]]\nuse = \"faulty\"\ncrash_on = \"CRASHME\"\n";

RunOptions processes(unsigned workers) {
  RunOptions o;
  o.isolation = Isolation::process;
  o.threads = workers;
  return o;
}

}  // namespace

TEST_F(SupervisorTest, WorkersWriteWhatThreadsWriteWithTheSameCountsAndStepTimes) {
  Generated a(700), b(700);
  Collected p = run(kChain, a, processes(2));
  RunOptions threads;
  threads.threads = 2;
  Collected t = run(kChain, b, threads);
  ASSERT_EQ(p.lines.size(), 700u);
  EXPECT_EQ(p.lines, t.lines);
  EXPECT_EQ(p.ids, t.ids);
  EXPECT_EQ(p.stats.records, 700u);
  EXPECT_EQ(p.stats.records_with_errors, t.stats.records_with_errors);
  EXPECT_EQ(p.stats.records_with_errors, 100u);
  ASSERT_EQ(p.stats.steps.size(), 2u);
  EXPECT_EQ(p.stats.steps[0].documents, 700u);
  EXPECT_EQ(p.stats.steps[1].failures, 100u);
  EXPECT_GT(p.stats.steps[0].seconds, 0.0);
  EXPECT_EQ(p.stats.worker_restarts, 0u);
}

TEST_F(SupervisorTest, ACrashFailsOnlyItsRecordAndTheWorkerIsReplaced) {
  Generated reader(200, {3, 4, 150});
  Collected out = run(kFaultyChain, reader, processes(2));
  ASSERT_EQ(out.lines.size(), 200u);
  for (std::size_t i = 0; i < 200; ++i) {
    ASSERT_EQ(out.ids[i], "doc" + std::to_string(i));
    const bool faulty = i == 3 || i == 4 || i == 150;
    // (Under ASan the crash is ASan's report and exit 1: the record names the step either way.)
    EXPECT_EQ(out.lines[i].find("step 2 (faulty)") != std::string::npos, faulty) << out.lines[i];
  }
  EXPECT_EQ(out.stats.records_with_errors, 3u);
  EXPECT_EQ(out.stats.worker_restarts, 6u) << "each crash once, and once more when retried";
  EXPECT_EQ(out.stats.steps[1].failures, 3u);
}

TEST_F(SupervisorTest, SkippedRecordsAreReadButNotWritten) {
  Generated reader(50);
  RunOptions o = processes(1);
  o.skip_records = 20;
  Collected out = run(kChain, reader, o);
  ASSERT_EQ(out.ids.size(), 30u);
  EXPECT_EQ(out.ids.front(), "doc20");
  EXPECT_EQ(out.stats.skipped, 20u);
}

TEST_F(SupervisorTest, TheErrorBudgetStopsTheRunAfterTheRecordThatExceedsIt) {
  for (Isolation mode : {Isolation::process, Isolation::none}) {
    Generated reader(500);
    RunOptions o = processes(2);
    o.isolation = mode;
    o.max_errors.count = 3;
    Collected out = run(kChain, reader, o);
    EXPECT_EQ(out.stats.end, RunStats::End::error_budget);
    ASSERT_EQ(out.ids.size(), 28u) << "doc27 is the fourth BOOM";
    EXPECT_EQ(out.ids.back(), "doc27");
    EXPECT_NE(out.stats.stop_reason.find("more than --max-errors 3 allows"), std::string::npos);
  }
}

TEST_F(SupervisorTest, AStopFlagEndsTheRunWithAPrefixOfTheOutput) {
  for (Isolation mode : {Isolation::process, Isolation::none}) {
    static volatile std::sig_atomic_t flag = 0;
    flag = 0;
    Generated reader(100000);
    RunOptions o = processes(2);
    o.isolation = mode;
    o.stop = &flag;
    o.on_progress = [](const RunStats& s) {
      if (s.records == 100) flag = SIGTERM;
    };
    Collected out = run(kChain, reader, o);
    EXPECT_EQ(out.stats.end, RunStats::End::interrupted);
    EXPECT_EQ(out.stats.signal, SIGTERM);
    EXPECT_GE(out.ids.size(), 100u);
    EXPECT_LT(out.ids.size(), 1000u);
    for (std::size_t i = 0; i < out.ids.size(); ++i) ASSERT_EQ(out.ids[i], "doc" + std::to_string(i));
  }
}

TEST(ErrorBudget, ParsesCountsAndPercentages) {
  EXPECT_EQ(ErrorBudget::parse("12")->count, 12u);
  EXPECT_DOUBLE_EQ(*ErrorBudget::parse("2.5%")->percent, 2.5);
  EXPECT_FALSE(ErrorBudget::parse("").has_value());
  EXPECT_FALSE(ErrorBudget::parse("%").has_value());
  EXPECT_FALSE(ErrorBudget::parse("101%").has_value());
  EXPECT_FALSE(ErrorBudget::parse("-1").has_value());
  EXPECT_FALSE(ErrorBudget::parse("3x").has_value());
  const ErrorBudget pct = *ErrorBudget::parse("10%");
  EXPECT_FALSE(pct.exceeded(50, 99, false)) << "not judged before 100 records";
  EXPECT_TRUE(pct.exceeded(11, 100, false));
  EXPECT_FALSE(pct.exceeded(10, 100, false));
  EXPECT_TRUE(pct.exceeded(2, 10, true)) << "judged at the end of a small run";
  EXPECT_FALSE(ErrorBudget().exceeded(1000, 1000, true));
}
