/* cmd_export.c — `chronicle export`: the whole store in a format other
 * programs read (docs/FORMATS.md), to stdout or a file. */
#include "cli.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
    "Usage: chronicle export [options]\n"
    "Write the whole store (documents, stories, quotes, events, claims) for\n"
    "other programs.\n"
    "\n"
    "Options:\n"
    "  --db PATH          the store (default ./" CLI_DEFAULT_DB ")\n"
    "  --format FORMAT    json: one JSON object, see docs/FORMATS.md\n"
    "                     (default json; gdelt is planned)\n"
    "  -o, --output FILE  write to FILE instead of stdout\n"
    "  --help             show this help\n"
    "\n"
    "The output is deterministic: the same store gives the same bytes, and\n"
    "it ends with a newline.\n"
    "Exit status: 0 ok, 1 the store cannot be read or the output cannot be\n"
    "written, 2 usage error.\n"
    "\n"
    "Example:\n"
    "  chronicle export --db news.db --format json -o news.json\n";

typedef struct sink {
    FILE *f;
    char last; /* last byte written, to end with a newline */
} sink;

static int sink_write(void *ctx, const char *data, size_t len)
{
    sink *k = ctx;
    if (len == 0)
        return 0;
    if (fwrite(data, 1, len, k->f) != len)
        return 1;
    k->last = data[len - 1];
    return 0;
}

int cli_export(int argc, char **argv)
{
    const char *db = CLI_DEFAULT_DB, *format = "json", *output = NULL;
    cli_args a;
    cli_args_init(&a, "export", argc, argv);
    const char *tok;
    int r;
    while ((r = cli_args_next(&a, &tok)) != CLI_ARG_END) {
        if (r == CLI_ARG_OPERAND)
            return cli_usage_error(a.cmd, "unexpected argument '%s'", tok);
        if (cli_opt_is(&a, "--help", "-h")) {
            fputs(usage, stdout);
            return CLI_EXIT_OK;
        } else if (cli_opt_is(&a, "--db", NULL)) {
            if (!cli_opt_value(&a, &db))
                return CLI_EXIT_USAGE;
        } else if (cli_opt_is(&a, "--format", NULL)) {
            if (!cli_opt_value(&a, &format))
                return CLI_EXIT_USAGE;
        } else if (cli_opt_is(&a, "--output", "-o")) {
            if (!cli_opt_value(&a, &output))
                return CLI_EXIT_USAGE;
        } else {
            return cli_opt_unknown(&a);
        }
    }
    if (strcmp(format, "gdelt") == 0)
        return cli_usage_error(a.cmd, "format gdelt is not implemented yet");
    if (strcmp(format, "json") != 0)
        return cli_usage_error(a.cmd, "unknown format '%s' (known: json)",
                               format);
    chr_store *st = cli_open_existing_store(db);
    if (!st)
        return CLI_EXIT_FAILED;
    chr_error err;
    sink k = {stdout, '\n'};
    if (output && strcmp(output, "-") != 0) {
        k.f = fopen(output, "wb");
        if (!k.f) {
            fprintf(stderr, "chronicle: %s: %s\n", output, strerror(errno));
            chr_store_close(st);
            return CLI_EXIT_FAILED;
        }
    }
    chr_error_clear(&err);
    chr_status s = chr_store_export_json(st, sink_write, &k, &err);
    if (s == CHR_OK && k.last != '\n')
        sink_write(&k, "\n", 1);
    bool write_failed = fflush(k.f) != 0 || ferror(k.f);
    if (k.f != stdout && fclose(k.f) != 0)
        write_failed = true;
    int rc = CLI_EXIT_OK;
    if (s != CHR_OK && !write_failed) {
        cli_report(s, &err, db);
        rc = CLI_EXIT_FAILED;
    }
    if (write_failed) {
        fprintf(stderr, "chronicle: %s: %s\n", output ? output : "stdout",
                chr_strerror(CHR_IO));
        rc = CLI_EXIT_FAILED;
    }
    if (rc != CLI_EXIT_OK && k.f != stdout)
        unlink(output); /* no half-written file left behind */
    chr_store_close(st);
    return rc;
}
