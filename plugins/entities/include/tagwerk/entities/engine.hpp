// tagwerk/entities/engine.hpp -- named entities (PER, LOC, ORG, MISC) in German
// and English: a linear-chain tagger per language over segment's tokens, a
// document pass that tags the same name consistently, and mention clusters
// with a canonical name. Plain inputs, plain vectors out, so it runs and is
// tested without the tagwerk host.
#ifndef TAGWERK_ENTITIES_ENGINE_HPP
#define TAGWERK_ENTITIES_ENGINE_HPP

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace tagwerk::entities {

/// Token kinds as segment labels them; the tagger reads them as features and
/// the clusterer uses `mention` for social handles.
enum class TokenKind : std::uint8_t { word, num, punct, sym, url, mention, hashtag };

/// The kind for a segment label ("word", "num", ...); `word` for anything else.
TokenKind token_kind(std::string_view label) noexcept;

struct Token {
  std::uint32_t begin = 0, end = 0;  // UTF-8 byte offsets into Input::text
  TokenKind kind = TokenKind::word;
};

/// A sentence: a run of tokens and the language its model is chosen by.
struct Sentence {
  std::uint32_t first_token = 0, token_count = 0;
  std::string lang;  // ISO 639-1; a language without a model is left untagged
};

/// One document. Borrows the text; tokens in text order, sentences in token order.
struct Input {
  std::string_view text;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
};

/// A mention: tokens [first_token, first_token + token_count).
struct Mention {
  std::uint32_t begin = 0, end = 0;  // byte offsets
  std::uint32_t first_token = 0, token_count = 0;
  std::string label;          // PER, LOC, ORG or MISC
  std::string subtype;        // "", "deriv" (russische) or "part" (US-Präsident)
  float score = 0;            // confidence in (0, 1]: the tagger's margin, squashed
  std::uint32_t cluster = 0;  // index into Result::clusters
  bool propagated = false;    // added by the document pass, not by the tagger
};

/// Mentions of one entity within the document.
struct Cluster {
  std::string label;                    // the label most of its mentions carry
  std::string name;                     // canonical name: the fullest proper form
  std::vector<std::uint32_t> mentions;  // indexes into Result::mentions, in text order
};

struct Result {
  std::vector<Mention> mentions;  // in text order, not overlapping
  std::vector<Cluster> clusters;  // ordered by their first mention
  void clear() {
    mentions.clear();
    clusters.clear();
  }
};

struct Options {
  float min_score = 0;        // mentions scored below are dropped
  bool document_pass = true;  // tag every occurrence of a name tagged elsewhere in the document
};

class Model;
class Gazetteer;

/// Per-thread buffers (feature and score arrays) reused from one document to the next.
struct Scratch;
struct ScratchDeleter {
  void operator()(Scratch* s) const noexcept;
};
using ScratchPtr = std::unique_ptr<Scratch, ScratchDeleter>;

class Engine {
 public:
  /// Loads `<lang>.model` and the word lists `titles_<lang>.txt` (words written
  /// before a person's name), `org_nouns_<lang>.txt` (nouns written before an
  /// organisation's name), `determiners_<lang>.txt`, `honorifics_<lang>.txt`
  /// ("Mr", "Sir": a person's name begins with one) and `groups_<lang>.txt`
  /// (nationality and party words, no person: "Tory"), one per line, from
  /// model_dir for every language in `langs`, or the model
  /// files `model_paths` names for a language (taking precedence), and the
  /// gazetteer files (lines "LABEL<TAB>name"; '#' comments), matched with the
  /// names each model carries. Throws
  /// std::runtime_error naming the file and the fix when one is missing or broken.
  Engine(const std::string& model_dir, const std::vector<std::string>& langs,
         const std::map<std::string, std::string>& model_paths, const std::vector<std::string>& gazetteers,
         Options options);
  ~Engine();
  Engine(Engine&&) noexcept;

  static ScratchPtr make_scratch();

  /// Tags the document and clusters its mentions into `out` (cleared first).
  /// Thread-safe: const, per-thread state lives in `scratch`.
  void analyze(const Input& in, Scratch& scratch, Result& out) const;

  /// The languages a model was loaded for.
  std::vector<std::string> languages() const;
  /// Every file read, for the manifest.
  const std::vector<std::string>& files() const noexcept { return files_; }

 private:
  std::map<std::string, std::shared_ptr<const Model>> models_;
  std::map<std::string, std::shared_ptr<const Gazetteer>> gazetteers_;  // per language
  using Words = std::set<std::string, std::less<>>;
  // Reads a word list (one per line, '#' comments; lower-cased when `lower`) into `into`.
  void read_words(const std::string& path, const char* what, bool lower, Words& into);

  Words titles_;       // titles_<lang>.txt: written before a person's name
  Words org_nouns_;    // org_nouns_<lang>.txt, lower case: written before an organisation's name
  Words determiners_;  // determiners_<lang>.txt: a word after one is a common noun
  Words honorifics_;   // honorifics_<lang>.txt: a person mention begins at one
  Words groups_;       // groups_<lang>.txt: nationality and party words, never a person
  Options options_;
  std::vector<std::string> files_;
};

}  // namespace tagwerk::entities

#endif  // TAGWERK_ENTITIES_ENGINE_HPP
