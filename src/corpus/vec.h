/* vec.h — private to src/corpus/: sparse term vectors for story clustering
 * (src/corpus/stories.c). A vector is a list of (term hash, weight) sorted
 * by hash, in malloc'd memory, with its L2 norm. */
#ifndef CHR_CORPUS_VEC_H
#define CHR_CORPUS_VEC_H

#include "base/base.h"

typedef struct chr__sv {
    chr_term *t; /* sorted by hash */
    uint32_t n;
    float norm;
} chr__sv;

/* Size of one packed term: u64 hash, f32 weight, native byte order. */
#define CHR__SV_PACKED 12

/* qsort comparators: by hash ascending; by weight descending, then hash. */
int chr__sv_cmp_hash(const void *a, const void *b);
int chr__sv_cmp_weight_desc(const void *a, const void *b);

/* L2 norm of t[0..n). */
float chr__sv_norm(const chr_term *t, size_t n);

/* Keeps the `keep` heaviest of t[0..n), re-sorted by hash; returns count. */
size_t chr__sv_trim(chr_term *t, size_t n, size_t keep);

/* The normalised tf-idf vector of the term counts src[0..n): weights
 * (1 + ln tf) * BM25 idf, with document frequencies from `df` (term ->
 * count) over `ndocs` documents; the `keep` heaviest terms. */
chr_status chr__sv_tfidf(const chr_term *src, size_t n, size_t keep,
                         const chr__map *df, uint64_t ndocs, chr__sv *out);

/* The normalised vector of src[0..n) (sorted by hash), all weights equal. */
chr_status chr__sv_equal(const chr_term *src, size_t n, chr__sv *out);

/* Loads n packed terms from p (sorted on load, norm recomputed). */
chr_status chr__sv_unpack(chr__sv *v, const unsigned char *p, size_t n);

/* Appends the packed terms of v to b. */
chr_status chr__sv_pack(const chr__sv *v, chr_buf *b);

/* The dot product of two vectors. */
double chr__sv_dot(const chr__sv *a, const chr__sv *b);

/* One vector's terms in an open-addressed table, for the dot products of
 * one document with many stories: each of the other vector's terms is one
 * probe into a table that stays in L1 cache, instead of a merge whose
 * branches cannot be predicted. The products are summed in the other
 * vector's (hash) order, as chr__sv_dot sums them, so the result is the
 * same double. The table's memory is reused from one set() to the next. */
typedef struct chr__sv_table {
    uint64_t *keys; /* 0: empty slot (a term hashed to 0 is kept apart) */
    float *w;
    size_t cap;     /* slots, a power of two */
    int has_zero;
    float zero_w;
} chr__sv_table;

chr_status chr__sv_table_set(chr__sv_table *t, const chr__sv *v);
/* chr__sv_dot(v, b) for the v last set. */
double chr__sv_table_dot(const chr__sv_table *t, const chr__sv *b);
void chr__sv_table_free(chr__sv_table *t);

/* Average link: the mean cosine of the (normalised) document with the
 * n_docs members whose vectors `sum` adds up; 0 when either is empty. */
double chr__sv_avg_link(const chr__sv *doc, const chr__sv *sum, int n_docs);

/* c += v, trimmed to `keep` terms; c's norm recomputed. */
chr_status chr__sv_add(chr__sv *c, const chr__sv *v, size_t keep);

/* c -= v on the terms c holds (terms falling to zero are dropped): takes
 * a member out of a story's sum. */
void chr__sv_sub(chr__sv *c, const chr__sv *v);

void chr__sv_free(chr__sv *v);

#endif
