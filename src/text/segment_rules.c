/* segment_rules.c — the decisions of glued-word repair (issue 3): (a) camel
 * joins ("historyPutin") and (b) glued tails ("Jinpingon"), with the word
 * lists and name tests they use. Rules described at the top of segment.c. */
#include "text/segment_int.h"

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

/* Name particles that start real camel names (McDonald, DeSantis). Sorted. */
static const char *const particles[] = {
    "abu", "al", "bin", "da", "das", "de", "del", "della", "den", "der",
    "des", "di", "do", "dos", "du", "el", "fitz", "ibn", "la", "le", "mac",
    "mc", "o", "san", "st", "te", "ter", "van", "von",
};

static const char *const demonym_suffixes[] = {
    "ian", "ians", "an", "ans", "ese", "i", "is", "ish",
};

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

/* (a) A camel join at folded index k of the token [st, en). */
int chr__seg_camel(seg *g, size_t st, size_t en, const ftok *ft, size_t k)
{
    const char *L = ft->f, *R = ft->f + k;
    size_t nl = k, nr = ft->len - k;
    if (nr < 2 || ft->upper[ft->len - 1] || IN(particles, L, nl))
        return 0;
    int rname = count_of(&g->names, R, nr) > 0;
    int rprop = is_proper(g, R, nr), rstop = chr__is_stopword(R, nr);
    int speaker = !rstop && chr__seg_speech_follows(g, en);
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
    size_t q = speaker ? chr__seg_quote_start(g, st) : (size_t)-1;
    return chr__seg_emit(g, st, en, ft->off[k], 0, q);
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
        return chr__seg_speech_follows(g, en);
    if (nt >= 4)
        return 1;
    if (head == HEAD_NAME)
        return 1;
    /* "Chinaand", "Poutineand"; not "Neiland", "Connor" */
    return head == HEAD_PROPER && nt == 3 && memcmp(t, "and", 3) == 0 &&
           strchr("aeiouy", ft->f[k - 1]);
}

/* (b) A token without inner case change: head + tail words. */
int chr__seg_glued(seg *g, size_t st, size_t en, const ftok *ft)
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
        chr__seg_speech_follows(g, en))
        q = chr__seg_quote_start(g, st);
    return chr__seg_emit(g, st, en, ft->off[best_k],
                         best_cut ? ft->off[best_cut] : 0, q);
}
