/* cli_batch.c — the read → analyse step of `ingest` and `analyze`.
 *
 * The main thread reads a batch of inputs from a chr_source into slots, in
 * input order. Then the slots are analysed in parallel: pthreads (and, in
 * cli_batch_analyze, the calling thread too) take slot numbers from one
 * atomic counter, so a slow document never holds up the others. The caller
 * then walks the slots in order (storing or printing them), which keeps the
 * results deterministic whatever the number of threads. A batch ends at
 * `max_docs` documents or when its inputs reach `max_bytes`, which bounds
 * the memory in flight. */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

bool cli_batch_init(cli_batch *b, const chr_config *cfg, size_t max_docs,
                    size_t max_bytes, int threads)
{
    memset(b, 0, sizeof *b);
    if (max_docs == 0)
        max_docs = 1;
    b->slots = calloc(max_docs, sizeof *b->slots);
    if (!b->slots)
        return false;
    b->cap = max_docs;
    b->max_docs = max_docs;
    b->max_bytes = max_bytes;
    b->threads = threads > 0 ? threads : cli_cores();
    if (b->threads > CLI_MAX_THREADS)
        b->threads = CLI_MAX_THREADS;
    b->cfg = cfg;
    atomic_init(&b->next, 0);
    atomic_init(&b->analysed, 0);
    return true;
}

size_t cli_batch_read(cli_batch *b, chr_source *src,
                      void (*tick)(void *ctx), void *ctx)
{
    chr_source_stats st;
    memset(&st, 0, sizeof st);
    chr_source_stats_get(src, &st);
    b->src_begin = st.bytes_done;
    while (!b->source_done && b->n < b->max_docs &&
           (b->max_bytes == 0 || b->bytes < b->max_bytes)) {
        cli_slot *s = &b->slots[b->n];
        memset(s, 0, sizeof *s);
        chr_error_clear(&s->err);
        s->st = chr_source_next(src, &s->in, &s->err);
        if (s->st == CHR_DONE) {
            b->source_done = true;
            break;
        }
        if (s->st != CHR_OK) {
            chr_input_free(s->in); /* should be NULL; be safe */
            s->in = NULL;
        } else if (s->in) {
            s->bytes = s->in->len;
            b->bytes += s->in->len;
            if (b->known && b->known(b->known_ctx, s->in))
                s->known = true;
        } else { /* OK without an input: treat as a failed read */
            s->st = CHR_INVALID;
        }
        b->n++;
        if (tick)
            tick(ctx);
    }
    chr_source_stats_get(src, &st);
    b->src_end = st.bytes_done;
    return b->n;
}

static void analyze_slot(cli_batch *b, cli_slot *s)
{
    if (s->st != CHR_OK || !s->in || s->known)
        return;
    chr_doc *doc = NULL;
    s->st = chr_analyze(s->in, b->cfg, &doc, &s->err);
    if (s->st == CHR_OK && !doc)
        s->st = CHR_INVALID;
    if (s->st != CHR_OK) {
        chr_doc_free(doc);
        doc = NULL;
        if (!s->err.where[0] && s->in->origin) /* name the input */
            snprintf(s->err.where, sizeof s->err.where, "%s",
                     s->in->origin);
    }
    s->doc = doc;
}

static void run(cli_batch *b, void (*tick)(void *ctx), void *ctx)
{
    for (;;) {
        size_t i = atomic_fetch_add(&b->next, 1);
        if (i >= b->n)
            break;
        analyze_slot(b, &b->slots[i]);
        atomic_fetch_add(&b->analysed, 1);
        if (tick)
            tick(ctx);
    }
}

static void *worker(void *arg)
{
    run(arg, NULL, NULL);
    return NULL;
}

/* Starts up to `want` workers (never more than there are slots). */
static void spawn(cli_batch *b, size_t want)
{
    atomic_store(&b->next, 0);
    atomic_store(&b->analysed, 0);
    if (want > b->n)
        want = b->n;
    for (b->ntids = 0; b->ntids < want; b->ntids++)
        if (pthread_create(&b->tids[b->ntids], NULL, worker, b) != 0)
            break; /* fewer threads: the work still gets done */
}

static void join(cli_batch *b)
{
    for (size_t i = 0; i < b->ntids; i++)
        pthread_join(b->tids[i], NULL);
    b->ntids = 0;
}

void cli_batch_analyze(cli_batch *b, void (*tick)(void *ctx), void *ctx)
{
    spawn(b, (size_t)b->threads - 1); /* the calling thread works too */
    run(b, tick, ctx);
    join(b);
}

void cli_batch_start(cli_batch *b)
{
    spawn(b, (size_t)b->threads);
}

void cli_batch_wait(cli_batch *b)
{
    run(b, NULL, NULL); /* help with what is left, then wait */
    join(b);
}

void cli_batch_clear(cli_batch *b)
{
    for (size_t i = 0; i < b->n; i++) {
        chr_doc_free(b->slots[i].doc);
        chr_input_free(b->slots[i].in);
        memset(&b->slots[i], 0, sizeof b->slots[i]);
    }
    b->n = 0;
    b->bytes = 0;
    atomic_store(&b->next, 0);
    atomic_store(&b->analysed, 0);
}

void cli_batch_free(cli_batch *b)
{
    if (!b->slots)
        return;
    join(b);
    cli_batch_clear(b);
    free(b->slots);
    b->slots = NULL;
}
