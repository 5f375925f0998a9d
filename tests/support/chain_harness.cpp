// Running shipped plugins through the real loader: the harness's runner
// (testing/src/runner.hpp), handing out the core::Document itself.
#include "chain_harness.hpp"

#include "runner.hpp"

#include <tagwerk/core/error.hpp>
#include <tagwerk/core/output.hpp>

#include <fstream>
#include <sstream>

namespace tagwerk::test {

ChainHarness::ChainHarness(const std::string& chain_toml)
    : runner_(std::make_unique<testing::detail::Runner>(std::vector<std::string>{TAGWERK_BUILD_PLUGIN_DIR},
                                                        std::vector<std::string>{}, chain_toml,
                                                        "test-chain.toml")) {}

ChainHarness::~ChainHarness() = default;

core::Document ChainHarness::run(std::string text,
                                 const std::vector<std::pair<std::string, std::string>>& meta) {
  return runner_->run(text, meta);
}

std::string ChainHarness::json(const core::Document& doc, core::OffsetUnit unit) const {
  return core::to_json_line(doc, unit);
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw core::SetupError("cannot read test file " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string span_text(const core::Document& doc, const core::Layer& layer, std::size_t i) {
  const tw_span& s = layer.spans().at(i);
  return doc.text.substr(s.begin, s.end - s.begin);
}

}  // namespace tagwerk::test
