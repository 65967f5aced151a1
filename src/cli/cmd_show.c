/* cmd_show.c — `chronicle show STORY`: one story and its documents. */
#include "cli.h"

#include <string.h>

static const char usage[] =
    "Usage: chronicle show [options] STORY\n"
    "Show one story of the store and its documents.\n"
    "\n"
    "Options:\n"
    "  --db PATH    the store (default ./" CLI_DEFAULT_DB ")\n"
    "  --help       show this help\n"
    "\n"
    "Output: \"story ID\" then its title, date, place and number of\n"
    "documents as \"name: value\" lines; then for each document a blank line,\n"
    "\"document ID\", and indented lines: title, published, outlet, origin,\n"
    "similarity (to the story when it joined; 1.000 for the first), and\n"
    "copy of / relation when it copies another document. Then, when the\n"
    "story has quotations, a blank line, \"quotes\", and for each statement\n"
    "its speaker and canonical wording, then one line per outlet's wording:\n"
    "the document id, then the wording with its word differences from the\n"
    "canonical one marked [-removed-] {+added+} (= when identical; \"no\n"
    "marks\" when the outlet printed it without quotation marks).\n"
    "Unknown values print as -.\n"
    "Exit status: 0 ok, 1 no such story or the store cannot be read,\n"
    "2 usage error.\n"
    "\n"
    "Example:\n"
    "  chronicle show --db news.db 12\n";

static const char *or_dash(const char *s)
{
    return s && s[0] ? s : "-";
}

static int story_cb(void *ctx, const chr_story_info *s)
{
    (void)ctx;
    printf("story %lld\n", (long long)s->id);
    printf("  title:      %s\n", or_dash(s->title));
    printf("  date:       %s\n", or_dash(s->date));
    printf("  place:      %s\n", or_dash(s->place));
    printf("  documents:  %d\n", s->n_documents);
    return 0;
}

static int doc_cb(void *ctx, const chr_doc_info *d)
{
    (void)ctx;
    printf("\ndocument %s\n", or_dash(d->id));
    printf("  title:      %s\n", or_dash(d->title));
    printf("  published:  %s\n", or_dash(d->published));
    printf("  outlet:     %s\n", or_dash(d->outlet));
    printf("  origin:     %s\n", or_dash(d->origin));
    printf("  similarity: %.3f\n", d->similarity);
    if ((d->copy_of && d->copy_of[0]) || (d->relation && d->relation[0])) {
        printf("  copy of:    %s\n", or_dash(d->copy_of));
        printf("  relation:   %s\n", or_dash(d->relation));
    }
    return 0;
}

static int quote_cb(void *ctx, const chr_story_quote *q)
{
    int *n = ctx;
    if ((*n)++ == 0)
        printf("\nquotes\n");
    printf("  %s%s%s%s: \"%s\"\n", or_dash(q->speaker),
           q->speaker_actor ? " (" : "", q->speaker_actor ? q->speaker_actor : "",
           q->speaker_actor ? ")" : "", or_dash(q->text));
    for (size_t i = 0; i < q->n_variants; i++) {
        const chr_quote_variant *v = &q->variants[i];
        const char *shown = v->diff ? v->diff : "=";
        if (v->diff && strcmp(v->text ? v->text : "", q->text ? q->text : "") == 0)
            shown = "=";
        printf("    %s%s: %s\n", or_dash(v->document),
               v->marks_lost ? " (no marks)" : "", shown);
    }
    return 0;
}

int cli_show(int argc, char **argv)
{
    const char *db = CLI_DEFAULT_DB, *story = NULL;
    cli_args a;
    cli_args_init(&a, "show", argc, argv);
    const char *tok;
    int r;
    while ((r = cli_args_next(&a, &tok)) != CLI_ARG_END) {
        if (r == CLI_ARG_OPERAND) {
            if (story)
                return cli_usage_error(a.cmd, "unexpected argument '%s'",
                                       tok);
            story = tok;
        } else if (cli_opt_is(&a, "--help", "-h")) {
            fputs(usage, stdout);
            return CLI_EXIT_OK;
        } else if (cli_opt_is(&a, "--db", NULL)) {
            if (!cli_opt_value(&a, &db))
                return CLI_EXIT_USAGE;
        } else {
            return cli_opt_unknown(&a);
        }
    }
    if (!story)
        return cli_usage_error(a.cmd, "no STORY given");
    long long id;
    if (!cli_parse_long(a.cmd, "STORY", story, 1, INT64_MAX, &id))
        return CLI_EXIT_USAGE;
    chr_store *st = cli_open_existing_store(db);
    if (!st)
        return CLI_EXIT_FAILED;
    chr_error err;
    chr_error_clear(&err);
    chr_status s =
        chr_store_story(st, (int64_t)id, story_cb, doc_cb, NULL, &err);
    int nq = 0;
    if (s == CHR_OK)
        s = chr_store_story_quotes(st, (int64_t)id, quote_cb, &nq, &err);
    fflush(stdout);
    if (s == CHR_NOTFOUND) {
        fprintf(stderr, "chronicle: story %lld: not found\n", id);
    } else if (s != CHR_OK) {
        cli_report(s, &err, db);
    }
    chr_store_close(st);
    return s == CHR_OK ? CLI_EXIT_OK : CLI_EXIT_FAILED;
}
