/* test_clean.c — the cleaning stage: every text rule with a positive and a
 * negative case, a golden fixture (tests/fixtures/clean/article.txt, invented
 * text) whose body must equal article.body.txt, hard-wrapped text, HTML
 * block choice, and hostile sizes (empty, 60 MB line, a million blocks). */
#include "t.h"

#include "clean/clean.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static chr__arena *A;

static void release_arena(void)
{
    chr__arena_free(A);
    A = NULL;
}

static chr__cleaned clean(const char *s)
{
    chr__cleaned c;
    if (!A)
        atexit(release_arena);
    chr__arena_free(A);
    A = chr__arena_new(0);
    chr_status st = chr__clean_text(s, strlen(s), A, &c);
    if (st != CHR_OK)
        memset(&c, 0, sizeof c);
    return c;
}

/* Reason of the first removed entry whose text is t, or NULL. */
static const char *why(const chr__cleaned *c, const char *t)
{
    for (size_t i = 0; i < c->n_removed; i++)
        if (strcmp(c->removed[i].text, t) == 0)
            return c->removed[i].reason;
    return NULL;
}

static int in_body(const chr__cleaned *c, const char *t)
{
    return c->body && strstr(c->body, t) != NULL;
}

static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(1 << 16);
    size_t k = buf ? fread(buf, 1, (1 << 16) - 1, f) : 0;
    fclose(f);
    if (buf)
        buf[k] = '\0';
    *n = k;
    return buf;
}

#define PROSE1 "The committee met on Monday to discuss the new budget for the coming year."
#define PROSE2 "Members agreed that spending on schools should rise by a modest amount."
#define PROSE3 "A final vote is planned for next month, after a public consultation ends."

T_TEST(clean_empty_and_blank_inputs)
{
    chr__cleaned c = clean("");
    T_EQ_INT(c.body_len, 0);
    T_CHECK(c.body != NULL);
    T_EQ_INT(c.n_removed, 0);
    T_CHECK(c.title == NULL);
    c = clean("   \n\n \t \n\xC2\xA0\n");
    T_EQ_INT(c.body_len, 0);
    T_EQ_INT(c.n_removed, 0);
    c = clean(PROSE1); /* no newline at all */
    T_EQ_STR(c.body, PROSE1);
}

T_TEST(clean_paragraphs_joined_with_blank_line)
{
    chr__cleaned c = clean("  " PROSE1 "  \n\n" PROSE2 "\n" PROSE3 "\n");
    T_EQ_STR(c.body, PROSE1 "\n\n" PROSE2 "\n\n" PROSE3);
    T_EQ_INT(c.n_removed, 0);
}

T_TEST(clean_title_repeated_removed)
{
    chr__cleaned c = clean("Council sets budget for schools\n\n"
                           "Council sets budget for schools\n\n" PROSE1
                           "\n\n" PROSE2 "\n");
    T_EQ_STR(c.title, "Council sets budget for schools");
    T_CHECK(!in_body(&c, "Council sets budget"));
    T_EQ_INT(c.n_removed, 2);
    T_EQ_STR(c.removed[0].reason, "title");
    T_EQ_STR(c.removed[1].reason, "title");
    T_EQ_STR(c.body, PROSE1 "\n\n" PROSE2);
}

T_TEST(clean_title_after_furniture)
{
    chr__cleaned c = clean("Connect with us\n\nPolitics\n\n"
                           "Council sets budget for schools amid protests\n\n"
                           PROSE1 "\n\n" PROSE2 "\n");
    T_EQ_STR(c.title, "Council sets budget for schools amid protests");
    T_EQ_STR(why(&c, "Connect with us"), "navigation");
    T_EQ_STR(why(&c, "Politics"), "navigation");
    T_EQ_STR(why(&c, "Council sets budget for schools amid protests"),
             "title");
    T_EQ_STR(c.body, PROSE1 "\n\n" PROSE2);
}

T_TEST(clean_title_before_deck)
{
    chr__cleaned c = clean("Daily Courier\n\nCouncil sets budget for schools\n\n"
                           "Members argue for hours over spending on buildings "
                           "and teachers\n\n" PROSE1 "\n");
    T_EQ_STR(c.title, "Council sets budget for schools");
    T_EQ_STR(why(&c, "Daily Courier"), "navigation");
    T_EQ_STR(c.body, PROSE1);
    /* furniture words only count as the whole line */
    c = clean("Menu\n\nClose race in the north\n\n" PROSE1 "\n");
    T_EQ_STR(c.title, "Close race in the north");
    T_EQ_STR(why(&c, "Menu"), "navigation");
}

T_TEST(clean_no_title_when_text_starts_with_prose)
{
    chr__cleaned c = clean(PROSE1 "\n\nShort line here\n\n" PROSE2 "\n");
    T_CHECK(c.title == NULL);
    /* a short line after the first prose is article structure: kept */
    T_CHECK(in_body(&c, "Short line here"));
    /* a headline ending in a period is not a title */
    c = clean("Budget set.\n\n" PROSE1 "\n");
    T_CHECK(c.title == NULL);
}

T_TEST(clean_byline)
{
    chr__cleaned c = clean("Council sets budget for schools\nby Jane Q. Doe\n\n"
                           PROSE1 "\n");
    T_EQ_STR(c.byline, "Jane Q. Doe");
    T_EQ_STR(why(&c, "by Jane Q. Doe"), "byline");
    T_EQ_STR(c.body, PROSE1);
    c = clean("Council sets budget for schools\nBy Jane Doe | Updated 3 July "
              "2023, 10:04 GMT\n\n" PROSE1 "\n");
    T_EQ_STR(c.byline, "Jane Doe");
    c = clean(PROSE1 "\n\nBy contrast, the opposition wanted a far larger "
              "increase in spending on roads.\n");
    T_CHECK(c.byline == NULL);
    T_CHECK(in_body(&c, "By contrast, the opposition"));
}

T_TEST(clean_dateline_starting_paragraph_stays)
{
    chr__cleaned c = clean("Leaders meet at regional summit\n\n"
                           "ASTANA: The leaders of two neighbouring states met "
                           "on Wednesday for talks on trade.\n\n" PROSE2 "\n");
    T_CHECK(c.dateline_place != NULL);
    if (c.dateline_place)
        T_EQ_STR(c.dateline_place, "Astana");
    T_CHECK(in_body(&c, "ASTANA: The leaders"));
    c = clean(PROSE1 "\n\n" PROSE2 "\n");
    T_CHECK(c.dateline_place == NULL && c.dateline_date == NULL);
}

T_TEST(clean_dateline_line_removed)
{
    chr__cleaned c = clean("Leaders meet at regional summit\n"
                           "Astana, Kazakhstan (AFP) July 3, 2024\n\n" PROSE1
                           "\n\n" PROSE2 "\n");
    T_EQ_STR(why(&c, "Astana, Kazakhstan (AFP) July 3, 2024"), "byline");
    T_EQ_STR(c.dateline_place, "Astana, Kazakhstan");
    T_EQ_STR(c.dateline_date, "2024-07-03");
    T_EQ_STR(c.dateline_outlet, "AFP");
    T_EQ_STR(c.body, PROSE1 "\n\n" PROSE2);
}

T_TEST(clean_date_line_sets_published)
{
    chr__cleaned c = clean("Council sets budget for schools\n\nWed Jul 03 2024\n\n"
                           PROSE1 "\n");
    T_EQ_STR(c.published, "2024-07-03");
    T_EQ_STR(why(&c, "Wed Jul 03 2024"), "byline");
    T_EQ_STR(c.body, PROSE1);
    c = clean("Council sets budget for schools\n\nPublished: July 3, 2024\n\n"
              PROSE1 "\n");
    T_EQ_STR(c.published, "2024-07-03");
    c = clean(PROSE1 "\n\nJuly 3, 2024 was the hottest day recorded in the "
              "city for more than forty years.\n");
    T_CHECK(c.published == NULL);
    T_CHECK(in_body(&c, "July 3, 2024 was the hottest"));
}

T_TEST(clean_caption_printed_twice)
{
    const char *cap = "A crowd gathers in the square (Photo: A. Smith/City Agency)";
    char buf[1024];
    snprintf(buf, sizeof buf, "%s\n\n%s\n%s\n\n%s\n", PROSE1, cap, cap, PROSE2);
    chr__cleaned c = clean(buf);
    T_EQ_INT(c.n_removed, 2);
    T_EQ_STR(c.removed[0].reason, "caption");
    T_EQ_STR(c.removed[1].reason, "caption");
    T_EQ_STR(c.body, PROSE1 "\n\n" PROSE2);
    /* non-sentence printed twice is also a caption */
    c = clean(PROSE1 "\n\nThe mayor and her deputy at the opening\n"
              "The mayor and her deputy at the opening\n\n" PROSE2 "\n");
    T_EQ_STR(why(&c, "The mayor and her deputy at the opening"), "caption");
    T_CHECK(!in_body(&c, "her deputy"));
    /* a prose sentence printed twice: first kept, second duplicate */
    c = clean(PROSE1 "\n" PROSE1 "\n\n" PROSE2 "\n");
    T_EQ_STR(c.body, PROSE1 "\n\n" PROSE2);
    T_EQ_INT(c.n_removed, 1);
    T_EQ_STR(c.removed[0].reason, "duplicate");
}

T_TEST(clean_single_caption_with_credit)
{
    chr__cleaned c = clean(PROSE1 "\n\nDelegates at the summit in the capital "
                           "on Friday (STAFF/Pool via AGENCY)\n\n" PROSE2 "\n");
    T_EQ_STR(c.body, PROSE1 "\n\n" PROSE2);
    T_EQ_INT(c.n_removed, 1);
    T_EQ_STR(c.removed[0].reason, "caption");
    /* a sentence ending in a parenthesis is not a caption */
    c = clean(PROSE1 "\n\nThe group (founded in 2001) now counts nine "
              "members and fourteen partners (see list)\n");
    T_EQ_INT(c.n_removed, 0);
}

T_TEST(clean_later_duplicate)
{
    chr__cleaned c = clean(PROSE1 "\n\n" PROSE2 "\n\n" PROSE3 "\n\n" PROSE2
                           "\n");
    T_EQ_STR(c.body, PROSE1 "\n\n" PROSE2 "\n\n" PROSE3);
    T_EQ_STR(why(&c, PROSE2), "duplicate");
}

T_TEST(clean_share_lines)
{
    chr__cleaned c = clean("Council sets budget for schools\n"
                           "icon-facebook icon-twitter icon-whatsapp\n\n" PROSE1
                           "\n\nShare | Tweet | Email | Print\n\n" PROSE2
                           "\n\nShare this article\n");
    T_EQ_STR(why(&c, "icon-facebook icon-twitter icon-whatsapp"), "share");
    T_EQ_STR(why(&c, "Share | Tweet | Email | Print"), "share");
    T_EQ_STR(why(&c, "Share this article"), "share");
    T_EQ_STR(c.body, PROSE1 "\n\n" PROSE2);
    c = clean(PROSE1 "\n\nShare prices fell sharply on Monday after the bank "
              "reported a loss.\n");
    T_EQ_INT(c.n_removed, 0);
}

T_TEST(clean_related_in_middle_resumes_prose)
{
    chr__cleaned c = clean(PROSE1 "\n\nRelated news\n\nMayor opens new library\n\n"
                           "Fares frozen\n\n" PROSE2 "\n\n" PROSE3 "\n");
    T_EQ_STR(why(&c, "Related news"), "related");
    T_EQ_STR(why(&c, "Mayor opens new library"), "related");
    T_EQ_STR(why(&c, "Fares frozen"), "related");
    T_EQ_STR(c.body, PROSE1 "\n\n" PROSE2 "\n\n" PROSE3);
    /* at the end: everything after it */
    c = clean(PROSE1 "\n\n" PROSE2 "\n\nRelated Posts:\n\nMayor opens library\n"
              "Fares frozen for a year\n");
    T_EQ_STR(c.body, PROSE1 "\n\n" PROSE2);
    T_EQ_INT(c.n_removed, 3);
    /* "related" inside a sentence is not a heading */
    c = clean(PROSE1 "\n\nRelated talks will resume in the spring, officials "
              "said on Tuesday.\n");
    T_EQ_INT(c.n_removed, 0);
}

T_TEST(clean_footer_to_end)
{
    chr__cleaned c = clean(PROSE1 "\n\n" PROSE2 "\n\n" PROSE3 "\n\n"
                           "Copyright 2023 Example Media. All rights reserved.\n"
                           "Terms of use\n\nSome long tail text after the "
                           "copyright line that still reads like a sentence.\n");
    T_EQ_STR(c.body, PROSE1 "\n\n" PROSE2 "\n\n" PROSE3);
    T_EQ_INT(c.n_removed, 3);
    for (size_t i = 0; i < c.n_removed; i++)
        T_EQ_STR(c.removed[i].reason, "footer");
    c = clean(PROSE1 "\n\n" PROSE2 "\n\nSOURCE: Two wire agencies\n\n"
              "https://example.org/a https://example.org/b\n");
    T_EQ_STR(c.body, PROSE1 "\n\n" PROSE2);
    T_EQ_STR(why(&c, "SOURCE: Two wire agencies"), "footer");
    T_EQ_STR(why(&c, "https://example.org/a https://example.org/b"), "footer");
}

T_TEST(clean_footer_early_does_not_end_article)
{
    /* "Subscribe" after the first of five paragraphs: dropped alone */
    chr__cleaned c = clean(PROSE1 "\n\nSubscribe to our newsletter\n\n" PROSE2
                           "\n\n" PROSE3 "\n\nThe council also discussed the "
                           "state of the bridges over the river and the cost of "
                           "repairs.\n\nResidents will be able to comment on "
                           "the plans at three public meetings held in March.\n");
    T_EQ_STR(why(&c, "Subscribe to our newsletter"), "footer");
    T_EQ_INT(c.n_removed, 1);
    T_CHECK(in_body(&c, PROSE3));
    T_CHECK(in_body(&c, "three public meetings"));
}

T_TEST(clean_cookie_notice)
{
    chr__cleaned c = clean(PROSE1 "\n\nWe use cookies to improve your "
                           "experience on this website.\n\n" PROSE2 "\n");
    T_EQ_STR(why(&c, "We use cookies to improve your experience on this "
                     "website."), "footer");
    T_EQ_STR(c.body, PROSE1 "\n\n" PROSE2);
    /* an article about cookies, or about a privacy policy, stays */
    c = clean(PROSE1 "\n\nThe bakery sold ten thousand cookies at the fair "
              "this weekend.\n\nThe firm changed its privacy policy last week, "
              "regulators said.\n");
    T_EQ_INT(c.n_removed, 0);
}

T_TEST(clean_author_bio_is_footer)
{
    chr__cleaned c = clean(PROSE1 "\n\n" PROSE2 "\n\n" PROSE3 "\n\nAnna Berg\n\n"
                           "Anna Berg is an experienced journalist and editor "
                           "who has covered local politics for two decades.\n");
    T_EQ_STR(why(&c, "Anna Berg"), "footer");
    T_CHECK(!in_body(&c, "experienced journalist"));
    /* a name line followed by other prose is kept */
    c = clean(PROSE1 "\n\nAnna Berg\n\nThe budget passed easily, and the "
              "mayor thanked the members for their work.\n");
    T_EQ_INT(c.n_removed, 0);
}

T_TEST(clean_paren_agency_alone)
{
    chr__cleaned c = clean(PROSE1 "\n\n" PROSE2 "\n\n(AFP)\n");
    T_EQ_STR(why(&c, "(AFP)"), "byline");
    T_EQ_STR(c.body, PROSE1 "\n\n" PROSE2);
}

T_TEST(clean_subheads_stay)
{
    chr__cleaned c = clean(PROSE1 "\n\n- Rivalry -\n\n" PROSE2 "\n\n"
                           "\xE2\x80\x93 Silk Roads \xE2\x80\x93\n\n" PROSE3
                           "\n");
    T_EQ_INT(c.n_removed, 0);
    T_CHECK(in_body(&c, "- Rivalry -\n\n"));
    T_CHECK(in_body(&c, "Silk Roads"));
}

T_TEST(clean_golden_fixture_article)
{
    size_t n, bn;
    char *page = slurp("tests/fixtures/clean/article.txt", &n);
    char *want = slurp("tests/fixtures/clean/article.body.txt", &bn);
    T_CHECK(page && want);
    if (!page || !want) {
        free(page);
        free(want);
        return;
    }
    chr__cleaned c = clean(page);
    T_EQ_STR(c.body, want);
    /* every paragraph of the article is there */
    for (char *p = want, *e; *p; p = e + (*e ? 2 : 0)) {
        e = strstr(p, "\n\n");
        if (!e)
            e = p + strlen(p);
        char save = *e;
        *e = '\0';
        T_CHECK(in_body(&c, p));
        *e = save;
    }
    static const char *const furniture[] = {
        "Follow us", "Harbour News Network", "City Life", "Mira Castellan",
        "Eastland", "icon-", "Workers lay test rails", "Related news",
        "Bus fares frozen", "Port authority", "(HNN)", "Tweet", "Sources",
        "https://", "staff writer", "Copyright", "approves tram line"};
    for (size_t i = 0; i < sizeof furniture / sizeof *furniture; i++)
        if (in_body(&c, furniture[i])) {
            fprintf(stderr, "  furniture in body: %s\n", furniture[i]);
            T_CHECK(0);
        }
    T_EQ_STR(c.title, "Valmora council approves tram line after decade of debate");
    T_EQ_STR(c.byline, "Mira Castellan");
    T_EQ_STR(c.dateline_place, "Valmora, Eastland");
    T_EQ_STR(c.dateline_date, "2023-03-04");
    T_EQ_STR(c.dateline_outlet, "HNN");
    T_EQ_STR(why(&c, "Follow us"), "navigation");
    T_EQ_STR(why(&c, "City Life"), "navigation");
    T_EQ_STR(why(&c, "Bus fares frozen for another year"), "related");
    T_EQ_STR(why(&c, "Tweet"), "share");
    T_EQ_STR(why(&c, "Sources"), "footer");
    T_EQ_STR(why(&c, "Mira Castellan"), "footer");
    /* removed entries are in document order */
    T_EQ_STR(c.removed[0].text, "Follow us");
    T_EQ_STR(c.removed[c.n_removed - 1].reason, "footer");
    free(page);
    free(want);
}

T_TEST(clean_hard_wrapped_paragraphs)
{
    size_t n;
    char *page = slurp("tests/fixtures/clean/wrapped.txt", &n);
    T_CHECK(page != NULL);
    if (!page)
        return;
    chr__cleaned c = clean(page);
    T_EQ_STR(c.title, "Orchard growers report an early harvest");
    T_CHECK(in_body(&c, "two weeks earlier than usual"));
    T_CHECK(in_body(&c, "calendar.\n\nSeveral farms"));
    T_CHECK(in_body(&c, "south when the first trees were ready.\n\nThe regional"));
    const char *nl = c.body ? strchr(c.body, '\n') : NULL;
    T_CHECK(nl && nl[1] == '\n'); /* no single line breaks left */
    free(page);
    /* one paragraph per line (long lines): never joined */
    c = clean(PROSE1 "\n" PROSE2 "\n" PROSE3 "\n");
    T_EQ_STR(c.body, PROSE1 "\n\n" PROSE2 "\n\n" PROSE3);
}

T_TEST(clean_hostile_sizes)
{
    size_t big = 60u << 20;
    char *s = malloc(big);
    T_CHECK(s != NULL);
    if (!s)
        return;
    for (size_t i = 0; i < big; i++)
        s[i] = "word "[i % 5];
    chr__arena *a = chr__arena_new(0);
    chr__cleaned c;
    clock_t t0 = clock();
    T_EQ_INT(chr__clean_text(s, big, a, &c), CHR_OK);
    T_EQ_INT(c.body_len, big - 1); /* trailing space trimmed */
    chr__arena_free(a);
    /* many short lines: more than the unit cap */
    for (size_t i = 0; i < big; i++)
        s[i] = "ab\n"[i % 3];
    a = chr__arena_new(0);
    T_EQ_INT(chr__clean_text(s, big, a, &c), CHR_OK);
    T_CHECK(c.n_removed <= 100000);
    chr__arena_free(a);
    /* lines of 1 MiB */
    for (size_t i = 0; i < big; i++)
        s[i] = (i % (1u << 20)) == 0 ? '\n' : "Tweet. "[i % 7];
    a = chr__arena_new(0);
    T_EQ_INT(chr__clean_text(s, big, a, &c), CHR_OK);
    chr__arena_free(a);
    /* only newlines */
    memset(s, '\n', big);
    a = chr__arena_new(0);
    T_EQ_INT(chr__clean_text(s, big, a, &c), CHR_OK);
    T_EQ_INT(c.body_len, 0);
    chr__arena_free(a);
    /* arbitrary bytes (the contract says UTF-8; still no crash) */
    unsigned x = 12345;
    for (size_t i = 0; i < (4u << 20); i++) {
        x = x * 1103515245u + 12345u;
        s[i] = (char)(x >> 16);
    }
    a = chr__arena_new(0);
    T_EQ_INT(chr__clean_text(s, 4u << 20, a, &c), CHR_OK);
    chr__arena_free(a);
    /* out of memory is reported, not crashed on */
    a = chr__arena_new(1024);
    T_EQ_INT(chr__clean_text(s, 4u << 20, a, &c), CHR_NOMEM);
    chr__arena_free(a);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    T_CHECK(secs < 30.0);
    free(s);
}

/* ---- HTML ---- */

static chr__block blk(const char *tag, const char *text, int in_article,
                      int in_boiler, const char *hints, size_t link_chars)
{
    chr__block b;
    memset(&b, 0, sizeof b);
    b.tag = tag;
    b.text = text;
    b.len = strlen(text);
    b.in_article = in_article;
    b.in_boiler = in_boiler;
    b.hints = hints;
    b.link_chars = link_chars;
    return b;
}

T_TEST(clean_html_prefers_article_and_reports_boiler)
{
    chr__block b[] = {
        blk("a", "Home News Sport", 0, 1, "site-nav menu", 15),
        blk("h1", "Council sets budget", 1, 0, "", 0),
        blk("p", "By Jane Doe", 1, 1, "byline author", 0),
        blk("p", "PARIS: " PROSE1, 1, 0, "article-body", 0),
        blk("figcaption", "The mayor at the town hall", 1, 1, "", 0),
        blk("p", PROSE2, 1, 0, "article-body", 0),
        blk("li", "Other story one", 1, 1, "related-posts", 0),
        blk("p", "Read the full list of measures here", 1, 0, "", 30),
        blk("h2", "What happens next", 1, 0, "", 0),
        blk("p", PROSE3, 1, 0, "article-body", 0),
        blk("div", "Share on Facebook", 1, 1, "social share", 0),
        blk("div", "Share Tweet", 1, 0, "share-buttons", 11),
        blk("p", "Sign up for our newsletter", 0, 0, "sidebar", 0),
        blk("p", "Copyright 2023 Example", 0, 1, "site-footer", 0),
        blk("p", "", 1, 0, "", 0),
    };
    chr__html page;
    memset(&page, 0, sizeof page);
    page.title = "Council sets budget | Example Times";
    page.h1 = "Council sets budget";
    page.outlet = "Example Times";
    page.byline = "Jane Doe";
    page.published = "2023-03-04";
    page.blocks = b;
    page.n_blocks = sizeof b / sizeof *b;
    chr__arena *a = chr__arena_new(0);
    chr__cleaned c;
    T_EQ_INT(chr__clean_html(&page, a, &c), CHR_OK);
    T_EQ_STR(c.title, "Council sets budget");
    T_EQ_STR(c.byline, "Jane Doe");
    T_EQ_STR(c.published, "2023-03-04");
    T_EQ_STR(c.body, "PARIS: " PROSE1 "\n\n" PROSE2
                     "\n\nWhat happens next\n\n" PROSE3);
    T_CHECK(c.dateline_place != NULL);
    T_EQ_STR(why(&c, "Home News Sport"), "navigation");
    T_EQ_STR(why(&c, "Council sets budget"), "title");
    T_EQ_STR(why(&c, "By Jane Doe"), "byline");
    T_EQ_STR(why(&c, "The mayor at the town hall"), "caption");
    T_EQ_STR(why(&c, "Other story one"), "related");
    T_EQ_STR(why(&c, "Read the full list of measures here"), "navigation");
    T_EQ_STR(why(&c, "Share on Facebook"), "share");
    T_EQ_STR(why(&c, "Share Tweet"), "share");
    T_EQ_STR(why(&c, "Sign up for our newsletter"), "navigation");
    T_EQ_STR(why(&c, "Copyright 2023 Example"), "footer");
    T_EQ_INT(c.n_removed, 10);
    chr__arena_free(a);
}

T_TEST(clean_html_without_article_and_title_suffix)
{
    chr__block b[] = {
        blk("div", "Menu", 0, 0, "", 0),
        blk("p", PROSE1, 0, 0, "", 0),
        blk("td", PROSE2, 0, 0, "", 0),
        blk("span", "Tiny label", 0, 0, "", 0),
    };
    chr__html page;
    memset(&page, 0, sizeof page);
    page.title = "Budget news - Other Outlet";
    page.outlet = "Example Times";
    page.blocks = b;
    page.n_blocks = 4;
    chr__arena *a = chr__arena_new(0);
    chr__cleaned c;
    T_EQ_INT(chr__clean_html(&page, a, &c), CHR_OK);
    T_EQ_STR(c.title, "Budget news - Other Outlet"); /* not the outlet */
    T_EQ_STR(c.body, PROSE1 "\n\n" PROSE2);
    T_EQ_STR(why(&c, "Menu"), "navigation");
    T_EQ_STR(why(&c, "Tiny label"), "navigation");
    chr__arena_free(a);
    /* an empty page */
    page.n_blocks = 0;
    page.title = NULL;
    a = chr__arena_new(0);
    T_EQ_INT(chr__clean_html(&page, a, &c), CHR_OK);
    T_EQ_INT(c.body_len, 0);
    T_CHECK(c.title == NULL);
    chr__arena_free(a);
}

T_TEST(clean_html_million_blocks_linear)
{
    size_t n = 1000000;
    chr__block *b = calloc(n, sizeof *b);
    T_CHECK(b != NULL);
    if (!b)
        return;
    for (size_t i = 0; i < n; i++)
        b[i] = blk(i % 3 ? "p" : "li", i % 2 ? PROSE1 : "Link text", 1,
                   i % 5 == 0, "x", 0);
    chr__html page;
    memset(&page, 0, sizeof page);
    page.title = "A page";
    page.blocks = b;
    page.n_blocks = n;
    chr__arena *a = chr__arena_new(0);
    chr__cleaned c;
    clock_t t0 = clock();
    T_EQ_INT(chr__clean_html(&page, a, &c), CHR_OK);
    T_CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 10.0);
    T_CHECK(c.n_removed <= 100000);
    chr__arena_free(a);
    free(b);
}

T_TEST(clean_quote_introducer_kept)
{
    chr__cleaned c = clean(
        "Harbour talks resume\n\n" PROSE1 "\n\n" PROSE2 "\n\nRelated news\n\n"
        "The mayor said\xe2\x80\xa6\n\n"
        "\xe2\x80\x9cWe will rebuild the pier before the winter storms arrive, "
        "whatever the cost.\xe2\x80\x9d\n\n" PROSE3 "\n\nThe mayor said...\n\n"
        "\"Nobody in this town will be left behind while we do this work.\"");
    T_EQ_STR(why(&c, "Related news"), "related");
    T_CHECK(in_body(&c, "The mayor said\xe2\x80\xa6"));
    T_CHECK(in_body(&c, "The mayor said..."));
    T_CHECK(why(&c, "The mayor said...") == NULL); /* not a duplicate */
    /* the same short line without a quotation after it is related */
    c = clean("Harbour talks resume\n\n" PROSE1 "\n\n" PROSE2
              "\n\nRelated news\n\nThe mayor said\xe2\x80\xa6\n\n" PROSE3);
    T_EQ_STR(why(&c, "The mayor said\xe2\x80\xa6"), "related");
}
