/* doc.h — internal interface of the document stage (src/doc/): the analysis
 * pipeline, its term features and the JSON writer. */
#ifndef CHR_DOC_H
#define CHR_DOC_H

#include "base/base.h"
#include "text/text.h"

/* Fills doc->terms and doc->names from doc->body (arena `a`). */
chr_status chr__doc_terms(chr_doc *doc, chr__arena *a);

/* The lead of a body: the first two paragraphs, at most 1,200 bytes;
 * returns the offset where it ends. */
size_t chr__lead_end(const char *body, size_t n);

/* Place words (src/doc/terms.c): capitalised words right after "in" in the
 * lead ("in Samarkand"), and the capitalised words that follow a place word
 * separated by spaces or one comma ("in Samarkand, Uzbekistan", "in Central
 * Asia"); numbers, months, weekdays and determiners are not places. Feed
 * every word of the text, in order, to chr__place_step. */
typedef struct chr__place_scan {
    const char *s;   /* the text the tokens index */
    size_t lead_end; /* words from this offset on are not places */
    int after_in;    /* the previous word was "in" */
    size_t end;      /* end of the last place word, 0 when none */
} chr__place_scan;

enum {
    CHR__PLACE_NONE,  /* not a place word */
    CHR__PLACE_START, /* a place word after "in": a new run of them */
    CHR__PLACE_MORE   /* a place word continuing the last run */
};

/* Classifies word t of p->s; `folded` is its folded form, NUL-terminated
 * (compared with the not-places), n the length compared with "in". */
int chr__place_step(chr__place_scan *p, const chr__token *t,
                    const char *folded, size_t n);

/* JSON helpers shared with the store's export. */
chr_status chr__json_str(chr_buf *b, const char *s);        /* "…" or null */
chr_status chr__json_strn(chr_buf *b, const char *s, size_t n);

#endif
