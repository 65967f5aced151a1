/* ner_conll.h — shared by the NER host tools (train_ner.c, conlleval.c):
 * reading CoNLL-2003 column files and conlleval's phrase-level scoring.
 * Header-only (static functions), host tools only, not the library.
 *
 * Scoring follows conlleval: a chunk is a maximal run of tokens with the
 * same entity type, a B- tag starting a new one; a chunk counts as correct
 * when the guess has a chunk with the same first token, last token and
 * type. -DOCSTART- lines and blank lines end chunks. */
#ifndef NER_CONLL_H
#define NER_CONLL_H

#include "extract/ner_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct conll_tok {
    size_t off, len; /* word in conll_data.text */
    int type, begin; /* gold (last column) */
    int gtype, gbegin; /* second to last column (conlleval's gold when scoring a tagged file) */
} conll_tok;

typedef struct conll_data {
    char *text;
    size_t text_len;
    conll_tok *tok;
    size_t ntok;
    size_t *sent_start; /* sentence k: tokens [sent_start[k], sent_start[k+1]) */
    size_t nsent;
    size_t *doc_start; /* document d: sentences [doc_start[d], doc_start[d+1]) */
    size_t ndoc;
} conll_data;

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fprintf(stderr, "out of memory\n");
        exit(1);
    }
    return p;
}

static int conll_tag_parse(const char *s, size_t n, int *type, int *begin)
{
    *type = chr__ner_type_of(s, n);
    *begin = *type && s[0] == 'B';
    return *type;
}

/* Reads a CoNLL file; returns 0 when it cannot be opened. */
static inline int conll_read(const char *path, conll_data *d)
{
    memset(d, 0, sizeof *d);
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    size_t cap_tok = 0, cap_sent = 0, cap_doc = 0;
    char line[4096];
    int in_sent = 0;
    d->text = xrealloc(NULL, 1 << 20);
    size_t text_cap = 1 << 20;
    /* document 0 starts at sentence 0 */
    d->doc_start = xrealloc(NULL, 16 * sizeof *d->doc_start);
    cap_doc = 16;
    d->doc_start[d->ndoc++] = 0;
    while (fgets(line, sizeof line, f)) {
        size_t n = strlen(line);
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = 0;
        char *cols[16];
        int nc = 0;
        char *p = line;
        while (*p && nc < 16) {
            while (*p == ' ' || *p == '\t')
                p++;
            if (!*p)
                break;
            cols[nc++] = p;
            while (*p && *p != ' ' && *p != '\t')
                p++;
            if (*p)
                *p++ = 0;
        }
        if (nc == 0 || strcmp(cols[0], "-DOCSTART-") == 0) {
            in_sent = 0;
            if (nc && d->nsent > d->doc_start[d->ndoc - 1]) {
                if (d->ndoc + 1 >= cap_doc) {
                    cap_doc *= 2;
                    d->doc_start = xrealloc(d->doc_start,
                                            cap_doc * sizeof *d->doc_start);
                }
                d->doc_start[d->ndoc++] = d->nsent;
            }
            continue;
        }
        if (!in_sent) {
            if (d->nsent + 2 >= cap_sent) {
                cap_sent = cap_sent ? cap_sent * 2 : 1024;
                d->sent_start = xrealloc(d->sent_start,
                                         cap_sent * sizeof *d->sent_start);
            }
            d->sent_start[d->nsent++] = d->ntok;
            in_sent = 1;
        }
        if (d->ntok + 1 >= cap_tok) {
            cap_tok = cap_tok ? cap_tok * 2 : 4096;
            d->tok = xrealloc(d->tok, cap_tok * sizeof *d->tok);
        }
        size_t wl = strlen(cols[0]);
        while (d->text_len + wl + 1 > text_cap) {
            text_cap *= 2;
            d->text = xrealloc(d->text, text_cap);
        }
        conll_tok *t = &d->tok[d->ntok++];
        memset(t, 0, sizeof *t);
        t->off = d->text_len;
        t->len = wl;
        memcpy(d->text + d->text_len, cols[0], wl + 1);
        d->text_len += wl + 1;
        if (nc >= 2)
            conll_tag_parse(cols[nc - 1], strlen(cols[nc - 1]), &t->type,
                            &t->begin);
        if (nc >= 3)
            conll_tag_parse(cols[nc - 2], strlen(cols[nc - 2]), &t->gtype,
                            &t->gbegin);
    }
    fclose(f);
    if (!d->sent_start)
        d->sent_start = xrealloc(NULL, 2 * sizeof *d->sent_start);
    d->sent_start[d->nsent] = d->ntok;
    if (d->doc_start[d->ndoc - 1] == d->nsent && d->ndoc > 1)
        d->ndoc--;
    d->doc_start[d->ndoc] = d->nsent;
    return 1;
}

static inline void conll_free(conll_data *d)
{
    free(d->text);
    free(d->tok);
    free(d->sent_start);
    free(d->doc_start);
    memset(d, 0, sizeof *d);
}

/* conlleval counts, overall and per type (index 1..4). */
typedef struct conll_score {
    long correct[5], gold[5], guess[5];
    long tokens, tok_correct;
} conll_score;

/* End of the chunk starting at i of a tag sequence (type[], begin[]). */
static size_t chunk_end(const int *type, const int *begin, size_t i, size_t n)
{
    size_t j = i + 1;
    while (j < n && type[j] == type[i] && !begin[j])
        j++;
    return j;
}

/* Adds the chunks of one sentence to s. */
static inline void conll_score_sent(conll_score *s, const int *gt, const int *gb,
                             const int *pt, const int *pb, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        s->tokens++;
        if (gt[i] == pt[i])
            s->tok_correct++;
        int gs = gt[i] && (i == 0 || gt[i - 1] != gt[i] || gb[i]);
        int ps = pt[i] && (i == 0 || pt[i - 1] != pt[i] || pb[i]);
        size_t ge = 0, pe = 0;
        if (gs) {
            s->gold[0]++;
            s->gold[gt[i]]++;
            ge = chunk_end(gt, gb, i, n);
        }
        if (ps) {
            s->guess[0]++;
            s->guess[pt[i]]++;
            pe = chunk_end(pt, pb, i, n);
        }
        if (gs && ps && gt[i] == pt[i] && ge == pe) {
            s->correct[0]++;
            s->correct[gt[i]]++;
        }
    }
}

static inline double conll_f1(const conll_score *s, int k, double *p, double *r)
{
    double pp = s->guess[k] ? 100.0 * s->correct[k] / s->guess[k] : 0;
    double rr = s->gold[k] ? 100.0 * s->correct[k] / s->gold[k] : 0;
    if (p)
        *p = pp;
    if (r)
        *r = rr;
    return pp + rr > 0 ? 2 * pp * rr / (pp + rr) : 0;
}

static inline void conll_print(FILE *out, const conll_score *s)
{
    double p, r, f = conll_f1(s, 0, &p, &r);
    fprintf(out,
            "processed %ld tokens with %ld phrases; found: %ld phrases; "
            "correct: %ld.\n",
            s->tokens, s->gold[0], s->guess[0], s->correct[0]);
    fprintf(out,
            "accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; "
            "FB1: %6.2f\n",
            s->tokens ? 100.0 * s->tok_correct / s->tokens : 0, p, r, f);
    for (int k = 1; k <= 4; k++) {
        f = conll_f1(s, k, &p, &r);
        fprintf(out,
                "%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %ld\n",
                chr__ner_type_names[k], p, r, f, s->guess[k]);
    }
}

#endif
