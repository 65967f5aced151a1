/* analyze.c — per-document analysis: read → normalise → clean → features
 * → entities (src/extract/entities.c: dictionary, tagger, coreference) →
 * times resolved against the document's date (src/extract/times.c) →
 * quotations and their speakers (src/extract/quotes.c).
 *
 * Pure: depends only on the input and the configuration; everything the
 * document owns lives in one arena released by chr_doc_free(). Stages not yet
 * built (events, claims) leave their lists empty. */
#include "doc/doc.h"

#include "clean/clean.h"
#include "clean/templates.h"
#include "clean/topic.h"
#include "extract/entities.h"
#include "extract/quotes.h"
#include "extract/times.h"
#include "corpus/stories.h"
#include "resources/places.h"
#include "read/read.h"
#include "text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Analysis memory is bounded by a multiple of the input size. */
#define ARENA_PER_BYTE 24
#define ARENA_BASE (8u << 20)

/* A metadata string from the container: valid UTF-8, trimmed, non-empty. */
static const char *meta_str(chr__arena *a, const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    if (n > 4096)
        n = 4096;
    size_t len;
    char *c = chr__utf8_clean(s, n, a, &len);
    if (!c)
        return NULL;
    for (size_t i = 0; i < len; i++)
        if (c[i] == '\n' || c[i] == '\t')
            c[i] = ' ';
    const char *t = chr__trim(c, &len);
    return len ? chr__arena_strndup(a, t, len) : NULL;
}

/* A date from the container, normalised to YYYY-MM-DD, or NULL. */
static const char *meta_date(chr__arena *a, const char *s)
{
    if (!s)
        return NULL;
    char iso[11];
    size_t n = strlen(s);
    size_t k = chr__parse_date(s, n, iso);
    return k ? chr__arena_strdup(a, iso) : NULL;
}

static const char *first_of(const char *a, const char *b, const char *c)
{
    return a ? a : b ? b : c;
}

/* The first full date written in the body, else in a removed photo caption
 * (captions date the pictured event: "… in Samarkand on September 16,
 * 2022"); NULL when neither has one. */
static const char *text_date(const chr_doc *d, chr__arena *a)
{
    char iso[11];
    size_t st, en;
    if (chr__find_date(d->body, d->body_len, iso, &st, &en))
        return chr__arena_strdup(a, iso);
    for (size_t i = 0; i < d->n_removed; i++) {
        const chr_removed *r = &d->removed[i];
        if (strcmp(r->reason, "caption") == 0 &&
            chr__find_date(r->text, strlen(r->text), iso, &st, &en))
            return chr__arena_strdup(a, iso);
    }
    return NULL;
}

/* Days the first time of the lead may lie before the document's date and
 * still be the date of its event. */
#define EVENT_DAYS_BEFORE 14

/* d->event_date and d->place (see chronicle.h). */
static chr_status story_when_where(chr_doc *d, chr__arena *a)
{
    d->event_date = d->date_hint;
    size_t lead = chr__lead_end(d->body, d->body_len);
    int32_t ref = chr__iso_days(d->date_hint);
    for (size_t i = 0; i < d->n_times; i++) {
        const chr_time *t = &d->times[i];
        if (t->start >= lead)
            break;
        if (!t->value || strlen(t->value) != 10)
            continue;
        int32_t day = chr__iso_days(t->value);
        if (day == INT32_MIN)
            continue;
        if (ref != INT32_MIN &&
            (day > ref || day < ref - EVENT_DAYS_BEFORE))
            continue;
        d->event_date = t->value;
        break;
    }
    chr__doc_places dp;
    chr_status s = chr__places_resolve_doc(d, a, &dp);
    if (s != CHR_OK)
        return s;
    if (dp.main && dp.main->text) {
        d->place = dp.main->text;
        return CHR_OK;
    }
    char buf[128];
    if (chr__story_place(d, buf, sizeof buf))
        d->place = chr__arena_strdup(a, buf);
    return CHR_OK;
}

/* Words of prose a removed line needs to be taken back as the article
 * when the rules left nothing. */
#define RESTORE_MIN_WORDS 30

/* The rules removed everything: the longest removed line that reads as
 * prose (RESTORE_MIN_WORDS words or more, other than a title, a byline or
 * a duplicate) was the article after all — a text that is one paragraph
 * opening with "Photo:", say. It becomes the body and leaves the removed
 * list. Nothing found: the body stays empty. */
static void restore_prose(chr_doc *d)
{
    size_t best = SIZE_MAX, best_len = 0;
    for (size_t i = 0; i < d->n_removed; i++) {
        const chr_removed *r = &d->removed[i];
        if (!r->text || (r->reason && (!strcmp(r->reason, "title") ||
                                       !strcmp(r->reason, "byline") ||
                                       !strcmp(r->reason, "duplicate"))))
            continue;
        size_t len = strlen(r->text), words = 0;
        for (size_t k = 0; k < len; k++)
            words += (k == 0 || r->text[k - 1] == ' ') && r->text[k] != ' ';
        if (words >= RESTORE_MIN_WORDS && len > best_len) {
            best = i;
            best_len = len;
        }
    }
    if (best == SIZE_MAX)
        return;
    d->body = d->removed[best].text;
    d->body_len = best_len;
    memmove(&d->removed[best], &d->removed[best + 1],
            (d->n_removed - best - 1) * sizeof *d->removed);
    d->n_removed--;
}

chr_status chr_analyze(const chr_input *in, const chr_config *cfg,
                       chr_doc **out, chr_error *err)
{
    chr_config defaults;
    if (!cfg) {
        chr_config_init(&defaults);
        cfg = &defaults;
    }
    *out = NULL;
    if (!in)
        return chr__fail(err, CHR_INVALID, NULL, -1, "no input");
    /* errors name the file, and the record inside a container */
    char where_buf[1024];
    const char *where = in->origin ? in->origin : in->id;
    if ((in->format == CHR_FORMAT_JSONL || in->format == CHR_FORMAT_WARC) &&
        in->origin && in->id) {
        snprintf(where_buf, sizeof where_buf, "%s (id %s)", in->origin,
                 in->id);
        where = where_buf;
    }
    if (!in->data || in->len == 0)
        return chr__fail(err, CHR_EMPTY, where, -1, "empty document");
    if (in->len > cfg->max_doc_bytes)
        return chr__fail(err, CHR_TOOBIG, where, -1,
                         "document is %zu bytes, limit is %zu", in->len,
                         cfg->max_doc_bytes);
    if (chr__looks_binary(in->data, in->len))
        return chr__fail(err, CHR_BINARY, where, -1, "binary data, not text");

    size_t limit = ARENA_BASE + in->len * ARENA_PER_BYTE;
    chr__arena *a = chr__arena_new(limit);
    chr_doc *d = a ? chr__arena_alloc(a, sizeof *d) : NULL;
    if (!d) {
        chr__arena_free(a);
        return chr__fail(err, CHR_NOMEM, where, -1, "out of memory");
    }
    d->arena = a;
    d->format = in->format;
    d->input_hash = chr_input_hash(in);
    d->id = meta_str(a, in->id ? in->id : "doc");
    d->origin = meta_str(a, in->origin);

    chr__cleaned c;
    memset(&c, 0, sizeof c);
    chr__html page;
    memset(&page, 0, sizeof page);
    chr_status s;
    if (in->is_html) {
        s = chr__html_parse(in->data, in->len, a, &page, err);
        if (s == CHR_OK)
            s = chr__clean_html(&page, a, &c);
    } else {
        size_t len;
        char *text = chr__utf8_clean(in->data, in->len, a, &len);
        s = text ? chr__clean_text(text, len, a, &c) : CHR_NOMEM;
    }
    if (s != CHR_OK) {
        chr__arena_free(a);
        if (err && err->code == s && err->msg[0]) {
            if (!err->where[0])
                snprintf(err->where, sizeof err->where, "%s", where);
            return s;
        }
        return chr__fail(err, s, where, -1, "%s", chr_strerror(s));
    }

    d->title = first_of(meta_str(a, in->title), c.title, NULL);
    d->published = first_of(meta_date(a, in->published), c.published, NULL);
    d->outlet = first_of(meta_str(a, in->outlet), page.outlet,
                         first_of(c.site, c.dateline_outlet, NULL));
    d->byline = first_of(meta_str(a, in->byline), c.byline, NULL);
    d->url = first_of(meta_str(a, in->url), page.url, NULL);
    d->dateline_place = c.dateline_place;
    d->dateline_date = c.dateline_date;
    d->body = c.body ? c.body : "";
    d->body_len = c.body ? c.body_len : 0;
    d->removed = c.removed;
    d->n_removed = c.n_removed;
    if (d->body_len == 0)
        restore_prose(d);
    if (d->body_len == 0) {
        chr__arena_free(a);
        return chr__fail(err, CHR_EMPTY, where, -1,
                         "no article text found");
    }
    /* an unrelated text appended after the article: cut as spam */
    if ((s = chr__cut_topic_break(d, a)) != CHR_OK)
        goto fail;
    /* glued words ("Jinpingon", "historyPutin said") repaired, reported */
    char *fixed;
    size_t fixed_len;
    s = chr__repair_joins(d->body, d->body_len, a, &fixed, &fixed_len,
                          &d->repairs, &d->n_repairs);
    if (s != CHR_OK)
        goto fail;
    d->body = fixed;
    d->body_len = fixed_len;
    /* lines the store has seen on many pages of this site: its template */
    if ((s = chr__templates_apply(cfg->templates, d, a)) != CHR_OK)
        goto fail;
    if (d->body_len == 0) {
        chr__arena_free(a);
        return chr__fail(err, CHR_EMPTY, where, -1,
                         "no article text found (only site template)");
    }
    d->language = chr__guess_language(d->body, d->body_len);
    if (!d->language && page.lang)
        d->language = page.lang;
    chr__text_hash128(d->body, d->body_len, &d->hash_hi, &d->hash_lo);

    d->date_hint = first_of(d->published, d->dateline_date, NULL);
    if (!d->date_hint)
        d->date_hint = text_date(d, a);
    if ((s = chr__doc_terms(d, a)) != CHR_OK)
        goto fail;
    /* who and when: entities first (roles are dated by the document's
       date), then times, then quotations (speakers resolved through the
       entities) */
    if ((s = chr__entities_find(d, a)) != CHR_OK)
        goto fail;
    if ((s = chr__times_find(d->body, d->body_len, d->date_hint, a,
                             &d->times, &d->n_times)) != CHR_OK)
        goto fail;
    if ((s = chr__quotes_find(d, a)) != CHR_OK)
        goto fail;
    if ((s = story_when_where(d, a)) != CHR_OK)
        goto fail;
    *out = d;
    return CHR_OK;
fail:
    chr__arena_free(a);
    return chr__fail(err, s, where, -1, "%s", chr_strerror(s));
}

void chr_doc_free(chr_doc *doc)
{
    if (doc)
        chr__arena_free(doc->arena);
}
