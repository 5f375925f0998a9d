// Unit tests per rule family, German and English, through the engine with the
// shipped rules files. Each expression is checked for its normalized value.
#include <tuple>
#include <vector>
#include "test_support.hpp"

using namespace tltest;

namespace {
constexpr const char* kDct = "2017-07-09T20:06";  // a Sunday
}

TEST(RulesDe, AbsoluteDates) {
  EXPECT_EQ(value_of("Stand: 09.07.2017", kDct, "de"), "2017-07-09");
  EXPECT_EQ(value_of("am 9. Juli 2017 kam er", kDct, "de"), "2017-07-09");
  EXPECT_EQ(value_of("im Juli 2017", kDct, "de"), "2017-07");
  EXPECT_EQ(value_of("Das war 1989 so.", kDct, "de"), "1989");
  EXPECT_EQ(value_of("die Saison 2016/17", kDct, "de"), "2016");
  EXPECT_EQ(value_of("im 19. Jahrhundert", kDct, "de"), "18");
  EXPECT_EQ(value_of("in den 1990er Jahren", kDct, "de"), "199");
}

TEST(RulesDe, Times) {
  EXPECT_EQ(value_of("am 07. Juli 2017 um 22:10 Uhr", kDct, "de"), "2017-07-07T22:10");
  EXPECT_EQ(value_of("Er kam um 20:06 Uhr.", kDct, "de"), "2017-07-09T20:06");
  EXPECT_EQ(value_of("Er kam um 20 Uhr.", kDct, "de"), "2017-07-09T20");
  EXPECT_EQ(value_of("Er kam gestern Abend.", kDct, "de"), "2017-07-08TEV");
}

TEST(RulesDe, Deictic) {
  EXPECT_EQ(value_of("Er kam gestern.", kDct, "de"), "2017-07-08");
  EXPECT_EQ(value_of("Er kommt heute.", kDct, "de"), "2017-07-09");
  EXPECT_EQ(value_of("Er kommt morgen.", kDct, "de"), "2017-07-10");
  EXPECT_EQ(value_of("Er war im vergangenen Jahr dort.", kDct, "de"), "2016");
  EXPECT_EQ(value_of("Er war vergangene Woche dort.", kDct, "de"), "2017-W26");
  EXPECT_EQ(value_of("Er kommt nächsten Monat.", kDct, "de"), "2017-08");
  EXPECT_EQ(value_of("Er war vor drei Tagen dort.", kDct, "de"), "2017-07-06");
  EXPECT_EQ(value_of("Er war letzten Sommer dort.", kDct, "de"), "2016-SU");
  EXPECT_EQ(value_of("Er kommt in Zukunft.", kDct, "de"), "FUTURE_REF");
}

TEST(RulesDe, WeekdayDirectionFromTense) {
  EXPECT_EQ(value_of("Am Freitag hatte er gesprochen.", kDct, "de"), "2017-07-07");
  EXPECT_EQ(value_of("Am Freitag wird er sprechen.", kDct, "de"), "2017-07-14");
}

TEST(RulesDe, Mods) {
  auto r = run("Anfang Juli kam er.", kDct, "de");
  ASSERT_EQ(r.timexes.size(), 1u);
  EXPECT_EQ(r.timexes[0].value, "2017-07");
  EXPECT_EQ(r.timexes[0].mod, "START");
  r = run("Mitte 2016 kam er.", kDct, "de");
  ASSERT_EQ(r.timexes.size(), 1u);
  EXPECT_EQ(r.timexes[0].value, "2016");
  EXPECT_EQ(r.timexes[0].mod, "MID");
  r = run("Das dauerte mehr als drei Tage.", kDct, "de");
  ASSERT_EQ(r.timexes.size(), 1u);
  EXPECT_EQ(r.timexes[0].value, "P3D");
  EXPECT_EQ(r.timexes[0].mod, "MORE_THAN");
  r = run("Das dauerte etwa zwei Stunden.", kDct, "de");
  ASSERT_EQ(r.timexes.size(), 1u);
  EXPECT_EQ(r.timexes[0].value, "PT2H");
  EXPECT_EQ(r.timexes[0].mod, "APPROX");
}

TEST(RulesDe, DurationsAndNumberWords) {
  EXPECT_EQ(value_of("Das dauerte drei Tage.", kDct, "de"), "P3D");
  EXPECT_EQ(value_of("Er lebt seit zwei Jahren dort.", kDct, "de"), "P2Y");
  EXPECT_EQ(value_of("Er blieb dreiundzwanzig Jahre.", kDct, "de"), "P23Y");
  EXPECT_EQ(value_of("ein 24-stündiger Streik", kDct, "de"), "PT24H");
}

TEST(RulesDe, Sets) {
  EXPECT_EQ(value_of("Er kommt jeden Montag.", kDct, "de"), "XXXX-WXX-1");
  EXPECT_EQ(value_of("Er kommt täglich.", kDct, "de"), "P1D");
  EXPECT_EQ(value_of("Er kommt wöchentlich.", kDct, "de"), "P1W");
}

TEST(RulesDe, NarrativeYearForBareDates) {
  // A history text: far from its DCT, bare dates take the narrative's year.
  const std::string text =
      "Im Jahr 1939 begann der Krieg. Der Plan stammte von 1938. Im Mai 1939 wurde verhandelt. "
      "Im Juni 1939 auch. Im Juli 1939 wieder. Am 31. August wurde der Befehl gegeben. "
      "Einen Tag später begann der Angriff.";
  auto r = run(text, "2011-02-16", "de");
  EXPECT_TRUE(r.narrative);
  const auto* aug = find(r, text, "31. August");
  ASSERT_NE(aug, nullptr);
  EXPECT_EQ(aug->value, "1939-08-31");
  const auto* next = find(r, text, "Einen Tag später");
  ASSERT_NE(next, nullptr);
  EXPECT_EQ(next->value, "1939-09-01");
}

TEST(RulesDe, LaterIsWrittenInItsUnitAndCountsOnFromTheDay) {
  // "Neun Jahre später" is a year; the next anaphor still counts from 3 March.
  const std::string text =
      "Am 3. März 1945 kam er. Neun Jahre später starb er. Drei Monate später auch. Zwei Tage später ging "
      "sie.";
  auto r = run(text, "2011-02-16", "de");
  ASSERT_EQ(r.timexes.size(), 4u);
  EXPECT_EQ(r.timexes[1].value, "1954");
  EXPECT_EQ(r.timexes[2].value, "1954-06");
  EXPECT_EQ(r.timexes[3].value, "1954-06-05");
  EXPECT_EQ(value_of("Das war knapp einen Monat später.", "2017-07-09", "de"), "2017-08");
}

TEST(RulesDe, MinutesAfterAreAStretchOfTime) {
  // A match minute is no date; days after a date are one.
  const std::string sub = "Kruse wurde nach 70 Minuten eingewechselt.";
  auto r = run(sub, "2020-09-20", "de");
  ASSERT_EQ(r.timexes.size(), 1u);
  EXPECT_EQ(sub.substr(r.timexes[0].begin, r.timexes[0].end - r.timexes[0].begin), "70 Minuten");
  EXPECT_EQ(r.timexes[0].type, "DURATION");
  EXPECT_EQ(r.timexes[0].value, "PT70M");
  const std::string days = "Am 6. August 1944 begann die Offensive. Sie endete nach zwei Tagen.";
  EXPECT_EQ(value_at(run(days, "2011-02-16", "de"), days, "nach zwei Tagen"), "1944-08-08");
}

TEST(RulesDe, CenturiesEndBeforeTheFullStop) {
  const std::string text = "Die Sammlungen des 20. und 21. Jahrhunderts. Sie kommen.";
  EXPECT_EQ(value_at(run(text, kDct, "de"), text, "21. Jahrhunderts"), "20");
  // Only the abbreviation takes the full stop.
  const std::string abbr = "Ein Bau des 19. Jh. steht hier.";
  EXPECT_EQ(value_at(run(abbr, kDct, "de"), abbr, "19. Jh."), "18");
}

TEST(RulesDe, NoFalseFriends) {
  for (const char* s : {"Er kam mit dem Zug.", "Die Leute sind so.", "Die Frau sagt die Wahrheit.",
                        "Er kam mit 1500 Soldaten.", "Nr. 2017 ist verkauft", "2/3 der Stimmen",
                        "Die Teilnehmerzahl wird auf maximal 1000 erhöht.", "Es kamen insgesamt 1200."}) {
    EXPECT_EQ(value_of(s, kDct, "de"), "#0") << s;
  }
}

TEST(RulesEn, AbsoluteDatesAndTimes) {
  EXPECT_EQ(value_of("It happened on July 7, 2017.", kDct, "en"), "2017-07-07");
  EXPECT_EQ(value_of("It happened on Aug. 7, 1998.", kDct, "en"), "1998-08-07");
  EXPECT_EQ(value_of("It happened on 11 December 2009.", kDct, "en"), "2009-12-11");
  EXPECT_EQ(value_of("It happened on 7/8/07.", kDct, "en"), "2007-07-08");
  EXPECT_EQ(value_of("It happened in March 2008.", kDct, "en"), "2008-03");
  EXPECT_EQ(value_of("It happened at 7:15 p.m.", kDct, "en"), "2017-07-09T19:15");
  EXPECT_EQ(value_of("It happened in the third quarter.", kDct, "en"), "2017-Q3");
  EXPECT_EQ(value_of("It happened in nineteen ninety-six.", kDct, "en"), "1996");
}

TEST(RulesEn, Relative) {
  EXPECT_EQ(value_of("He left yesterday.", kDct, "en"), "2017-07-08");
  EXPECT_EQ(value_of("He met him last Friday.", kDct, "en"), "2017-07-07");
  EXPECT_EQ(value_of("He left two years ago.", kDct, "en"), "2015");
  EXPECT_EQ(value_of("He comes next month.", kDct, "en"), "2017-08");
  EXPECT_EQ(value_of("He left last year.", kDct, "en"), "2016");
  EXPECT_EQ(value_of("He is here now.", kDct, "en"), "PRESENT_REF");
  EXPECT_EQ(value_of("He will come in December.", kDct, "en"), "2017-12");
}

TEST(RulesEn, DurationsAndSets) {
  EXPECT_EQ(value_of("It lasted twenty-four hours.", kDct, "en"), "PT24H");
  EXPECT_EQ(value_of("a two-year contract", kDct, "en"), "P2Y");
  EXPECT_EQ(value_of("It lasted several years.", kDct, "en"), "PXY");
  EXPECT_EQ(value_of("The first nine months were good.", kDct, "en"), "P9M");
  EXPECT_EQ(value_of("It is published daily.", kDct, "en"), "P1D");
  EXPECT_EQ(value_of("He comes every Monday.", kDct, "en"), "XXXX-WXX-1");
}

TEST(RulesEn, NoFalseFriends) {
  for (const char* s : {"He may come.", "They march on.", "Putin & I discussed it.", "It is 2/3 done.",
                        "The F-16 crashed.", "He paid $2000 for it."}) {
    EXPECT_EQ(value_of(s, kDct, "en"), "#0") << s;
  }
}

// ---- rule families fixed against the TempEval-3 / WikiWarsDE error analysis

TEST(RulesEn, WeekdayDirectionFromNearestTenseCue) {
  // kDct is Sunday 2017-07-09. The cue nearest to the weekday decides.
  EXPECT_EQ(value_of("\"They will concentrate on it,\" Mr. Gerstner said Friday.", kDct, "en"), "2017-07-07");
  EXPECT_EQ(value_of("Saddam said he will begin withdrawing troops on Friday.", kDct, "en"), "2017-07-14");
  EXPECT_EQ(value_of("Protesters planned a large demonstration on Saturday.", kDct, "en"), "2017-07-15");
  EXPECT_EQ(value_of("The group would be ready to leave as soon as Tuesday.", kDct, "en"), "2017-07-11");
  // "United" is a name, not a past form.
  EXPECT_EQ(value_of("The United Nations meets Tuesday.", kDct, "en"), "2017-07-11");
}

TEST(RulesDe, WeekdayDirectionFromTenseAndMood) {
  EXPECT_EQ(value_of("Am Freitag begann die Offensive.", kDct, "de"), "2017-07-07");
  EXPECT_EQ(value_of("Er sagte, er werde am Dienstag reisen.", kDct, "de"), "2017-07-11");
  EXPECT_EQ(value_of("Man würde am Mittwoch verhandeln.", kDct, "de"), "2017-07-12");
}

TEST(RulesEn, MonthWithoutYearFollowsTenseWhenFar) {
  const char* dct = "1989-11-02";
  // Four months ahead is nearest, but the past tense points to the last March.
  EXPECT_EQ(value_of("He stepped down in March for health reasons.", dct, "en"), "1989-03");
  EXPECT_EQ(value_of("The offer will expire in March.", dct, "en"), "1990-03");
  // Close to the DCT the nearest month wins whatever the tense.
  EXPECT_EQ(value_of("It said the dividend is payable Dec. 15.", dct, "en"), "1989-12-15");
  EXPECT_EQ(value_of("The election is due this September.", "1998-02-05", "en"), "1998-09");
}

TEST(RulesEn, FinancialQuarters) {
  const char* dct = "1989-11-02";
  EXPECT_EQ(value_of("Profit rose from the year-ago quarter.", dct, "en"), "1988-Q3");
  EXPECT_EQ(value_of("Sales fell from the year-earlier period.", dct, "en"), "1988-Q3");
  // After a named quarter, "year-earlier" is that quarter a year before.
  auto r = run("Net rose in the second quarter. It fell in the year-earlier period.", dct, "en");
  ASSERT_EQ(r.timexes.size(), 2u);
  EXPECT_EQ(r.timexes[0].value, "1989-Q2");
  EXPECT_EQ(r.timexes[1].value, "1988-Q2");
  // A fiscal year named by its end is a duration.
  r = run("Revenue was $76 million for the year ended March 31.", dct, "en");
  ASSERT_EQ(r.timexes.size(), 2u);
  EXPECT_EQ(r.timexes[0].type, "DURATION");
  EXPECT_EQ(r.timexes[0].value, "P1Y");
  EXPECT_EQ(r.timexes[1].value, "1989-03-31");
}

TEST(RulesEn, VagueReferences) {
  // TimeBank writes vague plural spans as durations of unknown length.
  EXPECT_EQ(value_of("Prices rose in recent years.", kDct, "en"), "PXY");
  EXPECT_EQ(value_of("Prices will rise in the coming months.", kDct, "en"), "PXM");
  EXPECT_EQ(value_of("Prices rose over the past few weeks.", kDct, "en"), "PXW");
  EXPECT_EQ(value_of("It will change in the near future.", kDct, "en"), "FUTURE_REF");
  EXPECT_EQ(value_of("It lasted several years.", kDct, "en"), "PXY");
  EXPECT_EQ(value_of("It rose over the past year.", kDct, "en"), "2016");
  // TimeBank leaves these unannotated.
  for (const char* s : {"He previously worked there.", "He will come soon.", "a future plan"}) {
    EXPECT_EQ(value_of(s, kDct, "en"), "#0") << s;
  }
}

TEST(RulesEn, Holidays) {
  EXPECT_EQ(value_of("They met on Thanksgiving Day.", "1999-11-30", "en"), "1999-11-25");
  EXPECT_EQ(value_of("They met on Thanksgiving.", "2017-11-01", "en"), "2017-11-23");
}

TEST(RulesDe, EnumeratedDaysAndMonthsAreSplit) {
  // TIMEX2 (WikiWarsDE): "8. und 9. Mai 1945" is two dates; the first takes month and year from the second.
  std::string text = "Die Kapitulation wurde am 8. und 9. Mai 1945 unterzeichnet.";
  auto r = run(text, "2011-02-16", "de");
  ASSERT_EQ(r.timexes.size(), 2u);
  EXPECT_EQ(text.substr(r.timexes[0].begin, r.timexes[0].end - r.timexes[0].begin), "8.");
  EXPECT_EQ(r.timexes[0].value, "1945-05-08");
  EXPECT_EQ(r.timexes[1].value, "1945-05-09");
  text = "Der Westfeldzug Mai/Juni 1940 war schnell vorbei.";
  r = run(text, "2011-02-16", "de");
  ASSERT_EQ(r.timexes.size(), 2u);
  EXPECT_EQ(r.timexes[0].value, "1940-05");
  EXPECT_EQ(r.timexes[1].value, "1940-06");
  text = "Die Luftschlacht um England 1940/1941 scheiterte.";
  r = run(text, "2011-02-16", "de");
  ASSERT_EQ(r.timexes.size(), 2u);
  EXPECT_EQ(r.timexes[0].value, "1940");
  EXPECT_EQ(r.timexes[1].value, "1941");
  // The seed's broadcast time stays one TIME.
  EXPECT_EQ(value_of("am 07. Juli 2017 um 22:10 Uhr", kDct, "de"), "2017-07-07T22:10");
}

TEST(RulesDe, NarrativeReferenceIgnoresAsidesAndRelativeYears) {
  const std::string text =
      "Im Oktober 1862 stand die Armee am Fluss. Im Mai 1862 war sie aufgebrochen. Im Juni 1862 kam sie an. "
      "Im Juli 1862 kämpfte sie. Im August 1862 siegte sie. Die Brüder überfielen bis 1881 Banken. "
      "Im letzten Jahr war es ruhig gewesen. Im Dezember griff die Armee an.";
  auto r = run(text, "2011-02-16", "de");
  EXPECT_TRUE(r.narrative);
  const auto* last = find(r, text, "letzten Jahr");
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(last->value, "1861");
  const auto* dec = find(r, text, "Dezember");
  ASSERT_NE(dec, nullptr);
  EXPECT_EQ(dec->value, "1862-12");
}

TEST(Timeline, NewsFeatureOnHistoryStaysNews) {
  // Many far years, but weekdays and "today" mark a news report on its DCT.
  const std::string text =
      "On Friday the three countries joined NATO. The alliance was founded in 1949. It grew in 1952, 1955 "
      "and 1982. Stalin had divided Europe in 1945 and 1948. The idea dates from 1946 and 1947. "
      "Today the foreign ministers signed. On Friday they met the press.";
  auto r = run(text, "1999-03-12", "en");
  EXPECT_FALSE(r.narrative);
  EXPECT_EQ(value_at(r, text, "Today"), "1999-03-12");
}

TEST(RulesEn, VaguePluralDurations) {
  EXPECT_EQ(value_of("Funds may sell bonds in the weeks ahead.", kDct, "en"), "PXW");
  EXPECT_EQ(value_of("Troops will arrive within weeks.", kDct, "en"), "PXW");
  EXPECT_EQ(value_of("He will stay for at least two more weeks.", kDct, "en"), "P2W");
  EXPECT_EQ(value_of("Over the next couple of years sales will grow.", kDct, "en"), "P2Y");
  EXPECT_EQ(value_of("It was the lowest rate for almost two decades.", kDct, "en"), "P20Y");
}

TEST(RulesEn, AgesAreNoDurations) {
  EXPECT_TRUE(run("Mr. Reupke, 52 years old, will retire.", kDct, "en").timexes.empty());
  EXPECT_EQ(value_of("He worked there for 52 years.", kDct, "en"), "P52Y");
}

TEST(RulesEn, YearEndAndFiscalYears) {
  const char* dct = "1989-10-26";
  EXPECT_EQ(value_of("The plan should be in place by year's end.", dct, "en"), "1989");
  EXPECT_EQ(value_of("They will cut 6,000 jobs by year end.", dct, "en"), "1989");
  EXPECT_EQ(value_of("It will close the deal by year-end.", dct, "en"), "1989-12-31");
  EXPECT_EQ(value_of("Sales rose in the current fiscal year.", dct, "en"), "1989");
  EXPECT_EQ(value_of("Business in the current quarter began well.", dct, "en"), "1989-Q4");
  EXPECT_EQ(value_of("It had sales of $4 billion in the latest fiscal year.", dct, "en"), "1988");
  auto r = run("In the fiscal year ended Jan. 31, sales rose.", dct, "en");
  ASSERT_FALSE(r.timexes.empty());
  EXPECT_EQ(r.timexes[0].type, "DURATION");
  EXPECT_EQ(r.timexes[0].value, "P1Y");
}

TEST(RulesEn, YearAgoIsNoNewReference) {
  // "a year ago" compares with the reported quarter; it does not move the reference,
  // so a second comparison still means the same year-ago quarter.
  const std::string text =
      "Net rose in the third quarter from $5 million a year ago. Sales rose 9% from a year earlier.";
  auto r = run(text, "1989-10-26", "en");
  ASSERT_EQ(r.timexes.size(), 3u);
  EXPECT_EQ(r.timexes[1].value, "1988-Q3");
  EXPECT_EQ(r.timexes[2].value, "1988-Q3");
  // "The quarter-to-quarter comparison" names no quarter.
  EXPECT_TRUE(run("The quarter-to-quarter comparison improved.", "1989-10-26", "en").timexes.empty());
}

TEST(RulesEn, MonthWithDeicticYear) {
  const char* dct = "1998-12-03";
  EXPECT_EQ(value_of("It began in February this year.", dct, "en"), "1998-02");
  EXPECT_EQ(value_of("He was arrested in June last year.", dct, "en"), "1997-06");
  EXPECT_EQ(value_of("It ends in June next year.", dct, "en"), "1999-06");
  EXPECT_EQ(value_of("The business was sold this past spring.", "1989-10-30", "en"), "1989-SP");
  EXPECT_EQ(value_of("Demand was low in the early summer.", "1989-10-26", "en"), "1989-SU");
}

TEST(RulesEn, TimeWithZoneBeforeDayOrDate) {
  // Wednesday 2000-04-05: the deadline is the coming Tuesday.
  EXPECT_EQ(value_of("The offer runs until 5 p.m. EST, Nov. 6.", "1989-10-30", "en"), "1989-11-06T17");
  EXPECT_EQ(value_of("The boy arrived at 4 a.m. EDT Thursday.", "2000-04-07", "en"), "2000-04-06T04");
}

TEST(RulesEn, NowAsDiscourseMarker) {
  EXPECT_TRUE(run("Now, he says, the plan looks weak.", kDct, "en").timexes.empty());
  EXPECT_EQ(value_of("Now critics are targeting its owner.", kDct, "en"), "PRESENT_REF");
  EXPECT_EQ(value_of("The fund now holds cash.", kDct, "en"), "PRESENT_REF");
  EXPECT_EQ(value_of("Rights let holders buy at the then current price.", kDct, "en"), "PAST_REF");
  EXPECT_EQ(value_of("The market seems nervous these days.", kDct, "en"), "PRESENT_REF");
}

TEST(RulesEn, RatesAreNoSets) {
  EXPECT_TRUE(run("Revenue will grow by 20% annually.", kDct, "en").timexes.empty());
  EXPECT_TRUE(run("It was 5% of the average daily volume.", kDct, "en").timexes.empty());
  EXPECT_EQ(value_of("The rally is held daily.", kDct, "en"), "P1D");
}

TEST(RulesEn, UntensedWeekdayIsThePastOne) {
  // Monday 1989-10-30: without a tense cue the last Thursday, not the next one.
  EXPECT_EQ(value_of("The notes carry a premium over Thursday's closing price.", "1989-10-30", "en"),
            "1989-10-26");
  EXPECT_EQ(value_of("Protesters are planning a march on Saturday.", "2000-01-07", "en"), "2000-01-08");
}

TEST(RulesEn, QuotesBoundTheTenseCue) {
  // Wednesday 2000-04-05: "said" outside the quote does not date the quoted departure.
  EXPECT_EQ(value_of("''He will leave at 4 a.m. EDT Thursday,'' Castro said.", "2000-04-05", "en"),
            "2000-04-06T04");
  EXPECT_EQ(value_of("\"He will leave Thursday,\" Castro said.", "2000-04-05", "en"), "2000-04-06");
  // ... and a future inside a quote does not date the speaker's statement.
  EXPECT_EQ(value_of("``They will appeal,'' Cuba predicted Wednesday.", "2000-01-07", "en"), "2000-01-05");
}

TEST(RulesEn, FutureInThePast) {
  // Friday 2000-01-07: "were planning", "was scheduled" look ahead; "since" looks back.
  EXPECT_EQ(value_of("A rally on Saturday was expected to draw thousands.", "2000-01-07", "en"),
            "2000-01-08");
  EXPECT_EQ(value_of("The vote on Tuesday was scheduled long ago.", "2000-01-07", "en"), "2000-01-11");
  EXPECT_EQ(value_of("It has been on patrol since March and was scheduled to return.", "1990-08-13", "en"),
            "1990-03");
  // A passive participle after "be" is no past cue.
  EXPECT_EQ(value_of("The stock will be redeemed in five years.", "1989-10-30", "en"), "1994");
}

TEST(RulesEn, InDurationWithoutFuture) {
  auto r = run("His second letter in two weeks was published.", "2000-02-16", "en");
  ASSERT_EQ(r.timexes.size(), 1u);
  EXPECT_EQ(r.timexes[0].value, "P2W");
  EXPECT_EQ(r.timexes[0].type, "DURATION");
  EXPECT_EQ(r.timexes[0].begin, std::string("His second letter in ").size());
  EXPECT_EQ(value_of("The plant will open in two weeks.", "2000-02-16", "en"), "2000-W09");
}

TEST(RulesEn, HalvesAndDayparts) {
  EXPECT_EQ(value_of("She spent 5 1/2 hours in Nairobi.", kDct, "en"), "PT5H30M");
  EXPECT_EQ(value_of("It took 2 1/2 years.", kDct, "en"), "P2Y6M");
  EXPECT_EQ(value_of("The clip lasts a minute and a half.", kDct, "en"), "PT1M30S");
  EXPECT_EQ(value_of("He held a day-long meeting.", kDct, "en"), "P1D");
  EXPECT_EQ(value_of("He will leave at 4 in the morning.", "2000-04-05", "en"), "2000-04-05T04");
}

TEST(RulesEn, LowerCaseMonthAndEventAnchoredDayBefore) {
  EXPECT_TRUE(run("Thousands joined this march for peace.", kDct, "en").timexes.empty());
  EXPECT_EQ(value_of("It opened this March.", kDct, "en"), "2017-03");
  EXPECT_TRUE(
      run("He was last seen the day before authorities issued a warrant.", kDct, "en").timexes.empty());
  auto r = run("They met on July 3. He had left the day before.", kDct, "en");
  ASSERT_EQ(r.timexes.size(), 2u);
  EXPECT_EQ(r.timexes[1].value, "2017-07-02");
}

TEST(RulesEn, BlockersAreNoTimex) {
  // Index values with decimals, rates after a quantity, show titles, ordinal "a second".
  EXPECT_TRUE(run("The index closed at 2082.1, down 4.5%.", "1989-10-30", "en").timexes.empty());
  EXPECT_TRUE(run("It will save $500 million a year in costs.", "1989-10-30", "en").timexes.empty());
  EXPECT_TRUE(run("This will add nearly 700 seats a week on the route.", "1998-02-13", "en").timexes.empty());
  EXPECT_EQ(value_of("Profit fell from $10 million a year ago.", "1989-10-30", "en"), "1988-10-30");
  EXPECT_TRUE(
      run("Baker said on ABC's \"This Week\" that the request stands.", "1990-08-13", "en").timexes.empty());
  EXPECT_TRUE(
      run("Gonzalez said on CBS's ''60 Minutes'' that he was hurt.", "2000-04-17", "en").timexes.empty());
  EXPECT_TRUE(run("For Poland, high noon has come.", "1999-03-12", "en").timexes.empty());
  EXPECT_TRUE(
      run("He was at the head of the March of the Combatant Mothers.", "2000-01-15", "en").timexes.empty());
  EXPECT_TRUE(run("A second group of directors joined.", "1989-10-30", "en").timexes.empty());
  EXPECT_EQ(value_of("He waited a second.", "1989-10-30", "en"), "PT1S");
}

TEST(RulesEn, RecentlyAfterAnAuxiliary) {
  EXPECT_TRUE(run("The search was recently extended to Mexico.", "1999-01-22", "en").timexes.empty());
  EXPECT_TRUE(run("Both have recently been ceding market share.", "1989-10-30", "en").timexes.empty());
  EXPECT_EQ(value_of("Magna recently cut its dividend.", "1989-10-30", "en"), "PAST_REF");
}

TEST(RulesEn, DeadlinesLookAhead) {
  // Thursday 2000-03-30: "until Tuesday" is the next one; "Up until Thursday, they had" looks back.
  EXPECT_EQ(value_of("Officials postponed until Tuesday morning any action.", "2000-03-30", "en"),
            "2000-04-04TMO");
  EXPECT_EQ(value_of("INS extended its deadline until 9 a.m. EST Tuesday.", "2000-04-03", "en"),
            "2000-04-04T09");
  // "by" + month: the next February (DCT October), though a pluperfect comes first.
  EXPECT_EQ(value_of("The sale, which had been expected, helps to pay down a loan by February.", "1989-10-30",
                     "en"),
            "1990-02");
  // "had been due/scheduled to": the deadline has passed.
  EXPECT_EQ(value_of("The offer had been due to expire Friday evening.", "1989-10-30", "en"),
            "1989-10-27TEV");
  // The noun "plans" is no future cue; "plans to" is.
  EXPECT_EQ(value_of("On Friday, she set aside vacation plans.", "1998-08-17", "en"), "1998-08-14");
  EXPECT_EQ(value_of("Qantas plans to add flights Friday.", "1998-08-17", "en"), "1998-08-21");
}

TEST(RulesEn, NewFamiliesRound5) {
  EXPECT_EQ(value_of("a theme of our campaign to Election Day.", "1998-10-26", "en"), "1998-11-03");
  EXPECT_EQ(value_of("It happened on Election Day.", "2005-10-01", "en"), "2005-11-08");  // Nov 1 a Tuesday
  EXPECT_EQ(value_of("Numbers dropped through the nineties.", "1998-03-03", "en"), "199");
  EXPECT_EQ(value_of("a hearing in the week of March 6", "2000-02-24", "en"), "2000-W10");
  EXPECT_EQ(value_of("It may be extended for an additional year.", "1989-10-30", "en"), "P1Y");
  EXPECT_EQ(value_of("Eight trading days after the crash it recovered.", "1989-10-30", "en"), "P8D");
  EXPECT_EQ(value_of("sales in the last half of 1989", "1989-10-30", "en"), "1989-H2");
  auto r = run("Net rose in the third quarter, up from the 1988 quarter.", "1989-10-30", "en");
  ASSERT_EQ(r.timexes.size(), 2u);
  EXPECT_EQ(r.timexes[1].value, "1988-Q3");
}

TEST(RulesEn, HeadsWithAnInfinitiveLookAhead) {
  // Sunday 1998-03-22: "set to resume Monday" is the next Monday.
  EXPECT_EQ(
      value_of("It would undermine the peace process, set to resume Monday in Belfast.", "1998-03-22", "en"),
      "1998-03-23");
  // Friday 1989-10-27: "is to resume trading in Paris Tuesday".
  EXPECT_EQ(value_of("The stock is to resume trading in Paris Tuesday.", "1989-10-27", "en"), "1989-10-31");
  // "agreed to purchase ... in February" (DCT October): the next February.
  EXPECT_EQ(value_of("Thermo agreed to purchase the line for $22 million in February.", "1989-10-30", "en"),
            "1990-02");
  // Without "to + verb" the head is an ordinary word: "agreed Tuesday" is past,
  // "agreed to a meeting" no plan.
  EXPECT_EQ(value_of("Ford agreed Tuesday to sell the unit.", "1989-10-27", "en"), "1989-10-24");
  EXPECT_EQ(value_of("Reno agreed to a meeting on Tuesday.", "2000-02-10", "en"), "2000-02-08");
}

TEST(RulesEn, ParticiplesAfterBeOrADeterminerAreNoPastCue) {
  // Thursday 1989-10-26: "be paid" is a passive, "a still unspecified date" an adjective;
  // "would" decides: the next January.
  EXPECT_EQ(value_of("The split would be paid on a still unspecified date in January.", "1989-10-26", "en"),
            "1990-01");
  EXPECT_EQ(value_of("The meeting will be held Tuesday.", "1989-10-26", "en"), "1989-10-31");
}

TEST(RulesEn, PossessiveWeekdayIsPast) {
  // Friday 2000-01-07: "Wednesday's ruling" took place, though "would" is nearer.
  EXPECT_EQ(value_of("They said they would look for ways around Wednesday's ruling.", "2000-01-07", "en"),
            "2000-01-05");
}

TEST(RulesEn, ThroughAMonthIsADeadline) {
  // Monday 1989-10-30: "through January" is the next one; "from March through June" a range.
  EXPECT_EQ(value_of("Lenders extended loans through January.", "1989-10-30", "en"), "1990-01");
  auto r = run("Sales fell from March through June.", "1989-10-30", "en");
  ASSERT_EQ(r.timexes.size(), 2u);
  EXPECT_EQ(r.timexes[1].value, "1989-06");
}

TEST(RulesDe, NewYearFollowsTheNarrativeYear) {
  const std::string text =
      "Im Juni 1941 begann der Angriff. Im Juli 1941 fiel Smolensk. Im August 1941 stand die Front. "
      "Im Oktober 1941 kam der Schlamm. Am 16. Dezember 1941 gab Hitler den Befehl. "
      "In den Schlachten des neuen Jahres konnte am 28. Mai Charkow erobert werden.";
  auto r = run(text, "2011-02-16", "de");
  EXPECT_TRUE(r.narrative);
  EXPECT_EQ(value_at(r, text, "neuen Jahres"), "1942");
  EXPECT_EQ(value_at(r, text, "28. Mai"), "1942-05-28");
}

TEST(Rules, ReferencesToNowAndThenAreDates) {
  // PRESENT_REF, PAST_REF, FUTURE_REF are DATE values in TimeML, though they start with P.
  for (const auto& [text, lang, value] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"Prices are falling now.", "en", "PRESENT_REF"},
           {"He recently moved.", "en", "PAST_REF"},
           {"Jetzt wird verhandelt.", "de", "PRESENT_REF"},
           {"Das kommt bald.", "de", "FUTURE_REF"}}) {
    SCOPED_TRACE(text);
    auto r = run(text, kDct, lang);
    ASSERT_EQ(r.timexes.size(), 1u);
    EXPECT_EQ(r.timexes[0].type, "DATE");
    EXPECT_EQ(r.timexes[0].value, value);
  }
  // A real duration stays one.
  auto d = run("It was tested in two weeks.", kDct, "en");
  ASSERT_EQ(d.timexes.size(), 1u);
  EXPECT_EQ(d.timexes[0].type, "DURATION");
}

TEST(RulesEn, DateFollowedByATimeIsOneTime) {
  EXPECT_EQ(value_of("Polls closed on March 14, 2021, 9:00 AM.", "2021-03-20", "en"), "2021-03-14T09:00");
  EXPECT_EQ(value_of("Polls closed on March 14, 2021 at 9:30 PM.", "2021-03-20", "en"), "2021-03-14T21:30");
  EXPECT_EQ(value_of("Polls closed on 14 March 2021 21:30.", "2021-03-20", "en"), "2021-03-14T21:30");
}

TEST(RulesDe, AgesAreNoDurations) {
  for (const char* s :
       {"Der 17-Jährige wurde verhaftet.", "Sie ist 25 Jahre alt.", "Er starb im Alter von 56 Jahren."}) {
    EXPECT_EQ(value_of(s, kDct, "de"), "#0") << s;
  }
  EXPECT_EQ(value_of("Er war 30 Jahre lang Bürgermeister.", kDct, "de"), "P30Y");
  EXPECT_EQ(value_of("Ein 24-stündiger Streik.", kDct, "de"), "PT24H");
}

// ---- German news conventions (issue 13), sentences from the German news corpus
namespace {
constexpr const char* kJan21 = "2021-01-15";  // a Friday in the corpus' second wave
}

TEST(RulesDeNews, NewspaperNamedAfterItsDayIsNoDate) {
  const std::string s = "\"Wir sind bereit\", sagte Weil der Bild am Sonntag.";
  auto r = run(s, kJan21, "de");
  EXPECT_EQ(overlapping(r, s, "Bild am Sonntag"), 0);
  const std::string w = "Wie die Welt am Sonntag berichtet, trat er am Sonntag zurück.";
  r = run(w, kJan21, "de");
  ASSERT_EQ(r.timexes.size(), 1u);
  EXPECT_EQ(w.substr(r.timexes[0].begin, r.timexes[0].end - r.timexes[0].begin), "am Sonntag");
  EXPECT_EQ(r.timexes[0].value, "2021-01-10");
  // A lower-case "am Sonntag" after an ordinary noun stays a date.
  EXPECT_EQ(value_of("Die Polizei am Sonntag meldete keine Verletzten.", kJan21, "de"), "2021-01-10");
}

TEST(RulesDeNews, PluralAndVagueRelativePeriods) {
  const std::string s = "Der Zweitimpftermin steht theoretisch in den nächsten Tagen an.";
  auto r = run(s, kJan21, "de");
  EXPECT_EQ(value_at(r, s, "den nächsten Tagen"), "PXD");
  EXPECT_EQ(value_of("In den kommenden Wochen wird es kalt.", kJan21, "de"), "PXW");
  EXPECT_EQ(value_of("In den vergangenen Monaten stiegen die Zahlen.", kJan21, "de"), "PXM");
  // "in wenigen Wochen" ahead is a vague future point, no duration ...
  const std::string f = "Laut Scholz wird es in wenigen Wochen zu einer \"Stunde der Wahrheit\" kommen.";
  r = run(f, kJan21, "de");
  EXPECT_EQ(value_at(r, f, "in wenigen Wochen"), "FUTURE_REF");
  EXPECT_EQ(find(r, f, "in wenigen Wochen")->type, "DATE");
  // ... looking back, the stretch it took (without "in")
  const std::string p = "Der Anteil hat auf mehr als 20 Prozent in wenigen Wochen zugenommen.";
  r = run(p, kJan21, "de");
  EXPECT_EQ(value_at(r, p, "wenigen Wochen"), "PXW");
  EXPECT_EQ(value_of("Damals war alles anders.", kJan21, "de"), "PAST_REF");
  EXPECT_EQ(value_of("Im Moment gibt es keine Lösung.", kJan21, "de"), "PRESENT_REF");
  EXPECT_EQ(value_of("Derzeit gibt es keine Lösung.", kJan21, "de"), "PRESENT_REF");
  // "im Moment der Explosion" is an event, no reference to now
  EXPECT_EQ(value_of("Im Moment der Explosion stand er davor.", kJan21, "de"), "#0");
}

TEST(RulesDeNews, DamalsInAHistoryIsLeftOut) {
  // WikiWarsDE (TIMEX2) marks no "damals" in its histories; news (TIMEX3) does.
  const std::string h =
      "Im Juni 1812 marschierte Napoleon nach Russland. 1813 verlor er bei Leipzig. 1814 dankte er ab. "
      "1815 kam er zurück. 1821 starb er. Damals war Europa erschöpft.";
  auto r = run(h, "2011-05-01", "de");
  ASSERT_TRUE(r.narrative);
  EXPECT_EQ(overlapping(r, h, "Damals"), 0);
}

TEST(RulesDeNews, Frequencies) {
  const std::string s = "Am Ende blieben ihr umgerechnet rund 40 Euro im Monat.";
  auto r = run(s, kJan21, "de");
  EXPECT_EQ(value_at(r, s, "im Monat"), "P1M");
  EXPECT_EQ(find(r, s, "im Monat")->type, "SET");
  EXPECT_EQ(value_of("Texte gibt es bei uns zweimal pro Woche.", kJan21, "de"), "P1W");
  EXPECT_EQ(value_of("Die Miete steigt je Monat.", kJan21, "de"), "P1M");
  const std::string t = "Er kommt dreimal am Tag, 24 Stunden am Tag.";
  r = run(t, kJan21, "de");
  EXPECT_EQ(value_at(r, t, "am Tag"), "P1D");
  EXPECT_EQ(value_at(r, t, "24 Stunden"), "PT24H");
  // No quantity before it: "im Monat Mai", "am Tag der Wahl" are no rates.
  r = run("Im Monat Mai kam er.", kJan21, "de");
  ASSERT_EQ(r.timexes.size(), 1u);
  EXPECT_EQ(r.timexes[0].type, "DATE");
  EXPECT_EQ(value_of("Am Tag der Wahl regnete es.", kJan21, "de"), "#0");
}

TEST(RulesDeNews, WeekendsAndPartsOfTheWeek) {
  EXPECT_EQ(value_of("Am Wochenende demonstrierten Tausende.", kJan21, "de"), "2021-W01-WE");
  EXPECT_EQ(value_of("Am Wochenende wird es schneien.", kJan21, "de"), "2021-W02-WE");
  EXPECT_EQ(value_of("Am vergangenen Wochenende kam er.", kJan21, "de"), "2021-W01-WE");
  EXPECT_EQ(value_of("Am nächsten Wochenende kommt er.", kJan21, "de"), "2021-W02-WE");
  auto r = run("Mitte der Woche soll es regnen.", kJan21, "de");
  ASSERT_EQ(r.timexes.size(), 1u);
  EXPECT_EQ(r.timexes[0].value, "2021-W02");
  EXPECT_EQ(r.timexes[0].mod, "MID");
}

TEST(RulesDeNews, DecadeWords) {
  EXPECT_EQ(value_of("In den Neunzigerjahren war das anders.", kJan21, "de"), "199");
  EXPECT_EQ(value_of("In den 90er-Jahren war das anders.", kJan21, "de"), "199");
  EXPECT_EQ(value_of("In den Achtzigern war das anders.", kJan21, "de"), "198");
  EXPECT_EQ(value_of("in die neunziger Jahre", kJan21, "de"), "199");
  // in news the last such decade: in 2021 the Sixties are the 1960s, not the 2060s
  EXPECT_EQ(value_of("In den Sechzigerjahren war das anders.", kJan21, "de"), "196");
  EXPECT_EQ(value_of("In den 60er Jahren war das anders.", kJan21, "de"), "196");
  EXPECT_EQ(value_of("In den 20er-Jahren wird das anders.", kJan21, "de"), "202");
  auto r = run("Mitte der Neunzigerjahre kam er.", kJan21, "de");
  ASSERT_EQ(r.timexes.size(), 1u);
  EXPECT_EQ(r.timexes[0].value, "199");
  EXPECT_EQ(r.timexes[0].mod, "MID");
  const std::string e = "In den Achtziger- und Neunzigerjahren";
  r = run(e, kJan21, "de");
  EXPECT_EQ(value_at(r, e, "Achtziger"), "198");
  EXPECT_EQ(value_at(r, e, "Neunzigerjahren"), "199");
}

TEST(RulesDeNews, MovableFeastsFromEaster) {
  EXPECT_EQ(value_of("Am Karfreitag veröffentlichte das Journal die Studie.", "2021-04-06", "de"),
            "2021-04-02");
  EXPECT_EQ(value_of("An Ostern bleiben die Kirchen zu.", "2020-03-20", "de"), "2020-04-12");
  EXPECT_EQ(value_of("Bis Pfingsten soll es gelten.", "2020-03-20", "de"), "2020-05-31");
  EXPECT_EQ(value_of("An Christi Himmelfahrt war es voll.", "2020-05-25", "de"), "2020-05-21");
  EXPECT_EQ(value_of("Fronleichnam 2021 ist ein Feiertag.", kJan21, "de"), "2021-06-03");
  EXPECT_EQ(value_of("Am Ostermontag 2019 kam er.", kJan21, "de"), "2019-04-22");
  EXPECT_EQ(value_of("Am 1. Advent öffnet der Markt.", "2020-11-20", "de"), "2020-11-29");
  EXPECT_EQ(value_of("Am 4. Advent 2021 blieb er zu Hause.", kJan21, "de"), "2021-12-19");
  EXPECT_EQ(value_of("Silvester 2020 war still.", kJan21, "de"), "2020-12-31");
}

TEST(RulesDeNews, AdjacentExpressionsAreOne) {
  const std::string s = "Letzter Ausstellungstag in der Galerie ist am Sonntag, 4. Oktober.";
  auto r = run(s, "2020-09-30", "de");
  ASSERT_EQ(r.timexes.size(), 1u);
  EXPECT_EQ(value_at(r, s, "am Sonntag, 4. Oktober"), "2020-10-04");
  // the date decides, not the weekday's direction
  EXPECT_EQ(value_of("Er kam am Samstag, 3.10., zurück.", "2020-10-20", "de"), "2020-10-03");
  const std::string l = "Nüßlein soll sich im Frühjahr vergangenen Jahres eingesetzt haben.";
  r = run(l, kJan21, "de");
  EXPECT_EQ(value_at(r, l, "Frühjahr vergangenen Jahres"), "2020-SP");
  EXPECT_EQ(value_of("Er kam im März des vergangenen Jahres.", kJan21, "de"), "2020-03");
  EXPECT_EQ(value_of("Er kam am 1. März vergangenen Jahres.", kJan21, "de"), "2020-03-01");
  // a line break inside a date
  const std::string b = "Das Konzert findet am Sonntag,\n25. Oktober 2020 statt.";
  r = run(b, kJan21, "de");
  ASSERT_EQ(r.timexes.size(), 1u);
  EXPECT_EQ(r.timexes[0].value, "2020-10-25");
  // a hard-wrapped line ending in the day: segment ends a sentence there, the date goes on
  const std::string w = "Das könnte zum Problem werden. Am 30. \nSeptember soll eine Debatte sein.";
  r = run(w, "2020-09-20", "de");
  EXPECT_EQ(value_at(r, w, "30. \nSeptember"), "2020-09-30");
  EXPECT_EQ(overlapping(r, w, "September"), 1);
  // "zwischen 8 bis 16 Uhr": the start is a time of its own
  const std::string h = "Termine gibt es zwischen 8 bis 16 Uhr.";
  r = run(h, kJan21, "de");
  EXPECT_EQ(value_at(r, h, "8"), "2021-01-15T08");
  EXPECT_EQ(value_at(r, h, "16 Uhr"), "2021-01-15T16");
}

TEST(RulesDeNews, SeasonsFollowTheTense) {
  // In January looking back, "im Frühjahr" is last year's; looking ahead this year's.
  EXPECT_EQ(value_of("Im Frühjahr hatten wir viele Fälle.", kJan21, "de"), "2020-SP");
  EXPECT_EQ(value_of("Im Frühjahr wird es besser.", kJan21, "de"), "2021-SP");
  EXPECT_EQ(value_of("Im Sommer war es ruhig.", kJan21, "de"), "2020-SU");
  // A future cue does not move it: "als noch im Frühjahr" compares with this year's.
  EXPECT_EQ(value_of("Inzwischen wird mehr getestet als noch im Frühjahr.", "2020-10-17", "de"), "2020-SP");
  // A Perfekt auxiliary is past only with a participle: "ein Ende haben" is no past.
  EXPECT_EQ(value_of("Die Krise könnte noch im Herbst ein Ende haben.", "2020-07-05", "de"), "2020-FA");
  EXPECT_EQ(value_of("Im Herbst hat er die Firma verkauft.", "2021-07-05", "de"), "2020-FA");
  // A capitalised cue word inside a clause is a noun: "Stand heute" is no past.
  EXPECT_EQ(value_of("Wir können, Stand heute, im Sommer allen ein Angebot machen.", "2021-02-05", "de"),
            "#2");
  auto r = run("Wir können, Stand heute, im Sommer allen ein Angebot machen.", "2021-02-05", "de");
  EXPECT_EQ(value_at(r, "Wir können, Stand heute, im Sommer allen ein Angebot machen.", "Sommer"), "2021-SU");
}

TEST(RulesDeNews, SinceIsNeverAhead) {
  // "seit März" in a January article: last March, even when no verb says so.
  EXPECT_EQ(value_of("Seit März wissen wir, dass ganz vieles geht.", kJan21, "de"), "2020-03");
  EXPECT_EQ(value_of("Das Gesetz gilt seit dem 3. März.", kJan21, "de"), "2020-03-03");
  // this month included
  EXPECT_EQ(value_of("Seit Januar gilt die Pflicht.", kJan21, "de"), "2021-01");
  EXPECT_EQ(value_of("Im März gilt die Pflicht.", kJan21, "de"), "2021-03");
}

TEST(RulesDeNews, WeekdayDirectionFromTheVerbsForm) {
  // Friday 15 January: an untensed Sunday would be the coming one (two days ahead).
  EXPECT_EQ(value_of("Die Polizei am Sonntag meldete keine Verletzten.", kJan21, "de"), "2021-01-10");
  // weak preterite (-ete, consonant + -te), strong preterite from the lexicon
  EXPECT_EQ(value_of("Die Polizei meldete am Sonntag keine Verletzten.", kJan21, "de"), "2021-01-10");
  EXPECT_EQ(value_of("Die Helfer sagten am Sonntag ab.", kJan21, "de"), "2021-01-10");
  EXPECT_EQ(value_of("Als Tschentscher am Sonntag vor die Presse trat, war alles klar.", kJan21, "de"),
            "2021-01-10");
  // endings that are no past: superlatives, ordinals, infinitives of t-stems
  EXPECT_EQ(value_of("Die besten Spieler kommen am Sonntag.", kJan21, "de"), "2021-01-17");
  EXPECT_EQ(value_of("Die zweite Runde beginnt am Sonntag.", kJan21, "de"), "2021-01-17");
  EXPECT_EQ(value_of("Am Sonntag halten sie eine Rede.", kJan21, "de"), "2021-01-17");
  EXPECT_EQ(value_of("Am Sonntag treten sie an.", kJan21, "de"), "2021-01-17");
  // Perfekt: the auxiliary with a participle before or after it
  EXPECT_EQ(value_of("Die Polizei hat am Sonntag zwei Männer festgenommen.", kJan21, "de"), "2021-01-10");
  EXPECT_EQ(value_of("Er sagt, dass er am Sonntag gekommen ist.", kJan21, "de"), "2021-01-10");
  EXPECT_EQ(value_of("Er ist am Sonntag gestorben.", kJan21, "de"), "2021-01-10");
  EXPECT_EQ(value_of("Das hat das Kabinett am Sonntag in München beschlossen.", kJan21, "de"), "2021-01-10");
  // without a participle "ist" is the present
  EXPECT_EQ(value_of("Am Sonntag ist Wahltag.", kJan21, "de"), "2021-01-17");
}

TEST(RulesEnNews, SeasonsFeastsAndSinceAsInGerman) {
  EXPECT_EQ(value_of("Sales fell in the summer.", kJan21, "en"), "2020-SU");
  EXPECT_EQ(value_of("Sales will rise in the summer.", kJan21, "en"), "2021-SU");
  EXPECT_EQ(value_of("Good Friday is a holiday.", kJan21, "en"), "2021-04-02");
  EXPECT_EQ(value_of("Churches stay shut over Easter.", "2020-03-20", "en"), "2020-04-12");
  EXPECT_EQ(value_of("Prices have risen since March.", kJan21, "en"), "2020-03");
  EXPECT_EQ(value_of("Prices have risen since January.", kJan21, "en"), "2021-01");
}

// ---- texts without a document date (the BBC corpus has none): a year in the narrative is no
// anchor for deictic expressions, and a four-digit clock time is no year

namespace {
struct NoDctCase {
  std::string lang, text;
  // phrase, its value without a DCT, with the DCT 2005-02-10 (a Thursday)
  std::vector<std::tuple<std::string, std::string, std::string>> expect;
};
}  // namespace

TEST(RulesNoDct, DeicticExpressionsStayOpenAfterANarrativeYear) {
  const std::vector<NoDctCase> cases = {
      {"en",
       "He won gold at the 2000 Sydney Olympics. Last August he won again. He retired last year "
       "and will speak on Friday. He is in London today. Next week he flies home. In March he "
       "trained in Leeds.",
       {{"2000", "2000", "2000"},
        {"Last August", "XXXX-08", "2004-08"},
        {"last year", "XXXX", "2004"},
        {"Friday", "XXXX-WXX-5", "2005-02-11"},
        {"today", "PRESENT_REF", "2005-02-10"},
        {"Next week", "XXXX-WXX", "2005-W07"},
        // A month name without a year keeps the narrative's year: the weak anchor.
        {"March", "2000-03", "2005-03"}}},
      {"de",
       "Bei den Olympischen Spielen 2000 gewann er Gold. Letztes Jahr gewann er wieder. Heute ist "
       "er in Berlin, am Freitag spricht er. Im vergangenen August trainierte er. Im März war er in "
       "Köln.",
       {{"2000", "2000", "2000"},
        {"Letztes Jahr", "XXXX", "2004"},
        {"Heute", "PRESENT_REF", "2005-02-10"},
        {"am Freitag", "XXXX-WXX-5", "2005-02-11"},
        {"vergangenen August", "XXXX-08", "2004-08"},
        {"März", "2000-03", "2005-03"}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    auto open = run(c.text, "", c.lang);
    auto dated = run(c.text, "2005-02-10", c.lang);
    EXPECT_EQ(open.dct, "");
    for (const auto& [phrase, without, with] : c.expect) {
      EXPECT_EQ(value_at(open, c.text, phrase), without) << phrase;
      EXPECT_EQ(value_at(dated, c.text, phrase), with) << phrase;
    }
  }
}

TEST(RulesEnNoDct, AYearAgoCountsBackFromTheDctOnly) {
  EXPECT_EQ(value_of("Sales are up on a year ago.", "", "en"), "XXXX");
  EXPECT_EQ(value_of("Sales are up on a year ago.", "2005-02-10", "en"), "2004-02-10");
}

TEST(RulesEnNoDct, ADateInASentenceIsNoDocumentDate) {
  // BBC articles: the first full date near the top is what the text is about, not when it was
  // written; a dateline ("LONDON (AP) — Jan. 5, 2020 —", TimelineDct.*) still is.
  const std::string text =
      "Arthur Hailey has died.\n\nBorn in Luton, Bedfordshire, on 5 April 1920, Hailey was the only "
      "child. He died yesterday.";
  auto r = run(text, "", "en");
  EXPECT_EQ(r.dct, "");
  EXPECT_EQ(r.dct_source, "none");
  EXPECT_EQ(value_at(r, text, "5 April 1920"), "1920-04-05");
  EXPECT_EQ(value_at(r, text, "yesterday"), "XXXX-XX-XX");
}

TEST(RulesEnNoDct, FourDigitClockTimesAreNoYears) {
  const std::string text =
      "Those in England must have registered by 1700 GMT to be able to vote. Those who filled in "
      "forms last autumn are registered. The debate runs from 1130 to 1215 GMT and the vote is "
      "at 1330. The village was founded in 1700.";
  auto r = run(text, "", "en");
  const auto* gmt = find(r, text, "1700 GMT");
  ASSERT_NE(gmt, nullptr);
  EXPECT_EQ(gmt->type, "TIME");
  EXPECT_EQ(gmt->value, "XXXX-XX-XXT17:00");
  EXPECT_EQ(value_at(r, text, "last autumn"), "XXXX-FA");  // was 1699-FA
  EXPECT_EQ(value_at(r, text, "1130"), "XXXX-XX-XXT11:30");
  EXPECT_EQ(value_at(r, text, "1215 GMT"), "XXXX-XX-XXT12:15");
  EXPECT_EQ(value_at(r, text, "1330"), "XXXX-XX-XXT13:30");
  EXPECT_EQ(find(r, text, "1330")->type, "TIME");
  EXPECT_EQ(value_at(r, text, "1700"), "1700");  // "in 1700": a year
  EXPECT_EQ(value_of("Shares rose 4% by 0930 BST.", kDct, "en"), "2017-07-09T09:30");
  // Prices, amounts and impossible times stay what they were.
  EXPECT_EQ(value_of("The shares closed at 1218 pence.", kDct, "en"), "#0");
  EXPECT_EQ(value_of("It ran for 1500 hours of tests.", kDct, "en"), "PT1500H");
  EXPECT_EQ(value_of("He was there at 1999 GMT.", kDct, "en"), "1999");
}

TEST(RulesDeNoDct, FourDigitClockTimesAreNoYears) {
  const std::string text = "Die Sitzung beginnt um 1700 Uhr. Um 1900 wurde die Stadt gegründet.";
  auto r = run(text, "", "de");
  const auto* uhr = find(r, text, "1700 Uhr");
  ASSERT_NE(uhr, nullptr);
  EXPECT_EQ(uhr->type, "TIME");
  EXPECT_EQ(uhr->value, "XXXX-XX-XXT17:00");
  EXPECT_EQ(value_at(r, text, "1900"), "1900");  // "um 1900" alone: around the year 1900
  EXPECT_EQ(value_of("Der Start war um 0200 MESZ.", kDct, "de"), "2017-07-09T02:00");
}
