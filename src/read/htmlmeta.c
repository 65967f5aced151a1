/* htmlmeta.c — the metadata of an HTML page: title, publication date,
 * outlet, byline, language and canonical URL, from <meta> tags (Open Graph,
 * Dublin Core, article:*), JSON-LD (<script type="application/ld+json">,
 * arrays and @graph), <time datetime>, rel=author links and <title>, fed
 * element by element and text by text by html.c's SAX handlers. */
#include "read/html_int.h"

#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define META_CAP 1024
#define LD_MAX_BYTES (1024 * 1024)
#define LD_MAX_DEPTH 6
#define WORST 99

void chr__hmeta_init(chr__hmeta *m, chr__arena *a)
{
    memset(m, 0, sizeof *m);
    m->a = a;
    m->title_rank = m->site_rank = m->date_rank = m->byline_rank =
        m->url_rank = WORST;
    m->title_seq = m->title_tag_seq = m->site_seq = m->date_seq =
        m->byline_seq = m->url_seq = INT_MAX;
}

void chr__hattrs_read(chr__hattrs *h, const xmlChar **atts)
{
    memset(h, 0, sizeof *h);
    if (!atts)
        return;
    for (size_t i = 0; atts[i]; i += 2) {
        const char *k = (const char *)atts[i];
        int slot = -1;
        switch (k[0]) {
        case 'c':
            if (strcmp(k, "class") == 0) slot = CHR__A_CLASS;
            else if (strcmp(k, "content") == 0) slot = CHR__A_CONTENT;
            break;
        case 'd':
            if (strcmp(k, "datetime") == 0) slot = CHR__A_DATETIME;
            break;
        case 'h':
            if (strcmp(k, "href") == 0) slot = CHR__A_HREF;
            else if (strcmp(k, "hidden") == 0) slot = CHR__A_HIDDEN;
            break;
        case 'i':
            if (k[1] == 'd' && k[2] == '\0') slot = CHR__A_ID;
            else if (strcmp(k, "itemprop") == 0) slot = CHR__A_ITEMPROP;
            break;
        case 'l':
            if (strcmp(k, "lang") == 0) slot = CHR__A_LANG;
            break;
        case 'n':
            if (strcmp(k, "name") == 0) slot = CHR__A_NAME;
            break;
        case 'p':
            if (strcmp(k, "property") == 0) slot = CHR__A_PROPERTY;
            else if (strcmp(k, "pubdate") == 0) slot = CHR__A_PUBDATE;
            break;
        case 'r':
            if (strcmp(k, "rel") == 0) slot = CHR__A_REL;
            else if (strcmp(k, "role") == 0) slot = CHR__A_ROLE;
            break;
        case 's':
            if (strcmp(k, "style") == 0) slot = CHR__A_STYLE;
            break;
        case 't':
            if (strcmp(k, "type") == 0) slot = CHR__A_TYPE;
            break;
        }
        if (slot >= 0 && !h->v[slot])
            h->v[slot] = atts[i + 1] ? (const char *)atts[i + 1] : "";
    }
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

const char *chr__collapse(chr__arena *a, const char *s, size_t cap)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    if (n > cap * 4)
        n = cap * 4;
    char *out = chr__arena_alloc(a, (n < cap ? n : cap) + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    int space = 0;
    for (size_t i = 0; i < n && o < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        int nb = c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0;
        if (is_space(c) || nb) {
            space = 1;
            i += (size_t)nb;
            continue;
        }
        if (space && o > 0 && o + 1 < cap)
            out[o++] = ' ';
        space = 0;
        out[o++] = (char)c;
    }
    /* do not end inside a UTF-8 sequence */
    if (o == cap) {
        size_t k = o;
        while (k > 0 && ((unsigned char)out[k - 1] & 0xC0) == 0x80)
            k--;
        if (k > 0 && (unsigned char)out[k - 1] >= 0xC0)
            o = k - 1;
    }
    out[o] = '\0';
    return o ? out : NULL;
}

static int ieq(const char *a, const char *b)
{
    return a && chr__ieq(a, strlen(a), b);
}

/* (r, seq) better than the current (*rank, *rseq): a lower rank, or the
 * same rank offered by an earlier element. */
static int better(int r, int seq, int rank, int rseq)
{
    return r < rank || (r == rank && seq < rseq);
}

static void offer(chr__hmeta *m, const char **slot, int *rank, int *rseq,
                  int r, const char *v)
{
    if (!v || !better(r, m->seq, *rank, *rseq))
        return;
    const char *c = chr__collapse(m->a, v, META_CAP);
    if (c) {
        *slot = c;
        *rank = r;
        *rseq = m->seq;
    }
}

static void offer_date(chr__hmeta *m, int r, const char *v)
{
    if (!v || !better(r, m->seq, m->date_rank, m->date_seq))
        return;
    size_t n = strlen(v);
    const char *s = chr__trim(v, &n);
    char iso[11];
    if (chr__parse_date(s, n, iso)) {
        const char *c = chr__arena_strdup(m->a, iso);
        if (c) {
            m->date = c;
            m->date_rank = r;
            m->date_seq = m->seq;
        }
    }
}

static void offer_byline(chr__hmeta *m, int r, const char *v)
{
    if (!v)
        return;
    size_t n = strlen(v);
    v = chr__trim(v, &n);
    if (chr__starts_with(v, n, "http") || n == 0)
        return;
    if (n > 3 && chr__ieq(v, 3, "by "))
        v += 3;
    offer(m, &m->byline, &m->byline_rank, &m->byline_seq, r, v);
}

static const char *const date_keys[] = {
    "date", "pubdate", "publishdate", "publish-date", "publish_date",
    "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date",
    "dcterms.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
    "datepublished", "original-publish-date", "article.published",
    "citation_publication_date", "citation_date", "article_date_original",
};

static void on_meta(chr__hmeta *m, const chr__hattrs *at)
{
    const char *content = at->v[CHR__A_CONTENT];
    if (!content)
        return;
    const char *keys[3] = {at->v[CHR__A_PROPERTY], at->v[CHR__A_NAME],
                           at->v[CHR__A_ITEMPROP]};
    for (int k = 0; k < 3; k++) {
        const char *key = keys[k];
        if (!key)
            continue;
        if (ieq(key, "og:title"))
            offer(m, &m->title, &m->title_rank, &m->title_seq, 1, content);
        else if (ieq(key, "twitter:title") || ieq(key, "headline"))
            offer(m, &m->title, &m->title_rank, &m->title_seq, 2, content);
        else if (ieq(key, "og:site_name"))
            offer(m, &m->site, &m->site_rank, &m->site_seq, 1, content);
        else if (ieq(key, "og:url"))
            offer(m, &m->url, &m->url_rank, &m->url_seq, 2, content);
        else if (ieq(key, "article:published_time") ||
                 ieq(key, "og:article:published_time") ||
                 ieq(key, "published_time"))
            offer_date(m, 1, content);
        else if (ieq(key, "author") || ieq(key, "article:author") ||
                 ieq(key, "byl") || ieq(key, "dc.creator") ||
                 ieq(key, "parsely-author") || ieq(key, "sailthru.author"))
            offer_byline(m, 1, content);
        else {
            for (size_t i = 0; i < CHR__ARRAY_LEN(date_keys); i++)
                if (ieq(key, date_keys[i])) {
                    offer_date(m, 2, content);
                    break;
                }
        }
    }
}

/* ---- JSON-LD ---- */

static const char *ld_name(json_t *v)
{
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_array(v) && json_array_size(v) > 0)
        return ld_name(json_array_get(v, 0));
    if (json_is_object(v)) {
        json_t *nm = json_object_get(v, "name");
        if (json_is_string(nm))
            return json_string_value(nm);
    }
    return NULL;
}

static void ld_visit(chr__hmeta *m, json_t *v, int depth)
{
    if (depth > LD_MAX_DEPTH)
        return;
    if (json_is_array(v)) {
        size_t i;
        json_t *el;
        json_array_foreach(v, i, el) {
            if (i >= 64)
                break;
            ld_visit(m, el, depth + 1);
        }
        return;
    }
    if (!json_is_object(v))
        return;
    json_t *g = json_object_get(v, "@graph");
    if (g)
        ld_visit(m, g, depth + 1);
    json_t *dp = json_object_get(v, "datePublished");
    if (json_is_string(dp))
        offer_date(m, 3, json_string_value(dp));
    json_t *hl = json_object_get(v, "headline");
    if (json_is_string(hl))
        offer(m, &m->title, &m->title_rank, &m->title_seq, 2, json_string_value(hl));
    json_t *au = json_object_get(v, "author");
    if (au)
        offer_byline(m, 2, ld_name(au));
    json_t *pub = json_object_get(v, "publisher");
    if (pub)
        offer(m, &m->site, &m->site_rank, &m->site_seq, 2, ld_name(pub));
    json_t *me = json_object_get(v, "mainEntity");
    if (json_is_object(me))
        ld_visit(m, me, depth + 1);
}

/* ---- element texts ----
 * A text is collected from the SAX events between an element's start and
 * end, as xmlNodeGetContent() would read it from the tree, but bounded: the
 * first TEXT_MAX_NODES nodes of the subtree (elements, comments, text and
 * CDATA nodes, in document order) and `cap` bytes. Longer text is cut at a
 * UTF-8 boundary, except JSON-LD, which is then refused. A text is complete
 * (and its candidates offered) at the element's end or as soon as a limit
 * is reached; every open text counts every node, and each one that stays
 * open has seen fewer than TEXT_MAX_NODES nodes, which bounds how many can
 * be open at once (about two per level of the last TEXT_MAX_NODES levels),
 * so metadata elements nested a hundred thousand times cost linear time. */
#define TEXT_MAX_NODES 256
#define TEXT_CAP (4 * META_CAP) /* chr__collapse reads no more anyway */
#define MAX_CAPS 1024

static void complete(chr__hmeta *m, chr__hcap *c)
{
    const char *txt = c->b.data ? c->b.data : "";
    m->seq = c->seq;
    switch (c->what) {
    case 0:
        if (c->seq < m->title_tag_seq) {
            const char *t = chr__collapse(m->a, txt, META_CAP);
            if (t) {
                m->title_tag = t;
                m->title_tag_seq = c->seq;
            }
        }
        break;
    case 1:
        offer_byline(m, 3, txt);
        break;
    case 2:
        offer_date(m, 2, txt);
        break;
    case 3:
        if (c->b.len > 0) {
            json_error_t jerr;
            json_t *root = json_loadb(c->b.data, c->b.len, 0, &jerr);
            if (root) {
                ld_visit(m, root, 0);
                json_decref(root);
            }
        }
        break;
    }
}

/* Removes the texts marked done (nodes < 0), keeping the order. */
static void compact(chr__hmeta *m)
{
    int o = 0;
    for (int i = 0; i < m->ncaps; i++) {
        if (m->caps[i].nodes < 0) {
            chr_buf_free(&m->caps[i].b);
            continue;
        }
        m->caps[o++] = m->caps[i];
    }
    m->ncaps = o;
}

static void begin(chr__hmeta *m, int what, int depth, int seq)
{
    if (m->ncaps == m->capmax) {
        if (m->capmax >= MAX_CAPS)
            return; /* cannot happen, see above */
        int nc = m->capmax ? m->capmax * 2 : 8;
        chr__hcap *n = realloc(m->caps, (size_t)nc * sizeof *n);
        if (!n)
            return;
        m->caps = n;
        m->capmax = nc;
    }
    chr__hcap *c = &m->caps[m->ncaps++];
    c->what = what;
    c->depth = depth;
    c->seq = seq;
    c->nodes = 0;
    chr_buf_init(&c->b, (what == 3 ? LD_MAX_BYTES : TEXT_CAP) + 1);
}

/* One more node in every open text; a text that has its TEXT_MAX_NODES
 * nodes is complete. */
static void count_node(chr__hmeta *m)
{
    int done = 0;
    for (int i = 0; i < m->ncaps; i++) {
        chr__hcap *c = &m->caps[i];
        if (c->nodes++ >= TEXT_MAX_NODES) {
            complete(m, c);
            c->nodes = -1;
            done = 1;
        }
    }
    if (done)
        compact(m);
}

void chr__hmeta_node(chr__hmeta *m)
{
    m->last_text = 0;
    if (m->ncaps)
        count_node(m);
}

void chr__hmeta_text(chr__hmeta *m, const char *s, size_t n, int cdata)
{
    int kind = cdata ? 2 : 1;
    if (m->ncaps == 0) {
        m->last_text = kind;
        return;
    }
    if (m->last_text != kind)
        count_node(m);
    m->last_text = kind;
    int done = 0;
    for (int i = 0; i < m->ncaps; i++) {
        chr__hcap *c = &m->caps[i];
        size_t cap = c->what == 3 ? LD_MAX_BYTES : TEXT_CAP;
        if (n <= cap - c->b.len) {
            if (chr_buf_append(&c->b, s, n) == CHR_OK)
                continue;
            c->nodes = -1; /* out of memory: refused */
            done = 1;
            continue;
        }
        if (c->what != 3) {
            size_t k = cap - c->b.len;
            while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
                k--; /* s[k] is the first byte left out */
            if (chr_buf_append(&c->b, s, k) == CHR_OK)
                complete(m, c);
        }
        c->nodes = -1;
        done = 1;
    }
    if (done)
        compact(m);
}

void chr__hmeta_end(chr__hmeta *m, int depth)
{
    m->last_text = 0;
    int done = 0;
    for (int i = m->ncaps - 1; i >= 0 && m->caps[i].depth >= depth; i--) {
        complete(m, &m->caps[i]);
        m->caps[i].nodes = -1;
        done = 1;
    }
    if (done)
        compact(m);
}

static int has_word(const char *list, const char *w)
{
    if (!list)
        return 0;
    size_t k = strlen(w);
    for (const char *p = list; *p;) {
        while (*p && is_space((unsigned char)*p))
            p++;
        const char *e = p;
        while (*e && !is_space((unsigned char)*e))
            e++;
        if ((size_t)(e - p) == k && chr__ieq(p, k, w))
            return 1;
        p = e;
    }
    return 0;
}

void chr__hmeta_element(chr__hmeta *m, const char *name,
                        const chr__hattrs *at, int depth, int seq)
{
    const char *const *v = at->v;
    m->seq = seq;
    switch (name[0]) {
    case 'a':
        if (name[1] == '\0' && has_word(v[CHR__A_REL], "author"))
            begin(m, 1, depth, seq);
        break;
    case 'h':
        if (strcmp(name, "html") == 0 && !m->lang) {
            const char *l = v[CHR__A_LANG];
            size_t k = 0;
            while (l && k < 4 && ((l[k] >= 'a' && l[k] <= 'z') ||
                                  (l[k] >= 'A' && l[k] <= 'Z')))
                k++;
            if (l && (k == 2 || k == 3) && (!l[k] || l[k] == '-' || l[k] == '_')) {
                char tmp[4];
                for (size_t i = 0; i < k; i++)
                    tmp[i] = (char)(l[i] | 0x20);
                tmp[k] = '\0';
                m->lang = chr__arena_strdup(m->a, tmp);
            }
        }
        break;
    case 'l':
        if (strcmp(name, "link") == 0 && has_word(v[CHR__A_REL], "canonical"))
            offer(m, &m->url, &m->url_rank, &m->url_seq, 1, v[CHR__A_HREF]);
        break;
    case 'm':
        if (strcmp(name, "meta") == 0)
            on_meta(m, at);
        break;
    case 's':
        if (strcmp(name, "script") == 0 &&
            ieq(v[CHR__A_TYPE], "application/ld+json"))
            begin(m, 3, depth, seq);
        break;
    case 't':
        if (strcmp(name, "title") == 0)
            begin(m, 0, depth, seq);
        else if (strcmp(name, "time") == 0)
            offer_date(m, v[CHR__A_PUBDATE] ? 2 : 4, v[CHR__A_DATETIME]);
        break;
    }
    if (name[0] != 'm' && ieq(v[CHR__A_ITEMPROP], "datePublished")) {
        const char *d = v[CHR__A_DATETIME];
        if (!d)
            d = v[CHR__A_CONTENT];
        if (d)
            offer_date(m, 2, d);
        else
            begin(m, 2, depth, seq);
    }
}

void chr__hmeta_free(chr__hmeta *m)
{
    for (int i = 0; i < m->ncaps; i++)
        chr_buf_free(&m->caps[i].b);
    free(m->caps);
    m->caps = NULL;
    m->ncaps = m->capmax = 0;
}

static const char *strip_site(chr__arena *a, const char *t, const char *site)
{
    if (!t || !site)
        return t;
    static const char *const seps[] = {" | ", " - ", " \xE2\x80\x93 ",
                                       " \xE2\x80\x94 ", " :: ", " \xC2\xB7 ",
                                       " : "};
    size_t tl = strlen(t), sl = strlen(site);
    for (size_t i = 0; i < CHR__ARRAY_LEN(seps); i++) {
        size_t k = strlen(seps[i]);
        if (tl > sl + k && chr__ieq(t + tl - sl, sl, site) &&
            memcmp(t + tl - sl - k, seps[i], k) == 0)
            return chr__arena_strndup(a, t, tl - sl - k);
        if (tl > sl + k && chr__ieq(t, sl, site) &&
            memcmp(t + sl, seps[i], k) == 0)
            return chr__arena_strdup(a, t + sl + k);
    }
    return t;
}


void chr__hmeta_finish(chr__hmeta *m, const char *h1, chr__html *out)
{
    chr__hmeta_end(m, 0); /* texts of elements never closed */
    chr__hmeta_free(m);
    const char *title = m->title ? m->title : m->title_tag ? m->title_tag : h1;
    title = strip_site(m->a, title, m->site);
    out->title = title && *title ? title : h1;
    out->h1 = h1;
    out->published = m->date;
    out->outlet = m->site;
    out->byline = m->byline;
    out->lang = m->lang;
    out->url = m->url;
}
