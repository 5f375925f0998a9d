// tagwerk/quotes/engine.hpp -- the quotes engine without the host: finds direct,
// partial, indirect and embedded statements in a segmented document and who made
// them. Plain inputs (UTF-8 text, the segment plugin's tokens, sentences and
// paragraphs, optionally entity mentions, all as byte ranges), plain outputs.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tagwerk::quotes {

/// A token of the segment plugin: a byte range and its kind, the `token` layer's
/// label ("word", "num", "punct", "sym", "url", "mention", "hashtag").
struct TokenSpan {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string_view kind;  // borrowed for the call
};

/// A sentence or paragraph with its language ("de", "en"; empty = the document's).
struct TextRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string_view lang;  // borrowed for the call
};

/// An entity mention of the entities plugin. `cluster` is the index (in
/// Input::entities) of the cluster's first mention; `name` its canonical name.
struct Mention {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string_view label;  // PER, LOC, ORG, MISC
  std::uint32_t cluster = 0;
  std::string_view name;
};

struct Input {
  std::string_view text;              // UTF-8; borrowed for the call
  std::string_view lang;              // for ranges without one; empty = the first language loaded
  std::vector<TokenSpan> tokens;      // in text order, non-overlapping
  std::vector<TextRange> sentences;   // in order, non-overlapping; empty = one over the text
  std::vector<TextRange> paragraphs;  // in order; empty = one over the text
  std::vector<Mention> entities;      // optional, in text order
};

enum class Kind { Direct, Partial, Indirect, Embedded };
const char* to_string(Kind k);

/// Where a speaker is mentioned: a span of the text, the kind of mention, and
/// the entity cluster it resolves to.
struct SpeakerMention {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string kind;  // "name", "role", "pronoun", "account" (a tweet's author)
};

/// A statement. Offsets are UTF-8 byte offsets; direct, partial and embedded
/// quotes include their quotation marks.
struct Quote {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  Kind kind = Kind::Direct;
  std::string cue;           // the cue's text ("sagte", "hieß es von", "laut"); empty when none
  int speaker = -1;          // index into Result::speakers; -1 = no speaker found
  std::string speaker_name;  // the cluster's canonical name, or the name the mention refers to, or its text
  int entity = -1;           // index into Input::entities of the speaker's cluster; -1 = unresolved
};

struct Result {
  std::vector<Quote> quotes;             // in text order
  std::vector<SpeakerMention> speakers;  // in the order first referred to; shared by quotes
};

/// Per-thread buffers; reuse one per thread to avoid allocations.
struct Scratch;
struct ScratchDeleter {
  void operator()(Scratch* s) const noexcept;
};
using ScratchPtr = std::unique_ptr<Scratch, ScratchDeleter>;

class Engine {
 public:
  /// Loads `<data_dir>/<lang>.cues`, `<lang>.konjunktiv` and `<lang>.speakers`
  /// for each language. Throws std::runtime_error naming the file and line of a
  /// missing file or a bad line, and what to write instead.
  Engine(const std::string& data_dir, const std::vector<std::string>& languages);
  ~Engine();
  Engine(Engine&&) noexcept;
  Engine& operator=(Engine&&) noexcept;

  /// Analyzes one document. Thread-safe: the engine is read-only; each thread
  /// passes its own scratch. Does not throw on any text.
  Result analyze(const Input& input, Scratch& scratch) const;
  Result analyze(const Input& input) const;

  static ScratchPtr make_scratch();

  /// The data files the engine read (for the run's manifest).
  const std::vector<std::string>& files() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tagwerk::quotes
