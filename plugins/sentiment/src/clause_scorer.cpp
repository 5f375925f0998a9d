#include "clause_scorer.hpp"

#include <algorithm>
#include <cmath>

#include <tagwerk/text/char_class.hpp>

namespace tagwerk::sentiment {
namespace {

// VADER's constants (Hutto & Gilbert 2014): negation dampens and flips, a
// booster adds 0.293 (less with distance), capitals 0.733, each '!' 0.292.
constexpr float kNegation = -0.74f;
constexpr float kCaps = 0.733f;
constexpr double kExclamation = 0.292;
constexpr int kMaxExclamations = 4;
constexpr int kScope = 3;  // words a negator or booster reaches
constexpr float kBoostDecay[kScope] = {1.f, 0.95f, 0.9f};
constexpr float kBeforeContrast = 0.5f, kAfterContrast = 1.5f;
constexpr float kUndoneNegation = 0.8f;  // "nicht die dümmste Idee, aber nahe dran"
constexpr std::size_t kMaxCache = 1u << 16;
constexpr std::size_t kMaxEmoticonTokens = 3;

bool is_word(std::string_view kind) {
  return kind == "word";
}
bool is_mark(std::string_view kind) {
  return kind == "punct" || kind == "sym";
}
float sign(float v) {
  return v < 0 ? -1.f : 1.f;
}

// Punctuation that ends a clause for negation and target scope.
bool ends_clause(std::string_view t) {
  return t == "," || t == ";" || t == ":" || t == "-" || t == "\xE2\x80\x93" || t == "\xE2\x80\x94" ||
         t == "(" || t == ")" || t == "\"" || t == "\xE2\x80\x9E" || t == "\xE2\x80\x9C" ||
         t == "\xE2\x80\x9D" || t == "\xC2\xAB" || t == "\xC2\xBB";
}

// At least two letters, all ASCII letters upper case.
bool all_caps(std::string_view w) {
  int upper = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    upper += c >= 'A' && c <= 'Z';
  }
  return upper >= 2;
}

// Starts with an upper-case or title-case letter.
bool starts_upper(std::string_view w) {
  return !w.empty() &&
         text::is_upper_or_title(text::Utf8Cursor(w, static_cast<std::int32_t>(w.size())).at(0));
}

std::string_view token_text(std::string_view text, const Token& t) {
  return text.substr(t.begin, t.end - t.begin);
}

// Tokens of an HTML entity for "<", ">" or "&" starting at tokens[j] (3:
// "&", "lt", ";" touching), else 0: tweets often come with "&lt;3".
std::size_t html_entity(std::string_view text, const std::vector<Token>& tokens, std::size_t j) {
  if (j + 2 >= tokens.size() || token_text(text, tokens[j]) != "&" || tokens[j + 1].begin != tokens[j].end ||
      tokens[j + 2].begin != tokens[j + 1].end || token_text(text, tokens[j + 2]) != ";")
    return 0;
  const std::string_view name = token_text(text, tokens[j + 1]);
  return name == "lt" || name == "gt" || name == "amp" ? 3 : 0;
}

// "&lt;" -> "<", "&gt;" -> ">", "&amp;" -> "&" in place.
void decode_entities(std::string& s) {
  if (s.find('&') == std::string::npos) return;
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.compare(i, 4, "&lt;") == 0) {
      out += '<';
      i += 3;
    } else if (s.compare(i, 4, "&gt;") == 0) {
      out += '>';
      i += 3;
    } else if (s.compare(i, 5, "&amp;") == 0) {
      out += '&';
      i += 4;
    } else {
      out += s[i];
    }
  }
  s = std::move(out);
}

// An emoticon as written, else with the character repeated at its end
// written twice, else once (":-)))" as ":-))", then ":-)"; ":dd" as ":d").
std::optional<float> emoticon(const Lexicon& lex, std::string& lower) {
  if (auto v = lex.exact(lower)) return v;
  std::size_t run = 1;
  while (run < lower.size() && lower[lower.size() - 1 - run] == lower.back()) ++run;
  if (run < 2 || run == lower.size()) return std::nullopt;
  for (std::size_t keep : {std::size_t{2}, std::size_t{1}}) {
    if (keep >= run) continue;
    lower.resize(lower.size() - run + keep);
    if (auto v = lex.exact(lower)) return v;
    run = keep;
  }
  return std::nullopt;
}

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

// `w` with every run of more than `keep` equal ASCII letters cut to `keep`.
void squeeze(std::string_view w, std::size_t keep, std::string& out) {
  out.clear();
  std::size_t run = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    run = i > 0 && w[i] == w[i - 1] ? run + 1 : 1;
    if (run <= keep || !(w[i] >= 'a' && w[i] <= 'z')) out.push_back(w[i]);
  }
}

// Laughter: one syllable of "h" and a vowel said twice or more, letters held
// or not ("haha", "hihihi", "hahahaaa", "ahahah"; not "hohe").
bool laughter(std::string_view once) {
  if (once.size() >= 2 && is_vowel(once[0]) && once[1] == 'h') once.remove_prefix(1);
  if (!once.empty() && once.back() == 'h') once.remove_suffix(1);
  if (once.size() < 4 || once.size() % 2 != 0) return false;
  for (std::size_t i = 0; i < once.size(); i += 2)
    if (once[i] != 'h' || !is_vowel(once[i + 1]) || once[i + 1] != once[1]) return false;
  return true;
}

// A word the lexicon lacks, read as tweets spell: laughter takes the valence
// of "haha"; letters held three times or more ("suuuper", "looool") are read
// twice, then once. `buf` is scratch.
std::optional<float> spoken_form(const Lexicon& lex, bool decompound, std::string_view w, std::string& buf) {
  squeeze(w, 1, buf);
  if (laughter(buf)) return lex.exact("haha");
  bool held = false;
  for (std::size_t i = 2; i < w.size() && !held; ++i)
    held = w[i] == w[i - 1] && w[i] == w[i - 2] && w[i] >= 'a' && w[i] <= 'z';
  if (!held) return std::nullopt;
  for (std::size_t keep : {std::size_t{2}, std::size_t{1}}) {
    squeeze(w, keep, buf);
    if (auto v = lex.exact(buf)) return v;
    if (decompound)
      if (const float v = lex.decompound(buf, false); v != 0.f) return v;
  }
  return std::nullopt;
}

// Sets the valence of a sentence's opening salutation word (the lexicon's
// `salutation` lines: "Liebe", "Lieber") to 0 when a mention or a capitalized
// word other than a greeting ("Grüße", "Gruß") follows it.
void salutation(const Lexicon& lex, std::string_view text, const std::vector<Token>& tokens,
                std::size_t first, std::size_t last, Scratch& s) {
  std::size_t k = first;
  while (k < last && !is_word(tokens[k].kind)) ++k;
  if (k + 1 >= last || s.valence[k - first] <= 0.f) return;
  to_lower(token_text(text, tokens[k]), s.lower);
  if (!lex.salutation(s.lower)) return;
  const Token& next = tokens[k + 1];
  const std::string_view word = token_text(text, next);
  if (next.kind != "mention" && !(is_word(next.kind) && starts_upper(word))) return;
  to_lower(word, s.lower);
  if (lex.greeting(s.lower)) return;
  s.valence[k - first] = 0.f;
}

}  // namespace

double normalize(double sum, double alpha) noexcept {
  return sum / std::sqrt(sum * sum + alpha);
}

double score_sentence(const LanguageModel& model, std::size_t model_index, bool own_language,
                      std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                      std::size_t last, Scratch& s) {
  const std::size_t n = last - first;
  s.valence.assign(n, 0.f);
  s.head_valence.assign(n, 0.f);
  s.clause.assign(n, 0);
  s.mods.assign(n, Modifier{});
  s.negated.assign(n, 0);
  s.noun.assign(n, 0);
  if (s.word_cache.size() <= model_index) s.word_cache.resize(model_index + 1);
  StringMap<WordInfo>& cache = s.word_cache[model_index];
  if (cache.size() > kMaxCache) cache.clear();
  const Lexicon& lex = model.lexicon;

  // Lexicon, modifiers, clauses, emoticons.
  bool has_lower = false;
  std::size_t words = 0, capitalized = 0;  // words after the first, capitalized ones among them
  int exclamations = 0;
  std::uint32_t clause = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const Token& t = tokens[first + k];
    const std::string_view word = token_text(text, t);
    // An emoticon starting with a letter ("D:"): one capital letter and a
    // mark touching it, nothing touching after them, and no capitalized word
    // before ("Gruppe D:", "Laufwerk D:" name a thing).
    if (is_word(t.kind) && word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z' && k + 1 < n &&
        is_mark(tokens[first + k + 1].kind) && tokens[first + k + 1].begin == t.end &&
        (k + 2 == n || tokens[first + k + 2].begin != tokens[first + k + 1].end) &&
        (k == 0 || !is_word(tokens[first + k - 1].kind) ||
         !starts_upper(token_text(text, tokens[first + k - 1])))) {
      to_lower(text.substr(t.begin, tokens[first + k + 1].end - t.begin), s.lower);
      if (auto v = lex.exact(s.lower)) {
        s.valence[k] = *v;
        s.clause[k] = s.clause[k + 1] = clause;
        ++k;
        continue;
      }
    }
    if (is_mark(t.kind)) {
      exclamations += static_cast<int>(std::count(word.begin(), word.end(), '!'));
      // The longest run of touching tokens that is an emoticon (":-)", "<3"),
      // a part repeated at its end read once (":-)))", ":DD", "<333"). The run
      // may cross the sentence's end: segment splits "-.-" after its ".".
      std::size_t unit_end[kMaxEmoticonTokens];  // one past each part's last token
      std::size_t units = 0;
      for (std::size_t j = first + k; units < kMaxEmoticonTokens && j < tokens.size();) {
        if (j > first + k && tokens[j].begin != tokens[j - 1].end) break;
        std::size_t e = j + 1;
        if (const std::size_t entity = html_entity(text, tokens, j); entity > 0)
          e = j + entity;
        else
          while (e < tokens.size() && tokens[e].begin == tokens[e - 1].end &&
                 static_cast<unsigned char>(text[tokens[j].begin]) < 0x80 &&
                 token_text(text, tokens[e]) == token_text(text, tokens[j]))
            ++e;
        unit_end[units++] = e;
        j = e;
      }
      for (std::size_t m = units; m >= 1; --m) {
        const std::uint32_t part_begin = m == 1 ? t.begin : tokens[unit_end[m - 2]].begin;
        if (part_begin - t.begin > 8) continue;
        // One ASCII mark is never an emoticon.
        if (m == 1 && word.size() == 1 && unit_end[0] == first + k + 1) break;
        to_lower(text.substr(t.begin, tokens[unit_end[m - 1] - 1].end - t.begin), s.lower);
        decode_entities(s.lower);
        if (auto v = emoticon(lex, s.lower)) {
          s.valence[k] = own_language ? *v * lex.emoticon_weight() : *v;
          k += std::min(unit_end[m - 1] - (first + k) - 1, n - 1 - k);
          break;
        }
      }
      s.clause[k] = clause;
      if (ends_clause(word)) ++clause;
      continue;
    }
    if (!is_word(t.kind) && t.kind != "hashtag") {
      s.clause[k] = clause;
      continue;
    }
    for (char c : word) has_lower |= c >= 'a' && c <= 'z';
    to_lower(word, s.lower);
    // Capitalized (its first character changes in lower case): a noun or a
    // sentence start, where a compound head may carry the word.
    const std::size_t first_char = !word.empty() && static_cast<unsigned char>(word[0]) >= 0x80 ? 2 : 1;
    const bool capital = word.compare(0, first_char, s.lower, 0, first_char) != 0;
    capitalized += capital && words > 0;
    s.noun[k] = capital && words > 0 && t.kind != "hashtag";
    ++words;
    std::string_view w = s.lower;
    if (t.kind == "hashtag" && !w.empty() && w.front() == '#') w.remove_prefix(1);
    // One lookup per word once the thread has seen it: modifier and valence.
    auto it = cache.find(w);
    if (it == cache.end()) {
      WordInfo info{0.f, lex.modifier(w)};
      if (info.mod.kind == ModKind::Boost) {
        // A curse that intensifies ("verdammt gut") is a curse on its own ("Verdammt!")
        // where the rules say so (German); English keeps VADER's boosters ("super") valence-free.
        if (auto v = lex.exact(w); v && lex.boost_valence()) info.valence = info.lower_valence = *v;
      } else if (info.mod.kind == ModKind::None || info.mod.kind == ModKind::Clause ||
                 info.mod.kind == ModKind::Copula) {
        if (auto v = lex.exact(w))
          info.valence = info.lower_valence = *v;
        else if (model.decompound) {
          info.valence = lex.decompound(w);
          info.lower_valence = lex.decompound(w, false);
        }
      }
      if (info.mod.kind == ModKind::None && info.valence == 0.f && info.lower_valence == 0.f && !lex.exact(w))
        if (auto v = spoken_form(lex, model.decompound, w, s.spelling))
          info.valence = info.lower_valence = *v;
      it = cache.emplace(std::string(w), info).first;
    }
    const Modifier mod = it->second.mod;
    if (mod.kind == ModKind::Clause || mod.kind == ModKind::Contrast) ++clause;
    s.clause[k] = clause;
    s.mods[k] = mod;
    s.valence[k] = capital || t.kind == "hashtag" ? it->second.valence : it->second.lower_valence;
    s.head_valence[k] = it->second.valence;
  }
  // Text without capitalized nouns (tweets in lower case): any word may be one.
  if (capitalized == 0)
    for (std::size_t k = 0; k < n; ++k)
      if (s.head_valence[k] != 0.f) s.valence[k] = s.head_valence[k];

  // A salutation ("Liebe Kolleginnen", "Lieber Herr Meier", "liebe @name")
  // opening a German sentence addresses someone and says nothing about them;
  // "Liebe Grüße" still closes warmly, "Liebe ist ..." is the noun.
  salutation(lex, text, tokens, first, last, s);

  // A booster with a valence of its own ("verdammt") boosts the sentiment word
  // that follows it in its clause ("verdammt süß"); with none there it keeps
  // its valence ("Verdammt, der Zug ist weg").
  for (std::size_t k = 0; k < n; ++k) {
    if (s.mods[k].kind != ModKind::Boost || s.valence[k] == 0.f) continue;
    int words = 0;
    for (std::size_t j = k + 1; j < n && words < kScope && s.clause[j] == s.clause[k]; ++j) {
      if (!is_word(tokens[first + j].kind)) continue;
      ++words;
      if (s.valence[j] != 0.f && s.mods[j].kind != ModKind::Boost) {
        s.valence[k] = 0.f;
        break;
      }
    }
  }

  // Capitals, boosters, negation: VADER's order.
  std::size_t weder = n;  // "weder" seen: "noch" negates too
  for (std::size_t k = 0; k < n; ++k) {
    if (s.mods[k].kind == ModKind::Neither) weder = k;
    float v = s.valence[k];
    if (v == 0.f) continue;
    // An emoticon or emoji is the writer's own verdict: no negation or booster
    // before it reaches it ("wieder kein Schnee :(").
    if (!is_word(tokens[first + k].kind) && tokens[first + k].kind != "hashtag") continue;
    const std::string_view word = token_text(text, tokens[first + k]);
    if (has_lower && all_caps(word)) v += sign(v) * kCaps;
    bool negate = false;
    int words = 0;
    for (std::size_t j = k; j-- > 0 && words < kScope;) {
      if (s.clause[j] != s.clause[k]) break;
      if (!is_word(tokens[first + j].kind)) continue;
      const Modifier m = s.mods[j];
      if (m.kind == ModKind::Boost) v += sign(v) * m.weight * kBoostDecay[words];
      if (m.kind == ModKind::Negate || m.kind == ModKind::NegateNp || m.kind == ModKind::Neither)
        negate = true;
      if (weder < j && token_text(text, tokens[first + j]) == "noch") negate = true;
      ++words;
    }
    // German puts "nicht" after the verb: "das gefällt mir nicht", "... absolut
    // nicht geglaubt". A negator at most three words on, with no other
    // sentiment word between and at most one word after it in the clause.
    if (!negate && model.decompound) {
      words = 0;
      for (std::size_t j = k + 1; j < n && words < kScope; ++j) {
        if (s.clause[j] != s.clause[k]) break;
        if (!is_word(tokens[first + j].kind)) continue;
        if (s.valence[j] != 0.f) break;
        ++words;
        if (s.mods[j].kind != ModKind::Negate) continue;
        int after = 0;
        for (std::size_t i = j + 1; i < n && s.clause[i] == s.clause[k]; ++i)
          after += is_word(tokens[first + i].kind);
        negate = after <= 1;
        break;
      }
    }
    if (negate) {
      v *= kNegation;
      s.negated[k] = 1;
    }
    s.valence[k] = v;
  }

  // Contrast ("aber", "but"): the last one weighs the clauses around it; "doch"
  // only where it opens a clause (elsewhere it is a particle).
  std::size_t contrast = n;
  for (std::size_t k = 0; k < n; ++k) {
    if (s.mods[k].kind != ModKind::Contrast) continue;
    const bool opens = k == 0 || !is_word(tokens[first + k - 1].kind);
    if (!opens) {
      to_lower(token_text(text, tokens[first + k]), s.lower);
      if (s.lower == "doch") continue;
    }
    contrast = k;
  }
  if (contrast < n) {
    bool approx = false;
    for (std::size_t k = contrast + 1; k < n; ++k) approx |= s.mods[k].kind == ModKind::Approx;
    for (std::size_t k = 0; k < n; ++k) {
      if (k < contrast && approx && s.negated[k])
        s.valence[k] = s.valence[k] / kNegation * kUndoneNegation;
      else if (k < contrast && !approx)
        s.valence[k] *= kBeforeContrast;
      else if (k > contrast)
        s.valence[k] *= kAfterContrast;
    }
  }

  // A simile ("... sei wie ...", "is akin to"): the evaluation is the vehicle's.
  for (std::size_t k = 1; k < n; ++k) {
    if (s.mods[k].kind != ModKind::Compare) continue;
    std::size_t prev = k;
    while (prev-- > 0 && !is_word(tokens[first + prev].kind)) {
    }
    if (prev < n && s.mods[prev].kind == ModKind::Copula) {
      std::fill(s.valence.begin(), s.valence.begin() + static_cast<std::ptrdiff_t>(k), 0.f);
      break;
    }
  }
  return kExclamation * std::min(exclamations, kMaxExclamations);
}

}  // namespace tagwerk::sentiment
