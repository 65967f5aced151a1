/* strtab.h — lookup of a NUL-terminated key in a const table sorted by
 * strcmp order, for the small word lists of the extractors (time starts,
 * quotation cues, function words).
 *
 * Decision: the same binary search as bsearch(3) with strcmp, but inline,
 * with an inline byte loop instead of calls through a comparison pointer
 * into strcmp: the keys are short words, so the call overhead was most of
 * the cost (about 1% of analysis each in three places). The table is an
 * array of elements of `size` bytes whose first member is the
 * `const char *` word (a plain `const char *const []` qualifies). Keys in
 * a table are distinct, so the element found is the one bsearch finds. */
#ifndef CHR_TEXT_STRTAB_H
#define CHR_TEXT_STRTAB_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* strcmp's order: the first differing byte, as unsigned char. */
static inline int chr__strtab_cmp(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return (int)(unsigned char)*a - (int)(unsigned char)*b;
}

/* The element of base[0..n) (each `size` bytes, a word pointer first)
 * whose word equals key, NULL when none. */
static inline const void *chr__strtab_find(const char *key, const void *base,
                                           size_t n, size_t size)
{
    const char *b = (const char *)base;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *e = b + mid * size;
        int c = chr__strtab_cmp(key, *(const char *const *)(const void *)e);
        if (c == 0)
            return e;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* A quick test before the search, built once a document from the table:
 * for every first byte, a bit per word length (lengths from 31 share the
 * last bit). A key whose (first byte, length) no word has is not in the
 * table; others are searched. Derived from the table itself, so it never
 * disagrees with it. 1 KB: fill it on the stack. */
typedef struct chr__strtab_filter {
    uint32_t m[256];
} chr__strtab_filter;

static inline void chr__strtab_filter_init(chr__strtab_filter *f,
                                           const void *base, size_t n,
                                           size_t size)
{
    const char *b = (const char *)base;
    memset(f, 0, sizeof *f);
    for (size_t i = 0; i < n; i++) {
        const char *w = *(const char *const *)(const void *)(b + i * size);
        size_t len = strlen(w);
        f->m[(unsigned char)w[0]] |= 1u << (len < 31 ? len : 31);
    }
}

/* 0 when no word of the table can equal key (n bytes, NUL-terminated). */
static inline int chr__strtab_may_hold(const chr__strtab_filter *f,
                                       const char *key, size_t n)
{
    return (int)((f->m[(unsigned char)key[0]] >> (n < 31 ? n : 31)) & 1u);
}

#endif
