// Running the tagwerk executable for end-to-end tests.
#include "cli_runner.hpp"

#include <sys/wait.h>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

namespace fs = std::filesystem;

namespace tagwerk::test {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

CliRunner::CliRunner() {
  std::random_device rd;
  dir_ = fs::temp_directory_path() / ("tagwerk-cli-" + std::to_string(rd()));
  fs::create_directories(dir_);
}

CliRunner::~CliRunner() {
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

fs::path CliRunner::write(const std::string& name, const std::string& content) const {
  fs::path p = dir_ / name;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
  return p;
}

CliResult CliRunner::run(const std::string& args, const std::string& stdin_file) const {
  const fs::path out = dir_ / "stdout.txt";
  const fs::path err = dir_ / "stderr.txt";
  const std::string command = "cd " + quote(dir_.string()) +
                              " && TAGWERK_PLUGIN_PATH=" + quote(TAGWERK_FIXTURE_PLUGIN_DIR) + " " +
                              quote(TAGWERK_EXE) + " " + args + " < " + quote(stdin_file) + " > " +
                              quote(out.string()) + " 2> " + quote(err.string());
  int status = std::system(command.c_str());
  CliResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

}  // namespace tagwerk::test
