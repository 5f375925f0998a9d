// Chain files of arbitrary text, parsed and validated against a fixed set of
// plugins: the shipped ones (segment, timeline) as the real loader describes
// them, and one made up here that declares a parameter of every type, a
// required one, a layer it requires, an optional input and a layer schema. A
// chain is either refused with diagnostics or resolved; a resolved chain's
// to_toml() parses again into the same chain (chain.hpp promises it),
// defaults included, with the same warnings.
#include <tagwerk/core/chain.hpp>
#include <tagwerk/core/plugin_registry.hpp>

#include "fuzz_check.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace tagwerk;
using fuzz::check;

core::PluginInfo made_up_plugin() {
  core::PluginInfo info;
  info.name = "words";
  info.version = "1.0.0";
  info.summary = "words with typed parameters (made up for fuzzing)";
  info.requires_inputs = {core::InputRef::parse("token")};
  // Provided by timeline, which a chain may put after this step: the warning path.
  info.optional_inputs = {core::InputRef::parse("timex.value")};
  info.provides = {{"word",
                    "words of at least min_length characters",
                    {{"length", TW_VALUE_INT, "characters", ""},
                     {"upper", TW_VALUE_BOOL, "starts with a capital", ""},
                     {"token", TW_VALUE_REF, "the token it was made of", "token"},
                     {"forms", TW_VALUE_STRING_LIST, "spellings seen", ""}}}};
  info.doc_attrs = {{"word_count", TW_VALUE_INT, "words kept", ""}};
  info.params = {
      {"layer", TW_PARAM_STRING, "word", "layer to write", false},
      {"min_length", TW_PARAM_INT, "1", "shortest word kept", false},
      {"weight", TW_PARAM_FLOAT, "0.5", "weight per character", false},
      {"mark_upper", TW_PARAM_BOOL, "true", "mark capitalised words", false},
      {"lexicon", TW_PARAM_PATH, std::nullopt, "a word list", false},
      {"stopwords", TW_PARAM_STRING_LIST, "[\"der\", \"die\"]", "words to skip", false},
      {"model", TW_PARAM_STRING, std::nullopt, "required: the model's name", true},
  };
  info.abi_major = TW_ABI_MAJOR;
  info.abi_minor = TW_ABI_MINOR;
  return info;
}

const std::vector<core::PluginInfo>& plugins() {
  // The registry stays: unloading an instrumented library would pull its
  // coverage counters from under libFuzzer.
  static core::PluginRegistry registry;
  static const std::vector<core::PluginInfo> all = [] {
    registry.scan({TAGWERK_BUILD_PLUGIN_DIR});
    std::vector<core::PluginInfo> out = registry.plugins();
    check(out.size() >= 2, "the shipped plugins were not found in " TAGWERK_BUILD_PLUGIN_DIR);
    out.push_back(made_up_plugin());
    return out;
  }();
  return all;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view toml(reinterpret_cast<const char*>(data), size);
  core::Chain chain;
  try {
    chain = core::parse_chain(toml, "/fuzz/chains/fuzz.toml", plugins());
  } catch (const core::ChainError& e) {
    check(!e.diagnostics().empty(), "a chain was refused without a diagnostic");
    for (const auto& d : e.diagnostics()) check(!d.message.empty(), "a diagnostic says nothing", d.str());
    return 0;
  }
  for (const auto& w : chain.warnings)
    check(w.severity == core::Severity::warning && !w.message.empty(), "a warning is no warning", w.str());
  const std::string resolved = chain.to_toml();
  check(chain.hash().size() == 64, "the chain's hash is not 64 hex digits");
  try {
    const core::Chain again = core::parse_chain(resolved, "/elsewhere/again.toml", plugins());
    check(again.to_toml() == resolved, "to_toml() does not parse back into the same chain",
          resolved + "\n--- became ---\n" + again.to_toml());
    check(again.warnings.size() == chain.warnings.size(), "to_toml() changes the chain's warnings", resolved);
  } catch (const core::ChainError& e) {
    check(false, "to_toml() of a valid chain is refused", resolved + "\n---\n" + e.what());
  }
  return 0;
}
