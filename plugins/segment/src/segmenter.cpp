#include "segmenter.hpp"

#include <limits>
#include <map>
#include <stdexcept>
#include <utility>

namespace tagwerk::segment {

namespace {
// Languages that write ordinals as "3." -- there "am 07. Juli" does not end a sentence.
bool uses_dot_ordinals(std::string_view lang) {
  static constexpr std::string_view kLangs[] = {"de", "da", "no", "nb", "nn", "fi", "cs", "sk", "pl", "hu",
                                                "hr", "sl", "sr", "bs", "lv", "lt", "et", "is", "tr", "fo"};
  for (auto l : kLangs)
    if (l == lang) return true;
  return false;
}
}  // namespace

void Segmentation::clear() {
  paragraphs.clear();
  sentences.clear();
  tokens.clear();
}

Segmenter::Segmenter(Lexicon lexicon, SegmentOptions options)
    : lexicon_(std::move(lexicon)),
      options_(std::move(options)),
      tokenizer_(lexicon_),
      sentence_splitter_(lexicon_),
      detector_(std::move(lexicon_.function_words)) {}

Segmentation Segmenter::segment(std::string_view text, std::string_view doc_lang) const {
  Segmentation out;
  segment(text, doc_lang, out);
  return out;
}

void Segmenter::segment(std::string_view text, std::string_view doc_lang, Segmentation& out) const {
  if (text.size() >= std::numeric_limits<std::uint32_t>::max())
    throw std::length_error("text of " + std::to_string(text.size()) +
                            " bytes is too long to segment (4 GiB limit)");
  out.clear();

  std::vector<TextRange> blocks;
  std::vector<LanguageGuess> guesses;
  std::vector<TokenRun> runs;
  split_paragraphs(text, blocks);

  // Languages first: the fallback for unclear paragraphs needs the whole document.
  // Metadata may carry a region ("de-DE", "en_US"); paragraphs get the language only.
  std::string fallback(doc_lang.substr(0, doc_lang.find_first_of("-_")));
  if (options_.detect_language) {
    std::map<std::string, long, std::less<>> evidence;
    for (const auto& b : blocks) {
      // Metadata names the language most paragraphs are in; only a paragraph
      // that does not open in it needs its full sample read.
      guesses.push_back(detector_.detect(text.substr(b.begin, b.end - b.begin), fallback));
      if (guesses.back().reliable) evidence[guesses.back().lang] += guesses.back().letter_bytes;
    }
    if (fallback.empty() && !evidence.empty()) {
      auto best = evidence.begin();
      for (auto it = evidence.begin(); it != evidence.end(); ++it)
        if (it->second > best->second) best = it;
      fallback = best->first;
    }
  }
  if (fallback.empty()) fallback = options_.default_lang;

  for (std::size_t p = 0; p < blocks.size(); ++p) {
    const std::string& lang = options_.detect_language && guesses[p].reliable ? guesses[p].lang : fallback;
    const auto first_token = static_cast<std::uint32_t>(out.tokens.size());
    tokenizer_.tokenize(text, blocks[p].begin, blocks[p].end, TokenizerOptions{uses_dot_ordinals(lang)},
                        out.tokens);
    const auto last_token = static_cast<std::uint32_t>(out.tokens.size());
    if (first_token == last_token) continue;  // only format characters

    Paragraph para;
    para.begin = out.tokens[first_token].begin;
    para.end = out.tokens[last_token - 1].end;
    para.lang = lang;
    para.first_sentence = static_cast<std::uint32_t>(out.sentences.size());
    const auto index = static_cast<std::uint32_t>(out.paragraphs.size());

    runs.clear();
    sentence_splitter_.split(text, out.tokens, first_token, last_token, runs);
    for (const auto& r : runs) {
      const Token& a = out.tokens[r.first_token];
      const Token& z = out.tokens[r.first_token + r.token_count - 1];
      out.sentences.push_back(Sentence{a.begin, z.end, index, r.first_token, r.token_count});
    }
    para.sentence_count = static_cast<std::uint32_t>(out.sentences.size()) - para.first_sentence;
    out.paragraphs.push_back(std::move(para));
  }
}

}  // namespace tagwerk::segment
