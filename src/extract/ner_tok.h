/* ner_tok.h — CoNLL-style tokeniser and sentence splitter of the
 * named-entity tagger (ner_tok.c). Library-internal. */
#ifndef CHR_EXTRACT_NER_TOK_H
#define CHR_EXTRACT_NER_TOK_H

#include "base/base.h"
#include "extract/ner_int.h"

typedef struct chr__ner_rtok {
    size_t start, end; /* byte offsets into the text */
    size_t norm_off;   /* ASCII form at norm + norm_off, or (size_t)-1 */
    int sent_start;    /* first token of a sentence */
} chr__ner_rtok;

/* Tokens of text[0..len) (valid or invalid UTF-8; never reads outside it).
 * *out and *norm are malloc'ed (free them; NULL when empty). At most
 * max_tok tokens (CHR_TOOBIG beyond). CHR_OK, CHR_NOMEM or CHR_TOOBIG. */
chr_status chr__ner_tokenize(const char *text, size_t len, size_t max_tok,
                             chr__ner_rtok **out, size_t *n, char **norm);

#endif
