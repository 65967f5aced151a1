/* store_fixture.h — the analysed document the store tests (test_store.c,
 * test_store_schema.c) build directly, without reading or cleaning: id,
 * title "Title of ID", date (may be NULL), body, its identity hash, an
 * input hash from the body, and its story terms. */
#ifndef CHR_TEST_STORE_FIXTURE_H
#define CHR_TEST_STORE_FIXTURE_H

#include "doc/doc.h"
#include "text/text.h"

#include <string.h>

static chr_doc *make_doc(const char *id, const char *date, const char *body)
{
    chr__arena *a = chr__arena_new(0);
    chr_doc *d = chr__arena_alloc(a, sizeof *d);
    d->arena = a;
    d->id = chr__arena_strdup(a, id);
    d->origin = d->id;
    d->format = CHR_FORMAT_TEXT;
    d->title = chr__arena_printf(a, "Title of %s", id);
    d->date_hint = d->published = date ? chr__arena_strdup(a, date) : NULL;
    d->body = chr__arena_strdup(a, body);
    d->body_len = strlen(body);
    chr__text_hash128(d->body, d->body_len, &d->hash_hi, &d->hash_lo);
    d->input_hash = chr__hash64(body, strlen(body)) ^ 0x5bd1e995;
    chr__doc_terms(d, a);
    return d;
}

#endif
