/* test_quote_groups.c — one statement across the documents of a story
 * (issue 6): rewordings grouped, a version without marks found in plain
 * text, different statements and speakers kept apart, the word diff.
 * Invented sentences. */
#include "t.h"

#include "corpus/quote_groups.h"
#include "extract/quotes.h"

static chr_doc *run(const char *body)
{
    chr__arena *a = chr__arena_new(0);
    chr_doc *d = chr__arena_alloc(a, sizeof *d);
    d->arena = a;
    d->body = chr__arena_strdup(a, body);
    d->body_len = strlen(body);
    if (chr__quotes_find(d, a) != CHR_OK)
        d->n_quotes = 0;
    return d;
}

static chr__qg_doc qg(const chr_doc *d)
{
    return (chr__qg_doc){d->body, d->body_len, d->quotes, d->n_quotes};
}

#define OPEN "\xe2\x80\x9c"
#define CLOSE "\xe2\x80\x9d"

T_TEST(quote_groups_rewordings_and_plain_text)
{
    chr_doc *d[3];
    d[0] = run("Mayor Ilse Brandt spoke on Monday.\n\n" OPEN
               "The two harbour towns are experiencing their best period in "
               "history," CLOSE " Brandt said.\n\n" OPEN "The ferry will run "
               "every hour from May," CLOSE " she added.");
    d[1] = run("Ilse Brandt met the council.\n\n" OPEN "The two harbour towns "
               "are at their peak in history," CLOSE " Brandt affirmed.");
    d[2] = run("Ilse Brandt was in the north.\n\nThe two harbour towns are "
               "living the best moment in their history, Brandt said on "
               "Monday.");
    chr__qg_doc docs[3] = {qg(d[0]), qg(d[1]), qg(d[2])};
    chr__arena *a = chr__arena_new(0);
    chr__qg_group *g = NULL;
    size_t ng = 0;
    T_EQ_INT(chr__quote_groups(docs, 3, a, &g, &ng), CHR_OK);
    const chr__qg_group *best = NULL;
    for (size_t i = 0; i < ng; i++)
        if (strstr(g[i].text, "harbour towns"))
            best = &g[i];
    T_CHECK(best != NULL);
    if (best) {
        T_EQ_INT(best->n_members, 3);
        T_EQ_STR(best->speaker, "Ilse Brandt");
        int plain = 0;
        for (size_t m = 0; m < best->n_members; m++)
            if (best->members[m].quote == SIZE_MAX) {
                plain = 1;
                T_EQ_INT(best->members[m].doc, 2);
                T_CHECK(strstr(best->members[m].text, "best moment"));
            }
        T_CHECK(plain);
    }
    /* the ferry statement is a group of its own */
    int ferry = 0;
    for (size_t i = 0; i < ng; i++)
        if (strstr(g[i].text, "ferry")) {
            ferry++;
            T_EQ_INT(g[i].n_members, 1);
        }
    T_EQ_INT(ferry, 1);
    chr__arena_free(a);
    for (int i = 0; i < 3; i++)
        chr_doc_free(d[i]);
}

T_TEST(quote_groups_speakers_apart)
{
    chr_doc *d[2];
    d[0] = run(OPEN "We want a lasting peace for the whole northern region "
                    "now," CLOSE " Ilse Brandt said.");
    d[1] = run(OPEN "We want a lasting peace for the whole northern region "
                    "now," CLOSE " Tomas Berg said.");
    chr__qg_doc docs[2] = {qg(d[0]), qg(d[1])};
    chr__arena *a = chr__arena_new(0);
    chr__qg_group *g = NULL;
    size_t ng = 0;
    T_EQ_INT(chr__quote_groups(docs, 2, a, &g, &ng), CHR_OK);
    T_EQ_INT(ng, 2);
    chr__arena_free(a);
    chr_doc_free(d[0]);
    chr_doc_free(d[1]);
}

T_TEST(quote_groups_unknown_speaker_joins)
{
    chr_quote q0 = {"The bridge will open in the spring of next year",
                    "direct", "Karl Weber", NULL, "said", 0, 10};
    chr_quote q1 = {"the bridge will open in spring next year", "direct",
                    NULL, NULL, NULL, 0, 10};
    chr__qg_doc docs[2] = {{"x", 1, &q0, 1}, {"y", 1, &q1, 1}};
    chr__arena *a = chr__arena_new(0);
    chr__qg_group *g = NULL;
    size_t ng = 0;
    T_EQ_INT(chr__quote_groups(docs, 2, a, &g, &ng), CHR_OK);
    T_EQ_INT(ng, 1);
    T_CHECK(ng == 1 && g[0].n_members == 2 && g[0].speaker &&
            !strcmp(g[0].speaker, "Karl Weber"));
    T_EQ_INT(chr__quote_groups(docs, 0, a, &g, &ng), CHR_OK);
    T_EQ_INT(ng, 0);
    chr__arena_free(a);
}

T_TEST(quote_groups_diff)
{
    chr_buf b;
    chr_buf_init(&b, 0);
    T_EQ_INT(chr__quote_diff("are experiencing their best period in history",
                             "are at their peak in history", &b),
             CHR_OK);
    T_EQ_STR(b.data, "are [-experiencing-]{+at+} their [-best period-]"
                     "{+peak+} in history");
    chr_buf_reset(&b);
    T_EQ_INT(chr__quote_diff("Same words, here.", "same words here", &b),
             CHR_OK);
    T_EQ_STR(b.data, "same words here");
    chr_buf_reset(&b);
    T_EQ_INT(chr__quote_diff("", "new", &b), CHR_OK);
    T_EQ_STR(b.data, "{+new+}");
    chr_buf_free(&b);
    T_CHECK(chr__quote_similarity("a fair peace is possible", 24,
                                  "a fair peace is possible", 24) > 0.99);
    T_CHECK(chr__quote_similarity("a fair peace", 12, "the harbour", 11) <
            0.01);
}
