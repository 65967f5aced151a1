/* train_ner.c — trains the named-entity tagger (host tool, `make train-ner`).
 *
 * Usage: train_ner TRAIN DEV GAZETTEER OUT [EPOCHS]
 *   TRAIN, DEV  CoNLL-2003 files (IOB1, last column the tag)
 *   GAZETTEER   data/ner-gazetteer.tsv
 *   OUT         the weights file to write (data/ner-model.txt, format in
 *               tools/ner_model_io.h)
 * Prints the dev F1 (conlleval's phrase-level score) after every epoch.
 *
 * Method: structured averaged perceptron (Collins 2002) over BILOU labels
 * with first-order Viterbi decoding; features from src/extract/ner_feat.c,
 * including document features fed by the model's own predictions for the
 * earlier sentences of the document (the same at training and tagging).
 * Each epoch visits the documents in a new order (xorshift PRNG with a fixed
 * seed, so training is deterministic). Averaging uses the usual trick
 * (avg = w - acc / c with acc += c * delta). The averaged weights are
 * quantised to int16 (scale = 32000 / largest |weight|) and weights that
 * round to below PRUNE are dropped, which keeps the file small; the dev
 * score printed is that of the quantised, pruned model, i.e. the one
 * shipped. */
#include "extract/ner_int.h"
#include "ner_conll.h"
#include "ner_model_io.h"

#include <math.h>
#include <time.h>

#define PRUNE 3 /* drop quantised weights with |w| < PRUNE */

typedef struct wblock {
    double w[NER_NLAB];
    double acc[NER_NLAB];
} wblock;

typedef struct wtab {
    uint64_t *keys;
    uint32_t *idx;
    size_t cap, len;
    wblock *blocks;
    size_t nblocks, bcap;
    double trans[(NER_NLAB + 1) * NER_NLAB];
    double tacc[(NER_NLAB + 1) * NER_NLAB];
    double c; /* instance counter */
} wtab;

static void wt_grow(wtab *t)
{
    size_t ncap = t->cap ? t->cap * 2 : 1 << 20;
    uint64_t *nk = io_alloc(ncap * sizeof *nk);
    uint32_t *ni = io_alloc(ncap * sizeof *ni);
    for (size_t i = 0; i < t->cap; i++) {
        if (!t->keys[i])
            continue;
        size_t j = t->keys[i] & (ncap - 1);
        while (nk[j])
            j = (j + 1) & (ncap - 1);
        nk[j] = t->keys[i];
        ni[j] = t->idx[i];
    }
    free(t->keys);
    free(t->idx);
    t->keys = nk;
    t->idx = ni;
    t->cap = ncap;
}

static wblock *wt_get(const wtab *t, uint64_t key)
{
    if (!t->cap)
        return NULL;
    size_t mask = t->cap - 1;
    for (size_t i = key & mask;; i = (i + 1) & mask) {
        if (t->keys[i] == key)
            return &t->blocks[t->idx[i]];
        if (!t->keys[i])
            return NULL;
    }
}

static wblock *wt_slot(wtab *t, uint64_t key)
{
    if ((t->len + 1) * 2 > t->cap)
        wt_grow(t);
    size_t mask = t->cap - 1;
    size_t i = key & mask;
    while (t->keys[i] && t->keys[i] != key)
        i = (i + 1) & mask;
    if (t->keys[i])
        return &t->blocks[t->idx[i]];
    if (t->nblocks == t->bcap) {
        t->bcap = t->bcap ? t->bcap * 2 : 1 << 16;
        t->blocks = xrealloc(t->blocks, t->bcap * sizeof *t->blocks);
    }
    memset(&t->blocks[t->nblocks], 0, sizeof *t->blocks);
    t->keys[i] = key;
    t->idx[i] = (uint32_t)t->nblocks;
    t->len++;
    return &t->blocks[t->nblocks++];
}

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;
static uint64_t rng(void)
{
    uint64_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return rng_state = x;
}

/* Tokens of sentence k of d as chr__ner_tok. */
static size_t sent_toks(const conll_data *d, size_t k, chr__ner_tok *t)
{
    size_t a = d->sent_start[k], b = d->sent_start[k + 1];
    size_t n = b - a;
    if (n > NER_MAX_SENT)
        n = NER_MAX_SENT;
    for (size_t i = 0; i < n; i++) {
        t[i].s = d->text + d->tok[a + i].off;
        t[i].n = d->tok[a + i].len;
    }
    return n;
}

static void gold_labels(const conll_data *d, size_t k, size_t n, int *lab)
{
    int type[NER_MAX_SENT], begin[NER_MAX_SENT];
    size_t a = d->sent_start[k];
    for (size_t i = 0; i < n; i++) {
        type[i] = d->tok[a + i].type;
        begin[i] = d->tok[a + i].begin;
    }
    chr__ner_iob1_to_bilou(type, begin, n, lab);
}

static uint64_t feats[NER_MAX_SENT * NER_MAXFEAT];
static int nf[NER_MAX_SENT];
static float score[NER_MAX_SENT * NER_NLAB];

static void train_sentence(wtab *wt, const chr__ner_gaz *g,
                           chr__ner_docmem *dm, const chr__ner_tok *t,
                           size_t n, const int *gold, int *pred)
{
    chr__ner_features(g, dm, t, n, feats, nf);
    float trans[(NER_NLAB + 1) * NER_NLAB];
    for (int i = 0; i < (NER_NLAB + 1) * NER_NLAB; i++)
        trans[i] = (float)wt->trans[i];
    for (size_t i = 0; i < n; i++) {
        double acc[NER_NLAB] = { 0 };
        for (int k = 0; k < nf[i]; k++) {
            wblock *b = wt_get(wt, feats[i * NER_MAXFEAT + k]);
            if (b)
                for (int l = 0; l < NER_NLAB; l++)
                    acc[l] += b->w[l];
        }
        for (int l = 0; l < NER_NLAB; l++)
            score[i * NER_NLAB + l] = (float)acc[l];
    }
    chr__ner_viterbi(score, trans, n, pred);
    int wrong = 0;
    for (size_t i = 0; i < n; i++)
        wrong |= pred[i] != gold[i];
    if (wrong) {
        double c = wt->c;
        for (size_t i = 0; i < n; i++) {
            if (pred[i] == gold[i])
                continue;
            for (int k = 0; k < nf[i]; k++) {
                wblock *b = wt_slot(wt, feats[i * NER_MAXFEAT + k]);
                b->w[gold[i]] += 1;
                b->acc[gold[i]] += c;
                b->w[pred[i]] -= 1;
                b->acc[pred[i]] -= c;
            }
        }
        for (size_t i = 0; i < n; i++) {
            int ga = i ? gold[i - 1] : -1, pa = i ? pred[i - 1] : -1;
            int gi = (ga + 1) * NER_NLAB + gold[i];
            int pi = (pa + 1) * NER_NLAB + pred[i];
            if (gi == pi)
                continue;
            wt->trans[gi] += 1;
            wt->tacc[gi] += c;
            wt->trans[pi] -= 1;
            wt->tacc[pi] -= c;
        }
    }
    wt->c += 1;
}

/* The averaged, quantised, pruned model. */
static void make_model(const wtab *wt, model_build *mb)
{
    double maxabs = 0;
    for (size_t b = 0; b < wt->nblocks; b++)
        for (int l = 0; l < NER_NLAB; l++) {
            double v = fabs(wt->blocks[b].w[l] - wt->blocks[b].acc[l] / wt->c);
            if (v > maxabs)
                maxabs = v;
        }
    for (int i = 0; i < (NER_NLAB + 1) * NER_NLAB; i++) {
        double v = fabs(wt->trans[i] - wt->tacc[i] / wt->c);
        if (v > maxabs)
            maxabs = v;
    }
    float scale = (float)(maxabs > 0 ? 32000.0 / maxabs : 1.0);
    mb_init(mb, wt->len, scale);
    for (size_t i = 0; i < wt->cap; i++) {
        if (!wt->keys[i])
            continue;
        const wblock *b = &wt->blocks[wt->idx[i]];
        uint8_t lab[NER_NLAB];
        int16_t val[NER_NLAB];
        int k = 0;
        for (int l = 0; l < NER_NLAB; l++) {
            double v = (b->w[l] - b->acc[l] / wt->c) * scale;
            long q = lround(v);
            if (q > 32767)
                q = 32767;
            if (q < -32767)
                q = -32767;
            if (labs(q) >= PRUNE) {
                lab[k] = (uint8_t)l;
                val[k++] = (int16_t)q;
            }
        }
        mb_add(mb, wt->keys[i], lab, val, k);
    }
    for (int i = 0; i < (NER_NLAB + 1) * NER_NLAB; i++) {
        long q = lround((wt->trans[i] - wt->tacc[i] / wt->c) * scale);
        mb->trans[i] = (float)q / scale;
    }
}

static double evaluate(const model_build *mb, const gaz_build *g,
                       const conll_data *d, conll_score *sc, double *secs)
{
    chr__ner_model m;
    mb_view(mb, g, &m);
    memset(sc, 0, sizeof *sc);
    chr__ner_tok t[NER_MAX_SENT];
    int lab[NER_MAX_SENT], pt[NER_MAX_SENT], pb[NER_MAX_SENT];
    int gt[NER_MAX_SENT], gb[NER_MAX_SENT];
    clock_t c0 = clock();
    for (size_t doc = 0; doc < d->ndoc; doc++) {
        chr__ner_docmem dm;
        chr__ner_docmem_init(&dm, 1 << 20);
        for (size_t k = d->doc_start[doc]; k < d->doc_start[doc + 1]; k++) {
            size_t n = sent_toks(d, k, t);
            chr__ner_docmem_scan(&dm, t, n);
        }
        for (size_t k = d->doc_start[doc]; k < d->doc_start[doc + 1]; k++) {
            size_t n = sent_toks(d, k, t);
            chr__ner_tag_sentence(&m, &dm, t, n, lab);
            chr__ner_docmem_tagged(&dm, t, lab, n);
            chr__ner_bilou_to_iob1(lab, n, pt, pb);
            size_t a = d->sent_start[k];
            for (size_t i = 0; i < n; i++) {
                gt[i] = d->tok[a + i].type;
                gb[i] = d->tok[a + i].begin;
            }
            conll_score_sent(sc, gt, gb, pt, pb, n);
        }
        chr__ner_docmem_free(&dm);
    }
    *secs = (double)(clock() - c0) / CLOCKS_PER_SEC;
    return conll_f1(sc, 0, NULL, NULL);
}

static int cmp_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

static void write_model(const char *path, const model_build *mb,
                        int epochs, double f1)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        exit(1);
    }
    fprintf(f, "# chronicle named-entity tagger weights (tools/train_ner.c)\n"
               "# averaged perceptron, BILOU labels, %d epochs; trained on "
               "CoNLL-2003 eng.train; dev eng.testa F1 %.2f\n"
               "# format: tools/ner_model_io.h\n",
            epochs, f1);
    fprintf(f, "scale %.6g\n", mb->scale);
    for (int a = -1; a < NER_NLAB; a++)
        for (int b = 0; b < NER_NLAB; b++) {
            long q = lround(mb->trans[(a + 1) * NER_NLAB + b] * mb->scale);
            if (q)
                fprintf(f, "t %d %d %ld\n", a, b, q);
        }
    /* features sorted by key so that the file is deterministic and diffs */
    size_t n = 0;
    uint64_t *keys = io_alloc(mb->nfeat * sizeof *keys);
    for (size_t i = 0; i < mb->cap; i++)
        if (mb->keys[i])
            keys[n++] = mb->keys[i];
    qsort(keys, n, sizeof *keys, cmp_u64);
    for (size_t k = 0; k < n; k++) {
        size_t mask = mb->cap - 1, i = keys[k] & mask;
        while (mb->keys[i] != keys[k])
            i = (i + 1) & mask;
        fprintf(f, "f %016" PRIx64, keys[k]);
        for (int c = 0; c < mb->cnt[i]; c++)
            fprintf(f, " %d:%d", mb->wlab[mb->start[i] + c],
                    mb->wval[mb->start[i] + c]);
        fputc('\n', f);
    }
    free(keys);
    if (fclose(f) != 0) {
        perror(path);
        exit(1);
    }
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: train_ner TRAIN DEV GAZETTEER OUT [EPOCHS]\n");
        return 2;
    }
    int epochs = argc > 5 ? atoi(argv[5]) : 12;
    conll_data tr, dev;
    gaz_build g = { 0 };
    if (!conll_read(argv[1], &tr) || !conll_read(argv[2], &dev)) {
        fprintf(stderr, "train_ner: cannot read the CoNLL files\n");
        return 1;
    }
    if (!gaz_load(argv[3], &g)) {
        fprintf(stderr, "train_ner: cannot read %s\n", argv[3]);
        return 1;
    }
    printf("train: %zu documents, %zu sentences, %zu tokens; dev: %zu "
           "tokens; gazetteer: %zu keys\n",
           tr.ndoc, tr.nsent, tr.ntok, dev.ntok, g.len);
    chr__ner_gaz gz = { g.keys, g.cls, g.cap };
    wtab wt;
    memset(&wt, 0, sizeof wt);
    wt.c = 1;
    size_t *order = io_alloc(tr.ndoc * sizeof *order);
    for (size_t i = 0; i < tr.ndoc; i++)
        order[i] = i;
    chr__ner_tok t[NER_MAX_SENT];
    int gold[NER_MAX_SENT], pred[NER_MAX_SENT];
    double best = 0;
    model_build mb;
    memset(&mb, 0, sizeof mb);
    for (int ep = 1; ep <= epochs; ep++) {
        clock_t c0 = clock();
        for (size_t i = tr.ndoc; i > 1; i--) {
            size_t j = rng() % i;
            size_t tmp = order[i - 1];
            order[i - 1] = order[j];
            order[j] = tmp;
        }
        for (size_t oi = 0; oi < tr.ndoc; oi++) {
            size_t doc = order[oi];
            chr__ner_docmem dm;
            chr__ner_docmem_init(&dm, 1 << 20);
            for (size_t k = tr.doc_start[doc]; k < tr.doc_start[doc + 1]; k++) {
                size_t n = sent_toks(&tr, k, t);
                chr__ner_docmem_scan(&dm, t, n);
            }
            for (size_t k = tr.doc_start[doc]; k < tr.doc_start[doc + 1]; k++) {
                size_t n = sent_toks(&tr, k, t);
                if (!n)
                    continue;
                gold_labels(&tr, k, n, gold);
                train_sentence(&wt, &gz, &dm, t, n, gold, pred);
                chr__ner_docmem_tagged(&dm, t, pred, n);
            }
            chr__ner_docmem_free(&dm);
        }
        double tsec = (double)(clock() - c0) / CLOCKS_PER_SEC;
        mb_free(&mb);
        make_model(&wt, &mb);
        conll_score sc;
        double esec;
        double f1 = evaluate(&mb, &g, &dev, &sc, &esec);
        printf("epoch %2d: train %.1fs, %zu features kept of %zu; dev F1 "
               "%.2f (P %.2f R %.2f), %.0f tokens/s\n",
               ep, tsec, mb.nfeat, wt.len, f1,
               sc.guess[0] ? 100.0 * sc.correct[0] / sc.guess[0] : 0,
               sc.gold[0] ? 100.0 * sc.correct[0] / sc.gold[0] : 0,
               esec > 0 ? dev.ntok / esec : 0);
        fflush(stdout);
        best = f1;
    }
    conll_score sc;
    double esec;
    evaluate(&mb, &g, &dev, &sc, &esec);
    conll_print(stdout, &sc);
    write_model(argv[4], &mb, epochs, best);
    printf("wrote %s (%zu features, %zu weights)\n", argv[4], mb.nfeat, mb.nw);
    mb_free(&mb);
    conll_free(&tr);
    conll_free(&dev);
    free(order);
    return 0;
}
