// The JSON Lines writer: the output record of DESIGN.md, offsets in the
// requested unit, escaping; every line is re-parsed with simdjson.
#include <tagwerk/core/output.hpp>

#include <gtest/gtest.h>
#include <simdjson.h>

#include <cmath>
#include <sstream>
#include <string>

namespace tagwerk::core {
namespace {

/// Parses `line` as JSON (failing the test when it is not) and returns the element.
simdjson::dom::element parse(simdjson::dom::parser& parser, const std::string& line) {
  simdjson::dom::element e;
  const auto err = parser.parse(line).get(e);
  EXPECT_EQ(err, simdjson::SUCCESS) << simdjson::error_message(err) << "\n" << line;
  return e;
}

Document sample() {
  Document d;
  d.id = "seed-000";
  // a | ä | space | 😀 | space | Putin
  d.text = "a\xC3\xA4 \xF0\x9F\x98\x80 Putin";
  d.fields.push_back(Field{"id", "\"seed-000\"", "seed-000"});
  d.fields.push_back(Field{"score", "1.50", std::nullopt});
  d.fields.push_back(Field{"meta", R"({"tags": ["g20"]})", std::nullopt});
  d.fields.push_back(Field{"text", "\"a\xC3\xA4 \xF0\x9F\x98\x80 Putin\"", std::nullopt});
  Layer& entity = d.layer("entity");
  const std::size_t putin = *d.add_span(entity, 9, 14, "PER");
  entity.set_string(putin, "name", std::string("Wladimir Putin"));
  entity.set_int(putin, "cluster", 0);
  Layer& sentiment = d.layer("sentiment");
  d.add_span(sentiment, 0, 14, "neg");
  sentiment.set_float(0, "score", -0.2123456789);
  sentiment.set_string(0, "scope", std::string("document"));
  const std::size_t target = *d.add_span(sentiment, TW_NO_OFFSET, TW_NO_OFFSET, "");
  sentiment.set_ref(target, "target", entity, putin);
  sentiment.set_float(target, "score", std::nan(""));
  sentiment.set_bool(target, "neutral", false);
  Layer& emoji = d.layer("emoji");
  d.add_span(emoji, 4, 8, "");
  d.add_error("quotes", "no quote found");
  d.add_warning("input", "one byte repaired");
  d.set_attr_string("dct", "2017-07-09");
  tw_value times{};
  times.struct_size = sizeof(times);
  times.type = TW_VALUE_STRING_LIST;
  const tw_str items[] = {{"2016", 4}, {"2017-07-07", 10}};
  times.items = items;
  times.count = 2;
  d.set_attr("times", times);
  return d;
}

TEST(JsonlWriter, LayerSelectionDropsLayersAndKeepsReferencesIntoThem) {
  const Document d = sample();
  // No selection writes exactly what the writer always wrote.
  std::string all;
  append_json_record(all, d, OffsetUnit::codepoints, LayerSelection{});
  EXPECT_EQ(all, to_json_line(d, OffsetUnit::codepoints));

  std::string without_entities;
  append_json_record(without_entities, d, OffsetUnit::codepoints, LayerSelection{{}, {"entity"}});
  simdjson::dom::parser parser;
  simdjson::dom::element r = parse(parser, without_entities);
  simdjson::dom::element ignored;
  EXPECT_NE(r["annotations"]["entity"].get(ignored), simdjson::SUCCESS) << without_entities;
  // The sentiment target still points at the (unwritten) entity's index.
  EXPECT_EQ(int64_t(r["annotations"]["sentiment"].at(1)["target"]), 0);
  EXPECT_EQ(std::string_view(r["doc"]["dct"]), "2017-07-09");  // everything else as it was

  std::string only_emoji;
  append_json_record(only_emoji, d, OffsetUnit::codepoints, LayerSelection{{"emoji", "entity"}, {"entity"}});
  EXPECT_NE(only_emoji.find(R"("annotations":{"emoji":[{"begin":3,"end":4}]},"errors")"), std::string::npos)
      << only_emoji;
}

TEST(JsonlWriter, WritesFieldsDocAnnotationsErrorsAndWarningsInOrder) {
  const Document d = sample();
  const std::string line = to_json_line(d, OffsetUnit::codepoints);
  EXPECT_EQ(
      line,
      "{\"id\":\"seed-000\",\"score\":1.50,\"meta\":{\"tags\": [\"g20\"]},"
      "\"text\":\"a\xC3\xA4 \xF0\x9F\x98\x80 Putin\","
      "\"doc\":{\"dct\":\"2017-07-09\",\"times\":[\"2016\",\"2017-07-07\"]},"
      "\"annotations\":{"
      "\"entity\":[{\"begin\":5,\"end\":10,\"label\":\"PER\",\"name\":\"Wladimir Putin\",\"cluster\":0}],"
      "\"sentiment\":[{\"begin\":0,\"end\":10,\"label\":\"neg\",\"score\":-0.212346,\"scope\":\"document\"},"
      "{\"score\":null,\"target\":0,\"neutral\":false}],"  // columns in the order keys were first set
      "\"emoji\":[{\"begin\":3,\"end\":4}]},"
      "\"errors\":[{\"plugin\":\"quotes\",\"message\":\"no quote found\"}],"
      "\"warnings\":[{\"plugin\":\"input\",\"message\":\"one byte repaired\"}]}");
  simdjson::dom::parser parser;
  parse(parser, line);
}

TEST(JsonlWriter, OffsetsInCodePointsBytesAndUtf16) {
  const Document d = sample();
  simdjson::dom::parser parser;
  struct Case {
    OffsetUnit unit;
    std::int64_t putin_begin, putin_end, emoji_begin, emoji_end;
  };
  for (const Case& c : {Case{OffsetUnit::codepoints, 5, 10, 3, 4}, Case{OffsetUnit::bytes, 9, 14, 4, 8},
                        Case{OffsetUnit::utf16, 6, 11, 3, 5}}) {
    const std::string line = to_json_line(d, c.unit);
    auto root = parse(parser, line);
    EXPECT_EQ(std::int64_t(root["annotations"]["entity"].at(0)["begin"]), c.putin_begin);
    EXPECT_EQ(std::int64_t(root["annotations"]["entity"].at(0)["end"]), c.putin_end);
    EXPECT_EQ(std::int64_t(root["annotations"]["emoji"].at(0)["begin"]), c.emoji_begin);
    EXPECT_EQ(std::int64_t(root["annotations"]["emoji"].at(0)["end"]), c.emoji_end);
  }
}

TEST(JsonlWriter, EscapesStringsAndRepairsInvalidUtf8) {
  Document d;
  d.id = "esc";
  d.text = "x";
  d.fields.push_back(Field{"text", "\"x\"", std::nullopt});
  Layer& l = d.layer("odd \"layer\"");
  d.add_span(l, 0, 1, "tab\there");
  l.set_string(0, "quote", std::string("er sagte: \"Nein\" \\ \x01 \x1f \n \xC3\xA4 \xFF"));
  const std::string line = to_json_line(d, OffsetUnit::codepoints);
  EXPECT_NE(line.find(R"("odd \"layer\"")"), std::string::npos) << line;
  EXPECT_NE(line.find(R"("tab\there")"), std::string::npos) << line;
  EXPECT_NE(line.find(R"(\"Nein\" \\ \u0001 \u001f \n )"), std::string::npos) << line;
  EXPECT_EQ(line.find('\n'), std::string::npos);
  simdjson::dom::parser parser;
  auto root = parse(parser, line);
  std::string_view quote = root["annotations"]["odd \"layer\""].at(0)["quote"];
  EXPECT_EQ(quote, "er sagte: \"Nein\" \\ \x01 \x1f \n \xC3\xA4 \xEF\xBF\xBD");
}

TEST(JsonlWriter, FloatsStayFloatsWithSixDigits) {
  Document d;
  d.text = "abc";
  Layer& l = d.layer("s");
  const double values[] = {0.0, 3.0, 0.1, 1234567.0, 1e-7, -0.25, INFINITY};
  const char* expected[] = {"0.0", "3.0", "0.1", "1.23457e+06", "1e-07", "-0.25", "null"};
  for (double v : values) l.set_float(*d.add_span(l, 0, 1, ""), "v", v);
  const std::string line = to_json_line(d, OffsetUnit::codepoints);
  for (const char* e : expected)
    EXPECT_NE(line.find(std::string("\"v\":") + e + "}"), std::string::npos) << e << " in " << line;
  simdjson::dom::parser parser;
  parse(parser, line);
}

TEST(JsonlWriter, AnUnreadableRecordIsItsIdAndErrors) {
  Document d;
  d.unreadable = true;
  d.id = "stdin:17";
  d.field_names = {{"id", "doc_id"}};
  d.add_error("input", "line 17 of standard input is not valid JSON");
  EXPECT_EQ(
      to_json_line(d, OffsetUnit::codepoints),
      R"({"doc_id":"stdin:17","errors":[{"plugin":"input","message":"line 17 of standard input is not valid JSON"}],"warnings":[]})");
}

TEST(JsonlWriter, ARecordWithoutLayersStillHasDocAnnotationsErrorsAndWarnings) {
  Document d;
  d.text = "t";
  d.fields.push_back(Field{"text", "\"t\"", std::nullopt});
  // From an earlier run: replaced.
  d.fields.push_back(Field{"annotations", "{\"old\": []}", std::nullopt});
  d.fields.push_back(Field{"doc", "{\"old\": 1}", std::nullopt});
  d.fields.push_back(Field{"warnings", "[]", std::nullopt});
  EXPECT_EQ(to_json_line(d, OffsetUnit::codepoints),
            R"({"text":"t","doc":{},"annotations":{},"errors":[],"warnings":[]})");
}

TEST(JsonlWriter, WritesOneLinePerRecordToTheStream) {
  std::ostringstream out;
  {
    JsonlWriter writer(out, OffsetUnit::utf16);
    for (int i = 0; i < 3; ++i) writer.write(sample());
  }
  const std::string all = out.str();
  std::istringstream lines(all);
  std::string line;
  int n = 0;
  simdjson::dom::parser parser;
  while (std::getline(lines, line)) {
    ++n;
    auto root = parse(parser, line);
    EXPECT_EQ(std::int64_t(root["annotations"]["entity"].at(0)["begin"]), 6);
  }
  EXPECT_EQ(n, 3);
  EXPECT_EQ(all.back(), '\n');
}

}  // namespace
}  // namespace tagwerk::core
