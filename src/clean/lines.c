/* lines.c — from plain text to cleaning units: trimming (Unicode spaces
 * included), per-unit measures (words, sentence end, prose), and the split
 * into lines or, in hard-wrapped text, paragraphs. Linear in the input and
 * bounded in memory (CHR__CLEAN_MAX_UNITS). */
#include "clean/clean_int.h"

#include <string.h>

/* Length of a Unicode space or invisible filler at s[0..n), or 0. */
static size_t space_at(const unsigned char *s, size_t n)
{
    if (n == 0)
        return 0;
    if (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r' ||
        s[0] == '\f' || s[0] == '\v')
        return 1;
    if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
        return 2; /* U+00A0 */
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
        ((s[2] >= 0x80 && s[2] <= 0x8B) || s[2] == 0xAF))
        return 3; /* U+2000-U+200B, U+202F */
    if (n >= 3 && s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0x9F)
        return 3; /* U+205F */
    if (n >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
        return 3; /* U+3000 */
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        return 3; /* U+FEFF */
    return 0;
}

/* Length of a space ending at s[n-1] (looking back), or 0. */
static size_t space_before(const unsigned char *s, size_t n)
{
    if (n == 0)
        return 0;
    unsigned char c = s[n - 1];
    if (c < 0x80)
        return space_at(s + n - 1, 1);
    if (n >= 2 && space_at(s + n - 2, 2) == 2)
        return 2;
    if (n >= 3 && space_at(s + n - 3, 3) == 3)
        return 3;
    return 0;
}

const char *chr__clean_trim(const char *s, size_t *n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t len = *n, k;
    while (len && (k = space_at(p, len)) != 0) {
        p += k;
        len -= k;
    }
    while (len && (k = space_before(p, len)) != 0)
        len -= k;
    *n = len;
    return (const char *)p;
}

/* Strips closing quotes and brackets from the end; returns the new length. */
static size_t strip_closers(const unsigned char *s, size_t n)
{
    for (;;) {
        if (n && (s[n - 1] == '"' || s[n - 1] == '\'' || s[n - 1] == ')' ||
                  s[n - 1] == ']' || s[n - 1] == '*')) {
            n--;
        } else if (n >= 3 && s[n - 3] == 0xE2 && s[n - 2] == 0x80 &&
                   (s[n - 1] == 0x99 || s[n - 1] == 0x9D ||
                    s[n - 1] == 0xBA)) {
            n -= 3; /* ’ ” › */
        } else if (n >= 2 && s[n - 2] == 0xC2 && s[n - 1] == 0xBB) {
            n -= 2; /* » */
        } else {
            return n;
        }
    }
}

void chr__cunit_measure(chr__cunit *u)
{
    const unsigned char *s = (const unsigned char *)u->s;
    size_t n = u->n, words = 0;
    int in_word = 0;
    for (size_t i = 0; i < n;) {
        size_t k = space_at(s + i, n - i);
        if (k) {
            in_word = 0;
            i += k;
        } else {
            if (!in_word && words < 1000000)
                words++;
            in_word = 1;
            i++;
        }
    }
    u->words = (uint32_t)words;
    size_t m = strip_closers(s, n);
    int q = 0;
    u->sent_end = 0;
    if (m && (s[m - 1] == '.' || s[m - 1] == '!' || s[m - 1] == '?')) {
        u->sent_end = 1;
        q = s[m - 1] == '?';
    } else if (m >= 3 && s[m - 3] == 0xE2 && s[m - 2] == 0x80 &&
               s[m - 1] == 0xA6) {
        u->sent_end = 1; /* … */
    }
    /* Prose: a finished sentence of a few words, or a long line whatever
     * its end. A question needs more words: headlines are often questions. */
    u->prose = (u->sent_end && !q && words >= 6) ||
               (u->sent_end && q && words >= 15) || words >= 25;
    u->hash = chr__hash64(u->s, u->n);
}

/* Character (code point) count of s[0..n). */
static size_t char_len(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

/* Next line of text from *pos: sets its trimmed span; returns 0 at end. */
static int next_line(const char *text, size_t len, size_t *pos,
                     const char **ls, size_t *ln)
{
    if (*pos >= len)
        return 0;
    const char *p = text + *pos;
    const char *nl = memchr(p, '\n', len - *pos);
    size_t n = nl ? (size_t)(nl - p) : len - *pos;
    *pos += n + (nl ? 1 : 0);
    *ln = n;
    *ls = chr__clean_trim(p, ln);
    return 1;
}

/* Copies the lines between s and e (a span of the input holding several
 * trimmed lines) into the arena, each line break and the whitespace around
 * it becoming one space. */
static const char *join_span(const char *s, const char *e, chr__arena *a,
                             size_t *outn)
{
    char *o = chr__arena_alloc(a, (size_t)(e - s) + 1);
    if (!o)
        return NULL;
    size_t k = 0;
    for (const char *p = s; p < e; p++) {
        if (*p == '\n') {
            while (k && (o[k - 1] == ' ' || o[k - 1] == '\t' ||
                         o[k - 1] == '\r'))
                k--;
            while (p + 1 < e && (p[1] == ' ' || p[1] == '\t' || p[1] == '\r'))
                p++;
            o[k++] = ' ';
        } else {
            o[k++] = *p;
        }
    }
    o[k] = '\0';
    *outn = k;
    return o;
}

chr_status chr__clean_split(const char *text, size_t len, chr__arena *a,
                            chr__cunit **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!text || len == 0)
        return CHR_OK;

    /* Pass 1: line statistics, to tell hard-wrapped text from one
     * paragraph per line. */
    size_t pos = 0, nonempty = 0, longl = 0, narrow = 0, pairs = 0, width = 0;
    size_t prev_c = 0;
    const char *ls;
    size_t ln;
    while (next_line(text, len, &pos, &ls, &ln)) {
        size_t c = ln ? char_len(ls, ln) : 0;
        if (ln)
            nonempty++;
        if (c >= 30) {
            longl++;
            if (c <= 100) {
                narrow++;
                if (c > width)
                    width = c;
            }
            if (prev_c >= 30)
                pairs++;
        }
        prev_c = c;
    }
    if (nonempty == 0)
        return CHR_OK;
    int wrapped = longl >= 4 && narrow * 10 >= longl * 9 && pairs * 4 >= longl;
    size_t join_min = width * 6 / 10 > 30 ? width * 6 / 10 : 30;

    size_t cap = nonempty < CHR__CLEAN_MAX_UNITS ? nonempty
                                                  : CHR__CLEAN_MAX_UNITS;
    chr__cunit *u = chr__arena_alloc(a, cap * sizeof *u);
    if (!u)
        return CHR_NOMEM;

    /* Pass 2: units. A unit is [us, ue) of the input plus whether it spans
     * several lines. */
    size_t k = 0;
    const char *us = NULL, *ue = NULL, *last_s = NULL;
    size_t last_n = 0, last_c = 0;
    int multi = 0;
    pos = 0;
    for (;;) {
        size_t line_start = pos;
        int more = next_line(text, len, &pos, &ls, &ln);
        if (more && ln && us && wrapped && last_c >= join_min &&
            !(ln == last_n && memcmp(ls, last_s, ln) == 0)) {
            ue = ls + ln; /* continue the paragraph */
            multi = 1;
            last_s = ls;
            last_n = ln;
            last_c = char_len(ls, ln);
            continue;
        }
        if (us) { /* close the open unit */
            chr__cunit *x = &u[k++];
            if (multi) {
                x->s = join_span(us, ue, a, &x->n);
                if (!x->s)
                    return CHR_NOMEM;
            } else {
                x->s = us;
                x->n = (size_t)(ue - us);
            }
            chr__cunit_measure(x);
            us = NULL;
        }
        if (!more)
            break;
        if (!ln)
            continue;
        if (k + 1 == cap && cap == CHR__CLEAN_MAX_UNITS) {
            /* The last slot takes the whole rest of the text, unsplit. */
            size_t rn = len - line_start;
            const char *rs = chr__clean_trim(text + line_start, &rn);
            u[k].s = rs;
            u[k].n = rn;
            chr__cunit_measure(&u[k]);
            k++;
            break;
        }
        us = ls;
        ue = ls + ln;
        multi = 0;
        last_s = ls;
        last_n = ln;
        last_c = wrapped ? char_len(ls, ln) : 0;
    }
    *out = u;
    *n = k;
    return CHR_OK;
}
