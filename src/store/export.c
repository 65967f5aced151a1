/* export.c — the whole store as the FORMATS.md export object, streamed.
 * Deterministic: rows in insertion order, no timestamps. Quotes are each
 * story's statements with every outlet's wording (quotes.c); events and
 * claims are empty until their stages exist. */
#include "store/store.h"

#include "corpus/quote_groups.h"

#include "doc/doc.h"

#define FLUSH_AT (64 * 1024)

typedef struct out {
    chr_buf b;
    chr_write_fn w;
    void *ctx;
    chr_status st;
} out;

static void flush(out *o, int force)
{
    if (o->st != CHR_OK || (!force && o->b.len < FLUSH_AT) || !o->b.len)
        return;
    if (o->w(o->ctx, o->b.data, o->b.len))
        o->st = CHR_IO;
    chr_buf_reset(&o->b);
}

static void put(out *o, const char *s)
{
    if (o->st == CHR_OK)
        o->st = chr_buf_puts(&o->b, s);
}

static void put_str(out *o, const char *s)
{
    if (o->st == CHR_OK)
        o->st = chr__json_str(&o->b, s);
}

static void put_field(out *o, const char *key, const char *val, int comma)
{
    if (comma)
        put(o, ",");
    put(o, "\"");
    put(o, key);
    put(o, "\":");
    put_str(o, val);
}

/* Every story's statements: {"story", "speaker", "speaker_actor",
 * "text", "variants": [{"document", "text"}]}. */
static chr_status put_quotes(chr_store *st, out *o, chr_error *err)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, "SELECT id FROM stories ORDER BY id", -1,
                           &s, NULL) != SQLITE_OK)
        return chr__db_fail(st, err, "exporting quotations");
    int n = 0, rc = SQLITE_DONE;
    chr_status r = CHR_OK;
    while (r == CHR_OK && o->st == CHR_OK &&
           (rc = sqlite3_step(s)) == SQLITE_ROW) {
        long long story = sqlite3_column_int64(s, 0);
        chr__story_quotes sq;
        r = chr__store_story_quotes(st, story, &sq, err);
        for (size_t g = 0; r == CHR_OK && g < sq.n_groups; g++) {
            const chr__qg_group *grp = &sq.groups[g];
            put(o, n++ ? ",\n{" : "\n{");
            if (o->st == CHR_OK)
                o->st = chr_buf_printf(&o->b, "\"story\":%lld", story);
            put_field(o, "speaker", grp->speaker, 1);
            put_field(o, "speaker_actor", grp->speaker_actor, 1);
            put_field(o, "text", grp->text, 1);
            put(o, ",\"variants\":[");
            for (size_t m = 0; m < grp->n_members; m++) {
                const chr__qg_member *mb = &grp->members[m];
                put(o, m ? ",{" : "{");
                put_field(o, "document",
                          mb->doc < sq.n_docs ? sq.doc_ids[mb->doc] : NULL, 0);
                put_field(o, "text", mb->text, 1);
                put(o, "}");
            }
            put(o, "]}");
            flush(o, 0);
        }
        chr__story_quotes_free(&sq);
    }
    sqlite3_finalize(s);
    if (r == CHR_OK && o->st == CHR_OK && rc != SQLITE_DONE)
        return chr__db_fail(st, err, "exporting quotations");
    return r;
}

chr_status chr_store_export_json(chr_store *st, chr_write_fn w, void *ctx,
                                 chr_error *err)
{
    out o;
    chr_buf_init(&o.b, 0);
    o.w = w;
    o.ctx = ctx;
    o.st = CHR_OK;
    sqlite3_stmt *s = NULL;
    int rc = SQLITE_DONE;

    put(&o, "{\"documents\":[");
    /* the stored documents, each followed by its exact copies under
       other ids (relation "copy" of it, in its story) */
    if (sqlite3_prepare_v2(st->db,
                           "SELECT id, origin, title, outlet, published, "
                           "story, copy_of, relation, seq, 0 FROM documents "
                           "UNION ALL "
                           "SELECT u.id, u.origin, u.title, u.outlet, "
                           "u.published, o.story, o.id, 'copy', o.seq, "
                           "u.rowid FROM duplicates u "
                           "JOIN documents o ON o.seq = u.of_seq "
                           "ORDER BY 9, 10",
                           -1, &s, NULL) != SQLITE_OK)
        goto dbfail;
    for (int n = 0; o.st == CHR_OK && (rc = sqlite3_step(s)) == SQLITE_ROW;
         n++) {
        put(&o, n ? ",\n{" : "\n{");
        put_field(&o, "id", chr__col_text(s, 0), 0);
        put_field(&o, "origin", chr__col_text(s, 1), 1);
        put_field(&o, "title", chr__col_text(s, 2), 1);
        put_field(&o, "outlet", chr__col_text(s, 3), 1);
        put_field(&o, "published", chr__col_text(s, 4), 1);
        if (o.st == CHR_OK)
            o.st = chr_buf_printf(&o.b, ",\"story\":%lld",
                                  (long long)sqlite3_column_int64(s, 5));
        put_field(&o, "copy_of", chr__col_text(s, 6), 1);
        put_field(&o, "relation", chr__col_text(s, 7), 1);
        put(&o, "}");
        flush(&o, 0);
    }
    sqlite3_finalize(s);
    s = NULL;
    if (rc != SQLITE_DONE && o.st == CHR_OK)
        goto dbfail;

    put(&o, "],\n\"stories\":[");
    if (sqlite3_prepare_v2(st->db,
                           "SELECT s.id, s.title, s.date, s.place, d.id, "
                           "d.seq, 0 "
                           "FROM stories s JOIN documents d ON d.story = s.id "
                           "UNION ALL "
                           "SELECT s.id, s.title, s.date, s.place, u.id, "
                           "o.seq, u.rowid FROM duplicates u "
                           "JOIN documents o ON o.seq = u.of_seq "
                           "JOIN stories s ON s.id = o.story "
                           "ORDER BY 1, 6, 7",
                           -1, &s, NULL) != SQLITE_OK)
        goto dbfail;
    long long cur = -1;
    int n = 0;
    while (o.st == CHR_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        long long id = sqlite3_column_int64(s, 0);
        if (id != cur) {
            if (cur != -1)
                put(&o, "]}");
            put(&o, n++ ? ",\n{" : "\n{");
            if (o.st == CHR_OK)
                o.st = chr_buf_printf(&o.b, "\"id\":%lld", id);
            put_field(&o, "title", chr__col_text(s, 1), 1);
            put_field(&o, "date", chr__col_text(s, 2), 1);
            put_field(&o, "place", chr__col_text(s, 3), 1);
            put(&o, ",\"documents\":[");
            cur = id;
        } else {
            put(&o, ",");
        }
        put_str(&o, chr__col_text(s, 4));
        flush(&o, 0);
    }
    if (cur != -1)
        put(&o, "]}");
    sqlite3_finalize(s);
    s = NULL;
    if (rc != SQLITE_DONE && o.st == CHR_OK)
        goto dbfail;
    put(&o, "],\n\"quotes\":[");
    if (o.st == CHR_OK) {
        chr_status r = put_quotes(st, &o, err);
        if (r != CHR_OK) {
            chr_buf_free(&o.b);
            return r;
        }
    }
    put(&o, "],\n\"events\":[],\n\"claims\":[]}\n");
    flush(&o, 1);
    chr_buf_free(&o.b);
    if (o.st != CHR_OK)
        return chr__fail(err, o.st, st->path, -1, "writing the export: %s",
                         chr_strerror(o.st));
    return CHR_OK;
dbfail:
    sqlite3_finalize(s);
    chr_buf_free(&o.b);
    return chr__db_fail(st, err, "exporting");
}
