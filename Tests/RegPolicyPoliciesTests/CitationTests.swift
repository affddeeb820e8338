import RegPolicyModel
import RegPolicyPolicies
import Testing

/// Each requirement cites its own clause: the table below was written by reading the AI Act, and
/// every check of every shipped AI Act rule must cite exactly the clauses listed, whose words
/// contain the requirement's key term.
@Suite("Requirement citations")
struct CitationTests {
  struct Row: Sendable, CustomTestStringConvertible {
    var control: String
    /// The property the check reads, and for a none-of check the value whose clause this is.
    var property: String
    var value: String?
    var clauses: [String]
    /// Words the first cited clause contains (lower case).
    var term: String

    var testDescription: String { "\(control) \(property)\(value.map { " = " + $0 } ?? "")" }
  }

  static let rows: [Row] = [
    Row(control: "AIA-05", property: "intended-use", clauses: ["art_5.par_1"], term: "prohibited"),
    Row(
      control: "AIA-05", property: "intended-use", value: "subliminal-manipulation", clauses: ["art_5.par_1.pt_a"],
      term: "subliminal"),
    Row(
      control: "AIA-05", property: "intended-use", value: "exploitation-of-vulnerabilities",
      clauses: ["art_5.par_1.pt_b"], term: "vulnerabilities"),
    Row(
      control: "AIA-05", property: "intended-use", value: "social-scoring", clauses: ["art_5.par_1.pt_c"],
      term: "social score"),
    Row(
      control: "AIA-05", property: "intended-use", value: "criminal-offence-risk-prediction",
      clauses: ["art_5.par_1.pt_d"], term: "criminal offence"),
    Row(
      control: "AIA-05", property: "intended-use", value: "untargeted-facial-image-scraping",
      clauses: ["art_5.par_1.pt_e"], term: "untargeted scraping of facial images"),
    Row(
      control: "AIA-05", property: "intended-use", value: "workplace-education-emotion-recognition",
      clauses: ["art_5.par_1.pt_f"], term: "emotions"),
    Row(
      control: "AIA-05", property: "intended-use", value: "biometric-categorisation-sensitive-attributes",
      clauses: ["art_5.par_1.pt_g"], term: "biometric categorisation"),
    Row(
      control: "AIA-05", property: "intended-use",
      value: "real-time-remote-biometric-identification-law-enforcement", clauses: ["art_5.par_1.pt_h"],
      term: "remote biometric identification systems in publicly accessible spaces"),
    Row(
      control: "AIA-09", property: "risk-management-record", clauses: ["art_9.par_1"], term: "risk management system"),
    Row(control: "AIA-10", property: "data-governance-record", clauses: ["art_10.par_2"], term: "data governance"),
    Row(control: "AIA-10", property: "dataset-lineage", clauses: ["art_10.par_2.pt_b"], term: "origin of data"),
    Row(
      control: "AIA-11", property: "technical-documentation", clauses: ["art_11.par_1"],
      term: "technical documentation"),
    Row(control: "AIA-12", property: "logging", clauses: ["art_12.par_1"], term: "automatic recording of events"),
    Row(
      control: "AIA-12", property: "log-retention-days", clauses: ["art_19.par_1", "art_26.par_6"],
      term: "at least six months"),
    Row(control: "AIA-13", property: "instructions-for-use", clauses: ["art_13.par_2"], term: "instructions for use"),
    Row(control: "AIA-14", property: "oversight-owner", clauses: ["art_14.par_1"], term: "overseen by natural persons"),
    Row(control: "AIA-15", property: "accuracy-metrics", clauses: ["art_15.par_3"], term: "accuracy metrics"),
    Row(
      control: "AIA-15", property: "robustness-metrics", clauses: ["art_15.par_1", "art_15.par_4"], term: "robustness"),
    Row(
      control: "AIA-17", property: "quality-management-system", clauses: ["art_16.pt_c", "art_17.par_1"],
      term: "quality management system"),
    Row(control: "AIA-26", property: "oversight-owner", clauses: ["art_26.par_2"], term: "assign human oversight"),
    Row(control: "AIA-26", property: "operation-monitoring", clauses: ["art_26.par_5"], term: "monitor the operation"),
    Row(
      control: "AIA-27", property: "fundamental-rights-impact-assessment", clauses: ["art_27.par_1"],
      term: "fundamental rights"),
    Row(control: "AIA-49", property: "eu-database-id", clauses: ["art_49.par_1", "art_49.par_3"], term: "eu database"),
    Row(
      control: "AIA-50", property: "ai-interaction-disclosure", clauses: ["art_50.par_1"],
      term: "interacting with an ai system"),
    Row(
      control: "AIA-50", property: "synthetic-content-marking", clauses: ["art_50.par_2"],
      term: "marked in a machine-readable format"),
    Row(
      control: "AIA-53", property: "gpai-documentation", clauses: ["art_53.par_1.pt_a"],
      term: "technical documentation of the model"),
    Row(control: "AIA-53", property: "copyright-policy", clauses: ["art_53.par_1.pt_c"], term: "copyright"),
    Row(
      control: "AIA-72", property: "post-market-monitoring-plan", clauses: ["art_72.par_3"],
      term: "post-market monitoring plan"),
    Row(control: "AIA-73", property: "incident-contact", clauses: ["art_73.par_1"], term: "serious incident"),
  ]

  @Test("the table names every check of every shipped AI Act rule")
  func complete() {
    var shipped: Set<String> = []
    for rule in PolicyFixtures.rules.rules where rule.instrument == "32024R1689" {
      for check in rule.checks {
        shipped.insert("\(rule.control) \(check.property.name)")
        for value in check.valueCites.keys { shipped.insert("\(rule.control) \(check.property.name) = \(value)") }
      }
    }
    #expect(shipped == Set(Self.rows.map(\.testDescription)))
  }

  @Test("each check cites the clauses the table names, and their words hold its key term", arguments: rows)
  func cites(_ row: Row) throws {
    let act = try PolicyFixtures.aiAct.get()
    let rule = try #require(PolicyFixtures.rules.rules.first { $0.control == row.control })
    let check = try #require(rule.checks.first { $0.property.name == row.property })
    let cited = row.value.map { check.valueCites[$0].map { [$0] } ?? [] } ?? check.cites
    #expect(cited.map(\.rawValue) == row.clauses)
    let first = try #require(cited.first)
    let words = Mapper.quote(first, in: act.document).lowercased().replacingOccurrences(of: "\u{2011}", with: "-")
    #expect(words.contains(row.term), "\(first): \(words)")
  }

  /// What a user reads: the denial names the clause of the requirement that is broken.
  @Test(
    "a denial cites the clause of the broken requirement",
    arguments: [
      ("ai.example.com/log-retention-days", "90", "AIA-12", "Article 19(1) and Article 26(6) AI Act require that"),
      ("ai.example.com/logging", "disabled", "AIA-12", "Article 12(1) AI Act requires that"),
      ("ai.example.com/synthetic-content-marking", " ", "AIA-50", "Article 50(2) AI Act requires that"),
      (
        "ai.example.com/intended-use", "triage, social-scoring", "AIA-05",
        "Article 5(1), point (c) AI Act requires that"
      ),
    ])
  func denial(_ key: String, _ value: String, _ control: String, _ citation: String) throws {
    let act = try PolicyFixtures.aiAct.get()
    let policy = try #require(
      PolicyFixtures.mapper().policies(for: act.document, statements: act.statements).first { $0.control == control })
    let manifest = try #require(
      Manifest.read(
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: scorer
          namespace: ml
          labels: {ai.example.com/system: "true", ai.example.com/risk-class: high-risk, ai.example.com/role: provider}
          annotations: {"\(key)": "\(value)"}
        """, file: "m.yaml"
      ).manifests.first)
    let findings = Evaluator.findings(of: policy, in: manifest).filter { $0.message.contains(key) }
    let finding = try #require(findings.first, "\(Evaluator.findings(of: policy, in: manifest).map(\.message))")
    #expect(finding.message.hasPrefix("deployment/ml/scorer: denied — \(citation)"), "\(finding.message)")
    if control == "AIA-05" {
      // The quote is the practice's own point after Article 5(1)'s chapeau.
      #expect(
        finding.basis.quote.hasPrefix("The following AI practices shall be prohibited: the placing on the market"))
      #expect(finding.basis.quote.contains("social behaviour"))
      #expect(finding.basis.link.hasSuffix("#005.001"))
    }
  }
}
