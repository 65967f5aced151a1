/* entities_int.h — what entities.c (tokens, dictionary matches, tagger
 * merge, output) and coref.c (descriptions, surnames, pronouns) share. */
#ifndef CHR_ENTITIES_INT_H
#define CHR_ENTITIES_INT_H

#include "base/base.h"
#include "extract/entities.h"
#include "resources/actors.h"

#define CHR__ENT_MAX_TOKENS 2000000 /* words of a body looked at */
#define CHR__ENT_MAX_MENTS 50000   /* mentions kept */

/* A word of the body: 16 bytes (the analysis arena allows about 24 bytes
 * per input byte for every stage together). */
typedef struct chr__etok {
    uint32_t start, end; /* bytes of the body */
    uint32_t fold;       /* offset of the folded word in c->fbuf (NUL-ended) */
    uint8_t flen;        /* folded length (< 64) */
    uint8_t plen;        /* folded length without a possessive "'s" / "'" */
    unsigned upper : 1, all_upper : 1, numeric : 1;
    unsigned sent_start : 1; /* first word of a sentence or paragraph */
    unsigned joined : 1; /* only spaces (or "." after an initial) since the
                            previous word: may continue a name */
    unsigned plain : 1;  /* only spaces since the previous word (a phrase) */
} chr__etok;

/* The folded form of word *w. */
#define CHR__TF(c, w) ((const char *)(c)->fbuf + (w)->fold)

enum {
    CHR__M_NAME = 1, /* dictionary name */
    CHR__M_DEMONYM,  /* "Chinese" */
    CHR__M_CAPITAL,  /* "Beijing" */
    CHR__M_DESC,     /* "the Russian leader", "the Turkish presidency" */
    CHR__M_NER       /* the statistical tagger's name */
};

/* A mention before output. */
typedef struct chr__ment {
    size_t start, end;
    int t0, t1;        /* words [t0, t1) */
    int kind;          /* CHR__M_* */
    int type;          /* CHR__ACT_* */
    int32_t actor;     /* dictionary actor, -1 */
    int32_t country;   /* country actor of a demonym/capital/description */
    const char *name;  /* canonical name, NULL unknown */
    const char *code;  /* CAMEO code, NULL unknown */
    int drop;          /* merged into another mention or not an entity */
} chr__ment;

typedef struct chr__ectx {
    const char *s;
    size_t n;
    const char *date;
    chr__arena *a;
    chr__etok *tok;
    int ntok;
    char *fbuf;            /* folded words, each NUL-terminated */
    size_t flen, fcap;
    chr__ment *m;
    int nm, capm;
} chr__ectx;

/* End of word t without a possessive "'s", "’s", "'" (bytes of c->s). */
size_t chr__etok_end(const chr__ectx *c, int t);
/* Pushes a mention; NULL on NOMEM or over the limit. */
chr__ment *chr__ment_push(chr__ectx *c);
/* Sorts c->m by start (then longer first). */
void chr__ments_sort(chr__ectx *c);
/* The CAMEO code of the country actor `country` on c->date (e.g. "RUS"),
 * with `suffix` appended when not NULL ("RUSGOV"); NULL on NOMEM. */
const char *chr__country_code(chr__ectx *c, int32_t country,
                              const char *suffix);

/* entities.c: adds the tagger spans sp[0..nsp) (chr__ner_text output) that
 * overlap no mention already found, titles cut from persons; sorts. */
struct chr__ner_span;
chr_status chr__entities_merge_ner(chr__ectx *c, const struct chr__ner_span *sp,
                                   size_t nsp);

/* coref.c: descriptions ("the Russian leader", "his Chinese
 * counterpart", "the Turkish presidency"), titles before names, surnames
 * and tagger names linked to the fullest name of the document. Mentions
 * must be sorted; may add mentions (sorts again). CHR_OK or CHR_NOMEM. */
chr_status chr__coref_resolve(chr__ectx *c);

#endif
