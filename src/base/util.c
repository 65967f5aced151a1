/* util.c — error filling, small string helpers, u64 hash map. */
#include "base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

chr_status chr__fail(chr_error *err, chr_status code, const char *where,
                     long long pos, const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = code;
    err->pos = pos;
    snprintf(err->where, sizeof err->where, "%s", where ? where : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return code;
}

bool chr__starts_with(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    return n >= k && memcmp(s, prefix, k) == 0;
}

bool chr__ieq(const char *s, size_t n, const char *t)
{
    size_t k = strlen(t);
    if (k != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char a = (unsigned char)s[i], b = (unsigned char)t[i];
        if (a >= 'A' && a <= 'Z')
            a = (unsigned char)(a + 32);
        if (b >= 'A' && b <= 'Z')
            b = (unsigned char)(b + 32);
        if (a != b)
            return false;
    }
    return true;
}

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

const char *chr__trim(const char *s, size_t *n)
{
    size_t len = *n;
    while (len && is_space((unsigned char)*s)) {
        s++;
        len--;
    }
    while (len && is_space((unsigned char)s[len - 1]))
        len--;
    *n = len;
    return s;
}

int chr__next_paragraph(const char *text, size_t len, size_t *pos,
                        size_t *start, size_t *n)
{
    if (*pos >= len)
        return 0;
    const char *p = text + *pos;
    const char *q = memmem(p, len - *pos, "\n\n", 2);
    size_t e = q ? (size_t)(q - text) : len;
    *start = *pos;
    *n = e - *pos;
    *pos = q ? e + 2 : len;
    return 1;
}

uint64_t chr__hash64(const void *p, size_t n)
{
    return XXH3_64bits(p, n);
}

/* ---- map ---- */

#define MAP_ZERO_KEY 0x9e3779b97f4a7c15ULL

void chr__map_init(chr__map *m)
{
    memset(m, 0, sizeof *m);
}

void chr__map_free(chr__map *m)
{
    if (!m)
        return;
    free(m->keys);
    free(m->vals);
    chr__map_init(m);
}

static size_t map_index(uint64_t key, size_t cap)
{
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    return (size_t)key & (cap - 1);
}

static bool map_grow(chr__map *m)
{
    size_t ncap = m->cap ? m->cap * 2 : 64;
    uint64_t *nk = calloc(ncap, sizeof *nk);
    uint64_t *nv = calloc(ncap, sizeof *nv);
    if (!nk || !nv) {
        free(nk);
        free(nv);
        return false;
    }
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->keys[i])
            continue;
        size_t j = map_index(m->keys[i], ncap);
        while (nk[j])
            j = (j + 1) & (ncap - 1);
        nk[j] = m->keys[i];
        nv[j] = m->vals[i];
    }
    free(m->keys);
    free(m->vals);
    m->keys = nk;
    m->vals = nv;
    m->cap = ncap;
    return true;
}

uint64_t *chr__map_slot(chr__map *m, uint64_t key)
{
    if (key == 0)
        key = MAP_ZERO_KEY;
    if ((m->len + 1) * 4 >= m->cap * 3 && !map_grow(m))
        return NULL;
    size_t j = map_index(key, m->cap);
    while (m->keys[j]) {
        if (m->keys[j] == key)
            return &m->vals[j];
        j = (j + 1) & (m->cap - 1);
    }
    m->keys[j] = key;
    m->vals[j] = 0;
    m->len++;
    return &m->vals[j];
}

uint64_t *chr__map_get(const chr__map *m, uint64_t key)
{
    if (key == 0)
        key = MAP_ZERO_KEY;
    if (!m->cap)
        return NULL;
    size_t j = map_index(key, m->cap);
    while (m->keys[j]) {
        if (m->keys[j] == key)
            return &m->vals[j];
        j = (j + 1) & (m->cap - 1);
    }
    return NULL;
}
