/* actors.h — the built-in actor dictionary (src/resources/actors.c): names
 * of persons, organisations and places with CAMEO actor codes and dated
 * roles, demonyms, capitals and agent words (president -> GOV).
 *
 * Compiled at build time by tools/gen_actors.c from data/actors*.tsv into
 * const tables ($(BUILD)/gen/actors_data.c); nothing is loaded at run time.
 * Keys are folded token sequences (chr__fold_word of each word as chr__words
 * cuts it, joined by one space): "vladimir putin". Every token prefix of a
 * key is in the table too (as a prefix entry), so a longest-match scan can
 * stop as soon as the words read so far begin no key.
 *
 * Self-contained (no project headers): the host generator includes it for
 * the record layout and the hash, so both compute them bit for bit alike. */
#ifndef CHR_ACTORS_H
#define CHR_ACTORS_H

#include <stddef.h>
#include <stdint.h>

/* Entity types of an actor. */
enum { CHR__ACT_OTHER, CHR__ACT_PERSON, CHR__ACT_ORG, CHR__ACT_GPE,
       CHR__ACT_LOC };

/* What a key names. */
enum {
    CHR__KEY_NAME = 1,    /* a name of the actor */
    CHR__KEY_DEMONYM = 2, /* "chinese": the people/adjective of a country */
    CHR__KEY_CAPITAL = 4, /* "beijing": the capital of a country */
    CHR__KEY_AGENT = 8    /* "prime minister": an agent word (GOV, MIL...) */
};

/* ---- layout of the generated tables (used by the generator) ---- */
typedef struct chr__actor_rec {
    uint32_t name;    /* offset of the canonical name in the string blob */
    uint32_t role0;   /* first role in the roles array */
    uint16_t n_roles;
    uint8_t type;     /* CHR__ACT_* */
    uint8_t pad;
} chr__actor_rec;

typedef struct chr__actor_role {
    uint32_t code;     /* offset of the CAMEO code in the string blob */
    int32_t from, to;  /* yyyymmdd, 0 = open; both -1 = undated */
} chr__actor_role;

typedef struct chr__actor_keyrec {
    uint32_t key;      /* offset of the folded key in the blob */
    uint16_t key_len;
    uint8_t flags;     /* CHR__KEY_* (0: only a prefix of longer keys) */
    uint8_t ntok;      /* words in the key */
    int32_t actor;     /* actor index for NAME/DEMONYM/CAPITAL, else -1 */
    int32_t agent;     /* blob offset of the agent code suffix, else -1 */
} chr__actor_keyrec;

typedef struct chr__actor_member {
    uint32_t org;     /* offset of the organisation id ("SCO") in the blob */
    uint32_t country; /* offset of the ISO 3166 alpha-3 code ("IND") */
    int32_t since;    /* yyyymmdd, 0 = before 2020 (the CSV's snapshot) */
    uint8_t status;   /* 1 member, 2 observer/partner/other */
    uint8_t pad[3];
} chr__actor_member;

/* FNV-1a 64: incremental, so "vladimir putin" is the hash of "vladimir"
 * continued with " putin". */
#define CHR__ACTORS_HASH_INIT 0xcbf29ce484222325u
static inline uint64_t chr__actors_hash_step(uint64_t h, const char *s,
                                             size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3u;
    }
    return h;
}

/* ---- lookup API ---- */

typedef struct chr__actor_hit {
    int flags;       /* CHR__KEY_*; 0 = a prefix only */
    int32_t actor;   /* -1 when none */
    const char *agent; /* agent code suffix ("GOV"), or NULL */
    int ntok;
} chr__actor_hit;

/* Looks up the folded key s[0..n) whose chr__actors_hash_step() from
 * CHR__ACTORS_HASH_INIT is h. Returns 1 and fills *out when the key (or a
 * longer key beginning with it) is in the table, 0 when not. */
int chr__actors_lookup(uint64_t h, const char *s, size_t n,
                       chr__actor_hit *out);

size_t chr__actors_count(void);
/* Bytes of the compiled tables (all const). */
size_t chr__actors_bytes(void);
const char *chr__actor_name(int32_t id);
int chr__actor_type(int32_t id); /* CHR__ACT_* */
/* The actor's CAMEO code on `date` ("YYYY-MM-DD…", or NULL: the latest
 * role): the first dated role covering the date; else the undated role;
 * else the dated role nearest in time. NULL when the actor has no role. */
const char *chr__actor_code(int32_t id, const char *date);
/* Index of the country actor whose code is the 3-letter `code` ("CHN"), or
 * -1. */
int32_t chr__actor_country(const char *code);

/* Membership of the country `iso3` ("IND") in the organisation `org`
 * ("SCO", "BRICS", "NATO" as in data/actors-members.tsv) on `date` (NULL:
 * today): 1 member, 2 observer or another status, 0 none. Binary search. */
int chr__org_member(const char *org, const char *iso3, const char *date);

/* Parses "YYYY-MM-DD" (or "YYYY-MM", "YYYY") into yyyymmdd; 0 when absent
 * or malformed. */
int32_t chr__actors_date(const char *iso);

#endif
