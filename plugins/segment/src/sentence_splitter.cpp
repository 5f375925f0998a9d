#include "sentence_splitter.hpp"

namespace tagwerk::segment {

namespace {
bool continues_sentence(std::string_view text, const Token& t) {
  if (t.kind == TokenKind::word) return t.has(kLowerInitial);
  if (t.kind == TokenKind::punct && t.end - t.begin == 1) {
    char c = text[t.begin];
    return c == ',' || c == ';' || c == ':';
  }
  return false;
}
}  // namespace

void SentenceSplitter::split(std::string_view text, const std::vector<Token>& tokens, std::uint32_t first,
                             std::uint32_t last, std::vector<TokenRun>& out) const {
  auto word = [&](const Token& t) { return text.substr(t.begin, t.end - t.begin); };
  std::uint32_t start = first;
  for (std::uint32_t k = first; k < last; ++k) {
    const Token& t = tokens[k];
    bool terminal = t.has(kTerminal);
    bool dotted = t.has(kAbbreviation) || t.has(kOrdinal);
    bool byline = (t.kind == TokenKind::mention || t.kind == TokenKind::hashtag || t.kind == TokenKind::url);
    if (!terminal && !dotted && !byline) continue;

    // Quotes and brackets glued to the end mark belong to this sentence.
    std::uint32_t end = k;
    if (terminal || dotted)
      while (end + 1 < last && tokens[end + 1].has(kClosing) && tokens[end + 1].begin == tokens[end].end)
        ++end;
    if (end + 1 >= last) break;
    const Token& next = tokens[end + 1];

    bool boundary = false;
    if (terminal) {
      boundary = !continues_sentence(text, next);
    } else if (dotted) {
      boundary = next.kind == TokenKind::word && lexicon_->sentence_starters.contains(word(next));
    } else {
      boundary = next.has(kLineBreakBefore);
    }
    if (boundary) {
      out.push_back(TokenRun{start, end + 1 - start});
      start = end + 1;
    }
    k = end;
  }
  if (start < last) out.push_back(TokenRun{start, last - start});
}

}  // namespace tagwerk::segment
