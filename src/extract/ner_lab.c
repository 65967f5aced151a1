/* ner_lab.c — labels and decoding of the named-entity tagger: BILOU
 * constraints, IOB1 <-> BILOU conversion, scoring a sentence under a
 * compiled model (one hash probe per feature), and first-order Viterbi.
 * Decisions: the BILOU constraints are hard (disallowed transitions are
 * never taken), so every decoded sequence is a well-formed set of chunks.
 * Standalone (ner_int.h, libc) for the training tool. */
#include "extract/ner_int.h"

#include <float.h>
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
    for (int b = 0; b < NER_NLAB; b++)
        best[b] = chr__ner_allowed(-1, b) ? score[b] + trans[b] : -FLT_MAX;
    for (size_t i = 1; i < n; i++) {
        for (int b = 0; b < NER_NLAB; b++) {
            float bs = -FLT_MAX;
            int bl = 0;
            for (int a = 0; a < NER_NLAB; a++) {
                float pa = best[(i - 1) * NER_NLAB + a];
                if (pa == -FLT_MAX || !chr__ner_allowed(a, b))
                    continue;
                float v = pa + trans[(a + 1) * NER_NLAB + b];
                if (v > bs) {
                    bs = v;
                    bl = a;
                }
            }
            best[i * NER_NLAB + b] =
                bs == -FLT_MAX ? -FLT_MAX : bs + score[i * NER_NLAB + b];
            back[i * NER_NLAB + b] = (unsigned char)bl;
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

void chr__ner_score(const chr__ner_model *m, const uint64_t *feats,
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

int chr__ner_tag_sentence(const chr__ner_model *m, const chr__ner_docmem *d,
                          const chr__ner_tok *t, size_t n, int *lab)
{
    if (n == 0)
        return 1;
    if (n > NER_MAX_SENT)
        n = NER_MAX_SENT;
    uint64_t *feats = malloc(n * NER_MAXFEAT * sizeof *feats);
    int *nf = malloc(n * sizeof *nf);
    float *score = malloc(n * NER_NLAB * sizeof *score);
    if (!feats || !nf || !score) {
        free(feats);
        free(nf);
        free(score);
        return 0;
    }
    int ok = chr__ner_features(&m->gaz, d, t, n, feats, nf);
    if (ok) {
        chr__ner_score(m, feats, nf, n, score);
        chr__ner_viterbi(score, m->trans, n, lab);
    }
    free(feats);
    free(nf);
    free(score);
    return ok;
}
