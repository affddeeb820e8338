// libxml2 SAX → flat node table. See include/CXMLShims.h for the contract.

#define _GNU_SOURCE  // memrchr
//
// Security stance (docs/ARCHITECTURE.md "Untrusted input"): XML_PARSE_NONET, no DTD loading, no entity
// substitution, entity declarations are reported and never registered (so neither external
// entities nor entity-expansion bombs can be expanded), an external-entity loader that refuses
// everything, and hard limits on depth and node count.

#include "CXMLShims.h"

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/SAX2.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  const xmlChar *key; // libxml2 interns names in its dictionary: pointer identity is name identity
  int32_t id;
} name_slot;

struct rp_markup {
  rp_node *nodes;
  size_t node_count, node_capacity;
  rp_attribute *attributes;
  size_t attribute_count, attribute_capacity;
  uint8_t *pool;
  size_t pool_length, pool_capacity;
  uint32_t *names; // pairs (offset, length)
  size_t name_count, name_capacity;
  name_slot *slots;
  size_t slot_capacity; // power of two
  rp_diagnostic *diagnostics;
  size_t diagnostic_count, diagnostic_capacity, dropped_diagnostics;

  // Parse state.
  int32_t *open;      // stack of open element indices
  int32_t *last_child; // per stack entry: last child appended
  size_t depth, stack_capacity;
  int32_t root_last_child;
  int well_formed, stopped, out_of_memory;
  rp_parse_options options;
  xmlParserCtxtPtr ctxt;
};

static int grow(void **buffer, size_t *capacity, size_t needed, size_t element_size) {
  if (needed <= *capacity) return 1;
  size_t next = *capacity ? *capacity : 64;
  while (next < needed) next *= 2;
  void *moved = realloc(*buffer, next * element_size);
  if (moved == NULL) return 0;
  *buffer = moved;
  *capacity = next;
  return 1;
}

static void halt(rp_markup *m) {
  m->stopped = 1;
  if (m->ctxt != NULL) xmlStopParser(m->ctxt);
}

static void no_memory(rp_markup *m) {
  m->out_of_memory = 1;
  halt(m);
}

static int pool_append(rp_markup *m, const void *bytes, size_t length, uint32_t *offset) {
  if (!grow((void **)&m->pool, &m->pool_capacity, m->pool_length + length, 1)) return 0;
  memcpy(m->pool + m->pool_length, bytes, length);
  *offset = (uint32_t)m->pool_length;
  m->pool_length += length;
  return 1;
}

static uint32_t source_offset(const rp_markup *m) {
  xmlParserInputPtr input = m->ctxt != NULL ? m->ctxt->input : NULL;
  if (input == NULL || input->cur == NULL || input->base == NULL) return 0;
  return (uint32_t)(input->consumed + (unsigned long)(input->cur - input->base));
}

static void add_diagnostic(rp_markup *m, int level, int code, int line, int column, const char *message) {
  if (m->diagnostic_count >= (size_t)m->options.max_diagnostics) {
    m->dropped_diagnostics++;
    return;
  }
  size_t length = message ? strlen(message) : 0;
  while (length > 0 && (message[length - 1] == '\n' || message[length - 1] == ' ')) length--;
  rp_diagnostic d = {level, code, line, column, 0, 0};
  if (length > 0 && !pool_append(m, message, length, &d.message_offset)) return no_memory(m);
  d.message_length = (uint32_t)length;
  if (!grow((void **)&m->diagnostics, &m->diagnostic_capacity, m->diagnostic_count + 1, sizeof(rp_diagnostic)))
    return no_memory(m);
  m->diagnostics[m->diagnostic_count++] = d;
}

static void add_diagnostic_here(rp_markup *m, int level, int code, const char *message) {
  xmlParserInputPtr input = m->ctxt != NULL ? m->ctxt->input : NULL;
  add_diagnostic(m, level, code, input ? input->line : 0, input ? input->col : 0, message);
}

static int32_t intern_name(rp_markup *m, const xmlChar *name) {
  if (m->slot_capacity == 0 || m->name_count * 2 >= m->slot_capacity) {
    size_t capacity = m->slot_capacity ? m->slot_capacity * 2 : 256;
    name_slot *slots = calloc(capacity, sizeof(name_slot));
    if (slots == NULL) return -1;
    for (size_t i = 0; i < m->slot_capacity; i++) {
      if (m->slots[i].key == NULL) continue;
      size_t h = ((uintptr_t)m->slots[i].key >> 4) & (capacity - 1);
      while (slots[h].key != NULL) h = (h + 1) & (capacity - 1);
      slots[h] = m->slots[i];
    }
    free(m->slots);
    m->slots = slots;
    m->slot_capacity = capacity;
  }
  size_t h = ((uintptr_t)name >> 4) & (m->slot_capacity - 1);
  while (m->slots[h].key != NULL) {
    if (m->slots[h].key == name) return m->slots[h].id;
    h = (h + 1) & (m->slot_capacity - 1);
  }
  // A name not interned by the dictionary would only cost a duplicate entry; compare bytes to be safe.
  size_t length = strlen((const char *)name);
  for (size_t i = 0; i < m->name_count; i++) {
    if (m->names[2 * i + 1] == length && memcmp(m->pool + m->names[2 * i], name, length) == 0) {
      m->slots[h].key = name;
      m->slots[h].id = (int32_t)i;
      return (int32_t)i;
    }
  }
  uint32_t offset;
  if (!pool_append(m, name, length, &offset)) return -1;
  if (!grow((void **)&m->names, &m->name_capacity, 2 * (m->name_count + 1), sizeof(uint32_t))) return -1;
  m->names[2 * m->name_count] = offset;
  m->names[2 * m->name_count + 1] = (uint32_t)length;
  m->slots[h].key = name;
  m->slots[h].id = (int32_t)m->name_count;
  return (int32_t)m->name_count++;
}

/// Appends a node as the last child of the innermost open element; returns its index or -1.
static int32_t append_node(rp_markup *m) {
  if (m->node_count >= (size_t)m->options.max_nodes) {
    add_diagnostic_here(m, XML_ERR_FATAL, RP_ERR_TOO_MANY_NODES, "document has more nodes than the limit");
    halt(m);
    return -1;
  }
  if (!grow((void **)&m->nodes, &m->node_capacity, m->node_count + 1, sizeof(rp_node))) {
    no_memory(m);
    return -1;
  }
  int32_t index = (int32_t)m->node_count++;
  rp_node *node = &m->nodes[index];
  memset(node, 0, sizeof *node);
  node->next_sibling = -1;
  node->first_child = -1;
  node->name = -1;
  int32_t *last = m->depth > 0 ? &m->last_child[m->depth - 1] : &m->root_last_child;
  node->parent = m->depth > 0 ? m->open[m->depth - 1] : -1;
  if (*last >= 0) {
    m->nodes[*last].next_sibling = index;
  } else if (node->parent >= 0) {
    m->nodes[node->parent].first_child = index;
  }
  *last = index;
  return index;
}

static void start_element(rp_markup *m, const xmlChar *name, const xmlChar **pairs, int pair_count,
                          const xmlChar **sax2, int sax2_count) {
  if (m->stopped) return;
  if (m->depth >= (size_t)m->options.max_depth) {
    add_diagnostic_here(m, XML_ERR_FATAL, RP_ERR_TOO_DEEP, "elements are nested deeper than the limit");
    halt(m);
    return;
  }
  uint32_t here = source_offset(m);
  int32_t index = append_node(m);
  if (index < 0) return;
  rp_node *node = &m->nodes[index];
  // The callback fires at the end of the start tag; the tag begins at the nearest '<' before it.
  uint32_t start = here;
  xmlParserInputPtr input = m->ctxt->input;
  if (input != NULL && input->cur != NULL && input->base != NULL) {
    const xmlChar *p = memrchr(input->base, '<', (size_t)(input->cur - input->base) + 1);
    if (p != NULL) start = (uint32_t)(input->consumed + (unsigned long)(p - input->base));
  }
  node->source_start = start;
  node->source_end = here;
  node->name = intern_name(m, name);
  if (node->name < 0) return no_memory(m);
  node->first = (uint32_t)m->attribute_count;
  int count = pairs != NULL ? pair_count : sax2_count;
  for (int i = 0; i < count; i++) {
    const xmlChar *attr_name, *value;
    size_t value_length;
    if (pairs != NULL) {
      attr_name = pairs[2 * i];
      value = pairs[2 * i + 1];
      value_length = value ? strlen((const char *)value) : 0;
    } else {
      attr_name = sax2[5 * i];
      value = sax2[5 * i + 3];
      value_length = (size_t)(sax2[5 * i + 4] - value);
    }
    rp_attribute attribute = {intern_name(m, attr_name), 0, (uint32_t)value_length};
    if (attribute.name < 0) return no_memory(m);
    if (value_length > 0 && !pool_append(m, value, value_length, &attribute.value_offset)) return no_memory(m);
    if (!grow((void **)&m->attributes, &m->attribute_capacity, m->attribute_count + 1, sizeof(rp_attribute)))
      return no_memory(m);
    m->attributes[m->attribute_count++] = attribute;
  }
  m->nodes[index].count = (uint32_t)(m->attribute_count - m->nodes[index].first);
  size_t capacity = m->stack_capacity;
  if (!grow((void **)&m->open, &m->stack_capacity, m->depth + 1, sizeof(int32_t))) return no_memory(m);
  if (m->stack_capacity != capacity || m->last_child == NULL) {  // the two stacks grow together
    int32_t *moved = realloc(m->last_child, m->stack_capacity * sizeof(int32_t));
    if (moved == NULL) return no_memory(m);
    m->last_child = moved;
  }
  m->open[m->depth] = index;
  m->last_child[m->depth] = -1;
  m->depth++;
}

static void end_element(rp_markup *m) {
  if (m->stopped || m->depth == 0) return;
  m->depth--;
  m->nodes[m->open[m->depth]].source_end = source_offset(m);
}

static void on_text(void *context, const xmlChar *text, int length) {
  rp_markup *m = ((xmlParserCtxtPtr)context)->_private;
  if (m->stopped || length <= 0) return;
  // Every reader collapses white space, so a chunk of white space only (mostly indentation
  // between tags) is kept as one space: the same text, a fraction of the bytes to copy and scan.
  int source_length = length;
  int blank = 1;
  for (int i = 0; i < length && blank; i++) {
    xmlChar c = text[i];
    blank = c == ' ' || c == '\n' || c == '\t' || c == '\r';
  }
  if (blank) {
    text = (const xmlChar *)" ";
    length = 1;
  }
  int32_t last = m->depth > 0 ? m->last_child[m->depth - 1] : m->root_last_child;
  uint32_t offset;
  // Coalesce with the previous text node when its bytes end the pool (they always do unless a
  // diagnostic message was pooled in between).
  if (last >= 0 && m->nodes[last].name < 0 && m->nodes[last].first + m->nodes[last].count == m->pool_length) {
    if (!pool_append(m, text, (size_t)length, &offset)) return no_memory(m);
    m->nodes[last].count += (uint32_t)length;
    m->nodes[last].source_end = source_offset(m);
    return;
  }
  uint32_t here = source_offset(m);
  int32_t index = append_node(m);
  if (index < 0) return;
  if (!pool_append(m, text, (size_t)length, &offset)) return no_memory(m);
  m->nodes[index].first = offset;
  m->nodes[index].count = (uint32_t)length;
  m->nodes[index].source_start = here >= (uint32_t)source_length ? here - (uint32_t)source_length : 0;
  m->nodes[index].source_end = here;
}

static void on_start_ns(void *context, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                        int namespace_count, const xmlChar **namespaces, int attribute_count, int defaulted,
                        const xmlChar **attributes) {
  (void)prefix, (void)uri, (void)namespace_count, (void)namespaces, (void)defaulted;
  start_element(((xmlParserCtxtPtr)context)->_private, localname, NULL, 0, attributes, attribute_count);
}

static void on_end_ns(void *context, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri) {
  (void)localname, (void)prefix, (void)uri;
  end_element(((xmlParserCtxtPtr)context)->_private);
}

static void on_html_start(void *context, const xmlChar *name, const xmlChar **pairs) {
  int count = 0;
  while (pairs != NULL && pairs[2 * count] != NULL) count++;
  start_element(((xmlParserCtxtPtr)context)->_private, name, pairs, count, NULL, 0);
}

static void on_html_end(void *context, const xmlChar *name) {
  (void)name;
  end_element(((xmlParserCtxtPtr)context)->_private);
}

static void on_error(void *context, xmlErrorPtr error) {
  xmlParserCtxtPtr ctxt = context;
  if (ctxt == NULL || error == NULL) return;
  rp_markup *m = ctxt->_private;
  if (error->level >= XML_ERR_ERROR) m->well_formed = 0;
  add_diagnostic(m, error->level, error->code, error->line, error->int2, error->message);
  // libxml2's XML parser goes on scanning to the end after a fatal error (with SAX disabled);
  // the document is refused (or re-read as HTML) either way, so stop at once.
  if (error->level == XML_ERR_FATAL && !m->options.html) halt(m);
}

static void on_entity_declaration(void *context, const xmlChar *name, int type, const xmlChar *public_id,
                                  const xmlChar *system_id, xmlChar *content) {
  (void)type, (void)public_id, (void)system_id, (void)content;
  rp_markup *m = ((xmlParserCtxtPtr)context)->_private;
  char message[160];
  snprintf(message, sizeof message, "entity '%.100s' is declared; entity declarations are ignored", (const char *)name);
  add_diagnostic_here(m, XML_ERR_WARNING, RP_ERR_ENTITY_DECLARED, message);
}

static xmlEntityPtr on_get_entity(void *context, const xmlChar *name) {
  (void)context;
  return xmlGetPredefinedEntity(name);
}

static xmlParserInputPtr refuse_external_entity(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
  (void)url, (void)id, (void)ctxt;
  return NULL;
}

static void silent(void *context, const char *message, ...) { (void)context, (void)message; }

static void install_handler(xmlParserCtxtPtr ctxt, int html) {
  xmlSAXHandler *handler = ctxt->sax;
  memset(handler, 0, sizeof *handler);
  handler->initialized = XML_SAX2_MAGIC; // makes libxml2 report through serror
  handler->serror = on_error;
  handler->characters = on_text;
  handler->cdataBlock = on_text;
  handler->ignorableWhitespace = on_text;
  handler->getEntity = on_get_entity;
  handler->entityDecl = on_entity_declaration;
  if (html) {
    handler->startElement = on_html_start;
    handler->endElement = on_html_end;
  } else {
    handler->startElementNs = on_start_ns;
    handler->endElementNs = on_end_ns;
  }
}

rp_markup *rp_markup_parse(const uint8_t *bytes, size_t length, rp_parse_options options) {
  rp_markup *m = calloc(1, sizeof *m);
  if (m == NULL) return NULL;
  m->options = options;
  if (m->options.max_depth <= 0) m->options.max_depth = 256;
  if (m->options.max_nodes <= 0) m->options.max_nodes = 10000000;
  if (m->options.max_diagnostics <= 0) m->options.max_diagnostics = 50;
  m->root_last_child = -1;
  m->well_formed = 1;
  if (length > (size_t)INT32_MAX) {
    add_diagnostic(m, XML_ERR_FATAL, RP_ERR_TOO_MANY_NODES, 0, 0, "input is larger than the parser accepts");
    m->stopped = 1;
    m->well_formed = 0;
    return m;
  }

  // Reserve for the typical density of official markup (one node per ~20 bytes, text about half
  // the bytes) so the tables rarely move while growing.
  size_t expected_nodes = length / 20 + 64;
  if (!grow((void **)&m->nodes, &m->node_capacity, expected_nodes, sizeof(rp_node)) ||
      !grow((void **)&m->pool, &m->pool_capacity, length / 2 + 64, 1)) {
    add_diagnostic(m, XML_ERR_FATAL, RP_ERR_OUT_OF_MEMORY, 0, 0, "out of memory");
    m->well_formed = 0;
    m->stopped = 1;
    return m;
  }

  xmlInitParser();
  xmlSetGenericErrorFunc(NULL, silent);
  xmlSetExternalEntityLoader(refuse_external_entity);

  xmlParserCtxtPtr ctxt = options.html ? htmlCreateMemoryParserCtxt((const char *)bytes, (int)length)
                                       : xmlCreateMemoryParserCtxt((const char *)bytes, (int)length);
  if (ctxt == NULL) {
    add_diagnostic(m, XML_ERR_FATAL, RP_ERR_OUT_OF_MEMORY, 0, 0, "could not create a parser");
    m->well_formed = 0;
    m->stopped = 1;
    return m;
  }
  m->ctxt = ctxt;
  ctxt->_private = m;
  ctxt->userData = ctxt;
  install_handler(ctxt, options.html);
  if (options.html) {
    // Without a declaration libxml2's HTML parser assumes ISO-8859-1; EUR-Lex serves UTF-8 only.
    xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
    htmlCtxtUseOptions(ctxt, HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED | HTML_PARSE_NODEFDTD);
    htmlParseDocument(ctxt);
  } else {
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET);
    ctxt->replaceEntities = 0;
    ctxt->loadsubset = 0;
    ctxt->validate = 0;
    xmlParseDocument(ctxt);
    if (!ctxt->wellFormed) m->well_formed = 0;
  }
  if (ctxt->myDoc != NULL) xmlFreeDoc(ctxt->myDoc); // not built by our handler; freed defensively
  ctxt->myDoc = NULL;
  m->ctxt = NULL;
  if (options.html) {
    htmlFreeParserCtxt(ctxt);
  } else {
    xmlFreeParserCtxt(ctxt);
  }
  if (m->out_of_memory) {
    add_diagnostic(m, XML_ERR_FATAL, RP_ERR_OUT_OF_MEMORY, 0, 0, "out of memory while parsing");
    m->well_formed = 0;
  }
  // Elements left open by a truncated document end at the end of the input.
  while (m->depth > 0) m->nodes[m->open[--m->depth]].source_end = (uint32_t)length;
  free(m->open);
  free(m->last_child);
  free(m->slots);
  m->open = NULL;
  m->last_child = NULL;
  m->slots = NULL;
  return m;
}

void rp_markup_free(rp_markup *m) {
  if (m == NULL) return;
  free(m->nodes);
  free(m->attributes);
  free(m->pool);
  free(m->names);
  free(m->diagnostics);
  free(m->open);
  free(m->last_child);
  free(m->slots);
  free(m);
}

int32_t rp_markup_well_formed(const rp_markup *m) { return m->well_formed; }
int32_t rp_markup_stopped(const rp_markup *m) { return m->stopped; }

const rp_node *rp_markup_nodes(const rp_markup *m, size_t *count) {
  *count = m->node_count;
  return m->nodes;
}

const rp_attribute *rp_markup_attributes(const rp_markup *m, size_t *count) {
  *count = m->attribute_count;
  return m->attributes;
}

const uint8_t *rp_markup_pool(const rp_markup *m, size_t *length) {
  *length = m->pool_length;
  return m->pool;
}

size_t rp_markup_name_count(const rp_markup *m) { return m->name_count; }

void rp_markup_name(const rp_markup *m, size_t index, uint32_t *offset, uint32_t *length) {
  *offset = m->names[2 * index];
  *length = m->names[2 * index + 1];
}

const rp_diagnostic *rp_markup_diagnostics(const rp_markup *m, size_t *count) {
  *count = m->diagnostic_count;
  return m->diagnostics;
}

size_t rp_markup_dropped_diagnostics(const rp_markup *m) { return m->dropped_diagnostics; }

int rp_contains_bytes(const uint8_t *haystack, size_t haystack_length, const uint8_t *needle, size_t needle_length) {
  return memmem(haystack, haystack_length, needle, needle_length) != NULL;
}
