/* test_lookup_speed.c — the pieces the analysis was made cheaper with
 * must keep their results: the inline sorted-table lookup (text/strtab.h)
 * finds exactly the words strcmp-bsearch finds, and its filter never
 * rejects a word of the table; the term lists are sorted
 * by hash, each hash once, after the inline sort (doc/terms.c); the
 * document places keep every name when their buffers grow on demand
 * (resources/places_doc.c, places_scan.c). Fixtures are invented. */
#include "t.h"

#include "doc/doc.h"
#include "resources/places.h"
#include "text/strtab.h"

#include <stdlib.h>

static const char *const words[] = {"a",     "after", "an",   "april",
                                    "at",    "by",    "may",  "mid",
                                    "said",  "says",  "the",  "this",
                                    "today", "until", "zz"};

typedef struct ent {
    const char *w;
    int cls;
} ent;

static const ent ents[] = {{"according", 1}, {"added", 2}, {"said", 3},
                           {"told", 4}};

static int cmp_str(const void *k, const void *e)
{
    return strcmp((const char *)k, *(const char *const *)e);
}

T_TEST(strtab_find_matches_bsearch)
{
    static const char *const probes[] = {
        "", "a", "aa", "af", "after", "afters", "sai", "said", "saidx",
        "says", "thi", "this", "thisx", "z", "zz", "zzz", "\xC3\xA9t\xC3\xA9",
        "April", "\x7F", "\xFF"};
    size_t n = sizeof words / sizeof words[0];
    for (size_t i = 0; i < n; i++)
        T_CHECK(chr__strtab_find(words[i], words, n, sizeof words[0]) ==
                (const void *)&words[i]);
    for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++) {
        const void *b = bsearch(probes[i], words, n, sizeof words[0], cmp_str);
        const void *f = chr__strtab_find(probes[i], words, n, sizeof words[0]);
        T_CHECK(b == f);
    }
    const ent *e = chr__strtab_find("said", ents, 4, sizeof ents[0]);
    T_CHECK(e && e->cls == 3);
    T_CHECK(chr__strtab_find("tol", ents, 4, sizeof ents[0]) == NULL);
    T_CHECK(chr__strtab_find("x", ents, 0, sizeof ents[0]) == NULL);
    T_CHECK(chr__strtab_cmp("ab", "abc") < 0 && chr__strtab_cmp("b", "a") > 0 &&
            chr__strtab_cmp("\xC3", "z") > 0 && chr__strtab_cmp("x", "x") == 0);
}

T_TEST(strtab_filter_never_rejects_a_word)
{
    chr__strtab_filter f;
    size_t n = sizeof words / sizeof words[0];
    chr__strtab_filter_init(&f, words, n, sizeof words[0]);
    for (size_t i = 0; i < n; i++)
        T_CHECK(chr__strtab_may_hold(&f, words[i], strlen(words[i])));
    /* no word of the table starts with 'q', nor is 't' + 1 letter; "tax"
       shares its first letter and length with "the": searched */
    T_CHECK(!chr__strtab_may_hold(&f, "quiet", 5));
    T_CHECK(!chr__strtab_may_hold(&f, "to", 2));
    T_CHECK(!chr__strtab_may_hold(&f, "", 0));
    T_CHECK(chr__strtab_may_hold(&f, "tax", 3));
    chr__strtab_filter_init(&f, ents, 4, sizeof ents[0]);
    T_CHECK(chr__strtab_may_hold(&f, "according", 9));
    T_CHECK(!chr__strtab_may_hold(&f, "accord", 6));
}

static void check_sorted(int *t_failed, const chr_term *t, size_t n)
{
    for (size_t i = 1; i < n; i++)
        T_CHECK(t[i - 1].hash < t[i].hash);
}

T_TEST(terms_sorted_by_hash_once_each)
{
    /* 3,000 invented words, each twice, one of them capitalised mid-sentence */
    size_t cap = 3000 * 40 + 64, n = 0;
    char *text = malloc(cap);
    T_CHECK(text != NULL);
    if (!text)
        return;
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < 3000; i++) {
            n += (size_t)snprintf(text + n, cap - n, "%s%c%c%c%cq ",
                                  i % 7 == 3 ? "and Z" : "z",
                                  'a' + i % 26, 'a' + i / 26 % 26,
                                  'a' + i / 676 % 26, round ? 'x' : 'y');
            if (i % 20 == 19)
                n += (size_t)snprintf(text + n, cap - n, ".\n\n");
        }
    chr_input *in = NULL;
    T_EQ_INT(chr_input_from_memory(&in, CHR_FORMAT_TEXT, "t", "mem/t.txt",
                                   text, n),
             CHR_OK);
    chr_config cfg;
    chr_config_init(&cfg);
    chr_doc *d = NULL;
    chr_error err;
    T_EQ_INT(chr_analyze(in, &cfg, &d, &err), CHR_OK);
    if (d) {
        T_CHECK(d->n_terms > 1000);
        check_sorted(t_failed, d->terms, d->n_terms);
        check_sorted(t_failed, d->names, d->n_names);
        check_sorted(t_failed, d->places, d->n_places);
        T_CHECK(d->n_names > 100);
        chr_doc_free(d);
    }
    chr_input_free(in);
    free(text);
}

T_TEST(places_buffers_grow_without_losing_names)
{
    /* 700 sentences naming a place: the span buffer grows from 64 to
       1,024 and the tokens past 256 */
    size_t cap = 700 * 40 + 16, n = 0;
    char *body = malloc(cap);
    T_CHECK(body != NULL);
    if (!body)
        return;
    for (int i = 0; i < 700; i++)
        n += (size_t)snprintf(body + n, cap - n, "They met in %s today. ",
                              i % 2 ? "Paris" : "Tashkent");
    chr_doc d;
    memset(&d, 0, sizeof d);
    d.body = body;
    d.body_len = n;
    d.title = "Talks in Samarkand";
    chr__arena *a = chr__arena_new(0);
    chr__doc_places p;
    T_EQ_INT(chr__places_resolve_doc(&d, a, &p), CHR_OK);
    T_EQ_INT(p.n_mentions, 700);
    T_EQ_INT(p.n_title_events, 1);
    for (size_t i = 1; i < p.n_mentions; i++)
        T_CHECK(p.mentions[i - 1].start < p.mentions[i].start);
    chr__arena_free(a);
    free(body);
}
