// How `tagwerk inspect` and `tagwerk plugins` describe a plugin: its
// descriptor as text for a terminal and as JSON for programs, inputs and
// outputs with their schemas included. Built from the PluginInfo alone.
#pragma once

#include <tagwerk/core/plugin_info.hpp>

#include <string>
#include <vector>

namespace tagwerk::cli {

/// A JSON object: name, version, summary, license, abi, library, data_dir,
/// thread_safe, languages, inputs {required, optional} ("layer" or
/// "layer.attr" strings), outputs {layers: [{name, help, attributes: [{name,
/// type, help, target?}]}], doc_attributes: [{name, type, help, target?}]},
/// parameters. Pretty-printed; every line after the first starts with
/// `indent` spaces; no trailing newline. `type` is value_type_name();
/// `target` appears for references only.
std::string plugin_json(const core::PluginInfo& plugin, int indent = 0);

/// A JSON array of plugin_json() objects, one trailing newline.
std::string plugins_json(const std::vector<core::PluginInfo>& plugins);

/// The description `tagwerk inspect NAME` prints, ending in a newline.
std::string plugin_text(const core::PluginInfo& plugin);

}  // namespace tagwerk::cli
