/* quotes.c — the quotations of a story across its outlets, read back from
 * the store.
 *
 * Each document's quotations are stored inside its `analysis` (the
 * FORMATS.md object, written at add time into document_texts, compressed
 * or not: chr__analysis_json in texts.c); a story's statements are
 * grouped when asked for (chr__quote_groups, src/corpus/quote_groups.c) —
 * by `chronicle show` and by the export — rather than kept in a table:
 * the groups change whenever a document joins or leaves the story, and
 * grouping a story's quotations takes microseconds.
 *
 * Decisions: only direct and partial quotations start a group (indirect
 * speech joins one it matches: quote_groups.c); each group is reported
 * with every wording, the canonical one first-class (`text`) and each
 * variant with its document and its word differences from the canonical
 * wording. */
#include "store/store.h"

#include "corpus/quote_groups.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define MAX_STORY_DOCS 5000 /* documents of one story read for its quotes */

static const char *json_dup(chr__arena *a, json_t *o, const char *key)
{
    const char *v = json_string_value(json_object_get(o, key));
    return v ? chr__arena_strdup(a, v) : NULL;
}

/* The quotations stored in one analysis object. */
static chr_status parse_quotes(const char *analysis, size_t len,
                               chr__arena *a, chr_quote **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    json_t *root = json_loadb(analysis, len, 0, NULL);
    if (!root)
        return CHR_OK; /* a damaged analysis has no quotations to show */
    json_t *qs = json_object_get(root, "quotes");
    size_t nq = json_is_array(qs) ? json_array_size(qs) : 0;
    chr_status r = CHR_OK;
    if (nq) {
        chr_quote *q = chr__arena_alloc(a, nq * sizeof *q);
        if (!q) {
            json_decref(root);
            return CHR_NOMEM;
        }
        size_t k = 0;
        for (size_t i = 0; i < nq; i++) {
            json_t *o = json_array_get(qs, i);
            if (!json_is_object(o))
                continue;
            memset(&q[k], 0, sizeof q[k]);
            q[k].text = json_dup(a, o, "text");
            q[k].kind = json_dup(a, o, "kind");
            q[k].speaker = json_dup(a, o, "speaker");
            q[k].speaker_actor = json_dup(a, o, "speaker_actor");
            q[k].cue = json_dup(a, o, "cue");
            json_int_t s = json_integer_value(json_object_get(o, "start"));
            json_int_t e = json_integer_value(json_object_get(o, "end"));
            q[k].start = s > 0 ? (size_t)s : 0;
            q[k].end = e > s ? (size_t)e : q[k].start;
            if (!q[k].text) /* out of memory or a malformed entry */
                continue;
            k++;
        }
        *out = q;
        *n = k;
    }
    json_decref(root);
    return r;
}

chr_status chr__store_story_quotes(chr_store *st, int64_t story,
                                   chr__story_quotes *out, chr_error *err)
{
    memset(out, 0, sizeof *out);
    chr__arena *a = chr__arena_new(0);
    if (!a)
        return chr__fail(err, CHR_NOMEM, st->path, -1, "out of memory");
    out->arena = a;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT d.id, t.body, t.analysis "
                           "FROM documents d LEFT JOIN document_texts t "
                           "ON t.seq = d.seq "
                           "WHERE d.story=? ORDER BY d.seq LIMIT ?",
                           -1, &s, NULL) != SQLITE_OK)
        return chr__db_fail(st, err, "reading a story's quotations");
    sqlite3_bind_int64(s, 1, story);
    sqlite3_bind_int(s, 2, MAX_STORY_DOCS);
    size_t cap = 16;
    chr__qg_doc *docs = malloc(cap * sizeof *docs);
    const char **ids = malloc(cap * sizeof *ids);
    chr_status r = docs && ids ? CHR_OK : CHR_NOMEM;
    size_t n = 0;
    int rc;
    chr_buf scratch; /* unpacked analyses (texts.c) */
    chr_buf_init(&scratch, 0);
    while (r == CHR_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (n == cap) {
            cap *= 2;
            chr__qg_doc *nd = realloc(docs, cap * sizeof *nd);
            if (nd)
                docs = nd;
            const char **ni = nd ? realloc(ids, cap * sizeof *ni) : NULL;
            if (ni)
                ids = ni;
            if (!nd || !ni) {
                r = CHR_NOMEM;
                break;
            }
        }
        const char *id = chr__col_text(s, 0);
        const char *body = chr__col_text(s, 1);
        size_t blen = (size_t)sqlite3_column_bytes(s, 1);
        const void *stored = sqlite3_column_blob(s, 2);
        size_t slen = (size_t)sqlite3_column_bytes(s, 2);
        chr__qg_doc *d = &docs[n];
        memset(d, 0, sizeof *d);
        ids[n] = chr__arena_strdup(a, id ? id : "");
        d->body = body ? chr__arena_strndup(a, body, blen) : "";
        d->body_len = body ? blen : 0;
        chr_quote *q = NULL;
        size_t nq = 0;
        const char *an;
        size_t alen;
        chr_status ur = chr__analysis_json(st, stored, slen, &scratch,
                                           &an, &alen);
        if (ur == CHR_NOMEM)
            r = ur;
        else if (ur == CHR_OK && alen) /* a damaged one: no quotations */
            r = parse_quotes(an, alen, a, &q, &nq);
        d->quotes = q;
        d->n_quotes = nq;
        if (!ids[n] || !d->body)
            r = CHR_NOMEM;
        n++;
    }
    sqlite3_finalize(s);
    chr_buf_free(&scratch);
    if (r == CHR_OK && rc != SQLITE_DONE) {
        free(docs);
        free(ids);
        return chr__db_fail(st, err, "reading a story's quotations");
    }
    if (r == CHR_OK && n) {
        r = chr__quote_groups(docs, n, a, &out->groups, &out->n_groups);
        if (r == CHR_TOOBIG) { /* too many to group: none shown */
            out->groups = NULL;
            out->n_groups = 0;
            r = CHR_OK;
        }
    }
    free(docs);
    if (r == CHR_OK && n) {
        const char **keep = chr__arena_alloc(a, n * sizeof *keep);
        if (!keep)
            r = CHR_NOMEM;
        else
            memcpy(keep, ids, n * sizeof *keep);
        out->doc_ids = keep;
        out->n_docs = n;
    }
    free(ids);
    if (r != CHR_OK)
        return chr__fail(err, r, st->path, -1, "grouping quotations: %s",
                         chr_strerror(r));
    return CHR_OK;
}

void chr__story_quotes_free(chr__story_quotes *q)
{
    if (q && q->arena)
        chr__arena_free(q->arena);
    if (q)
        memset(q, 0, sizeof *q);
}

chr_status chr_store_story_quotes(chr_store *st, int64_t story,
                                  int (*cb)(void *ctx,
                                            const chr_story_quote *q),
                                  void *ctx, chr_error *err)
{
    chr__story_quotes sq;
    chr_status r = chr__store_story_quotes(st, story, &sq, err);
    if (r != CHR_OK) {
        chr__story_quotes_free(&sq);
        return r;
    }
    chr_buf diff;
    chr_buf_init(&diff, 1 << 20);
    for (size_t g = 0; g < sq.n_groups && r == CHR_OK; g++) {
        const chr__qg_group *grp = &sq.groups[g];
        chr_quote_variant *v = malloc(grp->n_members * sizeof *v);
        char **diffs = calloc(grp->n_members, sizeof *diffs);
        if (!v || !diffs) {
            free(v);
            free(diffs);
            r = chr__fail(err, CHR_NOMEM, st->path, -1, "out of memory");
            break;
        }
        for (size_t m = 0; m < grp->n_members; m++) {
            const chr__qg_member *mb = &grp->members[m];
            v[m].document = mb->doc < sq.n_docs ? sq.doc_ids[mb->doc] : "";
            v[m].text = mb->text;
            v[m].marks_lost = mb->quote == SIZE_MAX;
            v[m].diff = NULL;
            if (m != grp->canonical && mb->text && grp->text) {
                chr_buf_reset(&diff);
                if (chr__quote_diff(grp->text, mb->text, &diff) == CHR_OK &&
                    diff.len)
                    diffs[m] = strndup(diff.data, diff.len);
                v[m].diff = diffs[m];
            }
        }
        chr_story_quote q = {grp->speaker, grp->speaker_actor, grp->text, v,
                             grp->n_members};
        int stop = cb(ctx, &q);
        for (size_t m = 0; m < grp->n_members; m++)
            free(diffs[m]);
        free(diffs);
        free(v);
        if (stop)
            break;
    }
    chr_buf_free(&diff);
    chr__story_quotes_free(&sq);
    return r;
}
