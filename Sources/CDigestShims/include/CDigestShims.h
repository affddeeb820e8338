#ifndef REGPOLICY_CDIGESTSHIMS_H
#define REGPOLICY_CDIGESTSHIMS_H

// sha256 (and sha1, for UUIDs v5) from OpenSSL's libcrypto behind a plain-C interface.

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An incremental sha256 (for a Formex package: the files in order).
typedef struct rp_sha256 rp_sha256;

rp_sha256 *rp_sha256_new(void);
void rp_sha256_update(rp_sha256 *digest, const uint8_t *bytes, size_t length);
/// Writes the 32-byte digest and frees `digest`.
void rp_sha256_finish(rp_sha256 *digest, uint8_t out[32]);

/// sha1 of `length` bytes into `out`: only for name-based (version 5) UUIDs, which RFC 9562 defines
/// with SHA-1; never for integrity.
void rp_sha1(const uint8_t *bytes, size_t length, uint8_t out[20]);

#ifdef __cplusplus
}
#endif

#endif
