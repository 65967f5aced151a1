/* schema.c — the store's schema and its migrations, versioned with
 * PRAGMA user_version. Each migration moves one version forward inside a
 * transaction; a store written by a newer Chronicle is refused. A new
 * store runs every step from 0 (the first creates `documents` with the
 * body and analysis columns that step 7 moves out). */
#include "store/store.h"

#include <stdio.h>

static const char *const migrations[] = {
    /* 0 -> 1: documents, stories, term statistics */
    "CREATE TABLE stories ("
    "  id INTEGER PRIMARY KEY,"
    "  title TEXT, date TEXT, place TEXT,"
    "  n_documents INTEGER NOT NULL DEFAULT 0,"
    "  date_min TEXT, date_max TEXT,"
    "  state BLOB);"
    "CREATE TABLE documents ("
    "  seq INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE,"
    "  hash TEXT NOT NULL UNIQUE,"
    "  origin TEXT, format TEXT NOT NULL,"
    "  title TEXT, published TEXT, outlet TEXT, byline TEXT, url TEXT,"
    "  dateline_place TEXT, dateline_date TEXT, language TEXT,"
    "  date_hint TEXT,"
    "  body TEXT NOT NULL,"
    "  analysis TEXT NOT NULL,"
    "  story INTEGER NOT NULL REFERENCES stories(id),"
    "  similarity REAL,"
    "  copy_of TEXT, relation TEXT);"
    "CREATE INDEX documents_story ON documents(story, seq);"
    "CREATE TABLE term_df (term INTEGER PRIMARY KEY, n INTEGER NOT NULL);",
    /* 1 -> 2: the hash of each document's raw input, for duplicate checks
       that need no analysis */
    "ALTER TABLE documents ADD COLUMN input_hash INTEGER;"
    "CREATE INDEX documents_input ON documents(input_hash);",
    /* 2 -> 3: lines per site, for site-template detection */
    "CREATE TABLE site_lines ("
    "  site INTEGER NOT NULL, line INTEGER NOT NULL,"
    "  docs INTEGER NOT NULL, story INTEGER NOT NULL, multi INTEGER NOT NULL,"
    "  PRIMARY KEY (site, line)) WITHOUT ROWID;",
    /* 3 -> 4: copies — MinHash signatures (the LSH index is rebuilt from
       them at first use), the score of each document's copy relation, and
       the paragraph alignment of each copy with its source */
    "CREATE TABLE copy_sigs ("
    "  seq INTEGER PRIMARY KEY, sig BLOB NOT NULL);"
    "ALTER TABLE documents ADD COLUMN copy_score REAL;"
    "CREATE TABLE alignments ("
    "  doc TEXT NOT NULL, para INTEGER NOT NULL,"
    "  source_doc TEXT NOT NULL, source_para INTEGER NOT NULL,"
    "  score REAL NOT NULL,"
    "  PRIMARY KEY (doc, para)) WITHOUT ROWID;",
    /* 4 -> 5: the raw-input hash of every input met, stored or duplicate,
       so that re-ingesting skips duplicates too without analysing them
       (their analysis could differ as site-template evidence grows) */
    "CREATE TABLE inputs (hash INTEGER PRIMARY KEY, id TEXT NOT NULL);"
    "INSERT OR IGNORE INTO inputs SELECT input_hash, id FROM documents"
    "  WHERE input_hash IS NOT NULL ORDER BY seq;"
    /* and each story's representative document (its title and place) */
    "ALTER TABLE stories ADD COLUMN rep_id TEXT;"
    "ALTER TABLE stories ADD COLUMN rep_date TEXT;",
    /* 5 -> 6: each document's own place and event date (chr_doc.place,
       event_date), so that a story's place and date can be chosen again
       when documents move between stories (chr_store_add_batch) */
    "ALTER TABLE documents ADD COLUMN place TEXT;"
    "ALTER TABLE documents ADD COLUMN event_date TEXT;",
    /* 6 -> 7: the large columns (body, analysis: about 18 KB a row) move
       to a table of their own, written once and never updated (texts.c),
       so that the updates of a document's story and copy link rewrite a
       row of a few hundred bytes. Rows carried over keep their analysis as
       plain JSON (chr__analysis_json reads both). Dropping a column
       rewrites the table; neither column is indexed or constrained beyond
       NOT NULL, so SQLite allows it. */
    "CREATE TABLE document_texts ("
    "  seq INTEGER PRIMARY KEY,"
    "  body TEXT NOT NULL,"
    "  analysis BLOB NOT NULL);"
    "INSERT INTO document_texts(seq, body, analysis)"
    "  SELECT seq, body, analysis FROM documents ORDER BY seq;"
    "ALTER TABLE documents DROP COLUMN body;"
    "ALTER TABLE documents DROP COLUMN analysis;",
    /* 7 -> 8: exact copies of a stored text under other ids (another
       outlet's verbatim republication): listed with their original in
       `show` and the export, as relation "copy"; nothing of theirs is
       analysed or stored again */
    "CREATE TABLE duplicates ("
    "  id TEXT PRIMARY KEY, of_seq INTEGER NOT NULL,"
    "  origin TEXT, format TEXT, title TEXT, outlet TEXT, published TEXT,"
    "  url TEXT);"
    "CREATE INDEX duplicates_of ON duplicates(of_seq);"
    /* and the ids each input's raw bytes were met under: a re-ingest skips
       analysis only for the same bytes under the same id (an exact copy
       under a new id is analysed, to be recorded with its own metadata) */
    "CREATE TABLE inputs_seen (hash INTEGER NOT NULL, id TEXT NOT NULL,"
    "  PRIMARY KEY (hash, id)) WITHOUT ROWID;"
    "INSERT OR IGNORE INTO inputs_seen SELECT hash, id FROM inputs;",
};

#define SCHEMA_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

static chr_status user_version(chr_store *st, int *v, chr_error *err)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) !=
        SQLITE_OK)
        return chr__db_fail(st, err, "reading the schema version");
    *v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
    sqlite3_finalize(s);
    return CHR_OK;
}

chr_status chr__store_migrate(chr_store *st, chr_error *err)
{
    int v = 0;
    chr_status r = user_version(st, &v, err);
    if (r != CHR_OK)
        return r;
    if (v > SCHEMA_VERSION)
        return chr__fail(err, CHR_UNSUPPORTED, st->path, -1,
                         "store has schema version %d; this chronicle knows "
                         "up to %d",
                         v, SCHEMA_VERSION);
    while (v < SCHEMA_VERSION) {
        char set[64];
        snprintf(set, sizeof set, "PRAGMA user_version=%d", v + 1);
        if ((r = chr__db_exec(st, "BEGIN IMMEDIATE", err)) != CHR_OK)
            return r;
        if ((r = chr__db_exec(st, migrations[v], err)) != CHR_OK ||
            (r = chr__db_exec(st, set, err)) != CHR_OK) {
            chr__db_exec(st, "ROLLBACK", NULL);
            return r;
        }
        if ((r = chr__db_exec(st, "COMMIT", err)) != CHR_OK)
            return r;
        v++;
    }
    return CHR_OK;
}
