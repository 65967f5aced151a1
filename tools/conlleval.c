/* conlleval.c — phrase-level precision, recall and F1 of a tagged CoNLL
 * file, computed as the standard conlleval script does (host tool).
 *
 * Usage: conlleval FILE   (or - / no argument for stdin)
 * FILE: CoNLL columns whose last two are the gold tag and the guessed tag
 * (IOB1 or IOB2: I-TYPE, B-TYPE, O), as written by `chronicle tag --conll`
 * on a file with gold tags. Output: conlleval's summary lines (tokens,
 * phrases, accuracy by entity type, precision, recall, FB1, and per type).
 * Chunk rules are in tools/ner_conll.h. */
#include "ner_conll.h"

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "-";
    if (argc > 1 && (strcmp(argv[1], "--help") == 0 || argc > 2)) {
        fprintf(stderr, "usage: conlleval [FILE]\n");
        return 2;
    }
    if (strcmp(path, "-") == 0)
        path = "/dev/stdin";
    conll_data d;
    if (!conll_read(path, &d)) {
        fprintf(stderr, "conlleval: cannot read %s\n", path);
        return 1;
    }
    conll_score sc;
    memset(&sc, 0, sizeof sc);
    for (size_t k = 0; k < d.nsent; k++) {
        size_t a = d.sent_start[k], n = d.sent_start[k + 1] - a;
        int *gt = xrealloc(NULL, (n + 1) * 4 * sizeof(int));
        int *gb = gt + n + 1, *pt = gb + n + 1, *pb = pt + n + 1;
        for (size_t i = 0; i < n; i++) {
            gt[i] = d.tok[a + i].gtype;
            gb[i] = d.tok[a + i].gbegin;
            pt[i] = d.tok[a + i].type;
            pb[i] = d.tok[a + i].begin;
        }
        conll_score_sent(&sc, gt, gb, pt, pb, n);
        free(gt);
    }
    conll_print(stdout, &sc);
    conll_free(&d);
    return 0;
}
