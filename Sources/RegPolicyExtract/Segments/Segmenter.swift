/// A sentence of a provision's text and the clauses it splits into at semicolons; byte ranges.
public struct Sentence: Hashable, Sendable {
  public var range: Range<Int>
  public var clauses: [Range<Int>]
}

/// Splits normalised text into sentences and clauses. Works on tokens, so full stops inside legal
/// units ("Art. 5", "OJ L 119, 4.5.2016, p. 1", "7.5") never end a sentence; abbreviations that the
/// tokenizer leaves as words ("e.g.", "i.e.", "cf.", "No.", "z.B.", "blz.") do not either.
public enum Segmenter {
  /// The sentences of `text`.
  public static func sentences(_ text: String) -> [Sentence] {
    var copy = text
    return copy.withUTF8 { sentences($0, tokens: Tokenizer.tokenize($0)) }
  }

  /// The sentences of UTF-8 `bytes`, given their tokens.
  public static func sentences(_ bytes: UnsafeBufferPointer<UInt8>, tokens: [Token]) -> [Sentence] {
    var result: [Sentence] = []
    var sentenceStart: Int?
    var clauses: [Range<Int>] = []
    var clauseStart: Int?

    func close(at end: Int) {
      if let start = clauseStart, start < end { clauses.append(start..<end) }
      if let start = sentenceStart, start < end { result.append(Sentence(range: start..<end, clauses: clauses)) }
      sentenceStart = nil
      clauseStart = nil
      clauses = []
    }

    // A sentence that ended at a stop takes the closing quotes and brackets glued to it
    // ("… into account.’") before it is closed.
    var pendingEnd: (end: Int, lastToken: Int)?
    for (index, token) in tokens.enumerated() {
      if let pending = pendingEnd {
        if index <= pending.lastToken { continue }
        close(at: pending.end)
        pendingEnd = nil
      }
      if sentenceStart == nil { sentenceStart = Int(token.start) }
      if clauseStart == nil { clauseStart = Int(token.start) }
      guard token.kind == .punctuation, token.end - token.start == 1 else { continue }
      switch bytes[Int(token.start)] {
      case UInt8(ascii: ";"):
        if let start = clauseStart { clauses.append(start..<Int(token.end)) }
        clauseStart = nil
      case UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"):
        if isBoundary(bytes, tokens, at: index) { pendingEnd = closersEnd(bytes, tokens, after: index) }
      default:
        break
      }
    }
    if let pending = pendingEnd {
      close(at: pending.end)
    } else if let last = tokens.last {
      close(at: Int(last.end))
    }
    return result
  }

  /// The end of the stop at `index` and of the closing quotes and brackets glued after it, with
  /// the index of the last token taken.
  private static func closersEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], after index: Int)
    -> (end: Int, lastToken: Int)
  {
    var last = index
    while last + 1 < tokens.count, tokens[last + 1].start == tokens[last].end, isCloser(bytes, tokens[last + 1]) {
      last += 1
    }
    // A quoted sentence inside a sentence ends both: "… into account.’."
    if last > index, last + 1 < tokens.count, tokens[last + 1].start == tokens[last].end,
      bytes[tokens[last + 1].range].elementsEqual(".".utf8)
    {
      last += 1
    }
    return (Int(tokens[last].end), last)
  }

  /// ’ ” ) " ' »
  private static func isCloser(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
    guard token.kind == .punctuation else { return false }
    let text = bytes[token.range]
    return text.elementsEqual([0xE2, 0x80, 0x99]) || text.elementsEqual([0xE2, 0x80, 0x9D])
      || text.elementsEqual([0xC2, 0xBB]) || text.elementsEqual(")".utf8) || text.elementsEqual("\"".utf8)
      || text.elementsEqual("'".utf8)
  }

  /// Whether the full stop (or ?, !) at `index` ends a sentence: not after an abbreviation, and
  /// followed by the end of the text or by what starts a sentence (a capital, a digit, a quote or
  /// an opening bracket).
  private static func isBoundary(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], at index: Int) -> Bool {
    if bytes[Int(tokens[index].start)] == UInt8(ascii: "."), index > 0, tokens[index - 1].end == tokens[index].start,
      tokens[index - 1].kind == .word
    {
      let word = bytes[tokens[index - 1].range]
      // "e.g.", "i.e.", "z.B.": a one-letter word glued to a full stop before it.
      if word.count <= 2, index >= 2, tokens[index - 2].end == tokens[index - 1].start,
        bytes[Int(tokens[index - 2].start)] == UInt8(ascii: ".")
      {
        return false
      }
      if abbreviations.contains(where: { word.elementsEqual($0) }) { return false }
      // The first stop of "z.B.", "d.h.": a one-letter word glued on, then another stop.
      if word.count <= 2, index + 2 < tokens.count, tokens[index + 1].start == tokens[index].end,
        tokens[index + 1].end - tokens[index + 1].start == 1, tokens[index + 2].start == tokens[index + 1].end,
        bytes[Int(tokens[index + 2].start)] == UInt8(ascii: ".")
      {
        return false
      }
    }
    let after = closersEnd(bytes, tokens, after: index).lastToken + 1
    guard after < tokens.count else { return true }
    let next = bytes[Int(tokens[after].start)]
    if Tokenizer.isLowerASCII(next) { return false }  // "… bijv. artikel 5", "… etc. and"
    if next == UInt8(ascii: ",") || next == UInt8(ascii: ";") || next == UInt8(ascii: ":") { return false }
    if Tokenizer.isUpperASCII(next) || Tokenizer.isDigit(next) || next == UInt8(ascii: "(") || next == 0xE2
      || next >= 0xC3
    {
      return true
    }
    return tokens[after].kind != .word
  }

  /// Words that a full stop abbreviates in legal texts (the tokenizer already keeps "Art. 5",
  /// "No 765/2008" and "p. 1" inside their units).
  private static let abbreviations: [[UInt8]] = [
    "e", "i", "cf", "Art", "art", "No", "Nr", "nr", "p", "pp", "para", "paras", "Vol", "vol", "blz", "bzw", "ca",
    "resp", "viz", "vs", "Mr", "Mrs", "Dr", "St", "nos", "Nos", "ff", "op", "cit", "ibid", "Abs", "Buchst", "Unterabs",
    "bijv", "bv", "vgl", "zgn", "ggf", "sog", "usw", "enz",
  ].map { Array($0.utf8) }
}
