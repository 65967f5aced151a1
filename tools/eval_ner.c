/* eval_ner.c — `make eval-ner`: tags a CoNLL file with the model built into
 * the library (chr__ner_tag_tokens, document by document, as `chronicle
 * tag --conll` does) and prints conlleval's phrase-level scores and the
 * tagging speed in tokens per second (one thread, best of 3 runs, reading
 * the file not counted).
 * Usage: ner-eval FILE */
#include "extract/ner.h"
#include "ner_conll.h"

#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: ner-eval FILE\n");
        return 2;
    }
    if (!chr__ner_available()) {
        fprintf(stderr, "ner-eval: the library was built without a model\n");
        return 1;
    }
    conll_data d;
    if (!conll_read(argv[1], &d)) {
        fprintf(stderr, "ner-eval: cannot read %s\n", argv[1]);
        return 1;
    }
    const char **words = xrealloc(NULL, (d.ntok + 1) * sizeof *words);
    size_t *lens = xrealloc(NULL, (d.ntok + 1) * sizeof *lens);
    size_t *slen = xrealloc(NULL, (d.nsent + 1) * sizeof *slen);
    int *type = xrealloc(NULL, (d.ntok + 1) * sizeof *type);
    int *begin = xrealloc(NULL, (d.ntok + 1) * sizeof *begin);
    for (size_t i = 0; i < d.ntok; i++) {
        words[i] = d.text + d.tok[i].off;
        lens[i] = d.tok[i].len;
    }
    for (size_t k = 0; k < d.nsent; k++)
        slen[k] = d.sent_start[k + 1] - d.sent_start[k];
    double best = 1e9;
    for (int run = 0; run < 3; run++) {
        double t0 = now();
        for (size_t doc = 0; doc < d.ndoc; doc++) {
            size_t s0 = d.doc_start[doc], s1 = d.doc_start[doc + 1];
            size_t a = d.sent_start[s0], b = d.sent_start[s1];
            chr_status st = chr__ner_tag_tokens(words + a, lens + a, b - a,
                                                slen + s0, s1 - s0,
                                                type + a, begin + a);
            if (st != CHR_OK) {
                fprintf(stderr, "ner-eval: %s\n", chr_strerror(st));
                return 1;
            }
        }
        double dt = now() - t0;
        if (dt < best)
            best = dt;
    }
    conll_score sc;
    memset(&sc, 0, sizeof sc);
    for (size_t k = 0; k < d.nsent; k++) {
        size_t a = d.sent_start[k], n = slen[k];
        int *gt = xrealloc(NULL, (n + 1) * 2 * sizeof(int));
        int *gb = gt + n + 1;
        for (size_t i = 0; i < n; i++) {
            gt[i] = d.tok[a + i].type;
            gb[i] = d.tok[a + i].begin;
        }
        conll_score_sent(&sc, gt, gb, type + a, begin + a, n);
        free(gt);
    }
    printf("== NER on %s (conlleval phrase-level)\n", argv[1]);
    conll_print(stdout, &sc);
    printf("F1 %.2f; speed %.0f tokens/s (%zu tokens in %.3f s, one "
           "thread)\n",
           conll_f1(&sc, 0, NULL, NULL), best > 0 ? d.ntok / best : 0,
           d.ntok, best);
    free(words);
    free(lens);
    free(slen);
    free(type);
    free(begin);
    conll_free(&d);
    return 0;
}
