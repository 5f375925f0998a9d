// lexicon.hpp -- the word lists the segment engine consults: abbreviations
// that keep their period ("Dr.", "usw.", "Mr.") and words that typically open
// a sentence ("Die", "The"), loaded from the plugin's data folder.
#ifndef TAGWERK_SEGMENT_LEXICON_HPP
#define TAGWERK_SEGMENT_LEXICON_HPP

#include <string>

#include "word_list.hpp"

namespace tagwerk::segment {

struct Lexicon {
  WordList abbreviations;      // entries end in their period: "Dr.", "z.B."
  WordList sentence_starters;  // "Die", "Am", "The", "He"

  /// Loads abbrev_de.txt, abbrev_en.txt, sentence_starters_de.txt and
  /// sentence_starters_en.txt from `data_dir`. Throws std::runtime_error
  /// naming the missing or unreadable file.
  static Lexicon from_data_dir(const std::string& data_dir);
};

}  // namespace tagwerk::segment

#endif  // TAGWERK_SEGMENT_LEXICON_HPP
