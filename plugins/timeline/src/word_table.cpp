#include "word_table.hpp"

namespace tagwerk::timeline {

void WordTable::build(const std::vector<std::pair<std::string_view, std::uint32_t>>& words) {
  std::size_t capacity = 16;
  while (capacity < 4 * words.size()) capacity *= 2;
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  keys_.clear();
  text_.clear();
  max_size_ = 0;
  single_ = filled(-1);
  double_.assign(65536, -1);
  for (const auto& [w, id] : words) {
    if (w.size() == 1) single_[static_cast<unsigned char>(w[0])] = static_cast<std::int32_t>(id);
    if (w.size() == 2) double_[pair_index(w.data())] = static_cast<std::int32_t>(id);
    const std::uint64_t h = hash(w);
    std::uint64_t i = h & mask_;
    while (slots_[i].id >= 0) i = (i + 1) & mask_;
    slots_[i] = Slot{static_cast<std::uint32_t>(h >> 32), static_cast<std::int32_t>(id)};
    if (keys_.size() <= id) keys_.resize(id + 1);
    keys_[id] = Key{static_cast<std::uint32_t>(text_.size()), static_cast<std::uint32_t>(w.size())};
    text_.append(w);
    if (w.size() > max_size_) max_size_ = w.size();
  }
}

}  // namespace tagwerk::timeline
