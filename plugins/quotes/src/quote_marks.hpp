// quote_marks.hpp -- pairs quotation marks of any style („…“ ‚…‘ »…« «…» "…" “…” '…')
// inside one paragraph, repairing unbalanced ones.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace tagwerk::quotes {

/// What a mark may do. Family: double or single marks; single marks inside a
/// double quotation are nested and ignored.
struct MarkInfo {
  bool is_mark = false;
  bool single = false;
  bool can_open = false;
  bool can_close = false;
  char32_t self = 0;
};

/// The mark at text[begin, end) (one token), given the characters around it.
MarkInfo classify_mark(std::string_view text, std::uint32_t begin, std::uint32_t end);

/// A pair of marks by token index; `close` is -1 when the quotation was not
/// closed in its paragraph (it then ends at `repair_end`, a token index, exclusive).
struct MarkPair {
  int open = 0;
  int close = -1;
  int repair_end = 0;
};

/// Pairs the marks among tokens [first, last) (one paragraph). `marks[i]` is the
/// classification of token first + i; `line_break_after[i]` says a line ends after
/// it. An unclosed quotation ends at the first line break after it, at the
/// paragraph's end, or before an opening mark of its own kind.
void pair_marks(const std::vector<MarkInfo>& marks, const std::vector<bool>& line_break_after, int first,
                std::vector<MarkPair>& out);

}  // namespace tagwerk::quotes
