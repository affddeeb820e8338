#ifndef REGPOLICY_CICUSHIMS_H
#define REGPOLICY_CICUSHIMS_H

// The only interface between Swift and ICU. Plain C types only: ICU's own headers rename every
// function with a version suffix and clash with Foundation's private ICU copy (docs/ARCHITECTURE.md
// "C libraries").

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum {
  RP_FORM_NFC = 0,
  RP_FORM_NFKC_CASEFOLD = 1,
};

/// Normalises UTF-8 text into `form`. Returns a malloc'd UTF-8 buffer (release with
/// rp_icu_free) and its length in *out_length, or NULL when the input is not valid UTF-8 or ICU
/// fails (*error then holds ICU's error code).
uint8_t *rp_icu_normalize(const uint8_t *bytes, size_t length, int32_t form, size_t *out_length, int32_t *error);
void rp_icu_free(uint8_t *buffer);

/// 1 when UTF-8 `bytes` are certainly in NFC already (every code point has NFC_Quick_Check=Yes and
/// canonical combining class 0), so normalising would change nothing; 0 when ICU must look.
/// Allocation-free: the common case (Latin text with ’, é, €) never leaves UTF-8.
int32_t rp_icu_is_nfc(const uint8_t *bytes, size_t length);

/// ICU's version string, e.g. "72.1".
const char *rp_icu_version(void);

#ifdef __cplusplus
}
#endif

#endif
