/* vec.c — sparse term vectors for story clustering (see vec.h): ordering
 * and trimming of terms, norms, tf-idf and equal-weight document vectors,
 * dot product and average link, centroid sums, and the packed form the
 * story state blob stores (src/corpus/stories.c). */
#include "corpus/vec.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int chr__sv_cmp_hash(const void *a, const void *b)
{
    uint64_t x = ((const chr_term *)a)->hash, y = ((const chr_term *)b)->hash;
    return x < y ? -1 : x > y;
}

int chr__sv_cmp_weight_desc(const void *a, const void *b)
{
    float x = ((const chr_term *)a)->weight, y = ((const chr_term *)b)->weight;
    if (x != y)
        return x > y ? -1 : 1;
    return chr__sv_cmp_hash(a, b);
}

float chr__sv_norm(const chr_term *t, size_t n)
{
    double s = 0;
    for (size_t i = 0; i < n; i++)
        s += (double)t[i].weight * t[i].weight;
    return (float)sqrt(s);
}

static int sorted_by_hash(const chr_term *t, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (t[i - 1].hash > t[i].hash)
            return 0;
    return 1;
}

static void swap_terms(chr_term *a, chr_term *b)
{
    chr_term x = *a;
    *a = *b;
    *b = x;
}

/* Moves the element of rank k (0-based, in the order of
 * chr__sv_cmp_weight_desc) to a[k] (quickselect, median-of-three pivot);
 * indexes stay in bounds whatever the comparisons answer. */
static void select_rank(chr_term *a, size_t n, size_t k)
{
    size_t lo = 0, hi = n - 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (chr__sv_cmp_weight_desc(&a[mid], &a[lo]) < 0)
            swap_terms(&a[mid], &a[lo]);
        if (chr__sv_cmp_weight_desc(&a[hi], &a[lo]) < 0)
            swap_terms(&a[hi], &a[lo]);
        if (chr__sv_cmp_weight_desc(&a[mid], &a[hi]) < 0)
            swap_terms(&a[mid], &a[hi]);
        /* a[hi]: the median of the three */
        size_t st = lo;
        for (size_t i = lo; i < hi; i++)
            if (chr__sv_cmp_weight_desc(&a[i], &a[hi]) < 0)
                swap_terms(&a[i], &a[st++]);
        swap_terms(&a[st], &a[hi]);
        if (st == k)
            return;
        if (k < st)
            hi = st - 1;
        else
            lo = st + 1;
    }
}

/* The `keep` heaviest terms are those that do not come after the one of
 * rank keep - 1 in weight order (the order is total: hashes are unique in
 * a vector). Selecting that one and filtering keeps the hash order of a
 * sorted input, so the common case (a centroid sum merged with a document,
 * both sorted) needs no sort at all (two full sorts per call took about
 * 7% of the storing time). */
size_t chr__sv_trim(chr_term *t, size_t n, size_t keep)
{
    int sorted = sorted_by_hash(t, n);
    if (n > keep) {
        if (keep == 0)
            return 0;
        chr_term *tmp = malloc(n * sizeof *tmp);
        if (!tmp) { /* no room to select: the sorting way */
            qsort(t, n, sizeof *t, chr__sv_cmp_weight_desc);
            n = keep;
            sorted = 0;
        } else {
            memcpy(tmp, t, n * sizeof *t);
            select_rank(tmp, n, keep - 1);
            chr_term pivot = tmp[keep - 1];
            free(tmp);
            size_t k = 0;
            for (size_t i = 0; i < n && k < keep; i++)
                if (chr__sv_cmp_weight_desc(&t[i], &pivot) <= 0)
                    t[k++] = t[i];
            n = k;
        }
    }
    if (!sorted)
        qsort(t, n, sizeof *t, chr__sv_cmp_hash);
    return n;
}

/* BM25 idf of term h. */
static double idf(const chr__map *df, uint64_t ndocs, uint64_t h)
{
    uint64_t *v = chr__map_get(df, h);
    double d = v ? (double)*v : 0.0;
    double n = (double)ndocs;
    return log(1.0 + (n - d + 0.5) / (d + 0.5));
}

chr_status chr__sv_tfidf(const chr_term *src, size_t n, size_t keep,
                         const chr__map *df, uint64_t ndocs, chr__sv *out)
{
    out->t = NULL;
    out->n = 0;
    out->norm = 0;
    if (n == 0)
        return CHR_OK;
    chr_term *t = malloc(n * sizeof *t);
    if (!t)
        return CHR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        t[i].hash = src[i].hash;
        t[i].weight =
            (float)((1.0 + log(src[i].weight)) * idf(df, ndocs, src[i].hash));
    }
    n = chr__sv_trim(t, n, keep);
    float norm = chr__sv_norm(t, n);
    for (size_t i = 0; i < n && norm > 0; i++)
        t[i].weight /= norm;
    out->t = t;
    out->n = (uint32_t)n;
    out->norm = 1.0f;
    return CHR_OK;
}

chr_status chr__sv_equal(const chr_term *src, size_t n, chr__sv *out)
{
    memset(out, 0, sizeof *out);
    if (!n)
        return CHR_OK;
    out->t = malloc(n * sizeof *out->t);
    if (!out->t)
        return CHR_NOMEM;
    float w = (float)(1.0 / sqrt((double)n));
    for (size_t i = 0; i < n; i++) {
        out->t[i].hash = src[i].hash;
        out->t[i].weight = w;
    }
    out->n = (uint32_t)n;
    out->norm = 1.0f;
    return CHR_OK;
}

chr_status chr__sv_unpack(chr__sv *v, const unsigned char *p, size_t n)
{
    v->t = malloc((n ? n : 1) * sizeof *v->t);
    if (!v->t)
        return CHR_NOMEM;
    for (size_t i = 0; i < n; i++) {
        memcpy(&v->t[i].hash, p + i * CHR__SV_PACKED, 8);
        memcpy(&v->t[i].weight, p + i * CHR__SV_PACKED + 8, 4);
    }
    v->n = (uint32_t)n;
    qsort(v->t, n, sizeof *v->t, chr__sv_cmp_hash);
    v->norm = chr__sv_norm(v->t, n);
    return CHR_OK;
}

chr_status chr__sv_pack(const chr__sv *v, chr_buf *b)
{
    chr_status r = CHR_OK;
    for (uint32_t k = 0; k < v->n && r == CHR_OK; k++) {
        r = chr_buf_append(b, &v->t[k].hash, 8);
        if (r == CHR_OK)
            r = chr_buf_append(b, &v->t[k].weight, 4);
    }
    return r;
}

double chr__sv_dot(const chr__sv *a, const chr__sv *b)
{
    double s = 0;
    uint32_t i = 0, j = 0;
    while (i < a->n && j < b->n) {
        if (a->t[i].hash < b->t[j].hash)
            i++;
        else if (a->t[i].hash > b->t[j].hash)
            j++;
        else
            s += (double)a->t[i++].weight * b->t[j++].weight;
    }
    return s;
}

chr_status chr__sv_table_set(chr__sv_table *t, const chr__sv *v)
{
    size_t want = 16;
    while (want < 2 * (size_t)v->n)
        want *= 2;
    if (want > t->cap) {
        uint64_t *k = malloc(want * sizeof *k);
        float *w = malloc(want * sizeof *w);
        if (!k || !w) {
            free(k);
            free(w);
            return CHR_NOMEM;
        }
        free(t->keys);
        free(t->w);
        t->keys = k;
        t->w = w;
        t->cap = want;
    }
    memset(t->keys, 0, t->cap * sizeof *t->keys);
    t->has_zero = 0;
    size_t mask = t->cap - 1;
    for (uint32_t i = 0; i < v->n; i++) {
        uint64_t h = v->t[i].hash;
        if (h == 0) {
            t->has_zero = 1;
            t->zero_w = v->t[i].weight;
            continue;
        }
        size_t j = (size_t)(h ^ (h >> 32)) & mask;
        while (t->keys[j]) /* the terms of a vector are distinct */
            j = (j + 1) & mask;
        t->keys[j] = h;
        t->w[j] = v->t[i].weight;
    }
    return CHR_OK;
}

double chr__sv_table_dot(const chr__sv_table *t, const chr__sv *b)
{
    double s = 0;
    if (!t->cap)
        return 0;
    size_t mask = t->cap - 1;
    for (uint32_t i = 0; i < b->n; i++) {
        uint64_t h = b->t[i].hash;
        if (h == 0) {
            if (t->has_zero)
                s += (double)t->zero_w * b->t[i].weight;
            continue;
        }
        for (size_t j = (size_t)(h ^ (h >> 32)) & mask; t->keys[j];
             j = (j + 1) & mask) {
            if (t->keys[j] == h) {
                s += (double)t->w[j] * b->t[i].weight;
                break;
            }
        }
    }
    return s;
}

void chr__sv_table_free(chr__sv_table *t)
{
    free(t->keys);
    free(t->w);
    memset(t, 0, sizeof *t);
}

double chr__sv_avg_link(const chr__sv *doc, const chr__sv *sum, int n_docs)
{
    if (doc->n == 0 || sum->n == 0 || n_docs <= 0)
        return 0;
    return chr__sv_dot(doc, sum) / n_docs;
}

chr_status chr__sv_add(chr__sv *c, const chr__sv *v, size_t keep)
{
    chr_term *m = malloc(((size_t)c->n + v->n + 1) * sizeof *m);
    if (!m)
        return CHR_NOMEM;
    size_t i = 0, j = 0, k = 0;
    while (i < c->n || j < v->n) {
        if (j >= v->n || (i < c->n && c->t[i].hash < v->t[j].hash))
            m[k++] = c->t[i++];
        else if (i >= c->n || v->t[j].hash < c->t[i].hash)
            m[k++] = v->t[j++];
        else {
            m[k] = c->t[i++];
            m[k++].weight += v->t[j++].weight;
        }
    }
    k = chr__sv_trim(m, k, keep);
    /* give back the room the merge needed: a story's sum would otherwise
       hold up to twice the terms it keeps, for as long as it lives */
    chr_term *fit = realloc(m, (k ? k : 1) * sizeof *m);
    if (fit)
        m = fit;
    free(c->t);
    c->t = m;
    c->n = (uint32_t)k;
    c->norm = chr__sv_norm(m, k);
    return CHR_OK;
}

void chr__sv_sub(chr__sv *c, const chr__sv *v)
{
    size_t i = 0, j = 0, k = 0;
    while (i < c->n) {
        while (j < v->n && v->t[j].hash < c->t[i].hash)
            j++;
        chr_term t = c->t[i++];
        if (j < v->n && v->t[j].hash == t.hash)
            t.weight -= v->t[j].weight;
        if (t.weight > 1e-6f)
            c->t[k++] = t;
    }
    c->n = (uint32_t)k;
    c->norm = chr__sv_norm(c->t, k);
}

void chr__sv_free(chr__sv *v)
{
    free(v->t);
    v->t = NULL;
    v->n = 0;
    v->norm = 0;
}
