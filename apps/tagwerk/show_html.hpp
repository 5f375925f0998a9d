// `tagwerk show --html`: one record as a self-contained HTML page.
#pragma once

#include "show_record.hpp"

#include <string>
#include <string_view>

namespace tagwerk::cli {

/// `s` with & < > " ' replaced by character references, safe in element
/// content and in quoted attribute values.
std::string html_escape(std::string_view s);

/// The page for `record`: the same sections as the text view, CSS inline, no
/// script, no external reference (nothing is fetched when it is opened).
/// Every piece of the record (title, text, names, quotes, messages) is
/// escaped: article text is untrusted. `source` (the input's name) goes into
/// the page's footer.
std::string render_html(const ShowRecord& record, std::string_view source);

}  // namespace tagwerk::cli
