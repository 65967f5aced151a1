/* lang.c — language guess from function-word frequencies.
 *
 * Decision: a short list of the most frequent function words of seven
 * European languages, counted over the first 600 words. A language wins
 * when it covers at least 15% of the words and twice the runner-up; below
 * that the answer is "unknown" (NULL), never a guess. The table is searched
 * inline (text/strtab.h) behind a first-letter/length filter. */
#include "text/text.h"
#include "text/strtab.h"

#include <stdlib.h>
#include <string.h>

#define MAX_WORDS 600

static const char *const lang_codes[] = {"en", "fr", "de", "es", "it", "pt", "nl"};
#define NLANG (sizeof lang_codes / sizeof lang_codes[0])

/* Function words, folded like chr__fold_word (accents stripped), sorted by
 * bytes for bsearch; the mask says which languages use each word. */
typedef struct lang_word {
    const char *word;
    unsigned mask;
} lang_word;

static const lang_word words[] = {
    {"a", 0x20}, {"aan", 0x40}, {"al", 0x08}, {"alla", 0x10}, {"als", 0x40},
    {"an", 0x01}, {"anche", 0x10}, {"and", 0x01}, {"ao", 0x20}, {"are", 0x01},
    {"as", 0x21}, {"at", 0x01}, {"au", 0x02}, {"auch", 0x04}, {"auf", 0x04},
    {"aux", 0x02}, {"avec", 0x02}, {"be", 0x01}, {"bij", 0x40}, {"by", 0x01},
    {"ce", 0x02}, {"che", 0x10}, {"com", 0x20}, {"come", 0x10},
    {"como", 0x08}, {"con", 0x18}, {"da", 0x30}, {"dans", 0x02},
    {"das", 0x24}, {"dat", 0x40}, {"de", 0x6a}, {"dei", 0x10}, {"del", 0x18},
    {"della", 0x10}, {"dem", 0x04}, {"den", 0x04}, {"der", 0x04},
    {"des", 0x06}, {"di", 0x10}, {"die", 0x04}, {"do", 0x20}, {"door", 0x40},
    {"dos", 0x20}, {"du", 0x02}, {"e", 0x30}, {"een", 0x40}, {"ein", 0x04},
    {"eine", 0x04}, {"el", 0x08}, {"elle", 0x02}, {"em", 0x20}, {"en", 0x48},
    {"er", 0x40}, {"es", 0x0c}, {"est", 0x02}, {"et", 0x02}, {"foi", 0x20},
    {"for", 0x01}, {"from", 0x01}, {"fue", 0x08}, {"fur", 0x04},
    {"gli", 0x10}, {"ha", 0x10}, {"have", 0x01}, {"he", 0x01},
    {"heeft", 0x40}, {"het", 0x40}, {"his", 0x01}, {"il", 0x12}, {"im", 0x04},
    {"in", 0x41}, {"is", 0x41}, {"ist", 0x04}, {"it", 0x01}, {"la", 0x1a},
    {"las", 0x08}, {"le", 0x12}, {"les", 0x02}, {"lo", 0x08}, {"los", 0x08},
    {"mais", 0x20}, {"mas", 0x08}, {"met", 0x40}, {"mit", 0x04}, {"na", 0x20},
    {"naar", 0x40}, {"nach", 0x04}, {"nao", 0x20}, {"nel", 0x10},
    {"nicht", 0x04}, {"niet", 0x40}, {"no", 0x20}, {"non", 0x10}, {"o", 0x20},
    {"of", 0x01}, {"om", 0x40}, {"on", 0x01}, {"ook", 0x40}, {"op", 0x40},
    {"os", 0x20}, {"par", 0x02}, {"para", 0x28}, {"pas", 0x02}, {"per", 0x10},
    {"pero", 0x08}, {"piu", 0x10}, {"por", 0x28}, {"pour", 0x02},
    {"que", 0x2a}, {"qui", 0x02}, {"se", 0x28}, {"si", 0x10}, {"sich", 0x04},
    {"sie", 0x04}, {"sono", 0x10}, {"sont", 0x02}, {"su", 0x08},
    {"sur", 0x02}, {"sus", 0x08}, {"te", 0x40}, {"that", 0x01}, {"the", 0x01},
    {"this", 0x01}, {"to", 0x01}, {"um", 0x20}, {"uma", 0x20}, {"un", 0x1a},
    {"una", 0x18}, {"und", 0x04}, {"une", 0x02}, {"van", 0x40}, {"von", 0x04},
    {"voor", 0x40}, {"was", 0x01}, {"werden", 0x04}, {"which", 0x01},
    {"wird", 0x04}, {"with", 0x01}, {"wordt", 0x40}, {"y", 0x08},
    {"zijn", 0x40}, {"zu", 0x04},
};

typedef struct lang_ctx {
    const char *s;
    size_t words;
    size_t hits[NLANG];
    chr__strtab_filter filter; /* of words[]: most words skip the search */
} lang_ctx;

static int count_word(void *ctx, const chr__token *t)
{
    lang_ctx *c = ctx;
    char buf[32];
    size_t n = t->end - t->start;
    if (n < 16) {
        size_t k = chr__fold_word(c->s + t->start, n, buf, sizeof buf);
        const lang_word *w =
            chr__strtab_may_hold(&c->filter, buf, strnlen(buf, k))
                ? chr__strtab_find(buf, words, CHR__ARRAY_LEN(words),
                                   sizeof words[0])
                : NULL;
        for (size_t l = 0; w && l < NLANG; l++)
            if (w->mask & (1u << l))
                c->hits[l]++;
    }
    c->words++;
    return c->words >= MAX_WORDS;
}

const char *chr__guess_language(const char *s, size_t n)
{
    lang_ctx c;
    memset(&c, 0, sizeof c);
    c.s = s;
    chr__strtab_filter_init(&c.filter, words, CHR__ARRAY_LEN(words),
                            sizeof words[0]);
    chr__words(s, n, count_word, &c);
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
    return lang_codes[bi];
}
