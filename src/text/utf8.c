/* utf8.c — UTF-8 decoding, repair of invalid input, binary detection.
 *
 * Decision: a byte that does not start a valid UTF-8 sequence is decoded as
 * Windows-1252 (a superset of Latin-1 for printable text), because scraped
 * legacy pages are far more often in that encoding than corrupted; the five
 * bytes Windows-1252 leaves undefined become U+FFFD. Whitespace variants
 * (NBSP, thin spaces, ideographic space) become a plain space; zero-width
 * characters, BOMs and soft hyphens are dropped; the result is NFC (text
 * without combining marks or conjoining jamo is NFC already, so only text
 * holding them goes through utf8proc). */
#include "text/text.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

static const uint16_t cp1252[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

/* Length of a valid UTF-8 sequence at s (1..4), or 0 when invalid. */
static size_t utf8_valid_len(const unsigned char *s, size_t n, int32_t *cp)
{
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t len;
    int32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
        v = c & 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        v = c & 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        v = c & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

size_t chr__utf8_decode(const char *s, size_t n, int32_t *cp)
{
    size_t len = utf8_valid_len((const unsigned char *)s, n, cp);
    if (len)
        return len;
    *cp = 0xFFFD;
    return 1;
}

int chr__looks_binary(const char *s, size_t n)
{
    size_t lim = n < 65536 ? n : 65536;
    size_t ctrl = 0, invalid = 0;
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < lim;) {
        unsigned char c = p[i];
        if (c >= 0x20 && c < 0x80) { /* printable ASCII: the common case */
            i++;
            continue;
        }
        if (c == 0)
            return 1;
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' &&
            c != 0x1B) {
            ctrl++;
            i++;
            continue;
        }
        int32_t cp;
        size_t len = utf8_valid_len(p + i, lim - i, &cp);
        if (!len) {
            /* a sequence cut by the 64 KiB window is not evidence */
            if (lim - i < 4 && lim < n)
                break;
            invalid++;
            len = 1;
        }
        i += len;
    }
    if (lim == 0)
        return 0;
    return ctrl * 10 > lim || invalid * 5 > lim;
}

static size_t put_utf8(char *out, int32_t cp)
{
    return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)out);
}

char *chr__utf8_clean(const char *s, size_t n, chr__arena *a, size_t *outlen)
{
    /* worst case: each byte becomes a 3-byte code point */
    if (n > (SIZE_MAX - 1) / 3)
        return NULL;
    char *tmp = malloc(n * 3 + 1);
    if (!tmp)
        return NULL;
    const unsigned char *p = (const unsigned char *)s;
    size_t o = 0;
    int needs_nfc = 0; /* a combining mark or conjoining jamo was seen */
    for (size_t i = 0; i < n;) {
        /* a run of printable ASCII is copied as it is */
        size_t run = i;
        while (run < n && p[run] >= 0x20 && p[run] < 0x7F)
            run++;
        if (run > i) {
            memcpy(tmp + o, p + i, run - i);
            o += run - i;
            i = run;
            if (i >= n)
                break;
        }
        int32_t cp;
        size_t len = utf8_valid_len(p + i, n - i, &cp);
        if (!len) {
            unsigned char c = p[i];
            cp = c >= 0x80 && c < 0xA0 ? cp1252[c - 0x80] : c;
            len = 1;
        }
        i += len;
        if (cp == '\r') {
            if (i < n && p[i] == '\n')
                i++;
            cp = '\n';
        }
        if (cp < 0x20 && cp != '\n' && cp != '\t')
            continue;
        if (cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
            continue;
        if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
            cp == 0x205F || cp == 0x3000)
            cp = ' ';
        if (cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 ||
            cp == 0xFEFF || cp == 0xAD)
            continue;
        if (cp == 0x2028 || cp == 0x2029)
            cp = '\n';
        if (cp >= 0x300 && !needs_nfc) {
            utf8proc_category_t cat = utf8proc_category(cp);
            needs_nfc = cat == UTF8PROC_CATEGORY_MN ||
                        cat == UTF8PROC_CATEGORY_MC ||
                        cat == UTF8PROC_CATEGORY_ME ||
                        (cp >= 0x1100 && cp <= 0x11FF);
        }
        o += put_utf8(tmp + o, cp);
    }
    tmp[o] = '\0';
    char *res = NULL;
    /* NFC can only change text that holds combining marks or jamo */
    if (needs_nfc) {
        utf8proc_uint8_t *nfc = NULL;
        utf8proc_ssize_t m = utf8proc_map((const utf8proc_uint8_t *)tmp,
                                          (utf8proc_ssize_t)o, &nfc,
                                          UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        if (m >= 0 && nfc) {
            res = chr__arena_strndup(a, (const char *)nfc, (size_t)m);
            *outlen = (size_t)m;
            free(nfc);
            free(tmp);
            return res;
        }
        free(nfc);
    }
    res = chr__arena_strndup(a, tmp, o);
    *outlen = o;
    free(tmp);
    return res;
}
