/* lexicon.c — the English word list used by join repair (segment.c).
 *
 * The list is generated at build time by tools/gen-lexicon.sh from Debian's
 * SCOWL word lists (wamerican, wbritish) into $(BUILD)/gen/lexicon_data.c,
 * which is compiled into this file (the build puts $(BUILD) on the include
 * path). It is one sorted blob of lines "<word><flag>\n": words folded to
 * lower-case ASCII letters, flag '1' common word, '2' proper name only, '3'
 * both. Lookups binary-search the blob in place; nothing is loaded or
 * allocated at run time. Without the generated file the lexicon is empty
 * (chr__lexicon_size() == 0) and join repair only uses the document's own
 * names. */
#include "text/text.h"

#include <string.h>

#if defined(__has_include)
#if __has_include("gen/lexicon_data.c")
#include "gen/lexicon_data.c"
#define CHR_HAVE_LEXICON 1
#endif
#endif

#ifndef CHR_HAVE_LEXICON
static const char chr__lexicon_blob[] = "";
static const size_t chr__lexicon_blob_len = 0, chr__lexicon_count = 0;
#endif

size_t chr__lexicon_size(void)
{
    return chr__lexicon_count;
}

/* Compares key[0..n) with the word of the line at p (ended by its flag
 * digit); <0, 0, >0 like strcmp. */
static int cmp_line(const char *key, size_t n, const char *p)
{
    for (size_t i = 0;; i++) {
        unsigned char e = (unsigned char)p[i];
        int end_e = e >= '0' && e <= '9';
        if (i == n)
            return end_e ? 0 : -1;
        if (end_e)
            return 1;
        unsigned char k = (unsigned char)key[i];
        if (k != e)
            return k < e ? -1 : 1;
    }
}

int chr__lexicon_flags(const char *folded, size_t n)
{
    if (n == 0 || n > 64)
        return 0;
    const char *b = chr__lexicon_blob;
    size_t lo = 0, hi = chr__lexicon_blob_len; /* line starts in [lo, hi) */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        size_t s = mid;
        while (s > lo && b[s - 1] != '\n')
            s--;
        int c = cmp_line(folded, n, b + s);
        if (c == 0)
            return b[s + n] - '0';
        if (c < 0) {
            hi = s;
        } else {
            const char *nl = memchr(b + s, '\n', hi - s);
            if (!nl)
                break;
            lo = (size_t)(nl - b) + 1;
        }
    }
    return 0;
}
