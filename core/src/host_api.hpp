// The host side of the C ABI: the opaque structs plugins get handles to, and
// the tw_host_api table that works on them. Private to core.
#pragma once

#include <tagwerk/abi.h>
#include <tagwerk/core/chain.hpp>
#include <tagwerk/core/document.hpp>

#include <string>
#include <vector>

struct tw_context {
  std::string plugin;    // the plugin's name, for logs
  std::string data_dir;  // its data folder, empty when none
  std::string error;     // set by context_error() during create()
};

struct tw_params {
  const std::vector<tagwerk::core::StepParam>* params;
};

struct tw_doc {
  tagwerk::core::Document* doc;
  const std::string* plugin;  // who is processing it, for its errors
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
