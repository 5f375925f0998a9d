#include "word_list.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

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
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  int32_t i = 0;
  const auto n = static_cast<int32_t>(word.size());
  if (n == 0) return false;
  UChar32 c;
  U8_NEXT(s, i, n, c);
  if (c < 0 || !(u_isupper(c) || u_istitle(c))) return false;
  UChar32 lower = u_tolower(c);
  uint8_t buf[U8_MAX_LENGTH];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, U8_MAX_LENGTH, lower, error);
  if (error) return false;
  std::string key(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(len));
  key.append(word.substr(static_cast<std::size_t>(i)));
  return contains(key);
}

}  // namespace tagwerk::segment
