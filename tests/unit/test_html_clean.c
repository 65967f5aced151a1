/* test_html_clean.c — main-content selection on small invented HTML pages
 * (src/clean/html_score.c through chr__clean_html): navigation, related
 * boxes, comments, captions and the headline stay out of the body; text in
 * divs with <br>, embedded posts and articles split in sections stay in. */
#include "t.h"

#include "clean/clean.h"
#include "clean/html_score.h"
#include "read/read.h"

#include <string.h>

#define P1 "<p>The river authority said on Tuesday that water levels, which " \
           "had been falling for weeks, rose again after heavy rain in the " \
           "hills, and that the ferry would run on its summer timetable.</p>"
#define P2 "<p>Local traders, who depend on the crossing, welcomed the news, " \
           "although several said the repeated closures this year had cost " \
           "them customers, money and patience.</p>"
#define P3 "<p>Engineers will inspect the landing stages next month, the " \
           "authority added, and a decision on a new pier is expected in " \
           "the spring, after a public consultation.</p>"

#define P4 "<p>Passengers, meanwhile, were told to check the timetable, " \
           "which changes on Sundays, holidays and school breaks, before " \
           "setting out, and to allow extra time at the landing.</p>"

typedef struct page {
    chr__arena *a;
    chr__html html;
    chr__cleaned c;
} page;

static int clean(page *p, const char *html)
{
    memset(p, 0, sizeof *p);
    p->a = chr__arena_new(0);
    chr_error err;
    memset(&err, 0, sizeof err);
    if (chr__html_parse(html, strlen(html), p->a, &p->html, &err) != CHR_OK)
        return 0;
    return chr__clean_html(&p->html, p->a, &p->c) == CHR_OK;
}

/* The removal reason of the first removed block containing `s`, or NULL
 * when none. */
static const char *why(const page *p, const char *s)
{
    for (size_t i = 0; i < p->c.n_removed; i++)
        if (strstr(p->c.removed[i].text, s))
            return p->c.removed[i].reason;
    return NULL;
}

static int in_body(const page *p, const char *s)
{
    return p->c.body && strstr(p->c.body, s) != NULL;
}

T_TEST(html_clean_nav_list_dropped)
{
    page p;
    T_CHECK(clean(&p, "<html><body><div class='top'><ul>"
                      "<li><a href='/'>Home</a></li>"
                      "<li><a href='/w'>World news</a></li>"
                      "<li><a href='/s'>Sport and leisure</a></li></ul></div>"
                      "<div class='story'>" P1 P2 P3 "</div></body></html>"));
    T_CHECK(in_body(&p, "water levels"));
    T_CHECK(in_body(&p, "public consultation"));
    T_CHECK(!in_body(&p, "World news"));
    T_EQ_STR(why(&p, "Sport and leisure"), "navigation");
    chr__arena_free(p.a);
}

T_TEST(html_clean_related_aside_dropped)
{
    page p;
    T_CHECK(clean(&p, "<html><body><article>" P1 P2
                      "<div class='related-stories'><h3>More news</h3>"
                      "<p>Bridge repairs, delayed twice already, are now "
                      "expected to finish before the end of the year.</p>"
                      "</div>" P3 "</article></body></html>"));
    T_CHECK(in_body(&p, "customers, money"));
    T_CHECK(in_body(&p, "landing stages"));
    T_CHECK(!in_body(&p, "Bridge repairs"));
    T_EQ_STR(why(&p, "Bridge repairs"), "related");
    chr__arena_free(p.a);
}

T_TEST(html_clean_comment_section_dropped)
{
    page p;
    T_CHECK(clean(&p, "<html><body><div class='main'>"
                      "<div class='entry-content'>" P1 P2 P3 "</div>"
                      "<div id='comments' class='comment-list'>"
                      "<div class='comment'><p>Great piece, thanks. I took "
                      "that ferry every day, for years, and it was always "
                      "late.</p></div></div></div></body></html>"));
    T_CHECK(in_body(&p, "water levels"));
    T_CHECK(!in_body(&p, "always late"));
    T_EQ_STR(why(&p, "always late"), "footer");
    chr__arena_free(p.a);
}

T_TEST(html_clean_div_with_br_article_kept)
{
    page p;
    T_CHECK(clean(&p,
                  "<html><body><div class='menu'><a href='/'>Start</a> "
                  "<a href='/a'>About us</a></div><div class='text'>"
                  "The harbour master said on Friday that the new crane, "
                  "which arrived by sea, will be working by March.<br><br>"
                  "Dock workers, who had asked for it for years, said it "
                  "would make loading faster, safer and cheaper.<br><br>"
                  "The old crane, built in 1961, will be kept as a monument "
                  "on the quay, the city council decided.</div>"
                  "</body></html>"));
    T_CHECK(in_body(&p, "harbour master"));
    T_CHECK(in_body(&p, "Dock workers"));
    T_CHECK(in_body(&p, "kept as a monument"));
    T_CHECK(!in_body(&p, "About us"));
    chr__arena_free(p.a);
}

T_TEST(html_clean_title_not_in_body)
{
    page p;
    T_CHECK(clean(&p, "<html><head><title>Ferry back on summer timetable | "
                      "River Post</title><meta property='og:site_name' "
                      "content='River Post'></head><body><article>"
                      "<h1>Ferry back on summer timetable</h1>" P1
                      "<h2>What comes next</h2>" P2 P3
                      "</article></body></html>"));
    T_EQ_STR(p.c.title, "Ferry back on summer timetable");
    T_CHECK(!in_body(&p, "Ferry back on summer timetable"));
    T_EQ_STR(why(&p, "Ferry back on summer timetable"), "title");
    T_CHECK(in_body(&p, "What comes next")); /* subheads stay */
    chr__arena_free(p.a);
}

T_TEST(html_clean_caption_dropped)
{
    page p;
    T_CHECK(clean(&p, "<html><body><div class='article-body'>" P1
                      "<figure><img src='x.jpg'><figcaption>The ferry at "
                      "the north landing in May</figcaption></figure>"
                      "<div class='image-credit'>Photo: A. Photographer"
                      "</div>" P2 P3 "</div></body></html>"));
    T_CHECK(in_body(&p, "water levels"));
    T_CHECK(!in_body(&p, "north landing"));
    T_EQ_STR(why(&p, "north landing"), "caption");
    T_EQ_STR(why(&p, "A. Photographer"), "caption");
    chr__arena_free(p.a);
}

T_TEST(html_clean_split_sections_and_embeds_kept)
{
    page p;
    T_CHECK(clean(&p, "<html><body><div class='page'>"
                      "<div class='section-a'><div class='rich'>" P1 P2
                      "</div></div>"
                      "<div class='sharing-bar'><a href='#'>Share</a></div>"
                      "<div class='section-b'><div class='rich'>" P3 P4
                      "<blockquote class='twitter-tweet'><p>Ferry is back, "
                      "finally, and on time this morning!</p></blockquote>"
                      "</div></div></div></body></html>"));
    T_CHECK(in_body(&p, "water levels"));
    T_CHECK(in_body(&p, "landing stages"));
    T_CHECK(in_body(&p, "Ferry is back"));
    T_CHECK(!in_body(&p, "Share"));
    chr__arena_free(p.a);
}

T_TEST(html_clean_class_weights)
{
    T_CHECK(chr__html_class_weight("article-body") > 0);
    T_CHECK(chr__html_class_weight("entry-content") > 0);
    T_CHECK(chr__html_class_weight("sidebar") < 0);
    T_CHECK(chr__html_class_weight("comment-list") < 0);
    T_CHECK(chr__html_class_weight("ad-slot") < 0);
    T_CHECK(chr__html_class_weight("commentary") == 0); /* a genre */
    T_CHECK(chr__html_class_weight("twitter-tweet") == 0);
    T_CHECK(chr__html_class_weight("") == 0);
    T_EQ_STR(chr__html_hint_reason("photo-caption", "div"), "caption");
    T_EQ_STR(chr__html_hint_reason("", "figcaption"), "caption");
    T_EQ_STR(chr__html_hint_reason("related-posts", "ul"), "related");
    T_EQ_STR(chr__html_hint_reason("social-share", "div"), "share");
    T_EQ_STR(chr__html_hint_reason("comments", "div"), "footer");
    T_EQ_STR(chr__html_hint_reason("", "div"), "navigation");
}
