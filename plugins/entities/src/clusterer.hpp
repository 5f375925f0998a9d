// clusterer.hpp -- groups a document's mentions into entities: full name and
// surname, genitive forms ("Putins"), a social handle after a name, acronyms
// of a longer name; gives each cluster its label and canonical name. Also the
// gazetteer's say on a one-word mention's label before that.
#ifndef TAGWERK_ENTITIES_CLUSTERER_HPP
#define TAGWERK_ENTITIES_CLUSTERER_HPP

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <tagwerk/entities/engine.hpp>

#include "gazetteer.hpp"

namespace tagwerk::entities {

/// The text of token `t`.
inline std::string_view word_of(const Input& in, std::uint32_t t) {
  return in.text.substr(in.tokens[t].begin, in.tokens[t].end - in.tokens[t].begin);
}

/// A mention like `base` (label, subtype, score) over tokens [first, first + count).
inline Mention sub_mention(const Input& in, const Mention& base, std::uint32_t first, std::uint32_t count) {
  Mention m = base;
  m.first_token = first;
  m.token_count = count;
  m.begin = in.tokens[first].begin;
  m.end = in.tokens[first + count - 1].end;
  return m;
}

/// Words written before a name that are not part of it ("Präsident",
/// "Senator", "Dr."): one per line in the plugin's titles_<lang>.txt files.
using Titles = std::set<std::string, std::less<>>;

/// The name proper among a mention's words: without titles and leading
/// lower-case words ("the White House" -> "White House"), without a leading
/// English article unless `keeps_article` (a work's title: "The Aviator"; "The
/// Liberal Democrats" -> "Liberal Democrats"), and for a person from after a
/// possessive ("Britain's Jason Gardener" -> "Jason Gardener") and cut before a
/// lower-case word that is not a particle ("Vladimir Putin of Russia" ->
/// "Vladimir Putin"; "Ursula von der Leyen" stays). Never empty for non-empty
/// input; words none of which is capitalised or has a digit stay as they are.
std::vector<std::string_view> name_words(std::vector<std::string_view> words, bool person, bool keeps_article,
                                         const Titles& titles);

/// A one-word mention (or one word after lower-case words: "the UK") that
/// `gazetteer` knows under exactly one label takes it
/// when the tagger was unsure (score < 0.15), or when another one-word mention
/// of the word in the document has that label ("Athens" LOC and PER in one
/// travel guide). `gazetteer` may be null (then nothing changes).
void prefer_gazetteer(const Input& in, const Gazetteer* gazetteer, Result& r);

/// Where two person names touch, the tagger cut one name in two ("Senator
/// Lindsey" "Graham") or read two as one ("dass Trump Putins Zusicherungen"):
/// names that are, elsewhere in the document, each a person of one word stay
/// (or become) two mentions, unless the first is a given name (a word that
/// begins the gazetteer's person names and ends none: "Joe" of "Joe und Jill
/// Biden" before "Joe Biden"); other touching person mentions become one.
/// `gazetteer` may be null (then no word is a given name).
void settle_adjacent_names(const Input& in, const Gazetteer* gazetteer, Result& r);

/// A person mention whose last word is a hyphen compound ending in an
/// organisation's head is ORG ("Robert Koch-Institut", "Konrad-Adenauer-Stiftung"):
/// a head is a word that ends the gazetteer's names of more than one word of
/// label ORG alone (Gazetteer::roles_of: "Institut", "Partei", "Klinik"), not a
/// list; a compound the gazetteer knows under another label stays. Mentions
/// with a subtype stay. `gazetteer` may be null (then nothing changes).
void org_heads(const Input& in, const Gazetteer* gazetteer, Result& r);

/// A one-word person mention whose word is a common noun of the document is
/// no person's name and is dropped: the word begins compounds of the document
/// ("Corona" of "Corona-Krise", "Coronavirus"; its genitive not counted), or
/// stands right after one of `determiners` somewhere in it ("die Bars", "eine
/// Maske": German people's names take no article). Unless the word is also part
/// of a person mention of more words there ("Trump" of "Donald Trump" and
/// "Trump-Regierung"), follows a title word in one of its mentions ("Frau
/// Böhnisch" and "Böhnisch-Büro") or the gazetteer knows it as a person or as
/// the first word of a person's name ("der Sepp"). `gazetteer` may be null.
void drop_common_nouns(const Input& in, const Titles& titles, const Titles& determiners,
                       const Gazetteer* gazetteer, Result& r);

/// A one-word mention right after one of `org_nouns` (lower case), or after a
/// compound ending in one ("das US-Pharmaunternehmen Pfizer", "the Russian oil
/// firm Yukos"), names an organisation, and so does every other one-word mention
/// of the word (or its genitive) in the document ("BioNTech und Pfizer"): they
/// become ORG. Not a person's name of the document ("das Unternehmen Elon Musks"),
/// not a word the gazetteer knows as a place or other name and not as an
/// organisation ("die Partei Russlands"), not a mention with a subtype.
/// `gazetteer` may be null.
void org_after_nouns(const Input& in, const Titles& titles, const Titles& org_nouns,
                     const Gazetteer* gazetteer, Result& r);

/// A mention right after a title word ("Vizepräsident Mike Pence",
/// "SPD-Gesundheitsexperte Karl Lauterbach", "President Bush"; `titles`, also
/// in lower case, after a hyphen or ending a German compound) names a person
/// when the tagger says so, when it begins with a given name (a word that begins
/// the gazetteer's person names) or is one word the gazetteer knows under no
/// other label ("Staatschef Chinas" stays a place). Then every mention of the document that ends in its
/// surname ("Pence", "Lauterbachs") becomes PER, whatever the tagger said ("Pence"
/// like the coin, "Lauterbach" like the town). Mentions with a subtype stay.
/// `gazetteer` may be null (then nothing changes).
void person_after_titles(const Input& in, const Titles& titles, const Gazetteer* gazetteer, Result& r);

/// A person mention of three or more words whose first word is a place (the
/// gazetteer's only label, or a place mention of the document) and whose other
/// words are a person's name of the document or the gazetteer ("Wilmington Joe
/// Bidens": "Joe Biden" elsewhere) becomes two mentions, the place and the
/// person. `gazetteer` may be null (then only the document says what a place is).
void split_place_before_person(const Input& in, const Gazetteer* gazetteer, Result& r);

/// A name that ends in a cut compound part, "Deutsche Städte-" of "Deutsche Städte-
/// und Gemeindebund", "EU-Staats-" of "EU-Staats- und Regierungschefs", runs on
/// through "und" / "oder" / "and" / "or" and the word that completes it (taking a
/// mention that starts there along). A cut part of one word that is no name
/// ("Alten-" of "Alten- und Pflegeheime", the "Nord-" of "Nord- und Ostsee") is
/// dropped, unless the gazetteer knows it without its hyphen ("Russland-"); a
/// person's name loses a cut part at its end ("Jens Spahn Kita-"). `gazetteer` may be null.
void join_cut_compounds(const Input& in, const Gazetteer* gazetteer, Result& r);

/// A person mention with an honorific inside it (`honorifics`: "Mr", "Sir",
/// "Dr"; not its last word) begins at the honorific when the word before it is
/// no title: "BBC Mr Howard", "Labour's Mr Livingstone", "Earlier Mr Kennedy"
/// -> "Mr Howard", ...; a role stays ("Home Secretary Lord Falconer"), and so
/// does a name after "and" / "und" ("Edward and Mrs Simpson": two names, see
/// split_coordinated_persons, which runs first). Mentions with a subtype stay.
void start_at_honorifics(const Input& in, const Titles& titles, const Titles& honorifics, Result& r);

/// A person mention that joins two names with "and" / "und" becomes two when
/// both sides are names of their own: with a title ("Mr Magnier", "German
/// Chancellor Gerhard Schroeder"), two to four capitalised name words ("Michael
/// Howard and Charles Kennedy", "Dido and Coldplay's Chris Martin": the name
/// after the possessive), or one word that is a person mention of its own
/// elsewhere in the document ("Kenteris and Thanou"). "Mike and Bob Bryan",
/// "Harry Potter and Order of the Phoenix" stay. Mentions with a subtype stay.
void split_coordinated_persons(const Input& in, const Titles& titles, Result& r);

/// A one-word person mention coordinated by "and" / "und" with a one-word place
/// or organisation that the gazetteer knows under that label alone ("England and
/// Wales", "Britain and Germany") takes that label, and so does every one-word
/// person mention of the word in the document ("Wales has moved on"); not a
/// person's name of the document (a word of a longer person mention, after a
/// title or after a word that begins the gazetteer's person names: "Deborah
/// Feldman"), a person or a given name to the gazetteer. `gazetteer` may be null
/// (then nothing changes).
void label_from_coordinated(const Input& in, const Titles& titles, const Gazetteer* gazetteer, Result& r);

/// A person mention whose one name word (also after lower-case words or "The":
/// "the Tory", "The Tories") or its possessive ("Tory's"; not a plural: "Americans") is one of
/// `groups` -- nationality, religion and party adjectives and party names,
/// "Tory", "Tories", "English" -- names no person: it becomes MISC.
/// Mentions with a subtype stay.
void no_person_groups(const Input& in, const Titles& groups, Result& r);

/// Clusters `r.mentions` (in text order, over `in`'s tokens): sets each
/// mention's cluster, relabels the plain mentions of a cluster to its label,
/// and fills `r.clusters` ordered by first mention. `gazetteer` (may be null)
/// tells a genitive ("Syriens") from a name ending in s. Thread-safe (const inputs).
void cluster_mentions(const Input& in, const Titles& titles, const Gazetteer* gazetteer, Result& r);

}  // namespace tagwerk::entities

#endif  // TAGWERK_ENTITIES_CLUSTERER_HPP
