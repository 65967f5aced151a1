/* topic.c — an unrelated text appended after the article (a press release,
 * an advert, another story glued on by a scraper) is found from the text
 * itself: the body is cut where what follows shares (almost) no vocabulary
 * with what precedes, provided the tail hangs together as one text.
 *
 * Method. Paragraphs of under SHORT_WORDS words are attached to the next
 * one (headlines of the appended text). Each segment is a bag of folded
 * content words (stop words, numbers and words under three letters out).
 * For each cut k from the second segment on, with head = segments before k
 * and tail = the rest:
 *   - the tail holds at least MIN_TAIL_WORDS words and at most
 *     MAX_TAIL_SHARE of the body's words;
 *   - cos(head, tail) < MAX_CROSS and cos(head, first tail segment) <
 *     MAX_CROSS (no shared subject, starting right at the cut);
 *   - the tail is one text: one segment holds DOMINANT of its words, or
 *     consecutive tail segments have a mean cosine >= MIN_TAIL_COHESION (a
 *     digest of unrelated items is not cut);
 *   - the head is one text too: each head segment after the first shares
 *     at least MIN_HEAD_COHESION with the head before it, on average.
 * The earliest such cut wins; the tail is removed with reason "spam". */
#include "clean/topic.h"

#include "text/text.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define SHORT_WORDS 15
#define MIN_TAIL_WORDS 120
#define MAX_TAIL_SHARE 0.7
#define MAX_CROSS 0.05
#define MIN_TAIL_COHESION 0.10
#define MIN_HEAD_COHESION 0.08
#define DOMINANT 0.7
#define MAX_SEGMENTS 400

typedef struct seg {
    size_t start, end; /* byte range in the body */
    size_t words;
    chr__map tf;       /* word hash -> count */
} seg;

typedef struct seg_ctx {
    const char *s;
    seg *g;
    int oom;
} seg_ctx;

static int seg_word(void *ctx, const chr__token *t)
{
    seg_ctx *c = ctx;
    c->g->words++;
    if (t->numeric || t->end - t->start < 3)
        return 0;
    char buf[64];
    size_t n = chr__fold_word(c->s + t->start, t->end - t->start, buf,
                              sizeof buf);
    if (n > 2 && buf[n - 2] == '\'' && buf[n - 1] == 's')
        n -= 2; /* possessive */
    if (n < 3 || chr__is_stopword(buf, n))
        return 0;
    uint64_t *v = chr__map_slot(&c->g->tf, chr__hash64(buf, n));
    if (!v) {
        c->oom = 1;
        return 1;
    }
    (*v)++;
    return 0;
}

/* cos between the sums of segments [a0,a1) and [b0,b1). */
static double cos_range(const seg *g, size_t a0, size_t a1, size_t b0,
                        size_t b1)
{
    chr__map A, B;
    chr__map_init(&A);
    chr__map_init(&B);
    for (size_t i = a0; i < a1; i++)
        for (size_t k = 0; k < g[i].tf.cap; k++)
            if (g[i].tf.keys[k]) {
                uint64_t *v = chr__map_slot(&A, g[i].tf.keys[k]);
                if (v)
                    *v += g[i].tf.vals[k];
            }
    for (size_t i = b0; i < b1; i++)
        for (size_t k = 0; k < g[i].tf.cap; k++)
            if (g[i].tf.keys[k]) {
                uint64_t *v = chr__map_slot(&B, g[i].tf.keys[k]);
                if (v)
                    *v += g[i].tf.vals[k];
            }
    double dot = 0, na = 0, nb = 0;
    for (size_t k = 0; k < A.cap; k++) {
        if (!A.keys[k])
            continue;
        double wa = 1 + log((double)A.vals[k]);
        na += wa * wa;
        uint64_t *vb = chr__map_get(&B, A.keys[k]);
        if (vb)
            dot += wa * (1 + log((double)*vb));
    }
    for (size_t k = 0; k < B.cap; k++)
        if (B.keys[k]) {
            double wb = 1 + log((double)B.vals[k]);
            nb += wb * wb;
        }
    chr__map_free(&A);
    chr__map_free(&B);
    return na > 0 && nb > 0 ? dot / sqrt(na * nb) : 0;
}

/* Splits the body into segments; short paragraphs join the next one. */
static size_t segments(const char *body, size_t len, seg *g, int *oom)
{
    size_t n = 0, pos = 0, p, pn;
    while (n < MAX_SEGMENTS && chr__next_paragraph(body, len, &pos, &p, &pn)) {
        size_t e = p + pn;
        seg cur;
        memset(&cur, 0, sizeof cur);
        chr__map_init(&cur.tf);
        seg_ctx c = {body + p, &cur, 0};
        chr__words(body + p, e - p, seg_word, &c);
        if (c.oom)
            *oom = 1;
        if (n > 0 && g[n - 1].end == SIZE_MAX) {
            /* merge into the open short segment */
            seg *o = &g[n - 1];
            for (size_t k = 0; k < cur.tf.cap; k++)
                if (cur.tf.keys[k]) {
                    uint64_t *v = chr__map_slot(&o->tf, cur.tf.keys[k]);
                    if (!v)
                        *oom = 1;
                    else
                        *v += cur.tf.vals[k];
                }
            o->words += cur.words;
            chr__map_free(&cur.tf);
            o->end = o->words < SHORT_WORDS ? SIZE_MAX : e;
        } else {
            cur.start = p;
            cur.end = cur.words < SHORT_WORDS ? SIZE_MAX : e;
            g[n++] = cur;
        }
    }
    if (n && g[n - 1].end == SIZE_MAX)
        g[n - 1].end = len;
    if (pos < len && n == MAX_SEGMENTS)
        g[n - 1].end = len; /* the rest stays with the last segment */
    return n;
}

chr_status chr__cut_topic_break(chr_doc *doc, chr__arena *a)
{
    if (doc->body_len == 0)
        return CHR_OK;
    seg *g = calloc(MAX_SEGMENTS, sizeof *g);
    if (!g)
        return CHR_NOMEM;
    int oom = 0;
    size_t n = segments(doc->body, doc->body_len, g, &oom);
    size_t total = 0;
    for (size_t i = 0; i < n; i++)
        total += g[i].words;
    size_t cut = 0;
    if (!oom && n >= 2) {
        /* head cohesion, prefix by prefix */
        double *head_coh = calloc(n + 1, sizeof *head_coh);
        if (!head_coh) {
            oom = 1;
        } else {
            double sum = 0;
            for (size_t k = 1; k < n; k++) {
                sum += cos_range(g, 0, k, k, k + 1);
                head_coh[k + 1] = sum / (double)k;
            }
            size_t tail_words = total;
            for (size_t k = 1; k < n && !cut; k++) {
                tail_words -= g[k - 1].words;
                if (tail_words < MIN_TAIL_WORDS ||
                    (double)tail_words > MAX_TAIL_SHARE * (double)total)
                    continue;
                if (k >= 2 && head_coh[k] < MIN_HEAD_COHESION)
                    continue;
                if (cos_range(g, 0, k, k, n) >= MAX_CROSS ||
                    cos_range(g, 0, k, k, k + 1) >= MAX_CROSS)
                    continue;
                /* one text: one segment holds most of the tail (trailing
                   scraps such as a site name do not count), or the tail
                   segments follow each other in subject */
                size_t biggest = 0;
                for (size_t i = k; i < n; i++)
                    if (g[i].words > biggest)
                        biggest = g[i].words;
                int one_text = (double)biggest >= DOMINANT * (double)tail_words;
                if (!one_text && n - k >= 2) {
                    double s2 = 0;
                    for (size_t i = k + 1; i < n; i++)
                        s2 += cos_range(g, k, i, i, i + 1);
                    one_text = s2 / (double)(n - k - 1) >= MIN_TAIL_COHESION;
                }
                if (one_text)
                    cut = k;
            }
            free(head_coh);
        }
    }
    chr_status st = oom ? CHR_NOMEM : CHR_OK;
    if (cut) {
        size_t at = g[cut].start;
        size_t keep = at >= 2 ? at - 2 : 0; /* drop the "\n\n" */
        chr_removed *all =
            chr__arena_alloc(a, (doc->n_removed + 1) * sizeof *all);
        char *tail = chr__arena_strndup(a, doc->body + at,
                                        doc->body_len - at);
        char *head = chr__arena_strndup(a, doc->body, keep);
        if (!all || !tail || !head) {
            st = CHR_NOMEM;
        } else {
            if (doc->n_removed)
                memcpy(all, doc->removed, doc->n_removed * sizeof *all);
            all[doc->n_removed].text = tail;
            all[doc->n_removed].reason = "spam";
            doc->removed = all;
            doc->n_removed++;
            doc->body = head;
            doc->body_len = keep;
        }
    }
    for (size_t i = 0; i < n; i++)
        chr__map_free(&g[i].tf);
    free(g);
    return st;
}
