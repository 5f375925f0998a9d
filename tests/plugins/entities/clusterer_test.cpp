// The clusterer on hand-placed mentions: which forms make one entity and
// which name it gets.
#include "clusterer.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace entities_test;

namespace {

const en::Titles kTitles = {"Präsident", "President", "Senator", "Frau"};

// The cluster name of every mention, in order.
std::vector<std::string> names(const en::Result& r) {
  std::vector<std::string> out;
  for (const auto& m : r.mentions) out.push_back(r.clusters[m.cluster].name);
  return out;
}

// The words and labels of a result's mentions, in order ("Robert Koch-Institut/ORG").
std::vector<std::string> spans(const en::Input& in, const en::Result& r) {
  std::vector<std::string> out;
  for (const auto& m : r.mentions)
    out.push_back(std::string(in.text.substr(m.begin, m.end - m.begin)) + "/" + m.label);
  return out;
}

}  // namespace

TEST(Clusterer, FullNameSurnameGenitiveAndHandleAreOnePerson) {
  const std::string text = "Trump traf Donald J. Trump @realDonaldTrump und Trumps Team";
  const en::Input in = tokenize(text);
  en::Result r;
  r.mentions = {mention(in, 0, 1, "PER"), mention(in, 2, 3, "PER"), mention(in, 5, 1, "PER"),
                mention(in, 7, 1, "PER")};
  en::cluster_mentions(in, kTitles, nullptr, r);
  ASSERT_EQ(r.clusters.size(), 1u);
  EXPECT_EQ(r.clusters[0].name, "Donald J. Trump");
  EXPECT_EQ(r.clusters[0].mentions.size(), 4u);
  EXPECT_EQ(r.clusters[0].label, "PER");
}

TEST(Clusterer, TwoPeopleWithOneSurnameStayApart) {
  const std::string text = "Hillary Clinton und Bill Clinton sowie Clinton";
  const en::Input in = tokenize(text);
  en::Result r;
  r.mentions = {mention(in, 0, 2, "PER"), mention(in, 3, 2, "PER"), mention(in, 6, 1, "PER")};
  en::cluster_mentions(in, kTitles, nullptr, r);
  ASSERT_EQ(r.clusters.size(), 2u);
  EXPECT_EQ(names(r), (std::vector<std::string>{"Hillary Clinton", "Bill Clinton", "Bill Clinton"}))
      << "a surname alone goes to the nearest person before it";
}

TEST(Clusterer, TitlesAreNotPartOfTheName) {
  const std::string text = "Wladimir Putin sprach . President Putin said";
  const en::Input in = tokenize(text, "en");
  en::Result r;
  r.mentions = {mention(in, 0, 2, "PER"), mention(in, 4, 2, "PER")};
  en::cluster_mentions(in, kTitles, nullptr, r);
  ASSERT_EQ(r.clusters.size(), 1u);
  EXPECT_EQ(r.clusters[0].name, "Wladimir Putin");
}

TEST(Clusterer, ANameWithoutCapitalsIsNamedWhole) {
  const en::Titles none;
  EXPECT_EQ(en::name_words({"like", "it's", "your", "birthday", "!"}, false, false, none),
            (std::vector<std::string_view>{"like", "it's", "your", "birthday", "!"}))
      << "cutting its lower-case words would leave \"!\"";
  EXPECT_EQ(en::name_words({"the", "White", "House"}, false, false, none),
            (std::vector<std::string_view>{"White", "House"}));
}

TEST(Clusterer, ParticlesAndAcronyms) {
  const std::string text = "Baschar al-Assad und Assad , die Europäische Zentralbank EZB und die EZB";
  const en::Input in = tokenize(text);
  en::Result r;
  r.mentions = {mention(in, 0, 2, "PER"), mention(in, 3, 1, "PER"), mention(in, 6, 2, "ORG"),
                mention(in, 8, 1, "ORG"), mention(in, 11, 1, "ORG")};
  en::cluster_mentions(in, kTitles, nullptr, r);
  EXPECT_EQ(names(r),
            (std::vector<std::string>{"Baschar al-Assad", "Baschar al-Assad", "Europäische Zentralbank",
                                      "Europäische Zentralbank", "Europäische Zentralbank"}));
}

TEST(Clusterer, OneWordIsOneNameAndTheMajorityLabelWins) {
  const std::string text = "Donald Trump sagte , Trumps Team und Trump";
  const en::Input in = tokenize(text);
  en::Result r;
  r.mentions = {mention(in, 0, 2, "PER"), mention(in, 4, 1, "LOC"), mention(in, 7, 1, "PER")};
  en::cluster_mentions(in, kTitles, nullptr, r);
  ASSERT_EQ(r.clusters.size(), 1u);
  for (const auto& m : r.mentions) EXPECT_EQ(m.label, "PER");
}

TEST(Clusterer, GenitiveOfAKnownPlaceIsStripped) {
  const std::string text = "die Lage Syriens ist ernst";
  const en::Input in = tokenize(text);
  en::Gazetteer places;
  places.add("LOC", "Syrien");
  en::Result r;
  r.mentions = {mention(in, 2, 1, "LOC")};
  en::cluster_mentions(in, kTitles, &places, r);
  EXPECT_EQ(r.clusters[0].name, "Syrien");
  en::Result without;
  without.mentions = r.mentions;
  en::cluster_mentions(in, kTitles, nullptr, without);
  EXPECT_EQ(without.clusters[0].name, "Syriens") << "no evidence that the s is a genitive";
}

TEST(Clusterer, DerivedAndPartMentionsAreTheirOwnEntities) {
  const std::string text = "die russische Regierung und Russland";
  const en::Input in = tokenize(text);
  en::Result r;
  r.mentions = {mention(in, 1, 1, "LOC", "deriv"), mention(in, 4, 1, "LOC")};
  en::cluster_mentions(in, kTitles, nullptr, r);
  ASSERT_EQ(r.clusters.size(), 2u);
  EXPECT_EQ(r.clusters[0].name, "russische");
  EXPECT_EQ(r.clusters[1].name, "Russland");
}

TEST(Clusterer, AFinalSIsAGenitiveInGermanOnly) {
  // English: "Mitsubishi Motors" stays the name even where "Motor" is a mention
  // too; the apostrophe genitive still goes ("Peugeot's").
  const std::string english = "Mitsubishi Motors and Peugeot's deal , Motor Peugeot";
  const en::Input in_en = tokenize(english, "en");
  en::Result r;
  r.mentions = {mention(in_en, 0, 2, "ORG"), mention(in_en, 3, 1, "ORG"), mention(in_en, 6, 1, "ORG"),
                mention(in_en, 7, 1, "ORG")};
  en::cluster_mentions(in_en, kTitles, nullptr, r);
  EXPECT_EQ(names(r), (std::vector<std::string>{"Mitsubishi Motors", "Peugeot", "Motor", "Peugeot"}));
  // German: "Putins" is Putin's, where "Putin" is a mention.
  const std::string german = "Putin sagte , Putins Sprecher";
  const en::Input in_de = tokenize(german, "de");
  en::Result g;
  g.mentions = {mention(in_de, 0, 1, "PER"), mention(in_de, 3, 1, "PER")};
  en::cluster_mentions(in_de, kTitles, nullptr, g);
  EXPECT_EQ(names(g), (std::vector<std::string>{"Putin", "Putin"}));
}

TEST(Clusterer, ARoleEndingInATitleIsNotPartOfAPersonsName) {
  const en::Titles titles = {"Secretary", "Minister"};
  const std::string text =
      "UK Foreign Secretary Jack Straw and Prime Minister Tony Blair met . Jack Straw said";
  const en::Input in = tokenize(text, "en");
  en::Result r;
  r.mentions = {mention(in, 0, 5, "PER"), mention(in, 6, 4, "PER"), mention(in, 12, 2, "PER")};
  en::cluster_mentions(in, titles, nullptr, r);
  EXPECT_EQ(names(r), (std::vector<std::string>{"Jack Straw", "Tony Blair", "Jack Straw"}));
  EXPECT_EQ(r.clusters.size(), 2u);
}

// Also a title in lower case or after a hyphen: "Tory co-chairman Liam Fox", "Kuka-Chef Reuter".
TEST(Clusterer, ARoleEndingInATitleWrittenSmallOrAfterAHyphenIsNotPartOfTheName) {
  const en::Titles titles = {"Chairman", "Chef"};
  const std::string text = "Tory co-chairman Liam Fox sagte , Kuka-Chef Reuter und chairman Bob Smith";
  const en::Input in = tokenize(text, "en");
  en::Result r;
  r.mentions = {mention(in, 0, 4, "PER"), mention(in, 6, 2, "PER"), mention(in, 9, 3, "PER")};
  en::cluster_mentions(in, titles, nullptr, r);
  EXPECT_EQ(names(r), (std::vector<std::string>{"Liam Fox", "Reuter", "Bob Smith"}));
}

TEST(Clusterer, AnArticleIsNoPartOfANameButOfAWorksTitle) {
  // GUM's spans hold the article, so the tagger writes "The Liberal
  // Democrats" at a sentence's start: one party with "Liberal Democrats".
  const std::string text = "The Liberal Democrats said . Liberal Democrats want . The Aviator won";
  const en::Input in = tokenize(text, "en");
  en::Result r;
  r.mentions = {mention(in, 0, 3, "ORG"), mention(in, 5, 2, "ORG"), mention(in, 9, 2, "MISC")};
  en::cluster_mentions(in, kTitles, nullptr, r);
  EXPECT_EQ(names(r), (std::vector<std::string>{"Liberal Democrats", "Liberal Democrats", "The Aviator"}));
  EXPECT_EQ(r.clusters.size(), 2u);
}

TEST(Clusterer, APersonsNameBeginsAfterAPossessive) {
  // As segment cuts them: "Britain's" one token, "Rangers" and "'" two.
  const std::string text = "Britain's Jason Gardener won . Rangers ' Fernando Ricksen and Jason Gardener";
  const en::Input in = tokenize(text, "en");
  en::Result r;
  r.mentions = {mention(in, 0, 3, "PER"), mention(in, 5, 4, "PER"), mention(in, 10, 2, "PER")};
  en::cluster_mentions(in, kTitles, nullptr, r);
  EXPECT_EQ(names(r), (std::vector<std::string>{"Jason Gardener", "Fernando Ricksen", "Jason Gardener"}));
}

TEST(Clusterer, AGermanNameIsNamedByTheBaseFormTheGazetteerKnows) {
  // What the training data's names hold: "Europäische Union", the Zweite
  // Weltkrieg in two cases, "Institut" ending organisations' names.
  en::Gazetteer g;
  for (const char* name : {"Europäische Union", "Europäischen Union", "Deutsches Institut"})
    ASSERT_TRUE(g.add("ORG", name));
  for (const char* name : {"Zweiten Weltkrieg", "Zweite Weltkrieg"}) ASSERT_TRUE(g.add("MISC", name));
  const std::string text =
      "Die Europäischen Union und das Robert Koch-Instituts vor dem Zweiten Weltkriegs , die NGOs und die "
      "Europäischen Union";
  const en::Input in = tokenize(text);
  en::Result r;
  r.mentions = {mention(in, 1, 2, "ORG"), mention(in, 5, 2, "ORG"), mention(in, 9, 2, "MISC"),
                mention(in, 13, 1, "ORG"), mention(in, 16, 2, "ORG")};
  en::cluster_mentions(in, kTitles, &g, r);
  EXPECT_EQ(names(r), (std::vector<std::string>{"Europäische Union", "Robert Koch-Institut",
                                                "Zweite Weltkrieg", "NGOs", "Europäische Union"}))
      << "an acronym keeps its ending";

  // English sentences keep their names as written.
  const std::string english_text = "the Europäischen Union said";
  const en::Input english = tokenize(english_text, "en");
  en::Result e;
  e.mentions = {mention(english, 1, 2, "ORG")};
  en::cluster_mentions(english, kTitles, &g, e);
  EXPECT_EQ(e.clusters[0].name, "Europäischen Union");
}

TEST(Clusterer, TouchingPersonsJoinUnlessBothStandAloneAndTheFirstIsNoGivenName) {
  // The gazetteer's names: "Joe" begins persons' names, "Trump" ends them.
  en::Gazetteer g;
  ASSERT_TRUE(g.add("PER", "Joe Kaeser"));
  ASSERT_TRUE(g.add("PER", "Donald Trump"));
  const std::string text =
      "Joe und Jill Biden kamen . Joe Biden sagte , dass Trump Putins Wort glaube . Trump und Putin";
  const en::Input in = tokenize(text);
  const std::vector<en::Mention> tagged = {mention(in, 0, 1, "PER"),  mention(in, 2, 2, "PER"),
                                           mention(in, 6, 1, "PER"),  mention(in, 7, 1, "PER"),
                                           mention(in, 11, 2, "PER"), mention(in, 16, 1, "PER"),
                                           mention(in, 18, 1, "PER")};
  const auto settled = [&](const en::Gazetteer* gazetteer) {
    en::Result r;
    r.mentions = tagged;
    en::settle_adjacent_names(in, gazetteer, r);
    std::vector<std::string> spans;
    for (const auto& m : r.mentions) spans.push_back(text.substr(m.begin, m.end - m.begin));
    return spans;
  };
  EXPECT_EQ(settled(&g), (std::vector<std::string>{"Joe", "Jill Biden", "Joe Biden", "Trump", "Putins",
                                                   "Trump", "Putin"}));
  // Without the gazetteer "Joe" is no given name: two one-word persons stay two.
  EXPECT_EQ(settled(nullptr), (std::vector<std::string>{"Joe", "Jill Biden", "Joe", "Biden", "Trump",
                                                        "Putins", "Trump", "Putin"}));
}

TEST(Clusterer, TheGazetteersOnlyLabelWinsWhereTheDocumentGivesAWordItAndAnother) {
  en::Gazetteer g;
  ASSERT_TRUE(g.add("LOC", "Athens"));
  ASSERT_TRUE(g.add("PER", "Theseus"));
  const std::string text = "Athens grew . Theseus ruled Athens . Athens is old . Theseus";
  const en::Input in = tokenize(text, "en");
  en::Result r;
  r.mentions = {mention(in, 0, 1, "LOC"), mention(in, 3, 1, "PER"), mention(in, 5, 1, "PER"),
                mention(in, 7, 1, "PER"), mention(in, 11, 1, "LOC")};
  r.mentions[4].score = 0.1f;  // unsure: the gazetteer decides alone
  en::prefer_gazetteer(in, &g, r);
  std::vector<std::string> labels;
  for (const auto& m : r.mentions) labels.push_back(m.label);
  EXPECT_EQ(labels, (std::vector<std::string>{"LOC", "PER", "LOC", "LOC", "PER"}));

  // So does one name word after lower-case words ("the UK" read as an organisation).
  ASSERT_TRUE(g.add("LOC", "UK"));
  const std::string english = "the UK grew . the UK and Amnesty International UK";
  const en::Input in2 = tokenize(english, "en");
  en::Result uk;
  uk.mentions = {mention(in2, 0, 2, "ORG"), mention(in2, 4, 2, "LOC"), mention(in2, 7, 3, "ORG")};
  en::prefer_gazetteer(in2, &g, uk);
  EXPECT_EQ(uk.mentions[0].label, "LOC");
  EXPECT_EQ(uk.mentions[2].label, "ORG") << "a name of three words is the tagger's";

  // A word the document gives only the other label keeps it while the tagger is sure.
  en::Result alone;
  alone.mentions = {mention(in, 5, 1, "PER")};
  en::prefer_gazetteer(in, &g, alone);
  EXPECT_EQ(alone.mentions[0].label, "PER");
}

TEST(Clusterer, AHyphenCompoundEndingInAnOrganisationsHeadIsAnOrganisation) {
  en::Gazetteer g;  // heads learnt from names of more than one word
  ASSERT_TRUE(g.add("ORG", "Deutsches Institut"));
  ASSERT_TRUE(g.add("ORG", "Bertelsmann Stiftung"));
  ASSERT_TRUE(g.add("LOC", "Weißes Haus"));
  ASSERT_TRUE(g.add("ORG", "Haus"));  // one word: no head
  ASSERT_TRUE(g.add("ORG", "Axel Springer Haus"));
  ASSERT_TRUE(g.add("PER", "Hans Koch"));
  ASSERT_TRUE(g.add("ORG", "Holstein Partei"));
  ASSERT_TRUE(g.add("LOC", "Schleswig-Holstein"));  // a known place stays one
  const std::string text =
      "Das Robert Koch-Institut und die Konrad-Adenauer-Stiftung , das Robert Koch-Instituts , Anna "
      "Müller-Koch , das Rudolf Steiner-Haus , Koch-Institut-Chef Robert Koch-Institute , Schleswig-Holstein";
  const en::Input in = tokenize(text);
  en::Result r;
  r.mentions = {mention(in, 1, 2, "PER"),          mention(in, 5, 1, "PER"),  mention(in, 8, 2, "PER"),
                mention(in, 11, 2, "PER"),         mention(in, 15, 2, "PER"), mention(in, 18, 1, "PER"),
                mention(in, 19, 2, "PER", "part"), mention(in, 22, 1, "PER")};
  en::org_heads(in, &g, r);
  EXPECT_EQ(spans(in, r),
            (std::vector<std::string>{"Robert Koch-Institut/ORG", "Konrad-Adenauer-Stiftung/ORG",
                                      "Robert Koch-Instituts/ORG", "Anna Müller-Koch/PER",
                                      "Rudolf Steiner-Haus/PER", "Koch-Institut-Chef/PER",
                                      "Robert Koch-Institute/PER", "Schleswig-Holstein/PER"}));
  en::Result none;
  none.mentions = {mention(in, 1, 2, "PER")};
  en::org_heads(in, nullptr, none);
  EXPECT_EQ(none.mentions[0].label, "PER");
}

TEST(Clusterer, AWordThatBeginsCompoundsOfTheDocumentIsNoPerson) {
  const std::string text =
      "Corona verändert alles . Die Corona-Krise und das Coronavirus . Trump sagte , die Trump-Regierung "
      "und Donald Trump . Lena sagte , Lenas Buch . Merkel und die Merkel-Jahre . Präsident Assad , das "
      "Assad-Regime . Sagte Baschar al-Assad . Frau Böhnisch im Böhnisch-Büro .";
  const en::Input in = tokenize(text);
  const auto at = [&](const std::string& w, std::uint32_t from = 0) { return token(in, w, from); };
  en::Result r;
  r.mentions = {mention(in, at("Corona"), 1, "PER"),  mention(in, at("Trump"), 1, "PER"),
                mention(in, at("Donald"), 2, "PER"),  mention(in, at("Lena"), 1, "PER"),
                mention(in, at("Merkel"), 1, "PER"),  mention(in, at("Corona-Krise"), 1, "MISC"),
                mention(in, at("Assad"), 1, "PER"),   mention(in, at("Baschar"), 2, "PER"),
                mention(in, at("Böhnisch"), 1, "PER")};
  std::sort(r.mentions.begin(), r.mentions.end(),
            [](const en::Mention& a, const en::Mention& b) { return a.first_token < b.first_token; });
  en::Gazetteer g;
  ASSERT_TRUE(g.add("PER", "Merkel"));
  en::drop_common_nouns(in, kTitles, {}, &g, r);
  // "Trump" is part of "Donald Trump", "Assad" of "Baschar al-Assad", "Lenas" a
  // genitive, "Merkel" a person to the gazetteer, "Böhnisch" after a title.
  EXPECT_EQ(spans(in, r),
            (std::vector<std::string>{"Corona-Krise/MISC", "Trump/PER", "Donald Trump/PER", "Lena/PER",
                                      "Merkel/PER", "Assad/PER", "Baschar al-Assad/PER", "Böhnisch/PER"}));
  // Without the gazetteer "Merkel" of "Merkel-Jahre" goes too.
  en::Result alone;
  alone.mentions = {mention(in, at("Merkel"), 1, "PER")};
  en::drop_common_nouns(in, kTitles, {}, nullptr, alone);
  EXPECT_TRUE(alone.mentions.empty());
}

TEST(Clusterer, AWordAfterADeterminerIsACommonNounAndNoPerson) {
  const std::string text =
      "Bars und Cafés schließen . Die Cafés und die Bars bleiben zu . Wir tragen eine Maske . Ohne Maske kam "
      "Lauterbach . "
      "Karl Lauterbach sagte , die Lauterbach-Pläne . Weber lachte , die Weber . Das Haus , in dem Leila "
      "wohnt , die Leila kennt . Leila lacht .";
  const en::Input in = tokenize(text);
  const auto at = [&](const std::string& w, std::uint32_t from = 0) { return token(in, w, from); };
  en::Result r;
  r.mentions = {mention(in, at("Bars"), 1, "PER"),
                mention(in, at("Cafés"), 1, "PER"),
                mention(in, at("Maske", at("Ohne")), 1, "PER"),
                mention(in, at("Lauterbach"), 1, "PER"),
                mention(in, at("Karl"), 2, "PER"),
                mention(in, at("Weber"), 1, "PER"),
                mention(in, at("Leila", at("lacht") - 2), 1, "PER")};
  en::Gazetteer g;
  ASSERT_TRUE(g.add("PER", "Weber"));
  en::drop_common_nouns(in, kTitles, {"die", "eine", "dem"}, &g, r);
  // "Bars" and "Maske" follow a determiner elsewhere; "Cafés" only "Die" opening
  // a sentence, which is none; "Lauterbach" is part of "Karl
  // Lauterbach"; "Weber" a person to the gazetteer; "Leila" only follows "dem" and
  // "die" as relative pronouns (after a comma, or a comma and a preposition).
  EXPECT_EQ(spans(in, r), (std::vector<std::string>{"Cafés/PER", "Lauterbach/PER", "Karl Lauterbach/PER",
                                                    "Weber/PER", "Leila/PER"}));
}

TEST(Clusterer, ANameAfterAnOrganisationNounIsAnOrganisationInTheWholeDocument) {
  const std::string text =
      "Das US-Pharmaunternehmen Pfizer und BioNTech . Pfizer sagte , Pfizers Impfstoff . Der Autobauer Tesla "
      ". Elon Musk sagte , das Unternehmen Musks . Die Firma Weber , die Partei Russlands . the oil firm "
      "Yukos "
      "and Yukos' owner . "
      "the Confirm Smith . Pfizer-Chef Albert";
  const en::Input in = tokenize(text);
  const auto at = [&](const std::string& w, std::uint32_t from = 0) { return token(in, w, from); };
  en::Result r;
  r.mentions = {mention(in, at("Pfizer"), 1, "PER"),
                mention(in, at("BioNTech"), 1, "ORG"),
                mention(in, at("Pfizer", at("BioNTech")), 1, "PER"),
                mention(in, at("Pfizers"), 1, "LOC"),
                mention(in, at("Tesla"), 1, "LOC"),
                mention(in, at("Elon"), 2, "PER"),
                mention(in, at("Musks"), 1, "PER"),
                mention(in, at("Weber"), 1, "PER"),
                mention(in, at("Russlands"), 1, "LOC"),
                mention(in, at("Yukos"), 1, "PER"),
                mention(in, at("Yukos'"), 1, "PER"),
                mention(in, at("Smith"), 1, "PER"),
                mention(in, at("Albert"), 1, "PER")};
  en::Gazetteer g;
  ASSERT_TRUE(g.add("PER", "Weber"));
  ASSERT_TRUE(g.add("LOC", "Russland"));
  en::org_after_nouns(in, kTitles, {"unternehmen", "autobauer", "firma", "firm", "partei"}, &g, r);
  // "Musks" is Elon Musk's genitive, "Russlands" a place's to the gazetteer (a
  // person to it, "Weber", may be a firm), "Confirm" no compound of "firm"
  // (English), "Pfizer-Chef" no organisation noun.
  EXPECT_EQ(spans(in, r),
            (std::vector<std::string>{"Pfizer/ORG", "BioNTech/ORG", "Pfizer/ORG", "Pfizers/ORG", "Tesla/ORG",
                                      "Elon Musk/PER", "Musks/PER", "Weber/ORG", "Russlands/LOC", "Yukos/ORG",
                                      "Yukos'/ORG", "Smith/PER", "Albert/PER"}));
}

TEST(Clusterer, ANameAfterATitleIsAPersonInTheWholeDocument) {
  const std::string text =
      "Vizepräsident Mike Pence sagte , Pence bleibe . SPD-Gesundheitsexperte Lauterbach warnt , Lauterbachs "
      "Plan "
      ". Der Präsident Frankreichs , Staatschef Chinas . Bauer Lauterbach";
  const en::Input in = tokenize(text);
  const auto at = [&](const std::string& w, std::uint32_t from = 0) { return token(in, w, from); };
  en::Result r;
  r.mentions = {mention(in, at("Mike"), 2, "MISC"),       mention(in, at("Pence", at("sagte")), 1, "MISC"),
                mention(in, at("Lauterbach"), 1, "LOC"),  mention(in, at("Lauterbachs"), 1, "LOC"),
                mention(in, at("Frankreichs"), 1, "LOC"), mention(in, at("Chinas"), 1, "LOC")};
  en::Gazetteer g;
  ASSERT_TRUE(g.add("PER", "Mike Tyson"));  // "Mike" begins a person's name
  ASSERT_TRUE(g.add("LOC", "Frankreich"));
  ASSERT_TRUE(g.add("LOC", "China"));
  en::person_after_titles(in, {"Präsident", "Experte", "Staatschef"}, &g, r);
  // "Vizepräsident" and "SPD-Gesundheitsexperte" end in titles; "Frankreichs"
  // and "Chinas" are places to the gazetteer; "Bauer" is no title.
  EXPECT_EQ(spans(in, r), (std::vector<std::string>{"Mike Pence/PER", "Pence/PER", "Lauterbach/PER",
                                                    "Lauterbachs/PER", "Frankreichs/LOC", "Chinas/LOC"}));
  en::Result none;
  none.mentions = {mention(in, at("Lauterbach"), 1, "LOC")};
  en::person_after_titles(in, {"Präsident", "Experte"}, nullptr, none);
  EXPECT_EQ(none.mentions[0].label, "LOC") << "without a gazetteer nothing changes";
}

TEST(Clusterer, APlaceRightBeforeAPersonsFullNameIsAMentionOfItsOwn) {
  const std::string text =
      "Joe Biden sprach in Wilmington . Seither ist Wilmington Joe Bidens Heimat . Bremens Davy Klaassen "
      "traf . Anna Maria Schulz und Anna Schulz . Davy Klaassen . Ella Rumpf spielt , Rumpfs Fleur Salomé";
  const en::Input in = tokenize(text);
  const auto at = [&](const std::string& w, std::uint32_t from = 0) { return token(in, w, from); };
  en::Result r;
  r.mentions = {mention(in, 0, 2, "PER"),
                mention(in, at("Wilmington"), 1, "LOC"),
                mention(in, at("Wilmington", at("Seither")), 3, "PER"),
                mention(in, at("Bremens"), 3, "PER"),
                mention(in, at("Anna"), 3, "PER"),  // "Anna" is no place
                mention(in, at("Anna", at("und")), 2, "PER"),
                mention(in, at("Davy", at("Schulz")), 2, "PER"),
                mention(in, at("Ella"), 2, "PER"),
                mention(in, at("Rumpfs"), 3, "PER")};
  en::Gazetteer g;
  ASSERT_TRUE(g.add("LOC", "Bremen"));
  ASSERT_TRUE(g.add("LOC", "Rumpf"));  // a place to the gazetteer, a person in the document
  ASSERT_TRUE(g.add("PER", "Fleur Salomé"));
  en::split_place_before_person(in, &g, r);
  EXPECT_EQ(spans(in, r), (std::vector<std::string>{
                              "Joe Biden/PER", "Wilmington/LOC", "Wilmington/LOC", "Joe Bidens/PER",
                              "Bremens/LOC", "Davy Klaassen/PER", "Anna Maria Schulz/PER", "Anna Schulz/PER",
                              "Davy Klaassen/PER", "Ella Rumpf/PER", "Rumpfs Fleur Salomé/PER"}));
}

TEST(Clusterer, ANameKeepsHowItIsWrittenAndAnSThatIsNoGenitive) {
  // segment cuts "CDU/CSU" into three tokens that touch: the name has no spaces.
  const std::string text = "Die CDU/CSU , Fox News und New York bei McDonald's";
  en::Input in = tokenize(text);
  ASSERT_EQ(in.tokens.size(), 10u);
  const std::uint32_t b = in.tokens[1].begin;
  in.tokens.erase(in.tokens.begin() + 1);
  in.tokens.insert(in.tokens.begin() + 1, {{b, b + 3, en::TokenKind::word},
                                           {b + 3, b + 4, en::TokenKind::punct},
                                           {b + 4, b + 7, en::TokenKind::word}});
  in.sentences[0].token_count = static_cast<std::uint32_t>(in.tokens.size());
  en::Result r;
  r.mentions = {mention(in, 1, 3, "ORG"), mention(in, 5, 2, "ORG"), mention(in, 8, 2, "LOC"),
                mention(in, 11, 1, "ORG")};
  en::cluster_mentions(in, kTitles, nullptr, r);
  // "News" is no genitive of the "New" of "New York" (a first word, not a name's last);
  // "'s" is a genitive only where the stem is a name ("McDonald's" stays; "Peugeot's" is
  // stripped beside "Peugeot" in Clusterer.AFinalSIsAGenitiveInGermanOnly).
  EXPECT_EQ(names(r), (std::vector<std::string>{"CDU/CSU", "Fox News", "New York", "McDonald's"}));
}

TEST(Clusterer, APersonMentionBeginsAtAnHonorificAfterAWordThatIsNoTitle) {
  const std::string text =
      "BBC Mr Howard said . Labour's Mr Livingstone . Home Secretary Lord Falconer . My Fair Lady . Sir Alex "
      "Ferguson . Edward and Mrs Simpson";
  const en::Input in = tokenize(text, "en");
  const auto at = [&](const std::string& w, std::uint32_t from = 0) { return token(in, w, from); };
  en::Result r;
  r.mentions = {mention(in, at("BBC"), 3, "PER"),  mention(in, at("Labour's"), 3, "PER"),
                mention(in, at("Home"), 4, "PER"), mention(in, at("My"), 3, "PER"),
                mention(in, at("Sir"), 3, "PER"),  mention(in, at("Edward"), 4, "PER")};
  en::start_at_honorifics(in, {"Secretary"}, {"Mr", "Lord", "Lady", "Sir"}, r);
  // "Secretary" is a title: the role stays; "Lady" ends its mention: a work's
  // title; after "and" a second name begins (split_coordinated_persons' matter).
  EXPECT_EQ(spans(in, r), (std::vector<std::string>{"Mr Howard/PER", "Mr Livingstone/PER",
                                                    "Home Secretary Lord Falconer/PER", "My Fair Lady/PER",
                                                    "Sir Alex Ferguson/PER", "Edward and Mrs Simpson/PER"}));
}

TEST(Clusterer, TwoNamesJoinedByAndAreTwoPersonsWhenEachIsANameOfItsOwn) {
  const std::string text =
      "Michael Howard and Charles Kennedy met . German Chancellor Gerhard Schroeder and Italian Prime "
      "Minister "
      "Silvio Berlusconi . Kenteris and Thanou , Kenteris , Thanou . Mike and Bob Bryan . Harry Potter and "
      "Order of the Phoenix . Markus Söder und Armin Laschet";
  const en::Input in = tokenize(text, "en");
  const auto at = [&](const std::string& w, std::uint32_t from = 0) { return token(in, w, from); };
  const std::uint32_t kenteris = at("Kenteris");
  en::Result r;
  r.mentions = {mention(in, at("Michael"), 5, "PER"),
                mention(in, at("German"), 10, "PER"),
                mention(in, kenteris, 3, "PER"),
                mention(in, at("Kenteris", kenteris + 1), 1, "PER"),
                mention(in, at("Thanou", kenteris + 3), 1, "PER"),
                mention(in, at("Mike"), 4, "PER"),
                mention(in, at("Harry"), 7, "PER"),
                mention(in, at("Markus"), 5, "PER")};
  en::split_coordinated_persons(in, {"Chancellor", "Minister"}, r);
  EXPECT_EQ(spans(in, r),
            (std::vector<std::string>{
                "Michael Howard/PER", "Charles Kennedy/PER", "German Chancellor Gerhard Schroeder/PER",
                "Italian Prime Minister Silvio Berlusconi/PER", "Kenteris/PER", "Thanou/PER", "Kenteris/PER",
                "Thanou/PER", "Mike and Bob Bryan/PER", "Harry Potter and Order of the Phoenix/PER",
                "Markus Söder/PER", "Armin Laschet/PER"}));
}

TEST(Clusterer, ANationalityOrPartyWordIsNoPerson) {
  const std::string text =
      "Tory leader Michael Howard , the Tories and the Tory's plans . English universities . "
      "Americans love a winner . The Tories";
  const en::Input in = tokenize(text, "en");
  const auto at = [&](const std::string& w, std::uint32_t from = 0) { return token(in, w, from); };
  en::Result r;
  r.mentions = {mention(in, at("Tory"), 1, "PER"),    mention(in, at("Michael"), 2, "PER"),
                mention(in, at("the"), 2, "PER"),     mention(in, at("Tory's"), 1, "PER"),
                mention(in, at("English"), 1, "PER"), mention(in, at("Americans"), 1, "PER"),
                mention(in, at("The"), 2, "PER"),     mention(in, at("Tory"), 1, "PER", "deriv")};
  en::no_person_groups(in, {"Tory", "Tories", "English", "American"}, r);
  // "Americans" names people (GUM's persons), not "American"; a subtype stays.
  EXPECT_EQ(spans(in, r),
            (std::vector<std::string>{"Tory/MISC", "Michael Howard/PER", "the Tories/MISC", "Tory's/MISC",
                                      "English/MISC", "Americans/PER", "The Tories/MISC", "Tory/PER"}));
}

TEST(Clusterer, APersonOfOneWordCoordinatedWithAKnownPlaceIsAPlace) {
  const std::string text =
      "in England and Wales . Wales has moved on . Feldman und Weingarten , Deborah Feldman . "
      "Google and Smith , John Smith";
  const en::Input in = tokenize(text, "en");
  const auto at = [&](const std::string& w, std::uint32_t from = 0) { return token(in, w, from); };
  en::Result r;
  r.mentions = {mention(in, at("England"), 1, "LOC"),
                mention(in, at("Wales"), 1, "PER"),
                mention(in, at("Wales", at("Wales") + 1), 1, "PER"),
                mention(in, at("Feldman"), 1, "PER"),
                mention(in, at("Weingarten"), 1, "LOC"),
                mention(in, at("Feldman", at("Deborah")), 1, "PER"),
                mention(in, at("Google"), 1, "ORG"),
                mention(in, at("Smith"), 1, "PER"),
                mention(in, at("John"), 2, "PER")};
  en::Gazetteer g;
  ASSERT_TRUE(g.add("LOC", "England"));
  ASSERT_TRUE(g.add("LOC", "Weingarten"));
  ASSERT_TRUE(g.add("ORG", "Google"));
  ASSERT_TRUE(g.add("PER", "Deborah Miller"));  // "Deborah" begins a person's name
  en::label_from_coordinated(in, {}, &g, r);
  // "Feldman" follows a given name in the document, "Smith" is part of "John Smith".
  EXPECT_EQ(spans(in, r), (std::vector<std::string>{"England/LOC", "Wales/LOC", "Wales/LOC", "Feldman/PER",
                                                    "Weingarten/LOC", "Feldman/PER", "Google/ORG",
                                                    "Smith/PER", "John Smith/PER"}));
  en::Result none;
  none.mentions = {mention(in, at("England"), 1, "LOC"), mention(in, at("Wales"), 1, "PER")};
  en::label_from_coordinated(in, {}, nullptr, none);
  EXPECT_EQ(none.mentions[1].label, "PER") << "without a gazetteer nothing changes";
}

TEST(Clusterer, ANameEndingInACutCompoundPartRunsOnThroughTheWordThatCompletesIt) {
  const std::string text =
      "Der Deutsche Städte- und Gemeindebund warnt . Alten- und Pflegeheime in Russland- und China-Nähe . "
      "Jens Spahn Kita- und Schulschließungen";
  const en::Input in = tokenize(text);
  const auto at = [&](const std::string& w) { return token(in, w); };
  en::Result r;
  r.mentions = {mention(in, at("Deutsche"), 2, "ORG"), mention(in, at("Alten-"), 1, "LOC"),
                mention(in, at("Russland-"), 1, "LOC"), mention(in, at("Jens"), 3, "PER")};
  en::Gazetteer g;
  ASSERT_TRUE(g.add("LOC", "Russland"));
  en::join_cut_compounds(in, &g, r);
  EXPECT_EQ(spans(in, r), (std::vector<std::string>{"Deutsche Städte- und Gemeindebund/ORG", "Russland-/LOC",
                                                    "Jens Spahn/PER"}));
}
