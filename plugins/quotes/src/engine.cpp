// The quotes engine: embedded posts, quotation marks, reported speech, then one
// pass in text order that resolves every statement's speaker.
#include <tagwerk/quotes/engine.hpp>

#include <algorithm>
#include <stdexcept>

#include "lexicon.hpp"
#include "statements.hpp"

namespace tagwerk::quotes {

const char* to_string(Kind k) {
  switch (k) {
    case Kind::Direct:
      return "direct";
    case Kind::Partial:
      return "partial";
    case Kind::Indirect:
      return "indirect";
    case Kind::Embedded:
      return "embedded";
  }
  return "direct";
}

void ScratchDeleter::operator()(Scratch* s) const noexcept {
  delete s;
}
ScratchPtr Engine::make_scratch() {
  return ScratchPtr(new Scratch);
}

struct Engine::Impl {
  std::vector<std::string> langs;
  std::vector<Lexicon> lexicons;
  std::vector<std::string> files;

  Result analyze(const Input& in, Scratch& s) const;
};

Engine::Engine(const std::string& data_dir, const std::vector<std::string>& languages)
    : impl_(std::make_unique<Impl>()) {
  if (languages.empty())
    throw std::runtime_error("quotes: no language given; name at least one, e.g. \"de\"");
  impl_->langs = languages;
  for (const std::string& lang : languages)
    impl_->lexicons.push_back(Lexicon::load(data_dir, lang, impl_->files));
}
Engine::~Engine() = default;
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;

const std::vector<std::string>& Engine::files() const noexcept {
  return impl_->files;
}

Result Engine::analyze(const Input& input, Scratch& scratch) const {
  return impl_->analyze(input, scratch);
}
Result Engine::analyze(const Input& input) const {
  ScratchPtr s = make_scratch();
  return impl_->analyze(input, *s);
}

Result Engine::Impl::analyze(const Input& in, Scratch& s) const {
  s.doc.build(in, lexicons, langs);
  s.stmts.clear();
  s.sources.clear();
  find_embedded(s);
  find_marked(s);
  find_reported(s);
  classify_marked(s);
  find_persons(in, s);
  return resolve(in, s);
}

}  // namespace tagwerk::quotes
