/* clean_int.h — private to src/clean/: the "unit" (one line or paragraph of
 * plain text, or one HTML block) that every cleaning rule looks at, the
 * splitter that makes units from text, the line predicates (rules.c) and the
 * shared classification pipeline (text_clean.c) that both chr__clean_text
 * and chr__clean_html run. Nothing outside src/clean/ includes this. */
#ifndef CHR_CLEAN_INT_H
#define CHR_CLEAN_INT_H

#include "clean/clean.h"

/* At most this many units are made from one document; the rest of a longer
 * text becomes one last unit (see chr__clean_split). Bounds the unit array
 * to a few MiB whatever the input. */
#define CHR__CLEAN_MAX_UNITS 200000u
/* At most this many entries in `removed`; later removals still happen but
 * are not listed (a page with a million dropped blocks). */
#define CHR__CLEAN_MAX_REMOVED 100000u

typedef struct chr__cunit {
    const char *s;      /* trimmed text, not NUL-terminated; lives in the
                           input or in the arena */
    size_t n;
    const char *reason; /* NULL: kept in body; else a removal reason */
    uint64_t hash;      /* chr__hash64 of s[0..n) */
    uint32_t words;     /* whitespace-separated tokens, capped at 1e6 */
    uint8_t sent_end;   /* ends with . ! ? … (before closing quotes) */
    uint8_t prose;      /* looks like running prose (see chr__cunit_measure) */
    uint8_t preset;     /* html: reason was decided from the block */
    uint8_t heading;    /* html: h1-h6 element */
} chr__cunit;

/* ---- lines.c ---- */

/* Trims ASCII whitespace, U+00A0, U+2000-U+200B, U+202F, U+205F, U+3000 and
 * U+FEFF from both ends of s[0..*n); returns the new start. */
const char *chr__clean_trim(const char *s, size_t *n);

/* Fills words, sent_end, prose and hash of `u` from u->s, u->n. */
void chr__cunit_measure(chr__cunit *u);

/* Splits text into units: one per non-empty line, except that in text that
 * is hard-wrapped (most long lines end near one width) consecutive lines of
 * a paragraph are joined with one space into an arena copy. At most
 * CHR__CLEAN_MAX_UNITS units; the text after the last one becomes a single
 * final unit. *out (arena) and *n set; CHR_OK or CHR_NOMEM. */
chr_status chr__clean_split(const char *text, size_t len, chr__arena *a,
                            chr__cunit **out, size_t *n);

/* ---- rules.c: predicates on one trimmed line s[0..n) ---- */

/* Case-insensitive ASCII prefix test that also requires a word boundary
 * (end, space or punctuation) after the prefix. */
int chr__cl_prefix_word(const char *s, size_t n, const char *prefix);
/* A share-widget line: mostly "Share", "Tweet", "icon-facebook", ... */
int chr__cl_is_share(const char *s, size_t n);
/* "by X" / "By X" (short). Sets *name, *name_n to X without trailing
 * punctuation. */
int chr__cl_byline(const char *s, size_t n, const char **name,
                   size_t *name_n);
/* "Reporting by …", "Editing by …", "Written by …": a credit line. */
int chr__cl_credit_line(const char *s, size_t n);
/* "(AFP)", "(Reuters)": a short line entirely in parentheses. */
int chr__cl_paren_only(const char *s, size_t n);
/* Ends in a photo credit "(Name/Agency via X)" or starts "Photo:" … */
int chr__cl_caption_credit(const char *s, size_t n);
/* A generic site-furniture phrase: "Connect with us", "Skip to content",
 * "Menu", "Sign in", "Advertisement", ... (no site names). */
int chr__cl_furniture(const char *s, size_t n);
/* "Related Posts:", "Read more", "You may also like", ... */
int chr__cl_related_heading(const char *s, size_t n, uint32_t words);
/* Start of a footer ("Copyright", "©", "Sources", "Tags:", URL lines ...).
 * Returns 0 when not. */
int chr__cl_footer_start(const char *s, size_t n, uint32_t words, int prose);
/* A cookie / GDPR / privacy consent statement. */
int chr__cl_cookie(const char *s, size_t n, uint32_t words);
/* An author biography: `name` is a short name line and `next` starts with
 * that name followed by " is a"/" is an" and a writing profession. */
int chr__cl_bio(const char *name, size_t name_n, const char *next,
                size_t next_n);
/* A line that is one date (optionally after "Published"/"Updated"/
 * "Posted" [on][:]) and nothing else but punctuation. Fills iso[11]. */
int chr__cl_date_line(const char *s, size_t n, char iso[11]);

/* ---- text_clean.c: the shared pipeline ---- */

typedef struct chr__clean_opts {
    int html;               /* units are HTML blocks: no top-navigation rule,
                               no title guessing (title given) */
    const char *title;      /* html: known title (NUL-terminated) or NULL */
    const char *h1;         /* html: first h1 or NULL */
} chr__clean_opts;

/* Classifies units (sets reason on the ones to drop), fills `out` (title,
 * byline, dateline, published, body, removed). Units with `preset` keep
 * their reason. CHR_OK or CHR_NOMEM. */
chr_status chr__clean_units(chr__cunit *u, size_t n,
                            const chr__clean_opts *opt, chr__arena *a,
                            chr__cleaned *out);

#endif
