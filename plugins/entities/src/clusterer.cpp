#include "clusterer.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <string>

#include "word_form.hpp"

namespace tagwerk::entities {

namespace {

struct Info {
  std::vector<std::string_view>
      words;                 // the mention's words without titles, the last one without a genitive ending
  std::string_view surname;  // the last word without a lower-case particle ("al-Assad" -> "Assad")
  bool handle = false;       // a single @name token
  bool plain = true;         // no subtype
};

// The words with a space between them (views or strings); with `touching`, none
// between word k and k + 1 where touching[k] ("CDU/CSU", "S&P 500").
template <class Word>
std::string join(const std::vector<Word>& words, const std::vector<bool>* touching = nullptr) {
  std::string s;
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (k > 0 && !(touching && (*touching)[k - 1])) s += ' ';
    s.append(words[k]);
  }
  return s;
}

// For words that are views into one text: whether each touches the next there.
std::vector<bool> touching_of(const std::vector<std::string_view>& words) {
  std::vector<bool> t(words.size(), false);
  for (std::size_t k = 0; k + 1 < words.size(); ++k)
    t[k] = words[k].data() + words[k].size() == words[k + 1].data();
  return t;
}

// Words that are views into one text, joined as the text writes them.
std::string join_as_written(const std::vector<std::string_view>& words) {
  const std::vector<bool> touching = touching_of(words);
  return join(words, &touching);
}

// "J." is the initial of "Jay"; a word is compatible with itself.
bool compatible_first(std::string_view a, std::string_view b) {
  if (a == b) return true;
  const auto initial = [](std::string_view x) { return x.size() >= 2 && x.size() <= 3 && x.back() == '.'; };
  if (initial(a) && !b.empty()) return b.compare(0, a.size() - 1, a.substr(0, a.size() - 1)) == 0;
  if (initial(b) && !a.empty()) return a.compare(0, b.size() - 1, b.substr(0, b.size() - 1)) == 0;
  return false;
}

std::string letters_lower(std::string_view s) {
  std::string out;
  for (char c : lower_case(s))
    if (c != ' ' && c != '.' && c != '-' && c != '@' && c != '_') out += c;
  return out;
}

std::string initials(const std::vector<std::string_view>& words) {
  std::string out;
  for (auto w : words) {
    if (first_char_form(w).upper_initial) out.append(w.substr(0, first_char_bytes(w)));
  }
  return out;
}

// The letters of `acronym` in order in `name`, the first one first ("EZB" in
// "Europäische Zentralbank"), case-insensitively.
bool abbreviates(std::string_view acronym, std::string_view name) {
  const std::string a = lower_case(acronym), n = lower_case(name);
  if (a.size() < 2 || n.empty() || n.compare(0, first_char_bytes(a), a, 0, first_char_bytes(a)) != 0)
    return false;
  std::size_t at = 0;
  for (std::size_t k = 0; k < a.size();) {
    const std::size_t len = first_char_bytes(std::string_view(a).substr(k));
    const std::size_t found = n.find(a.substr(k, len), at);
    if (found == std::string::npos) return false;
    at = found + len;
    k += len;
  }
  return true;
}

// A German name of `label` in the form the gazetteer knows with an
// inflection ending less on one of its words, when it knows one: "Europäischen
// Union" -> "Europäische Union", "Bundestages" -> "Bundestag", "Grünen" ->
// "Grüne"; else the words as they are. Acronyms keep their letters ("NGOs" is no
// inflection). The gazetteer's names are the training data's, so this is the
// form the annotated news wrote most plainly, not a hand-made list.
std::string base_form(const std::vector<std::string_view>& words, int label, const Gazetteer& g) {
  const std::vector<bool> touching = touching_of(words);
  std::vector<std::string> w(words.begin(), words.end());
  if (label < 0) return join(w, &touching);
  const auto bit = static_cast<std::uint8_t>(1u << label);
  // One ending less on one word at a time, for as long as the gazetteer knows
  // the result: "Zweiten Weltkriegs" -> "Zweiten Weltkrieg" -> "Zweite Weltkrieg".
  for (bool shortened = true; shortened;) {
    shortened = false;
    for (std::size_t i = 0; i < w.size() && !shortened; ++i)
      for (std::string_view ending : {"es", "s", "n"}) {
        const std::size_t keep = w[i].size() - std::min(w[i].size(), ending.size());
        if (keep < 3 || w[i].compare(keep, ending.size(), ending) != 0) continue;
        const auto before = static_cast<unsigned char>(w[i][keep - 1]);
        if (before < 0x80 && !(before >= 'a' && before <= 'z')) continue;  // "NGOs"
        const std::string word = w[i];
        w[i].resize(keep);
        // Or a genitive on a hyphenated last word whose head ends names of the
        // label: "Robert Koch-Instituts" ("Institut" ends organisations' names).
        const std::size_t dash = w[i].rfind('-');
        const bool genitive_of_head = i + 1 == w.size() && ending != "n" && dash != std::string::npos &&
                                      (g.ends_of(std::string_view(w[i]).substr(dash + 1)) & bit);
        if ((g.labels_of(join(w)) & bit) || genitive_of_head) {
          shortened = true;
          break;
        }
        w[i] = word;
      }
  }
  return join(w, &touching);
}

// An English possessive: "Britain's", "Nintendo’s", "Rangers'", or the
// ending alone as a token of its own.
bool possessive(std::string_view w) {
  const auto ends = [&](std::string_view end) {
    return w.size() >= end.size() && w.substr(w.size() - end.size()) == end;
  };
  return ends("'s") || ends("\u2019s") || ends("s'") || ends("s\u2019") || w == "'" || w == "\u2019";
}

// Label bits of the gazetteer's one-word name `w` or of its genitive's stem.
std::uint8_t known_labels(const Gazetteer& g, std::string_view w) {
  const std::uint8_t bits = g.labels_of(w);
  return bits ? bits : g.labels_of(strip_genitive(w));
}

// A given name: a word that begins the gazetteer's person names and ends none
// ("Joe", not "Trump"); none without a gazetteer.
bool given_name(const Gazetteer* g, std::string_view w) {
  constexpr std::uint8_t per = 1u << static_cast<int>(Label::PER);
  return g && (g->begins_of(w) & per) && !(g->ends_of(w) & per);
}

// Whether `w` is a title of `titles`, also in lower case ("spokesman"), as
// the last part of a hyphenated word ("co-chairman", "ex-minister") or as the
// end of a German compound ("Vizepräsident", "Gesundheitsminister": a title of
// four letters or more after at least three).
bool title_word(const Titles& titles, std::string_view w) {
  // `s` with its first (ASCII lower-case) letter capitalised.
  const auto capitalised = [](std::string_view s) {
    std::string up(s);
    up[0] = static_cast<char>(up[0] - 'a' + 'A');
    return up;
  };
  if (titles.count(w)) return true;
  if (const std::size_t dash = w.rfind('-'); dash != std::string_view::npos) w.remove_prefix(dash + 1);
  if (w.empty()) return false;
  if (w[0] < 'a' || w[0] > 'z') {
    if (titles.count(w)) return true;
    for (std::size_t cut = 3; cut + 4 <= w.size(); ++cut) {
      const unsigned char c = static_cast<unsigned char>(w[cut]);
      if (c < 'a' || c > 'z') continue;  // a compound's head is written in lower case inside it
      if (titles.count(capitalised(w.substr(cut)))) return true;
    }
    return false;
  }
  return titles.count(capitalised(w)) != 0;
}

}  // namespace

// "al-Assad" -> "Assad", "bin-Salman" -> "Salman"; other words as they are.
std::string_view without_particle(std::string_view w) {
  const std::size_t dash = w.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 >= w.size()) return w;
  for (std::size_t i = 0; i < dash; ++i)
    if (w[i] < 'a' || w[i] > 'z') return w;
  return w.substr(dash + 1);
}

std::vector<std::string_view> name_words(std::vector<std::string_view> words, bool person, bool keeps_article,
                                         const Titles& titles) {
  static const std::set<std::string_view> particles = {"von", "van", "der", "den", "de", "del", "della",
                                                       "la",  "le",  "da",  "di",  "du", "ten", "ter",
                                                       "zu",  "bin", "al",  "el",  "y"};
  const auto upper = [](std::string_view w) {
    const WordForm f = first_char_form(without_particle(w));  // "al-Assad" is a name
    return f.upper_initial || f.has_digit;
  };
  // A name without a capital or digit in it is left whole ("like it's your
  // birthday!", a song's title): cutting its lower-case words would leave "!".
  if (std::none_of(words.begin(), words.end(), upper)) return words;
  std::size_t first = 0;
  const auto article = [&](std::string_view w) { return !keeps_article && w == "The"; };
  while (first + 1 < words.size() &&
         (titles.count(words[first]) || !upper(words[first]) || article(words[first])))
    ++first;
  // A person's name begins after a possessive: "Britain's Jason Gardener",
  // "Southampton's David Prutton".
  if (person)
    for (std::size_t k = words.size() - 1; k-- > first;)
      if (possessive(words[k])) {
        first = k + 1;
        break;
      }
  // A person's role before the name ends in a title word: "UK Foreign Secretary
  // Jack Straw", "Prime Minister Tony Blair" -> the words after it; also a title
  // written in lower case or after a hyphen: "Tory co-chairman Liam Fox".
  if (person)
    for (std::size_t k = words.size() - 1; k-- > first;)
      if (title_word(titles, words[k])) {
        first = k + 1;
        break;
      }
  words.erase(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(first));
  if (person)
    for (std::size_t k = 1; k < words.size(); ++k)
      if (!upper(words[k]) && !particles.count(words[k])) {
        words.resize(k);
        break;
      }
  return words;
}

void settle_adjacent_names(const Input& in, const Gazetteer* gazetteer, Result& r) {
  std::set<std::string_view> alone;
  for (const Mention& m : r.mentions)
    if (m.label == "PER" && m.token_count == 1 && m.subtype.empty())
      alone.insert(strip_genitive(word_of(in, m.first_token)));
  const auto is_alone = [&](std::uint32_t t) { return alone.count(strip_genitive(word_of(in, t))) != 0; };
  // Two persons apart: each alone elsewhere, the first no given name.
  const auto two = [&](std::uint32_t a, std::uint32_t b) {
    return is_alone(a) && is_alone(b) && !given_name(gazetteer, word_of(in, a));
  };
  std::vector<Mention> out;
  out.reserve(r.mentions.size());
  for (const Mention& m : r.mentions) {
    if (m.label == "PER" && m.subtype.empty() && m.token_count == 2 &&
        two(m.first_token, m.first_token + 1)) {
      out.push_back(sub_mention(in, m, m.first_token, 1));
      out.push_back(sub_mention(in, m, m.first_token + 1, 1));
      continue;
    }
    if (!out.empty()) {
      Mention& prev = out.back();
      if (prev.label == "PER" && m.label == "PER" && prev.subtype.empty() && m.subtype.empty() &&
          prev.first_token + prev.token_count == m.first_token &&
          in.tokens[m.first_token].kind == TokenKind::word &&
          !two(prev.first_token + prev.token_count - 1, m.first_token)) {
        prev.token_count += m.token_count;
        prev.end = m.end;
        prev.score = std::min(prev.score, m.score);
        continue;
      }
    }
    out.push_back(m);
  }
  r.mentions.swap(out);
}

namespace {

// Whether a name's last word is a genitive of `stem`. An apostrophe alone after
// s, x or z says so ("Jesus'"); "'s", a bare s or es do when a name of the document
// ends in the stem ("Putins" beside "Putin"; not "Fox News" beside "New York") or the
// gazetteer knows the stem as a name ("Kanadas", "Merkels"; also "Bernie Sanders"
// -> "Sander": left); "McDonald's" stays.
bool genitive_of(std::string_view last, std::string_view stem, const std::set<std::string_view>& last_words,
                 const Gazetteer* gazetteer) {
  const std::string_view ending = last.substr(stem.size());
  if (ending == "'" || ending == "\xE2\x80\x99") return true;
  return last_words.count(stem) || (gazetteer && gazetteer->labels_of(stem));
}

}  // namespace

void cluster_mentions(const Input& in, const Titles& titles, const Gazetteer* gazetteer, Result& r) {
  const std::size_t n = r.mentions.size();
  std::vector<Info> info(n);
  // The last word of every name as written, to tell a genitive ("Putins") from a name ending in s.
  std::set<std::string_view> last_words;
  for (const auto& m : r.mentions) last_words.insert(word_of(in, m.first_token + m.token_count - 1));
  // The language of the sentence token t is in: German has a genitive "s"
  // without an apostrophe ("Putins"), English none ("Mitsubishi Motors").
  const auto german = [&](std::uint32_t t) {
    auto it = std::upper_bound(in.sentences.begin(), in.sentences.end(), t,
                               [](std::uint32_t tok, const Sentence& s) { return tok < s.first_token; });
    return it != in.sentences.begin() && std::prev(it)->lang == "de";
  };
  for (std::size_t i = 0; i < n; ++i) {
    const Mention& m = r.mentions[i];
    for (std::uint32_t t = m.first_token; t < m.first_token + m.token_count; ++t)
      info[i].words.push_back(word_of(in, t));
    info[i].plain = m.subtype.empty();
    info[i].handle = m.token_count == 1 && in.tokens[m.first_token].kind == TokenKind::mention;
    auto& words = info[i].words;
    words = name_words(std::move(words), m.label == "PER", m.label == "MISC", titles);
    std::string_view& last = words.back();
    const bool bare_s = german(m.first_token);
    std::string_view stripped = strip_genitive(last, bare_s);
    if (stripped == last && bare_s) stripped = strip_genitive_es(last);
    if (stripped != last && genitive_of(last, stripped, last_words, gazetteer)) last = stripped;
    info[i].surname = without_particle(last);
  }

  std::vector<int> cluster(n, -1);
  int clusters = 0;
  std::vector<int> first_of;  // cluster -> its first (representative) mention
  const auto open = [&](std::size_t i) {
    cluster[i] = clusters++;
    first_of.push_back(static_cast<int>(i));
  };
  // Full names first, so a surname alone before the full name still finds it.
  for (std::size_t i = 0; i < n; ++i) {
    const Info& a = info[i];
    if (!a.plain || a.handle || a.words.size() < 2 || r.mentions[i].label != "PER") continue;
    for (std::size_t j = 0; j < i && cluster[i] < 0; ++j) {
      const Info& b = info[j];
      if (cluster[j] < 0 || !b.plain || b.words.size() < 2 || r.mentions[j].label != "PER") continue;
      if (b.surname == a.surname && compatible_first(a.words.front(), b.words.front()))
        cluster[i] = cluster[j];
    }
    if (cluster[i] < 0) open(i);
  }
  // Non-person names by their words; acronyms join the longer name they abbreviate.
  std::map<std::string, int> by_key;
  for (std::size_t i = 0; i < n; ++i) {
    const Info& a = info[i];
    if (!a.plain || a.handle || r.mentions[i].label == "PER") continue;
    if (a.words.size() == 1) {  // "Trumps" tagged LOC where "Donald Trump" is a person: the person
      for (std::size_t j = 0; j < n && cluster[i] < 0; ++j)
        if (cluster[j] >= 0 && r.mentions[j].label == "PER" && info[j].plain && info[j].words.size() >= 2 &&
            info[j].surname == a.words[0])
          cluster[i] = cluster[j];
      if (cluster[i] >= 0) continue;
    }
    // One word is one name whatever its label; longer names by label and words.
    // (The same words as one name whatever label the tagger gave, settled by the
    // cluster's vote: GUM tuning 0.412 -> 0.407, confirmation the same; not kept.)
    const std::string key = (a.words.size() == 1 ? std::string() : r.mentions[i].label) + ":" + join(a.words);
    if (const auto it = by_key.find(key); it != by_key.end()) {
      cluster[i] = it->second;
      continue;
    }
    if (a.words.size() == 1) {
      WordForm f;
      make_word_form(a.words[0], f);
      for (std::size_t j = 0; j < n && f.all_upper && cluster[i] < 0; ++j) {
        if (j == i || !info[j].plain || info[j].words.size() < 2 || r.mentions[j].label == "PER" ||
            cluster[j] < 0)
          continue;
        // Defined in the text -- "Europäische Zentralbank (EZB)" -- its letters
        // in order in the name; elsewhere, the initials of the name's words.
        const bool defined = j + 1 == i && r.mentions[i].first_token <=
                                               r.mentions[j].first_token + r.mentions[j].token_count + 1;
        if (defined ? abbreviates(a.words[0], join(info[j].words)) : initials(info[j].words) == a.words[0])
          cluster[i] = cluster[j];
      }
    }
    if (cluster[i] < 0) open(i);
    by_key[key] = cluster[i];
  }
  // A surname alone: the nearest person before it with that surname, else after.
  for (std::size_t i = 0; i < n; ++i) {
    const Info& a = info[i];
    if (cluster[i] >= 0 || !a.plain || a.handle || r.mentions[i].label != "PER") continue;
    int best = -1;
    for (std::size_t j = 0; j < n; ++j) {
      if (j == i || cluster[j] < 0 || r.mentions[j].label != "PER" || !info[j].plain) continue;
      if (info[j].surname != a.surname) continue;
      if (j < i || best < 0) best = cluster[j];
      if (j > i) break;
    }
    if (best >= 0)
      cluster[i] = best;
    else
      open(i);
  }
  // A handle right after a name belongs to it; else one whose letters hold a cluster's name.
  for (std::size_t i = 0; i < n; ++i) {
    if (!info[i].handle) continue;
    if (i > 0 && cluster[i - 1] >= 0 && r.mentions[i - 1].label == "PER" &&
        r.mentions[i].first_token <= r.mentions[i - 1].first_token + r.mentions[i - 1].token_count + 1)
      cluster[i] = cluster[i - 1];
    const std::string handle = letters_lower(info[i].words[0]);
    for (std::size_t j = 0; j < n && cluster[i] < 0; ++j) {
      if (j == i || cluster[j] < 0 || info[j].handle || info[j].words.size() < 2) continue;
      const std::string name = letters_lower(join(info[j].words));
      if (name.size() >= 5 && handle.find(name) != std::string::npos) cluster[i] = cluster[j];
    }
    if (cluster[i] < 0) open(i);
  }
  for (std::size_t i = 0; i < n; ++i)
    if (cluster[i] < 0) open(i);

  // Clusters in order of their first mention.
  std::vector<int> first(static_cast<std::size_t>(clusters), static_cast<int>(n));
  for (std::size_t i = 0; i < n; ++i)
    first[static_cast<std::size_t>(cluster[i])] =
        std::min(first[static_cast<std::size_t>(cluster[i])], static_cast<int>(i));
  std::vector<int> order(static_cast<std::size_t>(clusters));
  for (int c = 0; c < clusters; ++c) order[static_cast<std::size_t>(c)] = c;
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    return first[static_cast<std::size_t>(a)] < first[static_cast<std::size_t>(b)];
  });
  std::vector<int> rank(static_cast<std::size_t>(clusters));
  for (int k = 0; k < clusters; ++k) rank[static_cast<std::size_t>(order[static_cast<std::size_t>(k)])] = k;
  r.clusters.assign(static_cast<std::size_t>(clusters), Cluster{});
  for (std::size_t i = 0; i < n; ++i) {
    const auto c = static_cast<std::size_t>(rank[static_cast<std::size_t>(cluster[i])]);
    r.mentions[i].cluster = static_cast<std::uint32_t>(c);
    r.clusters[c].mentions.push_back(static_cast<std::uint32_t>(i));
  }
  for (Cluster& c : r.clusters) {
    // The label most plain mentions carry (by summed score); the fullest plain
    // mention, not a handle, names the cluster.
    std::map<std::string, float> votes;
    std::size_t best = c.mentions.front();
    bool best_plain = false;
    for (auto m : c.mentions) {
      const Info& a = info[m];
      if (a.plain) votes[r.mentions[m].label] += r.mentions[m].score + 1e-3f;
      const bool proper = a.plain && !a.handle;
      const Info& b = info[best];
      const bool better =
          !best_plain
              ? proper
              : proper && (a.words.size() > b.words.size() ||
                           (a.words.size() == b.words.size() && join(a.words).size() > join(b.words).size()));
      if (better) {
        best = m;
        best_plain = true;
      }
    }
    c.label = r.mentions[c.mentions.front()].label;
    float top = -1;
    for (const auto& [label, v] : votes)
      if (v > top) {
        top = v;
        c.label = label;
      }
    // A German name other than a person's by its base form, so that one
    // organisation is one name across articles, whatever case it stood in.
    c.name = gazetteer && c.label != "PER" && german(r.mentions[best].first_token)
                 ? base_form(info[best].words, label_index(c.label), *gazetteer)
                 : join_as_written(info[best].words);
    for (auto m : c.mentions)
      if (info[m].plain) r.mentions[m].label = c.label;
  }
}

// Below this the tagger is torn between labels, and a gazetteer that knows the
// name under one label decides.
constexpr float kUnsureScore = 0.15f;

namespace {

// The one name word of a mention: its only token, or its last after words in
// lower case ("the UK", "a US"); empty for a name of more words.
std::string_view one_name_word(const Input& in, const Mention& m) {
  for (std::uint32_t t = m.first_token; t + 1 < m.first_token + m.token_count; ++t) {
    const WordForm f = first_char_form(word_of(in, t));
    if (f.upper_initial || f.has_digit) return {};
  }
  return word_of(in, m.first_token + m.token_count - 1);
}

}  // namespace

void prefer_gazetteer(const Input& in, const Gazetteer* g, Result& r) {
  if (!g) return;
  const auto only_label = [&](std::string_view w) -> int {
    const std::uint8_t bits = known_labels(*g, w);
    for (int l = 0; l < 4; ++l)
      if (bits == (1u << l)) return l;
    return -1;  // unknown, or known under several labels
  };
  std::set<std::pair<std::string_view, std::string_view>> seen;  // (word, label) of one-word mentions
  for (const Mention& m : r.mentions)
    if (const auto w = one_name_word(in, m); !w.empty() && m.subtype.empty()) seen.emplace(w, m.label);
  for (Mention& m : r.mentions) {
    const std::string_view w = one_name_word(in, m);
    if (w.empty() || !m.subtype.empty()) continue;
    const int l = only_label(w);
    if (l < 0 || m.label == kLabels[l]) continue;
    if (m.score < kUnsureScore || seen.count({w, kLabels[l]})) m.label = std::string(kLabels[l]);
  }
}

void org_heads(const Input& in, const Gazetteer* g, Result& r) {
  if (!g) return;
  constexpr std::uint8_t org = 1u << static_cast<int>(Label::ORG);
  for (Mention& m : r.mentions) {
    if (!m.subtype.empty() || m.label != kLabels[static_cast<int>(Label::PER)]) continue;
    const std::string_view last = word_of(in, m.first_token + m.token_count - 1);
    if (known_labels(*g, last) & ~org) continue;  // the compound is a known name of another label
    const std::size_t dash = last.rfind('-');
    if (dash == std::string_view::npos || dash == 0 || dash + 1 >= last.size()) continue;
    const std::string_view head = last.substr(dash + 1);
    if (!first_char_form(head).upper_initial) continue;
    std::uint8_t ends = g->ends_of(head);
    if (!ends) ends = g->ends_of(strip_genitive(head));
    if (ends == org) m.label = std::string(kLabels[static_cast<int>(Label::ORG)]);
  }
}

namespace {

// The gazetteer's labels of `w` or of `w` without a genitive ending ("Russlands").
std::uint8_t labels_with_genitive(const Gazetteer& g, std::string_view w) {
  return known_labels(g, w) | known_labels(g, strip_genitive(w));
}

// Words that are people's names in the document: those of its person mentions of
// more than one word (also without a genitive or particle) and words after a
// title ("Frau Böhnisch").
std::set<std::string_view> person_name_words(const Input& in, const Titles& titles, const Result& r) {
  std::set<std::string_view> names;
  for (const Mention& m : r.mentions) {
    if (m.label != "PER") continue;
    if (m.first_token > 0 && titles.count(word_of(in, m.first_token - 1)))
      names.insert(word_of(in, m.first_token));
    if (m.token_count < 2) continue;
    for (std::uint32_t t = m.first_token; t < m.first_token + m.token_count; ++t) {
      names.insert(word_of(in, t));
      names.insert(strip_genitive(word_of(in, t)));
      names.insert(without_particle(strip_genitive(word_of(in, t))));
    }
  }
  return names;
}

}  // namespace

void drop_common_nouns(const Input& in, const Titles& titles, const Titles& determiners, const Gazetteer* g,
                       Result& r) {
  constexpr std::uint8_t per = 1u << static_cast<int>(Label::PER);
  const std::set<std::string_view> in_names = person_name_words(in, titles, r);
  std::set<std::string_view> candidates;
  for (const Mention& m : r.mentions) {
    if (m.label != "PER" || m.token_count != 1 || !m.subtype.empty()) continue;
    const std::string_view w = word_of(in, m.first_token);
    // A person's name to the gazetteer, or a word that begins such names: a
    // given name ("der Sepp", "die kleine Leila" in a feature story).
    if (w.size() < 3 || in_names.count(w) || (g && ((known_labels(*g, w) & per) || (g->begins_of(w) & per))))
      continue;
    candidates.insert(w);
  }
  if (candidates.empty()) return;
  std::set<std::string_view> nouns;
  const auto comma = [&](std::uint32_t i) { return word_of(in, i) == ","; };
  for (std::uint32_t t = 0; t < in.tokens.size(); ++t) {
    if (in.tokens[t].kind != TokenKind::word) continue;
    const std::string_view word = word_of(in, t);
    // After a determiner ("die Bars"), but not one that may be a relative
    // pronoun: right after a comma, or after a comma and a preposition ("das
    // Frauenhaus, in dem Leila Zuflucht fand").
    if (t > 0 && candidates.count(word) && determiners.count(word_of(in, t - 1)) &&
        !(t > 1 && comma(t - 2)) && !(t > 2 && comma(t - 3)))
      nouns.insert(word);
    // A word that begins with a candidate and goes on: after a hyphen, or in
    // lower case beyond a genitive ending ("Coronavirus", not "Coronas").
    for (std::size_t end = 3; end + 1 < word.size(); ++end) {
      const std::string_view head = word.substr(0, end);
      if (!candidates.count(head)) continue;
      const std::string_view rest = word.substr(end);
      const bool hyphen = rest[0] == '-' && rest.size() > 1;
      const bool lower = (rest[0] >= 'a' && rest[0] <= 'z') || static_cast<unsigned char>(rest[0]) >= 0x80;
      const bool solid = lower && !first_char_form(rest).upper_initial && strip_genitive(word) != head &&
                         strip_genitive_es(word) != head;
      if (hyphen || solid) nouns.insert(head);
    }
  }
  if (nouns.empty()) return;
  std::vector<Mention> out;
  out.reserve(r.mentions.size());
  for (Mention& m : r.mentions)
    if (!(m.label == "PER" && m.token_count == 1 && m.subtype.empty() &&
          nouns.count(word_of(in, m.first_token))))
      out.push_back(std::move(m));
  r.mentions.swap(out);
}

void org_after_nouns(const Input& in, const Titles& titles, const Titles& org_nouns, const Gazetteer* g,
                     Result& r) {
  if (org_nouns.empty()) return;
  constexpr std::uint8_t org = 1u << static_cast<int>(Label::ORG);
  constexpr std::uint8_t loc = 1u << static_cast<int>(Label::LOC);
  constexpr std::uint8_t misc = 1u << static_cast<int>(Label::MISC);
  // Whether `w` is an organisation noun or a compound ending in one: its last
  // part after a hyphen, or, in a capitalised (German) noun, its end
  // ("Pharmaunternehmen"; "Confirm" is no firm); a genitive counts ("des Konzerns").
  const auto org_noun = [&](std::string_view w) {
    const std::string lower = lower_case(strip_genitive(w));
    if (org_nouns.count(lower)) return true;
    const bool compound = first_char_form(w).upper_initial;
    for (std::size_t cut = 1; cut + 3 < lower.size(); ++cut) {
      const std::string_view rest = std::string_view(lower).substr(cut);
      // A solid compound's head has five letters or more ("Förderbank" is none:
      // "Bank" ends words that name no organisation, "Datenbank", "Sitzbank").
      if ((lower[cut - 1] == '-' || (compound && rest.size() >= 5)) && org_nouns.count(rest)) return true;
    }
    return false;
  };
  const std::set<std::string_view> in_names = person_name_words(in, titles, r);
  std::set<std::string_view> orgs;
  for (const Mention& m : r.mentions) {
    if (m.token_count != 1 || !m.subtype.empty() || m.label == "ORG" || m.first_token == 0) continue;
    if (in.tokens[m.first_token - 1].kind != TokenKind::word) continue;
    const std::string_view w = word_of(in, m.first_token);
    const std::string_view stem = strip_genitive(w);
    // Nor a name the gazetteer knows as a place or another name, not an
    // organisation ("die Partei Russlands"); a person it may be ("die Firma
    // Weber": the gazetteer's people are the training data's, noisy).
    const std::uint8_t known = g ? labels_with_genitive(*g, w) : 0;
    if (in_names.count(w) || in_names.count(stem) || ((known & (loc | misc)) && !(known & org))) continue;
    if (org_noun(word_of(in, m.first_token - 1))) orgs.insert(w);  // "Airbus" is no genitive
  }
  if (orgs.empty()) return;
  for (Mention& m : r.mentions)
    if (m.token_count == 1 && m.subtype.empty() &&
        (orgs.count(word_of(in, m.first_token)) || orgs.count(strip_genitive(word_of(in, m.first_token)))))
      m.label = "ORG";
}

void person_after_titles(const Input& in, const Titles& titles, const Gazetteer* g, Result& r) {
  if (!g) return;
  constexpr std::uint8_t per = 1u << static_cast<int>(Label::PER);
  std::set<std::string_view> surnames;  // last words of the names after a title
  for (const Mention& m : r.mentions) {
    if (!m.subtype.empty() || m.first_token == 0) continue;
    if (in.tokens[m.first_token - 1].kind != TokenKind::word ||
        !title_word(titles, word_of(in, m.first_token - 1)))
      continue;
    const std::string_view first = word_of(in, m.first_token);
    const std::string_view last = word_of(in, m.first_token + m.token_count - 1);
    // A person to the tagger; or a full name beginning with a given name; or a
    // name of one word the gazetteer knows under no other label ("Staatschef
    // Chinas", "President US" stay).
    const bool person = m.label == "PER" || (m.token_count >= 2 ? (g->begins_of(first) & per) != 0
                                                                : !(labels_with_genitive(*g, last) & ~per));
    if (person) surnames.insert(strip_genitive(last));
  }
  if (surnames.empty()) return;
  for (Mention& m : r.mentions)
    if (m.subtype.empty() && surnames.count(strip_genitive(word_of(in, m.first_token + m.token_count - 1))))
      m.label = "PER";
}

namespace {

// The words that join two names ("Michael Howard and Charles Kennedy").
bool conjunction(std::string_view w) {
  return w == "and" || w == "und";
}

}  // namespace

void join_cut_compounds(const Input& in, const Gazetteer* gazetteer, Result& r) {
  // "Städte- und Gemeindebund", "Löwen- oder Pulverturm".
  const auto joins = [](std::string_view w) { return conjunction(w) || w == "oder" || w == "or"; };
  std::vector<Mention> out;
  out.reserve(r.mentions.size());
  for (std::size_t i = 0; i < r.mentions.size(); ++i) {
    Mention m = r.mentions[i];
    const std::uint32_t last = m.first_token + m.token_count - 1, conj = last + 1, next = last + 2;
    const std::string_view w = word_of(in, last);
    const bool cut = w.size() > 2 && w.back() == '-' && in.tokens[last].kind == TokenKind::word;
    if (!cut || next >= in.tokens.size() || !joins(word_of(in, conj)) ||
        in.tokens[next].kind != TokenKind::word) {
      out.push_back(std::move(m));
      continue;
    }
    if (m.label == "PER") {  // a person's name ends in no cut part: "Jens Spahn Kita-"
      if (m.token_count > 1) out.push_back(sub_mention(in, m, m.first_token, m.token_count - 1));
      continue;
    }
    const std::string_view stem = w.substr(0, w.size() - 1);
    if (m.token_count == 1 && stem.find('-') == std::string_view::npos) {
      // "Alten- und Pflegeheime", the "Nord-" of "Nord- und Ostsee" (whose "Ostsee" stays).
      if (gazetteer && gazetteer->labels_of(stem)) out.push_back(std::move(m));
      continue;
    }
    // Runs on through the completing word, and over a mention that starts there.
    std::uint32_t end = next + 1;
    while (i + 1 < r.mentions.size() && r.mentions[i + 1].first_token <= next) {
      end = std::max(end, r.mentions[i + 1].first_token + r.mentions[i + 1].token_count);
      ++i;
    }
    out.push_back(sub_mention(in, m, m.first_token, end - m.first_token));
  }
  r.mentions.swap(out);
}

void split_place_before_person(const Input& in, const Gazetteer* g, Result& r) {
  constexpr std::uint8_t loc = 1u << static_cast<int>(Label::LOC);
  constexpr std::uint8_t per = 1u << static_cast<int>(Label::PER);
  std::set<std::string_view> places;
  std::set<std::vector<std::string_view>> people;  // person mentions' words, the last without its genitive
  const auto words_of = [&](std::uint32_t first, std::uint32_t count) {
    std::vector<std::string_view> w;
    for (std::uint32_t t = first; t < first + count; ++t) w.push_back(word_of(in, t));
    w.back() = strip_genitive(w.back());
    return w;
  };
  // Words of the document's person mentions (but the first of those that may be
  // split): a place's name that is also a person's ("Rumpfs Fleur Salomé", Ella
  // Rumpf's role) stays.
  std::set<std::string_view> person_words;
  for (const Mention& m : r.mentions) {
    if (!m.subtype.empty()) continue;
    if (m.label == "LOC" && m.token_count == 1) places.insert(strip_genitive(word_of(in, m.first_token)));
    if (m.label != "PER") continue;
    if (m.token_count >= 2) people.insert(words_of(m.first_token, m.token_count));
    for (std::uint32_t t = m.first_token + (m.token_count >= 3 ? 1 : 0); t < m.first_token + m.token_count;
         ++t)
      person_words.insert(strip_genitive(word_of(in, t)));
  }
  std::vector<Mention> out;
  out.reserve(r.mentions.size());
  for (const Mention& m : r.mentions) {
    if (m.label != "PER" || !m.subtype.empty() || m.token_count < 3 ||
        in.tokens[m.first_token].kind != TokenKind::word) {
      out.push_back(m);
      continue;
    }
    const std::string_view first = word_of(in, m.first_token);
    const bool place = (places.count(strip_genitive(first)) || (g && known_labels(*g, first) == loc)) &&
                       !person_words.count(strip_genitive(first));
    const auto rest = words_of(m.first_token + 1, m.token_count - 1);
    bool person = people.count(rest) != 0;
    if (!person && g) person = (g->labels_of(join(rest)) & per) != 0;
    if (!place || !person) {
      out.push_back(m);
      continue;
    }
    Mention where = sub_mention(in, m, m.first_token, 1);
    where.label = "LOC";
    out.push_back(where);
    out.push_back(sub_mention(in, m, m.first_token + 1, m.token_count - 1));
  }
  r.mentions.swap(out);
}

void start_at_honorifics(const Input& in, const Titles& titles, const Titles& honorifics, Result& r) {
  if (honorifics.empty()) return;
  for (Mention& m : r.mentions) {
    if (m.label != "PER" || !m.subtype.empty() || m.token_count < 3) continue;
    const std::uint32_t end = m.first_token + m.token_count;
    for (std::uint32_t t = end - 2; t > m.first_token; --t) {
      const std::string_view before = word_of(in, t - 1);
      if (!honorifics.count(word_of(in, t)) || title_word(titles, before) || conjunction(before) ||
          !first_char_form(word_of(in, t + 1)).upper_initial)
        continue;
      m = sub_mention(in, m, t, end - t);
      break;
    }
  }
}

void split_coordinated_persons(const Input& in, const Titles& titles, Result& r) {
  const auto capitalised = [](std::string_view w) {
    return first_char_form(without_particle(w)).upper_initial;
  };
  // The document's persons of one word.
  std::set<std::string_view> alone;
  bool any = false;
  for (const Mention& m : r.mentions) {
    if (m.label != "PER" || !m.subtype.empty()) continue;
    if (m.token_count == 1) alone.insert(strip_genitive(word_of(in, m.first_token)));
    for (std::uint32_t t = m.first_token + 1; t + 1 < m.first_token + m.token_count; ++t)
      any = any || conjunction(word_of(in, t));
  }
  if (!any) return;
  std::vector<std::string_view> words;
  // Whether tokens [first, first + count) are a person's name of their own.
  const auto own_name = [&](std::uint32_t first, std::uint32_t count) {
    words.clear();
    for (std::uint32_t t = first; t < first + count; ++t) words.push_back(word_of(in, t));
    if (count == 1) return alone.count(strip_genitive(words[0])) != 0;
    if (!capitalised(words.back())) return false;
    for (std::size_t k = 0; k + 1 < words.size(); ++k)
      if (title_word(titles, words[k])) return true;
    const auto name = name_words(words, true, false, titles);
    return name.size() >= 2 && name.size() <= 4 && std::all_of(name.begin(), name.end(), capitalised);
  };
  std::vector<Mention> out;
  out.reserve(r.mentions.size());
  for (const Mention& m : r.mentions) {
    std::uint32_t start = m.first_token;
    const std::uint32_t end = m.first_token + m.token_count;
    if (m.label == "PER" && m.subtype.empty())
      for (std::uint32_t t = start + 1; t + 1 < end; ++t)
        if (conjunction(word_of(in, t)) && own_name(start, t - start) && own_name(t + 1, end - t - 1)) {
          out.push_back(sub_mention(in, m, start, t - start));
          start = t + 1;
        }
    out.push_back(start == m.first_token ? m : sub_mention(in, m, start, end - start));
  }
  r.mentions.swap(out);
}

void no_person_groups(const Input& in, const Titles& groups, Result& r) {
  if (groups.empty()) return;
  for (Mention& m : r.mentions) {
    if (m.label != "PER" || !m.subtype.empty()) continue;
    // Its one name word, also after a capitalised article ("The Tories").
    const bool article = m.token_count == 2 && word_of(in, m.first_token) == "The";
    const std::string_view w = article ? word_of(in, m.first_token + 1) : one_name_word(in, m);
    if (!w.empty() && (groups.count(w) || (possessive(w) && groups.count(strip_genitive(w)))))
      m.label = "MISC";
  }
}

void label_from_coordinated(const Input& in, const Titles& titles, const Gazetteer* g, Result& r) {
  if (!g) return;
  constexpr std::uint8_t per = 1u << static_cast<int>(Label::PER);
  const auto one_word = [](const Mention& m) { return m.token_count == 1 && m.subtype.empty(); };
  std::set<std::string_view> in_names;
  std::map<std::string_view, std::string> relabel;  // a person's word -> its partner's label
  for (std::size_t k = 0; k + 1 < r.mentions.size(); ++k) {
    const Mention& a = r.mentions[k];
    const Mention& b = r.mentions[k + 1];
    if (!one_word(a) || !one_word(b) || a.first_token + 2 != b.first_token ||
        (a.label == "PER") == (b.label == "PER"))
      continue;
    if (!conjunction(word_of(in, a.first_token + 1))) continue;
    const Mention& person = a.label == "PER" ? a : b;
    const Mention& other = a.label == "PER" ? b : a;
    const int l = label_index(other.label);
    if (l != static_cast<int>(Label::LOC) && l != static_cast<int>(Label::ORG)) continue;
    if (known_labels(*g, word_of(in, other.first_token)) != (1u << l))
      continue;  // not the partner's only label
    const std::string_view w = word_of(in, person.first_token);
    if (in_names.empty()) in_names = person_name_words(in, titles, r);
    if (in_names.count(w) || (labels_with_genitive(*g, w) & per) || given_name(g, w)) continue;
    relabel.emplace(w, other.label);
  }
  // Nor a surname of the document: a word right after a word that begins the
  // gazetteer's person names ("Deborah Feldman", though the tagger took only "Feldman").
  for (std::uint32_t t = 1; t < in.tokens.size() && !relabel.empty(); ++t)
    if (relabel.count(word_of(in, t)) && (g->begins_of(word_of(in, t - 1)) & per))
      relabel.erase(word_of(in, t));
  if (relabel.empty()) return;
  for (Mention& m : r.mentions) {
    if (!one_word(m) || m.label != "PER") continue;
    auto it = relabel.find(word_of(in, m.first_token));
    if (it == relabel.end()) it = relabel.find(strip_genitive(word_of(in, m.first_token)));
    if (it != relabel.end()) m.label = it->second;
  }
}

}  // namespace tagwerk::entities
