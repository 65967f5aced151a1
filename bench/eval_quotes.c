/* eval_quotes.c — `make eval-quotes`: scores the quotation stage
 * (src/extract/quotes.c) on PolNeAR (Newell et al. 2018) in brat standoff.
 *
 * Data: DIR/text/NAME.txt and DIR/attributions/NAME_ANNOTATOR.ann, with
 * T lines (Source, Cue, Content spans in character offsets, possibly
 * discontinuous "a b;c d") and E lines tying one attribution's spans
 * together. Two articles of dev (and 16 of train) have the files of
 * several annotators: we score against the first annotator's file in name
 * order, as every other article has one annotator; the scores do not mix
 * annotators.
 *
 * Gold: a direct quotation is a Content whose text starts with a quotation
 * mark; its speaker is the Source of its attribution. A Source is a proper
 * name when its last word (a parenthetical dropped) is capitalised and not
 * a pronoun.
 *
 * Scoring, on word tokens (runs of letters and digits) of the text:
 *  - a predicted quotation of kind "direct" is correct when at least half
 *    of its words are inside one gold direct quotation; a gold quotation is
 *    found when at least half of its words are inside predicted direct
 *    quotations. Precision, recall, F1 from these. (Annotators join the
 *    pieces of a quotation split by its attribution — “A,” he said, “B.” —
 *    into one Content; the half-of-the-words rule scores a split or joined
 *    prediction the same.)
 *  - speaker accuracy: over the found gold direct quotations whose Source
 *    is a proper name, the predicted quotation sharing most words with it
 *    has the right speaker when a word of its speaker (case folded) is a
 *    capitalised word of the Source (titles dropped): "Donald Trump" for
 *    "Trump". Also given over all named gold quotations (not found = wrong).
 *  - speed: chr__quotes_find alone (after the entities stage when it is
 *    built), every article run until 2 s have passed; articles per second.
 *
 * Usage: chr-eval-quotes [-v] DIR. -v lists misses, false alarms and wrong
 * speakers. Exits 0 with a message when DIR is absent. */
#define _POSIX_C_SOURCE 200809L
#include "base/base.h"
#include "extract/quotes.h"

#if defined(__has_include)
#if __has_include("extract/entities.h")
#include "extract/entities.h"
#define HAVE_ENTITIES 1
#endif
#endif

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define MAX_TEXT (8u << 20)

typedef struct span {
    size_t s, e;
} span;

typedef struct gold {
    char id[16];
    char type[16];
    span fr[8];
    int nfr;
    char text[64];
    int source; /* index of the Source T line, -1 */
} gold;

typedef struct article {
    char *text;
    size_t len;
    gold *g;
    int ng;
} article;

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *b = malloc(MAX_TEXT + 1);
    size_t n = b ? fread(b, 1, MAX_TEXT, f) : 0;
    fclose(f);
    if (!b)
        return NULL;
    b[n] = 0;
    *len = n;
    return b;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char **list_dir(const char *dir, size_t *n)
{
    DIR *d = opendir(dir);
    *n = 0;
    if (!d)
        return NULL;
    char **v = NULL;
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 256;
            v = realloc(v, cap * sizeof *v);
        }
        v[(*n)++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(v, *n, sizeof *v, cmp_name);
    return v;
}

/* byte offset of each code point index of text */
static size_t *cp_offsets(const char *t, size_t len, size_t *ncp)
{
    size_t *o = malloc((len + 2) * sizeof *o), k = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)t[i] & 0xc0) != 0x80)
            o[k++] = i;
    o[k] = len;
    *ncp = k;
    return o;
}

static int parse_ann(const char *path, const size_t *off, size_t ncp,
                     gold **out)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return 0;
    gold *g = NULL;
    int n = 0, cap = 0;
    char line[8192];
    /* E lines after the T lines: remember Content -> Source pairs */
    char links[4096][2][16];
    int nl = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        if (line[0] == 'T') {
            char *t1 = strchr(line, '\t');
            char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
            if (!t2)
                continue;
            *t1 = *t2 = 0;
            if (n == cap) {
                cap = cap ? cap * 2 : 64;
                g = realloc(g, cap * sizeof *g);
            }
            gold *x = &g[n];
            memset(x, 0, sizeof *x);
            x->source = -1;
            snprintf(x->id, sizeof x->id, "%.15s", line);
            snprintf(x->text, sizeof x->text, "%.63s", t2 + 1);
            char *p = t1 + 1;
            size_t tl = strcspn(p, " ");
            if (tl >= sizeof x->type)
                continue;
            memcpy(x->type, p, tl);
            x->type[tl] = 0;
            p += tl;
            while (*p && x->nfr < 8) {
                unsigned long a, b;
                int used;
                if (sscanf(p, " %lu %lu%n", &a, &b, &used) != 2)
                    break;
                if (a <= b && b <= ncp)
                    x->fr[x->nfr++] = (span){off[a], off[b]};
                p += used;
                if (*p == ';')
                    p++;
            }
            if (x->nfr)
                n++;
        } else if (line[0] == 'E' && nl < 4096) {
            char *c = strstr(line, "Content:"), *s = strstr(line, "Source:");
            if (!c || !s)
                continue;
            sscanf(c + 8, "%15[^ \t]", links[nl][0]);
            sscanf(s + 7, "%15[^ \t]", links[nl][1]);
            nl++;
        }
    }
    fclose(f);
    for (int l = 0; l < nl; l++) {
        int ci = -1, si = -1;
        for (int i = 0; i < n; i++) {
            if (!strcmp(g[i].id, links[l][0]))
                ci = i;
            if (!strcmp(g[i].id, links[l][1]))
                si = i;
        }
        if (ci >= 0 && si >= 0)
            g[ci].source = si;
    }
    *out = g;
    return n;
}

static int starts_with_mark(const char *t)
{
    static const char *marks[] = {"\"", "'", "\xe2\x80\x9c", "\xe2\x80\x98",
                                  "\xc2\xab", "\xe2\x80\x9e", "\xe2\x80\x9d"};
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
        if (!strncmp(t, marks[i], strlen(marks[i])))
            return 1;
    return 0;
}

/* ---- words ---- */

typedef struct words {
    size_t *s;
    size_t n;
} words;

static int wchar(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c >= 0x80;
}

static words word_starts(const char *t, size_t len)
{
    words w = {malloc((len / 2 + 2) * sizeof(size_t)), 0};
    for (size_t i = 0; i < len;) {
        /* curly quotes and dashes are not words */
        if ((unsigned char)t[i] == 0xe2) {
            i += 3;
            continue;
        }
        if (!wchar((unsigned char)t[i])) {
            i++;
            continue;
        }
        w.s[w.n++] = i;
        while (i < len && wchar((unsigned char)t[i]) &&
               (unsigned char)t[i] != 0xe2)
            i++;
    }
    return w;
}

static int in_spans(size_t p, const span *v, int n)
{
    for (int i = 0; i < n; i++)
        if (p >= v[i].s && p < v[i].e)
            return 1;
    return 0;
}

static size_t count_in(const words *w, const span *v, int n,
                       const span *v2, int n2)
{
    size_t c = 0;
    for (size_t i = 0; i < w->n; i++)
        if (in_spans(w->s[i], v, n) && (!v2 || in_spans(w->s[i], v2, n2)))
            c++;
    return c;
}

/* ---- speakers ---- */

static const char *const skip_words[] = {
    "a", "an", "mr", "mrs", "ms", "dr", "the", "president", "sen", "rep",
    "gov", "senator", "secretary", "candidate", "nominee", "former",
};

static int skip_word(const char *w)
{
    for (size_t i = 0; i < sizeof skip_words / sizeof *skip_words; i++)
        if (!strcasecmp(w, skip_words[i]))
            return 1;
    return 0;
}

static const char *const pron[] = {"he", "she", "it", "they", "we", "i",
                                   "you", "his", "her", "their"};

static int proper_source(const char *t, size_t n)
{
    char buf[256];
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    memcpy(buf, t, n);
    buf[n] = 0;
    char *p = strchr(buf, '(');
    if (p)
        *p = 0;
    /* last word */
    char *last = NULL;
    for (char *w = strtok(buf, " ,.\n\t"); w; w = strtok(NULL, " ,.\n\t"))
        last = w;
    if (!last || !(last[0] >= 'A' && last[0] <= 'Z'))
        return 0;
    for (size_t i = 0; i < sizeof pron / sizeof *pron; i++)
        if (!strcasecmp(last, pron[i]))
            return 0;
    return 1;
}

/* does a word of `spk` equal a capitalised word of the source text? */
static int speaker_ok(const char *spk, const char *src, size_t n)
{
    if (!spk)
        return 0;
    char a[256], b[256];
    snprintf(a, sizeof a, "%s", spk);
    if (n >= sizeof b)
        n = sizeof b - 1;
    memcpy(b, src, n);
    b[n] = 0;
    const char *sep = " ,.()\n\t'\xe2\x80\x99\xc2\xa0";
    char *sa, *sb;
    for (char *x = strtok_r(a, sep, &sa); x; x = strtok_r(NULL, sep, &sa)) {
        if (skip_word(x) || strlen(x) < 2)
            continue;
        char bb[256];
        memcpy(bb, b, sizeof bb);
        for (char *y = strtok_r(bb, sep, &sb); y;
             y = strtok_r(NULL, sep, &sb))
            if (y[0] >= 'A' && y[0] <= 'Z' && !strcasecmp(x, y))
                return 1;
    }
    return 0;
}

static chr_doc *doc_of(const char *text, size_t len)
{
    chr__arena *a = chr__arena_new(0);
    chr_doc *d = a ? chr__arena_alloc(a, sizeof *d) : NULL;
    if (!d) {
        chr__arena_free(a);
        return NULL;
    }
    d->arena = a;
    d->body = text;
    d->body_len = len;
    return d;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    int verbose = 0, ai = 1;
    if (ai < argc && !strcmp(argv[ai], "-v"))
        verbose = 1, ai++;
    if (ai >= argc) {
        fprintf(stderr, "usage: chr-eval-quotes [-v] DIR\n");
        return 2;
    }
    const char *dir = argv[ai];
    char path[4096];
    snprintf(path, sizeof path, "%s/text", dir);
    size_t ntext, nann;
    char **texts = list_dir(path, &ntext);
    snprintf(path, sizeof path, "%s/attributions", dir);
    char **anns = list_dir(path, &nann);
    if (!texts || !anns || !ntext) {
        printf("eval-quotes: %s not found (PolNeAR data absent), "
               "skipped\n", dir);
        return 0;
    }
    article *arts = calloc(ntext, sizeof *arts);
    size_t narts = 0;
    size_t gold_n = 0, gold_found = 0, pred_n = 0, pred_ok = 0;
    size_t named = 0, named_found = 0, named_ok = 0;
    for (size_t i = 0; i < ntext; i++) {
        size_t nl = strlen(texts[i]);
        if (nl < 5 || strcmp(texts[i] + nl - 4, ".txt"))
            continue;
        char stem[1024];
        snprintf(stem, sizeof stem, "%.*s_", (int)(nl - 4), texts[i]);
        const char *ann = NULL;
        for (size_t k = 0; k < nann && !ann; k++)
            if (!strncmp(anns[k], stem, strlen(stem)) &&
                !strchr(anns[k] + strlen(stem), '_'))
                ann = anns[k];
        if (!ann)
            continue;
        article *A = &arts[narts];
        snprintf(path, sizeof path, "%s/text/%s", dir, texts[i]);
        A->text = slurp(path, &A->len);
        if (!A->text)
            continue;
        size_t ncp;
        size_t *off = cp_offsets(A->text, A->len, &ncp);
        snprintf(path, sizeof path, "%s/attributions/%s", dir, ann);
        A->ng = parse_ann(path, off, ncp, &A->g);
        free(off);
        narts++;

        chr_doc *d = doc_of(A->text, A->len);
        if (!d)
            return 1;
#ifdef HAVE_ENTITIES
        chr__entities_find(d, d->arena);
#endif
        if (chr__quotes_find(d, d->arena) != CHR_OK) {
            fprintf(stderr, "%s: out of memory\n", texts[i]);
            return 1;
        }
        words w = word_starts(A->text, A->len);
        /* predicted direct spans */
        span *ps = malloc((d->n_quotes + 1) * sizeof *ps);
        int np = 0;
        for (size_t q = 0; q < d->n_quotes; q++)
            if (!strcmp(d->quotes[q].kind, "direct"))
                ps[np++] = (span){d->quotes[q].start, d->quotes[q].end};
        /* gold direct */
        for (int k = 0; k < A->ng; k++) {
            gold *g = &A->g[k];
            if (strcmp(g->type, "Content") || !starts_with_mark(g->text))
                continue;
            size_t gw = count_in(&w, g->fr, g->nfr, NULL, 0);
            if (!gw)
                continue;
            gold_n++;
            size_t cov = count_in(&w, g->fr, g->nfr, ps, np);
            int found = cov * 2 >= gw;
            gold_found += found;
            if (verbose && !found)
                printf("MISS %s: %.*s\n", texts[i],
                       (int)(g->fr[0].e - g->fr[0].s > 150
                                 ? 150 : g->fr[0].e - g->fr[0].s),
                       A->text + g->fr[0].s);
            if (g->source < 0)
                continue;
            gold *src = &A->g[g->source];
            const char *st = A->text + src->fr[0].s;
            size_t sl = src->fr[0].e - src->fr[0].s;
            if (!proper_source(st, sl))
                continue;
            named++;
            if (!found)
                continue;
            named_found++;
            /* the predicted quotation sharing most words */
            const chr_quote *best = NULL;
            size_t bestc = 0;
            for (size_t q = 0; q < d->n_quotes; q++) {
                if (strcmp(d->quotes[q].kind, "direct"))
                    continue;
                span s1 = {d->quotes[q].start, d->quotes[q].end};
                size_t c = count_in(&w, g->fr, g->nfr, &s1, 1);
                if (c > bestc)
                    bestc = c, best = &d->quotes[q];
            }
            int ok = best && speaker_ok(best->speaker, st, sl);
            named_ok += ok;
            if (verbose && !ok)
                printf("SPEAKER %s: gold \"%.*s\" got \"%s\" (cue %s): "
                       "%.60s\n",
                       texts[i], (int)sl, st,
                       best && best->speaker ? best->speaker : "NULL",
                       best && best->cue ? best->cue : "-",
                       best ? best->text : "");
        }
        /* precision */
        for (int p = 0; p < np; p++) {
            size_t pw = count_in(&w, &ps[p], 1, NULL, 0);
            if (!pw)
                continue;
            pred_n++;
            size_t bestc = 0;
            for (int k = 0; k < A->ng; k++) {
                gold *g = &A->g[k];
                if (strcmp(g->type, "Content") || !starts_with_mark(g->text))
                    continue;
                size_t c = count_in(&w, &ps[p], 1, g->fr, g->nfr);
                if (c > bestc)
                    bestc = c;
            }
            int ok = bestc * 2 >= pw;
            pred_ok += ok;
            if (verbose && !ok)
                printf("FALSE %s: %.*s\n", texts[i],
                       (int)(ps[p].e - ps[p].s > 150 ? 150
                                                     : ps[p].e - ps[p].s),
                       A->text + ps[p].s);
        }
        free(ps);
        free(w.s);
        chr_doc_free(d);
    }
    double P = pred_n ? (double)pred_ok / pred_n : 0;
    double R = gold_n ? (double)gold_found / gold_n : 0;
    double F = P + R > 0 ? 2 * P * R / (P + R) : 0;
    printf("eval-quotes: %zu articles of %s (first annotator's file each)\n",
           narts, dir);
    printf("direct quotations: gold %zu, predicted %zu, precision %.3f, "
           "recall %.3f, F1 %.3f\n",
           gold_n, pred_n, P, R, F);
    printf("named speakers: %zu/%zu correct on found quotations (%.3f); "
           "%zu/%zu over all named gold (%.3f)\n",
           named_ok, named_found,
           named_found ? (double)named_ok / named_found : 0, named_ok, named,
           named ? (double)named_ok / named : 0);

    /* speed of the quotation stage alone */
    chr_doc **docs = calloc(narts, sizeof *docs);
    for (size_t i = 0; i < narts; i++) {
        docs[i] = doc_of(arts[i].text, arts[i].len);
#ifdef HAVE_ENTITIES
        if (docs[i])
            chr__entities_find(docs[i], docs[i]->arena);
#endif
    }
    size_t runs = 0;
    double t0 = now(), el = 0;
    while (el < 2.0) {
        for (size_t i = 0; i < narts; i++) {
            if (!docs[i])
                continue;
            chr__arena *a = chr__arena_new(0);
            chr__quotes_find(docs[i], a);
            chr__arena_free(a);
            runs++;
        }
        el = now() - t0;
    }
    printf("speed: %.0f articles/s (quotation stage alone, one thread, "
           "%zu runs)\n",
           runs / el, runs);
    for (size_t i = 0; i < narts; i++) {
        chr_doc_free(docs[i]);
        free(arts[i].text);
        free(arts[i].g);
    }
    free(docs);
    free(arts);
    for (size_t i = 0; i < ntext; i++)
        free(texts[i]);
    for (size_t i = 0; i < nann; i++)
        free(anns[i]);
    free(texts);
    free(anns);
    return 0;
}
