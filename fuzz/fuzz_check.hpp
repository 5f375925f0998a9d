// fuzz_check.hpp -- what the harnesses share: a check that stops the fuzzer
// like a crash (a broken promise of a header is a finding too), and a test
// that a writer's output is one JSON object.
#pragma once

#include <simdjson.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace tagwerk::fuzz {

/// Aborts with `what` (and `detail`, when given) unless `ok`.
inline void check(bool ok, std::string_view what, std::string_view detail = {}) {
  if (ok) return;
  std::fprintf(stderr, "fuzz check failed: %.*s\n", static_cast<int>(what.size()), what.data());
  if (!detail.empty()) std::fprintf(stderr, "  %.*s\n", static_cast<int>(detail.size()), detail.data());
  std::abort();
}

namespace detail {

/// A strict RFC 8259 reader that only says whether `s` from `i` on holds one
/// value. Written here rather than taken from simdjson, which refuses integers
/// beyond 64 bits that the writer rightly passes through.
class JsonGrammar {
 public:
  explicit JsonGrammar(std::string_view s) : s_(s) {}
  bool document() {
    space();
    if (!value(0)) return false;
    space();
    return i_ == s_.size();
  }

 private:
  bool value(int depth) {
    if (depth > 1000 || i_ >= s_.size()) return false;
    switch (s_[i_]) {
      case '{':
        return container(depth, '}', true);
      case '[':
        return container(depth, ']', false);
      case '"':
        return string();
      case 't':
        return word("true");
      case 'f':
        return word("false");
      case 'n':
        return word("null");
      default:
        return number();
    }
  }
  bool container(int depth, char close, bool object) {
    ++i_;
    space();
    if (i_ < s_.size() && s_[i_] == close) return ++i_, true;
    for (;;) {
      if (object) {
        if (!string()) return false;
        space();
        if (i_ >= s_.size() || s_[i_++] != ':') return false;
        space();
      }
      if (!value(depth + 1)) return false;
      space();
      if (i_ >= s_.size()) return false;
      const char c = s_[i_++];
      if (c == close) return true;
      if (c != ',') return false;
      space();
    }
  }
  bool string() {
    if (i_ >= s_.size() || s_[i_] != '"') return false;
    for (++i_; i_ < s_.size(); ++i_) {
      const auto c = static_cast<unsigned char>(s_[i_]);
      if (c == '"') return ++i_, true;
      if (c < 0x20) return false;
      if (c != '\\') continue;
      if (++i_ >= s_.size()) return false;
      if (s_[i_] == 'u') {
        for (int k = 0; k < 4; ++k)
          if (++i_ >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[i_]))) return false;
      } else if (std::string_view("\"\\/bfnrt").find(s_[i_]) == std::string_view::npos) {
        return false;
      }
    }
    return false;
  }
  bool number() {
    auto digits = [&] {
      const std::size_t start = i_;
      while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
      return i_ > start;
    };
    if (i_ < s_.size() && s_[i_] == '-') ++i_;
    if (i_ < s_.size() && s_[i_] == '0')
      ++i_;
    else if (!digits())
      return false;
    if (i_ < s_.size() && s_[i_] == '.' && (++i_, !digits())) return false;
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (!digits()) return false;
    }
    return true;
  }
  bool word(std::string_view w) {
    if (s_.substr(i_, w.size()) != w) return false;
    i_ += w.size();
    return true;
  }
  void space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r')) ++i_;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace detail

/// Checks that a writer's `json` is one JSON object, in UTF-8, on one line.
inline void check_json(std::string_view json) {
  const std::string_view head = json.substr(0, 2000);
  check(!json.empty() && json[0] == '{' && detail::JsonGrammar(json).document(),
        "the writer wrote invalid JSON", head);
  check(simdjson::validate_utf8(json.data(), json.size()), "the writer wrote ill-formed UTF-8", head);
  check(json.find('\n') == std::string_view::npos, "the writer wrote a line break", head);
}

}  // namespace tagwerk::fuzz
