/* gen_ner_model.c — build-time host tool: compiles the named-entity
 * tagger's weights (data/ner-model.txt) and gazetteer
 * (data/ner-gazetteer.tsv) into C source holding the model's lookup tables
 * as const arrays (included by src/extract/ner_model.c), so the library
 * needs no file at run time and the model is read-only shared data.
 *
 * Usage: gen_ner_model MODEL GAZETTEER OUT.c
 * A missing MODEL or GAZETTEER gives an empty table (the tagger then finds
 * nothing) and a warning, so the library still builds.
 * Decisions: plain initialised arrays (hex numbers, 8 to 16 a line) rather
 * than .incbin, to stay within standard C. The weights are written in the
 * packed layout of ner_int.h: buckets of four (key, payload) pairs, one
 * cache line each, filled at a load of 1/2 (a key in its second bucket
 * only when its first is full, which the lookup relies on and this tool
 * checks); one or two weights inside the payload, a few in a list, many
 * as a dense row of 16 32-bit values. A lookup is then mostly one cache
 * line instead of one in each of five arrays. The table holds the same
 * keys and weights as data/ner-model.txt, so scores are unchanged. */
#include "extract/ner_int.h"
#include "ner_model_io.h"

static void put_u64(FILE *f, const char *name, const uint64_t *v, size_t n)
{
    fprintf(f, "static const uint64_t %s[%zu] = {\n", name, n ? n : 1);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "0x%" PRIx64 "u,%s", v[i], i % 8 == 7 ? "\n" : "");
    fprintf(f, "%s};\n", n ? "" : "0");
}

static void put_u32(FILE *f, const char *name, const uint32_t *v, size_t n)
{
    fprintf(f, "static const uint32_t %s[%zu] = {\n", name, n ? n : 1);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%" PRIu32 ",%s", v[i], i % 16 == 15 ? "\n" : "");
    fprintf(f, "%s};\n", n ? "" : "0");
}

static void put_u8(FILE *f, const char *name, const uint8_t *v, size_t n)
{
    fprintf(f, "static const uint8_t %s[%zu] = {\n", name, n ? n : 1);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%u,%s", v[i], i % 32 == 31 ? "\n" : "");
    fprintf(f, "%s};\n", n ? "" : "0");
}

/* Like put_u64, aligned to a cache line (the model's buckets). */
static void put_u64a(FILE *f, const char *name, const uint64_t *v, size_t n)
{
    fprintf(f, "static _Alignas(64) const uint64_t %s[%zu] = {\n", name,
            n ? n : 8);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "0x%" PRIx64 "u,%s", v[i], i % 8 == 7 ? "\n" : "");
    fprintf(f, "%s};\n", n ? "" : "0");
}

#ifndef NER_BUCKET_KEYS
#define NER_BUCKET_KEYS 200 /* keys per 100 buckets: load 50% */
#endif

/* A free slot of bucket b of t, or NULL. */
static uint64_t *free_slot(uint64_t *t, size_t b)
{
    for (int s = 0; s < 4; s++)
        if (!t[8 * b + 2 * s])
            return t + 8 * b + 2 * s;
    return NULL;
}

/* Places key[i] (payload pay[i]) into the bucket table of ner_int.h: in
 * its first bucket when there is room, else in its second (the first is
 * then full, and stays so: the lookup's rule), else a key of the second
 * is moved to its other bucket to make room, and so on (cuckoo). More
 * buckets when a key cannot be placed in 500 moves. Deterministic: the
 * same model gives the same table. Returns 0 when out of memory or no
 * size works. */
static int bucket_build(const uint64_t *key, const uint64_t *pay, size_t n,
                        uint64_t **out, size_t *nb_out)
{
    size_t nb = n * 100 / NER_BUCKET_KEYS + 1;
    for (int attempt = 0; attempt < 40; attempt++, nb += nb / 16 + 1) {
        uint64_t *t = calloc(8 * nb, sizeof *t);
        if (!t)
            return 0;
        int ok = 1;
        for (size_t i = 0; i < n && ok; i++) {
            uint64_t k = key[i], p = pay[i];
            uint64_t *e = free_slot(t, ner_bucket1(k, nb));
            if (!e)
                e = free_slot(t, ner_bucket2(k, nb));
            size_t b = ner_bucket2(k, nb);
            for (int move = 0; !e && move < 500; move++) {
                /* bucket b is full: k takes a slot, its key moves on */
                uint64_t *v = t + 8 * b + 2 * (size_t)(move & 3);
                uint64_t vk = v[0], vp = v[1];
                v[0] = k;
                v[1] = p;
                k = vk;
                p = vp;
                b = ner_bucket1(k, nb) == b ? ner_bucket2(k, nb)
                                            : ner_bucket1(k, nb);
                e = free_slot(t, b);
            }
            if (e) {
                e[0] = k;
                e[1] = p;
            } else {
                ok = 0;
            }
        }
        /* check the rule: a key outside its first bucket has it full */
        for (size_t b = 0; b < nb && ok; b++) {
            for (int s = 0; s < 4; s++) {
                uint64_t k = t[8 * b + 2 * s];
                if (k && ner_bucket1(k, nb) != b &&
                    !t[8 * ner_bucket1(k, nb) + 6])
                    ok = 0;
            }
        }
        if (ok) {
            *out = t;
            *nb_out = nb;
            return 1;
        }
        free(t);
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: gen_ner_model MODEL GAZETTEER OUT.c\n");
        return 2;
    }
    model_build m;
    gaz_build g;
    memset(&m, 0, sizeof m);
    memset(&g, 0, sizeof g);
    int have_m = mb_load(argv[1], &m);
    int have_g = gaz_load(argv[2], &g);
    if (!have_m)
        fprintf(stderr, "gen_ner_model: warning: no %s, empty model\n",
                argv[1]);
    if (!have_g)
        fprintf(stderr, "gen_ner_model: warning: no %s, empty gazetteer\n",
                argv[2]);
    FILE *f = fopen(argv[3], "w");
    if (!f) {
        perror(argv[3]);
        return 1;
    }
    fprintf(f, "/* Generated by tools/gen_ner_model.c from %s and %s. */\n",
            argv[1], argv[2]);
    size_t mcap = have_m ? m.cap : 0, gcap = have_g ? g.cap : 0;
    /* payloads (ner_int.h); row 0 stays zero: the payload 0 of a feature
       the model lacks reads it */
    uint64_t *fkey = calloc(mcap ? mcap : 1, sizeof *fkey);
    uint64_t *fpay = calloc(mcap ? mcap : 1, sizeof *fpay);
    uint32_t *wpk = calloc(have_m && m.nw ? m.nw : 1, sizeof *wpk);
    int16_t *wrow = calloc(16 * (mcap + 1), sizeof *wrow);
    size_t nf = 0, nwpk = 0, nrow = 1;
    if (!fkey || !fpay || !wpk || !wrow) {
        fprintf(stderr, "gen_ner_model: out of memory\n");
        return 1;
    }
    for (size_t j = 0; j < mcap; j++) {
        if (!m.keys[j])
            continue;
        int c = m.cnt[j];
        const uint8_t *lab = m.wlab + m.start[j];
        const int16_t *val = m.wval + m.start[j];
        fkey[nf] = m.keys[j];
        uint64_t *pay = &fpay[nf++];
        for (int k = 0; k < c; k++) {
            if (lab[k] >= NER_NLAB) {
                fprintf(stderr, "gen_ner_model: bad label %u\n", lab[k]);
                return 1;
            }
        }
        if (c <= 2) {
            *pay = ner_pay_inline(c, lab[0], val[0], c > 1 ? lab[1] : 0,
                                  c > 1 ? val[1] : 0);
            continue;
        }
        if (c >= NER_ROW_MIN) {
            /* a label twice would be summed; keep a list if that overflows */
            long sum[NER_NLAB] = { 0 };
            int fits = 1;
            for (int k = 0; k < c; k++)
                sum[lab[k]] += val[k];
            for (int b = 0; b < NER_NLAB; b++)
                if (sum[b] < INT16_MIN || sum[b] > INT16_MAX)
                    fits = 0;
            if (fits) {
                for (int b = 1; b < NER_NLAB; b++)
                    wrow[16 * nrow + (size_t)(b - 1)] = (int16_t)sum[b];
                *pay = ner_pay_row(c, (int)sum[0], (uint32_t)nrow);
                nrow++;
                continue;
            }
        }
        *pay = ner_pay_list(c, (uint32_t)nwpk);
        for (int k = 0; k < c; k++)
            wpk[nwpk++] = ner_wpk_make(lab[k], val[k]);
    }
    size_t nb = 0;
    uint64_t *bucket = NULL;
    if (nf && !bucket_build(fkey, fpay, nf, &bucket, &nb)) {
        fprintf(stderr, "gen_ner_model: cannot place the features\n");
        return 1;
    }
    put_u64a(f, "ner_bucket", bucket, 8 * nb);
    put_u32(f, "ner_wpk", wpk, nwpk);
    fprintf(f, "static _Alignas(64) const int32_t ner_wrow[%zu] = {\n",
            16 * nrow);
    for (size_t i = 0; i < 16 * nrow; i++)
        fprintf(f, "%d,%s", wrow[i], i % 16 == 15 ? "\n" : "");
    fprintf(f, "};\n");
    free(fkey);
    free(fpay);
    free(bucket);
    free(wpk);
    free(wrow);
    fprintf(f, "static const float ner_trans[%d] = {\n",
            (NER_NLAB + 1) * NER_NLAB);
    for (int i = 0; i < (NER_NLAB + 1) * NER_NLAB; i++)
        fprintf(f, "(float)%.9g,%s", have_m ? m.trans[i] : 0.0f,
                i % 8 == 7 ? "\n" : "");
    fprintf(f, "};\n");
    put_u64(f, "ner_gkeys", g.keys, gcap);
    put_u8(f, "ner_gcls", g.cls, gcap);
    fprintf(f,
            "static const chr__ner_model ner_model = {\n"
            "    NULL, NULL, NULL, %zu, NULL, NULL,\n"
            "    (float)%.9g, ner_trans, { ner_gkeys, ner_gcls, %zu },\n"
            "    ner_bucket, %zu, ner_wpk, ner_wrow };\n",
            4 * nb, have_m ? m.scale : 1.0f, gcap, nb);
    if (fclose(f) != 0) {
        perror(argv[3]);
        return 1;
    }
    if (have_m)
        mb_free(&m);
    free(g.keys);
    free(g.cls);
    return 0;
}
