// tagwerk plugins / tagwerk inspect: what is installed, read from descriptors
// only (no plugin object is created, no data is loaded).
#include "cli_common.hpp"
#include "commands.hpp"

#include <tagwerk/abi.h>
#include <tagwerk/core/error.hpp>
#include <tagwerk/core/json_text.hpp>

#include <fmt/format.h>

#include <iostream>

namespace po = boost::program_options;

namespace tagwerk::cli {
namespace {

std::vector<std::string> input_names(const std::vector<core::InputRef>& inputs) {
  std::vector<std::string> out;
  for (const auto& in : inputs) out.push_back(in.str());
  return out;
}

std::vector<std::string> layer_names(const core::PluginInfo& p) {
  std::vector<std::string> out;
  for (const auto& l : p.provides) out.push_back(l.name);
  return out;
}

std::string join(const std::vector<std::string>& items, const char* empty = "-") {
  if (items.empty()) return empty;
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

void json_list(std::string& out, const std::vector<std::string>& items) {
  out += '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    core::append_json_string(out, items[i]);
  }
  out += ']';
}

std::string inspect_json(const core::PluginInfo& p) {
  std::string o = "{\n  \"name\": ";
  core::append_json_string(o, p.name);
  o += ",\n  \"version\": ";
  core::append_json_string(o, p.version);
  o += ",\n  \"summary\": ";
  core::append_json_string(o, p.summary);
  o += ",\n  \"license\": ";
  core::append_json_string(o, p.license);
  o += fmt::format(",\n  \"abi\": \"{}.{}\",\n  \"thread_safe\": {},\n  \"library\": ", p.abi_major,
                   p.abi_minor, p.thread_safe ? "true" : "false");
  core::append_json_string(o, p.library.string());
  o += ",\n  \"data_dir\": ";
  core::append_json_string(o, p.data_dir.string());
  o += ",\n  \"languages\": ";
  json_list(o, p.languages);
  o += ",\n  \"requires\": ";
  json_list(o, input_names(p.requires_inputs));
  o += ",\n  \"provides\": ";
  json_list(o, layer_names(p));
  o += ",\n  \"parameters\": [";
  for (std::size_t i = 0; i < p.params.size(); ++i) {
    const auto& q = p.params[i];
    o += i ? ",\n    {\"name\": " : "\n    {\"name\": ";
    core::append_json_string(o, q.name);
    o += ", \"type\": ";
    core::append_json_string(o, core::param_type_name(q.type));
    o += ", \"default\": ";
    if (q.default_value)
      core::append_json_string(o, *q.default_value);
    else
      o += "null";
    o += fmt::format(", \"required\": {}, \"help\": ", q.required ? "true" : "false");
    core::append_json_string(o, q.help);
    o += '}';
  }
  o += p.params.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return o;
}

std::string inspect_text(const core::PluginInfo& p) {
  std::string o = fmt::format("{} {}\n  {}\n\n", p.name, p.version, p.summary);
  o += fmt::format("  ABI          {}.{} (host {}.{})\n", p.abi_major, p.abi_minor, TW_ABI_MAJOR,
                   TW_ABI_MINOR);
  o += fmt::format("  licence      {}\n", p.license);
  o += fmt::format("  languages    {}\n", join(p.languages));
  o += fmt::format("  requires     {}\n", join(input_names(p.requires_inputs)));
  o += fmt::format("  provides     {}\n", join(layer_names(p)));
  o += fmt::format("  threads      {}\n", p.thread_safe ? "thread-safe: documents run in parallel"
                                                        : "not thread-safe: the host serializes its calls");
  o += fmt::format("  library      {}\n", p.library.string());
  o += fmt::format("  data         {}\n", p.data_dir.empty() ? "-" : p.data_dir.string());
  o += "\nParameters:\n";
  if (p.params.empty()) o += "  (none)\n";
  for (const auto& q : p.params) {
    std::string def =
        q.default_value ? "default " + *q.default_value : (q.required ? "required" : "no default");
    o += fmt::format("  {:<22} {:<7} {}\n      {}\n", q.name, core::param_type_name(q.type), def, q.help);
  }
  return o;
}

}  // namespace

int cmd_plugins(const std::vector<std::string>& args) {
  auto all = common_options();
  auto vm = parse(args, all, nullptr, "plugins");
  if (vm["help"].as<bool>()) {
    std::cout
        << "Usage: tagwerk plugins\n\nLists the plugins found on the search path, without running them.\n\n"
        << all;
    return kExitClean;
  }
  setup_logging(vm);
  auto registry = discover_plugins(vm);
  auto plugins = registry.plugins();
  if (plugins.empty()) {
    std::cout << "no plugins found; searched:\n";
    for (const auto& d : core::plugin_search_path({}, core::current_executable()))
      std::cout << "  " << d.string() << "\n";
  }
  for (const auto& p : plugins)
    std::cout << fmt::format("{:<12} {:<8} {:<8} {}\n", p.name, p.version, join(p.languages), p.summary);
  for (const auto& problem : registry.problems())
    std::cerr << "tagwerk: warning: skipped " << problem << "\n";
  return kExitClean;
}

int cmd_inspect(const std::vector<std::string>& args) {
  po::options_description inspect("Options of inspect");
  inspect.add_options()("name", po::value<std::string>(), "the plugin")("json", po::bool_switch(),
                                                                        "print JSON");
  po::options_description all;
  all.add(inspect).add(common_options());
  po::positional_options_description positional;
  positional.add("name", 1);
  auto vm = parse(args, all, &positional, "inspect");
  if (vm["help"].as<bool>() || !vm.count("name")) {
    std::cout
        << "Usage: tagwerk inspect NAME [--json]\n\nDescribes a plugin from its descriptor: version, ABI, "
           "licence, languages,\nlayers it requires and provides, and each parameter with type, default and "
           "help.\n\n"
        << all;
    return vm.count("name") ? kExitClean : kExitSetupError;
  }
  setup_logging(vm);
  auto registry = discover_plugins(vm);
  const std::string name = vm["name"].as<std::string>();
  auto lib = registry.find(name);
  if (!lib) {
    std::vector<std::string> names;
    for (const auto& p : registry.plugins()) names.push_back(p.name);
    throw core::SetupError(fmt::format("tagwerk inspect: no plugin named '{}'; available plugins: {}", name,
                                       join(names, "(none)")));
  }
  std::cout << (vm["json"].as<bool>() ? inspect_json(lib->info()) : inspect_text(lib->info()));
  return kExitClean;
}

}  // namespace tagwerk::cli
