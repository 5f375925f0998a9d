// Drawing the progress line.
#include "progress.hpp"

#include <fmt/format.h>

#include <cstdio>

namespace tagwerk::cli {

namespace {
std::string duration(double seconds) {
  auto s = static_cast<long long>(seconds + 0.5);
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}
}  // namespace

std::string format_progress(const core::RunStats& stats) {
  const double secs = stats.seconds > 0 ? stats.seconds : 1e-9;
  std::string line = fmt::format("{} records  {:.0f} rec/s  {:.1f} MB/s  {} with errors  {}", stats.records,
                                 static_cast<double>(stats.records) / secs,
                                 static_cast<double>(stats.text_bytes) / 1e6 / secs,
                                 stats.records_with_errors, duration(stats.seconds));
  if (stats.input_total && *stats.input_total > 0 && stats.input_bytes > 0) {
    const double done = static_cast<double>(stats.input_bytes) / static_cast<double>(*stats.input_total);
    const double clamped = done > 1 ? 1 : done;
    const double eta = stats.seconds * (1 - clamped) / (clamped > 0 ? clamped : 1);
    line += fmt::format("  {:.0f}%  ETA {}", clamped * 100, duration(eta));
  }
  return line;
}

void ProgressLine::update(const core::RunStats& stats) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(250)) return;
  last_ = now;
  drawn_ = true;
  std::fprintf(stderr, "\r\033[K%s", format_progress(stats).c_str());
  std::fflush(stderr);
}

void ProgressLine::finish(const core::RunStats& stats) {
  if (!enabled_) return;
  std::fprintf(stderr, "\r\033[K%s\n", format_progress(stats).c_str());
  std::fflush(stderr);
}

}  // namespace tagwerk::cli
