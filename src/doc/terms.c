/* terms.c — the features the corpus stages compare, each a list of folded
 * word hashes with counts, sorted by hash:
 *  - terms: content words (stop words and numbers removed); words of the
 *    lead (first two paragraphs) count three times, since news leads say
 *    who, what, where and when;
 *  - names: capitalised words that do not open a sentence;
 *  - places: where the lead says it happened — capitalised words after
 *    "in" in the lead ("in Samarkand, Uzbekistan"), months and weekdays
 *    excepted — and the words of the dateline place. The place rule
 *    (chr__place_step) and the lead (chr__lead_end) are shared with
 *    src/corpus/story_place.c. */
#include "doc/doc.h"

#include "text/text.h"

#include <stdlib.h>
#include <string.h>

#define LEAD_PARAGRAPHS 2
#define LEAD_MAX_BYTES 1200
#define LEAD_WEIGHT 3

size_t chr__lead_end(const char *body, size_t n)
{
    size_t end = n < LEAD_MAX_BYTES ? n : LEAD_MAX_BYTES;
    int paras = 0;
    for (size_t i = 0; i + 1 < end; i++) {
        if (body[i] == '\n' && body[i + 1] == '\n' && ++paras == LEAD_PARAGRAPHS)
            return i;
    }
    return end;
}

typedef struct terms_ctx {
    const char *s;
    size_t lead_end; /* words before this offset are in the lead */
    chr__map tf, names, places;
    int oom;
    int place_mode;    /* every word is a place word (the dateline) */
    chr__place_scan place;
} terms_ctx;

static const char *const not_places[] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "the", "this", "that", "his", "her", "their", "its", "our",
};

/* 1 when the folded word is never a place word. */
static int is_not_place(const char *w)
{
    for (size_t i = 0; i < CHR__ARRAY_LEN(not_places); i++)
        if (strcmp(w, not_places[i]) == 0)
            return 1;
    return 0;
}

/* 1 when only spaces or one comma separate offsets a and b. */
static int adjacent(const char *s, size_t a, size_t b)
{
    int commas = 0;
    for (size_t i = a; i < b; i++) {
        if (s[i] == ',' && !commas)
            commas = 1;
        else if (s[i] != ' ')
            return 0;
    }
    return 1;
}

static int add_count(terms_ctx *c, chr__map *m, uint64_t h, uint64_t w)
{
    uint64_t *v = chr__map_slot(m, h);
    if (!v) {
        c->oom = 1;
        return 1;
    }
    *v += w;
    return 0;
}

int chr__place_step(chr__place_scan *p, const chr__token *t,
                    const char *folded, size_t n)
{
    int was_in = p->after_in;
    p->after_in = n == 2 && memcmp(folded, "in", 2) == 0;
    if (t->start >= p->lead_end || !t->upper_initial || t->numeric ||
        is_not_place(folded)) {
        p->end = 0;
        return CHR__PLACE_NONE;
    }
    int cont = p->end && adjacent(p->s, p->end, t->start);
    if (!was_in && !cont)
        return CHR__PLACE_NONE;
    p->end = t->end;
    return cont ? CHR__PLACE_MORE : CHR__PLACE_START;
}

/* Place words of the lead (chr__place_step) count once each. */
static int place_word(terms_ctx *c, const chr__token *t, const char *folded,
                      size_t n)
{
    if (chr__place_step(&c->place, t, folded, n) == CHR__PLACE_NONE)
        return 0;
    return add_count(c, &c->places, chr__hash64(folded, n), 1);
}

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
    char buf[128];
    size_t n = chr__fold_word(c->s + t->start, t->end - t->start, buf,
                              sizeof buf);
    /* drop a possessive 's */
    if (n > 2 && buf[n - 2] == '\'' && buf[n - 1] == 's')
        n -= 2;
    if (c->place_mode)
        return add_count(c, &c->places, chr__hash64(buf, n), 1);
    if (place_word(c, t, buf, n))
        return 1;
    if (t->numeric)
        return 0;
    if (n < 2 || chr__is_stopword(buf, n))
        return 0;
    uint64_t h = chr__hash64(buf, n);
    uint64_t *v = chr__map_slot(&c->tf, h);
    if (!v) {
        c->oom = 1;
        return 1;
    }
    /* news leads name who, what, where and when: lead words count thrice */
    uint64_t w = t->start < c->lead_end ? LEAD_WEIGHT : 1;
    *v += w;
    if (t->upper_initial && !sentence_initial(c->s, t->start)) {
        v = chr__map_slot(&c->names, h);
        if (!v) {
            c->oom = 1;
            return 1;
        }
        *v += w;
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
    c.lead_end = chr__lead_end(doc->body, doc->body_len);
    c.place.s = doc->body;
    c.place.lead_end = c.lead_end;
    chr__map_init(&c.tf);
    chr__map_init(&c.names);
    chr__map_init(&c.places);
    chr__words(doc->body, doc->body_len, term_word, &c);
    if (doc->dateline_place && !c.oom) {
        c.place_mode = 1;
        c.s = doc->dateline_place;
        chr__words(c.s, strlen(c.s), term_word, &c);
    }
    chr_status s = CHR_OK;
    if (c.oom) {
        s = CHR_NOMEM;
    } else {
        doc->terms = map_to_terms(&c.tf, a, &doc->n_terms);
        doc->names = map_to_terms(&c.names, a, &doc->n_names);
        doc->places = map_to_terms(&c.places, a, &doc->n_places);
        if (!doc->terms || !doc->names || !doc->places)
            s = CHR_NOMEM;
    }
    chr__map_free(&c.tf);
    chr__map_free(&c.names);
    chr__map_free(&c.places);
    return s;
}
