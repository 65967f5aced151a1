/* ner_feat.c — features of the named-entity tagger.
 *
 * Every feature is a 64-bit hash of a template id and one or more strings,
 * so the model needs no feature dictionary. Templates of token i:
 *   bias; word; lower-case word with digits as 0; shape (Xxxx-dd) and
 *   compressed shape (Xx-d); prefixes and suffixes of 1..4 bytes;
 *   capitalisation flags, alone and with "first token" / "caps line";
 *   lower-case words at -2..+2, exact words at -1/+1, shapes at -1/+1, the
 *   word bigrams (-1,0) and (0,+1);
 *   gazetteer: for every phrase of the gazetteer covering token i (matched
 *   case-insensitively, the phrase's first and last tokens capitalised) its
 *   class and the token's BILU position; classes of the phrases covering
 *   the neighbours;
 *   document (non-local, when a ner_docmem is given): the entity type the
 *   same word got last time in the document (predicted, so the same at
 *   training and tagging), whether a capitalised word is also written in
 *   lower case elsewhere in the document, whether a sentence-initial or
 *   caps-line word is capitalised mid-sentence elsewhere, and whether an
 *   all-caps word appears in title case elsewhere.
 * Decisions: ASCII case only (the CoNLL data and news names are mostly
 * ASCII; other bytes count as lower-case letters); byte-wise affixes; a
 * "caps line" is a sentence where most words with letters are all caps
 * (CoNLL headlines), whose words get their features conjoined with that
 * flag because case says little there.
 * Standalone (only ner_int.h and libc) so that tools/train_ner.c can
 * compile it without the library. */
#include "extract/ner_int.h"

#include <stdlib.h>
#include <string.h>

uint64_t chr__ner_hash(uint64_t seed, const char *s, size_t n)
{
    uint64_t h = seed ^ 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ULL;
    }
    return ner_mix(h ^ n);
}

uint64_t chr__ner_gaz_step(uint64_t prev, const char *lower_tok, size_t n)
{
    return chr__ner_hash(prev * 31 + 7, lower_tok, n);
}

int chr__ner_gaz_get(const chr__ner_gaz *g, uint64_t key)
{
    if (!g || !g->cap)
        return 0;
    size_t mask = g->cap - 1;
    for (size_t i = key & mask;; i = (i + 1) & mask) {
        if (g->keys[i] == key)
            return g->cls[i];
        if (!g->keys[i])
            return 0;
    }
}

/* ---- per-token facts ---- */

enum {
    F_INITCAP = 1, F_ALLCAP = 2, F_HASDIGIT = 4, F_ALLDIGIT = 8,
    F_HYPHEN = 16, F_PERIOD = 32, F_PUNCT = 64, F_LOWER = 128,
    F_ALPHA = 256
};

typedef struct tokinfo {
    char low[NER_TOKMAX]; /* ASCII lower case */
    size_t ln;
    char norm[NER_TOKMAX]; /* lower case, digits as 0 */
    char shape[20];
    size_t shn;
    char cshape[12];
    size_t csn;
    int flags;
    uint64_t hlow;
} tokinfo;

static void tok_info(const chr__ner_tok *t, tokinfo *ti)
{
    size_t n = t->n < NER_TOKMAX ? t->n : NER_TOKMAX;
    int upper = 0, lower = 0, digit = 0, other = 0;
    ti->shn = ti->csn = 0;
    ti->flags = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)t->s[i];
        char sc;
        if (c >= 'A' && c <= 'Z') {
            upper++;
            sc = 'X';
            ti->low[i] = ti->norm[i] = (char)(c + 32);
        } else if (c >= 'a' && c <= 'z') {
            lower++;
            sc = 'x';
            ti->low[i] = ti->norm[i] = (char)c;
        } else if (c >= '0' && c <= '9') {
            digit++;
            sc = 'd';
            ti->low[i] = (char)c;
            ti->norm[i] = '0';
        } else if (c >= 0x80) {
            if (c >= 0xc0)
                lower++;
            sc = c >= 0xc0 ? 'x' : 0; /* continuation bytes: no shape */
            ti->low[i] = ti->norm[i] = (char)c;
        } else {
            other++;
            sc = (char)c;
            ti->low[i] = ti->norm[i] = (char)c;
            if (c == '-')
                ti->flags |= F_HYPHEN;
            if (c == '.')
                ti->flags |= F_PERIOD;
        }
        if (sc && ti->shn < sizeof ti->shape)
            ti->shape[ti->shn++] = sc;
        if (sc && (ti->csn == 0 || ti->cshape[ti->csn - 1] != sc) &&
            ti->csn < sizeof ti->cshape)
            ti->cshape[ti->csn++] = sc;
    }
    ti->ln = n;
    unsigned char c0 = n ? (unsigned char)t->s[0] : 0;
    if (c0 >= 'A' && c0 <= 'Z')
        ti->flags |= F_INITCAP;
    if (upper >= 1 && lower == 0 && (upper >= 2 || n == 1))
        ti->flags |= F_ALLCAP;
    if (digit)
        ti->flags |= F_HASDIGIT;
    if (digit && !upper && !lower)
        ti->flags |= F_ALLDIGIT;
    if (!upper && !lower && !digit)
        ti->flags |= F_PUNCT;
    if (c0 >= 'a' && c0 <= 'z')
        ti->flags |= F_LOWER;
    if (upper || lower)
        ti->flags |= F_ALPHA;
    (void)other;
    ti->hlow = chr__ner_hash(0x10, ti->low, ti->ln);
}

/* ---- document memory ---- */

void chr__ner_docmem_init(chr__ner_docmem *d, size_t limit)
{
    memset(d, 0, sizeof *d);
    d->limit = limit;
}

void chr__ner_docmem_free(chr__ner_docmem *d)
{
    free(d->keys);
    free(d->vals);
    memset(d, 0, sizeof *d);
}

static uint32_t *doc_slot(chr__ner_docmem *d, uint64_t key)
{
    if (d->len * 2 >= d->cap) {
        if (d->len >= d->limit && d->cap)
            return NULL; /* full: forget the rest */
        size_t ncap = d->cap ? d->cap * 2 : 1024;
        uint64_t *nk = calloc(ncap, sizeof *nk);
        uint32_t *nv = calloc(ncap, sizeof *nv);
        if (!nk || !nv) {
            free(nk);
            free(nv);
            return NULL;
        }
        for (size_t i = 0; i < d->cap; i++) {
            if (!d->keys[i])
                continue;
            size_t j = d->keys[i] & (ncap - 1);
            while (nk[j])
                j = (j + 1) & (ncap - 1);
            nk[j] = d->keys[i];
            nv[j] = d->vals[i];
        }
        free(d->keys);
        free(d->vals);
        d->keys = nk;
        d->vals = nv;
        d->cap = ncap;
    }
    size_t mask = d->cap - 1;
    for (size_t i = key & mask;; i = (i + 1) & mask) {
        if (d->keys[i] == key)
            return &d->vals[i];
        if (!d->keys[i]) {
            d->keys[i] = key;
            d->len++;
            return &d->vals[i];
        }
    }
}

static uint32_t doc_get(const chr__ner_docmem *d, uint64_t key)
{
    if (!d || !d->cap)
        return 0;
    size_t mask = d->cap - 1;
    for (size_t i = key & mask;; i = (i + 1) & mask) {
        if (d->keys[i] == key)
            return d->vals[i];
        if (!d->keys[i])
            return 0;
    }
}

static int caps_line(const tokinfo *ti, size_t n)
{
    size_t alpha = 0, caps = 0;
    for (size_t i = 0; i < n; i++) {
        if (ti[i].flags & F_ALPHA) {
            alpha++;
            if (ti[i].flags & F_ALLCAP)
                caps++;
        }
    }
    return caps >= 2 && caps * 2 > alpha;
}

size_t chr__ner_tokinfo_size(void)
{
    return sizeof(tokinfo);
}

/* The words of one sentence into d, with ti[n] as room for their facts. */
static int docmem_scan(chr__ner_docmem *d, const chr__ner_tok *t, size_t n,
                       tokinfo *ti)
{
    for (size_t i = 0; i < n; i++)
        tok_info(&t[i], &ti[i]);
    int caps = caps_line(ti, n);
    int ok = 1;
    for (size_t i = 0; i < n && ok; i++) {
        int f = ti[i].flags;
        if (!(f & F_ALPHA))
            continue;
        uint32_t bits = 0;
        if ((f & F_LOWER) && !(f & F_HASDIGIT))
            bits |= NER_D_LOWER;
        if (!caps && i > 0 && (f & F_INITCAP) &&
            !(ti[i - 1].flags & F_PUNCT))
            bits |= NER_D_CAPMID;
        if (!caps && (f & F_INITCAP) && !(f & F_ALLCAP))
            bits |= NER_D_TITLE;
        if (!bits)
            continue;
        uint32_t *v = doc_slot(d, ti[i].hlow);
        if (v)
            *v |= bits;
        else if (d->len < d->limit)
            ok = 0;
    }
    return ok;
}

int chr__ner_docmem_scan(chr__ner_docmem *d, const chr__ner_tok *t, size_t n)
{
    tokinfo *ti = malloc((n ? n : 1) * sizeof *ti);
    if (!ti)
        return 0;
    int ok = docmem_scan(d, t, n, ti);
    free(ti);
    return ok;
}

int chr__ner_docmem_scan_s(chr__ner_docmem *d, const chr__ner_tok *t,
                           size_t n, chr__ner_scratch *s)
{
    return docmem_scan(d, t, n, (tokinfo *)s->ti);
}

int chr__ner_docmem_tagged(chr__ner_docmem *d, const chr__ner_tok *t,
                           const int *lab, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c0 = t[i].n ? (unsigned char)t[i].s[0] : 0;
        if (!((c0 >= 'A' && c0 <= 'Z') || c0 >= 0xc0))
            continue;
        char low[NER_TOKMAX];
        size_t ln = t[i].n < NER_TOKMAX ? t[i].n : NER_TOKMAX;
        for (size_t k = 0; k < ln; k++) {
            unsigned char c = (unsigned char)t[i].s[k];
            low[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        uint32_t *v = doc_slot(d, chr__ner_hash(0x10, low, ln));
        if (!v) {
            if (d->len < d->limit)
                return 0;
            continue;
        }
        *v = (*v & ~(7u << NER_D_LAST_SHIFT)) |
             ((uint32_t)(ner_lab_type(lab[i]) + 1) << NER_D_LAST_SHIFT);
    }
    return 1;
}

/* ---- features ---- */

typedef struct fsink {
    uint64_t *f;
    int n;
} fsink;

static inline void put(fsink *s, uint64_t h)
{
    if (s->n < NER_MAXFEAT)
        s->f[s->n++] = h ? h : 1;
}

static inline uint64_t H(uint64_t tid, const char *s, size_t n)
{
    return chr__ner_hash(tid * 0x9E3779B97F4A7C15ULL, s, n);
}

static inline uint64_t H2(uint64_t tid, const char *a, size_t an,
                          const char *b, size_t bn)
{
    return chr__ner_hash(H(tid, a, an), b, bn);
}

static inline uint64_t HI(uint64_t tid, uint64_t v)
{
    return ner_mix(tid * 0x9E3779B97F4A7C15ULL + v * 0x2545F4914F6CDD1DULL +
                   0x1234567);
}

static const char bos[] = "<s>", eos[] = "</s>";

/* Features of t[0..n) with ti[n] and gpos[n] (zeroed) as room. */
static void features(const chr__ner_gaz *g, const chr__ner_docmem *d,
                     const chr__ner_tok *t, size_t n, uint64_t *feats,
                     int *nf, tokinfo *ti, uint8_t (*gpos)[4])
{
    for (size_t i = 0; i < n; i++)
        tok_info(&t[i], &ti[i]);
    int caps = caps_line(ti, n);

    /* gazetteer matches */
    for (size_t i = 0; g && i < n; i++) {
        if (!(ti[i].flags & (F_INITCAP | F_HASDIGIT)))
            continue;
        uint64_t h = 0;
        for (size_t len = 1; len <= NER_GAZ_MAXLEN && i + len <= n; len++) {
            const tokinfo *e = &ti[i + len - 1];
            h = chr__ner_gaz_step(h, e->low, e->ln);
            int v = chr__ner_gaz_get(g, h);
            if (!v)
                break;
            int cls = v & 0x7f;
            if (!cls || !(e->flags & (F_INITCAP | F_HASDIGIT)))
                continue;
            if (len == 1) {
                gpos[i][NER_U] |= (uint8_t)cls;
            } else {
                gpos[i][NER_B] |= (uint8_t)cls;
                for (size_t k = i + 1; k + 1 < i + len; k++)
                    gpos[k][NER_I] |= (uint8_t)cls;
                gpos[i + len - 1][NER_L] |= (uint8_t)cls;
            }
        }
    }

    for (size_t i = 0; i < n; i++) {
        fsink s = { feats + i * NER_MAXFEAT, 0 };
        const tokinfo *c = &ti[i];
        int fl = c->flags;
        uint64_t cf = (uint64_t)caps;
        put(&s, HI(1, 0));
        put(&s, H(2, t[i].s, t[i].n < NER_TOKMAX ? t[i].n : NER_TOKMAX));
        put(&s, H(3, c->norm, c->ln));
        put(&s, H(4, c->shape, c->shn));
        put(&s, H(5, c->cshape, c->csn));
        for (size_t k = 1; k <= 4 && k <= c->ln; k++) {
            put(&s, H(10 + k, c->norm, k));
            put(&s, H(20 + k, c->norm + c->ln - k, k));
        }
        put(&s, HI(30, (uint64_t)fl));
        put(&s, HI(31, (uint64_t)fl * 2 + (i == 0)));
        put(&s, HI(32, (uint64_t)fl * 2 + cf));
        put(&s, H(33 + (i == 0), c->cshape, c->csn));
        if (caps)
            put(&s, H(35, c->norm, c->ln));
        if (i + 1 == n)
            put(&s, HI(36, (uint64_t)fl));
        /* context */
        for (int o = -2; o <= 2; o++) {
            if (!o)
                continue;
            long j = (long)i + o;
            if (j < 0)
                put(&s, H(40 + o, bos, 3));
            else if (j >= (long)n)
                put(&s, H(40 + o, eos, 4));
            else
                put(&s, H(40 + o, ti[j].norm, ti[j].ln));
        }
        if (i > 0) {
            const tokinfo *p = &ti[i - 1];
            put(&s, H(50, t[i - 1].s,
                      t[i - 1].n < NER_TOKMAX ? t[i - 1].n : NER_TOKMAX));
            put(&s, H(51, p->cshape, p->csn));
            put(&s, H2(52, p->norm, p->ln, c->norm, c->ln));
            put(&s, H2(53, p->cshape, p->csn, c->cshape, c->csn));
            if (p->ln >= 3)
                put(&s, H(54, p->norm + p->ln - 3, 3));
        } else {
            put(&s, HI(51, 0));
        }
        if (i + 1 < n) {
            const tokinfo *q = &ti[i + 1];
            put(&s, H(55, t[i + 1].s,
                      t[i + 1].n < NER_TOKMAX ? t[i + 1].n : NER_TOKMAX));
            put(&s, H(56, q->cshape, q->csn));
            put(&s, H2(57, c->norm, c->ln, q->norm, q->ln));
            put(&s, H2(58, c->cshape, c->csn, q->cshape, q->csn));
        } else {
            put(&s, HI(56, 0));
        }
        /* gazetteer */
        int any = 0;
        for (int p = 0; p < 4; p++) {
            for (int b = 0; b < NER_G_NCLASS; b++) {
                if (gpos[i][p] & (1 << b)) {
                    put(&s, HI(60, (uint64_t)(p * 8 + b)));
                    put(&s, HI(61, (uint64_t)(b * 2 + cf)));
                    any |= 1 << b;
                }
            }
        }
        if (any)
            put(&s, HI(62, (uint64_t)any));
        if (i > 0) {
            int pa = gpos[i - 1][0] | gpos[i - 1][1] | gpos[i - 1][2] |
                     gpos[i - 1][3];
            for (int b = 0; b < NER_G_NCLASS; b++)
                if (pa & (1 << b))
                    put(&s, HI(63, (uint64_t)b));
        }
        if (i + 1 < n) {
            int na = gpos[i + 1][0] | gpos[i + 1][1] | gpos[i + 1][2] |
                     gpos[i + 1][3];
            for (int b = 0; b < NER_G_NCLASS; b++)
                if (na & (1 << b))
                    put(&s, HI(64, (uint64_t)b));
        }
        /* document */
        if (d && (fl & F_ALPHA)) {
            uint32_t v = doc_get(d, c->hlow);
            uint32_t last = (v >> NER_D_LAST_SHIFT) & 7;
            if ((fl & F_INITCAP) && last)
                put(&s, HI(70, last * 2 + cf));
            if ((fl & F_INITCAP) && last && i > 0 && ti[i - 1].flags & F_INITCAP) {
                uint32_t pv = doc_get(d, ti[i - 1].hlow);
                put(&s, HI(71, last * 8 + ((pv >> NER_D_LAST_SHIFT) & 7)));
            }
            if ((fl & F_INITCAP) && (v & NER_D_LOWER))
                put(&s, HI(72, (uint64_t)(i == 0) * 2 + cf));
            if ((fl & F_INITCAP) && (i == 0 || caps))
                put(&s, HI(73, (v & NER_D_CAPMID) ? 1 : 0));
            if ((fl & F_ALLCAP) && c->ln > 1)
                put(&s, HI(74, (v & NER_D_TITLE) ? 1 : 0));
        }
        nf[i] = s.n;
    }
}

int chr__ner_features(const chr__ner_gaz *g, const chr__ner_docmem *d,
                      const chr__ner_tok *t, size_t n, uint64_t *feats,
                      int *nf)
{
    if (n == 0)
        return 1;
    tokinfo *ti = malloc(n * sizeof *ti);
    uint8_t(*gpos)[4] = calloc(n, sizeof *gpos);
    if (!ti || !gpos) {
        free(ti);
        free(gpos);
        for (size_t i = 0; i < n; i++)
            nf[i] = 0;
        return 0;
    }
    features(g, d, t, n, feats, nf, ti, gpos);
    free(ti);
    free(gpos);
    return 1;
}

void chr__ner_features_s(const chr__ner_gaz *g, const chr__ner_docmem *d,
                         const chr__ner_tok *t, size_t n, uint64_t *feats,
                         int *nf, chr__ner_scratch *s)
{
    if (n == 0)
        return;
    memset(s->gpos, 0, n * sizeof *s->gpos);
    features(g, d, t, n, feats, nf, (tokinfo *)s->ti, s->gpos);
}
