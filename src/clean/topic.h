/* topic.h — removal of an unrelated text appended after the article
 * (topic.c documents the method). */
#ifndef CHR_TOPIC_H
#define CHR_TOPIC_H

#include "base/base.h"

/* Cuts doc->body where an unrelated, self-contained text begins; the cut
 * text is appended to doc->removed with reason "spam". Arena `a`. */
chr_status chr__cut_topic_break(chr_doc *doc, chr__arena *a);

#endif
