/// A token of normalised legal text: a byte range of the UTF-8 text and what it is.
public struct Token: Hashable, Sendable {
  /// What a token is. Legal units (citations, instruments, OJ references, dates, amounts) are
  /// single tokens, so later stages never see "Article", "6", "(", "1", ")" apart.
  public enum Kind: UInt8, Sendable, CaseIterable {
    /// Letters, with inner hyphens and apostrophes ("high-risk", "provider’s", "Straße").
    case word
    /// Digits, with inner separators ("2024", "1.1", "0.5").
    case number
    /// One punctuation character (ASCII or a General Punctuation sign such as ‘ ’ – —).
    case punctuation
    /// A list enumerator: "(a)", "(ii)", "(12)".
    case enumerator
    /// A reference to a part of an act: "Article 6(1)", "point (a) of Article 5(1)",
    /// "points (a) to (c) of paragraph 1", "Annex III", "Chapter III, Section 2".
    case citation
    /// Another act: "Regulation (EU) 2024/1689", "Directive 2002/58/EC", "(EC) No 765/2008".
    case instrument
    /// An Official Journal reference: "OJ L 119, 4.5.2016, p. 1".
    case journal
    /// A calendar date: "2 August 2026", "4.5.2016".
    case date
    /// A sum of money: "EUR 35 000 000", "EUR 7,5 million".
    case amount
    /// A percentage: "7 %", "3%".
    case percent
  }

  public var start: Int32
  public var end: Int32
  public var kind: Kind

  /// Creates a token covering `start..<end`.
  public init(_ kind: Kind, _ start: Int, _ end: Int) {
    self.kind = kind
    self.start = Int32(start)
    self.end = Int32(end)
  }

  /// The byte range in the text.
  public var range: Range<Int> { Int(start)..<Int(end) }
}
