/* times.c — finds time expressions in a body and resolves them against the
 * document date (chr__times_find). Word tables, calendar and tense live in
 * times_rules.c.
 *
 * Method: the body is cut into word tokens in chunks (times_tok.c). At each
 * token that may start an expression (chr__tm_may_start) the matchers try,
 * in order, and the first that matches consumes its tokens:
 *     [prep] full date          "on 3 July 2024", "July 3, 2024",
 *                               "2024-07-03", "03.07.2024" (day first)
 *     [prep] [edge] [rel] core  edge: early|mid|late|earlier|later,
 *                               rel: last|next|this|coming|past|previous;
 *        core: weekday [part of day], "July 3" / "3 July" (no year),
 *              month [year], year, decade ("the 1990s"), week, month,
 *              year, weekend, night/morning/...; yesterday, today,
 *              tonight, tomorrow [part of day]; N days|weeks|months|
 *              years|decades ago.
 * prep: on, in, since, until, till, by, during, from, before, after,
 * through, and (before "the weekend" only) at, over — kept in the text
 * ("on Wednesday", "since 2001"). Full dates use chr__parse_date
 * (read/date.c), so the reading and extraction stages agree on them.
 *
 * Resolution (doc date D; tense from times_rules.c):
 *  - "since" forces the past; otherwise the tense of the clause decides.
 *  - weekday: past or unknown tense → the latest such day on or before D
 *    (D itself when it is that weekday); future → the first on or after D;
 *    "last" → strictly before, "next"/"coming" → strictly after.
 *  - month without year, "July 3" without year: past → the latest on or
 *    before D, future → the first on or after, unknown → the nearer one.
 *    "last March" / "next March": strictly before / after D's month.
 *  - yesterday D-1, today/tonight/this morning D, tomorrow D+1, last night
 *    D-1; last/this/next year, month; N units ago (days and weeks give a
 *    day, months a month, years and decades a year).
 *  - weeks ("this week", "last week") give an ISO week "2024-W27";
 *    "the weekend" gives its Saturday (past: the latest weekend begun by D,
 *    future: the next one, unknown: this week's).
 *  - without D only absolute dates, month+year, years and decades get a
 *    value; the rest has value NULL.
 * Decades: "the 1990s" → "199" (ISO 8601 reduced precision).
 * False times avoided: month names must be capitalised; "May", "March",
 * "April", "June", "August" alone need a preposition or edge word before
 * them or a day/year after them ("may be", "a march", "Theresa May");
 * an ambiguous month before "said", "was", ... ("after May said");
 * "Sunday Times", "The Mail on Sunday" and other paper names; named days
 * ("Good Friday", "Black Friday", "Super Tuesday") are skipped; spans
 * after "the" ("the past year", "the last week") are not times; a 4-digit
 * number is not a year
 * when it is a quantity: after a currency sign, before "%", after a
 * quantity word ("some 2000"), or before a lower-case noun unless a
 * determiner precedes ("2000 people" but "the 2024 election") or it
 * follows a year and "and"/"or"/"to" ("between 2010 and 2015"), unless
 * in/since/until/during/through introduce it ("in 2019"); year ranges
 * ("1995-2024", "2023-24") are skipped. Seasons, "the end of March", "the
 * previous day" and spans are not resolved (not found). */
#include "extract/times_int.h"
#include "read/read.h"
#include "text/strtab.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- values ---- */

typedef struct tm_hit {
    size_t end_byte; /* 0: the end of the last token */
    char val[32];    /* "" when unknown */
} tm_hit;

static void put_day(const tm_ctx *c, tm_hit *h, long z)
{
    int y, m, d;
    if (!c->has_date)
        return;
    chr__tm_civil(z, &y, &m, &d);
    if (y >= 1 && y <= 9999)
        snprintf(h->val, sizeof h->val, "%04d-%02d-%02d", y, m, d);
}

static void put_ymd(tm_hit *h, int y, int m, int d)
{
    if (y >= 1 && y <= 9999)
        snprintf(h->val, sizeof h->val, "%04d-%02d-%02d", y, m, d);
}

static void put_month(tm_hit *h, int y, int m)
{
    if (y >= 1 && y <= 9999 && m >= 1 && m <= 12)
        snprintf(h->val, sizeof h->val, "%04d-%02d", y, m);
}

static void put_year(tm_hit *h, int y)
{
    if (y >= 1 && y <= 9999)
        snprintf(h->val, sizeof h->val, "%04d", y);
}

/* months since year 0 → hit */
static void put_mindex(tm_hit *h, long mi)
{
    if (mi >= 12 && mi < 120000)
        put_month(h, (int)(mi / 12), (int)(mi % 12) + 1);
}

static void put_week(const tm_ctx *c, tm_hit *h, long z)
{
    if (!c->has_date)
        return;
    long thu = z - chr__tm_dow(z) + 3;
    int y, m, d;
    chr__tm_civil(thu, &y, &m, &d);
    long w = (thu - chr__tm_days(y, 1, 1)) / 7 + 1;
    if (y >= 1 && y <= 9999)
        snprintf(h->val, sizeof h->val, "%04d-W%02ld", y, w);
}

enum { REL_NONE, REL_LAST, REL_NEXT, REL_THIS };

static void put_weekday(const tm_ctx *c, tm_hit *h, int wd, int rel,
                        int tense)
{
    long back = (c->dow - wd + 7) % 7, fwd = (wd - c->dow + 7) % 7;
    long z;
    if (rel == REL_LAST)
        z = c->days - (back ? back : 7);
    else if (rel == REL_NEXT)
        z = c->days + (fwd ? fwd : 7);
    else if (tense == TM_FUTURE)
        z = c->days + fwd;
    else
        z = c->days - back;
    put_day(c, h, z);
}

/* A month (and day when d > 0) without a year. */
static void put_noyear(const tm_ctx *c, tm_hit *h, int m, int d, int rel,
                       int tense)
{
    if (!c->has_date)
        return;
    int y;
    if (d > 0) {
        int yp = c->y, yf = c->y;
        if (chr__tm_days(c->y, m, 1) + d - 1 > c->days)
            yp--;
        else if (chr__tm_days(c->y, m, 1) + d - 1 < c->days)
            yf++;
        if (tense == TM_PAST)
            y = yp;
        else if (tense == TM_FUTURE)
            y = yf;
        else {
            long dp = c->days - (chr__tm_days(yp, m, 1) + d - 1);
            long df = chr__tm_days(yf, m, 1) + d - 1 - c->days;
            y = df < dp ? yf : yp;
        }
        if (d <= chr__tm_days_in(y, m))
            put_ymd(h, y, m, d);
        return;
    }
    int yp = m <= c->m ? c->y : c->y - 1;
    int yf = m >= c->m ? c->y : c->y + 1;
    if (rel == REL_LAST)
        y = m < c->m ? c->y : c->y - 1;
    else if (rel == REL_NEXT)
        y = m > c->m ? c->y : c->y + 1;
    else if (rel == REL_THIS)
        y = c->y;
    else if (tense == TM_PAST)
        y = yp;
    else if (tense == TM_FUTURE)
        y = yf;
    else
        y = (m - c->m + 12) % 12 < (c->m - m + 12) % 12 ? yf : yp;
    put_month(h, y, m);
}

/* ---- matchers ---- */

static const char *const preps[] = {"on",     "in",     "since", "until",
                                    "till",   "by",     "at",    "over",
                                    "during", "from",   "before", "after",
                                    "through", NULL};
enum { P_ON, P_IN, P_SINCE, P_UNTIL, P_TILL, P_BY, P_AT, P_OVER, P_DURING,
       P_FROM, P_BEFORE, P_AFTER, P_THROUGH };

/* a preposition after which a number is a year, not a quantity */
static int year_prep(int prep)
{
    return prep == P_IN || prep == P_SINCE || prep == P_UNTIL ||
           prep == P_TILL || prep == P_DURING || prep == P_THROUGH;
}

/* the tense, knowing that "since" looks back */
static int tense_of(const tm_ctx *c, size_t first, size_t end, int prep)
{
    return prep == P_SINCE ? TM_PAST : chr__tm_tense(c, first, end);
}

static const char *const edges[] = {"early", "mid", "late", "earlier",
                                    "later", NULL};
enum { E_EARLY, E_MID, E_LATE, E_EARLIER, E_LATER };

static const char *const rels[] = {"last", "next", "this", "coming", "past",
                                   "previous", NULL};
static const int rel_kind[] = {REL_LAST, REL_NEXT, REL_THIS, REL_NEXT,
                               REL_LAST, REL_LAST};

static const char *const parts[] = {"morning", "afternoon", "evening",
                                    "night", "overnight", NULL};

static const char *const papers[] = {"times", "telegraph", "express",
                                     "mirror", "post", "herald", "mail",
                                     "independent", "star", "tribune",
                                     "sport", "record", "observer", "people",
                                     "club", "league", NULL};
static const char *const named_days[] = {"bloody", "black", "good", "easter",
                                         "palm", "ash", "holy", "super",
                                         "cyber", "maundy", "shrove",
                                         "whit", "trinity", NULL};

static const char *const units[] = {"day",    "days",    "week",  "weeks",
                                    "month",  "months",  "year",  "years",
                                    "decade", "decades", NULL};

static const char *const quantity_words[] = {
    "some", "about", "around", "nearly", "almost", "over", "than", "least",
    "up", "only", "just", "roughly", "approximately", "estimated", "no",
    "number", "page", "flight", "route", "room", "model", "article",
    "resolution", "paragraph", "section", "code", "bus", "line", "channel",
    "pp", "p", "nos", "top", NULL};

/* lower-case words that may follow a year without making it a quantity */
static const char *const after_year_ok[] = {
    "and", "or", "but", "when", "as", "the", "a", "an", "to", "was", "were",
    "is", "are", "had", "has", "have", "will", "would", "with", "after",
    "before", "at", "in", "on", "of", "for", "by", "while", "that", "which",
    "where", "who", "he", "she", "it", "they", "we", "i", "its", "his",
    "her", "their", "saw", "until", "onwards", "onward", "through", "alone",
    "because", "since", "following", "amid", "despite", "there", "this",
    "these", "those", "than", "not", "also", "already", "so", "if",
    "although", "though", "said", "ad", "bc", "bce", "ce", NULL};

static const char *const year_dets[] = {"the", "a", "an", "its", "his",
                                        "her", "their", "our", "this",
                                        "that", "whose", "my", "your", NULL};

static int space_before(const tm_ctx *c, size_t k)
{
    return k < c->nt && (c->t[k].flags & TM_SPACE);
}

static int year_value(const tm_ctx *c, size_t k)
{
    if (k >= c->nt || !(c->t[k].flags & TM_DIGIT) ||
        c->t[k].end - c->t[k].start != 4)
        return 0;
    return chr__tm_number(c, k);
}

/* Token k as a year: 1800-2199 (1000-2199 after a preposition or edge
 * word), not a quantity. */
static int year_at(const tm_ctx *c, size_t k, int introduced)
{
    int y = year_value(c, k);
    if (y < (introduced ? 1000 : 1800) || y > 2199)
        return 0;
    const tm_tok *t = &c->t[k];
    if (t->flags & TM_CURR)
        return 0;
    if (k + 1 < c->nt && (c->t[k + 1].flags & (TM_HYPH | TM_SLASH | TM_DOT)) &&
        (c->t[k + 1].flags & TM_DIGIT))
        return 0; /* a range, "2024/25", "2024.5" */
    if (k > 0 && (t->flags & (TM_HYPH | TM_SLASH | TM_DOT | TM_COMMA)) &&
        (c->t[k - 1].flags & TM_DIGIT))
        return 0;
    size_t e = t->end;
    while (e < c->len && c->s[e] == ' ')
        e++;
    if (e < c->len && c->s[e] == '%')
        return 0;
    if (introduced)
        return y;
    if (k > 1 && (chr__tm_is(c, k - 1, "and") || chr__tm_is(c, k - 1, "or") ||
                  chr__tm_is(c, k - 1, "to")) &&
        year_value(c, k - 2) >= 1000)
        return y; /* "between 2010 and 2015" */
    if (k > 0 && !(t->flags & TM_CLAUSE) &&
        chr__tm_in(c, k - 1, quantity_words) >= 0)
        return 0;
    if (k + 1 < c->nt && space_before(c, k + 1) &&
        (c->t[k + 1].flags & TM_ALPHA) && !(c->t[k + 1].flags & TM_UPPER) &&
        chr__tm_in(c, k + 1, after_year_ok) < 0) {
        int det = k > 0 && !(t->flags & TM_CLAUSE) &&
                  (chr__tm_in(c, k - 1, year_dets) >= 0 ||
                   (chr__tm_is(c, k - 1, "s") && (c->t[k - 1].flags & TM_APOS)));
        if (!det)
            return 0;
    }
    return y;
}

/* "1990s" or "1990's": the decade's first three digits, else 0. */
static size_t decade_at(const tm_ctx *c, size_t k, char out[4])
{
    if (k >= c->nt)
        return 0;
    const char *s = c->s + c->t[k].start;
    size_t n = c->t[k].end - c->t[k].start, used = 0;
    if (n == 5 && (s[4] == 's' || s[4] == 'S'))
        used = 1;
    else if (n == 4 && k + 1 < c->nt && (c->t[k + 1].flags & TM_APOS) &&
             chr__tm_is(c, k + 1, "s"))
        used = 2;
    if (!used)
        return 0;
    for (int i = 0; i < 4; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    if (s[3] != '0' || s[0] < '1' || s[0] > '2')
        return 0;
    memcpy(out, s, 3);
    out[3] = '\0';
    return used;
}

/* Full dates with a year, from read/date.c plus "03.07.2024" and
 * "03/07/2024" (day first unless the second number exceeds 12). Returns
 * the end token and sets h->end_byte. */
static size_t full_date(const tm_ctx *c, size_t j, tm_hit *h)
{
    const tm_tok *t = &c->t[j];
    char iso[11];
    size_t e = chr__parse_date(c->s + t->start, c->len - t->start, iso);
    if (e) {
        size_t eb = t->start + e, k = j;
        while (k < c->nt && c->t[k].start < eb)
            k++;
        memcpy(h->val, iso, 11);
        h->end_byte = eb;
        return k;
    }
    if (j + 2 < c->nt && (t->flags & TM_DIGIT) &&
        (c->t[j + 1].flags & TM_DIGIT) && (c->t[j + 2].flags & TM_DIGIT)) {
        unsigned sep = c->t[j + 1].flags & (TM_DOT | TM_SLASH);
        if (!sep || (c->t[j + 2].flags & sep) != sep)
            return 0;
        if (t->end - t->start > 2 || c->t[j + 1].end - c->t[j + 1].start > 2 ||
            c->t[j + 2].end - c->t[j + 2].start != 4)
            return 0;
        if (j + 3 < c->nt && (c->t[j + 3].flags & (TM_DOT | TM_SLASH)) &&
            (c->t[j + 3].flags & TM_DIGIT))
            return 0; /* a version or address, not a date */
        int a = chr__tm_number(c, j), b = chr__tm_number(c, j + 1);
        int y = chr__tm_number(c, j + 2), d = a, m = b;
        if (sep == TM_SLASH && b > 12) {
            d = b;
            m = a;
        }
        if (y < 1800 || y > 2199 || m < 1 || m > 12 || d < 1 ||
            d > chr__tm_days_in(y, m))
            return 0;
        put_ymd(h, y, m, d);
        return j + 3;
    }
    return 0;
}

/* "July 3", "July 3rd", "3 July", "3rd of July" with no year after; sets
 * *m, *d and returns the end token, 0 when none. */
/* The gap before token k is ". " (after an abbreviation: "Aug. 12"). */
static int dot_space_before(const tm_ctx *c, size_t k)
{
    if (k == 0 || k >= c->nt)
        return 0;
    size_t gs = c->t[k - 1].end, ge = c->t[k].start;
    if (ge - gs < 2 || c->s[gs] != '.')
        return 0;
    for (size_t i = gs + 1; i < ge; i++)
        if (c->s[i] != ' ')
            return 0;
    return 1;
}

static size_t month_day(const tm_ctx *c, size_t k, int *m, int *d)
{
    int mm = chr__tm_month(c, k), dd;
    if (mm && (space_before(c, k + 1) || dot_space_before(c, k + 1)) &&
        (dd = chr__tm_daynum(c, k + 1))) {
        if (year_value(c, k + 2) && !(c->t[k + 2].flags & TM_CLAUSE))
            return 0; /* "July 3 2024" that date.c refused */
        if (dd > chr__tm_days_in(2000, mm))
            return 0;
        *m = mm;
        *d = dd;
        return k + 2;
    }
    if ((dd = chr__tm_daynum(c, k)) && space_before(c, k + 1)) {
        size_t q = k + 1;
        if (chr__tm_is(c, q, "of") && space_before(c, q + 1))
            q++;
        if ((mm = chr__tm_month(c, q)) && dd <= chr__tm_days_in(2000, mm)) {
            *m = mm;
            *d = dd;
            return q + 1;
        }
    }
    return 0;
}

static size_t part_of_day(const tm_ctx *c, size_t k)
{
    return space_before(c, k) && chr__tm_in(c, k, parts) >= 0 ? k + 1 : k;
}

static const char *const ambiguous_months[] = {"may", "march", "april",
                                               "june", "august", NULL};

/* [edge] [rel] core at j; first is where the expression starts (for the
 * tense). Returns the end token or 0. */
static size_t core(const tm_ctx *c, size_t first, size_t j, int prep,
                   tm_hit *h)
{
    size_t k = j;
    int edge = -1, rel = REL_NONE, relw = -1;
    if ((edge = chr__tm_in(c, k, edges)) >= 0 && k + 1 < c->nt &&
        (c->t[k + 1].flags & (TM_SPACE | TM_HYPH)))
        k++; /* "early July", "mid-2024" */
    else
        edge = -1;
    /* "at" and "over" introduce only "the weekend" */
    if ((prep == P_AT || prep == P_OVER) &&
        !(chr__tm_is(c, k, "the") && chr__tm_is(c, k + 1, "weekend")))
        return 0;
    if ((relw = chr__tm_in(c, k, rels)) >= 0 && space_before(c, k + 1)) {
        rel = rel_kind[relw];
        k++;
        int r2;
        if (relw == 2 && (r2 = chr__tm_in(c, k, rels)) >= 0 &&
            (r2 == 3 || r2 == 4) && space_before(c, k + 1)) {
            relw = r2; /* "this coming Monday", "this past week" */
            rel = rel_kind[r2];
            k++;
        }
    } else {
        relw = -1;
    }
    if ((edge == E_EARLIER || edge == E_LATER) && rel == REL_NONE)
        return 0;
    size_t e;
    int wd, m, d;
    char dec[4];

    /* yesterday, today, tonight, tomorrow */
    static const char *const deictic[] = {"yesterday", "today", "tonight",
                                          "tomorrow", NULL};
    int dx = rel == REL_NONE ? chr__tm_in(c, k, deictic) : -1;
    if (dx >= 0) {
        if (chr__tm_is(c, k, "today") && (c->t[k].flags & TM_UPPER) &&
            k > 0 && !(c->t[k].flags & TM_SENT) &&
            (chr__tm_is(c, k - 1, "the") || chr__tm_is(c, k - 1, "usa")))
            return 0; /* "USA Today", "the Today programme" */
        static const int off[] = {-1, 0, 0, 1};
        put_day(c, h, c->days + off[dx]);
        return dx == 2 ? k + 1 : part_of_day(c, k + 1);
    }

    /* weekday */
    if ((wd = chr__tm_weekday(c, k)) >= 0) {
        if (k + 1 < c->nt && space_before(c, k + 1) &&
            (c->t[k + 1].flags & TM_UPPER) && chr__tm_in(c, k + 1, papers) >= 0)
            return 0;
        if (k > 0 && k == first && space_before(c, k) &&
            (c->t[k - 1].flags & TM_UPPER) &&
            chr__tm_in(c, k - 1, named_days) >= 0)
            return 0;
        if (k > 1 && chr__tm_is(c, k - 1, "on") &&
            (c->t[k - 2].flags & TM_UPPER) &&
            (chr__tm_is(c, k - 2, "mail") ||
             chr__tm_is(c, k - 2, "independent")))
            return 0; /* "The Mail on Sunday" */
        if (rel == REL_NONE && k + 1 < c->nt &&
            (c->t[k + 1].flags & (TM_COMMA | TM_SPACE)) &&
            (e = month_day(c, k + 1, &m, &d))) {
            put_noyear(c, h, m, d, REL_NONE, tense_of(c, first, e, prep));
            return e;
        }
        e = part_of_day(c, k + 1);
        if (rel == REL_NONE || rel == REL_THIS)
            put_weekday(c, h, wd, REL_NONE, tense_of(c, first, e, prep));
        else
            put_weekday(c, h, wd, rel, TM_UNKNOWN);
        return e;
    }

    /* units after last/this/next: week, month, year, weekend, night... */
    if (rel != REL_NONE) {
        long z = c->days;
        if (j > 0 && j == k - 1 && chr__tm_is(c, j - 1, "the") &&
            chr__tm_in(c, k, units) >= 0)
            return 0; /* "the past year", "the next two weeks": spans */
        if (chr__tm_is(c, k, "week")) {
            put_week(c, h, z + (rel == REL_LAST ? -7 : rel == REL_NEXT ? 7 : 0));
            return k + 1;
        }
        if (chr__tm_is(c, k, "month")) {
            if (c->has_date)
                put_mindex(h, (long)c->y * 12 + c->m - 1 +
                                  (rel == REL_LAST ? -1 : rel == REL_NEXT));
            return k + 1;
        }
        if (chr__tm_is(c, k, "year")) {
            if (c->has_date)
                put_year(h, c->y + (rel == REL_LAST ? -1 : rel == REL_NEXT));
            return k + 1;
        }
        if (chr__tm_is(c, k, "weekend")) {
            long mon = z - c->dow;
            put_day(c, h, rel == REL_LAST ? mon - 2
                          : rel == REL_NEXT ? mon + 12 : mon + 5);
            return k + 1;
        }
        if (relw == 0 && chr__tm_is(c, k, "night")) {
            put_day(c, h, z - 1);
            return k + 1;
        }
        if (relw == 2 && chr__tm_in(c, k, parts) >= 0) {
            put_day(c, h, z);
            return k + 1;
        }
        if ((m = chr__tm_month(c, k)) && !(year_value(c, k + 1) &&
                                            space_before(c, k + 1))) {
            put_noyear(c, h, m, 0, rel, TM_UNKNOWN);
            return k + 1;
        }
        return 0;
    }

    /* "the weekend" after at/over/on/during */
    if (chr__tm_is(c, k, "the") && chr__tm_is(c, k + 1, "weekend") &&
        space_before(c, k + 1) &&
        (prep == P_AT || prep == P_OVER || prep == P_ON || prep == P_DURING ||
         prep == P_THROUGH)) {
        if (c->has_date) {
            long mon = c->days - c->dow, sat = mon + 5;
            int tense = tense_of(c, first, k + 2, prep);
            if (tense == TM_PAST && sat > c->days)
                sat -= 7;
            else if (tense == TM_FUTURE && sat < c->days)
                sat += 7;
            put_day(c, h, sat);
        }
        return k + 2;
    }

    /* decades: "the 1990s", "1990s" */
    size_t q = k;
    if (chr__tm_is(c, q, "the") && space_before(c, q + 1))
        q++;
    size_t used = decade_at(c, q, dec);
    if (used) {
        memcpy(h->val, dec, 4);
        return q + used;
    }
    if (q != k)
        return 0;

    /* "July 3", "3 July" without a year */
    if (edge < 0 && (e = month_day(c, k, &m, &d))) {
        put_noyear(c, h, m, d, REL_NONE, tense_of(c, first, e, prep));
        return e;
    }

    /* month [year] */
    if ((m = chr__tm_month(c, k))) {
        int y;
        size_t yk = k + 1;
        if (yk < c->nt && ((c->t[yk].flags & (TM_SPACE | TM_COMMA)) ||
                           dot_space_before(c, yk)) &&
            (y = year_at(c, yk, 1))) {
            put_month(h, y, m);
            return yk + 1;
        }
        int introduced = prep >= 0 || edge >= 0;
        static const char *const name_next[] = {
            "said", "says", "told", "is", "was", "has", "had", "will",
            "would", "and", "who", "herself", "himself", NULL};
        if (chr__tm_in(c, k, ambiguous_months) >= 0 &&
            chr__tm_in(c, k + 1, name_next) >= 0 && space_before(c, k + 1))
            return 0; /* "after May said": a person */
        if (!introduced) {
            if (chr__tm_in(c, k, ambiguous_months) >= 0)
                return 0;
            if (k > 0 && !(c->t[k].flags & TM_CLAUSE) &&
                (c->t[k - 1].flags & TM_UPPER))
                return 0; /* part of a name */
        } else if (chr__tm_is(c, k, "may") && k + 1 < c->nt &&
                   space_before(c, k + 1) && chr__tm_is(c, k + 1, "be")) {
            return 0;
        }
        put_noyear(c, h, m, 0, REL_NONE, tense_of(c, first, k + 1, prep));
        return k + 1;
    }

    /* N units ago */
    int num = edge < 0 ? chr__tm_number(c, k) : -1;
    int u;
    if (num > 0 && space_before(c, k + 1) &&
        (u = chr__tm_in(c, k + 1, units)) >= 0 && space_before(c, k + 2) &&
        chr__tm_is(c, k + 2, "ago")) {
        if (u % 2 == 0 && num != 1)
            return 0; /* "two year ago" */
        if (c->has_date && num <= 5000) {
            switch (u / 2) {
            case 0: put_day(c, h, c->days - num); break;
            case 1: put_day(c, h, c->days - 7L * num); break;
            case 2: put_mindex(h, (long)c->y * 12 + c->m - 1 - num); break;
            case 3: put_year(h, c->y - num); break;
            default: put_year(h, c->y - 10 * num); break;
            }
        }
        return k + 3;
    }

    /* a year */
    int y = year_at(c, k, year_prep(prep) || edge >= 0);
    if (y) {
        put_year(h, y);
        return k + 1;
    }
    return 0;
}

static size_t match(const tm_ctx *c, size_t i, tm_hit *h)
{
    if (!chr__tm_may_start(c, i))
        return 0;
    int prep = chr__tm_in(c, i, preps);
    size_t e;
    if (prep >= 0 && i + 1 < c->nt && space_before(c, i + 1)) {
        memset(h, 0, sizeof *h);
        if ((e = full_date(c, i + 1, h)))
            return e;
        memset(h, 0, sizeof *h);
        if ((e = core(c, i, i + 1, prep, h)))
            return e;
    }
    memset(h, 0, sizeof *h);
    if ((e = full_date(c, i, h)))
        return e;
    memset(h, 0, sizeof *h);
    return core(c, i, i, -1, h);
}

/* The expressions of c->s into v; tokens in c->t (freed by the caller). */
static chr_status scan(tm_ctx *c, chr__arena *a, chr__vec *v)
{
    const char *body = c->s;
    size_t len = c->len, pos = 0;
    while (pos < len) {
        size_t next = chr__tm_tokenize(c, pos);
        if (c->nomem)
            return CHR_NOMEM;
        for (size_t i = 0; i < c->nt;) {
            tm_hit h;
            size_t e = match(c, i, &h);
            if (!e || e <= i) {
                i++;
                continue;
            }
            size_t sb = c->t[i].start;
            size_t eb = h.end_byte ? h.end_byte : c->t[e - 1].end;
            chr_time *tm = chr__vec_push(v, a);
            if (!tm)
                return CHR_NOMEM;
            tm->text = chr__arena_strndup(a, body + sb, eb - sb);
            tm->value = h.val[0] ? chr__arena_strdup(a, h.val) : NULL;
            tm->start = sb;
            tm->end = eb;
            if (!tm->text || (h.val[0] && !tm->value))
                return CHR_NOMEM;
            i = e;
        }
        if (next <= pos)
            break;
        pos = next;
    }
    return CHR_OK;
}

chr_status chr__times_find(const char *body, size_t len, const char *doc_date,
                           chr__arena *a, chr_time **out, size_t *n)
{
    if (out)
        *out = NULL;
    if (n)
        *n = 0;
    if (!a || !out || !n || (!body && len > 0))
        return CHR_INVALID;
    if (len == 0)
        return CHR_OK;
    tm_ctx c;
    memset(&c, 0, sizeof c);
    c.s = body;
    c.len = len;
    if (chr__tm_parse_iso(doc_date, &c.y, &c.m, &c.d)) {
        c.has_date = 1;
        c.days = chr__tm_days(c.y, c.m, c.d);
        c.dow = chr__tm_dow(c.days);
    }
    chr__strtab_filter starts;
    chr__tm_start_filter(&starts);
    c.starts = &starts;
    chr__vec v;
    chr__vec_init(&v, sizeof(chr_time));
    chr_status st = scan(&c, a, &v);
    free(c.t);
    if (st != CHR_OK)
        return st;
    *out = v.len ? v.items : NULL;
    *n = v.len;
    return CHR_OK;
}
