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

/* Head and tail of a cut as word counts, with the norms and the dot
 * product of their log-tf vectors kept up to date as segments move from
 * the tail to the head: each move costs the size of the segment. */
typedef struct split {
    chr__map head, tail;
    double head_n2, tail_n2, dot;
} split;

static double wt(uint64_t c)
{
    return c ? 1 + log((double)c) : 0;
}

static int split_init(split *sp, const seg *g, size_t n)
{
    memset(sp, 0, sizeof *sp);
    chr__map_init(&sp->head);
    chr__map_init(&sp->tail);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < g[i].tf.cap; k++)
            if (g[i].tf.keys[k]) {
                uint64_t *v = chr__map_slot(&sp->tail, g[i].tf.keys[k]);
                if (!v)
                    return 0;
                *v += g[i].tf.vals[k];
            }
    for (size_t k = 0; k < sp->tail.cap; k++)
        if (sp->tail.keys[k])
            sp->tail_n2 += wt(sp->tail.vals[k]) * wt(sp->tail.vals[k]);
    return 1;
}

static int split_move(split *sp, const seg *s)
{
    for (size_t k = 0; k < s->tf.cap; k++) {
        if (!s->tf.keys[k])
            continue;
        uint64_t *h = chr__map_slot(&sp->head, s->tf.keys[k]);
        uint64_t *t = chr__map_get(&sp->tail, s->tf.keys[k]);
        if (!h || !t)
            return 0;
        double wh = wt(*h), wtl = wt(*t);
        sp->dot -= wh * wtl;
        sp->head_n2 -= wh * wh;
        sp->tail_n2 -= wtl * wtl;
        *h += s->tf.vals[k];
        *t -= s->tf.vals[k];
        wh = wt(*h);
        wtl = wt(*t);
        sp->dot += wh * wtl;
        sp->head_n2 += wh * wh;
        sp->tail_n2 += wtl * wtl;
    }
    return 1;
}

static double split_cos(const split *sp)
{
    return sp->head_n2 > 0 && sp->tail_n2 > 0
               ? sp->dot / sqrt(sp->head_n2 * sp->tail_n2)
               : 0;
}

/* cos(head, one segment). */
static double head_cos(const split *sp, const seg *s)
{
    double dot = 0, n2 = 0;
    for (size_t k = 0; k < s->tf.cap; k++) {
        if (!s->tf.keys[k])
            continue;
        double ws = wt(s->tf.vals[k]);
        n2 += ws * ws;
        uint64_t *h = chr__map_get(&sp->head, s->tf.keys[k]);
        if (h)
            dot += wt(*h) * ws;
    }
    return sp->head_n2 > 0 && n2 > 0 ? dot / sqrt(sp->head_n2 * n2) : 0;
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
    split sp;
    memset(&sp, 0, sizeof sp);
    if (!oom && n >= 2 && total >= MIN_TAIL_WORDS) {
        if (!split_init(&sp, g, n))
            oom = 1;
        double coh_sum = 0; /* sum of cos(head before j, segment j) */
        size_t tail_words = total;
        for (size_t k = 1; k < n && !cut && !oom; k++) {
            if (!split_move(&sp, &g[k - 1])) {
                oom = 1;
                break;
            }
            tail_words -= g[k - 1].words;
            double coh_k = head_cos(&sp, &g[k]);
            int ok = tail_words >= MIN_TAIL_WORDS &&
                     (double)tail_words <= MAX_TAIL_SHARE * (double)total &&
                     (k < 2 || coh_sum / (double)(k - 1) >= MIN_HEAD_COHESION) &&
                     split_cos(&sp) < MAX_CROSS && coh_k < MAX_CROSS;
            coh_sum += coh_k;
            if (!ok)
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
    }
    chr__map_free(&sp.head);
    chr__map_free(&sp.tail);
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
