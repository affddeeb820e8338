import RegPolicyModel

/// Reads EUR-Lex HTML: the act as published in the Official Journal (CONVEX output, `oj-*`
/// classes; the well-formed XHTML Cellar serves and the same page inside the EUR-Lex web wrapper)
/// and EUR-Lex consolidated versions (`title-article-norm`, `norm`, `grid-list` classes, with
/// amendment and corrigendum markers).
///
/// Structure is recognised from classes and from the EUR-Lex subdivision ids only to find a unit
/// (`rct_`, `cit_`, `pbl_`, `NNN.NNN`); every pinpoint ID is derived from the numbers as printed.
/// The two flavours use disjoint class names, so one reader serves both.
///
/// Older pages of both flavours — OJ XHTML of 2011–2014 (`ti-art`, `sti-art`, `normal`, no `oj-`
/// prefix) and consolidated HTML of 2014–2018 — have no subdivision containers: titles and text
/// are siblings. There an article is its title and the siblings up to the next article, division
/// or annex title, and a division runs to the next division title of its rank or above.
struct EurLexHTMLReader: MarkupReader {
  var context: ReadContext
  private let tree: MarkupTree
  private var instrument: Instrument
  private var provisions: [Provision] = []
  private var footnotes: [Provision] = []
  private var preamble: Provision?
  private var starCounter = 0
  /// `blockElements` and the elements whose text is kept apart by a space, by name id.
  private let blockTable: [Bool]
  private let separatorTable: [Bool]
  /// Markers of a consolidated text (`▼C2`, `►M1`) waiting for the block they introduce.
  private var pendingMarkers: [String] = []
  /// The divisions of a flat page still open, outermost first.
  private var openDivisions = DivisionStack()
  /// On an OJ page of 2011–2014, the loose paragraphs and tables after the document title, held
  /// until an article or division title shows they were the preamble (a rule or the end of the
  /// container shows they were not).
  private var flatPreamble: [MarkupTree.NodeIndex]?
  /// The part of a compilation being read (`pro_2`): the IDs of its own units go under it.
  private var scope: PinpointID?
  /// Marks the `txt_te` element name, if the page has one (pages before 2011), and whether it has.
  private let legacyTable: [Bool]
  private let isLegacyPage: Bool
  /// Whether no element has a class: early consolidated pages (CONSLEG, about 2002–2005), styled
  /// inline only.
  private let isInlineStyled: Bool

  /// Class names of both flavours (OJ first, consolidated second).
  private enum Class {
    static let articleTitle = ["oj-ti-art", "title-article-norm", "ti-art"]
    static let articleHeading = ["oj-sti-art", "stitle-article-norm", "eli-title", "sti-art"]
    static let divisionTitle = ["oj-ti-section-1", "title-division-1", "ti-section-1"]
    static let divisionHeading = ["oj-ti-section-2", "title-division-2", "ti-section-2"]
    static let groupHeading = [
      "oj-ti-grseq-1", "title-gr-seq-level-1", "title-gr-seq-level-2", "title-gr-seq-level-3", "ti-grseq-1",
    ]
    static let documentTitle = ["oj-doc-ti", "title-doc-first", "title-doc-last", "doc-ti"]
    static let footnote = ["oj-note", "footnote", "note"]
    static let annexTitle = ["title-annex-1"]
    static let annexHeading = ["title-annex-2"]
    static let marker = ["modref", "arrow"]
  }

  init(context: ReadContext) { self.init(context: context, consolidated: false) }

  init(context: ReadContext, consolidated: Bool) {
    self.context = context
    tree = context.tree
    blockTable = tree.nameTable(Self.blockElements)
    separatorTable = tree.nameTable(["p", "div", "td", "th", "tr", "br", "li", "table"])
    legacyTable = tree.nameTable(["txt_te", "TXT_TE"])  // as the HTML parser names it, and as XML
    isLegacyPage = legacyTable.contains(true)
    isInlineStyled = !isLegacyPage && tree.nameID("class") == nil
    instrument = Instrument(
      id: "", version: consolidated ? "consolidated" : "oj",
      format: consolidated ? .eurlexConsolidatedHTML : .eurlexHTML)
  }

  private func has(_ node: MarkupTree.NodeIndex, _ classes: [String]) -> Bool {
    classes.contains { tree.hasClass(node, $0) }
  }

  mutating func read() -> Document {
    for root in tree.roots where tree.isElement(root) {
      if tree.name(root) == "html" {
        for child in tree.children(root) where tree.isElement(child) {
          if tree.name(child) == "body" {
            if isInlineStyled { readInlineStyled(child) } else { readContainer(child) }
          } else {
            readHead(child)
          }
        }
      } else if tree.isNamed(root, in: legacyTable) {
        readLegacy(root, from: tree.sourceStart(root))  // the act of a page before 2011 alone
      } else {
        readContainer(root)  // the body alone (see Ingester.wellFormedBody) or a fragment
      }
    }
    closeDivisions(below: 0)
    if let title = context.pageTitle, instrument.format == .eurlexConsolidatedHTML {
      readConsolidationTitle(title)
    }
    if let preamble { provisions.insert(preamble, at: 0) }
    if instrument.id.isEmpty { instrument.id = instrument.celex ?? "" }
    return Document(instrument: instrument, provisions: provisions, footnotes: footnotes)
  }

  /// `<head>` is outside the act; a consolidated page's `<title>` names the version:
  /// "Consolidated TEXT: 32016R0679 — EN — 04.05.2016".
  private mutating func readHead(_ node: MarkupTree.NodeIndex) {
    if instrument.format == .eurlexConsolidatedHTML,
      let title = tree.first(node, where: { tree.name($0) == "title" })
    {
      readConsolidationTitle(context.plainText(title, role: .wrapper))
    }
    context.mark(node, .wrapper)
  }

  /// "Consolidated TEXT: 32016R0679 — EN — 04.05.2016" → CELEX, language, date and version id.
  private mutating func readConsolidationTitle(_ text: String) {
    let parts = text.split(separator: " ")
    if let celex = parts.first(where: { $0.count == 10 && $0.first == "3" }) {
      instrument.celex = String(celex)
      if let dotted = parts.last, let date = Vocabulary.isoDate(fromDotted: String(dotted)) {
        instrument.date = date
        instrument.id = "0" + celex.dropFirst() + "-" + date.filter { $0 != "-" }
      }
    }
    if let dash = parts.firstIndex(of: "—"), dash + 1 < parts.count {
      instrument.language = parts[dash + 1].lowercased()
    }
  }

  // MARK: Document level

  private mutating func readContainer(_ node: MarkupTree.NodeIndex) {
    let children = Array(tree.children(node))
    let holding = flatPreamble != nil  // a preamble held by an outer container is that one's to drop
    var index = 0
    while index < children.count {
      let child = children[index]
      index += 1
      guard tree.isElement(child) else { continue }
      let name = tree.name(child)
      if let held = flatPreamble, provisions.isEmpty, openDivisions.isEmpty, preamble == nil,
        name == "table" || (name == "p" && !has(child, Class.articleTitle + Class.divisionTitle + Class.footnote))
      {
        // The title's further lines ("of 25 October 2011", "on …") come before anything is held.
        if held.isEmpty, name == "p", tree.hasClass(child, "doc-ti") {
          readLooseParagraph(child)
        } else {
          flatPreamble?.append(child)
        }
        continue
      }
      if name == "p" && (has(child, Class.articleTitle) || has(child, Class.divisionTitle)) { closeFlatPreamble() }
      if name == "hr" { dropFlatPreamble() }
      if name == "p" && has(child, Class.articleTitle) && !isQuoted(child) {
        // A flat page: the article runs to the next title of an article, division or annex.
        var end = index
        while end < children.count, !endsFlatArticle(children[end]) { end += 1 }
        let parts = [child] + children[index..<end].filter(tree.isElement)
        if let article = readArticle(parts, at: tree.sourceStart(child), flat: true) {
          appendFlat(article)
        }
        index = end
      } else if name == "p" && has(child, Class.divisionTitle) {
        var heading: MarkupTree.NodeIndex?
        while index < children.count, !tree.isElement(children[index]) { index += 1 }
        if index < children.count, has(children[index], Class.divisionHeading) {
          heading = children[index]
          index += 1
        }
        openDivision(child, heading: heading)
      } else if name == "p" && (has(child, Class.annexTitle) || isAnnexStart(child)) {
        closeDivisions(below: 0)
        // Consolidated annexes are not wrapped: the annex runs to the next annex title.
        var end = index
        while end < children.count, !isAnnexStart(children[end]), !has(children[end], Class.footnote) { end += 1 }
        let number = Vocabulary.annexNumber(context.plainText(child)) ?? String(provisions.count)
        provisions.append(
          readAnnex(child, parts: [child] + children[index..<end].filter(tree.isElement), number: number))
        index = end
      } else if name == "p" && isFlatFinalFormula(child) && (!provisions.isEmpty || !openDivisions.isEmpty) {
        // "Done at …" on an OJ page of 2011–2014: the final part runs to the annexes.
        closeDivisions(below: 0)
        var end = index
        while end < children.count, !isAnnexStart(children[end]), !has(children[end], Class.footnote),
          tree.name(children[end]) != "hr"
        {
          end += 1
        }
        let blocks = ([child] + children[index..<end].filter(tree.isElement)).flatMap { blocksOf($0, asItself: true) }
        provisions.append(context.assemble(.finalPart, kind: .final, blocks: blocks, at: tree.sourceStart(child)))
        index = end
      } else if name == "p" && has(child, Class.marker) {
        takeMarkers(child)
      } else if name == "p", let legacy = legacyText(in: child) {
        // libxml2 closes the unknown <TXT_TE> where the first <p> opens: the act is the rest of
        // this container.
        readLegacy(node, from: tree.sourceStart(legacy))
        return
      } else if name == "p" {
        readLooseParagraph(child)
      } else if name == "table" && instrument.format == .eurlexConsolidatedHTML {
        context.mark(child, .header)  // the consolidated page's list of amending acts
      } else if name == "table" && provisions.isEmpty && preamble == nil {
        readMasthead(child)
      } else if name == "div" {
        readDivision(child)
      } else if name == "script" || name == "style" || name == "noscript" {
        context.mark(child, .wrapper)
      } else if name != "hr", let legacy = legacyText(in: child), tree.isNamed(child, in: legacyTable) {
        readLegacy(node, from: tree.sourceStart(legacy))
        return
      } else if name != "hr" {
        readContainer(child)
      }
    }
    if !holding { dropFlatPreamble() }
  }

  /// The paragraphs held after an OJ page's title were its preamble: the formulas and citations
  /// as its text, each numbered row "(N) | text" a recital.
  private mutating func closeFlatPreamble() {
    guard let nodes = flatPreamble, let first = nodes.first else { return }
    flatPreamble = nil
    var blocks: [Block] = []
    for node in nodes {
      // A title line among them ("CHARTER OF FUNDAMENTAL RIGHTS …") is text of the preamble.
      blocks += tree.name(node) == "table" ? blocksOf(node, asItself: true) : [.text(textBlock(node))]
    }
    makePreamble(blocks, at: tree.sourceStart(first))
  }

  /// The paragraphs held after an OJ page's title were not a preamble (a table of contents before
  /// a rule, a notice without articles): they are header.
  private mutating func dropFlatPreamble() {
    for node in flatPreamble ?? [] { readLooseParagraph(node) }
    flatPreamble = nil
  }

  private mutating func readLooseParagraph(_ node: MarkupTree.NodeIndex) {
    if has(node, Class.footnote) {
      readFootnote(node)
    } else if has(node, Class.documentTitle) {
      let text = context.plainText(node, role: .header)
      instrument.title = instrument.title.isEmpty ? text : instrument.title + " " + text
      // An OJ page of 2011–2014: what follows its title up to the first article may be preamble.
      if tree.hasClass(node, "doc-ti"), provisions.isEmpty, preamble == nil { flatPreamble = [] }
    } else {
      let text = context.plainText(node, role: .header)
      if text.hasPrefix("ELI: ") { instrument.eli = String(text.dropFirst(5)) }
    }
  }

  /// The OJ masthead: "Official Journal of the European Union", language, series, number, date.
  private mutating func readMasthead(_ node: MarkupTree.NodeIndex) {
    for p in tree.descendants(node, where: { tree.name($0) == "p" }) {
      let text = context.plainText(p, role: .header)
      // Without the prefix on OJ pages of 2011–2014.
      if tree.hasClass(p, "oj-hd-lg") || tree.hasClass(p, "hd-lg") { instrument.language = text.lowercased() }
      if tree.hasClass(p, "oj-hd-date") || tree.hasClass(p, "hd-date") {
        instrument.date = Vocabulary.isoDate(fromDotted: text)
      }
    }
    context.mark(node, .header)
  }

  private mutating func readDivision(_ node: MarkupTree.NodeIndex) {
    let id = tree.attribute(node, "id") ?? ""
    let elements = tree.elements(node)
    if tree.hasClass(node, "eli-main-title") {
      readTitle(node)
    } else if let first = elements.first, tree.hasClass(first, "oj-doc-ti"),
      let number = Vocabulary.annexNumber(plainTextPeek(first))
    {
      // An annex first: it may hold articles of its own.
      provisions.append(readAnnex(node, parts: tree.elements(node), number: number))
    } else if let first = elements.firstIndex(where: { has($0, Class.articleTitle) }) {
      // A container of several article titles is a flat page's text — unless it is an article of
      // today's markup, whose second title is one its amendment inserts.
      if !tree.hasClass(node, "eli-subdivision"), !id.hasPrefix("art_"),
        elements[(first + 1)...].contains(where: { has($0, Class.articleTitle) })
      {
        readContainer(node)
      } else if let article = readArticle(node) {
        provisions.append(article)
      }
    } else if let heading = elements.first(where: { has($0, Class.divisionTitle) }) {
      if let division = readDivision(node, heading: heading, parent: nil) {
        provisions.append(division)
      }
    } else if id.hasPrefix("pbl_") {
      readPreamble(node)
    } else if tree.hasClass(node, "preamble") && preamble == nil {
      readFlatPreamble(node)
    } else if tree.hasClass(node, "oj-final") || id.hasPrefix("fnp_") {
      provisions.append(readFinal(node))
    } else {
      readContainer(node)
    }
  }

  private mutating func readTitle(_ node: MarkupTree.NodeIndex) {
    var lines: [String] = []
    for p in tree.elements(node) { lines.append(context.plainText(p, role: .header)) }
    instrument.title = lines.joined(separator: " ")
    instrument.celex = lines.first.flatMap(Vocabulary.celex(fromTitle:))
    instrument.adopted = lines.dropFirst().first.flatMap(Vocabulary.isoDate(fromWords:))
  }

  // MARK: Preamble, recitals, final part

  private mutating func readPreamble(_ node: MarkupTree.NodeIndex) {
    var blocks: [Block] = []
    var children: [Provision] = []
    for child in tree.elements(node) {
      let id = tree.attribute(child, "id") ?? ""
      if id.hasPrefix("cit_") {
        let number = String(children.filter { $0.kind == .citation }.count + 1)
        let blocks = blocksOf(child)
        children.append(
          context.assemble(
            PinpointID(.citation, number), kind: .citation, num: number, blocks: blocks, at: tree.sourceStart(child)))
      } else if id.hasPrefix("rct_") {
        // A recital is one numbered row: (N) | text. Some OJ pages wrap "Whereas:" in a recital
        // container too; that stays preamble text.
        let items = blocksOf(child)
        if items.count == 1, case .item(let number, let source, let body) = items[0] {
          let number = Numbering.clean(number)
          var recital = context.assemble(
            PinpointID(.recital, number), kind: .recital, num: number, blocks: body, at: source)
          recital.source = context.assembler.span(tree.sourceStart(child))
          children.append(recital)
        } else {
          blocks += items
        }
      } else {
        blocks += blocksOf(child, asItself: true)
      }
    }
    // The formulas ("THE EUROPEAN PARLIAMENT …,", "Whereas:", "HAVE ADOPTED …:") are the
    // preamble's own text and subparagraphs, in order.
    let preambleID = context.assembler.claim(
      PinpointID.preamble, at: tree.sourceStart(node))
    let content = context.assembler.body(blocks, under: preambleID)
    preamble = Provision(
      id: preambleID, kind: .preamble, text: content.text,
      children: merge(content.children, children),
      source: context.assembler.span(tree.sourceStart(node)))
  }

  /// The preamble of a consolidated page of 2014–2018 (`<div class="preamble">`): the formulas and
  /// citations as its text, and each numbered row "(N) | text" a recital.
  private mutating func readFlatPreamble(_ node: MarkupTree.NodeIndex) {
    makePreamble(blocksOf(node), at: tree.sourceStart(node))
  }

  /// A preamble from its blocks: numbered items "(N)" are recitals, the rest its text.
  private mutating func makePreamble(_ preambleBlocks: [Block], at start: Int) {
    // Recitals numbered "(N)"; where none is (acts before the mid-1990s), the "Whereas …"
    // paragraphs numbered by position, as Formex numbers them. Citations: "Having regard to …".
    let numbered = preambleBlocks.contains {
      if case .item(let number, _, _) = $0 { Self.isRecitalLabel(number) } else { false }
    }
    var blocks: [Block] = []
    var units: [Provision] = []
    var citations = 0
    var recitals = 0
    for block in preambleBlocks {
      switch block {
      case .item(let label, let source, let body) where Self.isRecitalLabel(label):
        let number = Numbering.clean(label)
        units.append(
          context.assemble(scoped(PinpointID(.recital, number)), kind: .recital, num: number, blocks: body, at: source))
      case .text(let text) where Self.opens(text.bytes, with: Self.citationOpenings):
        citations += 1
        units.append(
          context.assemble(
            scoped(PinpointID(.citation, String(citations))), kind: .citation, num: String(citations), blocks: [block],
            at: text.source))
      case .text(let text) where !numbered && Self.opens(text.bytes, with: Self.recitalOpenings):
        recitals += 1
        units.append(
          context.assemble(
            scoped(PinpointID(.recital, String(recitals))), kind: .recital, num: String(recitals), blocks: [block],
            at: text.source))
      default:
        blocks.append(block)
      }
    }
    let preambleID = context.assembler.claim(scoped(PinpointID.preamble), at: start)
    let content = context.assembler.body(blocks, under: preambleID)
    preamble = Provision(
      id: preambleID, kind: .preamble, text: content.text, children: merge(content.children, units),
      source: context.assembler.span(start))
  }

  /// "(12)": a recital's label (a lettered "(a)" in a preamble is no recital).
  static func isRecitalLabel(_ label: String) -> Bool {
    label.hasPrefix("(") && label.dropFirst().first?.isNumber == true
  }

  /// How a citation opens ("Having regard to the Treaty …") and, unnumbered, a recital ("Whereas
  /// …"), in the languages the readers know. "Whereas:" alone introduces numbered recitals.
  static let citationOpenings = Self.openings(
    "Having regard ", "Vu ", "vu ", "Gestützt auf ", "gestützt auf ", "Gelet op ")
  static let recitalOpenings = Self.openings("Whereas ", "Considérant ", "considérant ", "In Erwägung ", "Overwegende ")

  /// Formulas as the bytes a text is compared by.
  static func openings(_ formulas: String...) -> [[UInt8]] { formulas.map { Array($0.utf8) } }

  /// Whether the text (bytes, leading white space skipped) opens with one of the formulas: asked of
  /// every paragraph, so nothing is normalised or made a String for it.
  static func opens<Bytes: Collection<UInt8>>(_ bytes: Bytes, with openings: [[UInt8]]) -> Bool {
    var start = bytes.startIndex  // past white space, no-break spaces included
    while start < bytes.endIndex {
      if Numbering.isSpace(bytes[start]) {
        start = bytes.index(after: start)
      } else if bytes[start] == 0xC2, bytes[bytes.index(after: start)...].first == 0xA0 {
        start = bytes.index(start, offsetBy: 2)
      } else {
        break
      }
    }
    return openings.contains { bytes[start...].starts(with: $0) }
  }

  /// Orders the preamble's subparagraphs and its citations/recitals by source position.
  private func merge(_ a: [Provision], _ b: [Provision]) -> [Provision] {
    (a + b).sorted { $0.source.startOffset < $1.source.startOffset }
  }

  private mutating func readFinal(_ node: MarkupTree.NodeIndex) -> Provision {
    let blocks = blocksOf(node)
    return context.assemble(.finalPart, kind: .final, blocks: blocks, at: tree.sourceStart(node))
  }

  // MARK: Divisions, articles, annexes

  private mutating func readDivision(
    _ node: MarkupTree.NodeIndex, heading: MarkupTree.NodeIndex, parent: PinpointID?
  )
    -> Provision?
  {
    let label = context.plainText(heading)
    guard let (kind, prefix, number) = Vocabulary.division(label) else {
      context.diagnose(
        DiagnosticCode.ingestUnplacedText, .warning, at: tree.sourceStart(heading),
        "division heading '\(label)' not recognised")
      readContainer(node)
      return nil
    }
    // Divisions nest in their parent division: cpt_III.sct_2, tit_II.cpt_1.
    let divisionID = context.assembler.claim(
      parent?.appending(prefix, number) ?? PinpointID(prefix, number),
      at: tree.sourceStart(node))
    var division = Provision(
      id: divisionID, kind: kind, num: number,
      source: context.assembler.span(tree.sourceStart(node)))
    for child in tree.elements(node) where child != heading {
      if tree.hasClass(child, "eli-title") || has(child, Class.divisionHeading) {
        division.heading = context.plainText(child)
      } else if has(child, Class.marker) {
        takeMarkers(child)
      } else if tree.elements(child).contains(where: { has($0, Class.articleTitle) }) {
        if let article = readArticle(child) { division.children.append(article) }
      } else if let inner = tree.elements(child).first(where: {
        has($0, Class.divisionTitle)
      }) {
        if let sub = readDivision(child, heading: inner, parent: divisionID) {
          division.children.append(sub)
        }
      } else {
        let content = context.assembler.body(blocksOf(child, asItself: true), under: divisionID)
        division.text += content.text
        division.children += content.children
      }
    }
    return division
  }

  private mutating func readArticle(_ node: MarkupTree.NodeIndex) -> Provision? {
    readArticle(tree.elements(node), at: tree.sourceStart(node))
  }

  /// An article from its elements: its title, heading and body. The paragraphs of a flat or
  /// consolidated page are its numbered text blocks ("1. …"), not containers.
  private mutating func readArticle(
    _ elements: [MarkupTree.NodeIndex], at source: Int, flat: Bool = false, under parent: PinpointID? = nil
  ) -> Provision? {
    guard let title = elements.first(where: { has($0, Class.articleTitle) }) else { return nil }
    guard let number = context.articleNumber(title) else { return nil }
    var heading: String?
    var body: [Block] = []
    for child in elements where child != title {
      if has(child, Class.articleHeading) {
        heading = context.plainText(child)
      } else {
        body += blocksOf(child, asItself: true)
      }
    }
    if flat {
      // A group heading inside an article ("°", a bold line) is its text, not a section.
      body = body.map { block in
        guard case .group(_, _, let number, let heading, let source, _) = block, number.isEmpty else { return block }
        return .text(TextBlock(bytes: Array((heading ?? "").utf8), source: source))
      }
      body = Assembler.numberedParagraphs(body)
    }
    if flat || instrument.format == .eurlexConsolidatedHTML { body = Assembler.foldIntoParagraphs(body) }
    if flat { body = Assembler.nestByLabelStyle(body) }
    return context.assemble(
      parent?.appending(.article, number) ?? PinpointID(.article, number), kind: .article, num: number,
      heading: heading, blocks: body, at: source)
  }

  // MARK: Pages before 2011

  /// The `<TXT_TE>` element of a page before 2011 at or inside `node`; nil on every other page
  /// (looked up by name id, so today's pages pay one table lookup per node at most).
  private func legacyText(in node: MarkupTree.NodeIndex) -> MarkupTree.NodeIndex? {
    guard isLegacyPage else { return nil }
    if tree.isNamed(node, in: legacyTable) { return node }
    return tree.first(node) { tree.isNamed($0, in: legacyTable) }
  }

  /// Early consolidated pages carry no class at all: the consolidation's header (reference line,
  /// disclaimer, the list of amending acts) runs to the last rule before the first article
  /// heading, the footnotes follow the first rule after the last one, and the act between is
  /// read from its words as on pages before 2011 — with recitals laid out as (number | text) tables.
  private mutating func readInlineStyled(_ body: MarkupTree.NodeIndex) {
    let children = tree.elements(body)
    let labels = Fidelity.articleLabels(in: tree)
    func position(_ node: MarkupTree.NodeIndex) -> Int? {
      var top = node
      while top >= 0, tree.parent(top) != body { top = tree.parent(top) }
      return children.firstIndex(of: top)
    }
    guard let first = labels.first.flatMap(position), let last = labels.last.flatMap(position) else {
      readContainer(body)  // no article: nothing to bound the act by
      return
    }
    let actStart = children[..<first].lastIndex { tree.name($0) == "hr" }.map { $0 + 1 } ?? 0
    for child in children[..<actStart] { context.mark(child, .header) }
    let notes = children[(last + 1)...].firstIndex { tree.name($0) == "hr" }
    // The title lines: the paragraphs that open the act, up to the first element of another kind.
    let titleEnd = children[actStart...].drop { tree.name($0) != "p" }.first { tree.name($0) != "p" }.map(
      tree.sourceStart)
    readLegacy(
      body, from: tree.sourceStart(children[actStart]), to: notes.map { tree.sourceStart(children[$0]) } ?? .max,
      titleEnd: titleEnd)
    for child in children[((notes ?? children.count - 1) + 1)...] where tree.name(child) == "p" {
      readFootnote(child)
    }
  }

  /// A page before 2011 names its language and its act in Dublin Core: `DC.language` "EN",
  /// `DC.identifier` "…uri=CELEX:31995L0046:EN:HTML".
  private mutating func readPageMetadata() {
    if let language = context.pageMetadata["DC.language"], !language.isEmpty {
      instrument.language = language.lowercased()
    }
    if let identifier = context.pageMetadata["DC.identifier"],
      let celex = identifier.split(separator: ":").drop(while: { !$0.hasSuffix("CELEX") }).dropFirst().first
    {
      if celex.count == 10, celex.first == "3" {
        instrument.celex = String(celex)
        instrument.id = String(celex)
      }
    }
  }

  /// The act of a page before 2011: plain `<p>`s without classes from the `<TXT_TE>` element on
  /// (`node` is the container, the act lies between the offsets `start` and `end`). The title
  /// lines run to the first empty paragraph (or to `titleEnd`); then the preamble (citations,
  /// "(N) Whereas …" recitals) up to the first division or article; an article is its label
  /// ("Article 1"), a short heading line, and the paragraphs up to the next label; "Done at …"
  /// opens the final part.
  private mutating func readLegacy(
    _ node: MarkupTree.NodeIndex, from start: Int, to end: Int = .max, titleEnd: Int? = nil
  ) {
    let table = tree.nameID("table")
    // The units: paragraphs, and on inline-styled pages the tables that lay out numbered items.
    let paragraphs = tree.descendants(node) {
      let offset = tree.sourceStart($0)
      guard offset >= start, offset < end else { return false }
      if self.isInlineStyled && tree.hasAncestor($0, where: { tree.hasName($0, table) }) { return false }
      return tree.name($0) == "p" && !self.isInsideParagraph($0, after: start)
        || (self.isInlineStyled && tree.hasName($0, table))
    }
    // Each paragraph's text, once: the labels are looked for in it again and again.
    let texts = paragraphs.map(labelText)
    if let segments = Self.compilationSegments(texts) {
      readCompilation(paragraphs, texts, segments)
      return
    }
    var index = 0
    var title: [String] = []
    // The title block: to the first empty paragraph — and never over the first recital, division
    // or article, whatever the blank lines say.
    while index < paragraphs.count {
      if let titleEnd, tree.sourceStart(paragraphs[index]) >= titleEnd { break }
      let line = texts[index]
      if line.hasPrefix("(1) ") || Vocabulary.articleLabel(line) != nil || Self.legacyDivision(line) != nil
        || Self.opens(line.utf8, with: Self.citationOpenings) || Self.opens(line.utf8, with: Self.recitalOpenings)
      {
        break
      }
      if Self.isMarkerLine(texts[index]) {
        takeMarkers(paragraphs[index])
        index += 1
        continue
      }
      let text = context.plainText(paragraphs[index], role: .header)
      index += 1
      if text.isEmpty && titleEnd == nil { break }
      if !text.isEmpty { title.append(text) }
    }
    instrument.title = title.joined(separator: " ")
    readPageMetadata()
    readLegacyBody(paragraphs, texts, from: index)
  }

  /// The act read from its words after its title: preamble, divisions, articles, final part,
  /// annexes (into `provisions` and `preamble`, under `scope` when a compilation's part is read).
  private mutating func readLegacyBody(_ paragraphs: [MarkupTree.NodeIndex], _ texts: [String], from start: Int) {
    var index = start
    var preambleBlocks: [Block] = []
    var preambleStart: Int?
    var final: (start: Int, blocks: [Block])?
    /// Whether the text at `position` opens a unit of the enacting terms: an article, a division
    /// (numbered, or a heading alone such as "FINAL PROVISIONS" before an article), the final part.
    func opensUnit(_ position: Int, unnumbered: Bool = true) -> Bool {
      let text = texts[position]
      return Vocabulary.articleLabel(text) != nil || Self.legacyDivision(text) != nil
        || Self.opens(text.utf8, with: Self.finalFormulas) || (unnumbered && isUnnumberedDivision(position))
        || Self.legacyAnnexNumber(text) != nil
    }
    /// An unnumbered division heading: a line in capitals, followed by an article label.
    func isUnnumberedDivision(_ position: Int) -> Bool {
      let text = texts[position]
      // Cheapest first: a short line before an article label, then the capitals.
      guard text.utf8.count < 100, let first = text.utf8.first, first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z")
      else { return false }
      var next = position + 1
      while next < texts.count, texts[next].isEmpty || Self.isMarkerLine(texts[next]) { next += 1 }
      guard next < texts.count, Vocabulary.articleLabel(texts[next]) != nil else { return false }
      return Vocabulary.headingLine(text) != nil && text == text.uppercased()
    }
    var annexes: [(number: String, start: Int, heading: String?, blocks: [Block])] = []
    while index < paragraphs.count {
      let paragraph = paragraphs[index]
      let text = texts[index]
      if !provisions.isEmpty || !openDivisions.isEmpty, let number = Self.legacyAnnexNumber(text) {
        // "ANNEX", "ANNEX II": an annex runs to the next, after the enacting terms and the final part.
        closeDivisions(below: 0)
        context.mark(paragraph, .provision)
        index += 1
        var heading: String?
        if index < paragraphs.count, let line = Vocabulary.headingLine(texts[index]),
          Self.legacyAnnexNumber(texts[index]) == nil
        {
          heading = line
          context.mark(paragraphs[index], .provision)
          index += 1
        }
        annexes.append((number, tree.sourceStart(paragraph), heading, []))
        continue
      }
      if !annexes.isEmpty {
        annexes[annexes.count - 1].blocks += unitBlocks(paragraph)
        index += 1
        continue
      }
      if final != nil {
        final?.blocks += blocksOf(paragraph, asItself: true)
        index += 1
        continue
      }
      if Self.isMarkerLine(text) {
        takeMarkers(paragraph)
        index += 1
        continue
      }
      if Self.opens(text.utf8, with: Self.finalFormulas) {
        closeDivisions(below: 0)
        final = (tree.sourceStart(paragraph), blocksOf(paragraph, asItself: true))
        index += 1
        continue
      }
      if let number = Vocabulary.articleLabel(text) {
        // The article: its label, a heading line if one follows, and its text to the next label.
        context.mark(paragraph, .provision)
        var next = index + 1
        var heading: String?
        if next < paragraphs.count, let line = Vocabulary.headingLine(texts[next]), !opensUnit(next) {
          heading = line
          context.mark(paragraphs[next], .provision)
          next += 1
        }
        // "(ex Article 61 TEC)", "(ex-article 61 TCE)": the article it was, printed under its label.
        if next < paragraphs.count, texts[next].hasPrefix("(ex ") || texts[next].hasPrefix("(ex-") {
          let note = plainTextPeek(paragraphs[next])
          heading = heading.map { $0 + " " + note } ?? note
          context.mark(paragraphs[next], .provision)
          next += 1
        }
        var body: [Block] = []
        while next < paragraphs.count, !opensUnit(next) {
          if Self.isMarkerLine(texts[next]) {
            takeMarkers(paragraphs[next])
          } else {
            body += unitBlocks(paragraphs[next])
          }
          next += 1
        }
        body = Assembler.nestByLabelStyle(
          Assembler.foldIntoParagraphs(Self.legacyItems(Assembler.numberedParagraphs(body))))
        appendFlat(
          context.assemble(
            scoped(PinpointID(.article, number)), kind: .article, num: number, heading: heading, blocks: body,
            at: tree.sourceStart(paragraph)))
        index = next
        continue
      }
      if case (let kind, let prefix, let number, var heading)? = Self.legacyDivision(text) {
        context.mark(paragraph, .provision)
        index += 1
        // "CHAPTER I", then its heading in a paragraph of its own.
        if heading == nil, index < paragraphs.count, let line = Vocabulary.headingLine(texts[index]),
          !opensUnit(index, unnumbered: false)
        {
          heading = line
          context.mark(paragraphs[index], .provision)
          index += 1
        }
        openDivisions.open(
          kind, prefix, number, heading: heading, at: tree.sourceStart(paragraph), under: scope,
          assembler: &context.assembler,
          into: &provisions)
        continue
      }
      if isUnnumberedDivision(index) {
        // A division without a number ("FINAL PROVISIONS"): `cpt_nn1`, never a part of the chapter before it.
        context.mark(paragraph, .provision)
        let id = openDivisions.openUnnumbered(
          heading: text, at: tree.sourceStart(paragraph), under: scope, assembler: &context.assembler,
          into: &provisions)
        context.diagnose(
          DiagnosticCode.ingestUnplacedText, .warning, at: tree.sourceStart(paragraph),
          "division '\(text)' has no number; read as an unnumbered division, '\(id)'")
        index += 1
        continue
      }
      // Before the enacting terms: the preamble.
      if provisions.isEmpty && openDivisions.isEmpty {
        preambleStart = preambleStart ?? tree.sourceStart(paragraph)
        preambleBlocks += Self.legacyItems(unitBlocks(paragraph))
      } else {
        _ = context.plainText(paragraph, role: .header)
      }
      index += 1
    }
    closeDivisions(below: 0)
    if let preambleStart, preamble == nil { makePreamble(preambleBlocks, at: preambleStart) }
    if let final {
      provisions.append(context.assemble(scoped(.finalPart), kind: .final, blocks: final.blocks, at: final.start))
    }
    for annex in annexes {
      provisions.append(
        context.assemble(
          scoped(PinpointID(.annex, annex.number)), kind: .annex, num: annex.number, heading: annex.heading,
          blocks: Assembler.nestByLabelStyle(Self.legacyItems(annex.blocks)), at: annex.start))
    }
  }

  /// "ANNEX", "ANNEX II", "ANNEXE", "ANHANG III" alone in its paragraph → its number ("I" when
  /// it has none); nil for anything else ("Annex I to this Regulation is amended …").
  static func legacyAnnexNumber(_ text: String) -> String? {
    // Asked of every paragraph: a short line opening with a capital, or no annex title.
    guard text.utf8.count <= 24, let first = text.utf8.first, first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z")
    else { return nil }
    let words = text.split(separator: " ")
    guard !words.isEmpty, words.count <= 2, text == text.uppercased(),
      words.count == 1 || words[1].allSatisfy({ "IVXLC0123456789".contains($0) })
    else { return nil }
    return Vocabulary.annexNumber(text)
  }

  /// The blocks of a unit of a page read from its words: the paragraph as one block, unless it
  /// holds blocks of its own (early consolidated pages nest indented `<div>`s in a `<p>`).
  private mutating func unitBlocks(_ node: MarkupTree.NodeIndex) -> [Block] {
    let nested =
      tree.name(node) == "p"
      && tree.elements(node).contains { tree.isNamed($0, in: blockTable) && tree.name($0) != "br" }
    return blocksOf(node, asItself: !nested)
  }

  /// `id` under the compilation part being read, if any.
  private func scoped(_ id: PinpointID) -> PinpointID {
    guard let scope else { return id }
    return PinpointID(rawValue: scope.rawValue + "." + id.rawValue)
  }

  // MARK: Compilations

  /// A page that holds several acts — the 2008 consolidated Treaties with their protocols,
  /// annexes and declarations — separates them by a line of dashes, and its article numbering
  /// starts again in each: the runs of paragraphs between the lines, or nil for a page of one act.
  static func compilationSegments(_ texts: [String]) -> [Range<Int>]? {
    let separators = texts.indices.filter { isSeparatorLine(texts[$0]) }
    // …and opens with the page's title (and contents), not an act: a decision with an annexed
    // agreement has two "Article 1" too, but it is one act.
    guard separators.count >= 2, texts.count(where: { Vocabulary.articleLabel($0) == "1" }) >= 2,
      !texts[..<separators[0]].contains(where: { Vocabulary.articleLabel($0) != nil })
    else { return nil }
    var segments: [Range<Int>] = []
    var start = 0
    for separator in separators + [texts.count] {
      if separator > start { segments.append(start..<separator) }
      start = separator + 1
    }
    return segments
  }

  /// "--------------------------------------------------": the line between two acts of a page
  /// (a line of underscores is the footnotes' rule, no separator).
  static func isSeparatorLine(_ text: String) -> Bool {
    text.utf8.count >= 10 && text.utf8.allSatisfy { $0 == UInt8(ascii: "-") }
  }

  /// Reads each part of a compilation under an ID of its own: a treaty (a part with articles) by
  /// its position, `act_2`; a protocol by its number, `pro_2` ("PROTOCOL (No 2)"); an annex,
  /// `anx_I`, inside the protocol it follows directly; a declaration, `dcl_7` ("7. Declaration
  /// on …"). The page's title, its table of contents and the headings over groups of parts are
  /// header; a part's trailing "[N] …" lines are its footnotes.
  private mutating func readCompilation(
    _ paragraphs: [MarkupTree.NodeIndex], _ texts: [String], _ segments: [Range<Int>]
  ) {
    for index in texts.indices where Self.isSeparatorLine(texts[index]) { context.mark(paragraphs[index], .header) }
    var acts = 0
    var protocolIndex: Int?  // the protocol just read, in `provisions`: an annex right after it is its own
    for (position, segment) in segments.enumerated() {
      let first = texts[segment.lowerBound]
      let hasArticles = texts[segment].contains { Vocabulary.articleLabel($0) != nil }
      let kind: ProvisionKind
      var number: String
      if let value = Vocabulary.protocolNumber(first) {
        (kind, number) = (.protocol, value)
      } else if let value = Self.legacyAnnexNumber(first) ?? Self.annexTitleNumber(first) {
        (kind, number) = (.annex, value)
      } else if let value = Vocabulary.declarationNumber(first) {
        (kind, number) = (.declaration, value)
      } else if hasArticles {
        acts += 1
        (kind, number) = (.act, String(acts))
      } else {
        // The page's title, its table of contents, a heading over a group of parts.
        let lines = segment.map { context.plainText(paragraphs[$0], role: .header) }
        if position == 0 { instrument.title = lines.joined(separator: " ") }
        protocolIndex = nil
        continue
      }
      let parent = kind == .annex ? protocolIndex.map { provisions[$0].id } : nil
      let prefix: PinpointID.Prefix =
        kind == .act ? .act : kind == .protocol ? .protocol : kind == .annex ? .annex : .declaration
      let id = context.assembler.claim(
        parent?.appending(prefix, number) ?? PinpointID(prefix, number),
        at: tree.sourceStart(paragraphs[segment.lowerBound]))
      // The heading: the label line's rest or the lines after it ("ON THE ROLE OF NATIONAL
      // PARLIAMENTS …"); a treaty's short title lines up to its first line in capitals ("PREAMBLE").
      var heading: [String] = []
      var index = segment.lowerBound
      context.mark(paragraphs[index], .provision)
      if kind == .declaration {
        // The whole line ("7. Declaration on …"): `texts` holds only the opening of a long one.
        heading.append(String(plainTextPeek(paragraphs[index]).drop { $0 != " " }.dropFirst()))
        index += 1
      } else if kind == .act {
        while index < segment.upperBound, texts[index].utf8.count <= 100, Vocabulary.headingLine(texts[index]) != nil,
          texts[index] != texts[index].uppercased(), Vocabulary.articleLabel(texts[index]) == nil
        {
          heading.append(texts[index])
          context.mark(paragraphs[index], .provision)
          index += 1
        }
      } else {
        index += 1
        // The heading: a short line, or a line in capitals however long ("RELATING TO ARTICLE 6(2) …").
        let line = index < segment.upperBound ? texts[index] : ""
        if Vocabulary.headingLine(line) != nil || (line == line.uppercased() && line.contains(where: \.isLetter)),
          Vocabulary.articleLabel(line) == nil, Self.legacyDivision(line) == nil
        {
          heading.append(plainTextPeek(paragraphs[index]))
          context.mark(paragraphs[index], .provision)
          index += 1
        }
      }
      // Trailing footnotes: "[1] The Republic of Bulgaria, …".
      var end = segment.upperBound
      while end > index, Self.footnoteLine(texts[end - 1]) != nil { end -= 1 }
      var part = Provision(
        id: id, kind: kind, num: number, heading: heading.isEmpty ? nil : heading.joined(separator: " "),
        source: context.assembler.span(tree.sourceStart(paragraphs[segment.lowerBound])))
      if hasArticles {
        // An act of its own: read as a page's act is, its IDs under the part's.
        let outer = (provisions, preamble)
        (provisions, preamble, scope) = ([], nil, id)
        readLegacyBody(Array(paragraphs[index..<end]), Array(texts[index..<end]), from: 0)
        part.children = (preamble.map { [$0] } ?? []) + provisions
        (provisions, preamble, scope) = (outer.0, outer.1, nil)
      } else {
        let blocks = paragraphs[index..<end].flatMap { unitBlocks($0) }
        let content = context.assembler.body(Assembler.nestByLabelStyle(Self.legacyItems(blocks)), under: id)
        (part.text, part.children) = (content.text, content.children)
      }
      for line in end..<segment.upperBound {
        guard let (label, rest) = Self.footnoteLine(plainTextPeek(paragraphs[line])) else { continue }
        context.mark(paragraphs[line], .footnote)
        let footnoteID = context.assembler.claim(id.appending(.footnote, label), at: tree.sourceStart(paragraphs[line]))
        footnotes.append(
          Provision(
            id: footnoteID, kind: .footnote, num: label, text: rest,
            source: context.assembler.span(tree.sourceStart(paragraphs[line]))))
      }
      if let parent = protocolIndex, kind == .annex {
        provisions[parent].children.append(part)
      } else {
        provisions.append(part)
        protocolIndex = kind == .protocol ? provisions.count - 1 : nil
      }
    }
  }

  /// A compilation's annex title in capitals that names what it is annexed to: "ANNEX TO THE
  /// PROTOCOL" → "I", "ANNEX II TO THE PROTOCOL" → "II".
  static func annexTitleNumber(_ text: String) -> String? {
    guard text == text.uppercased(), Vocabulary.annexNumber(text) != nil else { return nil }
    let words = text.split(separator: " ")
    return words.count > 1 && words[1].allSatisfy({ "IVXLC".contains($0) }) ? String(words[1]) : "I"
  }

  /// "[12] Replaced, in substance, by Article 14 TEU." → ("12", the text).
  static func footnoteLine(_ text: String) -> (String, String)? {
    guard text.first == "[", let close = text.firstIndex(of: "]"), text.index(after: text.startIndex) < close,
      text[text.index(after: text.startIndex)..<close].allSatisfy(\.isNumber)
    else { return nil }
    return (
      String(text[text.index(after: text.startIndex)..<close]),
      String(text[text.index(after: close)...].drop { $0 == " " })
    )
  }

  /// A paragraph that holds amendment markers only ("▼B", "▼M1").
  static func isMarkerLine(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, first == "▼" || first == "►", text.utf8.count <= 24 else {
      return false
    }
    return !text.contains(" ")
  }

  /// Whether a paragraph lies in another paragraph of the act (one that starts after `start`; the
  /// page's own `<p>` around `<TXT_TE>` does not count).
  private func isInsideParagraph(_ node: MarkupTree.NodeIndex, after start: Int) -> Bool {
    tree.hasAncestor(node) { tree.name($0) == "p" && tree.sourceStart($0) >= start }
  }

  /// The text a label is looked for in: a paragraph's normalised text, or of a long paragraph its
  /// opening only (labels, headings and formulas are short; the text itself is read as blocks).
  private func labelText(_ node: MarkupTree.NodeIndex) -> String {
    var bytes: [UInt8] = []
    tree.appendText(node, to: &bytes)
    if bytes.count > 400 {
      var end = 160
      while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }  // not inside a character
      bytes.removeSubrange(end...)
      // Ends as no heading line can, so the opening of a long paragraph is never taken for one.
      return Normalizer.normalize(bytes) + " …;"
    }
    return Normalizer.normalize(bytes)
  }

  /// A paragraph's normalised text, without marking it.
  private func plainTextPeek(_ node: MarkupTree.NodeIndex) -> String {
    var bytes: [UInt8] = []
    tree.appendText(node, to: &bytes)
    return Normalizer.normalize(bytes)
  }

  /// "CHAPTER I GENERAL PROVISIONS" → (chapter, cpt, "I", "GENERAL PROVISIONS").
  static func legacyDivision(_ text: String) -> (ProvisionKind, PinpointID.Prefix, String, String?)? {
    // A division title is a short line opening with a word in capitals: most paragraphs are not.
    guard text.utf8.count <= 200, let first = text.utf8.first, first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z"),
      text.utf8.prefix(while: { $0 != UInt8(ascii: " ") }).allSatisfy({
        !($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z"))
      })
    else { return nil }
    let words = text.split(separator: " ", maxSplits: 2).map(String.init)
    // "CHAPITRE PREMIER": French numbers the first division in words.
    let token =
      Vocabulary.ordinalOne.contains(words.count >= 2 ? words[1].lowercased() : "")
      ? "I" : words.dropFirst().first ?? ""
    // "TITLE IVa": a division inserted between two others keeps its letter.
    let core = token.count > 1 && token.last?.isLowercase == true ? String(token.dropLast()) : token
    guard words.count >= 2, words[0] == words[0].uppercased(), !core.isEmpty,
      core.allSatisfy({ "IVXLC".contains($0) }) || core.allSatisfy(\.isNumber) || numberWords.contains(token),
      let (kind, prefix, number) = Vocabulary.division(words[0] + " " + token)
    else { return nil }
    return (kind, prefix, number, words.count > 2 ? words[2] : nil)
  }

  /// Divisions numbered in words ("PART ONE" of the Treaties): the ID keeps the word, `prt_ONE`.
  static let numberWords: Set<String> = ["ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE", "TEN"]

  static let connectives: Set<String> = ["or", "and", "ou", "et", "oder", "und", "of", "en", "o", "e", "y"]

  /// How the final part begins ("Done at Luxembourg, 24 October 1995.").
  static let finalFormulas = Self.openings("Done at ", "Fait à ", "Geschehen zu ", "Gedaan te ")

  /// Text blocks that begin with a list label ("(a) …", "a) …", "(1) …", "- …", "— …") as items.
  static func legacyItems(_ blocks: [Block]) -> [Block] {
    // "ou d) …": the connective belongs to the item before, the rest is an item.
    var split: [Block] = []
    for block in blocks {
      guard case .text(var text) = block else {
        split.append(block)
        continue
      }
      let bytes = Numbering.trimmed(text.bytes)
      // Connectives are short words: a longer first word is none (and makes no String).
      if let space = bytes.prefix(5).firstIndex(of: 0x20), space > 0,
        connectives.contains(String(decoding: bytes[..<space], as: UTF8.self).lowercased()),
        Numbering.splitItemNumber(Array(bytes[(space + 1)...])) != nil
      {
        split.append(.text(TextBlock(bytes: Array(bytes[..<space]), source: text.source)))
        text.bytes = Array(bytes[(space + 1)...])
      }
      split.append(.text(text))
    }
    let items = split.map { block -> Block in
      guard case .text(var text) = block else { return block }
      let bytes = Numbering.trimmed(text.bytes)
      // "- …" on pages before 2011, "— …" on early consolidated ones.
      let dash = bytes.first == UInt8(ascii: "-") ? 1 : bytes.starts(with: [0xE2, 0x80, 0x94]) ? 3 : 0
      let space =
        dash == 0 || bytes.count <= dash + 2
        ? 0
        : Numbering.isSpace(bytes[dash]) ? 1 : bytes[dash] == 0xC2 && bytes[dash + 1] == 0xA0 ? 2 : 0
      if space > 0 {
        text.bytes = Array(bytes.dropFirst(dash + space))
        return .item(number: "—", source: text.source, body: [.text(text)])
      }
      // "(a) …", or as French writes it, "a) …".
      guard let first = bytes.first,
        first == UInt8(ascii: "(") || bytes.dropFirst().prefix(3).contains(UInt8(ascii: ")")),
        let (number, rest) = Numbering.splitItemNumber(bytes),
        number.filter(\.isNumber).count <= 3  // "(1990) …" is a year, not an item
      else { return block }
      text.bytes = rest
      return .item(number: number, source: text.source, body: [.text(text)])
    }
    // A connective alone between two items ("or", "ou", "oder") ends the item before it, as the
    // Official Journal prints it ("…; or").
    var joined: [Block] = []
    for block in items {
      if case .text(let text) = block, text.bytes.count <= 16,
        case .item(let number, let source, var body)? = joined.last,
        connectives.contains(Normalizer.normalize(text.bytes).lowercased()), case .text(var last)? = body.last
      {
        last.bytes += [0x20] + Numbering.trimmed(text.bytes)
        body[body.count - 1] = .text(last)
        joined[joined.count - 1] = .item(number: number, source: source, body: body)
        continue
      }
      joined.append(block)
    }
    return joined
  }

  // MARK: Flat pages

  /// Whether a title opens with a quotation mark: an article an amending act inserts.
  private func isQuoted(_ node: MarkupTree.NodeIndex) -> Bool {
    let text = plainTextPeek(node)
    return text.first.map { "‘“'\"«„".contains($0) } ?? false
  }

  /// Whether a sibling ends a flat article: a title of an article, division or annex, a footnote,
  /// a rule, a typographic separator ("°°°") after the enacting terms, or "Done at …".
  private func endsFlatArticle(_ node: MarkupTree.NodeIndex) -> Bool {
    guard tree.isElement(node) else { return false }
    if tree.name(node) == "hr" || isAnnexStart(node) || isFlatFinalFormula(node) { return true }
    if has(node, Class.articleTitle + Class.divisionTitle + Class.footnote) { return !isQuoted(node) }
    guard has(node, Class.groupHeading) else { return false }
    var bytes: [UInt8] = []
    tree.appendText(node, to: &bytes)
    return !bytes.contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || ($0 >= 0x30 && $0 <= 0x39) }
  }

  /// A plain paragraph of an OJ page of 2011–2014 that opens the final part ("Done at Brussels, …").
  /// Asked of every sibling of a flat article: its first text's bytes decide, nothing is normalised.
  private func isFlatFinalFormula(_ node: MarkupTree.NodeIndex) -> Bool {
    guard tree.hasClass(node, "normal"), let head = Fidelity.firstText(node, in: tree) else { return false }
    return Self.opens(tree.textBytes(head), with: Self.finalFormulas)
  }

  /// Opens a division of a flat page at its title ("CHAPTER I") and heading.
  private mutating func openDivision(_ title: MarkupTree.NodeIndex, heading: MarkupTree.NodeIndex?) {
    let label = context.plainText(title)
    guard let (kind, prefix, number) = Vocabulary.division(label) else {
      // A division title with no number ("FINAL PROVISIONS"): `cpt_nn1`, its heading the title's
      // words and the heading line's.
      let words = [label] + (heading.map { [context.plainText($0)] } ?? [])
      let id = openDivisions.openUnnumbered(
        heading: words.joined(separator: " "), at: tree.sourceStart(title), assembler: &context.assembler,
        into: &provisions)
      context.diagnose(
        DiagnosticCode.ingestUnplacedText, .warning, at: tree.sourceStart(title),
        "division '\(label)' has no number; read as an unnumbered division, '\(id)'")
      return
    }
    openDivisions.open(
      kind, prefix, number, heading: heading.map { context.plainText($0) }, at: tree.sourceStart(title),
      assembler: &context.assembler, into: &provisions)
  }

  /// Closes the open divisions of `rank` and below.
  private mutating func closeDivisions(below rank: Int) { openDivisions.close(rank: rank, into: &provisions) }

  /// Adds a provision of a flat page to the innermost open division, or to the document.
  private mutating func appendFlat(_ provision: Provision) { openDivisions.add(provision, to: &provisions) }

  /// An annex: its title lines ("ANNEX III", then its heading), then its content. `parts` are the
  /// elements that make it up (the container's children, or the run of siblings of a consolidated
  /// page).
  private mutating func readAnnex(_ node: MarkupTree.NodeIndex, parts: [MarkupTree.NodeIndex], number: String)
    -> Provision
  {
    let annexID = context.assembler.claim(PinpointID(.annex, number), at: tree.sourceStart(node))
    var heading: [String] = []
    var body: [Block] = []
    var articles: [Provision] = []
    var titleBlock = true
    var index = 0
    while index < parts.count {
      let child = parts[index]
      index += 1
      if titleBlock && has(child, Class.documentTitle + Class.annexTitle + Class.annexHeading) {
        let text = context.plainText(child)
        if !heading.isEmpty || Vocabulary.annexNumber(text) == nil { heading.append(text) }
        continue
      }
      titleBlock = false
      if has(child, Class.articleTitle) {
        // An annex with articles of its own (Regulation 800/2008, Annex I): each runs to the next.
        var end = index
        while end < parts.count, !has(parts[end], Class.articleTitle) { end += 1 }
        let elements = [child] + parts[index..<end]
        if let article = readArticle(elements, at: tree.sourceStart(child), flat: true, under: annexID) {
          articles.append(article)
        }
        index = end
        continue
      }
      body += blocksOf(child, asItself: true)
    }
    let content = context.assembler.body(groupAnnexSections(body), under: annexID)
    return Provision(
      id: annexID, kind: .annex, num: number, heading: heading.isEmpty ? nil : heading.joined(separator: " "),
      text: content.text, children: merge(content.children, articles),
      source: context.assembler.span(tree.sourceStart(node)))
  }

  /// An annex title line of a page whose annexes are not wrapped: consolidated ("BIJLAGE X"; the
  /// class also marks its heading line) or an OJ page of 2011–2014 ("ANNEX V" as a document title).
  private func isAnnexStart(_ node: MarkupTree.NodeIndex) -> Bool {
    guard tree.isElement(node), has(node, Class.annexTitle) || tree.hasClass(node, "doc-ti") else { return false }
    var bytes: [UInt8] = []
    tree.appendText(node, to: &bytes)
    return Vocabulary.annexNumber(Normalizer.normalize(bytes)) != nil
  }

  /// Reads a marker block (`<p class="modref">▼C2</p>`): its markers apply to the next text.
  private mutating func takeMarkers(_ node: MarkupTree.NodeIndex) {
    var bytes: [UInt8] = []
    tree.appendText(node, to: &bytes)
    context.mark(node, .marker)
    var block = TextBlock(bytes: bytes, source: tree.sourceStart(node))
    Markers.extract(from: &block)
    // ▼B marks a return to the basic act: nothing to record.
    pendingMarkers += block.markers.filter { $0 != "▼B" && $0 != "►B" }
  }

  /// Collects a text block, moving amendment markers from its text to its metadata.
  private mutating func textBlock(_ node: MarkupTree.NodeIndex) -> TextBlock {
    var block = TextBlock(source: tree.sourceStart(node))
    collectText(node, into: &block)
    if instrument.format == .eurlexConsolidatedHTML { Markers.extract(from: &block) }
    if !pendingMarkers.isEmpty && !Numbering.isBlank(block.bytes) {
      block.markers = pendingMarkers + block.markers
      pendingMarkers = []
    }
    return block
  }

  // MARK: Blocks

  /// The blocks inside `node` (or `node` itself as one block when `asItself`). A run of inline
  /// children (text, links, spans) is one text block, as in `<div>text <a>(1)</a>, more</div>`.
  private mutating func blocksOf(_ node: MarkupTree.NodeIndex, asItself: Bool = false) -> [Block] {
    if asItself { return blocks(for: node) }
    var result: [Block] = []
    var inline: TextBlock?
    func flush(_ reader: inout EurLexHTMLReader) {
      if var block = inline {
        if reader.instrument.format == .eurlexConsolidatedHTML { Markers.extract(from: &block) }
        if !Numbering.isBlank(block.bytes) {
          if !reader.pendingMarkers.isEmpty {
            block.markers = reader.pendingMarkers + block.markers
            reader.pendingMarkers = []
          }
          result.append(.text(block))
        }
      }
      inline = nil
    }
    for child in tree.children(node) {
      if tree.isText(child) || !tree.isNamed(child, in: blockTable) {
        if inline == nil { inline = TextBlock(source: tree.sourceStart(child)) }
        collectText(child, into: &inline!)  // non-nil: set on the line above
      } else {
        flush(&self)
        result += blocks(for: child)
      }
    }
    flush(&self)
    return result
  }

  /// Elements that start their own block; everything else is inline.
  private static let blockElements: Set<String> = [
    "p", "div", "table", "tbody", "thead", "tr", "td", "th", "ul", "ol", "li", "hr", "col", "colgroup", "img", "br",
  ]

  private mutating func blocks(for node: MarkupTree.NodeIndex) -> [Block] {
    if tree.isText(node) {
      guard tree.textBytes(node).contains(where: { !Numbering.isSpace($0) }) else { return [] }
      return [.text(textBlock(node))]
    }
    switch tree.name(node) {
    case "p":
      // Most paragraphs are plain text ("oj-normal", "norm"): skip the class checks for them.
      if tree.hasOnlyClass(node, "oj-normal") || tree.hasOnlyClass(node, "norm") || tree.hasOnlyClass(node, "normal") {
        return [.text(textBlock(node))]
      }
      if has(node, Class.footnote) {
        readFootnote(node)
        return []
      }
      if has(node, Class.marker) {
        takeMarkers(node)
        return []
      }
      if has(node, Class.groupHeading) {
        return [
          .group(
            kind: .annexSection, prefix: .section, number: "", heading: context.plainText(node),
            source: tree.sourceStart(node), body: [])
        ]
      }
      return [.text(textBlock(node))]
    case "table":
      return tableBlocks(node)
    case "div":
      return divisionBlocks(node)
    case "hr", "col", "colgroup", "img", "br":
      return []
    case "tbody", "thead", "tr", "td", "th":
      return blocksOf(node)
    default:
      return [.text(textBlock(node))]
    }
  }

  private mutating func divisionBlocks(_ node: MarkupTree.NodeIndex) -> [Block] {
    let parts = tree.elements(node)
    // OJ annex enumerations: <p style="display: inline">1.</p><p style="display: inline">text</p>.
    // Consolidated lists: <div class="list grid-list-column-1">(a)</div><div class="grid-list-column-2">…</div>.
    if tree.hasClass(node, "oj-enumeration-spacing") || tree.hasClass(node, "grid-list"),
      let first = parts.first, let number = itemNumber(first)
    {
      context.mark(first, .provision)
      let body =
        tree.hasClass(node, "grid-list")
        ? parts.dropFirst().flatMap { blocksOf($0) }
        : parts.dropFirst().flatMap { blocks(for: $0) }
      return [.item(number: number, source: tree.sourceStart(node), body: body)]
    }
    // Consolidated numbered paragraphs: <div class="norm"><span class="no-parag">1.</span>…</div>.
    if tree.hasClass(node, "norm"), let label = tree.elements(node).first(where: { tree.hasClass($0, "no-parag") }) {
      var bytes: [UInt8] = []
      tree.appendText(label, to: &bytes)
      context.mark(label, .provision)
      let number = Numbering.clean(String(decoding: Numbering.stripQuote(bytes), as: UTF8.self))
      var body: [Block] = []
      for child in tree.children(node) where child != label { body += blocks(for: child) }
      return [.paragraph(number: number, source: tree.sourceStart(node), body: body)]
    }
    // Consolidated enumerations: a hanging-indent div whose text starts with its number; the
    // hanging-indent divs after its first paragraph are its own items ("(c) …:" then "(i) …").
    if instrument.format == .eurlexConsolidatedHTML, let style = tree.attribute(node, "style"),
      style.contains("text-indent: -"), let first = parts.first, tree.name(first) == "p",
      parts.count == 1 || Numbering.splitItemNumber(Array(plainTextPeek(first).utf8)) != nil
    {
      var block = textBlock(first)
      let rest = parts.dropFirst().flatMap { blocks(for: $0) }
      if let (number, text) = Numbering.splitItemNumber(block.bytes) {
        block.bytes = text
        return [.item(number: number, source: tree.sourceStart(node), body: [.text(block)] + rest)]
      }
      return [.text(block)] + rest
    }
    if let number = paragraphNumber(node) {
      var body = blocksOf(node)
      if case .text(var first)? = body.first, let split = Numbering.splitParagraphNumber(first.bytes) {
        first.bytes = split.rest
        body[0] = .text(first)
        return [.paragraph(number: split.number, source: tree.sourceStart(node), body: body)]
      }
      return [.paragraph(number: number, source: tree.sourceStart(node), body: body)]
    }
    return blocksOf(node)
  }

  /// The trimmed text of `node` when it is a list-item number ("(a)", "1.", "—").
  private func itemNumber(_ node: MarkupTree.NodeIndex) -> String? {
    var label: [UInt8] = []
    tree.appendText(node, to: &label)
    let number = Numbering.trimmed(Numbering.stripQuote(label))
    return Numbering.isItemNumber(number) ? String(decoding: number, as: UTF8.self) : nil
  }

  /// A numbered-list table is rows of (number | content); anything else is a data table, kept as
  /// one text block with its cells separated by spaces.
  private mutating func tableBlocks(_ node: MarkupTree.NodeIndex) -> [Block] {
    // This table's rows only (table > tr, or table > tbody/thead/tfoot > tr), not nested tables'.
    var rows: [MarkupTree.NodeIndex] = []
    for child in tree.elements(node) {
      switch tree.name(child) {
      case "tr": rows.append(child)
      case "tbody", "thead", "tfoot": rows += tree.elements(child).filter { tree.name($0) == "tr" }
      default: break
      }
    }
    var items: [Block] = []
    for row in rows {
      // Rows are (number | content), sometimes after an empty indentation cell.
      let cells = tree.elements(row).filter { (tree.name($0) == "td" || tree.name($0) == "th") && tree.hasText($0) }
      guard cells.count == 2, !tree.hasClass(node, "oj-table") else { return [dataTable(node)] }
      guard let number = itemNumber(cells[0]) else { return [dataTable(node)] }
      context.mark(cells[0], .provision)
      items.append(.item(number: number, source: tree.sourceStart(row), body: blocksOf(cells[1])))
    }
    return items
  }

  private mutating func dataTable(_ node: MarkupTree.NodeIndex) -> Block { .text(textBlock(node)) }

  /// The paragraph number when `node` is a numbered-paragraph container (`<div id="005.001">`).
  private func paragraphNumber(_ node: MarkupTree.NodeIndex) -> String? {
    guard let id = tree.attributeBytes(node, tree.idID), id.count == 7,
      id[id.startIndex + 3] == UInt8(ascii: "."),
      id.enumerated().allSatisfy({ $0.offset == 3 || ($0.element >= 0x30 && $0.element <= 0x39) })
    else { return nil }
    return String(Int(String(decoding: id.suffix(3), as: UTF8.self)) ?? 0)
  }

  private mutating func collectText(_ node: MarkupTree.NodeIndex, into block: inout TextBlock) {
    let tree = self.tree
    let separators = separatorTable
    let anchor = tree.nameID("a")
    context.collect(
      node, into: &block,
      isBlock: { tree.isNamed($0, in: separators) },
      skip: { index in
        // Footnote call-outs: OJ pages link "(1)" to "#ntr…"; consolidated pages link the number
        // alone to "#E0001" (the brackets stay outside the link).
        if tree.hasName(index, anchor), let href = tree.attributeBytes(index, tree.hrefID),
          href.starts(with: Array("#ntr".utf8)) || href.starts(with: Array("#ntc".utf8))
            || href.starts(with: Array("#E0".utf8)) || href.starts(with: Array("#src.E".utf8))
        {
          return .footnote
        }
        return nil
      })
  }

  private mutating func readFootnote(_ node: MarkupTree.NodeIndex) {
    var number = String(footnotes.count + 1)
    if let anchor = tree.elements(node).first(where: { tree.name($0) == "a" }) {
      var label: [UInt8] = []
      tree.appendText(anchor, to: &label)
      number = Numbering.clean(String(decoding: Numbering.trimmed(label), as: UTF8.self))
      context.mark(anchor, .footnote)
      if number == "*" {
        starCounter += 1
        number = "star\(starCounter)"
      } else if number.isEmpty {
        number = String(footnotes.count + 1)  // consolidated pages leave the call-out number empty
      }
    }
    var block = TextBlock(source: tree.sourceStart(node))
    collectText(node, into: &block)
    footnotes.append(context.footnote(number, block, node: node))
  }
}

/// Annex groups: a group heading ("Section A. …", "1. Introduction") takes the blocks that follow
/// it up to the next heading.
func groupAnnexSections(_ blocks: [Block]) -> [Block] {
  var result: [Block] = []
  var open:
    (
      kind: ProvisionKind, prefix: PinpointID.Prefix, number: String, heading: String?, source: Int,
      body: [Block]
    )?
  func close() {
    if let group = open {
      result.append(
        .group(
          kind: group.kind, prefix: group.prefix, number: group.number, heading: group.heading,
          source: group.source, body: group.body))
    }
    open = nil
  }
  for block in blocks {
    if case .group(_, _, let number, let heading, let source, _) = block, number.isEmpty {
      let text = heading ?? ""
      if let (prefix, label, rest) = annexGroupLabel(text) {
        close()
        open = (.annexSection, prefix, label, rest, source, [])
        continue
      }
      if let current = open, current.heading == nil || current.heading!.isEmpty {
        open!.heading = text  // "Section 1" followed by its title on the next line
        _ = current
        continue
      }
      // An unnumbered heading inside a group stays as text.
      var textBlock = TextBlock(source: source)
      textBlock.bytes = Array(text.utf8)
      if open != nil {
        open!.body.append(.text(textBlock))
      } else {
        result.append(.text(textBlock))
      }
      continue
    }
    if open != nil { open!.body.append(block) } else { result.append(block) }
  }
  close()
  return result
}

/// "Section A. List of …" → (sct, "A", "List of …"); "1.   Introduction" → (pt, "1", "Introduction");
/// "Part 2" → (prt, "2", nil).
func annexGroupLabel(_ text: String) -> (PinpointID.Prefix, String, String?)? {
  let words = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
  guard let first = words.first else { return nil }
  let keyword = first.uppercased()
  if keyword == "SECTION" || keyword == "PART" || keyword == "AFDELING" || keyword == "DEEL",
    words.count >= 2
  {
    var number = String(words[1])
    while number.hasSuffix(".") || number.hasSuffix(":") { number.removeLast() }
    var rest = words.count > 2 ? String(words[2]) : nil
    if let r = rest, r.hasPrefix("— ") || r.hasPrefix("- ") { rest = String(r.dropFirst(2)) }
    return (keyword == "SECTION" || keyword == "AFDELING" ? .section : .part, number, rest)
  }
  if let split = Numbering.splitParagraphNumber(Array(text.utf8)) {
    return (.point, split.number, Normalizer.normalize(split.rest))
  }
  return nil
}
