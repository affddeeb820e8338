import RegPolicyModel

/// Finds the statements of a document's enacting terms and annexes, reading each provision as a
/// rule (a chapeau and its points), classifying every sentence and resolving its cross-references.
/// Recitals, citations, the preamble, footnotes and the final formula bind nobody and are skipped.
public struct Extractor: Sendable {
  public let classifier: Classifier

  /// An extractor using `classifier`.
  public init(classifier: Classifier = Classifier()) { self.classifier = classifier }

  /// Every classified statement of `document`, in document order.
  ///
  /// Articles and annexes are independent (a pronoun's antecedent never crosses one), so they are
  /// classified on every core, then their references resolved on every core, and joined in
  /// document order: the result is the same as one pass. The resolver's tables are built on
  /// another thread meanwhile.
  public func statements(in document: Document) -> [Statement] {
    let tables = Background { ReferenceResolver(document) }
    var units: [Provision] = []
    func collect(_ provision: Provision) {
      switch provision.kind {
      case .preamble, .citation, .recital, .footnote, .final:
        return
      case .article, .annex:
        units.append(provision)
      default:
        for child in provision.children { collect(child) }
      }
    }
    for provision in document.provisions { collect(provision) }
    let classified = units.concurrentMap { unit in
      var previous: [Statement.Addressee] = []
      var statements: [Statement] = []
      for rule in Rule.rules(in: unit) { statements += self.statements(of: rule, previous: &previous) }
      return statements
    }
    let resolver = tables.value()  // waited for by the caller, never by a pool thread
    return classified.concurrentMap { statements in
      var statements = statements
      for index in statements.indices { resolve(&statements[index], with: resolver) }
      return statements
    }.flatMap { $0 }
  }

  /// The statements of one rule: its chapeau's sentences before the last on their own, then the
  /// last chapeau sentence with each limb (points below a limb are part of it).
  func statements(of rule: Rule, previous: inout [Statement.Addressee]) -> [Statement] {
    guard !rule.limbs.isEmpty else {
      let found = classifier.classify(rule.text, clause: rule.clause, previous: previous)
      if let last = found.last(where: { !$0.addressees.isEmpty }) { previous = last.addressees }
      return found
    }
    var chapeau = rule.text
    let sentences = Segmenter.sentences(chapeau)
    var result: [Statement] = []
    if let last = sentences.last {
      let lead = chapeau.withUTF8 { last.range.lowerBound > 0 ? Array($0[..<last.range.lowerBound]) : [] }
      if !lead.isEmpty {
        result += classifier.classify(String(decoding: lead, as: UTF8.self), clause: rule.clause, previous: previous)
      }
      chapeau = chapeau.withUTF8 { String(decoding: $0[last.range], as: UTF8.self) }
    }
    let chapeauEnd = chapeau.utf8.count
    for limb in rule.limbs {
      let text = chapeau.isEmpty ? Self.flatten(limb) : chapeau + " " + Self.flatten(limb)
      result += classifier.classify(text, clause: limb.clause, chapeauEnd: chapeauEnd, previous: previous)
    }
    if let last = result.last(where: { !$0.addressees.isEmpty }) { previous = last.addressees }
    return result
  }

  /// A limb's text with the text of the points below it.
  static func flatten(_ rule: Rule) -> String {
    ([rule.text] + rule.limbs.map(flatten)).filter { !$0.isEmpty }.joined(separator: " ")
  }

  /// Resolves the statement's references, each after what the ones before it named.
  func resolve(_ statement: inout Statement, with resolver: ReferenceResolver) {
    var previous = ReferenceResolver.Previous()
    for index in statement.references.indices {
      let resolved = resolver.resolve(statement.references[index], in: statement.clause, after: previous)
      if let celex = resolved.instrument {
        previous.instrument = celex
        previous.instrumentType = celex.dropFirst(5).first.map(String.init)
        previous.target = nil
      } else if let target = resolved.targets.last {
        previous.target = target
        previous.instrument = nil
      }
      statement.references[index] = resolved
    }
  }
}
