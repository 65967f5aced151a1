/* ner.h — statistical named-entity tagger (averaged perceptron, CoNLL-2003
 * PER/ORG/LOC/MISC). The model is compiled into the library as const data,
 * so every function here is thread-safe. */
#ifndef CHR_EXTRACT_NER_H
#define CHR_EXTRACT_NER_H

#include "base/base.h"

#include <stddef.h>

typedef enum chr__ner_type {
    CHR__NER_PER = 1,
    CHR__NER_ORG = 2,
    CHR__NER_LOC = 3,
    CHR__NER_MISC = 4
} chr__ner_type;

typedef struct chr__ner_span {
    size_t start, end; /* byte offsets into text */
    int type;          /* chr__ner_type */
} chr__ner_span;

/* Named-entity spans of UTF-8 text (paragraphs separated by blank lines), in
 * order. Tokenises like CoNLL (splits "Russia's" into Russia + 's,
 * punctuation apart), splits sentences, tags. Thread-safe. */
chr_status chr__ner_text(const char *text, size_t len, chr__arena *a,
                         chr__ner_span **out, size_t *n);

/* Tags one document given as tokens (as in a CoNLL file): words[i] of
 * lens[i] bytes, n tokens in nsent sentences of sent_len[k] tokens each.
 * Fills type[i] (0 = O, else chr__ner_type) and begin[i] (1 when the IOB1
 * tag is B-: a chunk that starts right after one of the same type).
 * CHR_UNSUPPORTED when the build has no model; CHR_NOMEM. Thread-safe. */
chr_status chr__ner_tag_tokens(const char *const *words, const size_t *lens,
                               size_t n, const size_t *sent_len,
                               size_t nsent, int *type, int *begin);

/* 1 when the library was built with a trained model. */
int chr__ner_available(void);

#endif
