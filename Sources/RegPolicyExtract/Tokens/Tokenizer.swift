/// A lexer atom: a token before combining, with its vocabulary role (words) and flags. Twelve
/// bytes, like `Token`.
struct Atom {
  var start: Int32
  var end: Int32
  var kind: Token.Kind
  var role: Vocabulary.Role?
  var flags: UInt8

  /// Inside brackets: "a)" there closes a bracket, it is no enumerator.
  static let bracketed: UInt8 = 1
  /// A legal unit may start here (`Combiner.unit(at:)` is asked): a number, an opening bracket, a
  /// euro sign, a word that opens a unit or that a closing bracket follows ("a)").
  static let mayOpen: UInt8 = 2

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

  /// The tokens of UTF-8 `bytes`, which must be shorter than 2 GiB (token offsets are 32-bit).
  public static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
    precondition(bytes.count < Int32.max, "text too long to tokenize")
    return withUnsafeTemporaryAllocation(of: Atom.self, capacity: bytes.count) { atoms in
      let count = lex(bytes, into: atoms)
      return Combiner(bytes: bytes, atoms: UnsafeBufferPointer(rebasing: atoms[..<count])).combine()
    }
  }

  // MARK: Lexer

  /// Cuts `bytes` into words, numbers and punctuation; white space separates and is dropped.
  /// One pass, one table read per byte: the byte's class decides what follows. `atoms` must have
  /// room for one atom per byte; returns how many were written.
  static func lex(_ bytes: UnsafeBufferPointer<UInt8>, into atoms: UnsafeMutableBufferPointer<Atom>) -> Int {
    let n = bytes.count
    let table = Vocabulary.table
    let classes = ByteClass.table
    var count = 0
    var depth = 0
    var i = 0
    while i < n {
      let byte = bytes[i]
      let kind = classes[Int(byte)]
      if kind == ByteClass.space {
        i &+= 1
        continue
      }
      let start = i
      var atomKind = Token.Kind.punctuation
      var role: Vocabulary.Role? = nil
      var flags = depth > 0 ? Atom.bracketed : 0
      if kind == ByteClass.digit {
        i = numberEnd(bytes, from: i)
        atomKind = .number
        flags |= Atom.mayOpen
      } else if kind & ByteClass.letter != 0, let length = letterLength(bytes, i) {
        // An ASCII word's first eight bytes are read once: to find where it ends and as its key
        // in the vocabulary.
        var prefix: UInt64
        if length == 1 && i &+ 8 <= n, let base = bytes.baseAddress {
          let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
          let other = nonAlphanumericMask(word)
          if other != 0 {
            let wordLength = other.trailingZeroBitCount &>> 3
            i &+= wordLength
            prefix = word & ((1 &<< UInt64(wordLength &* 8)) &- 1)
          } else {
            i = alphanumericEnd(bytes, from: i &+ 8, classes)
            prefix = word
          }
        } else {
          i = alphanumericEnd(bytes, from: i &+ length, classes)
          prefix = WordTable.prefix(bytes, start..<i)
        }
        if i < n && classes[Int(bytes[i])] & ByteClass.continuation != 0 {
          let end = wordEnd(bytes, from: i, classes)
          if end != i {
            i = end
            prefix = WordTable.prefix(bytes, start..<i)
          }
        }
        role = Vocabulary.Role(
          rawValue: UInt8(truncatingIfNeeded: table.value(bytes, start..<i, prefix: prefix) &- 1))
        atomKind = .word
        if let role, role.rawValue <= Vocabulary.Role.currency.rawValue { flags |= Atom.mayOpen }
      } else {
        i = min(n, i &+ max(1, sequenceLength(byte)))
        if byte == UInt8(ascii: "(") || byte == 0xE2 {
          flags |= Atom.mayOpen
        } else if byte == UInt8(ascii: ")") && count > 0 && Int(atoms[count &- 1].end) == start {
          atoms[count &- 1].flags |= Atom.mayOpen
        }
      }
      atoms.initializeElement(
        at: count,
        to: Atom(
          start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: i), kind: atomKind, role: role,
          flags: flags))
      count &+= 1
      if byte == UInt8(ascii: "(") {
        depth += 1
      } else if byte == UInt8(ascii: ")"), depth > 0 {
        depth -= 1
      }
    }
    return count
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

  /// The end of the run of ASCII letters and digits at `start`, eight bytes at a time.
  @inline(__always)
  static func alphanumericEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ classes: ByteClass.Table) -> Int {
    var i = start
    let n = bytes.count
    guard let base = bytes.baseAddress else { return i }
    while i &+ 8 <= n {
      let other = nonAlphanumericMask(UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)))
      if other != 0 { return i &+ other.trailingZeroBitCount &>> 3 }
      i &+= 8
    }
    while i < n && classes[Int(bytes[i])] & ByteClass.alphanumericASCII != 0 { i &+= 1 }
    return i
  }

  /// The high bit of each byte of `word` (eight bytes of text, little-endian) that is not an ASCII
  /// letter or digit; the lowest set bit is where a run of them ends.
  @inline(__always)
  static func nonAlphanumericMask(_ word: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    // Each byte's low seven bits plus a bias sets its high bit exactly when the byte is at least
    // the bias's complement; no carry crosses into the next byte.
    let low = word & ~highs
    let folded = low | (0x20 &* ones)
    let letter = (folded &+ (0x80 &- 0x61) &* ones) & ~(folded &+ (0x80 &- 0x7B) &* ones)
    let digit = (low &+ (0x80 &- 0x30) &* ones) & ~(low &+ (0x80 &- 0x3A) &* ones)
    return ~((letter | digit) & ~word) & highs
  }

  /// Letters and digits, joined by an inner hyphen or apostrophe ("high-risk", "provider’s").
  private static func wordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ classes: ByteClass.Table)
    -> Int
  {
    let n = bytes.count
    var i = start
    while i < n {
      let byte = bytes[i]
      let kind = classes[Int(byte)]
      if kind & ByteClass.alphanumericASCII != 0 {
        i += 1
      } else if kind & ByteClass.letter != 0, let length = letterLength(bytes, i) {
        i += length
      } else if kind == ByteClass.joiner, i + 1 < n, letterLength(bytes, i + 1) != nil || isDigit(bytes[i + 1]) {
        i += 1
      } else if byte == 0xE2, i + 3 < n, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99, letterLength(bytes, i + 3) != nil {
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

/// What each byte can start or continue, read from one 256-entry table.
enum ByteClass {
  typealias Table = UnsafePointer<UInt8>

  static let space: UInt8 = 1
  static let digit: UInt8 = 2 | alphanumericASCII
  /// An ASCII letter, or a lead byte that may open a letter (`Tokenizer.letterLength` decides).
  static let letter: UInt8 = 4
  static let alphanumericASCII: UInt8 = 8
  /// A hyphen or apostrophe, which joins two words into one.
  static let joiner: UInt8 = 16 | continuation
  /// A byte other than an ASCII letter or digit that may continue a word (a joiner, a lead byte).
  static let continuation: UInt8 = 32

  /// Built once, never freed.
  nonisolated(unsafe) static let table: Table = {
    let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
    for byte in 0..<256 {
      let value = UInt8(byte)
      table[byte] =
        switch value {
        case 0x20, 0x09...0x0D: space
        case 0x30...0x39: digit
        case 0x41...0x5A, 0x61...0x7A: letter | alphanumericASCII
        case UInt8(ascii: "-"), UInt8(ascii: "'"): joiner
        case 0xC3...0xDF, 0xE0, 0xE1, 0xE3...0xF4: letter | continuation
        case 0xE2: continuation  // ’ as an apostrophe
        default: 0
        }
    }
    return UnsafePointer(table)
  }()
}
