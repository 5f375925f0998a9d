// Helpers of the end-to-end tests of `tagwerk run`.
#include "run_test_support.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace tagwerk::test {

std::string corpus(std::size_t n, const std::vector<std::pair<std::size_t, std::string>>& triggers) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    std::string text = "Record number " + std::to_string(i) + " has a few words in it.";
    for (const auto& [at, word] : triggers)
      if (at == i) text += " " + word;
    out += "{\"id\":\"r" + std::to_string(i) + "\",\"text\":\"" + text + "\"}\n";
  }
  return out;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

Record::Record(const std::string& line) : json(line) {
  doc = parser.parse(json);
}
std::string Record::id() const {
  return std::string(std::string_view(doc["id"]));
}
std::size_t Record::errors() const {
  return simdjson::dom::array(doc["errors"]).size();
}
std::string Record::error_plugin(std::size_t i) const {
  return std::string(std::string_view(simdjson::dom::array(doc["errors"]).at(i)["plugin"]));
}
std::string Record::error_message(std::size_t i) const {
  return std::string(std::string_view(simdjson::dom::array(doc["errors"]).at(i)["message"]));
}

pid_t start_tagwerk(const fs::path& dir, const std::vector<std::string>& args) {
  const pid_t pid = ::fork();
  if (pid != 0) return pid;
  if (::chdir(dir.c_str()) != 0) ::_exit(127);
  ::setenv("TAGWERK_PLUGIN_PATH", TAGWERK_FIXTURE_PLUGIN_DIR, 1);
  const int in = ::open("/dev/null", O_RDONLY);
  const int out = ::open("stdout.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const int err = ::open("stderr.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ::dup2(in, 0);
  ::dup2(out, 1);
  ::dup2(err, 2);
  std::vector<char*> argv;
  std::string exe = TAGWERK_EXE;
  argv.push_back(exe.data());
  std::vector<std::string> copy = args;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  ::execv(exe.c_str(), argv.data());
  ::_exit(127);
}

int wait_tagwerk(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace tagwerk::test
