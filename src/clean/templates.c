/* templates.c — site-template lines (see templates.h). */
#include "clean/templates.h"

#include "text/text.h"

#include <stdlib.h>
#include <string.h>

static uint64_t mix(uint64_t site, uint64_t line)
{
    uint64_t k = site * 0x9e3779b97f4a7c15ULL ^ line;
    return k ? k : 1;
}

chr_templates *chr__templates_new(void)
{
    chr_templates *t = calloc(1, sizeof *t);
    if (t)
        chr__map_init(&t->keys);
    return t;
}

void chr__templates_free(chr_templates *t)
{
    if (!t)
        return;
    chr__map_free(&t->keys);
    free(t);
}

size_t chr_templates_count(const chr_templates *t)
{
    return t ? t->keys.len : 0;
}

chr_status chr__templates_add(chr_templates *t, uint64_t site, uint64_t line)
{
    uint64_t *v = chr__map_slot(&t->keys, mix(site, line));
    if (!v)
        return CHR_NOMEM;
    *v = 1;
    return CHR_OK;
}

int chr__templates_has(const chr_templates *t, uint64_t site, uint64_t line)
{
    return t && site && line && chr__map_get(&t->keys, mix(site, line));
}

/* The host of a URL, lower-case, without "www."; writes into out[cap]. */
static size_t url_host(const char *url, char *out, size_t cap)
{
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    if (strncmp(p, "www.", 4) == 0)
        p += 4;
    size_t n = 0;
    while (p[n] && p[n] != '/' && p[n] != ':' && p[n] != '?' &&
           p[n] != '#' && n + 1 < cap) {
        char c = p[n];
        out[n] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        n++;
    }
    out[n] = '\0';
    return n;
}

uint64_t chr__site_key(const char *outlet, const char *url)
{
    char buf[256];
    size_t n = 0;
    if (outlet && *outlet) {
        n = chr__fold_word(outlet, strlen(outlet), buf, sizeof buf);
        if (n)
            return chr__hash64(buf, n) | 1;
    }
    if (url && *url && (n = url_host(url, buf, sizeof buf)) > 0)
        return chr__hash64(buf, n) | 1;
    return 0;
}

uint64_t chr__line_key(const char *s, size_t n)
{
    uint64_t hi, lo;
    size_t k = n;
    const char *t = chr__trim(s, &k);
    if (!k)
        return 0;
    chr__text_hash128(t, k, &hi, &lo);
    return lo ? lo : 1;
}

chr_status chr__templates_apply(const chr_templates *t, chr_doc *doc,
                                chr__arena *a)
{
    if (!t || !t->keys.len || !doc->body_len)
        return CHR_OK;
    uint64_t site = chr__site_key(doc->outlet, doc->url);
    if (!site)
        return CHR_OK;
    chr_buf body;
    chr_buf_init(&body, 0);
    chr__vec removed;
    chr__vec_init(&removed, sizeof(chr_removed));
    size_t dropped = 0;
    chr_status st = CHR_OK;
    size_t pos = 0, at, n;
    while (st == CHR_OK &&
           chr__next_paragraph(doc->body, doc->body_len, &pos, &at, &n)) {
        const char *p = doc->body + at;
        if (n <= CHR__TEMPLATE_MAX_BYTES &&
            chr__templates_has(t, site, chr__line_key(p, n))) {
            chr_removed *r = chr__vec_push(&removed, a);
            if (!r) {
                st = CHR_NOMEM;
                break;
            }
            r->text = chr__arena_strndup(a, p, n);
            r->reason = "template";
            dropped++;
        } else {
            if (body.len)
                st = chr_buf_puts(&body, "\n\n");
            if (st == CHR_OK)
                st = chr_buf_append(&body, p, n);
        }
    }
    if (st == CHR_OK && dropped) {
        char *nb = chr__arena_strndup(a, body.data ? body.data : "",
                                      body.len);
        chr_removed *all =
            chr__arena_alloc(a, (doc->n_removed + dropped) * sizeof *all);
        if (!nb || !all) {
            st = CHR_NOMEM;
        } else {
            if (doc->n_removed)
                memcpy(all, doc->removed, doc->n_removed * sizeof *all);
            memcpy(all + doc->n_removed, removed.items,
                   dropped * sizeof *all);
            doc->removed = all;
            doc->n_removed += dropped;
            doc->body = nb;
            doc->body_len = body.len;
        }
    }
    chr_buf_free(&body);
    return st;
}
