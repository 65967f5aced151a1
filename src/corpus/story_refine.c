/* story_refine.c — taking documents out of their stories and the
 * re-assignment of a batch (chr__stories_remove, keep, forget, refine;
 * the method is in stories.h and docs/ARCHITECTURE.md, "Stories"): once a
 * batch is stored, each of its documents is matched again against the
 * stories as they now are, the worst-placed first, and moved when another
 * story wins. */
#include "corpus/stories_int.h"

#include <stdlib.h>
#include <string.h>

static void remove_vecs(chr__stories *s, int64_t id, const doc_vecs *v)
{
    story *st = chr__st_find(s, id);
    if (!st || st->n_docs <= 0)
        return;
    chr__sv_sub(&st->terms, &v->terms);
    chr__sv_sub(&st->names, &v->names);
    chr__sv_sub(&st->places, &v->places);
    st->n_docs--;
    chr__st_sync_scan(s, st);
    st->dirty = 1;
}

chr_status chr__stories_remove(chr__stories *s, int64_t id,
                               const chr_doc *doc)
{
    story *st = chr__st_find(s, id);
    if (!st || st->n_docs <= 0)
        return CHR_OK;
    doc_vecs v;
    chr_status r = chr__st_vecs_make(s, doc, &v);
    if (r != CHR_OK)
        return r;
    remove_vecs(s, id, &v);
    chr__st_vecs_free(&v);
    return CHR_OK;
}

chr_status chr__stories_keep(chr__stories *s, int64_t seq, int64_t story,
                             const chr_doc *doc)
{
    if (s->n_members == s->cap_members) {
        size_t nc = s->cap_members ? s->cap_members * 2 : 64;
        member *nm = realloc(s->members, nc * sizeof *nm);
        if (!nm)
            return CHR_NOMEM;
        s->members = nm;
        s->cap_members = nc;
    }
    size_t n = doc->n_terms + doc->n_names + doc->n_places;
    chr_term *t = malloc((n ? n : 1) * sizeof *t);
    if (!t)
        return CHR_NOMEM;
    member *m = &s->members[s->n_members++];
    memset(m, 0, sizeof *m);
    m->seq = seq;
    m->story = story;
    m->terms = t;
    m->n_terms = doc->n_terms;
    m->names = t + doc->n_terms;
    m->n_names = doc->n_names;
    m->places = m->names + doc->n_names;
    m->n_places = doc->n_places;
    if (doc->n_terms)
        memcpy(m->terms, doc->terms, doc->n_terms * sizeof *t);
    if (doc->n_names)
        memcpy(m->names, doc->names, doc->n_names * sizeof *t);
    if (doc->n_places)
        memcpy(m->places, doc->places, doc->n_places * sizeof *t);
    if (doc->date_hint && strlen(doc->date_hint) == 10)
        memcpy(m->date, doc->date_hint, 11);
    m->hi = doc->hash_hi;
    m->lo = doc->hash_lo;
    return CHR_OK;
}

void chr__stories_forget(chr__stories *s)
{
    for (size_t i = 0; i < s->n_members; i++)
        free(s->members[i].terms);
    s->n_members = 0;
}

/* How well a kept document fits its own story: the average link with the
 * story's other members (its own vector taken out of the sums), weighted
 * as story_score; 2 (last) for the only member. */
static double own_fit(const chr__stories *s, const doc_vecs *v,
                      const story *st)
{
    if (!st || st->n_docs <= 1)
        return 2;
    double n = st->n_docs - 1;
    double wt = 1.0 - s->p.name_share - s->p.place_share;
    double sum = wt * (chr__sv_dot(&v->terms, &st->terms) -
                       chr__sv_dot(&v->terms, &v->terms)) / n;
    double w = wt;
    if (v->names.n && st->names.n) {
        sum += s->p.name_share * (chr__sv_dot(&v->names, &st->names) -
                                  chr__sv_dot(&v->names, &v->names)) / n;
        w += s->p.name_share;
    }
    if (v->places.n && st->places.n) {
        sum += s->p.place_share * (chr__sv_dot(&v->places, &st->places) -
                                   chr__sv_dot(&v->places, &v->places)) / n;
        w += s->p.place_share;
    }
    return sum / w;
}

static void member_doc(const member *m, chr_doc *d)
{
    memset(d, 0, sizeof *d);
    d->terms = m->terms;
    d->n_terms = m->n_terms;
    d->names = m->names;
    d->n_names = m->n_names;
    d->places = m->places;
    d->n_places = m->n_places;
    d->date_hint = m->date[0] ? m->date : NULL;
    d->hash_hi = m->hi;
    d->hash_lo = m->lo;
}

typedef struct fit_ix {
    double fit;
    size_t ix;
} fit_ix;

static int cmp_fit(const void *a, const void *b)
{
    const fit_ix *x = a, *y = b;
    if (x->fit != y->fit)
        return x->fit < y->fit ? -1 : 1;
    return x->ix < y->ix ? -1 : x->ix > y->ix;
}

/* Takes member `m` out of its story and matches it again: it moves when
 * another story wins, and stays when no story is good enough. */
static chr_status reassign(chr__stories *s, member *m, const doc_vecs *v,
                           size_t *n_moved,
                           chr_status (*moved)(void *ctx, int64_t seq,
                                               int64_t from, int64_t to,
                                               double score),
                           void *ctx)
{
    chr_doc d;
    member_doc(m, &d);
    remove_vecs(s, m->story, v);
    chr__assignment as;
    chr_status r = chr__st_match_vecs(s, &d, v, &as);
    if (r != CHR_OK)
        return r;
    int64_t to = as.story ? as.story : m->story;
    if ((r = chr__st_add_vecs(s, to, &d, v,
                              CHR__SA_COUNTED | CHR__SA_MOVED)) != CHR_OK)
        return r;
    if (to != m->story) {
        r = moved(ctx, m->seq, m->story, to, as.score);
        m->story = to;
        (*n_moved)++;
    }
    return r;
}

chr_status chr__stories_refine(chr__stories *s, int passes,
                               chr_status (*moved)(void *ctx, int64_t seq,
                                                   int64_t from, int64_t to,
                                                   double score),
                               void *ctx)
{
    if (!s->n_members)
        return CHR_OK;
    fit_ix *order = malloc(s->n_members * sizeof *order);
    /* each member's vectors, made once: the document frequencies do not
       change during re-assignment (a batch's terms are counted first) */
    doc_vecs *vs = calloc(s->n_members, sizeof *vs);
    chr_status r = order && vs ? CHR_OK : CHR_NOMEM;
    for (size_t i = 0; i < s->n_members && r == CHR_OK; i++) {
        chr_doc d;
        member_doc(&s->members[i], &d);
        r = chr__st_vecs_make(s, &d, &vs[i]);
    }
    for (int pass = 0; pass < passes && r == CHR_OK; pass++) {
        /* the worst-placed first: a document that fits its story least
           is the likeliest to belong elsewhere, and moving it first lets
           the others be judged against cleaner stories; the only members
           of their stories last */
        for (size_t i = 0; i < s->n_members; i++) {
            order[i].fit =
                own_fit(s, &vs[i], chr__st_find(s, s->members[i].story));
            order[i].ix = i;
        }
        qsort(order, s->n_members, sizeof *order, cmp_fit);
        size_t n_moved = 0;
        for (size_t k = 0; k < s->n_members && r == CHR_OK; k++)
            r = reassign(s, &s->members[order[k].ix], &vs[order[k].ix],
                         &n_moved, moved, ctx);
        if (!n_moved)
            break;
    }
    for (size_t i = 0; vs && i < s->n_members; i++)
        chr__st_vecs_free(&vs[i]);
    free(vs);
    free(order);
    return r;
}
