/* doc.h — internal interface of the document stage (src/doc/): the analysis
 * pipeline, its term features and the JSON writer. */
#ifndef CHR_DOC_H
#define CHR_DOC_H

#include "base/base.h"

/* Fills doc->terms and doc->names from doc->body (arena `a`). */
chr_status chr__doc_terms(chr_doc *doc, chr__arena *a);

/* JSON helpers shared with the store's export. */
chr_status chr__json_str(chr_buf *b, const char *s);        /* "…" or null */
chr_status chr__json_strn(chr_buf *b, const char *s, size_t n);

#endif
