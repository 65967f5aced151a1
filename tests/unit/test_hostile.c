/* test_hostile.c — hostile input from memory: deterministic pseudo-random
 * and crafted inputs (random bytes, token soup, broken UTF-8, huge lines,
 * deep nesting, unclosed constructs, huge attributes, exotic charsets, NUL
 * bytes, floods, JSON-LD) through chr_input_from_memory + chr_analyze +
 * chr_doc_to_json, as text and as HTML. The standard: nothing crashes
 * whatever the bytes; every call returns a known status; on OK the JSON is
 * one line of valid UTF-8 that jansson accepts; errors name the input.
 * Files through chr_source are in test_hostile_source.c. Sizes keep the
 * two files to a few seconds at -O2 and well under a minute under ASan. */
#include "hostile.h"

#include <time.h>

/* ---- random inputs --------------------------------------------------- */

T_TEST(hostile_random_bytes)
{
    rng r = {0x9E3779B97F4A7C15ULL};
    char buf[4096];
    for (int i = 0; i < 120; i++) {
        size_t n = rnd_below(&r, sizeof buf);
        for (size_t k = 0; k < n; k++)
            buf[k] = (char)rnd(&r);
        /* half the cases without NUL so they get past the binary check */
        if (i & 1)
            for (size_t k = 0; k < n; k++)
                if (!buf[k])
                    buf[k] = (char)0x80;
        char what[32];
        snprintf(what, sizeof what, "bytes%d", i);
        run_both(t_failed, what, buf, n);
    }
}

T_TEST(hostile_random_printable)
{
    rng r = {12345};
    char buf[8192];
    for (int i = 0; i < 80; i++) {
        size_t n = rnd_below(&r, sizeof buf);
        for (size_t k = 0; k < n; k++) {
            uint64_t x = rnd(&r);
            buf[k] = x % 23 == 0 ? '\n' : x % 11 == 0 ? ' ' : (char)(32 + x % 95);
        }
        char what[32];
        snprintf(what, sizeof what, "ascii%d", i);
        run_both(t_failed, what, buf, n);
    }
}

/* Token soup: markup pieces, entities, words and byte oddities. */
static const char *const soup[] = {
    "<p>", "</p>", "<div class=\"story body\">", "</div>", "<br>", "<br/>",
    "<!--", "-->", "<script>", "</script>", "<style>", "<![CDATA[", "]]>",
    "<article>", "</article>", "<nav>", "<h1>", "</h1>", "<a href=x>",
    "</a>", "<li>", "<table><tr><td>", "&amp;", "&#0;", "&#x110000;",
    "&#xD800;", "&#99999999999;", "&nosuch;", "&", "<", ">", "\"", "'",
    "=", "<meta charset=\"x-unknown\">", "<meta name=author content=\"",
    "<time datetime=\"2024-02-30\">", "<title>", "</title>", "<html lang=",
    "<script type=\"application/ld+json\">{\"headline\":", "[", "{", "}",
    "\xC0\x80", "\xE0\x80\x80", "\xF0\x80\x80\x80", "\xED\xA0\x80",
    "\xED\xBF\xBF", "\xF4\x90\x80\x80", "\xEF\xBF\xBD", "\xEF\xBB\xBF",
    "\xE2\x80\x8B", "\xC2\xA0", "\xCC\x81", "\xE2\x80\xA8", "\xFE\xFF",
    "\xFF", "\x80", "\xC3", "\xE2\x82", "\xF0\x9F\x98", "\xF0\x9F\x98\x80",
    "\xC3\xA9", "\xE4\xB8\xAD", "\x01", "\x1B", "\x7F", "\r", "\r\n", "\n",
    "\n\n", "\t", " ", "word", "Minister", "said.", "Paris", "(AFP)",
    "LONDON, July 3 (Reuters) -", "By Jane Doe", "Copyright 2024",
    "Related:", "Share", prose,
};

T_TEST(hostile_token_soup)
{
    rng r = {0xDEADBEEFCAFEULL};
    sb b = {0};
    for (int i = 0; i < 150; i++) {
        sb_clear(&b);
        size_t toks = 1 + rnd_below(&r, 600);
        for (size_t k = 0; k < toks; k++)
            sb_puts(&b, soup[rnd_below(&r, ARRAY_LEN(soup))]);
        char what[32];
        snprintf(what, sizeof what, "soup%d", i);
        run_both(t_failed, what, b.d, b.n);
    }
    sb_free(&b);
}

/* UTF-8 fragments between words, so some inputs become documents. */
T_TEST(hostile_utf8_fragments)
{
    static const char *const frag[] = {
        "\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xE0\x9F\xBF",
        "\xF0\x80\x80\x80", "\xF0\x8F\xBF\xBF", "\xED\xA0\x80",
        "\xED\xAF\xBF\xED\xB0\x80", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80",
        "\xF8\x88\x80\x80\x80", "\xFC\x84\x80\x80\x80\x80", "\xEF\xBF\xBD",
        "\xEF\xBF\xBE", "\xEF\xBF\xBF", "\xEF\xBB\xBF", "\xC3", "\xE2\x82",
        "\xF0\x9F\x98", "\x80", "\xBF", "\x9D", "\x81", "\xC2\x80",
        "\xC2\x9F", "\xCC\x81\xCC\x81\xCC\x81", "e\xCC\x81", "\xE2\x80\xAE",
        "\xE2\x80\x8D", "\xE2\x81\xA0", "\xC2\xAD", "\xE3\x80\x80",
        "\xF3\xA0\x80\x81", "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7",
    };
    rng r = {777};
    sb b = {0};
    for (int i = 0; i < 120; i++) {
        sb_clear(&b);
        size_t toks = 1 + rnd_below(&r, 400);
        for (size_t k = 0; k < toks; k++) {
            uint64_t x = rnd(&r);
            if (x % 3 == 0)
                sb_puts(&b, frag[rnd_below(&r, ARRAY_LEN(frag))]);
            else if (x % 3 == 1)
                sb_puts(&b, x % 7 == 0 ? ".\n\n" : " word");
            else
                sb_puts(&b, prose);
        }
        char what[32];
        snprintf(what, sizeof what, "utf8-%d", i);
        run_both(t_failed, what, b.d, b.n);
        /* the same inside a page */
        sb h = {0};
        sb_puts(&h, "<html><body><article><p>");
        sb_add(&h, b.d, b.n);
        sb_puts(&h, "</p></article></body></html>");
        snprintf(what, sizeof what, "utf8-page%d", i);
        run_one(t_failed, CHR_FORMAT_HTML, what, h.d, h.n, NULL);
        sb_free(&h);
    }
    sb_free(&b);
}

/* ---- sizes and shapes ------------------------------------------------ */

T_TEST(hostile_huge_line)
{
    sb b = {0};
    while (b.n < (2u << 20))
        sb_puts(&b, "word another thing, ");
    run_both(t_failed, "hugeline", b.d, b.n);
    /* one 2 MiB word, no space at all */
    sb_clear(&b);
    sb_fill(&b, 'x', 2u << 20);
    run_both(t_failed, "hugeword", b.d, b.n);
    /* the same as one paragraph of a page */
    sb_clear(&b);
    sb_puts(&b, "<p>");
    while (b.n < (2u << 20))
        sb_puts(&b, prose);
    sb_puts(&b, "</p>");
    outcome o = run_one(t_failed, CHR_FORMAT_HTML, "hugepara", b.d, b.n, NULL);
    T_EQ_INT(o.st, CHR_OK);
    sb_free(&b);
}

T_TEST(hostile_many_lines)
{
    sb b = {0};
    sb_rep(&b, "a\n", 100000);
    run_both(t_failed, "tinylines", b.d, b.n);
    sb_clear(&b);
    sb_rep(&b, "\n", 100000);
    sb_puts(&b, prose);
    run_both(t_failed, "blanklines", b.d, b.n);
    sb_clear(&b);
    for (int i = 0; i < 100000; i++) {
        char line[48];
        snprintf(line, sizeof line, "Line %d is here.\n", i);
        sb_puts(&b, line);
    }
    outcome o = run_one(t_failed, CHR_FORMAT_TEXT, "numberedlines", b.d, b.n,
                        NULL);
    T_EQ_INT(o.st, CHR_OK);
    sb_free(&b);
}

T_TEST(hostile_deep_nesting)
{
    static const char *const open[] = {"<div>", "<b>", "<p>", "<li>",
                                       "<span class=a>", "<article>",
                                       "<table><tr><td>", "<a href=x>"};
    sb b = {0};
    for (size_t t = 0; t < ARRAY_LEN(open); t++) {
        sb_clear(&b);
        size_t depth = t < 2 ? 200000 : 20000;
        sb_puts(&b, "<html><body>");
        sb_rep(&b, open[t], depth);
        sb_puts(&b, prose);
        sb_puts(&b, prose);
        char what[32];
        snprintf(what, sizeof what, "deep%zu", t);
        run_one(t_failed, CHR_FORMAT_HTML, what, b.d, b.n, NULL);
    }
    sb_free(&b);
}

/* Metadata elements whose content libxml2 collects from the whole subtree:
 * nested deeply, each would re-read its subtree. */
T_TEST(hostile_nested_metadata_elements)
{
    static const char *const open[] = {
        "<span itemprop=\"datePublished\">", "<a rel=\"author\" href=x>",
        "<div itemprop=\"datePublished\">",
    };
    sb b = {0};
    for (size_t t = 0; t < ARRAY_LEN(open); t++) {
        sb_clear(&b);
        sb_puts(&b, "<html><body><p>");
        sb_puts(&b, prose);
        sb_puts(&b, "</p>");
        sb_rep(&b, open[t], 20000);
        sb_fill(&b, 'w', 100000);
        char what[32];
        snprintf(what, sizeof what, "deepmeta%zu", t);
        run_one(t_failed, CHR_FORMAT_HTML, what, b.d, b.n, NULL);
    }
    /* many sibling metadata elements, each with a large text */
    sb_clear(&b);
    sb_puts(&b, "<html><body><p>");
    sb_puts(&b, prose);
    sb_puts(&b, "</p>");
    for (int i = 0; i < 2000; i++) {
        sb_puts(&b, "<span itemprop=\"datePublished\">");
        sb_fill(&b, 'd', 1000);
        sb_puts(&b, "</span><a rel=author>");
        sb_fill(&b, 'n', 1000);
        sb_puts(&b, "</a><title>");
        sb_fill(&b, ' ', 1000);
        sb_puts(&b, "</title>");
    }
    run_one(t_failed, CHR_FORMAT_HTML, "manymeta", b.d, b.n, NULL);
    sb_free(&b);
}

T_TEST(hostile_unclosed_constructs)
{
    static const char *const tails[] = {
        "<!-- never closed ", "<![CDATA[ never closed ", "<script>var x = '",
        "<style>p { color: red", "<title>unclosed title ", "<textarea>",
        "<p class=\"unterminated attribute value ", "<p class='x", "<",
        "</", "<!", "<!DOCTYPE", "<?xml version=\"1.0\"", "<a href=",
        "<!-- -- -- --!>", "<![endif]-->", "<noscript>", "<svg><path d=\"",
        "<template><p>", "<iframe src=", "&#", "&#x", "&amp",
    };
    sb b = {0};
    for (size_t t = 0; t < ARRAY_LEN(tails); t++) {
        for (int before = 0; before < 2; before++) {
            sb_clear(&b);
            sb_puts(&b, "<html><body>");
            if (before) {
                sb_puts(&b, "<p>");
                sb_puts(&b, prose);
                sb_puts(&b, "</p>");
            }
            sb_puts(&b, tails[t]);
            sb_rep(&b, prose, 200);
            char what[32];
            snprintf(what, sizeof what, "unclosed%zu-%d", t, before);
            run_one(t_failed, CHR_FORMAT_HTML, what, b.d, b.n, NULL);
        }
    }
    sb_free(&b);
}

T_TEST(hostile_huge_attributes)
{
    static const char *const pre[] = {
        "<p class=\"", "<div id=\"", "<meta name=\"author\" content=\"",
        "<meta property=\"og:title\" content=\"", "<link rel=canonical href=\"",
        "<html lang=\"", "<time datetime=\"", "<div style=\"",
        "<p hidden=\"", "<div role=\"", "<div itemprop=\"",
        "<meta name=\"date\" content=\"",
    };
    sb b = {0};
    for (size_t t = 0; t < ARRAY_LEN(pre); t++) {
        sb_clear(&b);
        sb_puts(&b, "<html><head>");
        sb_puts(&b, pre[t]);
        sb_fill(&b, t & 1 ? ' ' : 'v', 1u << 20);
        sb_puts(&b, "\">text</p></head><body><article><p>");
        sb_puts(&b, prose);
        sb_puts(&b, "</p></article></body></html>");
        char what[32];
        snprintf(what, sizeof what, "attr%zu", t);
        run_one(t_failed, CHR_FORMAT_HTML, what, b.d, b.n, NULL);
    }
    sb_free(&b);
}

T_TEST(hostile_charsets)
{
    static const char *const cs[] = {
        "UTF-16", "utf-16le", "UTF-16BE", "UTF-32", "x-unknown", "EBCDIC",
        "EBCDIC-US", "IBM037", "UTF-7", "ISO-2022-JP", "SHIFT_JIS", "GB18030",
        "BIG5", "KOI8-R", "x-user-defined", "", "\"", "utf-8", "UTF8",
        "ISO-8859-8-I", "windows-874", "CP1258", "TCVN", "ARMSCII-8",
        "UCS-4", "UTF-32BE", "a:b", "..", "-", "_",
    };
    sb b = {0};
    for (size_t t = 0; t < ARRAY_LEN(cs); t++) {
        for (int kind = 0; kind < 3; kind++) {
            sb_clear(&b);
            if (kind == 2)
                sb_puts(&b, "<?xml version=\"1.0\" encoding=\"");
            else
                sb_puts(&b, "<html><head><meta charset=\"");
            sb_puts(&b, cs[t]);
            sb_puts(&b, kind == 2 ? "\"?><html><body><p>"
                                  : "\"></head><body><p>");
            sb_rep(&b, prose, 20);
            /* invalid UTF-8 so the declared charset is used */
            sb_puts(&b, "caf\xE9 \xFF\xFE\x80\x9D \x1B$B\x30\x21");
            if (kind == 1)
                sb_rep(&b, "\xA4\xA2\xA4\xA4", 500);
            sb_puts(&b, "</p></body></html>");
            if (b.n & 1 && kind == 1)
                sb_puts(&b, "\xD8"); /* odd length for the 16-bit ones */
            char what[32];
            snprintf(what, sizeof what, "charset%zu-%d", t, kind);
            run_one(t_failed, CHR_FORMAT_HTML, what, b.d, b.n, NULL);
        }
    }
    /* UTF-16 with a BOM, odd length, lone surrogates */
    sb_clear(&b);
    sb_add(&b, "\xFF\xFE", 2);
    for (int i = 0; i < 3000; i++)
        sb_add(&b, i % 97 == 0 ? "\x00\xD8" : "a\x00", 2);
    sb_add(&b, "<", 1);
    run_one(t_failed, CHR_FORMAT_HTML, "utf16bom", b.d, b.n, NULL);
    sb_free(&b);
}

T_TEST(hostile_nul_bytes)
{
    sb b = {0};
    /* NUL early: refused as binary */
    sb_puts(&b, "<html><body><p>");
    sb_add(&b, "a\0b", 3);
    sb_puts(&b, prose);
    outcome o = run_one(t_failed, CHR_FORMAT_HTML, "nul-early", b.d, b.n, NULL);
    T_EQ_INT(o.st, CHR_BINARY);
    o = run_one(t_failed, CHR_FORMAT_TEXT, "nul-early-text", b.d, b.n, NULL);
    T_EQ_INT(o.st, CHR_BINARY);
    /* NULs after the 64 KiB the binary check looks at */
    sb_clear(&b);
    sb_puts(&b, "<html><body><article>");
    while (b.n < 70000) {
        sb_puts(&b, "<p>");
        sb_puts(&b, prose);
        sb_puts(&b, "</p>");
    }
    for (int i = 0; i < 200; i++) {
        sb_puts(&b, "<p>x");
        sb_add(&b, "\0\0", 2);
        sb_puts(&b, prose);
        sb_add(&b, "\0", 1);
        sb_puts(&b, "</p><div class=\"a\0b\">q</div>");
    }
    sb_puts(&b, "</article></body></html>");
    o = run_one(t_failed, CHR_FORMAT_HTML, "nul-late", b.d, b.n, NULL);
    T_EQ_INT(o.st, CHR_OK);
    o = run_one(t_failed, CHR_FORMAT_TEXT, "nul-late-text", b.d, b.n, NULL);
    T_EQ_INT(o.st, CHR_OK);
    sb_free(&b);
}

T_TEST(hostile_floods)
{
    static const struct {
        const char *name, *unit;
        size_t times;
    } floods[] = {
        {"br", "<br>", 200000},
        {"brtext", "word<br>", 100000},
        {"brbr", "w<br><br>", 60000},
        {"amp", "&amp;", 200000},
        {"numeric", "&#233;&#x1F600;", 80000},
        {"badnumeric", "&#0;&#xD800;&#x110000;&#99999999999999;", 20000},
        {"unknownent", "&nosuchentity;", 60000},
        {"nbsp", "&nbsp;", 200000},
        {"emptyp", "<p></p>", 100000},
        {"comments", "<!-- c -->", 100000},
        {"hr", "<hr>", 100000},
        {"ldjson", "<script type=\"application/ld+json\">{\"headline\":"
                   "\"x\"}</script>", 5000},
        {"meta", "<meta name=author content=\"By X\">", 50000},
    };
    sb b = {0};
    for (size_t t = 0; t < ARRAY_LEN(floods); t++) {
        sb_clear(&b);
        sb_puts(&b, "<html><body><p>");
        sb_puts(&b, prose);
        sb_puts(&b, "</p>");
        sb_rep(&b, floods[t].unit, floods[t].times);
        char what[32];
        snprintf(what, sizeof what, "flood-%s", floods[t].name);
        outcome o = run_one(t_failed, CHR_FORMAT_HTML, what, b.d, b.n, NULL);
        T_EQ_INT(o.st, CHR_OK);
    }
    sb_free(&b);
}

T_TEST(hostile_json_ld)
{
    static const char *const bodies[] = {
        "{", "}", "[", "{\"@graph\":", "{\"datePublished\":2024}",
        "{\"author\":{\"name\":[1,2,3]}}", "{\"publisher\":[[[[]]]]}",
        "{\"headline\":\"\\ud800\"}", "{\"headline\":\"\\u0000x\"}",
        "{\"@graph\":[{\"@graph\":[{\"@graph\":[{\"@graph\":[{\"@graph\":"
        "[{\"@graph\":[{\"@graph\":[{\"headline\":\"deep\"}]}]}]}]}]}]}]}",
        "\xFF\xFE{}", "null", "\"string\"", "1e99999", "[1,2,",
        "{\"mainEntity\":{\"mainEntity\":{\"mainEntity\":{}}}}",
        "{\"author\":\"http://x\",\"datePublished\":\"2024-13-45\"}",
    };
    sb b = {0};
    for (size_t t = 0; t < ARRAY_LEN(bodies) + 4; t++) {
        sb_clear(&b);
        sb_puts(&b, "<html><head><script type=\"application/ld+json\">");
        if (t < ARRAY_LEN(bodies)) {
            sb_puts(&b, bodies[t]);
        } else if (t == ARRAY_LEN(bodies)) {
            sb_fill(&b, '[', 1000000); /* 1 MB of [[[[ */
        } else if (t == ARRAY_LEN(bodies) + 1) {
            sb_rep(&b, "{\"a\":", 200000);
        } else if (t == ARRAY_LEN(bodies) + 2) {
            sb_fill(&b, '[', 1000);
            sb_fill(&b, ']', 1000);
        } else {
            sb_puts(&b, "[");
            sb_rep(&b, "{\"headline\":\"h\",\"author\":{\"name\":\"n\"}},",
                   30000);
            sb_puts(&b, "{}]");
        }
        sb_puts(&b, "</script></head><body><p>");
        sb_puts(&b, prose);
        sb_puts(&b, "</p></body></html>");
        char what[32];
        snprintf(what, sizeof what, "ldjson%zu", t);
        outcome o = run_one(t_failed, CHR_FORMAT_HTML, what, b.d, b.n, NULL);
        T_EQ_INT(o.st, CHR_OK);
    }
    sb_free(&b);
}

T_TEST(hostile_limits_and_edges)
{
    chr_config cfg;
    chr_config_init(&cfg);
    cfg.max_doc_bytes = 1000;
    sb b = {0};
    sb_rep(&b, prose, 40);
    outcome o = run_one(t_failed, CHR_FORMAT_TEXT, "toobig", b.d, b.n, &cfg);
    T_EQ_INT(o.st, CHR_TOOBIG);
    o = run_one(t_failed, CHR_FORMAT_HTML, "toobig-html", b.d, b.n, &cfg);
    T_EQ_INT(o.st, CHR_TOOBIG);
    o = run_one(t_failed, CHR_FORMAT_TEXT, "empty", "", 0, NULL);
    T_EQ_INT(o.st, CHR_EMPTY);
    o = run_one(t_failed, CHR_FORMAT_HTML, "empty-html", "", 0, NULL);
    T_EQ_INT(o.st, CHR_EMPTY);
    static const char *const tiny[] = {
        " ", "\n", "<", ">", "<html>", "<!---->", "<p></p>", "\xEF\xBB\xBF",
        "&", "\r", "\xC2\xA0", "<br>", "<script></script>", "x",
        "   \n\t  ", "<?xml?>", "<![CDATA[]]>",
    };
    for (size_t t = 0; t < ARRAY_LEN(tiny); t++) {
        char what[32];
        snprintf(what, sizeof what, "tiny%zu", t);
        run_both(t_failed, what, tiny[t], strlen(tiny[t]));
    }
    sb_free(&b);
}

/* ---- regressions for bugs found by this file ------------------------- */

/* htmlmeta.c read the whole subtree of every <span itemprop=datePublished>,
 * <a rel=author>, <title> with xmlNodeGetContent(): nested 30000 deep over
 * 100 KB of text that was quadratic (4.7 s at -O2, 3 GB copied; now
 * 0.05 s). */
T_TEST(hostile_regress_nested_meta_linear)
{
    sb b = {0};
    sb_puts(&b, "<html><body><p>");
    sb_puts(&b, prose);
    sb_puts(&b, "</p>");
    sb_rep(&b, "<span itemprop=\"datePublished\">", 30000);
    sb_fill(&b, 'w', 100000);
    clock_t t0 = clock();
    run_one(t_failed, CHR_FORMAT_HTML, "regress-deepmeta", b.d, b.n, NULL);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    if (secs >= 2.0)
        fprintf(stderr, "  nested metadata took %.1f s\n", secs);
    T_CHECK(secs < 2.0);
    sb_free(&b);
    /* the bounded reader still finds metadata spread over child elements */
    static const char page[] =
        "<html><head><title>  The <b>harbour</b>\n budget  </title></head>"
        "<body><span itemprop=\"datePublished\"><b>July</b> <i>3</i>, "
        "2024</span><a rel=\"author\" href=\"/x\"><span>By Jane "
        "Doe</span></a><p>The council met on Tuesday and agreed a new "
        "budget for the harbour after a long debate.</p></body></html>";
    chr_input *in = NULL;
    T_EQ_INT(chr_input_from_memory(&in, CHR_FORMAT_HTML, "m", "m", page,
                                   strlen(page)),
             CHR_OK);
    chr_doc *doc = NULL;
    T_EQ_INT(chr_analyze(in, NULL, &doc, NULL), CHR_OK);
    if (doc) {
        T_EQ_STR(doc->title, "The harbour budget");
        T_EQ_STR(doc->published, "2024-07-03");
        T_EQ_STR(doc->byline, "Jane Doe");
    }
    chr_doc_free(doc);
    chr_input_free(in);
}

/* charset.c passed iconv's output on unchecked: glibc's UCS-4 decoder
 * turns values above U+10FFFF into 5- and 6-byte sequences, which reached
 * the body and the JSON (jansson refused it). */
T_TEST(hostile_regress_iconv_invalid_utf8)
{
    sb b = {0};
    sb_puts(&b, "<meta charset=\"UCS-4\"><p>");
    sb_rep(&b, prose, 4);
    sb_add(&b, "\x7F\xFF\xFF\xFF", 4); /* invalid UTF-8: convert */
    outcome o = run_one(t_failed, CHR_FORMAT_HTML, "regress-ucs4", b.d, b.n,
                        NULL);
    T_EQ_INT(o.st, CHR_OK);
    T_CHECK(o.ok_json);
    sb_free(&b);
}

/* stream.c passed zlib's "<fd:3>: unexpected end of file" through; the
 * message now says the data is truncated (the test above checks it). */
