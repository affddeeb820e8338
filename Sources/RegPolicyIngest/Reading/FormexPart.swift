import RegPolicyModel

/// What a Formex document file says about itself in its own `BIB.INSTANCE`: act or annex (its root
/// element), its place in the publication (`NO.SEQ`: "0001" for the act, "0001.0003" for its third
/// annex — the value the package descriptor gives as `DOC.MAIN.PUB`/`DOC.SUB.PUB NO.SEQ`), the act
/// it belongs to (`NO.DOC`: year and number) and its language.
///
/// A package's descriptor names its parts by file name, but Cellar delivers the same files renamed
/// `DOC_1.xml … DOC_n.xml`; the parts are then found by this identity, never by name or date. (A
/// part's `DOCUMENT.REF FILE` names the descriptor, not the part itself, so it identifies nothing.)
struct FormexPart: Equatable {
  enum Kind: String {
    case act, annex
  }

  var kind: Kind
  /// `NO.SEQ` of the part's own `BIB.INSTANCE`; nil in older files (consolidated texts of 2005).
  var sequence: String?
  /// "2024/1689" from `NO.DOC`; nil where the file does not say.
  var act: String?
  /// `LG.DOC`, upper case.
  var language: String?

  init(kind: Kind, sequence: String? = nil, act: String? = nil, language: String? = nil) {
    self.kind = kind
    self.sequence = sequence
    self.act = act
    self.language = language
  }

  /// The kind a root element names: `ACT`/`CONS.ACT` an act, `ANNEX`/`CONS.ANNEX` an annex.
  static func kind(root: String) -> Kind? {
    switch root {
    case "ACT", "CONS.ACT": .act
    case "ANNEX", "CONS.ANNEX": .annex
    default: nil
    }
  }

  /// Reads the identity from a file's head: its root element and its first `<BIB.INSTANCE>`, which
  /// opens every act and annex file. Nil when the bytes are not a Formex act or annex.
  init?(bytes: [UInt8]) {
    let head = bytes.prefix(1 << 16)
    guard let root = FormatDetector.rootElement(head), let kind = Self.kind(root: root) else { return nil }
    self.init(kind: kind)
    let identity: MarkupTree? = head.withUnsafeBufferPointer { buffer in
      // `<BIB.INSTANCE>` exactly: consolidated files also hold `<BIB.INSTANCE.CONS>`, which describes
      // the original act's publication, not this file.
      guard let open = FormatDetector.firstRange(of: "<BIB.INSTANCE>", in: buffer, from: 0),
        let close = FormatDetector.firstRange(of: "</BIB.INSTANCE>", in: buffer, from: open.upperBound),
        let base = buffer.baseAddress
      else { return nil }
      let slice = UnsafeRawBufferPointer(start: base + open.lowerBound, count: close.upperBound - open.lowerBound)
      guard let tree = try? MarkupTree(parsing: slice, html: false), tree.wellFormed else { return nil }
      return tree
    }
    guard let tree = identity, let bib = tree.roots.first(where: { tree.isElement($0) }) else { return }
    func text(_ node: MarkupTree.NodeIndex) -> String {
      var bytes: [UInt8] = []
      tree.appendText(node, to: &bytes)
      return Normalizer.normalize(bytes)
    }
    for child in tree.elements(bib) {
      switch tree.name(child) {
      case "NO.SEQ": sequence = text(child)
      case "LG.DOC": language = text(child).uppercased()
      case "NO.DOC": act = Self.act(tree, child, text)
      case "DOCUMENT.REF":
        if act == nil, let number = tree.elements(child).first(where: { tree.name($0) == "NO.DOC" }) {
          act = Self.act(tree, number, text)
        }
      default: break
      }
    }
  }

  /// "2024/1689" from `<NO.DOC><YEAR>2024</YEAR><NO.CURRENT>1689</NO.CURRENT></NO.DOC>`.
  static func act(
    _ tree: MarkupTree, _ noDoc: MarkupTree.NodeIndex, _ text: (MarkupTree.NodeIndex) -> String
  ) -> String? {
    let children = tree.elements(noDoc)
    guard let year = children.first(where: { tree.name($0) == "YEAR" }).map(text),
      let number = children.first(where: { tree.name($0) == "NO.CURRENT" }).map(text),
      !year.isEmpty, !number.isEmpty
    else { return nil }
    return year + "/" + number
  }

  /// Whether this file can be the part a descriptor entry describes: the same kind where the entry
  /// says, and the same act and language where both sides say.
  func agrees(with entry: FormexPart) -> Bool {
    kind == entry.kind && Self.same(act, entry.act) && Self.same(language, entry.language)
  }

  private static func same(_ a: String?, _ b: String?) -> Bool {
    guard let a, let b else { return true }
    return a == b
  }

  /// File names in natural order: `DOC_2.xml` before `DOC_10.xml`.
  static func naturalOrder(_ a: String, _ b: String) -> Bool {
    var left = Array(a.utf8)[...]
    var right = Array(b.utf8)[...]
    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    while let l = left.first, let r = right.first {
      if isDigit(l) && isDigit(r) {
        let leftRun = left.prefix(while: isDigit)
        let rightRun = right.prefix(while: isDigit)
        let leftDigits = leftRun.drop(while: { $0 == 0x30 })
        let rightDigits = rightRun.drop(while: { $0 == 0x30 })
        if leftDigits.count != rightDigits.count { return leftDigits.count < rightDigits.count }
        if !leftDigits.elementsEqual(rightDigits) { return leftDigits.lexicographicallyPrecedes(rightDigits) }
        left = left.dropFirst(leftRun.count)
        right = right.dropFirst(rightRun.count)
      } else {
        if l != r { return l < r }
        left = left.dropFirst()
        right = right.dropFirst()
      }
    }
    return left.isEmpty && !right.isEmpty || (left.isEmpty == right.isEmpty && a < b)
  }
}
