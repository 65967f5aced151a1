/* stories_int.h — private to the story index (src/corpus/stories.c,
 * story_refine.c): its records and the steps the re-assignment of a batch
 * shares with matching. */
#ifndef CHR_STORIES_INT_H
#define CHR_STORIES_INT_H

#include "corpus/stories.h"
#include "corpus/vec.h"

#define QUERY_TERMS 32         /* heaviest document terms looked up */
#define POSTING_SCAN 2000      /* newest postings scanned per term */
#define SCORED_CANDIDATES 128  /* stories fully scored per document */
#define PREFETCH 16            /* postings read ahead in the scan */
#define HUB_MAX 8              /* neighbourhood similarities kept a story */
#define BLOB_MAGIC0 'C'        /* state blob: "CS", version, HUB_MAX */
#define BLOB_MAGIC1 'S'
#define BLOB_VERSION 2

typedef struct story {
    int64_t id;
    int n_docs;
    int32_t day_min, day_max;
    chr__sv terms, names, places;
    float nb[HUB_MAX]; /* highest similarities with documents, descending */
    int dirty;
} story;

/* What the candidate scan reads of a story, packed in 16 bytes apart from
 * the story itself: the scan visits up to QUERY_TERMS * POSTING_SCAN
 * postings per document in random story order, and reading the 100-byte
 * story records made it memory-bound and slower as the index grew. */
typedef struct scan {
    uint32_t seen;         /* stamp of the last query that saw it */
    float acc;             /* query weight it matched (this query); -1: out */
    int32_t day_min, day_max; /* the story's; day_min SCAN_DEAD: no members */
} scan;

#define SCAN_DEAD INT32_MAX

/* A document's vectors, weighted with the document frequencies of the
 * moment (which do not change while a batch is assigned and re-assigned:
 * its terms are counted first). */
typedef struct doc_vecs {
    chr__sv terms, names, places;
} doc_vecs;

typedef struct posting {
    uint32_t *items; /* story indexes */
    uint32_t len, cap;
} posting;

struct chr__stories {
    chr__stories_params p;
    story *stories;
    size_t n, cap;
    chr__map by_id;     /* story id -> index + 1 */
    chr__map df;        /* term -> document frequency */
    chr__map df_dirty;  /* term -> 1 */
    chr__map post_of;   /* term -> posting index + 1 */
    posting *posts;
    size_t n_posts, cap_posts;
    scan *scan;         /* per story: what the candidate scan reads */
    uint32_t stamp;
    uint64_t ndocs;
    /* the last match, applied by the add of the same document */
    const chr_doc *pend_doc;
    uint64_t pend_hi, pend_lo;
    uint32_t pend_ix[SCORED_CANDIDATES];
    float pend_sc[SCORED_CANDIDATES];  /* raw scores, by candidate */
    float pend_top[SCORED_CANDIDATES]; /* the same, descending */
    size_t pend_n;
    doc_vecs pend_v;   /* the document's vectors (chr__stories_match) */
    int pend_has_v;
    chr__sv_table probe; /* the matched document's terms (story_score) */
    /* documents kept for re-assignment (chr__stories_keep) */
    struct member *members;
    size_t n_members, cap_members;
};

/* A document of the open batch, as the index needs it for re-assignment:
 * its term lists and date (the caller's chr_doc may be gone by then). */
typedef struct member {
    int64_t seq, story;
    chr_term *terms, *names, *places; /* one allocation, in `terms` */
    size_t n_terms, n_names, n_places;
    char date[11]; /* ISO or "" */
    uint64_t hi, lo;
} member;

/* The story with id `id`, or NULL. */
story *chr__st_find(const chr__stories *s, int64_t id);
/* Copies what the candidate scan reads of st into its packed record. */
void chr__st_sync_scan(chr__stories *s, const story *st);
/* A document's vectors with today's document frequencies. */
chr_status chr__st_vecs_make(const chr__stories *s, const chr_doc *doc,
                             doc_vecs *v);
void chr__st_vecs_free(doc_vecs *v);
/* chr__stories_match and chr__stories_add with the vectors given. */
chr_status chr__st_match_vecs(chr__stories *s, const chr_doc *doc,
                              const doc_vecs *vp, chr__assignment *out);
chr_status chr__st_add_vecs(chr__stories *s, int64_t id, const chr_doc *doc,
                            const doc_vecs *vp, unsigned flags);

#endif
