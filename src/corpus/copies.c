/* copies.c — near-duplicates, copies and their direction.
 *
 * Features of a text (chr__copyfeat_new):
 *  - word 3-shingles over all folded words (hashes, sorted, unique) and
 *    their MinHash signature: 128 values, value i = min over shingles of
 *    ((h ^ b_i) * a_i) >> 32 with fixed odd multipliers;
 *  - per paragraph a weighted key set that survives rewording and machine
 *    translation: folded content words cut to 5 letters (weight 1, so
 *    "strengthen"/"strengthened" meet), consecutive content-word pairs
 *    (1), proper names (2), numbers (2) and word triples inside quotation
 *    marks (3).
 *
 * Parameters (the issue asks why):
 *  - 3-word shingles: 5-grams break at every edited word, so a lightly
 *    edited copy keeps too few of them; 2-grams are shared by any two
 *    articles on one subject. 3-grams keep unrelated same-topic news near
 *    Jaccard 0.01-0.05 and near-copies above 0.5.
 *  - 128 hashes: standard error of the estimate sqrt(J(1-J)/128) <= 0.044.
 *  - 32 bands x 4 rows: the probability that a pair becomes a candidate is
 *    1-(1-J^4)^32: 0.23 at J=0.3, 0.87 at J=0.5, 0.99 at J=0.6, 0.0003 at
 *    J=0.05 — near-copies (J >= 0.5 measured on the examples and on
 *    synthetic edits in tests/unit/test_copies.c) are found, topic
 *    neighbours are not. Rewrites and translations share too few shingles
 *    for any banding; the store adds the documents of the same story as
 *    candidates for them.
 *
 * Comparison (chr__copies_compare): exact Jaccard and containment from the
 * two shingle sets; paragraph similarity is the weighted Dice coefficient of
 * the key sets; the alignment is the order-preserving set of paragraph
 * pairs with similarity >= ALIGN_MIN that maximises the sum of
 * (similarity - ALIGN_MIN), found by dynamic programming like a longest
 * common subsequence. Relation rules are at classify(). */
#include "corpus/copies.h"

#include "corpus/stories.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>

#define PREFIX_LEN 5     /* letters kept of a content word */
#define ALIGN_MIN 0.22   /* paragraph similarity that can align */
#define W_CONTENT 1.0f
#define W_PAIR 1.0f
#define W_NAME 2.0f
#define W_NUMBER 2.0f
#define W_QUOTE 3.0f
#define MAX_HITS 4096    /* postings read per LSH query */

enum { K_CONTENT = 1, K_PAIR, K_NAME, K_NUMBER, K_QUOTE };

/* A paragraph key: a 62-bit hash with its weight code in the low two bits
 * (0: weight 3, 1: weight 2, 2: weight 1), so that sorting plain integers
 * puts equal hashes together, heaviest first. */
typedef uint64_t key;
#define KEY_HASH(k) ((k) & ~(uint64_t)3)
#define KEY_W(k) ((float)(3 - (int)((k) & 3)))

typedef struct para {
    key *keys;
    uint32_t n;
    float wsum;
    uint32_t words;
} para;

struct chr__copyfeat {
    chr__arena *a;
    uint64_t *sh;
    size_t n_sh;
    uint32_t sig[CHR__MH_HASHES];
    para *paras;
    size_t n_paras;
    size_t words;
};

static uint64_t mix64(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

static uint64_t tagged(uint64_t h, int tag)
{
    return mix64(h + (uint64_t)tag * 0x51ed27f1a3b9c4d5ULL);
}

/* ---- tokenising one text ---- */

typedef struct tok {
    chr__arena *a;
    const char *s;       /* current paragraph */
    chr__vec words;      /* uint64_t: every folded word of the text */
    chr__vec keys;       /* key: the current paragraph's */
    uint64_t prev_content; /* previous content word (prefix hash) or 0 */
    uint64_t q[2];       /* previous two quoted words, 0 when none */
    int in_quote;
    size_t last_end;
    uint32_t para_words;
    int oom;
} tok;

static void push_key(tok *t, uint64_t h, int tag, float w)
{
    key *k = chr__vec_push(&t->keys, t->a);
    if (!k) {
        t->oom = 1;
        return;
    }
    *k = (tagged(h, tag) & ~(uint64_t)3) | (uint64_t)(3 - (int)w);
}

/* Quotation marks between the previous word and this one. */
static void track_quotes(tok *t, size_t from, size_t to)
{
    const unsigned char *p = (const unsigned char *)t->s;
    for (size_t i = from; i < to; i++) {
        if (p[i] == '"') {
            t->in_quote = !t->in_quote;
        } else if (p[i] == 0xE2 && i + 2 < to && p[i + 1] == 0x80) {
            if (p[i + 2] == 0x9C)
                t->in_quote = 1;
            else if (p[i + 2] == 0x9D)
                t->in_quote = 0;
        } else if (p[i] == 0xC2 && i + 1 < to) {
            if (p[i + 1] == 0xAB)
                t->in_quote = 1;
            else if (p[i + 1] == 0xBB)
                t->in_quote = 0;
        }
        if (!t->in_quote)
            t->q[0] = t->q[1] = 0;
    }
}

static int sentence_initial(const char *s, size_t start)
{
    size_t i = start;
    while (i > 0) {
        unsigned char c = (unsigned char)s[i - 1];
        if (c == ' ' || c == '\t' || c == '"' || c == '(' || c == '\'' ||
            c >= 0x80)
            i--;
        else
            break;
    }
    if (i == 0)
        return 1;
    char c = s[i - 1];
    return c == '.' || c == '!' || c == '?' || c == '\n' || c == ':';
}

/* chr__fold_word with a fast path for ASCII words (lower case). */
static size_t fold(const char *s, size_t n, char buf[128])
{
    if (n < 128) {
        size_t i = 0;
        for (; i < n && !((unsigned char)s[i] & 0x80); i++)
            buf[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
        if (i == n) {
            buf[n] = 0;
            return n;
        }
    }
    return chr__fold_word(s, n, buf, 128);
}

static int word_cb(void *ctx, const chr__token *tk)
{
    tok *t = ctx;
    if (t->words.len >= CHR__COPY_MAX_WORDS)
        return 1;
    track_quotes(t, t->last_end, tk->start);
    t->last_end = tk->end;
    char buf[128];
    size_t n = fold(t->s + tk->start, tk->end - tk->start, buf);
    if (!n)
        return 0;
    uint64_t wh = chr__hash64(buf, n);
    uint64_t *w = chr__vec_push(&t->words, t->a);
    if (!w) {
        t->oom = 1;
        return 1;
    }
    *w = wh;
    t->para_words++;
    if (t->in_quote) {
        if (t->q[0] && t->q[1]) {
            uint64_t tri[3] = {t->q[0], t->q[1], wh};
            push_key(t, chr__hash64(tri, sizeof tri), K_QUOTE, W_QUOTE);
        }
        t->q[0] = t->q[1];
        t->q[1] = wh;
    }
    if (tk->numeric) {
        /* digits only: "6,8" and "6.8" meet, "38,000" and "38000" too */
        char d[64];
        size_t k = 0;
        for (size_t i = 0; i < n && k < sizeof d; i++)
            if (buf[i] >= '0' && buf[i] <= '9')
                d[k++] = buf[i];
        if (k)
            push_key(t, chr__hash64(d, k), K_NUMBER, W_NUMBER);
        return t->oom;
    }
    if (n < 3 || chr__is_stopword(buf, n))
        return t->oom;
    size_t pn = n < PREFIX_LEN ? n : PREFIX_LEN;
    uint64_t ph = chr__hash64(buf, pn);
    push_key(t, ph, K_CONTENT, W_CONTENT);
    if (t->prev_content) {
        uint64_t pair[2] = {t->prev_content, ph};
        push_key(t, chr__hash64(pair, sizeof pair), K_PAIR, W_PAIR);
    }
    t->prev_content = ph;
    if (tk->upper_initial && !sentence_initial(t->s, tk->start))
        push_key(t, wh, K_NAME, W_NAME);
    return t->oom;
}

/* Sorts n integers: insertion sort when few, else LSD radix sort by
 * bytes through `tmp` (n slots); 0 when tmp is needed but NULL. */
static int sort_u64(uint64_t *a, size_t n, uint64_t *tmp)
{
    if (n < 48) {
        for (size_t i = 1; i < n; i++) {
            uint64_t v = a[i];
            size_t j = i;
            for (; j > 0 && a[j - 1] > v; j--)
                a[j] = a[j - 1];
            a[j] = v;
        }
        return 1;
    }
    if (!tmp)
        return 0;
    uint64_t *src = a, *dst = tmp;
    for (int shift = 0; shift < 64; shift += 8) {
        size_t count[257] = {0};
        for (size_t i = 0; i < n; i++)
            count[((src[i] >> shift) & 0xFF) + 1]++;
        if (count[((src[0] >> shift) & 0xFF) + 1] == n)
            continue; /* every value has this byte */
        for (int b = 0; b < 256; b++)
            count[b + 1] += count[b];
        for (size_t i = 0; i < n; i++)
            dst[count[(src[i] >> shift) & 0xFF]++] = src[i];
        uint64_t *t = src;
        src = dst;
        dst = t;
    }
    if (src != a)
        memcpy(a, src, n * sizeof *a);
    return 1;
}

/* Sorts keys and keeps one of each hash (the heaviest). */
static size_t unique_keys(key *k, size_t n, uint64_t *tmp, float *wsum)
{
    sort_u64(k, n, tmp);
    size_t m = 0;
    *wsum = 0;
    for (size_t i = 0; i < n; i++) {
        if (m && KEY_HASH(k[m - 1]) == KEY_HASH(k[i]))
            continue;
        k[m++] = k[i];
        *wsum += KEY_W(k[i]);
    }
    return m;
}

chr_status chr__copyfeat_new(const char *body, size_t len,
                             chr__copyfeat **out)
{
    *out = NULL;
    chr__arena *a = chr__arena_new(64u * 1024 * 1024 + 64 * len);
    if (!a)
        return CHR_NOMEM;
    chr__copyfeat *f = chr__arena_alloc(a, sizeof *f);
    para *paras = chr__arena_alloc(a, CHR__COPY_MAX_PARAS * sizeof *paras);
    if (!f || !paras) {
        chr__arena_free(a);
        return CHR_NOMEM;
    }
    f->a = a;
    f->paras = paras;
    tok t;
    memset(&t, 0, sizeof t);
    t.a = a;
    chr__vec_init(&t.words, sizeof(uint64_t));
    size_t pos = 0, start, n;
    while (!t.oom && chr__next_paragraph(body, len, &pos, &start, &n)) {
        chr__vec_init(&t.keys, sizeof(key));
        t.s = body + start;
        t.prev_content = t.q[0] = t.q[1] = 0;
        t.in_quote = 0;
        t.last_end = 0;
        t.para_words = 0;
        chr__words(t.s, n, word_cb, &t);
        if (t.para_words == 0 || f->n_paras >= CHR__COPY_MAX_PARAS)
            continue;
        para *p = &f->paras[f->n_paras++];
        p->keys = t.keys.items;
        uint64_t *tmp = t.keys.len >= 48
                            ? chr__arena_alloc(a, t.keys.len * sizeof *tmp)
                            : NULL;
        if (t.keys.len >= 48 && !tmp) {
            t.oom = 1;
            break;
        }
        p->n = (uint32_t)unique_keys(p->keys, t.keys.len, tmp, &p->wsum);
        p->words = t.para_words;
    }
    if (t.oom) {
        chr__arena_free(a);
        return CHR_NOMEM;
    }
    /* shingles */
    const uint64_t *w = t.words.items;
    size_t nw = t.words.len;
    f->words = nw;
    size_t nsh = nw >= CHR__SHINGLE ? nw - CHR__SHINGLE + 1 : (nw ? 1 : 0);
    f->sh = chr__arena_alloc(a, (nsh ? nsh : 1) * sizeof *f->sh);
    if (!f->sh) {
        chr__arena_free(a);
        return CHR_NOMEM;
    }
    for (size_t i = 0; i < nsh; i++) {
        size_t k = nw - i < CHR__SHINGLE ? nw - i : CHR__SHINGLE;
        f->sh[i] = chr__hash64(w + i, k * sizeof *w);
    }
    uint64_t *tmp = nsh >= 48 ? chr__arena_alloc(a, nsh * sizeof *tmp) : NULL;
    if (nsh >= 48 && !tmp) {
        chr__arena_free(a);
        return CHR_NOMEM;
    }
    sort_u64(f->sh, nsh, tmp);
    size_t m = 0;
    for (size_t i = 0; i < nsh; i++)
        if (!m || f->sh[m - 1] != f->sh[i])
            f->sh[m++] = f->sh[i];
    f->n_sh = m;
    /* MinHash */
    uint64_t mul[CHR__MH_HASHES], xr[CHR__MH_HASHES];
    for (int i = 0; i < CHR__MH_HASHES; i++) {
        mul[i] = mix64(0xC0FFEEULL + 2 * (uint64_t)i) | 1;
        xr[i] = mix64(0xBADC0DEULL + 2 * (uint64_t)i + 1);
        f->sig[i] = UINT32_MAX;
    }
    for (size_t k = 0; k < m; k++) {
        uint64_t h = f->sh[k];
        for (int i = 0; i < CHR__MH_HASHES; i++) {
            uint32_t v = (uint32_t)(((h ^ xr[i]) * mul[i]) >> 32);
            if (v < f->sig[i])
                f->sig[i] = v;
        }
    }
    *out = f;
    return CHR_OK;
}

void chr__copyfeat_free(chr__copyfeat *f)
{
    if (f)
        chr__arena_free(f->a);
}

const uint32_t *chr__copyfeat_sig(const chr__copyfeat *f) { return f->sig; }
size_t chr__copyfeat_paras(const chr__copyfeat *f) { return f->n_paras; }
size_t chr__copyfeat_shingles(const chr__copyfeat *f) { return f->n_sh; }

double chr__minhash_estimate(const uint32_t *a, const uint32_t *b)
{
    int eq = 0;
    for (int i = 0; i < CHR__MH_HASHES; i++)
        eq += a[i] == b[i];
    return (double)eq / CHR__MH_HASHES;
}

/* ---- LSH index: an open-addressing multimap of 32-bit band keys ----
 * One slot is a 64-bit word, the document in the high half and the band
 * key (never 0; 0: empty) in the low half, so that a probe reads one
 * cache line, not one in a key array and another in a document array:
 * with millions of documents every probe is a cache miss. */

struct chr__lsh {
    uint64_t *slots;
    size_t cap, len, ndocs;
};

#define SLOT_KEY(x) ((uint32_t)(x))
#define SLOT_DOC(x) ((uint32_t)((x) >> 32))

chr__lsh *chr__lsh_new(void) { return calloc(1, sizeof(chr__lsh)); }

void chr__lsh_free(chr__lsh *l)
{
    if (!l)
        return;
    free(l->slots);
    free(l);
}

static uint32_t band_key(const uint32_t *sig, int b)
{
    uint32_t v[CHR__MH_ROWS + 1];
    v[0] = (uint32_t)b;
    memcpy(v + 1, sig + b * CHR__MH_ROWS, CHR__MH_ROWS * sizeof *v);
    uint32_t k = (uint32_t)chr__hash64(v, sizeof v);
    return k ? k : 1;
}

static void lsh_put(uint64_t *slots, size_t cap, uint64_t x)
{
    size_t i = (size_t)(SLOT_KEY(x) * 0x9E3779B1u) & (cap - 1);
    while (slots[i])
        i = (i + 1) & (cap - 1);
    slots[i] = x;
}

chr_status chr__lsh_add(chr__lsh *l, uint32_t doc, const uint32_t *sig)
{
    if (!doc)
        return CHR_INVALID;
    if ((l->len + CHR__MH_BANDS) * 10 >= l->cap * 7) {
        size_t ncap = l->cap ? l->cap * 2 : 1024;
        while ((l->len + CHR__MH_BANDS) * 10 >= ncap * 7)
            ncap *= 2;
        uint64_t *n = calloc(ncap, sizeof *n);
        if (!n)
            return CHR_NOMEM;
        for (size_t i = 0; i < l->cap; i++)
            if (l->slots[i])
                lsh_put(n, ncap, l->slots[i]);
        free(l->slots);
        l->slots = n;
        l->cap = ncap;
    }
    for (int b = 0; b < CHR__MH_BANDS; b++)
        lsh_put(l->slots, l->cap, (uint64_t)doc << 32 | band_key(sig, b));
    l->len += CHR__MH_BANDS;
    l->ndocs++;
    return CHR_OK;
}

typedef struct hit {
    uint32_t doc, n;
} hit;

static int cmp_hit(const void *x, const void *y)
{
    const hit *a = x, *b = y;
    if (a->n != b->n)
        return a->n > b->n ? -1 : 1;
    return a->doc > b->doc ? -1 : a->doc < b->doc; /* newest first */
}

size_t chr__lsh_query(const chr__lsh *l, const uint32_t *sig, uint32_t *out,
                      size_t cap)
{
    if (!l->cap || !cap)
        return 0;
    hit *hits = malloc(MAX_HITS * sizeof *hits);
    if (!hits)
        return 0;
    size_t nh = 0, read = 0;
    for (int b = 0; b < CHR__MH_BANDS && read < MAX_HITS; b++) {
        uint32_t k = band_key(sig, b);
        size_t i = (size_t)(k * 0x9E3779B1u) & (l->cap - 1);
        for (; l->slots[i] && read < MAX_HITS; i = (i + 1) & (l->cap - 1)) {
            if (SLOT_KEY(l->slots[i]) != k)
                continue;
            read++;
            uint32_t doc = SLOT_DOC(l->slots[i]);
            size_t j = 0;
            while (j < nh && hits[j].doc != doc)
                j++;
            if (j == nh) {
                hits[nh].doc = doc;
                hits[nh++].n = 0;
            }
            hits[j].n++;
        }
    }
    qsort(hits, nh, sizeof *hits, cmp_hit);
    size_t n = nh < cap ? nh : cap;
    for (size_t i = 0; i < n; i++)
        out[i] = hits[i].doc;
    free(hits);
    return n;
}

size_t chr__lsh_count(const chr__lsh *l) { return l->ndocs; }

size_t chr__lsh_memory(const chr__lsh *l)
{
    return sizeof *l + l->cap * sizeof(uint64_t);
}

/* ---- comparison ---- */

static float para_sim(const para *a, const para *b)
{
    if (!a->n || !b->n)
        return 0;
    float common = 0;
    uint32_t i = 0, j = 0;
    while (i < a->n && j < b->n) {
        uint64_t x = KEY_HASH(a->keys[i]), y = KEY_HASH(b->keys[j]);
        if (x < y) {
            i++;
        } else if (x > y) {
            j++;
        } else {
            float wa = KEY_W(a->keys[i]), wb = KEY_W(b->keys[j]);
            common += wa < wb ? wa : wb;
            i++;
            j++;
        }
    }
    return 2 * common / (a->wsum + b->wsum);
}

/* Order-preserving alignment of b's paragraphs to a's. */
static void align(const chr__copyfeat *a, const chr__copyfeat *b,
                  chr__copy_pair *out)
{
    size_t na = a->n_paras, nb = b->n_paras;
    out->n_align = 0;
    if (!na || !nb)
        return;
    float *sim = malloc(na * nb * sizeof *sim);
    float *d = calloc((na + 1) * (nb + 1), sizeof *d);
    if (!sim || !d) {
        free(sim);
        free(d);
        return;
    }
#define D(i, j) d[(i) * (nb + 1) + (j)]
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++) {
            float s = para_sim(&a->paras[i], &b->paras[j]);
            sim[i * nb + j] = s;
            float best = D(i, j + 1) > D(i + 1, j) ? D(i, j + 1) : D(i + 1, j);
            if (s >= ALIGN_MIN && D(i, j) + s - (float)ALIGN_MIN + 1e-6f > best)
                best = D(i, j) + s - (float)ALIGN_MIN + 1e-6f;
            D(i + 1, j + 1) = best;
        }
    /* backtrack (pairs come out last first) */
    size_t i = na, j = nb, n = 0;
    while (i > 0 && j > 0) {
        float s = sim[(i - 1) * nb + (j - 1)];
        if (s >= ALIGN_MIN &&
            D(i, j) == D(i - 1, j - 1) + s - (float)ALIGN_MIN + 1e-6f) {
            out->align[n].para = (uint32_t)(j - 1);
            out->align[n].source_para = (uint32_t)(i - 1);
            out->align[n++].score = s;
            i--;
            j--;
        } else if (D(i, j) == D(i - 1, j)) {
            i--;
        } else {
            j--;
        }
    }
#undef D
    for (size_t k = 0; k < n / 2; k++) {
        chr__align t = out->align[k];
        out->align[k] = out->align[n - 1 - k];
        out->align[n - 1 - k] = t;
    }
    out->n_align = n;
    free(sim);
    free(d);
}

/* Relation rules, measured on the examples, the seeds and the synthetic
 * texts of tests/unit/test_copies.c (paragraph similarity of unrelated
 * reports of one subject stays near 0.25-0.33, of passages retold from the
 * same source at 0.4-0.5, of copied passages near 1):
 *  - copy: near-identical text, Jaccard >= 0.5, or the shorter text
 *    contained in the other (containment >= 0.8);
 *  - translation: the languages differ and a third of the shorter text
 *    aligns; or half of it aligns paragraph by paragraph (mean similarity
 *    >= 0.4) while under 10% of its 3-word sequences are shared: the same
 *    passages, names and numbers in the same order with other words;
 *  - rewrite: the aligned share times its mean similarity is >= 0.15 with
 *    a mean similarity >= 0.35, or verbatim passages (quotations) make up
 *    10% of the shorter text over at least two aligned paragraphs.
 * The score (0.5 max(containment, Jaccard) + 0.5 coverage x similarity)
 * ranks the candidate originals of a document. */
static void classify(chr__copy_pair *p, const char *la, const char *lb)
{
    double cov = p->coverage, con = p->containment, sim = p->align_sim;
    int other_lang = la && lb && strcmp(la, lb) != 0;
    p->relation = CHR__REL_NONE;
    if (p->jaccard >= 0.5 || con >= 0.8)
        p->relation = CHR__REL_COPY;
    else if (other_lang && cov >= 0.33 && sim >= 0.3)
        p->relation = CHR__REL_TRANSLATION;
    else if (cov >= 0.5 && sim >= 0.4 && con < 0.1)
        p->relation = CHR__REL_TRANSLATION;
    else if ((cov * sim >= 0.15 && sim >= 0.35) ||
             (con >= 0.1 && p->n_align >= 2 && sim >= 0.4))
        p->relation = CHR__REL_REWRITE;
    p->score = p->relation == CHR__REL_NONE
                   ? 0
                   : 0.5 * (con > p->jaccard ? con : p->jaccard) +
                         0.5 * cov * (sim < 1 ? sim : 1);
}

void chr__copies_compare(const chr__copyfeat *a, const chr__copyfeat *b,
                         const char *lang_a, const char *lang_b,
                         chr__copy_pair *out)
{
    memset(out, 0, sizeof *out);
    size_t i = 0, j = 0, common = 0;
    while (i < a->n_sh && j < b->n_sh) {
        if (a->sh[i] < b->sh[j])
            i++;
        else if (a->sh[i] > b->sh[j])
            j++;
        else {
            common++;
            i++;
            j++;
        }
    }
    size_t uni = a->n_sh + b->n_sh - common;
    size_t small = a->n_sh < b->n_sh ? a->n_sh : b->n_sh;
    out->jaccard = uni ? (double)common / (double)uni : 0;
    out->containment = small ? (double)common / (double)small : 0;
    align(a, b, out);
    size_t wa = 0, wb = 0;
    double simsum = 0;
    for (size_t k = 0; k < out->n_align; k++) {
        wa += a->paras[out->align[k].source_para].words;
        wb += b->paras[out->align[k].para].words;
        simsum += out->align[k].score;
    }
    double ca = a->words ? (double)wa / (double)a->words : 0;
    double cb = b->words ? (double)wb / (double)b->words : 0;
    out->coverage = a->words < b->words ? ca : cb;
    out->align_sim = out->n_align ? simsum / (double)out->n_align : 0;
    classify(out, lang_a, lang_b);
}

const char *chr__relation_name(chr__relation r)
{
    switch (r) {
    case CHR__REL_COPY:
        return "copy";
    case CHR__REL_REWRITE:
        return "rewrite";
    case CHR__REL_TRANSLATION:
        return "translation";
    default:
        return NULL;
    }
}

/* ---- direction ---- */

static const char *const agencies[] = {
    "afp", "reuters", "ap", "associated press", "xinhua", "tass", "efe",
    "dpa", "ansa", "upi", "kyodo", "yonhap", "pti", "anadolu", "bernama",
    "agence", "agency", "wire", "press association", "ria novosti",
};

/* 1 when `s` names a news agency as a whole word. */
static int is_agency(const char *s)
{
    if (!s)
        return 0;
    char low[256];
    size_t n = 0;
    for (; s[n] && n + 1 < sizeof low; n++)
        low[n] = (char)(s[n] >= 'A' && s[n] <= 'Z' ? s[n] + 32 : s[n]);
    low[n] = 0;
    for (size_t i = 0; i < CHR__ARRAY_LEN(agencies); i++) {
        size_t k = strlen(agencies[i]);
        for (const char *p = strstr(low, agencies[i]); p;
             p = strstr(p + 1, agencies[i])) {
            int left = p == low || !((p[-1] >= 'a' && p[-1] <= 'z'));
            int right = !((p[k] >= 'a' && p[k] <= 'z'));
            if (left && right)
                return 1;
        }
    }
    return 0;
}

int chr__copies_a_first(const chr__copy_meta *a, const chr__copy_meta *b)
{
    int32_t da = chr__iso_days(a->date), db = chr__iso_days(b->date);
    if (da != INT32_MIN && db != INT32_MIN && da != db)
        return da < db;
    int wa = is_agency(a->outlet) || is_agency(a->byline);
    int wb = is_agency(b->outlet) || is_agency(b->byline);
    if (wa != wb)
        return wa;
    if (a->dateline_dated != b->dateline_dated)
        return a->dateline_dated;
    if (a->len != b->len)
        return a->len > b->len;
    int c = strcmp(a->hash ? a->hash : "", b->hash ? b->hash : "");
    if (c)
        return c < 0;
    return strcmp(a->id ? a->id : "", b->id ? b->id : "") <= 0;
}
