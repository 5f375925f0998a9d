#include "lexicon.hpp"

namespace tagwerk::segment {

Lexicon Lexicon::from_data_dir(const std::string& data_dir) {
  Lexicon lexicon;
  const std::string dir = data_dir.empty() ? std::string(".") : data_dir;
  // One list per language, merged: a German paragraph may quote "Mr. Trump" and
  // an English one may cite "Nr. 5", and the lists hardly conflict.
  for (const char* lang : kLanguages) {
    lexicon.abbreviations.load(dir + "/abbrev_" + lang + ".txt");
    lexicon.sentence_starters.load(dir + "/sentence_starters_" + lang + ".txt");
    // Per language, not merged: they tell the languages apart.
    lexicon.function_words.push_back(FunctionWords{lang, {}});
    lexicon.function_words.back().words.load(dir + "/function_words_" + lang + ".txt");
  }
  return lexicon;
}

}  // namespace tagwerk::segment
