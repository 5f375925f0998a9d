#include "gazetteer.hpp"

#include <fstream>
#include <stdexcept>

namespace tagwerk::entities {

int label_index(std::string_view label) noexcept {
  for (int i = 0; i < 4; ++i)
    if (kLabels[i] == label) return i;
  return -1;
}

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

bool Gazetteer::add(std::string_view label, std::string_view name) {
  const int l = label_index(label);
  name = trim(name);
  if (l < 0 || name.empty()) return false;
  content_id_ = new_content_id();
  std::string key;
  std::size_t words = 0;
  std::string first;
  std::string_view last;
  for (std::size_t i = 0; i < name.size();) {
    while (i < name.size() && name[i] == ' ') ++i;
    if (i >= name.size()) break;
    std::size_t j = name.find(' ', i);
    if (j == std::string_view::npos) j = name.size();
    if (!key.empty()) key += ' ';
    key.append(name.substr(i, j - i));
    if (words++ == 0) first = std::string(name.substr(i, j - i));
    last = name.substr(i, j - i);
    i = j;
  }
  if (words > 1) {
    roles_[std::string(last)] |= static_cast<std::uint8_t>(1u << l);
    roles_[first] |= static_cast<std::uint8_t>(1u << (4 + l));
  }
  names_[key] |= static_cast<std::uint8_t>(1u << l);
  auto& longest = longest_[first];
  if (words > longest) longest = static_cast<std::uint8_t>(words > 255 ? 255 : words);
  return true;
}

void Gazetteer::load(const std::string& path) {
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error(path + ": cannot read the gazetteer; check the path (parameter 'gazetteers')");
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string_view l = trim(line);
    if (l.empty() || l.front() == '#') continue;
    const std::size_t tab = l.find('\t');
    if (tab == std::string_view::npos || !add(trim(l.substr(0, tab)), l.substr(tab + 1)))
      throw std::runtime_error(path + ":" + std::to_string(number) +
                               ": expected \"LABEL<TAB>name\" with LABEL one of PER, LOC, ORG, MISC");
  }
}

void Gazetteer::match(const std::vector<std::string_view>& words, std::vector<std::uint8_t>& codes) const {
  std::vector<std::uint8_t> longest(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) longest[i] = longest_from(words[i]);
  match(words, longest, codes);
}

std::uint8_t Gazetteer::longest_from(std::string_view word) const {
  const auto it = longest_.find(word);
  return it == longest_.end() ? 0 : it->second;
}

void Gazetteer::match(const std::vector<std::string_view>& words, const std::vector<std::uint8_t>& longest,
                      std::vector<std::uint8_t>& codes) const {
  codes.assign(words.size(), 0);
  std::string key;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (longest[i] == 0) continue;
    const std::size_t max_len = std::min<std::size_t>(longest[i], words.size() - i);
    for (std::size_t len = max_len; len >= 1; --len) {
      key.assign(words[i]);
      for (std::size_t k = 1; k < len; ++k) {
        key += ' ';
        key.append(words[i + k]);
      }
      const auto hit = names_.find(key);
      if (hit == names_.end()) continue;
      for (int l = 0; l < 4; ++l) {
        if (!(hit->second & (1u << l))) continue;
        codes[i] |= static_cast<std::uint8_t>(1u << (2 * l));
        for (std::size_t k = 1; k < len; ++k) codes[i + k] |= static_cast<std::uint8_t>(1u << (2 * l + 1));
      }
      break;
    }
  }
}

void Gazetteer::merge(const Gazetteer& other) {
  other.for_each([&](const std::string& name, std::uint8_t bits) {
    for (int l = 0; l < 4; ++l)
      if (bits & (1u << l)) add(kLabels[l], name);
  });
}

std::uint8_t Gazetteer::labels_of(std::string_view word) const {
  const auto it = names_.find(word);
  return it == names_.end() ? 0 : it->second;
}

std::uint8_t Gazetteer::roles_of(std::string_view word) const {
  const auto it = roles_.find(word);
  return it == roles_.end() ? 0 : it->second;
}

}  // namespace tagwerk::entities
