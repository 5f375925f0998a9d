// The entities plugin: the SDK glue around tagwerk::entities::Engine, fed
// with segment's tokens and sentences (each sentence tagged with the model of
// its language). Layer: entity (label PER/LOC/ORG/MISC; subtype, cluster,
// name, score).
#include <tagwerk/entities/engine.hpp>
#include <tagwerk/plugin.hpp>

#include <map>
#include <string>
#include <vector>

namespace en = tagwerk::entities;

class EntitiesPlugin {
 public:
  struct Scratch {  // one per worker thread
    en::ScratchPtr buffers = en::Engine::make_scratch();
    en::Input in;
    en::Result result;
  };

  explicit EntitiesPlugin(const tagwerk::Config& config) : engine_(make_engine(config)) {
    for (const auto& file : engine_.files()) config.loaded(file);
  }

  void process(tagwerk::Document& doc, Scratch& scratch) {
    en::Input& in = scratch.in;
    in.text = doc.text();
    const tagwerk::Spans tokens = doc.layer("token").spans();
    in.tokens.clear();
    in.tokens.reserve(tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i)
      in.tokens.push_back({tokens[i].begin, tokens[i].end, en::token_kind(tokens.label(i))});
    const tagwerk::Layer sentence_layer = doc.layer("sentence");
    const tagwerk::Spans sentences = sentence_layer.spans();
    const tagwerk::Column lang = sentence_layer.column("lang");
    in.sentences.clear();
    std::uint32_t t = 0;
    for (std::size_t i = 0; i < sentences.size(); ++i) {
      while (t < in.tokens.size() && in.tokens[t].begin < sentences[i].begin) ++t;
      const std::uint32_t first = t;
      while (t < in.tokens.size() && in.tokens[t].end <= sentences[i].end) ++t;
      in.sentences.push_back({first, t - first, std::string(lang.string(i))});
    }
    engine_.analyze(in, *scratch.buffers, scratch.result);

    tagwerk::Layer entity = doc.create_layer("entity");
    const en::Result& r = scratch.result;
    for (const auto& m : r.mentions) {
      const std::size_t i = entity.add(m.begin, m.end, m.label);
      entity.set(i, "subtype", m.subtype);
      entity.set(i, "name", r.clusters[m.cluster].name);
      entity.set(i, "score", static_cast<double>(m.score));
    }
    for (std::size_t i = 0; i < r.mentions.size(); ++i)
      entity.set_ref(i, "cluster", entity, r.clusters[r.mentions[i].cluster].mentions.front());
  }

 private:
  static en::Engine make_engine(const tagwerk::Config& config) {
    std::map<std::string, std::string> models;
    for (const char* lang : {"de", "en"}) {
      const std::string param = std::string("model_") + lang;
      if (config.has(param)) models[lang] = config.get_path(param);
    }
    std::vector<std::string> gazetteers;
    if (config.get_bool("shipped_gazetteers")) gazetteers.push_back(config.data_file("gazetteer_places.tsv"));
    if (config.has("gazetteer")) gazetteers.push_back(config.get_path("gazetteer"));
    en::Options options;
    options.min_score = static_cast<float>(config.get_float("min_score"));
    options.document_pass = config.get_bool("document_pass");
    return en::Engine(config.data_dir(), {"de", "en"}, models, gazetteers, options);
  }
  en::Engine engine_;
};

TAGWERK_PLUGIN(
    EntitiesPlugin,
    tagwerk::Info()
        .name("entities")
        .version("1.0.0")
        .summary("Named entities (PER, LOC, ORG, MISC) in German and English, clustered per document "
                 "with a canonical name")
        .license("Apache-2.0 (models: CC BY 4.0, trained on GermEval 2014 and GUM)")
        .languages({"de", "en"})
        .requires_inputs({"token", "sentence", "sentence.lang"})
        .provides(
            "entity", "A named-entity mention; label PER, LOC, ORG or MISC",
            {{"subtype", tagwerk::Type::String,
              "deriv for a word derived from a name (russische), part for a word holding one "
              "(US-Präsident), else empty",
              ""},
             tagwerk::ref_attr("cluster", "entity",
                               "the first mention of the entity this mention belongs to (itself when first)"),
             {"name", tagwerk::Type::String, "the entity's canonical name: its fullest proper form", ""},
             {"score", tagwerk::Type::Float,
              "confidence in (0, 1): the tagger's margin, squashed (0.5 = a typical margin)", ""}})
        .param("model_de", tagwerk::ParamType::Path, nullptr,
               "German model file (tagwerk-train-entities model --lang de); default: the shipped de.model")
        .param("model_en", tagwerk::ParamType::Path, nullptr,
               "English model file (tagwerk-train-entities model --lang en); default: the shipped en.model")
        .param("gazetteer", tagwerk::ParamType::Path, nullptr,
               "A gazetteer of your own: lines \"LABEL<TAB>name\", LABEL one of PER, LOC, ORG, MISC; "
               "matched as the tagger's gazetteer feature, with the shipped ones")
        .param("shipped_gazetteers", tagwerk::ParamType::Bool, "true",
               "Match the shipped place names (countries, regions and cities from ICU, German and English)")
        .param("min_score", tagwerk::ParamType::Float, "0",
               "Drop mentions whose score is below this (0 keeps all; 0.5 keeps those with a typical margin "
               "or more)")
        .param("document_pass", tagwerk::ParamType::Bool, "true",
               "Tag every other occurrence of a name tagged once in the document (its words, genitive, a "
               "person's surname, a handle after the name)"))
