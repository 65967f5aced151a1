/* input.c — the chr_input object, configuration defaults, format names,
 * format sniffing and the ids derived from file names. */
#include "read/reader.h"

#include <stdlib.h>
#include <string.h>

const char *chr_format_name(chr_format f)
{
    switch (f) {
    case CHR_FORMAT_TEXT: return "text";
    case CHR_FORMAT_HTML: return "html";
    case CHR_FORMAT_JSONL: return "jsonl";
    case CHR_FORMAT_WARC: return "warc";
    }
    return "unknown";
}

void chr_config_init(chr_config *cfg)
{
    if (!cfg)
        return;
    memset(cfg, 0, sizeof *cfg);
    cfg->max_doc_bytes = (size_t)16 << 20;
    cfg->max_line_bytes = cfg->max_doc_bytes;
    cfg->threads = 0;
    cfg->batch_size = 256;
}

uint64_t chr_input_hash(const chr_input *in)
{
    return in && in->data ? chr__hash64(in->data, in->len) : 0;
}

void chr_input_free(chr_input *in)
{
    if (!in)
        return;
    free(in->id);
    free(in->origin);
    free(in->data);
    free(in->url);
    free(in->title);
    free(in->published);
    free(in->outlet);
    free(in->byline);
    free(in);
}

int chr__set_str(char **dst, const char *s)
{
    free(*dst);
    *dst = NULL;
    if (!s)
        return 1;
    *dst = strdup(s);
    return *dst != NULL;
}

chr_input *chr__input_new(chr_format format, int is_html, const char *data,
                          size_t len)
{
    chr_input *in = calloc(1, sizeof *in);
    if (!in)
        return NULL;
    in->format = format;
    in->is_html = is_html;
    in->data = malloc(len + 1);
    if (!in->data) {
        free(in);
        return NULL;
    }
    if (len)
        memcpy(in->data, data, len);
    in->data[len] = '\0';
    in->len = len;
    return in;
}

chr_status chr_input_from_memory(chr_input **out, chr_format format,
                                 const char *id, const char *origin,
                                 const char *data, size_t len)
{
    if (!out)
        return CHR_INVALID;
    *out = NULL;
    if (!data && len)
        return CHR_INVALID;
    if (format != CHR_FORMAT_TEXT && format != CHR_FORMAT_HTML)
        return CHR_INVALID;
    chr_input *in = chr__input_new(format, format == CHR_FORMAT_HTML,
                                   data ? data : "", len);
    if (!in)
        return CHR_NOMEM;
    if (!chr__set_str(&in->id, id ? id : "memory") ||
        !chr__set_str(&in->origin, origin ? origin : (id ? id : "memory"))) {
        chr_input_free(in);
        return CHR_NOMEM;
    }
    *out = in;
    return CHR_OK;
}

static int is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

int chr__is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (is_ws(c))
            continue;
        if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBB &&
            (unsigned char)s[i + 2] == 0xBF) {
            i += 2;
            continue;
        }
        return 0;
    }
    return 1;
}

/* case-insensitive search for the NUL-terminated `needle` in s[0..n) */
static int has_ci(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++) {
        if (s[i] == '<' && chr__ieq(s + i, k, needle))
            return 1;
    }
    return 0;
}

chr_format chr__sniff_format(const char *head, size_t n)
{
    size_t i = 0;
    if (n >= 3 && (unsigned char)head[0] == 0xEF &&
        (unsigned char)head[1] == 0xBB && (unsigned char)head[2] == 0xBF)
        i = 3;
    while (i < n && is_ws((unsigned char)head[i]))
        i++;
    const char *s = head + i;
    size_t m = n - i;
    if (chr__starts_with(s, m, "WARC/"))
        return CHR_FORMAT_WARC;
    if (m && s[0] == '{')
        return CHR_FORMAT_JSONL;
    if (m && s[0] == '<' &&
        (has_ci(s, m, "<html") || has_ci(s, m, "<body") ||
         has_ci(s, m, "<p") || has_ci(s, m, "<!doctype")))
        return CHR_FORMAT_HTML;
    return CHR_FORMAT_TEXT;
}

/* Extensions stripped from names to make ids (".gz" first, then one). */
static const char *const id_exts[] = {
    ".txt", ".text", ".html", ".htm", ".xhtml", ".shtml", ".jsonl",
    ".ndjson", ".json", ".warc", ".md",
};

static int ends_with_ci(const char *s, size_t n, const char *suf)
{
    size_t k = strlen(suf);
    return n > k && chr__ieq(s + n - k, k, suf);
}

/* Files met in a directory walk that are plainly not news (notes, scripts,
 * code, images, archives, databases) are skipped and counted, so that
 * `chronicle ingest dir/` does not store a README as an article. Any other
 * file is read, so junk with an unknown name is reported as bad input. A
 * file named explicitly is always read. */
static const char *const skip_exts[] = {
    ".md", ".markdown", ".rst", ".sh", ".bash", ".py", ".pl", ".rb", ".c",
    ".h", ".js", ".css", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg",
    ".ico", ".pdf", ".zip", ".tar", ".tgz", ".xz", ".bz2", ".zst", ".7z",
    ".so", ".o", ".a", ".db", ".sqlite", ".db-wal", ".db-shm",
};

int chr__is_input_name(const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < CHR__ARRAY_LEN(skip_exts); i++)
        if (ends_with_ci(name, n, skip_exts[i]))
            return 0;
    return 1;
}

char *chr__id_from_path(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t n = strlen(base);
    if (n == 0) { /* "dir/" — use the whole path */
        base = path;
        n = strlen(path);
    }
    if (ends_with_ci(base, n, ".gz"))
        n -= 3;
    for (size_t i = 0; i < CHR__ARRAY_LEN(id_exts); i++) {
        if (ends_with_ci(base, n, id_exts[i])) {
            n -= strlen(id_exts[i]);
            break;
        }
    }
    char *id = malloc(n + 1);
    if (!id)
        return NULL;
    memcpy(id, base, n);
    id[n] = '\0';
    return id;
}
