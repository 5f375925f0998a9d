// The quotes engine on short texts segmented as the chain does: each kind of
// statement, its speaker and cue, as a user reads them.
#include "test_support.hpp"

using qtest::find;
using qtest::quote_at;
using qtest::run;
using tagwerk::quotes::Kind;
using tagwerk::quotes::Mention;

TEST(QuotesEngine, DirectQuoteWithTheSpeakerAfterIt) {
  const std::string t = "„Wir sind bereit“, sagte Merkel am Montag.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "bereit"), "direct | Merkel | Merkel | sagte");
}

TEST(QuotesEngine, ColonIntroductionNamesTheSpeaker) {
  const std::string t = "Der Stabschef, Reince Priebus: „Der Präsident hat das nicht geglaubt.“";
  EXPECT_EQ(quote_at(run(t, "de"), t, "geglaubt"), "direct | Reince Priebus | Reince Priebus | ");
}

TEST(QuotesEngine, EveryStyleOfQuotationMark) {
  for (const std::string t : {"»Wir sind bereit«, sagte Merkel.", "«Wir sind bereit», sagte Merkel.",
                              "\"Wir sind bereit\", sagte Merkel.", "‚Wir sind bereit‘, sagte Merkel."})
    EXPECT_EQ(quote_at(run(t, "de"), t, "bereit"), "direct | Merkel | Merkel | sagte") << t;
  const std::string en = "“We will win this race,” said Caddell.";
  EXPECT_EQ(quote_at(run(en, "en"), en, "win"), "direct | Caddell | Caddell | said");
}

TEST(QuotesEngine, TitlesAndScareQuotesWithoutSpeechAreNoQuotes) {
  const std::string t = "Der Film „Das Boot“ läuft heute. Die „Reform“ kommt im Mai.";
  EXPECT_TRUE(run(t, "de").quotes.empty());
}

TEST(QuotesEngine, AnUnclosedQuotationEndsAtTheParagraph) {
  const std::string t = "Er sagte: „Wir kommen wieder und bleiben lange.\n\nDas Wetter wird schön.";
  const auto r = run(t, "de");
  const auto* q = find(r, t, "kommen");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->kind, Kind::Direct);
  EXPECT_LE(q->end, t.find("Das Wetter"));
  EXPECT_EQ(quote_at(r, t, "Wetter"), "(none)");
}

TEST(QuotesEngine, IndirectSpeechAfterACue) {
  const std::string t = "Der Minister sagte, dass die Steuern bald sinken würden.";
  const auto r = run(t, "de");
  EXPECT_EQ(quote_at(r, t, "Steuern"), "indirect | Minister | Der Minister | sagte");
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_EQ(t.substr(r.quotes[0].begin, r.quotes[0].end - r.quotes[0].begin),
            "dass die Steuern bald sinken würden");
}

TEST(QuotesEngine, KonjunktivContinuesTheSpeakerAcrossSentences) {
  const std::string t =
      "Ein Sprecher der Polizei sagte, der Mann sei bewaffnet. Er habe eine Bombe bei sich getragen. "
      "Man gehe allen Spuren nach.";
  const auto r = run(t, "de");
  EXPECT_EQ(quote_at(r, t, "bewaffnet"),
            "indirect | Sprecher der Polizei | Ein Sprecher der Polizei | sagte");
  // "Er" is the man the spokesman talks about, part of the reported words: the speaker's
  // mention is the spokesman's, in the sentence before.
  EXPECT_EQ(quote_at(r, t, "Bombe"), "indirect | Sprecher der Polizei | Ein Sprecher der Polizei | ");
  EXPECT_EQ(quote_at(r, t, "Spuren"), "indirect | Sprecher der Polizei | Ein Sprecher der Polizei | ");
}

TEST(QuotesEngine, SourcesBeforeAndAfterTheSpeaker) {
  const std::string laut = "Laut Polizei ist der Mann bewaffnet.";
  EXPECT_EQ(quote_at(run(laut, "de"), laut, "bewaffnet"), "indirect | Polizei | Polizei | Laut");
  const std::string zufolge = "Dem Bericht zufolge sind die Preise gestiegen.";
  EXPECT_EQ(quote_at(run(zufolge, "de"), zufolge, "Preise"), "indirect | Bericht | Dem Bericht | zufolge");
  const std::string nach = "Nach Angaben der Polizei wurde niemand verletzt.";
  EXPECT_EQ(quote_at(run(nach, "de"), nach, "niemand"), "indirect | Polizei | der Polizei | Nach Angaben");
  const std::string so = "Die Lage sei ernst, so der Sprecher.";
  EXPECT_EQ(quote_at(run(so, "de"), so, "Lage"), "indirect | Sprecher | der Sprecher | so");
}

// "Recherchen von NDR und WDR": whose report, also after "von". A point of view ("Sicht")
// is a source only with whose it is; "aus epidemiologischer Sicht" reports nobody's words.
TEST(QuotesEngine, AReportByVonAndAViewOnlyWithItsOwner) {
  const std::string von = "Nach Recherchen von NDR und WDR fehlen Masken.";
  EXPECT_EQ(quote_at(run(von, "de"), von, "Masken"),
            "indirect | Recherchen von NDR und WDR | Recherchen von NDR und WDR | Nach");
  const std::string owner = "Aus Sicht der Experten ist die Lage ernst.";
  EXPECT_EQ(quote_at(run(owner, "de"), owner, "Lage"), "indirect | Experten | der Experten | Aus Sicht");
  const std::string his = "Aus seiner Sicht ist die Lage ernst.";
  EXPECT_NE(quote_at(run(his, "de"), his, "Lage"), "(none)");
  const std::string perspective = "Das ist aus epidemiologischer Sicht ein Fehler.";
  EXPECT_EQ(quote_at(run(perspective, "de"), perspective, "Fehler"), "(none)");
  const std::string this_view = "Unüberschaubar war aus dieser Sicht nur die Zukunft.";
  EXPECT_EQ(quote_at(run(this_view, "de"), this_view, "Zukunft"), "(none)");
}

TEST(QuotesEngine, EnglishReportedSpeech) {
  const std::string said = "The senator said the plan would fail. According to officials, talks continue.";
  const auto r = run(said, "en");
  EXPECT_EQ(quote_at(r, said, "plan"), "indirect | senator | The senator | said");
  EXPECT_EQ(quote_at(r, said, "talks"), "indirect | officials | officials | According to");
}

TEST(QuotesEngine, EnglishExpletivesAndContractionsAreNoSpeakers) {
  // BBC News: "There", "You" and "It's" opened sentences and became speakers by name.
  const std::string there = "Sales rose by 5%. There were also fears that prices would rise.";
  EXPECT_EQ(quote_at(run(there, "en"), there, "prices"), "indirect |  |  | fears");
  // A quotation opening with "You" or "It's" goes on with the speaker named before it.
  const std::string before = "The coach Mary Jones said young dancers no longer wanted to work hard. ";
  for (const std::string quotation : {"\"You have to be very dedicated.\"", "\"It's a hard career.\""}) {
    const std::string t = before + quotation;
    EXPECT_EQ(quote_at(run(t, "en"), t, quotation.substr(1, 6)), "direct | Mary Jones | Mary Jones | ")
        << quotation;
  }
}

TEST(QuotesEngine, AQuotedPostIsEmbeddedAndItsQuotedWordsAreNoQuotes) {
  const std::string t =
      "Das schrieb er.\n\nMarco Rubio @marcorubio\nPartnering with Putin on a \"Cyber Security Unit\" is "
      "akin to "
      "partnering with Assad.\n\nDanach war es still.";
  const auto r = run(t, "de");
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_EQ(quote_at(r, t, "Partnering"), "embedded | Marco Rubio | Marco Rubio | ");
  EXPECT_EQ(r.speakers[static_cast<std::size_t>(r.quotes[0].speaker)].kind, "account");
}

TEST(QuotesEngine, RoleNounsAndPronounsResolveToTheEntity) {
  const std::string t =
      "US-Präsident Donald Trump traf Putin. Der US-Präsident sagte, er sei zufrieden. Er habe viel gelernt.";
  auto at = [&](const char* s) { return static_cast<std::uint32_t>(t.find(s)); };
  const std::vector<Mention> entities = {
      {at("Donald"), at("Donald") + 12, "PER", 0, "Donald Trump"},
      {at("Putin"), at("Putin") + 5, "PER", 1, "Wladimir Putin"},
  };
  const auto r = run(t, "de", entities);
  const auto* q = find(r, t, "zufrieden");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker_name, "Donald Trump");
  EXPECT_EQ(q->entity, 0);
  const auto* q2 = find(r, t, "gelernt");
  ASSERT_NE(q2, nullptr);
  EXPECT_EQ(q2->speaker_name, "Donald Trump");  // "Er": the speaker before, not Putin named after him
  EXPECT_EQ(q2->entity, 0);
}

TEST(QuotesEngine, ASpeakerNamedByAnEntityGetsItsCanonicalName) {
  const std::string t = "„Das ist falsch“, sagte Trump.";
  const auto b = static_cast<std::uint32_t>(t.find("Trump"));
  const auto r = run(t, "de", {{b, b + 5, "PER", 0, "Donald Trump"}});
  EXPECT_EQ(quote_at(r, t, "falsch"), "direct | Donald Trump | Trump | sagte");
  EXPECT_EQ(r.quotes[0].entity, 0);
  // Without entities the mention's text stays the speaker, and no entity is set.
  const auto plain = run(t, "de");
  EXPECT_EQ(quote_at(plain, t, "falsch"), "direct | Trump | Trump | sagte");
  EXPECT_EQ(plain.quotes[0].entity, -1);
}

TEST(QuotesEngine, NoSpeakerFoundSaysSo) {
  const std::string t = "Es sei alles in Ordnung.";
  const auto r = run(t, "de");
  ASSERT_EQ(r.quotes.size(), 1u);
  EXPECT_EQ(r.quotes[0].kind, Kind::Indirect);
  EXPECT_EQ(r.quotes[0].speaker, -1);
  EXPECT_EQ(r.quotes[0].speaker_name, "");
}

TEST(QuotesEngine, TokensJoinedBySpacesAsInSpkAtt) {
  const std::string t =
      "„ Wir sind bereit “ , sagte Merkel .\nDer Minister erklärte , dass die Steuern sinken würden .";
  const auto r = run(t, "de");
  EXPECT_EQ(quote_at(r, t, "bereit"), "direct | Merkel | Merkel | sagte");
  EXPECT_EQ(quote_at(r, t, "Steuern"), "indirect | Minister | Der Minister | erklärte");
}

TEST(QuotesEngine, EmptyAndOddInputDoNotThrow) {
  EXPECT_TRUE(run("", "de").quotes.empty());
  EXPECT_NO_THROW(run("„„„ “ “ ” \" ' ’ « »", "de"));
  EXPECT_NO_THROW(run("\xff\xfe „abc", "de"));
}

TEST(QuotesEngine, AnAppositionNamesTheSpeakerWithParticlesInTheName) {
  const std::string t =
      "Die Sprecherin der Stiftung Warentest , Heike van Laak , sagte dazu : „ Wir bleiben dabei . “\nDer "
      "Richter "
      "erklärte , dass es gut sei .";
  const auto r = run(t, "de");
  EXPECT_EQ(quote_at(r, t, "bleiben"), "direct | Heike van Laak | Heike van Laak | sagte dazu");
  // The closing mark at the start of the next line belongs to the quotation, not to the next sentence.
  EXPECT_EQ(quote_at(r, t, "gut sei"), "indirect | Richter | Der Richter | erklärte");
}

TEST(QuotesEngine, NamesAndTitlesInQuotationMarksAreNoQuotesEvenNearACue) {
  const std::string t = "Die Organisation „Reporter ohne Grenzen“ sagte, dass die Lage ernst sei.";
  const auto r = run(t, "de");
  EXPECT_EQ(quote_at(r, t, "Lage"),
            "indirect | Organisation „Reporter ohne Grenzen“ | "
            "Die Organisation „Reporter ohne Grenzen“ | sagte");
  for (const auto& q : r.quotes) EXPECT_NE(q.kind, Kind::Direct);
}

TEST(QuotesEngine, AColonIntroductionOnTheLineBefore) {
  const std::string t = "So sagte Olli Rehn, EU-Erweiterungskommissar:\n„Man kann das nicht machen.“";
  EXPECT_EQ(quote_at(run(t, "de"), t, "machen"), "direct | Olli Rehn | Olli Rehn | sagte");
}

TEST(QuotesEngine, TheSubjectOfTheSentenceBeforeGoesOnSpeaking) {
  const std::string t =
      "Der Minister sagte, er sei zufrieden. Die Firma empfindet die Kritik als ungerecht. „Wir haben alles "
      "richtig "
      "gemacht und bleiben dabei.“";
  EXPECT_EQ(quote_at(run(t, "de"), t, "richtig"), "direct | Firma | Die Firma | ");
}

TEST(QuotesEngine, EnglishSpeakerAfterTheQuoteWithAnApposition) {
  const std::string t = "“He is absolutely right about it,” Flynn, a top Trump surrogate, said on Thursday.";
  EXPECT_EQ(quote_at(run(t, "en"), t, "absolutely"), "direct | Flynn | Flynn | said");
  const std::string role = "“We will decide soon,” White House press secretary Josh Earnest said.";
  EXPECT_EQ(quote_at(run(role, "en"), role, "decide"),
            "direct | Josh Earnest | White House press secretary Josh Earnest | said");
}

TEST(QuotesEngine, SubjectsEndingInAQuotedNameOrBeforeARelativeClause) {
  const std::string t =
      "Die Wochenzeitschrift „Jungle World“ hatte letzten September kritisiert, dass sie schweige.";
  EXPECT_EQ(
      quote_at(run(t, "de"), t, "schweige"),
      "indirect | Wochenzeitschrift „Jungle World“ | Die Wochenzeitschrift „Jungle World“ | kritisiert");
  const std::string rel = "Kritik kommt vom Fahrgastverband IGEB, der sagte, dass die Maßnahme falsch sei.";
  EXPECT_EQ(quote_at(run(rel, "de"), rel, "falsch"),
            "indirect | Fahrgastverband IGEB | Fahrgastverband IGEB | sagte");
}

TEST(QuotesEngine, PassiveAgentsAndNamesBeforeAnAppositionSpeak) {
  const std::string t = "Es wurde von Demjanjuks Sohn die Mutmaßung geäußert, Deutschland brauche ein Opfer.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "Opfer"), "indirect | Demjanjuks Sohn | Demjanjuks Sohn | geäußert");
  const std::string a =
      "Karl-Theodor zu Guttenberg, Obmann der Fraktion im Ausschuss, warf der Partei vor, sie habe versagt.";
  EXPECT_EQ(quote_at(run(a, "de"), a, "versagt"),
            "indirect | Karl-Theodor zu Guttenberg | Karl-Theodor zu Guttenberg | warf");
}

TEST(QuotesEngine, EnglishCuesWithAPhraseAfterThemOrInTheMiddle) {
  const std::string t = "Trump said after the convention he would not accept the endorsement.";
  EXPECT_EQ(quote_at(run(t, "en"), t, "endorsement"), "indirect | Trump | Trump | said");
  const std::string mid =
      "The middle fifth paid 8.9 percent, the agency said in a June report, and the rest paid less.";
  const auto r = run(mid, "en");
  EXPECT_EQ(quote_at(r, mid, "middle fifth"), "indirect | agency | the agency | said");
  EXPECT_EQ(quote_at(r, mid, "rest paid"), "indirect | agency | the agency | said");
}

TEST(QuotesEngine, SourcesNamedInQuotationMarksOrAfterTheirReport) {
  const std::string t = "Laut „Welt“ soll er sich in Landsberg befinden.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "Landsberg"), "indirect | „Welt“ | „Welt“ | Laut");
  const std::string n = "Dort treffen sich dem Vernehmen nach zunehmend alkoholisierte Gruppen.";
  EXPECT_EQ(quote_at(run(n, "de"), n, "Gruppen"), "indirect | Vernehmen | dem Vernehmen | nach");
  // A name in quotation marks after its determiner before "zufolge" is the source, and no quote.
  const std::string z =
      "Zudem hob der Präsident dem „Figaro“ zufolge in einem Interview die Bedeutung Englands hervor.";
  const auto r = run(z, "de");
  EXPECT_EQ(quote_at(r, z, "Interview"), "indirect | „Figaro“ | dem „Figaro“ | zufolge");
  EXPECT_EQ(r.quotes.size(), 1u);
  // The source's name in quotation marks is no partial quote either.
  const std::string l = "Skeptisch äußerte sich der Minister laut „Welt“ über den Plan.";
  const auto w = run(l, "de");
  EXPECT_EQ(quote_at(w, l, "Minister"), "indirect | „Welt“ | „Welt“ | laut");
  EXPECT_EQ(w.quotes.size(), 1u);
  // After its cue too: "schreibt die „Rundschau“".
  const std::string a = "„Wir sind bereit für die Wahl“, schreibt die „Rundschau“.";
  const auto q = run(a, "de");
  EXPECT_EQ(quote_at(q, a, "bereit"), "direct | „Rundschau“ | die „Rundschau“ | schreibt");
  EXPECT_EQ(q.quotes.size(), 1u);
}

TEST(QuotesEngine, TheCueAfterTheReportedClauseWithAnAuxiliary) {
  const std::string t =
      "Sie wisse, dass ihre Arbeit nicht frei von Schwächen sei, hatte Koch-Mehrin damals gesagt.";
  const auto r = run(t, "de");
  EXPECT_EQ(quote_at(r, t, "wisse"), "indirect | Koch-Mehrin | Koch-Mehrin | gesagt");
}

TEST(QuotesEngine, EnglishCommonNounsSpeakAfterADeterminer) {
  const std::string t = "Still, the fund warned that the exit will raise many questions.";
  EXPECT_EQ(quote_at(run(t, "en"), t, "exit"), "indirect | fund | the fund | warned");
}

TEST(QuotesEngine, AQuotedPhraseAfterAlsIsPartialATitleAfterItsNounIsNot) {
  const std::string t = "Kritiker bezeichneten seine Werke als „Meilensteine der Musikgeschichte“.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "Meilensteine"), "partial | Kritiker | Kritiker | bezeichneten");
  const std::string f = "Der Regisseur sagte, der Film „Das Boot“ sei sein bester.";
  for (const auto& q : run(f, "de").quotes) EXPECT_EQ(q.kind, Kind::Indirect);
}

TEST(QuotesEngine, CuesAfterAQuotationThatEndsItsSentence) {
  const std::string t = "„Er ist der kreative Kopf. Der Künstler.“, schrieb „Die Zeit“ in einem Nachruf.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "kreative"), "direct | „Die Zeit“ | „Die Zeit“ | schrieb");
  const std::string so = "„In meinen Augen ist das Gesetz falsch.“, so Gall.";
  EXPECT_EQ(quote_at(run(so, "de"), so, "Augen"), "direct | Gall | Gall | so");
  const std::string es = "„Ich bitte um die Rücknahme.“, heißt es in einer Erklärung.";
  EXPECT_EQ(quote_at(run(es, "de"), es, "Rücknahme"), "direct | Erklärung | einer Erklärung | heißt es in");
}

TEST(QuotesEngine, ALowerCaseNameAfterADeterminerSpeaks) {
  const std::string t = "Die taz vermutet, dass der Zugriff schon heute üblich sei.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "Zugriff"), "indirect | taz | Die taz | vermutet");
}

TEST(QuotesEngine, NamesInQuotationMarksAfterADeterminerOrTheirNounAreNoQuotes) {
  const std::string t =
      "Die „Süddeutsche Zeitung“ berichtet, die Nachrichtenagentur „Interfax“ habe gemeldet, es sei ruhig.";
  for (const auto& q : run(t, "de").quotes)
    EXPECT_EQ(q.kind, Kind::Indirect) << t.substr(q.begin, q.end - q.begin);
}

TEST(QuotesEngine, AGenitiveStaysInTheSpeakerAfterTheCue) {
  const std::string t = "„Niemand wurde verletzt“, sagte ein Sprecher der örtlichen Polizei am Abend.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "Niemand"),
            "direct | Sprecher der örtlichen Polizei | ein Sprecher der örtlichen Polizei | sagte");
}

TEST(QuotesEngine, AQuotedNounAfterADeterminerInASentenceOfSpeechIsPartial) {
  const std::string t = "Der Präsident der Kommission, Alpha Konaré, nannte dies einen „Militärputsch“.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "Militärputsch"), "partial | Alpha Konaré | Alpha Konaré | nannte");
  // Without speech in its sentence it stays a name; as a speaker it is none either.
  const std::string n = "Er las die „Süddeutsche Zeitung“ am Bahnhof.";
  EXPECT_TRUE(run(n, "de").quotes.empty());
  const std::string s = "Die „Süddeutsche Zeitung“ berichtet, es sei ruhig.";
  EXPECT_EQ(quote_at(run(s, "de"), s, "ruhig"),
            "indirect | „Süddeutsche Zeitung“ | Die „Süddeutsche Zeitung“ | berichtet");
}

TEST(QuotesEngine, APassiveAgentBeforeAQuotedFragmentSpeaks) {
  const std::string t = "Seine Werke werden von Musikkennern als „Meilensteine der Musik“ bezeichnet.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "Meilensteine"), "direct | Musikkennern | Musikkennern | bezeichnet");
  const std::string w = "Die Gefahr wird vom Deutschen Wetterdienst als „sehr hoch“ eingestuft.";
  EXPECT_EQ(quote_at(run(w, "de"), w, "hoch"),
            "direct | Deutschen Wetterdienst | Deutschen Wetterdienst | eingestuft");
}

TEST(QuotesEngine, AReportOpeningTheSentenceIsTheSourceOfAnImpersonalOrPassiveCue) {
  const std::string t =
      "In einer Presseerklärung, die am Mittwoch veröffentlicht wurde, wurde verkündet, dass alle "
      "Verantwortlichen festgenommen würden.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "Verantwortlichen"),
            "indirect | Presseerklärung | einer Presseerklärung | verkündet");
  const std::string h =
      "In dem neuen Bericht, der im Netz steht, heißt es, die Zahl der Straftaten sei gestiegen.";
  EXPECT_EQ(quote_at(run(h, "de"), h, "Straftaten"),
            "indirect | neuen Bericht | dem neuen Bericht | heißt es");
  // The report noun in the genitive ("des Schreibens") names a report too.
  const std::string g =
      "In einer Fassung des Schreibens, die am Montag verschickt wurde, heißt es, die Kosten seien zu hoch.";
  EXPECT_EQ(quote_at(run(g, "de"), g, "Kosten"),
            "indirect | Fassung des Schreibens | einer Fassung des Schreibens | heißt es");
  // An agent in the cue's clause speaks instead.
  const std::string a =
      "In einer Mitteilung, die gestern kam, wurde von der Polizei gefordert, dass alle gehen.";
  EXPECT_EQ(quote_at(run(a, "de"), a, "alle gehen"), "indirect | Polizei | der Polizei | gefordert");
}

TEST(QuotesEngine, AContinuationGoesOnWithTheSpeakerNotWithAPersonItReportsAbout) {
  const std::string t =
      "Ein Sprecher der Polizei sagte, Peter Müller sei bewaffnet gewesen. Er habe eine Bombe bei sich "
      "getragen.";
  const auto b = static_cast<std::uint32_t>(t.find("Peter"));
  const auto r = run(t, "de", {{b, b + 12, "PER", 0, "Peter Müller"}});
  EXPECT_EQ(quote_at(r, t, "Bombe"), "indirect | Sprecher der Polizei | Ein Sprecher der Polizei | ");
}

TEST(QuotesEngine, TheCueAfterAQuotationThatClosesItsSentenceOrAfterSo) {
  // SpkAtt's spacing: the segmenter ends a sentence after ". “", the cue is in the next one.
  const std::string t = "„ Die Schule ist im Land etabliert . “ erklärte Kultusministerin Eisenmann .";
  EXPECT_EQ(quote_at(run(t, "de"), t, "etabliert"),
            "direct | Eisenmann | Kultusministerin Eisenmann | erklärte");
  const std::string s = "„Ein außerordentlicher Sieg“, so urteilte Romney selbst über seinen Erfolg.";
  EXPECT_EQ(quote_at(run(s, "de"), s, "Sieg"), "direct | Romney | Romney | so urteilte");
}

TEST(QuotesEngine, ACueWithoutAClauseNamesTheSourceTheStatementsAfterItQuote) {
  // "sieht ... keine Gefahr" reports no clause; the Konjunktiv sentence after it is the
  // institute's view. Its own subject ("Lediglich Personen") is no speaker: the relative
  // clause's Konjunktiv is not the only one, the main verb "seien" is reported too.
  const std::string t =
      "Das Robert-Koch-Institut sieht für Deutschland noch keine besondere Gefahr. Lediglich Personen, die "
      "Umgang mit Geflügel hätten, seien besonders zu schützen.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "Geflügel"),
            "indirect | Robert-Koch-Institut | Das Robert-Koch-Institut | ");
  // A sentence without speech between them does not change whom the statement quotes;
  // the adverb opening it ("Daneben") is no subject.
  const std::string b =
      "Der Untersuchungsbericht schildert die Fehlerkette. Daneben lagen Tierreste im Hangar. Dadurch sei "
      "eine Kette von Warnsignalen ausgelöst worden.";
  EXPECT_EQ(quote_at(run(b, "de"), b, "Warnsignalen"),
            "indirect | Untersuchungsbericht | Der Untersuchungsbericht | ");
  // Without a source before it the speaker stays unknown.
  const std::string n = "Daneben lagen Tierreste im Hangar. Dadurch sei eine Kette ausgelöst worden.";
  EXPECT_EQ(quote_at(run(n, "de"), n, "Kette"), "indirect |  |  | ");
}

TEST(QuotesEngine, APronominalAdverbOpeningTheSentenceIsNoSpeaker) {
  // "Dazu" (da + zu) stands for a thing: the subject after the verb speaks.
  for (const std::string adverb : {"Dazu", "Darauf", "Hierzu"}) {
    const std::string t = adverb + " sagte die Ministerin, man prüfe den Fall.";
    EXPECT_EQ(quote_at(run(t, "de"), t, "prüfe"), "indirect | Ministerin | die Ministerin | sagte") << adverb;
  }
}

TEST(QuotesEngine, APronounAfterASourceNamingAPersonContinuesThatSource) {
  const std::string t =
      "Der Vizekanzler Franz Müntefering hat seinen Rücktritt verkündet. Er werde als Abgeordneter im "
      "Bundestag bleiben.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "Abgeordneter"),
            "indirect | Franz Müntefering | Der Vizekanzler Franz Müntefering | ");
}

TEST(QuotesEngine, TheSubjectIsInTheNominativeAndInItsOwnLine) {
  // "eines Klimaschutzgesetzes" is a genitive: the subject follows the verb.
  const std::string o =
      "Im Kongress warb Obama für die Annahme eines Klimaschutzgesetzes mit den Worten: „Das bedeutet den "
      "Bau neuer Kraftwerke.“";
  EXPECT_EQ(quote_at(run(o, "de"), o, "Kraftwerke"), "direct | Obama | Obama | ");
  // A line without final punctuation before it does not join the subject's clause.
  const std::string l =
      "Die Kommission berief sich auf Artikel 48 des Gesetzes\nDie Universität hatte anlässlich des "
      "Entzugs des Titels erklärt, sie wolle dem Vorwurf nachgehen.";
  EXPECT_EQ(quote_at(run(l, "de"), l, "Vorwurf"), "indirect | Universität | Die Universität | erklärt");
  // A prepositional phrase with an adjective between the speaker and the colon.
  const std::string p = "Punklady Nina Hagen zur neuen Heimat:\n„Die meisten Sachen sind schon umgezogen.“";
  EXPECT_EQ(quote_at(run(p, "de"), p, "Sachen"), "direct | Punklady Nina Hagen | Punklady Nina Hagen | ");
}

TEST(QuotesEngine, AReportedClauseBeforeAQuotationOfTheSameCueStaysAStatement) {
  const std::string t =
      "Karsai sagte am Sonntag weiter, Afghanistan sei ein „Opfer des Terrorismus“ und Mehsud sollte wissen, "
      "„dass wir jetzt hinter ihm her sind und ihn erwischen werden.“";
  const auto r = run(t, "de");
  EXPECT_EQ(quote_at(r, t, "Afghanistan"), "indirect | Karsai | Karsai | sagte");
  EXPECT_EQ(quote_at(r, t, "erwischen"), "direct | Karsai | Karsai | sagte");
}

TEST(QuotesEngine, ADemonstrativeBeforeTheCueMakesTheSentenceBeforeAStatement) {
  const std::string t =
      "Die Junta will auch nach der Wahl nicht von der Bühne verschwinden. Das erklärte General Winai am "
      "Montag gegenüber Diplomaten.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "Bühne"), "indirect | General Winai | General Winai | erklärte");
  // A Konjunktiv sentence it follows gets its speaker.
  const std::string k = "Der Zug sei pünktlich gewesen. Dies bestätigte die Bahn am Abend.";
  EXPECT_EQ(quote_at(run(k, "de"), k, "pünktlich"), "indirect | Bahn | die Bahn | ");
  // A quotation before it is left to the quotation rules; a sentence with no speech after it stays none.
  const std::string n = "Die Junta will nicht von der Bühne verschwinden. Das Wetter bleibt schön.";
  EXPECT_EQ(quote_at(run(n, "de"), n, "Bühne"), "(none)");
  // After a sentence with a speaker of its own, the subject after the verb (not the
  // demonstrative, its object) is the source the statements after it go on quoting.
  const std::string o =
      "Der Minister sagte, der Plan sei gut. Das bestätigte die Sprecherin. Die Kosten seien gering.";
  EXPECT_EQ(quote_at(run(o, "de"), o, "Kosten"), "indirect | Sprecherin | die Sprecherin | ");
  // With no phrase after the verb the demonstrative is the subject, a fact that names no
  // speaker: "Das bestätigt, dass ...".
  const std::string s = "Das bestätigt, dass der Plan gut ist.";
  EXPECT_EQ(quote_at(run(s, "de"), s, "Plan"), "indirect |  |  | bestätigt");
}

// Adverbs between the subject and its cue ("selber dagegen") leave the subject before them.
TEST(QuotesEngine, AdverbsBetweenTheSubjectAndTheCue) {
  const std::string t =
      "Die Partei selber dagegen warf Müller, nachdem der Plan bekannt wurde, vor, er habe gelogen.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "gelogen"), "indirect | Partei | Die Partei | warf");
}

// The subject after the verb when the phrase the sentence opens with is coordinated.
TEST(QuotesEngine, AfterACoordinatedFrontedPhraseTheSubjectFollowsTheVerb) {
  const std::string t =
      "Zum Haushalt der Stadt und seiner neuen Rolle wird Müller in der Zeitung wie folgt zitiert: „Wir "
      "müssen jetzt sparen, auch wenn es weh tut.“";
  EXPECT_EQ(quote_at(run(t, "de"), t, "sparen"), "direct | Müller | Müller | zitiert");
}

TEST(QuotesEngine, TheMainVerbAfterARelativeClauseWithAnAppositionIsReported) {
  const std::string t =
      "Gall schrieb, das Gesetz sei gut. Die Absicht, die die Landesregierung, eine Koalition aus CDU und "
      "FDP verfolge, unterstütze die SPD voll.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "unterstütze"), "indirect | Gall | Gall | ");
}

TEST(QuotesEngine, AnObjectOpeningTheSentenceBeforeLeavesTheSubjectAfterTheVerbAsTopic) {
  const std::string t =
      "Dem Einsatz der Geräte steht die SPD-Fraktion kritisch gegenüber. Zum einen sei der Abgleich "
      "ergebnislos verlaufen.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "ergebnislos"), "indirect | SPD-Fraktion | die SPD-Fraktion | ");
}

TEST(QuotesEngine, AReportAfterTheAuxiliaryIsTheSourceOfAnAgentlessPassive) {
  const std::string t =
      "So wird in einer Pressemitteilung der Organisation gefordert, dass die Regierung handeln müsse.";
  EXPECT_EQ(
      quote_at(run(t, "de"), t, "handeln"),
      "indirect | Pressemitteilung der Organisation | einer Pressemitteilung der Organisation | gefordert");
}

TEST(QuotesEngine, ASecondClauseSpeaksOnlyWhenItsSubjectMaySpeak) {
  // "der Beschleuniger" is what is reported about: the clause goes on with the spokesman.
  const std::string t =
      "Ein Sprecher des CERN sagte, das Kühlsystem sei ausgefallen. Das Problem sei gelöst, und der "
      "Beschleuniger werde wieder hochgefahren.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "hochgefahren"),
            "indirect | Sprecher des CERN | Ein Sprecher des CERN | ");
}

TEST(QuotesEngine, AStatementsNounBeforeTheColonGivesWhoseItIs) {
  const std::string t = "Zitat von Schröder: „Wir haben etwas erreicht, was viele für unmöglich hielten.“";
  EXPECT_EQ(quote_at(run(t, "de"), t, "erreicht"), "direct | Schröder | Schröder | ");
}

TEST(QuotesEngine, SeparableCuesOfProposingAndTakingAStand) {
  const std::string t = "Zeller schlägt vor, die Maut nur für den Transit zu erheben.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "Maut"), "indirect | Zeller | Zeller | schlägt vor");
  // "nahm ... Stellung" reports no clause: a source for the Konjunktiv sentence after it.
  const std::string s =
      "Am Rande der Sitzung nahm auch der Ministerpräsident Christian Wulff zu der Frage Stellung. Jeder "
      "Lehrer könne das Konto später einlösen.";
  EXPECT_EQ(quote_at(run(s, "de"), s, "Konto"),
            "indirect | Christian Wulff | der Ministerpräsident Christian Wulff | ");
  // A cue of several words after the verb ("ging ... davon aus"), its last word closing the clause.
  const std::string g = "Bislang gingen die Forscher davon aus, dass Planeten langsam wachsen.";
  EXPECT_EQ(quote_at(run(g, "de"), g, "Planeten"), "indirect | Forscher | die Forscher | gingen");
  const std::string z = "Den Flüchtlingen sicherte der Präsident am Montag zu, dass sie bleiben dürften.";
  EXPECT_EQ(quote_at(run(z, "de"), z, "bleiben"), "indirect | Präsident | der Präsident | sicherte");
  // Words of the cue in another order are none: "davon" after "aus".
  const std::string n = "Bislang gingen die Forscher aus dem Labor davon, dass sie schnell fertig seien.";
  EXPECT_EQ(quote_at(run(n, "de"), n, "fertig").find("gingen"), std::string::npos);
}

TEST(QuotesEngine, AReportNounsOwnerIsItsGenitiveNotTheClauseAfterIt) {
  const std::string t = "Die Tasche, die nach dessen Angaben die Bombe enthalten sollte, war leer.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "Bombe"), "indirect |  | Angaben | nach");
}

TEST(QuotesEngine, TheAddresseeAfterGegenueberIsNoSubject) {
  const std::string t =
      "Manfred Berg, der Dekan der Fakultät, hatte gegenüber der Tageszeitung „Die Welt“ mitgeteilt, dass "
      "die Hochschule den Fall prüfe.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "Hochschule"), "indirect | Manfred Berg | Manfred Berg | mitgeteilt");
}

TEST(QuotesEngine, ASubordinatorOpeningTheSentenceIsNoSubject) {
  const std::string t =
      "Die Polizei teilte mit, der Mann sei gefasst. Nachdem er die Frauen verfolgt hatte, habe er versucht, "
      "sie festzuhalten.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "festzuhalten"), "indirect | Polizei | Die Polizei | ");
}

TEST(QuotesEngine, AnInvertedSubjectInQuotationMarksSpeaks) {
  const std::string t =
      "Die Republik habe kapituliert, wir nicht, zitiert „BBC News“ aus ihrer Stellungnahme.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "kapituliert"), "indirect | „BBC News“ | „BBC News“ | zitiert");
}

// A word German writes in lower case has its capital only for opening the sentence
// (data: de.lowercase): alone it is no subject, the one after the verb is.
TEST(QuotesEngine, AWordCapitalisedOnlyToOpenTheSentenceIsNoSubject) {
  const std::string zwar = "Zwar beteuert sein Arzt, der Präsident könne weiterregieren.";
  EXPECT_EQ(quote_at(run(zwar, "de"), zwar, "weiterregieren"), "indirect | Arzt | sein Arzt | beteuert");
  const std::string dort = "Dort erklärte die Sprecherin, das sei nicht vorgesehen.";
  EXPECT_EQ(quote_at(run(dort, "de"), dort, "vorgesehen"),
            "indirect | Sprecherin | die Sprecherin | erklärte");
  const std::string sollte = "Sollte die Krise andauern, seien vier Millionen Stellen gefährdet.";
  EXPECT_EQ(quote_at(run(sollte, "de"), sollte, "gefährdet"),
            "indirect |  |  | ");  // no speaker, not "Sollte"
  // Inside the sentence the capital is a name's: "betonte Weil" (the word is "weil" in lower case).
  const std::string weil = "Das sei nicht sinnvoll, betonte Weil.";
  EXPECT_EQ(quote_at(run(weil, "de"), weil, "sinnvoll"), "indirect | Weil | Weil | betonte");
  // A name the entities step found is one at the sentence's start too: "Lange" of Mika Lange.
  const std::string lange = "Mika Lange leitet das Werk. Lange schätzt, dass die Hälfte abgebaut werde.";
  const auto b = static_cast<std::uint32_t>(lange.find("Lange schätzt"));
  const std::vector<Mention> mentions{{0, 10, "PER", 0, "Mika Lange"}, {b, b + 5, "PER", 0, "Mika Lange"}};
  EXPECT_EQ(quote_at(run(lange, "de", mentions), lange, "Hälfte"), "indirect | Mika Lange | Lange | schätzt");
  // A noun keeps its capital anywhere: "Experten" opening the sentence are its subject.
  const std::string experts = "Experten warnen, die Zahlen seien zu hoch.";
  EXPECT_EQ(quote_at(run(experts, "de"), experts, "Zahlen"), "indirect | Experten | Experten | warnen");
}

TEST(QuotesEngine, ANumberBeforeTheNounBelongsToTheSubject) {
  const std::string t = "22 Prozent teilen die Meinung, die Ordnung sei nicht verteidigenswert.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "Ordnung"), "indirect | 22 Prozent | 22 Prozent | teilen");
}

// A report noun alone names where something is said, not who says it: the
// speaker is whose report it is; the span stays the report noun (as SpkAtt marks it).
TEST(QuotesEngine, AReportNounAloneSpeaksForWhomItBelongsTo) {
  // As the chain runs: the entities step has found the people.
  const auto palmer = [](const std::string& t) {
    const auto b = static_cast<std::uint32_t>(t.find("Boris Palmer"));
    return std::vector<Mention>{{b, b + 12, "PER", 0, "Boris Palmer"}};
  };
  const std::string own = "Boris Palmer hat nach eigenen Angaben Morddrohungen bekommen.";
  EXPECT_EQ(quote_at(run(own, "de", palmer(own)), own, "Morddrohungen"),
            "indirect | Boris Palmer | Angaben | nach");
  const std::string inverted = "Nach eigenen Angaben erhielt Boris Palmer Morddrohungen.";
  EXPECT_EQ(quote_at(run(inverted, "de", palmer(inverted)), inverted, "Morddrohungen"),
            "indirect | Boris Palmer | Angaben | Nach");
  const std::string his =
      "Polizeisprecher Max Meier sagte, die Lage sei ruhig. Nach seinen Angaben gab es zwei Festnahmen.";
  EXPECT_EQ(quote_at(run(his, "de"), his, "Festnahmen"), "indirect | Max Meier | Angaben | Nach");
  const std::string earlier =
      "Laut Robert Koch-Institut gibt es 500 neue Fälle. Den Angaben zufolge starben zehn Menschen.";
  EXPECT_EQ(quote_at(run(earlier, "de"), earlier, "starben"),
            "indirect | Robert Koch-Institut | Den Angaben | zufolge");
  // Nobody whose it could be: the mention stays the report noun, the speaker is unknown
  // ("Hier" opens a sentence, it speaks not); a report with an article is named by it.
  const std::string official = "Nach offiziellen Angaben starben zehn Menschen.";
  EXPECT_EQ(quote_at(run(official, "de"), official, "starben"), "indirect |  | Angaben | Nach");
  const std::string here = "Hier gab es nach eigenen Angaben keine Probleme.";
  EXPECT_EQ(quote_at(run(here, "de"), here, "Probleme"), "indirect |  | Angaben | nach");
  const std::string police = "Polizeiangaben zufolge starben zehn Menschen.";
  EXPECT_EQ(quote_at(run(police, "de"), police, "starben"),
            "indirect | Polizeiangaben | Polizeiangaben | zufolge");
}

// An indefinite article introduces someone new: the role noun after it is not
// the person named before ("Horst Seehofer ... Ein Sprecher sagte").
TEST(QuotesEngine, ARoleNounAfterAnIndefiniteArticleIsSomeoneNew) {
  const std::string de =
      "Innenminister Horst Seehofer war in Berlin. Ein Sprecher sagte, die Lage sei ruhig.";
  const auto b = static_cast<std::uint32_t>(de.find("Horst"));
  EXPECT_EQ(quote_at(run(de, "de", {{b, b + 14, "PER", 0, "Horst Seehofer"}}), de, "ruhig"),
            "indirect | Sprecher | Ein Sprecher | sagte");
  const std::string definite =
      "Innenminister Horst Seehofer war in Berlin. Der Innenminister sagte, die Lage sei ruhig.";
  EXPECT_EQ(quote_at(run(definite, "de", {{b, b + 14, "PER", 0, "Horst Seehofer"}}), definite, "ruhig"),
            "indirect | Horst Seehofer | Der Innenminister | sagte");
  const std::string en = "Secretary Jane Roe visited London. A spokeswoman said the plan was ready.";
  const auto e = static_cast<std::uint32_t>(en.find("Jane"));
  EXPECT_EQ(quote_at(run(en, "en", {{e, e + 8, "PER", 0, "Jane Roe"}}), en, "ready"),
            "indirect | spokeswoman | A spokeswoman | said");
}

TEST(QuotesEngine, HeisstReportsOnlyWithTheImpersonalSubject) {
  // "Das heißt, ..." is "that means": no cue, and "Das" is no speaker.
  const std::string t = "Der Minister sprach von einer Wende. Das heißt, dass die Zahlen wieder sinken.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "Zahlen"), "(none)");
  const std::string e = "Der Minister sprach von einer Wende. Es heißt, dass die Zahlen wieder sinken.";
  EXPECT_EQ(quote_at(run(e, "de"), e, "Zahlen"), "indirect |  |  | heißt");
  const std::string h = "In dem Bericht heißt es, dass die Zahlen wieder sinken.";
  EXPECT_EQ(quote_at(run(h, "de"), h, "Zahlen"), "indirect | Bericht | dem Bericht | heißt es");
}

TEST(QuotesEngine, ADemonstrativeObjectBeforeAnImpersonalSubjectIsNoSpeaker) {
  const std::string t = "Der Minister sprach von einer Wende. Das sieht man daran, dass die Zahlen sinken.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "Zahlen"), "indirect |  |  | sieht");
}

TEST(QuotesEngine, AnAdverbOrAWWordOpeningTheSentenceIsNoSubject) {
  // German puts an adverb before the verb and the subject after it: "Da sagte die Mutter".
  const std::string t = "Da sagte die Mutter, sie komme später. Erst sagte der Minister, er wisse nichts.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "komme"), "indirect | Mutter | die Mutter | sagte");
  EXPECT_EQ(quote_at(run(t, "de"), t, "wisse"), "indirect | Minister | der Minister | sagte");
  // "Wer sagt, dass ..." is anyone who says it.
  const std::string w = "Wer sagt, dass die Schulen schließen müssen, irrt.";
  EXPECT_EQ(quote_at(run(w, "de"), w, "Schulen"), "indirect |  |  | sagt");
  const std::string v = "Was sagt, dass die Schulen schließen müssen?";
  EXPECT_EQ(quote_at(run(v, "de"), v, "Schulen"), "indirect |  |  | sagt");
}

TEST(QuotesEngine, IfOpeningASentenceIsNoSpeaker) {
  // BBC News: "If confirmed, that would be ..." made "If" the subject of "confirmed".
  const std::string t =
      "Growth was 0.7%, the agency said. If confirmed, that would be the best quarter since 2002.";
  EXPECT_EQ(quote_at(run(t, "en"), t, "best quarter"), "(none)");
}

TEST(QuotesEngine, ACueInAConditionalClauseMakesNoStatement) {
  // A conditional clause says what would follow from a statement; it reports none.
  const std::string t = "The deal will go ahead unless the board says that the price is too low.";
  EXPECT_EQ(quote_at(run(t, "en"), t, "price"), "(none)");
  const std::string w = "Wenn der Minister sagt, dass die Steuern sinken, irrt er.";
  EXPECT_EQ(quote_at(run(w, "de"), w, "Steuern"), "(none)");
  const std::string f = "Falls die Regierung ankündigt, dass die Steuern sinken, wäre das eine Wende.";
  EXPECT_EQ(quote_at(run(f, "de"), f, "Steuern"), "(none)");
  // Outside the conditional clause the cue reports as before.
  const std::string m = "Der Minister sagte, dass die Steuern sinken, wenn die Wirtschaft wächst.";
  EXPECT_EQ(quote_at(run(m, "de"), m, "Steuern"), "indirect | Minister | Der Minister | sagte");
}

TEST(QuotesEngine, AKonjunktivInASubordinateClauseGivesTheSentenceItsSubjectsView) {
  // "weil ... seien": the subject of the main clause holds the view.
  const std::string t =
      "Vertreter der Organisationen erwarten keine Entscheidung, weil die Staaten uneins seien.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "uneins"),
            "indirect | Vertreter der Organisationen | Vertreter der Organisationen | ");
  // A clause joined by "und" is a main clause of its own: its Konjunktiv continues the speaker.
  const std::string u =
      "„Es ist allein dieser private Grund“, teilte der Minister mit. Seine Frau ist mehrfach operiert "
      "worden, und er wolle sie nun begleiten.";
  EXPECT_EQ(quote_at(run(u, "de"), u, "begleiten"), "indirect | Minister | der Minister | ");
}

TEST(QuotesEngine, AFragmentInASentenceWithoutACueCarriesTheLatestSpeaker) {
  // "so genannte" makes the sentence one of speech, but no cue names its subject as a speaker:
  // the quoted word goes on with the report quoted just before, not "Ein Drittel der Gewaltdelikte".
  const std::string t =
      "Der Bericht führt aus, rund 37 Prozent der Gewalt weise einen „extremistischen“ Hintergrund auf. "
      "Ein Drittel der Gewaltdelikte richte sich gegen so genannte („mutmaßliche“) Linksextremisten.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "mutmaßliche"), "partial | Bericht | Der Bericht | ");
}

TEST(QuotesEngine, AnAdverbKnownByItsEndingStandsBetweenTheSubjectAndTheCue) {
  // German "-weise" as English "-ly": "fälschlicherweise" is no subject and ends none.
  const std::string t = "Die Soldaten waren fälschlicherweise davon ausgegangen, die Männer seien bewaffnet.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "bewaffnet"), "indirect | Soldaten | Die Soldaten | davon ausgegangen");
  const std::string r = "Am Abend sagte bezeichnenderweise der Minister, er wisse von nichts.";
  EXPECT_EQ(quote_at(run(r, "de"), r, "nichts"), "indirect | Minister | der Minister | sagte");
}

TEST(QuotesEngine, AFocusParticleBeforeTheSubjectAfterTheCue) {
  // "erklärten nur die Gefängnisse": the subject after the particle, not nobody.
  const std::string t = "Von den Einrichtungen erklärten nur die Gefängnisse, nicht teilnehmen zu wollen.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "teilnehmen"), "indirect | Gefängnisse | die Gefängnisse | erklärten");
}

TEST(QuotesEngine, AReportInAnAgentlessPassiveIsItsSource) {
  // "wird im Bericht als problematisch bezeichnet": the report says it, not the passive's subject,
  // and the Konjunktiv sentence after it goes on quoting the report.
  const std::string t =
      "Der Zugang zum Osten des Landes wird im Bericht als problematisch bezeichnet. Daher gebe es dort "
      "Lücken.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "Lücken"), "indirect | Bericht | Bericht | ");
}

TEST(QuotesEngine, APassiveAuxiliaryAfterTheParticipleMakesItsAgentTheSpeaker) {
  // "war den USA vorgeworfen worden": the agent speaks, not the dative object.
  const std::string t =
      "Von Seiten der deutschen Delegation war den USA vorgeworfen worden, das Dokument verwässert zu haben.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "verwässert"),
            "indirect | Seiten der deutschen Delegation | Seiten der deutschen Delegation | vorgeworfen");
}

TEST(QuotesEngine, APronounRightAfterTheVerbIsItsSubject) {
  // German fronts the object: "Die Pläne ... kritisierte er", the subject is the pronoun after the verb.
  const std::string t = "Die Pläne der Regierung kritisierte er scharf, sie seien zu teuer.";
  // Nobody named before: the mention is the pronoun, whom it means is unknown (no name).
  EXPECT_EQ(quote_at(run(t, "de"), t, "teuer"), "indirect |  | er | kritisierte");
}

TEST(QuotesEngine, AfterAFrontedPhraseTheVerbEndsItAndTheSubjectFollows) {
  // "halten" is the verb (a determiner follows it), not an adjective of the fronted phrase: the
  // subject after it holds the view of the Konjunktiv clause.
  const std::string t =
      "Der General sprach in Bagdad. Unter den gegenwärtigen Bedingungen halten die Befehlshaber einen "
      "Abzug für unwahrscheinlich, da die Armee nicht bereit sei.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "unwahrscheinlich"), "indirect | Befehlshaber | die Befehlshaber | ");
  // A Konjunktiv verb before that subject is the main verb: the sentence is what is reported.
  const std::string k =
      "Der Bericht nennt Beispiele. In vielen Fällen habe die Polizei nicht reagiert, auch wenn es Zeugen "
      "gegeben habe.";
  EXPECT_EQ(quote_at(run(k, "de"), k, "reagiert"), "indirect | Bericht | Der Bericht | ");
}

TEST(QuotesEngine, AWebAddressBeforeTheCueNamesItsSite) {
  // The segmenter makes "t-online.de" one `url` token: it is the subject, in lower case too.
  const std::string t = "Wie t-online.de berichtet, ist der erste Trailer im Internet veröffentlicht worden.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "Trailer"), "indirect | t-online.de | t-online.de | berichtet");
  // After the cue as well.
  const std::string a = "Der Trailer ist veröffentlicht worden, berichtet spiegel.de.";
  EXPECT_EQ(quote_at(run(a, "de"), a, "Trailer"), "indirect | spiegel.de | spiegel.de | berichtet");
}

TEST(QuotesEngine, ASubjectAfterTheAuxiliaryBeforeAnApposition) {
  // The apposition's commas cut the cue's clause off its subject, which follows "hat".
  const std::string t =
      "So hat sich etwa die Vorsitzende des Verbands, Karin Broszat, gegen die Konkurrenz ausgesprochen "
      "und behauptet, die Schulen seien schlecht.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "Schulen"),
            "indirect | Vorsitzende des Verbands | die Vorsitzende des Verbands | behauptet");
}

TEST(QuotesEngine, ACapitalisedWordInsideASentenceIsNoKonjunktiv) {
  // "Reiche", "Stimme" are nouns, not the Konjunktiv forms "reiche", "stimme": no reported speech.
  const std::string t =
      "Die Partei fordert seit Jahren höhere Steuersätze für Reiche. Die Stimme des Volkes zählt.";
  EXPECT_TRUE(run(t, "de").quotes.empty());
  // Opening a sentence the form is still a verb: "Habe er ..." continues the speaker.
  const std::string k = "Der Minister sagte, er komme später. Habe er doch keine Zeit.";
  EXPECT_EQ(quote_at(run(k, "de"), k, "keine Zeit"), "indirect | Minister | Der Minister | ");
}

// In a clause that ends with its cue, the pronoun after the word opening it is the subject,
// not the object right before the verb.
TEST(QuotesEngine, InAVerbFinalClauseThePronounAfterItsOpeningWordSpeaks) {
  const std::string t =
      "Der Sprecher Juan Williams kommentierte dies inzwischen, indem er seinem Ex-Arbeitgeber vorwarf, "
      "ihn schon länger loswerden zu wollen.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "loswerden"), "indirect | Juan Williams | er | vorwarf");
  const std::string r =
      "Der Minister Hans Groer hielt eine Rede, in der er diese Orientierung als Krankheit bezeichnet "
      "hatte, die behandelt werden müsse.";
  EXPECT_EQ(quote_at(run(r, "de"), r, "behandelt"), "indirect | Hans Groer | er | bezeichnet");
}

// Names joined by "und" that open the clause are one subject, not an object before the verb.
TEST(QuotesEngine, CoordinatedNamesOpeningTheClauseAreItsSubject) {
  const std::string t =
      "Die Politiker Peter Danckert und Max Straubinger begründen ihre Vorbehalte damit, dass ihre "
      "Berufstätigkeit erschwert werde.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "erschwert"),
            "indirect | Politiker Peter Danckert und Max Straubinger | Die Politiker Peter Danckert und Max "
            "Straubinger | begründen");
}

// A genitive after a noun opens with any determiner of `genitive` in de.speakers, not only "der"
// and "des": the phrase is one subject.
TEST(QuotesEngine, AGenitiveWithAnyOfItsDeterminersBelongsToTheSubject) {
  const std::string t = "Ein Sprecher einer Hilfsorganisation sagte, die Lage sei dramatisch.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "dramatisch"),
            "indirect | Sprecher einer Hilfsorganisation | Ein Sprecher einer Hilfsorganisation | sagte");
  const std::string f =
      "Für die Ausarbeitung einer neuen Verfassung gab General Sonthi einen Zeitraum von einem halben Jahr "
      "an. Ein weiterer Monat werde gebraucht, um den Entwurf zu prüfen.";
  // The general is the source the next sentence goes on quoting, not the fronted phrase's genitive.
  EXPECT_EQ(quote_at(run(f, "de"), f, "Monat"), "indirect | General Sonthi | General Sonthi | ");
}

// A separable cue's particle may close a long middle field.
TEST(QuotesEngine, ASeparableCueFindsItsParticleAfterALongMiddleField) {
  const std::string t =
      "Den Flüchtlingen sicherte Präsident Gusmão kurz vor dem offiziellen Ablauf der dortigen UN-Mission "
      "zu, "
      "dass sie jederzeit zurückkehren dürften.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "zurückkehren"), "indirect | Gusmão | Präsident Gusmão | sicherte");
}

// A cue of quoting (`quoting` in de.cues): the one quoted speaks, not the medium that quotes.
TEST(QuotesEngine, TheOneQuotedSpeaksNotTheMediumQuotingHim) {
  const std::string t =
      "„Das wird das größte Update aller Zeiten“, zitiert die „Computerwoche“ Lynch in einem Bericht.";
  EXPECT_EQ(quote_at(run(t, "de"), t, "Update"), "direct | Lynch | Lynch | zitiert");
  const std::string p =
      "Sergei Voznyak, Pressesprecher des Wahlkampfteams, wird von der Nachrichtenagentur Reuters mit den "
      "Worten zitiert, er habe mit Milinkewitsch gesprochen.";
  EXPECT_EQ(quote_at(run(p, "de"), p, "gesprochen"), "indirect | Sergei Voznyak | Sergei Voznyak | zitiert");
}

TEST(QuotesEngine, TheSubjectOfAnAgentlessPassiveIsNoSpeaker) {
  // "sei die Haltung des Präsidenten kritisiert worden": what was criticised does not speak; the
  // clause stays the portal's statement, and so does the Konjunktiv sentence after it.
  const std::string t =
      "Das Portal EurActiv will erfahren haben, dass sich die Niederlande gegen eine Einigung gestellt "
      "hätten, allerdings sei auch die Haltung des Präsidenten kritisiert worden. Ferner hätten sich die "
      "Minister für nicht zuständig erklärt.";
  const auto r = run(t, "de");
  EXPECT_EQ(quote_at(r, t, "Haltung"), "indirect | Portal EurActiv | Das Portal EurActiv | ");
  EXPECT_EQ(quote_at(r, t, "zuständig"), "indirect | Portal EurActiv | Das Portal EurActiv | ");
  // With an infinitive the auxiliary makes a future, whose subject speaks.
  const std::string future = "Später wird die Zeitung schreiben, die Sängerin habe niemanden angesteckt.";
  EXPECT_EQ(quote_at(run(future, "de"), future, "angesteckt"),
            "indirect | Zeitung | die Zeitung | schreiben");
}

TEST(QuotesEngine, TheOneAskedOrToldInAnEnglishPassiveIsNoSpeaker) {
  // "Blair was asked whether ...": someone else asked; "by X" names who.
  const std::string asked = "Tony Blair was asked whether he would resign.";
  EXPECT_EQ(quote_at(run(asked, "en"), asked, "resign"), "indirect |  |  | asked");
  const std::string told = "Howard was also told that the party would lose.";
  EXPECT_EQ(quote_at(run(told, "en"), told, "lose"), "indirect |  |  | told");
  const std::string by = "It was announced on Monday by Labour that the talks had failed.";
  EXPECT_EQ(quote_at(run(by, "en"), by, "failed"), "indirect | Labour | Labour | announced");
  // A clause of its own after the passive is still a statement, with no speaker; an object is none.
  const std::string clause = "Staff were told the plan had failed.";
  EXPECT_EQ(quote_at(run(clause, "en"), clause, "failed"), "indirect |  |  | told");
  EXPECT_TRUE(run("England were denied two tries in the loss.", "en").quotes.empty());
}
