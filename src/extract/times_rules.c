/* times_rules.c — the knowledge behind time expressions: calendar
 * arithmetic, the word tables (weekdays, months, number words) and the
 * tense of the clause around an expression.
 *
 * Tense: "on Wednesday" is the past or the coming Wednesday depending on
 * the verbs around it. The cue nearest to the expression decides, first
 * within its clause (commas, quotes, dashes, parentheses end clauses),
 * then within its sentence; on equal distance the word before wins (the
 * verb that governs "met on Friday").
 *   future cues: will, shall, would, 'll, won't, gonna, upcoming, next,
 *     tomorrow, expect(s), anticipate(s), forecast(s); "going to", "is/are to", "to be ..."; expected / due / set /
 *     scheduled / slated / poised / planned / plans / intends / aims /
 *     hopes / preparing followed by "to" or "for" ("due to the war" is
 *     not one: "due to" before a determiner is causal).
 *   past cues: ago, was, were, had, did, irregular past forms (said, met,
 *     told, held, ...) and lower-case words in -ed of 5+ letters, except
 *     after be/is/are/am/being (passive: "to be held", "is expected") and a
 *     list of -ed words that are not verbs ("hundred", "indeed", "united").
 *   schedule cues (future, within the clause only): present-tense verbs
 *     of timetables ("opens", "begins", "meets"), "is"/"are" (also the
 *     progressive "are meeting on Friday"; not before -ed: passive); other
 *     present tense is no cue, since news uses it for past events in
 *     headline style. */
#include "extract/times_int.h"
#include "text/strtab.h"

#include <stdlib.h>
#include <string.h>

/* ---- calendar: Howard Hinnant's days_from_civil / civil_from_days ---- */

long chr__tm_days(int y, int m, int d)
{
    long yy = (long)y - (m <= 2);
    long era = (yy >= 0 ? yy : yy - 399) / 400;
    long yoe = yy - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void chr__tm_civil(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long dd = doy - (153 * mp + 2) / 5 + 1;
    long mm = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)(yy + (mm <= 2));
    *m = (int)mm;
    *d = (int)dd;
}

int chr__tm_dow(long z)
{
    /* 1970-01-01 was a Thursday (3 when Monday = 0) */
    long w = (z + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

int chr__tm_days_in(int y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int chr__tm_parse_iso(const char *s, int *y, int *m, int *d)
{
    if (!s || strnlen(s, 10) < 10 || s[4] != '-' || s[7] != '-')
        return 0;
    int yy = digits(s, 4), mm = digits(s + 5, 2), dd = digits(s + 8, 2);
    if (yy < 1000 || mm < 1 || mm > 12 || dd < 1 ||
        dd > chr__tm_days_in(yy, mm))
        return 0;
    *y = yy;
    *m = mm;
    *d = dd;
    return 1;
}

/* ---- words ---- */

static char lower(char ch)
{
    return ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch;
}

int chr__tm_is(const tm_ctx *c, size_t k, const char *w)
{
    if (k >= c->nt)
        return 0;
    const char *t = c->t[k].w;
    return t[0] == w[0] && t[0] && strcmp(t, w) == 0;
}

int chr__tm_in(const tm_ctx *c, size_t k, const char *const *list)
{
    if (k >= c->nt || !c->t[k].w[0])
        return -1;
    const char *t = c->t[k].w;
    for (int i = 0; list[i]; i++)
        if (list[i][0] == t[0] && strcmp(list[i], t) == 0)
            return i;
    return -1;
}

/* Words that may begin an expression, sorted for bsearch. */
static const char *const start_words[] = {
    "a",        "after",     "an",       "april",    "at",       "august",
    "before",   "by",        "coming",   "december", "during",   "earlier",
    "early",    "eight",     "eighteen", "eleven",   "february", "fifteen",
    "five",     "four",      "fourteen", "friday",   "from",     "in",
    "january",  "july",      "june",     "last",     "late",     "later",
    "march",    "may",       "mid",      "monday",   "next",     "nine",
    "nineteen", "november",  "october",  "on",       "one",      "over",
    "past",     "previous",  "saturday", "september", "seven",   "seventeen",
    "since",    "six",       "sixteen",  "sunday",   "ten",      "the",
    "thirteen", "this",      "three",    "through",  "thursday", "till",
    "today",    "tomorrow",  "tonight",  "tuesday",  "twelve",   "twenty",
    "two",      "until",     "wednesday", "yesterday", NULL};

static const char *const prefix_names[] = {
    "january", "february", "march",    "april",  "may",    "june",
    "july",    "august",   "september", "october", "november", "december",
    "monday",  "tuesday",  "wednesday", "thursday", "friday", "saturday",
    "sunday",  NULL};

void chr__tm_start_filter(chr__strtab_filter *f)
{
    chr__strtab_filter_init(f, start_words, CHR__ARRAY_LEN(start_words) - 1,
                            sizeof start_words[0]);
}

int chr__tm_may_start(const tm_ctx *c, size_t k)
{
    const tm_tok *t = &c->t[k];
    unsigned char b = (unsigned char)c->s[t->start];
    if (b >= '0' && b <= '9')
        return 1;
    if (!t->w[0])
        return 0;
    /* w is under 16 bytes: its length is the token's */
    if ((!c->starts ||
         chr__strtab_may_hold(c->starts, t->w, strnlen(t->w, sizeof t->w))) &&
        chr__strtab_find(t->w, start_words, CHR__ARRAY_LEN(start_words) - 1,
                         sizeof start_words[0]))
        return 1;
    /* abbreviations read by read/date.c: "Wed", "Sept", "Thurs" */
    if (!(t->flags & TM_UPPER) || !t->w[1] || !t->w[2])
        return 0;
    for (int i = 0; prefix_names[i]; i++)
        if (prefix_names[i][0] == t->w[0] && prefix_names[i][1] == t->w[1] &&
            strncmp(prefix_names[i], t->w, strlen(t->w)) == 0)
            return 1;
    return 0;
}

static const char *const weekdays[] = {"monday", "tuesday", "wednesday",
                                       "thursday", "friday", "saturday",
                                       "sunday", NULL};

int chr__tm_weekday(const tm_ctx *c, size_t k)
{
    if (k >= c->nt || !(c->t[k].flags & TM_ALPHA))
        return -1;
    return chr__tm_in(c, k, weekdays);
}

static const char *const months[] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december",
    NULL};
static const char *const month_abbr[] = {
    "jan", "feb", "mar", "apr", "@", "jun", "jul", "aug", "sep", "oct",
    "nov", "dec", "sept", NULL};

int chr__tm_month(const tm_ctx *c, size_t k)
{
    if (k >= c->nt || (c->t[k].flags & (TM_ALPHA | TM_UPPER)) !=
                          (TM_ALPHA | TM_UPPER))
        return 0;
    int m = chr__tm_in(c, k, months);
    if (m >= 0)
        return m + 1;
    m = chr__tm_in(c, k, month_abbr);
    if (m < 0)
        return 0;
    /* "Jan." or "Jan 3": an abbreviation needs a dot or a number after */
    const char *s = c->s;
    size_t e = c->t[k].end;
    int dot = e < c->len && s[e] == '.';
    int num = k + 1 < c->nt && (c->t[k + 1].flags & TM_SPACE) &&
              c->s[c->t[k + 1].start] >= '0' && c->s[c->t[k + 1].start] <= '9';
    if (!dot && !num)
        return 0;
    return m == 12 ? 9 : m + 1;
}

static const char *const number_words[] = {
    "zero",    "one",     "two",       "three",    "four",
    "five",    "six",     "seven",     "eight",    "nine",
    "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
    "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty",  NULL};

int chr__tm_number(const tm_ctx *c, size_t k)
{
    if (k >= c->nt)
        return -1;
    const tm_tok *t = &c->t[k];
    if (t->flags & TM_DIGIT) {
        size_t n = t->end - t->start;
        if (n > 4)
            return -1;
        return digits(c->s + t->start, (int)n);
    }
    if (chr__tm_is(c, k, "a") || chr__tm_is(c, k, "an"))
        return 1;
    int v = chr__tm_in(c, k, number_words);
    return v > 0 ? v : -1;
}

int chr__tm_daynum(const tm_ctx *c, size_t k)
{
    if (k >= c->nt)
        return 0;
    const char *s = c->s + c->t[k].start;
    size_t n = c->t[k].end - c->t[k].start, i = 0;
    int v = 0;
    while (i < n && i < 2 && s[i] >= '0' && s[i] <= '9')
        v = v * 10 + (s[i++] - '0');
    if (i == 0 || v < 1 || v > 31)
        return 0;
    if (i == n)
        return v;
    if (n - i != 2)
        return 0;
    char a = lower(s[i]), b = lower(s[i + 1]);
    if ((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
        (a == 'r' && b == 'd') || (a == 't' && b == 'h'))
        return v;
    return 0;
}

/* ---- tense ---- */

static const char *const future_words[] = {
    "will", "shall", "would", "gonna", "upcoming", "next", "tomorrow",
    "expect", "expects", "anticipate", "anticipates", "forecast",
    "forecasts", NULL};

/* followed by "to" or "for": a plan */
static const char *const plan_words[] = {
    "expected", "due",      "set",     "scheduled", "slated", "poised",
    "planned",  "planning", "plans",   "plan",      "intends", "intend",
    "aims",     "hopes",    "preparing", "prepares", "likely", NULL};

static const char *const determiners[] = {
    "the", "a", "an", "his", "her", "its", "their", "our", "this", "that",
    "these", "those", NULL};

static const char *const past_words[] = {
    "ago",     "was",      "were",    "had",     "did",      "said",
    "met",     "told",     "held",    "made",    "took",     "gave",
    "came",    "went",     "saw",     "spoke",   "left",     "began",
    "won",     "lost",     "got",     "found",   "thought",  "brought",
    "bought",  "sent",     "kept",    "led",     "felt",     "paid",
    "sat",     "stood",    "wrote",   "ran",     "fell",     "rose",
    "struck",  "became",   "knew",    "grew",    "drew",     "flew",
    "threw",   "broke",    "chose",   "drove",   "fought",   "sought",
    "taught",  "caught",   "meant",   "heard",   "withdrew", "spent",
    "built",   "shook",    "swore",   "sang",    "sank",     "forgot",
    "understood", "rang",  "hung",    "dealt",   "arose",    "overtook",
    "undertook", "foresaw", NULL};

/* lower-case words in -ed that are not past verbs (or are plan cues) */
static const char *const not_past_ed[] = {
    "need",     "speed",   "indeed",   "hundred",  "proceed",  "exceed",
    "succeed",  "breed",   "seed",     "feed",     "bleed",    "embed",
    "creed",    "greed",   "tweed",    "united",   "naked",    "wicked",
    "sacred",   "kindred", "rugged",   "ragged",   "beloved",  "aged",
    "related",  "based",   "limited",  "armed",    "advanced", "detailed",
    "concerned", "interested", "alleged", "expected", "scheduled",
    "planned",  "slated",  "poised",   "supposed", "proposed", "unprecedented",
    "needed", NULL};

static const char *const be_words[] = {"be", "is", "are", "am", "being", NULL};

/* present-tense verbs of schedules: a cue for the future, within the
 * clause only ("the fair opens on Friday") */
static const char *const schedule_words[] = {
    "opens",   "begins",  "starts",  "ends",    "closes",  "meets",
    "arrives", "leaves",  "resumes", "visits",  "hosts",   "plays",
    "returns", "launches", "travels", "votes",  "is",      "are",
    "open",    "begin",   "start",   "meet",    "arrive",  "resume",
    "takes",   "holds",   "faces",   "face",    "comes",   "enters",
    "expires", "kicks",   "heads",   NULL};

static int ends_with(const tm_ctx *c, size_t k, const char *suf)
{
    size_t n = c->t[k].end - c->t[k].start, m = strlen(suf);
    return n > m + 2 && memcmp(c->s + c->t[k].end - m, suf, m) == 0;
}

static int cue_at(const tm_ctx *c, size_t k, int weak)
{
    const tm_tok *t = &c->t[k];
    if (!(t->flags & TM_ALPHA))
        return 0;
    size_t n = t->end - t->start;
    if (chr__tm_is(c, k, "ll") && (t->flags & TM_APOS))
        return TM_FUTURE;
    if (chr__tm_is(c, k, "won") && k + 1 < c->nt &&
        (c->t[k + 1].flags & TM_APOS) && chr__tm_is(c, k + 1, "t"))
        return TM_FUTURE;
    if (t->flags & TM_UPPER && !(t->flags & TM_SENT))
        return 0; /* a name, not a verb */
    if (chr__tm_in(c, k, future_words) >= 0)
        return TM_FUTURE;
    int next_to = k + 1 < c->nt && (c->t[k + 1].flags & TM_SPACE) &&
                  (chr__tm_is(c, k + 1, "to") || chr__tm_is(c, k + 1, "for"));
    if (next_to) {
        if ((chr__tm_is(c, k, "going") || chr__tm_is(c, k, "is") ||
             chr__tm_is(c, k, "are")) && chr__tm_is(c, k + 1, "to"))
            return TM_FUTURE;
        int p = chr__tm_in(c, k, plan_words);
        if (p >= 0) {
            if (chr__tm_is(c, k, "due") &&
                chr__tm_in(c, k + 2, determiners) >= 0)
                return 0;
            return TM_FUTURE;
        }
    }
    if (chr__tm_is(c, k, "to") && k + 1 < c->nt &&
        chr__tm_is(c, k + 1, "be"))
        return TM_FUTURE;
    int past = chr__tm_in(c, k, past_words) >= 0;
    if (!past && n >= 5 && n < 20) {
        const char *s = c->s + t->start;
        if (s[n - 2] == 'e' && s[n - 1] == 'd' &&
            chr__tm_in(c, k, not_past_ed) < 0)
            past = 1;
    }
    if (past) {
        if (k > 0 && (c->t[k].flags & TM_SPACE) &&
            chr__tm_in(c, k - 1, be_words) >= 0 && !chr__tm_is(c, k, "was") &&
            !chr__tm_is(c, k, "were"))
            return 0; /* passive: "to be held", "is expected" */
        return TM_PAST;
    }
    if (weak && chr__tm_in(c, k, schedule_words) >= 0) {
        if ((chr__tm_is(c, k, "is") || chr__tm_is(c, k, "are")) &&
            k + 1 < c->nt && ends_with(c, k + 1, "ed"))
            return 0; /* "is expected" (a plan word, handled above) */
        return TM_FUTURE;
    }
    return 0;
}

/* The nearest cue to [from, to) within [lo, hi), before winning ties. */
static int nearest(const tm_ctx *c, size_t from, size_t to, size_t lo,
                   size_t hi, int weak)
{
    for (size_t d = 1; d <= 60; d++) {
        int any = 0;
        if (from >= lo + d) {
            any = 1;
            int v = cue_at(c, from - d, weak);
            if (v)
                return v;
        }
        if (to - 1 + d < hi) {
            any = 1;
            int v = cue_at(c, to - 1 + d, weak);
            if (v)
                return v;
        }
        if (!any)
            break;
    }
    return TM_UNKNOWN;
}

int chr__tm_tense(const tm_ctx *c, size_t from, size_t to)
{
    if (from >= to || to > c->nt)
        return TM_UNKNOWN;
    size_t lo = from, hi = to;
    /* clause */
    while (lo > 0 && from - lo < 60 &&
           !(c->t[lo].flags & (TM_CLAUSE | TM_SENT)))
        lo--;
    while (hi < c->nt && hi - to < 60 &&
           !(c->t[hi].flags & (TM_CLAUSE | TM_SENT)))
        hi++;
    int v = nearest(c, from, to, lo, hi, 1);
    if (v)
        return v;
    /* sentence */
    lo = from;
    hi = to;
    while (lo > 0 && from - lo < 60 && !(c->t[lo].flags & TM_SENT))
        lo--;
    while (hi < c->nt && hi - to < 60 && !(c->t[hi].flags & TM_SENT))
        hi++;
    return nearest(c, from, to, lo, hi, 0);
}
