/* story_dates.c — ISO dates as day numbers, for the story index's date
 * windows and the stories' dates (declared in stories.h). Days count from
 * 1970-01-01 in the proleptic Gregorian calendar, by Howard Hinnant's
 * public-domain days_from_civil algorithm. */
#include "corpus/stories.h"

#include <stdio.h>
#include <string.h>

static int32_t days_from_civil(int y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int32_t)doe - 719468;
}

int32_t chr__iso_days(const char *iso)
{
    if (!iso || strlen(iso) < 10)
        return INT32_MIN;
    int y, m, d;
    char tail;
    if (sscanf(iso, "%4d-%2d-%2d%c", &y, &m, &d, &tail) < 3)
        return INT32_MIN;
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return INT32_MIN;
    return days_from_civil(y, (unsigned)m, (unsigned)d);
}

void chr__days_iso(int32_t z, char out[11])
{
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned)(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = (int)yoe + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    char tmp[48];
    snprintf(tmp, sizeof tmp, "%04d-%02u-%02u", (y + (m <= 2)) % 10000,
             m % 100, d % 100);
    memcpy(out, tmp, 10);
    out[10] = '\0';
}
