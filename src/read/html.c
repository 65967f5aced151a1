/* html.c — HTML to blocks with libxml2's forgiving HTML parser in SAX
 * mode: no tree is built; start/end/text events drive a context stack of
 * at most MAX_FRAMES elements carrying hints and flags, and anything deeper
 * is treated as inline text of the deepest block, so a million nested tags
 * cost no C stack (one byte of flags per open element). The output is what
 * a walk of libxml2's tree gives. Inline text directly under a container
 * becomes a block of its own; two <br> in a row also end a block. */
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

/* find_tag() by name pointer: libxml2 hands out element names from its
 * dictionary (or its own constants), the same pointer for the same name
 * during one parse. */
#define TAG_CACHE 64
typedef struct tag_cache {
    const void *key[TAG_CACHE];
    const tagdef *td[TAG_CACHE];
} tag_cache;

static const tagdef *lookup_tag(tag_cache *c, const xmlChar *name)
{
    size_t h = ((uintptr_t)name >> 3) % TAG_CACHE;
    if (c->key[h] == name)
        return c->td[h];
    const tagdef *td = find_tag((const char *)name);
    c->key[h] = name;
    c->td[h] = td;
    return td;
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
    htmlParserCtxtPtr ctxt;
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
    unsigned char *open; /* flags of each open element, open[depth - 1] */
    size_t open_cap;
    int depth;   /* open elements */
    int skip;    /* > 0: inside a dropped subtree, its open elements */
    int seq;     /* elements met */
    tag_cache tags;
    int started; /* the parser began a document */
    int first;   /* the tree's first top-level node: 0 none yet, 1 the
                    root element, 2 a doctype, comment or PI */
    int kept;    /* the root element stays open after its end, see close */
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

static int nbsp_at(const char *s, size_t i, size_t n)
{
    return (unsigned char)s[i] == 0xC2 && i + 1 < n &&
           (unsigned char)s[i + 1] == 0xA0;
}

/* Text s[0..n); libxml2 hands over a text node in pieces cut between
 * characters, which this handles as if it came whole. */
static void add_text(walk *w, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_space(c) || nbsp_at(s, i, n)) {
            if (c == 0xC2)
                i++;
            space(w);
            continue;
        }
        size_t j = i;
        while (j < n && !is_space((unsigned char)s[j]) && !nbsp_at(s, j, n))
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

/* lower_into() for hints that are already lower-case and single-spaced
 * (an ancestor's): the same bytes, copied at once. */
static void append_hints(char *dst, size_t *o, const char *h)
{
    size_t n = strlen(h);
    if (n == 0 || *o >= HINTS_CAP)
        return;
    if (*o > 0) {
        if (*o + 1 >= HINTS_CAP)
            return;
        dst[(*o)++] = ' ';
    }
    size_t room = HINTS_CAP - *o;
    if (n > room) {
        n = room;
        while (n > 0 && h[n - 1] == ' ')
            n--; /* lower_into() never ends on a space */
    }
    memcpy(dst + *o, h, n);
    *o += n;
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
/* Pushes a frame for an element. */
static void push(walk *w, const chr__hattrs *at, const tagdef *td, int depth)
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
    const char *cls = at->v[CHR__A_CLASS], *id = at->v[CHR__A_ID];
    const char *ip = at->v[CHR__A_ITEMPROP], *role = at->v[CHR__A_ROLE];
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
        append_hints(f->own, &o, p->hints);
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

static int hidden(const chr__hattrs *at)
{
    if (at->v[CHR__A_HIDDEN])
        return 1;
    const char *st = at->v[CHR__A_STYLE];
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

/* An element starts (not inside a dropped subtree). Returns its flags,
 * with F_DROP when its subtree is to be ignored (also <br>, which has
 * none). */
static int enter(walk *w, const xmlChar *name, const chr__hattrs *at)
{
    const tagdef *td = lookup_tag(&w->tags, name);
    int flags = td ? td->flags : 0;
    if (flags & F_DROP)
        return F_DROP;
    if (hidden(at))
        return F_DROP;
    if (flags & F_BR) {
        if (w->br_run)
            flush(w);
        else
            w->br_run = 1;
        space(w);
        return F_DROP;
    }
    if ((flags & F_BLOCK) && w->overflow == 0 && w->nfr < MAX_FRAMES)
        flush(w);
    else if (flags & F_BLOCK)
        space(w);
    if (flags & F_LINK)
        w->link_depth++;
    push(w, at, td, w->depth);
    return flags;
}

/* The element entered with `flags` ends. */
static void leave(walk *w, int flags)
{
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

/* ---- SAX handlers; ctx is the parser context, its _private the walk ---- */

static void stop(walk *w)
{
    w->nomem = 1;
    xmlStopParser(w->ctxt);
}

/* The innermost open element ends. */
static void end_one(walk *w)
{
    chr__hmeta_end(&w->meta, w->depth);
    int flags = w->open[w->depth - 1];
    if (w->skip > 0)
        w->skip--;
    else
        leave(w, flags);
    w->depth--;
}

/* Closes the innermost open element. libxml2's tree builder hangs a second
 * top-level element under the first node of the document when that is the
 * root element (text after </html> gets an implied <html>, which nests in
 * the first), so the root is kept open until the end in that case. */
static void close_one(walk *w)
{
    if (w->depth == 1 && !w->kept && w->first == 1) {
        w->kept = 1;
        return;
    }
    end_one(w);
}

/* libxml2 pops an element without an end event when its start tag is cut
 * short (`<div class=x` then a control character or the end); the tree
 * keeps it, empty, and goes on in its parent: so do we, before the next
 * event, when the parser has fewer elements open than we do. */
static void sync(walk *w, int open)
{
    while (w->depth > open + w->kept && w->depth > 0)
        close_one(w);
}

static void on_start_document(void *ctx)
{
    walk *w = ((htmlParserCtxtPtr)ctx)->_private;
    w->started = 1;
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    walk *w = ((htmlParserCtxtPtr)ctx)->_private;
    if (w->nomem)
        return;
    sync(w, w->ctxt->nameNr - 1);
    if (w->ctxt->nameNr == 1) { /* a top-level element */
        if (w->first == 0)
            w->first = 1;
        else if (w->first == 2 && w->kept) {
            w->kept = 0; /* it goes after the root, not in it */
            end_one(w);
        }
    }
    if ((size_t)w->depth == w->open_cap) {
        size_t nc = w->open_cap * 2;
        unsigned char *n = realloc(w->open, nc);
        if (!n) {
            stop(w);
            return;
        }
        w->open = n;
        w->open_cap = nc;
    }
    w->depth++;
    w->open[w->depth - 1] = 0;
    chr__hmeta_node(&w->meta);
    if (w->skip > 0) {
        w->skip++;
        return;
    }
    chr__hattrs at;
    chr__hattrs_read(&at, atts);
    chr__hmeta_element(&w->meta, (const char *)name, &at, w->depth, ++w->seq);
    int flags = enter(w, name, &at);
    if (flags & F_DROP)
        w->skip = 1;
    else
        w->open[w->depth - 1] = (unsigned char)flags;
    if (w->nomem)
        stop(w);
}

static void on_end(void *ctx, const xmlChar *name)
{
    (void)name; /* always the innermost open element's */
    walk *w = ((htmlParserCtxtPtr)ctx)->_private;
    if (w->nomem)
        return;
    sync(w, w->ctxt->nameNr);
    if (w->depth > w->kept)
        close_one(w);
    if (w->nomem)
        stop(w);
}

static void text(void *ctx, const xmlChar *s, int len, int cdata)
{
    walk *w = ((htmlParserCtxtPtr)ctx)->_private;
    if (w->nomem || len <= 0)
        return;
    sync(w, w->ctxt->nameNr);
    if (w->ctxt->nameNr == 0)
        return; /* the tree drops text outside any element */
    chr__hmeta_text(&w->meta, (const char *)s, (size_t)len, cdata);
    if (w->skip == 0)
        add_text(w, (const char *)s, (size_t)len);
}

static void on_text(void *ctx, const xmlChar *s, int len)
{
    text(ctx, s, len, 0);
}

static void on_cdata(void *ctx, const xmlChar *s, int len)
{
    text(ctx, s, len, 1);
}

/* comments and processing instructions: nodes of the tree, no text */
static void on_other_node(walk *w)
{
    if (w->nomem)
        return;
    sync(w, w->ctxt->nameNr);
    if (w->ctxt->nameNr > 0)
        chr__hmeta_node(&w->meta);
    else if (w->first == 0)
        w->first = 2;
}

static void on_doctype(void *ctx, const xmlChar *name, const xmlChar *ext,
                       const xmlChar *sys)
{
    (void)name;
    (void)ext;
    (void)sys;
    walk *w = ((htmlParserCtxtPtr)ctx)->_private;
    w->first = 2; /* the tree puts the doctype first */
}

static void on_comment(void *ctx, const xmlChar *value)
{
    (void)value;
    on_other_node(((htmlParserCtxtPtr)ctx)->_private);
}

static void on_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
    (void)target;
    (void)data;
    on_other_node(((htmlParserCtxtPtr)ctx)->_private);
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
    /* scripts and style sheets are half of a page's bytes: drop their text
       before libxml2 reads it character by character */
    char *stripped = chr__html_strip_raw(data, len, &clen);
    if (!stripped) {
        free(conv);
        return chr__fail(err, CHR_NOMEM, NULL, -1, "out of memory");
    }
    free(conv);
    conv = stripped;
    data = conv;
    len = clen;
    if (len > INT32_MAX) {
        free(conv);
        return chr__fail(err, CHR_TOOBIG, NULL, -1, "page too large");
    }
    walk w;
    memset(&w, 0, sizeof w);
    w.a = a;
    chr__vec_init(&w.blocks, sizeof(chr__block));
    chr__vec_init(&w.elems, sizeof(chr__elem));
    chr_buf_init(&w.run, len + 65536);
    chr__hmeta_init(&w.meta, a);
    w.fr = calloc(MAX_FRAMES, sizeof *w.fr);
    w.open_cap = 256;
    w.open = malloc(w.open_cap);
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!w.fr || !w.open || !ctxt) {
        free(w.fr);
        free(w.open);
        if (ctxt)
            htmlFreeParserCtxt(ctxt);
        free(conv);
        return chr__fail(err, CHR_NOMEM, NULL, -1, "out of memory");
    }
    w.fr[0].tag = "body";
    w.fr[0].hints = "";
    w.fr[0].elem = 0;
    w.nfr = 1;
    chr__elem *root_elem = chr__vec_push(&w.elems, a);
    if (root_elem) {
        root_elem->parent = -1;
        root_elem->tag = "body";
        root_elem->own = "";
        root_elem->article = 0;
    } else {
        w.nomem = 1;
    }
    /* the handlers replace the tree builder; ignorable whitespace is only
       reported with HTML_PARSE_NOBLANKS, and the tree builder drops it */
    htmlSAXHandler *sax = (htmlSAXHandler *)ctxt->sax;
    memset(sax, 0, sizeof *sax);
    sax->startDocument = on_start_document;
    sax->startElement = on_start;
    sax->endElement = on_end;
    sax->characters = on_text;
    sax->cdataBlock = on_cdata;
    sax->comment = on_comment;
    sax->processingInstruction = on_pi;
    sax->internalSubset = on_doctype;
    sax->initialized = 1;
    ctxt->_private = &w;
    w.ctxt = ctxt;
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
               HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE;
    if (!w.nomem) {
        /* always UTF-8 here: an explicit encoding also overrides meta
           charset; no document is built, so this returns NULL */
        htmlDocPtr doc =
            htmlCtxtReadMemory(ctxt, data, (int)len, NULL, "UTF-8", opts);
        if (doc)
            xmlFreeDoc(doc);
    }
    htmlFreeParserCtxt(ctxt);
    free(conv);
    while (!w.nomem && w.depth > 0)
        end_one(&w); /* the root, and what a parse cut short leaves open */
    free(w.open);
    if (!w.started && !w.nomem) {
        chr__hmeta_free(&w.meta);
        free(w.fr);
        chr_buf_free(&w.run);
        return chr__fail(err, CHR_PARSE, NULL, -1, "no HTML document");
    }
    flush(&w);
    chr__hmeta_finish(&w.meta, w.h1, out);
    out->blocks = w.blocks.items;
    out->n_blocks = w.blocks.len;
    out->elems = w.elems.items;
    out->n_elems = w.elems.len;
    free(w.fr);
    chr_buf_free(&w.run);
    if (w.nomem)
        return chr__fail(err, CHR_NOMEM, NULL, -1, "out of memory");
    return CHR_OK;
}
