/* ner.c — named-entity recognition entry points: chr__ner_text() on raw
 * text (tokenise CoNLL-style, split sentences, tag) and
 * chr__ner_tag_tokens() on pre-tokenised documents (chronicle tag --conll).
 *
 * Method: the whole input is one document. Every sentence is first scanned
 * into the document memory (which words occur in lower case, capitalised
 * mid-sentence, in title case); then sentences are tagged in order by the
 * built-in averaged-perceptron model with Viterbi decoding (ner_lab.c),
 * each tagged sentence telling the memory the entity type its words got,
 * which later sentences use as features (ner_feat.c).
 * Limits: at most NER_MAX_TOKENS tokens per call (CHR_TOOBIG beyond), the
 * document memory holds at most 1M distinct words; sentences longer than
 * NER_MAX_SENT tokens are tagged in pieces. A person's span leaves out a
 * leading title (Mr, Mrs, Dr ...), which British-style news writes
 * without a period and the tagger then sometimes includes. All scratch memory is malloc'ed
 * and freed before returning; only the spans live in the caller's arena. */
#include "extract/ner.h"

#include "extract/ner_int.h"
#include "extract/ner_tok.h"

#include <stdlib.h>
#include <string.h>

#define NER_MAX_TOKENS ((size_t)1 << 22)
#define NER_DOC_WORDS ((size_t)1 << 20)

/* Titles the tagger may include in a person's span ("Mr Putin"): the span
 * starts after them. */
static int is_title(const chr__ner_tok *t)
{
    static const char *const titles[] = { "Mr", "Mr.", "Mrs", "Mrs.", "Ms",
                                          "Ms.", "Dr", "Dr.", "Mme",
                                          "Sir", "Dame", "Prof", "Prof." };
    for (size_t i = 0; i < CHR__ARRAY_LEN(titles); i++)
        if (t->n == strlen(titles[i]) && memcmp(t->s, titles[i], t->n) == 0)
            return 1;
    return 0;
}

int chr__ner_available(void)
{
    return chr__ner_builtin() != NULL;
}

/* Tags the document toks[0..n) whose sentences start where sent_start[i];
 * lab[n] gets BILOU labels. */
static chr_status tag_doc(const chr__ner_model *m, const chr__ner_tok *toks,
                          size_t n, const size_t *sent_first, size_t nsent,
                          int *lab)
{
    /* scratch sized by the longest piece, allocated once for the document */
    size_t longest = 0;
    for (size_t k = 0; k < nsent; k++) {
        size_t a = sent_first[k], b = k + 1 < nsent ? sent_first[k + 1] : n;
        if (b - a > longest)
            longest = b - a;
    }
    if (longest > NER_MAX_SENT) /* tagged in pieces of at most this */
        longest = NER_MAX_SENT;
    chr__ner_scratch sc;
    if (!chr__ner_scratch_init(&sc, longest)) {
        chr__ner_scratch_free(&sc);
        return CHR_NOMEM;
    }
    chr__ner_docmem dm;
    chr__ner_docmem_init(&dm, NER_DOC_WORDS);
    chr_status st = CHR_OK;
    for (size_t k = 0; k < nsent && st == CHR_OK; k++) {
        size_t a = sent_first[k], b = k + 1 < nsent ? sent_first[k + 1] : n;
        for (size_t p = a; p < b; p += NER_MAX_SENT) {
            size_t len = b - p < NER_MAX_SENT ? b - p : NER_MAX_SENT;
            if (!chr__ner_docmem_scan_s(&dm, toks + p, len, &sc))
                st = CHR_NOMEM;
        }
    }
    for (size_t k = 0; k < nsent && st == CHR_OK; k++) {
        size_t a = sent_first[k], b = k + 1 < nsent ? sent_first[k + 1] : n;
        for (size_t p = a; p < b && st == CHR_OK; p += NER_MAX_SENT) {
            size_t len = b - p < NER_MAX_SENT ? b - p : NER_MAX_SENT;
            chr__ner_tag_sentence_s(m, &dm, toks + p, len, lab + p, &sc);
            if (!chr__ner_docmem_tagged(&dm, toks + p, lab + p, len))
                st = CHR_NOMEM;
        }
    }
    chr__ner_docmem_free(&dm);
    chr__ner_scratch_free(&sc);
    return st;
}

chr_status chr__ner_tag_tokens(const char *const *words, const size_t *lens,
                               size_t n, const size_t *sent_len,
                               size_t nsent, int *type, int *begin)
{
    const chr__ner_model *m = chr__ner_builtin();
    if (!m)
        return CHR_UNSUPPORTED;
    if (n == 0)
        return CHR_OK;
    chr__ner_tok *toks = malloc(n * sizeof *toks);
    size_t *first = calloc(nsent ? nsent : 1, sizeof *first);
    int *lab = malloc(n * sizeof *lab);
    chr_status st = CHR_NOMEM;
    if (toks && first && lab) {
        size_t at = 0, ns = 0;
        for (size_t k = 0; k < nsent && at < n; k++) {
            if (!sent_len[k])
                continue;
            first[ns++] = at;
            at += sent_len[k];
        }
        if (at > n)
            at = n;
        for (size_t i = 0; i < at; i++) {
            toks[i].s = words[i];
            toks[i].n = lens[i];
        }
        st = tag_doc(m, toks, at, first, ns, lab);
        if (st == CHR_OK) {
            /* IOB1 per sentence, so a chunk never crosses sentences */
            for (size_t k = 0; k < ns; k++) {
                size_t a = first[k], b = k + 1 < ns ? first[k + 1] : at;
                chr__ner_bilou_to_iob1(lab + a, b - a, type + a, begin + a);
            }
            for (size_t i = at; i < n; i++)
                type[i] = begin[i] = 0;
        }
    }
    free(toks);
    free(first);
    free(lab);
    return st;
}

chr_status chr__ner_text(const char *text, size_t len, chr__arena *a,
                         chr__ner_span **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    const chr__ner_model *m = chr__ner_builtin();
    if (!m || !text || !len)
        return CHR_OK;
    chr__ner_rtok *rt = NULL;
    char *norm = NULL;
    size_t nt = 0;
    chr_status st = chr__ner_tokenize(text, len, NER_MAX_TOKENS, &rt, &nt,
                                      &norm);
    if (st != CHR_OK || nt == 0) {
        free(rt);
        free(norm);
        return st;
    }
    chr__ner_tok *toks = malloc(nt * sizeof *toks);
    size_t *first = calloc(nt, sizeof *first);
    int *lab = malloc(nt * sizeof *lab);
    st = CHR_NOMEM;
    if (toks && first && lab) {
        size_t ns = 0;
        for (size_t i = 0; i < nt; i++) {
            if (rt[i].norm_off != (size_t)-1) {
                toks[i].s = norm + rt[i].norm_off;
                toks[i].n = strlen(toks[i].s);
            } else {
                toks[i].s = text + rt[i].start;
                toks[i].n = rt[i].end - rt[i].start;
            }
            if (rt[i].sent_start || i == 0)
                first[ns++] = i;
        }
        st = tag_doc(m, toks, nt, first, ns, lab);
        size_t count = 0;
        for (size_t i = 0; st == CHR_OK && i < nt; i++) {
            int p = ner_lab_pos(lab[i]);
            if (p == NER_B || p == NER_U)
                count++;
        }
        if (st == CHR_OK && count) {
            chr__ner_span *sp = chr__arena_alloc(a, count * sizeof *sp);
            if (!sp) {
                st = CHR_NOMEM;
            } else {
                size_t k = 0;
                for (size_t i = 0; i < nt && k < count; i++) {
                    int p = ner_lab_pos(lab[i]);
                    if (p != NER_B && p != NER_U)
                        continue;
                    size_t j = i;
                    while (p == NER_B && j + 1 < nt &&
                           ner_lab_pos(lab[j]) != NER_L)
                        j++;
                    size_t f = i;
                    while (f < j && ner_lab_type(lab[i]) == CHR__NER_PER &&
                           is_title(&toks[f]))
                        f++;
                    sp[k].start = rt[f].start;
                    sp[k].end = rt[j].end;
                    sp[k].type = ner_lab_type(lab[i]);
                    k++;
                    i = j;
                }
                *out = sp;
                *n = k;
            }
        }
    }
    free(toks);
    free(first);
    free(lab);
    free(rt);
    free(norm);
    return st;
}
