/* store.c — opening the store, batches, adding documents.
 *
 * Documents are keyed by the XXH3-128 hash of their normalised body
 * (chr__text_hash128): adding the same text twice is a no-op that reports
 * the stored id. A document id already used by a different text gets a
 * suffix "~2", "~3"… so that nothing stored is overwritten. Each batch is
 * one transaction; the story index's changes are written at commit. A
 * document's row holds its small fields only; its body and analysis go
 * to document_texts (texts.c), written once, so that the later updates of
 * the row (story moves, copy links) stay small. */
#include "store/store.h"

#include "doc/doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

chr_status chr__db_fail(chr_store *st, chr_error *err, const char *what)
{
    return chr__fail(err, CHR_DB, st->path, -1, "%s: %s", what,
                     st->db ? sqlite3_errmsg(st->db) : "no database");
}

chr_status chr__db_exec(chr_store *st, const char *sql, chr_error *err)
{
    char *msg = NULL;
    if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        chr_status r = chr__fail(err, CHR_DB, st->path, -1, "%s",
                                 msg ? msg : sqlite3_errmsg(st->db));
        sqlite3_free(msg);
        return r;
    }
    return CHR_OK;
}

int chr__prepare(chr_store *st, const char *sql, sqlite3_stmt **out)
{
    *out = NULL;
    size_t free_slot = CHR__STMT_CACHE;
    for (size_t i = 0; i < CHR__STMT_CACHE; i++) {
        if (st->stmts[i].sql == sql) {
            if (st->stmts[i].busy)
                return sqlite3_prepare_v2(st->db, sql, -1, out, NULL);
            st->stmts[i].busy = 1;
            *out = st->stmts[i].stmt;
            return SQLITE_OK;
        }
        if (!st->stmts[i].sql && free_slot == CHR__STMT_CACHE)
            free_slot = i;
    }
    int rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                                out, NULL);
    if (rc == SQLITE_OK && free_slot < CHR__STMT_CACHE) {
        st->stmts[free_slot].sql = sql;
        st->stmts[free_slot].stmt = *out;
        st->stmts[free_slot].busy = 1;
    }
    return rc;
}

void chr__release(chr_store *st, sqlite3_stmt *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < CHR__STMT_CACHE; i++) {
        if (st->stmts[i].stmt == s) {
            sqlite3_reset(s);
            sqlite3_clear_bindings(s);
            st->stmts[i].busy = 0;
            return;
        }
    }
    sqlite3_finalize(s);
}

const char *chr__col_text(sqlite3_stmt *s, int i)
{
    return (const char *)sqlite3_column_text(s, i);
}

chr_status chr_store_open(chr_store **out, const char *path, chr_error *err)
{
    *out = NULL;
    chr_store *st = calloc(1, sizeof *st);
    if (!st)
        return chr__fail(err, CHR_NOMEM, path, -1, "out of memory");
    snprintf(st->path, sizeof st->path, "%s", path);
    if (sqlite3_open_v2(path, &st->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        NULL) != SQLITE_OK) {
        chr_status r = chr__db_fail(st, err, "cannot open the store");
        chr_store_close(st);
        return r;
    }
    sqlite3_busy_timeout(st->db, 10000);
    chr_status r = chr__db_exec(st,
                                "PRAGMA journal_mode=WAL;"
                                "PRAGMA synchronous=NORMAL;"
                                "PRAGMA foreign_keys=ON;"
                                /* the random-key indexes (term_df,
                                   site_lines, hashes, ids) outgrow the
                                   2 MiB default cache early */
                                "PRAGMA cache_size=-65536;"
                                /* checkpoint every 64 MiB of WAL rather
                                   than 4 MiB: each batch's pages are
                                   copied back less often */
                                "PRAGMA wal_autocheckpoint=16384;",
                                err);
    if (r == CHR_OK)
        r = chr__store_migrate(st, err);
    if (r != CHR_OK) {
        chr_store_close(st);
        return r;
    }
    *out = st;
    return CHR_OK;
}

void chr_store_close(chr_store *st)
{
    if (!st)
        return;
    if (st->in_batch)
        chr_store_rollback(st);
    chr__stories_free(st->idx);
    chr__copies_free(st);
    chr__store_templates_free(st);
    chr__texts_free(st);
    for (size_t i = 0; i < CHR__STMT_CACHE; i++)
        sqlite3_finalize(st->stmts[i].stmt);
    sqlite3_close_v2(st->db);
    free(st);
}

/* Loads the story index from the tables (first add of the session). */
static chr_status load_index(chr_store *st, chr_error *err)
{
    if (st->idx)
        return CHR_OK;
    chr__stories *idx = chr__stories_new();
    if (!idx)
        return chr__fail(err, CHR_NOMEM, st->path, -1, "out of memory");
    sqlite3_stmt *s = NULL;
    chr_status r = CHR_OK;
    if (chr__prepare(st, "SELECT count(*) FROM documents", &s) != SQLITE_OK)
        goto dbfail;
    if (sqlite3_step(s) == SQLITE_ROW)
        chr__stories_set_ndocs(idx, (uint64_t)sqlite3_column_int64(s, 0));
    chr__release(st, s);
    if (chr__prepare(st, "SELECT term, n FROM term_df", &s) != SQLITE_OK)
        goto dbfail;
    while (r == CHR_OK && sqlite3_step(s) == SQLITE_ROW)
        r = chr__stories_load_df(idx, (uint64_t)sqlite3_column_int64(s, 0),
                                 (uint64_t)sqlite3_column_int64(s, 1));
    chr__release(st, s);
    if (chr__prepare(st, "SELECT id, n_documents, date_min, date_max, state "
                           "FROM stories ORDER BY id", &s) != SQLITE_OK)
        goto dbfail;
    while (r == CHR_OK && sqlite3_step(s) == SQLITE_ROW)
        r = chr__stories_load_story(
            idx, sqlite3_column_int64(s, 0), sqlite3_column_int(s, 1),
            chr__col_text(s, 2), chr__col_text(s, 3),
            sqlite3_column_blob(s, 4), (size_t)sqlite3_column_bytes(s, 4));
    chr__release(st, s);
    if (r != CHR_OK) {
        chr__stories_free(idx);
        return chr__fail(err, r, st->path, -1,
                         "cannot load the story index: %s", chr_strerror(r));
    }
    st->idx = idx;
    return CHR_OK;
dbfail:
    chr__stories_free(idx);
    return chr__db_fail(st, err, "loading the story index");
}

chr_status chr_store_begin(chr_store *st, chr_error *err)
{
    if (st->in_batch)
        return chr__fail(err, CHR_INVALID, st->path, -1,
                         "a batch is already open");
    chr_status r = chr__db_exec(st, "BEGIN IMMEDIATE", err);
    if (r == CHR_OK) {
        st->in_batch = 1;
        st->batch_pending = st->n_pending;
    }
    return r;
}

static chr_status flush_story(void *ctx, const chr__story_state *ss)
{
    chr_store *st = ctx;
    sqlite3_stmt *s;
    if (chr__prepare(st, "UPDATE stories SET state=?, date_min=?, "
                           "date_max=? WHERE id=?", &s) != SQLITE_OK)
        return CHR_DB;
    sqlite3_bind_blob(s, 1, ss->blob, (int)ss->len, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, ss->date_min, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, ss->date_max, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 4, ss->id);
    int rc = sqlite3_step(s);
    chr__release(st, s);
    return rc == SQLITE_DONE ? CHR_OK : CHR_DB;
}

typedef struct df_ctx {
    sqlite3_stmt *s;
} df_ctx;

static chr_status flush_df(void *ctx, uint64_t term, uint64_t n)
{
    sqlite3_stmt *s = ((df_ctx *)ctx)->s;
    sqlite3_reset(s);
    sqlite3_bind_int64(s, 1, (sqlite3_int64)term);
    sqlite3_bind_int64(s, 2, (sqlite3_int64)n);
    return sqlite3_step(s) == SQLITE_DONE ? CHR_OK : CHR_DB;
}

typedef struct flush_ctx {
    chr_store *st;
    df_ctx df;
} flush_ctx;

static chr_status flush_story_cb(void *ctx, const chr__story_state *ss)
{
    return flush_story(((flush_ctx *)ctx)->st, ss);
}

static chr_status flush_df_cb(void *ctx, uint64_t term, uint64_t n)
{
    return flush_df(&((flush_ctx *)ctx)->df, term, n);
}

chr_status chr_store_commit(chr_store *st, chr_error *err)
{
    if (!st->in_batch)
        return chr__fail(err, CHR_INVALID, st->path, -1, "no open batch");
    if (st->idx) {
        flush_ctx fc = {st, {NULL}};
        if (chr__prepare(st, "INSERT OR REPLACE INTO term_df(term, n) "
                               "VALUES(?, ?)", &fc.df.s) != SQLITE_OK) {
            chr_status r = chr__db_fail(st, err, "saving term statistics");
            chr_store_rollback(st);
            return r;
        }
        chr_status r =
            chr__stories_flush(st->idx, flush_story_cb, flush_df_cb, &fc);
        chr__release(st, fc.df.s);
        if (r != CHR_OK) {
            r = chr__db_fail(st, err, "saving the story index");
            chr_store_rollback(st);
            return r;
        }
    }
    chr_status r = chr__db_exec(st, "COMMIT", err);
    if (r != CHR_OK) {
        chr_store_rollback(st);
        return r;
    }
    st->in_batch = 0;
    return CHR_OK;
}

chr_status chr_store_rollback(chr_store *st)
{
    if (!st->in_batch)
        return CHR_OK;
    chr__db_exec(st, "ROLLBACK", NULL);
    st->in_batch = 0;
    st->n_pending = st->batch_pending; /* the batch's lines are gone too */
    /* the in-memory index may be ahead of the tables: reload it lazily */
    chr__stories_free(st->idx);
    st->idx = NULL;
    chr__copies_free(st);
    return CHR_OK;
}

static void hash_hex(const chr_doc *d, char out[33])
{
    snprintf(out, 33, "%016llx%016llx", (unsigned long long)d->hash_hi,
             (unsigned long long)d->hash_lo);
}

/* Text of the first row of a one-parameter query, copied into out. */
static int lookup(chr_store *st, const char *sql, const char *arg, char *out,
                  size_t cap)
{
    sqlite3_stmt *s;
    if (chr__prepare(st, sql, &s) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(s, 1, arg, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    int found = rc == SQLITE_ROW;
    if (found && out)
        snprintf(out, cap, "%s", chr__col_text(s, 0) ? chr__col_text(s, 0) : "");
    chr__release(st, s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? found : -1;
}

void chr__bind_text(sqlite3_stmt *s, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(s, i);
}

/* Stores one document; `counted`: its terms were counted in the story
 * index's document frequencies already (chr_store_add_batch). */
static chr_status add_one(chr_store *st, const chr_doc *doc,
                          chr_add_result *res, int counted, chr_error *err)
{
    memset(res, 0, sizeof *res);
    if (!st->in_batch)
        return chr__fail(err, CHR_INVALID, st->path, -1,
                         "chr_store_add outside a batch");
    chr_status r = load_index(st, err);
    if (r != CHR_OK)
        return r;
    char hex[33];
    hash_hex(doc, hex);
    int found = lookup(st, "SELECT id FROM documents WHERE hash=?", hex,
                       res->dup_of, sizeof res->dup_of);
    if (found < 0)
        return chr__db_fail(st, err, "looking up the document hash");
    if (found) {
        res->duplicate = 1;
        if ((r = chr__record_duplicate(st, doc, hex, err)) != CHR_OK)
            return r;
        return chr__remember_input(st, doc->input_hash, res->dup_of, doc->id,
                              err);
    }
    /* a unique id */
    char id[600];
    snprintf(id, sizeof id, "%s", doc->id);
    for (int k = 2;; k++) {
        /* an id an exact copy holds (table duplicates) is taken too */
        found = lookup(st,
                       "SELECT 1 FROM documents WHERE id=?1 UNION ALL "
                       "SELECT 1 FROM duplicates WHERE id=?1",
                       id, NULL, 0);
        if (found < 0)
            return chr__db_fail(st, err, "looking up the document id");
        if (!found)
            break;
        snprintf(id, sizeof id, "%.500s~%d", doc->id, k);
    }

    chr__assignment as;
    if ((r = chr__stories_match(st->idx, doc, &as)) != CHR_OK)
        return chr__fail(err, r, doc->origin, -1, "story assignment: %s",
                         chr_strerror(r));
    sqlite3_stmt *s;
    if (!as.story) {
        if (chr__prepare(st, "INSERT INTO stories(n_documents) VALUES(0)", &s) != SQLITE_OK)
            return chr__db_fail(st, err, "creating a story");
        int rc = sqlite3_step(s);
        chr__release(st, s);
        if (rc != SQLITE_DONE)
            return chr__db_fail(st, err, "creating a story");
        res->story = sqlite3_last_insert_rowid(st->db);
        res->new_story = 1;
        res->similarity = 1.0;
    } else {
        res->story = as.story;
        res->similarity = as.score;
    }

    chr_buf json;
    chr_buf_init(&json, 0);
    if ((r = chr_doc_to_json(doc, &json)) != CHR_OK) {
        chr_buf_free(&json);
        return chr__fail(err, r, doc->origin, -1, "writing the analysis");
    }
    if (chr__prepare(st, "INSERT INTO documents(id, hash, origin, format, title, "
            "published, outlet, byline, url, dateline_place, dateline_date, "
            "language, date_hint, story, similarity, "
            "input_hash, place, event_date) "
            "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            &s) != SQLITE_OK) {
        chr_buf_free(&json);
        return chr__db_fail(st, err, "storing the document");
    }
    chr__bind_text(s, 1, id);
    chr__bind_text(s, 2, hex);
    chr__bind_text(s, 3, doc->origin);
    chr__bind_text(s, 4, chr_format_name(doc->format));
    chr__bind_text(s, 5, doc->title);
    chr__bind_text(s, 6, doc->published);
    chr__bind_text(s, 7, doc->outlet);
    chr__bind_text(s, 8, doc->byline);
    chr__bind_text(s, 9, doc->url);
    chr__bind_text(s, 10, doc->dateline_place);
    chr__bind_text(s, 11, doc->dateline_date);
    chr__bind_text(s, 12, doc->language);
    chr__bind_text(s, 13, doc->date_hint);
    sqlite3_bind_int64(s, 14, res->story);
    sqlite3_bind_double(s, 15, res->similarity);
    sqlite3_bind_int64(s, 16, (sqlite3_int64)doc->input_hash);
    chr__bind_text(s, 17, doc->place);
    chr__bind_text(s, 18, doc->event_date);
    int rc = sqlite3_step(s);
    chr__release(st, s);
    if (rc != SQLITE_DONE) {
        chr_buf_free(&json);
        return chr__db_fail(st, err, "storing the document");
    }
    int64_t seq = sqlite3_last_insert_rowid(st->db);
    /* body and analysis: written once, in their own table (texts.c) */
    r = chr__texts_put(st, seq, doc->body, doc->body_len, json.data,
                       json.len, err);
    chr_buf_free(&json);
    if (r != CHR_OK)
        return r;

    /* The story's representative is its earliest-dated document (undated
       ones after dated ones, ties to the smaller id), so that it does not
       depend on ingest order; the story takes its title and place
       (chr_doc.place), falling back to the first document that has them.
       date: the earliest event date of its documents (chr_doc.event_date:
       when what they report happened). SQLite evaluates every expression
       on the row as it was before the update. */
#define BEATS                                                                 \
    "(rep_id IS NULL OR (?2 IS NOT NULL AND (rep_date IS NULL OR "            \
    "?2 < rep_date)) OR (?2 IS rep_date AND ?5 < rep_id))"
    if (chr__prepare(st, "UPDATE stories SET n_documents = n_documents + 1,"
            " title = CASE WHEN ?1 IS NOT NULL AND " BEATS
            "   THEN ?1 ELSE coalesce(title, ?1) END,"
            " place = CASE WHEN ?3 IS NOT NULL AND " BEATS
            "   THEN ?3 ELSE coalesce(place, ?3) END,"
            " rep_date = CASE WHEN " BEATS " THEN ?2 ELSE rep_date END,"
            " rep_id = CASE WHEN " BEATS " THEN ?5 ELSE rep_id END,"
            " date = CASE WHEN ?6 IS NOT NULL AND (date IS NULL OR ?6 < date)"
            "        THEN ?6 ELSE date END"
            " WHERE id = ?4", &s) != SQLITE_OK)
        return chr__db_fail(st, err, "updating the story");
#undef BEATS
    chr__bind_text(s, 1, doc->title);
    chr__bind_text(s, 2, doc->date_hint);
    chr__bind_text(s, 3, doc->place);
    chr__bind_text(s, 5, id);
    chr__bind_text(s, 6, doc->event_date);
    sqlite3_bind_int64(s, 4, res->story);
    rc = sqlite3_step(s);
    chr__release(st, s);
    if (rc != SQLITE_DONE)
        return chr__db_fail(st, err, "updating the story");
    if ((r = chr__stories_add(st->idx, res->story, doc,
                              counted ? CHR__SA_COUNTED : 0)) != CHR_OK ||
        (counted && (r = chr__stories_keep(st->idx, seq, res->story, doc)) !=
                        CHR_OK))
        return chr__fail(err, r, doc->origin, -1, "story index: %s",
                         chr_strerror(r));
    /* copies: closest relative, relation, direction (copylinks.c) */
    if ((r = chr__copies_link(st, doc, seq, id, hex, res->story, err)) !=
        CHR_OK)
        return r;
    if ((r = chr__remember_input(st, doc->input_hash, id, doc->id, err)) != CHR_OK)
        return r;
    return chr__store_template_lines(st, doc, res->story, err);
}

chr_status chr_store_add(chr_store *st, const chr_doc *doc,
                         chr_add_result *res, chr_error *err)
{
    return add_one(st, doc, res, 0, err);
}

/* ---- batches: counted first, canonical order, re-assignment ---- */

typedef struct batch_item {
    const chr_doc *doc;
    size_t ix; /* in the caller's array */
} batch_item;

/* Earliest date first, undated last, then identity hash, then the
 * caller's order (only equal texts tie, and the first is stored). */
static int cmp_item(const void *a, const void *b)
{
    const chr_doc *x = ((const batch_item *)a)->doc;
    const chr_doc *y = ((const batch_item *)b)->doc;
    if (x->date_hint && !y->date_hint)
        return -1;
    if (!x->date_hint && y->date_hint)
        return 1;
    if (x->date_hint) {
        int c = strcmp(x->date_hint, y->date_hint);
        if (c)
            return c;
    }
    if (x->hash_hi != y->hash_hi)
        return x->hash_hi < y->hash_hi ? -1 : 1;
    if (x->hash_lo != y->hash_lo)
        return x->hash_lo < y->hash_lo ? -1 : 1;
    size_t i = ((const batch_item *)a)->ix, j = ((const batch_item *)b)->ix;
    return i < j ? -1 : i > j;
}

typedef struct move_ctx {
    chr_store *st;
    chr__map touched; /* story id -> 1: stories that lost or won members */
} move_ctx;

static chr_status on_move(void *ctx, int64_t seq, int64_t from, int64_t to,
                          double score)
{
    move_ctx *mc = ctx;
    sqlite3_stmt *s;
    if (chr__prepare(mc->st, "UPDATE documents SET story=?, similarity=? "
                             "WHERE seq=?", &s) != SQLITE_OK)
        return CHR_DB;
    sqlite3_bind_int64(s, 1, to);
    sqlite3_bind_double(s, 2, score);
    sqlite3_bind_int64(s, 3, seq);
    int rc = sqlite3_step(s);
    chr__release(mc->st, s);
    if (rc != SQLITE_DONE)
        return CHR_DB;
    /* one slot at a time: taking the second can grow the map and move
       the first */
    uint64_t *slot = chr__map_slot(&mc->touched, (uint64_t)from);
    if (!slot)
        return CHR_NOMEM;
    *slot = 1;
    if (!(slot = chr__map_slot(&mc->touched, (uint64_t)to)))
        return CHR_NOMEM;
    *slot = 1;
    return CHR_OK;
}

/* Chooses a story's fields again from its documents, as the incremental
 * update in add_one would have in the best order: the representative is
 * the earliest-dated document (undated last, then smallest id); title and
 * place from the best-ranked document that has one; date the earliest.
 * A story left without documents is deleted. */
static chr_status refresh_story(chr_store *st, int64_t id, chr_error *err)
{
#define RANKED(col)                                                           \
    "(SELECT " col " FROM documents WHERE story=?1 AND " col " IS NOT NULL"   \
    " ORDER BY date_hint IS NULL, date_hint, id LIMIT 1)"
    sqlite3_stmt *s;
    if (chr__prepare(st, "UPDATE stories SET"
            " n_documents = (SELECT count(*) FROM documents WHERE story=?1),"
            " date = (SELECT min(event_date) FROM documents WHERE story=?1),"
            " rep_id = " RANKED("id") ","
            " rep_date = (SELECT date_hint FROM documents WHERE story=?1"
            "   ORDER BY date_hint IS NULL, date_hint, id LIMIT 1),"
            " title = " RANKED("title") ","
            " place = " RANKED("place")
            " WHERE id=?1", &s) != SQLITE_OK)
        return chr__db_fail(st, err, "updating a story");
#undef RANKED
    sqlite3_bind_int64(s, 1, id);
    int rc = sqlite3_step(s);
    chr__release(st, s);
    if (rc != SQLITE_DONE)
        return chr__db_fail(st, err, "updating a story");
    if (chr__prepare(st, "DELETE FROM stories WHERE id=? AND n_documents=0",
                     &s) != SQLITE_OK)
        return chr__db_fail(st, err, "deleting an empty story");
    sqlite3_bind_int64(s, 1, id);
    rc = sqlite3_step(s);
    chr__release(st, s);
    return rc == SQLITE_DONE ? CHR_OK
                             : chr__db_fail(st, err, "deleting an empty story");
}

/* Updates x (a stored document's result) after re-assignment. */
static chr_status final_result(chr_store *st, const chr_doc *doc,
                               chr_add_result *x, chr_error *err)
{
    char hex[33];
    hash_hex(doc, hex);
    sqlite3_stmt *s;
    if (chr__prepare(st, "SELECT story, similarity FROM documents "
                           "WHERE hash=?", &s) != SQLITE_OK)
        return chr__db_fail(st, err, "reading a document's story");
    sqlite3_bind_text(s, 1, hex, -1, SQLITE_STATIC);
    int64_t opened = x->new_story ? x->story : 0;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        x->story = sqlite3_column_int64(s, 0);
        x->similarity = sqlite3_column_double(s, 1);
    }
    chr__release(st, s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return chr__db_fail(st, err, "reading a document's story");
    if (!opened)
        return CHR_OK;
    if (chr__prepare(st, "SELECT 1 FROM stories WHERE id=?", &s) != SQLITE_OK)
        return chr__db_fail(st, err, "reading a story");
    sqlite3_bind_int64(s, 1, opened);
    rc = sqlite3_step(s);
    chr__release(st, s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return chr__db_fail(st, err, "reading a story");
    x->new_story = rc == SQLITE_ROW;
    return CHR_OK;
}

/* Re-assignment rounds over a batch (chr__stories_refine). Two rounds:
 * on the Multi-News validation clusters the second still gains a little
 * and a third loses (docs/ARCHITECTURE.md, "Stories"). */
#define REFINE_PASSES 2

chr_status chr_store_add_batch(chr_store *st, const chr_doc *const *docs,
                               size_t n, chr_add_result *res,
                               chr_error *err)
{
    if (!st->in_batch)
        return chr__fail(err, CHR_INVALID, st->path, -1,
                         "chr_store_add_batch outside a batch");
    chr_status r = load_index(st, err);
    if (r != CHR_OK)
        return r;
    batch_item *items = malloc((n ? n : 1) * sizeof *items);
    if (!items)
        return chr__fail(err, CHR_NOMEM, st->path, -1, "out of memory");
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        memset(&res[i], 0, sizeof res[i]);
        if (docs[i])
            items[m++] = (batch_item){docs[i], i};
    }
    qsort(items, m, sizeof *items, cmp_item);
    /* count the terms of every new text once, before any assignment;
       `counted` maps a text (its identity hash) to 1, then 2 once stored */
    chr__map counted;
    chr__map_init(&counted);
    for (size_t k = 0; k < m && r == CHR_OK; k++) {
        const chr_doc *d = items[k].doc;
        uint64_t key = d->hash_hi ? d->hash_hi : 1;
        if (chr__map_get(&counted, key))
            continue; /* the same text met before in this batch */
        char hex[33];
        hash_hex(d, hex);
        int found = lookup(st, "SELECT id FROM documents WHERE hash=?", hex,
                           NULL, 0);
        if (found < 0) {
            r = chr__db_fail(st, err, "looking up the document hash");
            break;
        }
        if (found)
            continue; /* stored before: a duplicate, counted then */
        uint64_t *slot = chr__map_slot(&counted, key);
        if (!slot || (r = chr__stories_count(st->idx, d)) != CHR_OK) {
            r = chr__fail(err, CHR_NOMEM, st->path, -1, "out of memory");
            break;
        }
        *slot = 1;
    }
    /* store in the canonical order; a text met twice is stored once */
    chr__stories_forget(st->idx);
    for (size_t k = 0; k < m && r == CHR_OK; k++) {
        const chr_doc *d = items[k].doc;
        uint64_t *c = chr__map_get(&counted, d->hash_hi ? d->hash_hi : 1);
        int first = c && *c == 1;
        if (c)
            *c = 2;
        r = add_one(st, d, &res[items[k].ix], first, err);
    }
    chr__map_free(&counted);
    free(items);
    if (r != CHR_OK) {
        chr__stories_forget(st->idx);
        return r;
    }
    /* re-assignment, then the fields of every story that changed */
    move_ctx mc;
    memset(&mc, 0, sizeof mc);
    mc.st = st;
    r = chr__stories_refine(st->idx, REFINE_PASSES, on_move, &mc);
    chr__stories_forget(st->idx);
    if (r != CHR_OK) {
        chr__map_free(&mc.touched);
        return r == CHR_DB ? chr__db_fail(st, err, "moving a document")
                           : chr__fail(err, r, st->path, -1, "story index: %s",
                                       chr_strerror(r));
    }
    size_t n_touched = 0;
    for (size_t i = 0; i < mc.touched.cap && r == CHR_OK; i++)
        if (mc.touched.keys[i]) {
            n_touched++;
            r = refresh_story(st, (int64_t)mc.touched.keys[i], err);
        }
    chr__map_free(&mc.touched);
    if (r != CHR_OK || !n_touched)
        return r;
    /* the results as they ended: each document's story and similarity,
       new_story only where the story it opened still has documents */
    for (size_t i = 0; i < n && r == CHR_OK; i++) {
        chr_add_result *x = &res[i];
        if (!docs[i] || x->duplicate || !x->story)
            continue;
        r = final_result(st, docs[i], x, err);
    }
    return r;
}
