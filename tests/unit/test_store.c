/* test_store.c — store: schema version, adds, duplicates, stories across
 * reopen, id collisions, export determinism. Documents are built directly
 * (no reading or cleaning) so that only the store and stories are tested. */
#include "t.h"
#include "store_fixture.h"

#include "corpus/stories.h"
#include "doc/doc.h"
#include "text/text.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>


static const char *ALPHA1 =
    "The Veltrian parliament in Nordhaven approved the Harlow river dam on "
    "Tuesday after a long debate. Prime Minister Anja Kessler said the dam "
    "would bring power to the northern valleys. Farmers in Corvin protested "
    "outside the parliament in Nordhaven.";
static const char *ALPHA2 =
    "Lawmakers in Nordhaven backed the Harlow river dam project. Anja Kessler, "
    "the Veltrian prime minister, told parliament the dam brings power to the "
    "valleys, while farmers from Corvin protested the Harlow dam.";
static const char *BETA =
    "A magnitude 6.1 earthquake struck the coastal city of Port Eliane early "
    "on Sunday, damaging the old harbour and the cathedral. Rescue teams from "
    "Marisol searched the rubble through the night.";

typedef struct cnt {
    int stories;
    int docs;
    int64_t last_story;
} cnt;

static int count_story(void *ctx, const chr_story_info *s)
{
    cnt *c = ctx;
    c->stories++;
    c->last_story = s->id;
    return 0;
}

static int count_doc(void *ctx, const chr_doc_info *d)
{
    (void)d;
    ((cnt *)ctx)->docs++;
    return 0;
}

static int to_buf(void *ctx, const char *p, size_t n)
{
    return chr_buf_append(ctx, p, n) != CHR_OK;
}

static chr_status add(chr_store *st, chr_doc *d, chr_add_result *r)
{
    chr_error err;
    chr_status s = chr_store_begin(st, &err);
    if (s == CHR_OK)
        s = chr_store_add(st, d, r, &err);
    if (s == CHR_OK)
        s = chr_store_commit(st, &err);
    if (s != CHR_OK)
        fprintf(stderr, "  store: %s\n", err.msg);
    return s;
}

T_TEST(store_adds_dedupes_and_clusters_across_reopen)
{
    char dir[] = "/tmp/chr-store-XXXXXX";
    T_CHECK(mkdtemp(dir) != NULL);
    char path[256];
    snprintf(path, sizeof path, "%s/t.db", dir);
    chr_store *st;
    chr_error err;
    T_EQ_INT(chr_store_open(&st, path, &err), CHR_OK);
    chr_doc *a1 = make_doc("a1", "2025-03-11", ALPHA1);
    chr_doc *b = make_doc("b", "2025-03-12", BETA);
    chr_doc *a2 = make_doc("a2", NULL, ALPHA2);
    chr_add_result r1, r2, r3, r4;
    T_EQ_INT(add(st, a1, &r1), CHR_OK);
    T_CHECK(r1.new_story && !r1.duplicate);
    T_EQ_INT(add(st, b, &r2), CHR_OK);
    T_CHECK(r2.new_story && r2.story != r1.story);
    T_EQ_INT(add(st, a1, &r3), CHR_OK);
    T_CHECK(r3.duplicate);
    T_EQ_STR(r3.dup_of, "a1");
    char found[64];
    T_EQ_INT(chr_store_find_input(st, a1->input_hash, found, sizeof found,
                                  &err),
             CHR_OK);
    T_EQ_STR(found, "a1");
    T_EQ_INT(chr_store_find_input(st, 12345, found, sizeof found, &err),
             CHR_NOTFOUND);
    chr_store_close(st);

    /* reopen: the story index is loaded back and a2 joins a1's story */
    T_EQ_INT(chr_store_open(&st, path, &err), CHR_OK);
    T_EQ_INT(add(st, a2, &r4), CHR_OK);
    T_CHECK(!r4.new_story);
    T_EQ_INT(r4.story, r1.story);
    cnt c = {0, 0, 0};
    T_EQ_INT(chr_store_stories(st, count_story, &c, &err), CHR_OK);
    T_EQ_INT(c.stories, 2);
    c.docs = 0;
    T_EQ_INT(chr_store_story(st, r1.story, NULL, count_doc, &c, &err), CHR_OK);
    T_EQ_INT(c.docs, 2);
    T_EQ_INT(chr_store_story(st, 999, NULL, count_doc, &c, &err),
             CHR_NOTFOUND);

    /* the same id with another text is kept under a new id */
    chr_doc *b2 = make_doc("b", NULL, "Completely different words about a "
                                      "chess tournament in Lindqvist.");
    chr_add_result r5;
    T_EQ_INT(add(st, b2, &r5), CHR_OK);
    chr_buf e1, e2;
    chr_buf_init(&e1, 0);
    chr_buf_init(&e2, 0);
    T_EQ_INT(chr_store_export_json(st, to_buf, &e1, &err), CHR_OK);
    T_CHECK(strstr(e1.data, "\"id\":\"b~2\"") != NULL);
    T_CHECK(strstr(e1.data, "\"quotes\":[]") != NULL);
    T_EQ_INT(add(st, a2, &r5), CHR_OK); /* duplicate: nothing changes */
    T_CHECK(r5.duplicate);
    T_EQ_INT(chr_store_export_json(st, to_buf, &e2, &err), CHR_OK);
    T_CHECK(e1.len == e2.len && memcmp(e1.data, e2.data, e1.len) == 0);
    chr_buf_free(&e1);
    chr_buf_free(&e2);
    chr_store_close(st);

    /* a store from a newer schema is refused */
    sqlite3 *db;
    sqlite3_open(path, &db);
    sqlite3_exec(db, "PRAGMA user_version=99", NULL, NULL, NULL);
    sqlite3_close(db);
    T_EQ_INT(chr_store_open(&st, path, &err), CHR_UNSUPPORTED);
    T_CHECK(st == NULL);

    chr_doc_free(a1);
    chr_doc_free(a2);
    chr_doc_free(b);
    chr_doc_free(b2);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    T_CHECK(system(cmd) == 0);
}

static const char *ALPHA3 =
    "Farmers from Corvin marched on parliament in Nordhaven against the "
    "Harlow river dam that Anja Kessler's government approved on Tuesday.";
static const char *BETA2 =
    "Rescue teams from Marisol worked through the night in Port Eliane, "
    "where Sunday's earthquake damaged the harbour and the cathedral.";

/* Ingests docs[order[i]] as one batch into a new store; the export. */
static chr_status batch_export(const char *path, chr_doc **docs,
                               const int *order, size_t n, chr_buf *out,
                               int *new_stories, int *dups)
{
    chr_store *st;
    chr_error err;
    chr_status s = chr_store_open(&st, path, &err);
    if (s != CHR_OK)
        return s;
    const chr_doc *batch[8];
    chr_add_result res[8];
    for (size_t i = 0; i < n; i++)
        batch[i] = docs[order[i]];
    s = chr_store_begin(st, &err);
    if (s == CHR_OK)
        s = chr_store_add_batch(st, batch, n, res, &err);
    if (s == CHR_OK)
        s = chr_store_commit(st, &err);
    *new_stories = *dups = 0;
    for (size_t i = 0; s == CHR_OK && i < n; i++) {
        *new_stories += res[i].new_story;
        *dups += res[i].duplicate;
    }
    if (s == CHR_OK)
        s = chr_store_export_json(st, to_buf, out, &err);
    if (s != CHR_OK)
        fprintf(stderr, "  store: %s\n", err.msg);
    chr_store_close(st);
    return s;
}

T_TEST(store_batch_gives_the_same_stories_in_any_order)
{
    char dir[] = "/tmp/chr-store-XXXXXX";
    T_CHECK(mkdtemp(dir) != NULL);
    chr_doc *docs[6] = {
        make_doc("a1", "2025-03-11", ALPHA1), make_doc("b1", NULL, BETA),
        make_doc("a2", NULL, ALPHA2),         make_doc("b2", "2025-03-16", BETA2),
        make_doc("a3", "2025-03-12", ALPHA3), make_doc("a1-again", NULL, ALPHA1),
    };
    static const int orders[3][6] = {
        {0, 1, 2, 3, 4, 5}, {5, 4, 3, 2, 1, 0}, {3, 0, 5, 1, 4, 2}};
    chr_buf first;
    chr_buf_init(&first, 0);
    for (int k = 0; k < 3; k++) {
        char path[256];
        snprintf(path, sizeof path, "%s/t%d.db", dir, k);
        chr_buf e;
        chr_buf_init(&e, 0);
        int new_stories = 0, dups = 0;
        T_EQ_INT(batch_export(path, docs, orders[k], 6, &e, &new_stories,
                              &dups),
                 CHR_OK);
        T_EQ_INT(new_stories, 2); /* the dam and the earthquake */
        T_EQ_INT(dups, 1);
        if (k == 0) {
            T_EQ_INT(chr_buf_append(&first, e.data, e.len), CHR_OK);
        } else {
            /* the same stories, documents and ids, byte for byte (the
               same text twice is stored under the id that sorts first) */
            T_CHECK(e.len == first.len &&
                    memcmp(e.data, first.data, e.len) == 0);
        }
        chr_buf_free(&e);
    }
    T_CHECK(strstr(first.data, "\"id\":\"a1\"") != NULL);
    /* the other is kept as its exact copy, in every order */
    T_CHECK(strstr(first.data, "{\"id\":\"a1-again\"") != NULL);
    T_CHECK(strstr(first.data, "\"copy_of\":\"a1\",\"relation\":\"copy\"") != NULL);
    chr_buf_free(&first);
    for (int i = 0; i < 6; i++)
        chr_doc_free(docs[i]);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    T_CHECK(system(cmd) == 0);
}

T_TEST(store_rollback_keeps_what_was_committed)
{
    char dir[] = "/tmp/chr-store-XXXXXX";
    T_CHECK(mkdtemp(dir) != NULL);
    char path[256];
    snprintf(path, sizeof path, "%s/t.db", dir);
    chr_store *st;
    chr_error err;
    T_EQ_INT(chr_store_open(&st, path, &err), CHR_OK);
    chr_doc *a1 = make_doc("a1", NULL, ALPHA1);
    chr_doc *b = make_doc("b", NULL, BETA);
    chr_add_result r;
    chr_store_counts c0;
    T_EQ_INT(chr_store_counts_get(st, &c0, &err), CHR_OK);
    T_CHECK(c0.story_index_bytes == 0 && c0.copy_index_bytes == 0);
    T_EQ_INT(add(st, a1, &r), CHR_OK);
    T_EQ_INT(chr_store_begin(st, &err), CHR_OK);
    T_EQ_INT(chr_store_add(st, b, &r, &err), CHR_OK);
    T_EQ_INT(chr_store_rollback(st), CHR_OK);
    chr_store_counts c;
    T_EQ_INT(chr_store_counts_get(st, &c, &err), CHR_OK);
    T_EQ_INT(c.documents, 1);
    T_EQ_INT(c.stories, 1);
    /* after the rollback the index is reloaded and b can be added again */
    T_EQ_INT(add(st, b, &r), CHR_OK);
    T_CHECK(!r.duplicate && r.new_story);
    /* the indexes are loaded now: their memory is counted, and grows */
    T_EQ_INT(chr_store_counts_get(st, &c, &err), CHR_OK);
    T_CHECK(c.story_index_bytes > 0 && c.copy_index_bytes > 0);
    T_EQ_INT(chr_store_add(st, b, &r, &err), CHR_INVALID); /* no batch */
    chr_store_close(st);
    chr_doc_free(a1);
    chr_doc_free(b);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    T_CHECK(system(cmd) == 0);
}

typedef struct dup_seen {
    int docs, copies;
    char copy_of[64], copy_id[64];
} dup_seen;

static int note_dup(void *ctx, const chr_doc_info *d)
{
    dup_seen *c = ctx;
    c->docs++;
    if (d->relation && strcmp(d->relation, "copy") == 0 && d->copy_of) {
        c->copies++;
        snprintf(c->copy_of, sizeof c->copy_of, "%s", d->copy_of);
        snprintf(c->copy_id, sizeof c->copy_id, "%s", d->id);
    }
    return 0;
}

/* An exact copy under another id (another outlet's verbatim copy) is not
 * stored again, but is recorded and listed with its original as relation
 * "copy"; the same id again, or the same URL, is not a new report. */
T_TEST(store_keeps_exact_copies_under_other_ids)
{
    char dir[] = "/tmp/chr-store-XXXXXX";
    T_CHECK(mkdtemp(dir) != NULL);
    char path[256];
    snprintf(path, sizeof path, "%s/t.db", dir);
    chr_store *st;
    chr_error err;
    T_EQ_INT(chr_store_open(&st, path, &err), CHR_OK);
    chr_doc *a = make_doc("wire-a", "2025-03-11", ALPHA1);
    chr_doc *b = make_doc("paper-b", "2025-03-11", ALPHA1);
    chr_doc *b_again = make_doc("paper-b", "2025-03-11", ALPHA1);
    chr_doc *c = make_doc("site-c", "2025-03-11", ALPHA1);
    c->url = a->url = "https://wire.example/dam"; /* the same page */
    chr_add_result r;
    T_EQ_INT(add(st, a, &r), CHR_OK);
    int64_t story = r.story;
    T_EQ_INT(add(st, b, &r), CHR_OK);
    T_CHECK(r.duplicate);
    T_EQ_STR(r.dup_of, "wire-a");
    T_EQ_INT(add(st, b_again, &r), CHR_OK); /* a re-ingest */
    T_CHECK(r.duplicate);
    T_EQ_INT(add(st, c, &r), CHR_OK); /* the same URL: the same report */
    T_CHECK(r.duplicate);
    dup_seen seen;
    memset(&seen, 0, sizeof seen);
    T_EQ_INT(chr_store_story(st, story, NULL, note_dup, &seen, &err), CHR_OK);
    T_EQ_INT(seen.docs, 2);
    T_EQ_INT(seen.copies, 1);
    T_EQ_STR(seen.copy_id, "paper-b");
    T_EQ_STR(seen.copy_of, "wire-a");
    /* the export lists it too */
    chr_buf out;
    chr_buf_init(&out, 0);
    T_EQ_INT(chr_store_export_json(st, to_buf, &out, &err), CHR_OK);
    T_CHECK(out.data && strstr(out.data, "\"id\":\"paper-b\"") &&
            strstr(out.data, "\"copy_of\":\"wire-a\",\"relation\":\"copy\""));
    T_CHECK(out.data && strstr(out.data, "[\"wire-a\",\"paper-b\"]"));
    T_CHECK(out.data && !strstr(out.data, "site-c"));
    chr_buf_free(&out);
    /* a re-ingest skips analysis for the same bytes under the same id
       only: the copy's id was met, another id was not */
    T_EQ_INT(chr_store_input_seen(st, b->input_hash, "paper-b", &err), CHR_OK);
    T_EQ_INT(chr_store_input_seen(st, b->input_hash, "wire-a", &err), CHR_OK);
    T_EQ_INT(chr_store_input_seen(st, b->input_hash, "paper-z", &err),
             CHR_NOTFOUND);
    /* the copy's id is taken: another text under it is stored as id~2 */
    chr_doc *b_new = make_doc("paper-b", "2025-03-12", BETA);
    T_EQ_INT(add(st, b_new, &r), CHR_OK);
    T_CHECK(!r.duplicate);
    dup_seen seen2;
    memset(&seen2, 0, sizeof seen2);
    T_EQ_INT(chr_store_story(st, r.story, NULL, note_dup, &seen2, &err),
             CHR_OK);
    T_EQ_INT(seen2.docs, 1);
    chr_doc_free(b_new);
    chr_buf_init(&out, 0);
    T_EQ_INT(chr_store_export_json(st, to_buf, &out, &err), CHR_OK);
    T_CHECK(out.data && strstr(out.data, "\"id\":\"paper-b~2\""));
    chr_buf_free(&out);
    chr_store_close(st);
    chr_doc_free(a);
    chr_doc_free(b);
    chr_doc_free(b_again);
    chr_doc_free(c);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    T_CHECK(system(cmd) == 0);
}

T_TEST(iso_days_round_trip)
{
    char out[11];
    int32_t d = chr__iso_days("2024-07-03");
    chr__days_iso(d, out);
    T_EQ_STR(out, "2024-07-03");
    T_EQ_INT(chr__iso_days("2024-07-04") - d, 1);
    T_EQ_INT(chr__iso_days("1970-01-01"), 0);
    T_CHECK(chr__iso_days("July") == INT32_MIN);
    T_CHECK(chr__iso_days(NULL) == INT32_MIN);
}
