/* score_stories.c — scores a store's stories against gold clusters.
 *
 *   chr-score-stories GOLD.jsonl EXPORT.json
 *
 * GOLD.jsonl: one {"id", "cluster"} object a line (Multi-News as prepared in
 * ../shared/data/stories). EXPORT.json: `chronicle export --format json`.
 * Prints pairwise precision/recall/F1 (over all pairs of documents: a pair
 * is positive when both are in one cluster) and B-cubed precision/recall/F1
 * (per document: the share of its predicted story that is in its gold
 * cluster, and of its gold cluster that is in its predicted story,
 * averaged). Documents missing from the export (failed or duplicates) each
 * count as a story of their own. */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A cluster given as a string: FNV-1a of it. */
static long long str_key(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; s && *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return (long long)(h >> 1);
}

typedef struct item {
    char *id;
    long long gold, pred;
} item;

static int cmp_id(const void *a, const void *b)
{
    return strcmp(((const item *)a)->id, ((const item *)b)->id);
}

typedef struct pair_count {
    long long key1, key2, n;
} pair_count;

static int cmp_ll(const void *a, const void *b)
{
    long long x = *(const long long *)a, y = *(const long long *)b;
    return x < y ? -1 : x > y;
}

/* Sum over groups of C(n,2) for the values keyed by k[] (sorted copy). */
static double pairs_of(long long *k, size_t n)
{
    qsort(k, n, sizeof *k, cmp_ll);
    double s = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && k[j] == k[i])
            j++;
        double c = (double)(j - i);
        s += c * (c - 1) / 2;
        i = j;
    }
    return s;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s GOLD.jsonl EXPORT.json\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    size_t n = 0, cap = 1024;
    item *it = malloc(cap * sizeof *it);
    char *line = NULL;
    size_t lcap = 0;
    ssize_t len;
    while ((len = getline(&line, &lcap, f)) > 0) {
        json_t *j = json_loadb(line, (size_t)len, 0, NULL);
        if (!j)
            continue;
        const char *id = json_string_value(json_object_get(j, "id"));
        json_t *c = json_object_get(j, "cluster");
        if (id && c) {
            if (n == cap)
                it = realloc(it, (cap *= 2) * sizeof *it);
            it[n].id = strdup(id);
            it[n].gold = json_is_integer(c) ? json_integer_value(c)
                                            : str_key(json_string_value(c));
            it[n].pred = -1;
            n++;
        }
        json_decref(j);
    }
    free(line);
    fclose(f);
    qsort(it, n, sizeof *it, cmp_id);

    json_error_t je;
    json_t *ex = json_load_file(argv[2], 0, &je);
    if (!ex) {
        fprintf(stderr, "%s:%d: %s\n", argv[2], je.line, je.text);
        return 1;
    }
    json_t *docs = json_object_get(ex, "documents");
    size_t i;
    json_t *d;
    json_array_foreach(docs, i, d)
    {
        item key = {(char *)json_string_value(json_object_get(d, "id")), 0,
                    0};
        if (!key.id)
            continue;
        item *hit = bsearch(&key, it, n, sizeof *it, cmp_id);
        if (hit)
            hit->pred = json_integer_value(json_object_get(d, "story"));
    }
    json_decref(ex);
    long long next = -2;
    size_t missing = 0;
    for (i = 0; i < n; i++)
        if (it[i].pred == -1) {
            it[i].pred = next--;
            missing++;
        }

    /* pairwise: true positives = pairs sharing gold and pred */
    long long *k = malloc(n * sizeof *k);
    for (i = 0; i < n; i++)
        k[i] = it[i].gold;
    double gold_pairs = pairs_of(k, n);
    for (i = 0; i < n; i++)
        k[i] = it[i].pred;
    double pred_pairs = pairs_of(k, n);
    long long *joint = malloc(n * sizeof *joint);
    for (i = 0; i < n; i++) /* the (gold, pred) pair as one key */
        joint[i] = (long long)((uint64_t)it[i].gold * 1000003ULL ^
                               (uint64_t)it[i].pred * 0x9e3779b97f4a7c15ULL);
    for (i = 0; i < n; i++)
        k[i] = joint[i];
    double tp = pairs_of(k, n); /* sorts k */
    double P = pred_pairs ? tp / pred_pairs : 0, R = gold_pairs ? tp / gold_pairs : 0;

    /* B-cubed via counts of (gold), (pred), (gold, pred) */
    long long *g = malloc(n * sizeof *g), *p = malloc(n * sizeof *p),
              *gp = malloc(n * sizeof *gp);
    for (i = 0; i < n; i++) {
        g[i] = it[i].gold;
        p[i] = it[i].pred;
        gp[i] = joint[i];
    }
    qsort(g, n, sizeof *g, cmp_ll);
    qsort(p, n, sizeof *p, cmp_ll);
    qsort(gp, n, sizeof *gp, cmp_ll);
    double bp = 0, br = 0;
    for (i = 0; i < n; i++) {
        long long kg = it[i].gold, kp = it[i].pred, kk = joint[i];
        long long *a = bsearch(&kg, g, n, sizeof *g, cmp_ll);
        long long *b = bsearch(&kp, p, n, sizeof *p, cmp_ll);
        long long *c = bsearch(&kk, gp, n, sizeof *gp, cmp_ll);
        /* count equal runs around the hits */
        size_t cg = 0, cp = 0, cc = 0;
        for (long long *x = a; x >= g && *x == kg; x--) cg++;
        for (long long *x = a + 1; x < g + n && *x == kg; x++) cg++;
        for (long long *x = b; x >= p && *x == kp; x--) cp++;
        for (long long *x = b + 1; x < p + n && *x == kp; x++) cp++;
        for (long long *x = c; x >= gp && *x == kk; x--) cc++;
        for (long long *x = c + 1; x < gp + n && *x == kk; x++) cc++;
        bp += (double)cc / (double)cp;
        br += (double)cc / (double)cg;
    }
    bp /= (double)n;
    br /= (double)n;
    printf("stories: pairwise P %.3f R %.3f F1 %.3f | B-cubed P %.3f R %.3f "
           "F1 %.3f | %zu documents (%zu not in the store)\n",
           P, R, P + R > 0 ? 2 * P * R / (P + R) : 0, bp, br,
           bp + br > 0 ? 2 * bp * br / (bp + br) : 0, n, missing);
    for (i = 0; i < n; i++)
        free(it[i].id);
    free(it);
    free(k);
    free(g);
    free(p);
    free(gp);
    free(joint);
    return 0;
}
