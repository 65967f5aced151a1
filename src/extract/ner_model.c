/* ner_model.c — the named-entity tagger's model compiled into the library:
 * includes the tables that tools/gen_ner_model.c generates at build time
 * from data/ner-model.txt and data/ner-gazetteer.tsv (see mk/ner.mk). The
 * model is const data, so tagging is thread-safe and needs no file. */
#include "extract/ner_int.h"

#include "gen/ner_model_data.c"

const chr__ner_model *chr__ner_builtin(void)
{
    return ner_model.cap ? &ner_model : NULL;
}
