// long-sentences: marks sentences with more than `max_tokens` tokens -- a
// complete tagwerk plugin, written against the installed SDK alone.
#include <tagwerk/plugin.hpp>

class LongSentences {
 public:
  explicit LongSentences(const tagwerk::Config& config) : max_tokens_(config.get_int("max_tokens")) {}

  void process(tagwerk::Document& doc) {
    const tagwerk::Layer sentences = doc.layer("sentence");
    const tagwerk::Spans sentence = sentences.spans();         // one host call: a snapshot of the spans,
    const tagwerk::Spans tokens = doc.layer("token").spans();  // then plain memory reads per token
    tagwerk::Layer out = doc.create_layer("long_sentence");
    auto token = tokens.begin();
    for (std::size_t s = 0; s < sentence.size(); ++s) {
      while (token != tokens.end() && token->begin < sentence[s].begin) ++token;
      std::int64_t count = 0;
      for (; token != tokens.end() && token->end <= sentence[s].end; ++token) ++count;
      if (count <= max_tokens_) continue;
      std::size_t i = out.add(sentence[s].begin, sentence[s].end);
      out.set(i, "tokens", count);
      out.set_ref(i, "sentence", sentences, s);
    }
  }

 private:
  std::int64_t max_tokens_;
};

TAGWERK_PLUGIN(LongSentences,
               tagwerk::Info()
                   .name("long-sentences")
                   .version("2.0.0")
                   .summary("Marks sentences longer than max_tokens tokens")
                   .license("Apache-2.0")
                   .requires_inputs({"sentence", "token"})
                   .provides("long_sentence", "A sentence with more than max_tokens tokens",
                             {{"tokens", tagwerk::Type::Int, "how many tokens it has", ""},
                              tagwerk::ref_attr("sentence", "sentence", "the sentence it marks")})
                   .param("max_tokens", tagwerk::ParamType::Int, "30", "longest sentence not marked"))
