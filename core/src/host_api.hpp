// The host side of the C ABI: the opaque structs plugins get handles to, the
// step that is running on this thread (for enforcing `provides` and for
// reporting misuse), and the tw_host_api table that works on them. Private to core.
#pragma once

#include <tagwerk/abi.h>
#include <tagwerk/core/chain.hpp>
#include <tagwerk/core/document.hpp>
#include <tagwerk/core/plugin_info.hpp>

#include <filesystem>
#include <string>
#include <vector>

struct tw_context {
  std::string plugin;                             // the plugin's name, for logs
  std::string data_dir;                           // its data folder, empty when none
  std::string error;                              // set by context_error() during create()
  std::vector<std::filesystem::path> data_files;  // reported by data_file_loaded()
};

struct tw_params {
  const std::vector<tagwerk::core::StepParam>* params;
  /// For each of params, the items of a string-list value as tw_str slices
  /// into it (empty for other types): what param_get hands out. Built once
  /// before create(), so that reading it from several threads is safe.
  std::vector<std::vector<tw_str>> lists;
};

namespace tagwerk::core {

/// One plugin's process() call on one document: who runs, what it may write,
/// and how often it misused the host table. Set for the calling thread by
/// StepScope::Enter around the call.
struct StepScope {
  Document* doc = nullptr;
  const PluginInfo* info = nullptr;
  std::vector<const Layer*> writable;    // layers of `info->provides` the step has opened
  std::size_t misuses = 0;               // errors beyond kMaxMisuseErrors are only counted
  const Layer* last_checked = nullptr;   // the last handle found to be this document's
  const Layer* last_writable = nullptr;  // the last layer found in `writable`

  static constexpr std::size_t kMaxMisuseErrors = 16;

  /// Makes `scope` the current step of this thread until destroyed.
  class Enter {
   public:
    explicit Enter(StepScope& scope) noexcept;
    ~Enter();
    Enter(const Enter&) = delete;
    Enter& operator=(const Enter&) = delete;

   private:
    StepScope* previous_;
  };
};

}  // namespace tagwerk::core

struct tw_doc {
  tagwerk::core::StepScope* step;
};

namespace tagwerk::core {

/// The host function table; static, valid for the program's lifetime.
const tw_host_api* host_api() noexcept;

inline tw_layer* to_handle(Layer* l) noexcept {
  return reinterpret_cast<tw_layer*>(l);
}
inline const tw_layer* to_handle(const Layer* l) noexcept {
  return reinterpret_cast<const tw_layer*>(l);
}
inline Layer* from_handle(tw_layer* l) noexcept {
  return reinterpret_cast<Layer*>(l);
}
inline const Layer* from_handle(const tw_layer* l) noexcept {
  return reinterpret_cast<const Layer*>(l);
}

}  // namespace tagwerk::core
