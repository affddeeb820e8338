import RegPolicyExtract
import RegPolicyKit
import RegPolicyModel
import RegPolicyPolicies
import Testing

@Suite("Mapping rules")
struct RuleTests {
  @Test("the shipped rules load without a diagnostic")
  func shippedRulesLoad() {
    let loaded = PolicyConfiguration.rules(from: PolicyFixtures.packageRoot + "/rules")
    #expect(loaded.errors.map(\.description) == [])
    // Every control issue 4 names for the AI Act, plus the FinOps guardrails.
    let controls = Set(loaded.rules?.rules.map(\.control) ?? [])
    for control in [
      "AIA-05", "AIA-09", "AIA-10", "AIA-11", "AIA-12", "AIA-13", "AIA-14", "AIA-15", "AIA-17", "AIA-26", "AIA-27",
      "AIA-49", "AIA-50", "AIA-53", "AIA-72", "AIA-73", "FINOPS-LABELS", "FINOPS-GPU",
    ] {
      #expect(controls.contains(control), "\(control)")
    }
  }

  /// A rule's examples are its tests: a triggering example must match at least one statement, a
  /// non-triggering one none. A clause alone stands for the AI Act's statements on that clause.
  @Test("every rule's examples", arguments: PolicyFixtures.rules.rules.map(\.id))
  func examples(_ id: String) throws {
    let rule = try #require(PolicyFixtures.rules.rules.first { $0.id == id })
    if rule.instrument == nil {
      try guardrailExamples(rule)
      return
    }
    // Each instrument's examples run on its text: the AI Act, the AI RMF Playbook, or the synthetic
    // sample regulation.
    let act =
      switch rule.instrument {
      case "32030R0001": try PolicyFixtures.sample()
      case "NIST.AI.100-1.Playbook": try PolicyFixtures.playbook.get()
      default: try PolicyFixtures.aiAct.get()
      }
    func statements(_ example: MappingRule.Example) throws -> [Statement] {
      let clause = try #require(example.clause)
      if let text = example.text { return Classifier().classify(text, clause: clause) }
      #expect(act.document.provision(clause) != nil, "\(rule.file):\(example.line): no clause \(clause)")
      return act.statements.filter { $0.clause == clause }
    }
    for example in rule.triggering {
      let hits = try statements(example).filter { rule.matches($0, instrument: act.document.instrument.key) }
      #expect(!hits.isEmpty, "\(rule.file):\(example.line): triggering example matches nothing")
    }
    for example in rule.nonTriggering {
      let hits = try statements(example).filter { rule.matches($0, instrument: act.document.instrument.key) }
      #expect(hits.isEmpty, "\(rule.file):\(example.line): non-triggering example matches \(hits.map(\.text))")
    }
  }

  /// An `also:` entry is a claim that the control implements those subcategories too: each must
  /// match statements of the Playbook, and each subcategory must be one the typed crosswalk joins to
  /// a clause of the rule by more than "related to" (the requirements overlap).
  @Test("every 'also' entry matches its instrument and stands on an overlapping crosswalk link")
  func alsoEntries() throws {
    let playbook = try PolicyFixtures.playbook.get()
    let crosswalk = try CrosswalkTests.crosswalk()
    let withAlso = PolicyFixtures.rules.rules.filter { !$0.also.isEmpty }
    #expect(withAlso.count == 6)
    for rule in withAlso {
      for other in rule.also {
        #expect(other.instrument == playbook.document.instrument.key)
        let ends = Crosswalk.endpoints(of: rule).filter { $0.framework == .aiAct }
        for pattern in other.match.clauses {
          let hits = playbook.statements.filter {
            other.match.matches($0) && MappingRule.clause($0.clause, matches: pattern)
          }
          #expect(!hits.isEmpty, "\(rule.file):\(other.line): \(pattern) matches no statement")
          let overlapping = ends.flatMap { crosswalk.readings(for: $0) }.filter {
            $0.far == CrosswalkEndpoint(.aiRMF, pattern) && $0.relationship != .relatedTo
          }
          #expect(!overlapping.isEmpty, "\(rule.file):\(other.line): no overlapping link to \(pattern)")
        }
      }
    }
  }

  private func guardrailExamples(_ rule: MappingRule) throws {
    let mapper = PolicyFixtures.mapper()
    let policy = try #require(mapper.guardrails().first { $0.rule == rule.id })
    for (examples, flagged) in [(rule.triggering, true), (rule.nonTriggering, false)] {
      for example in examples {
        let read = Manifest.read(example.manifest ?? "", file: rule.file)
        #expect(read.errors.isEmpty && read.manifests.count == 1, "\(rule.file):\(example.line)")
        let messages = read.manifests.flatMap { Evaluator.violations(of: policy, in: $0) }
        #expect(messages.isEmpty != flagged, "\(rule.file):\(example.line): \(messages)")
      }
    }
  }

  @Test("crosswalk ids are AI RMF Playbook subcategories")
  func crosswalk() throws {
    let playbook = try PolicySourcesTestSupport.playbookSubcategories()
    for rule in PolicyFixtures.rules.rules {
      for id in rule.nistAIRMF { #expect(playbook.contains(id), "\(rule.file): \(id)") }
    }
    // Every AI Act control links to the Playbook.
    #expect(PolicyFixtures.rules.rules.filter { $0.instrument == "32024R1689" && $0.nistAIRMF.isEmpty }.map(\.id) == [])
  }

  static let base = """
    id: test.rule
    title: T
    description: D
    requires: something holds
    instrument: 32024R1689
    match:
      clauses: [art_12.par_1]
    control: T-1
    checks:
      - template: present
        property: logging
        cites: [art_12.par_1]
    examples:
      triggering: [{clause: art_12.par_1}]
      non-triggering: [{clause: art_12.par_2}]

    """

  @Test(
    "a bad rule is a diagnostic with its code and line",
    arguments: [
      (
        base.replacingOccurrences(of: "template: present", with: "template: presence"),
        DiagnosticCode.ruleUnknownTemplate, 10
      ),
      (
        base.replacingOccurrences(of: "property: logging", with: "property: loging"), DiagnosticCode.ruleUnknownField,
        11
      ),
      (
        base.replacingOccurrences(of: "control: T-1", with: "control: T-1\nroles: [landlord]"),
        DiagnosticCode.ruleUnknownRole, 9
      ),
      (
        base.replacingOccurrences(
          of: "  clauses: [art_12.par_1]", with: "  clauses: [art_12.par_1]\n  addressees: [landlord]"),
        DiagnosticCode.ruleUnknownRole, 8
      ),
      (
        base.replacingOccurrences(of: "  non-triggering: [{clause: art_12.par_2}]\n", with: ""),
        DiagnosticCode.ruleMissingExamples, 14
      ),
      (base.replacingOccurrences(of: "title: T\n", with: ""), DiagnosticCode.ruleMissingKey, 1),
      (base.replacingOccurrences(of: "title: T", with: "titel: T"), DiagnosticCode.ruleUnknownKey, 2),
      (base.replacingOccurrences(of: "checks:", with: "checks: [\n"), DiagnosticCode.ruleMalformed, 11),
      // `also:` names an instrument instruments.yaml lacks, the rule's own, or one twice.
      (
        base.replacingOccurrences(
          of: "control: T-1", with: "also:\n  - instrument: NIST.X\n    match: {clauses: [sbc_a]}\ncontrol: T-1"),
        DiagnosticCode.ruleUnknownInstrument, 9
      ),
      (
        base.replacingOccurrences(
          of: "control: T-1", with: "also:\n  - instrument: 32024R1689\n    match: {clauses: [art_1]}\ncontrol: T-1"),
        DiagnosticCode.ruleInvalidValue, 9
      ),
      (
        base.replacingOccurrences(
          of: "control: T-1", with: "also:\n  - instrument: NIST.X\n    matches: {clauses: [sbc_a]}\ncontrol: T-1"),
        DiagnosticCode.ruleUnknownKey, 10
      ),
    ])
  func badRule(_ text: String, _ code: DiagnosticCode, _ line: Int) {
    let loaded = RuleSet.load(
      files: [("rules/test.yaml", text), ("rules/instruments.yaml", "32024R1689: AI Act\n")], roles: ["provider"])
    #expect(loaded.rules == nil)
    #expect(loaded.errors.map(\.code) == [code], "\(loaded.errors)")
    #expect(loaded.errors.first?.line == line, "\(loaded.errors)")
    #expect(loaded.errors.first?.file == "rules/test.yaml")
  }
}

extension RuleTests {
  @Test("instruments.yaml names an instrument EUR-Lex lacks with its page; 'also' may name it")
  func instrumentPage() throws {
    let text = RuleTests.base.replacingOccurrences(
      of: "control: T-1", with: "also:\n  - instrument: NIST.X\n    match: {clauses: [sbc_a-1-2]}\ncontrol: T-1")
    let names = "32024R1689: AI Act\nNIST.X:\n  name: Example Framework\n  link: https://example.org/x\n"
    let loaded = RuleSet.load(
      files: [("rules/test.yaml", text), ("rules/instruments.yaml", names)], roles: ["provider"])
    #expect(loaded.errors.isEmpty, "\(loaded.errors)")
    let rules = try #require(loaded.rules)
    #expect(rules.instrumentNames == ["32024R1689": "AI Act", "NIST.X": "Example Framework"])
    #expect(rules.instrumentLinks == ["NIST.X": "https://example.org/x"])
    #expect(rules.rules.first?.also.map(\.instrument) == ["NIST.X"])
    #expect(rules.rules.first?.also.first?.match.clauses == ["sbc_a-1-2"])
    // A map without a name is refused at its line.
    let nameless = RuleSet.load(
      files: [("rules/instruments.yaml", "NIST.X:\n  link: https://example.org/x\n")], roles: [])
    #expect(nameless.errors.map(\.code) == [.ruleMissingKey] && nameless.errors.first?.line == 2, "\(nameless.errors)")
  }
}

@Suite("Clause patterns")
struct ClausePatternTests {
  @Test(
    "a pattern matches its clause and everything under it; '*' matches one segment",
    arguments: [
      ("art_12.par_1", "art_12.par_1", true), ("art_12.par_1.pt_a", "art_12.par_1", true),
      ("art_12.par_10", "art_12.par_1", false), ("art_12", "art_12.par_1", false), ("art_120.par_1", "art_12", false),
      ("art_5.par_1.pt_c", "art_5.par_1.pt_*", true), ("art_5.par_1", "art_5.par_1.pt_*", false),
      ("art_5.par_2.pt_c", "art_5.*.pt_c", true), ("anx_III.pt_1", "art_*", false),
      ("art_5.par_1.pt_c", "*", true),
    ])
  func pattern(_ id: String, _ pattern: String, _ expected: Bool) {
    #expect(MappingRule.clause(PinpointID(rawValue: id), matches: pattern) == expected)
  }
}
