// tagwerk check: validate a chain and print it resolved.
#include "cli_common.hpp"
#include "commands.hpp"

#include <tagwerk/core/chain.hpp>

#include <iostream>

namespace po = boost::program_options;

namespace tagwerk::cli {

int cmd_check(const std::vector<std::string>& args) {
  po::options_description check("Options of check");
  check.add_options()("chain,c", po::value<std::string>(),
                      "the chain to check; default: the installed default chain");
  po::options_description all;
  all.add(check).add(common_options());
  po::positional_options_description positional;
  positional.add("chain", 1);
  auto vm = parse(args, all, &positional, "check");
  if (vm["help"].as<bool>()) {
    std::cout << "Usage: tagwerk check [--chain] FILE\n\n"
                 "Validates the chain against the installed plugins (plugins, parameters and their\n"
                 "types, the layers and attributes each step needs, the files path parameters name)\n"
                 "and prints it with every default filled in and every path resolved. Warnings\n"
                 "(file:line:col: warning: ...) go to standard error and leave the chain valid.\n"
                 "Exit status 0 when valid, 2 when not.\n\n"
              << all;
    return kExitClean;
  }
  setup_logging(vm);
  auto registry = discover_plugins(vm);
  const auto available = registry.plugins();
  std::filesystem::path path =
      vm.count("chain") ? std::filesystem::path(vm["chain"].as<std::string>()) : default_chain_path();
  if (path.empty()) throw UsageError("no chain given and no default chain installed; pass --chain FILE");
  core::Chain chain = core::load_chain(path, available);
  print_chain_warnings(chain, std::cerr);
  std::cout << "# " << path.string() << ": valid, " << chain.steps.size() << " steps, hash " << chain.hash()
            << "\n"
            << chain.to_toml();
  return kExitClean;
}

}  // namespace tagwerk::cli
