/* test_read.c — chr_source over files, directories, stdin, JSON lines and
 * WARC (plain and gzip), with every error path; chr_input helpers. Most
 * inputs are written into a fresh temporary directory by the test. */
#define _XOPEN_SOURCE 700
#include "t.h"

#include "read/read.h"
#include "read/reader.h"

#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

/* ---- helpers ---- */

static char tmpdir[256];

static const char *mktmp(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/chr-read-XXXXXX");
    return mkdtemp(tmpdir);
}

static int rm_one(const char *p, const struct stat *sb, int flag,
                  struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(p);
}

static void rmtmp(void)
{
    nftw(tmpdir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static char *tpath(const char *name)
{
    static char buf[16][512];
    static int k;
    k = (k + 1) % 16;
    snprintf(buf[k], sizeof buf[k], "%s/%s", tmpdir, name);
    return buf[k];
}

static void put(const char *name, const void *data, size_t n)
{
    FILE *f = fopen(tpath(name), "wb");
    if (!f)
        return;
    fwrite(data, 1, n, f);
    fclose(f);
}

static void puts_file(const char *name, const char *s)
{
    put(name, s, strlen(s));
}

static void put_gz(const char *name, const void *data, size_t n)
{
    gzFile g = gzopen(tpath(name), "wb");
    if (!g)
        return;
    gzwrite(g, data, (unsigned)n);
    gzclose(g);
}

typedef struct result {
    chr_status st;
    chr_input *in;
    chr_error err;
} result;

/* Reads everything from a source into res[] (at most max). */
static size_t drain(chr_source *src, result *res, size_t max)
{
    size_t n = 0;
    for (;;) {
        chr_input *in = NULL;
        chr_error err;
        chr_status st = chr_source_next(src, &in, &err);
        if (st == CHR_DONE || n == max) {
            chr_input_free(in);
            break;
        }
        res[n].st = st;
        res[n].in = in;
        res[n].err = err;
        n++;
    }
    return n;
}

static void free_results(result *res, size_t n)
{
    for (size_t i = 0; i < n; i++)
        chr_input_free(res[i].in);
}

static size_t read_paths(const char *const *paths, size_t np,
                         const chr_config *cfg, result *res, size_t max)
{
    chr_source *src = NULL;
    if (chr_source_open(&src, paths, np, cfg) != CHR_OK)
        return 0;
    size_t n = drain(src, res, max);
    chr_source_free(src);
    return n;
}

static size_t read_one(const char *path, const chr_config *cfg, result *res,
                       size_t max)
{
    return read_paths(&path, 1, cfg, res, max);
}

/* ---- basics ---- */

T_TEST(read_config_and_names)
{
    chr_config c;
    memset(&c, 0xff, sizeof c);
    chr_config_init(&c);
    T_EQ_INT(c.max_doc_bytes, 16 * 1024 * 1024);
    T_EQ_INT(c.max_line_bytes, c.max_doc_bytes);
    T_EQ_INT(c.threads, 0);
    T_EQ_INT(c.batch_size, 256);
    T_EQ_STR(chr_format_name(CHR_FORMAT_TEXT), "text");
    T_EQ_STR(chr_format_name(CHR_FORMAT_HTML), "html");
    T_EQ_STR(chr_format_name(CHR_FORMAT_JSONL), "jsonl");
    T_EQ_STR(chr_format_name(CHR_FORMAT_WARC), "warc");
    chr_input_free(NULL);
    chr_source_free(NULL);
}

T_TEST(read_input_from_memory)
{
    chr_input *in = NULL;
    T_EQ_INT(chr_input_from_memory(&in, CHR_FORMAT_HTML, "x1", "mem://x",
                                   "<p>hi</p>", 9),
             CHR_OK);
    T_CHECK(in != NULL);
    if (in) {
        T_EQ_STR(in->id, "x1");
        T_EQ_STR(in->origin, "mem://x");
        T_EQ_INT(in->is_html, 1);
        T_EQ_INT(in->len, 9);
        T_EQ_STR(in->data, "<p>hi</p>");
        T_CHECK(in->url == NULL && in->title == NULL);
    }
    chr_input_free(in);
    T_EQ_INT(chr_input_from_memory(&in, CHR_FORMAT_TEXT, NULL, NULL, "a\0b", 3),
             CHR_OK);
    if (in) {
        T_EQ_INT(in->is_html, 0);
        T_EQ_INT(in->len, 3);
        T_CHECK(memcmp(in->data, "a\0b", 4) == 0);
        T_CHECK(in->id != NULL);
    }
    chr_input_free(in);
    T_EQ_INT(chr_input_from_memory(&in, CHR_FORMAT_WARC, "a", "b", "c", 1),
             CHR_INVALID);
    T_CHECK(in == NULL);
}

T_TEST(read_ids_and_sniffing)
{
    char *id = chr__id_from_path("dir/sub/report.2024.txt");
    T_EQ_STR(id, "report.2024");
    free(id);
    id = chr__id_from_path("crawl.warc.gz");
    T_EQ_STR(id, "crawl");
    free(id);
    id = chr__id_from_path("/a/page.HTML");
    T_EQ_STR(id, "page");
    free(id);
    id = chr__id_from_path("noext");
    T_EQ_STR(id, "noext");
    free(id);
    id = chr__id_from_path("data.bin");
    T_EQ_STR(id, "data.bin");
    free(id);
    T_EQ_INT(chr__sniff_format("  <!DOCTYPE html><p>x", 21), CHR_FORMAT_HTML);
    T_EQ_INT(chr__sniff_format("\xEF\xBB\xBF<html>", 9), CHR_FORMAT_HTML);
    T_EQ_INT(chr__sniff_format("<b>bold</b> only", 16), CHR_FORMAT_TEXT);
    T_EQ_INT(chr__sniff_format("WARC/1.0\r\n", 10), CHR_FORMAT_WARC);
    T_EQ_INT(chr__sniff_format("\n{\"text\":1}", 11), CHR_FORMAT_JSONL);
    T_EQ_INT(chr__sniff_format("Plain words.", 12), CHR_FORMAT_TEXT);
    T_EQ_INT(chr__sniff_format("", 0), CHR_FORMAT_TEXT);
}

/* ---- files and directories ---- */

T_TEST(read_fixture_directory_walk)
{
    const char *dir = "tests/fixtures/read/corpus";
    T_CHECK(access(dir, R_OK) == 0);
    result r[16];
    size_t n = read_one(dir, NULL, r, 16);
    T_EQ_INT(n, 4);
    if (n == 4) {
        /* sorted: a-note.txt, b-feed.jsonl (2 docs), sub/c-page.htm */
        T_EQ_INT(r[0].st, CHR_OK);
        T_EQ_STR(r[0].in->id, "a-note");
        T_EQ_STR(r[0].in->origin, "tests/fixtures/read/corpus/a-note.txt");
        T_EQ_INT(r[0].in->format, CHR_FORMAT_TEXT);
        T_EQ_INT(r[0].in->is_html, 0);
        T_EQ_STR(r[1].in->id, "feed-1");
        T_EQ_STR(r[1].in->origin, "tests/fixtures/read/corpus/b-feed.jsonl");
        T_EQ_STR(r[1].in->url, "https://wire.example/1");
        T_EQ_STR(r[1].in->outlet, "Example Wire");
        T_EQ_STR(r[1].in->published, "2021-09-30");
        T_EQ_STR(r[1].in->title, "Ferry timetable changes");
        T_EQ_STR(r[1].in->byline, "Lee Park");
        T_EQ_INT(r[1].in->format, CHR_FORMAT_JSONL);
        T_EQ_STR(r[2].in->id, "b-feed:3");
        T_EQ_STR(r[2].in->byline, "Desk Staff");
        T_EQ_STR(r[2].in->data, "A second item without an id.");
        T_EQ_STR(r[3].in->id, "c-page");
        T_EQ_INT(r[3].in->format, CHR_FORMAT_HTML);
        T_EQ_INT(r[3].in->is_html, 1);
    }
    free_results(r, n);
}

T_TEST(read_fixture_html_file)
{
    result r[2];
    size_t n = read_one("tests/fixtures/read/article.html", NULL, r, 2);
    T_EQ_INT(n, 1);
    if (n == 1 && r[0].st == CHR_OK) {
        T_EQ_STR(r[0].in->id, "article");
        T_EQ_INT(r[0].in->is_html, 1);
        chr__arena *a = chr__arena_new(0);
        chr__html h;
        T_EQ_INT(chr__html_parse(r[0].in->data, r[0].in->len, a, &h, NULL),
                 CHR_OK);
        T_EQ_STR(h.title, "Tidal mill reopens after repairs");
        T_EQ_STR(h.published, "2022-05-14");
        T_EQ_STR(h.outlet, "Northshore Gazette");
        T_EQ_STR(h.byline, "Priya Okafor");
        T_EQ_STR(h.lang, "en");
        T_EQ_STR(h.url, "https://gazette.example/news/tidal-mill");
        T_CHECK(h.n_blocks >= 6);
        chr__dateline d;
        int found = 0;
        for (size_t i = 0; i < h.n_blocks; i++)
            if (strstr(h.blocks[i].hints, "dateline"))
                found = chr__parse_dateline(h.blocks[i].text,
                                            h.blocks[i].len, &d);
        T_EQ_INT(found, 1);
        if (found) {
            T_EQ_STR(d.place, "Porthaven");
            T_EQ_STR(d.outlet, "Gazette");
        }
        chr__arena_free(a);
    }
    free_results(r, n);
}

T_TEST(read_errors_then_continue)
{
    T_CHECK(mktmp() != NULL);
    puts_file("good.txt", "Some words.\n");
    puts_file("empty.txt", "");
    puts_file("blank.txt", " \n\t\r\n  ");
    put("bin.dat", "ab\0cd\0\x01\x02 binary", 15);
    puts_file("big.html", "<p>0123456789012345678901234567890123456789</p>");
    char big[300];
    memset(big, 'x', sizeof big);
    put("big.txt", big, sizeof big);
    chr_config cfg;
    chr_config_init(&cfg);
    cfg.max_doc_bytes = 32;
    const char *paths[] = {tpath("missing.txt"), tpath("empty.txt"),
                           tpath("blank.txt"),   tpath("bin.dat"),
                           tpath("big.html"),    tpath("big.txt"),
                           "",                   tpath("good.txt")};
    chr_source *src = NULL;
    T_EQ_INT(chr_source_open(&src, paths, 8, &cfg), CHR_OK);
    chr_source_stats st;
    chr_source_stats_get(src, &st);
    T_EQ_INT(st.bytes_total, 0 + 7 + 15 + 47 + 300 + 12);
    T_EQ_INT(st.bytes_done, 0);
    result r[16];
    size_t n = drain(src, r, 16);
    T_EQ_INT(n, 8);
    if (n == 8) {
        T_EQ_INT(r[0].st, CHR_IO);
        T_EQ_STR(r[0].err.where, paths[0]);
        T_EQ_STR(r[0].err.msg, "No such file or directory");
        T_EQ_INT(r[1].st, CHR_EMPTY);
        T_EQ_STR(r[1].err.msg, "empty file");
        T_EQ_STR(r[1].err.where, paths[1]);
        T_EQ_INT(r[2].st, CHR_EMPTY);
        T_EQ_INT(r[3].st, CHR_BINARY);
        T_EQ_STR(r[3].err.msg, "binary data (NUL bytes)");
        T_EQ_INT(r[4].st, CHR_TOOBIG);
        T_EQ_STR(r[4].err.msg, "file is 47 bytes, limit is 32");
        T_EQ_INT(r[5].st, CHR_TOOBIG);
        T_EQ_STR(r[5].err.msg, "file is 300 bytes, limit is 32");
        T_EQ_INT(r[6].st, CHR_IO);
        T_EQ_INT(r[7].st, CHR_OK);
        T_EQ_STR(r[7].in->data, "Some words.\n");
        T_EQ_STR(r[7].in->id, "good");
        for (int i = 0; i < 7; i++)
            T_CHECK(r[i].in == NULL);
    }
    chr_source_stats_get(src, &st);
    T_EQ_INT(st.bytes_done, st.bytes_total);
    chr_input *in = NULL;
    T_EQ_INT(chr_source_next(src, &in, NULL), CHR_DONE); /* stays done */
    free_results(r, n);
    chr_source_free(src);
    rmtmp();
}

T_TEST(read_sniffs_unknown_extensions)
{
    T_CHECK(mktmp() != NULL);
    puts_file("page.txt", "\n<!DOCTYPE html><html><body><p>Hi</p></body></html>");
    puts_file("feed.dat", "{\"text\": \"one\"}\n{\"text\": \"two\"}\n");
    puts_file("plain", "<not html> just angle brackets");
    result r[8];
    const char *paths[] = {tpath("page.txt"), tpath("feed.dat"),
                           tpath("plain")};
    size_t n = read_paths(paths, 3, NULL, r, 8);
    T_EQ_INT(n, 4);
    if (n == 4) {
        T_EQ_INT(r[0].in->format, CHR_FORMAT_HTML);
        T_EQ_INT(r[0].in->is_html, 1);
        T_EQ_STR(r[1].in->id, "feed.dat:1");
        T_EQ_STR(r[2].in->data, "two");
        T_EQ_INT(r[3].in->format, CHR_FORMAT_TEXT);
    }
    free_results(r, n);
    rmtmp();
}

T_TEST(read_gzip_documents_and_bombs)
{
    T_CHECK(mktmp() != NULL);
    const char *html = "<html><body><p>Zipped page.</p></body></html>";
    put_gz("page.html.gz", html, strlen(html));
    put_gz("note.txt.gz", "Zipped text.", 12);
    size_t big = 1 << 20;
    char *zeros = malloc(big);
    T_CHECK(zeros != NULL);
    if (!zeros)
        return;
    memset(zeros, 'a', big);
    put_gz("bomb.txt.gz", zeros, big);
    free(zeros);
    put("broken.txt.gz", "\x1f\x8b\x08\x00garbage-not-deflate", 23);
    chr_config cfg;
    chr_config_init(&cfg);
    cfg.max_doc_bytes = 64 * 1024;
    const char *paths[] = {tpath("page.html.gz"), tpath("note.txt.gz"),
                           tpath("bomb.txt.gz"), tpath("broken.txt.gz")};
    result r[8];
    size_t n = read_paths(paths, 4, &cfg, r, 8);
    T_EQ_INT(n, 4);
    if (n == 4) {
        T_EQ_INT(r[0].st, CHR_OK);
        T_EQ_STR(r[0].in->data, html);
        T_EQ_STR(r[0].in->id, "page");
        T_EQ_INT(r[0].in->is_html, 1);
        T_EQ_INT(r[1].st, CHR_OK);
        T_EQ_STR(r[1].in->data, "Zipped text.");
        T_EQ_INT(r[1].in->format, CHR_FORMAT_TEXT);
        T_EQ_INT(r[2].st, CHR_TOOBIG);
        T_CHECK(strstr(r[2].err.msg, "65536") != NULL);
        T_CHECK(r[3].st == CHR_IO || r[3].st == CHR_BINARY);
    }
    free_results(r, n);
    rmtmp();
}

/* ---- JSON lines ---- */

T_TEST(read_jsonl_errors_and_recovery)
{
    T_CHECK(mktmp() != NULL);
    char longline[400];
    memset(longline, 'x', sizeof longline);
    memcpy(longline, "{\"text\": \"", 10);
    memcpy(longline + sizeof longline - 3, "\"}\n", 3);
    FILE *f = fopen(tpath("mix.jsonl"), "wb");
    T_CHECK(f != NULL);
    if (!f)
        return;
    fputs("{\"id\": 42, \"text\": \"numbered\"}\n", f);        /* 1 */
    fputs("{\"text\": \"broken\" \n", f);                       /* 2 */
    fputs("{\"id\": \"g\", \"text\": \"good after bad\"}\r\n", f); /* 3 */
    fputs("\n", f);                                            /* 4 */
    fputs("{\"title\": \"no body\"}\n", f);                    /* 5 */
    fputs("[1, 2]\n", f);                                      /* 6 */
    fwrite(longline, 1, sizeof longline, f);                   /* 7 */
    fputs("{\"html\": \"<p>markup</p>\", \"published\": \"July 3, 2024\"}\n",
          f);                                                  /* 8 */
    fputs("{\"text\": \"   \"}\n", f);                         /* 9 */
    fputs("{\"text\": \"last, no newline\"}", f);              /* 10 */
    fclose(f);
    chr_config cfg;
    chr_config_init(&cfg);
    cfg.max_line_bytes = 200;
    result r[16];
    size_t n = read_one(tpath("mix.jsonl"), &cfg, r, 16);
    T_EQ_INT(n, 9);
    if (n == 9) {
        T_EQ_INT(r[0].st, CHR_OK);
        T_EQ_STR(r[0].in->id, "42");
        T_EQ_INT(r[1].st, CHR_PARSE);
        char where[600];
        snprintf(where, sizeof where, "%s:2", tpath("mix.jsonl"));
        T_EQ_STR(r[1].err.where, where);
        T_CHECK(r[1].err.pos > 0);
        T_CHECK(r[1].err.msg[0] != '\0');
        T_EQ_INT(r[2].st, CHR_OK);
        T_EQ_STR(r[2].in->id, "g");
        T_EQ_STR(r[2].in->data, "good after bad");
        T_EQ_INT(r[3].st, CHR_PARSE);
        T_EQ_STR(r[3].err.msg, "no text or html field");
        snprintf(where, sizeof where, "%s:5", tpath("mix.jsonl"));
        T_EQ_STR(r[3].err.where, where);
        T_EQ_INT(r[4].st, CHR_PARSE);
        T_EQ_INT(r[5].st, CHR_TOOBIG);
        snprintf(where, sizeof where, "%s:7", tpath("mix.jsonl"));
        T_EQ_STR(r[5].err.where, where);
        T_EQ_INT(r[6].st, CHR_OK);
        T_EQ_INT(r[6].in->is_html, 1);
        T_EQ_STR(r[6].in->published, "2024-07-03");
        T_EQ_STR(r[6].in->id, "mix:8");
        T_EQ_INT(r[7].st, CHR_EMPTY);
        T_EQ_INT(r[8].st, CHR_OK);
        T_EQ_STR(r[8].in->data, "last, no newline");
        T_EQ_STR(r[8].in->id, "mix:10");
    }
    free_results(r, n);
    rmtmp();
}

T_TEST(read_jsonl_huge_line_is_not_held)
{
    T_CHECK(mktmp() != NULL);
    /* a 3 MiB line with a 64 KiB limit, then a good line */
    size_t big = 3 << 20;
    char *s = malloc(big + 64);
    T_CHECK(s != NULL);
    if (!s)
        return;
    memset(s, 'y', big);
    memcpy(s, "{\"text\": \"", 10);
    memcpy(s + big - 2, "\"}", 2);
    memcpy(s + big, "\n{\"text\": \"ok\"}\n", 16);
    put_gz("huge.jsonl.gz", s, big + 16);
    free(s);
    chr_config cfg;
    chr_config_init(&cfg);
    cfg.max_doc_bytes = 64 * 1024;
    cfg.max_line_bytes = 64 * 1024;
    result r[4];
    size_t n = read_one(tpath("huge.jsonl.gz"), &cfg, r, 4);
    T_EQ_INT(n, 2);
    if (n == 2) {
        T_EQ_INT(r[0].st, CHR_TOOBIG);
        T_CHECK(strstr(r[0].err.where, "huge.jsonl.gz:1") != NULL);
        T_EQ_INT(r[1].st, CHR_OK);
        T_EQ_STR(r[1].in->data, "ok");
        T_EQ_STR(r[1].in->id, "huge:2");
    }
    free_results(r, n);
    rmtmp();
}

T_TEST(read_stdin_jsonl_and_text)
{
    T_CHECK(mktmp() != NULL);
    puts_file("in.jsonl", "{\"text\": \"from stdin\"}\n{\"text\": \"again\"}\n");
    puts_file("in.txt", "Plain text on stdin.");
    int saved = dup(0);
    const char *dash[] = {"-"};
    result r[4];
    int fd = open(tpath("in.jsonl"), O_RDONLY);
    dup2(fd, 0);
    close(fd);
    size_t n = read_paths(dash, 1, NULL, r, 4);
    T_EQ_INT(n, 2);
    if (n == 2) {
        T_EQ_STR(r[0].in->id, "stdin:1");
        T_EQ_STR(r[1].in->id, "stdin:2");
        T_EQ_STR(r[1].in->origin, "stdin");
    }
    free_results(r, n);
    fd = open(tpath("in.txt"), O_RDONLY);
    dup2(fd, 0);
    close(fd);
    n = read_paths(dash, 1, NULL, r, 4);
    T_EQ_INT(n, 1);
    if (n == 1) {
        T_EQ_INT(r[0].st, CHR_OK);
        T_EQ_STR(r[0].in->id, "stdin");
        T_EQ_STR(r[0].in->data, "Plain text on stdin.");
    }
    free_results(r, n);
    dup2(saved, 0);
    close(saved);
    rmtmp();
}

/* ---- WARC ---- */

static void warc_record(chr_buf *b, const char *type, const char *uri,
                        const char *block, long long claimed)
{
    size_t len = strlen(block);
    chr_buf_printf(b, "WARC/1.0\r\nWARC-Type: %s\r\n", type);
    if (uri)
        chr_buf_printf(b, "WARC-Target-URI: %s\r\n", uri);
    chr_buf_printf(b,
                   "WARC-Date: 2024-07-03T10:00:00Z\r\n"
                   "Content-Type: application/http; msgtype=response\r\n"
                   "Content-Length: %lld\r\n\r\n",
                   claimed >= 0 ? claimed : (long long)len);
    chr_buf_append(b, block, len);
    chr_buf_puts(b, "\r\n\r\n");
}

static const char *http_html(const char *body)
{
    static char buf[2048];
    snprintf(buf, sizeof buf,
             "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
             "Content-Length: %zu\r\n\r\n%s",
             strlen(body), body);
    return buf;
}

static void build_warc(chr_buf *b)
{
    warc_record(b, "warcinfo", NULL, "software: test\r\n", -1);
    warc_record(b, "request", "http://a.example/1",
                "GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n", -1);
    warc_record(b, "response", "http://a.example/1",
                http_html("<html><body><p>First page.</p></body></html>"), -1);
    warc_record(b, "response", "http://a.example/logo.png",
                "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
                -1);
    warc_record(b, "response", "http://a.example/gone",
                "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n"
                "<p>missing</p>",
                -1);
    /* chunked, no content type, but looks like HTML */
    warc_record(b, "response", "<http://a.example/2>",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                "6\r\n<html>\r\n14\r\n<p>Chunked page.</p>\r\n0\r\n\r\n",
                -1);
    /* truncated: claims more bytes than it has, then a good record */
    warc_record(b, "response", "http://a.example/cut",
                http_html("<p>cut short</p>"), 5000);
    warc_record(b, "metadata", "http://a.example/2", "via: x\r\n", -1);
    /* junk between records */
    chr_buf_puts(b, "garbage line that is not a header\r\n");
    warc_record(b, "response", "http://a.example/3",
                http_html("<html><body><p>Third page.</p></body></html>"), -1);
    /* Content-Length too short: the block does not end there */
    warc_record(b, "response", "http://a.example/short",
                http_html("<p>short claim</p>"), 20);
    warc_record(b, "response", NULL,
                http_html("<html><body><p>No URI page.</p></body></html>"),
                -1);
}

static void check_warc(int *t_failed, result *r, size_t n, const char *path)
{
    T_EQ_INT(n, 7);
    if (n != 7)
        return;
    T_EQ_INT(r[0].st, CHR_OK);
    T_EQ_STR(r[0].in->id, "crawl#1");
    T_EQ_STR(r[0].in->origin, "http://a.example/1");
    T_EQ_STR(r[0].in->url, "http://a.example/1");
    T_EQ_STR(r[0].in->data, "<html><body><p>First page.</p></body></html>");
    T_EQ_INT(r[0].in->format, CHR_FORMAT_WARC);
    T_EQ_INT(r[0].in->is_html, 1);
    T_EQ_INT(r[1].st, CHR_OK);
    T_EQ_STR(r[1].in->id, "crawl#4");
    T_EQ_STR(r[1].in->url, "http://a.example/2");
    T_EQ_STR(r[1].in->data, "<html><p>Chunked page.</p>");
    T_EQ_INT(r[2].st, CHR_PARSE);
    char where[600];
    snprintf(where, sizeof where, "%s#7", path);
    T_EQ_STR(r[2].err.where, where);
    T_CHECK(r[2].err.pos > 0);
    T_CHECK(strstr(r[2].err.msg, "truncated") != NULL);
    T_EQ_INT(r[3].st, CHR_PARSE); /* the garbage line */
    T_EQ_INT(r[4].st, CHR_OK);
    T_EQ_STR(r[4].in->id, "crawl#6");
    T_EQ_STR(r[4].in->data, "<html><body><p>Third page.</p></body></html>");
    T_EQ_INT(r[5].st, CHR_PARSE);
    T_EQ_INT(r[6].st, CHR_OK);
    T_EQ_STR(r[6].in->id, "crawl#8");
    snprintf(where, sizeof where, "%s#8", path);
    T_EQ_STR(r[6].in->origin, where);
    T_CHECK(r[6].in->url == NULL);
}

T_TEST(read_warc_plain)
{
    T_CHECK(mktmp() != NULL);
    chr_buf b;
    chr_buf_init(&b, 0);
    build_warc(&b);
    put("crawl.warc", b.data, b.len);
    chr_source *src = NULL;
    const char *p = tpath("crawl.warc");
    T_EQ_INT(chr_source_open(&src, &p, 1, NULL), CHR_OK);
    result r[16];
    size_t n = drain(src, r, 16);
    check_warc(t_failed, r, n, p);
    chr_source_stats st;
    chr_source_stats_get(src, &st);
    T_EQ_INT(st.skipped, 5); /* warcinfo, request, png, 404, metadata */
    T_EQ_INT(st.bytes_total, b.len);
    T_EQ_INT(st.bytes_done, b.len);
    free_results(r, n);
    chr_source_free(src);
    chr_buf_free(&b);
    rmtmp();
}

T_TEST(read_warc_gzip_multimember)
{
    T_CHECK(mktmp() != NULL);
    chr_buf b;
    chr_buf_init(&b, 0);
    build_warc(&b);
    /* one gzip member per ~300 bytes, as crawlers write one per record */
    gzFile g = gzopen(tpath("crawl.warc.gz"), "wb");
    T_CHECK(g != NULL);
    if (!g)
        return;
    gzclose(g);
    for (size_t off = 0; off < b.len; off += 300) {
        g = gzopen(tpath("crawl.warc.gz"), "ab");
        size_t k = b.len - off < 300 ? b.len - off : 300;
        gzwrite(g, b.data + off, (unsigned)k);
        gzclose(g);
    }
    const char *p = tpath("crawl.warc.gz");
    result r[16];
    size_t n = read_one(p, NULL, r, 16);
    check_warc(t_failed, r, n, p);
    free_results(r, n);
    chr_buf_free(&b);
    rmtmp();
}

T_TEST(read_warc_gzip_content_and_limits)
{
    T_CHECK(mktmp() != NULL);
    /* a gzip-encoded HTTP body */
    const char *page = "<html><body><p>Compressed body.</p></body></html>";
    uLongf zcap = 512;
    unsigned char z[512];
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    deflateInit2(&zs, 6, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY);
    zs.next_in = (Bytef *)(uintptr_t)page;
    zs.avail_in = (uInt)strlen(page);
    zs.next_out = z;
    zs.avail_out = (uInt)zcap;
    deflate(&zs, Z_FINISH);
    size_t zlen = zcap - zs.avail_out;
    deflateEnd(&zs);
    chr_buf b;
    chr_buf_init(&b, 0);
    chr_buf blk;
    chr_buf_init(&blk, 0);
    chr_buf_puts(&blk, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                       "Content-Encoding: gzip\r\n\r\n");
    chr_buf_append(&blk, z, zlen);
    chr_buf_printf(&b,
                   "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: %zu\r\n"
                   "\r\n",
                   blk.len);
    chr_buf_append(&b, blk.data, blk.len);
    chr_buf_puts(&b, "\r\n\r\n");
    /* a record over the limit, then a small good one */
    char bigpage[3000];
    memset(bigpage, 'w', sizeof bigpage - 1);
    bigpage[sizeof bigpage - 1] = '\0';
    memcpy(bigpage, "<p>", 3);
    warc_record(&b, "response", "http://b.example/big", http_html(bigpage), -1);
    warc_record(&b, "response", "http://b.example/ok",
                http_html("<p>Small.</p>"), -1);
    put("z.warc", b.data, b.len);
    chr_config cfg;
    chr_config_init(&cfg);
    cfg.max_doc_bytes = 1024;
    result r[8];
    size_t n = read_one(tpath("z.warc"), &cfg, r, 8);
    T_EQ_INT(n, 3);
    if (n == 3) {
        T_EQ_INT(r[0].st, CHR_OK);
        T_EQ_STR(r[0].in->data, page);
        T_EQ_INT(r[1].st, CHR_TOOBIG);
        T_CHECK(strstr(r[1].err.where, "z.warc#2") != NULL);
        T_EQ_INT(r[2].st, CHR_OK);
        T_EQ_STR(r[2].in->url, "http://b.example/ok");
        T_EQ_STR(r[2].in->id, "z#3");
    }
    free_results(r, n);
    chr_buf_free(&blk);
    chr_buf_free(&b);
    rmtmp();
}

T_TEST(read_hostile_bytes_do_not_crash)
{
    T_CHECK(mktmp() != NULL);
    unsigned x = 777;
    char buf[5000];
    const char *names[] = {"r.warc", "r.jsonl", "r.html", "r.txt"};
    const char *heads[] = {"WARC/1.0\r\nContent-Length: 99\r\n\r\n", "{\"text\":",
                           "<html>", ""};
    for (int round = 0; round < 40; round++) {
        size_t k = strlen(heads[round % 4]);
        memcpy(buf, heads[round % 4], k);
        for (size_t i = k; i < sizeof buf; i++) {
            x = x * 1103515245u + 12345u;
            unsigned char c = (unsigned char)(x >> 16);
            buf[i] = c % 5 == 0 ? '\n' : c % 11 == 0 ? 'W' : (char)(c | 0x20);
        }
        put(names[round % 4], buf, sizeof buf);
        result r[64];
        size_t n = read_one(tpath(names[round % 4]), NULL, r, 64);
        T_CHECK(n >= 1);
        free_results(r, n);
    }
    rmtmp();
}
