#ifndef REGPOLICY_CXMLSHIMS_H
#define REGPOLICY_CXMLSHIMS_H

// The only interface between Swift and libxml2. It uses plain C types on purpose: Debian's libxml2
// headers pull in ICU, whose types clash with Foundation's private ICU copy in a clean Swift build.
//
// rp_markup_parse() runs libxml2's SAX parser (XML or HTML) over a byte buffer and builds a flat,
// pre-order node table plus a byte pool. Swift copies both out and calls rp_markup_free() at once.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// One node of the parsed document, in document order (32 bytes). Indices refer to the node table;
/// -1 means none. An element has `name` >= 0 (an index into the name table: the local name, as
/// written, lower-case for HTML) and `first`/`count` give its attributes in the attribute table; a
/// text node has `name` == -1 and `first`/`count` give its bytes in the pool (UTF-8).
typedef struct {
  int32_t parent;
  int32_t next_sibling;
  int32_t first_child;
  int32_t name;
  uint32_t first;        // element: first attribute; text: pool offset
  uint32_t count;        // element: attribute count; text: byte length
  uint32_t source_start; // byte offset of '<' (element) or of the text in the source buffer
  uint32_t source_end;   // byte offset just past the end tag (element) or text
} rp_node;

typedef struct {
  int32_t name;           // index into the name table
  uint32_t value_offset;  // pool range of the value
  uint32_t value_length;
} rp_attribute;

typedef struct {
  int32_t level;          // 1 warning, 2 error, 3 fatal (libxml2's xmlErrorLevel)
  int32_t code;           // libxml2's error code, or one of RP_ERR_*
  int32_t line;           // 1-based, 0 when unknown
  int32_t column;         // 1-based, 0 when unknown
  uint32_t message_offset; // pool range of the message (no trailing newline)
  uint32_t message_length;
} rp_diagnostic;

enum {
  RP_ERR_TOO_DEEP = 100001,        // nesting deeper than max_depth
  RP_ERR_TOO_MANY_NODES = 100002,  // more nodes than max_nodes
  RP_ERR_ENTITY_DECLARED = 100003, // the document declares an entity; it is ignored
  RP_ERR_OUT_OF_MEMORY = 100004,
};

typedef struct {
  int32_t html;          // 1: libxml2's HTML parser (recovers from broken markup); 0: XML parser
  int32_t max_depth;     // elements nested deeper than this stop the parse with RP_ERR_TOO_DEEP
  int32_t max_nodes;     // more nodes than this stop the parse with RP_ERR_TOO_MANY_NODES
  int32_t max_diagnostics; // diagnostics kept (the rest are counted)
} rp_parse_options;

typedef struct rp_markup rp_markup;

/// Parses `length` bytes. Never loads external resources (XML_PARSE_NONET, no DTD loading, no
/// entity substitution; entity declarations are reported and ignored). Returns NULL only when out
/// of memory. The result must be released with rp_markup_free().
rp_markup *rp_markup_parse(const uint8_t *bytes, size_t length, rp_parse_options options);
void rp_markup_free(rp_markup *markup);

/// 1 when the parser reported no error or fatal error (warnings allowed).
int32_t rp_markup_well_formed(const rp_markup *markup);
/// 1 when the parse stopped early (fatal error or a limit) and the node table is incomplete.
int32_t rp_markup_stopped(const rp_markup *markup);

const rp_node *rp_markup_nodes(const rp_markup *markup, size_t *count);
const rp_attribute *rp_markup_attributes(const rp_markup *markup, size_t *count);
const uint8_t *rp_markup_pool(const rp_markup *markup, size_t *length);
/// The name table: each name is a pool range.
size_t rp_markup_name_count(const rp_markup *markup);
void rp_markup_name(const rp_markup *markup, size_t index, uint32_t *offset, uint32_t *length);
const rp_diagnostic *rp_markup_diagnostics(const rp_markup *markup, size_t *count);
/// Diagnostics beyond max_diagnostics that were counted but not kept.
size_t rp_markup_dropped_diagnostics(const rp_markup *markup);

// Whether `needle` occurs in `haystack` (glibc's memmem): format detection scans whole files for
// class names, so it runs at memory speed.
int rp_contains_bytes(const uint8_t *haystack, size_t haystack_length, const uint8_t *needle, size_t needle_length);

#ifdef __cplusplus
}
#endif

#endif
