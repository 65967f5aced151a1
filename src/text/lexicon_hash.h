/* lexicon_hash.h — the hash of the lexicon index, shared by the build-time
 * generator (tools/gen_lexicon.c, which lays out the table) and the lookup
 * (src/text/lexicon.c, which probes it): both must compute it bit for bit
 * alike, so it lives here once. Self-contained (no project headers) so the
 * host tool can include it.
 *
 * Keys are folded words of 1-64 bytes. Bytes are read little-endian in
 * 8-byte chunks whatever the machine, so a table generated on one host is
 * valid on any target; the final mix spreads every input bit over the 32
 * output bits (the low bits pick the slot, the high bits are the tag). */
#ifndef CHR_LEXICON_HASH_H
#define CHR_LEXICON_HASH_H

#include <stddef.h>
#include <stdint.h>

static inline uint32_t chr__lexicon_hash(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    uint64_t h = 0x9e3779b97f4a7c15u * (uint64_t)(n + 1);
    while (n >= 8) {
        uint64_t w = 0;
        for (int i = 7; i >= 0; i--)
            w = (w << 8) | p[i];
        h = (h ^ w) * 0xff51afd7ed558ccdu;
        h ^= h >> 32;
        p += 8;
        n -= 8;
    }
    uint64_t t = 0;
    for (size_t i = n; i > 0; i--)
        t = (t << 8) | p[i - 1];
    h = (h ^ t) * 0xc4ceb9fe1a85ec53u;
    h ^= h >> 29;
    h *= 0xbf58476d1ce4e5b9u;
    h ^= h >> 32;
    return (uint32_t)h;
}

#endif
