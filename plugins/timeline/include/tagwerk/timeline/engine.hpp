// tagwerk/timeline/engine.hpp -- the timeline engine without the host: finds and
// normalizes temporal expressions (TIMEX3), picks the document creation time and
// dates every sentence and quote. Plain inputs (UTF-8 text with the segment plugin's
// tokens and sentences as byte ranges), plain outputs.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tagwerk::timeline {

/// A byte range [begin, end) of the text, with the language of its sentence or
/// paragraph ("de", "en"; empty = the document's language).
struct TextRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string lang;
};

/// A token of the segment plugin: a byte range and its kind, the `token`
/// layer's label ("word", "num", "punct", "sym", "url", "mention", "hashtag").
/// The engine cuts it into the finer pieces its rules match ("09.07.2017" into
/// 09 . 07 . 2017, "US-Präsident" into US - Präsident); a url, mention or
/// hashtag stays whole and matches no rule.
struct TokenSpan {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string_view kind;  // borrowed for the call
};

/// What the chain gives the engine for one document: segment's tokens and
/// sentences (with their `lang`), and optionally the quotes.
struct Input {
  std::string_view text;  // UTF-8; borrowed for the call
  std::string_view dct;   // metadata date ("2017-07-09", "2017-07-09T20:06"); empty = find it in the text
  std::string_view lang;  // document language: for sentences without one; empty = the first language loaded
  std::vector<TokenSpan> tokens;     // in text order, non-overlapping; text outside them is not matched
  std::vector<TextRange> sentences;  // in order, non-overlapping; empty = one range over the whole text
  std::vector<TextRange> quotes;     // optional: quotes to date like sentences
};

/// One temporal expression, TIMEX3 style. Offsets are UTF-8 byte offsets.
struct Timex {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string type;   // DATE, TIME, DURATION, SET
  std::string value;  // "2017-07-07", "P3D", "PRESENT_REF", ...
  std::string mod;    // START, MID, END, APPROX, MORE_THAN, ... or empty
  int rule_line = 0;  // line of the rule in its rules file (for debugging)
  std::string lang;   // rules that found it
};

enum class TimeSource { Timex, Narrative, Dct, None };
const char* to_string(TimeSource s);

/// A dated statement: a sentence or a quote with the time it speaks about.
struct Event {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string time;  // TIMEX3 value; empty when no time is known at all
  int timex = -1;    // index into Result::timexes when source is Timex
  TimeSource source = TimeSource::None;
  bool quote = false;
};

struct Result {
  std::vector<Timex> timexes;
  std::vector<Event> events;                 // sentences first (in order), then quotes (in order)
  std::string dct;                           // the chosen document creation time ("" when none)
  std::string dct_source;                    // "metadata", "text", "text-first-date" or "none"
  std::uint32_t dct_begin = 0, dct_end = 0;  // where in the text (source text*)
  bool narrative = false;                    // relative expressions anchored on the narrative, not the DCT
  std::string earliest, latest;              // over the calendar values of DATE/TIME timexes
  std::vector<std::string> times;            // those values, sorted, unique
};

/// Per-thread buffers; reuse one per thread to avoid allocations.
struct Scratch;
struct ScratchDeleter {
  void operator()(Scratch* s) const noexcept;
};
using ScratchPtr = std::unique_ptr<Scratch, ScratchDeleter>;

class Engine {
 public:
  /// Loads `<data_dir>/<lang>.rules` for each language (e.g. {"de", "en"}).
  /// Throws std::runtime_error naming the file and line of a bad rule.
  Engine(const std::string& data_dir, const std::vector<std::string>& languages);
  ~Engine();
  Engine(Engine&&) noexcept;
  Engine& operator=(Engine&&) noexcept;

  /// Analyzes one document. Thread-safe: the engine is read-only; each thread
  /// passes its own scratch. Does not throw on any text (bad UTF-8 included).
  Result analyze(const Input& input, Scratch& scratch) const;
  Result analyze(const Input& input) const;

  static ScratchPtr make_scratch();

  const std::vector<std::string>& languages() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tagwerk::timeline
