/* templates.c — the store's side of site templates: every stored document
 * of a known site (outlet or URL host) counts its lines in site_lines; a
 * line held by CHR__TEMPLATE_MIN_DOCS documents of the site, in at least two
 * different stories, becomes template evidence. Requiring two stories keeps
 * a paragraph repeated by updates of one story from being taken for the
 * site's furniture. New evidence is applied between batches
 * (chr_store_templates_refresh), so analyses never see it change. */
#include "store/store.h"

#include "clean/templates.h"

#include <stdlib.h>
#include <string.h>

void chr__store_templates_free(chr_store *st)
{
    chr__templates_free(st->templates);
    st->templates = NULL;
    free(st->tpl_pending);
    st->tpl_pending = NULL;
    st->n_pending = st->cap_pending = st->batch_pending = 0;
}

static chr_status load(chr_store *st, chr_error *err)
{
    chr_templates *t = chr__templates_new();
    if (!t)
        return chr__fail(err, CHR_NOMEM, st->path, -1, "out of memory");
    sqlite3_stmt *s;
    if (chr__prepare(st, "SELECT site, line FROM site_lines "
                           "WHERE docs >= ? AND multi", &s) != SQLITE_OK) {
        chr__templates_free(t);
        return chr__db_fail(st, err, "loading site templates");
    }
    sqlite3_bind_int(s, 1, CHR__TEMPLATE_MIN_DOCS);
    chr_status r = CHR_OK;
    int rc;
    while (r == CHR_OK && (rc = sqlite3_step(s)) == SQLITE_ROW)
        r = chr__templates_add(t, (uint64_t)sqlite3_column_int64(s, 0),
                               (uint64_t)sqlite3_column_int64(s, 1));
    chr__release(st, s);
    if (r != CHR_OK) {
        chr__templates_free(t);
        return chr__fail(err, r, st->path, -1, "loading site templates");
    }
    st->templates = t;
    return CHR_OK;
}

const chr_templates *chr_store_templates(chr_store *st, chr_error *err)
{
    if (!st->templates && load(st, err) != CHR_OK)
        return NULL;
    return st->templates;
}

chr_status chr_store_templates_refresh(chr_store *st, chr_error *err)
{
    if (!st->templates) /* loads committed evidence when first asked */
        return CHR_OK;
    size_t upto = st->in_batch ? st->batch_pending : st->n_pending;
    for (size_t i = 0; i + 1 < upto; i += 2)
        if (chr__templates_add(st->templates, st->tpl_pending[i],
                               st->tpl_pending[i + 1]) != CHR_OK)
            return chr__fail(err, CHR_NOMEM, st->path, -1, "out of memory");
    if (st->n_pending > upto)
        memmove(st->tpl_pending, st->tpl_pending + upto,
                (st->n_pending - upto) * sizeof *st->tpl_pending);
    st->n_pending -= upto;
    st->batch_pending -= st->in_batch ? upto : 0;
    if (!st->in_batch)
        st->batch_pending = 0;
    return CHR_OK;
}

static chr_status pend(chr_store *st, uint64_t site, uint64_t line)
{
    if (st->n_pending + 2 > st->cap_pending) {
        size_t nc = st->cap_pending ? st->cap_pending * 2 : 64;
        uint64_t *n = realloc(st->tpl_pending, nc * sizeof *n);
        if (!n)
            return CHR_NOMEM;
        st->tpl_pending = n;
        st->cap_pending = nc;
    }
    st->tpl_pending[st->n_pending++] = site;
    st->tpl_pending[st->n_pending++] = line;
    return CHR_OK;
}

/* Counts one line of a document (once per document). */
static chr_status count_line(chr_store *st, sqlite3_stmt *s, chr__map *seen,
                             uint64_t site, const char *p, size_t n,
                             int64_t story)
{
    if (n > CHR__TEMPLATE_MAX_BYTES)
        return CHR_OK;
    uint64_t line = chr__line_key(p, n);
    if (!line || chr__map_get(seen, line))
        return CHR_OK;
    if (!chr__map_slot(seen, line))
        return CHR_NOMEM;
    sqlite3_reset(s);
    sqlite3_bind_int64(s, 1, (sqlite3_int64)site);
    sqlite3_bind_int64(s, 2, (sqlite3_int64)line);
    sqlite3_bind_int64(s, 3, story);
    int rc = sqlite3_step(s);
    if (rc != SQLITE_ROW)
        return CHR_DB;
    int docs = sqlite3_column_int(s, 0), multi = sqlite3_column_int(s, 1);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        ;
    /* qualified (again): adding it twice to the evidence is harmless */
    if (docs >= CHR__TEMPLATE_MIN_DOCS && multi)
        return pend(st, site, line);
    return CHR_OK;
}

chr_status chr__store_template_lines(chr_store *st, const chr_doc *doc,
                                     int64_t story, chr_error *err)
{
    uint64_t site = chr__site_key(doc->outlet, doc->url);
    if (!site)
        return CHR_OK;
    sqlite3_stmt *s;
    if (chr__prepare(st, "INSERT INTO site_lines(site, line, docs, story, multi) "
            "VALUES(?1, ?2, 1, ?3, 0) "
            "ON CONFLICT(site, line) DO UPDATE SET docs = docs + 1, "
            "multi = multi OR story != excluded.story "
            "RETURNING docs, multi", &s) != SQLITE_OK)
        return chr__db_fail(st, err, "counting site lines");
    chr__map seen;
    chr__map_init(&seen);
    chr_status r = CHR_OK;
    size_t pos = 0, at, n;
    while (r == CHR_OK &&
           chr__next_paragraph(doc->body, doc->body_len, &pos, &at, &n))
        r = count_line(st, s, &seen, site, doc->body + at, n, story);
    for (size_t i = 0; i < doc->n_removed && r == CHR_OK; i++)
        r = count_line(st, s, &seen, site, doc->removed[i].text,
                       strlen(doc->removed[i].text), story);
    chr__map_free(&seen);
    chr__release(st, s);
    if (r == CHR_DB)
        return chr__db_fail(st, err, "counting site lines");
    if (r != CHR_OK)
        return chr__fail(err, r, st->path, -1, "counting site lines");
    return CHR_OK;
}
