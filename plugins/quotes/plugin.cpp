// The quotes plugin: the SDK glue around tagwerk::quotes::Engine, fed with
// segment's tokens, sentences and paragraphs (and the entities when present).
// Layers: quote (kind, speaker, cue, speaker_span, speaker_entity) and
// quote_speaker (where each speaker is mentioned).
#include <tagwerk/plugin.hpp>
#include <tagwerk/quotes/engine.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace qt = tagwerk::quotes;

class QuotesPlugin {
 public:
  struct Scratch {  // one per worker thread
    qt::ScratchPtr buffers = qt::Engine::make_scratch();
    qt::Input in;  // its vectors keep their capacity from one document to the next
    std::vector<std::size_t> entity_layer_index;    // engine's entity -> span of the entity layer
    std::vector<std::uint32_t> entity_input_index;  // span of the entity layer -> engine's entity
  };
  explicit QuotesPlugin(const tagwerk::Config& config)
      : engine_(config.has("data") ? config.get_path("data") : config.data_dir(), languages(config)) {
    for (const std::string& f : engine_.files()) config.loaded(f);
  }

  void process(tagwerk::Document& doc, Scratch& scratch) {
    qt::Input& in = scratch.in;
    in.text = doc.text();
    in.lang = doc.meta("lang");
    const tagwerk::Spans tokens = doc.layer("token").spans();
    in.tokens.clear();
    in.tokens.reserve(tokens.size());
    for (std::size_t i = 0; i < tokens.size(); ++i)
      in.tokens.push_back({tokens[i].begin, tokens[i].end, tokens.label(i)});
    read_ranges(doc.layer("sentence"), in.sentences);
    read_ranges(doc.layer("paragraph"), in.paragraphs);
    in.entities.clear();
    // The engine numbers the anchored entity spans; the layer numbers all of them.
    std::vector<std::size_t>& layer_index = scratch.entity_layer_index;
    layer_index.clear();
    const tagwerk::Layer entity = doc.layer("entity");
    if (entity) {
      const tagwerk::Spans spans = entity.spans();
      const tagwerk::Column cluster = entity.column("cluster"), name = entity.column("name");
      const tagwerk::Column subtype = entity.column("subtype");
      constexpr std::uint32_t kSkipped = 0xFFFFFFFFu;
      std::vector<std::uint32_t>& input_index = scratch.entity_input_index;
      input_index.assign(spans.size(), kSkipped);
      for (std::size_t i = 0; i < spans.size(); ++i) {
        // A word derived from a name ("russische") or holding one ("US-Präsident") names no speaker.
        if (spans[i].begin == tagwerk::kNoOffset || !subtype.string(i).empty()) continue;
        input_index[i] = static_cast<std::uint32_t>(in.entities.size());
        layer_index.push_back(i);
        in.entities.push_back({spans[i].begin, spans[i].end, spans.label(i), 0, name.string(i)});
      }
      for (std::size_t k = 0; k < in.entities.size(); ++k) {
        const std::size_t c = cluster.ref(layer_index[k]).value_or(layer_index[k]);
        in.entities[k].cluster =
            c < spans.size() && input_index[c] != kSkipped ? input_index[c] : static_cast<std::uint32_t>(k);
      }
    }
    const qt::Result r = engine_.analyze(in, *scratch.buffers);

    tagwerk::Layer speakers = doc.create_layer("quote_speaker");
    for (const auto& s : r.speakers) speakers.add(s.begin, s.end, s.kind);
    tagwerk::Layer quote = doc.create_layer("quote");
    for (const auto& q : r.quotes) {
      const std::size_t i = quote.add(q.begin, q.end, qt::to_string(q.kind));
      quote.set(i, "kind", qt::to_string(q.kind));
      quote.set(i, "speaker", q.speaker_name);
      quote.set(i, "cue", q.cue);
      if (q.speaker >= 0) quote.set_ref(i, "speaker_span", speakers, static_cast<std::size_t>(q.speaker));
      // Entity indices of the input are those of the layer's anchored spans, in order.
      if (q.entity >= 0 && static_cast<std::size_t>(q.entity) < layer_index.size())
        quote.set_ref(i, "speaker_entity", entity, layer_index[static_cast<std::size_t>(q.entity)]);
    }
  }

 private:
  static std::vector<std::string> languages(const tagwerk::Config& config) {
    std::vector<std::string> out;
    std::stringstream list(config.get_string("languages"));
    for (std::string lang; std::getline(list, lang, ',');)
      if (!lang.empty()) out.push_back(lang);
    if (out.empty())
      throw tagwerk::Error(
          "quotes: parameter 'languages' is empty; give a comma-separated list such as \"de,en\"");
    return out;
  }
  static void read_ranges(const tagwerk::Layer& layer, std::vector<qt::TextRange>& out) {
    out.clear();
    const tagwerk::Spans spans = layer.spans();
    const tagwerk::Column lang = layer.column("lang");
    for (std::size_t i = 0; i < spans.size(); ++i)
      out.push_back({spans[i].begin, spans[i].end, lang.string(i)});
  }
  qt::Engine engine_;
};

TAGWERK_PLUGIN(
    QuotesPlugin,
    tagwerk::Info()
        .name("quotes")
        .version("0.1.0")
        .summary("Direct, partial, indirect and embedded statements, each with its speaker and cue")
        .license("Apache-2.0")
        .languages({"de", "en"})
        .requires_inputs({"token", "sentence", "sentence.lang", "paragraph"})
        .optional_inputs({"entity", "entity.cluster", "entity.name", "entity.subtype"})
        .provides("quote_speaker",
                  "Where a quote's speaker is mentioned (label name, role, pronoun or account); the quotes "
                  "refer to these spans, so their offsets come out in the run's offset unit",
                  {})
        .provides("quote",
                  "A statement (label = kind): direct (in quotation marks), partial (a quoted fragment in "
                  "the reporter's sentence), indirect (reported speech) or embedded (a quoted post)",
                  {{"kind", tagwerk::Type::String, "direct, partial, indirect or embedded", ""},
                   {"speaker", tagwerk::Type::String,
                    "who says it: the entity's canonical name when resolved, else the name the mention "
                    "refers back to, else the mention's text; empty when no speaker was found or the "
                    "mention names no one (a pronoun that refers to nobody named, \"nach offiziellen "
                    "Angaben\": speaker_span still points at it)",
                    ""},
                   {"cue", tagwerk::Type::String,
                    "the words that introduce it (sagte, hieß es von, laut, said)", ""},
                   tagwerk::ref_attr("speaker_span", "quote_speaker",
                                     "the mention of the speaker (begin/end: the speaker's span)"),
                   tagwerk::ref_attr("speaker_entity", "entity",
                                     "the speaker's entity cluster (its first mention), when resolved")})
        .param("languages", tagwerk::ParamType::String, "de,en",
               "languages to load, comma-separated; each needs <lang>.cues, <lang>.konjunktiv and "
               "<lang>.speakers in the data folder (and may have <lang>.lowercase); the first is used for "
               "text without a language")
        .param("data", tagwerk::ParamType::Path, nullptr,
               "a folder with the word lists to use instead of the shipped ones (copy the plugin's data "
               "folder and edit it)"))
