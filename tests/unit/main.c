/* main.c — runs every registered unit test. */
#include "t.h"

#include <stdlib.h>

#define T_MAX 1024

static struct {
    const char *name, *file;
    t_fn fn;
} tests[T_MAX];
static int ntests;

void t_register(const char *name, const char *file, t_fn fn)
{
    if (ntests < T_MAX) {
        tests[ntests].name = name;
        tests[ntests].file = file;
        tests[ntests].fn = fn;
        ntests++;
    }
}

int main(int argc, char **argv)
{
    const char *filter = argc > 1 ? argv[1] : NULL;
    int passed = 0, failed = 0;
    for (int i = 0; i < ntests; i++) {
        if (filter && !strstr(tests[i].name, filter) &&
            !strstr(tests[i].file, filter))
            continue;
        int f = 0;
        tests[i].fn(&f);
        if (f) {
            failed++;
            printf("FAIL %s (%s)\n", tests[i].name, tests[i].file);
        } else {
            passed++;
        }
    }
    printf("unit: %d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
