import RegPolicyModel

/// What a piece of source text became: readers mark every text node they use, and the fidelity
/// check counts the marks.
enum TextRole: UInt8 {
  case unassigned = 0
  /// Text of a provision, its number or its heading.
  case provision
  /// A footnote (kept apart from the provisions).
  case footnote
  /// Document header and metadata: OJ masthead, title block, bibliographic data.
  case header
  /// Outside the act: the EUR-Lex web-page wrapper, scripts, navigation.
  case wrapper
  /// Amendment and corrigendum markers of consolidated texts, kept as metadata.
  case marker
}

/// State shared by one reader run over one markup file.
struct ReadContext {
  let file: String
  let tree: MarkupTree
  var assembler: Assembler
  var diagnostics: [Diagnostic] = []
  /// Role of each node's text, indexed by node; only text nodes are read by the check.
  var roles: [TextRole]
  /// The page's `<title>` when only the body of an HTML page was parsed.
  var pageTitle: String?
  /// The page's Dublin Core metadata (`DC.language` → "EN"), where its head has any.
  var pageMetadata: [String: String] = [:]

  init(file: String, tree: MarkupTree, lines: LineIndex) {
    self.file = file
    self.tree = tree
    assembler = Assembler(file: file, lines: lines)
    roles = Array(repeating: .unassigned, count: tree.nodes.count)
  }

  /// Marks every text node below `node` (inclusive) with `role`, unless already marked.
  mutating func mark(_ node: MarkupTree.NodeIndex, _ role: TextRole) {
    if roles[Int(node)] == .unassigned { roles[Int(node)] = role }
    for child in tree.children(node) { mark(child, role) }
  }

  /// Collects the text below `node` into `block`, marking it as provision text. Block-level
  /// elements (`isBlock`) are separated by a space; subtrees for which `skip` returns a role are
  /// marked with it and left out; `replacement` may substitute text for an element (Formex quotes).
  mutating func collect(
    _ node: MarkupTree.NodeIndex, into block: inout TextBlock,
    isBlock: (MarkupTree.NodeIndex) -> Bool,
    skip: (MarkupTree.NodeIndex) -> TextRole?,
    replacement: (MarkupTree.NodeIndex) -> [UInt8]? = { _ in nil }
  ) {
    if tree.isText(node) {
      var text = tree.textBytes(node)
      if block.dropsClosingBracket {
        // The ")" of a "(<a>1</a>)" call-out whose "(" was dropped.
        block.dropsClosingBracket = false
        if let first = text.firstIndex(where: { !Numbering.isSpace($0) }), text[first] == UInt8(ascii: ")") {
          text = text[(first + 1)...]
        }
      }
      block.bytes.append(contentsOf: text)
      if roles[Int(node)] == .unassigned { roles[Int(node)] = .provision }
      return
    }
    if let role = skip(node) {
      mark(node, role)
      // A footnote call-out sits right after its word in some markups ("Bank<NOTE>") and after a
      // space in others ("Bank&#160;<a>(1)</a>"); drop the space so every markup gives the same text.
      if role == .footnote {
        block.bytes = Numbering.trimmedEnd(block.bytes)
        if block.bytes.last == UInt8(ascii: "(") {
          block.bytes.removeLast()
          block.bytes = Numbering.trimmedEnd(block.bytes)
          block.dropsClosingBracket = true
        }
      }
      return
    }
    if let text = replacement(node) {
      block.bytes.append(contentsOf: text)
      mark(node, .provision)
      return
    }
    let separate = isBlock(node)
    if separate { block.bytes.append(0x20) }
    for child in tree.children(node) {
      collect(child, into: &block, isBlock: isBlock, skip: skip, replacement: replacement)
    }
    if separate { block.bytes.append(0x20) }
  }

  /// Adds a diagnostic located at a byte offset.
  mutating func diagnose(
    _ code: DiagnosticCode, _ severity: Diagnostic.Severity, at offset: Int, _ message: String
  ) {
    let (line, column) = assembler.lines.location(of: offset)
    diagnostics.append(Diagnostic(code, severity, file: file, line: line, column: column, message))
  }

  /// Claims `id` and builds a provision whose own text and children come from `blocks`.
  mutating func assemble(
    _ id: PinpointID, kind: ProvisionKind, num: String? = nil, heading: String? = nil, blocks: [Block], at source: Int
  ) -> Provision {
    let claimed = assembler.claim(id, at: source)
    let content = assembler.body(blocks, under: claimed)
    return Provision(
      id: claimed, kind: kind, num: num, heading: heading, text: content.text, children: content.children,
      source: assembler.span(source), markers: content.markers)
  }

  /// The number of an article from its title ("Article 16" → "16"); a title that is not one is
  /// reported and gives nil.
  mutating func articleNumber(_ title: MarkupTree.NodeIndex) -> String? {
    let label = plainText(title)
    if let number = Vocabulary.articleNumber(label) { return number }
    diagnose(
      DiagnosticCode.ingestUnplacedText, .warning, at: tree.sourceStart(title),
      "article heading '\(label)' not recognised")
    return nil
  }

  /// A footnote numbered `number` with the text of `block`; the note's own text is marked as
  /// footnote text.
  mutating func footnote(_ number: String, _ block: TextBlock, node: MarkupTree.NodeIndex) -> Provision {
    mark(node, .footnote)
    return assemble(
      PinpointID(.footnote, number), kind: .footnote, num: number, blocks: [.text(block)],
      at: tree.sourceStart(node))
  }

  /// The normalised text below `node`, marked with `role`.
  mutating func plainText(_ node: MarkupTree.NodeIndex, role: TextRole = .provision) -> String {
    var bytes: [UInt8] = []
    tree.appendText(node, to: &bytes)
    mark(node, role)
    return Normalizer.normalize(bytes)
  }
}

/// A reader of one markup format: walks the tree in its context and returns the document.
protocol MarkupReader {
  init(context: ReadContext)
  var context: ReadContext { get }
  mutating func read() -> Document
}
