/* cmd_stories.c — `chronicle stories`: one line per story of the store, in
 * an aligned table under a header line. */
#include "cli.h"

#include <string.h>

static const char usage[] =
    "Usage: chronicle stories [options]\n"
    "List the stories of the store, oldest first.\n"
    "\n"
    "Options:\n"
    "  --db PATH    the store (default ./" CLI_DEFAULT_DB ")\n"
    "  --help       show this help\n"
    "\n"
    "Output: a header line, then one line per story, columns separated by\n"
    "two spaces:\n"
    "  ID     story id (right-aligned, 6 wide)\n"
    "  DATE   the story's date, YYYY-MM-DD, or -\n"
    "  PLACE  where it happened, or -; cut to 24 characters (ending in an\n"
    "         ellipsis) when longer\n"
    "  DOCS   number of documents (right-aligned, 5 wide)\n"
    "  TITLE  the story's title, whole, or -\n"
    "Exit status: 0 ok, 1 the store cannot be read, 2 usage error.\n"
    "\n"
    "Example:\n"
    "  chronicle stories --db news.db\n";

#define PLACE_W 24

static int story_line(void *ctx, const chr_story_info *s)
{
    (void)ctx;
    printf("%6lld  ", (long long)s->id);
    cli_put_padded(stdout, s->date, 10);
    fputs("  ", stdout);
    cli_put_padded(stdout, s->place, PLACE_W);
    printf("  %5d  %s\n", s->n_documents,
           s->title && s->title[0] ? s->title : "-");
    return 0;
}

int cli_stories(int argc, char **argv)
{
    const char *db = CLI_DEFAULT_DB;
    cli_args a;
    cli_args_init(&a, "stories", argc, argv);
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
        } else {
            return cli_opt_unknown(&a);
        }
    }
    chr_store *st = cli_open_existing_store(db);
    if (!st)
        return CLI_EXIT_FAILED;
    chr_error err;
    chr_error_clear(&err);
    printf("%6s  %-10s  %-*s  %5s  %s\n", "ID", "DATE", PLACE_W, "PLACE",
           "DOCS", "TITLE");
    chr_status s = chr_store_stories(st, story_line, NULL, &err);
    fflush(stdout);
    if (s != CHR_OK)
        cli_report(s, &err, db);
    chr_store_close(st);
    return s == CHR_OK ? CLI_EXIT_OK : CLI_EXIT_FAILED;
}
