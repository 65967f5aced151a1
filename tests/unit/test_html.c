/* test_html.c — chr__html_parse: blocks, hints and flags, metadata from
 * meta tags and JSON-LD, encodings, hostile nesting. */
#include "t.h"

#include "read/read.h"

#include <stdlib.h>

static chr__html parse(chr__arena *a, const char *html)
{
    chr__html h;
    chr_error err;
    chr_error_clear(&err);
    chr_status s = chr__html_parse(html, strlen(html), a, &h, &err);
    if (s != CHR_OK)
        fprintf(stderr, "  parse failed: %s\n", err.msg);
    return h;
}

/* The first block whose text starts with `prefix`, or NULL. */
static const chr__block *find(const chr__html *h, const char *prefix)
{
    for (size_t i = 0; i < h->n_blocks; i++)
        if (strncmp(h->blocks[i].text, prefix, strlen(prefix)) == 0)
            return &h->blocks[i];
    return NULL;
}

T_TEST(html_blocks_text_and_tags)
{
    chr__arena *a = chr__arena_new(0);
    chr__html h = parse(
        a, "<!doctype html><html><head><title>T</title>"
           "<style>p{color:red}</style><script>var x='<p>no</p>';</script>"
           "</head><body>\n"
           "<h1>  Big   news\n today </h1>"
           "<p>First <b>para</b>graph with a <a href='/x'>link here</a>.</p>"
           "<!-- a comment -->"
           "<div>Loose text in a div<p>Inner para</p>tail text</div>"
           "<ul><li>One</li><li>Two&nbsp;items</li></ul>"
           "<p>Line one<br>line two</p>"
           "<div>Old style<br><br>second para</div>"
           "<noscript>enable js</noscript><template>tpl</template>"
           "<svg><text>svg text</text></svg>"
           "<table><tr><td>Cell A</td><th>Head B</th></tr></table>"
           "<blockquote>Quoted words</blockquote><pre>code   block</pre>"
           "<span style='display: none'>hidden span</span>"
           "</body></html>");
    T_EQ_STR(h.blocks[0].text, "Big news today");
    T_EQ_STR(h.blocks[0].tag, "h1");
    const chr__block *b = find(&h, "First");
    T_CHECK(b != NULL);
    if (b) {
        T_EQ_STR(b->text, "First paragraph with a link here.");
        T_EQ_STR(b->tag, "p");
        T_EQ_INT(b->link_chars, strlen("link here"));
    }
    b = find(&h, "Loose");
    T_CHECK(b && strcmp(b->text, "Loose text in a div") == 0 &&
            strcmp(b->tag, "div") == 0);
    T_CHECK(find(&h, "Inner para") != NULL);
    b = find(&h, "tail");
    T_CHECK(b && strcmp(b->tag, "div") == 0);
    T_CHECK(find(&h, "One") && strcmp(find(&h, "One")->tag, "li") == 0);
    T_CHECK(find(&h, "Two items") != NULL);
    T_CHECK(find(&h, "Line one line two") != NULL);
    T_CHECK(find(&h, "Old style") &&
            strcmp(find(&h, "Old style")->text, "Old style") == 0);
    T_CHECK(find(&h, "second para") != NULL);
    T_CHECK(find(&h, "Cell A") && strcmp(find(&h, "Cell A")->tag, "td") == 0);
    T_CHECK(find(&h, "Head B") && strcmp(find(&h, "Head B")->tag, "th") == 0);
    T_CHECK(find(&h, "Quoted words") != NULL);
    T_CHECK(find(&h, "code block") != NULL);
    for (size_t i = 0; i < h.n_blocks; i++) {
        const char *t = h.blocks[i].text;
        T_CHECK(!strstr(t, "color") && !strstr(t, "var x") &&
                !strstr(t, "comment") && !strstr(t, "enable js") &&
                !strstr(t, "tpl") && !strstr(t, "svg text") &&
                !strstr(t, "hidden span") && strcmp(t, "T") != 0);
        T_EQ_INT(strlen(t), h.blocks[i].len);
        T_CHECK(t[0] != ' ' && t[h.blocks[i].len - 1] != ' ');
    }
    chr__arena_free(a);
}

T_TEST(html_hints_and_flags)
{
    chr__arena *a = chr__arena_new(0);
    chr__html h = parse(
        a, "<html><body><nav class='Top-Menu'><ul><li>Home</li></ul></nav>"
           "<article id='Story'><div class='body text'><p class='lead'>Main "
           "story</p></div><figure><figcaption>A photo</figcaption></figure>"
           "</article><div itemprop='articleBody'><p>Body two</p></div>"
           "<footer><p>Copyright</p></footer>"
           "<div role='navigation'><p>Menu</p></div></body></html>");
    const chr__block *b = find(&h, "Home");
    T_CHECK(b && b->in_boiler && !b->in_article);
    if (b)
        T_EQ_STR(b->hints, "top-menu");
    b = find(&h, "Main story");
    T_CHECK(b && b->in_article && !b->in_boiler);
    if (b)
        T_EQ_STR(b->hints, "lead body text story");
    b = find(&h, "A photo");
    T_CHECK(b && b->in_article && b->in_boiler);
    if (b)
        T_EQ_STR(b->tag, "figcaption");
    b = find(&h, "Body two");
    T_CHECK(b && b->in_article);
    b = find(&h, "Copyright");
    T_CHECK(b && b->in_boiler);
    b = find(&h, "Menu");
    T_CHECK(b && b->in_boiler);
    /* deeper blocks have a larger depth */
    T_CHECK(find(&h, "Main story")->depth > find(&h, "Home")->depth - 1);
    chr__arena_free(a);
}

T_TEST(html_hints_are_capped)
{
    chr__arena *a = chr__arena_new(0);
    char html[8192] = "<html><body>";
    for (int i = 0; i < 40; i++)
        strcat(html, "<div class='a-rather-long-class-name'>");
    strcat(html, "<p>deep</p></body></html>");
    chr__html h = parse(a, html);
    const chr__block *b = find(&h, "deep");
    T_CHECK(b != NULL);
    if (b)
        T_CHECK(strlen(b->hints) <= 256);
    chr__arena_free(a);
}

T_TEST(html_metadata_from_meta_tags)
{
    chr__arena *a = chr__arena_new(0);
    chr__html h = parse(
        a, "<html lang='en-GB'><head>"
           "<title>Rivers rise in the valley | The Valley Courier</title>"
           "<meta property='og:site_name' content='The Valley Courier'>"
           "<meta property='article:published_time' "
           "content='2023-11-05T08:30:00+00:00'>"
           "<meta name='author' content='By Jane Doe'>"
           "<link rel='canonical' href='https://courier.example/rivers'>"
           "<meta property='og:url' content='https://courier.example/og'>"
           "<time datetime='2020-01-01'>old</time>"
           "</head><body><h1>Rivers rise</h1><p>Text.</p></body></html>");
    T_EQ_STR(h.title, "Rivers rise in the valley");
    T_EQ_STR(h.h1, "Rivers rise");
    T_EQ_STR(h.published, "2023-11-05");
    T_EQ_STR(h.outlet, "The Valley Courier");
    T_EQ_STR(h.byline, "Jane Doe");
    T_EQ_STR(h.lang, "en");
    T_EQ_STR(h.url, "https://courier.example/rivers");
    chr__arena_free(a);

    a = chr__arena_new(0);
    h = parse(a, "<html><head><meta property='og:title' content='OG title'>"
                 "<meta name='DC.date.issued' content='March 4, 2022'>"
                 "<meta property='og:url' content='https://x.example/og'>"
                 "</head><body><p>Posted <time datetime='2021-02-03'>then"
                 "</time></p><a rel='author' href='/a'>Sam Roe</a></body>"
                 "</html>");
    T_EQ_STR(h.title, "OG title");
    T_EQ_STR(h.published, "2022-03-04");
    T_EQ_STR(h.url, "https://x.example/og");
    T_EQ_STR(h.byline, "Sam Roe");
    T_EQ_STR(h.lang, NULL);
    T_EQ_STR(h.outlet, NULL);
    chr__arena_free(a);

    /* only <time> and an h1 */
    a = chr__arena_new(0);
    h = parse(a, "<html><body><h1>Only <em>heading</em></h1>"
                 "<p><time datetime='2021-02-03T10:00Z'>Feb 3</time></p>"
                 "</body></html>");
    T_EQ_STR(h.title, "Only heading");
    T_EQ_STR(h.published, "2021-02-03");
    chr__arena_free(a);
}

T_TEST(html_metadata_from_json_ld)
{
    chr__arena *a = chr__arena_new(0);
    chr__html h = parse(
        a, "<html><head><title>Harbour works - Coast Daily</title>"
           "<script type='application/ld+json'>{\"@context\":"
           "\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\","
           "\"name\":\"Coast Daily\"},{\"@type\":\"NewsArticle\","
           "\"headline\":\"Harbour works begin\",\"datePublished\":"
           "\"2024-02-29T06:00:00Z\",\"author\":[{\"@type\":\"Person\","
           "\"name\":\"Ana Lima\"},{\"name\":\"Bo Chen\"}],\"publisher\":"
           "{\"@type\":\"Organization\",\"name\":\"Coast Daily\"}}]}"
           "</script><script type='application/ld+json'>{broken json"
           "</script></head><body><p>Body.</p></body></html>");
    T_EQ_STR(h.title, "Harbour works begin");
    T_EQ_STR(h.published, "2024-02-29");
    T_EQ_STR(h.byline, "Ana Lima");
    T_EQ_STR(h.outlet, "Coast Daily");
    chr__arena_free(a);

    a = chr__arena_new(0);
    h = parse(a, "<html><head><title>Harbour works - Coast Daily</title>"
                 "<script type=\"application/ld+json\">[{\"@type\":"
                 "\"Article\",\"author\":\"Di Fox\",\"publisher\":"
                 "\"Coast Daily\",\"datePublished\":\"2024-03-01\"}]"
                 "</script></head><body></body></html>");
    T_EQ_STR(h.title, "Harbour works"); /* site suffix removed */
    T_EQ_STR(h.byline, "Di Fox");
    T_EQ_STR(h.published, "2024-03-01");
    T_EQ_INT(h.n_blocks, 0);
    chr__arena_free(a);
}

T_TEST(html_windows_1252_declared)
{
    chr__arena *a = chr__arena_new(0);
    /* "café" and curly quotes in windows-1252 */
    const char *html = "<html><head><meta charset=\"windows-1252\"></head>"
                       "<body><p>Caf\xe9 \x93quoted\x94 \x80 5</p></body>"
                       "</html>";
    chr__html h = parse(a, html);
    T_EQ_INT(h.n_blocks, 1);
    if (h.n_blocks)
        T_EQ_STR(h.blocks[0].text, "Caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d "
                                   "\xe2\x82\xac 5");
    chr__arena_free(a);
}

T_TEST(html_encoding_fallbacks)
{
    chr__arena *a = chr__arena_new(0);
    /* no declaration, not UTF-8: read as windows-1252 */
    chr__html h = parse(a, "<html><body><p>na\xefve r\xe9sum\xe9</p></body>"
                           "</html>");
    T_EQ_INT(h.n_blocks, 1);
    if (h.n_blocks)
        T_EQ_STR(h.blocks[0].text, "na\xc3\xafve r\xc3\xa9sum\xc3\xa9");
    /* valid UTF-8 under a wrong Latin-1 claim stays UTF-8 */
    h = parse(a, "<html><head><meta http-equiv='Content-Type' "
                 "content='text/html; charset=iso-8859-1'></head><body>"
                 "<p>Z\xc3\xbcrich \xe2\x80\x94 ok</p></body></html>");
    T_EQ_INT(h.n_blocks, 1);
    if (h.n_blocks)
        T_EQ_STR(h.blocks[0].text, "Z\xc3\xbcrich \xe2\x80\x94 ok");
    /* a page with no body tags at all */
    h = parse(a, "just words");
    T_EQ_INT(h.n_blocks, 1);
    if (h.n_blocks)
        T_EQ_STR(h.blocks[0].text, "just words");
    chr__arena_free(a);
}

T_TEST(html_deep_nesting_survives)
{
    size_t n = 100000;
    size_t cap = n * 11 + 128;
    char *html = malloc(cap);
    T_CHECK(html != NULL);
    if (!html)
        return;
    size_t o = 0;
    o += (size_t)sprintf(html + o, "<html><body>");
    for (size_t i = 0; i < n; i++) {
        memcpy(html + o, "<div>", 5);
        o += 5;
    }
    o += (size_t)sprintf(html + o, "deep text");
    for (size_t i = 0; i < n; i++) {
        memcpy(html + o, "</div>", 6);
        o += 6;
    }
    o += (size_t)sprintf(html + o, "<p>after</p></body></html>");
    chr__arena *a = chr__arena_new(0);
    chr__html h;
    chr_status s = chr__html_parse(html, o, a, &h, NULL);
    T_EQ_INT(s, CHR_OK);
    /* the walk's context stack is capped; the text still comes out */
    T_CHECK(find(&h, "deep text") != NULL);
    T_CHECK(find(&h, "after") != NULL);
    T_CHECK(h.n_blocks <= 3);
    chr__arena_free(a);
    /* a million unclosed inline tags */
    n = 1000000;
    char *big = malloc(n * 3 + 64);
    T_CHECK(big != NULL);
    if (big) {
        o = (size_t)sprintf(big, "<p>");
        for (size_t i = 0; i < n; i++) {
            memcpy(big + o, "<b>", 3);
            o += 3;
        }
        a = chr__arena_new(0);
        s = chr__html_parse(big, o, a, &h, NULL);
        T_EQ_INT(s, CHR_OK);
        chr__arena_free(a);
        free(big);
    }
    free(html);
}

T_TEST(html_garbage_does_not_crash)
{
    chr__arena *a = chr__arena_new(0);
    chr__html h;
    const char *cases[] = {"", "<", "<<<>>>", "</p></div>", "<p", "<!--",
                           "<script>", "<html lang=''><title></title>",
                           "&#0;&#xffffffff;&bogus;", "<meta content>"};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        chr_status s = chr__html_parse(cases[i], strlen(cases[i]), a, &h, NULL);
        T_CHECK(s == CHR_OK || s == CHR_PARSE);
    }
    unsigned char bytes[4096];
    unsigned x = 12345;
    for (int round = 0; round < 50; round++) {
        for (size_t i = 0; i < sizeof bytes; i++) {
            x = x * 1103515245u + 12345u;
            bytes[i] = (unsigned char)(x >> 16);
            if (bytes[i] % 7 == 0)
                bytes[i] = '<';
        }
        chr_status s = chr__html_parse((const char *)bytes, sizeof bytes, a, &h,
                                       NULL);
        T_CHECK(s == CHR_OK || s == CHR_PARSE);
    }
    chr__arena_free(a);
}

#include "read/html_int.h"

static int strip_is(const char *in, const char *want)
{
    size_t n;
    char *out = chr__html_strip_raw(in, strlen(in), &n);
    int ok = out && strcmp(out, want) == 0 && n == strlen(want);
    if (!ok)
        fprintf(stderr, "  strip: got \"%s\"\n", out ? out : "(null)");
    free(out);
    return ok;
}

T_TEST(html_strip_raw_text)
{
    T_CHECK(strip_is("<p>a</p><script>var x = '<p>';</script><p>b</p>",
                     "<p>a</p><script></script><p>b</p>"));
    T_CHECK(strip_is("<STYLE type=\"text/css\">p{}</Style>x",
                     "<STYLE type=\"text/css\"></Style>x"));
    /* JSON-LD is metadata: kept */
    T_CHECK(strip_is("<script type=\"application/ld+json\">{\"a\":1}</script>",
                     "<script type=\"application/ld+json\">{\"a\":1}</script>"));
    /* an empty element, a comment, a longer tag name: untouched */
    T_CHECK(strip_is("<script/><p>x</p></script>", "<script/><p>x</p></script>"));
    T_CHECK(strip_is("<!-- <script> --><p>x</p>", "<!-- <script> --><p>x</p>"));
    T_CHECK(strip_is("<scripts>x</scripts>", "<scripts>x</scripts>"));
    /* '>' inside a quoted attribute does not end the tag */
    T_CHECK(strip_is("<script data-x=\"a>b\">code</script>",
                     "<script data-x=\"a>b\"></script>"));
    /* unterminated: the rest is script text, as libxml2 reads it */
    T_CHECK(strip_is("<script>never closed <p>x</p>", "<script>"));
    T_CHECK(strip_is("", ""));
}
