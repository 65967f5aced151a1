/* html_score.c — main-content selection for HTML pages, in the manner of
 * Readability and boilerpipe, over the block-level element tree that
 * chr__html_parse() records (chr__html.elems, one entry per block element,
 * in pre-order, each block pointing at its element).
 *
 * 1. Paragraph scores. Every block of at least 25 bytes whose text is not
 *    mostly links, written in a paragraph-like element (p, pre, td,
 *    blockquote, or text directly inside div, section, article, main, body,
 *    center, dd), scores 1 + its commas + min(bytes / 100, 3). The score
 *    goes to the paragraph's container and its ancestors: the container in
 *    full, the next one half, then a third, a sixth … (5 levels). A block
 *    in a real paragraph element starts at the element's parent; text
 *    directly inside a div starts at the div itself when the div also holds
 *    other block elements, else at its parent (a div used as a paragraph).
 * 2. Container scores. A container touched first gets a tag prior (div +5;
 *    pre, td, blockquote +3; lists, forms, address -3; headings, th -5) and
 *    its class/id weight (±25: chr__html_class_weight); articleBody, role
 *    main and <article> add 10. These count in full only once its
 *    paragraphs have scored 20 (in proportion below), so a short box with
 *    a good class name does not beat the text. The sum is multiplied by one
 *    minus the link density of everything inside it.
 * 3. The best container wins; when three or more of the runners-up (within
 *    75% of it) sit inside one of its ancestors, that ancestor wins; then
 *    the winner climbs while its parent scores more than it, and while it
 *    is the only block element of its parent.
 * 4. Siblings of the winner join when their score, or the best score of a
 *    container inside them not under a boilerplate element (plus a fifth
 *    of the winner's when they share its class), reaches max(10, a fifth
 *    of the winner's), or when they are paragraphs of > 80 bytes with link density
 *    < 0.25, or shorter link-free paragraphs ending with a period.
 * 5. Blocks outside the chosen containers are "navigation" (or the reason
 *    their hints give). Inside, a block is dropped when an element between
 *    it and the chosen container holds less than half of the chosen text
 *    and is boilerplate by tag (nav, aside, footer,
 *    header, figure, figcaption, menu, dialog) or by a negative class/id
 *    weight — reason from that element's hints — or when more than half of
 *    its text is links ("navigation").
 * Pages with no scorable paragraph keep every block outside boilerplate
 * elements. Pages without an element table (built by hand) use the block
 * flags alone: outside <article> when there is one, inside boilerplate, or
 * mostly links. Linear in blocks and elements; ancestor walks are capped. */
#include "clean/html_score.h"

#include <string.h>

#define MIN_PARA 25
#define ANCESTOR_LEVELS 5
#define WALK_CAP 512
#define NO_WEIGHT 127
#define FULL_BONUS 20.0

static int has(const char *s, const char *w)
{
    return strstr(s, w) != NULL;
}

/* One class or id token s[0..n) is an advertising name: "ad", "ads",
 * "ad-…", "…-ad", "…-ad-…", "advert…", "dfp…". */
static int ad_token(const char *s, size_t n)
{
    if ((n == 2 && memcmp(s, "ad", 2) == 0) ||
        (n == 3 && memcmp(s, "ads", 3) == 0))
        return 1;
    if (n > 3 && (memcmp(s, "ad-", 3) == 0 || memcmp(s, "ad_", 3) == 0 ||
                  memcmp(s, "dfp", 3) == 0))
        return 1;
    if (n > 3 && (memcmp(s + n - 3, "-ad", 3) == 0 ||
                  memcmp(s + n - 3, "_ad", 3) == 0))
        return 1;
    for (size_t i = 0; i + 4 <= n; i++)
        if (memcmp(s + i, "-ad-", 4) == 0)
            return 1;
    return 0;
}

static const char *const negative[] = {
    "comment", "disqus", "footer", "sidebar", "related", "share", "sharing",
    "social", "promo", "sponsor", "advert", "newsletter", "subscri",
    "signup", "sign-up", "breadcrumb", "widget", "cookie", "consent", "gdpr",
    "popup", "modal", "outbrain", "taboola", "caption", "credit", "byline",
    "author", "recommend", "more-stories", "masthead", "banner", "toolbar",
    "pagination", "pager", "login", "nav", "menu", "tags", "tag-list",
    "skip", "meta", "hidden", "sr-only", "jump", "trending", "popular",
    "read-more", "readmore", "most-read", "teaser", "rating", "follow",
    "print", "email", "paywall", "rss", NULL};

static const char *const positive[] = {
    "article", "content", "entry", "post", "story", "text", "body",
    "main", "blog", "prose", "hentry", NULL};

/* 1 when the own class/id hints name boilerplate (see `negative`, and
 * advertising tokens); embedded posts are never boilerplate. */
static int negative_hints(const char *own)
{
    if (!own || !*own)
        return 0;
    /* embedded posts (twitter-tweet, instagram-media, social-embed) are
       quoted material of the article */
    if (has(own, "tweet") || has(own, "instagram") ||
        (has(own, "social") && has(own, "embed")))
        return 0;
    for (size_t i = 0; negative[i]; i++) {
        const char *m = strstr(own, negative[i]);
        /* "commentary" is an article genre, not a comment box */
        if (m && !(i == 0 && strncmp(m, "commentary", 10) == 0))
            return 1;
    }
    for (const char *s = own; *s;) {
        while (*s == ' ')
            s++;
        size_t n = strcspn(s, " ");
        if (n && ad_token(s, n))
            return 1;
        s += n;
    }
    return 0;
}

int chr__html_class_weight(const char *own)
{
    if (!own || !*own)
        return 0;
    int w = negative_hints(own) ? -25 : 0;
    for (size_t i = 0; positive[i]; i++)
        if (has(own, positive[i])) {
            w += 25;
            break;
        }
    return w;
}

const char *chr__html_hint_reason(const char *hints, const char *tag)
{
    const char *h = hints ? hints : "";
    if ((tag && (strcmp(tag, "figcaption") == 0 ||
                 strcmp(tag, "figure") == 0)) ||
        has(h, "caption") || has(h, "credit"))
        return "caption";
    if (has(h, "byline") || has(h, "author"))
        return "byline";
    if (has(h, "related") || has(h, "recommend") || has(h, "more-stories") ||
        has(h, "outbrain") || has(h, "taboola"))
        return "related";
    if (has(h, "share") || has(h, "sharing") || has(h, "social"))
        return "share";
    if ((tag && strcmp(tag, "footer") == 0) || has(h, "footer") ||
        has(h, "comment") || has(h, "newsletter") || has(h, "cookie") ||
        has(h, "subscri") || has(h, "consent"))
        return "footer";
    return "navigation";
}

static int tag_is(const char *t, const char *const *list)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(t, list[i]) == 0)
            return 1;
    return 0;
}

static const char *const para_tags[] = {"p", "pre", "td", "blockquote",
                                        NULL};
static const char *const text_containers[] = {
    "div", "section", "article", "main", "body", "center", "dd", "form",
    NULL};
static const char *const boiler_tags[] = {
    "nav", "aside", "footer", "header", "figure", "figcaption", "menu",
    "dialog", NULL};

static double tag_prior(const char *t)
{
    static const char *const minus3[] = {"address", "ol", "ul", "dl", "dd",
                                         "dt", "li", "form", NULL};
    static const char *const minus5[] = {"h1", "h2", "h3", "h4", "h5",
                                         "h6", "th", NULL};
    if (strcmp(t, "div") == 0)
        return 5;
    if (tag_is(t, para_tags))
        return 3;
    if (tag_is(t, minus3))
        return -3;
    if (tag_is(t, minus5))
        return -5;
    return 0;
}

typedef struct sc {
    const chr__html *pg;
    size_t ne;
    double *score, *bonus, *text, *links;
    double *best; /* best final score inside the subtree, clean path */
    int *end;
    signed char *wt;
    signed char *neg; /* negative_hints() cache, -1 unknown */
    unsigned char *cand, *sel, *dot;
} sc;

static int weight(sc *s, size_t e)
{
    if (s->wt[e] == NO_WEIGHT)
        s->wt[e] = (signed char)(chr__html_class_weight(s->pg->elems[e].own) / 25);
    return s->wt[e] * 25;
}

static int is_negative(sc *s, size_t e)
{
    if (s->neg[e] < 0)
        s->neg[e] = (signed char)negative_hints(s->pg->elems[e].own);
    return s->neg[e];
}

static void touch(sc *s, size_t e)
{
    if (s->cand[e])
        return;
    s->cand[e] = 1;
    const chr__elem *x = &s->pg->elems[e];
    s->bonus[e] = tag_prior(x->tag) + weight(s, e) + (x->article ? 10 : 0);
}

static double density(const sc *s, size_t e)
{
    return s->text[e] > 0 ? s->links[e] / s->text[e] : 0;
}

static double final_score(const sc *s, size_t e)
{
    double p = s->score[e], k = p / FULL_BONUS;
    return (p + s->bonus[e] * (k < 1 ? k : 1)) * (1 - density(s, e));
}

static int parent_of(const sc *s, size_t e)
{
    int p = s->pg->elems[e].parent;
    return p >= 0 && (size_t)p < e ? p : -1;
}

static size_t count_commas(const char *t, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        c += t[i] == ',';
    return c;
}

static void score_paragraphs(sc *s)
{
    const chr__html *pg = s->pg;
    for (size_t i = 0; i < pg->n_blocks; i++) {
        const chr__block *b = &pg->blocks[i];
        if (b->len < MIN_PARA || b->link_chars * 2 > b->len || !b->text)
            continue;
        size_t e = (size_t)b->elem < s->ne ? (size_t)b->elem : 0;
        const char *t = pg->elems[e].tag;
        int start;
        if (tag_is(t, para_tags))
            start = parent_of(s, e);
        else if (tag_is(t, text_containers))
            start = s->end[e] > (int)e + 1 ? (int)e : parent_of(s, e);
        else
            continue;
        double c = 1 + (double)count_commas(b->text, b->len);
        double l = (double)(b->len / 100);
        c += l < 3 ? l : 3;
        for (int lv = 0; lv < ANCESTOR_LEVELS && start >= 0; lv++) {
            touch(s, (size_t)start);
            s->score[start] += c / (lv == 0 ? 1 : lv == 1 ? 2 : lv * 3);
            start = parent_of(s, (size_t)start);
        }
    }
}

/* best[e]: the best final score of a candidate inside e's subtree reached
 * without crossing a boilerplate element (tag or negative class/id). */
static void subtree_best(sc *s)
{
    for (size_t e = s->ne; e-- > 0;) {
        const chr__elem *el = &s->pg->elems[e];
        if (tag_is(el->tag, boiler_tags) || is_negative(s, e)) {
            s->best[e] = 0;
            continue;
        }
        if (s->cand[e]) {
            double f = final_score(s, e);
            if (f > s->best[e])
                s->best[e] = f;
        }
        int p = parent_of(s, e);
        if (p >= 0 && s->best[e] > s->best[p])
            s->best[p] = s->best[e];
    }
}

static int in_subtree(const sc *s, size_t root, size_t e)
{
    return e >= root && (int)e < s->end[root];
}

static size_t choose_top(sc *s, int *found)
{
    size_t top = 0, alt[4] = {0};
    double best = -1e300, alts[4] = {-1e300, -1e300, -1e300, -1e300};
    *found = 0;
    for (size_t e = 0; e < s->ne; e++) {
        if (!s->cand[e])
            continue;
        double f = final_score(s, e);
        if (!*found || f > best) {
            if (*found) { /* the old best becomes a runner-up */
                for (int k = 3; k > 0; k--)
                    alt[k] = alt[k - 1], alts[k] = alts[k - 1];
                alt[0] = top, alts[0] = best;
            }
            top = e, best = f;
            *found = 1;
            continue;
        }
        for (int k = 0; k < 4; k++)
            if (f > alts[k]) {
                for (int j = 3; j > k; j--)
                    alt[j] = alt[j - 1], alts[j] = alts[j - 1];
                alt[k] = e, alts[k] = f;
                break;
            }
    }
    if (!*found || best <= 0)
        return top;
    /* runners-up close to the winner inside one of its ancestors */
    int p = parent_of(s, top);
    for (int steps = 0; p > 0 && steps < WALK_CAP; steps++) {
        int n = 0;
        for (int k = 0; k < 4; k++)
            if (alts[k] >= best * 0.75 && in_subtree(s, (size_t)p, alt[k]))
                n++;
        if (n >= 3) {
            top = (size_t)p;
            break;
        }
        p = parent_of(s, (size_t)p);
    }
    /* climb while the parent scores more */
    double last = final_score(s, top), threshold = last / 3;
    p = parent_of(s, top);
    for (int steps = 0; p > 0 && steps < WALK_CAP; steps++) {
        if (!s->cand[p]) {
            p = parent_of(s, (size_t)p);
            continue;
        }
        double ps = final_score(s, (size_t)p);
        if (ps < threshold)
            break;
        if (ps > last) {
            top = (size_t)p;
            break;
        }
        last = ps;
        p = parent_of(s, (size_t)p);
    }
    /* an only child stands for its parent */
    for (int steps = 0; steps < WALK_CAP; steps++) {
        p = parent_of(s, top);
        if (p <= 0)
            break;
        size_t kids = 0;
        for (size_t e = (size_t)p + 1; (int)e < s->end[p] && kids < 2;
             e = (size_t)s->end[e])
            kids++;
        if (kids != 1)
            break;
        top = (size_t)p;
    }
    return top;
}

static void add_siblings(sc *s, size_t top)
{
    s->sel[top] = 1;
    int p = parent_of(s, top);
    if (p < 0)
        return;
    double tf = final_score(s, top);
    double threshold = tf * 0.2 > 10 ? tf * 0.2 : 10;
    const char *own = s->pg->elems[top].own;
    for (size_t e = (size_t)p + 1; (int)e < s->end[p]; e = (size_t)s->end[e]) {
        if (e == top)
            continue;
        double add = s->cand[e] ? final_score(s, e) : 0;
        if (s->best[e] > add)
            add = s->best[e];
        if (own[0] && strcmp(own, s->pg->elems[e].own) == 0)
            add += tf * 0.2;
        int ok = (s->cand[e] || s->best[e] > 0) && add >= threshold;
        if (!ok && strcmp(s->pg->elems[e].tag, "p") == 0) {
            double d = density(s, e);
            ok = (s->text[e] > 80 && d < 0.25) ||
                 (s->text[e] > 0 && d == 0 && s->dot[e]);
        }
        if (ok)
            s->sel[e] = 1;
    }
}

/* NULL when block b is content, else the reason it is dropped. */
static const char *judge(sc *s, const chr__block *b, int found,
                         double content)
{
    size_t e = (size_t)b->elem < s->ne ? (size_t)b->elem : 0;
    const char *bad = NULL;
    int x = (int)e;
    for (int steps = 0; x >= 0 && steps < WALK_CAP; steps++) {
        if (found && s->sel[x])
            break;
        const chr__elem *el = &s->pg->elems[x];
        /* a box of boilerplate is a small part of the content */
        if (!bad && s->text[x] * 2 < content &&
            (tag_is(el->tag, boiler_tags) || is_negative(s, (size_t)x)))
            bad = chr__html_hint_reason(el->own, el->tag);
        x = parent_of(s, (size_t)x);
    }
    if (found && (x < 0 || !s->sel[x]))
        return bad ? bad : chr__html_hint_reason(b->hints, b->tag);
    if (bad)
        return bad;
    if (b->link_chars * 2 > b->len)
        return "navigation";
    return NULL;
}

chr_status chr__html_select(const chr__html *page, chr__arena *a,
                            const char **why)
{
    size_t ne = page->n_elems, nb = page->n_blocks;
    if (nb == 0)
        return CHR_OK;
    if (ne == 0 || !page->elems) {
        /* no element table (pages built by hand): block flags only */
        int has_article = 0;
        for (size_t i = 0; i < nb; i++)
            has_article |= page->blocks[i].in_article;
        for (size_t i = 0; i < nb; i++) {
            const chr__block *b = &page->blocks[i];
            why[i] = NULL;
            if (b->in_boiler)
                why[i] = chr__html_hint_reason(b->hints, b->tag);
            else if (has_article && !b->in_article)
                why[i] = "navigation";
            else if (b->link_chars * 2 > b->len)
                why[i] = chr__html_hint_reason(b->hints, b->tag);
        }
        return CHR_OK;
    }
    sc s;
    memset(&s, 0, sizeof s);
    s.pg = page;
    s.ne = ne;
    s.score = chr__arena_alloc(a, ne * sizeof *s.score);
    s.bonus = chr__arena_alloc(a, ne * sizeof *s.bonus);
    s.best = chr__arena_alloc(a, ne * sizeof *s.best);
    s.text = chr__arena_alloc(a, ne * sizeof *s.text);
    s.links = chr__arena_alloc(a, ne * sizeof *s.links);
    s.end = chr__arena_alloc(a, ne * sizeof *s.end);
    s.wt = chr__arena_alloc(a, ne);
    s.neg = chr__arena_alloc(a, ne);
    s.cand = chr__arena_alloc(a, ne);
    s.sel = chr__arena_alloc(a, ne);
    s.dot = chr__arena_alloc(a, ne);
    if (!s.score || !s.bonus || !s.best || !s.text || !s.links || !s.end || !s.wt || !s.neg || !s.cand ||
        !s.sel || !s.dot)
        return CHR_NOMEM;
    for (size_t e = 0; e < ne; e++) {
        s.score[e] = s.bonus[e] = s.best[e] = s.text[e] = s.links[e] = 0;
        s.end[e] = (int)e + 1;
        s.wt[e] = NO_WEIGHT;
        s.neg[e] = -1;
        s.cand[e] = s.sel[e] = s.dot[e] = 0;
    }
    for (size_t i = 0; i < nb; i++) {
        const chr__block *b = &page->blocks[i];
        size_t e = (size_t)b->elem < ne ? (size_t)b->elem : 0;
        s.text[e] += (double)b->len;
        s.links[e] += (double)b->link_chars;
        if (b->len && b->text)
            s.dot[e] = b->text[b->len - 1] == '.';
    }
    for (size_t e = ne; e-- > 1;) {
        int p = parent_of(&s, e);
        if (p < 0)
            continue;
        s.text[p] += s.text[e];
        s.links[p] += s.links[e];
        if (s.end[e] > s.end[p])
            s.end[p] = s.end[e];
    }
    score_paragraphs(&s);
    subtree_best(&s);
    int found = 0;
    size_t top = choose_top(&s, &found);
    if (found)
        add_siblings(&s, top);
    double content = 0;
    for (size_t e = 0; e < ne; e++)
        if (s.sel[e])
            content += s.text[e];
    for (size_t i = 0; i < nb; i++)
        why[i] = judge(&s, &page->blocks[i], found, content);
    return CHR_OK;
}
