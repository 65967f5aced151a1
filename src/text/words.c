/* words.c — word tokens, folding, stop words, identity hash of a text. */
#include "text/text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#define XXH_INLINE_ALL
#include <xxhash.h>

static int is_word_cp(int32_t cp, utf8proc_category_t *cat)
{
    if (cp < 0x80) {
        *cat = 0;
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
               (cp >= '0' && cp <= '9');
    }
    utf8proc_category_t c = utf8proc_category(cp);
    *cat = c;
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO);
}

static int is_upper_cp(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
           utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

static int is_letter_cp(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

size_t chr__words(const char *s, size_t n,
                  int (*cb)(void *ctx, const chr__token *t), void *ctx)
{
    size_t count = 0, i = 0;
    while (i < n) {
        int32_t cp;
        utf8proc_category_t cat;
        unsigned char c0 = (unsigned char)s[i];
        if (c0 < 0x80 && !((c0 | 32) >= 'a' && (c0 | 32) <= 'z') &&
            !(c0 >= '0' && c0 <= '9')) {
            i++; /* ASCII space or punctuation */
            continue;
        }
        size_t len = chr__utf8_decode(s + i, n - i, &cp);
        if (!is_word_cp(cp, &cat)) {
            i += len;
            continue;
        }
        chr__token t = {.start = i};
        t.upper_initial = is_upper_cp(cp);
        t.numeric = cp >= '0' && cp <= '9';
        int letters = 0, uppers = 0;
        size_t j = i;
        while (j < n) {
            unsigned char c = (unsigned char)s[j];
            if (c < 0x80) { /* ASCII letters and digits: the common case */
                int lo = c >= 'a' && c <= 'z', up = c >= 'A' && c <= 'Z';
                if (lo || up || (c >= '0' && c <= '9')) {
                    letters += lo || up;
                    uppers += up;
                    j++;
                    continue;
                }
            }
            size_t l = chr__utf8_decode(s + j, n - j, &cp);
            if (is_word_cp(cp, &cat)) {
                if (is_letter_cp(cp)) {
                    letters++;
                    uppers += is_upper_cp(cp);
                }
                j += l;
                continue;
            }
            /* inner apostrophe or hyphen followed by a word character */
            if (cp == '\'' || cp == 0x2019 || cp == '-' || cp == 0x2010) {
                int32_t nx;
                if (j + l < n) {
                    chr__utf8_decode(s + j + l, n - j - l, &nx);
                    if (is_word_cp(nx, &cat)) {
                        j += l;
                        continue;
                    }
                }
            }
            break;
        }
        t.end = j;
        t.all_upper = letters >= 2 && uppers == letters;
        count++;
        if (cb && cb(ctx, &t))
            break;
        i = j;
    }
    return count;
}

size_t chr__fold_word(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    if (cap == 0)
        return 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if (o + 1 >= cap)
                break;
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        int32_t cp;
        i += chr__utf8_decode(s + i, n - i, &cp);
        if (cp == 0x2019) { /* typographic apostrophe */
            if (o + 1 >= cap)
                break;
            out[o++] = '\'';
            continue;
        }
        utf8proc_int32_t dec[8];
        int last = 0;
        utf8proc_ssize_t k = utf8proc_decompose_char(
            cp, dec, 8,
            UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE |
                UTF8PROC_STRIPMARK,
            &last);
        if (k < 0 || k > 8)
            continue;
        for (utf8proc_ssize_t q = 0; q < k; q++) {
            unsigned char tmp[4];
            utf8proc_ssize_t w = utf8proc_encode_char(dec[q], tmp);
            if (o + (size_t)w >= cap)
                goto done;
            memcpy(out + o, tmp, (size_t)w);
            o += (size_t)w;
        }
    }
done:
    out[o] = '\0';
    return o;
}

/* English function words, sorted for bsearch. */
static const char *const stop_en[] = {
    "a", "about", "above", "after", "again", "against", "all", "also", "am",
    "an", "and", "any", "are", "as", "at", "be", "been", "before", "being",
    "below", "between", "both", "but", "by", "can", "could", "did", "do",
    "does", "doing", "down", "during", "each", "even", "ever", "few", "for",
    "from", "further", "had", "has", "have", "having", "he", "her", "here",
    "hers", "herself", "him", "himself", "his", "how", "however", "i", "if",
    "in", "into", "is", "it", "it's", "its", "itself", "just", "may",
    "me", "might", "more", "most", "mr", "mrs", "ms", "much", "must", "my",
    "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "one",
    "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
    "said", "same", "says", "she", "should", "since", "so", "some", "still",
    "such", "than", "that", "the", "their", "theirs", "them", "themselves",
    "then", "there", "these", "they", "this", "those", "through", "to",
    "too", "under", "until", "up", "upon", "us", "very", "was", "we",
    "were", "what", "when", "where", "which", "while", "who", "whom",
    "whose", "why", "will", "with", "would", "yet", "you", "your", "yours",
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int chr__is_stopword(const char *folded, size_t n)
{
    char key[32];
    if (n >= sizeof key)
        return 0;
    memcpy(key, folded, n);
    key[n] = '\0';
    const char *k = key;
    return bsearch(&k, stop_en, CHR__ARRAY_LEN(stop_en), sizeof stop_en[0],
                   cmp_str) != NULL;
}

typedef struct hash_ctx {
    const char *s;
    XXH3_state_t *st;
    int first;
} hash_ctx;

static int hash_word(void *ctx, const chr__token *t)
{
    hash_ctx *h = ctx;
    char buf[256];
    size_t k = chr__fold_word(h->s + t->start, t->end - t->start, buf,
                              sizeof buf);
    if (!h->first)
        XXH3_128bits_update(h->st, " ", 1);
    h->first = 0;
    XXH3_128bits_update(h->st, buf, k);
    return 0;
}

void chr__text_hash128(const char *s, size_t n, uint64_t *hi, uint64_t *lo)
{
    XXH3_state_t st;
    XXH3_128bits_reset(&st);
    hash_ctx h = {s, &st, 1};
    chr__words(s, n, hash_word, &h);
    XXH128_hash_t r = XXH3_128bits_digest(&st);
    *hi = r.high64;
    *lo = r.low64;
}
