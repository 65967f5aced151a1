/* ner_int.h — internals of the named-entity tagger shared by the library
 * (ner.c, ner_feat.c, ner_tok.c, ner_model.c) and the host tools
 * (tools/train_ner.c, tools/gen_ner_model.c).
 *
 * Labels: BILOU internally, 17 of them: 0 = O, then for each type t
 * (0 PER, 1 ORG, 2 LOC, 3 MISC) 1 + 4t + {0 B, 1 I, 2 L, 3 U}. Input and
 * output are IOB1 like CoNLL-2003; conversion is in ner_feat.c.
 *
 * Features are 64-bit hashes (template id + strings); the model maps a
 * feature hash to a short list of (label, weight) pairs. ner_feat.c does not
 * depend on the rest of the library except this header, so that the training
 * tool can compile it on its own. */
#ifndef CHR_EXTRACT_NER_INT_H
#define CHR_EXTRACT_NER_INT_H

#include <stddef.h>
#include <stdint.h>

#define NER_NLAB 17
#define NER_MAXFEAT 96      /* features of one token, at most */
#define NER_MAX_SENT 512    /* tokens of one sentence, at most (longer: cut) */
#define NER_TOKMAX 64       /* bytes of a token used for features */
#define NER_GAZ_MAXLEN 6    /* tokens of a gazetteer phrase, at most */

/* Gazetteer classes (bits). */
enum {
    NER_G_CTRY = 1, NER_G_DEM = 2, NER_G_CITY = 4, NER_G_ORG = 8,
    NER_G_PER = 16, NER_G_FN = 32, NER_G_LN = 64
};
#define NER_G_NCLASS 7

/* Label helpers. */
static inline int ner_lab_type(int lab) { return lab ? (lab - 1) / 4 + 1 : 0; }
static inline int ner_lab_pos(int lab) { return lab ? (lab - 1) % 4 : -1; }
static inline int ner_lab_make(int type, int pos)
{
    return type ? 1 + 4 * (type - 1) + pos : 0;
}
enum { NER_B = 0, NER_I = 1, NER_L = 2, NER_U = 3 };

/* 1 when label b may follow label a (a = -1: sentence start). */
int chr__ner_allowed(int a, int b);

/* Gazetteer: open-addressing table of phrase hashes (key 0 = empty slot),
 * class bits in cls[]; hashes of phrase prefixes are in the table too, with
 * bit NER_GAZ_PREFIX, so that a longest-match scan can stop early. */
typedef struct chr__ner_gaz {
    const uint64_t *keys;
    const uint8_t *cls;
    size_t cap; /* power of two */
} chr__ner_gaz;

/* Model: open-addressing table feature hash -> weights[start .. start+cnt)
 * (labels in wlab, weights in wval, scaled by 1/scale). trans[a+1][b] is the
 * weight of label b after label a (row 0: sentence start).
 * Two layouts of the same weights:
 * - split arrays keys/start/cnt/wlab/wval, a linear-probing table of cap
 *   slots: what the training tool builds (tools/ner_model_io.h); bucket is
 *   NULL then;
 * - packed (the compiled-in model, tools/gen_ner_model.c): a table of
 *   nbucket buckets of 4 (key, payload) pairs, one 64-byte line each
 *   (bucket[8b + 2s] the key of slot s of bucket b, 0 = empty,
 *   bucket[8b + 2s + 1] its payload, NER_PAY_* below). A key is in its
 *   first bucket (ner_bucket1), or in its second (ner_bucket2) when the
 *   first is full (its last slot taken) and lacks it, so a lookup is
 *   mostly one line, its four keys compared without a branch. A feature
 *   of one or two weights has them inside its payload, one of many a
 *   dense row of wrow, a few a list in wpk. keys/start/cnt/wlab/wval are
 *   NULL and cap is 4 * nbucket then.
 * Scores are integer sums of the same weights either way, so both give the
 * same results. */
typedef struct chr__ner_model {
    const uint64_t *keys;
    const uint32_t *start;
    const uint8_t *cnt;
    size_t cap;
    const uint8_t *wlab;
    const int16_t *wval;
    float scale;
    const float *trans; /* (NER_NLAB + 1) * NER_NLAB */
    chr__ner_gaz gaz;
    const uint64_t *bucket; /* 8 * nbucket; NULL: split arrays */
    size_t nbucket;
    const uint32_t *wpk;  /* weight lists of NER_PAY_LIST payloads */
    const int32_t *wrow;  /* rows of 16 weights of NER_PAY_ROW payloads */
} chr__ner_model;

/* The two buckets of a key among nb (multiply-shift on each half). */
static inline size_t ner_bucket1(uint64_t key, size_t nb)
{
    return (size_t)(((key & 0xffffffffu) * (uint64_t)nb) >> 32);
}
static inline size_t ner_bucket2(uint64_t key, size_t nb)
{
    return (size_t)(((key >> 32) * (uint64_t)nb) >> 32);
}

/* Payload of a packed slot (64 bits): bits 0-7 the number of weights cnt,
 * bits 13-15 the form, and
 * - NER_PAY_ROW (NER_ROW_MIN or more weights; also payload 0, a feature
 *   the model lacks): label 0's weight in bits 16-31, those of labels
 *   1..16 the dense row wrow[16*off .. 16*off+16) (32-bit, zero where the
 *   model has none; a row is one aligned cache line), off in bits 32-63;
 *   row 0 is all zeros;
 * - NER_PAY_INLINE (cnt <= 2): label 0 in bits 8-12, weight 0 in bits
 *   16-31 (two's complement), label 1 in bits 32-39, weight 1 in 48-63;
 * - NER_PAY_LIST (3 or 4 weights): the weights are wpk[off .. off+cnt),
 *   off in bits 32-63; a packed weight has its label in bits 0-7 and its
 *   value in bits 16-31.
 * A dense row is added without looking at labels (16 lanes at once); most
 * lookups end in one, so the form's branch is well predicted. */
#define NER_ROW_MIN 5 /* weights from which a feature gets a dense row */
enum { NER_PAY_ROW = 0, NER_PAY_INLINE = 1, NER_PAY_LIST = 2 };
static inline int ner_pay_form(uint64_t pay)
{
    return (int)((pay >> 13) & 7);
}
static inline uint64_t ner_pay_inline(int cnt, int l0, int v0, int l1, int v1)
{
    return (uint64_t)(unsigned)cnt | (uint64_t)(unsigned)l0 << 8 |
           (uint64_t)NER_PAY_INLINE << 13 | (uint64_t)(uint16_t)v0 << 16 |
           (uint64_t)(unsigned)l1 << 32 | (uint64_t)(uint16_t)v1 << 48;
}
static inline uint64_t ner_pay_list(int cnt, uint32_t off)
{
    return (uint64_t)(unsigned)cnt | (uint64_t)NER_PAY_LIST << 13 |
           (uint64_t)off << 32;
}
static inline uint64_t ner_pay_row(int cnt, int v0, uint32_t row)
{
    return (uint64_t)(unsigned)cnt | (uint64_t)NER_PAY_ROW << 13 |
           (uint64_t)(uint16_t)v0 << 16 | (uint64_t)row << 32;
}
static inline uint32_t ner_wpk_make(int lab, int val)
{
    return (uint32_t)(unsigned)lab | (uint32_t)(uint16_t)val << 16;
}
static inline int ner_i16(uint64_t bits)
{
    uint16_t u = (uint16_t)bits;
    return u < 0x8000 ? (int)u : (int)u - 0x10000;
}

/* Hashes. */
uint64_t chr__ner_hash(uint64_t seed, const char *s, size_t n);
static inline uint64_t ner_mix(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x ? x : 1;
}

/* Gazetteer key of a lower-case phrase of space-separated tokens. Tokens are
 * hashed one by one: key = chain of chr__ner_hash(prev, token). */
uint64_t chr__ner_gaz_step(uint64_t prev, const char *lower_tok, size_t n);
/* Class bits of a key, 0 when absent. */
int chr__ner_gaz_get(const chr__ner_gaz *g, uint64_t key);
#define NER_GAZ_PREFIX 0x80

/* A token as the tagger sees it. */
typedef struct chr__ner_tok {
    const char *s;
    size_t n;
} chr__ner_tok;

/* Per-document memory for non-local features: a small open-addressing
 * table keyed by lower-case word hash. Grows (malloc) up to `limit` words. */
typedef struct chr__ner_docmem {
    uint64_t *keys;
    uint32_t *vals; /* bits below */
    size_t cap, len, limit;
} chr__ner_docmem;
enum {
    NER_D_LOWER = 1,      /* seen written all lower-case */
    NER_D_CAPMID = 2,     /* seen capitalised, not sentence-initial */
    NER_D_TITLE = 4,      /* seen in title case (Xxxx) in a non-caps line */
    NER_D_LAST_SHIFT = 8  /* bits 8..10: type (0-4) of the last tagging + 1 */
};
void chr__ner_docmem_init(chr__ner_docmem *d, size_t limit);
void chr__ner_docmem_free(chr__ner_docmem *d);
/* Notes the words of one sentence (before tagging). Returns 0 on NOMEM. */
int chr__ner_docmem_scan(chr__ner_docmem *d, const chr__ner_tok *t, size_t n);
/* Notes the labels given to a tagged sentence. */
int chr__ner_docmem_tagged(chr__ner_docmem *d, const chr__ner_tok *t,
                           const int *lab, size_t n);

/* Features of every token of a sentence: feats[i*NER_MAXFEAT ..] with
 * nf[i] of them. `d` may be NULL (no document features). Returns 0 when
 * out of memory (then every nf[i] is 0). */
int chr__ner_features(const chr__ner_gaz *g, const chr__ner_docmem *d,
                      const chr__ner_tok *t, size_t n, uint64_t *feats,
                      int *nf);

/* Viterbi over score[n*NER_NLAB] with transitions trans[(NER_NLAB+1)*NER_NLAB]
 * under the BILOU constraints; writes out[n]. */
void chr__ner_viterbi(const float *score, const float *trans, size_t n,
                      int *out);

/* IOB1 tags ("I-PER", "B-LOC", "O") <-> BILOU labels of a sentence. The
 * type index of a tag name: 1..4 or 0 for O / unknown. */
int chr__ner_type_of(const char *tag, size_t n);
void chr__ner_iob1_to_bilou(const int *type, const int *begin, size_t n,
                            int *lab);
/* IOB1 output: type[i] (0 = O) and b[i] = 1 when the tag must be B- (a
 * chunk starting right after a chunk of the same type). */
void chr__ner_bilou_to_iob1(const int *lab, size_t n, int *type, int *b);

extern const char *const chr__ner_type_names[5]; /* "O","PER","ORG","LOC","MISC" */

/* Scores of a sentence under a compiled model: score[n*NER_NLAB]. */
void chr__ner_score(const chr__ner_model *m, const uint64_t *feats,
                    const int *nf, size_t n, float *score);

/* The model compiled into the library (ner_model.c); NULL when the build
 * had none. */
const chr__ner_model *chr__ner_builtin(void);

/* Tags one sentence of a document with model m: lab[n] BILOU labels. `d`
 * (may be NULL) is scanned before and updated after by the caller.
 * n <= NER_MAX_SENT. Returns 0 when out of memory (scratch is malloc'ed). */
int chr__ner_tag_sentence(const chr__ner_model *m, const chr__ner_docmem *d,
                           const chr__ner_tok *t, size_t n, int *lab);

/* Scratch memory for tagging the sentences of a document one after the
 * other without allocating per sentence: sized once for sentences of at
 * most `max` tokens (<= NER_MAX_SENT). */
typedef struct chr__ner_scratch {
    size_t max;
    uint64_t *feats; /* max * NER_MAXFEAT */
    uint64_t *refs;  /* max * NER_MAXFEAT: payloads found by the lookups */
    uint32_t *pend;  /* max * NER_MAXFEAT: lookups going on to a 2nd bucket */
    int *nf;
    float *score;    /* max * NER_NLAB */
    float *best;     /* max * NER_NLAB */
    unsigned char *back;
    void *ti;        /* max token facts (ner_feat.c) */
    uint8_t (*gpos)[4];
} chr__ner_scratch;
/* Returns 0 when out of memory (then free is still safe). */
int chr__ner_scratch_init(chr__ner_scratch *s, size_t max);
void chr__ner_scratch_free(chr__ner_scratch *s);
/* chr__ner_tag_sentence with scratch s (n <= s->max). Always succeeds. */
void chr__ner_tag_sentence_s(const chr__ner_model *m,
                             const chr__ner_docmem *d, const chr__ner_tok *t,
                             size_t n, int *lab, chr__ner_scratch *s);
/* chr__ner_features with the token facts and gazetteer positions in
 * scratch s (n <= s->max). */
void chr__ner_features_s(const chr__ner_gaz *g, const chr__ner_docmem *d,
                         const chr__ner_tok *t, size_t n, uint64_t *feats,
                         int *nf, chr__ner_scratch *s);
/* chr__ner_docmem_scan with the token facts in scratch s (n <= s->max). */
int chr__ner_docmem_scan_s(chr__ner_docmem *d, const chr__ner_tok *t,
                           size_t n, chr__ner_scratch *s);
/* Bytes of the token facts of one token (ner_feat.c). */
size_t chr__ner_tokinfo_size(void);

#endif
