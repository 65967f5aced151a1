/* test_places.c — the gazetteer (src/resources/places*.c): lookup with
 * folding and renamings, resolution by context and qualifier, the display
 * form, the places of invented documents, and hostile bytes. */
#include "t.h"

#include "resources/places.h"

#include <stdint.h>
#include <stdlib.h>

static int32_t top(const char *name)
{
    chr__place_cand c[8];
    size_t n = chr__places_lookup(name, strlen(name), c, 8);
    return n ? c[0].id : -1;
}

/* The display form of the best candidate of name (no context). */
static const char *fmt_of(const char *name, char *buf, size_t cap)
{
    buf[0] = '\0';
    int32_t id = chr__place_resolve(name, strlen(name), NULL, -1, 0, 1, NULL);
    chr__place_format(id, 0, buf, cap);
    return buf;
}

static const char *fmt_id(int32_t id, unsigned f)
{
    static char buf[256];
    chr__place_format(id, f, buf, sizeof buf);
    return buf;
}

T_TEST(places_table_is_built)
{
    T_CHECK(chr__places_count() > 20000);
    T_CHECK(chr__places_memory() > 100000);
    chr__place_info pi;
    T_CHECK(chr__place_get(0, &pi));
    T_CHECK(pi.kind == CHR__PLACE_COUNTRY);
    T_CHECK(!chr__place_get(-1, &pi));
    T_CHECK(!chr__place_get((int32_t)chr__places_count(), &pi));
    T_CHECK(!chr__place_get(INT32_MAX, &pi));
}

T_TEST(places_lookup_folds_and_renames)
{
    char b[256];
    T_EQ_STR(fmt_of("Astana", b, sizeof b), "Astana, Kazakhstan");
    T_EQ_STR(fmt_of("ASTANA", b, sizeof b), "Astana, Kazakhstan");
    T_EQ_STR(fmt_of("Nur-Sultan", b, sizeof b), "Astana, Kazakhstan");
    T_EQ_STR(fmt_of("nur sultan", b, sizeof b), "Astana, Kazakhstan");
    T_EQ_STR(fmt_of("Tselinograd", b, sizeof b), "Astana, Kazakhstan");
    T_EQ_STR(fmt_of("Akmola", b, sizeof b), "Astana, Kazakhstan");
    T_EQ_STR(fmt_of("Kiev", b, sizeof b), "Kyiv, Ukraine");
    T_EQ_STR(fmt_of("Kyiv", b, sizeof b), "Kyiv, Ukraine");
    T_EQ_STR(fmt_of("Bombay", b, sizeof b), "Mumbai, India");
    T_EQ_STR(fmt_of("Madras", b, sizeof b), "Chennai, India");
    T_EQ_STR(fmt_of("Peking", b, sizeof b), "Beijing, China");
    T_EQ_STR(fmt_of("Swaziland", b, sizeof b), "Eswatini");
    T_EQ_STR(fmt_of("Czech Republic", b, sizeof b), "Czechia");
    T_EQ_STR(fmt_of("Turkey", b, sizeof b), "Türkiye");
    T_EQ_STR(fmt_of("turkiye", b, sizeof b), "Türkiye");
    T_EQ_STR(fmt_of("Burma", b, sizeof b), "Myanmar");
    T_EQ_STR(fmt_of("Sao Paulo", b, sizeof b), "São Paulo, Brazil");
    T_EQ_STR(fmt_of("LODZ", b, sizeof b), "Łódź, Poland");
    T_EQ_STR(fmt_of("the Netherlands", b, sizeof b), "Netherlands");
    T_EQ_STR(fmt_of("U.S.", b, sizeof b), "United States");
    /* St. = Saint, hyphen = space */
    int32_t spb = top("Saint Petersburg");
    T_CHECK(spb >= 0);
    T_EQ_INT(top("St. Petersburg"), spb);
    T_EQ_INT(top("St Petersburg"), spb);
    T_EQ_INT(top("saint-petersburg"), spb);
    T_EQ_INT(top("Leningrad"), spb);
    /* demonyms are flagged, abbreviations too */
    chr__place_cand c[4];
    T_EQ_INT(chr__places_lookup("Uzbek", 5, c, 4), 1);
    T_CHECK(c[0].flags & CHR__PLACE_DEMONYM);
    T_EQ_INT(chr__place_resolve("Uzbek", 5, NULL, -1, 0, 0, NULL), -1);
    T_EQ_INT(chr__place_resolve("Ill.", 4, NULL, -1, 0, 0, NULL), -1);
    T_CHECK(chr__place_resolve("Ill.", 4, NULL, -1, 1, 0, NULL) >= 0);
    /* acronyms need capitals */
    T_EQ_INT(chr__place_resolve("us", 2, NULL, -1, 0, 0, NULL), -1);
    T_CHECK(chr__place_resolve("US", 2, NULL, -1, 0, 1, NULL) >= 0);
    T_EQ_INT(top("Xyzzyville"), -1);
    T_EQ_INT(top(""), -1);
}

T_TEST(places_resolve_by_context)
{
    char b[256];
    int32_t texas = chr__place_qualifier("Texas", 5, NULL);
    int32_t france = top("France");
    T_CHECK(texas >= 0 && france >= 0);
    T_EQ_STR(fmt_of("Paris", b, sizeof b), "Paris, France");
    chr__place_ctx ctx;
    chr__place_ctx_init(&ctx);
    chr__place_ctx_add(&ctx, texas, 1.0f);
    int32_t id = chr__place_resolve("Paris", 5, &ctx, -1, 0, 0, NULL);
    T_EQ_STR(fmt_id(id, CHR__PLACE_FMT_REGION), "Paris, Texas, United States");
    /* France talked about more: France again */
    chr__place_ctx_add(&ctx, france, 4.0f);
    id = chr__place_resolve("Paris", 5, &ctx, -1, 0, 0, NULL);
    T_EQ_STR(fmt_id(id, 0), "Paris, France");
    /* a qualifier filters */
    id = chr__place_resolve("Paris", 5, NULL, texas, 0, 0, NULL);
    T_EQ_STR(fmt_id(id, 0), "Paris, United States");
    int32_t ill = chr__place_qualifier("Ill.", 4, NULL);
    id = chr__place_resolve("Springfield", 11, NULL, ill, 0, 0, NULL);
    T_EQ_STR(fmt_id(id, CHR__PLACE_FMT_REGION),
             "Springfield, Illinois, United States");
    /* Georgia: the country, unless the document is about the US state */
    id = chr__place_resolve("Georgia", 7, NULL, -1, 0, 0, NULL);
    T_EQ_STR(fmt_id(id, 0), "Georgia");
    chr__place_ctx_init(&ctx);
    chr__place_ctx_add(&ctx, top("Atlanta"), 1.0f);
    chr__place_ctx_add(&ctx, top("United States"), 1.0f);
    id = chr__place_resolve("Georgia", 7, &ctx, -1, 0, 0, NULL);
    T_EQ_STR(fmt_id(id, 0), "Georgia, United States");
    T_EQ_STR(fmt_of("Samarkand", b, sizeof b), "Samarkand, Uzbekistan");
}

T_TEST(places_format_cuts_at_characters)
{
    char b[8];
    int32_t id = top("Türkiye");
    T_CHECK(id >= 0);
    size_t n = chr__place_format(id, 0, b, 3); /* "Tü" needs 3 bytes + NUL */
    T_EQ_INT(n, 1);
    T_EQ_STR(b, "T");
    T_EQ_INT(chr__place_format(id, 0, b, 0), 0);
    T_EQ_INT(chr__place_format(-5, 0, b, sizeof b), 0);
    T_EQ_STR(b, "");
    chr__place_info pi;
    T_CHECK(chr__place_get(top("Astana"), &pi));
    T_EQ_STR(pi.cc2, "KZ");
    T_EQ_STR(pi.cc3, "KAZ");
    T_EQ_INT(pi.kind, CHR__PLACE_CAPITAL);
    T_CHECK(pi.lat > 50 && pi.lat < 52 && pi.lon > 71 && pi.lon < 72);
}

/* ---- documents ---- */

typedef struct tdoc {
    chr_doc d;
    chr__arena *a;
    chr__doc_places p;
    chr_status st;
} tdoc;

static void run(tdoc *t, const char *title, const char *dateline,
                const char *body)
{
    memset(t, 0, sizeof *t);
    t->a = chr__arena_new(0);
    t->d.title = title;
    t->d.dateline_place = dateline;
    t->d.body = body;
    t->d.body_len = body ? strlen(body) : 0;
    t->st = chr__places_resolve_doc(&t->d, t->a, &t->p);
}

static void done(tdoc *t)
{
    chr__arena_free(t->a);
}

/* 1 when some event of t has this text and its offsets name `span`. */
static int has_event(const tdoc *t, const char *text, const char *span)
{
    for (size_t i = 0; i < t->p.n_events; i++) {
        const chr__place_hit *h = &t->p.events[i];
        if (h->text && !strcmp(h->text, text) &&
            h->end - h->start == strlen(span) &&
            !memcmp(t->d.body + h->start, span, strlen(span)))
            return 1;
    }
    return 0;
}

static const char *main_of(const tdoc *t)
{
    return t->p.main ? t->p.main->text : NULL;
}

T_TEST(places_doc_dateline)
{
    tdoc t;
    run(&t, NULL, "Astana, Kazakhstan", "Ministers met on Monday.");
    T_EQ_INT(t.st, CHR_OK);
    T_EQ_STR(t.p.dateline.text, "Astana, Kazakhstan");
    T_EQ_STR(main_of(&t), "Astana, Kazakhstan");
    done(&t);
    run(&t, NULL, "Springfield, Ill.", "The council voted on Monday.");
    T_EQ_STR(t.p.dateline.text, "Springfield, United States");
    chr__place_info pi;
    T_CHECK(chr__place_get(t.p.dateline.id, &pi));
    T_EQ_STR(pi.region, "Illinois");
    done(&t);
    run(&t, NULL, "Springfield, Mass.", "The council voted on Monday.");
    T_CHECK(chr__place_get(t.p.dateline.id, &pi));
    T_EQ_STR(pi.region, "Massachusetts");
    done(&t);
    /* a town too small for the table keeps its country */
    run(&t, NULL, "Qorakol, Uzbekistan", "Farmers gathered.");
    T_EQ_STR(t.p.dateline.text, "Qorakol, Uzbekistan");
    T_EQ_INT(t.p.dateline.id, -1);
    T_CHECK(t.p.dateline.country_id >= 0);
    done(&t);
    run(&t, NULL, "Washington", "Senators met.");
    T_EQ_STR(t.p.dateline.text, "Washington, United States");
    done(&t);
    run(&t, NULL, "Nowhereburg", "Nothing.");
    T_EQ_STR(t.p.dateline.text, NULL);
    T_CHECK(t.p.main == NULL);
    done(&t);
}

T_TEST(places_doc_event_places)
{
    tdoc t;
    run(&t, "Leaders gather for a trade fair",
        NULL,
        "Trade ministers of nine countries opened a fair on Tuesday in the "
        "Uzbek city of Samarkand, the host said.\n\n"
        "The fair at the Shanghai Cooperation Organization pavilion drew "
        "buyers, and talks continue in Kazakhstan’s capital, Astana, next "
        "week.\n\n"
        "Later paragraphs mention Moscow.");
    T_EQ_INT(t.st, CHR_OK);
    T_CHECK(has_event(&t, "Samarkand, Uzbekistan", "Samarkand"));
    T_CHECK(has_event(&t, "Kazakhstan", "Kazakhstan"));
    T_CHECK(has_event(&t, "Astana, Kazakhstan", "Astana"));
    for (size_t i = 0; i < t.p.n_events; i++)
        T_CHECK(strstr(t.p.events[i].text, "Shanghai") == NULL);
    T_EQ_STR(main_of(&t), "Samarkand, Uzbekistan");
    int moscow = 0;
    for (size_t i = 0; i < t.p.n_mentions; i++)
        if (!strcmp(t.p.mentions[i].text, "Moscow, Russia"))
            moscow = 1;
    T_CHECK(moscow);
    done(&t);

    run(&t, NULL, NULL,
        "The festival in Samarkand, Uzbekistan, and in Bukhara ended.");
    T_CHECK(has_event(&t, "Samarkand, Uzbekistan", "Samarkand, Uzbekistan"));
    T_CHECK(has_event(&t, "Bukhara, Uzbekistan", "Bukhara"));
    done(&t);

    run(&t, NULL, NULL, "Envoys met in Russia and China this spring.");
    T_CHECK(has_event(&t, "Russia", "Russia"));
    T_CHECK(has_event(&t, "China", "China"));
    done(&t);

    run(&t, NULL, NULL, "Talks were held in the U.S. The envoys met in "
                        "St. Louis.");
    T_CHECK(has_event(&t, "United States", "U.S."));
    T_CHECK(has_event(&t, "St. Louis, United States", "St. Louis"));
    done(&t);

    run(&t, NULL, NULL, "Officials met in Washington, D.C., on Friday.");
    T_CHECK(has_event(&t, "Washington, United States", "Washington, D.C."));
    done(&t);
}

T_TEST(places_doc_context)
{
    tdoc t;
    run(&t, NULL, NULL,
        "The county fair in Paris drew ranchers from across Texas, and "
        "the Texas governor cut the ribbon.");
    T_CHECK(has_event(&t, "Paris, United States", "Paris"));
    done(&t);
    run(&t, NULL, NULL,
        "The exhibition in Paris opened as France marked a holiday.");
    T_CHECK(has_event(&t, "Paris, France", "Paris"));
    done(&t);
    /* a title locative gives the place when the lead has none */
    run(&t, "Ministers meet in Samarkand", NULL,
        "Ministers met on Friday to discuss trade.");
    T_EQ_INT(t.p.n_events, 0);
    T_EQ_STR(main_of(&t), "Samarkand, Uzbekistan");
    done(&t);
    /* common words are not towns after all */
    run(&t, NULL, NULL,
        "The controller in Crystal costs less. Police said the Split was "
        "over. She lives in Nice, France.");
    T_EQ_INT(t.p.n_events, 1); /* the qualifier is no event of its own */
    T_CHECK(has_event(&t, "Nice, France", "Nice, France"));
    T_CHECK(has_event(&t, "France", "France") == 0);
    done(&t);
    /* a lone town name that the document uses as a surname is the person */
    run(&t, NULL, NULL,
        "Senator Lindsey Graham spoke across the U.S. today. Later Graham "
        "flew to Boston, and Houston officials met.");
    int graham = 0, houston = 0, us = 0;
    for (size_t i = 0; i < t.p.n_mentions; i++) {
        const chr__place_hit *h = &t.p.mentions[i];
        graham += !memcmp(t.d.body + h->start, "Graham", 6);
        houston += !strcmp(h->text, "Houston, United States");
        us += h->end - h->start == 4 && !memcmp(t.d.body + h->start, "U.S.", 4);
    }
    T_EQ_INT(graham, 0);
    T_EQ_INT(houston, 1);
    T_EQ_INT(us, 1);
    done(&t);
    /* parts of longer names are not places */
    run(&t, NULL, NULL,
        "He studied at the University of Pennsylvania and wrote for the "
        "New York Times in Boston.");
    T_EQ_INT(t.p.n_events, 1);
    T_CHECK(has_event(&t, "Boston, United States", "Boston"));
    done(&t);
}

T_TEST(places_doc_hostile)
{
    /* random bytes everywhere */
    uint64_t x = 0x9e3779b97f4a7c15u;
    char *buf = malloc(70000);
    T_CHECK(buf != NULL);
    if (!buf)
        return;
    for (int round = 0; round < 40; round++) {
        size_t n = (size_t)(round * 1733) % 65536;
        for (size_t i = 0; i < n; i++) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            unsigned c = (unsigned)(x >> 56);
            /* bias towards capitals, spaces, commas and UTF-8 lead bytes */
            static const char pool[] = " ,.-'AInSa\xC3\xE2\x80\x99\n";
            buf[i] = round % 2 ? (char)c : pool[c % 16];
            if (!buf[i])
                buf[i] = 'P';
        }
        buf[n] = '\0';
        tdoc t;
        run(&t, round % 3 ? buf + n / 2 : NULL, round % 4 ? buf + n / 3 : NULL,
            buf);
        T_EQ_INT(t.st, CHR_OK);
        for (size_t i = 0; i < t.p.n_mentions; i++)
            T_CHECK(t.p.mentions[i].end <= n &&
                    t.p.mentions[i].start < t.p.mentions[i].end);
        done(&t);
        chr__place_cand c[4];
        chr__places_lookup(buf, n < 300 ? n : 300, c, 4);
        chr__place_resolve(buf, n, NULL, -1, 1, 1, NULL);
        chr__place_qualifier(buf, n < 50 ? n : 50, NULL);
    }
    /* a long run of capitalised names and a truncated UTF-8 end */
    size_t n = 0;
    while (n + 16 < 69000) {
        memcpy(buf + n, "Samarkand Paris ", 16);
        n += 16;
    }
    buf[n++] = '\xE2';
    buf[n] = '\0';
    tdoc t;
    run(&t, buf, "in Paris, \xFF\xFE", buf);
    T_EQ_INT(t.st, CHR_OK);
    done(&t);
    run(&t, NULL, NULL, NULL);
    T_EQ_INT(t.st, CHR_OK);
    T_EQ_INT(t.p.n_events, 0);
    done(&t);
    chr__doc_places p;
    T_EQ_INT(chr__places_resolve_doc(NULL, NULL, &p), CHR_INVALID);
    free(buf);
}
