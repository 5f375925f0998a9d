// gazetteer.hpp -- lists of names with their label (places from ICU's display
// names, names a user adds), matched over a sentence's words as tagger features.
#ifndef TAGWERK_ENTITIES_GAZETTEER_HPP
#define TAGWERK_ENTITIES_GAZETTEER_HPP

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "content_id.hpp"

namespace tagwerk::entities {

/// The four labels, in the order of gazetteer bits and of Gazetteer::kLabels.
enum class Label : std::uint8_t { PER = 0, LOC = 1, ORG = 2, MISC = 3 };
inline constexpr std::string_view kLabels[4] = {"PER", "LOC", "ORG", "MISC"};
/// The type of the names a model learns apart from the events it calls MISC
/// (GUM's abstract, object, substance, animal and plant names: "Windows XP",
/// "Star Wars", "English"); the plugin reports them as MISC. No gazetteer
/// entry: the gazetteer's labels are the four.
inline constexpr std::string_view kOtherNameType = "NAME";
/// The label for "PER", "LOC", ...; -1 for anything else.
int label_index(std::string_view label) noexcept;

/// Hashing that lets a map keyed by std::string be asked with a string_view.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

class Gazetteer {
 public:
  /// Adds a name (words separated by spaces, matched case-sensitively).
  /// Returns false for an unknown label or an empty name.
  bool add(std::string_view label, std::string_view name);

  /// Reads a file of lines "LABEL<TAB>name" ('#' starts a comment line, blank
  /// lines are skipped). Throws std::runtime_error naming the file and line of
  /// a malformed entry or the file when it cannot be read.
  void load(const std::string& path);

  /// For the words of one sentence, one byte per word: bit 2*label when a
  /// name of that label starts at the word, bit 2*label+1 when one continues
  /// through it. The longest name starting at a word wins. Thread-safe (const).
  void match(const std::vector<std::string_view>& words, std::vector<std::uint8_t>& codes) const;
  /// The same, given longest_from() of each word (what a caller may have kept).
  void match(const std::vector<std::string_view>& words, const std::vector<std::uint8_t>& longest,
             std::vector<std::uint8_t>& codes) const;
  /// The most words of a name that begins with `word` (at most 255); 0 when none does.
  std::uint8_t longest_from(std::string_view word) const;

  /// The labels (bit per label) of a one-word name; 0 when it is none.
  std::uint8_t labels_of(std::string_view word) const;

  /// Where `word` stands in the names of more than one word: bit `label` when
  /// it ends one of that label ("Bank" of "Deutsche Bank"), bit 4 + `label`
  /// when it begins one; 0 when neither. Learnt from whatever names were added
  /// (the training data's, with the model's names), not a hand-made list.
  std::uint8_t roles_of(std::string_view word) const;
  /// The labels (bit per label) of the names of more than one word that `word` ends / begins.
  std::uint8_t ends_of(std::string_view word) const { return roles_of(word) & 0x0f; }
  std::uint8_t begins_of(std::string_view word) const { return roles_of(word) >> 4; }

  /// Adds every name of `other`.
  void merge(const Gazetteer& other);
  /// Calls f(name, label bits) for every name, in no particular order.
  template <class F>
  void for_each(F&& f) const {
    for (const auto& [name, bits] : names_) f(name, bits);
  }

  std::size_t size() const noexcept { return names_.size(); }
  /// Changes whenever a name is added (see content_id.hpp).
  std::uint64_t content_id() const noexcept { return content_id_; }

 private:
  using Map = std::unordered_map<std::string, std::uint8_t, StringHash, std::equal_to<>>;
  Map names_;    // words joined by ' ' -> label bits
  Map longest_;  // first word -> most words of a name
  Map roles_;    // word -> roles_of() bits
  std::uint64_t content_id_ = new_content_id();
};

}  // namespace tagwerk::entities

#endif  // TAGWERK_ENTITIES_GAZETTEER_HPP
