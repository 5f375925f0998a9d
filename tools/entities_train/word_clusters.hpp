// word_clusters.hpp -- word clusters from unlabelled text: segment's tokens,
// fastText skip-gram vectors (Debian's libfasttext), then k-means at several
// granularities on the unit vectors. Deterministic for a seed (one thread).
#ifndef TAGWERK_TOOLS_WORD_CLUSTERS_HPP
#define TAGWERK_TOOLS_WORD_CLUSTERS_HPP

#include <string>
#include <vector>

#include "segmenter.hpp"

namespace tagwerk::tools {

struct ClusterOptions {
  int dim = 100, epochs = 5, min_count = 3;
  std::vector<int> levels = {64, 256, 1024};  // clusters per level, coarse to fine (three)
  int iterations = 12;
  unsigned seed = 1;
  std::string work_dir = ".";  // where the tokenized text is written
};

/// Tokenizes the texts of `inputs` with segment, trains vectors and writes
/// `out`: lines "word<TAB>id0<TAB>id1<TAB>id2", a header comment recording
/// the inputs and settings. Throws std::runtime_error naming the file on I/O
/// errors. Logs progress to stderr.
void make_word_clusters(const std::vector<std::string>& inputs, const segment::Segmenter& seg,
                        const ClusterOptions& options, const std::string& out);

}  // namespace tagwerk::tools

#endif  // TAGWERK_TOOLS_WORD_CLUSTERS_HPP
