import RegPolicyModel
import Synchronization

/// Finds the statements of a document's enacting terms and annexes (for NIST: its controls and
/// subcategories; recitals on request), reading each provision as a rule (a chapeau and its
/// points), classifying every sentence and resolving its cross-references. Citations, footnotes
/// and the final formula are skipped.
///
/// A regulatory statement whose words name no party gets one from around it, and says how: a
/// provision that makes a party ensure the requirements of a section is met makes that section's
/// duties the party's (`inherited`, AI Act Article 16(a) for Articles 8–15); else the article's
/// heading ("Obligations of importers") or the statement before it in the article names it
/// (`context`); a NIST catalogue or framework speaks to the organisation throughout.
public struct Extractor: Sendable {
  public let classifier: Classifier

  /// Whether recitals are read too. They explain the enacting terms and bind no one, so no stage
  /// of the pipeline needs them; `extract --recitals` reads them for their recommendations.
  public let recitals: Bool

  /// An extractor using `classifier`, reading recitals when `recitals` is true.
  public init(classifier: Classifier = Classifier(), recitals: Bool = false) {
    self.classifier = classifier
    self.recitals = recitals
  }

  /// Every classified statement of `document`, in document order.
  ///
  /// The parties the act defines for itself ("‘data holder’ means a natural or legal person …",
  /// `DefinedParties`) are roles while it is read: "the data holder shall" is the data holder's
  /// duty, "public sector bodies" the public sector body's.
  ///
  /// Articles and annexes are independent (a pronoun's antecedent never crosses one), so they are
  /// classified on every core, then their references resolved on every core, and joined in
  /// document order: the result is the same as one pass. The resolver's tables are built on
  /// another thread meanwhile.
  public func statements(in document: Document) -> [Statement] {
    let reader = adding(DefinedParties.parties(in: document, lexicon: classifier.lexicon))
    let statements = reader.classified(document)
    // The parties its subjects name by their remit ("the competent authority for data
    // intermediation services shall"): read again with them, when there are any.
    let named = RemitParties.parties(in: statements)
    return named.isEmpty ? statements : reader.adding(named).classified(document)
  }

  /// This extractor with `parties` as roles of its lexicon.
  func adding(_ parties: [DefinedParties.Party]) -> Extractor {
    guard !parties.isEmpty else { return self }
    let lexicon = classifier.lexicon.adding(
      parties.flatMap { party in party.phrases.map { (category: .role, label: party.role, text: $0) } })
    return Extractor(classifier: Classifier(lexicon: lexicon), recitals: recitals)
  }

  /// The statements of `document`, read with this extractor's lexicon as it is.
  private func classified(_ document: Document) -> [Statement] {
    let tables = Background { ReferenceResolver(document) }
    var units: [Unit] = []
    var kinds: [PinpointID: ProvisionKind] = [:]
    func collect(_ provision: Provision, within: [PinpointID]) {
      kinds[provision.id] = provision.kind
      switch provision.kind {
      case .citation, .footnote, .final:
        return
      case .recital where !recitals:
        return
      case .article, .annex, .recital, .control, .controlEnhancement, .subcategory:
        units.append(Unit(provision: provision, within: within))
      default:
        // The preamble's enacting formula ("HAVE ADOPTED THIS REGULATION:") is a unit of its own.
        if provision.children.isEmpty, !provision.text.isEmpty {
          units.append(Unit(provision: provision, within: within))
        }
        for child in provision.children { collect(child, within: within + [provision.id]) }
      }
    }
    for provision in document.provisions { collect(provision, within: []) }
    let format = document.instrument.format
    let classified = units.concurrentMap { unit in
      var previous: [Statement.Addressee] = []
      var statements: [Statement] = []
      for rule in Rule.rules(in: unit.provision) {
        statements += self.statements(
          of: rule, previous: &previous, voice: Self.voice(of: rule.clause, in: unit, format))
      }
      return statements
    }
    let resolver = tables.value()  // waited for by the caller, never by a pool thread
    // "Article 9(2)" names the same provision wherever it stands: resolved once for the document.
    let resolvedAlone = Mutex<[ReferenceResolver.Alone: Statement.Reference]>([:])
    let resolved = classified.concurrentMap { statements in
      var statements = statements
      for index in statements.indices { resolve(&statements[index], with: resolver, memo: resolvedAlone) }
      return statements
    }
    let delegations = Self.delegations(in: resolved.joined(), kinds: kinds)
    var attributed = zip(units, resolved).map { unit, statements in
      var statements = statements
      attribute(&statements, in: unit, delegations: delegations)
      return statements
    }.flatMap { $0 }
    Self.inheritFromSubject(&attributed)
    return attributed
  }

  /// A duty with no party whose subject is defined by a provision of this act ("The technical
  /// documentation referred to in Article 11(1) shall contain …", "Certificates issued by notified
  /// bodies in accordance with Annex VII shall be drawn up …") is the duty of that provision's
  /// parties: those of the first duty found for it or for a provision under it (`inherited`, via it).
  static func inheritFromSubject(_ statements: inout [Statement]) {
    var bearers: [PinpointID: [Statement.Addressee]] = [:]
    bearers.reserveCapacity(statements.count)
    for statement in statements where statement.modality.isRegulatory && !statement.addressees.isEmpty {
      var clause: PinpointID? = statement.clause
      while let id = clause, bearers[id] == nil {
        bearers[id] = statement.addressees
        clause = id.parent
      }
    }
    for index in statements.indices
    where statements[index].modality.isRegulatory && statements[index].addressees.isEmpty
      && !statements[index].references.isEmpty
    {
      // The fields read, not the whole statement copied (and released) for each.
      let (evidence, clause) = (statements[index].evidence, statements[index].clause)
      guard let modal = evidence.first(where: { $0.rule.hasPrefix("modal:") })?.span.lowerBound else { continue }
      let bytes = Array(statements[index].text.utf8)
      // Or, in a passive with no agent, the document it goes into ("The following items shall be
      // included in the report referred to in Article 3(2)").
      let passive = evidence.contains { $0.rule == "pattern:passive" }
      for reference in statements[index].references
      where reference.instrument == nil && modal <= bytes.count
        && (reference.span.upperBound <= modal
          ? Self.definesSubject(bytes, reference: reference.span, modal: modal)
          : passive && Self.includedIn(bytes, reference: reference.span, modal: modal))
      {
        guard let (target, parties) = reference.targets.lazy.compactMap({ id in bearers[id].map { (id, $0) } }).first,
          !clause.rawValue.hasPrefix(target.topLevel.rawValue + ".")
        else { continue }
        statements[index].addressees = parties.map {
          Statement.Addressee(role: $0.role, text: $0.text, source: .inherited, span: 0..<0, via: target)
        }
        break
      }
    }
  }

  /// A provision classified on its own (an article, an annex, a recital, a control), with the
  /// IDs of the divisions it stands in (chapter, section).
  struct Unit {
    var provision: Provision
    var within: [PinpointID]
  }

  /// How a provision speaks where a sentence has no modal (`Classifier.Voice`): an OSCAL control's
  /// statement parts are the organisation's duties, an AI RMF subcategory's outcome and suggested
  /// actions the organisation's advice, the explanations around them guidance; a recital explains;
  /// everything else is law.
  static func voice(of clause: PinpointID, in unit: Unit, _ format: SourceFormat) -> Classifier.Voice {
    guard format == .oscal || format == .playbook else {
      return clause.rawValue.hasPrefix(PinpointID.Prefix.recital.rawValue + "_") ? .preamble : .law
    }
    let last = clause.rawValue.split(separator: ".").last ?? ""
    let organisation = Statement.Addressee(
      role: "organization", text: "organization", source: .context, span: 0..<0, via: unit.provision.id)
    switch format {
    case .oscal:
      guard last.hasPrefix("smt") else { return .guidance(to: organisation, options: true) }
      // "Require the developer of the system, system component, or system service to: (a) Deliver
      // …": the parts under such a statement are the developer's duties.
      var required: Statement.Addressee?
      if last.hasPrefix("smt_") {
        unit.provision.forEach { part in
          if part.children.contains(where: { $0.id == clause }), let party = requiredParty(part.text) {
            required = Statement.Addressee(role: nil, text: party, source: .context, span: 0..<0, via: part.id)
          }
        }
      }
      return .duties(to: required ?? organisation)
    case .playbook:
      return clause == unit.provision.id || last == "smt_actions" || last == "smt_doc"
        ? .advice(to: organisation) : .guidance(to: organisation)
    default:
      return .law
    }
  }

  /// The party a catalogue statement requires to do what its parts say: "Require the developer of
  /// the system, system component, or system service to:" → "developer"; nil for any other text.
  static func requiredParty(_ text: String) -> String? {
    guard text.hasPrefix("Require "), text.hasSuffix(" to:") else { return nil }
    var words = text.dropFirst("Require ".count).split(separator: " ")
    if words.first == "that" { words.removeFirst() }
    if words.first == "the" { words.removeFirst() }
    let name = words.prefix { !["of", "to", "that"].contains($0) && !$0.hasPrefix("[") }
    return name.isEmpty || name.count > 4 ? nil : name.joined(separator: " ")
  }

  /// Provisions that make a party answer for the requirements of other provisions: "Providers of
  /// high-risk AI systems shall: (a) ensure that their high-risk AI systems are compliant with the
  /// requirements set out in Section 2" — an obligation with a stated party whose words speak of
  /// the requirements set out in a division (chapter, section) of the same act to comply with.
  /// Keyed by the division's ID. (An article cited so is not delegated whole: "comply with the
  /// requirements of Article 99" is a duty about the article, not the article's duties.)
  static func delegations(in statements: some Sequence<Statement>, kinds: [PinpointID: ProvisionKind])
    -> [PinpointID: (Statement.Addressee, PinpointID)]
  {
    var result: [PinpointID: (Statement.Addressee, PinpointID)] = [:]
    func isDivision(_ id: PinpointID) -> Bool {
      switch kinds[id] {
      case .part, .title, .chapter, .section, .subsection: true
      default: false
      }
    }
    for statement in statements where statement.modality == .obligation {
      // Cheap tests first: most statements cite no division at all.
      let divisions = statement.references.lazy.filter { $0.instrument == nil && $0.unresolved == nil }
        .flatMap(\.targets).filter(isDivision)
      guard !divisions.isEmpty,
        let party = statement.addressees.first(where: { $0.isStated && $0.role != nil }),
        // The requirements must be what the party's verb governs (its object), not words of an
        // opening phrase or a condition ("In ensuring the compliance … with the requirements set
        // out in this Section, providers shall have a choice …").
        let object = statement.object,
        ["requirements set out in", "requirements laid down in", "requirements of"].contains(where: {
          contains(object.utf8, $0.utf8)
        }),
        [" compl", " conform", " fulfil", " meet"].contains(where: { contains(object.utf8, $0.utf8) }),
        // "monitor and supervise compliance of data intermediation services providers with the
        // requirements of this Chapter" (DGA 14(1)): the compliance is another's, the party only
        // watches over it.
        !["compliance of ", "conformity of "].contains(where: { contains(object.utf8, $0.utf8) })
      else { continue }
      for target in divisions where result[target] == nil { result[target] = (party, statement.clause) }
    }
    return result
  }
  /// Gives each regulatory statement of `unit` that names no party the one around it: the
  /// Commission for the adoption of an implementing or delegated act; else inherited from a
  /// provision that delegates the unit's division, else from the heading of an article about a
  /// party's obligations or tasks, or of a division whose contents are "to be submitted by" a
  /// party, else from the statement before it in the unit.
  func attribute(
    _ statements: inout [Statement], in unit: Unit, delegations: [PinpointID: (Statement.Addressee, PinpointID)]
  ) {
    let delegation = ([unit.provision.id] + unit.within.reversed()).lazy.compactMap { delegations[$0] }.first
    var heading: [Statement.Addressee] = []
    // The heading must speak of the obligations themselves ("Obligations of importers", "Transparency
    // obligations for providers …", "Tasks of the Board"), not of what is done with them
    // ("Enforcement of obligations of providers of very large online platforms": the Commission's).
    if let title = unit.provision.heading?.lowercased(),
      Self.obligationWords.contains(where: { Self.contains(title.utf8, $0.utf8) }), Self.speaksOfObligations(title)
    {
      heading = classifier.roles(named: unit.provision.heading ?? "").map {
        var party = $0
        party.via = unit.provision.id
        return party
      }
    }
    // "Section A — Information to be submitted by providers of high-risk AI systems …": a division
    // whose heading says by whom its contents are to be given; its points are that party's.
    var agents: [(prefix: String, parties: [Statement.Addressee])] = []
    unit.provision.forEach { division in
      // Bytes first: few headings say " by ".
      guard division.id != unit.provision.id, let title = division.heading, Self.contains(title.utf8, " by ".utf8),
        let by = title.firstRange(of: " by "), title[..<by.lowerBound].contains("to be ")
      else { return }
      let parties = classifier.roles(named: String(title[by.upperBound...])).map {
        var party = $0
        party.via = division.id
        return party
      }
      if !parties.isEmpty { agents.append((division.id.rawValue, parties)) }
    }
    var before: [Statement.Addressee] = []
    // A status names its party too ("The Commission shall be the controller …. It shall make
    // available …"): it carries on to the statements after it.
    for index in statements.indices
    where statements[index].modality.isRegulatory || !statements[index].addressees.isEmpty {
      let stated = statements[index].addressees.filter(\.isStated)
      // A sentence's further statements (a second clause, the duty a right implies) speak of
      // another party; the sentence's own subject carries on.
      let further =
        index > 0 && statements[index - 1].clause == statements[index].clause
        && statements[index - 1].sentence == statements[index].sentence
      if !stated.isEmpty {
        // "Paragraph 1 shall not apply to aerosol dispensers …": the party a rule spares is not
        // the one the next sentences bind.
        if further || stated.allSatisfy({ $0.source == .exempted }) { continue }
        before = stated.map {
          Statement.Addressee(
            role: $0.role, text: $0.text, source: .context, span: 0..<0, via: statements[index].clause)
        }
        continue
      }
      guard statements[index].addressees.isEmpty else { continue }
      // "Those implementing acts shall be adopted in accordance with the examination procedure …":
      // the Union's implementing and delegated acts are the Commission's to adopt (TFEU Articles
      // 290 and 291), whatever the article speaks of.
      if statements[index].action == "adopted", let object = statements[index].object?.lowercased(),
        object.contains("implementing act") || object.contains("delegated act")
      {
        statements[index].addressees = classifier.roles(named: "Commission").map {
          var party = $0
          party.via = statements[index].clause
          return party
        }
        continue
      }
      if let (party, via) = delegation {
        statements[index].addressees = [
          Statement.Addressee(role: party.role, text: party.text, source: .inherited, span: 0..<0, via: via)
        ]
      } else if !heading.isEmpty {
        statements[index].addressees = heading
      } else if let division = agents.last(where: {
        statements[index].clause.rawValue == $0.prefix || statements[index].clause.rawValue.hasPrefix($0.prefix + ".")
      }) {
        statements[index].addressees = division.parties
      } else if unit.provision.kind != .recital {
        // A recital explains; its sentences do not continue one another's duties.
        statements[index].addressees = before
      }
    }
  }

  private static let obligationWords = ["obligation", "dut", "task", "responsibilit"]

  /// Whether a lower-case heading's first word of obligation comes before any preposition.
  static func speaksOfObligations(_ title: String) -> Bool {
    for word in title.split(separator: " ") {
      if obligationWords.contains(where: { word.hasPrefix($0) }) { return true }
      if ["of", "for", "on", "to", "with", "in"].contains(word) { return false }
    }
    return false
  }

  /// Whether a reference qualifies the modal's subject: it follows "referred to in", "in accordance
  /// with", "pursuant to", "set out in" or "laid down in" right before it, and no comma, semicolon
  /// or colon stands between it and the modal (not "Article 12 shall not apply", nor "Without
  /// prejudice to Article 5, …") unless a lone comma is all there is ("The EU declaration of
  /// conformity referred to in Article 47, shall contain …").
  static func definesSubject(_ bytes: [UInt8], reference: Range<Int>, modal: Int) -> Bool {
    let between = bytes[reference.upperBound..<modal]
    let commaOnly = between.allSatisfy { $0 == 0x2C || $0 == 0x20 } && between.lazy.filter { $0 == 0x2C }.count == 1
    guard commaOnly || !between.contains(where: { $0 == 0x2C || $0 == 0x3B || $0 == 0x3A }) else {
      return false
    }
    let before = bytes[..<reference.lowerBound]
    return ["referred to in ", "in accordance with ", "pursuant to ", "set out in ", "laid down in "].contains {
      before.suffix($0.utf8.count).elementsEqual($0.utf8)
    }
  }

  /// "… shall be included in the report referred to in Article 3(2)": the reference names the
  /// document a passive duty puts something in.
  static func includedIn(_ bytes: [UInt8], reference: Range<Int>, modal: Int) -> Bool {
    let before = bytes[modal..<reference.lowerBound]
    guard before.suffix(15).elementsEqual("referred to in ".utf8) else { return false }
    return ["included in ", "contained in ", "set out in ", "indicated in "].contains { marker in
      before.withUnsafeBufferPointer { contains($0, marker.utf8) }
    }
  }

  /// Whether `text` holds `part` (bytes; `String.contains` goes through the slower generic search).
  static func contains(_ text: String.UTF8View, _ part: String.UTF8View) -> Bool {
    if let found = text.withContiguousStorageIfAvailable({ contains($0, part) }) { return found }
    guard let first = part.first, text.count >= part.count else { return part.isEmpty }
    var index = text.startIndex
    while let found = text[index...].firstIndex(of: first) {
      if text[found...].starts(with: part) { return true }
      index = text.index(after: found)
    }
    return false
  }

  /// Whether `bytes` hold `part` anywhere (an empty `part` always).
  static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ part: String.UTF8View) -> Bool {
    guard let first = part.first else { return true }
    let count = part.count
    var start = 0
    while start + count <= bytes.count {
      if bytes[start] == first && UnsafeBufferPointer(rebasing: bytes[start..<start + count]).elementsEqual(part) {
        return true
      }
      start += 1
    }
    return false
  }

  /// The statements of one rule: its chapeau's sentences before the last on their own, then the
  /// last chapeau sentence with each limb (points below a limb are part of it).
  func statements(of rule: Rule, previous: inout [Statement.Addressee], voice: Classifier.Voice = .law) -> [Statement] {
    if case .advice = voice, rule.limbs.isEmpty, case let (lead, items) = Self.bulletItems(rule.text), !items.isEmpty {
      // A framework's suggested actions, one per bullet ("* Maintain awareness …", "… should be
      // designed to: - Define key terms …"): one recommendation each, read with the words that
      // introduce them.
      let chapeau = lead.hasSuffix(":") ? lead : ""
      var result: [Statement] = []
      if chapeau.isEmpty && !lead.isEmpty { result += classifier.classify(lead, clause: rule.clause, voice: voice) }
      for item in items {
        let text = chapeau.isEmpty ? item : chapeau + " " + item
        result += classifier.classify(text, clause: rule.clause, chapeauEnd: chapeau.utf8.count, voice: voice)
      }
      for index in result.indices { result[index].sentence = index + 1 }
      return result
    }
    guard !rule.limbs.isEmpty else {
      let found = classifier.classify(rule.text, clause: rule.clause, previous: previous, voice: voice)
      if let last = found.last(where: { !$0.addressees.isEmpty }) { previous = last.addressees }
      return found
    }
    var chapeau = rule.text
    let sentences = Segmenter.sentences(chapeau)
    var result: [Statement] = []
    if let last = sentences.last {
      let lead = chapeau.withUTF8 { last.range.lowerBound > 0 ? Array($0[..<last.range.lowerBound]) : [] }
      if !lead.isEmpty {
        result += classifier.classify(
          String(decoding: lead, as: UTF8.self), clause: rule.clause, previous: previous, voice: voice)
        // "Public sector bodies shall … . They may provide for the following requirements: (a) …":
        // the chapeau's pronoun is the sentence's before it.
        if let last = result.last(where: { !$0.addressees.isEmpty }) { previous = last.addressees }
      }
      chapeau = chapeau.withUTF8 { String(decoding: $0[last.range], as: UTF8.self) }
    }
    let chapeauEnd = chapeau.utf8.count
    for limb in rule.limbs {
      let text = chapeau.isEmpty ? Self.flatten(limb) : chapeau + " " + Self.flatten(limb)
      result += classifier.classify(
        text, clause: limb.clause, chapeauEnd: chapeauEnd, previous: previous, voice: voice)
    }
    if let last = result.last(where: { !$0.addressees.isEmpty }) { previous = last.addressees }
    return result
  }

  /// The text before the first bullet and the bulleted items, markers dropped: an item starts at
  /// "* " or "- " at the start or after a space, "- " only before a capital letter (a dash in
  /// prose is no bullet: "AI - based").
  static func bulletItems(_ text: String) -> (lead: String, items: [String]) {
    let bytes = Array(text.utf8)
    var starts: [Int] = []
    for i in bytes.indices
    where i + 2 < bytes.count && bytes[i + 1] == UInt8(ascii: " ") && (i == 0 || bytes[i - 1] == UInt8(ascii: " ")) {
      if bytes[i] == UInt8(ascii: "*") || (bytes[i] == UInt8(ascii: "-") && bytes[i + 2] &- 0x41 < 26) {
        starts.append(i)
      }
    }
    guard !starts.isEmpty else { return (text, []) }
    func words(_ range: Range<Int>) -> String {
      var part = bytes[range]
      while part.first == UInt8(ascii: " ") { part = part.dropFirst() }
      while part.last == UInt8(ascii: " ") { part = part.dropLast() }
      return String(decoding: part, as: UTF8.self)
    }
    let items = starts.indices.map { k in words(starts[k] + 2..<(k + 1 < starts.count ? starts[k + 1] : bytes.count)) }
    return (words(0..<starts[0]), items.filter { !$0.isEmpty })
  }

  /// A limb's text with the text of the points below it.
  static func flatten(_ rule: Rule) -> String {
    var text = ""
    append(rule, to: &text)
    return text
  }

  /// The non-empty texts of `rule` and the points below it, in order, after `text`, one space
  /// between each (`flatten` into one string, no array per level).
  private static func append(_ rule: Rule, to text: inout String) {
    if !rule.text.isEmpty {
      if !text.isEmpty { text += " " }
      text += rule.text
    }
    for limb in rule.limbs { append(limb, to: &text) }
  }

  /// Resolves the statement's references, each after what the ones before it named; one that
  /// stands alone is looked up in `memo` first, and kept there.
  func resolve(
    _ statement: inout Statement, with resolver: ReferenceResolver,
    memo: borrowing Mutex<[ReferenceResolver.Alone: Statement.Reference]>
  ) {
    var previous = ReferenceResolver.Previous()
    for index in statement.references.indices {
      let reference = statement.references[index]
      let alone = ReferenceResolver.Alone(reference.text, after: previous)
      var resolved: Statement.Reference
      if let alone, let known = memo.withLock({ $0[alone] }) {
        resolved = reference
        (resolved.instrument, resolved.targets, resolved.unresolved) = (
          known.instrument, known.targets, known.unresolved
        )
      } else {
        resolved = resolver.resolve(reference, in: statement.clause, after: previous)
        if let alone { memo.withLock { $0[alone] = resolved } }
      }
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
