// tagwerk/core/error.hpp -- the one error type of core: setup failures (bad
// chain, missing file, wrong ABI) are thrown as SetupError with a message that
// names the file, line or parameter and the fix. Per-document failures are
// never thrown past the pipeline: they become RecordError data on the record.
#pragma once

#include <stdexcept>
#include <string>

namespace tagwerk::core {

class SetupError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace tagwerk::core
