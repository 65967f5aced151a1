/* stream.c — a bounded, buffered byte stream over zlib's gzFile. gzread
 * reads plain files unchanged and gunzips gzip files (multi-member too), so
 * every input goes through here. The window never grows past cap_limit:
 * a zip bomb or a 2 GB line costs at most that much memory. */
#include "read/reader.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHUNK (128 * 1024)

chr_status chr__stream_open(chr__stream *st, const char *path, int fd,
                            const char *name, size_t cap_limit,
                            chr_error *err)
{
    memset(st, 0, sizeof *st);
    st->cap_limit = cap_limit < CHUNK ? CHUNK : cap_limit;
    errno = 0;
    if (fd >= 0) {
        int d = dup(fd);
        if (d < 0)
            return chr__fail(err, CHR_IO, name, -1, "%s", strerror(errno));
        st->gz = gzdopen(d, "rb");
        if (!st->gz)
            close(d);
    } else {
        /* open(2) first: gzopen's errno is not reliable on every zlib */
        int d = open(path, O_RDONLY | O_CLOEXEC);
        if (d < 0)
            return chr__fail(err, CHR_IO, name, -1, "%s", strerror(errno));
        st->gz = gzdopen(d, "rb");
        if (!st->gz)
            close(d);
    }
    if (!st->gz)
        return chr__fail(err, errno ? CHR_IO : CHR_NOMEM, name, -1, "%s",
                         errno ? strerror(errno) : "out of memory");
    gzbuffer(st->gz, CHUNK);
    return CHR_OK;
}

void chr__stream_close(chr__stream *st)
{
    if (!st)
        return;
    if (st->gz)
        gzclose(st->gz);
    free(st->buf);
    memset(st, 0, sizeof *st);
}

/* Room for `need` bytes after buf[start]: compacts, then grows. */
static chr_status make_room(chr__stream *st, size_t need)
{
    if (st->start > 0 && (st->cap - st->end < CHUNK || st->start >= st->cap / 2)) {
        memmove(st->buf, st->buf + st->start, st->end - st->start);
        st->end -= st->start;
        st->start = 0;
    }
    if (st->cap - st->start >= need)
        return CHR_OK;
    size_t want = st->start + need;
    size_t ncap = st->cap ? st->cap : CHUNK;
    while (ncap < want)
        ncap *= 2;
    if (ncap > st->cap_limit + 1)
        ncap = st->cap_limit + 1;
    if (ncap < want)
        return CHR_TOOBIG;
    char *nb = realloc(st->buf, ncap);
    if (!nb)
        return CHR_NOMEM;
    st->buf = nb;
    st->cap = ncap;
    return CHR_OK;
}

/* zlib's message without the "<fd:3>: " it puts before it (the stream is
 * opened from a descriptor; callers name the file themselves). */
static const char *gz_msg(const char *m, int zerr)
{
    if (zerr == Z_BUF_ERROR)
        return "compressed data is truncated (unexpected end of file)";
    if (m && strncmp(m, "<fd:", 4) == 0) {
        const char *c = strstr(m, ": ");
        if (c)
            return c + 2;
    }
    return m && *m ? m : "read error";
}

chr_status chr__stream_fill(chr__stream *st, size_t want)
{
    if (want > st->cap_limit)
        return CHR_TOOBIG;
    while (chr__stream_avail(st) < want && !st->eof) {
        size_t need = want;
        /* read whole chunks, but never past the limit */
        if (need < chr__stream_avail(st) + CHUNK)
            need = chr__stream_avail(st) + CHUNK;
        if (need > st->cap_limit)
            need = st->cap_limit;
        chr_status s = make_room(st, need);
        if (s != CHR_OK)
            return s;
        size_t room = st->cap - st->end;
        if (room > INT_MAX / 2)
            room = INT_MAX / 2;
        int got = gzread(st->gz, st->buf + st->end, (unsigned)room);
        if (got < 0) {
            int zerr = 0;
            const char *m = gzerror(st->gz, &zerr);
            snprintf(st->msg, sizeof st->msg, "%s",
                     zerr == Z_ERRNO ? strerror(errno) : gz_msg(m, zerr));
            st->failed = 1;
            st->eof = 1;
            return CHR_IO;
        }
        if (got == 0) {
            st->eof = 1;
            /* a gzip stream cut short reads as EOF with Z_BUF_ERROR */
            int zerr = 0;
            const char *m = gzerror(st->gz, &zerr);
            if (zerr != Z_OK && zerr != Z_STREAM_END) {
                snprintf(st->msg, sizeof st->msg, "%s", gz_msg(m, zerr));
                st->failed = 1;
                return CHR_IO;
            }
            break;
        }
        st->end += (size_t)got;
    }
    return CHR_OK;
}

void chr__stream_consume(chr__stream *st, size_t n)
{
    size_t avail = chr__stream_avail(st);
    if (n > avail)
        n = avail;
    st->start += n;
    st->off += n;
    if (st->start == st->end)
        st->start = st->end = 0;
}

chr_status chr__stream_line(chr__stream *st, size_t limit, const char **line,
                            size_t *len, size_t *adv)
{
    size_t scanned = 0;
    *line = NULL;
    *len = *adv = 0;
    for (;;) {
        size_t avail = chr__stream_avail(st);
        const char *d = chr__stream_data(st);
        const char *nl = memchr(d + scanned, '\n', avail - scanned);
        if (nl) {
            size_t l = (size_t)(nl - d);
            if (l > limit)
                break; /* overlong but complete: skip it below */
            *line = d;
            *len = l;
            *adv = l + 1;
            return CHR_OK;
        }
        scanned = avail;
        if (avail > limit)
            break;
        if (st->eof) {
            if (avail == 0)
                return st->failed ? CHR_IO : CHR_DONE;
            *line = d;
            *len = *adv = avail;
            return CHR_OK;
        }
        size_t want = avail + CHUNK;
        if (want > limit + 1)
            want = limit + 1;
        if (want <= avail)
            want = avail + 1;
        chr_status s = chr__stream_fill(st, want);
        if (s == CHR_TOOBIG)
            break;
        if (s != CHR_OK)
            return s;
        if (chr__stream_avail(st) == avail && !st->eof)
            return CHR_IO;
    }
    /* overlong: read it away without keeping it */
    size_t total = 0;
    for (;;) {
        size_t avail = chr__stream_avail(st);
        const char *d = chr__stream_data(st);
        const char *nl = memchr(d, '\n', avail);
        if (nl) {
            size_t l = (size_t)(nl - d);
            total += l;
            chr__stream_consume(st, l + 1);
            break;
        }
        total += avail;
        chr__stream_consume(st, avail);
        if (st->eof)
            break;
        chr_status s = chr__stream_fill(st, CHUNK);
        if (s != CHR_OK)
            return s;
    }
    *len = total;
    return CHR_TOOBIG;
}

unsigned long long chr__stream_disk_offset(const chr__stream *st)
{
    if (!st->gz)
        return 0;
    z_off_t o = gzoffset(st->gz);
    return o < 0 ? 0 : (unsigned long long)o;
}
