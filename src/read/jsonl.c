/* jsonl.c — JSON lines: one article object a line, parsed with jansson.
 * Fields: id (string or number), url, outlet, published, title, byline (or
 * author), and text or html. Each bad line is one error naming "file:LINE";
 * the stream goes on with the next line. */
#include "read/read.h"
#include "read/reader.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A string field, or NULL when absent / not a string / blank. */
static const char *str_field(json_t *obj, const char *key)
{
    json_t *v = json_object_get(obj, key);
    if (!json_is_string(v))
        return NULL;
    const char *s = json_string_value(v);
    size_t n = json_string_length(v);
    chr__trim(s, &n);
    return n ? s : NULL;
}

/* The id field as text (string or integer or real), malloc'd, or NULL. */
static char *id_field(json_t *obj, int *nomem)
{
    json_t *v = json_object_get(obj, "id");
    char tmp[64];
    const char *s = NULL;
    if (json_is_string(v) && json_string_length(v) > 0 &&
        strlen(json_string_value(v)) == json_string_length(v))
        s = json_string_value(v);
    else if (json_is_integer(v)) {
        snprintf(tmp, sizeof tmp, "%lld", (long long)json_integer_value(v));
        s = tmp;
    } else if (json_is_real(v)) {
        snprintf(tmp, sizeof tmp, "%.17g", json_real_value(v));
        s = tmp;
    }
    if (!s)
        return NULL;
    char *r = strdup(s);
    if (!r)
        *nomem = 1;
    return r;
}

/* "published" normalised to YYYY-MM-DD when it is a date we can read. */
static int set_published(chr_input *in, const char *p)
{
    if (!p)
        return 1;
    char iso[11];
    size_t n = strlen(p);
    size_t used = chr__parse_date(p, n, iso);
    return chr__set_str(&in->published, used ? iso : p);
}

static chr_status make_input(chr__jsonl *j, json_t *obj, const char *where,
                             chr_input **out, chr_error *err)
{
    json_t *text = json_object_get(obj, "text");
    json_t *html = json_object_get(obj, "html");
    int is_html = 0;
    json_t *body = NULL;
    if (json_is_string(text))
        body = text;
    else if (json_is_string(html)) {
        body = html;
        is_html = 1;
    }
    if (!body)
        return chr__fail(err, CHR_PARSE, where, -1, "no text or html field");
    const char *data = json_string_value(body);
    size_t len = json_string_length(body);
    if (chr__is_blank(data, len))
        return chr__fail(err, CHR_EMPTY, where, -1, "empty %s field",
                         is_html ? "html" : "text");
    chr_input *in = chr__input_new(CHR_FORMAT_JSONL, is_html, data, len);
    if (!in)
        return chr__fail(err, CHR_NOMEM, where, -1, "out of memory");
    int nomem = 0;
    in->id = id_field(obj, &nomem);
    if (!in->id && !nomem) {
        size_t k = strlen(j->base) + 24;
        in->id = malloc(k);
        if (in->id)
            snprintf(in->id, k, "%s:%lld", j->base, j->line);
    }
    const char *byline = str_field(obj, "byline");
    if (!byline)
        byline = str_field(obj, "author");
    int ok = !nomem && in->id && chr__set_str(&in->origin, j->path) &&
             chr__set_str(&in->url, str_field(obj, "url")) &&
             chr__set_str(&in->title, str_field(obj, "title")) &&
             chr__set_str(&in->outlet, str_field(obj, "outlet")) &&
             chr__set_str(&in->byline, byline) &&
             set_published(in, str_field(obj, "published"));
    if (!ok) {
        chr_input_free(in);
        return chr__fail(err, CHR_NOMEM, where, -1, "out of memory");
    }
    *out = in;
    return CHR_OK;
}

chr_status chr__jsonl_next(chr__jsonl *j, chr__stream *st, const chr_config *cfg,
                           chr_input **out, chr_error *err)
{
    char where[sizeof err->where];
    for (;;) {
        const char *line;
        size_t len, adv;
        chr_status s = chr__stream_line(st, cfg->max_line_bytes, &line, &len,
                                        &adv);
        if (s == CHR_DONE) {
            if (!j->saw_content) {
                j->saw_content = 1; /* report once, then end */
                return chr__fail(err, CHR_EMPTY, j->path, -1, "empty file");
            }
            return CHR_DONE;
        }
        if (s == CHR_IO) {
            j->saw_content = 1;
            chr__fail(err, CHR_IO, j->path, -1, "%s",
                      st->msg[0] ? st->msg : "read error");
            st->failed = 0;
            st->msg[0] = '\0';
            return CHR_IO;
        }
        if (s == CHR_NOMEM)
            return chr__fail(err, CHR_NOMEM, j->path, -1, "out of memory");
        j->line++;
        snprintf(where, sizeof where, "%s:%lld", j->path, j->line);
        if (s == CHR_TOOBIG) {
            j->saw_content = 1;
            return chr__fail(err, CHR_TOOBIG, where, -1,
                             "line is %zu bytes, limit is %zu", len,
                             cfg->max_line_bytes);
        }
        size_t tl = len;
        const char *t = chr__trim(line, &tl);
        if (tl == 0) {
            chr__stream_consume(st, adv);
            continue;
        }
        j->saw_content = 1;
        long long lead = (long long)(t - line);
        json_error_t jerr;
        json_t *obj = json_loadb(t, tl, 0, &jerr);
        chr__stream_consume(st, adv); /* line, t are invalid from here */
        if (!obj)
            return chr__fail(err, CHR_PARSE, where,
                             jerr.column >= 0 ? jerr.column + lead : -1, "%s",
                             jerr.text);
        chr_status r;
        if (!json_is_object(obj))
            r = chr__fail(err, CHR_PARSE, where, -1, "not a JSON object");
        else
            r = make_input(j, obj, where, out, err);
        json_decref(obj);
        return r;
    }
}
