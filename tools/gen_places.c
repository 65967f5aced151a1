/* gen_places.c — build-time host tool: compiles the gazetteer (data/) into
 * const C tables for src/resources/places.c.
 *
 *   gen-places OUT.c DATADIR
 *
 * Built and run by mk/places.mk (rule for $(BUILD)/gen/places_data.c). It
 * reads DATADIR/places-countries.tsv, places-regions.tsv, places.tsv
 * (formats at the top of tools/conv_places.c and in the files' headers)
 * and applies DATADIR/places-updates.tsv (renamings, aliases, demonyms,
 * additions; its header says how). Needs the C library and utf8proc (the
 * names are folded with src/resources/places_fold.h, the very code the
 * lookup uses).
 *
 * Records are laid out countries first (record i < N_COUNTRY is country i),
 * then regions, then populated places. OUT.c holds, all static (places.c
 * defines the struct types and #includes it):
 *  - chr__places_str: every display name, admin1 code and key, each ended
 *    by a NUL; the tables hold offsets into it;
 *  - chr__places_country[]: {cc2, cc3, name, official, record};
 *  - chr__places_rec[]: {name, admin1, population, lat, lon (1/100
 *    degree), country, region (record index, 0xFFFF none), kind};
 *  - chr__places_key[]: {hash, key offset, key length, postings count,
 *    first posting}, one per distinct folded name;
 *  - chr__places_post[]: record index | flags << 24, the records a key
 *    names (flags: 1 an alternative name, 2 a demonym, 4 an abbreviation
 *    used only after a comma, 8 an acronym to be matched in capitals only);
 *  - chr__places_slot[]: open addressing (linear probing) over the keys,
 *    2^CHR__PLACES_SLOT_BITS slots, load <= 0.5, slot = key index + 1.
 * Output goes to OUT.c.tmp, renamed to OUT.c when complete. */
#define _POSIX_C_SOURCE 200809L
#include "resources/places_fold.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { K_COUNTRY = 1, K_REGION, K_CAPITAL, K_ADMIN, K_CITY };
enum { F_ALT = 1, F_DEMONYM = 2, F_QUAL = 4, F_ACRO = 8 };

typedef struct pname {
    char *s;
    int flags;
} pname;

typedef struct rec {
    char *name, *admin;
    char cc[3], cc3[4];
    char *official, *capital;
    int kind;
    long pop;
    double lat, lon;
    int country, region;
    pname *names;
    size_t n_names, cap_names;
    int dropped;
} rec;

typedef struct kent {
    char key[CHR__PLACE_KEY_MAX];
    size_t len;
    uint32_t rec;
    int flags;
} kent;

static rec *recs;
static size_t n_recs, cap_recs, n_country;

static void die(const char *msg, const char *arg)
{
    fprintf(stderr, "gen-places: %s%s%s\n", msg, arg ? " " : "",
            arg ? arg : "");
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        die("out of memory", NULL);
    return q;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = xrealloc(NULL, n);
    memcpy(d, s, n);
    return d;
}

static rec *new_rec(void)
{
    if (n_recs == cap_recs) {
        cap_recs = cap_recs * 2 + 1024;
        recs = xrealloc(recs, cap_recs * sizeof *recs);
    }
    rec *r = &recs[n_recs++];
    memset(r, 0, sizeof *r);
    r->country = -1;
    r->region = -1;
    r->admin = xstrdup("");
    return r;
}

static void add_name(rec *r, const char *s, int flags)
{
    if (!s || !*s)
        return;
    if (r->n_names == r->cap_names) {
        r->cap_names = r->cap_names * 2 + 4;
        r->names = xrealloc(r->names, r->cap_names * sizeof *r->names);
    }
    r->names[r->n_names].s = xstrdup(s);
    r->names[r->n_names].flags = flags;
    r->n_names++;
}

/* Acronyms: every letter upper-case, at most 5 letters ("UK", "U.S.",
 * "DPRK"): matched in running text only when written so. */
static int is_acronym(const char *s)
{
    int letters = 0;
    for (const char *p = s; *p; p++) {
        if (*p >= 'A' && *p <= 'Z')
            letters++;
        else if (*p != '.')
            return 0;
    }
    return letters > 0 && letters <= 5;
}

static void add_list(rec *r, char *list, int flags)
{
    if (!list)
        return;
    char *save = NULL;
    for (char *t = strtok_r(list, "|", &save); t; t = strtok_r(NULL, "|", &save))
        add_name(r, t, flags | (is_acronym(t) ? F_ACRO : 0));
}

/* Splits a line into at most max tab-separated fields; returns the count. */
static int split(char *line, char **f, int max)
{
    line[strcspn(line, "\r\n")] = '\0';
    int n = 0;
    char *p = line;
    while (n < max) {
        f[n++] = p;
        char *t = strchr(p, '\t');
        if (!t)
            break;
        *t = '\0';
        p = t + 1;
    }
    return n;
}

static FILE *open_data(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (!f)
        die("cannot read", path);
    return f;
}

static int country_of(const char *cc)
{
    for (size_t i = 0; i < n_country; i++)
        if (!strcmp(recs[i].cc, cc))
            return (int)i;
    return -1;
}

static void read_countries(const char *dir)
{
    FILE *f = open_data(dir, "places-countries.tsv");
    char line[8192];
    while (fgets(line, sizeof line, f)) {
        char *fl[9];
        if (line[0] == '#' || split(line, fl, 9) < 9 || strlen(fl[0]) != 2)
            continue;
        rec *r = new_rec();
        memcpy(r->cc, fl[0], 3);
        snprintf(r->cc3, sizeof r->cc3, "%s", fl[1]);
        r->name = xstrdup(fl[2]);
        r->official = xstrdup(fl[3]);
        r->capital = xstrdup(fl[6]);
        r->kind = K_COUNTRY;
        r->lat = strtod(fl[7], NULL);
        r->lon = strtod(fl[8], NULL);
        add_name(r, r->name, 0);
        add_name(r, r->official, F_ALT);
        add_list(r, fl[4], F_ALT);
        add_list(r, fl[5], F_DEMONYM);
    }
    fclose(f);
    n_country = n_recs;
    for (size_t i = 0; i < n_country; i++)
        recs[i].country = (int)i;
}

static void read_regions(const char *dir)
{
    FILE *f = open_data(dir, "places-regions.tsv");
    char line[8192];
    while (fgets(line, sizeof line, f)) {
        char *fl[5];
        int n;
        if (line[0] == '#' || (n = split(line, fl, 5)) < 3)
            continue;
        int c = country_of(fl[0]);
        if (c < 0)
            die("unknown country in places-regions.tsv:", fl[0]);
        rec *r = new_rec();
        memcpy(r->cc, fl[0], 3);
        free(r->admin);
        r->admin = xstrdup(fl[1]);
        r->name = xstrdup(fl[2]);
        r->kind = K_REGION;
        r->country = c;
        add_name(r, r->name, 0);
        if (n > 3)
            add_list(r, fl[3], F_ALT);
        if (n > 4)
            add_list(r, fl[4], F_ALT | F_QUAL);
    }
    fclose(f);
}

static void add_place(char **fl, int cls_field)
{
    int c = country_of(fl[1]);
    if (c < 0)
        return; /* a country the country list lacks */
    rec *r = new_rec();
    memcpy(r->cc, fl[1], 3);
    free(r->admin);
    r->admin = xstrdup(fl[2]);
    r->name = xstrdup(fl[0]);
    const char *cls = fl[cls_field];
    r->kind = !strcmp(cls, "capital") ? K_CAPITAL
              : !strcmp(cls, "admin") ? K_ADMIN : K_CITY;
    r->pop = strtol(fl[cls_field + 1], NULL, 10);
    r->lat = strtod(fl[cls_field + 2], NULL);
    r->lon = strtod(fl[cls_field + 3], NULL);
    r->country = c;
    add_name(r, r->name, 0);
}

static void read_places(const char *dir)
{
    FILE *f = open_data(dir, "places.tsv");
    char line[8192];
    while (fgets(line, sizeof line, f)) {
        char *fl[7];
        if (line[0] == '#' || split(line, fl, 7) < 7)
            continue;
        add_place(fl, 3);
    }
    fclose(f);
}

static rec *find_place(const char *cc, const char *name)
{
    for (size_t i = n_country; i < n_recs; i++)
        if (!recs[i].dropped && recs[i].kind != K_REGION &&
            !strcmp(recs[i].cc, cc) && !strcmp(recs[i].name, name))
            return &recs[i];
    return NULL;
}

static void apply_updates(const char *dir)
{
    FILE *f = open_data(dir, "places-updates.tsv");
    char line[8192];
    int lineno = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *fl[9];
        int n;
        if (line[0] == '#' || line[0] == '\n' || (n = split(line, fl, 9)) < 3)
            continue;
        char where[64];
        snprintf(where, sizeof where, "places-updates.tsv:%d", lineno);
        const char *op = fl[0];
        int c = country_of(fl[1]);
        if (c < 0)
            die("unknown country at", where);
        if (!strcmp(op, "rename") && n >= 4) {
            rec *r = find_place(fl[1], fl[2]);
            if (!r)
                die("no such place at", where);
            r->names[0].flags = F_ALT; /* the old name */
            r->name = xstrdup(fl[3]);
            add_name(r, r->name, 0);
            if (n > 4)
                add_list(r, fl[4], F_ALT);
        } else if (!strcmp(op, "alias") && n >= 4) {
            rec *r = !strcmp(fl[2], "-") ? &recs[c] : find_place(fl[1], fl[2]);
            if (!r)
                die("no such place at", where);
            add_list(r, fl[3], F_ALT);
        } else if (!strcmp(op, "capital")) {
            rec *r = find_place(fl[1], fl[2]);
            if (!r)
                die("no such place at", where);
            for (size_t i = n_country; i < n_recs; i++)
                if (recs[i].kind == K_CAPITAL && !strcmp(recs[i].cc, fl[1]))
                    recs[i].kind = K_ADMIN;
            r->kind = K_CAPITAL;
        } else if (!strcmp(op, "drop")) {
            rec *r = find_place(fl[1], fl[2]);
            if (!r)
                die("no such place at", where);
            r->dropped = 1;
        } else if (!strcmp(op, "demonym")) {
            add_list(&recs[c], fl[2], F_DEMONYM);
        } else if (!strcmp(op, "add") && n >= 8) {
            /* add CC ADMIN1 CLASS NAME POP LAT LON [ALTS] */
            char *pf[7] = {fl[4], fl[1], fl[2], fl[3], fl[5], fl[6], fl[7]};
            add_place(pf, 3);
            if (n > 8)
                add_list(&recs[n_recs - 1], fl[8], F_ALT);
        } else {
            die("bad operation at", where);
        }
    }
    fclose(f);
}

static void link_regions(void)
{
    for (size_t i = n_country; i < n_recs; i++) {
        if (recs[i].kind == K_REGION)
            continue;
        for (size_t j = n_country; j < n_recs; j++)
            if (recs[j].kind == K_REGION && !strcmp(recs[j].cc, recs[i].cc) &&
                !strcmp(recs[j].admin, recs[i].admin)) {
                recs[i].region = (int)j;
                break;
            }
    }
}

/* ---- string pool and output ---- */

static char *pool;
static size_t pool_len, pool_cap;

static uint32_t pool_add(const char *s, size_t n)
{
    if (pool_len + n + 1 > pool_cap) {
        pool_cap = (pool_len + n + 1) * 2;
        pool = xrealloc(pool, pool_cap);
    }
    uint32_t off = (uint32_t)pool_len;
    memcpy(pool + pool_len, s, n);
    pool[pool_len + n] = '\0';
    pool_len += n + 1;
    return off;
}

static int cmp_kent(const void *a, const void *b)
{
    const kent *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c)
        return c;
    if (x->rec != y->rec)
        return x->rec < y->rec ? -1 : 1;
    return x->flags - y->flags;
}

static int to_centi(double d)
{
    return (int)(d * 100 + (d < 0 ? -0.5 : 0.5));
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s OUT.c DATADIR\n", argv[0]);
        return 2;
    }
    read_countries(argv[2]);
    read_regions(argv[2]);
    read_places(argv[2]);
    apply_updates(argv[2]);
    link_regions();
    if (n_recs >= 0xFFFF || n_country == 0)
        die("unexpected number of records", NULL);

    /* keys */
    size_t n_k = 0, cap_k = 0;
    kent *ks = NULL;
    for (size_t i = 0; i < n_recs; i++)
        for (size_t j = 0; j < recs[i].n_names && !recs[i].dropped; j++) {
            if (n_k == cap_k) {
                cap_k = cap_k * 2 + 4096;
                ks = xrealloc(ks, cap_k * sizeof *ks);
            }
            kent *k = &ks[n_k];
            const char *s = recs[i].names[j].s;
            k->len = chr__place_fold(s, strlen(s), k->key, sizeof k->key);
            if (k->len == 0 || k->len >= CHR__PLACE_KEY_MAX - 2)
                continue;
            k->rec = (uint32_t)i;
            k->flags = recs[i].names[j].flags;
            n_k++;
        }
    qsort(ks, n_k, sizeof *ks, cmp_kent);

    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", argv[1]);
    FILE *out = fopen(tmp, "w");
    if (!out)
        die("cannot write", tmp);
    fprintf(out, "/* Generated by tools/gen_places.c from data/places*.tsv: do "
                 "not edit. */\n");

    uint32_t *name_off = xrealloc(NULL, n_recs * sizeof *name_off);
    uint32_t *admin_off = xrealloc(NULL, n_recs * sizeof *admin_off);
    uint32_t *off_off = xrealloc(NULL, n_country * sizeof *off_off);
    uint32_t *cc_off = xrealloc(NULL, n_country * sizeof *cc_off);
    for (size_t i = 0; i < n_recs; i++) {
        name_off[i] = pool_add(recs[i].name, strlen(recs[i].name));
        admin_off[i] = pool_add(recs[i].admin, strlen(recs[i].admin));
    }
    for (size_t i = 0; i < n_country; i++) {
        off_off[i] = pool_add(recs[i].official, strlen(recs[i].official));
        char cc[8];
        snprintf(cc, sizeof cc, "%s%s", recs[i].cc, recs[i].cc3);
        cc_off[i] = pool_add(cc, strlen(cc));
    }

    /* distinct keys and postings */
    size_t n_keys = 0, n_post = 0;
    uint32_t *post = xrealloc(NULL, (n_k + 1) * sizeof *post);
    struct kout {
        uint32_t hash, off, first;
        uint16_t len, n;
    } *ko = xrealloc(NULL, (n_k + 1) * sizeof *ko);
    for (size_t i = 0; i < n_k;) {
        size_t j = i;
        struct kout *k = &ko[n_keys++];
        k->hash = chr__place_hash(ks[i].key, ks[i].len);
        k->off = pool_add(ks[i].key, ks[i].len);
        k->len = (uint16_t)ks[i].len;
        k->first = (uint32_t)n_post;
        uint32_t last = UINT32_MAX;
        while (j < n_k && !strcmp(ks[j].key, ks[i].key)) {
            if (ks[j].rec != last) /* lowest flags first for a record */
                post[n_post++] = ks[j].rec | (uint32_t)ks[j].flags << 24;
            last = ks[j].rec;
            j++;
        }
        k->n = (uint16_t)(n_post - k->first);
        i = j;
    }
    int bits = 1;
    while (((size_t)1 << bits) < n_keys * 2)
        bits++;
    size_t n_slots = (size_t)1 << bits;
    uint32_t *slots = xrealloc(NULL, n_slots * sizeof *slots);
    memset(slots, 0, n_slots * sizeof *slots);
    for (size_t i = 0; i < n_keys; i++) {
        size_t s = ko[i].hash & (n_slots - 1);
        while (slots[s])
            s = (s + 1) & (n_slots - 1);
        slots[s] = (uint32_t)i + 1;
    }

    fprintf(out,
            "#define CHR__PLACES_N_COUNTRY %zu\n#define CHR__PLACES_N_REC %zu\n"
            "#define CHR__PLACES_N_KEY %zu\n#define CHR__PLACES_N_POST %zu\n"
            "#define CHR__PLACES_SLOT_BITS %d\n"
            "#define CHR__PLACES_STR_LEN %zu\n",
            n_country, n_recs, n_keys, n_post, bits, pool_len);
    fprintf(out, "static const char chr__places_str[] =\n\"");
    size_t col = 0;
    for (size_t i = 0; i < pool_len; i++) {
        unsigned char c = (unsigned char)pool[i];
        if (c == 0) {
            fputs("\\000", out);
            col += 4;
            if (col > 72) {
                fputs("\"\n\"", out);
                col = 0;
            }
        } else if (c == '"' || c == '\\' || c == '?') {
            fprintf(out, "\\%c", c);
            col += 2;
        } else {
            fputc(c, out);
            col++;
        }
    }
    fputs("\";\n", out);

    fprintf(out, "static const chr__place_country chr__places_country[] = {\n");
    for (size_t i = 0; i < n_country; i++)
        fprintf(out, "{%u,%u,%u},\n", cc_off[i], name_off[i], off_off[i]);
    fprintf(out, "};\nstatic const chr__place_rec chr__places_rec[] = {\n");
    for (size_t i = 0; i < n_recs; i++) {
        const rec *r = &recs[i];
        fprintf(out, "{%u,%u,%ld,%d,%d,%d,%d,%d},\n", name_off[i], admin_off[i],
                r->pop < 0 ? 0 : r->pop, to_centi(r->lat), to_centi(r->lon),
                r->country, r->region < 0 ? 0xFFFF : r->region, r->kind);
    }
    fprintf(out, "};\nstatic const chr__place_key chr__places_key[] = {\n");
    for (size_t i = 0; i < n_keys; i++)
        fprintf(out, "{%uu,%u,%u,%u,%u},\n", ko[i].hash, ko[i].off, ko[i].first,
                ko[i].len, ko[i].n);
    fprintf(out, "};\nstatic const uint32_t chr__places_post[] = {\n");
    for (size_t i = 0; i < n_post; i++)
        fprintf(out, "%uu,%s", post[i], i % 8 == 7 ? "\n" : "");
    fprintf(out, "};\nstatic const uint32_t chr__places_slot[] = {\n");
    for (size_t i = 0; i < n_slots; i++)
        fprintf(out, "%u,%s", slots[i], i % 16 == 15 ? "\n" : "");
    fprintf(out, "};\n");
    if (fclose(out) != 0)
        die("cannot write", tmp);
    if (rename(tmp, argv[1]) != 0)
        die("cannot rename", tmp);
    fprintf(stderr,
            "gen-places: %zu records (%zu countries), %zu keys, %zu "
            "postings, %zu string bytes\n",
            n_recs, n_country, n_keys, n_post, pool_len);
    return 0;
}
