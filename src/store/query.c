/* query.c — reading the store: stories, one story with its documents,
 * counts. */
#include "store/store.h"

#include <string.h>

static void story_row(sqlite3_stmt *s, chr_story_info *si)
{
    si->id = sqlite3_column_int64(s, 0);
    si->title = chr__col_text(s, 1);
    si->date = chr__col_text(s, 2);
    si->place = chr__col_text(s, 3);
    si->n_documents = sqlite3_column_int(s, 4);
}

/* n_documents: the stored documents and their exact copies under other
 * ids (table duplicates) */
#define STORY_COLS                                                           \
    "SELECT id, title, date, place, n_documents + (SELECT count(*) FROM "    \
    "duplicates u JOIN documents o ON o.seq = u.of_seq WHERE o.story = "     \
    "stories.id) FROM stories "

chr_status chr_store_stories(chr_store *st,
                             int (*cb)(void *ctx, const chr_story_info *s),
                             void *ctx, chr_error *err)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, STORY_COLS "ORDER BY id", -1, &s, NULL) !=
        SQLITE_OK)
        return chr__db_fail(st, err, "listing stories");
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        chr_story_info si;
        story_row(s, &si);
        if (cb(ctx, &si))
            break;
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return chr__db_fail(st, err, "listing stories");
    return CHR_OK;
}

chr_status chr_store_story(chr_store *st, int64_t id,
                           int (*story_cb)(void *ctx, const chr_story_info *s),
                           int (*doc_cb)(void *ctx, const chr_doc_info *d),
                           void *ctx, chr_error *err)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, STORY_COLS "WHERE id=?", -1, &s, NULL) !=
        SQLITE_OK)
        return chr__db_fail(st, err, "reading a story");
    sqlite3_bind_int64(s, 1, id);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        sqlite3_finalize(s);
        if (rc == SQLITE_DONE)
            return chr__fail(err, CHR_NOTFOUND, st->path, -1,
                             "no story %lld", (long long)id);
        return chr__db_fail(st, err, "reading a story");
    }
    chr_story_info si;
    story_row(s, &si);
    int stop = story_cb ? story_cb(ctx, &si) : 0;
    sqlite3_finalize(s);
    if (stop || !doc_cb)
        return CHR_OK;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT id, origin, format, title, outlet, "
                           "published, copy_of, relation, date_hint, story, "
                           "similarity, seq, 0 FROM documents WHERE story=?1 "
                           "UNION ALL "
                           "SELECT u.id, u.origin, u.format, u.title, "
                           "u.outlet, u.published, o.id, 'copy', o.date_hint, "
                           "o.story, 1.0, o.seq, u.rowid FROM duplicates u "
                           "JOIN documents o ON o.seq = u.of_seq "
                           "WHERE o.story=?1 ORDER BY 12, 13",
                           -1, &s, NULL) != SQLITE_OK)
        return chr__db_fail(st, err, "reading a story's documents");
    sqlite3_bind_int64(s, 1, id);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        chr_doc_info di;
        di.id = chr__col_text(s, 0);
        di.origin = chr__col_text(s, 1);
        di.format = chr__col_text(s, 2);
        di.title = chr__col_text(s, 3);
        di.outlet = chr__col_text(s, 4);
        di.published = chr__col_text(s, 5);
        di.copy_of = chr__col_text(s, 6);
        di.relation = chr__col_text(s, 7);
        di.date = chr__col_text(s, 8);
        di.story = sqlite3_column_int64(s, 9);
        di.similarity = sqlite3_column_double(s, 10);
        if (doc_cb(ctx, &di))
            break;
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return chr__db_fail(st, err, "reading a story's documents");
    return CHR_OK;
}

chr_status chr_store_counts_get(chr_store *st, chr_store_counts *c,
                                chr_error *err)
{
    sqlite3_stmt *s;
    memset(c, 0, sizeof *c);
    if (sqlite3_prepare_v2(st->db,
                           "SELECT (SELECT count(*) FROM documents),"
                           " (SELECT count(*) FROM stories)",
                           -1, &s, NULL) != SQLITE_OK)
        return chr__db_fail(st, err, "counting");
    if (sqlite3_step(s) == SQLITE_ROW) {
        c->documents = sqlite3_column_int64(s, 0);
        c->stories = sqlite3_column_int64(s, 1);
    }
    sqlite3_finalize(s);
    c->story_index_bytes = st->idx ? chr__stories_memory(st->idx) : 0;
    c->copy_index_bytes = chr__copies_memory(st);
    return CHR_OK;
}
