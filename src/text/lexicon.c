/* lexicon.c — the English word list used by join repair (segment.c).
 *
 * The list is generated at build time by tools/gen_lexicon.c from Debian's
 * SCOWL word lists (wamerican, wbritish) into $(BUILD)/gen/lexicon_data.c,
 * which is compiled into this file (the build puts $(BUILD) on the include
 * path). It is one sorted blob of lines "<word><flag>\n": words folded to
 * lower-case ASCII letters, flag '1' common word, '2' proper name only, '3'
 * both; and an open-addressing index over it (layout at the top of
 * tools/gen_lexicon.c): a lookup hashes the key once (lexicon_hash.h),
 * probes 32-bit slots from h & mask and compares the key with the line of
 * the first slot whose tag matches. Nothing is loaded or allocated at run
 * time. Without the generated file the lexicon is empty
 * (chr__lexicon_size() == 0) and join repair only uses the document's own
 * names. */
#include "text/text.h"
#include "text/lexicon_hash.h"

#if defined(__has_include)
#if __has_include("gen/lexicon_data.c")
#include "gen/lexicon_data.c"
#define CHR_HAVE_LEXICON 1
#endif
#endif

#ifndef CHR_HAVE_LEXICON
#define CHR__LEXICON_SLOT_BITS 0
#define CHR__LEXICON_OFF_BITS 1
static const char chr__lexicon_blob[] = "";
static const size_t chr__lexicon_blob_len = 0, chr__lexicon_count = 0;
static const uint32_t chr__lexicon_index[1] = {0};
#endif

#define SLOT_MASK ((((size_t)1) << CHR__LEXICON_SLOT_BITS) - 1)
#define OFF_MASK ((((uint32_t)1) << CHR__LEXICON_OFF_BITS) - 1)

size_t chr__lexicon_size(void)
{
    return chr__lexicon_count;
}

int chr__lexicon_flags(const char *folded, size_t n)
{
    if (n == 0 || n > 64 || chr__lexicon_count == 0)
        return 0;
    uint32_t h = chr__lexicon_hash(folded, n);
    uint32_t tag = h >> CHR__LEXICON_OFF_BITS;
    /* the table always has empty slots (load <= 0.6): the probe ends */
    for (size_t i = h & SLOT_MASK;; i = (i + 1) & SLOT_MASK) {
        uint32_t e = chr__lexicon_index[i];
        if (e == 0)
            return 0;
        if (e >> CHR__LEXICON_OFF_BITS != tag)
            continue;
        size_t off = (size_t)(e & OFF_MASK) - 1;
        if (off + n >= chr__lexicon_blob_len)
            continue;
        /* a line is the word, its flag digit, '\n': a match must end at
         * the digit (words hold letters only). Keys are short: a loop
         * beats a call to memcmp. */
        const char *w = chr__lexicon_blob + off;
        size_t j = 0;
        while (j < n && w[j] == folded[j])
            j++;
        if (j == n && w[n] >= '0' && w[n] <= '9')
            return w[n] - '0';
    }
}
