// Calendar arithmetic behind TIMEX3 values.
#include <gtest/gtest.h>

#include "calendar.hpp"

using namespace tagwerk::timeline;

TEST(Calendar, WeekdaysAndIsoWeeks) {
  EXPECT_EQ(weekday(Date{2017, 7, 9}), 7);
  EXPECT_EQ(weekday(Date{1970, 1, 1}), 4);
  int wy = 0, w = 0;
  iso_week(Date{2017, 7, 9}, wy, w);
  EXPECT_EQ(wy, 2017);
  EXPECT_EQ(w, 27);
  iso_week(Date{2021, 1, 1}, wy, w);  // belongs to 2020-W53
  EXPECT_EQ(wy, 2020);
  EXPECT_EQ(w, 53);
}

TEST(Calendar, ShiftClampsAndCarries) {
  EXPECT_EQ(format_value(shift(Date{2016, 3, 31}, Granularity::Month, -1)), "2016-02");
  Date d = shift(Date{2016, 3, 31}, Granularity::Month, -1);
  EXPECT_EQ(d.day, 29);
  Date t{2017, 12, 31, 23, 30, Granularity::Minute};
  EXPECT_EQ(format_value(shift(t, Granularity::Hour, 1)), "2018-01-01T00");
  EXPECT_EQ(format_value(shift(Date{2017, 7, 9}, Granularity::Quarter, -1)), "2017-Q2");
  EXPECT_EQ(format_value(shift(Date{2017, 1, 5}, Granularity::Day, -10)), "2016-12-26");
}

TEST(Calendar, ParseValue) {
  auto d = parse_value("2017-07-09T20:06");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->granularity, Granularity::Minute);
  EXPECT_EQ(format_value(*d), "2017-07-09T20:06");
  EXPECT_EQ(format_value(*parse_value("2017-W27")), "2017-W27");
  EXPECT_EQ(format_value(*parse_value("2017-Q3")), "2017-Q3");
  EXPECT_FALSE(parse_value("PRESENT_REF"));
  EXPECT_FALSE(parse_value("P3D"));
}

TEST(Calendar, EasterSunday) {
  EXPECT_EQ(format_value(easter_sunday(2020)), "2020-04-12");
  EXPECT_EQ(format_value(easter_sunday(2021)), "2021-04-04");
  EXPECT_EQ(format_value(easter_sunday(2024)), "2024-03-31");
  EXPECT_EQ(format_value(easter_sunday(2000)), "2000-04-23");
  EXPECT_EQ(format_value(easter_sunday(1961)), "1961-04-02");
  EXPECT_EQ(format_value(easter_sunday(2038)), "2038-04-25");  // the latest possible
  EXPECT_EQ(format_value(easter_sunday(2285)), "2285-03-22");  // the earliest possible
}

TEST(Calendar, EveryGranularityIsWrittenWithItsPadding) {
  EXPECT_EQ(format_value(Date{33, 1, 1, -1, 0, Granularity::Year}), "0033");
  EXPECT_EQ(format_value(Date{1990, 1, 1, -1, 0, Granularity::Decade}), "199");
  EXPECT_EQ(format_value(Date{1905, 1, 1, -1, 0, Granularity::Century}), "19");
  EXPECT_EQ(format_value(Date{2020, 9, 1, -1, 0, Granularity::Half}), "2020-H2");
  EXPECT_EQ(format_value(Date{2020, 12, 1, -1, 0, Granularity::Season}), "2020-WI");
  EXPECT_EQ(format_value(Date{2020, 4, 1, -1, 0, Granularity::Month}), "2020-04");
  EXPECT_EQ(format_value(Date{2020, 4, 5, -1, 0, Granularity::Day}), "2020-04-05");
  EXPECT_EQ(format_value(Date{2020, 4, 5, -1, 0, Granularity::Hour}), "2020-04-05T00");
  EXPECT_EQ(format_value(Date{2020, 4, 5, 9, 7, Granularity::Minute}), "2020-04-05T09:07");
  // Before year 1 the sign counts in the width, as printf writes it.
  EXPECT_EQ(format_value(Date{-5, 1, 1, -1, 0, Granularity::Year}), "-005");
}

TEST(Calendar, AppendPaddedWritesLikePrintf) {
  std::string s = "x";
  append_padded(s, 7, 2);
  append_padded(s, 1234, 2);
  append_padded(s, 0, 0);
  append_padded(s, -42, 5);
  EXPECT_EQ(s, "x0712340-0042");
}
