/* places_int.h — private interface between the two halves of the
 * document places (src/resources/places_scan.c finds the candidate names
 * of a text and builds the country context; places_doc.c resolves them).
 * Method and decisions at the top of places_scan.c. */
#ifndef CHR_PLACES_INT_H
#define CHR_PLACES_INT_H

#include "resources/places.h"

#define SCAN_LIMIT (1u << 20)   /* bytes of a text scanned */
#define CHUNK_TOKENS 4096       /* tokens tokenised at once */
#define MAX_SPANS 8192          /* names kept from a body */
#define MAX_TITLE_SPANS 32      /* names kept from a title */
#define MAX_EVENTS 512
#define MAX_MENTIONS 4096

enum { G_SPACE, G_HYPHEN, G_DOT, G_COMMA, G_BREAK, G_OTHER };
enum { TR_NONE, TR_LOC, TR_APPOS };

typedef struct chr__places_tok {
    size_t start, end, endnp; /* endnp: end without a possessive 's */
    uint8_t cap, allcaps, poss, gap, letters;
} chr__places_tok;

typedef struct chr__places_span {
    size_t start, end; /* the name (qualifier excluded) */
    size_t nend;       /* end with a final abbreviation dot ("U.S.") */
    size_t qend;       /* end including a ", Qualifier", else nend */
    uint64_t word;     /* hash of the folded name when one token, else 0 */
    int32_t within;    /* qualifier entry, -1 none */
    int trigger;       /* TR_* */
    int caps;          /* written in capitals */
    int common;        /* one token that is a common English word */
    int in_lead;
} chr__places_span;

typedef struct chr__places_scan {
    const char *s;
    size_t n, lead_end;
    /* t and spans grow on demand (realloc, doubling) up to max_tokens and
       max_spans when their cap_* is below the max: a short text touches
       a few KB instead of buffers sized by its length. The caller frees
       them (a caller's own array is given with cap_* == max_*). */
    chr__places_tok *t;
    size_t nt, max_tokens, cap_tokens; /* tokens in t, limit, allocated */
    chr__place_ctx *ctx;
    chr__places_span *spans;
    size_t n_spans, max_spans, cap_spans;
    int nomem;           /* a buffer could not grow: the scan stopped */
    int last_trigger;    /* trigger of the last place span */
    size_t last_end_tok; /* token after it, for coordination */
    size_t qual_until;   /* tokens below this are a qualifier */
    /* words seen inside longer names that are not places ("Lindsey
       Graham", "Toyota Motor"): hashes of folded words, NULL when not
       kept; a lone town mention of such a word is the name, not the town */
    chr__map *name_words;
} chr__places_scan;

/* Hash of a folded single word, as chr__places_span.word. */
uint64_t chr__places_word_hash(const char *s, size_t n);

/* Scans sc->s[0..sc->n) (at most SCAN_LIMIT bytes): adds the country
 * context to sc->ctx and the place names to sc->spans (up to
 * sc->max_spans). The text is tokenised in chunks of sc->max_tokens tokens
 * (at most CHUNK_TOKENS). CHR_NOMEM when a buffer could not grow. */
chr_status chr__places_scan_text(chr__places_scan *sc);

#endif
