/* inputs.c — what the store remembers of the inputs it met: the raw-input
 * hashes that let a re-ingest skip analysis (tables `inputs`, and
 * `inputs_seen` keyed by hash and input id), and the exact copies of a
 * stored text met under other ids (table `duplicates`): another outlet's
 * verbatim copy is a report of the story too, listed with its original as
 * relation "copy" (docs/ARCHITECTURE.md, "Store schema"). */
#include "store/store.h"

#include <stdio.h>
#include <string.h>

chr_status chr_store_find_input(chr_store *st, uint64_t input_hash, char *id,
                                size_t cap, chr_error *err)
{
    sqlite3_stmt *s;
    if (chr__prepare(st, "SELECT id FROM inputs WHERE hash=?", &s) != SQLITE_OK)
        return chr__db_fail(st, err, "looking up an input");
    sqlite3_bind_int64(s, 1, (sqlite3_int64)input_hash);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW && id && cap)
        snprintf(id, cap, "%s", chr__col_text(s, 0) ? chr__col_text(s, 0) : "");
    chr__release(st, s);
    if (rc == SQLITE_ROW)
        return CHR_OK;
    if (rc == SQLITE_DONE)
        return CHR_NOTFOUND;
    return chr__db_fail(st, err, "looking up an input");
}

chr_status chr_store_input_seen(chr_store *st, uint64_t input_hash,
                                const char *id, chr_error *err)
{
    if (!id)
        return CHR_NOTFOUND;
    sqlite3_stmt *s;
    if (chr__prepare(st, "SELECT 1 FROM inputs_seen WHERE hash=? AND id=?",
                     &s) != SQLITE_OK)
        return chr__db_fail(st, err, "looking up an input");
    sqlite3_bind_int64(s, 1, (sqlite3_int64)input_hash);
    sqlite3_bind_text(s, 2, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    chr__release(st, s);
    if (rc == SQLITE_ROW)
        return CHR_OK;
    if (rc == SQLITE_DONE)
        return CHR_NOTFOUND;
    return chr__db_fail(st, err, "looking up an input");
}

/* Records that an input with these raw bytes is (a copy of) document
 * `id`, and that it was met under its own id `input_id`. */
chr_status chr__remember_input(chr_store *st, uint64_t hash, const char *id,
                                 const char *input_id, chr_error *err)
{
    sqlite3_stmt *s;
    if (chr__prepare(st, "INSERT OR IGNORE INTO inputs(hash, id) "
                           "VALUES(?, ?)", &s) != SQLITE_OK)
        return chr__db_fail(st, err, "recording an input");
    sqlite3_bind_int64(s, 1, (sqlite3_int64)hash);
    sqlite3_bind_text(s, 2, id, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    chr__release(st, s);
    if (rc != SQLITE_DONE)
        return chr__db_fail(st, err, "recording an input");
    if (!input_id)
        return CHR_OK;
    if (chr__prepare(st, "INSERT OR IGNORE INTO inputs_seen(hash, id) "
                           "VALUES(?, ?)", &s) != SQLITE_OK)
        return chr__db_fail(st, err, "recording an input");
    sqlite3_bind_int64(s, 1, (sqlite3_int64)hash);
    sqlite3_bind_text(s, 2, input_id, -1, SQLITE_STATIC);
    rc = sqlite3_step(s);
    chr__release(st, s);
    return rc == SQLITE_DONE ? CHR_OK
                             : chr__db_fail(st, err, "recording an input");
}

/* A text stored before, met under another id (another outlet's verbatim
 * copy): recorded in `duplicates` with its own metadata, pointing at the
 * stored document. Not recorded: the same id met again (a re-ingest), an
 * id that a stored document or an earlier duplicate holds, and the same
 * URL as the stored document's (the same page fetched twice, e.g. as a
 * file and from a crawl, is one report). */
chr_status chr__record_duplicate(chr_store *st, const chr_doc *doc,
                                 const char *hex, chr_error *err)
{
    if (!doc->id || !*doc->id)
        return CHR_OK;
    sqlite3_stmt *s;
    /* ?1 the copy's id, ?2..?7 its metadata, ?8 the stored text's hash */
    if (chr__prepare(st,
            "INSERT OR IGNORE INTO duplicates(id, of_seq, origin, format,"
            " title, outlet, published, url)"
            " SELECT ?1, seq, ?2, ?3, ?4, ?5, ?6, ?7 FROM documents"
            " WHERE hash=?8 AND id<>?1"
            " AND (url IS NULL OR ?7 IS NULL OR url<>?7)"
            " AND NOT EXISTS (SELECT 1 FROM documents WHERE id=?1)",
            &s) != SQLITE_OK)
        return chr__db_fail(st, err, "recording a duplicate");
    chr__bind_text(s, 1, doc->id);
    chr__bind_text(s, 2, doc->origin);
    chr__bind_text(s, 3, chr_format_name(doc->format));
    chr__bind_text(s, 4, doc->title);
    chr__bind_text(s, 5, doc->outlet);
    chr__bind_text(s, 6, doc->published);
    chr__bind_text(s, 7, doc->url);
    chr__bind_text(s, 8, hex);
    int rc = sqlite3_step(s);
    chr__release(st, s);
    return rc == SQLITE_DONE ? CHR_OK
                             : chr__db_fail(st, err, "recording a duplicate");
}

