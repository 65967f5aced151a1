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
#include "text/strtab.h"

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
        if (not_places[i][0] == w[0] && !chr__strtab_cmp(w, not_places[i]))
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

/* Sorts t[0..n) by hash, inline (glibc's qsort is a merge sort calling a
 * comparison through a pointer: about 1% of the analysis). The hashes are
 * a map's keys, so distinct: any correct sort gives the same order.
 * Quicksort on the median of three, insertion sort below 16 elements,
 * recursion on the smaller side only (depth <= log2 n), heapsort when
 * the partitions keep coming out lopsided (n log n whatever the keys). */
static void sift_down(chr_term *t, size_t i, size_t n)
{
    for (;;) {
        size_t c = 2 * i + 1;
        if (c >= n)
            return;
        if (c + 1 < n && t[c + 1].hash > t[c].hash)
            c++;
        if (t[i].hash >= t[c].hash)
            return;
        chr_term x = t[i];
        t[i] = t[c];
        t[c] = x;
        i = c;
    }
}

static void heap_sort(chr_term *t, size_t n)
{
    for (size_t i = n / 2; i-- > 0;)
        sift_down(t, i, n);
    for (size_t k = n; k-- > 1;) {
        chr_term x = t[0];
        t[0] = t[k];
        t[k] = x;
        sift_down(t, 0, k);
    }
}

static void sort_terms(chr_term *t, size_t n, int budget)
{
    while (n > 16) {
        if (budget-- <= 0) {
            heap_sort(t, n);
            return;
        }
        size_t m = n / 2;
        /* median of t[0], t[m], t[n-1] moved to t[n-1] as the pivot */
        if (t[m].hash < t[0].hash) {
            chr_term x = t[m]; t[m] = t[0]; t[0] = x;
        }
        if (t[n - 1].hash < t[0].hash) {
            chr_term x = t[n - 1]; t[n - 1] = t[0]; t[0] = x;
        }
        if (t[m].hash < t[n - 1].hash) {
            chr_term x = t[m]; t[m] = t[n - 1]; t[n - 1] = x;
        }
        uint64_t pv = t[n - 1].hash;
        size_t i = 0;
        for (size_t j = 0; j + 1 < n; j++)
            if (t[j].hash < pv) {
                chr_term x = t[i]; t[i] = t[j]; t[j] = x;
                i++;
            }
        chr_term x = t[i]; t[i] = t[n - 1]; t[n - 1] = x;
        /* t[0..i) < pivot = t[i] < t[i+1..n) */
        if (i < n - 1 - i) {
            sort_terms(t, i, budget);
            t += i + 1;
            n -= i + 1;
        } else {
            sort_terms(t + i + 1, n - 1 - i, budget);
            n = i;
        }
    }
    for (size_t i = 1; i < n; i++) {
        chr_term x = t[i];
        size_t j = i;
        while (j > 0 && t[j - 1].hash > x.hash) {
            t[j] = t[j - 1];
            j--;
        }
        t[j] = x;
    }
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
    int budget = 2;
    for (size_t k = *n; k > 1; k >>= 1)
        budget += 2;
    sort_terms(t, *n, budget);
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
