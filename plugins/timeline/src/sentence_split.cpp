// The naive sentence split of engine.hpp, for tools and tests without the
// segment plugin: breaks at line ends and at . ! ? followed by a space and an
// upper-case letter, unless the period closes a number ("9. Juli") or a short
// abbreviation ("Nr.", "Sept.").
#include <tagwerk/timeline/engine.hpp>

namespace tagwerk::timeline {

namespace {
bool is_upper_start(std::string_view text, std::size_t i) {
  if (i >= text.size()) return false;
  auto c = static_cast<unsigned char>(text[i]);
  if (c >= 'A' && c <= 'Z') return true;
  if (c == '"' || c == '(') return true;
  return c == 0xC3 && i + 1 < text.size() &&
         (static_cast<unsigned char>(text[i + 1]) & 0xE0) == 0x80;  // Ä Ö Ü
}
}  // namespace

std::vector<TextRange> naive_sentences(std::string_view text) {
  std::vector<TextRange> out;
  std::size_t start = 0;
  auto emit = [&](std::size_t end) {
    std::size_t b = start;
    while (b < end && (text[b] == ' ' || text[b] == '\n' || text[b] == '\r' || text[b] == '\t')) ++b;
    std::size_t e = end;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\n' || text[e - 1] == '\r' || text[e - 1] == '\t'))
      --e;
    if (e > b)
      out.push_back(TextRange{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), std::string()});
    start = end;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      emit(i + 1);
    } else if ((c == '.' || c == '!' || c == '?') && i + 2 < text.size() && text[i + 1] == ' ' &&
               is_upper_start(text, i + 2)) {
      if (c == '.') {
        std::size_t w = i;
        while (w > start && text[w - 1] != ' ' && text[w - 1] != '\n') --w;
        std::size_t len = i - w;
        bool digits = len > 0;
        for (std::size_t k = w; k < i; ++k)
          if (text[k] < '0' || text[k] > '9') digits = false;
        if (digits || len <= 4) continue;
      }
      emit(i + 1);
    }
  }
  emit(text.size());
  return out;
}

}  // namespace tagwerk::timeline
