// One annotated output record of `tagwerk run`, reduced to what `tagwerk show`
// renders: metadata, the text by paragraph, entities, quotes, timexes,
// sentiment, errors and warnings. Layers the record lacks stay empty.
#pragma once

#include <tagwerk/core/document.hpp>
#include <tagwerk/core/io_options.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tagwerk::cli {

/// A piece of the text; offsets are UTF-8 byte offsets into ShowRecord::text.
struct TextRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct ShowEntity {
  TextRange range;
  std::string label;    // PER, LOC, ORG, MISC
  std::string subtype;  // "deriv" ("russische"), "part" ("US-Präsident"): a word made from a name, no entity
  std::string name;     // canonical name; the surface text when the record has none
  std::size_t cluster = 0;

  /// The label as GermEval writes it: "PER", or "LOCderiv" for a word made from a name.
  std::string tag() const { return label + subtype; }
};

/// Entities merged by cluster and canonical name; most mentioned first, then by first mention.
struct ShowCluster {
  std::string name;
  std::string label;
  std::size_t mentions = 0;
  std::optional<double> sentiment;  // the entity-scope sentiment score, when there is one
  std::string sentiment_label;
};

struct ShowQuote {
  TextRange range;
  std::string kind;
  std::string speaker;
  std::string cue;
};

struct ShowTimex {
  TextRange range;
  std::string type;
  std::string value;
  std::string mod;
};

struct ShowSentiment {
  TextRange range;
  std::string label;
  double score = 0;
};

struct ShowRecord {
  std::string id;
  std::string title;
  std::string date;
  std::string lang;
  std::string text;
  std::vector<TextRange> paragraphs;    // never empty when the text is not
  std::vector<ShowEntity> entities;     // sorted by begin, without overlaps
  std::vector<ShowCluster> clusters;    // the entities (no words made from names)
  std::vector<ShowCluster> name_words;  // words made from names, by text and tag; most frequent first
  std::vector<ShowQuote> quotes;
  std::vector<ShowTimex> timexes;
  std::vector<ShowSentiment> sentences;  // sentence-scope sentiment
  std::optional<ShowSentiment> document_sentiment;
  std::vector<core::RecordError> errors;
  std::vector<core::RecordError> warnings;

  /// The mentions the entity list counts (words made from names are not among them).
  std::size_t entity_mentions() const {
    std::size_t n = 0;
    for (const auto& c : clusters) n += c.mentions;
    return n;
  }

  std::string_view slice(TextRange r) const {
    return std::string_view(text).substr(r.begin, r.end - r.begin);
  }
};

/// Builds the view of `doc`, a record read back from tagwerk's JSON Lines
/// output. Offsets in the record are in `offsets` (code points, the default of
/// `tagwerk run`, unless it ran with --offsets); out-of-range offsets are
/// clamped to the text. Parts of the
/// record that are not the expected JSON are skipped, never fatal. An
/// unreadable line gives a record with its id and the reader's errors.
ShowRecord make_show_record(const core::Document& doc,
                            core::OffsetUnit offsets = core::OffsetUnit::codepoints);

}  // namespace tagwerk::cli
