/* html.c — HTML to blocks with libxml2's forgiving HTML parser. The tree
 * is walked without recursion (parent/next pointers); a context stack of
 * at most MAX_FRAMES elements carries hints and flags, and anything deeper
 * is treated as inline text of the deepest block, so a million nested tags
 * cost no stack. Inline text directly under a container becomes a block of
 * its own; two <br> in a row also end a block. */
#include "read/html_int.h"
#include "text/text.h"

#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FRAMES 256
#define HINTS_CAP 256

enum {
    F_BLOCK = 1,   /* starts and ends a block */
    F_DROP = 2,    /* subtree ignored */
    F_BOILER = 4,  /* navigation, header, footer, ... */
    F_ARTICLE = 8, /* article, main */
    F_LINK = 16,
    F_BR = 32,
};

typedef struct tagdef {
    const char *name;
    int flags;
} tagdef;

static const tagdef tags[] = {
    {"a", F_LINK}, {"address", F_BLOCK}, {"article", F_BLOCK | F_ARTICLE},
    {"aside", F_BLOCK | F_BOILER}, {"audio", F_DROP}, {"blockquote", F_BLOCK},
    {"body", F_BLOCK}, {"br", F_BR}, {"button", F_DROP}, {"canvas", F_DROP},
    {"caption", F_BLOCK}, {"center", F_BLOCK}, {"dd", F_BLOCK},
    {"details", F_BLOCK}, {"dialog", F_BLOCK | F_BOILER}, {"div", F_BLOCK},
    {"dl", F_BLOCK}, {"dt", F_BLOCK}, {"embed", F_DROP},
    {"fieldset", F_BLOCK}, {"figcaption", F_BLOCK | F_BOILER},
    {"figure", F_BLOCK | F_BOILER}, {"footer", F_BLOCK | F_BOILER},
    {"form", F_BLOCK}, {"h1", F_BLOCK}, {"h2", F_BLOCK},
    {"h3", F_BLOCK}, {"h4", F_BLOCK}, {"h5", F_BLOCK}, {"h6", F_BLOCK},
{"header", F_BLOCK | F_BOILER}, {"hgroup", F_BLOCK},
    {"hr", F_BLOCK}, {"html", F_BLOCK}, {"iframe", F_DROP},
    {"legend", F_BLOCK}, {"li", F_BLOCK}, {"main", F_BLOCK | F_ARTICLE},
    {"map", F_DROP}, {"math", F_DROP}, {"menu", F_BLOCK | F_BOILER},
    {"nav", F_BLOCK | F_BOILER}, {"noscript", F_DROP}, {"object", F_DROP},
    {"ol", F_BLOCK}, {"option", F_DROP}, {"p", F_BLOCK}, {"pre", F_BLOCK},
    {"script", F_DROP}, {"section", F_BLOCK}, {"select", F_DROP},
    {"style", F_DROP}, {"summary", F_BLOCK}, {"svg", F_DROP},
    {"table", F_BLOCK}, {"tbody", F_BLOCK}, {"td", F_BLOCK},
    {"template", F_DROP}, {"textarea", F_DROP}, {"tfoot", F_BLOCK},
    {"th", F_BLOCK}, {"thead", F_BLOCK}, {"title", F_DROP}, {"tr", F_BLOCK},
    {"ul", F_BLOCK}, {"video", F_DROP},
};

static const tagdef *find_tag(const char *name)
{
    size_t lo = 0, hi = CHR__ARRAY_LEN(tags);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(name, tags[mid].name);
        if (c == 0)
            return &tags[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

typedef struct frame {
    const char *tag;   /* static name of a block element ("body" at root) */
    const char *hints; /* own[] or an ancestor's */
    int in_article, in_boiler;
    int block;         /* index of the nearest block frame */
    int elem;          /* index in walk.elems of the nearest block element */
    int depth;
    int flags;
    char own[HINTS_CAP + 1];
} frame;

typedef struct walk {
    chr__arena *a;
    chr__vec blocks;
    chr__vec elems;
    chr_buf run;
    size_t run_links;
    int link_depth;
    int pending_space;
    int pending_in_link; /* the pending space was seen inside <a> */
    int br_run; /* <br> seen with no text since */
    frame *fr;
    int nfr;
    int overflow;
    const char *last_hints_src, *last_hints;
    const char *h1;
    chr__hmeta meta;
    int nomem;
} walk;

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

static void flush(walk *w)
{
    w->pending_space = 0;
    w->br_run = 0;
    if (w->run.len == 0) {
        w->run_links = 0;
        return;
    }
    frame *b = &w->fr[w->fr[w->nfr - 1].block];
    chr__block *blk = chr__vec_push(&w->blocks, w->a);
    char *text = chr__arena_strndup(w->a, w->run.data, w->run.len);
    const char *hints = b->hints;
    if (hints != w->last_hints_src || !w->last_hints ||
        strcmp(hints, w->last_hints) != 0) {
        w->last_hints = chr__arena_strdup(w->a, hints);
        w->last_hints_src = hints;
    }
    if (!blk || !text || !w->last_hints) {
        w->nomem = 1;
    } else {
        blk->text = text;
        blk->len = w->run.len;
        blk->tag = b->tag;
        blk->hints = w->last_hints;
        blk->link_chars = w->run_links < w->run.len ? w->run_links : w->run.len;
        blk->depth = b->depth;
        blk->in_article = b->in_article;
        blk->in_boiler = b->in_boiler;
        blk->elem = b->elem;
        if (!w->h1 && strcmp(b->tag, "h1") == 0)
            w->h1 = text;
    }
    chr_buf_reset(&w->run);
    w->run_links = 0;
}

static void space(walk *w)
{
    if (!w->pending_space)
        w->pending_in_link = w->link_depth > 0;
    w->pending_space = 1;
}

static void add_text(walk *w, const char *s)
{
    for (size_t i = 0; s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_space(c) || (c == 0xC2 && (unsigned char)s[i + 1] == 0xA0)) {
            if (c == 0xC2)
                i++;
            space(w);
            continue;
        }
        size_t j = i;
        while (s[j] && !is_space((unsigned char)s[j]) &&
               !((unsigned char)s[j] == 0xC2 && (unsigned char)s[j + 1] == 0xA0))
            j++;
        if (w->pending_space && w->run.len > 0) {
            if (chr_buf_putc(&w->run, ' ') == CHR_OK && w->link_depth > 0 &&
                w->pending_in_link)
                w->run_links++;
        }
        w->pending_space = 0;
        if (chr_buf_append(&w->run, s + i, j - i) == CHR_OK && w->link_depth > 0)
            w->run_links += j - i;
        w->br_run = 0;
        i = j - 1;
    }
}

static void lower_into(char *dst, size_t *o, const char *s)
{
    int space = *o > 0;
    for (; s && *s && *o < HINTS_CAP; s++) {
        unsigned char c = (unsigned char)*s;
        if (is_space(c)) {
            space = *o > 0;
            continue;
        }
        if (space) {
            if (*o + 1 >= HINTS_CAP)
                break;
            dst[(*o)++] = ' ';
            space = 0;
        }
        dst[(*o)++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    dst[*o] = '\0';
}

static int role_is(const char *role, const char *const *list, size_t n)
{
    if (!role)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (chr__ieq(role, strlen(role), list[i]))
            return 1;
    return 0;
}

static const char *const boiler_roles[] = {
    "navigation", "banner", "contentinfo", "complementary", "menu",
    "menubar", "search", "dialog", "alert",
};

/* Pushes a frame for element n. */
static void push(walk *w, xmlNode *n, const tagdef *td, int depth)
{
    if (w->nfr >= MAX_FRAMES) {
        w->overflow++;
        return;
    }
    frame *p = &w->fr[w->nfr - 1];
    frame *f = &w->fr[w->nfr];
    f->flags = td ? td->flags : 0;
    f->depth = depth;
    f->in_article = p->in_article || (f->flags & F_ARTICLE);
    /* an <article> or <main> inside a boilerplate container (sites that wrap
       the whole page in a <header> or an ASP.NET <form>) is content */
    f->in_boiler = (f->flags & F_ARTICLE)
                       ? 0
                       : p->in_boiler || (f->flags & F_BOILER);
    const char *cls = chr__hattr(n, "class"), *id = chr__hattr(n, "id");
    const char *ip = chr__hattr(n, "itemprop"), *role = chr__hattr(n, "role");
    if (ip && strstr(ip, "articleBody"))
        f->in_article = 1, f->in_boiler = 0;
    if (role && chr__ieq(role, strlen(role), "main"))
        f->in_article = 1, f->in_boiler = 0;
    if (role_is(role, boiler_roles, CHR__ARRAY_LEN(boiler_roles)))
        f->in_boiler = 1;
    size_t own_len = 0;
    if ((cls && *cls) || (id && *id)) {
        size_t o = 0;
        lower_into(f->own, &o, cls);
        lower_into(f->own, &o, id);
        own_len = o;
        lower_into(f->own, &o, p->hints);
        f->hints = f->own;
    } else {
        f->hints = p->hints;
    }
    if (f->flags & F_BLOCK) {
        f->tag = td->name;
        f->block = w->nfr;
        f->elem = p->elem;
        chr__elem *e = chr__vec_push(&w->elems, w->a);
        const char *own = own_len ? chr__arena_strndup(w->a, f->own, own_len)
                                  : "";
        if (!e || !own) {
            w->nomem = 1;
        } else {
            e->parent = p->elem;
            e->tag = td->name;
            e->own = own;
            e->article = f->in_article && !p->in_article;
            f->elem = (int)(w->elems.len - 1);
        }
    } else {
        f->tag = p->tag;
        f->block = p->block;
        f->elem = p->elem;
    }
    w->nfr++;
}

static int hidden(xmlNode *n)
{
    if (chr__hattr(n, "hidden"))
        return 1;
    const char *st = chr__hattr(n, "style");
    if (!st)
        return 0;
    char tmp[128];
    size_t o = 0;
    for (; *st && o + 1 < sizeof tmp; st++)
        if (!is_space((unsigned char)*st))
            tmp[o++] = (char)(*st >= 'A' && *st <= 'Z' ? *st + 32 : *st);
    tmp[o] = '\0';
    return strstr(tmp, "display:none") != NULL;
}

/* Returns 1 when the walk should descend into n's children. */
static int enter(walk *w, xmlNode *n, int depth)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
            add_text(w, (const char *)n->content);
        return 0;
    }
    if (n->type != XML_ELEMENT_NODE || !n->name)
        return 0;
    const char *name = (const char *)n->name;
    chr__hmeta_element(&w->meta, n, name);
    const tagdef *td = find_tag(name);
    int flags = td ? td->flags : 0;
    if (flags & F_DROP)
        return 0;
    if (hidden(n))
        return 0;
    if (flags & F_BR) {
        if (w->br_run)
            flush(w);
        else
            w->br_run = 1;
        space(w);
        return 0;
    }
    if ((flags & F_BLOCK) && w->overflow == 0 && w->nfr < MAX_FRAMES)
        flush(w);
    else if (flags & F_BLOCK)
        space(w);
    if (flags & F_LINK)
        w->link_depth++;
    push(w, n, td, depth);
    if (n->children)
        return 1;
    return -1; /* pushed, no children: leave at once */
}

static void leave(walk *w, xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE || !n->name)
        return;
    const tagdef *td = find_tag((const char *)n->name);
    int flags = td ? td->flags : 0;
    if (flags & F_LINK)
        w->link_depth--;
    if (w->overflow > 0) {
        w->overflow--;
        if (flags & F_BLOCK)
            space(w);
        return;
    }
    if (flags & F_BLOCK)
        flush(w);
    if (w->nfr > 1)
        w->nfr--;
}

chr_status chr__html_parse(const char *data, size_t len, chr__arena *a,
                           chr__html *out, chr_error *err)
{
    memset(out, 0, sizeof *out);
    if (!data || !a)
        return chr__fail(err, CHR_INVALID, NULL, -1, "no data");
    size_t clen = 0;
    int nomem = 0;
    char *conv = chr__html_to_utf8(data, len, &clen, &nomem);
    if (nomem)
        return chr__fail(err, CHR_NOMEM, NULL, -1, "out of memory");
    if (conv) {
        data = conv;
        len = clen;
    }
    if (len > INT32_MAX) {
        free(conv);
        return chr__fail(err, CHR_TOOBIG, NULL, -1, "page too large");
    }
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
               HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE;
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt) {
        free(conv);
        return chr__fail(err, CHR_NOMEM, NULL, -1, "out of memory");
    }
    /* always UTF-8 here: an explicit encoding also overrides meta charset */
    htmlDocPtr doc =
        htmlCtxtReadMemory(ctxt, data, (int)len, NULL, "UTF-8", opts);
    htmlFreeParserCtxt(ctxt);
    free(conv);
    if (!doc)
        return chr__fail(err, CHR_PARSE, NULL, -1, "no HTML tree");
    walk w;
    memset(&w, 0, sizeof w);
    w.a = a;
    chr__vec_init(&w.blocks, sizeof(chr__block));
    chr_buf_init(&w.run, len + 65536);
    chr__hmeta_init(&w.meta, a);
    w.fr = calloc(MAX_FRAMES, sizeof *w.fr);
    if (!w.fr) {
        xmlFreeDoc(doc);
        return chr__fail(err, CHR_NOMEM, NULL, -1, "out of memory");
    }
    w.fr[0].tag = "body";
    w.fr[0].hints = "";
    w.fr[0].elem = 0;
    w.nfr = 1;
    chr__vec_init(&w.elems, sizeof(chr__elem));
    chr__elem *root_elem = chr__vec_push(&w.elems, a);
    if (root_elem) {
        root_elem->parent = -1;
        root_elem->tag = "body";
        root_elem->own = "";
        root_elem->article = 0;
    } else {
        w.nomem = 1;
    }
    /* iterative pre-order walk; `depth` is the tree depth of node n */
    xmlNode *root = (xmlNode *)doc;
    xmlNode *n = root->children;
    int depth = 1;
    while (n && !w.nomem) {
        int r = enter(&w, n, depth);
        if (r == 1) {
            n = n->children;
            depth++;
            continue;
        }
        if (r == -1)
            leave(&w, n);
        while (n && n != root && !n->next) {
            n = n->parent;
            depth--;
            if (n && n != root)
                leave(&w, n);
        }
        if (!n || n == root)
            break;
        n = n->next;
    }
    flush(&w);
    chr__hmeta_finish(&w.meta, w.h1, out);
    out->blocks = w.blocks.items;
    out->n_blocks = w.blocks.len;
    out->elems = w.elems.items;
    out->n_elems = w.elems.len;
    free(w.fr);
    chr_buf_free(&w.run);
    xmlFreeDoc(doc);
    if (w.nomem)
        return chr__fail(err, CHR_NOMEM, NULL, -1, "out of memory");
    return CHR_OK;
}
