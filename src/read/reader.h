/* reader.h — private to src/read/: the bounded buffered byte stream that
 * every input is read through (zlib gzread, so plain and gzip files alike),
 * format sniffing, id derivation, and the JSON-lines and WARC containers
 * that chr_source_next() (source.c) drives. Not used outside src/read/. */
#ifndef CHR_READER_H
#define CHR_READER_H

#include "base/base.h"

#include <zlib.h>

/* ---- stream.c: a sliding window over a gzFile ---------------------------
 * Bytes [start, end) of `buf` are read and not yet consumed; `off` is the
 * (uncompressed) offset of buf[start] in the stream. The buffer never grows
 * past `cap_limit` bytes, so one stream holds at most that much input. */
typedef struct chr__stream {
    gzFile gz;
    char *buf;
    size_t start, end, cap;
    size_t cap_limit;
    unsigned long long off;
    int eof;        /* the underlying file is exhausted */
    int failed;     /* a read error happened; msg says which */
    char msg[160];
} chr__stream;

/* Opens `path` (fd < 0) or a dup of `fd` (fd >= 0, e.g. stdin). Returns
 * CHR_OK, CHR_IO (err filled with strerror, where = `name`) or CHR_NOMEM. */
chr_status chr__stream_open(chr__stream *st, const char *path, int fd,
                            const char *name, size_t cap_limit,
                            chr_error *err);
void chr__stream_close(chr__stream *st);
/* Makes at least `want` bytes available unless the stream ends first.
 * CHR_OK (check chr__stream_avail), CHR_TOOBIG when want > cap_limit,
 * CHR_NOMEM, or CHR_IO when reading failed (st->msg). */
chr_status chr__stream_fill(chr__stream *st, size_t want);
static inline size_t chr__stream_avail(const chr__stream *st)
{
    return st->end - st->start;
}
static inline const char *chr__stream_data(const chr__stream *st)
{
    return st->buf + st->start;
}
void chr__stream_consume(chr__stream *st, size_t n);
/* The next line (without its '\n'). *adv gets the bytes to consume for it
 * (line plus newline); the line stays in the buffer until consumed.
 * Returns CHR_OK, CHR_DONE at the end of the stream, CHR_IO, CHR_NOMEM, or
 * CHR_TOOBIG for a line longer than `limit`: that line has then already
 * been read away (never held whole), *adv is 0 and *len its length. */
chr_status chr__stream_line(chr__stream *st, size_t limit, const char **line,
                            size_t *len, size_t *adv);
/* Compressed (on-disk) bytes consumed so far, for progress. */
unsigned long long chr__stream_disk_offset(const chr__stream *st);

/* ---- input.c ---- */
/* What the start of a stream looks like: HTML, WARC, JSONL or TEXT. */
chr_format chr__sniff_format(const char *head, size_t n);
/* 1 when s[0..n) holds only ASCII whitespace and UTF-8 BOMs. */
int chr__is_blank(const char *s, size_t n);
/* The id of a single-document file: basename minus known extensions
 * ("a/b/report.html.gz" -> "report"). malloc'd; NULL on NOMEM. */
char *chr__id_from_path(const char *path);
/* 1 when a file met in a directory walk is read as an input (see input.c). */
int chr__is_input_name(const char *name);
/* A new zeroed input with a copy of data[0..len) (NUL-terminated). */
chr_input *chr__input_new(chr_format format, int is_html, const char *data,
                          size_t len);
/* strdup that accepts NULL; returns 0 on NOMEM (when s was non-NULL). */
int chr__set_str(char **dst, const char *s);

/* ---- jsonl.c: one JSON object a line ---- */
typedef struct chr__jsonl {
    long long line;   /* 1-based number of the last line read */
    int saw_content;  /* a non-blank line was seen */
    const char *path; /* for error locations (borrowed) */
    const char *base; /* id prefix (borrowed) */
} chr__jsonl;

/* The next document of the stream: CHR_OK with *out, CHR_DONE at the end
 * (CHR_EMPTY once when the stream held no non-blank line), or one error
 * with err->where "path:LINE". Call again after an error. */
chr_status chr__jsonl_next(chr__jsonl *j, chr__stream *st, const chr_config *cfg,
                           chr_input **out, chr_error *err);

/* ---- warc.c: WARC records, keeping HTML responses ---- */
typedef struct chr__warc {
    long long records;   /* records seen, all types (errors name these) */
    long long responses; /* response records seen (ids name these) */
    unsigned long long skipped;
    const char *path;
    const char *base;
} chr__warc;

/* Same contract as chr__jsonl_next(); err->where is "path#N" with N the
 * 1-based ordinal of the record among all records of the file, and pos its
 * byte offset (uncompressed). Non-HTML records add to w->skipped. */
chr_status chr__warc_next(chr__warc *w, chr__stream *st, const chr_config *cfg,
                          chr_input **out, chr_error *err);

/* warc_http.c: the HTML body of an HTTP response block, or NULL when the
 * response is not a 2xx HTML page (then *skip is 1). The body is decoded
 * (chunked, gzip/deflate) and at most `limit` bytes; malloc'd into *body.
 * Returns CHR_OK, CHR_PARSE (msg in err, no where), CHR_TOOBIG, CHR_NOMEM. */
chr_status chr__http_html(const char *block, size_t len, size_t limit,
                          char **body, size_t *body_len, int *skip,
                          chr_error *err);

#endif
