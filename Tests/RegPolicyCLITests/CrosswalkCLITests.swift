import Foundation
import RegPolicyTestSupport
import Testing

/// `regpolicy crosswalk` as a user runs it: both directions, the exit statuses, a bad rules folder.
@Suite("regpolicy crosswalk")
struct CrosswalkCLITests {
  let cli = CLITests()

  func json(_ query: String) throws -> [String: Any] {
    let run = try cli.run(["crosswalk", query, "--format", "json"])
    try #require(run.status == 0, "\(query): \(run.stderr)")
    return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
  }

  static func links(_ answer: [String: Any]) -> [[String: Any]] { answer["links"] as? [[String: Any]] ?? [] }

  static func id(_ value: Any?) -> String { (value as? [String: Any])?["id"] as? String ?? "" }

  @Test("an AI Act clause, named as a citation, lists its links from its side with the controls citing it")
  func clause() throws {
    let run = try cli.run(["crosswalk", "Article 12(1)"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("ai-act:art_12.par_1 — EU AI Act Article 12(1)\n"))
    #expect(run.stdout.contains("\nai-act:art_12.par_1 intersects-with sp800-53:ctl_au-12 (NIST SP 800-53 AU-12)\n"))
    #expect(
      run.stdout.contains(
        "\nai-act:art_12.par_1 intersects-with iso-42001:A.6.2.8 (ISO/IEC 42001 A.6.2.8 — AI system recording of event logs)\n"
      ))
    #expect(run.stdout.contains("  controls: AIA-12\n"))
    let answer = try json("art_12.par_1")
    #expect(Self.id(answer["endpoint"]) == "ai-act:art_12.par_1")
    #expect(
      Set(Self.links(answer).map { Self.id($0["far"]) }) == [
        "nist-ai-rmf:sbc_measure-2-4", "nist-ai-rmf:sbc_manage-4-1", "iso-42001:A.6.2.8", "sp800-53:ctl_au-12",
      ])
  }

  @Test("the other direction: AU-11 and MEASURE 2.4 read the AI Act's links backwards")
  func otherDirection() throws {
    let answer = try json("AU-11")
    let links = Self.links(answer)
    #expect(links.map { Self.id($0["near"]) } == ["sp800-53:ctl_au-11", "sp800-53:ctl_au-11"])
    #expect(links.map { Self.id($0["far"]) } == ["ai-act:art_19.par_1", "ai-act:art_26.par_6"])
    #expect(
      links.map { ($0["stated"] as? [String: Any])?["to"] as? String } == ["sp800-53:ctl_au-11", "sp800-53:ctl_au-11"])
    #expect(links.map { $0["controls"] as? [String] ?? [] } == [["AIA-12"], ["AIA-12"]])
    let rmf = Self.links(try json("MEASURE 2.4"))
    #expect(rmf.map { Self.id($0["far"]) } == ["ai-act:art_12.par_1", "ai-act:art_26.par_5"])
    #expect(rmf.map { $0["relationship"] as? String } == ["related-to", "intersects-with"])
  }

  @Test("a control answers with the links of the clauses its rule rests on")
  func control() throws {
    let links = Self.links(try json("AIA-12"))
    // AIA-12 cites Articles 12(1), 19(1) and 26(6): 4 + 2 + 2 links in the shipped crosswalk.
    #expect(
      Set(links.map { Self.id($0["near"]) }) == ["ai-act:art_12.par_1", "ai-act:art_19.par_1", "ai-act:art_26.par_6"])
    #expect(links.count == 8)
    #expect(links.allSatisfy { ($0["controls"] as? [String] ?? []).contains("AIA-12") })
  }

  @Test("the same query gives the same bytes")
  func deterministic() throws {
    for query in ["A.8.2", "Article 9", "FINOPS-GPU"] {
      let first = try cli.run(["crosswalk", query, "--format", "json"])
      let second = try cli.run(["crosswalk", query, "--format", "json"])
      #expect(first.status == 0 && !first.stdout.isEmpty, "\(query): \(first.stderr)")
      #expect(first.stdout == second.stdout)
    }
  }

  @Test("a query that names nothing exits 2, one with no link exits 3, each with its code")
  func unknown() throws {
    let nothing = try cli.run(["crosswalk", "event logging"])
    #expect(nothing.status == 2)
    #expect(nothing.stderr.contains("[crosswalk.unknown-query]"), "\(nothing.stderr)")
    let unlinked = try cli.run(["crosswalk", "AU-3"])
    #expect(unlinked.status == 3)
    #expect(unlinked.stderr.contains("no crosswalk link has 'sp800-53:ctl_au-3'"), "\(unlinked.stderr)")
    #expect(unlinked.stderr.contains("[crosswalk.not-found]"))
  }

  @Test("a rules folder with a bad crosswalk file is refused at the file's line")
  func badFolder() throws {
    let folder = try cli.temporaryFolder().path + "/rules"
    try FileManager.default.copyItem(atPath: CLITests.packageRoot + "/rules", toPath: folder)
    let bad = """
      links:
        - from: ai-act:art_12.par_1
          to: sp800-53:ctl_au-2
          relationship: overlaps
          rationale: both log events
      """
    try bad.write(toFile: folder + "/crosswalks/zz-bad.yaml", atomically: true, encoding: .utf8)
    let run = try cli.run(["crosswalk", "AU-2", "--rules", folder])
    #expect(run.status == 3)
    #expect(
      run.stderr.contains(folder + "/crosswalks/zz-bad.yaml:4:19: error: unknown relationship 'overlaps'"),
      "\(run.stderr)")
    #expect(run.stderr.contains("[crosswalk.unknown-relationship]"))
  }
}
