/* ner_lab.c — labels and decoding of the named-entity tagger: BILOU
 * constraints, IOB1 <-> BILOU conversion, scoring a sentence under a
 * compiled model (one table lookup per feature), first-order Viterbi, and
 * the scratch memory a document's sentences share.
 * Decisions: the BILOU constraints are hard (disallowed transitions are
 * never taken), so every decoded sequence is a well-formed set of chunks.
 * Speed (the tagger was half of the analysis): the compiled-in model is
 * looked up in its packed layout (ner_int.h) in two passes over a
 * sentence, lookups with prefetching first, sums second, so that cache
 * misses overlap; Viterbi visits only the transitions BILOU allows (97 of
 * 289 per token) and picks the best with selects, not branches; a
 * document's sentences reuse one scratch instead of allocating per
 * sentence. Every change keeps the arithmetic: integer sums of the same
 * weights, the same float additions and comparisons in the same order, so
 * the labels are the same as with the plain scan.
 * Standalone (ner_int.h, libc) for the training tool. */
#include "extract/ner_int.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char *const chr__ner_type_names[5] = { "O", "PER", "ORG", "LOC",
                                             "MISC" };

int chr__ner_allowed(int a, int b)
{
    int open = a > 0 && (ner_lab_pos(a) == NER_B || ner_lab_pos(a) == NER_I);
    if (!open)
        return b == 0 || ner_lab_pos(b) == NER_B || ner_lab_pos(b) == NER_U;
    return b > 0 && ner_lab_type(b) == ner_lab_type(a) &&
           (ner_lab_pos(b) == NER_I || ner_lab_pos(b) == NER_L);
}

static int final_ok(int a)
{
    return a == 0 || ner_lab_pos(a) == NER_L || ner_lab_pos(a) == NER_U;
}

/* Labels that may precede label b (chr__ner_allowed), ascending: before O,
 * B-x and U-x any closed label (O, L-*, U-*); before I-x and L-x only B-x
 * and I-x. Ascending order keeps the first best predecessor, as a scan
 * over all labels would. */
static const uint8_t closed_labs[9] = { 0, 3, 4, 7, 8, 11, 12, 15, 16 };

/* The better of (bs, bl) and (v, a): v only when strictly greater, so the
 * first of equal predecessors stays, as in a scan in label order. Written
 * as selects: which predecessor wins is data, not a predictable branch. */
#define KEEP_BEST(bs, bl, v, a)         \
    do {                                \
        int gt_ = (v) > (bs);           \
        (bs) = gt_ ? (v) : (bs);        \
        (bl) = gt_ ? (a) : (bl);        \
    } while (0)

/* Viterbi into best[n*NER_NLAB] and back[n*NER_NLAB], each label's
 * predecessors from the lists above. A predecessor at -FLT_MAX
 * (unreachable) is never taken: it counts as -infinity, which loses
 * against the initial -FLT_MAX as the full scan's skip did. The sums are
 * the same float additions as in a scan over all labels, so the result
 * is too. */
static void viterbi(const float *score, const float *trans, size_t n,
                    int *out, float *best, unsigned char *back)
{
    for (int b = 0; b < NER_NLAB; b++)
        best[b] = chr__ner_allowed(-1, b) ? score[b] + trans[b] : -FLT_MAX;
    for (size_t i = 1; i < n; i++) {
        const float *prev = best + (i - 1) * NER_NLAB;
        const float *sc = score + i * NER_NLAB;
        float *cur = best + i * NER_NLAB;
        unsigned char *bk = back + i * NER_NLAB;
        for (int b = 0; b < NER_NLAB; b++) {
            float bs = -FLT_MAX;
            int bl = 0;
            int pos = b ? (b - 1) & 3 : NER_B;
            if (pos == NER_B || pos == NER_U) {
                for (int k = 0; k < 9; k++) {
                    int a = closed_labs[k];
                    float pa = prev[a];
                    float v = pa == -FLT_MAX
                                  ? -INFINITY
                                  : pa + trans[(a + 1) * NER_NLAB + b];
                    KEEP_BEST(bs, bl, v, a);
                }
            } else {
                int first = b - pos; /* B of the same type, then I */
                for (int a = first; a <= first + 1; a++) {
                    float pa = prev[a];
                    float v = pa == -FLT_MAX
                                  ? -INFINITY
                                  : pa + trans[(a + 1) * NER_NLAB + b];
                    KEEP_BEST(bs, bl, v, a);
                }
            }
            cur[b] = bs == -FLT_MAX ? -FLT_MAX : bs + sc[b];
            bk[b] = (unsigned char)bl;
        }
    }
    int bl = 0;
    float bs = -FLT_MAX;
    for (int b = 0; b < NER_NLAB; b++) {
        float v = best[(n - 1) * NER_NLAB + b];
        if (final_ok(b) && v > bs) {
            bs = v;
            bl = b;
        }
    }
    for (size_t i = n; i-- > 0;) {
        out[i] = bl;
        if (i)
            bl = back[i * NER_NLAB + bl];
    }
}

void chr__ner_viterbi(const float *score, const float *trans, size_t n,
                      int *out)
{
    if (n == 0)
        return;
    float *best = malloc(n * NER_NLAB * sizeof *best);
    unsigned char *back = malloc(n * NER_NLAB);
    if (!best || !back) {
        /* out of memory: greedy, still well formed */
        free(best);
        free(back);
        int prev = -1;
        for (size_t i = 0; i < n; i++) {
            int bl = 0;
            float bs = -FLT_MAX;
            for (int b = 0; b < NER_NLAB; b++) {
                if (!chr__ner_allowed(prev, b) ||
                    (i + 1 == n && !final_ok(b)))
                    continue;
                if (score[i * NER_NLAB + b] > bs) {
                    bs = score[i * NER_NLAB + b];
                    bl = b;
                }
            }
            out[i] = prev = bl;
        }
        return;
    }
    viterbi(score, trans, n, out, best, back);
    free(best);
    free(back);
}

int chr__ner_type_of(const char *tag, size_t n)
{
    if (n > 2 && (tag[0] == 'I' || tag[0] == 'B' || tag[0] == 'E' ||
                  tag[0] == 'S' || tag[0] == 'L' || tag[0] == 'U') &&
        tag[1] == '-') {
        for (int t = 1; t <= 4; t++) {
            size_t ln = strlen(chr__ner_type_names[t]);
            if (n - 2 == ln && memcmp(tag + 2, chr__ner_type_names[t], ln) == 0)
                return t;
        }
    }
    return 0;
}

void chr__ner_iob1_to_bilou(const int *type, const int *begin, size_t n,
                            int *lab)
{
    for (size_t i = 0; i < n; i++) {
        int t = type[i];
        if (!t) {
            lab[i] = 0;
            continue;
        }
        int starts = i == 0 || type[i - 1] != t || begin[i];
        int ends = i + 1 == n || type[i + 1] != t || begin[i + 1];
        int pos = starts ? (ends ? NER_U : NER_B) : (ends ? NER_L : NER_I);
        lab[i] = ner_lab_make(t, pos);
    }
}

void chr__ner_bilou_to_iob1(const int *lab, size_t n, int *type, int *b)
{
    int prev_type = 0;
    for (size_t i = 0; i < n; i++) {
        int t = ner_lab_type(lab[i]);
        int p = ner_lab_pos(lab[i]);
        int starts = t && (p == NER_B || p == NER_U || prev_type != t);
        type[i] = t;
        b[i] = starts && prev_type == t;
        /* the chunk is open after B/I only; after L/U the next same-type
           token starts a new chunk (handled by p == B/U above) */
        prev_type = t;
    }
}

/* Scores with the split arrays (the training tool's model). */
static void score_split(const chr__ner_model *m, const uint64_t *feats,
                        const int *nf, size_t n, float *score)
{
    size_t mask = m->cap - 1;
    float inv = m->scale > 0 ? 1.0f / m->scale : 1.0f;
    for (size_t i = 0; i < n; i++) {
        float *sc = score + i * NER_NLAB;
        int acc[NER_NLAB] = { 0 };
        for (int k = 0; k < nf[i]; k++) {
            uint64_t key = feats[i * NER_MAXFEAT + k];
            for (size_t j = key & mask;; j = (j + 1) & mask) {
                uint64_t kj = m->keys[j];
                if (kj == key) {
                    uint32_t s = m->start[j];
                    for (int c = 0; c < m->cnt[j]; c++)
                        acc[m->wlab[s + c]] += m->wval[s + c];
                    break;
                }
                if (!kj)
                    break;
            }
        }
        for (int b = 0; b < NER_NLAB; b++)
            sc[b] = (float)acc[b] * inv;
    }
}

/* Adds the weights of payload pay to acc0 (label 0) and acc[16] (labels
 * 1..16). */
static inline void add_payload(const chr__ner_model *m, uint64_t pay,
                               int *acc0, int *acc)
{
    int form = ner_pay_form(pay);
    if (form == NER_PAY_ROW) {
        const int32_t *row = m->wrow + 16 * (pay >> 32);
        *acc0 += ner_i16(pay >> 16);
        for (int b = 0; b < 16; b++)
            acc[b] += row[b];
    } else if (form == NER_PAY_LIST) {
        unsigned cnt = (unsigned)(pay & 0xff);
        const uint32_t *w = m->wpk + (pay >> 32);
        for (unsigned c = 0; c < cnt; c++) {
            unsigned l = w[c] & 0xff;
            int v = ner_i16(w[c] >> 16);
            if (l)
                acc[l - 1] += v;
            else
                *acc0 += v;
        }
    } else {
        unsigned cnt = (unsigned)(pay & 0xff);
        int tmp[NER_NLAB] = { 0 };
        tmp[(pay >> 8) & 0x1f] += ner_i16(pay >> 16);
        if (cnt == 2)
            tmp[(pay >> 32) & 0x1f] += ner_i16(pay >> 48);
        *acc0 += tmp[0];
        for (int b = 0; b < 16; b++)
            acc[b] += tmp[b + 1];
    }
}

#if defined(__GNUC__) || defined(__clang__)
#define NER_PREFETCH(p) __builtin_prefetch(p)
#else
#define NER_PREFETCH(p) ((void)(p))
#endif

/* The payload of key in bucket bk (4 slots compared without a branch), 0
 * when not there. */
static inline uint64_t in_bucket(const uint64_t *bk, uint64_t key)
{
    uint64_t pay = 0;
    for (int s = 0; s < 8; s += 2)
        pay |= bk[s + 1] & (0 - (uint64_t)(bk[s] == key));
    return pay;
}

/* Prefetches what the payload's weights need beyond the payload. */
static inline void prefetch_weights(const chr__ner_model *m, uint64_t pay)
{
    NER_PREFETCH(ner_pay_form(pay) == NER_PAY_LIST
                           ? (const void *)(m->wpk + (pay >> 32))
                           : (const void *)(m->wrow + 16 * (pay >> 32)));
}

#ifndef NER_PREFETCH_AHEAD
#define NER_PREFETCH_AHEAD 16 /* features between a prefetch and its lookup */
#endif

/* Scores with the packed table. A key is in its first bucket, or in its
 * second when the first is full (its last slot taken) and lacks it. The
 * lookups of all the sentence's features run first, in one flat run:
 * refs[] holds the keys, then their payloads (0: not in the model). The
 * first bucket of the feature NER_PREFETCH_AHEAD places further is
 * prefetched at each step; a key that must go on to its second bucket
 * has that prefetched and is put aside (pend) until the run ends; the
 * weights found are prefetched too; then the sums. The table is megabytes
 * and a lookup a likely cache miss, so the misses overlap instead of
 * coming one after the other. The sums are of integers, so their order
 * does not change the scores. refs and pend have room for n * NER_MAXFEAT. */
static void score_packed(const chr__ner_model *m, const uint64_t *feats,
                         const int *nf, size_t n, float *score,
                         uint64_t *refs, uint32_t *pend)
{
    const uint64_t *bucket = m->bucket;
    size_t nb = m->nbucket;
    float inv = m->scale > 0 ? 1.0f / m->scale : 1.0f;
    size_t total = 0, npend = 0;
    for (size_t i = 0; i < n; i++) {
        memcpy(refs + total, feats + i * NER_MAXFEAT,
               (size_t)nf[i] * sizeof *refs);
        total += (size_t)nf[i];
    }
    for (size_t k = 0; k < total && k < NER_PREFETCH_AHEAD; k++)
        NER_PREFETCH(bucket + 8 * ner_bucket1(refs[k], nb));
    for (size_t k = 0; k < total; k++) {
        if (k + NER_PREFETCH_AHEAD < total)
            NER_PREFETCH(
                bucket + 8 * ner_bucket1(refs[k + NER_PREFETCH_AHEAD], nb));
        uint64_t key = refs[k];
        const uint64_t *b1 = bucket + 8 * ner_bucket1(key, nb);
        uint64_t pay = in_bucket(b1, key);
        if (!pay && b1[6]) {
            NER_PREFETCH(bucket + 8 * ner_bucket2(key, nb));
            pend[npend++] = (uint32_t)k;
            continue;
        }
        prefetch_weights(m, pay);
        refs[k] = pay;
    }
    for (size_t p = 0; p < npend; p++) {
        uint64_t key = refs[pend[p]];
        uint64_t pay = in_bucket(bucket + 8 * ner_bucket2(key, nb), key);
        prefetch_weights(m, pay);
        refs[pend[p]] = pay;
    }
    const uint64_t *r = refs;
    for (size_t i = 0; i < n; i++) {
        int acc0 = 0, acc[16] = { 0 };
        for (int k = 0; k < nf[i]; k++)
            add_payload(m, r[k], &acc0, acc);
        r += nf[i];
        float *sc = score + i * NER_NLAB;
        sc[0] = (float)acc0 * inv;
        for (int b = 1; b < NER_NLAB; b++)
            sc[b] = (float)acc[b - 1] * inv;
    }
}

void chr__ner_score(const chr__ner_model *m, const uint64_t *feats,
                    const int *nf, size_t n, float *score)
{
    if (!m->bucket) {
        score_split(m, feats, nf, n, score);
        return;
    }
    /* no scratch here: a token at a time */
    uint64_t refs[NER_MAXFEAT];
    uint32_t pend[NER_MAXFEAT];
    for (size_t i = 0; i < n; i++)
        score_packed(m, feats + i * NER_MAXFEAT, nf + i, 1,
                     score + i * NER_NLAB, refs, pend);
}

/* ---- tagging a sentence ---- */

int chr__ner_scratch_init(chr__ner_scratch *s, size_t max)
{
    memset(s, 0, sizeof *s);
    if (max > NER_MAX_SENT)
        max = NER_MAX_SENT;
    if (!max)
        max = 1;
    s->max = max;
    s->feats = malloc(max * NER_MAXFEAT * sizeof *s->feats);
    s->refs = malloc(max * NER_MAXFEAT * sizeof *s->refs);
    s->pend = malloc(max * NER_MAXFEAT * sizeof *s->pend);
    s->nf = malloc(max * sizeof *s->nf);
    s->score = malloc(max * NER_NLAB * sizeof *s->score);
    s->best = malloc(max * NER_NLAB * sizeof *s->best);
    s->back = malloc(max * NER_NLAB);
    s->ti = malloc(max * chr__ner_tokinfo_size());
    s->gpos = malloc(max * sizeof *s->gpos);
    return s->feats && s->refs && s->pend && s->nf && s->score && s->best && s->back &&
           s->ti && s->gpos;
}

void chr__ner_scratch_free(chr__ner_scratch *s)
{
    free(s->feats);
    free(s->refs);
    free(s->pend);
    free(s->nf);
    free(s->score);
    free(s->best);
    free(s->back);
    free(s->ti);
    free(s->gpos);
    memset(s, 0, sizeof *s);
}

void chr__ner_tag_sentence_s(const chr__ner_model *m,
                             const chr__ner_docmem *d, const chr__ner_tok *t,
                             size_t n, int *lab, chr__ner_scratch *s)
{
    if (n > s->max)
        n = s->max;
    if (n == 0)
        return;
    chr__ner_features_s(&m->gaz, d, t, n, s->feats, s->nf, s);
    if (m->bucket)
        score_packed(m, s->feats, s->nf, n, s->score, s->refs, s->pend);
    else
        score_split(m, s->feats, s->nf, n, s->score);
    viterbi(s->score, m->trans, n, lab, s->best, s->back);
}

int chr__ner_tag_sentence(const chr__ner_model *m, const chr__ner_docmem *d,
                          const chr__ner_tok *t, size_t n, int *lab)
{
    if (n == 0)
        return 1;
    if (n > NER_MAX_SENT)
        n = NER_MAX_SENT;
    chr__ner_scratch s;
    int ok = chr__ner_scratch_init(&s, n);
    if (ok)
        chr__ner_tag_sentence_s(m, d, t, n, lab, &s);
    chr__ner_scratch_free(&s);
    return ok;
}
