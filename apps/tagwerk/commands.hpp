// The tagwerk subcommands; each takes the arguments after its name and returns the exit code.
#pragma once

#include <string>
#include <vector>

namespace tagwerk::cli {

int cmd_run(const std::vector<std::string>& args);
int cmd_check(const std::vector<std::string>& args);
int cmd_plugins(const std::vector<std::string>& args);
int cmd_inspect(const std::vector<std::string>& args);
int cmd_new_plugin(const std::vector<std::string>& args);
int cmd_show(const std::vector<std::string>& args);
int cmd_report(const std::vector<std::string>& args);

}  // namespace tagwerk::cli
