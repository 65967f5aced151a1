/* quotes.h — quotation extraction and attribution (issue 6).
 *
 * chr__quotes_find() fills d->quotes from d->body: direct quotations in
 * every common style (“…”, "…", «…», „…“, ‘…’ when unambiguous), partial
 * quotations inside reported speech, and indirect speech ("X said that …",
 * "according to X, …"), each with its cue and speaker. The method and the
 * decisions are described at the top of quotes.c (marks and kinds),
 * quotes_cue.c (cues, speaker mentions, indirect speech) and
 * quotes_speaker.c (resolution of a mention to a canonical name). */
#ifndef CHR_QUOTES_H
#define CHR_QUOTES_H

#include "base/base.h"

/* Fills d->quotes and d->n_quotes (allocated in `a`, normally d->arena)
 * from d->body. Uses d->entities when the entities stage has run (may be
 * empty). Quotes are in body order; start/end are byte offsets of the
 * quotation in d->body, marks included for direct and partial quotations,
 * the reported clause for indirect speech. `text` is the quotation's words
 * without the marks (paragraphs of a multi-paragraph quotation joined by
 * one space). `speaker` is a canonical name or NULL, never a pronoun.
 * CHR_OK or CHR_NOMEM; any bytes are accepted. Pure, thread-safe. */
chr_status chr__quotes_find(chr_doc *d, chr__arena *a);

#endif
