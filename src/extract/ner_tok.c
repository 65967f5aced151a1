/* ner_tok.c — CoNLL-style tokens and sentences of raw UTF-8 text for the
 * named-entity tagger.
 *
 * Method: whitespace separates chunks; in a chunk, brackets, double quotes,
 * ; ! ? … and dashes are tokens of their own; commas and colons too unless
 * between digits ("1,000", "10:30"); apostrophes split off the clitics 's
 * n't 're 've 'll 'd 'm (so "Russia's" is Russia + 's, "don't" is do + n't)
 * and a closing possessive "Soldiers'"; a final period is a token unless the
 * word is an abbreviation (contains a period already, like "U.S.", is a
 * single capital letter, or is in a short list: Mr Dr Inc Corp ...).
 * Sentences end after . ! ? (and closing quotes or brackets following
 * them) when the next token does not start with a lower-case letter, at
 * blank lines (paragraphs), and after NER_MAX_SENT tokens.
 * Decision: tokens keep their byte offsets into the text; typographic
 * quotes, apostrophes and dashes get an ASCII form (", ', -, ...) for the
 * features, as in the Reuters training text. */
#include "extract/ner_tok.h"

#include "text/text.h"

#include <stdlib.h>
#include <string.h>

/* chr__utf8_decode with the ASCII case inline (n >= 1): most bytes are
 * ASCII, and the call per byte was a good part of the tokeniser's time. */
static inline size_t decode(const char *s, size_t n, int32_t *c)
{
    unsigned char b = (unsigned char)s[0];
    if (b < 0x80) {
        *c = b;
        return 1;
    }
    return chr__utf8_decode(s, n, c);
}

static int is_space_cp(int32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v' || c == 0xa0 || c == 0x2028 || c == 0x2029 ||
           (c >= 0x2000 && c <= 0x200b) || c == 0x202f || c == 0x3000;
}

/* Always a token of its own; returns its ASCII form or NULL. */
static const char *hard_punct(int32_t c)
{
    switch (c) {
    case '(': return "(";
    case ')': return ")";
    case '[': return "[";
    case ']': return "]";
    case '{': return "{";
    case '}': return "}";
    case '"': return "\"";
    case ';': return ";";
    case '!': return "!";
    case '?': return "?";
    case 0x201c: case 0x201d: case 0x201e: case 0xab: case 0xbb:
        return "\"";
    case 0x2026: return "...";
    case 0x2013: case 0x2014: case 0x2212: return "-";
    default: return NULL;
    }
}

static int is_digit_at(const char *s, size_t n, size_t i)
{
    return i < n && s[i] >= '0' && s[i] <= '9';
}

static int is_alpha_byte(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80;
}

static const char *const abbrevs[] = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt",
    "sen", "rep", "gov", "pres", "st", "jr", "sr", "inc", "corp", "co",
    "ltd", "plc", "bros", "no", "vs", "etc", "jan", "feb", "mar", "apr",
    "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "rev", "adm",
    "maj", "cmdr", "gov", "hon", "messrs", "dept", "univ", "assn", "av",
    "ave", "blvd", "rd"
};

static int is_abbrev(const char *s, size_t n)
{
    if (n == 1 && s[0] >= 'A' && s[0] <= 'Z')
        return 1;
    if (memchr(s, '.', n))
        return 1;
    for (size_t i = 0; i < CHR__ARRAY_LEN(abbrevs); i++)
        if (chr__ieq(s, n, abbrevs[i]))
            return 1;
    return 0;
}

typedef struct tk {
    chr__ner_rtok *t;
    size_t n, cap, max;
    char *norm; /* ASCII forms, NUL-separated */
    size_t nlen, ncap;
    int failed;
} tk;

static void emit(tk *k, const char *text, size_t a, size_t b,
                 const char *norm)
{
    if (a >= b || k->failed)
        return;
    if (k->n >= k->max) {
        k->failed = 2;
        return;
    }
    if (k->n == k->cap) {
        size_t nc = k->cap ? k->cap * 2 : 256;
        chr__ner_rtok *nt = realloc(k->t, nc * sizeof *nt);
        if (!nt) {
            k->failed = 1;
            return;
        }
        k->t = nt;
        k->cap = nc;
    }
    chr__ner_rtok *t = &k->t[k->n++];
    memset(t, 0, sizeof *t);
    t->start = a;
    t->end = b;
    t->norm_off = (size_t)-1;
    /* typographic apostrophe inside a word ("’s", "O’Neill") -> ' */
    size_t an = b - a;
    char tmp[NER_TOKMAX + 1];
    if (!norm && an >= 3 && an <= NER_TOKMAX &&
        memmem(text + a, an, "\xe2\x80\x99", 3)) {
        size_t m = 0;
        for (size_t i = a; i < b; i++) {
            if (i + 2 < b && memcmp(text + i, "\xe2\x80\x99", 3) == 0) {
                tmp[m++] = '\'';
                i += 2;
            } else {
                tmp[m++] = text[i];
            }
        }
        tmp[m] = 0;
        norm = tmp;
    }
    if (norm) {
        size_t m = strlen(norm);
        if (k->nlen + m + 1 > k->ncap) {
            size_t nc = (k->ncap ? k->ncap * 2 : 1024) + m + 1;
            char *nn = realloc(k->norm, nc);
            if (!nn) {
                k->failed = 1;
                return;
            }
            k->norm = nn;
            k->ncap = nc;
        }
        t->norm_off = k->nlen;
        memcpy(k->norm + k->nlen, norm, m + 1);
        k->nlen += m + 1;
    }
}

static const char *const clitics[] = { "'s", "n't", "'re", "'ve", "'ll",
                                       "'d", "'m" };

/* Case-insensitive (ASCII) comparison of n bytes. */
static int ieq_n(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
        if (x >= 'A' && x <= 'Z')
            x = (unsigned char)(x + 32);
        if (y >= 'A' && y <= 'Z')
            y = (unsigned char)(y + 32);
        if (x != y)
            return 0;
    }
    return 1;
}

static int is_clitic(const char *s, size_t n)
{
    if (n < 2 || n > 3) /* every clitic is 2 or 3 bytes */
        return 0;
    for (size_t i = 0; i < CHR__ARRAY_LEN(clitics); i++)
        if (chr__ieq(s, n, clitics[i]))
            return 1;
    return 0;
}

static int is_quote3(const char *s)
{
    return memcmp(s, "\xe2\x80\x98", 3) == 0 ||
           memcmp(s, "\xe2\x80\x99", 3) == 0;
}

/* A word piece [a,b) with no hard punctuation: splits leading and trailing
 * single quotes, a final period, and clitics. */
static void word_piece(tk *k, const char *text, size_t a, size_t b)
{
    if (a < b && is_clitic(text + a, b - a)) {
        emit(k, text, a, b, NULL);
        return;
    }
    while (a < b) {
        if (text[a] == '\'') {
            emit(k, text, a, a + 1, NULL);
            a++;
        } else if (b - a >= 3 && is_quote3(text + a)) {
            emit(k, text, a, a + 3, "'");
            a += 3;
        } else {
            break;
        }
    }
    if (a >= b)
        return;
    size_t end = b, tail_a = b;
    const char *tail_norm = NULL;
    int period = 0;
    if (text[end - 1] == '.' && end - a > 1) {
        size_t wb = end - 1;
        while (wb > a && text[wb - 1] == '.')
            wb--;
        if (end - wb >= 3) { /* "..." */
            tail_a = wb;
            tail_norm = "...";
            end = wb;
            period = 1;
        } else if (!is_abbrev(text + a, end - 1 - a)) {
            tail_a = end - 1;
            end--;
            period = 1;
        }
    }
    /* a closing single quote or plural possessive: its own token */
    size_t q_a = 0, q_b = 0;
    if (end - a > 1 && text[end - 1] == '\'') {
        q_a = end - 1;
        q_b = end;
        end--;
    } else if (end - a > 3 && is_quote3(text + end - 3)) {
        q_a = end - 3;
        q_b = end;
        end -= 3;
    }
    /* clitics: each ends in one of these letters, which most words do not
       (a clitic, with a straight or a typographic apostrophe, ends the
       piece); the loop below is skipped for the others */
    size_t c_a = end;
    unsigned char last = end > a ? (unsigned char)text[end - 1] : 0;
    if (last >= 'A' && last <= 'Z')
        last = (unsigned char)(last + 32);
    int may_clitic = last && strchr("stelmd", last) != NULL;
    for (size_t i = 0;
         may_clitic && i < CHR__ARRAY_LEN(clitics) && c_a == end; i++) {
        size_t cl = strlen(clitics[i]);
        const char *ap = strchr(clitics[i], '\'');
        size_t pre = (size_t)(ap - clitics[i]);
        if (end - a > cl && chr__ieq(text + end - cl, cl, clitics[i])) {
            c_a = end - cl;
        } else if (end - a > cl + 2) {
            size_t s = end - cl - 2; /* typographic apostrophe: 3 bytes */
            if (ieq_n(text + s, clitics[i], pre) &&
                memcmp(text + s + pre, "\xe2\x80\x99", 3) == 0 &&
                ieq_n(text + s + pre + 3, ap + 1, cl - pre - 1))
                c_a = s;
        }
    }
    if (c_a < end && c_a > a && is_alpha_byte((unsigned char)text[c_a - 1])) {
        emit(k, text, a, c_a, NULL);
        emit(k, text, c_a, end, NULL);
    } else {
        emit(k, text, a, end, NULL);
    }
    if (q_b > q_a)
        emit(k, text, q_a, q_b, "'");
    if (period)
        emit(k, text, tail_a, b, tail_norm);
}

/* Tokens of one whitespace-free chunk [a,b). */
static void chunk(tk *k, const char *text, size_t a, size_t b)
{
    size_t i = a, piece = a;
    while (i < b) {
        int32_t c;
        size_t l = decode(text + i, b - i, &c);
        const char *hp = hard_punct(c);
        int split = hp != NULL;
        if (!split && (c == ',' || c == ':')) {
            split = !(i > a && is_digit_at(text, b, i - 1) &&
                      is_digit_at(text, b, i + 1));
            hp = c == ',' ? "," : ":";
        }
        if (split) {
            word_piece(k, text, piece, i);
            emit(k, text, i, i + l, (c < 0x80) ? NULL : hp);
            piece = i + l;
        }
        i += l;
    }
    word_piece(k, text, piece, b);
}

static int ends_sentence(const char *text, const chr__ner_rtok *t)
{
    size_t n = t->end - t->start;
    const char *s = text + t->start;
    return (n == 1 && (s[0] == '.' || s[0] == '!' || s[0] == '?')) ||
           (n == 3 && memcmp(s, "...", 3) == 0) ||
           (n == 3 && memcmp(s, "\xe2\x80\xa6", 3) == 0);
}

static int closing(const char *text, const chr__ner_rtok *t)
{
    size_t n = t->end - t->start;
    const char *s = text + t->start;
    return (n == 1 && (s[0] == '"' || s[0] == ')' || s[0] == '\'')) ||
           (n == 3 && (memcmp(s, "\xe2\x80\x9d", 3) == 0 ||
                       memcmp(s, "\xe2\x80\x99", 3) == 0));
}

chr_status chr__ner_tokenize(const char *text, size_t len, size_t max_tok,
                             chr__ner_rtok **out, size_t *n, char **norm)
{
    tk k;
    memset(&k, 0, sizeof k);
    k.max = max_tok;
    size_t pos = 0, ps, pn;
    while (!k.failed && chr__next_paragraph(text, len, &pos, &ps, &pn)) {
        size_t first = k.n;
        size_t i = ps, e = ps + pn;
        while (i < e && !k.failed) {
            int32_t c;
            size_t l = decode(text + i, e - i, &c);
            if (is_space_cp(c)) {
                i += l;
                continue;
            }
            size_t j = i;
            while (j < e) {
                l = decode(text + j, e - j, &c);
                if (is_space_cp(c))
                    break;
                j += l;
            }
            chunk(&k, text, i, j);
            i = j;
        }
        if (k.n > first)
            k.t[first].sent_start = 1;
    }
    /* sentence starts inside paragraphs */
    size_t since = 0;
    for (size_t i = 0; i < k.n; i++) {
        if (k.t[i].sent_start)
            since = 0;
        if (since >= NER_MAX_SENT) {
            k.t[i].sent_start = 1;
            since = 0;
        }
        since++;
        if (i + 1 < k.n && !k.t[i + 1].sent_start && ends_sentence(text, &k.t[i])) {
            size_t j = i + 1;
            while (j < k.n && !k.t[j].sent_start && closing(text, &k.t[j]))
                j++;
            if (j < k.n && !k.t[j].sent_start) {
                unsigned char c0 = (unsigned char)text[k.t[j].start];
                if (!(c0 >= 'a' && c0 <= 'z'))
                    k.t[j].sent_start = 1;
            }
        }
    }
    if (k.failed == 1) {
        free(k.t);
        free(k.norm);
        return CHR_NOMEM;
    }
    if (k.failed == 2) {
        free(k.t);
        free(k.norm);
        return CHR_TOOBIG;
    }
    *out = k.t;
    *n = k.n;
    *norm = k.norm;
    return CHR_OK;
}
