/* stories.c — story clustering: incremental, single pass. This file holds
 * the story index (stories, postings, document frequencies), matching, the
 * neighbourhood correction and persistence; the sparse vectors it compares
 * are in vec.c.
 *
 * Method (docs/ARCHITECTURE.md, "Stories"):
 *  - A document gives term, name and place vectors (src/doc/terms.c); terms
 *    and names are weighted (1 + ln tf) * BM25 idf over the documents stored
 *    before it, places equally; all are L2-normalised.
 *  - A story keeps the sum of its members' vectors (trimmed to story_terms),
 *    the range of its members' dates, and its neighbourhood: the hub_k
 *    highest similarities seen between it and documents (its members' best
 *    matches when they arrived, and every later document's score with it).
 *  - Candidates: stories sharing one of the document's QUERY_TERMS heaviest
 *    seen terms (inverted index), ranked by the query weight they match; the
 *    best SCORED_CANDIDATES get the full score: the weighted mean of the
 *    term, name and place similarities present on both sides, each the
 *    average link — the mean cosine with the story's members, dot(doc, sum)
 *    / n. A dated document only joins a story whose dates are within
 *    window_days of its own.
 *  - Neighbourhood correction (hubness reduction, as CSLS): the corrected
 *    score is raw − hub_alpha · (r_doc + r_story) / 2, where r_doc is the
 *    mean of the document's hub_k best raw scores and r_story the mean of
 *    the story's neighbourhood. A document joins the best story when the
 *    corrected score reaches `threshold`, or the raw score reaches `strong`,
 *    and the raw score reaches `floor`; or, failing those, when its best raw
 *    score reaches ratio_low and `ratio` times the runner-up's (a weak but
 *    unambiguous match: the correction must not keep a rewrite out of a
 *    tight story of near-copies); else it opens a new story. Ties go to
 *    the older story. Similarity is judged against what else is similar:
 *    a generic article close to many stories, or a story close to many
 *    articles, needs a clearer match; a big story does not attract on size.
 * Average link rather than the nearest member (single link) keeps stories
 * from chaining into giant ones.
 *
 * Cost as the index grows (docs/ARCHITECTURE.md, "Stories"): the candidate
 * scan reads a 16-byte record per story (struct scan), prefetched, not the
 * story itself; a compared story is written back only when its
 * neighbourhood changed; a document's vectors are made once per match and
 * add, and once per re-assignment of a batch (document frequencies do not
 * change meanwhile). None of these changes a decision. */
#include "corpus/stories.h"

#include "corpus/stories_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


chr__stories *chr__stories_new(void)
{
    chr__stories *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->p.threshold = 0.045;
    s->p.strong = 0.35;
    s->p.floor = 0.05;
    s->p.ratio_low = 0.07;
    s->p.ratio = 2.0;
    s->p.hub_k = 5;
    s->p.hub_alpha = 1.0;
    s->p.name_share = 0.3;
    s->p.place_share = 0.2;
    s->p.window_days = 14;
    s->p.doc_terms = 256;
    s->p.story_terms = 128;
    return s;
}

void chr__stories_free(chr__stories *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++) {
        chr__sv_free(&s->stories[i].terms);
        chr__sv_free(&s->stories[i].names);
        chr__sv_free(&s->stories[i].places);
    }
    free(s->stories);
    for (size_t i = 0; i < s->n_posts; i++)
        free(s->posts[i].items);
    free(s->posts);
    free(s->scan);
    chr__sv_table_free(&s->probe);
    chr__stories_forget(s);
    free(s->members);
    chr__st_vecs_free(&s->pend_v);
    chr__map_free(&s->by_id);
    chr__map_free(&s->df);
    chr__map_free(&s->df_dirty);
    chr__map_free(&s->post_of);
    free(s);
}

chr__stories_params *chr__stories_params_of(chr__stories *s)
{
    return &s->p;
}

uint64_t chr__stories_ndocs(const chr__stories *s)
{
    return s->ndocs;
}

void chr__stories_set_ndocs(chr__stories *s, uint64_t n)
{
    s->ndocs = n;
}

chr_status chr__stories_load_df(chr__stories *s, uint64_t term, uint64_t df)
{
    uint64_t *v = chr__map_slot(&s->df, term);
    if (!v)
        return CHR_NOMEM;
    *v = df;
    return CHR_OK;
}

size_t chr__stories_memory(const chr__stories *s)
{
    size_t m = s->cap * (sizeof(story) + sizeof(scan));
    for (size_t i = 0; i < s->n; i++)
        m += (s->stories[i].terms.n + s->stories[i].names.n +
              s->stories[i].places.n) *
             sizeof(chr_term);
    for (size_t i = 0; i < s->n_posts; i++)
        m += s->posts[i].cap * sizeof(uint32_t);
    m += s->cap_posts * sizeof(posting);
    m += (s->by_id.cap + s->df.cap + s->df_dirty.cap + s->post_of.cap) * 16;
    return m;
}

/* ---- neighbourhoods ---- */

static int cmp_float_desc(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return x > y ? -1 : x < y;
}

/* Inserts x into the descending list nb[0..k); 1 when the list changed. */
static int nb_insert(float *nb, int k, float x)
{
    /* similarities are cosines: a document identical to a story's only
       member can score 1 plus a rounding error, which the persisted state
       must not carry (chr__stories_load_story checks the range) */
    if (!(x >= 0.0f)) /* NaN too */
        x = 0.0f;
    if (x > 1.0f)
        x = 1.0f;
    if (k <= 0 || x <= nb[k - 1])
        return 0;
    int i = k - 1;
    while (i > 0 && nb[i - 1] < x) {
        nb[i] = nb[i - 1];
        i--;
    }
    nb[i] = x;
    return 1;
}

static int hub_k(const chr__stories *s)
{
    int k = s->p.hub_k;
    return k < 1 ? 1 : k > HUB_MAX ? HUB_MAX : k;
}

/* ---- index ---- */

story *chr__st_find(const chr__stories *s, int64_t id)
{
    uint64_t *v = chr__map_get(&s->by_id, (uint64_t)id);
    return v ? &s->stories[*v - 1] : NULL;
}

/* Copies what the candidate scan reads of story `st` into its scan record;
 * called after every change of its members or dates. */
void chr__st_sync_scan(chr__stories *s, const story *st)
{
    scan *sc = &s->scan[st - s->stories];
    sc->day_min = st->n_docs <= 0 ? SCAN_DEAD : st->day_min;
    sc->day_max = st->day_max;
}

static chr_status new_story(chr__stories *s, int64_t id, story **out)
{
    if (s->n == s->cap) {
        size_t ncap = s->cap ? s->cap * 2 : 64;
        story *ns = realloc(s->stories, ncap * sizeof *ns);
        if (!ns)
            return CHR_NOMEM;
        s->stories = ns;
        scan *sc = realloc(s->scan, ncap * sizeof *sc);
        if (!sc)
            return CHR_NOMEM;
        memset(sc + s->cap, 0, (ncap - s->cap) * sizeof *sc);
        s->scan = sc;
        s->cap = ncap;
    }
    uint64_t *slot = chr__map_slot(&s->by_id, (uint64_t)id);
    if (!slot)
        return CHR_NOMEM;
    story *st = &s->stories[s->n];
    memset(st, 0, sizeof *st);
    st->id = id;
    st->day_min = st->day_max = INT32_MIN;
    s->scan[s->n].day_min = SCAN_DEAD;
    *slot = ++s->n;
    *out = st;
    return CHR_OK;
}

static chr_status post(chr__stories *s, uint64_t term, uint32_t story_ix)
{
    uint64_t *slot = chr__map_slot(&s->post_of, term);
    if (!slot)
        return CHR_NOMEM;
    if (!*slot) {
        if (s->n_posts == s->cap_posts) {
            size_t ncap = s->cap_posts ? s->cap_posts * 2 : 256;
            posting *np = realloc(s->posts, ncap * sizeof *np);
            if (!np)
                return CHR_NOMEM;
            s->posts = np;
            s->cap_posts = ncap;
        }
        memset(&s->posts[s->n_posts], 0, sizeof(posting));
        *slot = ++s->n_posts;
    }
    posting *p = &s->posts[*slot - 1];
    if (p->len && p->items[p->len - 1] == story_ix)
        return CHR_OK;
    if (p->len == p->cap) {
        uint32_t ncap = p->cap ? p->cap * 2 : 4;
        uint32_t *ni = realloc(p->items, ncap * sizeof *ni);
        if (!ni)
            return CHR_NOMEM;
        p->items = ni;
        p->cap = ncap;
    }
    p->items[p->len++] = story_ix;
    return CHR_OK;
}

/* Posts the terms of `v` that the story's centroid does not hold yet (all
 * of them when `centroid` is NULL), so that any shared term finds it. */
static chr_status index_terms(chr__stories *s, const story *st,
                              const chr__sv *v, const chr__sv *centroid)
{
    uint32_t ix = (uint32_t)(st - s->stories);
    uint32_t j = 0;
    for (uint32_t i = 0; i < v->n; i++) {
        uint64_t h = v->t[i].hash;
        if (centroid) {
            while (j < centroid->n && centroid->t[j].hash < h)
                j++;
            if (j < centroid->n && centroid->t[j].hash == h)
                continue;
        }
        chr_status r = post(s, h, ix);
        if (r != CHR_OK)
            return r;
    }
    return CHR_OK;
}

/* ---- serialisation. Version 2: "CS", version byte 2, HUB_MAX, the
 * neighbourhood (HUB_MAX f32), then u32 n_terms, n_names, n_places and
 * (u64, f32) pairs. Version 1 (no header, no neighbourhood) still loads,
 * with an empty neighbourhood. ---- */

#define BLOB_HEAD (4 + HUB_MAX * 4)

chr_status chr__stories_load_story(chr__stories *s, int64_t id, int n_docs,
                                   const char *date_min, const char *date_max,
                                   const void *blob, size_t len)
{
    const unsigned char *p = blob;
    uint32_t nt = 0, nn = 0, np = 0;
    float nb[HUB_MAX] = {0};
    if (len >= BLOB_HEAD + 12 && p[0] == BLOB_MAGIC0 && p[1] == BLOB_MAGIC1) {
        if (p[2] != BLOB_VERSION || p[3] != HUB_MAX)
            return CHR_PARSE;
        memcpy(nb, p + 4, sizeof nb);
        for (int i = 0; i < HUB_MAX; i++) {
            /* a rounding error past 1 (stores written before nb_insert
               clamped) is taken as 1; anything else is damage */
            if (nb[i] > 1.0f && nb[i] < 1.01f)
                nb[i] = 1.0f;
            if (!(nb[i] >= -1.0f && nb[i] <= 1.0f)) /* NaN too */
                return CHR_PARSE;
        }
        p += BLOB_HEAD;
        len -= BLOB_HEAD;
    }
    if (len < 12)
        return CHR_PARSE;
    memcpy(&nt, p, 4);
    memcpy(&nn, p + 4, 4);
    memcpy(&np, p + 8, 4);
    size_t total = (size_t)nt + nn + np;
    if (total > (len - 12) / CHR__SV_PACKED ||
        12 + total * CHR__SV_PACKED != len)
        return CHR_PARSE;
    story *st;
    chr_status r = new_story(s, id, &st);
    if (r != CHR_OK)
        return r;
    st->n_docs = n_docs;
    memcpy(st->nb, nb, sizeof nb);
    st->day_min = chr__iso_days(date_min);
    st->day_max = chr__iso_days(date_max);
    chr__st_sync_scan(s, st);
    const unsigned char *terms = p + 12;
    const unsigned char *names = terms + (size_t)nt * CHR__SV_PACKED;
    const unsigned char *places = names + (size_t)nn * CHR__SV_PACKED;
    if ((r = chr__sv_unpack(&st->terms, terms, nt)) != CHR_OK ||
        (r = chr__sv_unpack(&st->names, names, nn)) != CHR_OK ||
        (r = chr__sv_unpack(&st->places, places, np)) != CHR_OK)
        return r;
    return index_terms(s, st, &st->terms, NULL);
}

/* ---- matching ---- */

void chr__st_vecs_free(doc_vecs *v)
{
    chr__sv_free(&v->terms);
    chr__sv_free(&v->names);
    chr__sv_free(&v->places);
}

chr_status chr__st_vecs_make(const chr__stories *s, const chr_doc *doc,
                                doc_vecs *v)
{
    memset(v, 0, sizeof *v);
    size_t k = (size_t)s->p.doc_terms;
    chr_status r = chr__sv_tfidf(doc->terms, doc->n_terms, k, &s->df,
                                 s->ndocs, &v->terms);
    if (r == CHR_OK)
        r = chr__sv_tfidf(doc->names, doc->n_names, k / 2, &s->df, s->ndocs,
                          &v->names);
    if (r == CHR_OK) /* places are few and named on purpose: equal weights */
        r = chr__sv_equal(doc->places, doc->n_places, &v->places);
    if (r != CHR_OK)
        chr__st_vecs_free(v);
    return r;
}

/* Weighted mean of the term, name and place average links present on
 * both sides. */
static double story_score(const chr__stories *s, const doc_vecs *v,
                          const story *st)
{
    double wt = 1.0 - s->p.name_share - s->p.place_share;
    /* the average link of the terms, through the document's probe table
       (chr__sv_avg_link's value) */
    double t = v->terms.n && st->terms.n && st->n_docs > 0
                   ? chr__sv_table_dot(&s->probe, &st->terms) / st->n_docs
                   : 0;
    double sum = wt * t;
    double w = wt;
    if (v->names.n && st->names.n) {
        sum += s->p.name_share *
               chr__sv_avg_link(&v->names, &st->names, st->n_docs);
        w += s->p.name_share;
    }
    if (v->places.n && st->places.n) {
        sum += s->p.place_share *
               chr__sv_avg_link(&v->places, &st->places, st->n_docs);
        w += s->p.place_share;
    }
    return w > 0 ? sum / w : 0;
}

/* chr__stories_match with the document's vectors made (and kept) by the
 * caller. */
chr_status chr__st_match_vecs(chr__stories *s, const chr_doc *doc,
                             const doc_vecs *vp, chr__assignment *out)
{
    memset(out, 0, sizeof *out);
    s->pend_doc = NULL;
    s->pend_n = 0;
    chr__st_vecs_free(&s->pend_v);
    s->pend_has_v = 0;
    const doc_vecs v = *vp;
    const chr__sv dv = v.terms;
    int32_t day = chr__iso_days(doc->date_hint);
    if (++s->stamp == 0) {
        for (size_t i = 0; i < s->cap; i++)
            s->scan[i].seen = 0;
        s->stamp = 1;
    }
    /* query with the heaviest terms seen before: a term never seen cannot
       retrieve a story, and rare seen terms are the most telling */
    size_t nq = 0;
    chr_term *q = malloc((dv.n ? dv.n : 1) * sizeof *q);
    if (!q)
        return CHR_NOMEM;
    for (uint32_t i = 0; i < dv.n; i++)
        if (chr__map_get(&s->post_of, dv.t[i].hash))
            q[nq++] = dv.t[i];
    qsort(q, nq, sizeof *q, chr__sv_cmp_weight_desc);
    if (nq > QUERY_TERMS)
        nq = QUERY_TERMS;
    /* 1: every story sharing a query term, with the query weight it
       matches (term-at-a-time accumulation); stories outside the date
       window are left out */
    uint32_t *cand = NULL;
    size_t ncand = 0, capcand = 0;
    for (size_t k = 0; k < nq; k++) {
        uint64_t *pi = chr__map_get(&s->post_of, q[k].hash);
        if (!pi)
            continue;
        const posting *p = &s->posts[*pi - 1];
        uint32_t from = p->len > POSTING_SCAN ? p->len - POSTING_SCAN : 0;
        for (uint32_t i = p->len; i-- > from;) {
            uint32_t ix = p->items[i];
            scan *sc = &s->scan[ix];
#ifdef __GNUC__
            /* the scan records are read in random order: ask for the
               one PREFETCH postings ahead while this one is judged */
            if (i >= from + PREFETCH)
                __builtin_prefetch(&s->scan[p->items[i - PREFETCH]], 1);
#endif
            if (sc->seen == s->stamp) {
                if (sc->acc >= 0)
                    sc->acc += q[k].weight;
                continue;
            }
            sc->seen = s->stamp;
            if (sc->day_min == SCAN_DEAD) { /* every member moved out */
                sc->acc = -1;
                continue;
            }
            if (day != INT32_MIN && sc->day_min != INT32_MIN &&
                (day < sc->day_min - s->p.window_days ||
                 day > sc->day_max + s->p.window_days)) {
                sc->acc = -1; /* out of the window */
                continue;
            }
            sc->acc = q[k].weight;
            if (ncand == capcand) {
                size_t nc = capcand ? capcand * 2 : 256;
                uint32_t *n2 = realloc(cand, nc * sizeof *n2);
                if (!n2) {
                    free(cand);
                    free(q);
                    return CHR_NOMEM;
                }
                cand = n2;
                capcand = nc;
            }
            cand[ncand++] = ix;
        }
    }
    /* 2: the SCORED_CANDIDATES best by accumulated weight (a min-heap),
       then the full score for those */
    uint32_t heap[SCORED_CANDIDATES];
    size_t nh = 0;
    for (size_t c = 0; c < ncand; c++) {
        uint32_t ix = cand[c];
        if (nh < SCORED_CANDIDATES) {
            size_t i = nh++;
            heap[i] = ix;
            while (i > 0 &&
                   s->scan[heap[(i - 1) / 2]].acc > s->scan[heap[i]].acc) {
                uint32_t t = heap[i];
                heap[i] = heap[(i - 1) / 2];
                heap[(i - 1) / 2] = t;
                i = (i - 1) / 2;
            }
        } else if (s->scan[ix].acc > s->scan[heap[0]].acc) {
            heap[0] = ix;
            for (size_t i = 0;;) {
                size_t l = 2 * i + 1, r = l + 1, m = i;
                if (l < nh && s->scan[heap[l]].acc < s->scan[heap[m]].acc)
                    m = l;
                if (r < nh && s->scan[heap[r]].acc < s->scan[heap[m]].acc)
                    m = r;
                if (m == i)
                    break;
                uint32_t t = heap[i];
                heap[i] = heap[m];
                heap[m] = t;
                i = m;
            }
        }
    }
    free(cand);
    free(q);
    /* 3: raw scores; the document's neighbourhood r_doc; the corrected
       scores */
    float top[SCORED_CANDIDATES];
    if (nh && chr__sv_table_set(&s->probe, &v.terms) != CHR_OK)
        return CHR_NOMEM;
#ifdef __GNUC__
    /* the candidates are scattered over the story array, and their term
       lists over the heap: ask for every record now, and for each term
       list two candidates ahead */
    for (size_t h = 0; h < nh; h++) {
        const char *rec = (const char *)&s->stories[heap[h]];
        __builtin_prefetch(rec);
        __builtin_prefetch(rec + sizeof(story) - 1);
    }
#endif
    for (size_t h = 0; h < nh; h++) {
#ifdef __GNUC__
        if (h + 2 < nh)
            __builtin_prefetch(s->stories[heap[h + 2]].terms.t);
#endif
        s->pend_ix[h] = heap[h];
        s->pend_sc[h] = (float)story_score(s, &v, &s->stories[heap[h]]);
        top[h] = s->pend_sc[h];
    }
    qsort(top, nh, sizeof *top, cmp_float_desc);
    memcpy(s->pend_top, top, nh * sizeof *top);
    s->pend_n = nh;
    s->pend_doc = doc;
    s->pend_hi = doc->hash_hi;
    s->pend_lo = doc->hash_lo;
    int k = hub_k(s);
    double r_doc = 0;
    for (size_t h = 0; h < nh && h < (size_t)k; h++)
        r_doc += top[h];
    r_doc /= k;
    double best = 0, second = 0, best_raw = 0;
    double top_raw = 0, second_raw = 0; /* best raw scores, any story */
    int64_t best_id = 0, top_id = 0;
    for (size_t h = 0; h < nh; h++) {
        const story *st = &s->stories[s->pend_ix[h]];
        double raw = s->pend_sc[h];
        if (raw > top_raw || (raw == top_raw && top_id && st->id < top_id)) {
            second_raw = top_raw;
            top_raw = raw;
            top_id = st->id;
        } else if (raw > second_raw) {
            second_raw = raw;
        }
        if (raw < s->p.floor)
            continue;
        double r_story = 0;
        for (int i = 0; i < k; i++)
            r_story += st->nb[i];
        r_story /= k;
        double adj = raw - s->p.hub_alpha * (r_doc + r_story) / 2;
        if (!best_id || adj > best || (adj == best && st->id < best_id)) {
            if (best_id && best > second)
                second = best;
            best = adj;
            best_raw = raw;
            best_id = st->id;
        } else if (adj > second) {
            second = adj;
        }
    }
    out->score = best_raw;
    out->adjusted = best;
    out->second = second;
    if (best_id && (best >= s->p.threshold || best_raw >= s->p.strong)) {
        out->story = best_id;
    } else if (top_id && top_raw >= s->p.ratio_low &&
               top_raw >= s->p.floor && top_raw >= s->p.ratio * second_raw) {
        /* the neighbourhood correction holds back a document from a tight
           story of near-copies; a clear, unrivalled best match still joins */
        out->story = top_id;
        out->score = top_raw;
    }
    return CHR_OK;
}

chr_status chr__stories_match(chr__stories *s, const chr_doc *doc,
                              chr__assignment *out)
{
    doc_vecs v;
    chr_status r = chr__st_vecs_make(s, doc, &v);
    if (r != CHR_OK) {
        memset(out, 0, sizeof *out);
        s->pend_doc = NULL;
        s->pend_n = 0;
        return r;
    }
    r = chr__st_match_vecs(s, doc, &v, out);
    if (r != CHR_OK) {
        chr__st_vecs_free(&v);
        return r;
    }
    s->pend_v = v; /* for the chr__stories_add of the same document */
    s->pend_has_v = 1;
    return CHR_OK;
}

/* Records the last match's similarities: in the neighbourhood of every
 * story compared, and the document's best ones in the story it joins.
 * A compared story is marked dirty only when its neighbourhood changed:
 * marking all of them (32 a document) rewrote thousands of unchanged
 * state blobs at every commit, the largest cost of a big store. */
static void apply_pending(chr__stories *s, story *st)
{
    int k = hub_k(s);
    for (size_t h = 0; h < s->pend_n; h++) {
        story *c = &s->stories[s->pend_ix[h]];
        if (nb_insert(c->nb, k, s->pend_sc[h]))
            c->dirty = 1;
    }
    for (size_t h = 0; h < s->pend_n && h < (size_t)k; h++)
        nb_insert(st->nb, k, s->pend_top[h]);
    s->pend_doc = NULL;
    s->pend_n = 0;
}

/* chr__stories_add with the document's vectors `v` (the last match was
 * of this document). */
chr_status chr__st_add_vecs(chr__stories *s, int64_t id, const chr_doc *doc,
                           const doc_vecs *vp, unsigned flags)
{
    chr_status r;
    story *st = chr__st_find(s, id);
    if (!st && (r = new_story(s, id, &st)) != CHR_OK)
        return r;
    if (flags & CHR__SA_MOVED) {
        s->pend_doc = NULL;
        s->pend_n = 0;
    } else {
        apply_pending(s, st);
    }
    size_t k = (size_t)s->p.story_terms;
    r = index_terms(s, st, &vp->terms, &st->terms);
    if (r == CHR_OK)
        r = chr__sv_add(&st->terms, &vp->terms, k);
    if (r == CHR_OK)
        r = chr__sv_add(&st->names, &vp->names, k / 2);
    if (r == CHR_OK)
        r = chr__sv_add(&st->places, &vp->places, k / 4);
    if (r != CHR_OK)
        return r;
    st->n_docs++;
    int32_t day = chr__iso_days(doc->date_hint);
    if (day != INT32_MIN) {
        if (st->day_min == INT32_MIN || day < st->day_min)
            st->day_min = day;
        if (st->day_max == INT32_MIN || day > st->day_max)
            st->day_max = day;
    }
    chr__st_sync_scan(s, st);
    st->dirty = 1;
    return (flags & CHR__SA_COUNTED) ? CHR_OK : chr__stories_count(s, doc);
}

chr_status chr__stories_add(chr__stories *s, int64_t id, const chr_doc *doc,
                            unsigned flags)
{
    chr_status r;
    if (!s->pend_has_v || s->pend_doc != doc ||
        s->pend_hi != doc->hash_hi || s->pend_lo != doc->hash_lo) {
        chr__assignment as;
        if ((r = chr__stories_match(s, doc, &as)) != CHR_OK)
            return r;
    }
    doc_vecs v = s->pend_v; /* taken over */
    memset(&s->pend_v, 0, sizeof s->pend_v);
    s->pend_has_v = 0;
    r = chr__st_add_vecs(s, id, doc, &v, flags);
    chr__st_vecs_free(&v);
    return r;
}

chr_status chr__stories_count(chr__stories *s, const chr_doc *doc)
{
    for (size_t i = 0; i < doc->n_terms; i++) {
        uint64_t *v = chr__map_slot(&s->df, doc->terms[i].hash);
        uint64_t *d = chr__map_slot(&s->df_dirty, doc->terms[i].hash);
        if (!v || !d)
            return CHR_NOMEM;
        (*v)++;
        *d = 1;
    }
    s->ndocs++;
    return CHR_OK;
}

/* Takes vectors v out of story `id`. */
/* ---- persisting ---- */

chr_status chr__stories_flush(chr__stories *s,
                              chr_status (*story_cb)(void *ctx,
                                                     const chr__story_state *st),
                              chr_status (*df_cb)(void *ctx, uint64_t term,
                                                  uint64_t df),
                              void *ctx)
{
    chr_buf b;
    chr_buf_init(&b, 0);
    chr_status r = CHR_OK;
    for (size_t i = 0; i < s->n && r == CHR_OK; i++) {
        story *st = &s->stories[i];
        if (!st->dirty)
            continue;
        chr_buf_reset(&b);
        uint32_t nt = st->terms.n, nn = st->names.n, np = st->places.n;
        const unsigned char head[4] = {BLOB_MAGIC0, BLOB_MAGIC1, BLOB_VERSION,
                                       HUB_MAX};
        r = chr_buf_append(&b, head, 4);
        if (r == CHR_OK)
            r = chr_buf_append(&b, st->nb, sizeof st->nb);
        if (r == CHR_OK)
            r = chr_buf_append(&b, &nt, 4);
        if (r == CHR_OK)
            r = chr_buf_append(&b, &nn, 4);
        if (r == CHR_OK)
            r = chr_buf_append(&b, &np, 4);
        if (r == CHR_OK)
            r = chr__sv_pack(&st->terms, &b);
        if (r == CHR_OK)
            r = chr__sv_pack(&st->names, &b);
        if (r == CHR_OK)
            r = chr__sv_pack(&st->places, &b);
        if (r != CHR_OK)
            break;
        char dmin[11], dmax[11];
        chr__story_state ss = {st->id, st->n_docs, NULL, NULL, b.data, b.len};
        if (st->day_min != INT32_MIN) {
            chr__days_iso(st->day_min, dmin);
            chr__days_iso(st->day_max, dmax);
            ss.date_min = dmin;
            ss.date_max = dmax;
        }
        r = story_cb(ctx, &ss);
        if (r == CHR_OK)
            st->dirty = 0;
    }
    chr_buf_free(&b);
    for (size_t i = 0; i < s->df_dirty.cap && r == CHR_OK; i++) {
        if (!s->df_dirty.keys[i])
            continue;
        uint64_t term = s->df_dirty.keys[i];
        uint64_t *v = chr__map_get(&s->df, term);
        r = df_cb(ctx, term, v ? *v : 0);
    }
    if (r == CHR_OK)
        chr__stories_clear_dirty(s);
    return r;
}

void chr__stories_clear_dirty(chr__stories *s)
{
    for (size_t i = 0; i < s->n; i++)
        s->stories[i].dirty = 0;
    chr__map_free(&s->df_dirty);
}
