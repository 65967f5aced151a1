/* text_clean.c — the basic cleaning of scraped text: which lines are the
 * article and which are site furniture, and the metadata found on the way.
 * chr__clean_units() is the pipeline shared with chr__clean_html().
 *
 * RULES (every rule is generic: shapes and common furniture words, never a
 * site name, a particular file or a sentence):
 *
 * Units. Text is split into non-empty lines; only hard-wrapped text (most
 * long lines end near one width <= 100 characters) has its consecutive lines
 * joined into paragraphs (lines.c). A line is "prose" when it ends a
 * sentence (. ! … before closing quotes) with >= 6 words, a question with
 * >= 15 words, or has >= 25 words whatever its end.
 *
 * Top region: the units before the first prose unit (at most 30). There:
 *  - Title: among short lines (1-20 words, not ending in '.', not furniture
 *    phrases, captions, bylines or dates) the one repeated immediately wins,
 *    else the first of >= 5 words (site and section names are shorter; a
 *    deck follows the headline), else the one with most words (>= 3, or
 *    >= 2 when it opens the text). It is removed ("title"), and so is every
 *    later copy of it.
 *  - "by X" -> byline field, removed "byline"; a line that is only a date
 *    (optionally "Published"/"Updated" before it) -> published, "byline";
 *    a line that is a whole dateline (with a date or an outlet) -> dateline
 *    fields, "byline"; "(AFP)" alone and "Reporting by …" -> "byline".
 *  - Share widgets -> "share"; photo captions -> "caption".
 *  - Other short lines without sentence punctuation -> "navigation".
 *    When the text has no prose at all nothing is called navigation.
 * Dateline: the first kept prose paragraph is given to chr__parse_dateline;
 *    the paragraph itself stays in the body unchanged.
 * Footer: the first footer start (©, "Copyright …", "All rights reserved",
 *    "The content herein", short "Subscribe…"/"Privacy…"/"Terms of…"/
 *    "About the author" lines, "Sources", "Source:", "Reference:", "Tags:",
 *    lines of bare URLs, a short name line followed by "<name> is a …
 *    writer/editor/journalist…") after the first prose ends the article when
 *    the prose before it is at least twice the prose after it (by count or
 *    by bytes) or no prose follows. Everything from there is
 *    "footer". A footer start that does not qualify is dropped alone when
 *    short (<= 12 words). Cookie/GDPR statements are "footer" anywhere.
 * Related: a short heading ("Related …", "Read more", "More from", "You may
 *    also like", "Recommended" …) and the non-prose lines after it are
 *    "related"; a prose paragraph of >= 12 words ends the list and is kept
 *    (a "Related news" box in mid-article).
 * Captions and duplicates: a line printed twice in a row is a caption (both
 *    copies "caption") when it carries a photo credit or is not prose;
 *    otherwise the second copy is "duplicate". A line ending in a credit
 *    group "(… / … )" or "(… via Reuters)", or starting "Photo:", is
 *    "caption" alone. Any later exact copy of an earlier line: "duplicate"
 *    (HTML: only prose lines; short repeated lines there are list items).
 * Share lines anywhere: mostly "Share", "Tweet", "icon-facebook"… -> "share".
 *    Short generic furniture phrases in mid-text ("Advertisement") ->
 *    "navigation".
 *
 * DECISIONS
 *  - Section subheads inside the article ("- Rivalry -", "– Silk Roads –")
 *    stay in the body: they are article structure, and short non-prose lines
 *    after the first prose paragraph are kept unless a rule above drops them.
 *  - A related list that is followed by teaser paragraphs of other stories
 *    keeps those paragraphs unless a footer start comes first; separating
 *    them needs topic comparison (the deeper cleaning issue).
 *  - The title never goes into the body; bylines, datelines and date lines
 *    that stand alone are removed with reason "byline".
 *  - Known losses, accepted for simplicity: a deck (standfirst) without a
 *    final period between headline and first paragraph is "navigation";
 *    short lines right after a mid-article related heading are "related"
 *    unless they introduce a quotation printed as the next paragraph ("X
 *    said…" then “…”), which is article text and never a duplicate; the
 *    second copy of another short line repeated later is "duplicate"; in hard-wrapped text a headline
 *    not followed by a blank line is joined to the first paragraph.
 *  - Cookie statements need a site word ("we use", "this website",
 *    "consent" …) besides "cookie", so an article about cookies stays.
 *  - Limits: CHR__CLEAN_MAX_UNITS units (the rest of the text is one last
 *    unit), CHR__CLEAN_MAX_REMOVED listed removals. Everything is linear:
 *    duplicates use a hash map, rules look at bounded prefixes. */
#include "clean/clean_int.h"

#include <string.h>

#define TOP_MAX 30

static int same(const chr__cunit *x, const chr__cunit *y)
{
    return x->n == y->n && x->hash == y->hash && memcmp(x->s, y->s, x->n) == 0;
}

static int eq_cstr(const chr__cunit *x, const char *t)
{
    if (!t)
        return 0;
    size_t tn = strlen(t);
    const char *ts = chr__clean_trim(t, &tn);
    return tn == x->n && memcmp(ts, x->s, tn) == 0;
}

/* Last character before closing quotes is '.' */
static int ends_period(const chr__cunit *x)
{
    size_t n = x->n;
    while (n && strchr("\"')]", x->s[n - 1]))
        n--;
    return n && x->s[n - 1] == '.';
}

/* A dateline that covers the whole line and says a date or an outlet. */
static int whole_dateline(const chr__cunit *x, chr__dateline *dl)
{
    if (x->n > 200 || !chr__parse_dateline(x->s, x->n, dl))
        return 0;
    if (!dl->date[0] && !dl->outlet[0])
        return 0;
    size_t m = x->n;
    while (m && strchr(" \t-:,.|", x->s[m - 1]))
        m--;
    if (m >= 3 && (unsigned char)x->s[m - 3] == 0xE2 &&
        (unsigned char)x->s[m - 2] == 0x80 &&
        ((unsigned char)x->s[m - 1] == 0x93 ||
         (unsigned char)x->s[m - 1] == 0x94))
        m -= 3; /* – — */
    return dl->end >= m;
}

static void set_dateline(const chr__dateline *dl, chr__arena *a,
                         chr__cleaned *out)
{
    out->dateline_place = dl->place[0] ? chr__arena_strdup(a, dl->place) : NULL;
    out->dateline_date = dl->date[0] ? chr__arena_strdup(a, dl->date) : NULL;
    out->dateline_outlet =
        dl->outlet[0] ? chr__arena_strdup(a, dl->outlet) : NULL;
}

static int plain_prose(const chr__cunit *x)
{
    return !x->preset && x->prose && !chr__cl_is_share(x->s, x->n) &&
           !chr__cl_cookie(x->s, x->n, x->words) &&
           !chr__cl_caption_credit(x->s, x->n);
}

static int caption_like(const chr__cunit *x)
{
    return chr__cl_caption_credit(x->s, x->n) || !x->prose ||
           chr__cl_prefix_word(x->s, x->n, "photo");
}

/* Index of the title among the top units, or (size_t)-1. */
static size_t pick_title(const chr__cunit *u, size_t n, size_t top)
{
    size_t best = (size_t)-1;
    long best_score = 0;
    char iso[11];
    chr__dateline dl;
    for (size_t i = 0; i < top; i++) {
        const chr__cunit *x = &u[i];
        const char *bn;
        size_t bl;
        if (x->preset || x->words == 0 || x->words > 20 || ends_period(x) ||
            x->n > 300 || chr__cl_furniture(x->s, x->n) ||
            chr__cl_is_share(x->s, x->n) ||
            chr__cl_caption_credit(x->s, x->n) ||
            chr__cl_paren_only(x->s, x->n) ||
            chr__cl_byline(x->s, x->n, &bn, &bl) ||
            chr__cl_credit_line(x->s, x->n) ||
            chr__cl_related_heading(x->s, x->n, x->words) ||
            chr__cl_footer_start(x->s, x->n, x->words, x->prose) ||
            chr__cl_cookie(x->s, x->n, x->words) ||
            chr__cl_date_line(x->s, x->n, iso) || whole_dateline(x, &dl))
            continue;
        int repeated = i + 1 < n && same(x, &u[i + 1]);
        if (x->words < 2 || (x->words < 3 && i != 0 && !repeated))
            continue;
        /* a repeated line wins; then the first line of >= 5 words (site
         * names and sections are shorter, a deck comes after the
         * headline); then the longest */
        long score = repeated ? 1000
                     : x->words >= 5 ? 100 + (long)(TOP_MAX - i)
                                     : (long)x->words;
        if (score > best_score) {
            best_score = score;
            best = i;
        }
    }
    return best;
}

/* The footer start that ends the article, or n. */
static size_t find_footer(const chr__cunit *u, size_t n, size_t first)
{
    size_t tot_units = 0, tot_bytes = 0, last_prose = 0;
    int any_prose = 0;
    for (size_t i = 0; i < n; i++) {
        if (u[i].preset || !u[i].prose)
            continue;
        tot_units++;
        tot_bytes += u[i].n;
        last_prose = i;
        any_prose = 1;
    }
    size_t bu = 0, bb = 0;
    for (size_t i = 0; i < n; i++) {
        const chr__cunit *x = &u[i];
        if (i > first && !x->preset &&
            (chr__cl_footer_start(x->s, x->n, x->words, x->prose) ||
             (i + 1 < n && chr__cl_bio(x->s, x->n, u[i + 1].s, u[i + 1].n)))) {
            int self = x->prose;
            size_t au = tot_units - bu - (size_t)self;
            size_t ab = tot_bytes - bb - (self ? x->n : 0);
            if (bu >= 1 && (bu >= 2 * au || bb >= 2 * ab || !any_prose ||
                            last_prose <= i))
                return i;
        }
        if (!x->preset && x->prose) {
            bu++;
            bb += x->n;
        }
    }
    return n;
}

static const char *top_rule(const chr__cunit *u, size_t n, size_t i,
                            int html, int has_prose, chr__arena *a,
                            chr__cleaned *out, int *oom)
{
    const chr__cunit *x = &u[i];
    const char *bn;
    size_t bl;
    char iso[11];
    chr__dateline dl;
    if (chr__cl_is_share(x->s, x->n))
        return "share";
    if (chr__cl_byline(x->s, x->n, &bn, &bl)) {
        if (!out->byline && !(out->byline = chr__arena_strndup(a, bn, bl)))
            *oom = 1;
        return "byline";
    }
    if (chr__cl_credit_line(x->s, x->n) || chr__cl_paren_only(x->s, x->n))
        return "byline";
    if (chr__cl_date_line(x->s, x->n, iso)) {
        if (!out->published && !(out->published = chr__arena_strdup(a, iso)))
            *oom = 1;
        return "byline";
    }
    if (whole_dateline(x, &dl)) {
        if (!out->dateline_place && !out->dateline_date &&
            !out->dateline_outlet)
            set_dateline(&dl, a, out);
        return "byline";
    }
    int pair = (i + 1 < n && same(x, &u[i + 1])) ||
               (i > 0 && same(x, &u[i - 1]));
    if (chr__cl_caption_credit(x->s, x->n) || (pair && caption_like(x)))
        return "caption";
    if (chr__cl_cookie(x->s, x->n, x->words))
        return "footer";
    if (!html && has_prose && !x->prose && x->words <= 20 && !x->sent_end)
        return "navigation";
    return NULL;
}

/* 1 when u[i] is a short line that introduces a quotation printed as the
 * next paragraph ("Putin said…" then “We highly value …”): article text,
 * whatever list it seems to follow and however often it repeats. */
static int introduces_quote(const chr__cunit *u, size_t n, size_t i)
{
    const chr__cunit *x = &u[i];
    if (x->words > 12 || x->n < 2 || i + 1 >= n)
        return 0;
    const unsigned char *e = (const unsigned char *)x->s + x->n;
    int colon = e[-1] == ':';
    int dots = x->n >= 3 && (memcmp(e - 3, "...", 3) == 0 ||
                             memcmp(e - 3, "\xe2\x80\xa6", 3) == 0);
    if (!colon && !dots)
        return 0;
    const unsigned char *q = (const unsigned char *)u[i + 1].s;
    size_t qn = u[i + 1].n;
    return qn >= 1 && (q[0] == '"' || q[0] == '\'' ||
                       (qn >= 3 && q[0] == 0xE2 && q[1] == 0x80 &&
                        (q[2] == 0x9C || q[2] == 0x98)) ||
                       (qn >= 2 && q[0] == 0xC2 && q[1] == 0xAB));
}

static const char *body_rule(chr__cunit *u, size_t n, size_t i, size_t first,
                             int *related, chr__arena *a, chr__cleaned *out,
                             int *oom)
{
    chr__cunit *x = &u[i];
    const char *bn;
    size_t bl;
    char iso[11];
    if (chr__cl_is_share(x->s, x->n))
        return "share";
    int next_same = i + 1 < n && !u[i + 1].preset && same(x, &u[i + 1]);
    int prev_cap = i > 0 && same(x, &u[i - 1]) && u[i - 1].reason &&
                   strcmp(u[i - 1].reason, "caption") == 0;
    if (prev_cap || (next_same && caption_like(x)) ||
        chr__cl_caption_credit(x->s, x->n))
        return "caption";
    if (chr__cl_paren_only(x->s, x->n) || chr__cl_credit_line(x->s, x->n))
        return "byline";
    if (i <= first + 2 && chr__cl_byline(x->s, x->n, &bn, &bl)) {
        if (!out->byline && !(out->byline = chr__arena_strndup(a, bn, bl)))
            *oom = 1;
        return "byline";
    }
    if (i <= first + 2 && chr__cl_date_line(x->s, x->n, iso)) {
        if (!out->published && !(out->published = chr__arena_strdup(a, iso)))
            *oom = 1;
        return "byline";
    }
    if (introduces_quote(u, n, i))
        return NULL;
    if (chr__cl_related_heading(x->s, x->n, x->words)) {
        *related = 1;
        return "related";
    }
    if (*related) {
        if (x->prose && x->words >= 12)
            *related = 0;
        else
            return "related";
    }
    if (chr__cl_cookie(x->s, x->n, x->words) ||
        (x->words <= 12 &&
         chr__cl_footer_start(x->s, x->n, x->words, x->prose)))
        return "footer";
    if (!x->prose && chr__cl_furniture(x->s, x->n))
        return "navigation";
    return NULL;
}

static chr_status build_output(const chr__cunit *u, size_t n, chr__arena *a,
                               chr__cleaned *out)
{
    size_t body = 0, kept = 0, nrem = 0;
    for (size_t i = 0; i < n; i++) {
        if (u[i].reason)
            nrem++;
        else {
            body += u[i].n;
            kept++;
        }
    }
    if (kept > 1)
        body += 2 * (kept - 1);
    char *b = chr__arena_alloc(a, body + 1);
    if (!b)
        return CHR_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (u[i].reason)
            continue;
        if (k) {
            b[k++] = '\n';
            b[k++] = '\n';
        }
        memcpy(b + k, u[i].s, u[i].n);
        k += u[i].n;
    }
    b[k] = '\0';
    out->body = b;
    out->body_len = k;
    if (nrem > CHR__CLEAN_MAX_REMOVED)
        nrem = CHR__CLEAN_MAX_REMOVED;
    out->removed = nrem ? chr__arena_alloc(a, nrem * sizeof *out->removed)
                        : NULL;
    if (nrem && !out->removed)
        return CHR_NOMEM;
    size_t r = 0;
    for (size_t i = 0; i < n && r < nrem; i++) {
        if (!u[i].reason)
            continue;
        out->removed[r].text = chr__arena_strndup(a, u[i].s, u[i].n);
        out->removed[r].reason = u[i].reason;
        if (!out->removed[r].text)
            return CHR_NOMEM;
        r++;
    }
    out->n_removed = r;
    return CHR_OK;
}

chr_status chr__clean_units(chr__cunit *u, size_t n,
                            const chr__clean_opts *opt, chr__arena *a,
                            chr__cleaned *out)
{
    static const chr__clean_opts none = {0, NULL, NULL};
    if (!opt)
        opt = &none;
    size_t first = 0;
    while (first < n && !plain_prose(&u[first]))
        first++;
    int has_prose = first < n;
    size_t top = has_prose ? first : n;
    if (top > TOP_MAX)
        top = TOP_MAX;

    const chr__cunit *title_u = NULL;
    chr__cunit tu;
    if (opt->html) {
        if (opt->title && !(out->title = chr__arena_strdup(a, opt->title)))
            return CHR_NOMEM;
    } else {
        size_t t = pick_title(u, n, top);
        if (t != (size_t)-1) {
            tu = u[t];
            title_u = &tu;
            out->title = chr__arena_strndup(a, tu.s, tu.n);
            if (!out->title)
                return CHR_NOMEM;
        }
    }
    size_t footer = find_footer(u, n, has_prose ? first : n);

    chr__map seen;
    chr__map_init(&seen);
    int related = 0, oom = 0;
    for (size_t i = 0; i < n && !oom; i++) {
        chr__cunit *x = &u[i];
        if (x->preset)
            continue;
        if (i >= footer) {
            x->reason = "footer";
        } else if ((title_u && same(x, title_u)) ||
                   (opt->html && (eq_cstr(x, opt->title) ||
                                  eq_cstr(x, opt->h1) || x->heading == 1))) {
            x->reason = "title";
        } else if (i < top) {
            x->reason = top_rule(u, n, i, opt->html, has_prose, a, out, &oom);
        } else {
            x->reason = body_rule(u, n, i, first, &related, a, out, &oom);
        }
        /* later exact copies: duplicates */
        uint64_t *slot = chr__map_slot(&seen, x->hash);
        if (!slot) {
            oom = 1;
            break;
        }
        if (*slot == 0) {
            *slot = i + 1;
        } else if (!x->reason && same(x, &u[*slot - 1]) &&
                   (!opt->html || x->prose) && !introduces_quote(u, n, i)) {
            /* html: repeated short lines inside the chosen content are
               list items and table cells, not captions printed twice */
            x->reason = "duplicate";
        }
    }
    chr__map_free(&seen);
    if (oom)
        return CHR_NOMEM;

    if (!out->dateline_place && !out->dateline_date && !out->dateline_outlet) {
        for (size_t i = 0; i < n; i++) {
            if (u[i].reason || !u[i].prose)
                continue;
            chr__dateline dl;
            if (chr__parse_dateline(u[i].s, u[i].n < 400 ? u[i].n : 400, &dl))
                set_dateline(&dl, a, out);
            break;
        }
    }
    return build_output(u, n, a, out);
}

chr_status chr__clean_text(const char *text, size_t len, chr__arena *a,
                           chr__cleaned *out)
{
    memset(out, 0, sizeof *out);
    chr__cunit *u;
    size_t n;
    chr_status s = chr__clean_split(text, len, a, &u, &n);
    if (s != CHR_OK)
        return s;
    return chr__clean_units(u, n, NULL, a, out);
}
