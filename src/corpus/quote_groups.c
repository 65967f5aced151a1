/* quote_groups.c — one statement, its wordings across the outlets of a
 * story (issue 6), and a word diff of two wordings for `chronicle show`.
 *
 * Method:
 *  1. Every quotation becomes the set of its folded content words (stop
 *     words dropped, accents and case folded: src/text).
 *  2. Two quotations are the same statement when their speakers agree (a
 *     word in common, "Putin" / "Vladimir Putin", or one unknown), they
 *     share at least 3 content words (2 when one has only 2) and the Dice
 *     coefficient of the two sets is at least 0.5. Rewordings keep most of
 *     the content words ("… partnership and strategic cooperation are
 *     experiencing their best period in history" / "… are at their peak in
 *     history": 0.8); two statements of one speaker share few. Groups are
 *     the connected pairs (union-find). Indirect speech joins a group of
 *     direct or partial quotations but never starts one.
 *  3. Lost quotation marks: for each group, every document without a
 *     member is searched sentence by sentence; a sentence whose content
 *     words reach Dice 0.6 with the group's canonical wording, sharing at
 *     least 4 words, is a member found in plain text (quote = SIZE_MAX),
 *     its span from the first to the last shared word (from the sentence
 *     start when at most three words come before the first). A sentence
 *     inside a direct or partial quotation of that document is not
 *     searched.
 *  4. Canonical wording: the quotation member most similar to all the
 *     others (sum of similarities), direct before partial, then longer.
 *     Speaker: the most frequent known speaker of the members.
 * Limits: 5,000 quotations a story (pairs are compared all with all). */
#include "corpus/quote_groups.h"

#include "text/text.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_QUOTES 5000
#define PAIR_DICE 0.5
#define TEXT_DICE 0.6
#define TEXT_SHARED 4

typedef struct wset {
    uint64_t *h;
    size_t n;
} wset;

typedef struct witem {
    size_t doc, quote;
    int indirect;
    wset w;
    const chr_quote *q;
} witem;

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

typedef struct wcollect {
    const char *s;
    uint64_t *h;
    size_t n, cap;
    size_t *pos; /* word starts/ends when asked (2 per word) */
    int nomem;
} wcollect;

/* a crude English suffix stripper, the same on both sides of a
   comparison: satisfies/satisfy, sides/side, ending/end, ended/end */
static size_t stem(char *f, size_t n)
{
    if (n > 4 && !memcmp(f + n - 3, "ies", 3)) {
        f[n - 3] = 'y';
        n -= 2;
    } else if (n > 5 && !memcmp(f + n - 3, "ing", 3)) {
        n -= 3;
    } else if (n > 4 && !memcmp(f + n - 2, "ed", 2)) {
        n -= 2;
    } else if (n > 3 && f[n - 1] == 's' && f[n - 2] != 's') {
        n -= 1;
    }
    f[n] = 0;
    return n;
}

static int collect_cb(void *ctx, const chr__token *t)
{
    wcollect *w = ctx;
    char f[64];
    size_t n = chr__fold_word(w->s + t->start, t->end - t->start, f, sizeof f);
    if (n == 0 || chr__is_stopword(f, n))
        return 0;
    n = stem(f, n);
    if (w->n == w->cap) {
        size_t nc = w->cap ? w->cap * 2 : 32;
        uint64_t *h = realloc(w->h, nc * sizeof *h);
        if (!h)
            return w->nomem = 1;
        w->h = h;
        if (w->pos || w->cap == 0) {
            size_t *p = realloc(w->pos, nc * 2 * sizeof *p);
            if (!p)
                return w->nomem = 1;
            w->pos = p;
        }
        w->cap = nc;
    }
    if (w->pos) {
        w->pos[2 * w->n] = t->start;
        w->pos[2 * w->n + 1] = t->end;
    }
    w->h[w->n++] = chr__hash64(f, n);
    return 0;
}

/* the sorted distinct content-word hashes of s[0..n) (malloc'ed) */
static int word_set(const char *s, size_t n, wset *out)
{
    wcollect w = {s, NULL, 0, 0, NULL, 0};
    chr__words(s, n, collect_cb, &w);
    free(w.pos);
    if (w.nomem) {
        free(w.h);
        return -1;
    }
    if (w.n)
        qsort(w.h, w.n, sizeof *w.h, cmp_u64);
    size_t k = 0;
    for (size_t i = 0; i < w.n; i++)
        if (!k || w.h[i] != w.h[k - 1])
            w.h[k++] = w.h[i];
    out->h = w.h;
    out->n = k;
    return 0;
}

static int in_set(const wset *s, uint64_t h)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (s->h[mid] < h)
            lo = mid + 1;
        else if (s->h[mid] > h)
            hi = mid;
        else
            return 1;
    }
    return 0;
}

static size_t shared(const wset *a, const wset *b)
{
    size_t i = 0, j = 0, c = 0;
    while (i < a->n && j < b->n) {
        if (a->h[i] < b->h[j])
            i++;
        else if (a->h[i] > b->h[j])
            j++;
        else
            c++, i++, j++;
    }
    return c;
}

static double dice(const wset *a, const wset *b, size_t *sh)
{
    size_t c = shared(a, b);
    if (sh)
        *sh = c;
    return a->n + b->n ? 2.0 * c / (double)(a->n + b->n) : 0;
}

double chr__quote_similarity(const char *x, size_t nx, const char *y,
                             size_t ny)
{
    wset a = {0}, b = {0};
    double d = 0;
    if (word_set(x, nx, &a) == 0 && word_set(y, ny, &b) == 0)
        d = dice(&a, &b, NULL);
    free(a.h);
    free(b.h);
    return d;
}

/* do two speakers agree? a word in common (ASCII case folded), or one
   unknown */
static int same_speaker(const char *a, const char *b)
{
    if (!a || !b)
        return 1;
    for (const char *p = a; *p;) {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " ");
        for (const char *q = b; n >= 2 && *q;) {
            while (*q == ' ')
                q++;
            size_t m = strcspn(q, " ");
            if (m == n && strncasecmp(p, q, n) == 0)
                return 1;
            q += m;
        }
        p += n;
    }
    return 0;
}

static size_t find(size_t *parent, size_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

static int is_quoted(const chr_quote *q)
{
    return strcmp(q->kind, "indirect") != 0;
}

/* is [s, e) of document d inside one of its direct or partial quotes? */
static int inside_quote(const chr__qg_doc *d, size_t s, size_t e)
{
    for (size_t i = 0; i < d->n_quotes; i++) {
        const chr_quote *q = &d->quotes[i];
        if (is_quoted(q) && q->start < e && s < q->end)
            return 1;
    }
    return 0;
}

typedef struct mvec {
    chr__qg_member *v;
    size_t n, cap;
} mvec;

static chr__qg_member *mpush(mvec *m)
{
    if (m->n == m->cap) {
        size_t nc = m->cap ? m->cap * 2 : 8;
        chr__qg_member *v = realloc(m->v, nc * sizeof *v);
        if (!v)
            return NULL;
        m->v = v;
        m->cap = nc;
    }
    memset(&m->v[m->n], 0, sizeof *m->v);
    return &m->v[m->n++];
}

/* the best sentence of d matching the canonical set; 1 when found */
static int plain_match(const chr__qg_doc *d, const wset *canon, size_t *ms,
                       size_t *me)
{
    const char *b = d->body;
    size_t n = d->body_len, i = 0;
    double best = 0;
    int found = 0;
    while (i < n) {
        size_t s = i;
        while (i < n && b[i] != '\n' &&
               !((b[i] == '.' || b[i] == '!' || b[i] == '?') &&
                 (i + 1 == n || b[i + 1] == ' ' || b[i + 1] == '\n')))
            i++;
        size_t e = i < n ? i + 1 : n;
        i = e;
        if (e - s < 20 || e - s > 4000)
            continue;
        wcollect w = {b + s, NULL, 0, 0, NULL, 0};
        chr__words(b + s, e - s, collect_cb, &w);
        if (w.nomem) {
            free(w.h);
            free(w.pos);
            return -1;
        }
        /* shared words and the stretch they cover */
        size_t sh = 0, first = SIZE_MAX, last = 0;
        uint64_t *tmp = w.n ? malloc(w.n * sizeof *tmp) : NULL;
        size_t nt = 0;
        for (size_t k = 0; k < w.n; k++) {
            if (!in_set(canon, w.h[k]))
                continue;
            int dup = 0;
            for (size_t x = 0; x < nt && !dup; x++)
                dup = tmp[x] == w.h[k];
            if (!dup && tmp)
                tmp[nt++] = w.h[k];
            if (first == SIZE_MAX)
                first = w.pos[2 * k];
            last = w.pos[2 * k + 1];
        }
        sh = nt;
        /* distinct words of the sentence */
        if (w.n)
            qsort(w.h, w.n, sizeof *w.h, cmp_u64);
        size_t distinct = 0;
        for (size_t k = 0; k < w.n; k++)
            if (!k || w.h[k] != w.h[k - 1])
                distinct++;
        free(tmp);
        free(w.h);
        free(w.pos);
        double dc = distinct + canon->n
                        ? 2.0 * sh / (double)(distinct + canon->n)
                        : 0;
        if (sh >= TEXT_SHARED && dc >= TEXT_DICE && dc > best &&
            first != SIZE_MAX && !inside_quote(d, s + first, s + last)) {
            best = dc;
            /* "A just peace that …": up to three words before the first
               shared one belong to the wording */
            size_t st = s, spaces = 0;
            while (st < s + first && (b[st] == ' ' || b[st] == '\n'))
                st++;
            for (size_t x = st; x < s + first; x++)
                spaces += b[x] == ' ';
            *ms = spaces <= 3 ? st : s + first;
            *me = s + last;
            found = 1;
        }
    }
    return found;
}

static int cmp_member(const void *a, const void *b)
{
    const chr__qg_member *x = a, *y = b;
    if (x->doc != y->doc)
        return x->doc < y->doc ? -1 : 1;
    return x->start < y->start ? -1 : x->start > y->start;
}

static int cmp_group(const void *a, const void *b)
{
    const chr__qg_group *x = a, *y = b;
    return cmp_member(&x->members[0], &y->members[0]);
}

chr_status chr__quote_groups(const chr__qg_doc *docs, size_t n_docs,
                             chr__arena *a, chr__qg_group **out,
                             size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    size_t total = 0;
    for (size_t d = 0; d < n_docs; d++)
        total += docs[d].n_quotes;
    if (total == 0)
        return CHR_OK;
    if (total > MAX_QUOTES)
        return CHR_TOOBIG;
    chr_status st = CHR_NOMEM;
    witem *it = calloc(total, sizeof *it);
    size_t *parent = malloc(total * sizeof *parent);
    size_t *order = malloc(total * sizeof *order);
    mvec mv = {0};
    wset canon_set = {0};
    chr__qg_group *groups = NULL;
    size_t ng = 0;
    if (!it || !parent || !order)
        goto done;
    size_t n = 0;
    for (size_t d = 0; d < n_docs; d++)
        for (size_t q = 0; q < docs[d].n_quotes; q++) {
            const chr_quote *Q = &docs[d].quotes[q];
            if (!Q->text || !Q->kind)
                continue;
            witem *w = &it[n];
            w->doc = d, w->quote = q, w->q = Q;
            w->indirect = !is_quoted(Q);
            if (word_set(Q->text, strlen(Q->text), &w->w) != 0)
                goto done;
            parent[n] = n;
            n++;
        }
    /* quotations first; then each indirect report joins the group it
       matches best (it never links two groups) */
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            if (it[i].indirect || it[j].indirect)
                continue;
            if (!same_speaker(it[i].q->speaker, it[j].q->speaker))
                continue;
            size_t sh;
            double dc = dice(&it[i].w, &it[j].w, &sh);
            size_t need = it[i].w.n < it[j].w.n ? it[i].w.n : it[j].w.n;
            need = need < 3 ? need : 3;
            if (need < 2)
                need = 2;
            if (sh >= need && dc >= PAIR_DICE) {
                size_t ri = find(parent, i), rj = find(parent, j);
                if (ri != rj)
                    parent[ri < rj ? rj : ri] = ri < rj ? ri : rj;
            }
        }
    for (size_t i = 0; i < n; i++) {
        if (!it[i].indirect)
            continue;
        /* a report holding a quotation of its document is that one */
        const chr__qg_doc *D = &docs[it[i].doc];
        if (inside_quote(D, it[i].q->start, it[i].q->end))
            continue;
        size_t best = SIZE_MAX;
        double bd = 0;
        for (size_t j = 0; j < n; j++) {
            if (it[j].indirect ||
                !same_speaker(it[i].q->speaker, it[j].q->speaker))
                continue;
            size_t sh;
            double dc = dice(&it[i].w, &it[j].w, &sh);
            if (sh >= 3 && dc >= PAIR_DICE && dc > bd)
                bd = dc, best = j;
        }
        if (best != SIZE_MAX)
            parent[i] = find(parent, best);
    }
    /* groups: items by root */
    size_t nroot = 0;
    for (size_t i = 0; i < n; i++)
        if (find(parent, i) == i)
            nroot++;
    groups = calloc(nroot ? nroot : 1, sizeof *groups);
    if (!groups)
        goto done;
    for (size_t r = 0; r < n; r++) {
        if (find(parent, r) != r)
            continue;
        size_t m = 0, quoted = 0;
        for (size_t i = r; i < n; i++)
            if (find(parent, i) == r) {
                order[m++] = i;
                quoted += !it[i].indirect;
            }
        if (!quoted)
            continue;
        /* canonical member */
        size_t best = order[0];
        double best_sum = -1;
        for (size_t x = 0; x < m; x++) {
            const witem *wx = &it[order[x]];
            if (wx->indirect)
                continue;
            double sum = 0;
            for (size_t y = 0; y < m; y++)
                if (y != x)
                    sum += dice(&wx->w, &it[order[y]].w, NULL);
            const witem *wb = &it[best];
            int better =
                best_sum < 0 || sum > best_sum + 1e-9 ||
                (sum > best_sum - 1e-9 &&
                 ((!strcmp(wx->q->kind, "direct") &&
                   strcmp(wb->q->kind, "direct")) ||
                  (!strcmp(wx->q->kind, wb->q->kind) &&
                   strlen(wx->q->text) > strlen(wb->q->text))));
            if (better)
                best = order[x], best_sum = sum;
        }
        chr__qg_group *g = &groups[ng];
        mv.n = 0;
        for (size_t x = 0; x < m; x++) {
            const witem *wx = &it[order[x]];
            chr__qg_member *mb = mpush(&mv);
            if (!mb)
                goto done;
            mb->doc = wx->doc, mb->quote = wx->quote;
            mb->start = wx->q->start, mb->end = wx->q->end;
            mb->text = wx->q->text;
            mb->similarity = dice(&wx->w, &it[best].w, NULL);
        }
        /* the statement in the plain text of documents without it */
        for (size_t d = 0; d < n_docs; d++) {
            int has = 0;
            for (size_t x = 0; x < m && !has; x++)
                has = it[order[x]].doc == d;
            if (has || !docs[d].body || it[best].w.n < TEXT_SHARED)
                continue;
            size_t s, e;
            int f = plain_match(&docs[d], &it[best].w, &s, &e);
            if (f < 0)
                goto done;
            if (!f)
                continue;
            chr__qg_member *mb = mpush(&mv);
            if (!mb)
                goto done;
            mb->doc = d, mb->quote = SIZE_MAX;
            mb->start = s, mb->end = e;
            mb->text = chr__arena_strndup(a, docs[d].body + s, e - s);
            if (!mb->text)
                goto done;
            mb->similarity =
                chr__quote_similarity(mb->text, e - s, it[best].q->text,
                                      strlen(it[best].q->text));
        }
        qsort(mv.v, mv.n, sizeof *mv.v, cmp_member);
        g->members = chr__arena_alloc(a, mv.n * sizeof *g->members);
        if (!g->members)
            goto done;
        memcpy(g->members, mv.v, mv.n * sizeof *g->members);
        g->n_members = mv.n;
        for (size_t x = 0; x < mv.n; x++)
            if (mv.v[x].doc == it[best].doc && mv.v[x].quote == it[best].quote)
                g->canonical = x;
        g->text = it[best].q->text;
        /* speaker: the most frequent known one */
        size_t bc = 0;
        for (size_t x = 0; x < m; x++) {
            const chr_quote *qx = it[order[x]].q;
            if (!qx->speaker)
                continue;
            size_t c = 0;
            for (size_t y = 0; y < m; y++) {
                const chr_quote *qy = it[order[y]].q;
                c += qy->speaker && !strcmp(qy->speaker, qx->speaker);
            }
            if (c > bc || (c == bc && g->speaker &&
                           strlen(qx->speaker) > strlen(g->speaker))) {
                bc = c;
                g->speaker = qx->speaker;
                g->speaker_actor = qx->speaker_actor;
            }
        }
        for (size_t x = 0; x < m && g->speaker && !g->speaker_actor; x++) {
            const chr_quote *qx = it[order[x]].q;
            if (qx->speaker && !strcmp(qx->speaker, g->speaker))
                g->speaker_actor = qx->speaker_actor;
        }
        ng++;
    }
    if (ng > 1)
        qsort(groups, ng, sizeof *groups, cmp_group);
    *out = chr__arena_alloc(a, (ng ? ng : 1) * sizeof **out);
    if (!*out)
        goto done;
    memcpy(*out, groups, ng * sizeof *groups);
    *n_out = ng;
    st = CHR_OK;
done:
    if (it)
        for (size_t i = 0; i < total; i++)
            free(it[i].w.h);
    free(it);
    free(parent);
    free(order);
    free(mv.v);
    free(canon_set.h);
    free(groups);
    return st;
}

/* ---- word diff ---- */

typedef struct dword {
    const char *s;
    size_t n;
    uint64_t key; /* hash of the folded word, punctuation aside */
} dword;

static size_t split_words(const char *t, dword *w, size_t cap)
{
    size_t k = 0, i = 0, n = strlen(t);
    while (i < n) {
        while (i < n && (t[i] == ' ' || t[i] == '\n' || t[i] == '\t'))
            i++;
        if (i >= n)
            break;
        size_t s = i;
        while (i < n && t[i] != ' ' && t[i] != '\n' && t[i] != '\t')
            i++;
        if (k < cap) {
            char f[128];
            size_t fl = 0;
            /* fold the alphanumeric content of the word */
            for (size_t j = s; j < i && fl + 8 < sizeof f;) {
                unsigned char c = (unsigned char)t[j];
                if (c < 0x80 && !((c | 32) >= 'a' && (c | 32) <= 'z') &&
                    !(c >= '0' && c <= '9')) {
                    j++;
                    continue;
                }
                size_t e = j + 1;
                while (e < i && ((unsigned char)t[e] >= 0x80 ||
                                 ((t[e] | 32) >= 'a' && (t[e] | 32) <= 'z') ||
                                 (t[e] >= '0' && t[e] <= '9')))
                    e++;
                fl += chr__fold_word(t + j, e - j, f + fl, sizeof f - fl);
                j = e;
            }
            w[k].s = t + s;
            w[k].n = i - s;
            w[k].key = fl ? chr__hash64(f, fl) : chr__hash64(t + s, i - s);
        }
        k++;
    }
    return k;
}

static chr_status put_run(chr_buf *out, const dword *w, size_t from,
                          size_t to, const char *open, const char *close,
                          int *first)
{
    if (from >= to)
        return CHR_OK;
    chr_status s = CHR_OK;
    if (!*first)
        s = chr_buf_putc(out, ' ');
    *first = 0;
    if (s == CHR_OK && open)
        s = chr_buf_puts(out, open);
    for (size_t i = from; i < to && s == CHR_OK; i++) {
        if (i > from)
            s = chr_buf_putc(out, ' ');
        if (s == CHR_OK)
            s = chr_buf_append(out, w[i].s, w[i].n);
    }
    if (s == CHR_OK && close)
        s = chr_buf_puts(out, close);
    return s;
}

#define DIFF_MAX_WORDS 1000

chr_status chr__quote_diff(const char *from, const char *to, chr_buf *out)
{
    if (!from)
        from = "";
    if (!to)
        to = "";
    size_t na = split_words(from, NULL, 0), nb = split_words(to, NULL, 0);
    if (na > DIFF_MAX_WORDS || nb > DIFF_MAX_WORDS) {
        chr_status s = chr_buf_printf(out, "[-%s-]{+%s+}", from, to);
        return s;
    }
    dword *A = malloc((na + 1) * sizeof *A), *B = malloc((nb + 1) * sizeof *B);
    uint16_t *L = malloc((na + 1) * (nb + 1) * sizeof *L);
    chr_status s = CHR_NOMEM;
    if (!A || !B || !L)
        goto done;
    split_words(from, A, na);
    split_words(to, B, nb);
    /* L[i][j]: longest common subsequence of A[i..] and B[j..] */
    for (size_t i = na + 1; i-- > 0;)
        for (size_t j = nb + 1; j-- > 0;) {
            uint16_t *c = &L[i * (nb + 1) + j];
            if (i == na || j == nb)
                *c = 0;
            else if (A[i].key == B[j].key)
                *c = (uint16_t)(L[(i + 1) * (nb + 1) + j + 1] + 1);
            else {
                uint16_t d = L[(i + 1) * (nb + 1) + j],
                         r = L[i * (nb + 1) + j + 1];
                *c = d > r ? d : r;
            }
        }
    size_t i = 0, j = 0;
    int first = 1;
    s = CHR_OK;
    while ((i < na || j < nb) && s == CHR_OK) {
        if (i < na && j < nb && A[i].key == B[j].key) {
            size_t j0 = j;
            while (i < na && j < nb && A[i].key == B[j].key)
                i++, j++;
            s = put_run(out, B, j0, j, NULL, NULL, &first);
            continue;
        }
        size_t i0 = i, j0 = j;
        /* the differing stretch: deletions then insertions */
        while (i < na || j < nb) {
            if (i < na && j < nb && A[i].key == B[j].key)
                break;
            if (j >= nb || (i < na && L[(i + 1) * (nb + 1) + j] >=
                                          L[i * (nb + 1) + j + 1]))
                i++;
            else
                j++;
        }
        s = put_run(out, A, i0, i, "[-", "-]", &first);
        if (s == CHR_OK && i > i0 && j > j0)
            first = 1; /* {+…+} right after [-…-] */
        if (s == CHR_OK)
            s = put_run(out, B, j0, j, "{+", "+}", &first);
    }
done:
    free(A);
    free(B);
    free(L);
    return s;
}
