/// A parsed regulation: the instrument's metadata and its provision tree.
public struct Document: Hashable, Sendable {
  public var instrument: Instrument
  /// Top-level provisions in document order (recitals, then the enacting terms, then annexes).
  public var provisions: [Provision]
  /// Footnotes, kept apart from the provisions' text.
  public var footnotes: [Provision]

  /// Creates a document.
  public init(instrument: Instrument, provisions: [Provision] = [], footnotes: [Provision] = []) {
    self.instrument = instrument
    self.provisions = provisions
    self.footnotes = footnotes
  }

  /// Every provision in document order, depth first.
  public var allProvisions: [Provision] {
    var all: [Provision] = []
    for provision in provisions { provision.forEach { all.append($0) } }
    return all
  }

  /// The provision with this ID, if any (a depth-first search).
  public func provision(_ id: PinpointID) -> Provision? {
    var stack = provisions.reversed() as [Provision]
    while let next = stack.popLast() {
      if next.id == id { return next }
      stack.append(contentsOf: next.children.reversed())
    }
    return nil
  }
}

/// The instrument a document is a version of.
public struct Instrument: Hashable, Sendable {
  /// CELEX number where there is one (`32024R1689`, `02016R0679-20160504` for a consolidated
  /// version); otherwise a declared id (`NIST.SP.800-53r5`).
  public var id: String
  /// The CELEX number of the act itself, without consolidation date.
  public var celex: String?
  /// The name rules give the instrument: its CELEX number, or its declared id.
  public var key: String { celex ?? id }
  /// European Legislation Identifier, when the source carries one.
  public var eli: String?
  public var title: String
  /// ISO 639-1 language code, lower case ("en", "nl").
  public var language: String
  /// Date of publication in the Official Journal, or of the consolidation, ISO 8601 (yyyy-mm-dd).
  public var date: String?
  /// Date the act was adopted or signed ("of 13 June 2024"), ISO 8601.
  public var adopted: String?
  /// "oj" for the act as published, "consolidated" for a consolidated version, or the source's
  /// own version string (NIST).
  public var version: String
  public var format: SourceFormat
  /// sha256 of the source bytes (for a package: of the files' bytes in package order), lower-case hex.
  public var sha256: String
  /// The files read, in order.
  public var files: [String]

  /// Creates instrument metadata.
  public init(
    id: String, celex: String? = nil, eli: String? = nil, title: String = "", language: String = "",
    date: String? = nil, adopted: String? = nil, version: String = "", format: SourceFormat,
    sha256: String = "", files: [String] = []
  ) {
    self.id = id
    self.celex = celex
    self.eli = eli
    self.title = title
    self.language = language
    self.date = date
    self.adopted = adopted
    self.version = version
    self.format = format
    self.sha256 = sha256
    self.files = files
  }
}

/// The markup a document was read from. Raw values are the names `--format` takes.
public enum SourceFormat: String, CaseIterable, Hashable, Sendable {
  case eurlexHTML = "eurlex-html"
  case eurlexConsolidatedHTML = "eurlex-consolidated-html"
  /// A Commission proposal (COM document) as EUR-Lex serves it.
  case commissionHTML = "eurlex-com-html"
  case formex
  case akn4eu
  case oscal
  case playbook = "nist-playbook"
}
