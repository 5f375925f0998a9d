#include "place_names.hpp"

#include <unicode/locid.h>
#include <unicode/region.h>
#include <unicode/strenum.h>
#include <unicode/timezone.h>
#include <unicode/tznames.h>
#include <unicode/uversion.h>

#include <fstream>
#include <memory>
#include <set>
#include <stdexcept>

namespace tagwerk::tools {

namespace {

void add(std::set<std::string>& names, const icu::UnicodeString& name) {
  std::string s;
  name.toUTF8String(s);
  // Skip what cannot stand in running text as it is: "Korea, Republik", "Hongkong (SAR)".
  if (s.empty() || s.find_first_of(",()") != std::string::npos) return;
  names.insert(s);
}

}  // namespace

std::size_t write_place_names(const std::string& out) {
  std::set<std::string> names;
  const icu::Locale display[] = {icu::Locale("de"), icu::Locale("en")};
  UErrorCode status = U_ZERO_ERROR;
  for (URegionType type : {URGN_TERRITORY, URGN_CONTINENT, URGN_SUBCONTINENT}) {
    status = U_ZERO_ERROR;
    std::unique_ptr<icu::StringEnumeration> regions(icu::Region::getAvailable(type, status));
    if (U_FAILURE(status) || !regions) continue;
    while (const char* code = regions->next(nullptr, status)) {
      if (U_FAILURE(status)) break;
      const icu::Locale region("und", code);
      for (const auto& d : display) {
        icu::UnicodeString name;
        region.getDisplayCountry(d, name);
        if (name != icu::UnicodeString(code, -1, US_INV)) add(names, name);
      }
    }
  }
  for (const auto& d : display) {
    status = U_ZERO_ERROR;
    std::unique_ptr<icu::TimeZoneNames> tz(icu::TimeZoneNames::createInstance(d, status));
    std::unique_ptr<icu::StringEnumeration> zones(icu::TimeZone::createTimeZoneIDEnumeration(
        UCAL_ZONE_TYPE_CANONICAL_LOCATION, nullptr, nullptr, status));
    if (U_FAILURE(status) || !tz || !zones) continue;
    while (const icu::UnicodeString* id = zones->snext(status)) {
      if (U_FAILURE(status)) break;
      icu::UnicodeString city;
      tz->getExemplarLocationName(*id, city);
      add(names, city);
    }
  }
  std::ofstream file(out, std::ios::trunc);
  if (!file) throw std::runtime_error(out + ": cannot write the gazetteer");
  file
      << "# Place names from ICU " << U_ICU_VERSION
      << " (Unicode CLDR data, Unicode License v3): country, region and continent display names and\n"
         "# time-zone exemplar cities, in German and English. Written by: tagwerk-train-entities gazetteer\n";
  for (const auto& n : names) file << "LOC\t" << n << '\n';
  return names.size();
}

}  // namespace tagwerk::tools
