// lexicon.hpp -- the word lists of one language (cues, Konjunktiv forms, the
// speaker finder's words), loaded from the plugin's data files and looked up by
// lower-case word.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tagwerk::quotes {

/// What a word may be; a word may be several things at once (bit set).
enum Flag : std::uint32_t {
  kCueVerb = 1u << 0,      // first word of a verb cue (single-word cues: the whole cue)
  kCueSource = 1u << 1,    // first word of a cue the speaker follows ("laut")
  kCueAfter = 1u << 2,     // a cue the speaker precedes ("zufolge")
  kCueSo = 1u << 3,        // ", so X"
  kCueAnaphor = 1u << 19,  // the speaker was named before: "Demnach ...", "ein Bericht, wonach ..."
  kKonj1 = 1u << 4,        // Konjunktiv I
  kKonj2 = 1u << 5,        // Konjunktiv II substitute
  kPronoun = 1u << 6,
  kImpersonal = 1u << 7,
  kDet = 1u << 8,
  kPrep = 1u << 9,
  kParticle = 1u << 10,
  kComp = 1u << 11,
  kRel = 1u << 12,
  kConj = 1u << 13,
  kRole = 1u << 14,
  kAux = 1u << 16,      // an auxiliary verb ("hat", "ist", "wurde")
  kReport = 1u << 17,   // a noun naming a report or view ("Angaben", "Meinung", "Erklärung")
  kInfix = 1u << 20,    // a particle inside a name ("van", "al")
  kPassive = 1u << 21,  // a passive auxiliary ("wurde", "worden")
  kAgent = 1u << 22,    // the agent's preposition in a passive ("von", "seitens")
  kOblique = 1u << 23,  // a determiner of no nominative ("dem", "des", "einen"): the phrase is no subject
  kDemonstrative = 1u << 24,  // refers back to the sentence before ("Das erklärte X", "Dies berichtet Y")
  kOwn = 1u << 15,            // before a report noun, the report is the subject's: "nach eigenen Angaben"
  kPossessive = 1u << 25,  // before a report noun, whose it is as a pronoun would say: "nach seinen Angaben"
  kIndefinite = 1u << 26,  // opens a phrase that introduces someone new: "a spokeswoman", "ein Sprecher"
  kCueImpersonal = 1u << 27,  // a verb cue only beside the impersonal subject: "es heißt", not "das heißt"
  kConditional = 1u << 28,    // opens a conditional clause: a cue in it reports nothing ("If confirmed, ...")
  kView = 1u << 29,           // a report noun naming a point of view: a source only with its owner ("Sicht")
  kCueQuoting = 1u << 31,     // a verb cue of quoting someone: the quoted one speaks, not the medium
  kGenitive = 1u << 30,       // a determiner that may open a genitive after a noun ("der", "des", "beider")
  kGrammar = 1u << 18,        // a property of the language ("verb-second"), not a word
};

/// A cue of several words, matched token by token after its first word.
struct Phrase {
  std::vector<std::string> rest;  // the words after the first
  std::uint32_t type = 0;         // kCueVerb or kCueSource
};

struct WordInfo {
  std::uint32_t flags = 0;      // what the word is, or what a phrase it begins is
  std::uint32_t single = 0;     // the cue types of the word alone
  std::vector<Phrase> phrases;  // longest first
  bool lowercase = false;       // the language writes it in lower case: a capital only opens a sentence
};

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

class Lexicon {
 public:
  /// Reads `<dir>/<lang>.cues`, `.konjunktiv` and `.speakers`, and `.lowercase` when
  /// there is one; appends each path read to `files`. Throws std::runtime_error naming
  /// the file, the line and the fix.
  static Lexicon load(const std::string& dir, const std::string& lang, std::vector<std::string>& files);

  /// The word's entry; nullptr when it is in no list. `lower` is lower case.
  const WordInfo* find(std::string_view lower) const noexcept {
    auto it = words_.find(lower);
    return it == words_.end() ? nullptr : &it->second;
  }
  std::uint32_t flags(std::string_view lower) const noexcept {
    const WordInfo* w = find(lower);
    return w ? w->flags : 0;
  }
  /// A role noun, alone or as the end of a compound ("US-Präsident", "Regierungssprecher").
  bool is_role(std::string_view lower) const noexcept { return ends_with_any(lower, role_suffixes_); }
  /// German word order: the finite verb second, the subject before it or right after it.
  bool verb_second() const noexcept { return verb_second_; }
  /// A noun naming a report or a view, alone or ending a compound ("Behördenangaben").
  bool is_report(std::string_view lower) const noexcept { return ends_with_any(lower, report_suffixes_); }

 private:
  using SuffixBuckets = std::array<std::vector<std::string>, 256>;
  static bool ends_with_any(std::string_view lower, const SuffixBuckets& suffixes) noexcept;
  std::unordered_map<std::string, WordInfo, StringHash, std::equal_to<>> words_;
  // Role and report nouns by their last byte: a word is compared with the few that end like it.
  SuffixBuckets role_suffixes_;
  SuffixBuckets report_suffixes_;
  bool verb_second_ = false;
};

}  // namespace tagwerk::quotes
