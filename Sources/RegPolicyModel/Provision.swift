/// One unit of a legal text: a recital, article, paragraph, point, annex, control, …
///
/// `text` is the provision's own normalised text only (for a paragraph with points: its chapeau);
/// each piece of the source's body text belongs to exactly one provision, which is what the
/// fidelity check counts.
public struct Provision: Hashable, Sendable {
  /// The pinpoint ID, derived from the legal structure (`art_26.par_5.sub_2`).
  public var id: PinpointID
  public var kind: ProvisionKind
  /// The number as printed, without decoration: "16", "1", "a", "ii", "III"; nil when unnumbered.
  public var num: String?
  /// The heading as printed ("Obligations of providers of high-risk AI systems"), if any.
  public var heading: String?
  /// Normalised text (NFC, whitespace collapsed).
  public var text: String
  public var children: [Provision]
  public var source: SourceSpan
  /// Amendment and corrigendum markers of consolidated texts ("►C2", "►M1"), as metadata.
  public var markers: [String]

  /// Creates a provision.
  public init(
    id: PinpointID, kind: ProvisionKind, num: String? = nil, heading: String? = nil,
    text: String = "",
    children: [Provision] = [], source: SourceSpan = SourceSpan(), markers: [String] = []
  ) {
    self.id = id
    self.kind = kind
    self.num = num
    self.heading = heading
    self.text = text
    self.children = children
    self.source = source
    self.markers = markers
  }

  /// Calls `body` for this provision and every descendant, in document order.
  public func forEach(_ body: (Provision) throws -> Void) rethrows {
    try body(self)
    for child in children { try child.forEach(body) }
  }
}

/// What kind of unit a provision is. Raw values are the public names used in JSON.
public enum ProvisionKind: String, CaseIterable, Hashable, Sendable {
  case preamble, citation, recital, part, title, chapter, section, subsection, article, paragraph,
    subparagraph, point, indent
  case final, annex
  /// The parts of a compilation of several acts in one page (treaties, their protocols, declarations).
  case act, `protocol`, declaration
  case annexSection = "annex-section"
  case table, footnote
  // NIST
  case function, category, subcategory, group, control
  case controlEnhancement = "control-enhancement"
  case statement
}

/// Where a provision came from in the source file: byte offsets and the 1-based line and column
/// (column counted in UTF-8 bytes, as compilers do) of its first byte.
public struct SourceSpan: Hashable, Sendable {
  /// The source file, as given (for a Formex package: the part file).
  public var file: String
  public var line: Int
  public var column: Int
  public var startOffset: Int
  public var endOffset: Int

  /// Creates a span.
  public init(
    file: String = "", line: Int = 0, column: Int = 0, startOffset: Int = 0, endOffset: Int = 0
  ) {
    self.file = file
    self.line = line
    self.column = column
    self.startOffset = startOffset
    self.endOffset = endOffset
  }
}
