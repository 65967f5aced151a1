/* chr-gen: writes a synthetic news corpus for Chronicle's benchmarks.
 *
 *   chr-gen --docs N --seed S --format jsonl|txt --out PATH
 *
 * The corpus is made of stories. Each story has a topic (a handful of topic
 * words, people, an organisation, a place and a date) and 1 to 10 articles
 * from different outlets that reuse its words; some articles are near-copies
 * of an earlier sibling with small edits. Articles have lognormal lengths
 * (80 to 2000 words, mean about 500) and about one line in ten is site
 * furniture (navigation, share buttons, related links, footers).
 *
 * jsonl: one JSON object a line (id, url, outlet, published, title, text,
 *        cluster: the index of the story it belongs to, the gold clusters
 *        for `chr-score-stories corpus.jsonl export.json`).
 * txt:   a directory PATH/NNN/NNNNNNN.txt, a thousand files a folder.
 *
 * The output depends only on N and S. Standalone: libc and libm only. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

/* ---- random numbers: splitmix64 seeding, xoshiro256** ------------------ */

typedef struct { uint64_t s[4]; } rng;

static uint64_t mix64(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

static void rng_seed(rng *r, uint64_t a, uint64_t b, uint64_t c)
{
    uint64_t x = mix64(a) ^ mix64(b + 0x1234567ULL) ^ mix64(c + 0x89abcdefULL);
    for (int i = 0; i < 4; i++) r->s[i] = x = mix64(x);
}

static uint64_t rng_next(rng *r)
{
    uint64_t *s = r->s, res = ((s[1] * 5) << 7 | (s[1] * 5) >> 57) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3];
    s[2] ^= t; s[3] = s[3] << 45 | s[3] >> 19;
    return res;
}

static double rng_unit(rng *r) { return (double)(rng_next(r) >> 11) * 0x1p-53; }
static uint32_t rng_below(rng *r, uint32_t n)
{
    return (uint32_t)(((rng_next(r) >> 32) * (uint64_t)n) >> 32);
}
static int rng_chance(rng *r, double p) { return rng_unit(r) < p; }
static double rng_normal(rng *r)
{
    double u = rng_unit(r), v = rng_unit(r);
    if (u < 1e-300) u = 1e-300;
    return sqrt(-2.0 * log(u)) * cos(6.283185307179586 * v);
}
#define PICK(r, arr) ((arr)[rng_below((r), (uint32_t)(sizeof(arr) / sizeof((arr)[0])))])

/* ---- growable byte buffer ----------------------------------------------- */

typedef struct { char *p; size_t n, cap; } sbuf;

static void sb_reserve(sbuf *b, size_t extra)
{
    if (b->n + extra + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->n + extra + 1) cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) { fprintf(stderr, "chr-gen: out of memory\n"); exit(1); }
    b->p = p; b->cap = cap;
}
static void sb_add(sbuf *b, const char *s, size_t n)
{
    sb_reserve(b, n); memcpy(b->p + b->n, s, n); b->n += n; b->p[b->n] = 0;
}
static void sb_puts(sbuf *b, const char *s) { sb_add(b, s, strlen(s)); }
static void sb_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_printf(sbuf *b, const char *fmt, ...)
{
    va_list ap; char tmp[512];
    va_start(ap, fmt); int k = vsnprintf(tmp, sizeof tmp, fmt, ap); va_end(ap);
    if (k > 0) sb_add(b, tmp, (size_t)k < sizeof tmp ? (size_t)k : sizeof tmp - 1);
}
/* Appends s with its first letter upper-cased (ASCII). */
static void sb_cap(sbuf *b, const char *s)
{
    size_t at = b->n; sb_puts(b, s);
    if (b->p[at] >= 'a' && b->p[at] <= 'z') b->p[at] = (char)(b->p[at] - 32);
}

/* ---- vocabulary ----------------------------------------------------------- */

static const char *COMMON[] = {
    "the", "of", "and", "to", "a", "in", "is", "that", "for", "it", "was", "on", "with", "as",
    "by", "at", "from", "his", "her", "their", "its", "this", "but", "an", "not", "are", "be",
    "have", "has", "had", "were", "they", "which", "one", "all", "would", "there", "been",
    "more", "if", "will", "when", "who", "out", "up", "so", "about", "than", "into", "them",
    "can", "only", "other", "new", "some", "could", "time", "these", "two", "may", "then",
    "first", "any", "like", "now", "over", "such", "our", "also", "after", "most", "made",
    "many", "before", "must", "through", "back", "years", "where", "much", "should", "well",
    "people", "down", "just", "because", "good", "each", "those", "how", "too", "little",
    "state", "very", "make", "world", "still", "own", "see", "men", "work", "long", "here",
    "between", "both", "life", "being", "under", "never", "day", "same", "another", "know",
    "while", "last", "might", "great", "old", "year", "off", "come", "since", "against",
    "government", "country", "minister", "president", "official", "officials", "leaders",
    "talks", "agreement", "deal", "plan", "week", "month", "percent", "million", "billion",
    "security", "economic", "trade", "energy", "prices", "market", "police", "court", "law",
    "election", "vote", "party", "opposition", "parliament", "council", "city", "region",
    "border", "military", "forces", "attack", "crisis", "support", "aid", "funding", "budget",
    "report", "statement", "spokesman", "spokeswoman", "meeting", "summit", "visit", "talks",
    "public", "national", "international", "foreign", "local", "regional", "major", "key",
    "said", "says", "told", "added", "announced", "warned", "called", "urged", "expected",
    "agreed", "rejected", "signed", "approved", "launched", "reported", "confirmed", "denied",
    "accused", "promised", "raised", "cut", "increase", "decline", "growth", "rate", "costs",
    "workers", "companies", "company", "industry", "project", "investment", "bank", "banks",
    "water", "power", "food", "health", "schools", "hospital", "families", "residents",
    "victims", "damage", "storm", "fire", "floods", "rescue", "emergency", "services",
    "protest", "protesters", "strike", "union", "demands", "reforms", "policy", "rules",
    "decision", "measures", "pressure", "concerns", "questions", "evidence", "investigation",
    "a", "number", "group", "members", "leader", "chief", "director", "head", "team",
    "season", "match", "win", "record", "history", "future", "next", "early", "late",
    "during", "without", "within", "across", "around", "despite", "following", "ahead",
    "further", "already", "however", "even", "less", "least", "several", "few", "three",
    "four", "five", "ten", "hundred", "thousand", "half", "part", "end", "start", "move",
    "step", "way", "case", "point", "issue", "problem", "change", "effort", "role", "area",
    "system", "service", "control", "access", "situation", "level", "number", "share",
};
#define NCOMMON (sizeof COMMON / sizeof COMMON[0])

static const char *ONSET[] = {"b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "j", "k",
                              "kr", "l", "m", "n", "p", "pr", "r", "s", "sh", "st", "t", "tr",
                              "v", "w", "z", "", ""};
static const char *VOWEL[] = {"a", "e", "i", "o", "u", "a", "e", "o", "ai", "ea", "ou", "io"};
static const char *CODA[] = {"", "", "", "", "n", "r", "s", "l", "m", "k", "st", "nd"};
static const char *NVOWEL[] = {"a", "e", "i", "o", "u", "a", "e", "o", "ei", "au", "é", "ö", "å"};

#define NVOCAB 20000
static char *vocab[NVOCAB];

static void make_word(rng *r, char *out, size_t cap, int syll, const char **vow, size_t nvow)
{
    size_t n = 0; out[0] = 0;
    for (int i = 0; i < syll; i++) {
        const char *parts[3] = {PICK(r, ONSET), vow[rng_below(r, (uint32_t)nvow)],
                                i == syll - 1 || rng_chance(r, 0.3) ? PICK(r, CODA) : ""};
        for (int k = 0; k < 3; k++) {
            size_t l = strlen(parts[k]);
            if (n + l + 1 < cap) { memcpy(out + n, parts[k], l); n += l; out[n] = 0; }
        }
    }
    if (n < 2 && n + 2 < cap) { memcpy(out + n, "an", 3); }
}

static void make_name(rng *r, char *out, size_t cap, int syll)
{
    make_word(r, out, cap, syll, NVOWEL, sizeof NVOWEL / sizeof NVOWEL[0]);
    if (out[0] >= 'a' && out[0] <= 'z') out[0] = (char)(out[0] - 32);
}

static void build_vocab(uint64_t seed)
{
    rng r; rng_seed(&r, seed, 1, 0);
    char w[64];
    for (int i = 0; i < NVOCAB; i++) {
        make_word(&r, w, sizeof w, 1 + (int)rng_below(&r, 2) + (i > 3000 && rng_chance(&r, 0.5)), VOWEL,
                  sizeof VOWEL / sizeof VOWEL[0]);
        vocab[i] = strdup(w);
        if (!vocab[i]) { fprintf(stderr, "chr-gen: out of memory\n"); exit(1); }
    }
}
/* Zipf-like (log-uniform) pick from the pseudo-word vocabulary. */
static const char *zipf_word(rng *r)
{
    size_t i = (size_t)exp(rng_unit(r) * log((double)NVOCAB)) - 1;
    return vocab[i < NVOCAB ? i : NVOCAB - 1];
}

/* ---- outlets -------------------------------------------------------------- */

static const char *OUTLET_SUFFIX[] = {"Times", "Herald", "Daily", "Post", "News", "Tribune",
                                      "Gazette", "Observer", "Courier", "Chronicle", "Today",
                                      "Express", "Journal", "Review", "Telegraph", "Star"};
static const char *NAV[] = {"Home", "World", "Politics", "Business", "Markets", "Sport",
                            "Opinion", "Culture", "Science", "Tech", "Weather", "Video"};
static const char *DOMAIN_END[] = {".com", ".net", ".org", ".news", ".co"};

#define NOUTLET 300
typedef struct {
    char name[64], abbr[8], domain[64];
    int wire, curly, nav_items;
} outlet;
static outlet outlets[NOUTLET];

static void build_outlets(uint64_t seed)
{
    rng r; rng_seed(&r, seed, 2, 0);
    for (int i = 0; i < NOUTLET; i++) {
        outlet *o = &outlets[i];
        char base[32]; make_word(&r, base, sizeof base, 2 + (int)rng_below(&r, 2), VOWEL, 8);
        base[0] = (char)(base[0] - 32 * (base[0] >= 'a' && base[0] <= 'z'));
        o->wire = rng_chance(&r, 0.08);
        if (o->wire) {
            snprintf(o->name, sizeof o->name, "%s Wire Agency", base);
            snprintf(o->abbr, sizeof o->abbr, "%cWA", base[0]);
        } else {
            snprintf(o->name, sizeof o->name, "The %s %s", base, PICK(&r, OUTLET_SUFFIX));
            snprintf(o->abbr, sizeof o->abbr, "%.3s", base);
        }
        snprintf(o->domain, sizeof o->domain, "%s%s", base, PICK(&r, DOMAIN_END));
        for (char *c = o->domain; *c; c++) if (*c >= 'A' && *c <= 'Z') *c = (char)(*c + 32);
        o->curly = rng_chance(&r, 0.25);
        o->nav_items = 4 + (int)rng_below(&r, 6);
    }
}

/* ---- dates ----------------------------------------------------------------- */

static long days_from_civil(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}
static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}
static const char *MONTH[] = {"January", "February", "March", "April", "May", "June", "July",
                              "August", "September", "October", "November", "December"};
static const char *WEEKDAY[] = {"Thursday", "Friday", "Saturday", "Sunday", "Monday",
                                "Tuesday", "Wednesday"}; /* day 0 = 1970-01-01, a Thursday */

/* ---- stories and article plans ---------------------------------------------- */

static const char *TITLE[] = {"President", "Prime Minister", "Foreign Minister",
                              "Finance Minister", "Interior Minister", "Governor", "Mayor",
                              "chief executive", "General", "Senator", "spokeswoman",
                              "spokesman", "Secretary-General", "opposition leader"};
static const char *ORG_KIND[] = {"Union", "Council", "Bank", "Party", "Institute", "Group",
                                 "Authority", "Alliance", "Commission", "Federation"};
static const char *COUNTRY_END[] = {"ia", "land", "stan", "ania", "ovia", "mark"};

#define MAXPEOPLE 5
typedef struct {
    char person[MAXPEOPLE][48];
    int title[MAXPEOPLE], npeople;
    char place[32], country[32], org[48];
    int topic[12];
    long day;
    uint32_t first_plan, nplans;
} story;

typedef struct {
    uint32_t story, plan;   /* plan = its own index in story order */
    int32_t copy_of;        /* plan index of the sibling copied, or -1 */
    uint32_t outlet;
    long pub_day;
} plan;

static void make_story(story *s, uint64_t seed, uint32_t idx)
{
    rng r; rng_seed(&r, seed, 3, idx);
    s->npeople = 2 + (int)rng_below(&r, MAXPEOPLE - 1);
    for (int i = 0; i < s->npeople; i++) {
        char a[24], b[24];
        make_name(&r, a, sizeof a, 2);
        make_name(&r, b, sizeof b, 2 + (int)rng_below(&r, 2));
        snprintf(s->person[i], sizeof s->person[i], "%s %s", a, b);
        s->title[i] = (int)rng_below(&r, sizeof TITLE / sizeof TITLE[0]);
    }
    char c[24]; make_name(&r, s->place, sizeof s->place, 2 + (int)rng_below(&r, 2));
    make_name(&r, c, sizeof c, 2);
    snprintf(s->country, sizeof s->country, "%s%s", c, PICK(&r, COUNTRY_END));
    make_name(&r, c, sizeof c, 2);
    snprintf(s->org, sizeof s->org, "the %s %s", c, PICK(&r, ORG_KIND));
    for (int i = 0; i < 12; i++) s->topic[i] = 200 + (int)rng_below(&r, NVOCAB - 200);
}

static const char *surname(const char *full)
{
    const char *sp = strrchr(full, ' ');
    return sp ? sp + 1 : full;
}

/* ---- text ------------------------------------------------------------------ */

/* Appends a clause of `n` words drawn from common words, the story's topic,
 * the wider vocabulary, its names and numbers. Returns the words written. */
static int clause(sbuf *b, rng *r, const story *s, int n)
{
    for (int i = 0; i < n; i++) {
        if (i) sb_add(b, " ", 1);
        double u = rng_unit(r);
        if (u < 0.52) sb_puts(b, COMMON[rng_below(r, NCOMMON)]);
        else if (u < 0.77) sb_puts(b, vocab[s->topic[rng_below(r, 12)]]);
        else if (u < 0.92) sb_puts(b, zipf_word(r));
        else if (u < 0.95) sb_puts(b, surname(s->person[rng_below(r, (uint32_t)s->npeople)]));
        else if (u < 0.97) sb_puts(b, s->place);
        else if (u < 0.985) sb_printf(b, "%u percent", 1 + rng_below(r, 99));
        else sb_printf(b, "%u.%u million", 1 + rng_below(r, 900), rng_below(r, 10));
    }
    return n;
}

static int sentence(sbuf *b, rng *r, const story *s, const outlet *o)
{
    const char *oq = o->curly ? "\xe2\x80\x9c" : "\"", *cq = o->curly ? "\xe2\x80\x9d" : "\"";
    int p = (int)rng_below(r, (uint32_t)s->npeople), n = 6 + (int)rng_below(r, 14), w = 0;
    const char *who = s->person[p], *title = TITLE[s->title[p]];
    size_t at;
    switch (rng_below(r, 8)) {
    case 0:
        sb_printf(b, "%s said on %s that ", who, WEEKDAY[((s->day % 7) + 7) % 7]);
        w = 4 + clause(b, r, s, n); sb_add(b, ".", 1); break;
    case 1:
        sb_puts(b, oq); at = b->n; w = clause(b, r, s, n);
        if (b->p[at] >= 'a' && b->p[at] <= 'z') b->p[at] = (char)(b->p[at] - 32);
        sb_printf(b, ",%s %s, the %s of %s, said in %s.", cq, who, title, s->country, s->place);
        w += 8; break;
    case 2:
        sb_printf(b, "The %s %s in %s ", vocab[s->topic[rng_below(r, 12)]],
                  COMMON[rng_below(r, NCOMMON)], s->place);
        w = 4 + clause(b, r, s, n); sb_add(b, ".", 1); break;
    case 3:
        sb_cap(b, s->org); sb_add(b, " ", 1);
        w = 3 + clause(b, r, s, n); sb_add(b, ".", 1); break;
    case 4:
        sb_cap(b, "according to "); sb_puts(b, s->org); sb_add(b, ", ", 2);
        w = 4 + clause(b, r, s, n); sb_add(b, ".", 1); break;
    case 5:
        sb_puts(b, oq); at = b->n; w = clause(b, r, s, n);
        if (b->p[at] >= 'a' && b->p[at] <= 'z') b->p[at] = (char)(b->p[at] - 32);
        sb_printf(b, ".%s %s told reporters.", cq, surname(who)); w += 3; break;
    default:
        at = b->n; w = clause(b, r, s, n);
        if (b->p[at] >= 'a' && b->p[at] <= 'z') b->p[at] = (char)(b->p[at] - 32);
        sb_add(b, ".", 1);
    }
    return w;
}

static void dateline(sbuf *b, const story *s, const outlet *o, long day)
{
    int y, m, d; civil_from_days(day, &y, &m, &d);
    sb_printf(b, "%s, %s (%s) %s %d, %d - ", s->place, s->country, o->abbr, MONTH[m - 1], d, y);
}

/* Writes the body: paragraphs separated by a blank line. */
static void body(sbuf *b, const story *s, const plan *pl, uint64_t seed)
{
    rng r; rng_seed(&r, seed, 4, pl->plan);
    const outlet *o = &outlets[pl->outlet];
    double len = exp(5.93 + 0.65 * rng_normal(&r));
    int target = len < 80 ? 80 : len > 2000 ? 2000 : (int)len, words = 0;
    if (o->wire) dateline(b, s, o, pl->pub_day);
    while (words < target) {
        int ns = 2 + (int)rng_below(&r, 4);
        for (int i = 0; i < ns && words < target; i++) {
            if (i) sb_add(b, " ", 1);
            words += sentence(b, &r, s, o);
        }
        if (words < target) sb_add(b, "\n\n", 2);
    }
}

/* Copies `src` with small edits: dropped paragraphs, replaced words. */
static void edit_copy(sbuf *b, const char *src, rng *r)
{
    const char *p = src;
    int para = 0, long_enough = strlen(src) > 3000; /* keep short copies whole */
    while (*p) {
        const char *end = strstr(p, "\n\n");
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (para == 0 || !long_enough || !rng_chance(r, 0.08)) {
            if (b->n) sb_add(b, "\n\n", 2);
            const char *q = p, *qe = p + len;
            while (q < qe) {
                const char *t = q;
                while (t < qe && *t != ' ') t++;
                int lower = 1;
                for (const char *c = q; c < t; c++) if (*c < 'a' || *c > 'z') { lower = 0; break; }
                if (lower && t > q && rng_chance(r, 0.03)) sb_puts(b, COMMON[rng_below(r, NCOMMON)]);
                else sb_add(b, q, (size_t)(t - q));
                if (t < qe) sb_add(b, " ", 1);
                q = t + (t < qe);
            }
        }
        para++;
        p = end ? end + 2 : p + len;
    }
}

static void title_of(sbuf *b, const story *s, const plan *pl, uint64_t seed)
{
    rng r; rng_seed(&r, seed, 5, pl->copy_of >= 0 ? (uint32_t)pl->copy_of : pl->plan);
    sb_printf(b, "%s %s %s %s in %s", surname(s->person[0]), COMMON[rng_below(&r, NCOMMON)],
              vocab[s->topic[0]], vocab[s->topic[1 + rng_below(&r, 3)]], s->place);
    if (pl->copy_of >= 0 && rng_chance(&r, 0.5)) sb_puts(b, " - report");
    if (b->p[0] >= 'a' && b->p[0] <= 'z') b->p[0] = (char)(b->p[0] - 32);
}

/* Site furniture: about one line in ten. `top` chooses header or footer. */
static void furniture(sbuf *b, rng *r, const outlet *o, const story *s, long day, int top)
{
    int y, m, d; civil_from_days(day, &y, &m, &d);
    if (o->wire) return;
    if (top) {
        if (rng_chance(r, 0.7)) {
            for (int i = 0; i < o->nav_items; i++) {
                sb_puts(b, NAV[(i * 5 + (int)(o - outlets)) % 12]);
                sb_puts(b, i + 1 < o->nav_items ? " | " : "\n\n");
            }
        }
        return;
    }
    if (rng_chance(r, 0.5)) sb_puts(b, "\n\nShare this:\nFacebook\nX\nEmail");
    if (rng_chance(r, 0.4))
        sb_printf(b, "\n\nRelated Posts:\n%s %s %s\n%s to %s %s", s->place,
                  vocab[s->topic[2]], COMMON[rng_below(r, NCOMMON)],
                  surname(s->person[0]), COMMON[rng_below(r, NCOMMON)], zipf_word(r));
    if (rng_chance(r, 0.3)) sb_puts(b, "\n\nSign up for our newsletter. Get the day's top stories in your inbox.");
    sb_printf(b, "\n\n\xc2\xa9 %d %s. All rights reserved.", y, o->name + (o->name[0] == 'T' && o->name[1] == 'h' ? 4 : 0));
}

/* ---- output ------------------------------------------------------------------ */

static void json_str(FILE *f, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    putc('"', f);
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') { run++; continue; }
        fwrite(s + i - run, 1, run, f); run = 0;
        switch (c) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\t': fputs("\\t", f); break;
        case '\r': fputs("\\r", f); break;
        default: fputs("\\u00", f); putc(hex[c >> 4], f); putc(hex[c & 15], f);
        }
    }
    fwrite(s + n - run, 1, run, f);
    putc('"', f);
}

static int mkdir_p(const char *path)
{
    char tmp[4096];
    if (strlen(path) >= sizeof tmp) return -1;
    strcpy(tmp, path);
    for (char *p = tmp + 1; *p; p++) {
        if (*p != '/') continue;
        *p = 0;
        if (mkdir(tmp, 0777) && errno != EEXIST) return -1;
        *p = '/';
    }
    return mkdir(tmp, 0777) && errno != EEXIST ? -1 : 0;
}

static void usage(void)
{
    fputs("usage: chr-gen --docs N --seed S --format jsonl|txt --out PATH\n", stderr);
    exit(2);
}

int main(int argc, char **argv)
{
    unsigned long ndocs = 0; uint64_t seed = 1; const char *fmt = "jsonl", *out = NULL;
    for (int i = 1; i < argc; i++) {
        if (i + 1 >= argc) usage();
        if (!strcmp(argv[i], "--docs")) ndocs = strtoul(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--seed")) seed = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(argv[i], "--format")) fmt = argv[++i];
        else if (!strcmp(argv[i], "--out")) out = argv[++i];
        else usage();
    }
    int txt = !strcmp(fmt, "txt");
    if (!out || ndocs == 0 || ndocs > 100000000UL || (!txt && strcmp(fmt, "jsonl"))) usage();
    build_vocab(seed);
    build_outlets(seed);

    /* Plan stories and their articles: sizes 1..10, P(k) ~ k^-1.3. */
    double cum[10], tot = 0;
    for (int k = 0; k < 10; k++) cum[k] = tot += pow(k + 1, -1.3);
    plan *plans = malloc(ndocs * sizeof *plans);
    story *stories = malloc(ndocs * sizeof *stories);
    uint32_t *order = malloc(ndocs * sizeof *order);
    if (!plans || !stories || !order) { fputs("chr-gen: out of memory\n", stderr); return 1; }
    rng r; rng_seed(&r, seed, 6, 0);
    uint32_t nst = 0; unsigned long np = 0;
    while (np < ndocs) {
        double u = rng_unit(&r) * tot; uint32_t k = 1;
        while (k < 10 && u > cum[k - 1]) k++;
        if (k > ndocs - np) k = (uint32_t)(ndocs - np);
        stories[nst].first_plan = (uint32_t)np; stories[nst].nplans = k;
        for (uint32_t j = 0; j < k; j++, np++) {
            plan *p = &plans[np];
            p->story = nst; p->plan = (uint32_t)np;
            p->copy_of = j > 0 && rng_chance(&r, 0.3)
                ? (int32_t)(stories[nst].first_plan + rng_below(&r, j)) : -1;
            p->outlet = rng_below(&r, NOUTLET);
        }
        nst++;
    }
    long day0 = days_from_civil(2023, 1, 1);
    for (uint32_t i = 0; i < nst; i++) {
        make_story(&stories[i], seed, i);
        stories[i].day = day0 + (long)((double)i * 730.0 / nst) + (long)rng_below(&r, 2);
        for (uint32_t j = 0; j < stories[i].nplans; j++)
            plans[stories[i].first_plan + j].pub_day = stories[i].day + (j ? rng_below(&r, 3) : 0);
    }
    /* Output order: story order, shuffled within windows of 256 articles. */
    for (unsigned long i = 0; i < ndocs; i++) order[i] = (uint32_t)i;
    for (unsigned long w = 0; w < ndocs; w += 256) {
        unsigned long n = ndocs - w < 256 ? ndocs - w : 256;
        for (unsigned long i = n - 1; i > 0; i--) {
            uint32_t j = rng_below(&r, (uint32_t)(i + 1)), t = order[w + i];
            order[w + i] = order[w + j]; order[w + j] = t;
        }
    }

    FILE *f = NULL;
    static char iobuf[1 << 20];
    if (txt) {
        if (mkdir_p(out)) { perror(out); return 1; }
    } else {
        f = fopen(out, "wb");
        if (!f) { perror(out); return 1; }
        setvbuf(f, iobuf, _IOFBF, sizeof iobuf);
    }
    sbuf text = {0}, tmp = {0}, title = {0};
    unsigned long long bytes = 0;
    for (unsigned long i = 0; i < ndocs; i++) {
        const plan *pl = &plans[order[i]];
        const story *s = &stories[pl->story];
        const outlet *o = &outlets[pl->outlet];
        rng dr; rng_seed(&dr, seed, 7, pl->plan);
        text.n = tmp.n = title.n = 0;
        if (text.p) text.p[0] = 0;
        if (pl->copy_of >= 0) {
            body(&tmp, s, &plans[pl->copy_of], seed);
            edit_copy(&text, tmp.p, &dr);
        } else {
            body(&text, s, pl, seed);
        }
        /* furniture around the body */
        tmp.n = 0; if (tmp.p) tmp.p[0] = 0;
        furniture(&tmp, &dr, o, s, pl->pub_day, 1);
        sb_add(&tmp, text.p, text.n);
        furniture(&tmp, &dr, o, s, pl->pub_day, 0);
        title_of(&title, s, pl, seed);
        int y, m, d; civil_from_days(pl->pub_day, &y, &m, &d);
        char id[48], date[40];
        snprintf(id, sizeof id, "gen%llu-%07lu", (unsigned long long)seed, i);
        if (rng_chance(&dr, 0.3))
            snprintf(date, sizeof date, "%04d-%02d-%02dT%02u:%02u:00Z", y, m, d,
                     rng_below(&dr, 24), rng_below(&dr, 60));
        else
            snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, d);
        if (txt) {
            char path[4200];
            snprintf(path, sizeof path, "%s/%03lu", out, i / 1000);
            if (i % 1000 == 0 && mkdir_p(path)) { perror(path); return 1; }
            snprintf(path, sizeof path, "%s/%03lu/%07lu.txt", out, i / 1000, i);
            FILE *g = fopen(path, "wb");
            if (!g) { perror(path); return 1; }
            fprintf(g, "%s\n\n", title.p);
            if (!o->wire) fprintf(g, "%s | %s %d, %d\n\n", o->name, MONTH[m - 1], d, y);
            fwrite(tmp.p, 1, tmp.n, g); putc('\n', g);
            bytes += (unsigned long long)ftell(g);
            if (fclose(g)) { perror(path); return 1; }
        } else {
            fprintf(f, "{\"id\":\"%s\",\"url\":\"https://www.%s/%04d/%02d/%02d/%s\",\"outlet\":",
                    id, o->domain, y, m, d, id);
            json_str(f, o->name, strlen(o->name));
            if (rng_chance(&dr, 0.95)) fprintf(f, ",\"published\":\"%s\"", date);
            fputs(",\"title\":", f); json_str(f, title.p, title.n);
            fputs(",\"text\":", f); json_str(f, tmp.p, tmp.n);
            /* the story it was generated from: gold clusters for
               chr-score-stories (readers ignore the field) */
            fprintf(f, ",\"cluster\":%u}\n", pl->story);
        }
    }
    if (f) {
        bytes = (unsigned long long)ftell(f);
        if (fclose(f)) { perror(out); return 1; }
    }
    fprintf(stderr, "chr-gen: %lu articles in %u stories, %.1f MB\n", ndocs, nst, bytes / 1e6);
    free(text.p); free(tmp.p); free(title.p); free(plans); free(stories); free(order);
    for (int i = 0; i < NVOCAB; i++) free(vocab[i]);
    return 0;
}
