/* templates.h — site templates: lines that recur across many documents of
 * the same outlet are the outlet's page template, not article text.
 *
 * The evidence is gathered by the store at ingest (src/store/templates.c)
 * and handed to the analysis read-only through chr_config.templates, so the
 * analysis of one document stays pure given its resources. */
#ifndef CHR_TEMPLATES_H
#define CHR_TEMPLATES_H

#include "base/base.h"

/* Documents of one site that must hold a line, in at least two different
 * stories, before it counts as template. */
#define CHR__TEMPLATE_MIN_DOCS 3
/* Longer units are never treated as template lines. */
#define CHR__TEMPLATE_MAX_BYTES 2000

struct chr_templates {
    chr__map keys; /* chr__template_key(site, line) -> 1 */
};

chr_templates *chr__templates_new(void);
void chr__templates_free(chr_templates *t); /* accepts NULL */
/* Marks (site, line) as template; CHR_NOMEM on failure. */
chr_status chr__templates_add(chr_templates *t, uint64_t site, uint64_t line);
/* 1 when (site, line) is a template line. `t` may be NULL. */
int chr__templates_has(const chr_templates *t, uint64_t site, uint64_t line);

/* The site of a document: its outlet, else the host of its URL; 0 when
 * neither is known (no template evidence is kept for such documents). */
uint64_t chr__site_key(const char *outlet, const char *url);
/* The identity of a line: the hash of its folded words (layout, case and
 * punctuation ignored); 0 for a line without words. */
uint64_t chr__line_key(const char *s, size_t n);

/* Removes the body paragraphs that are template lines of the document's
 * site, appending them to the removed list with reason "template".
 * Rewrites doc->body (arena `a`). */
chr_status chr__templates_apply(const chr_templates *t, chr_doc *doc,
                                chr__arena *a);

#endif
