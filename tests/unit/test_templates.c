/* test_templates.c — site-template evidence: keys, removal from a body,
 * and the store's counting (three documents, two stories, then refresh). */
#include "t.h"

#include "clean/templates.h"
#include "doc/doc.h"
#include "text/text.h"

#include <stdlib.h>
#include <unistd.h>

T_TEST(template_keys)
{
    T_CHECK(chr__site_key("Harbor Times", NULL) ==
            chr__site_key("harbor times", "https://other.example/"));
    T_CHECK(chr__site_key(NULL, "https://www.Example.org/a/b") ==
            chr__site_key(NULL, "http://example.org:8080/"));
    T_CHECK(chr__site_key(NULL, NULL) == 0);
    T_CHECK(chr__line_key("Subscribe now!", 14) ==
            chr__line_key("  subscribe NOW ", 16));
    T_CHECK(chr__line_key("  ", 2) == 0);
}

static chr_doc *doc_with(const char *outlet, const char *body)
{
    chr__arena *a = chr__arena_new(0);
    chr_doc *d = chr__arena_alloc(a, sizeof *d);
    d->arena = a;
    d->id = "d";
    d->outlet = outlet;
    d->body = chr__arena_strdup(a, body);
    d->body_len = strlen(body);
    chr__text_hash128(d->body, d->body_len, &d->hash_hi, &d->hash_lo);
    chr__doc_terms(d, a);
    return d;
}

T_TEST(template_lines_removed_from_body)
{
    chr_templates *t = chr__templates_new();
    uint64_t site = chr__site_key("Harbor Times", NULL);
    T_EQ_INT(chr__templates_add(t, site, chr__line_key("Sign up today.", 14)),
             CHR_OK);
    chr_doc *d = doc_with("Harbor Times",
                          "Sign up today.\n\nThe bridge reopened.\n\nSign up "
                          "today!");
    T_EQ_INT(chr__templates_apply(t, d, d->arena), CHR_OK);
    T_EQ_STR(d->body, "The bridge reopened.");
    T_EQ_INT(d->n_removed, 2);
    T_EQ_STR(d->removed[0].reason, "template");
    chr_doc *other = doc_with("Other Paper", "Sign up today.\n\nText.");
    T_EQ_INT(chr__templates_apply(t, other, other->arena), CHR_OK);
    T_EQ_STR(other->body, "Sign up today.\n\nText."); /* another site */
    chr_doc_free(d);
    chr_doc_free(other);
    chr__templates_free(t);
}

static const char *BODIES[] = {
    "Get our morning briefing every day.\n\nDock workers in Lindqvist walked "
    "out on Monday demanding higher wages at the port.",
    "Get our morning briefing every day.\n\nA magnitude six earthquake shook "
    "the coastal town of Port Eliane before dawn on Sunday.",
    "Get our morning briefing every day.\n\nThe chamber orchestra of "
    "Nordhaven won the national music prize for its folk recordings.",
};

T_TEST(store_counts_site_lines_and_refreshes)
{
    char dir[] = "/tmp/chr-tpl-XXXXXX";
    T_CHECK(mkdtemp(dir) != NULL);
    char path[256];
    snprintf(path, sizeof path, "%s/t.db", dir);
    chr_store *st;
    chr_error err;
    T_EQ_INT(chr_store_open(&st, path, &err), CHR_OK);
    const chr_templates *t = chr_store_templates(st, &err);
    T_CHECK(t != NULL);
    T_EQ_INT(chr_templates_count(t), 0);
    for (int i = 0; i < 3; i++) {
        chr_doc *d = doc_with("Harbor Times", BODIES[i]);
        chr_add_result r;
        T_EQ_INT(chr_store_begin(st, &err), CHR_OK);
        T_EQ_INT(chr_store_add(st, d, &r, &err), CHR_OK);
        T_EQ_INT(chr_store_commit(st, &err), CHR_OK);
        chr_doc_free(d);
    }
    T_EQ_INT(chr_templates_count(t), 0); /* not before a refresh */
    T_EQ_INT(chr_store_templates_refresh(st, &err), CHR_OK);
    T_EQ_INT(chr_templates_count(t), 1);
    uint64_t site = chr__site_key("Harbor Times", NULL);
    T_CHECK(chr__templates_has(t, site,
                               chr__line_key("Get our morning briefing every "
                                             "day.", 35)));
    chr_store_close(st);
    /* reopened: the evidence is loaded from the table */
    T_EQ_INT(chr_store_open(&st, path, &err), CHR_OK);
    t = chr_store_templates(st, &err);
    T_EQ_INT(chr_templates_count(t), 1);
    chr_store_close(st);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    T_CHECK(system(cmd) == 0);
}
