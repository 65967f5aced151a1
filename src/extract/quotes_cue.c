/* quotes_cue.c — speaker mentions and indirect speech of the quotation
 * stage (issue 6); tokens and cue words are in quotes_tok.c.
 *
 * Speaker mentions: the noun phrase next to the cue. After a quotation:
 * ", X said", ", said X", ", X, the head of Y, said" (", the head of Y,
 * Name, said" gives the name), ", according to X", "— X" at the end of the
 * line, or ", X said." ending the sentence further on. Before it: a name
 * right before a colon or dash that introduces it; else the nearest cue of
 * the sentence: the NP before the verb ("Putin said:"), the name of an
 * appositive ("Warren, a spokesman, said, “…”"), the NP after it ("said
 * Putin:"), the subject of the sentence for a participle ("Ushakov
 * highlighted …, stating, “…”") or when the NP before the verb is missing,
 * a pronoun or a time word; leading phrases up to a comma ("In an
 * interview with X,", "Asked about Y,") are not subjects. A pronoun in a
 * sentence whose subject is a name or a description is taken as that
 * subject ("the Russian president welcomed …, which he says …"). An NP is
 * a pronoun, a run of capitalised words (titles, initials, "of",
 * parenthetical party labels allowed) or a determiner with up to seven
 * words; function words and cues end it. "according to a statement from X"
 * gives X.
 *
 * Indirect speech: in sentences outside quotation spans, "X <verb> [time]
 * [object] [that] <clause>" and "according to X, <clause>" /
 * "<clause>, according to X"; the clause must have three words or more and
 * must not open with a quotation mark (that is a direct quotation). */
#include "extract/quotes_int.h"
#include "text/strtab.h"

#include <stdlib.h>
#include <string.h>

/* ---- word lists (sorted, lower case) ---- */

static const char *const determiners[] = {"a", "an", "her", "his", "its",
                                          "our", "the", "their", "this"};

/* words that end a noun phrase (besides cues and determiners) */
static const char *const func_words[] = {
    "about", "after", "against", "ahead", "all", "also", "although", "am",
    "among", "and", "are", "as", "at", "be", "because", "been", "before",
    "being", "both", "but", "by", "can", "could", "did", "do", "does",
    "during", "each", "either", "for", "from", "had", "has", "have",
    "here", "him", "how", "however", "if", "in", "into", "is", "just",
    "later", "may", "meanwhile", "might", "moreover", "must", "no", "nor",
    "not", "now", "on", "once", "only", "or", "over", "she", "should",
    "since", "so", "still", "than", "that", "them", "then", "there",
    "these", "those", "though", "through", "thus", "to", "under", "until",
    "upon", "very", "was", "were", "what", "when", "where", "whether",
    "which", "while", "who", "whom", "whose", "why", "will", "with",
    "within", "without", "would", "yet", "you", "your",
};

/* time words skipped after a cue and never speakers */
static const char *const time_words[] = {
    "april", "august", "december", "earlier", "february", "friday",
    "january", "july", "june", "last", "march", "may", "monday",
    "november", "october", "saturday", "september", "sunday", "thursday",
    "today", "tonight", "tuesday", "wednesday", "yesterday",
};

/* abbreviations whose '.' does not end a sentence */
static const char *const adverbs[] = {"again", "also", "further", "later",
                                      "once", "previously", "then"};

/* heads of "according to a statement from X" */
static const char *const doc_heads[] = {"readout", "release", "report",
                                        "statement", "transcript"};

static int in_list(const char *const *list, size_t n, const char *w)
{
    return chr__strtab_find(w, list, n, sizeof *list) != NULL;
}
#define IN(list, w) in_list(list, CHR__ARRAY_LEN(list), w)

static const char *low(const qctx *c, size_t i, char *b, size_t cap)
{
    b[0] = 0;
    if (i < c->nt && c->t[i].kind == QT_WORD)
        chr__q_lower(c->s + c->t[i].s, c->t[i].e - c->t[i].s, b, cap);
    return b;
}

/* ---- noun phrases ---- */

static int is_word(const qctx *c, size_t i)
{
    return i < c->nt && c->t[i].kind == QT_WORD;
}

static int is_punct(const qctx *c, size_t i, char ch)
{
    return i < c->nt && c->t[i].kind == QT_PUNCT && c->t[i].ch == ch;
}

static int is_cap(const qctx *c, size_t i)
{
    return is_word(c, i) && (c->t[i].flags & QF_CAP);
}

/* sentence-initial capitals of function words are not names */
static int is_func(const qctx *c, size_t i)
{
    char b[16];
    low(c, i, b, sizeof b);
    return IN(func_words, b) || IN(determiners, b);
}

static int is_time(const qctx *c, size_t i)
{
    char b[16];
    low(c, i, b, sizeof b);
    return IN(time_words, b);
}

static int mention_type(const qctx *c, size_t ws, size_t we)
{
    if (we == ws + 1 && chr__q_is_pronoun(c->s + c->t[ws].s,
                                          c->t[ws].e - c->t[ws].s))
        return MENTION_PRONOUN;
    size_t last = we;
    while (last > ws && !is_word(c, last - 1))
        last--;
    if (last == ws)
        return MENTION_NONE;
    if (is_cap(c, last - 1) && !is_func(c, last - 1))
        return MENTION_NAME;
    return MENTION_DESC;
}

/* skips a parenthetical "(R-Fla.)" starting at i; index after it */
static size_t skip_paren(const qctx *c, size_t i)
{
    for (size_t j = i + 1; j < c->nt && j < i + 8; j++) {
        if (is_punct(c, j, ')'))
            return j + 1;
        if (c->t[j].kind == QT_PARA || c->t[j].kind == QT_QUOTE)
            break;
    }
    return i;
}

/* A noun phrase starting at token i, not knowing what follows it: ends
 * before a function word, a cue, punctuation (except abbreviation dots and
 * a parenthetical) or, after a determiner, a word ending in "ed". Without
 * a determiner the phrase ends at its last capitalised word. */
static int np_forward(const qctx *c, size_t i, qmention *m)
{
    m->type = MENTION_NONE;
    while (is_word(c, i) && is_time(c, i))
        i++; /* "said Friday Smith" is rare; "Friday" is never a speaker */
    if (!is_word(c, i))
        return 0;
    if (chr__q_is_pronoun(c->s + c->t[i].s, c->t[i].e - c->t[i].s)) {
        m->ws = i, m->we = i + 1, m->type = MENTION_PRONOUN;
        return 1;
    }
    char b[24];
    int det = IN(determiners, low(c, i, b, sizeof b));
    size_t j = i + det, last_cap = 0, last_word = 0;
    int words = 0;
    while (j < c->nt && words < 8) {
        const qtok *t = &c->t[j];
        if (t->kind == QT_WORD) {
            low(c, j, b, sizeof b);
            if (t->cue || IN(determiners, b) ||
                (IN(func_words, b) && strcmp(b, "of") != 0))
                break;
            if (strcmp(b, "of") == 0 && !is_cap(c, j + 1))
                break;
            if (det && words > 0 && !(t->flags & QF_CAP)) {
                size_t l = strlen(b);
                if (l > 3 && strcmp(b + l - 2, "ed") == 0)
                    break;
            }
            if (!det && !(t->flags & QF_CAP) && strcmp(b, "of") != 0 &&
                last_cap) {
                /* "Kremlin aide Yury Ushakov": lower-case words between
                   capitals; "Putin thanked": the name has ended */
                size_t x = j;
                char b2[24];
                while (x < j + 3 && is_word(c, x) && !is_cap(c, x) &&
                       !c->t[x].cue && !is_func(c, x) &&
                       !IN(determiners, low(c, x, b2, sizeof b2)))
                    x++;
                if (x == j || !is_cap(c, x) || is_func(c, x))
                    break;
            }
            if (t->flags & QF_CAP)
                last_cap = j + 1;
            last_word = j + 1;
            words++;
            j++;
            continue;
        }
        if (t->kind == QT_PUNCT && t->ch == '.' && !(t->flags & QF_END) &&
            words) {
            j++;
            continue;
        }
        if (t->kind == QT_PUNCT && t->ch == '(' && words) {
            size_t k = skip_paren(c, j);
            if (k == j)
                break;
            j = k;
            continue;
        }
        break;
    }
    size_t end = det ? last_word : last_cap;
    if (!end || end <= i + (size_t)det)
        return 0;
    m->ws = i, m->we = end;
    m->type = mention_type(c, i, end);
    return m->type != MENTION_NONE;
}

/* The noun phrase right before token k (a cue): "Putin", "the Russian
 * president", "China's foreign ministry", "White House press secretary
 * Josh Earnest", "Rep. John Mica (R-Fla.)". One adverb between is
 * skipped. lo: first token allowed. */
static int np_backward(const qctx *c, size_t k, size_t lo, qmention *m)
{
    m->type = MENTION_NONE;
    if (k == 0 || k <= lo)
        return 0;
    size_t i = k - 1;
    char b[24];
    for (int skip = 0; skip < 2 && i > lo && is_word(c, i); skip++) {
        low(c, i, b, sizeof b);
        size_t l = strlen(b);
        if (IN(adverbs, b) || (l > 4 && strcmp(b + l - 2, "ly") == 0 &&
                               !(c->t[i].flags & QF_CAP)))
            i--;
        else
            break;
    }
    size_t end = i + 1, start = end;
    int words = 0;
    while (words < 8) {
        const qtok *t = &c->t[i];
        if (t->kind == QT_WORD) {
            low(c, i, b, sizeof b);
            if (words == 0 && chr__q_is_pronoun(b, strlen(b))) {
                start = i;
                break;
            }
            if (IN(determiners, b)) {
                if (words)
                    start = i;
                break;
            }
            if (t->cue || IN(func_words, b) ||
                ((t->flags & QF_CAP) && is_time(c, i) && words == 0)) {
                if (strcmp(b, "of") == 0 && words && i > lo &&
                    is_cap(c, i - 1)) {
                    i--;
                    continue;
                }
                break;
            }
            start = i;
            words++;
        } else if (t->kind == QT_PUNCT && t->ch == '.' &&
                   !(t->flags & QF_END) && i > lo && is_word(c, i - 1)) {
            /* abbreviation dot: part of the name */
        } else if (t->kind == QT_PUNCT && t->ch == ')') {
            size_t j = i;
            while (j > lo && j + 8 > i && !is_punct(c, j, '('))
                j--;
            if (!is_punct(c, j, '(') || j == lo)
                break;
            if (!words)
                end = j; /* "Rep. John Mica (R-Fla.) said" */
            i = j;
        } else {
            break;
        }
        if (i == lo)
            break;
        i--;
    }
    if (start >= end)
        return 0;
    /* a lower-case start without determiner: keep from the first capital
       when there is one ("officials" stays a description) */
    m->ws = start, m->we = end;
    while (m->we > m->ws && !is_word(c, m->we - 1))
        m->we--; /* a trailing parenthetical */
    m->type = mention_type(c, m->ws, m->we);
    if (m->type == MENTION_NAME && is_time(c, m->we - 1))
        m->type = MENTION_NONE;
    return m->type != MENTION_NONE;
}

/* first token of the sentence holding token i */
static size_t sentence_start(const qctx *c, size_t i)
{
    size_t lo = i, steps = 0;
    while (lo > 0 && steps < 80) {
        const qtok *t = &c->t[lo - 1];
        if (t->kind == QT_PARA || (t->flags & QF_END))
            break;
        lo--;
        steps++;
    }
    return lo;
}

/* The subject of the sentence starting at lo (before token k): a leading
 * phrase up to a comma ("In an interview with …, X said") is skipped. */
static int subject_np(const qctx *c, size_t lo, size_t k, qmention *m)
{
    size_t i = lo;
    while (i < k && (c->t[i].kind != QT_WORD || (c->t[i].flags & QF_INQ)))
        i++; /* a quotation opening the sentence is not its subject */
    for (int tries = 0; tries < 3 && i < k; tries++) {
        char b[24];
        low(c, i, b, sizeof b);
        size_t l = strlen(b);
        int lead = (is_func(c, i) && !IN(determiners, b)) ||
                   chr__q_cue_word(b, l) ||
                   (l > 4 && !strcmp(b + l - 3, "ing"));
        if (!lead && np_forward(c, i, m) && m->we <= k)
            return 1;
        /* "In an interview with X, Y said": past the next comma */
        size_t j = i;
        while (j < k && !is_punct(c, j, ','))
            j++;
        if (j >= k)
            return 0;
        i = j + 1;
        while (i < k && c->t[i].kind != QT_WORD)
            i++;
    }
    m->type = MENTION_NONE;
    return 0;
}

/* "according to [a statement from] X" at token k ("according") */
static int according_np(const qctx *c, size_t k, qmention *m)
{
    if (!np_forward(c, k + 2, m))
        return 0;
    char b[24];
    low(c, m->we - 1, b, sizeof b);
    if (m->type == MENTION_DESC && IN(doc_heads, b)) {
        char p[8];
        low(c, m->we, p, sizeof p);
        if (!strcmp(p, "from") || !strcmp(p, "by") || !strcmp(p, "of"))
            return np_forward(c, m->we + 1, m);
    }
    return 1;
}

int chr__q_speaker_after(const qctx *c, size_t close, qmention *m,
                         size_t *cue)
{
    m->type = MENTION_NONE;
    *cue = SIZE_MAX;
    size_t k = close + 1;
    while (k < c->nt && k < close + 3 && c->t[k].s == c->t[k - 1].e &&
           (c->t[k].kind == QT_QUOTE || is_punct(c, k, '\'')))
        k++; /* ''' : a nested quotation closed with it */
    if (is_punct(c, k, ','))
        k++;
    if (k >= c->nt)
        return 0;
    if (c->t[k].kind == QT_DASH && close + 1 == k) {
        /* “…” ― Name, at the end of the line */
        if (!np_forward(c, k + 1, m) || m->type != MENTION_NAME)
            return 0;
        size_t e = m->we;
        if (is_punct(c, e, '.'))
            e++;
        if (e < c->nt && c->t[e].kind != QT_PARA && !is_punct(c, e, ','))
            return m->type = MENTION_NONE, 0;
        return 1;
    }
    if (c->t[k].kind != QT_WORD)
        return 0;
    int cls = CUE_CLASS(c->t[k].cue);
    if (cls == CUE_VERB) {
        if (np_forward(c, k + 1, m)) {
            if (m->type == MENTION_DESC) {
                /* "said his best friend at Lehigh, Bruce Turry," */
                size_t x = m->we;
                while (x < c->nt && x < m->we + 6 && c->t[x].kind == QT_WORD)
                    x++;
                qmention a;
                if (is_punct(c, x, ',') && np_forward(c, x + 1, &a) &&
                    a.type == MENTION_NAME)
                    *m = a;
            }
            *cue = k;
            return 1;
        }
        return 0;
    }
    if (cls == CUE_ACCORDING) {
        if (according_np(c, k, m)) {
            *cue = k;
            return 1;
        }
        return 0;
    }
    /* X said: the cue within the next few words, only NP material between */
    size_t j = k;
    while (j < c->nt && j < k + 10) {
        const qtok *t = &c->t[j];
        if (t->kind == QT_WORD) {
            if (j > k && CUE_CLASS(t->cue) == CUE_VERB)
                break;
            j++;
        } else if (t->kind == QT_PUNCT && t->ch == '(') {
            size_t x = skip_paren(c, j);
            if (x == j)
                return 0;
            j = x;
        } else if (t->kind == QT_PUNCT &&
                   ((t->ch == '.' && !(t->flags & QF_END)) ||
                    t->ch == '-')) {
            j++;
        } else if (t->kind == QT_PUNCT && t->ch == ',' && j > k) {
            /* "Name, the director of X, said": an appositive */
            size_t x = j + 1;
            while (x < c->nt && x < j + 25 && c->t[x].kind != QT_PARA &&
                   !(c->t[x].kind == QT_QUOTE && c->t[x].fam != QF_ASQ &&
                     c->t[x].fam != QF_SQ) &&
                   !(c->t[x].flags & QF_END) && !is_punct(c, x, ','))
                x++; /* (a ' closing "traders'" is an apostrophe) */
            if (!is_punct(c, x, ',') || !is_word(c, x + 1) ||
                CUE_CLASS(c->t[x + 1].cue) != CUE_VERB)
                return 0;
            if (!np_backward(c, j, k, m) || m->ws != k)
                return m->type = MENTION_NONE, 0;
            qmention a;
            if (m->type == MENTION_DESC && np_forward(c, j + 1, &a) &&
                a.type == MENTION_NAME && a.we == x)
                *m = a; /* "Ms. Merkel's spokesman, Steffen Seibert," */
            *cue = x + 1;
            return 1;
        } else {
            return 0;
        }
    }
    if (j >= c->nt || j >= k + 10 || c->t[j].kind != QT_WORD)
        return 0;
    if (!np_backward(c, j, k, m) || m->ws != k)
        return m->type = MENTION_NONE, 0;
    *cue = j;
    return 1;
}

int chr__q_speaker_later(const qctx *c, size_t close, qmention *m,
                         size_t *cue)
{
    for (size_t k = close + 1; k < c->nt && k < close + 40; k++) {
        const qtok *t = &c->t[k];
        if (t->kind == QT_PARA || (t->flags & QF_END) ||
            (t->kind == QT_QUOTE && (t->flags & QF_OPEN)))
            break;
        if (t->kind == QT_PUNCT && t->ch == ',' &&
            chr__q_speaker_after(c, k - 1, m, cue) && *cue != SIZE_MAX) {
            /* the attribution must end the sentence */
            size_t e = *cue > m->we ? *cue : m->we;
            size_t x = e + 1;
            while (x < c->nt && x < e + 12 && c->t[x].kind == QT_WORD)
                x++;
            if (x < c->nt && c->t[x].kind != QT_PARA &&
                !(c->t[x].flags & QF_END) && !is_punct(c, x, ','))
                continue;
            return 1;
        }
    }
    m->type = MENTION_NONE;
    *cue = SIZE_MAX;
    return 0;
}

int chr__q_speaker_before(const qctx *c, size_t open, qmention *m,
                          size_t *cue)
{
    m->type = MENTION_NONE;
    *cue = SIZE_MAX;
    if (open == 0)
        return 0;
    size_t lo = sentence_start(c, open);
    /* "… pollster Daron Shaw: “…”", "… candidate Mitt Romney -- “…”" */
    if (open >= 2 && (is_punct(c, open - 1, ':') ||
                      c->t[open - 1].kind == QT_DASH) &&
        np_backward(c, open - 1, lo, m) && m->type == MENTION_NAME)
        return 1;
    size_t k = open;
    while (k > lo) {
        k--;
        if (c->t[k].cue && !(c->t[k].flags & QF_INQ))
            break;
        if (k == lo) {
            k = SIZE_MAX;
            break;
        }
    }
    if (k == SIZE_MAX || k >= open || !c->t[k].cue ||
        (c->t[k].flags & QF_INQ)) {
        m->type = MENTION_NONE;
        return 0;
    }
    *cue = k;
    int cls = CUE_CLASS(c->t[k].cue);
    if (cls == CUE_ACCORDING)
        return according_np(c, k, m), 1;
    if (cls == CUE_VERB && np_backward(c, k, lo, m)) {
        if (m->type == MENTION_PRONOUN && m->ws > lo) {
            qmention s;
            if (subject_np(c, lo, m->ws, &s) &&
                (s.type == MENTION_NAME || s.type == MENTION_DESC))
                *m = s;
        }
        return 1;
    }
    if (cls == CUE_VERB && is_punct(c, k - 1, ',')) {
        /* "Col. Steven Warren, a military spokesman, said, “…”" */
        size_t x = k - 1;
        while (x > lo && x + 25 > k && !is_punct(c, x - 1, ','))
            x--;
        qmention a;
        if (x > lo && is_punct(c, x - 1, ',')) {
            size_t e = 0;
            if (np_forward(c, x, &a)) {
                e = a.we;
                if (is_punct(c, e, '('))
                    e = skip_paren(c, e); /* "Kasich (R-OH), said" */
            }
            if (a.type == MENTION_NAME && e == k - 1) {
                *m = a;
                return 1;
            }
            if (np_backward(c, x - 1, lo, &a) && a.type == MENTION_NAME) {
                *m = a;
                return 1;
            }
        }
    }
    if (cls == CUE_VERB && (is_punct(c, k + 1, ':') || k + 1 < open) &&
        np_forward(c, k + 1, m) && m->we <= open &&
        (is_punct(c, m->we, ':') || is_punct(c, m->we, ',') ||
         m->we == open))
        return 1; /* said Smith: “…” */
    subject_np(c, lo, k, m);
    return 1;
}

int chr__q_recent_subject(const qctx *c, size_t k, qmention *m)
{
    size_t i = k, sentences = 0;
    while (i > 0 && sentences < 6) {
        size_t lo = sentence_start(c, i);
        qmention s;
        if (lo < i && subject_np(c, lo, i, &s) && s.type == MENTION_NAME &&
            s.ws < k) {
            *m = s;
            return 1;
        }
        if (lo == 0)
            break;
        i = lo - 1;
        sentences++;
    }
    m->type = MENTION_NONE;
    return 0;
}

int chr__q_speaker_prev_line(const qctx *c, size_t first, qmention *m,
                             size_t *cue)
{
    m->type = MENTION_NONE;
    *cue = SIZE_MAX;
    if (first == 0 || c->t[first - 1].kind != QT_PARA || first < 2)
        return 0;
    size_t e = first - 1; /* the line break; e-1 the last token before */
    const qtok *last = &c->t[e - 1];
    int ends_open = last->kind == QT_ELLIPSIS ||
                    (last->kind == QT_PUNCT &&
                     (last->ch == ':' || last->ch == ',')) ||
                    (last->kind == QT_WORD && last->cue);
    if (!ends_open)
        return 0;
    size_t lo = sentence_start(c, e - 1);
    for (size_t k = e; k > lo && k + 10 > e;) {
        k--;
        if (c->t[k].cue && CUE_CLASS(c->t[k].cue) == CUE_VERB) {
            *cue = k;
            if (!np_backward(c, k, lo, m))
                subject_np(c, lo, k, m);
            return 1;
        }
    }
    return 0;
}

/* ---- indirect speech ---- */

static size_t sentence_end(const qctx *c, size_t i)
{
    while (i < c->nt && c->t[i].kind != QT_PARA && !(c->t[i].flags & QF_END))
        i++;
    return i;
}

static void add_indirect(qctx *c, size_t from, size_t to, const qmention *m,
                         size_t cue)
{
    while (from < to && c->t[from].kind != QT_WORD)
        from++;
    while (to > from && c->t[to - 1].kind == QT_PUNCT &&
           c->t[to - 1].ch == ',')
        to--;
    size_t words = 0;
    for (size_t i = from; i < to; i++) {
        if (c->t[i].flags & QF_INQ && c->t[i].kind == QT_QUOTE && i == from)
            return;
        words += c->t[i].kind == QT_WORD;
    }
    if (words < 3 || c->t[from].kind == QT_QUOTE)
        return;
    size_t st = c->t[from].s, en = c->t[to - 1].e;
    const char *actor = NULL;
    const char *spk = chr__q_resolve(c, m, &actor);
    chr__q_add(c, "indirect", NULL, st, en, spk, actor, cue);
}

void chr__q_indirect(qctx *c)
{
    size_t i = 0;
    while (i < c->nt && !c->nomem) {
        size_t lo = i, hi = sentence_end(c, i);
        int has_quote = 0;
        for (size_t k = lo; k < hi; k++)
            if ((c->t[k].flags & QF_INQ) &&
                c->t[k].kind == QT_QUOTE && (c->t[k].flags & QF_OPEN)) {
                /* a direct quotation in the sentence: its own cue */
                if (k == lo || c->t[k - 1].kind != QT_WORD)
                    has_quote = 1;
            }
        for (size_t k = lo; k < hi && !has_quote; k++) {
            const qtok *t = &c->t[k];
            if (!t->cue || (t->flags & QF_INQ))
                continue;
            qmention m;
            if (CUE_CLASS(t->cue) == CUE_ACCORDING) {
                if (!according_np(c, k, &m))
                    continue;
                if (k == lo || (k == lo + 1 && !is_word(c, lo))) {
                    size_t j = m.we;
                    while (j < hi && !is_punct(c, j, ','))
                        j++;
                    if (j < hi)
                        add_indirect(c, j + 1, hi, &m, k);
                } else if (k > lo && is_punct(c, k - 1, ',')) {
                    add_indirect(c, lo, k - 1, &m, k);
                }
                break;
            }
            if (!(t->cue & CUE_INDIRECT) || CUE_CLASS(t->cue) != CUE_VERB)
                continue;
            if (!np_backward(c, k, lo, &m))
                continue;
            char b[24];
            if (m.ws > lo) {
                /* "which he says", "as she said": not a report */
                low(c, m.ws - 1, b, sizeof b);
                if (!strcmp(b, "which") || !strcmp(b, "who") ||
                    !strcmp(b, "that") || !strcmp(b, "as") ||
                    !strcmp(b, "what") || !strcmp(b, "than"))
                    continue;
            }
            size_t j = k + 1;
            int that = 0;
            /* "told Chinese leader Xi Jinping on Wednesday that …" */
            for (size_t x = j; x < hi && x < j + 12; x++) {
                if (c->t[x].kind != QT_WORD && !is_punct(c, x, '.'))
                    break;
                if (!strcmp(low(c, x, b, sizeof b), "that")) {
                    j = x;
                    that = 1;
                    break;
                }
            }
            while (j < hi && is_word(c, j) && is_time(c, j))
                j++;
            if (is_word(c, j) && !strcmp(low(c, j, b, sizeof b), "on") &&
                is_time(c, j + 1))
                j += 2;
            low(c, k, b, sizeof b);
            if (!that && (!strcmp(b, "told") || !strcmp(b, "tells") ||
                          !strcmp(b, "tell"))) {
                qmention o;
                char w[16];
                low(c, j, w, sizeof w);
                if (!strcmp(w, "him") || !strcmp(w, "her") ||
                    !strcmp(w, "them") || !strcmp(w, "reporters") ||
                    !strcmp(w, "us") || !strcmp(w, "me"))
                    j++;
                else if (np_forward(c, j, &o))
                    j = o.we;
                else
                    continue;
            }
            if (is_word(c, j) && !strcmp(low(c, j, b, sizeof b), "that"))
                j++;
            if (j >= hi || c->t[j].kind != QT_WORD)
                continue;
            add_indirect(c, j, hi, &m, k);
            break;
        }
        i = hi + 1;
    }
}
