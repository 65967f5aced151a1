/* clean.h — internal interface of the cleaning stage (src/clean/): from plain
 * text lines or HTML blocks to the article's body, title and metadata, with
 * every removal reported. This is the foundation's basic cleaning; the deep
 * version (scoring, site templates, repairs) is issue 3. */
#ifndef CHR_CLEAN_H
#define CHR_CLEAN_H

#include "base/base.h"
#include "read/read.h"

typedef struct chr__cleaned {
    const char *title;          /* headline, never repeated in body; NULL */
    const char *byline;         /* "AFP Staff Writers" from "by …"; NULL */
    const char *dateline_place; /* NULL when none */
    const char *dateline_date;  /* ISO or NULL */
    const char *dateline_outlet;/* "AFP" from "(AFP)"; NULL */
    const char *site;           /* html: the site named beside the headline
                                   in <title> ("Observer - Headline"); NULL */
    const char *published;      /* a date line of its own ("Wed Jul 03
                                   2024") near the top; NULL */
    const char *body;           /* paragraphs separated by one blank line */
    size_t body_len;
    chr_removed *removed;       /* in document order */
    size_t n_removed;
} chr__cleaned;

/* Cleans plain text: `text` is valid UTF-8 with "\n" line ends (other bytes
 * never crash it, they are just not understood). The rules are documented
 * at the top of text_clean.c. Every string of `out` (body, title, removed
 * texts …) lives in `a`; removed[].reason points to static strings. `out` is
 * zeroed first. Returns CHR_OK with body never NULL (it may be "", length
 * 0), or CHR_NOMEM (arena exhausted; `out` then unusable). Linear time;
 * memory at most three times `len` plus a few MiB. Thread-safe. */
chr_status chr__clean_text(const char *text, size_t len, chr__arena *a,
                           chr__cleaned *out);

/* Cleans a parsed HTML page: chooses the main-content blocks, sets title from
 * the page metadata or headline, reports dropped blocks (rules at the top of
 * html_clean.c). `page` is only read; its strings are copied into `a`.
 * Same return values and guarantees as chr__clean_text; linear in
 * page->n_blocks. */
chr_status chr__clean_html(const chr__html *page, chr__arena *a,
                           chr__cleaned *out);

#endif
