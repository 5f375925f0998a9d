// tagwerk/core/input.hpp -- corpus readers: JSON Lines files, folders of text
// files and standard input, gzip- and zstd-compressed transparently, streamed
// with bounded memory, one Document per input record, in input order.
//
// Error policy: no record is ever dropped. Every non-blank input line (every
// text file) yields exactly one Document; what is wrong with it is recorded in
// Document::errors with plugin "input" and a message naming the file, the line
// and what to do:
//
//  - broken JSON (or a line that is not a JSON object, or longer than the line
//    limit, or unreadable because the compressed stream broke): `unreadable`
//    is true, `id` is the record's id when it could be salvaged, else
//    "<source>:<line>" (e.g. "stdin:17"); `fields` is empty. The writer writes
//    such a record as its id and errors only; no plugin runs on it.
//  - invalid UTF-8 anywhere in the line (or text file): repaired to U+FFFD
//    (one per maximal ill-formed subpart) and reported; the record is normal.
//  - empty or missing text field, or a text field that is not a string:
//    `unreadable` is false, `text` is empty, an error is added.
//  - a text longer than InputOptions::max_text_bytes: `unreadable` is false,
//    `text` is empty (nothing is analysed), an error is added. A JSON Lines
//    record keeps its text field in `fields`, written back as it was; a text
//    file's record has only its id field (the file is not read into memory).
// So the pipeline runs plugins only on records with `!unreadable && !text.empty()`.
//
// Records: for JSON Lines every field is kept as Field{key, raw_json,
// string_value} in input order, except that the text field keeps no
// string_value (its decoded value is Document::text; one copy is enough).
// `field_names` lists the canonical names the FieldMap renamed. `id` is the id
// field's string (or its raw JSON when it is a number), else "<source>:<line>".
// A text file gives fields id and text (under FieldMap's names): id is its path
// relative to the folder without the extension, text its content without a
// leading byte order mark. `origin` is {path or "<stdin>", 1-based line number}
// for JSON Lines and {file path, 1-based ordinal in the sorted folder} for text.
//
// Memory: a reader holds one input chunk (1 MiB) and the current line; a line
// may grow up to 4 * max_text_bytes + 1 MiB (escaped JSON text is longer than
// the text), a longer one is skipped as unreadable without being held. Parsing
// needs about 6 times the longest line while it is parsed.
#pragma once

#include <tagwerk/core/document.hpp>
#include <tagwerk/core/io_options.hpp>

#include <cstdint>
#include <memory>
#include <optional>

namespace tagwerk::core {

/// A stream of records. Not thread-safe: one thread (the pipeline's serial
/// read stage) calls it.
class RecordReader {
 public:
  virtual ~RecordReader();

  /// Replaces `out` with the next record of this reader's shard and returns
  /// true, or returns false at the end of the last input. Never throws for bad
  /// records (see the error policy above); throws SetupError only when an
  /// input that was there at open_input() can no longer be opened.
  virtual bool next(Document& out) = 0;

  /// Bytes read so far from the inputs as stored (compressed bytes for .gz and
  /// .zst), for progress reports. Includes read-ahead: about one chunk early.
  virtual std::uint64_t bytes_consumed() const = 0;

  /// The total size of the inputs as stored, when every input is a regular
  /// file or folder of them; nullopt when standard input is among them.
  virtual std::optional<std::uint64_t> total_bytes() const = 0;
};

/// Opens the inputs of `options.paths` to be read one after the other, in the
/// order given. Format `automatic` reads a folder as text files, a path ending
/// in .txt (.txt.gz, .txt.zst) as one text document, anything else (and "-",
/// standard input) as JSON Lines; `text` reads a file as one document;
/// `jsonl` refuses folders. Compression is recognised by the data's magic
/// bytes, not the name, so compressed standard input works too.
///
/// Returns the reader (owned by the caller). Throws SetupError naming the path
/// and the fix when there are no paths, a path does not exist or cannot be
/// read, a folder holds no text files, or the shard is not 1 <= K <= N.
/// Folders are listed here (recursively, sorted by path), so the listing is
/// stable for the whole run.
std::unique_ptr<RecordReader> open_input(const InputOptions& options);

}  // namespace tagwerk::core
