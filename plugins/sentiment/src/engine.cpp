#include <tagwerk/sentiment/engine.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "clause_scorer.hpp"
#include "valence_lexicon.hpp"

namespace tagwerk::sentiment {

struct Resources {
  std::vector<LanguageModel> models;
  std::size_t fallback = 0;
  std::vector<std::string> terms;  // target terms, lower-cased
};

void ScratchDeleter::operator()(Scratch* s) const noexcept {
  delete s;
}

namespace {

constexpr double kAlpha = 15.0;
// A target whose own clause is neutral takes its sentence's sum (the share
// 1.0 was best on the GerNTSA tuning half: 0.491 vs 0.479 at 0.5, 0.401 at 0).
constexpr double kTargetFromSentence = 1.0;
// A target whose sentence is neutral too takes this share of the text's sum
// over its sentences with sentiment (/ sqrt of their number): news snippets
// put the verdict in another sentence than the one naming the target.
// 0.4-0.6 best on the GerNTSA tuning half: 0.494 -> 0.504.
constexpr double kTargetFromText = 0.5;

// Sums of several sentences or clauses, normalized so that k clauses of
// valence x score about like one of valence x*sqrt(k): more evidence, a
// firmer score, yet a long article does not saturate.
double spread(double sum, std::size_t k) {
  return sum / std::sqrt(static_cast<double>(std::max<std::size_t>(k, 1)));
}
double normalize_many(double sum, std::size_t k) {
  return normalize(spread(sum, k), kAlpha);
}

std::size_t first_token_at(const std::vector<Token>& tokens, std::uint32_t pos) {
  return static_cast<std::size_t>(
      std::lower_bound(tokens.begin(), tokens.end(), pos,
                       [](const Token& t, std::uint32_t p) { return t.end <= p; }) -
      tokens.begin());
}

bool starts_with_lower(std::string_view word, std::string_view prefix, std::string& buf) {
  if (word.size() < prefix.size()) return false;
  to_lower(word, buf);
  return buf.compare(0, prefix.size(), prefix) == 0;
}

const char* label(double score, double band) {
  if (score > band) return "pos";
  if (score < -band) return "neg";
  return "neu";
}
const char* label_in(double score, const LanguageModel& model) {
  return label(score, model.neutral_band);
}

// The learned layer's verdict: the most probable class, P(pos) - P(neg).
void apply(const LinearModel& model, const Features& x, Record& r) {
  const auto p = model.predict(x);
  r.score = p[LinearModel::kPos] - p[LinearModel::kNeg];
  r.label = p[LinearModel::kNeu] >= std::max(p[LinearModel::kPos], p[LinearModel::kNeg]) ? "neu"
            : p[LinearModel::kPos] > p[LinearModel::kNeg]                                ? "pos"
                                                                                         : "neg";
}

// linked[i] = 1 when sentence i shares a paragraph (a run of sentences no line
// break separates) with a link: a tweet's words around its link.
void mark_linked_paragraphs(const Input& in, std::vector<std::uint8_t>& linked) {
  linked.assign(in.sentences.size(), 0);
  std::size_t t = 0, first = 0;
  bool link = false;
  for (std::size_t i = 0; i <= in.sentences.size(); ++i) {
    const bool breaks =
        i == in.sentences.size() ||
        (i > 0 && in.text.substr(in.sentences[i - 1].end, in.sentences[i].begin - in.sentences[i - 1].end)
                          .find('\n') != std::string_view::npos);
    if (breaks) {
      if (link)
        std::fill(linked.begin() + static_cast<std::ptrdiff_t>(first),
                  linked.begin() + static_cast<std::ptrdiff_t>(i), 1);
      first = i;
      link = false;
    }
    if (i == in.sentences.size()) break;
    while (t < in.tokens.size() && in.tokens[t].begin < in.sentences[i].begin) ++t;
    for (; t < in.tokens.size() && in.tokens[t].end <= in.sentences[i].end; ++t)
      link |= in.tokens[t].kind == "url";
  }
}

}  // namespace

const char* to_string(Scope s) noexcept {
  switch (s) {
    case Scope::Document:
      return "document";
    case Scope::Sentence:
      return "sentence";
    case Scope::Entity:
      return "entity";
    case Scope::Target:
      return "target";
  }
  return "";
}

Engine::Engine(const std::vector<LanguageFiles>& languages, Options options)
    : res_(std::make_unique<Resources>()), options_(std::move(options)) {
  if (languages.empty()) throw std::runtime_error("sentiment: no language configured");
  for (const LanguageFiles& files : languages) {
    LanguageModel model;
    model.lang = files.lang;
    model.decompound = files.decompound;
    model.neutral_band = files.neutral_band >= 0 ? files.neutral_band : options_.neutral_band;
    model.document_model_weight = files.document_model_weight;
    model.dilution_words = files.dilution_words;
    model.link_share = files.link_share;
    model.noun_share = files.noun_share;
    for (const std::string& path : files.lexicons) model.lexicon.load(path);
    if (!files.rules.empty()) model.lexicon.load_rules(files.rules);
    if (!files.target_model.empty()) model.target_model = LinearModel::load(files.target_model);
    if (!files.document_model.empty()) model.document_model = LinearModel::load(files.document_model);
    res_->models.push_back(std::move(model));
  }
  for (std::size_t i = 0; i < res_->models.size(); ++i)
    if (res_->models[i].lang == options_.fallback_lang) res_->fallback = i;
  std::string lower;
  for (const std::string& term : options_.target_terms) {
    to_lower(term, lower);
    if (!lower.empty()) res_->terms.push_back(lower);
  }
}

Engine::~Engine() = default;
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;

ScratchPtr Engine::make_scratch() {
  return ScratchPtr(new Scratch());
}

const char* Engine::label_of(double score) const noexcept {
  return label(score, options_.neutral_band);
}

double Engine::score_tokens(std::string_view text, const std::vector<Token>& tokens, std::string_view lang,
                            Scratch& scratch) const {
  std::size_t m = res_->fallback;
  for (std::size_t i = 0; i < res_->models.size(); ++i)
    if (res_->models[i].lang == lang) m = i;
  const double emphasis = score_sentence(res_->models[m], m, res_->models[m].lang == lang, text, tokens, 0,
                                         tokens.size(), scratch);
  double sum = 0;
  for (float v : scratch.valence) sum += v;
  if (sum != 0) sum += sum > 0 ? emphasis : -emphasis;
  return normalize(sum, kAlpha);
}

std::vector<Record> Engine::analyze(const Input& in, Scratch& scratch) const {
  return run(in, scratch, nullptr, nullptr);
}

std::vector<Features> Engine::target_features(const Input& in, Scratch& scratch) const {
  std::vector<Features> features;
  run(in, scratch, &features, nullptr);
  return features;
}

Features Engine::document_features(const Input& in, Scratch& scratch) const {
  Features features;
  run(in, scratch, nullptr, &features);
  return features;
}

std::vector<Record> Engine::run(const Input& in, Scratch& s, std::vector<Features>* features,
                                Features* document) const {
  std::vector<Record> out;
  const std::size_t n = in.tokens.size();
  s.doc_valence.assign(n, 0.f);
  s.doc_clause.assign(n, 0);
  s.quote_of.assign(n, 0);
  s.token_sentence.assign(n, 0);
  s.sentence_sum.assign(in.sentences.size(), 0.0);
  s.sentence_model.assign(in.sentences.size(), res_->fallback);
  for (std::size_t q = 0; q < in.quotes.size(); ++q)
    for (std::size_t t = first_token_at(in.tokens, in.quotes[q].begin);
         t < n && in.tokens[t].begin < in.quotes[q].end; ++t)
      s.quote_of[t] = static_cast<std::uint32_t>(q + 1);

  mark_linked_paragraphs(in, s.linked);

  Record doc{Scope::Document, 0, static_cast<std::uint32_t>(in.text.size())};
  out.push_back(doc);
  double doc_sum = 0;
  std::size_t doc_sentences = 0;
  std::uint32_t clause_base = 0;
  std::size_t t = 0;
  for (std::size_t i = 0; i < in.sentences.size(); ++i) {
    const Sentence& sent = in.sentences[i];
    while (t < n && in.tokens[t].begin < sent.begin) ++t;
    std::size_t last = t;
    while (last < n && in.tokens[last].end <= sent.end) ++last;
    std::size_t m = res_->fallback;
    for (std::size_t k = 0; k < res_->models.size(); ++k)
      if (res_->models[k].lang == sent.lang) m = k;
    s.sentence_model[i] = m;
    const bool own_language = sent.lang.empty() || res_->models[m].lang == sent.lang;
    const double emphasis = score_sentence(res_->models[m], m, own_language, in.text, in.tokens, t, last, s);
    // `sum` and `outlet` weigh nouns by their share; `plain` keeps them whole
    // for the targets' fallback to their sentence.
    double sum = 0, outlet = 0, plain = 0;
    bool outlet_speaks = false;
    const float noun_share = static_cast<float>(res_->models[m].noun_share);
    std::size_t words = 0;
    for (std::size_t k = t; k < last; ++k) {
      words += in.tokens[k].kind == "word" || in.tokens[k].kind == "hashtag";
      s.doc_valence[k] = s.valence[k - t];
      plain += s.valence[k - t];
      const float v = s.noun[k - t] ? s.valence[k - t] * noun_share : s.valence[k - t];
      s.doc_clause[k] = clause_base + s.clause[k - t];
      s.token_sentence[k] = static_cast<std::uint32_t>(i + 1);
      sum += v;
      if (!options_.quote_aware || s.quote_of[k] == 0) {
        outlet += v;
        outlet_speaks = true;
      }
    }
    clause_base += (last > t ? s.clause[last - t - 1] : 0) + 1;
    s.sentence_sum[i] = plain;
    if (sum != 0) sum += sum > 0 ? emphasis : -emphasis;
    if (outlet != 0) outlet += outlet > 0 ? emphasis : -emphasis;
    const auto dilution = static_cast<std::size_t>(std::max(res_->models[m].dilution_words, 0));
    if (dilution > 0 && words > dilution) {
      const double share = static_cast<double>(dilution) / static_cast<double>(words);
      sum *= share;
      outlet *= share;
    }
    if (s.linked[i]) {
      sum *= res_->models[m].link_share;
      outlet *= res_->models[m].link_share;
    }
    Record r{Scope::Sentence, sent.begin, sent.end, normalize(sum, kAlpha)};
    r.label = label_in(r.score, res_->models[m]);
    r.lang = res_->models[m].lang.c_str();
    out.push_back(r);
    doc_sum += outlet;
    doc_sentences += outlet_speaks;
    t = last;
  }
  // The document's main language (the declared one, else the one of most text) gives
  // its neutral band and learned layer.
  std::size_t main = res_->fallback, most = 0;
  for (std::size_t m = 0; m < res_->models.size(); ++m) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < in.sentences.size(); ++i)
      if (s.sentence_model[i] == m) count += in.sentences[i].end - in.sentences[i].begin;
    if (count > most) most = count, main = m;
  }
  for (std::size_t m = 0; m < res_->models.size(); ++m)
    if (!in.lang.empty() && res_->models[m].lang == in.lang) main = m;
  const LanguageModel& main_model = res_->models[main];
  out[0].score = normalize_many(doc_sum, doc_sentences);
  out[0].label = label_in(out[0].score, main_model);
  const LinearModel& document_model = res_->models[main].document_model;
  if (document != nullptr || !document_model.empty()) {
    Features x;
    double pos = 0, neg = 0;
    for (std::size_t k = 0; k < n; ++k) (s.doc_valence[k] > 0 ? pos : neg) += s.doc_valence[k];
    x.emplace_back("rule:bias", 1.f);
    x.emplace_back("rule:document", static_cast<float>(out[0].score));
    x.emplace_back("rule:pos", static_cast<float>(normalize_many(pos, doc_sentences)));
    x.emplace_back("rule:neg", static_cast<float>(normalize_many(neg, doc_sentences)));
    for (const Token& tok : in.tokens) {
      if (tok.kind != "word" && tok.kind != "hashtag") continue;
      to_lower(in.text.substr(tok.begin, tok.end - tok.begin), s.lower);
      s.feature.assign("s:");
      s.feature += s.lower;
      x.emplace_back(s.feature, 1.f);
    }
    if (!document_model.empty()) {
      const double weight = main_model.document_model_weight;
      const double rules = out[0].score;
      apply(document_model, x, out[0]);
      if (weight < 1) {
        out[0].score = weight * out[0].score + (1 - weight) * rules;
        out[0].label = label_in(out[0].score, main_model);
      }
    }
    if (document != nullptr) *document = std::move(x);
  }

  // The tokens of the clause around tokens [a, b) (a < n).
  auto clause_of = [&](std::size_t a, std::size_t b) {
    const std::uint32_t c = s.doc_clause[a];
    std::size_t lo = a, hi = b;
    while (lo > 0 && s.doc_clause[lo - 1] == c && s.token_sentence[lo - 1] == s.token_sentence[a]) --lo;
    while (hi < n && s.doc_clause[hi] == c && s.token_sentence[hi] == s.token_sentence[a]) ++hi;
    return std::pair<std::size_t, std::size_t>(lo, hi);
  };
  // The sum over the clause around tokens [a, b), without them unless
  // `with_self` and without quotes by `speaker` (their words are the
  // speaker's, not about the speaker).
  auto clause_sum = [&](std::size_t a, std::size_t b, bool with_self, std::optional<std::size_t> speaker,
                        bool* evidence) {
    double sum = 0;
    *evidence = false;
    if (a >= n) return sum;
    const auto [lo, hi] = clause_of(a, b);
    for (std::size_t k = lo; k < hi; ++k) {
      if (!with_self && k >= a && k < b) continue;
      if (speaker && s.quote_of[k] != 0 && in.quotes[s.quote_of[k] - 1].speaker_cluster == speaker) continue;
      if (s.doc_valence[k] != 0.f) *evidence = true;
      sum += s.doc_valence[k];
    }
    return sum;
  };
  auto token_range = [&](std::uint32_t begin, std::uint32_t end) {
    std::size_t a = first_token_at(in.tokens, begin), b = a;
    while (b < n && in.tokens[b].begin < end) ++b;
    return std::pair<std::size_t, std::size_t>(a, b);
  };

  // Entities: one record per cluster, from the clauses of its mentions.
  struct Tally {
    double sum = 0;
    std::uint32_t evidence = 0;
  };
  std::map<std::size_t, Tally> clusters;
  for (const Mention& mention : in.mentions) {
    Tally& tally = clusters[mention.cluster];
    const auto [a, b] = token_range(mention.begin, mention.end);
    if (a >= b || s.token_sentence[a] == 0) continue;
    bool evidence = false;
    const double sum = clause_sum(
        a, b, false, options_.quote_aware ? std::optional<std::size_t>(mention.cluster) : std::nullopt,
        &evidence);
    tally.sum += sum;
    tally.evidence += evidence;
  }
  for (const auto& [cluster, tally] : clusters) {
    Record r{Scope::Entity};
    r.cluster = cluster;
    r.evidence = tally.evidence;
    r.score = normalize_many(tally.sum, tally.evidence);
    r.label = label_in(r.score, main_model);
    out.push_back(r);
  }

  // The learned layer's view of target tokens [a, b): the rules' sums and the
  // words of its sentence, its clause, itself and its neighbours.
  auto target_features_of = [&](std::size_t a, std::size_t b, double clause_total,
                                std::pair<std::size_t, std::size_t> clause) {
    Features x;
    const std::uint32_t si = s.token_sentence[a];
    double self = 0, pos = 0, neg = 0;
    for (std::size_t k = clause.first; k < clause.second; ++k) {
      const float v = s.doc_valence[k];
      if (k >= a && k < b) self += v;
      (v > 0 ? pos : neg) += v;
    }
    const double sentence = s.sentence_sum[si - 1];
    x.emplace_back("rule:bias", 1.f);
    x.emplace_back("rule:clause", static_cast<float>(normalize(clause_total, kAlpha)));
    x.emplace_back("rule:sentence", static_cast<float>(normalize(sentence, kAlpha)));
    x.emplace_back("rule:self", static_cast<float>(normalize(self, kAlpha)));
    x.emplace_back("rule:clause_pos", static_cast<float>(normalize(pos, kAlpha)));
    x.emplace_back("rule:clause_neg", static_cast<float>(normalize(neg, kAlpha)));
    auto word = [&](const char* prefix, std::size_t k) {
      const Token& tok = in.tokens[k];
      if (tok.kind != "word" && tok.kind != "hashtag") return;
      to_lower(in.text.substr(tok.begin, tok.end - tok.begin), s.lower);
      s.feature.assign(prefix);
      s.feature += s.lower;
      x.emplace_back(s.feature, 1.f);
    };
    std::size_t first = a, last = b;
    while (first > 0 && s.token_sentence[first - 1] == si) --first;
    while (last < n && s.token_sentence[last] == si) ++last;
    for (std::size_t k = first; k < last; ++k) word(k >= a && k < b ? "t:" : "s:", k);
    for (std::size_t k = clause.first; k < clause.second; ++k)
      if (k < a || k >= b) word("c:", k);
    for (std::size_t k = a > first + 2 ? a - 2 : first; k < a; ++k) word("left:", k);
    for (std::size_t k = b; k < std::min(b + 2, last); ++k) word("right:", k);
    return x;
  };

  // Targets: the user's spans, then the words the target terms start. A target
  // without evidence in its sentence takes the tone of the text's sentences with sentiment.
  if (in.targets.empty() && res_->terms.empty()) return out;
  double text_sum = 0;
  std::size_t with_sentiment = 0;
  for (double v : s.sentence_sum) text_sum += v, with_sentiment += v != 0;
  const double text_tone = spread(text_sum, with_sentiment);
  auto target = [&](std::uint32_t begin, std::uint32_t end) {
    const auto [a, b] = token_range(begin, end);
    Record r{Scope::Target, begin, end};
    if (a < b && a < n && s.token_sentence[a] != 0) {
      bool evidence = false;
      // A target's own words count ("Wahlmanipulation" is no neutral topic).
      double sum = clause_sum(a, b, true, std::nullopt, &evidence);
      const double own = sum;
      if (!evidence) sum = kTargetFromSentence * s.sentence_sum[s.token_sentence[a] - 1];
      if (sum == 0) sum = kTargetFromText * text_tone;
      r.evidence = evidence;
      r.score = normalize(sum, kAlpha);
      const LanguageModel& model = res_->models[s.sentence_model[s.token_sentence[a] - 1]];
      r.label = label_in(r.score, model);
      if (features != nullptr || !model.target_model.empty()) {
        Features x = target_features_of(a, b, own, clause_of(a, b));
        if (!model.target_model.empty()) apply(model.target_model, x, r);
        if (features != nullptr) features->push_back(std::move(x));
      }
    } else {
      r.label = label_in(r.score, main_model);
      if (features != nullptr) features->emplace_back();
    }
    out.push_back(r);
  };
  for (const TargetSpan& span : in.targets) target(span.begin, span.end);
  if (!res_->terms.empty()) {
    for (const Token& tok : in.tokens) {
      if (tok.kind != "word" && tok.kind != "hashtag") continue;
      const std::string_view word = in.text.substr(tok.begin, tok.end - tok.begin);
      for (const std::string& term : res_->terms)
        if (starts_with_lower(word, term, s.lower)) {
          target(tok.begin, tok.end);
          break;
        }
    }
  }
  return out;
}

std::vector<TargetSpan> parse_target_spans(std::string_view spec, std::string_view text) {
  if (spec.find_first_of("0123456789") == std::string_view::npos) return {};
  std::vector<std::uint64_t> numbers;
  for (std::size_t i = 0; i < spec.size();) {
    if (spec[i] < '0' || spec[i] > '9') {
      ++i;
      continue;
    }
    std::uint64_t v = 0;
    while (i < spec.size() && spec[i] >= '0' && spec[i] <= '9' && v < (1ull << 40))
      v = v * 10 + (spec[i++] - '0');
    numbers.push_back(v);
  }
  // Code point offsets to bytes: the byte offset of each code point start.
  std::vector<std::uint32_t> byte_of;
  byte_of.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
      byte_of.push_back(static_cast<std::uint32_t>(i));
  byte_of.push_back(static_cast<std::uint32_t>(text.size()));
  std::vector<TargetSpan> out;
  for (std::size_t i = 0; i + 1 < numbers.size(); i += 2) {
    const std::uint64_t b = numbers[i], e = numbers[i + 1];
    if (e <= b || e >= byte_of.size()) continue;
    out.push_back({byte_of[b], byte_of[e]});
  }
  return out;
}

}  // namespace tagwerk::sentiment
