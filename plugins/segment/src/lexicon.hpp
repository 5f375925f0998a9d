// lexicon.hpp -- the word lists the segment engine consults: abbreviations
// that keep their period ("Dr.", "usw.", "Mr.") and words that typically open
// a sentence ("Die", "The"), and each language's function words ("und",
// "the"), loaded from the plugin's data folder.
#ifndef TAGWERK_SEGMENT_LEXICON_HPP
#define TAGWERK_SEGMENT_LEXICON_HPP

#include <string>
#include <vector>

#include "language_detector.hpp"
#include "word_list.hpp"

namespace tagwerk::segment {

struct Lexicon {
  WordList abbreviations;                     // entries end in their period: "Dr.", "z.B."
  WordList sentence_starters;                 // "Die", "Am", "The", "He"
  std::vector<FunctionWords> function_words;  // one list per language, for the language check

  /// The languages with shipped lists, each file named `<list>_<lang>.txt`.
  static constexpr const char* kLanguages[] = {"de", "en"};
  static constexpr const char* kLists[] = {"abbrev", "sentence_starters", "function_words"};

  /// Loads abbrev_*.txt, sentence_starters_*.txt and function_words_*.txt of
  /// each of kLanguages from `data_dir`. Throws std::runtime_error naming the
  /// missing or unreadable file.
  static Lexicon from_data_dir(const std::string& data_dir);
};

}  // namespace tagwerk::segment

#endif  // TAGWERK_SEGMENT_LEXICON_HPP
