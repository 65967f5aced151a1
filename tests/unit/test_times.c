/* test_times.c — time expressions resolved against the document date
 * (src/extract/times.c). Invented sentences only. */
#include "t.h"

#include "extract/times.h"

#include <stdlib.h>

#define WED "2024-07-03" /* a Wednesday */
#define FRI "2022-09-16" /* a Friday */

/* Value of the first time written `text` in `body`: "(none)" when no time
 * has that text, "(null)" when its value is NULL. */
static const char *tv(const char *body, const char *date, const char *text)
{
    static char buf[64];
    chr__arena *a = chr__arena_new(0);
    chr_time *t = NULL;
    size_t n = 0;
    snprintf(buf, sizeof buf, "(error)");
    if (chr__times_find(body, strlen(body), date, a, &t, &n) == CHR_OK) {
        snprintf(buf, sizeof buf, "(none)");
        for (size_t i = 0; i < n; i++) {
            if (strcmp(t[i].text, text) == 0) {
                snprintf(buf, sizeof buf, "%s",
                         t[i].value ? t[i].value : "(null)");
                break;
            }
        }
    }
    chr__arena_free(a);
    return buf;
}

/* Number of times found in body. */
static size_t count(const char *body, const char *date)
{
    chr__arena *a = chr__arena_new(0);
    chr_time *t = NULL;
    size_t n = 0;
    if (chr__times_find(body, strlen(body), date, a, &t, &n) != CHR_OK)
        n = (size_t)-1;
    chr__arena_free(a);
    return n;
}

T_TEST(times_weekday_past_and_future)
{
    T_EQ_STR(tv("The mayor met the union leaders on Wednesday.", WED,
                "on Wednesday"), "2024-07-03");
    T_EQ_STR(tv("The minister will attend talks on Thursday.", WED,
                "on Thursday"), "2024-07-04");
    T_EQ_STR(tv("The ministers met on Monday in the capital.", WED,
                "on Monday"), "2024-07-01");
    T_EQ_STR(tv("The board will meet on Wednesday.", WED, "on Wednesday"),
             "2024-07-03");
    T_EQ_STR(tv("She is expected to sign the deal on Friday.", WED,
                "on Friday"), "2024-07-05");
    T_EQ_STR(tv("The summit is due to open on Monday.", WED, "on Monday"),
             "2024-07-08");
    T_EQ_STR(tv("The council plans to vote on Tuesday.", WED, "on Tuesday"),
             "2024-07-09");
    T_EQ_STR(tv("They'll decide on Saturday.", WED, "on Saturday"),
             "2024-07-06");
    T_EQ_STR(tv("The vote, which is to be held on Sunday, is close.", WED,
                "on Sunday"), "2024-07-07");
    T_EQ_STR(tv("The ferry is set to sail on Thursday.", WED, "on Thursday"),
             "2024-07-04");
    T_EQ_STR(tv("The union is going to strike on Friday.", WED, "on Friday"),
             "2024-07-05");
    T_EQ_STR(tv("The ministers are meeting on Friday.", WED, "on Friday"),
             "2024-07-05");
    T_EQ_STR(tv("The election is on Sunday.", WED, "on Sunday"),
             "2024-07-07");
    T_EQ_STR(tv("The governor said Tuesday that roads were closed.", WED,
                "Tuesday"), "2024-07-02");
    T_EQ_STR(tv("Police said on Tuesday night that two men were held.", WED,
                "on Tuesday night"), "2024-07-02");
}

T_TEST(times_weekday_friday_document)
{
    T_EQ_STR(tv("The leaders met on Friday at the palace.", FRI, "on Friday"),
             "2022-09-16");
    T_EQ_STR(tv("The leaders will meet again on Friday.", FRI, "on Friday"),
             "2022-09-16");
    T_EQ_STR(tv("On Thursday, the envoy thanked his hosts.", FRI,
                "On Thursday"), "2022-09-15");
    T_EQ_STR(tv("The delegates will fly home on Sunday.", FRI, "on Sunday"),
             "2022-09-18");
}

T_TEST(times_weekday_clause_decides)
{
    const char *s = "The envoy, who arrived on Monday, will leave on Thursday.";
    T_EQ_STR(tv(s, WED, "on Monday"), "2024-07-01");
    T_EQ_STR(tv(s, WED, "on Thursday"), "2024-07-04");
    const char *q = "\"We will win,\" the coach said on Sunday.";
    T_EQ_STR(tv(q, WED, "on Sunday"), "2024-06-30");
}

T_TEST(times_last_next_this)
{
    T_EQ_STR(tv("Riots broke out last Monday.", WED, "last Monday"),
             "2024-07-01");
    T_EQ_STR(tv("It rained last Wednesday.", WED, "last Wednesday"),
             "2024-06-26");
    T_EQ_STR(tv("The court rules next Tuesday.", WED, "next Tuesday"),
             "2024-07-09");
    T_EQ_STR(tv("The court rules next Wednesday.", WED, "next Wednesday"),
             "2024-07-10");
    T_EQ_STR(tv("Sales fell last year.", WED, "last year"), "2023");
    T_EQ_STR(tv("Sales will rise next year.", WED, "next year"), "2025");
    T_EQ_STR(tv("The plant opens next month.", WED, "next month"), "2024-08");
    T_EQ_STR(tv("The plant closed last month.", WED, "last month"),
             "2024-06");
    T_EQ_STR(tv("Talks resumed earlier this month.", WED,
                "earlier this month"), "2024-07");
    T_EQ_STR(tv("A vote is planned later this year.", WED,
                "later this year"), "2024");
    T_EQ_STR(tv("The bill passed this week.", WED, "this week"), "2024-W27");
    T_EQ_STR(tv("The bill failed last week.", WED, "last week"), "2024-W26");
    T_EQ_STR(tv("The strike ended last night.", WED, "last night"),
             "2024-07-02");
    T_EQ_STR(tv("Markets fell this morning.", WED, "this morning"),
             "2024-07-03");
    T_EQ_STR(tv("The storm hit last March.", WED, "last March"), "2024-03");
    T_EQ_STR(tv("The storm season starts next March.", WED, "next March"),
             "2025-03");
}

T_TEST(times_deictic_and_ago)
{
    T_EQ_STR(tv("The bridge collapsed yesterday.", WED, "yesterday"),
             "2024-07-02");
    T_EQ_STR(tv("The bridge reopens today.", WED, "today"), "2024-07-03");
    T_EQ_STR(tv("The bridge reopens tomorrow.", WED, "tomorrow"),
             "2024-07-04");
    T_EQ_STR(tv("The band plays tonight.", WED, "tonight"), "2024-07-03");
    T_EQ_STR(tv("The town was founded ten years ago.", WED, "ten years ago"),
             "2014");
    T_EQ_STR(tv("She left two weeks ago.", WED, "two weeks ago"),
             "2024-06-19");
    T_EQ_STR(tv("He called 3 days ago.", WED, "3 days ago"), "2024-06-30");
    T_EQ_STR(tv("It began a year ago.", WED, "a year ago"), "2023");
    T_EQ_STR(tv("It began six months ago.", WED, "six months ago"),
             "2024-01");
    T_EQ_STR(tv("It began twenty years ago.", WED, "twenty years ago"),
             "2004");
}

T_TEST(times_months_inferred)
{
    T_EQ_STR(tv("The factory closed in March.", WED, "in March"), "2024-03");
    T_EQ_STR(tv("The talks collapsed in November.", WED, "in November"),
             "2023-11");
    T_EQ_STR(tv("The election will be held in November.", WED,
                "in November"), "2024-11");
    T_EQ_STR(tv("Prices will rise in February.", WED, "in February"),
             "2025-02");
    T_EQ_STR(tv("The fair opened in July.", WED, "in July"), "2024-07");
    T_EQ_STR(tv("The dam burst in early May.", WED, "in early May"),
             "2024-05");
    T_EQ_STR(tv("The treaty was signed on July 3.", WED, "on July 3"),
             "2024-07-03");
    T_EQ_STR(tv("Talks will resume on July 10.", WED, "on July 10"),
             "2024-07-10");
    T_EQ_STR(tv("The strike began on December 28.", WED, "on December 28"),
             "2023-12-28");
    T_EQ_STR(tv("The strike will begin on 2 January.", WED, "on 2 January"),
             "2025-01-02");
    T_EQ_STR(tv("Fireworks are planned for 14 July", WED, "14 July"),
             "2024-07-14");
    T_EQ_STR(tv("Negotiators will meet on Aug. 12 in Geneva.", WED,
                "on Aug. 12"), "2024-08-12");
    T_EQ_STR(tv("Officials expect the report in June.", WED, "in June"),
             "2025-06");
}

T_TEST(times_full_dates)
{
    T_EQ_STR(tv("It happened on 3 July 2024 in the port.", NULL,
                "on 3 July 2024"), "2024-07-03");
    T_EQ_STR(tv("It happened July 3, 2024, in the port.", NULL,
                "July 3, 2024"), "2024-07-03");
    T_EQ_STR(tv("Filed 2024-07-03 by the clerk.", NULL, "2024-07-03"),
             "2024-07-03");
    T_EQ_STR(tv("Deadline: 03.07.2024 at noon.", NULL, "03.07.2024"),
             "2024-07-03");
    T_EQ_STR(tv("Posted Wednesday, July 3, 2024 by staff.", NULL,
                "Wednesday, July 3, 2024"), "2024-07-03");
    T_EQ_STR(tv("The war began in February 2022.", NULL, "in February 2022"),
             "2022-02");
    T_EQ_STR(tv("The club was founded in 2019.", NULL, "in 2019"), "2019");
    T_EQ_STR(tv("She has lived there since 2001.", NULL, "since 2001"),
             "2001");
    T_EQ_STR(tv("Music of the 1990s is back.", NULL, "the 1990s"), "199");
    T_EQ_STR(tv("The 2024 election was close.", NULL, "2024"), "2024");
    T_EQ_STR(tv("Between 2010 and 2015 output doubled.", NULL, "2015"),
             "2015");
}

T_TEST(times_no_document_date)
{
    T_EQ_STR(tv("They met on Wednesday.", NULL, "on Wednesday"), "(null)");
    T_EQ_STR(tv("The plant closed in March.", NULL, "in March"), "(null)");
    T_EQ_STR(tv("Sales fell last year.", NULL, "last year"), "(null)");
    T_EQ_STR(tv("It opened yesterday.", "not a date", "yesterday"), "(null)");
}

T_TEST(times_edges_and_prepositions)
{
    T_EQ_STR(tv("Work stopped in mid-July.", WED, "in mid-July"), "2024-07");
    T_EQ_STR(tv("Work stopped in mid-2023.", WED, "in mid-2023"), "2023");
    T_EQ_STR(tv("The law passed late last year.", WED, "late last year"),
             "2023");
    T_EQ_STR(tv("The dam broke late Tuesday.", WED, "late Tuesday"),
             "2024-07-02");
    T_EQ_STR(tv("Posted Wednesday, July 3 by staff.", WED,
                "Wednesday, July 3"), "2024-07-03");
    /* "since" looks back even in a sentence about the future */
    T_EQ_STR(tv("The road will stay shut, as it has since Monday.", WED,
                "since Monday"), "2024-07-01");
    T_EQ_STR(tv("The talks will run until Friday.", WED, "until Friday"),
             "2024-07-05");
    T_EQ_STR(tv("This coming Monday the school reopens.", WED,
                "This coming Monday"), "2024-07-08");
    T_EQ_INT(count("Prices rose over the past year.", WED), 0);
    T_EQ_INT(count("Over 2000 people came.", WED), 0);
    T_EQ_INT(count("The bill passed after May said she backed it.", WED), 0);
}

T_TEST(times_weekend)
{
    T_EQ_STR(tv("Protesters gathered at the weekend.", WED, "at the weekend"),
             "2024-06-29");
    T_EQ_STR(tv("Fans will travel at the weekend.", WED, "at the weekend"),
             "2024-07-06");
    T_EQ_STR(tv("The truce should hold through the weekend.", FRI,
                "through the weekend"), "2022-09-17");
}

T_TEST(times_false_times)
{
    T_EQ_INT(count("Prices may rise, and they May be cut later.", WED), 0);
    T_EQ_INT(count("Theresa May said the plan would work.", WED), 0);
    T_EQ_INT(count("Thousands joined a march through the city.", WED), 0);
    T_EQ_INT(count("The March of the Veterans drew crowds.", WED), 0);
    T_EQ_INT(count("About 2000 people attended the rally.", WED), 0);
    T_EQ_INT(count("Then 2000 people attended the rally.", WED), 0);
    T_EQ_INT(count("The firm paid $2024 for it.", WED), 0);
    T_EQ_INT(count("Turnout rose by 2010 %.", WED), 0);
    T_EQ_INT(count("The Sunday Times reported the story.", WED), 0);
    T_EQ_INT(count("The Mail on Sunday printed it.", WED), 0);
    T_EQ_INT(count("Shops were shut on Good Friday.", WED), 0);
    T_EQ_INT(count("Copyright 1995-2024 Example Media.", WED), 0);
    T_EQ_INT(count("Version 1.2.2024.5 was released.", WED), 0);
    T_EQ_STR(tv("The strike ended in May.", WED, "in May"), "2024-05");
}

T_TEST(times_offsets_and_order)
{
    const char *s = "Yesterday the mayor said the fair opens on Friday, "
                    "ten years after it began in 2014.";
    chr__arena *a = chr__arena_new(0);
    chr_time *t = NULL;
    size_t n = 0;
    T_EQ_INT(chr__times_find(s, strlen(s), WED, a, &t, &n), CHR_OK);
    T_EQ_INT(n, 3);
    for (size_t i = 0; i < n; i++) {
        T_CHECK(t[i].end > t[i].start && t[i].end <= strlen(s));
        T_CHECK(strncmp(s + t[i].start, t[i].text, t[i].end - t[i].start) ==
                0);
        if (i)
            T_CHECK(t[i].start >= t[i - 1].end);
    }
    if (n == 3) {
        T_EQ_STR(t[0].text, "Yesterday");
        T_EQ_STR(t[1].value, "2024-07-05"); /* "opens": present, "said" */
        T_EQ_STR(t[2].text, "in 2014");
    }
    T_EQ_INT(chr__times_find(NULL, 5, WED, a, &t, &n), CHR_INVALID);
    T_EQ_INT(chr__times_find(s, 3, WED, NULL, &t, &n), CHR_INVALID);
    T_EQ_INT(chr__times_find(s, 0, WED, a, &t, &n), CHR_OK);
    T_EQ_INT(n, 0);
    chr__arena_free(a);
}

T_TEST(times_long_input_chunks)
{
    /* many chunks of tokens: every expression still found and resolved */
    size_t reps = 5000;
    const char *unit = "The crews met on Monday. ";
    size_t ul = strlen(unit);
    char *s = malloc(reps * ul + 1);
    T_CHECK(s != NULL);
    if (!s)
        return;
    for (size_t i = 0; i < reps; i++)
        memcpy(s + i * ul, unit, ul);
    s[reps * ul] = '\0';
    chr__arena *a = chr__arena_new(0);
    chr_time *t = NULL;
    size_t n = 0;
    T_EQ_INT(chr__times_find(s, reps * ul, WED, a, &t, &n), CHR_OK);
    T_EQ_INT(n, reps);
    size_t bad = 0;
    for (size_t i = 0; i < n; i++)
        if (!t[i].value || strcmp(t[i].value, "2024-07-01") != 0 ||
            strcmp(t[i].text, "on Monday") != 0)
            bad++;
    T_EQ_INT(bad, 0);
    chr__arena_free(a);
    free(s);
}

T_TEST(times_hostile_bytes)
{
    size_t len = 1 << 20;
    char *s = malloc(len);
    T_CHECK(s != NULL);
    if (!s)
        return;
    unsigned long long x = 88172645463325252ULL;
    for (size_t i = 0; i < len; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s[i] = (char)(x & 0xFF);
    }
    chr__arena *a = chr__arena_new(0);
    chr_time *t;
    size_t n;
    T_EQ_INT(chr__times_find(s, len, WED, a, &t, &n), CHR_OK);
    /* random text drawn from date-ish bytes */
    static const char alpha[] = "0123456789 .,-/'Monday July May 2024 on in";
    for (size_t i = 0; i < len; i++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s[i] = alpha[x % (sizeof alpha - 1)];
    }
    T_EQ_INT(chr__times_find(s, len, WED, a, &t, &n), CHR_OK);
    memset(s, 0xFF, len);
    T_EQ_INT(chr__times_find(s, len, WED, a, &t, &n), CHR_OK);
    T_EQ_INT(n, 0);
    memset(s, 'a', len); /* one enormous word */
    T_EQ_INT(chr__times_find(s, len, WED, a, &t, &n), CHR_OK);
    T_EQ_INT(n, 0);
    memset(s, '.', len); /* only punctuation */
    T_EQ_INT(chr__times_find(s, len, "9999-12-31", a, &t, &n), CHR_OK);
    /* a truncated expression at the very end */
    T_EQ_INT(chr__times_find("on", 2, WED, a, &t, &n), CHR_OK);
    T_EQ_INT(chr__times_find("ten years", 9, "0001-01-01", a, &t, &n),
             CHR_OK);
    T_EQ_STR(tv("It began 5000 years ago.", "0100-01-01", "5000 years ago"),
             "(null)");
    chr__arena_free(a);
    free(s);
    /* an arena too small: NOMEM, no crash */
    chr__arena *tiny = chr__arena_new(1024);
    T_EQ_INT(chr__times_find("They met on Monday.", 19, WED, tiny, &t, &n),
             CHR_NOMEM);
    chr__arena_free(tiny);
}
