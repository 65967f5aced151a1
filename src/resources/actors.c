/* actors.c — lookups in the built-in actor dictionary (actors.h).
 *
 * The tables are const arrays generated at build time by tools/gen_actors.c
 * into $(BUILD)/gen/actors_data.c and #included here: nothing is read or
 * allocated at run time, and every function is pure and thread-safe. A key
 * lookup is one FNV-1a hash (computed incrementally by the caller), a linear
 * probe over a half-empty slot table, and one memcmp.
 *
 * Roles: the first dated role covering the date wins (the dictionary lists
 * roles in the order its authors gave them; the updates file lists them in
 * time order), then the undated role, then the dated role nearest in time
 * (a document misdated by a few days still gets the office holder). Without
 * a date, the latest role: the one that starts last, open-ended first. */
#include "resources/actors.h"

#include <string.h>

#if defined(__has_include)
#if __has_include("gen/actors_data.c")
#include "gen/actors_data.c"
#define CHR__HAVE_ACTORS 1
#endif
#endif

#ifndef CHR__HAVE_ACTORS
/* Build without the generated tables: an empty dictionary. */
#define CHR__ACTORS_SLOT_BITS 0
static const char chr__actors_blob[1] = "";
static const chr__actor_rec chr__actors_recs[1] = {{0, 0, 0, 0, 0}};
static const chr__actor_role chr__actors_roles[1] = {{0, 0, 0}};
static const chr__actor_keyrec chr__actors_keys[1] = {{0, 0, 0, 0, -1, -1}};
static const uint32_t chr__actors_slots[1] = {0};
static const chr__actor_member chr__actors_members[1] = {{0, 0, 0, 0, {0}}};
#define CHR__ACTORS_N_MEMBERS 0
#define CHR__ACTORS_EMPTY 1
#endif

static size_t n_actors(void)
{
#ifdef CHR__ACTORS_EMPTY
    return 0;
#else
    return sizeof chr__actors_recs / sizeof chr__actors_recs[0];
#endif
}

size_t chr__actors_count(void) { return n_actors(); }

size_t chr__actors_bytes(void)
{
    return sizeof chr__actors_blob + sizeof chr__actors_recs +
           sizeof chr__actors_roles + sizeof chr__actors_keys +
           sizeof chr__actors_slots + sizeof chr__actors_members;
}

int chr__actors_lookup(uint64_t h, const char *s, size_t n,
                       chr__actor_hit *out)
{
    const size_t mask = ((size_t)1 << CHR__ACTORS_SLOT_BITS) - 1;
    if (n_actors() == 0 || n == 0 || n > 255)
        return 0;
    for (size_t i = h & mask, probes = 0; probes <= mask;
         i = (i + 1) & mask, probes++) {
        uint32_t v = chr__actors_slots[i];
        if (!v)
            return 0;
        const chr__actor_keyrec *k = &chr__actors_keys[v - 1];
        if (k->key_len == n && memcmp(chr__actors_blob + k->key, s, n) == 0) {
            out->flags = k->flags;
            out->actor = k->actor;
            out->agent = k->agent >= 0 ? chr__actors_blob + k->agent : NULL;
            out->ntok = k->ntok;
            return 1;
        }
    }
    return 0;
}

const char *chr__actor_name(int32_t id)
{
    if (id < 0 || (size_t)id >= n_actors())
        return NULL;
    return chr__actors_blob + chr__actors_recs[id].name;
}

int chr__actor_type(int32_t id)
{
    if (id < 0 || (size_t)id >= n_actors())
        return CHR__ACT_OTHER;
    return chr__actors_recs[id].type;
}

int32_t chr__actors_date(const char *iso)
{
    if (!iso)
        return 0;
    int v[3] = {0, 1, 1}, lens[3] = {4, 2, 2};
    const char *p = iso;
    for (int f = 0; f < 3; f++) {
        int x = 0;
        for (int i = 0; i < lens[f]; i++, p++) {
            if (*p < '0' || *p > '9')
                return f == 0 ? 0 : v[0] * 10000 + v[1] * 100 + v[2];
            x = x * 10 + (*p - '0');
        }
        v[f] = x;
        if (*p != '-')
            break;
        p++;
    }
    if (v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31)
        return 0;
    return v[0] * 10000 + v[1] * 100 + v[2];
}

/* Days-ish distance between yyyymmdd values (monotone, good enough to rank). */
static long dist(int32_t a, int32_t b)
{
    long da = (a / 10000) * 372L + (a / 100 % 100) * 31L + a % 100;
    long db = (b / 10000) * 372L + (b / 100 % 100) * 31L + b % 100;
    return da > db ? da - db : db - da;
}

const char *chr__actor_code(int32_t id, const char *date)
{
    if (id < 0 || (size_t)id >= n_actors())
        return NULL;
    const chr__actor_rec *a = &chr__actors_recs[id];
    const chr__actor_role *r = chr__actors_roles + a->role0;
    if (a->n_roles == 0)
        return NULL;
    int32_t d = chr__actors_date(date);
    int undated = -1, best = -1;
    if (d == 0) {
        /* the latest role: open-ended beats closed, then the latest start */
        for (int i = 0; i < a->n_roles; i++) {
            if (r[i].from < 0) {
                if (undated < 0)
                    undated = i;
                continue;
            }
            if (best < 0)
                best = i;
            else {
                int open_i = r[i].to == 0, open_b = r[best].to == 0;
                if (open_i > open_b || (open_i == open_b && r[i].from > r[best].from))
                    best = i;
            }
        }
        if (best < 0)
            best = undated;
        return chr__actors_blob + r[best].code;
    }
    long bestd = -1;
    for (int i = 0; i < a->n_roles; i++) {
        if (r[i].from < 0) {
            if (undated < 0)
                undated = i;
            continue;
        }
        if ((r[i].from == 0 || r[i].from <= d) && (r[i].to == 0 || d < r[i].to))
            return chr__actors_blob + r[i].code;
        long dd = r[i].from > d ? dist(r[i].from, d) : dist(d, r[i].to);
        if (bestd < 0 || dd < bestd) {
            bestd = dd;
            best = i;
        }
    }
    if (undated >= 0)
        return chr__actors_blob + r[undated].code;
    return best >= 0 ? chr__actors_blob + r[best].code : NULL;
}

int32_t chr__actor_country(const char *code)
{
    if (!code || strlen(code) < 3)
        return -1;
    /* Countries are few; scan the GPE actors whose undated role is the code. */
    for (size_t i = 0; i < n_actors(); i++) {
        const chr__actor_rec *a = &chr__actors_recs[i];
        if (a->type != CHR__ACT_GPE)
            continue;
        for (int j = 0; j < a->n_roles; j++) {
            const char *c = chr__actors_blob + chr__actors_roles[a->role0 + j].code;
            if (strlen(c) == 3 && memcmp(c, code, 3) == 0)
                return (int32_t)i;
        }
    }
    return -1;
}

static int cmp_key(const chr__actor_member *m, const char *org,
                   const char *iso3)
{
    int c = strcmp(chr__actors_blob + m->org, org);
    return c ? c : strncmp(chr__actors_blob + m->country, iso3, 3);
}

int chr__org_member(const char *org, const char *iso3, const char *date)
{
    if (!org || !iso3 || strlen(iso3) != 3)
        return 0;
    int32_t d = chr__actors_date(date);
    size_t lo = 0, hi = CHR__ACTORS_N_MEMBERS;
    while (lo < hi) { /* first row of (org, iso3) */
        size_t mid = (lo + hi) / 2;
        if (cmp_key(&chr__actors_members[mid], org, iso3) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    int status = 0;
    for (size_t i = lo; i < CHR__ACTORS_N_MEMBERS &&
                        cmp_key(&chr__actors_members[i], org, iso3) == 0;
         i++) {
        const chr__actor_member *m = &chr__actors_members[i];
        if (d && m->since > d)
            continue;
        if (!status || m->status == 1)
            status = m->status;
    }
    return status;
}
