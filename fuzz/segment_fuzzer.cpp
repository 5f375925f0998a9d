// The segment plugin through the real loader (as the golden tests run it) on
// arbitrary text, made well-formed UTF-8 first as the corpus reader does, and
// optionally the rest of the default chain after it (entities, quotes,
// timeline). Checked: no
// plugin reports an error (an exception caught at the ABI boundary is a bug
// too), the spans lie inside the text, sentences inside paragraphs and in
// order, and the writer makes one JSON object of the record in every offset unit.
//
// The first byte of the input picks the setup, the rest is the text:
//   bit 0     language detection off (every paragraph gets the document's lang)
//   bits 1-3  the document's `lang` metadata: none, de, en, de-DE, fr, EN, x, or a long tag
//   bit 4     entities, quotes and timeline run after segment (the default chain)
//   bit 5     the document has `date` metadata 2017-07-09 (else the timeline looks for one in the text)
#include <tagwerk/core/output.hpp>
#include <tagwerk/core/utf8.hpp>

#include "chain_harness.hpp"
#include "fuzz_check.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace {

using namespace tagwerk;
using fuzz::check;

/// The chain of one setup, made once: each loads the plugins and their data.
test::ChainHarness& harness(bool detect_language, bool timeline) {
  static std::array<std::unique_ptr<test::ChainHarness>, 4> chains;
  auto& chain = chains[(detect_language ? 1 : 0) + (timeline ? 2 : 0)];
  if (!chain) {
    std::string toml = "[[step]]\nuse = \"segment\"\nlanguage_detection = ";
    toml += detect_language ? "true\n" : "false\n";
    if (timeline)
      toml += "[[step]]\nuse = \"entities\"\n[[step]]\nuse = \"quotes\"\n[[step]]\nuse = \"timeline\"\n";
    chain = std::make_unique<test::ChainHarness>(toml);
  }
  return *chain;
}

void check_in_order(const core::Layer& layer, std::size_t text_size) {
  std::uint32_t previous_end = 0;
  for (const tw_span& s : layer.spans()) {
    check(s.begin < s.end && s.end <= text_size, "a span is empty or outside the text", layer.name());
    check(s.begin >= previous_end, "spans overlap or go backwards", layer.name());
    previous_end = s.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const char* const kLangs[] = {"",   "de", "en", "de-DE",
                                       "fr", "EN", "x",  "de-Latn-AT-x-private-tag-1234"};
  const bool detect = (data[0] & 1) == 0;
  const std::string lang = kLangs[(data[0] >> 1) & 7];
  std::string text = core::repair_utf8(std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  if (text.empty()) return 0;  // the host runs no plugin on an empty text
  const std::size_t text_size = text.size();

  const bool timeline = (data[0] & 16) != 0;
  std::vector<std::pair<std::string, std::string>> meta{{"id", "fuzz"}};
  if (!lang.empty()) meta.emplace_back("lang", lang);
  if (data[0] & 32) meta.emplace_back("date", "2017-07-09");
  const core::Document doc = harness(detect, timeline).run(std::move(text), meta);
  for (const auto& e : doc.errors) check(false, "a plugin failed", e.plugin + ": " + e.message);
  if (timeline) {
    const core::Layer* timex = doc.find_layer("timex");
    check(timex && doc.find_layer("event"), "a timeline layer is missing");
    const core::AttrColumn* source = doc.attrs().find("dct_source");
    check(source != nullptr && source->has(0) && !source->string_at(0).empty(),
          "the timeline set no dct_source document attribute");
    for (const tw_span& s : timex->spans())
      check(s.begin < s.end && s.end <= text_size, "a timex is empty or outside the text");
    const core::Layer* entity = doc.find_layer("entity");
    check(entity && doc.find_layer("quote"), "an entities or quotes layer is missing");
    check_in_order(*entity, text_size);
    const auto* cluster = entity->column("cluster");
    for (std::size_t i = 0; i < entity->size(); ++i) {
      check(cluster && cluster->has(i), "an entity has no cluster");
      const std::uint64_t first = cluster->ref_at(i);
      check(first <= i && cluster->ref_at(static_cast<std::size_t>(first)) == first,
            "an entity's cluster is not a first mention before it");
    }
    for (const tw_span& s : doc.find_layer("quote")->spans())
      check(s.begin == TW_NO_OFFSET || (s.begin < s.end && s.end <= text_size),
            "a quote is outside the text");
  }

  const core::Layer* paragraphs = doc.find_layer("paragraph");
  const core::Layer* sentences = doc.find_layer("sentence");
  const core::Layer* tokens = doc.find_layer("token");
  check(paragraphs && sentences && tokens, "a layer is missing");
  check_in_order(*paragraphs, text_size);
  check_in_order(*sentences, text_size);
  check_in_order(*tokens, text_size);
  std::size_t p = 0;
  for (const tw_span& s : sentences->spans()) {
    while (p < paragraphs->size() && paragraphs->spans()[p].end < s.end) ++p;
    check(p < paragraphs->size() && paragraphs->spans()[p].begin <= s.begin,
          "a sentence lies outside every paragraph");
  }
  for (std::size_t i = 0; i < paragraphs->size(); ++i) {
    const auto* l = paragraphs->column("lang");
    check(l && l->type() == TW_VALUE_STRING && l->has(i) && !l->string_at(i).empty(),
          "a paragraph has no language");
  }
  for (auto unit : {core::OffsetUnit::codepoints, core::OffsetUnit::bytes, core::OffsetUnit::utf16})
    fuzz::check_json(core::to_json_line(doc, unit));
  return 0;
}
