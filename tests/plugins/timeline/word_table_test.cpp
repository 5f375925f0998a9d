// The rules' word ids by folded text: one-byte words, short and long ones, misses.
#include <gtest/gtest.h>

#include <string_view>
#include <utility>
#include <vector>

#include "word_table.hpp"

using namespace tagwerk::timeline;

TEST(WordTable, AnEmptyTableFindsNoWordOfAnyLength) {
  // Its tables have their full size before any build (the lookup tests for no emptiness):
  // never built, or built from no words, every word of every length is a miss.
  WordTable never_built;
  WordTable built_empty;
  built_empty.build({});
  for (std::string_view w : {"", ".", "am", "the", "today", "vergangenen", "vergangenheitsbewaeltigung"}) {
    EXPECT_EQ(never_built.find(w), -1) << w;
    EXPECT_EQ(built_empty.find(w), -1) << w;
  }
}

TEST(WordTable, FindsEveryWordAndNothingElse) {
  const std::vector<std::pair<std::string_view, std::uint32_t>> words = {
      {".", 0}, {"a", 1}, {"am", 2}, {"the", 3}, {"today", 4}, {"vergangenen", 5}};
  WordTable table;
  table.build(words);
  for (const auto& [w, id] : words) EXPECT_EQ(table.find(w), static_cast<int>(id)) << w;
  for (std::string_view miss : {",", "b", "an", "thee", "tod", "vergangene", "vergangenes", ""})
    EXPECT_EQ(table.find(miss), -1) << miss;
  // Two-byte words are read from their own table: every other pair of bytes is none.
  for (std::string_view miss : {"ma", "a.", ".a", "aa", "th"}) EXPECT_EQ(table.find(miss), -1) << miss;
  WordTable empty;
  EXPECT_EQ(empty.find("am"), -1);
  EXPECT_EQ(empty.find("."), -1);
  EXPECT_EQ(empty.find("the"), -1);
}
