/* eval_extraction.c — `make eval-extraction`: scores the bodies chr_analyze
 * extracts from HTML pages against a main-text ground truth, the way the
 * scrapinghub article-extraction-benchmark does (its evaluate.py):
 *
 *  - tokens are runs of Python `\w` characters (Unicode letters and
 *    numbers, and '_'), case kept (the benchmark does not fold case);
 *  - shingles are 4 consecutive tokens, counted as a multiset; a text of
 *    fewer than 4 tokens (but at least one) is one shingle of all of them;
 *  - per page tp = sum of min(count), fp / fn the excess on either side;
 *    precision tp/(tp+fp) is averaged over the pages with a non-empty
 *    prediction, recall tp/(tp+fn) over the pages with a non-empty truth;
 *    F1 from the two averages.
 *
 * Usage: chr-eval-extraction [-v] DIR, where DIR holds ground-truth.json
 * ({id: {articleBody, url}}) and html/<id>.html.gz. Prints one line per page
 * with -v and a final summary; exits 0 with a message when the data is
 * absent. Only chr_analyze is timed (one thread, in process; each page
 * analysed TIMED_RUNS times, its median time counted). */
#define _POSIX_C_SOURCE 200809L
#include "chronicle.h"

#include <jansson.h>
#include <libxml/parser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <utf8proc.h>
#include <zlib.h>

#define MAX_PAGE (64u << 20)

typedef struct hvec {
    uint64_t *v;
    size_t n, cap;
} hvec;

static int hpush(hvec *h, uint64_t x)
{
    if (h->n == h->cap) {
        size_t nc = h->cap ? h->cap * 2 : 1024;
        uint64_t *nv = realloc(h->v, nc * sizeof *nv);
        if (!nv)
            return -1;
        h->v = nv;
        h->cap = nc;
    }
    h->v[h->n++] = x;
    return 0;
}

static int is_word_cp(utf8proc_int32_t c)
{
    if (c == '_')
        return 1;
    switch (utf8proc_category(c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return 1;
    default:
        return 0;
    }
}

static uint64_t fnv(const unsigned char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 1099511628211ull;
    return h;
}

static uint64_t mix(uint64_t h, uint64_t x)
{
    h ^= x + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h *= 0xff51afd7ed558ccdull;
    return h ^ (h >> 33);
}

/* Token hashes of s, then the shingle hashes (sorted) into `out`. */
static int shingles(const char *s, size_t n, hvec *tok, hvec *out)
{
    tok->n = out->n = 0;
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, start = 0;
    int in = 0;
    while (i < n) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &c);
        if (k <= 0) {
            k = 1;
            c = -1;
        }
        int w = c >= 0 && is_word_cp(c);
        if (w && !in) {
            start = i;
            in = 1;
        } else if (!w && in) {
            if (hpush(tok, fnv(p + start, i - start)))
                return -1;
            in = 0;
        }
        i += (size_t)k;
    }
    if (in && hpush(tok, fnv(p + start, n - start)))
        return -1;
    if (tok->n == 0)
        return 0;
    size_t m = tok->n < 4 ? 1 : tok->n - 3;
    for (size_t j = 0; j < m; j++) {
        size_t len = tok->n < 4 ? tok->n : 4;
        uint64_t h = mix(0, len);
        for (size_t t = 0; t < len; t++)
            h = mix(h, tok->v[j + t]);
        if (hpush(out, h))
            return -1;
    }
    return 0;
}

static int cmp64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

static size_t common(hvec *a, hvec *b)
{
    qsort(a->v, a->n, sizeof *a->v, cmp64);
    qsort(b->v, b->n, sizeof *b->v, cmp64);
    size_t i = 0, j = 0, c = 0;
    while (i < a->n && j < b->n) {
        if (a->v[i] == b->v[j])
            c++, i++, j++;
        else if (a->v[i] < b->v[j])
            i++;
        else
            j++;
    }
    return c;
}

static char *read_gz(const char *path, size_t *len)
{
    gzFile f = gzopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n == cap) {
            if (cap >= MAX_PAGE)
                break;
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        int r = gzread(f, buf + n, (unsigned)(cap - n));
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    gzclose(f);
    *len = n;
    return buf;
}

#define TIMED_RUNS 3

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return v[n / 2];
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct page_score {
    const char *id;
    double p, r;
    int has_p, has_r;
} page_score;

int main(int argc, char **argv)
{
    int verbose = 0;
    const char *dir = NULL, *only = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0)
            verbose = 1;
        else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            only = argv[++i]; /* print the body of one page (id prefix) */
        else
            dir = argv[i];
    }
    if (!dir) {
        fprintf(stderr, "usage: chr-eval-extraction [-v] [-o ID] DIR\n");
        return 2;
    }
    char path[4096];
    struct stat st;
    snprintf(path, sizeof path, "%s/ground-truth.json", dir);
    if (stat(dir, &st) != 0 || stat(path, &st) != 0) {
        printf("eval-extraction: skipped (%s absent)\n",
               stat(dir, &st) != 0 ? dir : path);
        return 0;
    }
    json_error_t jerr;
    json_t *gt = json_load_file(path, 0, &jerr);
    if (!gt || !json_is_object(gt)) {
        fprintf(stderr, "eval-extraction: %s: %s\n", path, jerr.text);
        return 1;
    }
    xmlInitParser();
    chr_config cfg;
    chr_config_init(&cfg);
    hvec tok = {0}, sg = {0}, sp = {0};
    double sum_p = 0, sum_r = 0, t_total = 0, bytes = 0;
    size_t n_p = 0, n_r = 0, pages = 0, failed = 0;
    size_t cap = json_object_size(gt);
    page_score *ps = calloc(cap ? cap : 1, sizeof *ps);
    const char *id;
    json_t *v;
    json_object_foreach(gt, id, v) {
        if (only && strncmp(id, only, strlen(only)) != 0)
            continue;
        const char *gold = json_string_value(json_object_get(v, "articleBody"));
        if (!gold)
            gold = "";
        snprintf(path, sizeof path, "%s/html/%s.html.gz", dir, id);
        size_t len = 0;
        char *html = read_gz(path, &len);
        if (!html) {
            fprintf(stderr, "eval-extraction: %s: cannot read\n", path);
            failed++;
            continue;
        }
        chr_input *in = NULL;
        chr_doc *doc = NULL;
        chr_error err;
        memset(&err, 0, sizeof err);
        const char *body = "";
        size_t body_len = 0;
        if (chr_input_from_memory(&in, CHR_FORMAT_HTML, id, path, html, len) ==
            CHR_OK) {
            /* each page is analysed TIMED_RUNS times and its median time
               counted, so that a scheduler hiccup does not decide the
               figure; the last analysis is scored */
            double t[TIMED_RUNS];
            chr_status s = CHR_OK;
            for (int r = 0; r < TIMED_RUNS; r++) {
                chr_doc_free(doc);
                doc = NULL;
                double t0 = now();
                s = chr_analyze(in, &cfg, &doc, &err);
                t[r] = now() - t0;
            }
            t_total += median(t, TIMED_RUNS);
            if (s == CHR_OK) {
                body = doc->body;
                body_len = doc->body_len;
            }
        }
        bytes += (double)len;
        if (only) {
            printf("== %s\ntitle: %s\n%.*s\n", id,
                   doc && doc->title ? doc->title : "(none)", (int)body_len,
                   body);
            if (verbose && doc)
                for (size_t i = 0; i < doc->n_removed; i++)
                    printf("-- [%s] %s\n", doc->removed[i].reason,
                           doc->removed[i].text);
        }
        if (shingles(gold, strlen(gold), &tok, &sg) ||
            shingles(body, body_len, &tok, &sp)) {
            fprintf(stderr, "eval-extraction: out of memory\n");
            return 1;
        }
        double tp = (double)common(&sg, &sp);
        double fp = (double)sp.n - tp, fn = (double)sg.n - tp;
        page_score *sc = &ps[pages++];
        sc->id = id;
        if (tp + fp > 0) {
            sc->p = (fp == 0 && fn == 0) ? 1.0 : tp / (tp + fp);
            sc->has_p = 1;
            sum_p += sc->p;
            n_p++;
        }
        if (tp + fn > 0) {
            sc->r = (fp == 0 && fn == 0) ? 1.0 : tp / (tp + fn);
            sc->has_r = 1;
            sum_r += sc->r;
            n_r++;
        }
        if (verbose)
            printf("%.12s P %.3f R %.3f  gold %zu pred %zu shingles%s\n", id,
                   sc->has_p ? sc->p : 0.0, sc->has_r ? sc->r : 0.0, sg.n,
                   sp.n, doc ? "" : "  (no body)");
        chr_doc_free(doc);
        chr_input_free(in);
        free(html);
    }
    double P = n_p ? sum_p / n_p : 0, R = n_r ? sum_r / n_r : 0;
    double F = P + R > 0 ? 2 * P * R / (P + R) : 0;
    printf("extraction: P %.3f R %.3f F1 %.3f on %zu pages, %.0f pages/s, "
           "%.1f MB/s (analysis only, one core, median of %d runs a "
           "page)\n",
           P, R, F, pages, t_total > 0 ? pages / t_total : 0.0,
           t_total > 0 ? bytes / t_total / 1e6 : 0.0, TIMED_RUNS);
    if (failed)
        printf("eval-extraction: %zu pages could not be read\n", failed);
    free(ps);
    free(tok.v);
    free(sg.v);
    free(sp.v);
    json_decref(gt);
    return failed ? 1 : 0;
}
