/// A pinpoint ID: one scheme for every provision, derived from the legal structure and never from
/// source-specific element ids, so the same provision has the same ID in every format and version.
///
/// Segments are `prefix_number` joined by dots: `rct_42`, `art_16.pt_a`, `art_26.par_5.sub_2`,
/// `art_5.par_1.pt_c.pt_ii`, `anx_III.pt_1.pt_a`, `cpt_III.sct_2`.
public struct PinpointID: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The segment prefixes and what they name.
  public enum Prefix: String, CaseIterable, Sendable {
    case preamble = "pbl"
    case citation = "cit"
    case final = "fnl"
    case recital = "rct"
    case part = "prt"
    case title = "tit"
    case chapter = "cpt"
    case section = "sct"
    case subsection = "sub-sct"
    case article = "art"
    case paragraph = "par"
    case subparagraph = "sub"
    case point = "pt"
    case indent = "idt"
    case annex = "anx"
    /// A compilation's parts (the 2008 consolidated Treaties in one page): a treaty by its
    /// position, a protocol and a declaration by their numbers.
    case act = "act"
    case `protocol` = "pro"
    case declaration = "dcl"
    case table = "tbl"
    case footnote = "ftn"
    case function = "fn"
    case category = "cat"
    case subcategory = "sbc"
    case group = "grp"
    case control = "ctl"
    case statement = "smt"

    /// The prefix spelled by these bytes (`pt` → `.point`), looked up as one packed integer: IDs are
    /// read back into steps for every reference the resolver completes.
    static func named(_ bytes: UnsafeBufferPointer<UInt8>) -> Prefix? {
      bytes.count <= 8 ? byPacked[pack(bytes)] : nil
    }

    private static let byPacked = Dictionary(uniqueKeysWithValues: allCases.map { (pack($0.rawValue.utf8), $0) })

    private static func pack(_ bytes: some Sequence<UInt8>) -> UInt64 { bytes.reduce(0) { $0 << 8 | UInt64($1) } }
  }

  /// The ID as text.
  public let rawValue: String

  /// Wraps an ID that is already in the canonical form.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// A top-level ID such as `art_16`.
  public init(_ prefix: Prefix, _ number: String) {
    self = PinpointID(rawValue: "").appending(prefix, number)
  }

  /// This ID with one more segment: `art_16` + (.point, "a") → `art_16.pt_a`.
  public func appending(_ prefix: Prefix, _ number: String) -> PinpointID {
    appending(CollectionOfOne((prefix: prefix, number: number)))
  }

  /// One segment as its typed parts: `pt_c` → (.point, "c").
  public typealias Step = (prefix: Prefix, number: String)

  /// This ID with the steps appended: `art_10` + [(.paragraph, "1"), (.point, "a")] → `art_10.par_1.pt_a`.
  /// Inlinable, so a caller's array of steps is read without generic dispatch (the reference
  /// resolver makes IDs from steps for every reference).
  @inlinable
  public func appending(_ steps: some Sequence<Step>) -> PinpointID {
    var text = rawValue
    for step in steps { PinpointID.append(step, to: &text) }
    return PinpointID(rawValue: text)
  }

  /// An ID made of steps alone (`[(.article, "5"), (.paragraph, "1")]` → `art_5.par_1`); nil for none.
  @inlinable
  public init?(steps: some Collection<Step>) {
    guard !steps.isEmpty else { return nil }
    self = PinpointID(rawValue: "").appending(steps)
  }

  @usableFromInline
  static func append(_ step: Step, to text: inout String) {
    if !text.isEmpty { text += "." }
    text += step.prefix.rawValue
    text += "_"
    text += clean(step.number)
  }

  /// The segments as steps; nil when one is not `prefix_number` with a known prefix (`pbl`, `fnl`).
  public var steps: [Step]? {
    // One pass over the bytes: the reference resolver reads the steps of every clause it resolves in.
    var text = rawValue
    return text.withUTF8 { bytes -> [Step]? in
      var steps: [Step] = []
      var start = 0
      while start < bytes.count {
        var end = start
        while end < bytes.count && bytes[end] != UInt8(ascii: ".") { end += 1 }
        var separator = start
        while separator < end && bytes[separator] != UInt8(ascii: "_") { separator += 1 }
        guard separator < end, let prefix = Prefix.named(UnsafeBufferPointer(rebasing: bytes[start..<separator])) else {
          return nil
        }
        steps.append(
          (prefix, String(decoding: UnsafeBufferPointer(rebasing: bytes[(separator + 1)..<end]), as: UTF8.self)))
        start = end + 1
      }
      return steps
    }
  }

  /// The enclosing provision's ID (`art_26.par_5.sub_2` → `art_26.par_5`); nil at the top.
  public var parent: PinpointID? {
    guard let dot = rawValue.utf8.lastIndex(of: UInt8(ascii: ".")) else { return nil }
    return PinpointID(rawValue: String(rawValue[..<dot]))
  }

  /// The segments, e.g. ["art_16", "pt_a"].
  public var segments: [Substring] { rawValue.utf8.split(separator: UInt8(ascii: ".")).map { Substring($0) } }

  public var description: String { rawValue }

  public static func < (lhs: PinpointID, rhs: PinpointID) -> Bool { lhs.rawValue < rhs.rawValue }

  /// The preamble's formulas (`pbl`) and the final formula and signatures (`fnl`).
  public static let preamble = PinpointID(rawValue: Prefix.preamble.rawValue)
  public static let finalPart = PinpointID(rawValue: Prefix.final.rawValue)

  /// Spaces and dots inside a number would break the scheme; they become '-'.
  private static func clean(_ number: String) -> String {
    // Most numbers ("12", "a", "III") need nothing; 0xC2 leads the UTF-8 of a no-break space.
    guard number.utf8.contains(where: { $0 == 0x20 || $0 == 0x2E || $0 == 0xC2 }) else { return number }
    var out = ""
    for scalar in number.unicodeScalars {
      switch scalar {
      case " ", ".", "\u{A0}": out.append("-")
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

/// A pinpoint ID is written as its text in JSON (`"art_12.par_1"`), so it stays typed from the
/// reader to the index and the commit trailer.
extension PinpointID: Codable {
  public init(from decoder: any Decoder) throws {
    self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}
