/* terms.c — the features the corpus stages compare: content terms (folded
 * words minus stop words and numbers) and proper names (capitalised words not
 * opening a sentence), each with its count, sorted by hash. */
#include "doc/doc.h"

#include "text/text.h"

#include <stdlib.h>
#include <string.h>

typedef struct terms_ctx {
    const char *s;
    chr__map tf, names;
    int oom;
} terms_ctx;

/* 1 when the word at `start` opens a sentence or paragraph. */
static int sentence_initial(const char *s, size_t start)
{
    size_t i = start;
    while (i > 0) {
        unsigned char c = (unsigned char)s[i - 1];
        if (c == ' ' || c == '\t')
            i--;
        else if (c == '"' || c == '(' || c == '\'' || c == 0x9C ||
                 c == 0x80 || c == 0xE2 || c == 0x98)
            i--; /* opening quotes, including the bytes of “ ‘ */
        else
            break;
    }
    if (i == 0)
        return 1;
    char c = s[i - 1];
    return c == '.' || c == '!' || c == '?' || c == '\n' || c == ':';
}

static int term_word(void *ctx, const chr__token *t)
{
    terms_ctx *c = ctx;
    if (t->numeric)
        return 0;
    char buf[128];
    size_t n = chr__fold_word(c->s + t->start, t->end - t->start, buf,
                              sizeof buf);
    /* drop a possessive 's */
    if (n > 2 && buf[n - 2] == '\'' && buf[n - 1] == 's')
        n -= 2;
    if (n < 2 || chr__is_stopword(buf, n))
        return 0;
    uint64_t h = chr__hash64(buf, n);
    uint64_t *v = chr__map_slot(&c->tf, h);
    if (!v) {
        c->oom = 1;
        return 1;
    }
    (*v)++;
    if (t->upper_initial && !sentence_initial(c->s, t->start)) {
        v = chr__map_slot(&c->names, h);
        if (!v) {
            c->oom = 1;
            return 1;
        }
        (*v)++;
    }
    return 0;
}

static int cmp_term(const void *a, const void *b)
{
    uint64_t x = ((const chr_term *)a)->hash, y = ((const chr_term *)b)->hash;
    return x < y ? -1 : x > y;
}

static chr_term *map_to_terms(const chr__map *m, chr__arena *a, size_t *n)
{
    *n = 0;
    chr_term *t = chr__arena_alloc(a, (m->len ? m->len : 1) * sizeof *t);
    if (!t)
        return NULL;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        t[*n].hash = m->keys[i];
        t[*n].weight = (float)m->vals[i];
        (*n)++;
    }
    qsort(t, *n, sizeof *t, cmp_term);
    return t;
}

chr_status chr__doc_terms(chr_doc *doc, chr__arena *a)
{
    terms_ctx c;
    memset(&c, 0, sizeof c);
    c.s = doc->body;
    chr__map_init(&c.tf);
    chr__map_init(&c.names);
    chr__words(doc->body, doc->body_len, term_word, &c);
    chr_status s = CHR_OK;
    if (c.oom) {
        s = CHR_NOMEM;
    } else {
        doc->terms = map_to_terms(&c.tf, a, &doc->n_terms);
        doc->names = map_to_terms(&c.names, a, &doc->n_names);
        if (!doc->terms || !doc->names)
            s = CHR_NOMEM;
    }
    chr__map_free(&c.tf);
    chr__map_free(&c.names);
    return s;
}
