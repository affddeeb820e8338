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
  /// Units by kind: the articles read, and the article headings the text holds (paragraphs and
  /// title elements whose whole text is "Article N") — fewer read than seen is a loss no byte
  /// count shows, since a lost article's words may be counted as header.
  public var articles = 0
  public var articleLabels = 0
  /// Article headings whose text was counted as header or wrapper: never right, since the header
  /// ends where the first recital, citation or article begins.
  public var articleLabelsInHeader = 0
  public var paragraphs = 0
  public var points = 0
  /// Points lettered "(a)", "a)", "(iv)" read, and such labels seen opening a paragraph, list
  /// label or cell of the text (numbered ones are left out: "(1)" may be a recital).
  public var letteredPoints = 0
  public var pointLabels = 0

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

  /// The report of a read markup document; `labels` are its article headings (`articleLabels(in:)`).
  init(context: ReadContext, document: Document, articleLabels labels: [MarkupTree.NodeIndex]) {
    file = context.file
    let tree = context.tree
    for provision in document.allProvisions {
      switch provision.kind {
      case .article: articles += 1
      case .paragraph: paragraphs += 1
      case .point:
        points += 1
        if let num = provision.num, num.first?.isLetter == true { letteredPoints += 1 }
      default: break
      }
    }
    articleLabels = labels.count
    articleLabelsInHeader = labels.count { label in
      guard let text = Fidelity.firstText(label, in: tree) else { return false }
      return context.roles[Int(text)] == .header || context.roles[Int(text)] == .wrapper
    }
    pointLabels = Fidelity.pointLabels(in: tree, roles: context.roles).count
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

  /// The paragraphs, list labels (`NO.P`, `num`) and label-only divisions open with a
  /// lettered point label — "(a)", "a)", "(iv)", after an opening quotation mark or not — outside
  /// links and outside the header and wrapper (a proposal's explanatory memorandum has lists too).
  static func pointLabels(in tree: MarkupTree, roles: [TextRole]) -> [MarkupTree.NodeIndex] {
    let labels = tree.nameTable(["p", "NO.P", "num", "div"])
    let paragraph = tree.nameID("p")
    let division = tree.nameID("div")
    let anchor = tree.nameTable(["a"])
    var found: [MarkupTree.NodeIndex] = []
    var counted: Set<MarkupTree.NodeIndex> = []
    for index in tree.nodes.indices where tree.isNamed(Int32(index), in: labels) {
      let node = Int32(index)
      // A division counts only as a label of its own (a "grid-list" column), not around others.
      if tree.name(node) == "div",
        tree.elements(node).contains(where: { tree.hasName($0, paragraph) || tree.hasName($0, division) })
      {
        continue
      }
      var bytes: [UInt8] = []
      tree.appendText(node, to: &bytes)
      var label = Numbering.trimmed(Numbering.stripQuote(Array(bytes.prefix(16))))[...]
      guard label.first == UInt8(ascii: "(") || label.dropFirst().prefix(4).contains(UInt8(ascii: ")")) else {
        continue
      }
      if label.first == UInt8(ascii: "(") { label = label.dropFirst() }
      guard let close = label.firstIndex(of: UInt8(ascii: ")")), close > label.startIndex,
        close - label.startIndex <= 4,
        label[..<close].allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }),
        !tree.hasAncestor(node, where: { tree.isNamed($0, in: anchor) }),
        let text = firstText(node, in: tree), roles[Int(text)] != .header, roles[Int(text)] != .wrapper,
        counted.insert(text).inserted  // an element around another opening with the same label
      else { continue }
      found.append(node)
    }
    return found
  }

  /// `Vocabulary.articleLabel(Normalizer.normalize(bytes)) != nil`, read from the bytes: an article
  /// word, a number ("7", "premier"), perhaps a Latin suffix, separated by white space of any kind.
  /// Text with other than ASCII and no-break spaces takes the long way.
  static func isArticleLabel(_ bytes: [UInt8]) -> Bool {
    if bytes.contains(0xE2) { return Vocabulary.articleLabel(Normalizer.normalize(bytes)) != nil }
    var words: [ArraySlice<UInt8>] = []
    var index = 0
    func spaceWidth(_ at: Int) -> Int {
      if Numbering.isSpace(bytes[at]) { return 1 }
      return bytes[at] == 0xC2 && at + 1 < bytes.count && bytes[at + 1] == 0xA0 ? 2 : 0
    }
    while index < bytes.count {
      let width = spaceWidth(index)
      if width > 0 {
        index += width
        continue
      }
      var end = index
      while end < bytes.count, spaceWidth(end) == 0 { end += 1 }
      words.append(bytes[index..<end])
      guard words.count <= 3 else { return false }
      index = end
    }
    guard words.count >= 2, words.reduce(words.count - 1, { $0 + $1.count }) <= 24,
      Vocabulary.articleWords.contains(String(decoding: words[0], as: UTF8.self).uppercased()),
      let first = words[1].first
    else { return false }
    if !(first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")),
      !Vocabulary.ordinalOne.contains(String(decoding: words[1], as: UTF8.self).lowercased())
    {
      return false
    }
    return words.count == 2 || Vocabulary.latinSuffixes.contains(String(decoding: words[2], as: UTF8.self).lowercased())
  }

  private static func opensWithArt(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    var index = bytes.startIndex
    while index < bytes.endIndex, Numbering.isSpace(bytes[index]) { index += 1 }
    return index + 3 <= bytes.endIndex && bytes[index] | 0x20 == UInt8(ascii: "a")
      && bytes[index + 1] | 0x20 == UInt8(ascii: "r") && bytes[index + 2] | 0x20 == UInt8(ascii: "t")
  }

  /// The first text node below `node` that is not white space.
  static func firstText(_ node: MarkupTree.NodeIndex, in tree: MarkupTree) -> MarkupTree.NodeIndex? {
    for child in tree.children(node) {
      if tree.isText(child) {
        if tree.textBytes(child).contains(where: { !Numbering.isSpace($0) }) { return child }
      } else if let text = firstText(child, in: tree) {
        return text
      }
    }
    return nil
  }

  /// The title elements whose whole text is an article's label ("Article 1", "Article premier",
  /// "Article 7 bis"):
  /// paragraphs, `TI.ART` and `num` — not in a table (a correlation table's "Article 25" is a
  /// reference), not in a quoted structure or a link, not opening with a quotation mark (an
  /// amending act's inserted "‘Article 5a").
  static func articleLabels(in tree: MarkupTree) -> [MarkupTree.NodeIndex] {
    let titles = tree.nameTable(["p", "TI.ART", "num"])
    let excluded = tree.nameTable(["td", "th", "CELL", "QUOT.S", "quotedStructure", "blockquote", "a"])
    var labels: [MarkupTree.NodeIndex] = []
    // In today's markup an article is a container (`id="art_5"`, `<article>`, `ARTICLE`): a second
    // title in it is one its amendment inserts ("Article 6b" after "‘Article 6a") or the label
    // written twice, not an article of this act.
    let articles = tree.nameTable(["article", "ARTICLE"])
    var articleContainers: Set<MarkupTree.NodeIndex> = []
    for index in tree.nodes.indices where tree.isNamed(Int32(index), in: titles) {
      // Most titles are no label: a few bytes decide (a long paragraph, "(a)", "Definitions").
      // Every article word of the vocabulary opens with "Art" (Article, Artikel, Articolo, Artículo):
      // the first text node says so before any byte is copied.
      guard let head = firstText(Int32(index), in: tree), Self.opensWithArt(tree.textBytes(head)),
        let bytes = tree.shortText(Int32(index), limit: 40), Self.isArticleLabel(bytes),
        !tree.hasAncestor(Int32(index), where: { tree.isNamed($0, in: excluded) })
      else { continue }
      let parent = tree.parent(Int32(index))
      if parent >= 0, tree.isNamed(parent, in: articles) || tree.attribute(parent, "id")?.hasPrefix("art_") == true {
        guard articleContainers.insert(parent).inserted else { continue }
      }
      labels.append(Int32(index))
    }
    return labels
  }
}
