// Test plugin "tw-clusters": provides `entity` with a `cluster` attribute,
// uses `quote.kind` when an earlier step provides it, and reads a word list
// from its `names` path parameter (reported as a data file for the manifest).
#include <tagwerk/plugin.hpp>

#include <fstream>
#include <string>

class ClustersPlugin {
 public:
  explicit ClustersPlugin(const tagwerk::Config& config) {
    if (config.has("names")) {
      const std::string path = config.get_path("names");
      if (!std::ifstream(path)) throw tagwerk::Error("cannot read names file " + path);
      config.loaded(path);
    }
  }
  void process(tagwerk::Document&) {}
};

TAGWERK_PLUGIN(ClustersPlugin,
               tagwerk::Info()
                   .name("tw-clusters")
                   .version("0.1.0")
                   .summary("Test plugin: entity clusters, for the chain's schema checks")
                   .license("Apache-2.0")
                   .optional_inputs({"quote.kind"})
                   .provides("entity", "A named entity mention",
                             {{"cluster", tagwerk::Type::Int, "mention cluster id", ""},
                              {"name", tagwerk::Type::String, "canonical name", ""}})
                   .doc_attr("entity_count", tagwerk::Type::Int, "entities found")
                   .param("names", tagwerk::ParamType::Path, nullptr, "a list of names, one per line"))
