// tagwerk new-plugin: writes a folder with a working plugin to start from --
// its source (C++ or C), a CMakeLists.txt building it against the installed
// SDK, a test on the plugin test harness and a chain running it after segment.
#include "cli_common.hpp"
#include "commands.hpp"
#include "new_plugin_templates.hpp"

#include <tagwerk/core/error.hpp>

#include <cctype>
#include <fstream>
#include <iostream>
#include <system_error>
#include <utility>

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace tagwerk::cli {
namespace {

constexpr const char* kNewPluginUsage = R"(Usage: tagwerk new-plugin NAME [--lang cpp|c] [--dir DIR]

Writes the folder NAME/ (inside DIR, default the current folder) with a
plugin that marks long words after segment -- a starting point that builds,
passes its test and runs at once:
  NAME/NAME.cpp or NAME.c   the plugin (C++ on <tagwerk/plugin.hpp>, or C99 on <tagwerk/abi.h>)
  NAME/NAME_test.cpp        its test on the plugin test harness (<tagwerk/testing.hpp>)
  NAME/CMakeLists.txt       find_package(tagwerk), the plugin, the test; Release by default
  NAME/NAME.toml            a chain: segment, then the plugin
(file names use NAME with '-' as '_'). NAME is the plugin's name: a lowercase
letter, then lowercase letters, digits, '-' or '_'.

Example:
  tagwerk new-plugin my-plugin
  cmake -S my-plugin -B my-plugin/build -DCMAKE_PREFIX_PATH=<tagwerk prefix>
  cmake --build my-plugin/build && ctest --test-dir my-plugin/build
  tagwerk run -P my-plugin/build --chain my-plugin/my-plugin.toml examples/seed.jsonl
)";

// Why `name` cannot name a plugin, or empty when it can.
std::string name_problem(const std::string& name) {
  if (name.empty()) return "is empty";
  if (name.size() > 64) return "is longer than 64 characters";
  if (name[0] < 'a' || name[0] > 'z') return "must begin with a lowercase letter a-z";
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
      return std::string("has '") + c + "'; use only lowercase letters a-z, digits, '-' and '_'";
  if (name.back() == '-' || name.back() == '_') return "must not end in '-' or '_'";
  return {};
}

std::string identifier(const std::string& name) {
  std::string out = name;
  for (char& c : out)
    if (c == '-') c = '_';
  return out;
}

std::string camel_case(const std::string& name) {
  std::string out;
  bool upper = true;
  for (char c : name) {
    if (c == '-' || c == '_') {
      upper = true;
      continue;
    }
    out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
    upper = false;
  }
  return out;
}

std::string fill(std::string text, const std::vector<std::pair<std::string, std::string>>& values) {
  for (const auto& [key, value] : values)
    for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
      text.replace(at, key.size(), value);
  return text;
}

void write_file(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
  out.close();
  if (!out) throw core::SetupError(path.string() + ": cannot write the file; check the folder is writable");
}

}  // namespace

int cmd_new_plugin(const std::vector<std::string>& args) {
  po::options_description options("Options of new-plugin");
  options.add_options()("lang", po::value<std::string>()->default_value("cpp"),
                        "cpp (against <tagwerk/plugin.hpp>) or c (C99 against <tagwerk/abi.h>)")(
      "dir", po::value<std::string>()->default_value("."),
      "create NAME/ inside this folder (made if missing)")("name", po::value<std::string>(),
                                                           "the plugin's name; also positional");
  po::options_description all;
  all.add(options).add(common_options());
  po::positional_options_description positional;
  positional.add("name", 1);
  auto vm = parse(args, all, &positional, "new-plugin");
  if (vm["help"].as<bool>()) {
    std::cout << kNewPluginUsage << "\n" << all;
    return kExitClean;
  }
  setup_logging(vm);
  if (!vm.count("name")) throw UsageError("give the plugin's NAME, e.g. 'tagwerk new-plugin my-plugin'");
  const std::string name = vm["name"].as<std::string>();
  if (const std::string problem = name_problem(name); !problem.empty())
    throw UsageError("'" + name + "' cannot name a plugin: it " + problem + " (e.g. my-plugin)");
  const std::string lang = vm["lang"].as<std::string>();
  if (lang != "cpp" && lang != "c") throw UsageError("--lang '" + lang + "' must be cpp or c");
  const std::string ident = identifier(name);

  // A name or layer that a plugin found already has would shadow it or clash with it.
  const core::PluginRegistry registry = discover_plugins(vm);
  for (const auto& info : registry.plugins()) {
    if (info.name == name)
      throw UsageError("a plugin named '" + name + "' exists already (" + info.library.string() +
                       "); pick another name");
    if (info.find_provided(ident) != nullptr)
      throw UsageError("plugin '" + info.name + "' already provides a layer '" + ident +
                       "', which this plugin would write; pick another name");
  }

  const std::string dir = vm["dir"].as<std::string>();
  const fs::path folder = dir == "." ? fs::path(name) : fs::path(dir) / name;
  std::error_code ec;
  if (fs::exists(folder, ec) || fs::is_symlink(folder, ec))
    throw UsageError(folder.string() + " exists already; remove it or pick another name");
  if (!fs::create_directories(folder, ec) || ec)
    throw core::SetupError(folder.string() + ": cannot create the folder (" + ec.message() +
                           "); check that --dir is writable");

  const bool c = lang == "c";
  const std::string source = ident + (c ? ".c" : ".cpp");
  const std::vector<std::pair<std::string, std::string>> values{
      {"@NAME@", name},
      {"@IDENT@", ident},
      {"@CLASS@", camel_case(name)},
      {"@KIND@", c ? "in plain C99" : "in C++"},
      {"@FLAGS@", c ? " --lang c" : ""},
      {"@LANGUAGES@", c ? "C CXX" : "CXX"},  // C++ for the GoogleTest test
      {"@SOURCE@", source},
      {"@STANDARD@", c ? "set_target_properties(tagwerk_plugin_" + name +
                             " PROPERTIES C_STANDARD 99 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)\n"
                       : ""}};
  const std::vector<std::pair<std::string, const char*>> files{
      {source, c ? templates::kCSource : templates::kCppSource},
      {ident + "_test.cpp", templates::kTest},
      {"CMakeLists.txt", templates::kCMakeLists},
      {name + ".toml", templates::kChain},
      {"README.md", templates::kReadme},
      {".gitignore", templates::kGitignore}};
  for (const auto& [file, text] : files) write_file(folder / file, fill(text, values));

  const fs::path exe = core::current_executable();
  const std::string prefix = exe.empty() ? "<tagwerk prefix>" : exe.parent_path().parent_path().string();
  const std::string f = folder.string();
  std::cout << "Wrote " << f << "/: a " << (c ? "C" : "C++") << " plugin '" << name
            << "' that marks long words after segment, its test and a chain. Next:\n"
            << "  cmake -S " << f << " -B " << f << "/build -DCMAKE_PREFIX_PATH=" << prefix << "\n"
            << "  cmake --build " << f << "/build && ctest --test-dir " << f << "/build\n"
            << "  tagwerk run -P " << f << "/build --chain " << f << "/" << name << ".toml INPUT.jsonl\n";
  return kExitClean;
}

}  // namespace tagwerk::cli
