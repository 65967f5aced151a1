/* test_actors.c — the compiled actor dictionary: keys, dated roles,
 * demonyms, capitals, agents. */
#include "t.h"

#include "resources/actors.h"

#include <string.h>

static int look(const char *key, chr__actor_hit *h)
{
    size_t n = strlen(key);
    uint64_t hh = chr__actors_hash_step(CHR__ACTORS_HASH_INIT, key, n);
    memset(h, 0, sizeof *h);
    return chr__actors_lookup(hh, key, n, h);
}

static int32_t actor_of(const char *key)
{
    chr__actor_hit h;
    if (!look(key, &h) || !(h.flags & CHR__KEY_NAME))
        return -1;
    return h.actor;
}

T_TEST(actors_table_built)
{
    T_CHECK(chr__actors_count() > 10000);
    T_CHECK(chr__actors_bytes() > 100000);
}

T_TEST(actors_names_and_prefixes)
{
    chr__actor_hit h;
    T_CHECK(look("vladimir putin", &h));
    T_CHECK(h.flags & CHR__KEY_NAME);
    T_EQ_STR(chr__actor_name(h.actor), "Vladimir Putin");
    T_EQ_INT(chr__actor_type(h.actor), CHR__ACT_PERSON);
    T_EQ_INT(h.ntok, 2);
    /* "vladimir" begins a longer key */
    T_CHECK(look("vladimir", &h));
    T_CHECK(!look("zzqx wobbleton", &h));
    T_CHECK(!look("", &h));
    /* variants and diacritics folded at build time */
    T_EQ_STR(chr__actor_name(actor_of("erdogan")), "Recep Tayyip Erdogan");
    T_EQ_STR(chr__actor_name(actor_of("yury ushakov")), "Yuri Ushakov");
    T_EQ_STR(chr__actor_name(actor_of("antonio guterres")), "Antonio Guterres");
    T_EQ_STR(chr__actor_name(actor_of("ukhnaagiin khurelsukh")),
             "Ukhnaagiin Khurelsukh");
}

T_TEST(actors_dated_roles)
{
    int32_t putin = actor_of("putin");
    T_CHECK(putin >= 0);
    T_EQ_STR(chr__actor_code(putin, "2010-06-01"), "RUSGOV"); /* premier */
    T_EQ_STR(chr__actor_code(putin, "2024-07-03"), "RUSGOV");
    T_EQ_STR(chr__actor_code(putin, "1995-01-01"), "RUSELI");
    T_EQ_STR(chr__actor_code(putin, NULL), "RUSGOV");
    int32_t trump = actor_of("donald trump");
    T_EQ_STR(chr__actor_code(trump, "2019-03-01"), "USAGOV");
    T_EQ_STR(chr__actor_code(trump, "2022-03-01"), "USAELI");
    T_EQ_STR(chr__actor_code(trump, "2025-03-01T10:00:00Z"), "USAGOV");
    T_EQ_STR(chr__actor_code(trump, NULL), "USAGOV");
    int32_t raisi = actor_of("ebrahim raisi");
    T_EQ_STR(chr__actor_code(raisi, "2022-09-16"), "IRNGOV");
    T_EQ_STR(chr__actor_code(raisi, "2020-01-01"), "IRNJUD");
    int32_t guterres = actor_of("guterres");
    T_EQ_STR(chr__actor_code(guterres, "2010-01-01"), "IGOUNOREFHCR");
    T_EQ_STR(chr__actor_code(guterres, "2024-07-04"), "IGOUNO");
    int32_t erdogan = actor_of("erdogan");
    T_EQ_STR(chr__actor_code(erdogan, "2010-01-01"), "TURGOV");
    T_EQ_STR(chr__actor_code(-1, NULL), NULL);
    T_EQ_STR(chr__actor_code(1 << 30, NULL), NULL);
}

T_TEST(actors_demonyms_capitals_agents)
{
    chr__actor_hit h;
    T_CHECK(look("chinese", &h));
    T_CHECK(h.flags & CHR__KEY_DEMONYM);
    T_EQ_STR(chr__actor_name(h.actor), "China");
    T_EQ_STR(chr__actor_code(h.actor, NULL), "CHN");
    T_CHECK(look("beijing", &h));
    T_CHECK(h.flags & CHR__KEY_CAPITAL);
    T_EQ_STR(chr__actor_name(h.actor), "China");
    T_CHECK(look("astana", &h));
    T_CHECK(h.flags & CHR__KEY_CAPITAL);
    T_EQ_STR(chr__actor_name(h.actor), "Kazakhstan");
    T_EQ_STR(chr__actor_code(actor_of("kremlin"), NULL), "RUSGOV");
    T_CHECK(look("president", &h));
    T_EQ_STR(h.agent, "GOV");
    T_CHECK(look("prime minister", &h));
    T_EQ_STR(h.agent, "GOV");
    T_CHECK(look("military", &h));
    T_EQ_STR(h.agent, "MIL");
    T_EQ_INT(chr__actor_type(chr__actor_country("RUS")), CHR__ACT_GPE);
    T_EQ_INT(chr__actor_country("ZZZ"), -1);
}

T_TEST(actors_dates_parsed)
{
    T_EQ_INT(chr__actors_date("2024-07-03"), 20240703);
    T_EQ_INT(chr__actors_date("2024-07"), 20240701);
    T_EQ_INT(chr__actors_date("2024"), 20240101);
    T_EQ_INT(chr__actors_date("2024-13-01"), 0);
    T_EQ_INT(chr__actors_date("July"), 0);
    T_EQ_INT(chr__actors_date(NULL), 0);
}

T_TEST(actors_org_members_current)
{
    T_EQ_INT(chr__org_member("SCO", "IND", "2024-07-04"), 1);
    T_EQ_INT(chr__org_member("SCO", "IND", "2010-01-01"), 2);
    T_EQ_INT(chr__org_member("SCO", "BLR", "2024-07-04"), 1);
    T_EQ_INT(chr__org_member("SCO", "BLR", "2024-07-03"), 2);
    T_EQ_INT(chr__org_member("SCO", "IRN", NULL), 1);
    T_EQ_INT(chr__org_member("SCO", "USA", NULL), 0);
    T_EQ_INT(chr__org_member("BRICS", "IDN", "2025-06-01"), 1);
    T_EQ_INT(chr__org_member("BRICS", "IDN", "2024-06-01"), 0);
    T_EQ_INT(chr__org_member("BRICS", "EGY", NULL), 1);
    T_EQ_INT(chr__org_member("BRICS", "CHN", "2015-01-01"), 1);
    T_EQ_INT(chr__org_member("NOPE", "CHN", NULL), 0);
    T_EQ_INT(chr__org_member("SCO", "CH", NULL), 0);
}
