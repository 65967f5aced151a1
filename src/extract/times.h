/* times.h — time expressions of a body, resolved against the document date
 * (src/extract/times.c, times_rules.c; issue 5 item 4). */
#ifndef CHR_TIMES_H
#define CHR_TIMES_H

#include "base/base.h"

/* Finds the time expressions of `body` (UTF-8, paragraphs separated by
 * blank lines; invalid bytes are tolerated) and resolves each against
 * `doc_date` (ISO "YYYY-MM-DD", or NULL/unparsable when unknown: then only
 * absolute dates get a value; relative ones get value NULL).
 *
 * Each chr_time has `text` exactly as written in the body, including a
 * leading preposition or modifier that belongs to it ("on Wednesday",
 * "in March", "since 2001", "at the weekend", "last year", "earlier this
 * month", "Tuesday night"), `start`/`end` byte offsets into body (end
 * exclusive), and `value`: "2024-07-03" (a day), "2024-07" (a month),
 * "2024" (a year), "199" (a decade, "the 1990s"), "2024-W27" (an ISO week:
 * "this week", "last week"), or NULL when it cannot be resolved.
 * Week-long or weekend expressions: "at the weekend" is its Saturday.
 *
 * Results live in `a`, in text order, never overlapping; *out is NULL when
 * *n is 0. Returns CHR_OK, CHR_INVALID (NULL body with len > 0, or NULL
 * out/n/a) or CHR_NOMEM (arena exhausted). Linear in len; pure and
 * thread-safe. */
chr_status chr__times_find(const char *body, size_t len, const char *doc_date,
                           chr__arena *a, chr_time **out, size_t *n);

#endif
