/* html_clean.c — the cleaning of a parsed HTML page: the main-content
 * choice of html_score.c, then the same line rules as plain text
 * (text_clean.c) over the blocks it keeps.
 *
 * Block choice:
 *  - empty text: ignored (not reported);
 *  - chr__html_select() (html_score.c) decides which blocks are the main
 *    content and gives the others a reason (navigation, caption, byline,
 *    related, share, footer);
 *  - a kept block in an element other than p, h1-h6, li, blockquote, pre
 *    that is not prose and reads as a share widget: "share"; a dropped
 *    "navigation" block that reads as one: "share" too;
 *  - pages without an element table (built by hand) fall back to block
 *    flags: outside <article> when there is one, in boilerplate elements,
 *    mostly links, or non-prose text in a layout element.
 * Candidates then go through the text rules in "html" mode (no guessed
 * title, no top-of-page navigation rule, only prose lines count as
 * duplicates): share lines, captions, bylines, related lists, footers. A
 * block equal to the title or the h1, and every h1, is removed as "title";
 * other headings stay (subheads are article structure).
 * Metadata: title from page->title with a " | Outlet" / " - Outlet" suffix
 * cut when it names page->outlet (else the h1); byline and published from
 * the page; dateline from the first kept paragraph.
 * Limits: at most CHR__CLEAN_MAX_UNITS non-empty blocks are looked at (the
 * rest of a larger page is ignored). Linear in the number of blocks. */
#include "clean/clean_int.h"
#include "clean/html_score.h"

#include <string.h>

static int eq_text(const chr__cunit *x, const char *t)
{
    return t && strlen(t) == x->n && memcmp(x->s, t, x->n) == 0;
}

/* A block dropped as plain "navigation" (outside the content, or by its
 * class) gets the reason its text shows: the headline is "title", a date
 * line "byline", a copyright or tags line "footer", a "Read more:" heading
 * and the short links after it "related", a share widget "share". */
static const char *refine_dropped(const chr__cunit *x, const chr__block *b,
                                  const char *title, const char *h1,
                                  int *related)
{
    char iso[11];
    if (eq_text(x, title) || eq_text(x, h1) ||
        (b->tag && strcmp(b->tag, "h1") == 0))
        return "title";
    if (chr__cl_is_share(x->s, x->n))
        return "share";
    if (chr__cl_date_line(x->s, x->n, iso))
        return "byline";
    if (chr__cl_related_heading(x->s, x->n, x->words)) {
        *related = 1;
        return "related";
    }
    if (*related && x->words <= 12)
        return "related";
    if (x->words <= 12 &&
        (chr__cl_footer_start(x->s, x->n, x->words, x->prose) ||
         chr__cl_prefix_word(x->s, x->n, "tags")))
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
/* 1 when some block of the page reads exactly s[0..n). */
static int block_equals(const chr__html *page, const char *s, size_t n)
{
    for (size_t i = 0; i < page->n_blocks && i < CHR__CLEAN_MAX_UNITS; i++) {
        size_t bn = page->blocks[i].len;
        const char *b = page->blocks[i].text;
        if (!b)
            continue;
        b = chr__clean_trim(b, &bn);
        if (bn == n && memcmp(b, s, n) == 0)
            return 1;
    }
    return 0;
}

static const char *page_title(const chr__html *page, chr__arena *a,
                              const char **site)
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
    if (!page->outlet || !page->outlet[0]) {
        /* no outlet known: "Site - Headline" or "Headline | Site" where one
           side is a block of the page is split into headline and site */
        for (size_t s = 0; seps[s]; s++) {
            size_t sl = strlen(seps[s]);
            const char *at = memmem(t, n, seps[s], sl);
            if (!at || memmem(at + sl, n - (size_t)(at - t) - sl, seps[s], sl))
                continue; /* none, or more than one: ambiguous */
            size_t ln = (size_t)(at - t), rn = n - ln - sl;
            const char *r = at + sl;
            int left = block_equals(page, t, ln), right = block_equals(page, r, rn);
            if (left == right)
                continue;
            if (site)
                *site = left ? chr__arena_strndup(a, r, rn)
                             : chr__arena_strndup(a, t, ln);
            return left ? chr__arena_strndup(a, t, ln)
                        : chr__arena_strndup(a, r, rn);
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

    size_t nonempty = 0;
    for (size_t i = 0; i < page->n_blocks; i++) {
        const chr__block *b = &page->blocks[i];
        if (b->text && b->len)
            nonempty++;
    }
    size_t cap = nonempty < CHR__CLEAN_MAX_UNITS ? nonempty
                                                  : CHR__CLEAN_MAX_UNITS;
    chr__cunit *u = cap ? chr__arena_alloc(a, cap * sizeof *u) : NULL;
    const char **why = page->n_blocks
                           ? chr__arena_alloc(a, page->n_blocks * sizeof *why)
                           : NULL;
    if ((cap && !u) || (page->n_blocks && !why))
        return CHR_NOMEM;
    chr_status st = chr__html_select(page, a, why);
    if (st != CHR_OK)
        return st;

    const char *title = page_title(page, a, &out->site);
    int related = 0; /* inside a dropped run after a related heading */
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
        const char *r = why[i];
        if (!r && !content_tag(b->tag) && !x->prose) {
            /* share widgets anywhere; without an element table (no
               container choice) other non-prose layout text as well */
            if (chr__cl_is_share(s, n))
                r = "share";
            else if (page->n_elems == 0)
                r = chr__html_hint_reason(b->hints, b->tag);
        } else if (r && strcmp(r, "navigation") == 0) {
            r = refine_dropped(x, b, title, page->h1, &related);
        }
        if (!r || strcmp(r, "related") != 0)
            related = x->words > 12 ? 0 : related;
        if (r) {
            x->reason = r;
            x->preset = 1;
        }
    }

    chr__clean_opts opt = {1, title, page->h1};
    if (page->byline && !(out->byline = chr__arena_strdup(a, page->byline)))
        return CHR_NOMEM;
    if (page->published &&
        !(out->published = chr__arena_strdup(a, page->published)))
        return CHR_NOMEM;
    return chr__clean_units(u, k, &opt, a, out);
}
