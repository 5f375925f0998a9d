#include "word_list.hpp"

#include <tagwerk/text/char_class.hpp>

#include <fstream>
#include <stdexcept>

namespace tagwerk::segment {

namespace {
std::string_view trim(std::string_view s) {
  constexpr std::string_view kSpace = " \t\r\n\f\v";
  auto b = s.find_first_not_of(kSpace);
  if (b == std::string_view::npos) return {};
  auto e = s.find_last_not_of(kSpace);
  return s.substr(b, e - b + 1);
}
}  // namespace

void WordList::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read word list '" + path + "'");
  std::string line;
  while (std::getline(in, line)) {
    std::string_view w = trim(line);
    if (w.empty() || w.front() == '#') continue;
    add(w);
  }
  if (in.bad()) throw std::runtime_error("error while reading word list '" + path + "'");
}

void WordList::add(std::string_view word) {
  if (contains(word)) return;
  index_.insert(storage_.emplace_back(word));
}

bool WordList::contains(std::string_view word) const {
  return index_.find(word) != index_.end();
}

bool WordList::contains_any_initial_case(std::string_view word) const {
  if (contains(word)) return true;
  if (word.empty()) return false;
  const text::Utf8Cursor cursor(word, static_cast<std::int32_t>(word.size()));
  std::int32_t i = 0;
  const text::CodePoint c = cursor.at(0, &i);
  if (!text::is_upper_or_title(c)) return false;
  std::string key;
  text::append_utf8(key, text::to_lower(c));
  if (key.empty()) return false;
  key.append(word.substr(static_cast<std::size_t>(i)));
  return contains(key);
}

}  // namespace tagwerk::segment
