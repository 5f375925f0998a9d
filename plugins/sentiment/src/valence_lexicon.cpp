#include "valence_lexicon.hpp"

#include <tagwerk/text/char_class.hpp>

#include <array>
#include <charconv>
#include <fstream>
#include <stdexcept>

namespace tagwerk::sentiment {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.remove_suffix(1);
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return s;
}

// Calls f(fields, line_number) for every non-comment line of a TSV file.
template <class F>
void for_each_line(const std::string& path, F&& f) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error("cannot read sentiment data file '" + path +
                             "': check the path (lexicon_de / lexicon_en name files in the plugin's "
                             "data folder or paths)");
  std::string line;
  std::size_t number = 0;
  std::vector<std::string_view> fields;
  while (std::getline(in, line)) {
    ++number;
    std::string_view rest = trim(line);
    if (rest.empty() || rest.front() == '#') continue;
    fields.clear();
    for (;;) {
      const std::size_t tab = rest.find('\t');
      fields.push_back(trim(rest.substr(0, tab)));
      if (tab == std::string_view::npos) break;
      rest.remove_prefix(tab + 1);
    }
    f(fields, number);
  }
}

float parse_float(std::string_view s, const std::string& path, std::size_t line) {
  float v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size())
    throw std::runtime_error(path + ":" + std::to_string(line) + ": '" + std::string(s) +
                             "' is not a number; write term<TAB>score");
  return v;
}

ModKind kind_of(std::string_view s) {
  static constexpr std::array<std::pair<std::string_view, ModKind>, 9> kKinds{{
      {"negate", ModKind::Negate},
      {"negate_np", ModKind::NegateNp},
      {"neither", ModKind::Neither},
      {"boost", ModKind::Boost},
      {"contrast", ModKind::Contrast},
      {"approx", ModKind::Approx},
      {"clause", ModKind::Clause},
      {"compare", ModKind::Compare},
      {"copula", ModKind::Copula},
  }};
  for (const auto& [name, kind] : kKinds)
    if (name == s) return kind;
  return ModKind::None;
}

// Inflection endings of German nouns, adjectives and verbs, longest first.
constexpr std::array<std::string_view, 13> kEndings{"sten", "ste", "est", "ern", "nen", "en", "er",
                                                    "es",   "em",  "e",   "n",   "s",   "t"};
constexpr std::size_t kMinStem = 3;  // bytes
constexpr std::size_t kMinHead = 4;  // bytes of a compound head
// Bytes before the head of a word in lower case: "umweltfreundlich", but not
// the verb prefixes of "bekleidet" or "gesteuert".
constexpr std::size_t kMinLowerModifier = 5;

}  // namespace

void to_lower(std::string_view s, std::string& out) {
  out.clear();
  bool ascii = true;
  for (char c : s) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    out.resize(s.size());
    for (std::size_t i = 0; i < s.size(); ++i)
      out[i] = s[i] >= 'A' && s[i] <= 'Z' ? static_cast<char>(s[i] + 32) : s[i];
    return;
  }
  const text::Utf8Cursor cursor(s, static_cast<std::int32_t>(s.size()));
  for (std::int32_t i = 0; i < cursor.end();) {
    std::int32_t next = i;
    const text::CodePoint c = cursor.at(i, &next);
    if (c >= 0) text::append_utf8(out, text::to_lower(c));
    i = next;
  }
}

void Lexicon::load(const std::string& path) {
  std::string lower;
  for_each_line(path, [&](const std::vector<std::string_view>& f, std::size_t line) {
    if (f.size() < 2 || f[0].empty())
      throw std::runtime_error(path + ":" + std::to_string(line) + ": expected term<TAB>score");
    to_lower(f[0], lower);
    terms_.insert_or_assign(lower, parse_float(f[1], path, line));
    if (lower.size() >= 3) {
      const std::uint32_t k = start_key(lower);
      starts_[k >> 6] |= std::uint64_t{1} << (k & 63);
    }
  });
}

void Lexicon::load_rules(const std::string& path) {
  std::string lower;
  for_each_line(path, [&](const std::vector<std::string_view>& f, std::size_t line) {
    const auto fail = [&](const std::string& what) {
      throw std::runtime_error(path + ":" + std::to_string(line) + ": " + what);
    };
    if (f.size() < 2 || f[1].empty())
      fail(
          "expected kind<TAB>word[<TAB>weight] with kind negate, negate_np, neither, boost, contrast, "
          "approx, clause, compare, copula, salutation, greeting or setting");
    if (f[0] == "salutation" || f[0] == "greeting") {
      to_lower(f[1], lower);
      if (f[0] == "salutation")
        salutations_.insert_or_assign(lower, true);
      else
        greetings_.push_back(lower);
      return;
    }
    if (f[0] == "setting") {
      if (f.size() < 3) fail("expected setting<TAB>name<TAB>value");
      const float value = parse_float(f[2], path, line);
      if (f[1] == "emoticon_weight")
        emoticon_weight_ = value;
      else if (f[1] == "boost_valence")
        boost_valence_ = value != 0.f;
      else
        fail("unknown setting '" + std::string(f[1]) +
             "'; the settings are emoticon_weight and boost_valence");
      return;
    }
    const ModKind kind = kind_of(f[0]);
    if (kind == ModKind::None)
      fail(
          "expected kind<TAB>word[<TAB>weight] with kind negate, negate_np, neither, boost, contrast, "
          "approx, clause, compare, copula, salutation, greeting or setting");
    const float weight = f.size() > 2 ? parse_float(f[2], path, line) : 0.f;
    mods_.insert_or_assign(std::string(f[1]), Modifier{kind, weight});
  });
}

bool Lexicon::greeting(std::string_view lower) const {
  for (const std::string& g : greetings_)
    if (lower.starts_with(g)) return true;
  return false;
}

std::optional<float> Lexicon::inflected(std::string_view w) const {
  // Every form tried below starts with w's first three bytes (stems keep kMinStem of them).
  if (w.size() >= 3 && !may_start_term(w)) return std::nullopt;
  if (auto v = exact(w)) return v;
  for (std::string_view e : kEndings) {
    if (w.size() < e.size() + kMinStem || w.substr(w.size() - e.size()) != e) continue;
    if (auto v = exact(w.substr(0, w.size() - e.size()))) return v;
  }
  return std::nullopt;
}

float Lexicon::decompound(std::string_view w, bool capitalized) const {
  if (auto v = inflected(w)) return *v;
  // "Russland-Affäre": the part after the last hyphen.
  if (const std::size_t dash = w.rfind('-'); dash != std::string_view::npos && dash + 1 < w.size())
    return kCompoundWeight * decompound(w.substr(dash + 1));
  // The longest head that is a word: heads start at a character boundary.
  for (std::size_t p = capitalized ? kMinStem : kMinLowerModifier; p + kMinHead <= w.size(); ++p) {
    if ((static_cast<unsigned char>(w[p]) & 0xC0) == 0x80) continue;
    if (auto v = inflected(w.substr(p))) return kCompoundWeight * *v;
  }
  return 0.f;
}

}  // namespace tagwerk::sentiment
