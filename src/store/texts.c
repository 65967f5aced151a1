/* texts.c — each document's large columns: its cleaned body and its
 * FORMATS.md analysis object, in the table document_texts (schema
 * version 7), apart from the small fields of `documents`.
 *
 * Why a table of their own: a document's row in `documents` is updated
 * after it is stored (story moves, re-assignment, copy links); SQLite
 * rewrites the whole record on an update, overflow pages included, so an
 * 18 KB row made every such update cost 18 KB of writes and kept the
 * `documents` b-tree five pages a row deep. The texts are written once,
 * at add time, and never updated: `document_texts` is append-only.
 *
 * The analysis is stored compressed with zstd (level 1: on synthetic news
 * 11.6 KB of JSON become 2.9 KB, level 3 gains under 1 % more and
 * zlib -6 as much at three times the CPU), behind a 6-byte header:
 *   byte 0     0x00  — no JSON text begins with a NUL, so a value without
 *                      the header is plain JSON (stores migrated from
 *                      version 6 keep their rows as they were);
 *   byte 1     codec — 1 = zstd (other values are refused);
 *   bytes 2-5  length of the JSON, little-endian.
 * An analysis that would not shrink (tiny ones) is stored plain.
 * chr__analysis_json() gives every reader the JSON back either way.
 *
 * The body stays plain TEXT: the copy detector reads candidates' bodies
 * on the ingest path (those not in its feature cache) and a body is a
 * fifth of the analysis. */
#include "store/store.h"

#include <stdlib.h>
#include <string.h>
#include <zstd.h>

#define PACK_MAGIC 0x00
#define PACK_ZSTD 1
#define PACK_HEAD 6
#define PACK_LEVEL 1
#define PACK_MIN 64 /* shorter analyses are stored plain */
/* largest analysis unpacked: a 16 MiB document's analysis is a few times
   its size; a damaged header must not make us allocate gigabytes */
#define ANALYSIS_MAX ((size_t)512 << 20)

void chr__texts_free(chr_store *st)
{
    ZSTD_freeCCtx(st->zcc);
    st->zcc = NULL;
    ZSTD_freeDCtx(st->zdc);
    st->zdc = NULL;
    chr_buf_free(&st->pack);
}

/* Makes room for n bytes and a NUL in b (its contents are not kept). */
static chr_status reserve(chr_buf *b, size_t n)
{
    if (n > (b->limit ? b->limit : ANALYSIS_MAX))
        return CHR_TOOBIG;
    if (b->cap > n)
        return CHR_OK;
    char *d = realloc(b->data, n + 1);
    if (!d)
        return CHR_NOMEM;
    b->data = d;
    b->cap = n + 1;
    return CHR_OK;
}

/* Packs json into st->pack; returns 0 when it is better stored plain. */
static int pack(chr_store *st, const char *json, size_t len)
{
    if (len < PACK_MIN || len > ANALYSIS_MAX)
        return 0;
    if (!st->zcc && !(st->zcc = ZSTD_createCCtx()))
        return 0;
    size_t bound = ZSTD_compressBound(len);
    if (reserve(&st->pack, PACK_HEAD + bound) != CHR_OK)
        return 0;
    size_t z = ZSTD_compressCCtx(st->zcc, st->pack.data + PACK_HEAD, bound,
                                 json, len, PACK_LEVEL);
    if (ZSTD_isError(z) || PACK_HEAD + z >= len)
        return 0;
    unsigned char *h = (unsigned char *)st->pack.data;
    h[0] = PACK_MAGIC;
    h[1] = PACK_ZSTD;
    for (int i = 0; i < 4; i++)
        h[2 + i] = (unsigned char)(len >> (8 * i));
    st->pack.len = PACK_HEAD + z;
    return 1;
}

chr_status chr__texts_put(chr_store *st, int64_t seq, const char *body,
                          size_t body_len, const char *json, size_t len,
                          chr_error *err)
{
    sqlite3_stmt *s;
    if (chr__prepare(st, "INSERT INTO document_texts(seq, body, analysis) "
                         "VALUES(?, ?, ?)", &s) != SQLITE_OK)
        return chr__db_fail(st, err, "storing the document's text");
    sqlite3_bind_int64(s, 1, seq);
    sqlite3_bind_text(s, 2, body ? body : "", body ? (int)body_len : 0,
                      SQLITE_STATIC);
    if (pack(st, json, len))
        sqlite3_bind_blob(s, 3, st->pack.data, (int)st->pack.len,
                          SQLITE_STATIC);
    else
        sqlite3_bind_blob(s, 3, json ? json : "", json ? (int)len : 0,
                          SQLITE_STATIC);
    int rc = sqlite3_step(s);
    chr__release(st, s);
    return rc == SQLITE_DONE
               ? CHR_OK
               : chr__db_fail(st, err, "storing the document's text");
}

chr_status chr__analysis_json(chr_store *st, const void *stored, size_t n,
                              chr_buf *scratch, const char **json,
                              size_t *len)
{
    const unsigned char *p = stored;
    *json = "";
    *len = 0;
    if (!p || !n)
        return CHR_OK;
    if (p[0] != PACK_MAGIC) { /* plain JSON */
        *json = stored;
        *len = n;
        return CHR_OK;
    }
    if (n < PACK_HEAD)
        return CHR_PARSE;
    if (p[1] != PACK_ZSTD)
        return CHR_UNSUPPORTED;
    size_t want = (size_t)p[2] | (size_t)p[3] << 8 | (size_t)p[4] << 16 |
                  (size_t)p[5] << 24;
    unsigned long long fs = ZSTD_getFrameContentSize(p + PACK_HEAD,
                                                     n - PACK_HEAD);
    if (want > ANALYSIS_MAX || fs != (unsigned long long)want)
        return CHR_PARSE;
    chr_status r = reserve(scratch, want);
    if (r != CHR_OK)
        return r;
    /* the store's context is reused: creating one per call costs more
       than decompressing a typical analysis */
    if (st && !st->zdc && !(st->zdc = ZSTD_createDCtx()))
        return CHR_NOMEM;
    size_t got = !want ? 0
                 : st  ? ZSTD_decompressDCtx(st->zdc, scratch->data, want,
                                             p + PACK_HEAD, n - PACK_HEAD)
                       : ZSTD_decompress(scratch->data, want, p + PACK_HEAD,
                                         n - PACK_HEAD);
    if (ZSTD_isError(got) || got != want)
        return CHR_PARSE;
    scratch->len = want;
    scratch->data[want] = '\0';
    *json = scratch->data;
    *len = want;
    return CHR_OK;
}
