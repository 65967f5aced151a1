/* story_place.c — where a document says its story happened, as text, for
 * the story's place: the dateline place when there is one, else the first
 * place named in the lead — capitalised words after "in" in the first two
 * paragraphs (at most 1,200 bytes), with the capitalised words that follow
 * them ("in Samarkand, Uzbekistan", "in Central Asia"); months, weekdays and
 * determiners are not places. The same rule gives the place features of
 * src/doc/terms.c. */
#include "corpus/stories.h"

#include "text/text.h"

#include <string.h>

#define LEAD_PARAGRAPHS 2
#define LEAD_MAX_BYTES 1200

static const char *const not_places[] = {
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "the", "this", "that", "his", "her", "their", "its", "our",
};

typedef struct place_ctx {
    const char *s;
    size_t lead_end;
    int after_in;
    size_t start, end; /* the run found so far; end 0 when none */
    int done;
} place_ctx;

static int not_place(const char *w)
{
    for (size_t i = 0; i < CHR__ARRAY_LEN(not_places); i++)
        if (strcmp(w, not_places[i]) == 0)
            return 1;
    return 0;
}

/* 1 when only spaces or one comma separate offsets a and b. */
static int adjacent(const char *s, size_t a, size_t b)
{
    int commas = 0;
    for (size_t i = a; i < b; i++) {
        if (s[i] == ',' && !commas)
            commas = 1;
        else if (s[i] != ' ')
            return 0;
    }
    return 1;
}

static int place_word(void *ctx, const chr__token *t)
{
    place_ctx *c = ctx;
    if (t->start >= c->lead_end)
        return 1;
    char buf[64];
    size_t n = chr__fold_word(c->s + t->start, t->end - t->start, buf,
                              sizeof buf - 1);
    buf[n] = '\0';
    int was_in = c->after_in;
    c->after_in = n == 2 && memcmp(buf, "in", 2) == 0;
    int ok = t->upper_initial && !t->numeric && !not_place(buf);
    if (c->end) { /* a run is open: extend it or stop */
        if (ok && adjacent(c->s, c->end, t->start)) {
            c->end = t->end;
            return 0;
        }
        return 1;
    }
    if (ok && was_in) {
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
        size_t end = doc->body_len < LEAD_MAX_BYTES ? doc->body_len
                                                    : LEAD_MAX_BYTES;
        int paras = 0;
        c.lead_end = end;
        for (size_t i = 0; i + 1 < end; i++)
            if (doc->body[i] == '\n' && doc->body[i + 1] == '\n' &&
                ++paras == LEAD_PARAGRAPHS) {
                c.lead_end = i;
                break;
            }
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
