#include "lexicon.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace tagwerk::quotes {
namespace {

struct TypeName {
  const char* name;
  std::uint32_t flag;
};

constexpr TypeName kCueTypes[] = {{"verb", kCueVerb},
                                  {"source", kCueSource},
                                  {"after", kCueAfter},
                                  {"so", kCueSo},
                                  {"anaphor", kCueAnaphor},
                                  {"impersonal", kCueVerb | kCueImpersonal},
                                  {"quoting", kCueVerb | kCueQuoting}};
constexpr TypeName kKonjTypes[] = {{"I", kKonj1}, {"II", kKonj2}};
constexpr TypeName kSpeakerTypes[] = {{"pronoun", kPronoun},
                                      {"impersonal", kImpersonal},
                                      {"det", kDet},
                                      {"prep", kPrep},
                                      {"particle", kParticle},
                                      {"comp", kComp},
                                      {"rel", kRel},
                                      {"conj", kConj},
                                      {"role", kRole},
                                      {"aux", kAux},
                                      {"report", kReport},
                                      {"grammar", kGrammar},
                                      {"infix", kInfix},
                                      {"passive", kPassive},
                                      {"agent", kAgent},
                                      {"oblique", kOblique},
                                      {"demonstrative", kDemonstrative},
                                      {"own", kOwn},
                                      {"possessive", kPossessive},
                                      {"indefinite", kIndefinite},
                                      {"conditional", kConditional},
                                      {"view", kView},
                                      {"genitive", kGenitive}};

template <std::size_t N>
std::string type_list(const TypeName (&types)[N]) {
  std::string s;
  for (const auto& t : types) s += (s.empty() ? "" : ", ") + std::string(t.name);
  return s;
}

// Calls f(number, line) for each line of `in` that is neither empty nor a '#' comment
// (a trailing CR dropped).
template <typename F>
void for_each_line(std::istream& in, F f) {
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty() && line[0] != '#') f(number, line);
  }
}

// Calls add(flag, words) for each "<type> TAB <phrase>" line of the file.
template <std::size_t N, typename Add>
void read_typed(const std::string& path, const TypeName (&types)[N], Add add) {
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error(path +
                             ": cannot read this file of the quotes plugin; every language needs its "
                             ".cues, .konjunktiv and .speakers file in the plugin's data folder");
  for_each_line(in, [&](int number, const std::string& line) {
    const auto tab = line.find('\t');
    const std::string type = line.substr(0, tab);
    const auto* t =
        std::find_if(std::begin(types), std::end(types), [&](const TypeName& x) { return type == x.name; });
    if (tab == std::string::npos || t == std::end(types))
      throw std::runtime_error(path + ":" + std::to_string(number) + ": '" + line +
                               "' is no '<type> TAB <words>' line; the type is one of " + type_list(types));
    std::istringstream words(line.substr(tab + 1));
    std::vector<std::string> w;
    for (std::string x; words >> x;) w.push_back(x);
    if (w.empty())
      throw std::runtime_error(path + ":" + std::to_string(number) + ": no words after the type '" + type +
                               "'; write them after a TAB");
    add(t->flag, std::move(w));
  });
}

}  // namespace

Lexicon Lexicon::load(const std::string& dir, const std::string& lang, std::vector<std::string>& files) {
  Lexicon lex;
  const std::string base = dir + "/" + lang;
  auto add_word = [&](std::uint32_t flag, std::vector<std::string> w) {
    WordInfo& info = lex.words_[w[0]];
    if (w.size() == 1) {
      info.flags |= flag;
      info.single |=
          flag & (kCueVerb | kCueSource | kCueAfter | kCueSo | kCueAnaphor | kCueImpersonal | kCueQuoting);
    } else {
      info.flags |= flag;
      info.phrases.push_back({std::vector<std::string>(w.begin() + 1, w.end()), flag});
    }
  };
  files.push_back(base + ".cues");
  read_typed(files.back(), kCueTypes, add_word);
  files.push_back(base + ".konjunktiv");
  read_typed(files.back(), kKonjTypes, add_word);
  files.push_back(base + ".speakers");
  read_typed(files.back(), kSpeakerTypes, [&](std::uint32_t flag, std::vector<std::string> w) {
    if (flag == kRole) lex.role_suffixes_[static_cast<unsigned char>(w[0].back())].push_back(w[0]);
    if (flag == kReport) lex.report_suffixes_[static_cast<unsigned char>(w[0].back())].push_back(w[0]);
    if (flag == kGrammar) {
      if (w[0] != "verb-second")
        throw std::runtime_error(
            base + ".speakers: 'grammar " + w[0] +
            "' is no property the engine knows; write 'grammar TAB verb-second' or nothing");
      lex.verb_second_ = true;
      return;
    }
    add_word(flag, std::move(w));
  });
  // Words the language writes in lower case (German: "zwar", "dort", "sollte"), one per
  // line, made from text by scripts/quotes_lowercase.py; optional, as English needs none.
  if (std::ifstream in(base + ".lowercase"); in) {
    files.push_back(base + ".lowercase");
    for_each_line(in, [&](int number, const std::string& line) {
      if (line.find_first_of(" \t") != std::string::npos)
        throw std::runtime_error(files.back() + ":" + std::to_string(number) + ": '" + line +
                                 "' is not one word; write one lower-case word per line");
      lex.words_[line].lowercase = true;
    });
  }
  for (auto& [word, info] : lex.words_)
    std::sort(info.phrases.begin(), info.phrases.end(),
              [](const Phrase& a, const Phrase& b) { return a.rest.size() > b.rest.size(); });
  return lex;
}

// The word, or the end of a compound with at least three letters before it
// ("US-Präsident", "Regierungssprecher", "Behördenangaben").
bool Lexicon::ends_with_any(std::string_view lower, const SuffixBuckets& suffixes) noexcept {
  if (lower.empty()) return false;
  for (const std::string& s : suffixes[static_cast<unsigned char>(lower.back())])
    if (lower == s ||
        (lower.size() >= s.size() + 3 && lower.compare(lower.size() - s.size(), s.size(), s) == 0))
      return true;
  return false;
}

}  // namespace tagwerk::quotes
