// Carries OpenSSL libcrypto's pkg-config flags to CDigestShims. Swift code never imports this module.
#define OPENSSL_API_COMPAT 10101
#include <openssl/sha.h>
