/* cli_util.c — helpers shared by the subcommands of `chronicle`: option
 * parsing, usage errors, failure lines, number parsing, padding, clocks. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- option parsing ---- */

void cli_args_init(cli_args *a, const char *cmd, int argc, char **argv)
{
    memset(a, 0, sizeof *a);
    a->cmd = cmd;
    a->argc = argc;
    a->argv = argv;
    a->i = 1; /* argv[0] is the command name */
}

int cli_args_next(cli_args *a, const char **tok)
{
    a->opt = NULL;
    a->opt_len = 0;
    a->inline_value = NULL;
    while (a->i < a->argc) {
        const char *s = a->argv[a->i++];
        if (a->no_more_options || s[0] != '-' || s[1] == '\0') {
            *tok = s;
            return CLI_ARG_OPERAND;
        }
        if (strcmp(s, "--") == 0) {
            a->no_more_options = true;
            continue;
        }
        a->opt = s;
        const char *eq = s[1] == '-' ? strchr(s, '=') : NULL;
        if (eq) {
            a->opt_len = (size_t)(eq - s);
            a->inline_value = eq + 1;
        } else {
            a->opt_len = strlen(s);
        }
        *tok = s;
        return CLI_ARG_OPTION;
    }
    return CLI_ARG_END;
}

static bool name_eq(const cli_args *a, const char *name)
{
    return name && strlen(name) == a->opt_len &&
           strncmp(a->opt, name, a->opt_len) == 0;
}

bool cli_opt_is(const cli_args *a, const char *long_name,
                const char *short_name)
{
    return a->opt && (name_eq(a, long_name) || name_eq(a, short_name));
}

bool cli_opt_value(cli_args *a, const char **value)
{
    if (a->inline_value) {
        *value = a->inline_value;
        return true;
    }
    if (a->i >= a->argc) {
        cli_usage_error(a->cmd, "option %.*s needs an argument",
                        (int)a->opt_len, a->opt);
        return false;
    }
    *value = a->argv[a->i++];
    return true;
}

bool cli_opt_flag(const cli_args *a)
{
    if (a->inline_value) {
        cli_usage_error(a->cmd, "option %.*s takes no argument",
                        (int)a->opt_len, a->opt);
        return false;
    }
    return true;
}

int cli_opt_unknown(const cli_args *a)
{
    return cli_usage_error(a->cmd, "unknown option %.*s", (int)a->opt_len,
                           a->opt);
}

/* ---- messages ---- */

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "chronicle %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'chronicle %s --help'.\n", cmd);
    return CLI_EXIT_USAGE;
}

void cli_report(chr_status st, const chr_error *err,
                const char *fallback_where)
{
    const char *where = err && err->where[0] ? err->where : fallback_where;
    const char *msg = err && err->msg[0] ? err->msg : chr_strerror(st);
    if (where && where[0])
        fprintf(stderr, "chronicle: %s: %s\n", where, msg);
    else
        fprintf(stderr, "chronicle: %s\n", msg);
}

/* ---- numbers ---- */

bool cli_parse_long(const char *cmd, const char *opt, const char *s,
                    long long min, long long max, long long *out)
{
    char *end = NULL;
    errno = 0;
    long long v = (s[0] >= '0' && s[0] <= '9') ? strtoll(s, &end, 10) : 0;
    if (!end || *end != '\0' || errno == ERANGE || v < min || v > max) {
        if (max == INT64_MAX)
            cli_usage_error(cmd, "%s: '%s' is not a whole number from %lld",
                            opt, s, min);
        else
            cli_usage_error(cmd, "%s: '%s' is not a number from %lld to %lld",
                            opt, s, min, max);
        return false;
    }
    *out = v;
    return true;
}

bool cli_parse_size(const char *cmd, const char *opt, const char *s,
                    size_t *out)
{
    /* 1 byte up to 1 TiB, which bounds the shift below. */
    const unsigned long long max = 1ULL << 40;
    char *end = NULL;
    errno = 0;
    unsigned long long v =
        (s[0] >= '0' && s[0] <= '9') ? strtoull(s, &end, 10) : 0;
    int shift = 0;
    if (end && *end) {
        switch (*end) {
        case 'k': case 'K': shift = 10; break;
        case 'm': case 'M': shift = 20; break;
        case 'g': case 'G': shift = 30; break;
        default: shift = -1; break;
        }
        end++;
        if (*end == 'B' || *end == 'b') /* "16MB" */
            end++;
    }
    if (!end || *end != '\0' || shift < 0 || errno == ERANGE || v == 0 ||
        v > (max >> shift) || (v << shift) > SIZE_MAX) {
        cli_usage_error(cmd,
                        "%s: '%s' is not a size (bytes, or with K, M, G; "
                        "1 to 1T)",
                        opt, s);
        return false;
    }
    *out = (size_t)(v << shift);
    return true;
}

/* ---- misc ---- */

double cli_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int cli_cores(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        return 1;
    return n > 512 ? 512 : (int)n;
}

/* Bytes of s that hold at most `cols` code points; *used gets the count. */
static size_t utf8_prefix(const char *s, int cols, int *used)
{
    size_t i = 0;
    int n = 0;
    while (s[i]) {
        if (((unsigned char)s[i] & 0xC0) != 0x80) {
            if (n == cols)
                break;
            n++;
        }
        i++;
    }
    *used = n;
    return i;
}

void cli_put_padded(FILE *f, const char *s, int width)
{
    if (!s || !s[0])
        s = "-";
    int cols;
    size_t n = utf8_prefix(s, width, &cols);
    if (s[n] != '\0' && width > 1) { /* too long: cut and mark */
        n = utf8_prefix(s, width - 1, &cols);
        fwrite(s, 1, n, f);
        fputs("\xE2\x80\xA6", f); /* … */
        cols++;
    } else {
        fwrite(s, 1, n, f);
    }
    for (; cols < width; cols++)
        fputc(' ', f);
}

int cli_opt_analysis(cli_args *a, chr_config *cfg)
{
    const char *val;
    long long num;
    if (cli_opt_is(a, "--max-doc-bytes", NULL)) {
        if (!cli_opt_value(a, &val) ||
            !cli_parse_size(a->cmd, "--max-doc-bytes", val,
                            &cfg->max_doc_bytes))
            return CLI_OPT_BAD;
        cfg->max_line_bytes = cfg->max_doc_bytes;
        return CLI_OPT_DONE;
    }
    if (cli_opt_is(a, "--threads", NULL)) {
        if (!cli_opt_value(a, &val) ||
            !cli_parse_long(a->cmd, "--threads", val, 0, 512, &num))
            return CLI_OPT_BAD;
        cfg->threads = (int)num;
        return CLI_OPT_DONE;
    }
    return CLI_OPT_NOT_MINE;
}

chr_store *cli_open_existing_store(const char *db)
{
    if (!cli_exists(db)) {
        fprintf(stderr, "chronicle: %s: no such store\n", db);
        return NULL;
    }
    chr_error err;
    chr_error_clear(&err);
    chr_store *st = NULL;
    chr_status s = chr_store_open(&st, db, &err);
    if (s != CHR_OK) {
        cli_report(s, &err, db);
        return NULL;
    }
    return st;
}

bool cli_exists(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0;
}
