// The rules file format: parse errors name file and line; optional elements expand.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "matcher.hpp"
#include "resolver.hpp"
#include "rule_set.hpp"
#include "rule_tokens.hpp"
#include "tense.hpp"

using namespace tagwerk::timeline;

namespace {
// The rule tokens of text, its words separated by single spaces.
void tokens_of(const std::string& text, Tokens& tokens) {
  std::vector<TokenSpan> spans;
  for (std::uint32_t b = 0, e; b < text.size(); b = e + 1) {
    e = static_cast<std::uint32_t>(std::min(text.find(' ', b), text.size()));
    spans.push_back(TokenSpan{b, e, "word"});
  }
  split_tokens(text, spans, tokens);
}

// The matches of rs in text, its words separated by single spaces.
std::vector<Match> matches_of(const RuleSet& rs, const std::string& text) {
  Tokens tokens;
  tokens_of(text, tokens);
  std::vector<int> ids;
  const auto n = static_cast<std::uint32_t>(tokens.tokens.size());
  lookup_words(rs, tokens, 0, n, ids);
  std::vector<Match> matches;
  MatchScratch scratch;
  find_matches(rs, tokens, ids, 0, n, matches, scratch);
  return matches;
}

const CandidateList& candidates_of(const RuleSet& rs, const std::string& word) {
  return rs.word(static_cast<std::uint32_t>(rs.word_id(word))).candidates;
}

// The rules-file lines of the rules of a list of variants.
std::vector<int> rule_lines(const RuleSet& rs, const std::vector<std::uint32_t>& variants) {
  std::vector<int> lines;
  for (auto v : variants) lines.push_back(rs.rules()[rs.variants()[v].rule].line);
  return lines;
}

std::string error_of(const std::string& text) {
  try {
    RuleSet::parse(text, "x.rules");
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST(RuleSet, ErrorsNameFileAndLine) {
  EXPECT_NE(error_of("lang de\n\n@nosuch => DATE 1\n").find("x.rules:3: unknown lexicon @nosuch"),
            std::string::npos);
  EXPECT_NE(error_of("lang de\nheute => DAY 1\n").find("x.rules:2: type must be"), std::string::npos);
  EXPECT_NE(error_of("lang de\nheute => DATE {day}\n").find("x.rules:2: value uses {day}"),
            std::string::npos);
  EXPECT_NE(error_of("heute => DATE 1\n").find("no `lang"), std::string::npos);
  EXPECT_NE(error_of("lang de\n<FOO> => DATE 1\n").find("unknown class <FOO>"), std::string::npos);
}

TEST(RuleSet, OptionalsExpandAndIndex) {
  RuleSet rs = RuleSet::parse("lang de\nlex m: mai=05\nam? <DAY>.? @m => DATE {m}-{day}\n", "t");
  EXPECT_EQ(rs.rules().size(), 1u);
  EXPECT_EQ(rs.variants().size(), 4u);
  EXPECT_EQ(rs.number_candidates().size(), 2u);  // the variants starting with <DAY>
  EXPECT_GE(rs.word_id("am"), 0);
  EXPECT_EQ(*rs.lex_value(rs.word_id("mai"), rs.lexicon("m")), "05");
}

TEST(RuleSet, LexValueOfAnotherRuleSetsWordIsNone) {
  // A word id from another language's rule set can lie past this one's words (the tense
  // scan reads tokens before a sentence's start): it is in no lexicon, not read past the end.
  RuleSet rs = RuleSet::parse("lang de\nlex m: mai=05\n@m => DATE {m}\n", "t");
  const int lex = rs.lexicon("m");
  const int past = static_cast<int>(rs.word_count());
  EXPECT_EQ(rs.lex_value(past, lex), nullptr);
  EXPECT_EQ(rs.lex_value(past + 1000, lex), nullptr);
  EXPECT_EQ(rs.lex_value(-1, lex), nullptr);
  EXPECT_EQ(*rs.lex_value(rs.word_id("mai"), lex), "05");
}

TEST(RuleSet, ShippedFilesLoad) {
  for (const char* lang : {"de", "en"}) {
    RuleSet rs =
        RuleSet::load_file(std::string(TAGWERK_SOURCE_DIR "/plugins/timeline/data/") + lang + ".rules");
    EXPECT_EQ(rs.lang(), lang);
    EXPECT_GT(rs.rules().size(), 100u);
  }
}

TEST(RuleSet, PunctuationAlternativesAndContext) {
  RuleSet rs = RuleSet::parse("lang de\nlex m: mai=05 juni=06\nm1=@m &und|/|- &@m => DATE {m1}\n", "t");
  ASSERT_EQ(rs.variants().size(), 1u);
  const auto& elems = rs.variants()[0].elements;
  ASSERT_EQ(elems.size(), 3u);
  EXPECT_FALSE(elems[0].lookahead);
  EXPECT_TRUE(elems[1].lookahead);
  EXPECT_TRUE(elems[2].lookahead);
  // "und|/|-" is one element with three one-token alternatives.
  ASSERT_EQ(elems[1].words.size(), 3u);
  EXPECT_EQ(static_cast<int>(elems[1].words[1]), rs.word_id("/"));
  EXPECT_EQ(static_cast<int>(elems[1].words[2]), rs.word_id("-"));
  // Context elements must come last: the timex span cannot have a hole.
  EXPECT_NE(error_of("lang de\nlex m: mai=05\n@m &und @m => DATE 1\n").find("x.rules:3: a lookahead element"),
            std::string::npos);
}

TEST(RuleSet, LeadingContextNarrativeOptionAndEndings) {
  RuleSet rs = RuleSet::parse(
      "lang de\nlex q: euro\n&@q im monat => SET P1M\ndamals => DATE PAST_REF narrative=no\n"
      "lex past_suffix: ete gten\nlex not_past_suffix: sten treten\n",
      "t");
  ASSERT_EQ(rs.variants().size(), 2u);
  EXPECT_EQ(rs.variants()[0].before.size(), 1u);  // "euro" precedes, outside the timex
  EXPECT_EQ(rs.variants()[0].elements.size(), 2u);
  EXPECT_TRUE(rs.variants()[0].check_second);
  EXPECT_TRUE(rs.rules()[1].not_in_narrative);
  EXPECT_TRUE(rs.past_ending("meldete"));
  EXPECT_FALSE(rs.past_ending("halten"));  // "-ten" after "l" is no listed ending
  EXPECT_TRUE(rs.past_ending("zeigten"));
  EXPECT_FALSE(rs.past_ending("besten"));
  EXPECT_FALSE(rs.past_ending("treten"));  // a whole word equal to a not-past ending
  EXPECT_FALSE(rs.past_ending("ete"));     // a past ending needs a stem
  EXPECT_NE(error_of("lang de\n&im => SET P1M\n").find("x.rules:2: a pattern needs an element outside"),
            std::string::npos);
  EXPECT_NE(error_of("lang de\nlex past_suffix: e\n").find("x.rules:2: an ending of past_suffix needs two"),
            std::string::npos);
  EXPECT_NE(error_of("lang de\nheute => DATE 1 narrative=yes\n").find("narrative=no"), std::string::npos);
}

TEST(RuleSet, CandidatesAreNarrowedByTheNextTokensClass) {
  // Five variants start with "the", each with a second element of another kind.
  RuleSet rs = RuleSet::parse(
      "lang en\nlex numword: two=2\n"
      "the end => DATE 1\nthe <DAY> => DATE 2\nthe <NUM> days => DURATION P{num}D\n"
      "the <WORD> year => DATE 3\nthe past => DATE 4\n",
      "t");
  const CandidateList& the = candidates_of(rs, "the");
  ASSERT_EQ(the.all().size(), 5u);
  // "the government": neither a digit class nor <NUM>, which needs a number or a number word.
  EXPECT_EQ(rule_lines(rs, the.for_next(-1, false)), (std::vector<int>{6}));
  EXPECT_EQ(rule_lines(rs, the.for_next(-1, true)), (std::vector<int>{4, 5, 6}));
  EXPECT_EQ(rule_lines(rs, the.for_next(rs.word_id("two"), false)), (std::vector<int>{5, 6}));
  EXPECT_EQ(rule_lines(rs, the.for_next(rs.word_id("end"), false)), (std::vector<int>{3, 6}));
  EXPECT_EQ(rule_lines(rs, the.for_next(rs.word_id("days"), false)), (std::vector<int>{6}));
}

TEST(RuleSet, IdMapFindsEveryKeyAndNothingElse) {
  // The table of the lists by the next word id: every key found with its value, whatever
  // collides; any other id a miss, one far past the rule set's words included.
  std::map<std::uint32_t, int> pairs;
  for (std::uint32_t k = 0; k < 3000; k += 7) pairs[k * 64] = static_cast<int>(k);
  IdMap<int> map;
  EXPECT_EQ(map.find(0), nullptr);
  map.assign(pairs);
  for (const auto& [k, v] : pairs) {
    ASSERT_NE(map.find(k), nullptr) << k;
    EXPECT_EQ(*map.find(k), v);
  }
  for (std::uint32_t k : {1u, 63u, 65u, 7u * 64u + 1u, 3000u * 64u, UINT32_MAX - 1, UINT32_MAX})
    EXPECT_EQ(map.find(k), nullptr) << k;
  map.assign(std::map<std::uint32_t, int>{});
  EXPECT_TRUE(map.empty());
  EXPECT_EQ(map.find(0), nullptr);
}

TEST(RuleSet, CandidatesForAWordIdOfAnotherRuleSetAreThoseForAnOrdinaryWord) {
  RuleSet rs = RuleSet::parse("lang en\nthe end => DATE 1\nthe past => DATE 2\nthe <WORD> => DATE 3\n", "t");
  const CandidateList& the = candidates_of(rs, "the");
  const auto past = static_cast<int>(rs.word_count());
  EXPECT_EQ(rule_lines(rs, the.for_next(past + 1000, false)), rule_lines(rs, the.for_next(-1, false)));
  EXPECT_EQ(rule_lines(rs, the.for_next(past, false, past + 5, false)), (std::vector<int>{4}));
  EXPECT_EQ(rule_lines(rs, the.for_next(rs.word_id("end"), false)), (std::vector<int>{2, 4}));
}

TEST(RuleSet, AFunctionWordBeforeAnOrdinaryWordTriesWhatItsListWouldTry) {
  // WordInfo::before_ordinary and before_number say what the list would for a next token
  // none of the rules know: "the" + <WORD> is tried before any word, "the" + <DAY> only
  // before a number, "of" + "may" before neither.
  RuleSet rs = RuleSet::parse(
      "lang en\nlex m: may=05\nthe <WORD> year => DATE 1\nthe <DAY> => DATE 2\nof @m => DATE 3\n", "t");
  const WordInfo& the = rs.word(static_cast<std::uint32_t>(rs.word_id("the")));
  const WordInfo& of = rs.word(static_cast<std::uint32_t>(rs.word_id("of")));
  EXPECT_TRUE(the.before_ordinary());
  EXPECT_TRUE(the.before_number());
  EXPECT_FALSE(of.before_ordinary());
  EXPECT_FALSE(of.before_number());
  for (const char* lang : {"de", "en"}) {
    const RuleSet shipped =
        RuleSet::load_file(std::string(TAGWERK_SOURCE_DIR "/plugins/timeline/data/") + lang + ".rules");
    for (std::uint32_t w = 0; w < shipped.word_count(); ++w) {
      const WordInfo& info = shipped.word(w);
      EXPECT_EQ(info.before_ordinary(), !info.candidates.for_next(-1, false).empty()) << lang << " " << w;
      EXPECT_EQ(info.before_number(), !info.candidates.for_next(-1, true).empty()) << lang << " " << w;
    }
  }
  const auto matches = matches_of(rs, "the last year of the 3 of may");
  ASSERT_EQ(matches.size(), 3u);
  EXPECT_EQ(matches[0].rule, 0u);
  EXPECT_EQ(matches[1].rule, 1u);
  EXPECT_EQ(matches[2].rule, 2u);
}

TEST(RuleSet, TheThirdElementIsTestedBeforeTheVariantIsTried) {
  RuleSet rs = RuleSet::parse(
      "lang en\nlex ord: first=1 second=2\n"
      "the @ord quarter => DATE Q{ord}\nthe @ord <YEAR4> => DATE {year4}\nthe @ord two => DATE T{ord}\n",
      "t");
  const Variant& v = rs.variants()[0];
  EXPECT_EQ(v.third, CandidateList::Next::Word);
  EXPECT_EQ(rs.variants()[1].third, CandidateList::Next::Number);
  // "the first time", "the second quarter", "the first 2020": only the last two match.
  const auto matches = matches_of(rs, "the first time the second quarter the first 2020");
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(matches[0].first, 3u);
  EXPECT_EQ(matches[0].rule, 0u);
  EXPECT_EQ(matches[1].first, 6u);
  EXPECT_EQ(matches[1].rule, 1u);
}

TEST(RuleSet, CandidatesAreNarrowedByTheTokenAfterTheNext) {
  // Lines 3 to 6 of the rules.
  const RuleSet rs = RuleSet::parse(R"(lang en
lex ord: first=1 second=2
the @ord quarter => DATE Q{ord}
the @ord <YEAR4> => DATE {year4}
the @ord => DATE O{ord}
the @ord <WORD> => DATE W{ord}
)",
                                    "t");
  const CandidateList& the = candidates_of(rs, "the");
  const int first = rs.word_id("first");
  EXPECT_EQ(rule_lines(rs, the.for_next(first, false)), (std::vector<int>{3, 4, 5, 6}));
  // "the first quarter", "the first 2020", "the first time" (or "the first" at the end).
  EXPECT_EQ(rule_lines(rs, the.for_next(first, false, rs.word_id("quarter"), false)),
            (std::vector<int>{3, 5, 6}));
  EXPECT_EQ(rule_lines(rs, the.for_next(first, false, -1, true)), (std::vector<int>{4, 5, 6}));
  EXPECT_EQ(rule_lines(rs, the.for_next(first, false, -1, false)), (std::vector<int>{5, 6}));
  // What a rule author sees: the longest match of each, the rule of its line.
  const auto matches = matches_of(rs, "the first quarter the second 2020 the first time the second");
  ASSERT_EQ(matches.size(), 4u);
  std::vector<int> lines;
  for (const auto& m : matches) lines.push_back(rs.rules()[m.rule].line);
  EXPECT_EQ(lines, (std::vector<int>{3, 4, 6, 5}));
  EXPECT_EQ(matches[2].first, 6u);
  EXPECT_EQ(matches[2].last, 9u);
}

TEST(RuleSet, AfterNumTheTokenAfterTheNextNarrowsUnlessTheNumberWordIsATensWord) {
  // Lines 3 and 4. <NUM> takes "a" or "2" alone, but "twenty" with the word after it: "in
  // twenty four days" is tried with both variants, "in a week" with neither.
  const RuleSet rs = RuleSet::parse(R"(lang en
lex numword: a=1 four=4 twenty=20
in <NUM> days => DURATION P{num}D
in <NUM> weeks => DURATION P{num}W
)",
                                    "t");
  const CandidateList& in = candidates_of(rs, "in");
  EXPECT_EQ(rule_lines(rs, in.for_next(rs.word_id("a"), false, rs.word_id("weeks"), false)),
            (std::vector<int>{4}));
  EXPECT_EQ(rule_lines(rs, in.for_next(-1, true, -1, false)), (std::vector<int>{}));
  const auto matches = matches_of(rs, "in a week in 2 weeks in twenty four days in a days");
  std::vector<std::pair<std::uint32_t, int>> found;
  for (const auto& m : matches) found.emplace_back(m.first, rs.rules()[m.rule].line);
  EXPECT_EQ(found, (std::vector<std::pair<std::uint32_t, int>>{{3, 4}, {6, 3}, {10, 3}}));
}

TEST(RuleSet, OnlyTemplatesWithAnchoringFunctionsReadTheTense) {
  RuleSet rs = RuleSet::parse(
      "lang en\nlex wd: monday=1\n"
      "<YEAR4> => DATE {year4}\n<NUM> days => DURATION @dur({num},D)\n"
      "@wd => DATE @wday({wd})\n<YEAR4> now => DATE @add(@year(),0)\n",
      "t");
  ASSERT_EQ(rs.rules().size(), 4u);
  EXPECT_FALSE(reads_tense(rs.rules()[0].value));  // captures only
  EXPECT_FALSE(reads_tense(rs.rules()[1].value));  // arithmetic and formatting only
  EXPECT_TRUE(reads_tense(rs.rules()[2].value));
  EXPECT_TRUE(reads_tense(rs.rules()[3].value));  // an anchoring function inside @add
}

// The value of rule r of rs with every capture set to c, resolved as the engine resolves
// its DCT candidates: no DCT, no reference, no tense.
std::string unanchored_value(const RuleSet& rs, std::uint32_t r, const Capture& c) {
  Match m;
  m.rule = r;
  m.captures.fill(c);
  ResolveContext bare;
  return resolve_value(rs, m, bare);
}

// A capture of word w's value in lexicon lex, as the matcher makes it.
Capture lexicon_capture(const RuleSet& rs, const char* lex, const char* w) {
  const std::string* v = rs.lex_value(rs.word_id(w), rs.lexicon(lex));
  return Capture{v ? static_cast<std::int32_t>(v - rs.values().data()) : -1, 0, 0};
}

TEST(RuleSet, ValuesThatNeedAnAnchorAreNoDateWithoutOne) {
  const RuleSet rs = RuleSet::parse(
      "lang en\nlex wd: monday=1\nlex m: may=05\nlex u: week=W\n"
      "<YEAR4> => DATE {year4}\n"                    // 0: a capture first
      "<YEAR2> now => DATE @y2({year2})\n"           // 1: a century of its own
      "easter <YEAR4> => DATE @easter(0,{year4})\n"  // 2: a year given
      "@wd => DATE @wday({wd})\n"                    // 3
      "last @u => DATE @rel({u},-1)\n"               // 4
      "in @m => DATE @ym({m})\n"                     // 5
      "today => DATE @today()\n"                     // 6
      "<NUM> days => DURATION @dur({num},D)\n"       // 7
      "week @wd => DATE XXXX-WXX-{wd}\n"             // 8: text first, not a digit
      "<INT> bc => DATE BC{int}\n"                   // 9: text first, counted as far off
      "<INT> ad => DATE 0{int}\n",                   // 10: a digit first
      "t");
  ASSERT_EQ(rs.rules().size(), 11u);
  const std::vector<bool> expected = {true, true, true, false, false, false, false, false, false, true, true};
  for (std::uint32_t r = 0; r < expected.size(); ++r)
    EXPECT_EQ(may_date_unanchored(rs.rules()[r].value), expected[r]) << rs.rules()[r].value_source;
  // What the engine would have thrown away: the values it no longer resolves are no dates.
  EXPECT_EQ(unanchored_value(rs, 3, lexicon_capture(rs, "wd", "monday")), "XXXX-WXX-1");
  EXPECT_EQ(unanchored_value(rs, 4, lexicon_capture(rs, "u", "week")), "XXXX-WXX");
  EXPECT_EQ(unanchored_value(rs, 5, lexicon_capture(rs, "m", "may")), "XXXX-05");
  EXPECT_EQ(unanchored_value(rs, 6, Capture{}), "PRESENT_REF");
  EXPECT_EQ(unanchored_value(rs, 1, Capture{-1, 99, 2}), "1999");  // kept: a date
}

TEST(RuleSet, CallsWithManyArgumentsResolveAsWithFew) {
  // Arguments are evaluated on the stack up to four, beyond that in a vector: the same values.
  const RuleSet rs = RuleSet::parse(
      "lang en\n<YEAR4> four => DATE @add({year4},@sub(9,4),7,8)\n"
      "<YEAR4> five => DATE @add({year4},@sub(9,4),7,8,9)\n<YEAR4> none => DATE {year4}@dur()\n",
      "t");
  const Capture year{-1, 2020, 4};
  EXPECT_EQ(unanchored_value(rs, 0, year), "2025");
  EXPECT_EQ(unanchored_value(rs, 1, year), "2025");
  EXPECT_EQ(unanchored_value(rs, 2, year), "2020P");
}

TEST(RuleSet, ShippedRulesMarkedUndatedGiveNoDateWithoutAnAnchor) {
  // Every shipped rule whose value may_date_unanchored() rules out, with its captures set to
  // numbers of every width the matcher writes and to each lexicon value: never a date
  // parse_value() accepts, never "BC..." (the engine skips these rules for its DCT).
  for (const char* lang : {"de", "en"}) {
    const RuleSet rs =
        RuleSet::load_file(std::string(TAGWERK_SOURCE_DIR "/plugins/timeline/data/") + lang + ".rules");
    std::vector<Capture> fillings;
    for (std::int64_t n : {0, 1, 2, 5, 7, 12, 31, 59, 99, 2020})
      for (std::uint8_t w : {0, 1, 2, 4}) fillings.push_back(Capture{-1, n, w});
    for (std::size_t v = 0; v < rs.values().size(); ++v)
      fillings.push_back(Capture{static_cast<std::int32_t>(v), 0, 0});
    std::size_t undated = 0;
    for (std::uint32_t r = 0; r < rs.rules().size(); ++r) {
      if (may_date_unanchored(rs.rules()[r].value)) continue;
      ++undated;
      for (const Capture& c : fillings) {
        const std::string v = unanchored_value(rs, r, c);
        ASSERT_FALSE(parse_value(v).has_value()) << lang << " line " << rs.rules()[r].line << ": " << v;
        ASSERT_NE(v.compare(0, 2, "BC"), 0) << lang << " line " << rs.rules()[r].line;
      }
    }
    EXPECT_GT(undated, 50u) << lang;  // weekdays, "last week", months without a year, ...
  }
}

TEST(RuleSet, TenseOfEachExpressionWhateverTheOrderItIsAskedIn) {
  // The scan walks from each expression to its nearest cues and remembers what it walked:
  // the tenses of a sentence's expressions are the same asked left to right, right to left,
  // twice, or each with a scan of its own.
  const RuleSet rs = RuleSet::parse(
      "lang en\nlex past: said=p\nlex future: will=f\nlex wd: monday=1 friday=5\n@wd => DATE @wday({wd})\n",
      "t");
  const TenseCues cues(rs);
  Tokens tokens;
  tokens_of("he said monday and friday \" we will go friday \" and monday", tokens);
  std::vector<int> ids;
  const auto n = static_cast<std::uint32_t>(tokens.tokens.size());
  lookup_words(rs, tokens, 0, n, ids);
  // "monday" and "friday" after "said"; "friday" after "will" inside the quote; the last
  // "monday" with the quotation mark as its nearest stop: no tense.
  const std::vector<std::uint32_t> at = {2, 4, 9, 12};
  const std::vector<int> expected = {-1, -1, 1, 0};
  auto tense = [&](std::uint32_t k, TenseScan& scan) {
    return tense_at(rs, cues, tokens, ids, 0, n, at[k], at[k] + 1, scan);
  };
  TenseScan scan;
  scan.reset(0, n);
  for (std::uint32_t k = 0; k < at.size(); ++k) EXPECT_EQ(tense(k, scan), expected[k]) << k;
  scan.reset(0, n);
  for (std::uint32_t k = static_cast<std::uint32_t>(at.size()); k-- > 0;)
    EXPECT_EQ(tense(k, scan), expected[k]) << k;
  for (std::uint32_t k = 0; k < at.size(); ++k) EXPECT_EQ(tense(k, scan), expected[k]) << k;
  for (std::uint32_t k = 0; k < at.size(); ++k) {
    TenseScan fresh;
    fresh.reset(0, n);
    EXPECT_EQ(tense(k, fresh), expected[k]) << k;
  }
}

TEST(RuleSet, ANextWordWhoseBitIsClearSelectsTheListsForAnOrdinaryWord) {
  // WordInfo::next_words (a bit per word id mod 64 of the words a variant names second): a
  // next word whose bit is clear gets what an ordinary word or a number gets, so the matcher
  // does not look it up; "the" + "end" is looked up, "of" + "the" not.
  RuleSet rs =
      RuleSet::parse("lang en\nthe end => DATE 1\nthe <DAY> => DATE 2\nof the year => DATE 3\n", "t");
  const WordInfo& the = rs.word(static_cast<std::uint32_t>(rs.word_id("the")));
  EXPECT_NE(the.next_words >> (rs.word_id("end") & 63) & 1, 0u);
  EXPECT_EQ(rule_lines(rs, the.candidates.unnamed(true).all), (std::vector<int>{3}));
  EXPECT_TRUE(the.candidates.unnamed(false).all.empty());
  for (const char* lang : {"de", "en"}) {
    const RuleSet shipped =
        RuleSet::load_file(std::string(TAGWERK_SOURCE_DIR "/plugins/timeline/data/") + lang + ".rules");
    const auto words = static_cast<int>(shipped.word_count());
    for (std::uint32_t w = 0; w < shipped.word_count(); ++w) {
      const WordInfo& info = shipped.word(w);
      EXPECT_EQ(info.next_words, info.candidates.next_words());
      for (int next = 0; next < words + 64; ++next) {  // ids of another rule set too
        if ((info.next_words >> (next & 63) & 1) != 0) continue;
        for (const bool number : {false, true})
          ASSERT_EQ(&info.candidates.for_next(next, number), &info.candidates.unnamed(number).all)
              << lang << " " << w << " " << next;
      }
    }
  }
}

TEST(RuleSet, TenseScanWalksPastWordsThatCannotBeCues) {
  // The scan passes over a word in no cue lexicon that is too short or capitalised for a
  // past ending without testing it further; a past ending, a cue word and a capitalised
  // cue word at the start of a sentence still stop it.
  const RuleSet rs = RuleSet::parse(
      "lang en\nlex past_suffix: ed\nlex past: said=p\nlex wd: monday=1\n@wd => DATE @wday({wd})\n", "t");
  const TenseCues cues(rs);
  EXPECT_TRUE(cues.cue_word(rs.word_id("said")));
  EXPECT_FALSE(cues.cue_word(rs.word_id("monday")));
  EXPECT_FALSE(cues.cue_word(-1));
  EXPECT_FALSE(cues.cue_word(static_cast<int>(rs.word_count())));  // another rule set's id
  const std::vector<std::pair<std::string, int>> cases = {
      {"he announced the big new plan on monday", -1},  // a past ending four words away
      {"the Vacation United plan of monday", 0},        // capitalised: no past ending
      {"Said on monday", -1},                           // a cue word opening the sentence
      {"they Said on monday", 0},                       // capitalised inside a clause: a name
      {"a big red car on monday", 0}};                  // "red": too short for a past form
  for (const auto& [text, tense] : cases) {
    Tokens tokens;
    tokens_of(text, tokens);
    std::vector<int> ids;
    const auto n = static_cast<std::uint32_t>(tokens.tokens.size());
    lookup_words(rs, tokens, 0, n, ids);
    TenseScan scan;
    scan.reset(0, n);
    EXPECT_EQ(tense_at(rs, cues, tokens, ids, 0, n, n - 1, n, scan), tense) << text;
  }
}

TEST(RuleSet, OneMatchScratchForManySentencesGivesTheSameMatches) {
  // The engine keeps one MatchScratch for all sentences of all texts: a match found after
  // another (more captures, another rule) has the same rule, span and captures as alone.
  const RuleSet rs = RuleSet::parse(R"(lang en
lex month: may=05 june=06
lex numword: two=2
<DAY> @month <YEAR4> => DATE {year4}-{month}-{day}
in @month => DATE XXXX-{month}
<NUM> weeks => DURATION P{num}W
)",
                                    "t");
  const std::vector<std::string> sentences = {"on 3 may 2020 then", "in june", "two weeks",
                                              "12 june 1999 in may"};

  MatchScratch scratch;
  std::vector<std::string> values;
  for (int pass = 0; pass < 2; ++pass)
    for (const auto& text : sentences) {
      Tokens tokens;
      tokens_of(text, tokens);
      std::vector<int> ids;
      const auto n = static_cast<std::uint32_t>(tokens.tokens.size());
      lookup_words(rs, tokens, 0, n, ids);
      std::vector<Match> kept, alone;
      find_matches(rs, tokens, ids, 0, n, kept, scratch);
      MatchScratch fresh;
      find_matches(rs, tokens, ids, 0, n, alone, fresh);
      ASSERT_EQ(kept.size(), alone.size()) << text;
      ASSERT_FALSE(alone.empty()) << text;
      for (std::size_t k = 0; k < kept.size(); ++k) {
        EXPECT_EQ(kept[k].rule, alone[k].rule) << text;
        EXPECT_EQ(kept[k].first, alone[k].first) << text;
        EXPECT_EQ(kept[k].last, alone[k].last) << text;
        ResolveContext a, b;
        const std::string value = resolve_value(rs, kept[k], a);
        EXPECT_EQ(value, resolve_value(rs, alone[k], b)) << text;
        if (pass == 1) values.push_back(value);
      }
    }
  EXPECT_EQ(values, (std::vector<std::string>{"2020-05-03", "XXXX-06", "P2W", "1999-06-12", "XXXX-05"}));
}

TEST(RuleSet, AVariantStartingWithAnyWordIsTriedOnEveryWord) {
  // Neither shipped rule set has one; the matcher's loop for them is its own.
  const RuleSet rs =
      RuleSet::parse("lang en\nlex m: may=05\n<WORD> ago => DATE PAST_REF\nin @m => DATE XXXX-{m}\n", "t");
  ASSERT_FALSE(rs.any_word_candidates().empty());
  const auto matches = matches_of(rs, "long ago and 5 ago in may , ago");
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
  for (const auto& m : matches) spans.emplace_back(m.first, m.last);
  EXPECT_EQ(spans, (std::vector<std::pair<std::uint32_t, std::uint32_t>>{{0, 2}, {5, 7}}));
}
