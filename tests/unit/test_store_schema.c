/* test_store_schema.c — store schema migrations: a version-6 store built
 * by hand (its DDL as version 6 had it, body and analysis inside
 * `documents`) is carried to version 7 (document_texts) with its texts
 * intact and keeps working: quotations read back from a plain-JSON
 * analysis, a new document linked as a copy of a migrated one (its body
 * read through the new table). Also the analysis packing: a new
 * analysis is stored compressed and reads back the same; damaged or
 * unknown packings are refused, plain JSON passes through. */
#include "t.h"
#include "store_fixture.h"

#include "corpus/quote_groups.h"
#include "doc/doc.h"
#include "store/store.h"
#include "text/text.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

/* The schema as versions 1-6 left it (schema.c, steps 0 -> 6). */
static const char *V6_DDL =
    "CREATE TABLE stories (id INTEGER PRIMARY KEY, title TEXT, date TEXT,"
    "  place TEXT, n_documents INTEGER NOT NULL DEFAULT 0, date_min TEXT,"
    "  date_max TEXT, state BLOB, rep_id TEXT, rep_date TEXT);"
    "CREATE TABLE documents (seq INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE, hash TEXT NOT NULL UNIQUE,"
    "  origin TEXT, format TEXT NOT NULL,"
    "  title TEXT, published TEXT, outlet TEXT, byline TEXT, url TEXT,"
    "  dateline_place TEXT, dateline_date TEXT, language TEXT,"
    "  date_hint TEXT, body TEXT NOT NULL, analysis TEXT NOT NULL,"
    "  story INTEGER NOT NULL REFERENCES stories(id), similarity REAL,"
    "  copy_of TEXT, relation TEXT, input_hash INTEGER, copy_score REAL,"
    "  place TEXT, event_date TEXT);"
    "CREATE INDEX documents_story ON documents(story, seq);"
    "CREATE INDEX documents_input ON documents(input_hash);"
    "CREATE TABLE term_df (term INTEGER PRIMARY KEY, n INTEGER NOT NULL);"
    "CREATE TABLE site_lines (site INTEGER NOT NULL, line INTEGER NOT NULL,"
    "  docs INTEGER NOT NULL, story INTEGER NOT NULL, multi INTEGER NOT NULL,"
    "  PRIMARY KEY (site, line)) WITHOUT ROWID;"
    "CREATE TABLE copy_sigs (seq INTEGER PRIMARY KEY, sig BLOB NOT NULL);"
    "CREATE TABLE alignments (doc TEXT NOT NULL, para INTEGER NOT NULL,"
    "  source_doc TEXT NOT NULL, source_para INTEGER NOT NULL,"
    "  score REAL NOT NULL, PRIMARY KEY (doc, para)) WITHOUT ROWID;"
    "CREATE TABLE inputs (hash INTEGER PRIMARY KEY, id TEXT NOT NULL);"
    "PRAGMA user_version=6;";

/* Invented texts. */
static const char *OLD_BODY =
    "Engineers in Tarvello closed the old Marrow bridge on Monday after "
    "inspectors found deep cracks in two of its stone piers.\n\n"
    "\"We will rebuild the bridge before winter,\" said Ilse Vantor, the "
    "town's chief engineer, at a meeting in the market hall.\n\n"
    "Ferries will carry commuters across the Sallow river until the new "
    "span opens, the council said in a statement.";
static const char *OLD_QUOTE = "We will rebuild the bridge before winter,";
static const char *OTHER_BODY =
    "A choir from Hesk won the regional singing contest in Dunmere on "
    "Saturday with a programme of old harvest songs.";
static const char *NEW_TAIL =
    "\n\nTraffic on the ring road was heavy through the afternoon.";


/* Builds the version-6 store at path: one story, two documents. */
static int build_v6(const char *path)
{
    sqlite3 *db;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        return 0;
    int ok = sqlite3_exec(db, V6_DDL, NULL, NULL, NULL) == SQLITE_OK;
    ok &= sqlite3_exec(db,
                       /* state: empty vectors (stories.c's oldest
                          blob layout, three zero counts) */
                       "INSERT INTO stories(id, title, n_documents, rep_id,"
                       " state) VALUES(1, 'Bridge closed', 1, 'old1',"
                       " zeroblob(12)), (2, 'Choir wins', 1, 'old2',"
                       " zeroblob(12))",
                       NULL, NULL, NULL) == SQLITE_OK;
    sqlite3_stmt *s;
    ok &= sqlite3_prepare_v2(db,
                             "INSERT INTO documents(seq, id, hash, origin,"
                             " format, title, date_hint, body, analysis,"
                             " story, similarity, input_hash)"
                             " VALUES(?, ?, ?, ?, 'text', ?, ?, ?, ?, ?, 1,"
                             " ?)",
                             -1, &s, NULL) == SQLITE_OK;
    if (!ok) {
        sqlite3_close(db);
        return 0;
    }
    char an[1024];
    const char *q = strstr(OLD_BODY, OLD_QUOTE);
    snprintf(an, sizeof an,
             "{\"id\":\"old1\",\"quotes\":[{\"text\":\"%s\",\"kind\":"
             "\"direct\",\"speaker\":\"Ilse Vantor\",\"start\":%d,"
             "\"end\":%d}]}",
             OLD_QUOTE, (int)(q - OLD_BODY),
             (int)(q - OLD_BODY + strlen(OLD_QUOTE)));
    const char *ids[2] = {"old1", "old2"};
    const char *hashes[2] = {"00000000000000000000000000000001",
                             "00000000000000000000000000000002"};
    const char *bodies[2] = {OLD_BODY, OTHER_BODY};
    const char *analyses[2] = {an, "{\"id\":\"old2\",\"quotes\":[]}"};
    for (int i = 0; i < 2 && ok; i++) {
        sqlite3_bind_int(s, 1, 10 + i);
        sqlite3_bind_text(s, 2, ids[i], -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 3, hashes[i], -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 4, ids[i], -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 5, ids[i], -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 6, "2025-01-05", -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 7, bodies[i], -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 8, analyses[i], -1, SQLITE_STATIC);
        sqlite3_bind_int(s, 9, 1 + i);
        sqlite3_bind_int(s, 10, 100 + i);
        ok &= sqlite3_step(s) == SQLITE_DONE;
        sqlite3_reset(s);
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    return ok;
}

/* One text value of a query (with one int parameter, or none), copied
 * into out. */
static int query_text(chr_store *st, const char *sql, int64_t arg,
                      char *out, size_t cap)
{
    sqlite3_stmt *s;
    out[0] = 0;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_int64(s, 1, arg);
    int ok = sqlite3_step(s) == SQLITE_ROW;
    if (ok)
        snprintf(out, cap, "%s",
                 chr__col_text(s, 0) ? chr__col_text(s, 0) : "");
    sqlite3_finalize(s);
    return ok;
}

T_TEST(store_schema_migrates_v6_texts)
{
    char dir[] = "/tmp/chr-schema-XXXXXX";
    T_CHECK(mkdtemp(dir) != NULL);
    char path[256];
    snprintf(path, sizeof path, "%s/v6.db", dir);
    T_CHECK(build_v6(path));

    chr_store *st = NULL;
    chr_error err;
    T_EQ_INT(chr_store_open(&st, path, &err), CHR_OK);
    if (!st)
        return;
    char v[4096];
    T_CHECK(query_text(st, "PRAGMA user_version", 0, v, sizeof v));
    T_EQ_STR(v, "8"); /* and on: the migrations after 7 ran too */
    /* the large columns left documents; the texts came through */
    T_CHECK(query_text(st,
                       "SELECT count(*) FROM pragma_table_info('documents')"
                       " WHERE name IN ('body', 'analysis')",
                       0, v, sizeof v));
    T_EQ_STR(v, "0");
    T_CHECK(query_text(st, "SELECT body FROM document_texts WHERE seq=?", 10,
                       v, sizeof v));
    T_EQ_STR(v, OLD_BODY);
    T_CHECK(query_text(st, "SELECT body FROM document_texts WHERE seq=?", 11,
                       v, sizeof v));
    T_EQ_STR(v, OTHER_BODY);
    T_CHECK(query_text(st, "SELECT id FROM documents WHERE seq=?", 11, v,
                       sizeof v));
    T_EQ_STR(v, "old2");

    /* the quotation of the plain-JSON analysis reads back */
    chr__story_quotes sq;
    T_EQ_INT(chr__store_story_quotes(st, 1, &sq, &err), CHR_OK);
    T_EQ_INT(sq.n_groups, 1);
    if (sq.n_groups == 1) {
        T_EQ_STR(sq.groups[0].text, OLD_QUOTE);
        T_EQ_STR(sq.groups[0].speaker, "Ilse Vantor");
    }
    chr__story_quotes_free(&sq);

    /* ingest still works: a copy of old1 links to it (the migrated body
       is read for the copy index and for the comparison) */
    char *body = malloc(strlen(OLD_BODY) + strlen(NEW_TAIL) + 1);
    T_CHECK(body != NULL);
    if (!body) {
        chr_store_close(st);
        return;
    }
    strcpy(body, OLD_BODY);
    strcat(body, NEW_TAIL);
    chr_doc *d = make_doc("new1", "2025-01-06", body);
    free(body);
    chr_add_result res;
    T_EQ_INT(chr_store_begin(st, &err), CHR_OK);
    chr_status ar = chr_store_add(st, d, &res, &err);
    T_EQ_INT(ar, CHR_OK);
    if (ar != CHR_OK)
        fprintf(stderr, "  add: %s\n", err.msg);
    T_EQ_INT(chr_store_commit(st, &err), CHR_OK);
    T_CHECK(!res.duplicate);
    T_CHECK(query_text(st, "SELECT copy_of || '/' || relation FROM documents"
                           " WHERE id='new1'",
                       0, v, sizeof v));
    T_EQ_STR(v, "old1/copy");
    /* its analysis is packed, and reads back as chr_doc_to_json wrote it */
    sqlite3_stmt *s;
    T_EQ_INT(sqlite3_prepare_v2(st->db,
                                "SELECT t.analysis, t.body FROM documents d"
                                " JOIN document_texts t ON t.seq = d.seq"
                                " WHERE d.id='new1'",
                                -1, &s, NULL),
             SQLITE_OK);
    T_EQ_INT(sqlite3_step(s), SQLITE_ROW);
    const unsigned char *p = sqlite3_column_blob(s, 0);
    size_t n = (size_t)sqlite3_column_bytes(s, 0);
    chr_buf want, scratch;
    chr_buf_init(&want, 0);
    chr_buf_init(&scratch, 0);
    T_EQ_INT(chr_doc_to_json(d, &want), CHR_OK);
    T_CHECK(n > 6 && p && p[0] == 0 && p[1] == 1);
    const char *json = NULL;
    size_t len = 0;
    T_EQ_INT(chr__analysis_json(st, p, n, &scratch, &json, &len), CHR_OK);
    T_CHECK(len == want.len && json && memcmp(json, want.data, len) == 0);
    T_EQ_STR(chr__col_text(s, 1), d->body);
    sqlite3_finalize(s);
    chr_buf_free(&want);
    chr_buf_free(&scratch);
    chr_store_close(st);
    chr_doc_free(d);

    /* reopening a version-7 store changes nothing */
    T_EQ_INT(chr_store_open(&st, path, &err), CHR_OK);
    if (st) {
        T_CHECK(query_text(st, "SELECT count(*) FROM document_texts",
                           0, v, sizeof v));
        T_EQ_STR(v, "3");
        chr_store_close(st);
    }
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    T_CHECK(system(cmd) == 0);
}

T_TEST(store_schema_analysis_packing)
{
    chr_buf scratch;
    chr_buf_init(&scratch, 0);
    const char *json = NULL;
    size_t len = 99;
    /* plain JSON passes through untouched */
    const char *plain = "{\"quotes\":[]}";
    T_EQ_INT(chr__analysis_json(NULL, plain, strlen(plain), &scratch, &json,
                                &len),
             CHR_OK);
    T_CHECK(json == plain && len == strlen(plain));
    /* empty: "" */
    T_EQ_INT(chr__analysis_json(NULL, NULL, 0, &scratch, &json, &len),
             CHR_OK);
    T_CHECK(json && !json[0] && len == 0);
    /* an unknown codec, a short header, a damaged frame */
    const unsigned char unknown[] = {0, 9, 4, 0, 0, 0, 1, 2, 3, 4};
    T_EQ_INT(chr__analysis_json(NULL, unknown, sizeof unknown, &scratch, &json,
                                &len),
             CHR_UNSUPPORTED);
    const unsigned char shorter[] = {0, 1, 4};
    T_EQ_INT(chr__analysis_json(NULL, shorter, sizeof shorter, &scratch, &json,
                                &len),
             CHR_PARSE);
    const unsigned char damaged[] = {0, 1, 4, 0, 0, 0, 0x28, 0xb5, 0x2f,
                                     0xfd, 0x20, 4, 0x21, 0, 0};
    T_EQ_INT(chr__analysis_json(NULL, damaged, sizeof damaged, &scratch, &json,
                                &len),
             CHR_PARSE);
    /* a length far past the limit is refused before any allocation */
    const unsigned char huge[] = {0, 1, 0xff, 0xff, 0xff, 0x7f, 0x28, 0xb5,
                                  0x2f, 0xfd};
    T_EQ_INT(chr__analysis_json(NULL, huge, sizeof huge, &scratch, &json,
                                &len),
             CHR_PARSE);
    chr_buf_free(&scratch);
}
