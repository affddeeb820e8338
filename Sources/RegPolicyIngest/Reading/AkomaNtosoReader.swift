import RegPolicyModel

/// Reads Akoma Ntoso 3.0 in the EU profile (AKN4EU, as LEOS exports it). Element names carry the
/// legal structure (`article`, `paragraph`, `point`, `recital`, `citation`); numbers come from `num`.
struct AkomaNtosoReader: MarkupReader {
  var context: ReadContext
  private let tree: MarkupTree
  private var instrument = Instrument(id: "", version: "proposal", format: .akn4eu)
  private var provisions: [Provision] = []
  private var footnotes: [Provision] = []
  /// The enacting formula's clause ("This Regulation shall be binding …") and the conclusions.
  private var finalBlocks: [Block] = []
  private var finalSource: Int?

  /// Elements whose content is inline text; all others structure the document.
  private static let inlineNames: Set<String> = [
    "ref", "mref", "i", "b", "u", "sup", "sub", "span", "date", "docType", "docStage", "docPurpose", "docTitle",
    "docNumber", "docketNumber", "term", "def", "inline", "a", "abbr", "organization", "person", "role", "location",
    "signature", "quotedText", "marker", "authorialNote", "br", "eol",
  ]

  init(context: ReadContext) {
    self.context = context
    tree = context.tree
  }

  mutating func read() -> Document {
    for root in tree.roots where tree.isElement(root) {
      for document in tree.elements(root) { readDocument(document) }
      if let finalSource {
        provisions.append(context.assemble(.finalPart, kind: .final, blocks: finalBlocks, at: finalSource))
      }
      for note in tree.descendants(root, where: { tree.name($0) == "authorialNote" }) { readFootnote(note) }
    }
    return Document(instrument: instrument, provisions: provisions, footnotes: footnotes)
  }

  private mutating func readDocument(_ node: MarkupTree.NodeIndex) {
    for part in tree.elements(node) {
      switch tree.name(part) {
      case "meta": readMeta(part)
      case "preface":
        var lines: [String] = []
        for p in tree.descendants(part, where: { tree.name($0) == "p" }) {
          lines.append(context.plainText(p, role: .header))
        }
        context.mark(part, .header)
        instrument.title = lines.joined(separator: " ")
      case "preamble": provisions.append(readPreamble(part))
      case "body", "mainBody":
        var body: [Provision] = []
        readStructure(part, parent: nil, into: &body)
        provisions += body
      case "conclusions":
        finalSource = finalSource ?? tree.sourceStart(part)
        finalBlocks += blocks(part)
      default:
        context.mark(part, .header)  // attachments, cover pages
      }
    }
  }

  /// The document's number and language, and its CELEX number and ELI where the metadata gives
  /// them: an alias named CELEX (`<FRBRalias name="CELEX" value="32024R1689"/>`), or a `value`
  /// that names one ("CELEX:…", a Cellar `/celex/…` URI, an act's ELI). LEOS proposals leave these
  /// empty; an act with a CELEX of the legislation sector (3…) is the act as published ("oj").
  private mutating func readMeta(_ node: MarkupTree.NodeIndex) {
    var named: String?
    var found: String?
    for element in tree.descendants(node, where: { _ in true }) {
      switch tree.name(element) {
      case "FRBRnumber": if instrument.id.isEmpty { instrument.id = tree.attribute(element, "value") ?? "" }
      case "FRBRlanguage": instrument.language = tree.attribute(element, "language") ?? ""
      default: break
      }
      guard let value = tree.attribute(element, "value") ?? tree.attribute(element, "href"), !value.isEmpty else {
        continue
      }
      if named == nil, tree.attribute(element, "name")?.uppercased() == "CELEX" {
        let trimmed = String(value.filter { $0 != " " })
        named = Vocabulary.isCELEX(trimmed) ? trimmed : Vocabulary.celex(fromIdentifier: trimmed)
      }
      if found == nil, tree.name(element).hasPrefix("FRBR") { found = Vocabulary.celex(fromIdentifier: value) }
      if instrument.eli == nil, tree.name(element).hasPrefix("FRBR"), value.contains("/eli/") {
        instrument.eli = value
      }
    }
    if let celex = named ?? found {
      instrument.celex = celex
      instrument.id = celex
      switch celex.first {
      case "3": instrument.version = "oj"
      case "0": instrument.version = "consolidated"
      default: break
      }
    }
    context.mark(node, .header)
  }

  private mutating func readPreamble(_ node: MarkupTree.NodeIndex) -> Provision {
    let preambleID = context.assembler.claim(
      PinpointID.preamble, at: tree.sourceStart(node))
    var texts: [Block] = []
    var children: [Provision] = []
    for element in tree.descendants(
      node, where: { ["formula", "citation", "recital", "intro"].contains(tree.name($0)) })
    {
      switch tree.name(element) {
      case "citation":
        let number = String(children.filter { $0.kind == .citation }.count + 1)
        let body = blocks(element)
        children.append(
          context.assemble(
            PinpointID(.citation, number), kind: .citation, num: number, blocks: body, at: tree.sourceStart(element)))
      case "recital":
        let number = Numbering.clean(numText(element) ?? String(children.filter { $0.kind == .recital }.count + 1))
        let body = blocks(element)
        children.append(
          context.assemble(
            PinpointID(.recital, number), kind: .recital, num: number, blocks: body, at: tree.sourceStart(element)))
      default:
        texts += blocks(element)
      }
    }
    let content = context.assembler.body(texts, under: preambleID)
    let all = (content.children + children).sorted { $0.source.startOffset < $1.source.startOffset }
    return Provision(
      id: preambleID, kind: .preamble, text: content.text, children: all,
      source: context.assembler.span(tree.sourceStart(node)))
  }

  private mutating func readStructure(_ node: MarkupTree.NodeIndex, parent: PinpointID?, into list: inout [Provision]) {
    for child in tree.elements(node) {
      let name = tree.name(child)
      if name == "article" {
        if let article = readArticle(child) { list.append(article) }
      } else if name == "clause" {
        finalSource = finalSource ?? tree.sourceStart(child)
        finalBlocks += blocks(child)
      } else if let (kind, prefix) = Self.divisions[name] {
        let label = numText(child) ?? ""
        var heading = headingText(child)
        let number: String?
        if let printed = Vocabulary.division(label)?.number {
          number = printed  // "CHAPTER II"
        } else if !label.isEmpty, !label.contains(" "), Vocabulary.divisions[label.uppercased()] == nil {
          number = label  // "II"
        } else {
          // No number: no num, the division's word alone, or a heading in the only num.
          number = nil
          if heading == nil, !label.isEmpty, Vocabulary.divisions[label.uppercased()] == nil { heading = label }
        }
        let divisionID: PinpointID
        if let number {
          divisionID = parent?.appending(prefix, number) ?? PinpointID(prefix, number)
        } else {
          divisionID = unnumbered.next(under: parent, prefix)
          context.diagnose(
            DiagnosticCode.ingestUnplacedText, .warning, at: tree.sourceStart(child),
            "\(name) without a number; read as '\(divisionID)'")
        }
        var division = Provision(
          id: context.assembler.claim(divisionID, at: tree.sourceStart(child)), kind: kind, num: number,
          heading: heading, source: context.assembler.span(tree.sourceStart(child)))
        readStructure(child, parent: division.id, into: &division.children)
        list.append(division)
      } else if name != "num" && name != "heading" {
        context.diagnose(
          DiagnosticCode.ingestUnplacedText, .warning, at: tree.sourceStart(child), "unexpected '\(name)' in the body")
      }
    }
  }

  private var unnumbered = UnnumberedDivisions()

  private static let divisions: [String: (ProvisionKind, PinpointID.Prefix)] = [
    "part": (.part, .part), "title": (.title, .title), "chapter": (.chapter, .chapter), "section": (.section, .section),
    "subsection": (.subsection, .subsection),
  ]

  private mutating func readArticle(_ node: MarkupTree.NodeIndex) -> Provision? {
    guard let label = numText(node), let number = Vocabulary.articleNumber(label) else {
      context.diagnose(
        DiagnosticCode.ingestUnplacedText, .warning, at: tree.sourceStart(node), "article without a number")
      return nil
    }
    let heading = headingText(node)
    let body = blocks(node)
    return context.assemble(
      PinpointID(.article, number), kind: .article, num: number, heading: heading, blocks: body,
      at: tree.sourceStart(node))
  }

  // MARK: Blocks

  private mutating func blocks(_ node: MarkupTree.NodeIndex) -> [Block] {
    var result: [Block] = []
    var pending: TextBlock?
    func flush() {
      if let block = pending, !Numbering.isBlank(block.bytes) { result.append(.text(block)) }
      pending = nil
    }
    for child in tree.children(node) {
      if tree.isText(child) || Self.inlineNames.contains(tree.name(child)) {
        if pending == nil { pending = TextBlock(source: tree.sourceStart(child)) }
        collect(child, into: &pending!)  // non-nil: set on the line above
        continue
      }
      flush()
      switch tree.name(child) {
      case "num", "heading":
        context.mark(child, .provision)  // read by the parent
      case "paragraph":
        // LEOS writes the single unnumbered paragraph of an article as a paragraph without num.
        if let label = numText(child) {
          result.append(
            .paragraph(number: Numbering.clean(label), source: tree.sourceStart(child), body: blocks(child)))
        } else {
          result += blocks(child)
        }
      case "point", "indent":
        result.append(.item(number: numText(child) ?? "—", source: tree.sourceStart(child), body: blocks(child)))
      default:
        result += blocks(child)
      }
    }
    flush()
    return result
  }

  private mutating func numText(_ node: MarkupTree.NodeIndex) -> String? {
    guard let num = tree.elements(node).first(where: { tree.name($0) == "num" }) else { return nil }
    let text = context.plainText(num)
    return text.isEmpty ? nil : text
  }

  /// The unit's `heading`; or, as some AKN 3.0 files write it, a second `num` that is no number
  /// label (`<num>Article 1</num><num>Subject matter</num>`).
  private mutating func headingText(_ node: MarkupTree.NodeIndex) -> String? {
    let elements = tree.elements(node)
    if let heading = elements.first(where: { tree.name($0) == "heading" }) { return context.plainText(heading) }
    let nums = elements.filter { tree.name($0) == "num" }
    guard nums.count >= 2 else { return nil }
    let text = context.plainText(nums[1])
    guard !text.isEmpty, !Self.isNumberLabel(text) else { return nil }
    return text
  }

  /// "Article 1", "CHAPTER II", "ANNEX", "1.", "(a)", "—": a label that numbers a unit.
  static func isNumberLabel(_ text: String) -> Bool {
    Vocabulary.articleNumber(text) != nil || Vocabulary.division(text) != nil || Vocabulary.annexNumber(text) != nil
      || Numbering.isItemNumber(Array(text.utf8))
  }

  private mutating func collect(_ node: MarkupTree.NodeIndex, into block: inout TextBlock) {
    let tree = self.tree
    context.collect(
      node, into: &block, isBlock: { tree.name($0) == "br" || tree.name($0) == "eol" },
      skip: { tree.name($0) == "authorialNote" ? .footnote : nil })
  }

  private mutating func readFootnote(_ node: MarkupTree.NodeIndex) {
    let number = tree.attribute(node, "marker") ?? String(footnotes.count + 1)
    var block = TextBlock(source: tree.sourceStart(node))
    for child in tree.children(node) { collect(child, into: &block) }
    footnotes.append(context.footnote(number, block, node: node))
  }
}
