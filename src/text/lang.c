/* lang.c — language guess from function-word frequencies.
 *
 * Decision: a short list of the most frequent function words of seven
 * European languages, counted over the first 2,000 words. A language wins
 * when it covers at least 15% of the words and twice the runner-up; below
 * that the answer is "unknown" (NULL), never a guess. */
#include "text/text.h"

#include <string.h>

typedef struct lang_words {
    const char *code;
    const char *words[24];
} lang_words;

static const lang_words langs[] = {
    {"en", {"the", "of", "and", "to", "in", "is", "that", "for", "it", "was",
            "on", "with", "he", "as", "by", "at", "from", "his", "have",
            "are", "this", "an", "be", "which"}},
    {"fr", {"le", "la", "les", "de", "des", "et", "un", "une", "du", "est",
            "que", "qui", "dans", "pour", "pas", "au", "sur", "par", "il",
            "elle", "avec", "ce", "aux", "sont"}},
    {"de", {"der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu",
            "den", "mit", "von", "sich", "des", "auf", "dem", "im", "für",
            "auch", "es", "sie", "wird", "werden", "nach"}},
    {"es", {"el", "la", "los", "las", "de", "del", "y", "que", "en", "un",
            "una", "por", "con", "para", "es", "se", "su", "al", "lo", "como",
            "más", "pero", "sus", "fue"}},
    {"it", {"il", "la", "di", "che", "e", "un", "una", "per", "non", "del",
            "della", "gli", "le", "si", "con", "sono", "da", "nel", "alla",
            "anche", "come", "più", "ha", "dei"}},
    {"pt", {"o", "a", "os", "as", "de", "do", "da", "dos", "das", "e", "que",
            "em", "um", "uma", "para", "com", "não", "por", "no", "na", "se",
            "mais", "foi", "ao"}},
    {"nl", {"de", "het", "een", "en", "van", "in", "is", "dat", "op", "te",
            "zijn", "met", "voor", "niet", "aan", "er", "ook", "als", "bij",
            "door", "wordt", "naar", "om", "heeft"}},
};

#define NLANG (sizeof langs / sizeof langs[0])

typedef struct lang_ctx {
    const char *s;
    size_t words;
    size_t hits[NLANG];
} lang_ctx;

static int lang_word(void *ctx, const chr__token *t)
{
    lang_ctx *c = ctx;
    char buf[32];
    size_t n = t->end - t->start;
    if (n >= 16)
        goto next;
    size_t k = chr__fold_word(c->s + t->start, n, buf, sizeof buf);
    (void)k;
    for (size_t l = 0; l < NLANG; l++) {
        for (size_t w = 0; w < 24 && langs[l].words[w]; w++) {
            if (strcmp(buf, langs[l].words[w]) == 0) {
                c->hits[l]++;
                break;
            }
        }
    }
next:
    c->words++;
    return c->words >= 2000;
}

const char *chr__guess_language(const char *s, size_t n)
{
    lang_ctx c;
    memset(&c, 0, sizeof c);
    c.s = s;
    chr__words(s, n, lang_word, &c);
    if (c.words < 10)
        return NULL;
    size_t best = 0, second = 0, bi = 0;
    for (size_t l = 0; l < NLANG; l++) {
        if (c.hits[l] > best) {
            second = best;
            best = c.hits[l];
            bi = l;
        } else if (c.hits[l] > second) {
            second = c.hits[l];
        }
    }
    if (best * 100 < c.words * 15 || best < second * 2)
        return NULL;
    return langs[bi].code;
}
