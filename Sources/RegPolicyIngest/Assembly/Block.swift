import RegPolicyModel

/// Format-neutral content of a provision body, as a reader finds it. Every reader turns its markup
/// into blocks and `Assembler` turns blocks into provisions, so the same legal structure gets the
/// same pinpoint IDs whatever the markup.
indirect enum Block {
  /// A run of text: a subparagraph, a chapeau, a wrap-up sentence.
  case text(TextBlock)
  /// A list item: "(a)", "1.", "(iv)", "—". Its own text is the first text block of `body`.
  case item(number: String, source: Int, body: [Block])
  /// A numbered paragraph ("1.", "2a."). Its own text is the first text block of `body`.
  case paragraph(number: String, source: Int, body: [Block])
  /// A titled group inside an annex ("Section A", "Part 2", "1. Introduction").
  case group(
    kind: ProvisionKind, prefix: PinpointID.Prefix, number: String, heading: String?, source: Int,
    body: [Block])
}

/// Raw text of one block, before normalisation.
struct TextBlock {
  var bytes: [UInt8] = []
  /// Byte offset in the source file where the block starts.
  var source: Int
  /// Amendment markers found in the block (consolidated texts).
  var markers: [String] = []
  /// Set while a footnote call-out's opening bracket was dropped and its closing one is due.
  var dropsClosingBracket = false
}

/// Helpers for the numbers printed in front of list items and paragraphs.
enum Numbering {
  /// Whether `text` (trimmed) looks like a list-item number: "(a)", "(iv)", "1.", "(1)", "1.1.",
  /// "(aa)", "3a", "1)", "a)", "—", "–", "-", "•".
  static func isItemNumber<Bytes: Collection<UInt8>>(_ text: Bytes) -> Bool {
    let bytes = trimmed(text)
    if isDash(bytes) { return true }
    guard !bytes.isEmpty, bytes.count <= 12 else { return false }
    var index = 0
    var open = false
    if bytes[0] == UInt8(ascii: "(") {
      open = true
      index = 1
    }
    var alphanumerics = 0
    while index < bytes.count,
      isAlphanumeric(bytes[index]) || bytes[index] == UInt8(ascii: ".") && alphanumerics > 0
    {
      if bytes[index] != UInt8(ascii: ".") { alphanumerics += 1 }
      index += 1
    }
    guard alphanumerics > 0 else { return false }
    if open {
      guard index < bytes.count, bytes[index] == UInt8(ascii: ")") else { return false }
      index += 1
    } else if index < bytes.count, bytes[index] == UInt8(ascii: ")") {
      // "1)", "a)": the Dutch and German style.
      index += 1
      return index == bytes.count && alphanumerics <= 4
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") { index += 1 }
    // A bare word ("Article") is not a number: without brackets require a digit or a trailing dot.
    if !open && !bytes.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
      && bytes.last != UInt8(ascii: ".")
    {
      return false
    }
    if !open && alphanumerics > 4 { return false }
    return index == bytes.count
  }

  /// "(a)" → "a", "1." → "1", "1.1." → "1.1", "(iv)" → "iv".
  static func clean(_ text: String) -> String {
    var bytes = trimmed(Array(text.utf8))
    if bytes.first == UInt8(ascii: "(") { bytes.removeFirst() }
    while let last = bytes.last, last == UInt8(ascii: ".") || last == UInt8(ascii: ")") {
      bytes.removeLast()
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Whether the item number is a dash (an indent, not a point).
  static func isDash<Bytes: Collection<UInt8>>(_ text: Bytes) -> Bool {
    let bytes = Array(text)
    // — U+2014, – U+2013, - , • U+2022
    return bytes == [0xE2, 0x80, 0x94] || bytes == [0xE2, 0x80, 0x93] || bytes == [0x2D]
      || bytes == [0xE2, 0x80, 0xA2]
  }

  /// Splits a leading list-item number off a text: "1. Richtlijn …" → ("1.", "Richtlijn …").
  static func splitItemNumber(_ raw: [UInt8]) -> (number: String, rest: [UInt8])? {
    let bytes = trimmed(raw)
    guard let end = bytes.firstIndex(where: { isSpace($0) || $0 == 0xC2 }), end > 0,
      isItemNumber(bytes[..<end])
    else { return nil }
    return (String(decoding: bytes[..<end], as: UTF8.self), Array(bytes[end...]))
  }

  /// Splits a leading paragraph number off a text: "1.   The following…" → ("1", "The following…").
  /// Accepts "12.", "2a.", "1 ." forms; the number must be followed by white space.
  static func splitParagraphNumber(_ raw: [UInt8]) -> (number: String, rest: [UInt8])? {
    let bytes = stripQuote(raw)
    let start = bytes.startIndex
    var index = start
    while index < bytes.count,
      bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")
    { index += 1 }
    guard index > start else { return nil }
    while index < bytes.count,
      bytes[index] >= UInt8(ascii: "a") && bytes[index] <= UInt8(ascii: "z"), index - start < 6
    {
      index += 1
    }
    guard index < bytes.count, bytes[index] == UInt8(ascii: ".") else { return nil }
    let number = String(decoding: bytes[start..<index], as: UTF8.self)
    index += 1
    guard index == bytes.count || isSpace(bytes[index]) || bytes[index] == 0xC2 else { return nil }
    return (number, Array(bytes[index...]))
  }

  /// Drops an opening quotation mark (‘ “ ' ") that a quoted amendment puts before a number.
  static func stripQuote<Bytes: Collection<UInt8>>(_ text: Bytes) -> [UInt8] {
    var bytes = trimmed(text)
    if bytes.starts(with: [0xE2, 0x80, 0x98]) || bytes.starts(with: [0xE2, 0x80, 0x9C]) {
      bytes.removeFirst(3)
    } else if bytes.first == UInt8(ascii: "'") || bytes.first == UInt8(ascii: "\"") {
      bytes.removeFirst()
    }
    return bytes
  }

  /// Whether the bytes hold nothing but white space (ASCII or U+00A0), without copying them.
  static func isBlank(_ bytes: [UInt8]) -> Bool {
    var index = 0
    while index < bytes.count {
      if isSpace(bytes[index]) {
        index += 1
      } else if bytes[index] == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
        index += 2
      } else {
        return false
      }
    }
    return true
  }

  /// Drops trailing white space, including U+00A0.
  static func trimmedEnd(_ bytes: [UInt8]) -> [UInt8] {
    var bytes = bytes
    while true {
      if let last = bytes.last, isSpace(last) {
        bytes.removeLast()
      } else if bytes.count >= 2, bytes[bytes.count - 2] == 0xC2, bytes[bytes.count - 1] == 0xA0 {
        bytes.removeLast(2)
      } else {
        return bytes
      }
    }
  }

  static func trimmed<Bytes: Collection<UInt8>>(_ text: Bytes) -> [UInt8] {
    let bytes = Array(text)
    var start = 0
    var end = bytes.count
    while start < end {
      if isSpace(bytes[start]) {
        start += 1
      } else if start + 1 < end, bytes[start] == 0xC2, bytes[start + 1] == 0xA0 {
        start += 2
      } else {
        break
      }
    }
    while end > start {
      if isSpace(bytes[end - 1]) {
        end -= 1
      } else if end - 2 >= start, bytes[end - 2] == 0xC2, bytes[end - 1] == 0xA0 {
        end -= 2
      } else {
        break
      }
    }
    return start == 0 && end == bytes.count ? bytes : Array(bytes[start..<end])
  }

  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
  }

  static func isAlphanumeric(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
      || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
  }
}
