/* quote_groups.h — the same statement across the documents of one story
 * (issue 6): grouping of quotations and a word-level diff of two wordings.
 *
 * Groups the quotations of the documents of one story: quotations of the
 * same statement by the same speaker (or one unknown) are one group even
 * when worded differently ("are experiencing their best period in history"
 * / "are at their peak in history") or when one version lost its quotation
 * marks (a direct quotation of one document is matched against the plain
 * text of another). Method and thresholds at the top of quote_groups.c. */
#ifndef CHR_QUOTE_GROUPS_H
#define CHR_QUOTE_GROUPS_H

#include "base/base.h"

/* One document of the story: its body and its quotations (chr_doc's). */
typedef struct chr__qg_doc {
    const char *body;
    size_t body_len;
    const chr_quote *quotes;
    size_t n_quotes;
} chr__qg_doc;

/* One wording of the statement in one document. */
typedef struct chr__qg_member {
    size_t doc;   /* index into the input documents */
    size_t quote; /* index into that document's quotes; SIZE_MAX when the
                     wording was found in the plain text (marks lost) */
    size_t start, end; /* bytes of that document's body */
    const char *text;  /* the wording as printed there (the quote's text,
                          or the matched stretch of plain text) */
    double similarity; /* word similarity to the group's canonical text */
} chr__qg_member;

typedef struct chr__qg_group {
    const char *text;          /* canonical wording: the member most like
                                  all the others (direct before partial) */
    const char *speaker;       /* the members' speaker; NULL when unknown */
    const char *speaker_actor; /* NULL when unknown */
    size_t canonical;          /* index of the canonical member */
    chr__qg_member *members;   /* document order; one or more */
    size_t n_members;
} chr__qg_group;

/* Groups the direct and partial quotations of docs[0..n_docs) (indirect
 * speech joins a group when it matches one, never starts one); a
 * quotation in no group with others is a group of its own. Groups come in
 * the order of their first member. Everything is allocated in `a`.
 * CHR_OK, CHR_NOMEM, or CHR_TOOBIG above 5,000 quotations. Pure. */
chr_status chr__quote_groups(const chr__qg_doc *docs, size_t n_docs,
                             chr__arena *a, chr__qg_group **out,
                             size_t *n_out);

/* Word similarity of two wordings (0..1): Dice coefficient of their
 * folded content words. */
double chr__quote_similarity(const char *x, size_t nx, const char *y,
                             size_t ny);

/* Appends to `out` the word differences from `from` to `to`: common words
 * as they are in `to`, removed words as [-…-], inserted words as {+…+}:
 * "are [-experiencing their best period-]{+at their peak+} in history".
 * Words compare folded, punctuation aside. Above 1,000 words a side the
 * whole text is marked replaced. CHR_OK, CHR_NOMEM or CHR_TOOBIG (out's
 * limit). */
chr_status chr__quote_diff(const char *from, const char *to, chr_buf *out);

#endif
