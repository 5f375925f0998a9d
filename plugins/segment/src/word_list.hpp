// word_list.hpp -- a set of words read from plain-text data files (one entry a
// line, '#' starts a comment line). Backs the abbreviation and sentence-opener
// lists of the segment engine.
#ifndef TAGWERK_SEGMENT_WORD_LIST_HPP
#define TAGWERK_SEGMENT_WORD_LIST_HPP

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_set>

namespace tagwerk::segment {

class WordList {
 public:
  WordList() = default;
  WordList(WordList&&) noexcept = default;  // moving keeps the stored strings in place
  WordList& operator=(WordList&&) noexcept = default;
  WordList(const WordList&) = delete;  // the index points into storage_
  WordList& operator=(const WordList&) = delete;

  /// Adds every entry of the UTF-8 file at `path` (surrounding whitespace is
  /// trimmed, empty and '#' lines skipped). Throws std::runtime_error naming
  /// the path when the file cannot be read.
  void load(const std::string& path);
  void add(std::string_view word);

  /// True when `word` is listed exactly. Thread-safe (read-only).
  bool contains(std::string_view word) const;
  /// True when `word` is listed exactly or, if it starts with an uppercase
  /// letter, with that letter lowercased (a sentence-initial "Vgl." finds
  /// "vgl."). Case mapping goes through ICU. Thread-safe.
  bool contains_any_initial_case(std::string_view word) const;

  std::size_t size() const noexcept { return index_.size(); }

 private:
  std::deque<std::string> storage_;  // a deque never moves its elements
  std::unordered_set<std::string_view> index_;
};

}  // namespace tagwerk::segment

#endif  // TAGWERK_SEGMENT_WORD_LIST_HPP
