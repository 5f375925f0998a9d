// sentence_splitter.hpp -- groups the tokens of one paragraph into sentences.
// A sentence ends at . ! ? … (with the quotes and brackets that close it)
// unless a lowercase word or , ; : follows; after an abbreviation or an
// ordinal only when a typical sentence opener follows; and at a line break
// after an @mention, #hashtag or URL (the byline of an embedded tweet).
#ifndef TAGWERK_SEGMENT_SENTENCE_SPLITTER_HPP
#define TAGWERK_SEGMENT_SENTENCE_SPLITTER_HPP

#include <cstdint>
#include <string_view>
#include <vector>

#include "lexicon.hpp"
#include "token.hpp"

namespace tagwerk::segment {

/// A sentence as a run of tokens: tokens[first_token, first_token + token_count).
struct TokenRun {
  std::uint32_t first_token = 0;
  std::uint32_t token_count = 0;
};

class SentenceSplitter {
 public:
  /// `lexicon` is borrowed and must outlive the splitter.
  explicit SentenceSplitter(const Lexicon& lexicon) noexcept : lexicon_(&lexicon) {}

  /// Appends the sentences of tokens[first, last) -- one paragraph -- to `out`.
  /// Every token lands in exactly one sentence; none crosses `last`.
  /// Precondition: first <= last <= tokens.size(). Thread-safe.
  void split(std::string_view text, const std::vector<Token>& tokens, std::uint32_t first, std::uint32_t last,
             std::vector<TokenRun>& out) const;

 private:
  const Lexicon* lexicon_;
};

}  // namespace tagwerk::segment

#endif  // TAGWERK_SEGMENT_SENTENCE_SPLITTER_HPP
