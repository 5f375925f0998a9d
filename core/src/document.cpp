// Document and Layer: the arena, spans, interned labels and typed attribute columns.
#include <tagwerk/core/document.hpp>

#include <algorithm>
#include <cstring>
#include <new>

namespace tagwerk::core {

// ------------------------------------------------------------------ Arena

void* Arena::allocate(std::size_t bytes) {
  constexpr std::size_t kAlign = alignof(std::max_align_t);
  const std::size_t need = (bytes + kAlign - 1) / kAlign * kAlign;
  if (need > left_) {
    // Blocks grow so that a large document needs few of them; a single huge
    // allocation gets a block of its own.
    block_size_ = std::min<std::size_t>(block_size_ * 2, 1u << 20);
    const std::size_t size = std::max(need, block_size_);
    blocks_.push_back(std::unique_ptr<unsigned char[]>(new unsigned char[size]));
    next_ = blocks_.back().get();
    left_ = size;
  }
  void* out = next_;
  next_ += need;
  left_ -= need;
  used_total_ += need;
  return out;
}

tw_str Arena::copy(std::string_view s) {
  if (s.empty()) return tw_str{"", 0};
  auto* p = static_cast<char*>(allocate(s.size()));
  std::memcpy(p, s.data(), s.size());
  return tw_str{p, s.size()};
}

// ------------------------------------------------------------- AttrColumn

namespace {

std::size_t item_size_of(tw_value_type type) {
  switch (type) {
    case TW_VALUE_STRING:
      return sizeof(tw_str);
    case TW_VALUE_INT:
      return sizeof(std::int64_t);
    case TW_VALUE_FLOAT:
      return sizeof(double);
    case TW_VALUE_BOOL:
      return sizeof(std::uint8_t);
    case TW_VALUE_REF:
      return sizeof(std::uint64_t);
    case TW_VALUE_STRING_LIST:
    case TW_VALUE_INT_LIST:
    case TW_VALUE_FLOAT_LIST:
    case TW_VALUE_REF_LIST:
      return sizeof(tw_list);
    default:
      return 0;
  }
}

template <class T>
T read_item(const std::vector<unsigned char>& items, std::size_t size, std::size_t i) noexcept {
  T out;
  std::memcpy(&out, items.data() + i * size, sizeof(T));
  return out;
}

}  // namespace

AttrColumn::AttrColumn(std::string key, tw_value_type type, const Layer* target)
    : key_(std::move(key)), type_(type), target_(target), item_size_(item_size_of(type)) {}

std::string_view AttrColumn::string_at(std::size_t i) const noexcept {
  tw_str s = read_item<tw_str>(items_, item_size_, i);
  return s.size ? std::string_view(s.data, s.size) : std::string_view();
}
std::int64_t AttrColumn::int_at(std::size_t i) const noexcept {
  return read_item<std::int64_t>(items_, item_size_, i);
}
double AttrColumn::float_at(std::size_t i) const noexcept {
  return read_item<double>(items_, item_size_, i);
}
bool AttrColumn::bool_at(std::size_t i) const noexcept {
  return read_item<std::uint8_t>(items_, item_size_, i) != 0;
}
std::uint64_t AttrColumn::ref_at(std::size_t i) const noexcept {
  return read_item<std::uint64_t>(items_, item_size_, i);
}
tw_list AttrColumn::list_at(std::size_t i) const noexcept {
  return read_item<tw_list>(items_, item_size_, i);
}

tw_column_view AttrColumn::view() const noexcept {
  tw_column_view v{};
  v.struct_size = sizeof(v);
  v.type = type_;
  v.items = items_.data();
  v.count = present_.size();
  v.item_size = item_size_;
  v.present = present_.data();
  v.target = reinterpret_cast<const tw_layer*>(target_);
  return v;
}

// -------------------------------------------------------------- AttrTable

namespace {

// Reads a caller-filled tw_value: fields beyond its struct_size are zero (abi.h rule 2).
tw_value normalized(const tw_value& in) noexcept {
  tw_value v{};
  std::memcpy(&v, &in, std::min<std::size_t>(in.struct_size, sizeof(tw_value)));
  v.struct_size = sizeof(tw_value);
  return v;
}

const Layer* target_layer(const tw_value& v) noexcept {
  return reinterpret_cast<const Layer*>(v.target);
}

}  // namespace

SetStatus AttrTable::set(std::size_t i, std::size_t items, std::string_view key, const tw_value& raw,
                         Arena& arena, const Document* owner) {
  if (i >= items) return SetStatus::bad_index;
  if (raw.struct_size < offsetof(tw_value, type) + sizeof(raw.type)) return SetStatus::bad_value;
  const tw_value v = normalized(raw);
  const auto type = static_cast<tw_value_type>(v.type);
  const std::size_t item_size = item_size_of(type);
  if (item_size == 0) return SetStatus::bad_value;
  const bool is_list = (v.type & TW_VALUE_LIST) != 0;
  if (is_list && v.count > 0 && v.items == nullptr) return SetStatus::bad_value;
  if (type == TW_VALUE_STRING && v.s.size > 0 && v.s.data == nullptr) return SetStatus::bad_value;

  const Layer* target = nullptr;
  if (type == TW_VALUE_REF || type == TW_VALUE_REF_LIST) {
    target = target_layer(v);
    if (target == nullptr || owner == nullptr || !owner->owns(target)) return SetStatus::bad_target;
    if (type == TW_VALUE_REF && v.ref >= target->size()) return SetStatus::bad_target;
    if (type == TW_VALUE_REF_LIST) {
      const auto* idx = static_cast<const std::uint64_t*>(v.items);
      for (std::size_t k = 0; k < v.count; ++k)
        if (idx[k] >= target->size()) return SetStatus::bad_target;
    }
  }

  auto it =
      std::find_if(columns_.begin(), columns_.end(), [&](const AttrColumn& c) { return c.key_ == key; });
  if (it != columns_.end()) {
    if (it->type_ != type) return SetStatus::type_mismatch;
    if (target != nullptr && it->target_ != target) return SetStatus::bad_target;
  }

  // Build the item before touching the column, so that a failed allocation leaves it unchanged.
  unsigned char item[sizeof(tw_list) > sizeof(tw_str) ? sizeof(tw_list) : sizeof(tw_str)] = {};
  switch (type) {
    case TW_VALUE_STRING: {
      tw_str s = arena.copy(std::string_view(v.s.data ? v.s.data : "", v.s.size));
      std::memcpy(item, &s, sizeof(s));
      break;
    }
    case TW_VALUE_INT:
      std::memcpy(item, &v.i, sizeof(v.i));
      break;
    case TW_VALUE_FLOAT:
      std::memcpy(item, &v.f, sizeof(v.f));
      break;
    case TW_VALUE_BOOL:
      item[0] = v.i != 0 ? 1 : 0;
      break;
    case TW_VALUE_REF:
      std::memcpy(item, &v.ref, sizeof(v.ref));
      break;
    default: {  // lists
      tw_list list{nullptr, v.count};
      if (v.count > 0) {
        if (type == TW_VALUE_STRING_LIST) {
          auto* out = static_cast<tw_str*>(arena.allocate(v.count * sizeof(tw_str)));
          const auto* in = static_cast<const tw_str*>(v.items);
          for (std::size_t k = 0; k < v.count; ++k) {
            if (in[k].size > 0 && in[k].data == nullptr) return SetStatus::bad_value;
            out[k] = arena.copy(std::string_view(in[k].data ? in[k].data : "", in[k].size));
          }
          list.items = out;
        } else {
          const std::size_t bytes = v.count * 8;  // int64_t, double, uint64_t
          void* out = arena.allocate(bytes);
          std::memcpy(out, v.items, bytes);
          list.items = out;
        }
      }
      std::memcpy(item, &list, sizeof(list));
      break;
    }
  }

  if (it == columns_.end()) {
    columns_.emplace_back(std::string(key), type, target);
    it = columns_.end() - 1;
  }
  if (it->present_.size() <= i) {
    it->present_.resize(i + 1, 0);
    it->items_.resize((i + 1) * item_size, 0);
  }
  std::memcpy(it->items_.data() + i * item_size, item, item_size);
  it->present_[i] = 1;
  return SetStatus::ok;
}

const AttrColumn* AttrTable::find(std::string_view key) const noexcept {
  for (const auto& c : columns_)
    if (c.key() == key) return &c;
  return nullptr;
}

bool AttrTable::get(std::size_t i, std::string_view key, tw_value& out) const noexcept {
  const AttrColumn* c = find(key);
  if (c == nullptr || !c->has(i)) return false;
  tw_value v{};
  v.struct_size = sizeof(v);
  v.type = c->type();
  switch (c->type()) {
    case TW_VALUE_STRING: {
      auto s = c->string_at(i);
      v.s = tw_str{s.data(), s.size()};
      break;
    }
    case TW_VALUE_INT:
      v.i = c->int_at(i);
      break;
    case TW_VALUE_FLOAT:
      v.f = c->float_at(i);
      break;
    case TW_VALUE_BOOL:
      v.i = c->bool_at(i) ? 1 : 0;
      break;
    case TW_VALUE_REF:
      v.target = reinterpret_cast<const tw_layer*>(c->target());
      v.ref = c->ref_at(i);
      break;
    default: {
      tw_list l = c->list_at(i);
      v.items = l.items;
      v.count = l.count;
      v.target = reinterpret_cast<const tw_layer*>(c->target());
      break;
    }
  }
  // Write no byte beyond what the caller's struct holds (abi.h rule 3).
  const std::size_t n = std::min<std::size_t>(out.struct_size, sizeof(tw_value));
  const std::uint32_t caller_size = out.struct_size;
  std::memcpy(&out, &v, n);
  out.struct_size = caller_size;
  return true;
}

// ------------------------------------------------------------------ Layer

std::string_view Layer::label(std::size_t i) const noexcept {
  if (i >= spans_.size()) return {};
  const tw_str& s = labels_[spans_[i].label];
  return std::string_view(s.data, s.size);
}

std::uint32_t Layer::intern(std::string_view label) {
  constexpr std::size_t kLinearLabels = 32;
  auto same = [&](std::uint32_t id) { return std::string_view(labels_[id].data, labels_[id].size) == label; };
  if (same(last_label_)) return last_label_;
  if (labels_.size() <= kLinearLabels) {
    for (std::uint32_t id = 0; id < labels_.size(); ++id)
      if (same(id)) return last_label_ = id;
  } else if (auto it = label_index_.find(label); it != label_index_.end()) {
    return last_label_ = it->second;
  }
  labels_.push_back(owner_->arena().copy(label));
  const auto id = static_cast<std::uint32_t>(labels_.size() - 1);
  if (labels_.size() > kLinearLabels) {
    if (label_index_.empty())
      for (std::uint32_t k = 0; k < id; ++k)
        label_index_.emplace(std::string_view(labels_[k].data, labels_[k].size), k);
    label_index_.emplace(std::string_view(labels_.back().data, labels_.back().size), id);
  }
  return last_label_ = id;
}

std::size_t Layer::add(std::uint32_t begin, std::uint32_t end, std::string_view label) {
  const std::uint32_t id = intern(label);
  spans_.push_back(tw_span{begin, end, id});
  return spans_.size() - 1;
}

SetStatus Layer::set(std::size_t i, std::string_view key, const tw_value& value) {
  return attrs_.set(i, spans_.size(), key, value, owner_->arena(), owner_);
}

namespace {
tw_value value_of(tw_value_type type) {
  tw_value v{};
  v.struct_size = sizeof(v);
  v.type = type;
  return v;
}
}  // namespace

SetStatus Layer::set_string(std::size_t i, std::string_view key, std::string_view s) {
  tw_value v = value_of(TW_VALUE_STRING);
  v.s = tw_str{s.data(), s.size()};
  return set(i, key, v);
}
SetStatus Layer::set_int(std::size_t i, std::string_view key, std::int64_t n) {
  tw_value v = value_of(TW_VALUE_INT);
  v.i = n;
  return set(i, key, v);
}
SetStatus Layer::set_float(std::size_t i, std::string_view key, double f) {
  tw_value v = value_of(TW_VALUE_FLOAT);
  v.f = f;
  return set(i, key, v);
}
SetStatus Layer::set_bool(std::size_t i, std::string_view key, bool b) {
  tw_value v = value_of(TW_VALUE_BOOL);
  v.i = b ? 1 : 0;
  return set(i, key, v);
}
SetStatus Layer::set_ref(std::size_t i, std::string_view key, const Layer& target, std::size_t index) {
  tw_value v = value_of(TW_VALUE_REF);
  v.target = reinterpret_cast<const tw_layer*>(&target);
  v.ref = index;
  return set(i, key, v);
}

// --------------------------------------------------------------- Document

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
  warnings = std::move(other.warnings);
  unreadable = other.unreadable;
  layers_ = std::move(other.layers_);
  attrs_ = std::move(other.attrs_);
  arena_ = std::move(other.arena_);  // the blocks stay where they are: views stay valid
  for (auto& l : layers_) l->owner_ = this;
  return *this;
}

Arena& Document::arena() {
  if (!arena_) arena_ = std::make_unique<Arena>();  // a moved-from document being reused
  return *arena_;
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
  layers_.push_back(std::make_unique<Layer>(std::string(name), this));
  return *layers_.back();
}

bool Document::owns(const Layer* l) const noexcept {
  if (l == nullptr) return false;
  for (const auto& mine : layers_)
    if (mine.get() == l) return true;
  return false;
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

SetStatus Document::set_attr(std::string_view key, const tw_value& value) {
  return attrs_.set(0, 1, key, value, arena(), this);
}

SetStatus Document::set_attr_string(std::string_view key, std::string_view s) {
  tw_value v = value_of(TW_VALUE_STRING);
  v.s = tw_str{s.data(), s.size()};
  return set_attr(key, v);
}

}  // namespace tagwerk::core
