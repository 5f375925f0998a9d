// Test plugin "tw-lists" for the harness's own tests: after tw-words, one
// span over the whole text with a list attribute of every list type and a
// list of references to the words, document attributes, and a warning.
#include <tagwerk/plugin.hpp>

#include <string>
#include <vector>

class ListsPlugin {
 public:
  explicit ListsPlugin(const tagwerk::Config&) {}

  void process(tagwerk::Document& doc) {
    const tagwerk::Layer words = doc.layer("word");
    const tagwerk::Spans spans = words.spans();
    const tagwerk::Column text = words.column("text");
    std::vector<std::string> names;
    std::vector<std::int64_t> lengths;
    std::vector<double> halves;
    std::vector<std::size_t> all;
    for (std::size_t i = 0; i < spans.size(); ++i) {
      names.emplace_back(text.string(i));
      lengths.push_back(static_cast<std::int64_t>(spans[i].end - spans[i].begin));
      halves.push_back(static_cast<double>(spans[i].end - spans[i].begin) / 2);
      all.push_back(i);
    }
    tagwerk::Layer out = doc.create_layer("summary");
    const std::size_t s = out.add(0, static_cast<std::uint32_t>(doc.text().size()), "all");
    out.set(s, "names", names);
    out.set(s, "lengths", lengths);
    out.set(s, "halves", halves);
    out.set_refs(s, "words", words, all);
    out.add_unanchored("none");
    doc.set("count", static_cast<std::int64_t>(spans.size()));
    doc.set("names", names);
    if (spans.size() > 3) doc.warn("more than three words");
  }
};

TAGWERK_PLUGIN(ListsPlugin, tagwerk::Info()
                                .name("tw-lists")
                                .version("0.1.0")
                                .summary("Test plugin: list and document attributes")
                                .license("Apache-2.0")
                                .requires_inputs({"word", "word.text"})
                                .provides("summary", "One span over the text, one without extent",
                                          {{"names", tagwerk::Type::StringList, "the words", ""},
                                           {"lengths", tagwerk::Type::IntList, "their lengths in bytes", ""},
                                           {"halves", tagwerk::Type::FloatList, "half their lengths", ""},
                                           {"words", tagwerk::Type::RefList, "every word", "word"}})
                                .doc_attr("count", tagwerk::Type::Int, "how many words")
                                .doc_attr("names", tagwerk::Type::StringList, "the words"))
