import CICUShims

/// Text normalisation, the one place ICU is used (before tokenizing, never per token).
///
/// Stored text: NFC, whitespace runs collapsed to one space and trimmed, soft hyphens and
/// zero-width characters removed, no-break and other fixed-width spaces made plain.
/// Match keys: NFKC_Casefold of the stored text.
public enum Normalizer {
  /// Normalises raw UTF-8 bytes from a source into stored text.
  public static func normalize<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
    guard let result = bytes.withContiguousStorageIfAvailable(normalize) else {
      return Array(bytes).withUnsafeBufferPointer(normalize)
    }
    return result
  }

  /// Collapses straight into the string's storage; ICU only sees text that is not already NFC.
  private static func normalize(_ input: UnsafeBufferPointer<UInt8>) -> String {
    var normalized = true
    let collapsed = String(unsafeUninitializedCapacity: input.count) { buffer in
      let (count, check) = collapse(input, into: buffer)
      if check { normalized = rp_icu_is_nfc(buffer.baseAddress, count) != 0 }
      return count
    }
    if normalized { return collapsed }
    return icu(Array(collapsed.utf8), form: Int32(RP_FORM_NFC)) ?? collapsed
  }

  /// Normalises a Swift string (e.g. an attribute value or a heading) the same way.
  public static func normalize(_ text: String) -> String { normalize(Array(text.utf8)) }

  /// The key two texts are compared by when matching (headings, references): NFKC_Casefold.
  public static func matchKey(_ text: String) -> String {
    let bytes = Array(text.utf8)
    return icu(bytes, form: Int32(RP_FORM_NFKC_CASEFOLD)) ?? text.lowercased()
  }

  /// ICU's version, for benchmark records.
  public static var icuVersion: String { String(cString: rp_icu_version()) }

  /// Collapses whitespace and drops invisible characters; returns whether the output needs ICU's
  /// NFC check. It does not when every character is ASCII, in U+0080–U+02FF (lead bytes C2–CB:
  /// the accented Latin letters) or in U+2002–U+203F (dashes, quotes): all NFC_Quick_Check=Yes
  /// with combining class 0. Works on UTF-8 bytes: the characters handled are all 2- or 3-byte
  /// sequences. The output is never longer than the input, so `buffer` needs the input's size.
  static func collapse(_ input: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>)
    -> (count: Int, checkNFC: Bool)
  {
    var checkNFC = false
    var w = 0
    var pendingSpace = false
    var i = 0
    let n = input.count
    while i < n {
      let byte = input[i]
      // Fast paths: runs of printable ASCII are copied, runs of ASCII white space skipped.
      if byte > 0x20 && byte < 0x80 {
        if pendingSpace {
          if w > 0 {
            buffer[w] = 0x20
            w += 1
          }
          pendingSpace = false
        }
        var next = byte
        repeat {
          buffer[w] = next
          w += 1
          i += 1
          guard i < n else { break }
          next = input[i]
        } while next > 0x20 && next < 0x80
        continue
      }
      if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
        pendingSpace = true
        i += 1
        while i < n, input[i] == 0x20 || (input[i] >= 0x09 && input[i] <= 0x0D) { i += 1 }
        continue
      }
      var length = 1  // bytes of input consumed
      var keep = true  // copy them to the output
      var plain = byte < 0xCC  // ASCII, a continuation byte, or the lead of U+0080–U+02FF
      switch byte {
      case 0xC2 where i + 1 < n && (input[i + 1] == 0xA0 || input[i + 1] == 0xAD):
        // U+00A0 no-break space becomes a space; U+00AD soft hyphen goes.
        pendingSpace = pendingSpace || input[i + 1] == 0xA0
        length = 2
        keep = false
      case 0xE2 where i + 2 < n && input[i + 1] & 0xC0 == 0x80 && input[i + 2] & 0xC0 == 0x80,
        0xEF where i + 2 < n && input[i + 1] & 0xC0 == 0x80 && input[i + 2] & 0xC0 == 0x80:
        // Fixed-width spaces U+2000–U+200A, U+202F, U+205F become spaces; zero-width U+200B–U+200D,
        // U+2060 and the BOM U+FEFF go.
        let scalar = UInt32(byte & 0x0F) << 12 | UInt32(input[i + 1] & 0x3F) << 6 | UInt32(input[i + 2] & 0x3F)
        switch scalar {
        case 0x2000...0x200A, 0x202F, 0x205F:
          pendingSpace = true
          length = 3
          keep = false
        case 0x200B...0x200D, 0x2060, 0xFEFF:
          length = 3
          keep = false
        case 0x2002...0x203F:
          plain = true
        default:
          break
        }
      default:
        break
      }
      if keep {
        if pendingSpace {
          if w > 0 {
            buffer[w] = 0x20
            w += 1
          }
          pendingSpace = false
        }
        if !plain { checkNFC = true }
        buffer[w] = byte
        w += 1
      }
      i += length
    }
    return (w, checkNFC)
  }

  private static func icu(_ bytes: [UInt8], form: Int32) -> String? {
    var length = 0
    var error: Int32 = 0
    let result = bytes.withUnsafeBufferPointer {
      rp_icu_normalize($0.baseAddress, $0.count, form, &length, &error)
    }
    guard let result else { return nil }
    defer { rp_icu_free(result) }
    return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
  }
}
