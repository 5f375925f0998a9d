// tagwerk/testing.hpp -- the test harness for plugin authors: runs built plugin
// libraries (one, or a chain of them) in-process on a text and its metadata,
// through the host's real loader, chain checks, host table and JSON writer,
// and hands back plain data to assert on. No CLI, no files, no core types.
//
// C++17, standard library only. Link the CMake target tagwerk::testing, or use
// tagwerk_add_plugin_test() (TagwerkPluginTest.cmake), which also tells the
// test where the plugins it names were built (plugins_under_test()).
#ifndef TAGWERK_TESTING_HPP
#define TAGWERK_TESTING_HPP

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tagwerk::testing {

/// A plugin or chain the host refuses before any document: a library that is
/// no plugin, an unknown plugin or parameter, a missing input layer, a
/// constructor that throws. what() is what `tagwerk run` prints for it
/// (chain problems as "file:line:col: error: ..." lines).
class SetupError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Thrown by the accessors below when what a test asks for is not there (a
/// layer, an attribute, a value of another type); what() says what is there.
class Missing : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

/// A reference to another span: its layer and its index there (what the
/// output record writes as the index alone).
struct Ref {
  std::string layer;
  std::size_t index = 0;

  bool operator==(const Ref& o) const { return index == o.index && layer == o.layer; }
  bool operator!=(const Ref& o) const { return !(*this == o); }
};

/// An attribute value as the plugin set it. Exactly the member of its type
/// holds it; the others stay empty.
struct Value {
  enum class Type { String, Int, Float, Bool, Ref, StringList, IntList, FloatList, RefList };

  Type type = Type::String;
  std::string string;
  std::int64_t integer = 0;
  double real = 0;
  bool boolean = false;
  Ref ref;
  std::vector<std::string> strings;
  std::vector<std::int64_t> integers;
  std::vector<double> reals;
  std::vector<Ref> refs;

  /// "string", "int", "float", "bool", "ref", "list<string>", ... (as `tagwerk inspect` names them).
  std::string type_name() const;
  /// The value as the output record writes it: "\"x\"", "3", "0.5", "true", "[1,2]".
  std::string json() const;
};

/// One span of a layer, with its attributes.
struct Span {
  /// Byte offsets into the text, end exclusive (what the plugin wrote);
  /// both kNoOffset for a span without extent.
  static constexpr std::uint32_t kNoOffset = 0xFFFFFFFFu;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string label;  // empty when it has none
  std::string text;   // the text of [begin, end); empty without extent
  /// Attributes set on this span, in the order the layer's columns were first set.
  std::vector<std::pair<std::string, Value>> attrs;

  bool anchored() const { return begin != kNoOffset; }
  bool has(std::string_view key) const { return find(key) != nullptr; }
  /// The attribute `key`, or nullptr.
  const Value* find(std::string_view key) const;
  /// The attribute `key`; throws Missing naming the attributes it has.
  const Value& at(std::string_view key) const;
  /// Typed reads; throw Missing when absent or of another type.
  const std::string& string(std::string_view key) const;
  std::int64_t integer(std::string_view key) const;
  double real(std::string_view key) const;
  bool boolean(std::string_view key) const;
  /// A reference's index in its target layer.
  std::size_t ref(std::string_view key) const;
  const std::vector<std::string>& strings(std::string_view key) const;
  const std::vector<std::int64_t>& integers(std::string_view key) const;
  const std::vector<double>& reals(std::string_view key) const;
  const std::vector<Ref>& refs(std::string_view key) const;
};

/// One layer: its spans in insertion order (the index is a span's identity).
struct Layer {
  std::string name;
  std::vector<Span> spans;

  std::size_t size() const { return spans.size(); }
  bool empty() const { return spans.empty(); }
  /// Span i; throws Missing when i >= size().
  const Span& operator[](std::size_t i) const;
  std::vector<Span>::const_iterator begin() const { return spans.begin(); }
  std::vector<Span>::const_iterator end() const { return spans.end(); }
  /// The text, label or one string attribute of every span, in order: for
  /// EXPECT_THAT(layer.texts(), ElementsAre(...)).
  std::vector<std::string> texts() const;
  std::vector<std::string> labels() const;
  std::vector<std::string> strings(std::string_view key) const;
};

/// Something that went wrong with the record (errors) or was repaired or
/// doubtful (warnings): who ("input", "host" or a plugin's name) and what.
struct Message {
  std::string plugin;
  std::string message;
};

/// What one run of the chain made of one document.
struct Result {
  std::string id;
  std::string text;           // as the plugins saw it (invalid UTF-8 repaired)
  std::vector<Layer> layers;  // in the order they were created
  /// Document attributes (the record's "doc" object), in the order first set.
  std::vector<std::pair<std::string, Value>> doc;
  std::vector<Message> errors;
  std::vector<Message> warnings;
  /// The record exactly as `tagwerk run` writes it for this input (one JSON
  /// line without its newline; offsets in the chain's [output] offsets unit).
  std::string record;

  /// True when no error was recorded (warnings do not count, as for the exit status).
  bool ok() const { return errors.empty(); }
  /// Every error and warning, one "error|warning plugin: message" per line,
  /// for a failure message: ASSERT_TRUE(r.ok()) << r.messages();
  std::string messages() const;
  /// The layer `name`, or nullptr when no step created it.
  const Layer* find_layer(std::string_view name) const;
  /// The layer `name`; throws Missing naming the layers there are.
  const Layer& layer(std::string_view name) const;
  bool has_layer(std::string_view name) const { return find_layer(name) != nullptr; }
  /// A document attribute, or nullptr / Missing when not set.
  const Value* find_doc(std::string_view key) const;
  const Value& doc_attr(std::string_view key) const;
};

/// Metadata of the input record as (key, string value) pairs in input order:
/// {{"id", "a1"}, {"lang", "de"}, {"date", "2017-07-09T20:06"}}.
using Meta = std::vector<std::pair<std::string, std::string>>;

namespace detail {
inline std::vector<std::string> split_paths(const char* list) {
  std::vector<std::string> out;
  std::string_view rest(list == nullptr ? "" : list);
  while (!rest.empty()) {
    const std::size_t colon = rest.find(':');
    const std::string_view item = rest.substr(0, colon);
    if (!item.empty()) out.emplace_back(item);
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return out;
}
}  // namespace detail

/// The bytes of a test data file; throws std::runtime_error naming it when it
/// cannot be read.
inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read test file " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// The plugin libraries the test was built against: the PLUGINS of its
/// tagwerk_add_plugin_test(), which defines TAGWERK_TEST_PLUGINS as a
/// ':'-separated list of library files. Empty without it.
inline std::vector<std::string> plugins_under_test() {
#ifdef TAGWERK_TEST_PLUGINS
  return detail::split_paths(TAGWERK_TEST_PLUGINS);
#else
  return {};
#endif
}

/// Folders searched after the plugins under test, for the plugins a chain
/// uses besides them (segment before yours): TAGWERK_TEST_PLUGIN_PATH as
/// tagwerk_add_plugin_test() defines it (the shipped plugins of the tagwerk the
/// test was built against). Empty without it.
inline std::vector<std::string> shipped_plugin_dirs() {
#ifdef TAGWERK_TEST_PLUGIN_PATH
  return detail::split_paths(TAGWERK_TEST_PLUGIN_PATH);
#else
  return {};
#endif
}

struct Options {
  /// Folders searched after the plugins given, before the host's own search
  /// path (TAGWERK_PLUGIN_PATH, then beside the tagwerk installation).
  std::vector<std::string> search_path = shipped_plugin_dirs();
  /// The chain file the TOML text stands for: names it in messages, and its
  /// folder anchors relative paths in it. Need not exist.
  std::string chain_file = "test-chain.toml";
};

/// Loads plugins and a chain once; runs it on documents. run() may be called
/// any number of times, also from several threads at once.
class Harness {
 public:
  /// `plugins`: plugin library files (.so) or folders holding them, searched
  /// first; then options.search_path and the host's search path. The first
  /// plugin of a name wins, as with `tagwerk run -P`. `chain_toml`: the chain
  /// as a chain file would hold it ("[[step]]\nuse = \"segment\"\n..."); its
  /// [input] paths are ignored, [input.fields] and [output] offsets apply.
  /// Throws SetupError when a library is no loadable plugin, the chain is
  /// invalid or a plugin refuses its configuration.
  Harness(const std::vector<std::string>& plugins, std::string_view chain_toml, Options options = {});
  /// One plugin library alone, as the only step; `params` are TOML lines of
  /// its step ("min_length = 3"). Throws as above.
  static Harness single(const std::string& library, std::string_view params = {}, Options options = {});
  ~Harness();
  Harness(Harness&&) noexcept;
  Harness& operator=(Harness&&) noexcept;
  Harness(const Harness&) = delete;
  Harness& operator=(const Harness&) = delete;

  /// Runs the chain on `text` with `meta`, as `tagwerk run` would on the
  /// JSON line {meta..., "text": text}: invalid UTF-8 in the text is repaired
  /// with a warning, an empty text is an error and no plugin runs, a step
  /// that fails skips the later ones. Per-document failures are data in the
  /// Result, never thrown. Thread-safe.
  Result run(std::string_view text, const Meta& meta = {}) const;

  /// The names of the steps, in chain order.
  std::vector<std::string> steps() const;
  /// The chain as `tagwerk check` prints it: every parameter resolved.
  std::string resolved_chain() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tagwerk::testing

#endif  // TAGWERK_TESTING_HPP
