/* buf.c — bounded growable buffer. */
#include "chronicle.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BUF_DEFAULT_LIMIT ((size_t)1 << 30)

void chr_buf_init(chr_buf *b, size_t limit)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->limit = limit ? limit : BUF_DEFAULT_LIMIT;
}

void chr_buf_free(chr_buf *b)
{
    if (!b)
        return;
    free(b->data);
    chr_buf_init(b, b->limit);
}

void chr_buf_reset(chr_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

static chr_status buf_grow(chr_buf *b, size_t extra)
{
    if (extra > b->limit || b->len > b->limit - extra)
        return CHR_TOOBIG;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return CHR_OK;
    size_t ncap = b->cap ? b->cap : 256;
    while (ncap < need)
        ncap = ncap > SIZE_MAX / 2 ? need : ncap * 2;
    if (ncap > b->limit + 1)
        ncap = b->limit + 1;
    char *n = realloc(b->data, ncap);
    if (!n)
        return CHR_NOMEM;
    b->data = n;
    b->cap = ncap;
    return CHR_OK;
}

chr_status chr_buf_append(chr_buf *b, const void *p, size_t n)
{
    chr_status s = buf_grow(b, n);
    if (s != CHR_OK)
        return s;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return CHR_OK;
}

chr_status chr_buf_puts(chr_buf *b, const char *s)
{
    return chr_buf_append(b, s, strlen(s));
}

chr_status chr_buf_putc(chr_buf *b, char c)
{
    return chr_buf_append(b, &c, 1);
}

chr_status chr_buf_printf(chr_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return CHR_INVALID;
    chr_status s = buf_grow(b, (size_t)n);
    if (s != CHR_OK)
        return s;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return CHR_OK;
}

char *chr_buf_detach(chr_buf *b, size_t *len)
{
    char *d = b->data;
    if (len)
        *len = b->len;
    if (!d)
        d = calloc(1, 1);
    b->data = NULL;
    b->len = b->cap = 0;
    return d;
}
