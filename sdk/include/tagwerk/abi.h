/* tagwerk/abi.h -- the stable C ABI between the tagwerk host and its plugins.
 *
 * This header is the whole contract: a plugin written in plain C99 against it
 * alone is a complete tagwerk plugin. Only C types cross the boundary; every
 * struct begins with abi_major, abi_minor and struct_size and only ever grows
 * at the end. A new field bumps TW_ABI_MINOR; anything else bumps TW_ABI_MAJOR,
 * and the host refuses a plugin whose major differs from its own.
 *
 * Ownership: whoever allocates frees. Strings handed across are (pointer,
 * size) UTF-8 slices, not NUL-terminated unless said otherwise, and are
 * borrowed: valid for the duration of the call unless said otherwise.
 */
#ifndef TAGWERK_ABI_H
#define TAGWERK_ABI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TW_ABI_MAJOR 1
#define TW_ABI_MINOR 0

/* The one symbol a plugin library exports. */
#define TW_ENTRY_POINT_NAME "tagwerk_plugin_v1"

#if defined(_WIN32)
#define TW_EXPORT __declspec(dllexport)
#else
#define TW_EXPORT __attribute__((visibility("default")))
#endif

/* ---------------------------------------------------------------- basics */

/* A borrowed UTF-8 slice. data may be NULL only when size is 0. */
typedef struct tw_str {
  const char* data;
  size_t size;
} tw_str;

/* Status of a call. TW_OK is 0; every other value is a failure whose message
 * was handed to the host through tw_host_api.doc_error or context_error. */
typedef enum tw_status {
  TW_OK = 0,
  TW_ERROR = 1,        /* the plugin failed on this document or setup */
  TW_INVALID = 2,      /* an argument was out of range (bad index, wrong layer) */
  TW_NOT_FOUND = 3,    /* the asked-for layer, attribute or parameter does not exist */
  TW_TYPE_MISMATCH = 4 /* the attribute or parameter exists with another type */
} tw_status;

/* Opaque host objects. */
typedef struct tw_context tw_context; /* one plugin instance's host side: logging, setup errors, data dir */
typedef struct tw_params tw_params;   /* the resolved parameters of one chain step */
typedef struct tw_doc tw_doc;         /* one document while it is processed */
typedef struct tw_layer tw_layer;     /* one named layer of a document */

/* ------------------------------------------------------------ annotations */

/* begin/end of a span that has no extent in the text (for example the
 * entity-targeted sentiment record, which points at another span instead). */
#define TW_NO_OFFSET UINT32_MAX

/* One span as stored by the host: byte offsets into the document text,
 * end exclusive. Layers hand these out as a contiguous array. */
typedef struct tw_span {
  uint32_t begin;
  uint32_t end;
} tw_span;

/* A contiguous, read-only view of a layer's spans, in insertion order. Valid
 * until the next span is added to that layer (or the document is released). */
typedef struct tw_span_view {
  const tw_span* data;
  size_t count;
} tw_span_view;

typedef enum tw_value_type {
  TW_VALUE_NONE = 0,
  TW_VALUE_STRING = 1,
  TW_VALUE_INT = 2,
  TW_VALUE_FLOAT = 3,
  TW_VALUE_BOOL = 4,
  TW_VALUE_REF = 5 /* a reference to a span of some layer: (layer, index) */
} tw_value_type;

/* A typed attribute value. For TW_VALUE_STRING, s is borrowed from the host
 * and valid until the attribute is set again or the document is released. */
typedef struct tw_value {
  tw_value_type type;
  tw_str s;
  int64_t i;
  double f;
  int b;
  const tw_layer* ref_layer;
  size_t ref_index;
} tw_value;

/* ------------------------------------------------------------- parameters */

typedef enum tw_param_type {
  TW_PARAM_STRING = 1,
  TW_PARAM_INT = 2,
  TW_PARAM_FLOAT = 3,
  TW_PARAM_BOOL = 4,
  TW_PARAM_PATH = 5 /* a string the host resolves relative to the chain file */
} tw_param_type;

/* One declared parameter. All strings are NUL-terminated and static. */
typedef struct tw_param_spec {
  const char* name;
  tw_param_type type;
  const char* default_value; /* textual default ("0.5", "true", "de"); NULL = none */
  const char* help;
  int required; /* nonzero: the chain must set it */
} tw_param_spec;

/* ------------------------------------------------------------ host table */

typedef enum tw_log_level {
  TW_LOG_TRACE = 0,
  TW_LOG_DEBUG = 1,
  TW_LOG_INFO = 2,
  TW_LOG_WARN = 3,
  TW_LOG_ERROR = 4
} tw_log_level;

/* The functions the host offers a plugin. Handed to create() and valid while
 * the instance lives. Every function may be called from several threads at
 * once for different documents; a tw_doc and its layers are only ever touched
 * by the one thread processing it. Before calling a function added in a later
 * minor version, check that struct_size covers it (TW_HOST_HAS). */
typedef struct tw_host_api {
  uint32_t abi_major;
  uint32_t abi_minor;
  uint32_t struct_size;

  /* Logging through the host's logger, tagged with the plugin's name. */
  void (*log)(tw_context* ctx, tw_log_level level, tw_str message);
  /* Records why create() failed; create() then returns NULL. */
  void (*context_error)(tw_context* ctx, tw_str message);
  /* The folder with the plugin's shipped data (lexicons, rules, models);
   * size 0 when the plugin has none. Valid while the instance lives. */
  tw_str (*data_dir)(tw_context* ctx);

  /* Parameters: each returns TW_OK and writes *out, TW_NOT_FOUND for an
   * undeclared name, TW_TYPE_MISMATCH for another declared type. The host has
   * filled in defaults, so a declared parameter with a default is always set;
   * one without a default that the chain did not set is TW_NOT_FOUND.
   * String results are valid while the instance lives. */
  tw_status (*param_string)(const tw_params* params, tw_str name, tw_str* out);
  tw_status (*param_int)(const tw_params* params, tw_str name, int64_t* out);
  tw_status (*param_float)(const tw_params* params, tw_str name, double* out);
  tw_status (*param_bool)(const tw_params* params, tw_str name, int* out);

  /* The document. text is the whole UTF-8 text, valid while the document is
   * processed. meta returns the metadata field (id, title, date, lang, source,
   * url, or any passed-through string field); size 0 when absent. */
  tw_str (*doc_text)(const tw_doc* doc);
  tw_str (*doc_meta)(const tw_doc* doc, tw_str key);
  /* Reports that this plugin failed on this document: the message goes into
   * the record's errors with the plugin's name. Call it before returning a
   * non-OK status from process(); it may also be used as a warning. */
  void (*doc_error)(tw_doc* doc, tw_str message);

  /* Layers. find returns NULL when the document has no such layer; create
   * returns the existing layer of that name or a new empty one. */
  tw_layer* (*layer_find)(tw_doc* doc, tw_str name);
  tw_layer* (*layer_create)(tw_doc* doc, tw_str name);
  tw_span_view (*layer_spans)(const tw_layer* layer);
  tw_str (*layer_name)(const tw_layer* layer);

  /* Appends a span; returns its index, or (size_t)-1 when begin/end are out
   * of the text or not on UTF-8 boundaries (use TW_NO_OFFSET for both to add
   * a span without extent). label may be empty. */
  size_t (*span_add)(tw_layer* layer, uint32_t begin, uint32_t end, tw_str label);
  tw_str (*span_label)(const tw_layer* layer, size_t index);

  /* Attributes of a span, by name. The setters return TW_INVALID for an index
   * out of range (or, for refs, a target that does not exist). get returns
   * TW_NOT_FOUND when the span has no such attribute. */
  tw_status (*attr_set_string)(tw_layer* layer, size_t index, tw_str key, tw_str value);
  tw_status (*attr_set_int)(tw_layer* layer, size_t index, tw_str key, int64_t value);
  tw_status (*attr_set_float)(tw_layer* layer, size_t index, tw_str key, double value);
  tw_status (*attr_set_bool)(tw_layer* layer, size_t index, tw_str key, int value);
  tw_status (*attr_set_ref)(tw_layer* layer, size_t index, tw_str key, const tw_layer* target,
                            size_t target_index);
  tw_status (*attr_get)(const tw_layer* layer, size_t index, tw_str key, tw_value* out);
} tw_host_api;

#define TW_HOST_HAS(api, member) ((api)->struct_size >= offsetof(tw_host_api, member) + sizeof((api)->member))

/* ------------------------------------------------------------- descriptor */

/* process() may be called from several threads at once. Without this flag
 * the host serializes the calls to one instance. */
#define TW_PLUGIN_THREAD_SAFE 0x1u

/* What a plugin is and how to run it. Static: lives as long as the library.
 * String arrays are NULL-terminated lists of NUL-terminated strings. */
typedef struct tw_plugin_v1 {
  uint32_t abi_major;
  uint32_t abi_minor;
  uint32_t struct_size;

  const char* name;                   /* [a-z][a-z0-9_-]*, unique among loaded plugins */
  const char* version;                /* semantic version, "1.2.0" */
  const char* summary;                /* one line */
  const char* license;                /* SPDX expression of the plugin and its data */
  const char* const* languages;       /* ISO 639-1 codes; "*" = any */
  const char* const* requires_layers; /* layers that must exist before this step */
  const char* const* provides_layers; /* layers this step creates or extends */
  const tw_param_spec* params;
  size_t param_count;
  uint32_t flags; /* TW_PLUGIN_THREAD_SAFE */

  /* 1. create: once per chain step, from the main thread. Reads parameters,
   *    loads data. Returns the instance, or NULL after context_error(). */
  void* (*create)(const tw_host_api* host, tw_context* ctx, const tw_params* params);
  /* 2. scratch_create: once per worker thread, on that thread, before its
   *    first process(); the result is passed to every process() on that
   *    thread. scratch_destroy: after the run, from the main thread. Both may
   *    be NULL (scratch is then NULL). */
  void* (*scratch_create)(void* instance);
  void (*scratch_destroy)(void* instance, void* scratch);
  /* 3. process: once per document, possibly from several threads at once
   *    (see TW_PLUGIN_THREAD_SAFE). Returns TW_OK, or another status after
   *    doc_error(). Must not let anything propagate (no C++ exception). */
  tw_status (*process)(void* instance, void* scratch, tw_doc* doc);
  /* 4. destroy: once, from the main thread, after every scratch is gone. */
  void (*destroy)(void* instance);
} tw_plugin_v1;

/* The entry point's type: returns the static descriptor, never NULL. It must
 * do no more than build that descriptor: listing plugins calls it. */
typedef const tw_plugin_v1* (*tw_entry_point_fn)(void);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* TAGWERK_ABI_H */
