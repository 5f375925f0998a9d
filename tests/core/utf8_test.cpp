// UTF-8 validation, repair (U+FFFD per maximal ill-formed subpart) and the
// byte-offset converter.
#include <tagwerk/core/utf8.hpp>

#include <gtest/gtest.h>

#include <string>

namespace tagwerk::core {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";

TEST(Utf8, ValidatesWellFormedText) {
  EXPECT_TRUE(is_valid_utf8(""));
  EXPECT_TRUE(is_valid_utf8("Gipfelerkl\xC3\xA4rung \xF0\x9F\x98\x80"));
  EXPECT_FALSE(is_valid_utf8("abc\xC3"));           // truncated
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate U+D800
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_EQ(find_invalid_utf8("ok"), std::string_view::npos);
  EXPECT_EQ(find_invalid_utf8("\xC3\xA4x\xFFy"), 3u);
}

TEST(Utf8, RepairsEachMaximalSubpartWithOneReplacement) {
  std::size_t n = 0;
  EXPECT_EQ(repair_utf8("clean \xC3\xA4", &n), "clean \xC3\xA4");
  EXPECT_EQ(n, 0u);
  // E2 82 is the start of a valid three-byte sequence: one maximal subpart.
  EXPECT_EQ(repair_utf8("a\xE2\x82z", &n), "a" + kFffd + "z");
  EXPECT_EQ(n, 1u);
  // F0 80: 80 cannot follow F0, so F0, 80 and 80 are three subparts.
  EXPECT_EQ(repair_utf8("a\xF0\x80\x80z", &n), "a" + kFffd + kFffd + kFffd + "z");
  EXPECT_EQ(n, 3u);
  EXPECT_EQ(repair_utf8("\xC0\xAF", &n), kFffd + kFffd);
  EXPECT_EQ(repair_utf8("end\xF0\x9F\x98", &n), "end" + kFffd);
  EXPECT_EQ(n, 1u);
  EXPECT_TRUE(is_valid_utf8(repair_utf8("\xFF\xFE\xED\xA0\x80\xC3")));
}

TEST(OffsetMapper, ConvertsBytesToCodePointsAndUtf16) {
  // a | ä (2 bytes) | 😀 (4 bytes, a surrogate pair in UTF-16) | b
  const std::string text =
      "a\xC3\xA4\xF0\x9F\x98\x80"
      "b";
  const std::uint32_t bytes[] = {0, 1, 3, 7, 8};
  const std::uint64_t cps[] = {0, 1, 2, 3, 4};
  const std::uint64_t u16[] = {0, 1, 2, 4, 5};
  OffsetMapper cp(text, OffsetUnit::codepoints), utf16(text, OffsetUnit::utf16), raw(text, OffsetUnit::bytes);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(cp.map(bytes[i]), cps[i]) << "byte " << bytes[i];
    EXPECT_EQ(utf16.map(bytes[i]), u16[i]) << "byte " << bytes[i];
    EXPECT_EQ(raw.map(bytes[i]), bytes[i]);
  }
  EXPECT_EQ(cp.map(1000), 4u) << "past the end maps to the end";
}

TEST(OffsetMapper, AgreesWithACountAcrossCheckpoints) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += (i % 7 == 0) ? "\xF0\x9F\x98\x80" : (i % 3 == 0 ? "\xC3\xA4" : "x");
  OffsetMapper cp(text, OffsetUnit::codepoints), utf16(text, OffsetUnit::utf16);
  std::uint64_t n_cp = 0, n_u16 = 0;
  for (std::uint32_t b = 0; b <= text.size();) {
    ASSERT_EQ(cp.map(b), n_cp) << "byte " << b;
    ASSERT_EQ(utf16.map(b), n_u16) << "byte " << b;
    if (b == text.size()) break;
    const auto lead = static_cast<unsigned char>(text[b]);
    const std::uint32_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    n_cp += 1;
    n_u16 += len == 4 ? 2 : 1;
    b += len;
  }
}

TEST(OffsetMapper, AsciiTextIsTheIdentity) {
  const std::string text(1000, 'x');
  OffsetMapper cp(text, OffsetUnit::codepoints);
  EXPECT_EQ(cp.map(0), 0u);
  EXPECT_EQ(cp.map(999), 999u);
  EXPECT_EQ(cp.map(1000), 1000u);
  OffsetMapper empty("", OffsetUnit::utf16);
  EXPECT_EQ(empty.map(0), 0u);
}

TEST(OffsetReader, ReadsBackWhatTheMapperWroteInEveryUnit) {
  std::string text;
  for (int i = 0; i < 300; ++i) text += (i % 7 == 0) ? "\xF0\x9F\x98\x80" : (i % 3 == 0 ? "\xC3\xA4" : "x");
  for (OffsetUnit unit : {OffsetUnit::codepoints, OffsetUnit::utf16, OffsetUnit::bytes}) {
    OffsetMapper to_unit(text, unit);
    OffsetReader to_byte(text, unit);
    for (std::uint32_t b = 0; b <= text.size(); ++b) {
      if (b < text.size() && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80)
        continue;  // inside a character
      ASSERT_EQ(to_byte.byte(static_cast<std::int64_t>(to_unit.map(b))), b) << "byte " << b;
    }
  }
}

TEST(OffsetReader, SlicesClampAndTheSecondHalfOfASurrogatePairIsItsCharacter) {
  const std::string text =
      "a\xC3\xA4\xF0\x9F\x98\x80"
      "b";
  OffsetReader cp(text, OffsetUnit::codepoints), utf16(text, OffsetUnit::utf16), raw(text, OffsetUnit::bytes);
  EXPECT_EQ(cp.slice(1, 3), "\xC3\xA4\xF0\x9F\x98\x80");
  EXPECT_EQ(utf16.slice(2, 4), "\xF0\x9F\x98\x80");
  EXPECT_EQ(utf16.byte(3), 3u) << "inside the pair: the emoji's start";
  EXPECT_EQ(utf16.slice(4, 5), "b");
  EXPECT_EQ(raw.slice(7, 8), "b");
  EXPECT_EQ(cp.slice(3, 1000), "b") << "past the end is clamped";
  EXPECT_EQ(cp.slice(-5, 1), "a");
  EXPECT_EQ(cp.slice(3, 2), "") << "an end before its begin";
  OffsetReader ascii(std::string(10, 'x'), OffsetUnit::codepoints);
  EXPECT_EQ(ascii.byte(20), 10u);
}

}  // namespace
}  // namespace tagwerk::core
