/* test_text.c — UTF-8 repair, binary detection, words, folding, hashing,
 * language guess. */
#include "t.h"

#include "text/text.h"

typedef struct collect {
    const char *s;
    char words[16][32];
    int n;
    int upper[16];
} collect;

static int collect_word(void *ctx, const chr__token *t)
{
    collect *c = ctx;
    if (c->n < 16) {
        size_t len = t->end - t->start;
        if (len > 31)
            len = 31;
        memcpy(c->words[c->n], c->s + t->start, len);
        c->words[c->n][len] = '\0';
        c->upper[c->n] = t->upper_initial;
        c->n++;
    }
    return 0;
}

T_TEST(utf8_clean_repairs_invalid_and_controls)
{
    chr__arena *a = chr__arena_new(0);
    size_t n;
    /* Latin-1 e-acute, CRLF, a NUL-free control, NBSP, valid UTF-8 */
    const char in[] = "caf\xe9\r\nline\x01two\xc2\xa0x \xe2\x80\x9cq\xe2\x80\x9d";
    char *out = chr__utf8_clean(in, sizeof in - 1, a, &n);
    T_EQ_STR(out, "caf\xc3\xa9\nlinetwo x \xe2\x80\x9cq\xe2\x80\x9d");
    /* Windows-1252 curly quote 0x93 */
    out = chr__utf8_clean("\x93hi\x94", 4, a, &n);
    T_EQ_STR(out, "\xe2\x80\x9chi\xe2\x80\x9d");
    /* NFC: e + combining acute becomes one code point */
    out = chr__utf8_clean("e\xcc\x81", 3, a, &n);
    T_EQ_STR(out, "\xc3\xa9");
    chr__arena_free(a);
}

T_TEST(binary_detection)
{
    T_CHECK(!chr__looks_binary("plain text\n", 11));
    T_CHECK(chr__looks_binary("ab\0cd", 5));
    char junk[400];
    for (int i = 0; i < 400; i++)
        junk[i] = (char)(0x80 + (i * 37) % 120 + 1);
    T_CHECK(chr__looks_binary(junk, sizeof junk));
    /* Latin-1 text with a few high bytes is text */
    static const char latin1[] = "Caf\xe9 au lait, cr\xe8me br\xfbl\xe9\x65";
    T_CHECK(!chr__looks_binary(latin1, sizeof latin1 - 1));
    T_CHECK(!chr__looks_binary("", 0));
}

T_TEST(words_split_and_flag_case)
{
    collect c = {.s = "Putin's ex-ally met Xi, 3.5% \xc3\x89lys\xc3\xa9\x65 NATO."};
    chr__words(c.s, strlen(c.s), collect_word, &c);
    T_EQ_INT(c.n, 8);
    T_EQ_STR(c.words[0], "Putin's");
    T_EQ_STR(c.words[1], "ex-ally");
    T_EQ_STR(c.words[3], "Xi");
    T_EQ_STR(c.words[4], "3");
    T_EQ_STR(c.words[6], "\xc3\x89lys\xc3\xa9\x65");
    T_CHECK(c.upper[0] && !c.upper[1] && c.upper[6]);
}

T_TEST(fold_strips_case_and_accents)
{
    char out[32];
    T_EQ_INT(chr__fold_word("\xc3\x89LYS\xc3\x89\x45", 8, out, sizeof out), 6);
    T_EQ_STR(out, "elysee");
    chr__fold_word("Putin\xe2\x80\x99s", 9, out, sizeof out);
    T_EQ_STR(out, "putin's");
    chr__fold_word("ABCDEFGH", 8, out, 4);
    T_EQ_STR(out, "abc");
    T_CHECK(chr__is_stopword("the", 3));
    T_CHECK(!chr__is_stopword("putin", 5));
}

T_TEST(hash_ignores_layout_and_case)
{
    uint64_t h1, l1, h2, l2, h3, l3;
    const char *a = "Putin met Xi.\n\nThey talked.";
    const char *b = "  putin   MET xi \u2014 they talked!";
    const char *c = "Putin met Xi. They walked.";
    chr__text_hash128(a, strlen(a), &h1, &l1);
    chr__text_hash128(b, strlen(b), &h2, &l2);
    chr__text_hash128(c, strlen(c), &h3, &l3);
    T_CHECK(h1 == h2 && l1 == l2);
    T_CHECK(h1 != h3 || l1 != l3);
}

T_TEST(language_guess)
{
    const char *en = "The leaders of the two countries met on Wednesday and said "
                     "that the talks were the best in their history, which is "
                     "what they had hoped for.";
    const char *fr = "Les dirigeants des deux pays se sont rencontrés et ont dit "
                     "que les discussions sont les meilleures de leur histoire "
                     "pour la paix dans le monde.";
    T_EQ_STR(chr__guess_language(en, strlen(en)), "en");
    T_EQ_STR(chr__guess_language(fr, strlen(fr)), "fr");
    T_CHECK(chr__guess_language("Hello world", 11) == NULL);
}
