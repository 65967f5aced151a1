/* places_doc.c — the places of a document (chr__places_resolve_doc):
 * the dateline place, the event places of the lead and of the title, and
 * every gazetteer name of the body, each resolved to a gazetteer entry with
 * its country (places.c) using the countries the document talks about as
 * context. The names and the context come from places_scan.c (method and
 * decisions at its top); this file resolves them in a second pass, once
 * the whole context is known, and picks the document's place: the
 * dateline's, else the first event place below country level (lead, then
 * title), else the first event place; when that is a country, the first
 * locative place inside it further down the body ("met in Kazakhstan" ...
 * "talks in Astana"), if any. A dateline "Town, Qualifier" whose
 * town is not in the gazetteer keeps the qualifier's country
 * ("Smalltown, Kazakhstan"). */
#include "resources/places_int.h"

#include "doc/doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEXT_CAP 256

/* ---- the document ---- */

static chr_status set_text(chr__place_hit *h, chr__arena *a, const char *town,
                           size_t town_n)
{
    char buf[TEXT_CAP];
    size_t n = 0;
    if (h->id >= 0) {
        n = chr__place_format(h->id, 0, buf, sizeof buf);
    } else if (h->country_id >= 0) {
        chr__place_info pi;
        chr__place_get(h->country_id, &pi);
        if (town_n > 120)
            town_n = 120;
        while (town_n > 0 && ((unsigned char)town[town_n] & 0xC0) == 0x80)
            town_n--;
        n = (size_t)snprintf(buf, sizeof buf, "%.*s, %s", (int)town_n, town,
                             pi.name);
        if (n >= sizeof buf)
            n = sizeof buf - 1;
    }
    if (!n)
        return CHR_OK;
    h->text = chr__arena_strndup(a, buf, n);
    return h->text ? CHR_OK : CHR_NOMEM;
}

static void fill_hit(chr__place_hit *h, int32_t id, int how, size_t start,
                     size_t end, float score)
{
    memset(h, 0, sizeof *h);
    chr__place_info pi;
    h->id = id;
    h->country_id = -1;
    if (chr__place_get(id, &pi)) {
        h->country_id = pi.country_id;
        h->kind = pi.kind;
    }
    h->how = how;
    h->start = start;
    h->end = end;
    h->score = score;
}

static chr_status resolve_dateline(const chr_doc *d, chr__arena *a,
                                   chr__doc_places *out, int add_ctx)
{
    const char *p = d->dateline_place;
    if (!p || !*p)
        return CHR_OK;
    size_t n = strnlen(p, 512);
    const char *comma = memchr(p, ',', n);
    size_t name_n = comma ? (size_t)(comma - p) : n;
    int32_t within = -1;
    if (comma) {
        size_t qn = n - name_n - 1;
        const char *q = chr__trim(comma + 1, &qn);
        within = chr__place_qualifier(q, qn, &out->ctx);
    }
    if (add_ctx) { /* first pass: the dateline as context */
        if (within >= 0)
            chr__place_ctx_add(&out->ctx, within, 3.0f);
        chr__place_cand c[4];
        if (chr__places_lookup(p, name_n, c, 4) == 1 &&
            !(c[0].flags & (CHR__PLACE_DEMONYM | CHR__PLACE_QUAL)))
            chr__place_ctx_add(&out->ctx, c[0].id, 2.0f);
        return CHR_OK;
    }
    float sc = 0;
    int caps = 1;
    for (size_t i = 0; i < name_n; i++)
        if (p[i] >= 'a' && p[i] <= 'z')
            caps = 0;
    int32_t id = chr__place_resolve(p, name_n, &out->ctx, within, 0, caps, &sc);
    if (id < 0 && within < 0)
        id = chr__place_resolve(p, n, &out->ctx, -1, 0, caps, &sc);
    if (id < 0 && within < 0)
        return CHR_OK;
    fill_hit(&out->dateline, id, CHR__PLACE_BY_DATELINE, 0, n, sc);
    if (id < 0) { /* an unknown town of a known country or region */
        chr__place_info qi;
        chr__place_get(within, &qi);
        out->dateline.country_id = qi.country_id;
    }
    return set_text(&out->dateline, a, p, name_n);
}

/* Resolves spans[0..n) of text; appends the event places to ev (cap
 * max_ev) and, when mn is not NULL, every accepted name to mn (cap
 * max_mn). */
static chr_status resolve_spans(const chr__places_span *spans, size_t n_spans,
                                const char *text, chr__arena *a,
                                chr__doc_places *out, chr__place_hit *ev,
                                size_t *n_ev, size_t max_ev,
                                chr__place_hit *mn, size_t *n_mn,
                                size_t max_mn, const chr__map *names,
                                int english)
{
    for (size_t i = 0; i < n_spans; i++) {
        const chr__places_span *sp = &spans[i];
        const char *s = text + sp->start;
        size_t n = sp->end - sp->start;
        float score = 0;
        int32_t id = -1;
        if (sp->within >= 0)
            id = chr__place_resolve(s, n, &out->ctx, sp->within, 0, sp->caps,
                                    &score);
        if (id < 0)
            id = chr__place_resolve(s, n, &out->ctx, -1, 0, sp->caps, &score);
        if (id < 0)
            continue;
        chr__place_info pi;
        chr__place_get(id, &pi);
        int town = pi.kind >= CHR__PLACE_CAPITAL;
        if (sp->trigger == TR_NONE && town && pi.kind != CHR__PLACE_CAPITAL) {
            int known = out->ctx.total > 0 &&
                        out->ctx.country[pi.country_id] >= 0.15f * out->ctx.total;
            if (sp->common || (!known && pi.population < 300000) ||
                (sp->word && names && chr__map_get(names, sp->word)) ||
                !english)
                continue;
        }
        /* "in Crystal", "in Bath": a common word is a town only when big
           or qualified ("Bath, England") */
        if (town && sp->common && sp->within < 0 && pi.population < 100000)
            continue;
        int how = sp->trigger == TR_LOC     ? CHR__PLACE_BY_LOCATIVE
                  : sp->trigger == TR_APPOS ? CHR__PLACE_BY_APPOSITION
                                            : CHR__PLACE_BY_MENTION;
        if (how != CHR__PLACE_BY_MENTION && sp->in_lead && *n_ev < max_ev) {
            chr__place_hit *h = &ev[*n_ev];
            fill_hit(h, id, how, sp->start, sp->qend, score);
            if (set_text(h, a, NULL, 0) != CHR_OK)
                return CHR_NOMEM;
            (*n_ev)++;
        }
        if (mn && *n_mn < max_mn) {
            chr__place_hit *h = &mn[*n_mn];
            fill_hit(h, id, how, sp->start, sp->nend, score);
            if (set_text(h, a, NULL, 0) != CHR_OK)
                return CHR_NOMEM;
            (*n_mn)++;
        }
    }
    return CHR_OK;
}

/* The first hit of h[0..n) below country level, else the first. */
static const chr__place_hit *first_place(const chr__place_hit *h, size_t n,
                                         int any)
{
    for (size_t i = 0; i < n; i++)
        if (any || h[i].kind != CHR__PLACE_COUNTRY)
            return &h[i];
    return NULL;
}

chr_status chr__places_resolve_doc(const chr_doc *d, chr__arena *a,
                                   chr__doc_places *out)
{
    memset(out, 0, sizeof *out);
    chr__place_ctx_init(&out->ctx);
    out->dateline.id = out->dateline.country_id = -1;
    if (!d || !a)
        return CHR_INVALID;
    chr__map names; /* malloc'ed: freed at both exits */
    chr__map_init(&names);
    /* a token takes two bytes at least (a character and a separator), a
       name as much: limits sized by the text, within CHUNK_TOKENS and
       MAX_SPANS. The token and body-span buffers are malloc'ed scratch
       that grows on demand (places_scan.c), freed at both exits: sizing
       them by the whole body zeroed and faulted in up to 750 KB a
       document for the few hundred tokens of a chunk actually used. */
    size_t longest = d->body ? d->body_len : 0;
    if (d->title && strnlen(d->title, 4096) > longest)
        longest = strnlen(d->title, 4096);
    size_t max_tokens = longest / 2 + 2 < CHUNK_TOKENS ? longest / 2 + 2
                                                        : CHUNK_TOKENS;
    size_t max_spans = d->body && d->body_len / 2 + 2 < MAX_SPANS
                           ? d->body_len / 2 + 2
                           : MAX_SPANS;
    chr__places_span tspans[MAX_TITLE_SPANS];
    chr__places_span *spans = NULL;

    /* pass 1: context and spans of the title, the dateline and the body */
    chr__places_scan sc;
    memset(&sc, 0, sizeof sc);
    sc.max_tokens = max_tokens;
    sc.ctx = &out->ctx;
    sc.name_words = &names;
    size_t n_tspans = 0;
    if (d->title) {
        sc.s = d->title;
        sc.n = strnlen(d->title, 4096);
        sc.lead_end = sc.n;
        sc.spans = tspans;
        sc.max_spans = sc.cap_spans = MAX_TITLE_SPANS;
        if (chr__places_scan_text(&sc) != CHR_OK)
            goto nomem;
        n_tspans = sc.n_spans;
    }
    resolve_dateline(d, a, out, 1);
    sc.spans = NULL;
    sc.n_spans = sc.cap_spans = 0;
    if (d->body) {
        sc.s = d->body;
        sc.n = d->body_len;
        sc.lead_end = chr__lead_end(d->body, d->body_len);
        sc.max_spans = max_spans;
        chr_status st = chr__places_scan_text(&sc);
        spans = sc.spans;
        if (st != CHR_OK)
            goto nomem;
    }

    /* pass 2: resolution. In a text not known to be English, a capitalised
       word is too often an ordinary one ("Auch", "Ende"): towns count
       only after a locative there. */
    int english = !d->language || !strcmp(d->language, "en");
    if (resolve_dateline(d, a, out, 0) != CHR_OK)
        goto nomem;
    size_t max_ev = sc.n_spans < MAX_EVENTS ? sc.n_spans : MAX_EVENTS;
    size_t max_mn = sc.n_spans < MAX_MENTIONS ? sc.n_spans : MAX_MENTIONS;
    out->events = chr__arena_alloc(a, (max_ev + 1) * sizeof *out->events);
    out->mentions = chr__arena_alloc(a, (max_mn + 1) * sizeof *out->mentions);
    out->title_events =
        chr__arena_alloc(a, (n_tspans + 1) * sizeof *out->title_events);
    if (!out->events || !out->mentions || !out->title_events)
        goto nomem;
    if (resolve_spans(spans, sc.n_spans, d->body, a, out, out->events,
                      &out->n_events, max_ev, out->mentions,
                      &out->n_mentions, max_mn, &names, english) != CHR_OK ||
        resolve_spans(tspans, n_tspans, d->title, a, out, out->title_events,
                      &out->n_title_events, n_tspans, NULL, NULL, 0,
                      NULL, english) != CHR_OK)
        goto nomem;

    /* the document's place */
    out->main = out->dateline.text ? &out->dateline : NULL;
    if (!out->main)
        out->main = first_place(out->events, out->n_events, 0);
    if (!out->main)
        out->main = first_place(out->title_events, out->n_title_events, 0);
    if (!out->main)
        out->main = first_place(out->events, out->n_events, 1);
    if (!out->main)
        out->main = first_place(out->title_events, out->n_title_events, 1);
    /* a country only: the first locative place inside it anywhere in the
       body is more precise ("met in Kazakhstan" ... "in Astana") */
    if (out->main && out->main->kind == CHR__PLACE_COUNTRY)
        for (size_t i = 0; i < out->n_mentions; i++) {
            const chr__place_hit *h = &out->mentions[i];
            if (h->how != CHR__PLACE_BY_MENTION &&
                h->kind != CHR__PLACE_COUNTRY &&
                h->country_id == out->main->country_id) {
                out->main = h;
                break;
            }
        }
    chr__map_free(&names);
    free(sc.t);
    free(spans);
    return CHR_OK;
nomem:
    chr__map_free(&names);
    free(sc.t);
    free(spans);
    memset(out, 0, sizeof *out);
    return CHR_NOMEM;
}
