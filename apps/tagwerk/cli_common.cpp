// Shared command-line plumbing.
#include "cli_common.hpp"

#include <fmt/format.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <system_error>

#ifndef TAGWERK_INSTALL_DATA_DIR
#define TAGWERK_INSTALL_DATA_DIR "/usr/local/share/tagwerk"
#endif

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace tagwerk::cli {

po::options_description common_options() {
  po::options_description o("Common options");
  o.add_options()(
      "plugin-path,P", po::value<std::vector<std::string>>()->composing(),
      "folder to search for plugins before TAGWERK_PLUGIN_PATH and the installed ones (repeatable)")(
      "allow-insecure-plugins", po::bool_switch(),
      "load plugin libraries and folders that other users may write to (refused by default)")(
      "log-level", po::value<std::string>()->default_value("info"), "trace, debug, info, warn, error or off")(
      "quiet,q", po::bool_switch(), "no progress line and only errors on stderr")("help,h", po::bool_switch(),
                                                                                  "this help");
  return o;
}

core::OffsetUnit parse_offsets(const std::string& text) {
  if (auto unit = core::parse_offset_unit(text)) return *unit;
  throw UsageError("--offsets '" + text + "' must be codepoints, bytes or utf16");
}

void setup_logging(const po::variables_map& vm) {
  auto logger = spdlog::stderr_color_mt("tagwerk");
  logger->set_pattern("tagwerk: %^%l%$: %v");
  spdlog::set_default_logger(logger);
  std::string level = vm.count("log-level") ? vm["log-level"].as<std::string>() : "info";
  auto parsed = spdlog::level::from_str(level);
  if (parsed == spdlog::level::off && level != "off")
    throw UsageError("--log-level '" + level + "' is not one of trace, debug, info, warn, error, off");
  if (vm.count("quiet") && vm["quiet"].as<bool>() && parsed < spdlog::level::err) parsed = spdlog::level::err;
  spdlog::set_level(parsed);
}

core::PluginRegistry discover_plugins(const po::variables_map& vm) {
  std::vector<fs::path> dirs;
  if (vm.count("plugin-path"))
    for (const auto& d : vm["plugin-path"].as<std::vector<std::string>>()) {
      std::error_code ec;
      if (!fs::is_directory(d, ec))
        throw UsageError(
            fmt::format("--plugin-path '{}' is not a folder{}; give the folder that holds the "
                        "plugin libraries (*.so), relative to the current folder",
                        d, fs::exists(d, ec) ? "" : " (it does not exist)"));
      dirs.emplace_back(d);
    }
  core::PluginRegistry registry;
  registry.allow_insecure(vm.count("allow-insecure-plugins") && vm["allow-insecure-plugins"].as<bool>());
  registry.scan(core::plugin_search_path(dirs, core::current_executable()));
  for (const auto& problem : registry.problems()) spdlog::debug("skipped {}", problem);
  for (const auto& refused : registry.refused()) spdlog::error("{}", refused);
  return registry;
}

fs::path default_chain_path() {
  std::error_code ec;
  const fs::path exe = core::current_executable();
  if (!exe.empty()) {
    fs::path beside = exe.parent_path().parent_path() / "share" / "tagwerk" / "chains" / "default.toml";
    if (fs::is_regular_file(beside, ec)) return beside;
  }
  fs::path installed = fs::path(TAGWERK_INSTALL_DATA_DIR) / "chains" / "default.toml";
  if (fs::is_regular_file(installed, ec)) return installed;
  return {};
}

std::string join_list(const std::vector<std::string>& items, const char* empty) {
  if (items.empty()) return empty;
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

void print_chain_warnings(const core::Chain& chain, std::ostream& out) {
  for (const auto& w : chain.warnings) out << w.str() << '\n';
}

po::variables_map parse(const std::vector<std::string>& args, const po::options_description& visible,
                        const po::positional_options_description* positional, const std::string& command) {
  po::variables_map vm;
  try {
    auto parser = po::command_line_parser(args).options(visible);
    if (positional != nullptr) parser.positional(*positional);
    po::store(parser.run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw UsageError(std::string(e.what()) + "; see 'tagwerk " + command + " --help'");
  }
  return vm;
}

}  // namespace tagwerk::cli
