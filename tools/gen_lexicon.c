/* gen_lexicon.c — build-time host tool: generates the English lexicon used
 * by join repair (src/text/lexicon.c, src/text/segment.c) from the SCOWL
 * word lists of Debian's wamerican and wbritish packages.
 *
 *   gen-lexicon OUT.c [WORDLIST...]
 *
 * Built and run by the Makefile (rule for $(BUILD)/gen/lexicon_data.c):
 *   $(CC) -O2 -Isrc -o $(BUILD)/gen/gen-lexicon tools/gen_lexicon.c
 *   $(BUILD)/gen/gen-lexicon $(BUILD)/gen/lexicon_data.c
 * It needs only the C library (iconv(3) for the transliteration).
 *
 * Default lists: /usr/share/dict/american-english, british-english; a
 * missing one fails with "gen-lexicon: LIST is missing (apt-get install
 * wamerican wbritish)", exit 1. The lists are read as one stream and
 * transliterated to ASCII (accents dropped, in the C.UTF-8 locale, what
 * cannot be transliterated omitted: `iconv -c -t ASCII//TRANSLIT`). Lines
 * that are not only ASCII letters (apostrophes, digits, anything else) are
 * dropped; the rest are lower-cased and deduplicated.
 *
 * OUT.c holds, all static (lexicon.c #includes it):
 *  - chr__lexicon_blob: one line "<word><flag>\n" per word, in byte order;
 *    flag '1' = seen in lower case (a common word), '2' = seen only
 *    capitalised (a proper name), '3' = both;
 *  - chr__lexicon_index: an open-addressing (linear probing) table of
 *    2^CHR__LEXICON_SLOT_BITS 32-bit slots, load <= 0.6. A slot is 0 when
 *    empty, else (tag << CHR__LEXICON_OFF_BITS) | (offset of the word's line
 *    in the blob + 1), where h = chr__lexicon_hash(word) (lexicon_hash.h),
 *    the probe starts at slot h & (slots - 1) and tag = h >> OFF_BITS. A
 *    lookup is one hash, usually one slot and one memcmp.
 * Output goes to OUT.c.tmp, renamed to OUT.c when complete.
 *
 * SCOWL: Copyright 2000-2011 Kevin Atkinson and others; permission to use,
 * copy, modify, distribute and sell granted (see
 * /usr/share/doc/wamerican/copyright). */
#define _POSIX_C_SOURCE 200809L
#include "text/lexicon_hash.h"

#include <errno.h>
#include <iconv.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_INPUT (256u << 20) /* bytes of word lists read at most */

typedef struct word {
    const char *s; /* lower-cased, in the transliterated buffer */
    size_t n;
    int flags;     /* 1 seen in lower case, 2 seen capitalised */
} word;

static void die(const char *msg, const char *arg)
{
    fprintf(stderr, "gen-lexicon: %s%s%s\n", msg, arg ? " " : "",
            arg ? arg : "");
    exit(1);
}

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        die("out of memory", NULL);
    return q;
}

/* Appends the whole file at path to *buf (cat). */
static void read_file(const char *path, char **buf, size_t *len, size_t *cap)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        die("cannot read", path);
    for (;;) {
        if (*cap - *len < 65536) {
            if (*cap > MAX_INPUT)
                die("word lists too large:", path);
            *cap = *cap * 2 + 65536;
            *buf = xrealloc(*buf, *cap);
        }
        size_t k = fread(*buf + *len, 1, *cap - *len, f);
        *len += k;
        if (k == 0)
            break;
    }
    if (ferror(f))
        die("read error on", path);
    fclose(f);
}

/* UTF-8 -> ASCII//TRANSLIT, unconvertible characters omitted (iconv -c). */
static char *to_ascii(const char *in, size_t n, size_t *outn)
{
    iconv_t cd = iconv_open("ASCII//TRANSLIT//IGNORE", "UTF-8");
    if (cd == (iconv_t)-1)
        die("iconv_open failed:", strerror(errno));
    size_t cap = n * 2 + 64, w = 0;
    char *out = xrealloc(NULL, cap);
    char *ip = (char *)in;
    size_t left = n;
    while (left > 0) {
        char *ip0 = ip, *op = out + w;
        size_t room = cap - w;
        size_t r = iconv(cd, &ip, &left, &op, &room);
        w = (size_t)(op - out);
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG) {
            cap *= 2;
            out = xrealloc(out, cap);
        } else if (errno == EILSEQ) {
            /* //IGNORE skipped what it could; never stall on a byte */
            if (ip == ip0) {
                ip++;
                left--;
            }
        } else if (errno == EINVAL) {
            break; /* a truncated sequence at the end: omitted */
        } else {
            die("iconv failed:", strerror(errno));
        }
    }
    iconv_close(cd);
    *outn = w;
    return out;
}

static int cmp_word(const void *pa, const void *pb)
{
    const word *a = pa, *b = pb;
    size_t m = a->n < b->n ? a->n : b->n;
    int c = memcmp(a->s, b->s, m);
    if (c)
        return c;
    return a->n < b->n ? -1 : a->n > b->n;
}

static int is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int main(int argc, char **argv)
{
    static const char *const defaults[] = {
        "/usr/share/dict/american-english",
        "/usr/share/dict/british-english",
    };
    if (argc < 2) {
        fprintf(stderr, "usage: %s OUT.c [WORDLIST...]\n", argv[0]);
        return 2;
    }
    const char *out = argv[1];
    const char *const *lists = argc > 2 ? (const char *const *)argv + 2
                                        : defaults;
    size_t n_lists = argc > 2 ? (size_t)argc - 2 : 2;
    for (size_t i = 0; i < n_lists; i++) {
        if (access(lists[i], R_OK) != 0) {
            fprintf(stderr, "gen-lexicon: %s is missing (apt-get install "
                            "wamerican wbritish)\n", lists[i]);
            return 1;
        }
    }
    setlocale(LC_ALL, "C.UTF-8");

    char *raw = NULL;
    size_t raw_len = 0, raw_cap = 0;
    for (size_t i = 0; i < n_lists; i++)
        read_file(lists[i], &raw, &raw_len, &raw_cap);
    size_t len;
    char *text = to_ascii(raw, raw_len, &len);
    free(raw);

    /* lines of letters only, lower-cased, flagged by their first letter */
    word *w = NULL;
    size_t nw = 0, wcap = 0;
    for (size_t i = 0; i < len;) {
        size_t e = i;
        while (e < len && text[e] != '\n')
            e++;
        size_t k = i;
        while (k < e && is_alpha((unsigned char)text[k]))
            k++;
        if (k == e && e > i) {
            int flag = text[i] >= 'a' && text[i] <= 'z' ? 1 : 2;
            for (size_t q = i; q < e; q++)
                if (text[q] <= 'Z')
                    text[q] = (char)(text[q] + 32);
            if (nw == wcap) {
                wcap = wcap * 2 + 1024;
                w = xrealloc(w, wcap * sizeof *w);
            }
            w[nw++] = (word){text + i, e - i, flag};
        }
        i = e + 1;
    }
    qsort(w, nw, sizeof *w, cmp_word);
    size_t nu = 0;
    for (size_t i = 0; i < nw; i++) {
        if (nu && cmp_word(&w[nu - 1], &w[i]) == 0)
            w[nu - 1].flags |= w[i].flags;
        else
            w[nu++] = w[i];
    }

    /* blob offsets and the index */
    size_t blob_len = 0;
    for (size_t i = 0; i < nu; i++)
        blob_len += w[i].n + 2;
    unsigned off_bits = 1;
    while (off_bits < 32 && ((size_t)1 << off_bits) <= blob_len)
        off_bits++;
    unsigned slot_bits = 4;
    while (slot_bits < 31 && ((size_t)1 << slot_bits) * 6 < nu * 10)
        slot_bits++;
    if (off_bits > 28 || slot_bits + (32 - off_bits) > 32)
        die("lexicon too large for 32-bit index slots", NULL);
    size_t slots = (size_t)1 << slot_bits, mask = slots - 1, max_probe = 0;
    uint32_t *index = calloc(slots, sizeof *index);
    if (!index)
        die("out of memory", NULL);
    size_t off = 0;
    for (size_t i = 0; i < nu; i++) {
        uint32_t h = chr__lexicon_hash(w[i].s, w[i].n);
        size_t s = h & mask, probe = 1;
        while (index[s]) {
            s = (s + 1) & mask;
            probe++;
        }
        if (probe > max_probe)
            max_probe = probe;
        index[s] = (uint32_t)((h >> off_bits) << off_bits) |
                   (uint32_t)(off + 1);
        off += w[i].n + 2;
    }

    char *tmp = malloc(strlen(out) + 5);
    if (!tmp)
        die("out of memory", NULL);
    sprintf(tmp, "%s.tmp", out);
    FILE *f = fopen(tmp, "w");
    if (!f)
        die("cannot write", tmp);
    fprintf(f,
            "/* lexicon_data.c — GENERATED by tools/gen_lexicon.c from SCOWL\n"
            " * (wamerican, wbritish; Copyright 2000-2011 Kevin Atkinson and\n"
            " * others, see /usr/share/doc/wamerican/copyright). Do not edit.\n"
            " * Layout: see tools/gen_lexicon.c. Longest probe: %zu slots. */\n"
            "#include <stddef.h>\n#include <stdint.h>\n\n"
            "#define CHR__LEXICON_SLOT_BITS %u\n"
            "#define CHR__LEXICON_OFF_BITS %u\n\n"
            "static const char chr__lexicon_blob[] =\n",
            max_probe, slot_bits, off_bits);
    for (size_t i = 0; i < nu; i++)
        fprintf(f, "    \"%.*s%d\\n\"\n", (int)w[i].n, w[i].s, w[i].flags);
    if (nu == 0)
        fprintf(f, "    \"\"\n");
    fprintf(f, "    ;\nstatic const size_t chr__lexicon_blob_len = %zu;\n"
               "static const size_t chr__lexicon_count = %zu;\n\n"
               "static const uint32_t chr__lexicon_index[%zu] = {\n",
            blob_len, nu, slots);
    for (size_t i = 0; i < slots; i++)
        fprintf(f, "%s0x%x,%s", i % 8 ? " " : "    ", (unsigned)index[i],
                i % 8 == 7 ? "\n" : "");
    fprintf(f, "%s};\n", slots % 8 ? "\n" : "");
    if (fclose(f) != 0 || rename(tmp, out) != 0)
        die("cannot write", out);
    free(tmp);
    free(index);
    free(w);
    free(text);
    return 0;
}
