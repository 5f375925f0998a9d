// Statements in quotation marks: quoted posts, paired marks, and which of them
// are direct or partial quotes.
#include <algorithm>

#include "statements.hpp"

namespace tagwerk::quotes {

// A line "Donald J. Trump @realDonaldTrump" (a name, then the account) opens a
// quoted post: the lines after it, to the paragraph's end.
void find_embedded(Scratch& s) {
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
void find_marked(Scratch& s) {
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

// The quotation is (in) the speaker phrase of a statement found so far ("die „Süddeutsche
// Zeitung“ berichtet, ...", "laut „Welt“", "„…“, schreibt die „Rundschau“"): a name, not
// something said.
bool reported_speaker(const Scratch& s, int open, int close) {
  for (const Stmt& st : s.stmts)
    if (st.cand && st.cand.b <= open && close < st.cand.e) return true;
  return false;
}

// The quotation stands right before a cue as its subject ("„Muslix64“ erwähnte").
bool names_speaker(const Doc& d, int open, int close) {
  const int after = close + 1;
  std::uint32_t type = 0;
  return after < static_cast<int>(d.toks.size()) && d.word(after) &&
         d.toks[after].sentence == d.toks[open].sentence &&
         d.cue_end(after, d.sentences[d.toks[after].sentence].second, type) > after && type == kCueVerb;
}

// The words among tokens [b, e) outside quotations.
int words_before(const Doc& d, int b, int e) {
  int n = 0;
  for (int k = b; k < e; ++k) n += d.word(k) && !d.toks[k].quoted ? 1 : 0;
  return n;
}

// A passive auxiliary and then an agent ("wird vom Wetterdienst") among tokens [first, end).
bool passive_before(const Doc& d, int first, int end) {
  bool passive = false;
  for (int k = first; k < end; ++k) {
    if (!d.word(k)) continue;
    if (d.has(k, kPassive)) passive = true;
    if (passive && d.has(k, kAgent)) return true;
  }
  return false;
}

}  // namespace

// Quotation marks become direct quotes (a speech act near them, a colon before,
// a whole sentence) or partial ones (a fragment inside reported speech); scare
// quotes, titles and names stay unmarked.
void classify_marked(Scratch& s) {
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
    // A name or title: capitalised words and function words only, after a noun naming
    // what it is ("die Organisation „Reporter ohne Grenzen“", "der Film „Das Boot“"), or in a
    // sentence that reports no speech. After a bare determiner only when it names a speaker
    // ("die „Süddeutsche Zeitung“ berichtet") or nothing is said: German nouns are capitalised,
    // so "nannte dies einen „Militärputsch“" quotes a word. After "als" or a verb it is a
    // quoted phrase ("bezeichnete sie als „Meilensteine der Musikgeschichte“"). A statement's
    // speaker phrase is a name wherever it stands ("laut „Welt“", "schreibt die „Rundschau“").
    const bool named =
        p.open > 0 && d.word(p.open - 1) && d.toks[p.open - 1].cap && !d.has(p.open - 1, kDet | kPrep);
    const bool after_det = p.open > 0 && d.word(p.open - 1) && d.has(p.open - 1, kDet);
    const bool no_speech = !speech_in(d, d.sentences[d.toks[p.open].sentence].first,
                                      d.sentences[d.toks[p.open].sentence].second);
    const bool title = lower == 0 && !final_punct &&
                       (named || (after_det && (no_speech || names_speaker(d, p.open, close))) ||
                        (words >= 2 && no_speech) || reported_speaker(s, p.open, close));
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
    // To the end of the sentence after the quotation: the segmenter may have begun a new
    // one after its final punctuation ("„… .“ , schrieb „Die Zeit“ in einem Nachruf.",
    // "„… etabliert.“ erklärte die Ministerin.": a lower-case word goes on with the sentence).
    const int n = static_cast<int>(d.toks.size());
    const bool goes_on = after < n && (d.punct(after, ',') || (d.word(after) && !d.toks[after].cap));
    const int last = goes_on ? d.sentences[d.toks[after].sentence].second : std::min(n, slast + 1);
    if (k < last && d.punct(k, ',')) ++k;
    std::uint32_t type = 0;
    int ce = k < last && d.word(k) ? d.cue_end(k, last, type) : k;
    if (ce > k && (type == kCueVerb || type == kCueSo)) {
      st.cue_b = k;
      st.cue_e = ce;
      st.cand = d.right_np(ce, last);
      if (!st.cand) st.cand = d.quoted_name_at(ce, last);
      // "„…“, zitiert die „Computerwoche“ Lynch": a quoting cue's object is who speaks.
      if (st.cand && d.toks[k].info && (d.toks[k].info->single & kCueQuoting))
        if (const Candidate quoted = d.nominative(d.right_np(st.cand.e, last));
            quoted && quoted.type != Candidate::Pronoun)
          st.cand = quoted;
      // "„…“, so urteilte Romney": a verb of saying after "so", its subject after it.
      std::uint32_t verb = 0;
      if (!st.cand && type == kCueSo && ce < last && d.word(ce))
        if (const int ve = d.cue_end(ce, last, verb); ve > ce && verb == kCueVerb) {
          st.cand = d.right_np(ve, last);
          if (st.cand) st.cue_e = ve;
        }
      // "Seine Werke werden von Musikkennern als „…“ bezeichnet": the passive and its
      // agent are before the quotation, which ends the clause the cue looks in.
      if (!st.cand && passive_before(d, sfirst, p.open))
        st.cand = d.subject_of(p.open, p.open, sfirst, p.open);
      // "„…“, heißt es in einer Erklärung": the source is the phrase after the impersonal cue.
      if (!st.cand && d.has(ce - 1, kImpersonal) && ce < last && d.word(ce) && d.has(ce, kPrep)) {
        st.cand = d.right_np(ce + 1, last);
        if (!st.cand)
          st.cand = d.after_adjectives(ce + 2 < last && d.has(ce + 1, kDet) ? ce + 2 : ce + 1, last);
      }
    } else if (Candidate np = d.right_np(k, last); np && np.e < last) {
      // "“…,” Flynn, a top Trump surrogate, said.": the cue after an apposition.
      int v = np.e;
      if (d.punct(v, ',')) {
        int a = v + 1;
        while (a < last && a < v + 14 && !d.punct(a, ',') && !d.sentence_final(a)) ++a;
        if (a < last && d.punct(a, ',')) v = a + 1;
      }
      ce = v < last && d.word(v) ? d.cue_end(v, last, type) : v;
      if (ce > v && type == kCueVerb) {
        st.cue_b = v;
        st.cue_e = ce;
        st.cand = np;
      }
    }
    const bool cue_after = st.cue_b >= close;
    // 2. A colon before it: "Reince Priebus: „…“", "sagte dem Sender NBC: „…“".
    // An introduction ending in a colon, in this sentence or as the sentence before
    // ("So sagte Olli Rehn:\n„…“"): the cue and speaker are looked for there.
    const bool colon = p.open > 0 && d.punct(p.open - 1, ':') && p.open - 1 >= para_first;
    const int intro = colon && p.open == sfirst ? d.sentences[d.toks[p.open - 1].sentence].first : sfirst;
    const bool starts = p.open == sfirst || p.open == para_first || colon ||
                        (p.open > 0 && d.toks[p.open - 1].line_break_after);
    if (st.cue_b < 0) {
      // 3. A cue earlier in the sentence, or the speaker named before the colon.
      // The nearest cue whose speaker is found, else the nearest cue.
      for (int c = p.open - 1; c >= intro && !st.cand; --c) {
        if (d.toks[c].quoted || !d.word(c)) continue;
        const int e2 = d.cue_end(c, p.open, type);
        if (e2 > c && (type == kCueVerb || type == kCueSource)) {
          const Candidate cand =
              type == kCueSource ? d.right_np(e2, p.open) : d.subject_of(c, e2, intro, p.open);
          if (cand || st.cue_b < 0) {
            st.cue_b = c;
            st.cue_e = e2;
            st.cand = cand;
          }
        }
      }
      if (!st.cand && colon) st.cand = d.left_np(p.open - 1, d.clause_start(p.open - 1, intro));
      if (st.cand) st.cand = d.nominative(st.cand);  // "warb für die Annahme eines Gesetzes mit den Worten:"
      // "Die Bewohner des Dorfes sehen alles gelassen: „…“": who the sentence is about.
      if (!st.cand && colon && d.lex(p.open).verb_second()) st.cand = d.sentence_subject(intro, p.open - 1);
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
    } else if ((starts && (words >= 3 || final_punct)) || (cue_after && words >= 2) ||
               (words >= 3 && final_punct && speech) || (words >= 6 && !speech)) {
      // A whole statement: opening the sentence, closed by its cue ("„…“, sagte X"),
      // a sentence of its own inside the reporter's, or long.
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
      if (!st.cand) st.carry = true;
    } else {
      continue;  // a scare quote, a title, a name
    }
    s.stmts.push_back(st);
  }
  // Reported statements that are the frame of a direct quote after a colon or
  // around it are the quote's, not a second statement.
  // One that runs into a direct quote ends before it.
  std::vector<Stmt> kept;
  kept.reserve(s.stmts.size());
  for (std::size_t i = 0; i < s.stmts.size(); ++i) {
    Stmt a = s.stmts[i];
    bool covered = false;
    if (a.kind == Kind::Indirect)
      for (std::size_t j = reported; j < s.stmts.size(); ++j) {
        const Stmt& q = s.stmts[j];
        if (q.kind != Kind::Direct) continue;
        // The same cue: the quotation is what the cue introduces, unless the reported clause says
        // something of its own before it ("sagte, Afghanistan sei ein „Opfer“ und ..., „dass ...“").
        if ((q.b <= a.b && a.e <= q.e) || (a.cue_b >= 0 && a.cue_b == q.cue_b &&
                                           !(d.lex(a.b).verb_second() && words_before(d, a.b, q.b) >= 3)))
          covered = true;
        if (a.b < q.b && q.b < a.e && a.e < q.e) a.e = q.b;
      }
    if (a.kind == Kind::Indirect)
      while (a.e > a.b + 1 && d.toks[a.e - 1].kind == TokKind::Punct) --a.e;
    if (!covered && a.e > a.b) kept.push_back(a);
  }
  s.stmts.swap(kept);
}

}  // namespace tagwerk::quotes
