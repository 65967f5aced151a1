/* hostile.h — helpers shared by the hostile-input tests (test_hostile.c,
 * test_hostile_source.c): a xorshift generator, a strict UTF-8 check, a
 * scratch string builder, and run_one(), which puts one input through
 * chr_analyze and chr_doc_to_json and checks the contract (a known status;
 * an error naming the input; on OK, one line of valid UTF-8 JSON that
 * jansson accepts). */
#ifndef CHR_TEST_HOSTILE_H
#define CHR_TEST_HOSTILE_H

#include "t.h"

#include "chronicle.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- helpers --------------------------------------------------------- */

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

typedef struct rng {
    uint64_t s;
} rng;

static inline uint64_t rnd(rng *r)
{
    uint64_t x = r->s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    r->s = x;
    return x * 0x2545F4914F6CDD1DULL;
}

static inline size_t rnd_below(rng *r, size_t n)
{
    return n ? (size_t)(rnd(r) % n) : 0;
}

/* Strict UTF-8: no overlongs, no surrogates, nothing above U+10FFFF. */
static inline int utf8_strict(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        unsigned c = p[i];
        size_t len;
        uint32_t v, min;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            len = 2, v = c & 0x1F, min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3, v = c & 0x0F, min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4, v = c & 0x07, min = 0x10000;
        } else {
            return 0;
        }
        if (n - i < len)
            return 0;
        for (size_t k = 1; k < len; k++) {
            if ((p[i + k] & 0xC0) != 0x80)
                return 0;
            v = (v << 6) | (p[i + k] & 0x3F);
        }
        if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            return 0;
        i += len;
    }
    return 1;
}

typedef struct outcome {
    chr_status st;
    int ok_json; /* 1 when OK and the JSON passed every check */
    size_t body_len;
} outcome;

/* Runs one input through analysis and the JSON writer and checks the
 * contract. Returns the status; *t_failed is set on a broken contract. */
static inline outcome run_one(int *t_failed, chr_format fmt, const char *what,
                       const char *data, size_t len, const chr_config *cfg)
{
    outcome o = {CHR_INVALID, 0, 0};
    chr_input *in = NULL;
    char origin[128];
    snprintf(origin, sizeof origin, "hostile/%s", what);
    chr_status s = chr_input_from_memory(&in, fmt, what, origin, data, len);
    T_EQ_INT(s, CHR_OK);
    if (s != CHR_OK)
        return o;
    chr_doc *doc = NULL;
    chr_error err;
    chr_error_clear(&err);
    s = chr_analyze(in, cfg, &doc, &err);
    o.st = s;
    if (s != CHR_OK) {
        int known = s == CHR_EMPTY || s == CHR_BINARY || s == CHR_TOOBIG ||
                    s == CHR_PARSE || s == CHR_UNSUPPORTED;
        if (!known)
            fprintf(stderr, "  %s: unexpected status %s (%s)\n", what,
                    chr_status_name(s), err.msg);
        T_CHECK(known);
        T_CHECK(doc == NULL);
        T_EQ_INT(err.code, s);
        T_CHECK(err.msg[0] != '\0');
        if (!strstr(err.where, origin))
            fprintf(stderr, "  %s: error does not name the input: where=\"%s\""
                    " msg=\"%s\"\n", what, err.where, err.msg);
        T_CHECK(strstr(err.where, origin) != NULL);
        chr_input_free(in);
        return o;
    }
    T_CHECK(doc != NULL);
    if (!doc) {
        chr_input_free(in);
        return o;
    }
    o.body_len = doc->body_len;
    T_CHECK(doc->body != NULL && strlen(doc->body) == doc->body_len);
    int body_ok = utf8_strict(doc->body, doc->body_len);
    if (!body_ok)
        fprintf(stderr, "  %s: body is not valid UTF-8\n", what);
    T_CHECK(body_ok);
    chr_buf b;
    chr_buf_init(&b, 0);
    s = chr_doc_to_json(doc, &b);
    T_EQ_INT(s, CHR_OK);
    int json_ok = 0;
    if (s == CHR_OK && b.data) {
        int u = utf8_strict(b.data, b.len);
        if (!u)
            fprintf(stderr, "  %s: JSON is not valid UTF-8\n", what);
        T_CHECK(u);
        json_error_t je;
        json_t *root = json_loadb(b.data, b.len, 0, &je);
        if (!root)
            fprintf(stderr, "  %s: JSON rejected: %s at %d\n", what, je.text,
                    je.position);
        T_CHECK(root != NULL);
        if (root) {
            json_t *body = json_object_get(root, "body");
            T_CHECK(json_is_string(body));
            json_ok = u && json_is_string(body) &&
                      json_string_length(body) == doc->body_len;
            json_decref(root);
        }
        T_CHECK(memchr(b.data, '\n', b.len) == NULL); /* one line */
    }
    o.ok_json = json_ok;
    chr_buf_free(&b);
    chr_doc_free(doc);
    chr_input_free(in);
    return o;
}

/* Runs `data` as both TEXT and HTML. */
static inline void run_both(int *t_failed, const char *what, const char *data,
                     size_t len)
{
    char name[96];
    snprintf(name, sizeof name, "%s.txt", what);
    run_one(t_failed, CHR_FORMAT_TEXT, name, data, len, NULL);
    snprintf(name, sizeof name, "%s.html", what);
    run_one(t_failed, CHR_FORMAT_HTML, name, data, len, NULL);
}

/* A growable scratch string for building inputs (test-only, aborts on
 * out-of-memory through the checks of its users). */
typedef struct sb {
    char *d;
    size_t n, cap;
} sb;

static inline void sb_add(sb *b, const void *p, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        size_t nc = b->cap ? b->cap : 4096;
        while (nc < b->n + n + 1)
            nc *= 2;
        char *nd = realloc(b->d, nc);
        if (!nd)
            abort();
        b->d = nd;
        b->cap = nc;
    }
    memcpy(b->d + b->n, p, n);
    b->n += n;
    b->d[b->n] = '\0';
}

static inline void sb_puts(sb *b, const char *s)
{
    sb_add(b, s, strlen(s));
}

static inline void sb_rep(sb *b, const char *s, size_t times)
{
    size_t k = strlen(s);
    for (size_t i = 0; i < times; i++)
        sb_add(b, s, k);
}

static inline void sb_fill(sb *b, char c, size_t times)
{
    char tmp[4096];
    memset(tmp, c, sizeof tmp);
    while (times) {
        size_t k = times < sizeof tmp ? times : sizeof tmp;
        sb_add(b, tmp, k);
        times -= k;
    }
}

static inline void sb_clear(sb *b)
{
    b->n = 0;
    if (b->d)
        b->d[0] = '\0';
}

static inline void sb_free(sb *b)
{
    free(b->d);
    memset(b, 0, sizeof *b);
}

static const char prose[] =
    "The council met on Tuesday and agreed a new budget for the harbour. ";

#endif
