// sha256 through OpenSSL's libcrypto. See include/CDigestShims.h.
//
// The SHA256_* functions are used rather than EVP: EVP makes OpenSSL 3 load its provider and
// configuration on first use, about a millisecond of every process's start-up for one digest.

#define OPENSSL_API_COMPAT 10101  // SHA256_* are deprecated in 3.0 but kept, and exactly what we need
#include "CDigestShims.h"

#include <openssl/sha.h>
#include <stdlib.h>

struct rp_sha256 {
  SHA256_CTX context;
};

rp_sha256 *rp_sha256_new(void) {
  rp_sha256 *digest = malloc(sizeof *digest);
  if (digest != NULL && SHA256_Init(&digest->context) != 1) {
    free(digest);
    return NULL;
  }
  return digest;
}

void rp_sha256_update(rp_sha256 *digest, const uint8_t *bytes, size_t length) {
  if (digest != NULL && length > 0) SHA256_Update(&digest->context, bytes, length);
}

void rp_sha256_finish(rp_sha256 *digest, uint8_t out[32]) {
  if (digest == NULL) return;
  SHA256_Final(out, &digest->context);
  free(digest);
}

void rp_sha1(const uint8_t *bytes, size_t length, uint8_t out[20]) { SHA1(bytes, length, out); }
