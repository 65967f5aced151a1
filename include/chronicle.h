/*
 * chronicle.h — the public C API of libchronicle.
 *
 * Chronicle reads news articles (plain text, HTML, JSON lines, WARC) and turns
 * them into stories, events, quotations and claims, each traced to its sources.
 *
 * Conventions (see docs/ARCHITECTURE.md):
 *  - Every public name starts with `chr_`; internal ones with `chr__`.
 *  - Functions return a chr_status. When they fail and take a `chr_error *`,
 *    they fill it (file or record, position, message). `err` may be NULL.
 *  - The library never prints and never exits; the programs decide what to say.
 *  - Every `_free` / `_close` accepts NULL.
 *  - Strings are UTF-8 and NUL-terminated unless a length is given.
 *  - Thread safety: distinct objects may be used from distinct threads;
 *    chr_analyze() is pure and may run on many threads at once. A chr_source
 *    and a chr_store are used by one thread at a time.
 */
#ifndef CHRONICLE_H
#define CHRONICLE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CHR_VERSION "0.1.0"

/* ------------------------------------------------------------------------ */
/* Status codes: names and messages are generated from this one list.       */

#define CHR_STATUS_MAP(XX)                                                   \
    XX(OK, "ok")                                                             \
    XX(DONE, "no more items")                                                \
    XX(NOMEM, "out of memory")                                               \
    XX(IO, "cannot read or write")                                           \
    XX(TOOBIG, "larger than the configured limit")                           \
    XX(EMPTY, "empty input")                                                 \
    XX(BINARY, "binary data, not text")                                      \
    XX(PARSE, "malformed input")                                             \
    XX(UNSUPPORTED, "unsupported input")                                     \
    XX(DB, "database error")                                                 \
    XX(NOTFOUND, "not found")                                                \
    XX(INVALID, "invalid argument")

typedef enum {
#define CHR__STATUS_ENUM(name, msg) CHR_##name,
    CHR_STATUS_MAP(CHR__STATUS_ENUM)
#undef CHR__STATUS_ENUM
    CHR__STATUS_COUNT
} chr_status;

/* "OK", "TOOBIG", … ; "UNKNOWN" for values outside the list. Static strings. */
const char *chr_status_name(chr_status s);
/* A short human message for the status. Static string. */
const char *chr_strerror(chr_status s);

/* Where and why something failed. `where` names the file (and record, as
 * "file:LINE" for JSON lines or "file#N" for WARC records); `pos` is a byte
 * offset or line number as `msg` says, -1 when unknown. */
typedef struct chr_error {
    chr_status code;
    long long pos;
    char where[1024];
    char msg[512];
} chr_error;

/* Resets an error to CHR_OK with empty strings. `err` may be NULL. */
void chr_error_clear(chr_error *err);

/* ------------------------------------------------------------------------ */
/* Bounded growable buffer (curl's dynbuf idea): it refuses to grow past     */
/* `limit` bytes and returns CHR_TOOBIG instead.                             */

typedef struct chr_buf {
    char *data;   /* NUL-terminated when non-NULL; owned by the buffer */
    size_t len;
    size_t cap;
    size_t limit; /* maximum len; 0 means the default of 1 GiB */
} chr_buf;

void chr_buf_init(chr_buf *b, size_t limit);
/* Releases the memory and re-initialises with the same limit. */
void chr_buf_free(chr_buf *b);
/* Sets len to 0, keeping the memory. */
void chr_buf_reset(chr_buf *b);
chr_status chr_buf_append(chr_buf *b, const void *p, size_t n);
chr_status chr_buf_puts(chr_buf *b, const char *s);
chr_status chr_buf_putc(chr_buf *b, char c);
chr_status chr_buf_printf(chr_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Hands the data over to the caller (free() it); the buffer is left empty. */
char *chr_buf_detach(chr_buf *b, size_t *len);

/* A sink for streamed output: returns 0 on success, non-zero to stop. */
typedef int (*chr_write_fn)(void *ctx, const char *data, size_t len);

/* ------------------------------------------------------------------------ */
/* Configuration shared by reading, analysis and ingest.                    */

/* Evidence of site templates (lines that recur across documents of one
 * outlet), owned by a chr_store; see chr_store_templates(). */
typedef struct chr_templates chr_templates;

typedef struct chr_config {
    size_t max_doc_bytes; /* largest document accepted; default 16 MiB */
    size_t max_line_bytes; /* largest JSON line; default = max_doc_bytes */
    int threads;           /* analysis threads for ingest; 0 = one per core */
    int batch_size;        /* documents per store transaction; default 256 */
    /* read-only site-template evidence used by chr_analyze to drop template
       lines (reason "template"); NULL: none. It must not change while
       analyses that use it run. */
    const chr_templates *templates;
} chr_config;

void chr_config_init(chr_config *cfg);

/* ------------------------------------------------------------------------ */
/* Inputs: files, directories (recursive), "-" for stdin.                   */

typedef enum {
    CHR_FORMAT_TEXT,
    CHR_FORMAT_HTML,
    CHR_FORMAT_JSONL,
    CHR_FORMAT_WARC
} chr_format;

/* "text", "html", "jsonl", "warc". */
const char *chr_format_name(chr_format f);

/* One document as read, before analysis. Allocated by chr_source_next();
 * release with chr_input_free(). All strings are owned by the input. */
typedef struct chr_input {
    chr_format format; /* the container it came from */
    int is_html;       /* 1 when `data` is HTML (HTML files, WARC responses,
                          JSON lines with an "html" field) */
    char *id;          /* stable id: JSON "id", else derived from the name */
    char *origin;      /* path or URL as given */
    char *data;        /* the raw text or HTML, valid UTF-8 not guaranteed */
    size_t len;
    /* metadata given by the container (JSON fields, WARC target URI);
       NULL when absent */
    char *url, *title, *published, *outlet, *byline;
} chr_input;

void chr_input_free(chr_input *in);

/* A 64-bit hash (XXH3) of the input's raw bytes. Identical bytes give the
 * same document, so a store can recognise them without analysis. */
uint64_t chr_input_hash(const chr_input *in);

typedef struct chr_source chr_source;

/* Progress figures of a source. `bytes_total` is the size of all regular
 * files named or found at open time (0 when only stdin). */
typedef struct chr_source_stats {
    unsigned long long bytes_total;
    unsigned long long bytes_done;
    unsigned long long skipped; /* records skipped on purpose (WARC
                                   requests, metadata, non-HTML) */
} chr_source_stats;

/* Opens a source over `paths` (files, directories, "-"). Directories are
 * walked recursively in name order; hidden entries are skipped. Returns
 * CHR_OK, or CHR_NOMEM. Paths that do not exist are reported later by
 * chr_source_next(), so one bad path never stops the batch. */
chr_status chr_source_open(chr_source **out, const char *const *paths,
                           size_t npaths, const chr_config *cfg);

/* Reads the next document. Returns CHR_OK with a new *out (caller frees),
 * CHR_DONE at the end, or an error status with `err` filled for one input
 * that could not be read (unreadable, empty, binary, oversized, malformed):
 * call again to go on with the rest. */
chr_status chr_source_next(chr_source *src, chr_input **out, chr_error *err);

void chr_source_stats_get(const chr_source *src, chr_source_stats *st);
void chr_source_free(chr_source *src);

/* Builds an input from memory (for tests and embedding). `format` decides
 * the interpretation: TEXT or HTML. Copies everything. */
chr_status chr_input_from_memory(chr_input **out, chr_format format,
                                 const char *id, const char *origin,
                                 const char *data, size_t len);

/* ------------------------------------------------------------------------ */
/* Per-document analysis: pure, one arena per document.                     */

typedef struct chr_removed {
    const char *text;
    const char *reason; /* navigation|caption|related|footer|share|spam|
                           duplicate|byline|title */
} chr_removed;

typedef struct chr_repair {
    const char *from, *to;
} chr_repair;

typedef struct chr_entity {
    const char *text, *type, *name, *actor;
    size_t start, end;
} chr_entity;

typedef struct chr_time {
    const char *text, *value;
    size_t start, end;
} chr_time;

typedef struct chr_quote {
    const char *text, *kind, *speaker, *speaker_actor, *cue;
    size_t start, end;
} chr_quote;

typedef struct chr_event {
    const char *code, *source_text, *source_actor, *target_text,
        *target_actor, *date, *place, *sentence;
} chr_event;

typedef struct chr_claim {
    const char *subject, *property, *value, *text;
} chr_claim;

/* A weighted term of the document (hash of a folded word), used by the
 * corpus stages. */
typedef struct chr_term {
    uint64_t hash;
    float weight;
} chr_term;

/* The analysis of one document. Every pointer lives in the document's arena
 * and dies with chr_doc_free(). Read-only for callers. NULL strings mean
 * "unknown" and are written as JSON null. */
typedef struct chr_doc {
    const char *id, *origin;
    chr_format format;
    const char *title, *published, *outlet, *byline, *url;
    const char *dateline_place, *dateline_date;
    const char *language;
    const char *body; /* paragraphs separated by one blank line */
    size_t body_len;
    /* best date of the document for the corpus stages: published, else the
       dateline's, else the first full date written in the body; NULL */
    const char *date_hint;
    /* when and where what the document reports happened, for its story:
       event_date is the first day-precise time of the lead resolved on or
       up to 14 days before date_hint ("on Wednesday" -> 2024-07-03), else
       date_hint; place is the dateline place or the lead's event place
       resolved in the gazetteer ("Astana, Kazakhstan"), else the place as
       the lead writes it ("in Nordhaven"), else NULL */
    const char *event_date;
    const char *place;
    uint64_t hash_hi, hash_lo; /* XXH3-128 of the normalised body */
    uint64_t input_hash;       /* chr_input_hash() of the input */

    chr_removed *removed; size_t n_removed;
    chr_repair *repairs; size_t n_repairs;
    chr_entity *entities; size_t n_entities;
    chr_time *times; size_t n_times;
    chr_quote *quotes; size_t n_quotes;
    chr_event *events; size_t n_events;
    chr_claim *claims; size_t n_claims;

    /* Content terms (stop words removed), tf-weighted, sorted by hash. */
    chr_term *terms; size_t n_terms;
    /* Proper-name terms (capitalised words and runs), sorted by hash. */
    chr_term *names; size_t n_names;
    /* Place words: "in X" in the lead, and the dateline place. */
    chr_term *places; size_t n_places;

    struct chr__arena *arena; /* private */
} chr_doc;

/* Analyses one input. On success *out is a new document (chr_doc_free()).
 * Fails with CHR_EMPTY when no text remains, CHR_BINARY for binary data,
 * CHR_TOOBIG above cfg->max_doc_bytes, CHR_NOMEM. Thread-safe. */
chr_status chr_analyze(const chr_input *in, const chr_config *cfg,
                       chr_doc **out, chr_error *err);
void chr_doc_free(chr_doc *doc);

/* Appends the FORMATS.md analysis object of `doc` (one line, no newline). */
chr_status chr_doc_to_json(const chr_doc *doc, chr_buf *out);

/* ------------------------------------------------------------------------ */
/* Store: SQLite, WAL mode, versioned schema.                               */

typedef struct chr_store chr_store;

/* Opens (creating and migrating as needed) the store at `path`. */
chr_status chr_store_open(chr_store **out, const char *path, chr_error *err);
void chr_store_close(chr_store *st);

/* Batches: every add between begin and commit is one transaction. */
chr_status chr_store_begin(chr_store *st, chr_error *err);
chr_status chr_store_commit(chr_store *st, chr_error *err);
chr_status chr_store_rollback(chr_store *st);

typedef struct chr_add_result {
    int duplicate;       /* 1 when the same normalised text was stored */
    char dup_of[256];    /* id of the stored document when duplicate */
    int64_t story;       /* story the document joined or opened */
    int new_story;       /* 1 when it opened a new story */
    double similarity;   /* similarity to the story it joined */
} chr_add_result;

/* Stores an analysed document and assigns it to a story. A document whose
 * normalised text is already stored is not stored again and is reported
 * duplicate; under an id of its own (another outlet's verbatim copy) it is
 * recorded as an exact copy of the stored document, which chr_store_story
 * and the export list with relation "copy". Must be called inside a
 * batch. */
chr_status chr_store_add(chr_store *st, const chr_doc *doc,
                         chr_add_result *res, chr_error *err);

/* Stores the n documents of one batch (inside chr_store_begin/commit),
 * results in res[i] for docs[i]. Better than n chr_store_add calls, and
 * independent of the order of docs[]: every document's terms are counted
 * before any is assigned (the batch's own vocabulary weighs its stories);
 * they are stored in a canonical order (earliest date first, undated
 * last, then by identity hash); once all are in, each is matched again
 * against the stories as they now are and moved when another story wins.
 * res[i].story is the story it ends in; res[i].new_story is 1 for the
 * document that opened a story that still has documents, so their sum is
 * the number of stories the batch created; similarity is its score with
 * that story. NULL entries in docs are skipped (their res is zeroed). On
 * error the caller rolls back the batch. */
chr_status chr_store_add_batch(chr_store *st, const chr_doc *const *docs,
                               size_t n, chr_add_result *res,
                               chr_error *err);

/* Fast duplicate check before analysis: CHR_OK and the stored document's
 * id in id[cap] when an input with the same raw bytes (chr_input_hash) was
 * stored, CHR_NOTFOUND when not, CHR_DB on error. */
chr_status chr_store_find_input(chr_store *st, uint64_t input_hash, char *id,
                                size_t cap, chr_error *err);
/* The re-ingest check before analysis: CHR_OK when an input with the same
 * raw bytes was met before under this same id (stored, or recorded as an
 * exact copy), CHR_NOTFOUND when not, CHR_DB on error. The same bytes under
 * another id are another outlet's copy, to be analysed and recorded. */
chr_status chr_store_input_seen(chr_store *st, uint64_t input_hash,
                                const char *id, chr_error *err);

typedef struct chr_story_info {
    int64_t id;
    const char *title, *date, *place; /* NULL when unknown */
    int n_documents;
} chr_story_info;

typedef struct chr_doc_info {
    const char *id, *origin, *format, *title, *outlet, *published,
        *copy_of, *relation, *date;
    int64_t story;
    double similarity; /* to its story when it joined; 1 for the opener */
} chr_doc_info;

/* Calls `cb` for every story, oldest id first. `cb` returns non-zero to
 * stop. Strings are valid during the call only. */
chr_status chr_store_stories(chr_store *st,
                             int (*cb)(void *ctx, const chr_story_info *s),
                             void *ctx, chr_error *err);

/* One story and its documents. CHR_NOTFOUND when no such story. */
chr_status chr_store_story(chr_store *st, int64_t id,
                           int (*story_cb)(void *ctx, const chr_story_info *s),
                           int (*doc_cb)(void *ctx, const chr_doc_info *d),
                           void *ctx, chr_error *err);

/* One wording of a statement, in one document of the story. */
typedef struct chr_quote_variant {
    const char *document; /* the document's id */
    const char *text;     /* the wording as printed there */
    /* its word differences from the statement's canonical wording
       ("are [-experiencing their best period-]{+at their peak+}"); NULL
       for the canonical wording itself */
    const char *diff;
    int marks_lost; /* 1 when found in plain text, without quotation marks */
} chr_quote_variant;

/* One statement of a story: the same quotation by the same speaker, as
 * each outlet worded it. */
typedef struct chr_story_quote {
    const char *speaker, *speaker_actor; /* NULL when unknown */
    const char *text;                    /* the canonical wording */
    const chr_quote_variant *variants;   /* document order */
    size_t n_variants;
} chr_story_quote;

/* Calls `cb` for every statement quoted in story `id`, in the order of
 * their first wording; `cb` returns non-zero to stop. Everything is valid
 * during the call only. A story without quotations calls nothing. */
chr_status chr_store_story_quotes(chr_store *st, int64_t id,
                                  int (*cb)(void *ctx,
                                            const chr_story_quote *q),
                                  void *ctx, chr_error *err);

/* The whole store as the FORMATS.md export object, streamed to `w`.
 * Deterministic: the same store gives the same bytes. */
chr_status chr_store_export_json(chr_store *st, chr_write_fn w, void *ctx,
                                 chr_error *err);

/* The store's site-template evidence, for chr_config.templates: lines found
 * in at least three documents of the same outlet (or URL host) belonging to
 * at least two stories. Loaded on first use; owned by the store (valid until
 * chr_store_close). NULL when out of memory. */
const chr_templates *chr_store_templates(chr_store *st, chr_error *err);
/* Adds the evidence of committed batches to the object returned above.
 * Call it only while no analysis is using that object. */
chr_status chr_store_templates_refresh(chr_store *st, chr_error *err);
/* Number of template lines known. */
size_t chr_templates_count(const chr_templates *t);

/* Counts for summaries. The index sizes are the bytes held in memory by
 * the story index (story sums, postings, neighbourhoods, document
 * frequencies) and by the copy index (the MinHash LSH table; the features
 * of the 256 newest documents it also keeps are a constant); both are 0
 * until the indexes are loaded, which the first add does. */
typedef struct chr_store_counts {
    long long documents, stories;
    size_t story_index_bytes, copy_index_bytes;
} chr_store_counts;
chr_status chr_store_counts_get(chr_store *st, chr_store_counts *c,
                                chr_error *err);

#ifdef __cplusplus
}
#endif
#endif /* CHRONICLE_H */
