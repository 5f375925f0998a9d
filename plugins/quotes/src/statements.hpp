// statements.hpp -- the quotes engine's stages and what they share: the
// statements found so far (token ranges, kind, cue, speaker candidate), the
// people named in the text and the per-thread scratch. Private to the engine.
#pragma once

#include <tagwerk/quotes/engine.hpp>

#include <string>
#include <string_view>
#include <vector>

#include "document.hpp"
#include "quote_marks.hpp"

namespace tagwerk::quotes {

/// Who a speaker mention refers to.
struct Referent {
  std::string name;
  int entity = -1;
  Candidate mention;  // the phrase naming the speaker; becomes a Result::speakers entry when a quote uses it
  int tok = -1;       // where it was mentioned
  bool source = false;  // the subject of a cue without a reported clause (a Source)
};

/// A statement while it is being built: token ranges, not bytes yet.
struct Stmt {
  int b = 0, e = 0;  // tokens [b, e)
  Kind kind = Kind::Direct;
  int cue_b = -1, cue_e = -1;
  Candidate cand;
  bool carry = false;  // no speaker in its sentence: the last statement's speaker carries on
};

/// A cue whose sentence reports no clause ("Der Bericht schildert die Fehlerkette."):
/// its subject is the source that the cue-less statements after it go on quoting.
struct Source {
  int cue = 0;  // the cue's first token
  int sentence = 0;
  Candidate cand;
};

/// A person mentioned by name (or as an entity), for pronouns and role nouns to refer back to.
struct Person {
  int tok = 0;
  std::string name;
  int entity = -1;
  std::string_view key;  // the qualifier of the role before the name ("russ" of "russischen Amtskollegen")
};

struct Scratch {
  Doc doc;
  std::vector<MarkInfo> marks;
  std::vector<bool> breaks;
  std::vector<MarkPair> pairs;
  std::vector<Stmt> stmts;
  std::vector<Source> sources;  // in text order
  std::vector<Person> persons;
  std::vector<int> entity_tok;  // first token of each entity mention
};

// The stages, in the order Engine::analyze runs them over s.doc; each appends to
// or rewrites s.stmts. Not thread-safe on one scratch; pure otherwise.

/// Quoted posts ("Name @account" and the lines after it): quoted_statements.cpp.
void find_embedded(Scratch& s);
/// Pairs the quotation marks of each paragraph into s.pairs: quoted_statements.cpp.
void find_marked(Scratch& s);
/// Reported speech, sentence by sentence: reported_speech.cpp.
void find_reported(Scratch& s);
/// The paired marks as direct or partial quotes, or nothing: quoted_statements.cpp.
void classify_marked(Scratch& s);
/// Whether the sentence over tokens [first, last) holds a cue or a Konjunktiv I
/// outside quotations: reported_speech.cpp.
bool speech_in(const Doc& d, int first, int last);
/// People named in the text (entities when given): speakers.cpp.
void find_persons(const Input& in, Scratch& s);
/// Resolves every statement's speaker in text order and makes the result: speakers.cpp.
Result resolve(const Input& in, Scratch& s);

}  // namespace tagwerk::quotes
