import Foundation
import RegPolicyTestSupport
import Testing

/// `regpolicy report` on the AI Act, the synthetic fleet of corpus/fleet and the FOCUS samples of the
/// corpus: figures checked against an independent computation, formats against real readers.
@Suite("regpolicy report", .serialized)
struct ReportCLITests {
  let cli = CLITests()
  static let aiAct = PolicyCLITests.aiAct
  static let fleet = "corpus/fleet"
  static let profile = fleet + "/profile.yaml"
  static let focus13 = ["aws", "azure", "gcp"].map {
    CLITests.corpus + "/finops/focus-1.3/focus_sample_costandusage_\($0)_1000.csv"
  }
  static let focus10 = CLITests.corpus + "/finops/focus-1.0/focus_sample.csv"

  /// The AI Act's policies for the fleet's profile, generated once.
  static let tree = Result { () throws -> String in
    let out = TestPaths.temporaryFolder("report") + "/policies"
    let result = try CLITests().run(["generate", aiAct, "--profile", profile, "--out", out])
    try #require(result.status == 0, "\(result.stderr)")
    return out
  }

  /// The report as JSON, with its run.
  func json(_ arguments: [String]) throws -> (run: CLITests.Run, object: [String: Any]) {
    let run = try cli.run(["report", "--policies", try Self.tree.get(), "--format", "json"] + arguments)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
    return (run, object)
  }

  /// Runs a Python script of the repository, returning its standard output.
  static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: CLITests.packageRoot)
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  // MARK: Coverage

  @Test("coverage of the AI Act for the example profile: totals and articles checked by hand")
  func coverage() throws {
    let (run, report) = try json(["--source", Self.aiAct])
    #expect(run.status == 0, "\(run.stderr)")
    let coverage = try #require(report["coverage"] as? [String: Any])
    let totals = try #require(coverage["totals"] as? [String: Int])
    // Every clause in which the extractor finds an obligation or prohibition is counted once.
    // 740 since issue 15 (was 743), each change read in the text: Annex VI points 2–4 ("The provider
    // verifies that …", duties in the indicative) and Annex VII 3.3 ("shall continue to be implemented
    // and maintained by the provider") are the provider's, applicable and uncovered (+4); the
    // mandate's tasks in 22(3)(a)–(e) and 22(3) second subparagraph and in 54(3)(a)–(d) and 54(4)
    // ("the mandate shall empower the authorised representative to …") are the authorised
    // representative's, other operators (+11, from undetermined); no longer duties: 68(2)(a)–(c) the
    // scientific panel's composition, 75(1) and 76(1) powers conferred (others −5), 43(4) second
    // subparagraph "shall not constitute a substantial modification" (scope) and 59(2) "shall be
    // based on" (undetermined −2); 86(1), the right "to obtain from the deployer clear and
    // meaningful explanations", is also the deployer's duty, applicable and uncovered (+1). 739 since
    // "shall have access to" is a right: 49(4) second subparagraph ("Only the Commission and national
    // authorities … shall have access to the respective restricted sections") is no duty (others −1).
    // 741 since a party that "shall apply" something acts and "may … only" restricts: 81(3) "the
    // Commission shall apply the procedure provided for in Article 11 of Regulation (EU) No
    // 1025/2012" is the Commission's duty, 30(1) "Notifying authorities may notify only conformity
    // assessment bodies which …" a ban on them (others +2). Since the act's own parties (issue 15
    // item 8): 29(1) "Conformity assessment bodies shall submit an application …" and 29(3) "…, it
    // shall provide the notifying authority …" bind the conformity assessment body, a party Article
    // 3(21) defines, now a role the profile does not hold: others, no longer undetermined (2);
    // 112(8) "the Board, the Member States and national competent authorities shall" names the
    // Board too (others either way). 740 since "shall take effect" is entry into force: 97(3) "It
    // shall take effect the day following that of its publication …" (a decision revoking a
    // delegation) binds no one (undetermined −1). 737 since "shall be a/the …" states a status:
    // 74(3) and 74(6) "the market surveillance authority shall be the [national authority] …" and
    // 98(1) "That committee shall be a committee within the meaning of Regulation (EU) No 182/2011"
    // designate, they bind no one (others −3). 732 since "shall remain valid" states a legal
    // effect: 36(8)(a)–(b) and 36(9)(a)–(b) ("the certificates shall remain valid in one of the
    // following circumstances: …") and 44(2) ("Any supplement to a certificate shall remain valid")
    // bind no one (undetermined −5); and since a party that holds what a passive duty is about
    // bears it, 74(14) "Any information or documentation obtained by market surveillance
    // authorities shall be treated in accordance with the confidentiality obligations …" is the
    // market surveillance authorities' (others +1, undetermined −1). 49(3) "…, deployers that are
    // public authorities, Union institutions, bodies, offices or agencies or persons acting on
    // their behalf shall register themselves …" is the deployers' (the list completes their
    // relative clause): applicable, attested by AIA-49 (undetermined −1). 727 since what a thing is
    // for describes it: 57(9)(a)–(e) ("The establishment of AI regulatory sandboxes shall aim to
    // contribute to the following objectives: …") bind no one (undetermined −5). 725 since what a
    // party is granted is its right: 74(13)(a)–(b), the conditions under which "Market surveillance
    // authorities shall be granted access to the source code", no longer count as duties without
    // a named party (undetermined −2). 57(8) "the Commission and the Board shall be authorised to
    // access the exit reports and shall take them into account" is their permission and their duty
    // ("shall be authorised to" is a permission): others, no longer undetermined.
    #expect(totals["applicable"]! + totals["other-operators"]! + totals["others"]! + totals["undetermined"]! == 725)
    #expect(
      totals == [
        "applicable": 192, "automated": 13, "attestation": 52, "needs-review": 0, "uncovered": 127,
        "other-operators": 36, "others": 266, "undetermined": 231,
      ])
    let articles = try #require(coverage["articles"] as? [[String: Any]])
    func counts(_ id: String) -> [Int] {
      guard let row = articles.first(where: { $0["article"] as? String == id }) else { return [] }
      return ["applicable", "automated", "attestation", "needs-review", "uncovered", "other-operators", "others"]
        .map { row[$0] as? Int ?? -1 }
    }
    // Read against the text: Article 4 (AI literacy) binds providers and deployers, no control.
    #expect(counts("art_4") == [1, 0, 0, 0, 1, 0, 0])
    // Article 5(1)(a)–(h): eight prohibitions with no addressee in the words, the operators' by the
    // report table; each screened by AIA-05's none-of check. 5(5)–(7) bind Member States and the
    // Commission; 5(2)–(4) (law-enforcement use, authorisations) name no one and are counted apart.
    #expect(counts("art_5") == [8, 8, 0, 0, 0, 0, 3])
    // Article 9: passive duties of Section 2, the providers' (Article 16(a)). 9(1) and 9(2)(a)–(d)
    // are attested by AIA-09's risk-management record; 9(3)–(6), (8) and (9) are not covered.
    #expect(counts("art_9") == [15, 0, 5, 0, 10, 0, 0])
    // Article 12(1) is checked by AIA-12's logging value (automated); what the logs must record,
    // 12(2)(a)–(c) and 12(3)(a)–(d), no control checks.
    #expect(counts("art_12") == [8, 1, 0, 0, 7, 0, 0])
    // Article 26: deployers' duties; 26(2) oversight and 26(5) monitoring are attested by
    // AIA-26, 26(6) log retention is checked by AIA-12's minimum; 26(1), (4), (7)–(12) uncovered.
    #expect(counts("art_26") == [13, 2, 2, 0, 9, 0, 0])
    // Article 50: 50(1)–(2) providers' marking and disclosure (AIA-50, attestations), 50(3)–(4)
    // deployers' duties uncovered, 50(7) the AI Office's.
    #expect(counts("art_50") == [5, 0, 2, 0, 3, 0, 1])
    let clauses = try #require(coverage["clauses"] as? [[String: Any]])
    func clause(_ id: String) -> [String: Any]? { clauses.first { $0["clause"] as? String == id } }
    #expect(clause("art_50.par_7")?["addressee"] as? String == "others")
    #expect(clause("art_9.par_1")?["inherited-from"] as? String == "cpt_III.sct_2")
    #expect(clause("art_26.par_1")?["inherited-from"] is NSNull)
    #expect(clause("art_26.par_1")?["status"] as? String == "uncovered")
    #expect((clause("art_26.par_1")?["text"] as? String)?.hasPrefix("Deployers of high-risk AI systems shall") == true)
    // Penalties and governance bind Member States and the Commission: never the organisation's gaps.
    let gaps = clauses.filter { $0["status"] as? String == "uncovered" }
    #expect(!gaps.contains { ($0["article"] as? String).map { ["art_99", "art_64", "art_70"].contains($0) } == true })
    let ours: Set<String> = ["provider", "deployer", "operator", "gpai-provider"]
    for gap in gaps {
      #expect(!Set(gap["roles"] as? [String] ?? []).isDisjoint(with: ours), "\(gap["clause"] ?? "")")
    }
  }

  // MARK: Cost

  /// The report's figures and the independent script's, for these cost files.
  func compareSpend(_ files: [String]) throws {
    let (run, report) = try json(
      ["--profile", Self.profile, "--manifests", Self.fleet + "/manifests", "--costs"] + files)
    #expect(run.status == 1, "deny violations make exit 1: \(run.stderr)")
    let costs = try #require(report["costs"] as? [String: Any])
    let script = try Self.python(
      [
        Self.fleet + "/expected_spend.py", "--profile", Self.profile, "--manifests", Self.fleet + "/manifests",
        "--violations", Self.fleet + "/expected-violations.json",
      ] + files)
    try #require(script.status == 0)
    let expected = try #require(try JSONSerialization.jsonObject(with: Data(script.output.utf8)) as? [String: Any])
    #expect(costs["total"] as? String == expected["total"] as? String)
    #expect(costs["rows"] as? Int == expected["rows"] as? Int)
    #expect(costs["currency"] as? String == expected["currency"] as? String)
    #expect(costs["period"] as? [String: String] == expected["period"] as? [String: String])
    #expect(costs["allocated"] as? [String: String] == expected["allocated"] as? [String: String])
    #expect(costs["gpu-ai"] as? String == expected["gpu-ai"] as? String)
    let unallocated = try #require(costs["unallocated"] as? [String: Any])
    let expectedUnallocated = try #require(expected["unallocated"] as? [String: Any])
    for key in ["total", "by-cost-center", "by-owner"] {
      #expect(
        unallocated[key] as? NSObject == expectedUnallocated[key] as? NSObject, "unallocated \(key) for \(files)")
    }
    let risk = try #require(costs["at-risk"] as? [String: Any])
    let expectedRisk = try #require(expected["at-risk"] as? [String: Any])
    for key in ["total", "by-control", "by-cost-center", "by-owner"] {
      #expect(risk[key] as? NSObject == expectedRisk[key] as? NSObject, "at-risk \(key) for \(files)")
    }
    // The violations `check` finds are the ones read from the rules by hand.
    let violations = try #require(report["violations"] as? [String: Any])
    let controls = try #require(violations["controls"] as? [[String: Any]])
    let byControl = try #require(
      try JSONSerialization.jsonObject(
        with: Data(
          contentsOf: URL(fileURLWithPath: CLITests.packageRoot + "/" + Self.fleet + "/expected-violations.json"))
      ) as? [String: Any])
    for control in controls {
      let name = try #require(control["control"] as? String)
      let found = (control["violations"] as? [[String: Any]] ?? []).compactMap { $0["workload-id"] as? String }
      #expect(Set(found) == Set(byControl[name] as? [String] ?? []), "\(name)")
    }
    let unlabelled = controls.flatMap { control in
      (control["violations"] as? [[String: Any]] ?? []).filter { $0["workload-id"] is NSNull }
        .compactMap { $0["subject"] as? String }
    }
    #expect(Set(unlabelled).sorted() == expected["unlabelled-violators"] as? [String])
  }

  @Test("spend at risk equals the independent computation, to the last digit, for each FOCUS file")
  func spend() throws {
    for file in Self.focus13 + [Self.focus10] { try compareSpend([file]) }
    try compareSpend(Self.focus13)
  }

  @Test("split allocation rows and rows priced in EUR are counted once, in the billing currency")
  func splitAndPricing() throws {
    let (_, report) = try json(
      ["--profile", Self.profile, "--manifests", Self.fleet + "/manifests", "--costs", Self.focus13[0]])
    let costs = try #require(report["costs"] as? [String: Any])
    // SOURCES.md §9: 150 AWS rows carry AllocatedTags; 48 are priced in EUR and billed in USD.
    #expect(costs["split-allocation-rows"] as? Int == 150)
    #expect(costs["other-pricing-currency-rows"] as? Int == 48)
    #expect(costs["total"] as? String == "33773.232522429145313")
  }

  /// A cost file in the test's folder.
  static func costFile(_ text: String, name: String = "costs.csv") throws -> String {
    let path = TestPaths.temporaryFolder("costs") + "/" + name
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static let header = "BilledCost,EffectiveCost,BillingCurrency,ChargePeriodStart,ChargePeriodEnd,Tags\n"

  @Test("bad cost data: a diagnostic at its line, exit 3, and no report at all")
  func badCosts() throws {
    let cases: [(String, String, String)] = [
      ("BilledCost,Tags\n1,{}\n", "costs.missing-column", "no column EffectiveCost, BillingCurrency"),
      (Self.header + "1.5,abc,USD,2026-05-01,2026-06-01,\"{}\"\n", "costs.invalid-number", ":2:"),
      (
        Self.header + "1,1,USD,2026-05-01,2026-06-01,{}\n2,2,EUR,2026-05-01,2026-06-01,{}\n", "costs.mixed-currency",
        ":3:"
      ),
      ("", "input.empty", "empty"),
      (Self.header, "costs.no-rows", "no rows"),
      (Self.header + "1,1,USD,2026-05-01,2026-06-01,\"{\n", "costs.malformed", "never closed"),
      (Self.header + "1,1,USD\n", "costs.malformed", "3 fields where the header has 6"),
      (
        Self.header + "1,1,USD,2026-05-01,2026-06-01,\"{\"\"a\"\": \"\"b\"\",}\"\n", "costs.malformed",
        "Tags is not a JSON object"
      ),
      (Self.header + "1,1,US Dollar,2026-05-01,2026-06-01,{}\n", "costs.invalid-value", "not an ISO 4217 code"),
      (Self.header + "1,1,USD,May 2026,2026-06-01,{}\n", "costs.invalid-value", "not an ISO 8601 date"),
      (Self.header + "1,1,USD,2026-05-01,2026-06-01,\"{}\" x\n", "costs.malformed", "text after the closing quote"),
      (Self.header + "1e0-5,1e0-5,USD,2026-05-01,2026-06-01,{}\n", "costs.invalid-number", "not a decimal number"),
    ]
    for (text, code, words) in cases {
      let out = TestPaths.temporaryFolder("report-out") + "/report.md"
      let run = try cli.run([
        "report", "--policies", try Self.tree.get(), "--profile", Self.profile, "--costs", try Self.costFile(text),
        "--out", out,
      ])
      #expect(run.status == 3, "\(code): \(run.stderr)")
      #expect(run.stderr.contains("[\(code)]") && run.stderr.contains(words), "\(run.stderr)")
      #expect(!FileManager.default.fileExists(atPath: out), "no report with a wrong total")
      #expect(run.stdout.isEmpty)
    }
    let binary = try Self.costFile("")
    try Data(Array(Self.header.utf8) + [0, 1, 2]).write(to: URL(fileURLWithPath: binary))
    let run = try cli.run(["report", "--policies", try Self.tree.get(), "--profile", Self.profile, "--costs", binary])
    #expect(run.status == 3 && run.stderr.contains("[input.binary]"), "\(run.stderr)")
  }

  @Test("CSV as exports write it: BOM, quoted header, CRLF, NULL, nested tag values, mixed date forms")
  func exportShapes() throws {
    let header =
      "\u{FEFF}\"BilledCost\",\"EffectiveCost\",\"BillingCurrency\",\"ChargePeriodStart\",\"ChargePeriodEnd\",\"Tags\"\r\n"
    let rows = [
      "2.5,2.5,USD,2024-09-30T23:00:00Z,2024-10-01T00:00:00+02:00,\"{\"\"workload\"\":\"\"billing\"\",\"\"x\"\":[1,{\"\"y\"\":2}]}\"",
      "0.5,0.5,USD,2024-09-01 00:00:00,2024-09-30 23:59:59,NULL",
      "1,1,USD,2024-09-15,2024-09-16,\"{\"\"workload\"\": \"\"billing\"\", \"\"workload\"\": \"\"search\"\"}\"",
    ]
    let costs = try Self.costFile(header + rows.joined(separator: "\r\n") + "\r\n")
    let (run, report) = try json([
      "--profile", Self.profile, "--manifests", Self.fleet + "/manifests", "--costs", costs, costs,
    ])
    #expect(run.stderr.contains("given twice; read once [costs.duplicate-file]"), "\(run.stderr)")
    let spend = try #require(report["costs"] as? [String: Any])
    #expect(spend["total"] as? String == "4")
    // Nested values are skipped, not fatal; a repeated key's last value wins, as in JSON readers.
    #expect(
      spend["allocated"] as? [String: String] == [
        "billing": "2.5", "search": "1", "checkout": "0", "analytics": "0", "ingestion": "0", "recommender": "0",
        "BrightPathMatrix": "0", "ZoomMapMax": "0", "BrightLensMatrix": "0",
      ])
    // Instants, not strings, are compared: 2024-10-01T00:00:00+02:00 is 2024-09-30 22:00 UTC.
    #expect(spend["period"] as? [String: String] == ["start": "2024-09-01 00:00:00", "end": "2024-09-30 23:59:59"])
  }

  @Test("names and tags cannot inject markup into the Markdown comment")
  func markdownInjection() throws {
    let folder = TestPaths.temporaryFolder("hostile")
    try """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: "x`<img src=https://evil.example/x.png>`y"
      namespace: "@octocat"
      labels:
        ai.example.com/system: "true"
        ai.example.com/risk-class: high-risk
        finops.example.com/workload-id: "[link](https://evil.example)"
        finops.example.com/owner: "<b>team</b>"
    spec: {template: {spec: {containers: [{name: m, image: i}]}}}
    """.write(toFile: folder + "/hostile.yaml", atomically: true, encoding: .utf8)
    let costs = try Self.costFile(
      Self.header + "1,1,USD,2026-05-01,2026-06-01,\"{\"\"CostCenter\"\": \"\"cc\\r## injected @octocat\"\"}\"\n")
    let run = try cli.run([
      "report", "--policies", try Self.tree.get(), "--profile", Self.profile, "--manifests", folder, "--costs", costs,
    ])
    #expect(run.status == 1, "\(run.stderr)")
    #expect(!run.stdout.contains("<img") && !run.stdout.contains("<b>team"), "\(run.stdout)")
    #expect(run.stdout.contains("| cc \\#\\# injected \\@octocat | 1.00 |"), "\(run.stdout)")
    #expect(run.stdout.contains("deployment/\\@octocat/x\\`&lt;img"))
    #expect(!run.stdout.contains(" @octocat") && !run.stdout.contains("\n## injected"), "\(run.stdout)")
  }

  @Test("a turnover in another currency than the law's is not compared with its amounts")
  func exposureCurrency() throws {
    let profile = TestPaths.temporaryFolder("profile") + "/usd.yaml"
    let text = try String(contentsOfFile: CLITests.packageRoot + "/" + Self.profile, encoding: .utf8)
    try text.replacingOccurrences(of: "currency: EUR", with: "currency: USD").write(
      toFile: profile, atomically: true, encoding: .utf8)
    let (_, report) = try json(["--profile", profile])
    let tiers = try #require((report["exposure"] as? [String: Any])?["tiers"] as? [[String: Any]])
    #expect(tiers.allSatisfy { $0["ceiling"] is NSNull })
  }

  @Test("mixed currencies convert at the profile's rate, exactly")
  func exchangeRates() throws {
    let profile = TestPaths.temporaryFolder("profile") + "/profile.yaml"
    let text = try String(contentsOfFile: CLITests.packageRoot + "/" + Self.profile, encoding: .utf8)
    try text.replacingOccurrences(
      of: "  column: EffectiveCost\n",
      with: "  column: EffectiveCost\n  currency: USD\n  exchange-rates: {EUR: \"1.0825\"}\n"
    ).write(toFile: profile, atomically: true, encoding: .utf8)
    let costs = try Self.costFile(
      Self.header + "10.10,10.10,USD,2026-05-01,2026-06-01,\"{\"\"workload\"\": \"\"billing\"\"}\"\n"
        + "5.00,5.00,EUR,2026-05-01,2026-06-01,\"{\"\"workload\"\": \"\"billing\"\"}\"\n"
        + "0.1,0.1,EUR,2026-05-01,2026-06-01,{}\n")
    let (_, report) = try json(["--profile", profile, "--manifests", Self.fleet + "/manifests", "--costs", costs])
    let spend = try #require(report["costs"] as? [String: Any])
    // 10.10 + 5.00 × 1.0825 = 15.5125 for billing; 0.1 × 1.0825 = 0.10825 unallocated.
    #expect((spend["allocated"] as? [String: String])?["billing"] == "15.5125")
    #expect((spend["unallocated"] as? [String: Any])?["total"] as? String == "0.10825")
    #expect(spend["total"] as? String == "15.62075")
    #expect(spend["converted-rows"] as? [String: Int] == ["EUR": 2])
  }

  @Test("a 100 MB cost file is summed exactly; above --max-bytes it is refused before reading")
  func largeCostFile() throws {
    let source = try Data(contentsOf: URL(fileURLWithPath: Self.focus13[0]))
    let text = String(decoding: source, as: UTF8.self)
    let headerEnd = try #require(text.firstIndex(of: "\n"))
    let rows = Data(text[text.index(after: headerEnd)...].utf8)
    var data = Data(text[...headerEnd].utf8)
    let copies = 105
    for _ in 0..<copies { data.append(rows) }
    #expect(data.count > 100_000_000)
    let path = TestPaths.temporaryFolder("large") + "/large.csv"
    try data.write(to: URL(fileURLWithPath: path))
    let (run, report) = try json(["--profile", Self.profile, "--costs", path])
    #expect(run.status == 0, "\(run.stderr)")
    let costs = try #require(report["costs"] as? [String: Any])
    // 105 × 33773.232522429145313, by hand: 3546189.414855060257865.
    #expect(costs["total"] as? String == "3546189.414855060257865")
    #expect(costs["rows"] as? Int == 105_000)
    let out = TestPaths.temporaryFolder("report-out") + "/report.json"
    let refused = try cli.run([
      "report", "--policies", try Self.tree.get(), "--profile", Self.profile, "--costs", path, "--max-bytes",
      "50000000", "--out", out,
    ])
    #expect(refused.status == 3 && refused.stderr.contains("[input.too-large]"), "\(refused.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out))
  }

  // MARK: Exposure

  @Test("the fines table cites Article 99(3)–(6) and 101, and each amount and percentage is in the clause")
  func exposure() throws {
    let (_, report) = try json(["--source", Self.aiAct, "--profile", Self.profile])
    let exposure = try #require(report["exposure"] as? [String: Any])
    let tiers = try #require(exposure["tiers"] as? [[String: Any]])
    #expect(
      tiers.compactMap { ($0["clauses"] as? [String])?.first } == [
        "art_99.par_3", "art_99.par_4", "art_99.par_5", "art_101.par_1",
      ])
    // Read the clauses from the regulation itself, and find each figure as the law writes it.
    let ingest = try cli.run(["ingest", Self.aiAct, "--format", "json"])
    let document = try #require(try JSONSerialization.jsonObject(with: Data(ingest.stdout.utf8)) as? [String: Any])
    var texts: [String: String] = [:]
    func walk(_ provision: [String: Any]) {
      if let id = provision["id"] as? String { texts[id] = provision["text"] as? String }
      for child in provision["children"] as? [[String: Any]] ?? [] { walk(child) }
    }
    for provision in document["provisions"] as? [[String: Any]] ?? [] { walk(provision) }
    for tier in tiers {
      let clause = try #require((tier["clauses"] as? [String])?.first)
      let text = try #require(texts[clause])
      let amount = try #require(tier["amount"] as? String)
      // 35000000 → "EUR 35 000 000" (the Official Journal groups thousands with spaces).
      var grouped = ""
      for (index, digit) in amount.enumerated() {
        if index > 0 && (amount.count - index) % 3 == 0 { grouped += " " }
        grouped.append(digit)
      }
      #expect(text.contains("EUR \(grouped)"), "\(clause): \(text)")
      #expect(text.contains("\(tier["percent"] as? String ?? "?") %"), "\(clause): \(text)")
      #expect(text.contains("whichever is higher"), "\(clause)")
      #expect(tier["needs-review"] as? Bool == false, "the table was reviewed against this text")
    }
    #expect(texts["art_99.par_6"]?.contains("In the case of SMEs") == true)
    #expect(texts["art_99.par_6"]?.contains("whichever thereof is lower") == true)
    // Turnover EUR 250,000,000, not an SME: max(35M, 7 % = 17.5M), max(15M, 7.5M), max(7.5M, 2.5M).
    #expect(tiers.map { $0["ceiling"] as? String } == ["35000000", "15000000", "7500000", "15000000"])
    // As an SME: the lower for Article 99's tiers only; Article 101 has no SME rule.
    let sme = TestPaths.temporaryFolder("profile") + "/sme.yaml"
    let text = try String(contentsOfFile: CLITests.packageRoot + "/" + Self.profile, encoding: .utf8)
    try text.replacingOccurrences(of: "sme: false", with: "sme: true").write(
      toFile: sme, atomically: true, encoding: .utf8)
    let (_, smeReport) = try json(["--profile", sme])
    let smeTiers = try #require((smeReport["exposure"] as? [String: Any])?["tiers"] as? [[String: Any]])
    #expect(smeTiers.map { $0["ceiling"] as? String } == ["17500000", "7500000", "2500000", "15000000"])
  }

  // MARK: Crosswalks

  @Test("each control lists what it also evidences in the other frameworks, in JSON, Markdown and HTML")
  func crosswalk() throws {
    let (run, report) = try json(["--profile", Self.profile])
    #expect(run.status == 0, "\(run.stderr)")
    let controls = try #require(report["controls"] as? [[String: Any]])
    func links(_ control: String) -> [String] {
      TraceCLITests.links(controls.first { $0["control"] as? String == control })
    }
    // rules/crosswalks/, read by hand: Article 12(1) related-to MEASURE 2.4 and MANAGE 4.1,
    // intersects-with A.6.2.8 and AU-12; Articles 19(1) and 26(6) related-to A.6.2.8 and
    // intersects-with AU-11. FINOPS-GPU intersects-with SC-6 and is related-to MEASURE 2.12.
    #expect(links("AIA-12").count == 8)
    #expect(links("AIA-12").contains("ai-act:art_12.par_1 related-to nist-ai-rmf:sbc_measure-2-4"))
    #expect(links("AIA-12").contains("ai-act:art_26.par_6 related-to iso-42001:A.6.2.8"))
    #expect(
      Set(links("FINOPS-GPU")) == [
        "regpolicy:FINOPS-GPU intersects-with sp800-53:ctl_sc-6",
        "regpolicy:FINOPS-GPU related-to nist-ai-rmf:sbc_measure-2-12",
      ])
    // Every shipped control has links (the crosswalk tests hold the files to that).
    #expect(controls.allSatisfy { !links($0["control"] as? String ?? "").isEmpty })

    let markdown = try cli.run(["report", "--policies", try Self.tree.get(), "--profile", Self.profile])
    #expect(markdown.status == 0, "\(markdown.stderr)")
    #expect(
      markdown.stdout.contains(
        "| Control | NIST AI RMF | ISO/IEC 42001 | NIST SP 800-53 |\n"), "\(markdown.stdout.prefix(3000))")
    #expect(
      markdown.stdout.contains(
        "| AIA-12 Automatic event logging enabled, logs kept at least six months | "
          + "MANAGE 4.1 (related-to: Article 12(1)), MEASURE 2.4 (related-to: Article 12(1)) | "
          + "A.6.2.8 (intersects-with: Article 12(1)), A.6.2.8 (related-to: Article 19(1), Article 26(6)) | "
          + "AU-11 (intersects-with: Article 19(1), Article 26(6)), AU-12 (intersects-with: Article 12(1)) |\n"))
    #expect(
      markdown.stdout.contains(
        "| FINOPS-GPU GPU requests within the declared budget class | MEASURE 2.12 (related-to) |  | "
          + "SC-6 (intersects-with) |\n"))

    let html = try String(contentsOfFile: try fleetReport("html"), encoding: .utf8)
    #expect(html.contains("<h2>The controls in the other frameworks</h2>"))
    #expect(
      html.contains(
        "<span title=\"Article 12(1) related-to MEASURE 2.4: Article 12(2)(b)-(c) give logging the purpose of "
          + "monitoring in production, which MEASURE 2.4 requires; MEASURE 2.4 does not require the system to "
          + "record events.\">MEASURE 2.4</span> <small>related-to: Article 12(1)</small>"))
  }

  // MARK: Formats

  /// The fleet's report in a format, written with --out.
  func fleetReport(_ format: String, extra: [String] = []) throws -> String {
    let out = TestPaths.temporaryFolder("report-out") + "/report." + format
    let run = try cli.run(
      [
        "report", "--policies", try Self.tree.get(), "--profile", Self.profile, "--source", Self.aiAct,
        "--manifests", Self.fleet + "/manifests", "--costs", Self.focus13[0], "--format", format, "--out", out,
      ] + extra)
    #expect(run.status == 1, "\(run.stderr)")
    return out
  }

  @Test("SARIF validates against the SARIF 2.1.0 schema; each result at the offending key's line")
  func sarif() throws {
    let path = try fleetReport("sarif")
    let validation = try Self.python(["Tests/Support/validate_sarif.py", path])
    #expect(validation.status == 0, "\(validation.output)")
    let log = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let results = try #require(run["results"] as? [[String: Any]])
    let logging = try #require(results.first { $0["ruleId"] as? String == "AIA-12" })
    let location = try #require(
      ((logging["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]))
    let uri = try #require((location["artifactLocation"] as? [String: Any])?["uri"] as? String)
    let line = try #require((location["region"] as? [String: Any])?["startLine"] as? Int)
    // The line holds the offending annotation: `ai.example.com/logging: disabled`.
    let lines = try String(contentsOfFile: CLITests.packageRoot + "/" + uri, encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[line - 1].contains("ai.example.com/logging: disabled"), "\(uri):\(line)")
    let rules = try #require(
      (run["tool"] as? [String: Any]).flatMap { ($0["driver"] as? [String: Any])?["rules"] } as? [[String: Any]])
    let rule = try #require(rules.first { $0["id"] as? String == "AIA-12" })
    #expect((rule["helpUri"] as? String)?.hasPrefix("https://eur-lex.europa.eu/") == true)
    #expect(((rule["help"] as? [String: Any])?["text"] as? String)?.contains("automatic recording of events") == true)
  }

  @Test("JUnit parses with junitparser: a suite per control, a failing case per violating object")
  func junit() throws {
    let path = try fleetReport("junit")
    let parsed = try Self.python(["Tests/Support/read_junit.py", path])
    #expect(parsed.status == 0, "\(parsed.output)")
    let summary = try #require(try JSONSerialization.jsonObject(with: Data(parsed.output.utf8)) as? [String: Any])
    let cases = try #require(summary["cases"] as? [[String: Any]])
    let failing = cases.filter { $0["result"] as? String == "failure" }
    #expect(
      failing.contains {
        $0["classname"] as? String == "AIA-12" && $0["name"] as? String == "statefulset/payments/billing-risk-scorer"
      })
    #expect(summary["failures"] as? Int == failing.count)
    let declared = try #require((summary["declared"] as? [String: Any])?["root"] as? [String: Any])
    #expect(declared["failures"] as? Int == failing.count && declared["tests"] as? Int == cases.count)
    // Controls that look at no object have an empty suite; every case belongs to a generated control.
    #expect(
      Set(cases.compactMap { $0["classname"] as? String }).isSubset(
        of: Set([
          "AIA-05", "AIA-09", "AIA-10", "AIA-11", "AIA-12", "AIA-13", "AIA-14", "AIA-15", "AIA-17", "AIA-26", "AIA-27",
          "AIA-49", "AIA-50", "AIA-53", "AIA-72", "AIA-73", "FINOPS-GPU", "FINOPS-LABELS",
        ])))
  }

  @Test("the HTML report opens in Chromium with no console error, is self-contained, and is screenshotted")
  func html() throws {
    let path = try fleetReport("html")
    let html = try String(contentsOfFile: path, encoding: .utf8)
    #expect(html.utf8.count < 1_000_000)
    for external in ["<script", "<link", "src=", "url(", "@import"] { #expect(!html.contains(external), "\(external)") }
    #expect(html.contains("<svg") && html.contains("Spend at risk per cost centre"))
    let folder = TestPaths.packageRoot + "/.build/screenshots"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let screenshot = folder + "/report.png"
    try? FileManager.default.removeItem(atPath: screenshot)
    let console = try Self.browserConsole(path, screenshot: screenshot)
    #expect(console.isEmpty, "\(console)")
    let size = try FileManager.default.attributesOfItem(atPath: screenshot)[.size] as? Int ?? 0
    #expect(size > 10_000, "a screenshot of a rendered page")
    // The console check sees errors when there are some.
    let bad = TestPaths.temporaryFolder("html") + "/bad.html"
    try "<html><body><script>undefinedFunction()</script></body></html>".write(
      toFile: bad, atomically: true, encoding: .utf8)
    #expect(try !Self.browserConsole(bad, screenshot: bad + ".png").isEmpty)
  }

  /// Opens a file in headless Chromium, writes a screenshot, and returns the console messages.
  static func browserConsole(_ file: String, screenshot: String) throws -> [String] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
      "--user-data-dir=" + TestPaths.temporaryFolder("chromium"), "--window-size=1280,2400",
      "--screenshot=" + screenshot, "file://" + file,
    ]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let data = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "chromium failed (is Debian's chromium installed?)")
    return String(decoding: data, as: UTF8.self).split(separator: "\n").filter { $0.contains(":CONSOLE") }
      .map(String.init)
  }

  @Test("the Markdown fits a pull-request comment on the AI Act with 10,000 manifests")
  func markdownLimit() throws {
    // 10,000 objects: the fleet's documents again and again under new names.
    let fleet = try FileManager.default.contentsOfDirectory(
      atPath: CLITests.packageRoot + "/" + Self.fleet + "/manifests"
    )
    .sorted().map {
      try String(contentsOfFile: CLITests.packageRoot + "/" + Self.fleet + "/manifests/" + $0, encoding: .utf8)
    }
    .joined(separator: "\n---\n")
    var stream = ""
    for copy in 0..<770 {
      stream += fleet.replacingOccurrences(of: "\n  name: ", with: "\n  name: c\(copy)-") + "\n---\n"
    }
    let folder = TestPaths.temporaryFolder("many")
    try stream.write(toFile: folder + "/fleet.yaml", atomically: true, encoding: .utf8)
    let run = try cli.run([
      "report", "--policies", try Self.tree.get(), "--profile", Self.profile, "--source", Self.aiAct, "--manifests",
      folder, "--costs", Self.focus13[0],
    ])
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stdout.contains("of the 10010 objects checked"), "\(run.stdout.prefix(2000))")
    #expect(run.stdout.count <= 65_536, "\(run.stdout.count) characters")
    #expect(run.stdout.contains("more violations (the JSON report lists them all)"))
    #expect(run.stdout.contains("<details><summary>Uncovered obligations"))
  }

  // MARK: Trend and check's CI formats

  @Test("with --previous: new and fixed violations, spend at risk down")
  func trend() throws {
    let before = TestPaths.temporaryFolder("trend")
    let manifests = before + "/manifests"
    try FileManager.default.copyItem(atPath: CLITests.packageRoot + "/" + Self.fleet + "/manifests", toPath: manifests)
    let first = try json(["--profile", Self.profile, "--manifests", manifests, "--costs", Self.focus13[0]])
    try first.run.stdout.write(toFile: before + "/previous.json", atomically: true, encoding: .utf8)
    // Fix the billing scorer's logging (AIA-12).
    let file = manifests + "/01-payments.yaml"
    let text = try String(contentsOfFile: file, encoding: .utf8)
    #expect(text.contains("ai.example.com/logging: disabled"))
    try text.replacingOccurrences(of: "ai.example.com/logging: disabled", with: "ai.example.com/logging: enabled")
      .write(toFile: file, atomically: true, encoding: .utf8)
    let (_, report) = try json([
      "--profile", Self.profile, "--manifests", manifests, "--costs", Self.focus13[0], "--previous",
      before + "/previous.json",
    ])
    let trend = try #require(report["trend"] as? [String: Any])
    #expect(trend["fixed-violations"] as? [String] == ["AIA-12 statefulset/payments/billing-risk-scorer"])
    #expect(trend["new-violations"] as? [String] == [])
    let atRisk = try #require(trend["at-risk"] as? [String: Any])
    // billing's AWS spend (1.2642816) is no longer at risk.
    #expect(atRisk["change"] as? String == "-1.2642816")
    let bad = try cli.run([
      "report", "--policies", try Self.tree.get(), "--previous", Self.fleet + "/profile.yaml",
    ])
    #expect(bad.status == 3 && bad.stderr.contains("[json.malformed]"), "\(bad.stderr)")
  }

  @Test("check --format sarif, junit and github, as CI gates on them")
  func checkFormats() throws {
    let tree = try Self.tree.get()
    // An index with a control twice (edited by hand) still gives valid SARIF, one rule per id.
    let doubled = TestPaths.temporaryFolder("doubled") + "/policies"
    try FileManager.default.copyItem(atPath: tree, toPath: doubled)
    var index = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: doubled + "/index.json")))
        as? [String: Any])
    var entries = try #require(index["policies"] as? [Any])
    entries.append(entries[entries.count - 1])
    index["policies"] = entries
    try JSONSerialization.data(withJSONObject: index).write(to: URL(fileURLWithPath: doubled + "/index.json"))
    let twice = try cli.run(["check", "--policies", doubled, "--format", "sarif", Self.fleet + "/manifests"])
    #expect(twice.status == 1, "\(twice.stderr)")
    let sarif = try cli.run(["check", "--policies", tree, "--format", "sarif", Self.fleet + "/manifests"])
    #expect(sarif.status == 1)
    let path = TestPaths.temporaryFolder("check") + "/check.sarif"
    try sarif.stdout.write(toFile: path, atomically: true, encoding: .utf8)
    let validation = try Self.python(["Tests/Support/validate_sarif.py", path])
    #expect(validation.status == 0, "\(validation.output)")
    let github = try cli.run(["check", "--policies", tree, "--format", "github", Self.fleet + "/manifests"])
    let lines = github.stdout.split(separator: "\n")
    #expect(!lines.isEmpty && lines.allSatisfy { $0.hasPrefix("::error file=") || $0.hasPrefix("::warning file=") })
    #expect(lines.contains { $0.contains("01-payments.yaml,line=") && $0.contains("title=AIA-12 Article 12(1)::") })
    let junit = try cli.run(["check", "--policies", tree, "--format", "junit", Self.fleet + "/manifests"])
    let xml = TestPaths.temporaryFolder("check") + "/check.xml"
    try junit.stdout.write(toFile: xml, atomically: true, encoding: .utf8)
    #expect(try Self.python(["Tests/Support/read_junit.py", xml]).status == 0)
  }

  @Test("profile costs: and exposure: errors are reported together, each at its line")
  func profileErrors() throws {
    let profile = TestPaths.temporaryFolder("profile") + "/bad.yaml"
    let text = try String(contentsOfFile: CLITests.packageRoot + "/" + Self.profile, encoding: .utf8)
    try text.replacingOccurrences(
      of: "    owner: [Owner, owner]\n", with: "    owner: [Owner, owner]\n    team: [Team]\n"
    )
    .replacingOccurrences(of: "column: EffectiveCost", with: "column: ListCost")
    .replacingOccurrences(of: "turnover: \"250000000\"", with: "turnover: lots")
    .write(toFile: profile, atomically: true, encoding: .utf8)
    let run = try cli.run(["report", "--policies", try Self.tree.get(), "--profile", profile])
    #expect(run.status == 3)
    #expect(run.stderr.contains("costs.tags names 'team'"), "\(run.stderr)")
    #expect(run.stderr.contains("costs.column must be EffectiveCost or BilledCost"))
    #expect(run.stderr.contains("exposure.turnover is not an amount"))
  }
}
