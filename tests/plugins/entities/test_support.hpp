// Helpers of the entities engine tests: a document tokenized at spaces (a
// word starting with '@' is a handle), and mentions placed on its words.
#pragma once

#include <tagwerk/entities/engine.hpp>

#include <string>
#include <vector>

namespace entities_test {

namespace en = tagwerk::entities;

/// One sentence per line of `text`; tokens between spaces. The input borrows `text`.
en::Input tokenize(std::string&& text, const std::string& lang = "de") = delete;
inline en::Input tokenize(const std::string& text, const std::string& lang = "de") {
  en::Input in;
  in.text = text;
  std::uint32_t sentence_start = 0;
  for (std::uint32_t i = 0; i <= text.size();) {
    if (i == text.size() || text[i] == '\n') {
      in.sentences.push_back(
          {sentence_start, static_cast<std::uint32_t>(in.tokens.size()) - sentence_start, lang});
      sentence_start = static_cast<std::uint32_t>(in.tokens.size());
      ++i;
      continue;
    }
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    std::uint32_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\n') ++j;
    const char c = text[i];
    const en::TokenKind kind = c == '@'                                         ? en::TokenKind::mention
                               : (c == '.' || c == ',' || c == ':' || c == '"') ? en::TokenKind::punct
                                                                                : en::TokenKind::word;
    in.tokens.push_back({i, j, kind});
    i = j;
  }
  return in;
}

/// A mention on the words [first, first + count) of `in`.
inline en::Mention mention(const en::Input& in, std::uint32_t first, std::uint32_t count,
                           const std::string& label, const std::string& subtype = "") {
  en::Mention m;
  m.first_token = first;
  m.token_count = count;
  m.begin = in.tokens[first].begin;
  m.end = in.tokens[first + count - 1].end;
  m.label = label;
  m.subtype = subtype;
  m.score = 0.8f;
  return m;
}

/// The index of the first token whose text is `word` at or after `from`.
inline std::uint32_t token(const en::Input& in, const std::string& word, std::uint32_t from = 0) {
  for (std::uint32_t t = from; t < in.tokens.size(); ++t)
    if (in.text.substr(in.tokens[t].begin, in.tokens[t].end - in.tokens[t].begin) == word) return t;
  return static_cast<std::uint32_t>(in.tokens.size());
}

}  // namespace entities_test
