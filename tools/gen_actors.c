/* gen_actors.c — build-time host tool: compiles the actor dictionary
 * (data/actors-updates.tsv, data/actors.tsv, data/actors-agents.tsv,
 * data/actors-members.tsv) into
 * const C tables for src/resources/actors.c.
 *
 *   gen-actors OUT.c UPDATES.tsv ACTORS.tsv AGENTS.tsv MEMBERS.tsv
 *
 * Built and run by mk/actors.mk, linked with the library's word and
 * folding code (src/text/words.c, utf8.c; libutf8proc, libxxhash). Output goes to
 * OUT.c.tmp, renamed to OUT.c when complete.
 *
 * Actor files: name<TAB>type<TAB>roles<TAB>variants (see data/actors.tsv).
 * Files are read in the order given: the first file's entries take
 * precedence ("updates"): an actor named again later keeps its first roles
 * and type and only gains the later variants; a key claimed by the first
 * file is never taken over. Among the converted entries, a one-word name key
 * claimed by two actors (surnames like "Li", "Sharif") is dropped as
 * ambiguous unless one of them is a country; a longer key keeps its first
 * actor. Demonyms and capitals (variant prefixes '*', '@') take a key over
 * from plain names. Every token prefix of a key is added as a prefix entry.
 *
 * Members (org, ISO3, status, since) are sorted by org, country and date
 * for binary search.
 *
 * Tables: the string blob, actor records, roles, key records, and an open
 * addressing table of 2^bits uint32 slots (key index + 1, 0 empty, load
 * <= 0.5) probed linearly from the FNV-1a hash of the key
 * (chr__actors_hash_step in src/resources/actors.h). */
#define _POSIX_C_SOURCE 200809L
#include "resources/actors.h"
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TOK 12
#define MAX_KEY 255

static void die(const char *m)
{
    fprintf(stderr, "gen-actors: %s\n", m);
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

/* ---- string blob with interning ---- */
static char *blob;
static size_t blen, bcap;
typedef struct sent { uint64_t h; uint32_t off; } sent;
static sent *stab;
static size_t scap = 1 << 19, slen;

static uint32_t intern(const char *s, size_t n)
{
    uint64_t h = chr__actors_hash_step(CHR__ACTORS_HASH_INIT, s, n) ^ n;
    if (!stab)
        stab = calloc(scap, sizeof *stab);
    if (slen * 2 >= scap)
        die("too many strings");
    for (size_t i = h & (scap - 1);; i = (i + 1) & (scap - 1)) {
        if (stab[i].h == 0 && stab[i].off == 0) {
            if (blen + n + 1 > bcap) {
                bcap = (bcap + n + 1) * 2;
                blob = xrealloc(blob, bcap);
            }
            if (blen == 0)
                blob[blen++] = 0; /* offset 0 = "" */
            memcpy(blob + blen, s, n);
            blob[blen + n] = 0;
            stab[i].h = h | 1;
            stab[i].off = (uint32_t)blen;
            slen++;
            blen += n + 1;
            return stab[i].off;
        }
        if (stab[i].h == (h | 1) && strlen(blob + stab[i].off) == n &&
            memcmp(blob + stab[i].off, s, n) == 0)
            return stab[i].off;
    }
}

/* Splits `line` in place at tabs into at most `max` fields (the last
 * keeps any further tabs); returns the number of fields. */
static int split_tabs(char *line, char **fld, int max)
{
    int nf = 0;
    char *p = line;
    while (nf < max) {
        fld[nf++] = p;
        char *tab = strchr(p, '\t');
        if (!tab)
            break;
        *tab = 0;
        p = tab + 1;
    }
    return nf;
}

/* ---- folding and words: the library's own chr__words and
 * chr__fold_word (src/text/words.c, linked into this tool by mk/actors.mk),
 * so that the table is keyed exactly as the library folds at run time ---- */
typedef struct key_ctx {
    const char *s;
    char *key;
    size_t *ends;
    size_t o;
    int nt, over;
} key_ctx;

static int key_word(void *ctx, const chr__token *t)
{
    key_ctx *k = ctx;
    char w[MAX_KEY + 1];
    size_t wl = chr__fold_word(k->s + t->start, t->end - t->start, w,
                               sizeof w);
    if (k->nt == MAX_TOK || k->o + wl + 1 > MAX_KEY) {
        k->over = 1;
        return 1; /* stop */
    }
    if (k->nt)
        k->key[k->o++] = ' ';
    memcpy(k->key + k->o, w, wl);
    k->o += wl;
    k->ends[k->nt++] = k->o;
    return 0;
}

/* Folded key of a phrase: words joined by ' '. Returns the word count
 * (0 when empty or too long); ends[] gets the key length after each word. */
static int fold_key(const char *s, char *key, size_t *ends)
{
    key_ctx k = {s, key, ends, 0, 0, 0};
    chr__words(s, strlen(s), key_word, &k);
    key[k.over ? 0 : k.o] = 0;
    return k.over ? 0 : k.nt;
}

/* ---- actors, roles, keys ---- */
static chr__actor_rec *A;
static size_t nA, capA;
static chr__actor_role *R;
static size_t nR, capR;
typedef struct key {
    uint32_t off;
    uint16_t len;
    uint8_t flags, ntok, sticky, ambiguous;
    int32_t actor, agent;
} key;
static key *K;
static size_t nK, capK;
static uint32_t *kslot; /* hash -> key index + 1, for building */
static size_t kcap = 1 << 20;

static uint64_t khash(const char *s, size_t n)
{
    return chr__actors_hash_step(CHR__ACTORS_HASH_INIT, s, n);
}

static key *key_get(const char *s, size_t n, int create)
{
    if (!kslot)
        kslot = calloc(kcap, sizeof *kslot);
    uint64_t h = khash(s, n);
    for (size_t i = h & (kcap - 1);; i = (i + 1) & (kcap - 1)) {
        if (!kslot[i]) {
            if (!create)
                return NULL;
            if (nK * 2 >= kcap)
                die("too many keys");
            if (nK == capK) {
                capK = capK ? capK * 2 : 4096;
                K = xrealloc(K, capK * sizeof *K);
            }
            key *k = &K[nK++];
            memset(k, 0, sizeof *k);
            k->off = intern(s, n);
            k->len = (uint16_t)n;
            k->actor = k->agent = -1;
            kslot[i] = (uint32_t)nK;
            return k;
        }
        key *k = &K[kslot[i] - 1];
        if (k->len == n && memcmp(blob + k->off, s, n) == 0)
            return k;
    }
}

static void add_prefixes(const char *key, const size_t *ends, int nt)
{
    for (int t = 0; t + 1 < nt; t++) {
        key_get(key, ends[t], 1)->ntok = (uint8_t)(t + 1);
    }
}

static void add_name_key(const char *phrase, int32_t actor, int flag,
                         int sticky)
{
    char kb[MAX_KEY + 1];
    size_t ends[MAX_TOK];
    int nt = fold_key(phrase, kb, ends);
    if (nt == 0)
        return;
    size_t n = ends[nt - 1];
    add_prefixes(kb, ends, nt);
    key *k = key_get(kb, n, 1);
    k->ntok = (uint8_t)nt;
    int had = k->flags & (CHR__KEY_NAME | CHR__KEY_DEMONYM | CHR__KEY_CAPITAL);
    if (!had && !k->ambiguous) {
        k->flags |= (uint8_t)flag;
        k->actor = actor;
        k->sticky = (uint8_t)sticky;
        return;
    }
    if (k->actor == actor) {
        k->flags |= (uint8_t)flag;
        return;
    }
    if (k->sticky)
        return;
    if (sticky || (flag != CHR__KEY_NAME && (had & CHR__KEY_NAME))) {
        k->flags = (uint8_t)((k->flags & CHR__KEY_AGENT) | flag);
        k->actor = actor;
        k->sticky = (uint8_t)sticky;
        k->ambiguous = 0;
        return;
    }
    if (flag == CHR__KEY_NAME && !(had & CHR__KEY_NAME))
        return; /* a demonym or capital keeps its key */
    if (nt == 1 && k->actor >= 0) {
        int ta = A[k->actor].type, tb = A[actor].type;
        if (ta == CHR__ACT_GPE)
            return;
        if (tb == CHR__ACT_GPE) {
            k->actor = actor;
            return;
        }
        k->flags &= (uint8_t)~CHR__KEY_NAME;
        k->actor = -1;
        k->ambiguous = 1;
    }
}

static int type_of(const char *t)
{
    if (!strcmp(t, "PERSON")) return CHR__ACT_PERSON;
    if (!strcmp(t, "ORG")) return CHR__ACT_ORG;
    if (!strcmp(t, "GPE")) return CHR__ACT_GPE;
    if (!strcmp(t, "LOC")) return CHR__ACT_LOC;
    return CHR__ACT_OTHER;
}

static int32_t ymd(const char *s, size_t n)
{
    int y, m, d;
    char b[16];
    if (n == 0 || n >= sizeof b)
        return 0;
    memcpy(b, s, n);
    b[n] = 0;
    if (sscanf(b, "%4d-%2d-%2d", &y, &m, &d) != 3)
        return 0;
    return y * 10000 + m * 100 + d;
}

static void parse_roles(char *roles, chr__actor_rec *a)
{
    a->role0 = (uint32_t)nR;
    for (char *save, *t = strtok_r(roles, ";", &save); t;
         t = strtok_r(NULL, ";", &save)) {
        if (nR == capR) {
            capR = capR ? capR * 2 : 4096;
            R = xrealloc(R, capR * sizeof *R);
        }
        chr__actor_role *r = &R[nR];
        char *at = strchr(t, '@');
        if (at) {
            *at = 0;
            char *dots = strstr(at + 1, "..");
            if (!dots)
                continue;
            r->from = ymd(at + 1, (size_t)(dots - at - 1));
            r->to = ymd(dots + 2, strlen(dots + 2));
        } else {
            r->from = r->to = -1;
        }
        if (!*t || a->n_roles == 0xffff)
            continue;
        r->code = intern(t, strlen(t));
        nR++;
        a->n_roles++;
    }
}

/* actor lookup by folded canonical name */
static int32_t *aslot;
static size_t acap = 1 << 17;

static int32_t *actor_slot(const char *name)
{
    char kb[MAX_KEY + 1];
    size_t ends[MAX_TOK];
    int nt = fold_key(name, kb, ends);
    size_t n = nt ? ends[nt - 1] : 0;
    if (!aslot) {
        aslot = malloc(acap * sizeof *aslot);
        for (size_t i = 0; i < acap; i++)
            aslot[i] = -1;
    }
    if (nA * 2 >= acap)
        die("too many actors");
    uint64_t h = khash(kb, n);
    for (size_t i = h & (acap - 1);; i = (i + 1) & (acap - 1)) {
        if (aslot[i] < 0)
            return &aslot[i];
        char kb2[MAX_KEY + 1];
        size_t e2[MAX_TOK];
        int nt2 = fold_key(blob + A[aslot[i]].name, kb2, e2);
        if (nt2 && e2[nt2 - 1] == n && memcmp(kb, kb2, n) == 0)
            return &aslot[i];
    }
}

static void read_actors(const char *path, int sticky)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "gen-actors: cannot read %s\n", path);
        exit(1);
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    while ((got = getline(&line, &cap, f)) > 0) {
        line[strcspn(line, "\r\n")] = 0;
        if (line[0] == '#' || line[0] == 0)
            continue;
        char *fld[4] = {0};
        int nf = split_tabs(line, fld, 4);
        if (nf < 3 || !*fld[0])
            continue;
        int32_t *slot = actor_slot(fld[0]);
        int32_t id = *slot;
        if (id < 0) {
            if (nA == capA) {
                capA = capA ? capA * 2 : 4096;
                A = xrealloc(A, capA * sizeof *A);
            }
            chr__actor_rec *a = &A[nA];
            memset(a, 0, sizeof *a);
            a->name = intern(fld[0], strlen(fld[0]));
            a->type = (uint8_t)type_of(fld[1]);
            parse_roles(fld[2], a);
            id = (int32_t)nA++;
            *slot = id;
            add_name_key(fld[0], id, CHR__KEY_NAME, sticky);
        }
        if (nf < 4)
            continue;
        for (char *save, *t = strtok_r(fld[3], "|", &save); t;
             t = strtok_r(NULL, "|", &save)) {
            int flag = CHR__KEY_NAME;
            if (*t == '*')
                flag = CHR__KEY_DEMONYM, t++;
            else if (*t == '@')
                flag = CHR__KEY_CAPITAL, t++;
            add_name_key(t, id, flag, sticky);
        }
    }
    free(line);
    fclose(f);
}

static void read_agents(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "gen-actors: cannot read %s\n", path);
        exit(1);
    }
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        char *tab = strchr(line, '\t');
        if (line[0] == '#' || !tab)
            continue;
        *tab = 0;
        char kb[MAX_KEY + 1];
        size_t ends[MAX_TOK];
        int nt = fold_key(line, kb, ends);
        if (nt == 0 || nt > 4)
            continue;
        add_prefixes(kb, ends, nt);
        key *k = key_get(kb, ends[nt - 1], 1);
        k->ntok = (uint8_t)nt;
        if (!(k->flags & CHR__KEY_AGENT)) {
            k->flags |= CHR__KEY_AGENT;
            k->agent = (int32_t)intern(tab + 1, strlen(tab + 1));
        }
    }
    fclose(f);
}

/* Organisation membership: org<TAB>name<TAB>ISO3<TAB>status<TAB>since */
static chr__actor_member *M;
static size_t nM, capM;

static void read_members(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "gen-actors: cannot read %s\n", path);
        exit(1);
    }
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        if (line[0] == '#')
            continue;
        char *fld[5] = {0};
        int nf = split_tabs(line, fld, 5);
        if (nf < 4 || !*fld[0] || strlen(fld[2]) != 3)
            continue;
        if (nM == capM) {
            capM = capM ? capM * 2 : 4096;
            M = xrealloc(M, capM * sizeof *M);
        }
        chr__actor_member *m = &M[nM++];
        memset(m, 0, sizeof *m);
        m->org = intern(fld[0], strlen(fld[0]));
        m->country = intern(fld[2], 3);
        m->status = strcmp(fld[3], "member") == 0 ? 1 : 2;
        m->since = nf >= 5 ? ymd(fld[4], strlen(fld[4])) : 0;
    }
    fclose(f);
}

static int cmp_member(const void *x, const void *y)
{
    const chr__actor_member *a = x, *b = y;
    int c = strcmp(blob + a->org, blob + b->org);
    if (!c)
        c = strcmp(blob + a->country, blob + b->country);
    if (!c)
        c = (a->since > b->since) - (a->since < b->since);
    return c;
}

static void put_str(FILE *o, const char *s, size_t n)
{
    fputc('"', o);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            fprintf(o, "\\%c", c);
        else if (c < 32 || c >= 127)
            fprintf(o, "\\%03o", c);
        else
            fputc(c, o);
        if (i % 64 == 63 && i + 1 < n)
            fputs("\"\n\"", o);
    }
    fputc('"', o);
}

int main(int argc, char **argv)
{
    if (argc != 6)
        die("usage: gen-actors OUT.c UPDATES.tsv ACTORS.tsv AGENTS.tsv MEMBERS.tsv");
    intern("", 0);
    read_actors(argv[2], 1);
    read_actors(argv[3], 0);
    read_agents(argv[4]);
    read_members(argv[5]);
    qsort(M, nM, sizeof *M, cmp_member);
    unsigned bits = 1;
    while (((size_t)1 << bits) < nK * 2)
        bits++;
    size_t ns = (size_t)1 << bits;
    uint32_t *slots = calloc(ns, sizeof *slots);
    if (!slots)
        die("out of memory");
    for (size_t i = 0; i < nK; i++) {
        uint64_t h = khash(blob + K[i].off, K[i].len);
        size_t s = h & (ns - 1);
        while (slots[s])
            s = (s + 1) & (ns - 1);
        slots[s] = (uint32_t)(i + 1);
    }
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", argv[1]);
    FILE *o = fopen(tmp, "w");
    if (!o)
        die("cannot write the output");
    fprintf(o, "/* Generated by tools/gen_actors.c from %s, %s, %s, %s. Do not edit. */\n",
            argv[2], argv[3], argv[4], argv[5]);
    fprintf(o, "#define CHR__ACTORS_SLOT_BITS %u\n", bits);
    fprintf(o, "static const char chr__actors_blob[%zu] =\n", blen + 1);
    put_str(o, blob, blen);
    fprintf(o, ";\nstatic const chr__actor_rec chr__actors_recs[%zu] = {\n", nA);
    for (size_t i = 0; i < nA; i++)
        fprintf(o, "{%u,%u,%u,%u,0},\n", A[i].name, A[i].role0, A[i].n_roles, A[i].type);
    fprintf(o, "};\nstatic const chr__actor_role chr__actors_roles[%zu] = {\n", nR);
    for (size_t i = 0; i < nR; i++)
        fprintf(o, "{%u,%d,%d},\n", R[i].code, R[i].from, R[i].to);
    fprintf(o, "};\nstatic const chr__actor_keyrec chr__actors_keys[%zu] = {\n", nK);
    for (size_t i = 0; i < nK; i++)
        fprintf(o, "{%u,%u,%u,%u,%d,%d},\n", K[i].off, K[i].len, K[i].flags,
                K[i].ntok, K[i].actor, K[i].agent);
    fprintf(o, "};\nstatic const uint32_t chr__actors_slots[%zu] = {\n", ns);
    for (size_t i = 0; i < ns; i++)
        fprintf(o, "%u,%s", slots[i], i % 16 == 15 ? "\n" : "");
    fprintf(o, "};\nstatic const chr__actor_member chr__actors_members[%zu] = {\n", nM ? nM : 1);
    for (size_t i = 0; i < nM; i++)
        fprintf(o, "{%u,%u,%d,%u,{0}},\n", M[i].org, M[i].country, M[i].since, M[i].status);
    if (!nM)
        fprintf(o, "{0,0,0,0,{0}}\n");
    fprintf(o, "};\n#define CHR__ACTORS_N_MEMBERS %zu\n", nM);
    if (fclose(o) != 0 || rename(tmp, argv[1]) != 0)
        die("cannot write the output");
    fprintf(stderr, "gen-actors: %zu actors, %zu roles, %zu keys, %zu memberships, "
            "%zu bytes of strings\n", nA, nR, nK, nM, blen);
    return 0;
}
