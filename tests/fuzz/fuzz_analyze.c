/* fuzz_analyze.c — a fuzz driver for Chronicle's hostile-input standard:
 * whatever the bytes, nothing crashes, and a document that analyses OK
 * gives one line of valid UTF-8 JSON.
 *
 * The first byte of an input picks the path (the rest is the data):
 *   0 mod 4: chr_analyze as plain text, then as HTML (from memory);
 *   1 mod 4: written to a file "in.jsonl" and read with chr_source;
 *   2 mod 4: written to "in.warc" and read with chr_source;
 *   3 mod 4: written to "in.txt.gz" raw (so broken gzip is exercised).
 * Every document chr_source yields is analysed and written as JSON too.
 * A broken contract calls abort(), which both libFuzzer and a plain run
 * report.
 *
 * Built two ways (see tests/fuzz/README.md):
 *  - with -DCHR_LIBFUZZER and clang -fsanitize=fuzzer: LLVMFuzzerTestOneInput
 *    is the entry point;
 *  - without it (gcc or clang): a plain program that runs every file named
 *    on its command line through the same function. */
#include "chronicle.h"

#include <jansson.h>
#include <libxml/parser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];
static chr_config cfg;

static void fail(const char *what)
{
    fprintf(stderr, "fuzz_analyze: contract broken: %s\n", what);
    abort();
}

static int utf8_strict(const char *s, size_t n)
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

static void init(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    xmlInitParser();
    chr_config_init(&cfg);
    cfg.max_doc_bytes = 1u << 20; /* keep each run fast */
    cfg.max_line_bytes = 1u << 20;
    snprintf(dir, sizeof dir, "/tmp/chr-fuzz-XXXXXX");
    if (!mkdtemp(dir))
        fail("cannot make a temporary directory");
}

static void check_error(chr_status st, const chr_error *err)
{
    if (st == CHR_NOMEM || st == CHR_INVALID || st == CHR_DB ||
        st >= CHR__STATUS_COUNT)
        fail(chr_status_name(st));
    if (err->code != st || !err->msg[0] || !err->where[0])
        fail("error without a location or message");
}

static void analyse(const chr_input *in)
{
    chr_doc *doc = NULL;
    chr_error err;
    chr_error_clear(&err);
    chr_status st = chr_analyze(in, &cfg, &doc, &err);
    if (st != CHR_OK) {
        if (doc)
            fail("document returned with an error");
        check_error(st, &err);
        return;
    }
    if (!doc || !doc->body || strlen(doc->body) != doc->body_len ||
        !utf8_strict(doc->body, doc->body_len))
        fail("body is not a valid UTF-8 string");
    chr_buf b;
    chr_buf_init(&b, 0);
    if (chr_doc_to_json(doc, &b) != CHR_OK || !b.data)
        fail("JSON writer failed");
    if (!utf8_strict(b.data, b.len) || memchr(b.data, '\n', b.len))
        fail("JSON is not one line of valid UTF-8");
    json_error_t je;
    json_t *root = json_loadb(b.data, b.len, 0, &je);
    if (!root)
        fail("JSON does not parse");
    json_decref(root);
    chr_buf_free(&b);
    chr_doc_free(doc);
}

static void from_memory(chr_format fmt, const uint8_t *d, size_t n)
{
    chr_input *in = NULL;
    if (chr_input_from_memory(&in, fmt, "fuzz", "fuzz-input", (const char *)d,
                              n) != CHR_OK)
        fail("chr_input_from_memory");
    analyse(in);
    chr_input_free(in);
}

static void from_file(const char *name, const uint8_t *d, size_t n)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        fail("cannot write the temporary file");
    if (n && fwrite(d, 1, n, f) != n)
        fail("cannot write the temporary file");
    fclose(f);
    const char *paths[] = {path};
    chr_source *src = NULL;
    if (chr_source_open(&src, paths, 1, &cfg) != CHR_OK)
        fail("chr_source_open");
    for (int guard = 0;; guard++) {
        if (guard > 1000000)
            fail("chr_source_next does not end");
        chr_input *in = NULL;
        chr_error err;
        chr_status st = chr_source_next(src, &in, &err);
        if (st == CHR_DONE)
            break;
        if (st == CHR_OK) {
            if (!in)
                fail("OK without an input");
            analyse(in);
            chr_input_free(in);
        } else {
            if (in)
                fail("input returned with an error");
            check_error(st, &err);
        }
    }
    chr_source_free(src);
    unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    init();
    if (size == 0)
        return 0;
    const uint8_t *d = data + 1;
    size_t n = size - 1;
    switch (data[0] & 3) {
    case 0:
        from_memory(CHR_FORMAT_TEXT, d, n);
        from_memory(CHR_FORMAT_HTML, d, n);
        break;
    case 1:
        from_file("in.jsonl", d, n);
        break;
    case 2:
        from_file("in.warc", d, n);
        break;
    default:
        from_file("in.txt.gz", d, n);
        break;
    }
    return 0;
}

#ifndef CHR_LIBFUZZER
/* Plain program: runs each file named on the command line. Without a
 * mode byte in front, "-a" runs each file in all four modes. */
int main(int argc, char **argv)
{
    int all = 0, files = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-a") == 0) {
            all = 1;
            continue;
        }
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            fprintf(stderr, "fuzz_analyze: cannot open %s\n", argv[i]);
            return 2;
        }
        size_t cap = 1 << 16, n = 0;
        uint8_t *buf = malloc(cap + 1);
        size_t got;
        while (buf && (got = fread(buf + 1 + n, 1, cap - n, f)) > 0) {
            n += got;
            if (n == cap) {
                cap *= 2;
                uint8_t *nb = realloc(buf, cap + 1);
                if (!nb) {
                    free(buf);
                    buf = NULL;
                }
                buf = nb;
            }
        }
        fclose(f);
        if (!buf) {
            fprintf(stderr, "fuzz_analyze: out of memory\n");
            return 2;
        }
        if (all) {
            for (uint8_t m = 0; m < 4; m++) {
                buf[0] = m;
                LLVMFuzzerTestOneInput(buf, n + 1);
            }
        } else {
            LLVMFuzzerTestOneInput(buf + 1, n);
        }
        free(buf);
        files++;
    }
    rmdir(dir);
    printf("fuzz_analyze: %d files, no contract broken\n", files);
    return 0;
}
#endif
