// The templates of `tagwerk new-plugin`, embedded in the binary. Each is a
// complete file once its placeholders are replaced (see the header).
#include "new_plugin_templates.hpp"

namespace tagwerk::cli::templates {

const char* const kChain = R"tw(# @NAME@ after segment, which makes the tokens it reads:
#   tagwerk run -P @NAME@/build --chain @NAME@/@NAME@.toml input.jsonl
# The chain reference: docs/chains.md of tagwerk.

[[step]]
use = "segment"

[[step]]
use = "@NAME@"
min_length = 8
)tw";

const char* const kTest =
    R"tw(// Tests of @NAME@ on the tagwerk test harness: segment (installed with tagwerk)
// and the plugin as built here run in-process, through the host's loader and
// chain checks, as `tagwerk run` runs them. Run them with `ctest` in the build folder.
#include <tagwerk/testing.hpp>

#include <gtest/gtest.h>

#include <string>

namespace {

// segment makes the tokens; the plugin under test runs after it.
std::string chain(int min_length) {
  return "[[step]]\nuse = \"segment\"\n\n[[step]]\nuse = \"@NAME@\"\nmin_length = " +
         std::to_string(min_length) + "\n";
}

}  // namespace

TEST(@CLASS@, MarksLongWordsAfterSegment) {
  const tagwerk::testing::Harness harness(tagwerk::testing::plugins_under_test(), chain(8));
  const auto r =
      harness.run("Die Bundeskanzlerin traf den Präsidenten in Hamburg.", {{"id", "t1"}, {"lang", "de"}});
  ASSERT_TRUE(r.ok()) << r.messages();

  const auto& marked = r.layer("@IDENT@");
  ASSERT_EQ(marked.size(), 2u);
  EXPECT_EQ(marked[0].text, "Bundeskanzlerin");
  EXPECT_EQ(marked[0].label, "long");
  EXPECT_EQ(marked[0].integer("length"), 15);
  EXPECT_EQ(marked[1].string("word"), "Präsidenten");
  EXPECT_EQ(marked[1].integer("length"), 12);  // bytes: 'ä' is two
  EXPECT_EQ(r.doc_attr("@IDENT@_count").integer, 2);
  // The record as `tagwerk run` writes it (offsets in code points).
  EXPECT_NE(r.record.find(R"("@IDENT@":[{"begin":4,"end":19,"label":"long","length":15,)"), std::string::npos)
      << r.record;
}

TEST(@CLASS@, MarksNothingInShortWords) {
  const tagwerk::testing::Harness harness(tagwerk::testing::plugins_under_test(), chain(100));
  const auto r = harness.run("Kurz und gut.");
  ASSERT_TRUE(r.ok()) << r.messages();
  EXPECT_TRUE(r.layer("@IDENT@").empty());
  EXPECT_EQ(r.doc_attr("@IDENT@_count").integer, 0);
}

TEST(@CLASS@, RefusesAMinLengthBelowOne) {
  EXPECT_THROW(tagwerk::testing::Harness(tagwerk::testing::plugins_under_test(), chain(0)),
               tagwerk::testing::SetupError);
}
)tw";

const char* const kReadme = R"tw(# @NAME@

A tagwerk plugin, written by `tagwerk new-plugin`. It marks words of at least
`min_length` bytes (layer `@IDENT@`, with attributes `length` and `word`, and
the document attribute `@IDENT@_count`); replace that rule with your own.

```sh
cmake -S @NAME@ -B @NAME@/build -DCMAKE_PREFIX_PATH=<tagwerk prefix>   # Release by default
cmake --build @NAME@/build
ctest --test-dir @NAME@/build --output-on-failure
tagwerk inspect @NAME@ -P @NAME@/build
tagwerk run -P @NAME@/build --chain @NAME@/@NAME@.toml input.jsonl
```

`cmake --install @NAME@/build --prefix <tagwerk prefix>` puts it beside the
shipped plugins, where `tagwerk` finds it without `-P`. The plugin guide
(docs/plugin-guide.md of tagwerk) explains every call.
)tw";

const char* const kGitignore = "build/\n";

const char* const kCMakeLists =
    R"tw(# @NAME@: a tagwerk plugin @KIND@ (written by `tagwerk new-plugin@FLAGS@`).
#   cmake -S @NAME@ -B @NAME@/build -DCMAKE_PREFIX_PATH=<tagwerk prefix>
#   cmake --build @NAME@/build && ctest --test-dir @NAME@/build
#   tagwerk run -P @NAME@/build --chain @NAME@/@NAME@.toml input.jsonl
cmake_minimum_required(VERSION 3.25)
project(@IDENT@ LANGUAGES @LANGUAGES@)

# Plugins run over whole corpora: optimised unless asked otherwise.
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE Release CACHE STRING "Build type" FORCE)
endif()

find_package(tagwerk 0.1 REQUIRED)

# The plugin: @NAME@.so in the build folder (target tagwerk_plugin_@NAME@),
# installed to lib/tagwerk/plugins.
tagwerk_add_plugin(@NAME@ SOURCES @SOURCE@)
@STANDARD@
# Its tests on the tagwerk test harness, registered with ctest.
enable_testing()
tagwerk_add_plugin_test(@IDENT@_test SOURCES @IDENT@_test.cpp PLUGINS @NAME@)
)tw";

const char* const kCppSource = R"tw(// @NAME@: marks words of at least min_length bytes -- a starting point
// written by `tagwerk new-plugin`. It reads segment's tokens, declares what it
// writes (the layer @IDENT@ with its attributes, a document attribute) and
// writes it. Replace the rule in process() with your own.
#include <tagwerk/plugin.hpp>

#include <cstdint>
#include <string_view>

class @CLASS@ {
 public:
  // Once per chain step: read parameters and load data here; throwing refuses the chain.
  explicit @CLASS@(const tagwerk::Config& config) : min_length_(config.get_int("min_length")) {
    if (min_length_ < 1) throw tagwerk::Error("min_length must be at least 1");
  }

  // Once per document, from several threads at once: keep the object read-only.
  void process(tagwerk::Document& doc) {
    const std::string_view text = doc.text();
    const tagwerk::Spans tokens = doc.layer("token").spans();  // one host call, then plain memory
    tagwerk::Layer out = doc.create_layer("@IDENT@");
    std::int64_t count = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const tagwerk::Span& token = tokens[i];  // byte offsets into text, end exclusive
      const std::int64_t length = token.end - token.begin;
      if (tokens.label(i) != "word" || length < min_length_) continue;
      const std::size_t s = out.add(token.begin, token.end, "long");
      out.set(s, "length", length);
      out.set(s, "word", text.substr(token.begin, token.end - token.begin));
      ++count;
    }
    doc.set("@IDENT@_count", count);
  }

 private:
  std::int64_t min_length_;
};

TAGWERK_PLUGIN(@CLASS@,
               tagwerk::Info()
                   .name("@NAME@")
                   .version("0.1.0")
                   .summary("Marks words of at least min_length bytes")
                   .license("NOASSERTION")
                   .requires_inputs({"token"})
                   .provides("@IDENT@", "A word of at least min_length bytes; label long",
                             {{"length", tagwerk::Type::Int, "its length in bytes", ""},
                              {"word", tagwerk::Type::String, "its text", ""}})
                   .doc_attr("@IDENT@_count", tagwerk::Type::Int, "how many words it marked")
                   .param("min_length", tagwerk::ParamType::Int, "8", "shortest word marked, in bytes"))
)tw";

const char* const kCSource = R"tw(/* @NAME@: marks words of at least min_length bytes -- a starting point
 * written by `tagwerk new-plugin --lang c`, in plain C99 against <tagwerk/abi.h>
 * alone. It reads segment's tokens, declares what it writes (the layer @IDENT@
 * with its attributes, a document attribute) and writes it. Replace the rule
 * in process() with your own. */
#include <tagwerk/abi.h>

#include <stdlib.h>
#include <string.h>

typedef struct instance {
  const tw_host_api* host;
  int64_t min_length;
} instance;

static tw_str str(const char* s) {
  tw_str out;
  out.data = s;
  out.size = strlen(s);
  return out;
}

/* A value to hand to the host: struct_size set, every other field zero. */
static tw_value value(uint32_t type) {
  tw_value v;
  memset(&v, 0, sizeof v);
  v.struct_size = (uint32_t)sizeof v;
  v.type = type;
  return v;
}

/* Once per chain step, on the main thread: read parameters, load data. */
static void* create(const tw_host_api* host, tw_context* ctx, const tw_params* params) {
  instance* self;
  tw_value min_length = value(TW_VALUE_NONE);
  if (host->abi_major != TW_ABI_MAJOR || !TW_HOST_HAS(host, attr_get)) {
    if (host->abi_major == TW_ABI_MAJOR && TW_HOST_HAS(host, context_error))
      host->context_error(ctx, str("the host's ABI is older than this plugin's; update tagwerk"));
    return NULL;
  }
  if (host->param_get(params, str("min_length"), &min_length) != TW_OK || min_length.type != TW_VALUE_INT) {
    host->context_error(ctx, str("parameter min_length is not set"));
    return NULL;
  }
  if (min_length.i < 1) {
    host->context_error(ctx, str("min_length must be at least 1"));
    return NULL;
  }
  self = (instance*)malloc(sizeof *self);
  if (self == NULL) {
    host->context_error(ctx, str("out of memory"));
    return NULL;
  }
  self->host = host;
  self->min_length = min_length.i;
  return self;
}

/* Once per document, from several threads at once: only reads the instance.
 * A host call that refuses has already put the reason on the record, so its
 * status is returned as it is. */
static tw_status process(void* inst, void* scratch, tw_doc* doc) {
  const instance* self = (const instance*)inst;
  const tw_host_api* host = self->host;
  const tw_str text = host->doc_text(doc);
  tw_layer* tokens = host->layer_find(doc, str("token"));
  tw_layer* out;
  tw_span_view view;
  tw_value v;
  tw_status status;
  int64_t count = 0;
  size_t i;
  (void)scratch;
  if (tokens == NULL) {
    host->doc_error(doc, str("no token layer; run segment before this step"));
    return TW_ERROR;
  }
  memset(&view, 0, sizeof view);
  view.struct_size = (uint32_t)sizeof view;
  /* One call for all tokens: then plain memory, item_size bytes apart. */
  if ((status = host->layer_view(tokens, &view)) != TW_OK) return status;
  if ((out = host->layer_create(doc, str("@IDENT@"))) == NULL) return TW_DENIED;
  for (i = 0; i < view.count; ++i) {
    const tw_span* token = (const tw_span*)((const char*)view.spans + i * view.item_size);
    const tw_str label = token->label < view.label_count ? view.labels[token->label] : str("");
    const int64_t length = (int64_t)token->end - (int64_t)token->begin;
    size_t index = 0;
    if (label.size != 4 || memcmp(label.data, "word", 4) != 0 || length < self->min_length) continue;
    if ((status = host->span_add(out, token->begin, token->end, str("long"), &index)) != TW_OK) return status;
    v = value(TW_VALUE_INT);
    v.i = length;
    if ((status = host->attr_set(out, index, str("length"), &v)) != TW_OK) return status;
    v = value(TW_VALUE_STRING);
    v.s.data = text.data + token->begin;
    v.s.size = (size_t)length;
    if ((status = host->attr_set(out, index, str("word"), &v)) != TW_OK) return status;
    ++count;
  }
  v = value(TW_VALUE_INT);
  v.i = count;
  return host->doc_attr_set(doc, str("@IDENT@_count"), &v);
}

/* Once, on the main thread, after the run. */
static void destroy(void* inst) {
  free(inst);
}

/* The descriptor: static, read by `tagwerk plugins` and `inspect` without
 * running anything. */
static const char* const languages[] = {"*", NULL};
static const char* const requires_inputs[] = {"token", NULL};
static const char* const optional_inputs[] = {NULL};
static const tw_attr_spec attrs[] = {
    {"length", TW_VALUE_INT, "its length in bytes", NULL},
    {"word", TW_VALUE_STRING, "its text", NULL},
};
static const tw_layer_spec provides[] = {
    {"@IDENT@", "A word of at least min_length bytes; label long", attrs, sizeof attrs / sizeof attrs[0],
     sizeof(tw_attr_spec)},
};
static const tw_attr_spec doc_attrs[] = {
    {"@IDENT@_count", TW_VALUE_INT, "how many words it marked", NULL},
};
static const tw_param_spec params[] = {
    {"min_length", TW_PARAM_INT, "8", "shortest word marked, in bytes", 0},
};
static const tw_plugin_v2 descriptor = {
    TW_ABI_MAJOR,
    TW_ABI_MINOR,
    (uint32_t)sizeof(tw_plugin_v2),
    "@NAME@",
    "0.1.0",
    "Marks words of at least min_length bytes",
    "NOASSERTION",
    languages,
    requires_inputs,
    optional_inputs,
    provides,
    sizeof provides / sizeof provides[0],
    sizeof(tw_layer_spec),
    doc_attrs,
    sizeof doc_attrs / sizeof doc_attrs[0],
    sizeof(tw_attr_spec),
    params,
    sizeof params / sizeof params[0],
    sizeof(tw_param_spec),
    TW_PLUGIN_THREAD_SAFE,
    create,
    NULL, /* scratch_create: no per-thread state */
    NULL, /* scratch_destroy */
    process,
    destroy,
};

TW_EXPORT const tw_plugin_v2* tagwerk_plugin_v2(void) {
  return &descriptor;
}
)tw";

}  // namespace tagwerk::cli::templates
