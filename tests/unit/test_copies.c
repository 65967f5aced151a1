/* test_copies.c — copies: MinHash estimate against exact Jaccard, LSH
 * recall of a planted near-copy among 1000 synthetic texts, paragraph
 * alignment of a paraphrased invented article, direction of a pair, and
 * the store's links (relation, original, ingest-order independence). All
 * texts are invented here. */
#include "t.h"

#include "corpus/copies.h"
#include "doc/doc.h"
#include "store/store.h"
#include "text/text.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- synthetic texts: words "qa".."zz"-like from a tiny generator ---- */

static uint64_t next_rand(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

/* A pronounceable word of vocabulary index k. */
static void word_of(unsigned k, char *out)
{
    static const char cons[] = "bcdfghklmnprstvz", vow[] = "aeiou";
    int n = 0;
    for (int i = 0; i < 3; i++) {
        out[n++] = cons[k % 16];
        k /= 16;
        out[n++] = vow[k % 5];
        k /= 5;
    }
    out[n] = 0;
}

/* `nw` random words of a vocabulary of `vocab`, paragraphs of 60 words. */
static char *synth(uint64_t seed, int nw, unsigned vocab)
{
    char *s = malloc((size_t)nw * 8 + 16), w[16];
    size_t n = 0;
    uint64_t r = seed * 2654435761u + 1;
    for (int i = 0; i < nw; i++) {
        word_of((unsigned)(next_rand(&r) % vocab), w);
        n += (size_t)sprintf(s + n, "%s%s", i ? (i % 60 ? " " : "\n\n") : "",
                             w);
    }
    s[n] = 0;
    return s;
}

/* Replaces about `pct` percent of the words of `s` (in place: same
 * length). */
static void edit(char *s, int pct, uint64_t seed)
{
    uint64_t r = seed + 77;
    char w[16];
    for (char *p = s; *p;) {
        while (*p == ' ' || *p == '\n')
            p++;
        if (!*p)
            break;
        if ((int)(next_rand(&r) % 100) < pct) {
            word_of((unsigned)(next_rand(&r) % 100000) + 200000, w);
            memcpy(p, w, 6);
        }
        while (*p && *p != ' ' && *p != '\n')
            p++;
    }
}

static chr__copyfeat *feat(const char *s)
{
    chr__copyfeat *f = NULL;
    chr__copyfeat_new(s, strlen(s), &f);
    return f;
}

T_TEST(copies_minhash_estimates_jaccard)
{
    char *a = synth(1, 600, 3000);
    chr__copyfeat *fa = feat(a);
    T_CHECK(fa != NULL);
    static chr__copy_pair p;
    int pcts[] = {0, 3, 10, 25, 50};
    for (size_t i = 0; i < CHR__ARRAY_LEN(pcts); i++) {
        char *b = strdup(a);
        edit(b, pcts[i], i);
        chr__copyfeat *fb = feat(b);
        chr__copies_compare(fa, fb, NULL, NULL, &p);
        double est = chr__minhash_estimate(chr__copyfeat_sig(fa),
                                           chr__copyfeat_sig(fb));
        if (fabs(est - p.jaccard) > 0.12)
            fprintf(stderr, "  edit %d%%: jaccard %.3f estimate %.3f\n",
                    pcts[i], p.jaccard, est);
        T_CHECK(fabs(est - p.jaccard) <= 0.12);
        if (pcts[i] == 0)
            T_CHECK(p.jaccard == 1.0 && p.relation == CHR__REL_COPY);
        if (pcts[i] == 3)
            T_CHECK(p.relation == CHR__REL_COPY);
        chr__copyfeat_free(fb);
        free(b);
    }
    /* unrelated texts */
    char *c = synth(2, 600, 3000);
    chr__copyfeat *fc = feat(c);
    chr__copies_compare(fa, fc, NULL, NULL, &p);
    T_CHECK(p.jaccard < 0.02);
    T_CHECK(chr__minhash_estimate(chr__copyfeat_sig(fa),
                                  chr__copyfeat_sig(fc)) < 0.1);
    T_CHECK(p.relation == CHR__REL_NONE);
    chr__copyfeat_free(fa);
    chr__copyfeat_free(fc);
    free(a);
    free(c);
}

T_TEST(copies_lsh_recall_planted_copy)
{
    chr__lsh *l = chr__lsh_new();
    T_CHECK(l != NULL);
    uint32_t planted_sig[CHR__MH_HASHES];
    for (uint32_t d = 1; d <= 1000; d++) {
        /* a small shared vocabulary: same-topic texts */
        char *s = synth(1000 + d, 300, 800);
        chr__copyfeat *f = feat(s);
        T_CHECK(chr__lsh_add(l, d, chr__copyfeat_sig(f)) == CHR_OK);
        if (d == 500) {
            edit(s, 8, 5); /* the near-copy: 8% of the words changed */
            chr__copyfeat *g = feat(s);
            memcpy(planted_sig, chr__copyfeat_sig(g), sizeof planted_sig);
            chr__copyfeat_free(g);
        }
        chr__copyfeat_free(f);
        free(s);
    }
    T_EQ_INT(chr__lsh_count(l), 1000);
    uint32_t out[16];
    size_t n = chr__lsh_query(l, planted_sig, out, 16);
    T_CHECK(n >= 1);
    T_EQ_INT(n ? out[0] : 0, 500);
    T_CHECK(n <= 3); /* the others are not candidates */
    chr__lsh_free(l);
}

/* An invented article and a paraphrase: paragraph 2 dropped, the others
 * reworded with the same names, numbers and a quotation, a new closing
 * paragraph. */
static const char *ORIG =
    "Harbour workers in Port Tamsin walked out on Monday, halting 42 ships "
    "at the Kellan container terminal, union leader Brita Oskarsson said.\n\n"
    "The strike follows months of talks over wages with the Tamsin Port "
    "Authority, which offered a rise of 3.5 percent.\n\n"
    "Farmers near the river Aldo reported a fine harvest of barley and "
    "plums this autumn, the agriculture office wrote.\n\n"
    "\"We will not go back until the offer is fair,\" Oskarsson told "
    "reporters outside the terminal gates.\n\n"
    "Port director Henrik Valde called the walkout illegal and said the "
    "authority would ask a court in Sundby to end it by Friday.";
static const char *PARA =
    "Some 42 vessels sat idle at Port Tamsin's Kellan terminal on Monday as "
    "dock staff stopped work, according to Brita Oskarsson of the union.\n\n"
    "Wage negotiations with the Tamsin Port Authority have dragged on for "
    "months; its latest offer was a 3.5 percent raise.\n\n"
    "\"We will not go back until the offer is fair,\" Oskarsson said at the "
    "gates.\n\n"
    "Henrik Valde, who runs the port, described the action as unlawful and "
    "will seek an order from a Sundby court to stop it by Friday.\n\n"
    "Shipping lines said they would reroute cargo to other harbours.";

T_TEST(copies_alignment_of_a_paraphrase)
{
    chr__copyfeat *a = feat(ORIG), *b = feat(PARA);
    static chr__copy_pair p;
    chr__copies_compare(a, b, "en", "en", &p);
    T_EQ_INT(chr__copyfeat_paras(a), 5);
    T_EQ_INT(chr__copyfeat_paras(b), 5);
    int want[4][2] = {{0, 0}, {1, 1}, {2, 3}, {3, 4}};
    T_EQ_INT(p.n_align, 4);
    for (size_t i = 0; i < p.n_align && i < 4; i++) {
        T_EQ_INT(p.align[i].para, want[i][0]);
        T_EQ_INT(p.align[i].source_para, want[i][1]);
    }
    T_CHECK(p.relation == CHR__REL_REWRITE ||
            p.relation == CHR__REL_TRANSLATION);
    T_CHECK(p.jaccard < 0.5);
    /* the same with a different language reads as a translation */
    chr__copies_compare(a, b, "en", "fr", &p);
    T_CHECK(p.relation == CHR__REL_TRANSLATION);
    chr__copyfeat_free(a);
    chr__copyfeat_free(b);
}

T_TEST(copies_direction)
{
    chr__copy_meta early = {"a", "2024-05-01", NULL, NULL, 0, 100, "aa"};
    chr__copy_meta late = {"b", "2024-05-03", "AFP", NULL, 1, 900, "bb"};
    T_EQ_INT(chr__copies_a_first(&early, &late), 1);
    T_EQ_INT(chr__copies_a_first(&late, &early), 0);
    /* same day: the wire credit wins */
    early.date = "2024-05-03";
    T_EQ_INT(chr__copies_a_first(&early, &late), 0);
    T_EQ_INT(chr__copies_a_first(&late, &early), 1);
    /* no dates, no credit: the dated dateline, then the longer text */
    chr__copy_meta x = {"x", NULL, "Daily Bugle", NULL, 0, 500, "11"};
    chr__copy_meta y = {"y", NULL, NULL, NULL, 0, 800, "22"};
    T_EQ_INT(chr__copies_a_first(&x, &y), 0);
    T_EQ_INT(chr__copies_a_first(&y, &x), 1);
    x.dateline_dated = 1;
    T_EQ_INT(chr__copies_a_first(&x, &y), 1);
    T_EQ_INT(chr__copies_a_first(&y, &x), 0);
    /* one date unknown: dates are not compared */
    x.dateline_dated = 0;
    y.date = "2020-01-01";
    T_EQ_INT(chr__copies_a_first(&y, &x), 1);
    x.byline = "Reuters staff";
    T_EQ_INT(chr__copies_a_first(&x, &y), 1);
}

/* ---- through the store ---- */

static chr_doc *mk(const char *id, const char *date, const char *body)
{
    chr__arena *a = chr__arena_new(0);
    chr_doc *d = chr__arena_alloc(a, sizeof *d);
    d->arena = a;
    d->id = chr__arena_strdup(a, id);
    d->origin = d->id;
    d->format = CHR_FORMAT_TEXT;
    d->language = "en";
    d->date_hint = d->published = date ? chr__arena_strdup(a, date) : NULL;
    d->body = chr__arena_strdup(a, body);
    d->body_len = strlen(body);
    chr__text_hash128(d->body, d->body_len, &d->hash_hi, &d->hash_lo);
    d->input_hash = chr__hash64(body, strlen(body)) ^ 7;
    chr__doc_terms(d, a);
    return d;
}

static void link_of(chr_store *st, const char *id, char *copy_of,
                    char *relation)
{
    sqlite3_stmt *s;
    copy_of[0] = relation[0] = 0;
    sqlite3_prepare_v2(st->db,
                       "SELECT copy_of, relation FROM documents WHERE id=?",
                       -1, &s, NULL);
    sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
    if (sqlite3_step(s) == SQLITE_ROW) {
        snprintf(copy_of, 64, "%s", chr__col_text(s, 0) ? chr__col_text(s, 0) : "");
        snprintf(relation, 64, "%s", chr__col_text(s, 1) ? chr__col_text(s, 1) : "");
    }
    sqlite3_finalize(s);
}

/* Ingests the three documents in the given order and checks the links. */
static int check_order(const int *order, char *path)
{
    unlink(path);
    chr_store *st = NULL;
    if (chr_store_open(&st, path, NULL) != CHR_OK)
        return 0;
    /* the copy: the original without its last paragraph */
    char *copy = strdup(ORIG);
    *strstr(copy, "\n\nPort director") = 0;
    chr_doc *docs[3] = {mk("orig", "2024-02-05", ORIG),
                        mk("para", "2024-02-06", PARA),
                        mk("copy", NULL, copy)};
    chr_store_begin(st, NULL);
    chr_add_result res;
    for (int i = 0; i < 3; i++)
        chr_store_add(st, docs[order[i]], &res, NULL);
    chr_store_commit(st, NULL);
    /* re-adding is a no-op */
    chr_store_begin(st, NULL);
    chr_store_add(st, docs[0], &res, NULL);
    chr_store_commit(st, NULL);
    int ok = res.duplicate;
    char c[64], r[64];
    link_of(st, "orig", c, r);
    ok &= !c[0] && !r[0];
    link_of(st, "para", c, r);
    ok &= strcmp(c, "orig") == 0 && strcmp(r, "rewrite") == 0;
    link_of(st, "copy", c, r);
    ok &= strcmp(c, "orig") == 0 && strcmp(r, "copy") == 0;
    sqlite3_stmt *s;
    sqlite3_prepare_v2(st->db,
                       "SELECT count(*) FROM alignments WHERE doc='para' AND "
                       "source_doc='orig'",
                       -1, &s, NULL);
    ok &= sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) == 4;
    sqlite3_finalize(s);
    for (int i = 0; i < 3; i++)
        chr_doc_free(docs[i]);
    free(copy);
    chr_store_close(st);
    return ok;
}

T_TEST(copies_store_links_any_order)
{
    char path[] = "/tmp/chr-test-copies-XXXXXX";
    int fd = mkstemp(path);
    T_CHECK(fd >= 0);
    close(fd);
    int orders[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2},
                        {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
    for (int i = 0; i < 6; i++) {
        int ok = check_order(orders[i], path);
        if (!ok)
            fprintf(stderr, "  order %d %d %d\n", orders[i][0], orders[i][1],
                    orders[i][2]);
        T_CHECK(ok);
    }
    char aux[1100];
    unlink(path);
    snprintf(aux, sizeof aux, "%s-wal", path);
    unlink(aux);
    snprintf(aux, sizeof aux, "%s-shm", path);
    unlink(aux);
}
