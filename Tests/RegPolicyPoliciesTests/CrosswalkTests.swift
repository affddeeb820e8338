import Foundation
import RegPolicyIngest
import RegPolicyKit
import RegPolicyModel
import RegPolicyPolicies
import Testing

/// The typed crosswalks of `rules/crosswalks/`: their endpoints against the ingested sources, the
/// coverage of every shipped rule, reading links from either end, and the refusal of bad files.
@Suite("Crosswalks")
struct CrosswalkTests {
  static let shipped = PolicyConfiguration.rulesAndCrosswalk(from: PolicyFixtures.packageRoot + "/rules")

  static func crosswalk() throws -> Crosswalk {
    #expect(shipped.errors.isEmpty, "\(shipped.errors)")
    return try #require(shipped.crosswalk)
  }

  /// Every provision ID of a corpus file, read through the ingest API, by kind.
  static func ids(_ file: String, kind: ProvisionKind? = nil) throws -> Set<String> {
    let path = PolicyFixtures.corpus + "/" + file
    let document = try #require(Ingester.ingest(path).document, "cannot ingest \(path)")
    return Set(document.allProvisions.filter { kind == nil || $0.kind == kind }.map(\.id.rawValue))
  }

  @Test("the shipped crosswalks load without a diagnostic")
  func shippedLoads() throws {
    let crosswalk = try Self.crosswalk()
    #expect(crosswalk.links.count >= 90)
    // 27 management-system clauses and 38 Annex A controls.
    #expect(crosswalk.iso42001.count == 65)
    #expect(crosswalk.iso42001.keys.filter { $0.hasPrefix("A.") }.count == 38)
  }

  @Test(
    "every link's endpoints exist: in the ingested AI Act, Playbooks and SP 800-53 catalog, the ISO list, the rules")
  func endpointsExist() throws {
    let crosswalk = try Self.crosswalk()
    let aiAct = try Self.ids("eu-ai-act/html/32024R1689_EN_OJ.html")
    let playbook2024 = try Self.ids("nist/nist_ai_rmf_playbook_2024-06.json", kind: .subcategory)
    let playbook2023 = try Self.ids("nist/nist_ai_rmf_playbook_2023-04.json", kind: .subcategory)
    let sp80053 = try Self.ids("nist/NIST_SP-800-53_rev5_catalog.xml", kind: .control)
    let controls = Set(PolicyFixtures.rules.rules.map(\.control))
    #expect(playbook2024.count == 72 && aiAct.count > 1000 && sp80053.count > 300)
    var seen: Set<CrosswalkEndpoint.Framework> = []
    for link in crosswalk.links {
      for end in [link.from, link.to] {
        seen.insert(end.framework)
        let place = "\(link.file):\(link.line): \(end)"
        // The sets are large: the verdict alone goes into the expectation, so a failure names the link.
        let exists: Bool
        switch end.framework {
        case .aiAct: exists = aiAct.contains(end.id)
        case .aiRMF: exists = playbook2024.contains(end.id) && playbook2023.contains(end.id)
        case .sp80053:
          exists = sp80053.contains(end.id)
          #expect(end.id.split(separator: "-").count == 2, "\(place): link to the control, not an enhancement")
        // Checked against a list: the standard's text is not in the corpus.
        case .iso42001: exists = crosswalk.iso42001[end.id] != nil
        case .regpolicy: exists = controls.contains(end.id)
        }
        #expect(exists, "\(place) is not in its source (AI Act, both Playbooks, SP 800-53, iso-42001.yaml, rules)")
      }
    }
    #expect(seen == Set(CrosswalkEndpoint.Framework.allCases))
  }

  /// The rules of real instruments and the guardrails: `rules/ai-act/`, `rules/nist-ai-rmf/` and
  /// `rules/finops/` (`rules/sample/` maps the synthetic sample regulation, which no framework
  /// crosswalks to).
  static let shippedRules = PolicyFixtures.rules.rules.filter {
    ["/rules/ai-act/", "/rules/nist-ai-rmf/", "/rules/finops/"].contains(where: $0.file.contains)
  }

  /// The clauses of its own instrument a rule rests on: those its checks cite and those it matches
  /// by exact ID (not those of an `also:` entry).
  static func clauses(of rule: MappingRule) -> [CrosswalkEndpoint] {
    let own = rule.instrument.flatMap(CrosswalkEndpoint.Framework.of(instrument:))
    return Crosswalk.endpoints(of: rule).filter { $0.framework == own }
  }

  @Test("every shipped rule has links: each clause it cites or matches, or its control for a guardrail")
  func everyRuleLinked() throws {
    let crosswalk = try Self.crosswalk()
    #expect(Self.shippedRules.count == 26)
    for rule in Self.shippedRules {
      let ends = rule.instrument == nil ? Crosswalk.endpoints(of: rule) : Self.clauses(of: rule)
      #expect(!ends.isEmpty, "\(rule.file)")
      for end in ends {
        // A link on a clause or on a provision enclosing it (Article 5(1) for its points).
        let onIt = crosswalk.readings(for: end).filter {
          $0.near == end || ($0.near.framework == .aiAct && end.id.hasPrefix($0.near.id + "."))
        }
        #expect(!onIt.isEmpty, "\(rule.file): \(end) has no crosswalk link")
      }
      #expect(!PolicyFixtures.rules.controls(concerning: ends[0]).isEmpty || rule.instrument == nil)
    }
  }

  @Test("a rule's crosswalk strings are exactly the AI RMF and ISO ends of its clauses' links")
  func ruleStringsAgree() throws {
    let crosswalk = try Self.crosswalk()
    for rule in Self.shippedRules where rule.instrument != nil {
      var rmf: Set<String> = []
      var iso: Set<String> = []
      for end in Self.clauses(of: rule) {
        for reading in crosswalk.readings(for: end) where end.id.hasPrefix(reading.near.id) {
          if reading.far.framework == .aiRMF { rmf.insert(reading.far.label) }
          if reading.far.framework == .iso42001 { iso.insert(reading.far.id) }
        }
      }
      #expect(Set(rule.nistAIRMF) == rmf, "\(rule.file): nist-ai-rmf should be \(rmf.sorted())")
      #expect(Set(rule.iso42001) == iso, "\(rule.file): iso-42001 should be \(iso.sorted())")
    }
  }

  @Test(
    "queries in the forms people write resolve to one canonical endpoint",
    arguments: [
      ("art_12.par_1", "ai-act:art_12.par_1"), ("Article 12(1)", "ai-act:art_12.par_1"),
      ("Art. 26(6)", "ai-act:art_26.par_6"), ("MEASURE 2.4", "nist-ai-rmf:sbc_measure-2-4"),
      ("measure 2.4", "nist-ai-rmf:sbc_measure-2-4"), ("sbc_govern-1-1", "nist-ai-rmf:sbc_govern-1-1"),
      ("A.6.2.8", "iso-42001:A.6.2.8"), ("6.1.2", "iso-42001:6.1.2"), ("AU-11", "sp800-53:ctl_au-11"),
      ("au-11", "sp800-53:ctl_au-11"), ("ctl_au-11", "sp800-53:ctl_au-11"), ("AC-2(1)", "sp800-53:ctl_ac-2-1"),
      ("FINOPS-GPU", "regpolicy:FINOPS-GPU"), ("sp800-53:IR-6", "sp800-53:ctl_ir-6"),
      ("rmf-gv-1.6", "regpolicy:RMF-GV-1.6"),
    ])
  func queries(query: String, expected: String) throws {
    let crosswalk = try Self.crosswalk()
    let controls = Set(PolicyFixtures.rules.rules.map(\.control))
    #expect(crosswalk.endpoint(forQuery: query, controls: controls)?.description == expected)
  }

  @Test("a query that names nothing resolves to nothing", arguments: ["logging", "A.6.2", "XYZ-1-2-3", ""])
  func unknownQueries(query: String) throws {
    let crosswalk = try Self.crosswalk()
    #expect(crosswalk.endpoint(forQuery: query, controls: ["FINOPS-GPU"]) == nil)
  }

  @Test("a link reads from both ends, subset-of and superset-of inverted, the others unchanged")
  func bothDirections() throws {
    let text = """
      links:
        - from: ai-act:art_12.par_1
          to: sp800-53:ctl_au-12
          relationship: subset-of
          rationale: one line
        - from: nist-ai-rmf:sbc_measure-2-4
          to: ai-act:art_12.par_1
          relationship: superset-of
          rationale: one line
        - from: ai-act:art_19.par_1
          to: sp800-53:ctl_au-11
          relationship: intersects-with
          rationale: one line
      """
    let crosswalk = try #require(Crosswalk.load(files: [("x.yaml", text)], controls: nil).crosswalk)
    let fromAU12 = crosswalk.readings(for: CrosswalkEndpoint(.sp80053, "ctl_au-12"))
    #expect(
      fromAU12.map { "\($0.near) \($0.relationship.rawValue) \($0.far)" } == [
        "sp800-53:ctl_au-12 superset-of ai-act:art_12.par_1"
      ])
    let fromArticle = crosswalk.readings(for: CrosswalkEndpoint(.aiAct, "art_12"))
    #expect(
      fromArticle.map { "\($0.near) \($0.relationship.rawValue) \($0.far)" } == [
        "ai-act:art_12.par_1 subset-of nist-ai-rmf:sbc_measure-2-4",
        "ai-act:art_12.par_1 subset-of sp800-53:ctl_au-12",
      ])
    let fromAU11 = crosswalk.readings(for: CrosswalkEndpoint(.sp80053, "ctl_au-11"))
    #expect(fromAU11.map(\.relationship) == [.intersectsWith])
    #expect(fromAU11.map(\.far) == [CrosswalkEndpoint(.aiAct, "art_19.par_1")])
  }

  @Test("the shipped AU-11 links read back to Articles 19(1) and 26(6), with the controls resting on them")
  func shippedBothDirections() throws {
    let crosswalk = try Self.crosswalk()
    let readings = crosswalk.readings(for: CrosswalkEndpoint(.sp80053, "ctl_au-11"))
    #expect(readings.map(\.far.id) == ["art_19.par_1", "art_26.par_6"])
    #expect(readings.allSatisfy { $0.link.to.id == "ctl_au-11" && $0.relationship == .intersectsWith })
    #expect(PolicyFixtures.rules.controls(concerning: readings[1].far) == ["AIA-12"])
    let fromArticle = crosswalk.readings(for: CrosswalkEndpoint(.aiAct, "art_19.par_1"))
    #expect(fromArticle.map(\.far.description).contains("sp800-53:ctl_au-11"))
  }

  static let goodLink = """
      - from: ai-act:art_12.par_1
        to: iso-42001:A.6.2.8
        relationship: intersects-with
        rationale: both keep logs
    """

  @Test(
    "bad crosswalk files are refused with the code and line of each problem",
    arguments: [
      (
        "links:\n  - from: ai-act:art_12.par_1\n    to: iso-42001:A.6.2.8\n    relationship: intersects-with\n"
          + "    rationale: r\n    note: x\n", "crosswalk.unknown-key", 6
      ),
      ("linkz: []\n", "crosswalk.unknown-key", 1),
      (
        "links:\n  - from: ai-act:art_12.par_1\n    to: iso-42001:A.6.2.8\n    relationship: same-as\n"
          + "    rationale: r\n", "crosswalk.unknown-relationship", 4
      ),
      (
        "links:\n  - from: ai-act:art_12.par_1\n    to: nist-ai-rmf:MEASURE 2.4\n    relationship: related-to\n"
          + "    rationale: r\n", "crosswalk.malformed-id", 3
      ),
      (
        "links:\n  - from: ai-act:Article 12\n    to: iso-42001:A.6.2.8\n    relationship: related-to\n"
          + "    rationale: r\n", "crosswalk.malformed-id", 2
      ),
      (
        "links:\n  - from: eu-ai-act:art_12.par_1\n    to: iso-42001:A.6.2.8\n    relationship: related-to\n"
          + "    rationale: r\n", "crosswalk.malformed-id", 2
      ),
      (
        "links:\n  - from: ai-act:art_12.par_1\n    to: sp800-53:AU-11\n    relationship: related-to\n"
          + "    rationale: r\n", "crosswalk.malformed-id", 3
      ),
      (
        "links:\n  - from: ai-act:art_12.par_1\n    to: iso-42001:A.99.1\n    relationship: related-to\n"
          + "    rationale: r\n", "crosswalk.unknown-endpoint", 3
      ),
      (
        "links:\n  - from: regpolicy:NO-SUCH\n    to: iso-42001:A.6.2.8\n    relationship: related-to\n"
          + "    rationale: r\n", "crosswalk.unknown-endpoint", 2
      ),
      (
        "links:\n  - from: ai-act:art_12.par_1\n    to: iso-42001:A.6.2.8\n    relationship: related-to\n",
        "crosswalk.missing-key", 2
      ),
      (
        "links:\n  - from: ai-act:art_12.par_1\n    to: iso-42001:A.6.2.8\n    relationship: related-to\n"
          + "    rationale: |\n      two\n      lines\n", "crosswalk.invalid-value", 5
      ),
      (
        "links:\n  - from: ai-act:art_12.par_1\n    to: ai-act:art_12.par_1\n    relationship: equal\n"
          + "    rationale: r\n", "crosswalk.invalid-value", 2
      ),
      ("links:\n  - from: ai-act:art_12.par_1\n    to: [x\n", "crosswalk.malformed", 4),
      (
        "links:\n  - from: iso-42001:A.6.2.8\n    to: ai-act:art_12.par_1\n    relationship: related-to\n"
          + "    rationale: the same pair, the other way round\n", "crosswalk.duplicate-link", 2
      ),
    ])
  func badFiles(text: String, code: String, line: Int) throws {
    let iso = "iso-42001:\n  A.6.2.8: AI system recording of event logs\n"
    let loaded = Crosswalk.load(
      files: [("a.yaml", "links:\n" + Self.goodLink + "\n"), ("b.yaml", text), ("iso.yaml", iso)],
      controls: ["FINOPS-GPU"])
    #expect(loaded.crosswalk == nil)
    let found = loaded.errors.map { "\($0.file):\($0.line) \($0.code.rawValue)" }
    #expect(found == ["b.yaml:\(line) \(code)"], "\(loaded.errors)")
  }

  @Test("every problem of a file is reported, the good links of other files notwithstanding")
  func keepsGoing() {
    let text = """
      links:
        - from: ai-act:art_12.par_1
          to: iso-42001:A.6.2.8
          relationship: overlaps
          rationale: r
        - from: nist-ai-rmf:GOVERN 1.1
          to: iso-42001:A.6.2.8
          relationship: related-to
      """
    let loaded = Crosswalk.load(
      files: [("b.yaml", text), ("iso.yaml", "iso-42001:\n  A.6.2.8: t\n")], controls: nil)
    #expect(
      loaded.errors.map { "\($0.line) \($0.code.rawValue)" } == [
        "4 crosswalk.unknown-relationship", "6 crosswalk.malformed-id", "6 crosswalk.missing-key",
      ])
    #expect(loaded.errors[1].message.contains("nist-ai-rmf:sbc_govern-1-1"))
  }

  @Test("the shipped crosswalk counts, per relationship and per pair of frameworks")
  func counts() throws {
    let crosswalk = try Self.crosswalk()
    var byType: [String: Int] = [:]
    var byPair: [String: Int] = [:]
    for link in crosswalk.links {
      byType[link.relationship.rawValue, default: 0] += 1
      byPair["\(link.from.framework.rawValue) → \(link.to.framework.rawValue)", default: 0] += 1
    }
    print("crosswalk links by relationship: \(byType.sorted { $0.key < $1.key })")
    print("crosswalk links by pair: \(byPair.sorted { $0.key < $1.key })")
    // A careful analyst's crosswalk: no text of one framework coincides with another's.
    #expect(byType["equal"] == nil)
    #expect(byType.values.reduce(0, +) == crosswalk.links.count)
  }
}
