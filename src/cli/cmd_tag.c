/* cmd_tag.c — `chronicle tag --conll FILE`: named-entity tags for a
 * CoNLL-2003 column file (FORMATS.md). Every line with a token is written
 * back with the predicted IOB1 tag appended as the last column (separated
 * like the line's own columns: a tab when the line has one, else a space);
 * -DOCSTART- lines get "O" so that every line has the same number of
 * columns, as conlleval requires; blank lines stay blank.
 * Method: the file is read one document (between -DOCSTART- lines) at a
 * time and tagged by the library's statistical tagger
 * (chr__ner_tag_tokens), which uses the earlier sentences of the document
 * as context. A document over MAX_DOC_TOKENS tokens is tagged in parts
 * (at a sentence end, or anywhere past twice that), so memory stays
 * bounded. */
#include "cli/cmd_tag.h"

#include "cli.h"
#include "extract/ner.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DOC_TOKENS 1000000
#define MAX_LINE (1 << 20)

static const char usage[] =
    "Usage: chronicle tag --conll FILE\n"
    "Tag the named entities (PER, ORG, LOC, MISC) of a CoNLL-2003 column\n"
    "file with the built-in statistical tagger.\n"
    "\n"
    "Options:\n"
    "  --conll FILE  the input: one token a line, its word in the first\n"
    "                column; blank lines end sentences, -DOCSTART- lines\n"
    "                documents; - reads standard input\n"
    "  --help        show this help\n"
    "\n"
    "Output: every line of FILE with the predicted tag (I-TYPE, B-TYPE in\n"
    "IOB1 as in CoNLL-2003, or O) appended as the last column; -DOCSTART-\n"
    "lines get O, blank lines stay blank. When FILE has gold tags in its\n"
    "last column, conlleval scores the output.\n"
    "Exit status: 0 ok, 1 the file cannot be read or tagged, 2 usage error.\n"
    "\n"
    "Example:\n"
    "  chronicle tag --conll eng.testa > tagged.txt\n";

typedef struct doc {
    char **lines;     /* every line of the document, verbatim */
    size_t nlines, cap_lines;
    size_t *tok_line; /* line index of token i */
    const char **words;
    size_t *lens;
    size_t ntok, cap_tok;
    size_t *sent_len;
    size_t nsent, cap_sent;
    int in_sent;
} doc;

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return 1;
    size_t nc = *cap ? *cap * 2 : 256;
    while (nc < need)
        nc *= 2;
    void *q = realloc(*p, nc * elem);
    if (!q)
        return 0;
    *p = q;
    *cap = nc;
    return 1;
}

static void doc_clear(doc *d)
{
    for (size_t i = 0; i < d->nlines; i++)
        free(d->lines[i]);
    d->nlines = d->ntok = d->nsent = 0;
    d->in_sent = 0;
}

static void doc_free(doc *d)
{
    doc_clear(d);
    free(d->lines);
    free(d->tok_line);
    free(d->words);
    free(d->lens);
    free(d->sent_len);
}

static const char *tag_name(int type, int begin, char *buf)
{
    if (!type)
        return "O";
    snprintf(buf, 16, "%c-%s", begin ? 'B' : 'I',
             type == CHR__NER_PER   ? "PER"
             : type == CHR__NER_ORG ? "ORG"
             : type == CHR__NER_LOC ? "LOC"
                                    : "MISC");
    return buf;
}

/* Tags and prints the document; returns 0 on failure (message printed). */
static int doc_flush(doc *d, const char *path)
{
    int *type = NULL, *begin = NULL;
    if (d->ntok) {
        type = calloc(d->ntok, sizeof *type);
        begin = calloc(d->ntok, sizeof *begin);
        chr_status st = !type || !begin
                            ? CHR_NOMEM
                            : chr__ner_tag_tokens(d->words, d->lens, d->ntok,
                                                  d->sent_len, d->nsent, type,
                                                  begin);
        if (st != CHR_OK) {
            fprintf(stderr, "chronicle: %s: %s\n", path,
                    st == CHR_UNSUPPORTED
                        ? "this build has no named-entity model"
                        : chr_strerror(st));
            free(type);
            free(begin);
            doc_clear(d);
            return 0;
        }
    }
    size_t t = 0;
    char buf[16];
    for (size_t i = 0; i < d->nlines; i++) {
        const char *l = d->lines[i];
        if (!l[strspn(l, " \t")]) {
            puts(l);
            continue;
        }
        const char *sep = strchr(l, '\t') ? "\t" : " ";
        const char *tag = "O";
        if (t < d->ntok && d->tok_line[t] == i) {
            tag = tag_name(type[t], begin[t], buf);
            t++;
        }
        printf("%s%s%s\n", l, sep, tag);
    }
    free(type);
    free(begin);
    doc_clear(d);
    return 1;
}

static int add_line(doc *d, char *line)
{
    if (!grow((void **)&d->lines, &d->cap_lines, d->nlines + 1,
              sizeof *d->lines))
        return 0;
    d->lines[d->nlines++] = line;
    size_t lead = strspn(line, " \t");
    if (!line[lead]) { /* blank: end of sentence */
        d->in_sent = 0;
        return 1;
    }
    if (strncmp(line + lead, "-DOCSTART-", 10) == 0) {
        d->in_sent = 0;
        return 1;
    }
    if (!grow((void **)&d->tok_line, &d->cap_tok, d->ntok + 1,
              sizeof *d->tok_line))
        return 0;
    size_t cap = d->cap_tok; /* words and lens follow tok_line's capacity */
    void *w = realloc(d->words, cap * sizeof *d->words);
    if (!w)
        return 0;
    d->words = w;
    void *ln = realloc(d->lens, cap * sizeof *d->lens);
    if (!ln)
        return 0;
    d->lens = ln;
    if (!d->in_sent) {
        if (!grow((void **)&d->sent_len, &d->cap_sent, d->nsent + 1,
                  sizeof *d->sent_len))
            return 0;
        d->sent_len[d->nsent++] = 0;
        d->in_sent = 1;
    }
    d->tok_line[d->ntok] = d->nlines - 1;
    d->words[d->ntok] = line + lead;
    d->lens[d->ntok] = strcspn(line + lead, " \t");
    d->ntok++;
    d->sent_len[d->nsent - 1]++;
    return 1;
}

static int tag_file(FILE *f, const char *path)
{
    doc d;
    memset(&d, 0, sizeof d);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int ok = 1;
    errno = 0;
    while (ok && (n = getline(&line, &cap, f)) >= 0) {
        if (n > MAX_LINE) {
            fprintf(stderr, "chronicle: %s: line over %d bytes\n", path,
                    MAX_LINE);
            ok = 0;
            break;
        }
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = 0;
        int docstart =
            strncmp(line + strspn(line, " \t"), "-DOCSTART-", 10) == 0;
        if ((docstart && d.nlines) ||
            (d.ntok >= MAX_DOC_TOKENS && !d.in_sent) ||
            d.ntok >= 2 * MAX_DOC_TOKENS || d.nlines >= 4 * MAX_DOC_TOKENS)
            ok = doc_flush(&d, path);
        char *copy = strdup(line);
        if (!copy || !add_line(&d, copy)) {
            if (copy && (d.nlines == 0 || d.lines[d.nlines - 1] != copy))
                free(copy);
            fprintf(stderr, "chronicle: %s: out of memory\n", path);
            ok = 0;
        }
    }
    if (ok && ferror(f)) {
        fprintf(stderr, "chronicle: %s: %s\n", path, strerror(errno));
        ok = 0;
    }
    if (ok)
        ok = doc_flush(&d, path);
    free(line);
    doc_free(&d);
    return ok;
}

int cli_tag(int argc, char **argv)
{
    const char *path = NULL;
    cli_args a;
    cli_args_init(&a, "tag", argc, argv);
    const char *tok;
    int r;
    while ((r = cli_args_next(&a, &tok)) != CLI_ARG_END) {
        if (r == CLI_ARG_OPERAND) {
            return cli_usage_error(a.cmd, "unexpected argument '%s'", tok);
        } else if (cli_opt_is(&a, "--help", "-h")) {
            fputs(usage, stdout);
            return CLI_EXIT_OK;
        } else if (cli_opt_is(&a, "--conll", NULL)) {
            if (!cli_opt_value(&a, &path))
                return CLI_EXIT_USAGE;
        } else {
            return cli_opt_unknown(&a);
        }
    }
    if (!path)
        return cli_usage_error(a.cmd, "no --conll FILE given");
    if (!chr__ner_available()) {
        fprintf(stderr, "chronicle: this build has no named-entity model\n");
        return CLI_EXIT_FAILED;
    }
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "chronicle: %s: %s\n", path, strerror(errno));
        return CLI_EXIT_FAILED;
    }
    int ok = tag_file(f, path);
    if (f != stdin)
        fclose(f);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "chronicle: cannot write the output\n");
        ok = 0;
    }
    return ok ? CLI_EXIT_OK : CLI_EXIT_FAILED;
}
