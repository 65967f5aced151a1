/* test_segment.c — the lexicon and the repair of glued words (segment.c):
 * each rule with positives and negatives, on invented sentences. */
#include "t.h"

#include "text/text.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct fixed {
    chr__arena *a;
    char *out;
    size_t len, n_reps;
    chr_repair *reps;
    chr_status s;
} fixed;

static fixed repair(const char *text)
{
    fixed f;
    memset(&f, 0, sizeof f);
    f.a = chr__arena_new(0);
    f.s = chr__repair_joins(text, strlen(text), f.a, &f.out, &f.len, &f.reps,
                            &f.n_reps);
    return f;
}

/* 1 when `from` was repaired to `to`. */
static int has_repair(const fixed *f, const char *from, const char *to)
{
    for (size_t i = 0; i < f->n_reps; i++)
        if (strcmp(f->reps[i].from, from) == 0 &&
            strcmp(f->reps[i].to, to) == 0)
            return 1;
    return 0;
}

/* Enough ordinary English around a test sentence for the language check. */
#define FILLER                                                              \
    " The meeting was held in the old hall and the delegates spoke for "    \
    "many hours about the roads, the schools and the water supply of the "  \
    "region before they went home.\n\n"

T_TEST(lexicon_is_built_and_flagged)
{
    T_CHECK(chr__lexicon_size() > 50000);
    T_EQ_INT(chr__lexicon_flags("peace", 5) & CHR__LEX_COMMON, CHR__LEX_COMMON);
    T_EQ_INT(chr__lexicon_flags("according", 9), CHR__LEX_COMMON);
    T_EQ_INT(chr__lexicon_flags("thursday", 8), CHR__LEX_PROPER);
    T_EQ_INT(chr__lexicon_flags("rock", 4), CHR__LEX_COMMON | CHR__LEX_PROPER);
    T_EQ_INT(chr__lexicon_flags("youtube", 7), CHR__LEX_PROPER);
    T_EQ_INT(chr__lexicon_flags("a", 1) & CHR__LEX_COMMON, CHR__LEX_COMMON);
    T_EQ_INT(chr__lexicon_flags("zzqx", 4), 0);
    T_EQ_INT(chr__lexicon_flags("peac", 4), 0);
    T_EQ_INT(chr__lexicon_flags("peaces", 6) != 0, 1);
    T_EQ_INT(chr__lexicon_flags("", 0), 0);
    T_EQ_INT(chr__lexicon_flags("Peace", 5), 0); /* keys are folded */
}

T_TEST(segment_glued_tail_after_document_name)
{
    fixed f = repair("President Xi Jinping arrived in the city by train. Xi "
                     "Jinpingon Wednesday opened the new port with the "
                     "mayor." FILLER);
    T_EQ_INT(f.s, CHR_OK);
    T_EQ_INT(f.n_reps, 1);
    T_CHECK(has_repair(&f, "Jinpingon", "Jinping on"));
    T_CHECK(strstr(f.out, "Xi Jinping on Wednesday opened") != NULL);
    T_EQ_INT(f.len, strlen(f.out));
    chr__arena_free(f.a);

    /* the same token without the name used alone: left alone */
    f = repair("The leader Jinpingon Wednesday opened the new port with the "
               "mayor." FILLER);
    T_EQ_INT(f.n_reps, 0);
    T_CHECK(strstr(f.out, "Jinpingon Wednesday") != NULL);
    chr__arena_free(f.a);
}

T_TEST(segment_glued_lower_case_tails)
{
    fixed f = repair("Both sides want a lasting peaceaccording to the "
                     "statement, and a fair orderusing plain language."
                     FILLER);
    T_EQ_INT(f.n_reps, 2);
    T_CHECK(has_repair(&f, "peaceaccording", "peace according"));
    T_CHECK(has_repair(&f, "orderusing", "order using"));
    chr__arena_free(f.a);

    /* lexicon names with a preposition that takes what follows */
    f = repair("The bloc will admit a new member on Thursdayat the end of "
               "the summit." FILLER);
    T_CHECK(has_repair(&f, "Thursdayat", "Thursday at"));
    chr__arena_free(f.a);

    /* an unknown name before a speech verb; an unknown name before "and"
     * only after a vowel */
    f = repair("The minister Dravik Holtzensaid that the deal was done, "
               "and Ilona Vareneand her aides agreed." FILLER);
    T_CHECK(has_repair(&f, "Holtzensaid", "Holtzen said"));
    T_CHECK(has_repair(&f, "Vareneand", "Varene and"));
    chr__arena_free(f.a);
}

T_TEST(segment_leaves_real_words_alone)
{
    fixed f = repair("Officials from Poland, Rotterdam and Washington met "
                     "Weston and Britton, who studied leptin levels and "
                     "built a smallsat in Crafton 1 goal, while Larisa "
                     "Neiland and Connor Naylor watched the Samarkand and "
                     "Nordland teams." FILLER);
    T_EQ_INT(f.n_reps, 0);
    chr__arena_free(f.a);
}

T_TEST(segment_camel_joins)
{
    fixed f = repair("Minsk is close to Moscow. BelarusRussia's ally, will "
                     "join the group. Russia has agreed. The agency "
                     "KazinformBelarusian President spoke." FILLER);
    T_CHECK(has_repair(&f, "BelarusRussia's", "Belarus Russia's"));
    T_CHECK(has_repair(&f, "KazinformBelarusian", "Kazinform Belarusian"));
    chr__arena_free(f.a);

    /* real camel words and brands stay */
    f = repair("He bought an iPhone at McDonald near the MacBook shop, sold "
               "it on eBay, filmed it for YouTube, and his PhD on JPMorgan, "
               "BlackRock, HarperCollins, KellyAnne, PepsiCo and ExxonMobil "
               "was praised by DeSantis and LaGuardia." FILLER);
    T_EQ_INT(f.n_reps, 0);
    chr__arena_free(f.a);
}

T_TEST(segment_restores_quotation)
{
    fixed f = repair("Ministers met in the hall. Dravik spoke first.\n\n"
                     "We will build the bridge together and nobody can stop "
                     "itDravik said after the meeting.\n\n"
                     "Our islands stayed dark for nine days in the storm as "
                     "neighboursMinister Arlen said to the press." FILLER);
    T_EQ_INT(f.n_reps, 2);
    T_CHECK(has_repair(&f, "itDravik",
                       "\xe2\x80\x9cWe will build the bridge together and "
                       "nobody can stop it,\xe2\x80\x9d Dravik"));
    T_CHECK(strstr(f.out, "\n\n\xe2\x80\x9cWe will build the bridge "
                          "together and nobody can stop it,\xe2\x80\x9d "
                          "Dravik said after") != NULL);
    T_CHECK(strstr(f.out, "\xe2\x80\x9cOur islands stayed dark for nine "
                          "days in the storm as neighbours,\xe2\x80\x9d "
                          "Minister Arlen said") != NULL);
    chr__arena_free(f.a);

    /* a sentence after another: only that sentence is the quotation */
    f = repair("The plan was approved in 2026. Nothing will stop us now, "
               "the boats are readyVasko said." FILLER);
    T_CHECK(strstr(f.out, "in 2026. \xe2\x80\x9cNothing will stop us now, "
                          "the boats are ready,\xe2\x80\x9d Vasko said.") !=
            NULL);
    chr__arena_free(f.a);

    /* a pronoun speaker */
    f = repair("This must never happen againshe declared." FILLER);
    T_CHECK(strstr(f.out, "\xe2\x80\x9cThis must never happen again,"
                          "\xe2\x80\x9d she declared.") != NULL);
    chr__arena_free(f.a);

    /* quotation marks already there, or a colon: split only, no quote */
    f = repair("He repeated: \"we will win the vote\" before the "
               "dayDravik said to them. Dravik left." FILLER);
    T_CHECK(has_repair(&f, "dayDravik", "day Dravik"));
    T_CHECK(strstr(f.out, "\xe2\x80\x9c") == NULL);
    chr__arena_free(f.a);

    /* Mr. does not end a sentence */
    f = repair("Mr. Holm thinks the plan is a good oneDravik said. Dravik "
               "left." FILLER);
    T_CHECK(strstr(f.out, "\xe2\x80\x9cMr. Holm thinks the plan is a good "
                          "one,\xe2\x80\x9d Dravik said.") != NULL);
    chr__arena_free(f.a);
}

T_TEST(segment_skips_urls_numbers_and_repeats)
{
    fixed f = repair("See https://example.org/peaceaccording or write to "
                     "desk@Thursdayat.example and follow #Jinpingon, "
                     "COVID-19 and 3898Email, the ACRONYMon and the "
                     "Vaskoon Vaskoon pair. Jinping came." FILLER);
    T_EQ_INT(f.n_reps, 0);
    chr__arena_free(f.a);
}

T_TEST(segment_only_english)
{
    fixed f = repair("Die Regierung hat am Mittwoch beschlossen, dass die "
                     "neue Strasse gebaut wird. Kanzler Jinping ist dafür "
                     "und Jinpingon sagt, dass alle Bürger davon profitieren "
                     "werden, auch die Bauern und die Arbeiter im Norden.");
    T_EQ_INT(f.s, CHR_OK);
    T_EQ_INT(f.n_reps, 0);
    T_CHECK(f.reps == NULL);
    chr__arena_free(f.a);

    f = repair("");
    T_EQ_INT(f.s, CHR_OK);
    T_EQ_STR(f.out, "");
    T_EQ_INT(f.len, 0);
    chr__arena_free(f.a);

    f = repair("short peaceaccording text");
    T_EQ_INT(f.n_reps, 0); /* too short to tell the language */
    chr__arena_free(f.a);
}

T_TEST(segment_survives_hostile_bytes)
{
    chr__arena *a = chr__arena_new(0);
    unsigned seed = 7;
    char buf[2048];
    for (int round = 0; round < 200; round++) {
        size_t n = (size_t)(round * 10 % 2000) + 1;
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = (seed >> 16) & 0xff;
            /* mostly letters, case changes and spaces, some raw bytes */
            buf[i] = (char)(r < 100   ? 'a' + r % 26
                            : r < 150 ? 'A' + r % 26
                            : r < 200 ? ' '
                            : r < 215 ? '\n'
                                      : r);
        }
        char *out;
        size_t len, nr;
        chr_repair *reps;
        T_EQ_INT(chr__repair_joins(buf, n, a, &out, &len, &reps, &nr), CHR_OK);
        T_CHECK(out != NULL && len >= n);
    }
    chr__arena_free(a);
}

/* Throughput on a large text made of test sentences (prints MB/s). */
T_TEST(segment_speed_is_linear)
{
    const char *para = "Xi Jinping met the envoys. Xi Jinpingon Wednesday "
                       "welcomed a lasting peaceaccording to the statement, "
                       "and the region wants a fair orderusing plain words."
                       FILLER;
    size_t pl = strlen(para), reps = (4u << 20) / pl;
    char *big = malloc(pl * reps + 1);
    T_CHECK(big != NULL);
    if (!big)
        return;
    for (size_t i = 0; i < reps; i++)
        memcpy(big + i * pl, para, pl);
    big[pl * reps] = '\0';
    chr__arena *a = chr__arena_new(0);
    char *out;
    size_t len, nr;
    chr_repair *r;
    clock_t t0 = clock();
    T_EQ_INT(chr__repair_joins(big, pl * reps, a, &out, &len, &r, &nr),
             CHR_OK);
    double sec = (double)(clock() - t0) / CLOCKS_PER_SEC;
    /* repeated tokens are never split */
    T_EQ_INT(nr, 0);
    fprintf(stderr, "  segment: %.1f MB in %.3f s, %.1f MB/s\n",
            (double)(pl * reps) / 1e6, sec,
            sec > 0 ? (double)(pl * reps) / 1e6 / sec : 0.0);
    chr__arena_free(a);
    free(big);
}
