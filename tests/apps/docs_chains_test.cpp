// Every chain a user can copy is valid: `tagwerk check`, with the shipped
// plugins, accepts each ```toml block with a [[step]] in docs/*.md and each
// file in chains/. A doc that shows a plugin or parameter that does not exist
// fails here.
#include "cli_runner.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using tagwerk::test::CliResult;
using tagwerk::test::CliRunner;
using tagwerk::test::quote;

namespace {

namespace fs = std::filesystem;

struct ChainBlock {
  int line = 0;  // of the opening fence, 1-based
  std::string text;
};

/// The fenced ```toml blocks of `markdown` that hold a [[step]] line: the
/// chains it shows. Other blocks (messages, a resolved chain shortened with
/// "...") use another fence.
std::vector<ChainBlock> chain_blocks(const std::string& markdown) {
  std::vector<ChainBlock> out;
  std::istringstream in(markdown);
  std::string line;
  int number = 0;
  bool in_toml = false;
  bool in_other = false;
  ChainBlock block;
  bool has_step = false;
  while (std::getline(in, line)) {
    ++number;
    const bool fence = line.rfind("```", 0) == 0;
    if (in_toml) {
      if (fence) {
        if (has_step) out.push_back(block);
        in_toml = false;
      } else {
        block.text += line + '\n';
        if (line.rfind("[[step]]", 0) == 0) has_step = true;
      }
    } else if (in_other) {
      in_other = !fence;
    } else if (fence) {
      in_toml = line == "```toml";
      in_other = !in_toml;
      block = ChainBlock{number, {}};
      has_step = false;
    }
  }
  return out;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The files in `dir` ending in `extension`, sorted.
std::vector<fs::path> files_in(const fs::path& dir, const std::string& extension) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == extension) out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

const fs::path kSource = TAGWERK_SOURCE_DIR;

}  // namespace

TEST(DocsChains, TheExtractorFindsTomlChainsOnly) {
  const auto blocks = chain_blocks(
      "# Title\n\n```toml\n[input]\nformat = \"jsonl\"\n```\n\n"
      "```\nnews.toml:1:1: error: [[step]] in a message\n```\n\n"
      "```toml\n# a chain\n[[step]]\nuse = \"segment\"\n```\n"
      "```text\n[[step]]\nuse = \"shortened\"\n...\n```\n");
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0].line, 12);
  EXPECT_EQ(blocks[0].text, "# a chain\n[[step]]\nuse = \"segment\"\n");
}

TEST(DocsChains, EveryChainInTheDocsIsValid) {
  CliRunner cli;
  std::size_t checked = 0;
  for (const auto& doc : files_in(kSource / "docs", ".md")) {
    for (const auto& block : chain_blocks(slurp(doc))) {
      const std::string where = "docs/" + doc.filename().string() + ":" + std::to_string(block.line);
      // Written into a folder of its own, named after where it comes from, so
      // that messages point back at the doc.
      const fs::path file =
          cli.write(doc.stem().string() + "-line-" + std::to_string(block.line) + "/chain.toml", block.text);
      CliResult r = cli.run("check " + quote(file.string()));
      EXPECT_EQ(r.exit_code, 0) << where << " is not a valid chain:\n" << r.err << "\n" << block.text;
      ++checked;
    }
  }
  // docs/chains.md opens with an example chain; finding none means the extractor broke.
  EXPECT_GE(checked, 2u);
}

TEST(DocsChains, EveryShippedChainIsValid) {
  CliRunner cli;
  const auto chains = files_in(kSource / "chains", ".toml");
  ASSERT_FALSE(chains.empty());
  EXPECT_NE(std::find(chains.begin(), chains.end(), kSource / "chains" / "default.toml"), chains.end());
  for (const auto& chain : chains) {
    CliResult r = cli.run("check " + quote(chain.string()));
    EXPECT_EQ(r.exit_code, 0) << chain.string() << " is not a valid chain:\n" << r.err;
    EXPECT_EQ(r.err.find("warning:"), std::string::npos) << chain.string() << ":\n" << r.err;
  }
}
