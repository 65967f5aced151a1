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
        chr__token t = {.start = i};
        if (c0 < 0x80) { /* an ASCII letter or digit: no decoding */
            t.upper_initial = c0 >= 'A' && c0 <= 'Z';
            t.numeric = c0 >= '0' && c0 <= '9';
        } else {
            size_t len = chr__utf8_decode(s + i, n - i, &cp);
            if (!is_word_cp(cp, &cat)) {
                i += len;
                continue;
            }
            t.upper_initial = is_upper_cp(cp);
            t.numeric = cp >= '0' && cp <= '9';
        }
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
                if (c != '\'' && c != '-')
                    break; /* space or punctuation: the word ends */
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

/* English function words by length (each list NULL-terminated): a
 * lookup compares only words of the right length and first letter. */
static const char *const stop_1[] = {
    "a", "i", NULL};
static const char *const stop_2[] = {
    "am", "an", "as", "at", "be", "by", "do", "he", "if", "in", "is", "it",
    "me", "mr", "ms", "my", "no", "of", "on", "or", "so", "to", "up", "us",
    "we", NULL};
static const char *const stop_3[] = {
    "all", "and", "any", "are", "but", "can", "did", "few", "for", "had",
    "has", "her", "him", "his", "how", "its", "may", "mrs", "nor", "not",
    "now", "off", "one", "our", "out", "own", "she", "the", "too", "was",
    "who", "why", "yet", "you", NULL};
static const char *const stop_4[] = {
    "also", "been", "both", "does", "down", "each", "even", "ever", "from",
    "have", "here", "hers", "into", "it's", "just", "more", "most", "much",
    "must", "once", "only", "ours", "over", "said", "same", "says", "some",
    "such", "than", "that", "them", "then", "they", "this", "upon", "very",
    "were", "what", "when", "whom", "will", "with", "your", NULL};
static const char *const stop_5[] = {
    "about", "above", "after", "again", "being", "below", "could", "doing",
    "might", "other", "since", "still", "their", "there", "these", "those",
    "under", "until", "where", "which", "while", "whose", "would", "yours",
    NULL};
static const char *const stop_6[] = {
    "before", "during", "having", "itself", "myself", "should", "theirs", NULL};
static const char *const stop_7[] = {
    "against", "between", "further", "herself", "himself", "however",
    "through", NULL};
static const char *const stop_8[] = {
    NULL};
static const char *const stop_9[] = {
    "ourselves", NULL};
static const char *const stop_10[] = {
    "themselves", NULL};
static const char *const *const stop_by_len[] = {
    NULL, stop_1, stop_2, stop_3, stop_4, stop_5, stop_6, stop_7, stop_8, stop_9, stop_10};

int chr__is_stopword(const char *folded, size_t n)
{
    if (n == 0 || n >= CHR__ARRAY_LEN(stop_by_len))
        return 0;
    for (const char *const *w = stop_by_len[n]; *w; w++)
        if ((*w)[0] == folded[0] && memcmp(*w, folded, n) == 0)
            return 1;
    return 0;
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
