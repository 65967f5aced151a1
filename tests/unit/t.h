/* t.h — a tiny unit-test harness. Each test file defines tests with
 * T_TEST(name) { ... } and checks with T_CHECK / T_EQ_STR / T_EQ_INT. Tests
 * register themselves; tests/unit/main.c runs them all (or those whose name
 * contains argv[1]) and prints "N passed, N failed". */
#ifndef CHR_T_H
#define CHR_T_H

#include <stdio.h>
#include <string.h>

typedef void (*t_fn)(int *failed);
void t_register(const char *name, const char *file, t_fn fn);

#define T_TEST(name)                                                        \
    static void t_##name(int *t_failed);                                    \
    __attribute__((constructor)) static void t_reg_##name(void)             \
    {                                                                       \
        t_register(#name, __FILE__, t_##name);                              \
    }                                                                       \
    static void t_##name(int *t_failed)

#define T_CHECK(cond)                                                       \
    do {                                                                    \
        if (!(cond)) {                                                      \
            fprintf(stderr, "  %s:%d: check failed: %s\n", __FILE__,        \
                    __LINE__, #cond);                                       \
            *t_failed = 1;                                                  \
        }                                                                   \
    } while (0)

#define T_EQ_INT(a, b)                                                      \
    do {                                                                    \
        long long t_a = (long long)(a), t_b = (long long)(b);               \
        if (t_a != t_b) {                                                   \
            fprintf(stderr, "  %s:%d: %s == %lld, expected %lld\n",         \
                    __FILE__, __LINE__, #a, t_a, t_b);                      \
            *t_failed = 1;                                                  \
        }                                                                   \
    } while (0)

#define T_EQ_STR(a, b)                                                      \
    do {                                                                    \
        const char *t_a = (a), *t_b = (b);                                  \
        if (!t_a || !t_b ? t_a != t_b : strcmp(t_a, t_b) != 0) {            \
            fprintf(stderr, "  %s:%d: %s == \"%s\", expected \"%s\"\n",     \
                    __FILE__, __LINE__, #a, t_a ? t_a : "(null)",           \
                    t_b ? t_b : "(null)");                                  \
            *t_failed = 1;                                                  \
        }                                                                   \
    } while (0)

#endif
