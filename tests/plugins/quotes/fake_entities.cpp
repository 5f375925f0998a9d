// A stand-in for the entities plugin in the quotes tests: marks the names a
// parameter lists as PER mentions, clustered by canonical name, with the entity
// layer's schema (subtype, cluster, name, score). Test fixture only.
#include <tagwerk/plugin.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

class FakeEntities {
 public:
  // names = "Canonical:alias,alias;Canonical2:alias"
  explicit FakeEntities(const tagwerk::Config& config) {
    std::stringstream clusters(config.get_string("names"));
    for (std::string c; std::getline(clusters, c, ';');) {
      const auto colon = c.find(':');
      if (colon == std::string::npos)
        throw tagwerk::Error("names: '" + c + "' has no ':'; write Name:alias,alias");
      std::stringstream aliases(c.substr(colon + 1));
      for (std::string a; std::getline(aliases, a, ',');) aliases_.push_back({a, c.substr(0, colon)});
    }
    std::sort(aliases_.begin(), aliases_.end(),
              [](const auto& x, const auto& y) { return x.first.size() > y.first.size(); });
  }

  void process(tagwerk::Document& doc) {
    const std::string_view text = doc.text();
    std::vector<std::pair<std::size_t, std::size_t>> found;  // (begin, alias)
    std::vector<bool> taken(text.size(), false);
    for (std::size_t a = 0; a < aliases_.size(); ++a)
      for (std::size_t at = text.find(aliases_[a].first); at != std::string_view::npos;
           at = text.find(aliases_[a].first, at + 1)) {
        const std::size_t end = at + aliases_[a].first.size();
        if (std::any_of(taken.begin() + at, taken.begin() + end, [](bool t) { return t; })) continue;
        std::fill(taken.begin() + at, taken.begin() + end, true);
        found.push_back({at, a});
      }
    std::sort(found.begin(), found.end());
    tagwerk::Layer entity = doc.create_layer("entity");
    std::vector<std::pair<std::string, std::size_t>> first;  // canonical -> first mention
    for (const auto& [begin, a] : found) {
      const std::size_t i = entity.add(static_cast<std::uint32_t>(begin),
                                       static_cast<std::uint32_t>(begin + aliases_[a].first.size()), "PER");
      const std::string& name = aliases_[a].second;
      auto it = std::find_if(first.begin(), first.end(), [&](const auto& f) { return f.first == name; });
      if (it == first.end()) it = first.insert(first.end(), {name, i});
      entity.set(i, "subtype", "");
      entity.set_ref(i, "cluster", entity, it->second);
      entity.set(i, "name", name);
      entity.set(i, "score", 1.0);
    }
  }

 private:
  std::vector<std::pair<std::string, std::string>> aliases_;  // (alias, canonical)
};

TAGWERK_PLUGIN(FakeEntities,
               tagwerk::Info()
                   .name("quotes-test-entities")
                   .version("0.1.0")
                   .summary("Test fixture: listed names as PER entities")
                   .license("Apache-2.0")
                   .provides("entity", "A person named in the names parameter",
                             {{"subtype", tagwerk::Type::String, "always empty", ""},
                              tagwerk::ref_attr("cluster", "entity", "the cluster's first mention"),
                              {"name", tagwerk::Type::String, "the canonical name", ""},
                              {"score", tagwerk::Type::Float, "always 1", ""}})
                   .param("names", tagwerk::ParamType::String, "", "Canonical:alias,alias;Canonical2:alias"))
