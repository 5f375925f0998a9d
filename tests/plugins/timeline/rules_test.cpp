// Unit tests per rule family, German and English, through the engine with the
// shipped rules files. Each expression is checked for its normalized value.
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

TEST(RulesDe, NoFalseFriends) {
  for (const char* s : {"Er kam mit dem Zug.", "Die Leute sind so.", "Die Frau sagt die Wahrheit.",
                        "Er kam mit 1500 Soldaten.", "Nr. 2017 ist verkauft", "2/3 der Stimmen"}) {
    auto r = run(s, kDct, "de");
    EXPECT_TRUE(r.timexes.empty()) << s << " -> " << (r.timexes.empty() ? "" : r.timexes[0].value);
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
    auto r = run(s, kDct, "en");
    EXPECT_TRUE(r.timexes.empty()) << s << " -> " << (r.timexes.empty() ? "" : r.timexes[0].value);
  }
}
