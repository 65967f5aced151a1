/* cli.h — shared pieces of the `chronicle` program: the subcommands, a small
 * option parser, number parsing, error printing, and the read-analyse batch
 * used by `ingest` and `analyze`. Nothing here is part of the library: the
 * program may print and exit, the library may not. */
#ifndef CHR_CLI_H
#define CHR_CLI_H

#include "chronicle.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Exit statuses of every command. */
enum { CLI_EXIT_OK = 0, CLI_EXIT_FAILED = 1, CLI_EXIT_USAGE = 2 };

/* The default store of ingest, stories, show and export. */
#define CLI_DEFAULT_DB "chronicle.db"

/* Subcommands: argv[0] is the command name; each returns an exit status. */
int cli_ingest(int argc, char **argv);
int cli_analyze(int argc, char **argv);
int cli_stories(int argc, char **argv);
int cli_show(int argc, char **argv);
int cli_export(int argc, char **argv);
int cli_tag(int argc, char **argv);

/* ---- option parsing ----------------------------------------------------
 * Options come in any order with the operands: "--name VALUE",
 * "--name=VALUE", short "-o VALUE"; "--" ends the options; "-" alone is an
 * operand (stdin). Usage:
 *
 *     cli_args a; cli_args_init(&a, "ingest", argc, argv);
 *     const char *tok;
 *     while ((r = cli_args_next(&a, &tok)) != CLI_ARG_END) {
 *         if (r == CLI_ARG_OPERAND) { ...tok...; continue; }
 *         if (cli_opt_is(&a, "--db", NULL)) {
 *             if (!cli_opt_value(&a, &db)) return CLI_EXIT_USAGE;
 *         } else return cli_opt_unknown(&a);
 *     }
 */
enum { CLI_ARG_END, CLI_ARG_OPTION, CLI_ARG_OPERAND };

typedef struct cli_args {
    const char *cmd; /* for messages: "ingest" */
    int argc, i;
    char **argv;
    bool no_more_options;
    const char *opt;     /* current option without its "=value" */
    size_t opt_len;      /* length of the option name in `opt` */
    const char *inline_value; /* the text after '=', or NULL */
} cli_args;

void cli_args_init(cli_args *a, const char *cmd, int argc, char **argv);
/* Next token: CLI_ARG_OPTION (name in a->opt), CLI_ARG_OPERAND (*tok set)
 * or CLI_ARG_END. */
int cli_args_next(cli_args *a, const char **tok);
/* True when the current option is `long_name` or `short_name` (may be NULL). */
bool cli_opt_is(const cli_args *a, const char *long_name,
                const char *short_name);
/* Takes the option's value (inline or next argument). On a missing value
 * prints a usage error and returns false. */
bool cli_opt_value(cli_args *a, const char **value);
/* For options without a value: prints a usage error and returns false when
 * one was given with '='. */
bool cli_opt_flag(const cli_args *a);
/* Prints "unknown option" and returns CLI_EXIT_USAGE. */
int cli_opt_unknown(const cli_args *a);

/* ---- messages ---- */
/* "chronicle <cmd>: <message>" and a hint to --help on stderr; returns
 * CLI_EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* One line "chronicle: <where>: <message>" on stderr for a failed item. The
 * message is err->msg, else the status's own message. `fallback_where` is
 * used when err->where is empty (may be NULL). */
void cli_report(chr_status st, const chr_error *err,
                const char *fallback_where);

/* ---- numbers ----
 * Whole non-negative numbers, decimal; cli_parse_size also takes a K, M or
 * G suffix (powers of 1024). They print a usage error naming `opt` and
 * return false when the text is not a number in [min, max]. */
bool cli_parse_long(const char *cmd, const char *opt, const char *s,
                    long long min, long long max, long long *out);
bool cli_parse_size(const char *cmd, const char *opt, const char *s,
                    size_t *out);

/* ---- misc ---- */
/* Seconds from a monotonic clock. */
double cli_now(void);
/* Online cores, at least 1. */
int cli_cores(void);
/* Writes s to `f` padded with spaces (or cut, ending in "…") to `width`
 * display columns, counting one column per UTF-8 code point. NULL prints "-". */
void cli_put_padded(FILE *f, const char *s, int width);
/* True when `path` names an existing file (for commands that only read a
 * store and must not create an empty one). */
bool cli_exists(const char *path);
/* Opens an existing store for the read-only commands; prints the reason
 * ("no such store", or the store's error) and returns NULL on failure. */
chr_store *cli_open_existing_store(const char *db);

/* The analysis options shared by ingest and analyze (--max-doc-bytes N,
 * which also sets the JSON-line limit, and --threads N) when the current
 * option is one of them: CLI_OPT_DONE, or CLI_OPT_BAD after printing the
 * usage error; CLI_OPT_NOT_MINE for any other option. */
enum { CLI_OPT_NOT_MINE = 0, CLI_OPT_DONE = 1, CLI_OPT_BAD = 2 };
int cli_opt_analysis(cli_args *a, chr_config *cfg);

/* ---- read → analyse batches (cli_batch.c) ----------------------------
 * The main thread reads up to `max_docs` documents (or `max_bytes` of input)
 * from a source into slots, in input order; then every slot is analysed on
 * a pool of threads (an atomic index hands out slots), either while the
 * caller waits and helps (cli_batch_analyze) or in the background
 * (cli_batch_start ... cli_batch_wait) so that the caller can store the
 * previous batch meanwhile; then the caller walks the slots in order and
 * calls cli_batch_clear(). */
typedef struct cli_slot {
    chr_input *in;    /* NULL when reading failed */
    chr_doc *doc;     /* NULL when reading or analysis failed */
    chr_status st;    /* CHR_OK, or why this input failed */
    chr_error err;
    size_t bytes;     /* input bytes (for rates) */
    bool known;       /* the store holds these exact bytes: no analysis */
} cli_slot;

#define CLI_MAX_THREADS 512

typedef struct cli_batch {
    cli_slot *slots;
    size_t n, cap;
    size_t max_docs, max_bytes;
    int threads;
    const chr_config *cfg;
    /* optional: true when an input is already stored (checked while
       reading, on the reading thread) */
    bool (*known)(void *ctx, const chr_input *in);
    void *known_ctx;
    bool source_done;       /* the source said CHR_DONE while reading */
    size_t bytes;           /* input bytes of the slots read */
    unsigned long long src_begin, src_end; /* source bytes_done around the
                                              read, for progress */
    atomic_size_t next;     /* next slot to analyse */
    atomic_size_t analysed; /* slots finished */
    pthread_t tids[CLI_MAX_THREADS];
    size_t ntids;           /* background threads running */
} cli_batch;

/* `threads` 0 means one per online core. Returns false when out of memory. */
bool cli_batch_init(cli_batch *b, const chr_config *cfg, size_t max_docs,
                    size_t max_bytes, int threads);
/* Fills the batch from `src`. `tick` (may be NULL) is called after every
 * document read. Returns the number of slots (0 at the end). */
size_t cli_batch_read(cli_batch *b, chr_source *src,
                      void (*tick)(void *ctx), void *ctx);
/* Analyses every slot that was read, on `threads` threads of which the
 * calling thread is one; it calls `tick` (may be NULL) after each slot it
 * finishes (b->analysed says how many are done). Returns when all are. */
void cli_batch_analyze(cli_batch *b, void (*tick)(void *ctx), void *ctx);
/* Starts analysing in the background on `threads` new threads and returns
 * at once; cli_batch_wait() helps with what is left and waits for the
 * end. The caller must not touch the slots in between. */
void cli_batch_start(cli_batch *b);
void cli_batch_wait(cli_batch *b);
/* Frees the documents and inputs of every slot; n becomes 0. */
void cli_batch_clear(cli_batch *b);
/* Waits for background work, then frees everything. */
void cli_batch_free(cli_batch *b);

#endif
