import RegPolicyModel

/// Reads a Commission proposal as EUR-Lex serves it (COM documents: `Typedudocument`,
/// `Titrearticle`, `ManualConsidrant`, `ManualNumPar1` classes) — the markup of COM(2021) 206, the
/// AI Act proposal — and its variant whose article and division titles are `ManualHeadingN`
/// paragraphs ("Article 1", then its heading; "CHAPTER I", then its heading), as COM(2022) 209. The page is flat: article titles and paragraphs are siblings, so the reader
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
    // Today's style titles articles `Titrearticle`; only pages without it (2022 style) take their
    // titles and headings from `ManualHeadingN` and plain paragraphs.
    let headingStyle = !leaves.contains { tree.hasClass($0, "Titrearticle") }
    var phase = Phase.frontMatter
    var preambleBlocks: [Block] = []
    var preambleChildren: [Provision] = []
    var preambleStart: Int?
    var article: (number: String, source: Int, heading: String?, body: [Block])?
    /// The divisions open, and whether the innermost still awaits its heading.
    var divisions = DivisionStack()
    var divisionHeadingDue = false
    var finalBlocks: [Block] = []
    var finalStart: Int?
    var titleLines: [String] = []

    func closeArticle(_ reader: inout CommissionProposalReader) {
      guard let open = article else { return }
      divisions.add(
        reader.context.assemble(
          PinpointID(.article, open.number), kind: .article, num: open.number, heading: open.heading,
          blocks: Assembler.nestByLabelStyle(Assembler.foldIntoParagraphs(open.body)), at: open.source),
        to: &reader.provisions)
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
      } else if tree.hasClass(leaf, "Titrearticle")
        || (headingStyle && phase != .frontMatter && phase != .final && !isInTable(leaf) && isArticleHeading(leaf))
      {
        closeArticle(&self)
        phase = .article
        // "Article 1", or "Artikel 1<br>Gegenstand": the number's line, then the heading's.
        let lines = self.lines(leaf)
        context.mark(leaf, .provision)
        let label = lines.first ?? ""
        article = (
          Vocabulary.articleNumber(label) ?? label, source,
          lines.count > 1 ? lines.dropFirst().joined(separator: " ") : nil, []
        )
        continue
      } else if headingStyle, phase != .frontMatter, phase != .final, !isInTable(leaf),
        isManualHeading(leaf) || isDivisionTitle(leaf)
      {
        // A division's title ("CHAPTER I", or "Section 4<br>Removal obligations" in one
        // paragraph), or the heading of the division or article just opened.
        let lines = self.lines(leaf)
        let text = lines.joined(separator: " ")
        if text.isEmpty { continue }  // an empty heading paragraph is no title
        if let (kind, prefix, number, heading) = Self.divisionLabel(text) {
          closeArticle(&self)
          phase = .article
          context.mark(leaf, .provision)
          divisions.open(
            kind, prefix, number, heading: heading, at: source, assembler: &context.assembler, into: &provisions)
          divisionHeadingDue = heading == nil
          continue
        }
        if divisionHeadingDue, article == nil, !divisions.isEmpty {
          context.mark(leaf, .provision)
          divisions.setHeading(text)
          divisionHeadingDue = false
          continue
        }
        if var open = article, open.heading == nil, open.body.isEmpty {
          context.mark(leaf, .provision)
          open.heading = text
          article = open
          continue
        }
        if phase == .article, article != nil {
          article?.body.append(.text(textBlock(leaf)))
          continue
        }
      } else if headingStyle, phase == .article, var open = article, open.heading == nil, open.body.isEmpty,
        let heading = plainHeading(leaf)
      {
        // "Article 12" then "Reporting obligations" as plain paragraphs: the heading.
        open.heading = heading
        article = open
        continue
      } else if tree.hasClass(leaf, "Fait") || isInSignature(leaf) {
        closeArticle(&self)
        divisions.close(rank: 0, into: &provisions)
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
        } else if tree.hasClass(leaf, "li"), case var block = textBlock(leaf),
          let (number, rest) = Numbering.splitItemNumber(block.bytes)
        {
          // A list paragraph whose label is typed into its text ("(i) a hosting service;").
          block.bytes = rest
          article?.body.append(.item(number: number, source: source, body: [.text(block)]))
        } else {
          article?.body.append(.text(textBlock(leaf)))
        }
      case .final:
        finalBlocks.append(.text(textBlock(leaf)))
      }
    }
    closeArticle(&self)
    divisions.close(rank: 0, into: &provisions)
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

  /// Whether a paragraph is in a table cell (a correlation table's "Article 5" is no title).
  private func isInTable(_ node: MarkupTree.NodeIndex) -> Bool {
    tree.hasAncestor(node) { tree.name($0) == "td" || tree.name($0) == "th" }
  }

  /// A `ManualHeadingN` paragraph: a title or heading of an article or division (COM 2022 style).
  private func isManualHeading(_ node: MarkupTree.NodeIndex) -> Bool {
    ["ManualHeading1", "ManualHeading2", "ManualHeading3", "ManualHeading4"].contains { tree.hasClass(node, $0) }
  }

  /// A division's title in a proposal's heading paragraph: "CHAPTER II", "Section 4 Removal
  /// obligations" (its heading after a `<br>`), or "Section 1Risk assessment …" (Word's spans run
  /// the number into the heading): the kind, ID prefix, number and the heading if there is one.
  static func divisionLabel(_ text: String) -> (
    kind: ProvisionKind, prefix: PinpointID.Prefix, number: String, heading: String?
  )? {
    let words = text.split(separator: " ", maxSplits: 2).map(String.init)
    guard words.count >= 2, let (kind, prefix, _) = Vocabulary.division(words[0] + " " + words[1]) else { return nil }
    let token = words[1]
    let rest = words.count > 2 ? words[2] : nil
    if token.allSatisfy({ "IVXLC".contains($0) }) || token.allSatisfy(\.isNumber) {
      return (kind, prefix, token, rest)
    }
    // Digits run into a capitalised heading: "1Risk".
    let digits = token.prefix { $0.isNumber }
    let after = token.dropFirst(digits.count)
    guard !digits.isEmpty, after.first?.isUppercase == true else { return nil }
    return (kind, prefix, String(digits), ([String(after)] + (rest.map { [$0] } ?? [])).joined(separator: " "))
  }

  /// The text of a paragraph that reads as a heading — one short line, no number, no closing
  /// punctuation — marked as a provision's; nil for anything else.
  private mutating func plainHeading(_ node: MarkupTree.NodeIndex) -> String? {
    guard tree.hasClass(node, "Normal"), tree.first(node, where: { tree.hasClass($0, "num") }) == nil else {
      return nil
    }
    var bytes: [UInt8] = []
    tree.appendText(node, to: &bytes)
    guard let text = Vocabulary.headingLine(Normalizer.normalize(bytes)) else { return nil }
    context.mark(node, .provision)
    return text
  }

  /// A paragraph whose first line, before a `<br>`, is a division's label ("Section 4").
  private func isDivisionTitle(_ node: MarkupTree.NodeIndex) -> Bool {
    guard tree.hasClass(node, "Normal"), tree.first(node, where: { tree.name($0) == "br" }) != nil else { return false }
    let first = lines(node).first ?? ""
    return first.split(separator: " ").count == 2 && Vocabulary.division(first) != nil
  }

  /// A paragraph whose whole text is an article's label ("Article 1"): a `ManualHeadingN`, or a
  /// `Normal` paragraph where the author's styling slipped.
  private func isArticleHeading(_ node: MarkupTree.NodeIndex) -> Bool {
    guard isManualHeading(node) || tree.hasClass(node, "Normal") else { return false }
    // Only a short paragraph can be a label: reading stops as soon as this one is too long.
    var bytes: [UInt8] = []
    func collect(_ index: MarkupTree.NodeIndex) -> Bool {
      if tree.isText(index) {
        bytes += tree.textBytes(index)
        return bytes.count <= 96
      }
      for child in tree.children(index) where !collect(child) { return false }
      return true
    }
    guard collect(node), bytes.count(where: { !Numbering.isSpace($0) }) < 32 else { return false }
    let words = Normalizer.normalize(bytes).split(separator: " ")
    return (words.count == 2 || (words.count == 3 && Vocabulary.latinSuffixes.contains(words[2].lowercased())))
      && Vocabulary.articleNumber(words.joined(separator: " ")) != nil && words[1].first?.isNumber == true
  }

  /// The text of a paragraph line by line, split at its `<br>`s (blank lines dropped).
  private func lines(_ node: MarkupTree.NodeIndex) -> [String] {
    var lines: [[UInt8]] = [[]]
    func walk(_ index: MarkupTree.NodeIndex) {
      if tree.isText(index) {
        lines[lines.count - 1] += tree.textBytes(index)
      } else if tree.name(index) == "br" {
        lines.append([])
      } else {
        for child in tree.children(index) { walk(child) }
      }
    }
    walk(node)
    return lines.map { Normalizer.normalize($0) }.filter { !$0.isEmpty }
  }

  private func isInsideLeaf(_ node: MarkupTree.NodeIndex) -> Bool {
    tree.hasAncestor(node) { tree.name($0) == "p" || tree.name($0) == "dd" }
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
