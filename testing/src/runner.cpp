// The host side of the harness: registry, chain, pipeline, one record.
#include "runner.hpp"

#include <tagwerk/core/error.hpp>
#include <tagwerk/core/json_text.hpp>
#include <tagwerk/core/utf8.hpp>

#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace tagwerk::testing::detail {
namespace {

std::string json_string(std::string_view s) {
  std::string out;
  core::append_json_string(out, s);
  return out;
}

}  // namespace

Runner::Runner(const std::vector<std::string>& plugins, const std::vector<std::string>& search_path,
               std::string_view chain_toml, const std::string& chain_file) {
  // Plugins given first, then the search folders: the first of a name wins.
  std::vector<fs::path> dirs;
  for (const auto& p : plugins) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      dirs.emplace_back(p);
    } else if (fs::exists(p, ec)) {
      registry_.add_library(p);  // throws SetupError naming the file when it is no plugin
    } else {
      throw core::SetupError(p +
                             ": no such plugin library or folder; build the plugin first "
                             "(tagwerk_add_plugin_test builds its PLUGINS before the test)");
    }
  }
  for (const auto& d : search_path) dirs.emplace_back(d);
  registry_.scan(core::plugin_search_path(dirs, core::current_executable()));
  available_ = registry_.plugins();
  chain_ = std::make_unique<core::Chain>(core::parse_chain(chain_toml, chain_file, available_));
  pipeline_ = std::make_unique<core::Pipeline>(*chain_, registry_);
}

std::string Runner::plugin_name(const std::string& library) {
  core::PluginRegistry probe;
  probe.add_library(library);
  const auto found = probe.plugins();
  if (found.empty()) throw core::SetupError(library + ": holds no plugin");
  return found.front().name;
}

core::Document Runner::run(std::string_view text,
                           const std::vector<std::pair<std::string, std::string>>& meta) const {
  const core::FieldMap& names = chain_->input.fields;
  core::Document doc;
  doc.origin = core::RecordOrigin{"<test>", 1};
  doc.field_names = core::renamed_fields(names);
  doc.id = "test";
  for (const auto& [key, value] : meta) {
    if (key == names.text) continue;  // the text is `text`
    std::string v = core::repair_utf8(value);
    if (key == names.id) doc.id = v;
    doc.fields.push_back(core::Field{key, json_string(v), std::move(v)});
  }
  std::size_t repairs = 0;
  doc.text = core::repair_utf8(text, &repairs);
  doc.fields.push_back(core::Field{names.text, json_string(doc.text), std::nullopt});
  const std::string record = "record '" + doc.id + "'";
  if (repairs > 0)
    doc.add_warning("input", record + " has invalid UTF-8 in field '" + names.text + "' (" +
                                 std::to_string(repairs) + (repairs == 1 ? " sequence" : " sequences") +
                                 "); replaced by U+FFFD, offsets refer to the repaired text");
  if (doc.text.empty()) {
    doc.add_error("input",
                  record + " has an empty text field '" + names.text + "'; there is nothing to analyse");
  } else if (doc.text.size() > chain_->input.max_text_bytes) {
    doc.add_error("input", record + " has a text of " + std::to_string(doc.text.size()) +
                               " bytes, more than the limit of " +
                               std::to_string(chain_->input.max_text_bytes) +
                               " bytes; it is passed through unanalysed — raise max_text_mb in the "
                               "chain's [input] table to analyse it");
    doc.text.clear();
  }
  pipeline_->analyse(doc);
  return doc;
}

}  // namespace tagwerk::testing::detail
