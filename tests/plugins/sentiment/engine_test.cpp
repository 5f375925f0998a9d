// The rules on sentences a reader can judge, in German and English, and
// entity, quote and target sentiment with hand-given mentions and quotes.
#include <gtest/gtest.h>

#include <fstream>

#include "test_support.hpp"

using sttest::score;
using sttest::span_of;
namespace st = tagwerk::sentiment;

TEST(SentimentRules, PlainPolarityInBothLanguages) {
  EXPECT_GT(score("Das war ein gutes Treffen.", "de"), 0.3);
  EXPECT_LT(score("Das war ein schlechtes Treffen.", "de"), -0.3);
  EXPECT_GT(score("That was a good meeting.", "en"), 0.3);
  EXPECT_LT(score("That was a terrible meeting.", "en"), -0.3);
  EXPECT_EQ(score("Der Zug fährt um acht Uhr ab.", "de"), 0.0);
}

TEST(SentimentRules, NegationFlipsBeforeAndAfterTheWord) {
  EXPECT_LT(score("Das Treffen war nicht gut.", "de"), 0.0);
  EXPECT_LT(score("Es gab kein gutes Ergebnis.", "de"), 0.0);
  EXPECT_LT(score("Der Vorschlag gefällt mir nicht.", "de"), 0.0);  // "nicht" after the verb
  EXPECT_LT(score("Das Ergebnis ist weder gut noch schön.", "de"), 0.0);
  EXPECT_LT(score("The meeting was not good.", "en"), 0.0);
  EXPECT_GT(score("It was never bad.", "en"), 0.0);
}

TEST(SentimentRules, IntensifiersAndDampeners) {
  const double plain = score("Das Treffen war gut.", "de");
  EXPECT_GT(score("Das Treffen war sehr gut.", "de"), plain);
  EXPECT_LT(score("Das Treffen war kaum gut.", "de"), plain);
  EXPECT_GT(score("The food was extremely good.", "en"), score("The food was good.", "en"));
  EXPECT_LT(score("The food was barely good.", "en"), score("The food was good.", "en"));
}

TEST(SentimentRules, ContrastWeighsTheClauseAfterIt) {
  EXPECT_LT(score("Das Essen war gut, aber der Service war schrecklich.", "de"), 0.0);
  EXPECT_GT(score("The start was bad, but the end was wonderful.", "en"), 0.0);
  // "not the dumbest, but close": the negation is undone.
  EXPECT_LT(score("Das ist nicht die dümmste Idee, aber es ist ziemlich nahe dran.", "de"), -0.2);
}

TEST(SentimentRules, ExclamationEmojiAndCapitals) {
  EXPECT_GT(score("Das war gut!!!", "de"), score("Das war gut.", "de"));
  EXPECT_GT(score("Wir sehen uns morgen 😀", "de"), 0.2);
  EXPECT_LT(score("Wir sehen uns morgen :-(", "de"), -0.2);
  EXPECT_GT(score("The movie was GOOD, really.", "en"), score("The movie was good, really.", "en"));
}

TEST(SentimentRules, GermanTweetSlang) {
  EXPECT_LT(score("Bitte halt einfach die Fresse", "de"), -0.2);
  EXPECT_LT(score("Scheiß Elite und ihre Spielchen", "de"), -0.2);
  EXPECT_LT(score("#langeweile macht sich breit", "de"), -0.2);
  EXPECT_EQ(score("Katzen fressen Mäuse.", "de"), 0.0);  // the verb is no insult
}

TEST(SentimentRules, AGermanSalutationSaysNothingAboutTheAddressee) {
  EXPECT_EQ(score("Liebe Kolleginnen und Kollegen, die Sitzung beginnt um neun.", "de"), 0.0);
  EXPECT_EQ(score("Lieber Herr Meier, das Paket kommt am Montag.", "de"), 0.0);
  EXPECT_EQ(score("liebe @stadtwerke der Strom ist seit heute weg", "de"), 0.0);
  // A warm closing and the noun keep their valence.
  EXPECT_GT(score("Liebe Grüße aus Köln", "de"), 0.2);
  EXPECT_GT(score("Liebe ist das Schönste im Leben.", "de"), 0.2);
}

TEST(SentimentRules, AGermanEmoticonOutweighsTheWordsAroundIt) {
  // The writer's verdict: ironic or resigned words do not turn it round.
  EXPECT_LT(score("Schön, jetzt noch eine Runde und dann ab zum Frühdienst ;(", "de"), -0.2);
  EXPECT_LT(score("Toll, lecker Essen in der Kantine :-(", "de"), -0.2);
  EXPECT_GT(score("Mist, wieder verschlafen :D", "de"), 0.2);
  // Without an emoticon the words decide as before.
  EXPECT_GT(score("Schön, jetzt noch eine Runde und dann ab zum Frühdienst", "de"), 0.2);
}

TEST(SentimentRules, ACurseBoostsTheWordAfterItOrCursesAlone) {
  EXPECT_GT(score("Das Eis ist verdammt lecker", "de"), 0.2);
  EXPECT_LT(score("Er ist verdammt wütend", "de"), score("Er ist wütend", "de"));
  EXPECT_LT(score("Verdammt, der Zug ist weg", "de"), -0.2);
  EXPECT_LT(score("Schon wieder verflucht.", "de"), -0.2);
}

TEST(SentimentRules, GermanTweetComplaintsInterjectionsAndEnglishWords) {
  EXPECT_LT(score("Seit heute morgen Kopfweh und total unmotiviert", "de"), -0.2);
  EXPECT_LT(score("Die Bahn will mich verarschen. Lachhaft.", "de"), -0.2);
  EXPECT_LT(score("igitt, schon wieder Regen", "de"), -0.2);
  EXPECT_LT(score("Drucker streikt schon wieder #fail", "de"), -0.2);
  EXPECT_GT(score("Der Kuchen von gestern: yummy!", "de"), 0.2);
  // Short English words would be read as the heads of German nouns.
  EXPECT_EQ(score("Die Fassade der Kirche ist aus Sandstein.", "de"), 0.0);
  EXPECT_EQ(score("Nach dem Einmarsch wurde die Stadt besetzt.", "de"), 0.0);
}

TEST(SentimentRules, AnEmoticonsRepeatedEndIsReadOnce) {
  EXPECT_GT(score("wir sehen uns morgen :-)))", "de"), 0.2);
  EXPECT_GT(score("wir sehen uns morgen :DD", "de"), 0.2);
  EXPECT_GT(score("wir sehen uns morgen <333", "de"), 0.2);
  EXPECT_LT(score("wir sehen uns morgen :((((", "de"), -0.2);
  EXPECT_GT(score("wir sehen uns morgen :3", "de"), 0.2);
  EXPECT_GT(score("wir sehen uns morgen :'D", "de"), 0.2);
  EXPECT_LT(score("wir sehen uns morgen )':", "de"), -0.2);
  EXPECT_EQ(score("Der Zug fährt ab ))) und kommt an", "de"), 0.0);  // brackets alone are none
  // Emoji still count each time.
  EXPECT_GT(score("wir sehen uns morgen 😀😀", "de"), score("wir sehen uns morgen 😀", "de"));
}

TEST(SentimentRules, LaughterAndHeldLettersAsTweetsWriteThem) {
  for (const char* laugh : {"hahaha", "hihihi", "hehe", "hahahaaa", "ahahah", "hahahahahahahaha"})
    EXPECT_GT(score(std::string("wir sehen uns morgen ") + laugh, "de"), 0.2) << laugh;
  EXPECT_GT(score("das war suuuuper", "de"), 0.2);
  EXPECT_GT(score("wir sehen uns morgen xDDDD", "de"), 0.2);
  EXPECT_GT(score("that was goooood", "en"), 0.2);
  // Not laughter: other syllables, or the vowel changes ("hohe Berge").
  EXPECT_EQ(score("Die hohe Mauer steht am Fluss.", "de"), 0.0);
  EXPECT_EQ(score("Die Schifffahrt auf dem Rhein beginnt.", "de"), 0.0);
}

TEST(SentimentRules, EmoticonsWrittenWithHtmlEntities) {
  // Tweets often come HTML-escaped: "<3" as "&lt;3".
  EXPECT_GT(score("ich hab dich lieb &lt;3", "de"), score("ich hab dich lieb", "de") + 0.1);
  EXPECT_GT(score("wir sehen uns morgen &lt;333", "de"), 0.2);
  EXPECT_LT(score("wir sehen uns morgen &gt;.&lt;", "de"), -0.2);
  EXPECT_EQ(score("Wir sehen uns bei H&amp;M.", "de"), 0.0);
  EXPECT_GT(score("wir sehen uns morgen ♡", "de"), 0.2);
}

TEST(SentimentRules, MoreEmoticonsAndOnesStartingWithALetter) {
  EXPECT_LT(score("meine augen brennen D:", "de"), -0.2);
  EXPECT_LT(score("Wieder Regen heute ;(", "de"), -0.2);
  EXPECT_GT(score("Bis morgen ;D", "de"), 0.2);
  // segment ends a sentence inside "-.-": the emoticon is still seen whole.
  EXPECT_LT(score("Das war vorher auch anders. -.-", "de"), -0.2);
  // A negator before an emoticon does not turn it around.
  EXPECT_LT(score("Wieder kein Schnee ;(", "de"), -0.2);
  EXPECT_GT(score("Ich kann nicht klagen :)", "de"), 0.0);
  // A letter and a colon inside a sentence, a bracket and a colon: no emoticon.
  EXPECT_EQ(score("Gruppe D: Spanien und Italien.", "de"), 0.0);
  EXPECT_EQ(score("Zum Konzert (19 Uhr): Die Straße wird gesperrt.", "de"), 0.0);
}

TEST(SentimentRules, GermanCompoundsAndInflection) {
  EXPECT_LT(score("Die Einheit soll vor Wahlmanipulationen schützen.", "de"), 0.0);
  EXPECT_GT(score("Es waren gute Gespräche.", "de"), 0.0);
}

TEST(SentimentRules, OnlyNounsAndLongModifiersAreReadAsCompounds) {
  // A verb with a prefix is no compound: "bekleidet" is not "leidet".
  EXPECT_EQ(score("Sein Vorgänger bekleidet seitdem das Amt des Ministers.", "de"), 0.0);
  EXPECT_EQ(score("Die Bauern versorgen die Stadt.", "de"), 0.0);
  // A lower-case adjective with a long first part still is one.
  EXPECT_GT(score("Die Firma baut umweltfreundliche Autos.", "de"), 0.0);
  // A text written in lower case throughout: any word may be a noun.
  EXPECT_LT(score("die wahlmanipulationen gehen weiter", "de"), 0.0);
}

TEST(SentimentRules, EachSentenceInItsOwnLanguage) {
  // "die" is the German article; in English "to die".
  EXPECT_EQ(score("Die Katze und die Maus.", "de"), 0.0);
  EXPECT_LT(score("Many people will die.", "en"), 0.0);
  const std::string text = "Die Katze schläft auf dem Sofa.\n\nAll the players will die in the final scene.";
  auto scratch = st::Engine::make_scratch();
  st::Input in = sttest::segmented(text, "de");
  ASSERT_EQ(in.sentences.size(), 2u);
  in.sentences[1].lang = "en";
  const auto records = sttest::engine().analyze(in, *scratch);
  ASSERT_GE(records.size(), 3u);
  EXPECT_EQ(std::string(records[1].lang), "de");
  EXPECT_EQ(records[1].score, 0.0);
  EXPECT_EQ(std::string(records[2].lang), "en");
  EXPECT_LT(records[2].score, 0.0);
}

TEST(SentimentEngine, RecordsInTheDocumentedOrder) {
  const std::string text = "Merkel lobt den guten Kompromiss. Trump kritisiert Merkel scharf.";
  auto scratch = st::Engine::make_scratch();
  st::Input in = sttest::segmented(text, "de");
  const auto [m0b, m0e] = span_of(text, "Merkel");
  const auto [tb, te] = span_of(text, "Trump");
  const auto m2 = static_cast<std::uint32_t>(text.rfind("Merkel"));
  in.mentions = {{m0b, m0e, 0}, {tb, te, 1}, {m2, m2 + 6, 0}};
  const auto records = sttest::engine().analyze(in, *scratch);
  ASSERT_EQ(records.size(), 1u + 2u + 2u);
  EXPECT_EQ(records[0].scope, st::Scope::Document);
  EXPECT_EQ(records[0].begin, 0u);
  EXPECT_EQ(records[0].end, text.size());
  EXPECT_EQ(records[1].scope, st::Scope::Sentence);
  EXPECT_EQ(records[3].scope, st::Scope::Entity);
  EXPECT_EQ(records[3].cluster, 0u);
  EXPECT_EQ(records[3].evidence, 2u);
  EXPECT_EQ(records[4].cluster, 1u);
  EXPECT_LT(records[4].score, 0.0);  // Trump's clause criticizes
  for (const auto& r : records) {
    EXPECT_GE(r.score, -1.0);
    EXPECT_LE(r.score, 1.0);
    EXPECT_STREQ(r.label, sttest::engine().label_of(r.score));
  }
}

TEST(SentimentEngine, EntitySentimentComesFromItsOwnClause) {
  const std::string text = "Die Regierung lobt den Plan, doch die Opposition nennt ihn eine Katastrophe.";
  auto scratch = st::Engine::make_scratch();
  st::Input in = sttest::segmented(text, "de");
  const auto [gb, ge] = span_of(text, "Regierung");
  const auto [ob, oe] = span_of(text, "Opposition");
  in.mentions = {{gb, ge, 0}, {ob, oe, 1}};
  const auto records = sttest::engine().analyze(in, *scratch);
  ASSERT_EQ(records.size(), 4u);
  EXPECT_STREQ(records[2].label, "pos");
  EXPECT_STREQ(records[3].label, "neg");
}

TEST(SentimentEngine, AQuoteSpeaksForItsSpeakerNotTheOutlet) {
  const std::string text = "Laut Müller ist die Lage eine Katastrophe.";
  auto scratch = st::Engine::make_scratch();
  st::Input in = sttest::segmented(text, "de");
  const auto [mb, me] = span_of(text, "Müller");
  const auto [qb, qe] = span_of(text, "ist die Lage eine Katastrophe");
  in.mentions = {{mb, me, 0}};
  const auto unquoted = sttest::engine().analyze(in, *scratch);
  in.quotes = {{qb, qe, std::size_t{0}}};
  const auto quoted = sttest::engine().analyze(in, *scratch);
  ASSERT_EQ(quoted.size(), 3u);
  // Without the quote layer the outlet and Müller seem negative; with it the
  // words are Müller's: the document and Müller's own score are neutral.
  EXPECT_STREQ(unquoted[0].label, "neg");
  EXPECT_STREQ(unquoted[2].label, "neg");
  EXPECT_STREQ(quoted[0].label, "neu");
  EXPECT_STREQ(quoted[1].label, "neg");  // the sentence still reads negative
  EXPECT_STREQ(quoted[2].label, "neu");
}

TEST(SentimentEngine, TargetsFromSpansAndTerms) {
  const std::string text = "Die Maskenpflicht ist eine gute Idee. Die Impfpflicht halten viele für falsch.";
  st::Options options;
  options.target_terms = {"impfpflicht"};
  const st::Engine engine(st::shipped_languages(TAGWERK_SOURCE_DIR "/plugins/sentiment/data"), options);
  auto scratch = st::Engine::make_scratch();
  st::Input in = sttest::segmented(text, "de");
  in.targets = st::parse_target_spans("4-17", text);
  const auto records = engine.analyze(in, *scratch);
  ASSERT_EQ(records.size(), 1u + 2u + 2u);
  EXPECT_EQ(records[3].scope, st::Scope::Target);
  EXPECT_EQ(text.substr(records[3].begin, records[3].end - records[3].begin), "Maskenpflicht");
  EXPECT_STREQ(records[3].label, "pos");
  EXPECT_EQ(text.substr(records[4].begin, records[4].end - records[4].begin), "Impfpflicht");
  EXPECT_STREQ(records[4].label, "neg");
}

TEST(SentimentEngine, ATargetInANeutralSentenceTakesTheTextsTone) {
  const std::string text = "Haaland spielte am Sonntag in Dortmund. Es war ein großartiger Abend.";
  const st::Engine engine(st::shipped_languages(TAGWERK_SOURCE_DIR "/plugins/sentiment/data"), st::Options{});
  auto scratch = st::Engine::make_scratch();
  st::Input in = sttest::segmented(text, "de");
  in.targets = st::parse_target_spans("0-7", text);
  const auto records = engine.analyze(in, *scratch);
  ASSERT_EQ(records.back().scope, st::Scope::Target);
  EXPECT_STREQ(records.back().label, "pos");
  // Its own sentence still comes first.
  const std::string mixed = "Haaland spielte schlecht. Es war ein großartiger Abend.";
  st::Input in2 = sttest::segmented(mixed, "de");
  in2.targets = st::parse_target_spans("0-7", mixed);
  EXPECT_STREQ(engine.analyze(in2, *scratch).back().label, "neg");
}

TEST(SentimentEngine, TargetSpansAreCodePointsConvertedToBytes) {
  const std::string text = "Ärger über Müll";  // Ä and ü take two bytes each
  const auto spans = st::parse_target_spans(R"([{"begin": 11, "end": 15}, {"begin": 3, "end": 2}])", text);
  ASSERT_EQ(spans.size(), 1u);  // the second pair has end <= begin
  EXPECT_EQ(text.substr(spans[0].begin, spans[0].end - spans[0].begin), "Müll");
  EXPECT_TRUE(st::parse_target_spans("0-99", text).empty());
}

namespace {

// The shipped languages with a German document model that knows one word the
// lexicon does not: "fabelhaft" is positive.
std::vector<st::LanguageFiles> with_toy_document_model(const std::string& name) {
  const std::string path = ::testing::TempDir() + name;
  {
    std::ofstream out(path);
    out << "# toy\nrule:bias\t-1\t-1\t1\ns:fabelhaft\t4\t0\t0\n";
  }
  auto languages = st::shipped_languages(TAGWERK_SOURCE_DIR "/plugins/sentiment/data");
  languages[0].document_model = path;
  return languages;
}

}  // namespace

TEST(SentimentEngine, ALearnedDocumentModelDecidesTheDocumentRecord) {
  const auto languages = with_toy_document_model("doc.model");
  const st::Engine engine(languages, st::Options{});
  auto scratch = st::Engine::make_scratch();
  const std::string text = "Der Abend war fabelhaft.";
  const auto with_model = engine.analyze(sttest::segmented(text, "de"), *scratch);
  const auto rules = sttest::engine().analyze(sttest::segmented(text, "de"), *scratch);
  EXPECT_STREQ(rules[0].label, "neu");
  EXPECT_STREQ(with_model[0].label, "pos");
  EXPECT_GT(with_model[0].score, 0.5);       // P(pos) - P(neg)
  EXPECT_STREQ(with_model[1].label, "neu");  // sentences stay with the rules
}

TEST(SentimentEngine, ABlendedDocumentModelSharesTheScoreWithTheRules) {
  auto languages = with_toy_document_model("blend.model");
  languages[0].document_model_weight = 0.2;
  languages[0].neutral_band = 0.2;
  const st::Engine engine(languages, st::Options{});
  auto scratch = st::Engine::make_scratch();
  // The model alone says pos (see above); a fifth of its P(pos) - P(neg)
  // next to the rules' 0 stays inside the band.
  const auto r = engine.analyze(sttest::segmented("Der Abend war fabelhaft.", "de"), *scratch);
  EXPECT_GT(r[0].score, 0.1);
  EXPECT_LT(r[0].score, 0.2);
  EXPECT_STREQ(r[0].label, "neu");
}

TEST(SentimentEngine, ALongSentenceDilutesOneMildWord) {
  const std::string text =
      "The committee met on Tuesday in the old town hall to discuss the budget, the roads, the schools and a "
      "fair plan for the library.";
  auto languages = st::shipped_languages(TAGWERK_SOURCE_DIR "/plugins/sentiment/data");
  auto scratch = st::Engine::make_scratch();
  const auto plain = st::Engine(languages, st::Options{}).analyze(sttest::segmented(text, "en"), *scratch);
  languages[1].dilution_words = 10;
  const auto diluted = st::Engine(languages, st::Options{}).analyze(sttest::segmented(text, "en"), *scratch);
  ASSERT_GT(plain[1].score, 0.0);  // "fair"
  EXPECT_NEAR(diluted[1].score / plain[1].score, 10.0 / 26.0, 0.05);
  // A short sentence keeps its score.
  const auto short_one =
      st::Engine(languages, st::Options{}).analyze(sttest::segmented("A fair plan.", "en"), *scratch);
  EXPECT_DOUBLE_EQ(short_one[1].score,
                   sttest::engine().analyze(sttest::segmented("A fair plan.", "en"), *scratch)[1].score);
}

TEST(SentimentEngine, TheParagraphOfALinkWeighsItsShare) {
  // A tweet sharing a link: its words are mostly the linked page's title.
  const std::string tweet = "Tolles Angebot! Super Preise bei uns http://t.co/abc123";
  const std::string line = "Tolles Angebot! Super Preise bei uns";
  auto languages = st::shipped_languages(TAGWERK_SOURCE_DIR "/plugins/sentiment/data");
  languages[0].link_share = 0.3;
  const st::Engine engine(languages, st::Options{});
  auto scratch = st::Engine::make_scratch();
  const double plain = engine.analyze(sttest::segmented(line, "de"), *scratch)[0].score;
  const auto linked = engine.analyze(sttest::segmented(tweet, "de"), *scratch);
  ASSERT_GT(plain, 0.3);
  ASSERT_GE(linked.size(), 3u);  // document and two sentences
  EXPECT_GT(linked[0].score, 0.0);
  EXPECT_LT(linked[0].score, 0.5 * plain);
  // Both sentences share the link's paragraph, the first one too.
  EXPECT_LT(linked[1].score, engine.analyze(sttest::segmented("Tolles Angebot!", "de"), *scratch)[1].score);
  // A paragraph without a link keeps its weight.
  const std::string two = "Tolles Angebot!\n\nMehr unter http://t.co/abc123";
  const auto apart = engine.analyze(sttest::segmented(two, "de"), *scratch);
  EXPECT_DOUBLE_EQ(apart[1].score,
                   engine.analyze(sttest::segmented("Tolles Angebot!", "de"), *scratch)[1].score);
  // English keeps links at full weight unless told.
  EXPECT_DOUBLE_EQ(sttest::score("Great offer, good prices http://t.co/abc123", "en"),
                   sttest::score("Great offer, good prices", "en"));
}

TEST(SentimentEngine, NounsCountWithTheirShareInSentencesButWholeForTargets) {
  const std::string text = "Der Krieg dauerte drei Jahre.";
  auto languages = st::shipped_languages(TAGWERK_SOURCE_DIR "/plugins/sentiment/data");
  const st::Engine whole(languages, st::Options{});
  languages[0].noun_share = 0.3;
  const st::Engine shared(languages, st::Options{});
  auto scratch = st::Engine::make_scratch();
  st::Input in = sttest::segmented(text, "de");
  in.targets = st::parse_target_spans("18-22", text);  // "drei"
  const auto a = whole.analyze(in, *scratch);
  const auto b = shared.analyze(in, *scratch);
  ASSERT_EQ(a.size(), 3u);
  ASSERT_LT(a[0].score, -0.2);  // "Krieg"
  EXPECT_GT(b[0].score, -0.2);
  EXPECT_LT(b[0].score, 0.0);
  EXPECT_NEAR(b[1].score / a[1].score, 0.3, 0.05);  // the sentence record, about linear near 0
  EXPECT_STREQ(a[2].label, "neg");                  // the target
  EXPECT_DOUBLE_EQ(b[2].score, a[2].score);
  // A word that carries sentiment but no capital keeps its weight.
  const std::string verb = "Die Leute haben gelogen.";
  EXPECT_DOUBLE_EQ(shared.analyze(sttest::segmented(verb, "de"), *scratch)[0].score,
                   whole.analyze(sttest::segmented(verb, "de"), *scratch)[0].score);
}

TEST(SentimentEngine, TheDeclaredLanguageIsTheDocumentsMainLanguage) {
  // English text in a record that says it is German: the document takes
  // the German band (here 0.9), not the English one (0.05).
  auto languages = st::shipped_languages(TAGWERK_SOURCE_DIR "/plugins/sentiment/data");
  languages[0].neutral_band = 0.9;
  languages[1].neutral_band = 0.05;
  const st::Engine engine(languages, st::Options{});
  auto scratch = st::Engine::make_scratch();
  const std::string text =
      "That was a good meeting, and everyone in the room said that they would come back.";
  st::Input in = sttest::segmented(text, "de");  // views into text
  ASSERT_EQ(in.sentences.at(0).lang, "en");
  const auto undeclared = engine.analyze(in, *scratch);
  in.lang = "de";
  const auto declared = engine.analyze(in, *scratch);
  EXPECT_STREQ(undeclared[0].label, "pos");
  EXPECT_STREQ(declared[0].label, "neu");
  EXPECT_EQ(declared[0].score, undeclared[0].score);  // the sentence is still scored in English
}
