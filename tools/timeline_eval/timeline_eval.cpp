// timeline_eval -- the fast inner loop of scripts/eval_timex.py while editing
// rules (the host is the reference runner): reads gold JSON Lines {"id","text","dct","lang"},
// runs the engine with a naive sentence split and writes {"id","dct","dct_source","timexes"}
// with code point offsets. Usage: timeline_eval DATA_DIR [IN.jsonl] > OUT.jsonl
#include <simdjson.h>

#include <cstdio>
#include <iostream>
#include <string>

#include <tagwerk/core/json_text.hpp>
#include <tagwerk/timeline/engine.hpp>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: timeline_eval DATA_DIR [IN.jsonl] [--debug] > OUT.jsonl\n";
    return 2;
  }
  bool debug = false;
  std::string in_path = "/dev/stdin";
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--debug")
      debug = true;
    else
      in_path = a;
  }
  try {
    tagwerk::timeline::Engine engine(argv[1], {"de", "en"});
    auto scratch = tagwerk::timeline::Engine::make_scratch();
    simdjson::padded_string json = simdjson::padded_string::load(in_path);
    simdjson::ondemand::parser parser;
    simdjson::ondemand::document_stream docs = parser.iterate_many(json, 1 << 26);
    std::string out;
    for (auto doc_result : docs) {
      simdjson::ondemand::document_reference doc = doc_result.value();
      std::string id, text, dct, lang;
      for (auto field : doc.get_object()) {
        std::string_view key = field.unescaped_key().value();
        auto v = field.value();
        if (v.type() == simdjson::ondemand::json_type::null) continue;
        if (key == "id") {
          if (v.type() == simdjson::ondemand::json_type::string)
            id = std::string(v.get_string().value());
          else
            id = std::string(simdjson::to_json_string(v).value());
        } else if (key == "text") {
          text = std::string(v.get_string().value());
        } else if (key == "dct" || key == "date") {
          dct = std::string(v.get_string().value());
        } else if (key == "lang") {
          lang = std::string(v.get_string().value());
        }
      }
      tagwerk::timeline::Input input;
      input.text = text;
      input.dct = dct;
      input.lang = lang;
      input.sentences = tagwerk::timeline::naive_sentences(text);
      auto result = engine.analyze(input, *scratch);
      // Byte offset -> code point offset.
      std::vector<std::uint32_t> cp(text.size() + 1, 0);
      std::uint32_t n = 0;
      for (std::size_t i = 0; i < text.size(); ++i) {
        cp[i] = n;
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
      }
      cp[text.size()] = n;
      out.clear();
      out += "{\"id\":";
      tagwerk::core::append_json_string(out, id);
      out += ",\"dct\":";
      tagwerk::core::append_json_string(out, result.dct);
      out += ",\"dct_source\":";
      tagwerk::core::append_json_string(out, result.dct_source);
      out += ",\"narrative\":";
      out += result.narrative ? "true" : "false";
      out += ",\"timexes\":[";
      for (std::size_t k = 0; k < result.timexes.size(); ++k) {
        const auto& t = result.timexes[k];
        if (k) out += ",";
        out += "{\"begin\":" + std::to_string(cp[t.begin]) + ",\"end\":" + std::to_string(cp[t.end]) +
               ",\"type\":";
        tagwerk::core::append_json_string(out, t.type);
        out += ",\"value\":";
        tagwerk::core::append_json_string(out, t.value);
        if (!t.mod.empty()) {
          out += ",\"mod\":";
          tagwerk::core::append_json_string(out, t.mod);
        }
        if (debug) {
          out += ",\"rule\":\"" + t.lang + ":" + std::to_string(t.rule_line) + "\",\"text\":";
          tagwerk::core::append_json_string(out, std::string_view(text).substr(t.begin, t.end - t.begin));
        }
        out += "}";
      }
      out += "]}\n";
      std::fwrite(out.data(), 1, out.size(), stdout);
    }
  } catch (const std::exception& e) {
    std::cerr << "timeline_eval: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
