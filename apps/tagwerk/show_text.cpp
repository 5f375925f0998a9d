// Plain and coloured text rendering of a record, wrapped to the terminal width.
#include "show_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace tagwerk::cli {
namespace {

constexpr const char* kReset = "\x1b[0m";
constexpr const char* kBold = "\x1b[1m";
constexpr const char* kDim = "\x1b[2m";

const char* label_color(std::string_view label) {
  if (label == "PER") return "\x1b[1;35m";  // magenta
  if (label == "LOC") return "\x1b[1;32m";  // green
  if (label == "ORG") return "\x1b[1;34m";  // blue
  return "\x1b[1;33m";                      // MISC and anything else: yellow
}

std::size_t columns(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// A word as printed (with escapes) and its width on screen.
struct Word {
  std::string shown;
  std::size_t width = 0;
};

class Wrapper {
 public:
  Wrapper(std::ostream& out, std::size_t width, std::string indent)
      : out_(out), width_(width), indent_(std::move(indent)) {}

  // Text that may break at its whitespace.
  void text(std::string_view s, const char* style = nullptr) {
    for (char c : s) {
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        end_word();
      } else {
        if (style != nullptr && !styled_) open(style);
        word_.shown += c;
        word_.width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      }
    }
    if (styled_) close();
  }
  // Text that stays on one line (an entity with its marker), glued to its neighbours.
  void glued(std::string_view shown, std::size_t width) {
    word_.shown += shown;
    word_.width += width;
  }
  void finish() {
    end_word();
    if (line_width_ > 0) out_ << '\n';
    line_width_ = 0;
  }

 private:
  void open(const char* style) {
    word_.shown += style;
    styled_ = true;
  }
  void close() {
    word_.shown += kReset;
    styled_ = false;
  }
  void end_word() {
    if (styled_) close();
    if (word_.width == 0 && word_.shown.empty()) return;
    const std::size_t indent = indent_.size();
    if (line_width_ > 0 && line_width_ + 1 + word_.width > width_) {
      out_ << '\n';
      line_width_ = 0;
    }
    if (line_width_ == 0) {
      out_ << indent_;
      line_width_ = indent;
    } else {
      out_ << ' ';
      ++line_width_;
    }
    out_ << word_.shown;
    line_width_ += word_.width;
    word_ = Word{};
  }

  std::ostream& out_;
  std::size_t width_;
  std::string indent_;
  Word word_;
  std::size_t line_width_ = 0;
  bool styled_ = false;
};

class Renderer {
 public:
  Renderer(const ShowRecord& r, const TextStyle& style, std::ostream& out)
      : r_(r), color_(style.color), width_(std::max<std::size_t>(style.width, 20)), out_(out) {}

  void run() {
    header();
    paragraphs();
    clusters();
    name_words();
    quotes();
    timexes();
    sentences();
    messages("Errors", r_.errors);
    messages("Warnings", r_.warnings);
  }

 private:
  std::string bold(std::string_view s) const {
    return color_ ? std::string(kBold) + std::string(s) + kReset : std::string(s);
  }
  std::string dim(std::string_view s) const {
    return color_ ? std::string(kDim) + std::string(s) + kReset : std::string(s);
  }
  void section(std::string_view title) { out_ << '\n' << bold(title) << '\n'; }

  // One line of free text (a quote, a sentence) wrapped under `indent`.
  void wrapped(std::string_view s, const std::string& indent) {
    Wrapper w(out_, width_, indent);
    w.text(s);
    w.finish();
  }

  void header() {
    Wrapper title(out_, width_, "");
    title.text(r_.title.empty() ? "(untitled)" : r_.title, color_ ? kBold : nullptr);
    title.finish();
    std::string meta = "id " + r_.id;
    if (!r_.date.empty()) meta += " · date " + r_.date;
    if (!r_.lang.empty()) meta += " · lang " + r_.lang;
    if (r_.document_sentiment) {
      meta += fmt::format(" · sentiment {} ({:+.2f})", r_.document_sentiment->label,
                          r_.document_sentiment->score);
    }
    out_ << dim(meta) << '\n';
  }

  void paragraphs() {
    std::size_t next_entity = 0;
    for (const auto& p : r_.paragraphs) {
      out_ << '\n';
      Wrapper w(out_, width_, "");
      std::size_t pos = p.begin;
      while (next_entity < r_.entities.size() && r_.entities[next_entity].range.begin < p.begin)
        ++next_entity;
      for (; next_entity < r_.entities.size() && r_.entities[next_entity].range.end <= p.end; ++next_entity) {
        const auto& e = r_.entities[next_entity];
        w.text(r_.text.substr(pos, e.range.begin - pos));
        const std::string_view surface = r_.slice(e.range);
        std::string shown;
        for (char c : surface) shown += (c == '\n' || c == '\t') ? ' ' : c;
        if (color_) {
          w.glued(label_color(e.label) + shown + kReset, columns(shown));
        } else {
          const std::string tag = e.tag();
          w.glued("[" + shown + "|" + tag + "]", columns(shown) + tag.size() + 3);
        }
        pos = e.range.end;
      }
      w.text(r_.text.substr(pos, p.end - std::min(pos, p.end)));
      w.finish();
    }
  }

  void clusters() {
    if (r_.clusters.empty()) return;
    section(fmt::format("Entities ({} mentions of {})", r_.entity_mentions(), r_.clusters.size()));
    std::size_t name_width = 0;
    for (const auto& c : r_.clusters) name_width = std::max(name_width, columns(c.name));
    name_width = std::min<std::size_t>(name_width, width_ / 2);
    for (const auto& c : r_.clusters) {
      std::string name = c.name;
      const std::size_t cols = columns(name);
      if (cols < name_width) name.append(name_width - cols, ' ');
      std::string label = fmt::format("{:<4}", c.label);
      if (color_) label = label_color(c.label) + label + kReset;
      std::string line = fmt::format("  {}  {}  {:>3}x", name, label, c.mentions);
      if (c.sentiment) line += dim(fmt::format("  sentiment {} ({:+.2f})", c.sentiment_label, *c.sentiment));
      out_ << line << '\n';
    }
  }

  // After the entity list: the words made from names, marked in the text but
  // no entities ("US-Präsident" is no place), on wrapped lines.
  void name_words() {
    if (r_.name_words.empty()) return;
    section(fmt::format("Words made from names, no entities ({})", r_.name_words.size()));
    Wrapper w(out_, width_, "  ");
    for (std::size_t i = 0; i < r_.name_words.size(); ++i) {
      const auto& c = r_.name_words[i];
      // One word made from a name with its tag and count never breaks.
      const std::string item =
          fmt::format("{} {} {}x{}", c.name, c.label, c.mentions, i + 1 < r_.name_words.size() ? "," : "");
      w.glued(item, columns(item));
      w.text(" ");
    }
    w.finish();
  }

  void quotes() {
    if (r_.quotes.empty()) return;
    section(fmt::format("Quotes ({})", r_.quotes.size()));
    for (const auto& q : r_.quotes) {
      std::string who = q.speaker.empty() ? "(no speaker)" : q.speaker;
      std::string line = "  " + bold(who) + " · " + q.kind;
      if (!q.cue.empty()) line += " · cue \"" + q.cue + "\"";
      out_ << line << '\n';
      wrapped(r_.slice(q.range), "    ");  // the span carries its own quotation marks, if any
    }
  }

  void timexes() {
    if (r_.timexes.empty()) return;
    section(fmt::format("Times ({})", r_.timexes.size()));
    for (const auto& t : r_.timexes) {
      std::string line = "  " + std::string(r_.slice(t.range)) + "  →  " + bold(t.value);
      if (!t.type.empty()) line += dim("  " + t.type);
      if (!t.mod.empty()) line += dim(" " + t.mod);
      out_ << line << '\n';
    }
  }

  void sentences() {
    if (r_.sentences.empty() && !r_.document_sentiment) return;
    section("Sentiment");
    if (r_.document_sentiment) {
      out_ << fmt::format("  document  {:+.2f} {}\n", r_.document_sentiment->score,
                          r_.document_sentiment->label);
    }
    for (const auto& s : r_.sentences) {
      std::string excerpt(r_.slice(s.range));
      for (char& c : excerpt) c = (c == '\n' || c == '\t') ? ' ' : c;
      const std::size_t room = width_ > 20 ? width_ - 18 : 2;
      if (columns(excerpt) > room) {
        std::size_t cut = 0, cols = 0;
        while (cut < excerpt.size() && cols < room - 1) {
          ++cut;
          while (cut < excerpt.size() && (static_cast<unsigned char>(excerpt[cut]) & 0xC0) == 0x80) ++cut;
          ++cols;
        }
        excerpt = excerpt.substr(0, cut) + "…";
      }
      out_ << fmt::format("  {:+.2f} {:<4}  {}\n", s.score, s.label, excerpt);
    }
  }

  void messages(std::string_view title, const std::vector<core::RecordError>& items) {
    if (items.empty()) return;
    section(fmt::format("{} ({})", title, items.size()));
    for (const auto& m : items) wrapped(m.plugin + ": " + m.message, "  ");
  }

  const ShowRecord& r_;
  bool color_;
  std::size_t width_;
  std::ostream& out_;
};

}  // namespace

void render_text(const ShowRecord& record, const TextStyle& style, std::ostream& out) {
  Renderer(record, style, out).run();
}

}  // namespace tagwerk::cli
