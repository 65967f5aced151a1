/* copylinks.c — the store side of copies: persisting MinHash signatures,
 * loading the LSH index, and linking each new document with its closest
 * relative (documents.copy_of / relation / copy_score, table alignments).
 *
 * For a new document D:
 *  1. its signature is stored in copy_sigs and indexed in memory;
 *  2. candidates: documents sharing an LSH band with D (near-copies), and
 *     the newest documents of D's story (rewrites and translations share
 *     too few shingles for banding, but they report the same story);
 *  3. each candidate C is compared with D (chr__copies_compare); when they
 *     are related, chr__copies_a_first decides which is the original;
 *  4. D's copy_of is the best-scoring related original; and when D is the
 *     original of a stored C whose present link scores lower (or that has
 *     none), C is relinked to D. A newer document can therefore be the
 *     original of an older one (earlier publication date, wire credit).
 * Since every pair is judged the same way whichever comes first and each
 * document keeps its best original (ties: the smaller id), the links do
 * not depend on ingest order as long as the candidates do not. */
#include "store/store.h"

#include "corpus/copies.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STORY_CANDIDATES 32 /* newest documents of the story compared */
#define LSH_CANDIDATES 32   /* near-copy candidates compared */
#define SIG_BYTES (CHR__MH_HASHES * 4)
#define CACHE_SLOTS 256     /* features of the newest documents kept */

/* The store's copy state: the LSH index and the features of the newest
 * documents (story candidates are mostly recent, so their bodies need not
 * be read and analysed again). */
typedef struct chr__copylinks {
    chr__lsh *lsh;
    int64_t cache_seq[CACHE_SLOTS];
    size_t cache_len[CACHE_SLOTS]; /* body bytes */
    chr__copyfeat *cache[CACHE_SLOTS];
} chr__copylinks;

void chr__copies_free(chr_store *st)
{
    chr__copylinks *c = st->copies;
    if (!c)
        return;
    chr__lsh_free(c->lsh);
    for (int i = 0; i < CACHE_SLOTS; i++)
        chr__copyfeat_free(c->cache[i]);
    free(c);
    st->copies = NULL;
}

size_t chr__copies_memory(const chr_store *st)
{
    const chr__copylinks *c = st->copies;
    return c && c->lsh ? sizeof *c + chr__lsh_memory(c->lsh) : 0;
}

/* Keeps `f` (taking it over) as the features of document `seq`, whose
 * body has `len` bytes. */
static void cache_put(chr__copylinks *c, int64_t seq, chr__copyfeat *f,
                      size_t len)
{
    int k = (int)((uint64_t)seq % CACHE_SLOTS);
    chr__copyfeat_free(c->cache[k]);
    c->cache[k] = f;
    c->cache_seq[k] = seq;
    c->cache_len[k] = len;
}

static chr__copyfeat *cache_get(chr__copylinks *c, int64_t seq, size_t *len)
{
    int k = (int)((uint64_t)seq % CACHE_SLOTS);
    if (!c->cache[k] || c->cache_seq[k] != seq)
        return NULL;
    *len = c->cache_len[k];
    return c->cache[k];
}

static void sig_encode(const uint32_t *sig, unsigned char *out)
{
    for (int i = 0; i < CHR__MH_HASHES; i++)
        for (int k = 0; k < 4; k++)
            out[4 * i + k] = (unsigned char)(sig[i] >> (8 * k));
}

static void sig_decode(const unsigned char *in, uint32_t *sig)
{
    for (int i = 0; i < CHR__MH_HASHES; i++)
        sig[i] = (uint32_t)in[4 * i] | (uint32_t)in[4 * i + 1] << 8 |
                 (uint32_t)in[4 * i + 2] << 16 | (uint32_t)in[4 * i + 3] << 24;
}

static chr_status put_sig(chr_store *st, int64_t seq, const uint32_t *sig)
{
    unsigned char blob[SIG_BYTES];
    sig_encode(sig, blob);
    sqlite3_stmt *s;
    if (chr__prepare(st, "INSERT OR REPLACE INTO copy_sigs(seq, sig) "
                           "VALUES(?, ?)", &s) != SQLITE_OK)
        return CHR_DB;
    sqlite3_bind_int64(s, 1, seq);
    sqlite3_bind_blob(s, 2, blob, SIG_BYTES, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    chr__release(st, s);
    return rc == SQLITE_DONE ? CHR_OK : CHR_DB;
}

/* Signatures of documents stored before schema version 4 (but not of
 * `skip`, the document being added). */
static chr_status backfill(chr_store *st, chr__lsh *l, int64_t skip)
{
    sqlite3_stmt *s;
    if (chr__prepare(st, "SELECT d.seq, t.body FROM documents d "
                           "LEFT JOIN document_texts t ON t.seq = d.seq "
                           "WHERE d.seq NOT IN (SELECT seq FROM copy_sigs) "
                           "AND d.seq<>? ORDER BY d.seq", &s) != SQLITE_OK)
        return CHR_DB;
    sqlite3_bind_int64(s, 1, skip);
    chr_status r = CHR_OK;
    while (r == CHR_OK && sqlite3_step(s) == SQLITE_ROW) {
        int64_t seq = sqlite3_column_int64(s, 0);
        const char *body = chr__col_text(s, 1);
        chr__copyfeat *f = NULL;
        r = chr__copyfeat_new(body ? body : "",
                              (size_t)sqlite3_column_bytes(s, 1), &f);
        if (r == CHR_OK && chr__copyfeat_shingles(f)) {
            r = put_sig(st, seq, chr__copyfeat_sig(f));
            if (r == CHR_OK)
                r = chr__lsh_add(l, (uint32_t)seq, chr__copyfeat_sig(f));
        }
        chr__copyfeat_free(f);
    }
    chr__release(st, s);
    return r;
}

static chr_status load(chr_store *st, int64_t skip, chr_error *err)
{
    if (st->copies)
        return CHR_OK;
    chr__lsh *l = chr__lsh_new();
    chr__copylinks *cl = calloc(1, sizeof *cl);
    if (!l || !cl) {
        chr__lsh_free(l);
        free(cl);
        return chr__fail(err, CHR_NOMEM, st->path, -1, "out of memory");
    }
    sqlite3_stmt *s;
    if (chr__prepare(st, "SELECT seq, sig FROM copy_sigs", &s) != SQLITE_OK) {
        chr__lsh_free(l);
        free(cl);
        return chr__db_fail(st, err, "loading the copy index");
    }
    chr_status r = CHR_OK;
    uint32_t sig[CHR__MH_HASHES];
    while (r == CHR_OK && sqlite3_step(s) == SQLITE_ROW) {
        if (sqlite3_column_bytes(s, 1) != SIG_BYTES)
            continue;
        sig_decode(sqlite3_column_blob(s, 1), sig);
        r = chr__lsh_add(l, (uint32_t)sqlite3_column_int64(s, 0), sig);
    }
    chr__release(st, s);
    if (r == CHR_OK)
        r = backfill(st, l, skip);
    if (r != CHR_OK) {
        chr__lsh_free(l);
        free(cl);
        return r == CHR_DB ? chr__db_fail(st, err, "loading the copy index")
                           : chr__fail(err, r, st->path, -1,
                                       "loading the copy index: %s",
                                       chr_strerror(r));
    }
    cl->lsh = l;
    st->copies = cl;
    return CHR_OK;
}

/* A stored candidate. */
typedef struct cand {
    char id[600], hash[40], date[16], lang[16], outlet[256], byline[256],
        copy_of[600];
    int dateline_dated, has_link, own;
    double copy_score;
    size_t len;
    chr__copyfeat *f;
} cand;

static void cpy(char *dst, size_t cap, const char *src)
{
    snprintf(dst, cap, "%s", src ? src : "");
}

/* Reads a stored candidate; its features come from the cache when there
 * (c->f is then borrowed: c->own is 0). A cached candidate's body is not
 * read at all (its length is cached too): with the body's length taken in
 * SQL, every candidate's whole body was read from its overflow pages. The
 * body lives in document_texts (texts.c), joined only when needed. */
static chr_status load_cand(chr_store *st, int64_t seq, cand *c)
{
    memset(c, 0, sizeof *c);
    size_t cached_len = 0;
    chr__copyfeat *cached = cache_get(st->copies, seq, &cached_len);
    sqlite3_stmt *s;
    int rc = cached
        ? chr__prepare(st, "SELECT id, hash, date_hint, language, outlet, "
                             "byline, dateline_date, copy_of, copy_score "
                             "FROM documents WHERE seq=?1", &s)
        : chr__prepare(st, "SELECT d.id, d.hash, d.date_hint, d.language, "
                             "d.outlet, d.byline, d.dateline_date, d.copy_of, "
                             "d.copy_score, t.body "
                             "FROM documents d LEFT JOIN document_texts t "
                             "ON t.seq = d.seq WHERE d.seq=?1", &s);
    if (rc != SQLITE_OK)
        return CHR_DB;
    sqlite3_bind_int64(s, 1, seq);
    chr_status r = CHR_NOTFOUND;
    if (sqlite3_step(s) == SQLITE_ROW) {
        cpy(c->id, sizeof c->id, chr__col_text(s, 0));
        cpy(c->hash, sizeof c->hash, chr__col_text(s, 1));
        cpy(c->date, sizeof c->date, chr__col_text(s, 2));
        cpy(c->lang, sizeof c->lang, chr__col_text(s, 3));
        cpy(c->outlet, sizeof c->outlet, chr__col_text(s, 4));
        cpy(c->byline, sizeof c->byline, chr__col_text(s, 5));
        c->dateline_dated = chr__col_text(s, 6) != NULL;
        cpy(c->copy_of, sizeof c->copy_of, chr__col_text(s, 7));
        c->has_link = sqlite3_column_type(s, 8) != SQLITE_NULL;
        c->copy_score = sqlite3_column_double(s, 8);
        if (cached) {
            c->len = cached_len;
            c->f = cached;
            r = CHR_OK;
        } else {
            const char *body = chr__col_text(s, 9);
            c->len = body ? (size_t)sqlite3_column_bytes(s, 9) : 0;
            r = chr__copyfeat_new(body ? body : "", c->len, &c->f);
            c->own = 1;
        }
    }
    chr__release(st, s);
    return r;
}

static chr__copy_meta cand_meta(const cand *c)
{
    chr__copy_meta m = {c->id, c->date[0] ? c->date : NULL,
                        c->outlet[0] ? c->outlet : NULL,
                        c->byline[0] ? c->byline : NULL, c->dateline_dated,
                        c->len, c->hash};
    return m;
}

/* Sets doc `id` (at `seq`) as a `rel` of `src`, replacing its alignment. */
static chr_status set_link(chr_store *st, int64_t seq, const char *id,
                           const char *src, const chr__copy_pair *p)
{
    sqlite3_stmt *s;
    if (chr__prepare(st, "UPDATE documents SET copy_of=?, relation=?, "
                           "copy_score=? WHERE seq=?", &s) != SQLITE_OK)
        return CHR_DB;
    sqlite3_bind_text(s, 1, src, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, chr__relation_name(p->relation), -1,
                      SQLITE_STATIC);
    sqlite3_bind_double(s, 3, p->score);
    sqlite3_bind_int64(s, 4, seq);
    int rc = sqlite3_step(s);
    chr__release(st, s);
    if (rc != SQLITE_DONE)
        return CHR_DB;
    if (chr__prepare(st, "DELETE FROM alignments WHERE doc=?", &s) != SQLITE_OK)
        return CHR_DB;
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    rc = sqlite3_step(s);
    chr__release(st, s);
    if (rc != SQLITE_DONE)
        return CHR_DB;
    if (chr__prepare(st, "INSERT INTO alignments(doc, para, source_doc, "
                           "source_para, score) VALUES(?,?,?,?,?)", &s) != SQLITE_OK)
        return CHR_DB;
    for (size_t i = 0; i < p->n_align && rc == SQLITE_DONE; i++) {
        sqlite3_reset(s);
        sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 2, p->align[i].para);
        sqlite3_bind_text(s, 3, src, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 4, p->align[i].source_para);
        sqlite3_bind_double(s, 5, (double)(int)(p->align[i].score * 1000) /
                                      1000.0);
        rc = sqlite3_step(s);
    }
    chr__release(st, s);
    return rc == SQLITE_DONE ? CHR_OK : CHR_DB;
}

/* 1 when a link of score `sc` to `src` beats the present one. */
static int better(double sc, const char *src, int has, double cur,
                  const char *cur_src)
{
    if (!has || sc > cur + 1e-9)
        return 1;
    return sc > cur - 1e-9 && strcmp(src, cur_src) < 0;
}

static size_t candidates(chr_store *st, const uint32_t *sig, int use_lsh,
                         int64_t seq, int64_t story, uint32_t *out)
{
    size_t n = 0;
    if (use_lsh) {
        uint32_t got[LSH_CANDIDATES + 1];
        size_t ng = chr__lsh_query(st->copies->lsh, sig, got, LSH_CANDIDATES + 1);
        for (size_t i = 0; i < ng && n < LSH_CANDIDATES; i++)
            if ((int64_t)got[i] != seq)
                out[n++] = got[i];
    }
    sqlite3_stmt *s;
    if (chr__prepare(st, "SELECT seq FROM documents WHERE story=? AND "
                           "seq<>? ORDER BY seq DESC LIMIT ?", &s) != SQLITE_OK)
        return n;
    sqlite3_bind_int64(s, 1, story);
    sqlite3_bind_int64(s, 2, seq);
    sqlite3_bind_int(s, 3, STORY_CANDIDATES);
    while (sqlite3_step(s) == SQLITE_ROW) {
        uint32_t c = (uint32_t)sqlite3_column_int64(s, 0);
        size_t k = 0;
        while (k < n && out[k] != c)
            k++;
        if (k == n)
            out[n++] = c;
    }
    chr__release(st, s);
    return n;
}

chr_status chr__copies_link(chr_store *st, const chr_doc *doc, int64_t seq,
                            const char *id, const char *hex, int64_t story,
                            chr_error *err)
{
    chr_status r = load(st, seq, err);
    if (r != CHR_OK)
        return r;
    chr__copyfeat *f = NULL;
    if ((r = chr__copyfeat_new(doc->body, doc->body_len, &f)) != CHR_OK)
        return chr__fail(err, r, doc->origin, -1, "copy features: %s",
                         chr_strerror(r));
    int indexed = chr__copyfeat_shingles(f) > 0;
    uint32_t cands[LSH_CANDIDATES + STORY_CANDIDATES];
    size_t nc = candidates(st, chr__copyfeat_sig(f), indexed, seq, story,
                           cands);
    if (indexed) {
        r = put_sig(st, seq, chr__copyfeat_sig(f));
        if (r == CHR_OK)
            r = chr__lsh_add(st->copies->lsh, (uint32_t)seq,
                             chr__copyfeat_sig(f));
    }
    chr__copy_meta me = {id, doc->date_hint, doc->outlet, doc->byline,
                         doc->dateline_date != NULL, doc->body_len, hex};
    chr__copy_pair *p = malloc(sizeof *p), *best = malloc(sizeof *best);
    cand *c = malloc(sizeof *c);
    char best_src[600] = "";
    int have_best = 0;
    if (!p || !best || !c)
        r = CHR_NOMEM;
    for (size_t i = 0; r == CHR_OK && i < nc; i++) {
        if ((r = load_cand(st, cands[i], c)) != CHR_OK) {
            if (r == CHR_NOTFOUND)
                r = CHR_OK;
            continue;
        }
        chr__copy_meta cm = cand_meta(c);
        chr__copies_compare(c->f, f, c->lang[0] ? c->lang : NULL,
                            doc->language, p);
        if (p->relation != CHR__REL_NONE) {
            if (chr__copies_a_first(&cm, &me)) {
                /* c is the original of the new document */
                if (better(p->score, c->id, have_best, best->score,
                           best_src)) {
                    *best = *p;
                    snprintf(best_src, sizeof best_src, "%s", c->id);
                    have_best = 1;
                }
            } else if (better(p->score, id, c->has_link, c->copy_score,
                              c->copy_of)) {
                /* the new document is the original of c: align c to it */
                chr__copies_compare(f, c->f, doc->language,
                                    c->lang[0] ? c->lang : NULL, p);
                r = set_link(st, cands[i], c->id, id, p);
            }
        }
        if (c->own)
            chr__copyfeat_free(c->f);
    }
    if (r == CHR_OK && have_best)
        r = set_link(st, seq, id, best_src, best);
    free(p);
    free(best);
    free(c);
    if (r == CHR_OK)
        cache_put(st->copies, seq, f, doc->body_len);
    else
        chr__copyfeat_free(f);
    if (r == CHR_DB)
        return chr__db_fail(st, err, "linking copies");
    if (r != CHR_OK)
        return chr__fail(err, r, doc->origin, -1, "linking copies: %s",
                         chr_strerror(r));
    return CHR_OK;
}
