#include "dct_detector.hpp"

namespace tagwerk::timeline {

std::optional<Date> parse_metadata_date(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '"')) s.remove_prefix(1);
  std::string v(s.substr(0, 19));
  if (v.size() > 10 && v[10] == ' ') v[10] = 'T';
  auto d = parse_value(v);
  if (!d || d->granularity < Granularity::Day) return std::nullopt;
  return d;
}

bool is_dateline_head(std::string_view head) {
  if (head.size() > kDatelineHead) return false;
  for (std::size_t i = 0; i < head.size(); ++i) {
    const bool word_start = i == 0 || head[i - 1] == ' ' || head[i - 1] == '(' || head[i - 1] == '\t';
    if (word_start && head[i] >= 'a' && head[i] <= 'z') return false;
  }
  return true;
}

std::optional<DctChoice> choose_dct(std::string_view metadata, const std::vector<DctCandidate>& candidates) {
  if (auto d = parse_metadata_date(metadata)) {
    DctChoice c;
    c.date = *d;
    c.value = format_value(*d);
    c.source = "metadata";
    return c;
  }
  auto pick = [](const DctCandidate& cand, const char* source) -> std::optional<DctChoice> {
    auto d = parse_value(cand.value);
    if (!d || d->granularity < Granularity::Day) return std::nullopt;
    DctChoice c;
    c.date = *d;
    c.value = format_value(*d);
    c.source = source;
    c.begin = cand.begin;
    c.end = cand.end;
    return c;
  };
  for (const auto& cand : candidates)
    if (cand.after_cue)
      if (auto c = pick(cand, "text")) return c;
  for (const auto& cand : candidates) {
    if (cand.begin > 400) break;
    if (!cand.dateline) continue;
    if (auto c = pick(cand, "text-first-date")) return c;
  }
  return std::nullopt;
}

}  // namespace tagwerk::timeline
