/* text.h — internal interface of the text stage (src/text/): UTF-8 repair
 * and normalisation, binary detection, word tokens, language guess. */
#ifndef CHR_TEXT_H
#define CHR_TEXT_H

#include "base/base.h"

/* 1 when s[0..n) looks binary, not text: a NUL byte, or more than 10% of
 * the first 64 KiB being control bytes other than \t \n \r \f, or invalid
 * UTF-8 that is not a single-byte legacy encoding pattern. */
int chr__looks_binary(const char *s, size_t n);

/* A copy of s[0..n) in `a` that is valid UTF-8: invalid sequences become
 * U+FFFD (bytes 0x80–0xFF that look like Latin-1/Windows-1252 are decoded as
 * such), CRLF and CR become LF, other C0 controls except TAB are dropped,
 * NFC composition applied. *outlen gets the length. NULL on NOMEM. */
char *chr__utf8_clean(const char *s, size_t n, chr__arena *a, size_t *outlen);

/* Decodes one code point at s[0..n); returns its length (>=1) and sets *cp;
 * invalid bytes give U+FFFD and length 1. n must be > 0. */
size_t chr__utf8_decode(const char *s, size_t n, int32_t *cp);

/* A word token: a run of letters, digits, and inner apostrophes/hyphens. */
typedef struct chr__token {
    size_t start, end; /* byte offsets */
    int upper_initial; /* first letter is upper-case */
    int all_upper;     /* every letter upper-case (and at least two) */
    int numeric;       /* starts with a digit */
} chr__token;

/* Calls `cb` for each word of s[0..n); stops early when cb returns non-zero.
 * Returns the number of words seen. */
size_t chr__words(const char *s, size_t n,
                  int (*cb)(void *ctx, const chr__token *t), void *ctx);

/* Case-folded, accent-stripped (NFKC_Casefold + strip marks) copy of one word
 * into out[cap]; returns its length, truncated to cap-1. */
size_t chr__fold_word(const char *s, size_t n, char *out, size_t cap);

/* 1 when the folded word is an English function word (stop word). */
int chr__is_stopword(const char *folded, size_t n);

/* Normalised text used for document identity: folded words joined by single
 * spaces (punctuation and layout ignored). Hashes it with XXH3-128. */
void chr__text_hash128(const char *s, size_t n, uint64_t *hi, uint64_t *lo);

/* Guesses the language from function-word frequencies ("en", "fr", "de",
 * "es", "it", "pt", "nl"); NULL when the text is too short or unclear. */
const char *chr__guess_language(const char *s, size_t n);

/* ---- lexicon and join repair (lexicon.c, segment.c; issue 3) ---- */

#define CHR__LEX_COMMON 1 /* the word is written in lower case */
#define CHR__LEX_PROPER 2 /* the word is written capitalised (a name) */

/* Number of words in the built-in English lexicon (SCOWL, generated at
 * build time by tools/gen_lexicon.c); 0 when the build did not provide it. */
size_t chr__lexicon_size(void);

/* CHR__LEX_* flags of a folded (lower-case ASCII letters) word, 0 when the
 * lexicon does not hold it. One hash probe, no allocation, thread-safe. */
int chr__lexicon_flags(const char *folded, size_t n);

/* Repairs words glued together by a lossy conversion in text[0..n) (valid
 * UTF-8, a cleaned body): "Jinpingon" -> "Jinping on", "historyPutin" ->
 * "history Putin", and restores a stripped quotation when unambiguous
 * ("<sentence>itPutin said" -> "“<sentence>it,” Putin said").
 * Rules at the top of segment.c; English only (text whose lower-case words
 * the lexicon mostly does not know, or under 10 of them, is left alone).
 * *out is a new NUL-terminated text in `a`, or `text` itself when nothing
 * changed (text must then be NUL-terminated), *out_len its length; *reps (in `a`, NULL when none) and
 * *n_reps list each repair as {from: the glued token, to: its replacement}.
 * CHR_OK or CHR_NOMEM. Linear time; pure and thread-safe. */
chr_status chr__repair_joins(const char *text, size_t n, chr__arena *a,
                             char **out, size_t *out_len, chr_repair **reps,
                             size_t *n_reps);

#endif
