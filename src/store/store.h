/* store.h — internal pieces shared by the store's files. */
#ifndef CHR_STORE_INTERNAL_H
#define CHR_STORE_INTERNAL_H

#include "base/base.h"
#include "corpus/stories.h"

#include <sqlite3.h>

struct chr_store {
    sqlite3 *db;
    chr__stories *idx; /* loaded on the first add */
    int in_batch;
    char path[1024];
};

/* Fills err from the connection's last error; returns CHR_DB. */
chr_status chr__db_fail(chr_store *st, chr_error *err, const char *what);
/* Runs SQL without results. */
chr_status chr__db_exec(chr_store *st, const char *sql, chr_error *err);
/* Column text or NULL. */
const char *chr__col_text(sqlite3_stmt *s, int i);

/* Migrations: brings the schema to the current version. */
chr_status chr__store_migrate(chr_store *st, chr_error *err);

#endif
