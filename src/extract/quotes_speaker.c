/* quotes_speaker.c — from a speaker mention to a canonical speaker
 * (issue 6).
 *
 * With the entities stage (src/extract/entities.h, detected at compile
 * time with __has_include), chr__entity_at() gives the canonical entity of
 * a name or a person's description, and the actor; an entity that covers
 * only a modifier of the mention ("China" in "China's foreign ministry") is
 * not taken, nor one without a canonical name. Organisations' descriptions
 * keep their own wording (the entity gives the actor). Pronouns are ours
 * first (below: a quotation's "he" is its speaker's, which a general
 * coreference does not know), the entities' coreference after. When the
 * entities stage has nothing — or is not built — our own fallback decides:
 *  - a name: the name as written, titles stripped ("Kremlin aide Yury
 *    Ushakov" -> "Yury Ushakov", "Mr Putin" -> "Putin"), then widened to the
 *    longest name of the body that contains it ("Putin" -> "Vladimir
 *    Putin"), the most frequent on a tie;
 *  - a person's description ("the Russian president"): the name that
 *    follows the same words written as a title earlier in the body
 *    ("Russian President Vladimir Putin"); "leader" and "premier" match any
 *    leader's title;
 *  - an organisation's description ("the Turkish presidency", "China's
 *    foreign ministry"): the description as written, determiner dropped;
 *  - he/she: the more recent of the last person resolved as a speaker
 *    and the nearest sentence subject that is a name (six sentences back
 *    at most): "“…,” he continued" after a quotation of Xi is Xi; it: the
 *    last organisation resolved as a speaker ("the Turkish presidency …
 *    it added"); both within 400 tokens. Other pronouns: unresolved.
 * So `speaker` is NULL rather than a pronoun or a bare description. */
#include "extract/quotes_int.h"
#include "text/strtab.h"

#include <stdlib.h>
#include <string.h>

#if defined(__has_include) && !defined(CHR_QUOTES_NO_ENTITIES)
#if __has_include("extract/entities.h")
#include "extract/entities.h"
#define HAVE_ENTITIES 1
#endif
#endif

/* title words stripped from the front of a name (lower case, sorted) */
static const char *const titles[] = {
    "adviser", "advisor", "aide", "ambassador", "attorney", "candidate",
    "capt", "chairman", "chairwoman", "chancellor", "chief", "col",
    "commander", "congressman", "congresswoman", "deputy", "director",
    "dr", "former", "gen", "general", "gov", "governor", "hon", "judge",
    "justice", "king", "lady", "leader", "lord", "lt", "mayor", "minister",
    "miss", "mr", "mrs", "ms", "nominee", "pope", "premier", "president",
    "prime", "prince", "princess", "prof", "professor", "queen", "rep",
    "representative", "rev", "secretary", "secretary-general", "sen",
    "senator", "sgt", "sheikh", "sir", "speaker", "spokesman",
    "spokesperson", "spokeswoman", "vice",
};

/* heads that make a description an organisation (lower case, sorted) */
static const char *const org_heads[] = {
    "administration", "agency", "army", "association", "bank", "campaign",
    "channel", "commission", "committee", "company", "congress", "council",
    "court", "daily", "department", "embassy", "foundation", "government",
    "group", "institute", "kremlin", "ministry", "network", "newspaper",
    "office", "organisation", "organization", "paper", "parliament",
    "party", "police", "presidency", "senate", "service", "union",
    "university", "weekly",
};

/* leader titles matched by "leader" / "premier" descriptions */
static const char *const leader_titles[] = {"chancellor", "leader",
                                            "premier", "president", "prime"};

#define IN(list, w)                                                          \
    (chr__strtab_find(w, list, CHR__ARRAY_LEN(list), sizeof *(list)) != NULL)

static const char *lw(const qctx *c, size_t i, char *b, size_t cap)
{
    b[0] = 0;
    if (i < c->nt && c->t[i].kind == QT_WORD)
        chr__q_lower(c->s + c->t[i].s, c->t[i].e - c->t[i].s, b, cap);
    return b;
}

static int capw(const qctx *c, size_t i)
{
    return i < c->nt && c->t[i].kind == QT_WORD &&
           (c->t[i].flags & QF_CAP);
}

static int possessive(const qctx *c, size_t i)
{
    const char *p = c->s + c->t[i].s;
    size_t n = c->t[i].e - c->t[i].s;
    return (n > 2 && p[n - 2] == '\'' && p[n - 1] == 's') ||
           (n > 4 && !memcmp(p + n - 4, "\xe2\x80\x99s", 4));
}

static int is_title(const qctx *c, size_t i)
{
    char b[24];
    return IN(titles, lw(c, i, b, sizeof b));
}

/* the name inside tokens [ws, we): after the last title or possessive
   word, capitalised words (and inner abbreviation dots, "of", particles) */
static int name_core(const qctx *c, size_t ws, size_t we, size_t *ns,
                     size_t *ne)
{
    while (we > ws && c->t[we - 1].kind != QT_WORD)
        we--;
    if (we <= ws || !capw(c, we - 1))
        return 0;
    size_t s = we - 1;
    while (s > ws) {
        size_t p = s - 1;
        if (c->t[p].kind == QT_PUNCT && c->t[p].ch == '.' && p > ws &&
            capw(c, p - 1) && !is_title(c, p - 1)) {
            s = p - 1;
            continue;
        }
        if (!capw(c, p) || is_title(c, p) || possessive(c, p))
            break;
        s = p;
    }
    if (is_title(c, s) && s + 1 < we)
        s++;
    /* a title alone ("the Minister said") names nobody; after an
       honorific it is a surname ("Mr. King") */
    if (s + 1 == we && is_title(c, s)) {
        size_t p = s;
        /* the honorific may lie just before the mention's span */
        if (p > 0 && c->t[p - 1].kind == QT_PUNCT && c->t[p - 1].ch == '.')
            p--;
        static const char *const honorifics[] = {/* sorted: bsearch */
                                                  "dr", "lady", "miss", "mr",
                                                  "mrs", "ms", "prof", "sir"};
        char b[24];
        if (!(p > 0 && IN(honorifics, lw(c, p - 1, b, sizeof b))))
            return 0;
    }
    *ns = s, *ne = we;
    return 1;
}

/* ---- the table of names of the body ---- */

#define NAMES_MAX 1024
#define NAMES_SCAN 200000 /* tokens scanned for names */

static void build_names(qctx *c)
{
    c->names_built = 1;
    size_t cap = 0;
    chr__map seen;
    chr__map_init(&seen);
    size_t lim = c->nt < NAMES_SCAN ? c->nt : NAMES_SCAN;
    for (size_t i = 0; i < lim && c->n_names < NAMES_MAX; i++) {
        if (!capw(c, i))
            continue;
        size_t j = i;
        while (j < c->nt && j < i + 8) {
            if (capw(c, j) && !possessive(c, j)) {
                j++;
                continue;
            }
            if (c->t[j].kind == QT_PUNCT && c->t[j].ch == '.' &&
                !(c->t[j].flags & QF_END) && capw(c, j + 1)) {
                j++;
                continue;
            }
            break;
        }
        size_t ns, ne;
        if (j > i && name_core(c, i, j, &ns, &ne)) {
            size_t words = 0;
            for (size_t k = ns; k < ne; k++)
                words += c->t[k].kind == QT_WORD;
            uint32_t s = c->t[ns].s, e = c->t[ne - 1].e;
            uint64_t *slot = words >= 2 && words <= 4
                                 ? chr__map_slot(&seen,
                                                 chr__hash64(c->s + s, e - s))
                                 : NULL;
            if (slot && *slot) {
                c->names[*slot - 1].count++;
            } else if (slot) {
                if (c->n_names == cap) {
                    size_t nc = cap ? cap * 2 : 64;
                    qname *t = realloc(c->names, nc * sizeof *t);
                    if (!t)
                        break;
                    c->names = t;
                    cap = nc;
                }
                c->names[c->n_names++] = (qname){s, e, (uint32_t)words, 1};
                *slot = c->n_names;
            }
        }
        i = j > i ? j - 1 : i;
    }
    chr__map_free(&seen);
}

/* does name text h contain n as whole words? */
static int contains_words(const char *h, size_t hn, const char *n, size_t nn)
{
    if (nn == 0 || nn > hn)
        return 0;
    for (size_t i = 0; i + nn <= hn; i++) {
        if ((i == 0 || h[i - 1] == ' ') && !memcmp(h + i, n, nn) &&
            (i + nn == hn || h[i + nn] == ' '))
            return 1;
    }
    return 0;
}

/* the longest name of the body containing s[0..n) */
static const char *widen_scan(qctx *c, const char *s, size_t n);

static const char *widen(qctx *c, const char *s, size_t n)
{
    uint64_t *slot = chr__map_slot(&c->wcache, chr__hash64(s, n));
    if (slot && *slot)
        return (const char *)(uintptr_t)*slot;
    const char *r = widen_scan(c, s, n);
    if (slot && r)
        *slot = (uint64_t)(uintptr_t)r;
    return r;
}

static const char *widen_scan(qctx *c, const char *s, size_t n)
{
    if (!c->names_built)
        build_names(c);
    const qname *best = NULL;
    for (size_t k = 0; k < c->n_names; k++) {
        const qname *q = &c->names[k];
        if (!contains_words(c->s + q->s, q->e - q->s, s, n))
            continue;
        if (!best || q->nwords > best->nwords ||
            (q->nwords == best->nwords && q->count > best->count))
            best = q;
    }
    if (best)
        return chr__arena_strndup(c->a, c->s + best->s, best->e - best->s);
    return chr__arena_strndup(c->a, s, n);
}

static const char *name_of(qctx *c, size_t ws, size_t we)
{
    size_t ns, ne;
    if (!name_core(c, ws, we, &ns, &ne))
        return NULL;
    const char *s = c->s + c->t[ns].s;
    size_t n = c->t[ne - 1].e - c->t[ns].s;
    if (memchr(s, '\n', n))
        return NULL;
    return widen(c, s, n);
}

static int is_org_mention(const qctx *c, size_t ws, size_t we)
{
    char b[24];
    for (size_t i = ws; i < we; i++)
        if (IN(org_heads, lw(c, i, b, sizeof b)))
            return 1;
    return 0;
}

#define DESCRIBE_REACH 20000 /* tokens looked back for a title */

static const char *describe_scan(qctx *c, size_t ws, size_t h, size_t adj,
                                 const char *head, int leader);

/* "the Russian president": the name after "Russian President" earlier */
static const char *describe(qctx *c, size_t ws, size_t we)
{
    char head[24];
    size_t h = we - 1;
    lw(c, h, head, sizeof head);
    int leader = IN(leader_titles, head);
    /* the capitalised or adjective word before the head: "Russian" */
    if (h == ws)
        return NULL;
    size_t adj = h - 1;
    if (!capw(c, adj))
        return NULL;
    const char *as = c->s + c->t[adj].s;
    size_t an = c->t[adj].e - c->t[adj].s;
    /* one search per adjective and head: cached ("" when not found) */
    uint64_t key = chr__hash64(as, an) ^ (chr__hash64(head, strlen(head)) *
                                          0x9e3779b97f4a7c15ULL);
    uint64_t *slot = chr__map_slot(&c->wcache, key);
    if (slot && *slot) {
        const char *r = (const char *)(uintptr_t)*slot;
        return *r ? r : NULL;
    }
    const char *r = describe_scan(c, ws, h, adj, head, leader);
    if (slot)
        *slot = (uint64_t)(uintptr_t)(r ? r : "");
    return r;
}

static const char *describe_scan(qctx *c, size_t ws, size_t h, size_t adj,
                                 const char *head, int leader)
{
    char b[24];
    (void)h;
    const char *as = c->s + c->t[adj].s;
    size_t an = c->t[adj].e - c->t[adj].s;
    for (size_t i = ws > DESCRIBE_REACH ? ws - DESCRIBE_REACH : 0; i + 2 < ws;
         i++) {
        if (c->t[i].kind != QT_WORD || c->t[i].e - c->t[i].s != an ||
            memcmp(c->s + c->t[i].s, as, an) != 0)
            continue;
        lw(c, i + 1, b, sizeof b);
        if (!(strcmp(b, head) == 0 || (leader && IN(leader_titles, b))))
            continue;
        size_t j = i + 2;
        if (!strcmp(b, "prime"))
            j++; /* Prime Minister */
        if (j < c->nt && c->t[j].kind == QT_PUNCT && c->t[j].ch == ',')
            j++;
        size_t e = j;
        while (e < c->nt && e < j + 4 && capw(c, e) && !possessive(c, e))
            e++;
        if (e > j)
            return name_of(c, j, e);
    }
    return NULL;
}

#define PRONOUN_REACH 400 /* tokens a pronoun may look back */

static void remember(qctx *c, const char *name, const char *actor, int org,
                     size_t tok)
{
    if (!name)
        return;
    if (org) {
        c->last_org = name, c->last_org_actor = actor;
        c->last_org_tok = tok;
    } else {
        c->last_person = name, c->last_person_actor = actor;
        c->last_person_tok = tok;
    }
}


/* The entity of the entities stage covering token i (the head of the
   mention), or NULL: an entity that covers only a modifier ("China" in
   "China's foreign ministry") is not the speaker. */
static const chr_entity *entity_of(const qctx *c, size_t ws, size_t we,
                                   size_t head)
{
#ifdef HAVE_ENTITIES
    if (!c->d->n_entities)
        return NULL;
    const chr_entity *e =
        chr__entity_at(c->d, c->t[ws].s, c->t[we - 1].e);
    if (e && e->start <= c->t[head].s && e->end >= c->t[head].e &&
        e->name)
        return e;
    if (we - ws > 1) { /* the head alone */
        e = chr__entity_at(c->d, c->t[head].s, c->t[head].e);
        if (e && e->start <= c->t[head].s && e->end >= c->t[head].e &&
            e->name)
            return e;
    }
#else
    (void)c, (void)ws, (void)we, (void)head;
#endif
    return NULL;
}

/* a place entity for a name that is not its name: "David French" is not
   France, "Mark Cuban" not Cuba (the entities stage reads demonyms) */
static int demonym_of(const qctx *c, size_t ns, size_t ne,
                      const chr_entity *e)
{
    if (!e->type || (strcmp(e->type, "GPE") && strcmp(e->type, "LOC")))
        return 0;
    const char *s = c->s + c->t[ns].s;
    size_t n = c->t[ne - 1].e - c->t[ns].s;
    return !contains_words(e->name, strlen(e->name), s, n);
}

static const char *from_entity(qctx *c, const chr_entity *e,
                               const char **actor, size_t tok)
{
    const char *nm = e->name;
    *actor = e->actor;
    remember(c, nm, e->actor, e->type && strcmp(e->type, "PERSON") != 0,
             tok);
    return nm;
}

const char *chr__q_resolve(qctx *c, const qmention *m, const char **actor)
{
    *actor = NULL;
    if (!m || m->type == MENTION_NONE || m->we <= m->ws || m->we > c->nt)
        return NULL;
    int org = is_org_mention(c, m->ws, m->we);
    size_t head = m->we - 1;
    while (head > m->ws && c->t[head].kind != QT_WORD)
        head--;
    const chr_entity *e;
    if (m->type == MENTION_PRONOUN) {
        /* the speaker chain first: "“…,” he continued" is the last
           speaker, not the last person named */
        char b[8];
        lw(c, m->ws, b, sizeof b);
        if (!strcmp(b, "he") || !strcmp(b, "she")) {
            /* the most recent of: the last speaker, the last sentence
               subject that is a name */
            qmention s;
            int have_chain = c->last_person &&
                             m->ws < c->last_person_tok + PRONOUN_REACH;
            if (chr__q_recent_subject(c, m->ws, &s) &&
                (!have_chain || s.ws > c->last_person_tok)) {
                const char *nm = chr__q_resolve(c, &s, actor);
                if (nm) {
                    c->last_person_tok = m->ws;
                    return nm;
                }
            }
            if (have_chain) {
                *actor = c->last_person_actor;
                c->last_person_tok = m->ws;
                return c->last_person;
            }
        }
        if (!strcmp(b, "it") && c->last_org &&
            m->ws < c->last_org_tok + PRONOUN_REACH) {
            *actor = c->last_org_actor;
            c->last_org_tok = m->ws;
            return c->last_org;
        }
        if ((e = entity_of(c, m->ws, m->we, m->ws)))
            return from_entity(c, e, actor, m->ws);
        return NULL;
    }
    const char *name = NULL;
    if (m->type == MENTION_NAME) {
        size_t ns, ne;
        if (name_core(c, m->ws, m->we, &ns, &ne) &&
            (e = entity_of(c, ns, ne, ne - 1)) && !demonym_of(c, ns, ne, e))
            return from_entity(c, e, actor, m->ws);
        name = name_of(c, m->ws, m->we);
    } else if (org) {
        /* an organisation's description as written; the actor of its
           head when the entities stage knows it */
        size_t s = m->ws;
        char b[16];
        lw(c, s, b, sizeof b);
        if (!strcmp(b, "the") || !strcmp(b, "a") || !strcmp(b, "an"))
            s++;
        if (s < m->we)
            name = chr__arena_strndup(c->a, c->s + c->t[s].s,
                                      c->t[m->we - 1].e - c->t[s].s);
        if ((e = entity_of(c, m->ws, m->we, head)))
            *actor = e->actor;
    } else {
        if ((e = entity_of(c, m->ws, m->we, head)))
            return from_entity(c, e, actor, m->ws);
        name = describe(c, m->ws, m->we);
    }
    remember(c, name, *actor, org, m->ws);
    return name;
}

chr_quote *chr__q_add(qctx *c, const char *kind, const char *text,
                      size_t start, size_t end, const char *speaker,
                      const char *actor, size_t cue_tok)
{
    chr_quote *q = chr__vec_push(&c->out, c->a);
    if (!q) {
        c->nomem = 1;
        return NULL;
    }
    q->kind = kind;
    q->start = start;
    q->end = end;
    q->text = text ? text : chr__arena_strndup(c->a, c->s + start,
                                               end - start);
    q->speaker = speaker;
    q->speaker_actor = actor;
    if (cue_tok < c->nt) {
        const qtok *t = &c->t[cue_tok];
        if (CUE_CLASS(t->cue) == CUE_ACCORDING)
            q->cue = "according to";
        else
            q->cue = chr__arena_strndup(c->a, c->s + t->s, t->e - t->s);
    }
    if (!q->text || (cue_tok < c->nt && !q->cue))
        c->nomem = 1;
    return q;
}
