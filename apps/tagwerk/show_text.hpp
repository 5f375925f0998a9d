// `tagwerk show` for a terminal or a pipe: one record as wrapped, readable text.
#pragma once

#include "show_record.hpp"

#include <cstddef>
#include <ostream>

namespace tagwerk::cli {

struct TextStyle {
  /// ANSI colours and bold headings; otherwise entities are marked [text|LABEL].
  bool color = false;
  /// Lines are wrapped to this many columns (code points); at least 20 is used.
  std::size_t width = 80;
};

/// Writes `record` to `out`: header, paragraphs with their entities marked,
/// then entities by cluster, quotes, timexes, sentence sentiment, errors and
/// warnings, each section only when the record has something for it.
void render_text(const ShowRecord& record, const TextStyle& style, std::ostream& out);

}  // namespace tagwerk::cli
