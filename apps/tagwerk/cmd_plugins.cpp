// tagwerk plugins / tagwerk inspect: what is installed, read from descriptors
// only (no plugin object is created, no data is loaded).
#include "cli_common.hpp"
#include "commands.hpp"
#include "plugin_description.hpp"

#include <tagwerk/core/error.hpp>

#include <fmt/format.h>

#include <iostream>

namespace po = boost::program_options;

namespace tagwerk::cli {
int cmd_plugins(const std::vector<std::string>& args) {
  po::options_description options("Options of plugins");
  options.add_options()("json", po::bool_switch(),
                        "print a JSON array with what inspect --json prints for each plugin");
  po::options_description all;
  all.add(options).add(common_options());
  auto vm = parse(args, all, nullptr, "plugins");
  if (vm["help"].as<bool>()) {
    std::cout << "Usage: tagwerk plugins [--json]\n\nLists the plugins found on the search path, without "
                 "running them.\n\n"
              << all;
    return kExitClean;
  }
  setup_logging(vm);
  auto registry = discover_plugins(vm);
  auto plugins = registry.plugins();
  if (vm["json"].as<bool>()) {
    std::cout << plugins_json(plugins);
  } else if (plugins.empty()) {
    std::cout << "no plugins found; searched:\n";
    for (const auto& d : core::plugin_search_path({}, core::current_executable()))
      std::cout << "  " << d.string() << "\n";
  } else {
    for (const auto& p : plugins)
      std::cout << fmt::format("{:<12} {:<8} {:<8} {}\n", p.name, p.version, join_list(p.languages),
                               p.summary);
  }
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
           "licence, languages,\nits inputs (the layers and attributes it requires or uses when present), "
           "its "
           "outputs\n(each layer it provides with its attributes and their types, the document "
           "attributes)\nand "
           "each parameter with type, default and help.\n\n"
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
                                       join_list(names, "(none)")));
  }
  std::cout << (vm["json"].as<bool>() ? plugin_json(lib->info()) + "\n" : plugin_text(lib->info()));
  return kExitClean;
}

}  // namespace tagwerk::cli
