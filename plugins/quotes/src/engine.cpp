// The quotes engine: embedded posts, quotation marks, reported speech, then one
// pass in text order that resolves every statement's speaker.
#include <tagwerk/quotes/engine.hpp>

#include <algorithm>
#include <stdexcept>

#include "document.hpp"
#include "lexicon.hpp"
#include "quote_marks.hpp"

namespace tagwerk::quotes {

const char* to_string(Kind k) {
  switch (k) {
    case Kind::Direct:
      return "direct";
    case Kind::Partial:
      return "partial";
    case Kind::Indirect:
      return "indirect";
    case Kind::Embedded:
      return "embedded";
  }
  return "direct";
}

namespace {

// Who a speaker mention refers to.
struct Referent {
  std::string name;
  int entity = -1;
  int mention = -1;  // index into Result::speakers
  int tok = -1;      // where it was mentioned
};

// A statement while it is being built: token ranges, not bytes yet.
struct Stmt {
  int b = 0, e = 0;  // tokens [b, e)
  Kind kind = Kind::Direct;
  int cue_b = -1, cue_e = -1;
  Candidate cand;
  bool carry = false;  // no speaker in its sentence: the last statement's speaker carries on
  Referent ref;
};

// A person mentioned by name (or as an entity), for pronouns and role nouns to refer back to.
struct Person {
  int tok = 0;
  std::string name;
  int entity = -1;
  std::string_view
      key;  // what the role before the name was qualified by ("russ" of "russischen Amtskollegen")
};

// The qualifier of a role noun, by its first four letters, so that the adjective
// and the country's genitive agree: "russische", "Russlands", "Russian" -> "russ".
std::string_view qualifier(const Doc& d, int i) {
  if (i < 0 || !d.word(i) || d.has(i, kDet | kPrep | kConj | kParticle | kPronoun)) return {};
  const std::string_view w = d.low(i);
  if (w.size() < 5 || d.lex(i).is_role(w)) return {};
  return w.substr(0, 4);
}

}  // namespace

struct Scratch {
  Doc doc;
  std::vector<MarkInfo> marks;
  std::vector<bool> breaks;
  std::vector<MarkPair> pairs;
  std::vector<Stmt> stmts;
  std::vector<Person> persons;
  std::vector<int> entity_tok;  // first token of each entity mention
};

void ScratchDeleter::operator()(Scratch* s) const noexcept {
  delete s;
}
ScratchPtr Engine::make_scratch() {
  return ScratchPtr(new Scratch);
}

struct Engine::Impl {
  std::vector<std::string> langs;
  std::vector<Lexicon> lexicons;
  std::vector<std::string> files;

  Result analyze(const Input& in, Scratch& s) const;

 private:
  void find_embedded(Scratch& s) const;
  void find_marked(Scratch& s) const;
  void find_reported(Scratch& s) const;
  void classify_marked(Scratch& s) const;
  void find_persons(const Input& in, Scratch& s) const;
  Result resolve(const Input& in, Scratch& s) const;
};

Engine::Engine(const std::string& data_dir, const std::vector<std::string>& languages)
    : impl_(std::make_unique<Impl>()) {
  if (languages.empty())
    throw std::runtime_error("quotes: no language given; name at least one, e.g. \"de\"");
  impl_->langs = languages;
  for (const std::string& lang : languages)
    impl_->lexicons.push_back(Lexicon::load(data_dir, lang, impl_->files));
}
Engine::~Engine() = default;
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;

const std::vector<std::string>& Engine::files() const noexcept {
  return impl_->files;
}

Result Engine::analyze(const Input& input, Scratch& scratch) const {
  return impl_->analyze(input, scratch);
}
Result Engine::analyze(const Input& input) const {
  ScratchPtr s = make_scratch();
  return impl_->analyze(input, *s);
}

Result Engine::Impl::analyze(const Input& in, Scratch& s) const {
  s.doc.build(in, lexicons, langs);
  s.stmts.clear();
  find_embedded(s);
  find_marked(s);
  find_reported(s);
  classify_marked(s);
  find_persons(in, s);
  return resolve(in, s);
}

// A line "Donald J. Trump @realDonaldTrump" (a name, then the account) opens a
// quoted post: the lines after it, to the paragraph's end.
void Engine::Impl::find_embedded(Scratch& s) const {
  Doc& d = s.doc;
  const int n = static_cast<int>(d.toks.size());
  int line = 0;
  for (int i = 0; i < n; ++i) {
    if (!d.toks[i].line_break_after && i + 1 < n) continue;
    const int first = line;
    line = i + 1;
    if (d.toks[i].kind != TokKind::Mention || i - first > 5) continue;
    bool name = true;
    for (int k = first; k < i; ++k) name = name && d.word(k) && d.toks[k].cap;
    const int para = d.toks[i].paragraph;
    if (!name || i + 1 >= n || d.toks[i + 1].paragraph != para) continue;
    const int last = d.paragraphs[para].second;
    Stmt st;
    st.kind = Kind::Embedded;
    st.b = i + 1;
    st.e = last;
    while (st.e > st.b + 1 && d.toks[st.e - 1].kind == TokKind::Punct && !d.sentence_final(st.e - 1)) --st.e;
    st.cand = first < i ? Candidate{first, i, Candidate::Account} : Candidate{i, i + 1, Candidate::Account};
    for (int k = st.b; k < last; ++k) d.toks[k].quoted = true;
    s.stmts.push_back(st);
    i = last - 1;
    line = last;
  }
}

// Pairs the quotation marks of each paragraph outside quoted posts.
void Engine::Impl::find_marked(Scratch& s) const {
  Doc& d = s.doc;
  s.pairs.clear();
  for (const auto& [first, last] : d.paragraphs) {
    s.marks.assign(static_cast<std::size_t>(last - first), MarkInfo{});
    s.breaks.assign(static_cast<std::size_t>(last - first), false);
    for (int i = first; i < last; ++i) {
      s.breaks[i - first] = d.toks[i].line_break_after;
      if (d.toks[i].kind == TokKind::Punct && !d.toks[i].quoted)
        s.marks[i - first] = classify_mark(d.text, d.toks[i].begin, d.toks[i].end);
    }
    pair_marks(s.marks, s.breaks, first, s.pairs);
  }
  std::sort(s.pairs.begin(), s.pairs.end(),
            [](const MarkPair& a, const MarkPair& b) { return a.open < b.open; });
  // A closing mark the segmenter put at the start of the next sentence (". “\nDer ...")
  // belongs to the sentence it closes.
  for (const MarkPair& p : s.pairs) {
    const int k = p.close;
    if (k <= 0 || d.toks[k].sentence == d.toks[k - 1].sentence) continue;
    const int next = d.toks[k].sentence;
    if (d.sentences[next].first != k || d.sentences[next].second <= k + 1) continue;
    d.toks[k].sentence = next - 1;
    d.sentences[next - 1].second = k + 1;
    d.sentences[next].first = k + 1;
  }
  for (const MarkPair& p : s.pairs) {
    const int end = p.close >= 0 ? p.close : p.repair_end;
    for (int k = p.open + 1; k < end; ++k) d.toks[k].quoted = true;
  }
}

namespace {

// A clause from token b on that holds a zu-infinitive ("..., die Steuern zu senken", "abzuschalten").
bool zu_infinitive(const Doc& d, int b, int end) {
  for (int k = b; k < end && !d.clause_break(k); ++k)
    if (d.word(k) && d.low(k) == "zu" && k + 1 < end && d.word(k + 1) && !d.toks[k + 1].cap &&
        !d.has(k + 1, kDet))
      return true;
  return false;
}

// A Konjunktiv outside quotations among tokens [k, end).
bool konj_after(const Doc& d, int k, int end) {
  for (; k < end; ++k)
    if (!d.toks[k].quoted && d.has(k, kKonj1 | kKonj2)) return true;
  return false;
}

// Nothing but a verb particle or two between token k and the sentence's end ("..., teilte X mit.").
bool ends_clause(const Doc& d, int k, int end) {
  int n = 0;
  for (; k < end; ++k, ++n)
    if (!d.word(k) || d.toks[k].cap || n >= 2) return false;
  return true;
}

// Whether the sentence over tokens [first, last) holds a cue or a Konjunktiv I outside quotations.
bool speech_in(const Doc& d, int first, int last) {
  for (int k = first; k < last; ++k) {
    if (d.toks[k].quoted || !d.word(k)) continue;
    std::uint32_t type = 0;
    if (d.has(k, kKonj1) || d.cue_end(k, last, type) > k) return true;
  }
  return false;
}

}  // namespace

// Reported speech, sentence by sentence: a cue with its clause ("sagte, dass ...",
// "laut X", "X zufolge", ", so X"), "Wie X sagte, habe ...", and Konjunktiv I
// clauses that continue a speaker's words.
void Engine::Impl::find_reported(Scratch& s) const {
  Doc& d = s.doc;
  int last_reported_sentence = -10;
  for (int si = 0; si < static_cast<int>(d.sentences.size()); ++si) {
    const auto [first, last] = d.sentences[si];
    int end = last;  // the content ends before the final punctuation
    while (end > first && d.toks[end - 1].kind == TokKind::Punct) --end;
    if (end <= first) continue;
    const std::size_t before = s.stmts.size();
    bool konj1 = false, konj2 = false, first_person = false;
    for (int i = first; i < end; ++i) {
      if (d.toks[i].quoted) continue;
      konj1 = konj1 || d.has(i, kKonj1);
      konj2 = konj2 || d.has(i, kKonj2);
      first_person = first_person || d.low(i) == "ich" || d.low(i) == "i";
    }
    for (int i = first; i < end; ++i) {
      if (d.toks[i].quoted || !d.word(i)) continue;
      std::uint32_t type = 0;
      int ce = d.cue_end(i, end, type);
      Candidate report;
      if (ce == i && d.has(i, kPrep)) {
        // "nach Angaben der Polizei", "nach Meinung des Politikers", "aus Sicht der Organisationen".
        for (int k = i + 1; k < end && k <= i + 3 && !report; ++k)
          if (d.word(k) && d.toks[k].cap && d.lex(k).is_report(d.low(k))) {
            const Candidate of = d.right_np(k + 1, end);
            report = {k, of && d.has(k + 1, kDet) ? of.e : k + 1, Candidate::Name};
          }
        if (report) {
          ce = i + 1;
          type = kCueSource;
        }
      }
      if (ce == i) continue;
      Stmt st;
      st.kind = Kind::Indirect;
      st.cue_b = i;
      st.cue_e = ce;
      const int cstart = d.clause_start(i, first);
      if (type == kCueSource) {  // "laut X, ...", "..., according to X"
        st.cand = report ? report : d.right_np(ce, end);
        if (!st.cand && ce - 1 > i && d.lex(ce - 1).is_report(d.low(ce - 1))) {
          // "nach Ansicht von ai": the report noun, and whom it belongs to.
          const int of = ce < end && d.word(ce) && d.has(ce, kPrep | kDet) ? d.right_np(ce + 1, end).e : -1;
          st.cand = {ce - 1, of > ce ? of : ce, Candidate::Name};
        }
        if (!st.cand) continue;
        const int after = st.cand.e < end && d.punct(st.cand.e, ',') ? st.cand.e + 1 : st.cand.e;
        st.b = i == first || (i == first + 1 && d.has(first, kConj)) ? after : first;
        st.e = end;                    // the source in the middle: the sentence around it is what it says
      } else if (type == kCueAfter) {  // "X zufolge"
        st.cand = d.left_np(i, cstart);
        if (!st.cand) continue;
        st.b = st.cand.b <= first + 1 ? ce : first;
        st.e = end;
      } else if (type == kCueAnaphor) {  // "Demnach habe ...", "ein Bericht, wonach ..."
        if (i == first || (i == first + 1 && d.has(first, kConj))) {
          st.cand = {i, ce, Candidate::Pronoun};  // refers back like a pronoun
          st.b = first;
        } else {
          if (!d.punct(i - 1, ',')) continue;
          st.cand = d.left_np(i - 1, d.clause_start(i - 1, first));
          st.b = ce;
        }
        st.e = end;
      } else if (type == kCueSo) {  // "..., so der Sprecher.", "... – so der Vorwurf – ..."
        if (i == first || !d.clause_break(i - 1)) continue;
        st.cand = d.right_np(ce, end);
        if (!st.cand) continue;
        st.b = first;
        st.e = end;
      } else {  // a verb of saying
        st.cand = d.subject_of(i, ce, first, end);
        const bool inverted = st.cand && st.cand.b >= ce;
        int k = inverted ? st.cand.e : ce;
        // "Wie X sagte, habe er ...": the main clause after the comma.
        const bool wie =
            (cstart < i && d.low(cstart) == "wie") || (cstart > first && d.low(cstart - 1) == "wie");
        if (wie) {
          while (k < end && !d.punct(k, ',')) ++k;
          if (k >= end) continue;
          st.b = k + 1;
          st.e = end;
        } else {
          // Objects and adverbials between the cue and its clause ("sagte dem Sender").
          int j = k;
          while (j < end && j < k + 6 && !d.clause_break(j) && !d.has(j, kComp)) ++j;
          if (j < end && d.has(j, kComp) && !d.toks[j].quoted) {
            st.b = j;  // "..., dass ..." / "... that ..."
          } else if (j < end && d.punct(j, ',') && j + 1 < end && d.has(j + 1, kComp)) {
            st.b = j + 1;
          } else if (j < end && d.punct(j, ',') && j + 1 < end && !d.toks[j + 1].quoted &&
                     (konj1 || konj2 || zu_infinitive(d, j + 1, end))) {
            st.b = j + 1;  // "schrieb auf Twitter, eine Partnerschaft ... sei ...", "forderte, ... zu senken"
          } else if (!inverted && st.cand && k < end && d.word(k) && !d.lex(k).verb_second() &&
                     !d.toks[k].quoted && !d.has(k, kPrep)) {
            st.b = k;  // English "X said the plan ..."
          } else if (i > first && d.punct(i - 1, ',') && st.cand && !d.toks[first].quoted &&
                     !d.toks[i - 2 >= first ? i - 2 : first].quoted &&
                     (ends_clause(d, st.cand.e, end) || inverted ||
                      (st.cand.b < i && !d.lex(i).verb_second()))) {
            st.b = first;  // "..., sagte Merkel." / "..., Merkel said."
            st.e = i - 1;
            if (st.cand.b < i) st.e = st.cand.b - 1;
            if (st.e <= st.b) continue;
            s.stmts.push_back(st);
            continue;
          } else if (d.lex(i).verb_second() && (konj1 || konj2) && konj_after(d, k, end)) {
            st.b = k;  // "berichtet von einem Ventil, das ... bewogen hätte"
          } else {
            continue;
          }
          st.e = end;
        }
      }
      if (st.e <= st.b) continue;
      s.stmts.push_back(st);
    }
    // A later cue's clause ends the earlier one ("..., dass A habe, und auch B ist der Auffassung, dass
    // ...").
    for (std::size_t k = before; k + 1 < s.stmts.size(); ++k) {
      Stmt& a = s.stmts[k];
      const Stmt& b = s.stmts[k + 1];
      const int next = b.cand ? std::min(b.cand.b, b.cue_b) : b.cue_b;
      if (a.b < next && next < a.e) {
        a.e = next;
        while (a.e > a.b + 1 && (d.toks[a.e - 1].kind == TokKind::Punct || d.has(a.e - 1, kConj | kParticle)))
          --a.e;
      }
    }
    const bool continues = si - last_reported_sentence <= 3;
    if (s.stmts.size() == before && !first_person && (konj1 || (konj2 && continues))) {
      // Konjunktiv without a cue: the sentence continues reported speech ("Er habe ...").
      Stmt st;
      st.kind = Kind::Indirect;
      st.b = first;
      st.e = end;
      int k = first;
      while (k < end && (d.has(k, kConj | kParticle) || (d.word(k) && !d.toks[k].cap && !d.has(k, kPronoun))))
        ++k;
      // The subject right after a fronted clause or adverbial: "Er habe", "Dabei habe er".
      if (k < end && d.has(k, kPronoun)) st.cand = {k, k + 1, Candidate::Pronoun};
      for (int j = first; !st.cand && j + 1 < end && j < first + 4; ++j)
        if (d.has(j, kKonj1 | kKonj2) && d.has(j + 1, kPronoun)) st.cand = {j + 1, j + 2, Candidate::Pronoun};
      // "Vertreter der Organisationen erwarten keine Entscheidung, weil ... hätten": the
      // Konjunktiv is in a subordinate clause, the sentence's subject holds the view.
      if (!st.cand)
        if (const Candidate np = d.sentence_subject(first, end);
            np && np.type != Candidate::Pronoun && np.e < end && !d.has(np.e, kKonj1 | kKonj2)) {
          bool subordinate = false;
          for (int j = np.e + 1; j < end && !subordinate; ++j)
            subordinate = d.has(j, kKonj1 | kKonj2) && !d.toks[j].quoted && d.clause_start(j, np.e) > np.e;
          if (subordinate) st.cand = np;
        }
      // Without a subject of its own it carries on the latest speaker's words, if
      // there was one just before; else the speaker stays unknown rather than guessed.
      st.carry = !st.cand;
      // "..., doch der russische Präsident habe ...": a second speaker in a clause of its own.
      for (int j = first + 2; j + 2 < end; ++j) {
        if (!d.punct(j, ',') || !d.has(j + 1, kConj) || d.toks[j + 1].quoted) continue;
        const Candidate np = d.right_np(j + 2, end);
        if (!np || np.type == Candidate::Pronoun || np.e >= end || !d.has(np.e, kKonj1 | kKonj2)) continue;
        Stmt second = st;
        second.b = j + 2;
        second.cand = np;
        second.carry = false;
        st.e = j;
        s.stmts.push_back(st);
        st = second;
      }
      s.stmts.push_back(st);
    }
    if (s.stmts.size() > before) last_reported_sentence = si;
  }
}

// Quotation marks become direct quotes (a speech act near them, a colon before,
// a whole sentence) or partial ones (a fragment inside reported speech); scare
// quotes, titles and names stay unmarked.
void Engine::Impl::classify_marked(Scratch& s) const {
  Doc& d = s.doc;
  const std::size_t reported = s.stmts.size();
  for (const MarkPair& p : s.pairs) {
    const int close = p.close >= 0 ? p.close : p.repair_end;
    const int after = p.close >= 0 ? p.close + 1 : p.repair_end;
    int words = 0, lower = 0;
    bool final_punct = false;
    for (int k = p.open + 1; k < close; ++k) {
      words += d.word(k) ? 1 : 0;
      lower += d.word(k) && !d.toks[k].cap && !d.has(k, kDet | kPrep | kConj) ? 1 : 0;
      final_punct = final_punct || d.sentence_final(k) || d.punct(k, ',');
    }
    if (words == 0) continue;
    // A name or title ("„Reporter ohne Grenzen“", "„Partei der Volksmacht“"): capitalised
    // words and function words only, nothing said.
    const bool title = lower == 0 && !final_punct && words >= 2;
    const int si = d.toks[p.open].sentence;
    const int sfirst = d.sentences[si].first;
    const int slast = d.sentences[d.toks[close - 1 > p.open ? close - 1 : p.open].sentence].second;
    const int para_first = d.paragraphs[d.toks[p.open].paragraph].first;
    Stmt st;
    st.b = p.open;
    st.e = after;
    st.kind = Kind::Direct;
    // Inside a quotation of its own (a quote within a quote): skipped.
    bool nested = false;
    for (const MarkPair& o : s.pairs)
      nested = nested || (o.open < p.open && p.open < (o.close >= 0 ? o.close : o.repair_end));
    if (nested) continue;
    // 1. A cue right after it: "„…“, sagte Merkel." / "“…,” said Caddell." / "„…“, hieß es von Trump."
    int k = after;
    const int last = std::min(static_cast<int>(d.toks.size()), slast + 1);
    if (k < last && d.punct(k, ',')) ++k;
    std::uint32_t type = 0;
    int ce = k < last && d.word(k) ? d.cue_end(k, last, type) : k;
    if (ce > k && type == kCueVerb) {
      st.cue_b = k;
      st.cue_e = ce;
      st.cand = d.right_np(ce, last);
    } else if (Candidate np = d.right_np(k, last); np && np.e < last && d.word(np.e)) {
      ce = d.cue_end(np.e, last, type);
      if (ce > np.e && type == kCueVerb) {
        st.cue_b = np.e;
        st.cue_e = ce;
        st.cand = np;
      }
    }
    // 2. A colon before it: "Reince Priebus: „…“", "sagte dem Sender NBC: „…“".
    const bool colon = p.open > sfirst && d.punct(p.open - 1, ':');
    const bool starts = p.open == sfirst || p.open == para_first || colon ||
                        (p.open > 0 && d.toks[p.open - 1].line_break_after);
    if (st.cue_b < 0) {
      // 3. A cue earlier in the sentence, or the speaker named before the colon.
      // The nearest cue whose speaker is found, else the nearest cue.
      for (int c = p.open - 1; c >= sfirst && !st.cand; --c) {
        if (d.toks[c].quoted || !d.word(c)) continue;
        const int e2 = d.cue_end(c, p.open, type);
        if (e2 > c && (type == kCueVerb || type == kCueSource)) {
          const Candidate cand =
              type == kCueSource ? d.right_np(e2, p.open) : d.subject_of(c, e2, sfirst, p.open);
          if (cand || st.cue_b < 0) {
            st.cue_b = c;
            st.cue_e = e2;
            st.cand = cand;
          }
        }
      }
      if (!st.cand && colon) st.cand = d.left_np(p.open - 1, d.clause_start(p.open - 1, sfirst));
      // "Die Bewohner des Dorfes sehen alles gelassen: „…“": who the sentence is about.
      if (!st.cand && colon && d.lex(p.open).verb_second()) st.cand = d.sentence_subject(sfirst, p.open - 1);
    }
    const bool speech = st.cue_b >= 0 || (colon && st.cand);
    if (title && !colon) continue;
    // Which reported statement it lies in, if any.
    int parent = -1;
    for (std::size_t r = 0; r < reported; ++r)
      if (s.stmts[r].kind == Kind::Indirect && s.stmts[r].b <= p.open && close <= s.stmts[r].e)
        parent = static_cast<int>(r);
    if (parent >= 0 && !starts && !(st.cue_b >= 0 && st.cue_b >= close)) {
      st.kind = Kind::Partial;
      st.cand = {};
      st.cue_b = st.cue_e = -1;
    } else if ((starts && (words >= 3 || final_punct)) || (speech && words >= 3) || words >= 6) {
      st.kind = Kind::Direct;
      if (!st.cand) st.carry = true;
    } else if ((speech || speech_in(d, sfirst, slast)) && !starts) {
      // A quoted fragment of a sentence that reports speech: the speaker of its cue.
      st.kind = Kind::Partial;
      for (int c = after; !st.cand && c < slast; ++c) {
        if (d.toks[c].quoted || !d.word(c)) continue;
        const int e2 = d.cue_end(c, slast, type);
        if (e2 > c && type == kCueVerb) {
          st.cue_b = c;
          st.cue_e = e2;
          st.cand = d.subject_of(c, e2, sfirst, slast);
        }
      }
      // No cue found: the sentence's subject, when it is named before the fragment.
      if (!st.cand)
        if (const Candidate np = d.sentence_subject(sfirst, p.open); np && np.e <= p.open) st.cand = np;
    } else {
      continue;  // a scare quote, a title, a name
    }
    s.stmts.push_back(st);
  }
  // Reported statements that are the frame of a direct quote after a colon or
  // around it are the quote's, not a second statement.
  std::vector<Stmt> kept;
  kept.reserve(s.stmts.size());
  for (std::size_t i = 0; i < s.stmts.size(); ++i) {
    const Stmt& a = s.stmts[i];
    bool covered = false;
    if (a.kind == Kind::Indirect)
      for (std::size_t j = reported; j < s.stmts.size(); ++j)
        if (s.stmts[j].kind == Kind::Direct && s.stmts[j].b <= a.b && a.e <= s.stmts[j].e) covered = true;
    if (!covered) kept.push_back(a);
  }
  s.stmts.swap(kept);
}

// People named in the text: entity mentions (PER) when the entities step ran, else
// names after a role noun ("US-Präsident Donald Trump"), names of several
// capitalised words, account holders, and later mentions of their last names.
void Engine::Impl::find_persons(const Input& in, Scratch& s) const {
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
      const bool role = t0 > 0 && d.word(t0 - 1) && d.lex(t0 - 1).is_role(d.low(t0 - 1));
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
    const bool inside = i > 0 && d.word(i - 1) && d.toks[i - 1].cap &&
                        d.toks[i - 1].sentence == d.toks[i].sentence &&
                        !d.has(i - 1, kDet | kPrep | kConj | kParticle | kComp | kPronoun) &&
                        !d.lex(i - 1).is_role(d.low(i - 1));
    const bool after_role = i > 0 && d.word(i - 1) && d.lex(i - 1).is_role(d.low(i - 1));
    int e = i;
    while (e < n && e < i + 4 && d.word(e) && d.toks[e].cap && !d.lex(e).is_role(d.low(e)) &&
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
// Amtskollegen Wladimir Putin"), else the latest person named before it. Never a
// speaker of the same sentence nor a person inside what its sentence reports:
// "Lawrow pochte darauf, dass Trump ... und auch der russische Regierungschef ...".
const Person* resolve_role(const Doc& d, const Scratch& s, const Candidate& c, int mention,
                           const std::vector<Referent>& refs) {
  const int sentence = d.toks[c.b].sentence;
  auto excluded = [&](const Person& p) {
    for (std::size_t j = 0; j < s.stmts.size(); ++j) {
      const Stmt& o = s.stmts[j];
      if (d.toks[o.b].sentence != sentence && d.toks[o.e - 1].sentence != sentence) continue;
      if (p.tok >= o.b && p.tok < o.e) return true;
      if (j < refs.size() && refs[j].mention != mention && !refs[j].name.empty() && refs[j].name == p.name)
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

}  // namespace

Result Engine::Impl::resolve(const Input& in, Scratch& s) const {
  const Doc& d = s.doc;
  Result r;
  std::sort(s.stmts.begin(), s.stmts.end(), [](const Stmt& a, const Stmt& b) { return a.b < b.b; });
  auto speaker_index = [&](int b, int e, const char* kind) {
    const std::uint32_t sb = d.toks[b].begin, se = d.toks[e - 1].end;
    for (std::size_t k = 0; k < r.speakers.size(); ++k)
      if (r.speakers[k].begin == sb && r.speakers[k].end == se) return static_cast<int>(k);
    r.speakers.push_back({sb, se, kind});
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
  std::vector<Referent> refs;  // the speaker of each statement, in order
  int last = -1;               // the latest statement with a speaker
  for (std::size_t i = 0; i < s.stmts.size(); ++i) {
    const Stmt& st = s.stmts[i];
    const Referent* prev = last >= 0 ? &refs[last] : nullptr;
    Referent ref;
    const Candidate& c = st.cand;
    if (c) {
      static const char* const kKinds[] = {"", "name", "role", "pronoun", "account"};
      ref.mention = speaker_index(c.b, c.e, kKinds[c.type]);
      ref.tok = c.b;
      const int m = entity_in(c.b, c.e);
      const bool role_alone = c.type == Candidate::Role;  // "der US-Präsident"
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
        const Referent* before = prev && prev->tok >= 0 && prev->tok < c.b ? prev : nullptr;
        if (p && (!before || p->tok > before->tok)) {
          ref.name = p->name;
          ref.entity = p->entity;
        } else if (before) {
          ref.name = before->name;
          ref.entity = before->entity;
        } else {
          ref.name = std::string(d.str(c.b, c.e));
        }
      } else if (role_alone) {
        const Person* p = resolve_role(d, s, c, ref.mention, refs);
        ref.name = p ? p->name : strip_det(c);
        ref.entity = p ? p->entity : -1;
      } else {
        ref.name = strip_det(c);
        for (const Person& q : s.persons)
          if (q.tok >= c.b && q.tok < c.e) ref.name = q.name, ref.entity = q.entity;
      }
    } else if (st.kind == Kind::Partial) {
      // A fragment inside reported speech: the speaker of that statement.
      for (std::size_t j = i; j-- > 0;)
        if (s.stmts[j].kind == Kind::Indirect && s.stmts[j].b <= st.b && st.e <= s.stmts[j].e) {
          ref = refs[j];
          break;
        }
    } else if (st.carry && prev && d.toks[st.b].paragraph - d.toks[prev->tok].paragraph <= 1) {
      ref = *prev;
    }
    refs.push_back(ref);
    if (ref.mention >= 0) last = static_cast<int>(refs.size()) - 1;
    Quote q;
    q.begin = d.toks[st.b].begin;
    q.end = d.toks[st.e - 1].end;
    q.kind = st.kind;
    if (st.cue_b >= 0) q.cue = std::string(d.str(st.cue_b, st.cue_e));
    q.speaker = ref.mention;
    q.speaker_name = ref.name;
    q.entity = ref.entity;
    r.quotes.push_back(std::move(q));
  }
  return r;
}

}  // namespace tagwerk::quotes
