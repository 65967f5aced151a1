/* segment.c — repair of words glued together when a conversion lost the
 * spaces or quotation marks between them (issue 3).
 *
 * Knowledge: the English lexicon (lexicon.c, SCOWL: each word flagged common
 * and/or proper) and the document's own names (capitalised tokens it uses on
 * their own, possessive 's dropped). A word is "proper" when the lexicon
 * never writes it in lower case and it is a lexicon name, a document name or
 * a demonym of one (Belarus -> Belarusian).
 *
 * A token is never touched when it is a number or holds a digit, is all
 * capitals, holds a hyphen or an inner apostrophe, is part of a URL, e-mail,
 * handle or hashtag (its space-delimited chunk holds / @ # _ = or a dot or
 * colon before a letter), is in the lexicon, or occurs more than once in the
 * document. Text is only repaired when it is English: at least 10
 * lower-case words, 85% of them (of the first 2,000) in the lexicon (English news scores 91-99%,
 * Indonesian, German, Portuguese pages 8-47%).
 *
 * (a) Camel joins: exactly one lower->upper change inside the token, the
 *     right part has a lower-case letter ("historyPutin", "BelarusRussia's").
 *     The left part is no name particle (Mc, Mac, Van, De…). Split when
 *       - the token starts in lower case, the left part (3+ letters) is a
 *         common word and the right part proper, a function word, or a
 *         speaker (a speech verb follows: "bridgeLindqvist said"); a left
 *         part of 2 letters must be a function word and the right part a
 *         name the document uses or a speaker ("itPutin said"); 1 letter
 *         never (iPhone, eBay);
 *       - the token is capitalised, the left part has 3+ letters, the right
 *         part 3+ (PepsiCo stays), and either a speaker follows, or the
 *         left part is proper and the right part a function word or a
 *         proper name the document uses alone or a demonym of one
 *         ("BelarusRussia's"), or the left part (4+) is unknown and the
 *         right part such a name ("KazinformBelarusian"). Brands of two
 *         common words (BlackRock, YouTube) or two names the text never uses
 *         alone (HarperCollins, KellyAnne, ExxonMobil) stay.
 * (b) Glued tails: no case change inside; the token splits into a head of
 *     4+ letters and one tail word (function words, speech verbs,
 *     "according", "using" …; two only after a document name). A short
 *     preposition tail (on, at, in…) must be followed by what it takes (the,
 *     a, his, Wednesday, March…: leptin, smallsat, "Crafton 1 goal" stay);
 *     he/she/they by a speech verb. Accepted heads:
 *       - lower-case token: a common word ("peaceaccording", "orderusing");
 *       - capitalised token: a document name (used alone, or glued after a
 *         common word elsewhere: "bridgeLindqvist" supports "Lindqvistand")
 *         with any tail, or one common word of 5+ letters that is no
 *         compound ending ("Astancapital", not "Cleggmania"); a lexicon name
 *         ("Thursdayat the end"), "and" only after a vowel ("Chinaand", not
 *         "Neiland"); a common word only with tails of 4+ letters ("Weston"
 *         stays); an unknown head of 5+ letters only with a speech verb,
 *         "whose" or "which" ("Lukashenkosaid"), or "and" after a vowel.
 *     Fewest pieces win, then a document-name head, then the longest head.
 * (c) Quotation restoration: when a camel split puts a speaker before a
 *     speech verb (up to two more capitalised words between: "neighbours
 *     Minister Arlen said"), or a glued he/she/they precedes one, and the
 *     sentence up to the join starts with a capital after a paragraph start
 *     or a sentence end and holds no quotation mark, colon or semicolon, it
 *     was a quotation: “<sentence>,” Name said.
 *
 * Each repair is reported {from: token, to: replacement}; for (c) `to` is
 * the whole restored quotation with its speaker.
 *
 * The text is tokenised once. Pass 1 counts tokens and names, takes the
 * language sample (each distinct word looked up once, the flags cached in
 * the count map) and keeps the first occurrence of each token that its own
 * text lets be a join (not in the lexicon, one case change at most, no URL
 * around it). Pass 2 decides only those the document uses once. Past
 * MAX_CANDS candidates it scans the text again instead (same result).
 *
 * Files: this one holds tokens, candidates and the driver
 * chr__repair_joins; segment_rules.c the decisions (a) and (b);
 * segment_quote.c (c) and the recording of repairs; segment_int.h the
 * state and helpers they share. */
#include "text/segment_int.h"

#include <utf8proc.h>

/* Folds tok[0..n) letter by letter into a-z; 0 when a code point is not a
 * letter or does not fold to ASCII letters. */
static int fold_token(const char *tok, size_t n, ftok *ft)
{
    ft->len = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t l = chr__utf8_decode(tok + i, n - i, &cp);
        if (cp < 0x80) { /* fast path */
            if (!((cp | 32) >= 'a' && (cp | 32) <= 'z') || ft->len >= MAX_FOLD)
                return 0;
            ft->f[ft->len] = (char)(cp | 32);
            ft->off[ft->len] = i;
            ft->bound[ft->len] = 1;
            ft->upper[ft->len] = cp <= 'Z';
            ft->len++;
            i++;
            continue;
        }
        utf8proc_category_t c = utf8proc_category(cp);
        if (c < UTF8PROC_CATEGORY_LU || c > UTF8PROC_CATEGORY_LO)
            return 0;
        int up = c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
        char buf[16];
        size_t k = chr__fold_word(tok + i, l, buf, sizeof buf);
        if (k == 0 || ft->len + k > MAX_FOLD)
            return 0;
        for (size_t q = 0; q < k; q++) {
            if (buf[q] < 'a' || buf[q] > 'z')
                return 0;
            ft->f[ft->len] = buf[q];
            ft->off[ft->len] = i;
            ft->bound[ft->len] = q == 0;
            ft->upper[ft->len] = (unsigned char)up;
            ft->len++;
        }
        i += l;
    }
    ft->off[ft->len] = n;
    ft->bound[ft->len] = 1;
    ft->f[ft->len] = '\0';
    return ft->len > 0;
}

/* Length of a trailing possessive ('s or ’s) of tok[0..n), else 0. */
static size_t possessive(const char *tok, size_t n)
{
    if (n > 2 && tok[n - 1] == 's' && tok[n - 2] == '\'')
        return 2;
    if (n > 4 && tok[n - 1] == 's' && memcmp(tok + n - 4, "\xe2\x80\x99", 3) == 0)
        return 4;
    return 0;
}

static int bump(seg *g, chr__map *m, const char *f, size_t n)
{
    uint64_t *v = chr__map_slot(m, chr__hash64(f, n));
    if (!v)
        return g->nomem = 1;
    (*v)++;
    return 0;
}

/* A name seen glued after a common word ("bridgeLindqvist"): evidence
 * for the same name glued elsewhere ("Lindqvistand"). */
static int glued_evidence(seg *g, const char *tok, size_t len)
{
    size_t i = 1;
    while (i < len && !(tok[i] >= 'A' && tok[i] <= 'Z'))
        i++;
    if (i >= len || len > MAX_FOLD)
        return 0;
    ftok ft;
    if (!fold_token(tok, len, &ft))
        return 0;
    size_t trans = 0, k = 0;
    for (size_t q = 1; q < ft.len; q++)
        if (ft.bound[q] && ft.upper[q] && !ft.upper[q - 1]) {
            trans++;
            k = q;
        }
    if (trans != 1 || k < 3 || ft.len - k < 4 || ft.upper[ft.len - 1] ||
        !(lex(ft.f, k) & CHR__LEX_COMMON))
        return 0;
    return bump(g, &g->glued, ft.f + k, ft.len - k);
}

static int lang_rejected(const seg *g);
static int candidate(const seg *g, size_t st, size_t en, const char *hk,
                     size_t hn, int hf, ftok *ft, size_t *k_trans);

/* Pass 1: occurrences of every token and of every capitalised one; the
 * first occurrence of each token that may need repair is kept as a
 * candidate for pass 2 (a repeated token never is repaired). */
static int count_token(void *ctx, const chr__token *t)
{
    seg *g = ctx;
    const char *tok = g->s + t->start;
    size_t len = t->end - t->start;
    char buf[MAX_FOLD + 8];
    size_t k = chr__fold_word(tok, len, buf, sizeof buf);
    uint64_t key = chr__hash64(buf, k);
    uint64_t *v = chr__map_slot(&g->counts, key);
    if (!v)
        return g->nomem = 1;
    int first = (++*v & COUNT_MASK) == 1;
    int lexf = -1; /* lexicon flags of buf[0..k) when looked up */
    if (!t->upper_initial && !t->numeric && k >= 3 && k <= 32 &&
        g->low_words < LANG_SAMPLE) {
        size_t i = 0;
        while (i < k && buf[i] >= 'a' && buf[i] <= 'z')
            i++;
        if (i == k) {
            g->low_words++;
            if (*v >> LEX_SHIFT) { /* a repeated word: looked up before */
                lexf = (int)(*v >> LEX_SHIFT) - 1;
            } else {
                lexf = lex(buf, k);
                *v |= (uint64_t)(lexf + 1) << LEX_SHIFT;
            }
            g->low_known += lexf != 0;
        }
    }
    if (first && !g->cands_full && !t->numeric && !t->all_upper &&
        len >= 5 && len <= MAX_FOLD && !lang_rejected(g)) {
        ftok ft;
        size_t k_trans;
        if (candidate(g, t->start, t->end, buf, k, lexf, &ft, &k_trans)) {
            if (g->cands.len >= MAX_CANDS) {
                g->cands_full = 1;
            } else {
                cand *c = chr__vec_push(&g->cands, g->a);
                if (!c)
                    return g->nomem = 1;
                c->start = t->start;
                c->end = t->end;
                c->key = key;
            }
        }
    }
    if (t->upper_initial && !t->all_upper && !t->numeric) {
        size_t p = possessive(tok, len);
        if (p)
            k = chr__fold_word(tok, len - p, buf, sizeof buf);
        if (bump(g, &g->names, buf, k))
            return 1;
    } else if (!t->numeric && !t->all_upper &&
               glued_evidence(g, tok, len - possessive(tok, len))) {
        return 1;
    }
    return 0;
}

/* 1 when the space-delimited chunk around [st, en) looks like a URL, an
 * e-mail address, a handle, a hashtag or code (or is too long to tell). */
static int odd_chunk(const seg *g, size_t st, size_t en)
{
    size_t b = st, e = en;
    while (b > 0 && !is_space(g->s[b - 1]))
        if (st - --b > CHUNK_SCAN)
            return 1;
    while (e < g->n && !is_space(g->s[e]))
        if (++e - en > CHUNK_SCAN)
            return 1;
    for (size_t i = b; i < e; i++) {
        char c = g->s[i];
        if (strchr("/@#_=\\<>|~&", c))
            return 1;
        if ((c == '.' || c == ':') && i + 1 < e && is_alnum(g->s[i + 1]))
            return 1;
    }
    return 0;
}

/* 1 when the language sample is complete and not English: pass 2 will not
 * run, pass 1 need not look for candidates. */
static int lang_rejected(const seg *g)
{
    return g->low_words >= LANG_SAMPLE &&
           g->low_known * 100 < g->low_words * MIN_KNOWN_PCT;
}

/* The checks of the token [st, en) that depend on its text alone (not on
 * what else the document holds): 1 when it may be a join, with ft its fold
 * (possessive dropped) and *k_trans the index of its lower->upper change
 * (0: none). When hf >= 0 it is the lexicon flags of hk[0..hn), used
 * instead of a lookup if that is ft's key (of ft's key itself when hk is
 * NULL). */
static int candidate(const seg *g, size_t st, size_t en, const char *hk,
                     size_t hn, int hf, ftok *ft, size_t *k_trans)
{
    const char *tok = g->s + st;
    size_t len = en - st;
    size_t poss = possessive(tok, len);
    if (!fold_token(tok, len - poss, ft) || ft->len < 5)
        return 0;
    int fl = hf >= 0 && (!hk || (hn == ft->len && memcmp(hk, ft->f, hn) == 0))
                 ? hf
                 : lex(ft->f, ft->len);
    if (fl)
        return 0;
    size_t trans = 0, inner_upper = 0;
    *k_trans = 0;
    for (size_t k = 1; k < ft->len; k++) {
        if (!ft->bound[k] || !ft->upper[k])
            continue;
        inner_upper++;
        if (!ft->upper[k - 1]) {
            trans++;
            *k_trans = k;
        }
    }
    if (trans > 1 || (trans == 0 && inner_upper > 0) ||
        (trans == 0 && poss))
        return 0;
    return !odd_chunk(g, st, en);
}

/* Pass 2 on one candidate: a camel join or a glued tail. */
static int decide(seg *g, size_t st, size_t en, const ftok *ft,
                  size_t k_trans)
{
    int r = k_trans ? chr__seg_camel(g, st, en, ft, k_trans)
                    : chr__seg_glued(g, st, en, ft);
    return r ? 1 : 0;
}

/* Pass 2 over the whole text, when pass 1 kept too many candidates. */
static int repair_token(void *ctx, const chr__token *t)
{
    seg *g = ctx;
    const char *tok = g->s + t->start;
    size_t len = t->end - t->start;
    if (t->numeric || t->all_upper || len < 5 || len > MAX_FOLD)
        return 0;
    char full[MAX_FOLD + 8];
    size_t nf = chr__fold_word(tok, len, full, sizeof full);
    if ((count_of(&g->counts, full, nf) & COUNT_MASK) >= 2)
        return 0;
    ftok ft;
    size_t k_trans;
    if (!candidate(g, t->start, t->end, NULL, 0, -1, &ft, &k_trans))
        return 0;
    return decide(g, t->start, t->end, &ft, k_trans);
}

/* Pass 2 over the candidates pass 1 kept: those the document uses once. */
static void repair_candidates(seg *g)
{
    const cand *c = g->cands.items;
    for (size_t i = 0; i < g->cands.len; i++) {
        uint64_t *v = chr__map_get(&g->counts, c[i].key);
        if (v && (*v & COUNT_MASK) >= 2)
            continue;
        ftok ft;
        size_t k_trans;
        /* not in the lexicon: pass 1 looked it up */
        if (candidate(g, c[i].start, c[i].end, NULL, 0, 0, &ft, &k_trans) &&
            decide(g, c[i].start, c[i].end, &ft, k_trans))
            return;
    }
}

static int cmp_edit(const void *pa, const void *pb)
{
    const edit *a = pa, *b = pb;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

chr_status chr__repair_joins(const char *text, size_t n, chr__arena *a,
                             char **out, size_t *out_len, chr_repair **reps,
                             size_t *n_reps)
{
    *out = NULL;
    *out_len = 0;
    *reps = NULL;
    *n_reps = 0;
    seg g;
    memset(&g, 0, sizeof g);
    g.s = text;
    g.n = n;
    g.a = a;
    chr__map_init(&g.counts);
    chr__map_init(&g.names);
    chr__map_init(&g.glued);
    chr__vec_init(&g.edits, sizeof(edit));
    chr__vec_init(&g.reps, sizeof(chr_repair));
    chr__vec_init(&g.cands, sizeof(cand));
    chr__words(text, n, count_token, &g);
    if (!g.nomem && g.low_words >= MIN_WORDS &&
        g.low_known * 100 >= g.low_words * MIN_KNOWN_PCT) {
        if (g.cands_full)
            chr__words(text, n, repair_token, &g);
        else
            repair_candidates(&g);
    }
    chr__map_free(&g.counts);
    chr__map_free(&g.names);
    chr__map_free(&g.glued);
    if (g.nomem)
        return CHR_NOMEM;

    edit *e = g.edits.items;
    if (g.edits.len == 0) { /* the common case: nothing to repair */
        *out = (char *)text;
        *out_len = n;
        return CHR_OK;
    }
    size_t extra = 0;
    for (size_t i = 0; i < g.edits.len; i++)
        extra += e[i].rep_len;
    char *o = chr__arena_alloc(a, n + extra + 1);
    if (!o)
        return CHR_NOMEM;
    if (g.edits.len > 1)
        qsort(e, g.edits.len, sizeof *e, cmp_edit);
    size_t pos = 0, w = 0;
    for (size_t i = 0; i < g.edits.len; i++) {
        if (e[i].start < pos)
            continue; /* overlapping: cannot happen, keep the first */
        memcpy(o + w, text + pos, e[i].start - pos);
        w += e[i].start - pos;
        memcpy(o + w, e[i].rep, e[i].rep_len);
        w += e[i].rep_len;
        pos = e[i].end;
    }
    memcpy(o + w, text + pos, n - pos);
    w += n - pos;
    o[w] = '\0';
    *out = o;
    *out_len = w;
    *reps = g.reps.len ? g.reps.items : NULL;
    *n_reps = g.reps.len;
    return CHR_OK;
}
