/* coref.c — within-document coreference of actors: descriptions, titles,
 * surnames, tagger names, and the pronoun resolver chr__entity_at().
 *
 * Method (over the sorted mentions of entities.c):
 *  1. Demonym + agent ("Russian president", "Chinese counterpart", "Turkish
 *     presidency", "Russian foreign minister"; agents from Phoenix.agents,
 *     plus "leader" and "counterpart"), or a country in the possessive +
 *     agent ("China's foreign ministry", "Russia's president"; the country
 *     stays a mention of its own when a name follows):
 *     - followed by a person's name, it is a title: the demonym is dropped
 *       and a name without a code gets country + agent ("Russian presidential
 *       aide Yuri Ushakov" -> RUSGOV);
 *     - else a description. Its span grows left over age and plain
 *       modifiers to a determiner ("the 69-year-old Russian premier"). A
 *       person head (president, leader, premier, minister, counterpart ...)
 *       resolves to the nearest preceding person whose code starts with the
 *       country's code (else the nearest following one); "counterpart"
 *       takes the agent of the person mentioned just before ("his Chinese
 *       counterpart" after Putin/RUSGOV: CHNGOV). Unresolved: a PERSON
 *       without name, actor country + agent. Other heads ("presidency",
 *       "government", "military") are ORG: country + agent (TURGOV).
 *  2. "the president", "the prime minister", "the leader" without a
 *     demonym: the nearest preceding person whose code has that agent
 *     (…GOV); left out when there is none.
 *  3. Surnames and tagger persons take the longest full name of the
 *     document with the same last word ("Mr Ushakov" -> "Yuri Ushakov"),
 *     and its actor; the document's own full name beats the dictionary's
 *     reading of a bare surname ("Sharif").
 *  4. chr__entity_at(): a span inside an entity gives that entity; a
 *     pronoun gives the nearest preceding compatible entity (he/she: a
 *     named person; it/they: an organisation or country with a code).
 * Gender is not modelled. */
#include "extract/entities_int.h"

#include "text/text.h"

#include <string.h>

/* Heads Phoenix lacks (possessive allowed), all government. */
static int builtin_head(const chr__ectx *c, const chr__etok *w)
{
    static const char *const hd[] = {
        "leader", "counterpart", "strongman", "presidency", "leadership",
        "authorities", "regime", "cabinet", "ministry", "kremlin"};
    for (size_t i = 0; i < CHR__ARRAY_LEN(hd); i++)
        if (w->plen == strlen(hd[i]) && memcmp(CHR__TF(c, w), hd[i], w->plen) == 0)
            return 1;
    return 0;
}

/* Longest agent phrase at word t (plain spaces between its words; the last
 * may be possessive). Returns the word after it (t when none) and sets
 * *suffix and *head (the folded last word). */
static int agent_at(const chr__ectx *c, int t, const char **suffix,
                    const char **head)
{
    char key[128];
    size_t kl = 0;
    uint64_t h = CHR__ACTORS_HASH_INIT;
    int best = t;
    for (int j = t; j < c->ntok && j < t + 4; j++) {
        const chr__etok *w = &c->tok[j];
        if (!w->plain || w->flen >= 60 || kl + w->flen + 2 >= sizeof key)
            break;
        if (j > t) {
            h = chr__actors_hash_step(h, " ", 1);
            key[kl++] = ' ';
        }
        chr__actor_hit hit;
        uint64_t hp = chr__actors_hash_step(h, CHR__TF(c, w), w->plen);
        memcpy(key + kl, CHR__TF(c, w), w->plen);
        if (chr__actors_lookup(hp, key, kl + w->plen, &hit) && hit.agent) {
            best = j + 1;
            *suffix = hit.agent;
            *head = CHR__TF(c, w);
        } else if (j == t && builtin_head(c, w)) {
            best = j + 1;
            *suffix = "GOV";
            *head = CHR__TF(c, w);
        }
        if (w->plen < w->flen)
            break;
        h = chr__actors_hash_step(h, CHR__TF(c, w), w->flen);
        memcpy(key + kl, CHR__TF(c, w), w->flen);
        kl += w->flen;
        if (!chr__actors_lookup(h, key, kl, &hit))
            break;
    }
    return best;
}

static int starts(const char *s, const char *p)
{
    return strncmp(s, p, strlen(p)) == 0;
}

/* Person heads: a description with one of these names one person. */
static int person_head(const char *f)
{
    static const char *const ph[] = {
        "president", "leader", "premier", "minister", "counterpart",
        "chancellor", "king", "queen", "emir", "prince", "spokes",
        "envoy", "ambassador", "diplomat", "chief", "secretary", "head",
        "ruler", "strongman", "dictator", "monarch", "sultan", "aide",
        "adviser", "advisor", "commander", "general", "foreign minister"};
    for (size_t i = 0; i < CHR__ARRAY_LEN(ph); i++)
        if (starts(f, ph[i]))
            return !starts(f, "presidency") && !starts(f, "presidential") &&
                   !starts(f, "leadership") && !starts(f, "ministry") &&
                   !starts(f, "leaders") && !starts(f, "counterparts") &&
                   !starts(f, "ministers");
    return 0;
}

static int is_person(const chr__ment *p)
{
    return !p->drop && p->type == CHR__ACT_PERSON && p->name && p->code;
}

/* Nearest person mention before index i (else after, when `forward`)
 * whose code begins with the 3 letters of cc. -1 when none. */
static int find_person(const chr__ectx *c, int i, const char *cc, int forward)
{
    for (int k = i - 1; k >= 0; k--)
        if (is_person(&c->m[k]) && strncmp(c->m[k].code, cc, 3) == 0)
            return k;
    if (forward)
        for (int k = i + 1; k < c->nm; k++)
            if (is_person(&c->m[k]) && c->m[k].kind != CHR__M_DESC &&
                strncmp(c->m[k].code, cc, 3) == 0)
                return k;
    return -1;
}

static int is_modifier(const chr__ectx *c, const chr__etok *w)
{
    static const char *const mod[] = {
        "year", "years", "old", "year-old", "veteran", "visiting", "new",
        "outgoing", "incoming", "powerful", "long-serving", "longtime",
        "long-time", "then", "current", "embattled", "ageing", "aging",
        "hardline", "fellow", "influential", "two", "top"};
    if (w->numeric)
        return 1;
    size_t n = w->flen;
    if (n > 9 && strcmp(CHR__TF(c, w) + n - 9, "-year-old") == 0)
        return 1;
    for (size_t i = 0; i < CHR__ARRAY_LEN(mod); i++)
        if (strcmp(CHR__TF(c, w), mod[i]) == 0)
            return 1;
    return 0;
}

static int is_determiner(const char *f)
{
    return !strcmp(f, "the") || !strcmp(f, "his") || !strcmp(f, "her") ||
           !strcmp(f, "its") || !strcmp(f, "their") || !strcmp(f, "a") ||
           !strcmp(f, "an");
}

/* Index of the mention starting at word t (not dropped), else -1. */
static int ment_at_word(const chr__ectx *c, int from, int t)
{
    for (int k = from; k < c->nm; k++) {
        if (c->m[k].t0 > t)
            break;
        if (c->m[k].t0 == t && !c->m[k].drop)
            return k;
    }
    return -1;
}

/* Only spaces and one comma between word t-1 and word t. */
static int comma_gap(const chr__ectx *c, int t)
{
    int commas = 0;
    for (size_t i = c->tok[t - 1].end; i < c->tok[t].start; i++) {
        if (c->s[i] == ',')
            commas++;
        else if (c->s[i] != ' ')
            return 0;
    }
    return commas == 1;
}

static chr_status describe(chr__ectx *c)
{
    for (int i = 0; i < c->nm; i++) {
        chr__ment *m = &c->m[i];
        /* "Chinese ...", and "China's ..." (a country in the possessive) */
        int poss = m->kind == CHR__M_NAME && m->type == CHR__ACT_GPE &&
                   m->country >= 0 && m->t1 > m->t0 &&
                   m->end < c->tok[m->t1 - 1].end;
        if (m->drop || (m->kind != CHR__M_DEMONYM && !poss))
            continue;
        const char *suffix = NULL, *head = NULL;
        int a1 = m->t1 < c->ntok ? agent_at(c, m->t1, &suffix, &head) : m->t1;
        if (a1 == m->t1 && poss)
            continue;
        if (a1 == m->t1) {
            /* "Chinese Xi Jinping": a bare demonym before a name */
            int p = m->t1 < c->ntok && c->tok[m->t1].plain
                        ? ment_at_word(c, i + 1, m->t1) : -1;
            if (p >= 0 && c->m[p].type == CHR__ACT_PERSON)
                m->drop = 1;
            continue;
        }
        /* a title: the name follows, or a comma and the name */
        int p = a1 < c->ntok && (c->tok[a1].plain || comma_gap(c, a1))
                    ? ment_at_word(c, i + 1, a1) : -1;
        if (p >= 0 && c->m[p].type == CHR__ACT_PERSON) {
            m->drop = !poss; /* "Russia's" stays a mention of the country */
            if (!c->m[p].code)
                c->m[p].code = chr__country_code(c, m->country, suffix);
            continue;
        }
        if (a1 < c->ntok && c->tok[a1].plain && c->tok[a1].upper &&
            !c->tok[a1].sent_start) {
            m->drop = !poss; /* a title before a name nobody recognised */
            continue;
        }
        /* a description */
        int t0 = m->t0;
        while (t0 > 0 && c->tok[t0].plain && is_modifier(c, &c->tok[t0 - 1]))
            t0--;
        int det = t0 > 0 && c->tok[t0].plain &&
                  is_determiner(CHR__TF(c, &c->tok[t0 - 1]));
        if (det)
            t0--;
        if (t0 < m->t0 && !det)
            t0 = m->t0; /* modifiers without a determiner: keep them out */
        m->kind = CHR__M_DESC;
        m->t0 = t0;
        m->t1 = a1;
        m->start = c->tok[t0].start;
        m->end = chr__etok_end(c, a1 - 1);
        if (person_head(head)) {
            if (starts(head, "counterpart")) {
                for (int k = i - 1; k >= 0; k--)
                    if (is_person(&c->m[k])) {
                        if (strlen(c->m[k].code) > 3)
                            suffix = c->m[k].code + 3;
                        break;
                    }
            }
            const char *cc = chr__country_code(c, m->country, suffix);
            if (!cc)
                return CHR_NOMEM;
            int k = find_person(c, i, cc, 1);
            m->type = CHR__ACT_PERSON;
            if (k >= 0) {
                m->name = c->m[k].name;
                m->code = c->m[k].code;
                m->actor = c->m[k].actor;
            } else {
                m->name = NULL;
                m->code = cc;
                m->actor = -1;
            }
        } else {
            m->type = CHR__ACT_ORG;
            m->code = chr__country_code(c, m->country, suffix);
            size_t s0 = det ? c->tok[t0 + 1].start : m->start;
            m->name = chr__arena_strndup(c->a, c->s + s0, m->end - s0);
            if (!m->code || !m->name)
                return CHR_NOMEM;
        }
    }
    return CHR_OK;
}

/* "the president", "the prime minister", "the leader". */
static chr_status bare_descriptions(chr__ectx *c)
{
    int nm0 = c->nm, k = 0;
    for (int t = 0; t + 1 < c->ntok; t++) {
        if (strcmp(CHR__TF(c, &c->tok[t]), "the") != 0 || !c->tok[t + 1].plain ||
            c->tok[t + 1].upper)
            continue;
        while (k < nm0 && c->m[k].end <= c->tok[t].start)
            k++;
        if (k < nm0 && c->m[k].start <= c->tok[t + 1].start)
            continue; /* inside a mention */
        const char *suffix = NULL, *head = NULL;
        int a1 = agent_at(c, t + 1, &suffix, &head);
        if (a1 == t + 1 || !person_head(head) || starts(head, "counterpart"))
            continue;
        if (a1 < c->ntok && c->tok[a1].plain && c->tok[a1].upper)
            continue; /* "the president Vladimir Putin": a title */
        int p = -1;
        for (int q = k - 1; q >= 0; q--) {
            const chr__ment *pm = &c->m[q];
            if (is_person(pm) && strlen(pm->code) >= 6 &&
                strcmp(pm->code + 3, suffix) == 0) {
                p = q;
                break;
            }
        }
        if (p < 0)
            continue;
        chr__ment pv = c->m[p];
        chr__ment *m = chr__ment_push(c);
        if (!m)
            return c->nm >= CHR__ENT_MAX_MENTS ? CHR_OK : CHR_NOMEM;
        m->kind = CHR__M_DESC;
        m->type = CHR__ACT_PERSON;
        m->t0 = t;
        m->t1 = a1;
        m->start = c->tok[t].start;
        m->end = chr__etok_end(c, a1 - 1);
        m->name = pv.name;
        m->code = pv.code;
        m->actor = pv.actor;
        t = a1 - 1;
    }
    chr__ments_sort(c);
    return CHR_OK;
}

/* Surnames and tagger persons -> the longest full name with the same last
 * word. */
static void link_surnames(chr__ectx *c)
{
    for (int i = 0; i < c->nm; i++) {
        chr__ment *m = &c->m[i];
        if (m->drop || m->type != CHR__ACT_PERSON ||
            (m->kind != CHR__M_NAME && m->kind != CHR__M_NER))
            continue;
        if (m->kind == CHR__M_NAME && m->t1 - m->t0 != 1)
            continue;
        const chr__etok *lw = &c->tok[m->t1 - 1];
        int best = -1;
        size_t best_len = 0;
        for (int k = 0; k < c->nm; k++) {
            const chr__ment *p = &c->m[k];
            if (k == i || p->drop || p->type != CHR__ACT_PERSON || !p->name ||
                (p->kind != CHR__M_NAME && p->kind != CHR__M_NER) ||
                p->t1 - p->t0 < 2)
                continue;
            const chr__etok *pw = &c->tok[p->t1 - 1];
            if (pw->plen != lw->plen ||
                memcmp(CHR__TF(c, pw), CHR__TF(c, lw), lw->plen) != 0)
                continue;
            size_t len = strlen(p->name);
            /* the dictionary's canonical names first, then the longest */
            size_t score = len + (p->kind == CHR__M_NAME ? 1000 : 0);
            if (score > best_len) {
                best_len = score;
                best = k;
            }
        }
        if (best < 0 && m->kind == CHR__M_NER && m->t1 - m->t0 == 1) {
            /* "Xi" for "Xi Jinping": family name first */
            for (int k = 0; k < c->nm && best < 0; k++) {
                const chr__ment *p = &c->m[k];
                if (k != i && !p->drop && p->kind == CHR__M_NAME &&
                    p->type == CHR__ACT_PERSON && p->t1 - p->t0 >= 2 &&
                    c->tok[p->t0].flen == lw->plen &&
                    memcmp(CHR__TF(c, &c->tok[p->t0]), CHR__TF(c, lw), lw->plen) == 0)
                    best = k;
            }
        }
        if (best < 0)
            continue;
        const chr__ment *p = &c->m[best];
        if (m->kind == CHR__M_NAME && m->actor == p->actor)
            continue;
        m->name = p->name;
        m->actor = p->actor;
        if (p->code)
            m->code = p->code;
        else if (m->kind == CHR__M_NAME)
            m->code = NULL;
    }
}

chr_status chr__coref_resolve(chr__ectx *c)
{
    chr__ments_sort(c);
    /* NER persons first take the name of a full mention, so that
       descriptions can resolve to them */
    link_surnames(c);
    chr_status st = describe(c);
    if (st != CHR_OK)
        return st;
    if ((st = bare_descriptions(c)) != CHR_OK)
        return st;
    link_surnames(c); /* names given codes by titles */
    return CHR_OK;
}

/* ---- the resolver of the quotation stage ---- */

static int pronoun_kind(const char *s, size_t n)
{
    char f[16];
    if (n == 0 || n >= sizeof f)
        return 0;
    size_t k = chr__fold_word(s, n, f, sizeof f);
    f[k] = 0;
    static const char *const he[] = {"he", "him", "his", "she", "her",
                                     "hers", "himself", "herself"};
    static const char *const it[] = {"it", "its", "itself", "they", "them",
                                     "their", "themselves"};
    for (size_t i = 0; i < CHR__ARRAY_LEN(he); i++)
        if (!strcmp(f, he[i]))
            return 1;
    for (size_t i = 0; i < CHR__ARRAY_LEN(it); i++)
        if (!strcmp(f, it[i]))
            return 2;
    return 0;
}

const chr_entity *chr__entity_at(const chr_doc *d, size_t start, size_t end)
{
    if (!d || !d->body || start >= end || end > d->body_len)
        return NULL;
    const chr_entity *e = d->entities;
    size_t n = d->n_entities;
    /* an entity overlapping the span (sorted, non-overlapping) */
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (e[mid].end <= start)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < n && e[lo].start < end && (e[lo].name || e[lo].actor))
        return &e[lo];
    const char *s = d->body + start;
    size_t len = end - start;
    while (len && (*s == ' ' || *s == '\n'))
        s++, len--;
    int kind = pronoun_kind(s, len);
    if (!kind)
        return NULL;
    for (size_t i = lo; i-- > 0;) {
        const chr_entity *p = &e[i];
        if (p->end > start)
            continue;
        if (kind == 1 && !strcmp(p->type, "PERSON") && p->name)
            return p;
        if (kind == 2 && (!strcmp(p->type, "ORG") || !strcmp(p->type, "GPE")) &&
            p->actor)
            return p;
    }
    return NULL;
}
