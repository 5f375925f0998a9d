// Test plugin "tw-entity-stub": a stand-in for the entities and quotes plugins
// with their layer schemas, so that the sentiment plugin's entity and quote
// glue runs through the real loader before those plugins exist. Entities:
// every occurrence of the names in the parameter `names` (a PER mention whose
// cluster is the name's first mention); quotes: every "..." span, its speaker
// the last mention before it.
#include <tagwerk/plugin.hpp>

#include <map>
#include <string>
#include <vector>

class EntityStubPlugin {
 public:
  explicit EntityStubPlugin(const tagwerk::Config& config) {
    std::string list = config.get_string("names");
    for (std::size_t at = 0; at <= list.size();) {
      const std::size_t bar = std::min(list.find('|', at), list.size());
      if (bar > at) names_.push_back(list.substr(at, bar - at));
      at = bar + 1;
    }
  }

  void process(tagwerk::Document& doc) {
    const std::string_view text = doc.text();
    struct Hit {
      std::size_t begin, end;
      std::string name;
    };
    std::map<std::size_t, Hit> hits;  // by offset
    for (const std::string& name : names_)
      for (std::size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1))
        hits.emplace(at, Hit{at, at + name.size(), name});
    tagwerk::Layer entity = doc.create_layer("entity");
    std::map<std::string, std::size_t> first;
    std::vector<std::pair<std::size_t, std::size_t>> mentions;  // offset, index
    for (const auto& [at, hit] : hits) {
      const std::size_t i =
          entity.add(static_cast<std::uint32_t>(hit.begin), static_cast<std::uint32_t>(hit.end), "PER");
      const std::size_t cluster = first.emplace(hit.name, i).first->second;
      entity.set(i, "subtype", "");
      entity.set_ref(i, "cluster", entity, cluster);
      entity.set(i, "name", hit.name);
      entity.set(i, "score", 1.0);
      mentions.emplace_back(at, i);
    }
    tagwerk::Layer quote = doc.create_layer("quote");
    for (std::size_t open = text.find('"'); open != std::string_view::npos;) {
      const std::size_t close = text.find('"', open + 1);
      if (close == std::string_view::npos) break;
      const std::size_t q =
          quote.add(static_cast<std::uint32_t>(open), static_cast<std::uint32_t>(close + 1));
      quote.set(q, "kind", "direct");
      for (auto it = mentions.rbegin(); it != mentions.rend(); ++it)
        if (it->first < open) {
          quote.set_ref(q, "speaker_entity", entity, it->second);
          break;
        }
      open = text.find('"', close + 1);
    }
  }

 private:
  std::vector<std::string> names_;
};

TAGWERK_PLUGIN(EntityStubPlugin,
               tagwerk::Info()
                   .name("tw-entity-stub")
                   .version("0.1.0")
                   .summary("Test plugin: entity and quote layers from a list of names")
                   .license("Apache-2.0")
                   .provides("entity", "A mention of a listed name",
                             {{"subtype", tagwerk::Type::String, "always empty", ""},
                              tagwerk::ref_attr("cluster", "entity", "the name's first mention"),
                              {"name", tagwerk::Type::String, "the listed name", ""},
                              {"score", tagwerk::Type::Float, "always 1", ""}})
                   .provides("quote", "A span in straight double quotes",
                             {{"kind", tagwerk::Type::String, "always direct", ""},
                              tagwerk::ref_attr("speaker_entity", "entity", "the last mention before it")})
                   .param("names", tagwerk::ParamType::String, "", "names to find, '|'-separated"))
