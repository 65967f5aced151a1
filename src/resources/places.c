/* places.c — the gazetteer: lookup of a place name, resolution of an
 * ambiguous one by country context and population, and the display form.
 *
 * Data: $(BUILD)/gen/places_data.c, generated at build time by
 * tools/gen_places.c from data/places*.tsv (layout at the top of that
 * tool) and #included here: const tables, nothing loaded or allocated.
 * Without the generated file the gazetteer is empty (every lookup finds
 * nothing).
 *
 * Lookup: the name is folded (places_fold.h: case, marks, dots and
 * apostrophes, hyphens as spaces, St./Mt./Ft., a leading "the"), hashed,
 * and the open-addressing slot table is probed until the key or an empty
 * slot: one hash, usually one memcmp. The key's postings list the entries
 * it names with flags (alternative name, demonym, abbreviation, acronym).
 *
 * Resolution (decisions): a score = prior + 4 * country share + 2 * region
 * share. Priors: countries 9 (a country beats any same-named town: Georgia,
 * Jordan, Lebanon), regions 6.5 (beats its homonym towns and Quebec City,
 * loses to New York City and Washington), places log10(population) + 1.5 for
 * a national capital + 0.2 for an admin seat (small, so that St. Louis,
 * Missouri, 316,000 people, beats Saint-Louis, Senegal, a regional seat of
 * 176,000). The shares come from the document's context (chr__place_ctx:
 * countries and regions named, with weights), so "Paris" is Paris, France
 * (6.3 + 1.5) unless the document is about Texas (Paris, Texas: 4.4 + 4 +
 * 2). A qualifier ("Springfield,
 * Ill.") is not a weight but a filter: only the entries inside it count. */
#include "resources/places.h"
#include "resources/places_fold.h"

#include <math.h>
#include <string.h>

typedef struct chr__place_country {
    uint32_t codes;           /* "KZKAZ" */
    uint32_t name, official;  /* offsets in chr__places_str */
} chr__place_country;

typedef struct chr__place_rec {
    uint32_t name, admin, pop;
    int16_t lat, lon; /* 1/100 degree */
    uint16_t country, region;
    uint8_t kind;
} chr__place_rec;

typedef struct chr__place_key {
    uint32_t hash, off, first;
    uint16_t len, n;
} chr__place_key;

#if defined(__has_include)
#if __has_include("gen/places_data.c")
#include "gen/places_data.c"
#define CHR_HAVE_PLACES 1
#endif
#endif

#ifndef CHR_HAVE_PLACES
#define CHR__PLACES_N_COUNTRY 0
#define CHR__PLACES_N_REC 0
#define CHR__PLACES_N_KEY 0
#define CHR__PLACES_N_POST 0
#define CHR__PLACES_SLOT_BITS 0
#define CHR__PLACES_STR_LEN 1
static const char chr__places_str[] = "";
static const chr__place_country chr__places_country[1] = {{0, 0, 0}};
static const chr__place_rec chr__places_rec[1] = {{0, 0, 0, 0, 0, 0, 0, 0}};
static const chr__place_key chr__places_key[1] = {{0, 0, 0, 0, 0}};
static const uint32_t chr__places_post[1] = {0};
static const uint32_t chr__places_slot[1] = {0};
#endif

_Static_assert(CHR__PLACES_N_COUNTRY <= 256, "the context holds 256 countries");

#define SLOT_MASK ((((size_t)1) << CHR__PLACES_SLOT_BITS) - 1)
#define NO_REGION 0xFFFF

size_t chr__places_count(void)
{
    return CHR__PLACES_N_REC;
}

size_t chr__places_memory(void)
{
    return sizeof chr__places_str + sizeof chr__places_country +
           sizeof chr__places_rec + sizeof chr__places_key +
           sizeof chr__places_post + sizeof chr__places_slot;
}

static const char *str_at(uint32_t off)
{
    return off < CHR__PLACES_STR_LEN ? chr__places_str + off : "";
}

static int valid(int32_t id)
{
    return id >= 0 && (size_t)id < CHR__PLACES_N_REC;
}

int chr__place_get(int32_t id, chr__place_info *out)
{
    memset(out, 0, sizeof *out);
    if (!valid(id))
        return 0;
    const chr__place_rec *r = &chr__places_rec[id];
    const chr__place_country *c = &chr__places_country[r->country];
    out->id = id;
    out->kind = r->kind;
    out->name = str_at(r->name);
    out->country = str_at(c->name);
    out->official = str_at(c->official);
    const char *codes = str_at(c->codes);
    if (strlen(codes) == 5) {
        memcpy(out->cc2, codes, 2);
        memcpy(out->cc3, codes + 2, 3);
    }
    out->admin1 = str_at(r->admin);
    out->country_id = r->country;
    out->region_id = r->region == NO_REGION ? -1 : (int32_t)r->region;
    if (r->kind == CHR__PLACE_REGION)
        out->region_id = id;
    out->region = out->region_id >= 0 && out->region_id != id
                      ? str_at(chr__places_rec[out->region_id].name)
                      : NULL;
    out->population = r->pop;
    out->lat = r->lat / 100.0;
    out->lon = r->lon / 100.0;
    return 1;
}

static const chr__place_key *find_key(const char *s, size_t n)
{
    char key[CHR__PLACE_KEY_MAX];
    if (CHR__PLACES_N_KEY == 0 || n == 0 || n >= CHR__PLACE_KEY_MAX * 2)
        return NULL;
    size_t k = chr__place_fold(s, n, key, sizeof key);
    if (k == 0 || k >= CHR__PLACE_KEY_MAX - 2)
        return NULL;
    uint32_t h = chr__place_hash(key, k);
    /* the table is at most half full: every probe ends at an empty slot */
    for (size_t i = h & SLOT_MASK;; i = (i + 1) & SLOT_MASK) {
        uint32_t e = chr__places_slot[i];
        if (e == 0)
            return NULL;
        const chr__place_key *pk = &chr__places_key[e - 1];
        if (pk->hash == h && pk->len == k &&
            memcmp(chr__places_str + pk->off, key, k) == 0)
            return pk;
    }
}

static double prior(const chr__place_rec *r)
{
    switch (r->kind) {
    case CHR__PLACE_COUNTRY:
        return 9.0;
    case CHR__PLACE_REGION:
        return 6.5;
    default:
        break;
    }
    double p = log10((double)r->pop + 10.0);
    if (r->kind == CHR__PLACE_CAPITAL)
        p += 1.5;
    else if (r->kind == CHR__PLACE_ADMIN)
        p += 0.2;
    return p;
}

/* Candidates sorted by prior (insertion sort: lists are short). */
size_t chr__places_lookup(const char *s, size_t n, chr__place_cand *out,
                          size_t cap)
{
    const chr__place_key *k = s ? find_key(s, n) : NULL;
    if (!k)
        return 0;
    size_t m = 0;
    for (uint32_t i = 0; i < k->n && k->first + i < CHR__PLACES_N_POST; i++) {
        uint32_t p = chr__places_post[k->first + i];
        chr__place_cand c = {(int32_t)(p & 0xFFFFFF), p >> 24};
        if (!valid(c.id))
            continue;
        if (m < cap) {
            size_t j = m;
            double pc = prior(&chr__places_rec[c.id]);
            while (j > 0 && prior(&chr__places_rec[out[j - 1].id]) < pc) {
                out[j] = out[j - 1];
                j--;
            }
            out[j] = c;
        }
        m++;
    }
    return m;
}

void chr__place_ctx_init(chr__place_ctx *c)
{
    memset(c, 0, sizeof *c);
}

void chr__place_ctx_add(chr__place_ctx *c, int32_t id, float w)
{
    if (!valid(id) || !(w > 0))
        return;
    const chr__place_rec *r = &chr__places_rec[id];
    c->country[r->country] += w;
    c->total += w;
    int32_t reg = r->kind == CHR__PLACE_REGION ? id
                  : r->region == NO_REGION     ? -1
                                               : (int32_t)r->region;
    if (reg < 0)
        return;
    c->region_total += w;
    for (int i = 0; i < c->n_regions; i++)
        if (c->region[i] == reg) {
            c->region_w[i] += w;
            return;
        }
    if (c->n_regions < CHR__PLACE_CTX_REGIONS) {
        c->region[c->n_regions] = reg;
        c->region_w[c->n_regions++] = w;
    }
}

static double ctx_bonus(const chr__place_ctx *c, int32_t id)
{
    if (!c)
        return 0;
    const chr__place_rec *r = &chr__places_rec[id];
    double b = 0;
    if (c->total > 0)
        b += 4.0 * c->country[r->country] / c->total;
    int32_t reg = r->kind == CHR__PLACE_REGION ? id
                  : r->region == NO_REGION     ? -1
                                               : (int32_t)r->region;
    if (reg >= 0 && c->region_total > 0)
        for (int i = 0; i < c->n_regions; i++)
            if (c->region[i] == reg)
                b += 2.0 * c->region_w[i] / c->region_total;
    return b;
}

/* 1 when entry id lies within entry `within` (a country or region). */
static int inside(int32_t id, int32_t within)
{
    if (within < 0)
        return 1;
    if (!valid(within) || id == within)
        return id == within;
    const chr__place_rec *r = &chr__places_rec[id];
    const chr__place_rec *w = &chr__places_rec[within];
    if (w->kind == CHR__PLACE_COUNTRY)
        return r->country == (uint16_t)within;
    if (w->kind == CHR__PLACE_REGION)
        return r->region == (uint16_t)within;
    return 0;
}

int32_t chr__place_resolve(const char *s, size_t n, const chr__place_ctx *ctx,
                           int32_t within, int qualifier, int caps,
                           float *score)
{
    chr__place_cand c[64];
    size_t m = chr__places_lookup(s, n, c, CHR__ARRAY_LEN(c));
    if (m > CHR__ARRAY_LEN(c))
        m = CHR__ARRAY_LEN(c);
    int32_t best = -1;
    double bs = -1e9;
    for (size_t i = 0; i < m; i++) {
        if ((c[i].flags & CHR__PLACE_DEMONYM) ||
            ((c[i].flags & CHR__PLACE_QUAL) && !qualifier) ||
            ((c[i].flags & CHR__PLACE_ACRO) && !caps) ||
            !inside(c[i].id, within) || c[i].id == within)
            continue;
        double sc = prior(&chr__places_rec[c[i].id]) + ctx_bonus(ctx, c[i].id);
        if (c[i].flags & CHR__PLACE_ALT)
            sc -= 0.1; /* the current name first on ties */
        if (sc > bs) {
            bs = sc;
            best = c[i].id;
        }
    }
    if (score)
        *score = best >= 0 ? (float)bs : 0.0f;
    return best;
}

int32_t chr__place_qualifier(const char *s, size_t n, const chr__place_ctx *ctx)
{
    chr__place_cand c[64];
    size_t m = chr__places_lookup(s, n, c, CHR__ARRAY_LEN(c));
    if (m > CHR__ARRAY_LEN(c))
        m = CHR__ARRAY_LEN(c);
    int32_t best = -1;
    double bs = -1e9;
    for (size_t i = 0; i < m; i++) {
        int kind = chr__places_rec[c[i].id].kind;
        if ((c[i].flags & CHR__PLACE_DEMONYM) ||
            (kind != CHR__PLACE_COUNTRY && kind != CHR__PLACE_REGION))
            continue;
        double sc = prior(&chr__places_rec[c[i].id]) + ctx_bonus(ctx, c[i].id);
        if (sc > bs) {
            bs = sc;
            best = c[i].id;
        }
    }
    return best;
}

/* Appends s to out[cap] at *o, cut at a character boundary. */
static void put(char *out, size_t cap, size_t *o, const char *s)
{
    size_t n = strlen(s);
    if (*o + n >= cap) {
        n = cap - 1 - *o;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(out + *o, s, n);
    *o += n;
    out[*o] = '\0';
}

size_t chr__place_format(int32_t id, unsigned fmt, char *out, size_t cap)
{
    if (!cap)
        return 0;
    out[0] = '\0';
    chr__place_info pi;
    if (!chr__place_get(id, &pi))
        return 0;
    size_t o = 0;
    put(out, cap, &o, pi.name);
    if (pi.kind == CHR__PLACE_COUNTRY)
        return o;
    if ((fmt & CHR__PLACE_FMT_REGION) && pi.region) {
        put(out, cap, &o, ", ");
        put(out, cap, &o, pi.region);
    }
    put(out, cap, &o, ", ");
    put(out, cap, &o, pi.country);
    return o;
}
