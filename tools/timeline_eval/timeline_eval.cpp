// timeline_eval -- the fast inner loop of scripts/eval_timex.py while editing
// rules (the host is the reference runner): reads gold JSON Lines
// {"id","text","dct","lang"}, runs the segment engine and then the timeline
// engine on its tokens and sentences, as the default chain does, and writes
// {"id","dct","dct_source","narrative","timexes"} with code point offsets.
// Usage: timeline_eval TIMELINE_DATA_DIR SEGMENT_DATA_DIR [IN.jsonl] [--debug] > OUT.jsonl
#include <simdjson.h>

#include <cstdio>
#include <iostream>
#include <string>

#include <tagwerk/core/json_text.hpp>
#include <tagwerk/core/utf8.hpp>
#include <tagwerk/timeline/engine.hpp>
#include <tagwerk/timeline/segmented_input.hpp>

namespace {

struct Record {
  std::string id, text, dct, lang;
};

Record read_record(simdjson::ondemand::document_reference doc) {
  Record r;
  for (auto field : doc.get_object()) {
    std::string_view key = field.unescaped_key().value();
    auto v = field.value();
    if (v.type() == simdjson::ondemand::json_type::null) continue;
    if (key == "id") {
      if (v.type() == simdjson::ondemand::json_type::string)
        r.id = std::string(v.get_string().value());
      else
        r.id = std::string(simdjson::to_json_string(v).value());
    } else if (key == "text") {
      r.text = std::string(v.get_string().value());
    } else if (key == "dct" || key == "date") {
      r.dct = std::string(v.get_string().value());
    } else if (key == "lang") {
      r.lang = std::string(v.get_string().value());
    }
  }
  return r;
}

// Appends `,"key":"value"` (`{"key":...` for the first field of an object).
void append_field(std::string& out, std::string_view key, std::string_view value, bool first = false) {
  out += first ? "{\"" : ",\"";
  out += key;
  out += "\":";
  tagwerk::core::append_json_string(out, value);
}

void append_result(const Record& rec, const tagwerk::timeline::Result& result, bool debug, std::string& out) {
  const tagwerk::core::OffsetMapper offsets(rec.text, tagwerk::core::OffsetUnit::codepoints);
  append_field(out, "id", rec.id, true);
  append_field(out, "dct", result.dct);
  append_field(out, "dct_source", result.dct_source);
  out += result.narrative ? ",\"narrative\":true" : ",\"narrative\":false";
  out += ",\"timexes\":[";
  for (std::size_t k = 0; k < result.timexes.size(); ++k) {
    const auto& t = result.timexes[k];
    out += k ? ",{\"begin\":" : "{\"begin\":";
    out += std::to_string(offsets.map(t.begin)) + ",\"end\":" + std::to_string(offsets.map(t.end));
    append_field(out, "type", t.type);
    append_field(out, "value", t.value);
    if (!t.mod.empty()) append_field(out, "mod", t.mod);
    if (debug) {
      append_field(out, "rule", t.lang + ":" + std::to_string(t.rule_line));
      append_field(out, "text", std::string_view(rec.text).substr(t.begin, t.end - t.begin));
    }
    out += "}";
  }
  out += "]}\n";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: timeline_eval TIMELINE_DATA_DIR SEGMENT_DATA_DIR [IN.jsonl] [--debug] > OUT.jsonl\n";
    return 2;
  }
  bool debug = false;
  std::string in_path = "/dev/stdin";
  for (int i = 3; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--debug")
      debug = true;
    else
      in_path = a;
  }
  try {
    const tagwerk::timeline::Engine engine(argv[1], {"de", "en"});
    const tagwerk::segment::Segmenter segmenter = tagwerk::timeline::make_segmenter(argv[2]);
    auto scratch = tagwerk::timeline::Engine::make_scratch();
    tagwerk::segment::Segmentation seg;
    simdjson::padded_string json = simdjson::padded_string::load(in_path);
    simdjson::ondemand::parser parser;
    simdjson::ondemand::document_stream docs = parser.iterate_many(json, 1 << 26);
    std::string out;
    for (auto doc_result : docs) {
      const Record rec = read_record(doc_result.value());
      const auto input = tagwerk::timeline::segmented_input(segmenter, rec.text, rec.dct, rec.lang, seg);
      out.clear();
      append_result(rec, engine.analyze(input, *scratch), debug, out);
      std::fwrite(out.data(), 1, out.size(), stdout);
    }
  } catch (const std::exception& e) {
    std::cerr << "timeline_eval: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
