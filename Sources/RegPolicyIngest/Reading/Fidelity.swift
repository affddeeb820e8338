import CXMLShims
import RegPolicyModel

/// How much of a file's text ended up where: the `ingest --check` report. Counts are UTF-8 bytes
/// of text nodes, white space excluded, so markup and indentation never count.
public struct Fidelity: Hashable, Sendable {
  public var file: String
  /// Text placed in provisions (text, numbers, headings).
  public var provision = 0
  public var footnote = 0
  /// Masthead, title block, bibliographic metadata.
  public var header = 0
  /// The EUR-Lex page wrapper and other text outside the act.
  public var wrapper = 0
  /// Amendment/corrigendum markers of consolidated texts.
  public var marker = 0
  /// Body text that is in no provision.
  public var unplaced = 0
  /// Where the unplaced text is, with an excerpt.
  public var unplacedSpans: [Diagnostic] = []

  /// The share of the body's text (everything but header, wrapper and markers) that is in a
  /// provision or a footnote.
  public var coverage: Double {
    let body = provision + footnote + unplaced
    return body == 0 ? 0 : Double(provision + footnote) / Double(body)
  }

  /// A report from counts a reader made itself (JSON sources, which have no markup tree).
  init(file: String, provision: Int, header: Int, unplaced: Int) {
    self.file = file
    self.provision = provision
    self.header = header
    self.unplaced = unplaced
  }

  init(context: ReadContext) {
    file = context.file
    let tree = context.tree
    for index in tree.nodes.indices where tree.nodes[index].name < 0 {
      let bytes = tree.textBytes(Int32(index))
      let count = bytes.reduce(0) { $0 + (Numbering.isSpace($1) ? 0 : 1) }
      guard count > 0 else { continue }
      switch context.roles[index] {
      case .provision: provision += count
      case .footnote: footnote += count
      case .header: header += count
      case .wrapper: wrapper += count
      case .marker: marker += count
      case .unassigned:
        unplaced += count
        if unplacedSpans.count < 100 {
          let (line, column) = context.assembler.lines.location(of: tree.sourceStart(Int32(index)))
          let excerpt = Normalizer.normalize(bytes)
          unplacedSpans.append(
            Diagnostic(
              DiagnosticCode.ingestUnplacedText, .warning, file: file, line: line, column: column,
              "text in no provision: '\(excerpt.prefix(60))'"))
        }
      }
    }
  }
}
