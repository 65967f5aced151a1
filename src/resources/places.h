/* places.h — the gazetteer: place names resolved to an entry with its
 * country (issue 5, item 5). Internal interface of src/resources/places*.c.
 *
 * The data (about 25,000 entries: 250 countries; 85 regions: US states,
 * Canadian provinces, Australian states, UK nations, the Palestinian
 * territories and a few others; every capital, admin seat and town of
 * 15,000 people or more) is compiled into const tables at build time
 * (tools/gen_places.c, mk/places.mk; 1.9 MB): nothing is loaded, nothing is
 * allocated, every function here is pure and thread-safe. A lookup is one
 * hash probe (about 2 million a second on one core).
 *
 * For a document, chr__places_resolve_doc() (places_doc.c) gives the
 * dateline place, the event places and every place mention: the story
 * place is its `main`; entities take `mentions` (type GPE; demonyms are not
 * mentions).
 *
 * An entry is named by an id, its index in the tables (>= 0). Ids are
 * stable within one build only: store the formatted name, not the id. */
#ifndef CHR_PLACES_H
#define CHR_PLACES_H

#include "base/base.h"

/* Kinds of entries, in order of size. */
enum {
    CHR__PLACE_COUNTRY = 1,
    CHR__PLACE_REGION,  /* US state, Canadian province, ... */
    CHR__PLACE_CAPITAL, /* national capital */
    CHR__PLACE_ADMIN,   /* seat of a first-order division */
    CHR__PLACE_CITY
};

/* Flags of a candidate: how the name names the entry. */
#define CHR__PLACE_ALT 1u     /* an alternative or former name (Kiev) */
#define CHR__PLACE_DEMONYM 2u /* an adjective (Uzbek): not the place itself */
#define CHR__PLACE_QUAL 4u    /* an abbreviation that names the entry only
                                 after a comma ("Springfield, Ill.") */
#define CHR__PLACE_ACRO 8u    /* an acronym (UK, U.S.): written in capitals */

typedef struct chr__place_info {
    int32_t id;
    int kind;              /* CHR__PLACE_* */
    const char *name;      /* display name: "Astana" */
    const char *country;   /* its country's display name: "Kazakhstan" */
    const char *official;  /* the country's official name */
    char cc2[3], cc3[4];   /* "KZ", "KAZ" */
    const char *admin1;    /* GeoNames admin1 code, "" when none */
    const char *region;    /* name of its region when the table has it
                              ("Illinois"), else NULL */
    int32_t country_id;    /* entry of its country (itself for a country) */
    int32_t region_id;     /* entry of its region, -1 when none */
    uint32_t population;   /* 0 for countries and regions */
    double lat, lon;       /* degrees, 0.01 precision */
} chr__place_info;

/* Number of entries, and bytes of the const tables (memory used). */
size_t chr__places_count(void);
size_t chr__places_memory(void);

/* Fills *out for entry id; 0 when id is not an entry. */
int chr__place_get(int32_t id, chr__place_info *out);

typedef struct chr__place_cand {
    int32_t id;
    unsigned flags; /* CHR__PLACE_ALT ... */
} chr__place_cand;

/* The entries named s[0..n) (any case and diacritics, "St."/"Saint",
 * hyphens or spaces, a leading "the" ignored): writes up to cap of them to
 * out, by decreasing prior (countries, then regions, then places by
 * population, capitals first), and returns how many there are (which may
 * exceed cap). Any bytes are accepted; names over 95 bytes match nothing. */
size_t chr__places_lookup(const char *s, size_t n, chr__place_cand *out,
                          size_t cap);

/* Country context of a document: how much each country and region is
 * talked about. Plain data on the stack (about 1.3 KiB); no allocation. */
#define CHR__PLACE_CTX_REGIONS 16
typedef struct chr__place_ctx {
    float country[256]; /* weight by country index (entry id of a country) */
    float total;
    int32_t region[CHR__PLACE_CTX_REGIONS];
    float region_w[CHR__PLACE_CTX_REGIONS];
    float region_total;
    int n_regions;
} chr__place_ctx;

void chr__place_ctx_init(chr__place_ctx *c);
/* Adds weight w to the country of entry id, and to its region (a region
 * itself counts as its own region). Ids that are not entries are ignored. */
void chr__place_ctx_add(chr__place_ctx *c, int32_t id, float w);

/* Resolves the name s[0..n) to one entry: the candidate with the best
 * score = prior + 4 * (share of its country in ctx) + 2 * (share of its
 * region), where prior is 9 for a country, 6.5 for a region, and
 * log10(population) plus 1.5 for a national capital or 0.2 for an admin
 * seat for a place. Demonyms never resolve; abbreviations (QUAL) only when
 * `qualifier` is 1 (the name follows a comma); acronyms only when `caps` is
 * 1 (the text is written in capitals). `within` >= 0 (a country or region
 * entry) keeps only the candidates inside it ("Paris, Texas"). ctx may be
 * NULL. Returns the id, or -1 when nothing fits; *score (may be
 * NULL) gets the winner's score. */
int32_t chr__place_resolve(const char *s, size_t n, const chr__place_ctx *ctx,
                           int32_t within, int qualifier, int caps,
                           float *score);

/* The entry a qualifier after a comma names ("Kazakhstan", "Ill.", "TX",
 * "D.C."): a country or region only, -1 when none. */
int32_t chr__place_qualifier(const char *s, size_t n, const chr__place_ctx *ctx);

/* Writes the display form of entry id to out[cap] (NUL-terminated, cut at a
 * character boundary): "Astana, Kazakhstan" for a place, "Texas, United
 * States" for a region, "Kazakhstan" for a country. With
 * CHR__PLACE_FMT_REGION, places add their region when known ("Springfield,
 * Illinois, United States"). Returns the length (0 for a bad id). */
#define CHR__PLACE_FMT_REGION 1
size_t chr__place_format(int32_t id, unsigned fmt, char *out, size_t cap);

/* ---- documents (places_doc.c) ---- */

/* How a place was found in a document. */
enum {
    CHR__PLACE_BY_DATELINE = 1, /* the dateline place */
    CHR__PLACE_BY_LOCATIVE,     /* "in Samarkand", "at Astana", "near X" */
    CHR__PLACE_BY_APPOSITION,   /* "the Uzbek city of Samarkand",
                                   "Kazakhstan's capital, Astana" */
    CHR__PLACE_BY_MENTION       /* any other mention (for entities) */
};

typedef struct chr__place_hit {
    int32_t id;         /* entry, or -1 when only the country is known (a
                           dateline "Smalltown, Kazakhstan") */
    int32_t country_id; /* entry of its country, -1 when unknown */
    int kind;           /* CHR__PLACE_* of the entry, 0 when id is -1 */
    int how;            /* CHR__PLACE_BY_* */
    size_t start, end;  /* bytes of the name in body (for the dateline: in
                           d->dateline_place), qualifier included */
    float score;        /* resolution score (higher is surer) */
    const char *text;   /* formatted ("Astana, Kazakhstan"), in the arena;
                           for an unknown town, "Smalltown, Kazakhstan" */
} chr__place_hit;

typedef struct chr__doc_places {
    chr__place_hit dateline; /* .text NULL when there is no dateline place
                                or it names nothing known */
    /* locative and appositive places of the lead (chr__lead_end), in text
       order, duplicates kept (each occurrence has its offsets) */
    chr__place_hit *events;
    size_t n_events;
    /* every gazetteer name found in the body, in text order, events
       included: countries, regions, and places (common-word places such
       as "Split" or "Mobile" only after a preposition), for entities
       (GPE); demonyms are not mentions */
    chr__place_hit *mentions;
    size_t n_mentions;
    /* locative and appositive places of the title ("Putin and Xi met in
       Kazakhstan"), offsets into d->title, at most 32 */
    chr__place_hit *title_events;
    size_t n_title_events;
    /* the document's place: the dateline's when resolved, else the first
       event place below country level (lead, then title), else the first
       event place (lead, then title); when that is a country, the first
       locative place inside that country in the rest of the body (a
       mention), if any. NULL when none. Points into the above. */
    const chr__place_hit *main;
    chr__place_ctx ctx; /* the country context used */
} chr__doc_places;

/* Resolves the places of document d: the dateline place (d->dateline_place,
 * "City, Country" or "City, State" uses its qualifier), the event places of
 * the lead and of the title, and every mention of the body (the first
 * 1 MiB), using as
 * context the countries, regions and demonyms named in the title, the
 * dateline and the body. Everything is allocated in `a` (at most 512 events
 * and 4,096 mentions are kept). d->body may be NULL. CHR_OK, or CHR_NOMEM
 * (out is then zeroed). Pure and thread-safe. */
chr_status chr__places_resolve_doc(const chr_doc *d, chr__arena *a,
                                   chr__doc_places *out);

#endif
