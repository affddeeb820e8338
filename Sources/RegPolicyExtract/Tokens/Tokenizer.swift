/// A lexer atom: a token before combining, with its vocabulary role (words) and how many
/// brackets are open before it. Twelve bytes, like `Token`.
struct Atom {
  var start: Int32
  var end: Int32
  var kind: Token.Kind
  var role: Vocabulary.Role?
  var depth: UInt16

  var range: Range<Int> { Int(start)..<Int(end) }
}

/// Splits normalised legal text (UTF-8 bytes, NFC, white space collapsed) into tokens that keep
/// legal units whole.
///
/// Two passes over bytes, never over `Character`: the lexer cuts words, numbers and punctuation;
/// the combiner joins the runs that make one legal unit — enumerators, number groups, citations,
/// instruments, Official Journal references, dates, amounts and percentages. The words that open
/// those units ("Article", "Regulation", "OJ", month names, "EUR") are listed in `Vocabulary` for
/// English, Dutch, German and French.
public enum Tokenizer {
  /// The tokens of `text`.
  public static func tokenize(_ text: String) -> [Token] {
    var copy = text
    return copy.withUTF8 { tokenize($0) }
  }

  /// The tokens of UTF-8 `bytes`.
  public static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
    Combiner(bytes: bytes, atoms: lex(bytes)).combine()
  }

  // MARK: Lexer

  /// Cuts `bytes` into words, numbers and punctuation; white space separates and is dropped.
  static func lex(_ bytes: UnsafeBufferPointer<UInt8>) -> [Atom] {
    var atoms: [Atom] = []
    atoms.reserveCapacity(bytes.count / 4 + 8)
    let n = bytes.count
    var depth: UInt16 = 0
    var i = 0
    while i < n {
      let byte = bytes[i]
      if byte == 0x20 || (byte &- 0x09) < 5 {
        i += 1
        continue
      }
      let start = i
      if isDigit(byte) {
        i = numberEnd(bytes, from: i)
        atoms.append(Atom(start: Int32(start), end: Int32(i), kind: .number, role: nil, depth: depth))
      } else if let length = letterLength(bytes, i) {
        i = wordEnd(bytes, from: i + length)
        atoms.append(
          Atom(start: Int32(start), end: Int32(i), kind: .word, role: Vocabulary.role(bytes, start..<i), depth: depth))
      } else {
        i = min(n, i + max(1, sequenceLength(byte)))
        atoms.append(Atom(start: Int32(start), end: Int32(i), kind: .punctuation, role: nil, depth: depth))
        if byte == UInt8(ascii: "(") {
          depth &+= 1
        } else if byte == UInt8(ascii: ")"), depth > 0 {
          depth -= 1
        }
      }
    }
    return atoms
  }

  /// Digits with inner '.', ',' or '/' before a digit ("4.5.2016", "2024/1689", "7,5"), then up to two
  /// lower-case letters glued on ("14a").
  private static func numberEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    let n = bytes.count
    var i = start
    while i < n {
      if isDigit(bytes[i]) {
        i += 1
      } else if bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ",") || bytes[i] == UInt8(ascii: "/"),
        i + 1 < n, isDigit(bytes[i + 1])
      {
        i += 1
      } else {
        break
      }
    }
    var letters = 0
    while i + letters < n, letters < 3, isLowerASCII(bytes[i + letters]) { letters += 1 }
    if letters > 0 && letters <= 2 && (i + letters == n || letterLength(bytes, i + letters) == nil) { i += letters }
    return i
  }

  /// Letters and digits, joined by an inner hyphen or apostrophe ("high-risk", "provider’s").
  private static func wordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    let n = bytes.count
    var i = start
    while i < n {
      let byte = bytes[i]
      if isAlphanumericASCII(byte) {
        i += 1
        while i < n && isAlphanumericASCII(bytes[i]) { i += 1 }
      } else if byte >= 0x80, let length = letterLength(bytes, i) {
        i += length
      } else if isDigit(bytes[i]) {
        i += 1
      } else if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "'"), i + 1 < n,
        letterLength(bytes, i + 1) != nil || isDigit(bytes[i + 1])
      {
        i += 1
      } else if bytes[i] == 0xE2, i + 3 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99,
        letterLength(bytes, i + 3) != nil
      {
        i += 3  // ’ (U+2019) as an apostrophe
      } else {
        break
      }
    }
    return i
  }

  /// The byte length of the letter starting at `i`, or nil when no letter starts there.
  @inline(__always)
  static func letterLength(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
    let byte = bytes[i]
    if byte < 0x80 { return isLetterASCII(byte) ? 1 : nil }
    let length = sequenceLength(byte)
    guard length > 1, i + length <= bytes.count else { return nil }
    switch byte {
    case 0xC2:
      return nil  // U+0080–U+00BF: Latin-1 signs and punctuation
    case 0xC3:
      return bytes[i + 1] == 0x97 || bytes[i + 1] == 0xB7 ? nil : 2  // × and ÷ are signs
    case 0xE2:
      return nil  // U+2000–U+2FFF: punctuation, currency, arrows, maths, box drawing
    default:
      return length  // Latin Extended, Greek, Cyrillic and every other script: letters
    }
  }

  @inline(__always) static func sequenceLength(_ lead: UInt8) -> Int {
    lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
  }

  // Range tests with wrapping subtraction: one comparison each.
  @inline(__always) static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }
  @inline(__always) static func isLowerASCII(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 }
  @inline(__always) static func isUpperASCII(_ byte: UInt8) -> Bool { byte &- 0x41 < 26 }
  @inline(__always) static func isLetterASCII(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }
  @inline(__always) static func isAlphanumericASCII(_ byte: UInt8) -> Bool { isLetterASCII(byte) || isDigit(byte) }
}
