/* arena.c — region allocator: one per analysed document, freed in one call. */
#include "base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK (64 * 1024)

typedef struct block {
    struct block *next;
    size_t used, size;
    _Alignas(16) unsigned char data[];
} block;

struct chr__arena {
    block *head;
    size_t total; /* bytes of all blocks */
    size_t limit;
};

chr__arena *chr__arena_new(size_t limit)
{
    chr__arena *a = calloc(1, sizeof *a);
    if (a)
        a->limit = limit;
    return a;
}

void chr__arena_free(chr__arena *a)
{
    if (!a)
        return;
    block *b = a->head;
    while (b) {
        block *next = b->next;
        free(b);
        b = next;
    }
    free(a);
}

void *chr__arena_alloc(chr__arena *a, size_t n)
{
    if (!a)
        return NULL;
    n = (n + 15) & ~(size_t)15;
    if (n == 0)
        n = 16;
    block *b = a->head;
    if (!b || b->size - b->used < n) {
        size_t size = n > ARENA_BLOCK / 2 ? n : ARENA_BLOCK;
        if (a->limit && a->total + size > a->limit)
            return NULL;
        block *nb = malloc(sizeof *nb + size);
        if (!nb)
            return NULL;
        nb->size = size;
        nb->used = 0;
        a->total += size;
        if (b && size != ARENA_BLOCK) {
            /* keep the partly used block at the head for small requests */
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            a->head = nb;
        }
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += n;
    memset(p, 0, n);
    return p;
}

char *chr__arena_strndup(chr__arena *a, const char *s, size_t n)
{
    char *p = chr__arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *chr__arena_strdup(chr__arena *a, const char *s)
{
    return s ? chr__arena_strndup(a, s, strlen(s)) : NULL;
}

char *chr__arena_printf(chr__arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = chr__arena_alloc(a, (size_t)n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

size_t chr__arena_used(const chr__arena *a)
{
    return a ? a->total : 0;
}

void chr__vec_init(chr__vec *v, size_t elem)
{
    v->items = NULL;
    v->len = v->cap = 0;
    v->elem = elem;
}

void *chr__vec_push(chr__vec *v, chr__arena *a)
{
    if (v->len == v->cap) {
        size_t ncap = v->cap ? v->cap * 2 : 8;
        void *n = chr__arena_alloc(a, ncap * v->elem);
        if (!n)
            return NULL;
        if (v->len)
            memcpy(n, v->items, v->len * v->elem);
        v->items = n;
        v->cap = ncap;
    }
    void *slot = (char *)v->items + v->len * v->elem;
    memset(slot, 0, v->elem);
    v->len++;
    return slot;
}
