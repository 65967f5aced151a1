/* date.c — full calendar dates written in the usual news and web forms,
 * normalised to "YYYY-MM-DD": ISO 8601 (with time and zone), 2024/07/03,
 * "July 3, 2024", "3rd July 2024", "Jul. 03 2024", weekday prefixes,
 * RFC 2822. Days are checked against the month (and leap years). */
#include "read/read.h"

#include <string.h>

#define YEAR_MIN 1800
#define YEAR_MAX 2199

static const char *const month_names[12] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december",
};

static const char *const weekday_names[7] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday",
};

static int is_digit(char c) { return c >= '0' && c <= '9'; }

static int is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* a byte that continues a word: letters, digits, UTF-8 bytes */
static int is_wordc(char c)
{
    return is_alpha(c) || is_digit(c) || (unsigned char)c >= 0x80;
}

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; }

/* Length of the letter run at s. */
static size_t alpha_run(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && is_alpha(s[i]))
        i++;
    return i;
}

/* Matches a name from `names` (full, or abbreviated to at least 3 letters:
 * "Sep", "Sept", "Tues", "Thurs"), as a whole word, with an optional '.'
 * after an abbreviation. Returns the index and sets *used, or -1. */
static int match_name(const char *s, size_t n, const char *const *names,
                      int count, size_t *used)
{
    size_t k = alpha_run(s, n);
    if (k < 3 || k > 9 || (k < n && is_wordc(s[k])))
        return -1;
    for (int m = 0; m < count; m++) {
        size_t full = strlen(names[m]);
        if (k > full)
            continue;
        size_t i = 0;
        while (i < k && lower(s[i]) == names[m][i])
            i++;
        if (i != k)
            continue;
        *used = k;
        if (k < full && k < n && s[k] == '.')
            (*used)++;
        return m;
    }
    return -1;
}

static int month_at(const char *s, size_t n, size_t *used)
{
    return match_name(s, n, month_names, 12, used);
}

static int days_in(int y, int m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return d[m - 1];
}

static int valid(int y, int m, int d)
{
    return y >= YEAR_MIN && y <= YEAR_MAX && m >= 1 && m <= 12 && d >= 1 &&
           d <= days_in(y, m);
}

/* An unsigned number of min..max digits, not followed by another digit. */
static size_t number(const char *s, size_t n, size_t min, size_t max, int *v)
{
    size_t i = 0;
    int x = 0;
    while (i < n && i < max && is_digit(s[i]))
        x = x * 10 + (s[i++] - '0');
    if (i < min || (i < n && is_digit(s[i])))
        return 0;
    *v = x;
    return i;
}

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
    while (i < n && (s[i] == ' ' || s[i] == '\t' ||
                     ((unsigned char)s[i] == 0xC2 && i + 1 < n &&
                      (unsigned char)s[i + 1] == 0xA0 && ++i)))
        i++;
    return i;
}

/* "st", "nd", "rd", "th" after a day number. */
static size_t ordinal(const char *s, size_t n)
{
    if (n >= 2) {
        char a = lower(s[0]), b = lower(s[1]);
        if (((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
             (a == 'r' && b == 'd') || (a == 't' && b == 'h')) &&
            (n == 2 || !is_wordc(s[2])))
            return 2;
    }
    return 0;
}

static void write_iso(char out[11], int y, int m, int d)
{
    /* callers validated y, m, d: digits written by hand */
    out[0] = (char)('0' + y / 1000 % 10);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + m / 10 % 10);
    out[6] = (char)('0' + m % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10 % 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
}

/* "T10:00", " 10:00:00.123+02:00", "Z" after an ISO date. */
static size_t iso_time(const char *s, size_t n, size_t i)
{
    if (i >= n || (s[i] != 'T' && s[i] != 't' && s[i] != ' '))
        return i;
    size_t j = i + 1;
    int v;
    size_t k = number(s + j, n - j, 2, 2, &v);
    if (!k || j + k >= n || s[j + k] != ':')
        return i;
    j += k + 1;
    if (!(k = number(s + j, n - j, 2, 2, &v)))
        return i;
    j += k;
    if (j < n && s[j] == ':' && (k = number(s + j + 1, n - j - 1, 2, 2, &v))) {
        j += 1 + k;
        if (j < n && (s[j] == '.' || s[j] == ',')) {
            size_t f = j + 1;
            while (f < n && is_digit(s[f]))
                f++;
            if (f > j + 1)
                j = f;
        }
    }
    if (j < n && (s[j] == 'Z' || s[j] == 'z') && (j + 1 == n || !is_wordc(s[j + 1])))
        return j + 1;
    if (j < n && (s[j] == '+' || s[j] == '-') &&
        (k = number(s + j + 1, n - j - 1, 2, 4, &v))) {
        size_t z = j + 1 + k;
        if (k == 2 && z < n && s[z] == ':' &&
            (k = number(s + z + 1, n - z - 1, 2, 2, &v)))
            z += 1 + k;
        return z;
    }
    return j;
}

static size_t iso_date(const char *s, size_t n, size_t i, char out[11])
{
    int y, m, d;
    size_t k = number(s + i, n - i, 4, 4, &y);
    if (!k || i + k >= n || (s[i + k] != '-' && s[i + k] != '/'))
        return 0;
    char sep = s[i + k];
    size_t j = i + k + 1;
    if (!(k = number(s + j, n - j, 1, 2, &m)) || j + k >= n || s[j + k] != sep)
        return 0;
    j += k + 1;
    if (!(k = number(s + j, n - j, 1, 2, &d)))
        return 0;
    j += k;
    if (!valid(y, m, d) || (j < n && is_alpha(s[j]) && s[j] != 'T'))
        return 0;
    write_iso(out, y, m, d);
    return iso_time(s, n, j);
}

/* A 4-digit year ending a word. */
static size_t year_at(const char *s, size_t n, size_t i, int *y)
{
    size_t k = number(s + i, n - i, 4, 4, y);
    if (!k || (i + k < n && is_wordc(s[i + k])))
        return 0;
    return i + k;
}

/* "July 3, 2024", "Jul. 03 2024", "July 3rd 2024" */
static size_t month_first(const char *s, size_t n, size_t i, char out[11])
{
    size_t used;
    int m = month_at(s + i, n - i, &used);
    if (m < 0)
        return 0;
    size_t j = skip_spaces(s, n, i + used);
    if (j == i + used && !(used && s[i + used - 1] == '.'))
        return 0;
    int d, y;
    size_t k = number(s + j, n - j, 1, 2, &d);
    if (!k)
        return 0;
    j += k;
    j += ordinal(s + j, n - j);
    size_t before = j;
    if (j < n && s[j] == ',')
        j++;
    j = skip_spaces(s, n, j);
    if (j == before)
        return 0;
    size_t e = year_at(s, n, j, &y);
    if (!e || !valid(y, m + 1, d))
        return 0;
    write_iso(out, y, m + 1, d);
    return e;
}

/* "3 July 2024", "03 Jul 2024", "3rd of July, 2024" */
static size_t day_first(const char *s, size_t n, size_t i, char out[11])
{
    int d, y;
    size_t k = number(s + i, n - i, 1, 2, &d);
    if (!k)
        return 0;
    size_t j = i + k;
    j += ordinal(s + j, n - j);
    if (j < n && s[j] == '.')
        j++;
    size_t sp = skip_spaces(s, n, j);
    if (sp == j)
        return 0;
    j = sp;
    if (n - j > 3 && lower(s[j]) == 'o' && lower(s[j + 1]) == 'f' &&
        s[j + 2] == ' ')
        j = skip_spaces(s, n, j + 3);
    size_t used;
    int m = month_at(s + j, n - j, &used);
    if (m < 0)
        return 0;
    j += used;
    size_t before = j;
    if (j < n && s[j] == ',')
        j++;
    j = skip_spaces(s, n, j);
    if (j == before && !(used && s[before - 1] == '.'))
        return 0;
    size_t e = year_at(s, n, j, &y);
    if (!e || !valid(y, m + 1, d))
        return 0;
    write_iso(out, y, m + 1, d);
    return e;
}

size_t chr__parse_date(const char *s, size_t n, char out[11])
{
    if (!s || n == 0)
        return 0;
    char tmp[11];
    size_t i = 0, used;
    if (match_name(s, n, weekday_names, 7, &used) >= 0) {
        i = used;
        if (i < n && s[i] == ',')
            i++;
        size_t j = skip_spaces(s, n, i);
        if (j == i && s[i - 1] != ',')
            return 0;
        i = j;
    }
    size_t e = 0;
    if (i < n && is_digit(s[i])) {
        e = iso_date(s, n, i, tmp);
        if (!e)
            e = day_first(s, n, i, tmp);
    } else if (i < n) {
        e = month_first(s, n, i, tmp);
    }
    if (!e)
        return 0;
    memcpy(out, tmp, 11);
    return e;
}

int chr__find_date(const char *s, size_t n, char out[11], size_t *start,
                   size_t *end)
{
    if (!s)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_alpha(s[i]) && !is_digit(s[i]))
            continue;
        if (i > 0 && is_wordc(s[i - 1]))
            continue;
        size_t e = chr__parse_date(s + i, n - i, out);
        if (e) {
            if (start)
                *start = i;
            if (end)
                *end = i + e;
            return 1;
        }
    }
    return 0;
}
