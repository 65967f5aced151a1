/* test_entities.c — dictionary entities, titles, descriptions and
 * within-document coreference of actors, on invented sentences. */
#include "t.h"

#include "extract/entities.h"

#include <stdlib.h>
#include <string.h>

static chr_doc *doc_of(const char *body, const char *date)
{
    chr__arena *a = chr__arena_new(0);
    chr_doc *d = chr__arena_alloc(a, sizeof *d);
    d->arena = a;
    d->body = chr__arena_strdup(a, body);
    d->body_len = strlen(body);
    d->date_hint = date ? chr__arena_strdup(a, date) : NULL;
    return d;
}

/* The entity whose text is `text` (the k-th such, from 0), or NULL. */
static const chr_entity *ent(const chr_doc *d, const char *text, int k)
{
    for (size_t i = 0; i < d->n_entities; i++)
        if (strcmp(d->entities[i].text, text) == 0 && k-- == 0)
            return &d->entities[i];
    return NULL;
}

static size_t off(const chr_doc *d, const char *s)
{
    const char *p = strstr(d->body, s);
    return p ? (size_t)(p - d->body) : 0;
}

T_TEST(entities_aliyev_leader)
{
    chr_doc *d = doc_of(
        "President Ilham Aliyev met business leaders in Baku on Monday. The "
        "Azerbaijani leader said the new pipeline would open next year.\n\n"
        "He thanked the workers.",
        "2024-05-06");
    T_EQ_INT(chr__entities_find(d, d->arena), CHR_OK);
    const chr_entity *e = ent(d, "Ilham Aliyev", 0);
    T_CHECK(e != NULL);
    if (e) {
        T_EQ_STR(e->type, "PERSON");
        T_EQ_STR(e->name, "Ilham Aliyev");
        T_EQ_STR(e->actor, "AZEGOV");
        T_EQ_INT(e->start, off(d, "Ilham"));
    }
    e = ent(d, "The Azerbaijani leader", 0);
    T_CHECK(e != NULL);
    if (e) {
        T_EQ_STR(e->name, "Ilham Aliyev");
        T_EQ_STR(e->actor, "AZEGOV");
    }
    e = ent(d, "Baku", 0);
    T_CHECK(e != NULL);
    if (e) {
        T_EQ_STR(e->type, "GPE");
        T_EQ_STR(e->actor, "AZE"); /* a place after "in" */
    }
    size_t he = off(d, "He thanked");
    const chr_entity *r = chr__entity_at(d, he, he + 2);
    T_CHECK(r != NULL && r->name && strcmp(r->name, "Ilham Aliyev") == 0);
    size_t the = off(d, "The Azerbaijani");
    r = chr__entity_at(d, the, the + 22);
    T_CHECK(r != NULL && r->name && strcmp(r->name, "Ilham Aliyev") == 0);
    chr_doc_free(d);
}

T_TEST(entities_roles_by_date)
{
    const char *text = "Vladimir Putin flew to Minsk for talks.";
    chr_doc *d = doc_of(text, "2010-03-01");
    T_EQ_INT(chr__entities_find(d, d->arena), CHR_OK);
    const chr_entity *e = ent(d, "Vladimir Putin", 0);
    T_CHECK(e && e->actor && strcmp(e->actor, "RUSGOV") == 0);
    chr_doc_free(d);
    d = doc_of(text, "1996-03-01");
    T_EQ_INT(chr__entities_find(d, d->arena), CHR_OK);
    e = ent(d, "Vladimir Putin", 0);
    T_CHECK(e && e->actor && strcmp(e->actor, "RUSELI") == 0);
    chr_doc_free(d);
    d = doc_of("Ebrahim Raisi spoke at the summit.", "2022-09-16");
    T_EQ_INT(chr__entities_find(d, d->arena), CHR_OK);
    e = ent(d, "Ebrahim Raisi", 0);
    T_CHECK(e && e->actor && strcmp(e->actor, "IRNGOV") == 0);
    chr_doc_free(d);
}

T_TEST(entities_possessive_demonym_metonym)
{
    chr_doc *d = doc_of(
        "Russia's economy grew as an envoy arrived in Beijing on Friday. "
        "Beijing said the visit "
        "was friendly, and the Kremlin welcomed Putin’s trip. Chinese "
        "companies signed deals.",
        "2024-07-03");
    T_EQ_INT(chr__entities_find(d, d->arena), CHR_OK);
    const chr_entity *e = ent(d, "Russia", 0);
    T_CHECK(e && strcmp(e->actor, "RUS") == 0 && strcmp(e->type, "GPE") == 0);
    e = ent(d, "Beijing", 0);
    T_CHECK(e && strcmp(e->actor, "CHN") == 0);
    e = ent(d, "Beijing", 1);
    T_CHECK(e && strcmp(e->actor, "CHNGOV") == 0);
    e = ent(d, "Kremlin", 0);
    T_CHECK(e && strcmp(e->actor, "RUSGOV") == 0 && strcmp(e->type, "ORG") == 0);
    e = ent(d, "Putin", 0);
    T_CHECK(e && strcmp(e->name, "Vladimir Putin") == 0);
    e = ent(d, "Chinese", 0);
    T_CHECK(e && strcmp(e->actor, "CHN") == 0);
    chr_doc_free(d);
}

T_TEST(entities_titles_and_counterparts)
{
    chr_doc *d = doc_of(
        "Russian President Vladimir Putin held talks with his Chinese "
        "counterpart on Tuesday. Xi Jinping praised the ties. Later the "
        "69-year-old Russian premier met the Turkish presidency's envoy.",
        "2024-07-03");
    T_EQ_INT(chr__entities_find(d, d->arena), CHR_OK);
    T_CHECK(ent(d, "Russian", 0) == NULL); /* part of the title */
    const chr_entity *e = ent(d, "Vladimir Putin", 0);
    T_CHECK(e && strcmp(e->actor, "RUSGOV") == 0);
    e = ent(d, "his Chinese counterpart", 0);
    T_CHECK(e && e->name && strcmp(e->name, "Xi Jinping") == 0);
    T_CHECK(e && strcmp(e->actor, "CHNGOV") == 0);
    e = ent(d, "the 69-year-old Russian premier", 0);
    T_CHECK(e && e->name && strcmp(e->name, "Vladimir Putin") == 0);
    e = ent(d, "the Turkish presidency", 0);
    T_CHECK(e && strcmp(e->type, "ORG") == 0 && strcmp(e->actor, "TURGOV") == 0);
    chr_doc_free(d);
}

T_TEST(entities_country_possessive_agent)
{
    chr_doc *d = doc_of("Norland's foreign ministry is invented, but "
                        "Kazakhstan's foreign ministry said on Monday that "
                        "Russia's president would come.", "2024-07-01");
    T_EQ_INT(chr__entities_find(d, d->arena), CHR_OK);
    const chr_entity *e = ent(d, "Kazakhstan's foreign ministry", 0);
    T_CHECK(e && strcmp(e->type, "ORG") == 0 && strcmp(e->actor, "KAZGOV") == 0);
    e = ent(d, "Russia's president", 0);
    T_CHECK(e && e->name == NULL && strcmp(e->actor, "RUSGOV") == 0);
    chr_doc_free(d);
}

T_TEST(entities_unresolved_description)
{
    chr_doc *d = doc_of("The Mongolian president said the road would be "
                        "finished.", "2024-07-03");
    T_EQ_INT(chr__entities_find(d, d->arena), CHR_OK);
    const chr_entity *e = ent(d, "The Mongolian president", 0);
    T_CHECK(e && e->name == NULL && strcmp(e->actor, "MNGGOV") == 0);
    T_CHECK(chr__entity_at(d, 0, 3) != NULL);
    chr_doc_free(d);
}

T_TEST(entities_surname_takes_document_name)
{
    chr_doc *d = doc_of(
        "Nawaz Sharif addressed the rally in Lahore. Sharif said the "
        "elections were fair.", NULL);
    T_EQ_INT(chr__entities_find(d, d->arena), CHR_OK);
    const chr_entity *e = ent(d, "Sharif", 0);
    T_CHECK(e && e->name && strcmp(e->name, "Nawaz Sharif") == 0);
    chr_doc_free(d);
}

T_TEST(entities_tagger_person_full_name)
{
    chr_doc *d = doc_of(
        "Aigerim Tulegenova, a senior adviser, arrived in Astana on Monday. "
        "Ms Tulegenova said the agreement was ready.", "2024-07-03");
    T_EQ_INT(chr__entities_find(d, d->arena), CHR_OK);
    size_t s = off(d, "Tulegenova said");
    const chr_entity *r = chr__entity_at(d, s, s + 10);
    T_CHECK(r && r->name && strcmp(r->name, "Aigerim Tulegenova") == 0);
    const chr_entity *e = ent(d, "Astana", 0);
    T_CHECK(e && strcmp(e->actor, "KAZ") == 0);
    chr_doc_free(d);
}

T_TEST(entities_sorted_and_hostile)
{
    chr_doc *d = doc_of("", NULL);
    T_EQ_INT(chr__entities_find(d, d->arena), CHR_OK);
    T_EQ_INT(d->n_entities, 0);
    T_CHECK(chr__entity_at(d, 0, 1) == NULL);
    chr_doc_free(d);
    /* bytes of every kind, possessives and dots in odd places */
    char buf[4096];
    unsigned x = 12345;
    for (size_t i = 0; i < sizeof buf - 1; i++) {
        x = x * 1103515245u + 12345u;
        unsigned char c = (unsigned char)(x >> 16);
        buf[i] = (char)(c % 7 == 0 ? ' ' : c % 11 == 0 ? '\'' : c == 0 ? 'a' : c);
    }
    buf[sizeof buf - 1] = 0;
    d = doc_of(buf, "garbage");
    T_EQ_INT(chr__entities_find(d, d->arena), CHR_OK);
    for (size_t i = 1; i < d->n_entities; i++)
        T_CHECK(d->entities[i].start >= d->entities[i - 1].end);
    chr_doc_free(d);
    d = doc_of("Putin's ' 's U. . N. Xi’ Kremlin's's President the the "
               "Chinese counterpart his Russian", NULL);
    T_EQ_INT(chr__entities_find(d, d->arena), CHR_OK);
    for (size_t i = 0; i < d->n_entities; i++)
        T_CHECK(d->entities[i].end <= d->body_len &&
                d->entities[i].start < d->entities[i].end);
    T_CHECK(chr__entity_at(d, 5, 4) == NULL);
    T_CHECK(chr__entity_at(d, 0, d->body_len + 5) == NULL);
    chr_doc_free(d);
}
