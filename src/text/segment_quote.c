/* segment_quote.c — (c) quotation restoration of glued-word repair
 * (issue 3): speech verbs after a speaker, sentence starts, the start of a
 * stripped quotation, and the recording of each repair (edits and the
 * {from, to} report). Rules described at the top of segment.c. */
#include "text/segment_int.h"

#include <utf8proc.h>

static const char OPEN_Q[] = "\xe2\x80\x9c";  /* “ */

/* Speech verbs after a speaker. Sorted. */
static const char *const speech[] = {
    "according", "added", "adds", "affirmed", "declared", "explained",
    "insisted", "noted", "said", "says", "stated", "stressed", "tells",
    "told", "warned", "wrote",
};

/* Records one repair: text [st, en) becomes rep; from/to for the report. */
static int add_edit(seg *g, size_t st, size_t en, const char *rep,
                    size_t rep_len)
{
    edit *e = chr__vec_push(&g->edits, g->a);
    if (!e)
        return g->nomem = 1;
    e->start = st;
    e->end = en;
    e->seq = g->edits.len;
    e->rep = rep;
    e->rep_len = rep_len;
    return 0;
}

static int add_report(seg *g, const char *from, size_t from_len,
                      const char *to)
{
    chr_repair *r = chr__vec_push(&g->reps, g->a);
    if (!r)
        return g->nomem = 1;
    r->from = chr__arena_strndup(g->a, from, from_len);
    r->to = to;
    if (!r->from || !r->to)
        return g->nomem = 1;
    return 0;
}

/* 1 when text after `p` is up to two capitalised words then a speech verb. */
int chr__seg_speech_follows(const seg *g, size_t p)
{
    for (int w = 0; w < 3; w++) {
        if (p >= g->n || g->s[p] != ' ')
            return 0;
        p++;
        size_t b = p;
        while (p < g->n && p - b < 16 &&
               ((g->s[p] | 32) >= 'a' && (g->s[p] | 32) <= 'z'))
            p++;
        if (p == b)
            return 0;
        if (g->s[b] >= 'a' && g->s[b] <= 'z')
            return IN(speech, g->s + b, p - b);
    }
    return 0;
}

/* Abbreviations whose full stop does not end a sentence. Sorted. */
static const char *const abbrevs[] = {
    "capt", "co", "col", "corp", "dr", "etc", "gen", "gov", "inc", "jr",
    "lt", "ltd", "mr", "mrs", "ms", "no", "prof", "rep", "rev", "sen",
    "sgt", "sr", "st", "vs",
};

static int is_quote_mark(const char *s, size_t i, size_t end)
{
    unsigned char ch = (unsigned char)s[i];
    if (ch == '"')
        return 1;
    if (ch == 0xe2 && i + 2 < end && (unsigned char)s[i + 1] == 0x80) {
        unsigned char t = (unsigned char)s[i + 2];
        return t == 0x98 || (t >= 0x9c && t <= 0x9f); /* ‘ “ ” „ ‟ */
    }
    return ch == 0xc2 && i + 1 < end &&
           ((unsigned char)s[i + 1] == 0xab ||
            (unsigned char)s[i + 1] == 0xbb); /* « » */
}

/* 1 when the '.', '?' or '!' at i ends a sentence: a blank follows and the
 * word before is no abbreviation or initial. */
static int sentence_end(const seg *g, size_t i, size_t end)
{
    char c = g->s[i];
    if ((c != '.' && c != '?' && c != '!') || i + 1 >= end ||
        !is_space(g->s[i + 1]))
        return 0;
    if (c != '.')
        return 1;
    size_t b = i;
    while (b > 0 && (g->s[b - 1] | 32) >= 'a' && (g->s[b - 1] | 32) <= 'z' &&
           i - b < 8)
        b--;
    if (i - b == 0)
        return 1; /* "in 2026. Then", "(SCO). The" */
    if (i - b == 1)
        return 0; /* "J. Smith", "U.S. officials" */
    char w[8];
    size_t k = 0;
    for (size_t q = b; q < i && k < sizeof w; q++)
        w[k++] = (char)(g->s[q] | 32);
    return !IN(abbrevs, w, k);
}

/* Start of the sentence that ends at `p` (after a paragraph start or a
 * sentence end, blanks skipped) when that sentence starts with a capital,
 * holds no quotation mark, colon or semicolon and does not reach back into
 * an earlier restored quotation; (size_t)-1 otherwise. */
size_t chr__seg_quote_start(const seg *g, size_t p)
{
    size_t b = p;
    while (b > 0 && g->s[b - 1] != '\n') {
        if (p - b > PARA_SCAN || is_quote_mark(g->s, b - 1, p))
            return (size_t)-1;
        char c = g->s[b - 1];
        if ((c == ':' || c == ';') && is_space(g->s[b]))
            return (size_t)-1;
        if (sentence_end(g, b - 1, p))
            break;
        b--;
    }
    for (size_t i = b; i < p; i++)
        if (is_quote_mark(g->s, i, p))
            return (size_t)-1;
    while (b < p && is_space(g->s[b]))
        b++;
    if (b >= p || b < g->quote_end)
        return (size_t)-1;
    int32_t cp;
    chr__utf8_decode(g->s + b, p - b, &cp);
    utf8proc_category_t c = utf8proc_category(cp);
    if (c != UTF8PROC_CATEGORY_LU && c != UTF8PROC_CATEGORY_LT)
        return (size_t)-1;
    return b;
}

/* Records the repair of token [st, en) cut after its first `cut` bytes
 * (and again after `cut2` when non-zero); with q != -1 the sentence from q
 * was a quotation: “ goes at q, ,” at the first cut. */
int chr__seg_emit(seg *g, size_t st, size_t en, size_t cut, size_t cut2,
                  size_t q)
{
    const char *tok = g->s + st;
    size_t len = en - st;
    const char *sep = q == (size_t)-1 ? " " : ",\xe2\x80\x9d ";
    char *rep;
    if (cut2)
        rep = chr__arena_printf(g->a, "%.*s%s%.*s %.*s", (int)cut, tok, sep,
                                (int)(cut2 - cut), tok + cut,
                                (int)(len - cut2), tok + cut2);
    else
        rep = chr__arena_printf(g->a, "%.*s%s%.*s", (int)cut, tok, sep,
                                (int)(len - cut), tok + cut);
    if (!rep)
        return g->nomem = 1;
    if (q == (size_t)-1)
        return add_edit(g, st, en, rep, strlen(rep)) ||
               add_report(g, tok, len, rep);
    char *to = chr__arena_printf(g->a, "%s%.*s%s", OPEN_Q, (int)(st - q),
                                 g->s + q, rep);
    if (!to)
        return g->nomem = 1;
    g->quote_end = en;
    return add_edit(g, q, q, OPEN_Q, strlen(OPEN_Q)) ||
           add_edit(g, st, en, rep, strlen(rep)) ||
           add_report(g, tok, len, to);
}
