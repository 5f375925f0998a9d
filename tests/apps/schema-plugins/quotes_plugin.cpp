// Test plugin "tw-quotes": requires `entity.cluster` and provides `quote`
// with a reference to its speaker's entity, for the chain's schema checks.
#include <tagwerk/plugin.hpp>

class QuotesPlugin {
 public:
  explicit QuotesPlugin(const tagwerk::Config&) {}
  void process(tagwerk::Document&) {}
};

TAGWERK_PLUGIN(QuotesPlugin, tagwerk::Info()
                                 .name("tw-quotes")
                                 .version("0.1.0")
                                 .summary("Test plugin: quotes that need entity clusters")
                                 .license("Apache-2.0")
                                 .requires_inputs({"entity.cluster"})
                                 .provides("quote", "A quotation",
                                           {{"kind", tagwerk::Type::String, "direct or indirect", ""},
                                            tagwerk::ref_attr("speaker", "entity", "the speaker's mention")}))
