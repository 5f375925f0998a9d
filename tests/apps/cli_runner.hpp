// Runs the real tagwerk executable in a scratch folder and captures what a
// user would see: exit code, standard output, standard error.
#pragma once

#include <filesystem>
#include <string>

namespace tagwerk::test {

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class CliRunner {
 public:
  CliRunner();   // makes a fresh scratch folder
  ~CliRunner();  // removes it

  /// Writes `content` to a file in the scratch folder and returns its path.
  std::filesystem::path write(const std::string& name, const std::string& content) const;
  const std::filesystem::path& dir() const { return dir_; }

  /// Runs `tagwerk ARGS` (a shell word list; use quote()) with the fixture
  /// plugins on the plugin path and standard input from `stdin_file` (or /dev/null).
  CliResult run(const std::string& args, const std::string& stdin_file = "/dev/null") const;

 private:
  std::filesystem::path dir_;
};

/// The whole file as a string (empty when it does not exist).
std::string slurp(const std::filesystem::path& p);

/// Single-quotes a path or argument for the shell.
std::string quote(const std::string& s);

}  // namespace tagwerk::test
