#include "features.hpp"

namespace tagwerk::entities {

void WordClusters::add(std::string_view word, const Ids& ids) {
  add_hashed(hash_bytes(word, 0x636c75), ids);
}

void WordClusters::add_hashed(std::uint64_t hash, const Ids& ids) {
  if (table_.find(hash) != HashTable::kAbsent) return;
  table_.insert(hash, static_cast<std::uint32_t>(ids_.size()));
  hashes_.push_back(hash);
  ids_.push_back(ids);
}

bool WordClusters::contains(std::string_view word) const noexcept {
  return table_.find(hash_bytes(word, 0x636c75)) != HashTable::kAbsent;
}

WordClusters::Ids WordClusters::find(std::string_view word, std::string_view lower) const noexcept {
  std::uint32_t i = table_.find(hash_bytes(word, 0x636c75));
  if (i == HashTable::kAbsent && lower != word) i = table_.find(hash_bytes(lower, 0x636c75));
  if (i == HashTable::kAbsent) return {kNone, kNone, kNone};
  return ids_[i];
}

namespace {

// Feature templates: the seed of each feature's hash. Never renumber (models
// store the hashes); add new ones at the end and bump kFeatureVersion.
enum Template : std::uint64_t {
  kBias = 1,
  kWord,
  kLower,
  kLowerPrev,
  kLowerNext,
  kLowerPrev2,
  kLowerNext2,
  kBigramPrev,
  kBigramNext,
  kShape,
  kShapePrev,
  kShapeNext,
  kShapeTrigram,
  kPrefix,
  kSuffix,
  kInitialCap,
  kKind,
  kKindPrev,
  kKindNext,
  kHyphenFirst,
  kHyphenLast,
  kHyphenFirstGaz,
  kCluster,
  kClusterPrev,
  kClusterNext,
  kGazetteer,
  kGazetteerPrev,
  kGazetteerNext,
  kLength,
  kCapsPattern,
  kClusterBigram,
  kGazetteerStem,
  kLowerVariant,
  kPrevSuffix,
  kLowerShapeNext,
  kNameRole,
  kNameRolePrev,
  kNameRoleNext,
};

constexpr std::string_view kBoundary = "\x02";  // the word before the first / after the last

std::string_view kind_name(TokenKind k) {
  static constexpr std::string_view names[] = {"w", "n", "p", "s", "u", "m", "h"};
  return names[static_cast<int>(k)];
}

struct Emitter {
  std::vector<std::uint64_t>& out;
  std::string& key;
  void add(std::uint64_t tmpl, std::string_view value) { out.push_back(hash_bytes(value, tmpl)); }
  void add2(std::uint64_t tmpl, std::string_view a, std::string_view b) {
    key.assign(a);
    key += '\x01';
    key.append(b);
    out.push_back(hash_bytes(key, tmpl));
  }
  void add3(std::uint64_t tmpl, std::string_view a, std::string_view b, std::string_view c) {
    key.assign(a);
    key += '\x01';
    key.append(b);
    key += '\x01';
    key.append(c);
    out.push_back(hash_bytes(key, tmpl));
  }
  void add_number(std::uint64_t tmpl, std::uint64_t v) {
    char buf[8];
    for (int i = 0; i < 8; ++i) buf[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
    out.push_back(hash_bytes(std::string_view(buf, 8), tmpl));
  }
};

// Byte offsets of the code point boundaries of `s`, at most `n` + 1 of them.
std::size_t prefix_bytes(std::string_view s, std::size_t chars) {
  std::size_t i = 0;
  for (std::size_t k = 0; k < chars && i < s.size(); ++k) i += first_char_bytes(s.substr(i));
  return i;
}

std::size_t suffix_start(std::string_view s, std::size_t chars) {
  std::size_t i = s.size();
  for (std::size_t k = 0; k < chars && i > 0; ++k) {
    --i;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  }
  return i;
}

}  // namespace

void extract_features(const std::vector<std::string_view>& words, const std::vector<TokenKind>& kinds,
                      const WordClusters& clusters, const Gazetteer* gazetteer, std::uint32_t version,
                      FeatureScratch& scratch, SentenceFeatures& out) {
  const std::size_t n = words.size();
  out.hashes.clear();
  out.offsets.clear();
  out.offsets.reserve(n + 1);
  if (scratch.forms.size() < n) scratch.forms.resize(n);
  scratch.clusters.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    make_word_form(words[i], scratch.forms[i]);
    scratch.clusters[i] = clusters.find(words[i], scratch.forms[i].lower);
  }
  scratch.roles.assign(n, 0);
  if (gazetteer) {
    gazetteer->match(words, scratch.gazetteer);
    if (version >= 3)
      for (std::size_t i = 0; i < n; ++i) scratch.roles[i] = gazetteer->roles_of(words[i]);
  } else {
    scratch.gazetteer.assign(n, 0);
  }

  Emitter e{out.hashes, scratch.key};
  const auto lower = [&](std::ptrdiff_t i) -> std::string_view {
    return i < 0 || i >= static_cast<std::ptrdiff_t>(n) ? kBoundary
                                                        : std::string_view(scratch.forms[i].lower);
  };
  const auto shape = [&](std::ptrdiff_t i) -> std::string_view {
    return i < 0 || i >= static_cast<std::ptrdiff_t>(n) ? kBoundary
                                                        : std::string_view(scratch.forms[i].short_shape);
  };
  const auto kind = [&](std::ptrdiff_t i) -> std::string_view {
    return i < 0 || i >= static_cast<std::ptrdiff_t>(n) ? kBoundary : kind_name(kinds[i]);
  };
  for (std::size_t u = 0; u < n; ++u) {
    const auto i = static_cast<std::ptrdiff_t>(u);
    out.offsets.push_back(static_cast<std::uint32_t>(out.hashes.size()));
    const WordForm& f = scratch.forms[u];
    const std::string_view w = words[u];
    e.add_number(kBias, 0);
    e.add(kWord, w);
    e.add(kLower, f.lower);
    e.add(kLowerPrev, lower(i - 1));
    e.add(kLowerNext, lower(i + 1));
    e.add(kLowerPrev2, lower(i - 2));
    e.add(kLowerNext2, lower(i + 2));
    e.add2(kBigramPrev, lower(i - 1), f.lower);
    e.add2(kBigramNext, f.lower, lower(i + 1));
    e.add(kShape, f.shape);
    e.add(kShapePrev, shape(i - 1));
    e.add(kShapeNext, shape(i + 1));
    e.add3(kShapeTrigram, shape(i - 1), f.short_shape, shape(i + 1));
    for (std::size_t k = 1; k <= 4 && k < f.length; ++k)
      e.add2(kPrefix, std::string_view(&"1234"[k - 1], 1),
             std::string_view(f.lower).substr(0, prefix_bytes(f.lower, k)));
    for (std::size_t k = 1; k <= 5 && k < f.length; ++k)
      e.add2(kSuffix, std::string_view(&"12345"[k - 1], 1),
             std::string_view(f.lower).substr(suffix_start(f.lower, k)));
    // A capital at the start of a sentence (or after an opening quote) says
    // less than one inside it.
    const bool sentence_start = u == 0 || (u == 1 && kinds[0] == TokenKind::punct);
    e.add_number(kInitialCap, (f.upper_initial ? 1 : 0) | (sentence_start ? 2 : 0) | (f.all_upper ? 4 : 0) |
                                  (f.has_digit ? 8 : 0));
    e.add(kKind, kind(i));
    e.add(kKindPrev, kind(i - 1));
    e.add(kKindNext, kind(i + 1));
    if (f.has_hyphen) {
      const std::size_t first = w.find('-');
      const std::size_t last = w.rfind('-');
      const std::string_view head = w.substr(0, first);
      e.add(kHyphenFirst, head);
      e.add(kHyphenLast, std::string_view(f.lower).substr(f.lower.rfind('-') + 1));
      if (gazetteer)
        e.add_number(kHyphenFirstGaz,
                     gazetteer->labels_of(head) | (gazetteer->labels_of(w.substr(last + 1)) << 4));
    }
    const WordClusters::Ids& c = scratch.clusters[u];
    const auto cluster_of = [&](std::ptrdiff_t j, int level) -> std::uint64_t {
      if (j < 0 || j >= static_cast<std::ptrdiff_t>(n)) return 0xFFFFFFFEull;
      return scratch.clusters[static_cast<std::size_t>(j)][static_cast<std::size_t>(level)];
    };
    for (int level = 0; level < WordClusters::kLevels; ++level)
      e.add_number(kCluster, (static_cast<std::uint64_t>(level) << 32) | c[static_cast<std::size_t>(level)]);
    for (int level = 0; level < 2; ++level) {
      e.add_number(kClusterPrev, (static_cast<std::uint64_t>(level) << 32) | cluster_of(i - 1, level));
      e.add_number(kClusterNext, (static_cast<std::uint64_t>(level) << 32) | cluster_of(i + 1, level));
    }
    e.add_number(kClusterBigram, (cluster_of(i - 1, 1) << 32) | c[1]);
    e.add_number(kGazetteer, scratch.gazetteer[u]);
    if (gazetteer && scratch.gazetteer[u] == 0 && f.upper_initial) {
      // "Kanadas", "Griechenlandes": the name without its genitive ending.
      const std::string_view stem = strip_genitive(w);
      std::uint8_t labels = stem != w ? gazetteer->labels_of(stem) : 0;
      if (!labels && strip_genitive_es(w) != w) labels = gazetteer->labels_of(strip_genitive_es(w));
      if (labels) e.add_number(kGazetteerStem, labels);
    }
    e.add_number(kGazetteerPrev, i > 0 ? scratch.gazetteer[u - 1] : 0x100);
    e.add_number(kGazetteerNext, u + 1 < n ? scratch.gazetteer[u + 1] : 0x100);
    e.add_number(kLength, f.length > 12 ? 12 : f.length);
    // A capitalised word also written in lower case in the unlabelled text is
    // less likely a name ("Die", "Deutsche") than one never seen so.
    if (f.upper_initial && clusters.size() > 0)
      e.add_number(kLowerVariant, (clusters.contains(f.lower) ? 1 : 0) | (sentence_start ? 2 : 0) |
                                      (clusters.contains(w) ? 4 : 0));
    if (u > 0) {
      const std::string& prev = scratch.forms[u - 1].lower;
      e.add(kPrevSuffix, std::string_view(prev).substr(suffix_start(prev, 3)));
    }
    e.add2(kLowerShapeNext, f.lower, shape(i + 1));
    // Words that end or begin known names of a label ("AG", "Verband",
    // "Deutsche"), for the word and its neighbours: a name's head tells its
    // label and where it ends even when the whole name was never seen.
    if (scratch.roles[u]) e.add_number(kNameRole, scratch.roles[u] | (f.upper_initial ? 0x100 : 0));
    if (u > 0 && scratch.roles[u - 1]) e.add_number(kNameRolePrev, scratch.roles[u - 1]);
    if (u + 1 < n && scratch.roles[u + 1]) e.add_number(kNameRoleNext, scratch.roles[u + 1]);
    e.add3(kCapsPattern, shape(i - 1).substr(0, 1), std::string_view(f.short_shape).substr(0, 1),
           shape(i + 1).substr(0, 1));
  }
  out.offsets.push_back(static_cast<std::uint32_t>(out.hashes.size()));
}

}  // namespace tagwerk::entities
