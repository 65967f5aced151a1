/* warc_http.c — the HTTP response inside a WARC response record: status
 * line and headers skipped, chunked transfer-encoding and gzip/deflate
 * content-encoding undone (bounded), and only 2xx HTML pages kept. */
#include "read/reader.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

typedef struct http {
    int status;
    int chunked;
    int gzip;     /* 1 gzip/x-gzip, 2 deflate */
    int has_type;
    int is_html;
} http;

static size_t find_blank_line(const char *b, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (b[i] != '\n')
            continue;
        if (b[i + 1] == '\n')
            return i + 2;
        if (i + 2 < n && b[i + 1] == '\r' && b[i + 2] == '\n')
            return i + 3;
    }
    return 0;
}

static void parse_headers(const char *b, size_t n, http *h)
{
    size_t i = 0;
    int first = 1;
    while (i < n) {
        const char *nl = memchr(b + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - b) : n;
        const char *line = b + i;
        size_t len = e - i;
        i = e + 1;
        if (first) { /* "HTTP/1.1 200 OK" */
            first = 0;
            const char *sp = memchr(line, ' ', len);
            if (sp) {
                int code = 0;
                const char *p = sp + 1;
                for (int k = 0; k < 3 && p < line + len && *p >= '0' &&
                                *p <= '9'; k++, p++)
                    code = code * 10 + (*p - '0');
                h->status = code;
            }
            continue;
        }
        const char *colon = memchr(line, ':', len);
        if (!colon)
            continue;
        size_t nl2 = (size_t)(colon - line);
        size_t vlen = len - nl2 - 1;
        const char *v = chr__trim(colon + 1, &vlen);
        if (chr__ieq(line, nl2, "Content-Type")) {
            const char *semi = memchr(v, ';', vlen);
            size_t tl = semi ? (size_t)(semi - v) : vlen;
            v = chr__trim(v, &tl);
            h->has_type = 1;
            h->is_html = chr__ieq(v, tl, "text/html") ||
                         chr__ieq(v, tl, "application/xhtml+xml") ||
                         chr__ieq(v, tl, "application/xhtml");
        } else if (chr__ieq(line, nl2, "Transfer-Encoding")) {
            for (size_t k = 0; k + 7 <= vlen; k++)
                if (chr__ieq(v + k, 7, "chunked"))
                    h->chunked = 1;
        } else if (chr__ieq(line, nl2, "Content-Encoding")) {
            if (chr__ieq(v, vlen, "gzip") || chr__ieq(v, vlen, "x-gzip"))
                h->gzip = 1;
            else if (chr__ieq(v, vlen, "deflate"))
                h->gzip = 2;
        }
    }
}

/* Undoes chunked encoding into out (at most n bytes). Returns the decoded
 * length, or (size_t)-1 when the body is not chunked after all. */
static size_t dechunk(const char *b, size_t n, char *out)
{
    size_t i = 0, o = 0;
    for (;;) {
        size_t size = 0, digits = 0;
        while (i < n) {
            char c = b[i];
            int v = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : -1;
            if (v < 0)
                break;
            if (size > n)
                return (size_t)-1;
            size = size * 16 + (size_t)v;
            digits++;
            i++;
        }
        if (!digits)
            return o ? o : (size_t)-1;
        const char *nl = memchr(b + i, '\n', n - i); /* skip extensions */
        if (!nl)
            return o ? o : (size_t)-1;
        i = (size_t)(nl - b) + 1;
        if (size == 0)
            return o;
        if (size > n - i)
            size = n - i; /* cut short: keep what is there */
        memcpy(out + o, b + i, size);
        o += size;
        i += size;
        while (i < n && (b[i] == '\r' || b[i] == '\n'))
            i++;
        if (i >= n)
            return o;
    }
}

/* Inflates gzip or zlib (mode 1) or raw deflate (retry) into a new buffer
 * of at most `limit` bytes. */
static chr_status inflate_body(const char *b, size_t n, size_t limit,
                               char **out, size_t *olen, chr_error *err)
{
    for (int attempt = 0; attempt < 2; attempt++) {
        z_stream zs;
        memset(&zs, 0, sizeof zs);
        if (inflateInit2(&zs, attempt == 0 ? 32 + 15 : -15) != Z_OK)
            return chr__fail(err, CHR_NOMEM, NULL, -1, "out of memory");
        chr_buf buf;
        chr_buf_init(&buf, limit);
        zs.next_in = (Bytef *)(uintptr_t)b;
        zs.avail_in = (uInt)(n > UINT32_MAX ? UINT32_MAX : n);
        char tmp[65536];
        int zr = Z_OK;
        chr_status st = CHR_OK;
        while (zr == Z_OK) {
            zs.next_out = (Bytef *)tmp;
            zs.avail_out = sizeof tmp;
            zr = inflate(&zs, Z_NO_FLUSH);
            size_t got = sizeof tmp - zs.avail_out;
            if (got && (st = chr_buf_append(&buf, tmp, got)) != CHR_OK)
                break;
            if (zr == Z_STREAM_END && zs.avail_in > 0 &&
                (unsigned char)zs.next_in[0] == 0x1f) {
                inflateReset(&zs); /* another gzip member */
                zr = Z_OK;
            }
            if (zr == Z_BUF_ERROR && zs.avail_in == 0)
                zr = Z_STREAM_END; /* truncated: keep what we have */
        }
        inflateEnd(&zs);
        if (st != CHR_OK) {
            chr_buf_free(&buf);
            if (st == CHR_TOOBIG)
                return chr__fail(err, st, NULL, -1,
                                 "decompressed page is more than %zu bytes",
                                 limit);
            return chr__fail(err, st, NULL, -1, "out of memory");
        }
        if (zr == Z_STREAM_END) {
            *out = chr_buf_detach(&buf, olen);
            return *out ? CHR_OK : CHR_NOMEM;
        }
        chr_buf_free(&buf);
    }
    return chr__fail(err, CHR_PARSE, NULL, -1,
                     "cannot decompress the page (bad gzip/deflate data)");
}

chr_status chr__http_html(const char *block, size_t len, size_t limit,
                          char **body, size_t *body_len, int *skip,
                          chr_error *err)
{
    *body = NULL;
    *body_len = 0;
    *skip = 0;
    http h = {200, 0, 0, 0, 0};
    const char *p = block;
    size_t n = len;
    if (chr__starts_with(block, len, "HTTP/")) {
        size_t hl = find_blank_line(block, len);
        if (!hl)
            return chr__fail(err, CHR_PARSE, NULL, -1,
                             "HTTP headers have no end");
        h.status = 0;
        parse_headers(block, hl, &h);
        p = block + hl;
        n = len - hl;
    }
    if (h.status < 200 || h.status > 299 || (h.has_type && !h.is_html)) {
        *skip = 1;
        return CHR_OK;
    }
    char *tmp = NULL;
    if (h.chunked) {
        tmp = malloc(n + 1);
        if (!tmp)
            return chr__fail(err, CHR_NOMEM, NULL, -1, "out of memory");
        size_t dl = dechunk(p, n, tmp);
        if (dl != (size_t)-1) {
            p = tmp;
            n = dl;
        }
    }
    char *res = NULL;
    size_t rlen = 0;
    if (h.gzip && (h.gzip == 2 || (n >= 2 && (unsigned char)p[0] == 0x1f &&
                                   (unsigned char)p[1] == 0x8b))) {
        chr_status st = inflate_body(p, n, limit, &res, &rlen, err);
        if (st != CHR_OK) {
            free(tmp);
            return st;
        }
    } else {
        if (n > limit) {
            free(tmp);
            return chr__fail(err, CHR_TOOBIG, NULL, -1,
                             "page is %zu bytes, limit is %zu", n, limit);
        }
        res = malloc(n + 1);
        if (!res) {
            free(tmp);
            return chr__fail(err, CHR_NOMEM, NULL, -1, "out of memory");
        }
        memcpy(res, p, n);
        res[n] = '\0';
        rlen = n;
    }
    free(tmp);
    if (chr__is_blank(res, rlen) ||
        (!h.has_type && chr__sniff_format(res, rlen < 65536 ? rlen : 65536) !=
                            CHR_FORMAT_HTML)) {
        free(res);
        *skip = 1;
        return CHR_OK;
    }
    *body = res;
    *body_len = rlen;
    return CHR_OK;
}
