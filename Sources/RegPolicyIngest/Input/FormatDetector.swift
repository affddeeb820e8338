import CXMLShims
import RegPolicyModel

/// Recognises a source format from the content, never from the file name.
enum FormatDetector {
  /// What the bytes look like; nil when they match no known format.
  static func detect(_ bytes: [UInt8]) -> Detected? {
    let head = bytes.prefix(8192)
    guard
      let first = head.firstIndex(where: {
        !Numbering.isSpace($0) && $0 != 0xEF && $0 != 0xBB && $0 != 0xBF
      })
    else { return nil }
    if bytes[first] == UInt8(ascii: "{") || bytes[first] == UInt8(ascii: "[") { return .json }
    guard bytes[first] == UInt8(ascii: "<") else { return nil }
    if let root = rootElement(head) {
      switch root {
      case "ACT", "CONS.ACT", "ANNEX", "CONS.ANNEX": return .format(.formex)
      case "DOC": return .formexDescriptor
      case "akomaNtoso": return .format(.akn4eu)
      case "catalog": return .format(.oscal)
      default: break
      }
    }
    // Pages before 2011 hold the act in a <TXT_TE> element, found in their first kilobytes: asked
    // first, so they are not scanned for every other generation's classes.
    if contains(bytes.prefix(1 << 14), "<TXT_TE>") { return .format(.eurlexHTML) }
    // OJ pages carry `oj-` classes from the masthead on; consolidated pages open with their own
    // header classes. Both appear within the first few kilobytes of the body.
    let start = bytes.prefix(1 << 17)
    // OJ pages of 2011–2014 have the same classes without the prefix (`hd-oj`, `ti-art`, `normal`).
    if contains(start, "class=\"oj-") || contains(start, "class=\"hd-oj\"") || contains(start, "class=\"ti-art\"") {
      return .format(.eurlexHTML)
    }
    if contains(start, "title-doc-first") || contains(start, "hd-modifiers")
      || contains(start, "class=\"norm\"")
    {
      return .format(.eurlexConsolidatedHTML)
    }
    // Early consolidated pages have no class at all; their title says what they are
    // ("Consolidated TEXT: 31995L0046 — EN — 20.11.2003", "TEXTE consolidé: …").
    if !contains(start, "class=") && contains(head, "onsolid") { return .format(.eurlexConsolidatedHTML) }
    // Commission proposals: article titles `Titrearticle`, or (2022 style) `ManualHeadingN` after
    // the acting institution's formula.
    if contains(bytes[...], "class=\"Titrearticle\"") || contains(bytes[...], "class=\"Institutionquiagit\"") {
      return .format(.commissionHTML)
    }
    if contains(head, "<html") || contains(head, "<HTML") || contains(head, "<!DOCTYPE html") {
      return .format(.eurlexHTML)
    }
    return nil
  }

  enum Detected: Equatable {
    case format(SourceFormat)
    /// A Formex package descriptor (`….doc.fmx.xml`): the act and its annexes are separate files.
    case formexDescriptor
    case json
  }

  /// The local name of the first element, skipping the XML declaration, comments, DOCTYPE and PIs.
  static func rootElement<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String?
  where Bytes.Index == Int {
    var index = bytes.startIndex
    while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
      let next = open + 1
      guard next < bytes.endIndex else { return nil }
      let marker = bytes[next]
      if marker == UInt8(ascii: "?") || marker == UInt8(ascii: "!") {
        index = next
        continue
      }
      var end = next
      while end < bytes.endIndex, !Numbering.isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">"),
        bytes[end] != UInt8(ascii: "/")
      {
        end += 1
      }
      var name = String(decoding: bytes[next..<end], as: UTF8.self)
      if let colon = name.lastIndex(of: ":") { name = String(name[name.index(after: colon)...]) }
      return name
    }
    return nil
  }

  /// The first occurrence of `needle` at or after `start`.
  static func firstRange(of needle: String, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int>? {
    let pattern = Array(needle.utf8)
    guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
    var index = start
    while index <= bytes.count - pattern.count {
      if bytes[index] == pattern[0] && bytes[index..<index + pattern.count].elementsEqual(pattern) {
        return index..<index + pattern.count
      }
      index += 1
    }
    return nil
  }

  /// The last occurrence of `needle`.
  static func lastRange(of needle: String, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
    let pattern = Array(needle.utf8)
    guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
    var index = bytes.count - pattern.count
    while index >= 0 {
      if bytes[index] == pattern[0] && bytes[index..<index + pattern.count].elementsEqual(pattern) {
        return index..<index + pattern.count
      }
      index -= 1
    }
    return nil
  }

  /// Substring search on bytes.
  static func contains(_ bytes: ArraySlice<UInt8>, _ needle: String) -> Bool {
    let pattern = Array(needle.utf8)
    guard !pattern.isEmpty, bytes.count >= pattern.count else { return false }
    return bytes.withUnsafeBufferPointer { haystack in
      pattern.withUnsafeBufferPointer { needle in
        rp_contains_bytes(haystack.baseAddress, haystack.count, needle.baseAddress, needle.count) != 0
      }
    }
  }

}
