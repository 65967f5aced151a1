/* test_base.c — status names, bounded buffer, arena, map. */
#include "t.h"

#include "base/base.h"

#include <stdlib.h>

T_TEST(status_names_and_messages)
{
    T_EQ_STR(chr_status_name(CHR_OK), "OK");
    T_EQ_STR(chr_status_name(CHR_TOOBIG), "TOOBIG");
    T_EQ_STR(chr_status_name((chr_status)999), "UNKNOWN");
    T_EQ_STR(chr_strerror(CHR_EMPTY), "empty input");
}

T_TEST(buf_grows_and_refuses_past_limit)
{
    chr_buf b;
    chr_buf_init(&b, 10);
    T_EQ_INT(chr_buf_puts(&b, "hello"), CHR_OK);
    T_EQ_INT(chr_buf_printf(&b, "%d", 1234), CHR_OK);
    T_EQ_STR(b.data, "hello1234");
    T_EQ_INT(chr_buf_puts(&b, "xy"), CHR_TOOBIG);
    T_EQ_STR(b.data, "hello1234");
    T_EQ_INT(chr_buf_putc(&b, '!'), CHR_OK);
    T_EQ_INT(b.len, 10);
    size_t n;
    char *d = chr_buf_detach(&b, &n);
    T_EQ_INT(n, 10);
    T_EQ_STR(d, "hello1234!");
    free(d);
    T_CHECK(b.data == NULL);
    chr_buf_free(&b);
}

T_TEST(arena_allocates_zeroed_and_respects_limit)
{
    chr__arena *a = chr__arena_new(200000);
    T_CHECK(a != NULL);
    char *s = chr__arena_printf(a, "%s-%d", "x", 7);
    T_EQ_STR(s, "x-7");
    unsigned char *big = chr__arena_alloc(a, 100000);
    T_CHECK(big != NULL && big[99999] == 0);
    T_CHECK(chr__arena_alloc(a, 150000) == NULL); /* over the limit */
    chr__vec v;
    chr__vec_init(&v, sizeof(int));
    for (int i = 0; i < 100; i++) {
        int *p = chr__vec_push(&v, a);
        T_CHECK(p != NULL);
        if (p)
            *p = i;
    }
    T_EQ_INT(v.len, 100);
    T_EQ_INT(((int *)v.items)[77], 77);
    chr__arena_free(a);
    chr__arena_free(NULL);
}

T_TEST(map_insert_lookup_grow)
{
    chr__map m;
    chr__map_init(&m);
    for (uint64_t k = 0; k < 5000; k++) {
        uint64_t *v = chr__map_slot(&m, k * 7919);
        T_CHECK(v != NULL);
        if (v)
            *v = k + 1;
    }
    T_EQ_INT(m.len, 5000);
    T_EQ_INT(*chr__map_get(&m, 0), 1);
    T_EQ_INT(*chr__map_get(&m, 4999 * 7919), 5000);
    T_CHECK(chr__map_get(&m, 3) == NULL);
    chr__map_free(&m);
}

T_TEST(trim_and_compare)
{
    const char *s = "  \tHello \n";
    size_t n = strlen(s);
    const char *t = chr__trim(s, &n);
    T_EQ_INT(n, 5);
    T_CHECK(chr__ieq(t, n, "hello"));
    T_CHECK(!chr__ieq(t, n, "hell"));
    T_CHECK(chr__starts_with("WARC/1.0", 8, "WARC/"));
}
