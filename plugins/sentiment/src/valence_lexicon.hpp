// One language's word knowledge for the sentiment rules: the valence lexicon
// (term -> -4..4) and the modifier words (negators, intensifiers, contrast,
// ...), read from the plugin's TSV data files; for German also the lookup of
// inflected forms and compound heads.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tagwerk::sentiment {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;

enum class ModKind : std::uint8_t {
  None,
  Negate,
  NegateNp,
  Neither,
  Boost,
  Contrast,
  Approx,
  Clause,
  Compare,
  Copula
};

struct Modifier {
  ModKind kind = ModKind::None;
  float weight = 0;
};

/// Appends the lower-case form of UTF-8 `s` (ICU simple case mapping) to `out`
/// after clearing it.
void to_lower(std::string_view s, std::string& out);

class Lexicon {
 public:
  /// Adds `term<TAB>score` lines (lower-cased terms; '#' starts a comment
  /// line). Later files override earlier ones. Throws std::runtime_error
  /// naming the file and line.
  void load(const std::string& path);
  /// Adds `kind<TAB>word[<TAB>weight]` lines (kinds in de.rules.tsv): modifiers, salutation and
  /// greeting words, and `setting NAME VALUE` lines.
  void load_rules(const std::string& path);

  std::optional<float> exact(std::string_view lower) const {
    auto it = terms_.find(lower);
    return it == terms_.end() ? std::nullopt : std::optional<float>(it->second);
  }
  Modifier modifier(std::string_view lower) const {
    auto it = mods_.find(lower);
    return it == mods_.end() ? Modifier{} : it->second;
  }
  /// A word that opens a salutation ("liebe" of "Liebe Kolleginnen"); `salutation` lines.
  bool salutation(std::string_view lower) const { return salutations_.count(lower) > 0; }
  /// Whether `lower` begins with a closing greeting ("grüße" of "Liebe Grüße"); `greeting` lines.
  bool greeting(std::string_view lower) const;
  /// `setting emoticon_weight W`: an emoticon or emoji weighs W words of its valence (1: as one).
  float emoticon_weight() const noexcept { return emoticon_weight_; }
  /// `setting boost_valence 1`: a booster with a valence of its own keeps it when no sentiment
  /// word follows in its clause ("Verdammt!").
  bool boost_valence() const noexcept { return boost_valence_; }
  /// German: the valence of an inflected form ("gutes") or of a compound
  /// through its head ("wahlmanipulationen" via "manipulation", weighted
  /// kCompoundWeight). 0 when nothing matches. For a word written in lower
  /// case (`capitalized` false) a head must follow at least 5 bytes, or a
  /// hyphen: lower-case words in running text
  /// are rarely compound nouns ("umweltfreundlich" is, "bekleidet" is no "leidet").
  float decompound(std::string_view lower, bool capitalized = true) const;

  std::size_t size() const noexcept { return terms_.size(); }
  static constexpr float kCompoundWeight = 0.8f;

 private:
  std::optional<float> inflected(std::string_view lower) const;
  /// Whether some term starts with the first three bytes of `lower` (of three or more bytes): a
  /// filter of 2^16 bits over a hash of every term's start, so that the compound heads tried at
  /// most positions of a word cost no string lookup. False positives only.
  bool may_start_term(std::string_view lower) const noexcept {
    const std::uint32_t k = start_key(lower);
    return (starts_[k >> 6] >> (k & 63)) & 1u;
  }
  static std::uint32_t start_key(std::string_view s) noexcept {
    const auto b = [&](std::size_t i) {
      return static_cast<std::uint32_t>(static_cast<unsigned char>(s[i]));
    };
    return ((b(0) * 0x9E3779B1u) ^ (b(1) * 0x85EBCA77u) ^ (b(2) * 0xC2B2AE3Du)) >> 16;
  }
  StringMap<float> terms_;
  StringMap<Modifier> mods_;
  StringMap<bool> salutations_;
  std::vector<std::string> greetings_;
  float emoticon_weight_ = 1.f;
  bool boost_valence_ = false;
  std::array<std::uint64_t, (1u << 16) / 64> starts_{};
};

}  // namespace tagwerk::sentiment
