// word_form.hpp -- the forms of a token the tagger's features are made of:
// the lower-case form, the word shape ("Xx", "XX-Xx", "dd.dd") and case facts,
// computed through tagwerk_text (ICU), never by hand-decoding bytes.
#ifndef TAGWERK_ENTITIES_WORD_FORM_HPP
#define TAGWERK_ENTITIES_WORD_FORM_HPP

#include <string>
#include <string_view>

namespace tagwerk::entities {

struct WordForm {
  std::string lower;        // simple lower-case mapping of every code point
  std::string shape;        // X x d per character class, runs longer than two cut to two
  std::string short_shape;  // runs cut to one: "Xx", "X-Xx", "d.d"
  bool upper_initial = false;
  bool all_upper = false;  // at least two letters, none lower-case
  bool has_digit = false;
  bool has_hyphen = false;  // an inner '-' between letters or digits
  std::size_t length = 0;   // in code points
};

/// Fills `out` for the UTF-8 word `w`. Thread-safe (pure).
void make_word_form(std::string_view w, WordForm& out);

/// The lower-case form alone.
std::string lower_case(std::string_view w);

/// `w` without a German or English genitive ending: "Putins" -> "Putin",
/// "Trump's" -> "Trump", "Russlands" -> "Russland"; `w` itself when it has none.
/// Only a final "s" after at least three letters, "'s" or "’s", or a final
/// apostrophe after "s", "x" or "z" count; with `bare_s` false (English:
/// "Mitsubishi Motors" is no genitive of "Motor") not the bare "s".
std::string_view strip_genitive(std::string_view w, bool bare_s = true) noexcept;

/// `w` without a German "-es" genitive ("Griechenlandes" -> "Griechenland")
/// when it is longer than five bytes and ends so; `w` itself otherwise.
std::string_view strip_genitive_es(std::string_view w) noexcept;

/// The form of `w`'s first code point alone: is the word capitalised, does it
/// start with a digit.
WordForm first_char_form(std::string_view w);

/// The first code point's byte length in `w` (0 for an empty string).
std::size_t first_char_bytes(std::string_view w) noexcept;

}  // namespace tagwerk::entities

#endif  // TAGWERK_ENTITIES_WORD_FORM_HPP
