/* main.c — the `chronicle` program: dispatches `chronicle COMMAND ...` to
 * one file per subcommand (cmd_*.c). The program only parses arguments,
 * calls libchronicle and prints; all the work is in the library. */
#include "cli.h"

#include <libxml/parser.h>
#include <string.h>

static const char usage[] =
    "Usage: chronicle COMMAND [options] [arguments]\n"
    "Turn news articles into stories, events, quotations and claims.\n"
    "\n"
    "Commands:\n"
    "  ingest    read, analyse and store articles, grouping them into stories\n"
    "  analyze   analyse articles and print the result (no store)\n"
    "  stories   list the stories of a store\n"
    "  show      show one story and its documents\n"
    "  export    write the whole store as JSON\n"
    "  tag       tag CoNLL-2003 columns with named entities\n"
    "\n"
    "Options:\n"
    "  --help       show this help ('chronicle COMMAND --help' for a command)\n"
    "  --version    print the version\n"
    "\n"
    "Exit status: 0 ok, 1 some input or the store failed, 2 usage error.\n"
    "\n"
    "Example:\n"
    "  chronicle ingest --db news.db articles/ && chronicle stories --db "
    "news.db\n";

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
} commands[] = {
    {"ingest", cli_ingest},   {"analyze", cli_analyze},
    {"stories", cli_stories}, {"show", cli_show},
    {"export", cli_export},   {"tag", cli_tag},
};

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return CLI_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 ||
        strcmp(cmd, "help") == 0) {
        fputs(usage, stdout);
        return CLI_EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "version") == 0) {
        printf("chronicle %s\n", CHR_VERSION);
        return CLI_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(cmd, commands[i].name) == 0) {
            /* The library parses HTML on several threads: libxml2 must be
               initialised once, before any of them starts. */
            xmlInitParser();
            int rc = commands[i].run(argc - 1, argv + 1);
            xmlCleanupParser();
            if (fflush(stdout) != 0 && rc == CLI_EXIT_OK)
                rc = CLI_EXIT_FAILED;
            return rc;
        }
    }
    if (cmd[0] == '-')
        fprintf(stderr, "chronicle: unknown option %s\n\n", cmd);
    else
        fprintf(stderr, "chronicle: unknown command '%s'\n\n", cmd);
    fputs(usage, stderr);
    return CLI_EXIT_USAGE;
}
