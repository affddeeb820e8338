import RegPolicyModel

/// Classifies the sentences of normalised legal text: modality, addressees, action and object,
/// conditions, exceptions, deadlines, the spans of cross-references, a confidence and the evidence.
///
/// Works on tokens and lexicon matches, never on `Character`. The main modal of a sentence is the
/// first modal phrase that is not inside a subordinate clause ("where …", "which …"); traps
/// ("shall mean", "shall not affect", "shall apply from") are longer lexicon phrases than "shall",
/// so the longest match decides. The subject is what stands before the main modal, after any
/// introductory phrase; for a passive verb the addressee is the agent ("by the provider") or no one.
public struct Classifier: Sendable {
  /// How a text speaks where a sentence has no modal of its own: law states facts there; a
  /// catalogue of controls states duties in the imperative ("Monitor system accounts"); a
  /// framework states advice ("Processes … are in place"). Duties and advice name the party they
  /// speak to when the sentence does not.
  public enum Voice: Hashable, Sendable {
    case law
    /// Explanation around duties (a control's guidance, a framework's "about"): what a party
    /// does in the indicative is advice to it, not a duty. With `options`, what "can be done" is
    /// an option of the party it speaks to (a control's guidance: "Procedures can be established
    /// for …"); without, a possibility (a framework's "about": "intentions can be undermined").
    case guidance(to: Statement.Addressee, options: Bool = false)
    /// A recital: it explains the law and binds no one, so what a party does in the indicative is
    /// a fact ("Authors and performers need information …").
    case preamble
    case duties(to: Statement.Addressee)
    case advice(to: Statement.Addressee)
  }

  public let lexicon: Lexicon

  /// A classifier with `lexicon`.
  public init(lexicon: Lexicon = .english) { self.lexicon = lexicon }

  /// Every statement of `text`: one per sentence that has a modality. Spans are relative to each
  /// statement's sentence, which is its `text`.
  ///
  /// - Parameters:
  ///   - clause: the pinpoint ID to give the statements.
  ///   - chapeauEnd: bytes of `text` that are a chapeau: addressees found there are `.chapeau`.
  ///   - previous: the addressees of the statement before, for pronouns ("they shall").
  ///   - voice: how the text speaks where a sentence has no modal.
  public func classify(
    _ text: String, clause: PinpointID = PinpointID(rawValue: ""), chapeauEnd: Int = 0,
    previous: [Statement.Addressee] = [], voice: Voice = .law
  ) -> [Statement] {
    var copy = text
    return copy.withUTF8 { bytes in
      let tokens = Tokenizer.tokenize(bytes)
      let ids = lexicon.wordIDs(bytes, tokens)
      let skippable = tokens.indices.map { i in
        tokens[i].kind == .word && (lexicon.isAdverb[Int(ids[i])] || Self.isLyAdverb(bytes[tokens[i].range]))
      }
      var result: [Statement] = []
      var previous = previous
      var first = 0
      var number = 0
      for sentence in Segmenter.sentences(bytes, tokens: tokens) {
        while first < tokens.count && Int(tokens[first].start) < sentence.range.lowerBound { first += 1 }
        var last = first
        while last < tokens.count && Int(tokens[last].end) <= sentence.range.upperBound { last += 1 }
        number += 1
        defer { first = last }
        let analysis = SentenceAnalysis(
          bytes: bytes, tokens: tokens, ids: ids, range: first..<last, lexicon: lexicon,
          matches: lexicon.matches(ids, in: first..<last, skippable: skippable), chapeauEnd: chapeauEnd,
          previous: previous, voice: voice)
        guard var statement = analysis.statement() else { continue }
        statement.clause = clause
        statement.sentence = number
        if !statement.addressees.isEmpty {
          previous = statement.addressees
        }
        result.append(statement)
        for var further in analysis.furtherStatements(after: statement) {
          further.clause = clause
          further.sentence = number
          result.append(further)
        }
      }
      return result
    }
  }

  /// The lexicon roles a heading names, each once, in order ("Obligations of providers and
  /// deployers of …" → provider, deployer).
  public func roles(named text: String) -> [Statement.Addressee] {
    var copy = text
    return copy.withUTF8 { bytes in
      let tokens = Tokenizer.tokenize(bytes)
      let ids = lexicon.wordIDs(bytes, tokens)
      let matches = lexicon.matches(
        ids, in: 0..<tokens.count, skippable: [Bool](repeating: false, count: tokens.count))
      var result: [Statement.Addressee] = []
      for role in matches[.role] {
        let label = lexicon.phrases[Int(role.phrase)].label
        guard !result.contains(where: { $0.role == label }) else { continue }
        let words = String(
          decoding: bytes[Int(tokens[role.range.lowerBound].start)..<Int(tokens[role.range.upperBound - 1].end)],
          as: UTF8.self)
        result.append(Statement.Addressee(role: label, text: words, source: .context, span: 0..<0))
      }
      return result
    }
  }

  /// Words in -ly, but not verbs in -ply ("comply", "apply", "supply").
  static func isLyAdverb(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    word.count > 4 && word.last == UInt8(ascii: "y") && word[word.endIndex - 2] == UInt8(ascii: "l")
      && word[word.endIndex - 3] != UInt8(ascii: "p")
  }
}

/// The analysis of one sentence (tokens `range` of a text).
struct SentenceAnalysis {
  let bytes: UnsafeBufferPointer<UInt8>
  let tokens: [Token]
  let ids: [UInt16]
  let range: Range<Int>
  let lexicon: Lexicon
  let matches: Matches
  let chapeauEnd: Int
  let previous: [Statement.Addressee]
  let voice: Classifier.Voice

  /// The sentence's first byte: spans are reported relative to it.
  var base: Int { Int(tokens[range.lowerBound].start) }

  func statement() -> Statement? {
    guard !range.isEmpty, tokens[range].contains(where: { $0.kind == .word }) else { return nil }
    guard let (modal, subordinate) = mainModal() else { return unmarked() }
    // A party's indicative verb is the sentence's where every modal stands in a clause below it
    // ("Organizations consider how audit records can reveal …"), and comes first where a modal is
    // joined to it ("The auditor selects a sample … and may extend it": a second statement).
    if subordinate || joinedToIndicative(modal) != nil, indicativeSubject() != nil { return unmarked() }
    return statement(at: modal, subordinate: subordinate) ?? unmarked()
  }

  /// The statements a sentence holds besides its first: the duty a right implies ("the right to
  /// obtain from the deployer …" is also the deployer's obligation), and a second modal in a
  /// coordinated or relative clause with its own subject ("The authority may set a minimum
  /// requirement, which the institution must meet"; "…, and the Member must pay the fine"), and a
  /// second modal joined to the first ("shall respect … and shall protect …").
  func furtherStatements(after first: Statement) -> [Statement] {
    var result: [Statement] = []
    if first.modality == .right, let owed = first.counterparty {
      var duty = first
      duty.modality = .obligation
      duty.addressees = [owed]
      duty.counterparty = nil
      duty.evidence.append(.init(rule: "pattern:right-owed-by", span: owed.span))
      result.append(duty)
    }
    guard let (main, subordinate) = mainModal() else { return result }
    if first.evidence.contains(where: { $0.rule == "pattern:indicative-duty" }) {
      guard !subordinate, let joined = joinedToIndicative(main),
        var second = statement(at: main, subordinate: false, subjectStart: Int(main.start))
      else { return result }
      if second.addressees.isEmpty { second.addressees = first.addressees }
      second.evidence.append(.init(rule: "pattern:second-modal", span: span(joined..<joined + 1)))
      return result + [second]
    }
    for modal in matches[.modal] where modal.start >= main.end {
      guard let modality = Modality(rawValue: lexicon.phrases[Int(modal.phrase)].label), modality.isRegulatory
      else { continue }
      // "… shall respect X and shall protect Y": a second modal joined to the first, with no
      // subject of its own, is a second statement of the same party (two deontics, two
      // statements; one modal over two verbs stays one). Powers and a duty joined are two statements too ("shall have the power to require … and
      // shall take appropriate measures"); so is a duty after an inserted clause ("… and, where
      // such services ensure the storage of data, shall have mechanisms in place").
      var joined = Int(modal.start) - 1
      while joined > Int(main.end) && isAdverb(joined) { joined -= 1 }
      if joined > Int(main.end), isPunctuation(joined, ","),
        let opening = (Int(main.end)..<joined).last(where: { isClauseBreak($0) }), isPunctuation(opening, ","),
        (opening + 1..<joined).contains(where: { has(.subordinator, at: $0) })
      {
        joined = opening - 1
      }
      if first.modality.isRegulatory || first.modality == .empowerment, joined > Int(main.end),
        isWord(joined, "and") || isWord(joined, "but"), !isSubordinate(modal),
        var second = statement(at: modal, subordinate: false, subjectStart: Int(modal.start))
      {
        if second.addressees.isEmpty { second.addressees = first.addressees }
        if first.modality == .empowerment, second.addressees.isEmpty, second.modality.isRegulatory {
          var evidence: [Statement.Evidence] = []
          second.addressees = subjectAddressees(subjectStart(before: main)..<Int(main.start), evidence: &evidence)
        }
        second.evidence.append(.init(rule: "pattern:second-modal", span: span(joined..<joined + 1)))
        result.append(second)
        break
      }
      // The clause's opening: a relative word, or a coordinator after a comma or semicolon.
      var i = Int(modal.start) - 1
      while i >= Int(main.end) && !has(.relative, at: i) && !(has(.coordinator, at: i) && i > 0 && isClauseBreak(i - 1))
      {
        if isClauseBreak(i) { break }
        i -= 1
      }
      // Not "that": after "ensure", "make sure", "provided" it opens what must be so, not a clause
      // with a party of its own.
      guard i >= Int(main.end), !isClauseBreak(i), isWord(i, "which") || isWord(i, "who") || has(.coordinator, at: i)
      else { continue }
      // The second clause names its own party ("which the institution must meet", ", and the
      // Tenant must pay"); a pronoun or no subject at all ("… and shall …") continues the first
      // statement's party, one duty of two verbs.
      let subject = i + 1..<Int(modal.start)
      guard let head = firstWord(in: subject), !has(.pronoun, at: head), namesParty(subject),
        !subject.contains(where: { has(.subordinator, at: $0) }),
        var second = statement(at: modal, subordinate: false, subjectStart: i + 1), !second.addressees.isEmpty,
        second.addressees.map(\.text) != first.addressees.map(\.text)
      else { continue }
      second.evidence.append(.init(rule: "pattern:second-clause", span: span(i..<i + 1)))
      result.append(second)
      break
    }
    return result
  }

  /// The "and" or "but" that joins `modal` to a clause before it, with only adverbs between
  /// ("… selects a sample and may extend it"), when a party's indicative verb precedes it.
  private func joinedToIndicative(_ modal: Match) -> Int? {
    var joined = Int(modal.start) - 1
    while joined > range.lowerBound && isAdverb(joined) { joined -= 1 }
    // Not in a recital, whose indicative states what is; nor joined inside a clause below the
    // verb ("Organizations identify actions that normally require … but may …").
    guard voice != .preamble, joined > range.lowerBound, isWord(joined, "and") || isWord(joined, "but"),
      let (_, verb) = indicativeSubject(), verb < joined,
      !(verb..<joined).contains(where: { has(.relative, at: $0) || has(.subordinator, at: $0) || isWord($0, "that") })
    else { return nil }
    return joined
  }

  /// The statement of `modal`, its subject from `subjectStart` (else found before the modal).
  private func statement(at modal: Match, subordinate: Bool, subjectStart given: Int? = nil) -> Statement? {
    var evidence: [Statement.Evidence] = []
    let label = lexicon.phrases[Int(modal.phrase)].label
    guard var modality = Modality(rawValue: label) else { return nil }
    evidence.append(.init(rule: "modal:\(label):\(phrase(modal))", span: span(modal.range)))
    if subordinate { evidence.append(.init(rule: "pattern:modal-in-subordinate-clause", span: span(modal.range))) }

    // "By way of derogation from Article 43, any market surveillance authority may authorise …",
    // "By derogation from paragraph 7, …, the supervisory authority … shall adopt …": the clause
    // after the derogation says what it lets or makes the party do (a permission, a duty; an
    // exemption where it says "need not"), and names the party and the act.
    var verbal = modal
    if modality == .exemption, phrase(modal).hasPrefix("by way of") || phrase(modal).hasPrefix("by derogation"),
      let next = matches[.modal].first(where: {
        $0.start >= modal.end && lexicon.phrases[Int($0.phrase)].label != "none"
      }), let after = Modality(rawValue: lexicon.phrases[Int(next.phrase)].label)
    {
      verbal = next
      modality = after
    }
    let subject = (given ?? subjectStart(before: verbal))..<Int(verbal.start)
    let passive = passiveParticiple(after: verbal)
    // "The gatekeeper shall apply transparent, fair and non-discriminatory conditions": a party
    // that applies something acts; "This Regulation shall apply to …" is scope.
    if modality == .scope, phrase(modal) == "shall apply" || phrase(modal) == "should apply", headIsParty(subject) {
      modality = phrase(modal) == "shall apply" ? .obligation : .recommendation
      evidence.append(.init(rule: "pattern:party-applies", span: span(modal.range)))
    }
    // "Chapter IV shall apply to contracts concluded after 12 September 2025": what applies only
    // from a date on says when the act applies ("shall apply without prejudice to acts concluded
    // before 7 June 2021" draws its scope).
    if modality == .scope, !lexicon.phrases[Int(modal.phrase)].contains("not apply"),
      phrase(modal).hasSuffix("apply") || phrase(modal).hasSuffix("apply to"),
      !(Int(modal.end)..<min(range.upperBound, Int(modal.end) + 2)).contains(where: { isWord($0, "prejudice") }),
      let date = (Int(modal.end)..<range.upperBound).first(where: {
        tokens[$0].kind == .date
          && (isWord($0 - 1, "after") || isWord($0 - 1, "before") || isWord($0 - 1, "from")
            || isWord($0 - 1, "until"))
      })
    {
      modality = .entryIntoForce
      evidence.append(.init(rule: "pattern:application-date", span: span(date - 1..<date + 1)))
    }
    // "The notion of 'deployer' … should be interpreted as …", "the concept of active recipients of
    // the service should cover those who …": what a notion covers defines it.
    if modality.isRegulatory,
      passive.map({
        isWord($0.lowerBound, "understood") || isWord($0.lowerBound, "interpreted") || isWord($0.lowerBound, "defined")
      }) ?? true,
      let first = firstWord(in: subject).map({ has(.determiner, at: $0) ? $0 + 1 : $0 }),
      first + 1 < subject.upperBound,
      isWord(first, "notion") || isWord(first, "concept"), isWord(first + 1, "of")
    {
      modality = .definition
      evidence.append(.init(rule: "pattern:notion-defined", span: span(first..<first + 2)))
    }
    // "This Agreement will expire on …" ends an instrument; "The rights provided for in paragraph 1
    // shall expire two years after …", "the limitation period shall expire …" say how long a right
    // or a period lasts.
    if modality == .entryIntoForce, phrase(modal).hasSuffix("expire"), !namesAProvision(subject),
      !(firstWord(in: subject).map { isWord($0, "This") || isWord($0, "this") } ?? false)
    {
      modality = .constitution
      evidence.append(.init(rule: "pattern:duration", span: span(modal.range)))
    }
    // "Nothing in this Annex should constitute a legal basis": a negated subject of advice is scope.
    if modality == .recommendation, negatedSubject(subject), let first = firstWord(in: subject),
      isWord(first, "Nothing")
    {
      modality = .scope
      evidence.append(.init(rule: "pattern:negated-subject", span: span(first..<first + 1)))
    }
    // "Market surveillance authorities shall be able to propose joint activities" may; "the
    // controller shall be able to demonstrate that …" must: being able to show or give something
    // asked for is a duty.
    if modality == .permission, phrase(modal).hasSuffix("be able to"), Int(modal.end) < range.upperBound,
      Self.showingVerbs.contains(where: { isWord(Int(modal.end), $0) })
    {
      modality = .obligation
      evidence.append(.init(rule: "pattern:able-to-show", span: span(Int(modal.end)..<Int(modal.end) + 1)))
    }
    // "The Chief Executive has authority to approve exceptions to this Policy": authority over the
    // rules themselves (to approve, adopt, amend, revoke, waive …) is a power the text confers;
    // authority to act ("has authority to stop any production line") a permission.
    if modality == .permission, phrase(modal).hasSuffix("authority to"), Int(modal.end) < range.upperBound,
      Self.normativeVerbs.contains(where: { isWord(Int(modal.end), $0) })
    {
      modality = .empowerment
      evidence.append(.init(rule: "pattern:normative-power", span: span(Int(modal.end)..<Int(modal.end) + 1)))
    }
    // "Notifying authorities may notify only conformity assessment bodies which …": a permission
    // that "only" restricts forbids the rest.
    if modality == .permission, phrase(modal) == "may", passive == nil, headIsParty(subject),
      (Int(modal.end)..<min(range.upperBound, Int(modal.end) + 2)).contains(where: { isWord($0, "only") })
    {
      modality = .prohibition
      evidence.append(.init(rule: "pattern:only-restriction", span: span(modal.range)))
    }
    // "The Digital Services Coordinator shall only extend the period where …", "New tests on
    // vertebrates shall only be conducted as a last resort": a duty that "only" restricts forbids
    // acting otherwise (a thing's content, "The inventory shall only include …", stays a duty).
    if modality == .obligation, phrase(modal) == "shall" || phrase(modal) == "must",
      Int(modal.end) < range.upperBound, isWord(Int(modal.end), "only"),
      passive != nil || headIsParty(subject) || firstWord(in: subject).map({ has(.pronoun, at: $0) }) == true
    {
      modality = .prohibition
      evidence.append(.init(rule: "pattern:only-restriction", span: span(Int(modal.end)..<Int(modal.end) + 1)))
    }
    // "The gatekeeper shall collect and exchange with the provider … only the personal data of end
    // users that is strictly necessary …": a party's duty whose object or occasion "only" restricts
    // forbids the rest (not "not only … but also", nor a thing's content, "shall include only").
    if modality == .obligation, passive == nil, phrase(modal) == "shall" || phrase(modal) == "must",
      Int(modal.end) < range.upperBound,
      let only = (Int(modal.end) + 1..<min(range.upperBound, Int(modal.end) + 30)).prefix(while: {
        !isClauseBreak($0) && !isPunctuation($0, ".")
      }).first(where: { isWord($0, "only") }),
      !isWord(only - 1, "not"), only + 1 < range.upperBound,
      has(.determiner, at: only + 1) || has(.condition, at: only + 1) || has(.subordinator, at: only + 1),
      headIsParty(subject), !describesContent(after: modal)
    {
      modality = .prohibition
      evidence.append(.init(rule: "pattern:only-restriction", span: span(only..<only + 1)))
    }
    // "This paragraph shall not prevent technical storage …", "This Title shall not otherwise
    // affect the competences …": a provision that leaves something be draws its scope, it bans nothing.
    if modality == .prohibition, namesAProvision(subject),
      (Int(modal.end)..<min(range.upperBound, Int(modal.end) + 2)).contains(where: {
        isWord($0, "prevent") || isWord($0, "affect") || isWord($0, "restrict") || isWord($0, "prejudice")
          || isWord($0, "preclude")
      })
    {
      modality = .scope
      evidence.append(.init(rule: "pattern:provision-leaves", span: span(modal.range)))
    }
    // "No decision … may be taken", "No provider shall": a negated subject. "Nothing in this
    // paragraph shall prevent the Commission from disclosing …": a restraint lifted for a named
    // party is its exemption; with no party it draws the scope.
    var freed: [Statement.Addressee] = []
    if modality == .obligation || modality == .permission, negatedSubject(subject), let first = firstWord(in: subject) {
      freed = isWord(first, "Nothing") ? freedParties(after: Int(modal.end)) : []
      modality = isWord(first, "Nothing") ? (freed.isEmpty ? .scope : .exemption) : .prohibition
      evidence.append(.init(rule: "pattern:negated-subject", span: span(first..<first + 1)))
    }
    // "… shall: (a) not use the data …": a limb that opens with "not" under a duty is a ban.
    if modality == .obligation, Int(modal.start) < range.upperBound,
      Int(tokens[modal.range.lowerBound].start) < chapeauEnd,
      let limb = (Int(modal.end)..<range.upperBound).first(where: { Int(tokens[$0].start) >= chapeauEnd }),
      isWord(limb, "not")
    {
      modality = .prohibition
      evidence.append(.init(rule: "pattern:negated-limb", span: span(limb..<limb + 1)))
    }
    // "… all the following conditions must be met …: (d) the special categories of personal data
    // are not to be transmitted …": a condition that is itself a ban is the limb's statement.
    if modality == .obligation, let participle = passive, Int(tokens[modal.range.lowerBound].start) < chapeauEnd,
      isWord(participle.lowerBound, "met") || isWord(participle.lowerBound, "fulfilled")
        || isWord(participle.lowerBound, "satisfied"),
      let ban = matches[.modal].first(where: {
        Int(tokens[Int($0.start)].start) >= chapeauEnd && lexicon.phrases[Int($0.phrase)].label == "prohibition"
      })
    {
      modality = .prohibition
      evidence.append(.init(rule: "pattern:condition-is-a-ban", span: span(ban.range)))
    }
    // "Any information exchanged … shall be used only in respect of …", "shall be carried out only
    // under the control of …": a passive duty that "only" restricts forbids everything else.
    if modality == .obligation, let participle = passive, !phrase(modal).hasPrefix("it shall be") {
      var i = participle.upperBound
      while i < min(range.upperBound, participle.upperBound + 8), !isClauseBreak(i), !isWord(i, "only") { i += 1 }
      if i < range.upperBound, isWord(i, "only") {
        modality = .prohibition
        evidence.append(.init(rule: "pattern:only-restriction", span: span(i..<i + 1)))
      }
    }
    // "This obligation shall not apply to microenterprises", "Paragraphs 1 and 2 shall not apply
    // to the extent that …": a duty disapplied; "This Regulation shall not apply to …" is scope,
    // as is "The rights provided for in … shall not apply to private uses": what a right or an
    // exception does not reach frees no one from a duty.
    // A provision kept off things ("Paragraph 1 shall not apply to data specifically required by
    // …", "This Part does not apply to premises occupied by the Crown") marks where it reaches
    // too; kept off a party ("This Article shall not apply to micro enterprises") or "to the
    // extent that …" it frees someone.
    if modality == .scope, lexicon.phrases[Int(modal.phrase)].contains("not apply"), !namesAnAct(subject),
      !namesARight(subject), !(namesAProvisionUnit(subject) && keepsOffThings(after: modal))
    {
      modality = .exemption
      evidence.append(.init(rule: "pattern:rule-disapplied", span: span(modal.range)))
    }
    // "That committee shall be a committee within the meaning of …", "The Chairman shall be an
    // employee of the Agency": a status, not a duty (but "shall be the responsibility of …").
    var status = false
    if modality == .obligation || modality == .recommendation, passive == nil,
      Int(modal.end) + 2 < range.upperBound, isWord(Int(modal.end), "be"),
      isWord(Int(modal.end) + 1, "a") || isWord(Int(modal.end) + 1, "an") || isWord(Int(modal.end) + 1, "the"),
      !isWord(Int(modal.end) + 2, "responsibility"), !isWord(Int(modal.end) + 2, "duty"),
      !isWord(Int(modal.end) + 2, "task"), ["shall", "must", "should", "should not"].contains(phrase(modal))
    {
      modality = .constitution
      status = true
      evidence.append(.init(rule: "pattern:status", span: span(modal.range)))
    }
    // "Market surveillance authorities shall be granted access to the source code": what a party
    // is granted is its right (owed by the one who grants it, where the text names it).
    var granted = false
    if modality == .obligation, let participle = passive, participle.count == 1,
      isWord(participle.lowerBound, "granted"),
      headIsParty(subject)
    {
      modality = .right
      granted = true
      evidence.append(.init(rule: "pattern:party-granted", span: span(participle)))
    }
    // "The establishment of AI regulatory sandboxes shall aim to contribute to the following
    // objectives:", "The Interoperable Europe portal shall have at least the following functions:":
    // what a thing is for or has describes it; no one must do anything.
    if modality == .obligation, passive == nil, describesAThing(after: modal, subject: subject) {
      modality = .constitution
      evidence.append(.init(rule: "pattern:thing-described", span: span(modal.range)))
    }
    // "Each supervisory authority shall have all of the following investigative powers:", "the
    // AI Office shall have all the powers of a market surveillance authority", "Digital Services
    // Coordinators shall, in respect of …, where …, also have the power to …".
    if modality == .obligation, confersPowers(after: modal) {
      modality = .empowerment
      evidence.append(.init(rule: "pattern:powers-conferred", span: span(modal.range)))
    }
    if case .advice = voice, modality != .definition {
      modality = .recommendation
      evidence.append(.init(rule: "pattern:framework-advice", span: span(modal.range)))
    }

    // "The basis for the processing … shall be laid down by: (a) Union law; or (b) Member State law
    // …": what a body of law lays down is so; no party is told to act. (A recital's "should be laid
    // down by law in each Member State" advises the legislator.)
    if modality == .obligation, let participle = passive,
      madeByLaw(after: participle.upperBound)
    {
      modality = .constitution
      evidence.append(.init(rule: "pattern:made-by-law", span: span(participle)))
    }
    var addressees: [Statement.Addressee] = []
    // A status is a party's ("The Commission shall be the controller …"): a pronoun after it
    // ("It shall make available …") refers back to that party. So is what a party is granted.
    if status || granted {
      addressees = subjectAddressees(subject, evidence: &evidence)
    } else if modality.isRegulatory, phrase(modal).hasSuffix(" with") {
      // "Responsibility for keeping the asset register lies with the IT Operations Manager".
      let end = (Int(modal.end)..<range.upperBound).first(where: { isClauseBreak($0) }) ?? range.upperBound
      addressees = subjectAddressees(Int(modal.end)..<end, evidence: &evidence)
    } else if modality.isRegulatory, let object = causedParty(after: modal) {
      // "The Exchange requires every Market Maker to maintain …": the duty is the object's.
      addressees = object
    } else if modality.isRegulatory {
      if let participle = passive {
        evidence.append(.init(rule: "pattern:passive", span: span(participle)))
        if let agent = agent(after: participle.upperBound) {
          addressees = [agent]
          evidence.append(.init(rule: "agent:\(agent.role ?? "party")", span: agent.span))
          // "may be revoked at any time by the European Parliament or by the Council": each agent.
          if var end = (participle.upperBound..<range.upperBound).first(where: {
            Int(tokens[$0].end) - base == agent.span.upperBound
          }) {
            end += 1
            while let (role, words) = coordinatedParty(after: end, before: range.upperBound) {
              addressees.append(Statement.Addressee(role: role, text: text(words), source: .agent, span: span(words)))
              end = words.upperBound
            }
          }
        }
      } else if !phrase(verbal).hasPrefix("it ") {
        addressees = subjectAddressees(subject, acts: !describesContent(after: verbal), evidence: &evidence)
        // "In order to benefit from the transitional regime … each potential registrant of a
        // phase-in substance … shall": an opening phrase with no comma after it; the subject is
        // the last noun phrase headed by a party.
        if addressees.isEmpty, let first = firstWord(in: subject),
          opensIntroduction(first) || has(.preposition, at: first),
          let start = subject.reversed().first(where: {
            has(.determiner, at: $0) && headIsParty($0..<subject.upperBound)
          })
        {
          addressees = subjectAddressees(start..<subject.upperBound, evidence: &evidence)
        }
      } else if let party = impersonalParty(after: verbal) {
        // "It is mandatory for every Member to connect …", "It is the duty of every local
        // authority to …", "It is an offence for a licensee to …".
        addressees = subjectAddressees(party, evidence: &evidence)
      }
      if addressees.isEmpty, !namesParty(subject), let empowered = empoweredParty(after: verbal), !empowered.isEmpty {
        addressees = empowered
        evidence.append(.init(rule: "pattern:empowered-party", span: empowered[0].span))
      }
      // "Traffic data … processed and stored by the provider … must be erased", "Orders entered by
      // a Market Maker … are exempt from …": the party that acted on the subject acts on it again.
      // Not "Any action taken by the Commission … shall interrupt the limitation period": a thing
      // that acts binds no one.
      if addressees.isEmpty, passive != nil || modality == .exemption, let agent = agentInside(subject) {
        addressees = [agent]
        evidence.append(.init(rule: "pattern:agent-in-subject", span: agent.span))
      }
    }
    if !freed.isEmpty { addressees = freed }
    // "The single point of contact shall have the following tasks: (a) to coordinate …": only a
    // party has tasks, whatever its noun.
    if addressees.isEmpty, modality == .obligation, passive == nil,
      let name = taskHolder(after: verbal, subject: subject)
    {
      addressees = [
        Statement.Addressee(role: nil, text: text(name), source: source(of: name.lowerBound), span: span(name))
      ]
      evidence.append(.init(rule: "pattern:task-holder", span: span(name)))
    }
    // "Subsection (1) does not apply to a registered medical practitioner": the party the rule
    // is disapplied to need not do what it says.
    if modality == .exemption, addressees.isEmpty, lexicon.phrases[Int(modal.phrase)].contains("not apply") {
      addressees = exemptedParties(after: modal)
    }
    // "A person who contravenes … is liable on summary conviction to a fine": the person
    // sanctioned is not the one the consequence binds.
    if modality == .obligation, lexicon.phrases[Int(modal.phrase)].contains("liable on") { addressees = [] }
    if modality.isRegulatory, addressees.isEmpty, let party = voice.party {
      addressees = [party]
    }
    let (action, object) = actionAndObject(after: verbal, passive: passive, subject: subject)
    let conditions = qualifiers(.condition, subject: subject)
    let exceptions = qualifiers(.exception, subject: subject)
    let deadlines = self.deadlines()
    for (list, kind) in [(conditions, "condition"), (exceptions, "exception"), (deadlines, "deadline")] {
      for item in list { evidence.append(.init(rule: "\(kind):\(item.kind)", span: item.span)) }
    }
    var confidence = modality.isRegulatory ? 0.9 : 0.95
    if subordinate { confidence -= 0.2 }
    if modality.isDeontic {
      if addressees.isEmpty {
        confidence -= 0.1
      } else if addressees.allSatisfy({ $0.role == nil }) {
        confidence -= 0.05
      } else if addressees.contains(where: { $0.source == .antecedent }) {
        confidence -= 0.1
      }
    }
    evidence.sort {
      ($0.span.lowerBound, $0.span.upperBound, $0.rule) < ($1.span.lowerBound, $1.span.upperBound, $1.rule)
    }
    // "is entitled to receive from the Landlord": an entitlement claimed from a party is a right.
    let claimed = modality == .permission || modality == .right ? claimedFrom(after: modal) : nil
    if modality == .permission, lexicon.phrases[Int(modal.phrase)].contains("entitled"), claimed != nil {
      modality = .right
      evidence.append(.init(rule: "pattern:entitlement-from-a-party", span: span(modal.range)))
    }
    let counterparty = modality == .right ? claimed : nil
    if let counterparty {
      evidence.append(.init(rule: "counterparty:\(counterparty.role ?? "party")", span: counterparty.span))
    }
    return Statement(
      clause: PinpointID(rawValue: ""), modality: modality, addressees: addressees, counterparty: counterparty,
      action: action, object: object, conditions: conditions, exceptions: exceptions, deadlines: deadlines,
      references: references(), confidence: (confidence * 100).rounded() / 100, evidence: evidence,
      text: text(range.lowerBound..<range.upperBound))
  }

  /// A sentence without a modal: a duty or advice where the text speaks so (a catalogue's
  /// imperative, a framework's outcome), else a statement of what is.
  private func unmarked() -> Statement {
    let text = text(range.lowerBound..<range.upperBound)
    var modality = Modality.constitution
    var addressees: [Statement.Addressee] = []
    var evidence: [Statement.Evidence] = []
    var confidence = 0.7
    if voice.explains || voice.offersOptions, let verb = definingVerb() {
      // "Risk refers to the composite measure of …", "Dark patterns are design techniques that …".
      return Statement(
        clause: PinpointID(rawValue: ""), modality: .definition, references: references(), confidence: 0.7,
        evidence: [.init(rule: "pattern:defines", span: span(verb..<verb + 1))], text: text)
    }
    switch voice {
    case .preamble:
      evidence.append(.init(rule: "pattern:no-modal", span: span(range.lowerBound..<range.lowerBound + 1)))
    case .law, .guidance:
      if let verb = interpretationVerb() {
        modality = .definition
        evidence.append(.init(rule: "pattern:interpretation", span: span(verb..<verb + 1)))
      } else if isWord(range.lowerBound, "Nothing"), case let freed = freedParties(after: range.lowerBound + 1),
        !freed.isEmpty
      {
        // "Nothing in this Policy obliges an employee to disclose …".
        modality = .exemption
        evidence.append(.init(rule: "pattern:negated-subject", span: span(range.lowerBound..<range.lowerBound + 1)))
        addressees = freed
      } else if let agent = presentPassiveAgent() {
        // "Goods received after 16:00 are booked in by the early shift": a party's duty in the
        // passive of a procedure.
        modality = voice == .law ? .obligation : .recommendation
        evidence.append(.init(rule: "pattern:present-passive", span: agent.span))
        addressees = [agent]
      } else if let (subject, verb) = indicativeSubject() {
        // "The provider verifies that …", "The operator records …": a party's duty stated in the
        // indicative, as procedures state them; in guidance, advice.
        modality = voice == .law ? .obligation : .recommendation
        // "The operator does not restart the line …", "The technician never bypasses …".
        if voice == .law,
          isWord(verb, "never") || ((isWord(verb, "does") || isWord(verb, "do")) && isWord(verb + 1, "not"))
        {
          modality = .prohibition
        }
        evidence.append(.init(rule: "pattern:indicative-duty", span: span(verb..<verb + 1)))
        addressees = subjectAddressees(subject, evidence: &evidence)
      } else if let listed = coverageList() {
        // "High-risk AI systems pursuant to Article 6(2) are the AI systems listed in any of the
        // following areas: …": what a class the act regulates takes in.
        modality = .scope
        evidence.append(.init(rule: "pattern:listed-coverage", span: span(listed..<listed + 1)))
      } else {
        evidence.append(.init(rule: "pattern:no-modal", span: span(range.lowerBound..<range.lowerBound + 1)))
      }
    case .duties(let party):
      modality = .obligation
      evidence.append(.init(rule: "pattern:catalogue-duty", span: span(range.lowerBound..<range.lowerBound + 1)))
      addressees = [party]
      confidence = 0.8
    case .advice(let party):
      modality = .recommendation
      evidence.append(.init(rule: "pattern:framework-advice", span: span(range.lowerBound..<range.lowerBound + 1)))
      addressees = [party]
      confidence = 0.8
    }
    return Statement(
      clause: PinpointID(rawValue: ""), modality: modality, addressees: addressees, references: references(),
      confidence: confidence, evidence: evidence, text: text)
  }

  private func isCausative(_ modal: Match) -> Bool {
    // Lexicon phrases are written in lower case; the match may be capitalised, the phrase is not.
    switch phrase(modal) {
    case "requires", "require", "authorises", "authorizes": return true
    default: return false
    }
  }

  private func negatedSubject(_ subject: Range<Int>) -> Bool {
    guard let first = firstWord(in: subject) else { return false }
    // "No sooner than 7 June 2026, the Commission shall": a time, not a subject.
    if first + 1 < subject.upperBound,
      isWord(first + 1, "sooner") || isWord(first + 1, "later") || isWord(first + 1, "earlier")
    {
      return false
    }
    return isWord(first, "No") || isWord(first, "no") || isWord(first, "Neither") || isWord(first, "Nothing")
  }

  /// "is/are <participle> … by <party>" in the main clause (not after "which", "that", a comma):
  /// the agent of a present passive.
  private func presentPassiveAgent() -> Statement.Addressee? {
    var i = range.lowerBound
    while i < min(range.upperBound, range.lowerBound + 16) {
      if isClauseBreak(i) || has(.relative, at: i) || has(.subordinator, at: i) || isWord(i, "that") { return nil }
      // "are booked in by", "continues to be kept by".
      let chain =
        (isWord(i, "continues") || isWord(i, "continue")) && i + 2 < range.upperBound && isWord(i + 1, "to")
        && isWord(i + 2, "be")
      if isWord(i, "is") || isWord(i, "are") || chain {
        var j = chain ? i + 3 : i + 1
        while j < range.upperBound && isAdverb(j) { j += 1 }
        guard j < range.upperBound, match(.participle, at: j) != nil || isPastParticiple(j) else { return nil }
        var k = j + 1
        if k < range.upperBound, isWord(k, "in") || isWord(k, "out") || isWord(k, "up") { k += 1 }
        return agent(after: k)
      }
      i += 1
    }
    return nil
  }

  private func endsInIng(_ i: Int) -> Bool { bytes[tokens[i].range].suffix(3).elementsEqual("ing".utf8) }

  private func isPastParticiple(_ i: Int) -> Bool {
    guard tokens[i].kind == .word else { return false }
    let word = bytes[tokens[i].range]
    return word.count > 3 && word.suffix(2).elementsEqual("ed".utf8)
  }

  /// A party as the sentence's subject and the present-tense verb after it ("The operator records",
  /// "Organizations determine", "the cashier notifies" after an opening condition): the subject's
  /// tokens and the verb's index.
  private func indicativeSubject() -> (Range<Int>, Int)? {
    var start = range.lowerBound
    if opensIntroduction(start) {
      guard let comma = (start..<range.upperBound).first(where: { isPunctuation($0, ",") }) else { return nil }
      start = comma + 1
    }
    while start < range.upperBound && tokens[start].kind == .punctuation { start += 1 }
    let determined = start < range.upperBound && has(.determiner, at: start)
    while start < range.upperBound && has(.determiner, at: start) { start += 1 }
    var i = start + 1
    var head = start  // the last word before `i` that is not an adverb
    var plural = false  // "The requester and the approver sign"
    while i < min(range.upperBound, start + 10) && tokens[i].kind == .word {
      if has(.preposition, at: i) || has(.relative, at: i) || has(.subordinator, at: i) { return nil }
      if isAdverb(i) && !isWord(i, "never") || isWord(i, "also") {
        i += 1
        continue
      }
      if isWord(i, "and") { plural = true }
      // "This does not include AI systems": the subject ended before a verb that is no party's.
      if isWord(i, "not") || isAuxiliary(head) { return nil }
      let previous = bytes[tokens[head].range]
      let word = bytes[tokens[i].range]
      if agentiveHead(head..<head + 1, acronyms: determined && voice == .law) != nil, !has(.determiner, at: i),
        !has(.coordinator, at: i), !has(.party, at: i),
        match(.role, at: i) == nil, let first = word.first, Tokenizer.isLowerASCII(first), word.count > 2,
        !isAuxiliary(i) || isNegation(i), !isVerbForm(i),
        // "The operator records", "Organizations determine", "Federal agency personnel consult";
        // not "Outlier figures".
        (determined && word.last == UInt8(ascii: "s"))
          || ((previous.last == UInt8(ascii: "s") || plural || isCollective(head, after: start))
            && word.last != UInt8(ascii: "s"))
          || isWord(i, "never")
      {
        // "The two individuals possess the skills", "Authenticators include passwords": a state,
        // not a duty ("Organizations include time frames in the definition" puts something in).
        let includes = isWord(i, "include") || isWord(i, "includes")
        let puts = includes && (i + 1..<range.upperBound).contains { isWord($0, "in") || isWord($0, "into") }
        // "The parties agree that time is of the essence": a declaration of what is ("The
        // Distributor agrees that it will buy only from the Manufacturer" binds it).
        let declares =
          i + 1 < range.upperBound && isWord(i + 1, "that") && Self.declaringVerbs.contains { isWord(i, $0) }
          && !matches[.modal].contains { Int($0.start) > i }
        return Self.stativeVerbs.contains { isWord(i, $0) } || (includes && !puts) || declares
          ? nil : (start..<head + 1, i)
      }
      head = i
      i += 1
    }
    return nil
  }

  private func isAuxiliary(_ i: Int) -> Bool {
    Self.auxiliaries.contains { isWord(i, $0) }
  }

  /// "does not", "do not", "never" after a subject.
  private func isNegation(_ i: Int) -> Bool {
    isWord(i, "never") || ((isWord(i, "does") || isWord(i, "do")) && i + 1 < range.upperBound && isWord(i + 1, "not"))
  }

  /// Forms of "be" and "have" and modal-like verbs: after a party they describe, not act.
  private static let auxiliaries: [StaticString] = [
    "is", "are", "was", "were", "has", "have", "had", "does", "do", "can", "could", "may", "might", "would", "should",
    "must", "will", "shall", "also",
  ]

  /// "the right to obtain from the deployer", "entitled to be given by the Registrar": the party a
  /// right is claimed from, named within a few words of the modal in its clause.
  private func claimedFrom(after modal: Match) -> Statement.Addressee? {
    var i = Int(modal.end)
    while i < min(range.upperBound, Int(modal.end) + 12) && !isPunctuation(i, ";") && !isPunctuation(i, ":") {
      if isWord(i, "from") || isWord(i, "by") {
        var j = i + 1
        while j < range.upperBound && has(.determiner, at: j) { j += 1 }
        var end = j
        while end < min(range.upperBound, j + 6), tokens[end].kind == .word, !has(.preposition, at: end),
          !has(.coordinator, at: end), !has(.relative, at: end), !has(.determiner, at: end)
        {
          end += 1
        }
        guard end > j else { return nil }
        if let role = roles(in: j..<end).first {
          return Statement.Addressee(role: role.role, text: role.text, source: .counterparty, span: role.span)
        }
        if let head = agentiveHead(j..<end, acronyms: true) {
          return Statement.Addressee(
            role: nil, text: text(j..<head + 1), source: .counterparty, span: span(j..<head + 1))
        }
        return nil
      }
      i += 1
    }
    return nil
  }

  /// "requires every Market Maker to maintain", "requires line managers to hold": the parties
  /// between a causative verb and its "to". Nil for any other modal, or when no "to" follows.
  private func causedParty(after modal: Match) -> [Statement.Addressee]? {
    guard isCausative(modal) else { return nil }
    return party(between: Int(modal.end))
  }

  /// The parties from `start` to the "to" that follows within ten words ("every Market Maker to
  /// maintain"), or nil when no "to" follows.
  private func party(between start: Int) -> [Statement.Addressee]? {
    guard let to = (start..<min(range.upperBound, start + 10)).first(where: { isWord($0, "to") }), to > start
    else { return nil }
    var evidence: [Statement.Evidence] = []
    return subjectAddressees(start..<to, evidence: &evidence)
  }

  /// "shall not apply to providers of intermediary services that qualify as micro …", "does not
  /// apply to a registered medical practitioner acting …", "shall not apply in respect of
  /// agreements concluded by entities defined in …": the parties of the phrase after "to" (or
  /// "of"), else the agent of a participle in it; none for "to the extent that …".
  private func exemptedParties(after modal: Match) -> [Statement.Addressee] {
    guard
      let to = (Int(modal.end)..<min(range.upperBound, Int(modal.end) + 3)).first(where: {
        isWord($0, "to") || isWord($0, "of")
      })
    else { return [] }
    // "shall not apply to the extent that …" names no party.
    if to + 2 < range.upperBound, isWord(to + 2, "extent") { return [] }
    // To the end of the clause: "to public sector bodies, the Commission, the European Central
    // Bank or Union bodies carrying out …", not "…, unless …".
    var end = to + 1
    while end < range.upperBound, !isPunctuation(end, ";"), !isPunctuation(end, ":"),
      !(isPunctuation(end, ",") && end + 1 < range.upperBound
        && (has(.subordinator, at: end + 1) || has(.condition, at: end + 1) || has(.exception, at: end + 1)
          || tokens[end + 1].kind != .word))
    {
      end += 1
    }
    var evidence: [Statement.Evidence] = []
    var found = subjectAddressees(to + 1..<end, evidence: &evidence)
    // "agreements concluded by entities defined in …": who made the thing disapplied.
    if found.isEmpty, let agent = agentInside(to + 1..<end) { found = [agent] }
    return found.map { Statement.Addressee(role: $0.role, text: $0.text, source: .exempted, span: $0.span) }
  }

  /// Whether a subject that names no party "shall aim to …" or "shall have …" the objectives or
  /// functions a list gives ("the following objectives:"); not tasks or duties, which only a
  /// party has ("The single point of contact shall have the following tasks").
  private func describesAThing(after modal: Match, subject: Range<Int>) -> Bool {
    var verb = Int(modal.end)
    while verb < range.upperBound && isAdverb(verb) { verb += 1 }
    guard verb < range.upperBound, isWord(verb, "aim") || isWord(verb, "have"),
      let following = (verb + 1..<min(range.upperBound, verb + 7)).first(where: { isWord($0, "following") }),
      following + 1 < range.upperBound, Self.describedBy.contains(where: { isWord(following + 1, $0) }),
      let first = firstWord(in: subject), !has(.pronoun, at: first), !namesParty(subject)
    else { return false }
    return true
  }

  /// The subject's words, without its determiner, when it "shall have the following tasks" (or
  /// duties, responsibilities); nil if the subject is longer than a name or holds a clause.
  private func taskHolder(after modal: Match, subject: Range<Int>) -> Range<Int>? {
    var verb = Int(modal.end)
    while verb < range.upperBound && isAdverb(verb) { verb += 1 }
    guard verb + 3 < range.upperBound, isWord(verb, "have"), isWord(verb + 1, "the"), isWord(verb + 2, "following"),
      isWord(verb + 3, "tasks") || isWord(verb + 3, "duties") || isWord(verb + 3, "responsibilities")
    else { return nil }
    var start = subject.lowerBound
    while start < subject.upperBound, has(.determiner, at: start) { start += 1 }
    let name = start..<subject.upperBound
    guard !name.isEmpty, name.count <= 6,
      name.allSatisfy({ tokens[$0].kind == .word && !has(.relative, at: $0) && !has(.subordinator, at: $0) })
    else { return nil }
    return name
  }

  private static let describedBy: [StaticString] = [
    "objectives", "objective", "functions", "functionalities", "features", "characteristics", "aims", "purposes",
  ]

  /// "the mandate shall empower the authorised representative to carry out the following tasks":
  /// a thing that empowers, requires or obliges a party makes the duty that party's.
  private func empoweredParty(after modal: Match) -> [Statement.Addressee]? {
    var i = Int(modal.end)
    while i < range.upperBound && isAdverb(i) { i += 1 }
    let verbs: [StaticString] = ["empower", "require", "oblige", "authorise", "authorize"]
    guard i < range.upperBound, verbs.contains(where: { isWord(i, $0) }) else { return nil }
    return party(between: i + 1)
  }

  // MARK: Modal

  /// The first modal phrase outside a subordinate clause, or the first one at all (then flagged).
  private func mainModal() -> (Match, subordinate: Bool)? {
    var first: Match?
    // Where every modal stands in a subordinate clause: the first one that is not a "should" ("If
    // it is proposed that a restriction should be re-examined a decision shall be taken …").
    var firstBinding: Match?
    var advice: Match?
    // "Without prejudice to any administrative remedy for which provision may be made, …, Member
    // States shall ensure": a modal in a clause inside an opening phrase is not the sentence's
    // when one follows.
    let opening =
      opensIntroduction(range.lowerBound)
      ? (range.lowerBound..<range.upperBound).first { isPunctuation($0, ",") || isClauseBreak($0) } : nil
    for modal in matches[.modal] {
      let label = lexicon.phrases[Int(modal.phrase)].label
      if label == "none" { continue }
      if let comma = opening, Int(modal.start) > range.lowerBound, Int(modal.start) < comma,
        matches[.modal].contains(where: { Int($0.start) > comma && lexicon.phrases[Int($0.phrase)].label != "none" }),
        (range.lowerBound..<Int(modal.start)).contains(where: { has(.relative, at: $0) || isWord($0, "what") })
      {
        continue
      }
      // "'term' means …", "term: means …" (a definition list without quotes).
      if label == "definition", phrase(modal) == "means", !hasQuote(before: Int(modal.start)),
        Int(modal.start) == range.lowerBound || !isPunctuation(Int(modal.start) - 1, ":")
      {
        continue
      }
      // "This Regulation establishes a list of clauses", "In particular, it establishes: (a) a
      // framework …": what an act establishes is its scope; a party that establishes something acts.
      if phrase(modal) == "establishes" {
        let subject = subjectStart(before: modal)..<Int(modal.start)
        if !namesAnAct(subject), !(subject.count == 1 && isWord(subject.lowerBound, "it")) { continue }
      }
      // "requires" binds only with a party and a "to" after it ("requires every Member to …").
      if isCausative(modal), causedParty(after: modal)?.isEmpty ?? true { continue }
      // Where a framework explains, "some users may not have reliable access", "outcomes may not
      // be visible" say what is possible; they ban nothing.
      if phrase(modal) == "may not", case .guidance(_, false) = voice, Int(modal.end) < range.upperBound,
        isWord(Int(modal.end), "be") || isWord(Int(modal.end), "have")
      {
        continue
      }
      // "The Supplier will deliver" and "Organizations can apply" bind a party; "Trading will
      // resume" and "Scales can be qualitative" only say what is or may be.
      let word = phrase(modal)
      if word == "will" || word == "will not" || word == "can" || word == "may" {
        let subject = subjectStart(before: modal)..<Int(modal.start)
        let participle = passiveParticiple(after: modal)
        // "will be investigated by Internal Audit" binds its agent; "will be closed" says what happens.
        // In a rulebook or a policy, "The official index level will be published at 12:00" and
        // "The service desk will acknowledge every ticket" are duties too: a passive of an act
        // (not a state: "closed", "available") or an active verb with an object.
        let stative = participle.map { verb in Self.stativeParticiples.contains { isWord(verb.lowerBound, $0) } }
        // Not "This will enable test data to be shared": a demonstrative or a pronoun explains.
        let explained =
          firstWord(in: subject).map {
            subject.count == 1 && (has(.pronoun, at: $0) || has(.determiner, at: $0))
          } ?? true
        let scheduled =
          word == "will" && voice == .law && !explained && (stative.map { !$0 } ?? takesObject(after: modal))
        let passive =
          participle != nil && (word != "will" || scheduled || agent(after: participle!.upperBound) != nil)
        // "can" binds the party that heads its subject, not one a modifier names ("Remote access …
        // by non-organizational entities can increase the risk").
        let bindsParty = word == "can" ? headIsParty(subject) && !passive : namesParty(subject)
        // "may" with a thing as subject and no passive is a possibility ("Such costs may include").
        let possibility =
          word == "may" && !bindsParty && !passive && !subject.isEmpty && !negatedSubject(subject)
          && !subject.contains(where: { match(.role, at: $0) != nil })
        // In guidance, "Procedures can be established" is an option of the party it speaks to.
        let option = word == "can" && passive && !bindsParty && voice.offersOptions
        if !option, possibility || (!bindsParty && word != "may" && (word == "can" || !(passive || scheduled))) {
          continue
        }
        // "The SCRM team can be an extension of …", "Such entities can be public", "The criteria …
        // may be different": a state.
        if word == "can" || word == "may", !passive, Int(modal.end) < range.upperBound, isWord(Int(modal.end), "be") {
          continue
        }
        // Where the text explains rather than rules, "can" says what is possible: "The provider
        // can obtain such knowledge" (a recital), "AI actors can improve communication" (a
        // framework's "about"), unless it offers the party it speaks to an option ("Organizations
        // can apply governance approaches").
        if word == "can", !option, voice.explains, !namesVoiceParty(subject) { continue }
        // So does "may" where a framework explains: "some intended users … may experience
        // difficulties" (not in recitals, where "Member States may" is still their permission).
        if word == "may", case .guidance(_, false) = voice, !passive, !namesVoiceParty(subject) { continue }
        if word == "will", !bindsParty, participle != nil, !passive { continue }
        if word == "will", stative == true { continue }
        // "the level of education that an individual will receive": a future inside a relative clause.
        if word == "will", subject.contains(where: { has(.relative, at: $0) || isWord($0, "that") }) { continue }
      }
      // "… which do not have a valid address to which the recipient may send a request … shall be
      // prohibited": a relative clause opened by a preposition ("to which", "by whom") is inside a
      // noun phrase; its modal is not the sentence's when one follows.
      if matches[.modal].contains(where: { $0.start > modal.end && lexicon.phrases[Int($0.phrase)].label != "none" }),
        opensPrepositionalRelative(before: modal)
      {
        continue
      }
      if first == nil { first = modal }
      if firstBinding == nil, label != "recommendation" { firstBinding = modal }
      // "Should the provider fail to act, the authority may …": an inverted condition.
      if label == "recommendation", Int(modal.start) == range.lowerBound { continue }
      if isSubordinate(modal) { continue }
      // "… this should be justified and a qualitative analysis shall be included": one statement
      // per sentence, so a duty wins over the advice (a "may" after it is more often a relative
      // clause's: "information … that may be of interest").
      // But a party's advice comes first: "Team leaders should review the rota … and must escalate
      // any gap" (the duty is the sentence's second statement).
      if label == "recommendation", !namesParty(subjectStart(before: modal)..<Int(modal.start)) {
        advice = advice ?? modal
        continue
      }
      if advice != nil, label != "obligation", label != "prohibition" { continue }
      return (limbModal(under: modal) ?? modal, false)
    }
    if let advice { return (advice, false) }
    return (firstBinding ?? first).map { ($0, true) }
  }

  /// "The provision of data intermediation services shall be subject to the following
  /// conditions: (h) the data intermediation services provider shall, in the event of its
  /// insolvency, ensure …": under a duty whose subject names no party, a limb that opens with a
  /// party and has a modal of its own is the point's statement; the chapeau only introduces it.
  private func limbModal(under modal: Match) -> Match? {
    // The cheap tests first: most chapeaus' limbs have no modal of their own.
    guard chapeauEnd > 0, lexicon.phrases[Int(modal.phrase)].label == "obligation", Int(modal.end) < range.upperBound,
      Int(tokens[modal.range.lowerBound].start) < chapeauEnd,
      let limb = (Int(modal.end)..<range.upperBound).first(where: { Int(tokens[$0].start) >= chapeauEnd }),
      let own = matches[.modal].first(where: { Int($0.start) > limb && lexicon.phrases[Int($0.phrase)].label != "none" }
      ),
      Modality(rawValue: lexicon.phrases[Int(own.phrase)].label)?.isRegulatory == true,
      isBareParty(limb..<Int(own.start)), !isSubordinate(own),
      !namesParty(subjectStart(before: modal)..<Int(modal.start))
    else { return nil }
    return own
  }

  /// Whether "by" at `end` opens a body of law ("by Union law", "by: Member State law to which
  /// …", "by the laws of the State of New York"): words up to "law", "laws" or "legislation", no
  /// preposition or relative word before it.
  private func madeByLaw(after end: Int) -> Bool {
    guard end < range.upperBound, isWord(end, "by") else { return false }
    var i = end + 1
    if i < range.upperBound, isPunctuation(i, ":") { i += 1 }
    while i < min(range.upperBound, end + 7), tokens[i].kind == .word, !has(.preposition, at: i),
      !has(.relative, at: i)
    {
      if isWord(i, "law") || isWord(i, "laws") || isWord(i, "legislation") { return true }
      i += 1
    }
    return false
  }

  /// "… are the AI systems listed in …", "… are those listed in Annex I": the word "listed" of a
  /// subject said to be what a list holds; nil otherwise.
  private func coverageList() -> Int? {
    guard
      let verb = (range.lowerBound + 1..<max(range.lowerBound + 1, range.upperBound - 3)).first(where: {
        isWord($0, "are") || isWord($0, "is")
      }), isWord(verb + 1, "the") || isWord(verb + 1, "those")
    else { return nil }
    return (verb + 2..<min(range.upperBound - 1, verb + 7)).first { isWord($0, "listed") && isWord($0 + 1, "in") }
  }

  /// The parties after the first verb of restraint from `start` on ("prevent the Commission from
  /// …", "obliges an employee to …"); none if no such verb or no party follows it.
  private func freedParties(after start: Int) -> [Statement.Addressee] {
    guard let verb = (start..<range.upperBound).first(where: { i in Self.restraints.contains { isWord(i, $0) } })
    else { return [] }
    let end =
      (verb + 1..<range.upperBound).first { isWord($0, "from") || isWord($0, "to") || isClauseBreak($0) }
      ?? range.upperBound
    guard end > verb + 1 else { return [] }
    var evidence: [Statement.Evidence] = []
    return subjectAddressees(verb + 1..<end, evidence: &evidence).map {
      Statement.Addressee(role: $0.role, text: $0.text, source: .exempted, span: $0.span)
    }
  }

  /// Verbs that hold a party back: "Nothing … prevents X from", "Nothing … obliges X to".
  private static let restraints: [StaticString] = [
    "prevent", "prevents", "preclude", "precludes", "oblige", "obliges", "require", "requires", "restrict",
    "restricts", "prohibit", "prohibits",
  ]

  /// Whether the modal is the verb of a relative clause opened by "to which", "by whom", "in whose"
  /// in its clause: no other verb stands between ("in which the provider has its place of
  /// business may extend": the relative clause ended before the modal).
  private func opensPrepositionalRelative(before modal: Match) -> Bool {
    var i = Int(modal.start) - 1
    while i > range.lowerBound && !isClauseBreak(i) {
      if isWord(i, "which") || isWord(i, "whom") || isWord(i, "whose"), has(.preposition, at: i - 1) {
        return !(i + 1..<Int(modal.start)).contains { isAuxiliary($0) }
      }
      i -= 1
    }
    return false
  }

  /// Whether an adverbial subordinator ("where", "if", "unless") stands between the start of the
  /// modal's clause (the last comma, semicolon or colon before it) and the modal.
  private func isSubordinate(_ modal: Match) -> Bool {
    var i = Int(modal.start) - 1
    while i >= range.lowerBound && !isClauseBreak(i) { i -= 1 }
    // "The Digital Services Coordinator of the Member State where the body is established shall":
    // a "where" after a name says which one, and its clause ends with its own verb.
    return (i + 1..<Int(modal.start)).contains { k in
      has(.subordinator, at: k)
        && !(isWord(k, "where") && k > i + 1 && tokens[k - 1].kind == .word && isCapitalised(k - 1)
          && (k + 1..<Int(modal.start)).contains { isAuxiliary($0) })
    }
  }

  /// Whether the modal's verb is "have" with "power(s)" as its object ("shall have all of the
  /// following authorisation and advisory powers"); inserted phrases between the modal and "have"
  /// are passed over, but not a "have" of a subordinate clause ("powers … have been exhausted") or
  /// of a that-clause.
  private func confersPowers(after modal: Match) -> Bool {
    var i = Int(modal.end)
    while i + 1 < range.upperBound {
      // "ensure that the authority … have the … powers": a that-clause's verb.
      if isWord(i, "that") { return false }
      if isWord(i, "have"), !isWord(i + 1, "been"), !isWord(i + 1, "regard"),
        (i + 1..<min(range.upperBound, i + 11)).contains(where: { isWord($0, "powers") || isWord($0, "power") })
      {
        return true
      }
      i += 1
    }
    return false
  }

  /// The verb of an interpretation clause, which defines the words of the text it opens: 'In this
  /// Act, "vehicle" includes a trailer', 'In these Rules, words importing the singular include the
  /// plural', 'In this procedure, a "deviation" is any departure …'.
  private func interpretationVerb() -> Int? {
    let start = range.lowerBound
    guard isWord(start, "In"), isWord(start + 1, "this") || isWord(start + 1, "these") else { return nil }
    for i in start + 2..<range.upperBound {
      if isWord(i, "include") || isWord(i, "includes") || isWord(i, "means") || isWord(i, "mean") { return i }
      if isWord(i, "is") || isWord(i, "are"), hasQuote(before: i) { return i }
    }
    return nil
  }

  /// Where a text explains, a sentence that says what a term is: its subject, then "refers to",
  /// "means", "is defined as", or "is/are" with a noun phrase that a relative clause or
  /// participle restricts ("Trusted paths are mechanisms by which …", "PIV-I credentials are the
  /// credentials issued by …", "An AI system inventory is an organized database of …"). The
  /// verb's index, or nil.
  private func definingVerb() -> Int? {
    var i = range.lowerBound
    // Not "It is appropriate that …", "There are …", "This is …".
    guard !has(.pronoun, at: i), !isWord(i, "It"), !isWord(i, "There"), !isWord(i, "This") else { return nil }
    while i < range.upperBound && has(.determiner, at: i) { i += 1 }
    let subject = i
    while i < min(range.upperBound, subject + 6), tokens[i].kind == .word, !has(.preposition, at: i),
      !has(.relative, at: i), !has(.subordinator, at: i), !isAuxiliary(i), !isWord(i, "refers"), !isWord(i, "refer"),
      !isWord(i, "means"), !isWord(i, "mean"), !isWord(i, "relates")
    {
      i += 1
    }
    guard i > subject, i + 2 < range.upperBound, tokens[i].kind == .word else { return nil }
    if (isWord(i, "refers") || isWord(i, "refer") || isWord(i, "relates")) && isWord(i + 1, "to") { return i }
    if isWord(i, "means") || isWord(i, "mean") || (isWord(i, "is") && isWord(i + 1, "defined")) { return i }
    guard isWord(i, "is") || isWord(i, "are") else { return nil }
    // "is an organized database of", "are the credentials issued by", "are mechanisms by which".
    guard !isWord(i + 1, "that"), !isWord(i + 1, "not"), !isAdverb(i + 1) else { return nil }
    var j = i + 1
    while j < range.upperBound && has(.determiner, at: j) { j += 1 }
    let noun = j
    // "an organized database of": an adjective in -ed may open the noun phrase.
    while j < min(range.upperBound, noun + 4), tokens[j].kind == .word, !has(.preposition, at: j),
      !has(.relative, at: j), j == noun || !isVerbForm(j)
    {
      j += 1
    }
    guard j > noun, j < range.upperBound, tokens[j].kind == .word else { return nil }
    return has(.relative, at: j) || isWord(j, "that") || (isWord(j, "by") && has(.relative, at: j + 1))
      || (isVerbForm(j) && j + 1 < range.upperBound && isWord(j + 1, "by")) || (isWord(j, "of") && j == noun + 2)
      ? i : nil
  }

  /// A definition names its term in quotes before "means".
  private func hasQuote(before token: Int) -> Bool {
    for i in range.lowerBound..<token where tokens[i].kind == .punctuation {
      let first = bytes[Int(tokens[i].start)]
      if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") { return true }
      // ‘ ’ “ ” (U+2018, U+2019, U+201C, U+201D)
      if first == 0xE2, tokens[i].end - tokens[i].start == 3, bytes[Int(tokens[i].start) + 1] == 0x80 {
        let last = bytes[Int(tokens[i].start) + 2]
        if last == 0x98 || last == 0x99 || last == 0x9C || last == 0x9D { return true }
      }
    }
    return false
  }

  /// "This Regulation", "this Directive", "Regulation (EU) 2016/679": the subject is an act, so
  /// "shall not apply" is scope rather than an exemption from a rule.
  private func namesAnAct(_ subject: Range<Int>) -> Bool {
    for i in subject {
      if tokens[i].kind == .instrument { return true }
      if isWord(i, "Regulation") || isWord(i, "Directive") || isWord(i, "Decision") { return true }
    }
    return false
  }

  /// "The rights provided for in the first subparagraph", "The exception provided for in …": a
  /// subject headed by a right or an exception.
  private func namesARight(_ subject: Range<Int>) -> Bool {
    guard var head = firstWord(in: subject) else { return false }
    while head < subject.upperBound, has(.determiner, at: head) { head += 1 }
    return head < subject.upperBound
      && Self.rightNouns.contains { isWord(head, $0) }
  }

  private static let rightNouns: [StaticString] = [
    "right", "rights", "exception", "exceptions", "limitation", "limitations",
  ]

  /// "Article 12", "This Part", "Paragraphs 1 and 2", "Clause 8.2": a subject headed by a
  /// provision's unit (not "The obligation laid down in paragraph 1").
  private func namesAProvisionUnit(_ subject: Range<Int>) -> Bool {
    var head = subject.lowerBound
    while head < subject.upperBound, has(.determiner, at: head) { head += 1 }
    guard head < subject.upperBound else { return false }
    return tokens[head].kind == .citation || has(.selfUnit, at: head) || Self.otherUnits.contains { isWord(head, $0) }
  }

  /// Units of statutes and contracts beside those "this …" names in EU acts.
  private static let otherUnits: [StaticString] = [
    "Part", "Clause", "Clauses", "Subsection", "Subsections", "Title", "Rule", "Rules",
  ]

  /// Whether "not apply to …" after `modal` names things alone: no party (nor the agent who made
  /// the things), and not "to the extent that …".
  private func keepsOffThings(after modal: Match) -> Bool {
    guard Int(modal.end) < range.upperBound, isWord(Int(modal.end), "to") else { return false }
    if Int(modal.end) + 2 < range.upperBound, isWord(Int(modal.end) + 2, "extent") { return false }
    return exemptedParties(after: modal).isEmpty
  }

  /// "This paragraph", "This", "The requirements laid down in this paragraph", "Regulation (EU)
  /// 2016/679": a subject that is (or is laid down in) a provision or an act.
  private func namesAProvision(_ subject: Range<Int>) -> Bool {
    if namesAnAct(subject) || subject.contains(where: { has(.selfUnit, at: $0) }) { return true }
    return subject.count == 1 && isWord(subject.lowerBound, "This")
  }

  // MARK: Subject and addressees

  /// Where the subject of the modal starts: after an introductory phrase ("Where …, ",
  /// "Without prejudice to …, ") and after any semicolon or colon before the modal.
  private func subjectStart(before modal: Match) -> Int {
    var start = range.lowerBound
    for i in stride(from: Int(modal.start) - 1, through: range.lowerBound, by: -1) {
      if isPunctuation(i, ";") || isPunctuation(i, ":") {
        start = i + 1
        break
      }
    }
    // "As of 6 June 2019 the Commission, in cooperation with …, shall": a date that ends its
    // introduction without a comma.
    if start + 1 < Int(modal.start), has(.deadline, at: start),
      let date = (start + 1..<min(start + 3, Int(modal.start))).first(where: { tokens[$0].kind == .date }),
      date + 1 < Int(modal.start), tokens[date + 1].kind == .word
    {
      start = date + 1
    }
    if opensIntroduction(start) {
      // The subject follows the introduction's last comma; but a segment there that names no
      // party ("as applicable", or nothing before "shall") hands over to the segment before it,
      // and "…, or the deployer" to the parties it is joined to, never reaching into the
      // introduction itself.
      let commas = (min(start + 1, Int(modal.start))..<Int(modal.start)).filter { isPunctuation($0, ",") }
      func segment(_ k: Int) -> Range<Int> { commas[k] + 1..<(k + 1 < commas.count ? commas[k + 1] : Int(modal.start)) }
      if !commas.isEmpty {
        var chosen = commas.count - 1
        var index = chosen
        // "…, the Commission, after consulting the Board, shall": a segment that opens with a
        // preposition is a parenthesis, not the subject.
        while index >= 0 && (!namesParty(segment(index)) || opensParenthesis(segment(index))) { index -= 1 }
        if index >= 0 {
          chosen = index
        } else if let subject = subjectInIntroduction(start..<commas[0]) {
          // "In order to benefit from the regime provided for in Article 23 each potential registrant
          // …, including …, shall": an introduction without a comma of its own, and after the
          // subject only parentheses.
          return subject
        }
        // "When requesting data …, a public sector body, the Commission, the European Central Bank
        // or a Union body shall": the segments before a last one joined by "or"/"and" are the
        // list's first parties.
        let listed = segment(chosen).contains { has(.coordinator, at: $0) }
        while chosen > 0 {
          if endsWithCoordinator(before: commas[chosen]) {
            chosen -= 1
          } else if chosen > 1, !namesParty(segment(chosen - 1)), endsWithCoordinator(before: commas[chosen - 1]) {
            chosen -= 2
          } else if listed, isBareParty(segment(chosen - 1)) {
            chosen -= 1
          } else {
            break
          }
        }
        // "…, deployers that are public authorities, Union institutions, bodies, offices or agencies
        // … shall": the list completes a relative clause of the party before it.
        if listed, chosen > 0, opensRelativeList(segment(chosen - 1)) { chosen -= 1 }
        start = commas[chosen] + 1
      }
    }
    // "The Landlord agrees that the Tenant may park …": the modal's subject follows "that" when
    // a party's noun phrase stands on both sides of it.
    if let that = (start..<Int(modal.start)).last(where: { isWord($0, "that") }), that > start,
      that + 1 < Int(modal.start), has(.determiner, at: that + 1), isBareParty(that + 1..<Int(modal.start)),
      namesParty(start..<that)
    {
      start = that + 1
    }
    while start < Int(modal.start) && tokens[start].kind == .punctuation { start += 1 }
    return start
  }

  /// The start of the last noun phrase in `part` that opens with a determiner outside a
  /// prepositional phrase and names a party ("… in Article 23 each potential registrant of a
  /// phase-in substance"); nil if there is none.
  private func subjectInIntroduction(_ part: Range<Int>) -> Int? {
    part.dropFirst().reversed().first { i in
      has(.determiner, at: i) && !has(.preposition, at: i - 1) && tokens[i - 1].kind != .word
        && namesParty(i..<part.upperBound)
    }
  }

  /// Whether `part` is a party followed by a relative clause that lists what it is ("deployers
  /// that are public authorities").
  private func opensRelativeList(_ part: Range<Int>) -> Bool {
    guard let relative = part.first(where: { has(.relative, at: $0) || isWord($0, "that") }),
      relative > part.lowerBound, relative + 1 < part.upperBound,
      isWord(relative + 1, "are") || isWord(relative + 1, "is")
    else { return false }
    return namesParty(part.lowerBound..<relative)
  }

  /// Whether `part` opens with a preposition ("after consulting the Board", "in cooperation with
  /// the Member States").
  private func opensParenthesis(_ part: Range<Int>) -> Bool {
    guard let first = firstWord(in: part) else { return false }
    return has(.preposition, at: first) || isWord(first, "after") || isWord(first, "before")
  }

  /// Whether `part` is a party's noun phrase and nothing else: "the Commission", "a public
  /// sector body" (no modifier, no verb).
  private func isBareParty(_ part: Range<Int>) -> Bool {
    guard !part.isEmpty, part.count <= 6 else { return false }
    let plain = part.allSatisfy {
      tokens[$0].kind == .word && !has(.preposition, at: $0) && !has(.relative, at: $0) && !has(.subordinator, at: $0)
        && !has(.coordinator, at: $0) && !isVerbForm($0) && !has(.pronoun, at: $0)
    }
    return plain && namesParty(part)
  }

  /// Whether `part` names a party: a role outside modifiers, a party noun, or a pronoun.
  private func namesParty(_ part: Range<Int>) -> Bool {
    guard !part.isEmpty else { return false }
    if !headRoles(in: part).isEmpty { return true }
    if part.contains(where: { has(.party, at: $0) || has(.pronoun, at: $0) }) { return true }
    return conjuncts(part).contains { agentiveHead($0) != nil }
  }

  /// The noun phrase an impersonal modal names its party with: "It is mandatory for <party> to",
  /// "It is the duty of <party> to" (the phrase ends in "of").
  private func impersonalParty(after modal: Match) -> Range<Int>? {
    var start = Int(modal.end)
    // "It is recommended that employees travelling to … register": the clause's subject, up to a
    // verb form or a word that is no noun's ("it is important that" holds its "that").
    if phrase(modal).hasSuffix(" that") { start -= 1 }
    if start < range.upperBound, isWord(start, "that") {
      var end = start + 1
      while end < min(range.upperBound, start + 8), tokens[end].kind == .word, !isVerbForm(end), !isAuxiliary(end),
        !has(.preposition, at: end)
      {
        end += 1
      }
      return end > start + 1 ? start + 1..<end : nil
    }
    if !phrase(modal).hasSuffix(" of") {
      guard isWord(start, "for") else { return nil }
      start += 1
    }
    var end = start
    while end < min(range.upperBound, start + 12), !isWord(end, "to"), !isClauseBreak(end) { end += 1 }
    return end > start && end < range.upperBound && isWord(end, "to") ? start..<end : nil
  }

  /// Whether the subject's head is a party ("The gatekeeper", "Notifying authorities"), not a
  /// thing that merely names one ("the definitions in Directive … of the Council").
  private func headIsParty(_ part: Range<Int>) -> Bool {
    !part.isEmpty && (!headRoles(in: part).isEmpty || conjuncts(part).contains { agentiveHead($0) != nil })
  }

  /// The noun phrases of a subject joined by "and"/"or" before any modifier ("The requester and
  /// the approver"), each from its first word after the determiners to the end of its head.
  private func conjuncts(_ part: Range<Int>) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var i = part.lowerBound
    while i < part.upperBound {
      // "the same natural or legal person" refers back, "Only staff of the authority" restricts:
      // "same" and "only" are no part of the name.
      while i < part.upperBound
        && (has(.determiner, at: i) || tokens[i].kind == .punctuation || isWord(i, "Only") || isWord(i, "only")
          || (i > part.lowerBound && isWord(i, "same") && has(.determiner, at: i - 1)))
      {
        i += 1
      }
      // "Digital Services Coordinators and, where applicable, other competent authorities": an
      // inserted phrase between commas before the next party (not before a name that qualifies a
      // noun: "…, and, where relevant, Union or national law").
      if i > part.lowerBound, i < part.upperBound, has(.subordinator, at: i), isPunctuation(i - 1, ","),
        let close = nextComma(after: i, within: part.upperBound - i), close + 1 < part.upperBound
      {
        var next = close + 1
        while next < part.upperBound && (has(.determiner, at: next) || tokens[next].kind == .punctuation) { next += 1 }
        if next < part.upperBound, !isCapitalised(next) || match(.role, at: next) != nil { i = next }
      }
      var start = i
      while i < part.upperBound && (tokens[i].kind == .word || isPossessive(i)) && !has(.preposition, at: i)
        && !has(.relative, at: i) && !has(.subordinator, at: i) && !(i > start && (isVerbForm(i) || isAdverb(i)))
      {
        // "natural or legal persons", "public or private bodies": modifiers joined on one noun name
        // one party.
        if has(.coordinator, at: i) {
          guard i > start, i + 2 < part.upperBound, isModifier(i - 1),
            isModifier(i + 1) || bytes[tokens[i + 1].range].contains(UInt8(ascii: "-")), tokens[i + 2].kind == .word
          else { break }
          i += 2
          continue
        }
        // "in which case the customer": a determiner opens the noun phrase anew.
        if i > start, has(.determiner, at: i) { start = i + 1 }
        i += 1
      }
      if i > start { result.append(start..<i) }
      guard i < part.upperBound, has(.coordinator, at: i) || isPunctuation(i, ",") else { break }
      i += 1
    }
    return result
  }

  /// The head noun of a noun phrase when it names someone who can act: a party noun of the
  /// lexicon, or a noun of an agent's form ("supervisor", "tenant", "licensee", "franchisee")
  /// that the lexicon does not list as a thing ("register", "order"), unless `byEnding` is false.
  /// Nil otherwise.
  private func agentiveHead(_ phrase: Range<Int>, byEnding: Bool = true, acronyms: Bool = false) -> Int? {
    guard let head = phrase.last(where: { tokens[$0].kind == .word }) else { return nil }
    if has(.party, at: head) || match(.role, at: head) != nil { return head }
    if has(.thing, at: head) || has(.selfUnit, at: head) { return nil }
    var word = bytes[tokens[head].range]
    // A defined party of a contract or rulebook: "The Exchange", "the Tenant", "The Clearing
    // House" — capitalised words after a determiner. An acronym only where the caller knows the
    // subject acts ("The CCP must revalue"): "the EIF", "the TFEU" are texts, not parties.
    if isCapitalised(head) || (acronyms && isAcronym(head)) {
      var k = head - 1
      while k >= phrase.lowerBound, isCapitalised(k) { k -= 1 }
      // "from HR": an acronym alone needs no determiner.
      if k >= range.lowerBound, has(.determiner, at: k) || (acronyms && phrase.count == 1) { return head }
    }
    guard byEnding else { return nil }
    if word.count > 4, word.last == UInt8(ascii: "s"), word[word.endIndex - 2] != UInt8(ascii: "s") {
      word = word.dropLast()
    }
    guard word.count > 4, word.allSatisfy({ $0 < 0x80 }) else { return nil }
    // The agent's endings, compared in lower case on the bytes.
    return Self.agentEndings.contains { Self.ends(word, $0) } ? head : nil
  }

  /// A verb form that ends a subject's noun phrase: "-ing" or "-ed" words ("users wishing to",
  /// "an undertaking designated as").
  private func isVerbForm(_ i: Int) -> Bool {
    guard tokens[i].kind == .word, !has(.party, at: i), !has(.role, at: i) else { return false }
    let word = bytes[tokens[i].range]
    return word.count > 4 && (word.suffix(3).elementsEqual("ing".utf8) || word.suffix(2).elementsEqual("ed".utf8))
  }

  /// A word of three letters or more written with a capital and then lower case ("Exchange").
  private func isCapitalised(_ i: Int) -> Bool {
    let word = bytes[tokens[i].range]
    guard tokens[i].kind == .word, let first = word.first, first &- 0x41 < 26, word.count > 2 else { return false }
    return word.dropFirst().contains { $0 &- 0x61 < 26 }
  }

  /// Whether the word at `verb` agrees with the noun at `noun` as a verb of the present does:
  /// "the Buyer fails", "rightholders request"; not "flagger status" (both or neither in -s).
  /// A noun of a group that takes a plural verb ("Federal agency personnel consult"), heading a
  /// subject with no verb in -s before it ("System documentation helps personnel understand").
  private func isCollective(_ head: Int, after start: Int) -> Bool {
    Self.collectives.contains { isWord(head, $0) }
      && !(start..<head).contains { bytes[tokens[$0].range].last == UInt8(ascii: "s") }
  }

  private func agrees(_ noun: Int, _ verb: Int) -> Bool {
    let n = bytes[tokens[noun].range]
    let v = bytes[tokens[verb].range]
    guard let first = v.first, Tokenizer.isLowerASCII(first), v.count > 2, !isVerbForm(verb) else { return false }
    return (n.last == UInt8(ascii: "s")) != (v.last == UInt8(ascii: "s")) && !has(.preposition, at: verb)
      && !has(.coordinator, at: verb) && !has(.relative, at: verb) && !has(.determiner, at: verb)
  }

  /// An apostrophe that makes the word before it a possessive inside a noun phrase ("users'
  /// organisations").
  private func isPossessive(_ i: Int) -> Bool {
    guard i > range.lowerBound, i + 1 < range.upperBound, tokens[i - 1].kind == .word, tokens[i + 1].kind == .word,
      tokens[i].kind == .punctuation
    else { return false }
    let mark = bytes[tokens[i].range]
    return mark.elementsEqual("'".utf8) || mark.elementsEqual("’".utf8)
  }

  /// A word of two to six capitals ("CCP", "MLRO").
  private func isAcronym(_ i: Int) -> Bool {
    let word = bytes[tokens[i].range]
    return tokens[i].kind == .word && (2...6).contains(word.count) && word.allSatisfy { $0 &- 0x41 < 26 }
  }

  /// "Where a public sector body, the Commission, the European Central Bank or a Union body
  /// intends to …, it shall": each further party of the list the antecedent opens.
  private func listed(after end: Int, before pronoun: Match) -> [Statement.Addressee] {
    var parties: [Statement.Addressee] = []
    var end = end
    while let (role, words) = coordinatedParty(after: end, before: Int(pronoun.start)) {
      parties.append(Statement.Addressee(role: role, text: text(words), source: .antecedent, span: span(pronoun.range)))
      end = words.upperBound
    }
    return parties
  }

  /// The party joined to a list right at `end` (", the Commission", "or a Union body", ", the
  /// European Central Bank"): its role, if the lexicon's, and its words; nil where the list ends.
  private func coordinatedParty(after end: Int, before limit: Int) -> (String?, Range<Int>)? {
    guard end < limit, isPunctuation(end, ",") || has(.coordinator, at: end) else { return nil }
    var j = end + 1
    if j < limit, has(.coordinator, at: j) { j += 1 }
    if j < limit, isWord(j, "by") { j += 1 }
    while j < limit, has(.determiner, at: j) { j += 1 }
    guard j < limit, tokens[j].kind == .word else { return nil }
    if let role = matches[.role].first(where: { Int($0.start) >= j && Int($0.end) <= limit }),
      compoundStart(of: role, within: j..<Int(role.end)) == j
    {
      return (j < Int(role.start) ? nil : lexicon.phrases[Int(role.phrase)].label, j..<Int(role.end))
    }
    // A name: "the European Central Bank", "a Union body".
    var k = j
    while k < limit, isCapitalised(k), match(.role, at: k) == nil { k += 1 }
    if k > j, k < limit, has(.party, at: k) { k += 1 }
    return k > j && has(.determiner, at: j - 1) && !has(.selfUnit, at: k - 1) ? (nil, j..<k) : nil
  }

  /// Where the name of a role starts when words before it make a compound with it ("the service
  /// provider", "the document controller", "The Service Provider"): nouns, not
  /// determiners, adjectives or grammar words. `role.start` when there are none.
  private func compoundStart(of role: Match, within part: Range<Int>) -> Int {
    // A capitalised role takes capitalised words only: "the Service Provider", "the European
    // Data Innovation Board"; not "… allows Member States to".
    let named = isCapitalised(Int(role.start))
    var start = Int(role.start)
    while start > part.lowerBound, isCompoundWord(start - 1), !named || isCapitalised(start - 1) { start -= 1 }
    // A noun phrase opens the compound ("a data intermediation services provider", "commercial
    // service providers"); after a verb the words are no name ("… do not undermine end users").
    let before = start - 1
    guard start < Int(role.start), before >= range.lowerBound, tokens[before].kind == .word else { return start }
    let opens =
      has(.determiner, at: before) || has(.preposition, at: before) || has(.coordinator, at: before)
      || has(.adjective, at: before) || hasAdjectiveEnding(before)
    return opens ? start : Int(role.start)
  }

  private func isCompoundWord(_ i: Int) -> Bool {
    guard tokens[i].kind == .word, !isVerbForm(i), !isAdverb(i), !isAuxiliary(i) else { return false }
    if Self.grammar.contains(where: { has($0, at: i) }) { return false }
    let word = bytes[tokens[i].range]
    // Letters and hyphens only: not a number, not a possessive ("the Agency’s Committees").
    guard word.count > 2, word.allSatisfy({ ($0 | 0x20) &- 0x61 < 26 || $0 == UInt8(ascii: "-") }) else {
      return false
    }
    // A name's words, whatever their endings: "European", "Central".
    if i > range.lowerBound, isCapitalised(i) { return true }
    return !hasAdjectiveEnding(i)
  }

  /// A word that qualifies a noun, not one that names a party ("legal", "private", "small"; not
  /// "applicant", "Commission").
  private func isModifier(_ i: Int) -> Bool {
    guard tokens[i].kind == .word, !has(.role, at: i), !has(.party, at: i) else { return false }
    if has(.adjective, at: i) { return true }
    let word = bytes[tokens[i].range]
    return hasAdjectiveEnding(i) && !Self.agentEndings.contains { Self.ends(word, $0) }
      && !(i > range.lowerBound && isCapitalised(i))
  }

  /// Whether the word at `i` ends as adjectives do: "relevant", "national", "competent",
  /// "public", "responsible" (but "document", "management" are nouns).
  private func hasAdjectiveEnding(_ i: Int) -> Bool {
    let word = bytes[tokens[i].range]
    return !Self.ends(word, "ment") && Self.adjectiveEndings.contains { Self.ends(word, $0) }
  }

  /// Whether `word` ends in `suffix` (lower case) after a stem of two letters or more, compared in
  /// lower case on the bytes.
  private static func ends(_ word: Slice<UnsafeBufferPointer<UInt8>>, _ suffix: StaticString) -> Bool {
    suffix.withUTF8Buffer { suffix in
      word.count > suffix.count + 1 && zip(word.suffix(suffix.count), suffix).allSatisfy { $0 | 0x20 == $1 }
    }
  }

  /// Whether the word before the comma at `comma` is "and"/"or" ("the provider or, where …").
  private func endsWithCoordinator(before comma: Int) -> Bool {
    comma > range.lowerBound && has(.coordinator, at: comma - 1)
  }

  /// Whether the words at `i` open an introductory phrase, a condition or an exception.
  private func opensIntroduction(_ i: Int) -> Bool {
    has(.intro, at: i) || has(.condition, at: i) || has(.exception, at: i) || has(.deadline, at: i)
      || tokens[i].kind == .date || (i == range.lowerBound && isWord(i, "Should"))  // "Should a Member fail …, "
      || (i == range.lowerBound && isWord(i, "To"))  // "To reduce the risk of collusion, organizations …"
  }

  /// The parties named as the subject: lexicon roles in the head of the subject (not inside a
  /// modifier such as "of providers" unless joined by "and"/"or"), else a pronoun's antecedent,
  /// else the subject's words when its head is a party noun.
  private func subjectAddressees(_ subject: Range<Int>, acts: Bool = true, evidence: inout [Statement.Evidence])
    -> [Statement.Addressee]
  {
    guard let head = firstWord(in: subject) else { return [] }
    if let pronoun = match(.pronoun, at: head) {
      evidence.append(.init(rule: "pattern:antecedent", span: span(pronoun.range)))
      // The party named first in the introduction ("Where deployers have …, they shall"), else
      // the addressees of the statement before.
      // "the data holder …, it": the party's noun phrase, not its head alone.
      func nounPhraseStart(_ named: Match) -> Int {
        var start = Int(named.start)
        while start > range.lowerBound, tokens[start - 1].kind == .word, !has(.determiner, at: start - 1),
          !has(.preposition, at: start - 1), !has(.coordinator, at: start - 1), !has(.subordinator, at: start - 1),
          !has(.condition, at: start - 1), !isVerbForm(start - 1)
        {
          start -= 1
        }
        return start
      }
      // "…, a gatekeeper offers commitments to the Commission, the latter should be able to …": the
      // party named last.
      if pronoun.range.count == 2, isWord(pronoun.range.lowerBound + 1, "latter") {
        let named = (matches[.role] + matches[.party]).filter {
          Int($0.start) >= range.lowerBound && $0.end <= pronoun.start
        }.max { $0.end < $1.end }
        // "… to a controller, processor or complainant, the latter": an agent's noun last of all.
        var last = Int(pronoun.start) - 1
        while last > range.lowerBound, tokens[last].kind == .punctuation { last -= 1 }
        if last > range.lowerBound, Int(named?.end ?? 0) <= last, let head = agentiveHead(last..<last + 1) {
          return [
            Statement.Addressee(role: nil, text: text(head..<head + 1), source: .antecedent, span: span(pronoun.range))
          ]
        }
        guard let named else {
          return previous.map {
            Statement.Addressee(role: $0.role, text: $0.text, source: .antecedent, span: span(pronoun.range))
          }
        }
        let role = matches[.role].contains(named) ? lexicon.phrases[Int(named.phrase)].label : nil
        let start =
          role == nil ? nounPhraseStart(named) : compoundStart(of: named, within: range.lowerBound..<Int(named.end))
        return [
          Statement.Addressee(
            role: start < Int(named.start) ? nil : role, text: text(start..<Int(named.end)), source: .antecedent,
            span: span(pronoun.range))
        ]
      }
      // "Unless the Commission has initiated an investigation …, where a Digital Services Coordinator
      // … has reason to suspect …, it may": the last condition before the pronoun names it.
      let later = (range.lowerBound + 1..<max(range.lowerBound + 1, Int(pronoun.start))).last { k in
        (has(.condition, at: k) || has(.subordinator, at: k)) && isPunctuation(k - 1, ",")
      }
      let opening =
        later.flatMap { k in
          let between = { (named: Match) in Int(named.start) > k && named.end <= pronoun.start }
          return matches[.role].contains(where: between) || matches[.party].contains(where: between) ? k : nil
        } ?? range.lowerBound
      let firstParty = matches[.party].first(where: { Int($0.start) >= opening && $0.end <= pronoun.start })
      // A party named before any role is the antecedent where it is the introduction's subject:
      // "Where a Digital Services Coordinator has reason to suspect that a provider … has
      // infringed …, it may send" (not "after consulting the national public authority …, the
      // market surveillance authority …").
      var partyFirst = false
      if let party = firstParty {
        var before = nounPhraseStart(party) - 1
        if before >= range.lowerBound, has(.determiner, at: before) { before -= 1 }
        partyFirst =
          before < range.lowerBound || has(.condition, at: before) || has(.subordinator, at: before)
          || isPunctuation(before, ",")
      }
      if let named = matches[.role].first(where: { Int($0.start) >= opening && $0.end <= pronoun.start }),
        !partyFirst || firstParty.map({ $0.end > named.start }) ?? true
      {
        // "Where a data intermediation services provider ceases …, it": the compound's party.
        let start = compoundStart(of: named, within: range.lowerBound..<Int(named.end))
        let role = start < Int(named.start) ? nil : lexicon.phrases[Int(named.phrase)].label
        return [
          Statement.Addressee(
            role: role, text: text(start..<Int(named.end)), source: .antecedent, span: span(pronoun.range))
        ]
          + listed(after: Int(named.end), before: pronoun)
      }
      if let named = firstParty {
        return [
          Statement.Addressee(
            role: nil, text: text(nounPhraseStart(named)..<Int(named.end)), source: .antecedent,
            span: span(pronoun.range))
        ] + listed(after: Int(named.end), before: pronoun)
      }
      // "If the Buyer fails to pay …, it shall": a name or an agent's noun in the introduction.
      // Not an impersonal "it shall be sufficient to …", "it should be possible to …".
      let after = subject.upperBound + 2
      let impersonal =
        (isWord(pronoun.range.lowerBound, "it") || isWord(pronoun.range.lowerBound, "It")) && after < range.upperBound
        && isWord(after - 1, "be")
        && Self.impersonalAdjectives.contains { isWord(after, $0) }
      for k in range.lowerBound..<pronoun.range.lowerBound where !impersonal && tokens[k].kind == .word {
        // The noun is the clause's subject when a verb follows it ("the Buyer fails", "the
        // supplier has waived"), not a noun ("the trusted flagger status").
        guard let head = agentiveHead(k..<k + 1), head + 1 < pronoun.range.lowerBound, tokens[head + 1].kind == .word,
          isAuxiliary(head + 1) || agrees(head, head + 1),
          head > range.lowerBound && has(.determiner, at: head - 1)
            || bytes[tokens[head].range].last == UInt8(ascii: "s")
        else { continue }
        return [Statement.Addressee(role: nil, text: text(k..<k + 1), source: .antecedent, span: span(pronoun.range))]
      }
      // "It shall be as easy to …" is no one; only "they" reaches back to an earlier sentence.
      guard !isWord(pronoun.range.lowerBound, "It") && !isWord(pronoun.range.lowerBound, "it") else { return [] }
      return previous.map {
        Statement.Addressee(role: $0.role, text: $0.text, source: .antecedent, span: span(pronoun.range))
      }
    }
    // "Union or Member State law to which the controller is subject may restrict …": parties that
    // only qualify the noun after them name no one.
    if let last = conjuncts(subject).last, last.count > 1, qualifiesANoun(last) { return [] }
    let found = roles(in: subject)
    for item in found { evidence.append(.init(rule: "role:\(item.role ?? "")", span: item.span)) }
    // Parties outside the lexicon: "financial institutions established in the Union", "The
    // requester and the approver", "Fund managers": each noun phrase to its head; beside roles
    // too ("the Commission, the European Central Bank or a Union body").
    var parties = found
    let phrases = conjuncts(subject)
    for (k, phrase) in phrases.enumerated() {
      // "The sharing and reusing entities": a lone word joined to a phrase that ends in a party
      // noun names a party of that noun too.
      if phrase.count == 1, k + 1 < phrases.count, phrases[k + 1].lowerBound == phrase.upperBound + 1,
        has(.coordinator, at: phrase.upperBound), phrases[k + 1].count > 1, endsInIng(phrase.lowerBound),
        let last = phrases[k + 1].last, has(.party, at: last), match(.role, at: last) == nil
      {
        evidence.append(.init(rule: "party:\(text(last..<last + 1))", span: span(phrase)))
        parties.append(
          Statement.Addressee(
            role: nil, text: text(phrase) + " " + text(last..<last + 1), source: source(of: phrase.lowerBound),
            span: span(phrase)))
        continue
      }
      // Beside roles, a party noun or a name ("the European Central Bank"), not a word that only
      // ends like an agent's ("three or more Member States").
      // An acronym that ends its noun phrase: "the CE marking" is a marking.
      let next = phrase.upperBound
      let whole =
        next >= subject.upperBound || tokens[next].kind != .word || has(.preposition, at: next)
        || has(.relative, at: next) || bytes[tokens[next].range].suffix(2).elementsEqual("ed".utf8)
      guard let head = agentiveHead(phrase, byEnding: found.isEmpty, acronyms: found.isEmpty && acts && whole) else {
        continue
      }
      // "The Interoperable Europe Agenda shall contain": a name that only holds content is a thing.
      if !acts, isAcronym(head) || (head > range.lowerBound && isCapitalised(head)), !has(.party, at: head),
        match(.role, at: head) == nil
      {
        continue
      }
      let name = phrase.lowerBound..<(nameEnd(after: head, within: subject) ?? head) + 1
      if found.contains(where: { $0.span.overlaps(span(name)) }) { continue }
      evidence.append(.init(rule: "party:\(text(head..<head + 1))", span: span(head..<head + 1)))
      // "The relevant national body or authority": a bare noun joined to a modified one shares its
      // modifiers (not "natural or legal person", one noun, nor "the Board or its Chair").
      var shared = ""
      if k > 0, name.count == 1, has(.coordinator, at: name.lowerBound - 1),
        phrases[k - 1].upperBound == name.lowerBound - 1,
        phrases[k - 1].count > 1, !isCapitalised(name.lowerBound),
        phrases[k - 1].dropLast().allSatisfy({ isModifier($0) && !has(.adjective, at: $0) })
      {
        shared = text(phrases[k - 1].dropLast()) + " "
      }
      parties.append(
        Statement.Addressee(
          role: nil, text: shared + text(name), source: source(of: phrase.lowerBound), span: span(name)))
    }
    if !found.isEmpty, parties.count > found.count { parties.sort { $0.span.lowerBound < $1.span.lowerBound } }
    return parties
  }

  /// Whether `phrase` ends in a role and then a plain noun it qualifies ("Member State law").
  private func qualifiesANoun(_ phrase: Range<Int>) -> Bool {
    let noun = phrase.upperBound - 1
    guard tokens[noun].kind == .word, let first = bytes[tokens[noun].range].first, Tokenizer.isLowerASCII(first),
      matches[.role].contains(where: { Int($0.end) == noun && Int($0.start) >= phrase.lowerBound }),
      !Self.grammar.contains(where: { has($0, at: noun) }), !has(.thing, at: noun), !isVerbForm(noun),
      !isAdverb(noun), !isAuxiliary(noun), !hasAdjectiveEnding(noun)
    else { return false }
    return true
  }

  /// "It shall be sufficient to …": adjectives of an impersonal "it".
  private static let impersonalAdjectives: [StaticString] = [
    "sufficient", "possible", "necessary", "appropriate", "enough", "lawful", "unlawful", "reasonable", "difficult",
    "easy", "important", "essential", "desirable",
  ]

  /// The categories of words that are never part of a compound party name.
  private static let grammar: [Lexicon.Category] = [
    .determiner, .preposition, .relative, .subordinator, .coordinator, .pronoun, .condition, .exception, .intro,
    .deadline, .modal, .count, .adjective, .role, .party, .selfUnit, .unit,
  ]

  private static let agentEndings: [StaticString] = ["er", "or", "ee", "ant", "ist", "ian"]

  /// Nouns of a group that take a plural verb ("personnel consult").
  private static let collectives: [StaticString] = ["personnel", "staff", "people", "police"]

  /// Verbs of being or having, not of doing: a party's indicative with one says what is.
  private static let stativeVerbs: [StaticString] = [
    "possess", "possesses", "contain", "contains", "comprise", "comprises", "consist",
    "consists", "remain", "remains", "exist", "exists", "belong", "belongs", "know", "knows",
  ]

  /// Verbs that declare what is when "that" follows ("The parties agree that …").
  private static let declaringVerbs: [StaticString] = [
    "agree", "agrees", "acknowledge", "acknowledges", "declare", "declares", "recognise", "recognises",
    "recognize", "recognizes", "understand", "understands",
  ]

  /// Verbs that make, change or lift rules: authority to do so is a power.
  private static let normativeVerbs: [StaticString] = [
    "approve", "adopt", "make", "amend", "revoke", "repeal", "waive", "grant", "issue", "designate", "appoint",
    "delegate", "authorise", "authorize",
  ]

  /// Verbs of showing or giving what is asked for: "shall be able to demonstrate" is a duty.
  private static let showingVerbs: [StaticString] = [
    "demonstrate", "prove", "show", "provide", "justify", "explain", "produce", "submit", "present", "document",
  ]

  private static let adjectiveEndings: [StaticString] = [
    "al", "ent", "ant", "ive", "ous", "ic", "able", "ible", "ary", "ory", "ful", "less", "ate", "ile", "ish", "an",
  ]

  /// Past participles that say what something is, not what is done to it ("The Exchange will be
  /// closed on 25 December").
  private static let stativeParticiples: [StaticString] = [
    "closed", "opened", "deemed", "considered", "regarded", "treated", "based", "composed", "known", "located",
    "entitled", "bound", "subject", "required", "allowed", "permitted", "prohibited",
  ]

  /// Whether the verb after `modal` takes an object: "will acknowledge every ticket", "will
  /// deliver the Goods"; not "will resume with a call auction", "will terminate automatically".
  private func takesObject(after modal: Match) -> Bool {
    var verb = Int(modal.end)
    while verb < range.upperBound && isAdverb(verb) { verb += 1 }
    let object = verb + 1
    guard object < range.upperBound, tokens[verb].kind == .word, !isWord(verb, "be"), tokens[object].kind == .word
    else { return false }
    return has(.determiner, at: object)
      || !(has(.preposition, at: object) || isAdverb(object) || has(.subordinator, at: object)
        || has(.coordinator, at: object) || has(.condition, at: object) || has(.deadline, at: object))
  }

  /// Whether `subject` names the party the text speaks to ("Organizations can …" in guidance to
  /// the organization).
  private func namesVoiceParty(_ subject: Range<Int>) -> Bool {
    guard let party = voice.party?.text.lowercased(), let head = conjuncts(subject).first?.last else { return false }
    var word = Array(bytes[tokens[head].range]).map { $0 | 0x20 }
    if word.last == UInt8(ascii: "s") { word.removeLast() }
    return word.elementsEqual(party.utf8)
  }

  /// Whether the verb after `modal` says what something holds ("shall contain", "shall include"),
  /// which a document does as well as a party.
  private func describesContent(after modal: Match) -> Bool {
    var i = Int(modal.end)
    while i < range.upperBound && isAdverb(i) { i += 1 }
    return i < range.upperBound && Self.contentVerbs.contains { isWord(i, $0) }
  }

  private static let contentVerbs: [StaticString] = [
    "contain", "include", "comprise", "consist", "describe", "specify", "indicate", "cover", "set", "be",
    "take",
  ]

  /// The last word of a relational party noun's "of" phrase, which belongs to its name ("the Head
  /// of the unit", "Heads of business units that …", "a member of staff whose …"); nil for other
  /// nouns.
  private func nameEnd(after head: Int, within part: Range<Int>) -> Int? {
    guard let noun = match(.party, at: head), lexicon.phrases[Int(noun.phrase)].label == "of",
      head + 1 < part.upperBound, isWord(head + 1, "of")
    else { return nil }
    var i = head + 2
    while i < part.upperBound && has(.determiner, at: i) { i += 1 }
    var end: Int?
    while i < part.upperBound, tokens[i].kind == .word, !has(.preposition, at: i), !has(.relative, at: i),
      !has(.subordinator, at: i), !has(.coordinator, at: i), !isVerbForm(i), !isAdverb(i)
    {
      end = i
      i += 1
    }
    return end
  }

  /// Lexicon roles in `part` as addressees, each role once.
  private func roles(in part: Range<Int>) -> [Statement.Addressee] {
    var result: [Statement.Addressee] = []
    for role in headRoles(in: part) {
      let label = lexicon.phrases[Int(role.phrase)].label
      let start = compoundStart(of: role, within: part)
      if start < Int(role.start) {
        // "the service provider" is a party of its own, not every provider.
        let name = start..<Int(role.end)
        result.append(
          Statement.Addressee(role: nil, text: text(name), source: source(of: start), span: span(name)))
      } else if !result.contains(where: { $0.role == label }) {
        result.append(
          Statement.Addressee(
            role: label, text: text(role.range), source: source(of: role.range.lowerBound), span: span(role.range)))
      }
    }
    return result
  }

  /// The role matches in `part`, skipping those inside a modifier of an earlier noun.
  private func headRoles(in part: Range<Int>) -> [Match] {
    var result: [Match] = []
    var modifier = false
    var joined = true
    // After a role skipped inside a modifier, "and"/"or" continue the modifier ("provisions
    // related to operators or notified bodies").
    var skipped = false
    var determined = false
    // ", in cooperation with the Digital Services Coordinators and the Board,": a phrase between
    // commas that opens with a preposition holds no addressee, whatever it joins.
    var parenthesis = false
    var i = part.lowerBound
    while i < part.upperBound {
      if isPunctuation(i, ",") {
        parenthesis =
          i + 1 < part.upperBound && has(.preposition, at: i + 1)
          && nextComma(after: i, within: part.upperBound - i) != nil
      }
      if let role = match(.role, at: i), role.end <= part.upperBound {
        skipped = (modifier && !joined) || parenthesis
        if !skipped {
          result.append(role)
          modifier = false
        }
        joined = false
        i = Int(role.end)
        continue
      }
      if has(.coordinator, at: i) || isPunctuation(i, ",") {
        joined = !skipped || isPunctuation(i, ",")
        determined = false
      } else if has(.determiner, at: i) {
        // "and the deployer": a determiner keeps the join.
        determined = joined
      } else if has(.preposition, at: i) || has(.relative, at: i) || has(.subordinator, at: i) {
        modifier = true
        joined = false
      } else if !(determined && isCompoundWord(i)) {
        // "…, the data intermediation services provider and …": after a determiner, the words of
        // a compound keep the join (not "that are public authorities, Union institutions, …").
        joined = false
      }
      i += 1
    }
    return result
  }

  private func source(of token: Int) -> Statement.Addressee.Source {
    Int(tokens[token].start) < chapeauEnd ? .chapeau : .subject
  }

  /// The participle of a passive verb after the modal ("shall be notified", "may not be used").
  private func passiveParticiple(after modal: Match) -> Range<Int>? {
    let words = phrase(modal)
    if words.hasPrefix("it shall be") { return modal.range }
    // "has the right to be accompanied", "undertakes to be bound": the subject holds the right or
    // the undertaking; the passive is its infinitive's.
    if words.hasSuffix(" to") { return nil }
    var i = Int(modal.end)
    if !words.hasSuffix(" be") {
      while i < range.upperBound && isAdverb(i) { i += 1 }
      // "should, in no circumstances, be used by Member States": a prepositional phrase between
      // commas before it (not in a relative clause, "which may, in the context of its use, be
      // processed"; nor "be required to", whose subject bears the duty).
      if i < range.upperBound, isPunctuation(i, ","), let close = nextComma(after: i, within: 10),
        close + 2 < range.upperBound, isWord(close + 1, "be"), opensParenthesis(i + 1..<close),
        Int(modal.start) > range.lowerBound, !has(.relative, at: Int(modal.start) - 1), !isWord(close + 3, "to")
      {
        i = close + 1
      }
      // "shall continue to be implemented … by the provider": a verb chain before the passive.
      if i + 2 < range.upperBound, isWord(i, "continue") || isWord(i, "need") || isWord(i, "have"), isWord(i + 1, "to"),
        isWord(i + 2, "be")
      {
        i += 2
      }
      guard i < range.upperBound, isWord(i, "be") else { return nil }
      i += 1
    }
    while i < range.upperBound && isAdverb(i) { i += 1 }
    guard i < range.upperBound, tokens[i].kind == .word else { return nil }
    if let participle = match(.participle, at: i) { return participle.range }
    let word = bytes[tokens[i].range]
    return word.count > 3 && word.last == UInt8(ascii: "d") && word[word.endIndex - 2] == UInt8(ascii: "e")
      ? i..<i + 1 : nil
  }

  /// The agent of a participle inside a subject ("Traffic data processed by the provider").
  private func agentInside(_ subject: Range<Int>) -> Statement.Addressee? {
    guard subject.count > 2 else { return nil }
    for i in subject.dropLast() {
      // Not in an opening clause: "Whenever national competent authorities intend … in areas
      // covered by Union law, the national authorities … shall be consulted".
      if tokens[i].kind == .punctuation || has(.subordinator, at: i) || has(.condition, at: i) { return nil }
      if i > subject.lowerBound, isWord(i, "by"), Self.keepersParticiples.contains(where: { isWord(i - 1, $0) }) {
        return agent(after: i)
      }
    }
    return nil
  }

  /// Participles whose agent holds or made what they qualify, and so deals with it further:
  /// "data held by", "information obtained by", "certificates issued by", "agreements concluded
  /// by". Not "required by", "established by", "adopted by": who requires, sets up or adopts
  /// something does not act on it ("The standards adopted by CEN shall be used").
  private static let keepersParticiples: [StaticString] = [
    "held", "processed", "stored", "received", "obtained", "collected", "kept", "retained", "entered", "issued",
    "concluded", "carried", "taken",
  ]

  /// "by the provider", "by a judicial authority": the agent of a passive verb, looked for up to
  /// the end of its clause.
  private func agent(after start: Int) -> Statement.Addressee? {
    var i = start
    while i < range.upperBound {
      // "shall be awarded, upon application by any entity, by the Digital Services Coordinator":
      // an inserted phrase stands between the participle and its agent (right after the participle:
      // "kept available for inspection, on request, by competent authorities" names who inspects).
      if i == start, isPunctuation(i, ","), let close = nextComma(after: i, within: range.upperBound - i),
        close + 1 < range.upperBound,
        isWord(close + 1, "by"), opensParenthesis(i + 1..<close)
      {
        i = close + 1
        continue
      }
      guard !isClauseBreak(i), !has(.subordinator, at: i), !has(.relative, at: i) else { break }
      // "carried out in compliance with … standards recognised as being equivalent by the
      // Commission": a participle after a noun takes the "by" after it ("implemented and
      // maintained by the provider" is the same verb chain).
      // Not a participle that names ("the notified body") or qualifies ("the approved system").
      if i > start, isPastParticiple(i) || match(.participle, at: i) != nil, tokens[i - 1].kind == .word,
        !has(.coordinator, at: i - 1), !has(.determiner, at: i - 1), !isAdverb(i - 1), !isAuxiliary(i - 1),
        !isWord(i - 1, "be"), !isWord(i - 1, "been"), match(.role, at: i) == nil
      {
        return nil
      }
      if isWord(i, "by") {
        var j = i + 1
        while j < range.upperBound && has(.determiner, at: j) { j += 1 }
        let roles = roles(in: j..<min(range.upperBound, j + 8))
        // "by the provider", and "by individual providers" (a word that qualifies the role).
        let qualified =
          j + 1 < range.upperBound && (has(.party, at: j) || has(.adjective, at: j) || hasAdjectiveEnding(j))
        if let role = roles.first,
          role.span.lowerBound == Int(tokens[j].start) - base
            || (qualified && role.span.lowerBound == Int(tokens[j + 1].start) - base)
        {
          return Statement.Addressee(role: role.role, text: role.text, source: .agent, span: role.span)
        }
        // "introduced by this Regulation, one authority": the agent ends at a punctuation mark.
        // Nor past a gerund or a preposition other than "of" ("by consulting with … teams", "by
        // law in each Member State"; but "by the Translation Centre of the bodies").
        let words =
          j..<((j..<min(range.upperBound, j + 5)).first {
            tokens[$0].kind == .punctuation || (has(.preposition, at: $0) && !isWord($0, "of"))
              || (isVerbForm($0) && endsInIng($0))
          } ?? j + 5)
        for k in words where k < range.upperBound && match(.party, at: k) != nil {
          return Statement.Addressee(
            role: nil, text: text(j..<k + 1), source: .agent, span: span(j..<k + 1))
        }
        // "by the outgoing engineer", "by Internal Audit", "by HR": an agent's noun or a name.
        var end = j
        // An adjective in -ing may open it: "by the outgoing engineer".
        let opening =
          j + 1 < range.upperBound && endsInIng(j) && tokens[j + 1].kind == .word && !has(.preposition, at: j + 1)
          && !isVerbForm(j + 1)
        while end < min(range.upperBound, j + 5), tokens[end].kind == .word, !has(.preposition, at: end),
          !has(.coordinator, at: end), !has(.relative, at: end), !has(.subordinator, at: end),
          !has(.deadline, at: end), isCapitalised(end) || !isVerbForm(end) || (end == j && opening)
        {
          end += 1
        }
        // A name is capitalised words, not a document ("by this Regulation", "by Regulation (EU)
        // 2019/1020", "by the Interinstitutional Agreement").
        let phrase = j..<end
        let named =
          !phrase.isEmpty && phrase.allSatisfy { isCapitalised($0) && !has(.thing, at: $0) && !has(.selfUnit, at: $0) }
          && !(j > i + 1 && isWord(j - 1, "this"))
          && !(end < range.upperBound && (isPunctuation(end, "(") || isPunctuation(end, ":")))
        if let head = named ? end - 1 : agentiveHead(phrase) {
          return Statement.Addressee(role: nil, text: text(j..<head + 1), source: .agent, span: span(j..<head + 1))
        }
        return nil
      }
      i += 1
    }
    return nil
  }

  // MARK: Action and object

  /// The verb after the modal (with its particle: "draw up", "lay down") and the rest of the
  /// main clause; for a passive verb, the participle and the subject.
  private func actionAndObject(after modal: Match, passive: Range<Int>?, subject: Range<Int>) -> (String?, String?) {
    if let passive, passive != modal.range {
      let object = subject.isEmpty ? nil : text(subject)
      return (text(passive), object)
    }
    var i = Int(modal.end)
    while i < range.upperBound {
      if let deadline = match(.deadline, at: i), lexicon.phrases[Int(deadline.phrase)].label == "relative" {
        i = Int(deadline.end)
      } else if has(.deadline, at: i), let close = nextComma(after: i, within: 16) {
        i = close + 1  // "not later than 72 hours after having become aware of it, notify"
      } else if isPunctuation(i, ":") || isAdverb(i) || isWord(i, "to") || has(.coordinator, at: i) {
        i += 1
      } else if isPunctuation(i, ","), let close = nextComma(after: i, within: 12) {
        i = close + 1
      } else if has(.condition, at: i) || has(.intro, at: i) || has(.subordinator, at: i),
        let close = nextComma(after: i, within: 16)
      {
        i = close + 1  // "shall: when under their control, keep the logs"
      } else {
        break
      }
    }
    guard i < range.upperBound, tokens[i].kind == .word else { return (nil, nil) }
    // "shall be prohibited: the placing on the market of …": the object is a noun phrase.
    if has(.determiner, at: i) {
      var end = range.upperBound
      while end > i && tokens[end - 1].kind == .punctuation { end -= 1 }
      return (nil, end > i ? text(i..<end) : nil)
    }
    var verbEnd = i + 1
    if verbEnd < range.upperBound,
      isWord(verbEnd, "up") || isWord(verbEnd, "down") || isWord(verbEnd, "out") || isWord(verbEnd, "off")
    {
      verbEnd += 1
    }
    var end = verbEnd
    while end < range.upperBound && !isPunctuation(end, ";") {
      if isPunctuation(end, ","), end + 1 < range.upperBound,
        has(.condition, at: end + 1) || has(.exception, at: end + 1)
      {
        break
      }
      end += 1
    }
    while end > verbEnd && tokens[end - 1].kind == .punctuation && !isCloser(end - 1) { end -= 1 }
    return (text(i..<verbEnd), end > verbEnd ? text(verbEnd..<end) : nil)
  }

  // MARK: Conditions, exceptions, deadlines

  /// Conditions or exceptions: from the marker to the end of its clause. One-word markers
  /// ("where", "if", "when") count only where a clause starts, not as relative words ("the
  /// Member State where …").
  private func qualifiers(_ category: Lexicon.Category, subject: Range<Int>) -> [Statement.Qualifier] {
    var result: [Statement.Qualifier] = []
    for marker in matches[category] {
      let words = phrase(marker)
      let start = Int(marker.start)
      if (words == "where" || words == "when" || words == "if" || words == "subject to" || words == "except"),
        start > range.lowerBound, !isClauseBreak(start - 1), !has(.coordinator, at: start - 1),
        !isWord(start - 1, "only"), !isWord(start - 1, "unless"), !isWord(start - 1, "except")
      {
        continue
      }
      var end = Int(marker.end)
      while end < range.upperBound && !isClauseBreak(end) { end += 1 }
      if start < subject.lowerBound { end = min(end, subject.lowerBound) }
      while end > Int(marker.end) && tokens[end - 1].kind == .punctuation && !isCloser(end - 1) { end -= 1 }
      result.append(Statement.Qualifier(kind: words.lowercased(), text: text(start..<end), span: span(start..<end)))
    }
    return result
  }

  /// Deadlines and dates: complete phrases ("without undue delay"), anchors followed by a period
  /// or a date ("within 15 days", "by 2 August 2026"), periodic phrases ("at least every two
  /// years"), and periods before "after"/"following" ("30 days following the adoption").
  private func deadlines() -> [Statement.Qualifier] {
    var result: [Statement.Qualifier] = []
    var covered = range.lowerBound
    for marker in matches[.deadline] where Int(marker.start) >= covered {
      let start = Int(marker.start)
      var end = Int(marker.end)
      let kind: String
      switch lexicon.phrases[Int(marker.phrase)].label {
      case "relative":
        kind = "relative"
      case "periodic":
        kind = "periodic"
        if let period = periodEnd(at: end) { end = period }
      default:
        if end < range.upperBound && tokens[end].kind == .date {
          kind = "absolute"
          end += 1
        } else if let period = periodEnd(at: end) {
          kind = "relative"
          end = period
        } else if let event = eventEnd(after: marker) {
          kind = "relative"  // "Before placing …", "before that system is placed on the market"
          end = event
        } else {
          continue
        }
      }
      result.append(Statement.Qualifier(kind: kind, text: text(start..<end), span: span(start..<end)))
      covered = end
    }
    for unit in matches[.unit] where Int(unit.start) - 1 >= range.lowerBound {
      let start = Int(unit.start) - 1
      guard let end = periodEnd(at: start), end > Int(unit.end),
        !result.contains(where: { $0.span.contains(Int(tokens[start].start) - base) })
      else { continue }
      result.append(Statement.Qualifier(kind: "relative", text: text(start..<end), span: span(start..<end)))
    }
    result.sort { $0.span.lowerBound < $1.span.lowerBound }
    return result
  }

  /// The end of a period starting at `i` ("15 days", "six months", "two further months"), with
  /// the "after"/"following"/"before" that ties it to an event ("10 years after").
  private func periodEnd(at i: Int) -> Int? {
    guard i + 1 < range.upperBound, isCount(i) else { return nil }
    var j = i + 1
    if isWord(j, "further") || isWord(j, "additional") { j += 1 }
    guard j < range.upperBound, let unit = match(.unit, at: j) else { return nil }
    var end = Int(unit.end)
    if end < range.upperBound, isWord(end, "after") || isWord(end, "following") || isWord(end, "before") { end += 1 }
    return end
  }

  /// "before"/"after" and an event a few words on, named by a verb form ("Before placing",
  /// "before that system is placed"): the end of that verb, if there is one.
  private func eventEnd(after marker: Match) -> Int? {
    let words = phrase(marker).lowercased()
    guard words == "before" || words == "after" else { return nil }
    var i = Int(marker.end)
    while i < min(range.upperBound, Int(marker.end) + 5) && !isClauseBreak(i) {
      if tokens[i].kind == .word {
        let word = bytes[tokens[i].range]
        if word.count > 4, word.suffix(3).elementsEqual("ing".utf8) || word.suffix(2).elementsEqual("ed".utf8) {
          return i + 1
        }
      }
      i += 1
    }
    return nil
  }

  private func isCount(_ i: Int) -> Bool {
    tokens[i].kind == .number || (tokens[i].kind == .word && has(.count, at: i))
  }

  // MARK: References

  /// Citations ("Article 9(2)"), other acts ("Regulation (EU) 2016/679") and "this Article",
  /// "this paragraph": their spans, resolved later against the document.
  private func references() -> [Statement.Reference] {
    var result: [Statement.Reference] = []
    var i = range.lowerBound
    while i < range.upperBound {
      defer { i += 1 }
      let kind = tokens[i].kind
      if kind == .citation || kind == .instrument {
        var end = i + 1
        if kind == .citation {
          // "point 1 (a), of Annex III", "Article 4, point (1), of Regulation (EU) 2016/679".
          // "points 5 (b) and (c)": enumerators the tokenizer left outside; "Chapter III Section 4".
          while end < range.upperBound,
            tokens[end].kind == .enumerator || tokens[end].kind == .citation
              || (tokens[end - 1].kind == .enumerator && (isWord(end, "and") || isWord(end, "or") || isWord(end, "to"))
                && end + 1 < range.upperBound && tokens[end + 1].kind == .enumerator)
          {
            end += 1
          }
          var j = end
          if j < range.upperBound && isPunctuation(j, ",") { j += 1 }
          if j + 1 < range.upperBound, isWord(j, "of"),
            tokens[j + 1].kind == .citation || tokens[j + 1].kind == .instrument
          {
            end = j + 2
          } else if j + 2 < range.upperBound, isWord(j, "of"), isWord(j + 1, "that") || isWord(j + 1, "this"),
            has(.selfUnit, at: j + 2)
          {
            end = j + 3  // "… of that Regulation": the act named before it; "… of this Article"
          } else if isWord(end, "thereof") {
            end += 1  // "point 2 thereof": what was named before it
          } else if j + 3 < range.upperBound, isWord(j, "of"), isWord(j + 1, "the"), isWord(j + 3, "subparagraph"),
            ReferenceResolver.isOrdinal(text(j + 2..<j + 3))
          {
            end = j + 4  // "point (h) of the first subparagraph"
          }
        }
        result.append(Statement.Reference(text: text(i..<end), span: span(i..<end)))
        i = end - 1
      } else if (isWord(i, "this") || isWord(i, "This")), i + 1 < range.upperBound, has(.selfUnit, at: i + 1),
        !namesAnAct(i + 1..<i + 2)
      {
        result.append(Statement.Reference(text: text(i..<i + 2), span: span(i..<i + 2)))
        i += 1
      } else if tokens[i].kind == .word, i + 1 < range.upperBound, isWord(i + 1, "subparagraph"),
        ReferenceResolver.isOrdinal(text(i..<i + 1))
      {
        // "the first subparagraph": the tokenizer keeps citations with numbers only.
        result.append(Statement.Reference(text: text(i..<i + 2), span: span(i..<i + 2)))
        i += 1
      }
    }
    return result
  }

  // MARK: Token helpers

  private func match(_ category: Lexicon.Category, at token: Int) -> Match? {
    guard matches.starts(category, at: token) else { return nil }
    let list = matches[category]
    var low = list.startIndex
    var high = list.endIndex
    while low < high {
      let middle = (low + high) / 2
      if Int(list[middle].start) < token { low = middle + 1 } else { high = middle }
    }
    return low < list.endIndex && Int(list[low].start) == token ? list[low] : nil
  }

  private func has(_ category: Lexicon.Category, at token: Int) -> Bool { matches.starts(category, at: token) }

  private func phrase(_ match: Match) -> String { lexicon.phrases[Int(match.phrase)].text }

  private func isWord(_ i: Int, _ word: StaticString) -> Bool {
    guard i >= 0 && i < tokens.count && tokens[i].kind == .word,
      Int(tokens[i].end - tokens[i].start) == word.utf8CodeUnitCount
    else { return false }
    return word.withUTF8Buffer { bytes[tokens[i].range].elementsEqual($0) }
  }

  private func isPunctuation(_ i: Int, _ ascii: Unicode.Scalar) -> Bool {
    tokens[i].kind == .punctuation && tokens[i].end - tokens[i].start == 1
      && bytes[Int(tokens[i].start)] == UInt8(ascii: ascii)
  }

  private func isClauseBreak(_ i: Int) -> Bool {
    isPunctuation(i, ",") || isPunctuation(i, ";") || (isPunctuation(i, ":") && !isTimeColon(i))
  }

  /// The colon of a time of day, "16:00": digits on both sides, no space.
  private func isTimeColon(_ i: Int) -> Bool {
    i > range.lowerBound && i + 1 < range.upperBound && tokens[i - 1].kind == .number
      && tokens[i + 1].kind == .number && tokens[i - 1].end == tokens[i].start && tokens[i].end == tokens[i + 1].start
  }

  /// ’ ” ) — kept at the end of a span.
  private func isCloser(_ i: Int) -> Bool {
    isPunctuation(i, ")") || (tokens[i].end - tokens[i].start == 3 && bytes[Int(tokens[i].start)] == 0xE2)
  }

  private func isAdverb(_ i: Int) -> Bool {
    guard tokens[i].kind == .word else { return false }
    return has(.adverb, at: i) || Classifier.isLyAdverb(bytes[tokens[i].range])
  }

  private func nextComma(after i: Int, within limit: Int) -> Int? {
    var j = i + 1
    while j < min(range.upperBound, i + limit) {
      if isPunctuation(j, ",") { return j }
      if isPunctuation(j, ";") { return nil }
      j += 1
    }
    return nil
  }

  private func firstWord(in part: Range<Int>) -> Int? {
    part.first { tokens[$0].kind == .word }
  }

  private func text(_ part: Range<Int>) -> String {
    String(decoding: bytes[Int(tokens[part.lowerBound].start)..<Int(tokens[part.upperBound - 1].end)], as: UTF8.self)
  }

  private func span(_ part: Range<Int>) -> Range<Int> {
    (Int(tokens[part.lowerBound].start) - base)..<(Int(tokens[part.upperBound - 1].end) - base)
  }
}

extension Classifier.Voice {
  /// Whether "X can be done" is an option of the party spoken to.
  var offersOptions: Bool {
    if case .guidance(_, let options) = self { return options }
    return false
  }

  /// Whether the text explains the law or a framework rather than ruling: a recital, a
  /// framework's "about" (guidance without options).
  var explains: Bool {
    switch self {
    case .preamble: true
    case .guidance(_, let options): !options
    case .law, .duties, .advice: false
    }
  }

  /// The party duties or advice speak to; nil for law.
  var party: Statement.Addressee? {
    switch self {
    case .law, .preamble: nil
    case .guidance(let party, _), .duties(let party), .advice(let party): party
    }
  }
}
