/* cmd_ingest.c — `chronicle ingest`: read inputs, analyse them on a pool of
 * threads, store them batch by batch, one transaction per batch.
 *
 * Two batches are in flight: while the main thread stores batch k (SQLite,
 * one thread), the pool analyses batch k+1. Each input that cannot be read
 * or analysed gets one line on stderr and is counted as failed; the others
 * go on. Each batch goes to the store whole (chr_store_add_batch, which
 * stores it in a canonical order and re-assigns its documents), so the
 * stories come out the same whatever the number of threads or the order
 * within a batch; the batch size does change them. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
    "Usage: chronicle ingest [options] INPUT...\n"
    "Read articles, analyse them, and add them to the store, grouping them\n"
    "into stories.\n"
    "\n"
    "INPUT is a file (plain text, HTML, JSON lines or WARC, recognised from\n"
    "the content, gzip-compressed or not), a directory (read recursively in\n"
    "name order, hidden entries skipped) or - for stdin.\n"
    "\n"
    "Options:\n"
    "  --db PATH            the store (default ./" CLI_DEFAULT_DB ", created "
    "when absent)\n"
    "  --max-doc-bytes N    largest document accepted, bytes or with K/M/G\n"
    "                       (default 16M)\n"
    "  --threads N          analysis threads, 0 = one per core (default 0);\n"
    "                       storing runs beside them on the main thread\n"
    "  --batch N            documents per store transaction (default 256)\n"
    "  --quiet              no progress line and no summary (errors are\n"
    "                       still printed)\n"
    "  --stats              one more line on stderr at the end, also with\n"
    "                       --quiet: the memory held by the story and copy\n"
    "                       indexes, in all and per stored document\n"
    "  --help               show this help\n"
    "\n"
    "Each input that fails prints one line \"chronicle: WHERE: MESSAGE\" on\n"
    "stderr; the others are stored. At the end a summary goes to stderr:\n"
    "documents read, stored, duplicates, failed, skipped (WARC records that\n"
    "are not HTML responses; notes, scripts and images met in directories)\n"
    "and stories.\n"
    "Exit status: 0 all stored, 1 some input failed or the store failed,\n"
    "2 usage error.\n"
    "\n"
    "Example:\n"
    "  chronicle ingest --db news.db articles/ more.jsonl\n";

/* Bytes of input per batch at most (besides the doc count); two batches
   are in flight. */
#define INGEST_BATCH_BYTES ((size_t)128 << 20)

typedef struct ingest {
    chr_source *src;
    cli_batch *storing;        /* the batch being stored, for progress */
    size_t stored_slots;       /* slots of it walked so far */
    unsigned long long docs;   /* documents (and failures) walked */
    unsigned long long done_bytes; /* source bytes counted as done */
    bool progress;   /* show the progress line */
    int progress_len; /* characters of the last progress line */
    double t0, last_draw;
    unsigned long long read, stored, dups, failed, new_stories;
    unsigned long long in_bytes; /* bytes of the inputs read (for MB/s:
                                    refused files are not read) */
} ingest;

static void format_eta(char *out, size_t n, double secs)
{
    unsigned long long s = secs > 0 && secs < 1e9 ? (unsigned long long)secs
                                                  : 0;
    if (s >= 3600)
        snprintf(out, n, "%llu:%02llu:%02llu", s / 3600, s / 60 % 60,
                 s % 60);
    else
        snprintf(out, n, "%llu:%02llu", s / 60, s % 60);
}

static void progress_clear(ingest *g)
{
    if (g->progress && g->progress_len > 0) {
        fprintf(stderr, "\r%*s\r", g->progress_len, "");
        g->progress_len = 0;
    }
}

static void progress_draw(ingest *g, bool force)
{
    if (!g->progress)
        return;
    double now = cli_now();
    if (!force && now - g->last_draw < 0.2)
        return;
    g->last_draw = now;
    chr_source_stats st;
    memset(&st, 0, sizeof st);
    chr_source_stats_get(g->src, &st);
    double el = now - g->t0 > 1e-6 ? now - g->t0 : 1e-6;
    /* The source is ahead of the store by up to two batches: count as done
       the source bytes up to the batch being stored, plus its share. */
    const cli_batch *b = g->storing;
    if (b && b->n > 0)
        g->done_bytes = b->src_begin + (b->src_end - b->src_begin) *
                                           g->stored_slots / b->n;
    unsigned long long done = g->done_bytes;
    unsigned long long docs = g->docs;
    char line[160], eta[32] = "";
    int n = snprintf(line, sizeof line,
                     "ingest: %llu docs  %.1f docs/s  %.1f MB/s", docs,
                     (double)docs / el, (double)done / el / 1e6);
    if (st.bytes_total > 0 && done > 0 && done <= st.bytes_total &&
        el >= 0.5) {
        format_eta(eta, sizeof eta, (double)(st.bytes_total - done) /
                                        ((double)done / el));
        n += snprintf(line + n, sizeof line - (size_t)n, "  ETA %s", eta);
    }
    fprintf(stderr, "\r%s", line);
    if (n < g->progress_len) /* wipe the tail of a longer line */
        fprintf(stderr, "%*s", g->progress_len - n, "");
    g->progress_len = n > g->progress_len ? n : g->progress_len;
    fflush(stderr);
}

static void tick(void *ctx)
{
    progress_draw(ctx, false);
}

static void fail_line(ingest *g, const cli_slot *s)
{
    progress_clear(g);
    cli_report(s->st, &s->err, s->in ? s->in->origin : NULL);
    g->failed++;
}

/* Stores the analysed slots of one batch in order, in one transaction.
 * Returns false after printing a store error. */
static bool store_batch(ingest *g, chr_store *store, cli_batch *b)
{
    chr_error err;
    chr_error_clear(&err);
    chr_status st = chr_store_begin(store, &err);
    if (st != CHR_OK) {
        progress_clear(g);
        cli_report(st, &err, "store");
        return false;
    }
    g->storing = b;
    /* the batch's documents go to the store together (counted first,
       stored in a canonical order, re-assigned once all are in) */
    const chr_doc **docs = calloc(b->n ? b->n : 1, sizeof *docs);
    chr_add_result *res = calloc(b->n ? b->n : 1, sizeof *res);
    if (!docs || !res) {
        free(docs);
        free(res);
        progress_clear(g);
        fprintf(stderr, "chronicle: out of memory\n");
        chr_store_rollback(store);
        return false;
    }
    for (size_t i = 0; i < b->n; i++) {
        cli_slot *s = &b->slots[i];
        if (!s->known && s->st == CHR_OK && s->doc)
            docs[i] = s->doc;
    }
    chr_error_clear(&err);
    st = chr_store_add_batch(store, docs, b->n, res, &err);
    if (st != CHR_OK) {
        free(docs);
        free(res);
        progress_clear(g);
        cli_report(st, &err, "store");
        chr_store_rollback(store);
        return false;
    }
    for (size_t i = 0; i < b->n; i++) {
        cli_slot *s = &b->slots[i];
        g->stored_slots = i;
        g->docs++;
        if (s->in) {
            g->read++;
            g->in_bytes += s->bytes;
        }
        if (s->known) { /* the same bytes under the same id: stored */
            g->dups++;
            continue;
        }
        if (s->st != CHR_OK || !s->doc) {
            fail_line(g, s);
            continue;
        }
        if (res[i].duplicate)
            g->dups++;
        else
            g->stored++;
        if (res[i].new_story)
            g->new_stories++;
    }
    free(docs);
    free(res);
    progress_draw(g, false);
    chr_error_clear(&err);
    st = chr_store_commit(store, &err);
    if (st != CHR_OK) {
        progress_clear(g);
        cli_report(st, &err, "store");
        chr_store_rollback(store);
        return false;
    }
    g->done_bytes = b->src_end;
    return true;
}

/* Inputs whose exact bytes were stored under the same id (a re-ingest)
 * skip analysis. The same bytes under another id are analysed: another
 * outlet's verbatim copy, which the store records as an exact copy of the
 * stored document with the copy's own metadata (and which the store's own
 * duplicate check keeps from being stored twice). A lookup error only
 * loses the shortcut. */
static bool known_input(void *ctx, const chr_input *in)
{
    return chr_store_input_seen(ctx, chr_input_hash(in), in->id, NULL) ==
           CHR_OK;
}

static void summary(ingest *g, chr_store *store)
{
    double el = cli_now() - g->t0;
    chr_store_counts c;
    memset(&c, 0, sizeof c);
    chr_store_counts_get(store, &c, NULL);
    chr_source_stats st;
    memset(&st, 0, sizeof st);
    chr_source_stats_get(g->src, &st);
    char skipped[96] = "";
    if (st.skipped) /* WARC records that are not HTML responses, and files
                       a directory walk passes over (notes, scripts…) */
        snprintf(skipped, sizeof skipped, ", skipped %llu", st.skipped);
    double safe = el > 1e-6 ? el : 1e-6;
    fprintf(stderr,
            "ingest: read %llu, stored %llu, duplicates %llu, failed %llu%s, "
            "stories %lld (new %llu) in %.2f s (%.0f docs/s, %.1f MB/s)\n",
            g->read, g->stored, g->dups, g->failed, skipped, c.stories,
            g->new_stories, el, (double)g->read / safe,
            (double)g->in_bytes / safe / 1e6);
}

/* --stats: the memory of the story and copy indexes, in all and per
 * stored document (what a million documents would need: the bytes per
 * document, in MB). */
static void index_stats(chr_store *store)
{
    chr_store_counts c;
    memset(&c, 0, sizeof c);
    chr_store_counts_get(store, &c, NULL);
    double n = c.documents > 0 ? (double)c.documents : 1;
    fprintf(stderr,
            "ingest: index memory: story index %.1f MB (%.0f bytes a "
            "document), copy index %.1f MB (%.0f bytes a document), "
            "%lld documents\n",
            (double)c.story_index_bytes / 1e6,
            (double)c.story_index_bytes / n,
            (double)c.copy_index_bytes / 1e6, (double)c.copy_index_bytes / n,
            c.documents);
}

int cli_ingest(int argc, char **argv)
{
    chr_config cfg;
    chr_config_init(&cfg);
    const char *db = CLI_DEFAULT_DB, *val;
    bool quiet = false, stats = false;
    const char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
    size_t ninputs = 0;
    if (!inputs) {
        fprintf(stderr, "chronicle: %s\n", chr_strerror(CHR_NOMEM));
        return CLI_EXIT_FAILED;
    }
    cli_args a;
    cli_args_init(&a, "ingest", argc, argv);
    const char *tok;
    int r, opt, rc = CLI_EXIT_OK;
    long long num;
    while ((r = cli_args_next(&a, &tok)) != CLI_ARG_END) {
        if (r == CLI_ARG_OPERAND) {
            inputs[ninputs++] = tok;
        } else if (cli_opt_is(&a, "--help", "-h")) {
            fputs(usage, stdout);
            free(inputs);
            return CLI_EXIT_OK;
        } else if (cli_opt_is(&a, "--db", NULL)) {
            if (!cli_opt_value(&a, &db))
                goto usage_error;
        } else if ((opt = cli_opt_analysis(&a, &cfg)) != CLI_OPT_NOT_MINE) {
            if (opt == CLI_OPT_BAD)
                goto usage_error;
        } else if (cli_opt_is(&a, "--batch", NULL)) {
            if (!cli_opt_value(&a, &val) ||
                !cli_parse_long(a.cmd, "--batch", val, 1, 1000000, &num))
                goto usage_error;
            cfg.batch_size = (int)num;
        } else if (cli_opt_is(&a, "--quiet", "-q")) {
            if (!cli_opt_flag(&a))
                goto usage_error;
            quiet = true;
        } else if (cli_opt_is(&a, "--stats", NULL)) {
            if (!cli_opt_flag(&a))
                goto usage_error;
            stats = true;
        } else {
            cli_opt_unknown(&a);
            goto usage_error;
        }
    }
    if (ninputs == 0) {
        cli_usage_error(a.cmd, "no INPUT given");
        goto usage_error;
    }

    ingest g;
    memset(&g, 0, sizeof g);
    g.progress = !quiet && isatty(2);
    g.t0 = cli_now();
    g.last_draw = g.t0; /* first line after 0.2 s: none for quick runs */

    chr_error err;
    chr_error_clear(&err);
    chr_store *store = NULL;
    chr_status st = chr_store_open(&store, db, &err);
    if (st != CHR_OK) {
        cli_report(st, &err, db);
        free(inputs);
        return CLI_EXIT_FAILED;
    }
    /* Two batches, cur being stored while next is analysed. */
    cli_batch batches[2];
    cli_batch *cur = &batches[0], *next = &batches[1];
    size_t per = cfg.batch_size > 0 ? (size_t)cfg.batch_size : 256;
    bool init0 = cli_batch_init(cur, &cfg, per, INGEST_BATCH_BYTES,
                                cfg.threads);
    bool init1 = init0 && cli_batch_init(next, &cfg, per,
                                         INGEST_BATCH_BYTES, cfg.threads);
    if (chr_source_open(&g.src, inputs, ninputs, &cfg) != CHR_OK || !init1) {
        fprintf(stderr, "chronicle: %s\n", chr_strerror(CHR_NOMEM));
        if (init0)
            cli_batch_free(cur);
        chr_source_free(g.src);
        chr_store_close(store);
        free(inputs);
        return CLI_EXIT_FAILED;
    }

    /* site-template evidence: read by the analyses, grown between batches */
    chr_error terr;
    chr_error_clear(&terr);
    cfg.templates = chr_store_templates(store, &terr);
    if (!cfg.templates) /* ingest goes on, without template evidence */
        cli_report(terr.code ? terr.code : CHR_NOMEM, &terr,
                   "site templates");
    cur->known = next->known = known_input;
    cur->known_ctx = next->known_ctx = store;
    bool store_ok = true;
    cli_batch_read(cur, g.src, tick, &g);
    cli_batch_analyze(cur, tick, &g);
    while (store_ok && cur->n > 0) {
        if (!cur->source_done) { /* read and analyse the next batch ... */
            cli_batch_read(next, g.src, tick, &g);
            cli_batch_start(next);
        } else {
            next->source_done = true;
        }
        store_ok = store_batch(&g, store, cur); /* ... while storing */
        g.storing = NULL;
        cli_batch_clear(cur);
        cli_batch_wait(next);
        /* no analysis runs now: the committed evidence may grow */
        chr_store_templates_refresh(store, NULL);
        cli_batch *t = cur;
        cur = next;
        next = t;
    }
    progress_clear(&g);
    if (!quiet)
        summary(&g, store);
    if (stats)
        index_stats(store);
    if (!store_ok || g.failed > 0)
        rc = CLI_EXIT_FAILED;

    cli_batch_free(cur);
    cli_batch_free(next);
    chr_source_free(g.src);
    chr_store_close(store);
    free(inputs);
    return rc;

usage_error:
    free(inputs);
    return CLI_EXIT_USAGE;
}
