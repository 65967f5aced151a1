/* json.c — the FORMATS.md analysis object of a document.
 *
 * Decision: JSON is written by this small escaping writer rather than built
 * as a jansson tree, so that output streams (exports of a million documents
 * never hold a tree in memory) and field order is fixed. Input JSON is read
 * with jansson. */
#include "doc/doc.h"

#include <string.h>

chr_status chr__json_strn(chr_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    chr_status st = chr_buf_putc(b, '"');
    size_t run = 0;
    for (size_t i = 0; i < n && st == CHR_OK; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\') { /* the common case */
            run++;
            continue;
        }
        const char *esc = NULL;
        char u[7];
        switch (c) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        default:
            if (c < 0x20) {
                memcpy(u, "\\u00", 4);
                u[4] = hex[c >> 4];
                u[5] = hex[c & 15];
                u[6] = '\0';
                esc = u;
            }
        }
        if (esc) {
            if (run)
                st = chr_buf_append(b, s + i - run, run);
            run = 0;
            if (st == CHR_OK)
                st = chr_buf_puts(b, esc);
        } else {
            run++;
        }
    }
    if (run && st == CHR_OK)
        st = chr_buf_append(b, s + n - run, run);
    if (st == CHR_OK)
        st = chr_buf_putc(b, '"');
    return st;
}

chr_status chr__json_str(chr_buf *b, const char *s)
{
    if (!s)
        return chr_buf_puts(b, "null");
    return chr__json_strn(b, s, strlen(s));
}

/* Small helpers that stop at the first error. */
typedef struct jw {
    chr_buf *b;
    chr_status st;
} jw;

static void raw(jw *w, const char *s)
{
    if (w->st == CHR_OK)
        w->st = chr_buf_puts(w->b, s);
}

static void key_str(jw *w, const char *key, const char *val)
{
    raw(w, "\"");
    raw(w, key);
    raw(w, "\":");
    if (w->st == CHR_OK)
        w->st = chr__json_str(w->b, val);
}

static void key_num(jw *w, const char *key, size_t v)
{
    raw(w, "\"");
    raw(w, key);
    raw(w, "\":");
    if (w->st == CHR_OK)
        w->st = chr_buf_printf(w->b, "%zu", v);
}

chr_status chr_doc_to_json(const chr_doc *d, chr_buf *out)
{
    jw w = {out, CHR_OK};
    raw(&w, "{");
    key_str(&w, "id", d->id);
    raw(&w, ",");
    key_str(&w, "origin", d->origin);
    raw(&w, ",");
    key_str(&w, "format", chr_format_name(d->format));
    raw(&w, ",");
    key_str(&w, "title", d->title);
    raw(&w, ",");
    key_str(&w, "published", d->published);
    raw(&w, ",");
    key_str(&w, "outlet", d->outlet);
    raw(&w, ",");
    key_str(&w, "byline", d->byline);
    raw(&w, ",");
    key_str(&w, "url", d->url);
    raw(&w, ",\"dateline\":");
    if (d->dateline_place || d->dateline_date) {
        raw(&w, "{");
        key_str(&w, "place", d->dateline_place);
        raw(&w, ",");
        key_str(&w, "date", d->dateline_date);
        raw(&w, "}");
    } else {
        raw(&w, "null");
    }
    raw(&w, ",");
    key_str(&w, "language", d->language);
    raw(&w, ",\"body\":");
    if (w.st == CHR_OK)
        w.st = chr__json_strn(out, d->body, d->body_len);

    raw(&w, ",\"removed\":[");
    for (size_t i = 0; i < d->n_removed; i++) {
        raw(&w, i ? ",{" : "{");
        key_str(&w, "text", d->removed[i].text);
        raw(&w, ",");
        key_str(&w, "reason", d->removed[i].reason);
        raw(&w, "}");
    }
    raw(&w, "],\"repairs\":[");
    for (size_t i = 0; i < d->n_repairs; i++) {
        raw(&w, i ? ",{" : "{");
        key_str(&w, "from", d->repairs[i].from);
        raw(&w, ",");
        key_str(&w, "to", d->repairs[i].to);
        raw(&w, "}");
    }
    raw(&w, "],\"entities\":[");
    for (size_t i = 0; i < d->n_entities; i++) {
        const chr_entity *e = &d->entities[i];
        raw(&w, i ? ",{" : "{");
        key_str(&w, "text", e->text);
        raw(&w, ",");
        key_str(&w, "type", e->type);
        raw(&w, ",");
        key_num(&w, "start", e->start);
        raw(&w, ",");
        key_num(&w, "end", e->end);
        raw(&w, ",");
        key_str(&w, "name", e->name);
        raw(&w, ",");
        key_str(&w, "actor", e->actor);
        raw(&w, "}");
    }
    raw(&w, "],\"times\":[");
    for (size_t i = 0; i < d->n_times; i++) {
        const chr_time *t = &d->times[i];
        raw(&w, i ? ",{" : "{");
        key_str(&w, "text", t->text);
        raw(&w, ",");
        key_str(&w, "value", t->value);
        raw(&w, ",");
        key_num(&w, "start", t->start);
        raw(&w, ",");
        key_num(&w, "end", t->end);
        raw(&w, "}");
    }
    raw(&w, "],\"quotes\":[");
    for (size_t i = 0; i < d->n_quotes; i++) {
        const chr_quote *q = &d->quotes[i];
        raw(&w, i ? ",{" : "{");
        key_str(&w, "text", q->text);
        raw(&w, ",");
        key_num(&w, "start", q->start);
        raw(&w, ",");
        key_num(&w, "end", q->end);
        raw(&w, ",");
        key_str(&w, "kind", q->kind);
        raw(&w, ",");
        key_str(&w, "speaker", q->speaker);
        raw(&w, ",");
        key_str(&w, "speaker_actor", q->speaker_actor);
        raw(&w, ",");
        key_str(&w, "cue", q->cue);
        raw(&w, "}");
    }
    raw(&w, "],\"events\":[");
    for (size_t i = 0; i < d->n_events; i++) {
        const chr_event *e = &d->events[i];
        raw(&w, i ? ",{" : "{");
        key_str(&w, "code", e->code);
        raw(&w, ",\"source\":{");
        key_str(&w, "text", e->source_text);
        raw(&w, ",");
        key_str(&w, "actor", e->source_actor);
        raw(&w, "},\"target\":{");
        key_str(&w, "text", e->target_text);
        raw(&w, ",");
        key_str(&w, "actor", e->target_actor);
        raw(&w, "},");
        key_str(&w, "date", e->date);
        raw(&w, ",");
        key_str(&w, "place", e->place);
        raw(&w, ",");
        key_str(&w, "sentence", e->sentence);
        raw(&w, "}");
    }
    raw(&w, "],\"claims\":[");
    for (size_t i = 0; i < d->n_claims; i++) {
        const chr_claim *c = &d->claims[i];
        raw(&w, i ? ",{" : "{");
        key_str(&w, "subject", c->subject);
        raw(&w, ",");
        key_str(&w, "property", c->property);
        raw(&w, ",");
        key_str(&w, "value", c->value);
        raw(&w, ",");
        key_str(&w, "text", c->text);
        raw(&w, "}");
    }
    raw(&w, "]}");
    return w.st;
}
