// document.hpp -- one document as the quotes engine reads it: tokens with their
// lower-case form, word-list flags, sentence, paragraph and line, and the noun
// phrases around a position that may name a speaker.
#pragma once

#include <tagwerk/quotes/engine.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon.hpp"

namespace tagwerk::quotes {

enum class TokKind : std::uint8_t { Word, Num, Punct, Mention, Url, Other };

struct Tok {
  std::uint32_t begin = 0, end = 0;
  std::uint32_t lower_begin = 0, lower_len = 0;  // into Doc::lower
  std::uint32_t flags = 0;
  int sentence = 0;
  int paragraph = 0;
  TokKind kind = TokKind::Other;
  std::uint8_t lang = 0;           // index into the engine's lexicons
  bool cap = false;                // starts with an upper-case letter
  bool line_break_after = false;   // a line break before the next token
  bool quoted = false;             // inside a quotation (direct or embedded)
  bool named = false;              // inside an entity mention (when the entities step ran)
  char first = 0;                  // the first byte (punctuation tests)
  const WordInfo* info = nullptr;  // its word-list entry (the cues it may open); nullptr when none
};

/// A noun phrase over tokens [b, e) that may name a speaker.
struct Candidate {
  int b = -1, e = -1;
  enum Type { None, Name, Role, Pronoun, Account } type = None;
  explicit operator bool() const { return type != None; }
};

struct Doc {
  std::string_view text;
  std::string lower;  // the lower-case forms of all word tokens, back to back
  std::vector<Tok> toks;
  std::vector<std::pair<int, int>> sentences;   // token ranges [first, last)
  std::vector<std::pair<int, int>> paragraphs;  // token ranges [first, last)
  const std::vector<Lexicon>* lexicons = nullptr;

  std::string_view low(int i) const { return {lower.data() + toks[i].lower_begin, toks[i].lower_len}; }
  std::string_view str(int b, int e) const {
    return text.substr(toks[b].begin, toks[e - 1].end - toks[b].begin);
  }
  const Lexicon& lex(int i) const { return (*lexicons)[toks[i].lang]; }
  bool word(int i) const { return toks[i].kind == TokKind::Word; }
  bool has(int i, std::uint32_t flag) const { return (toks[i].flags & flag) != 0; }
  bool punct(int i, char c) const {
    return toks[i].kind == TokKind::Punct && toks[i].first == c && toks[i].end - toks[i].begin == 1;
  }
  /// A punctuation token that ends a clause: , ; : ( ) – - and quotation marks.
  bool clause_break(int i) const;
  bool sentence_final(int i) const { return punct(i, '.') || punct(i, '!') || punct(i, '?'); }

  /// Fills the document from the input (tokens, sentences, paragraphs, lower-case forms, flags).
  void build(const Input& in, const std::vector<Lexicon>& lexicons, const std::vector<std::string>& langs);

  /// An adverb known by its ending ("boldly", "fälschlicherweise"), in no word list.
  bool adverb(int i) const;
  /// A German pronominal adverb, "da(r)" or "hier" and a preposition ("Dazu",
  /// "Darauf", "Hierzu"): it stands for a thing, never for a speaker.
  bool pronominal_adverb(int i) const;
  /// A capitalised word the language writes in lower case ("Zwar", "Dort", "Sollte"): its
  /// capital only opens the sentence, so alone it names no one. Only as the sentence's first
  /// word ("betonte Weil" is a name), not in an entity mention ("Lange schätzt" of Mika
  /// Lange), and not a determiner, pronoun, role or report noun:
  /// those open or are phrases that may name someone ("Die „Zeit“").
  bool sentence_capital(int i) const;
  /// A lower-case word inside an English noun phrase, before a role or a name.
  bool modifier(int i, int limit) const;
  /// The determiner at `det` opens a genitive after a noun ("Sprecher der Polizei").
  bool genitive_after(int det, int limit) const;
  /// Tokens [b, e) are a noun phrase and nothing else (no verb, no clause break).
  bool np_only(int b, int e) const;
  /// Adjectives then capitalised words from b on, without a determiner ("deutscher Seite").
  Candidate after_adjectives(int b, int limit) const;
  /// Tokens [b, e) name a role and no one by name ("der US-Präsident", "a source").
  bool only_roles(int b, int e) const;
  /// The start of the clause holding token i, not before token `limit`.
  int clause_start(int i, int limit) const;
  /// The phrase naming a speaker that ends just before token `end` (particles such
  /// as "etwa" skipped, prepositional phrases stepped over), not before `limit`.
  Candidate left_np(int end, int limit) const;
  /// Tokens [limit, b) are only conjunctions and particles ("Und", "Auch"): b opens the clause.
  bool opens_clause(int limit, int b) const;
  /// In a German clause that ends with the cue [c, ce) and opens at `start` with a subordinating
  /// word ("indem", "dass", "in denen"), the pronoun after that word: the subject ("indem er
  /// seinem Arbeitgeber vorwarf"); none else.
  Candidate verb_final_pronoun(int start, int c, int ce, int last) const;
  /// The phrase naming a speaker that starts at token `begin`, before `limit`.
  Candidate right_np(int begin, int limit) const;
  /// The phrase itself, or none when a determiner of no nominative opens it ("des", "den").
  Candidate nominative(const Candidate& np) const;
  /// The subject of the cue over tokens [c, ce): before it in its clause (relative
  /// clauses skipped), else after it (inverted: "sagte Merkel").
  Candidate subject_of(int c, int ce, int sentence_first, int sentence_last) const;
  /// Whether the English cue at token `c` is a passive: right after was, were or been (an
  /// adverb such as "also" between them) in its clause from `start`, and not in -ing.
  bool english_passive(int c, int start) const;
  /// The noun phrase of a prepositional phrase the sentence opens with ("In einer
  /// Presseerklärung"), when it names a report (a report noun in it), ends before the
  /// cue at `c` and no agent ("von X") stands in the cue's clause from `start`; none else.
  Candidate fronted_report(int first, int c, int start) const;
  /// The phrase a sentence opens with (after "Und", "Auch"), when it may be the
  /// subject: not a prepositional phrase or a subordinate clause.
  Candidate sentence_subject(int first, int limit) const;
  /// After a fronted phrase from `head` on, the phrase right after the first verb: the
  /// subject in German word order ("In seiner Rede sagte der Minister").
  Candidate after_first_verb(int head, int limit) const;
  /// The noun phrase that ends at the comma before a relative clause, inside a
  /// prepositional phrase too ("vom Fahrgastverband IGEB, der ...").
  Candidate antecedent(int comma, int first) const;
  /// A short name in quotation marks opening at token `open` ("„Welt“"), marks included.
  Candidate quoted_name_at(int open, int limit) const;
  /// A subject ending in a name in quotation marks just before token c ("Die
  /// Wochenzeitung „Die Zeit“ meldet", "dem „Figaro“ zufolge"); none when there is no such phrase.
  Candidate quoted_name_before(int c, int first) const;
  /// The end (exclusive) of the cue starting at token i; i itself when there is none.
  /// `type` is kCueVerb, kCueSource, kCueAfter or kCueSo.
  int cue_end(int i, int last, std::uint32_t& type) const;
};

}  // namespace tagwerk::quotes
