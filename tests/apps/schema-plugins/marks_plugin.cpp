// Test plugin "tw-marks": a third-party layer `mark` (one span per sentence)
// with an attribute of every value type, for the generic tables of the
// SQLite writer; a sentence of fewer than three tokens leaves `first` unset.
#include <tagwerk/plugin.hpp>

#include <string>
#include <vector>

class MarksPlugin {
 public:
  explicit MarksPlugin(const tagwerk::Config&) {}
  void process(tagwerk::Document& doc) {
    const tagwerk::Layer sentences = doc.layer("sentence");
    const tagwerk::Spans sentence = sentences.spans();
    const tagwerk::Spans tokens = doc.layer("token").spans();
    const std::string_view text = doc.text();
    tagwerk::Layer out = doc.create_layer("mark");
    auto token = tokens.begin();
    for (std::size_t s = 0; s < sentence.size(); ++s) {
      std::vector<std::string> words;
      while (token != tokens.end() && token->begin < sentence[s].begin) ++token;
      for (; token != tokens.end() && token->end <= sentence[s].end; ++token)
        words.emplace_back(text.substr(token->begin, token->end - token->begin));
      const std::size_t i = out.add(sentence[s].begin, sentence[s].end, s % 2 ? "odd" : "even");
      out.set(i, "words", static_cast<std::int64_t>(words.size()));
      out.set(i, "share",
              static_cast<double>(sentence[s].end - sentence[s].begin) / static_cast<double>(text.size()));
      out.set(i, "question", !words.empty() && words.back() == "?");
      out.set(i, "tokens", words);
      out.set_ref(i, "sentence", sentences, s);
      if (words.size() >= 3) out.set(i, "first", words.front());
    }
  }
};

TAGWERK_PLUGIN(MarksPlugin,
               tagwerk::Info()
                   .name("tw-marks")
                   .version("0.1.0")
                   .summary("Test plugin: a third-party layer with an attribute of every type")
                   .license("Apache-2.0")
                   .requires_inputs({"sentence", "token"})
                   .provides("mark", "One span per sentence (label even/odd)",
                             {{"words", tagwerk::Type::Int, "tokens in the sentence", ""},
                              {"share", tagwerk::Type::Float, "the sentence's share of the text", ""},
                              {"question", tagwerk::Type::Bool, "ends with a question mark", ""},
                              {"tokens", tagwerk::Type::StringList, "the sentence's tokens", ""},
                              {"first", tagwerk::Type::String, "its first token, from three tokens on", ""},
                              tagwerk::ref_attr("sentence", "sentence", "the sentence it marks")}))
