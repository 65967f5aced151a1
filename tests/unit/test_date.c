/* test_date.c — chr__parse_date, chr__find_date, chr__parse_dateline. */
#include "t.h"

#include "read/read.h"

static const char *pd(const char *s, size_t *used)
{
    static char out[11];
    out[0] = '\0';
    size_t u = chr__parse_date(s, strlen(s), out);
    if (used)
        *used = u;
    return u ? out : "";
}

T_TEST(date_iso_forms)
{
    size_t u;
    T_EQ_STR(pd("2024-07-03", &u), "2024-07-03");
    T_EQ_INT(u, 10);
    T_EQ_STR(pd("2024-07-03T10:15:00Z rest", &u), "2024-07-03");
    T_EQ_INT(u, 20);
    T_EQ_STR(pd("2024-07-03T10:15:00.123+05:00", &u), "2024-07-03");
    T_EQ_INT(u, 29);
    T_EQ_STR(pd("2024-07-03 10:15", &u), "2024-07-03");
    T_EQ_INT(u, 16);
    T_EQ_STR(pd("2024/7/3", NULL), "2024-07-03");
    T_EQ_STR(pd("2024-7-03x", NULL), "");   /* glued letters */
    T_EQ_STR(pd("20240-07-03", NULL), "");  /* five-digit year */
    T_EQ_STR(pd("2024-07-033", NULL), "");
    T_EQ_STR(pd("2024-13-01", NULL), "");
    T_EQ_STR(pd("2023-02-29", NULL), "");   /* not a leap year */
    T_EQ_STR(pd("2024-02-29", NULL), "2024-02-29");
    T_EQ_STR(pd("1900-02-29", NULL), "");
    T_EQ_STR(pd("2000-02-29", NULL), "2000-02-29");
    T_EQ_STR(pd("2024-04-31", NULL), "");
    T_EQ_STR(pd("2024-07", NULL), "");
}

T_TEST(date_month_names)
{
    size_t u;
    T_EQ_STR(pd("July 3, 2024", &u), "2024-07-03");
    T_EQ_INT(u, 12);
    T_EQ_STR(pd("Jul 03 2024", NULL), "2024-07-03");
    T_EQ_STR(pd("Jul. 3, 2024", NULL), "2024-07-03");
    T_EQ_STR(pd("Sept. 12, 2023", NULL), "2023-09-12");
    T_EQ_STR(pd("Sept 12 2023", NULL), "2023-09-12");
    T_EQ_STR(pd("3 July 2024", NULL), "2024-07-03");
    T_EQ_STR(pd("3rd July 2024", NULL), "2024-07-03");
    T_EQ_STR(pd("21st of March, 2022", NULL), "2022-03-21");
    T_EQ_STR(pd("July 3rd, 2024", NULL), "2024-07-03");
    T_EQ_STR(pd("DECEMBER 31, 1999", NULL), "1999-12-31");
    T_EQ_STR(pd("Wednesday, July 3, 2024", NULL), "2024-07-03");
    T_EQ_STR(pd("Wed Jul 03 2024", NULL), "2024-07-03");
    T_EQ_STR(pd("Wed, 03 Jul 2024 10:00:00 GMT", &u), "2024-07-03");
    T_EQ_INT(u, 16);
    T_EQ_STR(pd("Tues. Feb 6, 2024", NULL), "2024-02-06");
    /* refused */
    T_EQ_STR(pd("June 31, 2024", NULL), "");
    T_EQ_STR(pd("July 2024", NULL), "");
    T_EQ_STR(pd("July 3", NULL), "");
    T_EQ_STR(pd("Mayor 3, 2024", NULL), "");
    T_EQ_STR(pd("Ju 3, 2024", NULL), "");
    T_EQ_STR(pd("July 32, 2024", NULL), "");
    T_EQ_STR(pd("July 3, 20245", NULL), "");
    T_EQ_STR(pd("Wednesday", NULL), "");
    T_EQ_STR(pd("", NULL), "");
    T_EQ_STR(pd("0 July 2024", NULL), "");
}

T_TEST(date_find_in_text)
{
    const char *s = "Posted by staff. Updated on 12 March 2021 at noon.";
    char out[11];
    size_t a = 0, b = 0;
    T_EQ_INT(chr__find_date(s, strlen(s), out, &a, &b), 1);
    T_EQ_STR(out, "2021-03-12");
    T_EQ_INT(a, 28);
    T_EQ_INT(b, 41);
    const char *t = "Order no. 12024-07-03 and x2024-07-03 are not dates";
    T_EQ_INT(chr__find_date(t, strlen(t), out, &a, &b), 0);
    const char *u = "Meeting (2024-01-15) went well";
    T_EQ_INT(chr__find_date(u, strlen(u), out, &a, &b), 1);
    T_EQ_STR(out, "2024-01-15");
    T_EQ_INT(a, 9);
    T_EQ_INT(chr__find_date("", 0, out, &a, &b), 0);
    /* not NUL-terminated: the length is respected */
    const char v[] = {'J', 'u', 'l', 'y', ' ', '3', ',', ' ', '2', '0', '2'};
    T_EQ_INT(chr__find_date(v, sizeof v, out, &a, &b), 0);
}

static int dl(const char *s, chr__dateline *d)
{
    return chr__parse_dateline(s, strlen(s), d);
}

T_TEST(dateline_agency_forms)
{
    chr__dateline d;
    const char *s = "Astana, Kazakhstan (AFP) July 3, 2024 - Leaders met.";
    T_EQ_INT(dl(s, &d), 1);
    T_EQ_STR(d.place, "Astana, Kazakhstan");
    T_EQ_STR(d.outlet, "AFP");
    T_EQ_STR(d.date, "2024-07-03");
    T_EQ_STR(s + d.end, "Leaders met.");

    s = "WASHINGTON (Reuters) - The committee voted.";
    T_EQ_INT(dl(s, &d), 1);
    T_EQ_STR(d.place, "Washington");
    T_EQ_STR(d.outlet, "Reuters");
    T_EQ_STR(d.date, "");
    T_EQ_STR(s + d.end, "The committee voted.");

    s = "ASTANA, July 3 (Reuters) - Talks began.";
    T_EQ_INT(dl(s, &d), 1);
    T_EQ_STR(d.place, "Astana");
    T_EQ_STR(d.outlet, "Reuters");
    T_EQ_STR(d.date, "");
    T_EQ_STR(s + d.end, "Talks began.");

    s = "Samarkand (AFP) - A summit opened.";
    T_EQ_INT(dl(s, &d), 1);
    T_EQ_STR(d.place, "Samarkand");
    T_EQ_STR(d.outlet, "AFP");

    s = "LOS ANGELES, CA / ACCESSWIRE / June 24, 2020 / Acme Corp said.";
    T_EQ_INT(dl(s, &d), 1);
    T_EQ_STR(d.place, "Los Angeles, CA");
    T_EQ_STR(d.outlet, "ACCESSWIRE");
    T_EQ_STR(d.date, "2020-06-24");
    T_EQ_STR(s + d.end, "Acme Corp said.");

    s = "NEW YORK, June 24, 2020 /PRNewswire/ -- Widgets Inc announced";
    T_EQ_INT(dl(s, &d), 1);
    T_EQ_STR(d.place, "New York");
    T_EQ_STR(d.outlet, "PRNewswire");
    T_EQ_STR(d.date, "2020-06-24");
    T_EQ_STR(s + d.end, "Widgets Inc announced");
}

T_TEST(dateline_capitals_and_colons)
{
    chr__dateline d;
    const char *s = "ASTANA: Russian President spoke on Wednesday.";
    T_EQ_INT(dl(s, &d), 1);
    T_EQ_STR(d.place, "Astana");
    T_EQ_STR(d.outlet, "");
    T_EQ_STR(s + d.end, "Russian President spoke on Wednesday.");

    s = "RIO DE JANEIRO \xE2\x80\x94 Crowds gathered.";
    T_EQ_INT(dl(s, &d), 1);
    T_EQ_STR(d.place, "Rio de Janeiro");
    T_EQ_STR(s + d.end, "Crowds gathered.");

    s = "WINSTON-SALEM, N.C. (AP) \xE2\x80\x94 Rain fell.";
    T_EQ_INT(dl(s, &d), 1);
    T_EQ_STR(d.place, "Winston-Salem, N.C.");
    T_EQ_STR(d.outlet, "AP");

    s = "Z\xC3\x9CRICH: Bankers met."; /* ZÜRICH */
    T_EQ_INT(dl(s, &d), 1);
    T_EQ_STR(d.place, "Z\xC3\xBCrich");
}

T_TEST(dateline_rejects_sentences)
{
    chr__dateline d;
    T_EQ_INT(dl("The leaders of Russia and China met in Astana.", &d), 0);
    T_EQ_STR(d.place, "");
    T_EQ_INT(dl("Russia: The Kremlin said nothing.", &d), 0);
    T_EQ_INT(dl("Washington - the capital - was quiet.", &d), 0);
    T_EQ_INT(dl("Vladimir Putin (pictured) said on Tuesday", &d), 0);
    T_EQ_INT(dl("Xi Jinping (C) meets delegates", &d), 0);
    T_EQ_INT(dl("UPDATE: the story has changed.", &d), 0);
    T_EQ_INT(dl("July 3, 2024 - A date, not a place", &d), 0);
    T_EQ_INT(dl("By John Smith", &d), 0);
    T_EQ_INT(dl("One Two Three Four Five (AFP) -", &d), 0);
    T_EQ_INT(dl("", &d), 0);
    T_EQ_INT(dl("(AFP) -", &d), 0);
    T_EQ_INT(dl("a", &d), 0);
}
