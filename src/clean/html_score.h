/* html_score.h — private to src/clean/: main-content selection over the
 * block-level element tree of a parsed HTML page (html_score.c). */
#ifndef CHR_HTML_SCORE_H
#define CHR_HTML_SCORE_H

#include "base/base.h"
#include "read/read.h"

/* Decides, for every block of `page`, whether it belongs to the main
 * content. why[i] (an array of page->n_blocks entries the caller provides)
 * is set to NULL for a block of the content, or to a static removal reason
 * ("navigation", "caption", "byline", "related", "share", "footer").
 * Returns CHR_OK or CHR_NOMEM (scratch arrays live in `a`). Linear in the
 * number of blocks and elements, times a bounded ancestor walk. */
chr_status chr__html_select(const chr__html *page, chr__arena *a,
                            const char **why);

/* The removal reason class/id hints (and the tag) suggest for a block that
 * is dropped: "caption", "byline", "related", "share", "footer", else
 * "navigation". */
const char *chr__html_hint_reason(const char *hints, const char *tag);

/* Class/id weight of one element's own hints: negative for boilerplate
 * words (comment, sidebar, related, share, nav, ...), positive for content
 * words (article, content, entry, post, story, text, body, main), both
 * when both appear (0). */
int chr__html_class_weight(const char *own);

#endif
