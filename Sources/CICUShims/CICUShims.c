// ICU normalisation behind a plain-C interface. See include/CICUShims.h.

#include "CICUShims.h"

#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

static const UNormalizer2 *instance(int32_t form, UErrorCode *status) {
  return form == RP_FORM_NFKC_CASEFOLD ? unorm2_getNFKCCasefoldInstance(status) : unorm2_getNFCInstance(status);
}

uint8_t *rp_icu_normalize(const uint8_t *bytes, size_t length, int32_t form, size_t *out_length, int32_t *error) {
  *out_length = 0;
  *error = 0;
  if (length > (size_t)(INT32_MAX / 4)) {
    *error = U_INDEX_OUTOFBOUNDS_ERROR;
    return NULL;
  }
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *normalizer = instance(form, &status);
  if (U_FAILURE(status)) goto fail;

  // UTF-8 → UTF-16. Invalid UTF-8 is an error here, never silently replaced.
  int32_t utf16_length = 0;
  u_strFromUTF8(NULL, 0, &utf16_length, (const char *)bytes, (int32_t)length, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) goto fail;
  status = U_ZERO_ERROR;
  UChar *utf16 = malloc(sizeof(UChar) * (size_t)(utf16_length + 1));
  if (utf16 == NULL) return NULL;
  u_strFromUTF8(utf16, utf16_length + 1, NULL, (const char *)bytes, (int32_t)length, &status);
  if (U_FAILURE(status)) {
    free(utf16);
    goto fail;
  }

  // Normalise; NFKC_Casefold can grow the text, so retry once with the size ICU asks for.
  int32_t capacity = utf16_length * 2 + 16;
  UChar *normalized = malloc(sizeof(UChar) * (size_t)capacity);
  if (normalized == NULL) {
    free(utf16);
    return NULL;
  }
  int32_t normalized_length = unorm2_normalize(normalizer, utf16, utf16_length, normalized, capacity, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    status = U_ZERO_ERROR;
    free(normalized);
    capacity = normalized_length + 1;
    normalized = malloc(sizeof(UChar) * (size_t)capacity);
    if (normalized == NULL) {
      free(utf16);
      return NULL;
    }
    normalized_length = unorm2_normalize(normalizer, utf16, utf16_length, normalized, capacity, &status);
  }
  free(utf16);
  if (U_FAILURE(status)) {
    free(normalized);
    goto fail;
  }

  // UTF-16 → UTF-8.
  int32_t utf8_length = 0;
  u_strToUTF8(NULL, 0, &utf8_length, normalized, normalized_length, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
    free(normalized);
    goto fail;
  }
  status = U_ZERO_ERROR;
  uint8_t *utf8 = malloc((size_t)utf8_length + 1);
  if (utf8 == NULL) {
    free(normalized);
    return NULL;
  }
  u_strToUTF8((char *)utf8, utf8_length + 1, NULL, normalized, normalized_length, &status);
  free(normalized);
  if (U_FAILURE(status)) {
    free(utf8);
    goto fail;
  }
  *out_length = (size_t)utf8_length;
  return utf8;

fail:
  *error = (int32_t)status;
  return NULL;
}

void rp_icu_free(uint8_t *buffer) { free(buffer); }

int32_t rp_icu_is_nfc(const uint8_t *bytes, size_t length) {
  if (length > (size_t)INT32_MAX) return 0;
  int32_t i = 0, n = (int32_t)length;
  while (i < n) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    UChar32 c;
    U8_NEXT(bytes, i, n, c);
    if (c < 0) return 0;  // invalid UTF-8: let the full path report it
    if (u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES) return 0;
    if (u_getCombiningClass(c) != 0) return 0;
  }
  return 1;
}

const char *rp_icu_version(void) {
  static char version[U_MAX_VERSION_STRING_LENGTH];
  UVersionInfo info;
  u_getVersion(info);
  u_versionToString(info, version);
  return version;
}
