/* story_place.c — where a document says its story happened, as text, for
 * the story's place: the dateline place when there is one, else the first
 * place named in the lead — capitalised words after "in" in the first two
 * paragraphs (at most 1,200 bytes), with the capitalised words that follow
 * them ("in Samarkand, Uzbekistan", "in Central Asia"); months, weekdays and
 * determiners are not places. The rule is src/doc/terms.c's
 * (chr__place_step), which gives the place features too. */
#include "corpus/stories.h"

#include "doc/doc.h"
#include "text/text.h"

#include <string.h>

typedef struct place_ctx {
    const char *s;
    size_t lead_end;
    chr__place_scan scan;
    size_t start, end; /* the run found so far; end 0 when none */
} place_ctx;

/* Keeps the first run of place words: stops at the first word after it
 * that does not continue it. */
static int place_word(void *ctx, const chr__token *t)
{
    place_ctx *c = ctx;
    if (t->start >= c->lead_end)
        return 1;
    char buf[64];
    size_t n = chr__fold_word(c->s + t->start, t->end - t->start, buf,
                              sizeof buf - 1);
    buf[n] = '\0';
    int k = chr__place_step(&c->scan, t, buf, n);
    if (c->end) { /* a run is open: extend it or stop */
        if (k == CHR__PLACE_MORE) {
            c->end = t->end;
            return 0;
        }
        return 1;
    }
    if (k == CHR__PLACE_START) {
        c->start = t->start;
        c->end = t->end;
    }
    return 0;
}

size_t chr__story_place(const chr_doc *doc, char *out, size_t cap)
{
    if (!cap)
        return 0;
    out[0] = '\0';
    const char *src = doc->dateline_place;
    size_t n = src ? strlen(src) : 0;
    if (!n && doc->body) {
        place_ctx c;
        memset(&c, 0, sizeof c);
        c.s = doc->body;
        c.lead_end = chr__lead_end(doc->body, doc->body_len);
        c.scan.s = doc->body;
        c.scan.lead_end = c.lead_end;
        chr__words(doc->body, c.lead_end, place_word, &c);
        if (c.end) {
            src = doc->body + c.start;
            n = c.end - c.start;
        }
    }
    if (n >= cap) { /* cut at a character boundary */
        n = cap - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    if (n)
        memcpy(out, src, n);
    out[n] = '\0';
    return n;
}
