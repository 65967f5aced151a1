/* test_hostile_source.c — hostile files through chr_source: JSON lines
 * with deep nesting, a 10 MB string, invalid UTF-8, \u0000 and odd ids,
 * over-long lines; WARC with bogus Content-Length, random cuts and byte
 * flips, a gzip-encoded body that inflates to 64 MB; truncated gzip and
 * gzip bombs; a directory with a FIFO, dangling and looping symlinks. The
 * source must go on after each error, errors must name the file (and line
 * "file:N" or record "file#N"), good items must still come out. */
#include "hostile.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

/* ---- hostile files through chr_source -------------------------------- */

static char hdir[256];

static const char *hpath(const char *name)
{
    static char buf[8][512];
    static int k;
    k = (k + 1) % 8;
    snprintf(buf[k], sizeof buf[k], "%s/%s", hdir, name);
    return buf[k];
}

static int hmkdir(void)
{
    snprintf(hdir, sizeof hdir, "/tmp/chr-hostile-XXXXXX");
    return mkdtemp(hdir) != NULL;
}

/* Removes the flat test directory (and one level of subdirectories). */
static void hrmdir(void)
{
    DIR *d = opendir(hdir);
    if (d) {
        struct dirent *de;
        while ((de = readdir(d)) != NULL) {
            if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
                continue;
            const char *p = hpath(de->d_name);
            if (unlink(p) != 0)
                rmdir(p);
        }
        closedir(d);
    }
    rmdir(hdir);
}

static void hput(const char *name, const void *data, size_t n)
{
    FILE *f = fopen(hpath(name), "wb");
    if (!f)
        return;
    fwrite(data, 1, n, f);
    fclose(f);
}

typedef struct item {
    chr_status st;
    char where[1024];
    char msg[512];
    char id[64];
    size_t len;
} item;

/* Drains a source over `paths`; returns the number of items (<= max). Every
 * error must name a location and have a message. */
static size_t drain(int *t_failed, const char *const *paths, size_t np,
                    const chr_config *cfg, item *out, size_t max)
{
    chr_source *src = NULL;
    T_EQ_INT(chr_source_open(&src, paths, np, cfg), CHR_OK);
    if (!src)
        return 0;
    size_t n = 0;
    for (int guard = 0; guard < 100000; guard++) {
        chr_input *in = NULL;
        chr_error err;
        chr_status st = chr_source_next(src, &in, &err);
        if (st == CHR_DONE)
            break;
        if (n < max) {
            item *it = &out[n];
            memset(it, 0, sizeof *it);
            it->st = st;
            if (st == CHR_OK) {
                snprintf(it->id, sizeof it->id, "%s", in->id ? in->id : "");
                it->len = in->len;
            } else {
                snprintf(it->where, sizeof it->where, "%s", err.where);
                snprintf(it->msg, sizeof it->msg, "%s", err.msg);
            }
        }
        n++;
        if (st == CHR_OK) {
            T_CHECK(in != NULL);
            /* small documents go on through analysis too */
            if (in && in->len < (1u << 20)) {
                chr_doc *doc = NULL;
                chr_error aerr;
                if (chr_analyze(in, cfg, &doc, &aerr) == CHR_OK) {
                    chr_buf b;
                    chr_buf_init(&b, 0);
                    T_EQ_INT(chr_doc_to_json(doc, &b), CHR_OK);
                    T_CHECK(utf8_strict(b.data, b.len));
                    chr_buf_free(&b);
                    chr_doc_free(doc);
                }
            }
            chr_input_free(in);
        } else {
            T_CHECK(in == NULL);
            T_CHECK(err.where[0] != '\0');
            T_CHECK(err.msg[0] != '\0');
        }
    }
    chr_source_free(src);
    return n;
}

static void dump(const item *it, size_t n)
{
    for (size_t i = 0; i < n; i++)
        fprintf(stderr, "    [%zu] %s id=%s len=%zu where=%s msg=%s\n", i,
                chr_status_name(it[i].st), it[i].id, it[i].len, it[i].where,
                it[i].msg);
}

/* 1 when `where` is exactly path + suffix ("" for none). */
static int names(const char *where, const char *path, const char *suffix)
{
    size_t k = strlen(path);
    return strncmp(where, path, k) == 0 && strcmp(where + k, suffix) == 0;
}

T_TEST(hostile_source_jsonl)
{
    T_CHECK(hmkdir());
    sb b = {0};
    /* 1: nesting deeper than any parser should recurse */
    sb_puts(&b, "{\"text\":");
    sb_fill(&b, '[', 100000);
    sb_fill(&b, ']', 100000);
    sb_puts(&b, "}\n");
    /* 2: a 10 MB string */
    sb_puts(&b, "{\"id\":\"big\",\"text\":\"");
    sb_rep(&b, "word ", 2u << 20);
    sb_puts(&b, "\"}\n");
    /* 3: invalid UTF-8 inside a string */
    sb_puts(&b, "{\"id\":\"latin\",\"text\":\"caf\xE9 au lait\"}\n");
    /* 4: \u0000 inside the text */
    sb_puts(&b, "{\"id\":\"nul\",\"text\":\"a\\u0000b\"}\n");
    /* 5, 6, 7: numbers as id */
    sb_puts(&b, "{\"id\":12345,\"text\":\"Number id.\"}\n");
    sb_puts(&b, "{\"id\":1.5e300,\"text\":\"Real id.\"}\n");
    sb_puts(&b, "{\"id\":99999999999999999999999,\"text\":\"Huge id.\"}\n");
    /* 8: NUL inside the id, 9: an array as id */
    sb_puts(&b, "{\"id\":\"a\\u0000b\",\"text\":\"Nul id.\"}\n");
    sb_puts(&b, "{\"id\":[\"x\"],\"text\":\"Array id.\"}\n");
    /* 10-13: wrong shapes */
    sb_puts(&b, "[1,2]\n{\"text\":123}\n{\"text\":\"   \"}\n");
    sb_puts(&b, "{\"html\":\"<p>\\ud800</p>\"}\n");
    /* blank line, then 14: bytes that are not JSON */
    sb_puts(&b, "   \n\xFF\xFE garbage\n");
    /* 15: the good line at the end */
    sb_puts(&b, "{\"id\":\"last\",\"text\":\"A good line at the end.\"}\n");
    hput("h.jsonl", b.d, b.n);
    sb_free(&b);

    const char *p = hpath("h.jsonl");
    char path[512];
    snprintf(path, sizeof path, "%s", p);
    const char *paths[] = {path};
    item it[32];
    size_t n = drain(t_failed, paths, 1, NULL, it, 32);
    int bad = 0;
    /* line: expected status (or -1 for "OK or PARSE"), expected id */
    static const struct {
        int line;
        int st;
        const char *id;
    } want[] = {
        {1, CHR_PARSE, NULL},  {2, CHR_OK, "big"},
        {3, CHR_PARSE, NULL},  {4, -1, "nul"},
        {5, CHR_OK, "12345"},  {6, CHR_OK, "1.5000000000000001e+300"},
        {7, -1, NULL},         {8, -1, NULL},
        {9, CHR_OK, "h:9"},    {10, CHR_PARSE, NULL},
        {11, CHR_PARSE, NULL}, {12, CHR_EMPTY, NULL},
        {13, CHR_PARSE, NULL}, {15, CHR_PARSE, NULL},
        {16, CHR_OK, "last"},
    };
    T_EQ_INT(n, ARRAY_LEN(want));
    for (size_t i = 0; i < n && i < ARRAY_LEN(want); i++) {
        char suffix[16];
        snprintf(suffix, sizeof suffix, ":%d", want[i].line);
        if (want[i].st == CHR_OK || (want[i].st == -1 && it[i].st == CHR_OK)) {
            if (it[i].st != CHR_OK ||
                (want[i].id && strcmp(it[i].id, want[i].id) != 0))
                bad = 1;
        } else if ((want[i].st != -1 && (int)it[i].st != want[i].st) ||
                   (want[i].st == -1 && it[i].st != CHR_PARSE) ||
                   !names(it[i].where, path, suffix)) {
            bad = 1;
        }
    }
    if (n == ARRAY_LEN(want))
        T_EQ_INT(it[1].len, (size_t)10 << 20);
    if (bad)
        dump(it, n);
    T_CHECK(!bad);
    hrmdir();
}

T_TEST(hostile_source_overlong_lines)
{
    T_CHECK(hmkdir());
    sb b = {0};
    sb_puts(&b, "{\"text\":\"");
    sb_fill(&b, 'x', 10000);
    sb_puts(&b, "\"}\n{\"id\":\"good\",\"text\":\"A good line.\"}\n");
    sb_puts(&b, "{\"text\":\"");
    sb_fill(&b, 'y', 100000); /* no newline at the end of the file */
    hput("long.jsonl", b.d, b.n);
    sb_free(&b);
    char path[512];
    snprintf(path, sizeof path, "%s", hpath("long.jsonl"));
    const char *paths[] = {path};
    chr_config cfg;
    chr_config_init(&cfg);
    cfg.max_line_bytes = 4096;
    item it[8];
    size_t n = drain(t_failed, paths, 1, &cfg, it, 8);
    T_EQ_INT(n, 3);
    if (n == 3) {
        T_EQ_INT(it[0].st, CHR_TOOBIG);
        T_CHECK(names(it[0].where, path, ":1"));
        T_EQ_INT(it[1].st, CHR_OK);
        T_EQ_STR(it[1].id, "good");
        T_EQ_INT(it[2].st, CHR_TOOBIG);
        T_CHECK(names(it[2].where, path, ":3"));
    } else {
        dump(it, n < 8 ? n : 8);
    }
    hrmdir();
}

static void warc_record(sb *b, const char *type, const char *clen,
                        const char *block)
{
    char head[512];
    snprintf(head, sizeof head,
             "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: "
             "http://example.test/%s\r\nContent-Length: %s\r\n\r\n",
             type, clen, clen);
    sb_puts(b, head);
    sb_puts(b, block);
    sb_puts(b, "\r\n\r\n");
}

T_TEST(hostile_source_warc)
{
    T_CHECK(hmkdir());
    static const char page[] =
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
        "<html><body><p>The council met on Tuesday and agreed a new budget "
        "for the harbour.</p></body></html>";
    char good_len[32];
    snprintf(good_len, sizeof good_len, "%zu", strlen(page));
    sb b = {0};
    warc_record(&b, "response", "-5", page);                 /* #1 */
    warc_record(&b, "response", "abc", page);                /* #2 */
    warc_record(&b, "response", "12abc", page);              /* #3 */
    warc_record(&b, "response", "", page);                   /* #4 */
    warc_record(&b, "response", "0x20", page);               /* #5 */
    warc_record(&b, "response", "100", "short");             /* #6 */
    warc_record(&b, "response", good_len, page);             /* #7 */
    warc_record(&b, "response", "18446744073709551616", page); /* #8 */
    warc_record(&b, "response", good_len, page);             /* #9 */
    warc_record(&b, "response", "99999999999999999", page);  /* #10 */
    warc_record(&b, "response", good_len, page);             /* swallowed */
    hput("bad.warc", b.d, b.n);
    sb_free(&b);
    char path[512];
    snprintf(path, sizeof path, "%s", hpath("bad.warc"));
    const char *paths[] = {path};
    item it[32];
    size_t n = drain(t_failed, paths, 1, NULL, it, 32);
    int bad = 0, good = 0, errs = 0;
    for (size_t i = 0; i < n && i < 32; i++) {
        if (it[i].st == CHR_OK) {
            good++;
            continue;
        }
        errs++;
        /* every error names the file and a record "#N" */
        const char *hash = strrchr(it[i].where, '#');
        if (strncmp(it[i].where, path, strlen(path)) != 0 || !hash ||
            atoi(hash + 1) < 1)
            bad = 1;
    }
    T_EQ_INT(good, 2);
    T_CHECK(errs >= 8);
    /* the first errors are records 1..6 in order */
    for (int i = 0; i < 6 && (size_t)i < n; i++) {
        char suffix[16];
        snprintf(suffix, sizeof suffix, "#%d", i + 1);
        if (it[i].st != CHR_PARSE || !names(it[i].where, path, suffix))
            bad = 1;
    }
    if (n >= 1 && it[n - 1].st != CHR_TOOBIG)
        bad = 1;
    if (bad)
        dump(it, n < 32 ? n : 32);
    T_CHECK(!bad);
    hrmdir();
}

/* A gzip member of `n` bytes of `c`, written `times` times (a
 * multi-member gzip file that decompresses to n * times bytes). */
static void put_gz_bomb(const char *name, char c, size_t n, int times)
{
    char *raw = malloc(n);
    uLong cap = compressBound(n) + 64;
    unsigned char *z = malloc(cap);
    if (!raw || !z) {
        free(raw);
        free(z);
        return;
    }
    memset(raw, c, n);
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    size_t zn = 0;
    if (deflateInit2(&zs, 9, Z_DEFLATED, 16 + 15, 9, Z_DEFAULT_STRATEGY) ==
        Z_OK) {
        zs.next_in = (Bytef *)raw;
        zs.avail_in = (uInt)n;
        zs.next_out = z;
        zs.avail_out = (uInt)cap;
        if (deflate(&zs, Z_FINISH) == Z_STREAM_END)
            zn = cap - zs.avail_out;
        deflateEnd(&zs);
    }
    FILE *f = fopen(hpath(name), "wb");
    if (f) {
        for (int i = 0; i < times && zn; i++)
            fwrite(z, 1, zn, f);
        fclose(f);
    }
    free(raw);
    free(z);
}

T_TEST(hostile_source_gzip)
{
    T_CHECK(hmkdir());
    /* a truncated gzip of good JSON lines */
    sb b = {0};
    for (int i = 0; i < 3000; i++) {
        char line[160];
        snprintf(line, sizeof line,
                 "{\"id\":\"n%d\",\"text\":\"Line %d: the council met and "
                 "agreed a budget for the harbour %d.\"}\n",
                 i, i, i * 7919);
        sb_puts(&b, line);
    }
    gzFile g = gzopen(hpath("cut.jsonl.gz"), "wb");
    if (g) {
        gzwrite(g, b.d, (unsigned)b.n);
        gzclose(g);
    }
    sb_free(&b);
    struct stat st;
    char cut[512];
    snprintf(cut, sizeof cut, "%s", hpath("cut.jsonl.gz"));
    if (stat(cut, &st) == 0)
        T_CHECK(truncate(cut, st.st_size / 2) == 0);
    /* bombs: 100 MB of zeros, 100 MB of 'a' (as text and as JSON lines) */
    put_gz_bomb("zeros.txt.gz", 0, 1u << 20, 100);
    put_gz_bomb("a.txt.gz", 'a', 1u << 20, 100);
    put_gz_bomb("a.jsonl.gz", 'a', 1u << 20, 100);
    hput("good.txt", prose, strlen(prose));
    char zeros[512], atxt[512], ajsonl[512], good[512];
    snprintf(zeros, sizeof zeros, "%s", hpath("zeros.txt.gz"));
    snprintf(atxt, sizeof atxt, "%s", hpath("a.txt.gz"));
    snprintf(ajsonl, sizeof ajsonl, "%s", hpath("a.jsonl.gz"));
    snprintf(good, sizeof good, "%s", hpath("good.txt"));
    const char *paths[] = {cut, zeros, atxt, ajsonl, good};
    item it[4096];
    size_t n = drain(t_failed, paths, ARRAY_LEN(paths), NULL, it, 4096);
    T_CHECK(n >= 5 && n < 4096);
    if (n < 5 || n >= 4096) {
        hrmdir();
        return;
    }
    size_t oks = 0, i = 0;
    while (i < n && it[i].st == CHR_OK)
        oks++, i++;
    /* the cut shows as an error naming the file; nothing more from it but
       perhaps the partial last line */
    int io = 0;
    for (; i < n && (it[i].st == CHR_OK ||
                     strncmp(it[i].where, cut, strlen(cut)) == 0); i++) {
        if (it[i].st == CHR_IO) {
            io = 1;
            T_CHECK(names(it[i].where, cut, ""));
            T_CHECK(strstr(it[i].msg, "truncated") != NULL);
            T_CHECK(strstr(it[i].msg, "<fd:") == NULL);
        }
        oks += it[i].st == CHR_OK;
    }
    T_CHECK(io);
    T_CHECK(oks > 100 && oks < 3000);
    T_CHECK(i + 4 == n);
    if (i + 4 == n) {
        T_EQ_INT(it[i].st, CHR_BINARY);
        T_CHECK(names(it[i].where, zeros, ""));
        T_EQ_INT(it[i + 1].st, CHR_TOOBIG);
        T_CHECK(names(it[i + 1].where, atxt, ""));
        T_EQ_INT(it[i + 2].st, CHR_TOOBIG);
        T_CHECK(names(it[i + 2].where, ajsonl, ":1"));
        T_EQ_INT(it[i + 3].st, CHR_OK);
        T_EQ_STR(it[i + 3].id, "good");
    } else {
        dump(it + (n > 8 ? n - 8 : 0), n > 8 ? 8 : n);
    }
    hrmdir();
}

T_TEST(hostile_source_special_files)
{
    T_CHECK(hmkdir());
    alarm(60); /* a FIFO opened by mistake would block forever */
    hput("a-good.txt", prose, strlen(prose));
    T_CHECK(symlink(hpath("nowhere"), hpath("b-dangling.txt")) == 0);
    T_CHECK(mkfifo(hpath("c-fifo.txt"), 0600) == 0);
    hput("d-empty.txt", "", 0);
    T_CHECK(symlink(".", hpath("e-loop")) == 0);
    hput("f-binary.txt", "\0\1\2\3binary\0\0", 12);
    hput("g-good.html", "<p>The harbour budget was agreed.</p>", 37);
    T_CHECK(mkdir(hpath("h-sub"), 0700) == 0);
    T_CHECK(symlink("..", hpath("h-sub/up")) == 0);
    const char *paths[] = {hdir};
    item it[16];
    size_t n = drain(t_failed, paths, 1, NULL, it, 16);
    T_EQ_INT(n, 5);
    if (n == 5) {
        T_EQ_INT(it[0].st, CHR_OK);
        T_EQ_STR(it[0].id, "a-good");
        T_EQ_INT(it[1].st, CHR_IO);
        T_CHECK(strstr(it[1].where, "b-dangling.txt") != NULL);
        T_EQ_INT(it[2].st, CHR_EMPTY);
        T_CHECK(strstr(it[2].where, "d-empty.txt") != NULL);
        T_EQ_INT(it[3].st, CHR_BINARY);
        T_CHECK(strstr(it[3].where, "f-binary.txt") != NULL);
        T_EQ_INT(it[4].st, CHR_OK);
        T_EQ_STR(it[4].id, "g-good");
    } else {
        dump(it, n < 16 ? n : 16);
    }
    alarm(0);
    unlink(hpath("h-sub/up"));
    hrmdir();
}

/* A valid two-record WARC, cut at random points and with random bytes
 * changed, plain and gzip; and a response whose gzip Content-Encoding
 * inflates to 64 MB. Every run must end, and every error name the file. */
T_TEST(hostile_source_warc_mutations)
{
    T_CHECK(hmkdir());
    static const char page[] =
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        "Transfer-Encoding: chunked\r\n\r\n"
        "40\r\n<html><body><p>The council met on Tuesday and agreed a new b"
        "\r\n1c\r\nudget for the harbour.</p>\r\n0\r\n\r\n";
    char clen[32];
    snprintf(clen, sizeof clen, "%zu", strlen(page));
    sb w = {0};
    warc_record(&w, "warcinfo", "4", "info");
    warc_record(&w, "response", clen, page);
    warc_record(&w, "response", clen, page);
    rng r = {424242};
    char path[512];
    item it[64];
    for (int i = 0; i < 120; i++) {
        sb m = {0};
        sb_add(&m, w.d, w.n);
        if (i % 2 == 0) {
            m.n = rnd_below(&r, w.n);
        } else {
            for (int k = 0; k < 1 + i % 5; k++)
                m.d[rnd_below(&r, m.n)] = (char)rnd(&r);
        }
        int gz = i % 3 == 0;
        snprintf(path, sizeof path, "%s", hpath(gz ? "m.warc.gz" : "m.warc"));
        if (gz) {
            gzFile g = gzopen(path, "wb");
            if (g) {
                if (m.n)
                    gzwrite(g, m.d, (unsigned)m.n);
                gzclose(g);
            }
        } else {
            hput("m.warc", m.d, m.n);
        }
        sb_free(&m);
        const char *paths[] = {path};
        size_t n = drain(t_failed, paths, 1, NULL, it, 64);
        T_CHECK(n <= 8);
        for (size_t k = 0; k < n && k < 64; k++)
            if (it[k].st != CHR_OK)
                T_CHECK(strncmp(it[k].where, path, strlen(path)) == 0);
        unlink(path);
    }
    sb_free(&w);

    /* Content-Encoding: gzip that inflates to 64 MB of spaces */
    size_t big = 64u << 20;
    char *raw = malloc(big);
    uLong zcap = compressBound(big);
    unsigned char *z = malloc(zcap);
    T_CHECK(raw && z);
    if (raw && z) {
        memset(raw, ' ', big);
        z_stream zs;
        memset(&zs, 0, sizeof zs);
        size_t zn = 0;
        if (deflateInit2(&zs, 9, Z_DEFLATED, 16 + 15, 9,
                         Z_DEFAULT_STRATEGY) == Z_OK) {
            zs.next_in = (Bytef *)raw;
            zs.avail_in = (uInt)big;
            zs.next_out = z;
            zs.avail_out = (uInt)zcap;
            if (deflate(&zs, Z_FINISH) == Z_STREAM_END)
                zn = zcap - zs.avail_out;
            deflateEnd(&zs);
        }
        sb rec = {0};
        sb_puts(&rec, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                      "Content-Encoding: gzip\r\n\r\n");
        sb_add(&rec, z, zn);
        char len[32];
        snprintf(len, sizeof len, "%zu", rec.n);
        sb f = {0};
        char head[256];
        snprintf(head, sizeof head,
                 "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: "
                 "%s\r\n\r\n", len);
        sb_puts(&f, head);
        sb_add(&f, rec.d, rec.n);
        sb_puts(&f, "\r\n\r\n");
        warc_record(&f, "response", clen, page);
        hput("bomb.warc", f.d, f.n);
        snprintf(path, sizeof path, "%s", hpath("bomb.warc"));
        const char *paths[] = {path};
        size_t n = drain(t_failed, paths, 1, NULL, it, 64);
        T_EQ_INT(n, 2);
        if (n == 2) {
            T_EQ_INT(it[0].st, CHR_TOOBIG);
            T_CHECK(names(it[0].where, path, "#1"));
            T_EQ_INT(it[1].st, CHR_OK);
        } else {
            dump(it, n < 64 ? n : 64);
        }
        sb_free(&rec);
        sb_free(&f);
    }
    free(raw);
    free(z);
    hrmdir();
}
