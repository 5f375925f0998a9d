// The rules that turn one sentence's tokens into per-token valences: lexicon
// lookup (with German inflection and compounds), emoticons, capitals,
// intensifiers, negation scope (before and, in German, after the word),
// "weder ... noch", contrast, "not X but close" and similes. The caller sums
// valences over a sentence, a clause or the text around a target.
#pragma once

#include <tagwerk/sentiment/engine.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "linear_model.hpp"
#include "valence_lexicon.hpp"

namespace tagwerk::sentiment {

/// What the rules know about one lower-cased word.
struct WordInfo {
  float valence = 0;  // after inflection and compound lookup; 0 for modifiers
  Modifier mod;
  float lower_valence = 0;  // the same for the word written lower case: no compound heads
};

/// Per-thread buffers and the word lookup cache.
struct Scratch {
  std::string lower;                            // one token, lower-cased
  std::string spelling;                         // one word as tweets spell it, held letters cut
  std::vector<float> valence;                   // per token of the sentence, after the rules
  std::vector<float> head_valence;              // per token: its valence read as a compound
  std::vector<std::uint32_t> clause;            // per token: its clause number in the sentence
  std::vector<Modifier> mods;                   // per token
  std::vector<std::uint8_t> negated;            // per token
  std::vector<std::uint8_t> noun;               // per token: capitalized, not the sentence's first word
  std::vector<StringMap<WordInfo>> word_cache;  // per language model
  // Per document token: its valence, global clause number, quote index + 1 (0: none).
  std::vector<float> doc_valence;
  std::vector<std::uint32_t> doc_clause;
  std::vector<std::uint32_t> quote_of;
  std::vector<double> sentence_sum;           // per sentence
  std::vector<std::uint32_t> token_sentence;  // per document token: its sentence + 1 (0: none)
  std::vector<std::size_t> sentence_model;    // per sentence: the language model used
  std::string feature;                        // one feature name being built
  std::vector<std::uint8_t> linked;           // per sentence: its paragraph has a link
};

struct LanguageModel {
  std::string lang;
  Lexicon lexicon;
  bool decompound = false;
  double neutral_band = 0.05;        // |score| <= band: neu
  LinearModel target_model;          // empty: targets are scored by the rules
  LinearModel document_model;        // empty: documents are scored by the rules
  double document_model_weight = 1;  // LanguageFiles::document_model_weight
  int dilution_words = 0;            // LanguageFiles::dilution_words
  double link_share = 1;             // LanguageFiles::link_share
  double noun_share = 1;             // LanguageFiles::noun_share
};

/// VADER's normalization of a valence sum into (-1, 1); alpha grows with the
/// number of sentences summed.
double normalize(double sum, double alpha = 15.0) noexcept;

/// Scores tokens[first, last) of `text` as one sentence: fills
/// scratch.valence, scratch.noun and scratch.clause (indexed from 0 = tokens[first]) and
/// returns the exclamation emphasis to add to a sum in its direction.
/// `model_index` picks the model's lookup cache in the scratch; `own_language`
/// is false for a sentence in another language scored with the model as the
/// fallback (a Dutch tweet with the German rules): rules chosen on the model's
/// own language (the German emoticon weight) stay off there.
double score_sentence(const LanguageModel& model, std::size_t model_index, bool own_language,
                      std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                      std::size_t last, Scratch& scratch);

}  // namespace tagwerk::sentiment
