/* test_quotes.c — quotation extraction and attribution (issue 6): each
 * style of marks, several paragraphs, unbalanced marks, a line of its own,
 * partial and indirect speech, speakers (inverted, pronoun, description,
 * organisation, appositive) and hostile input. Invented sentences. The
 * entities stage is not run: these exercise the stage's own resolution. */
#include "t.h"

#include "extract/quotes.h"

#include <stdlib.h>

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

/* the first quote of `kind` (NULL: any), or NULL */
static const chr_quote *first(const chr_doc *d, const char *kind)
{
    for (size_t i = 0; i < d->n_quotes; i++)
        if (!kind || !strcmp(d->quotes[i].kind, kind))
            return &d->quotes[i];
    return NULL;
}

static size_t count(const chr_doc *d, const char *kind)
{
    size_t n = 0;
    for (size_t i = 0; i < d->n_quotes; i++)
        n += !strcmp(d->quotes[i].kind, kind);
    return n;
}

T_TEST(quotes_curly_speaker_after)
{
    chr_doc *d = run("Nordhaven voted on Wednesday.\n\n"
                     "\xe2\x80\x9cWe will rebuild the old pier,\xe2\x80\x9d "
                     "Mayor Ilse Brandt said.");
    const chr_quote *q = first(d, "direct");
    T_CHECK(q != NULL);
    if (q) {
        T_EQ_STR(q->text, "We will rebuild the old pier");
        T_EQ_STR(q->speaker, "Ilse Brandt");
        T_EQ_STR(q->cue, "said");
        T_CHECK(!memcmp(d->body + q->start, "\xe2\x80\x9c", 3));
        T_CHECK(!memcmp(d->body + q->end - 3, "\xe2\x80\x9d", 3));
    }
    chr_doc_free(d);
}

T_TEST(quotes_ascii_inverted)
{
    chr_doc *d = run("\"The harbour needs the pier,\" said Tomas Berg.");
    const chr_quote *q = first(d, "direct");
    T_CHECK(q && !strcmp(q->speaker ? q->speaker : "", "Tomas Berg"));
    T_CHECK(q && !strcmp(q->text, "The harbour needs the pier"));
    chr_doc_free(d);
}

T_TEST(quotes_other_marks)
{
    chr_doc *d = run("\xc2\xab" "The vote is clear" "\xc2\xbb, said Anna Holm."
                     "\n\n\xe2\x80\x9e" "Wir schaffen das\xe2\x80\x9c, said "
                     "Karl Weber.\n\n''We will see,'' said Pia Lund.\n\n"
                     "\xe2\x80\x98The ferry runs again,\xe2\x80\x99 said Ole "
                     "Strand.");
    T_EQ_INT(count(d, "direct"), 4);
    const char *want[] = {"Anna Holm", "Karl Weber", "Pia Lund", "Ole Strand"};
    size_t k = 0;
    for (size_t i = 0; i < d->n_quotes && k < 4; i++)
        if (!strcmp(d->quotes[i].kind, "direct"))
            T_EQ_STR(d->quotes[i].speaker, want[k++]);
    chr_doc_free(d);
}

T_TEST(quotes_apostrophes_are_not_quotes)
{
    chr_doc *d = run("The council's plan isn't ready and the fishermen' boats "
                     "wait in the north harbour.");
    T_EQ_INT(count(d, "direct") + count(d, "partial"), 0);
    chr_doc_free(d);
}

T_TEST(quotes_several_paragraphs)
{
    chr_doc *d = run("Ilse Brandt spoke to the council.\n\n"
                     "\xe2\x80\x9cThe first part of the speech is here.\n\n"
                     "\xe2\x80\x9cThe second part follows it,\xe2\x80\x9d she "
                     "said.\n\nThe meeting ended.");
    const chr_quote *q = first(d, "direct");
    T_EQ_INT(count(d, "direct"), 1);
    T_CHECK(q && strstr(q->text, "first part") && strstr(q->text, "second"));
    T_CHECK(q && !strstr(q->text, "\n"));
    T_CHECK(q && !strstr(q->text, "\xe2\x80\x9c"));
    T_CHECK(q && q->speaker && !strcmp(q->speaker, "Ilse Brandt"));
    chr_doc_free(d);
}

T_TEST(quotes_unbalanced_recovers_at_paragraph)
{
    const char *body = "\xe2\x80\x9cThis quotation never closes.\n\n"
                       "The next paragraph is narration about the pier.";
    chr_doc *d = run(body);
    const chr_quote *q = first(d, "direct");
    T_CHECK(q != NULL);
    T_CHECK(q && q->end <= (size_t)(strstr(body, "\n\n") - body));
    chr_doc_free(d);
    /* an opener while one is open: the first ends before it */
    d = run("\xe2\x80\x9cThe first one has no end. \xe2\x80\x9cThe second "
            "one does,\xe2\x80\x9d Tomas Berg said.");
    T_EQ_INT(count(d, "direct"), 2);
    T_CHECK(d->n_quotes >= 2 && d->quotes[1].speaker &&
            !strcmp(d->quotes[1].speaker, "Tomas Berg"));
    chr_doc_free(d);
}

T_TEST(quotes_line_of_its_own)
{
    chr_doc *d = run("The mayor Ilse Brandt spoke first.\n\nBrandt said:\n\n"
                     "\xe2\x80\x9cThe pier will be rebuilt by the "
                     "autumn.\xe2\x80\x9d");
    const chr_quote *q = first(d, "direct");
    T_CHECK(q && q->speaker && !strcmp(q->speaker, "Ilse Brandt"));
    chr_doc_free(d);
    d = run("Berg said\xe2\x80\xa6\n\n\xe2\x80\x9cWe are ready for the "
            "storm.\xe2\x80\x9d");
    q = first(d, "direct");
    T_CHECK(q && q->speaker && !strcmp(q->speaker, "Berg"));
    chr_doc_free(d);
}

T_TEST(quotes_partial_and_indirect)
{
    chr_doc *d = run("Ilse Brandt called the vote a \xe2\x80\x9chistoric "
                     "step\xe2\x80\x9d for the town.\n\n"
                     "Tomas Berg said that the ferry service would resume in "
                     "May.\n\n"
                     "According to Pia Lund, the pier is unsafe for heavy "
                     "trucks.");
    const chr_quote *p = first(d, "partial");
    T_CHECK(p && !strcmp(p->text, "historic step"));
    T_CHECK(p && p->speaker && !strcmp(p->speaker, "Ilse Brandt"));
    T_EQ_INT(count(d, "direct"), 0);
    T_EQ_INT(count(d, "indirect"), 2);
    const chr_quote *i = first(d, "indirect");
    T_CHECK(i && !strcmp(i->text, "the ferry service would resume in May"));
    T_CHECK(i && i->speaker && !strcmp(i->speaker, "Tomas Berg"));
    T_CHECK(i && i->cue && !strcmp(i->cue, "said"));
    const chr_quote *last = &d->quotes[d->n_quotes - 1];
    T_EQ_STR(last->kind, "indirect");
    T_EQ_STR(last->speaker, "Pia Lund");
    T_EQ_STR(last->cue, "according to");
    chr_doc_free(d);
}

T_TEST(quotes_pronoun_description_org)
{
    chr_doc *d = run("\xe2\x80\x9cWork starts in June,\xe2\x80\x9d Ilse Brandt "
                     "said. \xe2\x80\x9cIt will take a year,\xe2\x80\x9d she "
                     "added.\n\n"
                     "Nordic President Karl Weber opened the session.\n\n"
                     "\xe2\x80\x9cWe are ready,\xe2\x80\x9d the Nordic "
                     "president said.\n\n"
                     "\xe2\x80\x9cThe line will reopen,\xe2\x80\x9d the "
                     "regional ministry said. \xe2\x80\x9cRepairs are "
                     "complete,\xe2\x80\x9d it added.");
    T_EQ_INT(count(d, "direct"), 5);
    const char *want[] = {"Ilse Brandt", "Ilse Brandt", "Karl Weber",
                          "regional ministry", "regional ministry"};
    size_t k = 0;
    for (size_t i = 0; i < d->n_quotes && k < 5; i++)
        if (!strcmp(d->quotes[i].kind, "direct"))
            T_EQ_STR(d->quotes[i].speaker, want[k++]);
    chr_doc_free(d);
}

T_TEST(quotes_never_a_pronoun)
{
    chr_doc *d = run("\xe2\x80\x9cNothing to add,\xe2\x80\x9d he said.");
    const chr_quote *q = first(d, "direct");
    T_CHECK(q != NULL);
    T_CHECK(q && q->speaker == NULL);
    T_CHECK(q && q->cue && !strcmp(q->cue, "said"));
    chr_doc_free(d);
}

T_TEST(quotes_interrupted_is_one)
{
    chr_doc *d = run("\xe2\x80\x9cThe first half,\xe2\x80\x9d Tomas Berg said, "
                     "\xe2\x80\x9c" "and the second half of it.\xe2\x80\x9d");
    T_EQ_INT(count(d, "direct"), 1);
    const chr_quote *q = first(d, "direct");
    T_CHECK(q && !strcmp(q->text, "The first half and the second half of "
                                  "it."));
    T_CHECK(q && q->start == 0 && q->end == d->body_len);
    chr_doc_free(d);
}

T_TEST(quotes_appositive_and_participle)
{
    chr_doc *d = run("\xe2\x80\x9cPrices will rise,\xe2\x80\x9d Karl Weber, "
                     "the head of the traders' union, said.\n\n"
                     "Harbour master Ole Strand praised the crews, stating, "
                     "\xe2\x80\x9cThey worked all night.\xe2\x80\x9d");
    T_EQ_INT(count(d, "direct"), 2);
    T_CHECK(d->n_quotes >= 2 && d->quotes[0].speaker &&
            !strcmp(d->quotes[0].speaker, "Karl Weber"));
    const chr_quote *q = NULL;
    for (size_t i = 0; i < d->n_quotes; i++)
        if (strstr(d->quotes[i].text, "all night"))
            q = &d->quotes[i];
    T_CHECK(q && q->speaker && !strcmp(q->speaker, "Ole Strand"));
    T_CHECK(q && q->cue && !strcmp(q->cue, "stating"));
    chr_doc_free(d);
}

T_TEST(quotes_hostile_megabyte_unclosed)
{
    size_t n = 1u << 20;
    char *s = malloc(n + 1);
    memcpy(s, "\xe2\x80\x9c", 3);
    for (size_t i = 3; i < n; i++)
        s[i] = (i % 7 == 0) ? ' ' : 'a';
    s[n] = 0;
    chr_doc *d = run(s);
    T_CHECK(d->n_quotes <= 1);
    for (size_t i = 0; i < d->n_quotes; i++)
        T_CHECK(d->quotes[i].end - d->quotes[i].start <= 4096);
    chr_doc_free(d);
    /* a megabyte of marks alone */
    for (size_t i = 0; i < n; i++)
        s[i] = "\"'\xe2\x80\x9c "[i % 6];
    s[n] = 0;
    d = run(s);
    T_CHECK(d->n_quotes < n);
    chr_doc_free(d);
    free(s);
}

T_TEST(quotes_hostile_random_bytes)
{
    unsigned x = 12345;
    char *s = malloc(65537);
    for (int round = 0; round < 8; round++) {
        for (size_t i = 0; i < 65536; i++) {
            x = x * 1103515245u + 12345u;
            unsigned char c = (unsigned char)(x >> 16);
            /* plenty of marks, quotes, dots and newlines */
            if (c % 5 == 0)
                c = "\"'.,\n:\xe2\x80\x9c\xe2\x80\x9d"[c % 12];
            s[i] = (char)(c ? c : 1);
        }
        s[65536] = 0;
        chr_doc *d = run(s);
        for (size_t i = 0; i < d->n_quotes; i++) {
            T_CHECK(d->quotes[i].start <= d->quotes[i].end);
            T_CHECK(d->quotes[i].end <= d->body_len);
            T_CHECK(d->quotes[i].text != NULL);
        }
        chr_doc_free(d);
    }
    free(s);
    chr_doc *d = run("");
    T_EQ_INT(d->n_quotes, 0);
    chr_doc_free(d);
}

T_TEST(quotes_mixed_marks_colon_and_later_attribution)
{
    /* “…" closed by an ASCII mark; a name before a colon; an attribution
       ending the sentence after more words */
    chr_doc *d = run("\xe2\x80\x9cThe harbour stays open,\" Ilse Brandt said."
                     "\n\nThe decision pleased harbour master Ole Strand: "
                     "\xe2\x80\x9cWe can finally plan the season.\xe2\x80\x9d"
                     "\n\n\xe2\x80\x9cThe pier is old\xe2\x80\x9d and needs "
                     "work, Tomas Berg said.");
    const char *want[] = {"Ilse Brandt", "Ole Strand", "Tomas Berg"};
    size_t k = 0;
    for (size_t i = 0; i < d->n_quotes; i++) {
        const chr_quote *q = &d->quotes[i];
        if (strcmp(q->kind, "indirect") == 0)
            continue;
        T_CHECK(k < 3);
        if (k < 3)
            T_EQ_STR(q->speaker, want[k]);
        k++;
    }
    T_EQ_INT(k, 3);
    T_CHECK(d->n_quotes && strcmp(d->quotes[0].text,
                                  "The harbour stays open") == 0);
    chr_doc_free(d);
}

T_TEST(quotes_speech_goes_on)
{
    /* a quotation opening the next paragraph without a cue continues the
       speaker of the paragraph before; one after narration does not */
    chr_doc *d = run("\xe2\x80\x9cWe start in June,\xe2\x80\x9d said Pia "
                     "Lund.\n\n\xe2\x80\x9cThe boats are ready.\xe2\x80\x9d"
                     "\n\nThe weather was calm that week.\n\n"
                     "\xe2\x80\x9cNobody expected it.\xe2\x80\x9d");
    T_EQ_INT(count(d, "direct"), 3);
    T_CHECK(d->n_quotes == 3 && d->quotes[1].speaker &&
            !strcmp(d->quotes[1].speaker, "Pia Lund"));
    T_CHECK(d->n_quotes == 3 && d->quotes[2].speaker == NULL);
    chr_doc_free(d);
}

T_TEST(quotes_scare_quotes_are_not_quotations)
{
    chr_doc *d = run("The so-called \xe2\x80\x9cno limits\xe2\x80\x9d "
                     "partnership began in the spring. The ferry line, "
                     "known as the \"blue route\", is closed.");
    T_EQ_INT(d->n_quotes, 0);
    chr_doc_free(d);
}

/* A title alone names nobody; after an honorific it is a surname. */
T_TEST(quotes_title_alone_is_no_speaker)
{
    chr_doc *d = run("The Veltrian Prime Minister opened the session.\n\n"
                     "\"The pier will be rebuilt,\" the Minister said.");
    const chr_quote *q = first(d, "direct");
    T_CHECK(q != NULL);
    if (q)
        T_CHECK(q->speaker == NULL || strcmp(q->speaker, "Minister") != 0);
    chr_doc_free(d);
    d = run("\"The pier will be rebuilt,\" said Mr. King, the harbour "
            "master.");
    q = first(d, "direct");
    T_CHECK(q && q->speaker && strcmp(q->speaker, "King") == 0);
    chr_doc_free(d);
}
