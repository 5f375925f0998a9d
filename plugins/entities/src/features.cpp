#include "features.hpp"

namespace tagwerk::entities {

void WordClusters::add(std::string_view word, const Ids& ids) {
  add_hashed(hash_bytes(word, 0x636c75), ids);
}

void WordClusters::add_hashed(std::uint64_t hash, const Ids& ids) {
  if (table_.find(hash) != HashTable::kAbsent) return;
  table_.insert(hash, static_cast<std::uint32_t>(ids_.size()));
  content_id_ = new_content_id();
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

// The hashes of features: a value of a template, two or three values joined,
// a number.
struct Hasher {
  std::string& key;
  static std::uint64_t one(std::uint64_t tmpl, std::string_view value) { return hash_bytes(value, tmpl); }
  std::uint64_t two(std::uint64_t tmpl, std::string_view a, std::string_view b) {
    key.assign(a);
    key += '\x01';
    key.append(b);
    return hash_bytes(key, tmpl);
  }
  std::uint64_t three(std::uint64_t tmpl, std::string_view a, std::string_view b, std::string_view c) {
    key.assign(a);
    key += '\x01';
    key.append(b);
    key += '\x01';
    key.append(c);
    return hash_bytes(key, tmpl);
  }
  static std::uint64_t number(std::uint64_t tmpl, std::uint64_t v) {
    char buf[8];
    for (int i = 0; i < 8; ++i) buf[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
    return hash_bytes(std::string_view(buf, 8), tmpl);
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

namespace {

// What the features of a word take of the word alone (see WordFeatures).
void make_word_features(std::string_view w, TokenKind k, const WordClusters& clusters,
                        const Gazetteer* gazetteer, std::uint32_t version, std::string& key,
                        WordFeatures& out) {
  Hasher h{key};
  WordForm& f = out.form;
  make_word_form(w, f);
  out.clusters = clusters.find(w, f.lower);
  out.roles = gazetteer && version >= 3 ? gazetteer->roles_of(w) : 0;
  out.longest_name = gazetteer ? gazetteer->longest_from(w) : 0;
  out.word = h.one(kWord, w);
  out.lower = h.one(kLower, f.lower);
  out.shape = h.one(kShape, f.shape);
  out.kind = h.one(kKind, kind_name(k));
  out.affix_count = 0;
  for (std::size_t n = 1; n <= 4 && n < f.length; ++n)
    out.affixes[out.affix_count++] = h.two(kPrefix, std::string_view(&"1234"[n - 1], 1),
                                           std::string_view(f.lower).substr(0, prefix_bytes(f.lower, n)));
  for (std::size_t n = 1; n <= 5 && n < f.length; ++n)
    out.affixes[out.affix_count++] = h.two(kSuffix, std::string_view(&"12345"[n - 1], 1),
                                           std::string_view(f.lower).substr(suffix_start(f.lower, n)));
  if (f.has_hyphen) {
    const std::size_t first = w.find('-');
    const std::size_t last = w.rfind('-');
    const std::string_view head = w.substr(0, first);
    out.affixes[out.affix_count++] = h.one(kHyphenFirst, head);
    out.affixes[out.affix_count++] =
        h.one(kHyphenLast, std::string_view(f.lower).substr(f.lower.rfind('-') + 1));
    if (gazetteer)
      out.affixes[out.affix_count++] = h.number(
          kHyphenFirstGaz, gazetteer->labels_of(head) | (gazetteer->labels_of(w.substr(last + 1)) << 4));
  }
  for (int level = 0; level < WordClusters::kLevels; ++level)
    out.cluster[level] = h.number(
        kCluster, (static_cast<std::uint64_t>(level) << 32) | out.clusters[static_cast<std::size_t>(level)]);
  out.gazetteer_stem = 0;
  if (gazetteer && f.upper_initial) {
    // "Kanadas", "Griechenlandes": the name without its genitive ending.
    const std::string_view stem = strip_genitive(w);
    std::uint8_t labels = stem != w ? gazetteer->labels_of(stem) : 0;
    if (!labels && strip_genitive_es(w) != w) labels = gazetteer->labels_of(strip_genitive_es(w));
    if (labels) out.gazetteer_stem = h.number(kGazetteerStem, labels);
  }
  out.length = h.number(kLength, f.length > 12 ? 12 : f.length);
  // A capitalised word also written in lower case in the unlabelled text is
  // less likely a name ("Die", "Deutsche") than one never seen so.
  out.lower_variant =
      f.upper_initial && clusters.size() > 0
          ? static_cast<std::uint8_t>((clusters.contains(f.lower) ? 1 : 0) | (clusters.contains(w) ? 4 : 0))
          : 0;
  out.name_role = out.roles ? h.number(kNameRole, out.roles | (f.upper_initial ? 0x100 : 0)) : 0;
  out.lower_prev = h.one(kLowerPrev, f.lower);
  out.lower_next = h.one(kLowerNext, f.lower);
  out.lower_prev2 = h.one(kLowerPrev2, f.lower);
  out.lower_next2 = h.one(kLowerNext2, f.lower);
  out.shape_prev = h.one(kShapePrev, f.short_shape);
  out.shape_next = h.one(kShapeNext, f.short_shape);
  out.kind_prev = h.one(kKindPrev, kind_name(k));
  out.kind_next = h.one(kKindNext, kind_name(k));
  for (int level = 0; level < 2; ++level) {
    const std::uint64_t c =
        (static_cast<std::uint64_t>(level) << 32) | out.clusters[static_cast<std::size_t>(level)];
    out.cluster_prev[level] = h.number(kClusterPrev, c);
    out.cluster_next[level] = h.number(kClusterNext, c);
  }
  out.prev_suffix = h.one(kPrevSuffix, std::string_view(f.lower).substr(suffix_start(f.lower, 3)));
  out.name_role_prev = out.roles ? h.number(kNameRolePrev, out.roles) : 0;
  out.name_role_next = out.roles ? h.number(kNameRoleNext, out.roles) : 0;
}

// The features of the word before the first and after the last.
struct Boundary {
  std::uint64_t lower_prev, lower_next, lower_prev2, lower_next2, shape_prev, shape_next, kind_prev,
      kind_next;
  std::uint64_t cluster_prev[2], cluster_next[2];
  Boundary() {
    lower_prev = Hasher::one(kLowerPrev, kBoundary);
    lower_next = Hasher::one(kLowerNext, kBoundary);
    lower_prev2 = Hasher::one(kLowerPrev2, kBoundary);
    lower_next2 = Hasher::one(kLowerNext2, kBoundary);
    shape_prev = Hasher::one(kShapePrev, kBoundary);
    shape_next = Hasher::one(kShapeNext, kBoundary);
    kind_prev = Hasher::one(kKindPrev, kBoundary);
    kind_next = Hasher::one(kKindNext, kBoundary);
    for (int level = 0; level < 2; ++level) {
      cluster_prev[level] =
          Hasher::number(kClusterPrev, (static_cast<std::uint64_t>(level) << 32) | 0xFFFFFFFEull);
      cluster_next[level] =
          Hasher::number(kClusterNext, (static_cast<std::uint64_t>(level) << 32) | 0xFFFFFFFEull);
    }
  }
};

FeatureScratch::WordCache& word_cache(FeatureScratch& scratch, const WordClusters& clusters,
                                      const Gazetteer* gazetteer, std::uint32_t version) {
  const std::uint64_t g = gazetteer ? gazetteer->content_id() : 0;
  for (auto& c : scratch.caches)
    if (c.clusters == clusters.content_id() && c.gazetteer == g && c.version == version) {
      if (c.words.size() > FeatureScratch::kWordCacheSize) c.words.clear();
      return c;
    }
  if (scratch.caches.size() >= 4) scratch.caches.clear();
  scratch.caches.push_back({clusters.content_id(), g, version, {}});
  return scratch.caches.back();
}

}  // namespace

void extract_features(const std::vector<std::string_view>& words, const std::vector<TokenKind>& kinds,
                      const WordClusters& clusters, const Gazetteer* gazetteer, std::uint32_t version,
                      FeatureScratch& scratch, SentenceFeatures& out) {
  static const Boundary boundary;
  static const std::uint64_t bias = Hasher::number(kBias, 0);
  const std::size_t n = words.size();
  out.hashes.clear();
  out.offsets.clear();
  out.offsets.reserve(n + 1);
  FeatureScratch::WordCache& cache = word_cache(scratch, clusters, gazetteer, version);
  scratch.words.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    scratch.key.assign(words[i]);
    scratch.key += static_cast<char>('0' + static_cast<int>(kinds[i]));
    auto it = cache.words.find(scratch.key);
    if (it == cache.words.end()) {
      it = cache.words.emplace(scratch.key, WordFeatures()).first;
      make_word_features(words[i], kinds[i], clusters, gazetteer, version, scratch.key, it->second);
    }
    scratch.words[i] = &it->second;
  }
  if (gazetteer) {
    scratch.longest_names.resize(n);
    for (std::size_t i = 0; i < n; ++i) scratch.longest_names[i] = scratch.words[i]->longest_name;
    gazetteer->match(words, scratch.longest_names, scratch.gazetteer);
  } else {
    scratch.gazetteer.assign(n, 0);
  }

  Hasher h{scratch.key};
  std::vector<std::uint64_t>& e = out.hashes;
  const auto at = [&](std::ptrdiff_t i) -> const WordFeatures* {
    return i < 0 || i >= static_cast<std::ptrdiff_t>(n) ? nullptr
                                                        : scratch.words[static_cast<std::size_t>(i)];
  };
  const auto lower = [&](const WordFeatures* w) -> std::string_view {
    return w ? std::string_view(w->form.lower) : kBoundary;
  };
  const auto shape = [&](const WordFeatures* w) -> std::string_view {
    return w ? std::string_view(w->form.short_shape) : kBoundary;
  };
  const auto cluster_of = [&](const WordFeatures* w, int level) -> std::uint64_t {
    return w ? w->clusters[static_cast<std::size_t>(level)] : 0xFFFFFFFEull;
  };
  for (std::size_t u = 0; u < n; ++u) {
    const auto i = static_cast<std::ptrdiff_t>(u);
    out.offsets.push_back(static_cast<std::uint32_t>(e.size()));
    const WordFeatures& wf = *scratch.words[u];
    const WordForm& f = wf.form;
    const WordFeatures *p = at(i - 1), *q = at(i + 1), *p2 = at(i - 2), *q2 = at(i + 2);
    e.push_back(bias);
    e.push_back(wf.word);
    e.push_back(wf.lower);
    e.push_back(p ? p->lower_prev : boundary.lower_prev);
    e.push_back(q ? q->lower_next : boundary.lower_next);
    e.push_back(p2 ? p2->lower_prev2 : boundary.lower_prev2);
    e.push_back(q2 ? q2->lower_next2 : boundary.lower_next2);
    e.push_back(h.two(kBigramPrev, lower(p), f.lower));
    e.push_back(h.two(kBigramNext, f.lower, lower(q)));
    e.push_back(wf.shape);
    e.push_back(p ? p->shape_prev : boundary.shape_prev);
    e.push_back(q ? q->shape_next : boundary.shape_next);
    e.push_back(h.three(kShapeTrigram, shape(p), f.short_shape, shape(q)));
    const std::size_t affixes = wf.affix_count - (f.has_hyphen ? (gazetteer ? 3 : 2) : 0);
    e.insert(e.end(), wf.affixes, wf.affixes + affixes);
    // A capital at the start of a sentence (or after an opening quote) says
    // less than one inside it.
    const bool sentence_start = u == 0 || (u == 1 && kinds[0] == TokenKind::punct);
    e.push_back(Hasher::number(kInitialCap, (f.upper_initial ? 1 : 0) | (sentence_start ? 2 : 0) |
                                                (f.all_upper ? 4 : 0) | (f.has_digit ? 8 : 0)));
    e.push_back(wf.kind);
    e.push_back(p ? p->kind_prev : boundary.kind_prev);
    e.push_back(q ? q->kind_next : boundary.kind_next);
    e.insert(e.end(), wf.affixes + affixes, wf.affixes + wf.affix_count);
    e.insert(e.end(), wf.cluster, wf.cluster + WordClusters::kLevels);
    for (int level = 0; level < 2; ++level) {
      e.push_back(p ? p->cluster_prev[level] : boundary.cluster_prev[level]);
      e.push_back(q ? q->cluster_next[level] : boundary.cluster_next[level]);
    }
    e.push_back(Hasher::number(kClusterBigram, (cluster_of(p, 1) << 32) | wf.clusters[1]));
    e.push_back(Hasher::number(kGazetteer, scratch.gazetteer[u]));
    if (scratch.gazetteer[u] == 0 && wf.gazetteer_stem) e.push_back(wf.gazetteer_stem);
    e.push_back(Hasher::number(kGazetteerPrev, i > 0 ? scratch.gazetteer[u - 1] : 0x100));
    e.push_back(Hasher::number(kGazetteerNext, u + 1 < n ? scratch.gazetteer[u + 1] : 0x100));
    e.push_back(wf.length);
    if (f.upper_initial && clusters.size() > 0)
      e.push_back(Hasher::number(kLowerVariant, wf.lower_variant | (sentence_start ? 2 : 0)));
    if (p) e.push_back(p->prev_suffix);
    e.push_back(h.two(kLowerShapeNext, f.lower, shape(q)));
    // Words that end or begin known names of a label ("AG", "Verband",
    // "Deutsche"), for the word and its neighbours: a name's head tells its
    // label and where it ends even when the whole name was never seen.
    if (wf.roles) e.push_back(wf.name_role);
    if (p && p->roles) e.push_back(p->name_role_prev);
    if (q && q->roles) e.push_back(q->name_role_next);
    e.push_back(h.three(kCapsPattern, shape(p).substr(0, 1), std::string_view(f.short_shape).substr(0, 1),
                        shape(q).substr(0, 1)));
  }
  out.offsets.push_back(static_cast<std::uint32_t>(e.size()));
}

}  // namespace tagwerk::entities
