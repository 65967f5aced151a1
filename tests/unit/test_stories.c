/* test_stories.c — document features (terms, names, places) and the story
 * index: joining, date window, ratio test, persistence round trip. */
#include "t.h"

#include "corpus/stories.h"
#include "corpus/vec.h"
#include "doc/doc.h"
#include "text/text.h"

#include <stdlib.h>

static chr_doc *doc_of(const char *body, const char *date, const char *place)
{
    chr__arena *a = chr__arena_new(0);
    chr_doc *d = chr__arena_alloc(a, sizeof *d);
    d->arena = a;
    d->id = "t";
    d->body = chr__arena_strdup(a, body);
    d->body_len = strlen(body);
    d->date_hint = date;
    d->dateline_place = place;
    chr__doc_terms(d, a);
    return d;
}

static int has(const chr_term *t, size_t n, const char *word)
{
    uint64_t h = chr__hash64(word, strlen(word));
    for (size_t i = 0; i < n; i++)
        if (t[i].hash == h)
            return 1;
    return 0;
}

T_TEST(features_terms_names_places)
{
    chr_doc *d = doc_of("The leaders met in Samarkand, Uzbekistan on Friday "
                        "and Kessler's aides spoke in March.\n\nLater the "
                        "talks in Geneva went on.\n\nThey also met in Oslo.",
                        NULL, "Port Casimir, Dorsland");
    T_CHECK(has(d->terms, d->n_terms, "leaders"));
    T_CHECK(!has(d->terms, d->n_terms, "the"));     /* stop word */
    T_CHECK(has(d->terms, d->n_terms, "kessler"));  /* possessive dropped */
    T_CHECK(has(d->names, d->n_names, "samarkand"));
    T_CHECK(!has(d->names, d->n_names, "leaders"));
    T_CHECK(has(d->places, d->n_places, "samarkand"));
    T_CHECK(has(d->places, d->n_places, "uzbekistan")); /* "X, Y" run */
    T_CHECK(!has(d->places, d->n_places, "friday"));
    T_CHECK(!has(d->places, d->n_places, "march"));     /* a month */
    T_CHECK(has(d->places, d->n_places, "geneva"));     /* second paragraph */
    T_CHECK(!has(d->places, d->n_places, "oslo"));      /* past the lead */
    T_CHECK(has(d->places, d->n_places, "casimir"));    /* the dateline */
    chr_doc_free(d);
}

T_TEST(story_place_dateline_or_lead)
{
    char buf[64];
    chr_doc *d = doc_of("Officials said on Friday that talks in Samarkand, "
                        "Uzbekistan would go on.\n\nLater in Geneva.",
                        NULL, NULL);
    T_EQ_INT(chr__story_place(d, buf, sizeof buf), 21);
    T_EQ_STR(buf, "Samarkand, Uzbekistan");
    chr_doc_free(d);
    d = doc_of("Talks in Geneva.", NULL, "Port Casimir");
    chr__story_place(d, buf, sizeof buf);
    T_EQ_STR(buf, "Port Casimir"); /* the dateline first */
    chr__story_place(d, buf, 5);
    T_EQ_STR(buf, "Port"); /* cut to the buffer */
    chr_doc_free(d);
    d = doc_of("It rained in March.\n\nNobody came.\n\nThen in Oslo.",
               NULL, NULL);
    T_EQ_INT(chr__story_place(d, buf, sizeof buf), 0); /* month; past lead */
    T_EQ_STR(buf, "");
    chr_doc_free(d);
}

static const char *DAM =
    "Parliament in Nordhaven approved the Harlow river dam after a long "
    "debate. Prime Minister Anja Kessler said the dam would bring power to "
    "the northern valleys while farmers in Corvin protested the dam.";
static const char *DAM2 =
    "Lawmakers in Nordhaven backed the Harlow river dam. Anja Kessler told "
    "parliament the dam brings power to the valleys; Corvin farmers "
    "protested the Harlow dam plan.";
static const char *QUAKE =
    "A strong earthquake struck the coastal city of Port Eliane on Sunday, "
    "damaging the harbour and the cathedral as rescue teams searched the "
    "rubble through the night.";

typedef struct saved {
    int64_t ids[4];
    int ndocs[4];
    char dmin[4][11], dmax[4][11];
    unsigned char blob[4][65536];
    size_t len[4];
    int n;
    uint64_t terms[4096], dfs[4096];
    int nd;
} saved;

static chr_status save_story(void *ctx, const chr__story_state *st)
{
    saved *sv = ctx;
    if (sv->n >= 4 || st->len > sizeof sv->blob[0])
        return CHR_TOOBIG;
    sv->ids[sv->n] = st->id;
    sv->ndocs[sv->n] = st->n_docs;
    snprintf(sv->dmin[sv->n], 11, "%s", st->date_min ? st->date_min : "");
    snprintf(sv->dmax[sv->n], 11, "%s", st->date_max ? st->date_max : "");
    memcpy(sv->blob[sv->n], st->blob, st->len);
    sv->len[sv->n] = st->len;
    sv->n++;
    return CHR_OK;
}

static chr_status save_df(void *ctx, uint64_t term, uint64_t df)
{
    saved *sv = ctx;
    if (sv->nd >= 4096)
        return CHR_TOOBIG;
    sv->terms[sv->nd] = term;
    sv->dfs[sv->nd++] = df;
    return CHR_OK;
}

T_TEST(stories_join_window_and_persist)
{
    chr__stories *s = chr__stories_new();
    chr_doc *a = doc_of(DAM, "2025-03-11", NULL);
    chr_doc *b = doc_of(QUAKE, "2025-03-12", NULL);
    chr_doc *a2 = doc_of(DAM2, "2025-03-12", NULL);
    chr_doc *a_late = doc_of(DAM2, "2025-09-01", NULL);
    chr__assignment as;
    T_EQ_INT(chr__stories_match(s, a, &as), CHR_OK);
    T_EQ_INT(as.story, 0); /* empty index: open a story */
    T_EQ_INT(chr__stories_add(s, 1, a, 0), CHR_OK);
    T_EQ_INT(chr__stories_match(s, b, &as), CHR_OK);
    T_EQ_INT(as.story, 0);
    T_EQ_INT(chr__stories_add(s, 2, b, 0), CHR_OK);
    T_EQ_INT(chr__stories_match(s, a2, &as), CHR_OK);
    T_EQ_INT(as.story, 1);
    T_CHECK(as.score > 0.2);
    /* the same text months later does not join: outside the date window */
    T_EQ_INT(chr__stories_match(s, a_late, &as), CHR_OK);
    T_EQ_INT(as.story, 0);

    /* a high threshold refuses the join ... */
    chr__stories_params *p = chr__stories_params_of(s);
    chr__stories_params saved_p = *p;
    p->threshold = p->strong = p->ratio_low = 0.99;
    T_EQ_INT(chr__stories_match(s, a2, &as), CHR_OK);
    T_EQ_INT(as.story, 0);
    /* ... unless the match is clear and unrivalled (ratio test) */
    p->ratio_low = 0.01;
    p->ratio = 1.5;
    T_EQ_INT(chr__stories_match(s, a2, &as), CHR_OK);
    T_EQ_INT(as.story, 1);
    p->ratio_low = 0.99;
    /* ... and so does a strong neighbourhood correction */
    p->threshold = 0.0;
    p->hub_alpha = 50;
    T_EQ_INT(chr__stories_match(s, a2, &as), CHR_OK);
    T_EQ_INT(as.story, 0);
    T_CHECK(as.adjusted < 0);
    /* ... unless the raw score is strong on its own */
    p->strong = 0.2;
    T_EQ_INT(chr__stories_match(s, a2, &as), CHR_OK);
    T_EQ_INT(as.story, 1);
    /* the floor stops everything */
    p->floor = 0.99;
    T_EQ_INT(chr__stories_match(s, a2, &as), CHR_OK);
    T_EQ_INT(as.story, 0);
    *p = saved_p;

    /* persistence: flush, load into a new index, same decision */
    saved *sv = calloc(1, sizeof *sv);
    T_EQ_INT(chr__stories_flush(s, save_story, save_df, sv), CHR_OK);
    T_EQ_INT(sv->n, 2);
    chr__stories *s2 = chr__stories_new();
    chr__stories_set_ndocs(s2, chr__stories_ndocs(s));
    for (int i = 0; i < sv->nd; i++)
        T_EQ_INT(chr__stories_load_df(s2, sv->terms[i], sv->dfs[i]), CHR_OK);
    for (int i = 0; i < sv->n; i++)
        T_EQ_INT(chr__stories_load_story(s2, sv->ids[i], sv->ndocs[i],
                                         sv->dmin[i], sv->dmax[i],
                                         sv->blob[i], sv->len[i]),
                 CHR_OK);
    chr__assignment as2;
    T_EQ_INT(chr__stories_match(s, a2, &as), CHR_OK);
    T_EQ_INT(chr__stories_match(s2, a2, &as2), CHR_OK);
    T_EQ_INT(as2.story, as.story);
    T_CHECK(as.score - as2.score < 1e-6 && as2.score - as.score < 1e-6);
    /* a damaged blob is refused, not trusted */
    T_EQ_INT(chr__stories_load_story(s2, 9, 1, NULL, NULL, sv->blob[0], 7),
             CHR_PARSE);
    T_EQ_INT(chr__stories_load_story(s2, 9, 1, NULL, NULL, sv->blob[0],
                                     sv->len[0] - 1),
             CHR_PARSE);
    chr__stories_free(s2);
    chr__stories_free(s);
    free(sv);
    chr_doc_free(a);
    chr_doc_free(b);
    chr_doc_free(a2);
    chr_doc_free(a_late);
}

typedef struct moves {
    int n;
    int64_t seq, from, to;
} moves;

static chr_status note_move(void *ctx, int64_t seq, int64_t from, int64_t to,
                            double score)
{
    moves *m = ctx;
    (void)score;
    m->n++;
    m->seq = seq;
    m->from = from;
    m->to = to;
    return CHR_OK;
}

T_TEST(stories_refine_moves_a_misplaced_document)
{
    chr__stories *s = chr__stories_new();
    chr_doc *a = doc_of(DAM, "2025-03-11", NULL);
    chr_doc *b = doc_of(QUAKE, "2025-03-12", NULL);
    chr_doc *a2 = doc_of(DAM2, "2025-03-12", NULL);
    T_EQ_INT(chr__stories_count(s, a), CHR_OK);
    T_EQ_INT(chr__stories_count(s, b), CHR_OK);
    T_EQ_INT(chr__stories_count(s, a2), CHR_OK);
    T_EQ_INT(chr__stories_add(s, 1, a, CHR__SA_COUNTED), CHR_OK);
    T_EQ_INT(chr__stories_add(s, 2, b, CHR__SA_COUNTED), CHR_OK);
    /* the dam report put with the earthquake, as an early decision in a
       batch could have */
    T_EQ_INT(chr__stories_add(s, 2, a2, CHR__SA_COUNTED), CHR_OK);
    T_EQ_INT(chr__stories_keep(s, 10, 1, a), CHR_OK);
    T_EQ_INT(chr__stories_keep(s, 11, 2, b), CHR_OK);
    T_EQ_INT(chr__stories_keep(s, 12, 2, a2), CHR_OK);
    moves m = {0, 0, 0, 0};
    T_EQ_INT(chr__stories_refine(s, 2, note_move, &m), CHR_OK);
    T_EQ_INT(m.n, 1);
    T_EQ_INT(m.seq, 12);
    T_EQ_INT(m.from, 2);
    T_EQ_INT(m.to, 1);
    /* a second refinement finds nothing more to move */
    m.n = 0;
    T_EQ_INT(chr__stories_refine(s, 2, note_move, &m), CHR_OK);
    T_EQ_INT(m.n, 0);
    chr__stories_forget(s);
    /* the index agrees: the dam text matches story 1 */
    chr__assignment as;
    T_EQ_INT(chr__stories_match(s, a2, &as), CHR_OK);
    T_EQ_INT(as.story, 1);
    /* a story emptied by moves is never matched */
    T_EQ_INT(chr__stories_remove(s, 1, a), CHR_OK);
    T_EQ_INT(chr__stories_remove(s, 1, a2), CHR_OK);
    T_EQ_INT(chr__stories_match(s, a2, &as), CHR_OK);
    T_CHECK(as.story != 1);
    chr__stories_free(s);
    chr_doc_free(a);
    chr_doc_free(b);
    chr_doc_free(a2);
}

/* ---- vec.c: trimming a vector to its heaviest terms ---- */

static int cmp_u64_hash(const void *a, const void *b)
{
    uint64_t x = ((const chr_term *)a)->hash, y = ((const chr_term *)b)->hash;
    return x < y ? -1 : x > y;
}

static int cmp_w_desc(const void *a, const void *b)
{
    float x = ((const chr_term *)a)->weight, y = ((const chr_term *)b)->weight;
    if (x != y)
        return x > y ? -1 : 1;
    return cmp_u64_hash(a, b);
}

/* The probe table gives exactly chr__sv_dot's value (the same products in
 * the same order), with shared and unshared terms, a term hashed to 0,
 * hashes that collide in the table, and a table reused for a smaller
 * vector after a larger one. */
T_TEST(vec_probe_table_dot_equals_merge_dot)
{
    static const uint32_t sizes[] = {0, 1, 3, 40, 300, 5};
    uint64_t x = 987654321;
    chr__sv_table tab;
    memset(&tab, 0, sizeof tab);
    chr_term *ta = malloc(300 * sizeof *ta), *tb = malloc(300 * sizeof *tb);
    T_CHECK(ta && tb);
    for (size_t si = 0; ta && tb && si < sizeof sizes / sizeof *sizes; si++)
        for (size_t sj = 0; sj < sizeof sizes / sizeof *sizes; sj++) {
            uint32_t na = sizes[si], nb = sizes[sj];
            for (uint32_t i = 0; i < na; i++) {
                x = x * 6364136223846793005ULL + 1442695040888963407ULL;
                /* low bits all alike: every term probes the same slots */
                ta[i].hash = i == 1 ? 0 : (x & ~(uint64_t)0xFFFFF) | 7;
                ta[i].weight = (float)((x >> 33) % 1000) / 997.0f;
            }
            for (uint32_t i = 0; i < nb; i++) {
                x = x * 6364136223846793005ULL + 1442695040888963407ULL;
                /* about half of b's terms are a's */
                tb[i].hash = (i % 2 && i < na) ? ta[i].hash
                                               : (x & ~(uint64_t)0xFFFFF) | 7;
                tb[i].weight = (float)((x >> 29) % 1000) / 991.0f;
            }
            if (nb > 1)
                tb[1].hash = 0;
            qsort(ta, na, sizeof *ta, cmp_u64_hash);
            qsort(tb, nb, sizeof *tb, cmp_u64_hash);
            chr__sv a = {ta, na, 0}, b = {tb, nb, 0};
            T_EQ_INT(chr__sv_table_set(&tab, &a), CHR_OK);
            double want = chr__sv_dot(&a, &b), got = chr__sv_table_dot(&tab, &b);
            T_CHECK(want == got);
            if (na > 1 && nb > 1)
                T_CHECK(want != 0); /* the shared terms did count */
        }
    chr__sv_table_free(&tab);
    free(ta);
    free(tb);
}

T_TEST(vec_trim_keeps_the_heaviest_in_hash_order)
{
    /* the selection must give exactly what sorting by weight (ties: the
       smaller hash) and cutting gives, on sorted and unsorted input */
    static const size_t sizes[] = {0, 1, 2, 7, 300, 700};
    static const size_t keeps[] = {0, 1, 5, 256, 699, 1000};
    uint64_t x = 12345;
    chr_term *t = malloc(700 * sizeof *t), *ref = malloc(700 * sizeof *ref);
    T_CHECK(t && ref);
    for (size_t si = 0; t && ref && si < sizeof sizes / sizeof *sizes; si++)
        for (size_t ki = 0; ki < sizeof keeps / sizeof *keeps; ki++)
            for (int sorted = 0; sorted < 2; sorted++) {
                size_t n = sizes[si], keep = keeps[ki];
                for (size_t i = 0; i < n; i++) {
                    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
                    t[i].hash = (x >> 8) | 1;
                    /* few distinct weights: many ties */
                    t[i].weight = (float)((x >> 40) % 7) / 4.0f;
                }
                if (sorted)
                    qsort(t, n, sizeof *t, cmp_u64_hash);
                memcpy(ref, t, n * sizeof *t);
                size_t nr = n;
                if (nr > keep) {
                    qsort(ref, nr, sizeof *ref, cmp_w_desc);
                    nr = keep;
                }
                qsort(ref, nr, sizeof *ref, cmp_u64_hash);
                size_t got = chr__sv_trim(t, n, keep);
                T_EQ_INT(got, nr);
                int same = 1;
                for (size_t i = 0; i < nr && i < got; i++)
                    same &= t[i].hash == ref[i].hash &&
                            t[i].weight == ref[i].weight;
                T_CHECK(same);
            }
    free(t);
    free(ref);
}

typedef struct flushed {
    int n;
    int64_t ids[8];
} flushed;

static chr_status count_story(void *ctx, const chr__story_state *st)
{
    flushed *f = ctx;
    if (f->n < 8)
        f->ids[f->n] = st->id;
    f->n++;
    return CHR_OK;
}

static chr_status ignore_df(void *ctx, uint64_t term, uint64_t df)
{
    (void)ctx;
    (void)term;
    (void)df;
    return CHR_OK;
}

T_TEST(stories_flush_writes_only_changed_stories)
{
    chr__stories *s = chr__stories_new();
    chr_doc *a = doc_of(DAM, "2025-03-11", NULL);
    chr_doc *b = doc_of(QUAKE, "2025-03-12", NULL);
    chr_doc *a2 = doc_of(DAM2, "2025-03-12", NULL);
    T_EQ_INT(chr__stories_add(s, 1, a, 0), CHR_OK);
    T_EQ_INT(chr__stories_add(s, 2, b, 0), CHR_OK);
    flushed f = {0, {0}};
    T_EQ_INT(chr__stories_flush(s, count_story, ignore_df, &f), CHR_OK);
    T_EQ_INT(f.n, 2);
    /* nothing changed: nothing written */
    f.n = 0;
    T_EQ_INT(chr__stories_flush(s, count_story, ignore_df, &f), CHR_OK);
    T_EQ_INT(f.n, 0);
    /* a document joins story 1: story 1 is written (story 2 only when the
       comparison changed its neighbourhood) */
    chr__assignment as;
    T_EQ_INT(chr__stories_match(s, a2, &as), CHR_OK);
    T_EQ_INT(as.story, 1);
    T_EQ_INT(chr__stories_add(s, 1, a2, 0), CHR_OK);
    f.n = 0;
    T_EQ_INT(chr__stories_flush(s, count_story, ignore_df, &f), CHR_OK);
    T_CHECK(f.n >= 1 && f.n <= 2);
    T_EQ_INT(f.ids[0], 1);
    /* story 3 holds the dam text too, so every later dam document is
       compared with it; once its neighbourhood is full of the score such a
       document gets (terms counted, so the score stays the same), adding
       one more to story 1 changes story 1 only: story 3 is not written
       (before, every compared story was) */
    T_EQ_INT(chr__stories_add(s, 3, a, CHR__SA_COUNTED), CHR_OK);
    for (int i = 0; i < 8; i++) {
        T_EQ_INT(chr__stories_match(s, a2, &as), CHR_OK);
        T_EQ_INT(chr__stories_add(s, 1, a2, CHR__SA_COUNTED), CHR_OK);
    }
    f.n = 0;
    T_EQ_INT(chr__stories_flush(s, count_story, ignore_df, &f), CHR_OK);
    T_CHECK(f.n >= 2); /* 1 and 3 at least */
    T_EQ_INT(chr__stories_match(s, a2, &as), CHR_OK);
    T_EQ_INT(chr__stories_add(s, 1, a2, CHR__SA_COUNTED), CHR_OK);
    f.n = 0;
    T_EQ_INT(chr__stories_flush(s, count_story, ignore_df, &f), CHR_OK);
    T_EQ_INT(f.n, 1);
    T_EQ_INT(f.ids[0], 1);
    chr__stories_free(s);
    chr_doc_free(a);
    chr_doc_free(b);
    chr_doc_free(a2);
}

/* A neighbourhood value a rounding error past 1 (a document identical to
 * a story's only member) loads; a value far out of range is damage. */
T_TEST(stories_load_tolerates_rounding_in_neighbourhood)
{
    chr__stories *s = chr__stories_new();
    chr_doc *a = doc_of(DAM, "2025-03-11", NULL);
    T_EQ_INT(chr__stories_add(s, 1, a, 0), CHR_OK);
    T_EQ_INT(chr__stories_add(s, 1, a, 0), CHR_OK); /* the same text again */
    saved *sv = calloc(1, sizeof *sv);
    T_EQ_INT(chr__stories_flush(s, save_story, save_df, sv), CHR_OK);
    T_EQ_INT(sv->n, 1);
    float nb0;
    memcpy(&nb0, sv->blob[0] + 4, 4);
    T_CHECK(nb0 <= 1.0f); /* recorded scores are clamped */
    chr__stories *s2 = chr__stories_new();
    float x = 1.0000001f;
    memcpy(sv->blob[0] + 4, &x, 4);
    T_EQ_INT(chr__stories_load_story(s2, 1, 2, NULL, NULL, sv->blob[0],
                                     sv->len[0]),
             CHR_OK);
    x = 1.5f;
    memcpy(sv->blob[0] + 4, &x, 4);
    T_EQ_INT(chr__stories_load_story(s2, 2, 2, NULL, NULL, sv->blob[0],
                                     sv->len[0]),
             CHR_PARSE);
    chr__stories_free(s2);
    chr__stories_free(s);
    free(sv);
    chr_doc_free(a);
}
