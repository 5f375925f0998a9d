// The timeline engine on arbitrary bytes (it promises not to throw on any
// text, ill-formed UTF-8 included), with an arbitrary metadata date and
// sentence and quote ranges of several shapes, over the segment engine's tokens
// (as the chain gives them) or a malformed token list. Checked: it returns, every
// timex lies inside the text and is non-empty, every event inside its range
// and pointing at an existing timex.
//
// The input is: one setup byte, the metadata date up to the first '\n', then the text.
//   bits 0-1  the document's language: none, de, en, fr
//   bits 2-3  sentences: segment's, none (the whole text), split at every '|',
//             or split at every '|' with the paragraph languages alternating de/en
//   bit 4     quotes: the ranges between pairs of '"'
//   bit 5     tokens: segment's, then each again (overlapping) and one past the text
#include <tagwerk/timeline/engine.hpp>
#include <tagwerk/timeline/segmented_input.hpp>

#include "fuzz_check.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace tagwerk;
using fuzz::check;

const timeline::Engine& engine() {
  static const timeline::Engine e(TAGWERK_SOURCE_DIR "/plugins/timeline/data", {"de", "en"});
  return e;
}

/// Ranges between the separators (which they leave out), in order; some empty.
std::vector<timeline::TextRange> split(std::string_view text, char separator, bool alternate_lang) {
  std::vector<timeline::TextRange> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != separator) continue;
    std::string lang = alternate_lang ? (out.size() % 2 ? "en" : "de") : "";
    out.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(i), std::move(lang)});
    start = i + 1;
  }
  return out;
}

std::vector<timeline::TextRange> quotes(std::string_view text) {
  std::vector<timeline::TextRange> out;
  for (std::size_t open = text.find('"'); open != std::string_view::npos;) {
    const std::size_t close = text.find('"', open + 1);
    if (close == std::string_view::npos) break;
    out.push_back({static_cast<std::uint32_t>(open), static_cast<std::uint32_t>(close + 1), ""});
    open = text.find('"', close + 1);
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const char* const kLangs[] = {"", "de", "en", "fr"};
  const unsigned setup = data[0];
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::size_t nl = rest.find('\n');
  const std::string_view dct = nl == std::string_view::npos ? std::string_view() : rest.substr(0, nl);
  const std::string_view text = nl == std::string_view::npos ? rest : rest.substr(nl + 1);

  static const segment::Segmenter segmenter =
      timeline::make_segmenter(TAGWERK_SOURCE_DIR "/plugins/segment/data");
  static segment::Segmentation seg;
  timeline::Input in = timeline::segmented_input(segmenter, text, dct, kLangs[setup & 3], seg);
  if (setup & 32) {
    const std::size_t n = in.tokens.size();
    for (std::size_t i = 0; i < n; ++i) in.tokens.push_back(in.tokens[i]);
    const auto past = static_cast<std::uint32_t>(text.size());
    in.tokens.push_back({past, past + 4, "word"});
  }
  switch ((setup >> 2) & 3) {
    case 0:
      break;
    case 1:
      in.sentences.clear();
      break;
    case 2:
      in.sentences = split(text, '|', false);
      break;
    case 3:
      in.sentences = split(text, '|', true);
      break;
  }
  if (setup & 16) in.quotes = quotes(text);

  static timeline::ScratchPtr scratch = timeline::Engine::make_scratch();
  const timeline::Result r = engine().analyze(in, *scratch);

  for (const auto& t : r.timexes)
    check(t.begin < t.end && t.end <= text.size() && !t.type.empty(), "a timex is empty or outside the text",
          t.type + " " + t.value);
  for (const auto& e : r.events) {
    check(e.begin <= e.end && e.end <= text.size(), "an event lies outside the text");
    check(e.timex < static_cast<int>(r.timexes.size()), "an event points past the timexes");
    check(e.source != timeline::TimeSource::Timex || e.timex >= 0, "an event from a timex names none");
  }
  check(r.dct_begin <= r.dct_end && r.dct_end <= text.size(), "the DCT lies outside the text");
  return 0;
}
