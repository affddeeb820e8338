#ifndef REGPOLICY_CDIGESTSHIMS_H
#define REGPOLICY_CDIGESTSHIMS_H

// sha256 from OpenSSL's libcrypto behind a plain-C interface.

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

#ifdef __cplusplus
}
#endif

#endif
