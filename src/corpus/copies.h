/* copies.h — internal interface of the copy stage (src/corpus/copies.c):
 * near-duplicate signatures (MinHash over word 3-shingles), the LSH index
 * that finds candidates, the comparison of two texts (exact Jaccard,
 * containment, paragraph alignment), the relation of a pair (copy, rewrite,
 * translation) and which of the two is the original. Pure functions and
 * one in-memory index; the store (src/store/copylinks.c) persists them. */
#ifndef CHR_COPIES_H
#define CHR_COPIES_H

#include "base/base.h"

#define CHR__MH_HASHES 128 /* MinHash values per signature */
#define CHR__MH_BANDS 32   /* LSH bands ... */
#define CHR__MH_ROWS 4     /* ... of this many values each */
#define CHR__SHINGLE 3     /* words per shingle */
#define CHR__COPY_MAX_PARAS 256  /* paragraphs aligned per text */
#define CHR__COPY_MAX_WORDS 200000 /* words read per text */

/* ---- features of one text ---- */

typedef struct chr__copyfeat chr__copyfeat;

/* Computes the features of body[0..len) (paragraphs separated by a blank
 * line). CHR_OK or CHR_NOMEM. Pure. */
chr_status chr__copyfeat_new(const char *body, size_t len,
                             chr__copyfeat **out);
void chr__copyfeat_free(chr__copyfeat *f);
/* The MinHash signature (CHR__MH_HASHES values). */
const uint32_t *chr__copyfeat_sig(const chr__copyfeat *f);
size_t chr__copyfeat_paras(const chr__copyfeat *f);
size_t chr__copyfeat_shingles(const chr__copyfeat *f);

/* Share of equal values of two signatures: the Jaccard estimate. */
double chr__minhash_estimate(const uint32_t *a, const uint32_t *b);

/* ---- LSH index: band key -> documents ---- */

typedef struct chr__lsh chr__lsh;

chr__lsh *chr__lsh_new(void);
void chr__lsh_free(chr__lsh *l);
/* Indexes document `doc` (non-zero) under the bands of `sig`. */
chr_status chr__lsh_add(chr__lsh *l, uint32_t doc, const uint32_t *sig);
/* Documents sharing at least one band with `sig`, each once, most shared
 * bands first, at most `cap`; returns how many were written. */
size_t chr__lsh_query(const chr__lsh *l, const uint32_t *sig, uint32_t *out,
                      size_t cap);
size_t chr__lsh_count(const chr__lsh *l);  /* documents indexed */
size_t chr__lsh_memory(const chr__lsh *l); /* bytes held */

/* ---- comparing two texts ---- */

typedef struct chr__align {
    uint32_t para;        /* paragraph of the copy (b) */
    uint32_t source_para; /* paragraph of the source (a) */
    float score;
} chr__align;

typedef enum {
    CHR__REL_NONE,
    CHR__REL_COPY,
    CHR__REL_REWRITE,
    CHR__REL_TRANSLATION
} chr__relation;

typedef struct chr__copy_pair {
    double jaccard;     /* exact Jaccard of the 3-shingle sets */
    double containment; /* shared shingles / shingles of the smaller text */
    double coverage;    /* aligned words / words of the shorter text */
    double align_sim;   /* mean similarity of the aligned paragraphs */
    size_t n_align;
    chr__align align[CHR__COPY_MAX_PARAS];
    chr__relation relation;
    double score;       /* strength of the relation, 0..1 (0: none) */
} chr__copy_pair;

/* Compares source `a` with `b` (symmetric except for the alignment's
 * direction, b's paragraphs -> a's). `lang_a`/`lang_b` may be NULL. */
void chr__copies_compare(const chr__copyfeat *a, const chr__copyfeat *b,
                         const char *lang_a, const char *lang_b,
                         chr__copy_pair *out);

/* "copy", "rewrite", "translation", NULL for none. */
const char *chr__relation_name(chr__relation r);

/* ---- direction ---- */

typedef struct chr__copy_meta {
    const char *id;
    const char *date;     /* best date (ISO), NULL when unknown */
    const char *outlet, *byline;
    int dateline_dated;   /* a dateline with a date (wire style) */
    size_t len;           /* body bytes */
    const char *hash;     /* hex identity hash: the last tie-break */
} chr__copy_meta;

/* 1 when the document of `a` is the original of the pair, 0 when `b` is:
 * the earlier date when both are known, else the wire (an agency outlet or
 * byline, then a dated dateline), else the longer text, else the smaller
 * hash. Antisymmetric, so the result does not depend on ingest order. */
int chr__copies_a_first(const chr__copy_meta *a, const chr__copy_meta *b);

#endif
