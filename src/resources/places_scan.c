/* places_scan.c — the place names of a text and its country context, for
 * places_doc.c, which resolves them (chr__places_resolve_doc: the dateline
 * place, the event places of the lead and title, every gazetteer name of
 * the body, each resolved to an entry with its country by places.c).
 *
 * Method. The text is cut into word tokens (letters, digits, marks, inner
 * apostrophes; a final 's or ’s is a possessive) and the gap before each
 * is classified (space, hyphen, abbreviation dot, comma, line break,
 * other). A run is a maximal sequence of capitalised tokens joined by
 * spaces, hyphens or the dot of a short abbreviation ("St. Louis",
 * "U.S."), with lower-case connectors between two of them ("Isle of Man",
 * "Bosnia and Herzegovina"); a possessive ends it; stop words, months and
 * weekdays do not start it. In a run, the longest gazetteer name (up to 8
 * tokens) is taken from the start; then matching goes on after it.
 *  - A name that makes up the whole run (or ends at "and", "or" or a
 *    possessive) is a place: "in Samarkand", "Kazakhstan’s capital". One
 *    that is followed by more capitalised words is part of a larger name
 *    ("Shanghai Cooperation Organization", "New York Times", "Jesse
 *    Jackson"): not a place, but a country there still counts as context
 *    ("Russia-Ukraine", "Kazakhstan President").
 *  - Context: countries (+1), regions (+1, to the region and its country),
 *    demonyms (+0.5: "Uzbek", "Chinese"), places with one candidate only
 *    (+0.5) — in the title, the dateline (its qualifier +3) and the body.
 *    Ambiguous names (Georgia) add nothing; they are resolved by the rest.
 *  - A place is an event place when it is in the lead and follows a
 *    locative ("in", "at", "near", "outside", "inside", "across",
 *    "throughout", with an optional "the") or an apposition ("city of X",
 *    "capital of X", "capital, X", "capital X"; a demonym or a possessive
 *    country before "city"/"capital" restricts X to that country: "the
 *    Uzbek city of Samarkand", "Kazakhstan’s capital, Astana"); names
 *    coordinated with an event place ("in Samarkand and Tashkent", "in
 *    Russia, China") are event places too.
 *  - ", Qualifier" after a place (a country or region, abbreviations
 *    allowed: "Samarkand, Uzbekistan", "Springfield, Ill.") restricts it
 *    to places inside when any is.
 *  - Mentions without a locative are kept for countries, regions and
 *    capitals; for towns only when their country has at least 15% of the
 *    context or they have 300,000 people or more, and never when the name
 *    is a common English word ("Split", "Mobile", "Police") or a word the
 *    document also uses inside a longer name that is not a place ("Lindsey
 *    Graham" ... "Graham said", "Toyota Motor" ... "Toyota"), nor in a
 *    document in another language than English. After a locative too, a
 *    town named by a common word needs 100,000 people or a qualifier ("in
 *    Nice", "in Bath, England"; not "in Crystal").
 * The dateline place ("Astana, Kazakhstan", "Springfield, Ill.",
 * "Washington") is resolved with its qualifier; an unknown town with a
 * known qualifier keeps its country ("Smalltown, Kazakhstan").
 *
 * Limits: the body's first 1 MiB; 4,096 tokens per chunk (a paragraph
 * longer than that is cut into chunks); 8,192 names kept. */
#include "resources/places_int.h"

#include "text/text.h"
#include "text/strtab.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define MAX_MATCH_TOKENS 8
#define MAX_NAME_WORDS 16384

/* ---- tokens ---- */

static int32_t cp_at(const char *s, size_t n, size_t i, size_t *len)
{
    if (i < n && (unsigned char)s[i] < 0x80) { /* ASCII: no library call */
        *len = 1;
        return (unsigned char)s[i];
    }
    int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0) {
        *len = 1;
        return -1;
    }
    *len = (size_t)k;
    return cp;
}

static int is_word_cp(int32_t cp)
{
    if (cp < 0)
        return 0;
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
               (cp >= '0' && cp <= '9');
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
           c == UTF8PROC_CATEGORY_ND;
}

static int gap_kind(const char *s, size_t a, size_t b)
{
    int k = G_SPACE;
    int seen = 0;
    for (size_t i = a; i < b; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n' || c == '\r')
            return G_BREAK;
        if (c == ' ' || c == '\t')
            continue;
        if (c == 0xC2 && i + 1 < b && (unsigned char)s[i + 1] == 0xA0) {
            i++;
            continue;
        }
        if (seen++)
            return G_OTHER;
        k = c == '-' ? G_HYPHEN : c == '.' ? G_DOT : c == ',' ? G_COMMA
                                                             : G_OTHER;
        if (k == G_OTHER)
            return G_OTHER;
    }
    return k;
}

/* Doubles sc->t (at least 256 tokens, at most max_tokens); 0 on failure.
 * The new room is zeroed and one spare token is kept when the limit
 * allows, so the buffer reads as the zeroed whole-size one did. */
static int grow_tokens(chr__places_scan *sc)
{
    size_t cap = sc->cap_tokens ? sc->cap_tokens * 2 : 256;
    if (cap > sc->max_tokens)
        cap = sc->max_tokens;
    chr__places_tok *t = realloc(sc->t, cap * sizeof *t);
    if (!t) {
        sc->nomem = 1;
        return 0;
    }
    memset(t + sc->cap_tokens, 0, (cap - sc->cap_tokens) * sizeof *t);
    sc->t = t;
    sc->cap_tokens = cap;
    return 1;
}

/* Tokens of s[*pos..limit) into sc->t, up to max_tokens; advances *pos. */
static void tokenize(chr__places_scan *sc, size_t *pos, size_t limit)
{
    const char *s = sc->s;
    size_t i = *pos, prev_end = *pos;
    sc->nt = 0;
    while (i < limit && sc->nt < sc->max_tokens) {
        size_t len;
        int32_t cp = cp_at(s, limit, i, &len);
        if (!is_word_cp(cp)) {
            i += len;
            continue;
        }
        if (sc->nt + 1 >= sc->cap_tokens && sc->cap_tokens < sc->max_tokens &&
            !grow_tokens(sc))
            break;
        chr__places_tok *t = &sc->t[sc->nt];
        memset(t, 0, sizeof *t);
        t->start = i;
        t->gap = (uint8_t)(sc->nt == 0 ? G_BREAK : gap_kind(s, prev_end, i));
        t->allcaps = 1;
        int first = 1;
        while (i < limit) {
            cp = cp_at(s, limit, i, &len);
            if (is_word_cp(cp)) {
                utf8proc_category_t c =
                    cp >= 0x80                ? utf8proc_category(cp)
                    : cp >= 'A' && cp <= 'Z' ? UTF8PROC_CATEGORY_LU
                    : cp >= 'a' && cp <= 'z' ? UTF8PROC_CATEGORY_LL
                                             : UTF8PROC_CATEGORY_ND;
                if (c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT) {
                    if (first)
                        t->cap = 1;
                    if (t->letters < 255)
                        t->letters++;
                } else if (c == UTF8PROC_CATEGORY_LL ||
                           c == UTF8PROC_CATEGORY_LO) {
                    t->allcaps = 0;
                    if (t->letters < 255)
                        t->letters++;
                }
                first = 0;
                i += len;
                continue;
            }
            /* an inner apostrophe: a word character must follow */
            if (cp == '\'' || cp == 0x2019) {
                size_t l2;
                if (i + len < limit && is_word_cp(cp_at(s, limit, i + len, &l2))) {
                    i += len;
                    continue;
                }
            }
            break;
        }
        t->end = t->endnp = i;
        size_t w = t->end - t->start;
        if (w >= 3 && (s[i - 1] == 's' || s[i - 1] == 'S')) {
            if (s[i - 2] == '\'') {
                t->poss = 1;
                t->endnp = i - 2;
            } else if (w >= 5 && (unsigned char)s[i - 4] == 0xE2 &&
                       (unsigned char)s[i - 3] == 0x80 &&
                       (unsigned char)s[i - 2] == 0x99) {
                t->poss = 1;
                t->endnp = i - 4;
            }
        }
        if (t->letters < 2)
            t->allcaps = t->allcaps && t->letters == 1 && t->cap;
        prev_end = i;
        sc->nt++;
    }
    *pos = i;
}

static int word_is(const chr__places_scan *sc, size_t k, const char *w)
{
    return chr__ieq(sc->s + sc->t[k].start, sc->t[k].end - sc->t[k].start, w);
}

static const char *const no_start[] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

/* A capitalised token that may not start a run. */
static int no_start_word(const chr__places_scan *sc, size_t k)
{
    const chr__places_tok *t = &sc->t[k];
    if (t->allcaps && t->letters >= 2)
        return 0;
    char f[64];
    size_t n = chr__fold_word(sc->s + t->start, t->end - t->start, f,
                              sizeof f);
    f[n] = '\0';
    if (chr__is_stopword(f, n))
        return 1;
    for (size_t i = 0; i < CHR__ARRAY_LEN(no_start); i++)
        if (no_start[i][0] == f[0] && !chr__strtab_cmp(f, no_start[i]))
            return 1;
    return 0;
}

/* A lower-case word inside a name: "Isle of Man", "Bosnia and
 * Herzegovina", "Rio de Janeiro", "Democratic Republic of the Congo",
 * "Rostov-on-Don", "Frankfurt am Main". "the" only after "of", "on" only
 * between hyphens: "in Paris the president", "Brussels on Monday" are not
 * names. */
static int connector(const chr__places_scan *sc, size_t k)
{
    static const char *const c[] = {"of", "and", "de", "del", "la", "da",
                                    "do", "dos", "du", "des", "el", "al",
                                    "upon", "am", "y"};
    if (sc->t[k].cap)
        return 0;
    if (word_is(sc, k, "the"))
        return k > 0 && word_is(sc, k - 1, "of");
    if (word_is(sc, k, "on"))
        return sc->t[k].gap == G_HYPHEN;
    for (size_t i = 0; i < CHR__ARRAY_LEN(c); i++)
        if (word_is(sc, k, c[i]))
            return 1;
    return 0;
}

/* Token k continues the run of token k-1. */
static int joins(const chr__places_scan *sc, size_t k)
{
    const chr__places_tok *t = &sc->t[k];
    if (sc->t[k - 1].poss)
        return 0;
    if (t->gap == G_SPACE || t->gap == G_HYPHEN)
        return 1;
    /* the dot of an abbreviation: "U.S.", "D.C.", "St. Louis"; not the
       end of a sentence ("in the U.S. The ...") */
    return t->gap == G_DOT && sc->t[k - 1].letters <= 3 &&
           (t->letters <= 2 || word_is(sc, k - 1, "st") ||
            word_is(sc, k - 1, "ste") || word_is(sc, k - 1, "mt") ||
            word_is(sc, k - 1, "ft"));
}

/* ---- matching ---- */

static size_t tok_end(const chr__places_scan *sc, size_t j)
{
    return sc->t[j].poss ? sc->t[j].endnp : sc->t[j].end;
}

/* 1 when every letter of tokens [a, j] is upper-case. */
static int caps_span(const chr__places_scan *sc, size_t a, size_t j)
{
    for (size_t k = a; k <= j; k++)
        if (!sc->t[k].allcaps)
            return 0;
    return 1;
}

typedef struct match {
    size_t j;          /* last token */
    int place;         /* a non-demonym candidate */
    int32_t top;       /* the best candidate without context */
    int top_kind;
    int32_t demonym[4];
    int n_demonym;
    int single;        /* one place candidate only */
} match;

static int match_at(const chr__places_scan *sc, size_t a, size_t b, match *m)
{
    size_t last = b - 1;
    if (last > a + MAX_MATCH_TOKENS - 1)
        last = a + MAX_MATCH_TOKENS - 1;
    for (size_t j = last + 1; j-- > a;) {
        if (connector(sc, j))
            continue;
        const char *s = sc->s + sc->t[a].start;
        size_t n = tok_end(sc, j) - sc->t[a].start;
        chr__place_cand c[32];
        size_t k = chr__places_lookup(s, n, c, CHR__ARRAY_LEN(c));
        if (k > CHR__ARRAY_LEN(c))
            k = CHR__ARRAY_LEN(c);
        memset(m, 0, sizeof *m);
        m->top = -1;
        int caps = caps_span(sc, a, j);
        int places = 0;
        for (size_t i = 0; i < k; i++) {
            if ((c[i].flags & CHR__PLACE_QUAL) ||
                ((c[i].flags & CHR__PLACE_ACRO) && !caps))
                continue;
            if (c[i].flags & CHR__PLACE_DEMONYM) {
                if (m->n_demonym < 4)
                    m->demonym[m->n_demonym++] = c[i].id;
                continue;
            }
            if (places++ == 0)
                m->top = c[i].id;
        }
        if (!places && !m->n_demonym)
            continue;
        m->j = j;
        m->place = places > 0;
        m->single = places == 1;
        chr__place_info pi;
        if (m->top >= 0 && chr__place_get(m->top, &pi))
            m->top_kind = pi.kind;
        return 1;
    }
    return 0;
}

/* The qualifier after token j (", Uzbekistan", ", Ill."), or -1; *qj gets
 * its last token. */
static int32_t qualifier_after(const chr__places_scan *sc, size_t j, size_t *qj)
{
    size_t a = j + 1;
    if (a >= sc->nt || sc->t[a].gap != G_COMMA || !sc->t[a].cap)
        return -1;
    size_t b = a + 1;
    while (b < sc->nt && b < a + 4 && joins(sc, b) &&
           (sc->t[b].cap || connector(sc, b)))
        b++;
    for (size_t e = b; e-- > a;) {
        int32_t q = chr__place_qualifier(sc->s + sc->t[a].start,
                                         tok_end(sc, e) - sc->t[a].start, NULL);
        if (q >= 0) {
            *qj = e;
            return q;
        }
    }
    return -1;
}

/* A country named by token k ("Uzbek", "Kazakhstan’s"), or -1. */
static int32_t country_word(const chr__places_scan *sc, size_t k)
{
    chr__place_cand c[8];
    size_t n = chr__places_lookup(sc->s + sc->t[k].start,
                                  tok_end(sc, k) - sc->t[k].start, c, 8);
    for (size_t i = 0; i < n && i < 8; i++) {
        chr__place_info pi;
        if (chr__place_get(c[i].id, &pi) && pi.kind == CHR__PLACE_COUNTRY &&
            ((c[i].flags & CHR__PLACE_DEMONYM) || sc->t[k].poss))
            return c[i].id;
    }
    return -1;
}

/* The trigger before the run starting at token k; *within gets the
 * country of an apposition ("the Uzbek city of"), else stays. */
static int trigger_before(chr__places_scan *sc, size_t k, int32_t *within)
{
    if (k == 0 || sc->t[k].gap == G_BREAK)
        return TR_NONE;
    size_t p = k - 1;
    int gap = sc->t[k].gap;
    /* coordination with the place just before */
    if (sc->last_trigger != TR_NONE &&
        ((gap == G_COMMA && sc->last_end_tok == k) ||
         (gap == G_SPACE && (word_is(sc, p, "and") || word_is(sc, p, "or")) &&
          sc->last_end_tok == p)))
        return sc->last_trigger;
    if (gap == G_SPACE && word_is(sc, p, "the") && p > 0 &&
        sc->t[p].gap == G_SPACE) {
        gap = G_SPACE;
        p--;
    }
    static const char *const loc[] = {"in", "at", "near", "outside",
                                      "inside", "across", "throughout"};
    if (gap == G_SPACE)
        for (size_t i = 0; i < CHR__ARRAY_LEN(loc); i++)
            if (word_is(sc, p, loc[i]))
                return TR_LOC;
    static const char *const nouns[] = {"city", "town", "village", "capital",
                                        "port", "province", "state",
                                        "region", "resort", "enclave"};
    size_t noun = (size_t)-1;
    if (gap == G_SPACE && word_is(sc, p, "of") && p > 0 &&
        sc->t[p].gap == G_SPACE) {
        for (size_t i = 0; i < CHR__ARRAY_LEN(nouns); i++)
            if (word_is(sc, p - 1, nouns[i]))
                noun = p - 1;
    } else if (gap == G_SPACE || gap == G_COMMA) {
        if (word_is(sc, p, "capital") || word_is(sc, p, "city"))
            noun = p;
    }
    if (noun == (size_t)-1)
        return TR_NONE;
    if (noun > 0 && sc->t[noun].gap == G_SPACE) {
        int32_t c = country_word(sc, noun - 1);
        if (c >= 0)
            *within = c;
    }
    return TR_APPOS;
}

static void add_context(chr__places_scan *sc, const match *m, int whole, int hyphen)
{
    for (int i = 0; i < m->n_demonym; i++)
        chr__place_ctx_add(sc->ctx, m->demonym[i], 0.5f / (float)m->n_demonym);
    if (!m->place || !m->single)
        return;
    if (m->top_kind == CHR__PLACE_COUNTRY || m->top_kind == CHR__PLACE_REGION) {
        if (whole || hyphen)
            chr__place_ctx_add(sc->ctx, m->top, 1.0f);
    } else if (whole) {
        chr__place_ctx_add(sc->ctx, m->top, 0.5f);
    }
}

static void place_span(chr__places_scan *sc, size_t a, const match *m)
{
    chr__places_span sp;
    memset(&sp, 0, sizeof sp);
    sp.start = sc->t[a].start;
    sp.end = tok_end(sc, m->j);
    sp.within = -1;
    sp.caps = caps_span(sc, a, m->j);
    sp.in_lead = sp.start < sc->lead_end;
    if (a == m->j) {
        char f[64];
        size_t n = chr__fold_word(sc->s + sp.start, sp.end - sp.start, f,
                                  sizeof f);
        sp.common = (chr__lexicon_flags(f, n) & CHR__LEX_COMMON) != 0;
    }
    if (a >= sc->qual_until)
        sp.trigger = trigger_before(sc, a, &sp.within);
    /* a trailing abbreviation dot belongs to the name ("U.S.", "D.C.") */
    sp.nend = sp.end;
    if (sp.nend < sc->n && sc->s[sp.nend] == '.' && sc->t[m->j].letters <= 3 &&
        !sc->t[m->j].poss)
        sp.nend++;
    if (a == m->j)
        sp.word = chr__places_word_hash(sc->s + sp.start, sp.end - sp.start);
    size_t qj = m->j;
    sp.qend = sp.nend;
    int32_t q = qualifier_after(sc, m->j, &qj);
    if (q >= 0) {
        sp.within = q;
        sp.qend = tok_end(sc, qj);
        sc->qual_until = qj + 1;
        if (sp.qend < sc->n && sc->s[sp.qend] == '.' &&
            sc->t[qj].letters <= 3 && !sc->t[qj].poss)
            sp.qend++;
    }
    sc->last_trigger = sp.trigger;
    sc->last_end_tok = m->j + 1;
    if (sc->n_spans < sc->max_spans) {
        if (sc->n_spans == sc->cap_spans) {
            size_t cap = sc->cap_spans ? sc->cap_spans * 2 : 64;
            if (cap > sc->max_spans)
                cap = sc->max_spans;
            chr__places_span *g = realloc(sc->spans, cap * sizeof *g);
            if (!g) {
                sc->nomem = 1;
                return;
            }
            sc->spans = g;
            sc->cap_spans = cap;
        }
        sc->spans[sc->n_spans++] = sp;
    }
}

uint64_t chr__places_word_hash(const char *s, size_t n)
{
    char f[64];
    size_t k = chr__fold_word(s, n, f, sizeof f);
    return chr__hash64(f, k);
}

/* Remembers the capitalised words of run [k, b), a name that is not only
 * places. */
static void note_name_words(chr__places_scan *sc, size_t k, size_t b)
{
    if (!sc->name_words)
        return;
    for (size_t i = k; i < b; i++) {
        if (!sc->t[i].cap || sc->name_words->len >= MAX_NAME_WORDS)
            continue;
        uint64_t *v = chr__map_slot(
            sc->name_words,
            chr__places_word_hash(sc->s + sc->t[i].start,
                                  tok_end(sc, i) - sc->t[i].start));
        if (v)
            *v = 1;
    }
}

/* Matches the runs of the current chunk. */
static void scan_chunk(chr__places_scan *sc)
{
    size_t k = 0;
    while (k < sc->nt) {
        if (!sc->t[k].cap || no_start_word(sc, k)) {
            k++;
            continue;
        }
        size_t b = k + 1; /* the run [k, b) */
        while (b < sc->nt && joins(sc, b) &&
               (sc->t[b].cap ||
                (connector(sc, b) && b + 1 < sc->nt && joins(sc, b + 1) &&
                 ((sc->t[b + 1].cap && !no_start_word(sc, b + 1)) ||
                  (b + 2 < sc->nt && connector(sc, b + 1) &&
                   sc->t[b + 2].cap && joins(sc, b + 2))))))
            b++;
        size_t i = k;
        int at_start = 1;
        size_t covered = 0; /* tokens of the run inside whole places */
        while (i < b) {
            match m;
            if (!match_at(sc, i, b, &m)) {
                at_start = 0;
                i++;
                if (i < b && connector(sc, i)) {
                    i++;
                    at_start = 1;
                }
                continue;
            }
            size_t nx = m.j + 1;
            /* "and"/"or" end a name ("Russia and China"); "of", "de"
               continue it ("University of Pennsylvania") */
            int whole = at_start && (nx >= b || sc->t[m.j].poss ||
                                     word_is(sc, nx, "and") ||
                                     word_is(sc, nx, "or"));
            int hyphen = at_start || sc->t[i].gap == G_HYPHEN;
            add_context(sc, &m, whole, hyphen);
            if (whole && m.place) {
                place_span(sc, i, &m);
                covered += nx - i;
            }
            i = nx;
            at_start = 0;
            if (i < b && connector(sc, i)) {
                i++;
                at_start = 1;
            }
        }
        if (b - k >= 2 && covered < b - k)
            note_name_words(sc, k, b);
        k = b;
    }
}

chr_status chr__places_scan_text(chr__places_scan *sc)
{
    size_t pos = 0, limit = sc->n < SCAN_LIMIT ? sc->n : SCAN_LIMIT;
    while (limit > 0 && ((unsigned char)sc->s[limit - 1] & 0xC0) == 0x80 &&
           limit < sc->n)
        limit--;
    while (pos < limit) {
        sc->qual_until = 0;
        sc->last_trigger = TR_NONE;
        tokenize(sc, &pos, limit);
        if (sc->nomem)
            return CHR_NOMEM;
        if (sc->nt == 0)
            break;
        scan_chunk(sc);
        if (sc->nomem)
            return CHR_NOMEM;
    }
    return CHR_OK;
}
