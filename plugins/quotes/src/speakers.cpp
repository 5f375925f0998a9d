// Speakers: the people a text names, and each statement's speaker resolved in
// text order (pronouns and role nouns to the person meant, entities when given).
#include <algorithm>

#include "statements.hpp"

namespace tagwerk::quotes {
namespace {

// The qualifier of a role noun, by its first four letters, so that the adjective
// and the country's genitive agree: "russische", "Russlands", "Russian" -> "russ".
std::string_view qualifier(const Doc& d, int i) {
  if (i < 0 || !d.word(i) || d.has(i, kDet | kPrep | kConj | kParticle | kPronoun)) return {};
  const std::string_view w = d.low(i);
  if (w.size() < 5 || d.has(i, kRole)) return {};
  return w.substr(0, 4);
}

}  // namespace

// People named in the text: entity mentions (PER) when the entities step ran, else
// names after a role noun ("US-Präsident Donald Trump"), names of several
// capitalised words, account holders, and later mentions of their last names.
void find_persons(const Input& in, Scratch& s) {
  const Doc& d = s.doc;
  s.persons.clear();
  s.entity_tok.assign(in.entities.size(), -1);
  std::size_t t = 0;
  for (std::size_t m = 0; m < in.entities.size(); ++m) {
    while (t < d.toks.size() && d.toks[t].end <= in.entities[m].begin) ++t;
    if (t < d.toks.size() && d.toks[t].begin < in.entities[m].end) s.entity_tok[m] = static_cast<int>(t);
    if (in.entities[m].label == "PER" && s.entity_tok[m] >= 0) {
      const Mention& c = in.entities[std::min<std::size_t>(in.entities[m].cluster, in.entities.size() - 1)];
      const int t0 = s.entity_tok[m];
      const bool role = t0 > 0 && d.word(t0 - 1) && d.has(t0 - 1, kRole);
      s.persons.push_back({t0, std::string(c.name.empty() ? in.entities[m].name : c.name),
                           static_cast<int>(in.entities[m].cluster),
                           role ? qualifier(d, t0 - 2) : std::string_view{}});
    }
  }
  if (!in.entities.empty()) return;
  std::vector<std::pair<std::string_view, std::string>> surnames;  // last word (lower) -> full name
  const int n = static_cast<int>(d.toks.size());
  for (int i = 0; i < n; ++i) {
    if (!d.word(i) || !d.toks[i].cap || d.has(i, kDet | kPronoun | kPrep | kConj | kParticle | kComp))
      continue;
    const bool inside =
        i > 0 && d.word(i - 1) && d.toks[i - 1].cap && d.toks[i - 1].sentence == d.toks[i].sentence &&
        !d.has(i - 1, kDet | kPrep | kConj | kParticle | kComp | kPronoun) && !d.has(i - 1, kRole);
    const bool after_role = i > 0 && d.word(i - 1) && d.has(i - 1, kRole);
    int e = i;
    while (e < n && e < i + 4 && d.word(e) && d.toks[e].cap && !d.has(e, kRole) &&
           !d.has(e, kDet | kCueVerb) && d.toks[e].sentence == d.toks[i].sentence)
      ++e;
    const bool sentence_initial = i == d.sentences[d.toks[i].sentence].first;
    const bool english = !d.lex(i).verb_second();  // nouns in lower case: capitals mark names
    const bool several = e - i >= 2 && (english ? !sentence_initial : after_role);
    if (e > i && !inside && (after_role || several)) {
      std::string name(d.str(i, e));
      s.persons.push_back({i, name, -1, after_role ? qualifier(d, i - 2) : std::string_view{}});
      surnames.emplace_back(d.low(e - 1), name);
      i = e - 1;
      continue;
    }
    std::string_view w = d.low(i);
    for (auto it = surnames.rbegin(); it != surnames.rend(); ++it)
      if (it->first == w ||
          (w.size() == it->first.size() + 1 && w.back() == 's' && w.substr(0, w.size() - 1) == it->first)) {
        s.persons.push_back({i, it->second, -1, {}});
        break;
      }
  }
}

namespace {

// The person a role noun without a name refers to ("der russische Regierungschef"):
// the name that followed the same role noun earlier ("US-Präsident Donald Trump"),
// else the latest person whose role had the same qualifier ("seinem russischen
// Amtskollegen Wladimir Putin"), else the latest person named before it; nobody
// after an indefinite article, which introduces someone new. Never a
// speaker of the same sentence nor a person inside what its sentence reports:
// "Lawrow pochte darauf, dass Trump ... und auch der russische Regierungschef ...".
const Person* resolve_role(const Doc& d, const Scratch& s, const Candidate& c,
                           const std::vector<Referent>& refs) {
  // "A spokeswoman", "ein Sprecher des Ministeriums": someone not named before.
  if (d.word(c.b) && d.has(c.b, kIndefinite)) return nullptr;
  const int sentence = d.toks[c.b].sentence;
  auto excluded = [&](const Person& p) {
    for (std::size_t j = 0; j < s.stmts.size(); ++j) {
      const Stmt& o = s.stmts[j];
      if (d.toks[o.b].sentence != sentence && d.toks[o.e - 1].sentence != sentence) continue;
      if (p.tok >= o.b && p.tok < o.e) return true;
      if (j < refs.size() && (refs[j].mention.b != c.b || refs[j].mention.e != c.e) &&
          !refs[j].name.empty() && refs[j].name == p.name)
        return true;
    }
    return false;
  };
  std::string_view key;
  for (int k = c.b; k < c.e && key.empty(); ++k) key = qualifier(d, k);
  const Person* same_role = nullptr;
  const Person* same_key = nullptr;
  const Person* latest = nullptr;
  for (const Person& p : s.persons) {
    if (p.tok >= c.b) break;
    if (excluded(p)) continue;
    if (p.tok > 0 && d.word(p.tok - 1) && d.low(p.tok - 1) == d.low(c.e - 1)) same_role = &p;
    if (!key.empty() && p.key == key) same_key = &p;
    latest = &p;
  }
  return same_role ? same_role : same_key ? same_key : latest;
}

// "Trump und Putin": a phrase naming several speakers.
bool coordinated(const Doc& d, const Candidate& c) {
  for (int k = c.b; k < c.e; ++k)
    if (d.word(k) && d.has(k, kConj)) return true;
  return false;
}

// Who a sentence without a speaker of its own goes on quoting, when it is not the
// latest speaker: the subject of the sentence just before it, if that sentence
// reported nothing itself and names someone after the latest speaker ("Die Firma
// empfindet die Kritik als ungerecht. „…“").
Candidate topic_of(const Scratch& s, const Stmt& st, const Referent* prev) {
  const Doc& d = s.doc;
  const int sentence = d.toks[st.b].sentence;
  int first = 0, last = st.b;
  if (d.sentences[sentence].first == st.b && sentence > 0)
    first = d.sentences[sentence - 1].first;
  else if (st.b > d.sentences[sentence].first && d.sentence_final(st.b - 1))
    first = d.sentences[sentence].first;  // the segmenter kept the quotation in the sentence before
  else
    return {};
  if (d.toks[st.b].paragraph - d.toks[first].paragraph > 1) return {};
  if (prev && prev->tok >= first) return {};
  for (const Stmt& o : s.stmts)
    if (o.b < last && first < o.e) return {};  // the sentence before reported something
  const Candidate np = d.sentence_subject(first, last);
  // Capitalised, as a sentence's first phrase is; or after the verb when an object opens the sentence.
  if (!np || np.type == Candidate::Pronoun || !(d.toks[np.b].cap || d.has(first, kOblique))) return {};
  // A single capitalised word that names no person, role or report is an adverb that opens
  // the sentence in German ("Daneben lagen ...", "Dafür konnten ..."), not its subject.
  if (d.lex(np.b).verb_second() && np.e - np.b == 1 && !d.has(np.b, kRole | kReport)) {
    bool person = false;
    for (const Person& p : s.persons) person = person || p.tok == np.b;
    if (!person) return {};
  }
  return np;
}

}  // namespace

Result resolve(const Input& in, Scratch& s) {
  const Doc& d = s.doc;
  Result r;
  std::sort(s.stmts.begin(), s.stmts.end(), [](const Stmt& a, const Stmt& b) { return a.b < b.b; });
  auto speaker_index = [&](const Candidate& c) {
    static const char* const kKinds[] = {"", "name", "role", "pronoun", "account"};
    const std::uint32_t sb = d.toks[c.b].begin, se = d.toks[c.e - 1].end;
    for (std::size_t k = 0; k < r.speakers.size(); ++k)
      if (r.speakers[k].begin == sb && r.speakers[k].end == se) return static_cast<int>(k);
    r.speakers.push_back({sb, se, kKinds[c.type]});
    return static_cast<int>(r.speakers.size()) - 1;
  };
  // The entity mention inside tokens [b, e): the last person, else the last organisation.
  auto entity_in = [&](int b, int e) -> int {
    int best = -1;
    bool best_per = false;
    for (std::size_t m = 0; m < in.entities.size(); ++m) {
      const int t = s.entity_tok[m];
      if (t < b || t >= e) continue;
      const bool per = in.entities[m].label == "PER";
      if (per || !best_per) best = static_cast<int>(m), best_per = per;
    }
    return best;
  };
  auto strip_det = [&](const Candidate& c) {
    int b = c.b;
    while (b + 1 < c.e && d.has(b, kDet)) ++b;
    return std::string(d.str(b, c.e));
  };
  // The latest person named before token t and outside [skip_b, skip_e).
  auto person_before = [&](int t, int skip_b, int skip_e) -> const Person* {
    const Person* best = nullptr;
    for (const Person& p : s.persons)
      if (p.tok < t && (p.tok < skip_b || p.tok >= skip_e)) best = &p;
    return best;
  };
  // "nach offiziellen Angaben", "laut Schätzungen": a report noun without a determiner,
  // adjectives at most before it, names no one; its mention stays, the name is unknown.
  // With a determiner it is a report the text names ("Der Bericht", "einer Erklärung",
  // "im Bericht"); a compound names its owner ("Polizeiangaben"), a genitive too
  // ("Angaben der Polizei").
  auto names_no_one = [&](const Candidate& c) {
    if (c.b > 0 && d.word(c.b - 1) && d.has(c.b - 1, kOblique)) return false;  // "im Bericht": the report
    bool report = false;
    for (int k = c.b; k < c.e; ++k) {
      if (!d.word(k) || d.has(k, kDet)) return false;
      if (!d.toks[k].cap || d.has(k, kOwn | kPossessive)) continue;
      if (!d.toks[k].info || !(d.toks[k].info->flags & kReport)) return false;
      report = true;
    }
    return report;
  };
  std::vector<Referent> refs;  // the speaker of each statement, in order
  // Whether the referent is known to be a person: a role, a pronoun or a person named in its phrase.
  auto names_person = [&](const Candidate& c) {
    for (const Person& p : s.persons)
      if (p.tok >= c.b && p.tok < c.e) return true;
    return false;
  };
  auto person = [&](const Referent& ref) {
    return ref.mention.type == Candidate::Role || ref.mention.type == Candidate::Pronoun ||
           names_person(ref.mention);
  };
  int speaker_at = -1;  // the latest statement with a speaker
  // Whom the candidate c of statement st (the i-th; a source's pseudo statement when
  // i == refs.size()) refers to, given the latest speaker before it.
  auto referent_of = [&](const Stmt& st, const Candidate& c, std::size_t i, const Referent* prev) {
    Referent ref;
    ref.mention = c;
    ref.tok = c.b;
    const int m = coordinated(d, c) ? -1 : entity_in(c.b, c.e);
    if (c.type == Candidate::Account && m < 0) {
      ref.name = std::string(d.str(c.b, c.e));
    } else if (m >= 0) {
      const std::size_t cl = std::min<std::size_t>(in.entities[m].cluster, in.entities.size() - 1);
      ref.entity = static_cast<int>(cl);
      ref.name = std::string(in.entities[cl].name.empty() ? in.entities[m].name : in.entities[cl].name);
    } else if (c.type == Candidate::Pronoun) {
      // Back to the person meant: the latest speaker or named person before it,
      // never one inside the statement itself.
      const Person* p = person_before(c.b, st.b, st.e);
      // A pronoun refers to a person: past a source not known to be one ("dazu äußert sich
      // der Republikaner nicht. Er habe ...": the person named before).
      const Referent* to =
          prev && prev->source && !person(*prev) ? (speaker_at >= 0 ? &refs[speaker_at] : nullptr) : prev;
      const Referent* before = to && to->tok >= 0 && to->tok < c.b ? to : nullptr;
      // A continuation ("Er habe ...") goes on with the latest speaker, past a person only
      // talked about in what an earlier statement reports.
      const bool continues = st.kind == Kind::Indirect && st.cue_b < 0 && c.b >= st.b && c.b < st.e;
      bool reported_about = false;
      for (std::size_t j = 0; p && continues && j < i && !reported_about; ++j)
        reported_about = p->tok >= s.stmts[j].b && p->tok < s.stmts[j].e;
      // The person named in the latest speaker's own phrase ("Der Vizekanzler ... Franz
      // Müntefering"): the pronoun refers to that speaker.
      const bool same =
          p && before && before->mention && p->tok >= before->mention.b && p->tok < before->mention.e;
      if (p && (!before || p->tok > before->tok) && !reported_about && !same) {
        ref.name = p->name;
        ref.entity = p->entity;
      } else if (before) {
        ref.name = before->name;
        ref.entity = before->entity;
        // "Er habe ...": a pronoun inside what it says continues the speaker named before;
        // the statement points at that mention, as the pronoun is part of the words reported.
        if (continues && before->mention) ref.mention = before->mention, ref.tok = before->tok;
      }  // else nobody before it: the pronoun's mention stays, its name is unknown (empty)
    } else if (c.type == Candidate::Role) {  // "der US-Präsident"
      const Person* p = resolve_role(d, s, c, refs);
      ref.name = p ? p->name : strip_det(c);
      ref.entity = p ? p->entity : -1;
    } else if (!names_no_one(c)) {
      ref.name = strip_det(c);
      // The person named in it ("Senator Lindsey Graham"), unless it names several.
      for (const Person& q : s.persons)
        if (q.tok >= c.b && q.tok < c.e && !coordinated(d, c)) ref.name = q.name, ref.entity = q.entity;
    }
    return ref;
  };
  // A report noun alone as the speaker ("nach eigenen Angaben", "aus seiner
  // Sicht", "den Angaben zufolge"; not "nach Angaben der Polizei"): whose report it is.
  struct Owner {
    Candidate candidate;   // the clause's subject for "eigen", the possessive as a pronoun for "sein"
    bool earlier = false;  // a determiner: the source named just before
  };
  auto owner_of = [&](const Stmt& st, const Candidate& c) {
    Owner o;
    // The report noun, alone or after its determiner ("Den Angaben zufolge").
    if (!c || c.type != Candidate::Name || c.e - c.b > 2 || !d.has(c.e - 1, kReport)) return o;
    const int w = c.e - 1 - 1;
    if (w < 0 || (c.e - c.b == 2 && !d.has(w, kDet))) return o;
    if (!d.word(w) || d.toks[w].sentence != d.toks[c.e - 1].sentence) return o;
    if (d.has(w, kPossessive)) {
      o.candidate = {w, w + 1, Candidate::Pronoun};
    } else if (d.has(w, kOwn)) {
      // The subject before the phrase ("Die Feuerwehr hat nach eigenen Angaben ..."), else
      // right after the finite verb that follows it ("Nach eigenen Angaben erhielt das Amt ...").
      const int first = d.sentences[d.toks[c.b].sentence].first;
      const int end = d.sentences[d.toks[c.b].sentence].second;
      o.candidate = d.sentence_subject(first, end);
      const Candidate& n = o.candidate;
      // Someone who can speak: a name the entities step found, a role, a person
      // ("Hier", "Mindestens 20 Menschen" open sentences too), not the phrase itself.
      const bool apart = n && (n.e <= w || n.b >= c.e);
      bool speaker = apart && (n.type == Candidate::Role || entity_in(n.b, n.e) >= 0 || names_person(n));
      for (int k = n.b; apart && !speaker && k < n.e; ++k) speaker = d.has(k, kRole);
      if (!speaker) o.candidate = {};
    } else if (d.has(w, kDet)) {
      o.earlier = st.cue_b >= 0 && d.has(st.cue_b, kCueAfter);  // "den Angaben zufolge"
    }
    return o;
  };
  Referent latest;  // the latest speaker, of a statement or a source
  std::size_t next_source = 0;
  for (std::size_t i = 0; i < s.stmts.size(); ++i) {
    const Stmt& st = s.stmts[i];
    // Sources before the statement become the latest speaker.
    for (; next_source < s.sources.size() && s.sources[next_source].cue < st.b; ++next_source) {
      const Source& src = s.sources[next_source];
      Stmt own;
      own.b = d.sentences[src.sentence].first;
      own.e = d.sentences[src.sentence].second;
      own.kind = Kind::Indirect;
      own.cue_b = src.cue;
      Referent ref = referent_of(own, src.cand, i, latest.mention ? &latest : nullptr);
      ref.source = true;
      if (ref.mention) latest = std::move(ref);
    }
    const Referent* prev = latest.mention ? &latest : nullptr;
    Referent ref;
    const Candidate c = st.cand || !st.carry ? st.cand : topic_of(s, st, prev);
    const Owner o = owner_of(st, c);
    Referent owner;
    if (o.candidate) owner = referent_of(st, o.candidate, i, prev);
    // A possessive that finds nobody (no name for "seiner") leaves the report noun.
    const bool owned = o.candidate && (o.candidate.type != Candidate::Pronoun || !owner.name.empty());
    if (owned || (o.earlier && prev)) {
      // "nach eigenen Angaben", "aus seiner Sicht": the report noun is where it is
      // said, the speaker is whose it is (when "seiner" finds whom it means);
      // "den Angaben zufolge": the source just named.
      ref = owned ? std::move(owner) : *prev;
      ref.mention = c;
      ref.tok = c.b;
    } else if (c) {
      ref = referent_of(st, c, i, prev);
    } else {
      bool inside = false;
      if (st.kind == Kind::Partial)  // a fragment inside reported speech: the speaker of that statement
        for (std::size_t j = i; j-- > 0 && !inside;)
          if (s.stmts[j].kind == Kind::Indirect && s.stmts[j].b <= st.b && st.b < s.stmts[j].e) {
            ref = refs[j];
            inside = true;
          }
      if (!inside && st.carry && prev && d.toks[st.b].paragraph - d.toks[prev->tok].paragraph <= 1)
        ref = *prev;
    }
    ref.source = false;  // carried on from a source, it is this statement's speaker now
    refs.push_back(ref);
    if (ref.mention) latest = ref, speaker_at = static_cast<int>(refs.size()) - 1;
    Quote q;
    q.begin = d.toks[st.b].begin;
    q.end = d.toks[st.e - 1].end;
    q.kind = st.kind;
    if (st.cue_b >= 0) q.cue = std::string(d.str(st.cue_b, st.cue_e));
    q.speaker = ref.mention ? speaker_index(ref.mention) : -1;
    q.speaker_name = ref.name;
    q.entity = ref.entity;
    r.quotes.push_back(std::move(q));
  }
  return r;
}

}  // namespace tagwerk::quotes
