/* segment_int.h — private interface shared by the files of glued-word
 * repair (issue 3): segment.c (tokens, candidates, the driver),
 * segment_rules.c (camel joins and glued tails) and segment_quote.c
 * (quotation restoration and the recording of repairs). The rules are
 * described at the top of segment.c. Only for src/text/segment*.c. */
#ifndef CHR_SEGMENT_INT_H
#define CHR_SEGMENT_INT_H

#include "text/text.h"

#include <stdlib.h>
#include <string.h>

#define MAX_FOLD 96     /* folded bytes of a token considered */
#define MIN_HEAD 4      /* letters of a glued head */
#define CHUNK_SCAN 256  /* bytes scanned around a token for URL marks */
#define PARA_SCAN 4096  /* bytes scanned back for a sentence start */
#define MIN_WORDS 10    /* lower-case words needed to judge the language */
#define MIN_KNOWN_PCT 85 /* % of them the lexicon must know: English */
#define LANG_SAMPLE 2000 /* lower-case words looked up for that */
#define COUNT_MASK ((UINT64_C(1) << 56) - 1)
#define LEX_SHIFT 56
#define MAX_CANDS (1u << 20) /* candidates kept from pass 1, else pass 2
                                tokenises again */

static inline int cmp_key(const void *k, const void *e)
{
    return strcmp(k, *(const char *const *)e);
}

static inline int in_list(const char *const *list, size_t n, const char *f,
                          size_t len)
{
    char key[32];
    if (len == 0 || len >= sizeof key)
        return 0;
    memcpy(key, f, len);
    key[len] = '\0';
    return bsearch(key, list, n, sizeof *list, cmp_key) != NULL;
}

#define IN(list, f, n) in_list(list, CHR__ARRAY_LEN(list), f, n)

typedef struct edit {
    size_t start, end, seq;
    const char *rep;
    size_t rep_len;
} edit;

typedef struct seg {
    const char *s;
    size_t n;
    chr__arena *a;
    chr__map counts; /* folded token -> occurrences (COUNT_MASK bits) and,
                        above LEX_SHIFT, 1 + its lexicon flags once looked
                        up for the language sample */
    chr__map names;  /* folded capitalised token, 's dropped -> occurrences */
    chr__map glued;  /* names seen only glued after a common word */
    chr__vec edits, reps;
    chr__vec cands;   /* cand: tokens pass 2 must decide */
    int cands_full;   /* more than MAX_CANDS: pass 2 scans the text */
    size_t quote_end; /* end of the last restored quotation */
    size_t low_words, low_known; /* lower-case words, those in the lexicon */
    int nomem;
} seg;

/* A token that may be repaired, whatever the rest of the document says
 * (pass 1 keeps them in text order, pass 2 decides them). */
typedef struct cand {
    size_t start, end;
    uint64_t key; /* hash of its folded form, key of `counts` */
} cand;

/* A token folded one code point at a time, with the map back. */
typedef struct ftok {
    char f[MAX_FOLD + 1];
    size_t len;
    size_t off[MAX_FOLD + 1];         /* token byte offset of f[k]'s cp */
    unsigned char bound[MAX_FOLD + 1]; /* f[k] starts a code point */
    unsigned char upper[MAX_FOLD + 1]; /* that code point is upper-case */
} ftok;

static inline uint64_t count_of(const chr__map *m, const char *f, size_t n)
{
    uint64_t *v = chr__map_get(m, chr__hash64(f, n));
    return v ? *v : 0;
}

static inline int lex(const char *f, size_t n)
{
    return chr__lexicon_flags(f, n);
}

static inline int is_space(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

static inline int is_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

/* segment_rules.c: (a) a camel join at folded index k of the token
 * [st, en); (b) a token without inner case change: head + tail words.
 * Each records the repair when the token is one and returns 0, non-zero
 * only when out of memory (g->nomem set). */
int chr__seg_camel(seg *g, size_t st, size_t en, const ftok *ft, size_t k);
int chr__seg_glued(seg *g, size_t st, size_t en, const ftok *ft);

/* segment_quote.c: 1 when text after `p` is up to two capitalised words then
 * a speech verb. */
int chr__seg_speech_follows(const seg *g, size_t p);

/* segment_quote.c: start of the restorable quotation ending at `p`,
 * (size_t)-1 when there is none. */
size_t chr__seg_quote_start(const seg *g, size_t p);

/* segment_quote.c: records the repair of token [st, en) cut after `cut`
 * (and `cut2` when non-zero), as a quotation from q when q != -1. */
int chr__seg_emit(seg *g, size_t st, size_t en, size_t cut, size_t cut2,
                  size_t q);

#endif
