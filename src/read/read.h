/* read.h — internal interface of the reading stage (src/read/): HTML parsing
 * into blocks and metadata, date and dateline parsing. The public part of the
 * stage (chr_source_*, chr_input_*) is declared in chronicle.h. */
#ifndef CHR_READ_H
#define CHR_READ_H

#include "base/base.h"

/* One block-level element of an HTML page, its text whitespace-collapsed.
 * Everything lives in the arena given to chr__html_parse(). */
typedef struct chr__block {
    const char *text;   /* UTF-8, single spaces, trimmed, NUL-terminated */
    size_t len;
    const char *tag;    /* lower-case element name: "p", "h1", "li", "td",
                           "div", "blockquote", "pre", "figcaption", ...;
                           "body" for text outside any block element */
    const char *hints;  /* lower-case class and id values of the element and
                           its ancestors, space-separated ("" when none);
                           the element's own first, capped at 256 bytes */
    size_t link_chars;  /* bytes of `text` that sit inside <a> elements */
    int depth;          /* element depth in the tree */
    int in_article;     /* inside <article>, <main>, role=main or
                           itemprop=articleBody */
    int in_boiler;      /* inside <nav>, <header>, <footer>, <aside>,
                           <figure>/<figcaption>, <menu>, role=navigation… */
    int elem;           /* index in chr__html.elems of the block element
                           the text belongs to (0: the root) */
} chr__block;

/* One block-level element of the tree (the ones that start blocks), in
 * document (pre-)order: a parent always comes before its children, and an
 * element's subtree is a contiguous range of indexes. elems[0] is the root. */
typedef struct chr__elem {
    int parent;         /* index of the nearest block-level ancestor; -1
                           for the root */
    const char *tag;    /* static lower-case name ("div", "p", ...) */
    const char *own;    /* lower-case class and id of this element only,
                           space-separated, "" when none (capped) */
    int article;        /* <article>, <main>, role=main or
                           itemprop=articleBody */
} chr__elem;

typedef struct chr__html {
    const char *title;     /* og:title, else <title>, else the first <h1> */
    const char *h1;        /* the first <h1> text, NULL when none */
    const char *published; /* ISO date (YYYY-MM-DD) from meta tags, JSON-LD
                              datePublished or <time datetime>, else NULL */
    const char *outlet;    /* og:site_name, JSON-LD publisher name, or NULL */
    const char *byline;    /* meta author, JSON-LD author name, or NULL */
    const char *lang;      /* <html lang> primary subtag, lower-case, or NULL */
    const char *url;       /* link rel=canonical or og:url, or NULL */
    chr__block *blocks;    /* in document order; script, style, noscript,
                              template, svg, iframe and comments dropped */
    size_t n_blocks;
    chr__elem *elems;      /* block-level elements, see chr__elem */
    size_t n_elems;
} chr__html;

/* Parses HTML with libxml2's HTML parser in SAX mode (no tree is built;
 * the output is what a walk of libxml2's tree would give). Encoding: valid UTF-8 is read as
 * UTF-8 whatever the page claims; otherwise the charset declared in the
 * first 4 KiB (meta charset, http-equiv, XML declaration) or a UTF-16 BOM
 * is converted with iconv (bad bytes become U+FFFD); undeclared pages and
 * the Latin-1 family are read as windows-1252. libxml2 always receives
 * UTF-8, so it never reports encoding errors (which it would print).
 * Never fails on malformed markup: returns CHR_OK with whatever blocks were
 * found, CHR_NOMEM, or CHR_PARSE when libxml2 did not start a document.
 * Depth: libxml2's limit is lifted (XML_PARSE_HUGE); the handlers keep at
 * most 256 levels of context (one byte per deeper level), deeper text
 * joins the deepest block.
 * Blocks: inline text directly under a container is a block of its own;
 * two <br> in a row also end a block; elements hidden with the `hidden`
 * attribute or style="display:none" are dropped, as are button, select,
 * textarea, audio, video, object, embed, canvas, map and math.
 * Thread-safe, provided xmlInitParser() was called once by the program
 * before threads start (libxml2 2.9 initialises lazily and not safely). */
chr_status chr__html_parse(const char *data, size_t len, chr__arena *a,
                           chr__html *out, chr_error *err);

/* Parses one date written at the start of s[0..n): ISO "2024-07-03" (with or
 * without time), "2024/07/03", "July 3, 2024", "3 July 2024", "Jul 03 2024",
 * "Wed Jul 03 2024", "Wednesday, July 3, 2024", RFC 2822 "Wed, 03 Jul 2024
 * 10:00:00 GMT". Writes "YYYY-MM-DD" into out[11] and returns the bytes
 * consumed, or 0 when no full date starts there. Also: ordinals ("3rd July
 * 2024", "July 3rd, 2024", "21st of March"), abbreviations with a dot and
 * "Sept"/"Tues"/"Thurs". Years 1800-2199; days checked against the month
 * and leap years. The bytes consumed include an ISO time and zone
 * ("2024-07-03T10:00:00+02:00") but not the time of other forms. out is
 * untouched when 0 is returned. */
size_t chr__parse_date(const char *s, size_t n, char out[11]);

/* Finds the first full date anywhere in s[0..n) (a word boundary before it).
 * Returns 1 and sets out, *start, *end; 0 when none. */
int chr__find_date(const char *s, size_t n, char out[11], size_t *start,
                   size_t *end);

/* A dateline: "Astana, Kazakhstan (AFP) July 3, 2024", "ASTANA, July 3
 * (Reuters) -", "ASTANA:", "Samarkand (AFP) -". */
typedef struct chr__dateline {
    char place[128]; /* "Astana, Kazakhstan"; title-cased when written in
                        capitals; "" when none */
    char date[11];   /* "2024-07-03" or "" */
    char outlet[64]; /* "AFP" from "(AFP)" or "" */
    size_t end;      /* bytes of the line the dateline covers */
} chr__dateline;

/* Recognises a dateline at the start of a line or paragraph. Returns 1 and
 * fills `out` when the start of s[0..n) is one; 0 otherwise (out zeroed).
 * The place must be followed by an outlet in parentheses or slashes, a
 * date after a comma, or — only when written in capitals — ':' or a dash;
 * so "The leaders of Russia…" and "Russia: …" are not datelines. A date
 * without a year ("July 3") is consumed but leaves `date` empty. `end`
 * includes a trailing separator (" - ", "—", ":", "/") and spaces. */
int chr__parse_dateline(const char *s, size_t n, chr__dateline *out);

#endif
