import CICUShims

/// Text normalisation, the one place ICU is used (before tokenizing, never per token).
///
/// Stored text: NFC, whitespace runs collapsed to one space and trimmed, soft hyphens and
/// zero-width characters removed, no-break and other fixed-width spaces made plain.
/// Match keys: NFKC_Casefold of the stored text.
public enum Normalizer {
  /// Normalises raw UTF-8 bytes from a source into stored text.
  public static func normalize<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    let nonASCII = collapse(bytes, into: &out)
    if !nonASCII { return String(decoding: out, as: UTF8.self) }
    return icu(out, form: Int32(RP_FORM_NFC)) ?? String(decoding: out, as: UTF8.self)
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

  /// Collapses whitespace and drops invisible characters; returns whether any non-ASCII byte remains.
  /// Works on UTF-8 bytes: the characters handled are all 2- or 3-byte sequences.
  @inline(__always)
  static func collapse<Bytes: Collection<UInt8>>(_ bytes: Bytes, into out: inout [UInt8]) -> Bool {
    var pendingSpace = false
    var nonASCII = false
    var index = bytes.startIndex
    @inline(__always) func emit(_ byte: UInt8) {
      if pendingSpace {
        if !out.isEmpty { out.append(0x20) }
        pendingSpace = false
      }
      out.append(byte)
    }
    while index != bytes.endIndex {
      let byte = bytes[index]
      bytes.formIndex(after: &index)
      switch byte {
      case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B:
        pendingSpace = true
      case 0xC2 where index != bytes.endIndex:
        let next = bytes[index]
        if next == 0xA0 {  // U+00A0 no-break space
          pendingSpace = true
          bytes.formIndex(after: &index)
        } else if next == 0xAD {  // U+00AD soft hyphen
          bytes.formIndex(after: &index)
        } else {
          nonASCII = true
          emit(byte)
        }
      case 0xE2, 0xEF:
        // Three-byte sequences: fixed-width spaces U+2000–U+200A, U+202F, U+205F become spaces;
        // zero-width U+200B–U+200D, U+2060 and the BOM U+FEFF are dropped.
        var lookahead = index
        guard lookahead != bytes.endIndex else {
          nonASCII = true
          emit(byte)
          continue
        }
        let second = bytes[lookahead]
        bytes.formIndex(after: &lookahead)
        guard lookahead != bytes.endIndex else {
          nonASCII = true
          emit(byte)
          continue
        }
        let third = bytes[lookahead]
        bytes.formIndex(after: &lookahead)
        let scalar = UInt32(byte & 0x0F) << 12 | UInt32(second & 0x3F) << 6 | UInt32(third & 0x3F)
        switch scalar {
        case 0x2000...0x200A, 0x202F, 0x205F:
          pendingSpace = true
          index = lookahead
        case 0x200B...0x200D, 0x2060, 0xFEFF:
          index = lookahead
        default:
          nonASCII = true
          emit(byte)
        }
      default:
        if byte >= 0x80 { nonASCII = true }
        emit(byte)
      }
    }
    return nonASCII
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
