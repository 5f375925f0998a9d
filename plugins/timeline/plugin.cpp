// The timeline plugin: the SDK glue around tagwerk::timeline::Engine, fed with
// segment's tokens and sentences (and the quotes when present). Layers:
// timex (type, value, mod), event (time, timex ref, source) per sentence and
// quote, and one unanchored timeline span (dct, dct_source, earliest, latest, times).
#include <tagwerk/plugin.hpp>
#include <tagwerk/timeline/engine.hpp>

#include <cstdint>
#include <string>

namespace tl = tagwerk::timeline;

namespace {

/// The `lang` of the paragraph holding a position, for positions that mostly
/// come in text order (quotes): a cursor walks the paragraphs once
/// instead of scanning them for every position; it rewinds when a position
/// goes backwards. Empty when no paragraph holds the position.
class ParagraphLang {
 public:
  explicit ParagraphLang(tagwerk::Layer paragraphs) : paragraphs_(paragraphs) {}

  std::string at(std::uint32_t pos) {
    const std::size_t n = paragraphs_ ? paragraphs_.size() : 0;
    if (next_ > 0 && next_ <= n && pos < paragraphs_[next_ - 1].begin) next_ = 0;
    while (next_ < n && paragraphs_[next_].end <= pos) ++next_;
    if (next_ < n && paragraphs_[next_].begin <= pos)
      return std::string(paragraphs_.get_string(next_, "lang").value_or(""));
    return {};
  }

 private:
  tagwerk::Layer paragraphs_;
  std::size_t next_ = 0;  // first paragraph that may hold the next position
};

}  // namespace

class TimelinePlugin {
 public:
  struct Scratch {  // one per worker thread
    tl::ScratchPtr buffers = tl::Engine::make_scratch();
    tl::Input in;  // its vectors keep their capacity from one document to the next
  };
  explicit TimelinePlugin(const tagwerk::Config& config) : engine_(config.data_dir(), {"de", "en"}) {}

  void process(tagwerk::Document& doc, Scratch& scratch) {
    tl::Input& in = scratch.in;
    in.text = doc.text();
    in.dct = doc.meta("date");
    in.lang = doc.meta("lang");
    // segment's tokens (label: the kind) and sentences (attribute: lang).
    in.tokens.clear();
    if (const tagwerk::Layer tokens = doc.layer("token")) {
      const tagwerk::Span* spans = tokens.begin();
      const std::size_t n = tokens.size();
      in.tokens.reserve(n);
      for (std::size_t i = 0; i < n; ++i)
        in.tokens.push_back({spans[i].begin, spans[i].end, tokens.label(i)});
    }
    in.sentences.clear();
    if (const tagwerk::Layer sentences = doc.layer("sentence")) {
      const tagwerk::Span* spans = sentences.begin();
      const std::size_t n = sentences.size();
      for (std::size_t i = 0; i < n; ++i)
        in.sentences.push_back(
            {spans[i].begin, spans[i].end, std::string(sentences.get_string(i, "lang").value_or(""))});
    }
    in.quotes.clear();
    if (tagwerk::Layer quotes = doc.layer("quote")) {
      ParagraphLang quote_lang(doc.layer("paragraph"));
      for (const auto& q : quotes)
        if (q.begin != tagwerk::kNoOffset) in.quotes.push_back({q.begin, q.end, quote_lang.at(q.begin)});
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

TAGWERK_PLUGIN(
    TimelinePlugin,
    tagwerk::Info()
        .name("timeline")
        .version("0.1.0")
        .summary("Temporal expressions (TIMEX3) resolved against the document date; dated statements")
        .license("Apache-2.0")
        .languages({"de", "en"})
        .requires_layers({"sentence", "token"})
        .provides({"timex", "event", "timeline"}))
