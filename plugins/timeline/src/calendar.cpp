#include "calendar.hpp"

#include <charconv>

namespace tagwerk::timeline {

namespace {
bool is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}
int floor_div(long a, long b) {
  return static_cast<int>(a >= 0 ? a / b : -((-a + b - 1) / b));
}
}  // namespace

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap(year)) return 29;
  return kDays[(month - 1) % 12];
}

// Howard Hinnant's algorithms.
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  Date out;
  out.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  out.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  out.year = static_cast<int>(yoe + era * 400 + (out.month <= 2));
  return out;
}

int weekday(const Date& d) {
  const long z = days_from_civil(d.year, d.month, d.day);
  const long w = ((z % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday (3 with Monday = 0)
  return static_cast<int>(w) + 1;
}

void iso_week(const Date& d, int& week_year, int& week) {
  const long z = days_from_civil(d.year, d.month, d.day);
  const long thursday = z - (weekday(d) - 4);
  const Date t = civil_from_days(thursday);
  week_year = t.year;
  week = static_cast<int>((thursday - days_from_civil(t.year, 1, 1)) / 7 + 1);
}

Date shift(Date d, Granularity unit, long n) {
  Date out = d;
  auto add_months = [&](long months) {
    long total = static_cast<long>(d.year) * 12 + (d.month - 1) + months;
    out.year = floor_div(total, 12);
    out.month = static_cast<int>(total - static_cast<long>(out.year) * 12) + 1;
    if (out.day > days_in_month(out.year, out.month)) out.day = days_in_month(out.year, out.month);
  };
  switch (unit) {
    case Granularity::Minute:
    case Granularity::Hour: {
      long minutes = (d.hour < 0 ? 0 : d.hour) * 60L + d.minute + (unit == Granularity::Hour ? n * 60 : n);
      long day_shift = floor_div(minutes, 1440);
      minutes -= day_shift * 1440;
      Date moved = civil_from_days(days_from_civil(d.year, d.month, d.day) + day_shift);
      out.year = moved.year;
      out.month = moved.month;
      out.day = moved.day;
      out.hour = static_cast<int>(minutes / 60);
      out.minute = static_cast<int>(minutes % 60);
      break;
    }
    case Granularity::Day:
    case Granularity::Week: {
      Date moved =
          civil_from_days(days_from_civil(d.year, d.month, d.day) + (unit == Granularity::Week ? 7 * n : n));
      out.year = moved.year;
      out.month = moved.month;
      out.day = moved.day;
      break;
    }
    case Granularity::Month:
      add_months(n);
      break;
    case Granularity::Quarter:
      add_months(3 * n);
      break;
    case Granularity::Half:
      add_months(6 * n);
      break;
    case Granularity::Season:
      add_months(3 * n);
      break;
    case Granularity::Year:
      out.year = d.year + static_cast<int>(n);
      break;
    case Granularity::Decade:
      out.year = d.year + static_cast<int>(10 * n);
      break;
    case Granularity::Century:
      out.year = d.year + static_cast<int>(100 * n);
      break;
  }
  if (out.month == 2 && out.day > days_in_month(out.year, 2)) out.day = days_in_month(out.year, 2);
  out.granularity = unit;
  return out;
}

void append_padded(std::string& out, std::int64_t v, int width) {
  char digits[24];
  const std::uint64_t magnitude = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, magnitude);
  const auto n = static_cast<int>(end - digits) + (v < 0 ? 1 : 0);
  if (v < 0) out += '-';
  if (width > n) out.append(static_cast<std::size_t>(width - n), '0');
  out.append(digits, end);
}

std::string format_value(const Date& d) {
  std::string out;
  out.reserve(16);
  const int y = d.year;
  auto two = [&out](char sep, int v) {
    out += sep;
    append_padded(out, v, 2);
  };
  switch (d.granularity) {
    case Granularity::Century:
      append_padded(out, floor_div(y, 100), 2);
      break;
    case Granularity::Decade:
      append_padded(out, floor_div(y, 10), 3);
      break;
    case Granularity::Year:
      append_padded(out, y, 4);
      break;
    case Granularity::Half:
      append_padded(out, y, 4);
      out += d.month <= 6 ? "-H1" : "-H2";
      break;
    case Granularity::Quarter:
      append_padded(out, y, 4);
      out += "-Q";
      append_padded(out, (d.month - 1) / 3 + 1, 0);
      break;
    case Granularity::Season: {
      static constexpr const char* kSeasons[] = {"-WI", "-WI", "-SP", "-SP", "-SP", "-SU",
                                                 "-SU", "-SU", "-FA", "-FA", "-FA", "-WI"};
      append_padded(out, y, 4);
      out += kSeasons[(d.month - 1) % 12];
      break;
    }
    case Granularity::Month:
      append_padded(out, y, 4);
      two('-', d.month);
      break;
    case Granularity::Week: {
      int wy = 0, w = 0;
      iso_week(d, wy, w);
      append_padded(out, wy, 4);
      out += "-W";
      append_padded(out, w, 2);
      break;
    }
    case Granularity::Day:
    case Granularity::Hour:
    case Granularity::Minute:
      append_padded(out, y, 4);
      two('-', d.month);
      two('-', d.day);
      if (d.granularity == Granularity::Day) break;
      two('T', d.hour < 0 ? 0 : d.hour);
      if (d.granularity == Granularity::Minute) two(':', d.minute);
      break;
  }
  return out;
}

std::optional<Date> parse_value(std::string_view v) {
  auto digits = [&](size_t pos, size_t n, int& out) {
    if (pos + n > v.size()) return false;
    int x = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (v[i] < '0' || v[i] > '9') return false;
      x = x * 10 + (v[i] - '0');
    }
    out = x;
    return true;
  };
  Date d;
  if (!digits(0, 4, d.year)) return std::nullopt;
  d.granularity = Granularity::Year;
  if (v.size() >= 7 && v[4] == '-') {
    if (v[5] == 'W' && digits(6, 2, d.day)) {
      // Monday of ISO week: the week containing January 4th.
      Date jan4{d.year, 1, 4};
      long monday1 = days_from_civil(d.year, 1, 4) - (weekday(jan4) - 1);
      Date out = civil_from_days(monday1 + 7L * (d.day - 1));
      out.granularity = Granularity::Week;
      return out;
    }
    if (v[5] == 'Q' && v[6] >= '1' && v[6] <= '4') {
      d.month = (v[6] - '1') * 3 + 1;
      d.granularity = Granularity::Quarter;
      return d;
    }
    if (v[5] == 'H' && (v[6] == '1' || v[6] == '2')) {
      d.month = v[6] == '1' ? 1 : 7;
      d.granularity = Granularity::Half;
      return d;
    }
    if (!digits(5, 2, d.month) || d.month < 1 || d.month > 12) return d;
    d.granularity = Granularity::Month;
    if (v.size() >= 10 && v[7] == '-' && digits(8, 2, d.day) && d.day >= 1 &&
        d.day <= days_in_month(d.year, d.month)) {
      d.granularity = Granularity::Day;
      if (v.size() >= 13 && v[10] == 'T' && digits(11, 2, d.hour)) {
        d.granularity = Granularity::Hour;
        if (v.size() >= 16 && v[13] == ':' && digits(14, 2, d.minute)) d.granularity = Granularity::Minute;
      }
    } else {
      d.day = 1;
    }
  }
  return d;
}

std::optional<Granularity> parse_unit(std::string_view u) {
  struct Name {
    std::string_view a, b;
    Granularity g;
  };
  static constexpr Name kNames[] = {
      {"day", "D", Granularity::Day},        {"week", "W", Granularity::Week},
      {"month", "M", Granularity::Month},    {"quarter", "Q", Granularity::Quarter},
      {"half", "HY", Granularity::Half},     {"year", "Y", Granularity::Year},
      {"decade", "DE", Granularity::Decade}, {"century", "CE", Granularity::Century},
      {"hour", "H", Granularity::Hour},      {"minute", "MIN", Granularity::Minute},
      {"season", "SE", Granularity::Season},
  };
  for (const auto& n : kNames)
    if (u == n.a || u == n.b) return n.g;
  return std::nullopt;
}

Date easter_sunday(int year) {
  const int a = year % 19, b = year / 100, c = year % 100;
  const int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return Date{year, month, day};
}

}  // namespace tagwerk::timeline
