/* status.c — status names and messages, generated from CHR_STATUS_MAP. */
#include "chronicle.h"

#include <string.h>

static const char *const status_names[] = {
#define XX(name, msg) #name,
    CHR_STATUS_MAP(XX)
#undef XX
};

static const char *const status_msgs[] = {
#define XX(name, msg) msg,
    CHR_STATUS_MAP(XX)
#undef XX
};

const char *chr_status_name(chr_status s)
{
    if ((int)s < 0 || s >= CHR__STATUS_COUNT)
        return "UNKNOWN";
    return status_names[s];
}

const char *chr_strerror(chr_status s)
{
    if ((int)s < 0 || s >= CHR__STATUS_COUNT)
        return "unknown status";
    return status_msgs[s];
}

void chr_error_clear(chr_error *err)
{
    if (!err)
        return;
    err->code = CHR_OK;
    err->pos = -1;
    err->where[0] = '\0';
    err->msg[0] = '\0';
}
