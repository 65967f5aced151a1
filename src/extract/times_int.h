/* times_int.h — shared between times.c (scanner, matchers), times_tok.c
 * (tokens) and times_rules.c (calendar, word tables, tense of a clause). */
#ifndef CHR_TIMES_INT_H
#define CHR_TIMES_INT_H

#include "extract/times.h"

/* Token flags. A token is a run of word bytes (ASCII letters and digits,
 * and UTF-8 bytes that are not punctuation); the gap is what lies between
 * the previous token and this one. */
enum {
    TM_ALPHA = 1 << 0,  /* letters only */
    TM_DIGIT = 1 << 1,  /* ASCII digits only */
    TM_UPPER = 1 << 2,  /* first byte an upper-case ASCII letter */
    TM_SENT = 1 << 3,   /* a sentence starts here */
    TM_CLAUSE = 1 << 4, /* a clause starts here (comma, quote, dash, ...) */
    TM_APOS = 1 << 5,   /* gap is exactly an apostrophe (' or ’) */
    TM_HYPH = 1 << 6,   /* gap is exactly "-" */
    TM_SPACE = 1 << 7,  /* gap is whitespace only, no newline */
    TM_DOT = 1 << 8,    /* gap is exactly "." */
    TM_SLASH = 1 << 9,  /* gap is exactly "/" */
    TM_COMMA = 1 << 10, /* gap is "," then whitespace (no newline) */
    TM_CURR = 1 << 11   /* gap holds a currency sign ($ £ € ¥) */
};

typedef struct tm_tok {
    size_t start, end;
    unsigned flags;
    char w[16]; /* the word in lower case; "" when longer than 15 bytes */
} tm_tok;

typedef struct chr__strtab_filter chr__strtab_filter;

typedef struct tm_ctx {
    const char *s;
    size_t len;
    tm_tok *t;     /* malloc'ed, grown by chr__tm_tokenize up to TM_CHUNK */
    size_t nt;
    size_t cap;    /* tokens allocated in t */
    int nomem;     /* t could not grow: the tokens stop short */
    const chr__strtab_filter *starts; /* chr__tm_start_filter, or NULL */
    int has_date;  /* doc date known */
    int y, m, d;   /* doc date */
    long days;     /* doc date as days since 1970-01-01 */
    int dow;       /* doc date weekday, 0 = Monday */
} tm_ctx;

enum { TM_UNKNOWN = 0, TM_PAST = -1, TM_FUTURE = 1 };

/* Tokens at most in c->t at once. */
#define TM_CHUNK 4096

/* ---- tokens (times_tok.c) ---- */
/* Tokens of c->s from byte pos into c->t (grown on demand up to TM_CHUNK
 * tokens: a short body touches a few KB, not 160 KB; new room zeroed),
 * c->nt set; returns where the next chunk starts (c->len when the text is
 * done). c->nomem set when the buffer could not grow. */
size_t chr__tm_tokenize(tm_ctx *c, size_t pos);

/* ---- calendar (proleptic Gregorian) ---- */
long chr__tm_days(int y, int m, int d);
void chr__tm_civil(long z, int *y, int *m, int *d);
int chr__tm_dow(long z); /* 0 = Monday */
int chr__tm_days_in(int y, int m);
/* Parses "YYYY-MM-DD" (anything may follow); 1 when valid. */
int chr__tm_parse_iso(const char *s, int *y, int *m, int *d);

/* ---- words ---- */
/* Case-insensitive: token k equals w (lower-case, under 16 bytes). */
int chr__tm_is(const tm_ctx *c, size_t k, const char *w);
/* Index of token k in the NULL-terminated list, or -1. */
int chr__tm_in(const tm_ctx *c, size_t k, const char *const *list);
/* 1 when token k may begin a time expression (a digit, or a word of the
 * matchers' first position); lets the scanner skip most words at once. */
int chr__tm_may_start(const tm_ctx *c, size_t k);
/* Fills f for the first-position words of chr__tm_may_start (once a
 * body: lets it skip the table search for most words). */
void chr__tm_start_filter(chr__strtab_filter *f);
/* 0..6 for a full weekday name (Monday = 0), else -1. */
int chr__tm_weekday(const tm_ctx *c, size_t k);
/* 1..12 for a capitalised month name or abbreviation ("Sept", "Jan" —
 * abbreviations only when followed by "." or a number), else 0. */
int chr__tm_month(const tm_ctx *c, size_t k);
/* "one".."twenty", "a"/"an" (1), or 1-4 ASCII digits; -1 otherwise. */
int chr__tm_number(const tm_ctx *c, size_t k);
/* A day of month 1..31 written "3", "03", "3rd"; 0 otherwise. */
int chr__tm_daynum(const tm_ctx *c, size_t k);

/* Tense around the expression made of tokens [from, to): the nearest
 * tense cue in its clause, else in its sentence (TM_PAST, TM_FUTURE or
 * TM_UNKNOWN). Looks at most 60 tokens either way. */
int chr__tm_tense(const tm_ctx *c, size_t from, size_t to);

#endif
