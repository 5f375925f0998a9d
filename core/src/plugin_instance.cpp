// A chain step's live plugin: creation, per-thread scratch, the serialization
// of plugins that are not thread-safe, timing and the error firewall.
#include <tagwerk/core/plugin_instance.hpp>

#include <tagwerk/core/error.hpp>

#include "host_api.hpp"

#include <fmt/format.h>
#include <tbb/enumerable_thread_specific.h>

#include <atomic>
#include <chrono>
#include <mutex>

namespace tagwerk::core {

struct PluginInstance::Impl {
  std::shared_ptr<PluginLibrary> library;  // outlives instance and scratches (members destroyed last)
  std::vector<StepParam> params;
  tw_context context;
  tw_params c_params{};
  void* instance = nullptr;
  tbb::enumerable_thread_specific<void*> scratch{nullptr};
  std::mutex serial;
  std::atomic<std::uint64_t> nanoseconds{0};
  std::atomic<std::uint64_t> documents{0};
  std::atomic<std::uint64_t> failures{0};
};

PluginInstance::PluginInstance(std::shared_ptr<PluginLibrary> library, std::vector<StepParam> params,
                               std::string where)
    : impl_(std::make_unique<Impl>()) {
  impl_->library = std::move(library);
  impl_->params = std::move(params);
  const PluginInfo& info = impl_->library->info();
  impl_->context.plugin = info.name;
  impl_->context.data_dir = info.data_dir.string();
  impl_->c_params.params = &impl_->params;
  for (const auto& p : impl_->params) {
    std::vector<tw_str> items;
    if (const auto* list = std::get_if<std::vector<std::string>>(&p.value))
      for (const auto& item : *list) items.push_back(tw_str{item.data(), item.size()});
    impl_->c_params.lists.push_back(std::move(items));
  }
  impl_->instance = impl_->library->descriptor().create(host_api(), &impl_->context, &impl_->c_params);
  if (impl_->instance == nullptr) {
    std::string reason =
        impl_->context.error.empty() ? "create() failed without saying why" : impl_->context.error;
    throw SetupError(fmt::format("{}: plugin '{}' refused its configuration: {}", where, info.name, reason));
  }
}

PluginInstance::~PluginInstance() {
  const tw_plugin_v2& d = impl_->library->descriptor();
  for (void* s : impl_->scratch)
    if (s != nullptr && d.scratch_destroy != nullptr) d.scratch_destroy(impl_->instance, s);
  d.destroy(impl_->instance);
}

bool PluginInstance::process(Document& doc) {
  const tw_plugin_v2& d = impl_->library->descriptor();
  const PluginInfo& info = impl_->library->info();
  bool exists = false;
  void*& scratch = impl_->scratch.local(exists);
  if ((!exists || scratch == nullptr) && d.scratch_create != nullptr) {
    scratch = d.scratch_create(impl_->instance);
    if (scratch == nullptr) {
      ++impl_->documents;
      ++impl_->failures;
      doc.add_error(
          info.name,
          "could not create its per-thread scratch state (out of memory, or its constructor failed)");
      return false;
    }
  }
  StepScope step;
  step.doc = &doc;
  step.info = &info;
  tw_doc handle{&step};
  const std::size_t errors_before = doc.errors.size();
  const auto start = std::chrono::steady_clock::now();
  tw_status status;
  {
    StepScope::Enter current(step);
    if (info.thread_safe) {
      status = d.process(impl_->instance, scratch, &handle);
    } else {
      std::lock_guard lock(impl_->serial);
      status = d.process(impl_->instance, scratch, &handle);
    }
  }
  const auto elapsed = std::chrono::steady_clock::now() - start;
  impl_->nanoseconds +=
      static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count());
  ++impl_->documents;
  if (step.misuses > StepScope::kMaxMisuseErrors)
    doc.add_error(info.name,
                  fmt::format("misused the host {} more times on this record (only the first {} are listed)",
                              step.misuses - StepScope::kMaxMisuseErrors, StepScope::kMaxMisuseErrors));
  if (status == TW_OK) {
    // A misuse put its errors on the record; the plugin's other results stand
    // and the later steps run.
    if (step.misuses > 0) ++impl_->failures;
    return true;
  }
  ++impl_->failures;
  if (doc.errors.size() == errors_before)
    doc.add_error(info.name,
                  fmt::format("failed with status {} without a message", static_cast<int>(status)));
  return false;
}

const PluginInfo& PluginInstance::info() const noexcept {
  return impl_->library->info();
}
std::uint64_t PluginInstance::nanoseconds() const noexcept {
  return impl_->nanoseconds;
}
std::uint64_t PluginInstance::documents() const noexcept {
  return impl_->documents;
}
const std::vector<std::filesystem::path>& PluginInstance::data_files() const noexcept {
  return impl_->context.data_files;
}
std::uint64_t PluginInstance::failures() const noexcept {
  return impl_->failures;
}

}  // namespace tagwerk::core
