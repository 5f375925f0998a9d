// The tw_host_api table: what plugins call to read documents and add
// annotations. Every function checks its arguments and the running step's
// declarations, reports misuse on the record, and never lets an exception out.
#include "host_api.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstring>
#include <new>
#include <system_error>

namespace tagwerk::core {
namespace {

thread_local StepScope* tls_step = nullptr;

std::string_view sv(tw_str s) noexcept {
  return s.size && s.data != nullptr ? std::string_view(s.data, s.size) : std::string_view();
}
tw_str ts(std::string_view s) noexcept {
  return tw_str{s.data(), s.size()};
}

// Puts one error on the record naming the plugin and what it did; past
// kMaxMisuseErrors only counts (PluginInstance adds the count).
void misuse(StepScope* step, const std::string& what) noexcept {
  try {
    if (step == nullptr || step->doc == nullptr) {
      spdlog::warn("a plugin misused the host outside process(): {}", what);
      return;
    }
    if (++step->misuses > StepScope::kMaxMisuseErrors) return;
    step->doc->add_error(step->info != nullptr ? step->info->name : std::string("plugin"),
                         fmt::format("misused the host: {}", what));
  } catch (...) {
    // Out of memory while reporting: the status still says it.
  }
}

tw_status out_of_memory(StepScope* step) noexcept {
  try {
    if (step != nullptr && step->doc != nullptr)
      step->doc->add_error(step->info != nullptr ? step->info->name : std::string("plugin"),
                           "the host ran out of memory while this plugin wrote its results");
  } catch (...) {
  }
  return TW_NO_MEMORY;
}

// Runs f, turning any exception into TW_NO_MEMORY and an error on the record.
template <class F>
tw_status guard(StepScope* step, F&& f) noexcept {
  try {
    return f();
  } catch (...) {
    return out_of_memory(step);
  }
}

StepScope* step_of(const tw_doc* doc) noexcept {
  return doc != nullptr ? doc->step : nullptr;
}

// The layer behind a handle, checked against the current step's document.
const Layer* checked(const tw_layer* handle, const char* call) noexcept {
  StepScope* step = tls_step;
  const Layer* l = from_handle(handle);
  if (l == nullptr) {
    misuse(step, fmt::format("{} on a NULL layer (a layer that layer_find did not find?)", call));
    return nullptr;
  }
  if (step != nullptr && l != step->last_checked) {
    if (step->doc != nullptr && !step->doc->owns(l)) {
      misuse(step, fmt::format("{} on a layer handle that is not one of this document's", call));
      return nullptr;
    }
    step->last_checked = l;  // a plugin writes one layer many times in a row
  }
  return l;
}

bool may_write(StepScope* step, const Layer* l) noexcept {
  if (step == nullptr) return true;  // host code and tests outside a step
  if (l == step->last_writable) return true;
  if (std::find(step->writable.begin(), step->writable.end(), l) == step->writable.end()) return false;
  step->last_writable = l;
  return true;
}

const char* type_name(std::uint32_t t) noexcept {
  return value_type_name(static_cast<tw_value_type>(t));
}

// -------------------------------------------------------------- setup

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
  try {
    spdlog::log(to_spdlog(level), "[{}] {}", ctx != nullptr ? ctx->plugin : std::string("?"), sv(message));
  } catch (...) {
  }
}

void host_context_error(tw_context* ctx, tw_str message) {
  if (ctx == nullptr) return;
  try {
    if (!ctx->error.empty()) ctx->error += "; ";
    ctx->error += sv(message);
  } catch (...) {
  }
}

tw_str host_data_dir(tw_context* ctx) {
  return ctx != nullptr ? ts(ctx->data_dir) : tw_str{nullptr, 0};
}

tw_status host_data_file_loaded(tw_context* ctx, tw_str path) {
  if (ctx == nullptr) return TW_INVALID;
  try {
    std::error_code ec;
    std::filesystem::path p(std::string(sv(path)));
    if (!std::filesystem::is_regular_file(p, ec)) return TW_NOT_FOUND;
    auto canonical = std::filesystem::weakly_canonical(p, ec);
    if (!ec) p = canonical;
    if (std::find(ctx->data_files.begin(), ctx->data_files.end(), p) == ctx->data_files.end())
      ctx->data_files.push_back(p);
    return TW_OK;
  } catch (...) {
    return TW_NO_MEMORY;
  }
}

tw_status host_param_get(const tw_params* params, tw_str name, tw_value* out) {
  if (out == nullptr || out->struct_size < offsetof(tw_value, f) + sizeof(double)) return TW_INVALID;
  if (params == nullptr || params->params == nullptr) return TW_NOT_FOUND;
  for (std::size_t k = 0; k < params->params->size(); ++k) {
    const StepParam& p = (*params->params)[k];
    if (p.name != sv(name)) continue;
    tw_value v{};
    v.struct_size = out->struct_size;
    if (const auto* s = std::get_if<std::string>(&p.value)) {
      v.type = TW_VALUE_STRING;
      v.s = ts(*s);
    } else if (const auto* i = std::get_if<std::int64_t>(&p.value)) {
      v.type = TW_VALUE_INT;
      v.i = *i;
    } else if (const auto* f = std::get_if<double>(&p.value)) {
      v.type = TW_VALUE_FLOAT;
      v.f = *f;
    } else if (const auto* b = std::get_if<bool>(&p.value)) {
      v.type = TW_VALUE_BOOL;
      v.i = *b ? 1 : 0;
    } else if (std::holds_alternative<std::vector<std::string>>(p.value)) {
      // Rule 3: a caller whose tw_value ends before count cannot take a list.
      if (out->struct_size < offsetof(tw_value, count) + sizeof(size_t)) return TW_TYPE_MISMATCH;
      const std::vector<tw_str>* items = k < params->lists.size() ? &params->lists[k] : nullptr;
      v.type = TW_VALUE_STRING_LIST;
      v.items = items != nullptr && !items->empty() ? items->data() : nullptr;
      v.count = items != nullptr ? items->size() : 0;
    }
    std::memcpy(out, &v, std::min<std::size_t>(out->struct_size, sizeof(v)));
    return TW_OK;
  }
  return TW_NOT_FOUND;
}

// ---------------------------------------------------------- documents

tw_str host_doc_text(const tw_doc* doc) {
  StepScope* step = step_of(doc);
  if (step == nullptr || step->doc == nullptr) return tw_str{nullptr, 0};
  return ts(step->doc->text);
}

tw_str host_doc_meta(const tw_doc* doc, tw_str key) {
  StepScope* step = step_of(doc);
  if (step == nullptr || step->doc == nullptr) return tw_str{nullptr, 0};
  return ts(step->doc->meta(sv(key)));
}

void add_message(const tw_doc* doc, tw_str message, bool warning) {
  StepScope* step = step_of(doc);
  if (step == nullptr || step->doc == nullptr) return;
  try {
    std::string who = step->info != nullptr ? step->info->name : std::string("plugin");
    std::string text(sv(message));
    if (text.empty()) text = warning ? "warned without a message" : "failed without a message";
    if (warning)
      step->doc->add_warning(std::move(who), std::move(text));
    else
      step->doc->add_error(std::move(who), std::move(text));
  } catch (...) {
  }
}
void host_doc_error(tw_doc* doc, tw_str message) {
  add_message(doc, message, false);
}
void host_doc_warning(tw_doc* doc, tw_str message) {
  add_message(doc, message, true);
}

// Checks a value against a declared attribute; reports and returns non-OK on a mismatch.
tw_status check_declared(StepScope* step, const AttrSpec* spec, std::string_view what, std::string_view key,
                         const tw_value* value) {
  if (value == nullptr || value->struct_size < offsetof(tw_value, type) + sizeof(value->type)) {
    misuse(step, fmt::format("setting {} '{}' without a value (NULL or struct_size too small)", what, key));
    return TW_INVALID;
  }
  if (step == nullptr || step->info == nullptr) return TW_OK;
  if (spec == nullptr) {
    misuse(step, fmt::format("set {} '{}', which its descriptor does not declare; declare it in the schema",
                             what, key));
    return TW_DENIED;
  }
  if (spec->type != value->type) {
    misuse(step, fmt::format("set {} '{}' as {}, but its descriptor declares {}", what, key,
                             type_name(value->type), value_type_name(spec->type)));
    return TW_TYPE_MISMATCH;
  }
  return TW_OK;
}

tw_status report_set(StepScope* step, SetStatus s, std::string_view what, std::string_view key,
                     std::size_t index) {
  switch (s) {
    case SetStatus::ok:
      return TW_OK;
    case SetStatus::bad_index:
      misuse(step, fmt::format("set {} '{}' of span {}, which does not exist", what, key, index));
      return TW_INVALID;
    case SetStatus::type_mismatch:
      misuse(step, fmt::format("set {} '{}' with another type than before", what, key));
      return TW_TYPE_MISMATCH;
    case SetStatus::bad_target:
      misuse(step, fmt::format("set {} '{}' to a reference to a span that does not exist (or of another "
                               "layer than its other references)",
                               what, key));
      return TW_INVALID;
    case SetStatus::bad_value:
      misuse(step, fmt::format("set {} '{}' to a malformed value (unknown type, or NULL items)", what, key));
      return TW_INVALID;
  }
  return TW_INVALID;
}

tw_status host_doc_attr_set(tw_doc* doc, tw_str key, const tw_value* value) {
  StepScope* step = step_of(doc);
  if (step == nullptr || step->doc == nullptr) return TW_INVALID;
  return guard(step, [&] {
    const std::string_view k = sv(key);
    const AttrSpec* spec = step->info != nullptr ? step->info->find_doc_attr(k) : nullptr;
    if (tw_status s = check_declared(step, spec, "document attribute", k, value); s != TW_OK) return s;
    if (spec != nullptr && !spec->target.empty()) {
      const Layer* t = from_handle(value->target);
      if (t != nullptr && t->name() != spec->target) {
        misuse(step,
               fmt::format("set document attribute '{}' to a reference into '{}', declared as into '{}'", k,
                           t->name(), spec->target));
        return TW_INVALID;
      }
    }
    return report_set(step, step->doc->set_attr(k, *value), "document attribute", k, 0);
  });
}

tw_status host_doc_attr_get(const tw_doc* doc, tw_str key, tw_value* out) {
  StepScope* step = step_of(doc);
  if (step == nullptr || step->doc == nullptr || out == nullptr ||
      out->struct_size < offsetof(tw_value, type) + sizeof(out->type))
    return TW_INVALID;
  return step->doc->attrs().get(0, sv(key), *out) ? TW_OK : TW_NOT_FOUND;
}

// ------------------------------------------------------------- layers

tw_layer* host_layer_find(tw_doc* doc, tw_str name) {
  StepScope* step = step_of(doc);
  if (step == nullptr || step->doc == nullptr) return nullptr;
  Layer* l = step->doc->find_layer(sv(name));
  if (l != nullptr && step->info != nullptr && step->info->find_provided(l->name()) != nullptr) {
    try {
      if (!may_write(step, l)) step->writable.push_back(l);
    } catch (...) {
      return nullptr;
    }
  }
  return to_handle(l);
}

tw_layer* host_layer_create(tw_doc* doc, tw_str name) {
  StepScope* step = step_of(doc);
  if (step == nullptr || step->doc == nullptr) return nullptr;
  try {
    const std::string_view n = sv(name);
    if (step->info != nullptr && step->info->find_provided(n) == nullptr) {
      misuse(step,
             fmt::format("layer_create('{}'): the plugin does not declare layer '{}' in provides; add it "
                         "to its descriptor",
                         n, n));
      return nullptr;
    }
    if (n.empty()) {
      misuse(step, "layer_create with an empty name");
      return nullptr;
    }
    Layer* l = &step->doc->layer(n);
    if (!may_write(step, l)) step->writable.push_back(l);
    return to_handle(l);
  } catch (...) {
    out_of_memory(step);
    return nullptr;
  }
}

tw_str host_layer_name(const tw_layer* layer) {
  const Layer* l = checked(layer, "layer_name");
  return l != nullptr ? ts(l->name()) : tw_str{nullptr, 0};
}

tw_status host_layer_view(const tw_layer* layer, tw_span_view* out) {
  if (out == nullptr || out->struct_size < offsetof(tw_span_view, count) + sizeof(out->count)) {
    misuse(tls_step, "layer_view without a view to fill (NULL or struct_size too small)");
    return TW_INVALID;
  }
  const Layer* l = checked(layer, "layer_view");
  tw_span_view v{};
  v.struct_size = out->struct_size;
  v.item_size = sizeof(tw_span);
  tw_status status = TW_INVALID;
  if (l != nullptr) {
    v.spans = l->spans().data();
    v.count = l->spans().size();
    v.labels = l->labels().data();
    v.label_count = l->labels().size();
    status = TW_OK;
  }
  std::memcpy(out, &v, std::min<std::size_t>(out->struct_size, sizeof(v)));
  return status;
}

tw_status host_layer_column(const tw_layer* layer, tw_str key, tw_column_view* out) {
  if (out == nullptr || out->struct_size < offsetof(tw_column_view, item_size) + sizeof(out->item_size)) {
    misuse(tls_step, "layer_column without a view to fill (NULL or struct_size too small)");
    return TW_INVALID;
  }
  const Layer* l = checked(layer, "layer_column");
  tw_column_view v{};
  v.struct_size = out->struct_size;
  tw_status status = l == nullptr ? TW_INVALID : TW_NOT_FOUND;
  if (l != nullptr) {
    if (const AttrColumn* c = l->column(sv(key))) {
      v = c->view();
      v.struct_size = out->struct_size;
      status = TW_OK;
    }
  }
  std::memcpy(out, &v, std::min<std::size_t>(out->struct_size, sizeof(v)));
  return status;
}

tw_status host_span_add(tw_layer* layer, uint32_t begin, uint32_t end, tw_str label, size_t* index) {
  StepScope* step = tls_step;
  const Layer* cl = checked(layer, "span_add");
  if (cl == nullptr) return TW_INVALID;
  Layer* l = from_handle(layer);
  if (!may_write(step, l)) {
    misuse(step,
           fmt::format("span_add to layer '{}', which this step does not provide; declare it in provides",
                       l->name()));
    return TW_DENIED;
  }
  return guard(step, [&] {
    auto i = l->owner()->add_span(*l, begin, end, sv(label));
    if (!i) {
      misuse(step, fmt::format("span_add to layer '{}' of [{}, {}): outside the text ({} bytes) or not on a "
                               "UTF-8 character boundary",
                               l->name(), begin, end, l->owner()->text.size()));
      return TW_INVALID;
    }
    if (index != nullptr) *index = *i;
    return TW_OK;
  });
}

tw_status host_attr_set(tw_layer* layer, size_t index, tw_str key, const tw_value* value) {
  StepScope* step = tls_step;
  const Layer* cl = checked(layer, "attr_set");
  if (cl == nullptr) return TW_INVALID;
  Layer* l = from_handle(layer);
  const std::string_view k = sv(key);
  if (!may_write(step, l)) {
    misuse(step,
           fmt::format("set attribute '{}' on layer '{}', which this step does not provide", k, l->name()));
    return TW_DENIED;
  }
  return guard(step, [&] {
    const AttrSpec* spec = nullptr;
    if (step != nullptr && step->info != nullptr)
      if (const LayerSpec* ls = step->info->find_provided(l->name())) spec = ls->find_attr(k);
    // The happy path formats nothing: the words for an error are made only when one happens.
    auto what = [&] { return fmt::format("attribute of layer '{}'", l->name()); };
    const bool declared_ok =
        value != nullptr && value->struct_size >= offsetof(tw_value, type) + sizeof(value->type) &&
        (step == nullptr || step->info == nullptr || (spec != nullptr && spec->type == value->type));
    if (!declared_ok) return check_declared(step, spec, what(), k, value);
    if (spec != nullptr && !spec->target.empty()) {
      const Layer* t = from_handle(value->target);
      if (t != nullptr && t->name() != spec->target) {
        misuse(step, fmt::format("set {} '{}' to a reference into '{}', declared as into '{}'", what(), k,
                                 t->name(), spec->target));
        return TW_INVALID;
      }
    }
    const SetStatus status = l->set(index, k, *value);
    return status == SetStatus::ok ? TW_OK : report_set(step, status, what(), k, index);
  });
}

tw_status host_attr_get(const tw_layer* layer, size_t index, tw_str key, tw_value* out) {
  const Layer* l = checked(layer, "attr_get");
  if (l == nullptr) return TW_INVALID;
  if (out == nullptr || out->struct_size < offsetof(tw_value, type) + sizeof(out->type)) {
    misuse(tls_step, "attr_get without a value to fill (NULL or struct_size too small)");
    return TW_INVALID;
  }
  if (index >= l->size()) {
    misuse(tls_step,
           fmt::format("attr_get of span {} of layer '{}', which has {} spans", index, l->name(), l->size()));
    return TW_INVALID;
  }
  return l->attrs().get(index, sv(key), *out) ? TW_OK : TW_NOT_FOUND;
}

const tw_host_api kHostApi = {
    TW_ABI_MAJOR,
    TW_ABI_MINOR,
    static_cast<uint32_t>(sizeof(tw_host_api)),
    &host_log,
    &host_context_error,
    &host_data_dir,
    &host_data_file_loaded,
    &host_param_get,
    &host_doc_text,
    &host_doc_meta,
    &host_doc_error,
    &host_doc_warning,
    &host_doc_attr_set,
    &host_doc_attr_get,
    &host_layer_find,
    &host_layer_create,
    &host_layer_name,
    &host_layer_view,
    &host_layer_column,
    &host_span_add,
    &host_attr_set,
    &host_attr_get,
};

}  // namespace

StepScope::Enter::Enter(StepScope& scope) noexcept : previous_(tls_step) {
  tls_step = &scope;
}

StepScope::Enter::~Enter() {
  tls_step = previous_;
}

const tw_host_api* host_api() noexcept {
  return &kHostApi;
}

}  // namespace tagwerk::core
