/* ner_model_io.h — shared by the NER host tools (train_ner.c,
 * gen_ner_model.c): the gazetteer file, the weights file, and building the
 * lookup tables of a chr__ner_model in memory. Header-only, host tools only.
 *
 * data/ner-gazetteer.tsv: "phrase<TAB>CLASS" lines, phrase lower-case,
 * tokens separated by single spaces; CLASS one of CTRY DEM CITY ORG PER FN
 * LN (see tools/ner_gazetteer.py).
 *
 * data/ner-model.txt (written by tools/train_ner.c), text, one record a line:
 *   "# ..."                     comment
 *   "scale S"                   weights are integers, real weight = w / S
 *   "t A B W"                   transition weight of label B after label A
 *                               (A = -1: sentence start), labels 0..16
 *   "f HEX L:W L:W ..."         feature hash (16 hex digits) and its
 *                               non-zero weights per label (W in int16)
 * Labels: 0 = O, 1 + 4*type + pos, type 0 PER 1 ORG 2 LOC 3 MISC, pos
 * 0 B 1 I 2 L 3 U (BILOU). Feature hashes are computed by
 * src/extract/ner_feat.c, so the file goes with that code's version. */
#ifndef NER_MODEL_IO_H
#define NER_MODEL_IO_H

#include "extract/ner_int.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *io_alloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (!p) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    return p;
}

static size_t pow2_above(size_t n)
{
    size_t c = 1024;
    while (c < n)
        c *= 2;
    return c;
}

/* ---- gazetteer ---- */

typedef struct gaz_build {
    uint64_t *keys;
    uint8_t *cls;
    size_t cap, len;
} gaz_build;

static void gaz_rehash(gaz_build *g, size_t ncap)
{
    uint64_t *nk = io_alloc(ncap * sizeof *nk);
    uint8_t *nc = io_alloc(ncap);
    for (size_t i = 0; i < g->cap; i++) {
        if (!g->keys[i])
            continue;
        size_t j = g->keys[i] & (ncap - 1);
        while (nk[j])
            j = (j + 1) & (ncap - 1);
        nk[j] = g->keys[i];
        nc[j] = g->cls[i];
    }
    free(g->keys);
    free(g->cls);
    g->keys = nk;
    g->cls = nc;
    g->cap = ncap;
}

static void gaz_put(gaz_build *g, uint64_t key, int bits)
{
    if ((g->len + 1) * 2 > g->cap)
        gaz_rehash(g, g->cap * 2);
    size_t mask = g->cap - 1;
    for (size_t i = key & mask;; i = (i + 1) & mask) {
        if (g->keys[i] == key) {
            g->cls[i] |= (uint8_t)bits;
            return;
        }
        if (!g->keys[i]) {
            g->keys[i] = key;
            g->cls[i] = (uint8_t)bits;
            g->len++;
            return;
        }
    }
}

static int gaz_class(const char *s)
{
    static const char *names[] = { "CTRY", "DEM", "CITY", "ORG",
                                   "PER", "FN", "LN" };
    for (int i = 0; i < NER_G_NCLASS; i++)
        if (strcmp(s, names[i]) == 0)
            return 1 << i;
    return 0;
}

/* Loads the gazetteer; returns 0 when the file cannot be read. */
static inline int gaz_load(const char *path, gaz_build *g)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    size_t lines = 0;
    char line[2048];
    while (fgets(line, sizeof line, f))
        lines++;
    rewind(f);
    g->cap = pow2_above(lines * 3);
    g->keys = io_alloc(g->cap * sizeof *g->keys);
    g->cls = io_alloc(g->cap);
    g->len = 0;
    while (fgets(line, sizeof line, f)) {
        char *tab = strchr(line, '\t');
        if (!tab)
            continue;
        *tab = 0;
        char *c = tab + 1;
        c[strcspn(c, "\r\n")] = 0;
        int bits = gaz_class(c);
        if (!bits)
            continue;
        uint64_t h = 0;
        char *p = line;
        int ntok = 0;
        while (*p) {
            char *sp = strchr(p, ' ');
            size_t n = sp ? (size_t)(sp - p) : strlen(p);
            if (n > NER_TOKMAX)
                n = NER_TOKMAX;
            h = chr__ner_gaz_step(h, p, n);
            ntok++;
            p = sp ? sp + 1 : p + strlen(p);
            if (*p && ntok < NER_GAZ_MAXLEN)
                gaz_put(g, h, NER_GAZ_PREFIX);
            if (ntok >= NER_GAZ_MAXLEN)
                break;
        }
        gaz_put(g, h, bits);
    }
    fclose(f);
    /* final table: load factor at most 4/5 (smaller library) */
    gaz_rehash(g, pow2_above(g->len * 5 / 4 + 1));
    return 1;
}

/* ---- model ---- */

typedef struct model_build {
    uint64_t *keys;
    uint32_t *start;
    uint8_t *cnt;
    size_t cap, nfeat;
    uint8_t *wlab;
    int16_t *wval;
    size_t nw, wcap;
    float scale;
    float trans[(NER_NLAB + 1) * NER_NLAB];
} model_build;

static void mb_init(model_build *m, size_t nfeat_hint, float scale)
{
    memset(m, 0, sizeof *m);
    m->cap = pow2_above(nfeat_hint * 3 / 2 + 1); /* load <= 2/3 */
    m->keys = io_alloc(m->cap * sizeof *m->keys);
    m->start = io_alloc(m->cap * sizeof *m->start);
    m->cnt = io_alloc(m->cap);
    m->wcap = 1 << 16;
    m->wlab = io_alloc(m->wcap);
    m->wval = io_alloc(m->wcap * sizeof *m->wval);
    m->scale = scale;
}

/* Adds a feature with its weights (labels lab[0..k), values val[0..k)). */
static void mb_add(model_build *m, uint64_t key, const uint8_t *lab,
                   const int16_t *val, int k)
{
    if (!k)
        return;
    if ((m->nfeat + 1) * 3 > m->cap * 2) {
        fprintf(stderr, "model table full\n");
        exit(1);
    }
    while (m->nw + (size_t)k > m->wcap) {
        m->wcap *= 2;
        m->wlab = realloc(m->wlab, m->wcap);
        m->wval = realloc(m->wval, m->wcap * sizeof *m->wval);
        if (!m->wlab || !m->wval) {
            fprintf(stderr, "out of memory\n");
            exit(1);
        }
    }
    size_t mask = m->cap - 1, i = key & mask;
    while (m->keys[i] && m->keys[i] != key)
        i = (i + 1) & mask;
    if (m->keys[i])
        return; /* duplicate: first wins */
    m->keys[i] = key;
    m->start[i] = (uint32_t)m->nw;
    m->cnt[i] = (uint8_t)k;
    memcpy(m->wlab + m->nw, lab, (size_t)k);
    memcpy(m->wval + m->nw, val, (size_t)k * sizeof *val);
    m->nw += (size_t)k;
    m->nfeat++;
}

static inline void mb_free(model_build *m)
{
    free(m->keys);
    free(m->start);
    free(m->cnt);
    free(m->wlab);
    free(m->wval);
    memset(m, 0, sizeof *m);
}

static inline void mb_view(const model_build *m, const gaz_build *g,
                    chr__ner_model *out)
{
    memset(out, 0, sizeof *out);
    out->keys = m->keys;
    out->start = m->start;
    out->cnt = m->cnt;
    out->cap = m->cap;
    out->wlab = m->wlab;
    out->wval = m->wval;
    out->scale = m->scale;
    out->trans = m->trans;
    if (g) {
        out->gaz.keys = g->keys;
        out->gaz.cls = g->cls;
        out->gaz.cap = g->cap;
    }
}

/* Reads data/ner-model.txt; returns 0 when it cannot be read. */
static inline int mb_load(const char *path, model_build *m)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    size_t nf = 0;
    char line[8192];
    while (fgets(line, sizeof line, f))
        if (line[0] == 'f')
            nf++;
    rewind(f);
    mb_init(m, nf, 1);
    while (fgets(line, sizeof line, f)) {
        if (line[0] == 's') {
            m->scale = strtof(line + 6, NULL);
        } else if (line[0] == 't') {
            int a, b, w;
            if (sscanf(line + 2, "%d %d %d", &a, &b, &w) == 3 && a >= -1 &&
                a < NER_NLAB && b >= 0 && b < NER_NLAB)
                m->trans[(a + 1) * NER_NLAB + b] = (float)w / m->scale;
        } else if (line[0] == 'f') {
            char *p = line + 2, *e;
            uint64_t key = strtoull(p, &e, 16);
            uint8_t lab[NER_NLAB];
            int16_t val[NER_NLAB];
            int k = 0;
            p = e;
            while (k < NER_NLAB) {
                long l = strtol(p, &e, 10);
                if (e == p || *e != ':')
                    break;
                p = e + 1;
                long w = strtol(p, &e, 10);
                if (e == p)
                    break;
                p = e;
                if (l >= 0 && l < NER_NLAB && w >= -32768 && w <= 32767) {
                    lab[k] = (uint8_t)l;
                    val[k++] = (int16_t)w;
                }
            }
            mb_add(m, key, lab, val, k);
        }
    }
    fclose(f);
    return 1;
}

#endif
