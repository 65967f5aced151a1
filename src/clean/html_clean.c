/* html_clean.c — the basic cleaning of a parsed HTML page: picks the
 * main-content blocks of chr__html_parse()'s output, then runs the same
 * line rules as plain text (text_clean.c) over them.
 *
 * Block choice, in order (first match decides):
 *  - empty text: ignored (not reported);
 *  - the page has an <article>/<main>/articleBody and the block is outside
 *    it: removed, reason from its hints when it sits in boilerplate, else
 *    "navigation";
 *  - inside boilerplate (<nav>, <footer>, <aside>, <figure>…): reason from
 *    the element's and ancestors' class/id hints: "caption" (or a
 *    figcaption), "byline"/"author" -> byline, "related", "share"/"social"
 *    -> share, "footer"/"comment"/"newsletter"/"cookie"/"subscribe" ->
 *    footer, else navigation;
 *  - more than half of its text inside links, or an element other than
 *    p, h1-h6, li, blockquote, pre whose text is not prose: removed,
 *    "share" when the text is a share widget, else the reason its hints
 *    give (as above; "navigation" by default);
 *  - everything else is a candidate for the body.
 * Candidates then go through the text rules in "html" mode (no guessed
 * title, no top-of-page navigation rule): share lines, captions, bylines,
 * related lists, footers, duplicates. A block equal to the title or the h1,
 * and every h1, is removed as "title".
 * Metadata: title from page->title with a " | Outlet" / " - Outlet" suffix
 * cut when it names page->outlet (else the h1); byline and published from
 * the page; dateline from the first kept paragraph.
 * Limits: at most CHR__CLEAN_MAX_UNITS non-empty blocks are looked at (the
 * rest of a larger page is ignored); hints are searched in their first
 * 512 bytes. Linear in the number of blocks. */
#include "clean/clean_int.h"

#include <string.h>

#define HINT_SCAN 512

static int hint_has(const char *hints, size_t hn, const char *w)
{
    size_t m = strlen(w);
    for (size_t i = 0; i + m <= hn; i++)
        if (memcmp(hints + i, w, m) == 0)
            return 1;
    return 0;
}

static const char *boiler_reason(const chr__block *b)
{
    const char *h = b->hints ? b->hints : "";
    size_t hn = strnlen(h, HINT_SCAN);
    if ((b->tag && strcmp(b->tag, "figcaption") == 0) ||
        hint_has(h, hn, "caption"))
        return "caption";
    if (hint_has(h, hn, "byline") || hint_has(h, hn, "author"))
        return "byline";
    if (hint_has(h, hn, "related"))
        return "related";
    if (hint_has(h, hn, "share") || hint_has(h, hn, "social"))
        return "share";
    if (hint_has(h, hn, "footer") || hint_has(h, hn, "comment") ||
        hint_has(h, hn, "newsletter") || hint_has(h, hn, "cookie") ||
        hint_has(h, hn, "subscribe"))
        return "footer";
    return "navigation";
}

static int content_tag(const char *t)
{
    static const char *const tags[] = {"p",  "h1", "h2", "h3",
                                       "h4", "h5", "h6", "li",
                                       "blockquote", "pre", NULL};
    if (!t)
        return 0;
    for (size_t i = 0; tags[i]; i++)
        if (strcmp(t, tags[i]) == 0)
            return 1;
    return 0;
}

static int heading_level(const char *t)
{
    if (t && t[0] == 'h' && t[1] >= '1' && t[1] <= '6' && t[2] == '\0')
        return t[1] - '0';
    return 0;
}

/* page->title without a " | Outlet" style suffix naming the outlet. */
static const char *page_title(const chr__html *page, chr__arena *a)
{
    static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ",
                                       " \xE2\x80\x94 ", " :: ", NULL};
    const char *t = page->title ? page->title : page->h1;
    if (!t)
        return NULL;
    size_t n = strlen(t);
    t = chr__clean_trim(t, &n);
    if (page->outlet && page->outlet[0]) {
        size_t on = strlen(page->outlet);
        const char *o = chr__clean_trim(page->outlet, &on);
        for (size_t s = 0; seps[s]; s++) {
            size_t sl = strlen(seps[s]);
            if (n > on + sl &&
                memcmp(t + n - on - sl, seps[s], sl) == 0) {
                /* case-insensitive comparison of the suffix with the outlet */
                int eq = 1;
                for (size_t i = 0; i < on && eq; i++) {
                    int x = (unsigned char)t[n - on + i];
                    int y = (unsigned char)o[i];
                    if (x >= 'A' && x <= 'Z')
                        x += 32;
                    if (y >= 'A' && y <= 'Z')
                        y += 32;
                    eq = x == y;
                }
                if (eq) {
                    n -= on + sl;
                    t = chr__clean_trim(t, &n);
                    break;
                }
            }
        }
    }
    return n ? chr__arena_strndup(a, t, n) : NULL;
}

chr_status chr__clean_html(const chr__html *page, chr__arena *a,
                           chr__cleaned *out)
{
    memset(out, 0, sizeof *out);
    if (!page)
        return chr__clean_units(NULL, 0, NULL, a, out);

    int has_article = 0;
    size_t nonempty = 0;
    for (size_t i = 0; i < page->n_blocks; i++) {
        const chr__block *b = &page->blocks[i];
        has_article |= b->in_article;
        if (b->text && b->len)
            nonempty++;
    }
    size_t cap = nonempty < CHR__CLEAN_MAX_UNITS ? nonempty
                                                  : CHR__CLEAN_MAX_UNITS;
    chr__cunit *u = cap ? chr__arena_alloc(a, cap * sizeof *u) : NULL;
    if (cap && !u)
        return CHR_NOMEM;

    size_t k = 0;
    for (size_t i = 0; i < page->n_blocks && k < cap; i++) {
        const chr__block *b = &page->blocks[i];
        if (!b->text || !b->len)
            continue;
        size_t n = b->len;
        const char *s = chr__clean_trim(b->text, &n);
        if (!n)
            continue;
        chr__cunit *x = &u[k++];
        x->s = s;
        x->n = n;
        chr__cunit_measure(x);
        x->heading = (uint8_t)heading_level(b->tag);
        const char *why = NULL;
        if (has_article && !b->in_article)
            why = b->in_boiler ? boiler_reason(b) : "navigation";
        else if (b->in_boiler)
            why = boiler_reason(b);
        else if (b->link_chars * 2 > b->len ||
                 (!content_tag(b->tag) && !x->prose))
            why = chr__cl_is_share(s, n) ? "share" : boiler_reason(b);
        if (why) {
            x->reason = why;
            x->preset = 1;
        }
    }

    chr__clean_opts opt = {1, page_title(page, a), page->h1};
    if (page->byline && !(out->byline = chr__arena_strdup(a, page->byline)))
        return CHR_NOMEM;
    if (page->published &&
        !(out->published = chr__arena_strdup(a, page->published)))
        return CHR_NOMEM;
    return chr__clean_units(u, k, &opt, a, out);
}
