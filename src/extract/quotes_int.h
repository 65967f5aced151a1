/* quotes_int.h — internal interface shared by quotes.c (marks, spans,
 * kinds), quotes_cue.c (tokens, cues, speaker mentions, indirect speech)
 * and quotes_speaker.c (resolution of a mention to a canonical name). */
#ifndef CHR_QUOTES_INT_H
#define CHR_QUOTES_INT_H

#include "extract/quotes.h"

#include <stdint.h>

/* token kinds */
enum {
    QT_WORD = 1,
    QT_PUNCT,   /* one ASCII punctuation byte (or another symbol) */
    QT_QUOTE,   /* a quotation mark; fam and F_OPEN/F_CLOSE say which */
    QT_DASH,    /* — – ― or " -- " */
    QT_ELLIPSIS, /* … or ... */
    QT_PARA     /* a line break: paragraphs and lines of their own */
};

/* quotation mark families: an opener is closed by a closer of its family */
enum {
    QF_DQ = 1, /* “ ” „ */
    QF_ADQ,    /* ASCII " */
    QF_GUIL,   /* « » */
    QF_SQ,     /* ‘ ’ */
    QF_ASQ     /* ASCII ' */
};

/* token flags */
#define QF_CAP 0x01    /* word: first letter upper-case */
#define QF_OPEN 0x02   /* quote: may open */
#define QF_CLOSE 0x04  /* quote: may close */
#define QF_END 0x08    /* punct/ellipsis: ends a sentence */
#define QF_INQ 0x10    /* token inside a quotation span */
#define QF_LOWCL 0x20  /* “ closing a „ (German style) */

/* cue classes (qtok.cue) */
#define CUE_VERB 1      /* finite speech verb: said, told, added … */
#define CUE_PART 2      /* participle: saying, stating, adding … */
#define CUE_ACCORDING 3 /* "according" (followed by "to") */
#define CUE_INDIRECT 0x10 /* flag: the verb may introduce indirect speech */
#define CUE_CLASS(c) ((c) & 0x0f)

typedef struct qtok {
    uint32_t s, e; /* byte offsets in the body */
    uint8_t kind, flags, fam, cue;
    char ch; /* QT_PUNCT: the byte */
} qtok;

/* A speaker mention: tokens [ws, we) of the body. */
typedef struct qmention {
    size_t ws, we;
    int type; /* MENTION_* */
} qmention;

enum { MENTION_NONE, MENTION_NAME, MENTION_PRONOUN, MENTION_DESC };

/* A name seen in the body, for the fallback canonical names. */
typedef struct qname {
    uint32_t s, e; /* the name's bytes (titles stripped) */
    uint32_t nwords, count;
} qname;

typedef struct qctx {
    chr_doc *d;
    const char *s; /* the body */
    size_t n;
    chr__arena *a;   /* output arena */
    qtok *t;         /* tokens (malloc'ed), nt of them */
    size_t nt;
    chr__vec out;    /* chr_quote */
    /* the fallback resolution: speakers seen so far (for pronouns) */
    const char *last_person, *last_person_actor;
    const char *last_org, *last_org_actor;
    size_t last_person_tok, last_org_tok;
    qname *names; /* lazily built table of names in the body */
    size_t n_names;
    int names_built;
    chr__map wcache; /* widened names: hash of a mention -> string */
    int nomem;
} qctx;

/* quotes_cue.c */
int chr__q_tokenize(qctx *c);
/* cue class of a word (CUE_* | CUE_INDIRECT), 0 when none */
int chr__q_cue_word(const char *w, size_t n);
/* lower-case ASCII copy of a word into out[cap]; its length */
size_t chr__q_lower(const char *w, size_t n, char *out, size_t cap);
int chr__q_is_pronoun(const char *w, size_t n);
/* Speaker pattern right after a closing mark at token `close`: ", X said",
 * ", said X", "according to X", "— X". Fills *m and *cue (token index of
 * the cue, SIZE_MAX when none); 1 when found. */
int chr__q_speaker_after(const qctx *c, size_t close, qmention *m,
                         size_t *cue);
/* An attribution ending the sentence after a closing mark: "“…” and
 * against the law, Clinton said." 1 when found. */
int chr__q_speaker_later(const qctx *c, size_t close, qmention *m,
                         size_t *cue);
/* The nearest sentence subject before token k that is a name, within six
 * sentences (for he/she when no speaker is known). */
int chr__q_recent_subject(const qctx *c, size_t k, qmention *m);
/* Nearest cue before the opening mark at token `open` in its sentence, and
 * the speaker it gives (subject of a participle, NP before or after the
 * verb, "according to X"). 1 when a cue was found (*m may be NONE). */
int chr__q_speaker_before(const qctx *c, size_t open, qmention *m,
                          size_t *cue);
/* The cue ending the paragraph before token `first` ("Putin said:" on a
 * line of its own). 1 when found. */
int chr__q_speaker_prev_line(const qctx *c, size_t first, qmention *m,
                             size_t *cue);
/* Indirect speech in the sentences outside quotation spans: adds
 * kind "indirect" quotes. */
void chr__q_indirect(qctx *c);

/* quotes_speaker.c */
/* The canonical speaker of a mention (NULL when unresolved) and its actor;
 * updates the pronoun chain. */
const char *chr__q_resolve(qctx *c, const qmention *m, const char **actor);
/* Adds a quote to c->out (text copied); returns it or NULL on NOMEM. */
chr_quote *chr__q_add(qctx *c, const char *kind, const char *text,
                      size_t start, size_t end, const char *speaker,
                      const char *actor, size_t cue_tok);

#endif
