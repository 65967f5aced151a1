/* html_int.h — private to src/read/html*.c: page metadata gathered while
 * html.c walks the libxml2 tree (htmlmeta.c). Candidates carry a rank
 * (lower is better) so the best source wins whatever the order in the page. */
#ifndef CHR_HTML_INT_H
#define CHR_HTML_INT_H

#include "read/read.h"

#include <libxml/tree.h>

typedef struct chr__hmeta {
    chr__arena *a;
    const char *title; int title_rank;   /* og:title 1, twitter/JSON-LD 2 */
    const char *title_tag;               /* <title> */
    const char *site; int site_rank;     /* og:site_name 1, JSON-LD 2 */
    const char *date; int date_rank;     /* ISO; meta 1-2, JSON-LD 3, time 4 */
    const char *byline; int byline_rank; /* meta 1, JSON-LD 2, rel=author 3 */
    const char *url; int url_rank;       /* canonical 1, og:url 2 */
    const char *lang;
} chr__hmeta;

void chr__hmeta_init(chr__hmeta *m, chr__arena *a);
/* Looks at one element (lower-case name) for metadata. Called for every
 * element the walk meets, including dropped ones (script, title). */
void chr__hmeta_element(chr__hmeta *m, xmlNode *n, const char *name);
/* Fills the metadata fields of `out`; h1 is the first <h1> text or NULL. */
void chr__hmeta_finish(chr__hmeta *m, const char *h1, chr__html *out);
/* The value of attribute `name` (lower-case) of `n`, or NULL. No copy:
 * valid while the tree lives. */
const char *chr__hattr(xmlNode *n, const char *name);
/* Whitespace-collapsed, trimmed copy of s (at most cap bytes, cut at a
 * UTF-8 boundary) in the arena; NULL when blank or out of memory. */
const char *chr__collapse(chr__arena *a, const char *s, size_t cap);

/* charset.c: a malloc'd UTF-8 version of the page d[0..n), or NULL with
 * *nomem 0 when d is already valid UTF-8 (use it as is). */
char *chr__html_to_utf8(const char *d, size_t n, size_t *outlen, int *nomem);

#endif
