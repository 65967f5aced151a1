/* htmlmeta.c — the metadata of an HTML page: title, publication date,
 * outlet, byline, language and canonical URL, from <meta> tags (Open Graph,
 * Dublin Core, article:*), JSON-LD (<script type="application/ld+json">,
 * arrays and @graph), <time datetime>, rel=author links and <title>. */
#include "read/html_int.h"

#include <jansson.h>
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
}

const char *chr__hattr(xmlNode *n, const char *name)
{
    for (xmlAttr *at = n->properties; at; at = at->next) {
        if (!at->name || strcmp((const char *)at->name, name) != 0)
            continue;
        xmlNode *c = at->children;
        if (c && c->type == XML_TEXT_NODE && c->content)
            return (const char *)c->content;
        return "";
    }
    return NULL;
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

static void offer(chr__hmeta *m, const char **slot, int *rank, int r,
                  const char *v)
{
    if (r >= *rank || !v)
        return;
    const char *c = chr__collapse(m->a, v, META_CAP);
    if (c) {
        *slot = c;
        *rank = r;
    }
}

static void offer_date(chr__hmeta *m, int r, const char *v)
{
    if (r >= m->date_rank || !v)
        return;
    size_t n = strlen(v);
    const char *s = chr__trim(v, &n);
    char iso[11];
    if (chr__parse_date(s, n, iso)) {
        const char *c = chr__arena_strdup(m->a, iso);
        if (c) {
            m->date = c;
            m->date_rank = r;
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
    offer(m, &m->byline, &m->byline_rank, r, v);
}

static const char *const date_keys[] = {
    "date", "pubdate", "publishdate", "publish-date", "publish_date",
    "dc.date", "dc.date.issued", "dc.date.created", "dcterms.date",
    "dcterms.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
    "datepublished", "original-publish-date", "article.published",
    "citation_publication_date", "citation_date", "article_date_original",
};

static void on_meta(chr__hmeta *m, xmlNode *n)
{
    const char *content = chr__hattr(n, "content");
    if (!content)
        return;
    const char *keys[3] = {chr__hattr(n, "property"), chr__hattr(n, "name"),
                           chr__hattr(n, "itemprop")};
    for (int k = 0; k < 3; k++) {
        const char *key = keys[k];
        if (!key)
            continue;
        if (ieq(key, "og:title"))
            offer(m, &m->title, &m->title_rank, 1, content);
        else if (ieq(key, "twitter:title") || ieq(key, "headline"))
            offer(m, &m->title, &m->title_rank, 2, content);
        else if (ieq(key, "og:site_name"))
            offer(m, &m->site, &m->site_rank, 1, content);
        else if (ieq(key, "og:url"))
            offer(m, &m->url, &m->url_rank, 2, content);
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
        offer(m, &m->title, &m->title_rank, 2, json_string_value(hl));
    json_t *au = json_object_get(v, "author");
    if (au)
        offer_byline(m, 2, ld_name(au));
    json_t *pub = json_object_get(v, "publisher");
    if (pub)
        offer(m, &m->site, &m->site_rank, 2, ld_name(pub));
    json_t *me = json_object_get(v, "mainEntity");
    if (json_is_object(me))
        ld_visit(m, me, depth + 1);
}

/* The text of n's subtree, like xmlNodeGetContent() but bounded: at most
 * TEXT_MAX_NODES nodes are visited and `cap` bytes kept, so a metadata
 * element nested a hundred thousand times (each one would re-read its whole
 * subtree) costs linear time. Longer text is cut at a UTF-8 boundary when
 * `cut`, else refused. Returns 1 with the NUL-terminated text in *b (free
 * it with chr_buf_free), 0 when refused or out of memory. */
#define TEXT_MAX_NODES 256
static int subtree_text(xmlNode *n, size_t cap, int cut, chr_buf *b)
{
    chr_buf_init(b, cap + 1);
    if (chr_buf_putc(b, '\0') != CHR_OK)
        return 0;
    b->len = 0; /* data is now non-NULL and "" */
    size_t seen = 0;
    xmlNode *c = n->children;
    while (c && seen++ < TEXT_MAX_NODES) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
            c->content) {
            const char *t = (const char *)c->content;
            size_t k = strlen(t);
            if (k > cap - b->len) {
                if (!cut)
                    return 0;
                k = cap - b->len;
                while (k > 0 && ((unsigned char)t[k] & 0xC0) == 0x80)
                    k--; /* t[k] is the first byte left out */
                chr_buf_append(b, t, k);
                return 1;
            }
            if (chr_buf_append(b, t, k) != CHR_OK)
                return 0;
        }
        if (c->type == XML_ELEMENT_NODE && c->children) {
            c = c->children;
            continue;
        }
        while (c && c != n && !c->next)
            c = c->parent;
        if (!c || c == n)
            break;
        c = c->next;
    }
    return 1;
}

static void on_ld_json(chr__hmeta *m, xmlNode *n)
{
    chr_buf b;
    if (subtree_text(n, LD_MAX_BYTES, 0, &b) && b.len > 0) {
        json_error_t jerr;
        json_t *root = json_loadb(b.data, b.len, 0, &jerr);
        if (root) {
            ld_visit(m, root, 0);
            json_decref(root);
        }
    }
    chr_buf_free(&b);
}

static void on_text_of(chr__hmeta *m, xmlNode *n, int what)
{
    chr_buf b;
    /* chr__collapse reads at most 4 * META_CAP bytes anyway */
    if (subtree_text(n, 4 * META_CAP, 1, &b)) {
        const char *txt = b.data;
        if (what == 0 && !m->title_tag)
            m->title_tag = chr__collapse(m->a, txt, META_CAP);
        else if (what == 1)
            offer_byline(m, 3, txt);
        else if (what == 2)
            offer_date(m, 2, txt);
    }
    chr_buf_free(&b);
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

void chr__hmeta_element(chr__hmeta *m, xmlNode *n, const char *name)
{
    switch (name[0]) {
    case 'a':
        if (strcmp(name, "a") == 0 && has_word(chr__hattr(n, "rel"), "author"))
            on_text_of(m, n, 1);
        break;
    case 'h':
        if (strcmp(name, "html") == 0 && !m->lang) {
            const char *l = chr__hattr(n, "lang");
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
        if (strcmp(name, "link") == 0 &&
            has_word(chr__hattr(n, "rel"), "canonical"))
            offer(m, &m->url, &m->url_rank, 1, chr__hattr(n, "href"));
        break;
    case 'm':
        if (strcmp(name, "meta") == 0)
            on_meta(m, n);
        break;
    case 's':
        if (strcmp(name, "script") == 0 &&
            ieq(chr__hattr(n, "type"), "application/ld+json"))
            on_ld_json(m, n);
        break;
    case 't':
        if (strcmp(name, "title") == 0)
            on_text_of(m, n, 0);
        else if (strcmp(name, "time") == 0)
            offer_date(m, chr__hattr(n, "pubdate") ? 2 : 4,
                       chr__hattr(n, "datetime"));
        break;
    }
    if (name[0] != 'm' && ieq(chr__hattr(n, "itemprop"), "datePublished")) {
        const char *v = chr__hattr(n, "datetime");
        if (!v)
            v = chr__hattr(n, "content");
        if (v)
            offer_date(m, 2, v);
        else
            on_text_of(m, n, 2);
    }
}

/* "Title - Site", "Title | Site", "Site | Title" -> "Title" when the Site
 * part is the outlet's name. */
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
