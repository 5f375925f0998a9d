// Document and Layer: storage of spans and attribute columns.
#include <tagwerk/core/document.hpp>

#include <algorithm>

namespace tagwerk::core {

std::uint32_t Layer::intern(std::string_view label) {
  constexpr std::size_t kLinearLabels = 32;
  if (label_names_[last_label_] == label) return last_label_;
  if (label_names_.size() <= kLinearLabels) {
    for (std::uint32_t id = 0; id < label_names_.size(); ++id)
      if (label_names_[id] == label) return last_label_ = id;
  } else if (auto it = label_index_.find(std::string(label)); it != label_index_.end()) {
    return last_label_ = it->second;
  }
  label_names_.emplace_back(label);
  const auto id = static_cast<std::uint32_t>(label_names_.size() - 1);
  if (label_names_.size() > kLinearLabels) {
    if (label_index_.empty())
      for (std::uint32_t i = 0; i < id; ++i) label_index_.emplace(label_names_[i], i);
    label_index_.emplace(label_names_.back(), id);
  }
  return last_label_ = id;
}

std::size_t Layer::add(std::uint32_t begin, std::uint32_t end, std::string_view label) {
  spans_.push_back(tw_span{begin, end});
  label_ids_.push_back(intern(label));
  return spans_.size() - 1;
}

bool Layer::set(std::size_t i, std::string_view key, AttrValue value) {
  if (i >= spans_.size()) return false;
  auto it = std::find_if(columns_.begin(), columns_.end(), [&](const AttrColumn& c) { return c.key == key; });
  if (it == columns_.end()) {
    columns_.push_back(AttrColumn{std::string(key), {}});
    it = columns_.end() - 1;
  }
  if (it->values.size() <= i) it->values.resize(i + 1);
  it->values[i] = std::move(value);
  return true;
}

const AttrValue* Layer::get(std::size_t i, std::string_view key) const {
  for (const auto& c : columns_) {
    if (c.key != key) continue;
    if (i >= c.values.size() || std::holds_alternative<std::monostate>(c.values[i])) return nullptr;
    return &c.values[i];
  }
  return nullptr;
}

std::string_view Document::meta(std::string_view key) const {
  if (key == "id") return id;
  if (key == "text") return text;
  std::string_view input_key = key;
  for (const auto& [canonical, renamed] : field_names)
    if (canonical == key) input_key = renamed;
  for (const auto& f : fields)
    if (f.key == input_key && f.string_value) return *f.string_value;
  return {};
}

Document::Document(Document&& other) noexcept {
  *this = std::move(other);
}

Document& Document::operator=(Document&& other) noexcept {
  if (this == &other) return *this;
  id = std::move(other.id);
  text = std::move(other.text);
  fields = std::move(other.fields);
  field_names = std::move(other.field_names);
  origin = std::move(other.origin);
  errors = std::move(other.errors);
  unreadable = other.unreadable;
  layers_ = std::move(other.layers_);
  for (auto& l : layers_) l->owner_ = this;
  return *this;
}

Layer* Document::find_layer(std::string_view name) noexcept {
  for (auto& l : layers_)
    if (l->name() == name) return l.get();
  return nullptr;
}

const Layer* Document::find_layer(std::string_view name) const noexcept {
  for (const auto& l : layers_)
    if (l->name() == name) return l.get();
  return nullptr;
}

Layer& Document::layer(std::string_view name) {
  if (Layer* l = find_layer(name)) return *l;
  layers_.push_back(std::make_unique<Layer>(std::string(name)));
  layers_.back()->owner_ = this;
  return *layers_.back();
}

namespace {
bool is_boundary(std::string_view text, std::uint32_t pos) {
  if (pos == text.size()) return true;
  // A UTF-8 continuation byte is 10xxxxxx.
  return (static_cast<unsigned char>(text[pos]) & 0xC0u) != 0x80u;
}
}  // namespace

std::optional<std::size_t> Document::add_span(Layer& layer, std::uint32_t begin, std::uint32_t end,
                                              std::string_view label) {
  const bool unanchored = begin == TW_NO_OFFSET && end == TW_NO_OFFSET;
  if (!unanchored) {
    if (begin > end || end > text.size()) return std::nullopt;
    if (!is_boundary(text, begin) || !is_boundary(text, end)) return std::nullopt;
  }
  return layer.add(begin, end, label);
}

}  // namespace tagwerk::core
