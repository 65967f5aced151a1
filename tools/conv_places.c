/* conv_places.c — maintenance tool (not run by the build): converts the
 * reference gazetteer into the project's own plain-text place files.
 *
 *   conv-places CITIES.tsv COUNTRIES.json OUTDIR
 *
 * `make places-data` (mk/places.mk) runs it on
 * ../shared/data/gazetteer/{cities1000.tsv,countries.json} and writes
 * OUTDIR/places.tsv and OUTDIR/places-countries.tsv (data/), which are
 * committed; the build then compiles them (tools/gen_places.c) together
 * with the hand-written data/places-regions.tsv and data/places-updates.tsv.
 *
 * places.tsv, one populated place a line, tab-separated:
 *   name  cc2  admin1  class  population  lat  lon
 * class is capital (GeoNames PPLC), admin (PPLA, PPLG: seat of a first-order
 * division or of government) or city (any other PPL*). Kept: every capital
 * and admin seat, and the other places of population >= 15,000 except
 * sections of cities (PPLX), historical, abandoned and destroyed places
 * (PPLH, PPLQ, PPLW). 15,000 keeps every town a wire story is likely to
 * date from while the table stays small (about 24,600 places, 1 MB of
 * text); smaller places named by a dateline "Town, Country" still resolve
 * to their country (src/resources/places.c). Coordinates are rounded to
 * 0.01 degree (about 1 km). The country name is not repeated on every line:
 * it is the cc2 row of places-countries.tsv. GeoNames' cities1000 has no
 * alternative names; the ones that matter are in places-updates.tsv.
 *
 * places-countries.tsv, one country a line:
 *   cc2  cc3  name  official  alt_names  demonyms  capital  lat  lon
 * alt_names and demonyms are '|'-separated. From mledoze/countries: common
 * and official English names; alternative spellings except the two-letter
 * codes, the inverted forms with a comma ("Korea, Republic of") and those
 * in a non-Latin script; English demonyms (male and female, split at
 * commas; a dependent territory whose demonym is an independent country's,
 * as "American" of American Samoa, gets none); the first capital.
 *
 * Needs jansson (a dependency of the project already). Output is sorted as
 * the input is (GeoNames id order; countries by cca2) so a re-run on the
 * same input gives the same bytes. */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MIN_POP 15000L

static void die(const char *msg, const char *arg)
{
    fprintf(stderr, "conv-places: %s%s%s\n", msg, arg ? " " : "",
            arg ? arg : "");
    exit(1);
}

/* 1 when s is written in Latin letters only (ASCII, Latin-1, Latin
 * Extended A/B, IPA modifiers, Latin Extended Additional). */
static int latin_only(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        uint32_t cp;
        int k;
        if (*p < 0x80) {
            cp = *p;
            k = 1;
        } else if ((*p & 0xE0) == 0xC0 && p[1]) {
            cp = ((uint32_t)(*p & 0x1F) << 6) | (p[1] & 0x3F);
            k = 2;
        } else if ((*p & 0xF0) == 0xE0 && p[1] && p[2]) {
            cp = ((uint32_t)(*p & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) |
                 (p[2] & 0x3F);
            k = 3;
        } else {
            return 0;
        }
        if (cp >= 0x0370 && !(cp >= 0x1E00 && cp <= 0x1EFF) &&
            !(cp >= 0x2000 && cp <= 0x206F))
            return 0;
        p += k;
    }
    return 1;
}

/* A field must not hold the separators of the format. */
static int clean_field(const char *s)
{
    return s && *s && !strpbrk(s, "\t\n\r|");
}

static void put_list_item(FILE *f, int *first, const char *s)
{
    if (!clean_field(s))
        return;
    fprintf(f, "%s%s", *first ? "" : "|", s);
    *first = 0;
}

/* 1 when an independent country has the demonym `dem` ("American" of
 * American Samoa is the United States' too): a dependent territory then
 * does not get it, so the adjective names one country. */
static int shared_demonym(json_t *root, json_t *dem)
{
    const char *m = json_string_value(json_object_get(dem, "m"));
    if (!m)
        return 0;
    size_t i;
    json_t *c;
    json_array_foreach(root, i, c) {
        if (!json_is_true(json_object_get(c, "independent")))
            continue;
        json_t *d = json_object_get(json_object_get(c, "demonyms"), "eng");
        const char *o = json_string_value(json_object_get(d, "m"));
        if (o && !strcmp(o, m))
            return 1;
    }
    return 0;
}

static void countries(const char *path, const char *outdir)
{
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    if (!root || !json_is_array(root))
        die("cannot parse", path);
    char out[4096];
    snprintf(out, sizeof out, "%s/places-countries.tsv", outdir);
    FILE *f = fopen(out, "w");
    if (!f)
        die("cannot write", out);
    fprintf(f, "# Countries: cc2 cc3 name official alt_names demonyms capital "
               "lat lon (tools/conv_places.c; mledoze/countries, ODbL 1.0)\n");
    size_t i;
    json_t *c;
    json_array_foreach(root, i, c) {
        const char *cc2 = json_string_value(json_object_get(c, "cca2"));
        const char *cc3 = json_string_value(json_object_get(c, "cca3"));
        json_t *name = json_object_get(c, "name");
        const char *common = json_string_value(json_object_get(name, "common"));
        const char *official =
            json_string_value(json_object_get(name, "official"));
        if (!clean_field(cc2) || strlen(cc2) != 2 || !clean_field(cc3) ||
            !clean_field(common))
            continue;
        fprintf(f, "%s\t%s\t%s\t%s\t", cc2, cc3, common,
                clean_field(official) ? official : "");
        int first = 1;
        size_t j;
        json_t *a;
        json_array_foreach(json_object_get(c, "altSpellings"), j, a) {
            const char *s = json_string_value(a);
            if (!s || strlen(s) < 3 || strchr(s, ',') || !latin_only(s) ||
                !strcmp(s, common) || (official && !strcmp(s, official)))
                continue;
            put_list_item(f, &first, s);
        }
        fputc('\t', f);
        first = 1;
        json_t *dem = json_object_get(json_object_get(c, "demonyms"), "eng");
        const char *prev = NULL;
        if (!json_is_true(json_object_get(c, "independent")) &&
            shared_demonym(root, dem))
            dem = NULL;
        for (int g = 0; g < 2; g++) {
            const char *s = json_string_value(json_object_get(dem, g ? "f" : "m"));
            if (!s || (prev && !strcmp(prev, s)))
                continue;
            prev = s;
            char buf[256];
            snprintf(buf, sizeof buf, "%s", s);
            for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
                while (*tok == ' ')
                    tok++;
                put_list_item(f, &first, tok);
            }
        }
        const char *cap =
            json_string_value(json_array_get(json_object_get(c, "capital"), 0));
        json_t *ll = json_object_get(c, "latlng");
        fprintf(f, "\t%s\t%.2f\t%.2f\n", clean_field(cap) ? cap : "",
                json_number_value(json_array_get(ll, 0)),
                json_number_value(json_array_get(ll, 1)));
    }
    if (fclose(f) != 0)
        die("cannot write", out);
    json_decref(root);
}

static void cities(const char *path, const char *outdir)
{
    FILE *in = fopen(path, "r");
    if (!in)
        die("cannot read", path);
    char out[4096];
    snprintf(out, sizeof out, "%s/places.tsv", outdir);
    FILE *f = fopen(out, "w");
    if (!f)
        die("cannot write", out);
    fprintf(f, "# Places: name cc2 admin1 class population lat lon "
               "(tools/conv_places.c; GeoNames cities1000, CC BY 4.0)\n");
    char line[4096];
    long kept = 0;
    while (fgets(line, sizeof line, in)) {
        char *fld[8];
        int n = 0;
        char *p = line;
        line[strcspn(line, "\r\n")] = '\0';
        while (n < 8) {
            fld[n++] = p;
            char *t = strchr(p, '\t');
            if (!t)
                break;
            *t = '\0';
            p = t + 1;
        }
        if (n < 8 || !strcmp(fld[0], "geonameid"))
            continue;
        const char *fc = fld[4];
        long pop = strtol(fld[5], NULL, 10);
        const char *cls;
        if (!strcmp(fc, "PPLC"))
            cls = "capital";
        else if (!strcmp(fc, "PPLA") || !strcmp(fc, "PPLG"))
            cls = "admin";
        else if (strncmp(fc, "PPL", 3) || !strcmp(fc, "PPLX") ||
                 !strcmp(fc, "PPLH") || !strcmp(fc, "PPLQ") ||
                 !strcmp(fc, "PPLW") || pop < MIN_POP)
            continue;
        else
            cls = "city";
        if (!clean_field(fld[1]) || strlen(fld[2]) != 2 || strchr(fld[3], '|'))
            continue;
        fprintf(f, "%s\t%s\t%s\t%s\t%ld\t%.2f\t%.2f\n", fld[1], fld[2], fld[3],
                cls, pop, strtod(fld[6], NULL), strtod(fld[7], NULL));
        kept++;
    }
    fclose(in);
    if (fclose(f) != 0)
        die("cannot write", out);
    fprintf(stderr, "conv-places: %ld places kept\n", kept);
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s CITIES.tsv COUNTRIES.json OUTDIR\n",
                argv[0]);
        return 2;
    }
    cities(argv[1], argv[3]);
    countries(argv[2], argv[3]);
    return 0;
}
