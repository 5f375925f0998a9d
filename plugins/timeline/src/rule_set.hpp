// rule_set.hpp -- one language's temporal rules (a `<lang>.rules` file), parsed
// and compiled once into interned words, lexicons and expanded token patterns
// indexed by their first element. Read-only after construction; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "candidates.hpp"
#include "word_table.hpp"

namespace tagwerk::timeline {

enum class ElemKind : std::uint8_t {
  Literal,   // one of a set of words or punctuation characters
  Lexicon,   // any word of a lexicon; captures its value
  Day,       // 1-2 digits, 1..31
  MonthNum,  // 1-2 digits, 1..12
  Year4,     // 4 digits, 1000..2199
  Year2,     // 2 digits (rules expand them with @y2)
  Hour,      // 1-2 digits, 0..24
  Minute,    // 2 digits, 0..59
  Clock,     // 4 digits, a 24-hour clock time 0000..2400 ("1700 GMT"); captures hhmm
  Int,       // any digits
  Num,       // digits (up to 9) or a number word (`numword` lexicon), "twenty-four"
  Word,      // any word
};

struct Element {
  ElemKind kind = ElemKind::Literal;
  bool glued = false;      // must follow the previous token without whitespace
  bool negated = false;    // zero-width: the token here must NOT match
  bool lookahead = false;  // must match (and may capture) but stays outside the timex span
  bool optional = false;   // only before expansion
  bool capital = false;    // the token must start with an upper-case letter
  bool lower = false;      // the token must not start with an upper-case letter
  std::int16_t capture = -1;
  std::uint32_t lexicon = 0;
  std::vector<std::uint32_t> words;  // Literal: interned word ids
};

/// A piece of a value template: literal text, a capture, or a function call
/// whose arguments are templates themselves.
struct TemplateOp {
  enum class Kind : std::uint8_t { Text, Capture, Call } kind = Kind::Text;
  std::string text;  // Text: the text; Call: the function name
  int capture = -1;
  std::vector<std::vector<TemplateOp>> args;
};

/// A rule's type, for the engine's tests per match (the text is in Rule::type).
enum class RuleType : std::uint8_t { Date, Time, Duration, Set, None };

struct Rule {
  int line = 0;
  std::string type;                // DATE, TIME, DURATION, SET
  RuleType kind = RuleType::Date;  // the same, NONE included (a blocker)
  std::string value_source;
  std::vector<TemplateOp> value;
  std::vector<TemplateOp> mod;    // empty: no mod
  std::string anchor;             // "no" keeps the timex from becoming the narrative reference
  bool anchors = true;            // anchor is not "no"
  bool not_in_narrative = false;  // narrative=no: no timex in a narrative (TIMEX2 leaves "damals" out)
  std::vector<std::string> captures;
};

/// One optional-free expansion of a rule's pattern.
struct Variant {
  std::uint32_t rule = 0;
  std::vector<Element> lookbehind;  // negated elements checked on the token before the match
  std::vector<Element> elements;
  std::vector<Element> before;  // leading context (&x first in a pattern): must precede the match
  // The second element is no negation: the matcher checks it on the next token before trying
  // the whole variant ("am" + weekday, "den" + "nächsten", a day + ".", "the" + a year), when
  // the first takes one token (always but for <NUM> on a tens word: "twenty four").
  bool check_second = false;
  bool num_first = false;  // the first element is <NUM>
  // With check_second: what the second element needs of the next token, tested before it.
  CandidateList::Next second = CandidateList::Next::Any;
  // What the third element needs of the token after the next, when the first two take one
  // token each ("the" + "first" + "quarter" is tried on "the first time" no further), and
  // for a word a bit per (word id mod 64) of the words it accepts: a test before the call.
  CandidateList::Next third = CandidateList::Next::Any;
  std::uint64_t third_words = ~std::uint64_t{0};
  std::uint8_t captures = 0;  // the rule's captures: the matcher clears only these per try
};

struct LexHit {
  std::uint32_t lexicon;
  std::uint32_t value;  // index into RuleSet::values()
};

struct WordInfo {
  /// What the matcher asks first of a word token, in one byte (English's function words start
  /// a quarter of its tokens, and most of them nothing):
  enum Start : std::uint8_t {
    kCandidates = 1 << 0,      // candidates is not empty (the last two bits imply it)
    kTens = 1 << 1,            // a tens number word ("twenty"): <NUM> may take the next word too
    kBeforeOrdinary = 1 << 2,  // candidates.for_next(-1, false) is not empty
    kBeforeNumber = 1 << 3,    // candidates.for_next(-1, true) is not empty
  };
  std::uint8_t start = 0;  // Start bits
  // candidates.next_words(), beside start: a next word whose bit is clear selects the list
  // for an ordinary word or a number, known by kBeforeOrdinary and kBeforeNumber.
  std::uint64_t next_words = 0;
  std::vector<LexHit> lexicons;
  CandidateList candidates;  // variants whose first element can match this word

  bool tens() const noexcept { return (start & kTens) != 0; }
  bool before_ordinary() const noexcept { return (start & kBeforeOrdinary) != 0; }
  bool before_number() const noexcept { return (start & kBeforeNumber) != 0; }
};

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

class RuleSet {
 public:
  /// Parses a rules file; throws std::runtime_error naming file:line and the fix.
  static RuleSet load_file(const std::string& path);
  /// Parses rules text; origin names it in error messages.
  static RuleSet parse(std::string_view text, const std::string& origin);

  const std::string& lang() const noexcept { return lang_; }
  const std::vector<Rule>& rules() const noexcept { return rules_; }
  const std::vector<Variant>& variants() const noexcept { return variants_; }
  const std::vector<std::string>& values() const noexcept { return values_; }
  /// Word id of a folded word, or -1 when no rule or lexicon knows it.
  int word_id(std::string_view folded) const noexcept { return word_table_.find(folded); }
  const WordInfo& word(std::uint32_t id) const { return infos_[id]; }
  /// How many words the rules know: their ids are 0 ... word_count() - 1.
  std::size_t word_count() const noexcept { return infos_.size(); }
  const std::vector<std::uint32_t>& number_candidates() const noexcept { return number_first_; }
  /// The variants whose first element can match a number of `digits` digits (a subset of
  /// number_candidates(), in the same order).
  const CandidateList& number_candidates(std::uint32_t digits) const noexcept {
    return number_first_by_digits_[digits < number_first_by_digits_.size() ? digits : 0];
  }
  const std::vector<std::uint32_t>& any_word_candidates() const noexcept { return any_word_first_; }
  /// Lexicon id by name, or -1.
  int lexicon(std::string_view name) const;
  /// lexicon("numword"), looked up once.
  int numword_lexicon() const noexcept { return numword_; }
  /// Value of word `id` in lexicon `lex`, or nullptr. Inline: the tense scan asks it
  /// several times for every word of a sentence that holds an expression. An id past this
  /// rule set's words (a token of a sentence another language's rules read: the tense scan
  /// looks before a sentence's start) is in no lexicon.
  const std::string* lex_value(int id, int lex) const noexcept {
    if (id < 0 || lex < 0 || static_cast<std::size_t>(id) >= infos_.size()) return nullptr;
    for (const auto& h : infos_[static_cast<std::size_t>(id)].lexicons)
      if (h.lexicon == static_cast<std::uint32_t>(lex)) return &values_[h.value];
    return nullptr;
  }
  /// Whether folded word w ends like a past form: a suffix of the `past_suffix` lexicon
  /// (English "-ed", German "-ete", "-gten") and none of `not_past_suffix` (endings that
  /// look like one but are none: superlatives "-sten", infinitives "-treten"; a whole
  /// word equal to such an ending counts too). One hash lookup on the last three bytes.
  bool past_ending(std::string_view w) const;

 private:
  std::uint32_t intern(const std::string& folded);
  void index_variants();

  std::string lang_;
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> words_;  // while parsing
  WordTable word_table_;  // words_ for lookups, built with the index
  std::vector<WordInfo> infos_;
  std::vector<std::string> lexicon_names_;
  std::vector<std::string> values_;
  std::vector<Rule> rules_;
  std::vector<Variant> variants_;
  std::vector<std::uint32_t> number_first_;
  int numword_ = -1;
  std::vector<CandidateList> number_first_by_digits_;  // [0]: none (or too many digits)
  std::vector<std::uint32_t> any_word_first_;
  struct Ending {
    std::string suffix;
    bool past;
  };
  void add_ending(const std::string& suffix, bool past);
  // Endings by their last three bytes (not-past ones first); two-byte endings apart.
  std::unordered_map<std::string, std::vector<Ending>, StringHash, std::equal_to<>> endings_;
  std::vector<Ending> short_endings_;
  // A filter before the lookup: a bit per (hashed) last three bytes of the endings of three
  // or more bytes; most words ("-chen", "-gen") leave the hash table alone.
  std::vector<std::uint64_t> ending_tails_ = std::vector<std::uint64_t>(1024, 0);
};

}  // namespace tagwerk::timeline
