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
 * weight of label b after label a (row 0: sentence start). */
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
} chr__ner_model;

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

#endif
