#include "document.hpp"

#include <tagwerk/text/char_class.hpp>

namespace tagwerk::quotes {
namespace {

// An infinitive rather than a participle: ends in -en, -ern or -eln without the "ge" of a
// participle ("schreiben", "äußern"; not "angegeben", "vorgeworfen", "gefragt").
bool infinitive_form(std::string_view w) {
  return w.size() > 3 && (w.ends_with("en") || w.ends_with("ern") || w.ends_with("eln")) &&
         w.find("ge") == std::string_view::npos;
}

TokKind kind_of(std::string_view kind) {
  if (kind == "word") return TokKind::Word;
  if (kind == "num") return TokKind::Num;
  if (kind == "punct") return TokKind::Punct;
  if (kind == "mention") return TokKind::Mention;
  if (kind == "url") return TokKind::Url;
  return TokKind::Other;
}

// German adjectives before a noun end in -e, -en, -er, -es, -em ("russische").
bool inflected(std::string_view w) {
  if (w.size() < 3) return false;
  const char a = w[w.size() - 1], b = w[w.size() - 2];
  return a == 'e' || (b == 'e' && (a == 'n' || a == 'r' || a == 's' || a == 'm'));
}

// An English contraction's first word: "it's", "there’s", "they're" without the
// clitic; any other word unchanged. The lower-case form is looked up.
std::string_view without_clitic(std::string_view w) {
  for (std::string_view clitic :
       {"'s", "'re", "'ll", "'ve", "'d", "\u2019s", "\u2019re", "\u2019ll", "\u2019ve", "\u2019d"})
    if (w.size() > clitic.size() && w.substr(w.size() - clitic.size()) == clitic)
      return w.substr(0, w.size() - clitic.size());
  return w;
}

}  // namespace

bool Doc::clause_break(int i) const {
  const Tok& t = toks[i];
  if (t.kind != TokKind::Punct) return false;
  if (t.end - t.begin > 1) return true;  // dashes, typographic quotation marks
  const char c = t.first;
  return c == ',' || c == ';' || c == ':' || c == '-' || c == '"' || c == '\'';
}

void Doc::build(const Input& in, const std::vector<Lexicon>& lists, const std::vector<std::string>& langs) {
  text = in.text;
  lexicons = &lists;
  toks.clear();
  lower.clear();
  sentences.clear();
  paragraphs.clear();
  auto lang_index = [&](std::string_view lang) -> std::uint8_t {
    if (lang.empty()) lang = in.lang;
    for (std::size_t k = 0; k < langs.size(); ++k)
      if (langs[k] == lang) return static_cast<std::uint8_t>(k);
    return 0;
  };
  const text::Utf8Cursor cur(text, static_cast<std::int32_t>(text.size()));
  std::size_t s = 0, p = 0;
  std::uint8_t lang = lang_index({});
  for (const TokenSpan& t : in.tokens) {
    if (t.end > text.size() || t.begin >= t.end) continue;
    Tok k;
    k.begin = t.begin;
    k.end = t.end;
    k.kind = kind_of(t.kind);
    k.first = text[t.begin];
    while (s < in.sentences.size() && in.sentences[s].end <= t.begin) ++s;
    while (p < in.paragraphs.size() && in.paragraphs[p].end <= t.begin) ++p;
    if (s < in.sentences.size() && in.sentences[s].begin <= t.begin) lang = lang_index(in.sentences[s].lang);
    k.sentence = static_cast<int>(s);
    k.paragraph = static_cast<int>(p);
    k.lang = lang;
    if (k.kind == TokKind::Word || k.kind == TokKind::Mention) {
      k.lower_begin = static_cast<std::uint32_t>(lower.size());
      std::int32_t i = static_cast<std::int32_t>(t.begin), next = 0;
      const text::CodePoint first = cur.at(i, &next);
      k.cap = text::is_upper_or_title(first);
      while (i < static_cast<std::int32_t>(t.end)) {
        const text::CodePoint c = cur.at(i, &next);
        text::append_utf8(lower, text::to_lower(c));
        i = next;
      }
      k.lower_len = static_cast<std::uint32_t>(lower.size() - k.lower_begin);
    }
    if (!toks.empty()) {
      for (std::uint32_t b = toks.back().end; b < t.begin; ++b)
        if (text[b] == '\n' || text[b] == '\r') toks.back().line_break_after = true;
    }
    toks.push_back(k);
  }
  for (std::size_t i = 0; i < toks.size(); ++i)
    if (toks[i].lower_len) {
      // One lookup per word: its entry, and whether it is a role or report noun (also as
      // the end of a compound), which the speaker finder asks again and again.
      const Lexicon& lex = lists[toks[i].lang];
      const std::string_view w = low(static_cast<int>(i));
      toks[i].info = lex.find(w);
      if (!toks[i].info) toks[i].info = lex.find(without_clitic(w));  // "it's", "there's": as "it", "there"
      toks[i].flags = toks[i].info ? toks[i].info->flags : 0;
      if (w.size() >= 3 && lex.is_role(w)) toks[i].flags |= kRole;
      if (w.size() >= 3 && lex.is_report(w)) toks[i].flags |= kReport;
      // A German genitive in -s or -es is the noun's: "des Berichts", "des Schreibens".
      if (w.size() >= 5 && w.back() == 's' && lex.verb_second() &&
          (lex.is_report(w.substr(0, w.size() - 1)) ||
           (w[w.size() - 2] == 'e' && lex.is_report(w.substr(0, w.size() - 2)))))
        toks[i].flags |= kReport;
    }
  // Tokens inside entity mentions (both sorted by offset).
  std::size_t m = 0;
  for (Tok& k : toks) {
    while (m < in.entities.size() && in.entities[m].end <= k.begin) ++m;
    k.named = m < in.entities.size() && in.entities[m].begin < k.end;
  }
  // Token ranges of sentences and paragraphs (renumbered densely: ranges without tokens vanish).
  auto ranges = [&](auto field, std::vector<std::pair<int, int>>& out) {
    for (int i = 0; i < static_cast<int>(toks.size()); ++i) {
      if (i == 0 || toks[i].*field != toks[i - 1].*field) out.push_back({i, i});
      out.back().second = i + 1;
    }
    for (int r = 0; r < static_cast<int>(out.size()); ++r)
      for (int i = out[r].first; i < out[r].second; ++i) toks[i].*field = r;
  };
  ranges(&Tok::sentence, sentences);
  ranges(&Tok::paragraph, paragraphs);
  // A capitalised German word after another word is a noun, no verb: "die Steuersätze für
  // Reiche", "die Stimme", not the Konjunktiv forms "reiche", "stimme".
  for (std::size_t i = 1; i < toks.size(); ++i)
    if (toks[i].cap && (toks[i].flags & (kKonj1 | kKonj2)) && lists[toks[i].lang].verb_second() &&
        toks[i - 1].sentence == toks[i].sentence &&
        (toks[i - 1].kind == TokKind::Word || toks[i - 1].kind == TokKind::Num))
      toks[i].flags &= ~(kKonj1 | kKonj2);
}

bool Doc::genitive_after(int det, int limit) const {
  return has(det, kGenitive) && det - 1 >= limit && word(det - 1) && toks[det - 1].cap &&
         !has(det - 1, kDet | kPrep | kPronoun | kCueVerb);
}

bool Doc::adverb(int i) const {
  // English "-ly" ("Clinton boldly suggested"), German "-weise" ("waren fälschlicherweise davon
  // ausgegangen", "sagte bezeichnenderweise"): adverbs by their ending, in no list.
  const std::string_view w = low(i);
  if (toks[i].cap) return false;
  if (lex(i).verb_second()) return w.size() > 8 && w.substr(w.size() - 5) == "weise";
  return w.size() > 4 && w.substr(w.size() - 2) == "ly";
}

bool Doc::pronominal_adverb(int i) const {
  if (!lex(i).verb_second()) return false;
  const std::string_view w = low(i);
  for (const std::string_view head : {"dar", "da", "hier"})
    if (w.size() > head.size() + 1 && w.substr(0, head.size()) == head &&
        (lex(i).flags(w.substr(head.size())) & kPrep))
      return true;
  return false;
}

bool Doc::sentence_capital(int i) const {
  if (!toks[i].cap || toks[i].named || !toks[i].info || !toks[i].info->lowercase ||
      has(i, kDet | kPronoun | kRole | kReport))
    return false;
  for (int k = sentences[toks[i].sentence].first; k < i; ++k)
    if (toks[k].kind != TokKind::Punct) return false;  // only punctuation before it: „Zwar ...
  return true;
}

bool Doc::modifier(int i, int limit) const {
  // English noun phrases put lower-case nouns before their head: "White House press secretary".
  return !lex(i).verb_second() && word(i) && !toks[i].cap &&
         !has(i, kCueVerb | kPrep | kConj | kComp | kAux) && i + 1 < limit && word(i + 1) &&
         (toks[i + 1].cap || has(i + 1, kRole));
}

bool Doc::np_only(int b, int e) const {
  if (b >= e) return false;
  for (int i = b; i < e; ++i) {
    if (toks[i].kind == TokKind::Punct) {
      if (punct(i, ',') || punct(i, ':') || sentence_final(i)) return false;
      continue;
    }
    if (!word(i)) return false;
    if (!toks[i].cap && !has(i, kDet | kPrep | kConj | kInfix) && !inflected(low(i))) return false;
  }
  return true;
}

Candidate Doc::after_adjectives(int b, int limit) const {
  int p = b;
  while (p < limit && word(p) && !toks[p].cap && inflected(low(p))) ++p;
  int e = p;
  while (e < limit && word(e) && toks[e].cap) ++e;
  return e > p ? Candidate{b, e, only_roles(b, e) ? Candidate::Role : Candidate::Name} : Candidate{};
}

bool Doc::only_roles(int b, int e) const {
  bool any = false;
  for (int i = b; i < e; ++i) {
    if (!word(i) || has(i, kDet)) continue;
    const bool role = has(i, kRole);
    if (toks[i].cap && !role) return false;
    any = any || role;
  }
  return any;
}

int Doc::clause_start(int i, int limit) const {
  for (;;) {
    // A line break ends a clause too: SpkAtt's lines are sentences the segmenter may join
    // when one lacks its final punctuation ("... des Verwaltungsverfahrensgesetzes\nDie Universität hatte").
    while (i > limit && !clause_break(i - 1) && !has(i - 1, kComp) && !toks[i - 1].line_break_after) --i;
    // A short quotation inside the clause ("Die Wochenzeitschrift „Jungle World“ hatte")
    // is no clause boundary: step over it.
    if (i - 2 <= limit || toks[i - 1].kind != TokKind::Punct || !toks[i - 2].quoted) return i;
    int o = i - 2;
    while (o > limit && toks[o].quoted) --o;
    if (i - 1 - o > 6 || o <= limit || toks[o].quoted || !word(o - 1)) return i;
    i = o;
  }
}

Candidate Doc::left_np(int end, int limit) const {
  int p = end - 1;
  Candidate of;  // the phrase after the "von" stepped over last ("Zitat von Schröder")
  for (int skips = 0; skips < 3 && p >= limit; ++skips) {
    // Particles and adverbs between the subject and the cue ("Graham etwa sagte",
    // "Mook further asserted", "Clinton boldly suggested").
    int particles = 0;
    while (p >= limit && word(p) && (!toks[p].cap || has(p, kParticle)) && particles < 2 &&
           (has(p, kParticle) || adverb(p)))
      --p, ++particles;
    // A parenthesis after the name: "Renate Künast ( Grüne )".
    if (p > limit && punct(p, ')')) {
      int o = p - 1;
      while (o > limit && o > p - 8 && !punct(o, '(')) --o;
      if (punct(o, '(')) p = o - 1;
    }
    // An auxiliary before a participle at the clause's end: "X hat ... gefordert".
    if (p > limit && word(p) && has(p, kAux)) --p;
    // An apposition: "Der Vertreter der Arbeitgeber, Peter Clever, hat gefordert".
    if (p > limit && punct(p, ',')) {
      const int prev = clause_start(p, limit);
      const Candidate np = left_np(p, prev);
      return np && np.b == prev ? np : Candidate{};
    }
    // "Die Wochenzeitschrift „Jungle World“ hatte kritisiert": a quoted name ends the subject.
    if (p > limit && toks[p].kind == TokKind::Punct && toks[p - 1].quoted)
      return quoted_name_before(p + 1, limit);
    // "Wie t-online.de berichtet": a web address names its site.
    if (p >= limit && toks[p].kind == TokKind::Url) return {p, p + 1, Candidate::Name};
    if (p < limit || !(word(p) || toks[p].kind == TokKind::Mention)) return {};
    if (has(p, kImpersonal)) return {};
    if (has(p, kPronoun)) return {p, p + 1, Candidate::Pronoun};
    if (!toks[p].cap && !has(p, kRole)) {
      // Common nouns after a determiner: "the fund warned", "one questioner claimed"; in
      // German only a lower-case name right after it ("Die taz vermutet").
      if (has(p, kDet | kPrep | kConj | kComp | kAux | kCueVerb)) return {};
      if (lex(p).verb_second() && (inflected(low(p)) || p - 1 < limit || !word(p - 1) || !has(p - 1, kDet)))
        return {};
      int d0 = p - 1;
      while (d0 >= limit && d0 > p - 3 && word(d0) && !toks[d0].cap &&
             !has(d0, kDet | kPrep | kConj | kComp | kAux))
        --d0;
      if (d0 >= limit && word(d0) && has(d0, kDet) && (d0 == limit || !has(d0 - 1, kPrep)))
        return {d0, p + 1, Candidate::Role};
      return {};
    }
    int b = p;
    while (b - 1 >= limit && word(b - 1)) {
      const int q = b - 1;
      if (has(q, kDet)) {
        b = q;
        if (genitive_after(q, limit)) continue;  // "Ein Sprecher der Polizei"
        break;
      }
      // A particle inside a name: "Heike van Laak", "Karl-Theodor zu Guttenberg".
      if (has(q, kInfix) && q - 1 >= limit && word(q - 1) && toks[q - 1].cap) {
        b = q;
        continue;
      }
      // Names joined by "und" that open the clause: "Die Politiker Peter Danckert und Max Straubinger
      // begründen ...". Only when the phrase before reaches the clause's start (past "Und", "Auch"),
      // so an object before a second subject stays apart.
      if (has(q, kConj) && low(q).size() <= 3 && !toks[q].cap && q - 1 > limit && word(q - 1) &&
          toks[q - 1].cap)
        if (const Candidate first = left_np(q, limit);
            first && first.e == q && opens_clause(limit, first.b)) {
          b = first.b;
          break;
        }
      if (has(q, kPrep) || has(q, kPronoun) || has(q, kComp) || has(q, kConj) || has(q, kCueVerb)) break;
      if (toks[q].cap) {
        b = q;
        continue;
      }
      // Adjectives count only when a determiner opens the phrase before them.
      int a = q;
      while (a >= limit && word(a) && !toks[a].cap && !has(a, kDet) && inflected(low(a)) && !has(a, kPrep))
        --a;
      if (a >= limit && a < q && word(a) && has(a, kDet)) {
        b = a;
        if (genitive_after(a, limit)) continue;  // "Experten der polnischen Marine"
      }
      // "Nina Hagen zur neuen Heimat": a prepositional phrase with an adjective; the subject is before it.
      if (a >= limit && a < q && word(a) && has(a, kPrep) && !has(a, kDet)) {
        b = a + 1;
        break;
      }
      break;
    }
    // A number before the noun belongs to the phrase: "22 Prozent teilen die Meinung".
    if (b - 1 >= limit && b == p && toks[b - 1].kind == TokKind::Num) --b;
    // A sentence-initial adverb or conjunction is no subject ("Dann sagte er").
    if (b == p && b == limit &&
        (has(b, kParticle) || has(b, kConj) || has(b, kComp) || has(b, kPrep) || pronominal_adverb(b) ||
         sentence_capital(b)))
      return {};
    if (b - 1 >= limit && word(b - 1) && has(b - 1, kPrep)) {
      of = has(b - 1, kAgent) ? Candidate{b, p + 1, only_roles(b, p + 1) ? Candidate::Role : Candidate::Name}
                              : Candidate{};
      p = b - 2;  // a prepositional phrase ("auf Twitter"): the subject is before it
      continue;
    }
    if (has(b, kPrep)) return {};
    // A statement's noun and whose it is: "Das Fazit von Sandra Boser", "Zitat von Schröder".
    if (of && of.b == p + 2 && has(p, kReport)) return of;
    return {b, p + 1, only_roles(b, p + 1) ? Candidate::Role : Candidate::Name};
  }
  return {};
}

bool Doc::opens_clause(int limit, int b) const {
  for (int k = limit; k < b; ++k)
    if (!word(k) || !has(k, kConj | kParticle)) return false;
  return true;
}

Candidate Doc::verb_final_pronoun(int start, int c, int ce, int last) const {
  if (!lex(c).verb_second() || toks[c].cap) return {};
  // The cue ends its clause (an auxiliary may follow: "bezeichnet hatte").
  int after = ce;
  if (after < last && word(after) && has(after, kAux)) ++after;
  if (after < last && !clause_break(after) && !sentence_final(after)) return {};
  // Past the words that open a subordinate clause: "indem", "dass", "in denen".
  int p = start;
  for (int k = 0; k < 2 && p < c && word(p) && !has(p, kPronoun) &&
                  (has(p, kComp | kRel | kPrep) || (k == 0 && !has(p, kDet | kRole | kReport)));
       ++k)
    ++p;
  if (p == start || p + 1 >= c || !word(p) || !has(p, kPronoun) || has(p, kImpersonal)) return {};
  return {p, p + 1, Candidate::Pronoun};
}

Candidate Doc::right_np(int begin, int limit) const {
  int p = begin;
  if (p < limit && toks[p].kind == TokKind::Url) return {p, p + 1, Candidate::Name};  // "laut t-online.de"
  if (p >= limit || !(word(p) || toks[p].kind == TokKind::Mention)) return {};
  // A reflexive or an adverb between the verb and its subject: "äußerte sich Navarro-Valls".
  for (int k = 0; k < 2 && p + 1 < limit && word(p) && !toks[p].cap && (has(p, kParticle) || adverb(p)); ++k)
    ++p;
  if (has(p, kImpersonal) || has(p, kComp)) return {};
  if (has(p, kPronoun)) return {p, p + 1, Candidate::Pronoun};
  const int b = p;
  if (has(p, kDet)) {
    ++p;
    while (p < limit && word(p) && !toks[p].cap && !has(p, kRole) && inflected(low(p))) ++p;
  }
  const int head = p;
  while (p < limit && (word(p) || toks[p].kind == TokKind::Mention) &&
         (toks[p].cap || has(p, kRole | kReport) || modifier(p, limit)) && !has(p, kCueVerb)) {
    ++p;
    if (p + 1 < limit && word(p) && has(p, kInfix) && word(p + 1) && toks[p + 1].cap) ++p;
    if (p < limit && word(p) && has(p, kConj) && low(p).size() <= 3 && p + 1 < limit && toks[p + 1].cap) ++p;
  }
  if (p == head) return {};
  // "Sollte die Krise ...", "Zwar ...": a word that has its capital only for opening the sentence.
  if (b == head && p == head + 1 && sentence_capital(head)) return {};
  // A genitive after it: "ein Sprecher der Polizei", "Vorschlag der CDU".
  if (p + 1 < limit && word(p) && has(p, kGenitive)) {
    int g = p + 1;
    while (g < limit && word(g) && !toks[g].cap && inflected(low(g))) ++g;
    const int noun = g;
    while (g < limit && word(g) && toks[g].cap && !has(g, kCueVerb)) ++g;
    if (g > noun) p = g;
  }
  return {b, p, only_roles(b, p) ? Candidate::Role : Candidate::Name};
}

Candidate Doc::antecedent(int comma, int first) const {
  int i = comma - 1;
  while (i >= first && word(i) && (toks[i].cap || has(i, kDet | kInfix) || inflected(low(i))) &&
         !has(i, kPrep))
    --i;
  const Candidate np = right_np(i + 1, comma);
  return np && np.e == comma ? np : Candidate{};
}

Candidate Doc::quoted_name_at(int open, int limit) const {
  // After its determiner: "schreibt die „Rundschau“".
  if (open + 1 < limit && word(open) && has(open, kDet) && !has(open, kOblique) && lex(open).verb_second())
    if (const Candidate q = quoted_name_at(open + 1, limit)) return {open, q.e, Candidate::Name};
  if (open + 2 >= limit || toks[open].kind != TokKind::Punct || !toks[open + 1].quoted) return {};
  int close = open + 1;
  while (close < limit && toks[close].quoted) ++close;
  if (close >= limit || close - open > 7) return {};
  return {open, close + 1, Candidate::Name};
}

Candidate Doc::quoted_name_before(int c, int first) const {
  if (c - 2 < first || toks[c - 1].kind != TokKind::Punct || !toks[c - 2].quoted) return {};
  int o = c - 2;
  while (o > first && toks[o].quoted) --o;
  if (c - 1 - o > 6 || o - 1 < first || !word(o - 1)) return {};
  // "dem „Figaro“ zufolge", "die „Zeit“ meldet": the name after its determiner.
  if (has(o - 1, kDet) && !toks[o - 1].cap) return {o - 1, c, Candidate::Name};
  if (!(toks[o - 1].cap || has(o - 1, kRole))) return {};
  const Candidate np = left_np(o, clause_start(o, first));
  return np ? Candidate{np.b, c, Candidate::Name} : Candidate{};
}

bool Doc::english_passive(int c, int start) const {
  int a = c - 1;
  if (a > start && word(a) && has(a, kParticle)) --a;  // "was also asked"
  const std::string_view cue = low(c);
  return a >= start && word(a) && has(a, kPassive) && !(cue.size() > 4 && cue.ends_with("ing"));
}

Candidate Doc::subject_of(int c, int ce, int first, int last) const {
  // The subject is in the nominative: a phrase opening with a determiner of another case
  // ("des Entzugs", "den Vorwurf", "seiner neuen Aufgabe") is an object or an adverbial.
  // Agents and sources ("von dem", "In dem Antrag heißt es") are looked for with the
  // unfiltered members below.
  auto right_np = [&](int b, int limit) { return nominative(this->right_np(b, limit)); };
  auto left_np = [&](int end, int limit) { return nominative(this->left_np(end, limit)); };
  const int start = clause_start(c, first);
  // "Die Wochenzeitung „Die Zeit“ meldet": a name in quotation marks ends the subject.
  if (start == c)
    if (Candidate np = quoted_name_before(c, first)) return np;
  if (start == c && c > first && punct(c - 1, ',')) {
    const int prev = clause_start(c - 1, first);
    // "Rubio, der ebenfalls kandidiert hatte, schrieb": the subject is before the relative clause.
    if (prev > first && has(prev, kRel) && punct(prev - 1, ','))
      if (Candidate before = left_np(prev - 1, clause_start(prev - 1, first))) return before;
    // An apposition: "Der Direktor des Hilfswerks, Anthony Lake, sagte" (the name after
    // the role), "Karl-Theodor zu Guttenberg, Obmann der Fraktion, warf" (the name before it).
    Candidate appositive = left_np(c - 1, prev);
    if (appositive && appositive.b != prev) appositive = {};
    Candidate before;
    if (prev > first && punct(prev - 1, ',') && np_only(prev, c - 1)) {
      const int name = clause_start(prev - 1, first);
      if (Candidate np = left_np(prev - 1, name); np && np.b == name) before = np;
    }
    int head_noun = prev;
    while (head_noun < c - 1 && has(head_noun, kDet)) ++head_noun;
    const bool role_first = word(head_noun) && has(head_noun, kRole);
    if (before && (!appositive || role_first)) return before;
    if (appositive) return appositive;
  }
  const bool german = lex(c).verb_second();
  if (!german) {
    // "Blair was asked whether ...", "Howard was told that ...": the subject of a passive cue
    // is the one asked or told. Its agent speaks ("was criticised on Monday by the party"); without
    // one, no one is named. A form in -ing is no participle ("was saying").
    if (english_passive(c, start)) {
      for (int k = ce; k < last && k < ce + 5 && !clause_break(k); ++k)
        if (word(k) && has(k, kAgent))
          if (Candidate np = this->right_np(k + 1, last)) return np;
      return {};
    }
  }
  // Where the clause's first phrase really starts: after "Und", "Auch", "Doch".
  int head = start;
  while (head < c && word(head) && has(head, kConj | kParticle) && !has(head, kPronoun)) ++head;
  if (german) {
    // A passive with its agent: "Es wurde von Demjanjuks Sohn die Mutmaßung geäußert",
    // "Von deutscher Seite wurde gefordert".
    bool passive = false;
    for (int a = start; a < c && !passive; ++a) passive = word(a) && has(a, kPassive);
    // "war den USA vorgeworfen worden": the passive auxiliary after the participle.
    if (ce < last && word(ce) && has(ce, kPassive) && !toks[c].cap) passive = true;
    // Without an agent or a subject of its own the text is the source: "In einer
    // Presseerklärung, die am Mittwoch veröffentlicht wurde, wurde verkündet, dass ...",
    // "In der Vorabversion des Berichts, der ..., heißt es": the sentence's fronted phrase,
    // when it names a report, even with a relative clause between it and the cue.
    const bool impersonal = has(ce - 1, kImpersonal) || (ce < last && has(ce, kImpersonal));
    if (impersonal || passive)
      if (Candidate np = fronted_report(first, c, start); np) return np;
    // "X wird von der Nachrichtenagentur Reuters mit den Worten zitiert": the agent of a
    // quoting cue is the medium; the one quoted speaks.
    const bool quoting = toks[c].info && (toks[c].info->single & kCueQuoting);
    for (int a = start; passive && !quoting && a < c; ++a) {
      if (!word(a) || !has(a, kAgent)) continue;
      if (Candidate np = this->right_np(a + 1, c)) return np;
      if (Candidate np = after_adjectives(a + 1, c)) return np;  // "von deutscher Seite"
    }
    // "Der Zugang ... wird im Bericht als problematisch bezeichnet": without an agent, a
    // report the clause names in a prepositional phrase says it, not the passive's subject.
    for (int a = start; passive && a + 1 < c; ++a) {
      if (!word(a) || (low(a) != "in" && low(a) != "im") || a == head) continue;
      const Candidate np = this->right_np(a + 1, c);
      if (np && np.e <= c && np.e - np.b <= 3 && has(np.e - 1, kReport)) return np;
    }
    // "allerdings sei die Haltung des Präsidenten kritisiert worden": without an agent or a
    // report, a passive's subject is what was said about, not who said it. With an infinitive
    // the auxiliary makes a future ("wird die Zeitung schreiben"), and the subject speaks.
    if (passive && !quoting && !infinitive_form(low(c))) return {};
    // An auxiliary before a participle cue: the subject is before it ("Die Regierung hat
    // angekündigt") or, after a fronted phrase, right after it ("Im Januar hat er verkündet").
    for (int a = head; a < c; ++a) {
      if (!word(a) || !has(a, kAux)) continue;
      if (a > head)
        if (Candidate np = left_np(a, head); np && np.b == head) return np;
      if (Candidate np = right_np(a + 1, c)) return np;
      break;
    }
    // "Er verständigte die Polizei und teilte mit": the subject of the first verb.
    if (c - 1 > head && word(c - 1) && has(c - 1, kConj)) {
      if (has(head, kPronoun)) return {head, head + 1, Candidate::Pronoun};
      if (!has(head, kPrep))
        if (Candidate np = right_np(head, c - 1)) return np;
      // "In seiner Stellungnahme befand der Premierminister ... und nannte".
      if (has(head, kPrep))
        if (Candidate np = after_first_verb(head, c - 1); np && np.type != Candidate::Pronoun) return np;
      for (int k = head; k < c - 1; ++k)
        if (word(k) && has(k, kPronoun)) return {k, k + 1, Candidate::Pronoun};
    }
  }
  // German puts a fronted phrase before the verb and the subject after it:
  // "In einer Nachricht würdigte er", "Am Rande des Treffens sagte Jung".
  const bool fronted = head < c && word(head) && has(head, kPrep) && german;
  if (fronted) {
    if (Candidate right = right_np(ce, last)) return right;
    // "Bei der Agentur RIA hieß es", "In dem Antrag heißt es": the source is the fronted phrase.
    if (has(ce - 1, kImpersonal) || (ce < last && has(ce, kImpersonal)))
      if (Candidate np = this->right_np(head + 1, c)) return np;
  }
  // "Kritik kommt vom Fahrgastverband IGEB, der die Maßnahme als „Kapitulation“ sieht": the
  // relative pronoun is the subject, the phrase it refers to the speaker.
  if (start > first && has(start, kRel) && punct(start - 1, ',') && !left_np(c, start + 1))
    if (Candidate np = antecedent(start - 1, first)) return np;
  if (Candidate left = left_np(c, start)) {
    // In German the subject before the verb is the clause's first phrase; a phrase
    // in the middle is an object, and the subject follows the verb. So does a
    // demonstrative alone before the verb, what was said ("Das bestätigte die Sprecherin").
    const bool demonstrative = left.e - left.b == 1 && has(left.b, kDemonstrative);
    // "Deren Haltung ... bezeichnete er als ...": a pronoun right after the verb is its subject.
    const bool pronoun_after = left.type != Candidate::Pronoun && ce < last && word(ce) && has(ce, kPronoun);
    const bool object = left.b > head || demonstrative || pronoun_after;
    if (german && object) {
      if (Candidate right = right_np(ce, last)) return right;
      // "..., in denen er diese Orientierung als Krankheit bezeichnet hatte": in a clause that
      // ends with its verb the pronoun after the opening word is the subject, not the object before the verb.
      if (Candidate np = verb_final_pronoun(start, c, ce, last); np && left.type != Candidate::Pronoun)
        return np;
      // "Das sieht man daran": the impersonal subject after the verb says who speaks no more than "man".
      if (ce < last && word(ce) && has(ce, kImpersonal)) return {};
      // "Das bestätigt, dass ...": a demonstrative subject is a fact, no one who speaks.
      if (demonstrative) return {};
    }
    return left;
  }
  // "..., indem er seinem Ex-Arbeitgeber vorwarf, ...": the object before the verb was no subject.
  if (Candidate np = verb_final_pronoun(start, c, ce, last)) return np;
  if (Candidate right = right_np(ce, last)) return right;
  // "..., zitiert „BBC News“ aus ihrer Stellungnahme": a name in quotation marks after the cue.
  if (Candidate np = quoted_name_at(ce, last)) return np;
  // "Renate Künast, Fraktionschefin der Grünen, kritisierte": the phrase the sentence opens with.
  if (Candidate np = sentence_subject(first, c)) return np;
  // "So hat sich etwa die Landesvorsitzende ..., Karin Broszat, ... ausgesprochen und behauptet":
  // the cue's clause starts after an apposition; the subject follows the sentence's auxiliary.
  if (german) {
    int a = first;
    while (a < c && word(a) && has(a, kConj | kParticle) && !has(a, kPronoun)) ++a;
    if (a + 1 < c && word(a) && has(a, kAux) && !toks[a].cap) return right_np(a + 1, c);
  }
  return {};
}

Candidate Doc::nominative(const Candidate& np) const {
  return np && has(np.b, kOblique) ? Candidate{} : np;
}

Candidate Doc::fronted_report(int first, int c, int start) const {
  int head = first;
  while (head < c && word(head) && has(head, kConj | kParticle) && !has(head, kPronoun)) ++head;
  // "So wird in einer Pressemitteilung gefordert": the report after the finite auxiliary.
  if (head + 2 < c && word(head) && has(head, kAux | kPassive) && !toks[head].cap) ++head;
  if (head + 1 >= c || !word(head) || !has(head, kPrep) || has(head, kAgent)) return {};
  const Candidate np = right_np(head + 1, c);
  if (!np || np.e > c) return {};
  // A passive's agent in the cue's clause speaks instead ("wurde von X gefordert").
  for (int a = start; a < c; ++a)
    if (word(a) && has(a, kAgent)) return {};
  for (int k = np.b; k < np.e; ++k)
    if (word(k) && has(k, kReport)) return np;
  return {};
}

Candidate Doc::sentence_subject(int first, int limit) const {
  int head = first;
  while (head < limit && word(head) && has(head, kConj | kParticle) && !has(head, kPronoun)) ++head;
  if (head >= limit || !word(head) || has(head, kComp) || (has(head, kRel) && !has(head, kDet))) return {};
  // "Als Begründung sagte ein Wissenschaftler", "Neben ... prangert der UN-Generalsekretär an".
  if (has(head, kPrep)) return lex(head).verb_second() ? after_first_verb(head, limit) : Candidate{};
  // "Dem Einsatz der Geräte steht die SPD-Fraktion kritisch gegenüber": an object in front, the
  // subject after the verb.
  if (has(head, kOblique)) return after_first_verb(head, limit);
  return right_np(head, limit);
}

Candidate Doc::after_first_verb(int head, int limit) const {
  // The fronted phrase may be coordinated: "Zum Haushalt und seiner neuen Rolle wird Müller ...".
  int v = head + 1;
  // A lower-case word in -en before a determiner or a pronoun is the verb, no adjective
  // ("Unter den gegenwärtigen Bedingungen halten die Befehlshaber ...").
  auto verb = [&](int i) {
    return !toks[i].cap && !has(i, kDet | kPrep | kConj) && i + 1 < limit && word(i + 1) &&
           has(i + 1, kDet | kPronoun);
  };
  while (v < limit && word(v) && (toks[v].cap || has(v, kDet | kPrep | kConj) || inflected(low(v))) &&
         !verb(v))
    ++v;
  if (v >= limit || !word(v)) return {};
  return right_np(v + 1, limit);
}

int Doc::cue_end(int i, int last, std::uint32_t& type) const {
  type = 0;
  if (!word(i)) return i;
  const WordInfo* w = toks[i].info;
  if (!w) return i;
  for (const Phrase& ph : w->phrases) {
    int k = i + 1;
    std::size_t m = 0;
    while (m < ph.rest.size() && k < last && word(k) && low(k) == ph.rest[m]) ++m, ++k;
    if (m == ph.rest.size()) {
      type = ph.type;
      return k;
    }
  }
  // A separable verb with its particle at the clause's end: "gab ein Sprecher ... bekannt",
  // its other words in order before it: "gingen die Forscher bislang davon aus, dass"; up to
  // eleven words between ("sicherte Präsident Gusmão kurz vor dem offiziellen Ablauf der
  // dortigen UN-Mission zu, dass": nine were too few).
  for (const Phrase& ph : w->phrases) {
    if (ph.type != kCueVerb || ph.rest.empty()) continue;
    std::size_t m = 0;
    for (int k = i + 1; k < last && k < i + 13 && !clause_break(k) && !has(k, kComp); ++k) {
      if (!word(k) || low(k) != ph.rest[m]) continue;
      if (m + 1 < ph.rest.size()) {
        ++m;
      } else if (k + 1 >= last || clause_break(k + 1) || sentence_final(k + 1)) {
        type = kCueVerb;
        return i + 1;
      }
    }
  }
  // "Es heißt, ...", "heißt es": a cue in its reporting sense only with the impersonal subject
  // beside it; "Das heißt, ..." ("that means") reports nothing.
  if ((w->single & kCueImpersonal) && !(i > 0 && word(i - 1) && has(i - 1, kImpersonal)) &&
      !(i + 1 < last && word(i + 1) && has(i + 1, kImpersonal)))
    return i;
  for (const std::uint32_t t : {kCueVerb, kCueSource, kCueAfter, kCueAnaphor, kCueSo})
    if (w->single & t) {
      type = t;
      return i + 1;
    }
  return i;
}

}  // namespace tagwerk::quotes
