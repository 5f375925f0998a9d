// The learned layer's classifier: it learns a separable toy problem, survives
// a save and load unchanged, and names the file and line of a broken model.
#include "linear_model.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <string>

namespace st = tagwerk::sentiment;
using st::LinearModel;

namespace {

st::Features words(std::initializer_list<const char*> ws) {
  st::Features x{{"rule:bias", 1.f}};
  for (const char* w : ws) x.emplace_back(std::string("s:") + w, 1.f);
  return x;
}

}  // namespace

TEST(LinearModel, LearnsAndRoundTrips) {
  const std::vector<st::Features> xs{words({"great"}),          words({"awful"}),          words({"table"}),
                                     words({"great", "table"}), words({"awful", "table"}), words({"chair"})};
  const std::vector<int> ys{LinearModel::kPos, LinearModel::kNeg, LinearModel::kNeu,
                            LinearModel::kPos, LinearModel::kNeg, LinearModel::kNeu};
  const LinearModel m = LinearModel::train(xs, ys, 20, 0.5, 1e-4);
  for (std::size_t i = 0; i < xs.size(); ++i) {
    const auto p = m.predict(xs[i]);
    EXPECT_GT(p[ys[i]], 0.5) << "example " << i;
    EXPECT_NEAR(p[0] + p[1] + p[2], 1.0, 1e-9);
  }
  const std::string path = ::testing::TempDir() + "toy.model";
  m.save(path, {"toy"});
  const LinearModel back = LinearModel::load(path);
  EXPECT_EQ(back.size(), m.size());
  const auto a = m.predict(words({"great"})), b = back.predict(words({"great"}));
  EXPECT_NEAR(a[0], b[0], 1e-3);  // five significant digits on disk
}

TEST(LinearModel, ABrokenLineNamesFileAndLine) {
  const std::string path = ::testing::TempDir() + "broken.model";
  std::ofstream(path) << "# header\ns:good\t1\t-1\t0\ns:bad\t1\tx\t0\n";
  try {
    LinearModel::load(path);
    FAIL() << "a broken weight was accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("broken.model:3:"), std::string::npos) << e.what();
  }
}
