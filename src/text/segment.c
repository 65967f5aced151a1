/* segment.c — repair of words glued together when a conversion lost the
 * spaces or quotation marks between them (issue 3).
 *
 * Knowledge: the English lexicon (lexicon.c, SCOWL: each word flagged common
 * and/or proper) and the document's own names (capitalised tokens it uses on
 * their own, possessive 's dropped). A word is "proper" when the lexicon
 * never writes it in lower case and it is a lexicon name, a document name or
 * a demonym of one (Belarus -> Belarusian).
 *
 * A token is never touched when it is a number or holds a digit, is all
 * capitals, holds a hyphen or an inner apostrophe, is part of a URL, e-mail,
 * handle or hashtag (its space-delimited chunk holds / @ # _ = or a dot or
 * colon before a letter), is in the lexicon, or occurs more than once in the
 * document. Text is only repaired when it is English: at least 10
 * lower-case words, 85% of them (of the first 2,000) in the lexicon (English news scores 91-99%,
 * Indonesian, German, Portuguese pages 8-47%).
 *
 * (a) Camel joins: exactly one lower->upper change inside the token, the
 *     right part has a lower-case letter ("historyPutin", "BelarusRussia's").
 *     The left part is no name particle (Mc, Mac, Van, De…). Split when
 *       - the token starts in lower case, the left part (3+ letters) is a
 *         common word and the right part proper, a function word, or a
 *         speaker (a speech verb follows: "bridgeLindqvist said"); a left
 *         part of 2 letters must be a function word and the right part a
 *         name the document uses or a speaker ("itPutin said"); 1 letter
 *         never (iPhone, eBay);
 *       - the token is capitalised, the left part has 3+ letters, the right
 *         part 3+ (PepsiCo stays), and either a speaker follows, or the
 *         left part is proper and the right part a function word or a
 *         proper name the document uses alone or a demonym of one
 *         ("BelarusRussia's"), or the left part (4+) is unknown and the
 *         right part such a name ("KazinformBelarusian"). Brands of two
 *         common words (BlackRock, YouTube) or two names the text never uses
 *         alone (HarperCollins, KellyAnne, ExxonMobil) stay.
 * (b) Glued tails: no case change inside; the token splits into a head of
 *     4+ letters and one tail word (function words, speech verbs,
 *     "according", "using" …; two only after a document name). A short
 *     preposition tail (on, at, in…) must be followed by what it takes (the,
 *     a, his, Wednesday, March…: leptin, smallsat, "Crafton 1 goal" stay);
 *     he/she/they by a speech verb. Accepted heads:
 *       - lower-case token: a common word ("peaceaccording", "orderusing");
 *       - capitalised token: a document name (used alone, or glued after a
 *         common word elsewhere: "bridgeLindqvist" supports "Lindqvistand")
 *         with any tail, or one common word of 5+ letters that is no
 *         compound ending ("Astancapital", not "Cleggmania"); a lexicon name
 *         ("Thursdayat the end"), "and" only after a vowel ("Chinaand", not
 *         "Neiland"); a common word only with tails of 4+ letters ("Weston"
 *         stays); an unknown head of 5+ letters only with a speech verb,
 *         "whose" or "which" ("Lukashenkosaid"), or "and" after a vowel.
 *     Fewest pieces win, then a document-name head, then the longest head.
 * (c) Quotation restoration: when a camel split puts a speaker before a
 *     speech verb (up to two more capitalised words between: "neighbours
 *     Minister Arlen said"), or a glued he/she/they precedes one, and the
 *     sentence up to the join starts with a capital after a paragraph start
 *     or a sentence end and holds no quotation mark, colon or semicolon, it
 *     was a quotation: “<sentence>,” Name said.
 *
 * Each repair is reported {from: token, to: replacement}; for (c) `to` is
 * the whole restored quotation with its speaker.
 *
 * The text is tokenised once. Pass 1 counts tokens and names, takes the
 * language sample (each distinct word looked up once, the flags cached in
 * the count map) and keeps the first occurrence of each token that its own
 * text lets be a join (not in the lexicon, one case change at most, no URL
 * around it). Pass 2 decides only those the document uses once. Past
 * MAX_CANDS candidates it scans the text again instead (same result). */
#include "text/text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#define MAX_FOLD 96     /* folded bytes of a token considered */
#define MIN_HEAD 4      /* letters of a glued head */
#define CHUNK_SCAN 256  /* bytes scanned around a token for URL marks */
#define PARA_SCAN 4096  /* bytes scanned back for a sentence start */
#define MIN_WORDS 10    /* lower-case words needed to judge the language */
#define MIN_KNOWN_PCT 85 /* % of them the lexicon must know: English */
#define LANG_SAMPLE 2000 /* lower-case words looked up for that */
#define COUNT_MASK ((UINT64_C(1) << 56) - 1)
#define LEX_SHIFT 56
#define MAX_CANDS (1u << 20) /* candidates kept from pass 1, else pass 2
                                tokenises again */

static const char OPEN_Q[] = "\xe2\x80\x9c";  /* “ */

/* Words that may follow a glued head; sorted for bsearch. Not "over" or
 * "through" or "about", which make real compounds (spillover, walkthrough,
 * walkabout), nor "than" (sansthan), nor "an",
 * a demonym ending (Cincinnatian). */
static const char *const tails[] = {
    "according", "added", "after", "against", "along", "also",
    "amid", "among", "and", "are", "as", "at", "because", "before",
    "but", "by", "despite", "during", "following", "for", "from", "had",
    "has", "have", "he", "her", "his", "in", "including", "into", "is",
    "it", "its", "of", "on", "or", "said", "says", "she", "since",
    "stated", "that", "the", "their", "they", "this", "though",
    "to", "told", "toward", "towards", "under", "until", "using", "was",
    "were", "when", "where", "whether", "which", "while", "who", "whom",
    "whose", "will", "with", "within", "without", "would",
};

/* Short prepositions: a glued one must be followed by what it takes
 * (leptin, smallsat, Britton stay). Sorted. */
static const char *const preps[] = {
    "as", "at", "by", "for", "in", "of", "on", "to",
};

/* Pronoun tails: only before a speech verb ("itselfshe declared"). */
static const char *const pronouns[] = {
    "he", "she", "they",
};

/* What a preposition takes first. Sorted. */
static const char *const np_starters[] = {
    "a", "all", "an", "april", "august", "both", "december", "each",
    "every", "february", "friday", "her", "his", "its", "january", "july",
    "june", "least", "march", "may", "monday", "my", "november", "october",
    "once", "our", "saturday", "september", "some", "sunday", "that", "the",
    "their", "these", "this", "those", "thursday", "tuesday", "wednesday",
    "your",
};

/* Words that end compounds with a name ("Cleggmania", "Partygate"). */
static const char *const suffix_words[] = {
    "esque", "field", "gate", "mania", "maniac", "nomics", "phile", "phobe",
    "phobia", "shire", "speak", "style", "verse", "ville", "watch", "world",
    "worth",
};

/* Tails an unknown head may take: no name ends in them. Sorted. */
static const char *const strong_tails[] = {
    "according", "added", "said", "says", "stated", "told", "which",
    "whose",
};

/* Speech verbs after a speaker. Sorted. */
static const char *const speech[] = {
    "according", "added", "adds", "affirmed", "declared", "explained",
    "insisted", "noted", "said", "says", "stated", "stressed", "tells",
    "told", "warned", "wrote",
};

/* Name particles that start real camel names (McDonald, DeSantis). Sorted. */
static const char *const particles[] = {
    "abu", "al", "bin", "da", "das", "de", "del", "della", "den", "der",
    "des", "di", "do", "dos", "du", "el", "fitz", "ibn", "la", "le", "mac",
    "mc", "o", "san", "st", "te", "ter", "van", "von",
};

static const char *const demonym_suffixes[] = {
    "ian", "ians", "an", "ans", "ese", "i", "is", "ish",
};

static int cmp_key(const void *k, const void *e)
{
    return strcmp(k, *(const char *const *)e);
}

static int in_list(const char *const *list, size_t n, const char *f,
                   size_t len)
{
    char key[32];
    if (len == 0 || len >= sizeof key)
        return 0;
    memcpy(key, f, len);
    key[len] = '\0';
    return bsearch(key, list, n, sizeof *list, cmp_key) != NULL;
}

#define IN(list, f, n) in_list(list, CHR__ARRAY_LEN(list), f, n)

typedef struct edit {
    size_t start, end, seq;
    const char *rep;
    size_t rep_len;
} edit;

typedef struct seg {
    const char *s;
    size_t n;
    chr__arena *a;
    chr__map counts; /* folded token -> occurrences (COUNT_MASK bits) and,
                        above LEX_SHIFT, 1 + its lexicon flags once looked
                        up for the language sample */
    chr__map names;  /* folded capitalised token, 's dropped -> occurrences */
    chr__map glued;  /* names seen only glued after a common word */
    chr__vec edits, reps;
    chr__vec cands;   /* cand: tokens pass 2 must decide */
    int cands_full;   /* more than MAX_CANDS: pass 2 scans the text */
    size_t quote_end; /* end of the last restored quotation */
    size_t low_words, low_known; /* lower-case words, those in the lexicon */
    int nomem;
} seg;

/* A token that may be repaired, whatever the rest of the document says
 * (pass 1 keeps them in text order, pass 2 decides them). */
typedef struct cand {
    size_t start, end;
    uint64_t key; /* hash of its folded form, key of `counts` */
} cand;

/* A token folded one code point at a time, with the map back. */
typedef struct ftok {
    char f[MAX_FOLD + 1];
    size_t len;
    size_t off[MAX_FOLD + 1];         /* token byte offset of f[k]'s cp */
    unsigned char bound[MAX_FOLD + 1]; /* f[k] starts a code point */
    unsigned char upper[MAX_FOLD + 1]; /* that code point is upper-case */
} ftok;

/* Folds tok[0..n) letter by letter into a-z; 0 when a code point is not a
 * letter or does not fold to ASCII letters. */
static int fold_token(const char *tok, size_t n, ftok *ft)
{
    ft->len = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t l = chr__utf8_decode(tok + i, n - i, &cp);
        if (cp < 0x80) { /* fast path */
            if (!((cp | 32) >= 'a' && (cp | 32) <= 'z') || ft->len >= MAX_FOLD)
                return 0;
            ft->f[ft->len] = (char)(cp | 32);
            ft->off[ft->len] = i;
            ft->bound[ft->len] = 1;
            ft->upper[ft->len] = cp <= 'Z';
            ft->len++;
            i++;
            continue;
        }
        utf8proc_category_t c = utf8proc_category(cp);
        if (c < UTF8PROC_CATEGORY_LU || c > UTF8PROC_CATEGORY_LO)
            return 0;
        int up = c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
        char buf[16];
        size_t k = chr__fold_word(tok + i, l, buf, sizeof buf);
        if (k == 0 || ft->len + k > MAX_FOLD)
            return 0;
        for (size_t q = 0; q < k; q++) {
            if (buf[q] < 'a' || buf[q] > 'z')
                return 0;
            ft->f[ft->len] = buf[q];
            ft->off[ft->len] = i;
            ft->bound[ft->len] = q == 0;
            ft->upper[ft->len] = (unsigned char)up;
            ft->len++;
        }
        i += l;
    }
    ft->off[ft->len] = n;
    ft->bound[ft->len] = 1;
    ft->f[ft->len] = '\0';
    return ft->len > 0;
}

/* Length of a trailing possessive ('s or ’s) of tok[0..n), else 0. */
static size_t possessive(const char *tok, size_t n)
{
    if (n > 2 && tok[n - 1] == 's' && tok[n - 2] == '\'')
        return 2;
    if (n > 4 && tok[n - 1] == 's' && memcmp(tok + n - 4, "\xe2\x80\x99", 3) == 0)
        return 4;
    return 0;
}

static uint64_t count_of(const chr__map *m, const char *f, size_t n)
{
    uint64_t *v = chr__map_get(m, chr__hash64(f, n));
    return v ? *v : 0;
}

static int bump(seg *g, chr__map *m, const char *f, size_t n)
{
    uint64_t *v = chr__map_slot(m, chr__hash64(f, n));
    if (!v)
        return g->nomem = 1;
    (*v)++;
    return 0;
}

static int lex(const char *f, size_t n)
{
    return chr__lexicon_flags(f, n);
}

/* A name seen glued after a common word ("bridgeLindqvist"): evidence
 * for the same name glued elsewhere ("Lindqvistand"). */
static int glued_evidence(seg *g, const char *tok, size_t len)
{
    size_t i = 1;
    while (i < len && !(tok[i] >= 'A' && tok[i] <= 'Z'))
        i++;
    if (i >= len || len > MAX_FOLD)
        return 0;
    ftok ft;
    if (!fold_token(tok, len, &ft))
        return 0;
    size_t trans = 0, k = 0;
    for (size_t q = 1; q < ft.len; q++)
        if (ft.bound[q] && ft.upper[q] && !ft.upper[q - 1]) {
            trans++;
            k = q;
        }
    if (trans != 1 || k < 3 || ft.len - k < 4 || ft.upper[ft.len - 1] ||
        !(lex(ft.f, k) & CHR__LEX_COMMON))
        return 0;
    return bump(g, &g->glued, ft.f + k, ft.len - k);
}

static int lang_rejected(const seg *g);
static int candidate(const seg *g, size_t st, size_t en, const char *hk,
                     size_t hn, int hf, ftok *ft, size_t *k_trans);

/* Pass 1: occurrences of every token and of every capitalised one; the
 * first occurrence of each token that may need repair is kept as a
 * candidate for pass 2 (a repeated token never is repaired). */
static int count_token(void *ctx, const chr__token *t)
{
    seg *g = ctx;
    const char *tok = g->s + t->start;
    size_t len = t->end - t->start;
    char buf[MAX_FOLD + 8];
    size_t k = chr__fold_word(tok, len, buf, sizeof buf);
    uint64_t key = chr__hash64(buf, k);
    uint64_t *v = chr__map_slot(&g->counts, key);
    if (!v)
        return g->nomem = 1;
    int first = (++*v & COUNT_MASK) == 1;
    int lexf = -1; /* lexicon flags of buf[0..k) when looked up */
    if (!t->upper_initial && !t->numeric && k >= 3 && k <= 32 &&
        g->low_words < LANG_SAMPLE) {
        size_t i = 0;
        while (i < k && buf[i] >= 'a' && buf[i] <= 'z')
            i++;
        if (i == k) {
            g->low_words++;
            if (*v >> LEX_SHIFT) { /* a repeated word: looked up before */
                lexf = (int)(*v >> LEX_SHIFT) - 1;
            } else {
                lexf = lex(buf, k);
                *v |= (uint64_t)(lexf + 1) << LEX_SHIFT;
            }
            g->low_known += lexf != 0;
        }
    }
    if (first && !g->cands_full && !t->numeric && !t->all_upper &&
        len >= 5 && len <= MAX_FOLD && !lang_rejected(g)) {
        ftok ft;
        size_t k_trans;
        if (candidate(g, t->start, t->end, buf, k, lexf, &ft, &k_trans)) {
            if (g->cands.len >= MAX_CANDS) {
                g->cands_full = 1;
            } else {
                cand *c = chr__vec_push(&g->cands, g->a);
                if (!c)
                    return g->nomem = 1;
                c->start = t->start;
                c->end = t->end;
                c->key = key;
            }
        }
    }
    if (t->upper_initial && !t->all_upper && !t->numeric) {
        size_t p = possessive(tok, len);
        if (p)
            k = chr__fold_word(tok, len - p, buf, sizeof buf);
        if (bump(g, &g->names, buf, k))
            return 1;
    } else if (!t->numeric && !t->all_upper &&
               glued_evidence(g, tok, len - possessive(tok, len))) {
        return 1;
    }
    return 0;
}

static int demonym(const seg *g, const char *f, size_t n)
{
    for (size_t i = 0; i < CHR__ARRAY_LEN(demonym_suffixes); i++) {
        size_t k = strlen(demonym_suffixes[i]);
        if (n < k + 4 || memcmp(f + n - k, demonym_suffixes[i], k) != 0)
            continue;
        int fl = lex(f, n - k);
        if (((fl & CHR__LEX_PROPER) && !(fl & CHR__LEX_COMMON)) ||
            count_of(&g->names, f, n - k) > 0)
            return 1;
    }
    return 0;
}

static int is_known(const seg *g, const char *f, size_t n)
{
    return lex(f, n) || count_of(&g->names, f, n) > 0 || demonym(g, f, n);
}

static int is_proper(const seg *g, const char *f, size_t n)
{
    int fl = lex(f, n);
    if (fl & CHR__LEX_COMMON)
        return 0;
    return (fl & CHR__LEX_PROPER) || count_of(&g->names, f, n) > 0 ||
           demonym(g, f, n);
}

static int is_space(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

static int is_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

/* 1 when the space-delimited chunk around [st, en) looks like a URL, an
 * e-mail address, a handle, a hashtag or code (or is too long to tell). */
static int odd_chunk(const seg *g, size_t st, size_t en)
{
    size_t b = st, e = en;
    while (b > 0 && !is_space(g->s[b - 1]))
        if (st - --b > CHUNK_SCAN)
            return 1;
    while (e < g->n && !is_space(g->s[e]))
        if (++e - en > CHUNK_SCAN)
            return 1;
    for (size_t i = b; i < e; i++) {
        char c = g->s[i];
        if (strchr("/@#_=\\<>|~&", c))
            return 1;
        if ((c == '.' || c == ':') && i + 1 < e && is_alnum(g->s[i + 1]))
            return 1;
    }
    return 0;
}

/* Records one repair: text [st, en) becomes rep; from/to for the report. */
static int add_edit(seg *g, size_t st, size_t en, const char *rep,
                    size_t rep_len)
{
    edit *e = chr__vec_push(&g->edits, g->a);
    if (!e)
        return g->nomem = 1;
    e->start = st;
    e->end = en;
    e->seq = g->edits.len;
    e->rep = rep;
    e->rep_len = rep_len;
    return 0;
}

static int add_report(seg *g, const char *from, size_t from_len,
                      const char *to)
{
    chr_repair *r = chr__vec_push(&g->reps, g->a);
    if (!r)
        return g->nomem = 1;
    r->from = chr__arena_strndup(g->a, from, from_len);
    r->to = to;
    if (!r->from || !r->to)
        return g->nomem = 1;
    return 0;
}

/* 1 when text after `p` is up to two capitalised words then a speech verb. */
static int speech_follows(const seg *g, size_t p)
{
    for (int w = 0; w < 3; w++) {
        if (p >= g->n || g->s[p] != ' ')
            return 0;
        p++;
        size_t b = p;
        while (p < g->n && p - b < 16 &&
               ((g->s[p] | 32) >= 'a' && (g->s[p] | 32) <= 'z'))
            p++;
        if (p == b)
            return 0;
        if (g->s[b] >= 'a' && g->s[b] <= 'z')
            return IN(speech, g->s + b, p - b);
    }
    return 0;
}

/* Abbreviations whose full stop does not end a sentence. Sorted. */
static const char *const abbrevs[] = {
    "capt", "co", "col", "corp", "dr", "etc", "gen", "gov", "inc", "jr",
    "lt", "ltd", "mr", "mrs", "ms", "no", "prof", "rep", "rev", "sen",
    "sgt", "sr", "st", "vs",
};

static int is_quote_mark(const char *s, size_t i, size_t end)
{
    unsigned char ch = (unsigned char)s[i];
    if (ch == '"')
        return 1;
    if (ch == 0xe2 && i + 2 < end && (unsigned char)s[i + 1] == 0x80) {
        unsigned char t = (unsigned char)s[i + 2];
        return t == 0x98 || (t >= 0x9c && t <= 0x9f); /* ‘ “ ” „ ‟ */
    }
    return ch == 0xc2 && i + 1 < end &&
           ((unsigned char)s[i + 1] == 0xab ||
            (unsigned char)s[i + 1] == 0xbb); /* « » */
}

/* 1 when the '.', '?' or '!' at i ends a sentence: a blank follows and the
 * word before is no abbreviation or initial. */
static int sentence_end(const seg *g, size_t i, size_t end)
{
    char c = g->s[i];
    if ((c != '.' && c != '?' && c != '!') || i + 1 >= end ||
        !is_space(g->s[i + 1]))
        return 0;
    if (c != '.')
        return 1;
    size_t b = i;
    while (b > 0 && (g->s[b - 1] | 32) >= 'a' && (g->s[b - 1] | 32) <= 'z' &&
           i - b < 8)
        b--;
    if (i - b == 0)
        return 1; /* "in 2026. Then", "(SCO). The" */
    if (i - b == 1)
        return 0; /* "J. Smith", "U.S. officials" */
    char w[8];
    size_t k = 0;
    for (size_t q = b; q < i && k < sizeof w; q++)
        w[k++] = (char)(g->s[q] | 32);
    return !IN(abbrevs, w, k);
}

/* Start of the sentence that ends at `p` (after a paragraph start or a
 * sentence end, blanks skipped) when that sentence starts with a capital,
 * holds no quotation mark, colon or semicolon and does not reach back into
 * an earlier restored quotation; (size_t)-1 otherwise. */
static size_t quote_start(const seg *g, size_t p)
{
    size_t b = p;
    while (b > 0 && g->s[b - 1] != '\n') {
        if (p - b > PARA_SCAN || is_quote_mark(g->s, b - 1, p))
            return (size_t)-1;
        char c = g->s[b - 1];
        if ((c == ':' || c == ';') && is_space(g->s[b]))
            return (size_t)-1;
        if (sentence_end(g, b - 1, p))
            break;
        b--;
    }
    for (size_t i = b; i < p; i++)
        if (is_quote_mark(g->s, i, p))
            return (size_t)-1;
    while (b < p && is_space(g->s[b]))
        b++;
    if (b >= p || b < g->quote_end)
        return (size_t)-1;
    int32_t cp;
    chr__utf8_decode(g->s + b, p - b, &cp);
    utf8proc_category_t c = utf8proc_category(cp);
    if (c != UTF8PROC_CATEGORY_LU && c != UTF8PROC_CATEGORY_LT)
        return (size_t)-1;
    return b;
}

/* Records the repair of token [st, en) cut after its first `cut` bytes
 * (and again after `cut2` when non-zero); with q != -1 the sentence from q
 * was a quotation: “ goes at q, ,” at the first cut. */
static int emit(seg *g, size_t st, size_t en, size_t cut, size_t cut2,
                size_t q)
{
    const char *tok = g->s + st;
    size_t len = en - st;
    const char *sep = q == (size_t)-1 ? " " : ",\xe2\x80\x9d ";
    char *rep;
    if (cut2)
        rep = chr__arena_printf(g->a, "%.*s%s%.*s %.*s", (int)cut, tok, sep,
                                (int)(cut2 - cut), tok + cut,
                                (int)(len - cut2), tok + cut2);
    else
        rep = chr__arena_printf(g->a, "%.*s%s%.*s", (int)cut, tok, sep,
                                (int)(len - cut), tok + cut);
    if (!rep)
        return g->nomem = 1;
    if (q == (size_t)-1)
        return add_edit(g, st, en, rep, strlen(rep)) ||
               add_report(g, tok, len, rep);
    char *to = chr__arena_printf(g->a, "%s%.*s%s", OPEN_Q, (int)(st - q),
                                 g->s + q, rep);
    if (!to)
        return g->nomem = 1;
    g->quote_end = en;
    return add_edit(g, q, q, OPEN_Q, strlen(OPEN_Q)) ||
           add_edit(g, st, en, rep, strlen(rep)) ||
           add_report(g, tok, len, to);
}

/* (a) A camel join at folded index k of the token [st, en). */
static int camel(seg *g, size_t st, size_t en, const ftok *ft, size_t k)
{
    const char *L = ft->f, *R = ft->f + k;
    size_t nl = k, nr = ft->len - k;
    if (nr < 2 || ft->upper[ft->len - 1] || IN(particles, L, nl))
        return 0;
    int rname = count_of(&g->names, R, nr) > 0;
    int rprop = is_proper(g, R, nr), rstop = chr__is_stopword(R, nr);
    int speaker = !rstop && speech_follows(g, en);
    int ok = 0;
    if (!ft->upper[0]) {
        if (nl >= 3)
            ok = (lex(L, nl) & CHR__LEX_COMMON) && (rprop || rstop || speaker);
        else if (nl == 2)
            ok = chr__is_stopword(L, nl) && ((rname && rprop) || speaker);
    } else if (nl >= 3) {
        /* Name+Name brands and compounds (HarperCollins, KellyAnne,
         * ExxonMobil) stay unless the right part is a name the document
         * uses alone or a demonym. */
        int lknown = is_known(g, L, nl);
        int rdoc = rname || demonym(g, R, nr);
        if (nr < 3)
            ok = 0; /* PepsiCo */
        else if (speaker)
            ok = lknown || nl >= 4;
        else if (is_proper(g, L, nl))
            ok = (rprop && rdoc) || rstop;
        else if (!lknown)
            ok = nl >= 4 && nr >= 4 && rprop && rdoc;
    }
    if (!ok)
        return 0;
    size_t q = speaker ? quote_start(g, st) : (size_t)-1;
    return emit(g, st, en, ft->off[k], 0, q);
}

/* Number of tail words f[0..n) splits into (1 or 2), with the cut of the
 * second in *cut; 0 when it does not. */
static int tail_pieces(const ftok *ft, size_t k, size_t *cut)
{
    const char *f = ft->f + k;
    size_t n = ft->len - k;
    if (IN(tails, f, n))
        return 1;
    for (size_t j = 2; j + 2 <= n; j++)
        if (ft->bound[k + j] && IN(tails, f, j) && IN(tails, f + j, n - j)) {
            *cut = k + j;
            return 2;
        }
    return 0;
}

/* The word after `p` (blanks skipped), folded into w[cap]; its length. */
static size_t next_word(const seg *g, size_t p, char *w, size_t cap)
{
    while (p < g->n && (g->s[p] == ' ' || g->s[p] == '\t'))
        p++;
    size_t b = p;
    while (p < g->n && p - b < 24 && is_alnum(g->s[p]))
        p++;
    if (p == b || p - b >= 24)
        return 0;
    return chr__fold_word(g->s + b, p - b, w, cap);
}

/* 1 when the token ending at en is followed by what a preposition takes:
 * a determiner, a weekday or month ("Thursdayat the end"). Not a number:
 * "Crafton 1 goal" is a name in a score list. */
static int np_follows(const seg *g, size_t en)
{
    char w[32];
    size_t k = next_word(g, en, w, sizeof w);
    return k && IN(np_starters, w, k);
}

/* Whether tail word(s) f[k..) may follow a head of the given kind: a common
 * word in a lower-case token, a common word capitalised (only long tails:
 * Weston, Crafton stay), a lexicon name, a document name. */
enum { HEAD_COMMON, HEAD_CAP_COMMON, HEAD_PROPER, HEAD_NAME };

static int tail_ok(const seg *g, const ftok *ft, size_t k, int pieces,
                   size_t cut, size_t en, int head)
{
    const char *t = ft->f + k;
    size_t nt = (pieces == 2 ? cut : ft->len) - k;
    if (pieces == 2 && head != HEAD_NAME)
        return 0;
    if (head == HEAD_CAP_COMMON)
        return nt >= 4 && !IN(pronouns, t, nt);
    if (IN(preps, t, nt))
        return np_follows(g, en) || pieces == 2;
    if (IN(pronouns, t, nt))
        return speech_follows(g, en);
    if (nt >= 4)
        return 1;
    if (head == HEAD_NAME)
        return 1;
    /* "Chinaand", "Poutineand"; not "Neiland", "Connor" */
    return head == HEAD_PROPER && nt == 3 && memcmp(t, "and", 3) == 0 &&
           strchr("aeiouy", ft->f[k - 1]);
}

/* (b) A token without inner case change: head + tail words. */
static int glued(seg *g, size_t st, size_t en, const ftok *ft)
{
    int cap = ft->upper[0];
    size_t best_k = 0, best_cut = 0;
    int best_pieces = 99, best_name = 0;
    for (size_t k = MIN_HEAD; k + 2 <= ft->len; k++) {
        if (!ft->bound[k])
            continue;
        const char *h = ft->f;
        const char *rest = ft->f + k;
        size_t nrest = ft->len - k, cut = 0;
        int hk = lex(h, k), pieces = tail_pieces(ft, k, &cut);
        int hname = cap && !(hk & CHR__LEX_COMMON) &&
                    (count_of(&g->names, h, k) > 0 ||
                     count_of(&g->glued, h, k) > 0);
        int ok = 0;
        if (!cap) {
            ok = pieces && (hk & CHR__LEX_COMMON) &&
                 tail_ok(g, ft, k, pieces, cut, en, HEAD_COMMON);
        } else if (hname) {
            if (!pieces && nrest >= 5 && !IN(suffix_words, rest, nrest) &&
                (lex(rest, nrest) & CHR__LEX_COMMON))
                ok = pieces = 1;
            else
                ok = pieces && tail_ok(g, ft, k, pieces, cut, en, HEAD_NAME);
        } else if (hk) {
            ok = pieces &&
                 tail_ok(g, ft, k, pieces, cut, en,
                         hk & CHR__LEX_COMMON ? HEAD_CAP_COMMON : HEAD_PROPER);
        } else if (k >= 5) {
            char last = h[k - 1];
            ok = IN(strong_tails, rest, nrest) ||
                 (nrest == 3 && memcmp(rest, "and", 3) == 0 &&
                  strchr("aeiou", last));
            pieces = 1;
        }
        if (!ok)
            continue;
        if (pieces < best_pieces ||
            (pieces == best_pieces && hname > best_name) ||
            (pieces == best_pieces && hname == best_name && k > best_k)) {
            best_pieces = pieces;
            best_name = hname;
            best_k = k;
            best_cut = pieces == 2 ? cut : 0;
        }
    }
    if (!best_k)
        return 0;
    /* "…itselfshe declared": the pronoun was the speaker of a quotation */
    size_t q = (size_t)-1, tail = ft->len - best_k;
    if (!cap && best_pieces == 1 &&
        ((tail == 2 && memcmp(ft->f + best_k, "he", 2) == 0) ||
         (tail == 3 && memcmp(ft->f + best_k, "she", 3) == 0) ||
         (tail == 4 && memcmp(ft->f + best_k, "they", 4) == 0)) &&
        speech_follows(g, en))
        q = quote_start(g, st);
    return emit(g, st, en, ft->off[best_k], best_cut ? ft->off[best_cut] : 0,
                q);
}

/* 1 when the language sample is complete and not English: pass 2 will not
 * run, pass 1 need not look for candidates. */
static int lang_rejected(const seg *g)
{
    return g->low_words >= LANG_SAMPLE &&
           g->low_known * 100 < g->low_words * MIN_KNOWN_PCT;
}

/* The checks of the token [st, en) that depend on its text alone (not on
 * what else the document holds): 1 when it may be a join, with ft its fold
 * (possessive dropped) and *k_trans the index of its lower->upper change
 * (0: none). When hf >= 0 it is the lexicon flags of hk[0..hn), used
 * instead of a lookup if that is ft's key (of ft's key itself when hk is
 * NULL). */
static int candidate(const seg *g, size_t st, size_t en, const char *hk,
                     size_t hn, int hf, ftok *ft, size_t *k_trans)
{
    const char *tok = g->s + st;
    size_t len = en - st;
    size_t poss = possessive(tok, len);
    if (!fold_token(tok, len - poss, ft) || ft->len < 5)
        return 0;
    int fl = hf >= 0 && (!hk || (hn == ft->len && memcmp(hk, ft->f, hn) == 0))
                 ? hf
                 : lex(ft->f, ft->len);
    if (fl)
        return 0;
    size_t trans = 0, inner_upper = 0;
    *k_trans = 0;
    for (size_t k = 1; k < ft->len; k++) {
        if (!ft->bound[k] || !ft->upper[k])
            continue;
        inner_upper++;
        if (!ft->upper[k - 1]) {
            trans++;
            *k_trans = k;
        }
    }
    if (trans > 1 || (trans == 0 && inner_upper > 0) ||
        (trans == 0 && poss))
        return 0;
    return !odd_chunk(g, st, en);
}

/* Pass 2 on one candidate: a camel join or a glued tail. */
static int decide(seg *g, size_t st, size_t en, const ftok *ft,
                  size_t k_trans)
{
    int r = k_trans ? camel(g, st, en, ft, k_trans) : glued(g, st, en, ft);
    return r ? 1 : 0;
}

/* Pass 2 over the whole text, when pass 1 kept too many candidates. */
static int repair_token(void *ctx, const chr__token *t)
{
    seg *g = ctx;
    const char *tok = g->s + t->start;
    size_t len = t->end - t->start;
    if (t->numeric || t->all_upper || len < 5 || len > MAX_FOLD)
        return 0;
    char full[MAX_FOLD + 8];
    size_t nf = chr__fold_word(tok, len, full, sizeof full);
    if ((count_of(&g->counts, full, nf) & COUNT_MASK) >= 2)
        return 0;
    ftok ft;
    size_t k_trans;
    if (!candidate(g, t->start, t->end, NULL, 0, -1, &ft, &k_trans))
        return 0;
    return decide(g, t->start, t->end, &ft, k_trans);
}

/* Pass 2 over the candidates pass 1 kept: those the document uses once. */
static void repair_candidates(seg *g)
{
    const cand *c = g->cands.items;
    for (size_t i = 0; i < g->cands.len; i++) {
        uint64_t *v = chr__map_get(&g->counts, c[i].key);
        if (v && (*v & COUNT_MASK) >= 2)
            continue;
        ftok ft;
        size_t k_trans;
        /* not in the lexicon: pass 1 looked it up */
        if (candidate(g, c[i].start, c[i].end, NULL, 0, 0, &ft, &k_trans) &&
            decide(g, c[i].start, c[i].end, &ft, k_trans))
            return;
    }
}

static int cmp_edit(const void *pa, const void *pb)
{
    const edit *a = pa, *b = pb;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

chr_status chr__repair_joins(const char *text, size_t n, chr__arena *a,
                             char **out, size_t *out_len, chr_repair **reps,
                             size_t *n_reps)
{
    *out = NULL;
    *out_len = 0;
    *reps = NULL;
    *n_reps = 0;
    seg g;
    memset(&g, 0, sizeof g);
    g.s = text;
    g.n = n;
    g.a = a;
    chr__map_init(&g.counts);
    chr__map_init(&g.names);
    chr__map_init(&g.glued);
    chr__vec_init(&g.edits, sizeof(edit));
    chr__vec_init(&g.reps, sizeof(chr_repair));
    chr__vec_init(&g.cands, sizeof(cand));
    chr__words(text, n, count_token, &g);
    if (!g.nomem && g.low_words >= MIN_WORDS &&
        g.low_known * 100 >= g.low_words * MIN_KNOWN_PCT) {
        if (g.cands_full)
            chr__words(text, n, repair_token, &g);
        else
            repair_candidates(&g);
    }
    chr__map_free(&g.counts);
    chr__map_free(&g.names);
    chr__map_free(&g.glued);
    if (g.nomem)
        return CHR_NOMEM;

    edit *e = g.edits.items;
    size_t extra = 0;
    for (size_t i = 0; i < g.edits.len; i++)
        extra += e[i].rep_len;
    char *o = chr__arena_alloc(a, n + extra + 1);
    if (!o)
        return CHR_NOMEM;
    if (g.edits.len > 1)
        qsort(e, g.edits.len, sizeof *e, cmp_edit);
    size_t pos = 0, w = 0;
    for (size_t i = 0; i < g.edits.len; i++) {
        if (e[i].start < pos)
            continue; /* overlapping: cannot happen, keep the first */
        memcpy(o + w, text + pos, e[i].start - pos);
        w += e[i].start - pos;
        memcpy(o + w, e[i].rep, e[i].rep_len);
        w += e[i].rep_len;
        pos = e[i].end;
    }
    memcpy(o + w, text + pos, n - pos);
    w += n - pos;
    o[w] = '\0';
    *out = o;
    *out_len = w;
    *reps = g.reps.len ? g.reps.items : NULL;
    *n_reps = g.reps.len;
    return CHR_OK;
}
