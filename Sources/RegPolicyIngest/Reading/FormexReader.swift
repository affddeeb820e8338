import RegPolicyModel

/// Reads Formex 4 (the EU Publications Office's XML): `ACT` and `CONS.ACT` files, schema 03.00 to
/// 06.02, and `ANNEX` files of a package. Elements are named by the schema; numbers come from
/// `NO.PARAG` / `NO.P` and headings from `TI`/`STI`, never from `IDENTIFIER` attributes.
struct FormexReader: MarkupReader {
  var context: ReadContext
  private let tree: MarkupTree
  private var instrument = Instrument(id: "", format: .formex)
  private var provisions: [Provision] = []
  private var footnotes: [Provision] = []
  private var footnoteCounter = 0
  private var starCounter = 0

  /// Elements that start a new block of text; every other element is inline.
  private static let blockNames: Set<String> = [
    "P", "ALINEA", "LIST", "ITEM", "NP", "PARAG", "GR.SEQ", "TBL", "CORPUS", "ROW", "CELL", "TITLE", "TI", "STI",
    "NO.P", "NO.PARAG", "TXT", "CONTENTS", "QUOT.S", "DLIST", "DLIST.ITEM", "TERM", "DEFINITION", "GR.NOTES",
    "BLK", "GR.TBL", "FORMULA.S", "LIST.AMEND", "ARTICLE", "DIVISION", "SIGNATURE", "PL.DATE", "SIGNATORY",
  ]

  /// `blockNames` by name id.
  private let blockTable: [Bool]

  init(context: ReadContext) {
    self.context = context
    tree = context.tree
    blockTable = tree.nameTable(Self.blockNames)
  }

  mutating func read() -> Document {
    for root in tree.roots where tree.isElement(root) {
      readRoot(root)
      // Notes sit inline where they are called; they are read apart, in document order.
      for note in tree.descendants(root, where: { tree.name($0) == "NOTE" }) { readFootnote(note) }
    }
    if instrument.id.isEmpty { instrument.id = instrument.celex ?? "" }
    return Document(instrument: instrument, provisions: provisions, footnotes: footnotes)
  }

  private mutating func readRoot(_ root: MarkupTree.NodeIndex) {
    switch tree.name(root) {
    case "ANNEX", "CONS.ANNEX":
      if let annex = readAnnex(root, isFile: true) { provisions.append(annex) }
      return
    case "CONS.ACT":
      readConsolidationInfo(root)
    default:
      break
    }
    for child in tree.elements(root) {
      switch tree.name(child) {
      case "CONS.DOC", "CONS.DOC.GEN": readRoot(child)
      case "BIB.INSTANCE": readBibliography(child)
      case "FAM.COMP", "INFO.CONSLEG", "INFO.PROD", "GR.MOD.ACT": context.mark(child, .header)
      case "TITLE": readTitle(child)
      case "PREAMBLE": provisions.append(readPreamble(child))
      case "ENACTING.TERMS":
        var terms: [Provision] = []
        readEnactingTerms(child, parent: nil, into: &terms)
        provisions += terms
      case "FINAL":
        let finalBlocks = blocks(child)
        provisions.append(context.assemble(.finalPart, kind: .final, blocks: finalBlocks, at: tree.sourceStart(child)))
      case "ANNEX", "CONS.ANNEX":
        if let annex = readAnnex(child, isFile: false) { provisions.append(annex) }
      default:
        context.mark(child, .header)
      }
    }
  }

  // MARK: Metadata

  private mutating func readBibliography(_ node: MarkupTree.NodeIndex) {
    for child in tree.elements(node) {
      switch tree.name(child) {
      case "DATE":
        if instrument.adopted == nil {
          instrument.adopted = tree.attribute(child, "ISO").flatMap(Vocabulary.isoDate(fromCompact:))
        }
      case "LG.DOC":
        if instrument.language.isEmpty { instrument.language = context.plainText(child, role: .header).lowercased() }
      default: break
      }
    }
    context.mark(node, .header)
  }

  private mutating func readConsolidationInfo(_ root: MarkupTree.NodeIndex) {
    guard let info = tree.elements(root).first(where: { tree.name($0) == "INFO.CONSLEG" }) else { return }
    instrument.version = "consolidated"
    let reference = tree.attribute(info, "CONSLEG.REF") ?? ""
    let start = tree.attribute(info, "START.DATE").flatMap(Vocabulary.isoDate(fromCompact:))
    instrument.date = start
    if !reference.isEmpty {
      instrument.celex = "3" + reference
      if let start {
        instrument.id = "0\(reference)-" + start.filter { $0 != "-" }
      }
    }
  }

  private mutating func readTitle(_ node: MarkupTree.NodeIndex) {
    var lines: [String] = []
    for p in tree.descendants(node, where: { tree.name($0) == "P" }) where tree.name(tree.parent(p)) == "TI" {
      lines.append(context.plainText(p, role: .header))
    }
    context.mark(node, .header)
    instrument.title = lines.joined(separator: " ")
    if instrument.celex == nil { instrument.celex = lines.first.flatMap(Vocabulary.celex(fromTitle:)) }
    if let adopted = lines.dropFirst().first.flatMap(Vocabulary.isoDate(fromWords:)) { instrument.adopted = adopted }
    if instrument.version.isEmpty { instrument.version = "oj" }
  }

  // MARK: Preamble and enacting terms

  private mutating func readPreamble(_ node: MarkupTree.NodeIndex) -> Provision {
    let preambleID = context.assembler.claim(
      PinpointID.preamble,
      at: tree.sourceStart(node))
    var texts: [Block] = []
    var children: [Provision] = []
    var citations = 0
    // Acts before the mid-1990s print their recitals unnumbered ("Whereas …"); they are cited by
    // position (recital 3), so a group of recitals none of which has a number is numbered so.
    var positional: Int?
    func walk(_ node: MarkupTree.NodeIndex, _ reader: inout FormexReader) {
      for child in reader.tree.children(node) {
        guard reader.tree.isElement(child) else {
          texts += reader.blocks(forChild: child)
          continue
        }
        switch reader.tree.name(child) {
        case "GR.VISA": walk(child, &reader)
        case "GR.CONSID":
          let tree = reader.tree
          positional = tree.first(child, where: { tree.name($0) == "NO.P" }) == nil ? 0 : nil
          walk(child, &reader)
          positional = nil
        case "VISA":
          citations += 1
          let blocks = reader.blocks(child)
          children.append(
            reader.context.assemble(
              PinpointID(.citation, String(citations)), kind: .citation, num: String(citations), blocks: blocks,
              at: reader.tree.sourceStart(child)))
        case "CONSID":
          if let position = positional {
            positional = position + 1
            let number = String(position + 1)
            children.append(
              reader.context.assemble(
                PinpointID(.recital, number), kind: .recital, blocks: reader.blocks(child),
                at: reader.tree.sourceStart(child)))
          } else if let recital = reader.readRecital(child) {
            children.append(recital)
          }
        default:
          texts += reader.blocks(forChild: child)
        }
      }
    }
    walk(node, &self)
    let content = context.assembler.body(texts, under: preambleID)
    let all = (content.children + children).sorted { $0.source.startOffset < $1.source.startOffset }
    return Provision(
      id: preambleID, kind: .preamble, text: content.text, children: all,
      source: context.assembler.span(tree.sourceStart(node)))
  }

  private mutating func readRecital(_ node: MarkupTree.NodeIndex) -> Provision? {
    let items = blocks(node)
    if items.count == 1, case .item(let number, let source, let body) = items[0] {
      let number = Numbering.clean(number)
      var recital = context.assemble(
        PinpointID(.recital, number), kind: .recital, num: number, blocks: body, at: source)
      recital.source = context.assembler.span(tree.sourceStart(node))
      return recital
    }
    context.diagnose(
      DiagnosticCode.ingestUnplacedText, .warning, at: tree.sourceStart(node), "recital without a number")
    return nil
  }

  /// The division the enacting terms being read are in.
  private typealias Parent = (id: PinpointID, kind: ProvisionKind)

  private mutating func readEnactingTerms(
    _ node: MarkupTree.NodeIndex, parent: Parent?, into list: inout [Provision]
  ) {
    for child in tree.elements(node) {
      switch tree.name(child) {
      case "ARTICLE":
        if let article = readArticle(child) { list.append(article) }
      case "DIVISION":
        readDivision(child, parent: parent, into: &list)
      case "TITLE":
        continue  // the division's own title, read by readDivision
      default:
        let content = context.assembler.body(blocks(forChild: child), under: parent?.id ?? PinpointID(rawValue: "enc"))
        for provision in content.children { list.append(provision) }
      }
    }
  }

  /// Reads a DIVISION into `list`: "CHAPTER III" is `cpt_III`; a heading with no number ("FINAL
  /// PROVISIONS") is an unnumbered division, `cpt_nn1` (`nn` for "no number", as Akoma Ntoso names
  /// one, and its place among its parent's unnumbered divisions of that kind: no number is made up
  /// that a citation could take for a printed one), of the kind `unnumberedKind` finds; a division
  /// without a title is no unit of its own, and its content belongs to the parent. Its articles are
  /// read in every case, with their own IDs (`art_N` does not depend on the divisions around it).
  private mutating func readDivision(_ node: MarkupTree.NodeIndex, parent: Parent?, into list: inout [Provision]) {
    guard let title = tree.elements(node).first(where: { tree.name($0) == "TITLE" }),
      let ti = tree.elements(title).first(where: { tree.name($0) == "TI" })
    else {
      readEnactingTerms(node, parent: parent, into: &list)
      return
    }
    let label = context.plainText(ti)
    let subtitle = tree.elements(title).first(where: { tree.name($0) == "STI" }).map { text($0) }
    let kind: ProvisionKind
    let divisionID: PinpointID
    let number: String?
    var heading = subtitle
    if let (found, prefix, printed) = Vocabulary.division(label) {
      kind = found
      number = printed
      divisionID = parent?.id.appending(prefix, printed) ?? PinpointID(prefix, printed)
    } else {
      let prefix: PinpointID.Prefix
      if let (word, wordPrefix) = Vocabulary.divisions[label.uppercased()] {
        (kind, prefix) = (word, wordPrefix)  // "CHAPTER" alone
      } else {
        (kind, prefix) = unnumberedKind(node, parent: parent?.kind)
        heading = ([label] + (subtitle.map { [$0] } ?? [])).joined(separator: " ")
      }
      number = nil
      divisionID = unnumbered.next(under: parent?.id, prefix)
      context.diagnose(
        DiagnosticCode.ingestUnplacedText, .warning, at: tree.sourceStart(ti),
        "division '\(label)' has no number; read as an unnumbered \(kind.rawValue), '\(divisionID)'")
    }
    let claimed = context.assembler.claim(divisionID, at: tree.sourceStart(node))
    var division = Provision(
      id: claimed, kind: kind, num: number, heading: heading, source: context.assembler.span(tree.sourceStart(node)))
    readEnactingTerms(node, parent: (claimed, kind), into: &division.children)
    list.append(division)
  }

  private var unnumbered = UnnumberedDivisions()

  /// The kind of a division whose title has no division word: that of its numbered sibling
  /// divisions (a "FINAL PROVISIONS" among chapters is a chapter), else the rank below its parent,
  /// else the rank above the divisions it holds, else a chapter.
  private func unnumberedKind(_ node: MarkupTree.NodeIndex, parent: ProvisionKind?) -> (
    ProvisionKind, PinpointID.Prefix
  ) {
    func kind(of division: MarkupTree.NodeIndex) -> ProvisionKind? {
      guard let title = tree.elements(division).first(where: { tree.name($0) == "TITLE" }),
        let ti = tree.elements(title).first(where: { tree.name($0) == "TI" })
      else { return nil }
      var bytes: [UInt8] = []
      tree.appendText(ti, to: &bytes)
      return Vocabulary.division(Normalizer.normalize(bytes))?.kind
    }
    let ranks = Vocabulary.divisionRanks
    func rank(_ kind: ProvisionKind) -> Int? { ranks.firstIndex { $0.0 == kind } }
    for sibling in tree.elements(tree.parent(node)) where sibling != node && tree.name(sibling) == "DIVISION" {
      if let found = kind(of: sibling), let index = rank(found) { return ranks[index] }
    }
    if let parent, let index = rank(parent), index + 1 < ranks.count { return ranks[index + 1] }
    for child in tree.elements(node) where tree.name(child) == "DIVISION" {
      if let found = kind(of: child), let index = rank(found), index > 0 { return ranks[index - 1] }
    }
    return (.chapter, .chapter)
  }

  private mutating func readArticle(_ node: MarkupTree.NodeIndex) -> Provision? {
    let elements = tree.elements(node)
    guard let title = elements.first(where: { tree.name($0) == "TI.ART" }) else { return nil }
    guard let number = context.articleNumber(title) else { return nil }
    var heading: String?
    var body: [Block] = []
    for child in tree.children(node) where child != title {
      if tree.isElement(child) && tree.name(child) == "STI.ART" {
        heading = text(child)
      } else {
        body += blocks(forChild: child)
      }
    }
    // Consolidations of the 2000s mark a lone "1." paragraph holding points as a list item (Article 3a
    // of 84/450/EEC); the HTML of the same version prints it as paragraph 1, and so is it read.
    if instrument.version == "consolidated", !elements.contains(where: { tree.name($0) == "PARAG" }) {
      body = Assembler.numberedParagraphs(body)
    }
    return context.assemble(
      PinpointID(.article, number), kind: .article, num: number, heading: heading, blocks: body,
      at: tree.sourceStart(node))
  }

  /// An annex file or element. Its number comes from the title's label ("ANNEX III"; "ANNEX" alone
  /// is a single annex, `anx_I`), or from a short label in a language whose word for annex the
  /// vocabulary lacks ("ALLEGATO III"). A file that is an annex (`isFile`: a package's part, or one
  /// read alone) is never dropped: with no label at all it is read as a single annex, `anx_I`, and
  /// reported. An annex inside an act without a label is reported and left out: consolidated acts
  /// hold their list of annexes as one (REACH: "LIST OF ANNEXES").
  private mutating func readAnnex(_ node: MarkupTree.NodeIndex, isFile: Bool) -> Provision? {
    var number: String?
    var lines: [String] = []
    var body: [Block] = []
    for child in tree.elements(node) {
      switch tree.name(child) {
      case "BIB.INSTANCE":
        readBibliography(child)
      case "TITLE":
        // Each P of TI/STI is a printed line: "ANNEX X", then the annex's title.
        for line in tree.descendants(child, where: { tree.name($0) == "P" }) {
          var block = TextBlock(source: tree.sourceStart(line))
          collect(line, into: &block)
          let text = Assembler.text(block)
          if number == nil, let found = Vocabulary.annexNumber(text) {
            number = found
          } else if !text.isEmpty {
            lines.append(text)
          }
        }
        context.mark(child, .provision)
      case "CONTENTS":
        body += blocks(child)
      default:
        body += blocks(forChild: child)
      }
    }
    if number == nil {
      if let label = lines.first, let found = Self.labelNumber(label) {
        number = found
        lines.removeFirst()
        context.diagnose(
          DiagnosticCode.ingestUnplacedText, .warning, at: tree.sourceStart(node),
          "annex label '\(label)' is not in the vocabulary; read as annex \(found)")
      } else if isFile {
        context.diagnose(
          DiagnosticCode.ingestUnplacedText, .warning, at: tree.sourceStart(node),
          "annex without a number; read as a single annex, 'anx_I'")
      } else {
        context.diagnose(
          DiagnosticCode.ingestUnplacedText, .warning, at: tree.sourceStart(node), "annex without a number")
        return nil
      }
    }
    let annexNumber = number ?? "I"
    let annexID = context.assembler.claim(PinpointID(.annex, annexNumber), at: tree.sourceStart(node))
    let content = context.assembler.body(groupAnnexSections(body), under: annexID)
    return Provision(
      id: annexID, kind: .annex, num: annexNumber, heading: lines.isEmpty ? nil : lines.joined(separator: " "),
      text: content.text, children: content.children, source: context.assembler.span(tree.sourceStart(node)))
  }

  /// The number of a short label in capitals whose word is not in the vocabulary: "ALLEGATO III",
  /// "I. MELLÉKLET" (Hungarian puts the number first) → "III", "I"; nil for anything else, such as
  /// a title ("List of Union harmonisation legislation").
  static func labelNumber(_ label: String) -> String? {
    let words = label.split(separator: " ")
    guard (2...3).contains(words.count) else { return nil }
    var number: String?
    for word in words {
      let bare = word.hasSuffix(".") ? word.dropLast() : word[...]
      let isNumeral =
        !bare.isEmpty
        && (bare.allSatisfy { "IVXLC".contains($0) } || bare.allSatisfy { $0.isASCII && $0.isNumber })
      if isNumeral && number == nil {
        number = String(bare)
      } else if !(word.allSatisfy { $0.isLetter } && word == word.uppercased()) {
        return nil
      }
    }
    return number
  }

  // MARK: Blocks

  /// The blocks of a mixed-content container (ALINEA, P, TXT, CONTENTS, …): inline content is
  /// gathered into text blocks, block-level children become their own blocks.
  private mutating func blocks(_ node: MarkupTree.NodeIndex) -> [Block] {
    var result: [Block] = []
    var pending: TextBlock?
    func flush() {
      if let block = pending, block.bytes.contains(where: { !Numbering.isSpace($0) }) { result.append(.text(block)) }
      pending = nil
    }
    for child in tree.children(node) {
      if tree.isText(child) || !tree.isNamed(child, in: blockTable) {
        if pending == nil { pending = TextBlock(source: tree.sourceStart(child)) }
        collect(child, into: &pending!)  // non-nil: set on the line above
      } else {
        flush()
        result += blocks(forChild: child)
      }
    }
    flush()
    return result
  }

  /// The blocks one child contributes to its parent's body.
  private mutating func blocks(forChild node: MarkupTree.NodeIndex) -> [Block] {
    if tree.isText(node) {
      guard tree.textBytes(node).contains(where: { !Numbering.isSpace($0) }) else { return [] }
      var block = TextBlock(source: tree.sourceStart(node))
      collect(node, into: &block)
      return [.text(block)]
    }
    switch tree.name(node) {
    case "LIST":
      let type = tree.attribute(node, "TYPE") ?? ""
      return tree.elements(node).flatMap { item(in: $0, listType: type) }
    case "NP":
      return item(in: node, listType: "")
    case "PARAG":
      var number = ""
      var body: [Block] = []
      for child in tree.children(node) {
        if tree.isElement(child) && tree.name(child) == "NO.PARAG" {
          number = Numbering.clean(String(decoding: label(child), as: UTF8.self))
        } else {
          body += blocks(forChild: child)
        }
      }
      return [.paragraph(number: number, source: tree.sourceStart(node), body: body)]
    case "GR.SEQ":
      var result: [Block] = []
      for child in tree.elements(node) {
        if tree.name(child) == "TITLE" {
          for part in tree.elements(child) {
            var heading = TextBlock(source: tree.sourceStart(part))
            collect(part, into: &heading)
            result.append(
              .group(
                kind: .annexSection, prefix: .section, number: "", heading: Assembler.text(heading),
                source: tree.sourceStart(part), body: []))
          }
        } else {
          result += blocks(forChild: child)
        }
      }
      return result
    case "TBL", "GR.TBL":
      var block = TextBlock(source: tree.sourceStart(node))
      collect(node, into: &block)
      return [.text(block)]
    case "NOTE":
      context.mark(node, .footnote)
      return []
    case "TITLE", "TI", "STI":
      return tree.elements(node).flatMap { blocks(forChild: $0) }
    default:
      return blocks(node)
    }
  }

  /// The text of a number element (NO.PARAG, NO.P) without its amendment quote, counted as
  /// placed in a provision.
  private mutating func label(_ node: MarkupTree.NodeIndex) -> [UInt8] {
    var text: [UInt8] = []
    tree.appendText(node, to: &text)
    context.mark(node, .provision)
    return Numbering.stripQuote(text)
  }

  /// A list item: `ITEM > NP > (NO.P, TXT, …)`, or `ITEM > P` in dash lists (an indent) and in
  /// unnumbered lists (plain text).
  private mutating func item(in node: MarkupTree.NodeIndex, listType: String) -> [Block] {
    let np = tree.name(node) == "NP" ? node : tree.elements(node).first { tree.name($0) == "NP" }
    guard let np else {
      let body = blocks(node)
      if listType == "DASH" { return [.item(number: "—", source: tree.sourceStart(node), body: body)] }
      return body
    }
    var number = ""
    var body: [Block] = []
    for child in tree.children(np) {
      if tree.isElement(child) && tree.name(child) == "NO.P" {
        number = String(decoding: Numbering.trimmed(label(child)), as: UTF8.self)
      } else {
        body += blocks(forChild: child)
      }
    }
    // Content after the NP inside the ITEM (rare) belongs to the item too.
    if np != node {
      for child in tree.children(node) where child != np { body += blocks(forChild: child) }
    }
    return [.item(number: number, source: tree.sourceStart(node), body: body)]
  }

  /// The normalised text of a heading or title, with quotation marks and numbers as printed.
  private mutating func text(_ node: MarkupTree.NodeIndex) -> String {
    var block = TextBlock(source: tree.sourceStart(node))
    collect(node, into: &block)
    return Assembler.text(block)
  }

  private mutating func collect(_ node: MarkupTree.NodeIndex, into block: inout TextBlock) {
    let tree = self.tree
    context.collect(
      node, into: &block,
      isBlock: { [blockTable] in tree.isNamed($0, in: blockTable) },
      skip: { tree.name($0) == "NOTE" ? .footnote : nil },
      replacement: { index in
        let name = tree.name(index)
        if name == "HT", tree.attribute(index, "TYPE") == "UC", tree.elements(index).isEmpty {
          // Upper case as printed ("R. METSOLA"); the HTML carries it in the text itself.
          var text: [UInt8] = []
          tree.appendText(index, to: &text)
          return Array(String(decoding: text, as: UTF8.self).uppercased().utf8)
        }
        if name == "FT", tree.attribute(index, "TYPE") == "NUMBER" {
          var digits: [UInt8] = []
          tree.appendText(index, to: &digits)
          return Self.groupDigits(digits)
        }
        guard name == "QUOT.START" || name == "QUOT.END" else { return nil }
        // CODE is the quotation mark's code point in hex: 2018 ‘, 2019 ’, 201C “, 201D ”.
        guard let code = tree.attribute(index, "CODE").flatMap({ UInt32($0, radix: 16) }),
          let scalar = Unicode.Scalar(code)
        else { return [] }
        return Array(String(Character(scalar)).utf8)
      })
  }

  /// Formex stores amounts as bare digits (`<FT TYPE="NUMBER">35000000</FT>`); the Official
  /// Journal prints them grouped by thousands ("35 000 000"), and so does the EUR-Lex HTML. Numbers
  /// of four digits are left as they are (no four-digit amount has an HTML counterpart in the corpus
  /// to show how the OJ prints it).
  static func groupDigits(_ digits: [UInt8]) -> [UInt8] {
    guard digits.count >= 5, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return digits }
    var out: [UInt8] = []
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { out.append(0x20) }
      out.append(digit)
    }
    return out
  }

  private mutating func readFootnote(_ node: MarkupTree.NodeIndex) {
    let number: String
    if tree.attribute(node, "NUMBERING") == "STAR" {
      starCounter += 1
      number = "star\(starCounter)"
    } else {
      footnoteCounter += 1
      number = String(footnoteCounter)
    }
    var block = TextBlock(source: tree.sourceStart(node))
    for child in tree.children(node) { collect(child, into: &block) }
    footnotes.append(context.footnote(number, block, node: node))
  }
}
