/* dateline.c — the place/outlet/date line that opens a news story:
 *   "Astana, Kazakhstan (AFP) July 3, 2024 -"   "WASHINGTON (Reuters) -"
 *   "ASTANA, July 3 (Reuters) -"   "ASTANA: Russian President ..."
 *   "LOS ANGELES, CA / ACCESSWIRE / June 24, 2020 /"
 * A place is 1-4 capitalised words, optionally ", Region". Ordinary
 * sentences are refused: the place must be followed by an outlet in
 * parentheses or slashes, a date, or (when written in capitals) ':' or a
 * dash. Places written in capitals come out title-cased. */
#include "read/read.h"

#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#define MAX_TOKS 48
#define SCAN_BYTES 400

enum { T_WORD, T_NUM, T_COMMA, T_LPAREN, T_RPAREN, T_SLASH, T_COLON, T_DASH,
       T_OTHER };

typedef struct tok {
    int type;
    size_t start, end;
    int cap;      /* first letter upper-case */
    int allcaps;  /* every cased letter upper-case */
    int letters;
} tok;

static int cp_at(const char *s, size_t n, size_t i, int32_t *cp)
{
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                          (utf8proc_ssize_t)(n - i), cp);
    if (k <= 0) {
        *cp = -1;
        return 1;
    }
    return (int)k;
}

static int is_letter(int32_t cp)
{
    if (cp < 0)
        return 0;
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

static int is_upper(int32_t cp)
{
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

/* A word: letters joined by - ' ’ and dots of short abbreviations. */
static size_t word_end(const char *s, size_t n, size_t i, tok *t)
{
    t->type = T_WORD;
    t->cap = -1;
    t->allcaps = 1;
    t->letters = 0;
    size_t j = i;
    for (;;) {
        int32_t cp;
        int k = cp_at(s, n, j, &cp);
        if (j < n && is_letter(cp)) {
            if (t->cap < 0)
                t->cap = is_upper(cp);
            if (utf8proc_category(cp) == UTF8PROC_CATEGORY_LL)
                t->allcaps = 0;
            t->letters++;
            j += (size_t)k;
            continue;
        }
        /* joiners: a letter must follow */
        size_t jl = 0;
        if (j < n && (s[j] == '-' || s[j] == '\''))
            jl = 1;
        else if (j + 2 < n && (unsigned char)s[j] == 0xE2 &&
                 (unsigned char)s[j + 1] == 0x80 &&
                 (unsigned char)s[j + 2] == 0x99)
            jl = 3;
        else if (j < n && s[j] == '.') {
            int32_t nx;
            cp_at(s, n, j + 1, &nx);
            if (j + 1 < n && is_letter(nx)) {
                jl = 1;
            } else if (t->letters <= 3) {
                j++; /* "St.", "D.C." */
                break;
            }
        }
        if (jl) {
            int32_t nx;
            if (j + jl < n) {
                cp_at(s, n, j + jl, &nx);
                if (is_letter(nx)) {
                    j += jl;
                    continue;
                }
            }
        }
        break;
    }
    if (t->cap < 0)
        t->cap = 0;
    return j;
}

static int tokenize(const char *s, size_t n, tok *toks)
{
    int nt = 0;
    size_t i = 0;
    while (i < n && nt < MAX_TOKS) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n' || c == '\r')
            break;
        if (c == ' ' || c == '\t') {
            i++;
            continue;
        }
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
            i += 2;
            continue;
        }
        tok *t = &toks[nt];
        memset(t, 0, sizeof *t);
        t->start = i;
        int32_t cp;
        int k = cp_at(s, n, i, &cp);
        if (is_letter(cp)) {
            i = word_end(s, n, i, t);
        } else if (c >= '0' && c <= '9') {
            t->type = T_NUM;
            while (i < n && s[i] >= '0' && s[i] <= '9')
                i++;
        } else if (c == '-') {
            t->type = T_DASH;
            while (i < n && s[i] == '-')
                i++;
        } else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0x93 ||
                    (unsigned char)s[i + 2] == 0x94)) {
            t->type = T_DASH;
            i += 3;
        } else {
            t->type = c == ',' ? T_COMMA : c == '(' ? T_LPAREN
                      : c == ')' ? T_RPAREN : c == '/' ? T_SLASH
                      : c == ':' ? T_COLON : T_OTHER;
            i += (size_t)k;
        }
        t->end = i;
        nt++;
    }
    return nt;
}

static int tok_is(const char *s, const tok *t, const char *w)
{
    return t->type == T_WORD && chr__ieq(s + t->start, t->end - t->start, w);
}

static const char *const particles[] = {"de", "da", "do", "dos", "das", "del",
                                        "la", "le", "of", "al", "el", "upon",
                                        "on", "am", "an", "der", "du", "es"};

static int is_particle(const char *s, const tok *t)
{
    for (size_t i = 0; i < CHR__ARRAY_LEN(particles); i++)
        if (tok_is(s, t, particles[i]))
            return 1;
    return 0;
}

/* All-caps words that open lines but are not places. */
static const char *const not_places[] = {
    "update", "updated", "breaking", "exclusive", "watch", "analysis",
    "photos", "photo", "video", "opinion", "editorial", "note", "listen",
    "read", "live", "correction", "related", "advertisement", "comment",
    "interview", "factbox", "explainer", "by", "source", "sources", "and",
    "summary", "warning", "alert", "urgent", "flash",
};

static const char *const agencies[] = {
    "reuters", "xinhua", "bloomberg", "interfax", "tass", "sputnik",
    "yonhap", "kyodo", "bernama", "anadolu", "dpa", "trend", "kazinform",
    "novosti", "akipress", "antara", "efe", "ansa", "irna", "prensa",
};

/* Consumes a full or yearless date starting at token i. Returns the next
 * token index (== i when none) and fills iso when the year is there. */
static int date_at(const char *s, size_t n, const tok *t, int nt, int i,
                   char iso[11])
{
    if (i >= nt)
        return i;
    char tmp[11];
    size_t e = chr__parse_date(s + t[i].start, n - t[i].start, tmp);
    if (e) {
        memcpy(iso, tmp, 11);
        size_t end = t[i].start + e;
        while (i < nt && t[i].start < end)
            i++;
        return i;
    }
    /* "July 3" / "3 July" without a year: valid once a year is added */
    if (t[i].type == T_WORD && i + 1 < nt && t[i + 1].type == T_NUM &&
        t[i + 1].end - t[i + 1].start <= 2) {
        char probe[32];
        size_t len = t[i + 1].end - t[i].start;
        if (len < sizeof probe - 8) {
            memcpy(probe, s + t[i].start, len);
            memcpy(probe + len, ", 2000", 7);
            if (chr__parse_date(probe, len + 6, tmp) == len + 6)
                return i + 2;
        }
    }
    if (t[i].type == T_NUM && i + 1 < nt && t[i + 1].type == T_WORD) {
        char probe[32];
        size_t len = t[i + 1].end - t[i].start;
        if (len < sizeof probe - 8) {
            memcpy(probe, s + t[i].start, len);
            memcpy(probe + len, " 2000", 6);
            if (chr__parse_date(probe, len + 5, tmp) == len + 5)
                return i + 2;
        }
    }
    return i;
}

/* Outlet words between open and close tokens: 1-5 words/numbers, the first
 * capitalised. Returns the index after the closing token, or -1. */
static int outlet_at(const char *s, const tok *t, int nt, int i, int close,
                     char *outlet, size_t cap)
{
    int j = i + 1, words = 0;
    while (j < nt && t[j].type != close && words < 6) {
        if (t[j].type != T_WORD && t[j].type != T_NUM &&
            !(t[j].type == T_OTHER && s[t[j].start] == '&') &&
            !(t[j].type == T_DASH && words > 0))
            return -1;
        j++;
        words++;
    }
    if (j >= nt || words == 0 || words > 5 || t[i + 1].type != T_WORD ||
        !t[i + 1].cap)
        return -1;
    size_t a = t[i + 1].start, b = t[j - 1].end;
    size_t len = b - a < cap - 1 ? b - a : cap - 1;
    memcpy(outlet, s + a, len);
    outlet[len] = '\0';
    return j + 1;
}

/* Appends the words of tokens [a, b) to out, title-casing when asked. */
static void put_words(const char *s, const tok *t, int a, int b, int title,
                      char *out, size_t cap, size_t *o)
{
    for (int i = a; i < b; i++) {
        if (i > a && *o + 1 < cap)
            out[(*o)++] = ' ';
        int lower_all = title && i > a && is_particle(s, &t[i]);
        int start = 1;
        for (size_t j = t[i].start; j < t[i].end;) {
            int32_t cp;
            int k = cp_at(s, t[i].end, j, &cp);
            if (cp < 0)
                cp = 0xFFFD;
            if (title && is_letter(cp)) {
                cp = (start && !lower_all) ? cp : utf8proc_tolower(cp);
                start = 0;
            } else if (title) {
                start = s[j] == '-'; /* Winston-Salem */
            }
            utf8proc_uint8_t buf[4];
            utf8proc_ssize_t w = utf8proc_encode_char(cp, buf);
            if (*o + (size_t)w + 1 < cap) {
                memcpy(out + *o, buf, (size_t)w);
                *o += (size_t)w;
            }
            j += (size_t)k;
        }
    }
    out[*o] = '\0';
}

static int separator(const tok *t, int nt, int i)
{
    return i < nt && (t[i].type == T_DASH || t[i].type == T_COLON);
}

int chr__parse_dateline(const char *s, size_t n, chr__dateline *out)
{
    if (!s || !out)
        return 0;
    memset(out, 0, sizeof *out);
    tok t[MAX_TOKS];
    int nt = tokenize(s, n < SCAN_BYTES ? n : SCAN_BYTES, t);
    int i = 0, words = 0, allcaps = 1, letters = 0;
    while (i < nt && t[i].type == T_WORD) {
        if (t[i].cap) {
            words++;
            allcaps &= t[i].allcaps;
            letters += t[i].letters;
        } else if (!(words > 0 && is_particle(s, &t[i]) && i + 1 < nt &&
                     t[i + 1].type == T_WORD && t[i + 1].cap)) {
            break;
        }
        i++;
    }
    if (words == 0 || words > 4 || letters < 2)
        return 0;
    int main_end = i;
    char iso[11] = "";
    if (date_at(s, n, t, nt, 0, iso) > 0)
        return 0; /* the line starts with a date, not a place */
    for (size_t k = 0; k < CHR__ARRAY_LEN(not_places); k++)
        if (tok_is(s, &t[0], not_places[k]))
            return 0;
    /* ", Region" (1-3 capitalised words that do not start a date) */
    int reg_a = -1, reg_b = -1;
    if (i + 1 < nt && t[i].type == T_COMMA && t[i + 1].type == T_WORD &&
        t[i + 1].cap && date_at(s, n, t, nt, i + 1, iso) == i + 1) {
        int j = i + 1, rw = 0;
        while (j < nt && t[j].type == T_WORD && t[j].cap && rw < 3) {
            j++;
            rw++;
        }
        reg_a = i + 1;
        reg_b = j;
        i = j;
    }
    int ok = 0, j = i;
    iso[0] = '\0';
    if (i < nt && (t[i].type == T_LPAREN || t[i].type == T_SLASH)) {
        int close = t[i].type == T_LPAREN ? T_RPAREN : T_SLASH;
        j = outlet_at(s, t, nt, i, close, out->outlet, sizeof out->outlet);
        if (j < 0)
            return 0;
        int after = j;
        j = date_at(s, n, t, nt, j, iso);
        int dated = j > after;
        if (close == T_SLASH && j < nt && t[j].type == T_SLASH)
            j++;
        int sep = separator(t, nt, j);
        if (sep)
            j++;
        if (after >= nt || dated || sep)
            ok = 1;
        else if (t[after].type == T_WORD && t[after].cap) {
            int known = 0;
            for (size_t k = 0; k < CHR__ARRAY_LEN(agencies); k++)
                for (int w = i + 1; w < after - 1; w++)
                    known |= tok_is(s, &t[w], agencies[k]);
            size_t ol = strlen(out->outlet);
            int caps = ol >= 2;
            for (size_t k = 0; k < ol; k++)
                if (!(out->outlet[k] >= 'A' && out->outlet[k] <= 'Z'))
                    caps = 0;
            ok = known || caps;
        }
    } else if (i < nt && t[i].type == T_COMMA) {
        j = date_at(s, n, t, nt, i + 1, iso);
        if (j == i + 1)
            return 0;
        if (j < nt && (t[j].type == T_LPAREN || t[j].type == T_SLASH)) {
            int close = t[j].type == T_LPAREN ? T_RPAREN : T_SLASH;
            int k = outlet_at(s, t, nt, j, close, out->outlet,
                              sizeof out->outlet);
            if (k > 0)
                j = k;
        }
        int sep = separator(t, nt, j);
        if (sep)
            j++;
        ok = allcaps || out->outlet[0] || sep;
    } else if (i < nt && (t[i].type == T_COLON || t[i].type == T_DASH)) {
        ok = allcaps && letters >= 3;
        j = i + 1;
    }
    if (!ok) {
        memset(out, 0, sizeof *out);
        return 0;
    }
    size_t o = 0;
    put_words(s, t, 0, main_end, allcaps, out->place, sizeof out->place, &o);
    if (reg_a >= 0) {
        int rcaps = 1, rletters = 0;
        for (int k = reg_a; k < reg_b; k++) {
            rcaps &= t[k].allcaps;
            rletters += t[k].letters;
        }
        if (o + 2 < sizeof out->place) {
            out->place[o++] = ',';
            out->place[o++] = ' ';
        }
        put_words(s, t, reg_a, reg_b, rcaps && rletters > 3, out->place,
                  sizeof out->place, &o);
    }
    memcpy(out->date, iso, sizeof out->date);
    size_t end = j > 0 ? t[j - 1].end : 0;
    while (end < n && (s[end] == ' ' || s[end] == '\t'))
        end++;
    out->end = end;
    return 1;
}
