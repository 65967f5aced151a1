/* places_fold.h — the key of a place name, shared by the build-time
 * generator (tools/gen_places.c, which folds every gazetteer name and lays
 * out the hash table) and the lookup (src/resources/places.c, which folds
 * the name it is asked for): both must compute it byte for byte alike, so
 * it lives here once, header-only, with no project headers (the host tool
 * includes it; it needs utf8proc only).
 *
 * Folding: letters and digits are case-folded and stripped of their marks
 * (utf8proc NFKC casefold, then the marks dropped: "Türkiye" -> "turkiye",
 * "Chișinău" -> "chisinau"); letters that do not decompose get their usual
 * Latin transliteration (ł l, ø o, đ d, ð d, ħ h, ı i, æ ae, œ oe, þ th);
 * dots and apostrophes (' ’ ‘ ʻ ʼ `) vanish ("St." "st", "D.C." "dc",
 * "Xi'an" "xian"); every other character separates words, and words are
 * joined by one space ("Nur-Sultan" = "Nur Sultan"). Then the words "st"
 * "ste" "mt" "ft" become "saint" "sainte" "mount" "fort" ("St. Louis" =
 * "Saint Louis"), and a leading "the" is dropped ("The Hague" = "Hague",
 * "the Gambia" = "Gambia"). Keys longer than CHR__PLACE_KEY_MAX - 1 bytes
 * are cut (the generator leaves such names out).
 *
 * The hash is FNV-1a over the key's bytes, 64-bit, folded to 32 bits. */
#ifndef CHR_PLACES_FOLD_H
#define CHR_PLACES_FOLD_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#define CHR__PLACE_KEY_MAX 96

static inline uint32_t chr__place_hash(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3u;
    }
    return (uint32_t)(h ^ (h >> 32));
}

/* Appends the folded form of code point cp to b[*o..cap); 0 when full. */
static inline int chr__place_fold_cp(int32_t cp, char *b, size_t *o,
                                     size_t cap)
{
    static const struct { int32_t cp; const char *to; } extra[] = {
        {0x0141, "l"}, {0x0142, "l"}, {0x00D8, "o"}, {0x00F8, "o"},
        {0x0110, "d"}, {0x0111, "d"}, {0x00D0, "d"}, {0x00F0, "d"},
        {0x0126, "h"}, {0x0127, "h"}, {0x0131, "i"}, {0x00C6, "ae"},
        {0x00E6, "ae"}, {0x0152, "oe"}, {0x0153, "oe"}, {0x00DE, "th"},
        {0x00FE, "th"}, {0x013F, "l"}, {0x0140, "l"}};
    for (size_t k = 0; k < sizeof extra / sizeof extra[0]; k++)
        if (extra[k].cp == cp) {
            size_t m = strlen(extra[k].to);
            if (*o + m >= cap)
                return 0;
            memcpy(b + *o, extra[k].to, m);
            *o += m;
            return 1;
        }
    utf8proc_int32_t dec[8];
    int last = 0;
    utf8proc_ssize_t k = utf8proc_decompose_char(
        cp, dec, 8,
        UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE |
            UTF8PROC_STRIPMARK,
        &last);
    if (k < 0 || k > 8)
        return 1;
    for (utf8proc_ssize_t q = 0; q < k; q++) {
        unsigned char tmp[4];
        utf8proc_ssize_t w = utf8proc_encode_char(dec[q], tmp);
        if (w <= 0)
            continue;
        if (*o + (size_t)w >= cap)
            return 0;
        memcpy(b + *o, tmp, (size_t)w);
        *o += (size_t)w;
    }
    return 1;
}

static inline int chr__place_is_wordchar(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
               (cp >= '0' && cp <= '9');
    utf8proc_category_t c = utf8proc_category(cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
           c == UTF8PROC_CATEGORY_ND;
}

static inline int chr__place_is_silent(int32_t cp)
{
    return cp == '.' || cp == '\'' || cp == '`' || cp == 0x2019 ||
           cp == 0x2018 || cp == 0x02BB || cp == 0x02BC || cp == 0x00B4;
}

/* Folds s[0..n) into out[cap] (NUL-terminated); returns the key's length
 * (0 when nothing is left). cap should be CHR__PLACE_KEY_MAX. */
static inline size_t chr__place_fold(const char *s, size_t n, char *out,
                                     size_t cap)
{
    char tmp[CHR__PLACE_KEY_MAX * 2];
    size_t o = 0;
    int sep = 0;
    if (cap == 0)
        return 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(
            (const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) { /* invalid byte: a separator */
            i++;
            sep = 1;
            continue;
        }
        i += (size_t)k;
        if (chr__place_is_silent(cp))
            continue;
        if (!chr__place_is_wordchar(cp)) {
            sep = 1;
            continue;
        }
        if (sep && o > 0) {
            if (o + 1 >= sizeof tmp)
                break;
            tmp[o++] = ' ';
        }
        sep = 0;
        if (!chr__place_fold_cp(cp, tmp, &o, sizeof tmp))
            break;
    }
    /* word substitutions */
    size_t w = 0;
    for (size_t i = 0; i < o;) {
        size_t j = i;
        while (j < o && tmp[j] != ' ')
            j++;
        const char *word = tmp + i;
        size_t len = j - i;
        const char *rep = NULL;
        if (len == 2 && !memcmp(word, "st", 2))
            rep = "saint";
        else if (len == 3 && !memcmp(word, "ste", 3))
            rep = "sainte";
        else if (len == 2 && !memcmp(word, "mt", 2))
            rep = "mount";
        else if (len == 2 && !memcmp(word, "ft", 2))
            rep = "fort";
        if (i == 0 && j < o && len == 3 && !memcmp(word, "the", 3)) {
            i = j + 1;
            continue;
        }
        if (rep) {
            word = rep;
            len = strlen(rep);
        }
        if (w + (w > 0) + len >= cap)
            break;
        if (w > 0)
            out[w++] = ' ';
        memcpy(out + w, word, len);
        w += len;
        i = j + 1;
    }
    out[w] = '\0';
    return w;
}

#endif
