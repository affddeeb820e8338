import RegPolicyModel

/// Reads a Commission proposal as EUR-Lex serves it (COM documents: `Typedudocument`,
/// `Titrearticle`, `ManualConsidrant`, `ManualNumPar1` classes) — the markup of COM(2021) 206, the
/// AI Act proposal. The page is flat: article titles and paragraphs are siblings, so the reader
/// walks the leaf blocks in order with a small state machine. The explanatory memorandum before
/// the act is front matter (counted as header by the fidelity check, not as provisions).
struct CommissionProposalReader: MarkupReader {
  var context: ReadContext
  private let tree: MarkupTree
  private var instrument = Instrument(id: "", version: "proposal", format: .commissionHTML)
  private var provisions: [Provision] = []
  private var footnotes: [Provision] = []

  init(context: ReadContext) {
    self.context = context
    tree = context.tree
  }

  private enum Phase { case frontMatter, preamble, article, final }

  mutating func read() -> Document {
    var leaves: [MarkupTree.NodeIndex] = []
    for root in tree.roots where tree.isElement(root) {
      if tree.name(root) == "html" {
        for child in tree.elements(root) where tree.name(child) != "body" { context.mark(child, .wrapper) }
      }
      leaves += tree.descendants(root) { ["p", "dd"].contains(tree.name($0)) && !isInsideLeaf($0) }
    }
    var phase = Phase.frontMatter
    var preambleBlocks: [Block] = []
    var preambleChildren: [Provision] = []
    var preambleStart: Int?
    var article: (number: String, source: Int, body: [Block])?
    var finalBlocks: [Block] = []
    var finalStart: Int?
    var titleLines: [String] = []

    func closeArticle(_ reader: inout CommissionProposalReader) {
      guard let open = article else { return }
      reader.provisions.append(
        reader.context.assemble(
          PinpointID(.article, open.number), kind: .article, num: open.number, blocks: open.body, at: open.source))
      article = nil
    }

    for leaf in leaves {
      let source = tree.sourceStart(leaf)
      if tree.name(leaf) == "dd" {
        readFootnote(leaf)
        continue
      }
      if tree.hasClass(leaf, "Rfrenceinstitutionnelle") {
        instrument.id = context.plainText(leaf, role: .header)  // "COM(2025) 1 final"
        continue
      }
      if tree.hasClass(leaf, "Typedudocument") || tree.hasClass(leaf, "Titreobjet") {
        titleLines.append(context.plainText(leaf, role: .header))
        continue
      }
      if tree.hasClass(leaf, "Institutionquiagit") {
        phase = .preamble
        preambleStart = source
      } else if tree.hasClass(leaf, "Titrearticle") {
        closeArticle(&self)
        phase = .article
        let label = context.plainText(leaf)
        article = (Vocabulary.articleNumber(label) ?? label, source, [])
        continue
      } else if tree.hasClass(leaf, "Fait") || isInSignature(leaf) {
        closeArticle(&self)
        phase = .final
        finalStart = finalStart ?? source
      }
      switch phase {
      case .frontMatter:
        context.mark(leaf, .header)  // cover page and explanatory memorandum
      case .preamble:
        if tree.hasClass(leaf, "ManualConsidrant"), let (number, block) = numbered(leaf) {
          let number = Numbering.clean(number)
          preambleChildren.append(
            context.assemble(
              PinpointID(.recital, number), kind: .recital, num: number, blocks: [.text(block)], at: source))
        } else {
          let block = textBlock(leaf)
          let text = Assembler.text(block)
          if text.hasPrefix("Having regard to") {
            let number = String(preambleChildren.filter { $0.kind == .citation }.count + 1)
            preambleChildren.append(
              context.assemble(
                PinpointID(.citation, number), kind: .citation, num: number, blocks: [.text(block)], at: source))
          } else {
            preambleBlocks.append(.text(block))
          }
        }
      case .article:
        if let (number, block) = numbered(leaf) {
          let item: Block
          if tree.hasClass(leaf, "ManualNumPar1") {
            item = .paragraph(number: Numbering.clean(number), source: source, body: [.text(block)])
          } else {
            item = .item(number: number, source: source, body: [.text(block)])
          }
          article?.body.append(item)
        } else if tree.hasClass(leaf, "Tiret1") || tree.hasClass(leaf, "Tiret0") {
          article?.body.append(.item(number: "—", source: source, body: [.text(textBlock(leaf))]))
        } else {
          article?.body.append(.text(textBlock(leaf)))
        }
      case .final:
        finalBlocks.append(.text(textBlock(leaf)))
      }
    }
    closeArticle(&self)
    if let preambleStart {
      let preambleID = context.assembler.claim(
        PinpointID.preamble, at: preambleStart)
      let content = context.assembler.body(preambleBlocks, under: preambleID)
      let children = (content.children + preambleChildren).sorted { $0.source.startOffset < $1.source.startOffset }
      provisions.insert(
        Provision(
          id: preambleID, kind: .preamble, text: content.text, children: children,
          source: context.assembler.span(preambleStart)), at: 0)
    }
    if let finalStart {
      provisions.append(context.assemble(.finalPart, kind: .final, blocks: finalBlocks, at: finalStart))
    }
    instrument.title = titleLines.suffix(2).joined(separator: " ")
    instrument.language = "en"
    return Document(instrument: instrument, provisions: provisions, footnotes: footnotes)
  }

  private func isInsideLeaf(_ node: MarkupTree.NodeIndex) -> Bool {
    var parent = tree.parent(node)
    while parent >= 0 {
      if tree.name(parent) == "p" || tree.name(parent) == "dd" { return true }
      parent = tree.parent(parent)
    }
    return false
  }

  private func isInSignature(_ node: MarkupTree.NodeIndex) -> Bool {
    let parent = tree.parent(node)
    return parent >= 0 && tree.hasClass(parent, "signature")
  }

  /// A block whose number sits in `<span class="num">`: the number and the rest of the text.
  private mutating func numbered(_ node: MarkupTree.NodeIndex) -> (String, TextBlock)? {
    guard let number = tree.first(node, where: { tree.hasClass($0, "num") }) else { return nil }
    let label = context.plainText(number)
    guard Numbering.isItemNumber(Array(label.utf8)) else { return nil }
    var block = TextBlock(source: tree.sourceStart(node))
    collect(node, into: &block, skipping: number)
    return (label, block)
  }

  private mutating func textBlock(_ node: MarkupTree.NodeIndex) -> TextBlock {
    var block = TextBlock(source: tree.sourceStart(node))
    collect(node, into: &block, skipping: nil)
    return block
  }

  private mutating func collect(
    _ node: MarkupTree.NodeIndex, into block: inout TextBlock, skipping: MarkupTree.NodeIndex?
  ) {
    let tree = self.tree
    context.collect(
      node, into: &block, isBlock: { tree.name($0) == "br" },
      skip: { index in
        if index == skipping { return .provision }
        // Footnote call-outs: <a class="footnoteRef">, sometimes wrapped in a FootnoteReference span.
        if tree.hasClass(index, "footnoteRef") || tree.hasClass(index, "FootnoteReference") { return .footnote }
        return nil
      })
  }

  private mutating func readFootnote(_ node: MarkupTree.NodeIndex) {
    var number = String(footnotes.count + 1)
    if let label = tree.first(node, where: { tree.hasClass($0, "num") }) {
      number = Numbering.clean(context.plainText(label, role: .footnote))
    }
    var block = TextBlock(source: tree.sourceStart(node))
    let markup = tree
    context.collect(
      node, into: &block, isBlock: { markup.name($0) == "br" },
      skip: { markup.hasClass($0, "num") ? .footnote : nil })
    footnotes.append(context.footnote(number, block, node: node))
  }
}
