/* test_topic.c — cutting an unrelated text appended after the article. */
#include "t.h"

#include "clean/topic.h"

static chr_doc *doc_of(const char *body)
{
    chr__arena *a = chr__arena_new(0);
    chr_doc *d = chr__arena_alloc(a, sizeof *d);
    d->arena = a;
    d->body = chr__arena_strdup(a, body);
    d->body_len = strlen(body);
    return d;
}

#define PIER                                                                  \
    "The town council of Nordhaven voted on Wednesday to rebuild the old "   \
    "ferry pier, ending ten years of debate about the crumbling harbour "    \
    "structure.\n\n"                                                         \
    "Mayor Ilse Brandt said the pier was the front door of the harbour town " \
    "and that the ferry service to the islands depended on it.\n\n"          \
    "Work on the pier is due to start in the autumn, and the ferry will use " \
    "a temporary landing in the north harbour while the council rebuilds "   \
    "it.\n\n"                                                                \
    "Fishermen welcomed the vote but asked the council to keep the harbour " \
    "open for their boats during the work on the pier.\n\n"

#define ADVERT                                                                \
    "Why Smart Sleepers Choose Memory Foam Mattresses\n\n"                   \
    "SPRINGFIELD / PRWIRE / Dreamy Beds Inc. announced its spring sale of "   \
    "memory foam mattresses today. A good mattress supports the spine, "     \
    "relieves pressure points and helps sleepers wake up rested. Memory "    \
    "foam adapts to the body, so every sleeper gets the support they need. " \
    "Customers can choose between soft, medium and firm mattresses, and "   \
    "every mattress comes with a one hundred night trial. Shoppers who "    \
    "order a mattress this month receive free pillows and free delivery. "  \
    "Dreamy Beds Inc. sells mattresses, pillows, duvets and bed frames "     \
    "online and in forty stores. Sleep experts recommend replacing a "      \
    "mattress every eight years, and memory foam mattresses keep their "    \
    "shape for longer than spring mattresses, the company said. Visit the " \
    "website for more offers on mattresses and pillows, and sign up for "   \
    "the sleep newsletter to get tips for a better night of sleep every "   \
    "week of the year."

T_TEST(topic_appended_advert_cut)
{
    chr_doc *d = doc_of(PIER ADVERT);
    T_EQ_INT(chr__cut_topic_break(d, d->arena), CHR_OK);
    T_EQ_INT(d->n_removed, 1);
    if (d->n_removed == 1) {
        T_EQ_STR(d->removed[0].reason, "spam");
        T_CHECK(strncmp(d->removed[0].text, "Why Smart Sleepers", 18) == 0);
    }
    T_CHECK(strstr(d->body, "boats during the work on the pier.") != NULL);
    T_CHECK(strstr(d->body, "mattress") == NULL);
    chr_doc_free(d);
}

T_TEST(topic_article_alone_kept)
{
    chr_doc *d = doc_of(PIER "The pier was first built in 1887 by the "
                             "merchants of the harbour town.");
    size_t len = d->body_len;
    T_EQ_INT(chr__cut_topic_break(d, d->arena), CHR_OK);
    T_EQ_INT(d->n_removed, 0);
    T_EQ_INT(d->body_len, len);
    chr_doc_free(d);
}

T_TEST(topic_digest_of_items_kept)
{
    /* a digest: short unrelated items one after the other is not one
       appended text, so nothing is cut */
    chr_doc *d = doc_of(
        PIER
        "In sport, the Corvin rowing club won the national eights final on "
        "Saturday after a close race against the defending champions from "
        "the capital, finishing half a length ahead in strong winds.\n\n"
        "In culture, a new exhibition of medieval maps opened at the city "
        "museum, showing charts of the northern coast drawn by monks and "
        "sailors more than five hundred years ago.\n\n"
        "In weather, forecasters expect snow in the mountain valleys by the "
        "end of the week, with freezing temperatures on the roads and icy "
        "mornings in the lowland towns until Monday.");
    T_EQ_INT(chr__cut_topic_break(d, d->arena), CHR_OK);
    T_EQ_INT(d->n_removed, 0);
    chr_doc_free(d);
}
