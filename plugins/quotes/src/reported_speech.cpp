// Reported speech: cues with their clauses, sources, and Konjunktiv sentences
// that continue a speaker's words.
#include <algorithm>

#include "statements.hpp"

namespace tagwerk::quotes {

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

// After a prepositional phrase from token k on ("after the convention"), where the
// reported clause starts: at a pronoun, "that" or a capitalised subject; k when none.
int clause_after_phrase(const Doc& d, int k, int end) {
  for (int j = k + 1; j < end && j <= k + 6 && !d.clause_break(j); ++j)
    if (d.word(j) && (d.has(j, kPronoun | kComp) ||
                      (d.toks[j].cap && j > k + 1 && !d.toks[j - 1].cap && !d.has(j - 1, kDet))))
      return j;
  return k;
}

// An English passive cue at token c whose object is a clause of its own ("staff were told the job
// losses were necessary", not "were denied two tries"): an auxiliary right after its subject. Its
// speaker is unknown, the statement is not (unless it is inside another's: "X said staff were
// told ..." is X's).
bool passive_clause(const Doc& d, int c, int start, int k, int end) {
  if (d.lex(c).verb_second() || !d.english_passive(c, start)) return false;
  // The clause's subject, then its auxiliary: within four words ("the job losses were", "he had");
  // a conjunction opens another clause ("were called but the attacker had").
  for (int j = k; j < end && j < k + 4 && !d.clause_break(j); ++j) {
    if (d.word(j) && d.has(j, kConj | kRel)) break;
    if (d.word(j) && !d.toks[j].quoted && d.has(j, kAux | kPassive)) return true;
  }
  return false;
}

// Nothing but a verb particle or two between token k and the sentence's end ("..., teilte X mit.").
bool ends_clause(const Doc& d, int k, int end) {
  int n = 0;
  for (; k < end; ++k, ++n)
    if (!d.word(k) || d.toks[k].cap || n >= 2) return false;
  return true;
}

// "X ... . Das erklärte Y.": the sentence before sentence si becomes Y's statement (cue
// [c, ce)) when it reports nothing yet and quotes nothing; a cue-less one it continues
// gets Y as its speaker. False when it is no such sentence.
bool said_before(Scratch& s, int si, const Candidate& who, int c, int ce) {
  const Doc& d = s.doc;
  const auto [first, last] = d.sentences[si - 1];
  if (d.toks[first].paragraph + 1 < d.toks[c].paragraph) return false;
  int end = last;
  while (end > first && d.toks[end - 1].kind == TokKind::Punct) --end;
  if (end - first < 3) return false;
  bool own = false;
  for (Stmt& o : s.stmts)
    if (o.b >= first && o.b < last) {
      if (!o.carry) return false;
      o.cand = who, o.carry = false, own = true;
    }
  if (own) return true;
  for (int k = first; k < end; ++k)
    if (d.toks[k].quoted) return false;
  Stmt st;
  st.kind = Kind::Indirect;
  st.b = first;
  st.e = end;
  st.cue_b = c;
  st.cue_e = ce;
  st.cand = who;
  s.stmts.push_back(st);
  return true;
}

}  // namespace

bool speech_in(const Doc& d, int first, int last) {
  for (int k = first; k < last; ++k) {
    if (d.toks[k].quoted || !d.word(k)) continue;
    std::uint32_t type = 0;
    if (d.has(k, kKonj1) || d.cue_end(k, last, type) > k) return true;
  }
  return false;
}

// Reported speech, sentence by sentence: a cue with its clause ("sagte, dass ...",
// "laut X", "X zufolge", ", so X"), "Wie X sagte, habe ...", and Konjunktiv I
// clauses that continue a speaker's words.
void find_reported(Scratch& s) {
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
      if (ce == i && d.has(i, kPrep) && d.has(i, kCueSource)) {
        // "nach Angaben der Polizei", "nach Meinung des Politikers", "aus Sicht der Organisationen".
        for (int k = i + 1; k < end && k <= i + 3 && !report; ++k)
          if (d.word(k) && d.toks[k].cap && d.has(k, kReport)) {
            const Candidate of = d.right_np(k + 1, end);
            // Whose report: a genitive after it ("Angaben der Polizei") or "von" and a name
            // ("Recherchen von NDR und WDR"), not the reported clause's subject ("nach dessen
            // Angaben die Bombe enthalten sollte").
            const Candidate by = k + 2 < end && d.low(k + 1) == "von" ? d.right_np(k + 2, end) : Candidate{};
            const int e = of && d.genitive_after(k + 1, first) ? of.e
                          : by && d.toks[k + 2].cap            ? by.e
                                                               : k + 1;
            // A point of view is a source only with whose it is: after it (above), or before it
            // as a possessive, "eigen" or a name ("aus Trumps Sicht"); "aus epidemiologischer
            // Sicht", "aus dieser Sicht" report nobody's words.
            bool owned = e > k + 1;
            for (int w = i + 1; w < k && !owned; ++w)
              owned = d.has(w, kPossessive | kOwn) || (d.toks[w].cap && !d.has(w, kDet));
            if (d.has(k, kView) && !owned) break;
            report = {k, e, Candidate::Name};
          }
        if (report) {
          ce = i + 1;
          type = kCueSource;
        } else if (i > first && d.word(i - 1) && d.toks[i - 1].cap && d.has(i - 1, kReport)) {
          // "ihrer Meinung nach", "dem Vernehmen nach": the report noun before the postposition.
          ce = i + 1;
          type = kCueAfter;
        }
      }
      if (ce == i) continue;
      Stmt st;
      st.kind = Kind::Indirect;
      st.cue_b = i;
      st.cue_e = ce;
      const int cstart = d.clause_start(i, first);
      // A source inside what an earlier cue of the sentence reports belongs to that
      // statement ("sagte, nach neuesten Erkenntnissen habe ...").
      bool inside = false;
      for (std::size_t k = before; k < s.stmts.size() && !inside; ++k)
        inside = s.stmts[k].b <= i && i < s.stmts[k].e;
      if (inside && type == kCueSource) continue;
      if (type == kCueSource) {  // "laut X, ...", "..., according to X"
        st.cand = report ? report : d.right_np(ce, end);
        // "laut „Welt“", "laut bildblog.de", "laut ai-Bericht": whatever names the source.
        if (!st.cand && ce < end) st.cand = d.quoted_name_at(ce, end);
        if (!st.cand && ce < end && d.word(ce) &&
            !d.has(ce, kDet | kPrep | kPronoun | kImpersonal | kConj | kParticle))
          st.cand = {ce, ce + 1, Candidate::Name};
        if (!st.cand && ce - 1 > i && d.has(ce - 1, kReport)) {
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
        if (!st.cand) st.cand = d.quoted_name_before(i, cstart);  // "dem „Figaro“ zufolge"
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
        // "If confirmed, that would be ...", "Wenn er sagt, dass ..., irrt er": a conditional
        // clause says what would follow from a statement, and makes none.
        bool conditional = false;
        for (int k = cstart; k < i && !conditional; ++k) conditional = d.word(k) && d.has(k, kConditional);
        if (conditional) continue;
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
          } else if (!inverted && (st.cand || (!inside && passive_clause(d, i, cstart, k, end))) && k < end &&
                     d.word(k) && !d.lex(k).verb_second() && !d.toks[k].quoted && !d.has(k, kPrep)) {
            st.b = k;  // English "X said the plan ...", "staff were told the plan ..."
          } else if (!inverted && st.cand && k < end && d.word(k) && !d.lex(k).verb_second() &&
                     d.has(k, kPrep) && clause_after_phrase(d, k, end) > k) {
            st.b = clause_after_phrase(d, k, end);  // "Trump said after the convention he would ..."
          } else if (!inverted && st.cand && !d.lex(i).verb_second() && st.cand.b > first &&
                     d.punct(st.cand.b - 1, ',') && (k >= end || d.punct(k, ',') || d.has(k, kPrep))) {
            st.b = first;  // "..., the agency said in a June report, and ...": the sentence around it
            st.e = end;
            s.stmts.push_back(st);
            continue;
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
          } else if (d.lex(i).verb_second() && cstart > first + 1 && d.punct(cstart - 1, ',') && st.cand &&
                     st.cand.b > cstart && konj_after(d, first, cstart - 1)) {
            st.b = first;  // "Sie wisse, dass ..., hatte Koch-Mehrin damals gesagt."
            st.e = cstart - 1;
            s.stmts.push_back(st);
            continue;
          } else if (d.lex(i).verb_second() && (konj1 || konj2) && konj_after(d, k, end)) {
            st.b = k;  // "berichtet von einem Ventil, das ... bewogen hätte"
          } else {
            // "Das erklärte General X am Montag.": the sentence before is what was said.
            if (i == first + 1 && d.has(first, kDemonstrative) && si > 0)
              if (const Candidate who = d.nominative(d.right_np(ce, end));
                  who && said_before(s, si, who, i, ce))
                continue;
            // No clause of its own ("Der Untersuchungsbericht schildert die Fehlerkette."): its
            // subject is the source the cue-less statements after it go on quoting.
            if (st.cand) s.sources.push_back({i, si, st.cand});
            continue;
          }
          st.e = end;
        }
      }
      if (st.e <= st.b) continue;
      s.stmts.push_back(st);
    }
    // Reported speech ends at a line break: the segmenter joins an introduction
    // ending in a colon to the line after it.
    for (std::size_t k = before; k < s.stmts.size(); ++k)
      for (int j = s.stmts[k].b; j + 1 < s.stmts[k].e; ++j)
        if (d.toks[j].line_break_after && d.punct(j, ':')) {
          s.stmts[k].e = j + 1;
          while (s.stmts[k].e > s.stmts[k].b + 1 && d.toks[s.stmts[k].e - 1].kind == TokKind::Punct)
            --s.stmts[k].e;
          break;
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
          // A clause joined by "und", "doch" is a main clause of its own, no subordinate one ("Seine
          // Frau ist ... operiert worden, und er wolle sie ... begleiten").
          for (int j = np.e + 1; j < end && !subordinate; ++j)
            if (d.has(j, kKonj1 | kKonj2) && !d.toks[j].quoted) {
              const int cs = d.clause_start(j, np.e);
              subordinate = cs > np.e && !d.has(cs, kConj);
            }
          // A Konjunktiv in the subject's own clause is the main verb's: the sentence is what is
          // reported, its subject no speaker ("Eine Reform ... könne ..., da ... könne").
          for (int j = np.e; subordinate && j < end; ++j)
            if (d.has(j, kKonj1 | kKonj2) && !d.toks[j].quoted && d.clause_start(j, np.e) <= np.e)
              subordinate = false;
          // So is the finite verb right before a subject after a fronted phrase ("In vielen Fällen
          // habe die Polizei nicht reagiert, auch wenn es Zeugen gegeben habe").
          if (subordinate && np.b > first && d.has(np.b - 1, kKonj1 | kKonj2)) subordinate = false;
          // So after a relative clause: "Lediglich Personen, die ... hätten, seien ...".
          if (subordinate && d.punct(np.e, ',') && np.e + 1 < end && d.has(np.e + 1, kRel)) {
            // The main verb is the first word after a comma that no phrase opens (the relative
            // clause may hold an apposition: "die die Landesregierung, eine Koalition, verfolge").
            auto verb_after = [&](int c) {
              return d.punct(c, ',') && c + 1 < end && d.word(c + 1) && !d.toks[c + 1].cap &&
                     !d.has(c + 1, kDet | kPrep | kConj | kParticle | kPronoun | kRel);
            };
            int c2 = np.e + 2;
            while (c2 < end && !verb_after(c2)) ++c2;
            if (c2 + 1 < end && d.has(c2 + 1, kKonj1 | kKonj2)) subordinate = false;
          }
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
        // Someone who may speak: a role ("der russische Präsident") or a name without a determiner.
        bool speaker = !d.has(np.b, kDet);
        for (int k = np.b; k < np.e && !speaker; ++k) speaker = d.has(k, kRole);
        if (!speaker) continue;
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

}  // namespace tagwerk::quotes
