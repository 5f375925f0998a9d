// The timeline plugin: the SDK glue around tagwerk::timeline::Engine. Layers:
// timex (type, value, mod), event (time, timex ref, source) per sentence and
// quote, and one unanchored timeline span (dct, dct_source, earliest, latest, times).
#include <tagwerk/plugin.hpp>
#include <tagwerk/timeline/engine.hpp>

namespace tl = tagwerk::timeline;

class TimelinePlugin {
 public:
  struct Scratch {  // one per worker thread
    tl::ScratchPtr buffers = tl::Engine::make_scratch();
  };
  explicit TimelinePlugin(const tagwerk::Config& config) : engine_(config.data_dir(), {"de", "en"}) {}

  void process(tagwerk::Document& doc, Scratch& scratch) {
    tl::Input in;
    in.text = doc.text();
    in.dct = doc.meta("date");
    in.lang = doc.meta("lang");
    tagwerk::Layer paragraphs = doc.layer("paragraph");
    auto lang_at = [&](std::uint32_t pos) -> std::string {  // the paragraph's `lang`
      for (std::size_t i = 0; paragraphs && i < paragraphs.size(); ++i)
        if (paragraphs[i].begin <= pos && pos < paragraphs[i].end)
          return std::string(paragraphs.get_string(i, "lang").value_or(""));
      return {};
    };
    for (const auto& s : doc.layer("sentence")) in.sentences.push_back({s.begin, s.end, lang_at(s.begin)});
    if (tagwerk::Layer quotes = doc.layer("quote"))
      for (const auto& q : quotes)
        if (q.begin != tagwerk::kNoOffset) in.quotes.push_back({q.begin, q.end, lang_at(q.begin)});
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
    tagwerk::Layer timeline = doc.create_layer("timeline");
    std::size_t i = timeline.add_unanchored("document");
    timeline.set(i, "dct", r.dct);
    timeline.set(i, "dct_source", r.dct_source);
    timeline.set(i, "earliest", r.earliest);
    timeline.set(i, "latest", r.latest);
    std::string times;
    for (const auto& t : r.times) times += (times.empty() ? "" : " ") + t;
    timeline.set(i, "times", times);
  }

 private:
  tl::Engine engine_;
};

TAGWERK_PLUGIN(TimelinePlugin,
               tagwerk::Info()
                   .name("timeline")
                   .version("0.1.0")
                   .summary("Temporal expressions (TIMEX3) resolved against the document date; dated statements")
                   .license("Apache-2.0")
                   .languages({"de", "en"})
                   .requires_layers({"sentence"})
                   .provides({"timex", "event", "timeline"}))
