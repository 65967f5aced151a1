/* entities.h — internal interface of actor entity recognition and
 * within-document actor coreference (src/extract/entities.c, coref.c).
 *
 * chr__entities_find() fills d->entities with every mention of an actor it
 * can see in d->body: dictionary matches (src/resources/actors.h; longest
 * match over folded tokens, possessives, demonyms, capital metonyms, titles),
 * names from the statistical tagger (src/extract/ner.h) that no dictionary
 * holds, and descriptions resolved by coreference ("Mr Putin", "the Russian
 * leader", "his Chinese counterpart", "the Turkish presidency"). Each entity
 * carries `name` (the canonical name, e.g. "Vladimir Putin"; NULL when
 * unknown) and `actor` (the CAMEO code valid on d->date_hint; NULL when
 * none). Entities are sorted by start offset and do not overlap.
 *
 * chr__entity_at() is the resolver the quotation stage uses for speakers. */
#ifndef CHR_ENTITIES_H
#define CHR_ENTITIES_H

#include "base/base.h"

/* Fills d->entities, d->n_entities from d->body (d->body_len bytes), dating
 * roles by d->date_hint (ISO "YYYY-MM-DD…" or NULL: the latest role).
 * Everything is allocated in `a` (normally d's arena). CHR_OK or CHR_NOMEM;
 * a body without actors gives n_entities 0. Thread-safe, no global state. */
chr_status chr__entities_find(chr_doc *d, chr__arena *a);

/* The canonical entity that the mention [start, end) of d->body refers to
 * (a name, title/description, or pronoun resolved to the nearest preceding
 * compatible entity), or NULL when it cannot be resolved. Needs the entities
 * of d to be filled. The result points into d->entities: its `name` is the
 * full canonical name, its `actor` the code. A description nobody in the
 * document answers ("the Mongolian president") gives an entity whose name
 * is NULL and whose actor is known (MNGGOV). Pronouns (he/she/him/his/her:
 * the nearest preceding named person; it/its/they/their: the nearest
 * preceding ORG or GPE with a code) are resolved here only, never listed
 * as entities. */
const chr_entity *chr__entity_at(const chr_doc *d, size_t start, size_t end);

#endif
