// The tw_host_api table: what plugins call to read documents and add annotations.
#include "host_api.hpp"

#include <spdlog/spdlog.h>

#include <cstring>

namespace tagwerk::core {
namespace {

std::string_view sv(tw_str s) noexcept {
  return s.size ? std::string_view(s.data, s.size) : std::string_view();
}
tw_str ts(std::string_view s) noexcept {
  return tw_str{s.data(), s.size()};
}

spdlog::level::level_enum to_spdlog(tw_log_level level) {
  switch (level) {
    case TW_LOG_TRACE:
      return spdlog::level::trace;
    case TW_LOG_DEBUG:
      return spdlog::level::debug;
    case TW_LOG_INFO:
      return spdlog::level::info;
    case TW_LOG_WARN:
      return spdlog::level::warn;
    case TW_LOG_ERROR:
      return spdlog::level::err;
  }
  return spdlog::level::info;
}

void host_log(tw_context* ctx, tw_log_level level, tw_str message) {
  spdlog::log(to_spdlog(level), "[{}] {}", ctx != nullptr ? ctx->plugin : std::string("?"), sv(message));
}

void host_context_error(tw_context* ctx, tw_str message) {
  if (ctx == nullptr) return;
  if (!ctx->error.empty()) ctx->error += "; ";
  ctx->error += sv(message);
}

tw_str host_data_dir(tw_context* ctx) {
  return ctx != nullptr ? ts(ctx->data_dir) : tw_str{nullptr, 0};
}

const StepParam* find(const tw_params* params, tw_str name) {
  if (params == nullptr || params->params == nullptr) return nullptr;
  for (const auto& p : *params->params)
    if (p.name == sv(name)) return &p;
  return nullptr;
}

template <class T>
tw_status get_param(const tw_params* params, tw_str name, T* out) {
  const StepParam* p = find(params, name);
  if (p == nullptr || out == nullptr) return TW_NOT_FOUND;
  if (const auto* v = std::get_if<T>(&p->value)) {
    *out = *v;
    return TW_OK;
  }
  return TW_TYPE_MISMATCH;
}

tw_status host_param_string(const tw_params* params, tw_str name, tw_str* out) {
  const StepParam* p = find(params, name);
  if (p == nullptr || out == nullptr) return TW_NOT_FOUND;
  if (const auto* v = std::get_if<std::string>(&p->value)) {
    *out = ts(*v);
    return TW_OK;
  }
  return TW_TYPE_MISMATCH;
}
tw_status host_param_int(const tw_params* params, tw_str name, int64_t* out) {
  return get_param<std::int64_t>(params, name, out);
}
tw_status host_param_float(const tw_params* params, tw_str name, double* out) {
  const StepParam* p = find(params, name);
  if (p != nullptr && out != nullptr) {
    if (const auto* i = std::get_if<std::int64_t>(&p->value)) {
      *out = static_cast<double>(*i);
      return TW_OK;
    }
  }
  return get_param<double>(params, name, out);
}
tw_status host_param_bool(const tw_params* params, tw_str name, int* out) {
  bool b = false;
  tw_status s = get_param<bool>(params, name, &b);
  if (s == TW_OK) *out = b ? 1 : 0;
  return s;
}

tw_str host_doc_text(const tw_doc* doc) {
  return ts(doc->doc->text);
}
tw_str host_doc_meta(const tw_doc* doc, tw_str key) {
  return ts(doc->doc->meta(sv(key)));
}
void host_doc_error(tw_doc* doc, tw_str message) {
  doc->doc->add_error(doc->plugin != nullptr ? *doc->plugin : std::string("plugin"),
                      std::string(sv(message)));
}

tw_layer* host_layer_find(tw_doc* doc, tw_str name) {
  return to_handle(doc->doc->find_layer(sv(name)));
}
tw_layer* host_layer_create(tw_doc* doc, tw_str name) {
  if (name.size == 0) return nullptr;
  return to_handle(&doc->doc->layer(sv(name)));
}
tw_span_view host_layer_spans(const tw_layer* layer) {
  const auto& spans = from_handle(layer)->spans();
  return tw_span_view{spans.data(), spans.size()};
}
tw_str host_layer_name(const tw_layer* layer) {
  return ts(from_handle(layer)->name());
}

size_t host_span_add(tw_layer* layer, uint32_t begin, uint32_t end, tw_str label) {
  Layer* l = from_handle(layer);
  if (l == nullptr || l->owner() == nullptr) return static_cast<size_t>(-1);
  auto i = l->owner()->add_span(*l, begin, end, sv(label));
  return i ? *i : static_cast<size_t>(-1);
}
tw_str host_span_label(const tw_layer* layer, size_t index) {
  const Layer* l = from_handle(layer);
  if (index >= l->size()) return tw_str{nullptr, 0};
  return ts(l->label(index));
}

tw_status set_attr(tw_layer* layer, size_t index, tw_str key, AttrValue value) {
  if (key.size == 0) return TW_INVALID;
  return from_handle(layer)->set(index, sv(key), std::move(value)) ? TW_OK : TW_INVALID;
}
tw_status host_attr_set_string(tw_layer* layer, size_t index, tw_str key, tw_str value) {
  return set_attr(layer, index, key, std::string(sv(value)));
}
tw_status host_attr_set_int(tw_layer* layer, size_t index, tw_str key, int64_t value) {
  return set_attr(layer, index, key, static_cast<std::int64_t>(value));
}
tw_status host_attr_set_float(tw_layer* layer, size_t index, tw_str key, double value) {
  return set_attr(layer, index, key, value);
}
tw_status host_attr_set_bool(tw_layer* layer, size_t index, tw_str key, int value) {
  return set_attr(layer, index, key, value != 0);
}
tw_status host_attr_set_ref(tw_layer* layer, size_t index, tw_str key, const tw_layer* target,
                            size_t target_index) {
  const Layer* t = from_handle(target);
  const Layer* self = from_handle(layer);
  if (t == nullptr || target_index >= t->size() || t->owner() != self->owner()) return TW_INVALID;
  return set_attr(layer, index, key, SpanRef{t, target_index});
}
tw_status host_attr_get(const tw_layer* layer, size_t index, tw_str key, tw_value* out) {
  const AttrValue* v = from_handle(layer)->get(index, sv(key));
  if (v == nullptr) return TW_NOT_FOUND;
  *out = tw_value{};
  std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::string>) {
          out->type = TW_VALUE_STRING;
          out->s = ts(x);
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          out->type = TW_VALUE_INT;
          out->i = x;
        } else if constexpr (std::is_same_v<T, double>) {
          out->type = TW_VALUE_FLOAT;
          out->f = x;
        } else if constexpr (std::is_same_v<T, bool>) {
          out->type = TW_VALUE_BOOL;
          out->b = x ? 1 : 0;
        } else if constexpr (std::is_same_v<T, SpanRef>) {
          out->type = TW_VALUE_REF;
          out->ref_layer = to_handle(x.layer);
          out->ref_index = x.index;
        }
      },
      *v);
  return TW_OK;
}

const tw_host_api kHostApi = {
    TW_ABI_MAJOR,
    TW_ABI_MINOR,
    static_cast<uint32_t>(sizeof(tw_host_api)),
    &host_log,
    &host_context_error,
    &host_data_dir,
    &host_param_string,
    &host_param_int,
    &host_param_float,
    &host_param_bool,
    &host_doc_text,
    &host_doc_meta,
    &host_doc_error,
    &host_layer_find,
    &host_layer_create,
    &host_layer_spans,
    &host_layer_name,
    &host_span_add,
    &host_span_label,
    &host_attr_set_string,
    &host_attr_set_int,
    &host_attr_set_float,
    &host_attr_set_bool,
    &host_attr_set_ref,
    &host_attr_get,
};

}  // namespace

const tw_host_api* host_api() noexcept {
  return &kHostApi;
}

}  // namespace tagwerk::core
