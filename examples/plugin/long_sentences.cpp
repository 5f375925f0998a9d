// long-sentences: marks sentences with more than `max_tokens` tokens -- a
// complete tagwerk plugin, written against the installed SDK alone.
#include <tagwerk/plugin.hpp>

class LongSentences {
 public:
  explicit LongSentences(const tagwerk::Config& config) : max_tokens_(config.get_int("max_tokens")) {}

  void process(tagwerk::Document& doc) {
    tagwerk::Layer sentences = doc.layer("sentence");
    tagwerk::Layer tokens = doc.layer("token");
    tagwerk::Layer out = doc.create_layer("long_sentence");
    const tagwerk::Span* token = tokens.begin();  // a contiguous view: no call per token
    for (std::size_t s = 0; s < sentences.size(); ++s) {
      while (token != tokens.end() && token->begin < sentences[s].begin) ++token;
      std::int64_t count = 0;
      for (; token != tokens.end() && token->end <= sentences[s].end; ++token) ++count;
      if (count <= max_tokens_) continue;
      std::size_t i = out.add(sentences[s].begin, sentences[s].end);
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
                   .version("1.0.0")
                   .summary("Marks sentences longer than max_tokens tokens")
                   .license("Apache-2.0")
                   .requires_layers({"sentence", "token"})
                   .provides({"long_sentence"})
                   .param("max_tokens", tagwerk::ParamType::Int, "30", "longest sentence not marked"))
