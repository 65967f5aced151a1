/* conv_actors.c — maintainer tool (not run by the build): converts the
 * public actor dictionaries in ../shared/data into the project's own plain
 * text files under data/, which the build then compiles (tools/gen_actors.c).
 *
 *   cc -O2 -o /tmp/conv-actors tools/conv_actors.c -ljansson
 *   /tmp/conv-actors ../shared/data data
 *
 * Reads  cameo/dictionaries/Phoenix.{Countries,International,MilNonState}
 *        .actors.txt, cameo/dictionaries/Phoenix.agents.txt,
 *        gazetteer/countries.json, gazetteer/country-organizations.csv
 * Writes data/actors.tsv, data/actors-agents.tsv, data/actors-members.tsv
 * (formats in the header comment of each file, written below).
 *
 * Decisions:
 *  - TABARI names ("VLADIMIR_V._PUTIN_") become title-cased words
 *    ("Vladimir V. Putin"); parenthesised parts are dropped.
 *  - Roles "[RUSGOV 991231-080507]", "[X >YYMMDD]", "[X <YYMMDD]", "[X]" become
 *    "RUSGOV@1999-12-31..2008-05-07", "X@YYYY-MM-DD..", "X@..YYYY-MM-DD", "X".
 *    Six-digit years: YY <= 20 is 20YY, else 19YY (the files date from 2014).
 *  - Type: countries (one bare 3-letter code matching a countries.json cca3)
 *    are GPE; entries marked "# CountryInfo.txt", or with a dated role, are
 *    PERSON unless their name holds an organisation word; the rest ORG.
 *  - Person variants holding a title word (PRESIDENT, MINISTER, ...) are
 *    dropped: the matcher reads titles itself.
 *  - A country's Phoenix variants that are not its names in countries.json
 *    (cities, provinces, misspellings) become LOC entries of their own with
 *    the country code, so that "Herat" is not named "Afghanistan".
 *  - countries.json adds the common and official names, alternative
 *    spellings longer than three letters, demonyms (variant prefix '*') and
 *    capitals (prefix '@': the government by metonymy when a subject).
 *  - Same canonical name twice: variants and roles merged.
 *  - Organisations CSV: members and observers; SCO and BRICS rewritten with
 *    today's membership (the CSV is stale since 2020). */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct entry {
    char *name, *type, *roles, *vars; /* vars: '|' separated */
    char key[160];
} entry;

static entry *E;
static size_t nE, capE;

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p) {
        fprintf(stderr, "conv-actors: out of memory\n");
        exit(1);
    }
    return p;
}

static char *xstrdup(const char *s) { return strcpy(xrealloc(NULL, strlen(s) + 1), s); }

static void keyof(const char *s, char *out, size_t cap)
{
    size_t o = 0;
    for (; *s && o + 1 < cap; s++)
        if (isalnum((unsigned char)*s))
            out[o++] = (char)tolower((unsigned char)*s);
    out[o] = 0;
}

/* "|"-list append without duplicates (case-insensitive on letters). */
static char *list_add(char *list, const char *item, char sep)
{
    char k[160], k2[160];
    if (!*item)
        return list;
    keyof(item, k, sizeof k);
    if (list) {
        char *dup = xstrdup(list);
        char sp[2] = {sep, 0};
        for (char *save, *t = strtok_r(dup, sp, &save); t; t = strtok_r(NULL, sp, &save)) {
            keyof(t, k2, sizeof k2);
            if (strcmp(k, k2) == 0 && (t[0] == item[0] || (isalnum((unsigned char)t[0]) && isalnum((unsigned char)item[0])))) {
                free(dup);
                return list;
            }
        }
        free(dup);
    }
    size_t a = list ? strlen(list) : 0, b = strlen(item);
    list = xrealloc(list, a + b + 2);
    if (a)
        list[a++] = sep;
    memcpy(list + a, item, b + 1);
    return list;
}

static entry *find(const char *name)
{
    char k[160];
    keyof(name, k, sizeof k);
    for (size_t i = nE; i-- > 0;)
        if (strcmp(E[i].key, k) == 0)
            return &E[i];
    return NULL;
}

static entry *add(const char *name, const char *type)
{
    entry *e = find(name);
    if (e)
        return e;
    if (nE == capE) {
        capE = capE ? capE * 2 : 1024;
        E = xrealloc(E, capE * sizeof *E);
    }
    e = &E[nE++];
    memset(e, 0, sizeof *e);
    e->name = xstrdup(name);
    e->type = xstrdup(type);
    keyof(name, e->key, sizeof e->key);
    return e;
}

/* TABARI phrase -> display words. */
static void display(const char *s, char *out, size_t cap)
{
    size_t o = 0;
    int start = 1, depth = 0;
    for (; *s && o + 2 < cap; s++) {
        char c = *s;
        if (c == '(') { depth++; continue; }
        if (c == ')') { if (depth) depth--; continue; }
        if (depth)
            continue;
        if (c == '_' || c == ' ' || c == '\t') {
            if (o && out[o - 1] != ' ')
                out[o++] = ' ';
            start = 1;
            continue;
        }
        if (c == '+' || c == '#' || c == '[' || c == '{')
            break;
        if (isalpha((unsigned char)c)) {
            out[o++] = start ? (char)toupper((unsigned char)c) : (char)tolower((unsigned char)c);
            start = 0;
        } else {
            out[o++] = c;
            start = (c == '-' || c == '.' || c == '/');
            if (c == '\'')
                start = 0;
        }
    }
    while (o && out[o - 1] == ' ')
        o--;
    out[o] = 0;
    /* connectors in lower case after the first word: "Party of China" */
    static const char *const small[] = {"Of", "The", "And", "For", "In",
                                        "On", "At", "To", "De", "Du", "La",
                                        "Des", "Von", "Van", "Der", NULL};
    for (char *w = strchr(out, ' '); w; w = strchr(w + 1, ' ')) {
        for (size_t i = 0; small[i]; i++) {
            size_t L = strlen(small[i]);
            if (strncmp(w + 1, small[i], L) == 0 && (w[1 + L] == ' ' || w[1 + L] == 0))
                w[1] = (char)tolower((unsigned char)w[1]);
        }
    }
}

static int has_word(const char *disp, const char *const *words)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", disp);
    for (char *save, *t = strtok_r(buf, " ", &save); t; t = strtok_r(NULL, " ", &save))
        for (size_t i = 0; words[i]; i++)
            if (strcasecmp(t, words[i]) == 0)
                return 1;
    return 0;
}

static const char *const TITLE_WORDS[] = {
    "president", "minister", "prime", "secretary", "secretary-general",
    "chancellor", "premier", "king", "queen", "leader", "chairman", "mr",
    "mrs", "dr", "ambassador", "foreign", "general", "gen.", "sheikh",
    "emir", "prince", "spokesman", "vice", "deputy", "former", "chief",
    "senator", "sen.", "governor", "mayor", "judge", "justice", "president-elect",
    "russian", "american", "chinese", "un", "u.n.", NULL};
static const char *const ORG_WORDS[] = {
    "organization", "organisation", "council", "commission", "union", "bank",
    "fund", "agency", "association", "community", "court", "committee",
    "party", "front", "army", "movement", "group", "forces", "brigade",
    "brigades", "league", "institute", "office", "program", "programme",
    "parliament", "assembly", "federation", "society", "foundation",
    "ministry", "service", "police", "tribunal", "secretariat", "conference",
    "network", "alliance", "cooperation", "forum", "mission", "corps",
    "division", "unit", "company", "corporation", "world", "international",
    "nations", "force", "government", "authority", "board", NULL};

/* "[CODE dates]" groups in s appended to *roles. */
static void parse_roles(const char *s, char **roles)
{
    for (const char *p = strchr(s, '['); p; p = strchr(p + 1, '[')) {
        const char *q = strchr(p, ']');
        if (!q)
            break;
        char code[64] = "", span[64] = "";
        if (sscanf(p + 1, "%63[A-Za-z~-] %63[^]]", code, span) < 1)
            continue;
        if (!*code || strchr(code, '~') || strcmp(code, "---") == 0)
            continue;
        for (char *c = code; *c; c++)
            *c = (char)toupper((unsigned char)*c);
        char from[16] = "", to[16] = "", a[16] = "", b[16] = "";
        int kind = 0; /* 0 none, 1 range, 2 from, 3 to */
        if (*span == '>') { kind = 2; sscanf(span + 1, "%15[0-9]", a); }
        else if (*span == '<') { kind = 3; sscanf(span + 1, "%15[0-9]", b); }
        else if (sscanf(span, "%15[0-9]-%15[0-9]", a, b) == 2) kind = 1;
        const char *ds[2] = {a, b};
        char *outs[2] = {from, to};
        int bad = 0;
        for (int i = 0; i < 2; i++) {
            size_t L = strlen(ds[i]);
            if (!L)
                continue;
            int y, m, d;
            if (L == 6) {
                y = (ds[i][0] - '0') * 10 + (ds[i][1] - '0');
                y += y <= 20 ? 2000 : 1900;
                m = atoi((char[]){ds[i][2], ds[i][3], 0});
                d = atoi((char[]){ds[i][4], ds[i][5], 0});
            } else if (L == 8) {
                y = atoi((char[]){ds[i][0], ds[i][1], ds[i][2], ds[i][3], 0});
                m = atoi((char[]){ds[i][4], ds[i][5], 0});
                d = atoi((char[]){ds[i][6], ds[i][7], 0});
            } else {
                bad = 1;
                continue;
            }
            if (m < 1 || m > 12 || d < 1 || d > 31) { bad = 1; continue; }
            snprintf(outs[i], 16, "%04d-%02d-%02d", y, m, d);
        }
        if (bad)
            continue;
        char role[96];
        if (kind == 0)
            snprintf(role, sizeof role, "%s", code);
        else
            snprintf(role, sizeof role, "%s@%s..%s", code, from, to);
        *roles = list_add(*roles, role, ';');
    }
}

typedef struct cinfo {
    char cca3[4], common[96];
    char *names; /* '|' list of display names in countries.json */
} cinfo;
static cinfo C[300];
static size_t nC;

static cinfo *country(const char *code)
{
    for (size_t i = 0; i < nC; i++)
        if (strcmp(C[i].cca3, code) == 0)
            return &C[i];
    return NULL;
}

static int in_list(const char *list, const char *disp)
{
    char k[160], k2[160];
    if (!list)
        return 0;
    keyof(disp, k, sizeof k);
    char *dup = xstrdup(list);
    int hit = 0;
    for (char *save, *t = strtok_r(dup, "|", &save); t && !hit; t = strtok_r(NULL, "|", &save)) {
        keyof(t + (*t == '*' || *t == '@'), k2, sizeof k2);
        hit = strcmp(k, k2) == 0;
    }
    free(dup);
    return hit;
}

static cinfo *country_named(const char *disp)
{
    char k[160], k2[160];
    keyof(disp, k, sizeof k);
    for (size_t i = 0; i < nC && *k; i++) {
        char *dup = xstrdup(C[i].names);
        int hit = 0;
        for (char *save, *t = strtok_r(dup, "|", &save); t && !hit; t = strtok_r(NULL, "|", &save)) {
            keyof(t, k2, sizeof k2);
            hit = *t != '*' && *t != '@' && strcmp(k, k2) == 0;
        }
        free(dup);
        if (hit)
            return &C[i];
    }
    return NULL;
}

static void load_countries(const char *path)
{
    json_error_t jerr;
    json_t *root = json_load_file(path, 0, &jerr);
    if (!root || !json_is_array(root)) {
        fprintf(stderr, "conv-actors: %s: %s\n", path, jerr.text);
        exit(1);
    }
    size_t i;
    json_t *c;
    json_array_foreach(root, i, c) {
        const char *cca3 = json_string_value(json_object_get(c, "cca3"));
        json_t *nm = json_object_get(c, "name");
        const char *common = json_string_value(json_object_get(nm, "common"));
        const char *official = json_string_value(json_object_get(nm, "official"));
        if (!cca3 || !common || nC == 300)
            continue;
        cinfo *ci = &C[nC++];
        snprintf(ci->cca3, sizeof ci->cca3, "%s", cca3);
        snprintf(ci->common, sizeof ci->common, "%s", common);
        ci->names = list_add(NULL, common, '|');
        if (official)
            ci->names = list_add(ci->names, official, '|');
        size_t j;
        json_t *v;
        json_array_foreach(json_object_get(c, "altSpellings"), j, v) {
            const char *s = json_string_value(v);
            if (s && strlen(s) > 3)
                ci->names = list_add(ci->names, s, '|');
        }
        json_t *dem = json_object_get(json_object_get(c, "demonyms"), "eng");
        const char *ds[2] = {json_string_value(json_object_get(dem, "m")),
                             json_string_value(json_object_get(dem, "f"))};
        for (int k = 0; k < 2; k++)
            if (ds[k] && *ds[k]) {
                char buf[128];
                snprintf(buf, sizeof buf, "*%s", ds[k]);
                ci->names = list_add(ci->names, buf, '|');
            }
        json_array_foreach(json_object_get(c, "capital"), j, v) {
            const char *s = json_string_value(v);
            if (s && *s) {
                char buf[128];
                snprintf(buf, sizeof buf, "@%s", s);
                ci->names = list_add(ci->names, buf, '|');
            }
        }
    }
    json_decref(root);
}

enum { F_COUNTRIES, F_INTL, F_MIL };

static void flush(char *name, int person_mark, char *roles, char *vars, int file)
{
    if (!name || !*name || !roles) {
        free(roles);
        free(vars);
        return;
    }
    char disp[256];
    display(name, disp, sizeof disp);
    if (!*disp) {
        free(roles);
        free(vars);
        return;
    }
    const char *type = "ORG";
    cinfo *ci = NULL;
    if (file == F_COUNTRIES && strlen(roles) == 3 && (ci = country(roles)))
        type = "GPE";
    else if (file == F_COUNTRIES && (ci = country_named(disp)))
        type = "GPE";
    else if (file != F_MIL && !has_word(disp, ORG_WORDS) &&
             (person_mark || strchr(roles, '@')))
        type = "PERSON";
    entry *e = add(ci ? ci->common : disp, type);
    if (ci) {
        char *dup = xstrdup(ci->names);
        for (char *save, *t = strtok_r(dup, "|", &save); t; t = strtok_r(NULL, "|", &save))
            if (strcmp(t, e->name) != 0)
                e->vars = list_add(e->vars, t, '|');
        free(dup);
    }
    char *r = xstrdup(roles);
    for (char *save, *t = strtok_r(r, ";", &save); t; t = strtok_r(NULL, ";", &save))
        e->roles = list_add(e->roles, t, ';');
    free(r);
    if (ci && !in_list(ci->names, disp) && strcmp(disp, e->name) != 0)
        e->vars = list_add(e->vars, disp, '|');
    if (vars) {
        char *dup = xstrdup(vars);
        for (char *save, *t = strtok_r(dup, "|", &save); t; t = strtok_r(NULL, "|", &save)) {
            char vd[256];
            display(t, vd, sizeof vd);
            if (!*vd || strcmp(vd, e->name) == 0)
                continue;
            if (!strcmp(type, "PERSON") && has_word(vd, TITLE_WORDS))
                continue;
            if (ci && !in_list(ci->names, vd)) {
                /* a city, province or spelling of its own */
                char vk[160];
                keyof(vd, vk, sizeof vk);
                if (strlen(vk) < 3)
                    continue;
                entry *l = add(vd, "LOC");
                l->roles = list_add(l->roles, ci->cca3, ';');
                continue;
            }
            if (!ci)
                e->vars = list_add(e->vars, vd, '|');
        }
        free(dup);
    }
    free(roles);
    free(vars);
}

static void read_phoenix(const char *path, int file)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "conv-actors: cannot read %s\n", path);
        exit(1);
    }
    char line[4096], *name = NULL, *roles = NULL, *vars = NULL;
    int person = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        if (line[0] == '#' || line[0] == 0)
            continue;
        if (line[0] == '\t' || line[0] == ' ') {
            parse_roles(line, &roles);
            continue;
        }
        if (line[0] == '+') {
            char *h = strchr(line, '#');
            if (h)
                *h = 0;
            char *b = strchr(line, '[');
            if (b) {
                parse_roles(b, &roles);
                *b = 0;
            }
            vars = list_add(vars, line + 1, '|');
            continue;
        }
        flush(name, person, roles, vars, file);
        free(name);
        roles = vars = NULL;
        person = strstr(line, "CountryInfo") != NULL || strstr(line, "rulers") != NULL;
        char *h = strchr(line, '#');
        if (h)
            *h = 0;
        parse_roles(line, &roles);
        char *b = strchr(line, '[');
        if (b)
            *b = 0;
        name = xstrdup(line);
    }
    flush(name, person, roles, vars, file);
    free(name);
    fclose(f);
}

/* Agents: "PHRASE [~SUFFIX]" lines; !PERSON! and !MINIST! expanded, the
 * plural in {} kept as a phrase of its own. */
static void write_agents(const char *in, const char *out)
{
    FILE *f = fopen(in, "r"), *o = fopen(out, "w");
    if (!f || !o) {
        fprintf(stderr, "conv-actors: cannot open %s or %s\n", in, out);
        exit(1);
    }
    fprintf(o, "# Agents: phrase<TAB>code suffix, from Phoenix.agents.txt "
               "(openeventdata/petrarch2, MIT). Generated by tools/conv_actors.c.\n");
    static const char *const person[] = {"MAN", "MEN", "WOMAN", "WOMEN", "PERSON", NULL};
    static const char *const minist[] = {"MINISTER", "MINISTERS", "MINISTRY", "MINISTRIES", NULL};
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        if (line[0] == '#' || line[0] == '!' || !strchr(line, '['))
            continue;
        char *tl = strstr(line, "[~");
        if (!tl)
            continue;
        char suf[32];
        if (sscanf(tl + 2, "%31[A-Z]", suf) != 1)
            continue;
        *tl = 0;
        char plural[256] = "";
        char *br = strchr(line, '{');
        if (br) {
            sscanf(br + 1, "%255[^}]", plural);
            *br = 0;
        }
        const char *phr[2] = {line, plural};
        for (int k = 0; k < 2; k++) {
            if (!*phr[k])
                continue;
            const char *const *rep = NULL;
            const char *mac = NULL;
            if ((mac = strstr(phr[k], "!PERSON!")))
                rep = person;
            else if ((mac = strstr(phr[k], "!MINIST!")))
                rep = minist;
            for (size_t r = 0; rep ? rep[r] != NULL : r == 0; r++) {
                char buf[512], disp[512];
                if (rep)
                    snprintf(buf, sizeof buf, "%.*s%s%s", (int)(mac - phr[k]), phr[k],
                             rep[r], mac + 8);
                else
                    snprintf(buf, sizeof buf, "%s", phr[k]);
                display(buf, disp, sizeof disp);
                for (char *c = disp; *c; c++)
                    *c = (char)tolower((unsigned char)*c);
                if (*disp && !strchr(disp, '!'))
                    fprintf(o, "%s\t%s\n", disp, suf);
            }
        }
    }
    fclose(f);
    fclose(o);
}

/* Organisation membership: org_id<TAB>org name<TAB>ISO3<TAB>status<TAB>from */
static void write_members(const char *in, const char *out)
{
    FILE *f = fopen(in, "r"), *o = fopen(out, "w");
    if (!f || !o) {
        fprintf(stderr, "conv-actors: cannot open %s or %s\n", in, out);
        exit(1);
    }
    fprintf(o, "# Organisation membership: org<TAB>name<TAB>ISO3<TAB>status<TAB>since "
               "(empty: before 2020)\n# CIA World Factbook via dieghernan "
               "(MIT); SCO and BRICS corrected to 2025. Generated by tools/conv_actors.c.\n");
    char line[1024];
    int first = 1;
    while (fgets(line, sizeof line, f)) {
        if (first) { first = 0; continue; }
        char *fld[8];
        int n = 0;
        char *p = line;
        while (n < 7 && (p = strchr(p, '"'))) {
            char *q = strchr(p + 1, '"');
            if (!q)
                break;
            *q = 0;
            fld[n++] = p + 1;
            p = q + 1;
        }
        if (n < 7)
            continue;
        if (!strcmp(fld[5], "SCO") || !strcmp(fld[5], "BRICS"))
            continue;
        char nm[256];
        snprintf(nm, sizeof nm, "%s", fld[4]);
        size_t L = strlen(nm);
        while (L && nm[L - 1] == ' ')
            nm[--L] = 0;
        fprintf(o, "%s\t%s\t%s\t%s\t\n", fld[5], nm, fld[1], fld[6]);
    }
    static const char *const sco[][2] = {
        {"CHN", ""}, {"RUS", ""}, {"KAZ", ""}, {"KGZ", ""}, {"TJK", ""},
        {"UZB", ""}, {"IND", "2017-06-09"}, {"PAK", "2017-06-09"},
        {"IRN", "2023-07-04"}, {"BLR", "2024-07-04"}};
    for (size_t i = 0; i < sizeof sco / sizeof sco[0]; i++)
        fprintf(o, "SCO\tShanghai Cooperation Organization\t%s\tmember\t%s\n", sco[i][0], sco[i][1]);
    /* observers before they joined */
    static const char *const sco_obs[][2] = {
        {"IND", "2005-07-05"}, {"PAK", "2005-07-05"}, {"IRN", "2005-07-05"},
        {"BLR", "2015-07-10"}};
    for (size_t i = 0; i < sizeof sco_obs / sizeof sco_obs[0]; i++)
        fprintf(o, "SCO\tShanghai Cooperation Organization\t%s\tobserver\t%s\n",
                sco_obs[i][0], sco_obs[i][1]);
    fprintf(o, "SCO\tShanghai Cooperation Organization\tMNG\tobserver\t\n");
    fprintf(o, "SCO\tShanghai Cooperation Organization\tAFG\tobserver\t\n");
    static const char *const brics[][2] = {
        {"BRA", ""}, {"RUS", ""}, {"IND", ""}, {"CHN", ""}, {"ZAF", "2010-12-24"},
        {"EGY", "2024-01-01"}, {"ETH", "2024-01-01"}, {"IRN", "2024-01-01"},
        {"ARE", "2024-01-01"}, {"IDN", "2025-01-06"}};
    for (size_t i = 0; i < sizeof brics / sizeof brics[0]; i++)
        fprintf(o, "BRICS\tBRICS\t%s\tmember\t%s\n", brics[i][0], brics[i][1]);
    fclose(f);
    fclose(o);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: conv-actors SHARED_DATA_DIR OUT_DIR\n");
        return 2;
    }
    char p[4096], q[4096];
    snprintf(p, sizeof p, "%s/gazetteer/countries.json", argv[1]);
    load_countries(p);
    static const char *const files[] = {"Countries", "International", "MilNonState"};
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s/cameo/dictionaries/Phoenix.%s.actors.txt", argv[1], files[i]);
        read_phoenix(p, i);
    }
    /* countries Phoenix does not hold */
    for (size_t i = 0; i < nC; i++)
        if (!find(C[i].common))
            flush(xstrdup(C[i].common), 0, xstrdup(C[i].cca3), NULL, F_COUNTRIES);
    snprintf(q, sizeof q, "%s/actors.tsv", argv[2]);
    FILE *o = fopen(q, "w");
    if (!o) {
        fprintf(stderr, "conv-actors: cannot write %s\n", q);
        return 1;
    }
    fprintf(o, "# Actors: name<TAB>type<TAB>roles<TAB>variants. Generated by "
               "tools/conv_actors.c from Phoenix CAMEO actor dictionaries\n"
               "# (openeventdata/petrarch2, MIT) and mledoze/countries (ODbL "
               "1.0). roles: CODE@FROM..TO;CODE (undated);\n"
               "# variants: '|' separated, '*' demonym, '@' capital.\n");
    for (size_t i = 0; i < nE; i++)
        if (E[i].roles)
            fprintf(o, "%s\t%s\t%s\t%s\n", E[i].name, E[i].type, E[i].roles,
                    E[i].vars ? E[i].vars : "");
    fclose(o);
    snprintf(p, sizeof p, "%s/cameo/dictionaries/Phoenix.agents.txt", argv[1]);
    snprintf(q, sizeof q, "%s/actors-agents.tsv", argv[2]);
    write_agents(p, q);
    snprintf(p, sizeof p, "%s/gazetteer/country-organizations.csv", argv[1]);
    snprintf(q, sizeof q, "%s/actors-members.tsv", argv[2]);
    write_members(p, q);
    return 0;
}
