/* entities.c — actor entities of a document: dictionary matches, names from
 * the statistical tagger, and the output of chr__entities_find().
 *
 * Method:
 *  1. Words (chr__words), folded (chr__fold_word: case and diacritics).
 *     A word ending in "'s" (or "'") also has a possessive-free form.
 *     Words are counted first so that their array (16 bytes a word) is
 *     allocated once; the folded words share one buffer (the analysis arena
 *     allows about 24 bytes per input byte for all stages together).
 *  2. Longest match over words against the built-in dictionary
 *     (src/resources/actors.h): from each word the key grows word by word
 *     while the words read so far begin some key (prefix entries), across
 *     plain spaces only (or the "." of an initial: "Vladimir V. Putin");
 *     the last word may be possessive ("Russia's", "Putin's"). A match must
 *     be capitalised (connectors like "of", "al", "bin" excepted). A one-word
 *     match that the English lexicon knows only in lower case is refused
 *     unless it is a country or a person; a person's name that is also an
 *     English word ("Xi", "Brown") is refused at a sentence start unless the
 *     document names that person in full elsewhere; a one-word place right
 *     before a capitalised word is a first name ("Vladimir"). Countries,
 *     capitals and demonyms inside hyphenated words the dictionary does not
 *     hold are mentions of their own ("Russian-Chinese", "anti-Western").
 *  3. Capitals are places after a locative preposition ("in Beijing": GPE,
 *     actor CHN) and the government by metonymy when they act ("Beijing
 *     said", "Moscow's": CHNGOV, RUSGOV); other capitals are places.
 *  4. The statistical tagger (src/extract/ner.h) adds the names no
 *     dictionary holds; dictionary matches win where they overlap. Titles and
 *     honorifics ("Mr", "President") are cut from the front of its persons.
 *  5. coref.c resolves descriptions, titles, surnames and tagger persons.
 *  6. Output: non-overlapping entities sorted by offset; roles dated by
 *     d->date_hint (chr__actor_code). Types: the dictionary's (PERSON, ORG,
 *     GPE for countries and capitals, LOC for other places), OTHER for a
 *     demonym alone ("Chinese": actor CHN); the tagger's PER, ORG, LOC, MISC
 *     as PERSON, ORG, LOC, OTHER.
 * Limits: CHR__ENT_MAX_TOKENS words, CHR__ENT_MAX_MENTS mentions, offsets
 * below 4 GiB; words of 64 bytes or more never match. Pure, thread-safe. */
#include "extract/entities_int.h"

#include "extract/ner.h"
#include "text/text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

size_t chr__etok_end(const chr__ectx *c, int t)
{
    const chr__etok *w = &c->tok[t];
    size_t e = w->end;
    if (w->plen == w->flen)
        return e;
    if (e > w->start && c->s[e - 1] == 's')
        e--;
    if (e > w->start && c->s[e - 1] == '\'')
        return e - 1;
    if (e >= w->start + 3 && (unsigned char)c->s[e - 3] == 0xE2 &&
        (unsigned char)c->s[e - 2] == 0x80 && (unsigned char)c->s[e - 1] == 0x99)
        return e - 3;
    return w->end;
}

chr__ment *chr__ment_push(chr__ectx *c)
{
    if (c->nm == c->capm) {
        if (c->capm >= CHR__ENT_MAX_MENTS)
            return NULL;
        int cap = c->capm ? c->capm * 2 : 64;
        chr__ment *m = chr__arena_alloc(c->a, (size_t)cap * sizeof *m);
        if (!m)
            return NULL;
        if (c->nm)
            memcpy(m, c->m, (size_t)c->nm * sizeof *m);
        c->m = m;
        c->capm = cap;
    }
    chr__ment *m = &c->m[c->nm++];
    memset(m, 0, sizeof *m);
    m->actor = m->country = -1;
    return m;
}

static int cmp_ment(const void *x, const void *y)
{
    const chr__ment *a = x, *b = y;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end > b->end ? -1 : 1;
    return 0;
}

void chr__ments_sort(chr__ectx *c)
{
    if (c->nm > 1)
        qsort(c->m, (size_t)c->nm, sizeof *c->m, cmp_ment);
}

const char *chr__country_code(chr__ectx *c, int32_t country,
                              const char *suffix)
{
    const char *code = chr__actor_code(country, c->date);
    if (!code || strlen(code) < 3)
        return NULL;
    return chr__arena_printf(c->a, "%.3s%s", code, suffix ? suffix : "");
}

/* ---- 1. words ---- */

/* f: a folded word of n bytes, NUL-terminated. Compared inline, first
 * letter first: this runs for every word after a dot. */
static int is_abbrev(const char *f, size_t n)
{
    static const char *const ab[] = {"mr", "mrs", "ms", "dr", "st", "gen",
                                     "lt", "col", "sen", "rep", "gov",
                                     "prof", "capt", "sgt", "maj", "adm"};
    if (n < 2 || n > 4) /* every one is 2 to 4 letters: no compares */
        return 0;
    for (size_t i = 0; i < CHR__ARRAY_LEN(ab); i++) {
        const char *w = ab[i];
        if (w[0] != f[0])
            continue;
        size_t j = 1;
        while (j < n && w[j] == f[j])
            j++;
        if (j == n && w[n] == '\0')
            return 1;
    }
    return 0;
}

typedef struct tok_ctx {
    chr__ectx *c;
    int cap;
    int nomem;
} tok_ctx;

static int on_word(void *ctx, const chr__token *t)
{
    tok_ctx *k = ctx;
    chr__ectx *c = k->c;
    if (c->ntok >= k->cap)
        return 1;
    char buf[64];
    size_t fl = chr__fold_word(c->s + t->start, t->end - t->start, buf,
                               sizeof buf);
    if (c->flen + fl + 1 > c->fcap) { /* expansions by folding: rare */
        size_t cap = c->fcap * 2 + 64;
        char *nb = chr__arena_alloc(c->a, cap);
        if (!nb) {
            k->nomem = 1;
            return 1;
        }
        memcpy(nb, c->fbuf, c->flen);
        c->fbuf = nb;
        c->fcap = cap;
    }
    chr__etok *w = &c->tok[c->ntok];
    memset(w, 0, sizeof *w);
    w->start = (uint32_t)t->start;
    w->end = (uint32_t)t->end;
    w->fold = (uint32_t)c->flen;
    memcpy(c->fbuf + c->flen, buf, fl);
    c->fbuf[c->flen + fl] = 0;
    c->flen += fl + 1;
    w->flen = w->plen = (uint8_t)fl;
    if (fl > 2 && buf[fl - 2] == '\'' && buf[fl - 1] == 's')
        w->plen = (uint8_t)(fl - 2);
    else if (fl > 1 && buf[fl - 1] == '\'')
        w->plen = (uint8_t)(fl - 1);
    w->upper = t->upper_initial != 0;
    w->all_upper = t->all_upper != 0;
    w->numeric = t->numeric != 0;
    if (c->ntok == 0) {
        w->sent_start = 1;
    } else {
        const chr__etok *p = &c->tok[c->ntok - 1];
        int spaces = 1, dot = 0, stop = 0, nl = 0, other = 0;
        for (size_t i = p->end; i < t->start; i++) {
            char ch = c->s[i];
            if (ch == ' ' || ch == '\t')
                continue;
            spaces = 0;
            if (ch == '.')
                dot++;
            else if (ch == '!' || ch == '?')
                stop = 1;
            else if (ch == '\n')
                nl = 1;
            else
                other = 1;
        }
        w->plain = spaces != 0;
        w->joined = spaces || (dot == 1 && !stop && !nl && !other &&
                               p->flen == 1);
        /* an initial or a title's abbreviation does not end a sentence;
           looked up only after a dot */
        w->sent_start = stop || nl ||
                        (dot && !(p->flen == 1 ||
                                  is_abbrev(CHR__TF(c, p), p->flen)));
        if (other && !dot && !stop && !nl) {
            /* an opening quotation mark starts a quoted sentence */
            for (size_t i = p->end; i < t->start; i++)
                if (c->s[i] == '"')
                    w->sent_start = 1;
            if (t->start >= 3 && (unsigned char)c->s[t->start - 3] == 0xE2 &&
                (unsigned char)c->s[t->start - 2] == 0x80 &&
                (unsigned char)c->s[t->start - 1] == 0x9C)
                w->sent_start = 1;
        }
    }
    c->ntok++;
    return 0;
}

/* ---- 2. dictionary matches ---- */

static int is_connector(const char *f)
{
    static const char *const cn[] = {
        "of", "the", "and", "for", "de", "da", "du", "des", "von", "van",
        "der", "den", "al", "el", "bin", "ibn", "la", "le", "di", "do",
        "dos", "das", "y", "on", "in", "at", "to", "ul", "ud"};
    for (size_t i = 0; i < CHR__ARRAY_LEN(cn); i++)
        if (strcmp(f, cn[i]) == 0)
            return 1;
    return 0;
}

static int ascii_word(const char *f, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (f[i] < 'a' || f[i] > 'z')
            return 0;
    return n > 0;
}

static int acceptable(const chr__ectx *c, int i, int j,
                      const chr__actor_hit *h)
{
    if (!(h->flags & (CHR__KEY_NAME | CHR__KEY_DEMONYM | CHR__KEY_CAPITAL)) ||
        h->actor < 0)
        return 0;
    for (int t = i; t < j; t++) {
        const chr__etok *w = &c->tok[t];
        if (w->upper || w->numeric)
            continue;
        if (t > i && t < j - 1 && is_connector(CHR__TF(c, w)))
            continue;
        if (t > i && is_connector(CHR__TF(c, w)) && j - i > 2)
            continue;
        return 0;
    }
    if (j - i == 1) {
        const chr__etok *w = &c->tok[i];
        int type = chr__actor_type(h->actor);
        if (w->plen < 2)
            return 0;
        if (w->all_upper || (h->flags & (CHR__KEY_DEMONYM | CHR__KEY_CAPITAL)))
            return 1;
        if (!ascii_word(CHR__TF(c, w), w->plen))
            return 1;
        /* a place name before a capitalised word is a first name
           ("Vladimir Putin" when the dictionary does not know the rest) */
        if (type == CHR__ACT_LOC && i + 1 < c->ntok && c->tok[i + 1].plain &&
            c->tok[i + 1].upper && !c->tok[i + 1].sent_start)
            return 0;
        int lf = chr__lexicon_flags(CHR__TF(c, w), w->plen);
        if (type == CHR__ACT_PERSON) /* "Xi", "Brown": refused only where
                                        any word is capitalised */
            return !((lf & CHR__LEX_COMMON) && w->sent_start);
        if ((lf & CHR__LEX_COMMON) && !(lf & CHR__LEX_PROPER))
            return type == CHR__ACT_GPE;
        if ((lf & CHR__LEX_COMMON) && w->sent_start)
            return type == CHR__ACT_GPE;
    }
    return 1;
}

static int is_locative(const char *f)
{
    static const char *const lp[] = {
        "in", "at", "to", "from", "near", "outside", "into", "via", "across",
        "around", "inside", "toward", "towards", "through", "of", "between",
        "and", "visit", "visited", "visiting", "left", "arrived", "reached"};
    for (size_t i = 0; i < CHR__ARRAY_LEN(lp); i++)
        if (strcmp(f, lp[i]) == 0)
            return 1;
    return 0;
}

static int is_agentive_verb(const char *f)
{
    static const char *const v[] = {
        "said", "says", "has", "have", "had", "is", "was", "will", "would",
        "wants", "wanted", "accused", "accuses", "denied", "denies",
        "warned", "warns", "announced", "announces", "rejected", "rejects",
        "insisted", "insists", "urged", "urges", "called", "calls", "sees",
        "saw", "hopes", "hoped", "claimed", "claims", "responded", "vowed",
        "vows", "condemned", "condemns", "welcomed", "welcomes", "backed",
        "backs", "signed", "agreed", "agrees", "threatened", "threatens",
        "sent", "sends", "refused", "refuses", "protested", "argued"};
    for (size_t i = 0; i < CHR__ARRAY_LEN(v); i++)
        if (strcmp(f, v[i]) == 0)
            return 1;
    return 0;
}

/* Countries, capitals and demonyms inside a hyphenated word the dictionary
 * does not hold: "Russian-Chinese", "Beijing-led", "anti-Western". Each
 * capitalised part that is one is a mention of its own. */
static chr_status hyphen_parts(chr__ectx *c, int t)
{
    const chr__etok *w = &c->tok[t];
    if (!memchr(CHR__TF(c, w), '-', w->flen))
        return CHR_OK;
    size_t end = chr__etok_end(c, t);
    for (size_t p = w->start; p < end;) {
        size_t q = p;
        while (q < end && c->s[q] != '-')
            q++;
        unsigned char c0 = (unsigned char)c->s[p];
        if (q > p + 1 && c0 >= 'A' && c0 <= 'Z') {
            char f[64];
            size_t fl = chr__fold_word(c->s + p, q - p, f, sizeof f);
            chr__actor_hit h;
            uint64_t hh = chr__actors_hash_step(CHR__ACTORS_HASH_INIT, f, fl);
            if (fl > 1 && chr__actors_lookup(hh, f, fl, &h) && h.actor >= 0 &&
                ((h.flags & (CHR__KEY_DEMONYM | CHR__KEY_CAPITAL)) ||
                 ((h.flags & CHR__KEY_NAME) &&
                  chr__actor_type(h.actor) == CHR__ACT_GPE))) {
                chr__ment *m = chr__ment_push(c);
                if (!m)
                    return c->nm >= CHR__ENT_MAX_MENTS ? CHR_OK : CHR_NOMEM;
                m->start = p;
                m->end = q;
                m->t0 = t;
                m->t1 = t + 1;
                m->kind = (h.flags & CHR__KEY_NAME) ? CHR__M_NAME
                                                    : CHR__M_DEMONYM;
                m->type = (h.flags & CHR__KEY_NAME) ? CHR__ACT_GPE
                          : (h.flags & CHR__KEY_CAPITAL) ? CHR__ACT_GPE
                                                         : CHR__ACT_OTHER;
                m->country = h.actor;
                m->actor = h.actor;
                m->name = (h.flags & CHR__KEY_CAPITAL)
                              ? chr__arena_strndup(c->a, c->s + p, q - p)
                              : chr__actor_name(h.actor);
                m->code = chr__country_code(c, h.actor, NULL);
                if (!m->name || !m->code)
                    return CHR_NOMEM;
                if (m->kind == CHR__M_DEMONYM)
                    m->kind = CHR__M_NAME; /* never a description head */
            }
        }
        p = q + 1;
    }
    return CHR_OK;
}

static chr_status dict_scan(chr__ectx *c)
{
    char key[256];
    chr_status st;
    for (int i = 0; i < c->ntok;) {
        int best = -1, best_poss = 0;
        chr__actor_hit bh = {0}, hit;
        size_t kl = 0;
        uint64_t h = CHR__ACTORS_HASH_INIT;
        for (int j = i; j < c->ntok && j < i + 12; j++) {
            const chr__etok *w = &c->tok[j];
            if (j > i && !w->joined)
                break;
            if (kl + 1 + w->flen >= sizeof key || w->flen >= 63)
                break;
            uint64_t hh = h;
            size_t kk = kl;
            if (j > i) {
                hh = chr__actors_hash_step(hh, " ", 1);
                key[kk++] = ' ';
            }
            if (w->plen < w->flen) { /* possessive: a match ending here */
                uint64_t hp = chr__actors_hash_step(hh, CHR__TF(c, w), w->plen);
                memcpy(key + kk, CHR__TF(c, w), w->plen);
                if (chr__actors_lookup(hp, key, kk + w->plen, &hit) &&
                    acceptable(c, i, j + 1, &hit)) {
                    best = j + 1;
                    bh = hit;
                    best_poss = 1;
                }
            }
            hh = chr__actors_hash_step(hh, CHR__TF(c, w), w->flen);
            memcpy(key + kk, CHR__TF(c, w), w->flen);
            kk += w->flen;
            if (!chr__actors_lookup(hh, key, kk, &hit))
                break;
            if (acceptable(c, i, j + 1, &hit)) {
                best = j + 1;
                bh = hit;
                best_poss = 0;
            }
            if (w->plen < w->flen)
                break; /* nothing continues after a possessive */
            h = hh;
            kl = kk;
        }
        if (best < 0) {
            st = hyphen_parts(c, i);
            if (st != CHR_OK)
                return st;
            i++;
            continue;
        }
        chr__ment *m = chr__ment_push(c);
        if (!m)
            return c->nm >= CHR__ENT_MAX_MENTS ? CHR_OK : CHR_NOMEM;
        const chr__etok *last = &c->tok[best - 1];
        m->start = c->tok[i].start;
        m->end = best_poss ? chr__etok_end(c, best - 1) : last->end;
        m->t0 = i;
        m->t1 = best;
        m->actor = bh.actor;
        m->type = chr__actor_type(bh.actor);
        if (bh.flags & CHR__KEY_CAPITAL) {
            m->kind = CHR__M_CAPITAL;
            m->country = bh.actor;
            m->type = CHR__ACT_GPE;
            m->name = chr__arena_strndup(c->a, c->s + m->start, m->end - m->start);
            int metonym = best_poss ||
                          (best < c->ntok && c->tok[best].plain &&
                           is_agentive_verb(CHR__TF(c, &c->tok[best])));
            if (i > 0 && c->tok[i].plain && is_locative(CHR__TF(c, &c->tok[i - 1])))
                metonym = 0;
            m->code = chr__country_code(c, bh.actor, metonym ? "GOV" : NULL);
            if (metonym)
                m->type = CHR__ACT_ORG;
        } else if (bh.flags & CHR__KEY_DEMONYM) {
            m->kind = CHR__M_DEMONYM;
            m->country = bh.actor;
            m->type = CHR__ACT_OTHER;
            m->name = chr__actor_name(bh.actor);
            m->code = chr__country_code(c, bh.actor, NULL);
        } else {
            m->kind = CHR__M_NAME;
            m->name = chr__actor_name(bh.actor);
            m->code = chr__actor_code(bh.actor, c->date);
            if (m->type == CHR__ACT_GPE)
                m->country = bh.actor;
        }
        i = best;
    }
    return CHR_OK;
}

static int cmp_i32(const void *x, const void *y)
{
    int32_t a = *(const int32_t *)x, b = *(const int32_t *)y;
    return (a > b) - (a < b);
}

/* A one-word name refused at a sentence start because it is also an
 * English word ("Xi", "Brown") is a name after all when the document names
 * that person in full elsewhere. */
static chr_status rescue_sentence_starts(chr__ectx *c)
{
    int np = 0;
    for (int i = 0; i < c->nm; i++)
        np += c->m[i].kind == CHR__M_NAME && c->m[i].type == CHR__ACT_PERSON &&
              c->m[i].t1 - c->m[i].t0 >= 2;
    if (np == 0)
        return CHR_OK;
    int32_t *ids = chr__arena_alloc(c->a, (size_t)np * sizeof *ids);
    if (!ids)
        return CHR_NOMEM;
    np = 0;
    for (int i = 0; i < c->nm; i++)
        if (c->m[i].kind == CHR__M_NAME && c->m[i].type == CHR__ACT_PERSON &&
            c->m[i].t1 - c->m[i].t0 >= 2)
            ids[np++] = c->m[i].actor;
    qsort(ids, (size_t)np, sizeof *ids, cmp_i32);
    int nm0 = c->nm, k = 0;
    for (int t = 0; t < c->ntok; t++) {
        const chr__etok *w = &c->tok[t];
        if (!w->sent_start || !w->upper)
            continue;
        while (k < nm0 && c->m[k].t1 <= t)
            k++;
        if (k < nm0 && c->m[k].t0 <= t)
            continue;
        chr__actor_hit h;
        uint64_t hh = chr__actors_hash_step(CHR__ACTORS_HASH_INIT,
                                            CHR__TF(c, w), w->plen);
        if (!chr__actors_lookup(hh, CHR__TF(c, w), w->plen, &h) ||
            !(h.flags & CHR__KEY_NAME) || h.actor < 0 ||
            !bsearch(&h.actor, ids, (size_t)np, sizeof *ids, cmp_i32))
            continue;
        chr__ment *m = chr__ment_push(c);
        if (!m)
            return c->nm >= CHR__ENT_MAX_MENTS ? CHR_OK : CHR_NOMEM;
        m->kind = CHR__M_NAME;
        m->type = CHR__ACT_PERSON;
        m->start = w->start;
        m->end = chr__etok_end(c, t);
        m->t0 = t;
        m->t1 = t + 1;
        m->actor = h.actor;
        m->name = chr__actor_name(h.actor);
        m->code = chr__actor_code(h.actor, c->date);
    }
    chr__ments_sort(c);
    return CHR_OK;
}

/* ---- 4. the statistical tagger's names ---- */

static int is_title_word(const char *f)
{
    static const char *const tw[] = {
        "mr", "mrs", "ms", "miss", "dr", "president", "premier", "minister",
        "prime", "foreign", "chancellor", "king", "queen", "prince", "emir",
        "sheikh", "general", "gen", "secretary", "secretary-general",
        "spokesman", "spokeswoman", "ambassador", "senator", "sen", "governor",
        "mayor", "chairman", "leader", "vice", "deputy", "sir", "lord",
        "madam", "professor", "prof", "aide", "adviser", "advisor", "envoy",
        "colonel", "col", "judge", "pope", "ayatollah", "the"};
    for (size_t i = 0; i < CHR__ARRAY_LEN(tw); i++)
        if (strcmp(f, tw[i]) == 0)
            return 1;
    return 0;
}

/* First word at or after byte `off`. */
static int word_at(const chr__ectx *c, size_t off)
{
    int lo = 0, hi = c->ntok;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (c->tok[mid].end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Adds the tagger spans sp[0..nsp) that overlap no mention already found.
 * Separate from the call so that tests can feed spans directly. */
chr_status chr__entities_merge_ner(chr__ectx *c, const chr__ner_span *sp,
                                   size_t nsp)
{
    int ndict = c->nm, k = 0;
    for (size_t i = 0; i < nsp; i++) {
        size_t s = sp[i].start, e = sp[i].end;
        if (e <= s || e > c->n)
            continue;
        while (k < ndict && c->m[k].end <= s)
            k++;
        if (k < ndict && c->m[k].start < e)
            continue; /* the dictionary wins */
        int t0 = word_at(c, s), t1 = t0;
        while (t1 < c->ntok && c->tok[t1].start < e)
            t1++;
        if (sp[i].type == 1)
            while (t0 < t1 - 1 && is_title_word(CHR__TF(c, &c->tok[t0])))
                t0++;
        if (t0 >= t1)
            continue;
        const chr__etok *last = &c->tok[t1 - 1];
        size_t start = c->tok[t0].start > s ? c->tok[t0].start : s;
        size_t end = last->end < e ? last->end : e;
        if (end == last->end)
            end = chr__etok_end(c, t1 - 1);
        if (end <= start)
            continue;
        chr__ment *m = chr__ment_push(c);
        if (!m)
            return c->nm >= CHR__ENT_MAX_MENTS ? CHR_OK : CHR_NOMEM;
        m->kind = CHR__M_NER;
        m->start = start;
        m->end = end;
        m->t0 = t0;
        m->t1 = t1;
        m->type = sp[i].type == 1   ? CHR__ACT_PERSON
                  : sp[i].type == 2 ? CHR__ACT_ORG
                  : sp[i].type == 3 ? CHR__ACT_LOC
                                    : CHR__ACT_OTHER;
        m->name = chr__arena_strndup(c->a, c->s + start, end - start);
        if (!m->name)
            return CHR_NOMEM;
    }
    chr__ments_sort(c);
    return CHR_OK;
}

/* ---- 6. output ---- */

static const char *type_name(int t)
{
    switch (t) {
    case CHR__ACT_PERSON: return "PERSON";
    case CHR__ACT_ORG: return "ORG";
    case CHR__ACT_GPE: return "GPE";
    case CHR__ACT_LOC: return "LOC";
    default: return "OTHER";
    }
}

/* 1 when the text capitalises words inside sentences — names — at least
 * once in 200 words. Some corpora are distributed lower-cased but for
 * sentence starts; there the tagger, which learnt names from their
 * capitals, finds nothing worth its time (most of this stage's). */
static int cases_names(const char *s, size_t n)
{
    size_t words = 0, mid_caps = 0;
    int in_word = 0;
    char prev = '.'; /* last non-space byte before the current word */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                     c >= 0x80;
        if (letter && !in_word) {
            words++;
            int upper = c >= 'A' && c <= 'Z';
            if (c >= 0xC0) {
                int32_t cp;
                utf8proc_ssize_t k = utf8proc_iterate(
                    (const utf8proc_uint8_t *)s + i,
                    (utf8proc_ssize_t)(n - i), &cp);
                upper = k > 0 && utf8proc_isupper(cp);
            }
            if (upper && !strchr(".!?:\n\"(", prev) && c != 0x80)
                mid_caps++;
        }
        in_word = letter || (in_word && (c == '\'' || c == '-'));
        if (c != ' ' && c != '\t' && !in_word && c < 0x80)
            prev = (char)c;
        else if (in_word)
            prev = 'a';
    }
    return mid_caps * 200 >= words && mid_caps > 0;
}

chr_status chr__entities_find(chr_doc *d, chr__arena *a)
{
    d->entities = NULL;
    d->n_entities = 0;
    if (!d->body || d->body_len == 0)
        return CHR_OK;
    /* offsets are 32-bit: a body beyond 4 GiB is read up to there */
    size_t n = d->body_len < UINT32_MAX ? d->body_len : UINT32_MAX;
    chr__ectx c = {.s = d->body, .n = n, .date = d->date_hint, .a = a};
    /* words counted first, so that the array is allocated once */
    size_t count = chr__words(d->body, n, NULL, NULL);
    if (count > CHR__ENT_MAX_TOKENS)
        count = CHR__ENT_MAX_TOKENS;
    if (count == 0)
        return CHR_OK;
    tok_ctx tk = {.c = &c, .cap = (int)count};
    c.tok = chr__arena_alloc(a, count * sizeof *c.tok);
    c.fcap = n + count + 64;
    c.fbuf = chr__arena_alloc(a, c.fcap);
    if (!c.tok || !c.fbuf)
        return CHR_NOMEM;
    chr__words(d->body, n, on_word, &tk);
    if (tk.nomem)
        return CHR_NOMEM;
    chr_status st = dict_scan(&c);
    if (st == CHR_OK)
        st = rescue_sentence_starts(&c);
    if (st != CHR_OK)
        return st;
    if (cases_names(d->body, d->body_len)) {
        chr__ner_span *sp = NULL;
        size_t nsp = 0;
        st = chr__ner_text(d->body, d->body_len, a, &sp, &nsp);
        if (st == CHR_NOMEM)
            return st;
        if (st == CHR_OK && (st = chr__entities_merge_ner(&c, sp, nsp)) != CHR_OK)
            return st;
    }
    if ((st = chr__coref_resolve(&c)) != CHR_OK)
        return st;
    size_t ne = 0;
    for (int i = 0; i < c.nm; i++)
        ne += !c.m[i].drop;
    if (ne == 0)
        return CHR_OK;
    chr_entity *out = chr__arena_alloc(a, ne * sizeof *out);
    if (!out)
        return CHR_NOMEM;
    size_t k = 0, last_end = 0;
    for (int i = 0; i < c.nm; i++) {
        const chr__ment *m = &c.m[i];
        if (m->drop || (k && m->start < last_end))
            continue;
        chr_entity *e = &out[k];
        e->text = chr__arena_strndup(a, d->body + m->start, m->end - m->start);
        if (!e->text)
            return CHR_NOMEM;
        e->type = type_name(m->type);
        e->name = m->name;
        e->actor = m->code;
        e->start = m->start;
        e->end = m->end;
        last_end = m->end;
        k++;
    }
    d->entities = out;
    d->n_entities = k;
    return CHR_OK;
}
