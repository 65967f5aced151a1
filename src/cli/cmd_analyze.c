/* cmd_analyze.c — `chronicle analyze`: the per-document analysis alone, no
 * store. With --json one FORMATS.md analysis object a line on stdout,
 * otherwise a short human summary and the cleaned body of each document.
 * Documents come out in input order whatever the number of threads. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "Usage: chronicle analyze [options] INPUT...\n"
    "Analyse articles and print the result, without storing anything.\n"
    "\n"
    "INPUT is a file (plain text, HTML, JSON lines or WARC, recognised from\n"
    "the content, gzip-compressed or not), a directory (read recursively in\n"
    "name order, hidden entries skipped) or - for stdin.\n"
    "\n"
    "Options:\n"
    "  --json               one JSON analysis object a line (see\n"
    "                       docs/FORMATS.md) instead of the summary\n"
    "  --max-doc-bytes N    largest document accepted, bytes or with K/M/G\n"
    "                       (default 16M)\n"
    "  --threads N          analysis threads, 0 = one per core (default 0)\n"
    "  --help               show this help\n"
    "\n"
    "Without --json each document prints as a header (id, origin, format,\n"
    "title, published, outlet, byline, dateline, language, counts), a blank\n"
    "line, then the cleaned body. Failures print one line on stderr.\n"
    "Exit status: 0 all analysed, 1 some input failed, 2 usage error.\n"
    "\n"
    "Example:\n"
    "  chronicle analyze --json article.html | jq .title\n";

static void field(const char *name, const char *v)
{
    printf("%-10s %s\n", name, v ? v : "-");
}

static void print_human(const chr_doc *d, bool first)
{
    if (!first)
        putchar('\n');
    printf("== %s\n", d->id ? d->id : "-");
    field("origin:", d->origin);
    field("format:", chr_format_name(d->format));
    field("title:", d->title);
    field("published:", d->published);
    field("outlet:", d->outlet);
    field("byline:", d->byline);
    if (d->dateline_place || d->dateline_date)
        printf("%-10s %s%s%s%s\n", "dateline:",
               d->dateline_place ? d->dateline_place : "-",
               d->dateline_date ? " (" : "",
               d->dateline_date ? d->dateline_date : "",
               d->dateline_date ? ")" : "");
    else
        field("dateline:", NULL);
    field("language:", d->language);
    printf("%-10s %zu entities, %zu times, %zu quotes, %zu events, "
           "%zu claims, %zu removed, %zu repairs\n",
           "found:", d->n_entities, d->n_times, d->n_quotes, d->n_events,
           d->n_claims, d->n_removed, d->n_repairs);
    putchar('\n');
    if (d->body && d->body_len) {
        fwrite(d->body, 1, d->body_len, stdout);
        if (d->body[d->body_len - 1] != '\n')
            putchar('\n');
    }
}

int cli_analyze(int argc, char **argv)
{
    chr_config cfg;
    chr_config_init(&cfg);
    bool json = false;
    const char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
    size_t ninputs = 0;
    if (!inputs) {
        fprintf(stderr, "chronicle: %s\n", chr_strerror(CHR_NOMEM));
        return CLI_EXIT_FAILED;
    }
    cli_args a;
    cli_args_init(&a, "analyze", argc, argv);
    const char *tok;
    int r, opt;
    while ((r = cli_args_next(&a, &tok)) != CLI_ARG_END) {
        if (r == CLI_ARG_OPERAND) {
            inputs[ninputs++] = tok;
        } else if (cli_opt_is(&a, "--help", "-h")) {
            fputs(usage, stdout);
            free(inputs);
            return CLI_EXIT_OK;
        } else if (cli_opt_is(&a, "--json", NULL)) {
            if (!cli_opt_flag(&a))
                goto usage_error;
            json = true;
        } else if ((opt = cli_opt_analysis(&a, &cfg)) != CLI_OPT_NOT_MINE) {
            if (opt == CLI_OPT_BAD)
                goto usage_error;
        } else {
            cli_opt_unknown(&a);
            goto usage_error;
        }
    }
    if (ninputs == 0) {
        cli_usage_error(a.cmd, "no INPUT given");
        goto usage_error;
    }

    chr_source *src = NULL;
    cli_batch b;
    if (chr_source_open(&src, inputs, ninputs, &cfg) != CHR_OK ||
        !cli_batch_init(&b, &cfg, 64, (size_t)128 << 20, cfg.threads)) {
        fprintf(stderr, "chronicle: %s\n", chr_strerror(CHR_NOMEM));
        chr_source_free(src);
        free(inputs);
        return CLI_EXIT_FAILED;
    }
    chr_buf out;
    chr_buf_init(&out, 0);
    unsigned long long failed = 0, done = 0;
    while (cli_batch_read(&b, src, NULL, NULL) > 0) {
        cli_batch_analyze(&b, NULL, NULL);
        for (size_t i = 0; i < b.n; i++) {
            cli_slot *s = &b.slots[i];
            if (s->st != CHR_OK || !s->doc) {
                fflush(stdout); /* keep stdout and stderr in order */
                cli_report(s->st, &s->err, s->in ? s->in->origin : NULL);
                failed++;
                continue;
            }
            if (json) {
                chr_buf_reset(&out);
                chr_status st = chr_doc_to_json(s->doc, &out);
                if (st != CHR_OK) {
                    fflush(stdout);
                    chr_error e;
                    chr_error_clear(&e);
                    cli_report(st, &e, s->doc->origin);
                    failed++;
                    continue;
                }
                fwrite(out.data ? out.data : "", 1, out.len, stdout);
                putchar('\n');
            } else {
                print_human(s->doc, done == 0);
            }
            done++;
        }
        cli_batch_clear(&b);
    }
    fflush(stdout);
    int rc = failed ? CLI_EXIT_FAILED : CLI_EXIT_OK;
    if (ferror(stdout)) {
        fprintf(stderr, "chronicle: stdout: %s\n", chr_strerror(CHR_IO));
        rc = CLI_EXIT_FAILED;
    }
    chr_buf_free(&out);
    cli_batch_free(&b);
    chr_source_free(src);
    free(inputs);
    return rc;

usage_error:
    free(inputs);
    return CLI_EXIT_USAGE;
}
