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
    var order: [PinpointID: Int] = [:]
    for (index, provision) in document.allProvisions.enumerated() { order[provision.id] = index }
    // Statements by article or annex, so each rule looks only at the ones its patterns can name.
    var byTopLevel: [Substring: [Statement]] = [:]
    for statement in statements {
      byTopLevel[statement.clause.rawValue.prefix { $0 != "." }, default: []].append(statement)
    }
    var policies: [Policy] = []
    for rule in rules.rules where rule.instrument != nil && applies(rule) {
      var tops: [Substring] = []
      for pattern in rule.match?.clauses ?? [] {
        let top = pattern.prefix { $0 != "." }
        if !tops.contains(top) { tops.append(top) }
      }
      let candidates = tops.contains { $0.hasSuffix("*") } ? statements : tops.flatMap { byTopLevel[$0] ?? [] }
      let matched = candidates.filter { rule.matches($0, instrument: document.instrument.celex) }
      let ids = Set(matched.map(\.clause)).sorted { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) }
      guard !ids.isEmpty, let pattern = rule.match?.clauses.first else { continue }
      // The rule's first pattern names the clause messages cite ("Article 5(1)"), unless it is a
      // wildcard; then the first clause it matched.
      let primary =
        pattern.contains("*")
        ? ids.first { MappingRule.clause($0, matches: pattern) } ?? ids[0] : PinpointID(rawValue: pattern)
      let clauses = ids.map { id in
        let text = document.provision(id).map(Mapper.clauseText) ?? ""
        return Policy.Clause(
          id: id, citation: id.citation, sha256: hash(text),
          link: id.eurLexLink(celex: document.instrument.celex ?? "", language: document.instrument.language),
          text: text)
      }
      let name = rules.instrumentNames[rule.instrument ?? ""] ?? document.instrument.id
      var policy = policy(
        rule, citing: "\(primary.citation) \(name)", clauses: clauses, instrumentName: name,
        version: document.instrument.date ?? document.instrument.version)
      policy.citation = primary.citation
      policy.quote = document.provision(primary)?.text ?? clauses[0].text
      policies.append(policy)
    }
    return policies
  }

  /// The guardrails: rules that come from the profile alone, not from a clause.
  public func guardrails() -> [Policy] {
    rules.rules.filter { $0.instrument == nil && applies($0) }.map { rule in
      policy(rule, citing: "FinOps guardrail '\(rule.title)'", clauses: [], instrumentName: nil, version: nil)
    }
  }

  private func policy(
    _ rule: MappingRule, citing: String, clauses: [Policy.Clause], instrumentName: String?, version: String?
  ) -> Policy {
    let key = { (name: String) in profile.key(Property.named(name)!) }  // the table holds every scope property
    let target = Policy.Target(
      kinds: Scope.workloadKinds, systemKey: rule.scope.aiSystem ? key("system") : nil,
      riskClassKey: key("risk-class"), riskClasses: rule.riskClasses, roleKey: key("role"), roles: rule.roles,
      defaultRole: profile.defaultRole, annexIIIKey: key("annex-iii-area"), annexIIIExcept: rule.scope.annexIIIExcept)
    let requirements = rule.checks.map { check in
      Policy.Requirement(
        template: check.template.rawValue, field: check.property.location == .label ? "labels" : "annotations",
        key: profile.key(check.property), values: check.values, minimum: check.minimum, pattern: check.pattern,
        example: check.example, gpuResource: profile.gpuResource, budgets: profile.gpuBudgets)
    }
    let verdict = profile.enforcement == .deny ? "denied" : "warning"
    return Policy(
      name: rule.control.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined(),
      control: rule.control, citation: "", quote: "", rule: rule.id, ruleFile: rule.file, title: rule.title,
      description: rule.description,
      requires: rule.requires, instrument: rule.instrument, instrumentName: instrumentName, version: version,
      clauses: clauses, nistAIRMF: rule.nistAIRMF, iso42001: rule.iso42001, enforcement: profile.enforcement.rawValue,
      head: "\(verdict) — \(citing) requires that \(rule.requires)", target: target, requirements: requirements)
  }

  /// A clause's normalised text as hashed for provenance: its own text and every descendant's, in
  /// document order, one per line (README "Provenance").
  public static func clauseText(_ provision: Provision) -> String {
    var lines: [String] = []
    provision.forEach { if !$0.text.isEmpty { lines.append($0.text) } }
    return lines.joined(separator: "\n")
  }
}
