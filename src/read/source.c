/* source.c — chr_source: the list of inputs (files, directories walked in
 * name order, "-" for stdin) and chr_source_next(), which reads single
 * documents whole (bounded) and streams JSON-lines and WARC containers.
 *
 * Order of checks for one path: open-time stat error (CHR_IO); for .html
 * names, size above max_doc_bytes (CHR_TOOBIG, file not opened); then the
 * first 16 KiB are read (gunzipped when gzip): blank -> CHR_EMPTY, binary
 * (not for WARC) -> CHR_BINARY, format sniffed unless the name decides;
 * JSONL and WARC are streamed, anything else is one document, refused
 * above max_doc_bytes by its size on disk or, when compressed or a pipe,
 * after reading limit+1 bytes. stdin's id and origin are "stdin". Symbolic
 * links to directories are not followed inside a walk (loops); other
 * special files found in a walk are ignored. */
#include "read/reader.h"
#include "text/text.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SNIFF_BYTES (16 * 1024)
#define MAX_DIR_DEPTH 64
#define HEADER_SLACK ((size_t)1 << 20)

typedef struct entry {
    char *path;
    int err;     /* errno found at open time, 0 when none */
    int is_stdin;
    int is_reg;
    unsigned long long size;
} entry;

enum { CUR_NONE, CUR_JSONL, CUR_WARC };

struct chr_source {
    chr_config cfg;
    entry *entries;
    size_t n, cap, next;
    chr_source_stats stats;
    unsigned long long done_base; /* bytes of finished entries */
    /* the container being streamed */
    int cur;
    entry *ce;
    chr__stream st;
    char *base; /* id prefix of the current entry */
    chr__jsonl jsonl;
    chr__warc warc;
};

/* ---- opening: expand paths into entries ---- */

static int add_entry(chr_source *s, const char *path, int err, int is_stdin,
                     int is_reg, unsigned long long size)
{
    if (s->n == s->cap) {
        size_t nc = s->cap ? s->cap * 2 : 16;
        entry *ne = realloc(s->entries, nc * sizeof *ne);
        if (!ne)
            return 0;
        s->entries = ne;
        s->cap = nc;
    }
    entry *e = &s->entries[s->n];
    e->path = strdup(path);
    if (!e->path)
        return 0;
    e->err = err;
    e->is_stdin = is_stdin;
    e->is_reg = is_reg;
    e->size = size;
    s->n++;
    if (is_reg)
        s->stats.bytes_total += size;
    return 1;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join_path(const char *dir, const char *name)
{
    size_t dl = strlen(dir), nl = strlen(name);
    int slash = dl > 0 && dir[dl - 1] != '/';
    char *p = malloc(dl + slash + nl + 1);
    if (!p)
        return NULL;
    memcpy(p, dir, dl);
    if (slash)
        p[dl] = '/';
    memcpy(p + dl + slash, name, nl + 1);
    return p;
}

/* Returns 0 on out-of-memory only; other problems become error entries. */
static int walk_dir(chr_source *s, const char *dir, int depth)
{
    if (depth > MAX_DIR_DEPTH)
        return 1;
    DIR *d = opendir(dir);
    if (!d)
        return add_entry(s, dir, errno ? errno : EIO, 0, 0, 0);
    char **names = NULL;
    size_t n = 0, cap = 0;
    int ok = 1;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue; /* hidden, "." and ".." */
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 32;
            char **nn = realloc(names, nc * sizeof *nn);
            if (!nn) {
                ok = 0;
                break;
            }
            names = nn;
            cap = nc;
        }
        if (!(names[n] = strdup(de->d_name))) {
            ok = 0;
            break;
        }
        n++;
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_names);
    for (size_t i = 0; i < n && ok; i++) {
        char *p = join_path(dir, names[i]);
        if (!p) {
            ok = 0;
            break;
        }
        struct stat lst, st;
        if (lstat(p, &lst) != 0) {
            ok = add_entry(s, p, errno, 0, 0, 0);
        } else if (stat(p, &st) != 0) {
            ok = add_entry(s, p, errno, 0, 0, 0); /* dangling link */
        } else if (S_ISDIR(st.st_mode)) {
            if (!S_ISLNK(lst.st_mode)) /* linked dirs could loop */
                ok = walk_dir(s, p, depth + 1);
        } else if (S_ISREG(st.st_mode)) {
            if (chr__is_input_name(names[i]))
                ok = add_entry(s, p, 0, 0, 1, (unsigned long long)st.st_size);
            else
                s->stats.skipped++;
        }
        free(p);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return ok;
}

chr_status chr_source_open(chr_source **out, const char *const *paths,
                           size_t npaths, const chr_config *cfg)
{
    if (!out)
        return CHR_INVALID;
    *out = NULL;
    chr_source *s = calloc(1, sizeof *s);
    if (!s)
        return CHR_NOMEM;
    if (cfg)
        s->cfg = *cfg;
    else
        chr_config_init(&s->cfg);
    if (!s->cfg.max_doc_bytes)
        s->cfg.max_doc_bytes = (size_t)16 << 20;
    if (!s->cfg.max_line_bytes)
        s->cfg.max_line_bytes = s->cfg.max_doc_bytes;
    for (size_t i = 0; i < npaths; i++) {
        const char *p = paths[i];
        int ok;
        struct stat st;
        if (!p || !*p)
            ok = add_entry(s, p ? p : "", ENOENT, 0, 0, 0);
        else if (strcmp(p, "-") == 0)
            ok = add_entry(s, "-", 0, 1, 0, 0);
        else if (stat(p, &st) != 0)
            ok = add_entry(s, p, errno, 0, 0, 0);
        else if (S_ISDIR(st.st_mode))
            ok = walk_dir(s, p, 0);
        else
            ok = add_entry(s, p, 0, 0, S_ISREG(st.st_mode) ? 1 : 0,
                           S_ISREG(st.st_mode) ? (unsigned long long)st.st_size
                                               : 0);
        if (!ok) {
            chr_source_free(s);
            return CHR_NOMEM;
        }
    }
    *out = s;
    return CHR_OK;
}

static void end_current(chr_source *s)
{
    if (s->ce && s->ce->is_reg)
        s->done_base += s->ce->size;
    chr__stream_close(&s->st);
    free(s->base);
    s->base = NULL;
    s->cur = CUR_NONE;
    s->ce = NULL;
}

void chr_source_free(chr_source *src)
{
    if (!src)
        return;
    end_current(src);
    for (size_t i = 0; i < src->n; i++)
        free(src->entries[i].path);
    free(src->entries);
    free(src);
}

void chr_source_stats_get(const chr_source *src, chr_source_stats *st)
{
    if (!st)
        return;
    memset(st, 0, sizeof *st);
    if (!src)
        return;
    *st = src->stats;
    st->bytes_done = src->done_base;
    if (src->ce && src->ce->is_reg && src->st.gz) {
        unsigned long long o = chr__stream_disk_offset(&src->st);
        st->bytes_done += o < src->ce->size ? o : src->ce->size;
    }
    st->skipped = src->stats.skipped + src->warc.skipped;
    if (st->bytes_done > st->bytes_total)
        st->bytes_done = st->bytes_total;
}

/* ---- reading ---- */

static int has_ext(const char *path, const char *ext)
{
    size_t n = strlen(path), k = strlen(ext);
    return n > k && chr__ieq(path + n - k, k, ext);
}

/* -1 when the extension decides nothing (sniff). *gz: a .gz name. */
static int format_from_name(const char *path, int *gz)
{
    *gz = has_ext(path, ".gz");
    size_t n = strlen(path) - (*gz ? 3 : 0);
    char tmp[32];
    const char *dot = NULL;
    for (size_t i = n; i > 0 && n - i < sizeof tmp - 1; i--) {
        if (path[i - 1] == '/')
            break;
        if (path[i - 1] == '.') {
            dot = path + i - 1;
            break;
        }
    }
    if (!dot)
        return -1;
    size_t k = (size_t)(path + n - dot);
    memcpy(tmp, dot, k);
    tmp[k] = '\0';
    if (chr__ieq(tmp, k, ".html") || chr__ieq(tmp, k, ".htm") ||
        chr__ieq(tmp, k, ".xhtml"))
        return CHR_FORMAT_HTML;
    if (chr__ieq(tmp, k, ".jsonl") || chr__ieq(tmp, k, ".ndjson") ||
        chr__ieq(tmp, k, ".json"))
        return CHR_FORMAT_JSONL;
    if (chr__ieq(tmp, k, ".warc"))
        return CHR_FORMAT_WARC;
    return -1;
}

static chr_status stream_fail(chr_source *s, const char *name, chr_error *err)
{
    return chr__fail(err, CHR_IO, name, -1, "%s",
                     s->st.msg[0] ? s->st.msg : "read error");
}

/* Reads the rest of the current stream as one document. */
static chr_status read_single(chr_source *s, entry *e, const char *name,
                              chr_format fmt, int gz, chr_input **out,
                              chr_error *err)
{
    size_t lim = s->cfg.max_doc_bytes;
    if (e->is_reg && !gz && e->size > lim)
        return chr__fail(err, CHR_TOOBIG, name, -1,
                         "file is %llu bytes, limit is %zu", e->size, lim);
    chr_status st = chr__stream_fill(&s->st, lim + 1);
    if (st == CHR_IO)
        return stream_fail(s, name, err);
    if (st != CHR_OK)
        return chr__fail(err, st, name, -1, "%s", chr_strerror(st));
    size_t n = chr__stream_avail(&s->st);
    const char *d = chr__stream_data(&s->st);
    if (n > lim)
        return chr__fail(err, CHR_TOOBIG, name, -1,
                         "%s is more than %zu bytes (the limit)",
                         gz ? "decompressed input" : "input", lim);
    if (chr__is_blank(d, n))
        return chr__fail(err, CHR_EMPTY, name, -1, "empty file");
    if (chr__looks_binary(d, n))
        return chr__fail(err, CHR_BINARY, name, -1,
                         "binary data (NUL bytes)");
    chr_input *in = chr__input_new(fmt, fmt == CHR_FORMAT_HTML, d, n);
    if (!in)
        return chr__fail(err, CHR_NOMEM, name, -1, "out of memory");
    in->id = e->is_stdin ? strdup("stdin") : chr__id_from_path(e->path);
    in->origin = strdup(name);
    if (!in->id || !in->origin) {
        chr_input_free(in);
        return chr__fail(err, CHR_NOMEM, name, -1, "out of memory");
    }
    *out = in;
    return CHR_OK;
}

/* Opens the next entry: returns a document, an error, or CHR_OK with
 * *out NULL when a container was started (the caller then streams it). */
static chr_status start_entry(chr_source *s, entry *e, chr_input **out,
                              chr_error *err)
{
    const char *name = e->is_stdin ? "stdin" : e->path;
    if (e->err)
        return chr__fail(err, CHR_IO, name, -1, "%s", strerror(e->err));
    int gz = 0;
    int fmt = e->is_stdin ? -1 : format_from_name(e->path, &gz);
    if (fmt == CHR_FORMAT_HTML && e->is_reg && !gz &&
        e->size > s->cfg.max_doc_bytes)
        return chr__fail(err, CHR_TOOBIG, name, -1,
                         "file is %llu bytes, limit is %zu", e->size,
                         s->cfg.max_doc_bytes);
    size_t big = s->cfg.max_doc_bytes > s->cfg.max_line_bytes
                     ? s->cfg.max_doc_bytes
                     : s->cfg.max_line_bytes;
    chr_status st = chr__stream_open(&s->st, e->path, e->is_stdin ? 0 : -1,
                                     name, big + HEADER_SLACK, err);
    if (st != CHR_OK)
        return st;
    s->ce = e;
    st = chr__stream_fill(&s->st, SNIFF_BYTES);
    if (st == CHR_IO)
        return stream_fail(s, name, err);
    if (st != CHR_OK)
        return chr__fail(err, st, name, -1, "%s", chr_strerror(st));
    const char *head = chr__stream_data(&s->st);
    size_t hn = chr__stream_avail(&s->st);
    if (s->st.eof && chr__is_blank(head, hn))
        return chr__fail(err, CHR_EMPTY, name, -1, "empty file");
    if (fmt < 0)
        fmt = (int)chr__sniff_format(head, hn);
    /* WARC records carry images and compressed bodies: never refuse those */
    if (fmt != CHR_FORMAT_WARC && chr__looks_binary(head, hn))
        return chr__fail(err, CHR_BINARY, name, -1,
                         "binary data (NUL bytes)");
    if (fmt == CHR_FORMAT_JSONL || fmt == CHR_FORMAT_WARC) {
        s->base = e->is_stdin ? strdup("stdin") : chr__id_from_path(e->path);
        if (!s->base)
            return chr__fail(err, CHR_NOMEM, name, -1, "out of memory");
        if (fmt == CHR_FORMAT_JSONL) {
            memset(&s->jsonl, 0, sizeof s->jsonl);
            s->jsonl.path = name;
            s->jsonl.base = s->base;
            s->cur = CUR_JSONL;
        } else {
            s->stats.skipped += s->warc.skipped;
            memset(&s->warc, 0, sizeof s->warc);
            s->warc.path = name;
            s->warc.base = s->base;
            s->cur = CUR_WARC;
        }
        return CHR_OK;
    }
    return read_single(s, e, name, (chr_format)fmt, gz, out, err);
}

chr_status chr_source_next(chr_source *src, chr_input **out, chr_error *err)
{
    if (!src || !out)
        return chr__fail(err, CHR_INVALID, NULL, -1, "no source");
    *out = NULL;
    chr_error_clear(err);
    for (;;) {
        if (src->cur != CUR_NONE) {
            chr_status st =
                src->cur == CUR_JSONL
                    ? chr__jsonl_next(&src->jsonl, &src->st, &src->cfg, out,
                                      err)
                    : chr__warc_next(&src->warc, &src->st, &src->cfg, out,
                                     err);
            if (st != CHR_DONE)
                return st;
            end_current(src);
            continue;
        }
        if (src->next >= src->n)
            return CHR_DONE;
        entry *e = &src->entries[src->next++];
        chr_status st = start_entry(src, e, out, err);
        if (st == CHR_OK && src->cur != CUR_NONE && !*out)
            continue; /* a container: stream it */
        int opened = src->ce != NULL;
        end_current(src);
        if (!opened && e->is_reg)
            src->done_base += e->size; /* refused before opening */
        if (st == CHR_OK && !*out)
            continue;
        return st;
    }
}
