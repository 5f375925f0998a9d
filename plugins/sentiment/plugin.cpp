// The sentiment plugin: the SDK glue around tagwerk::sentiment::Engine, fed
// with segment's tokens and sentences (each scored in its own language) and,
// when earlier steps made them, the entity mentions and quotes. One layer,
// sentiment: document, sentence, entity (per cluster) and target records.
#include <tagwerk/plugin.hpp>
#include <tagwerk/sentiment/engine.hpp>

#include <string>
#include <vector>

namespace st = tagwerk::sentiment;

class SentimentPlugin {
 public:
  struct Scratch {  // one per worker thread
    st::ScratchPtr buffers = st::Engine::make_scratch();
    st::Input in;
  };
  explicit SentimentPlugin(const tagwerk::Config& config) : engine_(languages(config), options(config)) {}

  void process(tagwerk::Document& doc, Scratch& scratch) {
    st::Input& in = scratch.in;
    in.text = doc.text();
    const std::string_view doc_lang = doc.meta("lang");
    in.lang = doc_lang;
    const tagwerk::Spans tokens = doc.layer("token").spans();
    in.tokens.clear();
    for (std::size_t i = 0; i < tokens.size(); ++i)
      in.tokens.push_back({tokens[i].begin, tokens[i].end, tokens.label(i)});
    const tagwerk::Layer sentences = doc.layer("sentence");
    const tagwerk::Spans spans = sentences.spans();
    const tagwerk::Column lang = sentences.column("lang");
    in.sentences.clear();
    for (std::size_t i = 0; i < spans.size(); ++i)
      in.sentences.push_back({spans[i].begin, spans[i].end, std::string(lang.string(i, doc_lang))});

    const tagwerk::Layer entity = doc.layer("entity");
    in.mentions.clear();
    if (entity) {
      const tagwerk::Spans mentions = entity.spans();
      const tagwerk::Column cluster = entity.column("cluster");
      const tagwerk::Column subtype = entity.column("subtype");
      // A word derived from a name ("russische") or holding one ("US-Präsident") is no entity to rate.
      for (std::size_t i = 0; i < mentions.size(); ++i)
        if (mentions[i].begin != tagwerk::kNoOffset && subtype.string(i).empty())
          in.mentions.push_back({mentions[i].begin, mentions[i].end, cluster.ref(i).value_or(i)});
    }
    in.quotes.clear();
    if (const tagwerk::Layer quote = doc.layer("quote")) {
      const tagwerk::Spans quotes = quote.spans();
      const tagwerk::Column speaker = quote.column("speaker_entity");
      const tagwerk::Column cluster = entity ? entity.column("cluster") : tagwerk::Column();
      for (std::size_t i = 0; i < quotes.size(); ++i) {
        if (quotes[i].begin == tagwerk::kNoOffset) continue;
        std::optional<std::size_t> who = speaker.ref(i);
        if (who) who = cluster.ref(*who).value_or(*who);
        in.quotes.push_back({quotes[i].begin, quotes[i].end, who});
      }
    }
    in.targets = st::parse_target_spans(doc.meta("targets"), in.text);

    tagwerk::Layer out = doc.create_layer("sentiment");
    for (const st::Record& r : engine_.analyze(in, *scratch.buffers)) {
      const std::size_t i =
          r.scope == st::Scope::Entity ? out.add_unanchored(r.label) : out.add(r.begin, r.end, r.label);
      out.set(i, "scope", st::to_string(r.scope));
      out.set(i, "score", r.score);
      if (r.scope == st::Scope::Sentence) out.set(i, "lang", r.lang);
      if (r.scope == st::Scope::Entity) out.set_ref(i, "target", entity, r.cluster);
      if (r.scope == st::Scope::Entity || r.scope == st::Scope::Target)
        out.set(i, "evidence", static_cast<std::int64_t>(r.evidence));
    }
  }

 private:
  // ["de.tsv", "emoji.tsv"]: a name without '/' is a file the plugin ships.
  static std::vector<std::string> files(const tagwerk::Config& config, const char* param) {
    std::vector<std::string> out;
    for (const std::string& item : config.get_strings(param)) {
      if (item.empty())
        throw tagwerk::Error(
            std::string("parameter '") + param +
            "' has an empty item; name a lexicon file in each, e.g. [\"de.tsv\", \"emoji.tsv\"]");
      out.push_back(config.loaded(item.find('/') == std::string::npos ? config.data_file(item) : item));
    }
    if (out.empty())
      throw tagwerk::Error(std::string("parameter '") + param +
                           "' names no lexicon: give one or more files, e.g. [\"de.tsv\", \"emoji.tsv\"]");
    return out;
  }
  static std::string model(const tagwerk::Config& config, const char* param) {
    const std::string name = config.get_string(param);
    if (name.empty()) return name;
    return config.loaded(name.find('/') == std::string::npos ? config.data_file(name) : name);
  }
  static double band(const tagwerk::Config& config, const char* param) {
    const double b = config.get_float(param);
    if (b < 0 || b >= 1)
      throw tagwerk::Error(std::string("parameter '") + param + "' must be in [0, 1), got " +
                           std::to_string(b) +
                           ": it is the half-width of the neutral band around 0, e.g. 0.05 or 0.2");
    return b;
  }
  static double weight(const tagwerk::Config& config, const char* param) {
    const double w = config.get_float(param);
    if (!(w > 0 && w <= 1))
      throw tagwerk::Error(std::string("parameter '") + param + "' must be in (0, 1], got " +
                           std::to_string(w) +
                           ": it is the learned document model's share of the document score (1: the "
                           "model alone); to score documents by the rules alone, set the model to \"\"");
    return w;
  }
  static int words(const tagwerk::Config& config, const char* param) {
    const std::int64_t n = config.get_int(param);
    if (n < 0 || n > 1000)
      throw tagwerk::Error(std::string("parameter '") + param +
                           "' must be a number of words from 0 to 1000, got " + std::to_string(n) +
                           " (0 turns the dilution of long sentences off)");
    return static_cast<int>(n);
  }
  static double share(const tagwerk::Config& config, const char* param) {
    const double w = config.get_float(param);
    if (!(w >= 0 && w <= 1))
      throw tagwerk::Error(std::string("parameter '") + param + "' must be in [0, 1], got " +
                           std::to_string(w) + ": a share of a sum (1: off, 0: the words never count)");
    return w;
  }
  static std::vector<st::LanguageFiles> languages(const tagwerk::Config& config) {
    return {
        {"de", files(config, "lexicon_de"), config.loaded(config.data_file("de.rules.tsv")), true,
         model(config, "target_model_de"), model(config, "document_model_de"),
         band(config, "neutral_band_de"), weight(config, "document_model_weight_de"),
         words(config, "dilution_words_de"), share(config, "link_share_de"), share(config, "noun_share_de")},
        {"en", files(config, "lexicon_en"), config.loaded(config.data_file("en.rules.tsv")), false,
         model(config, "target_model_en"), model(config, "document_model_en"), band(config, "neutral_band"),
         weight(config, "document_model_weight_en"), words(config, "dilution_words_en"),
         share(config, "link_share_en")}};
  }
  static st::Options options(const tagwerk::Config& config) {
    st::Options o;
    o.neutral_band = band(config, "neutral_band");
    o.quote_aware = config.get_bool("quote_aware");
    o.target_terms = config.get_strings("targets");
    for (const std::string& term : o.target_terms)
      if (term.empty())
        throw tagwerk::Error(
            "parameter 'targets' has an empty item, which would match every word; remove the \"\" from "
            "the array");
    return o;
  }
  st::Engine engine_;
};

TAGWERK_PLUGIN(
    SentimentPlugin,
    tagwerk::Info()
        .name("sentiment")
        .version("0.1.0")
        .summary("Polarity of documents, sentences, entity clusters and named targets (German, English)")
        .license("Apache-2.0")
        .languages({"de", "en"})
        .requires_inputs({"token", "sentence", "sentence.lang"})
        .optional_inputs({"entity", "entity.cluster", "entity.subtype", "quote"})
        .provides("sentiment",
                  "Polarity; the span label is pos, neg or neu (neu when |score| <= neutral_band). "
                  "document: the whole text, quotes left out (they speak for their speakers); sentence: "
                  "each sentence in its own language; entity: one record per entity cluster, without "
                  "extent, from the clauses that mention it; target: a span the user named",
                  {{"scope", tagwerk::Type::String, "document, sentence, entity or target", ""},
                   {"score", tagwerk::Type::Float, "polarity in [-1, 1]", ""},
                   {"lang", tagwerk::Type::String, "sentence: the language it was scored in", ""},
                   tagwerk::ref_attr("target", "entity", "entity: the cluster's first mention"),
                   {"evidence", tagwerk::Type::Int,
                    "entity, target: how many clauses around it carried sentiment (0: the score is a guess)",
                    ""}})
        .param("lexicon_de", tagwerk::ParamType::StringList, "[\"de.tsv\", \"emoji.tsv\"]",
               "German lexicons (term<TAB>score, -4..4), later ones win; a name without '/' is a shipped "
               "file. Default: permissive only. sentiws_de.tsv (CC BY-NC-SA, non-commercial) adds SentiWS: "
               "[\"de.tsv\", \"sentiws_de.tsv\", \"emoji.tsv\"]")
        .param("lexicon_en", tagwerk::ParamType::StringList, "[\"en.tsv\", \"emoji.tsv\"]",
               "English lexicons, as lexicon_de; en.tsv is VADER (MIT) plus AFINN-165 (Apache-2.0)")
        .param("target_model_de", tagwerk::ParamType::String, "",
               "learned classifier for German target records (a shipped file name or a path; empty: the "
               "rules alone); its label is the most probable class, its score P(pos) - P(neg)")
        .param("target_model_en", tagwerk::ParamType::String, "en.target.model",
               "learned classifier for English target records, as target_model_de")
        .param("document_model_de", tagwerk::ParamType::String, "",
               "learned classifier for the document record of German documents (a shipped file name or a "
               "path; empty: the rules alone); label: the most probable class, score: P(pos) - P(neg)")
        .param("document_model_en", tagwerk::ParamType::String, "en.document.model",
               "learned classifier for the document record of English documents, as document_model_de; "
               "en.document.model is trained on the VADER NYT tuning half (MIT)")
        .param("document_model_weight_de", tagwerk::ParamType::Float, "1",
               "share of document_model_de in the German document score: 1 the model alone (label: its most "
               "probable class), below 1 a blend with the rules' score, labelled by the neutral band")
        .param("document_model_weight_en", tagwerk::ParamType::Float, "0.25",
               "share of document_model_en in the English document score, as document_model_weight_de (0.25: "
               "best blend on the VADER NYT tuning half, cross-validated)")
        .param("neutral_band", tagwerk::ParamType::Float, "0.05",
               "English (and default) neutral band: scores in [-band, band] are labelled neu (VADER's 0.05)")
        .param("neutral_band_de", tagwerk::ParamType::Float, "0.2",
               "German neutral band (tuned on the SB10k, GerNTSA and Wikipedia tuning halves; 0.4 labels "
               "more neutral text neu at a cost in polar recall)")
        .param("dilution_words_de", tagwerk::ParamType::Int, "0",
               "German sentences of more words than this have their sum scaled by dilution_words_de / words, "
               "so one mild word does not make a long factual sentence polar; 0: off. Off by default: 6 "
               "helps tweets and Wikipedia but makes most news sentences neu (see docs/quality.md)")
        .param("dilution_words_en", tagwerk::ParamType::Int, "10",
               "the same for English sentences (10: chosen on the VADER NYT and tweets tuning halves; it "
               "also helps English news sentences)")
        .param("link_share_de", tagwerk::ParamType::Float, "0.3",
               "German sentences in a paragraph that carries a link (a URL) have their sum scaled by this "
               "share: next to a link stand mostly the linked page's title or an advert, not the writer's "
               "verdict; 1: off")
        .param("noun_share_de", tagwerk::ParamType::Float, "1",
               "the share with which a German noun (a capitalized word after the sentence's first) counts "
               "in sentence and document scores; targets and entities keep it whole; 1: off. 0.3 labels "
               "encyclopedic text neutral far more often and helps tweets, but makes many news documents neu "
               "(see docs/quality.md)")
        .param("link_share_en", tagwerk::ParamType::Float, "1", "the same for English sentences")
        .param("quote_aware", tagwerk::ParamType::Bool, "true",
               "leave quoted text out of the document score and out of its own speaker's entity score")
        .param("targets", tagwerk::ParamType::StringList, "[]",
               "target terms (targets = [\"Maskenpflicht\", \"Impfpflicht\"]): each word starting with one "
               "gets a target record. Input records may also carry a string field targets with code point "
               "offsets (\"57-70;80-90\")"))
