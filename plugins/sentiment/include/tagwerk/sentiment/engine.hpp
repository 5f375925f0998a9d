// The sentiment engine: polarity of documents, sentences, entity clusters and
// named targets from lexicons and rules (negation scope, intensifiers, contrast,
// emphasis, emoji, German inflection and compounds), one language per sentence.
// Independent of the host: plain input structs in, plain records out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tagwerk::sentiment {

/// A token as the segment plugin gives it: byte offsets into the text and its
/// kind (word, num, punct, sym, url, mention, hashtag).
struct Token {
  std::uint32_t begin = 0, end = 0;
  std::string_view kind;
};
/// A sentence and the language to score it in ("de", "en"; anything else is
/// scored with the engine's fallback language).
struct Sentence {
  std::uint32_t begin = 0, end = 0;
  std::string lang;
};
/// An entity mention; `cluster` is the index (in Input::mentions) of the
/// cluster's first mention, which refers to itself.
struct Mention {
  std::uint32_t begin = 0, end = 0;
  std::size_t cluster = 0;
};
/// A quotation; `speaker_cluster` is the cluster (first-mention index) of its
/// speaker when the speaker was resolved to an entity.
struct Quote {
  std::uint32_t begin = 0, end = 0;
  std::optional<std::size_t> speaker_cluster;
};
/// A span the user asks the sentiment towards (byte offsets).
struct TargetSpan {
  std::uint32_t begin = 0, end = 0;
};

/// One document. Views borrow from the caller until analyze() returns.
/// Tokens and sentences are sorted by offset and do not overlap.
struct Input {
  std::string_view text;
  /// The language the record declares ("de"); when the engine has it, it is
  /// the document's main language (its band and learned document model),
  /// else the language of most of the text is.
  std::string_view lang;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Mention> mentions;
  std::vector<Quote> quotes;
  std::vector<TargetSpan> targets;
};

enum class Scope { Document, Sentence, Entity, Target };
const char* to_string(Scope s) noexcept;

/// One output record. Entity records have no extent (begin == end == kNone)
/// and name their cluster in `cluster`; the others are spans of the text.
struct Record {
  static constexpr std::uint32_t kNone = 0xffffffffu;
  Scope scope = Scope::Sentence;
  std::uint32_t begin = kNone, end = kNone;
  double score = 0;            // in [-1, 1]
  const char* label = "";      // "pos", "neg" or "neu" (see Options::neutral_band)
  std::size_t cluster = 0;     // Entity: the cluster's first mention
  std::uint32_t evidence = 0;  // Entity/Target: clauses that carried sentiment
  const char* lang = "";       // Sentence: the language it was scored in
};

struct Options {
  /// A score in [-band, band] is labelled neu (languages may have their own:
  /// LanguageFiles::neutral_band). Sentences and targets take their
  /// language's band; document and entity records the document's main language's.
  double neutral_band = 0.05;
  /// Language for sentences without a known one.
  std::string fallback_lang = "de";
  /// Text inside quotes speaks for its speaker: left out of the document score
  /// and of the speaker's own entity score.
  bool quote_aware = true;
  /// Target terms (matched case-insensitively at the start of a word, so
  /// "Maskenpflicht" finds "Maskenpflichten"); each match is a target record.
  std::vector<std::string> target_terms;
};

/// Where each language's lexicons and rule lists are.
struct LanguageFiles {
  std::string lang;                   // "de", "en"
  std::vector<std::string> lexicons;  // term<TAB>score, -4..4; later files win
  std::string rules;                  // kind<TAB>word[<TAB>weight]
  bool decompound = false;            // German: inflection and compound heads
  std::string target_model;           // learned target classifier; empty: rules only
  std::string document_model;         // learned document classifier; empty: rules only
  double neutral_band = -1;           // this language's band; < 0: Options::neutral_band
  /// The document model's share of the document score: 1, the model alone
  /// (label: its most probable class); below 1, w * (P(pos) - P(neg)) +
  /// (1 - w) * the rules' score, labelled by the neutral band.
  double document_model_weight = 1;
  /// A sentence of more words than this has its sum scaled by
  /// dilution_words / words before it is normalized (sentence and document
  /// records): one mild word in a long factual sentence leaves it neutral,
  /// where the same word in a short one does not. 0: off.
  int dilution_words = 0;
  /// A sentence whose paragraph (sentences no line break separates) carries a
  /// link (a url token) has its sum scaled by this share (sentence and document
  /// records): what sits next to a link is mostly the linked page's title or
  /// an advert, not the writer's verdict. 1: off.
  double link_share = 1;
  /// A capitalized word after a sentence's first (in German, a noun: "Krieg",
  /// "Erfolg") counts with this share in the sums of the sentence and document
  /// records: nouns mostly name what a text is about, not how it judges it.
  /// Targets and entities keep their clauses' words in full. 1: off.
  double noun_share = 1;
};

/// One example's features for the learned layer: name and value.
using Features = std::vector<std::pair<std::string, float>>;

struct Resources;  // the loaded lexicons (private)
struct Scratch;    // per-thread buffers and caches (private)
struct ScratchDeleter {
  void operator()(Scratch* s) const noexcept;
};
using ScratchPtr = std::unique_ptr<Scratch, ScratchDeleter>;

class Engine {
 public:
  /// Loads every file. Throws std::runtime_error naming the file and line on a
  /// missing or malformed file.
  Engine(const std::vector<LanguageFiles>& languages, Options options);
  ~Engine();
  Engine(Engine&&) noexcept;
  Engine& operator=(Engine&&) noexcept;

  /// One per thread; reused across documents.
  static ScratchPtr make_scratch();

  /// Records in this order: the document, every sentence, every entity
  /// cluster (ordered by first mention), every target (user spans, then term
  /// matches, by offset). Thread-safe for distinct scratches.
  std::vector<Record> analyze(const Input& in, Scratch& scratch) const;

  /// The learned layer's features of every target record analyze() would
  /// give, in the same order (for training; tools/sentiment_train).
  std::vector<Features> target_features(const Input& in, Scratch& scratch) const;
  /// The learned layer's features of the document record (for training).
  Features document_features(const Input& in, Scratch& scratch) const;

  /// The score of a text fragment in one language as a single clause chain
  /// (tests and tools; tokens must lie inside `text`).
  double score_tokens(std::string_view text, const std::vector<Token>& tokens, std::string_view lang,
                      Scratch& scratch) const;

  /// Label of a score under Options::neutral_band.
  const char* label_of(double score) const noexcept;
  const Options& options() const noexcept { return options_; }

 private:
  std::vector<Record> run(const Input& in, Scratch& scratch, std::vector<Features>* targets,
                          Features* document) const;
  std::unique_ptr<Resources> res_;
  Options options_;
};

/// Target spans from a metadata string: integers taken pairwise in order as
/// code point offsets [begin, end), so "57-70;80-90" and the JSON text
/// `[{"begin":57,"end":70}]` both work; converted to byte offsets of `text`.
/// Pairs off the text or with end <= begin are dropped.
std::vector<TargetSpan> parse_target_spans(std::string_view spec, std::string_view text);

}  // namespace tagwerk::sentiment
