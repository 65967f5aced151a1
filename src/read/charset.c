/* charset.c — HTML bytes to UTF-8 before libxml2 sees them. libxml2's own
 * conversion reports bad bytes through its global error handler (it would
 * print) and stops at the first undefined byte, so the page is converted
 * here: valid UTF-8 is kept; else the declared charset (meta charset,
 * http-equiv, XML declaration, UTF-16 BOM) through iconv, with U+FFFD for
 * bytes it refuses; undeclared or Latin-1 family pages as windows-1252. */
#include "read/html_int.h"
#include "text/text.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

/* windows-1252 0x80-0x9F; undefined bytes map to the C1 code point as
 * browsers do. */
static const unsigned short cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static size_t put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    o[0] = (char)(0xE0 | (cp >> 12));
    o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

static char *from_cp1252(const char *d, size_t n, size_t *outlen)
{
    char *out = malloc(n * 3 + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        unsigned cp = c >= 0x80 && c < 0xA0 ? cp1252_high[c - 0x80] : c;
        o += put_utf8(out + o, cp);
    }
    out[o] = '\0';
    *outlen = o;
    return out;
}

static char *from_iconv(iconv_t cd, const char *d, size_t n, size_t *outlen)
{
    size_t cap = n * 4 + 16;
    char *out = malloc(cap);
    if (!out)
        return NULL;
    char *in = (char *)(uintptr_t)d, *op = out;
    size_t inleft = n, outleft = cap - 1;
    while (inleft > 0) {
        size_t r = iconv(cd, &in, &inleft, &op, &outleft);
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG || outleft < 3)
            break; /* cannot happen with 4x room; stop rather than loop */
        /* EILSEQ / EINVAL: one bad byte becomes U+FFFD */
        memcpy(op, "\xEF\xBF\xBD", 3);
        op += 3;
        outleft -= 3;
        in++;
        inleft--;
        iconv(cd, NULL, NULL, NULL, NULL);
    }
    *op = '\0';
    *outlen = (size_t)(op - out);
    return out;
}

static int utf8_valid(const char *d, size_t n)
{
    for (size_t i = 0; i < n;) {
        /* eight ASCII bytes at a time */
        uint64_t w;
        if (i + 8 <= n && (memcpy(&w, d + i, 8), !(w & 0x8080808080808080ULL))) {
            i += 8;
            continue;
        }
        if ((unsigned char)d[i] < 0x80) {
            i++;
            continue;
        }
        int32_t cp;
        size_t k = chr__utf8_decode(d + i, n - i, &cp);
        if (cp == 0xFFFD && k == 1)
            return 0;
        i += k;
    }
    return 1;
}

/* iconv's output is not always valid UTF-8: glibc's UCS-4 decoder passes
 * values above U+10FFFF through as 5- and 6-byte sequences. Replaces every
 * byte that does not start a valid sequence with U+FFFD, in a new buffer
 * (the old one is freed); NULL on out-of-memory. */
static char *repair_utf8(char *d, size_t n, size_t *outlen)
{
    if (utf8_valid(d, n)) {
        *outlen = n;
        return d;
    }
    char *out = malloc(n * 3 + 1);
    if (!out) {
        free(d);
        return NULL;
    }
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        int32_t cp;
        size_t k = chr__utf8_decode(d + i, n - i, &cp);
        if (cp == 0xFFFD && k == 1 && (unsigned char)d[i] >= 0x80) {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
        } else {
            memcpy(out + o, d + i, k);
            o += k;
        }
        i += k;
    }
    out[o] = '\0';
    free(d);
    *outlen = o;
    return out;
}

/* The charset named after "charset=" or XML "encoding=" in the first 4 KiB,
 * copied into name[cap]; 0 when none. */
static int declared(const char *d, size_t n, char *name, size_t cap)
{
    size_t lim = n < 4096 ? n : 4096;
    for (size_t j = 0; j + 8 < lim; j++) {
        size_t k;
        if (chr__ieq(d + j, 7, "charset"))
            k = j + 7;
        else if (chr__ieq(d + j, 8, "encoding"))
            k = j + 8;
        else
            continue;
        while (k < lim && (d[k] == ' ' || d[k] == '='))
            k++;
        while (k < lim && (d[k] == '"' || d[k] == '\''))
            k++;
        size_t o = 0;
        while (k < lim && o + 1 < cap &&
               ((d[k] >= 'a' && d[k] <= 'z') || (d[k] >= 'A' && d[k] <= 'Z') ||
                (d[k] >= '0' && d[k] <= '9') || d[k] == '-' || d[k] == '_' ||
                d[k] == '.' || d[k] == ':'))
            name[o++] = d[k++];
        name[o] = '\0';
        if (o)
            return 1;
    }
    return 0;
}

static int latin_family(const char *cs)
{
    static const char *const names[] = {
        "windows-1252", "cp1252", "iso-8859-1", "iso8859-1", "latin1",
        "latin-1", "us-ascii", "ascii", "iso-8859-15", "utf-8", "utf8",
        "x-cp1252", "l1",
    };
    for (size_t i = 0; i < CHR__ARRAY_LEN(names); i++)
        if (chr__ieq(cs, strlen(cs), names[i]))
            return 1;
    return 0;
}

char *chr__html_to_utf8(const char *d, size_t n, size_t *outlen, int *nomem)
{
    *nomem = 0;
    *outlen = 0;
    const char *from = NULL;
    char name[48];
    if (n >= 2 && (((unsigned char)d[0] == 0xFF && (unsigned char)d[1] == 0xFE) ||
                   ((unsigned char)d[0] == 0xFE && (unsigned char)d[1] == 0xFF)))
        from = "UTF-16";
    else if (utf8_valid(d, n))
        return NULL;
    else if (declared(d, n, name, sizeof name) && !latin_family(name))
        from = name;
    char *out = NULL;
    if (from) {
        iconv_t cd = iconv_open("UTF-8", from);
        if (cd != (iconv_t)-1) {
            out = from_iconv(cd, d, n, outlen);
            iconv_close(cd);
            if (out)
                out = repair_utf8(out, *outlen, outlen);
            if (!out)
                *nomem = 1;
            return out;
        }
    }
    out = from_cp1252(d, n, outlen);
    if (!out)
        *nomem = 1;
    return out;
}
