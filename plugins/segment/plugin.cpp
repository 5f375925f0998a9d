// The segment plugin: the glue between the tagwerk SDK and the segment engine
// (src/). Writes the `paragraph`, `sentence` and `token` layers.
#include <tagwerk/plugin.hpp>

#include "segmenter.hpp"

#include <string>

namespace {

using tagwerk::segment::Lexicon;
using tagwerk::segment::Segmentation;
using tagwerk::segment::SegmentOptions;

Lexicon load_lexicon(const tagwerk::Config& cfg) {
  Lexicon lexicon = Lexicon::from_data_dir(cfg.data_dir());
  for (const char* lang : Lexicon::kLanguages)
    for (const char* list : Lexicon::kLists)
      cfg.loaded(cfg.data_file(std::string(list) + "_" + lang + ".txt"));  // for the manifest
  if (cfg.has("abbreviations")) lexicon.abbreviations.load(cfg.loaded(cfg.get_path("abbreviations")));
  return lexicon;
}

class SegmentPlugin {
 public:
  using Scratch = Segmentation;  // buffers reused across the documents of one thread

  explicit SegmentPlugin(const tagwerk::Config& cfg)
      : segmenter_(load_lexicon(cfg),
                   SegmentOptions{cfg.get_bool("language_detection"), cfg.get_string("default_lang")}) {}

  void process(tagwerk::Document& doc, Segmentation& seg) const {
    segmenter_.segment(doc.text(), doc.meta("lang"), seg);
    auto paragraphs = doc.create_layer("paragraph");
    auto sentences = doc.create_layer("sentence");
    auto tokens = doc.create_layer("token");
    for (const auto& p : seg.paragraphs) paragraphs.set(paragraphs.add(p.begin, p.end), "lang", p.lang);
    for (const auto& s : seg.sentences)
      sentences.set(sentences.add(s.begin, s.end), "lang", seg.paragraphs[s.paragraph].lang);
    for (const auto& t : seg.tokens) tokens.add(t.begin, t.end, to_string(t.kind));
  }

 private:
  tagwerk::segment::Segmenter segmenter_;
};

}  // namespace

TAGWERK_PLUGIN(
    SegmentPlugin,
    tagwerk::Info()
        .name("segment")
        .version("2.0.0")
        .summary("Paragraphs with their language, sentences and tokens; aware of German "
                 "and English abbreviations, ordinals and dates")
        .license("Apache-2.0")
        .languages({"de", "en"})
        .provides("paragraph", "A paragraph: text between blank lines",
                  {{"lang", tagwerk::Type::String, "ISO 639-1 language detected for the paragraph", ""}})
        .provides("sentence", "A sentence",
                  {{"lang", tagwerk::Type::String, "ISO 639-1 language of its paragraph", ""}})
        .provides("token",
                  "A token; label word, num, punct, sym, url (also e-mail), mention (@name) or hashtag")
        .param("language_detection", tagwerk::ParamType::Bool, "true",
               "Detect each paragraph's language with CLD2; when false every paragraph gets the "
               "document's lang metadata or default_lang")
        .param("default_lang", tagwerk::ParamType::String, "de",
               "Language (ISO 639-1) for paragraphs too short to detect when the document has no "
               "lang metadata and no paragraph was detected reliably")
        .param("abbreviations", tagwerk::ParamType::Path, nullptr,
               "Extra abbreviations, one per line with their final period (\"Abg.\"), '#' for "
               "comments; added to the shipped German and English lists"))
