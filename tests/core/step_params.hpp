// A resolved chain-step parameter, as the chain parser would make it, for
// tests that create plugin instances directly.
#pragma once

#include <tagwerk/core/chain.hpp>

#include <string>
#include <utility>

namespace tagwerk::core {

inline StepParam param(std::string name, ParamValue value, tw_param_type type) {
  StepParam p;
  p.name = std::move(name);
  p.value = std::move(value);
  p.type = type;
  return p;
}

}  // namespace tagwerk::core
