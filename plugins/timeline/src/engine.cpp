#include <tagwerk/timeline/engine.hpp>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <stdexcept>

#include "calendar.hpp"
#include "dct_detector.hpp"
#include "event_assigner.hpp"
#include "matcher.hpp"
#include "resolver.hpp"
#include "rule_set.hpp"
#include "rule_tokens.hpp"
#include "tense.hpp"

namespace tagwerk::timeline {

const char* to_string(TimeSource s) {
  switch (s) {
    case TimeSource::Timex:
      return "timex";
    case TimeSource::Narrative:
      return "narrative";
    case TimeSource::Dct:
      return "dct";
    case TimeSource::None:
      return "none";
  }
  return "none";
}

namespace {

// A sentence's matches, as found before resolution.
struct Found {
  std::size_t rules;    // rule set index
  std::uint32_t first;  // token range of the sentence
  std::uint32_t last;
  std::size_t match_begin, match_end;  // into Scratch::matches
};

}  // namespace

// What analyze() needs per text, kept from text to text with its capacity: the vectors of
// sentences, DCT candidates and calendar flags cost three allocations a text (a BBC article is
// a third as long as a German one, so they weighed three times as much per byte).
struct Scratch {
  Tokens tokens;
  std::vector<int> word_ids;
  std::vector<Match> matches;
  MatchScratch match;
  TenseScan tense;
  std::vector<Found> found;
  std::vector<DctCandidate> candidates;
  std::vector<bool> calendar;
  // Values of the DCT search that read no context, by match index in rising order: the same
  // again with the DCT and the tense (most DCT candidates are full dates, "12 January 2005").
  std::vector<std::pair<std::size_t, std::string>> known;
};

void ScratchDeleter::operator()(Scratch* s) const noexcept {
  delete s;
}

struct Engine::Impl {
  std::vector<std::string> languages;
  std::vector<RuleSet> rules;
  // per rule set and word id: whether the word is in `dct_cue` (empty: no such lexicon); asked
  // for every token of the top of the text, most of a short article
  std::vector<std::vector<std::uint8_t>> dct_cue;
  std::vector<TenseCues> tense_cues;  // per rule set
  std::vector<int> month_lex;         // lexicon id of `month` per rule set
  // per rule set and rule: a weekday or "today", which a text about the days around its DCT has
  std::vector<std::vector<bool>> news_marker;
  // per rule set and rule: its value or mod may read the tense (resolver.hpp: reads_tense); a
  // year, a duration or a clock time needs no tense scan of its sentence
  std::vector<std::vector<bool>> tensed;
  // per rule set and rule: its value reads no context (not reads_tense): the value the DCT
  // search resolved without an anchor is the value with one
  std::vector<std::vector<bool>> value_free;
  // per rule set and rule: its value may be a date without an anchor (resolver.hpp:
  // may_date_unanchored); the DCT candidates and the years counted for a narrative come from
  // these rules only ("last week", "Friday", "today" give none without a DCT)
  std::vector<std::vector<bool>> dated_bare;

  // Asked for a sentence in another language than the one before. The codes are compared byte
  // by byte in line: `==` called memcmp for each language listed up to the sentence's (0.37
  // instructions per byte of English text, whose "en" is listed after "de"; 0.27 of German).
  std::size_t rules_for(std::string_view lang, std::size_t fallback) const {
    for (std::size_t i = 0; i < languages.size(); ++i)
      if (same_code(languages[i], lang)) return i;
    return fallback;
  }
  static bool same_code(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    std::size_t k = 0;
    while (k < a.size() && a[k] == b[k]) ++k;
    return k == a.size();
  }
};

namespace {

// "P3D", "PT2H", "PXY" -- not "PRESENT_REF" or "PAST_REF", which are dates.
bool is_duration_value(const std::string& v) {
  return v.size() >= 2 && v[0] == 'P' && (v[1] == 'T' || v[1] == 'X' || (v[1] >= '0' && v[1] <= '9'));
}

// The first token that begins at or after byte. Sentences come in text order, so the search
// starts at `hint` (the token found last) when that token lies before byte, and gallops from
// there (steps of 1, 2, 4, ... tokens, then a binary search in the last step): a sentence of
// n tokens costs about 2 log2 n probes, where walking its tokens one by one cost seven
// instructions a token (2 % of the English step) and a binary search over the whole text a
// twentieth of the step.
std::uint32_t first_token_at(const Tokens& t, std::uint32_t byte, std::uint32_t hint = 0) {
  const auto n = static_cast<std::uint32_t>(t.tokens.size());
  const auto before = [](const Token& tok, std::uint32_t b) { return tok.begin < b; };
  if (hint > n || (hint > 0 && t.tokens[hint - 1].begin >= byte)) hint = 0;
  if (hint == 0)
    return static_cast<std::uint32_t>(std::lower_bound(t.tokens.begin(), t.tokens.end(), byte, before) -
                                      t.tokens.begin());
  if (hint == n || t.tokens[hint].begin >= byte) return hint;  // a sentence right after the last
  std::uint32_t low = hint + 1, step = 1;                      // tokens before low begin before byte
  while (low + step <= n && t.tokens[low + step - 1].begin < byte) {
    low += step;
    step *= 2;
  }
  const std::uint32_t high = std::min(n, low + step);
  return static_cast<std::uint32_t>(
      std::lower_bound(t.tokens.begin() + low, t.tokens.begin() + high, byte, before) - t.tokens.begin());
}

// Whether the sentence [first, last) ends in a day ("30.") at a line break and the next
// sentence starts with a month name: segment ends a sentence there, the date goes on.
bool date_broken_at(const RuleSet& rs, int month_lex, std::string_view text, const Tokens& t,
                    std::uint32_t first, std::uint32_t last, const TextRange& next) {
  if (month_lex < 0 || last < first + 2 || last >= t.tokens.size()) return false;
  const Token& dot = t.tokens[last - 1];
  const Token& day = t.tokens[last - 2];
  if (dot.kind != TokenKind::Punct || t.fold(dot) != "." || !dot.glued || day.kind != TokenKind::Number ||
      day.digits > 2)
    return false;
  const Token& month = t.tokens[last];
  if (month.begin < next.begin || month.begin >= next.end || month.kind != TokenKind::Word) return false;
  if (text.substr(dot.end, month.begin - dot.end).find('\n') == std::string_view::npos) return false;
  return rs.lex_value(rs.word_id(t.fold(month)), month_lex) != nullptr;
}

// The start of the line holding a byte, for bytes asked in text order: the text is searched
// forward once (memchr) rather than backwards from each byte, up to a paragraph each time.
class LineStarts {
 public:
  explicit LineStarts(std::string_view text) : text_(text), next_(text.find('\n')) {}
  std::size_t start_of(std::size_t byte) {
    if (byte < asked_) *this = LineStarts(text_);  // not in text order after all: start over
    asked_ = byte;
    while (next_ < byte) {
      head_ = next_ + 1;
      next_ = text_.find('\n', head_);
    }
    return head_;
  }

 private:
  std::string_view text_;
  std::size_t next_;  // the first line break at or after head_ (npos: none)
  std::size_t head_ = 0;
  std::size_t asked_ = 0;
};

}  // namespace

Engine::Engine(const std::string& data_dir, const std::vector<std::string>& languages) : impl_(new Impl) {
  if (languages.empty()) throw std::runtime_error("timeline: no language given");
  for (const auto& lang : languages) {
    impl_->languages.push_back(lang);
    impl_->rules.push_back(RuleSet::load_file(data_dir + "/" + lang + ".rules"));
    auto& cue = impl_->dct_cue.emplace_back();
    if (const int lex = impl_->rules.back().lexicon("dct_cue"); lex >= 0) {
      cue.assign(impl_->rules.back().word_count(), 0);
      for (std::size_t id = 0; id < cue.size(); ++id)
        cue[id] = impl_->rules.back().lex_value(static_cast<int>(id), lex) != nullptr;
    }
    impl_->tense_cues.emplace_back(impl_->rules.back());
    impl_->month_lex.push_back(impl_->rules.back().lexicon("month"));
    auto& tensed = impl_->tensed.emplace_back();
    for (const auto& rule : impl_->rules.back().rules())
      tensed.push_back(reads_tense(rule.value) || reads_tense(rule.mod));
    auto& free = impl_->value_free.emplace_back();
    for (const auto& rule : impl_->rules.back().rules()) free.push_back(!reads_tense(rule.value));
    auto& dated = impl_->dated_bare.emplace_back();
    for (const auto& rule : impl_->rules.back().rules()) dated.push_back(may_date_unanchored(rule.value));
    auto& marker = impl_->news_marker.emplace_back();
    for (const auto& rule : impl_->rules.back().rules())
      marker.push_back(rule.value_source.find("@wday(") != std::string::npos ||
                       rule.value_source.find("@today(") != std::string::npos);
  }
}
Engine::~Engine() = default;
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;

const std::vector<std::string>& Engine::languages() const noexcept {
  return impl_->languages;
}

ScratchPtr Engine::make_scratch() {
  return ScratchPtr(new Scratch);
}

Result Engine::analyze(const Input& input) const {
  auto scratch = make_scratch();
  return analyze(input, *scratch);
}

Result Engine::analyze(const Input& input, Scratch& s) const {
  const Impl& impl = *impl_;
  Result result;
  const std::string_view text = input.text;
  const auto text_size = static_cast<std::uint32_t>(text.size());
  s.tokens.clear();
  s.matches.clear();
  split_tokens(text, input.tokens, s.tokens);
  s.word_ids.assign(s.tokens.tokens.size(), -1);

  const std::size_t doc_rules = impl.rules_for(input.lang, 0);
  std::vector<TextRange> whole;
  const std::vector<TextRange>* sentences = &input.sentences;
  if (sentences->empty()) {
    whole.push_back(TextRange{0, text_size, std::string()});
    sentences = &whole;
  }

  // 1. Match every sentence with the rules of its language.
  std::vector<Found>& found = s.found;
  found.clear();
  found.reserve(sentences->size());
  bool in_order = true;  // every sentence's tokens start at or after the last one's
  // The language of the last sentence that named one and its rules: most sentences are in the
  // language of the one before, which then costs one comparison, not one per language listed
  // before it (English is listed after German).
  std::string_view last_lang;
  std::size_t last_rules = doc_rules;
  for (std::size_t si = 0; si < sentences->size(); ++si) {
    const auto& sent = (*sentences)[si];
    if (sent.begin >= sent.end || sent.end > text_size) continue;
    Found f;
    if (sent.lang.empty()) {
      f.rules = doc_rules;
    } else if (Impl::same_code(sent.lang, last_lang)) {
      f.rules = last_rules;
    } else {
      f.rules = last_rules = impl.rules_for(sent.lang, doc_rules);
      last_lang = sent.lang;
    }
    f.first = first_token_at(s.tokens, sent.begin, found.empty() ? 0 : found.back().last);
    if (!found.empty() && f.first < found.back().first) in_order = false;
    f.last = first_token_at(s.tokens, sent.end, f.first);
    // A hard-wrapped line ending in a day ("am 30.\nSeptember") is no sentence end: the
    // date is matched whole, in one sentence with the next line.
    while (si + 1 < sentences->size() && date_broken_at(impl.rules[f.rules], impl.month_lex[f.rules], text,
                                                        s.tokens, f.first, f.last, (*sentences)[si + 1])) {
      ++si;
      f.last = first_token_at(s.tokens, (*sentences)[si].end, f.last);
    }
    const RuleSet& rs = impl.rules[f.rules];
    lookup_words(rs, s.tokens, f.first, f.last, s.word_ids);
    f.match_begin = s.matches.size();
    find_matches(rs, s.tokens, s.word_ids, f.first, f.last, s.matches, s.match);
    f.match_end = s.matches.size();
    found.push_back(f);
  }

  // 2. Absolute values (no anchor) for the DCT and for the narrative/news decision.
  ResolveContext bare;
  std::vector<DctCandidate>& candidates = s.candidates;
  candidates.clear();
  auto& known = s.known;
  known.clear();
  int far_years = 0, near_years = 0;
  int news_markers = 0;  // weekdays and "today": a text reporting on the days around its DCT
  auto metadata_dct = parse_metadata_date(input.dct);
  LineStarts lines(text);
  // Whether a word of `dct_cue` ends at most kDctCueDistance bytes before the candidate at
  // byte `at` (token `at_token` of sentence found[q]). Read back from the candidate, not over
  // every token of the window (most of a short article): in every sentence that begins before
  // it, the tokens from its last one before the candidate back to kDctCueDistance before it.
  // Sentences in text order end the search at the first that begins after the candidate
  // (most of a short article's sentences).
  auto after_cue = [&](std::size_t q, std::uint32_t at_token, std::uint32_t at) {
    for (std::size_t p = 0; p < found.size(); ++p) {
      const Found& g = found[p];
      if (g.first >= g.last) continue;
      if (s.tokens.tokens[g.first].begin > at) {
        if (in_order) break;
        continue;
      }
      const auto& is_cue = impl.dct_cue[g.rules];
      if (is_cue.empty()) continue;
      for (std::uint32_t j = p == q ? at_token : g.last; j > g.first;) {
        const Token& t = s.tokens.tokens[--j];
        if (t.end > at) continue;
        if (at - t.end > kDctCueDistance) break;
        if (const int id = s.word_ids[j]; id >= 0 && is_cue[static_cast<std::size_t>(id)]) return true;
      }
    }
    return false;
  };
  for (std::size_t q = 0; q < found.size(); ++q) {
    const Found& f = found[q];
    const RuleSet& rs = impl.rules[f.rules];
    for (std::size_t k = f.match_begin; k < f.match_end; ++k) {
      const Match& m = s.matches[k];
      const Rule& rule = rs.rules()[m.rule];
      if (rule.kind != RuleType::Date && rule.kind != RuleType::Time) continue;
      if (impl.news_marker[f.rules][m.rule]) ++news_markers;
      // Without a metadata date only the top of the text is read here (DCT candidates).
      if (!metadata_dct && s.tokens.tokens[m.first].begin >= kDctWindow) continue;
      if (!impl.dated_bare[f.rules][m.rule]) continue;  // no date and no "BC" without an anchor
      std::string v = resolve_value(rs, m, bare);
      if (impl.value_free[f.rules][m.rule]) known.emplace_back(k, v);
      auto d = parse_value(v);
      if (!d) {
        if (metadata_dct && v.compare(0, 2, "BC") == 0) ++far_years;
        continue;
      }
      if (const std::uint32_t begin = s.tokens.tokens[m.first].begin; begin < kDctWindow) {
        DctCandidate& c = candidates.emplace_back();  // in place, as the timexes below
        c.begin = begin;
        c.end = s.tokens.tokens[m.last - 1].end;
        c.after_cue = after_cue(q, m.first, c.begin);
        const std::size_t head = lines.start_of(c.begin);
        c.dateline = is_dateline_head(text.substr(head, c.begin - head));
        c.value = std::move(v);
      }
      if (metadata_dct) {
        (std::abs(d->year - metadata_dct->year) > 1 ? far_years : near_years) += 1;
      }
    }
  }
  ResolveContext ctx;
  int dct_timex_begin = -1;
  if (auto choice = choose_dct(input.dct, candidates)) {
    ctx.dct = choice->date;
    result.dct = choice->value;
    result.dct_source = choice->source;
    result.dct_begin = choice->begin;
    result.dct_end = choice->end;
    if (choice->source != "metadata") dct_timex_begin = static_cast<int>(choice->begin);
  } else {
    result.dct_source = "none";
  }
  // A text about other times than its DCT (history, biography) is a narrative.
  // News features on history still say "Friday" and "today" about the DCT.
  ctx.narrative = !ctx.dct || (far_years >= 5 && far_years >= 4 * near_years && 8 * news_markers < far_years);
  result.narrative = ctx.narrative;

  // 3. Resolve in text order against DCT, narrative reference and tense.
  int dct_timex = -1;
  result.timexes.reserve(s.matches.size());  // at most one each: no Timex moved by a regrowth
  std::size_t next_known = 0;                // into known
  // Which timexes can date a statement (is_calendar_time), asked once each as it is made: a
  // DATE or TIME (`dated` below) whose value parses, without comparing the type's text.
  std::vector<bool>& calendar = s.calendar;
  calendar.assign(s.matches.size(), false);  // at most one timex per match; cut below
  for (const auto& f : found) {
    if (f.match_begin == f.match_end) continue;
    const RuleSet& rs = impl.rules[f.rules];
    s.tense.reset(f.first, f.last);
    for (std::size_t k = f.match_begin; k < f.match_end; ++k) {
      const Match& m = s.matches[k];
      const Rule& rule = rs.rules()[m.rule];
      if (rule.kind == RuleType::None)
        continue;  // a blocker: the words are no timex ("This Week" the TV show)
      if (rule.not_in_narrative && ctx.narrative) continue;  // "damals" in a history: TIMEX2 leaves it out
      ctx.tense = impl.tensed[f.rules][m.rule] ? tense_at(rs, impl.tense_cues[f.rules], s.tokens, s.word_ids,
                                                          f.first, f.last, m.first, m.last, s.tense)
                                               : 0;
      // Built in place: a Timex built aside and moved in cost four string moves and a
      // destruction per timex (English has 3.2 a KB, German 2.3).
      Timex& t = result.timexes.emplace_back();
      t.begin = s.tokens.tokens[m.first].begin;
      t.end = s.tokens.tokens[m.last - 1].end;
      t.type = rule.type;
      while (next_known < known.size() && known[next_known].first < k) ++next_known;
      if (next_known < known.size() && known[next_known].first == k) {
        ctx.implied.reset();  // as resolve_value(): a value of no call implies no date
        t.value = std::move(known[next_known].second);
      } else {
        t.value = resolve_value(rs, m, ctx);
      }
      if (!rule.mod.empty()) t.mod = resolve_mod(rs, m, ctx);  // most rules have none
      bool dated = rule.kind == RuleType::Date || rule.kind == RuleType::Time;
      if (rule.kind == RuleType::Date && is_duration_value(t.value)) {
        // "in two weeks" not looking ahead (@infut): the duration, without its signal word.
        t.type = "DURATION";
        dated = false;
        if (m.last - m.first > 1 && s.tokens.fold(s.tokens.tokens[m.first]) == "in")
          t.begin = s.tokens.tokens[m.first + 1].begin;
      }
      t.rule_line = rule.line;
      t.lang = rs.lang();
      if (dated && rule.anchors) update_reference(ctx, t.value);
      if (dated && parse_value(t.value)) calendar[result.timexes.size() - 1] = true;
      if (static_cast<int>(t.begin) == dct_timex_begin)
        dct_timex = static_cast<int>(result.timexes.size() - 1);
    }
  }

  calendar.resize(result.timexes.size());

  // 4. Date the statements and summarize.
  result.events.reserve(sentences->size() + input.quotes.size());
  assign_events(*sentences, false, result.timexes, calendar, result.dct, dct_timex, result.events);
  if (!input.quotes.empty())
    assign_events(input.quotes, true, result.timexes, calendar, result.dct, dct_timex, result.events);
  std::set<std::string> times;
  for (std::size_t i = 0; i < calendar.size(); ++i)
    if (calendar[i]) times.insert(result.timexes[i].value);
  result.times.assign(times.begin(), times.end());
  if (!result.times.empty()) {
    result.earliest = result.times.front();
    result.latest = result.times.back();
  }
  return result;
}

}  // namespace tagwerk::timeline
