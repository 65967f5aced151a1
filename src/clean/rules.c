/* rules.c — predicates on one trimmed line (or paragraph) of scraped text:
 * share widgets, bylines, credits, photo captions, site furniture, related
 * headings, footer starts, cookie notices, author biographies, date lines.
 * Each looks at generic shapes and words of news-site furniture — never at
 * a particular site's name — and only at a bounded prefix or suffix of a
 * long line, so all of them are O(min(n, small)) or O(n). */
#include "clean/clean_int.h"

#include <string.h>

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static int is_upper(int c) { return c >= 'A' && c <= 'Z'; }
static int is_alpha(int c) { return lower(c) >= 'a' && lower(c) <= 'z'; }
static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_ws(int c) { return c == ' ' || c == '\t'; }

/* Case-insensitive search of the NUL-terminated needle in s[0..n). */
static int icontains(const char *s, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    if (m == 0 || m > n)
        return m == 0;
    for (size_t i = 0; i + m <= n; i++) {
        size_t j = 0;
        while (j < m && lower((unsigned char)s[i + j]) == needle[j])
            j++;
        if (j == m)
            return 1;
    }
    return 0;
}

int chr__cl_prefix_word(const char *s, size_t n, const char *prefix)
{
    size_t m = strlen(prefix);
    if (n < m)
        return 0;
    for (size_t i = 0; i < m; i++)
        if (lower((unsigned char)s[i]) != lower((unsigned char)prefix[i]))
            return 0;
    if (n == m)
        return 1;
    unsigned char c = (unsigned char)s[m];
    return !is_alpha(c) && !is_digit(c) && c < 0x80;
}

/* Strips trailing ASCII punctuation and spaces; returns the new length. */
static size_t rstrip_punct(const char *s, size_t n)
{
    while (n && (is_ws((unsigned char)s[n - 1]) ||
                 strchr(":;,.-|", s[n - 1]) != NULL))
        n--;
    return n;
}

static int word_in(const char *w, size_t n, const char *const *list)
{
    if (n == 0)
        return 0;
    int c0 = lower((unsigned char)w[0]);
    for (size_t i = 0; list[i]; i++) /* first letter first: cheap reject */
        if ((unsigned char)list[i][0] == c0 && chr__ieq(w, n, list[i]))
            return 1;
    return 0;
}

int chr__cl_is_share(const char *s, size_t n)
{
    static const char *const share[] = {
        "share", "shares", "tweet", "whatsapp", "email", "e-mail", "mail",
        "print", "facebook", "twitter", "linkedin", "pinterest", "reddit",
        "telegram", "messenger", "copy", "link", "pin", "x", "sms", "flipboard",
        "comments", "comment", "save", "bookmark", NULL};
    static const char *const neutral[] = {
        "this", "article", "story", "page", "post", "on", "via", "the", "to",
        "link", "&", "|", "/", "-", "•", "·", NULL};
    if (n > 300)
        return 0;
    size_t tokens = 0, hits = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && (is_ws((unsigned char)s[i]) || s[i] == '|'))
            i++;
        size_t b = i;
        while (i < n && !is_ws((unsigned char)s[i]) && s[i] != '|')
            i++;
        if (i == b)
            break;
        size_t wl = rstrip_punct(s + b, i - b);
        const char *w = s + b;
        if (wl == 0)
            continue;
        if (wl >= 5 && chr__ieq(w, 5, "icon-")) {
            hits++;
            tokens++;
        } else if (word_in(w, wl, share) ||
                   (wl > 5 && chr__cl_prefix_word(w, wl, "share"))) {
            hits++;
            tokens++;
        } else if (!word_in(w, wl, neutral)) {
            tokens++;
        }
    }
    return hits > 0 && hits * 10 >= tokens * 6 && tokens <= 12;
}

int chr__cl_byline(const char *s, size_t n, const char **name, size_t *name_n)
{
    if (n < 4 || n > 120 || lower((unsigned char)s[0]) != 'b' ||
        lower((unsigned char)s[1]) != 'y' || !is_ws((unsigned char)s[2]))
        return 0;
    size_t i = 3;
    while (i < n && is_ws((unsigned char)s[i]))
        i++;
    if (i >= n)
        return 0;
    unsigned char c = (unsigned char)s[i];
    if (!is_upper(c) && c < 0x80)
        return 0; /* "by contrast, ..." */
    /* the name ends at " | ", " - ", " – ", " — " ("By X | Updated …") */
    size_t end = i;
    while (end < n && s[end] != '|' &&
           !(end + 2 < n && s[end] == ' ' && s[end + 1] == '-' &&
             s[end + 2] == ' ') &&
           !(end + 4 < n && s[end] == ' ' && (unsigned char)s[end + 1] == 0xE2 &&
             (unsigned char)s[end + 2] == 0x80 &&
             ((unsigned char)s[end + 3] == 0x93 ||
              (unsigned char)s[end + 3] == 0x94)))
        end++;
    size_t words = 0;
    for (size_t j = i; j < end; j++)
        if (!is_ws((unsigned char)s[j]) &&
            (j == i || is_ws((unsigned char)s[j - 1])))
            words++;
    if (words > 8)
        return 0;
    size_t m = rstrip_punct(s + i, end - i);
    if (m == 0)
        return 0;
    *name = s + i;
    *name_n = m;
    return 1;
}

int chr__cl_credit_line(const char *s, size_t n)
{
    static const char *const p[] = {"reporting by", "additional reporting",
                                    "writing by", "editing by", "written by",
                                    "compiled by", "edited by", NULL};
    if (n > 300)
        return 0;
    for (size_t i = 0; p[i]; i++)
        if (chr__cl_prefix_word(s, n, p[i]))
            return 1;
    return 0;
}

int chr__cl_paren_only(const char *s, size_t n)
{
    if (n < 3 || n > 80 || s[0] != '(' || s[n - 1] != ')')
        return 0;
    size_t words = 1;
    for (size_t i = 1; i + 1 < n; i++) {
        if (s[i] == '(' || s[i] == ')')
            return 0;
        if (is_ws((unsigned char)s[i]))
            words++;
    }
    return words <= 6;
}

static int photo_word(const char *s, size_t n)
{
    static const char *const w[] = {"photo", "getty", "reuters", "afp",
                                    " via ", "image", "credit", "pool",
                                    "file", "courtesy", "shutterstock",
                                    "associated press", "epa", NULL};
    for (size_t i = 0; w[i]; i++)
        if (icontains(s, n, w[i]))
            return 1;
    return 0;
}

int chr__cl_caption_credit(const char *s, size_t n)
{
    static const char *const lead[] = {"photo:", "photo :", "image:",
                                       "picture:", "credit:", "file photo",
                                       "photo credit", "pictured:", NULL};
    if (n > 600)
        return 0;
    for (size_t i = 0; lead[i]; i++)
        if (chr__cl_prefix_word(s, n, lead[i]))
            return 1;
    if (n < 4 || s[n - 1] != ')')
        return 0;
    /* the final parenthesised group */
    size_t open = n - 1, depth = 0;
    while (open > 0) {
        open--;
        if (s[open] == ')')
            depth++;
        else if (s[open] == '(') {
            if (depth == 0)
                break;
            depth--;
        }
    }
    if (s[open] != '(' || open == 0)
        return 0; /* "(AFP)" alone is a byline, not a caption */
    const char *g = s + open + 1;
    size_t gn = n - open - 2, slashes = 0;
    for (size_t i = 0; i < gn; i++)
        slashes += g[i] == '/';
    /* the text before must not end a sentence: "... he said (AFP)" no */
    size_t before = open;
    while (before && is_ws((unsigned char)s[before - 1]))
        before--;
    if (before && strchr(".!?", s[before - 1]))
        return 0;
    return slashes >= 2 || (slashes >= 1 && photo_word(g, gn)) ||
           (photo_word(g, gn) && gn <= 60 && icontains(g, gn, "photo"));
}

int chr__cl_furniture(const char *s, size_t n)
{
    /* the whole line is one of these */
    static const char *const whole[] = {
        "menu", "home", "search", "close", "login", "log in", "sign in",
        "sign up", "register", "advertisement", "sponsored", "newsletter",
        "latest news", "breaking news", "trending now", "watch live",
        "back to top", "more", "next", "previous", "top stories", NULL};
    /* the line starts with one of these */
    static const char *const lead[] = {
        "connect with us", "follow us", "skip to", "subscribe",
        "main navigation", "toggle navigation", "listen to this article",
        "advertisement", NULL};
    if (n > 60)
        return 0;
    size_t m = rstrip_punct(s, n);
    for (size_t i = 0; whole[i]; i++)
        if (chr__ieq(s, m, whole[i]))
            return 1;
    for (size_t i = 0; lead[i]; i++)
        if (chr__cl_prefix_word(s, m, lead[i]))
            return 1;
    return 0;
}

int chr__cl_related_heading(const char *s, size_t n, uint32_t words)
{
    static const char *const p[] = {
        "related", "read more", "read also", "also read", "see also",
        "more from", "more on", "more stories", "more news", "more in",
        "you may also like", "you might also like", "you may like",
        "recommended", "most read", "most popular", "popular stories",
        "further reading", "trending", "also on", "editor's picks", NULL};
    if (words == 0 || words > 6 || n > 60)
        return 0;
    size_t m = rstrip_punct(s, n);
    if (m < n && s[m] == '.')
        return 0; /* "Read more." ends a sentence */
    for (size_t i = 0; p[i]; i++)
        if (chr__cl_prefix_word(s, m, p[i]))
            return 1;
    return 0;
}

/* A line of bare URLs, optionally numbered ("1/ https://…", "- www.…"). */
static int url_line(const char *s, size_t n)
{
    size_t urls = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && is_ws((unsigned char)s[i]))
            i++;
        size_t b = i;
        while (i < n && !is_ws((unsigned char)s[i]))
            i++;
        if (i == b)
            break;
        const char *w = s + b;
        size_t wl = i - b;
        int url = (wl > 8 && (chr__ieq(w, 7, "http://") ||
                              chr__ieq(w, 8, "https://"))) ||
                  (wl > 4 && chr__ieq(w, 4, "www."));
        int numbering = wl <= 4;
        for (size_t j = 0; j < wl && numbering; j++)
            numbering = is_digit((unsigned char)w[j]) ||
                        strchr("/.)-*•", w[j]) != NULL || (unsigned char)w[j] >= 0x80;
        if (url)
            urls++;
        else if (!numbering)
            return 0;
    }
    return urls > 0;
}

int chr__cl_cookie(const char *s, size_t n, uint32_t words)
{
    static const char *const site[] = {
        "we use", "this site", "this website", "our site", "our website",
        "consent", "cookie policy", "cookie settings", "accept all",
        "your browser", "browsing experience", "by continuing", NULL};
    if (words > 80 || n > 800)
        return 0;
    if (icontains(s, n, "gdpr"))
        return 1;
    int cookie = icontains(s, n, "cookie"), policy = 0;
    if (!cookie && icontains(s, n, "privacy policy"))
        policy = words <= 6;
    for (size_t i = 0; site[i] && (cookie || icontains(s, n, "privacy")) &&
                       !policy; i++)
        if (icontains(s, n, site[i]))
            return 1;
    return policy;
}

int chr__cl_footer_start(const char *s, size_t n, uint32_t words, int prose)
{
    size_t m = rstrip_punct(s, n);
    if (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA9)
        return 1; /* © */
    if (chr__cl_prefix_word(s, n, "(c)") && words <= 40)
        return 1;
    if (chr__cl_prefix_word(s, n, "copyright") &&
        (words <= 12 || icontains(s, n < 200 ? n : 200, "rights reserved") ||
         (n > 10 && (is_digit((unsigned char)s[10]) ||
                     (unsigned char)s[10] == 0xC2))))
        return 1;
    if (chr__cl_prefix_word(s, n, "all rights reserved") ||
        chr__cl_prefix_word(s, n, "the content herein"))
        return 1;
    if (words <= 8 && !prose &&
        (chr__cl_prefix_word(s, n, "subscribe") ||
         chr__cl_prefix_word(s, n, "privacy") ||
         chr__cl_prefix_word(s, n, "terms of") ||
         chr__cl_prefix_word(s, n, "about the author") ||
         chr__cl_prefix_word(s, n, "about us") ||
         chr__cl_prefix_word(s, n, "contact us")))
        return 1;
    /* "Sources", "Source: …", "SOURCE: …", "Reference: …", "Tags: …" */
    if (chr__ieq(s, m, "sources") || chr__ieq(s, m, "source") ||
        chr__ieq(s, m, "references") || chr__ieq(s, m, "reference") ||
        chr__ieq(s, m, "tags"))
        return 1;
    static const char *const colon[] = {"source:", "sources:", "reference:",
                                        "references:", "tags:", "tagged:",
                                        "filed under:", "topics:", NULL};
    if (words <= 30)
        for (size_t i = 0; colon[i]; i++)
            if (chr__cl_prefix_word(s, n, colon[i]))
                return 1;
    if (words <= 30 && n <= 2000 && url_line(s, n))
        return 1;
    return 0;
}

int chr__cl_bio(const char *name, size_t name_n, const char *next,
                size_t next_n)
{
    static const char *const job[] = {
        "writer", "editor", "journalist", "reporter", "correspondent",
        "author", "columnist", "contributor", "blogger", "freelance", NULL};
    if (name_n < 3 || name_n > 60 || next_n <= name_n + 5)
        return 0;
    size_t words = 1;
    for (size_t i = 0; i < name_n; i++) {
        unsigned char c = (unsigned char)name[i];
        if (is_ws(c))
            words++;
        else if (c < 0x80 && !is_alpha(c) && c != '.' && c != '-' &&
                 c != '\'')
            return 0;
    }
    if (words > 4 || (!is_upper((unsigned char)name[0]) &&
                      (unsigned char)name[0] < 0x80))
        return 0;
    if (memcmp(name, next, name_n) != 0)
        return 0;
    const char *r = next + name_n;
    size_t rn = next_n - name_n;
    if (!(chr__cl_prefix_word(r, rn, " is a") ||
          chr__cl_prefix_word(r, rn, " is an") ||
          chr__cl_prefix_word(r, rn, " is the")))
        return 0;
    size_t look = rn < 200 ? rn : 200;
    for (size_t i = 0; job[i]; i++)
        if (icontains(r, look, job[i]))
            return 1;
    return 0;
}

int chr__cl_date_line(const char *s, size_t n, char iso[11])
{
    static const char *const p[] = {"published on", "published",
                                    "updated on", "updated", "posted on",
                                    "posted", "last updated", "date", NULL};
    if (n == 0 || n > 80)
        return 0;
    for (size_t i = 0; p[i]; i++) {
        if (chr__cl_prefix_word(s, n, p[i])) {
            size_t k = strlen(p[i]);
            while (k < n && (is_ws((unsigned char)s[k]) || s[k] == ':'))
                k++;
            s += k;
            n -= k;
            break;
        }
    }
    size_t used = chr__parse_date(s, n, iso);
    if (used == 0)
        return 0;
    /* allow a trailing time ("10:00 GMT") but nothing with letters beyond
     * a short zone or AM/PM */
    size_t letters = 0;
    for (size_t i = used; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_alpha(c))
            letters++;
        else if (!is_digit(c) && !is_ws(c) && !strchr(":.,-|+()/", c))
            return 0;
    }
    return letters <= 4;
}
