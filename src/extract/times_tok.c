/* times_tok.c — the word tokens of the time scanner (times.c).
 *
 * A token is a run of word bytes: ASCII letters and digits, and UTF-8
 * bytes that do not start punctuation (U+00A0–U+00BF, U+2000–U+20FF,
 * U+3000–U+3002 are punctuation or spaces), so "Zürich" is one token and
 * "Friday’s" is "Friday" + "s" after an apostrophe gap. The gap before a
 * token is classified once: sentence break (a newline; "!" or "?"; "." then
 * a space and a capital or digit, unless the previous word is a single
 * letter or a title such as "Mr"), clause break (, ; : ( ) [ ] quotes,
 * dashes, " - "), and the exact gaps the date matchers need (apostrophe,
 * hyphen, dot, slash, ", ", whitespace) and currency signs.
 * Tokens are made TM_CHUNK at a time; a full chunk is cut at its last
 * sentence start past the middle, so memory stays constant whatever the
 * input size, and expressions are never split except inside a sentence of
 * over 2,000 words. */
#include "extract/times_int.h"

#include <stdlib.h>
#include <string.h>

/* ---- tokens ---- */

/* Length of the punctuation or space character at s[i], 0 when s[i]
 * starts a word character. */
static size_t punct_len(const char *s, size_t n, size_t i)
{
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80) {
        if ((b >= '0' && b <= '9') || (b >= 'a' && b <= 'z') ||
            (b >= 'A' && b <= 'Z'))
            return 0;
        return 1;
    }
    if (b == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0xA0 &&
        (unsigned char)s[i + 1] <= 0xBF)
        return 2; /* nbsp, « », £, ... */
    if (b == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] >= 0x80 &&
        (unsigned char)s[i + 1] <= 0x83)
        return 3; /* general punctuation, currency signs */
    if (b == 0xE3 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] <= 0x82)
        return 3; /* ideographic space, comma, full stop */
    return 0;
}

static int is_space_gap(const char *g, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)g[i];
        if (b == ' ' || b == '\t')
            continue;
        if (b == 0xC2 && i + 1 < n && (unsigned char)g[i + 1] == 0xA0) {
            i++;
            continue;
        }
        return 0;
    }
    return 1;
}

static const char *const abbrevs[] = {"mr", "mrs", "ms", "dr", "st", "gen",
                                      "sen", "rep", "gov", "lt", "col",
                                      "prof", "no", "jan", "feb", "aug",
                                      "sept", "oct", "nov", "dec", NULL};

/* Flags of token k from the gap before it (prev: token k-1 or none). */
static unsigned gap_flags(const tm_ctx *c, size_t k, int first)
{
    const char *s = c->s;
    size_t gs = first ? c->t[k].start : c->t[k - 1].end;
    size_t ge = c->t[k].start, n = ge - gs;
    const char *g = s + gs;
    unsigned f = 0;
    if (first)
        return TM_SENT | TM_CLAUSE;
    if (n == 1 && g[0] == '\'')
        f |= TM_APOS;
    else if (n == 3 && memcmp(g, "\xE2\x80\x99", 3) == 0)
        f |= TM_APOS;
    else if (n == 1 && g[0] == '-')
        f |= TM_HYPH;
    else if (n == 1 && g[0] == '.')
        f |= TM_DOT;
    else if (n == 1 && g[0] == '/')
        f |= TM_SLASH;
    else if (n > 0 && is_space_gap(g, n))
        f |= TM_SPACE;
    else if (n > 1 && g[0] == ',' && is_space_gap(g + 1, n - 1))
        f |= TM_COMMA;
    int stop = 0, nl = 0, ws = 0, clause = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char)g[i];
        switch (b) {
        case '\n': nl = 1; break;
        case '!': case '?': stop = 2; break;
        case '.': if (!stop) stop = 1; break;
        case ' ': case '\t': ws = 1; break;
        case ',': case ';': case ':': case '(': case ')': case '[': case ']':
        case '"': clause = 1; break;
        case '$': f |= TM_CURR; break;
        case '-': if (i > 0 && i + 1 < n && g[i - 1] == ' ' && g[i + 1] == ' ')
                clause = 1;
            break;
        case 0xC2:
            if (i + 1 < n && ((unsigned char)g[i + 1] == 0xA3 ||
                              (unsigned char)g[i + 1] == 0xA5))
                f |= TM_CURR;
            else if (i + 1 < n && ((unsigned char)g[i + 1] == 0xAB ||
                                   (unsigned char)g[i + 1] == 0xBB))
                clause = 1;
            else if (i + 1 < n && (unsigned char)g[i + 1] == 0xA0)
                ws = 1;
            break;
        case 0xE2:
            if (i + 2 < n && (unsigned char)g[i + 1] == 0x80) {
                unsigned char x = (unsigned char)g[i + 2];
                if (x == 0x93 || x == 0x94 || x == 0x9C || x == 0x9D)
                    clause = 1; /* – — “ ” */
                else if (x == 0xA6)
                    stop = 1; /* … */
            } else if (i + 2 < n && (unsigned char)g[i + 1] == 0x82)
                f |= TM_CURR;
            break;
        default: break;
        }
    }
    if (stop && ws) {
        const tm_tok *t = &c->t[k];
        unsigned char b = (unsigned char)s[t->start];
        int capital = (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
        const tm_tok *p = &c->t[k - 1];
        int abbrev = p->end - p->start == 1 ||
                     chr__tm_in(c, k - 1, abbrevs) >= 0;
        if (stop == 2 || (capital && !abbrev))
            f |= TM_SENT;
    }
    if (nl)
        f |= TM_SENT;
    if (clause || (f & TM_SENT))
        f |= TM_CLAUSE;
    return f;
}

size_t chr__tm_tokenize(tm_ctx *c, size_t pos)
{
    const char *s = c->s;
    size_t n = c->len, i = pos;
    c->nt = 0;
    while (i < n && c->nt < TM_CHUNK) {
        if (c->nt + 1 >= c->cap && c->cap < TM_CHUNK) {
            size_t cap = c->cap ? c->cap * 2 : 256;
            if (cap > TM_CHUNK)
                cap = TM_CHUNK;
            tm_tok *g = realloc(c->t, cap * sizeof *g);
            if (!g) {
                c->nomem = 1;
                break;
            }
            memset(g + c->cap, 0, (cap - c->cap) * sizeof *g);
            c->t = g;
            c->cap = cap;
        }
        size_t p;
        while (i < n && (p = punct_len(s, n, i)) > 0)
            i += p;
        if (i >= n)
            break;
        size_t st = i;
        unsigned f = TM_ALPHA | TM_DIGIT;
        while (i < n && punct_len(s, n, i) == 0) {
            unsigned char b = (unsigned char)s[i];
            if (!((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')))
                f &= ~(unsigned)TM_ALPHA;
            if (!(b >= '0' && b <= '9'))
                f &= ~(unsigned)TM_DIGIT;
            i++;
        }
        if (s[st] >= 'A' && s[st] <= 'Z')
            f |= TM_UPPER;
        tm_tok *t = &c->t[c->nt];
        t->start = st;
        t->end = i;
        t->w[0] = '\0';
        if (i - st < sizeof t->w) {
            for (size_t q = st; q < i; q++) {
                char ch = s[q];
                t->w[q - st] = ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch;
            }
            t->w[i - st] = '\0';
        }
        t->flags = f;
        t->flags |= gap_flags(c, c->nt, c->nt == 0);
        c->nt++;
    }
    if (c->nt < TM_CHUNK)
        return n;
    /* full: end the chunk at the last sentence start in its second half */
    size_t k = c->nt - 1;
    while (k > TM_CHUNK / 2 && !(c->t[k].flags & TM_SENT))
        k--;
    if (k <= TM_CHUNK / 2)
        k = c->nt - 16;
    c->nt = k;
    return c->t[k].start;
}
