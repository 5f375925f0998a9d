// training_data.hpp -- reading the gold NER sets ({"id","tokens","tags"} JSON
// Lines) into training sentences on segment's tokens, with each corpus's
// labels mapped to PER / LOC / ORG / MISC (+ deriv / part) or to the other
// names (kOtherNameType, reported as MISC), and reading unlabelled text (any JSON
// Lines with "text" or "tokens", compressed or not).
#ifndef TAGWERK_TOOLS_TRAINING_DATA_HPP
#define TAGWERK_TOOLS_TRAINING_DATA_HPP

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "segmenter.hpp"
#include "trainer.hpp"

namespace tagwerk::tools {

struct TrainingFile {
  std::string format;  // germeval, gum or smartdata
  std::string path;
};

/// "FORMAT:PATH" -> TrainingFile. Throws std::invalid_argument for an unknown format.
TrainingFile parse_training_file(const std::string& spec);

struct LoadStats {
  std::size_t sentences = 0, entities = 0, misaligned = 0;  // gold spans not on segment's token boundaries
};

/// Reads the sentences of `file` whose id is (not) in `ids` (`keep` true: only
/// those in ids; false: all but those), retokenized with segment and with
/// their spans projected onto its tokens. Throws std::runtime_error naming the
/// file and line of a malformed record.
std::vector<entities::TrainingSentence> load_sentences(const TrainingFile& file,
                                                       const segment::Segmenter& seg,
                                                       const std::set<std::string>* ids, bool keep,
                                                       LoadStats& stats);

/// Names with their label counts: "Angela Merkel" -> {PER: 3}.
using NameCounts = std::map<std::string, std::map<std::string, int>>;

/// Counts the plain names of a sentence (no deriv / part), words joined by spaces.
void count_names(const entities::TrainingSentence& s, NameCounts& out);

/// Adds every name with its most frequent label to the gazetteer.
void add_names(const NameCounts& names, entities::Gazetteer& g);

/// Writes names as a gazetteer file (sorted, "LABEL<TAB>name", the most frequent
/// label) after a header of '#' lines; returns their number. Throws naming the file.
std::size_t write_names(const NameCounts& names, const std::string& path, const std::string& header);

/// Reads ids, one per line ('#' comments). Throws naming the file.
std::set<std::string> read_ids(const std::string& path);

/// Calls `f` with the text of every record of the files ("text", else the
/// "tokens" joined by spaces).
void for_each_text(const std::vector<std::string>& paths, const std::function<void(const std::string&)>& f);

}  // namespace tagwerk::tools

#endif  // TAGWERK_TOOLS_TRAINING_DATA_HPP
