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
    std::cout
        << "Usage: tagwerk check [--chain] FILE\n\nValidates the chain against the installed plugins and "
           "prints it with every default filled in\nand every path resolved. Exit status 0 when valid, 2 "
           "when not.\n\n"
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
  std::cout << "# " << path.string() << ": valid, " << chain.steps.size() << " steps, hash " << chain.hash()
            << "\n"
            << chain.to_toml();
  return kExitClean;
}

}  // namespace tagwerk::cli
