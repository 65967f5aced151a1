/* store.h — internal pieces shared by the store's files. */
#ifndef CHR_STORE_INTERNAL_H
#define CHR_STORE_INTERNAL_H

#include "base/base.h"
#include "corpus/copies.h"
#include "corpus/stories.h"

#include <sqlite3.h>

#define CHR__STMT_CACHE 48

struct chr_store {
    sqlite3 *db;
    /* prepared statements of the ingest path, kept across calls: keyed by
       the address of their SQL text (string literals at the call sites) */
    struct {
        const char *sql;
        sqlite3_stmt *stmt;
        int busy;
    } stmts[CHR__STMT_CACHE];
    chr__stories *idx; /* loaded on the first add */
    struct chr__copylinks *copies; /* copy index, loaded on the first add */
    int in_batch;
    chr_templates *templates;   /* loaded on first use */
    uint64_t *tpl_pending;      /* (site, line) pairs that qualified in
                                   committed batches, not yet applied */
    size_t n_pending, cap_pending;
    size_t batch_pending;       /* pairs added by the open batch */
    struct ZSTD_CCtx_s *zcc; /* analysis compression (texts.c) */
    struct ZSTD_DCtx_s *zdc; /* and decompression */
    chr_buf pack;            /* compressed output */
    char path[1024];
};

/* Fills err from the connection's last error; returns CHR_DB. */
chr_status chr__db_fail(chr_store *st, chr_error *err, const char *what);
/* Runs SQL without results. */
chr_status chr__db_exec(chr_store *st, const char *sql, chr_error *err);
/* Column text or NULL. */
const char *chr__col_text(sqlite3_stmt *s, int i);
/* Binds v to parameter i, NULL when v is. */
void chr__bind_text(sqlite3_stmt *s, int i, const char *v);

/* inputs.c: records that an input with these raw bytes is (a copy of)
 * document `id`, met under its own id `input_id` (may be NULL). */
chr_status chr__remember_input(chr_store *st, uint64_t hash, const char *id,
                               const char *input_id, chr_error *err);
/* inputs.c: records `doc`, whose text is stored as the document with
 * identity hash `hex`, as an exact copy when its id is another. */
chr_status chr__record_duplicate(chr_store *st, const chr_doc *doc,
                                 const char *hex, chr_error *err);

/* Site templates: records the lines of a stored document (inside the
 * batch), frees the state. */
chr_status chr__store_template_lines(chr_store *st, const chr_doc *doc,
                                     int64_t story, chr_error *err);
void chr__store_templates_free(chr_store *st);

/* Copies (copylinks.c): indexes the stored document `seq`/`id` (`hex`: its
 * identity hash as stored) and links it with its closest relative
 * (copy_of, relation, alignments), updating a stored document whose
 * original it is. Inside the batch. */
chr_status chr__copies_link(chr_store *st, const chr_doc *doc, int64_t seq,
                            const char *id, const char *hex, int64_t story,
                            chr_error *err);
/* Drops the in-memory copy index (close, rollback). */
void chr__copies_free(chr_store *st);
/* Bytes the copy index holds in memory (0 before it is loaded). */
size_t chr__copies_memory(const chr_store *st);

/* A prepared statement for `sql` (a string literal: its address is the
 * cache key), reused across calls; SQLITE_OK or an SQLite error code. A
 * statement asked for while the cached one is still in use is prepared
 * afresh. Give it back with chr__release(). */
int chr__prepare(chr_store *st, const char *sql, sqlite3_stmt **out);
/* Resets and unbinds a cached statement, finalizes any other. */
void chr__release(chr_store *st, sqlite3_stmt *s);

/* The quotation groups of one story, from its documents' stored analyses
 * (quotes.c): groups (src/corpus/quote_groups.h) whose member `doc`
 * indexes doc_ids. Everything lives in `arena`; free with
 * chr__story_quotes_free(). */
typedef struct chr__story_quotes {
    struct chr__qg_group *groups;
    size_t n_groups;
    const char **doc_ids;
    size_t n_docs;
    chr__arena *arena;
} chr__story_quotes;
chr_status chr__store_story_quotes(chr_store *st, int64_t story,
                                   chr__story_quotes *out, chr_error *err);
void chr__story_quotes_free(chr__story_quotes *q);

/* Document texts (texts.c, table document_texts): stores the body and
 * the analysis JSON of the stored document `seq` (the analysis
 * compressed when that pays). Inside the batch. */
chr_status chr__texts_put(chr_store *st, int64_t seq, const char *body,
                          size_t body_len, const char *json, size_t len,
                          chr_error *err);
/* The analysis JSON of a stored `analysis` value (n bytes, compressed or
 * plain): *json points into `stored` or into `scratch` (reused across
 * calls; free it with chr_buf_free), *len is its length. `st` (may be
 * NULL) lends its decompression context. An empty value
 * gives "". CHR_UNSUPPORTED for an unknown codec, CHR_PARSE for damaged
 * data, CHR_NOMEM/CHR_TOOBIG. */
chr_status chr__analysis_json(chr_store *st, const void *stored, size_t n,
                              chr_buf *scratch, const char **json,
                              size_t *len);
/* Frees the compression state (close). */
void chr__texts_free(chr_store *st);

/* Migrations: brings the schema to the current version. */
chr_status chr__store_migrate(chr_store *st, chr_error *err);

#endif
