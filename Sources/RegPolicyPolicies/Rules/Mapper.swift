import RegPolicyModel

/// Maps a document's statements through the rules to policies for one organisation: a rule yields
/// a policy when it matches at least one statement (or is a guardrail) and the organisation holds
/// one of its roles and has a system of one of its risk classes.
public struct Mapper: Sendable {
  public var rules: RuleSet
  public var profile: Profile
  /// sha256 (lower-case hex) of a clause's normalised text.
  public var hash: @Sendable (String) -> String

  /// Creates a mapper.
  public init(rules: RuleSet, profile: Profile, hash: @escaping @Sendable (String) -> String) {
    self.rules = rules
    self.profile = profile
    self.hash = hash
  }

  /// Whether the organisation's roles and risk classes make the rule relevant at all.
  public func applies(_ rule: MappingRule) -> Bool {
    (rule.roles.isEmpty || rule.roles.contains(where: profile.roles.contains))
      && (rule.riskClasses.isEmpty || rule.riskClasses.contains(where: profile.riskClasses.contains))
  }

  /// The policies for the regulatory rules matching this document's statements, in rule order.
  public func policies(for document: Document, statements: [Statement]) -> [Policy] {
    policies(for: [(document, statements)])
  }

  /// The policies for every source read, source by source and in rule order within each: a rule
  /// yields a policy from its own instrument's statements, and cites the matching clauses of each
  /// other instrument it names under `also:` that is among the sources.
  public func policies(for sources: [(document: Document, statements: [Statement])]) -> [Policy] {
    let read = sources.map { Read(document: $0.document, statements: $0.statements) }
    var policies: [Policy] = []
    for source in read {
      let instrument = source.document.instrument
      for rule in rules.rules where rule.instrument == instrument.key && applies(rule) {
        guard let match = rule.match, let pattern = match.clauses.first else { continue }
        let ids = source.matched(match)
        guard !ids.isEmpty else { continue }
        // The rule's first pattern names the clause commit subjects cite ("Article 5(1)"), unless it
        // is a wildcard; then the first clause it matched.
        let primary =
          pattern.contains("*")
          ? ids.first { MappingRule.clause($0, matches: pattern) } ?? ids[0] : PinpointID(rawValue: pattern)
        // Provenance covers the clauses the rule matched and every clause a check cites.
        let cites = Set(rule.cited)
        let clauses = source.ordered(cites.union(ids)).map { id in
          var clause = self.clause(id, in: source.document)
          // The reviewed text this one is held against: itself when a person reviewed it.
          let accepted = rule.reviewed[id] ?? []
          clause.reviewedSHA256 =
            cites.contains(id) ? (accepted.contains(clause.sha256) ? clause.sha256 : accepted.first) : nil
          return clause
        }
        let name = rules.instrumentNames[instrument.key] ?? instrument.id
        // Guidance recommends; law requires.
        let advice = match.modalities == [.recommendation]
        let basis = { (ids: [PinpointID], requires: String) -> Policy.LegalBasis in
          let citation = Mapper.list(ids.map(\.citation))
          let verb = advice ? "recommend" : "require"
          return Policy.LegalBasis(
            clauses: ids, citation: citation, quote: ids.first.map { Mapper.quote($0, in: source.document) } ?? "",
            link: ids.first.map { self.link($0, in: source.document) } ?? "",
            head: "\(verdict) — \(citation) \(name) \(verb)\(ids.count == 1 ? "s" : "") that \(requires)")
        }
        var policy = policy(
          rule, clauses: clauses, instrumentName: name, version: instrument.date ?? instrument.version
        ) { check in
          let requires = check.requires ?? rule.requires
          return (basis(check.cites, requires), check.valueCites.mapValues { basis([$0], requires) })
        }
        policy.citation = primary.citation
        policy.review = policy.unreviewed.isEmpty ? .current : .needsReview
        let also = rule.also.compactMap { other -> Policy.Also? in
          guard let source = read.first(where: { $0.document.instrument.key == other.instrument }) else { return nil }
          let ids = source.matched(other.match)
          guard !ids.isEmpty else { return nil }
          let instrument = source.document.instrument
          return Policy.Also(
            instrument: other.instrument, instrumentName: rules.instrumentNames[other.instrument],
            version: instrument.date ?? instrument.version, clauses: ids.map { clause($0, in: source.document) })
        }
        policy.also = also.isEmpty ? nil : also
        policies.append(policy)
      }
    }
    return policies
  }

  /// A document with its statements grouped for matching and its provisions' order.
  private struct Read {
    let document: Document
    let order: [PinpointID: Int]
    /// Statements by article or annex, so each rule looks only at the ones its patterns can name.
    let byTopLevel: [Substring: [Statement]]
    let statements: [Statement]

    init(document: Document, statements: [Statement]) {
      self.document = document
      self.statements = statements
      var order: [PinpointID: Int] = [:]
      for (index, provision) in document.allProvisions.enumerated() { order[provision.id] = index }
      self.order = order
      var byTopLevel: [Substring: [Statement]] = [:]
      for statement in statements {
        byTopLevel[statement.clause.rawValue.prefix { $0 != "." }, default: []].append(statement)
      }
      self.byTopLevel = byTopLevel
    }

    /// The clauses whose statements the criteria select, in document order.
    func matched(_ match: MappingRule.Match) -> [PinpointID] {
      var tops: [Substring] = []
      for pattern in match.clauses {
        let top = pattern.prefix { $0 != "." }
        if !tops.contains(top) { tops.append(top) }
      }
      let candidates = tops.contains { $0.hasSuffix("*") } ? statements : tops.flatMap { byTopLevel[$0] ?? [] }
      return ordered(Set(candidates.filter(match.matches).map(\.clause)))
    }

    /// In document order; clauses the document lacks last, by ID.
    func ordered(_ ids: Set<PinpointID>) -> [PinpointID] {
      ids.sorted { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) }
    }
  }

  /// A clause as provenance records it: citation, hash and link of its text in the document.
  private func clause(_ id: PinpointID, in document: Document) -> Policy.Clause {
    let text = document.provision(id).map(Mapper.clauseText) ?? ""
    return Policy.Clause(
      id: id, citation: id.citation, sha256: hash(text), reviewedSHA256: nil, link: link(id, in: document), text: text)
  }

  /// The clause on EUR-Lex, or the page `instruments.yaml` gives an instrument EUR-Lex does not hold.
  private func link(_ id: PinpointID, in document: Document) -> String {
    guard let celex = document.instrument.celex else { return rules.instrumentLinks[document.instrument.key] ?? "" }
    return id.eurLexLink(celex: celex, language: document.instrument.language)
  }

  /// The guardrails: rules that come from the profile alone, not from a clause.
  public func guardrails() -> [Policy] {
    rules.rules.filter { $0.instrument == nil && applies($0) }.map { rule in
      let citation = "FinOps guardrail '\(rule.title)'"
      let basis = Policy.LegalBasis(
        clauses: [], citation: citation, quote: "", link: "",
        head: "\(verdict) — \(citation) requires that \(rule.requires)")
      return policy(rule, clauses: [], instrumentName: nil, version: nil) { _ in (basis, [:]) }
    }
  }

  /// "denied" or "warning", as the profile enforces.
  private var verdict: String { profile.enforcement == .deny ? "denied" : "warning" }

  private func policy(
    _ rule: MappingRule, clauses: [Policy.Clause], instrumentName: String?, version: String?,
    basis: (Check) -> (Policy.LegalBasis, [String: Policy.LegalBasis])
  ) -> Policy {
    let key = { (name: String) in profile.key(Property.named(name)!) }  // the table holds every scope property
    let target = Policy.Target(
      kinds: Scope.workloadKinds, systemKey: rule.scope.aiSystem ? key("system") : nil,
      riskClassKey: key("risk-class"), riskClasses: rule.riskClasses, roleKey: key("role"), roles: rule.roles,
      defaultRole: profile.defaultRole, annexIIIKey: key("annex-iii-area"), annexIIIExcept: rule.scope.annexIIIExcept,
      excludedNamespaces: profile.excludedNamespaces)
    let requirements = rule.checks.map { check in
      let (main, byValue) = basis(check)
      return Policy.Requirement(
        template: check.template.rawValue, field: check.property.location == .label ? "labels" : "annotations",
        key: profile.key(check.property), values: check.values, minimum: check.minimum, pattern: check.pattern,
        example: check.example, gpuResource: profile.gpuResource, budgets: profile.gpuBudgets,
        requires: check.requires ?? rule.requires, basis: main, valueBases: byValue)
    }
    return Policy(
      name: rule.control.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined(),
      control: rule.control, citation: "", rule: rule.id, ruleFile: rule.file, title: rule.title,
      description: rule.description,
      requires: rule.requires, instrument: rule.instrument, instrumentName: instrumentName, version: version,
      clauses: clauses, nistAIRMF: rule.nistAIRMF, iso42001: rule.iso42001, enforcement: profile.enforcement.rawValue,
      review: .current, target: target, requirements: requirements)
  }

  /// "A", "A and B", "A, B and C".
  static func list(_ items: [String]) -> String {
    items.count <= 2
      ? items.joined(separator: " and ") : items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
  }

  /// A clause's words as a message quotes them: its own text after the chapeau of every point or
  /// indent it stands in ("The following AI practices shall be prohibited: … the placing …").
  public static func quote(_ id: PinpointID, in document: Document) -> String {
    guard let provision = document.provision(id) else { return "" }
    var parts = [provision.text]
    var current = provision
    while current.kind == .point || current.kind == .indent, let parent = current.id.parent,
      let enclosing = document.provision(parent)
    {
      if !enclosing.text.isEmpty { parts.insert(enclosing.text, at: 0) }
      current = enclosing
    }
    return parts.joined(separator: " ")
  }

  /// A clause's normalised text as hashed for provenance: its own text and every descendant's, in
  /// document order, one per line (README "Provenance").
  public static func clauseText(_ provision: Provision) -> String {
    var lines: [String] = []
    provision.forEach { if !$0.text.isEmpty { lines.append($0.text) } }
    return lines.joined(separator: "\n")
  }
}
