// calendar.hpp -- proleptic Gregorian date arithmetic for TIMEX3 values:
// day numbers, ISO weeks, quarters and the formatting of a date at a given
// granularity ("2017", "2017-07", "2017-W27", "2017-07-09"). Pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tagwerk::timeline {

/// How precisely a date is known (and how it is written).
enum class Granularity { Century, Decade, Year, Half, Quarter, Season, Month, Week, Day, Hour, Minute };

/// A calendar date, optionally with a time of day (hour < 0: no time).
struct Date {
  int year = 0;
  int month = 1;
  int day = 1;
  int hour = -1;
  int minute = 0;
  Granularity granularity = Granularity::Day;
};

int days_in_month(int year, int month);
/// Days since 1970-01-01 (negative before).
long days_from_civil(int year, int month, int day);
Date civil_from_days(long days);
/// ISO weekday, Monday = 1 ... Sunday = 7.
int weekday(const Date& d);
/// ISO week-numbering year and week of d.
void iso_week(const Date& d, int& week_year, int& week);

/// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus).
Date easter_sunday(int year);

/// Shifts d by n units (day, week, month, quarter, half, year, decade, century,
/// hour, minute); month arithmetic clamps the day. Returns the shifted date
/// with granularity set to the unit.
Date shift(Date d, Granularity unit, long n);

/// Appends v in decimal, zero-padded to `width` characters (the sign counts), as printf's
/// "%0*lld" writes it; without printf's cost (a tenth of resolving an expression).
void append_padded(std::string& out, std::int64_t v, int width);

/// Writes d as a TIMEX3 value at its granularity.
std::string format_value(const Date& d);

/// Parses the leading date of a TIMEX3/ISO value ("2017-07-09T20:06", "2017-07",
/// "2017-W27", "2017"); nullopt when it does not start with a 4-digit year.
std::optional<Date> parse_value(std::string_view v);

/// "day", "D", "week", "W", ... to a unit; nullopt when unknown.
std::optional<Granularity> parse_unit(std::string_view u);

}  // namespace tagwerk::timeline
