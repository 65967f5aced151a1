/* quotes.c — quotations of a document: marks, spans, kinds, speakers
 * (issue 6). Tokens, cues and speaker mentions are in quotes_cue.c, the
 * resolution of a mention to a canonical name in quotes_speaker.c.
 *
 * Method:
 *  1. Marks are paired in one left-to-right pass over the tokens. An
 *     opener is closed by the next closer of its family (“ by ”, „ by “ or
 *     ”, « by », ASCII " — or '' and `` written for it — by the next ASCII
 *     " that may close, decided from the characters on either side); a
 *     close-only mark of the other double family also closes (“…" and
 *     "…”, common in scraped text). Single quotes (‘…’, '…') open a
 *     quotation only when a closer of theirs follows in the same paragraph
 *     within 400 bytes (otherwise they are apostrophes), and a direct one
 *     is kept only with an attribution (headlines use them as scare
 *     quotes); inside a double quotation they are nested marks, ignored.
 *  2. A quotation open at the end of a paragraph goes on when the next
 *     paragraph opens with a mark of the same family (the convention for
 *     quotations of several paragraphs), up to 30 paragraphs. Otherwise it
 *     is unbalanced and recovers at the paragraph end, or, when that is
 *     more than 1,500 bytes away, at the end of its first sentence: a lost
 *     closing mark never runs away with the article. An opener while one of
 *     its family is open (no closer in between) closes the first one
 *     before it. A closer without an opener followed by ", X said" is a
 *     quotation whose opening mark was lost: it starts at its paragraph (or
 *     after the previous quotation of the paragraph).
 *  3. Kind: a quotation is direct when it starts a paragraph or a
 *     sentence, follows a colon or a dash, or follows a comma or a speech
 *     verb with a capital letter ("He said, “We …”"); partial otherwise (a
 *     phrase inside a sentence: welcomed the “increasing role”). A direct-
 *     looking quotation followed by a lower-case word that starts no
 *     attribution is partial ("“No limits” partnership"). A partial
 *     quotation needs a cue in its sentence (reported speech); scare quotes
 *     and titles without one are not quotations.
 *  4. Speaker, first found: the pattern after the closing mark (", Putin
 *     said", ", said Putin", ", Name, the head of X, said", ", according
 *     to X", "― Name"); the name before a colon or dash that introduces it
 *     ("pollster Daron Shaw: “…”"); the nearest cue before it in its
 *     sentence ("Putin said: “…”", "…, stating, “…”"); an attribution that
 *     ends the sentence later ("“…” and more, Clinton said."); a line of
 *     its own before the paragraph ("Xi said…"); else, for a direct
 *     quotation, the speaker of the direct quotation before it in the same
 *     paragraph or, when it opens a paragraph, in the paragraph before (a
 *     speech that goes on).
 *  5. Two quotations of one paragraph split by their attribution ("“A,” he
 *     said, “b.”" or "“A,” he said. “B.”") are one quotation: text "A b",
 *     offsets from the first mark to the last.
 *  6. Indirect speech (quotes_cue.c) in the sentences without a direct
 *     quotation; its pronouns see only the speakers of indirect speech
 *     and the sentence subjects (resolution runs after the quotations).
 * Offsets of direct and partial quotations include the marks. */
#include "extract/quotes_int.h"

#include <stdlib.h>
#include <string.h>

#define NONE SIZE_MAX
#define MAX_PARAS 30
#define UNCLOSED_REACH 1500
#define SINGLE_REACH 400

typedef struct qspan {
    size_t open, close; /* tokens: the opener (NONE when lost) and the
                           closer (NONE when unbalanced) */
    size_t first, last; /* first and last token of the span */
    size_t start, end;  /* bytes, marks included */
    size_t in_s, in_e;  /* bytes of the inside */
} qspan;

typedef struct qrec {
    qspan sp;
    int direct, via_after, merged_into_prev, scare;
    const char *speaker, *actor;
    size_t cue;
    char *text;
} qrec;

typedef struct spans {
    qspan *v;
    size_t n, cap;
} spans;

static int add_span(qctx *c, spans *S, qspan sp)
{
    if (S->n == S->cap) {
        size_t nc = S->cap ? S->cap * 2 : 32;
        qspan *v = realloc(S->v, nc * sizeof *v);
        if (!v)
            return c->nomem = 1, -1;
        S->v = v;
        S->cap = nc;
    }
    S->v[S->n++] = sp;
    return 0;
}

static int is_low_opener(const qctx *c, size_t i)
{
    const char *p = c->s + c->t[i].s;
    return c->t[i].e - c->t[i].s == 3 && (unsigned char)p[2] == 0x9e;
}

/* does token i close the quotation opened at token o? */
static int closes(const qctx *c, size_t o, size_t i)
{
    const qtok *t = &c->t[i], *op = &c->t[o];
    if (t->fam != op->fam) {
        /* “…" and "…”: a close-only mark of the other double family */
        int dq = (t->fam == QF_DQ || t->fam == QF_ADQ) &&
                 (op->fam == QF_DQ || op->fam == QF_ADQ);
        return dq && (t->flags & QF_CLOSE) && !(t->flags & QF_OPEN);
    }
    if (t->fam == QF_DQ && (t->flags & QF_LOWCL))
        return is_low_opener(c, o); /* “ closes only a „ */
    return (t->flags & QF_CLOSE) != 0;
}

static int single_fam(int fam)
{
    return fam == QF_SQ || fam == QF_ASQ;
}

/* a closer of the single-quote opener at i within its paragraph */
static int single_closes_later(const qctx *c, size_t i)
{
    for (size_t j = i + 1; j < c->nt; j++) {
        const qtok *t = &c->t[j];
        if (t->kind == QT_PARA || t->s > c->t[i].s + SINGLE_REACH)
            return 0;
        if (t->kind == QT_QUOTE && t->fam == c->t[i].fam &&
            (t->flags & QF_CLOSE) && j > i + 1)
            return 1;
    }
    return 0;
}

/* an unbalanced quotation from opener o to token last (inclusive) */
static void unclosed(qctx *c, spans *S, size_t o, size_t last)
{
    if (last <= o)
        return;
    size_t start = c->t[o].s, end = c->t[last].e, lt = last;
    if (end - start > UNCLOSED_REACH) {
        size_t k;
        for (k = o + 1; k < last; k++)
            if ((c->t[k].flags & QF_END) || c->t[k].e - start > UNCLOSED_REACH)
                break;
        lt = k;
        end = c->t[k].e;
    }
    qspan sp = {o, NONE, o, lt, start, end, c->t[o].e, end};
    add_span(c, S, sp);
}

static void find_spans(qctx *c, spans *S)
{
    size_t open = NONE, paras = 0, para_first = 0, after_last = 0;
    for (size_t i = 0; i < c->nt && !c->nomem; i++) {
        const qtok *t = &c->t[i];
        if (t->kind == QT_PARA) {
            if (open != NONE) {
                size_t j = i + 1;
                if (j < c->nt && c->t[j].kind == QT_QUOTE &&
                    c->t[j].fam == c->t[open].fam &&
                    (c->t[j].flags & QF_OPEN) && paras < MAX_PARAS &&
                    !single_fam(c->t[open].fam)) {
                    paras++;
                    i = j;
                    continue;
                }
                unclosed(c, S, open, i - 1);
                open = NONE;
            }
            para_first = after_last = i + 1;
            continue;
        }
        if (t->kind != QT_QUOTE)
            continue;
        if (open == NONE) {
            if (t->flags & QF_OPEN) {
                if (single_fam(t->fam) && !single_closes_later(c, i))
                    continue;
                open = i;
                paras = 0;
                continue;
            }
            /* a closer alone: a quotation whose opener was lost? */
            if (single_fam(t->fam) || i < after_last + 4)
                continue;
            qmention m;
            size_t cue;
            if (!chr__q_speaker_after(c, i, &m, &cue) || cue == NONE)
                continue;
            size_t f = after_last > para_first ? after_last : para_first;
            while (f < i && c->t[f].kind == QT_PUNCT)
                f++;
            if (f >= i)
                continue;
            qspan sp = {NONE, i, f, i, c->t[f].s, t->e, c->t[f].s, t->s};
            add_span(c, S, sp);
            after_last = i + 1;
            continue;
        }
        if (closes(c, open, i)) {
            qspan sp = {open, i, open, i, c->t[open].s, t->e, c->t[open].e,
                        t->s};
            if (i > open + 1)
                add_span(c, S, sp);
            open = NONE;
            after_last = i + 1;
        } else if (t->fam == c->t[open].fam && (t->flags & QF_OPEN)) {
            unclosed(c, S, open, i - 1);
            open = i;
            paras = 0;
        }
    }
    if (open != NONE && c->nt)
        unclosed(c, S, open, c->nt - 1);
}

/* the words inside [bs, be): layout collapsed, a paragraph's opening mark
   dropped, a trailing comma dropped */
static char *span_text(qctx *c, size_t bs, size_t be)
{
    if (be < bs)
        be = bs;
    char *out = chr__arena_alloc(c->a, be - bs + 1);
    if (!out)
        return c->nomem = 1, NULL;
    size_t k = 0;
    int sp = 0;
    for (size_t i = bs; i < be;) {
        unsigned char ch = (unsigned char)c->s[i];
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
            int nl = 0;
            while (i < be && (c->s[i] == ' ' || c->s[i] == '\t' ||
                              c->s[i] == '\n' || c->s[i] == '\r'))
                nl |= c->s[i++] == '\n';
            if (nl && i < be) {
                if (c->s[i] == '"')
                    i++;
                else if (i + 2 <= be && c->s[i] == '\'' &&
                         c->s[i + 1] == '\'')
                    i += 2;
                else if (i + 3 <= be && (unsigned char)c->s[i] == 0xe2 &&
                         (unsigned char)c->s[i + 1] == 0x80 &&
                         ((unsigned char)c->s[i + 2] == 0x9c ||
                          (unsigned char)c->s[i + 2] == 0x9e))
                    i += 3;
                else if (i + 2 <= be && (unsigned char)c->s[i] == 0xc2 &&
                         (unsigned char)c->s[i + 1] == 0xab)
                    i += 2;
            }
            sp = 1;
            continue;
        }
        if (ch == 0xc2 && i + 1 < be && (unsigned char)c->s[i + 1] == 0xa0) {
            i += 2;
            sp = 1;
            continue;
        }
        if (sp && k)
            out[k++] = ' ';
        sp = 0;
        out[k++] = c->s[i++];
    }
    while (k && (out[k - 1] == ',' || out[k - 1] == ' '))
        k--;
    out[k] = 0;
    return out;
}

static size_t words_in(const qctx *c, size_t a, size_t b)
{
    size_t n = 0;
    for (size_t i = a; i <= b && i < c->nt; i++)
        n += c->t[i].kind == QT_WORD;
    return n;
}

static int first_word_cap(const qctx *c, const qspan *sp)
{
    for (size_t i = sp->first + 1; i <= sp->last && i < c->nt; i++)
        if (c->t[i].kind == QT_WORD) {
            unsigned char ch = (unsigned char)c->s[c->t[i].s];
            return (c->t[i].flags & QF_CAP) || (ch >= '0' && ch <= '9');
        }
    return 0;
}

static int is_direct(const qctx *c, const qspan *sp)
{
    if (sp->open == NONE)
        return 1;
    size_t o = sp->open;
    int pos = 0;
    if (o == 0) {
        pos = 1;
    } else {
        const qtok *p = &c->t[o - 1];
        if (p->kind == QT_PARA || p->kind == QT_DASH ||
            (p->flags & QF_END) ||
            (p->kind == QT_QUOTE && (p->flags & QF_CLOSE)))
            pos = 1;
        else if (p->kind == QT_PUNCT && p->ch == ':')
            pos = 1;
        else if (p->kind == QT_PUNCT && p->ch == ',')
            pos = first_word_cap(c, sp);
        else if (p->kind == QT_WORD && p->cue &&
                 CUE_CLASS(p->cue) != CUE_ACCORDING)
            pos = first_word_cap(c, sp);
    }
    if (!pos)
        return 0;
    if (sp->close != NONE) {
        size_t k = sp->close + 1;
        if (k < c->nt && c->t[k].kind == QT_WORD &&
            !(c->t[k].flags & QF_CAP) && !c->t[k].cue &&
            !chr__q_is_pronoun(c->s + c->t[k].s, c->t[k].e - c->t[k].s)) {
            qmention m;
            size_t cue;
            if (!chr__q_speaker_after(c, sp->close, &m, &cue) &&
                !chr__q_speaker_later(c, sp->close, &m, &cue))
                return 0;
        }
    }
    return 1;
}

static int cmp_quote(const void *a, const void *b)
{
    const chr_quote *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return strcmp(x->kind, y->kind);
}

static void attribute(qctx *c, qrec *r, size_t last_spk_break,
                      const char *last_spk, const char *last_actor)
{
    qspan *sp = &r->sp;
    qmention m = {0, 0, MENTION_NONE};
    size_t cue = NONE;
    int found = 0;
    if (sp->close != NONE && chr__q_speaker_after(c, sp->close, &m, &cue)) {
        found = 1;
        r->via_after = 1;
    }
    if (!found && sp->open != NONE)
        found = chr__q_speaker_before(c, sp->open, &m, &cue);
    if (!found && sp->close != NONE)
        found = chr__q_speaker_later(c, sp->close, &m, &cue);
    if (!found && sp->first > 0 && c->t[sp->first - 1].kind == QT_PARA)
        found = chr__q_speaker_prev_line(c, sp->first, &m, &cue);
    r->cue = cue;
    if (found) {
        r->speaker = chr__q_resolve(c, &m, &r->actor);
        return;
    }
    if (r->direct && last_spk && sp->first > 0 &&
        (sp->first - 1 == last_spk_break ||
         (last_spk_break != NONE && sp->first < last_spk_break))) {
        r->speaker = last_spk; /* the speech goes on */
        r->actor = last_actor;
    }
}

chr_status chr__quotes_find(chr_doc *d, chr__arena *a)
{
    d->quotes = NULL;
    d->n_quotes = 0;
    if (!d->body || d->body_len == 0 || d->body_len >= UINT32_MAX / 2)
        return CHR_OK;
    qctx c;
    memset(&c, 0, sizeof c);
    c.d = d;
    c.s = d->body;
    c.n = d->body_len;
    c.a = a;
    chr__vec_init(&c.out, sizeof(chr_quote));
    chr__map_init(&c.wcache);
    spans S = {0};
    qrec *recs = NULL;
    if (chr__q_tokenize(&c) != 0)
        goto done;
    find_spans(&c, &S);
    if (c.nomem)
        goto done;
    for (size_t k = 0; k < S.n; k++)
        for (size_t i = S.v[k].first; i <= S.v[k].last && i < c.nt; i++)
            c.t[i].flags |= QF_INQ;
    recs = calloc(S.n ? S.n : 1, sizeof *recs);
    if (!recs) {
        c.nomem = 1;
        goto done;
    }
    size_t last_break = NONE, next_para = NONE;
    const char *last_spk = NULL, *last_actor = NULL;
    for (size_t k = 0; k < S.n && !c.nomem; k++) {
        qrec *r = &recs[k];
        r->sp = S.v[k];
        if (words_in(&c, r->sp.first, r->sp.last) == 0) {
            r->merged_into_prev = 2; /* nothing quoted: dropped */
            continue;
        }
        r->direct = is_direct(&c, &r->sp);
        attribute(&c, r, last_break, last_spk, last_actor);
        r->text = span_text(&c, r->sp.in_s, r->sp.in_e);
        /* single quotes make a quotation only with an attribution; a
           phrase in marks is a partial quotation only inside reported
           speech (a cue in its sentence), not a scare quote or a title */
        if (r->sp.open != NONE && single_fam(c.t[r->sp.open].fam) &&
            r->cue == NONE && r->direct)
            r->merged_into_prev = 2;
        r->scare = !r->direct && r->cue == NONE && !r->speaker;
        if (r->direct && r->speaker) {
            last_spk = r->speaker;
            last_actor = r->actor;
            /* the line break after it (amortised: quotes come in order) */
            if (next_para == NONE || next_para <= r->sp.last)
                next_para = r->sp.last + 1;
            while (next_para < c.nt && c.t[next_para].kind != QT_PARA)
                next_para++;
            last_break = next_para;
        }
        /* “A,” he said. “B.” — one quotation */
        int cont = r->direct ||
                   (r->sp.open != NONE && r->sp.open > 0 &&
                    c.t[r->sp.open - 1].kind == QT_PUNCT &&
                    c.t[r->sp.open - 1].ch == ',');
        if (k > 0 && cont && !r->via_after) {
            qrec *p = &recs[k - 1];
            if (!p->merged_into_prev && p->direct && p->via_after &&
                p->sp.close != NONE && r->sp.open != NONE &&
                r->sp.open > p->sp.close && r->sp.open - p->sp.close <= 30) {
                int ok = 1;
                for (size_t i = p->sp.close + 1; i < r->sp.open; i++)
                    if (c.t[i].kind == QT_PARA || c.t[i].kind == QT_QUOTE)
                        ok = 0;
                if (ok && p->text && r->text) {
                    char *t = chr__arena_printf(a, "%s %s", p->text, r->text);
                    if (!t) {
                        c.nomem = 1;
                        break;
                    }
                    p->text = t;
                    p->sp.end = r->sp.end;
                    p->sp.last = r->sp.last;
                    r->merged_into_prev = 1;
                    if (!p->speaker) {
                        p->speaker = r->speaker;
                        p->actor = r->actor;
                    }
                }
            }
        }
    }
    for (size_t k = 0; k < S.n && !c.nomem; k++) {
        qrec *r = &recs[k];
        if (r->merged_into_prev || !r->text || r->scare)
            continue;
        chr__q_add(&c, r->direct ? "direct" : "partial", r->text, r->sp.start,
                   r->sp.end, r->speaker, r->actor, r->cue);
    }
    if (!c.nomem) {
        c.last_person = c.last_org = NULL;
        chr__q_indirect(&c);
    }
done:
    free(recs);
    free(S.v);
    free(c.t);
    free(c.names);
    chr__map_free(&c.wcache);
    if (c.nomem)
        return CHR_NOMEM;
    d->quotes = c.out.items;
    d->n_quotes = c.out.len;
    if (d->n_quotes > 1)
        qsort(d->quotes, d->n_quotes, sizeof *d->quotes, cmp_quote);
    return CHR_OK;
}
