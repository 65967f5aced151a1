/* test_doc.c — chr_analyze end to end on memory inputs, and the JSON it
 * writes: every FORMATS.md field present, errors for empty, binary and
 * oversized input. */
#include "t.h"

#include "doc/doc.h"

#include <jansson.h>

static const char *ARTICLE =
    "Harbour Post\n"
    "World\n"
    "Nordhaven council votes to rebuild the old ferry pier\n"
    "by Staff Writers\n"
    "Nordhaven, Veltria (NWA) March 12, 2025 - The city council of Nordhaven "
    "voted on Wednesday to rebuild the old ferry pier, ending a decade of "
    "debate about the crumbling structure.\n"
    "\n"
    "\"The pier is the front door of our town,\" Mayor Ilse Brandt told "
    "reporters after the vote, which passed by 21 votes to 9.\n"
    "\n"
    "Work is due to start in the autumn and to cost 14 million euros, shared "
    "between the city and the regional government.\n"
    "\n"
    "Share this: Facebook Twitter Email\n"
    "Copyright 2025 Harbour Post. All rights reserved.\n";

static chr_doc *analyze(chr_format f, const char *text, chr_status *st)
{
    chr_input *in = NULL;
    chr_input_from_memory(&in, f, "doc-1", "mem/doc-1.txt", text,
                          strlen(text));
    chr_config cfg;
    chr_config_init(&cfg);
    chr_doc *d = NULL;
    chr_error err;
    *st = chr_analyze(in, &cfg, &d, &err);
    chr_input_free(in);
    return d;
}

T_TEST(analyze_text_fills_metadata_and_body)
{
    chr_status st;
    chr_doc *d = analyze(CHR_FORMAT_TEXT, ARTICLE, &st);
    T_EQ_INT(st, CHR_OK);
    if (!d)
        return;
    T_EQ_STR(d->id, "doc-1");
    T_EQ_STR(d->title, "Nordhaven council votes to rebuild the old ferry pier");
    T_EQ_STR(d->dateline_place, "Nordhaven, Veltria");
    T_EQ_STR(d->dateline_date, "2025-03-12");
    T_EQ_STR(d->date_hint, "2025-03-12");
    T_EQ_STR(d->language, "en");
    T_CHECK(strstr(d->body, "Mayor Ilse Brandt") != NULL);
    T_CHECK(strstr(d->body, "Share this") == NULL);
    T_CHECK(strstr(d->body, "Copyright") == NULL);
    T_CHECK(d->n_removed >= 3);
    T_CHECK(d->n_terms > 10);
    T_CHECK(d->input_hash != 0);

    chr_buf b;
    chr_buf_init(&b, 0);
    T_EQ_INT(chr_doc_to_json(d, &b), CHR_OK);
    json_error_t je;
    json_t *j = json_loads(b.data, 0, &je);
    T_CHECK(j != NULL);
    static const char *const fields[] = {
        "id", "origin", "format", "title", "published", "outlet", "byline",
        "dateline", "language", "body", "removed", "repairs", "entities",
        "times", "quotes", "events", "claims"};
    for (size_t i = 0; j && i < sizeof fields / sizeof fields[0]; i++)
        T_CHECK(json_object_get(j, fields[i]) != NULL);
    if (j) {
        T_EQ_STR(json_string_value(json_object_get(j, "format")), "text");
        T_CHECK(json_is_null(json_object_get(j, "published")));
        /* the later stages run on the cleaned body: the mayor's quotation
           with its speaker, the weekday resolved against the dateline */
        json_t *qs = json_object_get(j, "quotes");
        T_EQ_INT(json_array_size(qs), 1);
        json_t *q0 = json_array_get(qs, 0);
        T_EQ_STR(json_string_value(json_object_get(q0, "kind")), "direct");
        T_EQ_STR(json_string_value(json_object_get(q0, "speaker")),
                 "Ilse Brandt");
        json_t *ts = json_object_get(j, "times");
        const char *wed = NULL;
        for (size_t i = 0; i < json_array_size(ts); i++) {
            json_t *t = json_array_get(ts, i);
            const char *text = json_string_value(json_object_get(t, "text"));
            if (text && strcmp(text, "on Wednesday") == 0)
                wed = json_string_value(json_object_get(t, "value"));
        }
        T_EQ_STR(wed, "2025-03-12");
        T_EQ_STR(d->event_date, "2025-03-12");
        json_t *dl = json_object_get(j, "dateline");
        T_EQ_STR(json_string_value(json_object_get(dl, "place")),
                 "Nordhaven, Veltria");
    }
    json_decref(j);
    chr_buf_free(&b);
    chr_doc_free(d);
}

T_TEST(analyze_same_text_same_hash_other_layout)
{
    chr_status st;
    chr_doc *a = analyze(CHR_FORMAT_TEXT,
                         "A storm cut power to the islands on Monday night, "
                         "leaving thousands of homes in the dark for days.",
                         &st);
    chr_doc *b = analyze(CHR_FORMAT_HTML,
                         "<html><body><article><p>A storm cut power to the "
                         "islands on Monday night,\n leaving thousands of "
                         "homes in the dark for days.</p></article></body>"
                         "</html>",
                         &st);
    T_CHECK(a && b);
    if (a && b) {
        T_CHECK(a->hash_hi == b->hash_hi && a->hash_lo == b->hash_lo);
        T_CHECK(a->input_hash != b->input_hash);
        T_EQ_INT(b->format, CHR_FORMAT_HTML);
    }
    chr_doc_free(a);
    chr_doc_free(b);
}

T_TEST(analyze_refuses_empty_binary_and_oversized)
{
    chr_status st;
    chr_doc *d = analyze(CHR_FORMAT_TEXT, "   \n\n  ", &st);
    T_EQ_INT(st, CHR_EMPTY);
    T_CHECK(d == NULL);

    chr_input *in = NULL;
    const char bin[] = "abc\0\x01\x02\xff";
    chr_input_from_memory(&in, CHR_FORMAT_TEXT, "b", "b.bin", bin,
                          sizeof bin);
    chr_error err;
    T_EQ_INT(chr_analyze(in, NULL, &d, &err), CHR_BINARY);
    T_EQ_STR(err.where, "b.bin");
    chr_input_free(in);

    chr_input_from_memory(&in, CHR_FORMAT_TEXT, "big", "big.txt", ARTICLE,
                          strlen(ARTICLE));
    chr_config cfg;
    chr_config_init(&cfg);
    cfg.max_doc_bytes = 100;
    T_EQ_INT(chr_analyze(in, &cfg, &d, &err), CHR_TOOBIG);
    T_CHECK(strstr(err.msg, "limit is 100") != NULL);
    chr_input_free(in);
}

T_TEST(json_escapes_control_and_quotes)
{
    chr_buf b;
    chr_buf_init(&b, 0);
    T_EQ_INT(chr__json_str(&b, "a\"b\\c\n\x01\xc3\xa9"), CHR_OK);
    T_EQ_STR(b.data, "\"a\\\"b\\\\c\\n\\u0001\xc3\xa9\"");
    chr_buf_reset(&b);
    T_EQ_INT(chr__json_str(&b, NULL), CHR_OK);
    T_EQ_STR(b.data, "null");
    chr_buf_free(&b);
}

/* The rules would remove the only paragraph (it opens like a photo
 * credit): a paragraph of prose that long is the article after all. */
T_TEST(analyze_keeps_a_lone_paragraph_of_prose)
{
    static const char *const text =
        "Photo: harbour police of Nordhaven said the ferry captain was "
        "fined this week for sailing the old pier route without a licence, "
        "after inspectors found that the boat had carried more passengers "
        "than it was allowed to on three crossings in a row, and the court "
        "ordered him to pay the costs of the inquiry as well.";
    chr_status st;
    chr_doc *d = analyze(CHR_FORMAT_TEXT, text, &st);
    T_EQ_INT(st, CHR_OK);
    if (d) {
        T_CHECK(strstr(d->body, "ferry captain was fined") != NULL);
        for (size_t i = 0; i < d->n_removed; i++)
            T_CHECK(strstr(d->removed[i].text, "ferry captain") == NULL);
        chr_doc_free(d);
    }
    /* a short caption alone is still no article */
    d = analyze(CHR_FORMAT_TEXT, "Photo: the old pier at dawn.", &st);
    T_EQ_INT(st, CHR_EMPTY);
    chr_doc_free(d);
}
