// place_names.hpp -- the shipped place-name gazetteer, from ICU's locale data
// (Unicode CLDR, Unicode licence): country and region names and time-zone
// exemplar cities in German and English.
#ifndef TAGWERK_TOOLS_PLACE_NAMES_HPP
#define TAGWERK_TOOLS_PLACE_NAMES_HPP

#include <string>

namespace tagwerk::tools {

/// Writes lines "LOC<TAB>name", sorted and unique, after a header naming the
/// source and ICU version. Returns the number of names. Throws
/// std::runtime_error naming the file when it cannot be written.
std::size_t write_place_names(const std::string& out);

}  // namespace tagwerk::tools

#endif  // TAGWERK_TOOLS_PLACE_NAMES_HPP
