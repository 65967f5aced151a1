/* stories.h — internal interface of the story stage (src/corpus/): the
 * in-memory index that assigns each new document to a story. The store owns
 * one index, loads it at open and persists what changed at commit. */
#ifndef CHR_STORIES_H
#define CHR_STORIES_H

#include "base/base.h"

typedef struct chr__stories chr__stories;

/* Tunables; chr__stories_new() sets the defaults documented in stories.c. */
typedef struct chr__stories_params {
    double threshold;  /* neighbourhood-corrected score that joins a story */
    double strong;     /* raw score that joins on its own */
    double floor;      /* raw score below which a story is never joined */
    double ratio_low;  /* raw score that joins the best-scoring story when */
    double ratio;      /* ... it is `ratio` times the runner-up's raw score
                          (a weak but unambiguous match) */
    int hub_k;         /* neighbours averaged for the correction (<= 8) */
    double hub_alpha;  /* weight of the neighbourhood correction */
    double name_share; /* weight of the proper-name similarity in the score */
    double place_share; /* weight of the place similarity in the score */
    int window_days;   /* dated documents join only stories within this */
    int doc_terms;     /* terms kept per document vector */
    int story_terms;   /* terms kept per story centroid */
} chr__stories_params;

chr__stories *chr__stories_new(void);
void chr__stories_free(chr__stories *s);
chr__stories_params *chr__stories_params_of(chr__stories *s);

/* Loading persisted state (at store open). */
chr_status chr__stories_load_df(chr__stories *s, uint64_t term, uint64_t df);
void chr__stories_set_ndocs(chr__stories *s, uint64_t n);
chr_status chr__stories_load_story(chr__stories *s, int64_t id, int n_docs,
                                   const char *date_min, const char *date_max,
                                   const void *blob, size_t len);

typedef struct chr__assignment {
    int64_t story;  /* existing story id, or 0 when a new one must open */
    double score;   /* the best story's raw similarity (0 when none) */
    double adjusted; /* its neighbourhood-corrected score */
    double second;  /* the runner-up's corrected score (0 when none) */
} chr__assignment;

/* Finds the story `doc` belongs to. The index itself is unchanged; the
 * similarities found are kept for the chr__stories_add() of the same
 * document that follows. */
chr_status chr__stories_match(chr__stories *s, const chr_doc *doc,
                              chr__assignment *out);

/* Adds `doc` to story `id` (creating it in the index when new), counts
 * its terms in the document frequencies and records its similarities in
 * the neighbourhoods of the stories it was compared with. */
enum {
    CHR__SA_COUNTED = 1, /* its terms are counted already (chr__stories_count) */
    CHR__SA_MOVED = 2    /* a re-assignment: neighbourhoods are left alone */
};
chr_status chr__stories_add(chr__stories *s, int64_t id, const chr_doc *doc,
                            unsigned flags);

/* Takes `doc` out of story `id` (its vectors, with today's weights,
 * subtracted from the story's sums); the document frequencies stay. */
chr_status chr__stories_remove(chr__stories *s, int64_t id,
                               const chr_doc *doc);

/* Re-assignment. A batch's documents are assigned one after the other,
 * each seeing only those before it; once all are in, each is taken out of
 * its story and matched again against the stories as they now are, and
 * moved when another story wins (a document with no story good enough
 * stays). keep() retains what that needs of a stored document (`seq`: the
 * caller's key for it); refine() runs up to `passes` rounds over the kept
 * documents in the order kept, stopping early when nothing moves, and
 * calls `moved` for every move; forget() drops the kept documents. A
 * story whose members all moved out keeps n_docs 0 and is never matched
 * again (its persisted state reports n_docs 0). */
chr_status chr__stories_keep(chr__stories *s, int64_t seq, int64_t story,
                             const chr_doc *doc);
chr_status chr__stories_refine(chr__stories *s, int passes,
                               chr_status (*moved)(void *ctx, int64_t seq,
                                                   int64_t from, int64_t to,
                                                   double score),
                               void *ctx);
void chr__stories_forget(chr__stories *s);

/* Counts the terms of `doc` in the document frequencies (done by
 * chr__stories_add unless `counted` says it was done already). */
chr_status chr__stories_count(chr__stories *s, const chr_doc *doc);

/* Persisting: calls `cb` for every story changed since the last flush with
 * its serialised state, then for every changed document frequency. */
typedef struct chr__story_state {
    int64_t id;
    int n_docs;
    const char *date_min, *date_max; /* ISO or NULL */
    const void *blob;
    size_t len;
} chr__story_state;

chr_status chr__stories_flush(chr__stories *s,
                              chr_status (*story_cb)(void *ctx,
                                                     const chr__story_state *st),
                              chr_status (*df_cb)(void *ctx, uint64_t term,
                                                  uint64_t df),
                              void *ctx);
/* Forgets the changes since the last flush (after a rollback the index is
 * reloaded by the store; this only clears the dirty marks). */
void chr__stories_clear_dirty(chr__stories *s);

uint64_t chr__stories_ndocs(const chr__stories *s);
size_t chr__stories_memory(const chr__stories *s);

/* The place a document's story happened, as text: its dateline place,
 * else the first place its lead names after "in" ("Samarkand,
 * Uzbekistan"); "" when none. Writes at most cap - 1 bytes and a NUL into
 * out; returns the length. */
size_t chr__story_place(const chr_doc *doc, char *out, size_t cap);

/* Days since 1970-01-01 of an ISO date, or INT32_MIN when NULL/invalid. */
int32_t chr__iso_days(const char *iso);
/* Writes the ISO date of `days` into out[11]. */
void chr__days_iso(int32_t days, char out[11]);

#endif
