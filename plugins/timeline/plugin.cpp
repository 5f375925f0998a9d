// The timeline plugin: the SDK glue around tagwerk::timeline::Engine. Layers:
// timex (type, value, mod) and event (time, source, timex) per sentence and
// quote; document attributes dct, dct_source, earliest, latest and times.
#include <tagwerk/plugin.hpp>
#include <tagwerk/timeline/engine.hpp>

#include <string>

namespace tl = tagwerk::timeline;

class TimelinePlugin {
 public:
  struct Scratch {  // one per worker thread
    tl::ScratchPtr buffers = tl::Engine::make_scratch();
  };
  explicit TimelinePlugin(const tagwerk::Config& config) : engine_(config.data_dir(), {"de", "en"}) {
    for (const char* lang : {"de", "en"}) config.loaded(config.data_file(std::string(lang) + ".rules"));
  }

  void process(tagwerk::Document& doc, Scratch& scratch) {
    tl::Input in;
    in.text = doc.text();
    in.dct = doc.meta("date");
    in.lang = doc.meta("lang");
    const tagwerk::Layer sentences = doc.layer("sentence");
    const tagwerk::Spans spans = sentences.spans();
    const tagwerk::Column lang = sentences.column("lang");
    for (std::size_t i = 0; i < spans.size(); ++i)
      in.sentences.push_back({spans[i].begin, spans[i].end, std::string(lang.string(i))});
    if (const tagwerk::Layer quotes = doc.layer("quote")) {
      for (const auto& q : quotes)
        if (q.begin != tagwerk::kNoOffset)
          in.quotes.push_back({q.begin, q.end, lang_at(spans, lang, q.begin)});
    }
    const tl::Result r = engine_.analyze(in, *scratch.buffers);

    tagwerk::Layer timex = doc.create_layer("timex");
    for (const auto& t : r.timexes) {
      std::size_t i = timex.add(t.begin, t.end);
      timex.set(i, "type", t.type);
      timex.set(i, "value", t.value);
      if (!t.mod.empty()) timex.set(i, "mod", t.mod);
    }
    tagwerk::Layer event = doc.create_layer("event");
    for (const auto& e : r.events) {
      std::size_t i = event.add(e.begin, e.end, e.quote ? "quote" : "sentence");
      event.set(i, "time", e.time);
      event.set(i, "source", tl::to_string(e.source));
      if (e.timex >= 0) event.set_ref(i, "timex", timex, static_cast<std::size_t>(e.timex));
    }
    doc.set("dct", r.dct);
    doc.set("dct_source", r.dct_source);
    doc.set("earliest", r.earliest);
    doc.set("latest", r.latest);
    doc.set("times", r.times);
  }

 private:
  // The language of the sentence holding `pos` (quotes lie inside sentences).
  static std::string lang_at(const tagwerk::Spans& spans, const tagwerk::Column& lang, std::uint32_t pos) {
    std::size_t lo = 0, hi = spans.size();
    while (lo < hi) {
      const std::size_t mid = (lo + hi) / 2;
      if (spans[mid].end <= pos)
        lo = mid + 1;
      else
        hi = mid;
    }
    return lo < spans.size() && spans[lo].begin <= pos ? std::string(lang.string(lo)) : std::string();
  }
  tl::Engine engine_;
};

TAGWERK_PLUGIN(
    TimelinePlugin,
    tagwerk::Info()
        .name("timeline")
        .version("0.2.0")
        .summary("Temporal expressions (TIMEX3) resolved against the document date; dated statements")
        .license("Apache-2.0")
        .languages({"de", "en"})
        .requires_inputs({"sentence", "sentence.lang"})
        .optional_inputs({"quote"})
        .provides("timex", "A temporal expression (TIMEX3)",
                  {{"type", tagwerk::Type::String, "DATE, TIME, DURATION or SET", ""},
                   {"value", tagwerk::Type::String,
                    "normalized TIMEX3 value: 2017-07-07, P3D, PRESENT_REF, ...", ""},
                   {"mod", tagwerk::Type::String, "START, MID, END, APPROX, MORE_THAN, ... when qualified",
                    ""}})
        .provides("event", "A dated statement: a sentence, or a quote when quotes ran earlier (label)",
                  {{"time", tagwerk::Type::String,
                    "the TIMEX3 value the statement speaks about; empty when unknown", ""},
                   {"source", tagwerk::Type::String,
                    "where the time comes from: timex, narrative, dct or none", ""},
                   tagwerk::ref_attr("timex", "timex",
                                     "the temporal expression that dates it (source timex)")})
        .doc_attr("dct", tagwerk::Type::String,
                  "the document creation time relative expressions resolve against")
        .doc_attr("dct_source", tagwerk::Type::String,
                  "where the DCT comes from: metadata, text, text-first-date or none")
        .doc_attr("earliest", tagwerk::Type::String,
                  "the earliest calendar value of a DATE or TIME expression")
        .doc_attr("latest", tagwerk::Type::String, "the latest calendar value of a DATE or TIME expression")
        .doc_attr("times", tagwerk::Type::StringList,
                  "every calendar value of DATE and TIME expressions, sorted, unique"))
