import RegPolicyModel

/// The mapping rules and the instrument names they cite, read from `rules/` (or the embedded copy).
public struct RuleSet: Hashable, Sendable {
  public var rules: [MappingRule]
  /// Short names of instruments by CELEX or declared id ("32024R1689" → "AI Act"), from
  /// `rules/instruments.yaml`.
  public var instrumentNames: [String: String]
  /// Where an instrument without a CELEX number is read online (`link:` in `instruments.yaml`).
  public var instrumentLinks: [String: String] = [:]
  /// What the gap report knows of each instrument that has a table in `rules/report/`: fines and
  /// the provisions of one risk class.
  public var reportTables: [ReportTable]

  /// Creates a rule set from rules already read.
  public init(rules: [MappingRule], instrumentNames: [String: String], reportTables: [ReportTable] = []) {
    self.rules = rules
    self.instrumentNames = instrumentNames
    self.reportTables = reportTables
  }

  /// Reads rule files (path → text; `instruments.yaml` names the instruments). Every rule file is
  /// read; all problems are returned, each at its line, and no rule set is made if there are any.
  public static func load(
    files: [(path: String, text: String)], roles knownRoles: Set<String>
  ) -> (rules: RuleSet?, errors: [Diagnostic]) {
    var errors: [Diagnostic] = []
    var rules: [MappingRule] = []
    var names: [String: String] = [:]
    var links: [String: String] = [:]
    var tables: [ReportTable] = []
    for file in files.sorted(by: { $0.path < $1.path }) {
      do {
        if file.path.hasSuffix("/instruments.yaml") || file.path == "instruments.yaml" {
          let root = try YAMLValue.parse(file.text, file: file.path, codes: .rule)
          // `CELEX: name`, or `id: {name: …, link: …}` for an instrument EUR-Lex does not hold.
          for (key, value) in try root.entries("instruments") {
            if value.node.mapping == nil {
              names[key] = try value.string(key)
            } else {
              try value.keys(key, allowed: ["name", "link"])
              names[key] = try value.required("name", in: key).string("name")
              links[key] = try value["link"]?.string("link")
            }
          }
        } else if ReportTable.isTable(path: file.path) {
          tables.append(try RuleReader(file: file.path, roles: knownRoles).readReportTable(file.text))
        } else {
          rules.append(try RuleReader(file: file.path, roles: knownRoles).read(file.text))
        }
      } catch {
        errors.append(error)
      }
    }
    var seen: [String: MappingRule] = [:]
    for rule in rules {
      if let first = seen[rule.id] {
        errors.append(
          Diagnostic.error(
            .ruleDuplicateID, file: rule.file, line: rule.line, "rule id '\(rule.id)' is also used by \(first.file)")
        )
      }
      seen[rule.id] = rule
      for (instrument, line) in (rule.instrument.map { [($0, rule.line)] } ?? [])
        + rule.also.map({
          ($0.instrument, $0.line)
        }) where names[instrument] == nil
      {
        errors.append(
          Diagnostic.error(
            .ruleUnknownInstrument, file: rule.file, line: line,
            "instrument '\(instrument)' is not named in instruments.yaml"))
      }
    }
    for table in tables where names[table.instrument] == nil {
      errors.append(
        Diagnostic.error(
          .ruleUnknownInstrument, file: table.file, line: 1,
          "instrument '\(table.instrument)' is not named in instruments.yaml"))
    }
    if !errors.isEmpty { return (nil, errors) }
    var set = RuleSet(rules: rules.sorted { $0.id < $1.id }, instrumentNames: names, reportTables: tables)
    set.instrumentLinks = links
    return (set, [])
  }
}

/// Reads one rule file, naming the line of every problem.
struct RuleReader {
  let file: String
  let roles: Set<String>

  func read(_ text: String) throws(Diagnostic) -> MappingRule {
    let root = try YAMLValue.parse(text, file: file, codes: .rule)
    try root.keys(
      "a rule",
      allowed: [
        "id", "title", "description", "requires", "instrument", "match", "also", "control", "crosswalk", "roles",
        "reviewed", "risk-classes", "scope", "checks", "examples",
      ])
    func required(_ key: String) throws(Diagnostic) -> String {
      try root.required(key, in: "the rule").string(key)
    }
    let instrument = try root["instrument"]?.string("instrument")
    var match: MappingRule.Match?
    if let value = root["match"] { match = try readMatch(value) }
    if (instrument == nil) != (match == nil) {
      throw root.failure(.ruleMissingKey, "a rule has both 'instrument' and 'match', or neither (a guardrail)")
    }
    var also: [MappingRule.Also] = []
    for item in try root["also"]?.items("also") ?? [] {
      guard instrument != nil else { throw item.failure(.ruleInvalidValue, "a guardrail implements no instrument") }
      try item.keys("an 'also' entry", allowed: ["instrument", "match"])
      let other = try item.required("instrument", in: "an 'also' entry").string("instrument")
      if other == instrument || also.contains(where: { $0.instrument == other }) {
        throw item.failure(.ruleInvalidValue, "instrument '\(other)' is named twice")
      }
      also.append(
        MappingRule.Also(
          instrument: other, match: try readMatch(item.required("match", in: "an 'also' entry")), line: item.line))
    }
    let roleList = try root["roles"].map { value throws(Diagnostic) in try checkRoles(value, Profile.roles) } ?? []
    let classes =
      try root["risk-classes"].map { value throws(Diagnostic) in
        try checkValues(value, "risk class", Profile.riskClasses, code: .ruleUnknownRiskClass)
      } ?? []
    var scope = Scope(riskClasses: classes, roles: roleList)
    if let value = root["scope"] {
      try value.keys("scope", allowed: ["ai-system", "annex-iii-except"])
      scope.aiSystem = try value["ai-system"]?.bool("ai-system") ?? true
      scope.annexIIIExcept = try value["annex-iii-except"]?.strings("annex-iii-except")
    }
    var nist: [String] = []
    var iso: [String] = []
    if let crosswalk = root["crosswalk"] {
      try crosswalk.keys("crosswalk", allowed: ["nist-ai-rmf", "iso-42001"])
      nist = try crosswalk["nist-ai-rmf"]?.strings("nist-ai-rmf") ?? []
      iso = try crosswalk["iso-42001"]?.strings("iso-42001") ?? []
    }
    let checksValue = try root.required("checks", in: "the rule")
    var checks: [Check] = []
    for item in try checksValue.items("checks") { checks.append(try readCheck(item, guardrail: match == nil)) }
    if checks.isEmpty { throw checksValue.failure(.ruleMissingKey, "a rule needs at least one check") }
    let examples = try root.required("examples", in: "the rule", code: .ruleMissingExamples)
    try examples.keys("examples", allowed: ["triggering", "non-triggering"])
    let triggering = try readExamples(examples["triggering"], guardrail: match == nil)
    let nonTriggering = try readExamples(examples["non-triggering"], guardrail: match == nil)
    if triggering.isEmpty || nonTriggering.isEmpty {
      throw examples.failure(
        .ruleMissingExamples, "a rule needs at least one triggering and one non-triggering example")
    }
    let reviewed = try root["reviewed"].map { value throws(Diagnostic) in try readReviewed(value) } ?? [:]
    return MappingRule(
      id: try required("id"), file: file, line: root.line, title: try required("title"),
      description: try required("description"), requires: try required("requires"), instrument: instrument,
      match: match, also: also, control: try required("control"), nistAIRMF: nist, iso42001: iso, roles: roleList,
      riskClasses: classes, scope: scope, checks: checks, triggering: triggering, nonTriggering: nonTriggering,
      reviewed: reviewed)
  }

  private func readMatch(_ value: YAMLValue) throws(Diagnostic) -> MappingRule.Match {
    try value.keys("match", allowed: ["clauses", "modalities", "addressees", "terms"])
    let clauses = try value.required("clauses", in: "match").strings("clauses")
    var modalities: [Modality] = []
    if let list = value["modalities"] {
      for name in try list.strings("modalities") {
        guard let modality = Modality(rawValue: name) else {
          throw list.failure(.ruleUnknownModality, "unknown modality '\(name)'")
        }
        modalities.append(modality)
      }
    }
    let addressees =
      try value["addressees"].map { list throws(Diagnostic) in
        try checkRoles(list, roles.union(["none"]))
      } ?? []
    let terms = try value["terms"]?.strings("terms").map { $0.lowercased() } ?? []
    return MappingRule.Match(clauses: clauses, modalities: modalities, addressees: addressees, terms: terms)
  }

  private func checkRoles(_ value: YAMLValue, _ known: some Collection<String>) throws(Diagnostic) -> [String] {
    try checkValues(value, "role", Array(known), code: .ruleUnknownRole)
  }

  private func checkValues(
    _ value: YAMLValue, _ what: String, _ known: [String], code: DiagnosticCode
  ) throws(Diagnostic) -> [String] {
    let values = try value.strings(what)
    for item in values where !known.contains(item) {
      throw value.failure(code, "unknown \(what) '\(item)'")
    }
    return values
  }

  /// One check. A rule's check names the clauses it enforces (`cites`, and per value for
  /// `none-of`: a list item `value: clause`); a guardrail's names none.
  private func readCheck(_ value: YAMLValue, guardrail: Bool) throws(Diagnostic) -> Check {
    try value.keys(
      "a check",
      allowed: ["template", "property", "values", "minimum", "pattern", "example", "cites", "requires"])
    let templateValue = try value.required("template", in: "a check")
    let name = try templateValue.string("template")
    guard let template = Check.Template(rawValue: name) else {
      throw templateValue.failure(
        .ruleUnknownTemplate,
        "unknown template '\(name)'; expected \(Check.Template.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    let propertyValue = try value.required("property", in: "a check")
    let propertyName = try propertyValue.string("property")
    guard let property = Property.named(propertyName) else {
      throw propertyValue.failure(.ruleUnknownField, "unknown property '\(propertyName)'")
    }
    var check = Check(template: template, property: property)
    for item in try value["values"].map({ list throws(Diagnostic) in
      try list.node.sequence == nil ? [list] : list.items("values")
    }) ?? [] {
      if let entries = try? item.keyedEntries("a value"), let (key, clause) = entries.first, entries.count == 1 {
        let name = try key.string("a value")
        check.values.append(name)
        check.valueCites[name] = try readClause(clause)
      } else {
        check.values.append(try item.string("a value"))
      }
    }
    if let cites = value["cites"] {
      check.cites = try (cites.node.sequence == nil ? [cites] : cites.items("cites")).map { item throws(Diagnostic) in
        try readClause(item)
      }
    }
    check.requires = try value["requires"]?.string("requires")
    if guardrail, value["cites"] != nil || !check.valueCites.isEmpty {
      throw value.failure(.ruleInvalidValue, "a guardrail's check cites no clause")
    }
    if !guardrail, check.cites.isEmpty {
      throw value.failure(.ruleMissingKey, "a check names the clauses it enforces: 'cites'")
    }
    if !check.valueCites.isEmpty, template != .noneOf {
      throw value.failure(.ruleInvalidValue, "only a none-of check cites a clause per value")
    }
    check.minimum = try value["minimum"]?.int("minimum") ?? 0
    check.pattern = try value["pattern"]?.string("pattern") ?? ""
    check.example = try value["example"]?.string("example")
    switch template {
    case .oneOf where check.values.isEmpty, .noneOf where check.values.isEmpty:
      throw value.failure(.ruleMissingKey, "template '\(name)' needs 'values'")
    case .matches:
      guard (try? Regex(check.pattern)) != nil, !check.pattern.isEmpty else {
        throw value.failure(.ruleInvalidPattern, "'\(check.pattern)' is not a regular expression")
      }
      guard let example = check.example, Evaluator.find(check.pattern, in: example) else {
        throw value.failure(.ruleMissingKey, "template 'matches' needs an 'example' value the pattern matches")
      }
    case .gpuBudget where property.location != .label:
      throw propertyValue.failure(.ruleUnknownField, "gpu-budget reads a label; '\(propertyName)' is an annotation")
    default: break
    }
    return check
  }

  /// A pinpoint ID as a rule writes it; anything that is not `prefix_number` segments is an error.
  /// A `reviewed:` block: each clause with the sha256 (or list of them) it was reviewed against.
  func readReviewed(_ value: YAMLValue) throws(Diagnostic) -> [PinpointID: [String]] {
    var reviewed: [PinpointID: [String]] = [:]
    for (key, hashes) in try value.keyedEntries("reviewed") {
      let clause = try readClause(key)
      reviewed[clause] = try (hashes.node.sequence == nil ? [hashes] : hashes.items("reviewed")).map {
        hash throws(Diagnostic) in
        let text = try hash.string("a hash")
        guard text.utf8.count == 64,
          text.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) })
        else { throw hash.failure(.ruleInvalidValue, "'\(text)' is not a sha256 (64 lower-case hex digits)") }
        return text
      }
    }
    return reviewed
  }

  func readClause(_ value: YAMLValue) throws(Diagnostic) -> PinpointID {
    let id = PinpointID(rawValue: try value.string("a clause"))
    guard id.steps != nil else {
      throw value.failure(.ruleInvalidValue, "'\(id)' is not a pinpoint ID such as art_12.par_1")
    }
    return id
  }

  private func readExamples(_ value: YAMLValue?, guardrail: Bool) throws(Diagnostic) -> [MappingRule.Example] {
    guard let value else { return [] }
    var examples: [MappingRule.Example] = []
    for item in try value.items("examples") {
      try item.keys("an example", allowed: ["clause", "text", "manifest"])
      let example = MappingRule.Example(
        clause: (try item["clause"]?.string("clause")).map { PinpointID(rawValue: $0) },
        text: try item["text"]?.string("text"), manifest: try item["manifest"]?.string("manifest"), line: item.line)
      if guardrail ? example.manifest == nil : example.clause == nil {
        throw item.failure(
          .ruleMissingKey, guardrail ? "a guardrail's example is a manifest" : "an example names its clause")
      }
      examples.append(example)
    }
    return examples
  }
}
