#include "resolver.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <span>
#include <string_view>
#include <vector>

namespace tagwerk::timeline {

namespace {

std::string unknown_at(Granularity g) {
  switch (g) {
    case Granularity::Century:
      return "XX";
    case Granularity::Decade:
      return "XXX";
    case Granularity::Year:
      return "XXXX";
    case Granularity::Half:
      return "XXXX-HX";
    case Granularity::Quarter:
      return "XXXX-QX";
    case Granularity::Season:
      return "XXXX-XX";
    case Granularity::Month:
      return "XXXX-XX";
    case Granularity::Week:
      return "XXXX-WXX";
    default:
      return "XXXX-XX-XX";
  }
}

long to_long(const std::string& s) {
  return std::strtol(s.c_str(), nullptr, 10);
}

// "%02ld" without snprintf (770 instructions a call; a month without a year, "XXXX-05", is
// written through here for every such date of a text without a DCT: most of the English news).
std::string pad2(long v) {
  std::string out;
  append_padded(out, v, 2);
  return out;
}

// The anchor of a deictic expression ("yesterday", "last year", "Friday"). Without a DCT
// there is none: a year named in the text ("the 2000 Sydney Olympics") is not when the
// text was written, so "last August" stays XXXX-08 rather than 1999-08.
std::optional<Date> deictic_anchor(const ResolveContext& ctx) {
  if (!ctx.dct) return std::nullopt;
  return ctx.narrative && ctx.reference ? ctx.reference : ctx.dct;
}
// The anchor of a calendar name without a year ("im März", "Ostern"): the
// narrative's reference in a narrative, else the DCT (no fallback).
std::optional<Date> calendar_anchor(const ResolveContext& ctx) {
  return (ctx.narrative && ctx.reference) ? ctx.reference : ctx.dct;
}
// The anchor of an anaphoric expression ("the same day", "a year later").
std::optional<Date> anaphoric_anchor(const ResolveContext& ctx) {
  return ctx.reference ? ctx.reference : ctx.dct;
}

Granularity coarser(Granularity a, Granularity b) {
  return static_cast<int>(a) < static_cast<int>(b) ? a : b;
}

// dir: -1 the last such month before the anchor, +1 the next; 0: in a narrative
// the reference year, in news the year that puts the month nearest to the DCT
// (the tense decides a tie).
std::optional<int> year_for_month(const ResolveContext& ctx, int month, int dir) {
  if (dir != 0 && !ctx.dct) return std::nullopt;  // "last August" is deictic
  auto anchor = calendar_anchor(ctx);
  if (!anchor) return ctx.reference ? std::optional<int>(ctx.reference->year) : std::nullopt;
  if (dir < 0) return month < anchor->month ? anchor->year : anchor->year - 1;
  // "seit März": never ahead of the DCT (tense kSincePast), this month included.
  if (ctx.tense <= kSincePast && !ctx.narrative)
    return month <= anchor->month ? anchor->year : anchor->year - 1;
  if (dir > 0) return month > anchor->month ? anchor->year : anchor->year + 1;
  // A narrative keeps the year of its reference. (Rolling over to the next year
  // when a month follows a later one, "Oktober 1862 ... im Januar", was tried:
  // histories step back too often, WikiWarsDE lost 4 points of value accuracy.)
  if (ctx.narrative) return anchor->year;
  // News: the tense of the sentence says which side of the DCT ("stepped down in
  // March" is the last March, "will vote in March" the next); else the nearest.
  const int diff = month - anchor->month;
  const int nearest = diff > 6 ? diff - 12 : diff < -6 ? diff + 12 : diff;  // months from the DCT
  if (std::abs(nearest) >= 3 && ctx.tense != 0) {
    if (ctx.tense < 0) return month <= anchor->month ? anchor->year : anchor->year - 1;
    return month >= anchor->month ? anchor->year : anchor->year + 1;
  }
  if (diff > 6 || (diff == 6 && ctx.tense < 0)) return anchor->year - 1;
  if (diff < -6 || (diff == -6 && ctx.tense > 0)) return anchor->year + 1;
  return anchor->year;
}

// The month a season starts in (winter: December), 0 for no season.
int season_start(std::string_view s) {
  return s == "SP" ? 3 : s == "SU" ? 6 : s == "FA" ? 9 : s == "WI" ? 12 : 0;
}

// A day of a movable or fixed feast in year y: days after Easter Sunday, or the
// n-th Sunday of Advent (the fourth is the last Sunday before 25 December).
Date feast_day(std::string_view kind, long n, int y) {
  if (kind == "advent") {
    Date christmas{y, 12, 25};
    const int back = weekday(christmas) % 7;  // days back to the Sunday on or before it
    return shift(shift(christmas, Granularity::Day, back == 0 ? -7 : -back), Granularity::Day, -7 * (4 - n));
  }
  return shift(easter_sunday(y), Granularity::Day, n);
}

std::string call(std::string_view f, std::span<const std::string> a, ResolveContext& ctx) {
  auto arg = [&](std::size_t i) -> const std::string& {
    static const std::string kEmpty;
    return i < a.size() ? a[i] : kEmpty;
  };
  if (f == "year") {  // the year of a calendar name ("Christmas Day"): a narrative year will do
    auto anchor = calendar_anchor(ctx);
    if (!anchor) return "XXXX";
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04d", anchor->year);
    return buf;
  }
  if (f == "ym" || f == "ymd") {
    const int month = static_cast<int>(to_long(arg(0)));
    const std::string& dir = f == "ym" ? arg(1) : arg(2);
    auto y = year_for_month(ctx, month, dir.empty() ? 0 : static_cast<int>(to_long(dir)));
    char buf[24];
    if (f == "ym") {
      if (!y) return "XXXX-" + pad2(month);
      std::snprintf(buf, sizeof buf, "%04d-%02d", *y, month);
    } else {
      if (!y) return "XXXX-" + pad2(month) + "-" + pad2(to_long(arg(1)));
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02ld", *y, month, to_long(arg(1)));
    }
    return buf;
  }
  if (f == "easter" || f == "advent") {
    // @easter(days[,year]): days after Easter Sunday ("Karfreitag" -2, "Pfingsten" 49);
    // @advent(n[,year]): the n-th Sunday of Advent. Without a year, the one a month
    // name in its place would get (nearest the DCT, by tense).
    const long n = to_long(arg(0));
    int y = 0;
    if (!arg(1).empty()) {
      y = static_cast<int>(to_long(arg(1)));
    } else {
      auto anchor = calendar_anchor(ctx);
      if (!anchor) return "XXXX-XX-XX";
      auto yy = year_for_month(ctx, feast_day(f, n, anchor->year).month, 0);
      if (!yy) return "XXXX-XX-XX";
      y = *yy;
    }
    if (y < 1583 || y > 9999 || (f == "advent" && (n < 1 || n > 4))) return "XXXX-XX-XX";
    Date d = feast_day(f, n, y);
    d.granularity = Granularity::Day;
    return format_value(d);
  }
  if (f == "ys") {
    // A season without a year: the reference's year; in news a past tense moves a season
    // not yet begun in the DCT's year to the year before ("im Frühjahr" looking back from
    // January is last year's). A future cue does not move it: next to a season it was,
    // read by eye on German news, as often a comparison ("mehr als noch im Frühjahr").
    const std::string& season = arg(0);
    auto anchor = calendar_anchor(ctx);
    if (!anchor) return "XXXX-" + season;
    int y = anchor->year;
    // (Winter "2020-WI" runs from December 2020: looking back from July 2021 it is 2020's.)
    const int first = season_start(season);
    if (!ctx.narrative && ctx.dct && first > 0 && ctx.tense < 0 && anchor->month < first) --y;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-", y);
    return buf + season;
  }
  if (f == "ymdweek") {  // "the week of March 6": the ISO week of that day
    const int month = static_cast<int>(to_long(arg(0)));
    auto y = year_for_month(ctx, month, 0);
    const int day = static_cast<int>(to_long(arg(1)));
    if (!y || month < 1 || month > 12 || day < 1 || day > days_in_month(*y, month)) return "XXXX-WXX";
    int wy = 0, w = 0;
    iso_week(Date{*y, month, day}, wy, w);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-W%02d", wy, w);
    return buf;
  }
  if (f == "futin") {  // "in wenigen Wochen": ahead, unless the sentence looks back
    if (ctx.tense < 0) {
      const std::string dur[] = {"X", arg(0)};
      return call("dur", dur, ctx);
    }
    return "FUTURE_REF";
  }
  if (f == "infut") {  // "in two weeks": a point ahead only when the sentence looks ahead
    if (ctx.tense > 0) return call("rel", a, ctx);
    const std::string dur[] = {arg(1), arg(0)};
    return call("dur", dur, ctx);
  }
  if (f == "ago") {  // "a year ago": as @anaf (the year before the period reported), but
                     // "ago" counts back from the DCT: without one it stays open
    if (!ctx.dct) {
      auto unit = parse_unit(arg(0));
      return unit ? unknown_at(*unit) : "XXXX-XX-XX";
    }
    return call("anaf", a, ctx);
  }
  if (f == "rel" || f == "ana" || f == "anaf") {
    auto unit = parse_unit(arg(0));
    if (!unit) return "XXXX-XX-XX";
    auto anchor = f == "rel" ? deictic_anchor(ctx) : anaphoric_anchor(ctx);
    if (!anchor) return unknown_at(*unit);
    Date d = shift(*anchor, *unit, to_long(arg(1)));
    if (f != "rel") {
      ctx.implied = d;
      ctx.implied->granularity = std::min(anchor->granularity, Granularity::Day);
    }
    if (f == "ana") d.granularity = coarser(*unit, anchor->granularity);
    if (f == "anaf") d.granularity = anchor->granularity;
    if (d.granularity > Granularity::Day) d.granularity = Granularity::Day;
    return format_value(d);
  }
  if (f == "y2") {  // a two-digit year in the century nearest the anchor
    const long yy = to_long(arg(0));
    auto anchor = calendar_anchor(ctx);
    long base = anchor ? anchor->year : 2000;
    long best = (base / 100) * 100 + yy;
    for (long c : {best - 100, best + 100})
      if (std::labs(c - base) < std::labs(best - base)) best = c;
    if (!anchor) best = yy < 50 ? 2000 + yy : 1900 + yy;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04ld", best);
    return buf;
  }
  if (f == "dec2") {
    // A decade by two digits ("90er-Jahre", "Neunzigerjahre"): in news the last such decade
    // up to the DCT's (in 2020 "60er" is the 1960s, not the 2060s the nearest century
    // gives); in a narrative the one nearest its reference.
    const long yy = to_long(arg(0));
    if (ctx.narrative || !ctx.dct) return std::to_string(to_long(call("y2", a, ctx)) / 10);
    long y = (ctx.dct->year / 100) * 100 + yy;
    if (y / 10 > ctx.dct->year / 10) y -= 100;
    return std::to_string(y / 10);
  }
  if (f == "yq") {  // a quarter without a year: the last such quarter in news
    const long q = to_long(arg(0));
    auto anchor = calendar_anchor(ctx);
    if (!anchor) return "XXXX-Q" + arg(0);
    int y = anchor->year;
    if (!ctx.narrative && q > (anchor->month - 1) / 3 + 1 && ctx.tense <= 0) --y;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-Q%ld", y, q);
    return buf;
  }
  if (f == "qago") {  // the quarter n years before the one reported (or in the year of the
                      // 2nd argument): the reference quarter, else the last quarter before
                      // the DCT (financial news)
    const long n = to_long(arg(0));
    Date q;
    if (ctx.reference && ctx.reference->granularity == Granularity::Quarter)
      q = *ctx.reference;
    else if (ctx.dct)
      q = shift(*ctx.dct, Granularity::Quarter, -1);
    else
      return "XXXX-QX";
    if (arg(1).empty())
      q = shift(q, Granularity::Year, -n);
    else
      q.year = static_cast<int>(to_long(arg(1)));  // "the 1988 quarter": that quarter in 1988
    q.granularity = Granularity::Quarter;
    return format_value(q);
  }
  if (f == "nthwday") {  // the n-th weekday w of month m in the year @ym would pick
    const int month = static_cast<int>(to_long(arg(0)));
    const int wd = static_cast<int>(to_long(arg(1)));
    const long n = to_long(arg(2));
    auto y = year_for_month(ctx, month, 0);
    if (!y || month < 1 || month > 12 || wd < 1 || wd > 7 || n < 1 || n > 5)
      return "XXXX-" + pad2(month) + "-XX";
    Date d{*y, month, 1};
    // An optional 4th argument adds days: US Election Day is the Tuesday after the first Monday.
    const long offset = arg(3).empty() ? 0 : to_long(arg(3));
    d.day = 1 + (wd - weekday(d) + 7) % 7 + 7 * static_cast<int>(n - 1) + static_cast<int>(offset);
    if (d.day < 1 || d.day > days_in_month(d.year, month)) return "XXXX-" + pad2(month) + "-XX";
    return format_value(d);
  }
  if (f == "weekend") {  // "the weekend": the coming one early in a week only when told so
    // (@weekend(-1) "vergangenes Wochenende", @weekend(1) "nächstes Wochenende")
    auto anchor = deictic_anchor(ctx);
    if (!anchor) return "XXXX-WXX-WE";
    Date d = *anchor;
    const int dir = arg(0).empty() ? (ctx.tense > 0 ? 1 : -1) : static_cast<int>(to_long(arg(0)));
    if (dir < 0 && (weekday(d) < 6 || !arg(0).empty())) d = shift(d, Granularity::Week, -1);
    if (dir > 0 && weekday(d) >= 6 && !arg(0).empty()) d = shift(d, Granularity::Week, 1);
    d.granularity = Granularity::Week;
    return format_value(d) + "-WE";
  }
  if (f == "today") {
    if (ctx.narrative || !ctx.dct) return "PRESENT_REF";
    Date d = *ctx.dct;
    d.granularity = Granularity::Day;
    return format_value(d);
  }
  if (f == "day") {  // the day a bare time of day is on
    auto anchor = ctx.reference && ctx.reference->granularity >= Granularity::Day ? ctx.reference : ctx.dct;
    if (!anchor) return "XXXX-XX-XX";
    Date d = *anchor;
    d.granularity = Granularity::Day;
    return format_value(d);
  }
  if (f == "wday") {
    const int target = static_cast<int>(to_long(arg(0)));
    const int dir = arg(1).empty() ? ctx.tense : static_cast<int>(to_long(arg(1)));
    // A weekday is deictic ("on Friday": none without a DCT); in a narrative it follows the
    // last date mentioned.
    const auto anchor = ctx.narrative && ctx.dct ? anaphoric_anchor(ctx) : deictic_anchor(ctx);
    if (!anchor || target < 1 || target > 7 || anchor->granularity < Granularity::Week)
      return "XXXX-WXX-" + arg(0);
    Date base = *anchor;
    const int now = weekday(base);
    int back = (now - target + 7) % 7;
    int fwd = (target - now + 7) % 7;
    long delta = 0;
    if (back == 0 && arg(1).empty())
      delta = 0;
    else if (dir > 0)
      delta = fwd == 0 ? 7 : fwd;
    else if (dir < 0)
      delta = back == 0 ? -7 : -back;
    else  // no tense: news mostly reports what happened; only the next day or two ahead wins
      delta = fwd <= 2 && fwd < back ? fwd : -back;
    Date d = shift(base, Granularity::Day, delta);
    d.granularity = Granularity::Day;
    return format_value(d);
  }
  if (f == "dur") {
    std::string n = arg(0);
    std::string u = arg(1);
    if (u == "Q") {  // TIMEX3 writes quarters as months
      u = "M";
      if (n != "X") n = std::to_string(3 * to_long(n));
    } else if (u == "DE" && n != "X") {  // and decades as years ("two decades" P20Y)
      u = "Y";
      n = std::to_string(10 * to_long(n));
    }
    const bool time = u == "H" || u == "MIN" || u == "S";
    std::string unit = u == "MIN" ? "M" : u;
    // A half ("5 1/2 hours", "two and a half years") in the next smaller unit.
    if (n.size() > 2 && n.compare(n.size() - 2, 2, ".5") == 0) {
      const std::string whole = n.substr(0, n.size() - 2);
      const std::string lead = whole == "0" ? std::string() : whole + unit;
      if (u == "Y") return "P" + lead + "6M";
      if (u == "D") return "P" + (whole == "0" ? std::string() : whole + "D") + "T12H";
      if (u == "H") return "PT" + lead + "30M";
      if (u == "MIN") return "PT" + lead + "30S";
    }
    return std::string(time ? "PT" : "P") + n + unit;
  }
  if (f == "hhmm") {  // a 24-hour clock time "1700" as "17:00"
    const std::string& t = arg(0);
    return t.size() == 4 ? t.substr(0, 2) + ":" + t.substr(2) : t;
  }
  if (f == "add") return std::to_string(to_long(arg(0)) + to_long(arg(1)));
  if (f == "sub") return std::to_string(to_long(arg(0)) - to_long(arg(1)));
  if (f == "neg") return std::to_string(-to_long(arg(0)));
  if (f == "mul") return std::to_string(to_long(arg(0)) * to_long(arg(1)));
  if (f == "pad2") return pad2(to_long(arg(0)));
  if (f == "tail") {
    auto n = static_cast<std::size_t>(std::max(0L, to_long(arg(1))));
    return n < arg(0).size() ? arg(0).substr(n) : std::string();
  }
  if (f == "div") return std::to_string(to_long(arg(0)) / std::max(1L, to_long(arg(1))));
  if (f == "bc") {
    char buf[16];
    std::snprintf(buf, sizeof buf, "BC%04ld", to_long(arg(0)));
    return buf;
  }
  if (f == "pm") {
    long h = to_long(arg(0));
    return pad2(h < 12 ? h + 12 : h);
  }
  if (f == "am") {
    long h = to_long(arg(0));
    return pad2(h == 12 ? 0 : h);
  }
  if (f == "century") {  // ordinal century to the TIMEX value: 19 -> "18"
    return pad2(to_long(arg(0)) - 1);
  }
  return "X";
}

void eval(const RuleSet& rules, const std::vector<TemplateOp>& ops, const Match& m, ResolveContext& ctx,
          std::string& out) {
  for (const auto& op : ops) {
    switch (op.kind) {
      case TemplateOp::Kind::Text:
        out += op.text;
        break;
      case TemplateOp::Kind::Capture:
        append_capture(rules, m.captures[static_cast<std::size_t>(op.capture)], out);
        break;
      case TemplateOp::Kind::Call: {
        // Up to four arguments (every function but a rule's own mistakes) on the stack: a
        // vector cost an allocation per call.
        std::array<std::string, 4> few;
        std::vector<std::string> many(op.args.size() > few.size() ? op.args.size() : 0);
        const std::span<std::string> args =
            many.empty() ? std::span<std::string>(few.data(), op.args.size()) : std::span<std::string>(many);
        for (std::size_t i = 0; i < op.args.size(); ++i) eval(rules, op.args[i], m, ctx, args[i]);
        out += call(op.text, args, ctx);
        break;
      }
    }
  }
}

}  // namespace

bool reads_tense(const std::vector<TemplateOp>& ops) {
  // The functions of call() that read no context at all (their arguments may still).
  static constexpr std::string_view kContextFree[] = {"dur",  "hhmm", "add", "sub", "neg", "mul",    "pad2",
                                                      "tail", "div",  "bc",  "pm",  "am",  "century"};
  for (const auto& op : ops) {
    if (op.kind != TemplateOp::Kind::Call) continue;
    if (std::find(std::begin(kContextFree), std::end(kContextFree), op.text) == std::end(kContextFree))
      return true;
    for (const auto& a : op.args)
      if (reads_tense(a)) return true;
  }
  return false;
}

bool may_date_unanchored(const std::vector<TemplateOp>& ops) {
  // The functions of call() that, without a DCT, a reference and a tense, return a value
  // starting with a letter whatever their arguments: a placeholder ("XXXX-08", "XXXX-WXX-5"),
  // "PRESENT_REF", "FUTURE_REF" or a duration ("P2W"). Not @easter and @advent (a year given
  // dates them), @y2 and @dec2 (a century of their own), the arithmetic ones, @bc ("BC0044").
  static constexpr std::string_view kLetterFirst[] = {
      "year", "ym", "ymd",  "ys",      "ymdweek", "futin", "infut", "ago",  "rel", "ana",
      "anaf", "yq", "qago", "nthwday", "weekend", "today", "day",   "wday", "dur"};
  for (const auto& op : ops) {
    switch (op.kind) {
      case TemplateOp::Kind::Text:
        if (op.text.empty()) continue;
        // parse_value needs four digits first; the engine counts a value starting "BC".
        return (op.text[0] >= '0' && op.text[0] <= '9') || op.text[0] == 'B';
      case TemplateOp::Kind::Capture:
        return true;  // a number or a lexicon's value: anything
      case TemplateOp::Kind::Call:
        return std::find(std::begin(kLetterFirst), std::end(kLetterFirst), op.text) == std::end(kLetterFirst);
    }
  }
  return false;  // the empty value
}

std::string resolve_value(const RuleSet& rules, const Match& m, ResolveContext& ctx) {
  ctx.implied.reset();
  std::string out;
  eval(rules, rules.rules()[m.rule].value, m, ctx, out);
  return out;
}

std::string resolve_mod(const RuleSet& rules, const Match& m, ResolveContext& ctx) {
  std::string out;
  eval(rules, rules.rules()[m.rule].mod, m, ctx, out);
  return out;
}

void update_reference(ResolveContext& ctx, const std::string& value) {
  std::optional<Date> d;
  std::swap(d, ctx.implied);
  if (!d) d = parse_value(value);
  if (!d) return;
  // A bare year after a known day in that year keeps the finer reference.
  if (ctx.reference && d->granularity <= Granularity::Year && ctx.reference->year == d->year) return;
  // A narrative's aside ("bis 1881", "seit 1830") does not move its reference:
  // a bare year far from it is no anchor for the months that follow.
  if (ctx.narrative && ctx.reference && d->granularity <= Granularity::Year &&
      std::abs(ctx.reference->year - d->year) > 10)
    return;
  if (ctx.reference && d->granularity == Granularity::Month && ctx.reference->year == d->year &&
      ctx.reference->month == d->month && ctx.reference->granularity > Granularity::Month)
    return;
  ctx.reference = d;
}

}  // namespace tagwerk::timeline
