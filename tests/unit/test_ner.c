/* test_ner.c — the statistical named-entity tagger: tokeniser, labels,
 * features, decoding, the built-in model on invented sentences, and the
 * byte offsets of chr__ner_text. */
#include "t.h"

#include "extract/ner.h"
#include "extract/ner_int.h"
#include "extract/ner_tok.h"

#include <float.h>
#include <stdlib.h>

/* Tokens of s joined by '|', sentence starts marked by '#'. */
static void toks_of(const char *s, char *out, size_t cap)
{
    chr__ner_rtok *t = NULL;
    char *norm = NULL;
    size_t n = 0;
    out[0] = 0;
    if (chr__ner_tokenize(s, strlen(s), 1000, &t, &n, &norm) != CHR_OK)
        return;
    size_t o = 0;
    for (size_t i = 0; i < n && o + 2 < cap; i++) {
        if (i)
            out[o++] = '|';
        if (t[i].sent_start)
            out[o++] = '#';
        const char *w = t[i].norm_off != (size_t)-1 ? norm + t[i].norm_off
                                                    : s + t[i].start;
        size_t wl = t[i].norm_off != (size_t)-1 ? strlen(w)
                                                : t[i].end - t[i].start;
        if (o + wl + 1 >= cap)
            break;
        memcpy(out + o, w, wl);
        o += wl;
    }
    out[o] = 0;
    free(t);
    free(norm);
}

T_TEST(ner_tokenize_conll_style)
{
    char buf[1024];
    toks_of("Ruritania's envoy, Mr. Blom, said: \"We won't.\" U.S. shares "
            "rose 1,000.5 points.",
            buf, sizeof buf);
    T_EQ_STR(buf, "#Ruritania|'s|envoy|,|Mr.|Blom|,|said|:|\"|We|wo|n't|.|"
                  "\"|#U.S.|shares|rose|1,000.5|points|.");
    toks_of("Talks in Velmora (north) ended\xe2\x80\xa6 Ruritania\xe2\x80\x99s "
            "\xe2\x80\x9cnew\xe2\x80\x9d plan.\n\nsecond paragraph here",
            buf, sizeof buf);
    T_EQ_STR(buf, "#Talks|in|Velmora|(|north|)|ended|...|#Ruritania|'s|\"|"
                  "new|\"|plan|.|#second|paragraph|here");
    toks_of("", buf, sizeof buf);
    T_EQ_STR(buf, "");
    toks_of("the soldiers' families", buf, sizeof buf);
    T_EQ_STR(buf, "#the|soldiers|'|families");
}

T_TEST(ner_tokenize_limit)
{
    chr__ner_rtok *t = NULL;
    char *norm = NULL;
    size_t n = 0;
    T_EQ_INT(chr__ner_tokenize("a b c d e", 9, 3, &t, &n, &norm), CHR_TOOBIG);
    T_EQ_INT(chr__ner_tokenize("a b c", 5, 3, &t, &n, &norm), CHR_OK);
    T_EQ_INT(n, 3);
    free(t);
    free(norm);
}

T_TEST(ner_labels_iob1_bilou)
{
    /* John Smith | O | New York | Boston (B-LOC: a second chunk) | O */
    int type[] = { 1, 1, 0, 3, 3, 3, 0 };
    int begin[] = { 0, 0, 0, 0, 0, 1, 0 };
    int lab[7], t2[7], b2[7];
    chr__ner_iob1_to_bilou(type, begin, 7, lab);
    T_EQ_INT(lab[0], ner_lab_make(1, NER_B));
    T_EQ_INT(lab[1], ner_lab_make(1, NER_L));
    T_EQ_INT(lab[2], 0);
    T_EQ_INT(lab[5], ner_lab_make(3, NER_U));
    chr__ner_bilou_to_iob1(lab, 7, t2, b2);
    for (int i = 0; i < 7; i++) {
        T_EQ_INT(t2[i], type[i]);
        T_EQ_INT(b2[i], begin[i]);
    }
    T_EQ_INT(chr__ner_type_of("I-MISC", 6), CHR__NER_MISC);
    T_EQ_INT(chr__ner_type_of("B-ORG", 5), CHR__NER_ORG);
    T_EQ_INT(chr__ner_type_of("O", 1), 0);
    T_EQ_INT(chr__ner_type_of("I-FOO", 5), 0);
}

T_TEST(ner_viterbi_well_formed)
{
    float score[6 * NER_NLAB];
    float trans[(NER_NLAB + 1) * NER_NLAB] = { 0 };
    unsigned x = 12345;
    for (int r = 0; r < 50; r++) {
        for (size_t i = 0; i < CHR__ARRAY_LEN(score); i++) {
            x = x * 1103515245u + 12345u;
            score[i] = (float)((x >> 8) % 1000) / 100.0f;
        }
        int out[6];
        chr__ner_viterbi(score, trans, 6, out);
        int prev = -1;
        for (int i = 0; i < 6; i++) {
            T_CHECK(chr__ner_allowed(prev, out[i]));
            prev = out[i];
        }
        T_CHECK(prev == 0 || ner_lab_pos(prev) == NER_L ||
                ner_lab_pos(prev) == NER_U);
    }
}

static int nfeat_of(const chr__ner_gaz *g, const chr__ner_docmem *d,
                    const char *w0, const char *w1, uint64_t *f)
{
    chr__ner_tok t[3] = { { "in", 2 }, { w0, strlen(w0) }, { w1, strlen(w1) } };
    int nf[3];
    chr__ner_features(g, d, t, 3, f, nf);
    return nf[1];
}

T_TEST(ner_features)
{
    const chr__ner_model *m = chr__ner_builtin();
    T_CHECK(m != NULL);
    if (!m)
        return;
    static uint64_t f1[3 * NER_MAXFEAT], f2[3 * NER_MAXFEAT];
    int a = nfeat_of(&m->gaz, NULL, "Germany", "today", f1);
    int b = nfeat_of(&m->gaz, NULL, "Germany", "today", f2);
    T_CHECK(a > 20 && a <= NER_MAXFEAT);
    T_EQ_INT(a, b);
    T_CHECK(memcmp(f1 + NER_MAXFEAT, f2 + NER_MAXFEAT, (size_t)a * 8) == 0);
    /* the gazetteer knows Germany, not Blorfia: more features */
    int c = nfeat_of(&m->gaz, NULL, "Blorfia", "today", f2);
    T_CHECK(a > c);
    /* case matters */
    nfeat_of(&m->gaz, NULL, "germany", "today", f2);
    T_CHECK(f1[NER_MAXFEAT + 1] != f2[NER_MAXFEAT + 1]);
    /* document memory: a label given earlier adds a feature */
    chr__ner_docmem dm;
    chr__ner_docmem_init(&dm, 100);
    chr__ner_tok w = { "Blorfia", 7 };
    int lab = ner_lab_make(CHR__NER_LOC, NER_U);
    T_CHECK(chr__ner_docmem_tagged(&dm, &w, &lab, 1));
    int d = nfeat_of(&m->gaz, &dm, "Blorfia", "today", f2);
    T_CHECK(d > c);
    chr__ner_docmem_free(&dm);
}

/* Spans of text as "TYPE:text;..." */
static void spans_of(const char *text, char *out, size_t cap)
{
    static const char *names[] = { "?", "PER", "ORG", "LOC", "MISC" };
    chr__arena *a = chr__arena_new(0);
    chr__ner_span *sp = NULL;
    size_t n = 0, o = 0;
    out[0] = 0;
    if (chr__ner_text(text, strlen(text), a, &sp, &n) == CHR_OK) {
        for (size_t i = 0; i < n; i++) {
            int k = snprintf(out + o, cap - o, "%s%s:%.*s", i ? ";" : "",
                             names[sp[i].type < 5 ? sp[i].type : 0],
                             (int)(sp[i].end - sp[i].start),
                             text + sp[i].start);
            if (k < 0 || (size_t)k >= cap - o)
                break;
            o += (size_t)k;
        }
    }
    chr__arena_free(a);
}

T_TEST(ner_model_tags_invented_text)
{
    char buf[2048];
    spans_of("Maria Kowalski, a spokeswoman for the United Nations, said "
             "in Geneva on Tuesday that the talks would resume.\n\n"
             "Kowalski's office in New York did not comment. The German "
             "delegation left.",
             buf, sizeof buf);
    T_EQ_STR(buf, "PER:Maria Kowalski;ORG:United Nations;LOC:Geneva;"
                  "PER:Kowalski;LOC:New York;MISC:German");
    spans_of("President Jacques Chirac met Boris Yeltsin in Moscow.", buf,
             sizeof buf);
    T_EQ_STR(buf, "PER:Jacques Chirac;PER:Boris Yeltsin;LOC:Moscow");
    spans_of("\xe2\x80\x9cWe don\xe2\x80\x99t know,\xe2\x80\x9d said "
             "Dr. Helen O\xe2\x80\x99" "Brien of Oxford University\xe2\x80\x99s "
             "medical school.",
             buf, sizeof buf);
    T_EQ_STR(buf, "PER:Helen O\xe2\x80\x99" "Brien;ORG:Oxford University");
    /* titles are left out of a person's span */
    spans_of("Mr Henrik Blomqvist arrived in Oslo on Friday. Mr Blomqvist "
             "met Dr Maria Santos there.",
             buf, sizeof buf);
    T_EQ_STR(buf, "PER:Henrik Blomqvist;LOC:Oslo;PER:Blomqvist;"
                  "PER:Maria Santos");
}

T_TEST(ner_text_offsets)
{
    const char *text = "  Talks between Ruritania and the European Union "
                       "resumed in Brussels.";
    chr__arena *a = chr__arena_new(0);
    chr__ner_span *sp = NULL;
    size_t n = 0;
    T_EQ_INT(chr__ner_text(text, strlen(text), a, &sp, &n), CHR_OK);
    T_CHECK(n >= 2);
    size_t prev_end = 0;
    for (size_t i = 0; i < n; i++) {
        T_CHECK(sp[i].start < sp[i].end && sp[i].end <= strlen(text));
        T_CHECK(sp[i].start >= prev_end);
        T_CHECK(sp[i].type >= CHR__NER_PER && sp[i].type <= CHR__NER_MISC);
        prev_end = sp[i].end;
        if (strncmp(text + sp[i].start, "European", 8) == 0) {
            T_EQ_INT(sp[i].start, 34);
            T_EQ_INT(sp[i].end, 48);
            T_EQ_INT(sp[i].type, CHR__NER_ORG);
        }
        if (strncmp(text + sp[i].start, "Brussels", 8) == 0) {
            T_EQ_INT(sp[i].end, sp[i].start + 8);
            T_EQ_INT(sp[i].type, CHR__NER_LOC);
        }
    }
    T_EQ_INT(chr__ner_text("", 0, a, &sp, &n), CHR_OK);
    T_EQ_INT(n, 0);
    chr__arena_free(a);
}

T_TEST(ner_text_hostile_bytes)
{
    char buf[4096];
    unsigned x = 99;
    chr__arena *a = chr__arena_new(0);
    for (int r = 0; r < 20; r++) {
        for (size_t i = 0; i < sizeof buf; i++) {
            x = x * 1103515245u + 12345u;
            unsigned v = (x >> 16) & 0xff;
            /* bias towards letters, dots, quotes and UTF-8 lead bytes */
            static const char pick[] = "Aa .'\"\xe2\x80\x99\n,-";
            buf[i] = (v & 1) ? pick[v % (sizeof pick - 1)] : (char)v;
        }
        chr__ner_span *sp = NULL;
        size_t n = 0;
        T_EQ_INT(chr__ner_text(buf, sizeof buf, a, &sp, &n), CHR_OK);
        for (size_t i = 0; i < n; i++)
            T_CHECK(sp[i].start < sp[i].end && sp[i].end <= sizeof buf);
    }
    chr__arena_free(a);
}

T_TEST(ner_tag_tokens)
{
    const char *w[] = { "Peter", "Blom", "visited", "Ruritania", ".",
                        "Blom", "left", "." };
    size_t len[8], slen[2] = { 5, 3 };
    for (int i = 0; i < 8; i++)
        len[i] = strlen(w[i]);
    int type[8], begin[8];
    T_EQ_INT(chr__ner_tag_tokens(w, len, 8, slen, 2, type, begin), CHR_OK);
    T_EQ_INT(type[0], CHR__NER_PER);
    T_EQ_INT(type[1], CHR__NER_PER);
    T_EQ_INT(begin[1], 0);
    T_EQ_INT(type[2], 0);
    T_EQ_INT(type[3], CHR__NER_LOC);
    T_EQ_INT(type[5], CHR__NER_PER);
    T_EQ_INT(type[7], 0);
}

/* The plain Viterbi of a scan over all label pairs, the reference the
 * faster decoder must match exactly (ties included: the first best
 * predecessor in label order wins). */
static void viterbi_ref(const float *score, const float *trans, size_t n,
                        int *out)
{
    static float best[16][NER_NLAB];
    static int back[16][NER_NLAB];
    for (int b = 0; b < NER_NLAB; b++)
        best[0][b] = chr__ner_allowed(-1, b) ? score[b] + trans[b] : -FLT_MAX;
    for (size_t i = 1; i < n; i++) {
        for (int b = 0; b < NER_NLAB; b++) {
            float bs = -FLT_MAX;
            int bl = 0;
            for (int a = 0; a < NER_NLAB; a++) {
                float pa = best[i - 1][a];
                if (pa == -FLT_MAX || !chr__ner_allowed(a, b))
                    continue;
                float v = pa + trans[(a + 1) * NER_NLAB + b];
                if (v > bs) {
                    bs = v;
                    bl = a;
                }
            }
            best[i][b] = bs == -FLT_MAX ? -FLT_MAX : bs + score[i * NER_NLAB + b];
            back[i][b] = bl;
        }
    }
    int bl = 0;
    float bs = -FLT_MAX;
    for (int b = 0; b < NER_NLAB; b++) {
        int pos = ner_lab_pos(b);
        if ((b == 0 || pos == NER_L || pos == NER_U) && best[n - 1][b] > bs) {
            bs = best[n - 1][b];
            bl = b;
        }
    }
    for (size_t i = n; i-- > 0;) {
        out[i] = bl;
        if (i)
            bl = back[i][bl];
    }
}

T_TEST(ner_viterbi_matches_full_scan)
{
    /* coarse values (many ties) and fine ones, transitions of both signs */
    float score[16 * NER_NLAB], trans[(NER_NLAB + 1) * NER_NLAB];
    unsigned x = 777;
    int differ = 0;
    for (int r = 0; r < 400; r++) {
        int coarse = r % 2;
        for (size_t i = 0; i < CHR__ARRAY_LEN(score); i++) {
            x = x * 1103515245u + 12345u;
            score[i] = coarse ? (float)((x >> 16) % 3)
                              : (float)((x >> 8) % 2000) / 100.0f - 10.0f;
        }
        for (size_t i = 0; i < CHR__ARRAY_LEN(trans); i++) {
            x = x * 1103515245u + 12345u;
            trans[i] = coarse ? (float)((x >> 16) % 3) - 1.0f
                              : (float)((x >> 8) % 2000) / 200.0f - 5.0f;
        }
        size_t n = 1 + (size_t)(r % 16);
        int got[16], want[16];
        chr__ner_viterbi(score, trans, n, got);
        viterbi_ref(score, trans, n, want);
        if (memcmp(got, want, n * sizeof *got) != 0)
            differ++;
    }
    T_EQ_INT(differ, 0);
}

T_TEST(ner_scratch_path_matches_sentence_path)
{
    /* one sentence tagged through a document's shared scratch (flat
       lookups with prefetching) and through chr__ner_score a token at a
       time: the same scores, so the same labels */
    const chr__ner_model *m = chr__ner_builtin();
    T_CHECK(m != NULL);
    if (!m)
        return;
    static const char *const w[] = { "Officials", "in", "Northbridge",
                                     "said", "Maria", "Olsen", "of",
                                     "Kestrel", "Holdings", "met",
                                     "the", "Velmar", "Council", "." };
    enum { N = CHR__ARRAY_LEN(w) };
    chr__ner_tok t[N];
    for (size_t i = 0; i < N; i++) {
        t[i].s = w[i];
        t[i].n = strlen(w[i]);
    }
    chr__ner_scratch s;
    T_CHECK(chr__ner_scratch_init(&s, N));
    int lab1[N], lab2[N];
    chr__ner_tag_sentence_s(m, NULL, t, N, lab1, &s);
    static uint64_t f[N * NER_MAXFEAT];
    int nf[N];
    float sc1[N * NER_NLAB], sc2[N * NER_NLAB];
    T_CHECK(chr__ner_features(&m->gaz, NULL, t, N, f, nf));
    chr__ner_score(m, f, nf, N, sc2);
    chr__ner_viterbi(sc2, m->trans, N, lab2);
    memcpy(sc1, s.score, sizeof sc1);
    T_CHECK(memcmp(sc1, sc2, sizeof sc1) == 0);
    T_CHECK(memcmp(lab1, lab2, sizeof lab1) == 0);
    /* a feature the model lacks scores nothing; the bias scores something */
    uint64_t none = 0x0123456789abcdefULL;
    int one = 1;
    float z[NER_NLAB];
    chr__ner_score(m, &none, &one, 1, z);
    int nonzero = 0;
    for (int b = 0; b < NER_NLAB; b++)
        nonzero += z[b] != 0.0f;
    T_EQ_INT(nonzero, 0);
    chr__ner_scratch_free(&s);
}
