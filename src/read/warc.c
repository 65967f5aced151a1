/* warc.c — WARC records (plain or gzip, through the same gzread stream).
 * A record is "WARC/1.x" header lines, a blank line, Content-Length bytes
 * of block, and a blank-line trailer. Only response records carrying an
 * HTML page become documents; the others are counted as skipped. A
 * truncated or malformed record is one error ("file#N", byte offset), after
 * which reading resumes at the next line that starts with "WARC/1.". */
#include "read/reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_HEADER (64 * 1024)
#define MAX_URI 8192

typedef struct header {
    size_t hlen;          /* bytes up to and including the blank line */
    long long clen;       /* Content-Length, -1 when absent or invalid */
    int is_response;
    const char *uri;      /* into the stream buffer, not NUL-terminated */
    size_t uri_len;
} header;

/* Skips the current line (when skip_first), then every line up to the next
 * one that starts with "WARC/1.". */
static void resync(chr__stream *st, int skip_first)
{
    const char *line;
    size_t len, adv;
    int first = skip_first;
    for (;;) {
        chr_status s = chr__stream_line(st, MAX_HEADER, &line, &len, &adv);
        if (s == CHR_TOOBIG) {
            first = 0;
            continue;
        }
        if (s != CHR_OK)
            return;
        if (!first && chr__starts_with(line, len, "WARC/1."))
            return;
        first = 0;
        chr__stream_consume(st, adv);
    }
}

static long long parse_len(const char *s, size_t n)
{
    s = chr__trim(s, &n);
    if (n == 0 || n > 18)
        return -1;
    long long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* Parses the header block at the start of the buffer. 0 when it has no
 * end within MAX_HEADER bytes. */
static int parse_header(const char *d, size_t avail, header *h)
{
    memset(h, 0, sizeof *h);
    h->clen = -1;
    size_t i = 0;
    int first = 1;
    while (i < avail) {
        const char *nl = memchr(d + i, '\n', avail - i);
        if (!nl)
            return 0;
        size_t e = (size_t)(nl - d);
        size_t len = e - i;
        const char *line = d + i;
        if (len && line[len - 1] == '\r')
            len--;
        i = e + 1;
        if (first) {
            first = 0;
            continue; /* the WARC/1.x version line */
        }
        if (len == 0) {
            h->hlen = i;
            return 1;
        }
        const char *colon = memchr(line, ':', len);
        if (!colon)
            continue;
        size_t nlen = (size_t)(colon - line);
        const char *v = colon + 1;
        size_t vlen = len - nlen - 1;
        v = chr__trim(v, &vlen);
        if (chr__ieq(line, nlen, "Content-Length"))
            h->clen = parse_len(v, vlen);
        else if (chr__ieq(line, nlen, "WARC-Type"))
            h->is_response = chr__ieq(v, vlen, "response");
        else if (chr__ieq(line, nlen, "WARC-Target-URI")) {
            if (vlen >= 2 && v[0] == '<' && v[vlen - 1] == '>') {
                v++;
                vlen -= 2;
            }
            h->uri = v;
            h->uri_len = vlen > MAX_URI ? MAX_URI : vlen;
        }
    }
    return 0;
}

/* 1 when the block ends at k: followed by the standard blank-line trailer,
 * or by blank lines and then the next record or the end of the stream. */
static int trailer_ok(chr__stream *st, size_t k)
{
    chr__stream_fill(st, k + 16);
    const char *d = chr__stream_data(st);
    size_t avail = chr__stream_avail(st);
    if (chr__starts_with(d + k, avail - k, "\r\n\r\n") ||
        chr__starts_with(d + k, avail - k, "\n\n"))
        return 1;
    size_t lim = k + 16;
    while (k < avail && k < lim && (d[k] == '\r' || d[k] == '\n'))
        k++;
    if (k == avail)
        return st->eof;
    if (k >= lim)
        return 1;
    if (chr__stream_fill(st, k + 5) != CHR_OK)
        return 0;
    d = chr__stream_data(st);
    return chr__starts_with(d + k, chr__stream_avail(st) - k, "WARC/");
}

static chr_status skip_bytes(chr__stream *st, unsigned long long n)
{
    while (n > 0) {
        if (chr__stream_avail(st) == 0) {
            if (st->eof)
                return CHR_OK;
            chr_status s = chr__stream_fill(st, 64 * 1024);
            if (s != CHR_OK)
                return s;
            continue;
        }
        size_t k = chr__stream_avail(st);
        if (k > n)
            k = (size_t)n;
        chr__stream_consume(st, k);
        n -= k;
    }
    return CHR_OK;
}

static chr_status make_input(chr__warc *w, const header *h, char *body,
                             size_t blen, chr_input **out)
{
    chr_input *in = calloc(1, sizeof *in);
    if (!in) {
        free(body);
        return CHR_NOMEM;
    }
    in->format = CHR_FORMAT_WARC;
    in->is_html = 1;
    in->data = body;
    in->len = blen;
    size_t k = strlen(w->base) + 24;
    in->id = malloc(k);
    if (in->id)
        snprintf(in->id, k, "%s#%lld", w->base, w->responses);
    if (h->uri_len) {
        in->url = strndup(h->uri, h->uri_len);
        in->origin = in->url ? strdup(in->url) : NULL;
    } else {
        k = strlen(w->path) + 24;
        in->origin = malloc(k);
        if (in->origin)
            snprintf(in->origin, k, "%s#%lld", w->path, w->responses);
    }
    if (!in->id || !in->origin || (h->uri_len && !in->url)) {
        chr_input_free(in);
        return CHR_NOMEM;
    }
    *out = in;
    return CHR_OK;
}

chr_status chr__warc_next(chr__warc *w, chr__stream *st, const chr_config *cfg,
                          chr_input **out, chr_error *err)
{
    char where[sizeof err->where];
    for (;;) {
        const char *line;
        size_t len, adv;
        chr_status s = chr__stream_line(st, MAX_HEADER, &line, &len, &adv);
        if (s == CHR_DONE)
            return CHR_DONE;
        if (s == CHR_IO) {
            chr__fail(err, CHR_IO, w->path, (long long)st->off, "%s",
                      st->msg[0] ? st->msg : "read error");
            st->failed = 0;
            st->msg[0] = '\0';
            return CHR_IO;
        }
        if (s == CHR_NOMEM)
            return chr__fail(err, CHR_NOMEM, w->path, -1, "out of memory");
        long long off = (long long)st->off;
        if (s == CHR_OK) {
            size_t tl = len;
            chr__trim(line, &tl);
            if (tl == 0) {
                chr__stream_consume(st, adv);
                continue;
            }
        }
        w->records++;
        snprintf(where, sizeof where, "%s#%lld", w->path, w->records);
        if (s == CHR_TOOBIG || !chr__starts_with(line, len, "WARC/")) {
            if (s == CHR_TOOBIG)
                off -= (long long)len + 1;
            resync(st, s != CHR_TOOBIG);
            return chr__fail(err, CHR_PARSE, where, off,
                             "expected a WARC/1.x record header at byte %lld",
                             off);
        }
        s = chr__stream_fill(st, MAX_HEADER);
        if (s == CHR_NOMEM)
            return chr__fail(err, CHR_NOMEM, where, off, "out of memory");
        header h;
        if (!parse_header(chr__stream_data(st), chr__stream_avail(st), &h)) {
            resync(st, 1);
            return chr__fail(err, CHR_PARSE, where, off,
                             "record header has no end (truncated?)");
        }
        if (h.is_response)
            w->responses++; /* ids count response records, broken or not */
        if (h.clen < 0) {
            resync(st, 1);
            return chr__fail(err, CHR_PARSE, where, off,
                             "record has no valid Content-Length");
        }
        if ((unsigned long long)h.clen > cfg->max_doc_bytes) {
            chr__stream_consume(st, h.hlen);
            skip_bytes(st, (unsigned long long)h.clen);
            return chr__fail(err, CHR_TOOBIG, where, off,
                             "record is %lld bytes, limit is %zu", h.clen,
                             cfg->max_doc_bytes);
        }
        size_t total = h.hlen + (size_t)h.clen;
        s = chr__stream_fill(st, total);
        if (s == CHR_NOMEM)
            return chr__fail(err, CHR_NOMEM, where, off, "out of memory");
        if (chr__stream_avail(st) < total) {
            size_t got = chr__stream_avail(st) - h.hlen;
            resync(st, 1);
            return chr__fail(err, CHR_PARSE, where, off,
                             "truncated record: Content-Length is %lld, "
                             "only %zu bytes follow",
                             h.clen, got);
        }
        if (!trailer_ok(st, total)) {
            resync(st, 1);
            return chr__fail(err, CHR_PARSE, where, off,
                             "record does not end where its Content-Length "
                             "(%lld) says",
                             h.clen);
        }
        /* parse_header's pointers may have moved with the fills */
        parse_header(chr__stream_data(st), chr__stream_avail(st), &h);
        if (!h.is_response) {
            w->skipped++;
            chr__stream_consume(st, total);
            continue;
        }
        char *body = NULL;
        size_t blen = 0;
        int skip = 0;
        s = chr__http_html(chr__stream_data(st) + h.hlen, (size_t)h.clen,
                           cfg->max_doc_bytes, &body, &blen, &skip, err);
        if (s == CHR_OK && skip) {
            w->skipped++;
            chr__stream_consume(st, total);
            continue;
        }
        if (s == CHR_OK)
            s = make_input(w, &h, body, blen, out);
        chr__stream_consume(st, total);
        if (s != CHR_OK) {
            char msg[sizeof err->msg];
            snprintf(msg, sizeof msg, "%s",
                     s == CHR_NOMEM ? "out of memory"
                     : err && err->msg[0] ? err->msg : "bad HTTP response");
            return chr__fail(err, s, where, off, "%s", msg);
        }
        return CHR_OK;
    }
}
