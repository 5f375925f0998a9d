// Running shipped plugins through the real loader for golden tests.
#include "chain_harness.hpp"

#include <tagwerk/core/error.hpp>
#include <tagwerk/core/json_text.hpp>
#include <tagwerk/core/output.hpp>

#include <fstream>
#include <sstream>

namespace tagwerk::test {

ChainHarness::ChainHarness(const std::string& chain_toml) {
  registry_.scan({std::filesystem::path(TAGWERK_BUILD_PLUGIN_DIR)});
  available_ = registry_.plugins();
  chain_ = std::make_unique<core::Chain>(core::parse_chain(chain_toml, "test-chain.toml", available_));
  pipeline_ = std::make_unique<core::Pipeline>(*chain_, registry_);
}

core::Document ChainHarness::run(std::string text,
                                 const std::vector<std::pair<std::string, std::string>>& meta) {
  core::Document doc;
  doc.id = "test";
  doc.text = std::move(text);
  for (const auto& [key, value] : meta) {
    if (key == "id") doc.id = value;
    std::string raw;
    core::append_json_string(raw, value);
    doc.fields.push_back(core::Field{key, raw, value});
  }
  pipeline_->analyse(doc);
  return doc;
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
