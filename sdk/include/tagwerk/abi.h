/* tagwerk/abi.h -- the stable C ABI between the tagwerk host and its plugins.
 *
 * This header is the whole contract: a plugin written in plain C99 against it
 * alone is a complete tagwerk plugin. Only C types cross the boundary.
 *
 * How the ABI grows (the rules every change to this file follows):
 *   1. A struct that is handed across alone (the descriptor, the host table,
 *      tw_value and the view structs) begins with its struct_size. Fields are
 *      only ever added at the end, and each addition bumps TW_ABI_MINOR.
 *   2. A struct the *caller* fills for the callee to read (tw_value passed to
 *      a setter, the descriptor) carries the caller's sizeof; the callee reads
 *      no field beyond it and treats a missing field as zero.
 *   3. A struct the *callee* fills (tw_value passed to a getter, the views)
 *      is handed over with struct_size set by the caller to its own sizeof;
 *      the callee writes no byte beyond it.
 *   4. Arrays of structs (parameter, layer and attribute specs; spans in a
 *      view) carry their element size next to their count, and are walked
 *      with that stride, so their element structs grow by rule 1 too without
 *      a size field of their own.
 *   5. Functions are only ever added at the end of tw_host_api. A plugin that
 *      calls a function added in minor N checks TW_HOST_HAS first (the C++
 *      wrapper does it for you).
 *   6. Anything else (removing, reordering, retyping a field, changing what a
 *      function means) bumps TW_ABI_MAJOR and renames the entry point; the
 *      host refuses a plugin of another major with a message naming both.
 *
 * Ownership: whoever allocates frees. Strings handed across are (pointer,
 * size) UTF-8 slices, not NUL-terminated unless said otherwise. Strings the
 * host hands out while a document is processed (its text, metadata, labels,
 * attribute values, list items) stay valid until the document is released,
 * whatever is added to it meanwhile. Strings a plugin hands in are copied.
 *
 * Errors: no host function throws, aborts or crashes on a bad argument. A
 * misuse (a NULL or foreign handle, an index out of range, a span off the
 * text, a write the step did not declare) returns a status and puts one error
 * on the record naming the plugin and what it did; the run goes on.
 */
#ifndef TAGWERK_ABI_H
#define TAGWERK_ABI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TW_ABI_MAJOR 2
/* Minor 1: TW_PARAM_STRING_LIST (a parameter read as a TW_VALUE_STRING_LIST). */
#define TW_ABI_MINOR 1

/* The one symbol a plugin library exports; its name carries the major. */
#define TW_ENTRY_POINT_NAME "tagwerk_plugin_v2"

#if defined(_WIN32)
#define TW_EXPORT __declspec(dllexport)
#else
#define TW_EXPORT __attribute__((visibility("default")))
#endif

/* ---------------------------------------------------------------- basics */

/* A UTF-8 slice. data may be NULL only when size is 0. */
typedef struct tw_str {
  const char* data;
  size_t size;
} tw_str;

/* Status of a call. TW_OK is 0; every other value is a failure. */
typedef enum tw_status {
  TW_OK = 0,
  TW_ERROR = 1,         /* the plugin failed on this document or its setup */
  TW_INVALID = 2,       /* an argument was bad: NULL or foreign handle, index out of
                           range, span off the text or off a character boundary */
  TW_NOT_FOUND = 3,     /* the layer, attribute or parameter does not exist */
  TW_TYPE_MISMATCH = 4, /* it exists with another type than asked or declared */
  TW_DENIED = 5,        /* a write this step did not declare (a layer not in its
                           provides, an attribute not in that layer's schema) */
  TW_NO_MEMORY = 6      /* the host ran out of memory; the record carries an error */
} tw_status;

/* Opaque host objects. */
typedef struct tw_context tw_context; /* one plugin instance's host side: logging, setup errors, data */
typedef struct tw_params tw_params;   /* the resolved parameters of one chain step */
typedef struct tw_doc tw_doc;         /* one document while it is processed */
typedef struct tw_layer tw_layer;     /* one named layer of a document */

/* ------------------------------------------------------------ annotations */

/* begin/end of a span that has no extent in the text (for example the
 * entity-targeted sentiment record, which points at another span instead). */
#define TW_NO_OFFSET UINT32_MAX

/* One span as stored by the host: byte offsets into the document text, end
 * exclusive, and its label as an index into the layer's label table (0 is the
 * empty label). Handed out as an array of tw_span_view.item_size strides. */
typedef struct tw_span {
  uint32_t begin;
  uint32_t end;
  uint32_t label;
} tw_span;

/* A read-only view of a layer: its spans in insertion order and the table
 * their labels index. spans[] is valid until the next span is added to the
 * layer; labels[] strings until the document is released (the table itself
 * may move when a new label is added). Filled by layer_view (rule 3). */
typedef struct tw_span_view {
  uint32_t struct_size;
  const tw_span* spans; /* count items, item_size bytes apart */
  size_t count;
  size_t item_size;
  const tw_str* labels; /* label_count entries; labels[0] is the empty label */
  size_t label_count;
} tw_span_view;

/* Attribute value types. A list type is its item type | TW_VALUE_LIST. */
typedef enum tw_value_type {
  TW_VALUE_NONE = 0,
  TW_VALUE_STRING = 1,
  TW_VALUE_INT = 2,
  TW_VALUE_FLOAT = 3,
  TW_VALUE_BOOL = 4,
  TW_VALUE_REF = 5, /* a reference to a span of one target layer, by index */
  TW_VALUE_LIST = 0x10,
  TW_VALUE_STRING_LIST = 0x11, /* items: tw_str */
  TW_VALUE_INT_LIST = 0x12,    /* items: int64_t */
  TW_VALUE_FLOAT_LIST = 0x13,  /* items: double */
  TW_VALUE_REF_LIST = 0x15     /* items: uint64_t span indices into target */
} tw_value_type;

/* A typed value: an attribute, a document attribute or a parameter. Which
 * fields count depends on type; the others are zero. Set struct_size to
 * sizeof(tw_value) whether you fill it or hand it out to be filled. */
typedef struct tw_value {
  uint32_t struct_size;
  uint32_t type;          /* tw_value_type */
  tw_str s;               /* STRING */
  int64_t i;              /* INT; BOOL as 0 or 1 */
  double f;               /* FLOAT */
  const tw_layer* target; /* REF, REF_LIST: the layer referenced */
  uint64_t ref;           /* REF: the span's index in target */
  const void* items;      /* lists: count items of the item type above */
  size_t count;           /* lists */
} tw_value;

/* A list as stored in a column of a list type: items of the item type. */
typedef struct tw_list {
  const void* items;
  size_t count;
} tw_list;

/* One attribute of a layer for all its spans at once, filled by layer_column
 * (rule 3). items[i] belongs to span i: tw_str for STRING, int64_t for INT,
 * double for FLOAT, uint8_t (0/1) for BOOL, uint64_t for REF, tw_list for the
 * list types. count may be smaller than the layer's span count when the last
 * spans have no value; present[i] is nonzero when span i has a value (NULL:
 * every span below count has one). Valid until the attribute is next set on
 * any span, or the document is released; the strings it points at, until
 * the document is released. */
typedef struct tw_column_view {
  uint32_t struct_size;
  uint32_t type; /* tw_value_type of the items */
  const void* items;
  size_t count;
  size_t item_size;
  const uint8_t* present;
  const tw_layer* target; /* REF, REF_LIST */
} tw_column_view;

/* ---------------------------------------------------------------- schemas */

/* One declared attribute: of a provided layer, or of the document. All
 * strings are NUL-terminated and live as long as the library. */
typedef struct tw_attr_spec {
  const char* name;   /* [a-z][a-z0-9_]* */
  uint32_t type;      /* tw_value_type; NONE is refused */
  const char* help;   /* one line: what it holds, its values */
  const char* target; /* REF, REF_LIST: the layer referenced; else NULL */
} tw_attr_spec;

/* One layer a plugin provides: what its spans are and which attributes they
 * carry. A step may set only attributes its spec declares, of their type. */
typedef struct tw_layer_spec {
  const char* name; /* [a-z][a-z0-9_]* */
  const char* help; /* one line: what a span is; its labels */
  const tw_attr_spec* attrs;
  size_t attr_count;
  size_t attr_size; /* sizeof(tw_attr_spec) as the plugin was built */
} tw_layer_spec;

typedef enum tw_param_type {
  TW_PARAM_STRING = 1,
  TW_PARAM_INT = 2,
  TW_PARAM_FLOAT = 3,
  TW_PARAM_BOOL = 4,
  TW_PARAM_PATH = 5, /* a string the host resolves relative to the chain file and
                        checks for existence before the run */
  /* Minor 1: a list of strings, written in the chain as a TOML array of
   * strings (["a", "b"]) and read through param_get as TW_VALUE_STRING_LIST.
   * Its textual default is a TOML array too ("[]", "[\"a\", \"b\"]"). A host
   * of minor 0 refuses a plugin that declares it, naming the parameter. */
  TW_PARAM_STRING_LIST = 6
} tw_param_type;

/* One declared parameter. All strings are NUL-terminated and static. */
typedef struct tw_param_spec {
  const char* name;
  uint32_t type;             /* tw_param_type */
  const char* default_value; /* textual default ("0.5", "true", "de", "[]"); NULL = none */
  const char* help;
  int32_t required; /* nonzero: the chain must set it */
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
 * by the one thread processing it. None of them throws or crashes on a bad
 * argument (see Errors above). */
typedef struct tw_host_api {
  uint32_t abi_major;
  uint32_t abi_minor;
  uint32_t struct_size;

  /* --- setup: during create(), on the main thread (log: any time) --- */

  /* Logging through the host's logger, tagged with the plugin's name. */
  void (*log)(tw_context* ctx, tw_log_level level, tw_str message);
  /* Records why create() failed; create() then returns NULL. */
  void (*context_error)(tw_context* ctx, tw_str message);
  /* The folder with the plugin's shipped data (lexicons, rules, models);
   * size 0 when the plugin has none. Valid while the instance lives. */
  tw_str (*data_dir)(tw_context* ctx);
  /* Tells the host that create() loaded this data file, for the run's
   * manifest (path and SHA-256). TW_NOT_FOUND when it is no readable file. */
  tw_status (*data_file_loaded)(tw_context* ctx, tw_str path);
  /* A parameter: TW_OK and *out filled (STRING for string and path
   * parameters, INT, FLOAT, BOOL; STRING_LIST for string-list parameters,
   * items pointing at count tw_str, see tw_value_str_item), TW_NOT_FOUND for
   * an undeclared name or one without default that the chain did not set.
   * Defaults are filled in. Path values are resolved. Strings and list items
   * are valid while the instance lives. */
  tw_status (*param_get)(const tw_params* params, tw_str name, tw_value* out);

  /* --- documents: during process(), on the thread processing doc --- */

  /* The whole UTF-8 text. */
  tw_str (*doc_text)(const tw_doc* doc);
  /* A metadata field (id, title, date, lang, source, url, or any string
   * field of the input record); size 0 when absent. */
  tw_str (*doc_meta)(const tw_doc* doc, tw_str key);
  /* This plugin failed on this document: the message goes into the record's
   * errors with the plugin's name, and the run exits 1. Call it before
   * returning a non-OK status from process(). */
  void (*doc_error)(tw_doc* doc, tw_str message);
  /* Something was repaired or doubtful without failing the document: the
   * message goes into the record's warnings. */
  void (*doc_warning)(tw_doc* doc, tw_str message);
  /* Document attributes (written under the record's "doc" key). set: TW_DENIED
   * for a key the descriptor's doc_attrs do not declare, TW_TYPE_MISMATCH for
   * another type. get: TW_NOT_FOUND when not set. */
  tw_status (*doc_attr_set)(tw_doc* doc, tw_str key, const tw_value* value);
  tw_status (*doc_attr_get)(const tw_doc* doc, tw_str key, tw_value* out);

  /* Layers. find: NULL when the document has no such layer. create: the
   * existing layer of that name or a new empty one, ready for writing; NULL
   * (and an error on the record) when the step does not provide it. */
  tw_layer* (*layer_find)(tw_doc* doc, tw_str name);
  tw_layer* (*layer_create)(tw_doc* doc, tw_str name);
  tw_str (*layer_name)(const tw_layer* layer);
  /* Fills *out with the layer's spans and labels (see tw_span_view). */
  tw_status (*layer_view)(const tw_layer* layer, tw_span_view* out);
  /* Fills *out with one attribute's column; TW_NOT_FOUND when no span of the
   * layer has it (out is then an empty view of type NONE). */
  tw_status (*layer_column)(const tw_layer* layer, tw_str key, tw_column_view* out);

  /* Appends a span [begin, end) (byte offsets on UTF-8 boundaries inside the
   * text, or TW_NO_OFFSET for both) and writes its index to *index (may be
   * NULL). TW_INVALID for offsets off the text, TW_DENIED for a layer this
   * step does not provide. label may be empty. */
  tw_status (*span_add)(tw_layer* layer, uint32_t begin, uint32_t end, tw_str label, size_t* index);
  /* Sets attribute key of span index. TW_INVALID for an index out of range or
   * a reference to a span that does not exist (or lives in another document),
   * TW_DENIED for an attribute the layer's schema (this step's) does not
   * declare, TW_TYPE_MISMATCH for another type than declared. */
  tw_status (*attr_set)(tw_layer* layer, size_t index, tw_str key, const tw_value* value);
  /* Reads attribute key of span index into *out. TW_NOT_FOUND when the span
   * has none; TW_INVALID for an index out of range. */
  tw_status (*attr_get)(const tw_layer* layer, size_t index, tw_str key, tw_value* out);
} tw_host_api;

/* Item i of a TW_VALUE_STRING_LIST value (a list parameter, a list
 * attribute); the empty slice when v is no string list or i >= v->count. */
static inline tw_str tw_value_str_item(const tw_value* v, size_t i) {
  tw_str none = {NULL, 0};
  if (v == NULL || v->type != TW_VALUE_STRING_LIST || v->items == NULL || i >= v->count) return none;
  return ((const tw_str*)v->items)[i];
}

/* True when the host table has `member` (added in some minor version). */
#define TW_HOST_HAS(api, member) \
  ((api)->struct_size >= offsetof(tw_host_api, member) + sizeof(((tw_host_api*)0)->member))

/* ------------------------------------------------------------- descriptor */

/* process() may be called from several threads at once. Without this flag
 * the host serializes the calls to one instance. */
#define TW_PLUGIN_THREAD_SAFE 0x1u

/* What a plugin is and how to run it. Static: lives as long as the library.
 * String lists are NULL-terminated lists of NUL-terminated strings. */
typedef struct tw_plugin_v2 {
  uint32_t abi_major;
  uint32_t abi_minor;
  uint32_t struct_size;

  const char* name;             /* [a-z][a-z0-9_-]*, unique among loaded plugins */
  const char* version;          /* semantic version, "1.2.0" */
  const char* summary;          /* one line */
  const char* license;          /* SPDX expression of the plugin and its data */
  const char* const* languages; /* ISO 639-1 codes; "*" = any */
  /* What must exist before this step: "layer" or "layer.attribute". */
  const char* const* requires_inputs;
  /* What this step uses when an earlier step provides it ("layer" or
   * "layer.attribute"); it runs without. */
  const char* const* optional_inputs;
  /* The layers this step creates or extends, each with its schema. */
  const tw_layer_spec* provides;
  size_t provides_count;
  size_t provides_size; /* sizeof(tw_layer_spec) */
  /* The document attributes this step sets. */
  const tw_attr_spec* doc_attrs;
  size_t doc_attr_count;
  size_t doc_attr_size; /* sizeof(tw_attr_spec) */
  const tw_param_spec* params;
  size_t param_count;
  size_t param_size; /* sizeof(tw_param_spec) */
  uint32_t flags;    /* TW_PLUGIN_THREAD_SAFE */

  /* 1. create: once per chain step, from the main thread. Reads parameters,
   *    loads data. Returns the instance, or NULL after context_error(). */
  void* (*create)(const tw_host_api* host, tw_context* ctx, const tw_params* params);
  /* 2. scratch_create: once per worker thread, on that thread, before its
   *    first process(); it gets the instance and its result is passed to
   *    every process() on that thread. scratch_destroy: after the run, from
   *    the main thread. Both may be NULL (scratch is then NULL). A NULL
   *    result fails the documents of that thread with an error. */
  void* (*scratch_create)(void* instance);
  void (*scratch_destroy)(void* instance, void* scratch);
  /* 3. process: once per document, possibly from several threads at once
   *    (see TW_PLUGIN_THREAD_SAFE). Returns TW_OK, or another status after
   *    doc_error(). Must not let anything propagate (no C++ exception). */
  tw_status (*process)(void* instance, void* scratch, tw_doc* doc);
  /* 4. destroy: once, from the main thread, after every scratch is gone. */
  void (*destroy)(void* instance);
} tw_plugin_v2;

/* The entry point's type: returns the static descriptor, never NULL. It must
 * do no more than build that descriptor: listing plugins calls it. */
typedef const tw_plugin_v2* (*tw_entry_point_fn)(void);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* TAGWERK_ABI_H */
