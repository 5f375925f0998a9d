// paragraph_splitter.hpp -- finds the paragraphs of a text: runs of non-blank
// lines, separated by one or more lines that are empty or hold only white
// space (as ICU defines it, so NBSP and U+3000 count).
#ifndef TAGWERK_SEGMENT_PARAGRAPH_SPLITTER_HPP
#define TAGWERK_SEGMENT_PARAGRAPH_SPLITTER_HPP

#include <cstdint>
#include <string_view>
#include <vector>

namespace tagwerk::segment {

/// A byte range [begin, end) of the text.
struct TextRange {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

/// Appends the paragraphs of `text` to `out`, in order. Each range runs from
/// the start of its first non-blank line to the end of its last one (before
/// the line feed); leading and trailing white space inside it is not trimmed.
/// Precondition: text.size() < 4 GiB. Thread-safe.
void split_paragraphs(std::string_view text, std::vector<TextRange>& out);

}  // namespace tagwerk::segment

#endif  // TAGWERK_SEGMENT_PARAGRAPH_SPLITTER_HPP
