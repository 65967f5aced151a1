/* quotes_tok.c — tokens and cue words of the quotation stage (issue 6).
 *
 * Tokens: one pass over the body gives words (letters, digits, inner
 * apostrophes, hyphens and dots: "don’t", "U.S"), punctuation, quotation
 * marks (with the family and whether each may open or close, decided from
 * the characters on either side for the ASCII marks; '' and `` count as
 * "), dashes, ellipses and line breaks. A '.' after a title abbreviation,
 * an initial or a month, or right before a comma, does not end a sentence.
 *
 * Cues: a sorted table of speech verbs in their inflected forms, each
 * finite (said, told, added …), a participle (saying, stating, adding …)
 * or "according" (to, checked on the next word). Verbs that introduce
 * reported clauses carry CUE_INDIRECT. A capitalised word is never a cue
 * ("United States", a title's "Says") except "According". */
#include "extract/quotes_int.h"

#include "text/text.h"
#include "text/strtab.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* ---- word lists (sorted, lower case) ---- */

typedef struct cue_ent {
    const char *w;
    int cls;
} cue_ent;

#define V CUE_VERB
#define VI (CUE_VERB | CUE_INDIRECT)
#define P CUE_PART
static const cue_ent cues[] = {
    {"according", CUE_ACCORDING}, {"accused", V}, {"acknowledged", VI},
    {"acknowledges", VI}, {"acknowledging", P}, {"added", VI}, {"adding", P},
    {"adds", VI}, {"admits", VI}, {"admitted", VI}, {"admitting", P},
    {"affirmed", VI}, {"affirming", P}, {"affirms", VI}, {"agreed", V},
    {"announced", VI}, {"announces", VI}, {"announcing", P}, {"answered", V},
    {"answering", P}, {"argued", VI}, {"argues", VI}, {"arguing", P},
    {"asked", V}, {"asking", P}, {"asks", V}, {"asserted", VI},
    {"asserting", P}, {"asserts", VI}, {"barked", V}, {"boasted", VI},
    {"boasting", P}, {"called", V}, {"calling", P}, {"cautioned", VI},
    {"cautioning", P}, {"chanted", V}, {"charged", V}, {"chimed", V},
    {"claimed", VI}, {"claiming", P}, {"claims", VI}, {"commented", V},
    {"complained", VI}, {"complaining", P}, {"conceded", VI},
    {"conceding", P}, {"concluded", VI}, {"concluding", P}, {"condemned", V},
    {"confirmed", VI}, {"contending", P}, {"continued", V}, {"continues", V},
    {"countered", V}, {"countering", P}, {"cracked", V}, {"cried", V},
    {"criticised", V}, {"criticized", V}, {"declared", VI}, {"declares", VI},
    {"declaring", P}, {"demanded", V}, {"denied", V}, {"denounced", V},
    {"described", V}, {"describing", P}, {"echoed", V}, {"emailed", V},
    {"emphasised", VI}, {"emphasising", P}, {"emphasized", VI},
    {"emphasizing", P}, {"exclaimed", V}, {"explained", VI},
    {"explaining", P}, {"explains", VI}, {"fumed", V}, {"greeted", V},
    {"gushed", V}, {"hailed", V}, {"hailing", P}, {"insisted", VI},
    {"insisting", P}, {"insists", VI}, {"interjected", V}, {"joked", V},
    {"joking", P}, {"lamented", V}, {"lamenting", P}, {"laughed", V},
    {"maintained", VI}, {"marveled", V}, {"mused", V}, {"noted", VI},
    {"notes", VI}, {"noting", P}, {"observed", VI}, {"observing", P},
    {"pledged", V}, {"pledging", P}, {"pointed", V}, {"pointing", P},
    {"posted", V}, {"praised", V}, {"praising", P}, {"predicted", VI},
    {"predicting", P}, {"proclaimed", V}, {"promised", V}, {"promising", P},
    {"quipped", V}, {"quipping", P}, {"reasoned", V}, {"recalled", VI},
    {"recalling", P}, {"recounted", V}, {"recounting", P}, {"referring", P},
    {"reflected", V}, {"reiterated", V}, {"reiterating", P},
    {"remarked", VI}, {"remarking", P}, {"repeated", V}, {"replied", V},
    {"replying", P}, {"reported", VI}, {"responded", V}, {"responding", P},
    {"retorted", V}, {"roared", V}, {"said", VI}, {"sang", V}, {"say", VI},
    {"saying", P}, {"says", VI}, {"scoffed", V}, {"screamed", V},
    {"shot", V}, {"shouted", V}, {"sighed", V}, {"snapped", V},
    {"stated", VI}, {"stating", P}, {"stressed", VI}, {"stresses", VI},
    {"stressing", P}, {"suggested", VI}, {"suggesting", P}, {"tell", V},
    {"telling", P}, {"tells", VI}, {"testified", VI}, {"texted", V},
    {"thanked", V}, {"thanking", P}, {"thundered", V}, {"told", VI},
    {"touted", V}, {"tweeted", V}, {"tweeting", P}, {"underlined", VI},
    {"underscored", VI}, {"urged", V}, {"urging", P}, {"vowed", V},
    {"vowing", P}, {"warned", VI}, {"warning", P}, {"warns", VI},
    {"welcomed", V}, {"whispered", V}, {"wondered", V}, {"writes", VI},
    {"writing", P}, {"wrote", VI}, {"yelled", V},
};
#undef V
#undef VI
#undef P

static const char *const pronouns[] = {"he", "i", "it", "she", "they",
                                       "we"};

static const char *const abbrevs[] = {
    "apr", "aug", "capt", "co", "col", "corp", "dec", "dr", "feb", "gen",
    "gov", "inc", "jan", "jr", "jul", "jun", "lt", "mr", "mrs", "ms", "mt",
    "no", "nov", "oct", "prof", "rep", "rev", "sen", "sep", "sept", "sgt",
    "sr", "st", "vs",
};

/* adverbs between a speaker and the cue ("Putin also said") */
static int in_list(const char *const *list, size_t n, const char *w)
{
    return chr__strtab_find(w, list, n, sizeof *list) != NULL;
}
#define IN(list, w) in_list(list, CHR__ARRAY_LEN(list), w)

size_t chr__q_lower(const char *w, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        unsigned char ch = (unsigned char)w[i];
        if (ch == 0xe2 && i + 2 < n && (unsigned char)w[i + 1] == 0x80 &&
            (unsigned char)w[i + 2] == 0x99) { /* ’ -> ' */
            out[k++] = '\'';
            i += 2;
            continue;
        }
        out[k++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    out[k] = 0;
    return k;
}

/* chr__q_cue_word, with the table's filter when f is not NULL. */
static int cue_word(const chr__strtab_filter *f, const char *w, size_t n)
{
    char b[24];
    if (n >= sizeof b)
        return 0;
    size_t k = chr__q_lower(w, n, b, sizeof b);
    if (f && !chr__strtab_may_hold(f, b, strnlen(b, k)))
        return 0;
    const cue_ent *e = chr__strtab_find(b, cues, CHR__ARRAY_LEN(cues),
                                        sizeof *cues);
    return e ? e->cls : 0;
}

int chr__q_cue_word(const char *w, size_t n)
{
    return cue_word(NULL, w, n);
}

int chr__q_is_pronoun(const char *w, size_t n)
{
    char b[8];
    if (n >= sizeof b)
        return 0;
    chr__q_lower(w, n, b, sizeof b);
    return IN(pronouns, b);
}

/* lower-case form of token i into b (empty for non-words) */
static const char *low(const qctx *c, size_t i, char *b, size_t cap)
{
    b[0] = 0;
    if (i < c->nt && c->t[i].kind == QT_WORD)
        chr__q_lower(c->s + c->t[i].s, c->t[i].e - c->t[i].s, b, cap);
    return b;
}

/* ---- tokenizer ---- */

static int is_alnum_cp(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
               (cp >= '0' && cp <= '9');
    utf8proc_category_t k = utf8proc_category(cp);
    return (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_NO);
}

static int is_upper_cp(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    utf8proc_category_t k = utf8proc_category(cp);
    return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}

static int is_space_cp(int32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\f' ||
           cp == '\v' || cp == 0xa0 || (cp >= 0x2000 && cp <= 0x200b) ||
           cp == 0x202f || cp == 0x205f || cp == 0x3000 || cp == 0xfeff;
}

/* code point at i (0 at the end) */
static int32_t cp_at(const char *s, size_t n, size_t i, size_t *len)
{
    if (i >= n) {
        *len = 0;
        return 0;
    }
    if ((unsigned char)s[i] < 0x80) { /* ASCII: no call */
        *len = 1;
        return (unsigned char)s[i];
    }
    int32_t cp;
    *len = chr__utf8_decode(s + i, n - i, &cp);
    return cp;
}

static int push(qctx *c, size_t *cap, size_t s, size_t e, int kind)
{
    if (c->nt == *cap) {
        size_t nc = *cap ? *cap * 2 : 256;
        qtok *t = realloc(c->t, nc * sizeof *t);
        if (!t)
            return c->nomem = 1, -1;
        c->t = t;
        *cap = nc;
    }
    qtok *t = &c->t[c->nt++];
    memset(t, 0, sizeof *t);
    t->s = (uint32_t)s;
    t->e = (uint32_t)e;
    t->kind = (uint8_t)kind;
    return 0;
}

/* end of the word starting at i */
static size_t word_end(const char *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n) {
        size_t l;
        int32_t cp = cp_at(s, n, j, &l);
        if (is_alnum_cp(cp) ||
            (cp >= 0x300 && cp < 0x370)) { /* letters, combining marks */
            j += l;
            continue;
        }
        if (cp == '\'' || cp == 0x2019 || cp == '-' || cp == '.' ||
            cp == '&') {
            size_t l2;
            int32_t nx = cp_at(s, n, j + l, &l2);
            if (j > i && is_alnum_cp(nx)) {
                j += l;
                continue;
            }
        }
        break;
    }
    return j;
}

static int is_abbrev_word(const qctx *c, const qtok *w)
{
    size_t n = w->e - w->s;
    const char *p = c->s + w->s;
    if (n == 1)
        return 1; /* an initial */
    if (memchr(p, '.', n))
        return 1; /* U.S, G.K */
    char b[8];
    if (n >= sizeof b)
        return 0;
    chr__q_lower(p, n, b, sizeof b);
    return IN(abbrevs, b);
}

int chr__q_tokenize(qctx *c)
{
    const char *s = c->s;
    size_t n = c->n, cap = 0, i = 0;
    while (i < n) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '\n') {
            if (c->nt && c->t[c->nt - 1].kind == QT_PARA)
                c->t[c->nt - 1].e = (uint32_t)(i + 1);
            else if (push(c, &cap, i, i + 1, QT_PARA))
                return -1;
            i++;
            continue;
        }
        size_t len;
        int32_t cp = cp_at(s, n, i, &len);
        if (is_space_cp(cp)) {
            i += len;
            continue;
        }
        if (cp == 0x2028 || cp == 0x2029) {
            if (push(c, &cap, i, i + len, QT_PARA))
                return -1;
            i += len;
            continue;
        }
        if (is_alnum_cp(cp)) {
            size_t e = word_end(s, n, i);
            if (push(c, &cap, i, e, QT_WORD))
                return -1;
            if (is_upper_cp(cp))
                c->t[c->nt - 1].flags |= QF_CAP;
            i = e;
            continue;
        }
        /* the characters on either side, for the marks */
        const qtok *prev = c->nt ? &c->t[c->nt - 1] : NULL;
        int prev_sp = !prev || prev->e < i || prev->kind == QT_PARA ||
                      prev->kind == QT_DASH ||
                      (prev->kind == QT_QUOTE && (prev->flags & QF_OPEN)) ||
                      (prev->kind == QT_PUNCT &&
                       (prev->ch == '(' || prev->ch == '[' ||
                        prev->ch == ':'));
        if (cp == '\'' && i + 1 < n && s[i + 1] == '\'') {
            cp = '"'; /* '' written for " (NYT style) */
            len = 2;
        } else if (cp == '`' && i + 1 < n && s[i + 1] == '`') {
            cp = '"'; /* `` written for an opening " */
            len = 2;
        }
        size_t l2;
        int32_t nx = cp_at(s, n, i + len, &l2);
        int next_alnum = is_alnum_cp(nx);
        int next_sp = !nx || nx == '\n' || is_space_cp(nx) ||
                      (nx < 0x80 && !next_alnum && nx != '(' && nx != '$' &&
                       nx != '\'' && nx != '"' && nx != '[') ||
                      nx == 0x2014 || nx == 0x2013;
        int kind = 0, fam = 0, fl = 0;
        switch (cp) {
        case '"':
            kind = QT_QUOTE, fam = QF_ADQ;
            if (!next_sp)
                fl |= QF_OPEN;
            if (!prev_sp)
                fl |= QF_CLOSE;
            if (!fl)
                fl = QF_OPEN | QF_CLOSE;
            break;
        case '\'':
            if (prev_sp && next_alnum)
                kind = QT_QUOTE, fam = QF_ASQ, fl = QF_OPEN;
            else if (!prev_sp && !next_alnum)
                kind = QT_QUOTE, fam = QF_ASQ, fl = QF_CLOSE;
            break;
        case 0x201c: /* “ */
            kind = QT_QUOTE, fam = QF_DQ, fl = QF_OPEN | QF_LOWCL;
            break;
        case 0x201d: /* ” */
            kind = QT_QUOTE, fam = QF_DQ, fl = QF_CLOSE;
            if (prev_sp && !next_sp)
                fl |= QF_OPEN;
            break;
        case 0x201e: /* „ */
            kind = QT_QUOTE, fam = QF_DQ, fl = QF_OPEN;
            break;
        case 0xab:
            kind = QT_QUOTE, fam = QF_GUIL, fl = QF_OPEN;
            break;
        case 0xbb:
            kind = QT_QUOTE, fam = QF_GUIL, fl = QF_CLOSE;
            break;
        case 0x2018:
            if (!next_sp)
                kind = QT_QUOTE, fam = QF_SQ, fl = QF_OPEN;
            break;
        case 0x2019:
            if (!prev_sp && !next_alnum)
                kind = QT_QUOTE, fam = QF_SQ, fl = QF_CLOSE;
            else if (prev_sp && next_alnum)
                kind = QT_QUOTE, fam = QF_SQ, fl = QF_OPEN;
            break;
        case 0x2014: case 0x2013: case 0x2015:
            kind = QT_DASH;
            break;
        case 0x2026:
            kind = QT_ELLIPSIS, fl = QF_END;
            break;
        case '-':
            if (i + 1 < n && s[i + 1] == '-') {
                kind = QT_DASH;
                len = 2;
            } else if (prev_sp && (nx == ' ' || nx == '\n')) {
                kind = QT_DASH;
            }
            break;
        case '.':
            if (i + 2 < n && s[i + 1] == '.' && s[i + 2] == '.') {
                kind = QT_ELLIPSIS, fl = QF_END;
                len = 3;
                while (i + len < n && s[i + len] == '.')
                    len++;
            }
            break;
        default:
            break;
        }
        if (!kind) {
            kind = QT_PUNCT;
            if (cp < 0x80) {
                if (cp == '!' || cp == '?')
                    fl = QF_END;
                else if (cp == '.' &&
                         !(prev && prev->kind == QT_WORD && prev->e == i &&
                           is_abbrev_word(c, prev)) &&
                         !(i + 1 < n && s[i + 1] == ','))
                    fl = QF_END; /* "R-Ky., said": not an end */
            }
        }
        if (push(c, &cap, i, i + len, kind))
            return -1;
        qtok *t = &c->t[c->nt - 1];
        t->fam = (uint8_t)fam;
        t->flags = (uint8_t)fl;
        t->ch = cp < 0x80 ? (char)cp : 0;
        i += len;
    }
    /* the cue table's filter, once a text: most words are rejected
       without a search */
    chr__strtab_filter cf;
    chr__strtab_filter_init(&cf, cues, CHR__ARRAY_LEN(cues), sizeof *cues);
    for (size_t k = 0; k < c->nt; k++)
        if (c->t[k].kind == QT_WORD && c->t[k].e - c->t[k].s < 20)
        {
            int cls = cue_word(&cf, c->s + c->t[k].s, c->t[k].e - c->t[k].s);
            if ((c->t[k].flags & QF_CAP) && CUE_CLASS(cls) != CUE_ACCORDING)
                cls = 0; /* "United States", "Says" in a title */
            c->t[k].cue = (uint8_t)cls;
        }
    /* "according" is a cue only before "to" */
    for (size_t k = 0; k < c->nt; k++)
        if (CUE_CLASS(c->t[k].cue) == CUE_ACCORDING) {
            char b[8];
            if (strcmp(low(c, k + 1, b, sizeof b), "to") != 0)
                c->t[k].cue = 0;
        }
    return 0;
}
