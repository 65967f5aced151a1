/* base.h — internal helpers shared by every stage: arena, error filling,
 * small string utilities, a u64 hash map. Not part of the public API. */
#ifndef CHR_BASE_H
#define CHR_BASE_H

#include "chronicle.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CHR__ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- errors ---- */
/* Fills `err` (may be NULL) and returns `code`. `where` may be NULL. */
chr_status chr__fail(chr_error *err, chr_status code, const char *where,
                     long long pos, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* ---- arena: things that die together ---- */
typedef struct chr__arena chr__arena;

/* A new arena whose total allocation may not exceed `limit` bytes (0: no
 * limit beyond memory). NULL when out of memory. */
chr__arena *chr__arena_new(size_t limit);
void chr__arena_free(chr__arena *a);
/* Zeroed, 16-byte aligned memory, or NULL (out of memory or over limit). */
void *chr__arena_alloc(chr__arena *a, size_t n);
char *chr__arena_strndup(chr__arena *a, const char *s, size_t n);
char *chr__arena_strdup(chr__arena *a, const char *s); /* NULL -> NULL */
char *chr__arena_printf(chr__arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
size_t chr__arena_used(const chr__arena *a);

/* A growable array living in an arena. `elem` bytes per item. */
typedef struct chr__vec {
    void *items;
    size_t len, cap, elem;
} chr__vec;
void chr__vec_init(chr__vec *v, size_t elem);
/* Returns a pointer to a new zeroed slot, or NULL. */
void *chr__vec_push(chr__vec *v, chr__arena *a);

/* ---- u64 -> u64 open-addressing hash map (keys != 0) ---- */
typedef struct chr__map {
    uint64_t *keys;
    uint64_t *vals;
    size_t cap, len;
} chr__map;
void chr__map_init(chr__map *m);
void chr__map_free(chr__map *m);
/* Pointer to the value slot of `key`, inserting 0 when absent; NULL on
 * out-of-memory. key 0 is remapped internally, so every key is allowed. */
uint64_t *chr__map_slot(chr__map *m, uint64_t key);
/* Pointer to the value or NULL when absent. */
uint64_t *chr__map_get(const chr__map *m, uint64_t key);

/* ---- strings ---- */
bool chr__starts_with(const char *s, size_t n, const char *prefix);
/* Case-insensitive ASCII comparison of s[0..n) with the NUL-terminated t. */
bool chr__ieq(const char *s, size_t n, const char *t);
/* Pointer past leading, and length without trailing, ASCII whitespace. */
const char *chr__trim(const char *s, size_t *n);
/* The next paragraph of text[0..len) (paragraphs are separated by "\n\n"):
 * sets *start and *n from *pos and advances *pos past the separator.
 * Returns 0 when no paragraph is left. */
int chr__next_paragraph(const char *text, size_t len, size_t *pos,
                        size_t *start, size_t *n);
/* 64-bit hash of bytes (XXH3). */
uint64_t chr__hash64(const void *p, size_t n);

#endif
