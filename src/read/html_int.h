/* html_int.h — private to src/read/html*.c: page metadata gathered while
 * html.c receives libxml2's SAX events (htmlmeta.c). Candidates carry a rank
 * (lower is better) and the sequence number of the element that offered
 * them (lower is earlier), so the best and then the first source wins
 * whatever the order in which texts complete. */
#ifndef CHR_HTML_INT_H
#define CHR_HTML_INT_H

#include "read/read.h"

#include <libxml/parser.h>

/* The attributes html*.c look at, read in one pass over libxml2's list. */
enum {
    CHR__A_CLASS, CHR__A_ID, CHR__A_ITEMPROP, CHR__A_ROLE, CHR__A_HIDDEN,
    CHR__A_STYLE, CHR__A_REL, CHR__A_TYPE, CHR__A_HREF, CHR__A_CONTENT,
    CHR__A_PROPERTY, CHR__A_NAME, CHR__A_LANG, CHR__A_DATETIME,
    CHR__A_PUBDATE, CHR__A_N
};

typedef struct chr__hattrs {
    const char *v[CHR__A_N]; /* NULL when absent, "" when without value */
} chr__hattrs;

/* Fills `h` from SAX attributes (name, value pairs, NULL-terminated; names
 * are lower-case); the first of duplicate names wins. No copies. */
void chr__hattrs_read(chr__hattrs *h, const xmlChar **atts);

/* The text of an element being collected (<title>, <a rel=author>,
 * itemprop=datePublished, JSON-LD script): like xmlNodeGetContent() but
 * bounded to the first TEXT_MAX_NODES nodes of the subtree and a byte cap. */
typedef struct chr__hcap {
    int what;  /* 0 title, 1 rel=author, 2 datePublished text, 3 JSON-LD */
    int depth; /* depth of the element; its end completes the text */
    int seq;   /* sequence number of the element */
    int nodes; /* subtree nodes seen */
    chr_buf b;
} chr__hcap;

typedef struct chr__hmeta {
    chr__arena *a;
    int seq; /* element whose candidates are being offered */
    const char *title; int title_rank, title_seq;  /* og:title 1, twitter/
                                                      JSON-LD 2 */
    const char *title_tag; int title_tag_seq;      /* <title> */
    const char *site; int site_rank, site_seq;     /* og:site_name 1,
                                                      JSON-LD 2 */
    const char *date; int date_rank, date_seq;     /* ISO; meta 1-2,
                                                      JSON-LD 3, time 4 */
    const char *byline; int byline_rank, byline_seq; /* meta 1, JSON-LD 2,
                                                        rel=author 3 */
    const char *url; int url_rank, url_seq;        /* canonical 1, og:url 2 */
    const char *lang;
    chr__hcap *caps; /* texts being collected, outermost first */
    int ncaps, capmax;
    int last_text;   /* the last event was text of this kind (1 text,
                        2 CDATA), so more of it continues the same node */
} chr__hmeta;

void chr__hmeta_init(chr__hmeta *m, chr__arena *a);
/* Looks at one element (lower-case name, depth in the tree, sequence
 * number in document order) for metadata. Called for every element the
 * walk meets, including dropped ones (script, title), after
 * chr__hmeta_node() counted it. */
void chr__hmeta_element(chr__hmeta *m, const char *name,
                        const chr__hattrs *at, int depth, int seq);
/* A node starts (element, comment, processing instruction). */
void chr__hmeta_node(chr__hmeta *m);
/* Text (cdata 0) or CDATA (cdata 1) content s[0..n). */
void chr__hmeta_text(chr__hmeta *m, const char *s, size_t n, int cdata);
/* The element at `depth` ends. */
void chr__hmeta_end(chr__hmeta *m, int depth);
/* Completes the texts still open, fills the metadata fields of `out`
 * (h1: the first <h1> text or NULL) and releases what `m` holds. */
void chr__hmeta_finish(chr__hmeta *m, const char *h1, chr__html *out);
/* Releases what `m` holds without filling anything. */
void chr__hmeta_free(chr__hmeta *m);
/* Whitespace-collapsed, trimmed copy of s (at most cap bytes, cut at a
 * UTF-8 boundary) in the arena; NULL when blank or out of memory. */
const char *chr__collapse(chr__arena *a, const char *s, size_t cap);

/* charset.c: a malloc'd UTF-8 version of the page d[0..n), or NULL with
 * *nomem 0 when d is already valid UTF-8 (use it as is). */
char *chr__html_to_utf8(const char *d, size_t n, size_t *outlen, int *nomem);

/* A copy of in[0..n) without the text of <script> and <style> elements
 * (JSON-LD kept; html_strip.c), NUL-terminated; NULL on out-of-memory. */
char *chr__html_strip_raw(const char *in, size_t n, size_t *out_len);

#endif
